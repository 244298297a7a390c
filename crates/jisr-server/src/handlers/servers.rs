//! Instance endpoints: version, settings, the attribute type table.

use jisr_core::settings;
use serde_json::{Value, json};

use crate::call::Call;
use crate::reply::{ApiError, ApiResult, Reply};

pub fn get_version(c: &mut Call) -> ApiResult {
    let uuid = settings::get(c.tx, "MISP.uuid")?;
    Ok(Reply::json(json!({
        "version": c.config.misp_version,
        "pymisp_recommended_version": c.config.misp_version,
        "perm_sync": c.actor.can("perm_sync"),
        "perm_sighting": c.actor.can("perm_sighting"),
        "perm_galaxy_editor": c.actor.can("perm_galaxy_editor"),
        "perm_analyst_data": c.actor.can("perm_analyst_data"),
        "request_encoding": [],
        "filter_sightings": true,
        "uuid": uuid,
        "jisr_version": env!("CARGO_PKG_VERSION"),
    })))
}

pub fn get_pymisp_version(c: &mut Call) -> ApiResult {
    Ok(Reply::json(json!({"version": c.config.misp_version})))
}

pub fn settings_edit(c: &mut Call) -> ApiResult {
    jisr_core::directory::require_site_admin(&c.actor)?;
    let name = c.id_arg("setting")?;
    let value = c.body.get("value").cloned().unwrap_or(Value::Null);
    settings::set(c.tx, &name, &value)?;
    Ok(Reply::json(
        json!({"saved": true, "success": true, "name": "Field updated", "message": "Field updated", "url": c.url}),
    ))
}

pub fn get_setting(c: &mut Call) -> ApiResult {
    jisr_core::directory::require_site_admin(&c.actor)?;
    let name = c.id_arg("setting")?;
    let value = settings::get(c.tx, &name)?;
    Ok(Reply::json(settings::describe(&name, &value)))
}

pub fn server_settings(c: &mut Call) -> ApiResult {
    jisr_core::directory::require_site_admin(&c.actor)?;
    let list: Vec<Value> =
        c.tx.settings_all()?
            .iter()
            .filter(|(k, _)| !k.starts_with("jisr."))
            .map(|(k, v)| settings::describe(k, v))
            .collect();
    // The sync worker runs inside the server process: it is up when we answer.
    let up = json!({"ok": true, "workers": [{"pid": std::process::id(), "alive": true}]});
    Ok(Reply::json(json!({"finalSettings": list, "workers": {
        "default": up.clone(), "prio": up.clone(), "email": up.clone(), "update": up.clone(), "cache": up,
    }})))
}

pub fn describe_types(_c: &mut Call) -> ApiResult {
    let table = jisr_model::types::describe_types();
    if table.is_null() {
        return Err(ApiError::new(
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            "the attribute type table is missing",
        ));
    }
    Ok(Reply::json(json!({"result": table})))
}

/// `events/queryACL/{format}`: MISP's self-check of its access control list.
/// Every jisr endpoint is a row of the route table with its access rule, so
/// no function can lack one; other formats list the table.
pub fn query_acl(c: &mut Call) -> ApiResult {
    jisr_core::directory::require_site_admin(&c.actor)?;
    if c.path.arg(0) == Some("findMissingFunctionNames") {
        return Ok(Reply::json(json!([])));
    }
    let routes: Vec<Value> = crate::routes::ROUTES
        .iter()
        .map(|r| json!({"controller": r.controller, "action": r.action, "writes": r.access == crate::routes::Access::Write}))
        .collect();
    Ok(Reply::json(Value::Array(routes)))
}

/// `admin/logs/index`: the audit log, newest first (site admins; org admins
/// see their organisation's entries).
pub fn logs_index(c: &mut Call) -> ApiResult {
    jisr_core::directory::require_org_admin(&c.actor)?;
    let get = |k: &str| {
        c.body
            .get(k)
            .and_then(jisr_model::wire::as_string)
            .filter(|s| !s.is_empty())
    };
    let filter = jisr_core::audit::Filter {
        model: get("model"),
        action: get("action"),
        email: get("email"),
        model_id: get("model_id").and_then(|v| v.parse().ok()),
        from: None,
        limit: get("limit").and_then(|v| v.parse().ok()).unwrap_or(100),
    };
    let own_org = (!c.actor.is_site_admin()).then_some(c.actor.org_id);
    let list: Vec<Value> = jisr_core::audit::search(c.tx, &filter)?
        .into_iter()
        .filter(|e| own_org.is_none_or(|o| e.org_id == o))
        .map(|e| {
            json!({"Log": {
                "id": e.id.to_string(), "created": e.created.to_string(), "user_id": e.user_id.to_string(),
                "org_id": e.org_id.to_string(), "email": e.email, "ip": e.ip, "model": e.model,
                "model_id": e.model_id.to_string(), "action": e.action, "change": e.change,
                "authkey_id": e.authkey_id.to_string(), "hash": e.hash,
            }})
        })
        .collect();
    Ok(Reply::json(Value::Array(list)))
}
