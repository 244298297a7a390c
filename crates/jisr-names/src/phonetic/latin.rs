//! Latin spellings to sound units.
//!
//! A Latin name may be spelt by the habits of any language, and Arabic
//! writes a European name as it sounds: Jacques is «جاك», Foucault «فوكو»,
//! Castilla «كاستيا», Scholz «شولتس». Letters that one language leaves
//! silent and another pronounces become units that are their letter when the
//! other side has it and cheap to drop when it has not, so Arabic-origin
//! names spelt with the same letters (Saud, Younes, Baghdadi) keep matching.

use super::{Units, u};

const fn vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Where a French, German or Spanish ending begins and the units it sounds
/// as: the stem before it is read letter by letter.
fn silent_ending(b: &[u8]) -> Option<(usize, &'static [u8])> {
    // most words end otherwise: settle them before any comparison
    if !matches!(
        b.last(),
        Some(b'x' | b'u' | b't' | b'd' | b's' | b'z' | b'r')
    ) {
        return None;
    }
    let n = b.len();
    let ends = |s: &[u8], min_stem: usize| b.ends_with(s) && n >= s.len() + min_stem;
    // -eau(x), -ault, -aud, -aut, -aux are o (Rousseau, Foucault, Arnaud),
    // their consonants written by some (Dufault دوفولت, Renaud ريناود); a
    // short stem's d is always pronounced (Saud سعود, Daud داود)
    const O_KS: &[u8] = &[u::O, u::K_MUTE, u::S_MUTE];
    for (s, stem, units) in [
        (&b"eaux"[..], 1, O_KS),
        (b"eau", 1, &[u::O][..]),
        (b"ault", 2, &[u::O, u::L_MUTE, u::T_MUTE]),
        (b"aud", 2, &[u::O, u::D_MUTE]),
        (b"aut", 2, &[u::O, u::T_MUTE]),
        // -ot after a consonant too (Pinot بينو, Ducrot ديكرو; Talbot تالبوت)
        (b"ot", 3, &[u::O, u::T_MUTE]),
        (b"aux", 2, O_KS),
        // -ois, -oix, -oit are wa (François, Delacroix, Benoit)
        (b"ois", 1, &[u::O, u::OI, u::S_MUTE]),
        (b"oix", 1, &[u::O, u::OI, u::K_MUTE, u::S_MUTE]),
        (b"oit", 1, &[u::O, u::OI, u::T_MUTE]),
    ] {
        if ends(s, stem) {
            return Some((n - s.len(), units));
        }
    }
    if n < 4 {
        return None;
    }
    let last = b[n - 1];
    let before = b[n - 2];
    // a final x after two vowels is often silent (Roux, Darboux; Theroux ثيروكس)
    if last == b'x' && vowel(before) && vowel(b[n - 3]) {
        return Some((n - 1, &[u::K_MUTE, u::S_MUTE]));
    }
    // Arabic writes a German final z after a consonant as تس or تز
    // (Scholz شولتس, Schulz شولتز), or as ز (Heinz هاينز); Polish cz is
    // ch and sz one s
    if last == b'z' && !vowel(before) && !matches!(before, b't' | b'z' | b'y' | b'c' | b's') {
        return Some((n - 1, &[u::T_BEFORE_Z, u::Z]));
    }
    // French leaves the d or t after r or n silent (Gérard جيرار, Laurent
    // لوران), English does not (Richard ريتشارد, Brent برنت)
    if matches!(last, b'd' | b't') && matches!(before, b'r' | b'n') && vowel(b[n - 3]) {
        let mute: &[u8] = if last == b'd' {
            &[u::D_MUTE]
        } else {
            &[u::T_MUTE]
        };
        return Some((n - 1, mute));
    }
    if n < 5 {
        return None;
    }
    // the s of a final -es after a consonant is French (Charles شارل,
    // Jacques جاك) or not (Younes يونس, Reyes رييس)
    let silent_u = b[n - 3] == b'u' && matches!(b[n - 4], b'q' | b'g');
    if b.ends_with(b"es") && (!vowel(b[n - 3]) || silent_u) {
        return Some((n - 2, &[u::E, u::S_MUTE]));
    }
    // French leaves a final s after a or i silent (Louis لوي, Thomas توما,
    // Nicolas نيكولا); names that end so and Arabic writes with its s
    // (Idris إدريس, Abbas عباس) keep it, a mute s being its letter where
    // the other side has one. Not after o or u: Latin, Greek and
    // Portuguese names (Marcellus مارسيليوس, Domingos) sound theirs.
    if last == b's' && matches!(before, b'a' | b'i') {
        return Some((n - 1, &[u::S_MUTE]));
    }
    // French -ier (Olivier أوليفييه, Didier ديدييه; Javier خافيير)
    if b.ends_with(b"ier") {
        return Some((n - 1, &[u::R_MUTE]));
    }
    None
}

/// Where a short English word has the long a of a silent final e: Kate,
/// Jane, Grace are written كيت، جين، غريس. Only a word of one vowel
/// between consonants before the e (Amine and Karime are not), and only
/// a: the i of Mike (مايك) is also the i of Chile and French Zine (زين).
fn english_long_vowel(b: &[u8]) -> Option<usize> {
    let n = b.len();
    if !(4..=6).contains(&n) || b[n - 1] != b'e' {
        return None;
    }
    let consonant = |c: u8| c.is_ascii_lowercase() && !vowel(c) && c != b'y';
    let at = n - 3;
    (b[at] == b'a'
        && consonant(b[n - 2])
        && !matches!(b[n - 2], b'w' | b'x')
        && b[..at].iter().all(|&c| consonant(c)))
    .then_some(at)
}

/// Units of a normalised Latin token (lower-case ASCII, and ç).
pub fn latin_units(token: &str) -> Units {
    let b = token.as_bytes();
    let n = b.len();
    let (stem, tail) = silent_ending(b).unwrap_or((n, &[]));
    let long_vowel = english_long_vowel(b);
    let mut out = Units::default();
    let mut i = 0;
    let at = |k: usize| -> u8 { if k < n { b[k] } else { 0 } };
    while i < stem {
        let c = b[i];
        let nx = at(i + 1);
        let after_vowel = i > 0 && vowel(b[i - 1]);
        let (unit, step) = match c {
            // the a of Kate is an e
            b'a' if long_vowel == Some(i) => (u::E, 1),
            b'a' => (u::A, 1),
            b'e' => (u::E, 1),
            // English igh after a consonant is the i of wine (Wright رايت,
            // Knight نايت); eigh and aigh are not (Leigh لي)
            b'i' if i > 0
                && !vowel(b[i - 1])
                && nx == b'g'
                && at(i + 2) == b'h'
                && !vowel(at(i + 3)) =>
            {
                out.push(u::A);
                (u::I, 1)
            }
            b'i' => (u::I, 1),
            // a French oi inside a word is wa (Poiret بواريه, Boigny بواني)
            b'o' if i > 0 && nx == b'i' && i + 2 < stem && !vowel(at(i + 2)) => {
                out.push(u::O);
                (u::OI, 2)
            }
            b'o' => (u::O, 1),
            b'u' => (u::U, 1),
            b'y' if i == 0 || vowel(nx) => (u::Y, 1),
            b'y' => (u::I, 1),
            b'b' => (u::B, 1),
            // … whose c a following k or c already writes (McKay, McCain)
            b'c' if i == 1 && b[0] == b'm' && n > 3 && matches!(nx, b'k' | b'c' | b'q') => {
                i += 1;
                continue;
            }
            b'c' if i == 1 && b[0] == b'm' && n > 3 => (u::CK, 1),
            b'c' if nx == b'h' => (u::CH, 2),
            b'c' if matches!(nx, b'e' | b'i' | b'y') => (u::CI, 1),
            // the Polish surname endings -cki, -cka are tsk (Morawiecki
            // مورافيتسكي, Nowicka نوفيتسكا), and as often written letter by
            // letter (Lipnicki لبنيكي): both letters cheap to leave out
            b'c' if nx == b'k'
                && n >= 6
                && i + 3 == n
                && matches!(at(i + 2), b'i' | b'a')
                && after_vowel =>
            {
                out.push(u::T_MUTE);
                (u::S_MUTE, 1)
            }
            b'c' if nx == b'k' => (u::K, 2),
            // François, its cedilla folded away
            b'c' if i > 0 && nx == b'o' && at(i + 2) == b'i' => (u::CI, 1),
            // Jacques, Jacqueline: the c only doubles the q
            b'c' if nx == b'q' => {
                i += 1;
                continue;
            }
            // South Slavic -ić, folded to -ic, is -ich (يتش)
            b'c' if i + 1 == n
                && n > 4
                && i >= 1
                && b[i - 1] == b'i'
                && matches!(b[i - 2], b'v' | b'j' | b'n' | b'l' | b'r' | b't' | b'd') =>
            {
                (u::CH, 1)
            }
            // Italian cch is k (Vecchi فيكي, Sacchi ساكي)
            b'c' if nx == b'c' && at(i + 2) == b'h' => (u::K, 3),
            // … and cc before e or i is ch (Gucci غوتشي, Balducci بالدوتشي)
            b'c' if nx == b'c' && matches!(at(i + 2), b'e' | b'i') => (u::CH, 2),
            // Polish cz is ch (Łukasiewicz لوكاسيفيتش, Czartoryska
            // تشارتوريسكا); inside a word Arabic as often writes it كز
            // (Młynarczyk ميناركزيك), as it does before i and y (Czink كزينك)
            b'c' if nx == b'z' && (i + 2 == n || (i == 0 && matches!(at(2), b'a' | b'e'))) => {
                (u::CH, 2)
            }
            // … and always after sz (Szczepański شتشيبانسكي)
            b'c' if nx == b'z' && i >= 2 && b[i - 2] == b's' && b[i - 1] == b'z' => (u::CH, 2),
            b'c' => (u::CK, 1),
            // ç (its two UTF-8 bytes): s or ch, like a c before e or i
            0xC3 if nx == 0xA7 => (u::CI, 2),
            // Slavic č ć, š ś, ž ź ż (their two UTF-8 bytes), which
            // normalising keeps: ch, sh and zh
            0xC4 if matches!(nx, 0x8D | 0x87) => (u::CH, 2),
            0xC5 if matches!(nx, 0xA1 | 0x9B) => (u::SH, 2),
            0xC5 if matches!(nx, 0xBE | 0xBA | 0xBC) => (u::ZH, 2),
            b'd' if nx == b'h' => (u::DH, 2),
            b'd' if nx == b'j' => (u::J, 2),
            // Russian romanisation's dzh is j (Dzhokhar «جوهر», Gadzhi
            // «حاجي»), and Arabic that spells the Latin letters writes its d
            // (Pachedzhiev «باتشيدزييف»)
            b'd' if nx == b'z' && at(i + 2) == b'h' => {
                out.push(u::D_MUTE);
                (u::J, 3)
            }
            // German romanisation's dsch is j (Dschamal «جمال», Belhadsch
            // «بلحاج», Mudschahedin), as its sch is sh: opening a word or
            // after a, i, u; German's own names join a d and a sch after a
            // consonant or e (Goldschmidt «غولدشميت», Goedsche «جويدشي»)
            b'd' if nx == b's'
                && at(i + 2) == b'c'
                && at(i + 3) == b'h'
                && (i == 0 || matches!(b[i - 1], b'a' | b'i' | b'u')) =>
            {
                (u::J, 4)
            }
            // dž, dż are j (Džeko جيكو)
            b'd' if nx == 0xC5 && matches!(at(i + 2), 0xBE | 0xBC) => (u::J, 3),
            // English dge, dgi is j, written دج or ج (Aldridge ألدريدج, Hodges)
            b'd' if nx == b'g' && matches!(at(i + 2), b'e' | b'i' | b'y') => (u::J, 2),
            b'd' => (u::D, 1),
            b'f' => (u::F, 1),
            // English gh after a vowel is often silent (Naughton, Raleigh),
            // Arabic-origin gh never is (Baghdadi)
            b'g' if nx == b'h' && after_vowel && !vowel(at(i + 2)) => (u::GH_MUTE, 2),
            b'g' if nx == b'h' => (u::GH, 2),
            // French and Italian gn, Italian gli (Ignace إينياس, Pagliuca باليوكا)
            b'g' if after_vowel && (nx == b'n' || (nx == b'l' && at(i + 2) == b'i')) => {
                (u::G_MUTE, 1)
            }
            // g before e, i or y is j in French, English and Italian
            // (Georges جورج, Giorgio), g in German (Gerhard غيرهارد)
            b'g' if matches!(nx, b'e' | b'i' | b'y') => (u::GI, 1),
            b'g' if nx == b'g' && matches!(at(i + 2), b'e' | b'i' | b'y') => (u::GI, 2),
            b'g' => (u::G, 1),
            // a final h after a vowel spells -a / -ah as often as ح or ه
            b'h' if i + 1 == n && after_vowel => (u::HF, 1),
            // John جون
            b'h' if i == 2 && b[0] == b'j' && b[1] == b'o' && nx == b'n' => {
                i += 1;
                continue;
            }
            b'h' => (u::H, 1),
            b'j' => (u::J, 1),
            b'k' if nx == b'h' => (u::X, 2),
            // English leaves an initial k before n silent (Knowles نولز),
            // German and Scandinavian do not (Knut كنوت)
            b'k' if i == 0 && nx == b'n' => (u::K_MUTE, 1),
            b'k' => (u::K, 1),
            // Spanish ll is y (Castilla كاستيا, Sevilla)
            b'l' if nx == b'l' && after_vowel && vowel(at(i + 2)) => (u::LL, 2),
            b'l' => (u::L, 1),
            // Scottish and Irish Mc is Mac, its c a k (McEwen ماكوين)
            b'm' if i == 0 && nx == b'c' && n > 3 => {
                out.push(u::M);
                (u::A, 1)
            }
            b'm' => (u::M, 1),
            b'n' => (u::N, 1),
            b'p' if nx == b'h' => (u::F, 2),
            b'p' => (u::P, 1),
            b'q' if i == 0 && nx == b'i' => (u::QI, 1),
            // French and Spanish qu before e or i is k (Jacques, Enrique)
            b'q' if nx == b'u' && matches!(at(i + 2), b'e' | b'i') => (u::K, 2),
            b'q' => (u::Q, 1),
            // Polish rz after a consonant is zh, or sh after a voiceless
            // one (Andrzej أندجي, Krzysztof كشيشتوف);
            // after a vowel it is as often the German r and z (Merz ميرتس)
            b'r' if nx == b'z'
                && i >= 1
                && matches!(
                    b[i - 1],
                    b'b' | b'd' | b'g' | b'k' | b'p' | b't' | b'h' | b'w'
                )
                && (vowel(at(i + 2)) || at(i + 2) == b'y') =>
            {
                // the r, which Arabic writes as often as not (Brzeziński
                // بريجنسكي), cheap to leave out
                out.push(u::R_MUTE);
                (u::ZH, 2)
            }
            b'r' => (u::R, 1),
            b's' if nx == b'c' && at(i + 2) == b'h' => (u::SH, 3),
            // sc before e or i is s in English and French (Lascelles
            // لاسيلس), sh in Italian (Buscemi بوشيمي): the c's own s or ch
            b's' if nx == b'c' && matches!(at(i + 2), b'e' | b'i') => (u::CI, 2),
            b's' if nx == b'h' => (u::SH, 2),
            // sz is Hungarian s (Szabó سابو, László لازلو) or Polish sh
            // (Łukasz لوكاش), and as often written letter by letter: one s
            // is nearest to all of them; Polish szcz is shch
            b's' if nx == b'z' && at(i + 2) == b'c' && at(i + 3) == b'z' => (u::SH, 2),
            b's' if nx == b'z' => (u::S, 2),
            b's' => (u::S, 1),
            b't' if nx == b'h' => (u::TH, 2),
            // a t doubling the th after it (Matthew ماثيو, Matthias ماتياس)
            b't' if nx == b't' && at(i + 2) == b'h' => {
                i += 1;
                continue;
            }
            b't' if nx == b's' && at(i + 2) == b'h' => (u::CH, 3),
            // German tsch: تش or تيش (Tschudi تشودي, Jentsch جنتيش)
            b't' if nx == b's' && at(i + 2) == b'c' && at(i + 3) == b'h' => {
                out.push(u::T_MUTE);
                (u::SH, 4)
            }
            // … and tzsch (Nietzsche نيتشه)
            b't' if nx == b'z' && at(i + 2) == b's' && at(i + 3) == b'c' && at(i + 4) == b'h' => {
                out.push(u::T_MUTE);
                (u::SH, 5)
            }
            b't' if nx == b'c' && at(i + 2) == b'h' => (u::CH, 3),
            // Turkish -ettin, -attin is ad-din (Necmettin نجم الدين)
            b't' if nx == b't' && n > 6 && i + 4 == n && b[i + 2] == b'i' && b[i + 3] == b'n' => {
                (u::D, 2)
            }
            // … or after a diphthong's y (Cüneyt, Züheyt for جنيد، زهيد)
            b't' if i + 1 == n
                && i > 0
                && (after_vowel || (i > 1 && b[i - 1] == b'y' && vowel(b[i - 2]))) =>
            {
                (u::TF, 1)
            }
            b't' => (u::T, 1),
            b'v' => (u::V, 1),
            b'w' => (u::W, 1),
            // Albanian xh is j (Rexhep «رجب», Xhemal «جمال», Hoxha «خوجة»)
            b'x' if nx == b'h' => (u::J, 2),
            // pinyin x opening a syllable before i or u is sh (Xi, Xiaoping,
            // Xu, Xuan); before u only as pinyin has it, since Somali x is ح
            // (Xuseen «حسين», Xuddur)
            b'x' if i == 0
                && (nx == b'i' || (nx == b'u' && matches!(at(2), 0 | b'e' | b'a' | b'n'))) =>
            {
                (u::SH, 1)
            }
            // x is ks in most languages (Alexander «ألكسندر»), but kh in
            // Kurdish, Uzbek and Azerbaijani Latin (Xalid «خالد», Bextiyar
            // «بختيار», Şêx «شيخ»): the s drops cheaply where the other
            // script writes none
            b'x' => {
                out.push(u::K);
                (u::S_MUTE, 1)
            }
            b'z' if nx == b'h' => (u::ZH, 2),
            b'z' => (u::Z, 1),
            _ => (u::OTHER, 1),
        };
        out.push(unit);
        i += step;
    }
    for &x in tail {
        out.push(x);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::sim;
    use super::*;

    fn render(s: &str) -> String {
        latin_units(s).render()
    }

    #[test]
    fn endings_that_french_leaves_silent() {
        assert_eq!(render("foucault"), "fouċoᴸᵗ");
        assert_eq!(render("rousseau"), "rouso");
        assert_eq!(render("francois"), "françoᵢˢ");
        assert_eq!(render("benoit"), "benoᵢᵗ");
        assert_eq!(render("darboux"), "darbouᵏˢ");
        assert_eq!(render("jacques"), "jakeˢ");
        assert_eq!(render("olivier"), "olivieʳ");
        assert_eq!(render("louis"), "louiˢ");
        assert_eq!(render("nicolas"), "niċolaˢ");
        // a Latin or Portuguese ending sounds its s
        assert_eq!(render("marcellus"), "marçełus");
        // short stems keep their letters: Saud, Daud
        assert_eq!(render("saud"), "saud");
        assert_eq!(render("daud"), "daud");
    }

    #[test]
    fn letters_other_languages_leave_silent() {
        assert_eq!(render("castilla"), "ċastiła");
        assert_eq!(render("ignace"), "iᵍnaçe");
        assert_eq!(render("naughton"), "nauᵞton");
        assert_eq!(render("baghdadi"), "baᵞdadi");
        assert_eq!(render("scholz"), "šol⁽ᵗ⁾z");
        assert_eq!(render("tschudi"), "ᵗšudi");
        assert_eq!(render("maggio"), "maǧio");
        assert_eq!(render("kate"), "kete");
        assert_eq!(render("zine"), "zine");
        assert_eq!(render("amine"), "amine");
        assert_eq!(render("john"), "jon");
        assert_eq!(render("johar"), "johar");
        // English dg before e, i, y is j, as in Edgar it is not
        assert_eq!(render("bridge"), "brije");
        assert_eq!(render("edgar"), "edgar");
        assert_eq!(render("knott"), "ᵏnot");
        assert_eq!(render("sacchi"), "saki");
        assert_eq!(render("gombrowicz"), "gombrowič");
        assert_eq!(render("dwight"), "dwaiᵞt");
        assert_eq!(render("leigh"), "leiᵞ");
    }

    #[test]
    fn european_names_meet_their_arabic_forms() {
        for (l, a) in [
            ("jacques", "جاك"),
            ("foucault", "فوكو"),
            ("renault", "رينو"),
            ("francois", "فرنسوا"),
            ("benoit", "بينوا"),
            ("delacroix", "ديلاكروا"),
            ("charles", "شارل"),
            ("georges", "جورج"),
            ("olivier", "أوليفييه"),
            ("castilla", "كاستيا"),
            ("naughton", "نوتون"),
            ("scholz", "شولتس"),
            ("tschudi", "تشودي"),
            ("john", "جون"),
            ("kate", "كيت"),
            ("grace", "غريس"),
            ("aldridge", "ألدريدج"),
            ("ledger", "ليجر"),
            ("menachem", "مناحم"),
            ("nachman", "نحمان"),
            ("lukasiewicz", "لوكاسيفيتش"),
            ("czartoryska", "تشارتوريسكا"),
            ("vecchi", "فيكي"),
            ("knott", "نوت"),
            ("knut", "كنوت"),
            ("mcewen", "ماكوين"),
            ("mckay", "ماكاي"),
            ("mcmahon", "مكماهون"),
            ("gucci", "غوتشي"),
            ("balducci", "بالدوتشي"),
            ("pinot", "بينو"),
            ("morisot", "موريسو"),
            ("talbot", "تالبوت"),
            ("dwight", "دوايت"),
            ("albright", "أولبرايت"),
            ("brighton", "برايتون"),
            // Persian and Turkic ch is چ, written ج
            ("chalabi", "جلبي"),
            // ç is s in French and Portuguese, ch or j in Turkish
            ("fayçal", "فيصل"),
            ("lourenço", "لورنسو"),
            ("gonçalves", "غونسالفيس"),
            ("koç", "كوتش"),
            ("kiliç", "كيليج"),
            // and where Arabic writes the letters after all
            ("theroux", "ثيروكس"),
            ("dufault", "دوفولت"),
            ("jentsch", "جنتيش"),
            ("nietzsche", "نيتشه"),
            // Slavic letters with a caron or an acute, and Polish digraphs
            ("šeštokas", "شيشتوكاس"),
            ("kovačević", "كوفاتشيفيتش"),
            ("prčić", "بريتشيتش"),
            ("žurić", "جوريتش"),
            ("dražen", "دراجن"),
            ("kieślowski", "كيشلوفسكي"),
            ("džeko", "جيكو"),
            ("lukasz", "لوكاش"),
            ("szczepański", "شتشيبانسكي"),
            ("szabo", "سابو"),
            ("halasz", "هالاس"),
            ("buscemi", "بوشيمي"),
            ("matthew", "ماثيو"),
            ("lascelles", "لاسيلس"),
        ] {
            let s = sim(l, a);
            assert!(s >= 0.8, "{l} ~ {a}: {s}");
        }
    }

    #[test]
    fn arabic_origin_spellings_keep_their_letters() {
        for (l, a) in [
            ("saud", "سعود"),
            ("daud", "داود"),
            ("baghdadi", "البغدادي"),
            ("younes", "يونس"),
            ("mirza", "ميرزا"),
            ("maggio", "ماجيو"),
        ] {
            let s = sim(l, a);
            assert!(s >= 0.9, "{l} ~ {a}: {s}");
        }
        // the letters are cheap to drop only across scripts
        let strict = |a: &str, b: &str| {
            let c = crate::distance::strict_costs();
            let (a, b) = (latin_units(a), latin_units(b));
            c.similarity_above(
                &crate::kernel::Seq::new(a.as_slice()),
                &crate::kernel::Seq::new(b.as_slice()),
                0.0,
            )
        };
        assert!(strict("laurent", "lauren") < 0.8);
        assert!(strict("scholz", "scholze") > 0.85);
    }
}
