//! Proposals: users who may see an event but not edit it suggest new
//! attributes, changes or deletions; the owning organisation accepts or
//! discards them. MISP calls these shadow attributes.

use jisr_model::wire::{InAttribute, now};
use jisr_model::{Attribute, Event, Proposal};
use jisr_policy::{Actor, Scope};
use jisr_store::Tx;

use crate::attribute_build::build_attribute;
use crate::error::{Result, not_found};
use crate::event_read::visible_event;

fn new_proposal(actor: &Actor, event: &Event, old_id: i64, attribute: Attribute) -> Proposal {
    Proposal {
        id: 0,
        old_id,
        event_id: event.id,
        org_id: actor.org_id,
        email: actor.email.clone(),
        proposal_to_delete: false,
        attribute,
    }
}

fn store(tx: &mut dyn Tx, mut p: Proposal) -> Result<Proposal> {
    p.attribute.uuid = uuid::Uuid::new_v4().to_string();
    p.attribute.timestamp = now();
    p.id = tx.proposal_insert(&p)?;
    Ok(p)
}

/// Proposes a new attribute for a visible event.
pub fn propose_new(
    tx: &mut dyn Tx,
    actor: &Actor,
    event: &Event,
    incoming: &InAttribute,
) -> Result<Proposal> {
    let mut fresh = incoming.clone();
    fresh.uuid = None;
    fresh.timestamp = None;
    let a = build_attribute(&fresh, None, event.id, 0, now(), "ShadowAttribute")?;
    store(tx, new_proposal(actor, event, 0, a))
}

/// Proposes a change to an existing attribute: the attribute as it would be.
pub fn propose_change(
    tx: &mut dyn Tx,
    actor: &Actor,
    event: &Event,
    old: &Attribute,
    incoming: &InAttribute,
) -> Result<Proposal> {
    let mut change = incoming.clone();
    change.uuid = None;
    change.timestamp = None;
    let a = build_attribute(
        &change,
        Some(old),
        event.id,
        old.object_id,
        now(),
        "ShadowAttribute",
    )?;
    store(tx, new_proposal(actor, event, old.id, a))
}

/// Proposes deleting an attribute.
pub fn propose_delete(
    tx: &mut dyn Tx,
    actor: &Actor,
    event: &Event,
    old: &Attribute,
) -> Result<Proposal> {
    let mut p = new_proposal(actor, event, old.id, old.clone());
    p.proposal_to_delete = true;
    store(tx, p)
}

/// A proposal by id or uuid, if its event is visible to the scope.
pub fn visible(tx: &mut dyn Tx, scope: &Scope, reference: &str) -> Result<(Proposal, Event)> {
    let r = reference.trim();
    let found = match r.parse::<i64>() {
        Ok(id) => tx.proposal_get(id)?,
        Err(_) => tx.proposal_by_uuid(r)?,
    };
    let p = found.ok_or_else(|| not_found("Invalid proposal"))?;
    let event = visible_event(tx, scope, &p.event_id.to_string())
        .map_err(|_| not_found("Invalid proposal"))?;
    Ok((p, event))
}

/// Live proposals on events the scope sees (of one event when given).
pub fn list(
    tx: &mut dyn Tx,
    scope: &Scope,
    event: Option<&Event>,
) -> Result<Vec<(Proposal, String)>> {
    let mut out = vec![];
    let mut events: std::collections::HashMap<i64, Option<Event>> =
        std::collections::HashMap::new();
    for p in tx.proposals(event.map(|e| e.id))? {
        if let std::collections::hash_map::Entry::Vacant(slot) = events.entry(p.event_id) {
            slot.insert(visible_event(tx, scope, &p.event_id.to_string()).ok());
        }
        if let Some(Some(e)) = events.get(&p.event_id) {
            out.push((p, e.uuid.clone()));
        }
    }
    Ok(out)
}

/// Applies a proposal to its event (the event's editors only) and removes it.
pub fn accept(tx: &mut dyn Tx, actor: &Actor, p: Proposal, mut event: Event) -> Result<()> {
    if !jisr_policy::can_modify_event(actor, &event) {
        return Err(crate::error::no_permission());
    }
    let t = now();
    if p.old_id == 0 {
        let mut a = p.attribute.clone();
        a.uuid = uuid::Uuid::new_v4().to_string();
        a.event_id = event.id;
        a.timestamp = t;
        a.id = tx.attribute_insert(&a)?;
        crate::correlation::refresh(tx, &event, std::slice::from_ref(&a), true)?;
    } else if let Some(mut a) = tx.attribute_get(p.old_id)? {
        if p.proposal_to_delete {
            a.deleted = true;
        } else {
            let keep = (
                a.id,
                a.uuid.clone(),
                a.object_id,
                a.distribution,
                a.sharing_group_id,
            );
            a = Attribute {
                id: keep.0,
                uuid: keep.1,
                object_id: keep.2,
                distribution: keep.3,
                sharing_group_id: keep.4,
                ..p.attribute.clone()
            };
            a.event_id = event.id;
        }
        a.timestamp = t;
        tx.attribute_update(&a)?;
        crate::correlation::refresh(tx, &event, std::slice::from_ref(&a), false)?;
    } else {
        return Err(not_found(
            "The attribute this proposal changes no longer exists.",
        ));
    }
    tx.proposal_delete(p.id)?;
    crate::event_write::touch_recount(tx, &mut event)?;
    Ok(())
}

/// Drops a proposal: the event's editors, or the proposing organisation.
pub fn discard(tx: &mut dyn Tx, actor: &Actor, p: Proposal, event: &Event) -> Result<()> {
    if !(jisr_policy::can_modify_event(actor, event) || p.org_id == actor.org_id) {
        return Err(crate::error::no_permission());
    }
    Ok(tx.proposal_delete(p.id)?)
}
