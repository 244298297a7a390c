//! The similarity of two parts: by sound across scripts, by spelling
//! within one, and by the rules of roles that are not sounds (initials,
//! ordinals, organisation concepts, short forms of given names).

use super::How;
use super::readings::spoken_sim;
use crate::distance::{costs, strict_costs};
use crate::kernel::{Seq, edit_ratio};
use crate::normalize::Script;
use crate::parse::{PartKey, Role};
use crate::phonetic::{Units, nisba_singular, u};

fn units_sim(a: &PartKey, b: &PartKey, cross: bool, same_skel: bool, floor: f32) -> (f32, How) {
    let (sa, sb) = (a.seq(), b.seq());
    let s = if cross {
        costs()
            .similarity_above(&sa, &sb, floor)
            .max(digraph_sim(a, b, floor))
            .max(opening_waw_sim(a, b, floor))
            .max(plural_nisba_sim(a, b, floor))
            .max(spoken_sim(a, b, floor))
    } else {
        let (a, b) = (&a.units, &b.units);
        // one slip of a key in a long word is still the same word; a strict
        // similarity cut to 0 was below the floor, where the larger of it and
        // the edit ratio is the edit ratio or does not matter
        let strict = strict_costs().similarity_above(&sa, &sb, floor);
        let (la, lb) = (a.as_slice().len(), b.as_slice().len());
        // the edit ratio cannot beat 1 - length difference / longer length
        let ceiling = 0.95 * (1.0 - la.abs_diff(lb) as f32 / la.max(lb).max(1) as f32);
        if la >= 5 && lb >= 5 && ceiling > strict {
            strict.max(0.95 * edit_ratio(a.as_slice(), b.as_slice()))
        } else {
            strict
        }
    };
    // a shared skeleton only vouches for spellings across scripts, where vowels are unknown
    if cross && same_skel && s < 0.85 {
        return (s, How::Skeleton);
    }
    let how = if s >= 0.999 && !cross {
        How::Exact
    } else if cross && s >= 0.85 {
        How::Transliteration
    } else {
        How::Phonetic
    };
    (s, how)
}

/// The Arabic and the Latin part of a cross-script pair.
pub(super) fn by_script<'k>(a: &'k PartKey, b: &'k PartKey) -> (&'k PartKey, &'k PartKey) {
    if a.script == Script::Arabic {
        (a, b)
    } else {
        (b, a)
    }
}

/// The similarity of a cross-script pair whose parts read as `arabic` and
/// `latin`, in the pair's own order (the costs are not symmetric).
pub(super) fn oriented_sim(a: &PartKey, arabic: &Seq, latin: &Seq, floor: f32) -> f32 {
    if a.script == Script::Arabic {
        costs().similarity_above(arabic, latin, floor)
    } else {
        costs().similarity_above(latin, arabic, floor)
    }
}

/// The similarity of a pair with its Arabic part read as `read`.
fn reading_sim(a: &PartKey, b: &PartKey, read: &Units, floor: f32) -> f32 {
    let (_, latin) = by_script(a, b);
    oriented_sim(a, &Seq::new(read.as_slice()), &latin.seq(), floor)
}

/// Across scripts, the similarity with the Arabic part's letter pairs read
/// as the digraphs the Latin part writes (Fathi for فتحي); 0 when there are none.
fn digraph_sim(a: &PartKey, b: &PartKey, floor: f32) -> f32 {
    const DIGRAPHS: u64 = 1 << u::TH | 1 << u::DH | 1 << u::SH | 1 << u::X;
    const FIRSTS: u64 = 1 << u::T | 1 << u::D | 1 << u::S | 1 << u::K;
    let (arabic, latin) = by_script(a, b);
    if latin.bag & DIGRAPHS == 0 || arabic.bag & 1 << u::H == 0 || arabic.bag & FIRSTS == 0 {
        return 0.0;
    }
    match crate::phonetic::digraph_reading(arabic.units.as_slice()) {
        Some(joined) => reading_sim(a, b, &joined, floor),
        None => 0.0,
    }
}

/// Across scripts, the similarity with an Arabic part's opening «او» read
/// as alif and the consonant waw, when the Latin part writes a w: most
/// readings open «أوسلو» on a long o, but «أويس» is Uways, Awais, Owais;
/// 0 otherwise.
fn opening_waw_sim(a: &PartKey, b: &PartKey, floor: f32) -> f32 {
    let (arabic, latin) = by_script(a, b);
    let units = arabic.units.as_slice();
    if latin.bag & 1 << u::W == 0 || units.first() != Some(&u::ALEF_U) {
        return 0.0;
    }
    let read = Units::from_slice(&[u::ALEF0, u::W]).concat(&Units::from_slice(&units[1..]));
    reading_sim(a, b, &read, floor)
}

/// Across scripts, the similarity of a body's name that is a plural nisba
/// read in the singular on both sides (the Houthis «الحوثيون»; see
/// [`crate::phonetic::nisba_singular`]); 0 for anything else.
fn plural_nisba_sim(a: &PartKey, b: &PartKey, floor: f32) -> f32 {
    let (arabic, latin) = by_script(a, b);
    if arabic.role != Role::OrgName {
        return 0.0;
    }
    let arabic_singular = nisba_singular(arabic.units.as_slice(), false);
    let latin_singular = nisba_singular(latin.units.as_slice(), true);
    // either side in the plural: the Houthis «الحوثيون», and the Houthis
    // against the singular of «جماعة الحوثي», the group of al-Houthi,
    // whose final ya is the nisba's
    let singular = match (arabic_singular, latin_singular) {
        (Some(s), _) => s,
        (None, Some(_)) if matches!(arabic.units.as_slice().last(), Some(&(u::AY | u::AYF))) => {
            arabic.units
        }
        _ => return 0.0,
    };
    let latin = latin_singular.unwrap_or(latin.units);
    let (arabic, latin) = (Seq::new(singular.as_slice()), Seq::new(latin.as_slice()));
    oriented_sim(a, &arabic, &latin, floor)
}

/// The similarity of two parts and how they correspond; exact when at least
/// `floor`, else at most the exact value and below `floor`.
#[inline]
pub(super) fn part_sim(a: &PartKey, b: &PartKey, floor: f32) -> (f32, How) {
    if a.text_hash == b.text_hash {
        return (1.0, How::Exact);
    }
    if a.script == Script::Other || b.script == Script::Other {
        return (0.0, How::Phonetic);
    }
    if a.concept != 0 && b.concept != 0 {
        // either sense of either word (concept_alt is 0 when there is none)
        let shared = a.concept == b.concept
            || (a.concept_alt() != 0
                && (a.concept_alt() == b.concept || a.concept_alt() == b.concept_alt()))
            || (b.concept_alt() != 0 && b.concept_alt() == a.concept);
        return if shared {
            (1.0, How::Translation)
        } else {
            (0.0, How::Phonetic)
        };
    }
    // numbers only ever meet the same number
    if a.role == Role::Ordinal || b.role == Role::Ordinal {
        return if a.role == b.role && a.text_hash == b.text_hash {
            (1.0, How::Exact)
        } else {
            (0.0, How::Exact)
        };
    }
    let ai = a.role == Role::Initial;
    let bi = b.role == Role::Initial;
    if ai || bi {
        if ai && bi {
            return (0.0, How::Initial);
        }
        let (x, y) = (a.units.first().unwrap_or(0), b.units.first().unwrap_or(0));
        let ok = x == y || crate::distance::sub_cost(x, y) <= 0.2;
        return if ok {
            (0.9, How::Initial)
        } else {
            (0.0, How::Initial)
        };
    }
    // a short form or another language's form of the name: at least an alias
    let alias = a.nickname() != 0 && a.nickname() == b.nickname();
    if a.mask != 0 && b.mask != 0 && a.mask & b.mask == 0 && !alias {
        return (0.0, How::Phonetic);
    }
    let same_skel = a.skel == b.skel && a.skel_len >= 3;
    let (s, how) = units_sim(a, b, a.script != b.script, same_skel, floor);
    if alias && s < ALIAS_SIMILARITY {
        (ALIAS_SIMILARITY, How::Alias)
    } else {
        (s, how)
    }
}

/// What a short form or another language's form of a name is worth.
const ALIAS_SIMILARITY: f32 = 0.9;
