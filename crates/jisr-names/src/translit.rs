//! Arabic → Latin romanisation under the schemes partners actually use.
//!
//! Matching does not depend on these strings (it aligns sounds directly, see
//! `phonetic`); they exist to show a reader how a name is likely to be
//! written, and to generate Latin spellings for tests and synthetic data.
//! Short vowels are not written in Arabic, so they are guessed: a common-name
//! table first, then "a"/"e" between consonants.

use crate::normalize::normalize;

/// A romanisation habit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// English-language news: Mohammed, Tawfik, Abdel Rahman.
    News,
    /// Egyptian: g for ج, e/o vowels, el- article (Gamal, Mohamed, el-Sisi).
    Egyptian,
    /// Levantine: e/o vowels, j for ج (Mohammad, Jamil, el-Assad).
    Levantine,
    /// French habit (Maghreb, Lebanon): ou, ch, dj, gh (Mouhammad, Chadli, Djamel).
    French,
    /// ALA-LC / UNGEGN with the diacritics dropped (Muhammad, Tawfiq, al-Rahman).
    AlaLc,
}

impl Scheme {
    pub const ALL: [Scheme; 5] = [
        Scheme::News,
        Scheme::Egyptian,
        Scheme::Levantine,
        Scheme::French,
        Scheme::AlaLc,
    ];
}

/// Common names whose vowels cannot be guessed from the letters:
/// [news, egyptian, levantine, french, ala-lc].
const NAMES: &[(&str, [&str; 5])] = &[
    (
        "محمد",
        ["mohammed", "mohamed", "mohammad", "mouhamed", "muhammad"],
    ),
    ("احمد", ["ahmed", "ahmed", "ahmad", "ahmed", "ahmad"]),
    (
        "محمود",
        ["mahmoud", "mahmoud", "mahmoud", "mahmoud", "mahmud"],
    ),
    ("علي", ["ali", "aly", "ali", "ali", "ali"]),
    ("حسن", ["hassan", "hassan", "hasan", "hassan", "hasan"]),
    (
        "حسين",
        ["hussein", "hussein", "hussein", "houssein", "husayn"],
    ),
    ("عمر", ["omar", "omar", "omar", "omar", "umar"]),
    ("عثمان", ["othman", "osman", "othman", "othmane", "uthman"]),
    ("خالد", ["khaled", "khaled", "khaled", "khaled", "khalid"]),
    ("يوسف", ["youssef", "youssef", "yousef", "youssef", "yusuf"]),
    (
        "ابراهيم",
        ["ibrahim", "ibrahim", "ibrahim", "brahim", "ibrahim"],
    ),
    (
        "مصطفي",
        ["mustafa", "mostafa", "moustafa", "moustapha", "mustafa"],
    ),
    ("عبد", ["abdel", "abdel", "abdel", "abdel", "abd al"]),
    ("توفيق", ["tawfik", "tawfik", "tawfiq", "toufik", "tawfiq"]),
    ("جمال", ["jamal", "gamal", "jamal", "djamel", "jamal"]),
    ("سعيد", ["saeed", "said", "saeed", "said", "said"]),
    ("فاطمه", ["fatima", "fatma", "fatima", "fatima", "fatimah"]),
    ("عائشه", ["aisha", "aisha", "aisha", "aicha", "aishah"]),
    ("عايشه", ["aisha", "aisha", "aisha", "aicha", "aishah"]),
    ("سلمان", ["salman", "salman", "salman", "salmane", "salman"]),
    (
        "عبدالله",
        ["abdullah", "abdallah", "abdallah", "abdallah", "abd allah"],
    ),
    ("الله", ["allah", "allah", "allah", "allah", "allah"]),
];

fn consonant(c: char, s: Scheme) -> &'static str {
    use Scheme::*;
    match c {
        'ب' => "b",
        'ت' | 'ط' => "t",
        'ث' => match s {
            Egyptian => "s",
            _ => "th",
        },
        'ج' => match s {
            Egyptian => "g",
            French => "dj",
            _ => "j",
        },
        'ح' | 'ه' => "h",
        'خ' => "kh",
        'د' | 'ض' => "d",
        'ذ' => match s {
            Egyptian | Levantine => "z",
            _ => "dh",
        },
        'ظ' => match s {
            AlaLc => "z",
            Egyptian | Levantine => "z",
            _ => "dh",
        },
        'ر' => "r",
        'ز' => "z",
        'س' | 'ص' => "s",
        'ش' => match s {
            French => "ch",
            _ => "sh",
        },
        'ع' => match s {
            AlaLc => "'",
            _ => "",
        },
        'غ' => "gh",
        'ف' => "f",
        'ق' => match s {
            Egyptian => "k",
            AlaLc | News => "q",
            _ => "k",
        },
        'ك' => "k",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'ء' => "",
        'پ' => "p",
        'چ' => "ch",
        'ژ' => "zh",
        'گ' => "g",
        'ڤ' => "v",
        d if d.is_ascii_digit() => "",
        _ => "",
    }
}

fn short_vowel(s: Scheme) -> &'static str {
    match s {
        Scheme::Egyptian | Scheme::Levantine | Scheme::French => "e",
        _ => "a",
    }
}

fn word(w: &str, s: Scheme) -> String {
    let idx = Scheme::ALL.iter().position(|x| *x == s).unwrap_or(0);
    if let Some((_, forms)) = NAMES.iter().find(|(a, _)| normalize(a) == w) {
        return forms[idx].to_string();
    }
    let (article, stem): (&str, &str) = match w.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => ("al", rest),
        _ => ("", w),
    };
    let chars: Vec<char> = stem.chars().collect();
    let mut out = String::new();
    if !article.is_empty() {
        let art = match s {
            Scheme::Egyptian | Scheme::Levantine | Scheme::French => "el",
            _ => "al",
        };
        out.push_str(art);
        out.push('-');
    }
    let n = chars.len();
    let mut prev_consonant = false;
    for (i, &c) in chars.iter().enumerate() {
        let last = i + 1 == n;
        // waw or ya before a long vowel is a consonant (nawal, liwa', bayan)
        let before_vowel = matches!(chars.get(i + 1), Some('ا' | 'ى' | 'ه'));
        match c {
            'ا' => {
                out.push('a');
                prev_consonant = false;
            }
            // a plural nisba's -iyyun, -iyyin (al-Huthiyun «الحوثيون»)
            'ي' if prev_consonant
                && i >= 3
                && i + 3 == n
                && matches!(chars[i + 1], 'و' | 'ي')
                && chars[i + 2] == 'ن' =>
            {
                out.push_str("iy");
                prev_consonant = true;
            }
            'و' | 'ي' if prev_consonant && before_vowel && i > 0 => {
                out.push_str(short_vowel(s));
                out.push(if c == 'و' { 'w' } else { 'y' });
                prev_consonant = true;
            }
            'و' if i == 0 || !prev_consonant => {
                out.push('w');
                prev_consonant = true;
            }
            'و' => {
                out.push_str(match s {
                    Scheme::French => "ou",
                    Scheme::News | Scheme::Egyptian | Scheme::Levantine => "ou",
                    Scheme::AlaLc => "u",
                });
                prev_consonant = false;
            }
            'ي' if i == 0 || !prev_consonant => {
                out.push('y');
                prev_consonant = true;
            }
            'ي' => {
                out.push_str(match s {
                    Scheme::News if !last => "ee",
                    Scheme::Egyptian | Scheme::Levantine if !last => "i",
                    _ => "i",
                });
                prev_consonant = false;
            }
            'ه' if last && i > 0 => {
                out.push_str(if s == Scheme::AlaLc { "ah" } else { "a" });
                prev_consonant = false;
            }
            _ => {
                let cons = consonant(c, s);
                if prev_consonant && !cons.is_empty() {
                    out.push_str(short_vowel(s));
                }
                if c == 'ع' && i == 0 {
                    // an initial ʿayn is heard as a vowel onset
                    out.push_str(match s {
                        Scheme::AlaLc => "'a",
                        _ => "a",
                    });
                    prev_consonant = false;
                    continue;
                }
                out.push_str(cons);
                prev_consonant = !cons.is_empty();
            }
        }
    }
    out
}

/// Romanises an Arabic-script name under a scheme; Latin input is returned normalised.
pub fn transliterate(name: &str, scheme: Scheme) -> String {
    let norm = normalize(name);
    let toks: Vec<&str> = norm.split(' ').collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let tok = toks[i];
        i += 1;
        // ʿAbd and the word it governs are one name, its article written
        // once: «عبد الله» is Abdullah, «عبد الرحمن» Abdel Rahman or Abd
        // al-Rahman (not abdel allah, abdel al-rahman)
        if tok == "عبد"
            && let Some(next) = toks.get(i)
            && let Some(bare) = next.strip_prefix("ال").filter(|b| b.chars().count() >= 2)
        {
            i += 1;
            if *next == "الله" {
                out.push(word("عبدالله", scheme));
            } else {
                out.push(format!("{}{}", abd_prefix(scheme), word(bare, scheme)));
            }
            continue;
        }
        if tok.chars().any(crate::normalize::is_arabic_char) {
            out.push(word(tok, scheme));
        } else {
            out.push(tok.to_string());
        }
    }
    out.join(" ")
}

/// How each scheme writes ʿAbd before the word it governs.
fn abd_prefix(s: Scheme) -> &'static str {
    match s {
        Scheme::News => "abdul ",
        Scheme::Egyptian | Scheme::Levantine | Scheme::French => "abdel ",
        Scheme::AlaLc => "abd al-",
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn abd_and_the_word_it_governs_share_one_article() {
        assert_eq!(transliterate("عبد الله", Scheme::News), "abdullah");
        assert_eq!(transliterate("عبد الله", Scheme::AlaLc), "abd allah");
        let egyptian = transliterate("عبد الرحمن سالم", Scheme::Egyptian);
        assert!(egyptian.starts_with("abdel r") && !egyptian.contains("el-"));
        assert!(transliterate("عبد الرحمن", Scheme::AlaLc).starts_with("abd al-r"));
        assert!(transliterate("عبد الرحمن", Scheme::News).starts_with("abdul r"));
    }

    #[test]
    fn schemes_differ_where_habits_differ() {
        assert_eq!(transliterate("جمال", Scheme::Egyptian), "gamal");
        assert_eq!(transliterate("جمال", Scheme::AlaLc), "jamal");
        assert_eq!(transliterate("محمد", Scheme::AlaLc), "muhammad");
        assert_eq!(transliterate("محمد", Scheme::Egyptian), "mohamed");
        assert_eq!(transliterate("الشاذلي", Scheme::French), "el-chadheli");
        assert_eq!(transliterate("توفيق", Scheme::News), "tawfik");
        assert!(transliterate("نور", Scheme::French).contains("ou"));
        assert_eq!(transliterate("Mahmoud", Scheme::News), "mahmoud");
        assert_eq!(transliterate("نوال", Scheme::News), "nawal");
        assert_eq!(transliterate("بيان", Scheme::AlaLc), "bayan");
    }

    #[test]
    fn a_plural_nisba_ends_in_iyun_or_iyin() {
        assert_eq!(transliterate("الحوثيون", Scheme::AlaLc), "al-huthiyun");
        assert_eq!(transliterate("الحوثيون", Scheme::French), "el-houthiyoun");
        assert_eq!(transliterate("العلويين", Scheme::AlaLc), "al-'aluyin");
    }

    #[test]
    fn transliterations_score_as_matches() {
        for s in Scheme::ALL {
            for name in [
                "محمد علي",
                "خالد الشامي",
                "يوسف القرضاوي",
                "جمال عبد الناصر",
            ] {
                let latin = transliterate(name, s);
                let m = crate::match_names(name, &latin, crate::NameKind::Person);
                assert!(m.score >= 0.8, "{s:?} {name} / {latin}: {m}");
            }
        }
    }
}
