//! A person's name as a form's fields, which police and consular records
//! export one after the other and analysts paste as they are: "Nom: BEN
//! ALI Prénom: Ahmed", "Surname: TAWFIK; Given names: Mahmoud",
//! «الاسم: أحمد اللقب: بن علي» (in Maghrebi registers «اللقب» is the
//! family name), «الاسم: أحمد اسم الأب: محمد اسم العائلة: الحسن». Read as
//! words, the labels were parts and the family name came first.

use super::particulars;
use crate::normalize::normalize;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Field {
    Given,
    Father,
    Grandfather,
    Family,
    /// Name, Nom, «الاسم» beside another field: the family name beside a
    /// given name (Name: Müller, Vorname: Hans), the given name beside a
    /// family name («الاسم: أحمد اللقب: بن علي»).
    Either,
    /// Another name of the person: a kunya, a nickname.
    Alias,
    /// Not part of the person's name (the mother's).
    Other,
}

/// Labels as normalised words (ة is ه, ئ inside a word ي, no hamza on
/// alef), with the field they name.
const LABELS: &[(&str, Field)] = &[
    ("prenom", Field::Given),
    ("prenoms", Field::Given),
    ("given name", Field::Given),
    ("given names", Field::Given),
    ("first name", Field::Given),
    ("first names", Field::Given),
    ("firstname", Field::Given),
    ("forename", Field::Given),
    ("forenames", Field::Given),
    ("vorname", Field::Given),
    ("vornamen", Field::Given),
    ("nombre", Field::Given),
    ("الاسم الشخصي", Field::Given),
    ("nom du pere", Field::Father),
    ("prenom du pere", Field::Father),
    ("fathers name", Field::Father),
    ("father name", Field::Father),
    ("اسم الاب", Field::Father),
    ("اسم الوالد", Field::Father),
    // a record's field for the father's name may be the one word, and a
    // middle name or a patronymic is read where a father's name is
    ("father", Field::Father),
    ("الاب", Field::Father),
    ("الوالد", Field::Father),
    ("middle name", Field::Father),
    ("middle names", Field::Father),
    ("patronymic", Field::Father),
    ("اسم الجد", Field::Grandfather),
    ("grandfathers name", Field::Grandfather),
    ("grandfather", Field::Grandfather),
    ("nom du grand pere", Field::Grandfather),
    ("الجد", Field::Grandfather),
    ("nom", Field::Either),
    ("name", Field::Either),
    ("الاسم", Field::Either),
    ("nom de famille", Field::Family),
    ("nom patronymique", Field::Family),
    ("surname", Field::Family),
    ("last name", Field::Family),
    ("lastname", Field::Family),
    ("family name", Field::Family),
    ("familienname", Field::Family),
    ("nachname", Field::Family),
    ("apellido", Field::Family),
    ("apellidos", Field::Family),
    ("اللقب", Field::Family),
    ("اسم العايله", Field::Family),
    ("الاسم العايلي", Field::Family),
    ("الشهره", Field::Family),
    ("الكنيه", Field::Alias),
    ("alias", Field::Alias),
    ("surnom", Field::Alias),
    ("nom de guerre", Field::Alias),
    ("nickname", Field::Alias),
    ("mothers name", Field::Other),
    ("mother name", Field::Other),
    ("nom de la mere", Field::Other),
    ("prenom de la mere", Field::Other),
    ("اسم الام", Field::Other),
    ("اسم الوالده", Field::Other),
    ("mother", Field::Other),
    ("الام", Field::Other),
];

/// One labelled field: the field its label names (`None` for one that
/// names no part of the name), its label and value as written, and its
/// value.
struct Labelled<'a> {
    field: Option<Field>,
    written: &'a str,
    value: &'a str,
}

/// The name in reading order when `raw` gives a person's given and family
/// names as labelled fields: given names, father's, grandfather's, family
/// name; then the other names (after a semicolon) and the fields that are
/// not names (after a comma, for the particulars to read: a date of
/// birth). `None` unless both a given name and a family name are labelled.
pub(super) fn person_fields(raw: &str) -> Option<String> {
    let fields = labelled(raw)?;
    let has = |f: Field| fields.iter().any(|l| l.field == Some(f));
    let (given, family, either) = (has(Field::Given), has(Field::Family), has(Field::Either));
    // a given and a family name, one of them perhaps by the generic label
    if !((given && (family || either)) || (family && either)) {
        return None;
    }
    let read = |f: Option<Field>| match f {
        Some(Field::Either) if given => Some(Field::Family),
        Some(Field::Either) => Some(Field::Given),
        f => f,
    };
    let values = |f: Field| -> Vec<&str> {
        fields
            .iter()
            .filter(|l| read(l.field) == Some(f) && !l.value.is_empty())
            .map(|l| l.value)
            .collect()
    };
    let name: Vec<&str> = [
        Field::Given,
        Field::Father,
        Field::Grandfather,
        Field::Family,
    ]
    .into_iter()
    .flat_map(values)
    .collect();
    if name.is_empty() {
        return None;
    }
    let mut out = name.join(" ");
    for alias in values(Field::Alias) {
        out.push_str("; ");
        out.push_str(alias);
    }
    for l in fields.iter().filter(|l| l.field.is_none()) {
        out.push_str(", ");
        out.push_str(l.written);
    }
    Some(out)
}

/// The fields of `raw`, in order, when it has a colon after a label.
fn labelled(raw: &str) -> Option<Vec<Labelled<'_>>> {
    if !raw.contains(':') {
        return None;
    }
    // each colon, and where the label before it starts
    let mut labels: Vec<(usize, usize, Option<Field>)> = Vec::new();
    let mut from = 0;
    for (colon, _) in raw.match_indices(':') {
        let (label_at, field) = label_before(&raw[from..colon]);
        labels.push((from + label_at, colon, field));
        from = colon + 1;
    }
    if !labels.iter().any(|l| l.2.is_some()) {
        return None;
    }
    let separators: &[char] = &[',', ';', '|', '،', '؛'];
    fn trim<'s>(s: &'s str, separators: &[char]) -> &'s str {
        s.trim().trim_matches(separators).trim()
    }
    let out = labels
        .iter()
        .enumerate()
        .map(|(i, &(label_at, colon, field))| {
            let end = labels.get(i + 1).map_or(raw.len(), |next| next.0);
            let value = trim(&raw[colon + 1..end], separators);
            Labelled {
                field,
                written: trim(&raw[label_at..end], separators),
                value,
            }
        })
        .collect();
    Some(out)
}

/// The words of `text` as normalised subwords (Prénom(s) is prenom and
/// s), each with where the word it comes from starts.
fn subwords(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    let push = |s: usize, word: &str, out: &mut Vec<(usize, String)>| {
        for sub in normalize(word).split(' ').filter(|w| !w.is_empty()) {
            out.push((s, sub.to_string()));
        }
    };
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                push(s, &text[s..i], &mut out);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, &text[s..], &mut out);
    }
    out
}

/// Where the label at the end of `text` starts, and the field it names;
/// a label that names no field (Date de naissance, DOB) is the longest
/// of the particulars' labels it ends with, or its last word.
fn label_before(text: &str) -> (usize, Option<Field>) {
    let words = subwords(text);
    let ends_with = |label: &[&str]| {
        label.len() <= words.len()
            && words[words.len() - label.len()..]
                .iter()
                .zip(label)
                .all(|(w, l)| w.1 == *l)
    };
    // a label of a form may end in a plural's (s) (Prénom(s))
    let plural = words.last().is_some_and(|w| w.1 == "s") as usize;
    let mut best: Option<(usize, Option<Field>)> = None;
    for &(label, field) in LABELS {
        let label: Vec<&str> = label.split(' ').collect();
        let mut with_s = label.clone();
        with_s.push("s");
        let n = if ends_with(&label) {
            label.len()
        } else if plural == 1 && ends_with(&with_s) {
            with_s.len()
        } else {
            continue;
        };
        if best.is_none_or(|b| b.0 < n) {
            best = Some((n, Some(field)));
        }
    }
    for &label in particulars::LABELS {
        if ends_with(label) && best.is_none_or(|b| b.0 < label.len()) {
            best = Some((label.len(), None));
        }
    }
    let (n, field) = best.unwrap_or((1, None));
    let at = words
        .len()
        .checked_sub(n)
        .and_then(|i| words.get(i))
        .map_or(text.len(), |w| w.0);
    (at, field)
}

/// Whether a label written before a colon after a name is one of the
/// name's own fields or another name's (Surname:, Prénom:, alias:) rather
/// than a field that is no name (occupation:, address:, «المهنة:»).
pub(super) fn names_the_person(label: &str) -> bool {
    matches!(
        label_before(label).1,
        Some(Field::Given | Field::Family | Field::Either | Field::Alias)
    )
}

#[cfg(test)]
mod tests {
    use super::person_fields;

    #[test]
    fn a_forms_name_fields_are_read_in_reading_order() {
        for (raw, read) in [
            ("Nom: BEN ALI Prénom: Ahmed", "Ahmed BEN ALI"),
            (
                "Nom : BEN ALI ; Prénom(s) : Ahmed Mohamed",
                "Ahmed Mohamed BEN ALI",
            ),
            ("Surname: TAWFIK, Given names: Mahmoud", "Mahmoud TAWFIK"),
            ("Name: Müller, Vorname: Hans", "Hans Müller"),
            ("الاسم: أحمد اللقب: بن علي", "أحمد بن علي"),
            (
                "الاسم: أحمد اسم الأب: محمد اسم الجد: علي اسم العائلة: الحسن",
                "أحمد محمد علي الحسن",
            ),
            // the mother's name is no part of it, a kunya another name, a
            // date of birth a particular
            (
                "الاسم: أحمد اسم الأم: فاطمة اللقب: بن علي الكنية: أبو محمد",
                "أحمد بن علي; أبو محمد",
            ),
            (
                "Name: Ali; Father: Mahmoud; Grandfather: Hassan; Mother: Fatima; Surname: al-Tikriti",
                "Ali Mahmoud Hassan al-Tikriti",
            ),
            (
                "First name: Ivan, Patronymic: Petrovich, Last name: Sidorov",
                "Ivan Petrovich Sidorov",
            ),
            (
                "الاسم: علي الأب: محمود الجد: حسن اللقب: التكريتي",
                "علي محمود حسن التكريتي",
            ),
            (
                "Nom: BEN ALI Prénom: Ahmed Date de naissance: 12/03/1962",
                "Ahmed BEN ALI, Date de naissance: 12/03/1962",
            ),
        ] {
            assert_eq!(person_fields(raw).as_deref(), Some(read), "{raw}");
        }
        // one label, none, or no given and family name: read otherwise
        for raw in [
            "Name: Mahmoud Tawfik",
            "الاسم: محمد علي حسن، الكنية: أبو أحمد",
            "Mahmoud Tawfik, DOB: 1962",
            "Name: 1: ABDUL GHANI 2: BARADAR",
            "Ratio 1: 2",
            ":",
            "Prénom:",
        ] {
            assert_eq!(person_fields(raw), None, "{raw}");
        }
    }
}
