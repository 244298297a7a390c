//! `jisr names bench`: throughput, index build/memory, query latency, and the
//! same pairs through Python peers. Prints figures only.

use super::io;
use super::synth::{self, Rng};
use jisr_names::{
    NameIndex, NameKind, ParsedName, Scheme, jaro_winkler, match_names, normalize, parse,
    score_fast, transliterate,
};
use std::path::Path;
use std::time::{Duration, Instant};

struct Pair {
    left: String,
    right: String,
    kind: NameKind,
}

fn pairs(data: &Path) -> Vec<Pair> {
    let mut out = Vec::new();
    if let Ok((header, rows)) = io::read_csv(&data.join("name-bench-cases.csv"))
        && let (Ok(s), Ok(a), Ok(b)) = (
            io::column(&header, "schema"),
            io::column(&header, "name1"),
            io::column(&header, "name2"),
        )
    {
        for r in &rows {
            if let (Some(s), Some(a), Some(b)) = (r.get(s), r.get(a), r.get(b)) {
                let kind = if s == "Person" {
                    NameKind::Person
                } else {
                    NameKind::Organization
                };
                out.push(Pair {
                    left: a.clone(),
                    right: b.clone(),
                    kind,
                });
            }
        }
    }
    let bench_pairs = out.len();
    let mut rng = Rng::new(7);
    for _ in 0..2000 {
        let (name, kind) = synth::person(&mut rng);
        let other = if name.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
            transliterate(&name, *rng.pick(&Scheme::ALL))
        } else {
            synth::person(&mut rng).0
        };
        out.push(Pair {
            left: name,
            right: other,
            kind,
        });
    }
    println!(
        "pairs: {} ({bench_pairs} from name-bench, {} synthetic, a third of them cross-script)",
        out.len(),
        out.len() - bench_pairs
    );
    out
}

fn rate<F: FnMut(&Pair) -> f64>(pairs: &[Pair], budget: Duration, mut f: F) -> f64 {
    let mut sink = 0.0;
    for p in pairs.iter().take(50) {
        sink += f(p);
    }
    let start = Instant::now();
    let mut n = 0usize;
    while start.elapsed() < budget {
        for p in pairs {
            sink += f(p);
        }
        n += pairs.len();
    }
    std::hint::black_box(sink);
    n as f64 / start.elapsed().as_secs_f64()
}

/// Pre-parsed pairs scored per second on this thread. Every pair is scored
/// from its parts alone: nothing is remembered from one pair to the next, so
/// cycling through the same pairs measures no cache.
fn score_parsed(parsed: &[(ParsedName, ParsedName)], budget: Duration) -> f64 {
    let start = Instant::now();
    let mut n = 0usize;
    let mut sink = 0.0;
    while start.elapsed() < budget {
        for (a, b) in parsed {
            sink += score_fast(a, b);
        }
        n += parsed.len();
    }
    std::hint::black_box(sink);
    n as f64 / start.elapsed().as_secs_f64()
}

fn rss_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

pub fn run(data: &Path, names: usize, python: &Path, script: &Path) -> anyhow::Result<()> {
    anyhow::ensure!(names > 0, "--names must be at least 1");
    println!("# jisr names bench (single thread unless noted)");
    let pairs = pairs(data);
    let budget = Duration::from_secs(2);
    let full = rate(&pairs, budget, |p| {
        match_names(&p.left, &p.right, p.kind).score
    });
    let parsed: Vec<_> = pairs
        .iter()
        .map(|p| (parse(&p.left, p.kind), parse(&p.right, p.kind)))
        .collect();
    let fast = score_parsed(&parsed, budget);
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .max(1);
    // the same loop on every core at once, each over all the pairs
    let all_cores: f64 = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| s.spawn(|| score_parsed(&parsed, budget)))
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).sum()
    });
    let jw = rate(&pairs, budget, |p| jaro_winkler(&p.left, &p.right));
    println!("pairs/s\tjisr parse+score+explain\t{full:.0}");
    println!("pairs/s\tjisr score (pre-parsed, as in the index; no cache across pairs)\t{fast:.0}");
    println!(
        "pairs/s\tjisr score (pre-parsed), all {threads} cores at once (not single thread; the peers are)\t{all_cores:.0}"
    );
    println!(
        "pairs/s\tjisr jaro-winkler (lower-cased strings, same as the Python JW peers)\t{jw:.0}"
    );
    let _ = normalize("");

    peers(&pairs, python, script, full, fast, jw);

    println!();
    let t0 = Instant::now();
    let generated = synth::names(names, 42);
    let gen_time = t0.elapsed();
    let rss0 = rss_kib();
    let t1 = Instant::now();
    let index = NameIndex::build(
        generated
            .iter()
            .map(|(id, n, k)| (id.clone(), n.as_str(), *k)),
    );
    let build = t1.elapsed();
    let rss1 = rss_kib();
    println!(
        "index: {} synthetic names (generated in {:.2}s), build {:.2}s on {} threads, heap ~{:.0} MiB (RSS +{} MiB)",
        index.len(),
        gen_time.as_secs_f64(),
        build.as_secs_f64(),
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        index.heap_bytes() as f64 / 1048576.0,
        match (rss0, rss1) {
            (Some(a), Some(b)) => format!("{}", b.saturating_sub(a) / 1024),
            _ => "?".to_string(),
        }
    );
    let mut rng = Rng::new(99);
    let mut lat = Vec::with_capacity(1000);
    let mut asked = Vec::with_capacity(1000);
    let mut found = 0usize;
    for _ in 0..1000 {
        let e = rng.below(generated.len());
        let (id, name, kind) = &generated[e];
        let q = if name.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
            transliterate(name, *rng.pick(&Scheme::ALL))
        } else {
            name.to_uppercase()
        };
        let t = Instant::now();
        let hits = index.top_k(&q, *kind, 10);
        lat.push(t.elapsed());
        asked.push((e, q));
        if hits
            .iter()
            .any(|h| &h.id == id || normalize(&h.name) == normalize(name))
        {
            found += 1;
        }
    }
    let in_order = lat.clone();
    lat.sort_unstable();
    let pct = |p: f64| lat[((lat.len() as f64 - 1.0) * p) as usize].as_secs_f64() * 1000.0;
    println!(
        "top-10 query latency over {} names: p50 {:.2} ms, p99 {:.2} ms ({} of 1000 perturbed queries found their entry or an identical name)",
        index.len(),
        pct(0.5),
        pct(0.99),
        found
    );
    peers_screen(python, script, &generated, &asked, &in_order);
    Ok(())
}

/// The same top-10 queries through the peers, which have no index: each
/// scores the query against every listed name, as their users screen.
fn peers_screen(
    python: &Path,
    script: &Path,
    listed: &[(String, String, NameKind)],
    asked: &[(usize, String)],
    jisr_times: &[Duration],
) {
    if !python.exists() || !script.exists() {
        return;
    }
    let mut list = String::new();
    for (_, name, _) in listed {
        list.push_str(&name.replace(['\t', '\n'], " "));
        list.push('\n');
    }
    let mut queries = String::new();
    for (e, q) in asked {
        queries.push_str(&format!("{e}\t{}\n", q.replace(['\t', '\n'], " ")));
    }
    let Some(lines) = run_peers(
        python,
        script,
        "python peers, top 10",
        &[("list.txt", list), ("queries.tsv", queries)],
        |files| {
            let mut args = vec!["--screen".into()];
            args.extend(files.iter().map(|f| f.as_os_str().to_owned()));
            args.extend(["--seconds".into(), "5".into()]);
            args
        },
    ) else {
        return;
    };
    for v in lines {
        let peer = v["peer"].as_str().unwrap_or("?");
        let Some(times) = v["ms_per_query"].as_array() else {
            println!(
                "python peer {peer}, top 10: not run ({})",
                v["error"].as_str().unwrap_or("?")
            );
            continue;
        };
        let mut peer_ms: Vec<f64> = times.iter().filter_map(|t| t.as_f64()).collect();
        let mut ours: Vec<f64> = jisr_times
            .iter()
            .take(peer_ms.len())
            .map(|t| t.as_secs_f64() * 1000.0)
            .collect();
        let (Some(theirs), Some(ours)) = (median(&mut peer_ms), median(&mut ours)) else {
            continue;
        };
        let scanned = v["scanned"].as_u64().unwrap_or(0);
        let how = if scanned < listed.len() as u64 {
            format!("timed over {scanned} names, scaled to the list")
        } else {
            format!(
                "found {} of {}",
                v["found"].as_u64().unwrap_or(0),
                peer_ms.len()
            )
        };
        println!(
            "top-10 ms/query over {} names\t{peer} (python, full scan)\t{theirs:.1}\t({how}; median of the same {} queries)\tjisr index {ours:.2}\tratio jisr/peer {:.0}x",
            listed.len(),
            peer_ms.len(),
            theirs / ours.max(f64::MIN_POSITIVE)
        );
    }
}

fn median(v: &mut [f64]) -> Option<f64> {
    v.sort_unstable_by(f64::total_cmp);
    v.get(v.len() / 2).copied()
}

fn peers(pairs: &[Pair], python: &Path, script: &Path, full: f64, fast: f64, jw: f64) {
    if !python.exists() || !script.exists() {
        println!(
            "python peers: skipped ({} or {} not found; run bench/names/setup-venv.sh from the project root)",
            python.display(),
            script.display()
        );
        return;
    }
    let mut text = String::from("left\tright\tkind\n");
    for p in pairs {
        let k = if p.kind == NameKind::Organization {
            "org"
        } else {
            "person"
        };
        text.push_str(&format!(
            "{}\t{}\t{k}\n",
            p.left.replace('\t', " "),
            p.right.replace('\t', " ")
        ));
    }
    let Some(lines) = run_peers(
        python,
        script,
        "python peers",
        &[("pairs.tsv", text)],
        |files| {
            let mut args: Vec<std::ffi::OsString> =
                files.iter().map(|f| f.as_os_str().to_owned()).collect();
            args.extend(["--seconds".into(), "3".into()]);
            args
        },
    ) else {
        return;
    };
    for v in lines {
        let peer = v["peer"].as_str().unwrap_or("?");
        if let Some(r) = v["pairs_per_sec"].as_f64() {
            let same_metric = if peer.contains("jaro") {
                format!("jisr jaro-winkler/peer {:.1}x; ", jw / r)
            } else {
                String::new()
            };
            println!(
                "pairs/s\t{peer} (python)\t{r:.0}\tratio {same_metric}jisr score/peer {:.2}x; jisr parse+score+explain/peer {:.2}x",
                fast / r,
                full / r
            );
        } else {
            println!(
                "python peer {peer}: not run ({})",
                v["error"].as_str().unwrap_or("?")
            );
        }
    }
}

/// Runs the peer script on temporary files holding `files` (named by their
/// suffix), with the arguments `args` makes of their paths, and returns the
/// JSON lines it printed; says why on standard output, after `what`, when
/// it could not run or failed.
fn run_peers(
    python: &Path,
    script: &Path,
    what: &str,
    files: &[(&str, String)],
    args: impl FnOnce(&[std::path::PathBuf]) -> Vec<std::ffi::OsString>,
) -> Option<Vec<serde_json::Value>> {
    let dir = std::env::temp_dir();
    let paths: Vec<_> = files
        .iter()
        .map(|(suffix, _)| dir.join(format!("jisr-names-{}-{suffix}", std::process::id())))
        .collect();
    let written = paths
        .iter()
        .zip(files)
        .try_for_each(|(path, (_, text))| std::fs::write(path, text));
    let out = match written {
        Ok(()) => std::process::Command::new(python)
            .arg(script)
            .args(args(&paths))
            .output()
            .map_err(|e| format!("the script did not start: {e}")),
        Err(e) => Err(format!("cannot write a temporary file: {e}")),
    };
    for path in &paths {
        let _ = std::fs::remove_file(path);
    }
    let out = match out {
        Ok(out) => out,
        Err(e) => {
            println!("{what}: skipped ({e})");
            return None;
        }
    };
    if !out.status.success() {
        println!(
            "{what}: script exited with {}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("")
        );
    }
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect(),
    )
}
