//! Event reports: markdown documents attached to an event.

use jisr_model::wire::{InReport, now};
use jisr_model::{Event, EventReport};
use jisr_policy::{Actor, Scope};
use jisr_store::Tx;

use crate::error::{Result, field_error, not_found};

/// Inserts or updates a report of `event` (matched by uuid).
pub fn save(tx: &mut dyn Tx, event: &Event, incoming: &InReport, path: &str) -> Result<i64> {
    let existing = match &incoming.uuid {
        Some(u) => tx.report_by_uuid(u)?,
        None => None,
    };
    let mut r = existing.clone().unwrap_or_else(|| EventReport {
        uuid: incoming
            .uuid
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        distribution: 5,
        event_id: event.id,
        ..Default::default()
    });
    if r.event_id != event.id {
        return Err(field_error(
            &format!("{path}: the report belongs to another event"),
            "uuid",
            "uuid in use",
        ));
    }
    if let Some(old) = &existing
        && incoming.timestamp.is_some_and(|t| t <= old.timestamp)
    {
        return Ok(old.id);
    }
    if let Some(n) = &incoming.name {
        r.name = n.clone();
    }
    if r.name.trim().is_empty() {
        return Err(field_error(
            &format!("{path}: the report has no name"),
            "name",
            "Please provide a name",
        ));
    }
    if let Some(c) = &incoming.content {
        r.content = c.clone();
    }
    if let Some(d) = incoming.distribution {
        if !(0..=5).contains(&d) {
            return Err(field_error(
                &format!("{path}: invalid distribution {d}"),
                "distribution",
                "distribution must be 0 to 5",
            ));
        }
        r.distribution = d;
    }
    if let Some(sg) = incoming.sharing_group_id {
        r.sharing_group_id = if r.distribution == 4 { sg } else { 0 };
    }
    if let Some(d) = incoming.deleted {
        r.deleted = d;
    }
    r.timestamp = incoming.timestamp.filter(|t| *t > 0).unwrap_or_else(now);
    match existing {
        Some(_) => {
            tx.report_update(&r)?;
            Ok(r.id)
        }
        None => Ok(tx.report_insert(&r)?),
    }
}

/// A report by id or uuid, if its event and the report itself are visible.
pub fn visible_report(
    tx: &mut dyn Tx,
    scope: &Scope,
    reference: &str,
) -> Result<(EventReport, Event)> {
    let r = reference.trim();
    let report = match r.parse::<i64>() {
        Ok(id) => tx.report_get(id)?,
        Err(_) => tx.report_by_uuid(r)?,
    };
    let missing = || not_found("Invalid Event Report");
    let report = report.ok_or_else(missing)?;
    let event = tx.event_get(report.event_id)?.ok_or_else(missing)?;
    let cap = crate::event_read::event_cap(tx, event.id)?;
    if !scope.sees_event(&event, cap)
        || !scope.sees_element(
            &event,
            report.distribution,
            report.sharing_group_id,
            jisr_policy::tlp::Cap::None,
        )
    {
        return Err(missing());
    }
    Ok((report, event))
}

pub fn add(
    tx: &mut dyn Tx,
    actor: &Actor,
    event: &mut Event,
    incoming: &InReport,
) -> Result<EventReport> {
    if !jisr_policy::can_modify_event(actor, event) {
        return Err(crate::error::no_permission());
    }
    let mut fresh = incoming.clone();
    fresh.uuid = fresh
        .uuid
        .or_else(|| Some(uuid::Uuid::new_v4().to_string()));
    let id = save(tx, event, &fresh, "EventReport")?;
    crate::event_write::touch(tx, event)?;
    tx.report_get(id)?
        .ok_or_else(|| not_found("Invalid Event Report"))
}

pub fn edit(
    tx: &mut dyn Tx,
    actor: &Actor,
    report: EventReport,
    mut event: Event,
    incoming: &InReport,
) -> Result<EventReport> {
    if !jisr_policy::can_modify_event(actor, &event) {
        return Err(crate::error::no_permission());
    }
    let mut change = incoming.clone();
    change.uuid = Some(report.uuid.clone());
    change.timestamp = None;
    let id = save(tx, &event, &change, "EventReport")?;
    crate::event_write::touch(tx, &mut event)?;
    tx.report_get(id)?
        .ok_or_else(|| not_found("Invalid Event Report"))
}

pub fn delete(
    tx: &mut dyn Tx,
    actor: &Actor,
    mut report: EventReport,
    mut event: Event,
    hard: bool,
) -> Result<()> {
    if !jisr_policy::can_modify_event(actor, &event) {
        return Err(crate::error::no_permission());
    }
    if hard {
        tx.report_delete(report.id)?;
    } else {
        report.deleted = true;
        report.timestamp = now();
        tx.report_update(&report)?;
    }
    crate::event_write::touch(tx, &mut event)
}
