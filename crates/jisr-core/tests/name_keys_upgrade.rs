//! `correlation::upgrade`: which instances count as keyed by this build's
//! name keys.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::instance;
use jisr_core::correlation::{self, upgrade};
use jisr_core::event_write::add_event;
use jisr_model::wire::parse_event;
use jisr_store::{Store, Tx};
use serde_json::json;

fn recorded(tx: &mut dyn Tx) -> Option<String> {
    tx.setting_get(upgrade::NAME_KEYS_SETTING).unwrap()
}

#[test]
fn only_an_index_of_another_derivation_counts_as_stale() {
    let (_dir, store, actor) = instance();
    let mut tx = store.write().unwrap();
    assert!(upgrade::name_keys_current(tx.as_mut()).unwrap(), "empty");
    let version = correlation::keys::NAME_KEYS_VERSION.to_string();
    assert_eq!(recorded(tx.as_mut()), Some(version.clone()));
    let mut events: Vec<i64> = vec![];
    for (info, person, org) in [
        ("one", "Mahmoud Tawfik", "European Union"),
        ("two", "محمود توفيق", "الاتحاد الأوروبي"),
    ] {
        let body = json!({"info": info,
            "Attribute": [{"type": "full-name", "value": person},
                          {"type": "ip-dst", "value": "198.51.100.7"}],
            "Object": [{"name": "legal-entity", "meta-category": "misc", "Attribute": [
                {"type": "text", "object_relation": "name", "value": org}]}]});
        events.push(add_event(tx.as_mut(), &actor, &parse_event(&body).unwrap()).unwrap());
    }
    let written = tx.correlation_stats().unwrap();
    assert_eq!(
        written.name_pairs, 4,
        "persons and organisations, both ways"
    );

    // Written by this build: current, and stays so.
    assert!(upgrade::name_keys_current(tx.as_mut()).unwrap());
    // As if indexed by an older jisr (for one from before the record, see
    // the end-to-end test `names_keyed_by_another_version_are_rebuilt_once`).
    tx.setting_set(upgrade::NAME_KEYS_SETTING, "1").unwrap();
    assert!(!upgrade::name_keys_current(tx.as_mut()).unwrap());
    assert_eq!(
        recorded(tx.as_mut()).as_deref(),
        Some("1"),
        "not recorded current"
    );

    // A rebuild starts from an empty index, which is current.
    tx.setting_set(upgrade::NAME_KEYS_SETTING, "1").unwrap();
    correlation::clear(tx.as_mut()).unwrap();
    assert_eq!(recorded(tx.as_mut()), Some(version));
    assert!(upgrade::name_keys_current(tx.as_mut()).unwrap());
    tx.commit().unwrap();
}
