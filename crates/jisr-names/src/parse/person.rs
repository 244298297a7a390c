//! A person's name: leading titles set aside, compounds glued (the
//! article, ʿAbd and kunya prefixes, ad-Din and Allah), and roles given by
//! position and particles (given, middle, nasab, family, nisba).

use super::{Group, Role, article_units};
use crate::lexicon::{Word, lexicon};
use crate::normalize::Script;

const WEAK_TITLES: &[&str] = &[
    "سيد", "sayyid", "sayed", "seyed", "seyyed", "syed", "sayyed", "sayid",
];

/// Ranks and honorifics without the article that are also given and family
/// names (normalised): Raed «رائد صلاح», Mushir «مشير المصري», Fadila,
/// Saadeh, Maali, Moqaddam. The press writes a rank with the article
/// («الرائد»); without it, it is a title only before another title or ركن
/// («فضيلة الشيخ», «سعادة السفير», «عميد ركن»).
const NAMES_AS_TITLES: &[&str] = &[
    "رايد",
    "نقيب",
    "مقدم",
    "عميد",
    "مشير",
    "فضيله",
    "سعاده",
    "معالي",
];

/// Words that complete an Arabic rank (normalised): its class (first,
/// second) and its service (police, pilot, navy). Only after a rank, since
/// «ثاني» is also a name (Al Thani).
const RANK_QUALIFIERS: &[&str] = &["اول", "ثان", "ثاني", "شرطه", "طيار", "بحري"];

/// Whether a title (normalised) is an Arabic military or police rank; only
/// words the lexicon lists as titles reach it.
fn is_rank(title: &str) -> bool {
    let bare = title.strip_prefix("ال").unwrap_or(title);
    matches!(
        bare,
        "مشير"
            | "فريق"
            | "لواء"
            | "عميد"
            | "عقيد"
            | "مقدم"
            | "رايد"
            | "نقيب"
            | "ملازم"
            | "رقيب"
            | "عريف"
    )
}

/// An East Slavic patronymic (Viktorovich, Volodymyrivna): the father's
/// name, as a nasab link is, and as often left out (Sergey Lavrov). Only
/// between a given name and a surname: last, it is the surname itself
/// (Roman Abramovich, Alexander Lukashevich).
fn patronymic(word: &str) -> bool {
    word.len() >= 7
        && [
            "ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ichna",
        ]
        .iter()
        .any(|s| word.ends_with(s))
}

pub(super) fn parse_person(tokens: &[&str]) -> Vec<(Group, Role)> {
    let mut groups: Vec<Group> = tokens.iter().map(|t| Group::new(t)).collect();
    // leading titles, keeping at least one part: "Maj. Gen. Mahmoud Tawfik", «اللواء محمود توفيق»
    let mut titles = Vec::new();
    while groups.len() > 1 {
        let phrase = {
            let words: Vec<&str> = groups.iter().map(|g| g.text.as_str()).collect();
            lexicon().title_phrase_len(&words)
        };
        if phrase > 0 && phrase < groups.len() {
            titles.extend(groups.drain(..phrase));
            continue;
        }
        if groups[0].word != Some(Word::Title) {
            break;
        }
        if NAMES_AS_TITLES.contains(&groups[0].text.as_str())
            && groups[1].word != Some(Word::Title)
            && groups[1].text != "ركن"
        {
            break;
        }
        let title = groups.remove(0);
        let rank = is_rank(&title.text);
        titles.push(title);
        // Allah completes the title before it («آية الله», Ayatollah), as
        // ركن (staff) a rank («عميد ركن», «لواء ركن»)
        if groups.len() > 1 && matches!(groups[0].text.as_str(), "الله" | "ركن") {
            titles.push(groups.remove(0));
        }
        // … and a class or a service completes a rank («ملازم أول»,
        // «الرقيب أول», «اللواء شرطة», «العقيد طيار»)
        if rank && groups.len() > 1 && RANK_QUALIFIERS.contains(&groups[0].text.as_str()) {
            titles.push(groups.remove(0));
        }
    }
    // Sayyid is an honorific before a full name (Seyyed Ebrahim Raisi) but a
    // given name on its own (Sayed Darwish)
    while groups.len() > 2 && WEAK_TITLES.contains(&groups[0].text.as_str()) {
        titles.push(groups.remove(0));
    }
    // titles that are only two letters long (د., م.) need a name after them
    let mut glued: Vec<Group> = Vec::with_capacity(groups.len());
    let mut pending_article = false;
    let mut pending_prefix: Option<Group> = None;
    let last = groups.len().saturating_sub(1);
    for (idx, mut g) in groups.into_iter().enumerate() {
        if g.word == Some(Word::Article) && idx < last {
            pending_article = true;
            if let Some(p) = pending_prefix.as_mut() {
                p.text.push(' ');
                p.text.push_str(&g.text);
                p.units = p.units.concat(&article_units());
            } else {
                let mut a = g;
                a.units = article_units();
                a.has_article = true;
                pending_prefix = Some(a);
            }
            continue;
        }
        if matches!(g.word, Some(Word::AbdPrefix) | Some(Word::Kunya)) && idx < last {
            let role = if g.word == Some(Word::Kunya) {
                Some(Role::Kunya)
            } else {
                None
            };
            let mut p = match pending_prefix.take() {
                Some(mut p) => {
                    p.append(&g);
                    p
                }
                None => g,
            };
            p.role = p.role.or(role);
            pending_prefix = Some(p);
            pending_article = false;
            continue;
        }
        if pending_article {
            g.has_article = true;
        }
        pending_article = false;
        // a compound an ʿAbd or a kunya opened is whole: «عبد الله» after
        // «محمد» is the father, Abdullah, not more of Mohammed's name
        let mut opened = false;
        if let Some(mut p) = pending_prefix.take() {
            opened = matches!(p.word, Some(Word::AbdPrefix) | Some(Word::Kunya))
                || p.role == Some(Role::Kunya);
            p.append(&g);
            p.word = None;
            g = p;
        }
        // ad-Din, Allah: second halves of compounds join the word before
        let stem_is_suffix = g.word == Some(Word::Suffix)
            || g.text
                .rsplit(' ')
                .next()
                .is_some_and(|w| lexicon().word(w) == Some(Word::Suffix));
        if stem_is_suffix
            && !opened
            && let Some(prev) = glued.last_mut()
            && prev.word.is_none()
            && prev.role.is_none()
        {
            prev.append(&g);
            continue;
        }
        glued.push(g);
    }
    if let Some(p) = pending_prefix.take() {
        glued.push(p);
    }

    let mut out: Vec<(Group, Role)> = titles.into_iter().map(|t| (t, Role::Title)).collect();
    let n = glued.len();
    let mut after_particle = false;
    let mut seen_name = false;
    // a ruler's ordinal closing the name (letters.rs writes it №2); the
    // family name is the word before it
    let ordinal_at = (n > 1 && glued[n - 1].text.starts_with('№')).then(|| n - 1);
    let informative = glued
        .iter()
        .enumerate()
        .filter(|(i, g)| !(g.word == Some(Word::Particle) && *i > 0) && Some(*i) != ordinal_at)
        .count();
    let mut k = 0usize;
    for (i, g) in glued.into_iter().enumerate() {
        if g.word == Some(Word::Particle) && i > 0 && i + 1 < n {
            after_particle = true;
            out.push((g, Role::Particle));
            continue;
        }
        if Some(i) == ordinal_at {
            out.push((g, Role::Ordinal));
            continue;
        }
        let initial = g.script == Script::Latin && g.text.len() == 1;
        let role = if initial {
            Role::Initial
        } else if let Some(r) = g.role {
            r
        } else if after_particle
            || (k > 0 && k + 1 < informative && g.script == Script::Latin && patronymic(&g.text))
        {
            Role::Nasab
        } else if k + 1 == informative && informative >= 2 {
            if g.has_article && (g.text.ends_with('i') || g.text.ends_with('ي')) {
                Role::Nisba
            } else {
                Role::Family
            }
        } else if !seen_name {
            Role::Given
        } else {
            Role::Middle
        };
        // a trailing patronymic chain still ends in the family name
        let role = if after_particle && k + 1 == informative && k > 0 && g.has_article {
            Role::Family
        } else {
            role
        };
        after_particle = false;
        if role != Role::Initial {
            seen_name = true;
        }
        k += 1;
        out.push((g, role));
    }
    out
}
