//! The tag collection: every user may read it; tag editors (MISP's
//! `perm_tag_editor`) add, rename and recolour tags through jisr-core.

use jisr_core::tags;
use jisr_model::wire::InTag;
use minijinja::{Value, context};
use serde_json::json;

use super::edit::form_error;
use super::what;
use crate::ctx::{Ctx, Out, PageResult};
use crate::render::html;

fn page(ctx: &mut Ctx, error: Option<serde_json::Value>) -> PageResult {
    let actor = ctx.actor()?;
    let list: Vec<_> = ctx
        .tx
        .tag_list(None)?
        .into_iter()
        .map(
            |t| json!({"id": t.id, "name": t.name, "colour": t.colour, "exportable": t.exportable}),
        )
        .collect();
    let v = json!({"name": ctx.req.f("name"), "colour": ctx.req.f("colour")});
    html(
        ctx,
        "admin_tags.html",
        context! {
            tags => Value::from_serialize(&list), can_edit => actor.can("perm_tag_editor"),
            v => Value::from_serialize(&v), error => Value::from_serialize(&error),
        },
    )
}

pub fn list(ctx: &mut Ctx) -> PageResult {
    page(ctx, None)
}

pub fn add(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let colour = ctx.req.f("colour").trim().to_string();
    let incoming = InTag {
        name: ctx.req.f("name").trim().to_string(),
        colour: (!colour.is_empty()).then_some(colour),
        ..Default::default()
    };
    match tags::add_tag(ctx.tx, &actor, &incoming) {
        Ok(t) => {
            let change = json!({"name": t.name, "colour": t.colour});
            ctx.audit = Some(what("tags", "add", t.id, "", change.to_string()));
            Ok(Out::Redirect("/ui/admin/tags".into()))
        }
        Err(e) => match form_error(&e) {
            Some(shown) => page(ctx, Some(shown)),
            None => Err(e.into()),
        },
    }
}

pub fn edit(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let reference = ctx.req.param("id").to_string();
    let tag = tags::find(ctx.tx, &reference)?
        .ok_or_else(|| jisr_core::error::not_found("Invalid tag"))?;
    let (name, colour) = (
        ctx.req.f("name").to_string(),
        ctx.req.f("colour").to_string(),
    );
    match tags::rename_tag(ctx.tx, &actor, tag, &name, &colour) {
        Ok(t) => {
            let change = json!({"name": t.name, "colour": t.colour});
            ctx.audit = Some(what("tags", "edit", t.id, "", change.to_string()));
            Ok(Out::Redirect("/ui/admin/tags".into()))
        }
        Err(e) => match form_error(&e) {
            Some(shown) => page(ctx, Some(shown)),
            None => Err(e.into()),
        },
    }
}
