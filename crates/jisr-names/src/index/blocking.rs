//! The keys a stored name is blocked on where an index cannot be held in
//! memory (the server's correlation keeps them in an indexed SQL column):
//! two names are scored when they share one. They are the index's keys
//! as strings, each part with its other readings, and the joins of the
//! words at an Arabic-script name's ends (`end_joins`).

use super::{joined, part_second_skeleton, part_skeleton, part_somali_skeleton, particle_joined};
use crate::normalize::Script;
use crate::parse::{ParsedName, Role};
use crate::phonetic::skeleton;

/// Stable candidate keys of a parsed name, suitable for an indexed SQL column:
/// `s:` + consonant skeleton of each informative part, `c:` + concept of
/// translated organisation words.
pub fn keys(name: &ParsedName) -> Vec<String> {
    key_readings(name)
        .into_iter()
        .filter_map(|r| r.into_iter().next())
        .collect()
}

/// Whether a key of [`key_readings`] is a word for a kind of body
/// (`c:ministry`, `c:bank`, `c:company`): it names no body alone, nor with
/// another such word, so blocking pairs it only with the body's own words.
pub fn is_kind_key(key: &str) -> bool {
    key.strip_prefix("c:")
        .is_some_and(crate::lexicon::is_type_concept_name)
}

/// [`keys`], each with its other readings: a part's second one (`s:KML`
/// beside `s:SML` for Cemil, `s:BK` beside `s:BKLT` for Foucault, `s:BZL`
/// beside `s:BDL` for «فضل»), so that blocking on exact keys meets «جميل»,
/// «فوكو» and Fazl. The first reading of each is the key [`keys`] gives.
pub fn key_readings(name: &ParsedName) -> Vec<Vec<String>> {
    let lex = crate::lexicon::lexicon();
    let mut out: Vec<Vec<String>> = Vec::new();
    let parts = name
        .names()
        .flat_map(|n| n.keys().iter().enumerate().map(move |(i, k)| (n, i, k)));
    for (n, i, k) in parts {
        let keys = n.keys();
        if !k.role.is_keyed() {
            continue;
        }
        let key = if k.concept != 0 {
            format!("c:{}", lex.concept_name(k.concept))
        } else {
            format!("s:{}", part_skeleton(k))
        };
        if out.iter().any(|r| r.first() == Some(&key)) {
            continue;
        }
        let mut readings = vec![key];
        if k.concept != 0 && k.concept_alt() != 0 {
            readings.push(format!("c:{}", lex.concept_name(k.concept_alt())));
        }
        if let Some(t) = part_second_skeleton(k) {
            readings.push(format!("s:{t}"));
        }
        if let Some(t) = part_somali_skeleton(k) {
            readings.push(format!("s:{t}"));
        }
        // glued to its particle (Benflis «بن فليس», Ben Ali «بنعلي»)
        if let Some(t) = particle_joined(keys, i) {
            readings.push(format!("s:{t}"));
        }
        // a Persian or Pashtun surname's ending written apart, as Arabic
        // script often does (Hajizadeh «حاجي زاده», Ahmadinejad «أحمدي نجاد»)
        if let Some(t) = suffix_joined(n, i) {
            readings.push(format!("s:{t}"));
        }
        // without the article and the silent letters (Sadat «السادات»)
        if k.concept == 0
            && k.script != Script::Other
            && let Some(t) = crate::phonetic::bare_skeleton(k.units.as_slice())
        {
            let t = format!("s:{t}");
            if t != "s:" && !readings.contains(&t) {
                readings.push(t);
            }
        }
        // the name's forms in other languages and its short forms (Yitzhak
        // «إسحاق», Bill William) share no sound
        if k.nickname() != 0 {
            readings.push(format!("n:{}", k.nickname()));
        }
        out.push(readings);
    }
    out
}

/// Blocking keys that pair a body written as an acronym with bodies whose
/// words spell it (OPEC, the Organization of the Petroleum Exporting
/// Countries): `a:` + the letters, from either mark; empty for a name with
/// none (every person's). Two bodies with the same initials share one too,
/// and are scored apart.
pub fn acronym_keys(name: &ParsedName) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in name.names() {
        for p in &n.parts {
            if matches!(p.role, Role::Acronym | Role::Initials) {
                let key = format!("a:{}", p.text);
                if !out.contains(&key) {
                    out.push(key);
                }
            }
        }
    }
    out
}

/// Endings of Persian, Afghan and Pashtun surnames that Arabic script
/// writes as a word of their own and Latin spellings as part of the name
/// (Hajizadeh, Ahmadinejad, Jafarpour, Ahmadzai), as `normalize` writes them.
const DETACHED_ENDINGS: &[&str] = &[
    "زاده", "نجاد", "نژاد", "پور", "بور", "فر", "نيا", "وند", "زاي", "خيل", "zadeh", "zada",
    "nejad", "nezhad", "pour", "far", "nia", "vand", "zai", "khel",
];

/// The skeleton of the part at `i`, when it is a surname's ending written
/// apart, joined to the part before it.
fn suffix_joined(n: &ParsedName, i: usize) -> Option<String> {
    let part = n.parts.get(i)?;
    let (before, k) = (n.keys().get(i.checked_sub(1)?)?, n.keys().get(i)?);
    (n.parts.len() == n.keys().len()
        && DETACHED_ENDINGS.contains(&part.text.as_str())
        && before.concept == 0
        && before.script == k.script)
        .then(|| skeleton(before.units.concat(&k.units).as_slice()))
}

/// The keys (`s:` + skeleton, with the other reading where ض reads as
/// z) of two words of a name's Arabic-script form keyed as one, as a Latin
/// spelling may join them (Alireza «علي رضا», Izetbegović «عزت بيغوفيتش»).
/// Blocking pairs a name's first and last words; these are kept apart
/// from [`key_readings`], whose readings it pairs every way, so that they
/// add a few keys to an Arabic name rather than multiply them.
#[derive(Debug, Default)]
pub struct EndJoins {
    /// The first two words, when a last word comes after them.
    pub start: Vec<String>,
    /// The last two words, when a first word comes before them.
    pub end: Vec<String>,
}

/// The [`EndJoins`] of a name (of its first name only, not its a.k.a.).
pub fn end_joins(name: &ParsedName) -> EndJoins {
    let keys = name.keys();
    let keyed = |i: &usize| keys.get(*i).is_some_and(|k| k.role.is_keyed());
    let (Some(f), Some(l)) = (
        (0..keys.len()).find(keyed),
        (0..keys.len()).rev().find(keyed),
    ) else {
        return EndJoins::default();
    };
    // the join of the word at `i` with the one before it, in its forms
    let forms = |i: usize| -> Vec<String> {
        joined::joined_with_previous(keys, i)
            .map(|(key, second)| {
                std::iter::once(key)
                    .chain(second)
                    .map(|t| format!("s:{t}"))
                    .collect()
            })
            .unwrap_or_default()
    };
    // a name of two words is not keyed joined: every such Arabic name
    // would pay a key for the rare one-word Latin name
    if l < f + 2 {
        return EndJoins::default();
    }
    EndJoins {
        start: forms(f + 1),
        end: forms(l),
    }
}
