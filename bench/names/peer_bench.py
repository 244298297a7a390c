#!/usr/bin/env python3
"""Score the same name pairs with Python peers and print throughput as JSON lines.

Usage: peer_bench.py PAIRS.tsv [--seconds S]
PAIRS.tsv has a header and columns `left`, `right`, `kind` (person|org).
Each peer gets the same pairs (cycled) for about S seconds; a peer that is not
installed prints {"peer": ..., "error": ...} instead of a figure.
Run `bench/names/setup-venv.sh` first to install the peers into .venv-names.
"""
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


def main():
    path = sys.argv[1]
    seconds = 3.0
    if "--seconds" in sys.argv:
        seconds = float(sys.argv[sys.argv.index("--seconds") + 1])
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
