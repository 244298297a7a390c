//! Versioned migrations: the SQLite schema in PostgreSQL's types (BIGSERIAL
//! and BIGINT for integers, BOOLEAN for flags, BYTEA for files). SQLite's
//! `COLLATE NOCASE` becomes expression indexes on `lower(…)`, which the
//! queries match with `lower(col) = lower($n)`. Each entry runs once, in
//! order, inside the transaction that records it; a database newer than the
//! binary is refused.

use jisr_store::{Result, StoreError};

use crate::{Answer, Conn, Failed, Want, backend_err};

const MIGRATIONS: &[&str] = &[
    // 1: the MISP core model.
    r#"
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE organisations (
  id BIGSERIAL PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '', nationality TEXT NOT NULL DEFAULT '', sector TEXT NOT NULL DEFAULT '',
  org_type TEXT NOT NULL DEFAULT '', contacts TEXT NOT NULL DEFAULT '', local BOOLEAN NOT NULL DEFAULT TRUE,
  created_by BIGINT NOT NULL DEFAULT 0, date_created TEXT NOT NULL DEFAULT '', date_modified TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX organisations_name ON organisations(lower(name));
CREATE TABLE roles (
  id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, perms TEXT NOT NULL, default_role BOOLEAN NOT NULL DEFAULT FALSE,
  restricted_to_site_admin BOOLEAN NOT NULL DEFAULT FALSE, enforce_rate_limit BOOLEAN NOT NULL DEFAULT FALSE,
  rate_limit_count BIGINT NOT NULL DEFAULT 0, memory_limit TEXT NOT NULL DEFAULT '', max_execution_time TEXT NOT NULL DEFAULT ''
);
CREATE TABLE users (
  id BIGSERIAL PRIMARY KEY, email TEXT NOT NULL, org_id BIGINT NOT NULL REFERENCES organisations(id),
  role_id BIGINT NOT NULL REFERENCES roles(id), disabled BOOLEAN NOT NULL DEFAULT FALSE, autoalert BOOLEAN NOT NULL DEFAULT FALSE,
  contactalert BOOLEAN NOT NULL DEFAULT FALSE, termsaccepted BOOLEAN NOT NULL DEFAULT FALSE, change_pw BOOLEAN NOT NULL DEFAULT FALSE,
  gpgkey TEXT NOT NULL DEFAULT '', nids_sid BIGINT NOT NULL DEFAULT 0, created_by BIGINT NOT NULL DEFAULT 0,
  date_created BIGINT NOT NULL DEFAULT 0, date_modified BIGINT NOT NULL DEFAULT 0, last_login BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_email ON users(lower(email));
CREATE TABLE auth_keys (
  id BIGSERIAL PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  digest TEXT NOT NULL UNIQUE, key_start TEXT NOT NULL, key_end TEXT NOT NULL, created BIGINT NOT NULL,
  expiration BIGINT NOT NULL DEFAULT 0, comment TEXT NOT NULL DEFAULT ''
);
CREATE TABLE tags (
  id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, colour TEXT NOT NULL DEFAULT '', exportable BOOLEAN NOT NULL DEFAULT TRUE,
  hide_tag BOOLEAN NOT NULL DEFAULT FALSE, org_id BIGINT NOT NULL DEFAULT 0, user_id BIGINT NOT NULL DEFAULT 0,
  local_only BOOLEAN NOT NULL DEFAULT FALSE, numerical_value BIGINT, is_galaxy BOOLEAN NOT NULL DEFAULT FALSE,
  is_custom_galaxy BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE TABLE events (
  id BIGSERIAL PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, org_id BIGINT NOT NULL REFERENCES organisations(id),
  orgc_id BIGINT NOT NULL REFERENCES organisations(id), info TEXT NOT NULL, date TEXT NOT NULL,
  threat_level_id BIGINT NOT NULL, analysis BIGINT NOT NULL, distribution BIGINT NOT NULL,
  sharing_group_id BIGINT NOT NULL DEFAULT 0, published BOOLEAN NOT NULL DEFAULT FALSE,
  publish_timestamp BIGINT NOT NULL DEFAULT 0, timestamp BIGINT NOT NULL, sighting_timestamp BIGINT NOT NULL DEFAULT 0,
  attribute_count BIGINT NOT NULL DEFAULT 0, extends_uuid TEXT NOT NULL DEFAULT '', locked BOOLEAN NOT NULL DEFAULT FALSE,
  disable_correlation BOOLEAN NOT NULL DEFAULT FALSE, proposal_email_lock BOOLEAN NOT NULL DEFAULT FALSE,
  user_id BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX events_org ON events(org_id);
CREATE INDEX events_timestamp ON events(timestamp);
CREATE TABLE event_tags (
  id BIGSERIAL PRIMARY KEY, event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  tag_id BIGINT NOT NULL REFERENCES tags(id) ON DELETE CASCADE, local BOOLEAN NOT NULL DEFAULT FALSE,
  UNIQUE (event_id, tag_id)
);
CREATE INDEX event_tags_tag ON event_tags(tag_id);
CREATE TABLE objects (
  id BIGSERIAL PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name TEXT NOT NULL, meta_category TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '',
  template_uuid TEXT NOT NULL DEFAULT '', template_version TEXT NOT NULL DEFAULT '',
  distribution BIGINT NOT NULL, sharing_group_id BIGINT NOT NULL DEFAULT 0, comment TEXT NOT NULL DEFAULT '',
  deleted BOOLEAN NOT NULL DEFAULT FALSE, first_seen BIGINT, last_seen BIGINT, timestamp BIGINT NOT NULL
);
CREATE INDEX objects_event ON objects(event_id);
CREATE TABLE attributes (
  id BIGSERIAL PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  object_id BIGINT NOT NULL DEFAULT 0, object_relation TEXT, type TEXT NOT NULL, category TEXT NOT NULL,
  value1 TEXT NOT NULL, value2 TEXT NOT NULL DEFAULT '', to_ids BOOLEAN NOT NULL DEFAULT FALSE,
  distribution BIGINT NOT NULL, sharing_group_id BIGINT NOT NULL DEFAULT 0, comment TEXT NOT NULL DEFAULT '',
  deleted BOOLEAN NOT NULL DEFAULT FALSE, disable_correlation BOOLEAN NOT NULL DEFAULT FALSE,
  first_seen BIGINT, last_seen BIGINT, timestamp BIGINT NOT NULL
);
CREATE INDEX attributes_event ON attributes(event_id);
CREATE INDEX attributes_object ON attributes(object_id);
-- Hash, not B-tree: values may be far larger than a B-tree entry (about
-- 2.7 kB), and the index only serves equality lookups anyway.
CREATE INDEX attributes_value1 ON attributes USING hash (lower(value1));
CREATE INDEX attributes_value2 ON attributes USING hash (lower(value2));
-- restSearch also matches composite values ("file.exe|md5"); with this one
-- the three alternatives of a value term are each an index lookup.
CREATE INDEX attributes_value_pair ON attributes USING hash (lower(value1 || '|' || value2));
CREATE INDEX attributes_type ON attributes(type);
CREATE TABLE attribute_tags (
  id BIGSERIAL PRIMARY KEY, attribute_id BIGINT NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  tag_id BIGINT NOT NULL REFERENCES tags(id) ON DELETE CASCADE, local BOOLEAN NOT NULL DEFAULT FALSE,
  UNIQUE (attribute_id, tag_id)
);
CREATE INDEX attribute_tags_tag ON attribute_tags(tag_id);
CREATE INDEX attribute_tags_event ON attribute_tags(event_id);
CREATE TABLE object_references (
  id BIGSERIAL PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, object_id BIGINT NOT NULL REFERENCES objects(id) ON DELETE CASCADE,
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE, object_uuid TEXT NOT NULL,
  referenced_uuid TEXT NOT NULL, referenced_id BIGINT NOT NULL DEFAULT 0, referenced_type BIGINT NOT NULL DEFAULT 0,
  relationship_type TEXT NOT NULL DEFAULT '', comment TEXT NOT NULL DEFAULT '', deleted BOOLEAN NOT NULL DEFAULT FALSE,
  timestamp BIGINT NOT NULL
);
CREATE INDEX object_references_event ON object_references(event_id);
CREATE TABLE sightings (
  id BIGSERIAL PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, attribute_id BIGINT NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE, org_id BIGINT NOT NULL DEFAULT 0,
  date_sighting BIGINT NOT NULL, source TEXT NOT NULL DEFAULT '', type BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX sightings_attribute ON sightings(attribute_id);
CREATE INDEX sightings_event ON sightings(event_id);
CREATE TABLE event_reports (
  id BIGSERIAL PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name TEXT NOT NULL, content TEXT NOT NULL DEFAULT '', distribution BIGINT NOT NULL,
  sharing_group_id BIGINT NOT NULL DEFAULT 0, timestamp BIGINT NOT NULL, deleted BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX event_reports_event ON event_reports(event_id);
"#,
    // 2: proposals (MISP's shadow attributes).
    r#"
CREATE TABLE proposals (
  id BIGSERIAL PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, old_id BIGINT NOT NULL DEFAULT 0,
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE, org_id BIGINT NOT NULL, email TEXT NOT NULL DEFAULT '',
  proposal_to_delete BOOLEAN NOT NULL DEFAULT FALSE, object_relation TEXT, type TEXT NOT NULL, category TEXT NOT NULL,
  value1 TEXT NOT NULL, value2 TEXT NOT NULL DEFAULT '', to_ids BOOLEAN NOT NULL DEFAULT FALSE, comment TEXT NOT NULL DEFAULT '',
  deleted BOOLEAN NOT NULL DEFAULT FALSE, disable_correlation BOOLEAN NOT NULL DEFAULT FALSE, first_seen BIGINT, last_seen BIGINT,
  timestamp BIGINT NOT NULL
);
CREATE INDEX proposals_event ON proposals(event_id);
"#,
    // 3: file content of attachment and malware-sample attributes.
    r#"
CREATE TABLE attachments (
  attribute_id BIGINT PRIMARY KEY REFERENCES attributes(id) ON DELETE CASCADE, data BYTEA NOT NULL
);
"#,
    // 4: sharing groups.
    r#"
CREATE TABLE sharing_groups (
  id BIGSERIAL PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL DEFAULT '',
  releasability TEXT NOT NULL DEFAULT '', org_id BIGINT NOT NULL REFERENCES organisations(id), active BOOLEAN NOT NULL DEFAULT TRUE,
  local BOOLEAN NOT NULL DEFAULT TRUE, roaming BOOLEAN NOT NULL DEFAULT FALSE, created TEXT NOT NULL DEFAULT '', modified TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sharing_group_orgs (
  id BIGSERIAL PRIMARY KEY, sharing_group_id BIGINT NOT NULL REFERENCES sharing_groups(id) ON DELETE CASCADE,
  org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE, extend BOOLEAN NOT NULL DEFAULT FALSE,
  UNIQUE (sharing_group_id, org_id)
);
CREATE INDEX sharing_group_orgs_org ON sharing_group_orgs(org_id);
CREATE TABLE sharing_group_servers (
  id BIGSERIAL PRIMARY KEY, sharing_group_id BIGINT NOT NULL REFERENCES sharing_groups(id) ON DELETE CASCADE,
  server_id BIGINT NOT NULL, all_orgs BOOLEAN NOT NULL DEFAULT FALSE, UNIQUE (sharing_group_id, server_id)
);
"#,
    // 5: the tamper-evident audit log.
    r#"
CREATE TABLE audit_log (
  id BIGSERIAL PRIMARY KEY, created BIGINT NOT NULL, user_id BIGINT NOT NULL DEFAULT 0, org_id BIGINT NOT NULL DEFAULT 0,
  email TEXT NOT NULL DEFAULT '', authkey_id BIGINT NOT NULL DEFAULT 0, ip TEXT NOT NULL DEFAULT '', model TEXT NOT NULL,
  model_id BIGINT NOT NULL DEFAULT 0, model_uuid TEXT NOT NULL DEFAULT '', action TEXT NOT NULL, change TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL, hash TEXT NOT NULL
);
CREATE INDEX audit_log_created ON audit_log(created);
CREATE INDEX audit_log_model ON audit_log(model, model_id);
CREATE TABLE audit_checkpoints (entry_id BIGINT PRIMARY KEY, hash TEXT NOT NULL, signature TEXT NOT NULL);
"#,
    // 6: federation: server links, the durable sync job queue, the push outbox.
    r#"
CREATE TABLE servers (
  id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, url TEXT NOT NULL, authkey TEXT NOT NULL DEFAULT '',
  org_id BIGINT NOT NULL, remote_org_id BIGINT NOT NULL DEFAULT 0, push BOOLEAN NOT NULL DEFAULT FALSE,
  pull BOOLEAN NOT NULL DEFAULT FALSE, push_sightings BOOLEAN NOT NULL DEFAULT FALSE, push_rules TEXT NOT NULL DEFAULT '',
  pull_rules TEXT NOT NULL DEFAULT '', self_signed BOOLEAN NOT NULL DEFAULT FALSE, cert_file TEXT NOT NULL DEFAULT '',
  internal BOOLEAN NOT NULL DEFAULT FALSE, priority BIGINT NOT NULL DEFAULT 0, remote_uuid TEXT NOT NULL DEFAULT '',
  unpublish_event BOOLEAN NOT NULL DEFAULT FALSE, publish_without_email BOOLEAN NOT NULL DEFAULT FALSE,
  remove_missing_tags BOOLEAN NOT NULL DEFAULT FALSE, push_cursor BIGINT NOT NULL DEFAULT 0,
  last_push_at BIGINT NOT NULL DEFAULT 0, last_push_result TEXT NOT NULL DEFAULT '',
  last_pull_at BIGINT NOT NULL DEFAULT 0, last_pull_result TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sync_jobs (
  id BIGSERIAL PRIMARY KEY, server_id BIGINT NOT NULL REFERENCES servers(id) ON DELETE CASCADE, kind TEXT NOT NULL,
  event_ref TEXT NOT NULL DEFAULT '', technique TEXT NOT NULL DEFAULT '', user_id BIGINT NOT NULL DEFAULT 0,
  created BIGINT NOT NULL, started BIGINT NOT NULL DEFAULT 0, finished BIGINT NOT NULL DEFAULT 0,
  attempts BIGINT NOT NULL DEFAULT 0, result TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sync_jobs_pending ON sync_jobs(finished, id);
CREATE TABLE sync_outbox (
  id BIGSERIAL PRIMARY KEY, event_id BIGINT NOT NULL, created BIGINT NOT NULL
);
"#,
    // 7: the correlation index (one row per attribute and key, joined at
    // read time) and MISP's correlation exclusions.
    r#"
CREATE TABLE correlation_keys (
  key BIGINT NOT NULL, attribute_id BIGINT NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  event_id BIGINT NOT NULL, PRIMARY KEY (key, attribute_id)
);
CREATE INDEX correlation_keys_attribute ON correlation_keys(attribute_id);
CREATE TABLE correlation_ranges (
  lo BYTEA NOT NULL, hi BYTEA NOT NULL, prefix BIGINT NOT NULL,
  attribute_id BIGINT NOT NULL REFERENCES attributes(id) ON DELETE CASCADE, event_id BIGINT NOT NULL,
  PRIMARY KEY (lo, attribute_id)
);
CREATE INDEX correlation_ranges_attribute ON correlation_ranges(attribute_id);
CREATE TABLE correlation_prefixes (prefix BIGINT PRIMARY KEY);
CREATE TABLE correlation_names (
  attribute_id BIGINT NOT NULL REFERENCES attributes(id) ON DELETE CASCADE, event_id BIGINT NOT NULL,
  other_id BIGINT NOT NULL REFERENCES attributes(id) ON DELETE CASCADE, score DOUBLE PRECISION NOT NULL,
  explanation TEXT NOT NULL, PRIMARY KEY (attribute_id, other_id)
);
CREATE INDEX correlation_names_event ON correlation_names(event_id);
CREATE INDEX correlation_names_other ON correlation_names(other_id);
CREATE TABLE correlation_exclusions (
  id BIGSERIAL PRIMARY KEY, value TEXT NOT NULL UNIQUE, from_json BOOLEAN NOT NULL DEFAULT FALSE, comment TEXT NOT NULL DEFAULT ''
);
"#,
    // 8: web console accounts: passwords, sessions, set-password links, preferences.
    r#"
CREATE TABLE user_passwords (
  user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE, hash TEXT NOT NULL DEFAULT '',
  failed BIGINT NOT NULL DEFAULT 0, locked_until BIGINT NOT NULL DEFAULT 0, changed BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE web_sessions (
  digest TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created BIGINT NOT NULL, expires BIGINT NOT NULL
);
CREATE INDEX web_sessions_user ON web_sessions(user_id);
CREATE TABLE password_links (
  digest TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_by BIGINT NOT NULL DEFAULT 0, created BIGINT NOT NULL, expires BIGINT NOT NULL
);
CREATE TABLE user_prefs (
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE, key TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
);
"#,
    // 9: the value2 index leaves out empty values. Nearly every attribute
    // has none, and a hash index keeps equal keys in one bucket, whose
    // chain of overflow pages each insert walks: at millions of attributes
    // every insert read thousands of pages.
    r#"
DROP INDEX attributes_value2;
CREATE INDEX attributes_value2 ON attributes USING hash (lower(value2)) WHERE value2 <> '';
"#,
    // 10: the correlation tables lose their foreign keys; a trigger keeps
    // what ON DELETE CASCADE did. The check of a foreign key is a lookup of
    // the attribute per inserted row: half the time of inserting an
    // event's correlation keys (measured on 50,000 keys: 472 ms with it,
    // 231 ms without). Only jisr writes these rows, from attributes it has
    // just read or written under the writer lock, so the check never fails.
    // Row by row, as the cascade was: a set-based delete may choose to scan
    // the whole index for one deleted event.
    r#"
ALTER TABLE correlation_keys DROP CONSTRAINT correlation_keys_attribute_id_fkey;
ALTER TABLE correlation_ranges DROP CONSTRAINT correlation_ranges_attribute_id_fkey;
ALTER TABLE correlation_names DROP CONSTRAINT correlation_names_attribute_id_fkey;
ALTER TABLE correlation_names DROP CONSTRAINT correlation_names_other_id_fkey;
CREATE FUNCTION jisr_uncorrelate_attribute() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
  DELETE FROM correlation_keys WHERE attribute_id = OLD.id;
  DELETE FROM correlation_ranges WHERE attribute_id = OLD.id;
  DELETE FROM correlation_names WHERE attribute_id = OLD.id;
  DELETE FROM correlation_names WHERE other_id = OLD.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER attributes_uncorrelate AFTER DELETE ON attributes
FOR EACH ROW EXECUTE FUNCTION jisr_uncorrelate_attribute();
"#,
    // 11: the key index carries the holder's event, so "who holds this key"
    // is answered from the index alone (as SQLite's table, clustered on the
    // key, answers it), and stops after the first N holders. Without it
    // PostgreSQL read every entry of a key and each row from the table:
    // 60 keys of a 10,000,000-attribute instance took 39 ms against 11.6 ms.
    r#"
ALTER TABLE correlation_keys DROP CONSTRAINT correlation_keys_pkey;
ALTER TABLE correlation_keys ADD CONSTRAINT correlation_keys_pkey PRIMARY KEY (key, attribute_id) INCLUDE (event_id);
"#,
    // 12: uuids compare byte by byte. Under the database's own collation
    // (often a glibc locale, even C.UTF-8) every comparison in a uuid
    // index goes through strcoll on copied strings; uuids are ASCII, so
    // "C" orders them the same way for equality and costs a memcmp. The
    // indexes are rebuilt, the tables are not.
    r#"
ALTER TABLE organisations ALTER COLUMN uuid TYPE TEXT COLLATE "C";
ALTER TABLE auth_keys ALTER COLUMN uuid TYPE TEXT COLLATE "C";
ALTER TABLE events ALTER COLUMN uuid TYPE TEXT COLLATE "C";
ALTER TABLE objects ALTER COLUMN uuid TYPE TEXT COLLATE "C";
ALTER TABLE attributes ALTER COLUMN uuid TYPE TEXT COLLATE "C";
ALTER TABLE object_references ALTER COLUMN uuid TYPE TEXT COLLATE "C";
ALTER TABLE sightings ALTER COLUMN uuid TYPE TEXT COLLATE "C";
ALTER TABLE event_reports ALTER COLUMN uuid TYPE TEXT COLLATE "C";
ALTER TABLE proposals ALTER COLUMN uuid TYPE TEXT COLLATE "C";
ALTER TABLE sharing_groups ALTER COLUMN uuid TYPE TEXT COLLATE "C";
"#,
    // 13: an attribute's link to its event is kept by a trigger, as the
    // correlation rows' link to their attribute is (migration 10): the
    // foreign key looked the event up and locked its row once per inserted
    // attribute (an imported event's attribute insert at 10,000,000
    // attributes: 1.23 ms with it, 1.06 ms without). Attributes are only written by jisr, for an event it has
    // just written or read under the writer lock, so the check never fails;
    // deleting an event still deletes its attributes (and, through their
    // own keys and trigger, their tags, sightings and correlations).
    r#"
ALTER TABLE attributes DROP CONSTRAINT attributes_event_id_fkey;
CREATE FUNCTION jisr_delete_event_attributes() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
  DELETE FROM attributes WHERE event_id = OLD.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER events_delete_attributes AFTER DELETE ON events
FOR EACH ROW EXECUTE FUNCTION jisr_delete_event_attributes();
"#,
    // 14: event titles are searched with ILIKE '%…%' (restSearch's
    // eventinfo, the console's search and event filter), which scanned
    // every event: 40 ms at 95,000 events, 1 ms with a trigram index (3 MB).
    // pg_trgm ships with PostgreSQL and is trusted (a database owner may
    // install it); where it cannot be installed the titles are scanned as
    // before. It goes in `public`, so that instances kept in schemas of
    // their own share it, wherever an administrator may have put it first.
    r#"
DO $$
DECLARE
  ops TEXT;
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm is not available (%): event titles are searched without an index', SQLERRM;
  END;
  SELECT quote_ident(n.nspname) || '.gin_trgm_ops' INTO ops
    FROM pg_opclass c JOIN pg_namespace n ON n.oid = c.opcnamespace JOIN pg_am m ON m.oid = c.opcmethod
   WHERE c.opcname = 'gin_trgm_ops' AND m.amname = 'gin'
   LIMIT 1;
  IF ops IS NOT NULL THEN
    EXECUTE format('CREATE INDEX events_info_trigrams ON events USING gin (info %s)', ops);
  END IF;
END
$$;
"#,
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies the migrations this database lacks. Each runs in one transaction
/// with the version it records, under the writer lock, so two instances
/// starting together neither apply a migration twice nor interleave.
pub(crate) fn migrate(conn: &mut Conn) -> Result<()> {
    conn.batch_execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")
        .map_err(backend_err)?;
    loop {
        conn.batch_execute(
            "BEGIN; SELECT pg_advisory_xact_lock(hashtext('jisr-writer:' || current_schema()))",
        )
        .map_err(backend_err)?;
        // Rolled back unless committed (an error leaves the transaction open).
        let step = migrate_one(conn);
        let end = if matches!(step, Ok(true)) {
            "COMMIT"
        } else {
            "ROLLBACK"
        };
        let ended = conn.batch_execute(end).map_err(backend_err);
        if !step? {
            return ended;
        }
        ended?;
    }
}

/// Applies the next migration this database lacks; false when there is none.
fn migrate_one(conn: &mut Conn) -> Result<bool> {
    let found: i64 = match conn
        .run(
            None,
            "SELECT COALESCE(MAX(version), 0) FROM schema_version",
            &[],
            Want::Rows,
        )
        .map_err(Failed::error)?
    {
        Answer::Rows(rows) => match rows.first() {
            Some(r) => r.try_get(0).map_err(backend_err)?,
            None => 0,
        },
        Answer::Count(_) => 0,
    };
    if found > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    let Some(sql) = usize::try_from(found).ok().and_then(|i| MIGRATIONS.get(i)) else {
        return Ok(false);
    };
    conn.batch_execute(sql).map_err(backend_err)?;
    conn.run(
        None,
        "INSERT INTO schema_version (version) VALUES ($1)",
        params![found + 1],
        Want::Count,
    )
    .map_err(Failed::error)?;
    Ok(true)
}
