//! Adding and editing whole events, with MISP's rules: uuids identify
//! everything, an edit applies only what is newer than the stored copy,
//! an edit without `published` unpublishes, and counts stay right.

use jisr_model::wire::{InAttribute, InEvent, InObject, InOrg, InReport, InTag, now, parse_date};
use jisr_model::*;
use jisr_policy::Actor;
use jisr_store::Tx;

use crate::attribute_build::{build_attribute, build_object, check_event_distribution};
use crate::error::{CoreError, Result, field_error, invalid};
use crate::tags;

mod add;
mod fresh;

pub use add::{Saved, add_event, add_or_edit_event};

fn check_threat_level(v: i64) -> Result<i64> {
    if (1..=4).contains(&v) {
        Ok(v)
    } else {
        Err(field_error(
            "Event: invalid threat level",
            "threat_level_id",
            "threat_level_id must be 1, 2, 3 or 4",
        ))
    }
}

fn check_analysis(v: i64) -> Result<i64> {
    if (0..=2).contains(&v) {
        Ok(v)
    } else {
        Err(field_error(
            "Event: invalid analysis",
            "analysis",
            "analysis must be 0, 1 or 2",
        ))
    }
}

pub(crate) fn valid_uuid(u: &str, what: &str) -> Result<String> {
    uuid::Uuid::parse_str(u.trim())
        .map(|u| u.to_string())
        .map_err(|_| {
            field_error(
                &format!("{what}: '{u}' is not a valid uuid"),
                "uuid",
                "Please provide a valid UUID",
            )
        })
}

/// The creator organisation: only sync users may speak for another organisation.
fn resolve_orgc(tx: &mut dyn Tx, actor: &Actor, orgc: Option<&InOrg>) -> Result<i64> {
    let Some(o) = orgc.filter(|_| actor.can("perm_sync")) else {
        return Ok(actor.org_id);
    };
    if let Some(u) = &o.uuid
        && let Some(found) = tx.org_by_uuid(u)?
    {
        return Ok(found.id);
    }
    if let Some(n) = &o.name
        && let Some(found) = tx.org_by_name(n)?
    {
        return Ok(found.id);
    }
    let name = o.name.clone().unwrap_or_default();
    if name.trim().is_empty() {
        return Ok(actor.org_id);
    }
    crate::directory::insert_remote_org(tx, actor, o.uuid.clone(), name)
}

fn apply_event_tags(
    tx: &mut dyn Tx,
    actor: &Actor,
    event_id: i64,
    incoming: &[InTag],
) -> Result<()> {
    for t in incoming {
        if t.deleted {
            if let Some(tag) = tx.tag_by_name(t.name.trim())? {
                tx.event_tag_remove(event_id, tag.id)?;
            }
        } else if let Some(tag) = tags::resolve_for_body(tx, actor, t)? {
            tx.event_tag_add(event_id, tag.id, t.local)?;
        }
    }
    Ok(())
}

/// Inserts or updates one attribute of `event`. Returns false when the
/// stored copy is as new as the incoming one (nothing to do); otherwise the
/// attribute's id joins `touched`, for the caller to correlate once the
/// whole write is in place.
pub fn save_attribute(
    tx: &mut dyn Tx,
    actor: &Actor,
    event: &Event,
    object_id: i64,
    incoming: &InAttribute,
    path: &str,
    touched: &mut Vec<i64>,
) -> Result<bool> {
    let existing = match &incoming.uuid {
        Some(u) => tx.attribute_by_uuid(&valid_uuid(u, path)?)?,
        None => None,
    };
    let Some(old) = existing else {
        let a = insert_attribute(tx, actor, event, object_id, incoming, path)?;
        touched.push(a.id);
        return Ok(true);
    };
    if old.event_id != event.id {
        return Err(CoreError::Invalid(format!(
            "{path}: uuid {} belongs to an attribute of another event",
            old.uuid
        )));
    }
    if incoming.timestamp.is_some_and(|ts| ts <= old.timestamp) {
        return Ok(false);
    }
    let (incoming, file) = with_file(incoming, path)?;
    let a = build_attribute(&incoming, Some(&old), event.id, object_id, now(), path)?;
    check_sharing_group(tx, actor, a.distribution, a.sharing_group_id, path)?;
    tx.attribute_update(&a)?;
    touched.push(a.id);
    finish_attribute(tx, actor, event, a.id, &incoming, file)?;
    Ok(true)
}

/// Stores a new attribute (a uuid it carries must be free) with its file,
/// tags and sightings, and returns it as stored: callers need not read it
/// back.
pub(crate) fn insert_attribute(
    tx: &mut dyn Tx,
    actor: &Actor,
    event: &Event,
    object_id: i64,
    incoming: &InAttribute,
    path: &str,
) -> Result<Attribute> {
    let (incoming, file) = with_file(incoming, path)?;
    let mut a = build_attribute(&incoming, None, event.id, object_id, now(), path)?;
    check_sharing_group(tx, actor, a.distribution, a.sharing_group_id, path)?;
    a.id = tx.attribute_insert(&a)?;
    finish_attribute(tx, actor, event, a.id, &incoming, file)?;
    Ok(a)
}

/// What follows an attribute's row: its file, tags and sightings.
fn finish_attribute(
    tx: &mut dyn Tx,
    actor: &Actor,
    event: &Event,
    id: i64,
    incoming: &InAttribute,
    file: Option<Vec<u8>>,
) -> Result<()> {
    if let Some(bytes) = file {
        tx.attachment_put(id, &bytes)?;
    }
    for tag in &incoming.tags {
        if tag.deleted {
            if let Some(found) = tx.tag_by_name(tag.name.trim())? {
                tx.attribute_tag_remove(id, found.id)?;
            }
        } else if let Some(found) = tags::resolve_for_body(tx, actor, tag)? {
            tx.attribute_tag_add(id, event.id, found.id, tag.local)?;
        }
    }
    for s in &incoming.sightings {
        crate::sightings::store_incoming(tx, actor, event, id, s)?;
    }
    Ok(())
}

/// Inserts or updates an object with its attributes (their ids join
/// `touched`) and its references.
pub fn save_object(
    tx: &mut dyn Tx,
    actor: &Actor,
    event: &Event,
    incoming: &InObject,
    path: &str,
    touched: &mut Vec<i64>,
) -> Result<i64> {
    let (object_id, object_uuid) = save_object_row(tx, actor, event, incoming, path, touched)?;
    for r in &incoming.references {
        crate::objects::save_reference(tx, event, object_id, &object_uuid, r)?;
    }
    Ok(object_id)
}

/// [`save_object`] but for its references; returns the object's id and uuid.
fn save_object_row(
    tx: &mut dyn Tx,
    actor: &Actor,
    event: &Event,
    incoming: &InObject,
    path: &str,
    touched: &mut Vec<i64>,
) -> Result<(i64, String)> {
    let existing = match &incoming.uuid {
        Some(u) => tx.object_by_uuid(&valid_uuid(u, path)?)?,
        None => None,
    };
    if let Some(old) = &existing
        && old.event_id != event.id
    {
        return Err(CoreError::Invalid(format!(
            "{path}: uuid {} belongs to an object of another event",
            old.uuid
        )));
    }
    let newer = existing
        .as_ref()
        .is_none_or(|old| incoming.timestamp.is_none_or(|ts| ts > old.timestamp));
    let object_id = match &existing {
        Some(old) if !newer => old.id,
        Some(old) => {
            let o = build_object(incoming, Some(old), event.id, now(), path)?;
            check_sharing_group(tx, actor, o.distribution, o.sharing_group_id, path)?;
            tx.object_update(&o)?;
            o.id
        }
        None => {
            let o = build_object(incoming, None, event.id, now(), path)?;
            check_sharing_group(tx, actor, o.distribution, o.sharing_group_id, path)?;
            tx.object_insert(&o)?
        }
    };
    for (i, a) in incoming.attributes.iter().enumerate() {
        save_attribute(
            tx,
            actor,
            event,
            object_id,
            a,
            &format!("{path}.Attribute[{i}]"),
            touched,
        )?;
    }
    let object_uuid = match tx.object_get(object_id)? {
        Some(o) => o.uuid,
        None => return Err(CoreError::NotFound("object".into())),
    };
    Ok((object_id, object_uuid))
}

pub fn save_report(tx: &mut dyn Tx, event: &Event, incoming: &InReport, path: &str) -> Result<i64> {
    crate::reports::save(tx, event, incoming, path)
}

/// A published event is offered to the servers we push to (the sync worker
/// drains this outbox; it survives restarts).
fn offer_to_push_links(tx: &mut dyn Tx, event: &Event) -> Result<()> {
    if event.published {
        tx.outbox_append(event.id, now())?;
    }
    Ok(())
}

fn save_children(
    tx: &mut dyn Tx,
    actor: &Actor,
    event: &Event,
    incoming: &InEvent,
    touched: &mut Vec<i64>,
) -> Result<()> {
    for (i, a) in incoming.attributes.iter().enumerate() {
        save_attribute(tx, actor, event, 0, a, &format!("Attribute[{i}]"), touched)?;
    }
    // every object first: a reference may point at an object, or an
    // object's attribute, that comes later in the body (as on a new event)
    let mut saved = Vec::with_capacity(incoming.objects.len());
    for (i, o) in incoming.objects.iter().enumerate() {
        saved.push(save_object_row(
            tx,
            actor,
            event,
            o,
            &format!("Object[{i}]"),
            touched,
        )?);
    }
    for (o, (object_id, object_uuid)) in incoming.objects.iter().zip(&saved) {
        for r in &o.references {
            crate::objects::save_reference(tx, event, *object_id, object_uuid, r)?;
        }
    }
    for (i, r) in incoming.reports.iter().enumerate() {
        save_report(tx, event, r, &format!("EventReport[{i}]"))?;
    }
    Ok(())
}

/// `events/edit`: applies what is newer than the stored event.
pub fn edit_event(tx: &mut dyn Tx, actor: &Actor, event: Event, incoming: &InEvent) -> Result<()> {
    update_event(tx, actor, event, incoming).map(|_| ())
}

/// [`edit_event`]; returns the event's attribute count after the edit.
fn update_event(
    tx: &mut dyn Tx,
    actor: &Actor,
    mut event: Event,
    incoming: &InEvent,
) -> Result<i64> {
    if !jisr_policy::can_modify_event(actor, &event) {
        return Err(crate::error::no_permission());
    }
    if let Some(u) = &incoming.uuid
        && valid_uuid(u, "Event")? != event.uuid
    {
        return Err(invalid(
            "Event: the uuid in the body does not match the event being edited",
        ));
    }
    if let Some(ts) = incoming.timestamp
        && ts > 0
        && ts <= event.timestamp
        && !actor.is_site_admin()
        && actor.can("perm_sync")
    {
        return Err(invalid(
            "Event could not be saved: Event in the request not newer than the local copy.",
        ));
    }
    let t = now();
    if let Some(info) = &incoming.info {
        if info.trim().is_empty() {
            return Err(field_error(
                "Event: the info field is empty",
                "info",
                "Info cannot be empty.",
            ));
        }
        event.info = info.clone();
    }
    if let Some(d) = &incoming.date {
        event.date = parse_date(d).ok_or_else(|| {
            field_error(
                &format!("Event: '{d}' is not a date"),
                "date",
                "Expected a date as YYYY-MM-DD.",
            )
        })?;
    }
    if let Some(v) = incoming.threat_level_id {
        event.threat_level_id = check_threat_level(v)?;
    }
    if let Some(v) = incoming.analysis {
        event.analysis = check_analysis(v)?;
    }
    if let Some(v) = incoming.distribution {
        event.distribution = check_event_distribution(v)?;
    }
    if let Some(v) = incoming.sharing_group_id {
        event.sharing_group_id = v;
    }
    if event.distribution != 4 {
        event.sharing_group_id = 0;
    }
    if let Some(v) = &incoming.extends_uuid {
        event.extends_uuid = v.clone();
    }
    let correlation_was_disabled = event.disable_correlation;
    if let Some(v) = incoming.disable_correlation {
        event.disable_correlation = v;
    }
    let publish = incoming.published.unwrap_or(false) && actor.can("perm_publish");
    if publish && !event.published {
        event.publish_timestamp = incoming.publish_timestamp.unwrap_or(t);
    }
    event.published = publish;
    event.timestamp = incoming
        .timestamp
        .filter(|x| *x > event.timestamp)
        .unwrap_or(t);
    check_event_sharing_group(tx, actor, &event)?;
    tx.event_update(&event)?;
    apply_event_tags(tx, actor, event.id, &incoming.tags)?;
    let mut touched = Vec::new();
    save_children(tx, actor, &event, incoming, &mut touched)?;
    event.attribute_count = tx.event_recount(event.id)?;
    if event.disable_correlation != correlation_was_disabled {
        crate::correlation::refresh_event(tx, &event)?;
    } else {
        crate::correlation::refresh_ids(tx, &touched)?;
    }
    offer_to_push_links(tx, &event)?;
    Ok(event.attribute_count)
}

/// Marks the event published now.
pub fn publish(tx: &mut dyn Tx, actor: &Actor, mut event: Event) -> Result<Event> {
    if !jisr_policy::can_publish_event(actor, &event) {
        return Err(crate::error::no_permission());
    }
    event.published = true;
    event.publish_timestamp = now();
    tx.event_update(&event)?;
    offer_to_push_links(tx, &event)?;
    Ok(event)
}

pub fn unpublish(tx: &mut dyn Tx, actor: &Actor, mut event: Event) -> Result<Event> {
    if !jisr_policy::can_publish_event(actor, &event) {
        return Err(crate::error::no_permission());
    }
    event.published = false;
    tx.event_update(&event)?;
    Ok(event)
}

/// `events/delete`: the event and everything in it, for whoever may modify it.
pub fn delete_event(tx: &mut dyn Tx, actor: &Actor, event: &Event) -> Result<()> {
    if !jisr_policy::can_modify_event(actor, event) {
        return Err(crate::error::no_permission());
    }
    tx.event_delete(event.id)?;
    Ok(())
}

/// Any change below the event bumps its timestamp and unpublishes it, as MISP does.
pub fn touch(tx: &mut dyn Tx, event: &mut Event) -> Result<()> {
    event.timestamp = now().max(event.timestamp);
    event.published = false;
    tx.event_update(event)?;
    Ok(())
}

/// [`touch`], with the stored attribute count brought up to date in the
/// same write (`event.attribute_count` is left as it was: read the event
/// again for the new count).
pub fn touch_recount(tx: &mut dyn Tx, event: &mut Event) -> Result<()> {
    event.timestamp = now().max(event.timestamp);
    event.published = false;
    tx.event_update_recount(event)?;
    Ok(())
}

/// Splits the file content off an incoming attribute. A raw malware sample is
/// packed as MISP packs it and its value completed to `filename|md5`.
fn with_file(incoming: &InAttribute, path: &str) -> Result<(InAttribute, Option<Vec<u8>>)> {
    let Some(data) = &incoming.data else {
        return Ok((incoming.clone(), None));
    };
    let bytes = crate::attachments::decode(data).map_err(|e| invalid(format!("{path}: {e}")))?;
    let mut out = incoming.clone();
    out.data = None;
    if out.attr_type.as_deref() != Some("malware-sample")
        || crate::attachments::is_sample_zip(&bytes)
    {
        return Ok((out, Some(bytes)));
    }
    let value = out.value.clone().unwrap_or_default();
    // A given md5 is ignored: the one of the content is the truth.
    let filename = value.split('|').next().unwrap_or("").trim().to_string();
    if filename.is_empty() {
        return Err(field_error(
            &format!("{path}: a malware sample needs a file name"),
            "value",
            "The file name is required.",
        ));
    }
    let (md5, zip) = crate::attachments::pack_sample(&filename, &bytes)?;
    out.value = Some(format!("{filename}|{md5}"));
    Ok((out, Some(zip)))
}

/// An event's sharing group, as [`check_sharing_group`] checks it.
fn check_event_sharing_group(tx: &mut dyn Tx, actor: &Actor, event: &Event) -> Result<()> {
    check_sharing_group(
        tx,
        actor,
        event.distribution,
        event.sharing_group_id,
        "Event",
    )
}

/// Distribution 4 needs a sharing group the actor may use.
fn check_sharing_group(
    tx: &mut dyn Tx,
    actor: &Actor,
    distribution: i64,
    sharing_group_id: i64,
    path: &str,
) -> Result<()> {
    if distribution != 4 {
        return Ok(());
    }
    if sharing_group_id <= 0 {
        return Err(field_error(
            &format!("{path}: distribution 4 needs a sharing group"),
            "sharing_group_id",
            "Select a sharing group for this distribution.",
        ));
    }
    crate::sharing_groups::visible(tx, actor, &sharing_group_id.to_string())
        .map(|_| ())
        .map_err(|_| {
            field_error(
                &format!(
                    "{path}: sharing group {sharing_group_id} does not exist or is not yours to use"
                ),
                "sharing_group_id",
                "Invalid sharing group.",
            )
        })
}
