//! Server links, sync jobs and the push outbox.

use jisr_model::{Event, Server, SyncJob};
use jisr_store::{FederationTx, Result};
use tokio_postgres::Row;

use crate::rows::PgResult;

use crate::PgTx;
use crate::rows::{self, EVENT_COLS};

const SERVER_COLS: &str = "id, name, url, authkey, org_id, remote_org_id, push, pull, push_sightings, push_rules, pull_rules, self_signed, cert_file, internal, priority, remote_uuid, unpublish_event, publish_without_email, remove_missing_tags, push_cursor, last_push_at, last_push_result, last_pull_at, last_pull_result";

fn server(r: &Row) -> PgResult<Server> {
    Ok(Server {
        id: r.try_get(0)?,
        name: r.try_get(1)?,
        url: r.try_get(2)?,
        authkey: r.try_get(3)?,
        org_id: r.try_get(4)?,
        remote_org_id: r.try_get(5)?,
        push: r.try_get(6)?,
        pull: r.try_get(7)?,
        push_sightings: r.try_get(8)?,
        push_rules: r.try_get(9)?,
        pull_rules: r.try_get(10)?,
        self_signed: r.try_get(11)?,
        cert_file: r.try_get(12)?,
        internal: r.try_get(13)?,
        priority: r.try_get(14)?,
        remote_uuid: r.try_get(15)?,
        unpublish_event: r.try_get(16)?,
        publish_without_email: r.try_get(17)?,
        remove_missing_tags: r.try_get(18)?,
        push_cursor: r.try_get(19)?,
        last_push_at: r.try_get(20)?,
        last_push_result: r.try_get(21)?,
        last_pull_at: r.try_get(22)?,
        last_pull_result: r.try_get(23)?,
    })
}

const JOB_COLS: &str = "id, server_id, kind, event_ref, technique, user_id, created, started, finished, attempts, result";

fn job(r: &Row) -> PgResult<SyncJob> {
    Ok(SyncJob {
        id: r.try_get(0)?,
        server_id: r.try_get(1)?,
        kind: r.try_get(2)?,
        event_ref: r.try_get(3)?,
        technique: r.try_get(4)?,
        user_id: r.try_get(5)?,
        created: r.try_get(6)?,
        started: r.try_get(7)?,
        finished: r.try_get(8)?,
        attempts: r.try_get(9)?,
        result: r.try_get(10)?,
    })
}

impl FederationTx for PgTx<'_> {
    fn server_insert(&mut self, s: &Server) -> Result<i64> {
        self.insert(
            "INSERT INTO servers (name, url, authkey, org_id, remote_org_id, push, pull, push_sightings, push_rules, pull_rules,
               self_signed, cert_file, internal, priority, remote_uuid, unpublish_event, publish_without_email,
               remove_missing_tags, push_cursor, last_push_at, last_push_result, last_pull_at, last_pull_result)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)",
            params![
                s.name, s.url, s.authkey, s.org_id, s.remote_org_id, s.push, s.pull, s.push_sightings, s.push_rules,
                s.pull_rules, s.self_signed, s.cert_file, s.internal, s.priority, s.remote_uuid, s.unpublish_event,
                s.publish_without_email, s.remove_missing_tags, s.push_cursor, s.last_push_at, s.last_push_result,
                s.last_pull_at, s.last_pull_result
            ],
        )
    }
    fn server_update(&mut self, s: &Server) -> Result<()> {
        self.exec_one(
            "server",
            "UPDATE servers SET name = $2, url = $3, authkey = $4, org_id = $5, remote_org_id = $6, push = $7, pull = $8,
               push_sightings = $9, push_rules = $10, pull_rules = $11, self_signed = $12, cert_file = $13, internal = $14,
               priority = $15, remote_uuid = $16, unpublish_event = $17, publish_without_email = $18,
               remove_missing_tags = $19, push_cursor = $20, last_push_at = $21, last_push_result = $22,
               last_pull_at = $23, last_pull_result = $24 WHERE id = $1",
            params![
                s.id, s.name, s.url, s.authkey, s.org_id, s.remote_org_id, s.push, s.pull, s.push_sightings,
                s.push_rules, s.pull_rules, s.self_signed, s.cert_file, s.internal, s.priority, s.remote_uuid,
                s.unpublish_event, s.publish_without_email, s.remove_missing_tags, s.push_cursor, s.last_push_at,
                s.last_push_result, s.last_pull_at, s.last_pull_result
            ],
        )
    }
    fn server_delete(&mut self, id: i64) -> Result<()> {
        self.exec_one("server", "DELETE FROM servers WHERE id = $1", params![id])
    }
    fn server_get(&mut self, id: i64) -> Result<Option<Server>> {
        self.one(
            &format!("SELECT {SERVER_COLS} FROM servers WHERE id = $1"),
            params![id],
            server,
        )
    }
    fn server_list(&mut self) -> Result<Vec<Server>> {
        self.many(
            &format!("SELECT {SERVER_COLS} FROM servers ORDER BY priority, id"),
            params![],
            server,
        )
    }

    fn sync_job_insert(&mut self, j: &SyncJob) -> Result<i64> {
        self.insert(
            "INSERT INTO sync_jobs (server_id, kind, event_ref, technique, user_id, created, started, finished, attempts, result)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            params![j.server_id, j.kind, j.event_ref, j.technique, j.user_id, j.created, j.started, j.finished, j.attempts, j.result],
        )
    }
    fn sync_job_claim(&mut self, now: i64, stale_before: i64) -> Result<Option<SyncJob>> {
        let found = self.one(
            &format!(
                "SELECT {JOB_COLS} FROM sync_jobs WHERE finished = 0 AND (started = 0 OR started < $1) ORDER BY id LIMIT 1"
            ),
            params![stale_before],
            job,
        )?;
        let Some(mut j) = found else { return Ok(None) };
        j.started = now;
        j.attempts += 1;
        self.exec_one(
            "sync job",
            "UPDATE sync_jobs SET started = $2, attempts = $3 WHERE id = $1",
            params![j.id, j.started, j.attempts],
        )?;
        Ok(Some(j))
    }
    fn sync_job_finish(&mut self, id: i64, finished: i64, result: &str) -> Result<()> {
        self.exec_one(
            "sync job",
            "UPDATE sync_jobs SET finished = $2, result = $3 WHERE id = $1",
            params![id, finished, result],
        )
    }
    fn sync_jobs_recent(&mut self, server_id: Option<i64>, limit: i64) -> Result<Vec<SyncJob>> {
        self.many(
            &format!(
                "SELECT {JOB_COLS} FROM sync_jobs WHERE ($1::BIGINT IS NULL OR server_id = $1) ORDER BY id DESC LIMIT $2"
            ),
            params![server_id, limit],
            job,
        )
    }

    fn outbox_append(&mut self, event_id: i64, created: i64) -> Result<i64> {
        self.insert(
            "INSERT INTO sync_outbox (event_id, created) VALUES ($1, $2)",
            params![event_id, created],
        )
    }
    fn outbox_after(&mut self, seq: i64, limit: i64) -> Result<Vec<(i64, i64)>> {
        self.many(
            "SELECT id, event_id FROM sync_outbox WHERE id > $1 ORDER BY id LIMIT $2",
            params![seq, limit],
            |r| Ok((r.try_get(0)?, r.try_get(1)?)),
        )
    }
    fn outbox_last(&mut self) -> Result<i64> {
        Ok(self
            .one(
                "SELECT COALESCE(MAX(id), 0)::BIGINT FROM sync_outbox",
                params![],
                |r| r.try_get(0),
            )?
            .unwrap_or(0))
    }

    fn events_published_after(&mut self, after_id: i64, limit: i64) -> Result<Vec<Event>> {
        self.many(
            &format!(
                "SELECT {EVENT_COLS} FROM events WHERE published AND id > $1 ORDER BY id LIMIT $2"
            ),
            params![after_id, limit],
            rows::event,
        )
    }
}
