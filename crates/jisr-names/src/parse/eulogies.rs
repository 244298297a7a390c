//! The formulas of blessing and prayer that follow a person's name in
//! religious and militant writing, and in the press quoting it («أسامة بن
//! لادن رحمه الله», «أيمن الظواهري حفظه الله», Abu Bakr (r.a.), Anwar
//! al-Awlaki (may Allah have mercy on him)), and the one that goes before
//! the late («المغفور له الشيخ زايد»). They are not the name: read as its
//! words they left the name unmatched against the same name written bare,
//! and a parenthesis of them would be read as another name. The letters
//! that end a name (PhD, Esq., OBE) are left out too.

use crate::normalize::normalize;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// Formulas after a name, in normalised words (ة as ه, ى as ي, no hamza
/// seats, lower case, dots dropped).
const AFTER: &[&[&str]] = &[
    // may God have mercy on him, her, them
    &["رحمه", "الله"],
    &["رحمها", "الله"],
    &["رحمهم", "الله"],
    &["رحمهما", "الله"],
    // may God accept him (as a martyr)
    &["تقبله", "الله"],
    &["تقبلها", "الله"],
    &["تقبلهم", "الله"],
    // may God protect him
    &["حفظه", "الله"],
    &["حفظها", "الله"],
    &["حفظهم", "الله"],
    // may God free him from captivity
    &["فك", "الله", "اسره"],
    &["فك", "الله", "اسرها"],
    &["فك", "الله", "اسرهم"],
    // may God be pleased with him
    &["رضي", "الله", "عنه"],
    &["رضي", "الله", "عنها"],
    &["رضي", "الله", "عنهم"],
    // peace be upon him
    &["عليه", "السلام"],
    &["عليها", "السلام"],
    &["عليهم", "السلام"],
    &["صلي", "الله", "عليه", "وسلم"],
    &["صلي", "الله", "عليه", "واله", "وسلم"],
    // may God sanctify his soul; may his shadow last
    &["قدس", "سره"],
    &["قدس", "الله", "سره"],
    &["قدس", "الله", "روحه"],
    &["دام", "ظله"],
    &["دام", "عزه"],
    &["دامت", "بركاته"],
    // may God strengthen, support, guide him
    &["اعزه", "الله"],
    &["نصره", "الله"],
    &["ايده", "الله"],
    &["وفقه", "الله"],
    &["سدده", "الله"],
    &["غفر", "الله", "له"],
    &["طيب", "الله", "ثراه"],
    &["نور", "الله", "ضريحه"],
    // the same in Latin letters, as English-language jihadist and
    // religious writing spells them
    &["rahimahullah"],
    &["rahimahullahu"],
    &["rahimahallah"],
    &["rahimahumullah"],
    &["rahimahu", "allah"],
    &["rahimahu", "allahu"],
    &["hafidhahullah"],
    &["hafizahullah"],
    &["hafidahullah"],
    &["hafidhahu", "allah"],
    &["hafizahu", "allah"],
    &["taqabbalahullah"],
    &["taqabalahullah"],
    &["radiallahu", "anhu"],
    &["radiyallahu", "anhu"],
    &["radhiallahu", "anhu"],
    &["radi", "allahu", "anhu"],
    &["radiallahu", "anha"],
    &["radiyallahu", "anha"],
    &["alayhi", "salam"],
    &["alayhis", "salam"],
    &["alayhi", "al", "salam"],
    &["alaihi", "salam"],
    &["alaihis", "salam"],
    &["alaihissalam"],
    &["sallallahu", "alayhi", "wa", "sallam"],
    &["sallallahu", "alaihi", "wa", "sallam"],
    &["salallahu", "alaihi", "wasallam"],
    &["pbuh"],
    &["peace", "be", "upon", "him"],
    &["peace", "be", "upon", "her"],
    &["may", "allah", "have", "mercy", "on", "him"],
    &["may", "allah", "have", "mercy", "on", "her"],
    &["may", "allah", "have", "mercy", "upon", "him"],
    &["may", "allah", "protect", "him"],
    &["may", "allah", "protect", "her"],
    &["may", "allah", "preserve", "him"],
    &["may", "allah", "accept", "him"],
    &["may", "allah", "free", "him"],
    &["may", "allah", "be", "pleased", "with", "him"],
    &["may", "allah", "be", "pleased", "with", "her"],
];

/// Abbreviated formulas, read only when a parenthesis holds them alone
/// (dots dropped: r.a. is ra): outside one they may be a name's letters
/// (As, Ra).
const ABBREVIATED: &[&str] = &[
    "ra", "rh", "as", "saw", "saws", "swt", "qs", "ha", "db", "ص", "ع", "رض", "رح", "قده", "حفظه",
];

/// The late, before a name: «المغفور له» (to whom God forgave), «المغفور
/// لها», with «باذن الله» (God willing) after it.
const BEFORE: &[&[&str]] = &[
    &["المغفور", "له", "باذن", "الله"],
    &["المغفور", "لها", "باذن", "الله"],
    &["المغفور", "له"],
    &["المغفور", "لها"],
];

/// Letters written after a person's name, left out when they end it
/// (Ahmed Ali PhD): degrees, British orders and offices. Not MD, which
/// Bangladeshi names write for Muhammad, nor KC, a Nepali family name,
/// nor the Urdu honorific sahib, which is also a name (Sahab «سحاب»,
/// Sahib «صاحب»).
const POST_NOMINALS: &[&[&str]] = &[
    &["phd"],
    &["esq"],
    &["mbe"],
    &["obe"],
    &["cbe"],
    &["kbe"],
    &["dbe"],
    &["qc"],
    &["mp"],
];

type ByFirstWord = HashMap<&'static str, Vec<&'static [&'static str]>, Fx>;
type Fx = BuildHasherDefault<crate::cache::FxHasher>;

/// The formulas by their first word, after the name and before it, and
/// the signatures of those first words (see `signature`).
struct Formulas {
    after: ByFirstWord,
    before: ByFirstWord,
    ending: ByFirstWord,
    first_words: [u64; 16],
}

impl Formulas {
    /// Whether `word` may open a formula: most words of a name are told
    /// from every formula's first word by their signature, unhashed.
    fn may_open(&self, word: &str) -> bool {
        let sig = signature(word.as_bytes());
        self.first_words[sig / 64] & (1 << (sig % 64)) != 0
    }

    /// How many words from `i` on a formula of `map` takes.
    fn length_at(&self, words: &[&str], i: usize, map: &ByFirstWord) -> Option<usize> {
        let first = words.get(i)?;
        if !self.may_open(first) {
            return None;
        }
        map.get(first)?
            .iter()
            .find(|f| words.len() >= i + f.len() && f.iter().zip(&words[i..]).all(|(x, w)| w == x))
            .map(|f| f.len())
    }
}

fn formulas() -> &'static Formulas {
    static FORMULAS: OnceLock<Formulas> = OnceLock::new();
    FORMULAS.get_or_init(|| {
        let mut first_words = [0u64; 16];
        let mut by_first = |list: &[&'static [&'static str]]| {
            let mut map = ByFirstWord::default();
            for f in list {
                if let Some(first) = f.first() {
                    let sig = signature(first.as_bytes());
                    first_words[sig / 64] |= 1 << (sig % 64);
                    map.entry(*first).or_insert_with(Vec::new).push(*f);
                }
            }
            map
        };
        let after = by_first(AFTER);
        let before = by_first(BEFORE);
        let ending = by_first(POST_NOMINALS);
        Formulas {
            after,
            before,
            ending,
            first_words,
        }
    })
}

/// A word's place among 1,024 bits, from its length and its last two bytes.
fn signature(w: &[u8]) -> usize {
    let n = w.len();
    let last = w.last().copied().unwrap_or(0) as usize;
    let before_last = n.checked_sub(2).map_or(0, |k| w[k]) as usize;
    (n * 131 + before_last * 31 + last) % 1024
}

/// A name's normalised words without the formulas after it and the one
/// before it, and the post-nominals that end it, when it has any and a
/// word is left. The name's first word
/// is never one (Rahimahullah alone is a name).
pub(super) fn without_formulas<'a>(words: &[&'a str]) -> Option<Vec<&'a str>> {
    let f = formulas();
    if !words.iter().any(|w| f.may_open(w)) {
        return None;
    }
    let mut kept = Vec::with_capacity(words.len());
    let mut i = f.length_at(words, 0, &f.before).unwrap_or(0);
    if i == 0 {
        kept.extend(words.first());
        i = 1;
    }
    while i < words.len() {
        match f.length_at(words, i, &f.after) {
            Some(n) => i += n,
            None => {
                kept.push(words[i]);
                i += 1;
            }
        }
    }
    while kept.len() > 1
        && kept
            .last()
            .is_some_and(|w| f.may_open(w) && f.ending.contains_key(w))
    {
        kept.pop();
    }
    (kept.len() < words.len() && !kept.is_empty()).then_some(kept)
}

/// Whether normalised words are one formula, whole.
fn is_formula(words: &[&str]) -> bool {
    let f = formulas();
    matches!(words, [one] if ABBREVIATED.contains(one))
        || f.length_at(words, 0, &f.after) == Some(words.len())
}

/// `raw` without the parentheses that hold only a formula ("(r.a.)",
/// "(may Allah have mercy on him)", «(عليه السلام)»), when it has any:
/// read as their words they would be another name, and an abbreviation
/// is only known for one inside them.
pub(super) fn without_parenthesised(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut changed = false;
    let mut rest = raw;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let content = normalize(&rest[open + 1..close].replace('.', ""));
        let words: Vec<&str> = content.split(' ').filter(|w| !w.is_empty()).collect();
        if is_formula(&words) {
            out.push_str(rest[..open].trim_end());
            changed = true;
        } else {
            out.push_str(&rest[..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    let name = out.trim();
    (changed && !normalize(name).is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(raw: &str) -> Option<String> {
        let raw = without_parenthesised(raw).unwrap_or_else(|| raw.to_string());
        let norm = normalize(&raw);
        let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
        Some(without_formulas(&words).unwrap_or(words).join(" "))
    }

    #[test]
    fn formulas_of_blessing_are_not_the_name() {
        for (raw, name) in [
            ("أسامة بن لادن رحمه الله", "اسامه بن لادن"),
            (
                "الشيخ أبو مصعب الزرقاوي تقبله الله",
                "الشيخ ابو مصعب الزرقاوي",
            ),
            ("أبو بكر البغدادي حفظه الله", "ابو بكر البغدادي"),
            ("الأسير محمد سعيد فك الله أسره", "الاسير محمد سعيد"),
            ("الإمام علي (عليه السلام)", "الامام علي"),
            ("الإمام علي (ع)", "الامام علي"),
            ("الإمام علي عليه السلام", "الامام علي"),
            ("المغفور له الشيخ زايد بن سلطان", "الشيخ زايد بن سلطان"),
            ("المغفور له بإذن الله الشيخ زايد", "الشيخ زايد"),
            (
                "Sheikh Anwar al-Awlaki (rahimahullah)",
                "sheikh anwar al awlaki",
            ),
            (
                "Anwar al-Awlaki (may Allah have mercy on him)",
                "anwar al awlaki",
            ),
            ("Abu Bakr (r.a.)", "abu bakr"),
            ("Abu Hamza al-Muhajir rahimahullah", "abu hamza al muhajir"),
            ("محمد ﷺ", "محمد"),
            ("Muhammad (PBUH)", "muhammad"),
            ("Abu Bakr as-Siddiq, radiallahu anhu", "abu bakr as siddiq"),
            ("Ahmed Ali PhD", "ahmed ali"),
            ("Ahmed Hassan Esq.", "ahmed hassan"),
        ] {
            assert_eq!(stripped(raw).as_deref(), Some(name), "{raw}");
        }
    }

    #[test]
    fn names_with_the_words_of_a_formula_stay_whole() {
        for raw in [
            "عبد الله بن عبد الرحمن",
            "Abdullah Nasrallah",
            "حسن نصر الله",
            "Rahimahullah",
            "عبد السلام عليه",
            "Ali As Saleh",
            "Abdul Rahman Ra",
            "Ahmed al-Sharaa (Abu Mohammad al-Julani)",
            "Sahib Singh",
            "Md Abdul Karim",
            "Ram Bahadur KC",
            "Bode Akinci Sahab",
        ] {
            let norm = normalize(raw);
            let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
            assert_eq!(without_formulas(&words), None, "{raw}");
            assert_eq!(without_parenthesised(raw), None, "{raw}");
        }
    }
}
