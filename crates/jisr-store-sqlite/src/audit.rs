//! The audit log.

use jisr_model::AuditEntry;
use jisr_store::{AuditTx, Result};
use rusqlite::{Row, params};

use crate::SqliteTx;

const COLS: &str = "id, created, user_id, org_id, email, authkey_id, ip, model, model_id, model_uuid, action, change, prev_hash, hash";

fn entry(r: &Row) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        id: r.get(0)?,
        created: r.get(1)?,
        user_id: r.get(2)?,
        org_id: r.get(3)?,
        email: r.get(4)?,
        authkey_id: r.get(5)?,
        ip: r.get(6)?,
        model: r.get(7)?,
        model_id: r.get(8)?,
        model_uuid: r.get(9)?,
        action: r.get(10)?,
        change: r.get(11)?,
        prev_hash: r.get(12)?,
        hash: r.get(13)?,
    })
}

impl AuditTx for SqliteTx<'_> {
    fn audit_append(&mut self, e: &AuditEntry) -> Result<i64> {
        self.insert(
            "INSERT INTO audit_log (created, user_id, org_id, email, authkey_id, ip, model, model_id, model_uuid, action, change,
               prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![e.created, e.user_id, e.org_id, e.email, e.authkey_id, e.ip, e.model, e.model_id, e.model_uuid, e.action,
                e.change, e.prev_hash, e.hash],
        )
    }
    fn audit_last(&mut self) -> Result<Option<(i64, String)>> {
        self.one(
            "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }
    fn audit_page(&mut self, after: i64, limit: i64) -> Result<Vec<AuditEntry>> {
        self.many(
            &format!("SELECT {COLS} FROM audit_log WHERE id > ?1 ORDER BY id LIMIT ?2"),
            [after, limit],
            entry,
        )
    }
    fn audit_checkpoint_add(&mut self, entry_id: i64, hash: &str, signature: &str) -> Result<()> {
        self.exec(
            "INSERT OR REPLACE INTO audit_checkpoints (entry_id, hash, signature) VALUES (?1, ?2, ?3)",
            params![entry_id, hash, signature],
        )?;
        Ok(())
    }
    fn audit_of(&mut self, model: &str, model_id: i64, limit: i64) -> Result<Vec<AuditEntry>> {
        self.many(
            &format!(
                "SELECT {COLS} FROM audit_log WHERE model = ?1 AND model_id = ?2 ORDER BY id DESC LIMIT ?3"
            ),
            params![model, model_id, limit],
            entry,
        )
    }
    fn audit_checkpoints(&mut self) -> Result<Vec<(i64, String, String)>> {
        self.many(
            "SELECT entry_id, hash, signature FROM audit_checkpoints ORDER BY entry_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
    }
}
