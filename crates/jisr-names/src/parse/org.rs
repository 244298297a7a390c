//! Organisation names: telling them from persons, and their words' roles
//! (legal forms, stop words, type words, names).

use super::numbers::number_at;
use super::{Group, NameKind, Role, article_units};
use crate::lexicon::{Word, lexicon};
use crate::normalize::{Script, normalize};
use crate::phonetic::arabic_units;
use std::sync::OnceLock;

/// Decides person or organisation from the words alone. Conservative, since
/// short legal forms and type words are also names (Iyad Ag Ghaly, Margaret
/// Court): a legal form must end the name and be unambiguous, a type word
/// must open it (وزارة الدفاع, Ministry of Defence) or close it (European Union).
pub(super) fn detect_kind(tokens: &[&str]) -> NameKind {
    const AMBIGUOUS_LEGAL: &[&str] = &[
        "sa", "as", "ag", "ab", "co", "sl", "cv", "kg", "kk", "oy", "sal", "est", "ao", "lp",
        "tov", "doo", "open", "public", "joint", "stock", "closed", "e",
    ];
    const AMBIGUOUS_TYPES: &[&str] = &["bank", "court", "office", "center", "front", "party"];
    let lex = lexicon();
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return NameKind::Person;
    };
    // a body's acronym alone (IRGC, «داعش») names a body
    if tokens.len() == 1 && body_acronym(first).is_some() {
        return NameKind::Organization;
    }
    if tokens.len() < 2 {
        return NameKind::Person;
    }
    let type_at = |t: &str, strict: bool| {
        lex.concept(t).is_some_and(|c| {
            lex.is_type_concept(c) && !(strict && AMBIGUOUS_TYPES.contains(&lex.concept_name(c)))
        })
    };
    let legal = |t: &str| lex.org_word(t) == Some(Word::Legal) && !AMBIGUOUS_LEGAL.contains(&t);
    // at the end, or at the start as Russian, Ukrainian and Indonesian
    // forms are (OOO, PJSC)
    let legal_form = legal(last) || legal(first);
    // a legal form spelled in letters after the name (d.o.o., S.R.L., B.V.):
    // as a word, Doo or Sa may be a name; as three letters or more, or
    // after a word bodies' names hold (Rosneft Trading S.A.), not
    let letters = tokens
        .iter()
        .rev()
        .take_while(|t| t.chars().count() == 1 && t.chars().all(char::is_alphabetic))
        .count();
    let spelled_legal = (2..tokens.len()).contains(&letters) && {
        let joined = tokens[tokens.len() - letters..].concat();
        let before = tokens[tokens.len() - letters - 1];
        lex.org_word(&joined) == Some(Word::Legal)
            && (letters >= 3
                || !AMBIGUOUS_LEGAL.contains(&joined.as_str())
                || lex
                    .concept(before)
                    .is_some_and(|c| !lex.is_place_concept(c)))
    };
    // a Latin name closing on Bank or Court is more often a person's surname
    let latin_last = last.is_ascii();
    // a rank opens a person's name (اللواء is a brigade and a major general)
    let rank_first = lex.word(first) == Some(Word::Title);
    if legal_form
        || spelled_legal
        || (type_at(first, false) && !rank_first)
        || type_at(last, latin_last)
    {
        NameKind::Organization
    } else {
        NameKind::Person
    }
}

/// Abbreviations of the bodies and words organisation names hold, and the
/// words they stand for: lists write both (UN Security Council, United
/// Nations Security Council), and Arabic writes the words («مجلس الأمن
/// التابع للأمم المتحدة»). US only as letters (U.S.): us is also an article.
const ABBREVIATIONS: &[(&str, &[&str])] = &[
    ("eu", &["european", "union"]),
    ("un", &["united", "nations"]),
    ("uk", &["united", "kingdom"]),
    ("uae", &["united", "arab", "emirates"]),
    ("usa", &["united", "states"]),
    ("intl", &["international"]),
    ("dept", &["department"]),
    ("govt", &["government"]),
    ("natl", &["national"]),
];

/// The acronyms by which the bodies partners watch and deal with are
/// named as often as by their words (ISIL, the IRGC, the PKK, «داعش»),
/// alone as well as in a longer name, and the words they stand for.
/// Acronyms two bodies share (RSF, ICC, ISF) are left out.
const BODY_ACRONYMS: &[(&str, &str)] = &[
    ("irgc", "islamic revolutionary guard corps"),
    ("isil", "islamic state in iraq and the levant"),
    // al-Sham is the Levant, which English also writes Syria
    ("isis", "islamic state in iraq and the levant"),
    ("داعش", "الدولة الإسلامية في العراق والشام"),
    // and the Arabic acronym as English and French write it
    ("daesh", "islamic state in iraq and the levant"),
    ("daish", "islamic state in iraq and the levant"),
    ("daech", "islamic state in iraq and the levant"),
    ("iskp", "islamic state khorasan province"),
    ("aqap", "al qaeda in the arabian peninsula"),
    ("aqim", "al qaeda in the islamic maghreb"),
    ("plo", "palestine liberation organization"),
    ("pflp", "popular front for the liberation of palestine"),
    ("pij", "palestinian islamic jihad"),
    ("pkk", "kurdistan workers party"),
    ("sdf", "syrian democratic forces"),
    ("pmf", "popular mobilization forces"),
    ("hts", "hayat tahrir al sham"),
    ("ttp", "tehrik i taliban pakistan"),
    // the initials of their names in Spanish and Basque, which English
    // translates (Fuerzas Armadas Revolucionarias de Colombia)
    ("farc", "revolutionary armed forces of colombia"),
    ("cjng", "jalisco new generation cartel"),
    ("eta", "basque homeland and liberty"),
    ("lna", "libyan national army"),
    ("idf", "israel defense forces"),
    ("gcc", "gulf cooperation council"),
    ("oic", "organisation of islamic cooperation"),
    ("nato", "north atlantic treaty organization"),
    ("otan", "north atlantic treaty organization"),
    ("imf", "international monetary fund"),
    ("iaea", "international atomic energy agency"),
    ("icrc", "international committee of the red cross"),
    ("unhcr", "united nations high commissioner for refugees"),
    ("unodc", "united nations office on drugs and crime"),
    ("unsc", "united nations security council"),
    ("fatf", "financial action task force"),
    ("unrwa", "united nations relief and works agency"),
    ("الاونروا", "united nations relief and works agency"),
    ("cia", "central intelligence agency"),
    ("fbi", "federal bureau of investigation"),
    ("dgsi", "general directorate for internal security"),
    ("dgse", "general directorate for external security"),
    // names that are acronyms in their own language, or that the press
    // uses as the body's name while its full name shares no word with it
    ("hamas", "islamic resistance movement"),
    ("حماس", "islamic resistance movement"),
    ("interpol", "international criminal police organization"),
    ("الانتربول", "international criminal police organization"),
    ("انتربول", "international criminal police organization"),
    (
        "europol",
        "european union agency for law enforcement cooperation",
    ),
    (
        "اليوروبول",
        "european union agency for law enforcement cooperation",
    ),
    (
        "يوروبول",
        "european union agency for law enforcement cooperation",
    ),
    ("shabak", "israel security agency"),
    ("الشاباك", "israel security agency"),
    ("jnim", "جماعة نصرة الإسلام والمسلمين"),
];

/// Whether a name of no stated kind is surely a person's: none of its
/// words is a legal form or a word bodies' names hold (Holding,
/// Solutions, Bank), which [`detect_kind`] may read as a person's name
/// when they stand where a family name would. A place is such a word
/// only for a body (Mahmoud Tawfik (Egypt)).
pub(super) fn surely_a_person(tokens: &[&str]) -> bool {
    let lex = lexicon();
    detect_kind(tokens) == NameKind::Person
        && !tokens.iter().any(|t| {
            lex.org_word(t) == Some(Word::Legal)
                || lex.concept(t).is_some_and(|c| !lex.is_place_concept(c))
        })
}

/// The words a body's acronym stands for, as a parsed name has them.
fn body_acronym(word: &str) -> Option<&'static [String]> {
    static ACRONYMS: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    let table = ACRONYMS.get_or_init(|| {
        BODY_ACRONYMS
            .iter()
            .map(|(acronym, words)| (normalize(acronym), normalized_words(words)))
            .collect()
    });
    table
        .iter()
        .find(|(acronym, _)| acronym == word)
        .map(|(_, words)| words.as_slice())
}

/// The words an abbreviation stands for; `letters` when it was written as
/// single letters (U.S.).
fn expanded(word: &str, letters: bool) -> Option<&'static [&'static str]> {
    if letters && word == "us" {
        return Some(&["united", "states"]);
    }
    ABBREVIATIONS
        .iter()
        .find(|(a, _)| *a == word)
        .map(|(_, words)| *words)
}

/// Countries whose names are phrases, as the one word of the place table
/// that stands for each: Arabic names American and British bodies by the
/// adjective («الجيش الأمريكي»), English as often by the phrase (the
/// United States Army).
const COUNTRY_PHRASES: &[(&str, &str)] = &[
    ("united states of america", "america"),
    ("united states", "america"),
    ("etats unis", "america"),
    ("الولايات المتحدة الأمريكية", "أمريكا"),
    ("الولايات المتحدة", "أمريكا"),
    ("united kingdom", "britain"),
    ("great britain", "britain"),
    ("royaume uni", "britain"),
    ("المملكة المتحدة", "بريطانيا"),
];

/// Bodies whose name in one script or by one usage is a phrase that shares
/// no word with their name in another, and the words each stands for: the
/// UN Security Council is the International Security Council in Arabic
/// («مجلس الأمن الدولي»), Boko Haram calls itself «جماعة أهل السنة للدعوة
/// والجهاد», the FATF «مجموعة العمل المالي», and Arabic and English both
/// name the IRGC after Iran. Longer phrases first.
const BODY_PHRASES: &[(&str, &str)] = &[
    ("مجلس الأمن الدولي", "united nations security council"),
    ("مجموعة العمل المالي", "financial action task force"),
    ("boko haram", "جماعة أهل السنة للدعوة والجهاد"),
    ("بوكو حرام", "جماعة أهل السنة للدعوة والجهاد"),
    ("shin bet", "israel security agency"),
    ("الحرس الثوري الإيراني", "islamic revolutionary guard corps"),
    (
        "iranian revolutionary guard corps",
        "islamic revolutionary guard corps",
    ),
    (
        "iranian revolutionary guards",
        "islamic revolutionary guard corps",
    ),
    (
        "iranian revolutionary guard",
        "islamic revolutionary guard corps",
    ),
];

/// [`BODY_PHRASES`] and [`COUNTRY_PHRASES`] in the words a parsed name has.
fn phrases() -> &'static [(Vec<String>, Vec<String>)] {
    static PHRASES: OnceLock<Vec<(Vec<String>, Vec<String>)>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        BODY_PHRASES
            .iter()
            .chain(COUNTRY_PHRASES)
            .map(|(phrase, words)| (normalized_words(phrase), normalized_words(words)))
            .collect()
    })
}

/// A table's phrase in the words a parsed name has.
fn normalized_words(phrase: &str) -> Vec<String> {
    normalize(phrase).split(' ').map(str::to_string).collect()
}

/// `words` with each body or country named in a phrase of [`phrases`] as
/// the words it stands for.
fn phrases_as_words(words: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let found = phrases()
            .iter()
            .find(|(phrase, _)| words[i..].starts_with(phrase));
        match found {
            Some((phrase, meant)) => {
                out.extend(meant.iter().cloned());
                i += phrase.len();
            }
            None => {
                out.push(words[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// The word a French elided article was glued to (linterieur is l' +
/// interieur), when the lexicon knows that word and it has four letters
/// or more (Lair is a name, not l'air).
fn elided(word: &str) -> Option<&str> {
    let rest = word.strip_prefix('l').or_else(|| word.strip_prefix('d'))?;
    let opens_with_vowel = rest.starts_with(['a', 'e', 'i', 'o', 'u']);
    (opens_with_vowel && rest.len() >= 4 && lexicon().concept(rest).is_some()).then_some(rest)
}

/// A word of the lexicon glued to counter- or anti- (Counterterrorism,
/// Antiterrorism, Counternarcotics, French antiterroriste, antidrogue,
/// contre-espionnage written as one word): the prefix as its own word
/// («مكافحة», combating) and the rest, when the rest is a concept of four
/// letters or more.
fn counter_prefixed(word: &str) -> Option<[&str; 2]> {
    ["counter", "anti", "contre"].iter().find_map(|&prefix| {
        let rest = word.strip_prefix(prefix)?;
        (rest.len() >= 4 && lexicon().concept(rest).is_some()).then_some(["anti", rest])
    })
}

pub(super) fn parse_org(tokens: &[&str]) -> Vec<(Group, Role)> {
    let lex = lexicon();
    // S.A.R.L., A/S, U.S.: runs of single letters are one word
    let mut merged: Vec<String> = Vec::with_capacity(tokens.len());
    let mut run = String::new();
    let push = |merged: &mut Vec<String>, word: String, letters: bool| {
        if let Some(words) = body_acronym(&word) {
            merged.extend(words.iter().cloned());
            return;
        }
        match expanded(&word, letters) {
            Some(words) if tokens.len() > 1 => merged.extend(words.iter().map(|w| w.to_string())),
            _ => merged.push(word),
        }
    };
    for t in tokens {
        if t.chars().count() == 1 && t.chars().all(char::is_alphabetic) {
            run.push_str(t);
            continue;
        }
        if !run.is_empty() {
            push(&mut merged, std::mem::take(&mut run), true);
        }
        push(&mut merged, (*t).to_string(), false);
    }
    if !run.is_empty() {
        push(&mut merged, run, true);
    }
    // French elides le, la and de before a vowel (Ministère de l'Intérieur,
    // Banque d'Algérie); the apostrophe is gone by now, so an l or d opening
    // a word is left out, as the stop word it is, where the rest is a word
    // of the lexicon
    for w in &mut merged {
        if let Some(rest) = elided(w) {
            *w = rest.to_string();
        }
    }
    if merged.iter().any(|w| counter_prefixed(w).is_some()) {
        let combating = lexicon().concept("anti");
        let mut split = Vec::with_capacity(merged.len() + 1);
        for w in merged {
            match counter_prefixed(&w) {
                Some([prefix, rest]) => {
                    // lutte antiterroriste says combating once, as
                    // «مكافحة الإرهاب» does
                    let said = split
                        .last()
                        .is_some_and(|p: &String| lexicon().concept(p) == combating);
                    if !said {
                        split.push(prefix.to_string());
                    }
                    split.push(rest.to_string());
                }
                None => split.push(w),
            }
        }
        merged = split;
    }
    // numbers in words or digits of either script as their digits
    let mut numbered: Vec<String> = Vec::with_capacity(merged.len());
    let mut i = 0;
    while i < merged.len() {
        match number_at(&merged[i..]) {
            Some((taken, n)) if merged.len() > taken => {
                numbered.push(n.to_string());
                i += taken;
            }
            _ => {
                numbered.push(std::mem::take(&mut merged[i]));
                i += 1;
            }
        }
    }
    let merged = phrases_as_words(numbered);
    let mut out = Vec::with_capacity(merged.len());
    let mut phrase_end = 0;
    for (i, t) in merged.iter().enumerate() {
        // a legal form written out is one legal part, as its abbreviation
        // is, unless it is the whole name
        if i < phrase_end {
            continue;
        }
        let phrase = lex.legal_phrase_len(&merged[i..]);
        if phrase > 0 && phrase < merged.len() {
            let mut g = Group::new(t);
            for w in &merged[i + 1..i + phrase] {
                g.append(&Group::new(w));
            }
            g.word = None;
            out.push((g, Role::Legal));
            phrase_end = i + phrase;
            continue;
        }
        let mut g = Group::new(t);
        // the Latin article before a word (Al Nour, El-Hilal) carries nothing,
        // as the Arabic one, which the Arabic words' units leave out
        if g.script == Script::Latin && g.word == Some(Word::Article) && i + 1 < merged.len() {
            // … but in Izz ad-Din it is the article of the compound's
            // second word, as in «عز الدين»
            if lex.word(&merged[i + 1]) == Some(Word::Suffix)
                && let Some((prev, Role::OrgName | Role::OrgType)) = out.last_mut()
            {
                g.units = article_units();
                prev.append(&g);
                continue;
            }
            g.word = None;
            out.push((g, Role::Stop));
            continue;
        }
        // Allah, ad-Din end a compound with the word before, which then
        // names rather than translates (حزب الله is Hezbollah, not a party)
        if g.word == Some(Word::Suffix)
            && let Some((prev, role)) = out.last_mut()
            && matches!(role, Role::OrgName | Role::OrgType)
        {
            prev.append(&g);
            *role = Role::OrgName;
            continue;
        }
        let role = match lex.org_word(t) {
            Some(Word::Legal) if merged.len() > 1 => Role::Legal,
            Some(Word::Stop) if merged.len() > 1 => Role::Stop,
            _ => match lex.concept(t) {
                Some(c) if lex.is_type_concept(c) => Role::OrgType,
                _ => Role::OrgName,
            },
        };
        // the article of Arabic organisation words carries nothing
        if g.script == Script::Arabic && t.starts_with("ال") && t.chars().count() > 3 {
            let stem: String = t.chars().skip(2).collect();
            g.units = arabic_units(&stem);
        }
        g.word = None;
        out.push((g, role));
    }
    name_the_body_of_kinds(&mut out);
    out
}

/// A name made only of words for kinds of body (Union Bank, «بنك
/// الاتحاد», Bank al-Etihad) names the body by all of them but its head:
/// the first word in Arabic and before an "of", the last otherwise.
fn name_the_body_of_kinds(out: &mut [(Group, Role)]) {
    let types = out.iter().filter(|(_, r)| *r == Role::OrgType).count();
    if types < 2 || out.iter().any(|(_, r)| *r == Role::OrgName) {
        return;
    }
    let Some(first) = out.iter().position(|(_, r)| *r == Role::OrgType) else {
        return;
    };
    let head_first = out[first].0.script == Script::Arabic
        || out[first + 1..].iter().any(|(_, r)| *r == Role::Stop);
    let head = if head_first {
        first
    } else {
        out.iter()
            .rposition(|(_, r)| *r == Role::OrgType)
            .unwrap_or(first)
    };
    for (i, (_, role)) in out.iter_mut().enumerate() {
        if *role == Role::OrgType && i != head {
            *role = Role::OrgName;
        }
    }
}
