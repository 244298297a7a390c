//! The embedded SQLite backend: one writer connection behind a lock (SQLite
//! allows one writer at a time anyway) and a small pool of readers, all in
//! WAL mode so that readers never block the writer.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts;
mod activity;
mod audit;
mod bulk;
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

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use jisr_store::{DeferIndexes, Result, Store, StoreError, Tx};
use rusqlite::Connection;

pub use schema::SCHEMA_VERSION;

pub(crate) fn backend_err(e: rusqlite::Error) -> StoreError {
    if let rusqlite::Error::SqliteFailure(f, msg) = &e
        && f.code == rusqlite::ErrorCode::ConstraintViolation
    {
        return StoreError::Conflict(msg.clone().unwrap_or_else(|| e.to_string()));
    }
    StoreError::Backend(e.to_string())
}

pub struct SqliteStore {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
}

fn open_connection(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path).map_err(backend_err)?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
         PRAGMA busy_timeout = 10000; PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY;
         PRAGMA wal_autocheckpoint = 16000;",
    )
    .map_err(backend_err)?;
    // A write touches many distinct statements (and IN lists of varying
    // length); with rusqlite's default of 16 they evict each other and are
    // parsed again on every use.
    conn.set_prepared_statement_cache_capacity(256);
    Ok(conn)
}

impl SqliteStore {
    /// Opens (creating if needed) the database file and applies migrations.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let mut writer = open_connection(&path)?;
        schema::migrate(&mut writer)?;
        // A bulk load that was cut short left them out.
        bulk::restore(&writer)?;
        Ok(SqliteStore {
            path,
            writer: Mutex::new(writer),
            readers: Mutex::new(Vec::new()),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn writer(&self) -> Result<MutexGuard<'_, Connection>> {
        self.writer
            .lock()
            .map_err(|_| StoreError::Backend("writer lock poisoned".into()))
    }

    fn begin<'a>(&'a self, conn: Held<'a>, sql: &str) -> Result<Box<dyn Tx + 'a>> {
        conn.execute_batch(sql).map_err(backend_err)?;
        Ok(Box::new(SqliteTx { conn, open: true }))
    }
}

impl Store for SqliteStore {
    fn read(&self) -> Result<Box<dyn Tx + '_>> {
        let pooled = self
            .readers
            .lock()
            .map_err(|_| StoreError::Backend("reader pool poisoned".into()))?
            .pop();
        let conn = match pooled {
            Some(c) => c,
            None => open_connection(&self.path)?,
        };
        self.begin(Held::Reader(Some(conn), &self.readers), "BEGIN DEFERRED")
    }

    fn write(&self) -> Result<Box<dyn Tx + '_>> {
        let guard = self.writer()?;
        self.begin(Held::Writer(guard), "BEGIN IMMEDIATE")
    }

    /// Every commit writes each page it dirtied to the WAL, and every
    /// checkpoint writes it again to the database. Keys of the uuid, value
    /// and correlation indexes are random, so at millions of attributes
    /// nearly every indexed row dirties a page of its own: measured on a
    /// 1,000,000-attribute import, a 100 MB cache and checkpoints every
    /// 256 MB (a page touched by several batches is written back once) cut
    /// what was read through the kernel from 17.8 GB to 4.5 GB and what
    /// was written from 9.7 GB to 2.5 GB. Indexes the load never reads are
    /// dropped for its length when it is large (see `bulk`). The cache is
    /// 150 MB: at 10 million attributes, with large batches, the import
    /// peaked at 235 MB resident and went from 804 s (100 MB) to 507 s
    /// together with the deferred name-pair indexes.
    fn begin_bulk_load(&self, expected_bytes: u64, defer: DeferIndexes) -> Result<bool> {
        let conn = self.writer()?;
        conn.execute_batch("PRAGMA cache_size = -150000; PRAGMA wal_autocheckpoint = 65536;")
            .map_err(backend_err)?;
        let deferring = defer.applies(expected_bytes, || {
            Ok(std::fs::metadata(&self.path).map_or(0, |m| m.len()))
        })?;
        if deferring {
            bulk::drop_deferrable(&conn)?;
        }
        Ok(deferring)
    }

    fn finish_bulk_load(&self) -> Result<()> {
        let conn = self.writer()?;
        // Back to the usual cache: SQLite's sorter may hold as much as the
        // cache, on top of it (see `bulk::restore`).
        conn.execute_batch("PRAGMA cache_size = -32000;")
            .map_err(backend_err)?;
        bulk::restore(&conn)
    }

    fn backend_name(&self) -> &'static str {
        "sqlite"
    }

    fn backup(&self, to: &Path) -> Result<()> {
        if to.exists() {
            return Err(StoreError::Conflict(format!(
                "{} exists already; choose a new file",
                to.display()
            )));
        }
        // VACUUM INTO copies one read snapshot: consistent while writers go on.
        let conn = open_connection(&self.path)?;
        let target = to.to_string_lossy().into_owned();
        conn.execute("VACUUM INTO ?1", [target])
            .map_err(backend_err)?;
        Ok(())
    }
}

/// A connection held for the length of a transaction.
enum Held<'a> {
    Writer(MutexGuard<'a, Connection>),
    Reader(Option<Connection>, &'a Mutex<Vec<Connection>>),
}

impl Deref for Held<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        match self {
            Held::Writer(g) => g,
            // The option is only emptied in Drop.
            Held::Reader(c, _) => c.as_ref().unwrap_or_else(|| unreachable_connection()),
        }
    }
}

impl DerefMut for Held<'_> {
    fn deref_mut(&mut self) -> &mut Connection {
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
            && pool.len() < 8
        {
            pool.push(conn);
        }
    }
}

pub struct SqliteTx<'a> {
    conn: Held<'a>,
    open: bool,
}

impl SqliteTx<'_> {
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

impl Tx for SqliteTx<'_> {
    fn commit(mut self: Box<Self>) -> Result<()> {
        self.conn.execute_batch("COMMIT").map_err(backend_err)?;
        self.open = false;
        Ok(())
    }
}

impl Drop for SqliteTx<'_> {
    fn drop(&mut self) {
        if self.open {
            // Nothing to report to: the caller already failed or gave up.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

#[cfg(test)]
mod tests;
