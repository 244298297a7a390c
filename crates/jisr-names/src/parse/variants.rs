//! Another spelling of one word, in parentheses after it. Lists write a
//! person's variant of a single word inside the name: the EU's "Maher
//! (a.k.a. Mahir) Al-Assad" and "Atej (a.k.a. Atef, Atif) Najib", a
//! transcription's gloss "Hafez (حافظ) Makhlouf", "Mohammad (Mohamed)
//! Hamsho". Read as a word of the name, the variant was one the other side
//! lacked; read as a name of its own, one word. Each spelling is a reading
//! of the whole name instead.

use super::inverted::GENERATION;
use crate::lexicon::{Word, lexicon};
use crate::normalize::{Script, normalize, script_of};
use crate::phonetic::skeleton;

/// At most this many spellings are read from one parenthesis.
const MAX_SPELLINGS: usize = 4;

/// The name read with each spelling its parentheses give, the name without
/// them first; `None` when no parenthesis gives a word's other spelling.
///
/// A parenthesis gives one when it follows a word and holds only single
/// words, one after another's separator (a comma, a slash, or, «أو»),
/// each sounding like the word (its first consonant's; a name's gloss in
/// another script too). Inside the name a marker (a.k.a.) vouches for a
/// spelling that sounds otherwise; after it, a word alone unlike the name's
/// last is what the parenthesis says of the person (Tawfik (Egypt)), which
/// the name keeps as before.
pub(super) fn spelled_in_parentheses(raw: &str) -> Option<Vec<String>> {
    let mut readings: Vec<String> = vec![String::new()];
    let mut found = false;
    let mut rest = raw;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let before = &rest[..open];
        let after = &rest[close + 1..];
        let spellings = spellings_of(before, &rest[open + 1..close], after);
        match spellings {
            Some((word_at, spellings)) => {
                found = true;
                let grown = spellings.len() + 1;
                while readings.len() < grown {
                    let main = readings[0].clone();
                    readings.push(main);
                }
                for (k, reading) in readings.iter_mut().enumerate() {
                    reading.push_str(&before[..word_at]);
                    let word = match k {
                        0 => &before[word_at..],
                        k => spellings
                            .get(k - 1)
                            .map_or(&before[word_at..], String::as_str),
                    };
                    reading.push_str(word.trim_end());
                    reading.push(' ');
                }
            }
            None => readings
                .iter_mut()
                .for_each(|r| r.push_str(&rest[..=close])),
        }
        rest = &rest[close + 1..];
    }
    if !found {
        return None;
    }
    for reading in &mut readings {
        reading.push_str(rest);
    }
    Some(readings)
}

/// The name read with each spelling one of its words gives between
/// slashes (Mohamed/Mohammed Ali, «محمد/محمود علي»), the first spelling's
/// reading first; `None` when no word does. The spellings must sound alike,
/// since a booking parts a surname from given names with a slash
/// (TAWFIK/MAHMOUD), which `travel` reads when a title or number says so.
pub(super) fn spelled_with_a_slash(raw: &str) -> Option<Vec<String>> {
    if !raw.contains('/') {
        return None;
    }
    let words: Vec<&str> = raw.split_whitespace().collect();
    let split: Vec<Option<Vec<&str>>> = words.iter().map(|w| slashed(w)).collect();
    let most = split.iter().flatten().map(Vec::len).max()?;
    let readings = (0..most)
        .map(|k| {
            let read: Vec<&str> = words
                .iter()
                .zip(&split)
                .map(|(w, s)| s.as_ref().map_or(*w, |s| s.get(k).unwrap_or(&s[0])))
                .collect();
            read.join(" ")
        })
        .collect();
    Some(readings)
}

/// The spellings of a word written with slashes between them, when they
/// are words of letters that sound alike.
fn slashed(word: &str) -> Option<Vec<&str>> {
    if !word.contains('/') {
        return None;
    }
    let spellings: Vec<&str> = word.split('/').collect();
    let first = normalize(spellings[0]);
    let sound = first_sound(&first)?;
    let alike = spellings.len() <= MAX_SPELLINGS + 1
        && spellings.iter().all(|s| {
            let n = normalize(s);
            is_a_spelling(&n) && first_sound(&n) == Some(sound)
        });
    alike.then_some(spellings)
}

/// Where the word before a parenthesis starts in `before`, and the other
/// spellings of it that the parenthesis holds.
fn spellings_of(before: &str, content: &str, after: &str) -> Option<(usize, Vec<String>)> {
    let trimmed = before.trim_end();
    let word_at = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = normalize(&trimmed[word_at..]);
    if word.is_empty() || word.contains(' ') || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    // inside the name: the words after it up to the next parenthesis
    let inside = !normalize(after.split('(').next().unwrap_or("")).is_empty();
    let words: Vec<&str> = content.split_whitespace().collect();
    let marked = super::markers::marker_at(&words).map(|(len, _)| len);
    let listed = words[marked.unwrap_or(0)..].join(" ");
    let mut spellings = Vec::new();
    for piece in listed.split([',', '،', ';', '/']) {
        for spelling in piece.split(" or ").flat_map(|p| p.split(" أو ")) {
            let normal = normalize(spelling);
            if !is_a_spelling(&normal) {
                return None;
            }
            let vouched = inside && marked.is_some();
            if !vouched
                && (first_sound(&normal).is_none() || first_sound(&normal) != first_sound(&word))
            {
                return None;
            }
            if normal != word && !spellings.iter().any(|s: &String| normalize(s) == normal) {
                spellings.push(spelling.trim().to_string());
            }
        }
    }
    (!spellings.is_empty() && spellings.len() <= MAX_SPELLINGS).then_some((word_at, spellings))
}

/// One word of letters that names rather than describes: not a title,
/// office, status, generation (Jr.) or place (Spain).
fn is_a_spelling(normal: &str) -> bool {
    let lex = lexicon();
    !normal.is_empty()
        && !normal.contains(' ')
        && normal.chars().all(char::is_alphabetic)
        && !GENERATION.contains(&normal)
        && lex.word(normal) != Some(Word::Title)
        && lex.describes(normal).is_none()
        && !lex
            .concept(normal)
            .is_some_and(|c| lex.is_place_concept(c) || lex.is_type_concept(c))
}

/// The first consonant a word sounds, in Latin or Arabic letters (none in
/// scripts read by their letters alone, which are compared as written).
fn first_sound(normal: &str) -> Option<char> {
    let script = script_of(normal);
    if script == Script::Other {
        return None;
    }
    skeleton(super::token_units(normal, script).as_slice())
        .chars()
        .next()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{spelled_in_parentheses, spelled_with_a_slash};

    #[test]
    fn a_words_other_spelling_in_parentheses_is_a_reading_of_the_name() {
        for (raw, readings) in [
            (
                "Maher (a.k.a. Mahir) Al-Assad",
                &["Maher Al-Assad", "Mahir Al-Assad"][..],
            ),
            (
                "Atej (a.k.a. Atef, Atif) Najib",
                &["Atej Najib", "Atef Najib", "Atif Najib"],
            ),
            (
                "Hafez (حافظ) Makhlouf",
                &["Hafez Makhlouf", "حافظ Makhlouf"],
            ),
            (
                "Mohammad (Mohamed) Hamsho",
                &["Mohammad Hamsho", "Mohamed Hamsho"],
            ),
            // at the end, and each word glossed
            ("Ahmed Hassan (Hasan)", &["Ahmed Hassan", "Ahmed Hasan"]),
            (
                "Mohammed (محمد) Nasif (ناصيف) Kheirbek",
                &["Mohammed Nasif Kheirbek", "محمد ناصيف Kheirbek"],
            ),
            ("محمد (محمود) علي", &["محمد علي", "محمود علي"]),
            // a short form
            ("Mohamed (Mo) Salah", &["Mohamed Salah", "Mo Salah"]),
            // an a.k.a. at the end sounding like the name's last word
            (
                "Mohammed HAMCHO (a.k.a. Hamsho)",
                &["Mohammed HAMCHO", "Mohammed Hamsho"],
            ),
        ] {
            let got = spelled_in_parentheses(raw).unwrap();
            let got: Vec<String> = got
                .iter()
                .map(|r| r.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            assert_eq!(got, readings, "{raw}");
        }
    }

    #[test]
    fn a_words_spellings_between_slashes_are_readings_of_the_name() {
        for (raw, readings) in [
            ("Mohamed/Mohammed Ali", &["Mohamed Ali", "Mohammed Ali"][..]),
            ("محمد/محمود علي", &["محمد علي", "محمود علي"]),
            ("Ahmed Ali/Aly", &["Ahmed Ali", "Ahmed Aly"]),
        ] {
            assert_eq!(spelled_with_a_slash(raw).unwrap(), readings, "{raw}");
        }
        // a booking's surname and given names; a date; a word of another sound
        for raw in [
            "TAWFIK/MAHMOUD",
            "Mohammed Ali 12/03/1970",
            "Ahmed Ali/Hassan",
            "Mahmoud Tawfik",
        ] {
            assert_eq!(spelled_with_a_slash(raw), None, "{raw}");
        }
    }

    #[test]
    fn other_parentheses_are_left_as_they_were() {
        for raw in [
            "Mahmoud Tawfik",
            // what the parenthesis says of the person
            "Mahmoud Tawfik (Egypt)",
            "Ahmed (Egyptian) Ali",
            "Ahmed Hassan (Jr.)",
            "Ahmed Hassan (deceased)",
            // another name of two words, read apart elsewhere
            "Abu Mohammad al-Julani (Ahmed al-Sharaa)",
            "Mohammed HAMCHO (a.k.a. Hamsho; محمد حمشو)",
            // a letter, a number, nothing before it
            "Ahmed (A) Ali",
            "Ahmed (1970) Ali",
            "(Ahmed) Ali",
            "Ahmed (Ali",
            // a place, and a script without sounds (a Nepali family name)
            "Bowne Global Solutions (Spain)",
            "राजेश पुष्‍प (अमात्य)",
        ] {
            assert_eq!(spelled_in_parentheses(raw), None, "{raw}");
        }
    }
}
