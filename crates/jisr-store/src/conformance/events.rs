//! Events, attributes, objects, tags, sightings, reports and proposals; transactions.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jisr_model::*;
use jisr_policy::Scope;

use super::*;
use crate::{DeletedFilter, SearchQuery, StoreError, TermFilter, Tx};

pub(super) fn rollback_on_drop(make: Factory) {
    let (store, org, _) = seeded(make);
    {
        let mut tx = store.write().unwrap();
        tx.event_insert(&event(org, 0, false, "never committed"))
            .unwrap();
    }
    let mut tx = store.read().unwrap();
    assert!(
        tx.search_events(&SearchQuery::default(), &Scope::Everything)
            .unwrap()
            .is_empty()
    );
}

pub(super) fn unique_uuid_conflicts(make: Factory) {
    let (store, org, _) = seeded(make);
    let mut tx = store.write().unwrap();
    let e = event(org, 0, false, "one");
    tx.event_insert(&e).unwrap();
    assert!(matches!(tx.event_insert(&e), Err(StoreError::Conflict(_))));
}

pub(super) fn event_tree_round_trip(make: Factory) {
    let (store, org, _) = seeded(make);
    let mut tx = store.write().unwrap();
    let eid = tx.event_insert(&event(org, 1, true, "tree")).unwrap();
    let oid = tx
        .object_insert(&MispObject {
            uuid: uuid(),
            event_id: eid,
            name: "person".into(),
            distribution: 5,
            timestamp: 1,
            ..Default::default()
        })
        .unwrap();
    let mut a = attribute(eid, "first-name", "Mahmoud", 5);
    a.object_id = oid;
    a.object_relation = Some("first-name".into());
    let aid = tx.attribute_insert(&a).unwrap();
    tx.attribute_insert(&attribute(eid, "ip-dst", "192.0.2.1", 5))
        .unwrap();
    let tag = tx
        .tag_insert(&Tag {
            name: "tlp:amber".into(),
            exportable: true,
            ..Default::default()
        })
        .unwrap();
    tx.event_tag_add(eid, tag, false).unwrap();
    tx.attribute_tag_add(aid, eid, tag, true).unwrap();
    tx.sighting_insert(&Sighting {
        uuid: uuid(),
        attribute_id: aid,
        event_id: eid,
        org_id: org,
        date_sighting: 5,
        ..Default::default()
    })
    .unwrap();
    tx.report_insert(&EventReport {
        uuid: uuid(),
        event_id: eid,
        name: "r".into(),
        content: "# x".into(),
        distribution: 5,
        timestamp: 1,
        ..Default::default()
    })
    .unwrap();
    assert_eq!(tx.event_recount(eid).unwrap(), 2);
    tx.attachment_put(aid, b"\x00binary\xff").unwrap();
    tx.attachment_put(aid, b"replaced").unwrap();
    assert_eq!(
        tx.attachment_get(aid).unwrap().as_deref(),
        Some(&b"replaced"[..])
    );
    assert_eq!(tx.event_tags(eid).unwrap()[0].tag.name, "tlp:amber");
    let at = tx.attribute_tags_of_event(eid).unwrap();
    assert_eq!(at.len(), 1);
    assert!(at[0].1.local);
    assert_eq!(tx.sightings_of_attribute(aid).unwrap().len(), 1);
    assert_eq!(tx.reports_of_event(eid).unwrap().len(), 1);
    assert_eq!(
        tx.attribute_get(aid).unwrap().unwrap(),
        Attribute { id: aid, ..a }
    );
    tx.event_delete(eid).unwrap();
    assert!(
        tx.attribute_get(aid).unwrap().is_none(),
        "deleting an event removes its attributes"
    );
    assert!(tx.sightings_of_attribute(aid).unwrap().is_empty());
}

pub(super) fn arabic_and_large_values(make: Factory) {
    let (store, org, _) = seeded(make);
    let mut tx = store.write().unwrap();
    let info = "اللواء محمود توفيق — وزير الداخلية";
    let eid = tx.event_insert(&event(org, 0, false, info)).unwrap();
    let big = "ب".repeat(200_000);
    let aid = tx
        .attribute_insert(&attribute(eid, "text", &big, 5))
        .unwrap();
    assert_eq!(tx.event_get(eid).unwrap().unwrap().info, info);
    assert_eq!(tx.attribute_get(aid).unwrap().unwrap().value1, big);
    let q = SearchQuery {
        values: TermFilter {
            any_of: vec![big.clone()],
            none_of: vec![],
        },
        ..Default::default()
    };
    assert_eq!(
        tx.search_attributes(&q, &Scope::Everything).unwrap(),
        vec![aid]
    );
    let q = SearchQuery {
        event_info: TermFilter {
            any_of: vec!["%محمود%".into()],
            none_of: vec![],
        },
        ..Default::default()
    };
    assert_eq!(tx.search_events(&q, &Scope::Everything).unwrap(), vec![eid]);
}

pub(super) fn soft_delete(make: Factory) {
    let (store, org, _) = seeded(make);
    let mut tx = store.write().unwrap();
    let eid = tx.event_insert(&event(org, 0, false, "d")).unwrap();
    let live = tx
        .attribute_insert(&attribute(eid, "ip-dst", "192.0.2.3", 5))
        .unwrap();
    let mut gone = attribute(eid, "ip-dst", "192.0.2.4", 5);
    gone.deleted = true;
    let gone = tx.attribute_insert(&gone).unwrap();
    assert_eq!(tx.event_recount(eid).unwrap(), 1);
    // An update that also recounts keeps the other fields it is given and
    // stores the count, not the one in the struct; the next read sees it.
    let mut e = tx.event_get(eid).unwrap().unwrap();
    e.info = "renamed".into();
    e.attribute_count = 99;
    tx.event_update_recount(&e).unwrap();
    let stored = tx.event_get(eid).unwrap().unwrap();
    assert_eq!(
        (stored.info.as_str(), stored.attribute_count),
        ("renamed", 1)
    );
    // One whose writer knows the count (a new event) stores it as given.
    let mut e = stored;
    e.info = "counted".into();
    e.attribute_count = 7;
    tx.event_update_counted(&e).unwrap();
    let stored = tx.event_get(eid).unwrap().unwrap();
    assert_eq!(
        (stored.info.as_str(), stored.attribute_count),
        ("counted", 7)
    );
    e.info = "renamed".into();
    tx.event_update_recount(&e).unwrap();
    let mut found = tx.events_get(&[eid, eid + 1000, eid]).unwrap();
    found.dedup_by_key(|e| e.id);
    assert_eq!(found.len(), 1, "missing ids are left out");
    assert_eq!(found[0].info, "renamed");
    assert!(tx.events_get(&[]).unwrap().is_empty());
    let q = |d| SearchQuery {
        deleted: d,
        ..Default::default()
    };
    assert_eq!(
        tx.search_attributes(&q(DeletedFilter::Exclude), &Scope::Everything)
            .unwrap(),
        vec![live]
    );
    assert_eq!(
        tx.search_attributes(&q(DeletedFilter::Only), &Scope::Everything)
            .unwrap(),
        vec![gone]
    );
    assert_eq!(
        tx.search_attributes(&q(DeletedFilter::Include), &Scope::Everything)
            .unwrap(),
        vec![live, gone]
    );
}

/// The duplicate check's candidates: whatever else a backend gives, every
/// live attribute outside objects of the event with exactly the value, in
/// id order.
pub(super) fn attributes_with_value(make: Factory) {
    let (store, org, _) = seeded(make);
    let mut tx = store.write().unwrap();
    let eid = tx.event_insert(&event(org, 0, false, "dup")).unwrap();
    let other = tx.event_insert(&event(org, 0, false, "other")).unwrap();
    let value = "Evil.example";
    let first = tx
        .attribute_insert(&attribute(eid, "domain", value, 5))
        .unwrap();
    let second = tx
        .attribute_insert(&attribute(eid, "hostname", value, 5))
        .unwrap();
    let object = tx
        .object_insert(&MispObject {
            uuid: uuid(),
            event_id: eid,
            name: "domain-ip".into(),
            ..Default::default()
        })
        .unwrap();
    let mut inside = attribute(eid, "domain", value, 5);
    inside.object_id = object;
    tx.attribute_insert(&inside).unwrap();
    let mut gone = attribute(eid, "domain", value, 5);
    gone.deleted = true;
    tx.attribute_insert(&gone).unwrap();
    tx.attribute_insert(&attribute(eid, "domain", "evil.example.net", 5))
        .unwrap();
    tx.attribute_insert(&attribute(other, "domain", value, 5))
        .unwrap();
    let live_exact: Vec<i64> = tx
        .attributes_with_value(eid, value)
        .unwrap()
        .into_iter()
        .filter(|a| !a.deleted && a.object_id == 0 && a.value1 == value)
        .map(|a| a.id)
        .collect();
    assert_eq!(live_exact, vec![first, second]);
    assert!(
        tx.attributes_with_value(eid, "absent.example")
            .unwrap()
            .is_empty()
    );
}

pub(super) fn proposals(make: Factory) {
    let (store, org, other) = seeded(make);
    let mut tx = store.write().unwrap();
    let eid = tx.event_insert(&event(org, 1, true, "p")).unwrap();
    let p = Proposal {
        event_id: eid,
        org_id: other,
        email: "x@y.z".into(),
        attribute: attribute(eid, "ip-dst", "192.0.2.77", 5),
        ..Default::default()
    };
    let id = tx.proposal_insert(&p).unwrap();
    let got = tx.proposal_get(id).unwrap().unwrap();
    assert_eq!(got.attribute.value1, "192.0.2.77");
    assert_eq!(
        tx.proposal_by_uuid(&p.attribute.uuid).unwrap().unwrap().id,
        id
    );
    let mut changed = got.clone();
    changed.attribute.to_ids = true;
    changed.proposal_to_delete = true;
    tx.proposal_update(&changed).unwrap();
    assert!(tx.proposal_get(id).unwrap().unwrap().proposal_to_delete);
    assert_eq!(tx.proposals(Some(eid)).unwrap().len(), 1);
    assert_eq!(tx.proposals(None).unwrap().len(), 1);
    tx.proposal_delete(id).unwrap();
    assert!(tx.proposals(None).unwrap().is_empty());
}

/// A rejected write undoes only itself: the transaction carries on and
/// commits what came before and after (backends whose engine aborts the
/// whole transaction on error must contain the failure).
pub(super) fn failed_write_leaves_transaction_usable(make: Factory) {
    let (store, org, _) = seeded(make);
    {
        let mut tx = store.write().unwrap();
        let before = tx.event_insert(&event(org, 0, false, "before")).unwrap();
        let dup = tx.event_get(before).unwrap().unwrap();
        assert!(matches!(
            tx.event_insert(&dup),
            Err(StoreError::Conflict(_))
        ));
        let missing_org = Event {
            orgc_id: 999_999,
            ..event(org, 0, false, "bad reference")
        };
        assert!(matches!(
            tx.event_insert(&missing_org),
            Err(StoreError::Conflict(_))
        ));
        assert!(matches!(
            tx.event_update(&Event {
                id: 999_999,
                ..event(org, 0, false, "absent")
            }),
            Err(StoreError::NotFound(_))
        ));
        tx.event_insert(&event(org, 0, false, "after")).unwrap();
        tx.commit().unwrap();
    }
    let mut tx = store.read().unwrap();
    let ids = tx
        .search_events(&SearchQuery::default(), &Scope::Everything)
        .unwrap();
    let infos: Vec<String> = ids
        .iter()
        .map(|id| tx.event_get(*id).unwrap().unwrap().info)
        .collect();
    assert_eq!(infos, vec!["before", "after"]);
}

/// A new event's attributes in one call: ids in the order given, every
/// field stored as one insert at a time stores it, uuids checked in bulk.
/// The same in a transaction that writes all or nothing, where a backend
/// may send the rows without waiting for them.
pub(super) fn bulk_attribute_insert(make: Factory) {
    let (store, org, _) = seeded(make);
    {
        let mut tx = store.write_all_or_nothing().unwrap();
        let (rows, ids) = insert_in_bulk(tx.as_mut(), org);
        let mut more = rows.clone();
        for a in &mut more {
            a.uuid = uuid();
        }
        let later = tx.attributes_insert(&more).unwrap();
        assert!(
            later.iter().min() > ids.iter().max(),
            "{later:?} after {ids:?}"
        );
        tx.send_held_writes().unwrap();
        tx.commit().unwrap();
        let mut tx = store.read().unwrap();
        for (a, id) in rows.iter().chain(&more).zip(ids.iter().chain(&later)) {
            assert_eq!(
                tx.attribute_get(*id).unwrap().map(|b| b.uuid),
                Some(a.uuid.clone())
            );
        }
        let event = tx.event_get(rows[0].event_id).unwrap().unwrap();
        assert_eq!(event.info, "bulk");
    }
    let mut tx = store.write().unwrap();
    let (rows, _) = insert_in_bulk(tx.as_mut(), org);
    assert!(tx.attributes_insert(&[]).unwrap().is_empty());
    let mut asked: Vec<String> = rows.iter().map(|a| a.uuid.clone()).take(3).collect();
    asked.push(uuid());
    let mut taken = tx.attribute_uuids_taken(&asked).unwrap();
    taken.sort();
    let mut expected: Vec<String> = asked[..3].to_vec();
    expected.sort();
    assert_eq!(taken, expected);
    assert!(matches!(
        tx.attributes_insert(&rows[..1]),
        Err(StoreError::Conflict(_))
    ));
}

/// A new event and its attributes in one call; each stored as given.
fn insert_in_bulk(tx: &mut dyn Tx, org: i64) -> (Vec<Attribute>, Vec<i64>) {
    let eid = tx.event_insert(&event(org, 1, true, "bulk")).unwrap();
    let mut rows = vec![];
    for i in 0..7 {
        let mut a = attribute(eid, "ip-dst", &format!("192.0.2.{i}"), 5);
        a.comment = format!("row {i} «محمود»");
        a.to_ids = i % 2 == 0;
        a.first_seen = (i == 3).then_some(1_700_000_000_000_000);
        a.object_relation = (i == 4).then(|| "ip".to_string());
        a.value2 = if i == 5 { "443".into() } else { String::new() };
        rows.push(a);
    }
    let ids = tx.attributes_insert(&rows).unwrap();
    assert_eq!(ids.len(), rows.len());
    for (a, id) in rows.iter().zip(&ids) {
        let mut expected = a.clone();
        expected.id = *id;
        assert_eq!(tx.attribute_get(*id).unwrap(), Some(expected));
    }
    (rows, ids)
}
