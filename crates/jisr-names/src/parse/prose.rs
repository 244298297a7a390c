//! Names as the press writes them, with what the person is around the
//! name: a title and the country it serves («الرئيس السوري بشار الأسد»),
//! an office and whom it serves before a Latin name (Syrian President
//! Bashar al-Assad, Hamas leader Khaled Meshaal), an office after an Arabic
//! one («اللواء محمود توفيق وزير الداخلية»). Analysts paste such lines
//! from reports; the description is not the name, so it is set apart and
//! scored as titles are: never.

use crate::lexicon::{Describes, Word, lexicon};

/// Words of name a description must leave, so that a two-word name is
/// never cut down to one word by a word that only looks descriptive.
const NAME_LEFT: usize = 2;

/// The tokens split into the words that describe the person (in order)
/// and the name, or `None` when nothing describes.
pub(super) fn describing(tokens: &[&str]) -> Option<(Vec<String>, Vec<String>)> {
    let lex = lexicon();
    let n = tokens.len();
    if n <= NAME_LEFT {
        return None;
    }
    // most names have no such word: one lookup a word settles them
    if !tokens.iter().any(|t| lex.describes(t).is_some())
        && !tokens[NAME_LEFT..]
            .iter()
            .any(|t| lex.opens_title_phrase(t))
    {
        return None;
    }
    let describes = |i: usize| tokens.get(i).and_then(|t| lex.describes(t));
    let mut dropped = vec![false; n];
    // a Latin office among the first five words ends a description before
    // the name (Islamic State leader, Iranian Foreign Minister)
    let office =
        (1..n.min(5)).find(|&p| describes(p) == Some(Describes::Office) && n - p > NAME_LEFT);
    let mut start = 0;
    if let Some(p) = office {
        dropped[..=p].fill(true);
        start = p + 1;
    } else {
        // a nationality right after the leading titles («الرئيس السوري»)
        let mut i = 0;
        while i < n {
            let phrase = lex.title_phrase_len(&tokens[i..]);
            if phrase > 0 {
                i += phrase;
            } else if lex.word(tokens[i]) == Some(Word::Title) {
                i += 1;
            } else {
                break;
            }
        }
        if i > 0 && i < n && describes(i) == Some(Describes::Nationality) {
            dropped[i] = true;
            start = i + 1;
        }
    }
    // an Arabic office after two words of name, and all after it
    let definite = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| t.starts_with("ال") || t.starts_with("لل") || t.starts_with("بال"))
    };
    let names_before = |p: usize| (start..p).filter(|&i| !dropped[i]).count();
    let end = (start + NAME_LEFT..n).find(|&p| {
        names_before(p) >= NAME_LEFT
            && match describes(p) {
                Some(Describes::Descriptor) => true,
                Some(Describes::StateOffice) => definite(p + 1),
                _ => lex.title_phrase_len(&tokens[p..]) > 0,
            }
    });
    if let Some(e) = end {
        dropped[e..].fill(true);
    }
    if !dropped.contains(&true) || dropped.iter().filter(|d| !**d).count() < NAME_LEFT {
        return None;
    }
    let (mut description, mut name) = (Vec::new(), Vec::new());
    for (t, d) in tokens.iter().zip(dropped) {
        if d {
            description.push((*t).to_string());
        } else {
            name.push((*t).to_string());
        }
    }
    Some((description, name))
}

#[cfg(test)]
mod tests {
    use super::describing;
    use crate::normalize::normalize;

    fn split(name: &str) -> Option<(String, String)> {
        let norm = normalize(name);
        let tokens: Vec<&str> = norm.split(' ').collect();
        describing(&tokens).map(|(d, n)| (d.join(" "), n.join(" ")))
    }

    #[test]
    fn descriptions_around_names_are_set_apart() {
        for (written, description, name) in [
            ("الرئيس السوري بشار الأسد", "السوري", "الرييس بشار الاسد"),
            (
                "Syrian President Bashar al-Assad",
                "syrian president",
                "bashar al assad",
            ),
            (
                "Hamas leader Khaled Meshaal",
                "hamas leader",
                "khaled meshaal",
            ),
            (
                "Iranian Foreign Minister Abbas Araghchi",
                "iranian foreign minister",
                "abbas araghchi",
            ),
            (
                "اللواء محمود توفيق وزير الداخلية",
                "وزير الداخليه",
                "اللواء محمود توفيق",
            ),
            (
                "جيل دو كيرشوف المنسق العام لمكافحة الإرهاب بالاتحاد الأوروبي",
                "المنسق العام لمكافحه الارهاب بالاتحاد الاوروبي",
                "جيل دو كيرشوف",
            ),
            (
                "العاهل الأردني الملك عبد الله الثاني",
                "الاردني",
                "العاهل الملك عبد الله الثاني",
            ),
            (
                "رئيس الوزراء العراقي محمد شياع السوداني",
                "العراقي",
                "رييس الوزراء محمد شياع السوداني",
            ),
        ] {
            assert_eq!(
                split(written),
                Some((description.to_string(), name.to_string())),
                "{written}"
            );
        }
    }

    #[test]
    fn names_that_only_look_descriptive_stay_whole() {
        for name in [
            // a nationality as a family name, or not after a title
            "محمد شياع السوداني",
            "أبو مصعب السوري",
            "الشيخ أبو مصعب السوري",
            // قائد opens a family name; الوزير is one
            "محمد الباجي قائد السبسي",
            "خليل إبراهيم الوزير",
            // an office word with too little name after it
            "Martin Luther King Jr",
            "Prince Rogers Nelson",
            "Mahmoud Tawfik",
            "وزير الداخلية",
        ] {
            assert_eq!(split(name), None, "{name}");
        }
    }
}
