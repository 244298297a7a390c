//! Federation between three real instances on loopback — cairo, brussels
//! and amman — linked through the API as their admins would, checking that
//! each record travels exactly as its distribution, sharing group and
//! handling marks allow.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::harness::Jisr;

fn site(name: &str) -> Jisr {
    Jisr::start_with(&[
        ("JISR_HOST_ORG", name),
        ("JISR_SYNC_TICK_MS", "200"),
        ("JISR_SYNC_PULL_INTERVAL", "0"),
    ])
}

/// Waits for a condition the sync worker brings about (a deadline, not a
/// performance assertion: the worker runs every 200 ms).
pub fn eventually(what: &str, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(90);
    while Instant::now() < deadline {
        if cond() {
            return;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("timed out waiting until {what}");
}

pub fn host_org(j: &Jisr) -> Value {
    let (s, me) = j.admin("GET", "/users/view/me", None);
    assert_eq!(s, 200, "{me}");
    me["Organisation"].clone()
}

/// `from` links to `to` as MISP admins do it: `to` records `from`'s
/// organisation and a sync user in it, whose sync config `from` imports.
/// Returns the server id on `from`.
pub fn link(from: &Jisr, to: &Jisr, push: bool, extra: Value) -> i64 {
    let org = host_org(from);
    let (s, o) = to.admin(
        "POST",
        "/admin/organisations/add",
        Some(&json!({"name": org["name"], "uuid": org["uuid"], "local": false})),
    );
    let org_id = if s == 200 {
        o["Organisation"]["id"].as_str().unwrap().to_string()
    } else {
        let (_, all) = to.admin("GET", "/organisations/index/scope:all", None);
        all.as_array()
            .unwrap()
            .iter()
            .find(|x| x["Organisation"]["uuid"] == org["uuid"])
            .unwrap()["Organisation"]["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let email = format!(
        "sync-{}@{}.example",
        rand_tag(),
        org["name"].as_str().unwrap().to_lowercase()
    );
    let (s, u) = to.admin(
        "POST",
        "/admin/users/add",
        Some(&json!({"email": email, "org_id": org_id, "role_id": 5})),
    );
    assert_eq!(s, 200, "{u}");
    let sync_key = u["User"]["authkey"].as_str().unwrap().to_string();
    let (s, config) = to.call("GET", "/servers/createSync", &sync_key, None);
    assert_eq!(s, 200, "{config}");
    let (s, server) = from.admin("POST", "/servers/import", Some(&config));
    assert_eq!(s, 200, "{server}");
    let id: i64 = server["Server"]["id"].as_str().unwrap().parse().unwrap();
    let mut edit = json!({"push": push, "pull": true, "push_sightings": true});
    if let (Some(m), Some(x)) = (edit.as_object_mut(), extra.as_object()) {
        m.extend(x.clone());
    }
    let (s, server) = from.admin("POST", &format!("/servers/edit/{id}"), Some(&edit));
    assert_eq!(s, 200, "{server}");
    let (s, test) = from.admin("POST", &format!("/servers/testConnection/{id}"), None);
    assert_eq!((s, test["status"].as_i64()), (200, Some(1)), "{test}");
    id
}

fn rand_tag() -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    format!("{}{}", std::process::id(), N.fetch_add(1, Ordering::SeqCst))
}

/// Adds and publishes an event; returns its uuid.
pub fn publish(j: &Jisr, event: Value) -> String {
    let (s, e) = j.admin("POST", "/events/add", Some(&event));
    assert_eq!(s, 200, "{e}");
    let id = e["Event"]["id"].as_str().unwrap().to_string();
    let (s, r) = j.admin("POST", &format!("/events/publish/{id}"), None);
    assert_eq!(s, 200, "{r}");
    e["Event"]["uuid"].as_str().unwrap().to_string()
}

pub fn view(j: &Jisr, uuid: &str) -> Option<Value> {
    let (s, e) = j.admin("GET", &format!("/events/view/{uuid}"), None);
    (s == 200).then(|| e["Event"].clone())
}

fn values(e: &Value) -> Vec<String> {
    let mut out: Vec<String> = e["Attribute"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["value"].as_str().unwrap().to_string())
        .collect();
    for o in e["Object"].as_array().into_iter().flatten() {
        out.extend(
            o["Attribute"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["value"].as_str().unwrap().to_string()),
        );
    }
    out.sort();
    out
}

/// Runs a queued pull and waits for its job to finish.
fn pull_now(j: &Jisr, server: i64) {
    let (s, r) = j.admin("POST", &format!("/servers/pull/{server}"), None);
    assert_eq!(s, 200, "{r}");
    let job: i64 = r["id"].as_str().unwrap().parse().unwrap();
    eventually("the pull job finished", || {
        let (_, jobs) = j.admin("GET", &format!("/servers/syncJobs/{server}"), None);
        jobs.as_array()
            .unwrap()
            .iter()
            .any(|x| x["id"] == job && x["finished"].as_i64() > Some(0))
    });
}

#[test]
fn records_travel_as_their_distribution_allows() {
    let cairo = site("Cairo");
    let brussels = site("Brussels");
    let amman = site("Amman");
    // Push links; cairo's direct link to amman does not carry "chain" events,
    // so that those show what happens over two hops.
    let cairo_to_brussels = link(&cairo, &brussels, true, json!({}));
    let cairo_to_amman = link(
        &cairo,
        &amman,
        true,
        json!({"push_rules": {"tags": {"OR": [], "NOT": ["chain"]}}}),
    );
    link(&brussels, &amman, true, json!({}));
    let brussels_from_cairo = link(&brussels, &cairo, false, json!({}));
    let amman_from_brussels = link(&amman, &brussels, false, json!({}));
    let amman_org = host_org(&amman);

    // A sharing group of cairo and amman, reaching amman's server link.
    let (s, sg) = cairo.admin(
        "POST",
        "/sharing_groups/add",
        Some(&json!({"name": "Cairo–Amman", "releasability": "CT agreement"})),
    );
    assert_eq!(s, 200, "{sg}");
    let sg_id = sg["SharingGroup"]["id"].as_str().unwrap().to_string();
    let sg_uuid = sg["SharingGroup"]["uuid"].as_str().unwrap().to_string();
    let amman_org_here = cairo
        .admin("GET", "/organisations/index/scope:all", None)
        .1
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["Organisation"]["uuid"] == amman_org["uuid"])
        .unwrap()["Organisation"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (s, r) = cairo.admin(
        "POST",
        &format!("/sharing_groups/addOrg/{sg_id}/{amman_org_here}"),
        None,
    );
    assert_eq!(s, 200, "{r}");
    let (s, r) = cairo.admin(
        "POST",
        &format!("/sharing_groups/addServer/{sg_id}/{cairo_to_amman}"),
        None,
    );
    assert_eq!(s, 200, "{r}");

    let org_only = publish(
        &cairo,
        json!({"info": "org only", "distribution": 0, "Attribute": [{"type": "ip-dst", "value": "192.0.2.1"}]}),
    );
    let community = publish(
        &cairo,
        json!({"info": "community", "distribution": 1, "Attribute": [{"type": "ip-dst", "value": "192.0.2.2"}]}),
    );
    let connected = publish(
        &cairo,
        json!({"info": "connected", "distribution": 2, "Tag": [{"name": "chain"}],
        "Attribute": [{"type": "ip-dst", "value": "192.0.2.3"}]}),
    );
    let all = publish(
        &cairo,
        json!({"info": "all communities", "distribution": 3, "Tag": [{"name": "chain"}],
        "Attribute": [
            {"type": "ip-dst", "value": "192.0.2.4"},
            {"type": "ip-dst", "value": "192.0.2.5", "distribution": 2},
            {"type": "ip-dst", "value": "192.0.2.6", "Tag": [{"name": "tlp:amber+strict"}]},
            {"type": "full-name", "value": "محمود توفيق", "distribution": 5},
        ]}),
    );
    let grouped = publish(
        &cairo,
        json!({"info": "cairo and amman", "distribution": 4, "sharing_group_id": sg_id,
        "Attribute": [{"type": "ip-dst", "value": "192.0.2.7"}]}),
    );

    // Pushes: all communities reaches both over two hops; the grouped event amman only.
    eventually(
        "the all-communities event reached amman via brussels",
        || view(&amman, &all).is_some(),
    );
    eventually("the grouped event reached amman", || {
        view(&amman, &grouped).is_some()
    });
    eventually("the connected event reached brussels", || {
        view(&brussels, &connected).is_some()
    });

    let at_brussels = view(&brussels, &connected).unwrap();
    assert_eq!(
        at_brussels["distribution"], "1",
        "connected communities arrives as this community only"
    );
    assert_eq!(at_brussels["locked"], true);
    let all_b = view(&brussels, &all).unwrap();
    assert_eq!(all_b["distribution"], "3");
    assert_eq!(
        values(&all_b),
        vec!["192.0.2.4", "192.0.2.5", "محمود توفيق"],
        "amber+strict stays home"
    );
    let a5 = all_b["Attribute"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["value"] == "192.0.2.5")
        .unwrap();
    assert_eq!(a5["distribution"], "1");
    let all_a = view(&amman, &all).unwrap();
    assert_eq!(
        values(&all_a),
        vec!["192.0.2.4", "محمود توفيق"],
        "the downgraded attribute stops at brussels"
    );
    let g = view(&amman, &grouped).unwrap();
    assert_eq!(g["distribution"], "4");
    assert_eq!(g["SharingGroup"]["uuid"], sg_uuid.as_str());

    // Let every push settle, then check what must never have arrived.
    eventually("cairo's push links are drained", || {
        let (_, list) = cairo.admin("GET", "/servers/index", None);
        list.as_array()
            .unwrap()
            .iter()
            .all(|s| s["Server"]["last_push_at"].as_i64() > Some(0))
    });
    std::thread::sleep(Duration::from_secs(2));
    for (site, name) in [(&brussels, "brussels"), (&amman, "amman")] {
        assert!(
            view(site, &org_only).is_none(),
            "an org-only event reached {name}"
        );
        assert!(
            view(site, &community).is_none(),
            "a community event was pushed to {name}"
        );
    }
    assert!(
        view(&amman, &connected).is_none(),
        "connected communities went beyond one push hop"
    );
    assert!(
        view(&brussels, &grouped).is_none(),
        "the grouped event reached brussels"
    );
    let (_, sgs) = brussels.admin("GET", "/sharing_groups/index", None);
    assert!(
        !sgs.to_string().contains(&sg_uuid),
        "the sharing group reached brussels: {sgs}"
    );

    // Pulls: brussels pulls the community event (arriving org-only); amman,
    // pulling from brussels, gets the connected event as org-only, never the
    // community one.
    pull_now(&brussels, brussels_from_cairo);
    let c = view(&brussels, &community).expect("brussels pulled the community event");
    assert_eq!(c["distribution"], "0");
    assert!(view(&brussels, &org_only).is_none());
    assert!(view(&brussels, &grouped).is_none());
    pull_now(&amman, amman_from_brussels);
    assert!(
        view(&amman, &community).is_none(),
        "a community event reached amman"
    );
    let c2 = view(&amman, &connected).expect("amman pulled the connected event from brussels");
    assert_eq!(c2["distribution"], "0", "each pull hop decrements");

    // Edits and soft deletes propagate; sightings follow.
    let all_c = view(&cairo, &all).unwrap();
    let victim = all_c["Attribute"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["value"] == "192.0.2.4")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (s, r) = cairo.admin("POST", &format!("/attributes/delete/{victim}"), None);
    assert_eq!(s, 200, "{r}");
    let (s, r) = cairo.admin(
        "POST",
        &format!("/attributes/add/{}", all_c["id"].as_str().unwrap()),
        Some(&json!({"type": "domain", "value": "relay.example"})),
    );
    assert_eq!(s, 200, "{r}");
    let name_attr = all_c["Attribute"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["type"] == "full-name")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (s, r) = cairo.admin(
        "POST",
        &format!("/sightings/add/{name_attr}"),
        Some(&json!({"source": "border post"})),
    );
    assert_eq!(s, 200, "{r}");
    let id = all_c["id"].as_str().unwrap();
    let (s, r) = cairo.admin("POST", &format!("/events/publish/{id}"), None);
    assert_eq!(s, 200, "{r}");
    for (site, name) in [(&brussels, "brussels"), (&amman, "amman")] {
        eventually(&format!("the edit reached {name}"), || {
            view(site, &all).is_some_and(|e| {
                values(&e).contains(&"relay.example".to_string())
                    && !values(&e).contains(&"192.0.2.4".to_string())
            })
        });
        eventually(&format!("the sighting reached {name}"), || {
            view(site, &all).is_some_and(|e| {
                e["Attribute"].as_array().unwrap().iter().any(|a| {
                    a["Sighting"]
                        .as_array()
                        .is_some_and(|s| s.iter().any(|x| x["source"] == "border post"))
                })
            })
        });
    }
    let (_, deleted) = brussels.admin("GET", &format!("/events/view/{all}/deleted[]:1"), None);
    let gone = deleted["Event"]["Attribute"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["value"] == "192.0.2.4")
        .unwrap();
    assert_eq!(
        gone["deleted"], true,
        "the soft delete arrived as a soft delete"
    );

    // Both sides audit: cairo its pushes, brussels the events it received.
    let (_, log) = cairo.admin(
        "POST",
        "/admin/logs/index",
        Some(&json!({"action": "push"})),
    );
    assert!(
        log.as_array()
            .unwrap()
            .iter()
            .any(|l| l["Log"]["model_uuid"] == all.as_str()
                || l["Log"]["change"].as_str().unwrap_or("").contains("server")),
        "{log}"
    );
    let (_, log) = brussels.admin(
        "POST",
        "/admin/logs/index",
        Some(&json!({"model": "Event", "action": "add"})),
    );
    assert!(
        !log.as_array().unwrap().is_empty(),
        "brussels audited what it received"
    );
    let _ = cairo_to_brussels;
}

#[test]
fn scheduled_pulls_bring_new_events_and_report_each_run() {
    let cairo = site("Cairo");
    let brussels = Jisr::start_with(&[
        ("JISR_HOST_ORG", "Brussels"),
        ("JISR_SYNC_TICK_MS", "200"),
        ("JISR_SYNC_PULL_INTERVAL", "1"),
    ]);
    let from_cairo = link(&brussels, &cairo, false, json!({}));
    let uuid = publish(
        &cairo,
        json!({"info": "pulled on schedule", "distribution": 1,
        "Attribute": [{"type": "phone-number", "value": "+20 2 1234 5678"}]}),
    );
    eventually("the scheduler pulled the event", || {
        view(&brussels, &uuid).is_some()
    });
    assert_eq!(view(&brussels, &uuid).unwrap()["distribution"], "0");
    let (_, list) = brussels.admin("GET", "/servers/index", None);
    let s = list
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["Server"]["id"] == from_cairo.to_string().as_str())
        .unwrap();
    assert!(s["Server"]["last_pull_at"].as_i64() > Some(0), "{s}");
    assert!(
        s["Server"]["last_pull_result"]["considered"].as_u64() >= Some(1),
        "{s}"
    );
}

#[test]
fn a_peer_cannot_overwrite_what_was_created_here_nor_widen_what_it_sends() {
    let cairo = site("Cairo");
    let brussels = site("Brussels");
    // brussels' sync user on cairo, as a pushing peer would use it.
    let org = host_org(&brussels);
    let (_, o) = cairo.admin(
        "POST",
        "/admin/organisations/add",
        Some(&json!({"name": org["name"], "uuid": org["uuid"]})),
    );
    let org_id = o["Organisation"]["id"].as_str().unwrap().to_string();
    let (_, u) = cairo.admin(
        "POST",
        "/admin/users/add",
        Some(&json!({"email": "peer@brussels.example", "org_id": org_id, "role_id": 5})),
    );
    let peer = u["User"]["authkey"].as_str().unwrap().to_string();

    let mine = publish(&cairo, json!({"info": "made in cairo", "distribution": 3}));
    let forged = json!({"Event": {"uuid": mine, "info": "overwritten by a peer", "distribution": "3", "published": true,
        "timestamp": (jisr_model_now() + 1000).to_string(), "Orgc": {"name": "Brussels", "uuid": org["uuid"]}}});
    let (s, r) = cairo.call(
        "POST",
        &format!("/events/edit/{mine}"),
        &peer,
        Some(&forged),
    );
    assert_eq!(s, 403, "{r}");
    assert_eq!(view(&cairo, &mine).unwrap()["info"], "made in cairo");

    // An event whose items claim distributions the link may not carry.
    let widened = json!({"Event": {"uuid": "3f1e4d2c-1b0a-4f9e-8d7c-6b5a4f3e2d1c", "info": "from a careless peer",
    "distribution": "2", "published": true, "timestamp": "1700000000", "Orgc": {"name": "Brussels", "uuid": org["uuid"]},
    "Attribute": [
        {"type": "ip-dst", "value": "198.51.100.1", "distribution": "0"},
        {"type": "ip-dst", "value": "198.51.100.2", "distribution": "2"},
        {"type": "ip-dst", "value": "198.51.100.3", "distribution": "3", "Tag": [{"name": "tlp:red"}]},
        {"type": "ip-dst", "value": "198.51.100.4", "distribution": "5"},
    ]}});
    let (s, r) = cairo.call("POST", "/events/add", &peer, Some(&widened));
    assert_eq!(s, 200, "{r}");
    let e = view(&cairo, "3f1e4d2c-1b0a-4f9e-8d7c-6b5a4f3e2d1c").unwrap();
    assert_eq!(
        e["distribution"], "1",
        "connected communities is stored as this community only"
    );
    assert_eq!(
        values(&e),
        vec!["198.51.100.2", "198.51.100.4"],
        "org-only and red items are dropped"
    );
    assert_eq!(e["Orgc"]["uuid"], org["uuid"]);
    assert_eq!(e["locked"], true);
    // The same version again is stored once.
    let (s, _) = cairo.call("POST", "/events/add", &peer, Some(&widened));
    assert_eq!(s, 404, "already there: MISP's answer with a Location");
    let (_, index) = cairo.admin(
        "POST",
        "/events/index",
        Some(&json!({"eventinfo": "careless"})),
    );
    assert_eq!(index.as_array().unwrap().len(), 1);
}

fn jisr_model_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}
