//! A new event's children are written in bulk (`event_write::fresh`); these
//! pin that the bulk path keeps the rules of the one-by-one path.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::instance;
use jisr_core::event_write::{add_event, edit_event};
use jisr_model::wire::parse_event;
use jisr_policy::Actor;
use jisr_store::{Store, Tx};
use serde_json::json;

fn add(tx: &mut dyn Tx, actor: &Actor, body: serde_json::Value) -> jisr_core::error::Result<i64> {
    add_event(tx, actor, &parse_event(&body).unwrap())
}

const A1: &str = "0b5e7c6a-3d2f-4a51-9c8e-1f2a3b4c5d6e";
const O1: &str = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

#[test]
fn a_new_event_keeps_objects_tags_sightings_references_and_correlates() {
    let (_dir, store, actor) = instance();
    let mut tx = store.write().unwrap();
    let first = add(
        tx.as_mut(),
        &actor,
        json!({"info": "first", "Attribute": [{"type": "ip-dst", "value": "198.51.100.7"}]}),
    )
    .unwrap();
    let id = add(
        tx.as_mut(),
        &actor,
        json!({"info": "second",
            "Attribute": [
                {"uuid": A1, "type": "ip-dst", "value": "198.51.100.7",
                 "Tag": [{"name": "tlp:green"}], "Sighting": [{"type": "0"}]},
                {"type": "domain", "value": "example.org"}],
            "Object": [{"uuid": O1, "name": "person", "meta-category": "misc",
                "Attribute": [{"type": "full-name", "object_relation": "full-name", "value": "محمود توفيق"}],
                "ObjectReference": [{"referenced_uuid": A1, "relationship_type": "related-to"}]}]}),
    )
    .unwrap();
    let attributes = tx.attributes_of_event(id).unwrap();
    assert_eq!(attributes.len(), 3);
    let a1 = tx.attribute_by_uuid(A1).unwrap().unwrap();
    assert_eq!(a1.event_id, id);
    let tags = tx.attribute_tags(a1.id).unwrap();
    assert_eq!(tags.len(), 1);
    assert_eq!(tags[0].tag.name, "tlp:green");
    assert_eq!(tx.sightings_of_attribute(a1.id).unwrap().len(), 1);
    let object = tx.object_by_uuid(O1).unwrap().unwrap();
    let in_object: Vec<_> = attributes
        .iter()
        .filter(|a| a.object_id == object.id)
        .collect();
    assert_eq!(in_object.len(), 1);
    assert_eq!(in_object[0].value1, "محمود توفيق");
    assert_eq!(tx.references_of_event(id).unwrap().len(), 1);
    assert_eq!(tx.event_get(id).unwrap().unwrap().attribute_count, 3);
    // Correlated in the same write, with the ids the bulk insert returned.
    let holders = tx
        .correlation_key_holders(jisr_core::correlation::keys::derive(&a1, None).keys[0], 10)
        .unwrap();
    let events: Vec<i64> = holders.iter().map(|h| h.1).collect();
    assert!(
        events.contains(&first) && events.contains(&id),
        "{holders:?}"
    );
}

#[test]
fn an_attribute_uuid_of_another_event_refuses_the_new_event() {
    let (_dir, store, actor) = instance();
    let mut tx = store.write().unwrap();
    add(
        tx.as_mut(),
        &actor,
        json!({"info": "owner", "Attribute": [{"uuid": A1, "type": "text", "value": "x"}]}),
    )
    .unwrap();
    tx.commit().unwrap();
    let mut tx = store.write().unwrap();
    let err = add(
        tx.as_mut(),
        &actor,
        json!({"info": "thief", "Attribute": [
            {"type": "text", "value": "fine"},
            {"uuid": A1.to_uppercase(), "type": "text", "value": "y"}]}),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("Attribute[1]") && err.to_string().contains("another event"),
        "{err}"
    );
    drop(tx);
    let mut tx = store.read().unwrap();
    assert_eq!(
        tx.attribute_by_uuid(A1).unwrap().unwrap().value1,
        "x",
        "the other event's attribute is untouched"
    );
}

#[test]
fn a_uuid_repeated_in_one_body_is_one_attribute() {
    let (_dir, store, actor) = instance();
    let mut tx = store.write().unwrap();
    let id = add(
        tx.as_mut(),
        &actor,
        json!({"info": "twice", "Attribute": [
            {"uuid": A1, "type": "text", "value": "first", "timestamp": "100"},
            {"uuid": A1, "type": "text", "value": "second", "timestamp": "200"}]}),
    )
    .unwrap();
    let attributes = tx.attributes_of_event(id).unwrap();
    assert_eq!(attributes.len(), 1);
    assert_eq!(attributes[0].value1, "second", "the later copy is newer");
}

/// An import adds an event it has not seen and edits one it has, found by
/// its uuid in any spelling, and reports the attribute count either way.
#[test]
fn add_or_edit_finds_the_event_by_its_uuid_in_any_case() {
    let (_dir, store, actor) = instance();
    let mut tx = store.write().unwrap();
    let upper = "5A0B1C2D-3E4F-4A5B-8C6D-7E8F9A0B1C2D";
    let body = |info: &str, values: &[&str]| {
        let attributes: Vec<_> = values
            .iter()
            .map(|v| json!({"type": "domain", "value": v}))
            .collect();
        parse_event(&json!({"uuid": upper, "info": info, "Attribute": attributes})).unwrap()
    };
    let first = jisr_core::event_write::add_or_edit_event(
        tx.as_mut(),
        &actor,
        &body("first", &["a.example", "b.example"]),
    )
    .unwrap();
    assert!(first.added);
    assert_eq!(first.attribute_count, 2);
    let again = jisr_core::event_write::add_or_edit_event(
        tx.as_mut(),
        &actor,
        &body("again", &["c.example"]),
    )
    .unwrap();
    assert!(!again.added, "the same uuid edits the event");
    assert_eq!(again.id, first.id);
    assert_eq!(again.attribute_count, 3);
    let stored = tx.event_get(first.id).unwrap().unwrap();
    assert_eq!((stored.info.as_str(), stored.attribute_count), ("again", 3));
}

/// A new event's count leaves out the attributes it brings already deleted,
/// as a recount by the store would.
#[test]
fn a_new_event_counts_only_its_live_attributes() {
    let (_dir, store, actor) = instance();
    let mut tx = store.write_all_or_nothing().unwrap();
    let body = parse_event(&json!({"info": "counted", "Attribute": [
        {"type": "domain", "value": "a.example"},
        {"type": "domain", "value": "b.example", "deleted": true},
        {"type": "domain", "value": "c.example"}]}))
    .unwrap();
    let saved = jisr_core::event_write::add_or_edit_event(tx.as_mut(), &actor, &body).unwrap();
    assert_eq!(saved.attribute_count, 2);
    tx.commit().unwrap();
    let mut tx = store.read().unwrap();
    assert_eq!(tx.event_get(saved.id).unwrap().unwrap().attribute_count, 2);
    let attributes = tx.attributes_of_event(saved.id).unwrap();
    assert_eq!(attributes.len(), 3, "the deleted one is kept");
    assert_eq!(attributes.iter().filter(|a| !a.deleted).count(), 2);
}

/// Text in an object is a name by the object's template (an organisation's
/// `name`, a person's `alias`): the attributes another event's names are
/// scored against are read back with their objects' templates.
#[test]
fn names_in_objects_pair_across_events_by_their_templates() {
    let (_dir, store, actor) = instance();
    let mut tx = store.write().unwrap();
    let events = two_events(
        tx.as_mut(),
        &actor,
        [
            ("legal-entity", "name", "Ministry of Interior"),
            ("person", "alias", "Mahmoud Tawfik"),
            ("domain-ip", "text", "Mahmoud Tawfik"),
        ],
        [
            ("organization", "name", "وزارة الداخلية"),
            ("person", "alias", "محمود توفيق"),
        ],
    );
    let pairs = name_pairs(tx.as_mut(), events);
    let text = |s: &str| s.to_string();
    assert_eq!(
        pairs,
        vec![
            (text("Mahmoud Tawfik"), text("محمود توفيق")),
            (text("Ministry of Interior"), text("وزارة الداخلية")),
            (text("محمود توفيق"), text("Mahmoud Tawfik")),
            (text("وزارة الداخلية"), text("Ministry of Interior")),
        ],
        "the domain-ip object's text is no name"
    );
}

/// Two events, each of objects holding one text attribute: `(template,
/// relation, value)`.
fn two_events<const A: usize, const B: usize>(
    tx: &mut dyn Tx,
    actor: &Actor,
    first: [(&str, &str, &str); A],
    second: [(&str, &str, &str); B],
) -> [i64; 2] {
    let objects = |list: &[(&str, &str, &str)]| -> Vec<serde_json::Value> {
        list.iter()
            .map(|(template, relation, value)| {
                json!({"name": template, "meta-category": "misc", "Attribute": [
                    {"type": "text", "object_relation": relation, "value": value}]})
            })
            .collect()
    };
    let first = add(
        tx,
        actor,
        json!({"info": "first", "Object": objects(&first)}),
    )
    .unwrap();
    let second = add(
        tx,
        actor,
        json!({"info": "second", "Object": objects(&second)}),
    )
    .unwrap();
    [first, second]
}

/// The stored name correlations as pairs of values, sorted; each pair
/// joins the two `events`.
fn name_pairs(tx: &mut dyn Tx, events: [i64; 2]) -> Vec<(String, String)> {
    let value_of = |tx: &mut dyn Tx, id: i64| tx.attribute_get(id).unwrap().unwrap().value1;
    let table = tx
        .portable_tables()
        .unwrap()
        .into_iter()
        .find(|t| t.name == "correlation_names")
        .unwrap();
    let at = |c: &str| table.columns.iter().position(|x| x == c).unwrap();
    let mut pairs = vec![];
    for row in tx.portable_rows(&table, &[], 1_000).unwrap() {
        let (jisr_store::Cell::Int(a), jisr_store::Cell::Int(b)) =
            (&row[at("attribute_id")], &row[at("other_id")])
        else {
            panic!("ids are integers: {row:?}");
        };
        let (a, b) = (*a, *b);
        pairs.push((value_of(tx, a), value_of(tx, b)));
        let joined = [a, b].map(|id| tx.attribute_get(id).unwrap().unwrap().event_id);
        assert!(joined.contains(&events[0]) && joined.contains(&events[1]));
    }
    pairs.sort();
    pairs
}

/// Names the engine matches though their keys differ in a letter the
/// other script drops or writes otherwise (the article of «السادات», the
/// z of Scholz) or in word order (a central bank) still meet.
#[test]
fn names_pair_across_events_where_their_spellings_key_apart() {
    let (_dir, store, actor) = instance();
    let mut tx = store.write().unwrap();
    let events = two_events(
        tx.as_mut(),
        &actor,
        [
            ("person", "full-name", "Anwar Sadat"),
            ("person", "full-name", "Olaf Scholz"),
            ("organization", "name", "Central Bank of Egypt"),
        ],
        [
            ("person", "full-name", "أنور السادات"),
            ("person", "full-name", "أولاف شولتس"),
            ("organization", "name", "البنك المركزي المصري"),
        ],
    );
    let pairs = name_pairs(tx.as_mut(), events);
    for (a, b) in [
        ("Anwar Sadat", "أنور السادات"),
        ("Olaf Scholz", "أولاف شولتس"),
        ("Central Bank of Egypt", "البنك المركزي المصري"),
    ] {
        assert!(
            pairs.contains(&(a.to_string(), b.to_string()))
                && pairs.contains(&(b.to_string(), a.to_string())),
            "{a} / {b}: {pairs:?}"
        );
    }
}

/// A new event's references find their targets among what it wrote (an
/// object written after the referring one included) and elsewhere, as a
/// lookup would, and a reference uuid given twice is one reference (the
/// second edits the first); an edit carrying the same body stores the same.
#[test]
fn references_of_a_new_event_find_their_targets() {
    const ELSEWHERE: &str = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    const O2: &str = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";
    const R1: &str = "3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f";
    const UNKNOWN: &str = "4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f8a";
    let body = |event_uuid: &str, suffix: &str| {
        let a1 = format!("{}{suffix}", &A1[..34]);
        let o1 = format!("{}{suffix}", &O1[..34]);
        let o2 = format!("{}{suffix}", &O2[..34]);
        let r1 = format!("{}{suffix}", &R1[..34]);
        let attributes = vec![json!({"uuid": a1, "type": "ip-dst", "value": "198.51.100.7"})];
        json!({"uuid": event_uuid, "info": "refs", "Attribute": attributes,
            "Object": [
                {"uuid": o1, "name": "person", "meta-category": "misc",
                 "Attribute": [{"type": "full-name", "object_relation": "full-name", "value": "X"}],
                 "ObjectReference": [
                    {"uuid": r1, "referenced_uuid": o2, "relationship_type": "knows"},
                    {"referenced_uuid": a1, "relationship_type": "uses"},
                    {"referenced_uuid": ELSEWHERE, "relationship_type": "related-to"},
                    {"referenced_uuid": UNKNOWN, "relationship_type": "mentions"},
                    {"uuid": r1, "referenced_uuid": o2, "relationship_type": "works-with"}]},
                {"uuid": o2, "name": "person", "meta-category": "misc",
                 "Attribute": [{"type": "full-name", "object_relation": "full-name", "value": "Y"}]}]})
    };
    let (_dir, store, actor) = instance();
    let mut tx = store.write().unwrap();
    let other = add(
        tx.as_mut(),
        &actor,
        json!({"info": "other", "Attribute": [{"uuid": ELSEWHERE, "type": "domain", "value": "x.example"}]}),
    )
    .unwrap();
    let elsewhere = tx.attribute_by_uuid(ELSEWHERE).unwrap().unwrap().id;
    assert_eq!(tx.event_get(other).unwrap().unwrap().attribute_count, 1);
    let references = |tx: &mut dyn Tx, id: i64, suffix: &str| {
        let object_id = |tx: &mut dyn Tx, u: &str| {
            tx.object_by_uuid(&format!("{}{suffix}", &u[..34]))
                .unwrap()
                .unwrap()
                .id
        };
        let (o1, o2) = (object_id(tx, O1), object_id(tx, O2));
        let a1 = tx
            .attribute_by_uuid(&format!("{}{suffix}", &A1[..34]))
            .unwrap()
            .unwrap()
            .id;
        let mut refs: Vec<_> = tx
            .references_of_event(id)
            .unwrap()
            .into_iter()
            .map(|r| {
                assert_eq!(r.object_id, o1);
                // Attribute and object ids are counted apart: the type says which.
                let target = match (r.referenced_type, r.referenced_id) {
                    (_, 0) => "nothing".to_string(),
                    (1, x) if x == o2 => "o2".into(),
                    (0, x) if x == a1 => "a1".into(),
                    (0, x) if x == elsewhere => "elsewhere".into(),
                    (t, x) => format!("{t}:{x}?"),
                };
                (r.relationship_type, target, r.referenced_type)
            })
            .collect();
        refs.sort();
        refs
    };
    let mut stored = vec![];
    let id = add(
        tx.as_mut(),
        &actor,
        body("5e6f7a8b-9c0d-4e1f-8a3b-4c5d6e7f8a9b", "01"),
    )
    .unwrap();
    stored.push(references(tx.as_mut(), id, "01"));
    // the same body as an edit of an existing event: objects are written
    // before any reference, so the forward one finds its target too
    let edited = "6f7a8b9c-0d1e-4f2a-9b3c-5d6e7f8a9b0c";
    let id = add(tx.as_mut(), &actor, json!({"uuid": edited, "info": "refs"})).unwrap();
    let event = tx.event_get(id).unwrap().unwrap();
    edit_event(
        tx.as_mut(),
        &actor,
        event,
        &parse_event(&body(edited, "02")).unwrap(),
    )
    .unwrap();
    stored.push(references(tx.as_mut(), id, "02"));
    assert_eq!(stored[1], stored[0]);
    let text = |s: &str| s.to_string();
    assert_eq!(
        stored[0],
        vec![
            (text("mentions"), text("nothing"), 1),
            (text("related-to"), text("elsewhere"), 0),
            (text("uses"), text("a1"), 0),
            (text("works-with"), text("o2"), 1),
        ]
    );
}
