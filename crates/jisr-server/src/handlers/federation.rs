//! `/servers/…` links and sync, and the endpoints a pushing peer calls:
//! `events/filterEventIdsForPush`, `sightings/bulkSaveSightings`, and
//! `events/add|edit` by a sync user (the receiving side's re-checks).

use jisr_core::federation::receive::{Received, receive_event};
use jisr_core::federation::{Origin, servers};
use jisr_core::settings;
use jisr_model::SyncJob;
use jisr_model::wire::{as_i64, now, parse_sighting, str_field, unwrap_envelope};
use jisr_policy::federation::Crossing;
use serde_json::{Value, json};

use crate::call::Call;
use crate::reply::{ApiError, ApiResult, Reply};

/// Our base URL as peers should reach us.
pub fn own_url(c: &mut Call) -> Result<String, ApiError> {
    Ok(servers::own_url(c.tx, &c.config.public_url)?)
}

/// A sync user (not a site admin) speaks for a peer instance.
pub fn is_sync_peer(c: &Call) -> bool {
    c.actor.role.has("perm_sync") && !c.actor.is_site_admin()
}

fn require_sync(c: &Call) -> Result<(), ApiError> {
    if c.actor.can("perm_sync") {
        Ok(())
    } else {
        Err(jisr_core::error::no_permission().into())
    }
}

/// `events/add` or `events/edit/{uuid}` from a pushing peer.
pub fn receive(c: &mut Call, reference: Option<String>) -> ApiResult {
    let link =
        c.tx.server_list()?
            .into_iter()
            .find(|s| s.remote_org_id == c.actor.org_id);
    let origin = Origin {
        crossing: Crossing::Received,
        internal: link.as_ref().is_some_and(|s| s.internal),
        server_id: link.as_ref().map(|s| s.id),
        own_url: own_url(c)?,
    };
    let body = unwrap_envelope(&c.body, "Event");
    if let (Some(r), Some(u)) = (&reference, str_field(body, "uuid"))
        && r.contains('-')
        && !r.eq_ignore_ascii_case(&u)
    {
        return Err(ApiError::bad_request(
            "the uuid in the body does not match the event being edited",
        ));
    }
    let body = c.body.clone();
    match receive_event(c.tx, &c.actor, &body, &origin)? {
        Received::Unchanged(id) if reference.is_none() => Err(jisr_core::CoreError::Exists {
            message: "Event already exists, if you would like to edit it, use the url in the location header.".into(),
            location: format!("/events/view/{id}"),
        }
        .into()),
        Received::Unchanged(_) => Err(ApiError::new(
            axum::http::StatusCode::FORBIDDEN,
            "Event could not be saved: Event in the request not newer than the local copy.",
        )),
        outcome => {
            let e = c
                .tx
                .event_get(outcome.event_id())?
                .ok_or_else(|| ApiError::not_found("Invalid event"))?;
            Ok(Reply::json(json!({"Event": jisr_model::wire::event_row_json(&e)})))
        }
    }
}

/// `events/filterEventIdsForPush`: of the offered `{uuid, timestamp}`, the
/// uuids we want — new to us, or newer than a synced copy. An event created
/// here is never wanted (a synced copy never overwrites it).
pub fn filter_for_push(c: &mut Call) -> ApiResult {
    require_sync(c)?;
    let offered = c.body.as_array().cloned().unwrap_or_default();
    let mut wanted = vec![];
    for item in offered {
        let ev = unwrap_envelope(&item, "Event");
        let Some(uuid) = str_field(ev, "uuid") else {
            continue;
        };
        let ts = ev.get("timestamp").and_then(as_i64).unwrap_or(0);
        match c.tx.event_by_uuid(&uuid)? {
            None => wanted.push(Value::String(uuid)),
            Some(local) if local.locked && local.timestamp < ts => wanted.push(Value::String(uuid)),
            Some(_) => {}
        }
    }
    Ok(Reply::json(Value::Array(wanted)))
}

/// `sightings/bulkSaveSightings/{event uuid}`: sightings a peer pushes,
/// each naming its attribute; ones we hold already are skipped.
pub fn bulk_save_sightings(c: &mut Call) -> ApiResult {
    require_sync(c)?;
    let reference = c.id_arg("event")?;
    let scope = c.scope();
    let event = jisr_core::event_read::visible_event(c.tx, &scope, &reference)?;
    let list = c.body.as_array().cloned().unwrap_or_default();
    let mut saved = 0;
    for item in list {
        let s = unwrap_envelope(&item, "Sighting");
        let Some(attribute_uuid) = str_field(s, "attribute_uuid") else {
            continue;
        };
        let Some(a) = c.tx.attribute_by_uuid(&attribute_uuid)? else {
            continue;
        };
        if a.event_id != event.id {
            continue;
        }
        let incoming = parse_sighting(s);
        if incoming
            .uuid
            .as_deref()
            .is_some_and(|u| matches!(c.tx.sighting_by_uuid(u), Ok(Some(_))))
        {
            continue;
        }
        jisr_core::sightings::store_incoming(c.tx, &c.actor, &event, a.id, &incoming)?;
        saved += 1;
    }
    if saved > 0 {
        // Passed on to our own push links, as MISP relays sightings.
        jisr_core::sightings::offer_to_push_links(c.tx, &event)?;
    }
    Ok(Reply::json(
        json!({"saved": true, "success": true, "name": format!("{saved} sightings saved"),
        "message": format!("{saved} sightings saved"), "url": c.url}),
    ))
}

fn one(c: &mut Call) -> Result<jisr_model::Server, ApiError> {
    jisr_core::directory::require_site_admin(&c.actor)?;
    let reference = c.id_arg("server")?;
    Ok(servers::find(c.tx, &reference)?)
}

pub fn index(c: &mut Call) -> ApiResult {
    let list = servers::list(c.tx, &c.actor)?;
    let mut out = vec![];
    for s in &list {
        out.push(servers::to_json(c.tx, s)?);
    }
    Ok(Reply::json(Value::Array(out)))
}

pub fn add(c: &mut Call) -> ApiResult {
    let body = c.body.clone();
    let s = servers::add(c.tx, &c.actor, &body)?;
    Ok(Reply::json(servers::to_json(c.tx, &s)?))
}

pub fn import(c: &mut Call) -> ApiResult {
    let body = c.body.clone();
    let s = servers::import(c.tx, &c.actor, &body)?;
    Ok(Reply::json(servers::to_json(c.tx, &s)?))
}

pub fn edit(c: &mut Call) -> ApiResult {
    let s = one(c)?;
    let body = c.body.clone();
    let s = servers::edit(c.tx, &c.actor, s, &body)?;
    Ok(Reply::json(servers::to_json(c.tx, &s)?))
}

pub fn delete(c: &mut Call) -> ApiResult {
    let s = one(c)?;
    servers::delete(c.tx, &c.actor, &s)?;
    Ok(Reply::saved("Server deleted", &c.url, Some(s.id)))
}

pub fn create_sync(c: &mut Call) -> ApiResult {
    let fallback = own_url(c)?;
    let v = servers::sync_config(c.tx, c.secret, &c.actor, &fallback)?;
    Ok(Reply::json(v))
}

pub fn test_connection(c: &mut Call) -> ApiResult {
    let s = one(c)?;
    let own_uuid = settings::get(c.tx, "MISP.uuid")?;
    let remote = jisr_sync::Remote::new(&s, std::time::Duration::from_secs(20))
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    Ok(Reply::json(remote.test(&own_uuid)))
}

/// `servers/push/{id}[/{event}|/full]` and `servers/pull/{id}[/{event}|/full|/update]`:
/// queued for the sync worker, which records the outcome on the server.
fn enqueue(c: &mut Call, kind: &str) -> ApiResult {
    let s = one(c)?;
    let target = c.path.arg(1).unwrap_or("").to_string();
    let (event_ref, technique) = match target.as_str() {
        "" => (
            String::new(),
            if kind == "pull" { "update" } else { "full" }.to_string(),
        ),
        "full" | "update" | "incremental" => {
            (String::new(), target.replace("incremental", "update"))
        }
        e => (e.to_string(), String::new()),
    };
    let job = SyncJob {
        server_id: s.id,
        kind: kind.into(),
        event_ref,
        technique,
        user_id: c.actor.user_id,
        created: now(),
        ..Default::default()
    };
    let id = c.tx.sync_job_insert(&job)?;
    let message = format!(
        "{} queued for background execution.",
        if kind == "push" { "Push" } else { "Pull" }
    );
    Ok(Reply::json(
        json!({"saved": true, "success": true, "name": message, "message": message,
        "url": c.url, "id": id.to_string()}),
    ))
}

pub fn push(c: &mut Call) -> ApiResult {
    enqueue(c, "push")
}

pub fn pull(c: &mut Call) -> ApiResult {
    enqueue(c, "pull")
}

/// `servers/update` and `servers/restartWorkers`: jisr updates by replacing
/// its binary and its worker runs inside the server; both answer success.
pub fn nothing_to_do(c: &mut Call) -> ApiResult {
    jisr_core::directory::require_site_admin(&c.actor)?;
    Ok(Reply::json(
        json!({"saved": true, "success": true, "name": "Nothing to do", "message": "Nothing to do", "url": c.url}),
    ))
}

/// Recent sync jobs (jisr's own view of what the worker did).
pub fn jobs(c: &mut Call) -> ApiResult {
    jisr_core::directory::require_site_admin(&c.actor)?;
    let server = c.path.arg(0).and_then(|a| a.parse::<i64>().ok());
    let list: Vec<Value> = c
        .tx
        .sync_jobs_recent(server, 100)?
        .into_iter()
        .map(|j| {
            json!({"id": j.id, "server_id": j.server_id, "kind": j.kind, "event": j.event_ref,
                "technique": j.technique, "created": j.created, "started": j.started, "finished": j.finished,
                "attempts": j.attempts, "result": serde_json::from_str::<Value>(&j.result).unwrap_or(Value::Null)})
        })
        .collect();
    Ok(Reply::json(Value::Array(list)))
}
