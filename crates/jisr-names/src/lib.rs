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

pub use index::{Hit, NameIndex, key_readings, keys};
pub use jaro::jaro_winkler;
pub use normalize::{Script, normalize, script_of};
pub use parse::{NameKind, ParsedName, Part, Role, parse};
pub use score::{AlignedParts, DEFAULT_THRESHOLD, Explanation, How, Match, score, score_fast};
pub use translit::{Scheme, transliterate};

/// Parses and scores two raw names in one call.
pub fn match_names(a: &str, b: &str, kind: NameKind) -> Match {
    score(&parse(a, kind), &parse(b, kind))
}
