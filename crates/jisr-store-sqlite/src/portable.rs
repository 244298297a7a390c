//! Whole tables, read and written as stored, from SQLite's catalog.

use jisr_store::{Cell, PortableTx, Result, TableShape};
use rusqlite::types::{Value as SqlValue, ValueRef};

use crate::SqliteTx;
use crate::backend_err;

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn cell(v: ValueRef) -> Cell {
    match v {
        ValueRef::Null => Cell::Null,
        ValueRef::Integer(i) => Cell::Int(i),
        ValueRef::Real(f) => Cell::Real(f),
        ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Cell::Bytes(b.to_vec()),
    }
}

fn sql_value(c: &Cell) -> SqlValue {
    match c {
        Cell::Null => SqlValue::Null,
        Cell::Int(i) => SqlValue::Integer(*i),
        Cell::Real(f) => SqlValue::Real(*f),
        Cell::Text(t) => SqlValue::Text(t.clone()),
        Cell::Bytes(b) => SqlValue::Blob(b.clone()),
    }
}

impl PortableTx for SqliteTx<'_> {
    fn portable_tables(&mut self) -> Result<Vec<TableShape>> {
        let names: Vec<String> = self.many(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
               AND name <> 'schema_version' ORDER BY name",
            [],
            |r| r.get(0),
        )?;
        let mut out = vec![];
        for name in names {
            // (name, declared type, primary-key position)
            let cols: Vec<(String, String, i64)> = self.many(
                &format!(
                    "SELECT name, lower(type), pk FROM pragma_table_info({})",
                    quote(&name).replace('"', "'")
                ),
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            let mut keys: Vec<&(String, String, i64)> = cols.iter().filter(|c| c.2 > 0).collect();
            keys.sort_by_key(|c| c.2);
            let integer_key = match keys.as_slice() {
                [k] if k.1 == "integer" => Some(k.0.clone()),
                _ => None,
            };
            let references: Vec<String> = self.many(
                &format!(
                    "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list({})",
                    quote(&name).replace('"', "'")
                ),
                [],
                |r| r.get(0),
            )?;
            out.push(TableShape {
                name,
                columns: cols.iter().map(|c| c.0.clone()).collect(),
                types: cols.iter().map(|c| c.1.clone()).collect(),
                key: keys.iter().map(|k| k.0.clone()).collect(),
                integer_key,
                references,
            });
        }
        Ok(out)
    }

    fn portable_rows(
        &mut self,
        table: &TableShape,
        after: &[Cell],
        limit: i64,
    ) -> Result<Vec<Vec<Cell>>> {
        let cols: Vec<String> = table.columns.iter().map(|c| quote(c)).collect();
        let list = cols.join(", ");
        let keys = table
            .key
            .iter()
            .map(|c| quote(c))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = if keys.is_empty() {
            format!("SELECT {list} FROM {} ORDER BY {list}", quote(&table.name))
        } else if after.is_empty() {
            format!(
                "SELECT {list} FROM {} ORDER BY {keys} LIMIT {limit}",
                quote(&table.name)
            )
        } else {
            let marks: Vec<String> = (1..=after.len()).map(|i| format!("?{i}")).collect();
            format!(
                "SELECT {list} FROM {} WHERE ({keys}) > ({}) ORDER BY {keys} LIMIT {limit}",
                quote(&table.name),
                marks.join(", ")
            )
        };
        let n = table.columns.len();
        let conn = self.conn();
        let mut st = conn.prepare(&sql).map_err(backend_err)?;
        let values: Vec<SqlValue> = if keys.is_empty() {
            vec![]
        } else {
            after.iter().map(sql_value).collect()
        };
        let mut rows = st
            .query(rusqlite::params_from_iter(values))
            .map_err(backend_err)?;
        let mut out = vec![];
        while let Some(r) = rows.next().map_err(backend_err)? {
            let mut row = Vec::with_capacity(n);
            for i in 0..n {
                row.push(cell(r.get_ref(i).map_err(backend_err)?));
            }
            out.push(row);
        }
        Ok(out)
    }

    fn portable_count(&mut self, table: &TableShape) -> Result<i64> {
        Ok(self
            .one(
                &format!("SELECT COUNT(*) FROM {}", quote(&table.name)),
                [],
                |r| r.get(0),
            )?
            .unwrap_or(0))
    }

    fn portable_insert(&mut self, table: &TableShape, rows: &[Vec<Cell>]) -> Result<()> {
        let cols: Vec<String> = table.columns.iter().map(|c| quote(c)).collect();
        let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            quote(&table.name),
            cols.join(", "),
            marks.join(", ")
        );
        let conn = self.conn();
        let mut st = conn.prepare_cached(&sql).map_err(backend_err)?;
        for row in rows {
            let values: Vec<SqlValue> = row.iter().map(sql_value).collect();
            st.execute(rusqlite::params_from_iter(values))
                .map_err(backend_err)?;
        }
        Ok(())
    }

    fn portable_finish(&mut self, _tables: &[TableShape]) -> Result<()> {
        // INTEGER PRIMARY KEY continues after the largest rowid by itself.
        Ok(())
    }
}
