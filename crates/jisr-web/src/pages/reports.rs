//! Event reports (markdown, shown sanitised on the event page) and the
//! object header form (name, comment, distribution). Both write through
//! jisr-core with the API's rules.

use jisr_core::event_read;
use jisr_model::wire::{InObject, InReport};
use minijinja::{Value, context};
use serde_json::json;

use super::edit::form_error;
use super::what;
use crate::ctx::{Ctx, Out, PageResult};
use crate::render::html;

fn report_form(
    ctx: &mut Ctx,
    event_id: i64,
    info: String,
    error: Option<serde_json::Value>,
) -> PageResult {
    let v = json!({
        "name": ctx.req.f("name"), "content": ctx.req.f("content"),
        "distribution": if ctx.req.f("distribution").is_empty() { "5" } else { ctx.req.f("distribution") },
    });
    html(
        ctx,
        "report_form.html",
        context! {
            event_id, event_info => info, v => Value::from_serialize(&v),
            error => Value::from_serialize(&error),
        },
    )
}

pub fn report_new_form(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let scope = jisr_policy::scope(&actor);
    let reference = ctx.req.param("id").to_string();
    let e = event_read::visible_event(ctx.tx, &scope, &reference)?;
    if !jisr_policy::can_modify_event(&actor, &e) {
        return Err(jisr_core::error::no_permission().into());
    }
    report_form(ctx, e.id, e.info, None)
}

pub fn report_new(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let scope = jisr_policy::scope(&actor);
    let reference = ctx.req.param("id").to_string();
    let mut e = event_read::visible_event(ctx.tx, &scope, &reference)?;
    let incoming = InReport {
        name: Some(ctx.req.f("name").trim().to_string()),
        content: Some(ctx.req.f("content").to_string()),
        distribution: ctx.req.f("distribution").trim().parse().ok(),
        ..Default::default()
    };
    match jisr_core::reports::add(ctx.tx, &actor, &mut e, &incoming) {
        Ok(r) => {
            let change = json!({"report_id": r.id, "name": r.name});
            ctx.audit = Some(what(
                "events",
                "report_add",
                e.id,
                &e.uuid,
                change.to_string(),
            ));
            Ok(Out::Redirect(format!("/ui/events/{}", e.id)))
        }
        Err(err) => match form_error(&err) {
            Some(shown) => report_form(ctx, e.id, e.info.clone(), Some(shown)),
            None => Err(err.into()),
        },
    }
}

pub fn object_edit_form(ctx: &mut Ctx) -> PageResult {
    object_page(ctx, None)
}

fn object_page(ctx: &mut Ctx, error: Option<serde_json::Value>) -> PageResult {
    let actor = ctx.actor()?;
    let scope = jisr_policy::scope(&actor);
    let reference = ctx.req.param("id").to_string();
    let (o, e) = jisr_core::objects::visible_object(ctx.tx, &scope, &reference)?;
    if !jisr_policy::can_modify_event(&actor, &e) {
        return Err(jisr_core::error::no_permission().into());
    }
    let posted = !ctx.req.form.is_empty();
    let v = if posted {
        json!({"comment": ctx.req.f("comment"), "distribution": ctx.req.f("distribution")})
    } else {
        json!({"comment": o.comment, "distribution": o.distribution.to_string()})
    };
    html(
        ctx,
        "object_edit.html",
        context! {
            object_id => o.id, object_name => o.name, event_id => e.id, event_info => e.info,
            v => Value::from_serialize(&v), error => Value::from_serialize(&error),
        },
    )
}

pub fn object_edit(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let scope = jisr_policy::scope(&actor);
    let reference = ctx.req.param("id").to_string();
    let (o, e) = jisr_core::objects::visible_object(ctx.tx, &scope, &reference)?;
    let incoming = InObject {
        name: Some(o.name.clone()),
        comment: Some(ctx.req.f("comment").to_string()),
        distribution: ctx.req.f("distribution").trim().parse().ok(),
        ..Default::default()
    };
    let (event_id, uuid, object_id) = (e.id, e.uuid.clone(), o.id);
    match jisr_core::objects::edit(ctx.tx, &actor, o, e, &incoming) {
        Ok(_) => {
            let change = json!({"object_id": object_id, "comment": incoming.comment});
            ctx.audit = Some(what(
                "events",
                "object_edit",
                event_id,
                &uuid,
                change.to_string(),
            ));
            Ok(Out::Redirect(format!("/ui/events/{event_id}")))
        }
        Err(err) => match form_error(&err) {
            Some(shown) => object_page(ctx, Some(shown)),
            None => Err(err.into()),
        },
    }
}
