//! End-to-end import benchmark (issue: foundation). Prints figures, asserts nothing.
//!
//! cargo bench -p jisr --bench import -- [--attributes N] [--big-event N]
//!
//! 1. Generates a MISP JSON collection of N attributes (default 1,000,000) in
//!    events of 1–10,000 attributes, and imports it with `jisr import`'s code path.
//! 2. In the same run, inserts the same rows into a bare SQLite table with one
//!    prepared statement in one transaction: the floor jisr is measured against.
//! 3. Imports one event of 100,000 attributes and times `GET /events/view` over HTTP.
//! 4. Times a mix of restSearch calls over HTTP (`--searches N` runs each).
//!
//! With `JISR_DATABASE=postgres://…` (an empty database) jisr imports into and
//! serves from PostgreSQL; the bare-table comparison stays SQLite.

use std::io::Write;
use std::time::Instant;

use serde_json::{Value, json};

mod common;
use common::*;

fn main() {
    let total = arg("--attributes", 1_000_000);
    let big = arg("--big-event", 100_000);
    let mut rng = Lcg(42);
    let dir = tempfile::tempdir().expect("temp dir");
    println!("generating {total} attributes …");
    let events = generate(total, &mut rng, &json!({"distribution": "1"}));
    let file = dir.path().join("collection.json");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&file).expect("create"));
        serde_json::to_writer(&mut f, &events).expect("write");
        f.flush().expect("flush");
    }
    let rows: Vec<(String, String)> = events
        .iter()
        .flat_map(|e| {
            e["Event"]["Attribute"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .map(|a| {
            (
                a["type"].as_str().unwrap_or("").to_string(),
                a["value"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    drop(events);

    // jisr import, as a separate process so that its peak memory is its own.
    let data = dir.path().join("data");
    let t = Instant::now();
    let (status, import_peak_mib) = run_measured(&[
        "import",
        "--data",
        data.to_str().unwrap_or("."),
        file.to_str().unwrap_or("."),
    ]);
    let jisr_secs = t.elapsed().as_secs_f64();
    assert!(status.success(), "import failed");
    let jisr_rate = total as f64 / jisr_secs;

    // The floor: a bare table, one statement, one transaction.
    let raw = rusqlite::Connection::open(dir.path().join("raw.db")).expect("raw db");
    raw.execute_batch("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE a (id INTEGER PRIMARY KEY, uuid TEXT, type TEXT, value1 TEXT)").expect("schema");
    let t = Instant::now();
    {
        let tx = raw.unchecked_transaction().expect("tx");
        {
            let mut st = tx
                .prepare("INSERT INTO a (uuid, type, value1) VALUES (?1, ?2, ?3)")
                .expect("prepare");
            for (ty, v) in &rows {
                st.execute(rusqlite::params![uuid::Uuid::new_v4().to_string(), ty, v])
                    .expect("insert");
            }
        }
        tx.commit().expect("commit");
    }
    let raw_rate = total as f64 / t.elapsed().as_secs_f64();

    println!("import: {total} attributes in {jisr_secs:.1} s = {jisr_rate:.0} attributes/s");
    println!("raw SQLite bulk insert of the same rows: {raw_rate:.0} rows/s");
    println!("ratio raw/jisr: {:.1}x", raw_rate / jisr_rate);
    println!("peak memory of the import process: {import_peak_mib:.0} MiB");

    // One big event, viewed through the API.
    let mut rng = Lcg(7);
    let attrs: Vec<Value> = (0..big)
        .map(|i| {
            let (t, v) = attribute(&mut rng, i + 10_000_000);
            json!({"type": t, "value": v})
        })
        .collect();
    let uuid = uuid::Uuid::new_v4().to_string();
    let big_file = dir.path().join("big.json");
    std::fs::write(
        &big_file,
        json!({"Event": {"info": "big", "uuid": uuid, "Attribute": attrs}}).to_string(),
    )
    .expect("write big");
    let out = run_jisr(&[
        "import",
        "--data",
        data.to_str().unwrap_or("."),
        big_file.to_str().unwrap_or("."),
    ]);
    assert!(
        out.status.success(),
        "big import failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let user = run_jisr(&[
        "user",
        "add",
        "bench@example.org",
        "--org",
        "ORGNAME",
        "--role",
        "1",
        "--data",
        data.to_str().unwrap_or("."),
    ]);
    let stdout = String::from_utf8_lossy(&user.stdout).into_owned();
    let key = stdout.lines().last().unwrap_or("").trim().to_string();
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_jisr"))
        .args([
            "serve",
            "--data",
            data.to_str().unwrap_or("."),
            "--listen",
            "127.0.0.1:0",
        ])
        .env("JISR_LOG", "warn")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("serve");
    let stderr = server.stderr.take().expect("stderr");
    let mut url = String::new();
    for line in std::io::BufRead::lines(std::io::BufReader::new(stderr)) {
        let line = line.unwrap_or_default();
        if let Some(u) = line.split("listening on ").nth(1) {
            url = u.trim().to_string();
            break;
        }
    }
    let client = reqwest::blocking::Client::builder()
        .timeout(std::time::Duration::from_secs(600))
        .build()
        .expect("client");
    let t = Instant::now();
    let resp = client
        .get(format!("{url}/events/view/{uuid}"))
        .header("Authorization", &key)
        .send()
        .expect("view");
    let status = resp.status();
    let bytes = resp.bytes().expect("body").len();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "view of one event with {big} attributes: {secs:.2} s ({status}, {:.1} MiB of JSON)",
        bytes as f64 / 1048576.0
    );
    search_mix(&client, &url, &key, arg("--searches", 20));
    let _ = server.kill();
    let _ = server.wait();
}

/// The restSearch calls analysts and integrations make all day, each
/// repeated `n` times over the imported data: median and 95th percentile.
fn search_mix(client: &reqwest::blocking::Client, url: &str, key: &str, n: usize) {
    let mix: &[(&str, &str, Value)] = &[
        (
            "events by exact value",
            "events/restSearch",
            json!({"value": "host4242.example.org"}),
        ),
        (
            "attributes by type, page of 100",
            "attributes/restSearch",
            json!({"type": "ip-dst", "limit": 100, "page": 3}),
        ),
        (
            "attributes by value pattern, 50",
            "attributes/restSearch",
            json!({"value": "%.example.org", "limit": 50}),
        ),
        (
            "attributes of the last day, 100",
            "attributes/restSearch",
            json!({"timestamp": "1d", "limit": 100}),
        ),
        (
            "IDS attributes as CSV, 1000",
            "attributes/restSearch",
            json!({"returnFormat": "csv", "to_ids": 1, "limit": 1000}),
        ),
        (
            "Arabic name, exact",
            "attributes/restSearch",
            json!({"value": "محمد 4244 Tawfik"}),
        ),
        (
            "event index, first page",
            "events/index",
            json!({"limit": 60, "page": 1}),
        ),
    ];
    println!("restSearch mix ({n} runs each): median / p95");
    for (name, path, body) in mix {
        let mut times = vec![];
        let mut status = 0;
        for _ in 0..n {
            let t = Instant::now();
            let resp = client
                .post(format!("{url}/{path}"))
                .header("Authorization", key)
                .header("Accept", "application/json")
                .json(body)
                .send()
                .expect("search");
            status = resp.status().as_u16();
            let _ = resp.bytes();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(|a, b| a.total_cmp(b));
        let median = times[times.len() / 2];
        let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
        println!("  {name:<36} {median:>8.1} ms / {p95:>8.1} ms (HTTP {status})");
    }
}
