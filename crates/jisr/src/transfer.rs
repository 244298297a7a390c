//! `jisr import` and `jisr export`: MISP JSON in and out.

use std::io::{Read, Write};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use jisr_core::event_read::{ViewOptions, load_tree};
use jisr_core::event_write;
use jisr_model::wire::{event_json, parse_event};
use serde_json::json;

use crate::instance::{Instance, admin_actor};
use crate::json_stream;

pub struct ImportReport {
    pub added: usize,
    pub updated: usize,
    pub attributes: usize,
}

/// Imports every event, each in its own transaction, so that a bad event
/// is reported by its position and the events before it are kept. The
/// document is read as a stream: memory follows the largest event.
pub fn import(instance: &Instance, source: &str) -> Result<ImportReport> {
    let actor = admin_actor(instance)?;
    let (reader, size): (Box<dyn Read>, u64) = if source == "-" {
        (Box::new(std::io::stdin().lock()), 0)
    } else {
        let f = std::fs::File::open(source).with_context(|| format!("cannot read {source}"))?;
        let size = f.metadata().map(|m| m.len()).unwrap_or(0);
        (Box::new(f), size)
    };
    // Progress by bytes read: the number of events is known only at the end.
    let bar = if size > 1_000_000 {
        let b = ProgressBar::new(size);
        b.set_style(
            ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {msg}, eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let reader = bar.wrap_read(reader);
    let mut report = ImportReport {
        added: 0,
        updated: 0,
        attributes: 0,
    };
    let mut position = 0;
    json_stream::for_each_event(reader, |raw| {
        position += 1;
        let i = position;
        let incoming = parse_event(&raw).with_context(|| format!("event {i} of {source}"))?;
        let mut tx = instance.store.write_all_or_nothing()?;
        let existing = match &incoming.uuid {
            Some(u) => tx.event_by_uuid(u)?,
            None => None,
        };
        let id = match existing {
            Some(e) => {
                let id = e.id;
                event_write::edit_event(tx.as_mut(), &actor, e, &incoming).with_context(|| {
                    format!(
                        "event {i} of {source} (uuid {})",
                        incoming.uuid.clone().unwrap_or_default()
                    )
                })?;
                report.updated += 1;
                id
            }
            None => {
                let id = event_write::add_event(tx.as_mut(), &actor, &incoming)
                    .with_context(|| format!("event {i} of {source}"))?;
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
        bar.set_message(format!("{i} events"));
        Ok(())
    })
    .with_context(|| format!("importing {source}"))?;
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
