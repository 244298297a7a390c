//! Organisations, users, roles, settings, sharing groups and the audit log.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jisr_model::*;
use jisr_policy::Scope;

use super::*;
use crate::{SearchQuery, StoreError, TermFilter};

pub(super) fn organisations_and_users(make: Factory) {
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

pub(super) fn sharing_groups(make: Factory) {
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

pub(super) fn audit_log(make: Factory) {
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

/// Organisation names and user emails are unique and found ignoring case;
/// tag patterns match ignoring case, where `%` and `_` are the only
/// special characters (a backslash is literal); tag names are exact.
pub(super) fn case_insensitive_names_and_patterns(make: Factory) {
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
pub(super) fn generated_ids_follow_explicit_ones(make: Factory) {
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

/// The `i`th audit entry of a test's chain.
fn entry(i: i64) -> AuditEntry {
    AuditEntry {
        created: i,
        model: "events".into(),
        action: "add".into(),
        prev_hash: format!("p{i}"),
        hash: format!("h{i}"),
        ..Default::default()
    }
}

/// Audit entry ids have no gaps even when a transaction that appended one
/// is rolled back: signed checkpoints fall on every multiple of an interval.
pub(super) fn audit_ids_stay_dense_after_rollback(make: Factory) {
    let store = make();
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

/// A transaction whose very first statement changes settings, exclusions
/// or the audit log reads its own change back, and a later transaction sees
/// what an earlier one committed (a backend that reads these ahead, with the
/// transaction's start, must not serve what was there before).
pub(super) fn first_write_is_read_back(make: Factory) {
    let store = make();
    let exclusion = crate::CorrelationExclusion {
        value: "8.8.8.8".into(),
        ..Default::default()
    };
    let excluded = {
        let mut tx = store.write().unwrap();
        tx.setting_set("k", "one").unwrap();
        assert_eq!(tx.setting_get("k").unwrap().as_deref(), Some("one"));
        tx.commit().unwrap();
        let mut tx = store.write().unwrap();
        let id = tx.correlation_exclusion_insert(&exclusion).unwrap();
        assert_eq!(tx.correlation_exclusions().unwrap().len(), 1);
        tx.commit().unwrap();
        let mut tx = store.write().unwrap();
        let audit = tx.audit_append(&entry(1)).unwrap();
        assert_eq!(tx.audit_last().unwrap().unwrap(), (audit, "h1".into()));
        tx.commit().unwrap();
        id
    };
    let mut tx = store.write().unwrap();
    tx.setting_set("k", "two").unwrap();
    assert_eq!(tx.setting_get("k").unwrap().as_deref(), Some("two"));
    tx.commit().unwrap();
    let mut tx = store.write().unwrap();
    tx.correlation_exclusion_delete(excluded).unwrap();
    assert!(tx.correlation_exclusions().unwrap().is_empty());
    tx.commit().unwrap();
    let mut tx = store.write().unwrap();
    assert!(tx.correlation_exclusions().unwrap().is_empty());
    assert_eq!(tx.setting_get("k").unwrap().as_deref(), Some("two"));
    assert_eq!(tx.audit_last().unwrap().unwrap().1, "h1");
    let next = tx.audit_append(&entry(2)).unwrap();
    assert_eq!(tx.audit_last().unwrap().unwrap(), (next, "h2".into()));
}
