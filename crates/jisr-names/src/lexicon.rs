//! Word lists: titles, particles, legal forms (`words.rs`), a small
//! Arabic–English concept table for organisation words (which are
//! translated, not transliterated, between scripts: «الاتحاد الأوروبي» is
//! "European Union"), given names' other forms and phrases (`tables.rs`),
//! the words that describe a person around a name (`describing.rs`), and
//! the cities records write after one (`cities.rs`).
//!
//! Entries are written naturally and normalised once at first use, so the
//! lists stay readable and always agree with `normalize`.

use crate::normalize::{ascii_spelling, normalize};
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

mod cities;
mod concepts;
mod describing;
mod institutions;
mod places;
mod regions;
mod tables;
mod trades;
mod words;
use cities::CITIES;
use concepts::CONCEPTS;
use describing::{DESCRIPTORS, LEAD_OFFICES, NATIONALITIES, OFFICES, STATE_OFFICES, STATUSES};
use institutions::INSTITUTIONS;
use places::PLACES;
use regions::REGIONS;
use tables::{ALIAS_PHRASES, EQUIVALENTS, LEGAL_PHRASES, NICKNAMES, TITLE_PHRASES};
use trades::TRADES;
use words::{
    ABD, ALIAS_MARKERS, ARTICLES, KUNYA, LEGAL, PARTICLES, ROMANISED_CONCEPTS, STOP, SUFFIXES,
    TITLES, TYPE_CONCEPTS,
};

/// A word list's entry as the parser looks it up: normalised, in ASCII letters.
fn key(s: &str) -> String {
    ascii_spelling(&normalize(s)).into_owned()
}

/// The word tables are fixed and looked up for every token of every name
/// parsed: a multiplicative hash costs a fraction of SipHash here, and
/// lookups alone (no inserts of outside keys) cannot be made to collide.
type WordMap<V> = HashMap<String, V, BuildHasherDefault<crate::cache::FxHasher>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Word {
    Title,
    Particle,
    Article,
    /// Prefix glued to the next word: ʿAbd …
    AbdPrefix,
    /// Kunya prefix glued to the next word: Abu …, Umm …
    Kunya,
    /// Second half of a theophoric compound glued to the previous word: … ad-Din, … Allah.
    Suffix,
    Legal,
    Stop,
}

/// Words with which the press describes a person around the name
/// (`parse/prose.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Describes {
    /// A nationality after a title: «الرئيس السوري».
    Nationality,
    /// A Latin office ending a description before the name: Hamas leader.
    Office,
    /// An Arabic office whose complement follows: «وزير الداخلية».
    StateOffice,
    /// An Arabic descriptive noun that is never a name: «المتحدث».
    Descriptor,
    /// An Arabic office that opens a description but may end a name
    /// (الباجي قائد السبسي): «قائد فيلق القدس».
    LeadOffice,
    /// What a report calls a wanted or accused person before the name:
    /// «المتهم الهارب», «المدعو», wanted terrorist, suspect.
    Status,
}

pub(crate) struct Lexicon {
    words: WordMap<Word>,
    org_words: WordMap<Word>,
    concepts: WordMap<u16>,
    /// The second sense of a word two concept rows list («جامعة»: a
    /// university and a league).
    concept_alts: WordMap<u16>,
    concept_names: Vec<&'static str>,
    nicknames: WordMap<u16>,
    /// [`LEGAL_PHRASES`] as normalised words, longest first.
    legal_phrases: Phrases,
    /// [`TITLE_PHRASES`].
    title_phrases: Phrases,
    /// [`ALIAS_PHRASES`].
    alias_phrases: Phrases,
    describing: WordMap<Describes>,
    /// Words that describe a person, open a title phrase or may introduce
    /// another name: what a name must hold for those readings to run.
    notable: WordMap<()>,
    cities: WordMap<()>,
}

/// Phrases of several words, normalised, longest first, and the words
/// that open them (most words open none, and are settled by one lookup).
struct Phrases {
    phrases: Vec<Vec<String>>,
    firsts: WordMap<()>,
}

impl Phrases {
    fn new(list: &[&str]) -> Phrases {
        let mut phrases: Vec<Vec<String>> = list
            .iter()
            .map(|p| key(p).split(' ').map(str::to_string).collect())
            .collect();
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let firsts = phrases
            .iter()
            .filter_map(|p| p.first().map(|w| (w.clone(), ())))
            .collect();
        Phrases { phrases, firsts }
    }

    /// How many words of a phrase open `words` (0 if none).
    fn len_at<S: AsRef<str>>(&self, words: &[S]) -> usize {
        match words.first() {
            Some(w) if self.firsts.contains_key(w.as_ref()) => {}
            _ => return 0,
        }
        self.phrases
            .iter()
            .find(|p| p.len() <= words.len() && p.iter().zip(words).all(|(a, b)| a == b.as_ref()))
            .map_or(0, Vec::len)
    }
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(build)
}

/// A map from each normalised word of the lists to its list's value; a
/// word in two lists keeps the first.
fn word_map<V: Copy>(lists: &[(&[&str], V)]) -> WordMap<V> {
    let mut map = WordMap::default();
    for &(list, v) in lists {
        for &s in list {
            map.entry(key(s)).or_insert(v);
        }
    }
    map
}

fn build() -> Lexicon {
    let words = word_map(&[
        (TITLES, Word::Title),
        (PARTICLES, Word::Particle),
        (ARTICLES, Word::Article),
        (ABD, Word::AbdPrefix),
        (KUNYA, Word::Kunya),
        (SUFFIXES, Word::Suffix),
    ]);
    let org_words = word_map(&[(LEGAL, Word::Legal), (STOP, Word::Stop)]);
    let describing = word_map(&[
        (NATIONALITIES, Describes::Nationality),
        (OFFICES, Describes::Office),
        (STATE_OFFICES, Describes::StateOffice),
        (DESCRIPTORS, Describes::Descriptor),
        (LEAD_OFFICES, Describes::LeadOffice),
        (STATUSES, Describes::Status),
    ]);
    let mut concepts = WordMap::default();
    let mut concept_alts = WordMap::default();
    let mut concept_names = vec![""];
    for (name, forms) in CONCEPTS
        .iter()
        .chain(TRADES)
        .chain(INSTITUTIONS)
        .chain(PLACES)
        .chain(REGIONS)
    {
        let id = concept_names.len() as u16;
        concept_names.push(name);
        for f in forms.iter() {
            match concepts.entry(key(f)) {
                Entry::Occupied(first) => {
                    concept_alts.insert(first.key().clone(), id);
                }
                Entry::Vacant(slot) => {
                    slot.insert(id);
                }
            }
        }
    }
    let mut nicknames: WordMap<u16> = WordMap::default();
    for (k, group) in NICKNAMES.iter().enumerate() {
        for &n in group.iter() {
            nicknames.insert(n.to_string(), k as u16 + 1);
        }
    }
    // a group naming a short forms' group's name joins it
    let mut next = NICKNAMES.len() as u16;
    for group in EQUIVALENTS {
        let id = group
            .iter()
            .find_map(|n| nicknames.get(*n).copied())
            .unwrap_or_else(|| {
                next += 1;
                next
            });
        for &n in group.iter() {
            nicknames.entry(key(n)).or_insert(id);
        }
    }
    let title_phrases = Phrases::new(TITLE_PHRASES);
    let alias_phrases = Phrases::new(ALIAS_PHRASES);
    let notable = describing
        .keys()
        .cloned()
        .chain(title_phrases.firsts.keys().cloned())
        .chain(alias_phrases.firsts.keys().cloned())
        .chain(ALIAS_MARKERS.iter().map(|w| key(w)))
        .map(|w| (w, ()))
        .collect();
    Lexicon {
        words,
        org_words,
        concepts,
        concept_alts,
        concept_names,
        nicknames,
        legal_phrases: Phrases::new(LEGAL_PHRASES),
        title_phrases,
        alias_phrases,
        describing,
        notable,
        cities: word_map(&[(CITIES, ())]),
    }
}

impl Lexicon {
    /// The role of a word inside a person's name.
    pub fn word(&self, token: &str) -> Option<Word> {
        self.words.get(token).copied()
    }

    /// Legal forms and stop words of organisation names.
    pub fn org_word(&self, token: &str) -> Option<Word> {
        self.org_words.get(token).copied()
    }

    /// How many words of a legal form written out open `words` (0 if none).
    pub fn legal_phrase_len<S: AsRef<str>>(&self, words: &[S]) -> usize {
        self.legal_phrases.len_at(words)
    }

    /// How many words of a title written in several words open `words`
    /// (0 if none).
    pub fn title_phrase_len<S: AsRef<str>>(&self, words: &[S]) -> usize {
        self.title_phrases.len_at(words)
    }

    /// How many words of a phrase that introduces another name in a
    /// European language open `words`, normalised (0 if none).
    pub fn alias_phrase_len<S: AsRef<str>>(&self, words: &[S]) -> usize {
        self.alias_phrases.len_at(words)
    }

    /// Whether a word may describe a person, open a title phrase or
    /// introduce another name of the same person (`parse/prose.rs` and
    /// `parse/aliases.rs` decide).
    pub fn is_notable(&self, token: &str) -> bool {
        self.notable.contains_key(token)
    }

    /// Whether a normalised word is one of the cities records write after
    /// a person's name.
    pub fn is_city(&self, token: &str) -> bool {
        self.cities.contains_key(token)
    }

    /// How a word describes a person around a name, if it does.
    pub fn describes(&self, token: &str) -> Option<Describes> {
        self.describing.get(token).copied()
    }

    /// The concept of an organisation word; Arabic words are looked up without
    /// the article and the clitics و (and), ب (by), ل (for) and لل (for the).
    pub fn concept(&self, token: &str) -> Option<u16> {
        self.concept_form(token)
            .and_then(|t| self.concepts.get(t).copied())
    }

    /// The second sense of an organisation word that has two (0 if none),
    /// looked up as [`Self::concept`] looks up the first.
    pub fn concept_alt(&self, token: &str) -> u16 {
        self.concept_form(token)
            .and_then(|t| self.concept_alts.get(t).copied())
            .unwrap_or(0)
    }

    /// The form of `token` the concept table lists, if any.
    fn concept_form<'t>(&self, token: &'t str) -> Option<&'t str> {
        if self.concepts.contains_key(token) {
            return Some(token);
        }
        let mut t = token;
        for prefix in ["و", "ب", "ل"] {
            if let Some(rest) = t.strip_prefix(prefix)
                && rest.chars().count() >= 3
                && (rest.starts_with("ال") || self.concepts.contains_key(rest))
            {
                t = rest;
            }
        }
        for article in ["لل", "ال"] {
            if let Some(rest) = t.strip_prefix(article)
                && rest.chars().count() >= 2
            {
                return self.concepts.contains_key(rest).then_some(rest);
            }
        }
        self.concepts.contains_key(t).then_some(t)
    }

    /// The identity group of a given name, its short forms and its forms in
    /// other languages and scripts (0 = none).
    pub fn nickname_group(&self, token: &str) -> u16 {
        self.nicknames.get(token).copied().unwrap_or(0)
    }

    pub fn concept_name(&self, id: u16) -> &'static str {
        self.concept_names.get(id as usize).copied().unwrap_or("")
    }

    pub fn is_romanised_concept(&self, id: u16) -> bool {
        ROMANISED_CONCEPTS.contains(&self.concept_name(id))
    }

    pub fn is_type_concept(&self, id: u16) -> bool {
        is_type_concept_name(self.concept_name(id))
    }

    /// Whether a concept is a country, by its name or adjective: the word
    /// that says which country's body a name is (the places come last).
    pub fn is_place_concept(&self, id: u16) -> bool {
        usize::from(id) > CONCEPTS.len() + TRADES.len() + INSTITUTIONS.len()
    }
}

/// Whether a concept, by name, is a kind of body (ministry, bank).
pub(crate) fn is_type_concept_name(name: &str) -> bool {
    TYPE_CONCEPTS.contains(&name)
}
