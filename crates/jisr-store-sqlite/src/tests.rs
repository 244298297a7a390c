//! The SQLite backend against the shared conformance suite, plus what is
//! particular to SQLite (migrations, files).
#![allow(clippy::unwrap_used, clippy::panic)]

use jisr_store::{Store, StoreError};

use crate::SqliteStore;

fn fresh() -> Box<dyn Store> {
    // Each store keeps its directory alive for the life of the test process.
    let dir = tempfile::tempdir().unwrap().keep();
    Box::new(SqliteStore::open(dir.join("jisr.db")).unwrap())
}

#[test]
fn conformance() {
    jisr_store::conformance::run_all(&fresh);
}

#[test]
fn a_newer_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jisr.db");
    drop(SqliteStore::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("INSERT INTO schema_version (version) VALUES (999)", [])
        .unwrap();
    drop(conn);
    match SqliteStore::open(&path) {
        Err(StoreError::SchemaTooNew { found: 999, .. }) => {}
        Err(other) => panic!("unexpected error {other}"),
        Ok(_) => panic!("a newer database must be refused"),
    }
}

#[test]
fn reopening_keeps_data_and_applies_no_migration_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jisr.db");
    {
        let s = SqliteStore::open(&path).unwrap();
        let mut tx = s.write().unwrap();
        tx.setting_set("k", "v").unwrap();
        tx.commit().unwrap();
    }
    let s = SqliteStore::open(&path).unwrap();
    let mut tx = s.read().unwrap();
    assert_eq!(tx.setting_get("k").unwrap().as_deref(), Some("v"));
}
