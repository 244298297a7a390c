//! One string, several names. Sanctions lists and reports write a person's
//! other names in the same field: "Ahmed al-Sharaa a.k.a. Abu Mohammad
//! al-Julani", «أحمد الشرع المعروف بأبي محمد الجولاني», "Abu Mohammad
//! al-Julani (Ahmed al-Sharaa)". Each is a name of its own, compared on its
//! own; read together they were one long name matching neither well.

use super::{markers, married, variants};
use crate::normalize::normalize;

/// At most this many names are read from one string.
const MAX_NAMES: usize = 8;

/// The names a raw string gives, in order: the first is the name the
/// string opens with. Empty when the string is only one name. Semicolons and
/// enumerations (a) … b) …) separate names of persons and bodies alike. A
/// person's parenthesis of two words or more is another name; an
/// organisation's is its qualifier (Bank of China (Hong Kong) Limited).
pub(super) fn other_names(raw: &str, person: bool) -> Vec<String> {
    let listed = enumerations_as_semicolons(raw);
    let listed = listed.as_deref().unwrap_or(raw);
    let pieces = if person {
        // Malaysian and Singaporean writing marks another name with @
        // (Mas Selamat bin Kastari @ Edi Hidayat), lists with a spaced slash
        let listed = listed.replace('@', ";").replace(" / ", ";");
        // a word's other spelling in parentheses gives the name read
        // with each spelling …
        let readings = variants::spelled_in_parentheses(&listed).unwrap_or_else(|| vec![listed]);
        // … and between slashes
        let readings: Vec<String> = readings
            .into_iter()
            .flat_map(|r| variants::spelled_with_a_slash(&r).unwrap_or_else(|| vec![r]))
            .collect();
        let mut pieces: Vec<String> = Vec::new();
        for piece in readings.iter().flat_map(|r| parenthesised(r)) {
            if !pieces.contains(&piece) {
                pieces.push(piece);
            }
        }
        pieces
    } else {
        vec![listed.to_string()]
    };
    let mut names = Vec::new();
    for piece in pieces {
        for name in split_at_markers(&piece, person) {
            // a semicolon separates names («a.k.a. X; Y»)
            names.extend(
                name.split(';')
                    .map(trimmed)
                    .filter(|n| {
                        let n = normalize(n);
                        let words: Vec<&str> = n.split(' ').filter(|w| !w.is_empty()).collect();
                        !words.is_empty() && !super::placeholders::is_placeholder(&words)
                    })
                    .map(str::to_string),
            );
        }
    }
    let mut names = with_given_names(names);
    names.truncate(MAX_NAMES);
    // one name is worth reading apart only when something around it was
    // not a name (Abu Ahmed (real name unknown))
    if names.len() < 2 && names.first().is_none_or(|n| n == raw.trim()) {
        Vec::new()
    } else {
        names
    }
}

/// A name without the separators left around it: spaces, a comma before
/// the next name, and a parenthesis that opened or closed around the list
/// of names rather than in the name.
fn trimmed(name: &str) -> &str {
    let mut n = name.trim().trim_end_matches([',', '،']).trim();
    if n.ends_with(')') && !n.contains('(') {
        n = n[..n.len() - 1].trim_end();
    }
    if n.starts_with('(') && !n.contains(')') {
        n = n[1..].trim_start();
    }
    n
}

/// Sanctions lists enumerate a person's other names: "a.k.a.: a) Abu
/// Mohammed b) Abu Ahmad" (the UN's list), "(1) … (2) …", "i) … ii) …".
/// The string with those labels written as semicolons, when it has a
/// sequence of them (a) then b), 1) then 2), i) then ii)); a label alone
/// may be a name's letter (Ahmed (A)).
fn enumerations_as_semicolons(raw: &str) -> Option<String> {
    const SEQUENCES: &[&[&str]] = &[
        &["a", "b", "c", "d", "e", "f", "g", "h"],
        &["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"],
        &["1", "2", "3", "4", "5", "6", "7", "8"],
    ];
    if !raw.contains(')') {
        return None;
    }
    let label = |w: &str| -> Option<String> {
        let inner = w.strip_suffix(')')?;
        let inner = inner.strip_prefix('(').unwrap_or(inner);
        (!inner.is_empty() && inner.len() <= 4).then(|| inner.to_ascii_lowercase())
    };
    let words: Vec<&str> = raw.split_whitespace().collect();
    let labels: Vec<(usize, String)> = words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| label(w).map(|l| (i, l)))
        .collect();
    let sequence = SEQUENCES.iter().find(|seq| {
        labels
            .windows(2)
            .any(|p| p[0].1 == seq[0] && p[1].1 == seq[1])
    })?;
    let out: Vec<&str> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let labelled = labels
                .iter()
                .any(|(j, l)| *j == i && sequence.contains(&l.as_str()));
            if labelled { ";" } else { w }
        })
        .collect();
    Some(out.join(" "))
}

/// The string without the names it sets apart, then those names: a
/// parenthesis of two words or more is another name (Abu Mohammad
/// al-Julani (Ahmed al-Sharaa)), a shorter one stays part of the name;
/// a quoted word or more is a nickname (Joaquín "El Chapo" Guzmán,
/// «أبو محمد» أحمد المصري), another name of the person; and so is the
/// string with the nickname's quotation marks left out, since a writer
/// also quotes a laqab that belongs to the name as others write it
/// (أبو محمد "الجولاني", Abu Mohammad al-Julani).
fn parenthesised(raw: &str) -> Vec<String> {
    let mut outer = String::with_capacity(raw.len());
    let mut whole = String::with_capacity(raw.len());
    let mut inner = Vec::new();
    let mut quoted = false;
    let mut rest = raw;
    while let Some(e) = next_enclosure(rest) {
        let content = &rest[e.content.clone()];
        let words = normalize(content)
            .split(' ')
            .filter(|w| !w.is_empty())
            .count();
        if words >= if e.quoted { 1 } else { 2 } {
            outer.push_str(&rest[..e.open]);
            outer.push(' ');
            whole.push_str(&rest[..e.open]);
            whole.push(' ');
            if e.quoted {
                whole.push_str(content);
                whole.push(' ');
                quoted = true;
            }
            inner.push(content.to_string());
        } else {
            outer.push_str(&rest[..e.end]);
            whole.push_str(&rest[..e.end]);
        }
        rest = &rest[e.end..];
    }
    outer.push_str(rest);
    whole.push_str(rest);
    if normalize(&outer).is_empty() {
        return vec![raw.to_string()];
    }
    let mut out = vec![outer];
    out.extend(inner);
    if quoted {
        out.push(whole);
    }
    out
}

/// A parenthesis or a quotation in a string: where it opens, its content
/// and where it ends (byte offsets).
struct Enclosure {
    open: usize,
    content: std::ops::Range<usize>,
    end: usize,
    quoted: bool,
}

/// Whether a person's string may set a name apart in quotation marks.
pub(super) fn has_quotes(raw: &str) -> bool {
    // asked of every person's name: one pass over its bytes first, without
    // stopping early so that it vectorises (« is C2 AB; “ „ ‹ are E2 80 …)
    let maybe = raw
        .bytes()
        .fold(false, |m, b| m | matches!(b, b'"' | 0xAB | 0xE2));
    maybe && raw.contains(['"', '«', '“', '„', '‹'])
}

/// The first parenthesis or quotation of `rest`. Not single quotes, which
/// romanisations write for ʿayn and hamza around whole words as often as
/// quotations do ('UBAYD JUDAY' is two names; Ma'ruf one).
fn next_enclosure(rest: &str) -> Option<Enclosure> {
    for (i, c) in rest.char_indices() {
        let after = i + c.len_utf8();
        let closers: &[char] = match c {
            '(' => &[')'],
            '"' => &['"'],
            '“' => &['”', '"'],
            '„' => &['“', '”'],
            '«' => &['»'],
            '‹' => &['›'],
            _ => continue,
        };
        let close = rest[after..]
            .char_indices()
            .find(|&(_, d)| closers.contains(&d));
        if let Some((j, d)) = close {
            return Some(Enclosure {
                open: i,
                content: after..after + j,
                end: after + j + d.len_utf8(),
                quoted: c != '(',
            });
        }
    }
    None
}

/// Opens a name that a family-name marker began before any name of its
/// piece ("Jane Smith (née Doe)"), for [`with_given_names`] to complete
/// with the given names of the name before it.
const GIVEN_BEFORE: &str = "\u{1}";

/// Splits at the words that introduce another name, keeping a name on
/// each side of every marker. A person's other family name (née Doe,
/// épouse Sahraoui) opens a name with her given names.
fn split_at_markers(piece: &str, person: bool) -> Vec<String> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let mut names: Vec<Vec<String>> = vec![Vec::new()];
    let mut i = 0;
    while i < words.len() {
        if person && let Some(len) = married::family_marker(&words[i..]) {
            let current = names.last().map_or(&[][..], |n| {
                let from = n
                    .iter()
                    .rposition(|w| w.ends_with(';'))
                    .map_or(0, |p| p + 1);
                &n[from..]
            });
            let next = if current.is_empty() {
                vec![GIVEN_BEFORE.to_string()]
            } else {
                married::given_words(current)
            };
            names.push(next);
            i += len;
            continue;
        }
        let marker = markers::marker_at(&words[i..]).filter(|&(len, _)| i + len < words.len());
        // a marker before any name ("(a.k.a. Abu Ahmad)") only says what follows
        if let Some((len, false)) = marker
            && names
                .last()
                .is_some_and(|n| n.is_empty() || n.last().is_some_and(|w| w == ";"))
        {
            i += len;
            continue;
        }
        match marker {
            Some((len, glued)) => {
                i += len;
                let mut next = Vec::new();
                if glued {
                    // «بأبي», d'Abou: the name is what follows the preposition
                    let w = ["ب", "d'", "d’"]
                        .iter()
                        .find_map(|p| words[i].strip_prefix(p))
                        .unwrap_or(words[i]);
                    let w = w.trim_start_matches('ـ');
                    next.push(w.to_string());
                    i += 1;
                }
                names.push(next);
            }
            None => {
                if let Some(n) = names.last_mut() {
                    n.push(words[i].to_string());
                }
                i += 1;
            }
        }
    }
    names
        .into_iter()
        .filter(|n| !n.is_empty())
        .map(|n| n.join(" "))
        .collect()
}

/// The names with the given names of the name before filled in where a
/// piece opened with another family name; dropped when no name is before.
fn with_given_names(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        let Some(family) = name.strip_prefix(GIVEN_BEFORE) else {
            out.push(name);
            continue;
        };
        let Some(before) = out.last() else {
            continue;
        };
        let words: Vec<String> = before.split_whitespace().map(str::to_string).collect();
        let mut given = married::given_words(&words).join(" ");
        given.push(' ');
        given.push_str(family.trim());
        out.push(given);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::other_names;

    #[test]
    fn other_names_in_one_string_are_read_apart() {
        for (raw, names) in [
            (
                "Ahmed al-Sharaa a.k.a. Abu Mohammad al-Julani",
                &["Ahmed al-Sharaa", "Abu Mohammad al-Julani"][..],
            ),
            (
                "Ahmed al-Sharaa aka Abu Mohammad al-Julani alias Al-Golani",
                &["Ahmed al-Sharaa", "Abu Mohammad al-Julani", "Al-Golani"],
            ),
            (
                "Ahmed al-Sharaa, also known as Abu Mohammad al-Julani",
                &["Ahmed al-Sharaa", "Abu Mohammad al-Julani"],
            ),
            (
                "أحمد الشرع المعروف بأبي محمد الجولاني",
                &["أحمد الشرع", "أبي محمد الجولاني"],
            ),
            (
                "أحمد الشرع الملقب بـ أبو محمد الجولاني",
                &["أحمد الشرع", "أبو محمد الجولاني"],
            ),
            (
                "Abu Mohammad al-Julani (Ahmed al-Sharaa)",
                &["Abu Mohammad al-Julani", "Ahmed al-Sharaa"],
            ),
        ] {
            assert_eq!(other_names(raw, true), names, "{raw}");
        }
    }

    #[test]
    fn listed_and_enumerated_other_names_are_read_apart() {
        for (raw, names) in [
            (
                "Ahmed Ali a.k.a. Abu Mohammed; Abu Ahmad",
                &["Ahmed Ali", "Abu Mohammed", "Abu Ahmad"][..],
            ),
            (
                "Ahmed Ali (a.k.a.: a) Abu Mohammed b) Abu Ahmad)",
                &["Ahmed Ali", "Abu Mohammed", "Abu Ahmad"],
            ),
            (
                "Ahmed Ali a.k.a. (1) Abu Mohammed (2) Abu Ahmad",
                &["Ahmed Ali", "Abu Mohammed", "Abu Ahmad"],
            ),
            (
                "ALI, Ahmed (a.k.a. \"ABU MOHAMMED\"; a.k.a. \"ABU AHMAD\")",
                &["ALI, Ahmed", "\"ABU MOHAMMED\"", "\"ABU AHMAD\""],
            ),
        ] {
            assert_eq!(other_names(raw, true), names, "{raw}");
        }
        // the nom de guerre, the kunya, the real name, as lists label them
        for (raw, names) in [
            (
                "محمد علي حسن، الاسم الحركي: أبو أحمد",
                &["محمد علي حسن", "أبو أحمد"][..],
            ),
            (
                "محمد علي حسن وكنيته أبو أحمد",
                &["محمد علي حسن", "أبو أحمد"],
            ),
            (
                "Abu Ahmed, real name Mohamed Ali Hassan",
                &["Abu Ahmed", "Mohamed Ali Hassan"],
            ),
            (
                "Mohamed Ali Hassan, nom de guerre Abu Ahmed",
                &["Mohamed Ali Hassan", "Abu Ahmed"],
            ),
            ("Ahmed Ali known as Abu Hamza", &["Ahmed Ali", "Abu Hamza"]),
        ] {
            assert_eq!(other_names(raw, true), names, "{raw}");
        }
        // Arabic markers with and, also, or, and without the preposition
        for (raw, names) in [
            (
                "محمد علي حسن المعروف أيضاً باسم أبو أحمد",
                &["محمد علي حسن", "أبو أحمد"][..],
            ),
            (
                "محمد علي حسن والمعروف بأبي أحمد",
                &["محمد علي حسن", "أبي أحمد"],
            ),
            (
                "محمد علي حسن، المكنى أبو أحمد",
                &["محمد علي حسن", "أبو أحمد"],
            ),
            ("محمد علي حسن، أو أبو أحمد", &["محمد علي حسن", "أبو أحمد"]),
            (
                "الاسم: محمد علي حسن، الكنية: أبو أحمد",
                &["الاسم: محمد علي حسن", "أبو أحمد"],
            ),
        ] {
            assert_eq!(other_names(raw, true), names, "{raw}");
        }
        // a placeholder is no other name
        assert_eq!(
            other_names("Abu Ahmed (real name unknown)", true),
            ["Abu Ahmed"]
        );
        assert_eq!(
            other_names("Abu Ahmed a.k.a. Unknown; Abu Ali", true),
            ["Abu Ahmed", "Abu Ali"]
        );
        // a letter alone in parentheses is no enumeration
        assert!(other_names("Ahmed Ali (A)", true).is_empty());
    }

    #[test]
    fn an_at_sign_or_a_spaced_slash_separates_names() {
        for (raw, names) in [
            (
                "Mas Selamat bin Kastari @ Edi Hidayat",
                &["Mas Selamat bin Kastari", "Edi Hidayat"][..],
            ),
            ("Mohammed ALI / Abu AHMED", &["Mohammed ALI", "Abu AHMED"]),
        ] {
            assert_eq!(other_names(raw, true), names, "{raw}");
        }
        // a slash inside a word is not one (S/O is son of)
        assert!(other_names("Malik Ishaq S/O Muhammad Ishaq", true).is_empty());
    }

    #[test]
    fn a_quoted_nickname_is_another_name() {
        for (raw, names) in [
            (
                "Joaquín \"El Chapo\" Guzmán",
                &["Joaquín Guzmán", "El Chapo", "Joaquín El Chapo Guzmán"][..],
            ),
            (
                "Ahmed “Khattab” Ali",
                &["Ahmed Ali", "Khattab", "Ahmed Khattab Ali"],
            ),
            (
                "«أبو محمد» أحمد المصري",
                &["أحمد المصري", "أبو محمد", "أبو محمد أحمد المصري"],
            ),
            // a laqab its writer quotes is also the name's last part
            (
                "أبو محمد \"الجولاني\"",
                &["أبو محمد", "الجولاني", "أبو محمد الجولاني"],
            ),
        ] {
            assert_eq!(other_names(raw, true), names, "{raw}");
        }
        // single quotes are ʿayn and hamza as often as quotation marks
        for raw in [
            "Ma'ruf Amin",
            "'ABD AL-RAHMAN KHALAF 'UBAYD JUDAY' AL-DOSARI",
            "Joaquín 'El Chapo' Guzmán",
            "\"Ahmed Ali\"",
        ] {
            assert!(other_names(raw, true).is_empty(), "{raw}");
        }
    }

    #[test]
    fn names_with_such_words_stay_one_name() {
        for raw in [
            "Mahmoud Tawfik",
            // a family name, with nothing after it
            "جمال المعروف",
            "Jamal Maarouf",
            // a one-word parenthesis is part of the name, unless it
            // spells a word of it otherwise (`variants`)
            "Ahmed (Egyptian) Salah",
            "Ahmed Hassan (Jr.)",
            // a marker with no name after it
            "Ahmed Hassan alias",
            "(Ahmed Hassan)",
        ] {
            assert!(
                other_names(raw, true).is_empty(),
                "{raw}: {:?}",
                other_names(raw, true)
            );
        }
        assert_eq!(
            other_names("Mohamed (Mo) Salah", true),
            ["Mohamed Salah", "Mo Salah"]
        );
        // a marker before any name only says what follows
        assert_eq!(other_names("aka Ahmed", true), ["Ahmed"]);
    }

    #[test]
    fn an_organisations_parenthesis_qualifies_it() {
        assert!(other_names("Bank of China (Hong Kong) Limited", false).is_empty());
        assert_eq!(
            other_names("Al Rashid Trust a.k.a. Al Amin Welfare Trust", false),
            ["Al Rashid Trust", "Al Amin Welfare Trust"]
        );
        // a body's names are listed and enumerated as a person's are
        assert_eq!(
            other_names(
                "AL-RASHID TRUST (a.k.a. AL-RASHEED TRUST; a.k.a. AL-AMIN WELFARE TRUST)",
                false
            ),
            [
                "AL-RASHID TRUST",
                "AL-RASHEED TRUST",
                "AL-AMIN WELFARE TRUST"
            ]
        );
        assert_eq!(
            other_names(
                "Al-Rashid Trust a.k.a.: a) Al-Rasheed Trust b) Al-Amin Welfare Trust",
                false
            ),
            [
                "Al-Rashid Trust",
                "Al-Rasheed Trust",
                "Al-Amin Welfare Trust"
            ]
        );
    }
}
