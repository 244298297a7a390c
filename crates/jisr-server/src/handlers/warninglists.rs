//! `/warninglists/…`: which reference lists are enabled, and value checks.

use jisr_core::warninglists::{self, Warninglist, like};
use jisr_model::wire::{as_bool, as_string};
use serde_json::{Value, json};

use crate::call::Call;
use crate::reply::{ApiError, ApiResult, Reply};

fn list_json(l: &Warninglist, enabled: bool) -> Value {
    json!({
        "id": l.id.to_string(), "name": l.name, "type": l.list_type, "description": l.description,
        "version": l.version.to_string(), "enabled": enabled, "default": true, "category": l.category,
        "warninglist_entry_count": l.entry_count.to_string(),
        "valid_attributes": l.matching_attributes.join(", "),
    })
}

pub fn index(c: &mut Call) -> ApiResult {
    let enabled = warninglists::enabled(c.tx)?;
    let list: Vec<Value> = c
        .warninglists
        .lists
        .iter()
        .map(|l| json!({"Warninglist": list_json(l, enabled.contains(&l.name))}))
        .collect();
    Ok(Reply::json(json!({"Warninglists": list})))
}

pub fn view(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("warninglist")?;
    let enabled = warninglists::enabled(c.tx)?;
    let l = c
        .warninglists
        .lists
        .iter()
        .find(|l| l.id.to_string() == reference || l.name == reference)
        .ok_or_else(|| ApiError::not_found("Invalid Warninglist."))?;
    Ok(Reply::json(
        json!({"Warninglist": list_json(l, enabled.contains(&l.name))}),
    ))
}

fn terms(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(items)) => items.iter().filter_map(as_string).collect(),
        Some(v) => as_string(v).into_iter().collect(),
        None => vec![],
    }
}

/// `toggleEnable`: lists chosen by id or name (`%` wildcards); `enabled`
/// sets them, without it each is switched.
pub fn toggle(c: &mut Call) -> ApiResult {
    jisr_core::directory::require_site_admin(&c.actor)?;
    let ids = terms(c.body.get("id"));
    let names = terms(c.body.get("name"));
    let force = c.body.get("enabled").and_then(as_bool);
    let chosen: Vec<String> = c
        .warninglists
        .lists
        .iter()
        .filter(|l| ids.contains(&l.id.to_string()) || names.iter().any(|n| like(n, &l.name)))
        .map(|l| l.name.clone())
        .collect();
    if chosen.is_empty() {
        return Err(ApiError::not_found("Warninglist(s) not found."));
    }
    let mut enabled = warninglists::enabled(c.tx)?;
    for name in &chosen {
        let on = force.unwrap_or(!enabled.contains(name));
        enabled.retain(|n| n != name);
        if on {
            enabled.push(name.clone());
        }
    }
    warninglists::set_enabled(c.tx, &enabled)?;
    let verb = match force {
        Some(true) => "enabled",
        Some(false) => "disabled",
        None => "toggled",
    };
    Ok(Reply::json(
        json!({"saved": true, "success": format!("{} warninglist(s) {verb}", chosen.len())}),
    ))
}

/// `checkValue`: which enabled lists each value trips.
pub fn check_value(c: &mut Call) -> ApiResult {
    let values = match &c.body {
        Value::Array(_) => terms(Some(&c.body)),
        other => terms(other.get("value").or(Some(other))),
    };
    let enabled = warninglists::enabled(c.tx)?;
    let mut out = serde_json::Map::new();
    for v in values {
        let hits: Vec<Value> = c
            .warninglists
            .lists
            .iter()
            .filter(|l| enabled.contains(&l.name))
            .filter(|l| {
                l.matching_attributes.iter().any(|t| l.matches(t, &v, "")) || l.matches("", &v, "")
            })
            .map(|l| json!({"id": l.id.to_string(), "name": l.name, "matched": v}))
            .collect();
        if !hits.is_empty() {
            out.insert(v, Value::Array(hits));
        }
    }
    Ok(Reply::json(Value::Object(out)))
}
