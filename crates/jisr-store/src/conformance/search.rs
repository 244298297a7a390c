//! restSearch: filters, the access scope and TLP caps in SQL, paging and ordering.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jisr_model::*;
use jisr_policy::Scope;

use super::*;
use crate::{IdFilter, SearchQuery, TagFilter, TermFilter};

pub(super) fn search_filters(make: Factory) {
    let (store, org, _) = seeded(make);
    let mut tx = store.write().unwrap();
    let e1 = tx.event_insert(&event(org, 1, true, "first")).unwrap();
    let e2 = tx
        .event_insert(&Event {
            timestamp: 1_800_000_000,
            ..event(org, 1, false, "second")
        })
        .unwrap();
    let a1 = tx
        .attribute_insert(&attribute(e1, "ip-dst", "192.0.2.1", 5))
        .unwrap();
    let a2 = tx
        .attribute_insert(&attribute(e2, "domain", "example.com", 5))
        .unwrap();
    let mut ids_attr = attribute(e2, "ip-src", "192.0.2.1", 5);
    ids_attr.to_ids = true;
    let a3 = tx.attribute_insert(&ids_attr).unwrap();
    let t = tx
        .tag_insert(&Tag {
            name: "tlp:red".into(),
            ..Default::default()
        })
        .unwrap();
    tx.event_tag_add(e2, t, false).unwrap();
    let all = Scope::Everything;
    let by_value = |v: &str| SearchQuery {
        values: TermFilter {
            any_of: vec![v.into()],
            none_of: vec![],
        },
        ..Default::default()
    };
    assert_eq!(
        tx.search_attributes(&by_value("192.0.2.1"), &all).unwrap(),
        vec![a1, a3]
    );
    assert_eq!(
        tx.search_attributes(&by_value("EXAMPLE.com"), &all)
            .unwrap(),
        vec![a2],
        "values match case-insensitively"
    );
    assert_eq!(
        tx.search_attributes(&by_value("192.0.2.%"), &all).unwrap(),
        vec![a1, a3]
    );
    assert_eq!(
        tx.search_events(&by_value("192.0.2.1"), &all).unwrap(),
        vec![e1, e2]
    );
    let q = SearchQuery {
        values: TermFilter {
            any_of: vec!["192.0.2.1".into()],
            none_of: vec!["%".into()],
        },
        ..Default::default()
    };
    assert!(tx.search_attributes(&q, &all).unwrap().is_empty());
    let q = SearchQuery {
        types: TermFilter {
            any_of: vec!["domain".into()],
            none_of: vec![],
        },
        ..Default::default()
    };
    assert_eq!(tx.search_events(&q, &all).unwrap(), vec![e2]);
    let q = SearchQuery {
        to_ids: Some(true),
        ..Default::default()
    };
    assert_eq!(tx.search_attributes(&q, &all).unwrap(), vec![a3]);
    let q = SearchQuery {
        published: Some(true),
        ..Default::default()
    };
    assert_eq!(tx.search_events(&q, &all).unwrap(), vec![e1]);
    let q = SearchQuery {
        timestamp_from: Some(1_750_000_000),
        ..Default::default()
    };
    assert_eq!(tx.search_events(&q, &all).unwrap(), vec![e2]);
    let q = SearchQuery {
        any_level_tags: TagFilter {
            any_of: Some(vec![t]),
            ..Default::default()
        },
        ..Default::default()
    };
    assert_eq!(tx.search_events(&q, &all).unwrap(), vec![e2]);
    assert_eq!(
        tx.search_attributes(&q, &all).unwrap(),
        vec![a2, a3],
        "event tags apply to their attributes"
    );
    let q = SearchQuery {
        any_level_tags: TagFilter {
            none_of: vec![t],
            ..Default::default()
        },
        ..Default::default()
    };
    assert_eq!(tx.search_events(&q, &all).unwrap(), vec![e1]);
    let q = SearchQuery {
        event_ids: IdFilter {
            any_of: Some(vec![e1]),
            none_of: vec![],
        },
        ..Default::default()
    };
    assert_eq!(tx.search_attributes(&q, &all).unwrap(), vec![a1]);
    let uuid_a2 = tx.attribute_get(a2).unwrap().unwrap().uuid;
    let q = SearchQuery {
        uuids: vec![uuid_a2],
        ..Default::default()
    };
    assert_eq!(
        tx.search_events(&q, &all).unwrap(),
        vec![e2],
        "an attribute uuid finds its event"
    );
}

pub(super) fn scope_filters_in_the_query(make: Factory) {
    let (store, cairo, brussels) = seeded(make);
    let mut tx = store.write().unwrap();
    let org_only = tx.event_insert(&event(cairo, 0, true, "org only")).unwrap();
    let unpublished = tx.event_insert(&event(cairo, 3, false, "draft")).unwrap();
    let shared = tx.event_insert(&event(cairo, 3, true, "shared")).unwrap();
    let sg = tx
        .event_insert(&Event {
            sharing_group_id: 7,
            ..event(cairo, 4, true, "group")
        })
        .unwrap();
    let hidden_attr = tx
        .attribute_insert(&attribute(shared, "ip-dst", "192.0.2.9", 0))
        .unwrap();
    let open_attr = tx
        .attribute_insert(&attribute(shared, "ip-dst", "192.0.2.9", 5))
        .unwrap();
    let oid = tx
        .object_insert(&MispObject {
            uuid: uuid(),
            event_id: shared,
            name: "o".into(),
            distribution: 0,
            timestamp: 1,
            ..Default::default()
        })
        .unwrap();
    let mut in_hidden_object = attribute(shared, "ip-dst", "192.0.2.9", 5);
    in_hidden_object.object_id = oid;
    let in_hidden_object = tx.attribute_insert(&in_hidden_object).unwrap();
    let scope = |org_id, sharing_groups: Vec<i64>| Scope::Organisation {
        org_id,
        sharing_groups,
        unpublished_private: true,
    };
    let outsider = scope(brussels, vec![]);
    let member = scope(brussels, vec![7]);
    let owner = scope(cairo, vec![]);
    // MISP's default shows unpublished shared events to other organisations too.
    let open_outsider = Scope::Organisation {
        org_id: brussels,
        sharing_groups: vec![],
        unpublished_private: false,
    };
    let q = SearchQuery::default();
    assert_eq!(tx.search_events(&q, &outsider).unwrap(), vec![shared]);
    assert_eq!(tx.search_events(&q, &member).unwrap(), vec![shared, sg]);
    assert_eq!(
        tx.search_events(&q, &open_outsider).unwrap(),
        vec![unpublished, shared]
    );
    assert_eq!(
        tx.search_events(&q, &owner).unwrap(),
        vec![org_only, unpublished, shared, sg]
    );
    let q = SearchQuery {
        values: TermFilter {
            any_of: vec!["192.0.2.9".into()],
            none_of: vec![],
        },
        ..Default::default()
    };
    assert_eq!(
        tx.search_attributes(&q, &outsider).unwrap(),
        vec![open_attr]
    );
    assert_eq!(
        tx.search_attributes(&q, &owner).unwrap(),
        vec![hidden_attr, open_attr, in_hidden_object]
    );
    // Paging counts only what the scope sees.
    let q = SearchQuery {
        limit: Some(1),
        page: Some(1),
        ..Default::default()
    };
    assert_eq!(tx.search_events(&q, &outsider).unwrap(), vec![shared]);
}

pub(super) fn paging_and_ordering(make: Factory) {
    let (store, org, _) = seeded(make);
    let mut tx = store.write().unwrap();
    let ids: Vec<i64> = ["c", "a", "b"]
        .iter()
        .map(|i| tx.event_insert(&event(org, 0, false, i)).unwrap())
        .collect();
    let page = |p| SearchQuery {
        limit: Some(2),
        page: Some(p),
        ..Default::default()
    };
    assert_eq!(
        tx.search_events(&page(1), &Scope::Everything).unwrap(),
        ids[..2].to_vec()
    );
    assert_eq!(
        tx.search_events(&page(2), &Scope::Everything).unwrap(),
        ids[2..].to_vec()
    );
    let sorted = SearchQuery {
        sort: Some(crate::EventSort {
            key: crate::EventSortKey::Info,
            descending: true,
        }),
        ..Default::default()
    };
    assert_eq!(
        tx.search_events(&sorted, &Scope::Everything).unwrap(),
        vec![ids[0], ids[2], ids[1]]
    );
}

pub(super) fn tlp_caps_in_the_query(make: Factory) {
    let (store, cairo, brussels) = seeded(make);
    let mut tx = store.write().unwrap();
    let red = tx
        .tag_insert(&Tag {
            name: "tlp:red".into(),
            ..Default::default()
        })
        .unwrap();
    let strict = tx
        .tag_insert(&Tag {
            name: "TLP:AMBER+STRICT".into(),
            ..Default::default()
        })
        .unwrap();
    let green = tx
        .tag_insert(&Tag {
            name: "tlp:green".into(),
            ..Default::default()
        })
        .unwrap();
    let red_event = tx.event_insert(&event(cairo, 3, true, "red")).unwrap();
    tx.event_tag_add(red_event, red, false).unwrap();
    let open_event = tx.event_insert(&event(cairo, 3, true, "green")).unwrap();
    tx.event_tag_add(open_event, green, false).unwrap();
    let a_open = tx
        .attribute_insert(&attribute(open_event, "ip-dst", "192.0.2.50", 5))
        .unwrap();
    let a_strict = tx
        .attribute_insert(&attribute(open_event, "ip-dst", "192.0.2.51", 5))
        .unwrap();
    tx.attribute_tag_add(a_strict, open_event, strict, false)
        .unwrap();
    let a_in_red = tx
        .attribute_insert(&attribute(red_event, "ip-dst", "192.0.2.52", 5))
        .unwrap();
    let outsider = Scope::Organisation {
        org_id: brussels,
        sharing_groups: vec![],
        unpublished_private: false,
    };
    let owner = Scope::Organisation {
        org_id: cairo,
        sharing_groups: vec![],
        unpublished_private: false,
    };
    let q = SearchQuery::default();
    assert_eq!(
        tx.search_events(&q, &outsider).unwrap(),
        vec![open_event],
        "a red event stays home"
    );
    assert_eq!(
        tx.search_attributes(&q, &outsider).unwrap(),
        vec![a_open],
        "capped attributes stay home"
    );
    assert_eq!(
        tx.search_attributes(&q, &owner).unwrap(),
        vec![a_in_red, a_open, a_strict],
        "by event, then id"
    );
}

/// Sorting by text is by bytes (upper case before lower case), whatever
/// the database's locale.
pub(super) fn text_sorts_in_byte_order(make: Factory) {
    let (store, org, _) = seeded(make);
    let mut tx = store.write().unwrap();
    let ids: Vec<i64> = ["b", "B", "a"]
        .iter()
        .map(|i| tx.event_insert(&event(org, 0, false, i)).unwrap())
        .collect();
    let sorted = SearchQuery {
        sort: Some(crate::EventSort {
            key: crate::EventSortKey::Info,
            descending: false,
        }),
        ..Default::default()
    };
    assert_eq!(
        tx.search_events(&sorted, &Scope::Everything).unwrap(),
        vec![ids[1], ids[2], ids[0]]
    );
    for name in ["b", "B", "a"] {
        tx.tag_insert(&Tag {
            name: name.into(),
            ..Default::default()
        })
        .unwrap();
    }
    let names: Vec<String> = tx
        .tag_list(None)
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(names, vec!["B", "a", "b"]);
}

pub(super) fn distribution_filter(make: Factory) {
    let (store, org, other) = seeded(make);
    let mut tx = store.write().unwrap();
    let own = tx.event_insert(&event(org, 0, true, "org only")).unwrap();
    let community = tx.event_insert(&event(org, 1, true, "community")).unwrap();
    let all = tx.event_insert(&event(org, 3, true, "all")).unwrap();
    let q = |d: &[i64]| SearchQuery {
        distributions: Some(d.to_vec()),
        ..Default::default()
    };
    let everything = Scope::Everything;
    assert_eq!(tx.search_events(&q(&[0]), &everything).unwrap(), vec![own]);
    assert_eq!(
        tx.search_events(&q(&[1, 3]), &everything).unwrap(),
        vec![community, all]
    );
    assert!(tx.search_events(&q(&[]), &everything).unwrap().is_empty());
    // The filter narrows the scope, never widens it.
    let outsider = Scope::Organisation {
        org_id: other,
        sharing_groups: vec![],
        unpublished_private: false,
    };
    assert!(tx.search_events(&q(&[0]), &outsider).unwrap().is_empty());
}
