//! Names scored on the background thread (`correlation::BackgroundScoring`,
//! used by imports and rebuilds) end up as the same stored pairs as names
//! scored inline, also when a later write of the same transaction edits an
//! attribute that a pending pair names, and when another writer renames a
//! person that the scoring thread's memo of names had read before, or adds
//! a holder of blocking keys whose holders the memo had read before.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::instance;
use jisr_core::correlation::BackgroundScoring;
use jisr_core::event_write::add_or_edit_event;
use jisr_model::wire::parse_event;
use jisr_store::{Cell, Store, Tx};
use serde_json::{Value, json};

const FIRST: &str = "5f0c2a41-8d3e-4b7a-9c1d-2e3f4a5b6c7d";
const NAME: &str = "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

/// Events with the same people written in both scripts, then an edit of
/// the first event that renames its person to someone else.
fn events() -> Vec<Value> {
    let spellings = [
        "محمود توفيق",
        "Mahmoud Tawfik",
        "Mahmud Tawfiq",
        "اللواء محمود توفيق",
        "خالد الزهراني",
        "Khaled al-Zahrani",
        "Khalid Zahrani",
    ];
    let mut out = vec![
        json!({"uuid": FIRST, "info": "first", "timestamp": "1700000000",
        "Attribute": [{"uuid": NAME, "type": "full-name", "value": "Mahmoud Tawfik",
                       "timestamp": "1700000000"}]}),
    ];
    for (i, name) in spellings.iter().enumerate() {
        out.push(json!({"info": format!("event {i}"), "Attribute": [
            {"type": "full-name", "value": name},
            {"type": "ip-dst", "value": format!("198.51.100.{i}")}],
            "Object": [{"name": "person", "meta-category": "misc", "Attribute": [
                {"type": "first-name", "object_relation": "first-name", "value": "Mahmoud"},
                {"type": "full-name", "object_relation": "full-name", "value": spellings[(i + 3) % spellings.len()]}]}]}));
    }
    // The event before this one left pairs naming NAME waiting to be stored.
    out.insert(
        2,
        json!({"uuid": FIRST, "info": "first, edited", "timestamp": "1800000000",
            "Attribute": [{"uuid": NAME, "type": "full-name", "value": "Khaled al-Zahrani",
                           "timestamp": "1800000000"}]}),
    );
    out
}

/// Every stored name pair, in a stable order.
fn pairs(tx: &mut dyn Tx) -> Vec<Vec<Cell>> {
    let table = tx
        .portable_tables()
        .unwrap()
        .into_iter()
        .find(|t| t.name == "correlation_names")
        .unwrap();
    let mut rows = tx.portable_rows(&table, &[], i64::MAX).unwrap();
    rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    rows
}

fn import(background: bool) -> Vec<Vec<Cell>> {
    let (_dir, store, actor) = instance();
    let scoring = background.then(|| BackgroundScoring::start().unwrap());
    let mut tx = store.write().unwrap();
    for e in events() {
        add_or_edit_event(tx.as_mut(), &actor, &parse_event(&e).unwrap()).unwrap();
    }
    if let Some(s) = &scoring {
        s.settle(tx.as_mut()).unwrap();
    }
    tx.commit().unwrap();
    let mut tx = store.read().unwrap();
    pairs(tx.as_mut())
}

#[test]
fn background_scoring_stores_what_inline_scoring_stores() {
    let inline = import(false);
    assert!(inline.len() > 20, "too few pairs to compare: {inline:?}");
    assert_eq!(import(true), inline);
}

#[test]
fn discarded_scoring_writes_nothing_into_the_next_transaction() {
    let (_dir, store, actor) = instance();
    let scoring = BackgroundScoring::start().unwrap();
    let mut tx = store.write().unwrap();
    for e in events().into_iter().take(2) {
        add_or_edit_event(tx.as_mut(), &actor, &parse_event(&e).unwrap()).unwrap();
    }
    drop(tx);
    scoring.discard();
    let mut tx = store.write().unwrap();
    scoring.settle(tx.as_mut()).unwrap();
    tx.commit().unwrap();
    let mut tx = store.read().unwrap();
    assert_eq!(pairs(tx.as_mut()), Vec::<Vec<Cell>>::new());
    assert!(BackgroundScoring::start().is_err(), "one per thread");
}

#[test]
fn names_another_writer_changed_between_transactions_are_read_again() {
    let first = json!({"uuid": FIRST, "info": "first", "timestamp": "1700000000",
        "Attribute": [{"uuid": NAME, "type": "full-name", "value": "Mahmoud Tawfik",
                       "timestamp": "1700000000"}]});
    let same_person = json!({"info": "second", "Attribute": [
        {"type": "full-name", "value": "محمود توفيق"}]});
    let renamed = json!({"uuid": FIRST, "info": "first, edited", "timestamp": "1800000000",
        "Attribute": [{"uuid": NAME, "type": "full-name", "value": "Khaled al-Zahrani",
                       "timestamp": "1800000000"}]});
    let new_name = json!({"info": "third", "Attribute": [
        {"type": "full-name", "value": "خالد الزهراني"}]});
    let run = |background: bool| {
        let (_dir, store, actor) = instance();
        let scoring = background.then(|| BackgroundScoring::start().unwrap());
        let write = |events: &[&Value]| {
            let mut tx = store.write().unwrap();
            for e in events {
                add_or_edit_event(tx.as_mut(), &actor, &parse_event(e).unwrap()).unwrap();
            }
            if let Some(s) = &scoring {
                s.settle(tx.as_mut()).unwrap();
            }
            tx.commit().unwrap();
        };
        write(&[&first, &same_person]);
        // Another writer (the server, say) renames the person in between.
        std::thread::scope(|s| {
            s.spawn(|| {
                let mut tx = store.write().unwrap();
                add_or_edit_event(tx.as_mut(), &actor, &parse_event(&renamed).unwrap()).unwrap();
                tx.commit().unwrap();
            })
            .join()
            .unwrap();
        });
        write(&[&new_name]);
        let mut tx = store.read().unwrap();
        pairs(tx.as_mut())
    };
    let inline = run(false);
    // The new name meets the renamed person, which a stale memo would miss.
    assert_eq!(inline.len(), 2, "{inline:?}");
    assert_eq!(run(true), inline);
}

#[test]
fn holders_another_writer_added_between_transactions_are_read_again() {
    let person = |info: &str, name: &str| json!({"info": info, "Attribute": [{"type": "full-name", "value": name}]});
    let run = |background: bool| {
        let (_dir, store, actor) = instance();
        let scoring = background.then(|| BackgroundScoring::start().unwrap());
        let write = |e: &Value| {
            let mut tx = store.write().unwrap();
            add_or_edit_event(tx.as_mut(), &actor, &parse_event(e).unwrap()).unwrap();
            if let Some(s) = &scoring {
                s.settle(tx.as_mut()).unwrap();
            }
            tx.commit().unwrap();
        };
        // The import reads who holds this person's blocking keys ...
        write(&person("first", "Mahmoud Tawfik"));
        // ... another writer adds a holder of the same keys ...
        std::thread::scope(|s| {
            s.spawn(|| {
                let mut tx = store.write().unwrap();
                let e = person("other writer", "محمود توفيق");
                add_or_edit_event(tx.as_mut(), &actor, &parse_event(&e).unwrap()).unwrap();
                tx.commit().unwrap();
            })
            .join()
            .unwrap();
        });
        // ... and the import's next transaction must meet it.
        write(&person("third", "Mahmud Tawfiq"));
        let mut tx = store.read().unwrap();
        pairs(tx.as_mut())
    };
    let inline = run(false);
    assert_eq!(inline.len(), 6, "every two of the three: {inline:?}");
    assert_eq!(run(true), inline);
}
