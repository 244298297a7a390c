//! A nisba translated rather than romanised. The English and French press
//! write «أبو حمزة المصري» as Abu Hamza the Egyptian or Abou Hamza
//! l'Égyptien, and «عمر الشيشاني» as Omar the Chechen, where a list writes
//! al-Masri and al-Shishani. The translated words share no sound with the
//! nisba, so they are read as the nisba's romanisation, which meets the
//! Arabic and the romanised forms by sound and keys as any other does.

/// Each people's adjectives in English and in French (as `normalize` leaves
/// them: lower case, no accents), and the romanised nisba they translate.
const DEMONYMS: &[(&[&str], &[&str], &str)] = &[
    (&["egyptian"], &["egyptien", "egyptienne"], "masri"),
    (&["jordanian"], &["jordanien", "jordanienne"], "urduni"),
    (&["iraqi"], &["irakien", "irakienne"], "iraqi"),
    (&["syrian"], &["syrien", "syrienne"], "suri"),
    (&["lebanese"], &["libanais", "libanaise"], "lubnani"),
    (
        &["palestinian"],
        &["palestinien", "palestinienne"],
        "filastini",
    ),
    (&["libyan"], &["libyen", "libyenne"], "libi"),
    (&["tunisian"], &["tunisien", "tunisienne"], "tunisi"),
    (&["algerian"], &["algerien", "algerienne"], "jazairi"),
    (&["moroccan"], &["marocain", "marocaine"], "maghribi"),
    (&["sudanese"], &["soudanais", "soudanaise"], "sudani"),
    (&["yemeni"], &["yemeni", "yemenite"], "yamani"),
    (&["saudi"], &["saoudien", "saoudienne"], "saudi"),
    (&["kuwaiti"], &["koweitien", "koweitienne"], "kuwaiti"),
    (&["qatari"], &["qatari", "qatarien", "qatarienne"], "qatari"),
    (&["emirati"], &["emirati"], "imarati"),
    (&["bahraini"], &["bahreini", "bahreinie"], "bahraini"),
    (&["omani"], &["omanais", "omanaise"], "umani"),
    (&["somali"], &["somali", "somalien", "somalienne"], "somali"),
    (
        &["mauritanian"],
        &["mauritanien", "mauritanienne"],
        "muritani",
    ),
    (&["afghan"], &["afghan", "afghane"], "afghani"),
    (
        &["pakistani"],
        &["pakistanais", "pakistanaise"],
        "pakistani",
    ),
    (&["chechen"], &["tchetchene"], "shishani"),
    (&["dagestani"], &["daghestanais"], "daghistani"),
    (&["kurd", "kurdish"], &["kurde"], "kurdi"),
    (&["turk", "turkish"], &["turc", "turque"], "turki"),
    (&["uzbek"], &["ouzbek", "ouzbeke"], "uzbeki"),
    (&["tajik"], &["tadjik", "tadjike"], "tajiki"),
    (&["iranian"], &["iranien", "iranienne"], "irani"),
    (&["indian"], &["indien", "indienne"], "hindi"),
    (&["american"], &["americain", "americaine"], "amriki"),
    (&["british"], &["britannique"], "britani"),
    (&["german"], &["allemand", "allemande"], "almani"),
    (&["french"], &["francais", "francaise"], "faransi"),
    (&["belgian"], &["belge"], "baljiki"),
    (&["australian"], &["australien", "australienne"], "ustrali"),
    (&["russian"], &["russe"], "rusi"),
];

fn nisba_of(adjective: &str, french_only: bool) -> Option<&'static str> {
    DEMONYMS
        .iter()
        .find(|(english, french, _)| {
            french.contains(&adjective) || (!french_only && english.contains(&adjective))
        })
        .map(|(_, _, nisba)| *nisba)
}

/// The nisba a token or a pair of tokens translates: the English article
/// before the adjective ("the egyptian"), the French one apart ("le
/// tchetchene") or elided and glued to it ("legyptien", from l'Égyptien).
/// Returns the nisba and how many tokens it takes.
fn translated_nisba(tokens: &[&str]) -> Option<(&'static str, usize)> {
    let first = *tokens.first()?;
    if matches!(first, "the" | "le" | "la")
        && let Some(n) = tokens.get(1).and_then(|t| nisba_of(t, false))
    {
        return Some((n, 2));
    }
    let elided = first.strip_prefix('l')?;
    // an elided article stands before a vowel only (legyptien, lirakien)
    if !elided.starts_with(['a', 'e', 'i', 'o', 'u', 'y']) {
        return None;
    }
    nisba_of(elided, true).map(|n| (n, 1))
}

/// The tokens of a person's name with every translated nisba read as the
/// romanised one (`al masri`), or `None` when there is none. A nisba
/// follows a name: "The Egyptian" alone is left as written.
pub(super) fn read_translated_nisbas(tokens: &[&str]) -> Option<Vec<String>> {
    // most names have no article or elided word to read, and are settled
    // by a byte test a word, without allocating
    let first = (1..tokens.len()).find(|&i| {
        (tokens[i].starts_with('l') || tokens[i] == "the")
            && translated_nisba(&tokens[i..]).is_some()
    })?;
    let mut out: Vec<String> = Vec::with_capacity(tokens.len() + 1);
    out.extend(tokens[..first].iter().map(|t| (*t).to_string()));
    let mut i = first;
    while i < tokens.len() {
        if let Some((nisba, taken)) = translated_nisba(&tokens[i..]) {
            out.push("al".to_string());
            out.push(nisba.to_string());
            i += taken;
            continue;
        }
        out.push(tokens[i].to_string());
        i += 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::read_translated_nisbas;

    fn read(name: &str) -> Option<String> {
        let tokens: Vec<&str> = name.split(' ').collect();
        read_translated_nisbas(&tokens).map(|t| t.join(" "))
    }

    #[test]
    fn translated_nisbas_read_as_romanised_ones() {
        assert_eq!(
            read("abu hamza the egyptian").as_deref(),
            Some("abu hamza al masri")
        );
        assert_eq!(
            read("omar the chechen").as_deref(),
            Some("omar al shishani")
        );
        assert_eq!(
            read("abou hamza legyptien").as_deref(),
            Some("abou hamza al masri")
        );
        assert_eq!(
            read("abou omar le tchetchene").as_deref(),
            Some("abou omar al shishani")
        );
        assert_eq!(
            read("abu yahya the libyan hassan").as_deref(),
            Some("abu yahya al libi hassan")
        );
    }

    #[test]
    fn other_words_and_a_nisba_alone_stay() {
        assert_eq!(read("the egyptian"), None);
        assert_eq!(read("jack the ripper"), None);
        assert_eq!(read("leila khaled"), None);
        assert_eq!(read("ahmed lindian"), None);
        assert_eq!(read("la"), None);
        assert_eq!(read(""), None);
    }
}
