//! Random worlds against a reference model of who may see what.
//!
//! Each case builds a small instance (organisations, users of every role,
//! sharing groups with and without "all organisations of this instance",
//! events and attributes with every distribution, TLP marks, published or
//! not, objects with their own distribution) and asks every read path —
//! event view, events restSearch, attributes restSearch, the event index
//! query, attribute view, sightings of an event, the correlations an event
//! view shows — as every user. The answers must equal a reference model
//! written here from the rules in prose, independently of jisr-policy.
//! Attribute j of event i holds `10.(i mod 2).j.1`, so events of the same
//! parity correlate: a user must be shown exactly the correlations between
//! attributes they may see, never one with a hidden attribute.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};

use jisr_core::search::{self, Controller};
use jisr_model::wire::parse_event;
use jisr_model::*;
use jisr_store::{SearchQuery, Store};
use jisr_store_sqlite::SqliteStore;
use proptest::prelude::*;
use serde_json::{Value, json};

const ORGS: usize = 3;
const TLP: &[Option<&str>] = &[
    None,
    Some("tlp:green"),
    Some("tlp:clear"),
    Some("tlp:amber"),
    Some("tlp:amber+strict"),
    Some("tlp:red"),
];

#[derive(Debug, Clone)]
struct GroupSpec {
    creator: usize,
    members: Vec<usize>,
    all_local: bool,
    active: bool,
}

#[derive(Debug, Clone)]
struct AttrSpec {
    distribution: i64,
    group: usize,
    tlp: usize,
    in_object: Option<i64>,
}

#[derive(Debug, Clone)]
struct EventSpec {
    owner: usize,
    distribution: i64,
    group: usize,
    published: bool,
    tlp: usize,
    attributes: Vec<AttrSpec>,
}

#[derive(Debug, Clone)]
struct World {
    groups: Vec<GroupSpec>,
    events: Vec<EventSpec>,
    unpublished_private: bool,
}

fn world() -> impl Strategy<Value = World> {
    let group = (
        0..ORGS,
        proptest::collection::vec(0..ORGS, 0..3),
        any::<bool>(),
        prop::bool::weighted(0.85),
    )
        .prop_map(|(creator, members, all_local, active)| GroupSpec {
            creator,
            members,
            all_local: all_local && active,
            active,
        });
    let attr = (
        0i64..=5,
        0usize..2,
        0..TLP.len(),
        prop::option::weighted(0.3, 0i64..=5),
    )
        .prop_map(|(distribution, group, tlp, in_object)| AttrSpec {
            distribution,
            group,
            tlp,
            in_object,
        });
    let event = (
        0..ORGS,
        0i64..=4,
        0usize..2,
        any::<bool>(),
        0..TLP.len(),
        proptest::collection::vec(attr, 0..4),
    )
        .prop_map(
            |(owner, distribution, group, published, tlp, attributes)| EventSpec {
                owner,
                distribution,
                group,
                published,
                tlp,
                attributes,
            },
        );
    (
        proptest::collection::vec(group, 2),
        proptest::collection::vec(event, 1..6),
        any::<bool>(),
    )
        .prop_map(|(groups, events, unpublished_private)| World {
            groups,
            events,
            unpublished_private,
        })
}

/// The reference model: the rules as the README states them.
struct Model<'a> {
    w: &'a World,
}

impl Model<'_> {
    fn member(&self, org: usize, g: usize) -> bool {
        let g = &self.w.groups[g];
        g.active && (g.creator == org || g.members.contains(&org) || g.all_local)
    }
    fn reaches(&self, org: usize, distribution: i64, group: usize) -> bool {
        matches!(distribution, 1..=3) || (distribution == 4 && self.member(org, group))
    }
    fn red(tlp: usize) -> bool {
        matches!(TLP[tlp], Some("tlp:red") | Some("tlp:amber+strict"))
    }
    fn event(&self, org: usize, admin: bool, e: &EventSpec) -> bool {
        admin
            || e.owner == org
            || (!Self::red(e.tlp)
                && (e.published || !self.w.unpublished_private)
                && self.reaches(org, e.distribution, e.group))
    }
    fn attribute(&self, org: usize, admin: bool, e: &EventSpec, a: &AttrSpec) -> bool {
        if !self.event(org, admin, e) {
            return false;
        }
        if admin || e.owner == org {
            return true;
        }
        let object_ok = a
            .in_object
            .is_none_or(|d| d == 5 || self.reaches(org, d, a.group));
        object_ok
            && !Self::red(a.tlp)
            && (a.distribution == 5 || self.reaches(org, a.distribution, a.group))
    }
}

struct Built {
    _dir: tempfile::TempDir,
    store: SqliteStore,
    /// Users as (org index or usize::MAX for the site admin, user id, is site admin).
    users: Vec<(usize, i64, bool)>,
    /// Event uuid and, per attribute, its value.
    events: Vec<(String, Vec<String>)>,
}

fn build(w: &World) -> Built {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path().join("w.db")).unwrap();
    let secret = b"world";
    let mut tx = store.write().unwrap();
    let first = jisr_core::bootstrap::FirstStart {
        host_org_name: "Host",
        admin_email: "root@host",
        admin_key: None,
    };
    jisr_core::bootstrap::ensure_initialised(tx.as_mut(), secret, &first).unwrap();
    tx.setting_set(
        "MISP.unpublishedprivate",
        if w.unpublished_private { "1" } else { "0" },
    )
    .unwrap();
    let admin_id = tx.user_list().unwrap()[0].id;
    let mut org_ids = vec![];
    let mut users = vec![(usize::MAX, admin_id, true)];
    for o in 0..ORGS {
        let id = tx
            .org_insert(&Organisation {
                uuid: uuid::Uuid::new_v4().to_string(),
                name: format!("org{o}"),
                local: true,
                ..Default::default()
            })
            .unwrap();
        org_ids.push(id);
        for role in 2..=6 {
            let uid = tx
                .user_insert(&User {
                    email: format!("u{o}r{role}@x"),
                    org_id: id,
                    role_id: role,
                    ..Default::default()
                })
                .unwrap();
            users.push((o, uid, false));
        }
    }
    let mut group_ids = vec![];
    for (i, g) in w.groups.iter().enumerate() {
        let id = tx
            .sharing_group_insert(&SharingGroup {
                uuid: uuid::Uuid::new_v4().to_string(),
                name: format!("g{i}"),
                org_id: org_ids[g.creator],
                active: g.active,
                ..Default::default()
            })
            .unwrap();
        for m in &g.members {
            tx.sharing_group_org_set(id, org_ids[*m], false).unwrap();
        }
        if g.all_local {
            tx.sharing_group_server_set(id, 0, true).unwrap();
        }
        group_ids.push(id);
    }
    let mut events = vec![];
    for (i, e) in w.events.iter().enumerate() {
        // Events are written as their owner's organisation would, through the service layer.
        let owner = users
            .iter()
            .find(|(o, _, _)| *o == e.owner)
            .map(|u| u.1)
            .unwrap();
        let mut actor = jisr_core::auth::actor_for_user(tx.as_mut(), owner).unwrap();
        // The owner writes with the admin role so that every distribution is allowed.
        actor.role = tx.role_get(1).unwrap().unwrap();
        actor.org_id = org_ids[e.owner];
        let tag = |t: usize| TLP[t].map(|n| json!([{"name": n}])).unwrap_or(json!([]));
        let mut attributes = vec![];
        let mut objects = vec![];
        let mut values = vec![];
        for (j, a) in e.attributes.iter().enumerate() {
            let value = format!("10.{}.{j}.1", i % 2);
            values.push(value.clone());
            let attr = json!({"type": "ip-dst", "value": value, "distribution": a.distribution,
                "sharing_group_id": if a.distribution == 4 { group_ids[a.group] } else { 0 }, "Tag": tag(a.tlp)});
            match a.in_object {
                Some(d) => objects.push(json!({"name": "ip-port", "distribution": d,
                    "sharing_group_id": if d == 4 { group_ids[a.group] } else { 0 }, "Attribute": [attr]})),
                None => attributes.push(attr),
            }
        }
        let uuid = uuid::Uuid::new_v4().to_string();
        let body = json!({"Event": {"uuid": uuid, "info": format!("e{i}"), "distribution": e.distribution,
            "sharing_group_id": if e.distribution == 4 { group_ids[e.group] } else { 0 },
            "published": e.published, "Tag": tag(e.tlp), "Attribute": attributes, "Object": objects}});
        jisr_core::event_write::add_event(tx.as_mut(), &actor, &parse_event(&body).unwrap())
            .unwrap();
        events.push((uuid, values));
    }
    tx.commit().unwrap();
    Built {
        _dir: dir,
        store,
        users,
        events,
    }
}

static WORLDS: AtomicUsize = AtomicUsize::new(0);
static CHECKS: AtomicUsize = AtomicUsize::new(0);

fn ids_of(v: &Value, key: &str) -> BTreeSet<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x.get(key)?.get("uuid")?.as_str().map(str::to_string))
        .collect()
}

fn check(w: &World) {
    let b = build(w);
    let model = Model { w };
    let wl = jisr_core::warninglists::Warninglists::default();
    let mut tx = b.store.read().unwrap();
    for &(org, user_id, admin) in &b.users {
        let actor = jisr_core::auth::actor_for_user(tx.as_mut(), user_id).unwrap();
        let scope = jisr_policy::scope(&actor);
        let mut want_events = BTreeSet::new();
        let mut want_values = BTreeSet::new();
        for (spec, (uuid, values)) in w.events.iter().zip(&b.events) {
            let sees = model.event(org, admin, spec);
            if sees {
                want_events.insert(uuid.clone());
            }
            // Event view.
            let view = jisr_core::event_read::visible_event(tx.as_mut(), &scope, uuid);
            assert_eq!(
                view.is_ok(),
                sees,
                "event view {uuid} for org {org} admin {admin}\n{w:#?}"
            );
            let mut want_here = BTreeSet::new();
            for (a, v) in spec.attributes.iter().zip(values) {
                if model.attribute(org, admin, spec, a) {
                    want_values.insert(v.clone());
                    want_here.insert(v.clone());
                }
            }
            if let Ok(e) = view {
                let tree =
                    jisr_core::event_read::load_tree(tx.as_mut(), &scope, e, Default::default())
                        .unwrap();
                let got: BTreeSet<String> = tree
                    .attributes
                    .iter()
                    .chain(tree.objects.iter().flat_map(|o| o.attributes.iter()))
                    .map(|a| a.attribute.value1.clone())
                    .collect();
                assert_eq!(
                    got, want_here,
                    "attributes inside {uuid} for org {org}\n{w:#?}"
                );
                let sightings =
                    jisr_core::sightings::list_for_event(tx.as_mut(), &scope, uuid).unwrap();
                assert!(sightings.is_empty());
                // Correlations: (source value, other event) pairs, and the related events.
                let c = jisr_core::correlation::read::related_of_tree(tx.as_mut(), &scope, &tree)
                    .unwrap();
                let mut got_pairs = BTreeSet::new();
                for list in c.by_attribute.values() {
                    for r in list {
                        got_pairs.insert((r.attribute.value1.clone(), r.event.uuid.clone()));
                    }
                }
                let got_events: BTreeSet<String> =
                    c.events.iter().map(|e| e.uuid.clone()).collect();
                let mut want_pairs = BTreeSet::new();
                for (other, (other_uuid, other_values)) in w.events.iter().zip(&b.events) {
                    if other_uuid == uuid {
                        continue;
                    }
                    for (j, a) in other.attributes.iter().enumerate() {
                        let v = &other_values[j];
                        if want_here.contains(v) && model.attribute(org, admin, other, a) {
                            want_pairs.insert((v.clone(), other_uuid.clone()));
                        }
                    }
                }
                let want_related: BTreeSet<String> =
                    want_pairs.iter().map(|(_, u)| u.clone()).collect();
                assert_eq!(
                    got_pairs, want_pairs,
                    "correlations of {uuid} for org {org} admin {admin}\n{w:#?}"
                );
                assert_eq!(
                    got_events, want_related,
                    "related events of {uuid} for org {org} admin {admin}\n{w:#?}"
                );
            }
            // Attribute view, one by one.
            let event_id = tx.event_by_uuid(uuid).unwrap().unwrap().id;
            for v in values {
                let q = SearchQuery {
                    values: jisr_store::TermFilter {
                        any_of: vec![v.clone()],
                        none_of: vec![],
                    },
                    event_ids: jisr_store::IdFilter {
                        any_of: Some(vec![event_id]),
                        none_of: vec![],
                    },
                    ..Default::default()
                };
                let all = tx
                    .search_attributes(&q, &jisr_policy::Scope::Everything)
                    .unwrap();
                for id in all {
                    let shown = jisr_core::attributes::visible_attribute(
                        tx.as_mut(),
                        &scope,
                        &id.to_string(),
                    )
                    .is_ok();
                    assert_eq!(
                        shown,
                        want_here.contains(v),
                        "attribute view {v} for org {org}\n{w:#?}"
                    );
                }
            }
            CHECKS.fetch_add(3 + values.len(), Ordering::Relaxed);
        }
        // events restSearch (json) and the index query.
        let req = search::parse_request(tx.as_mut(), &json!({}), Controller::Events).unwrap();
        let out = search::run(tx.as_mut(), &actor, &req, Controller::Events, &wl).unwrap();
        let search::Body::Json(body) = out.body else {
            panic!("json")
        };
        assert_eq!(
            ids_of(&body["response"], "Event"),
            want_events,
            "events restSearch for org {org}\n{w:#?}"
        );
        let index: BTreeSet<i64> = tx
            .search_events(&SearchQuery::default(), &scope)
            .unwrap()
            .into_iter()
            .collect();
        assert_eq!(index.len(), want_events.len(), "index for org {org}");
        // attributes restSearch.
        let req = search::parse_request(tx.as_mut(), &json!({}), Controller::Attributes).unwrap();
        let out = search::run(tx.as_mut(), &actor, &req, Controller::Attributes, &wl).unwrap();
        let search::Body::Json(body) = out.body else {
            panic!("json")
        };
        let got: BTreeSet<String> = body["response"]["Attribute"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["value"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            got, want_values,
            "attributes restSearch for org {org} admin {admin}\n{w:#?}"
        );
        CHECKS.fetch_add(3, Ordering::Relaxed);
    }
    WORLDS.fetch_add(1, Ordering::Relaxed);
}

#[test]
fn every_read_path_matches_the_reference_model() {
    let cases = std::env::var("JISR_POLICY_WORLDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases,
        ..ProptestConfig::default()
    });
    let result = runner.run(&world(), |w| {
        check(&w);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // The figure the sharing-model issue asks for.
    println!(
        "policy worlds: {} worlds, {} read-path checks, 0 differences from the reference model",
        WORLDS.load(Ordering::Relaxed),
        CHECKS.load(Ordering::Relaxed)
    );
}
