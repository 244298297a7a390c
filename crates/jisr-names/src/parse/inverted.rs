//! Names listed family name first: "ZAWAHIRI, Ayman al-", "NURISTANI, Abdul
//! Aziz". Sanctions lists and registers sort persons this way; read as
//! written, the family name would take the given name's role and a particle
//! moved behind the given names ("al-") would be a part of its own.

use crate::lexicon::{Describes, Word, lexicon};
use crate::normalize::normalize;

/// The name in reading order, when `raw` is one "FAMILY, Given" pair: the
/// given names, then any particle the list moved behind them, then the family
/// name; titles alone after the comma go before it (BARADAR, Mullah). `None`
/// when there is no single comma, or nothing after it names a person or is
/// a title (only particles or suffixes: "West-Francië, van", "Frost, Jr.").
pub(super) fn reading_order(raw: &str) -> Option<String> {
    // every name is parsed; few have a comma
    if !raw.contains(',') && !raw.contains('،') {
        return None;
    }
    let mut pieces = raw.split([',', '،']);
    let family = pieces.next()?.trim();
    let given = pieces.next()?.trim();
    if pieces.next().is_some() || family.is_empty() || given.is_empty() {
        return None;
    }
    let given = normalize(given);
    let mut tokens: Vec<&str> = given.split(' ').filter(|t| !t.is_empty()).collect();
    let naming = |t: &&str| {
        !GENERATION.contains(t)
            && !matches!(
                lexicon().word(t),
                Some(Word::Particle | Word::Article | Word::Title)
            )
            && lexicon().org_word(t).is_none()
    };
    if !tokens.iter().any(naming) {
        // "BARADAR, Mullah": a title alone goes before the family name
        let title = |t: &&str| lexicon().word(t) == Some(Word::Title);
        return tokens
            .iter()
            .all(title)
            .then(|| format!("{} {family}", tokens.join(" ")));
    }
    // "Mahmoud Tawfik, Minister of Interior": what follows the comma says
    // what the person is, and reads before the name as a description does
    if says_what_the_person_is(tokens.iter().copied()) {
        return Some(format!("{} {family}", tokens.join(" ")));
    }
    let mut moved = Vec::new();
    while let Some(last) = tokens.last()
        && is_particle(last)
    {
        moved.push(*last);
        tokens.pop();
    }
    moved.reverse();
    let mut out = tokens.join(" ");
    for t in moved {
        out.push(' ');
        out.push_str(t);
    }
    out.push(' ');
    out.push_str(family);
    Some(out)
}

/// The name in reading order when it opens with its family name in
/// capitals, as French, Belgian and Maghrebi registers write a person
/// (NOM Prénom: BEN ALI Ahmed Mohamed, EL KHAZZANI Ayoub, de GAULLE
/// Charles): the given names, then the family name. Titles before it stay
/// first (Mme BOULMERKA Hassiba). `None` unless the words in capitals come
/// first and are followed by given names written with a capital and
/// small letters, or when they are only titles or particles. Asked only of
/// names stated to be persons' (PT Astra International, OOO Oboronnye
/// Initsiativy are bodies whose legal form opens their name).
pub(super) fn capitals_first(raw: &str) -> Option<String> {
    // most names have no two Latin capitals in a row, or no small letter
    // after them: settled on the bytes (a word in capitals has two
    // capitals, whatever its accented letters, and a given name a small one)
    let b = raw.as_bytes();
    let capitals = b
        .windows(2)
        .position(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_uppercase())?;
    if !b[capitals..].iter().any(u8::is_ascii_lowercase) {
        return None;
    }
    let words: Vec<&str> = raw.split_whitespace().collect();
    let n = words.len();
    // a word of two letters or more, all capitals (not an initial)
    let in_capitals = |i: usize| {
        let letters = || words[i].chars().filter(|c| c.is_alphabetic());
        letters().nth(1).is_some() && letters().all(char::is_uppercase)
    };
    let capitalised = |i: usize| {
        let mut letters = words[i].chars().filter(|c| c.is_alphabetic());
        letters.next().is_some_and(char::is_uppercase) && letters.any(char::is_lowercase)
    };
    // the shape first, on the letters (most names in capitals are so whole)
    let family_from = (0..n).find(|&i| in_capitals(i))?;
    let given_from = (family_from..n).take_while(|&i| in_capitals(i)).count() + family_from;
    if !(given_from..n).any(capitalised) {
        return None;
    }
    let normal: Vec<String> = words.iter().map(|w| normalize(w)).collect();
    let title = |i: usize| lexicon().word(&normal[i]) == Some(Word::Title);
    let particle = |i: usize| is_particle(&normal[i]);
    let titles = (0..family_from).take_while(|&i| title(i)).count();
    // a family name's particles in small letters before it (de GAULLE)
    let opening = (titles..family_from).all(particle);
    let names_family = (family_from..given_from).any(|i| !particle(i) && !title(i));
    // and the words after them are names written otherwise, not what the
    // person is (NATO Secretary General Jens Stoltenberg)
    let given_names = (given_from..n).all(|i| (capitalised(i) && !title(i)) || particle(i))
        && !says_what_the_person_is(normal[given_from..].iter().map(String::as_str));
    if !(opening && names_family && given_names) {
        return None;
    }
    let mut out: Vec<&str> = words[..titles].to_vec();
    out.extend(&words[given_from..]);
    out.extend(&words[titles..given_from]);
    Some(out.join(" "))
}

/// "Mahmoud Tawfik – Minister of Interior": reports set an office apart
/// with a spaced dash as often as with a comma, and it reads before the
/// name as well. A dash inside a name (Jean-Pierre) has no spaces. Asked
/// only of names with a word that describes (`Lexicon::is_notable`).
pub(super) fn described_after_a_dash(raw: &str) -> Option<String> {
    let (name, after) = [" - ", " – ", " — "]
        .iter()
        .find_map(|d| raw.split_once(d))?;
    let after = normalize(after);
    (says_what_the_person_is(after.split(' ')) && !normalize(name).is_empty())
        .then(|| format!("{after} {name}"))
}

/// Whether words set apart from a name (after a comma or a dash) say what
/// the person is: an office or a status.
fn says_what_the_person_is<'a>(mut words: impl Iterator<Item = &'a str>) -> bool {
    let lex = lexicon();
    words.any(|t| {
        matches!(
            lex.describes(t),
            Some(Describes::Office | Describes::Status)
        )
    })
}

/// Generational suffixes, which follow a comma without inverting anything.
pub(super) const GENERATION: &[&str] = &["jr", "sr", "ii", "iii", "iv", "junior", "senior"];

/// Words that open a family name: al-, bin, van, de …
fn is_particle(token: &str) -> bool {
    matches!(lexicon().word(token), Some(Word::Particle | Word::Article))
        || matches!(lexicon().org_word(token), Some(Word::Stop))
}

#[cfg(test)]
mod tests {
    use super::{capitals_first, described_after_a_dash, reading_order};

    #[test]
    fn a_family_name_in_capitals_first_is_read_after_the_given_names() {
        for (listed, read) in [
            ("BEN ALI Ahmed Mohamed", "Ahmed Mohamed BEN ALI"),
            ("EL KHAZZANI Ayoub", "Ayoub EL KHAZZANI"),
            ("AIT-AHMED Hocine", "Hocine AIT-AHMED"),
            ("de GAULLE Charles", "Charles de GAULLE"),
            ("Mme BOULMERKA Hassiba", "Mme Hassiba BOULMERKA"),
            ("N'DIAYE Aminata", "Aminata N'DIAYE"),
        ] {
            assert_eq!(capitals_first(listed).as_deref(), Some(read), "{listed}");
        }
        // names in reading order, all in capitals, or without a family name
        for name in [
            "Ahmed Mohamed BEN ALI",
            "AHMED MOHAMED BEN ALI",
            "Ahmed Ali",
            "SHEIKH Ahmed Yassin",
            "BEN Ahmed",
            "A Mohamed",
            "J. SMITH",
            "NATO Secretary General Jens Stoltenberg",
            "ISIS financier Fawaz al-Rawi",
            "FAIZULLAH KHAN ZADRAN na",
            "محمد علي",
            "",
        ] {
            assert_eq!(capitals_first(name), None, "{name}");
        }
    }

    #[test]
    fn family_first_lists_are_read_given_first() {
        assert_eq!(
            reading_order("NURISTANI, Abdul Aziz").as_deref(),
            Some("abdul aziz NURISTANI")
        );
        // the particle goes back before the family name it belongs to
        assert_eq!(
            reading_order("ZAWAHIRI, Ayman al-").as_deref(),
            Some("ayman al ZAWAHIRI")
        );
        assert_eq!(
            reading_order("التكريتي، صدام حسين").as_deref(),
            Some("صدام حسين التكريتي")
        );
        // a title alone after the comma goes before the family name
        assert_eq!(
            reading_order("BARADAR, Mullah").as_deref(),
            Some("mullah BARADAR")
        );
    }

    #[test]
    fn commas_that_do_not_invert_a_name_are_left_alone() {
        assert_eq!(reading_order("Ayman al-Zawahiri"), None);
        assert_eq!(reading_order("Selina Hannah West-Francië, van"), None);
        assert_eq!(reading_order("John Frost, Jr."), None);
        assert_eq!(reading_order("A, B, C"), None);
        assert_eq!(reading_order(", Ayman"), None);
    }

    #[test]
    fn an_office_after_the_comma_reads_before_the_name() {
        assert_eq!(
            reading_order("Mahmoud Tawfik, Minister of Interior").as_deref(),
            Some("minister of interior Mahmoud Tawfik")
        );
        assert_eq!(
            reading_order("Gilles de Kerchove, EU Counter-Terrorism Coordinator").as_deref(),
            Some("eu counter terrorism coordinator Gilles de Kerchove")
        );
        // and after a spaced dash, which a name's own hyphen is not
        assert_eq!(
            described_after_a_dash("Mahmoud Tawfik – Egyptian Minister of Interior").as_deref(),
            Some("egyptian minister of interior Mahmoud Tawfik")
        );
        assert_eq!(described_after_a_dash("Jean-Pierre Raffarin"), None);
        assert_eq!(described_after_a_dash("Ahmed Ali - Hassan"), None);
    }
}
