//! Search across everything the actor may see: event titles, attribute
//! values, and person and organisation names in either script (jisr-names
//! scores every visible name attribute against the query, so "Mahmoud
//! Tawfik" finds "محمود توفيق").

use std::collections::BTreeMap;

use jisr_names::{NameKind, match_names};
use jisr_store::{SearchQuery, TermFilter};
use minijinja::{Value, context};
use serde_json::json;

use super::events::event_rows;
use crate::ctx::{Ctx, PageResult};
use crate::render::html;

/// Attribute types that hold a person's name.
const NAME_TYPES: &[&str] = &["full-name", "first-name", "middle-name", "last-name"];
/// Object templates whose `name` attribute names an organisation.
const ORG_OBJECTS: &[&str] = &["organization", "legal-entity"];
/// How many visible name attributes one search scores at most.
const NAME_CANDIDATES: i64 = 20_000;
const SHOWN: usize = 50;

fn terms(any: Vec<String>) -> TermFilter {
    TermFilter {
        any_of: any,
        none_of: vec![],
    }
}

pub fn search(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let scope = jisr_policy::scope(&actor);
    let q = ctx.req.q("q").trim().to_string();
    if q.is_empty() {
        return html(ctx, "search.html", context! { q, searched => false });
    }
    let like = format!("%{}%", q.replace('%', ""));

    let by_info = SearchQuery {
        event_info: terms(vec![like.clone()]),
        limit: Some(SHOWN as i64),
        ..Default::default()
    };
    let event_ids = ctx.tx.search_events(&by_info, &scope)?;
    let events = event_rows(ctx.tx, &event_ids)?;

    let by_value = SearchQuery {
        values: terms(vec![like]),
        limit: Some(SHOWN as i64),
        ..Default::default()
    };
    let ids = ctx.tx.search_attributes(&by_value, &scope)?;
    let mut titles: BTreeMap<i64, String> = BTreeMap::new();
    let mut values = vec![];
    for a in ctx.tx.attributes_get(&ids)? {
        let title = event_title(ctx, &mut titles, a.event_id)?;
        values.push(json!({
            "event_id": a.event_id, "event": title, "type": a.attr_type,
            "category": a.category, "value": a.value(),
        }));
    }

    let by_type = SearchQuery {
        types: terms(NAME_TYPES.iter().map(|s| s.to_string()).collect()),
        limit: Some(NAME_CANDIDATES),
        ..Default::default()
    };
    let ids = ctx.tx.search_attributes(&by_type, &scope)?;
    let mut scored = vec![];
    for a in ctx.tx.attributes_get(&ids)? {
        let m = match_names(&q, &a.value1, NameKind::Person);
        if m.score >= jisr_names::DEFAULT_THRESHOLD {
            scored.push((m.score, m.explanation.to_string(), a));
        }
    }
    // Organisation names: the `name` of MISP's organisation objects.
    let by_org = SearchQuery {
        object_names: terms(ORG_OBJECTS.iter().map(|s| s.to_string()).collect()),
        object_relation: Some("name".into()),
        limit: Some(NAME_CANDIDATES),
        ..Default::default()
    };
    let ids = ctx.tx.search_attributes(&by_org, &scope)?;
    for a in ctx.tx.attributes_get(&ids)? {
        let m = match_names(&q, &a.value1, NameKind::Organization);
        if m.score >= jisr_names::DEFAULT_THRESHOLD {
            scored.push((m.score, m.explanation.to_string(), a));
        }
    }
    scored.sort_by(|x, y| y.0.total_cmp(&x.0));
    scored.truncate(SHOWN);
    let mut names = vec![];
    for (score, why, a) in scored {
        let title = event_title(ctx, &mut titles, a.event_id)?;
        names.push(json!({
            "event_id": a.event_id, "event": title, "type": a.attr_type, "value": a.value1,
            "score": (score * 100.0).round() as i64, "why": why,
        }));
    }
    let shown = event_ids.iter().chain(titles.keys()).copied();
    ctx.read_audit = Some(super::listing("search", shown, &q));
    html(
        ctx,
        "search.html",
        context! {
            q, searched => true, events,
            values => Value::from_serialize(&values),
            names => Value::from_serialize(&names),
        },
    )
}

fn event_title(
    ctx: &mut Ctx,
    cache: &mut BTreeMap<i64, String>,
    event_id: i64,
) -> Result<String, crate::ctx::WebError> {
    if let Some(t) = cache.get(&event_id) {
        return Ok(t.clone());
    }
    let t = ctx
        .tx
        .event_get(event_id)?
        .map(|e| e.info)
        .unwrap_or_default();
    cache.insert(event_id, t.clone());
    Ok(t)
}
