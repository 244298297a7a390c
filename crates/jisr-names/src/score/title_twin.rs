//! A title one name drops that the other writes as its first word: lists
//! read Haji, Imam or Mullah as a title, while «حاجي محمد علي» or «إمام
//! سامودرا» carries the same word as a name part, which would then go
//! unmatched and count against the pair.

use super::part::part_sim;
use crate::parse::{PartKey, Role};

/// How near a title and the other name's first word must sound.
const TWIN: f32 = 0.85;

/// The part of `other` (its index) a title leading `titled` sounds as,
/// when `other` has more to compare: its first informative part, or its
/// last, as Arabic writes a pilgrim's or a sheikh's title after the name
/// as a family name (Messali Hadj «مصالي الحاج», listed as HADJ Messali),
/// unless `titled` has that word among its own names too (Sheikh Ahmed
/// al-Sheikh). A title there too for this pair.
pub(super) fn twin(titled: &[PartKey], other: &[PartKey], other_informative: &[u8]) -> Option<u8> {
    let (&first, rest) = other_informative.split_first()?;
    let &last = rest.last()?;
    let titles = || {
        titled
            .iter()
            .take_while(|k| !k.role.is_informative())
            .filter(|k| k.role == Role::Title)
    };
    let sounds_as = |t: &PartKey, i: u8| {
        other
            .get(i as usize)
            .is_some_and(|word| part_sim(t, word, TWIN).0 >= TWIN)
    };
    if titles().any(|t| sounds_as(t, first)) {
        return Some(first);
    }
    let named = |i: u8| {
        other.get(i as usize).is_some_and(|word| {
            titled
                .iter()
                .filter(|k| k.role.is_informative())
                .any(|k| part_sim(k, word, TWIN).0 >= TWIN)
        })
    };
    (titles().any(|t| sounds_as(t, last)) && !named(last)).then_some(last)
}
