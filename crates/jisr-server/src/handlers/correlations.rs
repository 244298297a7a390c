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
