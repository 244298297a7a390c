//! The dashboard, the event list with its filters, and the event view.
//! Every read goes through the actor's `Scope`: the store's query for lists,
//! `visible_event`/`load_tree` for one event.

use jisr_core::event_read::{self, ViewOptions};
use jisr_model::{Event, TagLink};
use jisr_policy::Actor;
use jisr_store::{EventSort, EventSortKey, IdFilter, SearchQuery, TagFilter, TermFilter, Tx};
use minijinja::{Value, context};
use serde_json::json;

use super::what;
use crate::ctx::{Ctx, PageResult, WebError};
use crate::render::html;

pub const PAGE_SIZE: i64 = 50;
/// Attributes (outside objects) and objects on one page of an event.
const VIEW_ATTRIBUTES: usize = 200;
const VIEW_OBJECTS: usize = 50;

/// Audit actions with a translated label (`history-<action>`).
const HISTORY_ACTIONS: &[&str] = &[
    "add",
    "edit",
    "delete",
    "publish",
    "unpublish",
    "import",
    "attribute_add",
    "attribute_edit",
    "attribute_delete",
    "object_add",
    "object_edit",
    "object_delete",
    "report_delete",
    "report_add",
    "tag_add",
    "tag_remove",
    "sighting_add",
];

pub fn tag_json(t: &TagLink) -> serde_json::Value {
    json!({
        "name": t.tag.name, "colour": t.tag.colour, "local": t.local,
        "query": crate::ctx::urlencode(&t.tag.name),
    })
}

/// What a list shows of each event.
pub fn event_rows(tx: &mut dyn Tx, ids: &[i64]) -> Result<Vec<serde_json::Value>, WebError> {
    let mut rows = vec![];
    for id in ids {
        let Some(e) = tx.event_get(*id)? else {
            continue;
        };
        let org = event_read::org_ref(tx, e.orgc_id)?;
        let tags: Vec<_> = tx.event_tags(e.id)?.iter().map(tag_json).collect();
        rows.push(json!({
            "id": e.id, "info": e.info, "date": e.date, "org": org.name,
            "distribution": e.distribution, "published": e.published,
            "attribute_count": e.attribute_count, "timestamp": e.timestamp, "tags": tags,
        }));
    }
    Ok(rows)
}

fn newest(limit: i64) -> SearchQuery {
    SearchQuery {
        limit: Some(limit),
        sort: Some(EventSort {
            key: EventSortKey::Timestamp,
            descending: true,
        }),
        ..Default::default()
    }
}

pub fn dashboard(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let scope = jisr_policy::scope(&actor);
    let recent_ids = ctx.tx.search_events(&newest(10), &scope)?;
    let recent = event_rows(ctx.tx, &recent_ids)?;
    let mine_q = SearchQuery {
        orgs: IdFilter {
            any_of: Some(vec![actor.org_id]),
            none_of: vec![],
        },
        ..newest(10)
    };
    let mine_ids = ctx.tx.search_events(&mine_q, &scope)?;
    let mine = event_rows(ctx.tx, &mine_ids)?;
    // Counting needs no order (sorting every id of a big organisation would).
    let all_mine = SearchQuery {
        limit: None,
        sort: None,
        ..mine_q
    };
    let mine_total = ctx.tx.search_events(&all_mine, &scope)?.len();
    ctx.read_audit = Some(super::listing(
        "dashboard",
        recent_ids.iter().chain(&mine_ids).copied(),
        "dashboard",
    ));
    let org = event_read::org_ref(ctx.tx, actor.org_id)?.name;
    // Sync links are site-admin business, as in the API (`servers/index`).
    let sync = if actor.is_site_admin() {
        let list = jisr_core::federation::servers::list(ctx.tx, &actor)?;
        Some(super::servers::server_rows(ctx, &list)?)
    } else {
        None
    };
    html(
        ctx,
        "dashboard.html",
        context! {
            recent, mine, mine_total, org, can_add => jisr_policy::can_add_event(&actor),
            sync => Value::from_serialize(&sync),
        },
    )
}

/// The list filters as the form sends them back.
fn filters(ctx: &Ctx) -> serde_json::Value {
    let r = &ctx.req;
    json!({
        "q": r.q("q"), "from": r.q("from"), "to": r.q("to"), "org": r.q("org"),
        "tag": r.q("tag"), "distribution": r.q("distribution"), "published": r.q("published"),
    })
}

fn valid_date(s: &str) -> Option<String> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

pub fn list(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let scope = jisr_policy::scope(&actor);
    let page = ctx.req.q("page").parse::<i64>().unwrap_or(1).max(1);
    let mut q = SearchQuery {
        page: Some(page),
        ..newest(PAGE_SIZE)
    };
    let text = ctx.req.q("q").trim().to_string();
    if !text.is_empty() {
        q.event_info = TermFilter {
            any_of: vec![format!("%{}%", text.replace('%', ""))],
            none_of: vec![],
        };
    }
    q.date_from = valid_date(ctx.req.q("from"));
    q.date_to = valid_date(ctx.req.q("to"));
    if let Ok(org) = ctx.req.q("org").parse::<i64>() {
        q.orgs.any_of = Some(vec![org]);
    }
    let tag = ctx.req.q("tag").trim().to_string();
    if !tag.is_empty() {
        // An unknown tag matches nothing (not everything).
        let id = ctx.tx.tag_by_name(&tag)?.map(|t| t.id).unwrap_or(-1);
        q.event_tags = TagFilter {
            any_of: Some(vec![id]),
            ..Default::default()
        };
    }
    if let Ok(d) = ctx.req.q("distribution").parse::<i64>() {
        q.distributions = Some(vec![d]);
    }
    q.published = match ctx.req.q("published") {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    };
    let ids = ctx.tx.search_events(&q, &scope)?;
    ctx.read_audit = Some(super::listing("index", ids.iter().copied(), "event list"));
    let more = ids.len() as i64 == PAGE_SIZE;
    let events = event_rows(ctx.tx, &ids)?;
    let orgs: Vec<_> = ctx
        .tx
        .org_list()?
        .into_iter()
        .map(|o| json!({"id": o.id.to_string(), "name": o.name}))
        .collect();
    let f = filters(ctx);
    let link = |p: i64| {
        let mut query = ctx.req.query.clone();
        query.retain(|(k, _)| k != "page");
        query.push(("page".into(), p.to_string()));
        serde_urlencoded::to_string(&query).unwrap_or_default()
    };
    let (next, prev) = (link(page + 1), link(page - 1));
    html(
        ctx,
        "events.html",
        context! {
            events, orgs, f => Value::from_serialize(&f), page, more, next, prev,
            can_add => jisr_policy::can_add_event(&actor),
            deleted => ctx.req.q("deleted") == "1",
        },
    )
}

/// History of an event from the audit log: the console's and the API's
/// writes to it. Entries name the acting organisation; the person only
/// for their own organisation (or a site admin).
fn history(tx: &mut dyn Tx, actor: &Actor, e: &Event) -> Result<Vec<serde_json::Value>, WebError> {
    let mut out = vec![];
    for entry in tx.audit_of("events", e.id, 1000)? {
        if matches!(entry.action.as_str(), "view" | "index" | "restsearch") {
            continue;
        }
        let who = if actor.is_site_admin() || entry.org_id == actor.org_id {
            entry.email.clone()
        } else {
            String::new()
        };
        let org = event_read::org_ref(tx, entry.org_id)?.name;
        // Known actions are shown in the reader's language, others as recorded.
        let known = HISTORY_ACTIONS.contains(&entry.action.as_str());
        out.push(json!({
            "created": entry.created, "action": entry.action, "known": known, "who": who, "org": org,
        }));
        if out.len() >= 50 {
            break;
        }
    }
    Ok(out)
}

/// Related attributes of other events (the correlation index, already
/// filtered by the reader's scope), as links.
type Related = std::collections::BTreeMap<i64, Vec<jisr_core::correlation::read::RelatedAttribute>>;

fn related_json(related: &Related, attribute_id: i64) -> Vec<serde_json::Value> {
    related
        .get(&attribute_id)
        .into_iter()
        .flatten()
        .map(|r| {
            json!({
                "event_id": r.event.id, "event": r.event.info, "value": r.attribute.value(),
                "score": r.score.map(|s| (s * 100.0).round() as i64),
                "why": r.explanation,
            })
        })
        .collect()
}

fn attribute_json(a: &jisr_model::AttributeTree, related: &Related) -> serde_json::Value {
    json!({
        "related": related_json(related, a.attribute.id),
        "id": a.attribute.id, "type": a.attribute.attr_type, "category": a.attribute.category,
        "value": a.attribute.value(), "to_ids": a.attribute.to_ids, "comment": a.attribute.comment,
        "relation": a.attribute.object_relation, "distribution": a.attribute.distribution,
        "tags": a.tags.iter().map(tag_json).collect::<Vec<_>>(),
        "sightings": a.sightings.iter().filter(|s| s.sighting_type == 0).count(),
        "false_positives": a.sightings.iter().filter(|s| s.sighting_type == 1).count(),
    })
}

pub fn view(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let scope = jisr_policy::scope(&actor);
    let reference = ctx.req.param("id").to_string();
    let event = event_read::visible_event(ctx.tx, &scope, &reference)?;
    let opts = ViewOptions {
        include_sightings: true,
        ..Default::default()
    };
    let mut tree = event_read::load_tree(ctx.tx, &scope, event.clone(), opts)?;
    let sightings: usize = tree
        .attributes
        .iter()
        .chain(tree.objects.iter().flat_map(|o| o.attributes.iter()))
        .map(|a| a.sightings.len())
        .sum();
    // A big event is shown a page at a time, and only the shown attributes
    // are correlated, so a page costs the same whatever the event's size.
    let pages = tree
        .attributes
        .len()
        .div_ceil(VIEW_ATTRIBUTES)
        .max(tree.objects.len().div_ceil(VIEW_OBJECTS))
        .max(1);
    let page = ctx
        .req
        .q("page")
        .parse::<usize>()
        .unwrap_or(1)
        .clamp(1, pages);
    tree.attributes = std::mem::take(&mut tree.attributes)
        .into_iter()
        .skip((page - 1) * VIEW_ATTRIBUTES)
        .take(VIEW_ATTRIBUTES)
        .collect();
    tree.objects = std::mem::take(&mut tree.objects)
        .into_iter()
        .skip((page - 1) * VIEW_OBJECTS)
        .take(VIEW_OBJECTS)
        .collect();
    let correlations = jisr_core::correlation::read::related_of_tree(ctx.tx, &scope, &tree)?;
    let related = &correlations.by_attribute;
    let attributes: Vec<_> = tree
        .attributes
        .iter()
        .map(|a| attribute_json(a, related))
        .collect();
    let objects: Vec<_> = tree
        .objects
        .iter()
        .map(|o| {
            json!({
                "id": o.object.id, "name": o.object.name, "category": o.object.meta_category,
                "comment": o.object.comment,
                "attributes": o.attributes.iter().map(|a| attribute_json(a, related)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let reports: Vec<_> = tree
        .reports
        .iter()
        .map(|r| json!({"id": r.id, "name": r.name, "html": crate::markdown::to_safe_html(&r.content)}))
        .collect();
    let related_ids: Vec<i64> = correlations.events.iter().map(|e| e.id).collect();
    let related_events = event_rows(ctx.tx, &related_ids)?;
    let history = history(ctx.tx, &actor, &event)?;
    let e = json!({
        "id": event.id, "uuid": event.uuid, "info": event.info, "date": event.date,
        "org": tree.org.name, "orgc": tree.orgc.name, "distribution": event.distribution,
        "threat_level": event.threat_level_id, "analysis": event.analysis,
        "published": event.published, "timestamp": event.timestamp,
        "attribute_count": event.attribute_count,
        "tags": tree.tags.iter().map(tag_json).collect::<Vec<_>>(),
    });
    ctx.read_audit = Some(what(
        "events",
        "view",
        event.id,
        &event.uuid,
        "console".into(),
    ));
    html(
        ctx,
        "event.html",
        context! {
            e => Value::from_serialize(&e),
            attributes => Value::from_serialize(&attributes),
            objects => Value::from_serialize(&objects),
            reports => Value::from_serialize(&reports),
            history => Value::from_serialize(&history),
            related_events => Value::from_serialize(&related_events),
            sightings, page, pages,
            can_edit => jisr_policy::can_modify_event(&actor, &event),
            can_publish => jisr_policy::can_publish_event(&actor, &event),
            can_tag => jisr_policy::can_tag(&actor),
            can_sight => jisr_policy::can_sight(&actor),
        },
    )
}
