//! Search across everything the actor may see: event titles, attribute
//! values, and person and organisation names in either script ("Mahmoud
//! Tawfik" finds "محمود توفيق"). Name candidates come from the correlation
//! index: the holders of the query's name blocking keys (the keys under
//! which the same name in the other script is filed when it is written), so
//! a search scores a few hundred names at most, whatever the instance holds.
//! Names in attributes that do not correlate (`disable_correlation`) are
//! found only by the value search. Organisation names are often translated
//! word by word ("Al Nour Exchange Company" is «شركة النور للصرافة»), which
//! blocking keys miss; a query that reads as an organisation's name also
//! scores the names of organisation objects directly, a bounded number (a
//! scan of the attributes, so such a search costs more).

use std::collections::BTreeMap;

use jisr_core::correlation::keys::name_keys;
use jisr_names::NameKind;
use jisr_policy::Scope;
use jisr_store::{SearchQuery, TermFilter};
use minijinja::{Value, context};
use serde_json::json;

use super::events::event_rows;
use crate::ctx::{Ctx, PageResult, WebError};
use crate::render::html;

/// Attribute types that hold a person's name.
const NAME_TYPES: &[&str] = &["full-name", "first-name", "middle-name", "last-name"];
/// How many holders of one blocking key a search scores at most.
const KEY_HOLDERS: i64 = 500;
/// How many organisation object names an organisation-like query scores at most.
const ORG_OBJECT_NAMES: i64 = 2_000;
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
        event_info: terms(vec![like]),
        limit: Some(SHOWN as i64),
        ..Default::default()
    };
    let event_ids = ctx.tx.search_events(&by_info, &scope)?;
    let events = event_rows(ctx.tx, &event_ids)?;

    // A whole value is looked up in the value indexes; only a query with a
    // wildcard (`*` or `%`) scans for values containing a pattern.
    let value_term = if q.contains(['*', '%']) {
        q.replace('*', "%")
    } else {
        q.clone()
    };
    let by_value = SearchQuery {
        values: terms(vec![value_term]),
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

    let scored = name_matches(ctx, &scope, &q)?;
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

/// The best visible names matching `q`, best first: `(score, explanation,
/// attribute)`. Candidates are scored first (pure, cheap) and only those at
/// or above the threshold are checked for visibility, through the same
/// `visible_attribute` the API uses, until enough are shown.
fn name_matches(
    ctx: &mut Ctx,
    scope: &Scope,
    q: &str,
) -> Result<Vec<(f64, String, jisr_model::Attribute)>, WebError> {
    let mut candidates = vec![];
    let mut seen = std::collections::HashSet::new();
    for kind in [NameKind::Person, NameKind::Organization] {
        for key in name_keys(kind, q) {
            for (attribute_id, _) in ctx.tx.correlation_key_holders(key, KEY_HOLDERS)? {
                if seen.insert(attribute_id) {
                    candidates.push(attribute_id);
                }
            }
        }
    }
    if jisr_names::parse(q, NameKind::Unknown).kind == NameKind::Organization {
        let by_org = SearchQuery {
            object_names: terms(vec!["organization".into(), "legal-entity".into()]),
            object_relation: Some("name".into()),
            limit: Some(ORG_OBJECT_NAMES),
            ..Default::default()
        };
        let org_names = ctx.tx.search_attributes(&by_org, scope)?;
        candidates.extend(org_names.into_iter().filter(|id| seen.insert(*id)));
    }
    let mut scored = vec![];
    // the query read once as each kind, not once per candidate
    let as_person = jisr_names::parse(q, NameKind::Person);
    let as_org = jisr_names::parse(q, NameKind::Organization);
    for a in ctx.tx.attributes_get(&candidates)? {
        // Person names by type; the others are organisation names (the
        // `name` of a legal-entity or organization object).
        let (kind, query) = if NAME_TYPES.contains(&a.attr_type.as_str()) {
            (NameKind::Person, &as_person)
        } else {
            (NameKind::Organization, &as_org)
        };
        let m = jisr_names::score(query, &jisr_names::parse(&a.value1, kind));
        if m.score >= jisr_names::DEFAULT_THRESHOLD {
            scored.push((m.score, m.explanation.to_string(), a));
        }
    }
    scored.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut shown = vec![];
    for (score, why, a) in scored {
        if shown.len() == SHOWN {
            break;
        }
        let visible = jisr_core::attributes::visible_attribute(ctx.tx, scope, &a.id.to_string());
        match visible {
            Ok(_) => shown.push((score, why, a)),
            Err(jisr_core::CoreError::NotFound(_)) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(shown)
}
