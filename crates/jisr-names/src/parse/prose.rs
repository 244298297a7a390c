//! Names as the press writes them, with what the person is around the
//! name: a title and the country it serves («الرئيس السوري بشار الأسد»),
//! an office and whom it serves before a Latin name (Syrian President
//! Bashar al-Assad, Hamas leader Khaled Meshaal), an office after an Arabic
//! one («اللواء محمود توفيق وزير الداخلية»). Analysts paste such lines
//! from reports; the description is not the name, so it is set apart as
//! `Description` parts, which, as titles, are never evidence.

use crate::lexicon::{Describes, Word, lexicon};

/// Words of name a description must leave, so that a two-word name is
/// never cut down to one word by a word that only looks descriptive.
const NAME_LEFT: usize = 2;

/// The tokens split into the words that describe the person (in order)
/// and the name, or `None` when nothing describes. Only names with a
/// word the lexicon marks notable can have a description.
pub(super) fn describing(tokens: &[&str]) -> Option<(Vec<String>, Vec<String>)> {
    let lex = lexicon();
    let n = tokens.len();
    if n <= NAME_LEFT {
        return None;
    }
    let describes = |i: usize| tokens.get(i).and_then(|t| lex.describes(t));
    // a Latin office among the first five words ends a description before
    // the name (Islamic State leader, Iranian Foreign Minister); so does a
    // status (Wanted terrorist, Suspect) or an office with whom it serves
    // (President of Egypt, Secretary of State), also as the first word.
    // `of`: how many words the office and "of [the] W" take, with the
    // words of a body that follow W (Head of Hamas political bureau),
    // a word of its name before one of them too (the IRGC Quds Force)
    let of = |p: usize| {
        if tokens.get(p + 1) != Some(&"of") {
            return 0;
        }
        let the = usize::from(tokens.get(p + 2) == Some(&"the"));
        let body_word = |i: usize| i + NAME_LEFT < n && lex.concept(tokens[i]).is_some();
        let mut end = p + 2 + the + 1;
        loop {
            if body_word(end) {
                end += 1;
            } else if body_word(end + 1) {
                end += 2;
            } else {
                break;
            }
        }
        end - p
    };
    let office = (0..n.min(5)).rev().find_map(|p| {
        let end = match describes(p) {
            Some(Describes::Office) if of(p) > 0 => p + of(p),
            Some(Describes::Office) if p > 0 => p + 1,
            Some(Describes::Status) if tokens[p].is_ascii() => p + 1,
            _ => return None,
        };
        (end + NAME_LEFT <= n).then_some(end)
    });
    let start = office.unwrap_or_else(|| arabic_lead(tokens));
    // an Arabic office after two words of name, and all after it
    let definite = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| t.starts_with("ال") || t.starts_with("لل") || t.starts_with("بال"))
    };
    let end = (start + NAME_LEFT..n)
        .find(|&p| match describes(p) {
            Some(Describes::Descriptor) => true,
            Some(Describes::StateOffice) => definite(p + 1),
            _ => lex.title_phrase_len(&tokens[p..]) > 0,
        })
        .unwrap_or(n);
    if (start == 0 && end == n) || end - start < NAME_LEFT {
        return None;
    }
    let owned = |ts: &[&str]| ts.iter().map(|t| (*t).to_string()).collect::<Vec<_>>();
    let mut description = owned(&tokens[..start]);
    description.extend(owned(&tokens[end..]));
    Some((description, owned(&tokens[start..end])))
}

/// Words joining an office to whom it serves: «المتحدث باسم», «القيادي في».
const CONNECTORS: &[&str] = &["في", "باسم", "عن", "لدي", "من"];

/// The pronouns closing a status: «المشتبه به», «المحكوم عليه»; and the
/// adverbs saying by whom one is wanted: «المطلوب أمنياً», «دولياً».
const PRONOUNS: &[&str] = &["به", "بها", "عليه", "عليها", "امنيا", "دوليا"];

/// How many words open an Arabic name with what the person is: titles,
/// then a nationality («الرئيس السوري») or an office and whom it serves
/// («الأمين العام لحزب الله», «القيادي في حماس», «زعيم تنظيم القاعدة»);
/// 0 when there is no such description, or too little name after it.
fn arabic_lead(tokens: &[&str]) -> usize {
    let lex = lexicon();
    let n = tokens.len();
    let describes = |t: &str| lex.describes(t);
    let head = |t: &str| {
        matches!(
            describes(t),
            Some(Describes::Descriptor | Describes::StateOffice | Describes::LeadOffice)
        )
    };
    let mut i = 0;
    let mut office = false;
    while i < n {
        let phrase = lex.title_phrase_len(&tokens[i..]);
        if phrase > 0 {
            i += phrase;
            office = true;
        } else if lex.word(tokens[i]) == Some(Word::Title) {
            i += 1;
        } else if describes(tokens[i]) == Some(Describes::Status) {
            // «المتهم الهارب», «العنصر الإرهابي الخطير المدعو»: its
            // adjectives are definite words, as an office's complement is
            i += 1;
            office = true;
        } else if head(tokens[i]) {
            i += 1;
            // what it governs: «زعيم تنظيم», «قائد فيلق», and after a
            // body's kind its name («زعيم تنظيم داعش», «قائد حركة حماس»)
            let bare = |i: usize| {
                i < n && !CONNECTORS.contains(&tokens[i]) && !tokens[i].starts_with("ال")
            };
            if bare(i) {
                let kind = lex.concept(tokens[i]).is_some();
                i += 1;
                if kind && bare(i) {
                    i += 1;
                }
            }
            office = true;
        } else {
            break;
        }
    }
    if office {
        i = complement(tokens, i);
    } else if i > 0 && i < n && describes(tokens[i]) == Some(Describes::Nationality) {
        i = after_nationality(tokens, i + 1);
    } else {
        return 0;
    }
    if n - i < NAME_LEFT { 0 } else { i }
}

/// Words that may follow a nationality before the name: «الأسبق»,
/// «الراحل» (the former, the late).
const AFTER_NATIONALITY: &[&str] = &["السابق", "السابقه", "الاسبق", "الراحل", "الراحله"];

/// The end of a description from `i`, just after its nationality: the
/// name (and its titles) begins after the former and the late («الرئيس
/// المصري الأسبق حسني مبارك», «رئيس الحكومة التونسية الحبيب الصيد»),
/// however definite its first word.
fn after_nationality(tokens: &[&str], mut i: usize) -> usize {
    while i < tokens.len() && AFTER_NATIONALITY.contains(&tokens[i]) {
        i += 1;
    }
    i
}

/// The end of an office's complement from `i`: definite words, titles, a
/// word after a connector, and a body's word with a preposition («لحزب»);
/// a nationality closes it («وزير الداخلية المصري»).
fn complement(tokens: &[&str], mut i: usize) -> usize {
    let lex = lexicon();
    let n = tokens.len();
    let prefixed = |t: &str| {
        ["ل", "ب"].iter().any(|p| {
            t.strip_prefix(p)
                .is_some_and(|rest| rest.chars().count() >= 3 && lex.concept(rest).is_some())
        })
    };
    let definite = |t: &str| t.starts_with("ال");
    while i < n {
        let t = tokens[i];
        if CONNECTORS.contains(&t) && i + 1 < n {
            i += 2;
        } else if lex.describes(t) == Some(Describes::Nationality) {
            return after_nationality(tokens, i + 1);
        } else if PRONOUNS.contains(&t) {
            // «المشتبه به», «المحكوم عليه», «المطلوب أمنياً»
            i += 1;
        } else if prefixed(t) {
            // and the body's name after its kind («لحركة حماس»)
            i += 1;
            if i < n && !definite(tokens[i]) && !CONNECTORS.contains(&tokens[i]) {
                i += 1;
            }
        } else if definite(t)
            || t.starts_with("لل")
            || t.starts_with("بال")
            || lex.word(t) == Some(Word::Title)
        {
            i += 1;
        } else {
            break;
        }
    }
    i
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
            ("الرئيس السوري بشار الأسد", "الرييس السوري", "بشار الاسد"),
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
                "العاهل الاردني",
                "الملك عبد الله الثاني",
            ),
            (
                "رئيس الوزراء العراقي محمد شياع السوداني",
                "رييس الوزراء العراقي",
                "محمد شياع السوداني",
            ),
            (
                "الأمين العام لحزب الله حسن نصر الله",
                "الامين العام لحزب الله",
                "حسن نصر الله",
            ),
            ("القيادي في حماس خالد مشعل", "القيادي في حماس", "خالد مشعل"),
            (
                "زعيم تنظيم داعش أبو بكر البغدادي",
                "زعيم تنظيم داعش",
                "ابو بكر البغدادي",
            ),
            (
                "قائد حركة حماس يحيى السنوار",
                "قايد حركه حماس",
                "يحيي السنوار",
            ),
            (
                "زعيم تنظيم القاعدة أيمن الظواهري",
                "زعيم تنظيم القاعده",
                "ايمن الظواهري",
            ),
            (
                "المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي",
                "المتحدث باسم الجيش الاسراييلي",
                "افيخاي ادرعي",
            ),
            (
                "العنصر الإرهابي الخطير المدعو محمود عزت",
                "العنصر الارهابي الخطير المدعو",
                "محمود عزت",
            ),
            (
                "المتهم الهارب أحمد حسن علي",
                "المتهم الهارب",
                "احمد حسن علي",
            ),
            ("المشتبه به أحمد حسن", "المشتبه به", "احمد حسن"),
            (
                "Wanted terrorist Hisham Ashmawy",
                "wanted terrorist",
                "hisham ashmawy",
            ),
            ("Suspect Ahmed Hassan", "suspect", "ahmed hassan"),
            (
                "President of Egypt Abdel Fattah el-Sisi",
                "president of egypt",
                "abdel fattah el sisi",
            ),
            (
                "Secretary of State Marco Rubio",
                "secretary of state",
                "marco rubio",
            ),
            (
                "رئيس الحكومة التونسية الحبيب الصيد",
                "رييس الحكومه التونسيه",
                "الحبيب الصيد",
            ),
            (
                "الرئيس المصري الأسبق محمد حسني مبارك",
                "الرييس المصري الاسبق",
                "محمد حسني مبارك",
            ),
            (
                "وزير الداخلية المصري الأسبق الحبيب العادلي",
                "وزير الداخليه المصري الاسبق",
                "الحبيب العادلي",
            ),
            (
                "Head of the Hamas political bureau Ismail Haniyeh",
                "head of the hamas political bureau",
                "ismail haniyeh",
            ),
            (
                "Commander of the IRGC Quds Force Qasem Soleimani",
                "commander of the irgc quds force",
                "qasem soleimani",
            ),
            (
                "عضو المكتب السياسي لحركة حماس موسى أبو مرزوق",
                "عضو المكتب السياسي لحركه حماس",
                "موسي ابو مرزوق",
            ),
            (
                "قائد فيلق القدس إسماعيل قاآني",
                "قايد فيلق القدس",
                "اسماعيل قااني",
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
            "Edith Head",
            "Prince Rogers Nelson",
            "Mahmoud Tawfik",
            "وزير الداخلية",
            // a name opening with the article after an office
            "رئيس الوزراء الحبيب الصيد",
            "أمير محمد سعيد عبد الرحمن المولى",
            "اللواء محمود توفيق",
        ] {
            assert_eq!(split(name), None, "{name}");
        }
    }
}
