//! Column lists and row mappers, one pair per table, so that every query of
//! a table reads the same columns in the same order.

use jisr_model::roles::Role;
use jisr_model::*;
use rusqlite::{OptionalExtension, Params, Row};

use crate::{SqliteTx, backend_err};
use jisr_store::Result;

pub const ORG_COLS: &str = "id, uuid, name, description, nationality, sector, org_type, contacts, local, created_by, date_created, date_modified";
pub fn org(r: &Row) -> rusqlite::Result<Organisation> {
    Ok(Organisation {
        id: r.get(0)?,
        uuid: r.get(1)?,
        name: r.get(2)?,
        description: r.get(3)?,
        nationality: r.get(4)?,
        sector: r.get(5)?,
        org_type: r.get(6)?,
        contacts: r.get(7)?,
        local: r.get(8)?,
        created_by: r.get(9)?,
        date_created: r.get(10)?,
        date_modified: r.get(11)?,
    })
}

pub const ROLE_COLS: &str = "id, name, perms, default_role, restricted_to_site_admin, enforce_rate_limit, rate_limit_count, memory_limit, max_execution_time";
pub fn role(r: &Row) -> rusqlite::Result<Role> {
    let perms: String = r.get(2)?;
    Ok(Role {
        id: r.get(0)?,
        name: r.get(1)?,
        perms: serde_json::from_str(&perms).unwrap_or_default(),
        default_role: r.get(3)?,
        restricted_to_site_admin: r.get(4)?,
        enforce_rate_limit: r.get(5)?,
        rate_limit_count: r.get(6)?,
        memory_limit: r.get(7)?,
        max_execution_time: r.get(8)?,
    })
}

pub const USER_COLS: &str = "id, email, org_id, role_id, disabled, autoalert, contactalert, termsaccepted, change_pw, gpgkey, nids_sid, created_by, date_created, date_modified, last_login";
pub fn user(r: &Row) -> rusqlite::Result<User> {
    Ok(User {
        id: r.get(0)?,
        email: r.get(1)?,
        org_id: r.get(2)?,
        role_id: r.get(3)?,
        disabled: r.get(4)?,
        autoalert: r.get(5)?,
        contactalert: r.get(6)?,
        termsaccepted: r.get(7)?,
        change_pw: r.get(8)?,
        gpgkey: r.get(9)?,
        nids_sid: r.get(10)?,
        created_by: r.get(11)?,
        date_created: r.get(12)?,
        date_modified: r.get(13)?,
        last_login: r.get(14)?,
    })
}

pub const AUTHKEY_COLS: &str =
    "id, uuid, user_id, digest, key_start, key_end, created, expiration, comment";
pub fn authkey(r: &Row) -> rusqlite::Result<AuthKey> {
    Ok(AuthKey {
        id: r.get(0)?,
        uuid: r.get(1)?,
        user_id: r.get(2)?,
        digest: r.get(3)?,
        key_start: r.get(4)?,
        key_end: r.get(5)?,
        created: r.get(6)?,
        expiration: r.get(7)?,
        comment: r.get(8)?,
    })
}

pub const TAG_COLS: &str = "id, name, colour, exportable, hide_tag, org_id, user_id, local_only, numerical_value, is_galaxy, is_custom_galaxy";
pub fn tag(r: &Row) -> rusqlite::Result<Tag> {
    tag_at(r, 0)
}
/// A tag whose columns start at `o` (after a join's own columns).
pub fn tag_at(r: &Row, o: usize) -> rusqlite::Result<Tag> {
    Ok(Tag {
        id: r.get(o)?,
        name: r.get(o + 1)?,
        colour: r.get(o + 2)?,
        exportable: r.get(o + 3)?,
        hide_tag: r.get(o + 4)?,
        org_id: r.get(o + 5)?,
        user_id: r.get(o + 6)?,
        local_only: r.get(o + 7)?,
        numerical_value: r.get(o + 8)?,
        is_galaxy: r.get(o + 9)?,
        is_custom_galaxy: r.get(o + 10)?,
    })
}

pub const EVENT_COLS: &str = "id, uuid, org_id, orgc_id, info, date, threat_level_id, analysis, distribution, sharing_group_id, published, publish_timestamp, timestamp, sighting_timestamp, attribute_count, extends_uuid, locked, disable_correlation, proposal_email_lock, user_id";
pub fn event(r: &Row) -> rusqlite::Result<Event> {
    Ok(Event {
        id: r.get(0)?,
        uuid: r.get(1)?,
        org_id: r.get(2)?,
        orgc_id: r.get(3)?,
        info: r.get(4)?,
        date: r.get(5)?,
        threat_level_id: r.get(6)?,
        analysis: r.get(7)?,
        distribution: r.get(8)?,
        sharing_group_id: r.get(9)?,
        published: r.get(10)?,
        publish_timestamp: r.get(11)?,
        timestamp: r.get(12)?,
        sighting_timestamp: r.get(13)?,
        attribute_count: r.get(14)?,
        extends_uuid: r.get(15)?,
        locked: r.get(16)?,
        disable_correlation: r.get(17)?,
        proposal_email_lock: r.get(18)?,
        user_id: r.get(19)?,
    })
}

pub const ATTRIBUTE_COLS: &str = "id, uuid, event_id, object_id, object_relation, type, category, value1, value2, to_ids, distribution, sharing_group_id, comment, deleted, disable_correlation, first_seen, last_seen, timestamp";
pub fn attribute(r: &Row) -> rusqlite::Result<Attribute> {
    Ok(Attribute {
        id: r.get(0)?,
        uuid: r.get(1)?,
        event_id: r.get(2)?,
        object_id: r.get(3)?,
        object_relation: r.get(4)?,
        attr_type: r.get(5)?,
        category: r.get(6)?,
        value1: r.get(7)?,
        value2: r.get(8)?,
        to_ids: r.get(9)?,
        distribution: r.get(10)?,
        sharing_group_id: r.get(11)?,
        comment: r.get(12)?,
        deleted: r.get(13)?,
        disable_correlation: r.get(14)?,
        first_seen: r.get(15)?,
        last_seen: r.get(16)?,
        timestamp: r.get(17)?,
    })
}

pub const OBJECT_COLS: &str = "id, uuid, event_id, name, meta_category, description, template_uuid, template_version, distribution, sharing_group_id, comment, deleted, first_seen, last_seen, timestamp";
pub fn object(r: &Row) -> rusqlite::Result<MispObject> {
    Ok(MispObject {
        id: r.get(0)?,
        uuid: r.get(1)?,
        event_id: r.get(2)?,
        name: r.get(3)?,
        meta_category: r.get(4)?,
        description: r.get(5)?,
        template_uuid: r.get(6)?,
        template_version: r.get(7)?,
        distribution: r.get(8)?,
        sharing_group_id: r.get(9)?,
        comment: r.get(10)?,
        deleted: r.get(11)?,
        first_seen: r.get(12)?,
        last_seen: r.get(13)?,
        timestamp: r.get(14)?,
    })
}

pub const REFERENCE_COLS: &str = "id, uuid, object_id, event_id, object_uuid, referenced_uuid, referenced_id, referenced_type, relationship_type, comment, deleted, timestamp";
pub fn reference(r: &Row) -> rusqlite::Result<ObjectReference> {
    Ok(ObjectReference {
        id: r.get(0)?,
        uuid: r.get(1)?,
        object_id: r.get(2)?,
        event_id: r.get(3)?,
        object_uuid: r.get(4)?,
        referenced_uuid: r.get(5)?,
        referenced_id: r.get(6)?,
        referenced_type: r.get(7)?,
        relationship_type: r.get(8)?,
        comment: r.get(9)?,
        deleted: r.get(10)?,
        timestamp: r.get(11)?,
    })
}

pub const SIGHTING_COLS: &str =
    "id, uuid, attribute_id, event_id, org_id, date_sighting, source, type";
pub fn sighting(r: &Row) -> rusqlite::Result<Sighting> {
    Ok(Sighting {
        id: r.get(0)?,
        uuid: r.get(1)?,
        attribute_id: r.get(2)?,
        event_id: r.get(3)?,
        org_id: r.get(4)?,
        date_sighting: r.get(5)?,
        source: r.get(6)?,
        sighting_type: r.get(7)?,
    })
}

pub const REPORT_COLS: &str =
    "id, uuid, event_id, name, content, distribution, sharing_group_id, timestamp, deleted";
pub fn report(r: &Row) -> rusqlite::Result<EventReport> {
    Ok(EventReport {
        id: r.get(0)?,
        uuid: r.get(1)?,
        event_id: r.get(2)?,
        name: r.get(3)?,
        content: r.get(4)?,
        distribution: r.get(5)?,
        sharing_group_id: r.get(6)?,
        timestamp: r.get(7)?,
        deleted: r.get(8)?,
    })
}

/// Small query helpers shared by every module.
impl SqliteTx<'_> {
    pub(crate) fn one<T, P: Params>(
        &self,
        sql: &str,
        params: P,
        map: impl FnOnce(&Row) -> rusqlite::Result<T>,
    ) -> Result<Option<T>> {
        let mut stmt = self.conn().prepare_cached(sql).map_err(backend_err)?;
        stmt.query_row(params, map).optional().map_err(backend_err)
    }

    pub(crate) fn many<T, P: Params>(
        &self,
        sql: &str,
        params: P,
        map: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn().prepare_cached(sql).map_err(backend_err)?;
        let rows = stmt.query_map(params, map).map_err(backend_err)?;
        rows.collect::<rusqlite::Result<Vec<T>>>()
            .map_err(backend_err)
    }

    /// Runs a write and fails with NotFound when it touched no row.
    pub(crate) fn exec<P: Params>(&self, sql: &str, params: P) -> Result<usize> {
        let mut stmt = self.conn().prepare_cached(sql).map_err(backend_err)?;
        stmt.execute(params).map_err(backend_err)
    }

    pub(crate) fn exec_one<P: Params>(&self, what: &str, sql: &str, params: P) -> Result<()> {
        match self.exec(sql, params)? {
            0 => Err(jisr_store::StoreError::NotFound(what.into())),
            _ => Ok(()),
        }
    }

    pub(crate) fn insert<P: Params>(&self, sql: &str, params: P) -> Result<i64> {
        self.exec(sql, params)?;
        Ok(self.conn().last_insert_rowid())
    }
}
