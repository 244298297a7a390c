//! `/sharing_groups/…` (also spelt `sharingGroups`).

use jisr_core::event_read::org_ref;
use jisr_core::sharing_groups as sg;
use jisr_model::SharingGroup;
use jisr_model::wire::{as_bool, as_string, sharing_group_json, unwrap_envelope};
use serde_json::Value;

use crate::call::Call;
use crate::reply::{ApiError, ApiResult, Reply};

/// The full JSON of a group: the group fields plus its members.
pub fn group_value(c: &mut Call, g: &SharingGroup) -> Result<Value, ApiError> {
    let creator = org_ref(c.tx, g.org_id)?;
    let mut orgs = vec![];
    for m in sg::members(c.tx, g)? {
        let o = org_ref(c.tx, m.org_id)?;
        orgs.push((m, o));
    }
    let servers = c.tx.sharing_group_servers(g.id)?;
    Ok(sharing_group_json(g, &creator, &orgs, &servers))
}

/// MISP's envelope: `SharingGroup` beside `Organisation`, `SharingGroupOrg`, `SharingGroupServer`.
fn envelope(c: &mut Call, g: &SharingGroup) -> Result<Value, ApiError> {
    let mut v = group_value(c, g)?;
    let mut out = serde_json::Map::new();
    if let Some(m) = v.as_object_mut() {
        for key in ["Organisation", "SharingGroupOrg", "SharingGroupServer"] {
            if let Some(x) = m.remove(key) {
                out.insert(key.into(), x);
            }
        }
    }
    out.insert("SharingGroup".into(), v);
    Ok(Value::Object(out))
}

fn find(c: &mut Call, reference: &str) -> Result<SharingGroup, ApiError> {
    Ok(sg::visible(c.tx, &c.actor, reference)?)
}

pub fn index(c: &mut Call) -> ApiResult {
    let groups = sg::list(c.tx, &c.actor)?;
    let mut out = vec![];
    for g in &groups {
        out.push(envelope(c, g)?);
    }
    Ok(Reply::json(Value::Array(out)))
}

pub fn view(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("sharing group")?;
    let g = find(c, &reference)?;
    Ok(Reply::json(envelope(c, &g)?))
}

pub fn add(c: &mut Call) -> ApiResult {
    let body = unwrap_envelope(&c.body, "SharingGroup").clone();
    let g = sg::add(c.tx, &c.actor, &body)?;
    Ok(Reply::json(envelope(c, &g)?))
}

pub fn edit(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("sharing group")?;
    let g = find(c, &reference)?;
    let body = unwrap_envelope(&c.body, "SharingGroup").clone();
    let g = sg::edit(c.tx, &c.actor, g, &body)?;
    Ok(Reply::json(envelope(c, &g)?))
}

pub fn delete(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("sharing group")?;
    let g = find(c, &reference)?;
    sg::delete(c.tx, &c.actor, &g)?;
    Ok(Reply::saved("SharingGroup deleted", &c.url, Some(g.id)))
}

/// The group and the organisation or server named in the body or the path.
fn member_call(c: &mut Call, key: &str) -> Result<(SharingGroup, String), ApiError> {
    let sg_ref = c
        .body
        .get("sg_id")
        .and_then(as_string)
        .or_else(|| c.path.arg(0).map(str::to_string))
        .ok_or_else(|| ApiError::bad_request("Give the sharing group as sg_id."))?;
    let member = c
        .body
        .get(key)
        .and_then(as_string)
        .or_else(|| c.path.arg(1).map(str::to_string))
        .ok_or_else(|| ApiError::bad_request(format!("Give the member as {key}.")))?;
    Ok((find(c, &sg_ref)?, member))
}

fn org_id(c: &mut Call, reference: &str) -> Result<i64, ApiError> {
    Ok(jisr_core::directory::find_org(c.tx, reference)?
        .ok_or_else(|| ApiError::not_found("Invalid organisation."))?
        .id)
}

pub fn add_org(c: &mut Call) -> ApiResult {
    let (g, org) = member_call(c, "org_id")?;
    let org = org_id(c, &org)?;
    let extend = c.body.get("extend").and_then(as_bool).unwrap_or(false);
    sg::add_org(c.tx, &c.actor, &g, org, extend)?;
    Ok(Reply::saved(
        "Organisation added to the sharing group.",
        &c.url,
        Some(g.id),
    ))
}

pub fn remove_org(c: &mut Call) -> ApiResult {
    let (g, org) = member_call(c, "org_id")?;
    let org = org_id(c, &org)?;
    if !sg::remove_org(c.tx, &c.actor, &g, org)? {
        return Err(ApiError::not_found(
            "The organisation is not in the sharing group.",
        ));
    }
    Ok(Reply::saved(
        "Organisation removed from the sharing group.",
        &c.url,
        Some(g.id),
    ))
}

pub fn add_server(c: &mut Call) -> ApiResult {
    let (g, server) = member_call(c, "server_id")?;
    let server: i64 = server
        .parse()
        .map_err(|_| ApiError::not_found("Invalid server."))?;
    let all_orgs = c.body.get("all_orgs").and_then(as_bool).unwrap_or(false);
    sg::add_server(c.tx, &c.actor, &g, server, all_orgs)?;
    Ok(Reply::saved(
        "Server added to the sharing group.",
        &c.url,
        Some(g.id),
    ))
}

pub fn remove_server(c: &mut Call) -> ApiResult {
    let (g, server) = member_call(c, "server_id")?;
    let server: i64 = server
        .parse()
        .map_err(|_| ApiError::not_found("Invalid server."))?;
    if !sg::remove_server(c.tx, &c.actor, &g, server)? {
        return Err(ApiError::not_found(
            "The server is not in the sharing group.",
        ));
    }
    Ok(Reply::saved(
        "Server removed from the sharing group.",
        &c.url,
        Some(g.id),
    ))
}
