//! Server links as MISP manages them: add, import a sync config, edit,
//! delete, and the sync config a sync user hands to the other side.

use jisr_model::Server;
use jisr_model::wire::{as_bool, as_i64, as_string, field, str_field, unwrap_envelope};
use jisr_policy::Actor;
use jisr_store::Tx;
use serde_json::{Value, json};

use crate::directory::require_site_admin;
use crate::error::{CoreError, Result, field_error, not_found};
use crate::event_read::org_ref;
use crate::settings;

/// MISP's default filter rules: nothing filtered.
pub const EMPTY_PUSH_RULES: &str = r#"{"tags":{"OR":[],"NOT":[]},"orgs":{"OR":[],"NOT":[]}}"#;
pub const EMPTY_PULL_RULES: &str = r#"{"tags":{"OR":[],"NOT":[]},"orgs":{"OR":[],"NOT":[]},"type_attributes":{"NOT":[]},"type_objects":{"NOT":[]},"url_params":""}"#;

/// A link by id, or by the remote instance's uuid (PyMISP prefers uuids).
pub fn find(tx: &mut dyn Tx, reference: &str) -> Result<Server> {
    let reference = reference.trim();
    let found = match reference.parse::<i64>() {
        Ok(id) => tx.server_get(id)?,
        Err(_) => tx
            .server_list()?
            .into_iter()
            .find(|s| !s.remote_uuid.is_empty() && s.remote_uuid.eq_ignore_ascii_case(reference)),
    };
    found.ok_or_else(|| not_found("Invalid server."))
}

/// Finds an organisation by uuid, or records it (as not local) so that
/// events and links can name it.
pub fn capture_org(tx: &mut dyn Tx, actor: &Actor, org: &Value) -> Result<i64> {
    let uuid = str_field(org, "uuid").filter(|u| uuid::Uuid::parse_str(u).is_ok());
    let name = str_field(org, "name").unwrap_or_default();
    if let Some(u) = &uuid
        && let Some(found) = tx.org_by_uuid(u)?
    {
        return Ok(found.id);
    }
    if uuid.is_none()
        && let Some(found) = tx.org_by_name(&name)?
    {
        return Ok(found.id);
    }
    if name.trim().is_empty() {
        return Err(invalid_org());
    }
    // Two organisations may not share a name: a namesake keeps its name and
    // the newcomer is told apart by its uuid.
    let name = match tx.org_by_name(&name)? {
        Some(_) => format!("{name} ({})", uuid.as_deref().unwrap_or("remote")),
        None => name,
    };
    crate::directory::insert_remote_org(tx, actor, uuid, name)
}

fn invalid_org() -> CoreError {
    field_error(
        "Server: the remote organisation is missing",
        "Organisation",
        "Remote Organisation's id/uuid not given (remote_org_id)",
    )
}

fn rules_text(v: &Value) -> Result<String> {
    let text = match v {
        Value::String(s) if s.trim().is_empty() => return Ok(String::new()),
        Value::String(s) => s.clone(),
        Value::Null => return Ok(String::new()),
        other => other.to_string(),
    };
    serde_json::from_str::<Value>(&text).map_err(|_| {
        field_error(
            "Server: filter rules are not JSON",
            "push_rules",
            "The filter rules must be in valid JSON format.",
        )
    })?;
    Ok(text)
}

fn check_url(url: &str) -> Result<String> {
    let url = url.trim().trim_end_matches('/').to_string();
    if !(url.starts_with("http://") || url.starts_with("https://")) || url.len() < 10 {
        return Err(field_error(
            &format!("Server: '{url}' is not an http(s) URL"),
            "url",
            "Please provide a valid URL (https://host[:port]).",
        ));
    }
    Ok(url)
}

/// Applies the fields present in `body` to `s` (add and edit share it).
fn apply(tx: &mut dyn Tx, actor: &Actor, s: &mut Server, body: &Value) -> Result<()> {
    if let Some(v) = str_field(body, "name") {
        s.name = v;
    }
    if let Some(v) = str_field(body, "url") {
        s.url = check_url(&v)?;
    }
    if let Some(v) = str_field(body, "authkey").filter(|k| !k.is_empty()) {
        if !crate::auth::is_well_formed(&v) {
            return Err(field_error(
                "Server: the remote API key is malformed",
                "authkey",
                "An API key is 40 letters and digits.",
            ));
        }
        s.authkey = v;
    }
    if let Some(v) = field(body, "remote_org_id").filter(|v| !v.is_null()) {
        let reference = as_string(v).unwrap_or_default();
        let org = crate::directory::find_org(tx, &reference)?.ok_or_else(|| {
            field_error(
                "Server: invalid remote organisation",
                "Organisation",
                "Invalid Remote Organisation",
            )
        })?;
        s.remote_org_id = org.id;
    }
    let flag = |k: &str| field(body, k).and_then(as_bool);
    macro_rules! flags {
        ($($f:ident),*) => { $( if let Some(v) = flag(stringify!($f)) { s.$f = v; } )* };
    }
    flags!(
        push,
        pull,
        push_sightings,
        self_signed,
        internal,
        unpublish_event,
        publish_without_email,
        remove_missing_tags
    );
    if let Some(v) = field(body, "push_rules") {
        s.push_rules = rules_text(v)?;
    }
    if let Some(v) = field(body, "pull_rules") {
        s.pull_rules = rules_text(v)?;
    }
    if let Some(v) = field(body, "priority").and_then(as_i64) {
        s.priority = v;
    }
    if let Some(v) = str_field(body, "cert_file") {
        // A pin that is not a certificate would fail every sync later; say so now.
        if !v.trim().is_empty() && !v.contains("-----BEGIN CERTIFICATE-----") {
            return Err(field_error(
                "Server: the pinned certificate is not PEM",
                "cert_file",
                "A pinned certificate is PEM text (-----BEGIN CERTIFICATE-----).",
            ));
        }
        s.cert_file = v;
    }
    if let Some(v) = str_field(body, "uuid").filter(|u| uuid::Uuid::parse_str(u).is_ok()) {
        s.remote_uuid = v;
    }
    // Only a link owned by the host organisation may be internal (MISP's rule).
    if s.internal {
        let host = settings::get_i64(tx, "MISP.host_org_id", 0)?;
        if s.org_id != host {
            s.internal = false;
        }
    }
    let _ = actor;
    Ok(())
}

/// `servers/add`.
pub fn add(tx: &mut dyn Tx, actor: &Actor, body: &Value) -> Result<Server> {
    require_site_admin(actor)?;
    let body = unwrap_envelope(body, "Server");
    let mut s = Server {
        org_id: actor.org_id,
        push_rules: EMPTY_PUSH_RULES.into(),
        pull_rules: EMPTY_PULL_RULES.into(),
        ..Default::default()
    };
    apply(tx, actor, &mut s, body)?;
    if s.remote_org_id == 0 {
        if let Some(o) = field(body, "Organisation") {
            s.remote_org_id = capture_org(tx, actor, o)?;
        } else {
            return Err(invalid_org());
        }
    }
    finish_new(tx, s)
}

/// `servers/import`: a sync config as `servers/createSync` on the other side produced it.
pub fn import(tx: &mut dyn Tx, actor: &Actor, body: &Value) -> Result<Server> {
    require_site_admin(actor)?;
    let mut body = unwrap_envelope(body, "Server").clone();
    if let Some(text) = str_field(&body, "json")
        && let Ok(inner) = serde_json::from_str::<Value>(&text)
    {
        body = unwrap_envelope(&inner, "Server").clone();
    }
    let org = field(&body, "Organisation")
        .cloned()
        .ok_or_else(invalid_org)?;
    let mut s = Server {
        org_id: actor.org_id,
        remote_org_id: capture_org(tx, actor, &org)?,
        push_rules: EMPTY_PUSH_RULES.into(),
        pull_rules: EMPTY_PULL_RULES.into(),
        ..Default::default()
    };
    if let Some(m) = body.as_object_mut() {
        // An import sets up the link; switches are turned on by an edit.
        for k in ["push", "pull", "internal", "remote_org_id"] {
            m.remove(k);
        }
    }
    apply(tx, actor, &mut s, &body)?;
    finish_new(tx, s)
}

fn finish_new(tx: &mut dyn Tx, mut s: Server) -> Result<Server> {
    if s.url.is_empty() {
        return Err(field_error(
            "Server: the URL is missing",
            "url",
            "Please provide a valid URL.",
        ));
    }
    if s.authkey.is_empty() {
        return Err(field_error(
            "Server: the remote API key is missing",
            "authkey",
            "An API key is required.",
        ));
    }
    if s.name.trim().is_empty() {
        s.name = s.url.clone();
    }
    // New links start pushing from now on; older events go with a full push.
    s.push_cursor = tx.outbox_last()?;
    s.id = tx.server_insert(&s)?;
    Ok(s)
}

/// `servers/edit/{id}`.
pub fn edit(tx: &mut dyn Tx, actor: &Actor, mut s: Server, body: &Value) -> Result<Server> {
    require_site_admin(actor)?;
    let body = unwrap_envelope(body, "Server");
    let was_pushing = s.push;
    apply(tx, actor, &mut s, body)?;
    if s.push && !was_pushing {
        // Turning push on offers what is published from now on.
        s.push_cursor = tx.outbox_last()?;
    }
    tx.server_update(&s)?;
    Ok(s)
}

pub fn delete(tx: &mut dyn Tx, actor: &Actor, s: &Server) -> Result<()> {
    require_site_admin(actor)?;
    tx.server_delete(s.id)?;
    Ok(())
}

pub fn list(tx: &mut dyn Tx, actor: &Actor) -> Result<Vec<Server>> {
    require_site_admin(actor)?;
    Ok(tx.server_list()?)
}

/// A server as MISP shows it (never its API key), with the results of the
/// last push and pull.
pub fn to_json(tx: &mut dyn Tx, s: &Server) -> Result<Value> {
    let parse = |t: &str| serde_json::from_str::<Value>(t).unwrap_or(Value::Null);
    let org = org_ref(tx, s.org_id)?;
    let remote = org_ref(tx, s.remote_org_id)?;
    Ok(json!({
        "Server": {
            "id": s.id.to_string(), "name": s.name, "url": s.url, "org_id": s.org_id.to_string(),
            "remote_org_id": s.remote_org_id.to_string(), "push": s.push, "pull": s.pull,
            "push_sightings": s.push_sightings, "push_galaxy_clusters": false, "pull_galaxy_clusters": false,
            "push_analyst_data": false, "pull_analyst_data": false,
            "push_rules": s.push_rules, "pull_rules": s.pull_rules, "self_signed": s.self_signed,
            "cert_file": if s.cert_file.is_empty() { Value::Null } else { Value::String(s.cert_file.clone()) },
            "client_cert_file": null, "internal": s.internal, "skip_proxy": false,
            "remove_missing_tags": s.remove_missing_tags, "caching_enabled": false,
            "unpublish_event": s.unpublish_event, "publish_without_email": s.publish_without_email,
            "priority": s.priority.to_string(), "uuid": s.remote_uuid, "organization": null,
            "lastpulledid": null, "lastpushedid": null, "cache_timestamp": false,
            "last_push_at": s.last_push_at, "last_push_result": parse(&s.last_push_result),
            "last_pull_at": s.last_pull_at, "last_pull_result": parse(&s.last_pull_result),
        },
        "Organisation": {"id": org.id.to_string(), "name": org.name, "uuid": org.uuid},
        "RemoteOrg": {"id": remote.id.to_string(), "name": remote.name, "uuid": remote.uuid},
        "User": [],
    }))
}

/// This instance's base URL as peers reach it: MISP's `external_baseurl`,
/// else `baseurl`, else `fallback` (the address it serves on).
pub fn own_url(tx: &mut dyn Tx, fallback: &str) -> Result<String> {
    for key in ["MISP.external_baseurl", "MISP.baseurl"] {
        let v = settings::get(tx, key)?;
        if !v.is_empty() {
            return Ok(v.trim_end_matches('/').to_string());
        }
    }
    Ok(fallback.trim_end_matches('/').to_string())
}

/// `servers/createSync`: what a sync user gives the other side's admin to
/// import: this instance's URL and uuid, a fresh API key of the user, and
/// the host organisation.
pub fn sync_config(
    tx: &mut dyn Tx,
    secret: &[u8],
    actor: &Actor,
    fallback_url: &str,
) -> Result<Value> {
    if actor.is_site_admin() {
        return Err(CoreError::Forbidden(
            "Site admin accounts cannot be used to create server sync configurations.".into(),
        ));
    }
    let url = own_url(tx, fallback_url)?;
    let host_id = settings::get_i64(tx, "MISP.host_org_id", 0)?;
    let host = tx.org_get(host_id)?.ok_or_else(|| {
        CoreError::Forbidden(
            "Cannot create sync config - no host org ID configured for the instance.".into(),
        )
    })?;
    let key = crate::auth::issue_key(tx, secret, actor.user_id, None, "Auto generated sync key")?;
    Ok(json!({"Server": {
        "url": url.trim_end_matches('/'), "uuid": settings::get(tx, "MISP.uuid")?, "authkey": key,
        "Organisation": {"name": host.name, "uuid": host.uuid},
    }}))
}
