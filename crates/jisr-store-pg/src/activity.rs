//! Sightings and event reports.

use jisr_model::*;
use jisr_store::{ActivityTx, Result};

use crate::PgTx;
use crate::rows::{self, REPORT_COLS, SIGHTING_COLS};

impl ActivityTx for PgTx<'_> {
    fn sighting_insert(&mut self, s: &Sighting) -> Result<i64> {
        self.insert(
            "INSERT INTO sightings (uuid, attribute_id, event_id, org_id, date_sighting, source, type)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            params![s.uuid, s.attribute_id, s.event_id, s.org_id, s.date_sighting, s.source, s.sighting_type],
        )
    }
    fn sighting_get(&mut self, id: i64) -> Result<Option<Sighting>> {
        self.one(
            &format!("SELECT {SIGHTING_COLS} FROM sightings WHERE id = $1"),
            params![id],
            rows::sighting,
        )
    }
    fn sighting_by_uuid(&mut self, uuid: &str) -> Result<Option<Sighting>> {
        self.one(
            &format!("SELECT {SIGHTING_COLS} FROM sightings WHERE uuid = $1"),
            params![uuid],
            rows::sighting,
        )
    }
    fn sighting_delete(&mut self, id: i64) -> Result<()> {
        self.exec_one(
            "sighting",
            "DELETE FROM sightings WHERE id = $1",
            params![id],
        )
    }
    fn sightings_of_event(&mut self, event_id: i64) -> Result<Vec<Sighting>> {
        self.many(
            &format!("SELECT {SIGHTING_COLS} FROM sightings WHERE event_id = $1 ORDER BY id"),
            params![event_id],
            rows::sighting,
        )
    }
    fn sightings_of_attribute(&mut self, attribute_id: i64) -> Result<Vec<Sighting>> {
        self.many(
            &format!("SELECT {SIGHTING_COLS} FROM sightings WHERE attribute_id = $1 ORDER BY id"),
            params![attribute_id],
            rows::sighting,
        )
    }

    fn sightings_between(&mut self, from: Option<i64>, to: Option<i64>) -> Result<Vec<Sighting>> {
        self.many(
            &format!(
                "SELECT {SIGHTING_COLS} FROM sightings WHERE date_sighting >= $1 AND date_sighting <= $2 ORDER BY date_sighting, id"
            ),
            params![from.unwrap_or(i64::MIN), to.unwrap_or(i64::MAX)],
            rows::sighting,
        )
    }

    fn report_insert(&mut self, r: &EventReport) -> Result<i64> {
        self.insert(
            "INSERT INTO event_reports (uuid, event_id, name, content, distribution, sharing_group_id, timestamp, deleted)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            params![r.uuid, r.event_id, r.name, r.content, r.distribution, r.sharing_group_id, r.timestamp, r.deleted],
        )
    }
    fn report_update(&mut self, r: &EventReport) -> Result<()> {
        self.exec_one(
            "event report",
            "UPDATE event_reports SET name = $2, content = $3, distribution = $4, sharing_group_id = $5, timestamp = $6,
               deleted = $7 WHERE id = $1",
            params![r.id, r.name, r.content, r.distribution, r.sharing_group_id, r.timestamp, r.deleted],
        )
    }
    fn report_delete(&mut self, id: i64) -> Result<()> {
        self.exec_one(
            "event report",
            "DELETE FROM event_reports WHERE id = $1",
            params![id],
        )
    }
    fn report_get(&mut self, id: i64) -> Result<Option<EventReport>> {
        self.one(
            &format!("SELECT {REPORT_COLS} FROM event_reports WHERE id = $1"),
            params![id],
            rows::report,
        )
    }
    fn report_by_uuid(&mut self, uuid: &str) -> Result<Option<EventReport>> {
        self.one(
            &format!("SELECT {REPORT_COLS} FROM event_reports WHERE uuid = $1"),
            params![uuid],
            rows::report,
        )
    }
    fn reports_of_event(&mut self, event_id: i64) -> Result<Vec<EventReport>> {
        self.many(
            &format!("SELECT {REPORT_COLS} FROM event_reports WHERE event_id = $1 ORDER BY id"),
            params![event_id],
            rows::report,
        )
    }
}
