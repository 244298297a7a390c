//! Reading events as a given actor sees them: the policy's [`Scope`] decides
//! which event, attribute, object and report is shown.

use std::collections::HashMap;

use jisr_model::*;
use jisr_policy::Scope;
use jisr_policy::tlp::{self, Cap};
use jisr_store::Tx;

use crate::error::{Result, not_found};

/// What a view includes beyond the visible, live content.
#[derive(Debug, Clone, Copy, Default)]
pub struct ViewOptions {
    pub include_deleted: bool,
    pub include_sightings: bool,
    /// Attached file content (base64) of attachment and sample attributes.
    pub include_attachments: bool,
}

/// An id or a uuid, as MISP's `{id}` path parameters accept.
pub fn find_event(tx: &mut dyn Tx, reference: &str) -> Result<Option<Event>> {
    let reference = reference.trim();
    if let Ok(id) = reference.parse::<i64>() {
        return Ok(tx.event_get(id)?);
    }
    Ok(tx.event_by_uuid(reference)?)
}

/// The event if it exists and the scope may see it; otherwise NotFound, so
/// that a hidden event is indistinguishable from a missing one.
pub fn visible_event(tx: &mut dyn Tx, scope: &Scope, reference: &str) -> Result<Event> {
    if let Some(e) = find_event(tx, reference)?
        && scope.sees_event(&e, event_cap(tx, e.id)?)
    {
        return Ok(e);
    }
    Err(not_found("Invalid event"))
}

/// The strictest TLP mark on an event.
pub fn event_cap(tx: &mut dyn Tx, event_id: i64) -> Result<Cap> {
    Ok(tlp::cap_of(
        tx.event_tags(event_id)?.iter().map(|t| t.tag.name.as_str()),
    ))
}

/// The strictest TLP mark on an attribute itself.
pub fn attribute_cap(tx: &mut dyn Tx, attribute_id: i64) -> Result<Cap> {
    Ok(tlp::cap_of(
        tx.attribute_tags(attribute_id)?
            .iter()
            .map(|t| t.tag.name.as_str()),
    ))
}

pub fn org_ref(tx: &mut dyn Tx, id: i64) -> Result<OrgRef> {
    Ok(tx.org_get(id)?.map(|o| OrgRef::from(&o)).unwrap_or(OrgRef {
        id,
        ..Default::default()
    }))
}

/// Loads everything inside a visible event that the scope may see.
pub fn load_tree(
    tx: &mut dyn Tx,
    scope: &Scope,
    event: Event,
    opts: ViewOptions,
) -> Result<EventTree> {
    let objects: Vec<MispObject> = tx
        .objects_of_event(event.id)?
        .into_iter()
        .filter(|o| opts.include_deleted || !o.deleted)
        .filter(|o| scope.sees_element(&event, o.distribution, o.sharing_group_id, Cap::None))
        .collect();
    let mut tags_by_attribute: HashMap<i64, Vec<TagLink>> = HashMap::new();
    for (attribute_id, link) in tx.attribute_tags_of_event(event.id)? {
        tags_by_attribute
            .entry(attribute_id)
            .or_default()
            .push(link);
    }
    let mut sightings_by_attribute: HashMap<i64, Vec<Sighting>> = HashMap::new();
    if opts.include_sightings {
        for s in tx.sightings_of_event(event.id)? {
            sightings_by_attribute
                .entry(s.attribute_id)
                .or_default()
                .push(s);
        }
    }
    let mut loose = Vec::new();
    let mut in_objects: HashMap<i64, Vec<AttributeTree>> = HashMap::new();
    for a in tx.attributes_of_event(event.id)? {
        let cap = tlp::cap_of(
            tags_by_attribute
                .get(&a.id)
                .into_iter()
                .flatten()
                .map(|t| t.tag.name.as_str()),
        );
        if (a.deleted && !opts.include_deleted)
            || !scope.sees_element(&event, a.distribution, a.sharing_group_id, cap)
        {
            continue;
        }
        let data = if opts.include_attachments && has_file(&a.attr_type) {
            tx.attachment_get(a.id)?
                .map(|b| crate::attachments::encode(&b))
        } else {
            None
        };
        let tree = AttributeTree {
            tags: tags_by_attribute.remove(&a.id).unwrap_or_default(),
            sightings: sightings_by_attribute.remove(&a.id).unwrap_or_default(),
            attribute: a,
            data,
        };
        if tree.attribute.object_id == 0 {
            loose.push(tree);
        } else {
            in_objects
                .entry(tree.attribute.object_id)
                .or_default()
                .push(tree);
        }
    }
    let mut refs_by_object: HashMap<i64, Vec<ObjectReference>> = HashMap::new();
    for r in tx.references_of_event(event.id)? {
        if opts.include_deleted || !r.deleted {
            refs_by_object.entry(r.object_id).or_default().push(r);
        }
    }
    let objects = objects
        .into_iter()
        .map(|o| ObjectTree {
            attributes: in_objects.remove(&o.id).unwrap_or_default(),
            references: refs_by_object.remove(&o.id).unwrap_or_default(),
            object: o,
        })
        .collect();
    let reports = tx
        .reports_of_event(event.id)?
        .into_iter()
        .filter(|r| opts.include_deleted || !r.deleted)
        .filter(|r| scope.sees_element(&event, r.distribution, r.sharing_group_id, Cap::None))
        .collect();
    Ok(EventTree {
        org: org_ref(tx, event.org_id)?,
        orgc: org_ref(tx, event.orgc_id)?,
        tags: tx.event_tags(event.id)?,
        attributes: loose,
        objects,
        reports,
        event,
    })
}

/// Types whose attributes carry a file.
pub fn has_file(attr_type: &str) -> bool {
    matches!(attr_type, "attachment" | "malware-sample")
}
