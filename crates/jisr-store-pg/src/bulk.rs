//! Bulk loads put off the indexes that a load never reads, as the SQLite
//! backend does (see its `bulk` module for the measurements there).
//!
//! Here the deferred indexes are mostly hash indexes on values: a value
//! held by thousands of attributes (a public resolver, a small number) is
//! one bucket whose chain of overflow pages every insert of it walks, and
//! each row costs a descent of every index. Built once at the end, each is
//! one pass over the table. Only indexes that the import itself never
//! consults are deferred: writes look up uuids, events and correlation
//! keys, which stay.

use jisr_store::{Result, StoreError};
use tokio_postgres::Config;

use crate::{Answer, Conn, Failed, Want, backend_err};

/// Name and definition of each deferrable index, as the migrations leave
/// them (`deferred_indexes_match_the_schema` checks this). The order
/// balances the two connections that build them (`restore_in_parallel`
/// takes every other one); at 10,000,000 attributes value1 and the value
/// pair took 11 s each, the type 5 s, value2 2 s, the name pairs' 0.6 s.
pub(crate) const DEFERRABLE: &[(&str, &str)] = &[
    (
        "attributes_value1",
        "CREATE INDEX attributes_value1 ON attributes USING hash (lower(value1))",
    ),
    (
        "attributes_value_pair",
        "CREATE INDEX attributes_value_pair ON attributes USING hash (lower(value1 || '|' || value2))",
    ),
    (
        "attributes_type",
        "CREATE INDEX attributes_type ON attributes(type)",
    ),
    (
        "attributes_value2",
        "CREATE INDEX attributes_value2 ON attributes USING hash (lower(value2)) WHERE value2 <> ''",
    ),
    FOR_DELETES[0],
    FOR_DELETES[1],
];

/// The name pairs by event (read by views) and by the other attribute.
/// Deleting an attribute, or re-indexing an edited one, finds its pairs
/// through them, so the paths that delete build them first when this store
/// deferred them (`ensure_for_deletes`). A load by another process leaves
/// this one's deletes correct, only slower, until that load ends.
pub(crate) const FOR_DELETES: [(&str, &str); 2] = [
    (
        "correlation_names_event",
        "CREATE INDEX correlation_names_event ON correlation_names(event_id)",
    ),
    (
        "correlation_names_other",
        "CREATE INDEX correlation_names_other ON correlation_names(other_id)",
    ),
];

/// What the tables and their indexes of this instance's schema take.
pub(crate) fn database_bytes(conn: &mut Conn) -> Result<u64> {
    let bytes: i64 = one_i64(
        conn,
        "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND c.relkind = 'r'",
        None,
    )?;
    Ok(u64::try_from(bytes).unwrap_or(0))
}

fn one_i64(conn: &mut Conn, sql: &str, name: Option<&str>) -> Result<i64> {
    let answer = match name {
        Some(n) => conn.run(None, sql, params![n], Want::Rows),
        None => conn.run(None, sql, params![], Want::Rows),
    }
    .map_err(Failed::error)?;
    match answer {
        Answer::Rows(rows) => match rows.first() {
            Some(r) => r.try_get(0).map_err(backend_err),
            None => Ok(0),
        },
        Answer::Count(_) => Ok(0),
    }
}

/// Runs `sql` in a transaction of its own under the writer lock (the
/// migrations' way), so that no write of this data set interleaves.
fn under_writer_lock(conn: &mut Conn, sql: &str) -> Result<()> {
    let whole = format!(
        "BEGIN; SELECT pg_advisory_xact_lock(hashtext('jisr-writer:' || current_schema())); {sql}; COMMIT"
    );
    if let Err(e) = conn.batch_execute(&whole) {
        // A failed statement leaves the transaction open and aborted.
        let _ = conn.batch_execute("ROLLBACK");
        return Err(backend_err(e));
    }
    Ok(())
}

pub(crate) fn drop_deferrable(conn: &mut Conn) -> Result<()> {
    let drops: Vec<String> = DEFERRABLE
        .iter()
        .map(|(name, _)| format!("DROP INDEX IF EXISTS {name}"))
        .collect();
    under_writer_lock(conn, &drops.join("; "))
}

fn missing<'a>(conn: &mut Conn, of: &[(&str, &'a str)]) -> Result<Vec<&'a str>> {
    let mut out = vec![];
    for (name, create) in of {
        let present = one_i64(
            conn,
            "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = $1",
            Some(name),
        )?;
        if present == 0 {
            out.push(*create);
        }
    }
    Ok(out)
}

/// Builds every deferrable index that is missing; a no-op when none is.
/// Returns whether any was.
pub(crate) fn restore(conn: &mut Conn) -> Result<bool> {
    build(conn, DEFERRABLE)
}

/// As [`restore`], on two connections at once: each build is one server
/// process reading a whole table, so two use both cores of a small machine
/// (at 10,000,000 attributes the six took 31 s one after another, 22 s
/// this way). The writer's half runs under the writer lock; the other half
/// needs none, as building an index locks its table against writes anyway.
pub(crate) fn restore_in_parallel(conn: &mut Conn, config: &Config) -> Result<bool> {
    let missing = missing(conn, DEFERRABLE)?;
    if missing.len() < 2 {
        return create(conn, &missing);
    }
    let script = |half: usize| -> String {
        missing
            .iter()
            .skip(half)
            .step_by(2)
            .map(|c| if_not_exists(c))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let (mine, theirs) = (script(0), script(1));
    std::thread::scope(|s| {
        let other = s.spawn(|| -> Result<()> {
            let mut helper = Conn::open(config)?;
            helper.batch_execute(&theirs).map_err(backend_err)
        });
        let here = under_writer_lock(conn, &mine);
        let there = other.join().unwrap_or_else(|_| {
            Err(StoreError::Backend(
                "the second index-building connection stopped unexpectedly".into(),
            ))
        });
        here.and(there)
    })?;
    Ok(true)
}

/// What the planner knows of the tables a load filled, brought up to date.
/// Until autovacuum next looks, it plans as for the tables before the load:
/// on an instance just loaded with 10,000,000 attributes an added attribute
/// took 179 ms and an event view 4.0 s, against 0.91 ms and 24 ms after this
/// (1.3 s; it reads a sample of each table).
pub(crate) fn analyze(conn: &mut Conn) -> Result<()> {
    conn.batch_execute(
        "ANALYZE events, objects, attributes, correlation_keys, correlation_ranges, correlation_names",
    )
    .map_err(backend_err)
}

/// `create` that does nothing when the index exists.
pub(crate) fn if_not_exists(create: &str) -> String {
    create.replacen("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1)
}

fn build(conn: &mut Conn, of: &[(&str, &str)]) -> Result<bool> {
    let missing = missing(conn, of)?;
    create(conn, &missing)
}

/// Creates the `missing` indexes under the writer lock; false when there
/// are none.
fn create(conn: &mut Conn, missing: &[&str]) -> Result<bool> {
    if missing.is_empty() {
        return Ok(false);
    }
    // Another process may have built one since we looked.
    let creates: Vec<String> = missing.iter().map(|c| if_not_exists(c)).collect();
    under_writer_lock(conn, &creates.join("; "))?;
    Ok(true)
}
