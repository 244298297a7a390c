//! Cross-script name correlation: candidates share a blocking key (not an
//! over-correlating one), are scored with the name engine, and pairs at or
//! above the threshold are stored with score and explanation, both ways.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use jisr_model::Attribute;
use jisr_names::NameKind;
use jisr_store::{NamePair, Tx};

use super::background::HoldersOf;
use super::{Settings, keys};
use crate::error::Result;

/// A name attribute waiting for its candidates: its kind and blocking keys.
pub(crate) struct Named<'a> {
    pub attribute: &'a Attribute,
    pub kind: NameKind,
    pub keys: Vec<i64>,
}

/// One name of a write with the names of other events it is to be scored
/// against: owned, so that the scoring can run on another thread
/// (`background`) while the writer goes on.
pub(crate) struct NameJob {
    attribute_id: i64,
    event_id: i64,
    value: String,
    kind: NameKind,
    candidates: Vec<Candidate>,
}

struct Candidate {
    attribute_id: i64,
    event_id: i64,
    value: Arc<str>,
}

/// What name matching needs to know of an attribute that may be a
/// candidate: its event, its value and which kind of name it is, if any.
/// The value is shared: the memo, a write's lookup and the scoring thread's
/// job each hold it, and a candidate meets many names.
#[derive(Clone)]
pub(crate) struct KnownName {
    pub event_id: i64,
    pub value: Arc<str>,
    pub kind: Option<NameKind>,
}

/// Scores each of `named` (attributes of one write) against the holders of
/// its blocking keys in other events and stores the pairs at or above the
/// threshold, here or, during an import, on the scoring thread.
pub(crate) fn match_all(tx: &mut dyn Tx, s: &Settings, named: &[Named]) -> Result<()> {
    let jobs = gather(tx, s, named)?;
    if jobs.is_empty() {
        return Ok(());
    }
    let (threshold, limit) = (s.name_threshold, s.limit);
    let Some(jobs) = super::background::submit(tx, jobs, threshold, limit)? else {
        return Ok(());
    };
    let pairs: Vec<NamePair> = jobs
        .iter()
        .flat_map(|j| score_job(j, threshold, limit))
        .collect();
    tx.correlation_names_add(&pairs)?;
    Ok(())
}

/// What each of `named` is to be scored against. The holders of every key,
/// the candidates and their objects are read once for all of them, so a
/// write's names cost a few statements instead of several per name; each
/// name's candidates are those it would get alone.
fn gather(tx: &mut dyn Tx, s: &Settings, named: &[Named]) -> Result<Vec<NameJob>> {
    let block = s.name_block_limit.min(s.limit);
    let mut all_keys: Vec<i64> = named.iter().flat_map(|n| n.keys.iter().copied()).collect();
    all_keys.sort_unstable();
    all_keys.dedup();
    if all_keys.is_empty() {
        return Ok(vec![]);
    }
    let holders_of = holders(tx, &all_keys, block + 1)?;
    let mut candidates_of = Vec::with_capacity(named.len());
    let mut wanted = vec![];
    let mut wanted_seen = HashSet::new();
    for n in named {
        let c = candidates(&holders_of, block, n);
        wanted.extend(c.iter().copied().filter(|id| wanted_seen.insert(*id)));
        candidates_of.push(c);
    }
    if wanted.is_empty() {
        return Ok(vec![]);
    }
    let known = known_names(tx, &wanted)?;
    let mut jobs = Vec::with_capacity(named.len());
    for (n, ids) in named.iter().zip(candidates_of) {
        let mine = n.attribute.value1.trim().to_lowercase();
        let mut candidates = vec![];
        for (id, other) in ids.iter().filter_map(|id| Some((*id, known.get(id)?))) {
            // Identical values already correlate exactly.
            if other.kind != Some(n.kind) || other.value.trim().to_lowercase() == mine {
                continue;
            }
            candidates.push(Candidate {
                attribute_id: id,
                event_id: other.event_id,
                value: Arc::clone(&other.value),
            });
        }
        if !candidates.is_empty() {
            jobs.push(NameJob {
                attribute_id: n.attribute.id,
                event_id: n.attribute.event_id,
                value: n.attribute.value1.clone(),
                kind: n.kind,
                candidates,
            });
        }
    }
    Ok(jobs)
}

/// The holders (attribute, event) of each of `keys`, at most `limit` each,
/// in attribute order: during an import, what the memo knows, and the rest
/// read from the store.
fn holders(tx: &mut dyn Tx, keys: &[i64], limit: i64) -> Result<HoldersOf> {
    let mut holders_of = HoldersOf::with_capacity(keys.len());
    let missing = super::background::recall_holders(keys, limit, &mut holders_of);
    if missing.is_empty() {
        return Ok(holders_of);
    }
    let mut read = HoldersOf::new();
    for (key, attribute_id, event_id) in tx.correlation_keys_holders(&missing, limit)? {
        read.entry(key).or_default().push((attribute_id, event_id));
    }
    super::background::remember_holders(&missing, limit, &read);
    holders_of.extend(read);
    Ok(holders_of)
}

/// What is known of the attributes `ids`: during an import, what the
/// scoring thread's memo holds (attributes written or read earlier in the
/// transaction), and the rest read from the store.
fn known_names(tx: &mut dyn Tx, ids: &[i64]) -> Result<HashMap<i64, KnownName>> {
    let mut known = HashMap::with_capacity(ids.len());
    let missing = super::background::recall(ids, &mut known);
    if missing.is_empty() {
        return Ok(known);
    }
    let attributes = tx.attributes_get(&missing)?;
    // An attribute of an object is a person's or an organisation's name by
    // the object's template: the objects are read together, not per event.
    let mut object_ids: Vec<i64> = attributes
        .iter()
        .filter(|a| a.object_id > 0)
        .map(|a| a.object_id)
        .collect();
    object_ids.sort_unstable();
    object_ids.dedup();
    let templates: HashMap<i64, String> = tx
        .objects_get(&object_ids)?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let mut learned = Vec::with_capacity(missing.len());
    for a in attributes {
        let kind = keys::name_kind(&a, templates.get(&a.object_id).map(String::as_str));
        learned.push((
            a.id,
            KnownName {
                event_id: a.event_id,
                value: a.value1.into(),
                kind,
            },
        ));
    }
    super::background::remember(learned.iter().cloned());
    known.extend(learned);
    Ok(known)
}

/// The attributes of other events that share a blocking key of `n` (keys
/// held by more than `block` attributes give none), first seen first.
fn candidates(holders_of: &HoldersOf, block: i64, n: &Named) -> Vec<i64> {
    let mut out = vec![];
    let mut seen = HashSet::new();
    for key in &n.keys {
        let holders = holders_of.get(key).map(Vec::as_slice).unwrap_or(&[]);
        if holders.len() as i64 > block {
            continue;
        }
        for (attribute_id, event_id) in holders {
            if *event_id != n.attribute.event_id && seen.insert(*attribute_id) {
                out.push(*attribute_id);
            }
        }
    }
    out
}

/// The pairs, both ways, of the job's name with those of its candidates
/// that score at or above `threshold`, the best `limit` of them.
pub(crate) fn score_job(job: &NameJob, threshold: f64, limit: i64) -> Vec<NamePair> {
    let me = jisr_names::parse(&job.value, job.kind);
    let mut scored = vec![];
    for other in &job.candidates {
        let m = jisr_names::score(&me, &jisr_names::parse(&other.value, job.kind));
        if m.score >= threshold {
            scored.push((other, m));
        }
    }
    // The cap bounds stored pairs too: the best ones are kept.
    scored.sort_by(|x, y| y.1.score.total_cmp(&x.1.score));
    scored.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let mut pairs = Vec::with_capacity(scored.len() * 2);
    for (other, m) in scored {
        let explanation = m.explanation.to_string();
        pairs.push(NamePair {
            attribute_id: job.attribute_id,
            event_id: job.event_id,
            other_id: other.attribute_id,
            score: m.score,
            explanation: explanation.clone(),
        });
        pairs.push(NamePair {
            attribute_id: other.attribute_id,
            event_id: other.event_id,
            other_id: job.attribute_id,
            score: m.score,
            explanation,
        });
    }
    pairs
}
