//! Whole-table access, for moving an instance between backends
//! (`jisr migrate-store`): every table and row exactly as stored, ids
//! included, in a backend-neutral form.

use crate::Result;

/// A stored value. Booleans read as integers (0/1) on every backend, so
/// that the same data reads the same from SQLite and PostgreSQL.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Bytes(Vec<u8>),
}

/// A table as the backend's catalog describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableShape {
    pub name: String,
    pub columns: Vec<String>,
    /// The backend's declared type of each column (lower case).
    pub types: Vec<String>,
    /// The primary key's columns, in the key's order: rows are read in
    /// that order, in pages (a table without one is read whole).
    pub key: Vec<String>,
    /// The key, when it is one integer column: ids generated after a load
    /// continue after the largest one loaded.
    pub integer_key: Option<String>,
    /// Tables this one references (foreign keys), loaded before it.
    pub references: Vec<String>,
}

pub trait PortableTx {
    /// Every data table (not the migration bookkeeping).
    fn portable_tables(&mut self) -> Result<Vec<TableShape>>;
    /// Up to `limit` rows in key order whose key (the values of
    /// `table.key`) comes after `after` (from the first row when `after` is
    /// empty). Integers order as numbers, text and bytes as bytes, alike on
    /// every backend. A table without a key comes whole, sorted by all
    /// columns.
    fn portable_rows(
        &mut self,
        table: &TableShape,
        after: &[Cell],
        limit: i64,
    ) -> Result<Vec<Vec<Cell>>>;
    fn portable_count(&mut self, table: &TableShape) -> Result<i64>;
    /// Inserts rows as they are, ids included (`rows` follow `table.columns`).
    fn portable_insert(&mut self, table: &TableShape, rows: &[Vec<Cell>]) -> Result<()>;
    /// After loading: generated ids continue after the largest one loaded.
    fn portable_finish(&mut self, tables: &[TableShape]) -> Result<()>;
}

/// Parents before children, by the foreign keys (cycles and self
/// references are ignored; ties keep the catalog's order by name).
pub fn load_order(mut tables: Vec<TableShape>) -> Vec<TableShape> {
    tables.sort_by(|a, b| a.name.cmp(&b.name));
    let mut out: Vec<TableShape> = vec![];
    while !tables.is_empty() {
        let ready = tables.iter().position(|t| {
            t.references.iter().all(|r| {
                r == &t.name
                    || out.iter().any(|o| &o.name == r)
                    || !tables.iter().any(|x| &x.name == r)
            })
        });
        let i = ready.unwrap_or(0);
        out.push(tables.remove(i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(name: &str, refs: &[&str]) -> TableShape {
        TableShape {
            name: name.into(),
            columns: vec![],
            types: vec![],
            key: vec![],
            integer_key: None,
            references: refs.iter().map(|r| r.to_string()).collect(),
        }
    }

    #[test]
    fn parents_load_before_children() {
        let order: Vec<String> = load_order(vec![
            t("attributes", &["events", "objects"]),
            t("objects", &["events"]),
            t("events", &["organisations"]),
            t("organisations", &[]),
            t("tree", &["tree"]),
        ])
        .into_iter()
        .map(|t| t.name)
        .collect();
        assert_eq!(
            order,
            vec!["organisations", "events", "objects", "attributes", "tree"]
        );
    }
}
