//! Bulk loads put off the indexes that a load never reads.
//!
//! An index with random keys costs a page read and a page write per row
//! once it outgrows the page cache, and every batch commit writes each page
//! it dirtied again: at 10 million attributes the value index alone is some
//! 80,000 pages, nearly all rewritten by every batch. Built once at the end,
//! the same index is one sort. Only indexes that the import itself never
//! consults are deferred (searches use them; writes look up uuids, events
//! and correlation keys, which stay).

use rusqlite::Connection;

use crate::backend_err;
use jisr_store::Result;

/// Name and definition of each deferrable index, as the migrations leave
/// them (`deferred_indexes_match_the_schema` checks this).
const DEFERRABLE: &[(&str, &str)] = &[
    (
        "attributes_value1",
        "CREATE INDEX attributes_value1 ON attributes(value1 COLLATE NOCASE)",
    ),
    (
        "attributes_value2",
        "CREATE INDEX attributes_value2 ON attributes(value2 COLLATE NOCASE) WHERE value2 <> ''",
    ),
    (
        "attributes_type",
        "CREATE INDEX attributes_type ON attributes(type)",
    ),
];

/// Loads smaller than this keep their indexes whatever the database holds:
/// rebuilding costs a sort of every row, which a small load does not repay.
const LEAST_DEFERRED_BYTES: u64 = 64 << 20;

/// Whether a load of `expected_bytes` of JSON into a database file of
/// `database_bytes` should defer. A stored attribute takes about as many
/// bytes as its MISP JSON, so this defers when the load adds at least a
/// quarter of what is there: the rebuild sorts every row, old and new.
pub(crate) fn worth_deferring(expected_bytes: u64, database_bytes: u64) -> bool {
    expected_bytes >= LEAST_DEFERRED_BYTES && expected_bytes >= database_bytes / 4
}

pub(crate) fn drop_deferrable(conn: &Connection) -> Result<()> {
    let mut sql = String::from("BEGIN IMMEDIATE;");
    for (name, _) in DEFERRABLE {
        sql.push_str(&format!("DROP INDEX IF EXISTS {name};"));
    }
    sql.push_str("COMMIT;");
    conn.execute_batch(&sql).map_err(backend_err)
}

/// Builds every deferrable index that is missing; a no-op when none is.
/// The sort runs through temporary files: with the connection's
/// temp_store = MEMORY, its runs stayed in memory (with the bulk load's
/// cache, building the value index of 3 million attributes peaked at 316 MB).
pub(crate) fn restore(conn: &Connection) -> Result<()> {
    let mut missing = vec![];
    for (name, create) in DEFERRABLE {
        let present: bool = conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?1)",
                [name],
                |r| r.get(0),
            )
            .map_err(backend_err)?;
        if !present {
            missing.push(*create);
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    conn.execute_batch("PRAGMA temp_store = FILE;")
        .map_err(backend_err)?;
    let built = missing
        .iter()
        .try_for_each(|create| conn.execute_batch(create).map_err(backend_err));
    conn.execute_batch("PRAGMA temp_store = MEMORY;")
        .map_err(backend_err)?;
    built
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn index_sql(conn: &Connection) -> Vec<(String, String)> {
        let mut st = conn
            .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn deferred_indexes_match_the_schema() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::schema::migrate(&mut conn).unwrap();
        let before = index_sql(&conn);
        for (name, create) in DEFERRABLE {
            assert!(
                before.iter().any(|(n, sql)| n == name && sql == create),
                "{name} is not defined as {create}"
            );
        }
        drop_deferrable(&conn).unwrap();
        let dropped = index_sql(&conn);
        assert_eq!(dropped.len(), before.len() - DEFERRABLE.len());
        restore(&conn).unwrap();
        assert_eq!(index_sql(&conn), before);
        restore(&conn).unwrap();
        assert_eq!(index_sql(&conn), before);
    }

    #[test]
    fn only_large_loads_defer() {
        assert!(!worth_deferring(0, 0));
        assert!(!worth_deferring(10 << 20, 0));
        assert!(worth_deferring(100 << 20, 0));
        assert!(worth_deferring(1 << 30, 4 << 30));
        assert!(!worth_deferring(100 << 20, 4 << 30));
    }
}
