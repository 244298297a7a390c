//! The receiving side of sync: an event from another instance, pushed to us
//! or pulled by us, is re-checked against our own rules before it is stored.
//! Nothing the sender claims about who may see what is taken on trust: each
//! item's distribution crosses by `jisr_policy::federation`, org-only and
//! TLP-capped items are dropped, sharing groups must reach us, local tags
//! stay behind.

use jisr_model::wire::{
    as_bool, as_i64, field, parse_event, parse_sighting, str_field, unwrap_envelope,
};
use jisr_policy::Actor;
use jisr_policy::federation::cross;
use jisr_policy::tlp::{self, Cap};
use jisr_store::Tx;
use serde_json::{Map, Value};

use super::{Origin, capture};
use crate::error::{CoreError, Result, invalid};
use crate::event_write::{add_event, edit_event};

/// What became of a received event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Received {
    Created(i64),
    Updated(i64),
    /// Our copy is as new or newer; sightings were still taken.
    Unchanged(i64),
}

impl Received {
    pub fn event_id(self) -> i64 {
        match self {
            Received::Created(id) | Received::Updated(id) | Received::Unchanged(id) => id,
        }
    }
}

/// The strictest TLP mark among an item's `Tag` list.
fn tags_cap(tags: Option<&Value>) -> Cap {
    let names: Vec<String> = tags
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|t| str_field(t, "name"))
        .collect();
    tlp::cap_of(names.iter().map(String::as_str))
}

/// Local tags are this instance's notes of the sender; they never travel.
fn drop_local_tags(item: &mut Map<String, Value>) {
    if let Some(Value::Array(tags)) = item.get_mut("Tag") {
        tags.retain(|t| !field(t, "local").and_then(as_bool).unwrap_or(false));
    }
    item.remove("EventTag");
    item.remove("AttributeTag");
}

/// Rewrites one item's distribution for the crossing; false drops it.
fn admit(
    tx: &mut dyn Tx,
    actor: &Actor,
    item: &mut Map<String, Value>,
    parent_cap: Cap,
    origin: &Origin,
) -> Result<bool> {
    let cap = parent_cap.max(tags_cap(item.get("Tag")));
    let distribution = item.get("distribution").and_then(as_i64).unwrap_or(5);
    let Some(d) = cross(distribution, cap, origin.internal, origin.crossing) else {
        return Ok(false);
    };
    let mut sharing_group_id = 0;
    if d == 4 {
        let Some(sg) = item.get("SharingGroup").cloned() else {
            return Ok(false);
        };
        match capture::sharing_group(tx, actor, &sg, origin)? {
            Some(id) => sharing_group_id = id,
            None => return Ok(false),
        }
    }
    item.insert("distribution".into(), Value::String(d.to_string()));
    item.insert(
        "sharing_group_id".into(),
        Value::String(sharing_group_id.to_string()),
    );
    item.remove("SharingGroup");
    item.remove("id");
    drop_local_tags(item);
    Ok(true)
}

fn admit_list(
    tx: &mut dyn Tx,
    actor: &Actor,
    list: Option<&Value>,
    cap: Cap,
    origin: &Origin,
    with_attributes: bool,
) -> Result<Vec<Value>> {
    let mut out = vec![];
    for item in list.and_then(Value::as_array).into_iter().flatten() {
        let Some(mut m) = item.as_object().cloned() else {
            continue;
        };
        if !admit(tx, actor, &mut m, cap, origin)? {
            continue;
        }
        if with_attributes {
            let inner = admit_list(tx, actor, m.get("Attribute"), cap, origin, false)?;
            m.insert("Attribute".into(), Value::Array(inner));
        }
        out.push(Value::Object(m));
    }
    Ok(out)
}

/// The event as we accept it, or an error saying why it may not cross.
fn sanitise(
    tx: &mut dyn Tx,
    actor: &Actor,
    body: &Value,
    origin: &Origin,
) -> Result<Map<String, Value>> {
    let mut ev = unwrap_envelope(body, "Event")
        .as_object()
        .cloned()
        .ok_or_else(|| invalid("Event: expected a JSON object"))?;
    let cap = tags_cap(ev.get("Tag"));
    let distribution = ev
        .get("distribution")
        .and_then(as_i64)
        .ok_or_else(|| invalid("Event: a synced event must carry its distribution"))?;
    if distribution == 5 {
        return Err(invalid(
            "Event: distribution 5 (inherit) is not valid for an event",
        ));
    }
    if !admit(tx, actor, &mut ev, Cap::None, origin)? {
        return Err(CoreError::Forbidden(format!(
            "Event: distribution {distribution} with its handling marks does not allow it to reach this instance"
        )));
    }
    let attributes = admit_list(tx, actor, ev.get("Attribute"), cap, origin, false)?;
    let objects = admit_list(tx, actor, ev.get("Object"), cap, origin, true)?;
    let reports = admit_list(tx, actor, ev.get("EventReport"), cap, origin, false)?;
    ev.insert("Attribute".into(), Value::Array(attributes));
    ev.insert("Object".into(), Value::Array(objects));
    ev.insert("EventReport".into(), Value::Array(reports));
    for k in [
        "ShadowAttribute",
        "RelatedEvent",
        "Galaxy",
        "CryptographicKey",
        "Org",
    ] {
        ev.remove(k);
    }
    Ok(ev)
}

/// Sightings of the admitted attributes, taken even when the event itself
/// is unchanged (a sighting does not make an event newer).
fn store_sightings(tx: &mut dyn Tx, actor: &Actor, ev: &Value) -> Result<()> {
    let event_uuid = ev.get("uuid").and_then(Value::as_str).unwrap_or_default();
    let Some(event) = tx.event_by_uuid(event_uuid)? else {
        return Ok(());
    };
    let mut attributes: Vec<&Value> = ev
        .get("Attribute")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .collect();
    for o in ev
        .get("Object")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        attributes.extend(
            field(o, "Attribute")
                .and_then(Value::as_array)
                .into_iter()
                .flatten(),
        );
    }
    for a in attributes {
        let Some(list) = field(a, "Sighting").and_then(Value::as_array) else {
            continue;
        };
        let Some(uuid) = str_field(a, "uuid") else {
            continue;
        };
        let Some(stored) = tx.attribute_by_uuid(&uuid)? else {
            continue;
        };
        if stored.event_id != event.id {
            continue;
        }
        for s in list {
            crate::sightings::store_incoming(tx, actor, &event, stored.id, &parse_sighting(s))?;
        }
    }
    Ok(())
}

/// Stores an event that arrived from another instance, as `actor` (the
/// pushing sync user, or the pull's stand-in owning the server link).
/// An event created here is never overwritten; an older version never
/// overwrites a newer one; receiving the same version twice changes nothing.
pub fn receive_event(
    tx: &mut dyn Tx,
    actor: &Actor,
    body: &Value,
    origin: &Origin,
) -> Result<Received> {
    let ev = sanitise(tx, actor, body, origin)?;
    let ev = Value::Object(ev);
    let incoming = parse_event(&ev).map_err(|e| invalid(e.to_string()))?;
    let uuid = incoming
        .uuid
        .clone()
        .ok_or_else(|| invalid("Event: a synced event must carry its uuid"))?;
    let outcome = match tx.event_by_uuid(&uuid)? {
        Some(local) if !local.locked => {
            return Err(CoreError::Forbidden(
                "Event: it was created on this instance, and a synced copy never overwrites it"
                    .into(),
            ));
        }
        Some(local) if incoming.timestamp.unwrap_or(0) <= local.timestamp => {
            Received::Unchanged(local.id)
        }
        Some(local) => {
            let id = local.id;
            edit_event(tx, actor, local, &incoming)?;
            Received::Updated(id)
        }
        None => Received::Created(add_event(tx, actor, &incoming)?),
    };
    store_sightings(tx, actor, &ev)?;
    let id = outcome.event_id();
    if let Some(mut e) = tx.event_get(id)?
        && !matches!(outcome, Received::Unchanged(_))
    {
        // Published arrivals were offered to our own push links by add/edit.
        if !e.locked {
            e.locked = true;
            tx.event_update(&e)?;
        }
    }
    Ok(outcome)
}
