//! The correlation index and exclusions. Related attributes are found by
//! joining on keys when read, with the reader's scope in the same WHERE
//! clause as restSearch uses (`search::event_scope`/`element_scope`).

use jisr_policy::Scope;
use jisr_store::{
    CorrelationEntry, CorrelationExclusion, CorrelationStats, CorrelationTx, IpRange, NamePair,
    Related, Result,
};
use rusqlite::params;

use crate::SqliteTx;
use crate::search::{Where, element_scope, event_scope};

/// Rows deleted per statement when the index is cleared.
const CLEAR_SLICE: usize = 50_000;

/// Probes per statement: two parameters each, well under SQLite's limit.
const PROBE_CHUNK: usize = 400;

/// The joins and conditions that make `a` (with its event `e` and object
/// `o`) a live attribute of another event that `scope` may see.
fn visible_other(w: &mut Where, event_id: i64, scope: &Scope) -> String {
    let ev = w.bind(event_id);
    w.push(format!("a.event_id <> {ev}"));
    w.push("a.deleted = 0 AND (o.id IS NULL OR o.deleted = 0)");
    event_scope(w, scope);
    element_scope(w, scope);
    "JOIN attributes a ON a.id = x.attribute_id JOIN events e ON e.id = a.event_id
     LEFT JOIN objects o ON o.id = a.object_id"
        .to_string()
}

fn related_row(r: &rusqlite::Row) -> rusqlite::Result<Related> {
    Ok(Related {
        source_id: r.get(0)?,
        attribute_id: r.get(1)?,
        event_id: r.get(2)?,
        score: r.get(3)?,
        explanation: r.get(4)?,
    })
}

impl SqliteTx<'_> {
    fn insert_entries(&mut self, entries: &[CorrelationEntry]) -> Result<()> {
        for e in entries {
            for k in &e.keys {
                self.exec(
                    "INSERT OR IGNORE INTO correlation_keys (key, attribute_id, event_id) VALUES (?1, ?2, ?3)",
                    params![k, e.attribute_id, e.event_id],
                )?;
            }
            if let Some(r) = &e.range {
                self.exec(
                    "INSERT OR IGNORE INTO correlation_ranges (lo, hi, prefix, attribute_id, event_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![&r.lo[..], &r.hi[..], r.prefix, e.attribute_id, e.event_id],
                )?;
                if r.prefix < 128 {
                    self.exec(
                        "INSERT OR IGNORE INTO correlation_prefixes (prefix) VALUES (?1)",
                        [r.prefix],
                    )?;
                }
            }
        }
        Ok(())
    }

    fn related_by_keys(
        &mut self,
        event_id: i64,
        probes: &[(i64, i64)],
        limit: i64,
        scope: &Scope,
        out: &mut Vec<Related>,
    ) -> Result<()> {
        for chunk in probes.chunks(PROBE_CHUNK) {
            let mut w = Where::default();
            let values: Vec<String> = chunk
                .iter()
                .map(|(src, key)| {
                    let s = w.bind(*src);
                    let k = w.bind(*key);
                    format!("({s}, {k})")
                })
                .collect();
            let joins = visible_other(&mut w, event_id, scope);
            let visible = w.sql();
            // The probe is a holder too, as MISP counts: at most `limit`
            // holders means at most `limit - 1` others.
            let cap = w.bind(limit - 1);
            let cap1 = w.bind(limit);
            // Over-correlating is decided on what this reader may see: `q`
            // keeps the keys with at most `limit` visible holders in other
            // events (the inner aliases shadow the outer ones), once per key,
            // so hidden holders change nothing shown.
            let sql = format!(
                "WITH p(src, key) AS (VALUES {}),
                 q AS MATERIALIZED (SELECT p.src, p.key FROM p WHERE
                   (SELECT COUNT(*) FROM (SELECT 1 FROM correlation_keys x {joins}
                    WHERE x.key = p.key AND {visible} LIMIT {cap1})) <= {cap})
                 SELECT DISTINCT q.src, a.id, a.event_id, NULL, NULL
                 FROM q JOIN correlation_keys x ON x.key = q.key {joins} WHERE {visible}",
                values.join(",")
            );
            out.extend(self.many(
                &sql,
                rusqlite::params_from_iter(w.params.iter()),
                related_row,
            )?);
        }
        Ok(())
    }

    fn related_in_range(
        &mut self,
        event_id: i64,
        src: i64,
        range: &IpRange,
        limit: i64,
        scope: &Scope,
        out: &mut Vec<Related>,
    ) -> Result<()> {
        let mut w = Where::default();
        let lo = w.bind(range.lo.to_vec());
        let hi = w.bind(range.hi.to_vec());
        let s = w.bind(src);
        w.push(format!(
            "x.lo >= {lo} AND x.lo <= {hi} AND x.hi <= {hi} AND NOT (x.lo = {lo} AND x.hi = {hi})"
        ));
        let joins = visible_other(&mut w, event_id, scope);
        // As for keys: over-correlating for this reader is more than
        // `limit` visible holders, the network itself among them, so at most
        // `limit` rows are read and fewer than `limit` are shown.
        let visible = w.sql();
        let cap = w.bind(limit);
        let sql = format!(
            "SELECT {s}, a.id, a.event_id, NULL, NULL FROM correlation_ranges x {joins}
             WHERE {visible} LIMIT {cap}"
        );
        let found = self.many(
            &sql,
            rusqlite::params_from_iter(w.params.iter()),
            related_row,
        )?;
        if (found.len() as i64) < limit {
            out.extend(found);
        }
        Ok(())
    }

    fn related_names(
        &mut self,
        event_id: i64,
        scope: &Scope,
        out: &mut Vec<Related>,
    ) -> Result<()> {
        let mut w = Where::default();
        let ev = w.bind(event_id);
        w.push(format!("x.event_id = {ev}"));
        // The shared joins take the other side's id from `x.attribute_id`.
        let joins = visible_other(&mut w, event_id, scope)
            .replace("a.id = x.attribute_id", "a.id = x.other_id");
        let sql = format!(
            "SELECT x.attribute_id, a.id, a.event_id, x.score, x.explanation FROM correlation_names x {joins} WHERE {}",
            w.sql()
        );
        out.extend(self.many(
            &sql,
            rusqlite::params_from_iter(w.params.iter()),
            related_row,
        )?);
        Ok(())
    }
}

impl CorrelationTx for SqliteTx<'_> {
    fn correlation_put(&mut self, entries: &[CorrelationEntry]) -> Result<()> {
        crate::bulk::ensure_for_deletes(self.conn())?;
        for e in entries {
            let id = e.attribute_id;
            self.exec("DELETE FROM correlation_keys WHERE attribute_id = ?1", [id])?;
            self.exec(
                "DELETE FROM correlation_ranges WHERE attribute_id = ?1",
                [id],
            )?;
            self.exec(
                "DELETE FROM correlation_names WHERE attribute_id = ?1 OR other_id = ?1",
                [id],
            )?;
        }
        self.insert_entries(entries)
    }

    fn correlation_add(&mut self, entries: &[CorrelationEntry]) -> Result<()> {
        self.insert_entries(entries)
    }

    /// In slices: these tables refer to attributes, which rules out SQLite's
    /// truncation, so a whole-table DELETE first gathers every key it will
    /// delete into a temporary table, in memory here (a 10 million-attribute
    /// rebuild sat at 250 MiB from its first minute; in slices it peaks at
    /// 92 MiB).
    fn correlation_clear(&mut self) -> Result<()> {
        for (table, key) in [
            ("correlation_keys", "key, attribute_id"),
            ("correlation_ranges", "lo, attribute_id"),
            ("correlation_names", "attribute_id, other_id"),
        ] {
            let sql = format!(
                "DELETE FROM {table} WHERE ({key}) IN (SELECT {key} FROM {table} LIMIT {CLEAR_SLICE})"
            );
            while self.exec(&sql, [])? > 0 {}
        }
        self.exec("DELETE FROM correlation_prefixes", [])?;
        Ok(())
    }

    fn correlation_key_holders(&mut self, key: i64, limit: i64) -> Result<Vec<(i64, i64)>> {
        self.many(
            "SELECT attribute_id, event_id FROM correlation_keys WHERE key = ?1 ORDER BY attribute_id LIMIT ?2",
            [key, limit],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    fn correlation_names_add(&mut self, pairs: &[NamePair]) -> Result<()> {
        for p in pairs {
            self.exec(
                "INSERT OR REPLACE INTO correlation_names (attribute_id, event_id, other_id, score, explanation)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![p.attribute_id, p.event_id, p.other_id, p.score, p.explanation],
            )?;
        }
        Ok(())
    }

    fn correlation_prefixes(&mut self) -> Result<Vec<i64>> {
        self.many(
            "SELECT prefix FROM correlation_prefixes ORDER BY prefix",
            [],
            |r| r.get(0),
        )
    }

    fn correlation_related(
        &mut self,
        event_id: i64,
        probes: &[(i64, i64)],
        ranges: &[(i64, IpRange)],
        limit: i64,
        scope: &Scope,
    ) -> Result<Vec<Related>> {
        let mut out = Vec::new();
        self.related_by_keys(event_id, probes, limit, scope, &mut out)?;
        for (src, range) in ranges {
            self.related_in_range(event_id, *src, range, limit, scope, &mut out)?;
        }
        self.related_names(event_id, scope, &mut out)?;
        Ok(out)
    }

    fn correlation_over_limit(&mut self, limit: i64) -> Result<Vec<(i64, i64, i64)>> {
        self.many(
            "SELECT key, COUNT(*) AS n, MIN(attribute_id) FROM correlation_keys GROUP BY key HAVING n > ?1 ORDER BY n DESC, key",
            [limit],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
    }

    fn correlation_stats(&mut self) -> Result<CorrelationStats> {
        let count = |tx: &mut Self, table: &str| -> Result<i64> {
            Ok(tx
                .one(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))?
                .unwrap_or(0))
        };
        Ok(CorrelationStats {
            keys: count(self, "correlation_keys")?,
            ranges: count(self, "correlation_ranges")?,
            name_pairs: count(self, "correlation_names")?,
        })
    }

    fn correlation_exclusion_insert(&mut self, x: &CorrelationExclusion) -> Result<i64> {
        self.insert(
            "INSERT INTO correlation_exclusions (value, from_json, comment) VALUES (?1, ?2, ?3)",
            params![x.value, x.from_json, x.comment],
        )
    }

    fn correlation_exclusion_get(&mut self, id: i64) -> Result<Option<CorrelationExclusion>> {
        self.one(
            "SELECT id, value, from_json, comment FROM correlation_exclusions WHERE id = ?1",
            [id],
            exclusion,
        )
    }

    fn correlation_exclusion_delete(&mut self, id: i64) -> Result<()> {
        self.exec_one(
            "correlation exclusion",
            "DELETE FROM correlation_exclusions WHERE id = ?1",
            [id],
        )
    }

    fn correlation_exclusions(&mut self) -> Result<Vec<CorrelationExclusion>> {
        self.many(
            "SELECT id, value, from_json, comment FROM correlation_exclusions ORDER BY id",
            [],
            exclusion,
        )
    }
}

fn exclusion(r: &rusqlite::Row) -> rusqlite::Result<CorrelationExclusion> {
    Ok(CorrelationExclusion {
        id: r.get(0)?,
        value: r.get(1)?,
        from_json: r.get(2)?,
        comment: r.get(3)?,
    })
}
