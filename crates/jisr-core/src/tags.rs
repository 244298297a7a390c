//! Tags: resolving names to tag rows (creating them when allowed) and
//! attaching them to events and attributes.

use jisr_model::wire::InTag;
use jisr_model::{Attribute, Event, Tag};
use jisr_policy::Actor;
use jisr_store::Tx;

use crate::error::{Result, invalid};

/// A colour derived from the name, so that a tag keeps its colour across instances.
pub fn default_colour(name: &str) -> String {
    let h = name
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    format!("#{:06x}", h & 0x00ff_ffff)
}

pub fn new_tag(incoming: &InTag) -> Result<Tag> {
    let name = incoming.name.trim();
    if name.is_empty() {
        return Err(invalid("a tag needs a name"));
    }
    if name.chars().count() > 255 {
        return Err(invalid("a tag name has at most 255 characters"));
    }
    Ok(Tag {
        id: 0,
        name: name.to_string(),
        colour: incoming
            .colour
            .clone()
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| default_colour(name)),
        exportable: incoming.exportable.unwrap_or(true),
        hide_tag: incoming.hide_tag.unwrap_or(false),
        org_id: 0,
        user_id: 0,
        local_only: false,
        numerical_value: incoming.numerical_value,
        is_galaxy: name.starts_with("misp-galaxy:"),
        is_custom_galaxy: false,
    })
}

/// The tag named `incoming.name`; created when missing if the actor may
/// create tags (MISP's tag editor permission), else `None`.
pub fn resolve(tx: &mut dyn Tx, actor: &Actor, incoming: &InTag) -> Result<Option<Tag>> {
    if let Some(t) = tx.tag_by_name(incoming.name.trim())? {
        return Ok(Some(t));
    }
    if !(actor.can("perm_tag_editor") || actor.can("perm_sync")) {
        return Ok(None);
    }
    let mut tag = new_tag(incoming)?;
    tag.id = tx.tag_insert(&tag)?;
    Ok(Some(tag))
}

/// Finds a tag by id or name, for the attach/detach endpoints.
pub fn find(tx: &mut dyn Tx, reference: &str) -> Result<Option<Tag>> {
    let r = reference.trim();
    if let Ok(id) = r.parse::<i64>() {
        return Ok(tx.tag_get(id)?);
    }
    Ok(tx.tag_by_name(r)?)
}

pub fn require_tagger(actor: &Actor) -> Result<()> {
    if jisr_policy::can_tag(actor) {
        Ok(())
    } else {
        Err(crate::error::no_permission())
    }
}

/// Whether the actor may attach `tag`: tags restricted to an organisation or
/// a user may only be set by them (or a site admin).
pub fn check_restrictions(actor: &Actor, tag: &Tag) -> Result<()> {
    if actor.is_site_admin() {
        return Ok(());
    }
    let refuse = |msg: &str| crate::error::CoreError::Validation {
        message: msg.into(),
        errors: serde_json::Value::String(msg.into()),
    };
    if tag.org_id != 0 && tag.org_id != actor.org_id {
        return Err(refuse(
            "Invalid Tag. This tag can only be set by a fixed organisation.",
        ));
    }
    if tag.user_id != 0 && tag.user_id != actor.user_id {
        return Err(refuse(
            "Invalid Tag. This tag can only be set by a fixed user.",
        ));
    }
    Ok(())
}

/// A tag named inside an event or attribute body. Non-exportable tags and
/// tags the actor may not set are left out silently, as MISP does for
/// bodies (the attach endpoint reports them instead).
pub fn resolve_for_body(tx: &mut dyn Tx, actor: &Actor, incoming: &InTag) -> Result<Option<Tag>> {
    match resolve(tx, actor, incoming)? {
        Some(t) if !t.exportable && !incoming.local => Ok(None),
        Some(t) if check_restrictions(actor, &t).is_err() => Ok(None),
        other => Ok(other),
    }
}

/// MISP's tag editor permission, needed to create, rename or recolour tags.
pub fn require_tag_editor(actor: &Actor) -> Result<()> {
    if actor.can("perm_tag_editor") {
        Ok(())
    } else {
        Err(crate::error::no_permission())
    }
}

/// `tags/add`: a new tag with a unique name.
pub fn add_tag(tx: &mut dyn Tx, actor: &Actor, incoming: &InTag) -> Result<Tag> {
    require_tag_editor(actor)?;
    if tx.tag_by_name(incoming.name.trim())?.is_some() {
        return Err(crate::error::field_error(
            "Tag could not be saved: the name is taken",
            "name",
            "A tag with this name already exists.",
        ));
    }
    if let Some(c) = incoming.colour.as_deref().filter(|c| !c.is_empty()) {
        check_colour(c)?;
    }
    let mut tag = new_tag(incoming)?;
    tag.id = tx.tag_insert(&tag)?;
    Ok(tag)
}

fn check_colour(colour: &str) -> Result<()> {
    let hex = colour.strip_prefix('#').unwrap_or("");
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(crate::error::field_error(
            "Tag could not be saved: the colour is not #rrggbb",
            "colour",
            "A colour is written #rrggbb.",
        ));
    }
    Ok(())
}

/// Renames and recolours a tag (the console's edit; the API's `tags/edit`
/// changes more fields under the same permission).
pub fn rename_tag(
    tx: &mut dyn Tx,
    actor: &Actor,
    mut tag: Tag,
    name: &str,
    colour: &str,
) -> Result<Tag> {
    require_tag_editor(actor)?;
    let name = name.trim();
    if name.is_empty() {
        return Err(crate::error::field_error(
            "Tag could not be saved: empty name",
            "name",
            "A name is required.",
        ));
    }
    if let Some(other) = tx.tag_by_name(name)?
        && other.id != tag.id
    {
        return Err(crate::error::field_error(
            "Tag could not be saved: the name is taken",
            "name",
            "A tag with this name already exists.",
        ));
    }
    let colour = colour.trim();
    if !colour.is_empty() {
        check_colour(colour)?;
        tag.colour = colour.to_string();
    }
    tag.name = name.to_string();
    tx.tag_update(&tag)?;
    Ok(tag)
}

/// What a tag is attached to or removed from.
pub enum Target {
    Event(Event),
    Attribute(Box<Attribute>, Event),
}

impl Target {
    pub fn event(&self) -> &Event {
        match self {
            Target::Event(e) | Target::Attribute(_, e) => e,
        }
    }

    /// MISP's name of the target's kind and its id, for messages.
    pub fn describe(&self) -> (&'static str, i64) {
        match self {
            Target::Event(e) => ("Event", e.id),
            Target::Attribute(a, _) => ("Attribute", a.id),
        }
    }
}

/// `tags/attachTagToObject`: the tagger permission, the tag's restrictions,
/// and (unless the tag is local) the right to modify the event.
pub fn attach(
    tx: &mut dyn Tx,
    actor: &Actor,
    target: Target,
    tag: &Tag,
    local: bool,
) -> Result<()> {
    require_tagger(actor)?;
    check_restrictions(actor, tag)?;
    // A local tag only labels the copy on this instance, so it needs no edit right.
    if !local && !jisr_policy::can_modify_event(actor, target.event()) {
        return Err(crate::error::no_permission());
    }
    match target {
        Target::Event(mut e) => {
            tx.event_tag_add(e.id, tag.id, local)?;
            if !local {
                crate::event_write::touch(tx, &mut e)?;
            }
        }
        Target::Attribute(mut a, mut e) => {
            tx.attribute_tag_add(a.id, e.id, tag.id, local)?;
            if !local {
                a.timestamp = jisr_model::wire::now();
                tx.attribute_update(&a)?;
                crate::event_write::touch(tx, &mut e)?;
            }
        }
    }
    Ok(())
}

/// `tags/removeTagFromObject`: the tagger permission and the right to modify
/// the event. `false` when the tag was not attached (nothing changes).
pub fn remove(tx: &mut dyn Tx, actor: &Actor, target: Target, tag: &Tag) -> Result<bool> {
    require_tagger(actor)?;
    if !jisr_policy::can_modify_event(actor, target.event()) {
        return Err(crate::error::no_permission());
    }
    let removed = match &target {
        Target::Event(e) => tx.event_tag_remove(e.id, tag.id)?,
        Target::Attribute(a, _) => tx.attribute_tag_remove(a.id, tag.id)?,
    };
    if removed {
        let mut e = match target {
            Target::Event(e) | Target::Attribute(_, e) => e,
        };
        crate::event_write::touch(tx, &mut e)?;
    }
    Ok(removed)
}
