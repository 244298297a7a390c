//! One-click actions on an event: publish or unpublish, attach or remove a
//! tag (on the event or one attribute), delete an attribute. Each is a small form (with its CSRF token) whose
//! rules are jisr-core's, audited like the API's.

use jisr_core::event_read;
use jisr_core::tags::Target;
use jisr_model::Event;
use jisr_model::wire::InTag;
use jisr_policy::Actor;
use serde_json::json;

use super::what;
use crate::ctx::{Ctx, Out, PageResult, WebError};

fn visible(ctx: &mut Ctx, actor: &Actor) -> Result<Event, WebError> {
    let scope = jisr_policy::scope(actor);
    let reference = ctx.req.param("id").to_string();
    Ok(event_read::visible_event(ctx.tx, &scope, &reference)?)
}

pub fn publish(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let e = visible(ctx, &actor)?;
    let (id, uuid) = (e.id, e.uuid.clone());
    let action = if ctx.req.f("action") == "unpublish" {
        jisr_core::event_write::unpublish(ctx.tx, &actor, e)?;
        "unpublish"
    } else {
        jisr_core::event_write::publish(ctx.tx, &actor, e)?;
        "publish"
    };
    ctx.audit = Some(what("events", action, id, &uuid, String::new()));
    Ok(Out::Redirect(format!("/ui/events/{id}")))
}

/// `tags/removeTagFromObject` on an event, by jisr-core's rules.
pub fn tag_remove(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let e = visible(ctx, &actor)?;
    let (id, uuid) = (e.id, e.uuid.clone());
    let name = ctx.req.f("tag").to_string();
    let tag = jisr_core::tags::find(ctx.tx, &name)?
        .ok_or_else(|| jisr_core::error::not_found("Invalid Tag."))?;
    if jisr_core::tags::remove(ctx.tx, &actor, Target::Event(e), &tag)? {
        let change = json!({"tag": tag.name});
        ctx.audit = Some(what("events", "tag_remove", id, &uuid, change.to_string()));
    }
    Ok(Out::Redirect(format!("/ui/events/{id}")))
}

/// The tag a form names: an existing one, or a new one when the actor may
/// create tags (`tags::resolve`, as the API's attach does).
fn named_tag(ctx: &mut Ctx, actor: &Actor) -> Result<Option<jisr_model::Tag>, WebError> {
    let name = ctx.req.f("tag").trim().to_string();
    if name.is_empty() {
        return Ok(None);
    }
    if let Some(t) = jisr_core::tags::find(ctx.tx, &name)? {
        return Ok(Some(t));
    }
    let incoming = InTag {
        name,
        ..Default::default()
    };
    Ok(Some(
        jisr_core::tags::resolve(ctx.tx, actor, &incoming)?
            .ok_or_else(|| jisr_core::error::not_found("Invalid Tag."))?,
    ))
}

/// `tags/attachTagToObject` on an event.
pub fn event_tag(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let e = visible(ctx, &actor)?;
    let (id, uuid) = (e.id, e.uuid.clone());
    let local = ctx.req.f("local") == "1";
    if let Some(tag) = named_tag(ctx, &actor)? {
        jisr_core::tags::attach(ctx.tx, &actor, Target::Event(e), &tag, local)?;
        let change = json!({"tag": tag.name, "local": local});
        ctx.audit = Some(what("events", "tag_add", id, &uuid, change.to_string()));
    }
    Ok(Out::Redirect(format!("/ui/events/{id}")))
}

/// `tags/attachTagToObject` on an attribute.
pub fn attribute_tag(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let scope = jisr_policy::scope(&actor);
    let reference = ctx.req.param("id").to_string();
    let (a, e) = jisr_core::attributes::visible_attribute(ctx.tx, &scope, &reference)?;
    let (id, uuid, attribute_id) = (e.id, e.uuid.clone(), a.id);
    let local = ctx.req.f("local") == "1";
    if let Some(tag) = named_tag(ctx, &actor)? {
        let target = Target::Attribute(Box::new(a), e);
        jisr_core::tags::attach(ctx.tx, &actor, target, &tag, local)?;
        let change = json!({"attribute_id": attribute_id, "tag": tag.name, "local": local});
        ctx.audit = Some(what("events", "tag_add", id, &uuid, change.to_string()));
    }
    Ok(Out::Redirect(format!("/ui/events/{id}")))
}

/// Soft delete, as MISP's default: the attribute stays, marked deleted.
pub fn attribute_delete(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let scope = jisr_policy::scope(&actor);
    let reference = ctx.req.param("id").to_string();
    let (a, e) = jisr_core::attributes::visible_attribute(ctx.tx, &scope, &reference)?;
    let (event_id, uuid) = (e.id, e.uuid.clone());
    let change = json!({"attribute_id": a.id, "type": a.attr_type, "value": a.value()});
    jisr_core::attributes::delete(ctx.tx, &actor, a, e, false)?;
    ctx.audit = Some(what(
        "events",
        "attribute_delete",
        event_id,
        &uuid,
        change.to_string(),
    ));
    Ok(Out::Redirect(format!("/ui/events/{event_id}")))
}

/// Records a sighting (or, with `type=1`, a false positive) of an attribute
/// by the actor's organisation: `/sightings/add`'s rules.
pub fn sighting(ctx: &mut Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let reference = ctx.req.param("id").to_string();
    let kind = if ctx.req.f("type") == "1" { 1 } else { 0 };
    let incoming = jisr_model::wire::InSighting {
        sighting_type: Some(kind),
        source: Some("console".into()),
        ..Default::default()
    };
    let target = jisr_core::sightings::Target::Attribute(reference);
    let made = jisr_core::sightings::add(ctx.tx, &actor, target, &incoming)?;
    let event_id = made.first().map(|s| s.event_id).unwrap_or(0);
    let uuid = ctx
        .tx
        .event_get(event_id)?
        .map(|e| e.uuid)
        .unwrap_or_default();
    let change = json!({"attribute_id": made.first().map(|s| s.attribute_id), "type": kind});
    ctx.audit = Some(what(
        "events",
        "sighting_add",
        event_id,
        &uuid,
        change.to_string(),
    ));
    Ok(Out::Redirect(format!("/ui/events/{event_id}")))
}
