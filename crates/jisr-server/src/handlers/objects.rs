//! `/objects/…` and `/objectReferences/…`.

use jisr_core::event_read::visible_event;
use jisr_core::objects::{self, visible_object};
use jisr_model::wire::{
    InReference, bool_field, object_json, object_reference_json, parse_object, str_field,
};
use serde_json::json;

use crate::call::Call;
use crate::reply::{ApiError, ApiResult, Reply};

fn object_reply(c: &mut Call, id: i64) -> ApiResult {
    let scope = c.scope();
    let (o, event) = visible_object(c.tx, &scope, &id.to_string())?;
    let tree = objects::get_tree(c.tx, &scope, o, &event)?;
    Ok(Reply::json(json!({"Object": object_json(&tree)})))
}

fn body_object(c: &Call) -> Result<jisr_model::wire::InObject, ApiError> {
    parse_object(&c.body, "Object")
        .map_err(|e| ApiError::bad_request(format!("The request body is not a valid object: {e}")))
}

pub fn add(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("event")?;
    let scope = c.scope();
    let event = visible_event(c.tx, &scope, &reference)?;
    let incoming = body_object(c)?;
    let id = objects::add(c.tx, &c.actor, event, &incoming)?;
    object_reply(c, id)
}

pub fn view(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("object")?;
    let scope = c.scope();
    let (o, _) = visible_object(c.tx, &scope, &reference)?;
    object_reply(c, o.id)
}

pub fn edit(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("object")?;
    let scope = c.scope();
    let (o, event) = visible_object(c.tx, &scope, &reference)?;
    let incoming = body_object(c)?;
    let id = objects::edit(c.tx, &c.actor, o, event, &incoming)?;
    object_reply(c, id)
}

pub fn delete(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("object")?;
    let hard =
        c.path.arg(1).is_some_and(|h| h == "1" || h == "true") || c.flag("hard") == Some(true);
    let scope = c.scope();
    let (o, event) = visible_object(c.tx, &scope, &reference)?;
    objects::delete(c.tx, &c.actor, o, event, hard)?;
    Ok(Reply::json(
        json!({"message": "Object deleted", "name": "Object deleted", "url": c.url}),
    ))
}

pub fn add_reference(c: &mut Call) -> ApiResult {
    let body = jisr_model::wire::unwrap_envelope(&c.body, "ObjectReference").clone();
    let source = str_field(&body, "object_uuid")
        .or_else(|| str_field(&body, "source_uuid"))
        .or_else(|| str_field(&body, "object_id"))
        .or_else(|| c.path.arg(0).map(str::to_string))
        .ok_or_else(|| {
            ApiError::bad_request("An object reference needs object_uuid (the source object).")
        })?;
    let scope = c.scope();
    let (o, event) = visible_object(c.tx, &scope, &source)?;
    if !jisr_policy::can_modify_event(&c.actor, &event) {
        return Err(jisr_core::error::no_permission().into());
    }
    let incoming = InReference {
        uuid: str_field(&body, "uuid"),
        referenced_uuid: str_field(&body, "referenced_uuid"),
        relationship_type: str_field(&body, "relationship_type"),
        comment: str_field(&body, "comment"),
        deleted: bool_field(&body, "deleted"),
        timestamp: None,
    };
    let id = objects::save_reference(c.tx, &event, o.id, &o.uuid, &incoming)?;
    let r =
        c.tx.references_of_event(event.id)?
            .into_iter()
            .find(|r| r.id == id);
    let r = r.ok_or_else(|| ApiError::not_found("Invalid object reference"))?;
    Ok(Reply::json(
        json!({"ObjectReference": object_reference_json(&r)}),
    ))
}

pub fn delete_reference(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("object reference")?;
    let hard =
        c.path.arg(1).is_some_and(|h| h == "1" || h == "true") || c.flag("hard") == Some(true);
    let scope = c.scope();
    let mut r =
        c.tx.reference_find(&reference)?
            .ok_or_else(|| ApiError::not_found("Invalid object reference"))?;
    let event = visible_event(c.tx, &scope, &r.event_id.to_string())?;
    if !jisr_policy::can_modify_event(&c.actor, &event) {
        return Err(jisr_core::error::no_permission().into());
    }
    if hard {
        c.tx.reference_delete(r.id)?;
    } else {
        r.deleted = true;
        r.timestamp = jisr_model::wire::now();
        c.tx.reference_update(&r)?;
    }
    Ok(Reply::json(
        json!({"message": "ObjectReference deleted", "name": "ObjectReference deleted", "url": c.url}),
    ))
}

pub fn rest_search(c: &mut Call) -> ApiResult {
    use jisr_core::search::{self, Controller};
    let req = search::parse_request(c.tx, &c.body, Controller::Objects)?;
    let out = search::run(c.tx, &c.actor, &req, Controller::Objects, c.warninglists)?;
    Ok(super::attributes::search_reply(out))
}
