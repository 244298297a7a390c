//! `/sightings/…`.

use jisr_core::event_read::org_ref;
use jisr_core::sightings::{self, Target};
use jisr_model::Sighting;
use jisr_model::wire::{as_string, parse_sighting, sighting_json};
use serde_json::{Value, json};

use crate::call::Call;
use crate::reply::{ApiError, ApiResult, Reply};

fn sighting_value(c: &mut Call, s: &Sighting) -> Result<Value, ApiError> {
    let org = org_ref(c.tx, s.org_id)?;
    let attribute_uuid = c.tx.attribute_get(s.attribute_id)?.map(|a| a.uuid);
    Ok(sighting_json(s, Some(&org), attribute_uuid.as_deref()))
}

pub fn add(c: &mut Call) -> ApiResult {
    let body = jisr_model::wire::unwrap_envelope(&c.body, "Sighting").clone();
    let incoming = parse_sighting(&body);
    let target = if let Some(a) = c.path.arg(0) {
        Target::Attribute(a.to_string())
    } else if let Some(r) = body
        .get("attribute_id")
        .and_then(as_string)
        .or_else(|| body.get("id").and_then(as_string))
    {
        Target::Attribute(r)
    } else if let Some(u) = body.get("attribute_uuid").and_then(as_string) {
        Target::Attribute(u)
    } else if body.get("uuid").is_some()
        && body.get("value").is_none()
        && body.get("values").is_none()
    {
        Target::Attribute(body.get("uuid").and_then(as_string).unwrap_or_default())
    } else {
        let values: Vec<String> = match body.get("values").or_else(|| body.get("value")) {
            Some(Value::Array(items)) => items.iter().filter_map(as_string).collect(),
            Some(v) => as_string(v).into_iter().collect(),
            None => vec![],
        };
        if values.is_empty() {
            return Err(ApiError::bad_request(
                "Say which attribute was sighted: an attribute id or uuid, or a value.",
            ));
        }
        Target::Values(values)
    };
    let mut incoming = incoming;
    if matches!(target, Target::Attribute(_))
        && body.get("attribute_id").is_none()
        && c.path.arg(0).is_none()
    {
        // `uuid` named the attribute, not the sighting.
        incoming.uuid = None;
    }
    let created = sightings::add(c.tx, &c.actor, target, &incoming)?;
    let first = created
        .first()
        .ok_or_else(|| ApiError::not_found("No sighting was created."))?;
    let v = sighting_value(c, first)?;
    Ok(Reply::json(json!({"Sighting": v})))
}

pub fn list(c: &mut Call) -> ApiResult {
    let reference = c
        .path
        .arg(0)
        .map(str::to_string)
        .or_else(|| c.body.get("id").and_then(as_string));
    let context = c
        .path
        .arg(1)
        .map(str::to_string)
        .or_else(|| c.path.named.get("context").and_then(|v| v.last().cloned()))
        .or_else(|| c.body.get("context").and_then(as_string));
    let org = c.body.get("org_id").and_then(as_string);
    let scope = c.scope();
    // Without an id, MISP's index lists every sighting the user may see.
    let mut list = match (context.as_deref(), reference) {
        (_, None) => sightings::search(c.tx, &scope, &sightings::SightingFilter::default())?,
        (Some("event"), Some(r)) => sightings::list_for_event(c.tx, &scope, &r)?,
        (_, Some(r)) => sightings::list_for_attribute(c.tx, &scope, &r)?,
    };
    if let Some(org) = org {
        let org_id = jisr_core::directory::find_org(c.tx, &org)?
            .map(|o| o.id)
            .unwrap_or(-1);
        list.retain(|s| s.org_id == org_id);
    }
    let mut out = vec![];
    for s in &list {
        out.push(json!({"Sighting": sighting_value(c, s)?}));
    }
    Ok(Reply::json(Value::Array(out)))
}

pub fn rest_search(c: &mut Call) -> ApiResult {
    let body = c.body.clone();
    let get = |k: &str| body.get(k).filter(|v| !v.is_null());
    let now = jisr_model::wire::now();
    let time = |k: &str| get(k).and_then(|v| jisr_model::wire::parse_time_filter(v, now));
    let id = get("id")
        .and_then(as_string)
        .or_else(|| get("uuid").and_then(as_string));
    let context = c
        .path
        .arg(0)
        .map(str::to_string)
        .or_else(|| get("context").and_then(as_string));
    let org_id = match get("org_id").and_then(as_string) {
        Some(o) => Some(
            jisr_core::directory::find_org(c.tx, &o)?
                .map(|o| o.id)
                .unwrap_or(-1),
        ),
        None => None,
    };
    let filter = sightings::SightingFilter {
        context: id.map(|id| (context.unwrap_or_else(|| "attribute".into()), id)),
        sighting_type: get("type").and_then(jisr_model::wire::as_i64),
        from: time("from").or_else(|| time("last")),
        to: time("to"),
        org_id,
        source: get("source").and_then(as_string),
    };
    let include_attribute = get("includeAttribute")
        .and_then(jisr_model::wire::as_bool)
        .unwrap_or(false);
    let include_event = get("includeEvent")
        .and_then(jisr_model::wire::as_bool)
        .unwrap_or(false);
    let scope = c.scope();
    let list = sightings::search(c.tx, &scope, &filter)?;
    let mut out = vec![];
    for s in &list {
        let mut v = sighting_value(c, s)?;
        if let Some(m) = v.as_object_mut() {
            if include_attribute && let Some(a) = c.tx.attribute_get(s.attribute_id)? {
                let tree = jisr_model::AttributeTree {
                    attribute: a,
                    tags: vec![],
                    sightings: vec![],
                    data: None,
                };
                m.insert("Attribute".into(), jisr_model::wire::attribute_json(&tree));
            }
            if include_event && let Some(e) = c.tx.event_get(s.event_id)? {
                m.insert(
                    "Event".into(),
                    Value::Object(jisr_model::wire::event_row_json(&e)),
                );
            }
        }
        out.push(json!({"Sighting": v}));
    }
    Ok(Reply::json(json!({"response": out})))
}

pub fn delete(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("sighting")?;
    let s = match reference.parse::<i64>() {
        Ok(id) => c.tx.sighting_get(id)?,
        Err(_) => c.tx.sighting_by_uuid(&reference)?,
    };
    let s = s.ok_or_else(|| ApiError::not_found("Invalid sighting"))?;
    if !(c.actor.is_site_admin() || s.org_id == c.actor.org_id) {
        return Err(jisr_core::error::no_permission().into());
    }
    c.tx.sighting_delete(s.id)?;
    Ok(Reply::saved(
        "Sighting successfully deleted.",
        &c.url,
        Some(s.id),
    ))
}
