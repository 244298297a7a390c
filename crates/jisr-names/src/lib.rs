#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! jisr-names: Arabic/Latin cross-script name matching.
//!
//! Pure and I/O-free: callers hand in strings and get back normalised forms,
//! parsed names, index keys, scores with explanations, and top-k searches.
//!
//! ```
//! use jisr_names::{parse, score, NameKind};
//! let a = parse("اللواء محمود توفيق", NameKind::Person);
//! let b = parse("Mahmoud Tawfik", NameKind::Person);
//! let m = score(&a, &b);
//! assert!(m.score > 0.85, "{m}");
//! ```

mod cache;
mod distance;
mod index;
mod jaro;
mod kernel;
mod lexicon;
mod normalize;
mod parse;
mod phonetic;
mod score;
mod translit;

pub use index::{
    EndJoins, Hit, NameIndex, acronym_keys, end_joins, is_kind_key, key_readings, keys,
    parse_listed,
};
pub use jaro::jaro_winkler;
pub use normalize::{Script, normalize, script_of};
pub use parse::{NameKind, ParsedName, Part, Role, parse};
pub use score::{AlignedParts, DEFAULT_THRESHOLD, Explanation, How, Match, score, score_fast};
pub use translit::{Scheme, transliterate};

/// Parses and scores two raw names in one call.
pub fn match_names(a: &str, b: &str, kind: NameKind) -> Match {
    let (a, b) = parse_pair(a, b, kind);
    score(&a, &b)
}

/// Parses two names to be compared with each other. With `Unknown`, each
/// side's kind is decided from its words, and when one side reads as a body
/// the other is read as one too: a body's name often carries no word for its
/// kind («الحرس الثوري» beside IRGC), while a pair of a person and a body is
/// rarely what anyone compares.
///
/// ```
/// use jisr_names::{parse_pair, NameKind};
/// let (a, b) = parse_pair("IRGC", "الحرس الثوري", NameKind::Unknown);
/// assert_eq!((a.kind, b.kind), (NameKind::Organization, NameKind::Organization));
/// ```
pub fn parse_pair(a: &str, b: &str, kind: NameKind) -> (ParsedName, ParsedName) {
    let (pa, pb) = (parse(a, kind), parse(b, kind));
    match (pa.kind, pb.kind) {
        (NameKind::Organization, NameKind::Person) => (pa, parse(b, NameKind::Organization)),
        (NameKind::Person, NameKind::Organization) => (parse(a, NameKind::Organization), pb),
        _ => (pa, pb),
    }
}
