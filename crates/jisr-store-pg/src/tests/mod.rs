//! The PostgreSQL backend against the shared conformance suite, plus what is
//! particular to it (migrations, concurrent writers). Needs a server: the
//! URL comes from `JISR_TEST_PG_URL` (scripts/pg-cluster.sh starts one);
//! without it the tests say so and pass.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::str::FromStr;

use jisr_store::{Store, StoreError, Tx};
use postgres::NoTls;

use crate::Config;

use crate::PgStore;

mod sent_ahead;

fn url() -> Option<String> {
    match std::env::var("JISR_TEST_PG_URL") {
        Ok(u) if !u.is_empty() => Some(u),
        _ => {
            // Straight to the process's stderr: the test harness swallows
            // eprintln! from passing tests, and this line must be seen.
            static SAID: std::sync::Once = std::sync::Once::new();
            SAID.call_once(|| {
                let _ = writeln!(
                    std::io::stderr(),
                    "PostgreSQL conformance skipped: JISR_TEST_PG_URL not set"
                );
            });
            None
        }
    }
}

/// A configuration for a fresh, empty schema of its own: cheaper than a
/// database per store, and just as isolated (tables, sequences and the
/// writer lock are all per schema).
fn fresh_config(url: &str) -> Config {
    let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
    let mut admin = postgres::Client::connect(url, NoTls).unwrap();
    admin
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .unwrap();
    let mut config = Config::from_str(url).unwrap();
    config.options(format!("-c search_path={schema}"));
    config
}

/// A plain client in the schema of `config`, to look behind the store's back.
fn client_in(url: &str, config: &Config) -> postgres::Client {
    let mut c = postgres::Config::from_str(url).unwrap();
    if let Some(options) = config.get_options() {
        c.options(options);
    }
    c.connect(NoTls).unwrap()
}

#[test]
fn conformance() {
    let Some(url) = url() else { return };
    let fresh =
        || -> Box<dyn Store> { Box::new(PgStore::connect_config(fresh_config(&url)).unwrap()) };
    jisr_store::conformance::run_all(&fresh);
}

#[test]
fn a_newer_database_is_refused() {
    let Some(url) = url() else { return };
    let config = fresh_config(&url);
    drop(PgStore::connect_config(config.clone()).unwrap());
    let mut c = client_in(&url, &config);
    c.batch_execute("INSERT INTO schema_version (version) VALUES (999)")
        .unwrap();
    drop(c);
    match PgStore::connect_config(config) {
        Err(StoreError::SchemaTooNew { found: 999, .. }) => {}
        Err(other) => panic!("unexpected error {other}"),
        Ok(_) => panic!("a newer database must be refused"),
    }
}

#[test]
fn reconnecting_keeps_data_and_applies_no_migration_twice() {
    let Some(url) = url() else { return };
    let config = fresh_config(&url);
    {
        let s = PgStore::connect_config(config.clone()).unwrap();
        let mut tx = s.write().unwrap();
        tx.setting_set("k", "v").unwrap();
        tx.commit().unwrap();
    }
    let s = PgStore::connect_config(config.clone()).unwrap();
    let mut tx = s.read().unwrap();
    assert_eq!(tx.setting_get("k").unwrap().as_deref(), Some("v"));
    let mut c = client_in(&url, &config);
    let n: i64 = c
        .query_one("SELECT COUNT(*) FROM schema_version", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, crate::SCHEMA_VERSION);
}

/// Event titles are searched with ILIKE '%…%'; a trigram index serves it
/// (the test cluster's user may install pg_trgm, as a database owner may).
#[test]
fn event_titles_have_a_trigram_index() {
    let Some(url) = url() else { return };
    let trigram_index = |config: &Config| -> Vec<String> {
        client_in(&url, config)
            .query(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'events_info_trigrams'",
                &[],
            )
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect()
    };
    let config = fresh_config(&url);
    let store = PgStore::connect_config(config.clone()).unwrap();
    let def = trigram_index(&config);
    assert_eq!(def.len(), 1);
    assert!(def[0].contains("gin (info public.gin_trgm_ops)"), "{def:?}");
    // A second instance in the same database shares the extension.
    let other = fresh_config(&url);
    drop(PgStore::connect_config(other.clone()).unwrap());
    assert_eq!(trigram_index(&other).len(), 1);
    drop(store);
}

/// Two stores (as two jisr processes would) recount the same event while
/// adding attributes: the advisory lock must serialise them so that the
/// count always matches the rows.
#[test]
fn concurrent_writers_keep_attribute_count_exact() {
    let Some(url) = url() else { return };
    let config = fresh_config(&url);
    let a = PgStore::connect_config(config.clone()).unwrap();
    let b = PgStore::connect_config(config).unwrap();
    let event_id = {
        let mut tx = a.write().unwrap();
        let org = tx
            .org_insert(&jisr_model::Organisation {
                uuid: uuid::Uuid::new_v4().to_string(),
                name: "Cairo".into(),
                ..Default::default()
            })
            .unwrap();
        let id = tx
            .event_insert(&jisr_model::Event {
                uuid: uuid::Uuid::new_v4().to_string(),
                org_id: org,
                orgc_id: org,
                info: "race".into(),
                date: "2024-01-01".into(),
                ..Default::default()
            })
            .unwrap();
        tx.commit().unwrap();
        id
    };
    std::thread::scope(|s| {
        for store in [&a, &b, &a, &b] {
            s.spawn(move || {
                for _ in 0..25 {
                    let mut tx = store.write().unwrap();
                    tx.attribute_insert(&jisr_model::Attribute {
                        uuid: uuid::Uuid::new_v4().to_string(),
                        event_id,
                        attr_type: "ip-dst".into(),
                        category: "Network activity".into(),
                        value1: "198.51.100.1".into(),
                        ..Default::default()
                    })
                    .unwrap();
                    tx.event_recount(event_id).unwrap();
                    tx.commit().unwrap();
                }
            });
        }
    });
    let mut tx = a.read().unwrap();
    assert_eq!(
        tx.event_get(event_id).unwrap().unwrap().attribute_count,
        100
    );
}

/// A failed write undoes only itself, as in SQLite: the transaction goes on.
#[test]
fn a_conflict_leaves_the_transaction_usable() {
    let Some(url) = url() else { return };
    let s = PgStore::connect_config(fresh_config(&url)).unwrap();
    let mut tx = s.write().unwrap();
    tx.setting_set("a", "1").unwrap();
    let org = jisr_model::Organisation {
        uuid: "u".into(),
        name: "Cairo".into(),
        ..Default::default()
    };
    tx.org_insert(&org).unwrap();
    let again = jisr_model::Organisation {
        uuid: "v".into(),
        name: "CAIRO".into(),
        ..org
    };
    assert!(matches!(
        tx.org_insert(&again),
        Err(StoreError::Conflict(_))
    ));
    tx.setting_set("b", "2").unwrap();
    tx.commit().unwrap();
    let mut tx = s.read().unwrap();
    assert_eq!(tx.settings_all().unwrap().len(), 2);
    assert_eq!(tx.org_by_name("cairo").unwrap().unwrap().uuid, "u");
}

/// Import-shaped load on both backends, one transaction per event (as
/// `jisr import` does), then value searches:
/// `cargo test --release -p jisr-store-pg bulk -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a check"]
fn bulk_insert_figures() {
    let Some(url) = url() else { return };
    let dir = tempfile::tempdir().unwrap();
    let sqlite = jisr_store_sqlite::SqliteStore::open(dir.path().join("jisr.db")).unwrap();
    let pg = PgStore::connect_config(fresh_config(&url)).unwrap();
    let pg_atomic = PgStore::connect_config(fresh_config(&url)).unwrap();
    load("sqlite", &sqlite, &|| sqlite.write().unwrap());
    load("postgres write()", &pg, &|| pg.write().unwrap());
    load("postgres write_atomic()", &pg_atomic, &|| {
        pg_atomic.write_atomic().unwrap()
    });
}

fn load<'a>(name: &str, store: &dyn Store, write: &dyn Fn() -> Box<dyn Tx + 'a>) {
    // JISR_BENCH_EVENTS scales the load: figures on a busy machine are noisy.
    let events: u32 = std::env::var("JISR_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let per_event = 50;
    let org = {
        let mut tx = write();
        let org = tx
            .org_insert(&jisr_model::Organisation {
                uuid: uuid::Uuid::new_v4().to_string(),
                name: "Cairo".into(),
                ..Default::default()
            })
            .unwrap();
        tx.commit().unwrap();
        org
    };
    let started = std::time::Instant::now();
    for i in 0..events {
        let mut tx = write();
        let eid = tx
            .event_insert(&jisr_model::Event {
                uuid: uuid::Uuid::new_v4().to_string(),
                org_id: org,
                orgc_id: org,
                info: format!("event {i}"),
                date: "2024-01-01".into(),
                distribution: 1,
                ..Default::default()
            })
            .unwrap();
        for j in 0..per_event {
            tx.attribute_insert(&jisr_model::Attribute {
                uuid: uuid::Uuid::new_v4().to_string(),
                event_id: eid,
                attr_type: "ip-dst".into(),
                category: "Network activity".into(),
                value1: format!("10.{}.{}.{}", i / 256, i % 256, j),
                distribution: 5,
                ..Default::default()
            })
            .unwrap();
        }
        tx.event_recount(eid).unwrap();
        tx.commit().unwrap();
    }
    let insert = started.elapsed();
    let started = std::time::Instant::now();
    let mut tx = store.read().unwrap();
    for i in 0..100 {
        let q = jisr_store::SearchQuery {
            values: jisr_store::TermFilter {
                any_of: vec![format!("10.0.{i}.7")],
                none_of: vec![],
            },
            ..Default::default()
        };
        let hits = tx
            .search_attributes(&q, &jisr_policy::Scope::Everything)
            .unwrap();
        assert_eq!(hits.len(), 1);
    }
    let search = started.elapsed();
    println!(
        "{name}: {} attributes in {events} transactions: {:.2?} ({:.0} attributes/s); 100 value searches: {:.2?}",
        events * per_event,
        insert,
        f64::from(events * per_event) / insert.as_secs_f64(),
        search
    );
}

/// `write_atomic`: the first failure dooms the transaction, and commit says
/// so instead of silently rolling back.
#[test]
fn an_atomic_write_fails_as_a_whole() {
    let Some(url) = url() else { return };
    let s = PgStore::connect_config(fresh_config(&url)).unwrap();
    let org = jisr_model::Organisation {
        uuid: "u".into(),
        name: "Cairo".into(),
        ..Default::default()
    };
    let mut tx = s.write_atomic().unwrap();
    tx.org_insert(&org).unwrap();
    assert!(matches!(tx.org_insert(&org), Err(StoreError::Conflict(_))));
    assert!(tx.setting_set("after", "x").is_err());
    assert!(tx.commit().is_err());
    let mut tx = s.read().unwrap();
    assert!(tx.org_list().unwrap().is_empty());
}

/// A read PostgreSQL refuses (text with NUL) inside a write transaction
/// aborts it; commit must then fail rather than report success.
#[test]
fn an_aborted_transaction_is_never_reported_committed() {
    let Some(url) = url() else { return };
    let s = PgStore::connect_config(fresh_config(&url)).unwrap();
    let mut tx = s.write().unwrap();
    tx.setting_set("k", "v").unwrap();
    assert!(tx.event_by_uuid("a\0b").is_err());
    assert!(tx.commit().is_err());
    let mut tx = s.read().unwrap();
    assert!(tx.setting_get("k").unwrap().is_none());
}

/// Correlation rows are written with the next statement or the COMMIT
/// (`PgTx::defer`). One that PostgreSQL refuses (text with NUL) fails the
/// statement it travelled with or the commit, and nothing is committed;
/// one that succeeds is seen by the transaction's next read.
#[test]
fn a_deferred_write_is_read_back_or_fails_the_commit() {
    let Some(url) = url() else { return };
    let s = PgStore::connect_config(fresh_config(&url)).unwrap();
    let pair = |explanation: &str| jisr_store::NamePair {
        attribute_id: 1,
        event_id: 1,
        other_id: 2,
        score: 0.9,
        explanation: explanation.into(),
    };
    let mut tx = s.write().unwrap();
    tx.setting_set("k", "v").unwrap();
    tx.correlation_names_add(&[pair("same name")]).unwrap();
    assert_eq!(tx.correlation_stats().unwrap().name_pairs, 1);
    tx.commit().unwrap();

    let mut tx = s.write().unwrap();
    tx.setting_set("k", "changed").unwrap();
    tx.correlation_names_add(&[pair("a\0b")]).unwrap();
    assert!(tx.commit().is_err());
    let mut tx = s.read().unwrap();
    assert_eq!(tx.setting_get("k").unwrap().as_deref(), Some("v"));

    let mut tx = s.write().unwrap();
    tx.setting_set("k", "changed").unwrap();
    tx.correlation_names_add(&[pair("a\0b")]).unwrap();
    assert!(
        tx.setting_get("other").is_ok(),
        "settings come from the cache"
    );
    assert!(
        tx.event_get(1).is_err(),
        "the next statement carries the failure"
    );
    assert!(tx.commit().is_err());
    let mut tx = s.read().unwrap();
    assert_eq!(tx.setting_get("k").unwrap().as_deref(), Some("v"));
}

/// Once a statement has aborted the transaction, later ones are refused
/// and nothing of them is written, even if they would succeed alone.
#[test]
fn statements_after_an_abort_are_refused() {
    let Some(url) = url() else { return };
    let s = PgStore::connect_config(fresh_config(&url)).unwrap();
    let mut tx = s.write().unwrap();
    assert!(tx.event_by_uuid("a\0b").is_err());
    assert!(tx.setting_set("k", "v").is_err());
    assert!(tx.commit().is_err());
    let mut tx = s.read().unwrap();
    assert!(tx.setting_get("k").unwrap().is_none());
}

/// A server-side disconnect (restart, failover, idle kill) costs at most the
/// transaction that notices it: the next one gets a fresh connection.
#[test]
fn a_lost_connection_is_replaced() {
    let Some(url) = url() else { return };
    let mut config = fresh_config(&url);
    let name = format!("jisr-test-{}", uuid::Uuid::new_v4().simple());
    config.application_name(&name);
    let s = PgStore::connect_config(config).unwrap();
    for round in 0..2 {
        {
            let mut tx = s.write().unwrap();
            tx.setting_set("k", &round.to_string()).unwrap();
            tx.commit().unwrap();
            let mut tx = s.read().unwrap();
            assert!(tx.setting_get("k").unwrap().is_some());
        }
        let mut admin = postgres::Client::connect(&url, NoTls).unwrap();
        admin
            .execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
                &[&name],
            )
            .unwrap();
        // The first use of each dead connection may fail; then it is replaced.
        let _ = s.write().and_then(|mut tx| tx.setting_get("k"));
        let _ = s.read().and_then(|mut tx| tx.setting_get("k"));
    }
    let mut tx = s.write().unwrap();
    assert_eq!(tx.setting_get("k").unwrap().as_deref(), Some("1"));
}

fn index_defs(url: &str, config: &Config) -> Vec<(String, String)> {
    let mut c = client_in(url, config);
    c.query(
        "SELECT indexname::text, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1",
        &[],
    )
    .unwrap()
    .iter()
    .map(|r| (r.get(0), r.get(1)))
    .collect()
}

/// A bulk load drops exactly the deferrable indexes and builds them again
/// as the migrations made them; a load cut short has them built when the
/// store is next opened; a delete during the load builds the name-pair ones.
#[test]
fn deferred_indexes_match_the_schema() {
    use jisr_store::DeferIndexes;
    let Some(url) = url() else { return };
    let config = fresh_config(&url);
    let s = PgStore::connect_config(config.clone()).unwrap();
    let before = index_defs(&url, &config);
    for (name, _) in crate::bulk::DEFERRABLE {
        assert!(before.iter().any(|(n, _)| n == name), "{name} exists");
    }
    assert!(
        !s.begin_bulk_load(1 << 20, DeferIndexes::Auto).unwrap(),
        "a small load keeps its indexes"
    );
    assert!(s.begin_bulk_load(0, DeferIndexes::Always).unwrap());
    assert_eq!(
        index_defs(&url, &config).len(),
        before.len() - crate::bulk::DEFERRABLE.len()
    );
    {
        let mut tx = s.write().unwrap();
        assert!(tx.attribute_delete(424242).is_err(), "nothing to delete");
        drop(tx);
        let mut tx = s.write().unwrap();
        tx.correlation_put(&[]).unwrap();
        tx.correlation_put(&[jisr_store::CorrelationEntry {
            attribute_id: 424242,
            event_id: 1,
            ..Default::default()
        }])
        .unwrap();
        tx.commit().unwrap();
    }
    let now = index_defs(&url, &config);
    for (name, _) in crate::bulk::FOR_DELETES {
        assert!(
            now.iter().any(|(n, _)| n == name),
            "{name} built for deletes"
        );
    }
    s.finish_bulk_load().unwrap();
    assert_eq!(index_defs(&url, &config), before);

    assert!(s.begin_bulk_load(0, DeferIndexes::Always).unwrap());
    drop(s);
    drop(PgStore::connect_config(config.clone()).unwrap());
    assert_eq!(index_defs(&url, &config), before);
}

/// The planner's statistics of what a bulk load wrote are fresh when it
/// ends: planned as for empty tables, reads at 10M attributes took 100–200
/// times longer until autovacuum came round.
#[test]
fn a_bulk_load_ends_with_fresh_planner_statistics() {
    use jisr_store::DeferIndexes;
    let Some(url) = url() else { return };
    let config = fresh_config(&url);
    let s = PgStore::connect_config(config.clone()).unwrap();
    let analysed = || -> i64 {
        client_in(&url, &config)
            .query_one(
                "SELECT COUNT(*) FROM pg_stats
                  WHERE schemaname = current_schema() AND tablename = 'correlation_keys'",
                &[],
            )
            .unwrap()
            .get(0)
    };
    assert!(s.begin_bulk_load(0, DeferIndexes::Always).unwrap());
    let mut tx = s.write().unwrap();
    tx.correlation_add(&[jisr_store::CorrelationEntry {
        attribute_id: 1,
        event_id: 1,
        keys: vec![7, 8],
        ..Default::default()
    }])
    .unwrap();
    tx.commit().unwrap();
    assert_eq!(analysed(), 0);
    s.finish_bulk_load().unwrap();
    assert!(analysed() > 0, "the keys were analysed");
}
