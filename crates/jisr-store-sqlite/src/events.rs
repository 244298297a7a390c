//! Events, attributes, objects, object references and tag links.

use jisr_model::*;
use jisr_store::{EventTx, Result};
use rusqlite::params;

use crate::SqliteTx;
use crate::rows::{self, ATTRIBUTE_COLS, EVENT_COLS, OBJECT_COLS, REFERENCE_COLS, TAG_COLS};

fn tag_link(r: &rusqlite::Row) -> rusqlite::Result<TagLink> {
    Ok(TagLink {
        link_id: r.get(0)?,
        local: r.get(1)?,
        tag: rows::tag_at(r, 2)?,
    })
}

fn prefixed(cols: &str, alias: &str) -> String {
    cols.split(", ")
        .map(|c| format!("{alias}.{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl EventTx for SqliteTx<'_> {
    fn event_insert(&mut self, e: &Event) -> Result<i64> {
        self.insert(
            "INSERT INTO events (uuid, org_id, orgc_id, info, date, threat_level_id, analysis, distribution, sharing_group_id,
               published, publish_timestamp, timestamp, sighting_timestamp, attribute_count, extends_uuid, locked,
               disable_correlation, proposal_email_lock, user_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
            params![e.uuid, e.org_id, e.orgc_id, e.info, e.date, e.threat_level_id, e.analysis, e.distribution, e.sharing_group_id,
                e.published, e.publish_timestamp, e.timestamp, e.sighting_timestamp, e.attribute_count, e.extends_uuid, e.locked,
                e.disable_correlation, e.proposal_email_lock, e.user_id],
        )
    }
    fn event_update(&mut self, e: &Event) -> Result<()> {
        self.exec_one(
            "event",
            "UPDATE events SET uuid = ?2, org_id = ?3, orgc_id = ?4, info = ?5, date = ?6, threat_level_id = ?7, analysis = ?8,
               distribution = ?9, sharing_group_id = ?10, published = ?11, publish_timestamp = ?12, timestamp = ?13,
               sighting_timestamp = ?14, attribute_count = ?15, extends_uuid = ?16, locked = ?17, disable_correlation = ?18,
               proposal_email_lock = ?19, user_id = ?20 WHERE id = ?1",
            params![e.id, e.uuid, e.org_id, e.orgc_id, e.info, e.date, e.threat_level_id, e.analysis, e.distribution,
                e.sharing_group_id, e.published, e.publish_timestamp, e.timestamp, e.sighting_timestamp, e.attribute_count,
                e.extends_uuid, e.locked, e.disable_correlation, e.proposal_email_lock, e.user_id],
        )
    }
    fn event_delete(&mut self, id: i64) -> Result<()> {
        crate::bulk::ensure_for_deletes(self.conn())?;
        self.exec_one("event", "DELETE FROM events WHERE id = ?1", [id])
    }
    fn event_get(&mut self, id: i64) -> Result<Option<Event>> {
        self.one(
            &format!("SELECT {EVENT_COLS} FROM events WHERE id = ?1"),
            [id],
            rows::event,
        )
    }
    fn event_by_uuid(&mut self, uuid: &str) -> Result<Option<Event>> {
        self.one(
            &format!("SELECT {EVENT_COLS} FROM events WHERE uuid = ?1"),
            [uuid],
            rows::event,
        )
    }
    fn event_recount(&mut self, event_id: i64) -> Result<i64> {
        self.exec(
            "UPDATE events SET attribute_count = (SELECT COUNT(*) FROM attributes WHERE event_id = ?1 AND deleted = 0) WHERE id = ?1",
            [event_id],
        )?;
        Ok(self
            .one(
                "SELECT attribute_count FROM events WHERE id = ?1",
                [event_id],
                |r| r.get(0),
            )?
            .unwrap_or(0))
    }
    fn event_tags(&mut self, event_id: i64) -> Result<Vec<TagLink>> {
        let sql = format!(
            "SELECT et.id, et.local, {} FROM event_tags et JOIN tags t ON t.id = et.tag_id WHERE et.event_id = ?1 ORDER BY et.id",
            prefixed(TAG_COLS, "t")
        );
        self.many(&sql, [event_id], tag_link)
    }
    fn event_tag_add(&mut self, event_id: i64, tag_id: i64, local: bool) -> Result<()> {
        self.exec(
            "INSERT INTO event_tags (event_id, tag_id, local) VALUES (?1, ?2, ?3)
             ON CONFLICT(event_id, tag_id) DO UPDATE SET local = excluded.local",
            params![event_id, tag_id, local],
        )?;
        Ok(())
    }
    fn event_tag_remove(&mut self, event_id: i64, tag_id: i64) -> Result<bool> {
        Ok(self.exec(
            "DELETE FROM event_tags WHERE event_id = ?1 AND tag_id = ?2",
            [event_id, tag_id],
        )? > 0)
    }

    fn attribute_insert(&mut self, a: &Attribute) -> Result<i64> {
        self.insert(
            "INSERT INTO attributes (uuid, event_id, object_id, object_relation, type, category, value1, value2, to_ids,
               distribution, sharing_group_id, comment, deleted, disable_correlation, first_seen, last_seen, timestamp)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            params![a.uuid, a.event_id, a.object_id, a.object_relation, a.attr_type, a.category, a.value1, a.value2, a.to_ids,
                a.distribution, a.sharing_group_id, a.comment, a.deleted, a.disable_correlation, a.first_seen, a.last_seen, a.timestamp],
        )
    }
    fn attribute_update(&mut self, a: &Attribute) -> Result<()> {
        self.exec_one(
            "attribute",
            "UPDATE attributes SET uuid = ?2, event_id = ?3, object_id = ?4, object_relation = ?5, type = ?6, category = ?7,
               value1 = ?8, value2 = ?9, to_ids = ?10, distribution = ?11, sharing_group_id = ?12, comment = ?13, deleted = ?14,
               disable_correlation = ?15, first_seen = ?16, last_seen = ?17, timestamp = ?18 WHERE id = ?1",
            params![a.id, a.uuid, a.event_id, a.object_id, a.object_relation, a.attr_type, a.category, a.value1, a.value2,
                a.to_ids, a.distribution, a.sharing_group_id, a.comment, a.deleted, a.disable_correlation, a.first_seen,
                a.last_seen, a.timestamp],
        )
    }
    fn attribute_delete(&mut self, id: i64) -> Result<()> {
        crate::bulk::ensure_for_deletes(self.conn())?;
        self.exec_one("attribute", "DELETE FROM attributes WHERE id = ?1", [id])
    }
    fn attribute_get(&mut self, id: i64) -> Result<Option<Attribute>> {
        self.one(
            &format!("SELECT {ATTRIBUTE_COLS} FROM attributes WHERE id = ?1"),
            [id],
            rows::attribute,
        )
    }
    fn attribute_by_uuid(&mut self, uuid: &str) -> Result<Option<Attribute>> {
        self.one(
            &format!("SELECT {ATTRIBUTE_COLS} FROM attributes WHERE uuid = ?1"),
            [uuid],
            rows::attribute,
        )
    }
    fn attributes_get(&mut self, ids: &[i64]) -> Result<Vec<Attribute>> {
        let mut out = Vec::with_capacity(ids.len());
        // Chunked to stay under SQLite's bound-parameter limit.
        for chunk in ids.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(",");
            let sql = format!("SELECT {ATTRIBUTE_COLS} FROM attributes WHERE id IN ({marks})");
            out.extend(self.many(&sql, rusqlite::params_from_iter(chunk), rows::attribute)?);
        }
        let pos: std::collections::HashMap<i64, usize> =
            ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        out.sort_by_key(|a| pos.get(&a.id).copied().unwrap_or(usize::MAX));
        Ok(out)
    }
    fn attributes_of_event(&mut self, event_id: i64) -> Result<Vec<Attribute>> {
        self.many(
            &format!("SELECT {ATTRIBUTE_COLS} FROM attributes WHERE event_id = ?1 ORDER BY id"),
            [event_id],
            rows::attribute,
        )
    }
    fn attribute_tags_of_event(&mut self, event_id: i64) -> Result<Vec<(i64, TagLink)>> {
        let sql = format!(
            "SELECT at.attribute_id, at.id, at.local, {} FROM attribute_tags at JOIN tags t ON t.id = at.tag_id
             WHERE at.event_id = ?1 ORDER BY at.id",
            prefixed(TAG_COLS, "t")
        );
        self.many(&sql, [event_id], |r| {
            Ok((
                r.get(0)?,
                TagLink {
                    link_id: r.get(1)?,
                    local: r.get(2)?,
                    tag: rows::tag_at(r, 3)?,
                },
            ))
        })
    }
    fn attribute_tags(&mut self, attribute_id: i64) -> Result<Vec<TagLink>> {
        let sql = format!(
            "SELECT at.id, at.local, {} FROM attribute_tags at JOIN tags t ON t.id = at.tag_id WHERE at.attribute_id = ?1 ORDER BY at.id",
            prefixed(TAG_COLS, "t")
        );
        self.many(&sql, [attribute_id], tag_link)
    }
    fn attribute_tag_add(
        &mut self,
        attribute_id: i64,
        event_id: i64,
        tag_id: i64,
        local: bool,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO attribute_tags (attribute_id, event_id, tag_id, local) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(attribute_id, tag_id) DO UPDATE SET local = excluded.local",
            params![attribute_id, event_id, tag_id, local],
        )?;
        Ok(())
    }
    fn attribute_tag_remove(&mut self, attribute_id: i64, tag_id: i64) -> Result<bool> {
        Ok(self.exec(
            "DELETE FROM attribute_tags WHERE attribute_id = ?1 AND tag_id = ?2",
            [attribute_id, tag_id],
        )? > 0)
    }

    fn attachment_put(&mut self, attribute_id: i64, data: &[u8]) -> Result<()> {
        self.exec(
            "INSERT INTO attachments (attribute_id, data) VALUES (?1, ?2)
             ON CONFLICT(attribute_id) DO UPDATE SET data = excluded.data",
            params![attribute_id, data],
        )?;
        Ok(())
    }
    fn attachment_get(&mut self, attribute_id: i64) -> Result<Option<Vec<u8>>> {
        self.one(
            "SELECT data FROM attachments WHERE attribute_id = ?1",
            [attribute_id],
            |r| r.get(0),
        )
    }

    fn object_insert(&mut self, o: &MispObject) -> Result<i64> {
        self.insert(
            "INSERT INTO objects (uuid, event_id, name, meta_category, description, template_uuid, template_version,
               distribution, sharing_group_id, comment, deleted, first_seen, last_seen, timestamp)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![o.uuid, o.event_id, o.name, o.meta_category, o.description, o.template_uuid, o.template_version,
                o.distribution, o.sharing_group_id, o.comment, o.deleted, o.first_seen, o.last_seen, o.timestamp],
        )
    }
    fn object_update(&mut self, o: &MispObject) -> Result<()> {
        self.exec_one(
            "object",
            "UPDATE objects SET uuid = ?2, event_id = ?3, name = ?4, meta_category = ?5, description = ?6, template_uuid = ?7,
               template_version = ?8, distribution = ?9, sharing_group_id = ?10, comment = ?11, deleted = ?12,
               first_seen = ?13, last_seen = ?14, timestamp = ?15 WHERE id = ?1",
            params![o.id, o.uuid, o.event_id, o.name, o.meta_category, o.description, o.template_uuid, o.template_version,
                o.distribution, o.sharing_group_id, o.comment, o.deleted, o.first_seen, o.last_seen, o.timestamp],
        )
    }
    fn object_delete(&mut self, id: i64) -> Result<()> {
        crate::bulk::ensure_for_deletes(self.conn())?;
        self.exec("DELETE FROM attributes WHERE object_id = ?1", [id])?;
        self.exec_one("object", "DELETE FROM objects WHERE id = ?1", [id])
    }
    fn object_get(&mut self, id: i64) -> Result<Option<MispObject>> {
        self.one(
            &format!("SELECT {OBJECT_COLS} FROM objects WHERE id = ?1"),
            [id],
            rows::object,
        )
    }
    fn object_by_uuid(&mut self, uuid: &str) -> Result<Option<MispObject>> {
        self.one(
            &format!("SELECT {OBJECT_COLS} FROM objects WHERE uuid = ?1"),
            [uuid],
            rows::object,
        )
    }
    fn objects_of_event(&mut self, event_id: i64) -> Result<Vec<MispObject>> {
        self.many(
            &format!("SELECT {OBJECT_COLS} FROM objects WHERE event_id = ?1 ORDER BY id"),
            [event_id],
            rows::object,
        )
    }
    fn reference_insert(&mut self, r: &ObjectReference) -> Result<i64> {
        self.insert(
            "INSERT INTO object_references (uuid, object_id, event_id, object_uuid, referenced_uuid, referenced_id,
               referenced_type, relationship_type, comment, deleted, timestamp)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![r.uuid, r.object_id, r.event_id, r.object_uuid, r.referenced_uuid, r.referenced_id, r.referenced_type,
                r.relationship_type, r.comment, r.deleted, r.timestamp],
        )
    }
    fn reference_update(&mut self, r: &ObjectReference) -> Result<()> {
        self.exec_one(
            "object reference",
            "UPDATE object_references SET referenced_uuid = ?2, referenced_id = ?3, referenced_type = ?4,
               relationship_type = ?5, comment = ?6, deleted = ?7, timestamp = ?8 WHERE id = ?1",
            params![r.id, r.referenced_uuid, r.referenced_id, r.referenced_type, r.relationship_type, r.comment, r.deleted, r.timestamp],
        )
    }
    fn references_of_event(&mut self, event_id: i64) -> Result<Vec<ObjectReference>> {
        self.many(
            &format!(
                "SELECT {REFERENCE_COLS} FROM object_references WHERE event_id = ?1 ORDER BY id"
            ),
            [event_id],
            rows::reference,
        )
    }
    fn reference_find(&mut self, reference: &str) -> Result<Option<ObjectReference>> {
        let sql = format!(
            "SELECT {REFERENCE_COLS} FROM object_references WHERE uuid = ?1 OR CAST(id AS TEXT) = ?1"
        );
        self.one(&sql, [reference], rows::reference)
    }
    fn reference_delete(&mut self, id: i64) -> Result<()> {
        self.exec_one(
            "object reference",
            "DELETE FROM object_references WHERE id = ?1",
            [id],
        )
    }
}
