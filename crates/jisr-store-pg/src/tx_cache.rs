//! What a transaction has already read and may read again without a round
//! trip: every attribute write reads the correlation settings and the
//! exclusions, and every audited write the last entry of the hash chain,
//! which an import of thousands of events in one transaction asked for
//! thousands of times.
//!
//! Exact because nothing else changes these rows while the transaction
//! runs: a read transaction sees one snapshot, and writers are serialised
//! by the writer lock (`BEGIN_WRITE`), so the only writes a write
//! transaction can miss are its own, which update or drop the cache here.
//!
//! A write transaction reads all three with its BEGIN and first statement,
//! in that round trip (`PgTx::prefetch`): an added attribute needs the first
//! two and its request's audit entry the third, and each read alone would
//! cost a round trip of its own.

use std::collections::HashMap;

use jisr_store::CorrelationExclusion;
use tokio_postgres::Row;

use crate::rows::PgResult;

pub(crate) const SETTINGS: &str = "SELECT key, value FROM settings";
pub(crate) const EXCLUSIONS: &str =
    "SELECT id, value, from_json, comment FROM correlation_exclusions ORDER BY id";
pub(crate) const AUDIT_LAST: &str = "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1";
/// What a write transaction reads ahead, in the order [`TxCache::fill`] takes.
pub(crate) const PREFETCH: [&str; 3] = [SETTINGS, EXCLUSIONS, AUDIT_LAST];

#[derive(Default)]
pub(crate) struct TxCache {
    /// The whole settings table, read on the first `setting_get`.
    pub settings: Option<HashMap<String, String>>,
    pub exclusions: Option<Vec<CorrelationExclusion>>,
    /// The newest audit entry's id and hash (`None` inside: the log is empty).
    pub audit_last: Option<Option<(i64, String)>>,
}

pub(crate) fn setting(r: &Row) -> PgResult<(String, String)> {
    Ok((r.try_get(0)?, r.try_get(1)?))
}

pub(crate) fn exclusion(r: &Row) -> PgResult<CorrelationExclusion> {
    Ok(CorrelationExclusion {
        id: r.try_get(0)?,
        value: r.try_get(1)?,
        from_json: r.try_get(2)?,
        comment: r.try_get(3)?,
    })
}

pub(crate) fn audit_entry(r: &Row) -> PgResult<(i64, String)> {
    Ok((r.try_get(0)?, r.try_get(1)?))
}

impl TxCache {
    /// Takes the answers to [`PREFETCH`].
    pub fn fill(&mut self, [settings, exclusions, audit]: [Vec<Row>; 3]) -> PgResult<()> {
        self.settings = Some(settings.iter().map(setting).collect::<PgResult<_>>()?);
        self.exclusions = Some(exclusions.iter().map(exclusion).collect::<PgResult<_>>()?);
        self.audit_last = Some(audit.first().map(audit_entry).transpose()?);
        Ok(())
    }

    /// After a write that may touch any table (`portable_insert`).
    pub fn forget_all(&mut self) {
        *self = TxCache::default();
    }
}
