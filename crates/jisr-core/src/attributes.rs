//! Single-attribute operations (`/attributes/add|edit|delete|view`).

use jisr_model::wire::{InAttribute, now};
use jisr_model::{Attribute, Event, MispObject};
use jisr_policy::{Actor, Scope};
use jisr_store::Tx;

use crate::error::{CoreError, Result, field_error, forbidden, not_found};
use crate::event_write::{insert_attribute, save_attribute, touch, touch_recount, valid_uuid};

/// The attribute if it exists and the scope may see it (with its event).
pub fn visible_attribute(
    tx: &mut dyn Tx,
    scope: &Scope,
    reference: &str,
) -> Result<(Attribute, Event)> {
    let r = reference.trim();
    let found = match r.parse::<i64>() {
        Ok(id) => tx.attribute_get(id)?,
        Err(_) => tx.attribute_by_uuid(r)?,
    };
    let missing = || not_found("Invalid attribute");
    let a = found.ok_or_else(missing)?;
    let event = tx.event_get(a.event_id)?.ok_or_else(missing)?;
    let object: Option<MispObject> = if a.object_id > 0 {
        tx.object_get(a.object_id)?
    } else {
        None
    };
    let event_cap = crate::event_read::event_cap(tx, event.id)?;
    let attribute_cap = crate::event_read::attribute_cap(tx, a.id)?;
    if !scope.sees_attribute(&event, event_cap, object.as_ref(), &a, attribute_cap) {
        return Err(missing());
    }
    Ok((a, event))
}

/// A live attribute outside objects with the same type, category and value.
fn find_duplicate(
    tx: &mut dyn Tx,
    event_id: i64,
    candidate: &Attribute,
) -> Result<Option<Attribute>> {
    // The index narrows the candidates; equality is then checked exactly
    // (a stored `%` would otherwise act as a wildcard).
    let candidates = tx.attributes_with_value(event_id, &candidate.value1)?;
    Ok(candidates.into_iter().find(|a| {
        !a.deleted
            && a.object_id == 0
            && a.attr_type == candidate.attr_type
            && a.category == candidate.category
            && a.value1 == candidate.value1
            && a.value2 == candidate.value2
    }))
}

/// Adds one attribute to `event`. With `break_on_duplicate`, an identical
/// live attribute in the event is refused as MISP refuses it.
pub fn add(
    tx: &mut dyn Tx,
    actor: &Actor,
    mut event: Event,
    incoming: &InAttribute,
    break_on_duplicate: bool,
) -> Result<Attribute> {
    if !jisr_policy::can_modify_event(actor, &event) {
        return Err(crate::error::no_permission());
    }
    if let Some(u) = &incoming.uuid {
        let canonical = valid_uuid(u, "Attribute")?;
        if tx.attribute_by_uuid(u)?.is_some()
            || (canonical != *u && tx.attribute_by_uuid(&canonical)?.is_some())
        {
            return Err(field_error(
                "Attribute: the uuid is already in use",
                "uuid",
                "An attribute with this uuid already exists.",
            ));
        }
    }
    let mut fresh = incoming.clone();
    fresh.uuid = Some(
        fresh
            .uuid
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
    );
    let probe =
        crate::attribute_build::build_attribute(&fresh, None, event.id, 0, now(), "Attribute")?;
    if let Some(mut existing) = find_duplicate(tx, event.id, &probe)? {
        if break_on_duplicate {
            return Err(field_error(
                "Attribute could not be saved: a similar attribute already exists for this event",
                "value",
                "A similar attribute already exists for this event.",
            ));
        }
        // Without breakOnDuplicate MISP refreshes the existing attribute instead.
        existing.timestamp = now().max(existing.timestamp + 1);
        tx.attribute_update(&existing)?;
        touch(tx, &mut event)?;
        return Ok(existing);
    }
    // The uuid is free (checked above, or new): no lookup before the
    // insert and no read after it, which on PostgreSQL are round trips.
    let a = insert_attribute(tx, actor, &event, 0, &fresh, "Attribute")?;
    touch_recount(tx, &mut event)?;
    crate::correlation::refresh(tx, &event, std::slice::from_ref(&a), true)?;
    Ok(a)
}

/// Edits an attribute; the incoming timestamp, if any, must be newer.
pub fn edit(
    tx: &mut dyn Tx,
    actor: &Actor,
    existing: Attribute,
    mut event: Event,
    incoming: &InAttribute,
) -> Result<Attribute> {
    if !jisr_policy::can_modify_event(actor, &event) {
        return Err(crate::error::no_permission());
    }
    let mut change = incoming.clone();
    change.uuid = Some(existing.uuid.clone());
    if change.timestamp.is_some_and(|t| t <= existing.timestamp) {
        change.timestamp = None;
    }
    save_attribute(
        tx,
        actor,
        &event,
        existing.object_id,
        &change,
        "Attribute",
        &mut Vec::new(),
    )?;
    touch_recount(tx, &mut event)?;
    let a = tx
        .attribute_get(existing.id)?
        .ok_or_else(|| CoreError::NotFound("attribute".into()))?;
    // An edited value drops its old keys and takes new ones.
    crate::correlation::refresh(tx, &event, std::slice::from_ref(&a), false)?;
    Ok(a)
}

/// Soft delete (MISP's default) or, for site admins, hard delete.
pub fn delete(
    tx: &mut dyn Tx,
    actor: &Actor,
    mut a: Attribute,
    mut event: Event,
    hard: bool,
) -> Result<()> {
    if !jisr_policy::can_modify_event(actor, &event) {
        return Err(crate::error::no_permission());
    }
    if hard {
        if !actor.is_org_admin() {
            return Err(forbidden(
                "Only administrators may hard-delete an attribute.",
            ));
        }
        tx.attribute_delete(a.id)?;
    } else {
        a.deleted = true;
        a.timestamp = now();
        tx.attribute_update(&a)?;
        // A soft-deleted attribute correlates with nothing.
        crate::correlation::refresh(tx, &event, std::slice::from_ref(&a), false)?;
    }
    touch_recount(tx, &mut event)?;
    Ok(())
}

pub fn restore(
    tx: &mut dyn Tx,
    actor: &Actor,
    mut a: Attribute,
    mut event: Event,
) -> Result<Attribute> {
    if !jisr_policy::can_modify_event(actor, &event) {
        return Err(crate::error::no_permission());
    }
    a.deleted = false;
    a.timestamp = now();
    tx.attribute_update(&a)?;
    crate::correlation::refresh(tx, &event, std::slice::from_ref(&a), false)?;
    touch_recount(tx, &mut event)?;
    Ok(a)
}
