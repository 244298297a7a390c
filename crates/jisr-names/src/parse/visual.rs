//! Arabic text copied from a PDF in visual order: many PDFs store a line
//! as it is drawn, left to right, so «محمد علي الحسيني» pastes as
//! «ينيسحلا يلع دمحم», often in the contextual glyphs of the presentation
//! forms (ﻲﻨﻴﺴﺤﻟا ﻲﻠﻋ ﺪﻤﺤﻣ). Read as written it matched nothing (0.13
//! against Mohammed Ali al-Husseini). The glyphs' contextual forms tell
//! the order, and so do the letters that only open or only end a word (أ,
//! إ, ة, ى); a reversed name in plain letters with none of them («يلع
//! دمحم») cannot be told from a name and is read as written.

use crate::normalize::is_arabic_char;

/// The string in logical order, when its Arabic words read more reversed
/// than not: each Arabic word's letters reversed, and, when every word is
/// Arabic, the words too (a line reversed whole). `None` otherwise.
pub(super) fn in_logical_order(raw: &str) -> Option<String> {
    // asked of every name: without a sign only reversed text gives, it is
    // read as written
    if !may_be_reversed(raw.as_bytes()) {
        return None;
    }
    let words: Vec<&str> = raw.split_whitespace().collect();
    let arabic = |w: &str| w.chars().any(|c| is_arabic_char(c) || form(c).is_some());
    let letter = |c: &char| is_arabic_letter(*c) || form(*c).is_some();
    let (mut reversed, mut logical) = (0usize, 0usize);
    for w in words.iter().filter(|w| arabic(w)) {
        let mut forward = w.chars().filter(letter);
        let mut backward = w.chars().rev().filter(letter);
        let (Some(first), Some(last)) = (forward.next(), backward.next()) else {
            continue;
        };
        let (second, before_last) = (forward.next(), backward.next());
        let long = w.chars().filter(letter).nth(3).is_some();
        // a glyph's form says where in a word it stands
        match form(first) {
            Some(Form::Final | Form::Medial) => reversed += 2,
            Some(Form::Initial) => logical += 2,
            _ => {}
        }
        match form(last) {
            Some(Form::Initial | Form::Medial) => reversed += 2,
            Some(Form::Final) => logical += 2,
            _ => {}
        }
        // among 45,000 Arabic name tokens, ة and ى never open a word and
        // أ, إ, آ end one nine times against 5,300 that they open
        if matches!(first, 'ة' | 'ى') || matches!(last, 'أ' | 'إ' | 'آ') {
            reversed += 2;
        }
        if matches!(last, 'ة' | 'ى') || matches!(first, 'أ' | 'إ' | 'آ') {
            logical += 2;
        }
        // a nisba with the article (al-...i) reads ي...لا reversed, which
        // six foreign names (Jaakkola «ياكولا») do against 865 nisbas: it
        // only supports another sign
        if long && first == 'ي' && before_last == Some('ل') && last == 'ا' {
            reversed += 1;
        }
        if long && first == 'ا' && second == Some('ل') && last == 'ي' {
            logical += 1;
        }
    }
    if reversed < 2 || reversed <= logical {
        return None;
    }
    let all_arabic = words
        .iter()
        .all(|w| arabic(w) || !w.chars().any(char::is_alphanumeric));
    let turned: Vec<String> = words
        .iter()
        .map(|w| {
            if arabic(w) {
                w.chars().rev().collect()
            } else {
                (*w).to_string()
            }
        })
        .collect();
    let mut turned = turned;
    if all_arabic {
        turned.reverse();
    }
    Some(turned.join(" "))
}

/// Whether the bytes hold a sign of reversed Arabic: a presentation form
/// (U+FE70 on: EF B9 B0 to EF BB BF), ة or ى opening a word, or أ, إ or آ
/// ending one. Without one the weaker sign alone decides nothing.
fn may_be_reversed(b: &[u8]) -> bool {
    let apart = |i: Option<&u8>| i.is_none_or(|c| c.is_ascii());
    b.windows(2).enumerate().any(|(i, w)| match w {
        [0xEF, 0xB9..=0xBB] => true,
        [0xD8, 0xA9] | [0xD9, 0x89] => apart(i.checked_sub(1).and_then(|p| b.get(p))),
        [0xD8, 0xA2 | 0xA3 | 0xA5] => apart(b.get(i + 2)),
        _ => false,
    })
}

fn is_arabic_letter(c: char) -> bool {
    is_arabic_char(c) && c.is_alphabetic()
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Form {
    Isolated,
    Final,
    Initial,
    Medial,
}

/// The contextual form of a glyph of the Arabic Presentation Forms-B
/// block, where the letters' glyphs follow each other isolated, final,
/// then initial and medial for the letters that join on both sides.
fn form(c: char) -> Option<Form> {
    let c = c as u32;
    // (first code point, glyphs) of each letter from hamza to yeh
    const LETTERS: &[(u32, u32)] = &[
        (0xFE80, 1),
        (0xFE81, 2),
        (0xFE83, 2),
        (0xFE85, 2),
        (0xFE87, 2),
        (0xFE89, 4),
        (0xFE8D, 2),
        (0xFE8F, 4),
        (0xFE93, 2),
        (0xFE95, 4),
        (0xFE99, 4),
        (0xFE9D, 4),
        (0xFEA1, 4),
        (0xFEA5, 4),
        (0xFEA9, 2),
        (0xFEAB, 2),
        (0xFEAD, 2),
        (0xFEAF, 2),
        (0xFEB1, 4),
        (0xFEB5, 4),
        (0xFEB9, 4),
        (0xFEBD, 4),
        (0xFEC1, 4),
        (0xFEC5, 4),
        (0xFEC9, 4),
        (0xFECD, 4),
        (0xFED1, 4),
        (0xFED5, 4),
        (0xFED9, 4),
        (0xFEDD, 4),
        (0xFEE1, 4),
        (0xFEE5, 4),
        (0xFEE9, 4),
        (0xFEED, 2),
        (0xFEEF, 2),
        (0xFEF1, 4),
        // lam with alef: four ligatures, isolated and final each
        (0xFEF5, 2),
        (0xFEF7, 2),
        (0xFEF9, 2),
        (0xFEFB, 2),
    ];
    let &(start, _) = LETTERS
        .iter()
        .find(|&&(start, n)| (start..start + n).contains(&c))?;
    Some(match c - start {
        0 => Form::Isolated,
        1 => Form::Final,
        2 => Form::Initial,
        _ => Form::Medial,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::in_logical_order;
    use crate::normalize::normalize;

    #[test]
    fn arabic_pasted_in_visual_order_is_read_in_logical_order() {
        for (raw, read) in [
            // the letters: أ only opens a word, and a nisba's article
            ("يرصملا دمحأ", "أحمد المصري"),
            ("يرصملا ميهاربإ يلع", "علي إبراهيم المصري"),
            // the glyphs (a word's final form first)
            ("ﻲﻠﻋ ﺪﻤﺤﻣ", "محمد علي"),
            ("ﻲﻨﻴﺴﺤﻟا ﻲﻠﻋ ﺪﻤﺤﻣ", "محمد علي الحسيني"),
            // ة only ends a word
            ("ةزمح وبأ", "أبو حمزة"),
            // the lam-alef ligature stays one glyph: «علاء»
            ("ءﻼﻋ", "علاء"),
        ] {
            // the glyphs stay glyphs, for normalisation to read
            let got = in_logical_order(raw).unwrap();
            assert_eq!(normalize(&got), normalize(read), "{raw}: {got}");
        }
        // a number keeps its digits, and the words their order beside Latin
        assert_eq!(in_logical_order("دمحأ 1970").as_deref(), Some("أحمد 1970"));
        assert_eq!(
            in_logical_order("Ahmed دمحأ").as_deref(),
            Some("Ahmed أحمد")
        );
    }

    #[test]
    fn glyphs_that_read_reversed_both_ways_are_turned_once() {
        // medial forms at both ends say reversed, turned or not
        let raw = "ﻤﺤﻤ ﻤﻌﻤ";
        assert!(in_logical_order(raw).is_some());
        let parsed = crate::parse(raw, crate::NameKind::Person);
        assert_eq!(parsed.original, raw);
    }

    #[test]
    fn arabic_in_logical_order_is_left_as_it_is() {
        for raw in [
            "محمد علي الحسيني",
            "ﻣﺤﻤﺪ ﻋﻠﻲ",
            "أبو حمزة",
            "الملا عمر",
            // no sign either way, or one too weak alone (Jaakkola)
            "محمد علي",
            "يلع دمحم",
            "ياكولا",
            "Mohammed Ali",
            "",
        ] {
            assert_eq!(in_logical_order(raw), None, "{raw}");
        }
    }
}
