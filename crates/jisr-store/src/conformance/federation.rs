//! Server links, the durable job queue and the push outbox.

use jisr_model::{Server, SyncJob};

use super::{Factory, event, seeded};

pub(super) fn servers_round_trip(make: Factory) {
    let (store, cairo, brussels) = seeded(make);
    let mut tx = store.write().unwrap();
    let s = Server {
        name: "Brussels — بروكسل".into(),
        url: "https://brussels.example:8443".into(),
        authkey: "k".repeat(40),
        org_id: cairo,
        remote_org_id: brussels,
        push: true,
        push_rules: r#"{"tags":{"OR":["tlp:green"],"NOT":[]}}"#.into(),
        self_signed: true,
        last_pull_result: r#"{"error":"timed out"}"#.into(),
        ..Default::default()
    };
    let id = tx.server_insert(&s).unwrap();
    let mut got = tx.server_get(id).unwrap().unwrap();
    assert_eq!(got, Server { id, ..s.clone() });
    got.pull = true;
    got.push_cursor = 42;
    got.last_push_at = 1_700_000_123;
    tx.server_update(&got).unwrap();
    assert_eq!(tx.server_list().unwrap(), vec![got.clone()]);
    tx.server_delete(id).unwrap();
    assert!(tx.server_get(id).unwrap().is_none());
    assert!(
        tx.server_delete(id).is_err(),
        "deleting a missing server is an error"
    );
}

pub(super) fn sync_jobs_queue(make: Factory) {
    let (store, cairo, brussels) = seeded(make);
    let mut tx = store.write().unwrap();
    let server_id = tx
        .server_insert(&Server {
            name: "b".into(),
            url: "https://b".into(),
            org_id: cairo,
            remote_org_id: brussels,
            ..Default::default()
        })
        .unwrap();
    let job = |kind: &str| SyncJob {
        server_id,
        kind: kind.into(),
        created: 100,
        ..Default::default()
    };
    let first = tx.sync_job_insert(&job("push")).unwrap();
    let second = tx.sync_job_insert(&job("pull")).unwrap();
    let claimed = tx.sync_job_claim(200, 150).unwrap().unwrap();
    assert_eq!(
        (claimed.id, claimed.started, claimed.attempts),
        (first, 200, 1)
    );
    // A started job is not handed out again while its worker may be alive…
    let next = tx.sync_job_claim(201, 150).unwrap().unwrap();
    assert_eq!(next.id, second);
    assert!(tx.sync_job_claim(202, 150).unwrap().is_none());
    // …but is once it is stale (its worker died).
    let again = tx.sync_job_claim(1000, 900).unwrap().unwrap();
    assert_eq!((again.id, again.attempts), (first, 2));
    tx.sync_job_finish(first, 1001, r#"{"pushed":3}"#).unwrap();
    let recent = tx.sync_jobs_recent(Some(server_id), 10).unwrap();
    assert_eq!(recent.len(), 2);
    assert_eq!(recent[1].result, r#"{"pushed":3}"#);
    assert_eq!(recent[1].finished, 1001);
    assert_eq!(tx.sync_jobs_recent(None, 1).unwrap().len(), 1);
}

pub(super) fn outbox_and_push_candidates(make: Factory) {
    let (store, cairo, _) = seeded(make);
    let mut tx = store.write().unwrap();
    assert_eq!(tx.outbox_last().unwrap(), 0);
    let published = tx
        .event_insert(&event(cairo, 3, true, "published"))
        .unwrap();
    let draft = tx.event_insert(&event(cairo, 3, false, "draft")).unwrap();
    let later = tx.event_insert(&event(cairo, 2, true, "later")).unwrap();
    let a = tx.outbox_append(published, 10).unwrap();
    let b = tx.outbox_append(later, 11).unwrap();
    assert!(b > a);
    assert_eq!(tx.outbox_last().unwrap(), b);
    assert_eq!(
        tx.outbox_after(0, 10).unwrap(),
        vec![(a, published), (b, later)]
    );
    assert_eq!(tx.outbox_after(a, 10).unwrap(), vec![(b, later)]);
    let ids: Vec<i64> = tx
        .events_published_after(0, 10)
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(ids, vec![published, later]);
    assert!(!ids.contains(&draft));
    let ids: Vec<i64> = tx
        .events_published_after(published, 10)
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(ids, vec![later]);
}
