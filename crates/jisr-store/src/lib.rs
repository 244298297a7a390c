//! The storage interface every backend implements, and the query types for
//! restSearch. Knows the model and the policy's [`Scope`], never HTTP.
//!
//! A store hands out transactions ([`Tx`]); every request runs in exactly
//! one, so a rejected or interrupted write leaves nothing behind: dropping a
//! `Tx` without [`Tx::commit`] rolls it back.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[cfg(feature = "conformance")]
pub mod conformance;
mod correlation;
mod federation;
mod portable;
mod query;
mod tx;

pub use correlation::*;
pub use federation::FederationTx;
pub use portable::{Cell, PortableTx, TableShape, load_order};
pub use query::*;
pub use tx::*;

/// What can go wrong in a store, in words a client can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0} not found")]
    NotFound(String),
    #[error("conflict: {0}")]
    Conflict(String),
    #[error(
        "the database schema (version {found}) is newer than this jisr understands (version {supported}); upgrade jisr"
    )]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("database error: {0}")]
    Backend(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Whether a bulk load may put off index maintenance (`jisr import --defer-indexes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeferIndexes {
    /// When the load is large against what the store already holds.
    Auto,
    Always,
    Never,
}

impl DeferIndexes {
    /// Loads smaller than this keep their indexes whatever the store holds:
    /// building them again costs a pass over every row, which a small load
    /// does not repay.
    pub const LEAST_DEFERRED_BYTES: u64 = 64 << 20;

    /// Whether a load of `expected_bytes` of MISP JSON defers, into a store
    /// whose tables take `database_bytes` (asked only for `Auto`). A stored
    /// attribute takes about as many bytes as its JSON, so `Auto` defers
    /// when the load adds at least a quarter of what is there: the build
    /// at the end reads every row, old and new.
    pub fn applies(
        self,
        expected_bytes: u64,
        database_bytes: impl FnOnce() -> Result<u64>,
    ) -> Result<bool> {
        Ok(match self {
            DeferIndexes::Always => true,
            DeferIndexes::Never => false,
            DeferIndexes::Auto => {
                expected_bytes >= Self::LEAST_DEFERRED_BYTES
                    && expected_bytes >= database_bytes()? / 4
            }
        })
    }
}

/// A storage backend: hands out read and write transactions.
pub trait Store: Send + Sync {
    /// A read-only snapshot.
    fn read(&self) -> Result<Box<dyn Tx + '_>>;
    /// A write transaction; writers are serialised.
    fn write(&self) -> Result<Box<dyn Tx + '_>>;
    /// A write transaction for all-or-nothing work (one imported or synced
    /// event): the first failed statement dooms it, so a backend may skip
    /// the per-statement safety net that lets a failed write undo only
    /// itself (PostgreSQL's savepoints, a round trip each).
    fn write_all_or_nothing(&self) -> Result<Box<dyn Tx + '_>> {
        self.write()
    }
    /// A long bulk load (an import of about `expected_bytes` of MISP JSON,
    /// 0 when unknown) follows on this store: the backend may trade memory
    /// for fewer writes while it lasts, and when `defer` allows it, stop
    /// maintaining indexes that the load never reads, to build them once at
    /// the end (`finish_bulk_load`). Returns whether it deferred any; a load
    /// cut short has them built when the store is next opened.
    fn begin_bulk_load(&self, expected_bytes: u64, defer: DeferIndexes) -> Result<bool> {
        let _ = (expected_bytes, defer);
        Ok(false)
    }
    /// Builds what `begin_bulk_load` deferred (nothing when it deferred nothing).
    fn finish_bulk_load(&self) -> Result<()> {
        Ok(())
    }
    /// The backend's name, for logs and `getVersion`.
    fn backend_name(&self) -> &'static str;
    /// Writes a consistent copy of the whole database to `to` while the
    /// instance keeps running (SQLite: a snapshot file; PostgreSQL: a dump).
    fn backup(&self, to: &std::path::Path) -> Result<()>;
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::DeferIndexes;

    #[test]
    fn only_large_loads_defer_by_themselves() {
        let auto = |expected: u64, database: u64| {
            DeferIndexes::Auto
                .applies(expected, || Ok(database))
                .unwrap()
        };
        assert!(!auto(0, 0));
        assert!(!auto(10 << 20, 0));
        assert!(auto(100 << 20, 0));
        assert!(auto(1 << 30, 4 << 30));
        assert!(!auto(100 << 20, 4 << 30));
        let never_asked = || -> super::Result<u64> { unreachable!() };
        assert!(DeferIndexes::Always.applies(0, never_asked).unwrap());
        assert!(!DeferIndexes::Never.applies(u64::MAX, never_asked).unwrap());
    }
}
