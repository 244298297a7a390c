//! `jisr migrate-store --from … --to …`: moves a whole instance from one
//! database to another (SQLite → PostgreSQL when a team outgrows one
//! machine, or back), every table and row with its ids, in one transaction
//! on the target; then proves the copy by row counts and a content hash
//! computed the same way on both sides.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use jisr_store::{Cell, TableShape, Tx, load_order};
use sha2::{Digest, Sha256};

const PAGE: i64 = 5_000;

/// One row's canonical bytes: booleans are integers on both backends, so
/// the same data hashes the same wherever it is stored.
fn row_digest(row: &[Cell]) -> [u8; 32] {
    let mut h = Sha256::new();
    for c in row {
        match c {
            Cell::Null => h.update([0u8]),
            Cell::Int(i) => {
                h.update([1u8]);
                h.update(i.to_le_bytes());
            }
            Cell::Real(f) => {
                h.update([2u8]);
                h.update(f.to_bits().to_le_bytes());
            }
            Cell::Text(t) => {
                h.update([3u8]);
                h.update((t.len() as u64).to_le_bytes());
                h.update(t.as_bytes());
            }
            Cell::Bytes(b) => {
                h.update([4u8]);
                h.update((b.len() as u64).to_le_bytes());
                h.update(b);
            }
        }
    }
    h.finalize().into()
}

/// Reads a whole table in pages, handing each page to `each`; returns the
/// table's row count and digest (rows in key order; a table without a key,
/// read whole, as a sorted multiset).
fn scan(
    tx: &mut dyn Tx,
    t: &TableShape,
    mut each: impl FnMut(&[Vec<Cell>]) -> Result<()>,
) -> Result<(i64, String)> {
    let mut table_hash = Sha256::new();
    let mut rows_seen = 0i64;
    let key_at: Vec<usize> = t
        .key
        .iter()
        .filter_map(|k| t.columns.iter().position(|c| c == k))
        .collect();
    if key_at.len() != t.key.len() {
        anyhow::bail!(
            "the key of table {} names a column it does not have",
            t.name
        );
    }
    let mut after: Vec<Cell> = vec![];
    loop {
        let page = tx.portable_rows(t, &after, PAGE)?;
        rows_seen += page.len() as i64;
        each(&page)?;
        if key_at.is_empty() {
            let mut digests: Vec<[u8; 32]> = page.iter().map(|r| row_digest(r)).collect();
            digests.sort_unstable();
            for d in digests {
                table_hash.update(d);
            }
            break;
        }
        for row in &page {
            table_hash.update(row_digest(row));
        }
        match page.last() {
            Some(last) if page.len() as i64 == PAGE => {
                after = key_at.iter().map(|&i| last[i].clone()).collect();
            }
            _ => break,
        }
    }
    Ok((rows_seen, hex::encode(table_hash.finalize())))
}

fn describe(url: &str) -> String {
    match url.find('@') {
        Some(at) if url.starts_with("postgres") => format!("postgres://…{}", &url[at..]),
        _ => url.to_string(),
    }
}

pub fn run(from: &str, to: &str) -> Result<()> {
    let norm = |u: &str| {
        if u.contains("://") || u.starts_with("sqlite:") {
            u.to_string()
        } else {
            format!("sqlite:{u}")
        }
    };
    let (from, to) = (norm(from), norm(to));
    if from == to {
        anyhow::bail!("--from and --to name the same database");
    }
    if let Some(path) = from.strip_prefix("sqlite:")
        && !Path::new(path).is_file()
    {
        anyhow::bail!("{path} does not exist; give the SQLite file of the instance (DATA/jisr.db)");
    }
    let source = crate::instance::open_store(Path::new("."), Some(&from))
        .with_context(|| format!("cannot open the source {}", describe(&from)))?;
    let target = crate::instance::open_store(Path::new("."), Some(&to))
        .with_context(|| format!("cannot open the target {}", describe(&to)))?;
    let mut src = source.read()?;
    let mut dst = target.write()?;
    let tables = load_order(src.portable_tables()?);
    let target_tables: BTreeMap<String, TableShape> = dst
        .portable_tables()?
        .into_iter()
        .map(|t| (t.name.clone(), t))
        .collect();
    // The target's shape with the source's column order: values go where
    // their names say, converted to the target's types.
    let mut plans = vec![];
    let mut total = 0i64;
    for t in &tables {
        let there = target_tables.get(&t.name).with_context(|| {
            format!(
                "the target has no table {}; are both databases from the same jisr version?",
                t.name
            )
        })?;
        let mut types = vec![];
        for c in &t.columns {
            let i = there.columns.iter().position(|x| x == c).with_context(|| {
                format!(
                    "the target's table {} has no column {c}; are both from the same jisr version?",
                    t.name
                )
            })?;
            types.push(there.types[i].clone());
        }
        if dst.portable_count(there)? > 0 {
            anyhow::bail!(
                "the target already holds data (table {}); migrate into an empty database (a fresh CREATE DATABASE)",
                t.name
            );
        }
        total += src.portable_count(t)?;
        plans.push(TableShape { types, ..t.clone() });
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} rows {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let mut copied = BTreeMap::new();
    for (t, plan) in tables.iter().zip(&plans) {
        bar.set_message(t.name.clone());
        let d = dst.as_mut();
        let (n, hash) = scan(src.as_mut(), t, |rows| {
            d.portable_insert(plan, rows)?;
            bar.inc(rows.len() as u64);
            Ok(())
        })?;
        copied.insert(t.name.clone(), (n, hash));
    }
    dst.portable_finish(&plans)?;
    dst.commit()
        .context("the target refused the copy; nothing was written")?;
    bar.finish_and_clear();
    drop(src);

    // Proof: read the target back the same way and compare.
    let mut check = target.read()?;
    let shapes: BTreeMap<String, TableShape> = check
        .portable_tables()?
        .into_iter()
        .map(|t| (t.name.clone(), t))
        .collect();
    let mut all = Sha256::new();
    let mut bad = vec![];
    println!("{:<28} {:>12}  content", "table", "rows");
    for (name, (n, hash)) in &copied {
        let Some(source_shape) = tables.iter().find(|t| &t.name == name) else {
            continue;
        };
        let mut there = shapes
            .get(name)
            .cloned()
            .context("a table vanished from the target")?;
        // Same column order as the source, so that rows hash alike.
        let order: Vec<usize> = source_shape
            .columns
            .iter()
            .filter_map(|c| there.columns.iter().position(|x| x == c))
            .collect();
        there.columns = order.iter().map(|&i| there.columns[i].clone()).collect();
        there.types = order.iter().map(|&i| there.types[i].clone()).collect();
        // In the source's key order, so that pages hash alike (the source's
        // key is unique in the copied rows whatever the target's key is).
        there.key = source_shape.key.clone();
        let (m, back) = scan(check.as_mut(), &there, |_| Ok(()))?;
        let same = m == *n && &back == hash;
        if !same {
            bad.push(name.clone());
        }
        all.update(hash.as_bytes());
        println!(
            "{name:<28} {n:>12}  {}",
            if same { "same" } else { "DIFFERENT" }
        );
    }
    let digest = hex::encode(all.finalize());
    if !bad.is_empty() {
        anyhow::bail!(
            "the copy differs from the source in {}; do not switch to it",
            bad.join(", ")
        );
    }
    println!(
        "moved {total} rows from {} to {}; content hash {digest} on both",
        describe(&from),
        describe(&to)
    );
    Ok(())
}
