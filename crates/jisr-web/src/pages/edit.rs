//! Creating and editing events, attributes, objects and tags. Every write
//! calls the same jisr-core function the API calls (same validation, same
//! permission rules) and is committed with its audit entry only on success;
//! a refused form is shown again with the reason in the user's language.

use jisr_core::CoreError;
use jisr_core::event_read;
use jisr_model::wire::{InAttribute, InEvent, InObject};
use jisr_model::{Attribute, Event};
use jisr_policy::Actor;
use minijinja::{Value, context};
use serde_json::json;

use super::what;
use crate::ctx::{Ctx, Out, PageResult, WebError};
use crate::render::html;

/// A refused write, as the form shows it: the field, a message id and the
/// service layer's own detail (shown isolated, as a technical note).
pub fn form_error(e: &CoreError) -> Option<serde_json::Value> {
    let (field, detail) = match e {
        CoreError::Validation { message, errors } => {
            let field = errors
                .as_object()
                .and_then(|o| o.keys().next().cloned())
                .unwrap_or_default();
            let reason = errors
                .get(&field)
                .and_then(|r| r.get(0))
                .and_then(|r| r.as_str())
                .unwrap_or(message);
            (field, reason.to_string())
        }
        CoreError::Invalid(m) | CoreError::Exists { message: m, .. } => (String::new(), m.clone()),
        _ => return None,
    };
    let id = match field.as_str() {
        "info" | "value" | "type" | "category" | "distribution" | "date" | "name"
        | "sharing_group_id" | "email" | "org_id" | "role_id" | "url" | "authkey" | "colour"
        | "cert_file" | "push_rules" => {
            format!("err-field-{field}")
        }
        "Organisation" => "err-field-org_id".into(),
        _ => "err-generic".into(),
    };
    Some(json!({"field": field, "id": id, "detail": detail}))
}

/// Runs a write; a validation refusal becomes `Ok(Err(shown))`.
fn attempt<T>(r: Result<T, CoreError>) -> Result<Result<T, serde_json::Value>, WebError> {
    match r {
        Ok(v) => Ok(Ok(v)),
        Err(e) => match form_error(&e) {
            Some(shown) => Ok(Err(shown)),
            None => Err(e.into()),
        },
    }
}

fn int(s: &str) -> Option<i64> {
    s.trim().parse().ok()
}

fn opt_text(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn groups(ctx: &mut Ctx, actor: &Actor) -> Result<Vec<serde_json::Value>, WebError> {
    Ok(jisr_core::sharing_groups::list(ctx.tx, actor)?
        .into_iter()
        .map(|g| json!({"id": g.id.to_string(), "name": g.name}))
        .collect())
}

fn event_from_form(ctx: &Ctx) -> InEvent {
    let r = &ctx.req;
    InEvent {
        info: Some(r.f("info").trim().to_string()),
        date: opt_text(r.f("date")),
        distribution: int(r.f("distribution")),
        sharing_group_id: int(r.f("sharing_group_id")),
        threat_level_id: int(r.f("threat_level_id")),
        analysis: int(r.f("analysis")),
        ..Default::default()
    }
}

fn event_form(
    ctx: &mut Ctx,
    actor: &Actor,
    event_id: Option<i64>,
    values: serde_json::Value,
    error: Option<serde_json::Value>,
) -> PageResult {
    let groups = groups(ctx, actor)?;
    html(
        ctx,
        "event_form.html",
        context! {
            event_id, groups, v => Value::from_serialize(&values),
            error => Value::from_serialize(&error),
        },
    )
}

fn form_values(ctx: &Ctx) -> serde_json::Value {
    let r = &ctx.req;
    json!({
        "info": r.f("info"), "date": r.f("date"), "distribution": r.f("distribution"),
        "sharing_group_id": r.f("sharing_group_id"), "threat_level_id": r.f("threat_level_id"),
        "analysis": r.f("analysis"),
    })
}

pub fn event_new_form(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    if !jisr_policy::can_add_event(&actor) {
        return Err(jisr_core::error::no_permission().into());
    }
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let v = json!({"date": today, "distribution": "0", "threat_level_id": "4", "analysis": "0"});
    event_form(ctx, &actor, None, v, None)
}

pub fn event_new(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let incoming = event_from_form(ctx);
    match attempt(jisr_core::event_write::add_event(ctx.tx, &actor, &incoming))? {
        Ok(id) => {
            let uuid = ctx.tx.event_get(id)?.map(|e| e.uuid).unwrap_or_default();
            let change = json!({"info": incoming.info, "distribution": incoming.distribution});
            ctx.audit = Some(what("events", "add", id, &uuid, change.to_string()));
            Ok(Out::Redirect(format!("/ui/events/{id}")))
        }
        Err(shown) => {
            let v = form_values(ctx);
            event_form(ctx, &actor, None, v, Some(shown))
        }
    }
}

/// The event named in the path, if the actor sees it and may change it.
fn editable_event(ctx: &mut Ctx, actor: &Actor) -> Result<Event, WebError> {
    let scope = jisr_policy::scope(actor);
    let reference = ctx.req.param("id").to_string();
    let e = event_read::visible_event(ctx.tx, &scope, &reference)?;
    if !jisr_policy::can_modify_event(actor, &e) {
        return Err(jisr_core::error::no_permission().into());
    }
    Ok(e)
}

pub fn event_edit_form(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let e = editable_event(ctx, &actor)?;
    let v = json!({
        "info": e.info, "date": e.date, "distribution": e.distribution.to_string(),
        "sharing_group_id": e.sharing_group_id.to_string(),
        "threat_level_id": e.threat_level_id.to_string(), "analysis": e.analysis.to_string(),
    });
    event_form(ctx, &actor, Some(e.id), v, None)
}

pub fn event_edit(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let e = editable_event(ctx, &actor)?;
    let incoming = event_from_form(ctx);
    let (id, uuid) = (e.id, e.uuid.clone());
    match attempt(jisr_core::event_write::edit_event(
        ctx.tx, &actor, e, &incoming,
    ))? {
        Ok(()) => {
            let change = json!({"info": incoming.info, "distribution": incoming.distribution});
            ctx.audit = Some(what("events", "edit", id, &uuid, change.to_string()));
            Ok(Out::Redirect(format!("/ui/events/{id}")))
        }
        Err(shown) => {
            let v = form_values(ctx);
            event_form(ctx, &actor, Some(id), v, Some(shown))
        }
    }
}

fn types_and_categories() -> (Vec<String>, Vec<String>) {
    let d = jisr_model::types::describe_types();
    let list = |k: &str| -> Vec<String> {
        d.get(k)
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    (list("types"), list("categories"))
}

fn attribute_from_form(ctx: &Ctx) -> InAttribute {
    let r = &ctx.req;
    InAttribute {
        attr_type: opt_text(r.f("type")),
        category: opt_text(r.f("category")),
        value: Some(r.f("value").trim().to_string()),
        to_ids: Some(r.f("to_ids") == "1"),
        distribution: int(r.f("distribution")),
        sharing_group_id: int(r.f("sharing_group_id")),
        comment: Some(r.f("comment").to_string()),
        ..Default::default()
    }
}

fn attribute_values(a: Option<&Attribute>, ctx: &Ctx) -> serde_json::Value {
    match a {
        Some(a) => json!({
            "type": a.attr_type, "category": a.category, "value": a.value(),
            "to_ids": a.to_ids, "distribution": a.distribution.to_string(), "comment": a.comment,
        }),
        None => {
            let r = &ctx.req;
            json!({
                "type": r.f("type"), "category": r.f("category"), "value": r.f("value"),
                "to_ids": r.f("to_ids") == "1", "distribution": if r.f("distribution").is_empty() { "5" } else { r.f("distribution") },
                "comment": r.f("comment"),
            })
        }
    }
}

fn attribute_form(
    ctx: &mut Ctx,
    actor: &Actor,
    event: &Event,
    attribute_id: Option<i64>,
    v: serde_json::Value,
    error: Option<serde_json::Value>,
) -> PageResult {
    let (types, categories) = types_and_categories();
    let groups = groups(ctx, actor)?;
    html(
        ctx,
        "attribute_form.html",
        context! {
            event_id => event.id, event_info => event.info.clone(), attribute_id,
            types, categories, groups, v => Value::from_serialize(&v),
            error => Value::from_serialize(&error),
        },
    )
}

pub fn attribute_new_form(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let e = editable_event(ctx, &actor)?;
    let v = json!({"type": "ip-dst", "distribution": "5"});
    attribute_form(ctx, &actor, &e, None, v, None)
}

pub fn attribute_new(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let e = editable_event(ctx, &actor)?;
    let incoming = attribute_from_form(ctx);
    let (id, uuid) = (e.id, e.uuid.clone());
    match attempt(jisr_core::attributes::add(
        ctx.tx,
        &actor,
        e.clone(),
        &incoming,
        true,
    ))? {
        Ok(a) => {
            let change = json!({"type": a.attr_type, "value": a.value(), "attribute_id": a.id});
            ctx.audit = Some(what(
                "Event",
                "attribute_add",
                id,
                &uuid,
                change.to_string(),
            ));
            Ok(Out::Redirect(format!("/ui/events/{id}")))
        }
        Err(shown) => {
            let v = attribute_values(None, ctx);
            attribute_form(ctx, &actor, &e, None, v, Some(shown))
        }
    }
}

fn editable_attribute(ctx: &mut Ctx, actor: &Actor) -> Result<(Attribute, Event), WebError> {
    let scope = jisr_policy::scope(actor);
    let reference = ctx.req.param("id").to_string();
    let (a, e) = jisr_core::attributes::visible_attribute(ctx.tx, &scope, &reference)?;
    if !jisr_policy::can_modify_event(actor, &e) {
        return Err(jisr_core::error::no_permission().into());
    }
    Ok((a, e))
}

pub fn attribute_edit_form(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let (a, e) = editable_attribute(ctx, &actor)?;
    let v = attribute_values(Some(&a), ctx);
    attribute_form(ctx, &actor, &e, Some(a.id), v, None)
}

pub fn attribute_edit(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let (a, e) = editable_attribute(ctx, &actor)?;
    let incoming = attribute_from_form(ctx);
    let (event_id, uuid, attribute_id) = (e.id, e.uuid.clone(), a.id);
    match attempt(jisr_core::attributes::edit(
        ctx.tx,
        &actor,
        a,
        e.clone(),
        &incoming,
    ))? {
        Ok(a) => {
            let change = json!({"type": a.attr_type, "value": a.value(), "attribute_id": a.id});
            ctx.audit = Some(what(
                "Event",
                "attribute_edit",
                event_id,
                &uuid,
                change.to_string(),
            ));
            Ok(Out::Redirect(format!("/ui/events/{event_id}")))
        }
        Err(shown) => {
            let v = attribute_values(None, ctx);
            attribute_form(ctx, &actor, &e, Some(attribute_id), v, Some(shown))
        }
    }
}

/// Rows of the object form: as many relation/type/value triples as sent.
const OBJECT_ROWS: usize = 6;

fn object_form(ctx: &mut Ctx, e: &Event, error: Option<serde_json::Value>) -> PageResult {
    let (types, _) = types_and_categories();
    let r = &ctx.req;
    let rel = r.f_all("relation");
    let ty = r.f_all("type");
    let val = r.f_all("value");
    let rows: Vec<_> = (0..OBJECT_ROWS)
        .map(|i| {
            json!({
                "relation": rel.get(i).copied().unwrap_or(""),
                "type": ty.get(i).copied().unwrap_or(if i == 0 { "full-name" } else { "" }),
                "value": val.get(i).copied().unwrap_or(""),
            })
        })
        .collect();
    let v = json!({"name": r.f("name"), "comment": r.f("comment")});
    html(
        ctx,
        "object_form.html",
        context! {
            event_id => e.id, event_info => e.info.clone(), types,
            rows => Value::from_serialize(&rows), v => Value::from_serialize(&v),
            error => Value::from_serialize(&error),
        },
    )
}

pub fn object_new_form(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let e = editable_event(ctx, &actor)?;
    object_form(ctx, &e, None)
}

pub fn object_new(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let e = editable_event(ctx, &actor)?;
    let r = &ctx.req;
    let attributes: Vec<InAttribute> = r
        .f_all("relation")
        .into_iter()
        .zip(r.f_all("type"))
        .zip(r.f_all("value"))
        .filter(|((_, _), v)| !v.trim().is_empty())
        .map(|((rel, t), v)| InAttribute {
            object_relation: opt_text(rel).or_else(|| opt_text(t)),
            attr_type: opt_text(t),
            value: Some(v.trim().to_string()),
            ..Default::default()
        })
        .collect();
    let incoming = InObject {
        name: opt_text(r.f("name")),
        comment: Some(r.f("comment").to_string()),
        attributes,
        ..Default::default()
    };
    let (id, uuid) = (e.id, e.uuid.clone());
    match attempt(jisr_core::objects::add(
        ctx.tx,
        &actor,
        e.clone(),
        &incoming,
    ))? {
        Ok(object_id) => {
            let change = json!({"name": incoming.name, "object_id": object_id});
            ctx.audit = Some(what("events", "object_add", id, &uuid, change.to_string()));
            Ok(Out::Redirect(format!("/ui/events/{id}")))
        }
        Err(shown) => object_form(ctx, &e, Some(shown)),
    }
}
