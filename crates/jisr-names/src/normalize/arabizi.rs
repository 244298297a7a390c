//! Arabic names typed in the chat alphabet (Arabizi, "Franco-Arabic").
//!
//! On social media and in messages, names are typed on Latin keyboards with
//! digits for the Arabic letters Latin lacks, each digit chosen for its
//! shape: 3 is ع (3ali, 3omar), 7 is ح (Mo7amed), 5 is خ (5aled), 2 is
//! hamza, 6 is ط, 8 is ق, 9 is ص (Na9rallah); an apostrophe after the digit
//! adds the letter's dot: 3' غ, 7' خ, 6' ظ, 9' ض. Before folding, such a
//! word is spelled with the letters a plain romanisation writes for those
//! sounds (Mohamed, Ali, Khaled), so every later step (the Latin reader,
//! the index keys, correlation) reads it as it reads any Latin spelling.
//!
//! A digit is read only inside a word that looks typed this way: Latin
//! letters around digits of the chat alphabet alone. Codes and numbers
//! (MI6, 3M, AK-47, A380, 2nd) are left as they are.
//!
//! A word with a 0, 1 or 4, which the chat alphabet does not use, is a
//! Latin name with letters swapped for digits of like shape (Ig0r Sech1n,
//! as lists of evaded names write it), and each digit is read as its letter,
//! in that word and in the name's other words with digits (I9or).

use std::borrow::Cow;

/// The input with each word typed in the chat alphabet, or with digits
/// for Latin letters, spelled in letters.
pub(super) fn spelled_in_letters(input: &str) -> Cow<'_, str> {
    // asked of every name: a pass that does not stop early vectorises
    if !input.bytes().fold(false, |d, b| d | b.is_ascii_digit()) {
        return Cow::Borrowed(input);
    }
    let chars: Vec<char> = input.chars().collect();
    let mut words = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && in_word(chars[i]) {
            i += 1;
        }
        if i > start {
            words.push((start, i, typed_with_digits(&chars[start..i])));
        } else {
            i += 1;
        }
    }
    if words.iter().all(|w| w.2.is_none()) {
        return Cow::Borrowed(input);
    }
    // whoever swaps a digit the chat alphabet lacks for a letter swaps the
    // others too (I9or Sech1n)
    let swapped = words.iter().any(|w| matches!(w.2, Some(Typed::Swapped)));
    let mut out = String::with_capacity(input.len() + 8);
    let mut at = 0;
    for (start, end, typed) in words {
        out.extend(&chars[at..start]);
        let word = &chars[start..end];
        match typed {
            None => out.extend(word),
            Some(_) if swapped => {
                out.extend((0..word.len()).map(|j| swapped_letter(word[j], word.get(j + 1))));
            }
            Some(_) => spell(word, &mut out),
        }
        at = end;
    }
    out.extend(&chars[at..]);
    Cow::Owned(out)
}

/// How a word's digits stand for letters.
enum Typed {
    /// Arabic in the chat alphabet: each digit is an Arabic letter.
    Chat,
    /// A Latin name with letters swapped for digits of like shape.
    Swapped,
}

/// The marks that follow a digit to add a dot (3' غ), and that
/// romanisations write for ʿayn and hamza.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | '´' | 'ʼ' | '′')
}

fn in_word(c: char) -> bool {
    c.is_alphanumeric() || is_apostrophe(c)
}

/// Latin letters, with or without diacritics (the Latin blocks end at U+024F).
fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && (c as u32) < 0x0250
}

fn is_vowel(c: char) -> bool {
    c.to_lowercase()
        .next()
        .is_some_and(|l| "aeiouàáâäèéêëìíîïòóôöùúûü".contains(l))
}

/// Ordinal endings after a leading number (2nd, 3rd, 5th; French 2e, 3ème).
const ORDINAL_ENDINGS: &[&str] = &["st", "nd", "rd", "th", "e", "er", "re", "eme", "ème"];

fn typed_with_digits(word: &[char]) -> Option<Typed> {
    let letters: Vec<char> = word.iter().copied().filter(|c| c.is_alphabetic()).collect();
    let is_digit = |c: &char| c.is_ascii_digit();
    // only ASCII digits stand for letters, and three in a row are a number;
    // two need a word around them (27med is Ahmed; Su57 is an aircraft)
    let plain = word.iter().filter(|c| c.is_numeric()).all(is_digit)
        && word.windows(3).all(|w| !w.iter().all(is_digit))
        && (letters.len() >= 3 || word.windows(2).all(|w| !w.iter().all(is_digit)));
    let ordinal = word.first().is_some_and(is_digit) && {
        let ending: String = letters.iter().flat_map(|c| c.to_lowercase()).collect();
        ORDINAL_ENDINGS.contains(&ending.as_str())
    };
    // a code in capitals (MI6, SA7, 7UP) is an acronym, not a name
    let acronym = letters.len() <= 3 && letters.iter().all(|c| c.is_uppercase());
    if !word.iter().any(is_digit)
        || !plain
        || letters.len() < 2
        || !letters.iter().all(|&c| is_latin_letter(c))
        || ordinal
        || acronym
    {
        return None;
    }
    if word.iter().any(|&c| matches!(c, '0' | '1' | '4')) {
        Some(Typed::Swapped)
    } else {
        Some(Typed::Chat)
    }
}

/// The letter a digit stands for in a Latin name written with digits: a 1
/// is l before a vowel (V1adimir, A1i) and i elsewhere (Sech1n, Put1n).
fn swapped_letter(c: char, next: Option<&char>) -> char {
    match c {
        '0' => 'o',
        '1' if next.is_some_and(|&n| is_vowel(n)) => 'l',
        '1' => 'i',
        '2' => 'z',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '6' => 'b',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        _ => c,
    }
}

fn spell(word: &[char], out: &mut String) {
    let mut j = 0;
    while j < word.len() {
        let c = word[j];
        let dotted = word.get(j + 1).is_some_and(|&n| is_apostrophe(n));
        let letters = match c {
            '3' if dotted => "gh",
            '7' if dotted => "kh",
            '6' if dotted => "z",
            '9' if dotted => "d",
            '5' => "kh",
            '6' => "t",
            '7' => "h",
            '8' => "q",
            '9' => "s",
            // ʿayn and hamza: plain romanisations leave them out beside a
            // vowel (3ali Ali, sa3eed Saeed) and write a where the Arabic
            // vowel is all they leave (3bd abd, 27med Ahmed)
            '2' | '3' => {
                let before = j.checked_sub(1).and_then(|k| word.get(k));
                let after = word.get(j + 1);
                if before.is_some_and(|&p| is_vowel(p)) || after.is_some_and(|&n| is_vowel(n)) {
                    ""
                } else {
                    "a"
                }
            }
            _ => {
                out.push(c);
                j += 1;
                continue;
            }
        };
        out.push_str(letters);
        j += if dotted && matches!(c, '3' | '6' | '7' | '9') {
            2
        } else {
            1
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chat_digits_become_the_letters_romanisations_write() {
        for (typed, spelled) in [
            ("Mo7amed 3ali", "Mohamed ali"),
            ("5aled Sa3eed", "khaled Saeed"),
            ("Abu 3'areeb", "Abu ghareeb"),
            ("7'alil", "khalil"),
            ("Mamdou7", "Mamdouh"),
            ("Na9rallah", "Nasrallah"),
            ("6'aher", "zaher"),
            ("Ri9'a", "Rida"),
            ("6ari8", "tariq"),
            ("27med", "ahmed"),
            ("m7md", "mhmd"),
            ("3bd al-3ziz", "abd al-aziz"),
            ("Ra2ed", "Raed"),
        ] {
            assert_eq!(spelled_in_letters(typed), spelled, "{typed}");
        }
    }

    #[test]
    fn a_latin_name_with_digits_for_letters_is_read_letter_for_digit() {
        for (typed, spelled) in [
            ("Ig0r Sech1n", "Igor Sechin"),
            ("V1ad1mir Put1n", "Vladimir Putin"),
            ("A1i", "Ali"),
            ("I9or Sech1n", "Igor Sechin"),
            ("Ahm3d A1i", "Ahmed Ali"),
            ("Kha1ed 4hmed", "Khaled ahmed"),
        ] {
            assert_eq!(spelled_in_letters(typed), spelled, "{typed}");
        }
    }

    #[test]
    fn codes_numbers_and_ordinals_stay_as_written() {
        for kept in [
            "MI6",
            "3M",
            "AK-47",
            "A380",
            "Su57",
            "2nd",
            "3ème",
            "7UP",
            "Abdullah 2",
            "1962",
            "محمد3",
            "12/03/1962",
            "x2",
        ] {
            assert!(
                matches!(spelled_in_letters(kept), Cow::Borrowed(_)),
                "{kept} became {}",
                spelled_in_letters(kept)
            );
        }
    }
}
