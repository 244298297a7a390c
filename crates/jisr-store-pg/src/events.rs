//! Events, attributes, objects, object references and tag links.

use jisr_model::*;
use jisr_store::{EventTx, Result, StoreError};
use tokio_postgres::Row;

use crate::rows::PgResult;

use crate::PgTx;
use crate::ids::IdsOf;
use crate::new_rows::*;
use crate::rows::{self, ATTRIBUTE_COLS, EVENT_COLS, OBJECT_COLS, REFERENCE_COLS, TAG_COLS};
use crate::sending::Owned;

fn tag_link(r: &Row) -> PgResult<TagLink> {
    Ok(TagLink {
        link_id: r.try_get(0)?,
        local: r.try_get(1)?,
        tag: rows::tag_at(r, 2)?,
    })
}

fn prefixed(cols: &str, alias: &str) -> String {
    cols.split(", ")
        .map(|c| format!("{alias}.{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl EventTx for PgTx<'_> {
    fn event_insert(&mut self, e: &Event) -> Result<i64> {
        self.insert_row(IdsOf::Events, (EVENT, EVENT_WITH_ID), event_row(e, true))
    }
    fn event_update(&mut self, e: &Event) -> Result<()> {
        let row = with_id(e.id, event_row(e, true));
        let params: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> =
            row.iter().map(|p| p.as_ref() as _).collect();
        self.exec_one("event", EVENT_COUNTED, &params)
    }
    fn event_delete(&mut self, id: i64) -> Result<()> {
        self.ensure_for_deletes()?;
        self.exec_one("event", "DELETE FROM events WHERE id = $1", params![id])
    }
    fn event_get(&mut self, id: i64) -> Result<Option<Event>> {
        self.one(
            &format!("SELECT {EVENT_COLS} FROM events WHERE id = $1"),
            params![id],
            rows::event,
        )
    }
    fn event_by_uuid(&mut self, uuid: &str) -> Result<Option<Event>> {
        self.one(
            &format!("SELECT {EVENT_COLS} FROM events WHERE uuid = $1"),
            params![uuid],
            rows::event,
        )
    }
    fn events_get(&mut self, ids: &[i64]) -> Result<Vec<Event>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let ids = ids.to_vec();
        self.many(
            &format!("SELECT {EVENT_COLS} FROM events WHERE id = ANY($1)"),
            params![ids],
            rows::event,
        )
    }
    fn event_recount(&mut self, event_id: i64) -> Result<i64> {
        // The new count comes back with the update: one round trip, not two.
        let rows = self.exec_rows(
            "UPDATE events SET attribute_count = (SELECT COUNT(*) FROM attributes WHERE event_id = $1 AND deleted = FALSE)
             WHERE id = $1 RETURNING attribute_count",
            params![event_id],
        )?;
        match rows.first() {
            Some(r) => r.try_get(0).map_err(crate::backend_err),
            None => Ok(0),
        }
    }
    fn event_update_recount(&mut self, e: &Event) -> Result<()> {
        // The subquery counts the attributes as this transaction's earlier
        // statements left them; the row goes with the next statement.
        self.defer(
            "UPDATE events SET uuid = $2, org_id = $3, orgc_id = $4, info = $5, date = $6, threat_level_id = $7, analysis = $8,
               distribution = $9, sharing_group_id = $10, published = $11, publish_timestamp = $12, timestamp = $13,
               sighting_timestamp = $14, extends_uuid = $15, locked = $16, disable_correlation = $17,
               proposal_email_lock = $18, user_id = $19,
               attribute_count = (SELECT COUNT(*) FROM attributes WHERE event_id = $1 AND deleted = FALSE)
             WHERE id = $1",
            with_id(e.id, event_row(e, false)),
        )
    }
    fn event_update_counted(&mut self, e: &Event) -> Result<()> {
        self.defer(EVENT_COUNTED, with_id(e.id, event_row(e, true)))
    }
    fn event_tags(&mut self, event_id: i64) -> Result<Vec<TagLink>> {
        let sql = format!(
            "SELECT et.id, et.local, {} FROM event_tags et JOIN tags t ON t.id = et.tag_id WHERE et.event_id = $1 ORDER BY et.id",
            prefixed(TAG_COLS, "t")
        );
        self.many(&sql, params![event_id], tag_link)
    }
    fn event_tag_add(&mut self, event_id: i64, tag_id: i64, local: bool) -> Result<()> {
        self.exec(
            "INSERT INTO event_tags (event_id, tag_id, local) VALUES ($1, $2, $3)
             ON CONFLICT(event_id, tag_id) DO UPDATE SET local = excluded.local",
            params![event_id, tag_id, local],
        )?;
        Ok(())
    }
    fn event_tag_remove(&mut self, event_id: i64, tag_id: i64) -> Result<bool> {
        Ok(self.exec(
            "DELETE FROM event_tags WHERE event_id = $1 AND tag_id = $2",
            params![event_id, tag_id],
        )? > 0)
    }

    fn attribute_insert(&mut self, a: &Attribute) -> Result<i64> {
        self.insert(
            "INSERT INTO attributes (uuid, event_id, object_id, object_relation, type, category, value1, value2, to_ids,
               distribution, sharing_group_id, comment, deleted, disable_correlation, first_seen, last_seen, timestamp)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
            params![a.uuid, a.event_id, a.object_id, a.object_relation, a.attr_type, a.category, a.value1, a.value2, a.to_ids,
                a.distribution, a.sharing_group_id, a.comment, a.deleted, a.disable_correlation, a.first_seen, a.last_seen, a.timestamp],
        )
    }
    fn attributes_insert(&mut self, attributes: &[Attribute]) -> Result<Vec<i64>> {
        let mut ids = Vec::with_capacity(attributes.len());
        for chunk in attributes.chunks(INSERT_CHUNK) {
            ids.extend(self.insert_attribute_rows(chunk)?);
        }
        Ok(ids)
    }
    fn attribute_uuids_taken(&mut self, uuids: &[String]) -> Result<Vec<String>> {
        self.uuids_taken("SELECT uuid FROM attributes WHERE uuid = ANY($1)", uuids)
    }
    fn attribute_update(&mut self, a: &Attribute) -> Result<()> {
        self.exec_one(
            "attribute",
            "UPDATE attributes SET uuid = $2, event_id = $3, object_id = $4, object_relation = $5, type = $6, category = $7,
               value1 = $8, value2 = $9, to_ids = $10, distribution = $11, sharing_group_id = $12, comment = $13, deleted = $14,
               disable_correlation = $15, first_seen = $16, last_seen = $17, timestamp = $18 WHERE id = $1",
            params![a.id, a.uuid, a.event_id, a.object_id, a.object_relation, a.attr_type, a.category, a.value1, a.value2,
                a.to_ids, a.distribution, a.sharing_group_id, a.comment, a.deleted, a.disable_correlation, a.first_seen,
                a.last_seen, a.timestamp],
        )
    }
    fn attribute_delete(&mut self, id: i64) -> Result<()> {
        self.ensure_for_deletes()?;
        self.exec_one(
            "attribute",
            "DELETE FROM attributes WHERE id = $1",
            params![id],
        )
    }
    fn attribute_get(&mut self, id: i64) -> Result<Option<Attribute>> {
        self.one(
            &format!("SELECT {ATTRIBUTE_COLS} FROM attributes WHERE id = $1"),
            params![id],
            rows::attribute,
        )
    }
    fn attribute_by_uuid(&mut self, uuid: &str) -> Result<Option<Attribute>> {
        self.one(
            &format!("SELECT {ATTRIBUTE_COLS} FROM attributes WHERE uuid = $1"),
            params![uuid],
            rows::attribute,
        )
    }
    fn attributes_get(&mut self, ids: &[i64]) -> Result<Vec<Attribute>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        // One array parameter: no bound-parameter limit to chunk around.
        let ids_vec = ids.to_vec();
        let mut out = self.many(
            &format!("SELECT {ATTRIBUTE_COLS} FROM attributes WHERE id = ANY($1)"),
            params![ids_vec],
            rows::attribute,
        )?;
        let pos: std::collections::HashMap<i64, usize> =
            ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        out.sort_by_key(|a| pos.get(&a.id).copied().unwrap_or(usize::MAX));
        Ok(out)
    }
    fn attributes_of_event(&mut self, event_id: i64) -> Result<Vec<Attribute>> {
        self.many(
            &format!("SELECT {ATTRIBUTE_COLS} FROM attributes WHERE event_id = $1 ORDER BY id"),
            params![event_id],
            rows::attribute,
        )
    }
    fn attribute_tags_of_event(&mut self, event_id: i64) -> Result<Vec<(i64, TagLink)>> {
        let sql = format!(
            "SELECT at.attribute_id, at.id, at.local, {} FROM attribute_tags at JOIN tags t ON t.id = at.tag_id
             WHERE at.event_id = $1 ORDER BY at.id",
            prefixed(TAG_COLS, "t")
        );
        self.many(&sql, params![event_id], |r| {
            Ok((
                r.try_get(0)?,
                TagLink {
                    link_id: r.try_get(1)?,
                    local: r.try_get(2)?,
                    tag: rows::tag_at(r, 3)?,
                },
            ))
        })
    }
    fn attribute_tags(&mut self, attribute_id: i64) -> Result<Vec<TagLink>> {
        let sql = format!(
            "SELECT at.id, at.local, {} FROM attribute_tags at JOIN tags t ON t.id = at.tag_id WHERE at.attribute_id = $1 ORDER BY at.id",
            prefixed(TAG_COLS, "t")
        );
        self.many(&sql, params![attribute_id], tag_link)
    }
    fn attribute_tag_add(
        &mut self,
        attribute_id: i64,
        event_id: i64,
        tag_id: i64,
        local: bool,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO attribute_tags (attribute_id, event_id, tag_id, local) VALUES ($1, $2, $3, $4)
             ON CONFLICT(attribute_id, tag_id) DO UPDATE SET local = excluded.local",
            params![attribute_id, event_id, tag_id, local],
        )?;
        Ok(())
    }
    fn attribute_tag_remove(&mut self, attribute_id: i64, tag_id: i64) -> Result<bool> {
        Ok(self.exec(
            "DELETE FROM attribute_tags WHERE attribute_id = $1 AND tag_id = $2",
            params![attribute_id, tag_id],
        )? > 0)
    }

    fn attachment_put(&mut self, attribute_id: i64, data: &[u8]) -> Result<()> {
        self.exec(
            "INSERT INTO attachments (attribute_id, data) VALUES ($1, $2)
             ON CONFLICT(attribute_id) DO UPDATE SET data = excluded.data",
            params![attribute_id, data],
        )?;
        Ok(())
    }
    fn attachment_get(&mut self, attribute_id: i64) -> Result<Option<Vec<u8>>> {
        self.one(
            "SELECT data FROM attachments WHERE attribute_id = $1",
            params![attribute_id],
            |r| r.try_get(0),
        )
    }

    fn object_insert(&mut self, o: &MispObject) -> Result<i64> {
        self.insert_row(IdsOf::Objects, (OBJECT, OBJECT_WITH_ID), object_row(o))
    }
    fn object_update(&mut self, o: &MispObject) -> Result<()> {
        self.exec_one(
            "object",
            "UPDATE objects SET uuid = $2, event_id = $3, name = $4, meta_category = $5, description = $6, template_uuid = $7,
               template_version = $8, distribution = $9, sharing_group_id = $10, comment = $11, deleted = $12,
               first_seen = $13, last_seen = $14, timestamp = $15 WHERE id = $1",
            params![o.id, o.uuid, o.event_id, o.name, o.meta_category, o.description, o.template_uuid, o.template_version,
                o.distribution, o.sharing_group_id, o.comment, o.deleted, o.first_seen, o.last_seen, o.timestamp],
        )
    }
    fn object_delete(&mut self, id: i64) -> Result<()> {
        self.ensure_for_deletes()?;
        self.exec("DELETE FROM attributes WHERE object_id = $1", params![id])?;
        self.exec_one("object", "DELETE FROM objects WHERE id = $1", params![id])
    }
    fn object_get(&mut self, id: i64) -> Result<Option<MispObject>> {
        self.one(
            &format!("SELECT {OBJECT_COLS} FROM objects WHERE id = $1"),
            params![id],
            rows::object,
        )
    }
    fn object_by_uuid(&mut self, uuid: &str) -> Result<Option<MispObject>> {
        self.one(
            &format!("SELECT {OBJECT_COLS} FROM objects WHERE uuid = $1"),
            params![uuid],
            rows::object,
        )
    }
    fn objects_get(&mut self, ids: &[i64]) -> Result<Vec<MispObject>> {
        let mut found = vec![];
        for chunk in ids.chunks(INSERT_CHUNK) {
            found.extend(self.many(
                &format!("SELECT {OBJECT_COLS} FROM objects WHERE id = ANY($1)"),
                params![chunk],
                rows::object,
            )?);
        }
        Ok(found)
    }
    fn object_uuids_taken(&mut self, uuids: &[String]) -> Result<Vec<String>> {
        self.uuids_taken("SELECT uuid FROM objects WHERE uuid = ANY($1)", uuids)
    }
    fn objects_of_event(&mut self, event_id: i64) -> Result<Vec<MispObject>> {
        self.many(
            &format!("SELECT {OBJECT_COLS} FROM objects WHERE event_id = $1 ORDER BY id"),
            params![event_id],
            rows::object,
        )
    }
    fn reference_insert(&mut self, r: &ObjectReference) -> Result<i64> {
        let statements = (REFERENCE, REFERENCE_WITH_ID);
        self.insert_row(IdsOf::References, statements, reference_row(r))
    }
    fn reference_update(&mut self, r: &ObjectReference) -> Result<()> {
        self.exec_one(
            "object reference",
            "UPDATE object_references SET referenced_uuid = $2, referenced_id = $3, referenced_type = $4,
               relationship_type = $5, comment = $6, deleted = $7, timestamp = $8 WHERE id = $1",
            params![r.id, r.referenced_uuid, r.referenced_id, r.referenced_type, r.relationship_type, r.comment, r.deleted, r.timestamp],
        )
    }
    fn references_of_event(&mut self, event_id: i64) -> Result<Vec<ObjectReference>> {
        self.many(
            &format!(
                "SELECT {REFERENCE_COLS} FROM object_references WHERE event_id = $1 ORDER BY id"
            ),
            params![event_id],
            rows::reference,
        )
    }
    fn reference_find(&mut self, reference: &str) -> Result<Option<ObjectReference>> {
        let sql = format!(
            "SELECT {REFERENCE_COLS} FROM object_references WHERE uuid = $1 OR CAST(id AS TEXT) = $1"
        );
        self.one(&sql, params![reference], rows::reference)
    }
    fn reference_delete(&mut self, id: i64) -> Result<()> {
        self.exec_one(
            "object reference",
            "DELETE FROM object_references WHERE id = $1",
            params![id],
        )
    }
}

impl PgTx<'_> {
    /// Inserts a new row (`row`: its columns but the id) and returns its
    /// id: with an id taken ahead and not waiting (`with_id_sql`, the id first)
    /// where the transaction takes ids ahead, else answered (`plain`).
    fn insert_row(
        &mut self,
        of: IdsOf,
        (plain, with_id_sql): (&str, &'static str),
        row: Vec<Owned>,
    ) -> Result<i64> {
        if self.takes_ids_ahead() {
            let id = self.take_ids(of, 1)?.first().copied();
            let id = id.ok_or_else(|| StoreError::Backend("no id was reserved".into()))?;
            self.defer(with_id_sql, with_id(id, row))?;
            return Ok(id);
        }
        let refs: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> =
            row.iter().map(|p| p.as_ref() as _).collect();
        self.insert(plain, &refs)
    }

    /// Those of `uuids` that `sql` (a lookup by `uuid = ANY($1)`) finds.
    /// Planned for each call: a plan cached while an import's first
    /// transaction was young scanned the table, and went on scanning it as
    /// the transaction filled it (135 ms per event after 100,000 attributes).
    fn uuids_taken(&mut self, sql: &str, uuids: &[String]) -> Result<Vec<String>> {
        let mut taken = vec![];
        for chunk in uuids.chunks(INSERT_CHUNK) {
            taken.extend(self.many_planned(sql, params![chunk], |r| r.try_get(0))?);
        }
        Ok(taken)
    }

    /// Inserts with ids taken ahead and does not wait: the server inserts
    /// while the caller computes what comes next (their correlation keys).
    fn insert_attribute_rows_ahead(&mut self, rows: &[Attribute]) -> Result<Vec<i64>> {
        let ids = self.take_ids(IdsOf::Attributes, rows.len())?;
        let mut params: Vec<Owned> = vec![Box::new(ids.clone())];
        params.extend(attribute_columns(rows));
        self.defer(ATTRIBUTES_WITH_IDS, params)?;
        self.launch_deferred()?;
        Ok(ids)
    }

    fn insert_attribute_rows(&mut self, rows: &[Attribute]) -> Result<Vec<i64>> {
        if self.takes_ids_ahead() {
            return self.insert_attribute_rows_ahead(rows);
        }
        let columns = attribute_columns(rows);
        let params: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> =
            columns.iter().map(|c| c.as_ref() as _).collect();
        let returned: Vec<(i64, String)> = self.many(
            "INSERT INTO attributes (uuid, event_id, object_id, object_relation, type, category, value1, value2, to_ids,
               distribution, sharing_group_id, comment, deleted, disable_correlation, first_seen, last_seen, timestamp)
             SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[],
               $8::text[], $9::bool[], $10::bigint[], $11::bigint[], $12::text[], $13::bool[], $14::bool[], $15::bigint[],
               $16::bigint[], $17::bigint[])
             RETURNING id, uuid",
            &params,
            |r| Ok((r.try_get(0)?, r.try_get(1)?)),
        )?;
        // RETURNING promises no order: match the ids back by uuid.
        let by_uuid: std::collections::HashMap<String, i64> =
            returned.into_iter().map(|(id, u)| (u, id)).collect();
        rows.iter()
            .map(|a| &a.uuid)
            .map(|u| {
                by_uuid.get(u).copied().ok_or_else(|| {
                    jisr_store::StoreError::Backend(format!("attribute {u} was not inserted"))
                })
            })
            .collect()
    }
}
