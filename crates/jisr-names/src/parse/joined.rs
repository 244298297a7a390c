//! South Asian spellings glue the article of a compound name to its first
//! word: "Saiful Islam" is «سيف الإسلام» (Saif ul-Islam), "Mujibur Rahman"
//! «مجيب الرحمن», "Ziaul Haq" «ضياء الحق». Left glued, "saiful" is a poor
//! match for سيف and "islam" is missing its article, so such names scored
//! about 0.6 against their Arabic form.

use crate::lexicon::{Word, lexicon};

/// What follows the article in these compounds: the attribute or divine name
/// the first word is "of" (sorted, for a binary search). Only before one of
/// these is a word's ending read as the article, so names that merely end in
/// -ul (Rasul, Rahul) stay whole.
const SECOND_WORDS: &[&str] = &[
    "abdin", "abedin", "abidin", "akbar", "alam", "amin", "azam", "azim", "aziz", "bari", "daula",
    "daulah", "deen", "din", "dowla", "ghaffar", "ghani", "hakim", "haq", "haque", "hasan",
    "hassan", "hoque", "hossain", "huda", "huq", "husain", "hussain", "islam", "jabbar", "kabir",
    "kader", "karim", "latif", "majid", "malik", "mannan", "matin", "mulk", "nabi", "nessa",
    "nisa", "nissa", "noor", "nur", "qader", "qadir", "quader", "quddus", "rab", "rahaman",
    "raheem", "rahim", "rahman", "rashid", "rauf", "razak", "razzak", "razzaq", "rehman", "rob",
    "salam", "samad", "sami", "sattar", "wahab", "wahhab", "zafar", "zaman",
];

/// The article endings and the letters they assimilate to: -ul before any
/// word, -ur before r, -ud before d …
const ENDINGS: &[(&str, &str)] = &[
    ("ul", ""),
    ("ur", "r"),
    ("ud", "d"),
    ("us", "s"),
    ("un", "n"),
    ("uz", "z"),
    ("ut", "t"),
    ("ush", "sh"),
];

/// The tokens with each glued article split off its word, and Turkish
/// -oğlu split off the name it follows, or `None` when no token has either.
/// Tokens are normalised (lower-case Latin).
pub(super) fn split_glued_articles(tokens: &[&str]) -> Option<Vec<String>> {
    let oglu = split_at(tokens, |t, _| oglu_cut(t));
    let owned: Vec<&str>;
    let tokens: &[&str] = match &oglu {
        Some(t) => {
            owned = t.iter().map(String::as_str).collect();
            &owned
        }
        None => tokens,
    };
    split_at(tokens, article_cut).or(oglu)
}

/// Each token cut in two where `cut` (given the token and the next) says,
/// or `None` when it cuts none. Nothing is allocated for a name with no
/// cut, which is nearly every name.
fn split_at(
    tokens: &[&str],
    cut: impl Fn(&str, Option<&str>) -> Option<usize>,
) -> Option<Vec<String>> {
    let cut_at = |i: usize| cut(tokens[i], tokens.get(i + 1).copied());
    if !(0..tokens.len()).any(|i| cut_at(i).is_some()) {
        return None;
    }
    let mut out = Vec::with_capacity(tokens.len() + 2);
    for (i, t) in tokens.iter().enumerate() {
        match cut_at(i) {
            Some(at) => {
                out.push(t[..at].to_string());
                out.push(t[at..].to_string());
            }
            None => out.push(t.to_string()),
        }
    }
    Some(out)
}

/// Where a word's glued article begins, when the next word is one it is
/// "of" (Saiful Islam: saif | ul).
fn article_cut(word: &str, next: Option<&str>) -> Option<usize> {
    let next = next?;
    // cheapest test first: every name is parsed, few end like an article
    // (u then one letter, or -ush)
    let b = word.as_bytes();
    let len = match b {
        [.., b'u', b's', b'h'] => 3,
        [.., b'u', _] => 2,
        _ => return None,
    };
    if b.len() < len + 3 || !word.is_char_boundary(b.len() - len) {
        return None;
    }
    let (stem, article) = word.split_at(b.len() - len);
    let &(_, before) = ENDINGS.iter().find(|(e, _)| *e == article)?;
    if !next.starts_with(before) || !stem.is_ascii() {
        return None;
    }
    // Abdul, Abdur … are ʿAbd compounds, which the parser already reads
    if SECOND_WORDS.binary_search(&next).is_err() || lexicon().word(word) == Some(Word::AbdPrefix) {
        return None;
    }
    Some(stem.len())
}

/// Turkish "son of" surnames write -oğlu joined (Davutoğlu) where Arabic
/// writes it apart («داود أوغلو»): where -oğlu begins, after a stem of
/// three letters.
fn oglu_cut(t: &str) -> Option<usize> {
    if !matches!(t.as_bytes().last(), Some(b'u' | b'i')) {
        return None;
    }
    ["oglu", "ogullari"]
        .iter()
        .find_map(|suffix| t.strip_suffix(suffix))
        .filter(|s| s.chars().count() >= 3 && crate::normalize::is_latin_word(s))
        .map(str::len)
}

#[cfg(test)]
mod tests {
    use super::split_glued_articles;

    fn split(name: &str) -> Option<String> {
        let tokens: Vec<&str> = name.split(' ').collect();
        split_glued_articles(&tokens).map(|t| t.join(" "))
    }

    #[test]
    fn second_words_are_sorted() {
        assert!(super::SECOND_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn glued_articles_come_off_their_word() {
        assert_eq!(split("saiful islam").as_deref(), Some("saif ul islam"));
        assert_eq!(split("mujibur rahman").as_deref(), Some("mujib ur rahman"));
        assert_eq!(split("ziaul haq").as_deref(), Some("zia ul haq"));
        assert_eq!(
            split("sheikh nurul islam shamsud din").as_deref(),
            Some("sheikh nur ul islam shams ud din")
        );
    }

    #[test]
    fn names_that_only_end_like_an_article_stay_whole() {
        // Rasul and Rahul are names, not Ras ul- and Rah ul-
        assert_eq!(split("rasul khan"), None);
        assert_eq!(split("rahul gandhi"), None);
        // -ur only before r: Taimur Hasan is not Taim ur-Hasan
        assert_eq!(split("taimur hasan"), None);
        // a stem needs three letters
        assert_eq!(split("nur islam"), None);
        assert_eq!(split("zia ul haq"), None);
        assert_eq!(split("abdur rahman"), None);
    }

    #[test]
    fn turkish_oglu_comes_off_the_name_it_follows() {
        assert_eq!(
            split("ahmet davutoglu").as_deref(),
            Some("ahmet davut oglu")
        );
        assert_eq!(split("kilicdaroglu").as_deref(), Some("kilicdar oglu"));
        // a stem that keeps ç for its sound
        assert_eq!(split("kiliçdaroglu").as_deref(), Some("kiliçdar oglu"));
        assert_eq!(split("oglu"), None);
    }
}
