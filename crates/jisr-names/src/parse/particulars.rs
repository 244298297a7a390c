//! What a list row or an analyst's note writes after a person's name that
//! is not the name: a date or place of birth, a nationality, a passport
//! ("Mahmoud Tawfik, DOB 12/03/1962", "Ali Hassan (born 1962)", «محمود
//! توفيق مواليد 1962»). Read as parts of the name, its digits and words
//! would leave the name unmatched against the same name written bare; a
//! parenthesis of two words would even be read as another name.

use crate::lexicon::lexicon;

/// Labels that only ever introduce particulars, in normalised words (lower
/// case, dots dropped): what follows them is never the name.
pub(super) const LABELS: &[&[&str]] = &[
    &["dob"],
    &["pob"],
    &["date", "of", "birth"],
    &["place", "of", "birth"],
    &["birth", "date"],
    &["nationality"],
    &["passport"],
    &["date", "de", "naissance"],
    &["lieu", "de", "naissance"],
    &["nationalite"],
    &["geburtsdatum"],
    &["تاريخ", "الميلاد"],
    &["مكان", "الميلاد"],
    &["تاريخ", "الولاده"],
    &["مواليد"],
    &["الجنسيه"],
    &["جواز"],
    // the mother's name, which Arab civil records give to tell namesakes
    // apart: no part of the person's (a parenthesis of it was read as
    // another name of the person)
    &["mother"],
    &["mothers", "name"],
    &["mothers", "maiden", "name"],
    &["nom", "de", "la", "mere"],
    &["prenom", "de", "la", "mere"],
    &["mutter"],
    &["اسم", "الام"],
    &["اسم", "الوالده"],
    &["الام"],
    &["والدته"],
    &["والدتها"],
    // where the person lives, and what the person does or is registered as
    &["resident", "of"],
    &["residing", "in"],
    &["resides", "in"],
    &["lives", "in"],
    &["address"],
    &["occupation"],
    &["profession"],
    &["religion"],
    &["tribe"],
    &["id", "no"],
    &["id", "number"],
    &["identity", "card"],
    &["national", "id"],
    &["phone"],
    &["يسكن"],
    &["يقيم"],
    &["الساكن"],
    &["القاطن"],
    &["من", "اهالي"],
    &["العنوان"],
    &["عنوانه"],
    &["المهنه"],
    &["مهنته"],
    &["الديانه"],
    &["رقم", "الهويه"],
];

/// Words that introduce a date of birth only when one follows: Born and
/// Geboren are surnames, b. stands for bin, «ولد» is a Mauritanian "son of".
const BIRTH_WORDS: &[&str] = &[
    "born",
    "b",
    "ne",
    "nee",
    "geb",
    "geboren",
    "المولود",
    "ولد",
    "تولد",
];

/// Words that introduce a date of death when one follows ("killed 2015",
/// "d. 2001", «قتل عام 2015»); its year is no year of birth.
const DEATH_WORDS: &[&str] = &[
    "died",
    "killed",
    "d",
    "deceased",
    "dead",
    "death",
    "توفي",
    "قتل",
    "مقتل",
    "استشهد",
    "المتوفي",
    "متوفي",
    "وفاه",
    "الوفاه",
];

/// Words that introduce an age when a number follows ("aged 35", «البالغ
/// من العمر 35 عاما»).
const AGE_WORDS: &[&str] = &["aged", "age", "البالغ", "العمر", "عمره"];

/// Words that say who a person is, not what the person is called, when
/// they are all a comma or a parenthesis sets apart (besides countries
/// and nationalities, which the lexicon knows): "Egyptian national",
/// "(deceased)", «(مصري الجنسية)».
const STATUS_WORDS: &[&str] = &[
    "national",
    "citizen",
    "male",
    "female",
    "deceased",
    "killed",
    "dead",
    "reportedly",
    "nationality",
    "مواطن",
    "الجنسيه",
    "ذكر",
    "انثي",
    "متوفي",
    "قتيل",
    "مقتول",
];

/// Months, in the languages lists are kept in, so that "12 March 1962" is
/// a date.
const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
    "الثاني",
    "الاول",
    "عام",
    "سنه",
    "in",
    "on",
    "le",
    "am",
    "في",
];

/// A word of the raw string, and where it starts.
struct Word<'a> {
    at: usize,
    text: String,
    /// The separator before it: a comma, semicolon, colon or parenthesis.
    after_break: bool,
    /// An opening parenthesis before it.
    after_paren: bool,
    raw: &'a str,
}

fn words(raw: &str) -> Vec<Word<'_>> {
    let is_break = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '[' | ']' | '،' | '؛');
    // the spans of the words, each with whether a separator came before it
    let mut spans = Vec::new();
    let (mut broke, mut paren) = (false, false);
    let mut start: Option<usize> = None;
    for (i, c) in raw.char_indices() {
        if c.is_whitespace() || is_break(c) || c == '/' {
            if let Some(s) = start.take() {
                spans.push((s, i, broke, paren));
                (broke, paren) = (false, false);
            }
            broke |= is_break(c);
            paren |= matches!(c, '(' | '[');
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        spans.push((s, raw.len(), broke, paren));
    }
    spans
        .into_iter()
        // a dash standing alone between words sets apart as a comma does
        // (محمد علي حسن - مصري الجنسية)
        .scan(false, |dashed, (s, e, after_break, after_paren)| {
            let piece = &raw[s..e];
            if piece.chars().all(|c| matches!(c, '-' | '–' | '—')) {
                *dashed = true;
                return Some(None);
            }
            let after_break = after_break || std::mem::take(dashed);
            let text = crate::normalize::normalize(&piece.replace('.', ""));
            Some((!text.is_empty()).then_some(Word {
                at: s,
                text,
                after_break,
                after_paren,
                raw: piece,
            }))
        })
        .flatten()
        .collect()
}

fn is_numeric(w: &Word) -> bool {
    w.raw.chars().any(|c| c.is_numeric())
}

/// A nationality or a status. Not a country, which is as often a given
/// name after a family name's comma ("SMITH, Jordan"), nor a letter
/// alone, an initial there ("TAWFIK, M.").
fn says_who(w: &Word) -> bool {
    let lex = crate::lexicon::lexicon();
    let nationality = || {
        lex.concept(&w.text).is_some_and(|c| {
            lex.is_place_concept(c) && (lex.concept_name(c) == w.text || w.text.ends_with('ي'))
        })
    };
    w.text.chars().count() > 1 && (STATUS_WORDS.contains(&w.text.as_str()) || nationality())
}

fn is_date_word(w: &Word) -> bool {
    is_numeric(w) || MONTHS.contains(&w.text.as_str())
}

/// The name before its particulars, when `raw` has any and a name is left.
#[cfg(test)]
fn without_particulars(raw: &str) -> Option<&str> {
    split_particulars(raw, true).map(|(name, _)| name)
}

/// The name and its particulars, when `raw` has any and a name is left;
/// `person` when the name is known to be a person's, whose country in
/// parentheses is a particular (a body's is part of its name: Bowne
/// Global Solutions (France)).
pub(super) fn split_particulars(raw: &str, person: bool) -> Option<(&str, &str)> {
    if !may_have_particulars(raw) {
        return None;
    }
    let words = words(raw);
    let cut = (1..words.len()).find(|&i| {
        let labelled = LABELS.iter().any(|label| {
            words.len() >= i + label.len()
                && label.iter().zip(&words[i..]).all(|(l, w)| w.text == *l)
        });
        // a birth word with a date after it, within a few words
        let birth = (BIRTH_WORDS.contains(&words[i].text.as_str())
            || DEATH_WORDS.contains(&words[i].text.as_str())
            || AGE_WORDS.contains(&words[i].text.as_str()))
            && words[i + 1..].iter().take(3).any(is_numeric);
        // an age set apart, and whatever follows it (Ahmed Hassan, 35, from
        // Cairo; «أحمد حسن، 35 عاما»)
        let age = words[i].after_break
            && words[i].raw.chars().count() <= 3
            && words[i].raw.chars().all(|c| c.is_numeric());
        // a date alone after a comma or in parentheses, to the end
        let dated =
            words[i].after_break && is_numeric(&words[i]) && words[i..].iter().all(is_date_word);
        // a nationality or a status set apart, to the next separator
        let status = words[i].after_break && {
            let end = (i + 1..words.len())
                .find(|&j| words[j].after_break)
                .unwrap_or(words.len());
            // a country alone in parentheses too: there it is no given
            // name (Mahmoud TAWFIK (Egypt))
            let country = |w: &Word| {
                person
                    && words[i].after_paren
                    && lexicon()
                        .concept(&w.text)
                        .is_some_and(|c| lexicon().is_place_concept(c))
            };
            words[i..end].iter().all(|w| says_who(w) || country(w))
        };
        // a field's label and its colon set apart (occupation:, address:,
        // «المهنة:»), unless the field is the name's or another name's
        let field = words[i].after_break && {
            let colon = (i..words.len().min(i + 3)).find(|&k| {
                raw[words[k].at + words[k].raw.len()..]
                    .trim_start()
                    .starts_with(':')
            });
            colon.is_some_and(|k| {
                let label: Vec<&str> = words[i..=k].iter().map(|w| w.raw).collect();
                words[i + 1..=k].iter().all(|w| !w.after_break)
                    && super::markers::marker_at(&label).is_none()
                    && !super::labelled::names_the_person(&label.join(" "))
            })
        };
        labelled || birth || age || dated || status || field
    })?;
    let name = raw[..words[cut].at].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | '[' | '-' | '–' | '—' | '،' | '؛')
    });
    (!name.is_empty()).then_some((name, &raw[words[cut].at..]))
}

/// Whether `raw` has a digit or a separator particulars follow, read from
/// its bytes since every person's name is asked and most have neither:
/// ASCII digits and separators, the Arabic-Indic (D9 A0..A9) and Persian
/// (DB B0..B9) digits, the Arabic comma (D8 8C) and semicolon (D8 9B), the
/// dashes (E2 80 93, E2 80 94) and a hyphen standing alone.
fn may_have_particulars(raw: &str) -> bool {
    let b = raw.as_bytes();
    b.iter()
        .any(|&c| c.is_ascii_digit() || matches!(c, b':' | b',' | b'(' | b';'))
        || b.windows(3).any(|w| {
            matches!(
                w,
                [0xD9, 0xA0..=0xA9, _]
                    | [0xDB, 0xB0..=0xB9, _]
                    | [0xD8, 0x8C | 0x9B, _]
                    | [0xE2, 0x80, 0x93 | 0x94]
                    | [b' ', b'-', b' ']
            )
        })
        || matches!(
            b,
            [.., 0xD9, 0xA0..=0xA9] | [.., 0xDB, 0xB0..=0xB9] | [.., 0xD8, 0x8C | 0x9B]
        )
}

/// The year of birth particulars give: their first number of four digits
/// that can be one (12/03/1962, «١٩٦٢»), in any digits, outside a part a
/// death word opens ("killed 2015, born 1970" was born in 1970).
pub(super) fn birth_year(particulars: &str) -> Option<u16> {
    let is_break = |c: char| matches!(c, ',' | ';' | '(' | ')' | '[' | ']' | '،' | '؛');
    particulars
        .split(is_break)
        .filter(|part| {
            let first = part.split_whitespace().next().unwrap_or("");
            let first = crate::normalize::normalize(&first.replace('.', ""));
            !DEATH_WORDS.contains(&first.as_str())
        })
        .find_map(first_year)
}

/// The first number of four digits in `text` that can be a year.
fn first_year(text: &str) -> Option<u16> {
    let digit = |c: char| match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{660}'..='\u{669}' => Some(c as u32 - 0x660),
        '\u{6F0}'..='\u{6F9}' => Some(c as u32 - 0x6F0),
        _ => None,
    };
    let mut run = (0u32, 0usize);
    for c in text.chars().chain(std::iter::once(' ')) {
        match digit(c) {
            Some(d) => run = (run.0.saturating_mul(10).saturating_add(d), run.1 + 1),
            None => {
                if run.1 == 4 && (1850..=2100).contains(&run.0) {
                    return u16::try_from(run.0).ok();
                }
                run = (0, 0);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::without_particulars;

    #[test]
    fn dates_and_places_of_birth_are_not_the_name() {
        for (raw, name) in [
            ("Mahmoud Tawfik, DOB 12/03/1962", "Mahmoud Tawfik"),
            ("Mahmoud Tawfik; D.O.B.: 12 March 1962", "Mahmoud Tawfik"),
            ("Ali Hassan (born 1962)", "Ali Hassan"),
            ("Ali Hassan, b. 1962, Cairo", "Ali Hassan"),
            ("Ali Hassan, 1962", "Ali Hassan"),
            ("Ali Hassan (12.03.1962)", "Ali Hassan"),
            ("Ali Hassan DOB: 1962 POB: Cairo", "Ali Hassan"),
            ("Ali Hassan, nationality: Egyptian", "Ali Hassan"),
            ("Jean Dupont, né le 3 mai 1970", "Jean Dupont"),
            ("محمود توفيق مواليد 1962", "محمود توفيق"),
            ("محمود توفيق، تاريخ الميلاد: ١٩٦٢", "محمود توفيق"),
            ("محمود توفيق (المولود عام 1962)", "محمود توفيق"),
            // a nationality or a status set apart
            ("Mahmoud Tawfik, Egyptian", "Mahmoud Tawfik"),
            (
                "Mahmoud Tawfik (Egyptian national), b. 1962",
                "Mahmoud Tawfik",
            ),
            ("Mahmoud Tawfik (deceased)", "Mahmoud Tawfik"),
            ("محمود توفيق (مصري)", "محمود توفيق"),
            ("محمود توفيق، الجنسية: مصرية", "محمود توفيق"),
            ("محمود توفيق (متوفى)", "محمود توفيق"),
            ("محمود توفيق، ولد في 3 أيار 1962", "محمود توفيق"),
            // a country alone in parentheses
            ("Mahmoud TAWFIK (Egypt)", "Mahmoud TAWFIK"),
            // an age
            ("Ahmed Hassan, 35, from Cairo", "Ahmed Hassan"),
            ("Ahmed Hassan, aged 35", "Ahmed Hassan"),
            ("أحمد حسن، 35 عاما", "أحمد حسن"),
            ("أحمد حسن البالغ من العمر 35 عاما", "أحمد حسن"),
            // a nationality after a spaced dash
            ("محمد علي حسن - مصري الجنسية", "محمد علي حسن"),
            (
                "Mohamed Ali Hassan – Egyptian national",
                "Mohamed Ali Hassan",
            ),
            // a death, and a reported one
            ("Ali Hassan (killed in 2015)", "Ali Hassan"),
            ("Ali Hassan, reportedly deceased", "Ali Hassan"),
            ("علي حسن (قتل عام 2015)", "علي حسن"),
            ("محمود توفيق (مصر)", "محمود توفيق"),
            // the mother's name
            (
                "Mohammed Ali Hassan, mother's name: Fatima",
                "Mohammed Ali Hassan",
            ),
            ("Mohammed Ali Hassan, mother: Fatima", "Mohammed Ali Hassan"),
            (
                "Mohammed Ali Hassan (mother: Fatima Ahmed)",
                "Mohammed Ali Hassan",
            ),
            ("محمد علي حسن، اسم الأم: فاطمة", "محمد علي حسن"),
            ("محمد علي حسن، والدته فاطمة", "محمد علي حسن"),
            // where the person lives, what the person does, any field
            (
                "Mohammed Ali Hassan, resident of Mosul",
                "Mohammed Ali Hassan",
            ),
            ("Mohammed Ali Hassan, ID no. 12345", "Mohammed Ali Hassan"),
            ("محمد علي حسن، يسكن الموصل", "محمد علي حسن"),
            ("محمد علي حسن، من أهالي الموصل", "محمد علي حسن"),
            (
                "Mohammed Ali Hassan, occupation: engineer",
                "Mohammed Ali Hassan",
            ),
            ("Mohammed Ali Hassan; Beruf: Händler", "Mohammed Ali Hassan"),
            ("محمد علي حسن، المهنة: مهندس", "محمد علي حسن"),
            (
                "Mohammed Ali Hassan, father's name: Ali",
                "Mohammed Ali Hassan",
            ),
        ] {
            assert_eq!(without_particulars(raw), Some(name), "{raw}");
        }
    }

    #[test]
    fn the_year_of_birth_is_read_from_the_particulars() {
        for (raw, year) in [
            ("Mahmoud Tawfik, DOB 12/03/1962", Some(1962)),
            ("Ali Hassan (12.03.1962)", Some(1962)),
            ("Ali Hassan, b. 1962, Cairo", Some(1962)),
            ("محمود توفيق، تاريخ الميلاد: ١٩٦٢", Some(1962)),
            ("Ali Hassan, passport 123456789", None),
            ("Ali Hassan, nationality: Egyptian", None),
            ("Ali Hassan (killed 2015), born 1970", Some(1970)),
            ("Ali Hassan, d. 2001", None),
            ("علي حسن (قتل عام 2015)", None),
        ] {
            let (_, particulars) = super::split_particulars(raw, true).unwrap_or_default();
            assert_eq!(super::birth_year(particulars), year, "{raw}");
        }
    }

    #[test]
    fn the_word_lists_are_written_as_normalised_words_are() {
        let words = super::LABELS
            .iter()
            .flat_map(|l| l.iter())
            .chain(super::BIRTH_WORDS)
            .chain(super::AGE_WORDS)
            .chain(super::DEATH_WORDS)
            .chain(super::STATUS_WORDS)
            .chain(super::MONTHS);
        for w in words {
            assert_eq!(crate::normalize::normalize(w), *w);
        }
    }

    #[test]
    fn names_with_such_words_keep_them() {
        for raw in [
            // Born and b. (bin) are names, «ولد» a Mauritanian son of
            "Max Born",
            "Muhammad b. Abd al-Wahhab",
            "محمد ولد عبد العزيز",
            // a regnal or list number is not a date's only word
            "Louis XIV",
            "Mahmoud Tawfik",
            // nothing would be left
            "DOB 1962",
            // a number inside the name, with no comma or parenthesis
            "Agent 47 Smith",
            // a family name first, and its initial, or a given name that
            // is also a country's
            "TAWFIK, Mahmoud",
            "SMITH, Jordan",
            "TAWFIK, M.",
            "MASRI, Abu Ayyub al-",
            // a nationality inside the name is a family name
            "Abu Ayyub al-Masri",
            // a label of another name or of the name's own parts
            "Mohammed Ali, alias: Abu Ahmed",
            "Mohammed Ali; a.k.a.: Abu Ahmed",
            "محمد علي، الكنية: أبو أحمد",
            "TAWFIK, Prénom: Mahmoud",
        ] {
            assert_eq!(without_particulars(raw), None, "{raw}");
        }
    }
}
