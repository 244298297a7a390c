//! Correlation benchmark (issue 7). Prints figures, asserts nothing.
//!
//! cargo bench -p jisr --bench correlation -- [--attributes N] [--events N]
//!     [--adds N] [--database postgres://…] [--in-objects N] [--uuids]
//!
//! Generates a national-scale-shaped data set: N attributes (default
//! 1,000,000) in `--events` events (default N/100), a tenth of them person
//! names written in Arabic or in Latin letters (the same people in both), the
//! rest addresses, networks, domains, hashes, phone numbers, IBANs, e-mail
//! addresses, URLs and text, with shared values at realistic rates and a few
//! values (public DNS resolvers, "5") common enough to over-correlate; with
//! `--in-objects N`, nine tenths of each event's attributes come in objects
//! of N attributes (as MISP exports carry many), the same values; with
//! `--uuids`, every event, object and attribute carries a uuid, as in a
//! MISP export (the import then checks that none is taken). Then:
//! 1. `jisr import` (correlating as it writes): attributes/s, peak memory;
//! 2. the index's size against the attributes' size (tables and indexes);
//! 3. `jisr correlate --rebuild`: time, peak memory;
//! 4. `--adds` single-attribute adds (default 1000) to random events of the
//!    full instance, each in its own transaction: p50/p99 (`--existing DIR`
//!    runs only this and the next step, on an instance already loaded);
//! 5. correlations of 200 random events as `/events/view` computes them: p50/p99.

use std::io::Write;
use std::time::{Duration, Instant};

use jisr_store::Store;
use serde_json::{Value, json};

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn num(name: &str, default: usize) -> usize {
    arg(name).and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Runs `jisr` and samples its memory high-water mark (VmHWM) until it exits.
fn run_measured(args: &[&str]) -> (Duration, f64, String) {
    let started = Instant::now();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_jisr"))
        .args(args)
        .stdout(std::process::Stdio::piped())
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
            let mut out = String::new();
            if let Some(mut so) = child.stdout.take() {
                let _ = std::io::Read::read_to_string(&mut so, &mut out);
            }
            assert!(status.success(), "jisr {args:?} failed");
            return (started.elapsed(), peak_kib / 1024.0, out);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A deterministic pseudo-random sequence.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const GIVEN: &[(&str, &str)] = &[
    ("محمد", "Mohammed"),
    ("أحمد", "Ahmed"),
    ("محمود", "Mahmoud"),
    ("علي", "Ali"),
    ("حسن", "Hassan"),
    ("حسين", "Hussein"),
    ("عمر", "Omar"),
    ("خالد", "Khaled"),
    ("يوسف", "Youssef"),
    ("إبراهيم", "Ibrahim"),
    ("مصطفى", "Mustafa"),
    ("طارق", "Tarek"),
    ("سامي", "Sami"),
    ("كريم", "Karim"),
    ("عادل", "Adel"),
    ("ماجد", "Majed"),
    ("فيصل", "Faisal"),
    ("سعيد", "Said"),
    ("نبيل", "Nabil"),
    ("وليد", "Walid"),
    ("هشام", "Hisham"),
    ("جمال", "Gamal"),
    ("رامي", "Rami"),
    ("زياد", "Ziad"),
    ("باسل", "Basel"),
    ("سليم", "Salim"),
    ("ناصر", "Nasser"),
    ("عماد", "Imad"),
    ("فارس", "Fares"),
    ("أنور", "Anwar"),
    ("بلال", "Bilal"),
    ("حمزة", "Hamza"),
    ("رياض", "Riad"),
    ("شادي", "Shadi"),
    ("عصام", "Essam"),
    ("لؤي", "Louay"),
    ("مازن", "Mazen"),
    ("نادر", "Nader"),
    ("هاني", "Hani"),
    ("ياسر", "Yasser"),
];

const FAMILY: &[(&str, &str)] = &[
    ("توفيق", "Tawfik"),
    ("الحسيني", "Al-Husseini"),
    ("المصري", "Al-Masri"),
    ("الخطيب", "Al-Khatib"),
    ("حداد", "Haddad"),
    ("النجار", "Al-Najjar"),
    ("الشامي", "Al-Shami"),
    ("السيد", "El-Sayed"),
    ("سالم", "Salem"),
    ("يونس", "Younes"),
    ("قاسم", "Kassem"),
    ("عثمان", "Othman"),
    ("بركات", "Barakat"),
    ("صالح", "Saleh"),
    ("حمدان", "Hamdan"),
    ("داود", "Daoud"),
    ("عيسى", "Issa"),
    ("موسى", "Moussa"),
    ("خليل", "Khalil"),
    ("رشيد", "Rashid"),
    ("شريف", "Sherif"),
    ("فهمي", "Fahmy"),
    ("غانم", "Ghanem"),
    ("جابر", "Jaber"),
    ("عوض", "Awad"),
    ("نصار", "Nassar"),
    ("الزعبي", "Al-Zoubi"),
    ("العمري", "Al-Omari"),
    ("الطويل", "Al-Tawil"),
    ("البنا", "El-Banna"),
    ("الشريف", "Al-Sharif"),
    ("الحلبي", "Al-Halabi"),
    ("العطار", "Al-Attar"),
    ("القاضي", "El-Kadi"),
    ("المغربي", "Al-Maghribi"),
    ("النابلسي", "Al-Nabulsi"),
    ("الدباغ", "Al-Dabbagh"),
    ("الصباغ", "Al-Sabbagh"),
    ("الكردي", "Al-Kurdi"),
    ("الفاسي", "El-Fassi"),
];

/// A valid German IBAN (mod-97) from an account number.
fn iban(account: u64) -> String {
    let bban = format!("37040044{:010}", account % 10_000_000_000);
    // "DE" is 13 14; the check digits are 98 - (BBAN ‖ 1314 ‖ 00 mod 97).
    let digits = format!("{bban}131400");
    let m = digits
        .bytes()
        .fold(0u64, |acc, b| (acc * 10 + u64::from(b - b'0')) % 97);
    format!("DE{:02}{bban}", 98 - m)
}

fn attribute(rng: &mut Lcg, i: usize) -> (&'static str, String) {
    match rng.below(100) {
        0..10 => {
            // A person of a population of 40 × 40 × 40 × 16 (given, father,
            // family, birth-place group), written in either script.
            let person = rng.below(40 * 40 * 40 * 16);
            let (g, f, fam) = (
                GIVEN[(person % 40) as usize],
                GIVEN[(person / 40 % 40) as usize],
                FAMILY[(person / 1600 % 40) as usize],
            );
            let grandfather = GIVEN[(person / 64000 % 16) as usize];
            let name = if rng.below(2) == 0 {
                format!("{} {} {} {}", g.0, f.0, grandfather.0, fam.0)
            } else {
                format!("{} {} {} {}", g.1, f.1, grandfather.1, fam.1)
            };
            ("full-name", name)
        }
        10..30 => {
            let t = if rng.below(2) == 0 {
                "ip-dst"
            } else {
                "ip-src"
            };
            let v = match rng.below(100) {
                0..3 => ["8.8.8.8", "1.1.1.1", "9.9.9.9", "2001:4860:4860::8888"]
                    [rng.below(4) as usize]
                    .to_string(),
                3..4 => format!("10.{}.{}.0/24", rng.below(256), rng.below(256)),
                4..6 => format!(
                    "2001:db8:{:x}:{:x}::{:x}",
                    rng.below(4096),
                    rng.below(65536),
                    rng.below(65536)
                ),
                6..30 => {
                    let k = rng.below(20_000);
                    format!("172.16.{}.{}", k / 256, k % 256)
                }
                _ => {
                    let k = rng.below(1 << 24);
                    format!("10.{}.{}.{}", k >> 16, (k >> 8) & 255, k & 255)
                }
            };
            (t, v)
        }
        30..45 => {
            let v = if rng.below(5) == 0 {
                format!("c2-{}.example.net", rng.below(10_000))
            } else {
                format!("host{i}.example.org")
            };
            ("domain", v)
        }
        45..55 => {
            let k = if rng.below(20) == 0 {
                rng.below(5_000) as u128
            } else {
                (i as u128) << 20
            };
            (
                "md5",
                format!(
                    "{:032x}",
                    k.wrapping_mul(0x9e3779b97f4a7c15f39cc0605cedc835)
                ),
            )
        }
        55..60 => {
            let k = (i as u128).wrapping_mul(0x2545f4914f6cdd1d);
            ("filename|md5", format!("file{}.exe|{:032x}", i % 1000, k))
        }
        60..70 => {
            let n = rng.below(200_000);
            let v = if rng.below(2) == 0 {
                format!("+20 10 {:04} {:04}", n / 10_000, n % 10_000)
            } else {
                format!("+2010{:08}", n)
            };
            ("phone-number", v)
        }
        70..75 => ("iban", iban(rng.below(50_000))),
        75..80 => (
            "email-src",
            format!("user{}@mail.example", rng.below(100_000)),
        ),
        80..95 => ("url", format!("https://example.net/p/{i}")),
        _ => ("text", format!("{}", rng.below(50))),
    }
}

/// A uuid (version 4) from `rng`, so that a data set is the same every time.
fn uuid_from(rng: &mut Lcg) -> String {
    let mut bytes = [0u8; 16];
    for chunk in bytes.chunks_mut(4) {
        chunk.copy_from_slice(&(rng.next() as u32).to_le_bytes());
    }
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// Gives every attribute, object and the event a uuid (`--uuids`).
fn add_uuids(event: &mut Value, ids: &mut Lcg) {
    event["uuid"] = json!(uuid_from(ids));
    // `get_mut`, not indexing: indexing a missing key would add it as null.
    for list in ["Attribute", "Object"] {
        for item in event
            .get_mut(list)
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            item["uuid"] = json!(uuid_from(ids));
            let members = item.get_mut("Attribute").and_then(Value::as_array_mut);
            for a in members.into_iter().flatten() {
                a["uuid"] = json!(uuid_from(ids));
            }
        }
    }
}

fn generate(path: &std::path::Path, total: usize, events: usize, per_object: usize, rng: &mut Lcg) {
    // Their own sequence, so that the values are the same with or without.
    let mut ids = std::env::args().any(|a| a == "--uuids").then_some(Lcg(7));
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    f.write_all(b"[").expect("write");
    let avg = (total / events.max(1)).max(1);
    let mut made = 0;
    let mut n = 0;
    while made < total {
        let size = (rng.below(2 * avg as u64) as usize + 1).min(total - made);
        let mut attrs: Vec<Value> = (made..made + size)
            .map(|i| {
                let (t, v) = attribute(rng, i);
                json!({"type": t, "value": v})
            })
            .collect();
        if n > 0 {
            f.write_all(b",").expect("write");
        }
        let mut e = json!({"info": format!("bench event {n}"), "distribution": "1"});
        if per_object > 0 {
            let grouped = attrs.split_off(attrs.len() / 10);
            let objects: Vec<Value> = grouped
                .chunks(per_object)
                .map(|chunk| {
                    let members: Vec<Value> = chunk
                        .iter()
                        .map(|a| {
                            let mut a = a.clone();
                            a["object_relation"] = a["type"].clone();
                            a
                        })
                        .collect();
                    json!({"name": "bench-bundle", "meta-category": "misc", "Attribute": members})
                })
                .collect();
            e["Object"] = Value::Array(objects);
        }
        e["Attribute"] = Value::Array(attrs);
        if let Some(ids) = ids.as_mut() {
            add_uuids(&mut e, ids);
        }
        let e = json!({ "Event": e });
        serde_json::to_writer(&mut f, &e).expect("write");
        made += size;
        n += 1;
    }
    f.write_all(b"]").expect("write");
    f.flush().expect("flush");
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

/// Bytes of the attributes (table and indexes) and of the correlation index.
fn sizes(store_db: &Option<String>, sqlite_path: &std::path::Path) -> Option<(f64, f64)> {
    if let Some(url) = store_db {
        let mut c = postgres::Client::connect(url, postgres::NoTls).ok()?;
        let one = |c: &mut postgres::Client, t: &str| -> f64 {
            c.query_one("SELECT pg_total_relation_size($1::text::regclass)", &[&t])
                .and_then(|r| r.try_get::<_, i64>(0))
                .unwrap_or(0) as f64
        };
        let attrs = one(&mut c, "attributes");
        let corr: f64 = [
            "correlation_keys",
            "correlation_ranges",
            "correlation_names",
            "correlation_prefixes",
        ]
        .iter()
        .map(|t| one(&mut c, t))
        .sum();
        return Some((attrs, corr));
    }
    let c = rusqlite::Connection::open(sqlite_path).ok()?;
    let mut st = c
        .prepare(
            "SELECT m.tbl_name, SUM(s.pgsize) FROM dbstat s JOIN sqlite_master m ON m.name = s.name GROUP BY m.tbl_name",
        )
        .ok()?;
    let rows: Vec<(String, i64)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .ok()?
        .filter_map(|r| r.ok())
        .collect();
    let attrs = rows
        .iter()
        .filter(|(t, _)| t == "attributes")
        .map(|r| r.1 as f64)
        .sum();
    let corr = rows
        .iter()
        .filter(|(t, _)| t.starts_with("correlation_"))
        .map(|r| r.1 as f64)
        .sum();
    Some((attrs, corr))
}

fn main() {
    let total = num("--attributes", 1_000_000);
    let events = num("--events", (total / 100).max(1));
    let adds = num("--adds", 1000);
    let database = arg("--database");
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let data_s = data.to_str().unwrap_or(".").to_string();
    let mut common: Vec<String> = vec!["--data".into(), data_s.clone()];
    if let Some(db) = &database {
        common.push("--database".into());
        common.push(db.clone());
    }
    let with = |args: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        v.extend(common.iter().cloned());
        v
    };
    let backend = if database.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    // `--existing DIR`: only the adds and views, on an instance already
    // loaded (say by `jisr import` of a `--generate-only` file).
    let existing = arg("--existing").map(std::path::PathBuf::from);
    let data = existing.clone().unwrap_or(data);
    if existing.is_none() {
        println!("generating {total} attributes in about {events} events …");
        let file = dir.path().join("collection.json");
        generate(&file, total, events, num("--in-objects", 0), &mut Lcg(42));
        if let Some(keep) = arg("--generate-only") {
            std::fs::copy(&file, &keep).expect("copy");
            println!("data set written to {keep}");
            return;
        }

        if std::env::args().any(|a| a == "--baseline") {
            // The same import with correlation switched off, into a second
            // instance (for PostgreSQL, the empty database --baseline-database):
            // what correlating costs on top of storing.
            let base = dir.path().join("baseline");
            let base_s = base.to_str().unwrap_or(".").to_string();
            let base_db = arg("--baseline-database");
            let mut args = vec!["correlate".to_string(), "--data".into(), base_s.clone()];
            if let Some(db) = &base_db {
                args.push("--database".into());
                args.push(db.clone());
            }
            run_measured(&args.iter().map(String::as_str).collect::<Vec<_>>());
            let store: Box<dyn Store> = match &base_db {
                Some(url) => Box::new(jisr_store_pg::PgStore::connect(url).expect("connect")),
                None => Box::new(
                    jisr_store_sqlite::SqliteStore::open(base.join("jisr.db")).expect("open"),
                ),
            };
            let mut tx = store.write().expect("write");
            tx.setting_set("MISP.completely_disable_correlation", "1")
                .expect("setting");
            tx.commit().expect("commit");
            drop(store);
            args[0] = "import".into();
            args.push(file.to_str().unwrap_or(".").into());
            let (took, peak, _) =
                run_measured(&args.iter().map(String::as_str).collect::<Vec<_>>());
            println!(
                "[{backend}] import without correlation (baseline): {:.0} attributes/s, peak memory {peak:.0} MiB",
                total as f64 / took.as_secs_f64()
            );
        }
        let args = with(&["import", file.to_str().unwrap_or(".")]);
        let (took, peak, _) = run_measured(&args.iter().map(String::as_str).collect::<Vec<_>>());
        println!(
            "[{backend}] import with correlation: {total} attributes in {:.1} s = {:.0} attributes/s, peak memory {peak:.0} MiB",
            took.as_secs_f64(),
            total as f64 / took.as_secs_f64()
        );

        let args = with(&["correlate"]);
        let (_, _, out) = run_measured(&args.iter().map(String::as_str).collect::<Vec<_>>());
        println!("[{backend}] {}", out.trim());
        if let Some((attrs, corr)) = sizes(&database, &data.join("jisr.db")) {
            println!(
                "[{backend}] storage: attributes {:.0} MiB, correlation index {:.0} MiB ({:.2}x)",
                attrs / 1048576.0,
                corr / 1048576.0,
                corr / attrs.max(1.0)
            );
        }

        let args = with(&["correlate", "--rebuild"]);
        let (took, peak, _) = run_measured(&args.iter().map(String::as_str).collect::<Vec<_>>());
        println!(
            "[{backend}] full rebuild: {:.1} s ({:.0} attributes/s), peak memory {peak:.0} MiB",
            took.as_secs_f64(),
            total as f64 / took.as_secs_f64()
        );
    }

    // Single adds and views, in this process, on the full instance.
    let store: Box<dyn Store> = match &database {
        Some(url) => Box::new(jisr_store_pg::PgStore::connect(url).expect("connect")),
        None => Box::new(jisr_store_sqlite::SqliteStore::open(data.join("jisr.db")).expect("open")),
    };
    let (actor, event_ids) = {
        let mut tx = store.read().expect("read");
        let admin = tx
            .user_list()
            .expect("users")
            .into_iter()
            .find(|u| u.role_id == jisr_model::roles::ids::ADMIN)
            .expect("admin");
        let actor = jisr_core::auth::actor_for_user(tx.as_mut(), admin.id).expect("actor");
        let ids = tx
            .search_events(
                &jisr_store::SearchQuery::default(),
                &jisr_policy::Scope::Everything,
            )
            .expect("events");
        (actor, ids)
    };
    // A seed of its own for each run: a second run on the same instance
    // would otherwise add the first run's values again, into the same
    // events, and time MISP's duplicate handling instead of adds.
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(7);
    let mut rng = Lcg(seed | 1);
    let mut times = Vec::with_capacity(adds);
    for i in 0..adds {
        let id = event_ids[rng.below(event_ids.len() as u64) as usize];
        let (t, v) = attribute(&mut rng, total + i);
        let incoming =
            jisr_model::wire::parse_attribute(&json!({"type": t, "value": v}), "Attribute")
                .expect("attribute");
        let started = Instant::now();
        let mut tx = store.write().expect("write");
        let event = tx.event_get(id).expect("event").expect("exists");
        jisr_core::attributes::add(tx.as_mut(), &actor, event, &incoming, false).expect("add");
        tx.commit().expect("commit");
        times.push(started.elapsed());
    }
    times.sort();
    println!(
        "[{backend}] add one attribute (with correlation), {adds} adds: p50 {:.2} ms, p99 {:.2} ms",
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );

    let scope = jisr_policy::scope(&actor);
    let mut times = vec![];
    let mut found = 0;
    for _ in 0..200 {
        let id = event_ids[rng.below(event_ids.len() as u64) as usize];
        let mut tx = store.read().expect("read");
        let event = tx.event_get(id).expect("event").expect("exists");
        let tree = jisr_core::event_read::load_tree(tx.as_mut(), &scope, event, Default::default())
            .expect("tree");
        let started = Instant::now();
        let c = jisr_core::correlation::read::related_of_tree(tx.as_mut(), &scope, &tree)
            .expect("related");
        times.push(started.elapsed());
        found += c.by_attribute.values().map(Vec::len).sum::<usize>();
    }
    times.sort();
    println!(
        "[{backend}] correlations of one event (as events/view shows them), 200 events, {found} correlations: p50 {:.2} ms, p99 {:.2} ms",
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );
}
