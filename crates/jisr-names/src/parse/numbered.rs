//! The name as the UN Security Council's consolidated list prints it: a
//! label, the name's parts numbered, "na" where a part is not known, and
//! the name in its original script as a field of its own: "Name: 1: ABDUL
//! GHANI 2: BARADAR 3: ABDUL AHMAD TURK 4: na Name (original script): عبد
//! الغنی برادر عبد الاحمد ترک"; and the UK's, family name first: "Name 6:
//! AL-ZAWAHIRI 1: AYMAN 2: MUHAMMAD 3: RABI 4: n/a 5: n/a". Analysts paste
//! them as they are; read as words, the label, the numbers and the na were
//! parts that matched nothing.

/// The name a labelled or numbered string gives, with its original-script
/// form after a semicolon (another name of the person), or `None` when
/// the string has neither a label nor numbered parts.
pub(super) fn name_fields(raw: &str) -> Option<String> {
    // a passport's machine-readable zone, a booking's SURNAME/GIVEN MR
    if let Some(named) = super::travel::document_name(raw) {
        return Some(named);
    }
    // every name is parsed; few have a colon
    if !raw.contains(':') {
        return None;
    }
    // a form's fields: Nom, Prénom; «الاسم»، «اللقب»
    if let Some(named) = super::labelled::person_fields(raw) {
        return Some(named);
    }
    const ORIGINAL: &str = "name (original script):";
    // the label is ASCII, so where it starts is a character boundary
    let at = (0..raw.len()).find(|&i| {
        raw.as_bytes()
            .get(i..i + ORIGINAL.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(ORIGINAL.as_bytes()))
    });
    let (main, original) = match at {
        Some(at) => (&raw[..at], Some(&raw[at + ORIGINAL.len()..])),
        None => (raw, None),
    };
    let labelled = strip_label(main);
    let main_name = numbered_parts(labelled.unwrap_or(main));
    if labelled.is_none() && main_name.is_none() && original.is_none() {
        return None;
    }
    let mut out = main_name.unwrap_or_else(|| labelled.unwrap_or(main).trim().to_string());
    if let Some(o) = original
        .map(str::trim)
        .filter(|o| !o.is_empty() && !is_missing(o))
    {
        out.push_str("; ");
        out.push_str(o);
    }
    (!out.trim().is_empty()).then_some(out)
}

/// The text after a leading "Name:" or «الاسم:» label.
fn strip_label(text: &str) -> Option<&str> {
    let t = text.trim_start();
    ["name:", "الاسم:", "nom:"].iter().find_map(|label| {
        let head = t.get(..label.len())?;
        (head.to_lowercase() == *label).then(|| &t[label.len()..])
    })
}

/// The name without the number a numbered list or document puts before
/// it: "1. Mohammed Ali", "12) …", "(3) …", "#4 …", "No. 5 …", «٣- محمد
/// علي», «رقم ٧ …». Pasted with the name, the number was a part the other
/// side lacked (0.72 against «محمد علي»). `None` when the string opens
/// otherwise; a number alone before a name (3 Mohammed Ali) is left, as
/// bodies open with one (7 Eleven).
pub(super) fn without_list_number(raw: &str) -> Option<&str> {
    let t = raw.trim_start();
    // most names open with a letter
    let first = t.chars().next()?;
    if first.is_alphabetic() && !matches!(first, 'N' | 'n' | 'ر') {
        return None;
    }
    let (t, labelled) = match ["no.", "no", "n°", "nº", "#", "رقم"].iter().find_map(|l| {
        t.get(..l.len())
            .filter(|h| h.eq_ignore_ascii_case(l))
            .map(|_| &t[l.len()..])
    }) {
        Some(rest) => (rest.trim_start(), true),
        None => (t, false),
    };
    let (t, parenthesised) = match t.strip_prefix('(') {
        Some(rest) => (rest, true),
        None => (t, false),
    };
    // a list's number has four digits at most (a year is no list number)
    let numerals = t.chars().take_while(|c| c.is_numeric());
    if !(1..=4).contains(&numerals.clone().count()) {
        return None;
    }
    let digits: usize = numerals.map(char::len_utf8).sum();
    let after = &t[digits..];
    let rest = if parenthesised {
        after.strip_prefix(')')?
    } else if labelled {
        after
    } else if let Some(r) = after.trim_start().strip_prefix(['-', '–', '—']) {
        // a dash with a space after it (7-Eleven is a name)
        r.starts_with(char::is_whitespace).then_some(r)?
    } else {
        after.strip_prefix(['.', ')', ':'])?
    };
    // the name after it, not a figure (1.5) or a word glued to it (3M)
    let rest = rest.trim_start_matches([' ', '\t', '-', '–', '—']);
    (rest.chars().next().is_some_and(char::is_alphabetic)
        && !after.starts_with(|c: char| c.is_alphabetic()))
    .then_some(rest)
}

fn is_missing(part: &str) -> bool {
    matches!(part.to_lowercase().as_str(), "na" | "n/a" | "-")
}

/// "1: ABDUL GHANI 2: BARADAR 3: na" as "ABDUL GHANI BARADAR": the parts
/// after the numbers 1: to 6:, in the order of their numbers, those not
/// known left out. The UK's list writes the family name first as "Name 6:"
/// (Name 6: AL-ZAWAHIRI 1: AYMAN 2: MUHAMMAD), and it goes last.
fn numbered_parts(text: &str) -> Option<String> {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 1 && words[0].eq_ignore_ascii_case("name") && words[1] == "6:" {
        words.remove(0);
    }
    let number = |w: &str| -> Option<usize> {
        let d = w.strip_suffix(':')?;
        (d.len() == 1)
            .then(|| d.parse().ok())
            .flatten()
            .filter(|n| (1..=6).contains(n))
    };
    let first = number(words.first()?)?;
    if !matches!(first, 1 | 6) || !words.iter().any(|w| number(w) == Some(2)) {
        return None;
    }
    let mut parts: [Vec<&str>; 7] = Default::default();
    let mut at = first;
    for w in &words[1..] {
        match number(w) {
            Some(n) => at = n,
            None => parts[at].push(w),
        }
    }
    let name: Vec<String> = parts
        .iter()
        .map(|p| p.join(" "))
        .filter(|p| !p.is_empty() && !is_missing(p))
        .collect();
    (!name.is_empty()).then(|| name.join(" "))
}

#[cfg(test)]
mod tests {
    use super::{name_fields, without_list_number};

    #[test]
    fn a_lists_number_before_the_name_is_left_out() {
        for raw in [
            "1. Mohammed Ali",
            "12) Mohammed Ali",
            "(3) Mohammed Ali",
            "7 - Mohammed Ali",
            "#4 Mohammed Ali",
            "No. 5 Mohammed Ali",
            "N° 5 Mohammed Ali",
        ] {
            assert_eq!(without_list_number(raw), Some("Mohammed Ali"), "{raw}");
        }
        for raw in [
            "١. محمد علي",
            "٣- محمد علي",
            "(٢) محمد علي",
            "رقم ٧ محمد علي",
        ] {
            assert_eq!(without_list_number(raw), Some("محمد علي"), "{raw}");
        }
        for raw in [
            "Mohammed Ali",
            "Nabil Ali",
            "3 Mohammed Ali",
            "3M",
            "1.5 Mohammed",
            "2nd Battalion",
            "7-Eleven",
            "1.",
            "No Name",
            "رشيد علي",
            "19700. Mohammed Ali",
        ] {
            assert_eq!(without_list_number(raw), None, "{raw}");
        }
    }

    #[test]
    fn the_un_lists_name_fields_are_read_as_the_name() {
        for (raw, name) in [
            (
                "Name: 1: ABDUL GHANI 2: BARADAR 3: ABDUL AHMAD TURK 4: na",
                "ABDUL GHANI BARADAR ABDUL AHMAD TURK",
            ),
            (
                "1: ABDUL GHANI 2: BARADAR 3: na 4: na",
                "ABDUL GHANI BARADAR",
            ),
            (
                "Name: 1: ABDUL GHANI 2: BARADAR 3: na 4: na Name (original script): عبد الغنی برادر",
                "ABDUL GHANI BARADAR; عبد الغنی برادر",
            ),
            ("Name: AL-RASHID TRUST", "AL-RASHID TRUST"),
            ("الاسم: محمود توفيق", "محمود توفيق"),
            (
                "Name 6: AL-ZAWAHIRI 1: AYMAN 2: MUHAMMAD 3: RABI 4: n/a 5: n/a",
                "AYMAN MUHAMMAD RABI AL-ZAWAHIRI",
            ),
        ] {
            assert_eq!(name_fields(raw).as_deref(), Some(name), "{raw}");
        }
        for raw in ["Mahmoud Tawfik", "Mahmoud Tawfik, DOB: 1962", "Ratio 1: 2"] {
            assert_eq!(name_fields(raw), None, "{raw}");
        }
    }
}
