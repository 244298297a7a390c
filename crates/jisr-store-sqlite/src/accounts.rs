//! Web console accounts: passwords, sessions, set-password links, preferences.

use jisr_model::{PasswordLink, PasswordRecord, WebSession};
use jisr_store::{AccountTx, Result};
use rusqlite::params;

use crate::SqliteTx;

impl AccountTx for SqliteTx<'_> {
    fn password_get(&mut self, user_id: i64) -> Result<Option<PasswordRecord>> {
        self.one(
            "SELECT user_id, hash, failed, locked_until, changed FROM user_passwords WHERE user_id = ?1",
            [user_id],
            |r| {
                Ok(PasswordRecord {
                    user_id: r.get(0)?,
                    hash: r.get(1)?,
                    failed: r.get(2)?,
                    locked_until: r.get(3)?,
                    changed: r.get(4)?,
                })
            },
        )
    }
    fn password_put(&mut self, p: &PasswordRecord) -> Result<()> {
        self.exec(
            "INSERT INTO user_passwords (user_id, hash, failed, locked_until, changed) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(user_id) DO UPDATE SET hash = excluded.hash, failed = excluded.failed,
               locked_until = excluded.locked_until, changed = excluded.changed",
            params![p.user_id, p.hash, p.failed, p.locked_until, p.changed],
        )?;
        Ok(())
    }

    fn session_insert(&mut self, s: &WebSession) -> Result<()> {
        self.exec(
            "INSERT INTO web_sessions (digest, user_id, created, expires) VALUES (?1, ?2, ?3, ?4)",
            params![s.digest, s.user_id, s.created, s.expires],
        )?;
        Ok(())
    }
    fn session_get(&mut self, digest: &str) -> Result<Option<WebSession>> {
        self.one(
            "SELECT digest, user_id, created, expires FROM web_sessions WHERE digest = ?1",
            [digest],
            |r| {
                Ok(WebSession {
                    digest: r.get(0)?,
                    user_id: r.get(1)?,
                    created: r.get(2)?,
                    expires: r.get(3)?,
                })
            },
        )
    }
    fn session_delete(&mut self, digest: &str) -> Result<()> {
        self.exec("DELETE FROM web_sessions WHERE digest = ?1", [digest])?;
        Ok(())
    }
    fn sessions_delete_user(&mut self, user_id: i64) -> Result<u64> {
        Ok(self.exec("DELETE FROM web_sessions WHERE user_id = ?1", [user_id])? as u64)
    }
    fn sessions_purge(&mut self, now: i64) -> Result<u64> {
        Ok(self.exec("DELETE FROM web_sessions WHERE expires < ?1", [now])? as u64)
    }

    fn password_link_insert(&mut self, l: &PasswordLink) -> Result<()> {
        self.exec(
            "INSERT INTO password_links (digest, user_id, created_by, created, expires) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![l.digest, l.user_id, l.created_by, l.created, l.expires],
        )?;
        Ok(())
    }
    fn password_link_get(&mut self, digest: &str) -> Result<Option<PasswordLink>> {
        self.one(
            "SELECT digest, user_id, created_by, created, expires FROM password_links WHERE digest = ?1",
            [digest],
            |r| {
                Ok(PasswordLink {
                    digest: r.get(0)?,
                    user_id: r.get(1)?,
                    created_by: r.get(2)?,
                    created: r.get(3)?,
                    expires: r.get(4)?,
                })
            },
        )
    }
    fn password_links_delete(&mut self, digest: &str, user_id: Option<i64>) -> Result<u64> {
        let n = match user_id {
            Some(u) => self.exec(
                "DELETE FROM password_links WHERE digest = ?1 OR user_id = ?2",
                params![digest, u],
            )?,
            None => self.exec("DELETE FROM password_links WHERE digest = ?1", [digest])?,
        };
        Ok(n as u64)
    }

    fn user_pref_get(&mut self, user_id: i64, key: &str) -> Result<Option<String>> {
        self.one(
            "SELECT value FROM user_prefs WHERE user_id = ?1 AND key = ?2",
            params![user_id, key],
            |r| r.get(0),
        )
    }
    fn user_pref_set(&mut self, user_id: i64, key: &str, value: &str) -> Result<()> {
        self.exec(
            "INSERT INTO user_prefs (user_id, key, value) VALUES (?1, ?2, ?3)
             ON CONFLICT(user_id, key) DO UPDATE SET value = excluded.value",
            params![user_id, key, value],
        )?;
        Ok(())
    }
}
