//! Federation benchmark (issue: federation). Prints figures, asserts nothing.
//!
//! cargo bench -p jisr --bench sync -- [--attributes N]
//!
//! 1. Generates N attributes (default 1,000,000) in published all-communities
//!    events of 1–10,000 attributes and imports them into instance A.
//! 2. Serves A; instance B links to A with a sync user's key, as admins do.
//! 3. Times `jisr sync pull` on B: a full pull of everything (attributes/s,
//!    peak memory of the pulling process), then a pull with nothing new.

use std::io::{BufRead, Write};
use std::time::Instant;

use serde_json::{Value, json};

mod common;
use common::*;

fn main() {
    let total = arg("--attributes", 1_000_000);
    let mut rng = Lcg(42);
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    println!("generating {total} attributes …");
    let events = generate(
        total,
        &mut rng,
        &json!({"distribution": "3", "published": true}),
    );
    let n_events = events.len();
    let file = dir.path().join("collection.json");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&file).expect("create"));
        serde_json::to_writer(&mut f, &events).expect("write");
        f.flush().expect("flush");
    }
    drop(events);
    // The first command on a data directory creates its admin, with this key.
    let admin_key = "benchAdminKey0123456789abcdefghijABCDEFG";
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jisr"))
        .args([
            "import",
            "--data",
            a.to_str().unwrap_or("."),
            file.to_str().unwrap_or("."),
        ])
        .env("JISR_ADMIN_KEY", admin_key)
        .output()
        .expect("run jisr import");
    assert!(
        out.status.success(),
        "import failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_jisr"))
        .args([
            "serve",
            "--data",
            a.to_str().unwrap_or("."),
            "--listen",
            "127.0.0.1:0",
        ])
        .env("JISR_LOG", "warn")
        .env("JISR_ADMIN_KEY", admin_key)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("serve");
    let stderr = server.stderr.take().expect("stderr");
    let mut lines = std::io::BufReader::new(stderr).lines();
    let mut url = String::new();
    for line in lines.by_ref() {
        if let Some(u) = line.unwrap_or_default().split("listening on ").nth(1) {
            url = u.trim().to_string();
            break;
        }
    }
    std::thread::spawn(move || for _ in lines {});
    let http = reqwest::blocking::Client::builder()
        .timeout(std::time::Duration::from_secs(600))
        .build()
        .expect("client");
    let call = |method: reqwest::Method, path: &str, key: &str, body: Option<Value>| -> Value {
        let mut r = http
            .request(method, format!("{url}{path}"))
            .header("Authorization", key)
            .header("Accept", "application/json");
        if let Some(b) = body {
            r = r.json(&b);
        }
        r.send().expect("request").json().expect("json")
    };
    // B's organisation and sync user on A; the key goes into B's link.
    let org = call(
        reqwest::Method::POST,
        "/admin/organisations/add",
        admin_key,
        Some(json!({"name": "Instance B"})),
    );
    let org_id = org["Organisation"]["id"]
        .as_str()
        .unwrap_or("0")
        .to_string();
    let user = call(
        reqwest::Method::POST,
        "/admin/users/add",
        admin_key,
        Some(json!({"email": "sync@b.example", "org_id": org_id, "role_id": 5})),
    );
    let sync_key = user["User"]["authkey"].as_str().unwrap_or("").to_string();
    let host = call(reqwest::Method::GET, "/users/view/me", admin_key, None);
    let host_uuid = host["Organisation"]["uuid"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let out = run_jisr(&[
        "server",
        "add",
        &url,
        "--key",
        &sync_key,
        "--remote-org",
        "Instance A",
        "--name",
        "A",
        "--pull",
        "--data",
        b.to_str().unwrap_or("."),
    ]);
    assert!(
        out.status.success(),
        "server add failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = host_uuid;

    let t = Instant::now();
    let (status, peak) = run_measured(&["sync", "pull", "A", "--data", b.to_str().unwrap_or(".")]);
    let full = t.elapsed().as_secs_f64();
    println!(
        "full pull: {n_events} events, {total} attributes in {full:.1} s = {:.0} attributes/s ({}), peak memory of the pulling process {peak:.0} MiB",
        total as f64 / full,
        if status.success() { "ok" } else { "FAILED" }
    );
    let t = Instant::now();
    let (status, peak) = run_measured(&["sync", "pull", "A", "--data", b.to_str().unwrap_or(".")]);
    let again = t.elapsed().as_secs_f64();
    println!(
        "incremental pull with no change: {again:.2} s ({}), peak memory {peak:.0} MiB",
        if status.success() { "ok" } else { "FAILED" }
    );
    let _ = server.kill();
    let _ = server.wait();
}
