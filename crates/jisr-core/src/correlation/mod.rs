//! Correlation: which attributes of other events hold the same value (after
//! per-type normalisation), an address inside a network, or a name that the
//! name engine matches across scripts.
//!
//! The index keeps one row per attribute and key (`keys`), written in the
//! transaction of every attribute write; related attributes are found when
//! an event is read, by joining on those keys with the reader's scope in the
//! same query (`read`). Name matches are scored when the name is written and
//! stored with their score and explanation (`names`). MISP's controls apply:
//! `disable_correlation` on events and attributes, exclusions
//! (`exclusions`), and `MISP.correlation_limit`, above which a key is
//! over-correlating and not expanded.

mod background;
pub mod exclusions;
pub mod keys;
mod name_keys;
mod names;
pub mod read;
pub mod upgrade;

use std::collections::HashMap;

use jisr_model::{Attribute, Event};
use jisr_store::{CorrelationEntry, Tx};

use crate::error::Result;
use crate::settings;

pub use background::BackgroundScoring;
pub(crate) use background::settle as settle_background_names;

/// The settings and exclusions in force for one write or read.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `MISP.completely_disable_correlation` off.
    pub enabled: bool,
    /// `MISP.correlation_limit`: holders a key may have and still be expanded.
    pub limit: i64,
    /// `jisr.correlation.name_threshold`: the lowest name score stored.
    pub name_threshold: f64,
    /// `jisr.correlation.name_block_limit`: a name blocking key held by more
    /// attributes than this is too common to find candidates with (every
    /// candidate costs a full score).
    pub name_block_limit: i64,
    pub exclusions: Vec<String>,
}

impl Settings {
    pub fn load(tx: &mut dyn Tx) -> Result<Settings> {
        let threshold = settings::get(tx, "jisr.correlation.name_threshold")?
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|t| t.is_finite())
            .unwrap_or(jisr_names::DEFAULT_THRESHOLD);
        Ok(Settings {
            enabled: settings::get(tx, "MISP.completely_disable_correlation")? != "1",
            limit: settings::get_i64(tx, "MISP.correlation_limit", 100)?.max(1),
            name_threshold: threshold,
            name_block_limit: settings::get_i64(tx, "jisr.correlation.name_block_limit", 50)?
                .max(1),
            exclusions: tx
                .correlation_exclusions()?
                .into_iter()
                .map(|x| x.value)
                .collect(),
        })
    }

    fn excluded(&self, value: &str) -> bool {
        self.exclusions
            .iter()
            .any(|p| keys::wildcard_match(p, value))
    }
}

/// What one attribute contributes once the controls are applied; `None`
/// when it correlates with nothing (deleted, disabled, excluded).
pub(crate) fn effective(
    s: &Settings,
    event: &Event,
    a: &Attribute,
    object: Option<&ObjectFacts>,
) -> Option<keys::Derived> {
    if !s.enabled
        || event.disable_correlation
        || a.disable_correlation
        || a.deleted
        || object.is_some_and(|o| o.deleted)
        || s.excluded(&a.value())
    {
        return None;
    }
    let mut d = keys::derive(a, object.map(|o| o.name.as_str()));
    if s.exclusions.is_empty() {
        return Some(d);
    }
    // An excluded half correlates with nothing; the other half still does.
    let mut kept_keys = vec![];
    let mut kept_parts = vec![];
    for (part, key) in d.parts.iter().zip(d.keys.iter()) {
        if !s.excluded(part) {
            kept_parts.push(part.clone());
            kept_keys.push(*key);
        }
    }
    if keys::ip_part(a).is_some_and(|v| s.excluded(v)) {
        d.range = None;
    } else if d.keys.len() > d.parts.len() {
        // The network key follows the part keys.
        kept_keys.extend_from_slice(&d.keys[d.parts.len()..]);
    }
    d.keys = kept_keys;
    d.parts = kept_parts;
    Some(d)
}

/// The object facts correlation needs: its template name and whether it is deleted.
#[derive(Debug, Clone)]
pub(crate) struct ObjectFacts {
    pub name: String,
    pub deleted: bool,
}

pub(crate) fn objects_of(tx: &mut dyn Tx, event_id: i64) -> Result<HashMap<i64, ObjectFacts>> {
    Ok(tx
        .objects_of_event(event_id)?
        .into_iter()
        .map(|o| {
            (
                o.id,
                ObjectFacts {
                    name: o.name,
                    deleted: o.deleted,
                },
            )
        })
        .collect())
}

/// Brings the index up to date for attributes of `event` just written
/// (`fresh`: none of them had anything indexed, as in a new event).
pub fn refresh(
    tx: &mut dyn Tx,
    event: &Event,
    attributes: &[Attribute],
    fresh: bool,
) -> Result<()> {
    if attributes.is_empty() {
        return Ok(());
    }
    let s = Settings::load(tx)?;
    refresh_with(tx, &s, event, attributes, fresh)
}

pub(crate) fn refresh_with(
    tx: &mut dyn Tx,
    s: &Settings,
    event: &Event,
    attributes: &[Attribute],
    fresh: bool,
) -> Result<()> {
    let objects = if attributes.iter().any(|a| a.object_id > 0) {
        objects_of(tx, event.id)?
    } else {
        HashMap::new()
    };
    let mut entries = Vec::with_capacity(attributes.len());
    let mut named = vec![];
    for a in attributes {
        let d = effective(s, event, a, objects.get(&a.object_id));
        let mut entry = CorrelationEntry {
            attribute_id: a.id,
            event_id: event.id,
            ..Default::default()
        };
        if let Some(d) = d {
            entry.keys = d.keys;
            entry.range = d.range;
            if let Some((kind, name_keys)) = d.name
                && !name_keys.is_empty()
            {
                entry.keys.extend(&name_keys);
                named.push(names::Named {
                    attribute: a,
                    kind,
                    keys: name_keys,
                });
            }
        }
        entry.keys.sort_unstable();
        entry.keys.dedup();
        entries.push(entry);
    }
    if fresh {
        tx.correlation_add(&entries)?;
    } else {
        tx.correlation_put(&entries)?;
    }
    background::note_indexed(&entries, fresh);
    background::remember(named.iter().map(|n| {
        let a = n.attribute;
        let known = names::KnownName {
            event_id: a.event_id,
            value: a.value1.as_str().into(),
            kind: Some(n.kind),
        };
        (a.id, known)
    }));
    names::match_all(tx, s, &named)?;
    Ok(())
}

/// Re-indexes every attribute of an event (its `disable_correlation` changed).
pub fn refresh_event(tx: &mut dyn Tx, event: &Event) -> Result<()> {
    let attributes = tx.attributes_of_event(event.id)?;
    refresh(tx, event, &attributes, false)
}

/// Re-indexes attributes by id (they may belong to several events).
pub fn refresh_ids(tx: &mut dyn Tx, ids: &[i64]) -> Result<()> {
    let s = Settings::load(tx)?;
    let mut by_event: HashMap<i64, Vec<Attribute>> = HashMap::new();
    for chunk in ids.chunks(500) {
        for a in tx.attributes_get(chunk)? {
            by_event.entry(a.event_id).or_default().push(a);
        }
    }
    let mut events: Vec<_> = by_event.into_iter().collect();
    events.sort_by_key(|(id, _)| *id);
    for (event_id, attributes) in events {
        if let Some(event) = tx.event_get(event_id)? {
            refresh_with(tx, &s, &event, &attributes, false)?;
        }
    }
    Ok(())
}

/// Progress of a rebuild: events done of all, attributes indexed so far.
pub trait Progress {
    fn event_done(&mut self, attributes: u64);
}

/// Indexes whole events whose attributes have nothing indexed (after
/// [`clear`], in a rebuild), in the caller's transaction.
pub fn index_events(
    tx: &mut dyn Tx,
    s: &Settings,
    event_ids: &[i64],
    progress: &mut dyn Progress,
) -> Result<()> {
    for id in event_ids {
        let Some(event) = tx.event_get(*id)? else {
            continue;
        };
        let attributes = tx.attributes_of_event(event.id)?;
        refresh_with(tx, s, &event, &attributes, true)?;
        progress.event_done(attributes.len() as u64);
    }
    Ok(())
}

/// Empties the index (the start of a rebuild).
pub fn clear(tx: &mut dyn Tx) -> Result<()> {
    tx.correlation_clear()?;
    // Whatever is indexed from here on follows this build's name keys.
    upgrade::mark_name_keys_current(tx)
}

/// Over-correlating keys, most held first, as `(what, holders)`: the value
/// part (or name, or network) of one holder that produces the key.
pub fn over_correlating(tx: &mut dyn Tx, limit: i64) -> Result<Vec<(String, i64)>> {
    let mut out = vec![];
    for (key, holders, sample) in tx.correlation_over_limit(limit)? {
        let Some(a) = tx.attribute_get(sample)? else {
            continue;
        };
        let object = if a.object_id > 0 {
            tx.object_get(a.object_id)?.map(|o| o.name)
        } else {
            None
        };
        let d = keys::derive(&a, object.as_deref());
        let what = if let Some(i) = d.keys.iter().position(|k| *k == key) {
            d.parts
                .get(i)
                .cloned()
                .unwrap_or_else(|| format!("network {}", a.value()))
        } else if d.name.as_ref().is_some_and(|(_, k)| k.contains(&key)) {
            format!("a name part shared by \"{}\"", a.value1)
        } else {
            a.value()
        };
        out.push((what, holders));
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn settings(exclusions: &[&str]) -> Settings {
        Settings {
            enabled: true,
            limit: 100,
            name_threshold: 0.75,
            name_block_limit: 50,
            exclusions: exclusions.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn attr(t: &str, v1: &str, v2: &str) -> Attribute {
        Attribute {
            attr_type: t.into(),
            value1: v1.into(),
            value2: v2.into(),
            ..Default::default()
        }
    }

    #[test]
    fn an_excluded_half_leaves_the_other() {
        let e = Event::default();
        let a = attr("domain|ip", "evil.example", "8.8.8.8");
        let all = effective(&settings(&[]), &e, &a, None).unwrap();
        assert_eq!(all.keys.len(), 2);
        assert!(all.range.is_some());
        let d = effective(&settings(&["8.8.%"]), &e, &a, None).unwrap();
        assert_eq!(d.parts, vec!["evil.example".to_string()]);
        assert_eq!(d.keys.len(), 1);
        assert!(d.range.is_none(), "an excluded address has no range either");
        assert!(effective(&settings(&["evil.example|8.8.8.8"]), &e, &a, None).is_none());
        let net = attr("ip-src", "10.0.0.0/8", "");
        let kept = effective(&settings(&["evil%"]), &e, &net, None).unwrap();
        assert_eq!(kept.keys.len(), 2, "the value and its network");
    }

    #[test]
    fn controls_switch_correlation_off() {
        let a = attr("md5", "d41d8cd98f00b204e9800998ecf8427e", "");
        let s = settings(&[]);
        let e = Event::default();
        assert!(effective(&s, &e, &a, None).is_some());
        let disabled_event = Event {
            disable_correlation: true,
            ..Default::default()
        };
        assert!(effective(&s, &disabled_event, &a, None).is_none());
        let mut off = a.clone();
        off.disable_correlation = true;
        assert!(effective(&s, &e, &off, None).is_none());
        let mut gone = a.clone();
        gone.deleted = true;
        assert!(effective(&s, &e, &gone, None).is_none());
        let in_deleted_object = ObjectFacts {
            name: "file".into(),
            deleted: true,
        };
        assert!(effective(&s, &e, &a, Some(&in_deleted_object)).is_none());
        let off_everywhere = Settings {
            enabled: false,
            ..s
        };
        assert!(effective(&off_everywhere, &e, &a, None).is_none());
    }
}
