//! Organisations, users and roles.

use jisr_core::directory as dir;
use jisr_model::roles::Role;
use jisr_model::wire::{organisation_json, role_json, unwrap_envelope, user_json};
use jisr_model::{Organisation, User};
use serde_json::{Value, json};

use crate::call::Call;
use crate::reply::{ApiError, ApiResult, Reply};

fn find_org(c: &mut Call) -> Result<Organisation, ApiError> {
    let reference = c.id_arg("organisation")?;
    dir::find_org(c.tx, &reference)?.ok_or_else(|| ApiError::not_found("Invalid organisation"))
}

fn named(c: &Call, key: &str) -> Option<String> {
    c.path.named.get(key).and_then(|v| v.last().cloned())
}

pub fn orgs_index(c: &mut Call) -> ApiResult {
    let search = named(c, "searchall");
    let scope = c
        .path
        .named
        .get("scope")
        .and_then(|v| v.last().cloned())
        .unwrap_or_else(|| "local".into());
    let list: Vec<Value> =
        c.tx.org_list()?
            .iter()
            .filter(|o| {
                search.as_deref().is_none_or(|term| {
                    let term = term.trim_matches('%').to_lowercase();
                    o.name.to_lowercase().contains(&term) || o.uuid == term
                })
            })
            .filter(|o| match scope.as_str() {
                "external" => !o.local,
                "all" => true,
                _ => o.local,
            })
            .map(|o| json!({"Organisation": organisation_json(o)}))
            .collect();
    Ok(Reply::json(Value::Array(list)))
}

pub fn org_view(c: &mut Call) -> ApiResult {
    let o = find_org(c)?;
    Ok(Reply::json(json!({"Organisation": organisation_json(&o)})))
}

pub fn org_add(c: &mut Call) -> ApiResult {
    let body = unwrap_envelope(&c.body, "Organisation").clone();
    let o = dir::add_org(c.tx, &c.actor, &body)?;
    Ok(Reply::json(json!({"Organisation": organisation_json(&o)})))
}

pub fn org_edit(c: &mut Call) -> ApiResult {
    let o = find_org(c)?;
    let body = unwrap_envelope(&c.body, "Organisation").clone();
    let o = dir::edit_org(c.tx, &c.actor, o, &body)?;
    Ok(Reply::json(json!({"Organisation": organisation_json(&o)})))
}

pub fn org_delete(c: &mut Call) -> ApiResult {
    let o = find_org(c)?;
    dir::delete_org(c.tx, &c.actor, &o)?;
    Ok(Reply::saved("Organisation deleted", &c.url, Some(o.id)))
}

fn user_bundle(c: &mut Call, u: &User) -> Result<Value, ApiError> {
    let role = c.tx.role_get(u.role_id)?.unwrap_or_default();
    let org = c.tx.org_get(u.org_id)?.unwrap_or_default();
    Ok(json!({
        "User": user_json(u), "Role": role_json(&role), "UserSetting": [],
        "Organisation": organisation_json(&org),
    }))
}

pub fn user_view(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("user")?;
    let u = if reference == "me" {
        c.tx.user_get(c.actor.user_id)?
            .ok_or_else(|| ApiError::not_found("Invalid user"))?
    } else {
        dir::find_user(c.tx, &c.actor, &reference)?
    };
    Ok(Reply::json(user_bundle(c, &u)?))
}

pub fn users_index(c: &mut Call) -> ApiResult {
    let search = named(c, "value").map(|v| v.to_lowercase());
    let org = named(c, "searchorg").and_then(|v| v.parse::<i64>().ok());
    let users: Vec<User> = dir::users_visible(c.tx, &c.actor)?
        .into_iter()
        .filter(|u| {
            search
                .as_deref()
                .is_none_or(|s| u.email.to_lowercase().contains(s.trim_matches('%')))
        })
        .filter(|u| org.is_none_or(|o| u.org_id == o))
        .collect();
    let mut out = vec![];
    for u in &users {
        out.push(user_bundle(c, u)?);
    }
    Ok(Reply::json(Value::Array(out)))
}

pub fn user_add(c: &mut Call) -> ApiResult {
    let body = unwrap_envelope(&c.body, "User").clone();
    let (u, key) = dir::add_user(c.tx, &c.actor, c.secret, &body)?;
    let mut v = user_json(&u);
    if let Some(m) = v.as_object_mut() {
        m.insert("authkey".into(), Value::String(key));
    }
    Ok(Reply::json(json!({"User": v})))
}

pub fn user_edit(c: &mut Call) -> ApiResult {
    let reference = match c.path.arg(0) {
        Some(r) => r.to_string(),
        None => c.actor.user_id.to_string(),
    };
    let u = dir::find_user(c.tx, &c.actor, &reference)?;
    let body = unwrap_envelope(&c.body, "User").clone();
    let u = if u.id == c.actor.user_id && !c.actor.is_org_admin() {
        return Err(jisr_core::error::no_permission().into());
    } else {
        dir::edit_user(c.tx, &c.actor, u, &body)?
    };
    Ok(Reply::json(json!({"User": user_json(&u)})))
}

pub fn user_delete(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("user")?;
    let u = dir::find_user(c.tx, &c.actor, &reference)?;
    dir::delete_user(c.tx, &c.actor, &u)?;
    Ok(Reply::saved("User deleted.", &c.url, Some(u.id)))
}

fn find_role(c: &mut Call) -> Result<Role, ApiError> {
    let reference = c.id_arg("role")?;
    let id: i64 = reference
        .parse()
        .map_err(|_| ApiError::not_found("Invalid role"))?;
    c.tx.role_get(id)?
        .ok_or_else(|| ApiError::not_found("Invalid role"))
}

pub fn roles_index(c: &mut Call) -> ApiResult {
    let list: Vec<Value> =
        c.tx.role_list()?
            .iter()
            .map(|r| json!({"Role": role_json(r)}))
            .collect();
    Ok(Reply::json(Value::Array(list)))
}

pub fn role_add(c: &mut Call) -> ApiResult {
    let body = unwrap_envelope(&c.body, "Role").clone();
    let r = dir::add_role(c.tx, &c.actor, &body)?;
    Ok(Reply::json(json!({"Role": role_json(&r)})))
}

pub fn role_edit(c: &mut Call) -> ApiResult {
    let r = find_role(c)?;
    let body = unwrap_envelope(&c.body, "Role").clone();
    let r = dir::edit_role(c.tx, &c.actor, r, &body)?;
    Ok(Reply::json(json!({"Role": role_json(&r)})))
}

pub fn role_delete(c: &mut Call) -> ApiResult {
    let r = find_role(c)?;
    dir::delete_role(c.tx, &c.actor, &r)?;
    Ok(Reply::saved("Role deleted", &c.url, Some(r.id)))
}

pub fn role_set_default(c: &mut Call) -> ApiResult {
    let r = find_role(c)?;
    dir::set_default_role(c.tx, &c.actor, r.id)?;
    Ok(Reply::saved("Default role set.", &c.url, Some(r.id)))
}

/// `auth_keys/add/{user|me}`: a new API key for a user, shown once.
pub fn authkey_add(c: &mut Call) -> ApiResult {
    let reference = c.path.arg(0).unwrap_or("me").to_string();
    let u = if reference == "me" {
        c.tx.user_get(c.actor.user_id)?
            .ok_or_else(|| ApiError::not_found("Invalid user"))?
    } else {
        dir::find_user(c.tx, &c.actor, &reference)?
    };
    if u.id != c.actor.user_id && !dir::may_manage_user(&c.actor, &u) {
        return Err(jisr_core::error::no_permission().into());
    }
    let comment = jisr_model::wire::str_field(&c.body, "comment").unwrap_or_default();
    let expiration = match c.body.get("expiration").filter(|v| !v.is_null()) {
        None => 0,
        Some(v) => jisr_model::wire::parse_time_filter(v, jisr_model::wire::now())
            .filter(|t| *t > jisr_model::wire::now())
            .ok_or_else(|| {
                ApiError::bad_request(
                    "expiration must be a future date (YYYY-MM-DD) or epoch seconds",
                )
            })?,
    };
    let key = jisr_core::auth::issue_key_until(c.tx, c.secret, u.id, None, &comment, expiration)?;
    Ok(Reply::json(json!({"AuthKey": {
        "user_id": u.id.to_string(), "authkey_raw": key, "authkey_start": &key[..4],
        "authkey_end": &key[key.len() - 4..], "comment": comment, "expiration": expiration.to_string(),
    }})))
}

fn key_json(k: &jisr_model::AuthKey) -> Value {
    json!({"AuthKey": {
        "id": k.id.to_string(), "uuid": k.uuid, "user_id": k.user_id.to_string(),
        "authkey_start": k.key_start, "authkey_end": k.key_end, "created": k.created.to_string(),
        "expiration": k.expiration.to_string(), "comment": k.comment,
    }})
}

/// `auth_keys/index`: one's own keys (never the keys themselves); org and
/// site admins see those of the users they manage.
pub fn authkeys_index(c: &mut Call) -> ApiResult {
    let users: Vec<User> = if c.actor.is_org_admin() {
        dir::users_visible(c.tx, &c.actor)?
    } else {
        c.tx.user_get(c.actor.user_id)?.into_iter().collect()
    };
    let mut out = vec![];
    for u in users {
        for k in c.tx.authkeys_of_user(u.id)? {
            out.push(key_json(&k));
        }
    }
    Ok(Reply::json(Value::Array(out)))
}

/// `auth_keys/delete/{id}`: revokes a key at once.
pub fn authkey_delete(c: &mut Call) -> ApiResult {
    let id: i64 = c
        .id_arg("auth key")?
        .parse()
        .map_err(|_| ApiError::not_found("Invalid auth key"))?;
    let owner = {
        let mut found = None;
        let users: Vec<User> = if c.actor.is_org_admin() {
            dir::users_visible(c.tx, &c.actor)?
        } else {
            c.tx.user_get(c.actor.user_id)?.into_iter().collect()
        };
        for u in users {
            if c.tx.authkeys_of_user(u.id)?.iter().any(|k| k.id == id) {
                found = Some(u);
                break;
            }
        }
        found.ok_or_else(|| ApiError::not_found("Invalid auth key"))?
    };
    c.tx.authkey_delete(id)?;
    Ok(Reply::saved(
        &format!("Auth key {id} of {} revoked.", owner.email),
        &c.url,
        Some(id),
    ))
}
