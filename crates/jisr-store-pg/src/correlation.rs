//! The correlation index and exclusions. Related attributes are found by
//! joining on keys when read, with the reader's scope in the same WHERE
//! clause as restSearch uses (`search::event_scope`/`element_scope`). Writes
//! send whole arrays (`unnest`) so an event costs a few round trips, not one
//! per key.

use jisr_policy::Scope;
use jisr_store::{
    CorrelationEntry, CorrelationExclusion, CorrelationStats, CorrelationTx, IpRange, NamePair,
    Related, Result,
};
use tokio_postgres::Row;

use crate::PgTx;
use crate::rows::PgResult;
use crate::search::{Where, element_scope, event_scope};
use crate::tx_cache;

const KEYS: &str = "INSERT INTO correlation_keys (key, attribute_id, event_id)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) ON CONFLICT DO NOTHING";
const KEYS_FRESH: &str = "INSERT INTO correlation_keys (key, attribute_id, event_id)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[])";
/// Keys, ranges and prefixes in one statement.
const KEYS_RANGES: &str = "WITH k AS (INSERT INTO correlation_keys (key, attribute_id, event_id)
                SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) ON CONFLICT DO NOTHING),
          r AS (INSERT INTO correlation_ranges (lo, hi, prefix, attribute_id, event_id)
                SELECT * FROM unnest($4::bytea[], $5::bytea[], $6::bigint[], $7::bigint[], $8::bigint[])
                ON CONFLICT DO NOTHING)
     INSERT INTO correlation_prefixes (prefix) SELECT * FROM unnest($9::bigint[]) ON CONFLICT DO NOTHING";
const KEYS_RANGES_FRESH: &str = "WITH k AS (INSERT INTO correlation_keys (key, attribute_id, event_id)
                SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[])),
          r AS (INSERT INTO correlation_ranges (lo, hi, prefix, attribute_id, event_id)
                SELECT * FROM unnest($4::bytea[], $5::bytea[], $6::bigint[], $7::bigint[], $8::bigint[]))
     INSERT INTO correlation_prefixes (prefix) SELECT * FROM unnest($9::bigint[]) ON CONFLICT DO NOTHING";

/// The joins and conditions that make `a` (with its event `e` and object
/// `o`) a live attribute of another event that `scope` may see.
fn visible_other(w: &mut Where, event_id: i64, scope: &Scope, other: &str) -> String {
    let ev = w.bind(event_id);
    w.push(format!("a.event_id <> {ev}"));
    w.push("a.deleted = FALSE AND (o.id IS NULL OR o.deleted = FALSE)");
    event_scope(w, scope);
    element_scope(w, scope);
    format!(
        "JOIN attributes a ON a.id = {other} JOIN events e ON e.id = a.event_id
         LEFT JOIN objects o ON o.id = a.object_id"
    )
}

fn related_row(r: &Row) -> PgResult<Related> {
    Ok(Related {
        source_id: r.try_get(0)?,
        attribute_id: r.try_get(1)?,
        event_id: r.try_get(2)?,
        score: r.try_get(3)?,
        explanation: r.try_get(4)?,
    })
}

impl PgTx<'_> {
    /// `fresh`: the attributes have nothing indexed (a new event, a
    /// rebuild), so their rows cannot conflict and go as plain inserts; an
    /// `ON CONFLICT` insert probes the key index once more per row before
    /// inserting, which at ten million keys was a third of the statement.
    fn insert_entries(&mut self, entries: &[CorrelationEntry], fresh: bool) -> Result<()> {
        let (mut keys, mut attrs, mut events) = (vec![], vec![], vec![]);
        let (mut lo, mut hi, mut prefix, mut r_attrs, mut r_events) =
            (vec![], vec![], vec![], vec![], vec![]);
        let mut prefixes: Vec<i64> = vec![];
        for e in entries {
            for k in &e.keys {
                keys.push(*k);
                attrs.push(e.attribute_id);
                events.push(e.event_id);
            }
            if let Some(r) = &e.range {
                lo.push(r.lo.to_vec());
                hi.push(r.hi.to_vec());
                prefix.push(r.prefix);
                r_attrs.push(e.attribute_id);
                r_events.push(e.event_id);
                if r.prefix < 128 && !prefixes.contains(&r.prefix) {
                    prefixes.push(r.prefix);
                }
            }
        }
        // Nothing reads an answer from these inserts: they travel with the
        // next statement (see `PgTx::defer`).
        if lo.is_empty() {
            if !keys.is_empty() {
                let sql = if fresh { KEYS_FRESH } else { KEYS };
                self.defer(sql, vec![Box::new(keys), Box::new(attrs), Box::new(events)])?;
            }
            return Ok(());
        }
        let sql = if fresh {
            KEYS_RANGES_FRESH
        } else {
            KEYS_RANGES
        };
        self.defer(
            sql,
            vec![
                Box::new(keys),
                Box::new(attrs),
                Box::new(events),
                Box::new(lo),
                Box::new(hi),
                Box::new(prefix),
                Box::new(r_attrs),
                Box::new(r_events),
                Box::new(prefixes),
            ],
        )
    }

    fn related_by_keys(
        &mut self,
        event_id: i64,
        probes: &[(i64, i64)],
        limit: i64,
        scope: &Scope,
        out: &mut Vec<Related>,
    ) -> Result<()> {
        if probes.is_empty() {
            return Ok(());
        }
        let mut w = Where::default();
        let src = w.bind(probes.iter().map(|p| p.0).collect::<Vec<i64>>());
        let key = w.bind(probes.iter().map(|p| p.1).collect::<Vec<i64>>());
        let joins = visible_other(&mut w, event_id, scope, "x.attribute_id");
        let visible = w.sql();
        // The probe is a holder too, as MISP counts: at most `limit`
        // holders means at most `limit - 1` others.
        let cap = w.bind(limit - 1);
        let cap1 = w.bind(limit);
        // Over-correlating is decided on what this reader may see: `q`
        // keeps the keys with at most `limit` visible holders in other
        // events (the inner aliases shadow the outer ones), once per key, so
        // hidden holders change nothing shown.
        let sql = format!(
            "WITH p(src, key) AS (SELECT * FROM unnest({src}::bigint[], {key}::bigint[])),
             q AS MATERIALIZED (SELECT p.src, p.key FROM p WHERE
               (SELECT COUNT(*) FROM (SELECT 1 FROM correlation_keys x {joins}
                WHERE x.key = p.key AND {visible} LIMIT {cap1}) c1) <= {cap})
             SELECT DISTINCT q.src, a.id, a.event_id, NULL::float8, NULL::text
             FROM q JOIN correlation_keys x ON x.key = q.key {joins} WHERE {visible}"
        );
        let params = w.refs();
        out.extend(self.many_planned(&sql, &params, related_row)?);
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
        let (lo, hi) = (range.lo.to_vec(), range.hi.to_vec());
        let mut w = Where::default();
        let lo = w.bind(lo);
        let hi = w.bind(hi);
        let s = w.bind(src);
        w.push(format!(
            "x.lo >= {lo} AND x.lo <= {hi} AND x.hi <= {hi} AND NOT (x.lo = {lo} AND x.hi = {hi})"
        ));
        let joins = visible_other(&mut w, event_id, scope, "x.attribute_id");
        let visible = w.sql();
        let cap1 = w.bind(limit);
        // As for keys: over-correlating for this reader is more than
        // `limit` visible attributes inside the network.
        let sql = format!(
            "WITH r AS (SELECT {s}::bigint AS src, a.id, a.event_id
                        FROM correlation_ranges x {joins} WHERE {visible} LIMIT {cap1})
             SELECT src, id, event_id, NULL::float8, NULL::text FROM r"
        );
        let params = w.refs();
        let found = self.many_planned(&sql, &params, related_row)?;
        // The network is a holder too: the addresses inside and it, at
        // most `limit`.
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
        let joins = visible_other(&mut w, event_id, scope, "x.other_id");
        let sql = format!(
            "SELECT x.attribute_id, a.id, a.event_id, x.score, x.explanation FROM correlation_names x {joins} WHERE {}",
            w.sql()
        );
        let params = w.refs();
        out.extend(self.many_planned(&sql, &params, related_row)?);
        Ok(())
    }
}

impl CorrelationTx for PgTx<'_> {
    fn correlation_put(&mut self, entries: &[CorrelationEntry]) -> Result<()> {
        let ids: Vec<i64> = entries.iter().map(|e| e.attribute_id).collect();
        if !ids.is_empty() {
            self.ensure_for_deletes()?;
            // One statement; the inserts that follow see its deletes.
            self.exec(
                "WITH k AS (DELETE FROM correlation_keys WHERE attribute_id = ANY($1)),
                      r AS (DELETE FROM correlation_ranges WHERE attribute_id = ANY($1))
                 DELETE FROM correlation_names WHERE attribute_id = ANY($1) OR other_id = ANY($1)",
                params![ids],
            )?;
        }
        self.insert_entries(entries, false)
    }

    fn correlation_add(&mut self, entries: &[CorrelationEntry]) -> Result<()> {
        self.insert_entries(entries, true)
    }

    fn correlation_clear(&mut self) -> Result<()> {
        self.exec(
            "TRUNCATE correlation_keys, correlation_ranges, correlation_prefixes, correlation_names",
            params![],
        )?;
        Ok(())
    }

    // Holder lookups keep the plan PostgreSQL caches for a prepared
    // statement, unlike other key reads: their order and limit are the key
    // index's own, so the plan is a walk of that index whatever the table
    // holds (EXPLAIN of the generic plan, on an empty instance and at
    // 1,000,000 attributes), and planning each lookup anew cost an import
    // more than running it.
    fn correlation_key_holders(&mut self, key: i64, limit: i64) -> Result<Vec<(i64, i64)>> {
        self.many(
            "SELECT attribute_id, event_id FROM correlation_keys WHERE key = $1 ORDER BY attribute_id LIMIT $2",
            params![key, limit],
            |r| Ok((r.try_get(0)?, r.try_get(1)?)),
        )
    }

    fn correlation_keys_holders(
        &mut self,
        keys: &[i64],
        limit: i64,
    ) -> Result<Vec<(i64, i64, i64)>> {
        if keys.is_empty() {
            return Ok(vec![]);
        }
        // The same lookup as `correlation_key_holders`, once per key, in one
        // round trip; `ordinality` keeps the keys' order.
        self.many(
            "SELECT k.key, h.attribute_id, h.event_id
             FROM unnest($1::bigint[]) WITH ORDINALITY AS k(key, n)
             CROSS JOIN LATERAL (SELECT attribute_id, event_id FROM correlation_keys
                                 WHERE key = k.key ORDER BY attribute_id LIMIT $2) h
             ORDER BY k.n, h.attribute_id",
            params![keys, limit],
            |r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)),
        )
    }

    fn correlation_names_add(&mut self, pairs: &[NamePair]) -> Result<()> {
        if pairs.is_empty() {
            return Ok(());
        }
        let a: Vec<i64> = pairs.iter().map(|p| p.attribute_id).collect();
        let e: Vec<i64> = pairs.iter().map(|p| p.event_id).collect();
        let o: Vec<i64> = pairs.iter().map(|p| p.other_id).collect();
        let s: Vec<f64> = pairs.iter().map(|p| p.score).collect();
        let x: Vec<String> = pairs.iter().map(|p| p.explanation.clone()).collect();
        self.defer(
            "INSERT INTO correlation_names (attribute_id, event_id, other_id, score, explanation)
             SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::float8[], $5::text[])
             ON CONFLICT (attribute_id, other_id) DO UPDATE SET score = excluded.score, explanation = excluded.explanation",
            vec![Box::new(a), Box::new(e), Box::new(o), Box::new(s), Box::new(x)],
        )
    }

    fn correlation_prefixes(&mut self) -> Result<Vec<i64>> {
        self.many(
            "SELECT prefix FROM correlation_prefixes ORDER BY prefix",
            params![],
            |r| r.try_get(0),
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
            "SELECT key, COUNT(*) AS n, MIN(attribute_id) FROM correlation_keys GROUP BY key
             HAVING COUNT(*) > $1 ORDER BY n DESC, key",
            params![limit],
            |r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)),
        )
    }

    fn correlation_stats(&mut self) -> Result<CorrelationStats> {
        let mut count = |table: &str| -> Result<i64> {
            Ok(self
                .one(&format!("SELECT COUNT(*) FROM {table}"), params![], |r| {
                    r.try_get(0)
                })?
                .unwrap_or(0))
        };
        Ok(CorrelationStats {
            keys: count("correlation_keys")?,
            ranges: count("correlation_ranges")?,
            name_pairs: count("correlation_names")?,
        })
    }

    fn correlation_exclusion_insert(&mut self, x: &CorrelationExclusion) -> Result<i64> {
        let id = self.insert(
            "INSERT INTO correlation_exclusions (value, from_json, comment) VALUES ($1, $2, $3)",
            params![x.value, x.from_json, x.comment],
        )?;
        self.cache.exclusions = None;
        Ok(id)
    }

    fn correlation_exclusion_get(&mut self, id: i64) -> Result<Option<CorrelationExclusion>> {
        self.one(
            "SELECT id, value, from_json, comment FROM correlation_exclusions WHERE id = $1",
            params![id],
            tx_cache::exclusion,
        )
    }

    fn correlation_exclusion_delete(&mut self, id: i64) -> Result<()> {
        let deleted = self.exec_one(
            "correlation exclusion",
            "DELETE FROM correlation_exclusions WHERE id = $1",
            params![id],
        );
        // Forgotten after the statement, whatever its outcome: the first
        // statement of a transaction fills the cache before it runs.
        self.cache.exclusions = None;
        deleted
    }

    fn correlation_exclusions(&mut self) -> Result<Vec<CorrelationExclusion>> {
        if let Some(all) = &self.cache.exclusions {
            return Ok(all.clone());
        }
        let all = self.many(tx_cache::EXCLUSIONS, params![], tx_cache::exclusion)?;
        self.cache.exclusions = Some(all.clone());
        Ok(all)
    }
}
