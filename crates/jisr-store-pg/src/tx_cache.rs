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

use std::collections::HashMap;

use jisr_store::CorrelationExclusion;

#[derive(Default)]
pub(crate) struct TxCache {
    /// The whole settings table, read on the first `setting_get`.
    pub settings: Option<HashMap<String, String>>,
    pub exclusions: Option<Vec<CorrelationExclusion>>,
    /// The newest audit entry's id and hash (`None` inside: the log is empty).
    pub audit_last: Option<Option<(i64, String)>>,
}

impl TxCache {
    /// After a write that may touch any table (`portable_insert`).
    pub fn forget_all(&mut self) {
        *self = TxCache::default();
    }
}
