//! `jisr names …`: the command-line face of the jisr-names engine.
//!
//! The engine itself does no I/O; reading lists and data sets lives here.

mod bench;
mod eval;
mod io;
mod synth;

use anyhow::bail;
use clap::Subcommand;
use jisr_names::{Hit, NameIndex, NameKind, Scheme, parse_listed, score, transliterate};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum NamesCommand {
    /// Score two names and explain the alignment.
    Match {
        a: String,
        b: String,
        /// person, org or unknown (decided from the words).
        #[arg(long, default_value = "unknown")]
        kind: String,
    },
    /// Screen a list of names against another: prints TSV `query_id, match_id, score`.
    Screen {
        /// TSV (or CSV) with a header and columns `id` and `name`: the list screened
        /// against (rows sharing an id are one entry's names: it is listed once,
        /// by its best).
        #[arg(long)]
        against: PathBuf,
        /// TSV (or CSV) with a header and columns `id` and `name`: the names to look up
        /// (rows sharing an id are one query under several names: their
        /// candidates are pooled).
        queries: PathBuf,
        /// Candidates printed per query, best first.
        #[arg(long, default_value_t = 5)]
        top: usize,
        /// Minimum score printed.
        #[arg(long, default_value_t = 0.0)]
        threshold: f64,
        /// person, org or unknown (decided per name from its words).
        #[arg(long, default_value = "unknown")]
        kind: String,
        /// Also print, after the score, the query's name that found the
        /// match, the match's name, and how their parts aligned.
        #[arg(long)]
        explain: bool,
    },
    /// Print recall, precision/recall/F1 and false-positive figures on the shared data.
    Eval {
        /// Directory of the name data sets.
        #[arg(long, default_value = "../shared/data/names")]
        data: PathBuf,
        /// Operating threshold for name-bench and the negatives.
        #[arg(long, default_value_t = jisr_names::DEFAULT_THRESHOLD)]
        threshold: f64,
        /// Also list, on standard error, every full-name query whose own entry
        /// is not first: query, entry (with its score, -1 if not in the top 5),
        /// the name found first (with its score).
        #[arg(long)]
        misses: bool,
    },
    /// Print throughput, index build time and memory, query latency, and Python peer ratios.
    Bench {
        /// Directory of the name data sets (for realistic pairs).
        #[arg(long, default_value = "../shared/data/names")]
        data: PathBuf,
        /// Names in the synthetic index.
        #[arg(long, default_value_t = 1_000_000)]
        names: usize,
        /// Python interpreter with rapidfuzz, jellyfish and nomenklatura (see bench/names/setup-venv.sh).
        #[arg(long, default_value = ".venv-names/bin/python")]
        python: PathBuf,
        /// Peer benchmark script.
        #[arg(long, default_value = "bench/names/peer_bench.py")]
        script: PathBuf,
    },
}

/// A hit and the query name that found it.
type Found<'q> = (Hit, &'q str);

/// Query rows sharing an id are one person or body under several names:
/// their hits are pooled, each match once by its best score (with the name
/// that found it), the top `k` kept, in the order the ids first appear.
fn by_query_id<'q>(
    results: impl IntoIterator<Item = (&'q str, Vec<Found<'q>>)>,
    k: usize,
) -> Vec<(&'q str, Vec<Found<'q>>)> {
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut pooled: Vec<(&str, Vec<Found>)> = Vec::new();
    for (qid, hits) in results {
        match at.get(qid) {
            Some(&i) => pooled[i].1.extend(hits),
            None => {
                at.insert(qid, pooled.len());
                pooled.push((qid, hits));
            }
        }
    }
    for (_, hits) in &mut pooled {
        hits.sort_by(|a, b| b.0.score.total_cmp(&a.0.score));
        let mut seen = HashSet::new();
        hits.retain(|h| seen.insert(h.0.id.clone()));
        hits.truncate(k);
    }
    pooled
}

/// A field of the TSV printed: names and explanations hold no tab or line
/// break of their own (the lists are read by line and tab), but keep them out.
fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn kind_arg(s: &str) -> anyhow::Result<NameKind> {
    s.parse().map_err(|e: String| anyhow::anyhow!(e))
}

pub fn run(cmd: NamesCommand) -> anyhow::Result<()> {
    match cmd {
        NamesCommand::Match { a, b, kind } => {
            let kind = kind_arg(&kind)?;
            let (pa, pb) = jisr_names::parse_pair(&a, &b, kind);
            let m = score(&pa, &pb);
            println!("score\t{:.4}", m.score);
            println!(
                "match\t{}",
                if m.score >= jisr_names::DEFAULT_THRESHOLD {
                    "yes"
                } else {
                    "no"
                }
            );
            println!("explanation\t{}", m.explanation);
            for (label, p) in [("left", &pa), ("right", &pb)] {
                let mut parts: Vec<String> = p
                    .parts
                    .iter()
                    .map(|x| format!("{}:{}", x.role.as_str(), x.text))
                    .collect();
                parts.extend(p.born.map(|y| format!("born:{y}")));
                println!(
                    "{label}\t{} [{}]\t{}",
                    p.kind.as_str(),
                    parts.join(" | "),
                    jisr_names::keys(p).join(" ")
                );
                if p.parts
                    .iter()
                    .any(|x| x.script == jisr_names::Script::Arabic)
                {
                    let forms: Vec<String> = Scheme::ALL
                        .iter()
                        .map(|s| transliterate(&p.original, *s))
                        .collect();
                    println!("{label} romanised\t{}", forms.join(" / "));
                }
            }
            Ok(())
        }
        NamesCommand::Screen {
            against,
            queries,
            top,
            threshold,
            kind,
            explain,
        } => {
            let kind = kind_arg(&kind)?;
            if top == 0 {
                bail!("--top 0 prints no candidates: give 1 or more");
            }
            if !(0.0..=1.0).contains(&threshold) {
                bail!(
                    "--threshold {threshold} is outside the scores' range: give 0 to 1 (e.g. 0.75)"
                );
            }
            let list = io::read_id_name_list(&against)?;
            let qs = io::read_id_name_list(&queries)?;
            let index = NameIndex::build(
                list.iter()
                    .map(|(id, name)| (id.clone(), name.as_str(), kind)),
            );
            // `screen` answers in the order of the queries
            let found = index
                .screen(&qs, kind, top, threshold)
                .into_iter()
                .zip(&qs)
                .map(|((qid, hits), (_, name))| {
                    (qid, hits.into_iter().map(|h| (h, name.as_str())).collect())
                });
            let results = by_query_id(found, top);
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            if explain {
                writeln!(
                    out,
                    "query_id\tmatch_id\tscore\tquery_name\tmatch_name\texplanation"
                )?;
            } else {
                writeln!(out, "query_id\tmatch_id\tscore")?;
            }
            for (qid, hits) in results {
                for (h, query) in hits {
                    write!(out, "{qid}\t{}\t{:.4}", h.id, h.score)?;
                    if explain {
                        let how = index
                            .explain(&parse_listed(query, kind), &h)
                            .map(|m| m.explanation.to_string())
                            .unwrap_or_default();
                        write!(
                            out,
                            "\t{}\t{}\t{}",
                            tsv_field(query),
                            tsv_field(&h.name),
                            tsv_field(&how)
                        )?;
                    }
                    writeln!(out)?;
                }
            }
            out.flush()?;
            Ok(())
        }
        NamesCommand::Eval {
            data,
            threshold,
            misses,
        } => eval::run(&data, threshold, misses),
        NamesCommand::Bench {
            data,
            names,
            python,
            script,
        } => bench::run(&data, names, &python, &script),
    }
}
