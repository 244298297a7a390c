//! `jisr names eval`: figures on the shared data sets (prints; never fails on a figure).

use super::io;
use super::synth::Rng;
use jisr_names::{NameIndex, NameKind, parse, score_fast};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

pub fn run(data: &Path, threshold: f64, misses: bool) -> anyhow::Result<()> {
    println!(
        "# jisr names eval (data: {}, threshold {threshold})",
        data.display()
    );
    println!();
    println!(
        "## token retrieval (test splits): right token among all test-set tokens of the other script"
    );
    println!("set\tdirection\tqueries\tcandidates\trecall@1\trecall@5");
    let wd = io::read_tsv(&data.join("wikidata-tokens-test.tsv"), &["latin", "arabic"])?;
    token_eval("wikidata-test", &wd)?;
    let wp = io::read_tsv(
        &data.join("wikipedia-tokens-test.tsv"),
        &["latin", "arabic"],
    )?;
    token_eval("wikipedia-test", &wp)?;
    let wpe = io::read_tsv(
        &data.join("wikipedia-tokens-eval.tsv"),
        &["latin", "arabic"],
    )?;
    token_eval("wikipedia-eval (tuning split)", &wpe)?;
    println!();
    name_bench(data, threshold)?;
    println!();
    negatives(data, threshold)?;
    println!();
    cross_script_full_names(data, "wikipedia-tokens-train.tsv", misses)?;
    println!();
    cross_script_full_names(data, "wikidata-tokens-train.tsv", misses)?;
    Ok(())
}

fn token_eval(label: &str, pairs: &[Vec<String>]) -> anyhow::Result<()> {
    // rows are [latin, arabic]
    let mut l2a: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut a2l: HashMap<&str, HashSet<&str>> = HashMap::new();
    for r in pairs {
        let (l, a) = (r[0].as_str(), r[1].as_str());
        if l.is_empty() || a.is_empty() {
            continue;
        }
        l2a.entry(l).or_default().insert(a);
        a2l.entry(a).or_default().insert(l);
    }
    for (dir, queries, targets) in [("arabic->latin", &a2l, &l2a), ("latin->arabic", &l2a, &a2l)] {
        let mut cands: Vec<&str> = targets.keys().copied().collect();
        cands.sort_unstable();
        let index = NameIndex::build(cands.iter().map(|c| (c.to_string(), *c, NameKind::Person)));
        let mut qs: Vec<(String, String)> = queries
            .keys()
            .map(|q| (q.to_string(), q.to_string()))
            .collect();
        qs.sort_unstable();
        let results = index.screen(&qs, NameKind::Person, 5, 0.0);
        let (mut r1, mut r5) = (0usize, 0usize);
        for (q, hits) in &results {
            let Some(right) = queries.get(q) else {
                continue;
            };
            if hits.first().is_some_and(|h| right.contains(h.id.as_str())) {
                r1 += 1;
            }
            if hits.iter().take(5).any(|h| right.contains(h.id.as_str())) {
                r5 += 1;
            }
        }
        let n = results.len().max(1) as f64;
        println!(
            "{label}\t{dir}\t{}\t{}\t{:.3}\t{:.3}",
            results.len(),
            cands.len(),
            r1 as f64 / n,
            r5 as f64 / n
        );
    }
    Ok(())
}

fn schema_kind(schema: &str) -> NameKind {
    match schema {
        "Person" => NameKind::Person,
        "Company" | "Organization" | "LegalEntity" => NameKind::Organization,
        _ => NameKind::Unknown,
    }
}

fn name_bench(data: &Path, threshold: f64) -> anyhow::Result<()> {
    let (header, rows) = io::read_csv(&data.join("name-bench-cases.csv"))?;
    let (c_schema, c1, c2, cm) = (
        io::column(&header, "schema")?,
        io::column(&header, "name1")?,
        io::column(&header, "name2")?,
        io::column(&header, "is_match")?,
    );
    let mut scored: Vec<(f64, bool)> = Vec::new();
    for r in &rows {
        let (Some(s), Some(a), Some(b), Some(m)) =
            (r.get(c_schema), r.get(c1), r.get(c2), r.get(cm))
        else {
            continue;
        };
        let kind = schema_kind(s);
        let sc = score_fast(&parse(a, kind), &parse(b, kind));
        scored.push((sc, m == "true"));
    }
    let prf = |t: f64| {
        let tp = scored.iter().filter(|(s, m)| *s >= t && *m).count() as f64;
        let fp = scored.iter().filter(|(s, m)| *s >= t && !*m).count() as f64;
        let fneg = scored.iter().filter(|(s, m)| *s < t && *m).count() as f64;
        let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let r = if tp + fneg > 0.0 {
            tp / (tp + fneg)
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    };
    let (p, r, f) = prf(threshold);
    println!(
        "## name-bench ({} labelled pairs) at threshold {threshold}",
        scored.len()
    );
    println!("precision\trecall\tF1");
    println!("{p:.3}\t{r:.3}\t{f:.3}");
    println!("(reference: nomenklatura logic-v2 at 0.7: precision 0.76, recall 0.82, F1 0.79)");
    print!("sweep (F1 by threshold, for information; not used to pick the default):");
    for t in [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9] {
        let (_, _, f) = prf(t);
        print!(" {t:.2}:{f:.3}");
    }
    println!();
    Ok(())
}

fn negatives(data: &Path, threshold: f64) -> anyhow::Result<()> {
    let (header, rows) = io::read_csv(&data.join("negatives-global.csv"))?;
    let c = io::column(&header, "full_name")?;
    let names: Vec<(String, String)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((format!("neg{i}"), r.get(c)?.clone())))
        .collect();
    let arabic = names
        .iter()
        .filter(|(_, n)| n.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)))
        .count();
    let t0 = Instant::now();
    let index = NameIndex::build(
        names
            .iter()
            .map(|(id, n)| (id.clone(), n.as_str(), NameKind::Person)),
    );
    let build = t0.elapsed();
    let t1 = Instant::now();
    let results = index.screen(&names, NameKind::Person, 2, threshold);
    let screen = t1.elapsed();
    let mut flagged = 0usize;
    let mut flagged_arabic = 0usize;
    let mut identical = 0usize;
    let by_id: HashMap<&str, &str> = names
        .iter()
        .map(|(i, n)| (i.as_str(), n.as_str()))
        .collect();
    for (qid, hits) in &results {
        let others: Vec<_> = hits.iter().filter(|h| h.id != *qid).collect();
        if let Some(h) = others.first() {
            flagged += 1;
            let qn = by_id.get(qid).copied().unwrap_or("");
            if qn.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
                flagged_arabic += 1;
            }
            if jisr_names::normalize(qn) == jisr_names::normalize(&h.name) {
                identical += 1;
            }
        }
    }
    let n = results.len().max(1) as f64;
    println!(
        "## negatives: each of {} synthetic persons ({arabic} in Arabic script) screened against the other {}",
        names.len(),
        names.len() - 1
    );
    println!(
        "false-positive rate at {threshold}\t{:.4}\t({flagged} of {} flagged; {flagged_arabic} of them Arabic-script queries; {identical} flagged on an identically spelled other entry)",
        flagged as f64 / n,
        results.len()
    );
    println!(
        "index build {:.2}s, screening {:.2}s ({:.0} queries/s on all cores)",
        build.as_secs_f64(),
        screen.as_secs_f64(),
        n / screen.as_secs_f64()
    );
    Ok(())
}

/// Full names composed from train-split token pairs: the Arabic form is
/// screened against the Latin forms (plus the negatives as distractors).
/// Wikipedia's tokens are mostly Arab names; Wikidata's mostly names from
/// elsewhere (Japanese, Slavic, German…) written in Arabic script.
fn cross_script_full_names(data: &Path, tokens: &str, misses: bool) -> anyhow::Result<()> {
    let train = io::read_tsv(&data.join(tokens), &["latin", "arabic"])?;
    let train: Vec<&Vec<String>> = train
        .iter()
        .filter(|r| r[0].len() >= 3 && !r[1].is_empty())
        .collect();
    if train.is_empty() {
        return Ok(());
    }
    let mut rng = Rng::new(2026);
    let people = 5000;
    let mut latin = Vec::with_capacity(people);
    let mut arabic = Vec::with_capacity(people);
    for i in 0..people {
        let parts: Vec<&Vec<String>> = (0..3).map(|_| *rng.pick(&train)).collect();
        let l: Vec<&str> = parts.iter().map(|p| p[0].as_str()).collect();
        let a: Vec<&str> = parts.iter().map(|p| p[1].as_str()).collect();
        // a third of the Arabic forms carry the full chain the Latin form shortened
        let a = if i % 3 == 0 {
            a.join(" ")
        } else {
            format!("{} {}", a[0], a[2])
        };
        let l = if i % 3 == 0 {
            format!("{} {}", l[0], l[2])
        } else {
            l.join(" ")
        };
        latin.push((format!("p{i}"), l));
        arabic.push((format!("p{i}"), a));
    }
    let (header, rows) = io::read_csv(&data.join("negatives-global.csv"))?;
    let c = io::column(&header, "full_name")?;
    let negatives: Vec<(String, String)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((format!("neg{i}"), r.get(c)?.clone())))
        .collect();
    for (label, queries, listed) in [
        ("arabic->latin", &arabic, &latin),
        ("latin->arabic", &latin, &arabic),
    ] {
        let list: Vec<&(String, String)> = listed.iter().chain(negatives.iter()).collect();
        let index = NameIndex::build(
            list.iter()
                .map(|(id, n)| (id.clone(), n.as_str(), NameKind::Person)),
        );
        let res = index.screen(queries, NameKind::Person, 5, 0.0);
        if misses {
            print_misses(label, queries, &list, &res);
        }
        report(tokens, label, &res, list.len());
    }
    Ok(())
}

/// One line per query whose own entry is not first, for tuning by eye.
fn print_misses(
    label: &str,
    queries: &[(String, String)],
    list: &[&(String, String)],
    res: &[(&str, Vec<jisr_names::Hit>)],
) {
    let names: HashMap<&str, &str> = list
        .iter()
        .map(|(id, name)| (id.as_str(), name.as_str()))
        .collect();
    for ((id, hits), (_, query)) in res.iter().zip(queries) {
        if hits.first().is_some_and(|h| h.id == *id) {
            continue;
        }
        let own = hits.iter().find(|h| h.id == *id).map_or(-1.0, |h| h.score);
        let (first, first_score) = hits.first().map_or(("", 0.0), |h| {
            (names.get(h.id.as_str()).copied().unwrap_or(""), h.score)
        });
        let entry = names.get(id).copied().unwrap_or("");
        eprintln!("{label}\t{query}\t{entry}\t{own:.3}\t{first}\t{first_score:.3}");
    }
}

fn report(tokens: &str, label: &str, res: &[(&str, Vec<jisr_names::Hit>)], size: usize) {
    let n = res.len().max(1) as f64;
    let r1 = res
        .iter()
        .filter(|(q, h)| h.first().is_some_and(|h| h.id == *q))
        .count() as f64
        / n;
    let r5 = res
        .iter()
        .filter(|(q, h)| h.iter().any(|h| h.id == *q))
        .count() as f64
        / n;
    println!(
        "## synthetic cross-script full names from {tokens} ({label}, {} queries, {size} listed incl. 50,000 negatives)",
        res.len()
    );
    println!("top-1\t{r1:.3}\ttop-5\t{r5:.3}");
}
