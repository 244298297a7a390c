//! Kurdish (Sorani) and Uyghur write every vowel with a letter, where
//! Arabic leaves the short ones out: ە is the short e or a, and a word
//! opening with a vowel opens with ئ before it («ئەحمەد» Ahmad, «ئیبراهیم»
//! Ibrahim, «ئابدۇقادىر» Abduqadir). Read as Arabic letters, ە was an h and
//! the seat a y: «عەلی» Ali became «عهلي» and «ئەحمەد» «يهحمهد». Inside a
//! word ە is dropped, as Arabic writes the vowel it stands for, and ends a
//! word as a final ه does (Kawa «کاوە»); an opening ئ is the alef Arabic
//! writes there. Arabic itself never writes ە, nor opens a word with ئ.

/// The letter `fold` keeps for ە until its place in the word is known.
pub(super) const AE: char = 'ە';
/// The hamza seat on ya.
pub(super) const SEAT: char = 'ئ';

/// `text` (folded, words single-spaced) with ە and ئ read by their place in
/// the word: ە dropped inside a word and a final ه at its end, an opening
/// ئ an alef (none before an alef), any other ئ the ي Arabic reads it as.
pub(super) fn read_vowel_letters(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (w, word) in text.split(' ').enumerate() {
        if w > 0 {
            out.push(' ');
        }
        let chars: Vec<char> = word.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let next = chars.get(i + 1).copied();
            match c {
                SEAT if i == 0 && matches!(next, Some('ا')) => {}
                SEAT if i == 0 && next.is_some() => out.push('ا'),
                SEAT => out.push('ي'),
                AE if i + 1 == chars.len() => out.push('ه'),
                AE => {}
                _ => out.push(c),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::normalize;

    #[test]
    fn kurdish_and_uyghur_vowel_letters_read_as_arabic_writes_them() {
        for (written, arabic) in [
            ("عەلی", "علي"),
            ("عومەر", "عومر"),
            ("مەلا کرێکار", "ملا كرێكار"),
            ("ئەحمەد", "احمد"),
            ("ئیبراهیم", "ايبراهيم"),
            ("ئاراس", "اراس"),
            ("کاوە", "كاوه"),
            ("ئەيسا", "ايسا"),
            ("ھەسەن مەخسۇم", "هسن مخسۇم"),
            // Arabic's own ئ, inside a word, stays the ي it was read as
            ("عائشة", "عايشه"),
            ("رئيس", "رييس"),
        ] {
            assert_eq!(normalize(written), arabic, "{written}");
        }
    }
}
