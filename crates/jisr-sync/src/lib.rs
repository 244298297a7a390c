//! Federation over the network: a MISP-protocol client (`client`), pull and
//! push of events between instances (`pull`, `push`), and the background
//! worker that runs queued jobs, pushes what was published and pulls on an
//! interval (`worker`). What may cross a link is decided in jisr-policy and
//! jisr-core (`federation`); this crate moves bytes, retries, and records
//! the outcome. Each event is applied in its own transaction.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod client;
pub mod pull;
pub mod push;
pub mod rules;
pub mod worker;

use jisr_model::Server;
use jisr_policy::Actor;
use jisr_store::Tx;
use serde_json::{Value, json};

pub use client::{Remote, SyncError};
pub use worker::{SyncWorker, WorkerConfig};

/// How a run went, as stored in the server's `last_push_result` /
/// `last_pull_result` and shown by the API and the CLI.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunReport {
    /// Events looked at.
    pub considered: u64,
    /// Events sent or stored.
    pub transferred: u64,
    /// Events the other side (or we) already had.
    pub unchanged: u64,
    /// Events rules kept from crossing.
    pub skipped: u64,
    pub failed: u64,
    pub sightings: u64,
    /// The first errors, for the operator.
    pub errors: Vec<String>,
}

impl RunReport {
    pub fn note_error(&mut self, e: impl ToString) {
        self.failed += 1;
        if self.errors.len() < 10 {
            self.errors.push(e.to_string());
        }
    }
    pub fn to_json(&self) -> Value {
        json!({
            "considered": self.considered, "transferred": self.transferred, "unchanged": self.unchanged,
            "skipped": self.skipped, "failed": self.failed, "sightings": self.sightings,
            "errors": self.errors,
        })
    }
}

/// The stand-in that stores pulled events: the sync-user role, in the
/// organisation owning the link (so pulled events belong to it, as in MISP).
pub fn link_actor(tx: &mut dyn Tx, server: &Server, user_id: i64) -> Result<Actor, SyncError> {
    let role = tx
        .role_get(jisr_model::roles::ids::SYNC_USER)?
        .or_else(|| {
            jisr_model::roles::default_roles()
                .into_iter()
                .find(|r| r.id == jisr_model::roles::ids::SYNC_USER)
        })
        .ok_or_else(|| SyncError::Local("the sync-user role is missing".into()))?;
    Ok(Actor {
        user_id,
        org_id: server.org_id,
        email: format!("sync:{}", server.name),
        role,
        sharing_groups: tx.sharing_groups_of_org(server.org_id)?,
        unpublished_private: false,
        authkey_id: 0,
    })
}
