//! Sightings: someone saw this value (0), it is a false positive (1), or it expires (2).

use jisr_model::wire::{InSighting, now};
use jisr_model::{Attribute, Event, Sighting};
use jisr_policy::{Actor, Scope};
use jisr_store::{SearchQuery, TermFilter, Tx};

use crate::error::{Result, invalid, not_found};

fn check_type(t: i64) -> Result<i64> {
    if (0..=2).contains(&t) {
        Ok(t)
    } else {
        Err(invalid(
            "sighting type must be 0 (sighting), 1 (false positive) or 2 (expiration)",
        ))
    }
}

/// A sighting on a published event travels to the push links (which send
/// sightings when their `push_sightings` is on).
pub fn offer_to_push_links(tx: &mut dyn Tx, event: &Event) -> Result<()> {
    if event.published {
        tx.outbox_append(event.id, now())?;
    }
    Ok(())
}

/// Stores a sighting that arrived inside an event or attribute body.
pub fn store_incoming(
    tx: &mut dyn Tx,
    actor: &Actor,
    event: &Event,
    attribute_id: i64,
    s: &InSighting,
) -> Result<()> {
    if let Some(u) = &s.uuid
        && tx.sighting_by_uuid(u)?.is_some()
    {
        return Ok(());
    }
    let org_id = match (&s.org, actor.can("perm_sync")) {
        (Some(o), true) => match &o.uuid {
            Some(u) => tx.org_by_uuid(u)?.map(|o| o.id).unwrap_or(actor.org_id),
            None => actor.org_id,
        },
        _ => actor.org_id,
    };
    let sighting = Sighting {
        id: 0,
        uuid: s
            .uuid
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        attribute_id,
        event_id: event.id,
        org_id,
        date_sighting: s.date_sighting.unwrap_or_else(now),
        source: s.source.clone().unwrap_or_default(),
        sighting_type: check_type(s.sighting_type.unwrap_or(0))?,
    };
    tx.sighting_insert(&sighting)?;
    // Pulls compare it to decide whether an event's sightings changed.
    if let Some(mut e) = tx.event_get(event.id)?
        && e.sighting_timestamp < sighting.date_sighting
    {
        e.sighting_timestamp = sighting.date_sighting;
        tx.event_update(&e)?;
    }
    Ok(())
}

/// What `/sightings/add` names: one attribute (id or uuid) or every visible attribute with a value.
pub enum Target {
    Attribute(String),
    Values(Vec<String>),
}

/// `/sightings/add`: returns the sightings created.
pub fn add(
    tx: &mut dyn Tx,
    actor: &Actor,
    target: Target,
    s: &InSighting,
) -> Result<Vec<Sighting>> {
    if !jisr_policy::can_sight(actor) {
        return Err(crate::error::no_permission());
    }
    let scope = jisr_policy::scope(actor);
    let attributes: Vec<Attribute> = match target {
        Target::Attribute(r) => vec![crate::attributes::visible_attribute(tx, &scope, &r)?.0],
        Target::Values(values) => {
            let q = SearchQuery {
                values: TermFilter {
                    any_of: values,
                    none_of: vec![],
                },
                ..Default::default()
            };
            let ids = tx.search_attributes(&q, &scope)?;
            tx.attributes_get(&ids)?
        }
    };
    if attributes.is_empty() {
        return Err(not_found(
            "No valid attribute found that matches the given criteria.",
        ));
    }
    let mut out = vec![];
    for a in attributes {
        let sighting = Sighting {
            id: 0,
            uuid: s
                .uuid
                .clone()
                .filter(|_| out.is_empty())
                .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
            attribute_id: a.id,
            event_id: a.event_id,
            org_id: actor.org_id,
            date_sighting: s.date_sighting.unwrap_or_else(now),
            source: s.source.clone().unwrap_or_default(),
            sighting_type: check_type(s.sighting_type.unwrap_or(0))?,
        };
        let id = tx.sighting_insert(&sighting)?;
        if let Some(mut e) = tx.event_get(a.event_id)? {
            e.sighting_timestamp = sighting.date_sighting;
            tx.event_update(&e)?;
            offer_to_push_links(tx, &e)?;
        }
        out.push(Sighting { id, ..sighting });
    }
    Ok(out)
}

/// Sightings of an attribute or an event the scope may see.
pub fn list_for_attribute(
    tx: &mut dyn Tx,
    scope: &Scope,
    reference: &str,
) -> Result<Vec<Sighting>> {
    let (a, _) = crate::attributes::visible_attribute(tx, scope, reference)?;
    Ok(tx.sightings_of_attribute(a.id)?)
}

pub fn list_for_event(tx: &mut dyn Tx, scope: &Scope, reference: &str) -> Result<Vec<Sighting>> {
    let event = crate::event_read::visible_event(tx, scope, reference)?;
    // The attributes the scope sees are exactly those a view of the event shows.
    let tree = crate::event_read::load_tree(tx, scope, event.clone(), Default::default())?;
    let visible: std::collections::HashSet<i64> = tree
        .attributes
        .iter()
        .chain(tree.objects.iter().flat_map(|o| o.attributes.iter()))
        .map(|a| a.attribute.id)
        .collect();
    Ok(tx
        .sightings_of_event(event.id)?
        .into_iter()
        .filter(|s| visible.contains(&s.attribute_id))
        .collect())
}

/// Filters of `/sightings/restSearch`.
#[derive(Debug, Default, Clone)]
pub struct SightingFilter {
    /// `attribute` or `event`, with the id or uuid of that context.
    pub context: Option<(String, String)>,
    pub sighting_type: Option<i64>,
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub org_id: Option<i64>,
    pub source: Option<String>,
}

/// Sightings the scope may see (on visible attributes), filtered.
pub fn search(tx: &mut dyn Tx, scope: &Scope, f: &SightingFilter) -> Result<Vec<Sighting>> {
    let candidates = match &f.context {
        Some((ctx, id)) if ctx == "event" => list_for_event(tx, scope, id)?,
        Some((_, id)) => list_for_attribute(tx, scope, id)?,
        None => {
            let mut visible = vec![];
            let mut seen: std::collections::HashMap<i64, bool> = std::collections::HashMap::new();
            for s in tx.sightings_between(f.from, f.to)? {
                let ok = match seen.get(&s.attribute_id) {
                    Some(v) => *v,
                    None => {
                        let v = crate::attributes::visible_attribute(
                            tx,
                            scope,
                            &s.attribute_id.to_string(),
                        )
                        .is_ok();
                        seen.insert(s.attribute_id, v);
                        v
                    }
                };
                if ok {
                    visible.push(s);
                }
            }
            visible
        }
    };
    Ok(candidates
        .into_iter()
        .filter(|s| f.sighting_type.is_none_or(|t| s.sighting_type == t))
        .filter(|s| f.from.is_none_or(|t| s.date_sighting >= t))
        .filter(|s| f.to.is_none_or(|t| s.date_sighting <= t))
        .filter(|s| f.org_id.is_none_or(|o| s.org_id == o))
        .filter(|s| f.source.as_ref().is_none_or(|src| &s.source == src))
        .collect())
}
