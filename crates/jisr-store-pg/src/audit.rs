//! The audit log.

use jisr_model::AuditEntry;
use jisr_store::{AuditTx, Result};
use tokio_postgres::Row;

use crate::rows::PgResult;

use crate::PgTx;
use crate::tx_cache;

const COLS: &str = "id, created, user_id, org_id, email, authkey_id, ip, model, model_id, model_uuid, action, change, prev_hash, hash";

fn entry(r: &Row) -> PgResult<AuditEntry> {
    Ok(AuditEntry {
        id: r.try_get(0)?,
        created: r.try_get(1)?,
        user_id: r.try_get(2)?,
        org_id: r.try_get(3)?,
        email: r.try_get(4)?,
        authkey_id: r.try_get(5)?,
        ip: r.try_get(6)?,
        model: r.try_get(7)?,
        model_id: r.try_get(8)?,
        model_uuid: r.try_get(9)?,
        action: r.try_get(10)?,
        change: r.try_get(11)?,
        prev_hash: r.try_get(12)?,
        hash: r.try_get(13)?,
    })
}

impl AuditTx for PgTx<'_> {
    fn audit_append(&mut self, e: &AuditEntry) -> Result<i64> {
        // Ids are the highest plus one, as SQLite's rowid, not from the
        // sequence: a sequence leaves gaps after rolled-back writes, and jisr
        // signs a checkpoint at every multiple of N, which a gap would skip.
        // The highest is known here (writers are serialised, see
        // `BEGIN_WRITE`, and the transaction read it with its BEGIN), so the
        // row needs no answer and goes with the next statement.
        let id = self.audit_last()?.map_or(1, |(last, _)| last + 1);
        self.defer(
            "INSERT INTO audit_log (id, created, user_id, org_id, email, authkey_id, ip, model, model_id, model_uuid, action,
               change, prev_hash, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
            vec![
                Box::new(id),
                Box::new(e.created),
                Box::new(e.user_id),
                Box::new(e.org_id),
                Box::new(e.email.clone()),
                Box::new(e.authkey_id),
                Box::new(e.ip.clone()),
                Box::new(e.model.clone()),
                Box::new(e.model_id),
                Box::new(e.model_uuid.clone()),
                Box::new(e.action.clone()),
                Box::new(e.change.clone()),
                Box::new(e.prev_hash.clone()),
                Box::new(e.hash.clone()),
            ],
        )?;
        self.cache.audit_last = Some(Some((id, e.hash.clone())));
        Ok(id)
    }
    fn audit_last(&mut self) -> Result<Option<(i64, String)>> {
        if let Some(last) = &self.cache.audit_last {
            return Ok(last.clone());
        }
        let last = self.one(tx_cache::AUDIT_LAST, params![], tx_cache::audit_entry)?;
        self.cache.audit_last = Some(last.clone());
        Ok(last)
    }
    fn audit_page(&mut self, after: i64, limit: i64) -> Result<Vec<AuditEntry>> {
        self.many(
            &format!("SELECT {COLS} FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2"),
            params![after, limit],
            entry,
        )
    }
    fn audit_checkpoint_add(&mut self, entry_id: i64, hash: &str, signature: &str) -> Result<()> {
        self.exec(
            "INSERT INTO audit_checkpoints (entry_id, hash, signature) VALUES ($1, $2, $3)
             ON CONFLICT (entry_id) DO UPDATE SET hash = excluded.hash, signature = excluded.signature",
            params![entry_id, hash, signature],
        )?;
        Ok(())
    }
    fn audit_of(&mut self, model: &str, model_id: i64, limit: i64) -> Result<Vec<AuditEntry>> {
        self.many(
            &format!(
                "SELECT {COLS} FROM audit_log WHERE model = $1 AND model_id = $2 ORDER BY id DESC LIMIT $3"
            ),
            params![model, model_id, limit],
            entry,
        )
    }
    fn audit_checkpoints(&mut self) -> Result<Vec<(i64, String, String)>> {
        self.many(
            "SELECT entry_id, hash, signature FROM audit_checkpoints ORDER BY entry_id",
            params![],
            |r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)),
        )
    }
}
