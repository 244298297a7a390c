//! The rows of new events, objects, references and attributes, as the
//! parameters of their INSERTs: one list of columns per table, shared by
//! the INSERT that returns the id and the one given an id taken ahead
//! (`ids`), so that the two cannot drift apart.

use jisr_model::{Attribute, Event, MispObject, ObjectReference};

use crate::sending::Owned;

/// A new event's columns, in the order of [`EVENT`] (and of
/// [`EVENT_WITH_ID`] and [`EVENT_COUNTED`] after the id); without the
/// attribute count for a statement that counts itself.
pub(crate) fn event_row(e: &Event, with_count: bool) -> Vec<Owned> {
    let mut row: Vec<Owned> = vec![
        Box::new(e.uuid.clone()),
        Box::new(e.org_id),
        Box::new(e.orgc_id),
        Box::new(e.info.clone()),
        Box::new(e.date.clone()),
        Box::new(e.threat_level_id),
        Box::new(e.analysis),
        Box::new(e.distribution),
        Box::new(e.sharing_group_id),
        Box::new(e.published),
        Box::new(e.publish_timestamp),
        Box::new(e.timestamp),
        Box::new(e.sighting_timestamp),
        Box::new(e.attribute_count),
        Box::new(e.extends_uuid.clone()),
        Box::new(e.locked),
        Box::new(e.disable_correlation),
        Box::new(e.proposal_email_lock),
        Box::new(e.user_id),
    ];
    if !with_count {
        row.remove(13);
    }
    row
}

/// `row` with `id` in front, for the statements whose `$1` is the id.
pub(crate) fn with_id(id: i64, mut row: Vec<Owned>) -> Vec<Owned> {
    row.insert(0, Box::new(id));
    row
}

/// Every column of an event, its count as given (`event_update`, and
/// `event_update_counted` without waiting).
pub(crate) const EVENT_COUNTED: &str = "UPDATE events SET uuid = $2, org_id = $3, orgc_id = $4, info = $5, date = $6,
   threat_level_id = $7, analysis = $8, distribution = $9, sharing_group_id = $10, published = $11,
   publish_timestamp = $12, timestamp = $13, sighting_timestamp = $14, attribute_count = $15, extends_uuid = $16,
   locked = $17, disable_correlation = $18, proposal_email_lock = $19, user_id = $20
 WHERE id = $1";

macro_rules! event_columns {
    () => {
        "uuid, org_id, orgc_id, info, date, threat_level_id, analysis, distribution, sharing_group_id,
         published, publish_timestamp, timestamp, sighting_timestamp, attribute_count, extends_uuid, locked,
         disable_correlation, proposal_email_lock, user_id"
    };
}

pub(crate) const EVENT: &str = concat!(
    "INSERT INTO events (",
    event_columns!(),
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)"
);

/// An event with the id taken ahead (see `ids`).
pub(crate) const EVENT_WITH_ID: &str = concat!(
    "INSERT INTO events (id, ",
    event_columns!(),
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)"
);

macro_rules! object_columns {
    () => {
        "uuid, event_id, name, meta_category, description, template_uuid, template_version,
         distribution, sharing_group_id, comment, deleted, first_seen, last_seen, timestamp"
    };
}

/// A new object's columns, in the order of [`OBJECT`] (and of
/// [`OBJECT_WITH_ID`] after the id).
pub(crate) fn object_row(o: &MispObject) -> Vec<Owned> {
    vec![
        Box::new(o.uuid.clone()),
        Box::new(o.event_id),
        Box::new(o.name.clone()),
        Box::new(o.meta_category.clone()),
        Box::new(o.description.clone()),
        Box::new(o.template_uuid.clone()),
        Box::new(o.template_version.clone()),
        Box::new(o.distribution),
        Box::new(o.sharing_group_id),
        Box::new(o.comment.clone()),
        Box::new(o.deleted),
        Box::new(o.first_seen),
        Box::new(o.last_seen),
        Box::new(o.timestamp),
    ]
}

pub(crate) const OBJECT: &str = concat!(
    "INSERT INTO objects (",
    object_columns!(),
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
);

/// An object with the id taken ahead (see `ids`).
pub(crate) const OBJECT_WITH_ID: &str = concat!(
    "INSERT INTO objects (id, ",
    object_columns!(),
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
);

macro_rules! reference_columns {
    () => {
        "uuid, object_id, event_id, object_uuid, referenced_uuid, referenced_id, referenced_type,
         relationship_type, comment, deleted, timestamp"
    };
}

pub(crate) const REFERENCE: &str = concat!(
    "INSERT INTO object_references (",
    reference_columns!(),
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
);

/// A reference with the id taken ahead (see `ids`).
pub(crate) const REFERENCE_WITH_ID: &str = concat!(
    "INSERT INTO object_references (id, ",
    reference_columns!(),
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
);

/// A new reference's columns, in the order of [`REFERENCE`] (and of
/// [`REFERENCE_WITH_ID`] after the id).
pub(crate) fn reference_row(r: &ObjectReference) -> Vec<Owned> {
    vec![
        Box::new(r.uuid.clone()),
        Box::new(r.object_id),
        Box::new(r.event_id),
        Box::new(r.object_uuid.clone()),
        Box::new(r.referenced_uuid.clone()),
        Box::new(r.referenced_id),
        Box::new(r.referenced_type),
        Box::new(r.relationship_type.clone()),
        Box::new(r.comment.clone()),
        Box::new(r.deleted),
        Box::new(r.timestamp),
    ]
}

/// Rows per multi-row insert: one statement instead of a round trip per
/// attribute, its arrays still small.
pub(crate) const INSERT_CHUNK: usize = 5_000;

/// Every column of `rows` but the id, each as one array, in the order of
/// the attribute INSERTs.
pub(crate) fn attribute_columns(rows: &[Attribute]) -> Vec<Owned> {
    let col = |f: fn(&Attribute) -> String| Box::new(rows.iter().map(f).collect::<Vec<_>>());
    let int = |f: fn(&Attribute) -> i64| Box::new(rows.iter().map(f).collect::<Vec<_>>());
    let flag = |f: fn(&Attribute) -> bool| Box::new(rows.iter().map(f).collect::<Vec<_>>());
    let opt = |f: fn(&Attribute) -> Option<i64>| Box::new(rows.iter().map(f).collect::<Vec<_>>());
    let relations: Vec<Option<String>> = rows.iter().map(|a| a.object_relation.clone()).collect();
    vec![
        col(|a| a.uuid.clone()),
        int(|a| a.event_id),
        int(|a| a.object_id),
        Box::new(relations),
        col(|a| a.attr_type.clone()),
        col(|a| a.category.clone()),
        col(|a| a.value1.clone()),
        col(|a| a.value2.clone()),
        flag(|a| a.to_ids),
        int(|a| a.distribution),
        int(|a| a.sharing_group_id),
        col(|a| a.comment.clone()),
        flag(|a| a.deleted),
        flag(|a| a.disable_correlation),
        opt(|a| a.first_seen),
        opt(|a| a.last_seen),
        int(|a| a.timestamp),
    ]
}

/// Attributes with the ids taken ahead (see `ids`).
pub(crate) const ATTRIBUTES_WITH_IDS: &str = "INSERT INTO attributes (id, uuid, event_id, object_id, object_relation, type, category,
   value1, value2, to_ids, distribution, sharing_group_id, comment, deleted, disable_correlation, first_seen, last_seen,
   timestamp)
 SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[],
   $8::text[], $9::text[], $10::bool[], $11::bigint[], $12::bigint[], $13::text[], $14::bool[], $15::bool[],
   $16::bigint[], $17::bigint[], $18::bigint[])";
