//! What Arabic spells out as words where Latin writes letters: initials
//! (Arabic writes the letter's name, so George W. Bush is «جورج دبليو بوش»
//! and J. R. R. Tolkien «جيه. آر. آر. تولكين») and regnal numbers
//! (Abdullah II is «عبد الله الثاني», Benedict XVI «بنديكت السادس عشر»).
//! Read as words, those never meet the Latin letters.

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

/// Letter names that are also words or syllables alone but only letters
/// with a dot (C. S. Lewis is «سي. إس. لويس», E. M. Forster «إي. إم.
/// فورستر», where إم would be Umm). بي (B or P), جي (G or J) and اي (E or
/// I) stay words: as words they already meet either letter.
const DOTTED_LETTER_NAMES: &[(&str, &str)] = &[
    ("سي", "c"),
    ("دي", "d"),
    ("تي", "t"),
    ("إم", "m"),
    ("إن", "n"),
    ("إل", "l"),
    ("أو", "o"),
    ("يو", "u"),
    ("في", "v"),
    ("واي", "y"),
    ("زي", "z"),
    ("كي", "k"),
];

fn dotted_letters() -> &'static Normalised<&'static str> {
    static MAP: OnceLock<Normalised<&'static str>> = OnceLock::new();
    MAP.get_or_init(|| normalised(DOTTED_LETTER_NAMES))
}

/// The name with each Arabic letter name written with a dot as its Latin
/// initial, or `None` when it has none. Before normalising, which drops the
/// dot that tells سي. (C.) from سي.
pub(super) fn dotted_initials(name: &str) -> Option<String> {
    if name.is_ascii() || !name.contains('.') {
        return None;
    }
    let mut changed = false;
    let words: Vec<String> = name
        .split(' ')
        .map(|w| {
            let letter = w.strip_suffix('.').and_then(|stem| {
                let stem = normalize(stem);
                dotted_letters().get(&stem).or_else(|| letters().get(&stem))
            });
            match letter {
                Some(l) => {
                    changed = true;
                    format!("{l}.")
                }
                None => w.to_string(),
            }
        })
        .collect();
    changed.then(|| words.join(" "))
}

/// The name with an honorific abbreviated in dotted letters before it
/// (H.E. Adel al-Jubeir, H.H. Sheikh Mohammed, H.R.H., H.M.) written as
/// the title it is, or `None`: read letter by letter they would be a
/// person's initials. Only with the dots, since He and Hh may be names,
/// and only before two words or more: H.E. Smith is more likely initials.
pub(super) fn honorific_initials(name: &str) -> Option<String> {
    let rest = name.trim_start();
    if !rest.starts_with(['H', 'h']) {
        return None;
    }
    let b = rest.as_bytes();
    let mut letters = [0u8; 4];
    let (mut n, mut i) = (0, 0);
    loop {
        while b.get(i) == Some(&b' ') {
            i += 1;
        }
        match (b.get(i), b.get(i + 1)) {
            (Some(c), Some(b'.')) if c.is_ascii_alphabetic() && n < letters.len() => {
                letters[n] = c.to_ascii_lowercase();
                n += 1;
                i += 2;
            }
            _ => break,
        }
    }
    let title = match &letters[..n] {
        b"he" => "excellency",
        b"hh" | b"hrh" | b"hsh" => "highness",
        b"hm" | b"him" => "majesty",
        _ => return None,
    };
    // `i` stopped at an ASCII byte or a non-letter after the last dot
    let after = rest.get(i..)?.trim_start();
    (after.split_whitespace().count() >= 2).then(|| format!("{title} {after}"))
}

/// Titles of rulers, after which a final single-letter numeral is one.
const RULERS: &[&str] = &[
    "king", "queen", "pope", "emperor", "empress", "tsar", "czar", "shah", "emir", "sultan",
    "prince", "princess", "caliph",
];
const SINGLE_NUMERALS: &[(&str, u32)] = &[("i", 1), ("v", 5), ("x", 10)];

/// A table keyed by its words as `normalize` writes them. Searched in
/// order: a few dozen short words compare faster than a hash is computed.
struct Normalised<T: Copy + 'static>(Vec<(String, T)>);

impl<T: Copy> Normalised<T> {
    fn get(&self, token: &str) -> Option<T> {
        self.0.iter().find(|(w, _)| w == token).map(|(_, to)| *to)
    }
}

fn normalised<T: Copy>(table: &[(&str, T)]) -> Normalised<T> {
    Normalised(table.iter().map(|(w, to)| (normalize(w), *to)).collect())
}

fn letters() -> &'static Normalised<&'static str> {
    static MAP: OnceLock<Normalised<&'static str>> = OnceLock::new();
    MAP.get_or_init(|| normalised(LETTER_NAMES))
}

/// Ordinals after a ruler's name, as the number both scripts then share:
/// Arabic words of both genders (Elizabeth II is «إليزابيث الثانية»),
/// compounds of two words (Benedict XVI is «بنديكت السادس عشر», John XXIII
/// «يوحنا الثالث والعشرون»), Latin Roman numerals of more than one letter
/// (a final I, V or X may be an initial, and Xi a Chinese name) and digit
/// ordinals. Written №16, they are the name's ordinal (`Role::Ordinal`):
/// the same number aligns, two different ones mark two people (Abdullah I
/// is not Abdullah II). A plain number closing a name stays a part (Snow
/// Storm 1, a vessel).
const ORDINALS: &[(&str, u32)] = &[
    ("الأول", 1),
    ("الأولى", 1),
    ("الثاني", 2),
    ("الثانية", 2),
    ("الثالث", 3),
    ("الثالثة", 3),
    ("الرابع", 4),
    ("الرابعة", 4),
    ("الخامس", 5),
    ("الخامسة", 5),
    ("السادس", 6),
    ("السادسة", 6),
    ("السابع", 7),
    ("السابعة", 7),
    ("الثامن", 8),
    ("الثامنة", 8),
    ("التاسع", 9),
    ("التاسعة", 9),
    ("العاشر", 10),
    ("العاشرة", 10),
    ("العشرون", 20),
    ("العشرين", 20),
];

/// The first word of a compound ordinal: 1 is الحادي there, not الأول.
const COMPOUND_UNITS: &[(&str, u32)] = &[("الحادي", 1), ("الحادية", 1)];

/// The second word of a compound ordinal, and the tens it adds.
const COMPOUND_TENS: &[(&str, u32)] = &[
    ("عشر", 10),
    ("عشرة", 10),
    ("والعشرون", 20),
    ("والعشرين", 20),
];

fn ordinals() -> &'static [Normalised<u32>; 3] {
    static MAP: OnceLock<[Normalised<u32>; 3]> = OnceLock::new();
    MAP.get_or_init(|| {
        [
            normalised(ORDINALS),
            normalised(COMPOUND_UNITS),
            normalised(COMPOUND_TENS),
        ]
    })
}

/// The value of a Roman numeral from 2 to 39 written the usual way (II,
/// XIV, XXIII; not IIII or VX), but not XI, which is also a name.
fn roman(t: &str) -> Option<u32> {
    if t.len() < 2 || t == "xi" || !t.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')) {
        return None;
    }
    const ONES: [&str; 10] = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    let tens = t.bytes().take_while(|&b| b == b'x').count();
    let rest = &t[tens..];
    let ones = ONES.iter().position(|o| *o == rest)?;
    (tens <= 3).then_some((tens * 10 + ones) as u32)
}

/// 1st, 2nd, 16th …
pub(super) fn digit_ordinal(t: &str) -> Option<u32> {
    let digits = t
        .strip_suffix("st")
        .or_else(|| t.strip_suffix("nd"))
        .or_else(|| t.strip_suffix("rd"))
        .or_else(|| t.strip_suffix("th"))?;
    let n: u32 = digits.parse().ok()?;
    (1..100).contains(&n).then_some(n)
}

/// The Arabic ordinal opening `words` (الرابعة، السادس عشر): how many
/// words it takes and its number.
pub(super) fn arabic_ordinal_at<S: AsRef<str>>(words: &[S]) -> Option<(usize, u32)> {
    let first = words.first()?.as_ref();
    if first.is_ascii() {
        return None;
    }
    let [single, units, tens] = ordinals();
    if let Some(ten) = words.get(1).and_then(|w| tens.get(w.as_ref()))
        && let Some(unit) = single
            .get(first)
            .filter(|&u| u < 10)
            .or_else(|| units.get(first))
    {
        return Some((2, ten + unit));
    }
    single.get(first).map(|v| (1, v))
}

/// A generation closing a name after one word or more (Martin Luther King
/// Jr., «جورج بوش الأب», Alexandre Dumas fils), as the ordinal both
/// scripts share: the son's Jr. and «الابن» align, and a son and his father
/// of one name are two people, as two rulers' numbers are (Ken Griffey
/// Jr. and Sr.).
fn final_generation(tokens: &[&str]) -> Option<&'static str> {
    const SON: &[&str] = &[
        "jr",
        "jnr",
        "junior",
        "fils",
        "hijo",
        "filho",
        "الابن",
        "جونيور",
        "جونير",
    ];
    const FATHER: &[&str] = &["sr", "snr", "senior", "pere", "الاب", "سينيور"];
    let last = *tokens.last()?;
    if tokens.len() < 2 {
        return None;
    }
    if SON.contains(&last) {
        Some("№jr")
    } else if FATHER.contains(&last) {
        Some("№sr")
    } else {
        None
    }
}

/// The ordinal closing `tokens` after a name: how many tokens it takes and
/// its number.
fn final_ordinal(tokens: &[&str]) -> Option<(usize, u32)> {
    let n = tokens.len();
    let last = *tokens.last()?;
    // after a ruler's title, a final I, V or X is a number, not an initial
    let ruler = tokens.first().is_some_and(|t| RULERS.contains(t)) && n > 2;
    let one = if ruler && let Some(&(_, v)) = SINGLE_NUMERALS.iter().find(|(r, _)| *r == last) {
        Some(v)
    } else if last.is_ascii() {
        roman(last).or_else(|| digit_ordinal(last))
    } else {
        None
    };
    if let Some(v) = one.filter(|_| n > 1) {
        return Some((1, v));
    }
    // Arabic ordinals open on the article or close on ten or twenty
    if last.is_ascii() || !(last.starts_with("ال") || last.contains("عشر")) {
        return None;
    }
    let [single, units, tens] = ordinals();
    if n > 2
        && let Some(ten) = tens.get(last)
        && let Some(unit) = single
            .get(tokens[n - 2])
            .filter(|&u| u < 10)
            .or_else(|| units.get(tokens[n - 2]))
    {
        return Some((2, ten + unit));
    }
    single.get(last).filter(|_| n > 1).map(|v| (1, v))
}

/// The tokens with spelled-out initials as their Latin letter and a final
/// ordinal as its number, or `None` when there are neither. Initials
/// are never the last token (that is a name); an ordinal is only the last
/// one, after a name.
pub(super) fn initials_as_letters(tokens: &[&str]) -> Option<Vec<String>> {
    let ordinal = match final_generation(tokens) {
        Some(generation) => Some((1, generation.to_string())),
        None => final_ordinal(tokens).map(|(taken, number)| (taken, format!("№{number}"))),
    };
    let name_end = tokens.len() - ordinal.as_ref().map_or(0, |(taken, _)| *taken);
    let last = tokens.len().checked_sub(1)?;
    let spelled = |i: usize, t: &str| -> Option<&'static str> {
        // the letters' names are short Arabic words: others need no lookup;
        // before Allah, إيه is آية («آية الله», Ayatollah)
        (i < last && t.len() <= 10 && !t.is_ascii() && tokens[i + 1] != "الله")
            .then(|| letters().get(t))
            .flatten()
    };
    let any_spelled = tokens[..name_end]
        .iter()
        .enumerate()
        .any(|(i, t)| spelled(i, t).is_some());
    if ordinal.is_none() && !any_spelled {
        return None;
    }
    let mut out: Vec<String> = tokens[..name_end]
        .iter()
        .enumerate()
        .map(|(i, t)| spelled(i, t).map_or_else(|| t.to_string(), str::to_string))
        .collect();
    if let Some((_, ordinal)) = ordinal {
        out.push(ordinal);
    }
    Some(out)
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
        // آية before Allah is a title, not the letter A
        assert_eq!(read("آية الله الخميني"), None);
    }

    #[test]
    fn dotted_letter_names_are_initials() {
        let read = |n: &str| super::dotted_initials(n);
        assert_eq!(read("سي. إس. لويس").as_deref(), Some("c. s. لويس"));
        assert_eq!(read("إي. إم. فورستر").as_deref(), Some("إي. m. فورستر"));
        // without a dot, سي is a syllable and دي a particle
        assert_eq!(read("سي جين بينغ"), None);
        assert_eq!(read("ستافان دي ميستورا"), None);
    }

    #[test]
    fn dotted_honorifics_are_titles() {
        let read = |n: &str| super::honorific_initials(n);
        assert_eq!(
            read("H.E. Adel al-Jubeir").as_deref(),
            Some("excellency Adel al-Jubeir")
        );
        assert_eq!(
            read(" h. h. Sheikh Mohammed").as_deref(),
            Some("highness Sheikh Mohammed")
        );
        assert_eq!(
            read("H.R.H. Prince Turki").as_deref(),
            Some("highness Prince Turki")
        );
        assert_eq!(
            read("H.M. King Abdullah").as_deref(),
            Some("majesty King Abdullah")
        );
        // initials before one name, letters without dots, other letters
        assert_eq!(read("H.E. Smith"), None);
        assert_eq!(read("He Yong Li"), None);
        assert_eq!(read("H.W. Bush Jr"), None);
        assert_eq!(read("H.E."), None);
    }

    #[test]
    fn a_generation_is_an_ordinal() {
        assert_eq!(
            read("Martin Luther King Jr.").as_deref(),
            Some("martin luther king №jr")
        );
        assert_eq!(
            read("مارتن لوثر كينغ الابن").as_deref(),
            Some("مارتن لوثر كينغ №jr")
        );
        assert_eq!(read("جورج بوش الأب").as_deref(), Some("جورج بوش №sr"));
        assert_eq!(read("Ken Griffey Sr.").as_deref(), Some("ken griffey №sr"));
        // read alike on both sides, Júnior after one name (Vinícius Júnior)
        // is the same ordinal; alone it is a name
        assert_eq!(read("Vinicius Junior").as_deref(), Some("vinicius №jr"));
        assert_eq!(read("Junior"), None);
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
    fn ordinals_beyond_ten() {
        assert_eq!(read("Benedict XVI").as_deref(), Some("benedict №16"));
        assert_eq!(read("بنديكت السادس عشر").as_deref(), Some("بنديكت №16"));
        assert_eq!(read("Louis XIV").as_deref(), Some("louis №14"));
        assert_eq!(read("لويس الرابع عشر").as_deref(), Some("لويس №14"));
        assert_eq!(read("John XXIII").as_deref(), Some("john №23"));
        assert_eq!(read("يوحنا الثالث والعشرون").as_deref(), Some("يوحنا №23"));
        assert_eq!(read("ألفونسو الحادي عشر").as_deref(), Some("الفونسو №11"));
        assert_eq!(read("Pius 12th").as_deref(), Some("pius №12"));
        // not numerals: badly formed, or a name
        assert_eq!(read("Louis IIII"), None);
        assert_eq!(read("Chen Xi"), None);
        assert_eq!(read("Jet Li"), None);
        // a lone ten is a word, not an ordinal
        assert_eq!(read("عشر"), None);
    }

    #[test]
    fn a_last_word_or_a_name_stays() {
        assert_eq!(read("محمد زد"), None);
        assert_eq!(read("ستافان دي ميستورا"), None);
        assert_eq!(read("شي جين بينغ"), None);
    }
}
