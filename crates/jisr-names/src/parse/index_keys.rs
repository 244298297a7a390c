//! The keys a parsed part is indexed and looked up under: its skeleton,
//! the readings other orthographies give it, and its consonant classes.

use super::{PartKey, Role};
use crate::lexicon::lexicon;
use crate::normalize::Script;
use crate::phonetic::{skeleton, u};

/// The skeleton's consonant classes, plus the class a unit also sounds as
/// where its key is another: z for ض (its key is d, as most Arabic
/// romanisations write it, but Persian and Urdu ones write z: Zia), s for
/// zh (pinyin zh is تش: Zhou), k for a Latin c before e/i/y (Turkish j)
/// and for pinyin q (keyed as its ch, but also q).
pub(crate) fn class_mask(skel: &str, units: &[u8]) -> u32 {
    let class = |c: u8| 1u32 << (c - b'A');
    let also = units.iter().fold(0, |m, &x| {
        m | match x {
            u::DAD => class(b'Z'),
            u::ZH => class(b'S'),
            // s between vowels is z (Isaiah «أيزاياه», Rose «روز»)
            u::S => class(b'Z'),
            u::CI | u::QI => class(b'K'),
            _ => 0,
        }
    });
    skel.bytes()
        .filter(|b| b.is_ascii_uppercase())
        .fold(also, |m, b| m | class(b))
}

/// A second index key of a part as another orthography reads it (Turkish
/// c as j and a final t as d; silent letters left out; ض as z), when that
/// differs from its key; for a concept word names also romanise, its
/// sound: every Arabic one (Jaish al-Adl «جيش العدل», Banque Misr «بنك
/// مصر»), and the Latin forms of the concepts whose Arabic names are as
/// often romanised as translated.
pub(crate) fn part_second_skeleton(k: &PartKey) -> Option<String> {
    if k.script == Script::Other {
        return None;
    }
    if k.concept != 0 {
        return (k.script == Script::Arabic || lexicon().is_romanised_concept(k.concept))
            .then(|| part_skeleton(k));
    }
    // a group named by its members meets the singular (Houthis «الحوثيون»)
    if k.role == Role::OrgName
        && let Some(singular) =
            crate::phonetic::nisba_singular(k.units.as_slice(), k.script == Script::Latin)
    {
        return Some(skeleton(singular.as_slice()));
    }
    crate::phonetic::second_skeleton(k.units.as_slice(), k.script == Script::Latin)
}

/// A third index key of a Latin person's or body's word with a c: its
/// Somali reading (see [`crate::phonetic::somali_skeleton`]).
pub(crate) fn part_somali_skeleton(k: &PartKey) -> Option<String> {
    (k.script == Script::Latin && k.concept == 0)
        .then(|| crate::phonetic::somali_skeleton(k.units.as_slice()))
        .flatten()
}

/// The skeleton of a part, as used for index keys.
pub(crate) fn part_skeleton(k: &PartKey) -> String {
    if k.script == Script::Other {
        return format!("*{:x}", k.text_hash & 0xffff_ffff);
    }
    let s = skeleton(k.units.as_slice());
    if s.is_empty() { "_".to_string() } else { s }
}
