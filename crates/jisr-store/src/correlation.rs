//! The correlation index. Not MISP's pairwise table (it grows with the square
//! of a common value's frequency): one row per (attribute, correlation key),
//! with related attributes found by joining on the key when they are read,
//! filtered by the reader's [`Scope`] in the same query. Keys are computed
//! above, in jisr-core; the store only keeps and joins them.

use jisr_policy::Scope;

use crate::Result;

/// An IP address or network as a closed interval of 16-byte big-endian
/// addresses (IPv4 mapped into `::ffff:0:0/96`), so that byte order is
/// address order in both backends. `prefix` is the network length in that
/// 128-bit space (128 for a single address).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IpRange {
    pub lo: [u8; 16],
    pub hi: [u8; 16],
    pub prefix: i64,
}

/// What one attribute contributes to the index.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CorrelationEntry {
    pub attribute_id: i64,
    pub event_id: i64,
    /// Exact-value keys (and network keys of CIDR values), deduplicated.
    pub keys: Vec<i64>,
    /// For IP and CIDR values: the address range, for containment.
    pub range: Option<IpRange>,
}

/// A cross-script name match, stored in the direction `attribute_id` → `other_id`.
#[derive(Debug, Clone, PartialEq)]
pub struct NamePair {
    pub attribute_id: i64,
    pub event_id: i64,
    pub other_id: i64,
    pub score: f64,
    pub explanation: String,
}

/// One correlation as a reader may see it: `source_id` (an attribute of the
/// event being read) relates to `attribute_id` in `event_id`.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub source_id: i64,
    pub attribute_id: i64,
    pub event_id: i64,
    /// Name correlations only.
    pub score: Option<f64>,
    pub explanation: Option<String>,
}

/// A correlation exclusion (MISP's `CorrelationExclusion`): a value, `%`
/// as wildcard, that correlates with nothing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CorrelationExclusion {
    pub id: i64,
    pub value: String,
    pub from_json: bool,
    pub comment: String,
}

/// Sizes of the index, for `jisr correlate` and the benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CorrelationStats {
    pub keys: i64,
    pub ranges: i64,
    pub name_pairs: i64,
}

/// The correlation index and the exclusions.
pub trait CorrelationTx {
    /// Replaces what each entry's attribute has in the index (keys, range,
    /// and every name pair it takes part in, both directions). An entry
    /// without keys or range takes the attribute out of the index.
    fn correlation_put(&mut self, entries: &[CorrelationEntry]) -> Result<()>;
    /// Adds entries for attributes known to have nothing indexed yet (a new
    /// event, a rebuild): the same as `correlation_put` without the deletes.
    fn correlation_add(&mut self, entries: &[CorrelationEntry]) -> Result<()>;
    /// Empties the whole index (before a rebuild).
    fn correlation_clear(&mut self) -> Result<()>;
    /// The first `limit` attributes holding `key` in attribute order, as
    /// `(attribute_id, event_id)`; unscoped, for computing name pairs at
    /// write time.
    fn correlation_key_holders(&mut self, key: i64, limit: i64) -> Result<Vec<(i64, i64)>>;
    /// [`CorrelationTx::correlation_key_holders`] of each key in `keys`, as
    /// `(key, attribute_id, event_id)`, each key's holders together and in
    /// the order that method gives them. A backend with a round trip per
    /// statement answers in one (an event's names need a lookup per key).
    fn correlation_keys_holders(
        &mut self,
        keys: &[i64],
        limit: i64,
    ) -> Result<Vec<(i64, i64, i64)>> {
        let mut out = vec![];
        for key in keys {
            for (attribute_id, event_id) in self.correlation_key_holders(*key, limit)? {
                out.push((*key, attribute_id, event_id));
            }
        }
        Ok(out)
    }
    fn correlation_names_add(&mut self, pairs: &[NamePair]) -> Result<()>;
    /// The network lengths that CIDR values in the index use, so readers
    /// probe only those.
    fn correlation_prefixes(&mut self) -> Result<Vec<i64>>;
    /// Correlations of attributes of `event_id` with attributes of other
    /// events, as far as `scope` may see the other side: `probes` are
    /// `(source attribute, key)` pairs joined with stored keys, `ranges`
    /// `(source attribute, range)` pairs matched against stored ranges inside
    /// them, plus the stored name pairs. A key or range shared by more than
    /// `limit` attributes (over-correlating) is not expanded.
    fn correlation_related(
        &mut self,
        event_id: i64,
        probes: &[(i64, i64)],
        ranges: &[(i64, IpRange)],
        limit: i64,
        scope: &Scope,
    ) -> Result<Vec<Related>>;
    /// Keys held by more than `limit` attributes, as `(key, holders, one
    /// holder's attribute id)`, most common first.
    fn correlation_over_limit(&mut self, limit: i64) -> Result<Vec<(i64, i64, i64)>>;
    fn correlation_stats(&mut self) -> Result<CorrelationStats>;

    // Exclusions.
    fn correlation_exclusion_insert(&mut self, x: &CorrelationExclusion) -> Result<i64>;
    fn correlation_exclusion_get(&mut self, id: i64) -> Result<Option<CorrelationExclusion>>;
    fn correlation_exclusion_delete(&mut self, id: i64) -> Result<()>;
    fn correlation_exclusions(&mut self) -> Result<Vec<CorrelationExclusion>>;
}
