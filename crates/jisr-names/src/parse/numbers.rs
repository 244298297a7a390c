//! Numbers in organisation names, in digits or in words of either script
//! (Brigade 44, Brigade Forty-Four; 4th Division, Fourth Division,
//! «الفرقة الرابعة»), read as the one number they are so that they meet;
//! written as digits, a part compares by its exact text, so Brigade 313 is
//! not Brigade 314.

use super::letters::{arabic_ordinal_at, digit_ordinal};

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const ORDINAL_UNITS: [&str; 20] = [
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const ORDINAL_TENS: [&str; 10] = [
    "",
    "",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

/// A tens word as lists also misspell it (Brigade Fourty-four).
fn misspelt_tens(w: &str) -> Option<u32> {
    (w == "fourty" || w == "fourtieth").then_some(4)
}

/// The value a word stands for in the first of `tables` holding it
/// (a word's place is its value; the empty places hold nothing).
fn value_in(w: &str, tables: [&[&str]; 2]) -> Option<u32> {
    tables
        .iter()
        .find_map(|t| t.iter().position(|u| !u.is_empty() && *u == w))
        .map(|n| n as u32)
}

fn unit_word(w: &str) -> Option<u32> {
    value_in(w, [&UNITS, &ORDINAL_UNITS])
}

fn tens_word(w: &str) -> Option<u32> {
    value_in(w, [&TENS, &ORDINAL_TENS])
        .or_else(|| misspelt_tens(w))
        .map(|n| n * 10)
}

/// The number opening `words` (digits, 4th, forty four, twenty-first,
/// «الرابعة»): how many words it takes and its value.
pub(super) fn number_at<S: AsRef<str>>(words: &[S]) -> Option<(usize, u32)> {
    let w = words.first()?.as_ref();
    if !w.is_empty() && w.len() <= 9 && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok().map(|n| (1, n));
    }
    if let Some(n) = digit_ordinal(w) {
        return Some((1, n));
    }
    if let Some(tens) = tens_word(w) {
        // forty four, forty-fourth, forty 4
        let unit = words
            .get(1)
            .and_then(|u| unit_word(u.as_ref()).or_else(|| u.as_ref().parse().ok()))
            .filter(|u| (1..10).contains(u));
        return Some(unit.map_or((1, tens), |u| (2, tens + u)));
    }
    unit_word(w)
        .map(|n| (1, n))
        .or_else(|| arabic_ordinal_at(words))
}

#[cfg(test)]
mod tests {
    use super::number_at;
    use crate::normalize::normalize;

    fn read(s: &str) -> Option<(usize, u32)> {
        let n = normalize(s);
        let words: Vec<&str> = n.split(' ').collect();
        number_at(&words)
    }

    #[test]
    fn digits_and_words_of_both_scripts() {
        assert_eq!(read("44"), Some((1, 44)));
        assert_eq!(read("Forty-Four"), Some((2, 44)));
        assert_eq!(read("Forty 4"), Some((2, 44)));
        assert_eq!(read("forty"), Some((1, 40)));
        assert_eq!(read("fourty four"), Some((2, 44)));
        assert_eq!(read("4th"), Some((1, 4)));
        assert_eq!(read("Fourth"), Some((1, 4)));
        assert_eq!(read("Twenty-First"), Some((2, 21)));
        assert_eq!(read("الرابعة"), Some((1, 4)));
        assert_eq!(read("السادس عشر"), Some((2, 16)));
        assert_eq!(read("Gazprom"), None);
        assert_eq!(read("الفرقة"), None);
    }
}
