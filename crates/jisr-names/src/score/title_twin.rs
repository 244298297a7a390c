//! A title one name drops that the other writes as its first word: lists
//! read Haji, Imam or Mullah as a title, while «حاجي محمد علي» or «إمام
//! سامودرا» carries the same word as a name part, which would then go
//! unmatched and count against the pair.

use super::part::part_sim;
use crate::parse::{PartKey, Role};

/// How near a title and the other name's first word must sound.
const TWIN: f32 = 0.85;

/// The first informative part of `other` (its index), when a title leading
/// `titled` sounds as it does and `other` has more to compare: a title
/// there too for this pair.
pub(super) fn twin(titled: &[PartKey], other: &[PartKey], other_informative: &[u8]) -> Option<u8> {
    let (&first, rest) = other_informative.split_first()?;
    if rest.is_empty() {
        return None;
    }
    let word = other.get(first as usize)?;
    titled
        .iter()
        .take_while(|k| !k.role.is_informative())
        .filter(|k| k.role == Role::Title)
        .any(|t| part_sim(t, word, TWIN).0 >= TWIN)
        .then_some(first)
}
