//! A new event, or one from a file that may be new: the event row with its
//! defaults, then its children (`fresh` writes them in bulk when it can).

use jisr_model::wire::{InEvent, now, parse_date, today};
use jisr_model::*;
use jisr_policy::Actor;
use jisr_store::Tx;

use super::{
    apply_event_tags, check_analysis, check_event_sharing_group, check_threat_level, fresh,
    offer_to_push_links, resolve_orgc, save_children, update_event, valid_uuid,
};
use crate::attribute_build::check_event_distribution;
use crate::error::{CoreError, Result, field_error};
use crate::settings;

/// `events/add`: a new event with everything inside it, in one transaction.
pub fn add_event(tx: &mut dyn Tx, actor: &Actor, incoming: &InEvent) -> Result<i64> {
    let uuid = new_event_uuid(actor, incoming)?;
    if let Some(existing) = tx.event_by_uuid(&uuid)? {
        return Err(CoreError::Exists {
            message: "Event already exists, if you would like to edit it, use the url in the location header.".into(),
            location: format!("/events/view/{}", existing.id),
        });
    }
    Ok(insert_event(tx, actor, incoming, uuid)?.id)
}

/// What [`add_or_edit_event`] did.
pub struct Saved {
    pub id: i64,
    /// Added (else an existing copy was edited).
    pub added: bool,
    pub attribute_count: i64,
}

/// An event from a file or another tool: the local event with its uuid is
/// edited, else the event is added. One lookup of the uuid, where asking
/// first and then calling [`add_event`] looked it up twice.
pub fn add_or_edit_event(tx: &mut dyn Tx, actor: &Actor, incoming: &InEvent) -> Result<Saved> {
    let existing = match &incoming.uuid {
        Some(u) => tx.event_by_uuid(&valid_uuid(u, "Event")?)?,
        None => None,
    };
    if let Some(event) = existing {
        // Pairs still being scored may name this event's attributes.
        crate::correlation::settle_background_names(tx)?;
        let id = event.id;
        let attribute_count = update_event(tx, actor, event, incoming)?;
        return Ok(Saved {
            id,
            added: false,
            attribute_count,
        });
    }
    let uuid = new_event_uuid(actor, incoming)?;
    let event = insert_event(tx, actor, incoming, uuid)?;
    Ok(Saved {
        id: event.id,
        added: true,
        attribute_count: event.attribute_count,
    })
}

/// The uuid of an event the actor adds: the body's, or a new one.
fn new_event_uuid(actor: &Actor, incoming: &InEvent) -> Result<String> {
    if !jisr_policy::can_add_event(actor) {
        return Err(crate::error::no_permission());
    }
    match &incoming.uuid {
        Some(u) => valid_uuid(u, "Event"),
        None => Ok(uuid::Uuid::new_v4().to_string()),
    }
}

/// The new event with everything inside it; its uuid is free.
fn insert_event(tx: &mut dyn Tx, actor: &Actor, incoming: &InEvent, uuid: String) -> Result<Event> {
    let info = incoming.info.clone().unwrap_or_default();
    if info.trim().is_empty() {
        return Err(field_error(
            "Event: the info field is empty",
            "info",
            "Info cannot be empty.",
        ));
    }
    let date = match &incoming.date {
        Some(d) => parse_date(d).ok_or_else(|| {
            field_error(
                &format!("Event: '{d}' is not a date"),
                "date",
                "Expected a date as YYYY-MM-DD.",
            )
        })?,
        None => today(),
    };
    let default_distribution = settings::get_i64(tx, "MISP.default_event_distribution", 1)?;
    let t = now();
    let distribution =
        check_event_distribution(incoming.distribution.unwrap_or(default_distribution))?;
    let published = incoming.published.unwrap_or(false) && actor.can("perm_publish");
    let mut event = Event {
        uuid,
        org_id: actor.org_id,
        orgc_id: resolve_orgc(tx, actor, incoming.orgc.as_ref())?,
        info,
        date,
        threat_level_id: check_threat_level(
            incoming.threat_level_id.unwrap_or(settings::get_i64(
                tx,
                "MISP.default_event_threat_level",
                4,
            )?),
        )?,
        analysis: check_analysis(incoming.analysis.unwrap_or(0))?,
        distribution,
        sharing_group_id: if distribution == 4 {
            incoming.sharing_group_id.unwrap_or(0)
        } else {
            0
        },
        published,
        publish_timestamp: if published {
            incoming.publish_timestamp.unwrap_or(t)
        } else {
            0
        },
        timestamp: incoming.timestamp.filter(|x| *x > 0).unwrap_or(t),
        extends_uuid: incoming.extends_uuid.clone().unwrap_or_default(),
        locked: actor.can("perm_sync") && !actor.is_site_admin(),
        disable_correlation: incoming.disable_correlation.unwrap_or(false),
        user_id: actor.user_id,
        ..Default::default()
    };
    check_event_sharing_group(tx, actor, &event)?;
    event.id = tx.event_insert(&event)?;
    apply_event_tags(tx, actor, event.id, &incoming.tags)?;
    let attributes = match fresh::save_new_children(tx, actor, &event, incoming)? {
        Some(written) => {
            // The new event holds exactly what was written: its count is
            // known here, and need not be counted by the store.
            event.attribute_count = written.iter().filter(|a| !a.deleted).count() as i64;
            tx.event_update_counted(&event)?;
            written
        }
        None => {
            save_children(tx, actor, &event, incoming, &mut Vec::new())?;
            event.attribute_count = tx.event_recount(event.id)?;
            tx.attributes_of_event(event.id)?
        }
    };
    // Everything in a new event is new: nothing of it is indexed yet.
    crate::correlation::refresh(tx, &event, &attributes, true)?;
    offer_to_push_links(tx, &event)?;
    Ok(event)
}
