//! `jisr import` and `jisr export`: MISP JSON in and out.

use std::io::{Read, Write};

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use jisr_core::event_read::{ViewOptions, load_tree};
use jisr_core::event_write;
use jisr_model::wire::{event_json, parse_event};
use serde_json::{Value, json};

use crate::instance::{Instance, admin_actor};

/// The events in a MISP JSON document: one event, a list, or a restSearch response.
fn events_in(doc: Value) -> Result<Vec<Value>> {
    let doc = match doc {
        Value::Object(mut m) if m.contains_key("response") => {
            m.remove("response").unwrap_or(Value::Null)
        }
        other => other,
    };
    match doc {
        Value::Array(items) => Ok(items),
        v @ Value::Object(_) => Ok(vec![v]),
        _ => bail!(
            "the file holds no MISP event: expected an event object, a list of events, or {{\"response\": [...]}}"
        ),
    }
}

pub struct ImportReport {
    pub added: usize,
    pub updated: usize,
    pub attributes: usize,
}

/// Imports every event, each in its own transaction, so that a bad event
/// is reported by its position and the others are kept.
pub fn import(instance: &Instance, source: &str) -> Result<ImportReport> {
    let mut text = String::new();
    if source == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read standard input")?;
    } else {
        text = std::fs::read_to_string(source).with_context(|| format!("cannot read {source}"))?;
    }
    let doc: Value =
        serde_json::from_str(&text).with_context(|| format!("{source} is not valid JSON"))?;
    let events = events_in(doc)?;
    let actor = admin_actor(instance)?;
    let bar = if events.len() > 20 {
        let b = ProgressBar::new(events.len() as u64);
        b.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} events, {per_sec}, eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let mut report = ImportReport {
        added: 0,
        updated: 0,
        attributes: 0,
    };
    for (i, raw) in events.iter().enumerate() {
        let incoming = parse_event(raw).with_context(|| format!("event {} of {source}", i + 1))?;
        let mut tx = instance.store.write()?;
        let existing = match &incoming.uuid {
            Some(u) => tx.event_by_uuid(u)?,
            None => None,
        };
        let id = match existing {
            Some(e) => {
                let id = e.id;
                event_write::edit_event(tx.as_mut(), &actor, e, &incoming).with_context(|| {
                    format!(
                        "event {} of {source} (uuid {})",
                        i + 1,
                        incoming.uuid.clone().unwrap_or_default()
                    )
                })?;
                report.updated += 1;
                id
            }
            None => {
                let id = event_write::add_event(tx.as_mut(), &actor, &incoming)
                    .with_context(|| format!("event {} of {source}", i + 1))?;
                report.added += 1;
                id
            }
        };
        let count = tx.event_recount(id)?;
        report.attributes += count as usize;
        let what = jisr_core::audit::What {
            model: "events".into(),
            model_id: id,
            model_uuid: incoming.uuid.clone().unwrap_or_default(),
            action: "import".into(),
            change: format!("{source}: {count} attributes"),
        };
        jisr_core::audit::record(tx.as_mut(), &instance.secret, &cli_who(&actor), what)?;
        tx.commit()?;
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(report)
}

/// The command line acts as the site admin, from this machine.
fn cli_who(actor: &jisr_policy::Actor) -> jisr_core::audit::Who {
    jisr_core::audit::Who {
        user_id: actor.user_id,
        org_id: actor.org_id,
        email: actor.email.clone(),
        authkey_id: 0,
        ip: "cli".into(),
    }
}

/// Writes every event as MISP JSON (`{"response": [{"Event": …}, …]}`).
pub fn export(instance: &Instance, out: &mut dyn Write) -> Result<usize> {
    let actor = admin_actor(instance)?;
    let scope = jisr_policy::scope(&actor);
    let mut tx = instance.store.read()?;
    let ids = tx.search_events(&jisr_store::SearchQuery::default(), &scope)?;
    write!(out, "{{\"response\": [")?;
    let mut written = 0;
    for id in &ids {
        let Some(e) = tx.event_get(*id)? else {
            continue;
        };
        let mut tree = load_tree(
            tx.as_mut(),
            &scope,
            e,
            ViewOptions {
                include_deleted: false,
                include_sightings: true,
                // An export is a complete copy: files travel with their attributes.
                include_attachments: true,
            },
        )?;
        // An export is a bulk copy: tlp:red events and attributes stay out of it.
        let red = |tags: &[jisr_model::TagLink]| {
            jisr_policy::tlp::keeps_out_of_bulk(tags.iter().map(|t| t.tag.name.as_str()))
        };
        if red(&tree.tags) {
            continue;
        }
        tree.attributes.retain(|a| !red(&a.tags));
        for o in &mut tree.objects {
            o.attributes.retain(|a| !red(&a.tags));
        }
        if written > 0 {
            write!(out, ",")?;
        }
        serde_json::to_writer(&mut *out, &json!({"Event": event_json(&tree)}))?;
        written += 1;
    }
    writeln!(out, "]}}")?;
    drop(tx);
    let mut log = instance.store.write()?;
    let what = jisr_core::audit::What {
        model: "events".into(),
        action: "export".into(),
        change: format!("{written} events exported"),
        ..Default::default()
    };
    jisr_core::audit::record(log.as_mut(), &instance.secret, &cli_who(&actor), what)?;
    log.commit()?;
    Ok(written)
}
