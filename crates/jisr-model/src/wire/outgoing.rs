//! Entities to MISP JSON: integers as strings, flags as booleans.

use crate::roles::Role;
use crate::*;
use serde_json::{Map, Value, json};

use super::format_seen;

fn s(i: i64) -> Value {
    Value::String(i.to_string())
}

fn seen(v: Option<i64>) -> Value {
    v.map(|m| Value::String(format_seen(m)))
        .unwrap_or(Value::Null)
}

pub fn org_ref_json(o: &OrgRef) -> Value {
    json!({"id": s(o.id), "name": o.name, "uuid": o.uuid, "local": o.local})
}

pub fn organisation_json(o: &Organisation) -> Value {
    json!({
        "id": s(o.id), "name": o.name, "uuid": o.uuid, "description": o.description,
        "nationality": o.nationality, "sector": o.sector, "type": o.org_type, "contacts": o.contacts,
        "local": o.local, "created_by": s(o.created_by), "date_created": o.date_created,
        "date_modified": o.date_modified, "restricted_to_domain": [], "landingpage": null,
    })
}

pub fn tag_json(t: &Tag) -> Value {
    json!({
        "id": s(t.id), "name": t.name, "colour": t.colour, "exportable": t.exportable,
        "org_id": s(t.org_id), "user_id": s(t.user_id), "hide_tag": t.hide_tag,
        "numerical_value": t.numerical_value.map(s), "is_galaxy": t.is_galaxy,
        "is_custom_galaxy": t.is_custom_galaxy, "local_only": t.local_only,
        "inherited": 0,
    })
}

pub fn tag_link_json(l: &TagLink) -> Value {
    let mut v = tag_json(&l.tag);
    if let Some(obj) = v.as_object_mut() {
        obj.insert("local".into(), Value::from(i64::from(l.local)));
    }
    v
}

pub fn sighting_json(x: &Sighting, org: Option<&OrgRef>, attribute_uuid: Option<&str>) -> Value {
    let mut v = json!({
        "id": s(x.id), "uuid": x.uuid, "attribute_id": s(x.attribute_id), "event_id": s(x.event_id),
        "org_id": s(x.org_id), "date_sighting": s(x.date_sighting), "source": x.source,
        "type": s(x.sighting_type),
    });
    if let Some(obj) = v.as_object_mut() {
        if let Some(o) = org {
            obj.insert("Organisation".into(), org_ref_json(o));
        }
        if let Some(u) = attribute_uuid {
            obj.insert("attribute_uuid".into(), Value::String(u.into()));
        }
    }
    v
}

pub fn attribute_json(a: &AttributeTree) -> Value {
    let x = &a.attribute;
    let mut v = json!({
        "id": s(x.id), "type": x.attr_type, "category": x.category, "to_ids": x.to_ids,
        "uuid": x.uuid, "event_id": s(x.event_id), "distribution": s(x.distribution),
        "timestamp": s(x.timestamp), "comment": x.comment, "sharing_group_id": s(x.sharing_group_id),
        "deleted": x.deleted, "disable_correlation": x.disable_correlation,
        "object_id": s(x.object_id), "object_relation": x.object_relation,
        "first_seen": seen(x.first_seen), "last_seen": seen(x.last_seen),
        "value": x.value(), "Galaxy": [], "ShadowAttribute": [],
    });
    if let Some(obj) = v.as_object_mut() {
        if !a.tags.is_empty() {
            obj.insert("Tag".into(), a.tags.iter().map(tag_link_json).collect());
        }
        if let Some(d) = &a.data {
            obj.insert("data".into(), Value::String(d.clone()));
        }
        if !a.sightings.is_empty() {
            let list = a
                .sightings
                .iter()
                .map(|x| sighting_json(x, None, None))
                .collect();
            obj.insert("Sighting".into(), list);
        }
    }
    v
}

pub fn object_reference_json(r: &ObjectReference) -> Value {
    json!({
        "id": s(r.id), "uuid": r.uuid, "timestamp": s(r.timestamp), "object_id": s(r.object_id),
        "referenced_id": s(r.referenced_id), "referenced_uuid": r.referenced_uuid,
        "referenced_type": s(r.referenced_type), "relationship_type": r.relationship_type,
        "comment": r.comment, "deleted": r.deleted, "event_id": s(r.event_id),
        "source_uuid": r.object_uuid, "object_uuid": r.object_uuid,
    })
}

pub fn object_json(o: &ObjectTree) -> Value {
    let x = &o.object;
    json!({
        "id": s(x.id), "name": x.name, "meta-category": x.meta_category, "description": x.description,
        "template_uuid": x.template_uuid, "template_version": x.template_version,
        "event_id": s(x.event_id), "uuid": x.uuid, "timestamp": s(x.timestamp),
        "distribution": s(x.distribution), "sharing_group_id": s(x.sharing_group_id),
        "comment": x.comment, "deleted": x.deleted,
        "first_seen": seen(x.first_seen), "last_seen": seen(x.last_seen),
        "ObjectReference": o.references.iter().map(object_reference_json).collect::<Vec<_>>(),
        "Attribute": o.attributes.iter().map(attribute_json).collect::<Vec<_>>(),
    })
}

pub fn report_json(r: &EventReport) -> Value {
    json!({
        "id": s(r.id), "uuid": r.uuid, "event_id": s(r.event_id), "name": r.name,
        "content": r.content, "distribution": s(r.distribution),
        "sharing_group_id": s(r.sharing_group_id), "timestamp": s(r.timestamp), "deleted": r.deleted,
    })
}

/// The event row alone, as the event index and the `Event` part of a view show it.
pub fn event_row_json(e: &Event) -> Map<String, Value> {
    let v = json!({
        "id": s(e.id), "orgc_id": s(e.orgc_id), "org_id": s(e.org_id), "date": e.date,
        "threat_level_id": s(e.threat_level_id), "info": e.info, "published": e.published,
        "uuid": e.uuid, "attribute_count": s(e.attribute_count), "analysis": s(e.analysis),
        "timestamp": s(e.timestamp), "distribution": s(e.distribution),
        "proposal_email_lock": e.proposal_email_lock, "locked": e.locked,
        "publish_timestamp": s(e.publish_timestamp), "sharing_group_id": s(e.sharing_group_id),
        "disable_correlation": e.disable_correlation, "extends_uuid": e.extends_uuid,
        "protected": null, "sighting_timestamp": s(e.sighting_timestamp),
    });
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// A whole event, as `/events/view` returns it under `"Event"`.
pub fn event_json(t: &EventTree) -> Value {
    let mut m = event_row_json(&t.event);
    m.insert("Org".into(), org_ref_json(&t.org));
    m.insert("Orgc".into(), org_ref_json(&t.orgc));
    m.insert(
        "Attribute".into(),
        t.attributes.iter().map(attribute_json).collect(),
    );
    m.insert("ShadowAttribute".into(), json!([]));
    m.insert("RelatedEvent".into(), json!([]));
    m.insert("Galaxy".into(), json!([]));
    m.insert("Object".into(), t.objects.iter().map(object_json).collect());
    m.insert(
        "EventReport".into(),
        t.reports.iter().map(report_json).collect(),
    );
    m.insert("CryptographicKey".into(), json!([]));
    m.insert("Tag".into(), t.tags.iter().map(tag_link_json).collect());
    Value::Object(m)
}

pub fn role_json(r: &Role) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), s(r.id));
    m.insert("name".into(), Value::String(r.name.clone()));
    for (flag, on) in &r.perms {
        m.insert(flag.clone(), Value::Bool(*on));
    }
    m.insert("default_role".into(), Value::Bool(r.default_role));
    m.insert("permission".into(), s(r.permission_level()));
    m.insert(
        "permission_description".into(),
        Value::String(permission_description(r).into()),
    );
    m.insert(
        "restricted_to_site_admin".into(),
        Value::Bool(r.restricted_to_site_admin),
    );
    m.insert(
        "enforce_rate_limit".into(),
        Value::Bool(r.enforce_rate_limit),
    );
    m.insert("rate_limit_count".into(), s(r.rate_limit_count));
    m.insert("memory_limit".into(), Value::String(r.memory_limit.clone()));
    m.insert(
        "max_execution_time".into(),
        Value::String(r.max_execution_time.clone()),
    );
    Value::Object(m)
}

fn permission_description(r: &Role) -> &'static str {
    match r.permission_level() {
        3 => "publish",
        2 => "manage_own",
        1 => "add",
        _ => "read_only",
    }
}

pub fn user_json(u: &User) -> Value {
    json!({
        "id": s(u.id), "email": u.email, "org_id": s(u.org_id), "role_id": s(u.role_id),
        "disabled": u.disabled, "autoalert": u.autoalert, "contactalert": u.contactalert,
        "termsaccepted": u.termsaccepted, "change_pw": u.change_pw, "gpgkey": u.gpgkey,
        "certif_public": "", "nids_sid": s(u.nids_sid), "invited_by": s(u.created_by),
        "date_created": s(u.date_created), "date_modified": s(u.date_modified),
        "last_login": s(u.last_login), "current_login": s(u.last_login), "expiration": null,
        "force_logout": false, "external_auth_required": false, "external_auth_key": null,
        "notification_daily": false, "notification_weekly": false, "notification_monthly": false,
        "totp": null, "hotp_counter": null, "last_api_access": null, "last_pw_change": null,
        "sub": null, "server_id": "0", "newsread": "0", "authkey": null,
    })
}

/// A proposal as MISP shows a `ShadowAttribute`.
pub fn proposal_json(p: &Proposal, event_uuid: &str) -> Value {
    let a = &p.attribute;
    json!({
        "id": s(p.id), "old_id": s(p.old_id), "event_id": s(p.event_id), "type": a.attr_type,
        "category": a.category, "uuid": a.uuid, "to_ids": a.to_ids, "comment": a.comment,
        "org_id": s(p.org_id), "email": p.email, "event_org_id": s(p.org_id), "event_uuid": event_uuid,
        "deleted": a.deleted, "proposal_to_delete": p.proposal_to_delete,
        "disable_correlation": a.disable_correlation, "timestamp": s(a.timestamp),
        "first_seen": seen(a.first_seen), "last_seen": seen(a.last_seen), "value": a.value(),
        "value1": a.value1, "value2": a.value2, "object_relation": a.object_relation,
    })
}

/// A sharing group as MISP shows it: the group, its creator organisation,
/// its member organisations and servers.
pub fn sharing_group_json(
    g: &SharingGroup,
    creator: &OrgRef,
    orgs: &[(SharingGroupOrg, OrgRef)],
    servers: &[SharingGroupServer],
) -> Value {
    let members: Vec<Value> = orgs
        .iter()
        .map(|(m, o)| {
            json!({"id": s(m.id), "sharing_group_id": s(m.sharing_group_id), "org_id": s(m.org_id),
                   "extend": m.extend, "Organisation": org_ref_json(o)})
        })
        .collect();
    let servers: Vec<Value> = servers
        .iter()
        .map(|x| {
            json!({"id": s(x.id), "sharing_group_id": s(x.sharing_group_id), "server_id": s(x.server_id),
                   "all_orgs": x.all_orgs,
                   "Server": {"id": s(x.server_id), "name": if x.server_id == 0 { "Local instance" } else { "" }}})
        })
        .collect();
    json!({
        "id": s(g.id), "uuid": g.uuid, "name": g.name, "description": g.description,
        "releasability": g.releasability, "org_id": s(g.org_id), "organisation_uuid": creator.uuid,
        "active": g.active, "local": g.local, "roaming": g.roaming, "created": g.created,
        "modified": g.modified, "sync_user_id": "0",
        "Organisation": org_ref_json(creator), "SharingGroupOrg": members, "SharingGroupServer": servers,
    })
}
