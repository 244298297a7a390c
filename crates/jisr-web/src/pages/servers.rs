//! Sync servers: the links to other instances with the result of their last
//! push and pull, forms to add one and to edit its switches, filter rules
//! and certificate pinning. Site admins only, as jisr-core decides for the API.

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
            servers => Value::from_serialize(&rows), orgs, queued => ctx.req.q("queued").to_string(),
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

/// "Push now" / "Pull now": queues a job for the sync worker, as
/// `servers/push|pull/{id}` does; the worker records the outcome on the link.
pub fn sync_now(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    jisr_core::directory::require_site_admin(&actor)?;
    let reference = ctx.req.param("id").to_string();
    let s = servers::find(ctx.tx, &reference)?;
    let kind = if ctx.req.f("kind") == "pull" {
        "pull"
    } else {
        "push"
    };
    let job = jisr_model::SyncJob {
        server_id: s.id,
        kind: kind.into(),
        technique: if kind == "pull" { "update" } else { "full" }.into(),
        user_id: actor.user_id,
        created: jisr_model::wire::now(),
        ..Default::default()
    };
    let id = ctx.tx.sync_job_insert(&job)?;
    let change = json!({"server_id": s.id, "job_id": id}).to_string();
    ctx.audit = Some(what("servers", kind, s.id, "", change));
    Ok(Out::Redirect(format!("/ui/admin/servers?queued={kind}")))
}

/// The server named by the path, among those `servers::list` shows the actor
/// (which asks for a site admin, as `servers/index` does).
pub fn listed(ctx: &mut Ctx) -> Result<Server, WebError> {
    let actor = ctx.actor()?;
    let id = ctx.req.param("id").parse::<i64>().unwrap_or(0);
    servers::list(ctx.tx, &actor)?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or_else(|| jisr_core::error::not_found("Invalid server").into())
}

/// The rule lists a form edits, as MISP's rules JSON names them.
const RULE_FIELDS: &[(&str, &str, &str)] = &[
    ("tags_or", "tags", "OR"),
    ("tags_not", "tags", "NOT"),
    ("orgs_or", "orgs", "OR"),
    ("orgs_not", "orgs", "NOT"),
];

/// One line per rule list: names separated by commas.
fn rule_lines(rules: &str, prefix: &str) -> serde_json::Map<String, serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(rules).unwrap_or_default();
    let mut out = serde_json::Map::new();
    for (field, group, op) in RULE_FIELDS {
        let items: Vec<String> = match &v[group][op] {
            serde_json::Value::Array(a) => a
                .iter()
                .map(|x| {
                    x.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| x.to_string())
                })
                .collect(),
            serde_json::Value::String(s) => vec![s.clone()],
            _ => vec![],
        };
        out.insert(format!("{prefix}_{field}"), json!(items.join(", ")));
    }
    out
}

/// The form's lists written into the stored rules; keys the form does not
/// show (pull's attribute types, url parameters) are kept as they were.
fn rules_from_form(ctx: &Ctx, stored: &str, empty: &str, prefix: &str) -> String {
    let mut v: serde_json::Value = serde_json::from_str(stored)
        .or_else(|_| serde_json::from_str(empty))
        .unwrap_or_default();
    for (field, group, op) in RULE_FIELDS {
        let items: Vec<&str> = ctx
            .req
            .f(&format!("{prefix}_{field}"))
            .split([',', '\n'])
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .collect();
        if !v[group].is_object() {
            v[group] = json!({});
        }
        v[group][op] = json!(items);
    }
    v.to_string()
}

fn edit_page(ctx: &mut Ctx, s: &Server, error: Option<serde_json::Value>) -> PageResult {
    let orgs: Vec<_> = ctx
        .tx
        .org_list()?
        .into_iter()
        .map(|o| json!({"id": o.id, "name": o.name}))
        .collect();
    let mut v = json!({
        "id": s.id, "name": s.name, "url": s.url, "remote_org_id": s.remote_org_id,
        "push": s.push, "pull": s.pull, "push_sightings": s.push_sightings,
        "self_signed": s.self_signed, "cert_file": s.cert_file,
    });
    if let Some(m) = v.as_object_mut() {
        m.extend(rule_lines(&s.push_rules, "push"));
        m.extend(rule_lines(&s.pull_rules, "pull"));
    }
    html(
        ctx,
        "server_form.html",
        context! { v => Value::from_serialize(&v), orgs, error => Value::from_serialize(&error) },
    )
}

pub fn edit_form(ctx: &mut Ctx) -> PageResult {
    let s = listed(ctx)?;
    edit_page(ctx, &s, None)
}

/// `servers/edit` with what the form holds; an empty key field keeps the key.
pub fn edit(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let s = listed(ctx)?;
    let r = &ctx.req;
    let flag = |k: &str| r.f(k) == "1";
    let push_rules = rules_from_form(ctx, &s.push_rules, servers::EMPTY_PUSH_RULES, "push");
    let pull_rules = rules_from_form(ctx, &s.pull_rules, servers::EMPTY_PULL_RULES, "pull");
    let body = json!({
        "name": r.f("name").trim(), "url": r.f("url").trim(), "authkey": r.f("authkey").trim(),
        "remote_org_id": r.f("remote_org_id").trim(),
        "push": flag("push"), "pull": flag("pull"), "push_sightings": flag("push_sightings"),
        "self_signed": flag("self_signed"), "cert_file": r.f("cert_file").trim(),
        "push_rules": push_rules, "pull_rules": pull_rules,
    });
    match servers::edit(ctx.tx, &actor, s.clone(), &body) {
        Ok(saved) => {
            // Everything but the key, which is a credential.
            let change = json!({
                "name": saved.name, "url": saved.url, "push": saved.push, "pull": saved.pull,
                "self_signed": saved.self_signed, "pinned": !saved.cert_file.is_empty(),
                "push_rules": saved.push_rules, "pull_rules": saved.pull_rules,
            });
            ctx.audit = Some(what("servers", "edit", saved.id, "", change.to_string()));
            Ok(Out::Redirect("/ui/admin/servers".into()))
        }
        Err(e) => match form_error(&e) {
            Some(shown) => {
                // Show what was typed, not what is stored.
                let mut typed = s;
                typed.name = ctx.req.f("name").to_string();
                typed.url = ctx.req.f("url").to_string();
                typed.cert_file = ctx.req.f("cert_file").to_string();
                typed.push_rules = push_rules;
                typed.pull_rules = pull_rules;
                edit_page(ctx, &typed, Some(shown))
            }
            None => Err(e.into()),
        },
    }
}
