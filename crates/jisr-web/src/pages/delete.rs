//! Deletions, each in two steps without JavaScript: a GET shows what will be
//! deleted with a confirmation form (CSRF token), the POST deletes through
//! the jisr-core function the API calls, which alone decides who may.
//! What the confirmation page names is read through the same visibility
//! rules, so a hidden item answers 404 here too.

use jisr_core::CoreError;
use jisr_core::tags::Target;
use jisr_core::{directory, event_read, event_write, objects, reports, sharing_groups};
use minijinja::{Value, context};
use serde_json::json;

use super::what;
use crate::ctx::{Ctx, Out, PageResult, WebError};
use crate::render::html;

/// The thing a confirmation page is about.
struct Subject {
    /// Fluent id of the question, with `$name` for the item's name (and
    /// `$value` for the attribute whose tag is removed).
    question: &'static str,
    name: String,
    value: String,
    /// Where "Cancel" leads, and where a refused deletion's page links back.
    back: String,
    /// Extra fields the POST needs (a tag's name).
    hidden: Vec<(&'static str, String)>,
}

fn confirm(ctx: &mut Ctx, s: Subject, error: Option<serde_json::Value>) -> PageResult {
    let action = ctx.req.path.clone();
    let hidden: Vec<_> = s
        .hidden
        .iter()
        .map(|(k, v)| json!({"name": k, "value": v}))
        .collect();
    html(
        ctx,
        "confirm.html",
        context! {
            question => s.question, name => s.name, value => s.value, back => s.back, action,
            button => if s.question.starts_with("confirm-remove") { "confirm-remove" } else { "confirm-delete" },
            hidden => Value::from_serialize(&hidden), error => Value::from_serialize(&error),
        },
    )
}

/// A deletion jisr-core refused for a reason the user can act on (the
/// organisation still has users, …) is shown on the confirmation page in the
/// reader's language; permission and visibility errors are answered with
/// their own pages (403, 404).
fn refusal(e: &CoreError) -> Option<serde_json::Value> {
    let CoreError::Invalid(message) = e else {
        return None;
    };
    // jisr-core's messages are English; the known reasons have translations.
    const KNOWN: &[(&str, &str)] = &[
        ("still has users", "err-delete-org-users"),
        ("owns or created events", "err-delete-org-events"),
        ("still have this role", "err-delete-role-users"),
        ("cannot delete yourself", "err-delete-self"),
    ];
    let id = KNOWN
        .iter()
        .find(|(phrase, _)| message.contains(phrase))
        .map(|(_, id)| *id)
        .unwrap_or("err-delete-refused");
    Some(json!({"id": id, "detail": message}))
}

/// Runs a deletion: redirects when done, shows the confirmation again with
/// the reason when refused.
fn finish(ctx: &mut Ctx, s: Subject, done: Result<(), CoreError>, to: String) -> PageResult {
    match done {
        Ok(()) => Ok(Out::Redirect(to)),
        Err(e) => match refusal(&e) {
            Some(shown) => {
                ctx.audit = None;
                confirm(ctx, s, Some(shown))
            }
            None => Err(e.into()),
        },
    }
}

fn reference(ctx: &Ctx) -> String {
    ctx.req.param("id").to_string()
}

// --- events and what is in them ---------------------------------------------

fn event_subject(ctx: &mut Ctx) -> Result<(Subject, jisr_model::Event), WebError> {
    let scope = jisr_policy::scope(&ctx.actor()?);
    let reference = reference(ctx);
    let e = event_read::visible_event(ctx.tx, &scope, &reference)?;
    let s = Subject {
        question: "confirm-delete-event",
        name: e.info.clone(),
        value: String::new(),
        back: format!("/ui/events/{}", e.id),
        hidden: vec![],
    };
    Ok((s, e))
}

pub fn event_form(ctx: &mut Ctx) -> PageResult {
    let (s, _) = event_subject(ctx)?;
    confirm(ctx, s, None)
}

pub fn event(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let (s, e) = event_subject(ctx)?;
    let change = json!({"info": e.info}).to_string();
    ctx.audit = Some(what("events", "delete", e.id, &e.uuid, change));
    let done = event_write::delete_event(ctx.tx, &actor, &e);
    finish(ctx, s, done, "/ui/events?deleted=1".into())
}

fn object_subject(
    ctx: &mut Ctx,
) -> Result<(Subject, jisr_model::MispObject, jisr_model::Event), WebError> {
    let scope = jisr_policy::scope(&ctx.actor()?);
    let reference = reference(ctx);
    let (o, e) = objects::visible_object(ctx.tx, &scope, &reference)?;
    let s = Subject {
        question: "confirm-delete-object",
        name: o.name.clone(),
        value: String::new(),
        back: format!("/ui/events/{}", e.id),
        hidden: vec![],
    };
    Ok((s, o, e))
}

pub fn object_form(ctx: &mut Ctx) -> PageResult {
    let (s, _, _) = object_subject(ctx)?;
    confirm(ctx, s, None)
}

/// A soft delete, MISP's default: the object and its attributes stay, marked deleted.
pub fn object(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let (s, o, e) = object_subject(ctx)?;
    let (event_id, uuid) = (e.id, e.uuid.clone());
    let change = json!({"object_id": o.id, "name": o.name}).to_string();
    ctx.audit = Some(what("events", "object_delete", event_id, &uuid, change));
    let done = objects::delete(ctx.tx, &actor, o, e, false);
    finish(ctx, s, done, format!("/ui/events/{event_id}"))
}

fn report_subject(
    ctx: &mut Ctx,
) -> Result<(Subject, jisr_model::EventReport, jisr_model::Event), WebError> {
    let scope = jisr_policy::scope(&ctx.actor()?);
    let reference = reference(ctx);
    let (r, e) = reports::visible_report(ctx.tx, &scope, &reference)?;
    let s = Subject {
        question: "confirm-delete-report",
        name: r.name.clone(),
        value: String::new(),
        back: format!("/ui/events/{}", e.id),
        hidden: vec![],
    };
    Ok((s, r, e))
}

pub fn report_form(ctx: &mut Ctx) -> PageResult {
    let (s, _, _) = report_subject(ctx)?;
    confirm(ctx, s, None)
}

pub fn report(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let (s, r, e) = report_subject(ctx)?;
    let (event_id, uuid) = (e.id, e.uuid.clone());
    let change = json!({"report_id": r.id, "name": r.name}).to_string();
    ctx.audit = Some(what("events", "report_delete", event_id, &uuid, change));
    let done = reports::delete(ctx.tx, &actor, r, e, false);
    finish(ctx, s, done, format!("/ui/events/{event_id}"))
}

/// The attribute and the tag named by the query (confirmation) or the form.
fn attribute_tag_subject(ctx: &mut Ctx) -> Result<(Subject, Target, jisr_model::Tag), WebError> {
    let scope = jisr_policy::scope(&ctx.actor()?);
    let reference = reference(ctx);
    let (a, e) = jisr_core::attributes::visible_attribute(ctx.tx, &scope, &reference)?;
    let name = match ctx.req.f("tag") {
        "" => ctx.req.q("tag").to_string(),
        given => given.to_string(),
    };
    let tag = jisr_core::tags::find(ctx.tx, &name)?
        .ok_or_else(|| jisr_core::error::not_found("Invalid Tag."))?;
    let s = Subject {
        question: "confirm-remove-attribute-tag",
        name: tag.name.clone(),
        value: a.value(),
        back: format!("/ui/events/{}", e.id),
        hidden: vec![("tag", tag.name.clone())],
    };
    Ok((s, Target::Attribute(Box::new(a), e), tag))
}

pub fn attribute_tag_form(ctx: &mut Ctx) -> PageResult {
    let (s, _, _) = attribute_tag_subject(ctx)?;
    confirm(ctx, s, None)
}

/// `tags/removeTagFromObject` on an attribute.
pub fn attribute_tag(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let (s, target, tag) = attribute_tag_subject(ctx)?;
    let (_, attribute_id) = target.describe();
    let e = target.event().clone();
    let change = json!({"attribute_id": attribute_id, "tag": tag.name}).to_string();
    ctx.audit = Some(what("events", "tag_remove", e.id, &e.uuid, change));
    // Removing a tag that is no longer there changes nothing: the page shows the event.
    let done = jisr_core::tags::remove(ctx.tx, &actor, target, &tag).map(|_| ());
    finish(ctx, s, done, format!("/ui/events/{}", e.id))
}

// --- administration ----------------------------------------------------------

fn org_subject(ctx: &mut Ctx) -> Result<(Subject, jisr_model::Organisation), WebError> {
    ctx.actor()?;
    let reference = reference(ctx);
    let o = directory::find_org(ctx.tx, &reference)?
        .ok_or_else(|| jisr_core::error::not_found("Invalid organisation"))?;
    let s = Subject {
        question: "confirm-delete-org",
        name: o.name.clone(),
        value: String::new(),
        back: "/ui/admin/orgs".into(),
        hidden: vec![],
    };
    Ok((s, o))
}

pub fn org_form(ctx: &mut Ctx) -> PageResult {
    let (s, _) = org_subject(ctx)?;
    confirm(ctx, s, None)
}

pub fn org(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let (s, o) = org_subject(ctx)?;
    let change = json!({"name": o.name}).to_string();
    ctx.audit = Some(what("organisations", "delete", o.id, &o.uuid, change));
    let done = directory::delete_org(ctx.tx, &actor, &o);
    finish(ctx, s, done, "/ui/admin/orgs".into())
}

fn user_subject(ctx: &mut Ctx) -> Result<(Subject, jisr_model::User), WebError> {
    let actor = ctx.actor()?;
    // Only users the actor may see (an org admin: their organisation's).
    let reference = reference(ctx);
    let u = directory::find_user(ctx.tx, &actor, &reference)?;
    let s = Subject {
        question: "confirm-delete-user",
        name: u.email.clone(),
        value: String::new(),
        back: "/ui/admin/users".into(),
        hidden: vec![],
    };
    Ok((s, u))
}

pub fn user_form(ctx: &mut Ctx) -> PageResult {
    let (s, _) = user_subject(ctx)?;
    confirm(ctx, s, None)
}

pub fn user(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let (s, u) = user_subject(ctx)?;
    let change = json!({"email": u.email}).to_string();
    ctx.audit = Some(what("users", "delete", u.id, "", change));
    let done = directory::delete_user(ctx.tx, &actor, &u);
    finish(ctx, s, done, "/ui/admin/users".into())
}

fn role_subject(ctx: &mut Ctx) -> Result<(Subject, jisr_model::roles::Role), WebError> {
    ctx.actor()?;
    let r = reference(ctx)
        .parse::<i64>()
        .ok()
        .map(|id| ctx.tx.role_get(id))
        .transpose()?
        .flatten()
        .ok_or_else(|| jisr_core::error::not_found("Invalid role"))?;
    let s = Subject {
        question: "confirm-delete-role",
        name: r.name.clone(),
        value: String::new(),
        back: "/ui/admin/roles".into(),
        hidden: vec![],
    };
    Ok((s, r))
}

pub fn role_form(ctx: &mut Ctx) -> PageResult {
    let (s, _) = role_subject(ctx)?;
    confirm(ctx, s, None)
}

pub fn role(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let (s, r) = role_subject(ctx)?;
    let change = json!({"name": r.name}).to_string();
    ctx.audit = Some(what("roles", "delete", r.id, "", change));
    let done = directory::delete_role(ctx.tx, &actor, &r);
    finish(ctx, s, done, "/ui/admin/roles".into())
}

fn group_subject(ctx: &mut Ctx) -> Result<(Subject, jisr_model::SharingGroup), WebError> {
    let actor = ctx.actor()?;
    // A group the actor cannot see answers 404, as `sharing_groups/view` does.
    let reference = reference(ctx);
    let g = sharing_groups::visible(ctx.tx, &actor, &reference)?;
    let s = Subject {
        question: "confirm-delete-group",
        name: g.name.clone(),
        value: String::new(),
        back: "/ui/admin/sharing-groups".into(),
        hidden: vec![],
    };
    Ok((s, g))
}

pub fn group_form(ctx: &mut Ctx) -> PageResult {
    let (s, _) = group_subject(ctx)?;
    confirm(ctx, s, None)
}

pub fn group(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let (s, g) = group_subject(ctx)?;
    let change = json!({"name": g.name}).to_string();
    ctx.audit = Some(what("sharing_groups", "delete", g.id, &g.uuid, change));
    let done = sharing_groups::delete(ctx.tx, &actor, &g);
    finish(ctx, s, done, "/ui/admin/sharing-groups".into())
}

fn server_subject(ctx: &mut Ctx) -> Result<(Subject, jisr_model::Server), WebError> {
    let s = super::servers::listed(ctx)?;
    let subject = Subject {
        question: "confirm-delete-server",
        name: s.name.clone(),
        value: String::new(),
        back: "/ui/admin/servers".into(),
        hidden: vec![],
    };
    Ok((subject, s))
}

pub fn server_form(ctx: &mut Ctx) -> PageResult {
    let (s, _) = server_subject(ctx)?;
    confirm(ctx, s, None)
}

pub fn server(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let (s, server) = server_subject(ctx)?;
    let change = json!({"name": server.name, "url": server.url}).to_string();
    ctx.audit = Some(what("servers", "delete", server.id, "", change));
    let done = jisr_core::federation::servers::delete(ctx.tx, &actor, &server);
    finish(ctx, s, done, "/ui/admin/servers".into())
}
