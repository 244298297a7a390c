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
    FOR_DELETES[0],
    FOR_DELETES[1],
];

/// The name pairs of the correlation index by event (read by views) and by
/// the other attribute. Every name pair is written twice, so these are two
/// random-key inserts per pair; but deleting an attribute, or re-indexing an
/// edited one, finds its pairs through them, so the paths that delete call
/// `ensure_for_deletes` first (a load may edit the events it imports, and
/// a server may delete while another process loads).
const FOR_DELETES: [(&str, &str); 2] = [
    (
        "correlation_names_event",
        "CREATE INDEX correlation_names_event ON correlation_names(event_id)",
    ),
    (
        "correlation_names_other",
        "CREATE INDEX correlation_names_other ON correlation_names(other_id)",
    ),
];

pub(crate) fn drop_deferrable(conn: &Connection) -> Result<()> {
    let mut sql = String::from("BEGIN IMMEDIATE;");
    for (name, _) in DEFERRABLE {
        sql.push_str(&format!("DROP INDEX IF EXISTS {name};"));
    }
    sql.push_str("COMMIT;");
    conn.execute_batch(&sql).map_err(backend_err)
}

fn missing<'a>(conn: &Connection, of: &[(&str, &'a str)]) -> Result<Vec<&'a str>> {
    let mut out = vec![];
    for (name, create) in of {
        let present: bool = conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?1)",
            )
            .and_then(|mut st| st.query_row([name], |r| r.get(0)))
            .map_err(backend_err)?;
        if !present {
            out.push(*create);
        }
    }
    Ok(out)
}

/// Builds every deferrable index that is missing; a no-op when none is.
/// The sort runs through temporary files: with the connection's
/// temp_store = MEMORY, its runs stayed in memory (with the bulk load's
/// cache, building the value index of 3 million attributes peaked at 316 MB).
pub(crate) fn restore(conn: &Connection) -> Result<()> {
    let missing = missing(conn, DEFERRABLE)?;
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

/// Builds the indexes that deletes of attributes need, in the caller's
/// transaction, if a load deferred them.
pub(crate) fn ensure_for_deletes(conn: &Connection) -> Result<()> {
    for create in missing(conn, &FOR_DELETES)? {
        conn.execute_batch(create).map_err(backend_err)?;
    }
    Ok(())
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

        drop_deferrable(&conn).unwrap();
        ensure_for_deletes(&conn).unwrap();
        let names =
            |sql: Vec<(String, String)>| sql.into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        let now = names(index_sql(&conn));
        for (name, _) in DEFERRABLE {
            let needed = FOR_DELETES.iter().any(|(n, _)| n == name);
            assert_eq!(now.contains(&name.to_string()), needed, "{name}");
        }
    }
}
