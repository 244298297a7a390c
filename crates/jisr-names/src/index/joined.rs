//! Two adjacent words of a listed Arabic-script name, keyed as one. Arabic
//! script writes apart what Latin spellings join: the halves of Persian
//! and Turkic compound given names (Alireza «علي رضا», Gurbanguly «قربان
//! قولي») and of long foreign surnames (Izetbegović «عزت بيغوفيتش»). A
//! Latin query's one word then shares no key with either half, and a name
//! made only of such words was never scored (0.93 once scored). The query
//! side, two query words meeting one listed word, is in `candidates`.

use crate::normalize::Script;
use crate::parse::PartKey;
use crate::phonetic::{second_skeleton, skeleton_on_stack};

/// The namespace of joined keys, apart from the parts' own keys: a part's
/// key met there counts as a join, not as the part.
pub(super) fn joined_key(key: &str) -> String {
    format!("j{key}")
}

/// The skeleton of the part at `i` joined to the one before it, and its
/// other reading (ض as z: Reza) when that differs, when both are words of
/// a name written in Arabic script. Short joins are left out: two
/// one-letter keys meet too much.
pub(crate) fn joined_with_previous(keys: &[PartKey], i: usize) -> Option<(String, Option<String>)> {
    let joinable = |k: &PartKey| k.role.is_keyed() && k.concept == 0 && k.script == Script::Arabic;
    let (a, b) = (keys.get(i.checked_sub(1)?)?, keys.get(i)?);
    if !(joinable(a) && joinable(b)) {
        return None;
    }
    // settled on the stack: every listed Arabic name asks, most pairs give
    // a join, and a join that is one of its words' own key is none
    let units = a.units.concat(&b.units);
    let key = skeleton_on_stack(units.as_slice());
    let key = key.as_str();
    if key.len() < 3
        || key == skeleton_on_stack(a.units.as_slice()).as_str()
        || key == skeleton_on_stack(b.units.as_slice()).as_str()
    {
        return None;
    }
    let second = second_skeleton(units.as_slice(), false).filter(|s| s != key);
    Some((key.to_string(), second))
}

/// The joined keys of a listed name's adjacent words, each with its other
/// reading.
pub(super) fn listed_joins(keys: &[PartKey]) -> Vec<String> {
    let mut out = Vec::new();
    for i in 1..keys.len() {
        if let Some((key, second)) = joined_with_previous(keys, i) {
            out.push(joined_key(&key));
            out.extend(second.map(|s| joined_key(&s)));
        }
    }
    out
}
