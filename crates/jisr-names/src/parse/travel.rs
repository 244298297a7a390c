//! A person's name as travel documents and airline records write it, which
//! border and passenger data (API, PNR) carry and analysts paste: the
//! passport's machine-readable zone, "P<EGYTAWFIK<<MAHMOUD<AHMED<<<<", or
//! its name field alone, "AL<SHEHRI<<WAIL"; a booking's name element,
//! "TAWFIK/MAHMOUD AHMED MR", "1.1ALSHEHRI/WAIL MR". Both give the family
//! name first, and read as words the fillers, the document's code and
//! country, and the title after the given names were parts.

/// The name in reading order (given names, then family name) when `raw`
/// is a machine-readable zone's name or a booking's name element.
pub(super) fn document_name(raw: &str) -> Option<String> {
    // every name is parsed; few have either mark, found in one pass
    match raw.bytes().find(|&b| b == b'<' || b == b'/')? {
        b'<' => machine_readable(raw.trim()),
        _ => booking(raw.trim()),
    }
}

/// The name of a machine-readable zone: letters and fillers only, the
/// family name before a double filler, the given names after it, each
/// filler a space. A whole first line of a passport (44 characters) or a
/// travel card (36) opens with the document's code and the issuing
/// country, which go.
fn machine_readable(raw: &str) -> Option<String> {
    if !raw.contains("<<") || !raw.bytes().all(|b| b.is_ascii_uppercase() || b == b'<') {
        return None;
    }
    let b = raw.as_bytes();
    let coded = matches!(b[0], b'P' | b'I' | b'A' | b'C' | b'V')
        && (b[1] == b'<' || matches!(raw.len(), 44 | 36))
        && raw.len() > 5;
    let name = if coded { &raw[5..] } else { raw };
    let (family, given) = name.split_once("<<").unwrap_or((name, ""));
    let words = |s: &str| -> Vec<String> {
        s.split('<')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let family = words(family);
    if family.is_empty() {
        return None;
    }
    let mut out = words(given);
    // a name longer than the zone is cut off at its end (39 letters and
    // fillers on a passport): the last given name, cut, is left out
    if name.len() == 39 && !name.ends_with('<') && out.len() > 1 {
        out.pop();
    }
    out.extend(family);
    Some(out.join(" "))
}

/// Titles an airline's name element ends with.
const BOOKING_TITLES: &[&str] = &[
    "MR", "MRS", "MS", "MISS", "MSTR", "DR", "PROF", "REV", "CHD", "INF",
];

/// The name of a booking's name element, SURNAME/GIVEN NAMES: written
/// in capitals, without spaces around the slash, and with what only a
/// booking writes, a title after the given names or the passenger's
/// number before the surname (a slash alone also parts two spellings of
/// a name: Mohamed/Mohammed Ali).
fn booking(raw: &str) -> Option<String> {
    let (family, given) = raw.split_once('/')?;
    let numbered = family.starts_with(|c: char| c.is_ascii_digit());
    let family = family.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let capitals = |s: &str| {
        s.chars().any(char::is_alphabetic)
            && s.chars()
                .all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '-' | '\''))
    };
    if given.contains('/') || family.ends_with(' ') || given.starts_with(' ') {
        return None;
    }
    if !capitals(family) || !capitals(given) {
        return None;
    }
    let mut words: Vec<&str> = given.split_whitespace().collect();
    let titled = words.len() > 1 && words.last().is_some_and(|w| BOOKING_TITLES.contains(w));
    if titled {
        words.pop();
    }
    // reservation systems also glue the title to the last given name
    // (TAWFIK/MAHMOUDMR); not MS, which ends names (WILLIAMS)
    let glued = if titled {
        None
    } else {
        words.last().and_then(|w| {
            ["MRS", "MSTR", "MR"]
                .iter()
                .find_map(|t| w.strip_suffix(t).filter(|rest| rest.len() >= 3))
        })
    };
    if let (Some(rest), Some(last)) = (glued, words.last_mut()) {
        *last = rest;
    }
    if !(titled || glued.is_some() || numbered) {
        return None;
    }
    words.push(family);
    Some(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::document_name;

    #[test]
    fn travel_documents_and_bookings_give_the_name_in_reading_order() {
        for (raw, read) in [
            ("TAWFIK<<MAHMOUD<AHMED", "MAHMOUD AHMED TAWFIK"),
            ("AL<SHEHRI<<WAIL<<<<<<<<", "WAIL AL SHEHRI"),
            (
                "P<EGYTAWFIK<<MAHMOUD<AHMED<<<<<<<<<<<<<<<<<<",
                "MAHMOUD AHMED TAWFIK",
            ),
            // a passport's first line: its code and country, then the name
            (
                "PASAUALSHEHRI<<WAIL<<<<<<<<<<<<<<<<<<<<<<<<<",
                "WAIL ALSHEHRI",
            ),
            ("TAWFIK/MAHMOUD AHMED MR", "MAHMOUD AHMED TAWFIK"),
            ("1.1ALSHEHRI/WAIL MR", "WAIL ALSHEHRI"),
            ("1TAWFIK/MAHMOUD", "MAHMOUD TAWFIK"),
            ("BEN ALI/AHMED MRS", "AHMED BEN ALI"),
            ("TAWFIK/MAHMOUDMR", "MAHMOUD TAWFIK"),
            ("ALSHEHRI/WAIL MOHAMMEDMR", "WAIL MOHAMMED ALSHEHRI"),
            // a passport's zone cuts a long name off: the cut given name goes
            (
                "P<SAUALSHEHRI<<WAIL<MOHAMMED<ABDULLAH<ABDULR",
                "WAIL MOHAMMED ABDULLAH ALSHEHRI",
            ),
        ] {
            assert_eq!(document_name(raw).as_deref(), Some(read), "{raw}");
        }
        // a slash or a filler that writes something else
        for raw in [
            "Mohamed/Mohammed Ali",
            "MOHAMED/MOHAMMED ALI",
            "Ahmed Ali / أحمد علي",
            "Malik Ishaq S/O Muhammad Ishaq",
            "TAWFIK/MR",
            "SMITH/WILLIAMS",
            "<<",
            "A<<B1",
            "Mahmoud Tawfik",
        ] {
            assert_eq!(document_name(raw), None, "{raw}");
        }
    }
}
