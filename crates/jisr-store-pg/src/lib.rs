//! The PostgreSQL backend: the same `Store`/`Tx` behaviour as the SQLite
//! backend (the conformance suite is the judge), over the synchronous
//! `postgres` client.
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
//! Savepoints are not free (a subtransaction and a round trip per write:
//! about 1.5x the time of an import-shaped load, measured on a busy two-core
//! machine, so noisy), so [`PgStore::write_atomic`] offers
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
        &[$(&$x as &(dyn postgres::types::ToSql + Sync)),*] as &[&(dyn postgres::types::ToSql + Sync)]
    };
}

mod accounts;
mod activity;
mod audit;
mod correlation;
mod directory;
mod events;
mod federation;
mod portable;
mod proposals;
mod rows;
mod schema;
mod search;
mod sharing_groups;
mod tags;

use std::collections::HashMap;
use std::ops::{Deref, DerefMut};
use std::str::FromStr;
use std::sync::{Mutex, MutexGuard};

use jisr_store::{Result, Store, StoreError, Tx};
use postgres::{Client, Config, NoTls, Statement};

pub use schema::SCHEMA_VERSION;

/// Maps a driver error: integrity-constraint violations (SQLSTATE class
/// 23: unique 23505, foreign key 23503, not null 23502, check 23514) are
/// `Conflict`, as SQLite's constraint violations are; the rest `Backend`.
pub(crate) fn backend_err(e: postgres::Error) -> StoreError {
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

/// Prepared statements are cached per connection up to this many distinct
/// texts, then the cache starts over: restSearch builds its SQL per query
/// and would otherwise grow it without bound.
const STATEMENT_CACHE: usize = 256;
/// Reader connections kept for reuse.
const READER_POOL: usize = 8;

/// One connection with its prepared-statement cache.
pub(crate) struct Conn {
    client: Client,
    statements: HashMap<String, Statement>,
    /// Set when a rollback failed: the connection may still be inside a
    /// transaction and must not be used again.
    broken: bool,
}

impl Conn {
    fn open(config: &Config) -> Result<Conn> {
        let mut client = config.connect(NoTls).map_err(backend_err)?;
        // Statements are prepared once per connection, and PostgreSQL may
        // then keep one generic plan for all parameters, chosen from the
        // statistics of that moment: planned while the correlation index
        // was empty, a key lookup stayed a sequential scan as the table grew
        // (thousands of scans of 190 million rows in one 200,000-attribute
        // import). Planning for each execution's parameters costs little
        // beside a round trip, and a skewed key or value gets its own plan.
        client
            .batch_execute("SET plan_cache_mode = force_custom_plan")
            .map_err(backend_err)?;
        // PostgreSQL compiles a query with its JIT once the plan's estimated
        // cost is high, which a scan of the events table with the visibility
        // conditions reaches: measured on 100,000 events, 120 ms of
        // compilation for an 80 ms query, on every console list and search.
        // jisr's queries are short and many; compiling never pays back.
        // (A server without JIT refuses the setting; nothing to turn off then.)
        let _ = client.batch_execute("SET jit = off");
        Ok(Conn {
            client,
            statements: HashMap::new(),
            broken: false,
        })
    }

    fn usable(&self) -> bool {
        !self.broken && !self.client.is_closed()
    }

    pub(crate) fn client(&mut self) -> &mut Client {
        &mut self.client
    }

    /// The prepared statement for `sql`, prepared once per connection.
    pub(crate) fn prepare(&mut self, sql: &str) -> Result<Statement> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let stmt = self.client.prepare(sql).map_err(backend_err)?;
        if self.statements.len() >= STATEMENT_CACHE {
            self.statements.clear();
        }
        self.statements.insert(sql.to_string(), stmt.clone());
        Ok(stmt)
    }
}

pub struct PgStore {
    config: Config,
    writer: Mutex<Conn>,
    readers: Mutex<Vec<Conn>>,
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
        schema::migrate(&mut writer.client)?;
        Ok(PgStore {
            config,
            writer: Mutex::new(writer),
            readers: Mutex::new(Vec::new()),
        })
    }

    /// A write transaction without per-statement savepoints: faster, but
    /// the first failed statement dooms the whole transaction (every later
    /// statement and `commit` fail). For all-or-nothing work such as imports.
    pub fn write_atomic(&self) -> Result<Box<dyn Tx + '_>> {
        self.write_with(Guard::None)
    }

    fn write_with(&self, guard_mode: Guard) -> Result<Box<dyn Tx + '_>> {
        let mut guard = self
            .writer
            .lock()
            .map_err(|_| StoreError::Backend("writer lock poisoned".into()))?;
        // A server restart or network failure closes the connection for good;
        // reconnect rather than failing every later write.
        if !guard.usable() {
            *guard = Conn::open(&self.config)?;
        }
        self.begin(Held::Writer(guard), BEGIN_WRITE, guard_mode)
    }

    fn begin<'a>(
        &'a self,
        mut conn: Held<'a>,
        sql: &str,
        guard: Guard,
    ) -> Result<Box<dyn Tx + 'a>> {
        if let Err(e) = conn.client.batch_execute(sql) {
            // BEGIN may have succeeded before the lock failed: the connection
            // could be left inside a transaction, so it is not used again.
            conn.broken = true;
            return Err(backend_err(e));
        }
        Ok(Box::new(PgTx {
            conn,
            open: true,
            guard,
            savepoint: false,
            failed: false,
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
        )
    }

    fn write_all_or_nothing(&self) -> Result<Box<dyn Tx + '_>> {
        self.write_atomic()
    }
    fn write(&self) -> Result<Box<dyn Tx + '_>> {
        self.write_with(Guard::Savepoint)
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
    if let Some(postgres::config::Host::Tcp(h)) = config.get_hosts().first() {
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
    open: bool,
    guard: Guard,
    /// Whether savepoint `w` exists (it is then moved forward, not stacked).
    savepoint: bool,
    /// Whether PostgreSQL may have aborted the transaction: set by any
    /// failed statement that no savepoint contained.
    pub(crate) failed: bool,
}

impl PgTx<'_> {
    pub(crate) fn conn(&mut self) -> &mut Conn {
        &mut self.conn
    }

    /// Runs one write so that its failure undoes only itself, as in SQLite.
    pub(crate) fn guarded<T>(
        &mut self,
        f: impl FnOnce(&mut Conn) -> std::result::Result<T, StoreError>,
    ) -> Result<T> {
        if self.guard == Guard::None {
            let r = f(&mut self.conn);
            self.failed |= r.is_err();
            return r;
        }
        // Releasing and re-creating in one round trip keeps a single
        // savepoint alive instead of a growing stack of subtransactions.
        let sp = if self.savepoint {
            "RELEASE SAVEPOINT w; SAVEPOINT w"
        } else {
            "SAVEPOINT w"
        };
        if let Err(e) = self.conn.client.batch_execute(sp) {
            self.failed = true;
            return Err(backend_err(e));
        }
        self.savepoint = true;
        match f(&mut self.conn) {
            Ok(v) => Ok(v),
            Err(e) => {
                // If even this fails the transaction is lost; the original
                // error is the one worth reporting.
                if self
                    .conn
                    .client
                    .batch_execute("ROLLBACK TO SAVEPOINT w")
                    .is_err()
                {
                    self.failed = true;
                }
                Err(e)
            }
        }
    }
}

impl Tx for PgTx<'_> {
    fn commit(mut self: Box<Self>) -> Result<()> {
        if self.failed {
            // Drop rolls back.
            return Err(StoreError::Backend(
                "an earlier statement failed and aborted the transaction; nothing was committed"
                    .into(),
            ));
        }
        self.open = false;
        self.conn
            .client
            .batch_execute("COMMIT")
            .map_err(backend_err)
    }
}

impl Drop for PgTx<'_> {
    fn drop(&mut self) {
        if self.open {
            // Nothing to report to: the caller already failed or gave up. A
            // connection that cannot roll back is retired, never reused
            // while possibly still inside this transaction.
            if self.conn.client.batch_execute("ROLLBACK").is_err() {
                self.conn.broken = true;
            }
        }
    }
}

#[cfg(test)]
mod tests;
