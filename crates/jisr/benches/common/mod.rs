//! Shared by the end-to-end benchmarks: arguments, a deterministic data
//! generator, and running `jisr` with its peak memory sampled.
#![allow(dead_code)]

use serde_json::{Value, json};

pub fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs `jisr` and samples its memory high-water mark (VmHWM) until it exits.
/// (getrusage's maxrss of children would count the benchmark's own memory,
/// copied at fork, before the child execs.)
pub fn run_measured(args: &[&str]) -> (std::process::ExitStatus, f64) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_jisr"))
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn jisr");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0.0f64;
    loop {
        if let Ok(text) = std::fs::read_to_string(&status_file)
            && let Some(kb) = text
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        {
            peak_kib = peak_kib.max(kb);
        }
        if let Ok(Some(status)) = child.try_wait() {
            return (status, peak_kib / 1024.0);
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// A deterministic pseudo-random sequence (no dependency needed for a benchmark's data).
pub struct Lcg(pub u64);
impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

pub fn attribute(rng: &mut Lcg, i: usize) -> (String, String) {
    match rng.next() % 6 {
        0 => (
            "ip-dst".into(),
            format!("10.{}.{}.{}", (i >> 16) & 255, (i >> 8) & 255, i & 255),
        ),
        1 => ("domain".into(), format!("host{i}.example.org")),
        2 => (
            "md5".into(),
            format!("{:032x}", (i as u128).wrapping_mul(0x9e3779b97f4a7c15)),
        ),
        3 => ("full-name".into(), format!("محمد {i} Tawfik")),
        4 => (
            "phone-number".into(),
            format!("+20 2 {:07}", i % 10_000_000),
        ),
        _ => ("url".into(), format!("https://example.net/p/{i}")),
    }
}

/// MISP JSON events of 1–10,000 attributes, `total` attributes in all;
/// `event_fields` (distribution, published …) are set on every event.
pub fn generate(total: usize, rng: &mut Lcg, event_fields: &Value) -> Vec<Value> {
    let mut events = vec![];
    let mut made = 0;
    while made < total {
        let size = ((rng.next() % 10_000) as usize + 1).min(total - made);
        let attrs: Vec<Value> = (made..made + size)
            .map(|i| {
                let (t, v) = attribute(rng, i);
                json!({"type": t, "value": v, "uuid": uuid::Uuid::new_v4().to_string()})
            })
            .collect();
        let mut event = json!({"info": format!("bench event {}", events.len()), "uuid": uuid::Uuid::new_v4().to_string(), "Attribute": attrs});
        if let (Some(m), Some(extra)) = (event.as_object_mut(), event_fields.as_object()) {
            m.extend(extra.clone());
        }
        events.push(json!({"Event": event}));
        made += size;
    }
    events
}

pub fn run_jisr(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_jisr"))
        .args(args)
        .output()
        .expect("run jisr")
}
