//! Push: offer published events to a remote, send only those it wants
//! (newer than its copy), as the link may carry them; then their sightings.

use jisr_core::audit::{self, What, Who};
use jisr_core::federation::outgoing::event_for_server;
use jisr_model::Server;
use jisr_store::Store;
use serde_json::{Value, json};

use crate::rules::Rules;
use crate::{Remote, RunReport, SyncError};

/// What a push offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushScope {
    /// Events published since the link's outbox cursor (the scheduler's push).
    Outbox,
    /// Every published event.
    All,
    /// One event (id or uuid).
    Event(String),
}

const BATCH: i64 = 100;

pub struct Pusher<'a> {
    pub store: &'a dyn Store,
    pub secret: &'a [u8],
    pub server: &'a Server,
    pub remote: &'a Remote,
    pub user_id: i64,
}

struct Candidate {
    uuid: String,
    timestamp: i64,
    body: Value,
}

/// Sightings inside an event body, each naming its attribute.
fn sightings_of(body: &Value) -> Vec<Value> {
    let ev = body.get("Event").unwrap_or(body);
    let mut attributes: Vec<&Value> = ev["Attribute"].as_array().into_iter().flatten().collect();
    for o in ev["Object"].as_array().into_iter().flatten() {
        attributes.extend(o["Attribute"].as_array().into_iter().flatten());
    }
    let mut out = vec![];
    for a in attributes {
        for s in a["Sighting"].as_array().into_iter().flatten() {
            let mut s = s.clone();
            if let Some(m) = s.as_object_mut() {
                m.insert("attribute_uuid".into(), a["uuid"].clone());
                m.remove("id");
                m.remove("attribute_id");
                m.remove("event_id");
            }
            out.push(s);
        }
    }
    out
}

impl Pusher<'_> {
    pub fn run(&self, scope: &PushScope) -> Result<RunReport, SyncError> {
        let mut report = RunReport::default();
        match scope {
            PushScope::Event(reference) => {
                let id = {
                    let mut tx = self.store.read()?;
                    jisr_core::event_read::find_event(tx.as_mut(), reference)?.map(|e| e.id)
                };
                match id {
                    Some(id) => self.push_events(&[id], &mut report)?,
                    None => report.note_error(format!("event {reference} not found")),
                }
            }
            PushScope::All => {
                let mut after = 0;
                loop {
                    let page: Vec<i64> = {
                        let mut tx = self.store.read()?;
                        tx.events_published_after(after, BATCH)?
                            .iter()
                            .map(|e| e.id)
                            .collect()
                    };
                    let Some(last) = page.last().copied() else {
                        break;
                    };
                    self.push_events(&page, &mut report)?;
                    after = last;
                }
            }
            PushScope::Outbox => loop {
                let cursor = {
                    let mut tx = self.store.read()?;
                    tx.server_get(self.server.id)?
                        .map(|s| s.push_cursor)
                        .unwrap_or(i64::MAX)
                };
                let entries = {
                    let mut tx = self.store.read()?;
                    tx.outbox_after(cursor, BATCH)?
                };
                let Some((last_seq, _)) = entries.last().copied() else {
                    break;
                };
                let mut ids: Vec<i64> = entries.iter().map(|(_, id)| *id).collect();
                ids.sort_unstable();
                ids.dedup();
                // A failure returns before the cursor moves: the batch is offered again.
                self.push_events(&ids, &mut report)?;
                let mut tx = self.store.write()?;
                if let Some(mut s) = tx.server_get(self.server.id)? {
                    s.push_cursor = s.push_cursor.max(last_seq);
                    tx.server_update(&s)?;
                }
                tx.commit()?;
            },
        }
        Ok(report)
    }

    fn push_events(&self, ids: &[i64], report: &mut RunReport) -> Result<(), SyncError> {
        let rules = Rules::parse(&self.server.push_rules);
        let mut candidates = vec![];
        {
            let mut tx = self.store.read()?;
            for id in ids {
                report.considered += 1;
                let Some(event) = tx.event_get(*id)? else {
                    report.skipped += 1;
                    continue;
                };
                if !event.published {
                    report.skipped += 1;
                    continue;
                }
                let (uuid, timestamp) = (event.uuid.clone(), event.timestamp);
                match event_for_server(tx.as_mut(), event, self.server)? {
                    Some(body) if rules.event_allowed(&body) => candidates.push(Candidate {
                        uuid,
                        timestamp,
                        body,
                    }),
                    _ => report.skipped += 1,
                }
            }
        }
        if candidates.is_empty() {
            return Ok(());
        }
        let offer: Vec<Value> = candidates
            .iter()
            .map(|c| json!({"Event": {"uuid": c.uuid, "timestamp": c.timestamp.to_string()}}))
            .collect();
        let answer = self
            .remote
            .post("events/filterEventIdsForPush", &Value::Array(offer))?;
        if answer.status != 200 {
            return Err(SyncError::Refused(format!(
                "the remote refused to say which events it wants (HTTP {}): {}",
                answer.status, answer.body
            )));
        }
        let wanted: Vec<String> = answer
            .body
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|u| u.as_str().map(str::to_string))
            .collect();
        for c in &candidates {
            if wanted.contains(&c.uuid) {
                self.send(c, report)?;
            } else {
                report.unchanged += 1;
            }
            if self.server.push_sightings {
                self.send_sightings(c, report)?;
            }
        }
        Ok(())
    }

    fn send(&self, c: &Candidate, report: &mut RunReport) -> Result<(), SyncError> {
        let exists = self.remote.head(&format!("events/view/{}", c.uuid))? == 200;
        let path = if exists {
            format!("events/edit/{}", c.uuid)
        } else {
            "events/add".to_string()
        };
        let answer = self.remote.post(&path, &c.body)?;
        let text = answer.body.to_string();
        if answer.status == 200 {
            report.transferred += 1;
            self.audit(c, if exists { "edit" } else { "add" })?;
        } else if text.contains("not newer")
            || (answer.status == 404 && !exists && text.contains("already exists"))
        {
            report.unchanged += 1;
        } else {
            report.note_error(format!(
                "event {}: HTTP {}: {}",
                c.uuid, answer.status, text
            ));
        }
        Ok(())
    }

    fn send_sightings(&self, c: &Candidate, report: &mut RunReport) -> Result<(), SyncError> {
        let list = sightings_of(&c.body);
        if list.is_empty() {
            return Ok(());
        }
        let n = list.len() as u64;
        let answer = self.remote.post(
            &format!("sightings/bulkSaveSightings/{}", c.uuid),
            &Value::Array(list),
        )?;
        if answer.status == 200 {
            report.sightings += n;
        } else {
            report.note_error(format!(
                "sightings of event {}: HTTP {}",
                c.uuid, answer.status
            ));
        }
        Ok(())
    }

    fn audit(&self, c: &Candidate, how: &str) -> Result<(), SyncError> {
        let mut tx = self.store.write()?;
        let event_id = tx.event_by_uuid(&c.uuid)?.map(|e| e.id).unwrap_or(0);
        let who = Who {
            user_id: self.user_id,
            org_id: self.server.org_id,
            email: format!("sync:{}", self.server.name),
            ..Default::default()
        };
        let what = What {
            model: "Event".into(),
            model_id: event_id,
            model_uuid: c.uuid.clone(),
            action: "push".into(),
            change: format!("{how} on server {} ({})", self.server.id, self.server.url),
        };
        audit::record(tx.as_mut(), self.secret, &who, what)?;
        tx.commit()?;
        Ok(())
    }
}
