//! Web console accounts: passwords, sessions, set-password links, preferences.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jisr_model::*;

use super::*;

fn user(tx: &mut dyn crate::Tx, org: i64, email: &str) -> i64 {
    tx.user_insert(&User {
        email: email.into(),
        org_id: org,
        role_id: 3,
        ..Default::default()
    })
    .unwrap()
}

pub(super) fn passwords_and_sessions(make: Factory) {
    let (store, org, _) = seeded(make);
    let mut tx = store.write().unwrap();
    let alice = user(tx.as_mut(), org, "alice@x.test");
    let bob = user(tx.as_mut(), org, "bob@x.test");
    assert_eq!(tx.password_get(alice).unwrap(), None);
    let mut rec = PasswordRecord {
        user_id: alice,
        hash: "$argon2id$v=19$one".into(),
        changed: 10,
        ..Default::default()
    };
    tx.password_put(&rec).unwrap();
    rec.failed = 3;
    rec.locked_until = 99;
    rec.hash = "$argon2id$v=19$two — كلمة".into();
    tx.password_put(&rec).unwrap();
    assert_eq!(tx.password_get(alice).unwrap(), Some(rec.clone()));
    assert_eq!(tx.password_get(bob).unwrap(), None);

    let s = |d: &str, u: i64, expires: i64| WebSession {
        digest: d.into(),
        user_id: u,
        created: 1,
        expires,
    };
    tx.session_insert(&s("a1", alice, 100)).unwrap();
    tx.session_insert(&s("a2", alice, 300)).unwrap();
    tx.session_insert(&s("b1", bob, 50)).unwrap();
    assert!(tx.session_insert(&s("a1", bob, 100)).is_err());
    assert_eq!(tx.session_get("a2").unwrap(), Some(s("a2", alice, 300)));
    assert_eq!(tx.session_get("zz").unwrap(), None);
    // Expired sessions go, live ones stay.
    assert_eq!(tx.sessions_purge(200).unwrap(), 2);
    assert_eq!(tx.session_get("a1").unwrap(), None);
    assert!(tx.session_get("a2").unwrap().is_some());
    tx.session_insert(&s("a3", alice, 900)).unwrap();
    tx.session_insert(&s("b2", bob, 900)).unwrap();
    assert_eq!(tx.sessions_delete_user(alice).unwrap(), 2);
    assert!(tx.session_get("b2").unwrap().is_some());
    tx.session_delete("b2").unwrap();
    assert_eq!(tx.session_get("b2").unwrap(), None);

    // Deleting a user takes its account rows with it.
    tx.session_insert(&s("b3", bob, 900)).unwrap();
    tx.password_put(&PasswordRecord {
        user_id: bob,
        hash: "h".into(),
        ..Default::default()
    })
    .unwrap();
    tx.user_pref_set(bob, "lang", "ar").unwrap();
    tx.user_delete(bob).unwrap();
    assert_eq!(tx.session_get("b3").unwrap(), None);
    assert_eq!(tx.password_get(bob).unwrap(), None);
    assert_eq!(tx.user_pref_get(bob, "lang").unwrap(), None);
    tx.commit().unwrap();
}

pub(super) fn password_links_and_prefs(make: Factory) {
    let (store, org, _) = seeded(make);
    let mut tx = store.write().unwrap();
    let alice = user(tx.as_mut(), org, "alice@x.test");
    let bob = user(tx.as_mut(), org, "bob@x.test");
    let link = |d: &str, u: i64| PasswordLink {
        digest: d.into(),
        user_id: u,
        created_by: 1,
        created: 5,
        expires: 500,
    };
    tx.password_link_insert(&link("l1", alice)).unwrap();
    tx.password_link_insert(&link("l2", alice)).unwrap();
    tx.password_link_insert(&link("l3", bob)).unwrap();
    assert_eq!(tx.password_link_get("l1").unwrap(), Some(link("l1", alice)));
    assert_eq!(tx.password_links_delete("l9", None).unwrap(), 0);
    // Using one link retires every link of that user, not other users'.
    assert_eq!(tx.password_links_delete("l1", Some(alice)).unwrap(), 2);
    assert_eq!(tx.password_link_get("l2").unwrap(), None);
    assert!(tx.password_link_get("l3").unwrap().is_some());
    assert_eq!(tx.password_links_delete("l3", None).unwrap(), 1);

    assert_eq!(tx.user_pref_get(alice, "digits").unwrap(), None);
    tx.user_pref_set(alice, "digits", "arab").unwrap();
    tx.user_pref_set(alice, "digits", "latn").unwrap();
    tx.user_pref_set(bob, "digits", "arab").unwrap();
    assert_eq!(
        tx.user_pref_get(alice, "digits").unwrap().as_deref(),
        Some("latn")
    );
    assert_eq!(
        tx.user_pref_get(bob, "digits").unwrap().as_deref(),
        Some("arab")
    );
    tx.commit().unwrap();
    // Committed rows are seen by later readers.
    let mut r = store.read().unwrap();
    assert_eq!(
        r.user_pref_get(alice, "digits").unwrap().as_deref(),
        Some("latn")
    );
}

pub(super) fn audit_of_one_record(make: Factory) {
    let (store, _, _) = seeded(make);
    let mut tx = store.write().unwrap();
    let entry = |model: &str, model_id: i64, action: &str| AuditEntry {
        created: 1,
        model: model.into(),
        model_id,
        action: action.into(),
        prev_hash: String::new(),
        hash: format!("{model}{model_id}{action}"),
        ..Default::default()
    };
    for (m, id, a) in [
        ("events", 7, "add"),
        ("events", 8, "add"),
        ("attributes", 7, "add"),
        ("events", 7, "edit"),
        ("events", 7, "publish"),
    ] {
        tx.audit_append(&entry(m, id, a)).unwrap();
    }
    let actions = |v: Vec<AuditEntry>| v.into_iter().map(|e| e.action).collect::<Vec<_>>();
    assert_eq!(
        actions(tx.audit_of("events", 7, 10).unwrap()),
        vec!["publish", "edit", "add"],
        "newest first, only that model and id"
    );
    assert_eq!(
        actions(tx.audit_of("events", 7, 2).unwrap()),
        vec!["publish", "edit"]
    );
    assert!(tx.audit_of("events", 9, 10).unwrap().is_empty());
}
