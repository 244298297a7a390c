//! Proposals (MISP's shadow attributes).

use jisr_model::{Attribute, Proposal};
use jisr_store::{ProposalTx, Result};
use tokio_postgres::Row;

use crate::rows::PgResult;

use crate::PgTx;

const COLS: &str = "id, uuid, old_id, event_id, org_id, email, proposal_to_delete, object_relation, type, category, value1, value2, to_ids, comment, deleted, disable_correlation, first_seen, last_seen, timestamp";

fn proposal(r: &Row) -> PgResult<Proposal> {
    Ok(Proposal {
        id: r.try_get(0)?,
        old_id: r.try_get(2)?,
        event_id: r.try_get(3)?,
        org_id: r.try_get(4)?,
        email: r.try_get(5)?,
        proposal_to_delete: r.try_get(6)?,
        attribute: Attribute {
            uuid: r.try_get(1)?,
            event_id: r.try_get(3)?,
            object_relation: r.try_get(7)?,
            attr_type: r.try_get(8)?,
            category: r.try_get(9)?,
            value1: r.try_get(10)?,
            value2: r.try_get(11)?,
            to_ids: r.try_get(12)?,
            comment: r.try_get(13)?,
            deleted: r.try_get(14)?,
            disable_correlation: r.try_get(15)?,
            first_seen: r.try_get(16)?,
            last_seen: r.try_get(17)?,
            timestamp: r.try_get(18)?,
            ..Default::default()
        },
    })
}

impl ProposalTx for PgTx<'_> {
    fn proposal_insert(&mut self, p: &Proposal) -> Result<i64> {
        let a = &p.attribute;
        self.insert(
            "INSERT INTO proposals (uuid, old_id, event_id, org_id, email, proposal_to_delete, object_relation, type, category,
               value1, value2, to_ids, comment, deleted, disable_correlation, first_seen, last_seen, timestamp)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
            params![a.uuid, p.old_id, p.event_id, p.org_id, p.email, p.proposal_to_delete, a.object_relation, a.attr_type,
                a.category, a.value1, a.value2, a.to_ids, a.comment, a.deleted, a.disable_correlation, a.first_seen,
                a.last_seen, a.timestamp],
        )
    }
    fn proposal_update(&mut self, p: &Proposal) -> Result<()> {
        let a = &p.attribute;
        self.exec_one(
            "proposal",
            "UPDATE proposals SET proposal_to_delete = $2, type = $3, category = $4, value1 = $5, value2 = $6, to_ids = $7,
               comment = $8, deleted = $9, disable_correlation = $10, first_seen = $11, last_seen = $12, timestamp = $13
             WHERE id = $1",
            params![p.id, p.proposal_to_delete, a.attr_type, a.category, a.value1, a.value2, a.to_ids, a.comment,
                a.deleted, a.disable_correlation, a.first_seen, a.last_seen, a.timestamp],
        )
    }
    fn proposal_delete(&mut self, id: i64) -> Result<()> {
        self.exec_one(
            "proposal",
            "DELETE FROM proposals WHERE id = $1",
            params![id],
        )
    }
    fn proposal_get(&mut self, id: i64) -> Result<Option<Proposal>> {
        self.one(
            &format!("SELECT {COLS} FROM proposals WHERE id = $1"),
            params![id],
            proposal,
        )
    }
    fn proposal_by_uuid(&mut self, uuid: &str) -> Result<Option<Proposal>> {
        self.one(
            &format!("SELECT {COLS} FROM proposals WHERE uuid = $1"),
            params![uuid],
            proposal,
        )
    }
    fn proposals(&mut self, event_id: Option<i64>) -> Result<Vec<Proposal>> {
        match event_id {
            Some(e) => self.many(
                &format!(
                    "SELECT {COLS} FROM proposals WHERE deleted = FALSE AND event_id = $1 ORDER BY id"
                ),
                params![e],
                proposal,
            ),
            None => self.many(
                &format!("SELECT {COLS} FROM proposals WHERE deleted = FALSE ORDER BY id"),
                params![],
                proposal,
            ),
        }
    }
}
