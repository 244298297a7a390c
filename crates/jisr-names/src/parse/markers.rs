//! The words that introduce another name of a person in a string: aka,
//! alias, also known as, nom de guerre, real name; «المعروف بـ», «الملقب
//! بـ», «كنيته», «أو»; dit, genannt, conocido como and their kin in the
//! partners' other languages. `aliases` splits a string at them.

use crate::lexicon::lexicon;
use crate::normalize::normalize;

/// What introduces another name, as normalised words: the marker itself,
/// and whether the name after it has a preposition glued to its first
/// word («المعروف بأبي محمد»).
pub(super) fn marker_at(words: &[&str]) -> Option<(usize, bool)> {
    let w = |i: usize| words.get(i).map_or(String::new(), |x| normalize(x));
    let first = w(0);
    match first.as_str() {
        "aka" | "a k a" | "alias" | "fka" | "f k a" => return Some((1, false)),
        "also" | "formerly" if w(1) == "known" && w(2) == "as" => return Some((3, false)),
        "known" if w(1) == "as" => return Some((2, false)),
        "nom" if w(1) == "de" && w(2) == "guerre" => return Some((3, false)),
        "real" | "true" if w(1) == "name" => return Some((2, false)),

        // the kunya, the title, who is called («كنيته أبو أحمد», «ويدعى»),
        // and the kunya and title as a list's fields («الكنية: أبو أحمد»)
        "كنيته" | "وكنيته" | "لقبه" | "ولقبه" | "ويدعي" | "يدعي" | "الكنيه" | "اللقب" =>
        {
            return Some((1, false));
        }
        _ => {}
    }
    // dit, genannt, conocido como … (a French d' glued to the name after)
    if lexicon().is_notable(&first) {
        let normal: Vec<String> = (0..6).map(w).collect();
        let len = lexicon().alias_phrase_len(&normal);
        if len > 0 {
            let elided = words
                .get(len)
                .is_some_and(|x| x.starts_with("d'") || x.starts_with("d’"));
            return Some((len, elided));
        }
    }
    const CALLED: &[&str] = &[
        "المعروف",
        "الملقب",
        "المكني",
        "الشهير",
        "ويلقب",
        "ويكني",
        "ويعرف",
        "يلقب",
        "يكني",
    ];
    // «والمعروف»: and known as
    let bare = first
        .strip_prefix('و')
        .filter(|r| CALLED.contains(r))
        .unwrap_or(&first);
    if CALLED.contains(&bare) {
        // «المعروف أيضاً باسم»: also known as
        let also = usize::from(w(1) == "ايضا");
        let next = w(1 + also);
        if next == "ب" || next == "باسم" {
            return Some((2 + also, false));
        }
        if next
            .strip_prefix('ب')
            .is_some_and(|r| r.chars().count() >= 2)
        {
            return Some((1 + also, true));
        }
        // «المكنى أبو أحمد», «الملقب أبو أحمد»: the kunya or the title may
        // follow without the preposition (not «المعروف», a family name)
        if matches!(bare, "المكني" | "الملقب") && !next.is_empty() {
            return Some((1 + also, false));
        }
        return None;
    }
    // «أو»: or, between two names
    if first == "او" {
        return Some((1, false));
    }
    // the nom de guerre, another name or the real one («الاسم الحركي»,
    // «واسمه المستعار», «اسمه الحقيقي»)
    if matches!(first.as_str(), "واسمه" | "اسمه" | "الاسم")
        && matches!(w(1).as_str(), "الحركي" | "المستعار" | "الحقيقي")
    {
        return Some((2, false));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::marker_at;

    #[test]
    fn the_partners_languages_introduce_other_names() {
        for (words, read) in [
            (&["dit", "Abou", "Ahmed"][..], Some((1, false))),
            (&["genannt", "Abu"], Some((1, false))),
            (&["conocido", "como", "Abu"], Some((2, false))),
            (
                &["connu", "sous", "le", "nom", "d'Abou", "Ahmed"],
                Some((4, true)),
            ),
            (
                &["connu", "sous", "le", "nom", "de", "Abou"],
                Some((5, false)),
            ),
            (&["sous", "l'alias", "Abou"], Some((2, false))),
            (&["namı", "diğer", "Abu"], Some((2, false))),
            // not where the words say something else
            (&["connu", "Ahmed"], None),
            (&["sous", "Ahmed"], None),
            (&["Ditmar"], None),
        ] {
            assert_eq!(marker_at(words), read, "{words:?}");
        }
    }
}
