//! Versioned migrations. Each entry runs once, in order, inside the
//! transaction that records it; a database newer than the binary is refused.

use jisr_store::{Result, StoreError};
use rusqlite::Connection;

use crate::backend_err;

const MIGRATIONS: &[&str] = &[
    // 1: the MISP core model.
    r#"
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE organisations (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '', nationality TEXT NOT NULL DEFAULT '', sector TEXT NOT NULL DEFAULT '',
  org_type TEXT NOT NULL DEFAULT '', contacts TEXT NOT NULL DEFAULT '', local INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER NOT NULL DEFAULT 0, date_created TEXT NOT NULL DEFAULT '', date_modified TEXT NOT NULL DEFAULT ''
);
CREATE TABLE roles (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, perms TEXT NOT NULL, default_role INTEGER NOT NULL DEFAULT 0,
  restricted_to_site_admin INTEGER NOT NULL DEFAULT 0, enforce_rate_limit INTEGER NOT NULL DEFAULT 0,
  rate_limit_count INTEGER NOT NULL DEFAULT 0, memory_limit TEXT NOT NULL DEFAULT '', max_execution_time TEXT NOT NULL DEFAULT ''
);
CREATE TABLE users (
  id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE, org_id INTEGER NOT NULL REFERENCES organisations(id),
  role_id INTEGER NOT NULL REFERENCES roles(id), disabled INTEGER NOT NULL DEFAULT 0, autoalert INTEGER NOT NULL DEFAULT 0,
  contactalert INTEGER NOT NULL DEFAULT 0, termsaccepted INTEGER NOT NULL DEFAULT 0, change_pw INTEGER NOT NULL DEFAULT 0,
  gpgkey TEXT NOT NULL DEFAULT '', nids_sid INTEGER NOT NULL DEFAULT 0, created_by INTEGER NOT NULL DEFAULT 0,
  date_created INTEGER NOT NULL DEFAULT 0, date_modified INTEGER NOT NULL DEFAULT 0, last_login INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE auth_keys (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  digest TEXT NOT NULL UNIQUE, key_start TEXT NOT NULL, key_end TEXT NOT NULL, created INTEGER NOT NULL,
  expiration INTEGER NOT NULL DEFAULT 0, comment TEXT NOT NULL DEFAULT ''
);
CREATE TABLE tags (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, colour TEXT NOT NULL DEFAULT '', exportable INTEGER NOT NULL DEFAULT 1,
  hide_tag INTEGER NOT NULL DEFAULT 0, org_id INTEGER NOT NULL DEFAULT 0, user_id INTEGER NOT NULL DEFAULT 0,
  local_only INTEGER NOT NULL DEFAULT 0, numerical_value INTEGER, is_galaxy INTEGER NOT NULL DEFAULT 0,
  is_custom_galaxy INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE events (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, org_id INTEGER NOT NULL REFERENCES organisations(id),
  orgc_id INTEGER NOT NULL REFERENCES organisations(id), info TEXT NOT NULL, date TEXT NOT NULL,
  threat_level_id INTEGER NOT NULL, analysis INTEGER NOT NULL, distribution INTEGER NOT NULL,
  sharing_group_id INTEGER NOT NULL DEFAULT 0, published INTEGER NOT NULL DEFAULT 0,
  publish_timestamp INTEGER NOT NULL DEFAULT 0, timestamp INTEGER NOT NULL, sighting_timestamp INTEGER NOT NULL DEFAULT 0,
  attribute_count INTEGER NOT NULL DEFAULT 0, extends_uuid TEXT NOT NULL DEFAULT '', locked INTEGER NOT NULL DEFAULT 0,
  disable_correlation INTEGER NOT NULL DEFAULT 0, proposal_email_lock INTEGER NOT NULL DEFAULT 0,
  user_id INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_org ON events(org_id);
CREATE INDEX events_timestamp ON events(timestamp);
CREATE TABLE event_tags (
  id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE, local INTEGER NOT NULL DEFAULT 0,
  UNIQUE (event_id, tag_id)
);
CREATE INDEX event_tags_tag ON event_tags(tag_id);
CREATE TABLE objects (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name TEXT NOT NULL, meta_category TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '',
  template_uuid TEXT NOT NULL DEFAULT '', template_version TEXT NOT NULL DEFAULT '',
  distribution INTEGER NOT NULL, sharing_group_id INTEGER NOT NULL DEFAULT 0, comment TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, first_seen INTEGER, last_seen INTEGER, timestamp INTEGER NOT NULL
);
CREATE INDEX objects_event ON objects(event_id);
CREATE TABLE attributes (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  object_id INTEGER NOT NULL DEFAULT 0, object_relation TEXT, type TEXT NOT NULL, category TEXT NOT NULL,
  value1 TEXT NOT NULL, value2 TEXT NOT NULL DEFAULT '', to_ids INTEGER NOT NULL DEFAULT 0,
  distribution INTEGER NOT NULL, sharing_group_id INTEGER NOT NULL DEFAULT 0, comment TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, disable_correlation INTEGER NOT NULL DEFAULT 0,
  first_seen INTEGER, last_seen INTEGER, timestamp INTEGER NOT NULL
);
CREATE INDEX attributes_event ON attributes(event_id);
CREATE INDEX attributes_object ON attributes(object_id);
CREATE INDEX attributes_value1 ON attributes(value1 COLLATE NOCASE);
CREATE INDEX attributes_value2 ON attributes(value2 COLLATE NOCASE);
CREATE INDEX attributes_type ON attributes(type);
CREATE TABLE attribute_tags (
  id INTEGER PRIMARY KEY, attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE, local INTEGER NOT NULL DEFAULT 0,
  UNIQUE (attribute_id, tag_id)
);
CREATE INDEX attribute_tags_tag ON attribute_tags(tag_id);
CREATE INDEX attribute_tags_event ON attribute_tags(event_id);
CREATE TABLE object_references (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, object_id INTEGER NOT NULL REFERENCES objects(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE, object_uuid TEXT NOT NULL,
  referenced_uuid TEXT NOT NULL, referenced_id INTEGER NOT NULL DEFAULT 0, referenced_type INTEGER NOT NULL DEFAULT 0,
  relationship_type TEXT NOT NULL DEFAULT '', comment TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
  timestamp INTEGER NOT NULL
);
CREATE INDEX object_references_event ON object_references(event_id);
CREATE TABLE sightings (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE, org_id INTEGER NOT NULL DEFAULT 0,
  date_sighting INTEGER NOT NULL, source TEXT NOT NULL DEFAULT '', type INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sightings_attribute ON sightings(attribute_id);
CREATE INDEX sightings_event ON sightings(event_id);
CREATE TABLE event_reports (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name TEXT NOT NULL, content TEXT NOT NULL DEFAULT '', distribution INTEGER NOT NULL,
  sharing_group_id INTEGER NOT NULL DEFAULT 0, timestamp INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX event_reports_event ON event_reports(event_id);
"#,
    // 2: proposals (MISP's shadow attributes).
    r#"
CREATE TABLE proposals (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, old_id INTEGER NOT NULL DEFAULT 0,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE, org_id INTEGER NOT NULL, email TEXT NOT NULL DEFAULT '',
  proposal_to_delete INTEGER NOT NULL DEFAULT 0, object_relation TEXT, type TEXT NOT NULL, category TEXT NOT NULL,
  value1 TEXT NOT NULL, value2 TEXT NOT NULL DEFAULT '', to_ids INTEGER NOT NULL DEFAULT 0, comment TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, disable_correlation INTEGER NOT NULL DEFAULT 0, first_seen INTEGER, last_seen INTEGER,
  timestamp INTEGER NOT NULL
);
CREATE INDEX proposals_event ON proposals(event_id);
"#,
    // 3: file content of attachment and malware-sample attributes.
    r#"
CREATE TABLE attachments (
  attribute_id INTEGER PRIMARY KEY REFERENCES attributes(id) ON DELETE CASCADE, data BLOB NOT NULL
);
"#,
    // 4: sharing groups.
    r#"
CREATE TABLE sharing_groups (
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL DEFAULT '',
  releasability TEXT NOT NULL DEFAULT '', org_id INTEGER NOT NULL REFERENCES organisations(id), active INTEGER NOT NULL DEFAULT 1,
  local INTEGER NOT NULL DEFAULT 1, roaming INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL DEFAULT '', modified TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sharing_group_orgs (
  id INTEGER PRIMARY KEY, sharing_group_id INTEGER NOT NULL REFERENCES sharing_groups(id) ON DELETE CASCADE,
  org_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE, extend INTEGER NOT NULL DEFAULT 0,
  UNIQUE (sharing_group_id, org_id)
);
CREATE INDEX sharing_group_orgs_org ON sharing_group_orgs(org_id);
CREATE TABLE sharing_group_servers (
  id INTEGER PRIMARY KEY, sharing_group_id INTEGER NOT NULL REFERENCES sharing_groups(id) ON DELETE CASCADE,
  server_id INTEGER NOT NULL, all_orgs INTEGER NOT NULL DEFAULT 0, UNIQUE (sharing_group_id, server_id)
);
"#,
    // 5: the tamper-evident audit log.
    r#"
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY, created INTEGER NOT NULL, user_id INTEGER NOT NULL DEFAULT 0, org_id INTEGER NOT NULL DEFAULT 0,
  email TEXT NOT NULL DEFAULT '', authkey_id INTEGER NOT NULL DEFAULT 0, ip TEXT NOT NULL DEFAULT '', model TEXT NOT NULL,
  model_id INTEGER NOT NULL DEFAULT 0, model_uuid TEXT NOT NULL DEFAULT '', action TEXT NOT NULL, change TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL, hash TEXT NOT NULL
);
CREATE INDEX audit_log_created ON audit_log(created);
CREATE INDEX audit_log_model ON audit_log(model, model_id);
CREATE TABLE audit_checkpoints (entry_id INTEGER PRIMARY KEY, hash TEXT NOT NULL, signature TEXT NOT NULL);
"#,
    // 6: federation: server links, the durable sync job queue, the push outbox.
    r#"
CREATE TABLE servers (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, url TEXT NOT NULL, authkey TEXT NOT NULL DEFAULT '',
  org_id INTEGER NOT NULL, remote_org_id INTEGER NOT NULL DEFAULT 0, push INTEGER NOT NULL DEFAULT 0,
  pull INTEGER NOT NULL DEFAULT 0, push_sightings INTEGER NOT NULL DEFAULT 0, push_rules TEXT NOT NULL DEFAULT '',
  pull_rules TEXT NOT NULL DEFAULT '', self_signed INTEGER NOT NULL DEFAULT 0, cert_file TEXT NOT NULL DEFAULT '',
  internal INTEGER NOT NULL DEFAULT 0, priority INTEGER NOT NULL DEFAULT 0, remote_uuid TEXT NOT NULL DEFAULT '',
  unpublish_event INTEGER NOT NULL DEFAULT 0, publish_without_email INTEGER NOT NULL DEFAULT 0,
  remove_missing_tags INTEGER NOT NULL DEFAULT 0, push_cursor INTEGER NOT NULL DEFAULT 0,
  last_push_at INTEGER NOT NULL DEFAULT 0, last_push_result TEXT NOT NULL DEFAULT '',
  last_pull_at INTEGER NOT NULL DEFAULT 0, last_pull_result TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sync_jobs (
  id INTEGER PRIMARY KEY, server_id INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE, kind TEXT NOT NULL,
  event_ref TEXT NOT NULL DEFAULT '', technique TEXT NOT NULL DEFAULT '', user_id INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL, started INTEGER NOT NULL DEFAULT 0, finished INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0, result TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sync_jobs_pending ON sync_jobs(finished, id);
CREATE TABLE sync_outbox (
  id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL, created INTEGER NOT NULL
);
"#,
    // 7: the correlation index (one row per attribute and key, joined at
    // read time) and MISP's correlation exclusions.
    r#"
CREATE TABLE correlation_keys (
  key INTEGER NOT NULL, attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL, PRIMARY KEY (key, attribute_id)
) WITHOUT ROWID;
CREATE INDEX correlation_keys_attribute ON correlation_keys(attribute_id);
CREATE TABLE correlation_ranges (
  lo BLOB NOT NULL, hi BLOB NOT NULL, prefix INTEGER NOT NULL,
  attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE, event_id INTEGER NOT NULL,
  PRIMARY KEY (lo, attribute_id)
) WITHOUT ROWID;
CREATE INDEX correlation_ranges_attribute ON correlation_ranges(attribute_id);
CREATE TABLE correlation_prefixes (prefix INTEGER PRIMARY KEY);
CREATE TABLE correlation_names (
  attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE, event_id INTEGER NOT NULL,
  other_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE, score REAL NOT NULL, explanation TEXT NOT NULL,
  PRIMARY KEY (attribute_id, other_id)
) WITHOUT ROWID;
CREATE INDEX correlation_names_event ON correlation_names(event_id);
CREATE INDEX correlation_names_other ON correlation_names(other_id);
CREATE TABLE correlation_exclusions (
  id INTEGER PRIMARY KEY, value TEXT NOT NULL UNIQUE, from_json INTEGER NOT NULL DEFAULT 0, comment TEXT NOT NULL DEFAULT ''
);
"#,
    // 8: web console accounts: passwords, sessions, set-password links, preferences.
    r#"
CREATE TABLE user_passwords (
  user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE, hash TEXT NOT NULL DEFAULT '',
  failed INTEGER NOT NULL DEFAULT 0, locked_until INTEGER NOT NULL DEFAULT 0, changed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE web_sessions (
  digest TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created INTEGER NOT NULL, expires INTEGER NOT NULL
);
CREATE INDEX web_sessions_user ON web_sessions(user_id);
CREATE TABLE password_links (
  digest TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_by INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL, expires INTEGER NOT NULL
);
CREATE TABLE user_prefs (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, key TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
);
"#,
    // 9: the value2 index leaves out empty values (most attributes have none).
    r#"
DROP INDEX attributes_value2;
CREATE INDEX attributes_value2 ON attributes(value2 COLLATE NOCASE) WHERE value2 <> '';
"#,
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn migrate(conn: &mut Connection) -> Result<()> {
    conn.execute_batch("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        .map_err(backend_err)?;
    let found: i64 = conn
        .query_row(
            "SELECT COALESCE(MAX(version), 0) FROM schema_version",
            [],
            |r| r.get(0),
        )
        .map_err(backend_err)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction().map_err(backend_err)?;
        tx.execute_batch(sql).map_err(backend_err)?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES (?1)",
            [i as i64 + 1],
        )
        .map_err(backend_err)?;
        tx.commit().map_err(backend_err)?;
    }
    Ok(())
}
