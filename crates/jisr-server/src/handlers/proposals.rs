//! `/shadowAttributes/…`: proposals (MISP's shadow attributes).

use jisr_core::attributes::visible_attribute;
use jisr_core::event_read::visible_event;
use jisr_core::proposals;
use jisr_model::Proposal;
use jisr_model::wire::{parse_attribute, proposal_json};
use serde_json::{Value, json};

use crate::call::Call;
use crate::reply::{ApiError, ApiResult, Reply};

fn reply(p: &Proposal, event_uuid: &str) -> Reply {
    Reply::json(json!({"ShadowAttribute": proposal_json(p, event_uuid)}))
}

fn require_propose(c: &Call) -> Result<(), ApiError> {
    if c.actor.can("perm_add") {
        Ok(())
    } else {
        Err(jisr_core::error::no_permission().into())
    }
}

fn body_attribute(c: &Call) -> Result<jisr_model::wire::InAttribute, ApiError> {
    let body = jisr_model::wire::unwrap_envelope(&c.body, "ShadowAttribute");
    parse_attribute(body, "ShadowAttribute").map_err(|e| {
        ApiError::bad_request(format!("The request body is not a valid proposal: {e}"))
    })
}

fn propose_new(
    c: &mut Call,
    event: &jisr_model::Event,
    incoming: &jisr_model::wire::InAttribute,
) -> ApiResult {
    require_propose(c)?;
    let p = proposals::propose_new(c.tx, &c.actor, event, incoming)?;
    Ok(reply(&p, &event.uuid))
}

pub fn add(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("event")?;
    let scope = c.scope();
    let event = visible_event(c.tx, &scope, &reference)?;
    let incoming = body_attribute(c)?;
    propose_new(c, &event, &incoming)
}

fn propose_change(
    c: &mut Call,
    attribute: &jisr_model::Attribute,
    event: &jisr_model::Event,
    incoming: &jisr_model::wire::InAttribute,
) -> ApiResult {
    require_propose(c)?;
    let p = proposals::propose_change(c.tx, &c.actor, event, attribute, incoming)?;
    Ok(reply(&p, &event.uuid))
}

pub fn edit(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("attribute")?;
    let scope = c.scope();
    let (a, event) = visible_attribute(c.tx, &scope, &reference)?;
    let incoming = body_attribute(c)?;
    propose_change(c, &a, &event, &incoming)
}

fn propose_delete(
    c: &mut Call,
    attribute: &jisr_model::Attribute,
    event: &jisr_model::Event,
) -> ApiResult {
    require_propose(c)?;
    let p = proposals::propose_delete(c.tx, &c.actor, event, attribute)?;
    Ok(Reply::saved(
        "Proposal to delete the attribute saved.",
        &c.url,
        Some(p.id),
    ))
}

pub fn delete(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("attribute")?;
    let scope = c.scope();
    let (a, event) = visible_attribute(c.tx, &scope, &reference)?;
    propose_delete(c, &a, &event)
}

pub fn view(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("proposal")?;
    let scope = c.scope();
    let (p, event) = proposals::visible(c.tx, &scope, &reference)?;
    Ok(reply(&p, &event.uuid))
}

pub fn index(c: &mut Call) -> ApiResult {
    let scope = c.scope();
    let event = match c.path.arg(0) {
        Some(r) => Some(visible_event(c.tx, &scope, r)?),
        None => None,
    };
    let list: Vec<Value> = proposals::list(c.tx, &scope, event.as_ref())?
        .iter()
        .map(|(p, uuid)| json!({"ShadowAttribute": proposal_json(p, uuid)}))
        .collect();
    Ok(Reply::json(Value::Array(list)))
}

pub fn accept(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("proposal")?;
    let scope = c.scope();
    let (p, event) = proposals::visible(c.tx, &scope, &reference)?;
    let id = p.id;
    proposals::accept(c.tx, &c.actor, p, event)?;
    Ok(Reply::saved("Proposed change accepted.", &c.url, Some(id)))
}

pub fn discard(c: &mut Call) -> ApiResult {
    let reference = c.id_arg("proposal")?;
    let scope = c.scope();
    let (p, event) = proposals::visible(c.tx, &scope, &reference)?;
    let id = p.id;
    proposals::discard(c.tx, &c.actor, p, &event)?;
    Ok(Reply::saved("Proposal discarded.", &c.url, Some(id)))
}
