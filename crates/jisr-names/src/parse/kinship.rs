//! How South Asian and English lists write whose child a person is:
//! "Malik Ishaq S/O Muhammad Ishaq", "Fatima D/O Abdul Rehman", "Ali son of
//! Hassan". Pakistan's lists of proscribed persons write every name so.
//! The words say what bin and bint say, so they are read as those
//! particles, and the father's name after them as a nasab a shorter
//! writing of the name may leave out; read as words, S/O was two initials
//! and the father's name unmatched.
//!
//! Biographies and scholarship abbreviate the particles themselves:
//! Muhammad b. Abd al-Wahhab, Fatima bt. Muhammad. Only in lower case,
//! since a capital B. between two names is an initial (John B. Smith).

/// The name with its kinship words written as bin or bint, or `None` when
/// it has none.
pub(super) fn as_particles(name: &str) -> Option<String> {
    // asked of every person's name: most have neither a slash nor an f (one
    // pass over the bytes that does not stop early, so it vectorises), and
    // of those with an f, few an "of"
    let maybe = name
        .bytes()
        .fold(false, |m, b| m | matches!(b, b'/' | b'f' | b'F' | b'.'));
    if !maybe
        || !name.contains('/')
            && !name.contains(" b. ")
            && !name.contains(" bt. ")
            && !name.split(' ').any(|w| w.eq_ignore_ascii_case("of"))
    {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    let mut changed = false;
    let mut i = 0;
    while i < words.len() {
        let w = words[i].trim_end_matches(['.', ',']).to_ascii_lowercase();
        let next = words.get(i + 1).map(|n| n.to_ascii_lowercase());
        // a name goes before and after the kinship words
        let inside = !out.is_empty();
        let particle = match w.as_str() {
            "s/o" if inside && i + 1 < words.len() => Some(("bin", 1)),
            "d/o" | "w/o" if inside && i + 1 < words.len() => Some(("bint", 1)),
            _ if matches!(words[i], "b." | "bt.") && between_names(&words, i) => {
                Some((if words[i] == "b." { "bin" } else { "bint" }, 1))
            }
            "son" if inside && next.as_deref() == Some("of") && i + 2 < words.len() => {
                Some(("bin", 2))
            }
            "daughter" | "wife"
                if inside && next.as_deref() == Some("of") && i + 2 < words.len() =>
            {
                Some(("bint", 2))
            }
            _ => None,
        };
        match particle {
            Some((p, n)) => {
                out.push(p);
                i += n;
                changed = true;
            }
            None => {
                out.push(words[i]);
                i += 1;
            }
        }
    }
    changed.then(|| out.join(" "))
}

/// Whether the word at `i` stands between two names, as a particle does:
/// "b." is also born, before a year or after a comma ("Ali Hassan, b. 1970").
fn between_names(words: &[&str], i: usize) -> bool {
    let before = i.checked_sub(1).map(|p| words[p]);
    let after = words.get(i + 1);
    before.is_some_and(|w| !w.ends_with([',', ';', ')']))
        && after.is_some_and(|w| w.starts_with(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinship_words_are_the_particles_arabic_names_write() {
        for (raw, read) in [
            (
                "Malik Ishaq S/O Muhammad Ishaq",
                "Malik Ishaq bin Muhammad Ishaq",
            ),
            ("Fatima d/o Abdul Rehman", "Fatima bint Abdul Rehman"),
            ("Amina W/O Tariq Mehmood", "Amina bint Tariq Mehmood"),
            ("Ali son of Hassan", "Ali bin Hassan"),
            ("ALI SON OF HASSAN", "ALI bin HASSAN"),
            ("Zainab daughter of Ali", "Zainab bint Ali"),
            ("Muhammad b. Abd al-Wahhab", "Muhammad bin Abd al-Wahhab"),
            ("Fatima bt. Muhammad", "Fatima bint Muhammad"),
        ] {
            assert_eq!(as_particles(raw).as_deref(), Some(read), "{raw}");
        }
        for raw in [
            "Muhammad Ali",
            "Bank of Baroda",
            "S/O Hassan",
            "Ali S/O",
            "Son of Sam",
            "AC/DC",
            "John B. Smith",
            "b. Hanbal",
            "Ahmad b.",
            "Ali Hassan b. 1970",
            "Ali Hassan, b. Cairo",
        ] {
            assert_eq!(as_particles(raw), None, "{raw}");
        }
    }
}
