//! Settings, organisations, roles, users and API keys.

use jisr_model::roles::Role;
use jisr_model::*;
use jisr_store::{DirectoryTx, Result};

use crate::PgTx;
use crate::rows::{self, AUTHKEY_COLS, ORG_COLS, ROLE_COLS, USER_COLS};
use crate::tx_cache;

impl DirectoryTx for PgTx<'_> {
    fn setting_get(&mut self, key: &str) -> Result<Option<String>> {
        // A NUL is refused by PostgreSQL, and that error is the answer.
        if key.contains('\0') {
            return self.one(
                "SELECT value FROM settings WHERE key = $1",
                params![key],
                |r| r.try_get(0),
            );
        }
        if self.cache.settings.is_none() {
            let all = self.many(tx_cache::SETTINGS, params![], tx_cache::setting)?;
            self.cache.settings = Some(all.into_iter().collect());
        }
        Ok(self
            .cache
            .settings
            .as_ref()
            .and_then(|all| all.get(key).cloned()))
    }
    fn setting_set(&mut self, key: &str, value: &str) -> Result<()> {
        self.exec(
            "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        if let Some(all) = self.cache.settings.as_mut() {
            all.insert(key.to_string(), value.to_string());
        }
        Ok(())
    }
    fn settings_all(&mut self) -> Result<Vec<(String, String)>> {
        self.many(
            "SELECT key, value FROM settings ORDER BY key COLLATE \"C\"",
            params![],
            |r| Ok((r.try_get(0)?, r.try_get(1)?)),
        )
    }

    fn org_insert(&mut self, o: &Organisation) -> Result<i64> {
        self.insert(
            "INSERT INTO organisations (uuid, name, description, nationality, sector, org_type, contacts, local, created_by, date_created, date_modified)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            params![o.uuid, o.name, o.description, o.nationality, o.sector, o.org_type, o.contacts, o.local, o.created_by, o.date_created, o.date_modified],
        )
    }
    fn org_update(&mut self, o: &Organisation) -> Result<()> {
        self.exec_one(
            "organisation",
            "UPDATE organisations SET uuid = $2, name = $3, description = $4, nationality = $5, sector = $6, org_type = $7,
             contacts = $8, local = $9, date_modified = $10 WHERE id = $1",
            params![o.id, o.uuid, o.name, o.description, o.nationality, o.sector, o.org_type, o.contacts, o.local, o.date_modified],
        )
    }
    fn org_delete(&mut self, id: i64) -> Result<()> {
        self.exec_one(
            "organisation",
            "DELETE FROM organisations WHERE id = $1",
            params![id],
        )
    }
    fn org_get(&mut self, id: i64) -> Result<Option<Organisation>> {
        self.one(
            &format!("SELECT {ORG_COLS} FROM organisations WHERE id = $1"),
            params![id],
            rows::org,
        )
    }
    fn org_by_uuid(&mut self, uuid: &str) -> Result<Option<Organisation>> {
        self.one(
            &format!("SELECT {ORG_COLS} FROM organisations WHERE uuid = $1"),
            params![uuid],
            rows::org,
        )
    }
    fn org_by_name(&mut self, name: &str) -> Result<Option<Organisation>> {
        self.one(
            &format!("SELECT {ORG_COLS} FROM organisations WHERE lower(name) = lower($1)"),
            params![name],
            rows::org,
        )
    }
    fn org_list(&mut self) -> Result<Vec<Organisation>> {
        self.many(
            &format!("SELECT {ORG_COLS} FROM organisations ORDER BY id"),
            params![],
            rows::org,
        )
    }

    fn role_insert(&mut self, r: &Role) -> Result<i64> {
        let perms = serde_json::to_string(&r.perms).unwrap_or_default();
        let id = if r.id > 0 { Some(r.id) } else { None };
        // MISP's default roles keep their well-known ids. Unlike SQLite's
        // rowid, a sequence does not notice explicit ids, so it is moved past
        // them lest the next generated id collide.
        let new_id = self.insert(
            "INSERT INTO roles (id, name, perms, default_role, restricted_to_site_admin, enforce_rate_limit, rate_limit_count, memory_limit, max_execution_time)
             VALUES (COALESCE($1, nextval(pg_get_serial_sequence('roles', 'id'))), $2, $3, $4, $5, $6, $7, $8, $9)",
            params![id, r.name, perms, r.default_role, r.restricted_to_site_admin, r.enforce_rate_limit, r.rate_limit_count, r.memory_limit, r.max_execution_time],
        )?;
        if id.is_some() {
            self.one(
                "SELECT setval(pg_get_serial_sequence('roles', 'id'), (SELECT MAX(id) FROM roles))",
                params![],
                |r| r.try_get::<_, i64>(0),
            )?;
        }
        Ok(new_id)
    }
    fn role_update(&mut self, r: &Role) -> Result<()> {
        let perms = serde_json::to_string(&r.perms).unwrap_or_default();
        self.exec_one(
            "role",
            "UPDATE roles SET name = $2, perms = $3, default_role = $4, restricted_to_site_admin = $5, enforce_rate_limit = $6,
             rate_limit_count = $7, memory_limit = $8, max_execution_time = $9 WHERE id = $1",
            params![r.id, r.name, perms, r.default_role, r.restricted_to_site_admin, r.enforce_rate_limit, r.rate_limit_count, r.memory_limit, r.max_execution_time],
        )
    }
    fn role_delete(&mut self, id: i64) -> Result<()> {
        self.exec_one("role", "DELETE FROM roles WHERE id = $1", params![id])
    }
    fn role_get(&mut self, id: i64) -> Result<Option<Role>> {
        self.one(
            &format!("SELECT {ROLE_COLS} FROM roles WHERE id = $1"),
            params![id],
            rows::role,
        )
    }
    fn role_list(&mut self) -> Result<Vec<Role>> {
        self.many(
            &format!("SELECT {ROLE_COLS} FROM roles ORDER BY id"),
            params![],
            rows::role,
        )
    }
    fn role_set_default(&mut self, id: i64) -> Result<()> {
        if self.role_get(id)?.is_none() {
            return Err(jisr_store::StoreError::NotFound(format!("role {id}")));
        }
        self.exec("UPDATE roles SET default_role = (id = $1)", params![id])?;
        Ok(())
    }

    fn user_insert(&mut self, u: &User) -> Result<i64> {
        self.insert(
            "INSERT INTO users (email, org_id, role_id, disabled, autoalert, contactalert, termsaccepted, change_pw, gpgkey, nids_sid, created_by, date_created, date_modified, last_login)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
            params![u.email, u.org_id, u.role_id, u.disabled, u.autoalert, u.contactalert, u.termsaccepted, u.change_pw, u.gpgkey, u.nids_sid, u.created_by, u.date_created, u.date_modified, u.last_login],
        )
    }
    fn user_update(&mut self, u: &User) -> Result<()> {
        self.exec_one(
            "user",
            "UPDATE users SET email = $2, org_id = $3, role_id = $4, disabled = $5, autoalert = $6, contactalert = $7,
             termsaccepted = $8, change_pw = $9, gpgkey = $10, nids_sid = $11, date_modified = $12, last_login = $13 WHERE id = $1",
            params![u.id, u.email, u.org_id, u.role_id, u.disabled, u.autoalert, u.contactalert, u.termsaccepted, u.change_pw, u.gpgkey, u.nids_sid, u.date_modified, u.last_login],
        )
    }
    fn user_delete(&mut self, id: i64) -> Result<()> {
        self.exec_one("user", "DELETE FROM users WHERE id = $1", params![id])
    }
    fn user_get(&mut self, id: i64) -> Result<Option<User>> {
        self.one(
            &format!("SELECT {USER_COLS} FROM users WHERE id = $1"),
            params![id],
            rows::user,
        )
    }
    fn user_by_email(&mut self, email: &str) -> Result<Option<User>> {
        self.one(
            &format!("SELECT {USER_COLS} FROM users WHERE lower(email) = lower($1)"),
            params![email],
            rows::user,
        )
    }
    fn user_list(&mut self) -> Result<Vec<User>> {
        self.many(
            &format!("SELECT {USER_COLS} FROM users ORDER BY id"),
            params![],
            rows::user,
        )
    }

    fn authkey_insert(&mut self, k: &AuthKey) -> Result<i64> {
        self.insert(
            "INSERT INTO auth_keys (uuid, user_id, digest, key_start, key_end, created, expiration, comment)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            params![k.uuid, k.user_id, k.digest, k.key_start, k.key_end, k.created, k.expiration, k.comment],
        )
    }
    fn authkey_by_digest(&mut self, digest: &str) -> Result<Option<AuthKey>> {
        self.one(
            &format!("SELECT {AUTHKEY_COLS} FROM auth_keys WHERE digest = $1"),
            params![digest],
            rows::authkey,
        )
    }
    fn authkeys_of_user(&mut self, user_id: i64) -> Result<Vec<AuthKey>> {
        self.many(
            &format!("SELECT {AUTHKEY_COLS} FROM auth_keys WHERE user_id = $1 ORDER BY id"),
            params![user_id],
            rows::authkey,
        )
    }
    fn authkey_delete(&mut self, id: i64) -> Result<()> {
        self.exec_one(
            "auth key",
            "DELETE FROM auth_keys WHERE id = $1",
            params![id],
        )
    }
}
