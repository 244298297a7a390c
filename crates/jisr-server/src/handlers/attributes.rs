//! `/attributes/…`.

use jisr_core::attributes::{self, visible_attribute};
use jisr_core::event_read::visible_event;
use jisr_core::search::{self, Body, Controller, SearchOutput};
use jisr_model::AttributeTree;
use jisr_model::wire::{attribute_json, parse_attribute};
use serde_json::{Value, json};

use crate::call::Call;
use crate::reply::{ApiError, ApiResult, Reply};

/// A restSearch result with MISP's headers.
pub fn search_reply(out: SearchOutput) -> Reply {
    let (reply, format) = match out.body {
        Body::Json(v) => (Reply::json(v), "json"),
        Body::Csv(s) => (Reply::text(s, "text/csv; charset=UTF-8"), "csv"),
        Body::Text(s) => (Reply::text(s, "text/plain; charset=UTF-8"), "text"),
    };
    reply
        .header("x-result-count", &out.count.to_string())
        .header("x-response-format", format)
        .showing(out.events)
}

fn attribute_reply(c: &mut Call, a: jisr_model::Attribute) -> Result<Value, ApiError> {
    let tags = c.tx.attribute_tags(a.id)?;
    Ok(attribute_json(&AttributeTree {
        attribute: a,
        tags,
        sightings: vec![],
        data: None,
    }))
}

pub fn add(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("event")?;
    let scope = c.scope();
    let event = visible_event(c.tx, &scope, &reference)?;
    let break_on_duplicate = c.path.named_flag("breakOnDuplicate").unwrap_or(true);
    let body = c
        .body
        .get("Attribute")
        .cloned()
        .unwrap_or_else(|| c.body.clone());
    // A list adds several attributes; failures are reported per attribute, as MISP does.
    if let Value::Array(items) = &body {
        let mut saved = vec![];
        let mut errors = serde_json::Map::new();
        for (i, item) in items.iter().enumerate() {
            let incoming = parse_attribute(item, &format!("Attribute[{i}]")).map_err(|e| {
                ApiError::bad_request(format!("The request body is not a valid attribute: {e}"))
            })?;
            let event = visible_event(c.tx, &scope, &event.id.to_string())?;
            match attributes::add(c.tx, &c.actor, event, &incoming, break_on_duplicate) {
                Ok(a) => saved.push(attribute_reply(c, a)?),
                Err(jisr_core::CoreError::Validation { errors: e, .. }) => {
                    errors.insert(format!("attribute_{i}"), e);
                }
                Err(other) => return Err(other.into()),
            }
        }
        // PyMISP reads a one-element list's answer as a single attribute, as MISP sends it.
        let saved = match (items.len(), saved.len()) {
            (1, 1) => saved.into_iter().next().unwrap_or(Value::Null),
            _ => Value::Array(saved),
        };
        let mut out = json!({"Attribute": saved});
        if !errors.is_empty()
            && let Some(m) = out.as_object_mut()
        {
            m.insert("errors".into(), Value::Object(errors));
        }
        return Ok(Reply::json(out));
    }
    let incoming = parse_attribute(&body, "Attribute").map_err(|e| {
        ApiError::bad_request(format!("The request body is not a valid attribute: {e}"))
    })?;
    if incoming.enforce_warninglist {
        let probe = jisr_core::attribute_build::build_attribute(
            &incoming,
            None,
            event.id,
            0,
            0,
            "Attribute",
        )?;
        let enabled = jisr_core::warninglists::enabled(c.tx)?;
        let hits = c
            .warninglists
            .hits(&enabled, &probe.attr_type, &probe.value1, &probe.value2);
        if let Some(first) = hits.first() {
            let msg = format!(
                "Value '{}' trips over a warninglist and enforceWarninglist is enforced (warninglist: {}).",
                probe.value(),
                first.name
            );
            return Err(jisr_core::CoreError::Validation {
                message: msg.clone(),
                errors: Value::String(msg),
            }
            .into());
        }
    }
    // Someone who may see but not edit the event is told so in MISP's words,
    // on which PyMISP retries as a proposal (`shadowAttributes/add`).
    if !jisr_policy::can_modify_event(&c.actor, &event) {
        return Err(not_the_editor());
    }
    let a = attributes::add(c.tx, &c.actor, event, &incoming, break_on_duplicate)?;
    Ok(Reply::json(json!({"Attribute": attribute_reply(c, a)?})))
}

/// `attributes/index`: every live attribute the actor may see.
pub fn index(c: &mut Call) -> ApiResult {
    let scope = c.scope();
    let ids =
        c.tx.search_attributes(&jisr_store::SearchQuery::default(), &scope)?;
    let mut list = Vec::with_capacity(ids.len());
    for a in c.tx.attributes_get(&ids)? {
        list.push(json!({"Attribute": attribute_reply(c, a)?}));
    }
    Ok(Reply::json(Value::Array(list)))
}

pub fn view(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("attribute")?;
    let scope = c.scope();
    let (a, _) = visible_attribute(c.tx, &scope, &reference)?;
    Ok(Reply::json(json!({"Attribute": attribute_reply(c, a)?})))
}

pub fn edit(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("attribute")?;
    let scope = c.scope();
    let (existing, event) = visible_attribute(c.tx, &scope, &reference)?;
    let incoming = parse_attribute(&c.body, "Attribute").map_err(|e| {
        ApiError::bad_request(format!("The request body is not a valid attribute: {e}"))
    })?;
    if !jisr_policy::can_modify_event(&c.actor, &event) {
        return Err(not_the_editor());
    }
    let a = attributes::edit(c.tx, &c.actor, existing, event, &incoming)?;
    Ok(Reply::json(json!({"Attribute": attribute_reply(c, a)?})))
}

pub fn delete(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("attribute")?;
    let hard =
        c.path.arg(1).is_some_and(|h| h == "1" || h == "true") || c.flag("hard") == Some(true);
    let scope = c.scope();
    let (a, event) = visible_attribute(c.tx, &scope, &reference)?;
    if !jisr_policy::can_modify_event(&c.actor, &event) {
        return Err(not_the_editor());
    }
    attributes::delete(c.tx, &c.actor, a, event, hard)?;
    Ok(Reply::json(
        json!({"message": "Attribute deleted.", "name": "Attribute deleted.", "url": c.url}),
    ))
}

pub fn restore(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("attribute")?;
    let scope = c.scope();
    let (a, event) = visible_attribute(c.tx, &scope, &reference)?;
    let a = attributes::restore(c.tx, &c.actor, a, event)?;
    Ok(Reply::json(json!({"Attribute": attribute_reply(c, a)?})))
}

pub fn rest_search(c: &mut Call) -> ApiResult {
    let req = search::parse_request(c.tx, &c.body, Controller::Attributes)?;
    let out = search::run(c.tx, &c.actor, &req, Controller::Attributes, c.warninglists)?;
    Ok(search_reply(out))
}

fn not_the_editor() -> ApiError {
    jisr_core::CoreError::Forbidden("You do not have permission to do that.".into()).into()
}
