//! Federation under faults: three instances push to each other while
//! instances are killed (SIGKILL) and restarted at random moments; at the
//! end each holds exactly the events the distribution rules call for, with
//! the creator's uuids and timestamps and the right attribute counts, once.
//!
//! The small run is part of the tests; the 10,000-event run is
//! `JISR_FAULT_EVENTS=10000 JISR_FAULT_KILLS=6 cargo test --release -p jisr --test e2e -- --ignored faults`.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use rand::Rng;
use serde_json::json;

use crate::federation::link;
use crate::harness::Jisr;

struct Site {
    name: &'static str,
    port: u16,
    jisr: Option<Jisr>,
}

const ENV: &[(&str, &str)] = &[
    ("JISR_SYNC_TICK_MS", "200"),
    ("JISR_SYNC_PULL_INTERVAL", "0"),
    ("JISR_SYNC_MAX_BACKOFF", "2"),
];

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Site {
    fn start(name: &'static str) -> Site {
        let port = free_port();
        let mut env = ENV.to_vec();
        env.push(("JISR_HOST_ORG", name));
        let listen = format!("127.0.0.1:{port}");
        let jisr = Jisr::start_in(tempfile::tempdir().unwrap(), &env, &["--listen", &listen]);
        Site {
            name,
            port,
            jisr: Some(jisr),
        }
    }
    fn j(&self) -> &Jisr {
        self.jisr.as_ref().unwrap()
    }
    fn kill_and_restart(&mut self, down: Duration) {
        let data = self.jisr.take().unwrap().kill();
        std::thread::sleep(down);
        let mut env = ENV.to_vec();
        env.push(("JISR_HOST_ORG", self.name));
        let listen = format!("127.0.0.1:{}", self.port);
        self.jisr = Some(Jisr::start_in(data, &env, &["--listen", &listen]));
    }
}

/// What one instance holds: uuid → (timestamp, distribution, attribute count).
type Holding = BTreeMap<String, (String, String, String)>;

fn holding(j: &Jisr) -> Option<(Holding, usize)> {
    let (s, rows) = j.admin("POST", "/events/index", Some(&json!({"limit": 1_000_000})));
    if s != 200 {
        return None;
    }
    let rows = rows.as_array()?;
    let map = rows
        .iter()
        .map(|r| {
            let f = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            (
                f("uuid"),
                (f("timestamp"), f("distribution"), f("attribute_count")),
            )
        })
        .collect::<Holding>();
    Some((map, rows.len()))
}

fn exchange_with_faults(events: usize, kills: usize) {
    let mut sites = [
        Site::start("Cairo"),
        Site::start("Brussels"),
        Site::start("Amman"),
    ];
    for a in 0..3 {
        for b in 0..3 {
            if a != b {
                link(sites[a].j(), sites[b].j(), true, json!({}));
            }
        }
    }
    // Each event: three attributes that inherit, one that is org-only.
    let mut expected: Vec<Holding> = vec![Holding::new(), Holding::new(), Holding::new()];
    let mut rng = rand::thread_rng();
    let started = Instant::now();
    // Kills fall while events are being created and pushed: one after each
    // equal share of the events, and the last once all are created.
    let kill_at: Vec<usize> = (1..=kills).map(|k| k * events / (kills + 1)).collect();
    for i in 0..events {
        if kill_at.contains(&i) {
            let victim = rng.gen_range(0..3);
            sites[victim].kill_and_restart(Duration::from_millis(rng.gen_range(100..1500)));
        }
        let origin = i % 3;
        let distribution = [0, 2, 3, 3][rng.gen_range(0..4)];
        let body = json!({"info": format!("exchange {i}"), "distribution": distribution, "published": true,
        "Attribute": [
            {"type": "ip-dst", "value": format!("10.{}.{}.{}", i / 65536 % 256, i / 256 % 256, i % 256)},
            {"type": "domain", "value": format!("host{i}.example")},
            {"type": "full-name", "value": format!("محمود توفيق {i}")},
            {"type": "comment", "value": "internal note", "distribution": 0},
        ]});
        let (s, e) = sites[origin].j().admin("POST", "/events/add", Some(&body));
        assert_eq!(s, 200, "{e}");
        let e = &e["Event"];
        let uuid = e["uuid"].as_str().unwrap().to_string();
        let ts = e["timestamp"].as_str().unwrap().to_string();
        for (k, h) in expected.iter_mut().enumerate() {
            if k == origin {
                h.insert(
                    uuid.clone(),
                    (ts.clone(), distribution.to_string(), "4".into()),
                );
            } else if distribution >= 2 {
                let arrives = if distribution == 2 { "1" } else { "3" };
                h.insert(uuid.clone(), (ts.clone(), arrives.into(), "3".into()));
            }
        }
    }
    eprintln!(
        "created {events} events in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // One more while the last events are still travelling.
    std::thread::sleep(Duration::from_millis(rng.gen_range(100..1000)));
    let victim = rng.gen_range(0..3);
    sites[victim].kill_and_restart(Duration::from_millis(rng.gen_range(100..1500)));
    let settled = Instant::now();
    let deadline = Instant::now() + Duration::from_secs(120 + events as u64 / 5);
    loop {
        let now: Vec<Option<(Holding, usize)>> = sites.iter().map(|s| holding(s.j())).collect();
        let done = now.iter().zip(&expected).all(|(h, want)| {
            h.as_ref()
                .is_some_and(|(map, n)| map == want && *n == want.len())
        });
        if done {
            let sizes: Vec<String> = sites
                .iter()
                .zip(&expected)
                .map(|(s, w)| format!("{} {}", s.name, w.len()))
                .collect();
            eprintln!(
                "converged after {} kills: {events} events created, held {} ({:.1} s after the last restart)",
                kills + 1,
                sizes.join(", "),
                settled.elapsed().as_secs_f64()
            );
            return;
        }
        if Instant::now() > deadline {
            for (k, (h, want)) in now.iter().zip(&expected).enumerate() {
                let Some((map, n)) = h else {
                    panic!("{} does not answer", sites[k].name)
                };
                let missing = want.keys().filter(|u| !map.contains_key(*u)).count();
                let extra = map.keys().filter(|u| !want.contains_key(*u)).count();
                let differ = want
                    .iter()
                    .filter(|(u, v)| map.get(*u).is_some_and(|x| x != *v))
                    .take(3)
                    .collect::<Vec<_>>();
                eprintln!(
                    "{}: {n} rows, {} expected, {missing} missing, {extra} unexpected, differing: {differ:?}",
                    sites[k].name,
                    want.len()
                );
            }
            panic!("the three instances did not converge");
        }
        std::thread::sleep(Duration::from_millis(500));
    }
}

#[test]
fn killed_and_restarted_instances_converge() {
    exchange_with_faults(90, 3);
}

#[test]
#[ignore = "the issue's 10,000-event run: minutes; see the README's fault section"]
fn faults_at_scale() {
    let n = |k: &str, d: usize| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    exchange_with_faults(n("JISR_FAULT_EVENTS", 10_000), n("JISR_FAULT_KILLS", 6));
}
