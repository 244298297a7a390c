//! `/correlation_exclusions/…` (site admins), as MISP's controller answers.

use jisr_core::correlation::exclusions;
use serde_json::{Value, json};

use crate::call::Call;
use crate::reply::{ApiResult, Reply};

pub fn exclusions_index(c: &mut Call) -> ApiResult {
    let list = exclusions::list(c.tx, &c.actor)?;
    Ok(Reply::json(Value::Array(
        list.iter().map(exclusions::to_json).collect(),
    )))
}

pub fn exclusions_view(c: &mut Call) -> ApiResult {
    let id = c.id_arg("correlation exclusion")?;
    let x = exclusions::get(c.tx, &c.actor, &id)?;
    Ok(Reply::json(exclusions::to_json(&x)))
}

pub fn exclusions_add(c: &mut Call) -> ApiResult {
    let x = exclusions::add(c.tx, &c.actor, &c.body)?;
    Ok(Reply::json(exclusions::to_json(&x)))
}

pub fn exclusions_delete(c: &mut Call) -> ApiResult {
    let id = c.id_arg("correlation exclusion")?;
    let x = exclusions::delete(c.tx, &c.actor, &id)?;
    Ok(Reply::saved(
        "Correlation exclusion deleted.",
        &c.url,
        Some(x.id),
    ))
}

pub fn exclusions_clean(c: &mut Call) -> ApiResult {
    let touched = exclusions::clean(c.tx, &c.actor)?;
    let mut reply = json!({
        "saved": true, "success": true, "name": "Correlations of excluded values removed.",
        "message": format!("Correlations of excluded values removed ({touched} attributes re-indexed)."),
        "url": c.url,
    });
    if let Some(m) = reply.as_object_mut() {
        m.insert("attributes".into(), json!(touched));
    }
    Ok(Reply::json(reply))
}

/// A positive number from a named parameter (`limit:50`), or the default.
fn named_number(c: &Call, key: &str, default: usize) -> usize {
    c.path
        .named
        .get(key)
        .and_then(|v| v.first())
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|n| *n > 0)
        .unwrap_or(default)
}

/// `correlations/overCorrelations` (site admins): values held by more
/// attributes than `MISP.correlation_limit`, most held first, 50 a page.
pub fn over_correlations(c: &mut Call) -> ApiResult {
    if !c.actor.is_site_admin() {
        return Err(jisr_core::error::no_permission().into());
    }
    let limit = jisr_core::correlation::Settings::load(c.tx)?.limit;
    let all = jisr_core::correlation::over_correlating(c.tx, limit)?;
    let per_page = named_number(c, "limit", 50);
    let page = named_number(c, "page", 1);
    let rows: Vec<Value> = all
        .into_iter()
        .enumerate()
        .skip(per_page.saturating_mul(page - 1))
        .take(per_page)
        .map(|(i, (value, occurrence))| {
            json!({"OverCorrelatingValue": {
                "id": (i + 1).to_string(), "value": value, "occurrence": occurrence.to_string(),
            }})
        })
        .collect();
    Ok(Reply::json(Value::Array(rows)))
}
