//! Administration: organisations, users (with one-time set-password links),
//! roles, sharing groups, and the audit log. The rules (who may add whom,
//! which role may be granted) are jisr-core's, as for the API.

use jisr_core::{directory, sharing_groups};
use jisr_policy::Actor;
use minijinja::{Value, context};
use serde_json::json;

use super::edit::form_error;
use super::what;
use crate::ctx::{Ctx, Out, PageResult, WebError};
use crate::render::html;

fn org_rows(ctx: &mut Ctx) -> Result<Vec<serde_json::Value>, WebError> {
    Ok(ctx
        .tx
        .org_list()?
        .into_iter()
        .map(|o| json!({"id": o.id, "name": o.name, "nationality": o.nationality, "sector": o.sector, "local": o.local}))
        .collect())
}

fn orgs_page(ctx: &mut Ctx, actor: &Actor, error: Option<serde_json::Value>) -> PageResult {
    let orgs = org_rows(ctx)?;
    let v = json!({"name": ctx.req.f("name"), "nationality": ctx.req.f("nationality"), "sector": ctx.req.f("sector")});
    html(
        ctx,
        "admin_orgs.html",
        context! {
            orgs, can_add => actor.is_site_admin(), v => Value::from_serialize(&v),
            error => Value::from_serialize(&error),
        },
    )
}

pub fn orgs(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    orgs_page(ctx, &actor, None)
}

pub fn org_add(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let body = json!({
        "name": ctx.req.f("name").trim(), "nationality": ctx.req.f("nationality").trim(),
        "sector": ctx.req.f("sector").trim(), "local": ctx.req.f("remote") != "1",
    });
    match directory::add_org(ctx.tx, &actor, &body) {
        Ok(o) => {
            ctx.audit = Some(what(
                "organisations",
                "add",
                o.id,
                &o.uuid,
                body.to_string(),
            ));
            Ok(Out::Redirect("/ui/admin/orgs".into()))
        }
        Err(e) => match form_error(&e) {
            Some(shown) => orgs_page(ctx, &actor, Some(shown)),
            None => Err(e.into()),
        },
    }
}

fn users_page(
    ctx: &mut Ctx,
    actor: &Actor,
    error: Option<serde_json::Value>,
    issued: Option<serde_json::Value>,
) -> PageResult {
    let mut users = vec![];
    for u in directory::users_visible(ctx.tx, actor)? {
        let org = jisr_core::event_read::org_ref(ctx.tx, u.org_id)?.name;
        let role = ctx
            .tx
            .role_get(u.role_id)?
            .map(|r| r.name)
            .unwrap_or_default();
        let has_password = ctx
            .tx
            .password_get(u.id)?
            .is_some_and(|p| !p.hash.is_empty());
        users.push(json!({
            "id": u.id, "email": u.email, "org": org, "role": role, "role_id": u.role_id,
            "disabled": u.disabled,
            "last_login": u.last_login, "has_password": has_password,
        }));
    }
    let orgs = if actor.is_site_admin() {
        org_rows(ctx)?
    } else {
        vec![
            json!({"id": actor.org_id, "name": jisr_core::event_read::org_ref(ctx.tx, actor.org_id)?.name}),
        ]
    };
    let roles: Vec<_> = ctx
        .tx
        .role_list()?
        .into_iter()
        .filter(|r| actor.is_site_admin() || !r.is_site_admin())
        .map(|r| json!({"id": r.id, "name": r.name}))
        .collect();
    // A refused form is shown again as sent; after a success it is empty.
    let v = if issued.is_some() {
        json!({})
    } else {
        json!({"email": ctx.req.f("email"), "org_id": ctx.req.f("org_id"), "role_id": ctx.req.f("role_id")})
    };
    html(
        ctx,
        "admin_users.html",
        context! {
            users, orgs, roles, v => Value::from_serialize(&v),
            error => Value::from_serialize(&error), issued => Value::from_serialize(&issued),
        },
    )
}

pub fn users(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    users_page(ctx, &actor, None, None)
}

/// Creates the user and shows, once, their API key and a set-password link.
pub fn user_add(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let body = json!({
        "email": ctx.req.f("email").trim(),
        "org_id": ctx.req.f("org_id").trim().parse::<i64>().unwrap_or(actor.org_id),
        "role_id": ctx.req.f("role_id").trim().parse::<i64>().ok(),
    });
    let (user, key) = match directory::add_user(ctx.tx, &actor, &ctx.st.secret, &body) {
        Ok(r) => r,
        Err(e) => {
            return match form_error(&e) {
                Some(shown) => users_page(ctx, &actor, Some(shown), None),
                None => Err(e.into()),
            };
        }
    };
    let token = jisr_core::accounts::issue_link(ctx.tx, &ctx.st.secret, &actor, &user)?;
    ctx.audit = Some(what("users", "add", user.id, "", body.to_string()));
    // Shown on this response only; committing here keeps the page the single
    // place the secrets appear (no redirect that would have to carry them).
    ctx.keep = true;
    let issued = json!({"email": user.email, "link": format!("/ui/password/{token}"), "key": key});
    users_page(ctx, &actor, None, Some(issued))
}

pub fn user_link(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let reference = ctx.req.param("id").to_string();
    let user = directory::find_user(ctx.tx, &actor, &reference)?;
    if !directory::may_manage_user(&actor, &user) {
        return Err(jisr_core::error::no_permission().into());
    }
    let token = jisr_core::accounts::issue_link(ctx.tx, &ctx.st.secret, &actor, &user)?;
    ctx.audit = Some(what("users", "password_link", user.id, "", String::new()));
    ctx.keep = true;
    let issued = json!({"email": user.email, "link": format!("/ui/password/{token}")});
    users_page(ctx, &actor, None, Some(issued))
}

pub fn roles(ctx: &mut Ctx) -> PageResult {
    ctx.actor()?;
    let roles: Vec<_> = ctx
        .tx
        .role_list()?
        .into_iter()
        .map(|r| {
            let perms: Vec<_> = r
                .perms
                .iter()
                .filter(|(_, on)| **on)
                .map(|(k, _)| k.clone())
                .collect();
            json!({"id": r.id, "name": r.name, "default": r.default_role, "perms": perms})
        })
        .collect();
    let can_edit = ctx.actor.as_ref().is_some_and(|a| a.is_site_admin());
    html(ctx, "admin_roles.html", context! { roles, can_edit })
}

fn groups_page(ctx: &mut Ctx, actor: &Actor, error: Option<serde_json::Value>) -> PageResult {
    let mut groups = vec![];
    for g in sharing_groups::list(ctx.tx, actor)? {
        let owner = jisr_core::event_read::org_ref(ctx.tx, g.org_id)?.name;
        let mut members = vec![];
        for m in sharing_groups::members(ctx.tx, &g)? {
            let name = jisr_core::event_read::org_ref(ctx.tx, m.org_id)?.name;
            members.push(json!({"id": m.org_id, "name": name}));
        }
        let editable = sharing_groups::may_edit(ctx.tx, actor, &g)?;
        groups.push(json!({
            "id": g.id, "name": g.name, "releasability": g.releasability, "owner": owner,
            "active": g.active, "members": members, "editable": editable,
        }));
    }
    let v = json!({"name": ctx.req.f("name"), "releasability": ctx.req.f("releasability")});
    let orgs = org_rows(ctx)?;
    html(
        ctx,
        "admin_groups.html",
        context! {
            groups, orgs, can_add => actor.can("perm_sharing_group"),
            v => Value::from_serialize(&v), error => Value::from_serialize(&error),
        },
    )
}

pub fn groups(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    groups_page(ctx, &actor, None)
}

pub fn group_add(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let body = json!({
        "name": ctx.req.f("name").trim(), "releasability": ctx.req.f("releasability").trim(),
        "description": ctx.req.f("description").trim(),
    });
    match sharing_groups::add(ctx.tx, &actor, &body) {
        Ok(g) => {
            ctx.audit = Some(what(
                "sharing_groups",
                "add",
                g.id,
                &g.uuid,
                body.to_string(),
            ));
            Ok(Out::Redirect("/ui/admin/sharing-groups".into()))
        }
        Err(e) => match form_error(&e) {
            Some(shown) => groups_page(ctx, &actor, Some(shown)),
            None => Err(e.into()),
        },
    }
}

/// The audit log, for site admins (as `admin/logs/index`).
/// How many of the newest audit entries one page of the log reads at most.
const AUDIT_SCANNED: usize = 100_000;

pub fn audit(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    if !actor.is_site_admin() {
        return Err(jisr_core::error::no_permission().into());
    }
    let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    let f = jisr_core::audit::Filter {
        model: opt(ctx.req.q("model")),
        action: opt(ctx.req.q("action")),
        email: opt(ctx.req.q("email")),
        limit: 200,
        ..Default::default()
    };
    let (found, complete) = jisr_core::audit::recent(ctx.tx, &f, AUDIT_SCANNED)?;
    let entries: Vec<_> = found
        .into_iter()
        .map(|e| {
            json!({
                "id": e.id, "created": e.created, "email": e.email, "ip": e.ip, "model": e.model,
                "model_id": e.model_id, "action": e.action, "change": e.change.chars().take(300).collect::<String>(),
            })
        })
        .collect();
    let q = json!({"model": ctx.req.q("model"), "action": ctx.req.q("action"), "email": ctx.req.q("email")});
    html(
        ctx,
        "audit.html",
        context! {
            entries => Value::from_serialize(&entries), q => Value::from_serialize(&q),
            complete, scanned => AUDIT_SCANNED,
        },
    )
}

/// Changes a user's role or disables them (`admin/users/edit`'s rules). A
/// disabled user's console sessions end at once.
pub fn user_edit(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let reference = ctx.req.param("id").to_string();
    let user = directory::find_user(ctx.tx, &actor, &reference)?;
    let body = json!({
        "role_id": ctx.req.f("role_id").trim().parse::<i64>().ok(),
        "disabled": ctx.req.f("disabled") == "1",
    });
    match directory::edit_user(ctx.tx, &actor, user, &body) {
        Ok(u) => {
            if u.disabled {
                ctx.tx.sessions_delete_user(u.id)?;
            }
            ctx.audit = Some(what("users", "edit", u.id, "", body.to_string()));
            Ok(Out::Redirect("/ui/admin/users".into()))
        }
        Err(e) => match form_error(&e) {
            Some(shown) => users_page(ctx, &actor, Some(shown), None),
            None => Err(e.into()),
        },
    }
}

/// Adds an organisation to a sharing group, or removes it (`remove=1`):
/// the group's own managers only, as `sharing_groups/addOrg|removeOrg`.
pub fn group_member(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let reference = ctx.req.param("id").to_string();
    let g = sharing_groups::visible(ctx.tx, &actor, &reference)?;
    let org_id = ctx
        .req
        .f("org_id")
        .trim()
        .parse::<i64>()
        .map_err(|_| jisr_core::error::not_found("Invalid organisation."))?;
    let action = if ctx.req.f("remove") == "1" {
        sharing_groups::remove_org(ctx.tx, &actor, &g, org_id)?;
        "remove_org"
    } else {
        sharing_groups::add_org(ctx.tx, &actor, &g, org_id, ctx.req.f("extend") == "1")?;
        "add_org"
    };
    let change = json!({"org_id": org_id}).to_string();
    ctx.audit = Some(what("sharing_groups", action, g.id, &g.uuid, change));
    Ok(Out::Redirect("/ui/admin/sharing-groups".into()))
}

/// Edits an organisation's name, nationality and sector (`admin/organisations/edit`).
pub fn org_edit(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let id = ctx.req.param("id").parse::<i64>().unwrap_or(0);
    let o = ctx
        .tx
        .org_get(id)?
        .ok_or_else(|| jisr_core::error::not_found("Invalid organisation"))?;
    let body = json!({
        "name": ctx.req.f("name").trim(), "nationality": ctx.req.f("nationality").trim(),
        "sector": ctx.req.f("sector").trim(),
    });
    match directory::edit_org(ctx.tx, &actor, o, &body) {
        Ok(o) => {
            ctx.audit = Some(what(
                "organisations",
                "edit",
                o.id,
                &o.uuid,
                body.to_string(),
            ));
            Ok(Out::Redirect("/ui/admin/orgs".into()))
        }
        Err(e) => match form_error(&e) {
            Some(shown) => orgs_page(ctx, &actor, Some(shown)),
            None => Err(e.into()),
        },
    }
}
