//! `/events/…`.

use jisr_core::correlation;
use jisr_core::event_read::{ViewOptions, load_tree, org_ref, visible_event};
use jisr_core::event_write;
use jisr_core::federation::outgoing::embed_sharing_groups;
use jisr_core::search::{self, Controller};
use jisr_model::wire::{event_json, event_row_json, org_ref_json, parse_event, tag_link_json};
use serde_json::{Map, Value, json};

use crate::call::Call;
use crate::reply::{ApiError, ApiResult, Reply};

fn shape_error(e: jisr_model::wire::ShapeError) -> ApiError {
    ApiError::bad_request(format!("The request body is not a valid event: {e}"))
}

fn full_event(c: &mut Call, id: i64) -> Result<Value, ApiError> {
    let scope = c.scope();
    let event = visible_event(c.tx, &scope, &id.to_string())?;
    let tree = load_tree(
        c.tx,
        &scope,
        event,
        ViewOptions {
            include_deleted: false,
            include_sightings: true,
            include_attachments: false,
        },
    )?;
    let mut v = event_json(&tree);
    let related = correlation::read::related_of_tree(c.tx, &scope, &tree)?;
    correlation::read::attach(c.tx, &mut v, &related, false)?;
    embed_sharing_groups(c.tx, &mut v)?;
    Ok(json!({"Event": v}))
}

pub fn add(c: &mut Call) -> ApiResult {
    if super::federation::is_sync_peer(c) {
        return super::federation::receive(c, None);
    }
    let incoming = parse_event(&c.body).map_err(shape_error)?;
    let id = event_write::add_event(c.tx, &c.actor, &incoming)?;
    if c.path.named_flag("metadata") == Some(true) {
        let scope = c.scope();
        let e = visible_event(c.tx, &scope, &id.to_string())?;
        return Ok(Reply::json(json!({"Event": event_row_json(&e)})));
    }
    Ok(Reply::json(full_event(c, id)?))
}

pub fn view(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("event")?;
    let scope = c.scope();
    let event = visible_event(c.tx, &scope, &reference)?;
    let include_deleted = c
        .path
        .named
        .get("deleted")
        .is_some_and(|v| v.iter().any(|x| x == "1"))
        || match c.body.get("deleted") {
            Some(Value::Array(items)) => items
                .iter()
                .any(|x| jisr_model::wire::as_bool(x) == Some(true)),
            Some(v) => jisr_model::wire::as_bool(v) == Some(true),
            None => false,
        };
    let include_sightings = c.flag("noSightings") != Some(true);
    let opts = ViewOptions {
        include_deleted,
        include_sightings,
        include_attachments: c.flag("includeAttachments").unwrap_or(false),
    };
    let tree = load_tree(c.tx, &scope, event, opts)?;
    let mut v = event_json(&tree);
    // MISP's REST defaults: related events on, per-attribute correlations
    // only when asked for.
    let events = c.flag("includeEventCorrelations").unwrap_or(true);
    let granular = c.flag("includeGranularCorrelations").unwrap_or(false)
        || c.flag("includeCorrelations").unwrap_or(false);
    if events || granular {
        let related = correlation::read::related_of_tree(c.tx, &scope, &tree)?;
        correlation::read::attach(c.tx, &mut v, &related, granular)?;
        if !events && let Some(m) = v.as_object_mut() {
            m.insert("RelatedEvent".into(), json!([]));
        }
    }
    embed_sharing_groups(c.tx, &mut v)?;
    Ok(Reply::json(json!({"Event": v})))
}

pub fn edit(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("event")?;
    if super::federation::is_sync_peer(c) {
        return super::federation::receive(c, Some(reference));
    }
    let incoming = parse_event(&c.body).map_err(shape_error)?;
    let scope = c.scope();
    let event = visible_event(c.tx, &scope, &reference)?;
    let id = event.id;
    event_write::edit_event(c.tx, &c.actor, event, &incoming)?;
    if c.path.named_flag("metadata") == Some(true) {
        let scope = c.scope();
        let e = visible_event(c.tx, &scope, &id.to_string())?;
        return Ok(Reply::json(json!({"Event": event_row_json(&e)})));
    }
    Ok(Reply::json(full_event(c, id)?))
}

pub fn delete(c: &mut Call) -> ApiResult {
    let reference = match c.path.arg(0) {
        Some(r) => r.to_string(),
        None => c
            .body
            .get("id")
            .and_then(jisr_model::wire::as_string)
            .ok_or_else(|| ApiError::not_found("Invalid event"))?,
    };
    let scope = c.scope();
    let event = visible_event(c.tx, &scope, &reference)?;
    event_write::delete_event(c.tx, &c.actor, &event)?;
    Ok(Reply::saved("Event deleted.", &c.url, Some(event.id)))
}

fn publish_toggle(c: &mut Call, publish: bool) -> ApiResult {
    let reference = c.id_arg("event")?;
    let scope = c.scope();
    let event = visible_event(c.tx, &scope, &reference)?;
    let e = if publish {
        event_write::publish(c.tx, &c.actor, event)?
    } else {
        event_write::unpublish(c.tx, &c.actor, event)?
    };
    let msg = if publish {
        "Event published without alerts"
    } else {
        "Event unpublished."
    };
    Ok(Reply::saved(msg, &c.url, Some(e.id)))
}

pub fn publish(c: &mut Call) -> ApiResult {
    publish_toggle(c, true)
}

pub fn unpublish(c: &mut Call) -> ApiResult {
    publish_toggle(c, false)
}

pub fn rest_search(c: &mut Call) -> ApiResult {
    let req = search::parse_request(c.tx, &c.body, Controller::Events)?;
    let out = search::run(c.tx, &c.actor, &req, Controller::Events, c.warninglists)?;
    Ok(super::attributes::search_reply(out))
}

/// Translates `events/index` filters (MISP's index names) into restSearch terms.
fn index_filters(body: &Value, query: &[(String, String)]) -> Value {
    let mut src: Map<String, Value> = body.as_object().cloned().unwrap_or_default();
    for (k, v) in query {
        src.entry(k.clone()).or_insert(Value::String(v.clone()));
    }
    let mut out = Map::new();
    let renames = [
        ("eventid", "eventid"),
        ("datefrom", "from"),
        ("dateuntil", "to"),
        ("eventinfo", "eventinfo"),
        ("tag", "tags"),
        ("tags", "tags"),
        ("org", "org"),
        ("published", "published"),
        ("timestamp", "timestamp"),
        ("publish_timestamp", "publish_timestamp"),
        ("attribute", "value"),
        ("value", "value"),
        ("limit", "limit"),
        ("page", "page"),
        ("uuid", "uuid"),
        ("sharinggroup", "sharing_group"),
    ];
    for (from, to) in renames {
        if let Some(v) = src.get(from).filter(|v| !v.is_null()) {
            out.insert(to.into(), v.clone());
        }
    }
    // The index searches event info by substring, as MISP's does.
    if let Some(Value::String(info)) = out.get("eventinfo").cloned()
        && !info.contains('%')
    {
        out.insert("eventinfo".into(), Value::String(format!("%{info}%")));
    }
    Value::Object(out)
}

pub fn index(c: &mut Call) -> ApiResult {
    let filters = index_filters(&c.body, &c.query);
    let mut req = search::parse_request(c.tx, &filters, Controller::Events)?;
    let sort = c.body.get("sort").and_then(jisr_model::wire::as_string);
    let descending = c
        .body
        .get("direction")
        .and_then(jisr_model::wire::as_string)
        .map(|d| d.eq_ignore_ascii_case("desc"))
        .unwrap_or(false)
        || c.body
            .get("desc")
            .and_then(jisr_model::wire::as_bool)
            .unwrap_or(false);
    if let Some(key) = sort.as_deref().and_then(jisr_store::EventSortKey::parse) {
        req.query.sort = Some(jisr_store::EventSort { key, descending });
    }
    let minimal = c.flag("minimal").unwrap_or(false);
    let scope = c.scope();
    let ids = c.tx.search_events(&req.query, &scope)?;
    let shown = ids.clone();
    let mut rows = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(e) = c.tx.event_get(id)? else {
            continue;
        };
        let orgc = org_ref(c.tx, e.orgc_id)?;
        if minimal {
            rows.push(json!({
                "id": e.id.to_string(), "timestamp": e.timestamp.to_string(),
                "sighting_timestamp": e.sighting_timestamp.to_string(), "published": e.published,
                "uuid": e.uuid, "orgc_uuid": orgc.uuid,
            }));
            continue;
        }
        let mut m = event_row_json(&e);
        m.insert("Org".into(), org_ref_json(&org_ref(c.tx, e.org_id)?));
        m.insert("Orgc".into(), org_ref_json(&orgc));
        let tags: Vec<Value> =
            c.tx.event_tags(e.id)?
                .iter()
                .map(|t| json!({"Tag": tag_link_json(t)}))
                .collect();
        m.insert("EventTag".into(), Value::Array(tags));
        rows.push(Value::Object(m));
    }
    let count = rows.len();
    Ok(Reply::json(Value::Array(rows))
        .header("x-result-count", &count.to_string())
        .showing(shown))
}

/// `events/contact/{id}`: a question to the organisation that reported the
/// event. jisr has no mail transport of its own; the request is kept in the
/// server log for the instance's operators to pass on.
pub fn contact(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("event")?;
    let scope = c.scope();
    let event = visible_event(c.tx, &scope, &reference)?;
    let message = c
        .body
        .get("message")
        .and_then(jisr_model::wire::as_string)
        .unwrap_or_default();
    if message.trim().is_empty() {
        return Err(ApiError::bad_request(
            "Write the message for the reporter in `message`.",
        ));
    }
    tracing::info!(event = %event.uuid, from = %c.actor.email, "contact request for the reporter: {message}");
    Ok(Reply::saved(
        "Email sent to the reporter.",
        &c.url,
        Some(event.id),
    ))
}
