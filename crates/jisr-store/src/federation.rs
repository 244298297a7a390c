//! Storage of federation state: server links, the durable queue of sync
//! jobs, and the outbox of published events waiting to be pushed.

use jisr_model::{Event, Server, SyncJob};

use crate::Result;

/// Servers, sync jobs and the push outbox. Jobs and the outbox live in the
/// database so that a crash or restart never loses a requested push or a
/// published event that still has to travel.
pub trait FederationTx {
    fn server_insert(&mut self, s: &Server) -> Result<i64>;
    fn server_update(&mut self, s: &Server) -> Result<()>;
    fn server_delete(&mut self, id: i64) -> Result<()>;
    fn server_get(&mut self, id: i64) -> Result<Option<Server>>;
    fn server_list(&mut self) -> Result<Vec<Server>>;

    fn sync_job_insert(&mut self, j: &SyncJob) -> Result<i64>;
    /// Takes the oldest job not finished and not started since `stale_before`
    /// (a job whose worker died is taken again), marking it started `now`.
    fn sync_job_claim(&mut self, now: i64, stale_before: i64) -> Result<Option<SyncJob>>;
    fn sync_job_finish(&mut self, id: i64, finished: i64, result: &str) -> Result<()>;
    /// The latest jobs, newest first (of one server when given).
    fn sync_jobs_recent(&mut self, server_id: Option<i64>, limit: i64) -> Result<Vec<SyncJob>>;

    /// Records that a published event changed and must be offered to the
    /// servers with push on; returns the entry's sequence number.
    fn outbox_append(&mut self, event_id: i64, created: i64) -> Result<i64>;
    /// Entries after `seq`, oldest first: (sequence, event id).
    fn outbox_after(&mut self, seq: i64, limit: i64) -> Result<Vec<(i64, i64)>>;
    /// The newest sequence number (0 when empty).
    fn outbox_last(&mut self) -> Result<i64>;

    /// Published events with id above `after_id`, by id: the candidates of a full push.
    fn events_published_after(&mut self, after_id: i64, limit: i64) -> Result<Vec<Event>>;
}
