//! A body written as an acronym against a body written in words (OPEC and
//! the Organization of the Petroleum Exporting Countries): the parser marks
//! both (`parse::acronym`), and here the marks meet.

use super::{AlignedParts, How};
use crate::parse::{ParsedName, PartKey, Role};

/// The score of an acronym that is a body's initials: a match from four
/// letters on, but below a name written out alike, since bodies share
/// acronyms; three letters are shared by so many (RSF: the Rapid Support
/// Forces and Reporters sans frontières) that they only rank a body, below
/// the threshold.
const SHORT: f32 = 0.7;
const LONG: f32 = 0.82;

/// The marks sit after a name's parts.
fn marks(keys: &[PartKey]) -> impl Iterator<Item = &PartKey> {
    keys.iter()
        .rev()
        .take_while(|k| matches!(k.role, Role::Acronym | Role::Initials))
}

/// The score of the acronym one side is written as against the initials of
/// the other's words, and whether the acronym is on the right (b); 0 when
/// neither is the other's acronym.
pub(super) fn acronym_sim(a: &[PartKey], b: &[PartKey]) -> (f32, bool) {
    // most names are persons' and have no marks: one look settles them
    let marked = |k: &[PartKey]| {
        k.last()
            .is_some_and(|k| matches!(k.role, Role::Acronym | Role::Initials))
    };
    if !marked(a) || !marked(b) {
        return (0.0, false);
    }
    for (x, y, flipped) in [(a, b, false), (b, a, true)] {
        let Some(acronym) = marks(x).find(|k| k.role == Role::Acronym) else {
            continue;
        };
        if marks(y).any(|k| k.role == Role::Initials && k.text_hash == acronym.text_hash) {
            let s = if acronym.skel_len <= 3 { SHORT } else { LONG };
            return (s, flipped);
        }
    }
    (0.0, false)
}

/// The explanation's line for a pair scored by its acronym: the letters
/// against the words that spell them, on their sides (`right`: the acronym
/// is `b`).
pub(super) fn aligned(
    a: &ParsedName,
    b: &ParsedName,
    right: bool,
    similarity: f64,
) -> AlignedParts {
    let (short, long) = if right { (b, a) } else { (a, b) };
    let letters = short
        .parts
        .iter()
        .find(|p| p.role == Role::Acronym)
        .map(|p| p.text.clone())
        .unwrap_or_default();
    let words = long
        .informative_parts()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let (left, right) = if right {
        (words, letters)
    } else {
        (letters, words)
    };
    AlignedParts {
        left,
        right,
        how: How::Acronym,
        similarity,
    }
}
