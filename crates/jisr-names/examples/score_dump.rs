//! Prints the score (exact f64 bits) and explanation of several hundred
//! thousand pairs built from the name data sets, one line per pair, so a
//! change to the scoring kernel can be checked for identical results:
//!
//! ```text
//! cargo run --release -p jisr-names --example score_dump -- ../shared/data/names > before.txt
//! (change the kernel)
//! cargo run --release -p jisr-names --example score_dump -- ../shared/data/names > after.txt
//! cmp before.txt after.txt
//! ```
//!
//! With `--rate PAIRS.tsv [ROUNDS]` it instead scores the pre-parsed pairs of
//! a TSV (`left`, `right`, `kind`, as `jisr names bench` hands to the Python
//! peers) for a fixed number of rounds, as a steady load for a profiler;
//! `--rate-full` parses, scores and explains them each round; `--index DATA`
//! times top-10 queries over an index of the 50,000 negatives.

use jisr_names::{NameKind, Scheme, parse, score, score_fast, transliterate};
use std::io::Write;
use std::path::Path;

fn lines(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

/// The first field of a CSV row and the two name columns of name-bench; the
/// files have no quoted commas in these columns.
fn csv_fields(line: &str) -> Vec<String> {
    line.split(',').map(str::to_string).collect()
}

fn pairs(data: &Path) -> Vec<(String, String, NameKind)> {
    let mut out = Vec::new();
    let bench = std::fs::read_to_string(data.join("name-bench-cases.csv")).unwrap_or_default();
    for l in bench.lines().skip(1) {
        let f = csv_fields(l);
        if f.len() > 3 {
            let kind = if f[1] == "Person" {
                NameKind::Person
            } else {
                NameKind::Organization
            };
            out.push((f[2].clone(), f[3].clone(), kind));
            out.push((f[2].clone(), f[3].clone(), NameKind::Unknown));
        }
    }
    // tokens: each against its own transliteration and its neighbours, both
    // scripts and both same-script directions (the strict and edit-ratio paths)
    for (file, ar, la) in [
        ("wikipedia-tokens-test.tsv", 0, 1),
        ("wikipedia-tokens-eval.tsv", 0, 1),
        ("wikidata-tokens-test.tsv", 1, 0),
    ] {
        let rows = lines(&data.join(file));
        let rows: Vec<_> = rows.iter().filter(|r| r.len() > 1).take(3000).collect();
        for (i, r) in rows.iter().enumerate() {
            for d in 0..40 {
                let o = rows[(i + d * 7) % rows.len()];
                out.push((r[ar].clone(), o[la].clone(), NameKind::Person));
                if d < 10 {
                    out.push((r[la].clone(), o[la].clone(), NameKind::Person));
                    out.push((r[ar].clone(), o[ar].clone(), NameKind::Person));
                    // two tokens against one: the merge path
                    let two = format!("{} {}", o[la], rows[(i + d + 1) % rows.len()][la]);
                    out.push((r[ar].clone(), two, NameKind::Person));
                }
            }
        }
    }
    // full names: neighbours, transliterations and shortened chains
    let neg = std::fs::read_to_string(data.join("negatives-global.csv")).unwrap_or_default();
    let names: Vec<String> = neg
        .lines()
        .skip(1)
        .filter_map(|l| csv_fields(l).into_iter().next())
        .take(6000)
        .collect();
    for (i, n) in names.iter().enumerate() {
        for d in 1..12 {
            out.push((
                n.clone(),
                names[(i + d * 13) % names.len()].clone(),
                NameKind::Person,
            ));
        }
        let t = transliterate(n, Scheme::ALL[i % Scheme::ALL.len()]);
        out.push((n.clone(), t.clone(), NameKind::Person));
        let short: Vec<&str> = t.split(' ').collect();
        if short.len() > 2 {
            out.push((
                n.clone(),
                format!("{} {}", short[0], short[short.len() - 1]),
                NameKind::Person,
            ));
        }
        out.push((
            n.clone(),
            names[(i + 1) % names.len()].clone(),
            NameKind::Unknown,
        ));
    }
    out
}

/// Parse both names, score and explain, as `jisr names bench` does for its
/// first figure.
fn rate_full(path: &Path, rounds: usize) {
    let rows = lines(path);
    let pairs: Vec<_> = rows
        .iter()
        .filter(|r| r.len() > 2)
        .map(|r| {
            let kind = if r[2] == "org" {
                NameKind::Organization
            } else {
                NameKind::Person
            };
            (r[0].as_str(), r[1].as_str(), kind)
        })
        .collect();
    let start = std::time::Instant::now();
    let mut sink = 0.0;
    for _ in 0..rounds {
        for &(a, b, kind) in &pairs {
            sink += jisr_names::match_names(a, b, kind).score;
        }
    }
    let n = pairs.len() * rounds;
    println!(
        "{n} pairs, {:.0} pairs/s (sum {sink:.6})",
        n as f64 / start.elapsed().as_secs_f64()
    );
}

/// Top-10 queries over an index of the negatives' names, each query a
/// romanised or upper-cased entry: median and p99 latency.
fn index_latency(data: &Path) {
    let neg = std::fs::read_to_string(data.join("negatives-global.csv")).unwrap_or_default();
    let names: Vec<String> = neg
        .lines()
        .skip(1)
        .filter_map(|l| csv_fields(l).into_iter().next())
        .collect();
    let t = std::time::Instant::now();
    let index = jisr_names::NameIndex::build(
        names
            .iter()
            .enumerate()
            .map(|(i, n)| (i.to_string(), n.as_str(), NameKind::Person)),
    );
    println!(
        "index of {} names built in {:.2}s",
        index.len(),
        t.elapsed().as_secs_f64()
    );
    let mut lat = Vec::new();
    let mut sink = 0.0;
    for (i, n) in names
        .iter()
        .enumerate()
        .step_by(names.len().max(1000) / 1000)
    {
        let q = if n.is_ascii() {
            n.to_uppercase()
        } else {
            transliterate(n, Scheme::ALL[i % Scheme::ALL.len()])
        };
        let t = std::time::Instant::now();
        let hits = index.top_k(&q, NameKind::Person, 10);
        lat.push(t.elapsed().as_secs_f64() * 1000.0);
        sink += hits.first().map_or(0.0, |h| h.score);
    }
    lat.sort_by(f64::total_cmp);
    println!(
        "{} top-10 queries: p50 {:.3} ms, p99 {:.3} ms (sum {sink:.6})",
        lat.len(),
        lat[lat.len() / 2],
        lat[lat.len() * 99 / 100]
    );
}

fn rate(path: &Path, rounds: usize) {
    let rows = lines(path);
    let parsed: Vec<_> = rows
        .iter()
        .filter(|r| r.len() > 2)
        .map(|r| {
            let kind = if r[2] == "org" {
                NameKind::Organization
            } else {
                NameKind::Person
            };
            (parse(&r[0], kind), parse(&r[1], kind))
        })
        .collect();
    let start = std::time::Instant::now();
    let mut sink = 0.0;
    for _ in 0..rounds {
        for (a, b) in &parsed {
            sink += score_fast(a, b);
        }
    }
    let n = parsed.len() * rounds;
    println!(
        "{n} pairs, {:.0} pairs/s (sum {sink:.6})",
        n as f64 / start.elapsed().as_secs_f64()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--index") {
        index_latency(Path::new(
            args.get(1).map_or("../shared/data/names", String::as_str),
        ));
        return;
    }
    if args.first().map(String::as_str) == Some("--rate-full") {
        let rounds = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
        rate_full(
            Path::new(args.get(1).map_or("pairs.tsv", String::as_str)),
            rounds,
        );
        return;
    }
    if args.first().map(String::as_str) == Some("--rate") {
        let rounds = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(20);
        rate(
            Path::new(args.get(1).map_or("pairs.tsv", String::as_str)),
            rounds,
        );
        return;
    }
    let data = Path::new(args.first().map_or("../shared/data/names", String::as_str));
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for (a, b, kind) in pairs(data) {
        let (pa, pb) = (parse(&a, kind), parse(&b, kind));
        let m = score(&pa, &pb);
        let f = score_fast(&pa, &pb);
        let _ = writeln!(
            out,
            "{:016x}\t{:016x}\t{a}\t{b}\t{}",
            m.score.to_bits(),
            f.to_bits(),
            m.explanation
        );
    }
}
