//! MISP JSON from clients to plain structs. Every field is optional here:
//! an absent field on an edit means "keep", on an add "use the default".

use serde_json::Value;

use super::{bool_field, field, int_field, parse_seen, str_field};

/// A structural problem in a request body, named by its JSON path.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct ShapeError {
    pub path: String,
    pub reason: String,
}

fn shape(path: &str, reason: &str) -> ShapeError {
    ShapeError {
        path: path.into(),
        reason: reason.into(),
    }
}

/// Returns the object under `key` when the body is wrapped (`{"Event": {…}}`), else the body.
pub fn unwrap_envelope<'a>(body: &'a Value, key: &str) -> &'a Value {
    match body.get(key) {
        Some(inner) if inner.is_object() => inner,
        _ => body,
    }
}

fn list<'a>(obj: &'a Value, key: &str, path: &str) -> Result<Vec<&'a Value>, ShapeError> {
    match field(obj, key) {
        None => Ok(vec![]),
        Some(Value::Array(items)) => Ok(items.iter().collect()),
        // MISP exports sometimes carry a single child as an object.
        Some(v @ Value::Object(_)) => Ok(vec![v]),
        Some(_) => Err(shape(&format!("{path}.{key}"), "must be a list")),
    }
}

fn seen_field(obj: &Value, key: &str) -> Option<Option<i64>> {
    match obj.get(key) {
        None => None,
        Some(Value::Null) => Some(None),
        Some(v) => Some(parse_seen(v)),
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct InOrg {
    pub id: Option<i64>,
    pub uuid: Option<String>,
    pub name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct InTag {
    pub id: Option<i64>,
    pub name: String,
    pub colour: Option<String>,
    pub exportable: Option<bool>,
    pub hide_tag: Option<bool>,
    pub local: bool,
    pub numerical_value: Option<i64>,
    /// PyMISP marks a tag removed from an object with `deleted`.
    pub deleted: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct InSighting {
    pub uuid: Option<String>,
    pub date_sighting: Option<i64>,
    pub source: Option<String>,
    pub sighting_type: Option<i64>,
    pub org: Option<InOrg>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct InAttribute {
    pub id: Option<i64>,
    pub uuid: Option<String>,
    pub attr_type: Option<String>,
    pub category: Option<String>,
    pub value: Option<String>,
    pub to_ids: Option<bool>,
    pub distribution: Option<i64>,
    pub sharing_group_id: Option<i64>,
    pub comment: Option<String>,
    pub deleted: Option<bool>,
    pub disable_correlation: Option<bool>,
    pub object_relation: Option<String>,
    /// `Some(None)` clears the field.
    pub first_seen: Option<Option<i64>>,
    pub last_seen: Option<Option<i64>>,
    pub timestamp: Option<i64>,
    pub tags: Vec<InTag>,
    pub sightings: Vec<InSighting>,
    /// Refuse the attribute if it trips an enabled warninglist.
    pub enforce_warninglist: bool,
    /// File content, base64, for `attachment` and `malware-sample`.
    pub data: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct InReference {
    pub uuid: Option<String>,
    pub referenced_uuid: Option<String>,
    pub relationship_type: Option<String>,
    pub comment: Option<String>,
    pub deleted: Option<bool>,
    pub timestamp: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct InObject {
    pub id: Option<i64>,
    pub uuid: Option<String>,
    pub name: Option<String>,
    pub meta_category: Option<String>,
    pub description: Option<String>,
    pub template_uuid: Option<String>,
    pub template_version: Option<String>,
    pub distribution: Option<i64>,
    pub sharing_group_id: Option<i64>,
    pub comment: Option<String>,
    pub deleted: Option<bool>,
    pub first_seen: Option<Option<i64>>,
    pub last_seen: Option<Option<i64>>,
    pub timestamp: Option<i64>,
    pub attributes: Vec<InAttribute>,
    pub references: Vec<InReference>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct InReport {
    pub id: Option<i64>,
    pub uuid: Option<String>,
    pub name: Option<String>,
    pub content: Option<String>,
    pub distribution: Option<i64>,
    pub sharing_group_id: Option<i64>,
    pub timestamp: Option<i64>,
    pub deleted: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct InEvent {
    pub id: Option<i64>,
    pub uuid: Option<String>,
    pub info: Option<String>,
    pub date: Option<String>,
    pub threat_level_id: Option<i64>,
    pub analysis: Option<i64>,
    pub distribution: Option<i64>,
    pub sharing_group_id: Option<i64>,
    pub published: Option<bool>,
    pub timestamp: Option<i64>,
    pub publish_timestamp: Option<i64>,
    pub extends_uuid: Option<String>,
    pub disable_correlation: Option<bool>,
    pub orgc: Option<InOrg>,
    pub attributes: Vec<InAttribute>,
    pub objects: Vec<InObject>,
    pub tags: Vec<InTag>,
    pub reports: Vec<InReport>,
}

pub fn parse_org(v: &Value) -> InOrg {
    InOrg {
        id: int_field(v, "id"),
        uuid: str_field(v, "uuid"),
        name: str_field(v, "name"),
    }
}

pub fn parse_tag(v: &Value, path: &str) -> Result<InTag, ShapeError> {
    let v = unwrap_envelope(v, "Tag");
    let name = str_field(v, "name").ok_or_else(|| shape(path, "a tag needs a name"))?;
    Ok(InTag {
        id: int_field(v, "id"),
        name,
        colour: str_field(v, "colour"),
        exportable: bool_field(v, "exportable"),
        hide_tag: bool_field(v, "hide_tag"),
        local: bool_field(v, "local").unwrap_or(false),
        numerical_value: int_field(v, "numerical_value"),
        deleted: bool_field(v, "deleted").unwrap_or(false),
    })
}

fn parse_tags(v: &Value, path: &str) -> Result<Vec<InTag>, ShapeError> {
    let mut out = vec![];
    for (i, t) in list(v, "Tag", path)?.into_iter().enumerate() {
        out.push(parse_tag(t, &format!("{path}.Tag[{i}]"))?);
    }
    // MISP also accepts EventTag/AttributeTag lists wrapping a Tag.
    for key in ["EventTag", "AttributeTag"] {
        for (i, t) in list(v, key, path)?.into_iter().enumerate() {
            let mut tag = parse_tag(t, &format!("{path}.{key}[{i}]"))?;
            tag.local = tag.local || bool_field(t, "local").unwrap_or(false);
            out.push(tag);
        }
    }
    Ok(out)
}

pub fn parse_sighting(v: &Value) -> InSighting {
    let v = unwrap_envelope(v, "Sighting");
    InSighting {
        uuid: str_field(v, "uuid"),
        date_sighting: int_field(v, "date_sighting").or_else(|| int_field(v, "timestamp")),
        source: str_field(v, "source"),
        sighting_type: int_field(v, "type"),
        org: field(v, "Organisation").map(parse_org),
    }
}

pub fn parse_attribute(v: &Value, path: &str) -> Result<InAttribute, ShapeError> {
    let v = unwrap_envelope(v, "Attribute");
    if !v.is_object() {
        return Err(shape(path, "an attribute must be a JSON object"));
    }
    let sightings = list(v, "Sighting", path)?
        .into_iter()
        .map(parse_sighting)
        .collect();
    Ok(InAttribute {
        id: int_field(v, "id"),
        uuid: str_field(v, "uuid"),
        attr_type: str_field(v, "type"),
        category: str_field(v, "category"),
        value: str_field(v, "value"),
        to_ids: bool_field(v, "to_ids"),
        distribution: int_field(v, "distribution"),
        sharing_group_id: int_field(v, "sharing_group_id"),
        comment: str_field(v, "comment"),
        deleted: bool_field(v, "deleted"),
        disable_correlation: bool_field(v, "disable_correlation"),
        object_relation: str_field(v, "object_relation"),
        first_seen: seen_field(v, "first_seen"),
        last_seen: seen_field(v, "last_seen"),
        timestamp: int_field(v, "timestamp"),
        tags: parse_tags(v, path)?,
        sightings,
        enforce_warninglist: bool_field(v, "enforceWarninglist").unwrap_or(false),
        data: str_field(v, "data").filter(|d| !d.is_empty()),
    })
}

pub fn parse_object(v: &Value, path: &str) -> Result<InObject, ShapeError> {
    let v = unwrap_envelope(v, "Object");
    if !v.is_object() {
        return Err(shape(path, "an object must be a JSON object"));
    }
    let mut attributes = vec![];
    for (i, a) in list(v, "Attribute", path)?.into_iter().enumerate() {
        attributes.push(parse_attribute(a, &format!("{path}.Attribute[{i}]"))?);
    }
    let references = list(v, "ObjectReference", path)?
        .into_iter()
        .map(|r| InReference {
            uuid: str_field(r, "uuid"),
            referenced_uuid: str_field(r, "referenced_uuid"),
            relationship_type: str_field(r, "relationship_type"),
            comment: str_field(r, "comment"),
            deleted: bool_field(r, "deleted"),
            timestamp: int_field(r, "timestamp"),
        })
        .collect();
    Ok(InObject {
        id: int_field(v, "id"),
        uuid: str_field(v, "uuid"),
        name: str_field(v, "name"),
        meta_category: str_field(v, "meta-category").or_else(|| str_field(v, "meta_category")),
        description: str_field(v, "description"),
        template_uuid: str_field(v, "template_uuid"),
        template_version: str_field(v, "template_version"),
        distribution: int_field(v, "distribution"),
        sharing_group_id: int_field(v, "sharing_group_id"),
        comment: str_field(v, "comment"),
        deleted: bool_field(v, "deleted"),
        first_seen: seen_field(v, "first_seen"),
        last_seen: seen_field(v, "last_seen"),
        timestamp: int_field(v, "timestamp"),
        attributes,
        references,
    })
}

pub fn parse_report(v: &Value) -> InReport {
    let v = unwrap_envelope(v, "EventReport");
    InReport {
        id: int_field(v, "id"),
        uuid: str_field(v, "uuid"),
        name: str_field(v, "name"),
        content: str_field(v, "content"),
        distribution: int_field(v, "distribution"),
        sharing_group_id: int_field(v, "sharing_group_id"),
        timestamp: int_field(v, "timestamp"),
        deleted: bool_field(v, "deleted"),
    }
}

/// Parses an event body, wrapped in `{"Event": …}` or not.
pub fn parse_event(body: &Value) -> Result<InEvent, ShapeError> {
    let v = unwrap_envelope(body, "Event");
    if !v.is_object() {
        return Err(shape("Event", "the event must be a JSON object"));
    }
    let mut attributes = vec![];
    for (i, a) in list(v, "Attribute", "Event")?.into_iter().enumerate() {
        attributes.push(parse_attribute(a, &format!("Event.Attribute[{i}]"))?);
    }
    let mut objects = vec![];
    for (i, o) in list(v, "Object", "Event")?.into_iter().enumerate() {
        objects.push(parse_object(o, &format!("Event.Object[{i}]"))?);
    }
    let reports = list(v, "EventReport", "Event")?
        .into_iter()
        .map(parse_report)
        .collect();
    Ok(InEvent {
        id: int_field(v, "id"),
        uuid: str_field(v, "uuid"),
        info: str_field(v, "info"),
        date: str_field(v, "date"),
        threat_level_id: int_field(v, "threat_level_id"),
        analysis: int_field(v, "analysis"),
        distribution: int_field(v, "distribution"),
        sharing_group_id: int_field(v, "sharing_group_id"),
        published: bool_field(v, "published"),
        timestamp: int_field(v, "timestamp"),
        publish_timestamp: int_field(v, "publish_timestamp"),
        extends_uuid: str_field(v, "extends_uuid"),
        disable_correlation: bool_field(v, "disable_correlation"),
        orgc: field(v, "Orgc").map(parse_org),
        attributes,
        objects,
        tags: parse_tags(v, "Event")?,
        reports,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wrapped_and_bare_events_parse_alike() {
        let inner = json!({"info": "x", "distribution": "1", "Attribute": [{"type": "ip-dst", "value": "1.2.3.4"}]});
        let a = parse_event(&json!({"Event": inner.clone()})).unwrap();
        let b = parse_event(&inner).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.distribution, Some(1));
        assert_eq!(a.attributes[0].value.as_deref(), Some("1.2.3.4"));
    }

    #[test]
    fn bad_shapes_name_the_path() {
        let err = parse_event(&json!({"Attribute": 5})).unwrap_err();
        assert_eq!(err.path, "Event.Attribute");
        let err = parse_event(&json!({"Tag": [{"colour": "#fff"}]})).unwrap_err();
        assert_eq!(err.path, "Event.Tag[0]");
        assert!(parse_event(&json!([1, 2])).is_err());
    }
}
