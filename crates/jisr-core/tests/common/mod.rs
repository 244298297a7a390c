//! A fresh SQLite instance with its site admin, for the core's integration tests.
#![allow(clippy::unwrap_used)]

use jisr_policy::Actor;
use jisr_store::Store;
use jisr_store_sqlite::SqliteStore;

pub fn instance() -> (tempfile::TempDir, SqliteStore, Actor) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path().join("t.db")).unwrap();
    let mut tx = store.write().unwrap();
    let first = jisr_core::bootstrap::FirstStart {
        host_org_name: "Cairo MoI",
        admin_email: "admin@cairo.example",
        admin_key: None,
    };
    jisr_core::bootstrap::ensure_initialised(tx.as_mut(), b"secret", &first).unwrap();
    let admin = tx.user_list().unwrap()[0].id;
    let actor = jisr_core::auth::actor_for_user(tx.as_mut(), admin).unwrap();
    tx.commit().unwrap();
    (dir, store, actor)
}
