//! `jisr import` and `jisr export`: MISP JSON in and out.

use std::io::{Read, Write};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use jisr_core::event_read::{ViewOptions, load_tree};
use jisr_core::event_write;
use jisr_model::wire::{InEvent, event_json, parse_event};
use jisr_store::DeferIndexes;
use serde_json::json;

use crate::instance::{Instance, admin_actor};
use crate::json_stream;

pub struct ImportReport {
    pub added: usize,
    pub updated: usize,
    pub attributes: usize,
}

/// Events written per transaction are bounded by their attributes, so one
/// huge event is a batch of its own. The events of a batch are held until
/// it commits, to write them again after a failure, which bounds it by
/// memory. A large load (the store deferred its indexes for it) from a
/// file reads the file again instead, so its batches are ten times larger:
/// at 10 million attributes each commit rewrote most pages of the
/// random-key indexes, so commits cost by their number. Other writers wait
/// for a batch to commit, which a large load makes them do longer.
const BATCH_ATTRIBUTES: usize = 100_000;
const BATCH_EVENTS: usize = 500;
const LARGE_BATCH_ATTRIBUTES: usize = 1_000_000;
const LARGE_BATCH_EVENTS: usize = 5_000;

/// Imports every event, each all-or-nothing, so that a bad event is reported
/// by its position and the events before it are kept. The document is read
/// as a stream: memory follows the largest batch, not the file.
///
/// Events are committed in batches: one commit per event rewrote the same
/// index pages (attribute uuids, values, correlation keys land on random
/// pages) once per event and wrote gigabytes for a file of megabytes. When an
/// event fails, its batch is rolled back and the events before it replayed
/// and committed, so what is kept is exactly what one commit per event kept.
pub fn import(instance: &Instance, source: &str, defer: DeferIndexes) -> Result<ImportReport> {
    let actor = admin_actor(instance)?;
    // A pipe or a named FIFO cannot be read twice.
    let (reader, size, rereadable): (Box<dyn Read>, u64, bool) = if source == "-" {
        (Box::new(std::io::stdin().lock()), 0, false)
    } else {
        let f = std::fs::File::open(source).with_context(|| format!("cannot read {source}"))?;
        let meta = f.metadata().ok();
        let size = meta.as_ref().map_or(0, |m| m.len());
        (Box::new(f), size, meta.is_some_and(|m| m.is_file()))
    };
    let deferred = instance.store.begin_bulk_load(size, defer)?;
    let imported = import_stream(
        instance,
        &actor,
        source,
        reader,
        size,
        rereadable && deferred,
    );
    // Built whether the import succeeded or not: what was committed is kept.
    if deferred {
        eprintln!("jisr: building the search indexes …");
    }
    instance
        .store
        .finish_bulk_load()
        .context("building the indexes put off during the import; they are built again when jisr next opens the database")?;
    imported
}

fn import_stream(
    instance: &Instance,
    actor: &jisr_policy::Actor,
    source: &str,
    reader: Box<dyn Read>,
    size: u64,
    large: bool,
) -> Result<ImportReport> {
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
    let mut batch = Batch {
        instance,
        actor,
        source,
        tx: None,
        scoring: jisr_core::correlation::BackgroundScoring::start()?,
        pending: if large {
            Pending::Reread { first: 0, count: 0 }
        } else {
            Pending::Held(vec![])
        },
        pending_attributes: 0,
        pending_counts: vec![],
        report: ImportReport {
            added: 0,
            updated: 0,
            attributes: 0,
        },
    };
    let mut position = 0;
    json_stream::for_each_event(reader, |raw| {
        position += 1;
        let i = position;
        let incoming = match parse_event(&raw) {
            Ok(e) => e,
            Err(e) => {
                batch.commit()?;
                return Err(anyhow::Error::new(e).context(format!("event {i} of {source}")));
            }
        };
        batch.add(i, incoming)?;
        bar.set_message(format!("{i} events"));
        Ok(())
    })
    .and_then(|_| batch.commit())
    .with_context(|| format!("importing {source}"))?;
    bar.finish_and_clear();
    Ok(batch.report)
}

/// How the events of the open batch can be written again.
enum Pending {
    /// Position and content of each.
    Held(Vec<(usize, InEvent)>),
    /// Positions `first..first + count` of the file, read again (a large load).
    Reread { first: usize, count: usize },
}

impl Pending {
    fn len(&self) -> usize {
        match self {
            Pending::Held(v) => v.len(),
            Pending::Reread { count, .. } => *count,
        }
    }

    fn bounds(&self) -> (usize, usize) {
        match self {
            Pending::Held(_) => (BATCH_ATTRIBUTES, BATCH_EVENTS),
            Pending::Reread { .. } => (LARGE_BATCH_ATTRIBUTES, LARGE_BATCH_EVENTS),
        }
    }

    fn push(&mut self, position: usize, event: InEvent) {
        match self {
            Pending::Held(v) => v.push((position, event)),
            Pending::Reread { first, count } => {
                if *count == 0 {
                    *first = position;
                }
                *count += 1;
            }
        }
    }

    fn clear(&mut self) {
        match self {
            Pending::Held(v) => v.clear(),
            Pending::Reread { count, .. } => *count = 0,
        }
    }
}

/// The open import transaction and the events written in it so far.
struct Batch<'a> {
    instance: &'a Instance,
    actor: &'a jisr_policy::Actor,
    source: &'a str,
    tx: Option<Box<dyn jisr_store::Tx + 'a>>,
    /// Scores the names of each event while the next is written; what it
    /// still holds goes into `tx` before the commit.
    scoring: jisr_core::correlation::BackgroundScoring,
    /// The events in `tx`, to replay after a failure.
    pending: Pending,
    pending_attributes: usize,
    /// (added, attributes) of each event in `tx`, reported once it commits.
    pending_counts: Vec<(bool, usize)>,
    report: ImportReport,
}

impl<'a> Batch<'a> {
    fn add(&mut self, position: usize, incoming: InEvent) -> Result<()> {
        let size = incoming.attributes.len()
            + incoming
                .objects
                .iter()
                .map(|o| o.attributes.len())
                .sum::<usize>();
        let (most_attributes, most_events) = self.pending.bounds();
        if self.pending_attributes + size > most_attributes || self.pending.len() >= most_events {
            self.commit()?;
        }
        if let Err(e) = self.write(position, &incoming) {
            // Undo the whole batch, then keep the events before this one.
            self.tx = None;
            self.scoring.discard();
            self.pending_counts.clear();
            self.pending_attributes = 0;
            match std::mem::replace(&mut self.pending, Pending::Held(vec![])) {
                Pending::Held(before) => {
                    for (p, event) in before {
                        self.write(p, &event)?;
                    }
                }
                Pending::Reread { first, count } => self.reread(first, first + count)?,
            }
            self.commit()?;
            return Err(e);
        }
        self.pending.push(position, incoming);
        self.pending_attributes += size;
        Ok(())
    }

    /// Writes the events at positions `from..to` of the source file again.
    fn reread(&mut self, from: usize, to: usize) -> Result<()> {
        if from >= to {
            return Ok(());
        }
        let source = self.source;
        let f = std::fs::File::open(source).with_context(|| {
            format!("cannot read {source} again to keep the events before the failed one")
        })?;
        let mut position = 0;
        let done = json_stream::for_each_event(f, |raw| {
            position += 1;
            if position < from {
                return Ok(());
            }
            if position >= to {
                return Err(anyhow::Error::new(Replayed));
            }
            let event = parse_event(&raw)
                .with_context(|| format!("event {position} of {source} changed while importing"))?;
            self.write(position, &event)
        });
        match done {
            Err(e) if e.is::<Replayed>() => Ok(()),
            Err(e) => Err(e),
            Ok(_) => Ok(()),
        }
    }

    fn write(&mut self, i: usize, incoming: &InEvent) -> Result<()> {
        let source = self.source;
        if self.tx.is_none() {
            self.tx = Some(self.instance.store.write_all_or_nothing()?);
        }
        let Some(tx) = self.tx.as_mut() else {
            return Ok(());
        };
        let saved = event_write::add_or_edit_event(tx.as_mut(), self.actor, incoming)
            .with_context(|| match &incoming.uuid {
                Some(u) => format!("event {i} of {source} (uuid {u})"),
                None => format!("event {i} of {source}"),
            })?;
        let (id, added, count) = (saved.id, saved.added, saved.attribute_count);
        let what = jisr_core::audit::What {
            model: "events".into(),
            model_id: id,
            model_uuid: incoming.uuid.clone().unwrap_or_default(),
            action: "import".into(),
            change: format!("{source}: {count} attributes"),
        };
        jisr_core::audit::record(
            tx.as_mut(),
            &self.instance.secret,
            &cli_who(self.actor),
            what,
        )?;
        // The server runs this event's last writes while the next is read.
        tx.send_held_writes()?;
        // Counted now, kept only if the batch commits (a replay counts again).
        self.pending_counts.push((added, count as usize));
        Ok(())
    }

    fn commit(&mut self) -> Result<()> {
        if let Some(mut tx) = self.tx.take() {
            self.scoring.settle(tx.as_mut())?;
            tx.commit()?;
        }
        for (added, count) in self.pending_counts.drain(..) {
            if added {
                self.report.added += 1;
            } else {
                self.report.updated += 1;
            }
            self.report.attributes += count;
        }
        self.pending.clear();
        self.pending_attributes = 0;
        Ok(())
    }
}

/// Stops reading the file once the events before the failed one are written.
#[derive(Debug)]
struct Replayed;

impl std::fmt::Display for Replayed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("replayed")
    }
}

impl std::error::Error for Replayed {}

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
