//! Pull: fetch the remote's minimal index of published events, then each
//! event that is new or newer than our copy, and store it through the
//! receiving side's checks, one transaction per event.

use jisr_core::audit::{self, What, Who};
use jisr_core::federation::Origin;
use jisr_core::federation::receive::{Received, receive_event};
use jisr_model::Server;
use jisr_model::wire::{as_bool, as_i64};
use jisr_policy::federation::Crossing;
use jisr_store::Store;
use serde_json::{Value, json};

use crate::rules::Rules;
use crate::{Remote, RunReport, SyncError, link_actor};

/// What a pull fetches: every new or newer event ("update"), every event
/// again ("full"), or one event (by uuid).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PullScope {
    Update,
    Full,
    Event(String),
}

struct Row {
    uuid: String,
    timestamp: i64,
    sighting_timestamp: i64,
    published: bool,
}

fn index(remote: &Remote) -> Result<Vec<Row>, SyncError> {
    let answer = remote.post("events/index", &json!({"minimal": 1, "published": 1}))?;
    if answer.status != 200 {
        return Err(SyncError::Refused(format!(
            "the remote refused its event index (HTTP {}): {}",
            answer.status, answer.body
        )));
    }
    let rows = answer.body.as_array().ok_or_else(|| {
        SyncError::Transient("the remote's event index is not a JSON array".into())
    })?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            let r = r.get("Event").unwrap_or(r);
            Some(Row {
                uuid: r.get("uuid")?.as_str()?.to_string(),
                timestamp: r.get("timestamp").and_then(as_i64).unwrap_or(0),
                sighting_timestamp: r.get("sighting_timestamp").and_then(as_i64).unwrap_or(0),
                published: r.get("published").and_then(as_bool).unwrap_or(true),
            })
        })
        .collect())
}

pub struct Puller<'a> {
    pub store: &'a dyn Store,
    pub secret: &'a [u8],
    pub server: &'a Server,
    pub remote: &'a Remote,
    pub own_url: &'a str,
    /// Who asked (0 for the scheduler).
    pub user_id: i64,
}

impl Puller<'_> {
    pub fn run(&self, scope: &PullScope) -> Result<RunReport, SyncError> {
        let mut report = RunReport::default();
        let rows = match scope {
            PullScope::Event(uuid) => vec![Row {
                uuid: uuid.clone(),
                timestamp: i64::MAX,
                sighting_timestamp: i64::MAX,
                published: true,
            }],
            _ => index(self.remote)?,
        };
        let rules = Rules::parse(&self.server.pull_rules);
        for row in rows {
            report.considered += 1;
            if !row.published {
                report.skipped += 1;
                continue;
            }
            let local = {
                let mut tx = self.store.read()?;
                tx.event_by_uuid(&row.uuid)?
            };
            if let Some(l) = &local {
                if !l.locked {
                    report.skipped += 1;
                    continue;
                }
                if *scope == PullScope::Update
                    && l.timestamp >= row.timestamp
                    && l.sighting_timestamp >= row.sighting_timestamp
                {
                    report.unchanged += 1;
                    continue;
                }
            }
            let path = format!(
                "events/view/{}/deleted[]:0/deleted[]:1/includeSightings:1",
                row.uuid
            );
            let answer = self.remote.get(&path)?;
            if answer.status != 200 {
                report.note_error(format!("event {}: HTTP {}", row.uuid, answer.status));
                continue;
            }
            if !rules.event_allowed(&answer.body) {
                report.skipped += 1;
                continue;
            }
            self.apply(&row.uuid, &answer.body, &mut report)?;
        }
        Ok(report)
    }

    fn apply(&self, uuid: &str, body: &Value, report: &mut RunReport) -> Result<(), SyncError> {
        let mut tx = self.store.write()?;
        let actor = link_actor(tx.as_mut(), self.server, self.user_id)?;
        let origin = Origin {
            crossing: Crossing::Pull,
            internal: self.server.internal,
            server_id: Some(self.server.id),
            own_url: self.own_url.to_string(),
        };
        match receive_event(tx.as_mut(), &actor, body, &origin) {
            Ok(Received::Unchanged(_)) => {
                report.unchanged += 1;
                tx.commit()?;
            }
            Ok(outcome) => {
                report.transferred += 1;
                let action = if matches!(outcome, Received::Created(_)) {
                    "add"
                } else {
                    "edit"
                };
                let who = Who {
                    user_id: actor.user_id,
                    org_id: actor.org_id,
                    email: actor.email.clone(),
                    ..Default::default()
                };
                let what = What {
                    model: "Event".into(),
                    model_id: outcome.event_id(),
                    model_uuid: uuid.to_string(),
                    action: action.into(),
                    change: format!(
                        "pulled from server {} ({})",
                        self.server.id, self.server.url
                    ),
                };
                audit::record(tx.as_mut(), self.secret, &who, what)?;
                tx.commit()?;
            }
            Err(e) => {
                // The rejected event leaves nothing behind (tx dropped).
                report.note_error(format!("event {uuid}: {e}"));
            }
        }
        Ok(())
    }
}
