//! Running a parsed restSearch and rendering its results.

use std::collections::{HashMap, HashSet};

use jisr_model::wire::{attribute_json, event_json, event_row_json, org_ref_json, tag_link_json};
use jisr_model::*;
use jisr_policy::Actor;
use jisr_store::Tx;
use serde_json::{Value, json};

use super::{Controller, Format, SearchRequest};
use crate::error::Result;
use crate::event_read::{ViewOptions, load_tree, org_ref};

/// A rendered result and the number of records in it (`X-Result-Count`).
pub struct SearchOutput {
    pub body: Body,
    pub count: usize,
    /// The events whose content the result shows, for the audit log (a
    /// search hit is a read of that event).
    pub events: Vec<i64>,
}

pub enum Body {
    Json(Value),
    Csv(String),
    Text(String),
}

/// The columns MISP's CSV export writes when none are requested.
pub const CSV_COLUMNS: &[&str] = &[
    "uuid",
    "event_id",
    "category",
    "type",
    "value",
    "comment",
    "to_ids",
    "date",
    "object_relation",
    "attribute_tag",
    "object_uuid",
    "object_name",
    "object_meta_category",
];

struct AttributeRow {
    attribute: Attribute,
    event: Event,
    object: Option<MispObject>,
    tags: Vec<TagLink>,
    event_tags: Vec<TagLink>,
    sightings: Vec<Sighting>,
    related: Vec<Value>,
    data: Option<String>,
    /// Owner and creator organisation names, for CSV context columns.
    org_name: String,
    orgc_name: String,
}

/// The event columns `includeContext` adds to CSV, after the attribute's own.
const CSV_CONTEXT_COLUMNS: &[&str] = &[
    "event_info",
    "event_member_org",
    "event_source_org",
    "event_distribution",
    "event_threat_level_id",
    "event_analysis",
    "event_date",
    "event_tag",
    "event_timestamp",
];

/// The attribute's correlations from the index (MISP's `RelatedAttribute`),
/// as far as `scope` may see them, each with a short `Event`; name matches
/// carry `score` and `explanation`.
fn related_attributes(
    tx: &mut dyn Tx,
    scope: &jisr_policy::Scope,
    event: &Event,
    a: &Attribute,
) -> Result<Vec<Value>> {
    let found = crate::correlation::read::related(tx, scope, event, &[a])?;
    let mut out = vec![];
    for r in found.by_attribute.get(&a.id).into_iter().flatten() {
        let (other, e) = (&r.attribute, &r.event);
        let mut v = json!({
            "id": other.id.to_string(), "event_id": other.event_id.to_string(), "object_id": other.object_id.to_string(),
            "uuid": other.uuid, "type": other.attr_type, "category": other.category, "value": other.value(),
            "Event": {"id": e.id.to_string(), "uuid": e.uuid, "info": e.info, "date": e.date,
                      "org_id": e.org_id.to_string(), "orgc_id": e.orgc_id.to_string(),
                      "distribution": e.distribution.to_string(), "published": e.published},
        });
        if let (Some(score), Some(m)) = (r.score, v.as_object_mut()) {
            m.insert("score".into(), json!((score * 1000.0).round() / 1000.0));
            m.insert(
                "explanation".into(),
                json!(r.explanation.clone().unwrap_or_default()),
            );
        }
        out.push(v);
    }
    Ok(out)
}

fn attribute_rows(
    tx: &mut dyn Tx,
    actor: &Actor,
    ids: &[i64],
    req: &SearchRequest,
) -> Result<Vec<AttributeRow>> {
    let attributes = tx.attributes_get(ids)?;
    let mut events: HashMap<i64, (Event, Vec<TagLink>)> = HashMap::new();
    let mut objects: HashMap<i64, Option<MispObject>> = HashMap::new();
    let mut rows = Vec::with_capacity(attributes.len());
    let mut org_names: HashMap<i64, String> = HashMap::new();
    for a in attributes {
        if let std::collections::hash_map::Entry::Vacant(slot) = events.entry(a.event_id) {
            let Some(e) = tx.event_get(a.event_id)? else {
                continue;
            };
            let tags = tx.event_tags(e.id)?;
            slot.insert((e, tags));
        }
        let Some((event, event_tags)) = events.get(&a.event_id).cloned() else {
            continue;
        };
        let object = if a.object_id > 0 {
            if let std::collections::hash_map::Entry::Vacant(slot) = objects.entry(a.object_id) {
                slot.insert(tx.object_get(a.object_id)?);
            }
            objects.get(&a.object_id).cloned().flatten()
        } else {
            None
        };
        let related = if req.include_correlations {
            let scope = jisr_policy::scope(actor);
            related_attributes(tx, &scope, &event, &a)?
        } else {
            vec![]
        };
        let sightings = if req.include_sightings {
            tx.sightings_of_attribute(a.id)?
        } else {
            vec![]
        };
        let mut name_of = |tx: &mut dyn Tx, id: i64| -> Result<String> {
            if let Some(n) = org_names.get(&id) {
                return Ok(n.clone());
            }
            let n = org_ref(tx, id)?.name;
            org_names.insert(id, n.clone());
            Ok(n)
        };
        let org_name = name_of(tx, event.org_id)?;
        let orgc_name = name_of(tx, event.orgc_id)?;
        let data = if req.with_attachments && crate::event_read::has_file(&a.attr_type) {
            tx.attachment_get(a.id)?
                .map(|b| crate::attachments::encode(&b))
        } else {
            None
        };
        rows.push(AttributeRow {
            data,
            org_name,
            orgc_name,
            tags: tx.attribute_tags(a.id)?,
            attribute: a,
            event,
            object,
            event_tags,
            sightings,
            related,
        });
    }
    Ok(rows)
}

fn attribute_search_json(
    row: &AttributeRow,
    req: &SearchRequest,
    orgs: &mut dyn FnMut(i64) -> OrgRef,
) -> Value {
    let mut tags = row.tags.clone();
    if req.include_event_tags {
        tags.extend(row.event_tags.iter().cloned());
    }
    let tree = AttributeTree {
        attribute: row.attribute.clone(),
        tags,
        sightings: row.sightings.clone(),
        data: row.data.clone(),
    };
    let mut v = attribute_json(&tree);
    if let Some(obj) = v.as_object_mut() {
        let e = &row.event;
        let orgc = orgs(e.orgc_id);
        obj.insert(
            "Event".into(),
            json!({
                "org_id": e.org_id.to_string(), "distribution": e.distribution.to_string(), "id": e.id.to_string(),
                "info": e.info, "orgc_id": e.orgc_id.to_string(), "uuid": e.uuid,
                "publish_timestamp": e.publish_timestamp.to_string(), "Orgc": org_ref_json(&orgc),
            }),
        );
        if req.include_event_uuid {
            obj.insert("event_uuid".into(), Value::String(e.uuid.clone()));
        }
        if !row.related.is_empty() {
            obj.insert("RelatedAttribute".into(), Value::Array(row.related.clone()));
        }
        if let Some(o) = &row.object {
            obj.insert(
                "Object".into(),
                json!({"id": o.id.to_string(), "distribution": o.distribution.to_string(),
                       "sharing_group_id": o.sharing_group_id.to_string(), "name": o.name, "uuid": o.uuid}),
            );
        }
    }
    v
}

fn csv_cell(row: &AttributeRow, column: &str) -> String {
    let a = &row.attribute;
    match column {
        "uuid" => a.uuid.clone(),
        "event_id" => a.event_id.to_string(),
        "category" => a.category.clone(),
        "type" => a.attr_type.clone(),
        "value" => a.value(),
        "value1" => a.value1.clone(),
        "value2" => a.value2.clone(),
        "comment" => a.comment.clone(),
        "to_ids" => i64::from(a.to_ids).to_string(),
        "date" => chrono::DateTime::from_timestamp(a.timestamp, 0)
            .map(|d| d.format("%Y%m%d").to_string())
            .unwrap_or_default(),
        "timestamp" => a.timestamp.to_string(),
        "object_relation" => a.object_relation.clone().unwrap_or_default(),
        "attribute_tag" => row
            .tags
            .iter()
            .map(|t| t.tag.name.clone())
            .collect::<Vec<_>>()
            .join(","),
        "object_uuid" => row
            .object
            .as_ref()
            .map(|o| o.uuid.clone())
            .unwrap_or_default(),
        "object_name" => row
            .object
            .as_ref()
            .map(|o| o.name.clone())
            .unwrap_or_default(),
        "object_meta_category" => row
            .object
            .as_ref()
            .map(|o| o.meta_category.clone())
            .unwrap_or_default(),
        "event_info" => row.event.info.clone(),
        "event_member_org" => row.org_name.clone(),
        "event_source_org" => row.orgc_name.clone(),
        "event_distribution" => row.event.distribution.to_string(),
        "event_threat_level_id" => row.event.threat_level_id.to_string(),
        "event_analysis" => row.event.analysis.to_string(),
        "event_tag" => row
            .event_tags
            .iter()
            .map(|t| t.tag.name.clone())
            .collect::<Vec<_>>()
            .join(","),
        "event_timestamp" => row.event.timestamp.to_string(),
        "event_date" => row.event.date.clone(),
        "event_uuid" => row.event.uuid.clone(),
        "distribution" => a.distribution.to_string(),
        "first_seen" => a
            .first_seen
            .map(jisr_model::wire::format_seen)
            .unwrap_or_default(),
        "last_seen" => a
            .last_seen
            .map(jisr_model::wire::format_seen)
            .unwrap_or_default(),
        _ => String::new(),
    }
}

fn render_csv(rows: &[AttributeRow], req: &SearchRequest) -> Result<String> {
    let mut columns: Vec<String> = if req.requested_attributes.is_empty() {
        CSV_COLUMNS.iter().map(|c| c.to_string()).collect()
    } else {
        req.requested_attributes.clone()
    };
    if req.include_context {
        columns.extend(CSV_CONTEXT_COLUMNS.iter().map(|c| c.to_string()));
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(vec![]);
    let io = |e: csv::Error| crate::error::invalid(format!("CSV output failed: {e}"));
    if !req.headerless {
        w.write_record(&columns).map_err(io)?;
    }
    for row in rows {
        w.write_record(columns.iter().map(|c| csv_cell(row, c)))
            .map_err(io)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| crate::error::invalid(format!("CSV output failed: {e}")))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Runs `req` as `actor` for `controller`.
pub fn run(
    tx: &mut dyn Tx,
    actor: &Actor,
    req: &SearchRequest,
    controller: Controller,
    warninglists: &crate::warninglists::Warninglists,
) -> Result<SearchOutput> {
    let enabled = if req.enforce_warninglist {
        crate::warninglists::enabled(tx)?
    } else {
        vec![]
    };
    let trips = |a: &Attribute| {
        !enabled.is_empty()
            && !warninglists
                .hits(&enabled, &a.attr_type, &a.value1, &a.value2)
                .is_empty()
    };
    let scope = jisr_policy::scope(actor);
    let narrowed;
    let req = match &req.correlation {
        Some(reference) => {
            let mut r = req.clone();
            r.query = correlating_with(tx, &scope, reference, r.query)?;
            narrowed = r;
            &narrowed
        }
        None => req,
    };
    let mut org_cache: HashMap<i64, OrgRef> = HashMap::new();
    if controller == Controller::Objects {
        return objects_search(tx, &scope, req);
    }
    let attribute_ids = match (controller, req.format) {
        (Controller::Events, Format::Json) => None,
        (Controller::Events, _) => {
            // CSV and text of events list every attribute of the events found
            // (attribute filters choose events here, as in MISP).
            let event_ids = tx.search_events(&req.query, &scope)?;
            let q = jisr_store::SearchQuery {
                event_ids: jisr_store::IdFilter {
                    any_of: Some(event_ids),
                    none_of: vec![],
                },
                deleted: req.query.deleted,
                to_ids: req.query.to_ids,
                ..Default::default()
            };
            Some(tx.search_attributes(&q, &scope)?)
        }
        (Controller::Attributes | Controller::Objects, _) => {
            Some(tx.search_attributes(&req.query, &scope)?)
        }
    };
    let Some(ids) = attribute_ids else {
        let ids = tx.search_events(&req.query, &scope)?;
        let mut out = Vec::with_capacity(ids.len());
        let opts = ViewOptions {
            include_deleted: req.query.deleted != jisr_store::DeletedFilter::Exclude,
            include_sightings: req.include_sightings,
            include_attachments: req.with_attachments,
        };
        // As in MISP, attribute conditions also choose which attributes an event shows.
        let shown: Option<HashSet<i64>> = if req.query.has_attribute_conditions() && !ids.is_empty()
        {
            let mut q = req.query.clone();
            q.event_ids.any_of = Some(ids.clone());
            q.limit = None;
            q.page = None;
            Some(tx.search_attributes(&q, &scope)?.into_iter().collect())
        } else {
            None
        };
        for id in &ids {
            let Some(e) = tx.event_get(*id)? else {
                continue;
            };
            let v = if req.metadata {
                let mut m = event_row_json(&e);
                m.insert("Org".into(), org_ref_json(&org_ref(tx, e.org_id)?));
                m.insert("Orgc".into(), org_ref_json(&org_ref(tx, e.orgc_id)?));
                m.insert(
                    "Tag".into(),
                    tx.event_tags(e.id)?.iter().map(tag_link_json).collect(),
                );
                Value::Object(m)
            } else {
                let mut tree = load_tree(tx, &scope, e, opts)?;
                if let Some(keep) = &shown {
                    keep_attributes(&mut tree, keep);
                }
                if !enabled.is_empty() {
                    tree.attributes.retain(|a| !trips(&a.attribute));
                    for o in &mut tree.objects {
                        o.attributes.retain(|a| !trips(&a.attribute));
                    }
                }
                if !req.hidden_attribute_tags.is_empty() {
                    let hidden = &req.hidden_attribute_tags;
                    let tagged =
                        |a: &AttributeTree| a.tags.iter().any(|t| hidden.contains(&t.tag.id));
                    tree.attributes.retain(|a| !tagged(a));
                    for o in &mut tree.objects {
                        o.attributes.retain(|a| !tagged(a));
                    }
                }
                let mut v = event_json(&tree);
                if req.include_event_correlations || req.include_correlations {
                    let c = crate::correlation::read::related_of_tree(tx, &scope, &tree)?;
                    crate::correlation::read::attach(tx, &mut v, &c, req.include_correlations)?;
                }
                v
            };
            out.push(json!({ "Event": v }));
        }
        let count = out.len();
        return Ok(SearchOutput {
            body: Body::Json(json!({ "response": out })),
            count,
            events: ids,
        });
    };
    let mut rows = attribute_rows(tx, actor, &ids, req)?;
    rows.retain(|r| !trips(&r.attribute));
    if matches!(req.format, Format::Csv | Format::Text) {
        // CSV and text are bulk exports (IDS feeds): tlp:red never leaves in them.
        rows.retain(|r| {
            !jisr_policy::tlp::keeps_out_of_bulk(
                r.tags
                    .iter()
                    .chain(r.event_tags.iter())
                    .map(|t| t.tag.name.as_str()),
            )
        });
    }
    let count = rows.len();
    let events = distinct(rows.iter().map(|r| r.attribute.event_id));
    let body = match req.format {
        Format::Json => {
            let mut lookup = |id: i64| -> OrgRef {
                org_cache
                    .entry(id)
                    .or_insert_with(|| org_ref(tx, id).unwrap_or_default())
                    .clone()
            };
            let list: Vec<Value> = rows
                .iter()
                .map(|r| attribute_search_json(r, req, &mut lookup))
                .collect();
            Body::Json(json!({ "response": { "Attribute": list } }))
        }
        Format::Csv => Body::Csv(render_csv(&rows, req)?),
        Format::Text => {
            let mut text = String::new();
            for r in &rows {
                text.push_str(&r.attribute.value());
                text.push('\n');
            }
            Body::Text(text)
        }
    };
    Ok(SearchOutput {
        body,
        count,
        events,
    })
}

/// Event ids in first-seen order, once each.
fn distinct(ids: impl Iterator<Item = i64>) -> Vec<i64> {
    let mut seen = HashSet::new();
    ids.filter(|id| seen.insert(*id)).collect()
}

/// Narrows a query to the attributes that correlate with one attribute
/// (which the scope must see; otherwise, as for a missing one, nothing).
fn correlating_with(
    tx: &mut dyn Tx,
    scope: &jisr_policy::Scope,
    reference: &str,
    mut q: jisr_store::SearchQuery,
) -> Result<jisr_store::SearchQuery> {
    let mut uuids = vec![];
    if let Ok((a, event)) = crate::attributes::visible_attribute(tx, scope, reference) {
        let found = crate::correlation::read::related(tx, scope, &event, &[&a])?;
        uuids = found
            .by_attribute
            .values()
            .flatten()
            .map(|r| r.attribute.uuid.clone())
            .collect();
    }
    if !q.uuids.is_empty() {
        // Uuids asked for as well: both conditions hold.
        q.uuids.retain(|u| uuids.contains(u));
    } else {
        q.uuids = uuids;
    }
    if q.uuids.is_empty() {
        // An empty id list matches nothing.
        q.event_ids.any_of = Some(vec![]);
    }
    Ok(q)
}

/// Keeps only the attributes in `keep`, and the objects that still hold one.
fn keep_attributes(tree: &mut EventTree, keep: &HashSet<i64>) {
    tree.attributes.retain(|a| keep.contains(&a.attribute.id));
    for o in &mut tree.objects {
        o.attributes.retain(|a| keep.contains(&a.attribute.id));
    }
    tree.objects.retain(|o| !o.attributes.is_empty());
}

/// Objects holding a matching attribute, each with its visible attributes.
fn objects_search(
    tx: &mut dyn Tx,
    scope: &jisr_policy::Scope,
    req: &SearchRequest,
) -> Result<SearchOutput> {
    let ids = tx.search_attributes(&req.query, scope)?;
    let mut seen = HashSet::new();
    let mut events = vec![];
    let mut out = vec![];
    for a in tx.attributes_get(&ids)? {
        if a.object_id == 0 || !seen.insert(a.object_id) {
            continue;
        }
        let Some(o) = tx.object_get(a.object_id)? else {
            continue;
        };
        let Some(e) = tx.event_get(o.event_id)? else {
            continue;
        };
        let tree = crate::objects::get_tree(tx, scope, o, &e)?;
        out.push(json!({"Object": jisr_model::wire::object_json(&tree)}));
        events.push(e.id);
    }
    let count = out.len();
    Ok(SearchOutput {
        body: Body::Json(json!({"response": out})),
        count,
        events: distinct(events.into_iter()),
    })
}
