//! The PostgreSQL backend: the same `Store`/`Tx` behaviour as the SQLite
//! backend (the conformance suite is the judge), over `tokio-postgres`
//! driven by a current-thread runtime per connection (what the synchronous
//! `postgres` crate does inside), so that callers stay synchronous.
//!
//! Round trips: jisr's statements are short, so a write's time is mostly
//! the number of times it waits for the server. We use the async client
//! for one thing the synchronous one cannot do: send a request without
//! waiting for the answer to the one before. A transaction's `BEGIN` and
//! each write's savepoint travel with the statement they prepare for
//! ([`Conn::run`]), instead of costing a round trip each.
//!
//! Connections: one writer connection behind a lock and a small pool of
//! reader connections, the same shape as the SQLite backend. We keep our own
//! pool rather than pulling in r2d2: the store needs exactly two kinds of
//! connection with different life cycles (a single serialised writer and
//! interchangeable readers), a broken connection is simply not returned to
//! the pool, and the whole thing is thirty lines with no extra dependency.
//!
//! Writers are serialised twice: in-process by the writer mutex (so a
//! waiting request does not hold a second connection), and across processes
//! sharing the database by a transaction-scoped advisory lock taken first
//! thing in every write transaction. With that lock, READ COMMITTED sees
//! every earlier committed write, so read-modify-write sequences such as the
//! `attribute_count` recount are as safe as under SQLite's single writer —
//! without SERIALIZABLE, whose serialisation failures would need a retry
//! loop that the `Tx` interface has no place for.
//!
//! Statement failures: in PostgreSQL an error aborts the whole transaction,
//! whereas in SQLite only the failing statement is undone and the caller
//! may carry on (the conformance suite inserts a duplicate, expects
//! `Conflict`, and keeps using the transaction). Every write in a write
//! transaction therefore runs under a savepoint that is rolled back on error.
//! Savepoints are not free (a subtransaction per write; before they were
//! sent with the write, also a round trip: about 1.5x the time of an
//! import-shaped load, measured on a busy two-core machine, so noisy), so
//! [`PgStore::write_atomic`] offers
//! write transactions without them for callers that abandon the whole
//! transaction on any error anyway (`jisr import`: one event, all or nothing).
//!
//! Either way, a transaction that PostgreSQL has aborted is never reported
//! as committed: PostgreSQL answers COMMIT of an aborted transaction by
//! rolling back without an error, so the `Tx` remembers failures itself.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

/// Positional parameters for a statement (`$1`, `$2`, …).
macro_rules! params {
    ($($x:expr),* $(,)?) => {
        &[$(&$x as &(dyn tokio_postgres::types::ToSql + Sync)),*] as &[&(dyn tokio_postgres::types::ToSql + Sync)]
    };
}

mod accounts;
mod activity;
mod audit;
mod bulk;
mod conn;
mod correlation;
mod directory;
mod events;
mod federation;
mod ids;
mod new_rows;
mod portable;
mod proposals;
mod rows;
mod schema;
mod search;
mod sending;
mod sharing_groups;
mod tags;
mod tx_cache;

pub use tokio_postgres::Config;

use std::ops::{Deref, DerefMut};
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use jisr_store::{DeferIndexes, Result, Store, StoreError, Tx};

pub(crate) use crate::conn::{Answer, Conn, Failed, Request, Want};

pub use schema::SCHEMA_VERSION;

/// Maps a driver error: integrity-constraint violations (SQLSTATE class
/// 23: unique 23505, foreign key 23503, not null 23502, check 23514) are
/// `Conflict`, as SQLite's constraint violations are; the rest `Backend`.
pub(crate) fn backend_err(e: tokio_postgres::Error) -> StoreError {
    if let Some(db) = e.as_db_error()
        && db.code().code().starts_with("23")
    {
        let msg = match db.detail() {
            Some(d) => format!("{} ({d})", db.message()),
            None => db.message().to_string(),
        };
        return StoreError::Conflict(msg);
    }
    StoreError::Backend(e.to_string())
}

/// Reader connections kept for reuse.
const READER_POOL: usize = 8;

pub struct PgStore {
    config: Config,
    writer: Mutex<Conn>,
    readers: Mutex<Vec<Conn>>,
    /// A bulk load of this store deferred indexes (`bulk`) and has not
    /// built them again yet.
    deferred: AtomicBool,
}

impl PgStore {
    /// Connects to `url` (`postgres://user[:password]@host[:port]/db`, or a
    /// libpq key=value string) and applies migrations.
    pub fn connect(url: &str) -> Result<Self> {
        let config = Config::from_str(url).map_err(|e| StoreError::Backend(e.to_string()))?;
        Self::connect_config(config)
    }

    /// As [`PgStore::connect`], from a ready configuration (e.g. with
    /// `options("-c search_path=…")` to keep one instance in its own schema).
    pub fn connect_config(config: Config) -> Result<Self> {
        let mut writer = Conn::open(&config)?;
        schema::migrate(&mut writer)?;
        // A bulk load that was cut short left them out.
        bulk::restore(&mut writer)?;
        Ok(PgStore {
            config,
            writer: Mutex::new(writer),
            readers: Mutex::new(Vec::new()),
            deferred: AtomicBool::new(false),
        })
    }

    /// A write transaction without per-statement savepoints: faster, but
    /// the first failed statement dooms the whole transaction (every later
    /// statement and `commit` fail). For all-or-nothing work such as imports.
    pub fn write_atomic(&self) -> Result<Box<dyn Tx + '_>> {
        self.write_with(Guard::None)
    }

    /// The writer connection, reconnected if it was lost: a server restart
    /// or network failure closes it for good, and every later write would
    /// fail.
    fn writer(&self) -> Result<MutexGuard<'_, Conn>> {
        let mut guard = self
            .writer
            .lock()
            .map_err(|_| StoreError::Backend("writer lock poisoned".into()))?;
        if !guard.usable() {
            *guard = Conn::open(&self.config)?;
        }
        Ok(guard)
    }

    fn write_with(&self, guard_mode: Guard) -> Result<Box<dyn Tx + '_>> {
        let guard = self.writer()?;
        self.begin(Held::Writer(guard), BEGIN_WRITE, guard_mode, true)
    }

    /// The transaction begins with its first statement, in the same round
    /// trip; one that runs none never reaches the server.
    fn begin<'a>(
        &'a self,
        conn: Held<'a>,
        sql: &'static str,
        guard: Guard,
        prefetch: bool,
    ) -> Result<Box<dyn Tx + 'a>> {
        Ok(Box::new(PgTx {
            conn,
            deferred: &self.deferred,
            begin: Some(sql),
            prefetch,
            open: true,
            guard,
            savepoint: false,
            failed: false,
            cache: tx_cache::TxCache::default(),
            deferred_writes: Vec::new(),
            reserved_ids: (prefetch && guard == Guard::None).then(ids::ReservedIds::default),
        }))
    }
}

/// Serialises writers of one jisr data set across processes: the key is the
/// schema, so instances kept in different schemas of a database do not wait
/// for each other.
const BEGIN_WRITE: &str =
    "BEGIN; SELECT pg_advisory_xact_lock(hashtext('jisr-writer:' || current_schema()))";
/// A consistent snapshot for the whole read, like SQLite's read transaction.
const BEGIN_READ: &str = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

impl Store for PgStore {
    fn read(&self) -> Result<Box<dyn Tx + '_>> {
        let pooled = self
            .readers
            .lock()
            .map_err(|_| StoreError::Backend("reader pool poisoned".into()))?
            .pop();
        let conn = match pooled {
            Some(c) if c.usable() => Box::new(c),
            _ => Box::new(Conn::open(&self.config)?),
        };
        self.begin(
            Held::Reader(Some(conn), &self.readers),
            BEGIN_READ,
            Guard::None,
            false,
        )
    }

    fn write_all_or_nothing(&self) -> Result<Box<dyn Tx + '_>> {
        self.write_atomic()
    }
    fn write(&self) -> Result<Box<dyn Tx + '_>> {
        self.write_with(Guard::Savepoint)
    }

    /// Indexes the load never reads are dropped for its length when it is
    /// large (see `bulk`).
    fn begin_bulk_load(&self, expected_bytes: u64, defer: DeferIndexes) -> Result<bool> {
        let mut conn = self.writer()?;
        let deferring = defer.applies(expected_bytes, || bulk::database_bytes(&mut conn))?;
        if deferring {
            self.deferred.store(true, Ordering::SeqCst);
            bulk::drop_deferrable(&mut conn)?;
        }
        Ok(deferring)
    }

    fn finish_bulk_load(&self) -> Result<()> {
        let mut conn = self.writer()?;
        bulk::restore_in_parallel(&mut conn, &self.config)?;
        self.deferred.store(false, Ordering::SeqCst);
        bulk::analyze(&mut conn)
    }

    fn backend_name(&self) -> &'static str {
        "postgres"
    }

    fn backup(&self, to: &std::path::Path) -> Result<()> {
        if to.exists() {
            return Err(StoreError::Conflict(format!(
                "{} exists already; choose a new file",
                to.display()
            )));
        }
        // A logical dump by PostgreSQL's own tool: one consistent snapshot, restorable with pg_restore.
        let mut cmd = std::process::Command::new(pg_tool("pg_dump"));
        cmd.arg("--format=custom")
            .arg("--no-password")
            .arg("--file")
            .arg(to);
        dump_connection_args(&self.config, &mut cmd);
        let out = cmd.output().map_err(|e| {
            StoreError::Backend(format!(
                "cannot run pg_dump (install postgresql-client): {e}"
            ))
        })?;
        if !out.status.success() {
            return Err(StoreError::Backend(format!(
                "pg_dump failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            )));
        }
        Ok(())
    }
}

/// A PostgreSQL client tool: on PATH, or the newest in Debian's versioned folders.
pub fn pg_tool(name: &str) -> std::path::PathBuf {
    let mut versions: Vec<std::path::PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| {
            d.flatten()
                .map(|e| e.path().join("bin").join(name))
                .filter(|p| p.exists())
                .collect()
        })
        .unwrap_or_default();
    versions.sort();
    versions
        .pop()
        .unwrap_or_else(|| std::path::PathBuf::from(name))
}

/// Host, port, user, database (and password, through the environment) for libpq tools.
pub fn dump_connection_args(config: &Config, cmd: &mut std::process::Command) {
    if let Some(tokio_postgres::config::Host::Tcp(h)) = config.get_hosts().first() {
        cmd.arg("--host").arg(h);
    }
    if let Some(p) = config.get_ports().first() {
        cmd.arg("--port").arg(p.to_string());
    }
    if let Some(u) = config.get_user() {
        cmd.arg("--username").arg(u);
    }
    if let Some(d) = config.get_dbname() {
        cmd.arg("--dbname").arg(d);
    }
    if let Some(pw) = config.get_password() {
        cmd.env("PGPASSWORD", String::from_utf8_lossy(pw).into_owned());
    }
}

/// A connection held for the length of a transaction.
enum Held<'a> {
    Writer(MutexGuard<'a, Conn>),
    // Boxed: a connection is large, a guard is a pointer.
    Reader(Option<Box<Conn>>, &'a Mutex<Vec<Conn>>),
}

impl Deref for Held<'_> {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        match self {
            Held::Writer(g) => g,
            // The option is only emptied in Drop.
            Held::Reader(c, _) => c.as_ref().unwrap_or_else(|| unreachable_connection()),
        }
    }
}

impl DerefMut for Held<'_> {
    fn deref_mut(&mut self) -> &mut Conn {
        match self {
            Held::Writer(g) => g,
            Held::Reader(c, _) => c.as_mut().unwrap_or_else(|| unreachable_connection()),
        }
    }
}

#[allow(clippy::panic)]
fn unreachable_connection() -> ! {
    panic!("reader connection used after release")
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        if let Held::Reader(c, pool) = self
            && let (Some(conn), Ok(mut pool)) = (c.take(), pool.lock())
            && pool.len() < READER_POOL
            && conn.usable()
        {
            pool.push(*conn);
        }
    }
}

/// How the writes of a transaction are protected from each other's failure.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Guard {
    /// Read transactions, and `write_atomic`: no savepoints.
    None,
    /// Each write under a savepoint, as SQLite undoes only a failed statement.
    Savepoint,
}

pub struct PgTx<'a> {
    conn: Held<'a>,
    /// The store's: whether deletes must build the name-pair indexes first.
    deferred: &'a AtomicBool,
    /// The BEGIN not sent yet: it goes ahead of the first statement.
    begin: Option<&'static str>,
    /// Whether the first statement brings the cache's reads with it (see
    /// `tx_cache`): write transactions.
    prefetch: bool,
    open: bool,
    guard: Guard,
    /// Whether savepoint `w` exists (it is then moved forward, not stacked).
    savepoint: bool,
    /// Whether PostgreSQL may have aborted the transaction: set by any
    /// failed statement that no savepoint contained.
    pub(crate) failed: bool,
    pub(crate) cache: tx_cache::TxCache,
    /// Writes queued by [`PgTx::defer`], sent with the next statement.
    deferred_writes: Vec<sending::Deferred>,
    /// Ids taken ahead for new rows: in write transactions that write all
    /// or nothing (see `ids`).
    reserved_ids: Option<ids::ReservedIds>,
}

impl PgTx<'_> {
    /// Before a delete of attributes or name pairs: builds the name-pair
    /// indexes if a bulk load of this store deferred them (the delete would
    /// otherwise scan every pair). In this transaction, so a rollback takes
    /// them away again, and the next delete builds them again.
    pub(crate) fn ensure_for_deletes(&mut self) -> Result<()> {
        if !self.deferred.load(Ordering::SeqCst) {
            return Ok(());
        }
        for (_, create) in bulk::FOR_DELETES {
            self.exec(&bulk::if_not_exists(create), params![])?;
        }
        Ok(())
    }
}

impl Tx for PgTx<'_> {
    fn attributes_with_value(
        &mut self,
        event_id: i64,
        value1: &str,
    ) -> Result<Vec<jisr_model::Attribute>> {
        // Exact but for case: one short statement instead of restSearch's
        // query (whose planning alone took a sixth of an added attribute's
        // time) and a second read. Planned for the value: a common one is
        // best found through the event, a rare one through its index.
        self.many_planned(
            &format!(
                "SELECT {} FROM attributes WHERE event_id = $1 AND lower(value1) = lower($2)
                 AND deleted = FALSE AND object_id = 0 ORDER BY id",
                rows::ATTRIBUTE_COLS
            ),
            params![event_id, value1],
            rows::attribute,
        )
    }

    fn send_held_writes(&mut self) -> Result<()> {
        self.launch_deferred()
    }

    fn commit(mut self: Box<Self>) -> Result<()> {
        if self.failed {
            // Drop rolls back.
            return Err(StoreError::Backend(
                "an earlier statement failed and aborted the transaction; nothing was committed"
                    .into(),
            ));
        }
        if self.begin.is_some() {
            // Nothing was sent: nothing to commit.
            self.open = false;
            return Ok(());
        }
        self.give_back_unused_ids()?;
        self.open = false;
        self.send_commit()
    }
}

impl Drop for PgTx<'_> {
    fn drop(&mut self) {
        if self.open && self.begin.is_none() {
            // Nothing to report to: the caller already failed or gave up. A
            // connection that cannot roll back is retired, never reused
            // while possibly still inside this transaction.
            self.conn.discard_in_flight();
            if self.conn.batch_execute("ROLLBACK").is_err() {
                self.conn.broken = true;
            }
        }
    }
}

#[cfg(test)]
mod tests;
