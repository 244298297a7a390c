//! Correlations as a reader sees them, and how MISP shows them: `RelatedEvent`
//! on an event, `RelatedAttribute` on attributes (names add `score` and
//! `explanation`). Only attributes the reader is shown are probed, and the
//! other side is filtered by the reader's scope inside the store's query, so
//! nothing hidden is found, counted or hinted at.

use std::collections::{BTreeMap, HashMap, HashSet};

use jisr_model::wire::{event_row_json, org_ref_json};
use jisr_model::{Attribute, Event, EventTree};
use jisr_policy::Scope;
use jisr_store::{IpRange, Related, Tx};
use serde_json::{Map, Value, json};

use super::{Settings, effective, keys, objects_of};
use crate::error::Result;
use crate::event_read::org_ref;

/// One related attribute of another event, ready to show.
#[derive(Debug, Clone)]
pub struct RelatedAttribute {
    pub attribute: Attribute,
    pub event: Event,
    pub score: Option<f64>,
    pub explanation: Option<String>,
}

/// The correlations of the attributes a reader is shown from one event.
#[derive(Debug, Clone, Default)]
pub struct Correlations {
    /// By the id of the attribute of the event being read.
    pub by_attribute: BTreeMap<i64, Vec<RelatedAttribute>>,
    /// Related events, newest date first.
    pub events: Vec<Event>,
}

/// Correlations of `attributes` (all of `event`, all visible to `scope`).
pub fn related(
    tx: &mut dyn Tx,
    scope: &Scope,
    event: &Event,
    attributes: &[&Attribute],
) -> Result<Correlations> {
    let s = Settings::load(tx)?;
    if !s.enabled || event.disable_correlation || attributes.is_empty() {
        return Ok(Correlations::default());
    }
    let objects = if attributes.iter().any(|a| a.object_id > 0) {
        objects_of(tx, event.id)?
    } else {
        HashMap::new()
    };
    let prefixes = tx.correlation_prefixes()?;
    let mut probes: Vec<(i64, i64)> = vec![];
    let mut ranges: Vec<(i64, IpRange)> = vec![];
    let mut shown: HashSet<i64> = HashSet::new();
    for a in attributes {
        let Some(d) = effective(&s, event, a, objects.get(&a.object_id)) else {
            continue;
        };
        shown.insert(a.id);
        for k in keys::probes(&d, &prefixes) {
            probes.push((a.id, k));
        }
        if let Some(r) = d.range
            && r.prefix < 128
        {
            ranges.push((a.id, r));
        }
    }
    if shown.is_empty() {
        return Ok(Correlations::default());
    }
    let found = tx.correlation_related(event.id, &probes, &ranges, s.limit, scope)?;
    assemble(tx, found, &shown)
}

fn assemble(tx: &mut dyn Tx, found: Vec<Related>, shown: &HashSet<i64>) -> Result<Correlations> {
    // A name pair and an exact match may name the same two attributes: the
    // exact one (no score) is kept.
    let mut best: BTreeMap<(i64, i64), Related> = BTreeMap::new();
    for r in found.into_iter().filter(|r| shown.contains(&r.source_id)) {
        let k = (r.source_id, r.attribute_id);
        match best.get(&k) {
            Some(old) if old.score.is_none() => {}
            _ => {
                best.insert(k, r);
            }
        }
    }
    let ids: Vec<i64> = best
        .keys()
        .map(|(_, other)| *other)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let mut attributes: HashMap<i64, Attribute> = HashMap::new();
    for chunk in ids.chunks(500) {
        for a in tx.attributes_get(chunk)? {
            attributes.insert(a.id, a);
        }
    }
    // Every related event in one read: a view of an event with many
    // correlations named hundreds of them, one statement each. Only events
    // of related attributes that exist are read, so each one read is shown.
    let event_ids: Vec<i64> = best
        .iter()
        .filter(|((_, other), _)| attributes.contains_key(other))
        .map(|(_, r)| r.event_id)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let mut events: HashMap<i64, Event> = HashMap::new();
    for chunk in event_ids.chunks(500) {
        events.extend(tx.events_get(chunk)?.into_iter().map(|e| (e.id, e)));
    }
    let mut out = Correlations::default();
    for ((source, other), r) in best {
        let Some(a) = attributes.get(&other) else {
            continue;
        };
        let Some(e) = events.get(&r.event_id) else {
            continue;
        };
        out.by_attribute
            .entry(source)
            .or_default()
            .push(RelatedAttribute {
                attribute: a.clone(),
                event: e.clone(),
                score: r.score,
                explanation: r.explanation,
            });
    }
    let mut list: Vec<Event> = events.into_values().collect();
    list.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
    out.events = list;
    Ok(out)
}

/// Correlations of the attributes shown in a loaded event tree.
pub fn related_of_tree(tx: &mut dyn Tx, scope: &Scope, tree: &EventTree) -> Result<Correlations> {
    let mut attributes: Vec<&Attribute> = tree.attributes.iter().map(|a| &a.attribute).collect();
    for o in &tree.objects {
        attributes.extend(o.attributes.iter().map(|a| &a.attribute));
    }
    related(tx, scope, &tree.event, &attributes)
}

/// MISP's `RelatedAttribute` entry (its JSON export's shape).
pub fn related_attribute_json(r: &RelatedAttribute) -> Value {
    let mut v = json!({
        "id": r.attribute.id.to_string(),
        "value": r.attribute.value(),
        "org_id": r.event.org_id.to_string(),
        "info": r.event.info,
        "event_id": r.event.id.to_string(),
        "type": r.attribute.attr_type,
    });
    if let (Some(score), Some(m)) = (r.score, v.as_object_mut()) {
        m.insert("score".into(), json!((score * 1000.0).round() / 1000.0));
        m.insert(
            "explanation".into(),
            Value::String(r.explanation.clone().unwrap_or_default()),
        );
    }
    v
}

/// MISP's `RelatedEvent` list.
pub fn related_events_json(tx: &mut dyn Tx, c: &Correlations) -> Result<Value> {
    let mut list = vec![];
    for e in &c.events {
        let row = event_row_json(e);
        let mut m = Map::new();
        for k in [
            "id",
            "date",
            "threat_level_id",
            "info",
            "published",
            "uuid",
            "analysis",
            "timestamp",
            "distribution",
            "org_id",
            "orgc_id",
        ] {
            if let Some(v) = row.get(k) {
                m.insert(k.into(), v.clone());
            }
        }
        m.insert("Org".into(), org_ref_json(&org_ref(tx, e.org_id)?));
        m.insert("Orgc".into(), org_ref_json(&org_ref(tx, e.orgc_id)?));
        list.push(json!({"Event": Value::Object(m)}));
    }
    Ok(Value::Array(list))
}

/// Puts `RelatedEvent` (and, with `granular`, each attribute's
/// `RelatedAttribute`) into an event as `wire::event_json` renders it.
pub fn attach(tx: &mut dyn Tx, event: &mut Value, c: &Correlations, granular: bool) -> Result<()> {
    let related_events = related_events_json(tx, c)?;
    let Some(m) = event.as_object_mut() else {
        return Ok(());
    };
    m.insert("RelatedEvent".into(), related_events);
    if !granular {
        return Ok(());
    }
    let add = |attrs: &mut Value| {
        for a in attrs.as_array_mut().into_iter().flatten() {
            let id = a
                .get("id")
                .and_then(Value::as_str)
                .and_then(|s| s.parse::<i64>().ok());
            if let (Some(list), Some(am)) =
                (id.and_then(|i| c.by_attribute.get(&i)), a.as_object_mut())
            {
                am.insert(
                    "RelatedAttribute".into(),
                    list.iter().map(related_attribute_json).collect(),
                );
            }
        }
    };
    if let Some(attrs) = m.get_mut("Attribute") {
        add(attrs);
    }
    for o in m
        .get_mut("Object")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
    {
        if let Some(attrs) = o.get_mut("Attribute") {
            add(attrs);
        }
    }
    Ok(())
}
