//! Turning incoming attributes and objects into rows: defaults, type and
//! category checks, value normalisation, and MISP's merge rules for edits.

use jisr_model::types;
use jisr_model::wire::{InAttribute, InObject};
use jisr_model::{Attribute, MispObject};

use crate::error::{CoreError, Result, field_error};

fn attribute_label(path: &str, t: &str, v: &str) -> String {
    let short: String = v.chars().take(60).collect();
    format!("{path} ({t} '{short}')")
}

fn check_distribution(d: i64, allow_inherit: bool, what: &str) -> Result<i64> {
    let max = if allow_inherit { 5 } else { 4 };
    if (0..=max).contains(&d) {
        Ok(d)
    } else {
        Err(field_error(
            &format!("{what}: invalid distribution {d}"),
            "distribution",
            &format!("distribution must be between 0 and {max}"),
        ))
    }
}

/// Builds the attribute row for `incoming`, merged onto `existing` for an
/// edit. `path` names the attribute in error messages.
pub fn build_attribute(
    incoming: &InAttribute,
    existing: Option<&Attribute>,
    event_id: i64,
    object_id: i64,
    now: i64,
    path: &str,
) -> Result<Attribute> {
    let mut a = existing.cloned().unwrap_or_else(|| Attribute {
        uuid: incoming
            .uuid
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        distribution: 5,
        ..Default::default()
    });
    a.event_id = event_id;
    if existing.is_none() {
        a.object_id = object_id;
    }
    let attr_type = incoming
        .attr_type
        .clone()
        .unwrap_or_else(|| a.attr_type.clone());
    if attr_type.is_empty() {
        return Err(field_error(
            &format!("{path}: the attribute has no type"),
            "type",
            "The type is required.",
        ));
    }
    if !types::is_known_type(&attr_type) {
        return Err(field_error(
            &format!("{path}: unknown attribute type '{attr_type}'"),
            "type",
            &format!("Invalid type: '{attr_type}' is not a MISP attribute type."),
        ));
    }
    let raw_value = match &incoming.value {
        Some(v) => v.clone(),
        None if existing.is_some() => a.value(),
        None => String::new(),
    };
    if raw_value.trim().is_empty() {
        return Err(field_error(
            &format!("{path} ({attr_type}): the value is empty"),
            "value",
            "The value is required.",
        ));
    }
    let normalised =
        types::normalise(&attr_type, &raw_value).map_err(|e| CoreError::Validation {
            message: format!(
                "{}: {}",
                attribute_label(path, &attr_type, &raw_value),
                e.reason
            ),
            errors: serde_json::json!({"value": [e.to_string()]}),
        })?;
    let category = match &incoming.category {
        Some(c) if !c.is_empty() => c.clone(),
        _ if existing.is_some() && incoming.attr_type.is_none() => a.category.clone(),
        _ => types::default_category(&attr_type)
            .unwrap_or("Other")
            .to_string(),
    };
    if !types::category_allows(&category, &attr_type) {
        return Err(field_error(
            &format!(
                "{}: category '{category}' does not allow type '{attr_type}'",
                attribute_label(path, &attr_type, &raw_value)
            ),
            "category",
            "Options depend on the selected type.",
        ));
    }
    if existing.is_none() {
        a.to_ids = types::default_to_ids(&attr_type);
    }
    a.attr_type = attr_type;
    a.category = category;
    a.value1 = normalised.value1;
    a.value2 = normalised.value2;
    if let Some(v) = incoming.to_ids {
        a.to_ids = v;
    }
    if let Some(d) = incoming.distribution {
        a.distribution = check_distribution(d, true, path)?;
    }
    if let Some(sg) = incoming.sharing_group_id {
        a.sharing_group_id = sg;
    }
    if a.distribution != 4 {
        a.sharing_group_id = 0;
    }
    if let Some(c) = &incoming.comment {
        a.comment = c.clone();
    }
    if let Some(d) = incoming.deleted {
        a.deleted = d;
    }
    if let Some(d) = incoming.disable_correlation {
        a.disable_correlation = d;
    }
    if let Some(r) = &incoming.object_relation {
        a.object_relation = Some(r.clone());
    }
    if let Some(f) = incoming.first_seen {
        a.first_seen = f;
    }
    if let Some(l) = incoming.last_seen {
        a.last_seen = l;
    }
    if let (Some(f), Some(l)) = (a.first_seen, a.last_seen)
        && l < f
    {
        return Err(field_error(
            &format!("{path}: last_seen is before first_seen"),
            "last_seen",
            "last_seen must be at or after first_seen",
        ));
    }
    a.timestamp = incoming.timestamp.filter(|t| *t > 0).unwrap_or(now);
    Ok(a)
}

pub fn build_object(
    incoming: &InObject,
    existing: Option<&MispObject>,
    event_id: i64,
    now: i64,
    path: &str,
) -> Result<MispObject> {
    let mut o = existing.cloned().unwrap_or_else(|| MispObject {
        uuid: incoming
            .uuid
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        distribution: 5,
        ..Default::default()
    });
    o.event_id = event_id;
    if let Some(n) = &incoming.name {
        o.name = n.clone();
    }
    if o.name.trim().is_empty() {
        return Err(field_error(
            &format!("{path}: the object has no name"),
            "name",
            "The name is required.",
        ));
    }
    let set = |target: &mut String, v: &Option<String>| {
        if let Some(v) = v {
            *target = v.clone();
        }
    };
    set(&mut o.meta_category, &incoming.meta_category);
    set(&mut o.description, &incoming.description);
    set(&mut o.template_uuid, &incoming.template_uuid);
    set(&mut o.template_version, &incoming.template_version);
    set(&mut o.comment, &incoming.comment);
    if let Some(d) = incoming.distribution {
        o.distribution = check_distribution(d, true, path)?;
    }
    if let Some(sg) = incoming.sharing_group_id {
        o.sharing_group_id = sg;
    }
    if o.distribution != 4 {
        o.sharing_group_id = 0;
    }
    if let Some(d) = incoming.deleted {
        o.deleted = d;
    }
    if let Some(f) = incoming.first_seen {
        o.first_seen = f;
    }
    if let Some(l) = incoming.last_seen {
        o.last_seen = l;
    }
    o.timestamp = incoming.timestamp.filter(|t| *t > 0).unwrap_or(now);
    Ok(o)
}

pub fn check_event_distribution(d: i64) -> Result<i64> {
    check_distribution(d, false, "Event")
}
