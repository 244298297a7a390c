//! Column lists and row mappers, one pair per table, so that every query of
//! a table reads the same columns in the same order.

use jisr_model::roles::Role;
use jisr_model::*;
use tokio_postgres::Row;
use tokio_postgres::types::ToSql;

use crate::{Answer, PgTx, Want, backend_err};
use jisr_store::Result;

pub type PgResult<T> = std::result::Result<T, tokio_postgres::Error>;
/// Positional parameters, as built by [`crate::params!`].
pub type Params<'a> = &'a [&'a (dyn ToSql + Sync)];

pub const ORG_COLS: &str = "id, uuid, name, description, nationality, sector, org_type, contacts, local, created_by, date_created, date_modified";
pub fn org(r: &Row) -> PgResult<Organisation> {
    Ok(Organisation {
        id: r.try_get(0)?,
        uuid: r.try_get(1)?,
        name: r.try_get(2)?,
        description: r.try_get(3)?,
        nationality: r.try_get(4)?,
        sector: r.try_get(5)?,
        org_type: r.try_get(6)?,
        contacts: r.try_get(7)?,
        local: r.try_get(8)?,
        created_by: r.try_get(9)?,
        date_created: r.try_get(10)?,
        date_modified: r.try_get(11)?,
    })
}

pub const ROLE_COLS: &str = "id, name, perms, default_role, restricted_to_site_admin, enforce_rate_limit, rate_limit_count, memory_limit, max_execution_time";
pub fn role(r: &Row) -> PgResult<Role> {
    let perms: String = r.try_get(2)?;
    Ok(Role {
        id: r.try_get(0)?,
        name: r.try_get(1)?,
        perms: serde_json::from_str(&perms).unwrap_or_default(),
        default_role: r.try_get(3)?,
        restricted_to_site_admin: r.try_get(4)?,
        enforce_rate_limit: r.try_get(5)?,
        rate_limit_count: r.try_get(6)?,
        memory_limit: r.try_get(7)?,
        max_execution_time: r.try_get(8)?,
    })
}

pub const USER_COLS: &str = "id, email, org_id, role_id, disabled, autoalert, contactalert, termsaccepted, change_pw, gpgkey, nids_sid, created_by, date_created, date_modified, last_login";
pub fn user(r: &Row) -> PgResult<User> {
    Ok(User {
        id: r.try_get(0)?,
        email: r.try_get(1)?,
        org_id: r.try_get(2)?,
        role_id: r.try_get(3)?,
        disabled: r.try_get(4)?,
        autoalert: r.try_get(5)?,
        contactalert: r.try_get(6)?,
        termsaccepted: r.try_get(7)?,
        change_pw: r.try_get(8)?,
        gpgkey: r.try_get(9)?,
        nids_sid: r.try_get(10)?,
        created_by: r.try_get(11)?,
        date_created: r.try_get(12)?,
        date_modified: r.try_get(13)?,
        last_login: r.try_get(14)?,
    })
}

pub const AUTHKEY_COLS: &str =
    "id, uuid, user_id, digest, key_start, key_end, created, expiration, comment";
pub fn authkey(r: &Row) -> PgResult<AuthKey> {
    Ok(AuthKey {
        id: r.try_get(0)?,
        uuid: r.try_get(1)?,
        user_id: r.try_get(2)?,
        digest: r.try_get(3)?,
        key_start: r.try_get(4)?,
        key_end: r.try_get(5)?,
        created: r.try_get(6)?,
        expiration: r.try_get(7)?,
        comment: r.try_get(8)?,
    })
}

pub const TAG_COLS: &str = "id, name, colour, exportable, hide_tag, org_id, user_id, local_only, numerical_value, is_galaxy, is_custom_galaxy";
pub fn tag(r: &Row) -> PgResult<Tag> {
    tag_at(r, 0)
}
/// A tag whose columns start at `o` (after a join's own columns).
pub fn tag_at(r: &Row, o: usize) -> PgResult<Tag> {
    Ok(Tag {
        id: r.try_get(o)?,
        name: r.try_get(o + 1)?,
        colour: r.try_get(o + 2)?,
        exportable: r.try_get(o + 3)?,
        hide_tag: r.try_get(o + 4)?,
        org_id: r.try_get(o + 5)?,
        user_id: r.try_get(o + 6)?,
        local_only: r.try_get(o + 7)?,
        numerical_value: r.try_get(o + 8)?,
        is_galaxy: r.try_get(o + 9)?,
        is_custom_galaxy: r.try_get(o + 10)?,
    })
}

pub const EVENT_COLS: &str = "id, uuid, org_id, orgc_id, info, date, threat_level_id, analysis, distribution, sharing_group_id, published, publish_timestamp, timestamp, sighting_timestamp, attribute_count, extends_uuid, locked, disable_correlation, proposal_email_lock, user_id";
pub fn event(r: &Row) -> PgResult<Event> {
    Ok(Event {
        id: r.try_get(0)?,
        uuid: r.try_get(1)?,
        org_id: r.try_get(2)?,
        orgc_id: r.try_get(3)?,
        info: r.try_get(4)?,
        date: r.try_get(5)?,
        threat_level_id: r.try_get(6)?,
        analysis: r.try_get(7)?,
        distribution: r.try_get(8)?,
        sharing_group_id: r.try_get(9)?,
        published: r.try_get(10)?,
        publish_timestamp: r.try_get(11)?,
        timestamp: r.try_get(12)?,
        sighting_timestamp: r.try_get(13)?,
        attribute_count: r.try_get(14)?,
        extends_uuid: r.try_get(15)?,
        locked: r.try_get(16)?,
        disable_correlation: r.try_get(17)?,
        proposal_email_lock: r.try_get(18)?,
        user_id: r.try_get(19)?,
    })
}

pub const ATTRIBUTE_COLS: &str = "id, uuid, event_id, object_id, object_relation, type, category, value1, value2, to_ids, distribution, sharing_group_id, comment, deleted, disable_correlation, first_seen, last_seen, timestamp";
pub fn attribute(r: &Row) -> PgResult<Attribute> {
    Ok(Attribute {
        id: r.try_get(0)?,
        uuid: r.try_get(1)?,
        event_id: r.try_get(2)?,
        object_id: r.try_get(3)?,
        object_relation: r.try_get(4)?,
        attr_type: r.try_get(5)?,
        category: r.try_get(6)?,
        value1: r.try_get(7)?,
        value2: r.try_get(8)?,
        to_ids: r.try_get(9)?,
        distribution: r.try_get(10)?,
        sharing_group_id: r.try_get(11)?,
        comment: r.try_get(12)?,
        deleted: r.try_get(13)?,
        disable_correlation: r.try_get(14)?,
        first_seen: r.try_get(15)?,
        last_seen: r.try_get(16)?,
        timestamp: r.try_get(17)?,
    })
}

pub const OBJECT_COLS: &str = "id, uuid, event_id, name, meta_category, description, template_uuid, template_version, distribution, sharing_group_id, comment, deleted, first_seen, last_seen, timestamp";
pub fn object(r: &Row) -> PgResult<MispObject> {
    Ok(MispObject {
        id: r.try_get(0)?,
        uuid: r.try_get(1)?,
        event_id: r.try_get(2)?,
        name: r.try_get(3)?,
        meta_category: r.try_get(4)?,
        description: r.try_get(5)?,
        template_uuid: r.try_get(6)?,
        template_version: r.try_get(7)?,
        distribution: r.try_get(8)?,
        sharing_group_id: r.try_get(9)?,
        comment: r.try_get(10)?,
        deleted: r.try_get(11)?,
        first_seen: r.try_get(12)?,
        last_seen: r.try_get(13)?,
        timestamp: r.try_get(14)?,
    })
}

pub const REFERENCE_COLS: &str = "id, uuid, object_id, event_id, object_uuid, referenced_uuid, referenced_id, referenced_type, relationship_type, comment, deleted, timestamp";
pub fn reference(r: &Row) -> PgResult<ObjectReference> {
    Ok(ObjectReference {
        id: r.try_get(0)?,
        uuid: r.try_get(1)?,
        object_id: r.try_get(2)?,
        event_id: r.try_get(3)?,
        object_uuid: r.try_get(4)?,
        referenced_uuid: r.try_get(5)?,
        referenced_id: r.try_get(6)?,
        referenced_type: r.try_get(7)?,
        relationship_type: r.try_get(8)?,
        comment: r.try_get(9)?,
        deleted: r.try_get(10)?,
        timestamp: r.try_get(11)?,
    })
}

pub const SIGHTING_COLS: &str =
    "id, uuid, attribute_id, event_id, org_id, date_sighting, source, type";
pub fn sighting(r: &Row) -> PgResult<Sighting> {
    Ok(Sighting {
        id: r.try_get(0)?,
        uuid: r.try_get(1)?,
        attribute_id: r.try_get(2)?,
        event_id: r.try_get(3)?,
        org_id: r.try_get(4)?,
        date_sighting: r.try_get(5)?,
        source: r.try_get(6)?,
        sighting_type: r.try_get(7)?,
    })
}

pub const REPORT_COLS: &str =
    "id, uuid, event_id, name, content, distribution, sharing_group_id, timestamp, deleted";
pub fn report(r: &Row) -> PgResult<EventReport> {
    Ok(EventReport {
        id: r.try_get(0)?,
        uuid: r.try_get(1)?,
        event_id: r.try_get(2)?,
        name: r.try_get(3)?,
        content: r.try_get(4)?,
        distribution: r.try_get(5)?,
        sharing_group_id: r.try_get(6)?,
        timestamp: r.try_get(7)?,
        deleted: r.try_get(8)?,
    })
}

/// Small query helpers shared by every module. Reads run directly; writes
/// run under the transaction's savepoint (see [`PgTx::guarded`]).
impl PgTx<'_> {
    pub(crate) fn one<T>(
        &mut self,
        sql: &str,
        params: Params,
        map: impl FnOnce(&Row) -> PgResult<T>,
    ) -> Result<Option<T>> {
        // Not query_opt: like SQLite's query_row, the first of several rows
        // is an answer, not an error.
        let rows = self.query(sql, params)?;
        rows.first().map(map).transpose().map_err(backend_err)
    }

    pub(crate) fn many<T>(
        &mut self,
        sql: &str,
        params: Params,
        map: impl FnMut(&Row) -> PgResult<T>,
    ) -> Result<Vec<T>> {
        self.mapped(sql, params, Want::Rows, map)
    }

    /// As [`PgTx::many`], planned for these parameter values (see
    /// [`Want::RowsPlannedForValues`]): for reads whose best plan depends
    /// on the value looked for.
    pub(crate) fn many_planned<T>(
        &mut self,
        sql: &str,
        params: Params,
        map: impl FnMut(&Row) -> PgResult<T>,
    ) -> Result<Vec<T>> {
        self.mapped(sql, params, Want::RowsPlannedForValues, map)
    }

    fn mapped<T>(
        &mut self,
        sql: &str,
        params: Params,
        want: Want,
        map: impl FnMut(&Row) -> PgResult<T>,
    ) -> Result<Vec<T>> {
        let rows = self.read_rows(sql, params, want)?;
        rows.iter()
            .map(map)
            .collect::<PgResult<Vec<T>>>()
            .map_err(backend_err)
    }

    fn query(&mut self, sql: &str, params: Params) -> Result<Vec<Row>> {
        self.read_rows(sql, params, Want::Rows)
    }

    /// Runs a write; the number of rows it touched.
    pub(crate) fn exec(&mut self, sql: &str, params: Params) -> Result<u64> {
        match self.guarded(sql, params, Want::Count)? {
            Answer::Count(n) => Ok(n),
            Answer::Rows(rows) => Ok(rows.len() as u64),
        }
    }

    /// Runs a write that returns rows (`RETURNING`).
    pub(crate) fn exec_rows(&mut self, sql: &str, params: Params) -> Result<Vec<Row>> {
        match self.guarded(sql, params, Want::Rows)? {
            Answer::Rows(rows) => Ok(rows),
            Answer::Count(_) => Ok(vec![]),
        }
    }

    /// Runs a write and fails with NotFound when it touched no row.
    pub(crate) fn exec_one(&mut self, what: &str, sql: &str, params: Params) -> Result<()> {
        match self.exec(sql, params)? {
            0 => Err(jisr_store::StoreError::NotFound(what.into())),
            _ => Ok(()),
        }
    }

    /// Runs an INSERT and returns the new row's id.
    pub(crate) fn insert(&mut self, sql: &str, params: Params) -> Result<i64> {
        let sql = format!("{sql} RETURNING id");
        let rows = self.exec_rows(&sql, params)?;
        match rows.first() {
            Some(row) => row.try_get(0).map_err(backend_err),
            // As query_one: an INSERT … RETURNING gives exactly one row.
            None => Err(jisr_store::StoreError::Backend(
                "query returned an unexpected number of rows".into(),
            )),
        }
    }
}
