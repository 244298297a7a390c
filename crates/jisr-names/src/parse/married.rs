//! A woman's other family name. French, Belgian and Maghrebi files write
//! the name she was born with and the one she married into in one field:
//! "Hassiba BOULMERKA épouse SAHRAOUI", "Leila Trabelsi ép. Ben Ali",
//! "Jane Smith née Doe", German "Fatima Ali geb. Hassan". Each family name
//! with her given names is a name of its own: a partner may hold either.
//! Read as one name, the two family names made a long name matching
//! neither well.

use crate::normalize::normalize;

/// The words that introduce a family name, as normalised: née, épouse and
/// ép., veuve and vve (a widow's), geb. and geborene, Spanish viuda (de).
const MARKERS: &[&str] = &[
    "nee", "epouse", "ep", "veuve", "vve", "geb", "geborene", "viuda",
];

/// Words that show a marker opens a place or a date instead: "née le
/// 15/09/1989", "née à Alger", "geb. am 3. Mai", "born in".
const NOT_A_NAME: &[&str] = &[
    "le", "l", "a", "en", "au", "am", "im", "in", "on", "at", "the",
];

/// Particles a family name may open with, left out of the given names
/// (Leila Ben Ali, Fatima Zahra El Amrani, Anne de Gaulle).
const PARTICLES: &[&str] = &[
    "al", "el", "ben", "bin", "ibn", "bent", "bint", "ould", "ait", "bou", "abu", "abou", "de",
    "da", "di", "du", "del", "della", "des", "dos", "das", "van", "von", "der", "den", "le", "la",
];

/// How many words a family-name marker opening `words` takes, when a name
/// follows it.
pub(super) fn family_marker(words: &[&str]) -> Option<usize> {
    let word = |i: usize| words.get(i).map(|w| normalize(w));
    let first = word(0)?;
    if !MARKERS.contains(&first.as_str()) {
        return None;
    }
    // viuda de García: the de belongs to the marker
    let len = if first == "viuda" && word(1).as_deref() == Some("de") {
        2
    } else {
        1
    };
    let next = word(len)?;
    let starts_with_letter = next.chars().next().is_some_and(char::is_alphabetic);
    (starts_with_letter
        && !NOT_A_NAME.contains(&next.as_str())
        && !MARKERS.contains(&next.as_str()))
    .then_some(len)
}

/// The words of a name before its family name, which another family name
/// completes: the words not in capitals when the family name is written in
/// them (Mme Hassiba BOULMERKA), else all but the last and the particles
/// before it. A name of one word is all given names.
pub(super) fn given_words(words: &[String]) -> Vec<String> {
    let capitals = |w: &String| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase)
            && w.chars().any(char::is_uppercase)
    };
    let in_capitals = words.iter().filter(|w| capitals(w)).count();
    if in_capitals > 0 && in_capitals < words.len() {
        return words.iter().filter(|w| !capitals(w)).cloned().collect();
    }
    let mut end = words.len().saturating_sub(1).max(1);
    while end > 1 && PARTICLES.contains(&normalize(&words[end - 1]).as_str()) {
        end -= 1;
    }
    words[..end.min(words.len())].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(name: &str) -> String {
        let words: Vec<String> = name.split(' ').map(str::to_string).collect();
        given_words(&words).join(" ")
    }

    #[test]
    fn the_given_names_are_those_before_the_family_name() {
        assert_eq!(given("Jane Smith"), "Jane");
        assert_eq!(given("Leila Ben Ali"), "Leila");
        assert_eq!(given("Fatima Zahra El Amrani"), "Fatima Zahra");
        assert_eq!(given("Mme Hassiba BOULMERKA"), "Mme Hassiba");
        assert_eq!(given("BOULMERKA Hassiba"), "Hassiba");
        assert_eq!(given("JANE SMITH"), "JANE");
        assert_eq!(given("Jane"), "Jane");
    }

    #[test]
    fn a_marker_needs_a_name_after_it() {
        let m = |s: &str| family_marker(&s.split(' ').collect::<Vec<_>>());
        assert_eq!(m("née Doe"), Some(1));
        assert_eq!(m("épouse SAHRAOUI"), Some(1));
        assert_eq!(m("ép. Ben Ali"), Some(1));
        assert_eq!(m("geb. Hassan"), Some(1));
        assert_eq!(m("viuda de García"), Some(2));
        assert_eq!(m("née le 15/09/1989"), None);
        assert_eq!(m("née à Alger"), None);
        assert_eq!(m("geb. 12.03.1970"), None);
        assert_eq!(m("geb. am 3. Mai"), None);
        assert_eq!(m("née"), None);
        assert_eq!(m("Doe née"), None);
    }

    #[test]
    fn each_family_name_makes_a_name_with_the_given_names() {
        use super::super::aliases::other_names;
        for (raw, names) in [
            ("Jane Smith née Doe", &["Jane Smith", "Jane Doe"][..]),
            ("Jane Smith (née Doe)", &["Jane Smith", "Jane Doe"]),
            (
                "Mme Hassiba BOULMERKA épouse SAHRAOUI",
                &["Mme Hassiba BOULMERKA", "Mme Hassiba SAHRAOUI"],
            ),
            (
                "Leila Trabelsi ép. Ben Ali",
                &["Leila Trabelsi", "Leila Ben Ali"],
            ),
            ("Fatima Ali geb. Hassan", &["Fatima Ali", "Fatima Hassan"]),
            (
                "María López viuda de García",
                &["María López", "María García"],
            ),
            (
                "Jane Smith née Doe a.k.a. Janey",
                &["Jane Smith", "Jane Doe", "Janey"],
            ),
        ] {
            assert_eq!(other_names(raw, true), names, "{raw}");
        }
        // a date or place of birth is no family name, and a family name
        // with no name before it is no name
        for raw in ["Fatima Ali née le 12/03/1970 à Alger", "(née Doe)"] {
            assert!(other_names(raw, true).is_empty(), "{raw}");
        }
        // a body has no family names
        assert!(other_names("Smith née Doe Holdings", false).is_empty());
    }
}
