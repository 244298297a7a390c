//! Objects (templated groups of attributes) and their references.

use std::collections::HashMap;

use jisr_model::wire::{InObject, InReference, now};
use jisr_model::{Event, MispObject, ObjectReference};
use jisr_policy::tlp::Cap;
use jisr_policy::{Actor, Scope};
use jisr_store::Tx;

use crate::error::{CoreError, Result, invalid, not_found};
use crate::event_write::{save_object, touch_recount};

pub fn save_reference(
    tx: &mut dyn Tx,
    event: &Event,
    object_id: i64,
    object_uuid: &str,
    r: &InReference,
) -> Result<i64> {
    let target = referenced_uuid(r)?;
    let resolved = resolve_target(tx, &target)?;
    let existing = match &r.uuid {
        Some(u) => tx
            .references_of_event(event.id)?
            .into_iter()
            .find(|x| &x.uuid == u),
        None => None,
    };
    let to = (event, object_id, object_uuid);
    Ok(store_reference(tx, existing, to, r, target, resolved)?.id)
}

/// [`save_reference`] for an event just created: a target among what it
/// wrote (`written`: uuid → (id, type)) needs no lookup, and the only
/// references it can have are those stored before in the same write
/// (`stored`, by uuid: a body may give one twice, and the second edits
/// the first as it would anywhere).
pub(crate) fn save_new_reference(
    tx: &mut dyn Tx,
    event: &Event,
    object_id: i64,
    object_uuid: &str,
    r: &InReference,
    written: &HashMap<String, (i64, i64)>,
    stored: &mut HashMap<String, ObjectReference>,
) -> Result<()> {
    let target = referenced_uuid(r)?;
    let resolved = match written.get(&target) {
        Some(known) => *known,
        None => resolve_target(tx, &target)?,
    };
    let existing = r.uuid.as_ref().and_then(|u| stored.get(u)).cloned();
    let to = (event, object_id, object_uuid);
    let row = store_reference(tx, existing, to, r, target, resolved)?;
    stored.insert(row.uuid.clone(), row);
    Ok(())
}

fn referenced_uuid(r: &InReference) -> Result<String> {
    let target = r.referenced_uuid.clone().unwrap_or_default();
    if target.is_empty() {
        return Err(invalid("an object reference needs a referenced_uuid"));
    }
    Ok(target)
}

/// What a reference points at: an attribute (type 0) or an object (type
/// 1), by uuid; `(0, 1)` when neither is here (yet), as MISP keeps it.
fn resolve_target(tx: &mut dyn Tx, target: &str) -> Result<(i64, i64)> {
    Ok(if let Some(a) = tx.attribute_by_uuid(target)? {
        (a.id, 0)
    } else if let Some(o) = tx.object_by_uuid(target)? {
        (o.id, 1)
    } else {
        (0, 1)
    })
}

/// Stores the reference `r` of the object `(event, id, uuid)` to `target`,
/// resolved as `(id, type)`: `existing` (the same uuid in this event)
/// edited, or a new one. Returns it as stored.
fn store_reference(
    tx: &mut dyn Tx,
    existing: Option<ObjectReference>,
    (event, object_id, object_uuid): (&Event, i64, &str),
    r: &InReference,
    target: String,
    (referenced_id, referenced_type): (i64, i64),
) -> Result<ObjectReference> {
    let edit = existing.is_some();
    let mut row = existing.unwrap_or_else(|| ObjectReference {
        uuid: r
            .uuid
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        object_id,
        event_id: event.id,
        object_uuid: object_uuid.to_string(),
        ..Default::default()
    });
    row.referenced_uuid = target;
    row.referenced_id = referenced_id;
    row.referenced_type = referenced_type;
    if let Some(t) = &r.relationship_type {
        row.relationship_type = t.clone();
    }
    if let Some(c) = &r.comment {
        row.comment = c.clone();
    }
    if let Some(d) = r.deleted {
        row.deleted = d;
    }
    row.timestamp = r.timestamp.unwrap_or_else(now);
    if edit {
        tx.reference_update(&row)?;
    } else {
        row.id = tx.reference_insert(&row)?;
    }
    Ok(row)
}

pub fn visible_object(
    tx: &mut dyn Tx,
    scope: &Scope,
    reference: &str,
) -> Result<(MispObject, Event)> {
    let r = reference.trim();
    let found = match r.parse::<i64>() {
        Ok(id) => tx.object_get(id)?,
        Err(_) => tx.object_by_uuid(r)?,
    };
    let missing = || not_found("Invalid object");
    let o = found.ok_or_else(missing)?;
    let event = tx.event_get(o.event_id)?.ok_or_else(missing)?;
    let cap = crate::event_read::event_cap(tx, event.id)?;
    if !scope.sees_event(&event, cap)
        || !scope.sees_element(&event, o.distribution, o.sharing_group_id, Cap::None)
    {
        return Err(missing());
    }
    Ok((o, event))
}

pub fn add(tx: &mut dyn Tx, actor: &Actor, mut event: Event, incoming: &InObject) -> Result<i64> {
    if !jisr_policy::can_modify_event(actor, &event) {
        return Err(crate::error::no_permission());
    }
    if let Some(u) = &incoming.uuid
        && tx.object_by_uuid(u)?.is_some()
    {
        return Err(invalid("Object: the uuid is already in use"));
    }
    let mut touched = Vec::new();
    let id = save_object(tx, actor, &event, incoming, "Object", &mut touched)?;
    touch_recount(tx, &mut event)?;
    crate::correlation::refresh_ids(tx, &touched)?;
    Ok(id)
}

pub fn edit(
    tx: &mut dyn Tx,
    actor: &Actor,
    existing: MispObject,
    mut event: Event,
    incoming: &InObject,
) -> Result<i64> {
    if !jisr_policy::can_modify_event(actor, &event) {
        return Err(crate::error::no_permission());
    }
    let mut change = incoming.clone();
    change.uuid = Some(existing.uuid.clone());
    if change.timestamp.is_some_and(|t| t <= existing.timestamp) {
        change.timestamp = None;
    }
    let mut touched = Vec::new();
    let id = save_object(tx, actor, &event, &change, "Object", &mut touched)?;
    touch_recount(tx, &mut event)?;
    crate::correlation::refresh_ids(tx, &touched)?;
    Ok(id)
}

pub fn delete(
    tx: &mut dyn Tx,
    actor: &Actor,
    mut o: MispObject,
    mut event: Event,
    hard: bool,
) -> Result<()> {
    if !jisr_policy::can_modify_event(actor, &event) {
        return Err(crate::error::no_permission());
    }
    if hard {
        tx.object_delete(o.id)?;
    } else {
        let t = now();
        o.deleted = true;
        o.timestamp = t;
        tx.object_update(&o)?;
        let mut inside = vec![];
        for mut a in tx
            .attributes_of_event(event.id)?
            .into_iter()
            .filter(|a| a.object_id == o.id)
        {
            a.deleted = true;
            a.timestamp = t;
            tx.attribute_update(&a)?;
            inside.push(a);
        }
        crate::correlation::refresh(tx, &event, &inside, false)?;
    }
    touch_recount(tx, &mut event)?;
    Ok(())
}

pub fn get_tree(
    tx: &mut dyn Tx,
    scope: &Scope,
    o: MispObject,
    event: &Event,
) -> Result<jisr_model::ObjectTree> {
    let mut attributes = vec![];
    for a in tx.attributes_of_event(event.id)? {
        if a.object_id != o.id || a.deleted {
            continue;
        }
        let tags = tx.attribute_tags(a.id)?;
        let cap = jisr_policy::tlp::cap_of(tags.iter().map(|t| t.tag.name.as_str()));
        if scope.sees_element(event, a.distribution, a.sharing_group_id, cap) {
            attributes.push(jisr_model::AttributeTree {
                tags,
                sightings: vec![],
                attribute: a,
                data: None,
            });
        }
    }
    let references = tx
        .references_of_event(event.id)?
        .into_iter()
        .filter(|r| r.object_id == o.id && !r.deleted)
        .collect();
    if o.deleted && attributes.is_empty() {
        return Err(CoreError::NotFound("Invalid object".into()));
    }
    Ok(jisr_model::ObjectTree {
        object: o,
        attributes,
        references,
    })
}
