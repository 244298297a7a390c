//! `/tags/…`: the tag catalogue and attaching tags to events and attributes.

use jisr_core::attributes::visible_attribute;
use jisr_core::event_read::visible_event;
use jisr_core::tags::{self, Target, require_tagger};
use jisr_model::wire::{as_string, bool_field, int_field, parse_tag, str_field, tag_json};
use serde_json::{Value, json};

use crate::call::Call;
use crate::reply::{ApiError, ApiResult, Reply};

fn require_tag_editor(c: &Call) -> Result<(), ApiError> {
    Ok(tags::require_tag_editor(&c.actor)?)
}

fn find_tag(c: &mut Call) -> Result<jisr_model::Tag, ApiError> {
    let reference = c.id_arg("tag")?;
    tags::find(c.tx, &reference)?.ok_or_else(|| ApiError::not_found("Invalid tag"))
}

pub fn add(c: &mut Call) -> ApiResult {
    require_tag_editor(c)?;
    let incoming = parse_tag(&c.body, "Tag")
        .map_err(|e| ApiError::bad_request(format!("The request body is not a valid tag: {e}")))?;
    if c.tx.tag_by_name(incoming.name.trim())?.is_some() {
        return Err(jisr_core::error::field_error(
            "Tag could not be saved: the name is taken",
            "name",
            "A tag with this name already exists.",
        )
        .into());
    }
    let mut tag = tags::new_tag(&incoming)?;
    let body = jisr_model::wire::unwrap_envelope(&c.body, "Tag");
    tag.org_id = int_field(body, "org_id").unwrap_or(0);
    tag.user_id = int_field(body, "user_id").unwrap_or(0);
    tag.local_only = bool_field(body, "local_only").unwrap_or(false);
    tag.id = c.tx.tag_insert(&tag)?;
    Ok(Reply::json(json!({"Tag": tag_json(&tag)})))
}

pub fn index(c: &mut Call) -> ApiResult {
    let list: Vec<Value> = c.tx.tag_list(None)?.iter().map(tag_json).collect();
    Ok(Reply::json(json!({"Tag": list})))
}

pub fn view(c: &mut Call) -> ApiResult {
    let tag = find_tag(c)?;
    Ok(Reply::json(tag_json(&tag)))
}

pub fn edit(c: &mut Call) -> ApiResult {
    require_tag_editor(c)?;
    let mut tag = find_tag(c)?;
    let body = jisr_model::wire::unwrap_envelope(&c.body, "Tag").clone();
    if let Some(n) = str_field(&body, "name") {
        if n.trim().is_empty() {
            return Err(jisr_core::error::field_error(
                "Tag could not be saved: empty name",
                "name",
                "A name is required.",
            )
            .into());
        }
        tag.name = n.trim().to_string();
    }
    if let Some(v) = str_field(&body, "colour") {
        tag.colour = v;
    }
    if let Some(v) = bool_field(&body, "exportable") {
        tag.exportable = v;
    }
    if let Some(v) = bool_field(&body, "hide_tag") {
        tag.hide_tag = v;
    }
    if let Some(v) = int_field(&body, "org_id") {
        tag.org_id = v;
    }
    if let Some(v) = int_field(&body, "user_id") {
        tag.user_id = v;
    }
    if let Some(v) = bool_field(&body, "local_only") {
        tag.local_only = v;
    }
    if body.get("numerical_value").is_some() {
        tag.numerical_value = int_field(&body, "numerical_value");
    }
    c.tx.tag_update(&tag)?;
    Ok(Reply::json(json!({"Tag": tag_json(&tag)})))
}

pub fn delete(c: &mut Call) -> ApiResult {
    require_tag_editor(c)?;
    let tag = find_tag(c)?;
    c.tx.tag_delete(tag.id)?;
    Ok(Reply::json(
        json!({"name": "Tag deleted.", "message": "Tag deleted.", "url": c.url}),
    ))
}

pub fn search(c: &mut Call) -> ApiResult {
    let term = c
        .path
        .arg(0)
        .map(str::to_string)
        .or_else(|| str_field(&c.body, "tagname"))
        .or_else(|| str_field(&c.body, "name"))
        .unwrap_or_default();
    let strict = c.path.arg(1).is_some_and(|s| s == "1" || s == "true")
        || bool_field(&c.body, "strict_tagname").unwrap_or(false);
    let pattern = if strict || term.contains('%') {
        term
    } else {
        format!("%{term}%")
    };
    let list: Vec<Value> =
        c.tx.tag_list(Some(&pattern))?
            .iter()
            .map(|t| json!({"Tag": tag_json(t)}))
            .collect();
    Ok(Reply::json(Value::Array(list)))
}

/// The event or attribute a `uuid` in an attach/remove request names.
fn target(c: &mut Call) -> Result<Target, ApiError> {
    let uuid = str_field(&c.body, "uuid")
        .ok_or_else(|| ApiError::bad_request("Give the uuid of the event or attribute to tag."))?;
    let scope = c.scope();
    if let Ok(e) = visible_event(c.tx, &scope, &uuid)
        && e.uuid == uuid
    {
        return Ok(Target::Event(e));
    }
    match visible_attribute(c.tx, &scope, &uuid) {
        Ok((a, e)) if a.uuid == uuid => Ok(Target::Attribute(Box::new(a), e)),
        _ => Err(ApiError::not_found("Invalid Target.")),
    }
}

fn tag_reference(c: &Call) -> Result<String, ApiError> {
    c.body
        .get("tag")
        .and_then(as_string)
        .ok_or_else(|| ApiError::bad_request("Give the tag (a name or an id)."))
}

pub fn attach(c: &mut Call) -> ApiResult {
    require_tagger(&c.actor)?;
    let target = target(c)?;
    let local = c
        .body
        .get("local")
        .and_then(jisr_model::wire::as_bool)
        .unwrap_or(false);
    let reference = tag_reference(c)?;
    let tag = match tags::find(c.tx, &reference)? {
        Some(t) => t,
        None => {
            let incoming = jisr_model::wire::InTag {
                name: reference.clone(),
                ..Default::default()
            };
            tags::resolve(c.tx, &c.actor, &incoming)?
                .ok_or_else(|| ApiError::not_found("Invalid Tag."))?
        }
    };
    let (kind, id) = target.describe();
    tags::attach(c.tx, &c.actor, target, &tag, local)?;
    let scope_word = if local { "Local" } else { "Global" };
    let message = format!(
        "{scope_word} tag {}({}) successfully attached to {kind}({id}).",
        tag.name, tag.id
    );
    Ok(Reply::json(
        json!({"saved": true, "success": message, "message": message, "check_publish": true}),
    ))
}

pub fn remove(c: &mut Call) -> ApiResult {
    require_tagger(&c.actor)?;
    let target = target(c)?;
    let reference = tag_reference(c)?;
    let tag = tags::find(c.tx, &reference)?.ok_or_else(|| ApiError::not_found("Invalid Tag."))?;
    let (kind, id) = target.describe();
    let removed = tags::remove(c.tx, &c.actor, target, &tag)?;
    if !removed {
        return Err(ApiError::not_found(
            "Invalid Tag: it is not attached to this target.",
        ));
    }
    let message = format!(
        "Global tag {}({}) successfully removed from {kind}({id}).",
        tag.name, tag.id
    );
    Ok(Reply::json(
        json!({"saved": true, "success": message, "message": message, "check_publish": true}),
    ))
}
