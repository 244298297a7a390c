//! What a list row or an analyst's note writes after a person's name that
//! is not the name: a date or place of birth, a nationality, a passport
//! ("Mahmoud Tawfik, DOB 12/03/1962", "Ali Hassan (born 1962)", «محمود
//! توفيق مواليد 1962»). Read as parts of the name, its digits and words
//! would leave the name unmatched against the same name written bare; a
//! parenthesis of two words would even be read as another name.

use crate::lexicon::lexicon;
pub(super) use words::LABELS;
use words::{AGE_WORDS, BEFORE_PLACE, BIRTH_WORDS, DEATH_WORDS, FROM_WORDS, MONTHS, STATUS_WORDS};

#[cfg(test)]
mod tests;
mod words;

/// A word of the raw string, and where it starts.
struct Word<'a> {
    at: usize,
    text: String,
    /// The separator before it: a comma, semicolon, colon or parenthesis.
    after_break: bool,
    /// An opening parenthesis before it.
    after_paren: bool,
    raw: &'a str,
}

fn words(raw: &str) -> Vec<Word<'_>> {
    let is_break = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '[' | ']' | '،' | '؛');
    // the spans of the words, each with whether a separator came before it
    let mut spans = Vec::new();
    let (mut broke, mut paren) = (false, false);
    let mut start: Option<usize> = None;
    for (i, c) in raw.char_indices() {
        if c.is_whitespace() || is_break(c) || c == '/' {
            if let Some(s) = start.take() {
                spans.push((s, i, broke, paren));
                (broke, paren) = (false, false);
            }
            broke |= is_break(c);
            paren |= matches!(c, '(' | '[');
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        spans.push((s, raw.len(), broke, paren));
    }
    spans
        .into_iter()
        // a dash standing alone between words sets apart as a comma does
        // (محمد علي حسن - مصري الجنسية)
        .scan(false, |dashed, (s, e, after_break, after_paren)| {
            let piece = &raw[s..e];
            if piece.chars().all(|c| matches!(c, '-' | '–' | '—')) {
                *dashed = true;
                return Some(None);
            }
            let after_break = after_break || std::mem::take(dashed);
            let text = crate::normalize::normalize(&piece.replace('.', ""));
            Some((!text.is_empty()).then_some(Word {
                at: s,
                text,
                after_break,
                after_paren,
                raw: piece,
            }))
        })
        .flatten()
        .collect()
}

fn is_numeric(w: &Word) -> bool {
    w.raw.chars().any(|c| c.is_numeric())
}

/// A nationality or a status. Not a country, which is as often a given
/// name after a family name's comma ("SMITH, Jordan"), nor a letter
/// alone, an initial there ("TAWFIK, M.").
fn says_who(w: &Word) -> bool {
    let lex = crate::lexicon::lexicon();
    let nationality = || {
        lex.concept(&w.text).is_some_and(|c| {
            lex.is_place_concept(c) && (lex.concept_name(c) == w.text || w.text.ends_with('ي'))
        })
    };
    w.text.chars().count() > 1 && (STATUS_WORDS.contains(&w.text.as_str()) || nationality())
}

/// Whether the words from `i` on open with a place, past the words that
/// may come before one (in, the city of): a city, or a country, which
/// after from or born in is no given name as it may be after a bare
/// comma (SMITH, Jordan).
fn place_at(words: &[Word], i: usize) -> bool {
    let lex = lexicon();
    words[i..]
        .iter()
        .take(4)
        .find(|w| !BEFORE_PLACE.contains(&w.text.as_str()))
        .is_some_and(|w| {
            lex.is_city(&w.text)
                || lex
                    .concept(&w.text)
                    .is_some_and(|c| lex.is_place_concept(c))
        })
}

fn is_date_word(w: &Word) -> bool {
    is_numeric(w) || MONTHS.contains(&w.text.as_str())
}

/// The name before its particulars, when `raw` has any and a name is left.
#[cfg(test)]
fn without_particulars(raw: &str) -> Option<&str> {
    split_particulars(raw, || true).map(|(name, _)| name)
}

/// The name and its particulars, when `raw` has any and a name is left;
/// `person` tells whether the name is a person's, whose country or city
/// set apart, or place after from, is a particular (a body's is part of
/// its name: Bowne Global Solutions (France)). It is asked only when such
/// a place is found, since a name of no stated kind pays to be read.
pub(super) fn split_particulars(raw: &str, person: impl Fn() -> bool) -> Option<(&str, &str)> {
    if !may_have_particulars(raw) {
        return None;
    }
    let known = std::cell::OnceCell::new();
    let person = || *known.get_or_init(&person);
    let words = words(raw);
    let cut = (1..words.len()).find(|&i| {
        let labelled = LABELS.iter().any(|label| {
            words.len() >= i + label.len()
                && label.iter().zip(&words[i..]).all(|(l, w)| w.text == *l)
        });
        // a birth word with a date after it, within a few words, or a
        // place (born in Mosul); a place after from (from Fallujah)
        let text = words[i].text.as_str();
        let birth = (BIRTH_WORDS.contains(&text)
            || DEATH_WORDS.contains(&text)
            || AGE_WORDS.contains(&text))
            && words[i + 1..].iter().take(3).any(is_numeric);
        let from = (BIRTH_WORDS.contains(&text) || FROM_WORDS.contains(&text))
            && place_at(&words, i + 1)
            && person();
        // an age set apart, and whatever follows it (Ahmed Hassan, 35, from
        // Cairo; «أحمد حسن، 35 عاما»)
        let age = words[i].after_break
            && words[i].raw.chars().count() <= 3
            && words[i].raw.chars().all(|c| c.is_numeric());
        // a date alone after a comma or in parentheses, to the end
        let dated =
            words[i].after_break && is_numeric(&words[i]) && words[i..].iter().all(is_date_word);
        // a nationality or a status set apart, to the next separator
        let status = words[i].after_break && {
            let end = (i + 1..words.len())
                .find(|&j| words[j].after_break)
                .unwrap_or(words.len());
            // a city, and a country alone in parentheses too: there it is
            // no given name (Mahmoud TAWFIK (Egypt))
            let place = |w: &Word| {
                (lexicon().is_city(&w.text)
                    || words[i].after_paren
                        && lexicon()
                            .concept(&w.text)
                            .is_some_and(|c| lexicon().is_place_concept(c)))
                    && person()
            };
            words[i..end].iter().all(|w| says_who(w) || place(w))
        };
        // a field's label and its colon set apart (occupation:, address:,
        // «المهنة:»), unless the field is the name's or another name's
        let field = words[i].after_break && {
            let colon = (i..words.len().min(i + 3)).find(|&k| {
                raw[words[k].at + words[k].raw.len()..]
                    .trim_start()
                    .starts_with(':')
            });
            colon.is_some_and(|k| {
                let label: Vec<&str> = words[i..=k].iter().map(|w| w.raw).collect();
                words[i + 1..=k].iter().all(|w| !w.after_break)
                    && super::markers::marker_at(&label).is_none()
                    && !super::labelled::names_the_person(&label.join(" "))
            })
        };
        labelled || birth || from || age || dated || status || field
    })?;
    let name = raw[..words[cut].at].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | '[' | '-' | '–' | '—' | '،' | '؛')
    });
    (!name.is_empty()).then_some((name, &raw[words[cut].at..]))
}

/// Whether `raw` has a digit or a separator particulars follow, or a word
/// they may open with, read from its bytes since every person's name is
/// asked and most have none: ASCII digits and separators, the
/// Arabic-Indic (D9 A0..A9) and Persian (DB B0..B9) digits, the Arabic
/// comma (D8 8C) and semicolon (D8 9B), the dashes (E2 80 93, E2 80 94)
/// and a hyphen standing alone.
fn may_have_particulars(raw: &str) -> bool {
    let b = raw.as_bytes();
    b.iter()
        .any(|&c| c.is_ascii_digit() || matches!(c, b':' | b',' | b'(' | b';'))
        || b.windows(3).any(|w| {
            matches!(
                w,
                [0xD9, 0xA0..=0xA9, _]
                    | [0xDB, 0xB0..=0xB9, _]
                    | [0xD8, 0x8C | 0x9B, _]
                    | [0xE2, 0x80, 0x93 | 0x94]
                    | [b' ', b'-', b' ']
            )
        })
        || matches!(
            b,
            [.., 0xD9, 0xA0..=0xA9] | [.., 0xDB, 0xB0..=0xB9] | [.., 0xD8, 0x8C | 0x9B]
        )
        || has_opening_word(raw)
}

/// Whether a word after the first is one particulars may open with
/// without a separator before them («محمد علي حسن والدته فاطمة», Ahmed
/// Saleh from Fallujah). Each word's bytes are folded on the stack as
/// `normalize` writes these words (lower case; no dot or apostrophe; أ,
/// إ, آ and ٱ as ا, ة as ه, ى as ي; no tatweel or short vowel), since
/// every name is asked and most have no such word. A word written with a
/// short vowel or a tatweel inside is not seen here (a comma or a colon
/// before it still is).
fn has_opening_word(raw: &str) -> bool {
    type Set = std::collections::HashSet<
        &'static [u8],
        std::hash::BuildHasherDefault<crate::cache::FxHasher>,
    >;
    /// The words, and a bit for each (first byte, last byte, length) one
    /// of them has: most words of a name are settled by that one bit.
    struct Opening {
        words: Set,
        shapes: [u64; 64],
    }
    static OPENING: std::sync::OnceLock<Opening> = std::sync::OnceLock::new();
    let opening = OPENING.get_or_init(|| {
        let words: Set = LABELS
            .iter()
            .filter_map(|l| l.first().copied())
            .chain(BIRTH_WORDS.iter().copied())
            .chain(FROM_WORDS.iter().copied())
            .map(str::as_bytes)
            .collect();
        let mut shapes = [0u64; 64];
        let mut set = |w: &[u8]| {
            if let Some(bit) = shape(w) {
                shapes[bit / 64] |= 1 << (bit % 64);
            }
        };
        for w in &words {
            set(w);
            // a possessive's apostrophe (mother's, father’s) is inside the
            // word, where the shape sees its length
            if let Some(stem) = w.strip_suffix(b"s") {
                set(&[stem, b"'s"].concat());
                set(&[stem, "’s".as_bytes()].concat());
            }
        }
        Opening { words, shapes }
    });
    // a plain loop over the bytes: splitting by the library's search for
    // a space cost more than the rest of the check
    let bytes = raw.trim_start().as_bytes();
    let Some(space) = bytes.iter().position(|&b| b == b' ') else {
        return false;
    };
    let mut start = space + 1;
    for end in space + 1..=bytes.len() {
        if end < bytes.len() && bytes[end] != b' ' {
            continue;
        }
        let word = &bytes[start..end];
        // a dot or an apostrophe at the end is dropped by the fold
        let may_be = match word.last() {
            None => false,
            Some(b'.' | b'\'' | 0x99) => true,
            Some(_) => {
                shape(word).is_some_and(|bit| opening.shapes[bit / 64] & 1 << (bit % 64) != 0)
            }
        };
        if may_be && fold_word(word).is_some_and(|(w, n)| opening.words.contains(&w[..n])) {
            return true;
        }
        start = end + 1;
    }
    false
}

/// A word's first byte, last byte and length, as a bit of
/// [`has_opening_word`]'s table; the same for a word and its fold when the
/// fold keeps its length (case, ة, ى, أ).
fn shape(word: &[u8]) -> Option<usize> {
    let (&a, &z) = (word.first()?, word.last()?);
    let z = match z {
        0xA9 => 0x87,
        0x89 => 0x8A,
        z => z.to_ascii_lowercase(),
    };
    let h = usize::from(a.to_ascii_lowercase()) * 131 + usize::from(z) * 31 + word.len();
    Some(h % 4096)
}

/// What the byte at `k` of `word` folds to, as [`has_opening_word`]
/// reads words (up to two bytes, and how many), and how many bytes it
/// takes.
#[inline(always)]
fn fold_step(word: &[u8], k: usize) -> ([u8; 2], usize, usize) {
    let b = word[k];
    let next = word.get(k + 1).copied().unwrap_or(0);
    match (b, next) {
        (b'.' | b'\'', _) => ([0, 0], 0, 1),
        (0..0x80, _) => ([b.to_ascii_lowercase(), 0], 1, 1),
        // ’
        (0xE2, 0x80) if word.get(k + 2) == Some(&0x99) => ([0, 0], 0, 3),
        // أ آ إ ٱ as ا, ة as ه, ى as ي; no tatweel or short vowel
        (0xD8, 0xA2 | 0xA3 | 0xA5) | (0xD9, 0xB1) => ([0xD8, 0xA7], 2, 2),
        (0xD8, 0xA9) => ([0xD9, 0x87], 2, 2),
        (0xD9, 0x89) => ([0xD9, 0x8A], 2, 2),
        (0xD9, 0x80 | 0x8B..=0x92) => ([0, 0], 0, 2),
        _ => ([b, 0], 1, 1),
    }
}

/// `word` folded as [`has_opening_word`] reads it, and its length; None
/// when it is too long to be such a word.
fn fold_word(word: &[u8]) -> Option<([u8; 32], usize)> {
    let mut buf = [0u8; 32];
    let (mut n, mut k) = (0, 0);
    while k < word.len() {
        let (out, len, used) = fold_step(word, k);
        buf.get_mut(n..n + len)?.copy_from_slice(&out[..len]);
        n += len;
        k += used;
    }
    Some((buf, n))
}

/// The year of birth particulars give: their first number of four digits
/// that can be one (12/03/1962, «١٩٦٢»), in any digits, outside a part a
/// death word opens ("killed 2015, born 1970" was born in 1970).
pub(super) fn birth_year(particulars: &str) -> Option<u16> {
    let is_break = |c: char| matches!(c, ',' | ';' | '(' | ')' | '[' | ']' | '،' | '؛');
    particulars
        .split(is_break)
        .filter(|part| {
            let first = part.split_whitespace().next().unwrap_or("");
            let first = crate::normalize::normalize(&first.replace('.', ""));
            !DEATH_WORDS.contains(&first.as_str())
        })
        .find_map(first_year)
}

/// The first number of four digits in `text` that can be a year.
fn first_year(text: &str) -> Option<u16> {
    let digit = |c: char| match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{660}'..='\u{669}' => Some(c as u32 - 0x660),
        '\u{6F0}'..='\u{6F9}' => Some(c as u32 - 0x6F0),
        _ => None,
    };
    let mut run = (0u32, 0usize);
    for c in text.chars().chain(std::iter::once(' ')) {
        match digit(c) {
            Some(d) => run = (run.0.saturating_mul(10).saturating_add(d), run.1 + 1),
            None => {
                if run.1 == 4 && (1850..=2100).contains(&run.0) {
                    return u16::try_from(run.0).ok();
                }
                run = (0, 0);
            }
        }
    }
    None
}
