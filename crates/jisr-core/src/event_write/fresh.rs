//! The children of an event that was just created. Nothing of it can exist
//! yet, so instead of asking per attribute whether its uuid is taken and
//! inserting it alone (two round trips per attribute on PostgreSQL), every
//! uuid is checked in one query (one for the objects' uuids) and every
//! attribute row inserted in one statement.
//! The rules are those of `save_attribute`/`save_object`; only the number
//! of statements differs.

use std::collections::{HashMap, HashSet};

use jisr_model::wire::{InAttribute, InEvent, now};
use jisr_model::{Attribute, Event};
use jisr_policy::Actor;
use jisr_store::Tx;

use super::{check_sharing_group, finish_attribute, save_report, valid_uuid, with_file};
use crate::attribute_build::{build_attribute, build_object};
use crate::error::{CoreError, Result};

/// An attribute checked and built, waiting for its row.
struct Pending {
    path: String,
    row: Attribute,
    incoming: InAttribute,
    file: Option<Vec<u8>>,
    /// Its uuid in canonical form, when the body gave one.
    checked_uuid: Option<String>,
}

/// Writes every attribute, object and report of the new `event`; returns
/// the attributes written, with their ids, for correlation. `None` when the
/// body repeats an attribute uuid: the one-by-one path knows what a repeat
/// means (the later copy edits the earlier one).
pub(super) fn save_new_children(
    tx: &mut dyn Tx,
    actor: &Actor,
    event: &Event,
    incoming: &InEvent,
) -> Result<Option<Vec<Attribute>>> {
    // Uuids as the one-by-one path compares them; an invalid one goes that
    // way too, to fail with its message.
    let mut seen = HashSet::new();
    let given = incoming
        .attributes
        .iter()
        .chain(incoming.objects.iter().flat_map(|o| o.attributes.iter()))
        .filter_map(|a| a.uuid.as_deref())
        .chain(incoming.objects.iter().filter_map(|o| o.uuid.as_deref()));
    for u in given {
        let Ok(u) = valid_uuid(u, "") else {
            return Ok(None);
        };
        if !seen.insert(u) {
            return Ok(None);
        }
    }

    let t = now();
    let mut pending = Vec::new();
    for (i, a) in incoming.attributes.iter().enumerate() {
        pending.push(prepare(
            tx,
            actor,
            event,
            0,
            a,
            format!("Attribute[{i}]"),
            t,
        )?);
    }
    let mut references = vec![];
    // Each object's uuid in canonical form (checked above), when given.
    let object_uuids: Vec<Option<String>> = incoming
        .objects
        .iter()
        .map(|o| o.uuid.as_deref().and_then(|u| valid_uuid(u, "").ok()))
        .collect();
    let given: Vec<String> = object_uuids.iter().flatten().cloned().collect();
    let taken: HashSet<String> = tx.object_uuids_taken(&given)?.into_iter().collect();
    for (i, (o, canonical)) in incoming.objects.iter().zip(&object_uuids).enumerate() {
        let path = format!("Object[{i}]");
        if let (Some(u), Some(c)) = (&o.uuid, canonical)
            && taken.contains(c)
        {
            return Err(CoreError::Invalid(format!(
                "{path}: uuid {u} belongs to an object of another event"
            )));
        }
        let object = build_object(o, None, event.id, t, &path)?;
        check_sharing_group(
            tx,
            actor,
            object.distribution,
            object.sharing_group_id,
            &path,
        )?;
        let object_id = tx.object_insert(&object)?;
        for (j, a) in o.attributes.iter().enumerate() {
            let path = format!("{path}.Attribute[{j}]");
            pending.push(prepare(tx, actor, event, object_id, a, path, t)?);
        }
        references.push((object_id, object.uuid, &o.references));
    }

    let given: Vec<String> = pending
        .iter()
        .filter_map(|p| p.checked_uuid.clone())
        .collect();
    let taken: HashSet<String> = tx.attribute_uuids_taken(&given)?.into_iter().collect();
    if let Some(p) = pending
        .iter()
        .find(|p| p.checked_uuid.as_ref().is_some_and(|u| taken.contains(u)))
    {
        // The event is new, so a taken uuid is another event's attribute.
        return Err(CoreError::Invalid(format!(
            "{}: uuid {} belongs to an attribute of another event",
            p.path, p.row.uuid
        )));
    }
    let rows: Vec<Attribute> = pending.iter().map(|p| p.row.clone()).collect();
    let ids = tx.attributes_insert(&rows)?;
    let mut written = Vec::with_capacity(pending.len());
    for (p, id) in pending.into_iter().zip(ids) {
        finish_attribute(tx, actor, event, id, &p.incoming, p.file)?;
        let mut row = p.row;
        row.id = id;
        written.push(row);
    }
    if references.iter().any(|(_, _, refs)| !refs.is_empty()) {
        // Targets among what this event wrote, attributes first (as
        // `save_reference` looks them up).
        let mut written_uuids: HashMap<String, (i64, i64)> = references
            .iter()
            .map(|(id, uuid, _)| (uuid.clone(), (*id, 1)))
            .collect();
        written_uuids.extend(written.iter().map(|a| (a.uuid.clone(), (a.id, 0))));
        let mut stored = HashMap::new();
        for (object_id, object_uuid, refs) in &references {
            for r in *refs {
                crate::objects::save_new_reference(
                    tx,
                    event,
                    *object_id,
                    object_uuid,
                    r,
                    &written_uuids,
                    &mut stored,
                )?;
            }
        }
    }
    for (i, r) in incoming.reports.iter().enumerate() {
        save_report(tx, event, r, &format!("EventReport[{i}]"))?;
    }
    Ok(Some(written))
}

fn prepare(
    tx: &mut dyn Tx,
    actor: &Actor,
    event: &Event,
    object_id: i64,
    given: &InAttribute,
    path: String,
    t: i64,
) -> Result<Pending> {
    let checked_uuid = match &given.uuid {
        Some(u) => Some(valid_uuid(u, &path)?),
        None => None,
    };
    let (incoming, file) = with_file(given, &path)?;
    let row = build_attribute(&incoming, None, event.id, object_id, t, &path)?;
    check_sharing_group(tx, actor, row.distribution, row.sharing_group_id, &path)?;
    Ok(Pending {
        path,
        row,
        incoming,
        file,
        checked_uuid,
    })
}
