//! Bodies known by their initials. Lists and reports name a body by its
//! acronym as often as by its words (OPEC, ICAO, LeT for Lashkar-e-Taiba,
//! CJNG for Cártel de Jalisco Nueva Generación), and no sound of one is
//! in the other, so the parser marks both: a name written as an acronym,
//! and the letters a body's words would spell as one. The scorer compares
//! the two marks only with each other (`score::acronym_sim`); the table of
//! `org.rs` keeps the acronyms whose letters are not the words' initials
//! (Daesh, Hamas, the PKK's Kurdish words).

use super::Role;
use crate::lexicon::{Word, lexicon};
use crate::normalize::ascii_spelling;

/// Acronyms shorter than this are too many bodies' (two letters name a
/// country, a party and a company at once); the common ones are in the
/// table of `org.rs` (UN, EU).
const MIN_LETTERS: usize = 3;
const MAX_LETTERS: usize = 10;

/// Whether a word, as written, is an acronym: capitals, or as many capitals
/// as small letters with the small ones between them (LeT, JeM); not a
/// capitalised word (Opec is a word).
fn acronym_shaped(word: &str) -> bool {
    let n = word.chars().count();
    if !(MIN_LETTERS..=MAX_LETTERS).contains(&n) || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    let upper = word.chars().filter(char::is_ascii_uppercase).count();
    let first_upper = word.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    first_upper && upper >= 2 && upper * 2 >= n
}

/// The marks an organisation's name gets: an `Acronym` part when its only
/// informative word is written as an acronym, else an `Initials` part for
/// each way its words may be abbreviated. `words`: the normalised words of
/// the name; `informative`: the texts of its informative parts.
pub(super) fn marks(original: &str, words: &[&str], informative: &[&str]) -> Vec<(String, Role)> {
    if let [only] = informative
        && let Some(letters) = written_acronym(original, only)
    {
        return vec![(letters, Role::Acronym)];
    }
    initials(words)
        .into_iter()
        .map(|r| (r, Role::Initials))
        .collect()
}

/// `part` in lower case when the original writes it as an acronym.
fn written_acronym(original: &str, part: &str) -> Option<String> {
    original
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| acronym_shaped(w))
        .map(|w| w.to_ascii_lowercase())
        .find(|w| w == part)
}

/// The letters a body's words spell as an acronym, each way lists form
/// one: every word's initial (LeT, JeM, whose small letters are the
/// connecting words), the initials of the words of substance (OPEC, ICAO,
/// HTS), and those with the Arabic article, which opens a word of
/// substance in al-Qaeda (AQAP). Legal forms never count. Empty for a
/// name not written in Latin letters or too short for an acronym.
fn initials(words: &[&str]) -> Vec<String> {
    let lex = lexicon();
    let mut every = String::new();
    let mut substance = String::new();
    let mut with_article = String::new();
    for w in words {
        let spelled = ascii_spelling(w);
        let Some(first) = spelled.chars().next().filter(char::is_ascii_lowercase) else {
            return Vec::new();
        };
        let word = lex.org_word(&spelled);
        if word == Some(Word::Legal) {
            continue;
        }
        every.push(first);
        if lex.word(&spelled) == Some(Word::Article) {
            with_article.push(first);
        } else if word != Some(Word::Stop) {
            substance.push(first);
            with_article.push(first);
        }
    }
    let mut out: Vec<String> = Vec::with_capacity(3);
    for r in [every, substance, with_article] {
        if (MIN_LETTERS..=MAX_LETTERS).contains(&r.len()) && !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

/// A name followed by its acronym in parentheses, as lists write a body
/// (Islamic Jihad Union (IJU)): the name and the acronym apart.
pub(super) fn trailing(raw: &str) -> Option<(&str, &str)> {
    let inner = raw.trim_end().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let acronym = inner[open + 1..].trim();
    let outer = inner[..open].trim_end();
    (acronym_shaped(acronym) && outer.chars().any(char::is_alphabetic)).then_some((outer, acronym))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_told_from_words() {
        for w in ["OPEC", "ICAO", "LeT", "JeM", "CJNG", "HTS"] {
            assert!(acronym_shaped(w), "{w}");
        }
        for w in [
            "Opec",
            "opec",
            "McDonald",
            "UN",
            "A1B",
            "Al",
            "IMPOSSIBLEWORD",
        ] {
            assert!(!acronym_shaped(w), "{w}");
        }
    }

    #[test]
    fn a_bodys_words_spell_its_acronym_each_way_lists_form_one() {
        let case = |name: &str| {
            let norm = crate::normalize::normalize(name);
            let words: Vec<&str> = norm.split(' ').collect();
            initials(&words)
        };
        assert!(case("Organization of the Petroleum Exporting Countries").contains(&"opec".into()));
        assert!(case("Lashkar-e-Taiba").contains(&"let".into()));
        assert!(case("Hayat Tahrir al-Sham").contains(&"hts".into()));
        assert!(case("Al-Qaeda in the Arabian Peninsula").contains(&"aqap".into()));
        assert!(case("Cártel de Jalisco Nueva Generación").contains(&"cjng".into()));
        assert!(case("Acme Widget Supplies Ltd").contains(&"aws".into()));
        assert!(
            !case("Acme Widget Supplies Ltd")
                .iter()
                .any(|r| r.ends_with('l'))
        );
        assert!(case("مجلس التعاون الخليجي").is_empty());
        assert!(case("Shell").is_empty());
    }

    #[test]
    fn a_parenthesised_acronym_is_read_apart() {
        assert_eq!(
            trailing("Islamic Jihad Union (IJU)"),
            Some(("Islamic Jihad Union", "IJU"))
        );
        assert_eq!(trailing("Bank of China (Hong Kong)"), None);
        assert_eq!(trailing("(IJU)"), None);
    }
}
