//! Sync servers: the links to other instances with the result of their last
//! push and pull, and a form to add one. Site admins only, as in the API.

use jisr_core::federation::servers;
use jisr_model::Server;
use minijinja::{Value, context};
use serde_json::json;

use super::edit::form_error;
use super::what;
use crate::ctx::{Ctx, Out, PageResult, WebError};
use crate::render::html;

/// What a page shows of a server: never its API key.
pub fn server_rows(ctx: &mut Ctx, list: &[Server]) -> Result<Vec<serde_json::Value>, WebError> {
    let mut rows = vec![];
    for s in list {
        let remote = jisr_core::event_read::org_ref(ctx.tx, s.remote_org_id)?.name;
        rows.push(json!({
            "id": s.id, "name": s.name, "url": s.url, "remote_org": remote,
            "push": s.push, "pull": s.pull,
            "last_push_at": s.last_push_at, "last_push_result": s.last_push_result,
            "last_pull_at": s.last_pull_at, "last_pull_result": s.last_pull_result,
        }));
    }
    Ok(rows)
}

fn page(ctx: &mut Ctx, error: Option<serde_json::Value>) -> PageResult {
    let actor = ctx.actor()?;
    let list = servers::list(ctx.tx, &actor)?;
    let rows = server_rows(ctx, &list)?;
    let orgs: Vec<_> = ctx
        .tx
        .org_list()?
        .into_iter()
        .map(|o| json!({"id": o.id.to_string(), "name": o.name}))
        .collect();
    let r = &ctx.req;
    let v = json!({
        "name": r.f("name"), "url": r.f("url"), "remote_org_id": r.f("remote_org_id"),
        "push": r.f("push") == "1", "pull": r.f("pull") == "1",
    });
    html(
        ctx,
        "admin_servers.html",
        context! {
            servers => Value::from_serialize(&rows), orgs,
            v => Value::from_serialize(&v), error => Value::from_serialize(&error),
        },
    )
}

pub fn list(ctx: &mut Ctx) -> PageResult {
    page(ctx, None)
}

pub fn add(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let r = &ctx.req;
    let body = json!({
        "name": r.f("name").trim(), "url": r.f("url").trim(), "authkey": r.f("authkey").trim(),
        "remote_org_id": r.f("remote_org_id").trim(),
        "push": r.f("push") == "1", "pull": r.f("pull") == "1",
    });
    match servers::add(ctx.tx, &actor, &body) {
        Ok(s) => {
            // The key is a credential: the audit entry records everything else.
            let change = json!({"name": s.name, "url": s.url, "push": s.push, "pull": s.pull});
            ctx.audit = Some(what("servers", "add", s.id, "", change.to_string()));
            Ok(Out::Redirect("/ui/admin/servers".into()))
        }
        Err(e) => match form_error(&e) {
            Some(shown) => page(ctx, Some(shown)),
            None => Err(e.into()),
        },
    }
}
