//! Hebrew written in Arabic letters.
//!
//! Hebrew and Arabic are sister abjads: a Hebrew name and the Arabic press's
//! spelling of it share their consonants letter for letter (נתניהו and
//! «نتنياهو», עודה and «عودة»), and both leave short vowels out. So rather
//! than romanising Hebrew, normalisation rewrites each letter as the Arabic
//! letter the Arabic press writes for it, and the Arabic machinery (its
//! vowel-tolerant comparison with Latin, its particles) reads the rest.
//!
//! Where one Hebrew letter stands for two sounds, the spelling Arabic gives
//! modern names is kept: ג is غ (Gantz «غانتس»), צ is «تس» (Peretz «بيرتس»,
//! Herzog «هرتسوغ»), פ is ب at the start of a word (Peres «بيريز») and ف
//! after. A geresh marks the sounds Hebrew lacks, as in Arabic names
//! written in Hebrew: ג׳ ج, ח׳ خ, ע׳ غ, ת׳ ث, ד׳ ذ, ט׳ ظ, צ׳ ch, ז׳ zh.

/// Whether `c` is a Hebrew letter, point or mark, a presentation form, or
/// one of the letterlike symbols ℵ ℶ ℷ ℸ, which NFKC turns into letters.
pub(super) fn is_hebrew(c: char) -> bool {
    matches!(c as u32, 0x0591..=0x05F4 | 0xFB1D..=0xFB4F | 0x2135..=0x2138)
}

fn is_letter(c: char) -> bool {
    matches!(c, 'א'..='ת' | 'װ'..='ײ')
}

/// Hebrew points and cantillation marks: not written consistently, so dropped.
fn is_point(c: char) -> bool {
    matches!(
        c as u32,
        0x0591..=0x05BD | 0x05BF | 0x05C1 | 0x05C2 | 0x05C4 | 0x05C5 | 0x05C7
    )
}

fn is_geresh(c: char) -> Option<char> {
    matches!(c, '׳' | '\'' | '’' | '`' | '‘').then_some(c)
}

fn letter(c: char, word_start: bool) -> &'static str {
    match c {
        'א' => "ا",
        'ב' => "ب",
        'ג' => "غ",
        'ד' => "د",
        'ה' => "ه",
        'ו' => "و",
        'ז' => "ز",
        'ח' => "ح",
        'ט' => "ط",
        'י' => "ي",
        'כ' | 'ך' => "ك",
        'ל' => "ل",
        'מ' | 'ם' => "م",
        'נ' | 'ן' => "ن",
        'ס' => "س",
        'ע' => "ع",
        'פ' if word_start => "ب",
        'פ' | 'ף' => "ف",
        'צ' | 'ץ' => "تس",
        'ק' => "ق",
        'ר' => "ر",
        'ש' => "ش",
        'ת' => "ت",
        'װ' => "و",
        'ױ' => "وي",
        'ײ' => "ي",
        _ => "",
    }
}

fn with_geresh(c: char) -> Option<&'static str> {
    Some(match c {
        'ג' | 'ז' => "ج",
        'ח' => "خ",
        'ע' => "غ",
        'ת' => "ث",
        'ד' => "ذ",
        'ט' => "ظ",
        'צ' | 'ץ' => "تش",
        _ => return None,
    })
}

/// The text with every Hebrew letter in Arabic letters, or `None` when it
/// has none (expects NFKC, which splits presentation forms into letters and
/// points).
pub(super) fn in_arabic_letters(text: &str) -> Option<String> {
    if !text.chars().any(is_hebrew) {
        return None;
    }
    let chars: Vec<char> = text.chars().filter(|&c| !is_point(c)).collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = i.checked_sub(1).map(|k| chars[k]);
        let next = chars.get(i + 1).copied();
        if is_letter(c) {
            let geresh = next.and_then(is_geresh).and_then(|_| with_geresh(c));
            if let Some(s) = geresh {
                out.push_str(s);
                i += 2;
                continue;
            }
            // a doubled vav or yod writes one consonant v or y (דוויד, חיים)
            if matches!(c, 'ו' | 'י') && prev == Some(c) {
                i += 1;
                continue;
            }
            out.push_str(letter(c, !prev.is_some_and(is_letter)));
        } else if matches!(c, '״' | '"') && prev.is_some_and(is_letter) {
            // gershayim mark an abbreviation (כ״ץ, Katz): the letters stay
        } else if c == '׳' {
            // a geresh after a letter it does not change marks an abbreviation
        } else if is_hebrew(c) {
            // maqaf, paseq, sof pasuq and the other marks separate words
            out.push(' ');
        } else {
            out.push(c);
        }
        i += 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_become_the_arabic_the_press_writes() {
        assert_eq!(in_arabic_letters("Mahmoud"), None);
        let t = |s: &str| in_arabic_letters(s).unwrap_or_default();
        assert_eq!(t("בנימין נתניהו"), "بنيمين نتنيهو");
        assert_eq!(t("בני גנץ"), "بني غنتس");
        assert_eq!(t("שמעון פרס"), "شمعون برس");
        assert_eq!(t("יוסף"), "يوسف");
        assert_eq!(t("ג׳מאל ח'ורי"), "جمال خوري");
        assert_eq!(t("בצלאל סמוטריץ׳"), "بتسلال سموطريتش");
        assert_eq!(t("ישראל כ\"ץ"), "يشرال كتس");
        assert_eq!(t("דוד בן־גוריון"), "دود بن غوريون");
        assert_eq!(t("דָּוִד"), "دود");
        assert_eq!(t("חיים"), "حيم");
    }

    // NFKC turns the letterlike symbols into Hebrew letters, which must
    // then be written in Arabic ones like any other
    #[test]
    fn letterlike_symbols_are_read_as_letters() {
        let folded = super::super::normalize("ℵ ℶ");
        assert!(!folded.chars().any(is_letter), "{folded}");
        assert_eq!(folded, super::super::normalize("א ב"));
    }
}
