//! Cross-script name correlation: candidates share a blocking key (not an
//! over-correlating one), are scored with the name engine, and pairs at or
//! above the threshold are stored with score and explanation, both ways.

use std::collections::{HashMap, HashSet};

use jisr_model::Attribute;
use jisr_names::NameKind;
use jisr_store::{NamePair, Tx};

use super::{ObjectFacts, Settings, keys};
use crate::error::Result;

/// Scores `a` against the holders of its blocking keys in other events.
pub(crate) fn match_name(
    tx: &mut dyn Tx,
    s: &Settings,
    a: &Attribute,
    kind: NameKind,
    name_keys: &[i64],
) -> Result<()> {
    let mut candidates: Vec<i64> = vec![];
    let mut seen = HashSet::new();
    for key in name_keys {
        let block = s.name_block_limit.min(s.limit);
        let holders = tx.correlation_key_holders(*key, block + 1)?;
        if holders.len() as i64 > block {
            continue;
        }
        for (attribute_id, event_id) in holders {
            if event_id != a.event_id && seen.insert(attribute_id) {
                candidates.push(attribute_id);
            }
        }
    }
    if candidates.is_empty() {
        return Ok(());
    }
    let me = jisr_names::parse(&a.value1, kind);
    let mine = a.value1.trim().to_lowercase();
    let mut objects: HashMap<i64, HashMap<i64, ObjectFacts>> = HashMap::new();
    let mut scored = vec![];
    for other in tx.attributes_get(&candidates)? {
        // Identical values already correlate exactly.
        if other.value1.trim().to_lowercase() == mine {
            continue;
        }
        let object_name = if other.object_id > 0 {
            if let std::collections::hash_map::Entry::Vacant(slot) = objects.entry(other.event_id) {
                slot.insert(super::objects_of(tx, other.event_id)?);
            }
            objects
                .get(&other.event_id)
                .and_then(|m| m.get(&other.object_id))
                .map(|o| o.name.clone())
        } else {
            None
        };
        if keys::name_kind(&other, object_name.as_deref()) != Some(kind) {
            continue;
        }
        let m = jisr_names::score(&me, &jisr_names::parse(&other.value1, kind));
        if m.score >= s.name_threshold {
            scored.push((other, m));
        }
    }
    // The cap bounds stored pairs too: the best ones are kept.
    scored.sort_by(|x, y| y.1.score.total_cmp(&x.1.score));
    scored.truncate(usize::try_from(s.limit).unwrap_or(usize::MAX));
    let mut pairs = Vec::with_capacity(scored.len() * 2);
    for (other, m) in scored {
        let explanation = m.explanation.to_string();
        pairs.push(NamePair {
            attribute_id: a.id,
            event_id: a.event_id,
            other_id: other.id,
            score: m.score,
            explanation: explanation.clone(),
        });
        pairs.push(NamePair {
            attribute_id: other.id,
            event_id: other.event_id,
            other_id: a.id,
            score: m.score,
            explanation,
        });
    }
    tx.correlation_names_add(&pairs)?;
    Ok(())
}
