//! What Arabic spells out as words where Latin writes letters: initials
//! (Arabic writes the letter's name, so George W. Bush is «جورج دبليو بوش»
//! and J. R. R. Tolkien «جيه. آر. آر. تولكين») and regnal numbers
//! (Abdullah II is «عبد الله الثاني», Mohammed VI «محمد السادس»). Read as
//! words, those never meet the Latin letters.

use crate::normalize::normalize;
use std::sync::OnceLock;

/// Arabic spellings of Latin letter names that are not also names or
/// particles (دي is de, بي and سي are syllables of Chinese names, ام is Umm).
const LETTER_NAMES: &[(&str, &str)] = &[
    ("دبليو", "w"),
    ("إتش", "h"),
    ("اتش", "h"),
    ("جيه", "j"),
    ("كيه", "k"),
    ("إكس", "x"),
    ("كيو", "q"),
    ("زد", "z"),
    ("إف", "f"),
    ("إيه", "a"),
    ("إس", "s"),
    ("آر", "r"),
];

/// Titles of rulers, after which a final single-letter numeral is one.
const RULERS: &[&str] = &[
    "king", "queen", "pope", "emperor", "empress", "tsar", "czar", "shah", "emir", "sultan",
    "prince", "princess", "caliph",
];
const SINGLE_NUMERALS: &[(&str, &str)] = &[("i", "№1"), ("v", "№5"), ("x", "№10")];

/// A table keyed by its words as `normalize` writes them. Searched in
/// order: a few dozen short words compare faster than a hash is computed.
struct Normalised(Vec<(String, &'static str)>);

impl Normalised {
    fn get(&self, token: &str) -> Option<&'static str> {
        self.0.iter().find(|(w, _)| w == token).map(|(_, to)| *to)
    }
}

fn normalised(table: &[(&str, &'static str)]) -> Normalised {
    Normalised(table.iter().map(|(w, to)| (normalize(w), *to)).collect())
}

fn letters() -> &'static Normalised {
    static MAP: OnceLock<Normalised> = OnceLock::new();
    MAP.get_or_init(|| normalised(LETTER_NAMES))
}

/// Ordinals after a ruler's name, as the number both scripts then share:
/// Arabic words of both genders (Elizabeth II is «إليزابيث الثانية»),
/// Latin Roman numerals of more than one letter (a final I, V or X may be
/// an initial) and digit ordinals. Written №2, they are the name's ordinal
/// (`Role::Ordinal`): the same number aligns, two different ones mark two
/// people (Abdullah I is not Abdullah II). A plain number closing a name
/// stays a part (Snow Storm 1, a vessel).
const ORDINALS: &[(&str, &str)] = &[
    ("الأول", "№1"),
    ("الأولى", "№1"),
    ("الثاني", "№2"),
    ("الثانية", "№2"),
    ("الثالث", "№3"),
    ("الثالثة", "№3"),
    ("الرابع", "№4"),
    ("الرابعة", "№4"),
    ("الخامس", "№5"),
    ("الخامسة", "№5"),
    ("السادس", "№6"),
    ("السابع", "№7"),
    ("الثامن", "№8"),
    ("التاسع", "№9"),
    ("العاشر", "№10"),
    ("ii", "№2"),
    ("iii", "№3"),
    ("iv", "№4"),
    ("vi", "№6"),
    ("vii", "№7"),
    ("viii", "№8"),
    ("ix", "№9"),
    ("1st", "№1"),
    ("2nd", "№2"),
    ("3rd", "№3"),
    ("4th", "№4"),
    ("5th", "№5"),
    ("6th", "№6"),
    ("7th", "№7"),
    ("8th", "№8"),
    ("9th", "№9"),
    ("10th", "№10"),
];

fn ordinals() -> &'static Normalised {
    static MAP: OnceLock<Normalised> = OnceLock::new();
    MAP.get_or_init(|| normalised(ORDINALS))
}

/// The tokens with spelled-out initials as their Latin letter and a final
/// ordinal as its number, or `None` when there are neither. Initials
/// are never the last token (that is a name); an ordinal is only the last
/// one, after a name.
pub(super) fn initials_as_letters(tokens: &[&str]) -> Option<Vec<String>> {
    let last = tokens.len().checked_sub(1)?;
    // after a ruler's title, a final I, V or X is a number, not an initial
    let ruler = tokens.first().is_some_and(|t| RULERS.contains(t)) && last > 1;
    let spelled = |i: usize, t: &str| -> Option<&'static str> {
        if i < last {
            // the letters' names are short Arabic words: others need no lookup
            (t.len() <= 10 && !t.is_ascii())
                .then(|| letters().get(t))
                .flatten()
        } else if i == 0 {
            None
        } else if ruler && let Some(&(_, n)) = SINGLE_NUMERALS.iter().find(|(r, _)| *r == t) {
            Some(n)
        } else if t.starts_with("ال")
            || t.starts_with(['i', 'v', 'x', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
        {
            ordinals().get(t)
        } else {
            None
        }
    };
    if !tokens
        .iter()
        .enumerate()
        .any(|(i, t)| spelled(i, t).is_some())
    {
        return None;
    }
    Some(
        tokens
            .iter()
            .enumerate()
            .map(|(i, t)| spelled(i, t).map_or_else(|| t.to_string(), str::to_string))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::initials_as_letters;
    use crate::normalize::normalize;

    fn read(name: &str) -> Option<String> {
        let n = normalize(name);
        let tokens: Vec<&str> = n.split(' ').filter(|t| !t.is_empty()).collect();
        initials_as_letters(&tokens).map(|t| t.join(" "))
    }

    #[test]
    fn spelled_out_initials_are_letters() {
        assert_eq!(read("جورج دبليو بوش").as_deref(), Some("جورج w بوش"));
        assert_eq!(read("جيه. آر. آر. تولكين").as_deref(), Some("j r r تولكين"));
        assert_eq!(read("جون إف كينيدي").as_deref(), Some("جون f كينيدي"));
    }

    #[test]
    fn regnal_numbers_are_roman() {
        assert_eq!(read("عبد الله الثاني").as_deref(), Some("عبد الله №2"));
        assert_eq!(read("Abdullah II").as_deref(), Some("abdullah №2"));
        assert_eq!(
            read("الملكة إليزابيث الثانية").as_deref(),
            Some("الملكه اليزابيث №2")
        );
        assert_eq!(read("Mohammed 6th").as_deref(), Some("mohammed №6"));
        // a final single letter may be an initial
        assert_eq!(read("Ahmed I."), None);
        // only after a name
        assert_eq!(read("الثاني"), None);
        // a final I is a number after a ruler's title, an initial otherwise
        assert_eq!(read("King Hussein I").as_deref(), Some("king hussein №1"));
    }

    #[test]
    fn a_last_word_or_a_name_stays() {
        assert_eq!(read("محمد زد"), None);
        assert_eq!(read("ستافان دي ميستورا"), None);
        assert_eq!(read("شي جين بينغ"), None);
    }
}
