//! Whole-table copies (what `jisr migrate-store` relies on).

use crate::{Cell, TableShape, load_order};

use jisr_model::{MispObject, ObjectReference, User};

use super::{Factory, attribute, event, seeded};

pub(super) fn whole_tables_copy_exactly(make: Factory) {
    let (source, cairo, _) = seeded(make);
    {
        let mut tx = source.write().unwrap();
        let e = tx
            .event_insert(&event(cairo, 3, true, "نقل — move"))
            .unwrap();
        let mut a = attribute(e, "ip-dst", "192.0.2.9", 5);
        a.to_ids = true;
        let a = tx.attribute_insert(&a).unwrap();
        tx.attachment_put(a, &[0, 159, 146, 150, 255]).unwrap();
        tx.setting_set("MISP.baseurl", "https://cairo.example")
            .unwrap();
        tx.commit().unwrap();
    }
    let target = make();
    let mut src = source.read().unwrap();
    let tables = load_order(src.portable_tables().unwrap());
    for name in [
        "events",
        "attributes",
        "organisations",
        "settings",
        "attachments",
    ] {
        assert!(tables.iter().any(|t| t.name == name), "{name} is listed");
    }
    assert!(
        !tables.iter().any(|t| t.name == "schema_version"),
        "migration bookkeeping is not data"
    );
    let events = tables.iter().find(|t| t.name == "events").unwrap();
    assert_eq!(events.integer_key.as_deref(), Some("id"));
    assert_eq!(events.key, vec!["id".to_string()]);
    assert!(events.references.contains(&"organisations".to_string()));
    let order: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
    let pos = |n: &str| order.iter().position(|x| *x == n).unwrap();
    assert!(pos("organisations") < pos("events") && pos("events") < pos("attributes"));
    // Whether or not a backend keeps them as foreign keys, an attribute's
    // correlation rows load after it (a checking target would refuse them).
    for index in [
        "correlation_keys",
        "correlation_ranges",
        "correlation_names",
    ] {
        assert!(pos("attributes") < pos(index), "{index} after attributes");
    }

    let mut dst = target.write().unwrap();
    let shapes: Vec<TableShape> = dst.portable_tables().unwrap();
    for t in &tables {
        let there = shapes.iter().find(|s| s.name == t.name).unwrap();
        let types = t
            .columns
            .iter()
            .map(|c| there.types[there.columns.iter().position(|x| x == c).unwrap()].clone())
            .collect();
        let plan = TableShape { types, ..t.clone() };
        let rows = src.portable_rows(t, &[], 1_000_000).unwrap();
        assert_eq!(rows.len() as i64, src.portable_count(t).unwrap());
        dst.portable_insert(&plan, &rows).unwrap();
    }
    dst.portable_finish(&tables).unwrap();
    dst.commit().unwrap();

    let mut back = target.read().unwrap();
    for t in &tables {
        assert_eq!(
            src.portable_rows(t, &[], 1_000_000).unwrap(),
            back.portable_rows(t, &[], 1_000_000).unwrap(),
            "{} copies exactly",
            t.name
        );
    }
    let a = back
        .portable_rows(
            tables.iter().find(|t| t.name == "attachments").unwrap(),
            &[],
            10,
        )
        .unwrap();
    assert!(
        a.iter()
            .any(|r| r.contains(&Cell::Bytes(vec![0, 159, 146, 150, 255]))),
        "bytes survive"
    );
    drop(back);
    drop(src);
    // Generated ids continue after the copied ones.
    let mut tx = target.write().unwrap();
    let next = tx.event_insert(&event(cairo, 1, false, "after")).unwrap();
    let max = tx
        .events_published_after(0, 100)
        .unwrap()
        .iter()
        .map(|e| e.id)
        .max()
        .unwrap();
    assert!(next > max, "{next} > {max}");
}

/// Bytes order as bytes and integers as numbers on every backend.
fn cell_order(a: &Cell, b: &Cell) -> std::cmp::Ordering {
    match (a, b) {
        (Cell::Int(x), Cell::Int(y)) => x.cmp(y),
        (Cell::Text(x), Cell::Text(y)) => x.as_bytes().cmp(y.as_bytes()),
        (Cell::Bytes(x), Cell::Bytes(y)) => x.cmp(y),
        _ => panic!("keys of one column differ in kind: {a:?} {b:?}"),
    }
}

/// Tables of every kind of key, the composite ones included (the
/// correlation index grows as large as the attributes), read in pages: the
/// pages follow the key and together hold the table once.
pub(super) fn pages_follow_the_key_of_any_table(make: Factory) {
    let (store, cairo, _) = seeded(make);
    let texts = ["b", "B", "é", "a", "z", "ab"];
    {
        let mut tx = store.write().unwrap();
        let e = tx.event_insert(&event(cairo, 3, true, "pages")).unwrap();
        let mut entries = vec![];
        for i in 0..5u8 {
            let a = tx
                .attribute_insert(&attribute(e, "ip-dst", &format!("192.0.2.{i}"), 5))
                .unwrap();
            let mut lo = [0u8; 16];
            lo[15] = 200 - i * 40;
            entries.push(crate::CorrelationEntry {
                attribute_id: a,
                event_id: e,
                keys: vec![7, -3, 1 << 40, i64::from(i)],
                range: Some(crate::IpRange {
                    lo,
                    hi: lo,
                    prefix: 128,
                }),
            });
        }
        tx.correlation_add(&entries).unwrap();
        let user = tx
            .user_insert(&User {
                email: "pages@x.test".into(),
                org_id: cairo,
                role_id: 3,
                ..Default::default()
            })
            .unwrap();
        for k in texts {
            tx.user_pref_set(user, k, "v").unwrap();
        }
        tx.commit().unwrap();
    }
    let mut tx = store.read().unwrap();
    let tables = tx.portable_tables().unwrap();
    let table = |name: &str| tables.iter().find(|t| t.name == name).unwrap().clone();
    let keys = table("correlation_keys");
    assert_eq!(keys.key, ["key".to_string(), "attribute_id".to_string()]);
    for t in [
        keys,
        table("correlation_ranges"),
        table("user_prefs"),
        table("attributes"),
    ] {
        assert!(!t.key.is_empty(), "{} has a key", t.name);
        let at: Vec<usize> = t
            .key
            .iter()
            .map(|k| t.columns.iter().position(|c| c == k).unwrap())
            .collect();
        let key_of = |row: &Vec<Cell>| at.iter().map(|&i| row[i].clone()).collect::<Vec<_>>();
        let whole = tx.portable_rows(&t, &[], 1_000).unwrap();
        assert!(whole.len() >= 5, "{}: {} rows", t.name, whole.len());
        assert_eq!(whole.len() as i64, tx.portable_count(&t).unwrap());
        for w in whole.windows(2) {
            let (a, b) = (key_of(&w[0]), key_of(&w[1]));
            let order = a
                .iter()
                .zip(&b)
                .map(|(x, y)| cell_order(x, y))
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal);
            assert_eq!(
                order,
                std::cmp::Ordering::Less,
                "{}: {a:?} before {b:?}",
                t.name
            );
        }
        let mut paged = vec![];
        let mut after = vec![];
        // Bounded: pages that ignore `after` would never run out.
        for _ in 0..whole.len() {
            let page = tx.portable_rows(&t, &after, 2).unwrap();
            assert!(page.len() <= 2);
            let Some(last) = page.last() else { break };
            after = key_of(last);
            paged.extend(page);
        }
        assert_eq!(paged, whole, "{} read in pages", t.name);
    }
    let prefs = tx.portable_rows(&table("user_prefs"), &[], 100).unwrap();
    let at = table("user_prefs")
        .columns
        .iter()
        .position(|c| c == "key")
        .unwrap();
    let order: Vec<&Cell> = prefs.iter().map(|r| &r[at]).collect();
    let want: Vec<Cell> = ["B", "a", "ab", "b", "z", "é"]
        .iter()
        .map(|k| Cell::Text(k.to_string()))
        .collect();
    assert_eq!(order, want.iter().collect::<Vec<_>>(), "text as bytes");
}

pub(super) fn all_or_nothing_transactions(make: Factory) {
    let (store, cairo, _) = seeded(make);
    let kept = event(cairo, 1, false, "kept");
    {
        let mut tx = store.write_all_or_nothing().unwrap();
        tx.event_insert(&kept).unwrap();
        tx.commit().unwrap();
    }
    {
        let mut tx = store.write_all_or_nothing().unwrap();
        tx.event_insert(&event(cairo, 1, false, "dropped")).unwrap();
        // A failing statement (the uuid exists) dooms the work; dropping it
        // leaves nothing. A backend that sends writes without waiting for
        // their answers reports it later, at the latest on commit.
        let _ = tx.event_insert(&kept);
    }
    {
        let mut tx = store.write_all_or_nothing().unwrap();
        tx.event_insert(&event(cairo, 1, false, "dropped too"))
            .unwrap();
        let failed = tx.event_insert(&kept).is_err();
        let held = tx.send_held_writes().is_err();
        assert!(
            failed || held || tx.commit().is_err(),
            "a failed write must not commit"
        );
    }
    let mut tx = store.read().unwrap();
    assert!(tx.event_by_uuid(&kept.uuid).unwrap().is_some());
    assert_eq!(tx.events_published_after(0, 10).unwrap().len(), 0);
    let q = crate::SearchQuery::default();
    assert_eq!(
        tx.search_events(&q, &jisr_policy::Scope::Everything)
            .unwrap()
            .len(),
        1,
        "only the committed event"
    );
}

/// Ids of events and attributes written in an all-or-nothing transaction
/// leave no gap behind a commit: the next write's ids follow on.
pub(super) fn ids_stay_dense_after_all_or_nothing_writes(make: Factory) {
    let (store, cairo, _) = seeded(make);
    let (mut last_event, mut last_object, mut last_attribute) = (0, 0, 0);
    let mut last_reference = 0;
    let mut objects = vec![];
    {
        let mut tx = store.write_all_or_nothing().unwrap();
        for round in 0..4 {
            let e = tx.event_insert(&event(cairo, 1, false, "bulk")).unwrap();
            let object = MispObject {
                uuid: super::uuid(),
                event_id: e,
                name: "domain-ip".into(),
                distribution: 5,
                timestamp: 1_700_000_000 + round,
                ..Default::default()
            };
            let o = tx.object_insert(&object).unwrap();
            let mut rows: Vec<_> = (0..round + 2)
                .map(|i| attribute(e, "ip-dst", &format!("192.0.2.{i}"), 5))
                .collect();
            rows[0].object_id = o;
            let ids = tx.attributes_insert(&rows).unwrap();
            // Rows that refer to the new object and attribute by their ids.
            last_reference = tx
                .reference_insert(&ObjectReference {
                    uuid: super::uuid(),
                    object_id: o,
                    event_id: e,
                    object_uuid: object.uuid.clone(),
                    referenced_uuid: rows[0].uuid.clone(),
                    referenced_id: ids[0],
                    relationship_type: "resolves-to".into(),
                    ..Default::default()
                })
                .unwrap();
            objects.push((o, object, ids[0]));
            last_event = e;
            last_object = o;
            last_attribute = ids.iter().copied().max().unwrap();
        }
        tx.commit().unwrap();
    }
    let mut tx = store.write().unwrap();
    for (id, object, attribute_id) in &objects {
        let stored = tx.object_get(*id).unwrap().expect("the object was kept");
        assert_eq!(
            stored,
            MispObject {
                id: *id,
                ..object.clone()
            }
        );
        let a = tx.attribute_get(*attribute_id).unwrap().unwrap();
        assert_eq!(a.object_id, *id, "its attribute points at it");
        let refs = tx.references_of_event(object.event_id).unwrap();
        assert_eq!(refs.len(), 1);
        assert_eq!(
            (refs[0].object_id, refs[0].referenced_id),
            (*id, *attribute_id)
        );
    }
    let mut ids: Vec<i64> = objects.iter().map(|o| o.0).take(3).collect();
    ids.push(last_object + 100);
    let mut got: Vec<i64> = tx.objects_get(&ids).unwrap().iter().map(|o| o.id).collect();
    got.sort_unstable();
    assert_eq!(got, ids[..3], "the objects that exist");
    let mut asked: Vec<String> = objects.iter().map(|o| o.1.uuid.clone()).take(2).collect();
    asked.push(super::uuid());
    let mut taken = tx.object_uuids_taken(&asked).unwrap();
    taken.sort();
    let mut expected = asked[..2].to_vec();
    expected.sort();
    assert_eq!(taken, expected, "only the stored objects' uuids");

    let e = tx.event_insert(&event(cairo, 1, false, "next")).unwrap();
    assert_eq!(e, last_event + 1);
    let o = tx
        .object_insert(&MispObject {
            uuid: super::uuid(),
            event_id: e,
            name: "domain-ip".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(o, last_object + 1);
    let r = tx
        .reference_insert(&ObjectReference {
            uuid: super::uuid(),
            object_id: o,
            event_id: e,
            referenced_uuid: super::uuid(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(r, last_reference + 1);
    let a = tx
        .attribute_insert(&attribute(e, "domain", "example.org", 5))
        .unwrap();
    assert_eq!(a, last_attribute + 1);
}
