//! What a score says about a pair: how each aligned part corresponded,
//! what was dropped and what was left unmatched, and how it reads.

use std::fmt;

/// How two parts were found to correspond.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// Same normalised spelling.
    Exact,
    /// Same organisation word in two languages (وزارة ~ Ministry).
    Translation,
    /// Arabic and Latin spellings of the same sounds.
    Transliteration,
    /// Same consonant skeleton, vowels and close consonants aside.
    Skeleton,
    /// Similar sounds (same script spelling variant, or a looser transliteration).
    Phonetic,
    /// A single letter standing for the name.
    Initial,
    /// A short form of the same given name (Bill ~ William).
    Alias,
    /// A body's acronym and its words (OPEC ~ Organization of the
    /// Petroleum Exporting Countries).
    Acronym,
}

impl How {
    pub fn as_str(self) -> &'static str {
        match self {
            How::Exact => "exact",
            How::Translation => "translation",
            How::Transliteration => "transliteration",
            How::Skeleton => "skeleton",
            How::Phonetic => "phonetic",
            How::Initial => "initial",
            How::Alias => "alias",
            How::Acronym => "acronym",
        }
    }
}

/// One aligned pair of parts.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct AlignedParts {
    pub left: String,
    pub right: String,
    pub how: How,
    pub similarity: f64,
}

/// Why a pair scored what it did.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Explanation {
    pub aligned: Vec<AlignedParts>,
    /// Titles, ranks, particles and legal forms left out of the comparison.
    pub dropped: Vec<String>,
    pub missing_left: Vec<String>,
    pub missing_right: Vec<String>,
    pub order_swapped: bool,
    pub notes: Vec<String>,
}

/// A score in [0, 1] and its explanation.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub score: f64,
    pub explanation: Explanation,
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        let mut sep = |f: &mut fmt::Formatter<'_>| -> fmt::Result {
            if !std::mem::take(&mut first) {
                f.write_str("; ")?;
            }
            Ok(())
        };
        for a in &self.aligned {
            sep(f)?;
            write!(
                f,
                "{} ~ {} ({} {:.2})",
                a.left,
                a.right,
                a.how.as_str(),
                a.similarity
            )?;
        }
        if !self.dropped.is_empty() {
            sep(f)?;
            write!(f, "dropped: {}", self.dropped.join(", "))?;
        }
        if self.order_swapped {
            sep(f)?;
            f.write_str("order swapped")?;
        }
        if !self.missing_left.is_empty() {
            sep(f)?;
            write!(f, "unmatched left: {}", self.missing_left.join(", "))?;
        }
        if !self.missing_right.is_empty() {
            sep(f)?;
            write!(f, "unmatched right: {}", self.missing_right.join(", "))?;
        }
        for n in &self.notes {
            sep(f)?;
            f.write_str(n)?;
        }
        if first {
            f.write_str("nothing to compare")?;
        }
        Ok(())
    }
}

impl fmt::Display for Match {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.3}: {}", self.score, self.explanation)
    }
}

pub(super) fn how_from(x: u8) -> How {
    match x {
        0 => How::Exact,
        1 => How::Translation,
        2 => How::Transliteration,
        3 => How::Skeleton,
        4 => How::Phonetic,
        6 => How::Alias,
        7 => How::Acronym,
        _ => How::Initial,
    }
}

pub(super) fn how_code(h: How) -> u8 {
    match h {
        How::Exact => 0,
        How::Translation => 1,
        How::Transliteration => 2,
        How::Skeleton => 3,
        How::Phonetic => 4,
        How::Initial => 5,
        How::Alias => 6,
        How::Acronym => 7,
    }
}
