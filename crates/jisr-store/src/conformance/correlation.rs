//! The correlation index: keys joined under the reader's scope, the
//! over-correlation cap, replacement and removal, address ranges, name
//! pairs, exclusions.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jisr_policy::Scope;

use super::*;
use crate::{CorrelationEntry, CorrelationExclusion, IpRange, NamePair, Related};

fn entry(attribute_id: i64, event_id: i64, keys: &[i64]) -> CorrelationEntry {
    CorrelationEntry {
        attribute_id,
        event_id,
        keys: keys.to_vec(),
        range: None,
    }
}

fn org_scope(org_id: i64) -> Scope {
    Scope::Organisation {
        org_id,
        sharing_groups: vec![],
        unpublished_private: false,
    }
}

fn others(found: &[Related]) -> Vec<i64> {
    let mut v: Vec<i64> = found.iter().map(|r| r.attribute_id).collect();
    v.sort();
    v.dedup();
    v
}

fn v4(a: [u8; 4], prefix: i64) -> IpRange {
    let mut lo = [0u8; 16];
    lo[10] = 0xff;
    lo[11] = 0xff;
    lo[12..].copy_from_slice(&a);
    let host = 128 - prefix;
    let n = u128::from_be_bytes(lo);
    let mask = if host >= 128 {
        u128::MAX
    } else {
        (1u128 << host) - 1
    };
    IpRange {
        lo: (n & !mask).to_be_bytes(),
        hi: (n | mask).to_be_bytes(),
        prefix,
    }
}

pub(super) fn keys_join_under_scope(make: Factory) {
    let (store, a, b) = seeded(make);
    let mut tx = store.write().unwrap();
    let e1 = tx.event_insert(&event(a, 1, true, "cairo")).unwrap();
    let e2 = tx.event_insert(&event(b, 0, true, "brussels own")).unwrap();
    let e3 = tx.event_insert(&event(a, 1, true, "cairo too")).unwrap();
    let a1 = tx
        .attribute_insert(&attribute(e1, "ip-dst", "192.0.2.1", 5))
        .unwrap();
    let a2 = tx
        .attribute_insert(&attribute(e2, "ip-dst", "192.0.2.1", 5))
        .unwrap();
    let a3 = tx
        .attribute_insert(&attribute(e3, "ip-dst", "192.0.2.1", 5))
        .unwrap();
    let same_event = tx
        .attribute_insert(&attribute(e1, "text", "192.0.2.1", 5))
        .unwrap();
    let entries = [
        entry(a1, e1, &[7]),
        entry(a2, e2, &[7]),
        entry(a3, e3, &[7, 8]),
        entry(same_event, e1, &[7]),
    ];
    tx.correlation_add(&entries).unwrap();
    let probes = [(a1, 7)];
    let everything = tx
        .correlation_related(e1, &probes, &[], 10, &Scope::Everything)
        .unwrap();
    assert_eq!(others(&everything), vec![a2, a3], "never the same event");
    assert!(
        everything
            .iter()
            .all(|r| r.source_id == a1 && r.score.is_none())
    );
    let cairo = tx
        .correlation_related(e1, &probes, &[], 10, &org_scope(a))
        .unwrap();
    assert_eq!(others(&cairo), vec![a3], "Brussels' own event stays hidden");
    let brussels = tx
        .correlation_related(e2, &[(a2, 7)], &[], 10, &org_scope(b))
        .unwrap();
    assert_eq!(others(&brussels), vec![a1, a3, same_event]);
    // A soft-deleted attribute is not shown even while it still has keys.
    let mut gone = tx.attribute_get(a3).unwrap().unwrap();
    gone.deleted = true;
    tx.attribute_update(&gone).unwrap();
    let after = tx
        .correlation_related(e1, &probes, &[], 10, &Scope::Everything)
        .unwrap();
    assert_eq!(others(&after), vec![a2]);
    // Over the cap (Brussels sees a1 and same_event besides its own a2:
    // three holders, limit 2) a key is not expanded; at the cap it is.
    assert!(
        tx.correlation_related(e2, &[(a2, 7)], &[], 2, &org_scope(b))
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        others(
            &tx.correlation_related(e2, &[(a2, 7)], &[], 3, &org_scope(b))
                .unwrap()
        ),
        vec![a1, same_event]
    );
    assert_eq!(tx.correlation_over_limit(3).unwrap(), vec![(7, 4, a1)]);
    assert!(tx.correlation_over_limit(4).unwrap().is_empty());
    let mut holders = tx.correlation_key_holders(7, 10).unwrap();
    holders.sort();
    assert_eq!(holders.len(), 4);
    assert_eq!(tx.correlation_key_holders(7, 2).unwrap().len(), 2);
    // Several keys at once: each key's holders, as one key at a time gives them.
    let keys = [7, 424242, 7];
    let mut one_by_one = vec![];
    for key in keys {
        for (attribute, event) in tx.correlation_key_holders(key, 10).unwrap() {
            one_by_one.push((key, attribute, event));
        }
    }
    let mut together = tx.correlation_keys_holders(&keys, 10).unwrap();
    one_by_one.sort();
    together.sort();
    assert_eq!(together, one_by_one);
    // The limit is per key.
    assert_eq!(tx.correlation_keys_holders(&keys, 2).unwrap().len(), 4);
    assert!(tx.correlation_keys_holders(&[], 3).unwrap().is_empty());
    assert_eq!(tx.correlation_stats().unwrap().keys, 5);
    tx.commit().unwrap();
}

pub(super) fn put_replaces_and_deletes_cascade(make: Factory) {
    let (store, a, _) = seeded(make);
    let mut tx = store.write().unwrap();
    let e1 = tx.event_insert(&event(a, 1, true, "one")).unwrap();
    let e2 = tx.event_insert(&event(a, 1, true, "two")).unwrap();
    let a1 = tx
        .attribute_insert(&attribute(e1, "domain", "a.example", 5))
        .unwrap();
    let a2 = tx
        .attribute_insert(&attribute(e2, "domain", "a.example", 5))
        .unwrap();
    tx.correlation_add(&[entry(a1, e1, &[1]), entry(a2, e2, &[1])])
        .unwrap();
    tx.correlation_names_add(&[
        NamePair {
            attribute_id: a1,
            event_id: e1,
            other_id: a2,
            score: 0.9,
            explanation: "x ~ y".into(),
        },
        NamePair {
            attribute_id: a2,
            event_id: e2,
            other_id: a1,
            score: 0.9,
            explanation: "y ~ x".into(),
        },
    ])
    .unwrap();
    let found = tx
        .correlation_related(e1, &[(a1, 1)], &[], 10, &Scope::Everything)
        .unwrap();
    assert_eq!(found.len(), 2, "the exact match and the name pair");
    let named: Vec<&Related> = found.iter().filter(|r| r.score.is_some()).collect();
    assert_eq!(named.len(), 1);
    assert_eq!(named[0].explanation.as_deref(), Some("x ~ y"));
    assert!((named[0].score.unwrap() - 0.9).abs() < 1e-9);
    // An edited value: the new keys replace the old, and its name pairs go both ways.
    tx.correlation_put(&[entry(a2, e2, &[2])]).unwrap();
    assert!(
        tx.correlation_related(e1, &[(a1, 1)], &[], 10, &Scope::Everything)
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        others(
            &tx.correlation_related(e1, &[(a1, 2)], &[], 10, &Scope::Everything)
                .unwrap()
        ),
        vec![a2]
    );
    assert_eq!(tx.correlation_stats().unwrap().name_pairs, 0);
    // No keys at all takes the attribute out.
    tx.correlation_put(&[entry(a2, e2, &[])]).unwrap();
    assert_eq!(tx.correlation_stats().unwrap().keys, 1);
    // Hard deletes take the index rows with them.
    tx.correlation_put(&[entry(a2, e2, &[1])]).unwrap();
    tx.attribute_delete(a2).unwrap();
    assert_eq!(tx.correlation_stats().unwrap().keys, 1);
    tx.event_delete(e1).unwrap();
    assert_eq!(tx.correlation_stats().unwrap().keys, 0);
    tx.commit().unwrap();
}

pub(super) fn address_ranges(make: Factory) {
    let (store, a, _) = seeded(make);
    let mut tx = store.write().unwrap();
    let e1 = tx.event_insert(&event(a, 1, true, "net")).unwrap();
    let e2 = tx.event_insert(&event(a, 1, true, "hosts")).unwrap();
    let net = tx
        .attribute_insert(&attribute(e1, "ip-src", "10.0.0.0/8", 5))
        .unwrap();
    let inside = tx
        .attribute_insert(&attribute(e2, "ip-dst", "10.1.2.3", 5))
        .unwrap();
    let outside = tx
        .attribute_insert(&attribute(e2, "ip-dst", "11.0.0.1", 5))
        .unwrap();
    let same = tx
        .attribute_insert(&attribute(e2, "ip-src", "10.0.0.0/8", 5))
        .unwrap();
    let ranged = |id, ev, r: IpRange| CorrelationEntry {
        attribute_id: id,
        event_id: ev,
        keys: vec![],
        range: Some(r),
    };
    tx.correlation_add(&[
        ranged(net, e1, v4([10, 0, 0, 0], 104)),
        ranged(inside, e2, v4([10, 1, 2, 3], 128)),
        ranged(outside, e2, v4([11, 0, 0, 1], 128)),
        ranged(same, e2, v4([10, 0, 0, 0], 104)),
    ])
    .unwrap();
    assert_eq!(tx.correlation_prefixes().unwrap(), vec![104]);
    let found = tx
        .correlation_related(
            e1,
            &[],
            &[(net, v4([10, 0, 0, 0], 104))],
            10,
            &Scope::Everything,
        )
        .unwrap();
    assert_eq!(
        others(&found),
        vec![inside],
        "identical ranges are exact matches, not containment"
    );
    assert!(
        tx.correlation_related(
            e1,
            &[],
            &[(net, v4([10, 0, 0, 0], 104))],
            0,
            &Scope::Everything
        )
        .unwrap()
        .is_empty()
    );
    assert_eq!(tx.correlation_stats().unwrap().ranges, 4);
    tx.correlation_clear().unwrap();
    assert_eq!(tx.correlation_stats().unwrap(), Default::default());
    assert!(tx.correlation_prefixes().unwrap().is_empty());
    tx.commit().unwrap();
}

pub(super) fn exclusions(make: Factory) {
    let (store, _, _) = seeded(make);
    let mut tx = store.write().unwrap();
    let x = CorrelationExclusion {
        id: 0,
        value: "8.8.%".into(),
        from_json: false,
        comment: "DNS".into(),
    };
    let id = tx.correlation_exclusion_insert(&x).unwrap();
    assert!(
        tx.correlation_exclusion_insert(&x).is_err(),
        "one exclusion per value"
    );
    let got = tx.correlation_exclusion_get(id).unwrap().unwrap();
    assert_eq!((got.value.as_str(), got.comment.as_str()), ("8.8.%", "DNS"));
    let y = tx
        .correlation_exclusion_insert(&CorrelationExclusion {
            value: "محمد".into(),
            ..x.clone()
        })
        .unwrap();
    assert_eq!(
        tx.correlation_exclusions()
            .unwrap()
            .iter()
            .map(|e| e.id)
            .collect::<Vec<_>>(),
        vec![id, y]
    );
    tx.correlation_exclusion_delete(id).unwrap();
    assert!(tx.correlation_exclusion_get(id).unwrap().is_none());
    assert!(tx.correlation_exclusion_delete(id).is_err());
    tx.commit().unwrap();
}

/// Whether a value is over-correlating is decided on what the reader may
/// see: holders hidden from them neither suppress nor reveal anything.
pub(super) fn over_correlation_is_decided_per_reader(make: Factory) {
    let (store, a, b) = seeded(make);
    let mut tx = store.write().unwrap();
    let mine = tx.event_insert(&event(a, 0, true, "cairo")).unwrap();
    let x0 = tx
        .attribute_insert(&attribute(mine, "ip-src", "10.0.0.0/8", 5))
        .unwrap();
    let shared = tx.event_insert(&event(b, 1, true, "shared")).unwrap();
    let seen = tx
        .attribute_insert(&attribute(shared, "ip-dst", "10.9.9.9", 5))
        .unwrap();
    let mut entries = vec![
        CorrelationEntry {
            attribute_id: x0,
            event_id: mine,
            keys: vec![9],
            range: Some(v4([10, 0, 0, 0], 104)),
        },
        CorrelationEntry {
            attribute_id: seen,
            event_id: shared,
            keys: vec![9],
            range: Some(v4([10, 9, 9, 9], 128)),
        },
    ];
    let mut hidden_events = vec![];
    for i in 0..3u8 {
        let e = tx
            .event_insert(&event(b, 0, true, "brussels only"))
            .unwrap();
        let id = tx
            .attribute_insert(&attribute(e, "ip-dst", &format!("10.0.0.{i}"), 5))
            .unwrap();
        entries.push(CorrelationEntry {
            attribute_id: id,
            event_id: e,
            keys: vec![9],
            range: Some(v4([10, 0, 0, i], 128)),
        });
        hidden_events.push((e, id));
    }
    tx.correlation_add(&entries).unwrap();
    let net = [(x0, v4([10, 0, 0, 0], 104))];

    // Cairo sees one holder in another event: within a cap of 2, shown,
    // although five attributes hold the key and four lie in the network.
    let cairo = tx
        .correlation_related(mine, &[(x0, 9)], &net, 2, &org_scope(a))
        .unwrap();
    assert_eq!(others(&cairo), vec![seen]);
    assert_eq!(cairo.len(), 2, "once by key, once by network: {cairo:?}");

    // Brussels, from one of its own events, sees four holders of key 9
    // (its three, the shared one; Cairo's is org-only).
    let (e, id) = hidden_events[0];
    assert!(
        tx.correlation_related(e, &[(id, 9)], &[], 3, &org_scope(b))
            .unwrap()
            .is_empty(),
        "over the cap for this reader"
    );
    let brussels = tx
        .correlation_related(e, &[(id, 9)], &[], 4, &org_scope(b))
        .unwrap();
    assert_eq!(brussels.len(), 3);
    // Seen by a site admin, the network and the four addresses inside are
    // five holders: over a cap of 4, shown at a cap of 5.
    assert!(
        tx.correlation_related(mine, &[], &net, 4, &Scope::Everything)
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        tx.correlation_related(mine, &[], &net, 5, &Scope::Everything)
            .unwrap()
            .len(),
        4
    );
    tx.commit().unwrap();
}
