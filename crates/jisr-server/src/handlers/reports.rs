//! `/eventReports/…`.

use jisr_core::event_read::visible_event;
use jisr_core::reports::{self, visible_report};
use jisr_model::wire::{parse_report, report_json};
use serde_json::{Value, json};

use crate::call::Call;
use crate::reply::{ApiError, ApiResult, Reply};

pub fn add(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("event")?;
    let scope = c.scope();
    let mut event = visible_event(c.tx, &scope, &reference)?;
    let incoming = parse_report(&c.body);
    let r = reports::add(c.tx, &c.actor, &mut event, &incoming)?;
    Ok(Reply::json(json!({"EventReport": report_json(&r)})))
}

pub fn view(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("event report")?;
    let scope = c.scope();
    let (r, _) = visible_report(c.tx, &scope, &reference)?;
    Ok(Reply::json(json!({"EventReport": report_json(&r)})))
}

pub fn edit(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("event report")?;
    let scope = c.scope();
    let (r, event) = visible_report(c.tx, &scope, &reference)?;
    let incoming = parse_report(&c.body);
    let r = reports::edit(c.tx, &c.actor, r, event, &incoming)?;
    Ok(Reply::json(json!({"EventReport": report_json(&r)})))
}

pub fn delete(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("event report")?;
    let hard =
        c.path.arg(1).is_some_and(|h| h == "1" || h == "true") || c.flag("hard") == Some(true);
    let scope = c.scope();
    let (r, event) = visible_report(c.tx, &scope, &reference)?;
    let (id, uuid) = (r.id, r.uuid.clone());
    reports::delete(c.tx, &c.actor, r, event, hard)?;
    let how = if hard { "hard" } else { "soft" };
    Ok(Reply::saved(
        &format!("Event Report {uuid} {how} deleted"),
        &c.url,
        Some(id),
    ))
}

pub fn index(c: &mut Call) -> ApiResult {
    let event_ref = c
        .path
        .named
        .get("event_id")
        .and_then(|v| v.last().cloned())
        .or_else(|| {
            c.query
                .iter()
                .find(|(k, _)| k == "event_id")
                .map(|(_, v)| v.clone())
        })
        .ok_or_else(|| ApiError::bad_request("Give event_id:<id> to list an event's reports."))?;
    let scope = c.scope();
    let event = visible_event(c.tx, &scope, &event_ref)?;
    // The reports a view of the event would show.
    let tree = jisr_core::event_read::load_tree(c.tx, &scope, event, Default::default())?;
    let list: Vec<Value> = tree
        .reports
        .iter()
        .map(|r| json!({"EventReport": report_json(r)}))
        .collect();
    Ok(Reply::json(Value::Array(list)))
}
