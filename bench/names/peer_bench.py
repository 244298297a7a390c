#!/usr/bin/env python3
"""Score the same name pairs with Python peers and print throughput as JSON lines.

Usage: peer_bench.py PAIRS.tsv [--seconds S]
       peer_bench.py --screen LIST.txt QUERIES.tsv [--seconds S]
PAIRS.tsv has a header and columns `left`, `right`, `kind` (person|org).
Each peer gets the same pairs (cycled) for about S seconds; a peer that is not
installed prints {"peer": ..., "error": ...} instead of a figure.
With --screen, LIST.txt holds one person name per line and QUERIES.tsv lines
of `index-of-the-right-entry<TAB>query`; each peer finds the top 10 of each
query by scoring it against every listed name.
Run `bench/names/setup-venv.sh` first to install the peers into .venv-names.
"""
import heapq
import json
import sys
import time


def read_pairs(path):
    with open(path, encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        li, ri, ki = header.index("left"), header.index("right"), header.index("kind")
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > max(li, ri, ki):
                yield cols[li], cols[ri], cols[ki]


def timed(name, fn, pairs, seconds):
    # one untimed pass: peers load dictionaries and models lazily on first use
    for left, right, kind in pairs[:50]:
        fn(left, right, kind)
    done = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        for left, right, kind in pairs:
            fn(left, right, kind)
        done += len(pairs)
        if time.perf_counter() >= deadline:
            break
    elapsed = time.perf_counter() - start
    print(json.dumps({"peer": name, "pairs": done, "seconds": elapsed, "pairs_per_sec": done / elapsed}), flush=True)


def screen(list_path, queries_path, seconds):
    """Top 10 of each query over the whole list, as a user of each peer would
    screen without an index: one full pass over the list per query. Queries
    run until the time budget is spent (at least one); nomenklatura is timed
    on a slice of the list and its figure scaled to the whole list."""
    with open(list_path, encoding="utf-8") as fh:
        names = [line.rstrip("\n") for line in fh]
    queries = []
    with open(queries_path, encoding="utf-8") as fh:
        for line in fh:
            expected, query = line.rstrip("\n").split("\t", 1)
            queries.append((int(expected), query))
    lowered = [n.lower() for n in names]

    def run(name, top10, scanned):
        times, found = [], 0
        deadline = time.perf_counter() + seconds
        for expected, query in queries:
            start = time.perf_counter()
            hits = top10(query)
            times.append((time.perf_counter() - start) * 1000.0 * len(names) / scanned)
            # as jisr's count: the entry itself or a name spelled the same
            found += any(h == expected or lowered[h] == lowered[expected] for h in hits)
            if time.perf_counter() >= deadline:
                break
        # a peer scanning a slice cannot find entries beyond it
        found = found if scanned == len(names) else None
        print(json.dumps({"peer": name, "task": "top10", "queries": len(times), "found": found,
                          "ms_per_query": times, "scanned": scanned, "listed": len(names)}), flush=True)

    try:
        from rapidfuzz import process
        from rapidfuzz.distance import JaroWinkler

        def rapid(query):
            return [i for _, _, i in process.extract(query.lower(), lowered, scorer=JaroWinkler.similarity, limit=10)]

        run("rapidfuzz-jaro-winkler process.extract", rapid, len(names))
    except ImportError as e:
        print(json.dumps({"peer": "rapidfuzz-jaro-winkler", "task": "top10", "error": str(e)}), flush=True)

    try:
        import jellyfish

        def jelly(query):
            q = query.lower()
            scores = ((jellyfish.jaro_winkler_similarity(q, n), i) for i, n in enumerate(lowered))
            return [i for _, i in heapq.nlargest(10, scores)]

        run("jellyfish-jaro-winkler loop", jelly, len(names))
    except ImportError as e:
        print(json.dumps({"peer": "jellyfish-jaro-winkler", "task": "top10", "error": str(e)}), flush=True)

    try:
        from followthemoney import model
        from nomenklatura.matching import get_algorithm
        from nomenklatura.matching.types import ScoringConfig

        algo = get_algorithm("logic-v2")
        config = ScoringConfig.defaults()
        part = min(len(names), 2000)

        def entity(name):
            e = model.make_entity("Person")
            e.id = "x"
            e.add("name", name)
            return e

        # the list's entities are built once, as an index of them would be
        entities = [entity(n) for n in names[:part]]
        # untimed: the matcher loads its dictionaries and models on first use
        for e in entities[:50]:
            algo.compare(entity(queries[0][1] if queries else "x"), e, config)

        def nomen(query):
            q = entity(query)
            scores = ((algo.compare(q, e, config).score, i) for i, e in enumerate(entities))
            return [i for _, i in heapq.nlargest(10, scores)]

        run("nomenklatura-logic-v2 loop", nomen, part)
    except Exception as e:  # noqa: BLE001 - any failure to load the peer is reported, not fatal
        print(json.dumps({"peer": "nomenklatura-logic-v2", "task": "top10", "error": repr(e)}), flush=True)


def main():
    seconds = 3.0
    if "--seconds" in sys.argv:
        seconds = float(sys.argv[sys.argv.index("--seconds") + 1])
    if "--screen" in sys.argv:
        at = sys.argv.index("--screen")
        screen(sys.argv[at + 1], sys.argv[at + 2], seconds)
        return
    path = sys.argv[1]
    pairs = list(read_pairs(path))

    try:
        from rapidfuzz.distance import JaroWinkler

        timed("rapidfuzz-jaro-winkler", lambda a, b, k: JaroWinkler.similarity(a.lower(), b.lower()), pairs, seconds)
    except ImportError as e:
        print(json.dumps({"peer": "rapidfuzz-jaro-winkler", "error": str(e)}), flush=True)

    try:
        import jellyfish

        timed("jellyfish-jaro-winkler", lambda a, b, k: jellyfish.jaro_winkler_similarity(a.lower(), b.lower()), pairs, seconds)
    except ImportError as e:
        print(json.dumps({"peer": "jellyfish-jaro-winkler", "error": str(e)}), flush=True)

    try:
        from followthemoney import model
        from nomenklatura.matching import get_algorithm
        from nomenklatura.matching.types import ScoringConfig

        algo = get_algorithm("logic-v2")
        config = ScoringConfig.defaults()
        schemata = {"person": "Person", "org": "Organization"}

        def entity(name, kind):
            e = model.make_entity(schemata.get(kind, "LegalEntity"))
            e.id = "x"
            e.add("name", name)
            return e

        # entity construction is part of the peer's cost just as parsing is part of ours
        def compare(a, b, k):
            return algo.compare(entity(a, k), entity(b, k), config).score

        timed("nomenklatura-logic-v2", compare, pairs[: max(1, min(len(pairs), 2000))], seconds)
    except Exception as e:  # noqa: BLE001 - any failure to load the peer is reported, not fatal
        print(json.dumps({"peer": "nomenklatura-logic-v2", "error": repr(e)}), flush=True)


if __name__ == "__main__":
    main()
