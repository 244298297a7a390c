//! Whole tables, read and written as stored, from PostgreSQL's catalog.

use jisr_store::{Cell, PortableTx, Result, StoreError, TableShape};
use tokio_postgres::Row;
use tokio_postgres::types::ToSql;

use crate::PgTx;
use crate::rows::PgResult;

/// Tables whose reference to a parent is kept by a trigger (schema
/// migrations 10 and 13), as `(table, parent)`.
const TRIGGER_REFERENCES: &[(&str, &str)] = &[
    ("correlation_keys", "attributes"),
    ("correlation_ranges", "attributes"),
    ("correlation_names", "attributes"),
    ("attributes", "events"),
];

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn read_cell(r: &Row, i: usize, ty: &str) -> PgResult<Cell> {
    Ok(match ty {
        "bigint" => r
            .try_get::<_, Option<i64>>(i)?
            .map_or(Cell::Null, Cell::Int),
        "integer" => r
            .try_get::<_, Option<i32>>(i)?
            .map_or(Cell::Null, |v| Cell::Int(v.into())),
        "smallint" => r
            .try_get::<_, Option<i16>>(i)?
            .map_or(Cell::Null, |v| Cell::Int(v.into())),
        "boolean" => r
            .try_get::<_, Option<bool>>(i)?
            .map_or(Cell::Null, |v| Cell::Int(v.into())),
        "double precision" => r
            .try_get::<_, Option<f64>>(i)?
            .map_or(Cell::Null, Cell::Real),
        "real" => r
            .try_get::<_, Option<f32>>(i)?
            .map_or(Cell::Null, |v| Cell::Real(v.into())),
        "bytea" => r
            .try_get::<_, Option<Vec<u8>>>(i)?
            .map_or(Cell::Null, Cell::Bytes),
        _ => r
            .try_get::<_, Option<String>>(i)?
            .map_or(Cell::Null, Cell::Text),
    })
}

fn mismatch(table: &str, column: &str, ty: &str, c: &Cell) -> StoreError {
    StoreError::Conflict(format!(
        "{table}.{column} is {ty} here; cannot store {c:?} in it"
    ))
}

/// A cell as the parameter the target column's type needs.
fn param(table: &str, column: &str, ty: &str, c: &Cell) -> Result<Box<dyn ToSql + Sync>> {
    Ok(match (ty, c) {
        (_, Cell::Null) => match ty {
            "bigint" => Box::new(None::<i64>),
            "integer" => Box::new(None::<i32>),
            "smallint" => Box::new(None::<i16>),
            "boolean" => Box::new(None::<bool>),
            "double precision" => Box::new(None::<f64>),
            "real" => Box::new(None::<f32>),
            "bytea" => Box::new(None::<Vec<u8>>),
            _ => Box::new(None::<String>),
        },
        ("bigint", Cell::Int(i)) => Box::new(*i),
        ("integer", Cell::Int(i)) => {
            Box::new(i32::try_from(*i).map_err(|_| mismatch(table, column, ty, c))?)
        }
        ("smallint", Cell::Int(i)) => {
            Box::new(i16::try_from(*i).map_err(|_| mismatch(table, column, ty, c))?)
        }
        ("boolean", Cell::Int(i)) => Box::new(*i != 0),
        ("double precision", Cell::Real(f)) => Box::new(*f),
        ("double precision", Cell::Int(i)) => Box::new(*i as f64),
        ("real", Cell::Real(f)) => Box::new(*f as f32),
        ("bytea", Cell::Bytes(b)) => Box::new(b.clone()),
        ("bytea", Cell::Text(t)) => Box::new(t.as_bytes().to_vec()),
        ("text", Cell::Text(t)) => Box::new(t.clone()),
        ("text", Cell::Int(i)) => Box::new(i.to_string()),
        ("text", Cell::Real(f)) => Box::new(f.to_string()),
        _ => return Err(mismatch(table, column, ty, c)),
    })
}

impl PortableTx for PgTx<'_> {
    fn portable_tables(&mut self) -> Result<Vec<TableShape>> {
        let names: Vec<String> = self.many(
            "SELECT table_name::text FROM information_schema.tables
              WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_version'
              ORDER BY table_name",
            params![],
            |r| r.try_get(0),
        )?;
        let mut out = vec![];
        for name in names {
            let cols: Vec<(String, String)> = self.many(
                "SELECT column_name::text, data_type::text FROM information_schema.columns
                  WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
                params![name],
                |r| Ok((r.try_get(0)?, r.try_get(1)?)),
            )?;
            // The key's own columns in order; `indkey` (counted from 0) also
            // lists an index's INCLUDE columns after them.
            let keys: Vec<String> = self.many(
                "SELECT a.attname::text FROM pg_index i
                   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                  WHERE i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident($1))::regclass AND i.indisprimary
                    AND array_position(i.indkey::int2[], a.attnum) - array_lower(i.indkey::int2[], 1) < i.indnkeyatts
                  ORDER BY array_position(i.indkey::int2[], a.attnum)",
                params![name],
                |r| r.try_get(0),
            )?;
            let integer_key = match keys.as_slice() {
                [k] if cols
                    .iter()
                    .any(|(c, t)| c == k && (t == "bigint" || t == "integer")) =>
                {
                    Some(k.clone())
                }
                _ => None,
            };
            let mut references: Vec<String> = self.many(
                "SELECT DISTINCT confrelid::regclass::text FROM pg_constraint
                  WHERE contype = 'f' AND conrelid = (quote_ident(current_schema()) || '.' || quote_ident($1))::regclass",
                params![name],
                |r| r.try_get(0),
            )?;
            // References kept by a trigger rather than a foreign key still
            // order the load: a target that checks them (SQLite) needs the
            // attributes first.
            references.extend(
                TRIGGER_REFERENCES
                    .iter()
                    .filter(|(table, _)| *table == name)
                    .map(|(_, parent)| parent.to_string()),
            );
            out.push(TableShape {
                name,
                columns: cols.iter().map(|c| c.0.clone()).collect(),
                types: cols.iter().map(|c| c.1.clone()).collect(),
                key: keys,
                integer_key,
                references: references
                    .into_iter()
                    .map(|r| r.trim_matches('"').to_string())
                    .collect(),
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
        let type_of = |c: &str| {
            table
                .columns
                .iter()
                .position(|x| x == c)
                .map_or("", |i| table.types[i].as_str())
        };
        // Text compares as bytes (COLLATE "C"), as SQLite orders it.
        let ordered = |c: &str| {
            if type_of(c) == "text" {
                format!("{} COLLATE \"C\"", quote(c))
            } else {
                quote(c)
            }
        };
        let keys = table
            .key
            .iter()
            .map(|c| ordered(c))
            .collect::<Vec<_>>()
            .join(", ");
        let mut params: Vec<Box<dyn ToSql + Sync>> = vec![];
        let sql = if keys.is_empty() {
            let all: Vec<String> = table.columns.iter().map(|c| ordered(c)).collect();
            format!(
                "SELECT {list} FROM {} ORDER BY {}",
                quote(&table.name),
                all.join(", ")
            )
        } else if after.is_empty() {
            format!(
                "SELECT {list} FROM {} ORDER BY {keys} LIMIT {limit}",
                quote(&table.name)
            )
        } else {
            for (c, v) in table.key.iter().zip(after) {
                params.push(param(&table.name, c, type_of(c), v)?);
            }
            let marks: Vec<String> = (1..=params.len()).map(|i| format!("${i}")).collect();
            format!(
                "SELECT {list} FROM {} WHERE ({keys}) > ({}) ORDER BY {keys} LIMIT {limit}",
                quote(&table.name),
                marks.join(", ")
            )
        };
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref()).collect();
        let types = table.types.clone();
        self.many(&sql, &refs, |r| {
            types
                .iter()
                .enumerate()
                .map(|(i, t)| read_cell(r, i, t))
                .collect()
        })
    }

    fn portable_count(&mut self, table: &TableShape) -> Result<i64> {
        Ok(self
            .one(
                &format!("SELECT COUNT(*)::BIGINT FROM {}", quote(&table.name)),
                params![],
                |r| r.try_get(0),
            )?
            .unwrap_or(0))
    }

    fn portable_insert(&mut self, table: &TableShape, rows: &[Vec<Cell>]) -> Result<()> {
        let n = table.columns.len().max(1);
        let cols: Vec<String> = table.columns.iter().map(|c| quote(c)).collect();
        // PostgreSQL takes at most 65,535 parameters per statement.
        for chunk in rows.chunks((60_000 / n).max(1)) {
            let mut values = Vec::with_capacity(chunk.len());
            let mut params: Vec<Box<dyn ToSql + Sync>> = Vec::with_capacity(chunk.len() * n);
            for row in chunk {
                let marks: Vec<String> = (0..n)
                    .map(|i| format!("${}", params.len() + i + 1))
                    .collect();
                values.push(format!("({})", marks.join(", ")));
                for ((c, ty), cell) in table.columns.iter().zip(&table.types).zip(row) {
                    params.push(param(&table.name, c, ty, cell)?);
                }
            }
            let sql = format!(
                "INSERT INTO {} ({}) VALUES {}",
                quote(&table.name),
                cols.join(", "),
                values.join(", ")
            );
            let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref()).collect();
            // After the write: the transaction's first statement fills the cache.
            let written = self.exec(&sql, &refs);
            self.cache.forget_all();
            written?;
        }
        Ok(())
    }

    fn portable_finish(&mut self, tables: &[TableShape]) -> Result<()> {
        for t in tables {
            let Some(k) = &t.integer_key else { continue };
            let sql = format!(
                "SELECT setval(pg_get_serial_sequence($1, $2), GREATEST((SELECT COALESCE(MAX({}), 0) FROM {}), 1))
                  WHERE pg_get_serial_sequence($1, $2) IS NOT NULL",
                quote(k),
                quote(&t.name)
            );
            self.many(&sql, params![t.name, k], |_| Ok(()))?;
        }
        Ok(())
    }
}
