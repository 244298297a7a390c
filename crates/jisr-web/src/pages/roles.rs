//! Roles: everyone may read them; site admins add and edit them (name and
//! permission flags) through jisr-core's `add_role`/`edit_role`.

use jisr_core::directory;
use jisr_model::roles::{PERMISSION_FLAGS, Role};
use minijinja::{Value, context};
use serde_json::json;

use super::edit::form_error;
use super::what;
use crate::ctx::{Ctx, Out, PageResult};
use crate::render::html;

/// The form's content: every flag, on or off, so that unticking counts.
fn body_from_form(ctx: &Ctx) -> serde_json::Value {
    let mut body = serde_json::Map::new();
    body.insert("name".into(), json!(ctx.req.f("name").trim()));
    let ticked = ctx.req.f_all("perm");
    for flag in PERMISSION_FLAGS {
        body.insert((*flag).to_string(), json!(ticked.contains(flag)));
    }
    serde_json::Value::Object(body)
}

fn form(ctx: &mut Ctx, role: Option<&Role>, error: Option<serde_json::Value>) -> PageResult {
    let posted = !ctx.req.form.is_empty();
    let ticked: Vec<String> = if posted {
        ctx.req
            .f_all("perm")
            .into_iter()
            .map(String::from)
            .collect()
    } else {
        role.map(|r| {
            r.perms
                .iter()
                .filter(|(_, on)| **on)
                .map(|(k, _)| k.clone())
                .collect()
        })
        .unwrap_or_default()
    };
    let name = if posted {
        ctx.req.f("name").to_string()
    } else {
        role.map(|r| r.name.clone()).unwrap_or_default()
    };
    let flags: Vec<_> = PERMISSION_FLAGS
        .iter()
        .map(|f| json!({"flag": f, "on": ticked.iter().any(|t| t == f)}))
        .collect();
    html(
        ctx,
        "role_form.html",
        context! {
            role_id => role.map(|r| r.id), name, flags => Value::from_serialize(&flags),
            error => Value::from_serialize(&error),
        },
    )
}

pub fn new_form(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    directory::require_site_admin(&actor)?;
    form(ctx, None, None)
}

pub fn add(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let body = body_from_form(ctx);
    match directory::add_role(ctx.tx, &actor, &body) {
        Ok(r) => {
            ctx.audit = Some(what("roles", "add", r.id, "", body.to_string()));
            Ok(Out::Redirect("/ui/admin/roles".into()))
        }
        Err(e) => match form_error(&e) {
            Some(shown) => form(ctx, None, Some(shown)),
            None => Err(e.into()),
        },
    }
}

fn role(ctx: &mut Ctx) -> Result<Role, crate::ctx::WebError> {
    let id = ctx.req.param("id").parse::<i64>().unwrap_or(0);
    Ok(ctx
        .tx
        .role_get(id)?
        .ok_or_else(|| jisr_core::error::not_found("Invalid role"))?)
}

pub fn edit_form(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    directory::require_site_admin(&actor)?;
    let r = role(ctx)?;
    form(ctx, Some(&r), None)
}

pub fn edit(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let r = role(ctx)?;
    let body = body_from_form(ctx);
    match directory::edit_role(ctx.tx, &actor, r.clone(), &body) {
        Ok(saved) => {
            ctx.audit = Some(what("roles", "edit", saved.id, "", body.to_string()));
            Ok(Out::Redirect("/ui/admin/roles".into()))
        }
        Err(e) => match form_error(&e) {
            Some(shown) => form(ctx, Some(&r), Some(shown)),
            None => Err(e.into()),
        },
    }
}
