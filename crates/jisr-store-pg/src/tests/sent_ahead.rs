//! Writes sent without waiting for their answers: ids taken ahead in
//! transactions that write all or nothing (`ids`), and held writes sent
//! while the writer works on (`Conn::launch`).

use std::time::Duration;

use jisr_model::{Event, Organisation};
use jisr_store::{Store, Tx};

use super::{client_in, fresh_config, url};
use crate::PgStore;

fn org(tx: &mut dyn Tx) -> i64 {
    tx.org_insert(&Organisation {
        uuid: uuid::Uuid::new_v4().to_string(),
        name: "Amman".into(),
        ..Default::default()
    })
    .unwrap()
}

fn event(org: i64, info: &str) -> Event {
    Event {
        uuid: uuid::Uuid::new_v4().to_string(),
        org_id: org,
        orgc_id: org,
        info: info.into(),
        date: "2026-11-29".into(),
        ..Default::default()
    }
}

/// `send_held_writes` puts the held INSERT on the wire at once: the server
/// starts it while the writer does nothing more with the connection.
#[test]
fn held_writes_reach_the_server_without_another_statement() {
    let Some(url) = url() else { return };
    let mut config = fresh_config(&url);
    let name = format!("jisr-{}", uuid::Uuid::new_v4().simple());
    config.application_name(&name);
    let store = PgStore::connect_config(config.clone()).unwrap();
    let org = {
        let mut tx = store.write().unwrap();
        let org = org(tx.as_mut());
        tx.commit().unwrap();
        org
    };
    let mut watcher = client_in(&url, &config);
    let mut started = || -> bool {
        let n: i64 = watcher
            .query_one(
                "SELECT COUNT(*) FROM pg_stat_activity
                  WHERE application_name = $1 AND query LIKE 'INSERT INTO events%'",
                &[&name],
            )
            .unwrap()
            .get(0);
        n > 0
    };
    // Once before, so that the INSERT is prepared: its preparation would
    // show its text too.
    let mut tx = store.write_all_or_nothing().unwrap();
    tx.event_insert(&event(org, "first")).unwrap();
    tx.commit().unwrap();
    let mut tx = store.write_all_or_nothing().unwrap();
    let id = tx.event_insert(&event(org, "held")).unwrap();
    assert!(!started(), "held until the next statement");
    tx.send_held_writes().unwrap();
    // Bounded: the test waits for the server, it does not time it.
    let seen = (0..200).any(|_| {
        std::thread::sleep(Duration::from_millis(50));
        started()
    });
    assert!(seen, "the INSERT was not sent");
    assert_eq!(
        tx.event_get(id).unwrap().map(|e| e.info),
        Some("held".into())
    );
    tx.commit().unwrap();
}

/// A write sent ahead that the server refuses (the uuid is taken) fails
/// the next statement and the commit, and nothing of the transaction is
/// kept; the connection is then as good as new.
#[test]
fn a_refused_write_sent_ahead_fails_what_follows() {
    let Some(url) = url() else { return };
    let store = PgStore::connect_config(fresh_config(&url)).unwrap();
    let (org, taken) = {
        let mut tx = store.write().unwrap();
        let org = org(tx.as_mut());
        let taken = event(org, "kept");
        tx.event_insert(&taken).unwrap();
        tx.commit().unwrap();
        (org, taken)
    };
    for read_first in [true, false] {
        let mut tx = store.write_all_or_nothing().unwrap();
        let new = tx.event_insert(&event(org, "dropped")).unwrap();
        assert!(tx.event_insert(&taken).is_ok(), "not waited for");
        tx.send_held_writes().unwrap();
        if read_first {
            assert!(tx.event_get(new).is_err(), "the next statement fails");
        }
        let err = tx.commit().unwrap_err().to_string();
        assert!(err.contains("nothing was committed"), "{err}");
    }
    let mut tx = store.write().unwrap();
    let all = tx
        .search_events(&Default::default(), &jisr_policy::Scope::Everything)
        .unwrap();
    assert_eq!(all.len(), 1, "only the event committed before");
    tx.setting_set("still", "usable").unwrap();
    tx.commit().unwrap();
}
