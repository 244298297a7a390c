//! What lists and records write where no name is known: "Unknown", "N/A",
//! «مجهول», «غير معروف». Read as names, every such record met every other
//! at 1.0, so unrelated persons correlated and screened as one; a string
//! that is only a placeholder has no name parts, and an alias that is one
//! (real name unknown) is no other name.

/// Placeholders, as normalised words.
const PLACEHOLDERS: &[&[&str]] = &[
    &["unknown"],
    &["n", "a"],
    &["na"],
    &["none"],
    &["nil"],
    &["not", "known"],
    &["name", "unknown"],
    &["unidentified"],
    &["inconnu"],
    &["مجهول"],
    &["مجهوله"],
    &["مجهول", "الهويه"],
    &["غير", "معروف"],
    &["غير", "معروفه"],
    &["غير", "محدد"],
    &["لا", "يوجد"],
];

/// Whether normalised words are only a placeholder for a name.
pub(super) fn is_placeholder<S: AsRef<str>>(words: &[S]) -> bool {
    PLACEHOLDERS
        .iter()
        .any(|p| p.len() == words.len() && p.iter().zip(words).all(|(x, w)| *x == w.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn words(raw: &str) -> Vec<String> {
        normalize(raw)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn placeholders_are_no_names() {
        for raw in [
            "Unknown",
            "N/A",
            "n.a.",
            "مجهول",
            "غير معروف",
            "مجهول الهوية",
            "NONE",
        ] {
            assert!(is_placeholder(&words(raw)), "{raw}");
        }
        for raw in ["Abu Ahmed", "Nana", "Ali Unknown", "Nil Armstrong"] {
            assert!(!is_placeholder(&words(raw)), "{raw}");
        }
    }

    #[test]
    fn the_list_is_written_as_normalised_words_are() {
        for w in PLACEHOLDERS.iter().flat_map(|p| p.iter()) {
            assert_eq!(normalize(w), *w);
        }
    }
}
