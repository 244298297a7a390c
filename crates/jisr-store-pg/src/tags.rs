//! Tags.

use jisr_model::Tag;
use jisr_store::{Result, TagTx};

use crate::PgTx;
use crate::rows::{self, TAG_COLS};

impl TagTx for PgTx<'_> {
    fn tag_insert(&mut self, t: &Tag) -> Result<i64> {
        self.insert(
            "INSERT INTO tags (name, colour, exportable, hide_tag, org_id, user_id, local_only, numerical_value, is_galaxy, is_custom_galaxy)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            params![t.name, t.colour, t.exportable, t.hide_tag, t.org_id, t.user_id, t.local_only, t.numerical_value, t.is_galaxy, t.is_custom_galaxy],
        )
    }
    fn tag_update(&mut self, t: &Tag) -> Result<()> {
        self.exec_one(
            "tag",
            "UPDATE tags SET name = $2, colour = $3, exportable = $4, hide_tag = $5, org_id = $6, user_id = $7, local_only = $8,
             numerical_value = $9, is_galaxy = $10, is_custom_galaxy = $11 WHERE id = $1",
            params![t.id, t.name, t.colour, t.exportable, t.hide_tag, t.org_id, t.user_id, t.local_only, t.numerical_value, t.is_galaxy, t.is_custom_galaxy],
        )
    }
    fn tag_delete(&mut self, id: i64) -> Result<()> {
        self.exec_one("tag", "DELETE FROM tags WHERE id = $1", params![id])
    }
    fn tag_get(&mut self, id: i64) -> Result<Option<Tag>> {
        self.one(
            &format!("SELECT {TAG_COLS} FROM tags WHERE id = $1"),
            params![id],
            rows::tag,
        )
    }
    fn tag_by_name(&mut self, name: &str) -> Result<Option<Tag>> {
        self.one(
            &format!("SELECT {TAG_COLS} FROM tags WHERE name = $1"),
            params![name],
            rows::tag,
        )
    }
    fn tag_list(&mut self, pattern: Option<&str>) -> Result<Vec<Tag>> {
        match pattern {
            Some(p) => self.many(
                &format!("SELECT {TAG_COLS} FROM tags WHERE name ILIKE $1 ESCAPE '' ORDER BY name COLLATE \"C\""),
                params![p],
                rows::tag,
            ),
            None => self.many(
                &format!("SELECT {TAG_COLS} FROM tags ORDER BY name COLLATE \"C\""),
                params![],
                rows::tag,
            ),
        }
    }
}
