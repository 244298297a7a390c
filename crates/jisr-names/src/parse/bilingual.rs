//! A name written in both scripts in one string: bilingual lists and
//! spreadsheets put «محمد علي Mohammed Ali» in one cell. Read as one name,
//! each script's words were parts the other side lacked (0.82 against
//! Mohamed Aly); each script's is a name of the person.

use crate::normalize::is_arabic_char;

/// The two names, in the order written, when `raw` is a name of two words
/// or more in Arabic letters and one of two words or more in Latin letters,
/// one after the other. A string with parentheses, quotation marks or
/// semicolons is left to `aliases`, which reads the names they set apart.
pub(super) fn halves(raw: &str) -> Option<(&str, &str)> {
    // asked of every name: most have no Arabic letter or no Latin one
    let b = raw.as_bytes();
    if !(b.iter().any(|c| matches!(c, 0xD8..=0xDB)) && b.iter().any(u8::is_ascii_alphabetic)) {
        return None;
    }
    if raw.contains(['(', ')', '"', '«', '»', ';', '؛', '“', '”']) {
        return None;
    }
    let mut blocks: Vec<(Script, usize, usize)> = Vec::new();
    for word in raw.split_whitespace() {
        // where the word starts in `raw`, which it is a slice of
        let start = word.as_ptr() as usize - raw.as_ptr() as usize;
        let Some(script) = script(word) else {
            continue;
        };
        match blocks.last_mut() {
            Some((s, _, words)) if *s == script => *words += 1,
            _ => blocks.push((script, start, 1)),
        }
    }
    match blocks[..] {
        [(_, _, first), (_, second_at, second)] if first >= 2 && second >= 2 => {
            Some((raw[..second_at].trim(), raw[second_at..].trim()))
        }
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Script {
    Arabic,
    Latin,
}

/// The script of a word's letters; `None` for a word without letters (a
/// dash, a number) or with both.
fn script(word: &str) -> Option<Script> {
    let arabic = word.chars().any(is_arabic_char);
    // Latin letters, with their diacritics (below the IPA block)
    let latin = word
        .chars()
        .any(|c| c.is_alphabetic() && (c as u32) < 0x250);
    match (arabic, latin) {
        (true, false) => Some(Script::Arabic),
        (false, true) => Some(Script::Latin),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::halves;

    #[test]
    fn a_name_in_both_scripts_is_two_names() {
        for (raw, a, b) in [
            ("محمد علي Mohammed Ali", "محمد علي", "Mohammed Ali"),
            (
                "Mahmoud Tawfik محمود توفيق",
                "Mahmoud Tawfik",
                "محمود توفيق",
            ),
            (
                "Mahmoud TAWFIK - محمود توفيق",
                "Mahmoud TAWFIK -",
                "محمود توفيق",
            ),
            (
                "الاتحاد الأوروبي European Union",
                "الاتحاد الأوروبي",
                "European Union",
            ),
        ] {
            assert_eq!(halves(raw), Some((a, b)), "{raw}");
        }
        for raw in [
            "Mohammed Ali",
            "محمد علي",
            // one word of a script: a gloss or a title
            "اللواء Mahmoud Tawfik",
            "حافظ Makhlouf",
            // three runs
            "Ahmed أحمد Ali علي",
            // set apart otherwise, for aliases to read
            "Rami Makhlouf (رامي مخلوف)",
            "Rami Makhlouf; رامي مخلوف",
        ] {
            assert_eq!(halves(raw), None, "{raw}");
        }
    }
}
