//! One suite of storage behaviours that every backend must pass. A backend
//! runs it from its tests with a factory for fresh, empty stores:
//!
//! ```ignore
//! jisr_store::conformance::run_all(&|| Box::new(MyStore::open_temp()));
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jisr_model::roles::default_roles;
use jisr_model::*;
use jisr_policy::Scope;

use crate::{DeletedFilter, IdFilter, SearchQuery, Store, StoreError, TagFilter, TermFilter};

pub type Factory<'a> = &'a dyn Fn() -> Box<dyn Store>;

/// Every behaviour, by name, so a failure names what broke.
pub fn run_all(make: Factory) {
    for (name, test) in CASES {
        eprintln!("conformance: {name}");
        test(make);
    }
}

/// A named behaviour.
pub type Case = (&'static str, fn(Factory));

pub const CASES: &[Case] = &[
    ("rollback_on_drop", rollback_on_drop),
    ("organisations_and_users", organisations_and_users),
    ("unique_uuid_conflicts", unique_uuid_conflicts),
    ("event_tree_round_trip", event_tree_round_trip),
    ("arabic_and_large_values", arabic_and_large_values),
    ("search_filters", search_filters),
    ("scope_filters_in_the_query", scope_filters_in_the_query),
    ("paging_and_ordering", paging_and_ordering),
    ("soft_delete", soft_delete),
    ("proposals", proposals),
    ("sharing_groups", sharing_groups),
    ("tlp_caps_in_the_query", tlp_caps_in_the_query),
    ("audit_log", audit_log),
    (
        "failed_write_leaves_transaction_usable",
        failed_write_leaves_transaction_usable,
    ),
    (
        "case_insensitive_names_and_patterns",
        case_insensitive_names_and_patterns,
    ),
    (
        "generated_ids_follow_explicit_ones",
        generated_ids_follow_explicit_ones,
    ),
    ("text_sorts_in_byte_order", text_sorts_in_byte_order),
    (
        "audit_ids_stay_dense_after_rollback",
        audit_ids_stay_dense_after_rollback,
    ),
];

fn uuid() -> String {
    ::uuid::Uuid::new_v4().to_string()
}

/// A store with the default roles, two organisations and nothing else.
fn seeded(make: Factory) -> (Box<dyn Store>, i64, i64) {
    let store = make();
    let (a, b);
    {
        let mut tx = store.write().unwrap();
        for r in default_roles() {
            tx.role_insert(&r).unwrap();
        }
        a = tx
            .org_insert(&Organisation {
                uuid: uuid(),
                name: "Cairo".into(),
                local: true,
                ..Default::default()
            })
            .unwrap();
        b = tx
            .org_insert(&Organisation {
                uuid: uuid(),
                name: "Brussels".into(),
                local: true,
                ..Default::default()
            })
            .unwrap();
        tx.commit().unwrap();
    }
    (store, a, b)
}

fn event(org: i64, distribution: i64, published: bool, info: &str) -> Event {
    Event {
        uuid: uuid(),
        org_id: org,
        orgc_id: org,
        info: info.into(),
        date: "2024-04-20".into(),
        threat_level_id: 4,
        distribution,
        published,
        timestamp: 1_700_000_000,
        ..Default::default()
    }
}

fn attribute(event_id: i64, t: &str, v: &str, distribution: i64) -> Attribute {
    Attribute {
        uuid: uuid(),
        event_id,
        attr_type: t.into(),
        category: "Network activity".into(),
        value1: v.into(),
        distribution,
        timestamp: 1_700_000_000,
        ..Default::default()
    }
}

fn rollback_on_drop(make: Factory) {
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

fn organisations_and_users(make: Factory) {
    let (store, org, _) = seeded(make);
    let mut tx = store.write().unwrap();
    let u = User {
        email: "a@b.c".into(),
        org_id: org,
        role_id: 3,
        ..Default::default()
    };
    let id = tx.user_insert(&u).unwrap();
    let got = tx.user_get(id).unwrap().unwrap();
    assert_eq!(got.email, "a@b.c");
    assert_eq!(tx.user_by_email("a@b.c").unwrap().unwrap().id, id);
    assert!(matches!(tx.user_insert(&u), Err(StoreError::Conflict(_))));
    tx.role_set_default(4).unwrap();
    let defaults: Vec<i64> = tx
        .role_list()
        .unwrap()
        .into_iter()
        .filter(|r| r.default_role)
        .map(|r| r.id)
        .collect();
    assert_eq!(defaults, vec![4]);
    assert!(tx.role_get(1).unwrap().unwrap().is_site_admin());
    tx.setting_set("MISP.baseurl", "https://x").unwrap();
    tx.setting_set("MISP.baseurl", "https://y").unwrap();
    assert_eq!(
        tx.setting_get("MISP.baseurl").unwrap().as_deref(),
        Some("https://y")
    );
}

fn unique_uuid_conflicts(make: Factory) {
    let (store, org, _) = seeded(make);
    let mut tx = store.write().unwrap();
    let e = event(org, 0, false, "one");
    tx.event_insert(&e).unwrap();
    assert!(matches!(tx.event_insert(&e), Err(StoreError::Conflict(_))));
}

fn event_tree_round_trip(make: Factory) {
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

fn arabic_and_large_values(make: Factory) {
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

fn search_filters(make: Factory) {
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

fn scope_filters_in_the_query(make: Factory) {
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

fn paging_and_ordering(make: Factory) {
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

fn soft_delete(make: Factory) {
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

fn proposals(make: Factory) {
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

fn sharing_groups(make: Factory) {
    let (store, cairo, brussels) = seeded(make);
    let mut tx = store.write().unwrap();
    let amman = tx
        .org_insert(&Organisation {
            uuid: uuid(),
            name: "Amman".into(),
            ..Default::default()
        })
        .unwrap();
    let g = SharingGroup {
        uuid: uuid(),
        name: "CT partners".into(),
        org_id: cairo,
        active: true,
        ..Default::default()
    };
    let gid = tx.sharing_group_insert(&g).unwrap();
    tx.sharing_group_org_set(gid, amman, false).unwrap();
    tx.sharing_group_org_set(gid, amman, true).unwrap();
    assert_eq!(tx.sharing_group_orgs(gid).unwrap().len(), 1);
    assert!(tx.sharing_group_orgs(gid).unwrap()[0].extend);
    assert_eq!(tx.sharing_groups_of_org(amman).unwrap(), vec![gid]);
    assert_eq!(
        tx.sharing_groups_of_org(cairo).unwrap(),
        vec![gid],
        "the creator belongs"
    );
    assert!(tx.sharing_groups_of_org(brussels).unwrap().is_empty());
    tx.sharing_group_server_set(gid, 0, true).unwrap();
    assert_eq!(
        tx.sharing_groups_of_org(brussels).unwrap(),
        vec![gid],
        "all organisations of this instance"
    );
    assert!(tx.sharing_group_server_remove(gid, 0).unwrap());
    let mut inactive = tx.sharing_group_get(gid).unwrap().unwrap();
    inactive.active = false;
    tx.sharing_group_update(&inactive).unwrap();
    assert!(
        tx.sharing_groups_of_org(amman).unwrap().is_empty(),
        "inactive groups grant nothing"
    );
    assert!(tx.sharing_group_org_remove(gid, amman).unwrap());
    assert_eq!(tx.sharing_group_by_uuid(&g.uuid).unwrap().unwrap().id, gid);
    tx.sharing_group_delete(gid).unwrap();
    assert!(tx.sharing_group_list().unwrap().is_empty());
}

fn tlp_caps_in_the_query(make: Factory) {
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

fn audit_log(make: Factory) {
    let store = make();
    let mut tx = store.write().unwrap();
    assert!(tx.audit_last().unwrap().is_none());
    for i in 0..5 {
        let e = AuditEntry {
            created: i,
            model: "events".into(),
            action: "view".into(),
            change: "اطلاع".into(),
            prev_hash: format!("p{i}"),
            hash: format!("h{i}"),
            ..Default::default()
        };
        tx.audit_append(&e).unwrap();
    }
    let (last, hash) = tx.audit_last().unwrap().unwrap();
    assert_eq!(hash, "h4");
    let page = tx.audit_page(0, 3).unwrap();
    assert_eq!(page.len(), 3);
    assert_eq!(page[0].change, "اطلاع");
    assert_eq!(tx.audit_page(page[2].id, 10).unwrap().len(), 2);
    tx.audit_checkpoint_add(last, "h4", "sig").unwrap();
    assert_eq!(
        tx.audit_checkpoints().unwrap(),
        vec![(last, "h4".to_string(), "sig".to_string())]
    );
}

/// A rejected write undoes only itself: the transaction carries on and
/// commits what came before and after (backends whose engine aborts the
/// whole transaction on error must contain the failure).
fn failed_write_leaves_transaction_usable(make: Factory) {
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

/// Organisation names and user emails are unique and found ignoring case;
/// tag patterns match ignoring case, where `%` and `_` are the only
/// special characters (a backslash is literal); tag names are exact.
fn case_insensitive_names_and_patterns(make: Factory) {
    let (store, org, _) = seeded(make);
    let mut tx = store.write().unwrap();
    assert_eq!(tx.org_by_name("CAIRO").unwrap().unwrap().id, org);
    let clash = Organisation {
        uuid: uuid(),
        name: "cairo".into(),
        ..Default::default()
    };
    assert!(matches!(
        tx.org_insert(&clash),
        Err(StoreError::Conflict(_))
    ));
    let u = User {
        email: "Analyst@Example.org".into(),
        org_id: org,
        role_id: 3,
        ..Default::default()
    };
    let uid = tx.user_insert(&u).unwrap();
    assert_eq!(
        tx.user_by_email("analyst@example.ORG").unwrap().unwrap().id,
        uid
    );
    let shout = User {
        email: "ANALYST@EXAMPLE.ORG".into(),
        ..u
    };
    assert!(matches!(
        tx.user_insert(&shout),
        Err(StoreError::Conflict(_))
    ));
    for name in ["TLP:RED", "tlp:green", "a\\b", "misp-galaxy:x"] {
        tx.tag_insert(&Tag {
            name: name.into(),
            ..Default::default()
        })
        .unwrap();
    }
    let names = |tags: Vec<Tag>| tags.into_iter().map(|t| t.name).collect::<Vec<_>>();
    assert_eq!(
        names(tx.tag_list(Some("tlp:%")).unwrap()),
        vec!["TLP:RED", "tlp:green"]
    );
    assert_eq!(names(tx.tag_list(Some("a\\b")).unwrap()), vec!["a\\b"]);
    assert_eq!(
        names(tx.tag_list(Some("misp_galaxy:%")).unwrap()),
        vec!["misp-galaxy:x"]
    );
    assert!(tx.tag_by_name("tlp:red").unwrap().is_none());
    assert!(tx.tag_by_name("TLP:RED").unwrap().is_some());
    let eid = tx
        .event_insert(&event(org, 0, false, "Phishing Wave"))
        .unwrap();
    let q = SearchQuery {
        event_info: TermFilter {
            any_of: vec!["%phishing%".into()],
            none_of: vec![],
        },
        ..Default::default()
    };
    assert_eq!(tx.search_events(&q, &Scope::Everything).unwrap(), vec![eid]);
}

/// Rows inserted with explicit ids (MISP's default roles) do not make later
/// generated ids collide.
fn generated_ids_follow_explicit_ones(make: Factory) {
    let (store, _, _) = seeded(make);
    let mut tx = store.write().unwrap();
    let highest = tx.role_list().unwrap().iter().map(|r| r.id).max().unwrap();
    let role = jisr_model::roles::Role {
        id: 0,
        name: "custom".into(),
        ..Default::default()
    };
    let id = tx.role_insert(&role).unwrap();
    assert!(id > highest, "generated id {id} must follow {highest}");
    assert_eq!(tx.role_get(id).unwrap().unwrap().name, "custom");
}

/// Sorting by text is by bytes (upper case before lower case), whatever
/// the database's locale.
fn text_sorts_in_byte_order(make: Factory) {
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

/// Audit entry ids have no gaps even when a transaction that appended one
/// is rolled back: signed checkpoints fall on every multiple of an interval.
fn audit_ids_stay_dense_after_rollback(make: Factory) {
    let store = make();
    let entry = |i: i64| AuditEntry {
        created: i,
        model: "events".into(),
        action: "add".into(),
        prev_hash: format!("p{i}"),
        hash: format!("h{i}"),
        ..Default::default()
    };
    let first = {
        let mut tx = store.write().unwrap();
        let id = tx.audit_append(&entry(1)).unwrap();
        tx.commit().unwrap();
        id
    };
    {
        let mut tx = store.write().unwrap();
        tx.audit_append(&entry(2)).unwrap();
    }
    let mut tx = store.write().unwrap();
    assert_eq!(tx.audit_append(&entry(3)).unwrap(), first + 1);
}
