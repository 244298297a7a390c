//! A shared sound alphabet for Arabic and Latin tokens, and the coarse
//! consonant skeleton used for index keys.
//!
//! Arabic script omits short vowels and Latin spellings disagree on long ones,
//! so instead of transliterating one side and running a string metric, both
//! sides are mapped to "units" that `distance` aligns with costs knowing
//! which differences are spelling habits and which are different names.

mod latin;
mod skeleton;
pub use latin::latin_units;
pub(crate) use skeleton::{
    bare_skeleton, digraph_reading, is_mute, nisba_singular, skeleton_on_stack,
};
pub use skeleton::{second_skeleton, skeleton, somali_skeleton};

/// Longest unit sequence compared; longer tokens are truncated (names rarely are).
pub const MAX_UNITS: usize = 24;

pub(crate) mod u {
    pub const A: u8 = 1;
    pub const E: u8 = 2;
    pub const I: u8 = 3;
    pub const O: u8 = 4;
    pub const U: u8 = 5;
    /// Arabic alef (long a, or hamza seat).
    pub const AA: u8 = 6;
    /// Arabic waw: w or a long u/o.
    pub const AW: u8 = 7;
    /// Arabic ya: y or a long i/e.
    pub const AY: u8 = 8;
    pub const AIN: u8 = 9;
    pub const HAMZA: u8 = 10;
    /// Word-final ha / ta marbuta: -a, -ah, -eh, -at.
    pub const TM: u8 = 11;
    /// The alef and lam of the article al-.
    pub const A_ART: u8 = 12;
    pub const L_ART: u8 = 13;
    pub const B: u8 = 14;
    pub const P: u8 = 15;
    pub const T: u8 = 16;
    pub const TH: u8 = 17;
    pub const J: u8 = 18;
    pub const G: u8 = 19;
    pub const H: u8 = 20;
    pub const X: u8 = 21;
    pub const D: u8 = 22;
    pub const DH: u8 = 23;
    pub const R: u8 = 24;
    pub const Z: u8 = 25;
    pub const S: u8 = 26;
    pub const SH: u8 = 27;
    pub const F: u8 = 28;
    pub const V: u8 = 29;
    pub const Q: u8 = 30;
    pub const K: u8 = 31;
    pub const L: u8 = 32;
    pub const M: u8 = 33;
    pub const N: u8 = 34;
    pub const W: u8 = 35;
    pub const Y: u8 = 36;
    pub const GH: u8 = 37;
    pub const CH: u8 = 38;
    pub const ZH: u8 = 39;
    /// Word-final ya / alef maqsura (Mustafa, Musa, Isa are written with ى).
    pub const AYF: u8 = 40;
    /// A character of a script we do not map; compared by identity.
    pub const OTHER: u8 = 41;
    /// A word-initial alef: the opening vowel, which Latin spellings always write.
    pub const ALEF0: u8 = 42;
    /// Word-initial اي / او: one long opening vowel (Iman, Ilyas; Omar-like O, Ossie).
    pub const ALEF_I: u8 = 43;
    pub const ALEF_U: u8 = 44;
    /// Arabic dad: d in Arabic romanisations (Ramadan, Diaa), z in Persian,
    /// Urdu and Turkish ones (Ramazan, Zia, Raza), dh in the Gulf (Fadhil).
    pub const DAD: u8 = 45;
    /// A Latin word-final h after a vowel: either the spelling of a final
    /// -a (Fatimah, ة) or the consonant ح / ه itself (Salah, Saleh, Mamdouh).
    pub const HF: u8 = 46;
    /// Latin c before e, i, y: s in English and French, j in Turkish
    /// (Cemal, Recep), ch in Italian, th in Spanish.
    pub const CI: u8 = 47;
    /// A Latin word-final t after a vowel: t, or a d that Turkish spelling
    /// devoices (Ahmet, Mahmut, Davut for أحمد، محمود، داود).
    pub const TF: u8 = 48;
    /// Latin c elsewhere: k in most languages (Carlos), j in Turkish
    /// (Cafer, Cuma, Öcalan for جعفر، جمعة، أوجلان).
    pub const CK: u8 = 49;
    /// Latin q opening a word before i: Chinese pinyin's ch (Qin, Qiang
    /// for تشين، تشيانغ), or q.
    pub const QI: u8 = 50;
    /// The i of a French oi, which sounds wa (Benoit بينوا, François فرنسوا).
    pub const OI: u8 = 51;
    /// Latin ll between vowels: l, or Spanish y (Castilla كاستيا).
    pub const LL: u8 = 52;
    /// Letters a European spelling may leave silent where Arabic writes
    /// nothing, and other spellings pronounce: g before n or l plus i
    /// (Ignace إينياس, Pagliuca باليوكا), gh after a vowel (Naughton نوتون,
    /// but Baghdadi البغدادي), the r of a final -ier (Olivier أوليفييه, but
    /// Javier خافيير), the s of a final -es (Charles شارل, but Younes
    /// يونس), a t (Laurent لوران, but Brent برنت).
    pub const G_MUTE: u8 = 53;
    pub const GH_MUTE: u8 = 54;
    pub const R_MUTE: u8 = 55;
    pub const S_MUTE: u8 = 56;
    pub const T_MUTE: u8 = 57;
    /// Latin g before e, i or y: j in French, English and Italian (Georges
    /// جورج), g in German and Arabic romanisations (Gerhard, Gibran جبران).
    pub const GI: u8 = 58;
    /// More letters French leaves silent at a word's end (Foucault فوكو,
    /// Arnaud أرنو, Roux رو).
    pub const L_MUTE: u8 = 59;
    pub const D_MUTE: u8 = 60;
    pub const K_MUTE: u8 = 61;
    /// The t Arabic writes before a German final z (Scholz شولتس, Schulz
    /// شولتز; Heinz هاينز): not written in Latin, so nothing between two
    /// Latin spellings.
    pub const T_BEFORE_Z: u8 = 62;
    /// The د of «دج»: a d of its own in Arabic words (Abu Dujana «أبو
    /// دجانة», Dajani «الدجاني», Dijla «دجلة»), and the first letter of
    /// the two that write a foreign j (Djibouti «دجيبوتي», Bridge «بريدج»),
    /// which Latin writes as one sound.
    pub const D_BEFORE_J: u8 = 63;
    pub const COUNT: usize = 64;
}

/// A fixed-capacity unit sequence, `Copy` so parsed names need no heap per part.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Units {
    len: u8,
    buf: [u8; MAX_UNITS],
}

impl Default for Units {
    fn default() -> Self {
        Self {
            len: 0,
            buf: [0; MAX_UNITS],
        }
    }
}

impl std::fmt::Debug for Units {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

impl Units {
    /// Builds units from raw codes (truncating past `MAX_UNITS`).
    pub fn from_slice(codes: &[u8]) -> Units {
        let mut out = Units::default();
        for &x in codes {
            out.push(x);
        }
        out
    }
    pub fn as_slice(&self) -> &[u8] {
        &self.buf[..self.len as usize]
    }
    fn push(&mut self, unit: u8) {
        let n = self.len as usize;
        // doubled letters (shadda dropped, Latin "mm", "ss") say nothing about identity
        if n > 0 && self.buf[n - 1] == unit && !is_vowelish(unit) {
            return;
        }
        self.push_again(unit);
    }
    /// Pushes even a repeat of the last unit.
    fn push_again(&mut self, unit: u8) {
        let n = self.len as usize;
        if n < MAX_UNITS {
            self.buf[n] = unit;
            self.len += 1;
        }
    }
    /// Concatenation (for comparing "Abdul Rahman" with "Abdulrahman").
    pub fn concat(&self, other: &Units) -> Units {
        let mut out = *self;
        for &x in other.as_slice() {
            out.push(x);
        }
        out
    }
    pub fn first(&self) -> Option<u8> {
        self.as_slice().first().copied()
    }
    /// A debugging rendering of the unit codes.
    pub fn render(&self) -> String {
        #[rustfmt::skip]
        const NAMES: [&str; u::COUNT] = [
            "?", "a", "e", "i", "o", "u", "Ā", "W", "Y", "ʿ", "ʾ", "Ⱨ", "ᵃ", "ˡ", "b", "p", "t",
            "θ", "j", "g", "h", "x", "d", "ð", "r", "z", "s", "š", "f", "v", "q", "k", "l", "m",
            "n", "w", "y", "ɣ", "č", "ž", "Ī", "*", "ᴬ", "ᴵ", "ᵁ", "ḍ", "ʰ", "ç", "ṭ", "ċ", "ǫ",
            "ᵢ", "ł", "ᵍ", "ᵞ", "ʳ", "ˢ", "ᵗ", "ǧ", "ᴸ", "ᵈ", "ᵏ", "⁽ᵗ⁾", "⁽ᵈ⁾",
        ];
        self.as_slice()
            .iter()
            .map(|&x| NAMES.get(x as usize).copied().unwrap_or("?"))
            .collect()
    }
}

fn is_vowel(x: u8) -> bool {
    (u::A..=u::U).contains(&x)
}

fn is_vowelish(x: u8) -> bool {
    is_vowel(x) || matches!(x, u::AA | u::AW | u::AY | u::AYF | u::OI)
}

/// Units of a normalised Arabic-script token.
pub fn arabic_units(token: &str) -> Units {
    // the final waw of عمرو (Amr) is never pronounced; it only tells it from
    // عمر (Omar, Umar), whose short vowel every romanisation writes
    if token == "عمر" {
        return Units::from_slice(&[u::AIN, u::M, u::A, u::R]);
    }
    let token = if token == "عمرو" { "عمر" } else { token };
    let chars: Vec<char> = token.chars().collect();
    let mut out = Units::default();
    let n = chars.len();
    let mut i = 0;
    // the article: ال at the start of a word of at least four letters
    if n >= 4 && chars[0] == 'ا' && chars[1] == 'ل' {
        out.push(u::A_ART);
        out.push(u::L_ART);
        i = 2;
        // the lam of Allah and of sun-letter words like اللطيف stays one lam
        if chars[2] == 'ل' {
            i = 3;
        }
    }
    let word_start = i;
    while i < n {
        let c = chars[i];
        let last = i + 1 == n;
        // inside a word, ز or ظ then ه has no vowel between: every spelling
        // writes zh (أزهر Azhar, مظهر Mazhar, نزهة Nozha); a final ه is the
        // ta marbuta or a vowel (حمزة Hamza, فائزة Faiza)
        if i > word_start && matches!(c, 'ز' | 'ظ') && chars.get(i + 1) == Some(&'ه') && i + 2 < n
        {
            out.push(u::ZH);
            i += 2;
            continue;
        }
        // no word opens on a doubled consonant: an opening letter written
        // twice has a short vowel between (ممدوح Mamdouh, ممتاز Mumtaz, نني
        // Nenni), also after the article («النني» Elneny)
        if i == word_start + 1
            && c == chars[word_start]
            && !matches!(c, 'ا' | 'و' | 'ي')
            && n >= 3
            && let Some(&x) = out.as_slice().last()
        {
            out.push_again(x);
            i += 1;
            continue;
        }
        let unit = match c {
            // an initial alef only carries the opening vowel (Ibrahim, Osama, Umm);
            // with ya or waw after it, the opening vowel is long
            'ا' if i == 0 && n > 2 && chars[1] == 'ي' => {
                out.push(u::ALEF_I);
                i += 2;
                continue;
            }
            'ا' if i == 0 && n > 2 && chars[1] == 'و' => {
                out.push(u::ALEF_U);
                i += 2;
                continue;
            }
            'ا' if i == 0 => u::ALEF0,
            // foreign ch is written with two letters, and so is a foreign
            // j, whose د is also an Arabic d (see `u::D_BEFORE_J`)
            'ت' if chars.get(i + 1) == Some(&'ش') => {
                out.push(u::CH);
                i += 2;
                continue;
            }
            'د' if chars.get(i + 1) == Some(&'ج') => u::D_BEFORE_J,
            'ا' => u::AA,
            'ء' => u::HAMZA,
            'ب' => u::B,
            'پ' => u::P,
            'ت' => u::T,
            'ث' => u::TH,
            'ج' => u::J,
            'چ' => u::CH,
            'ح' => u::H,
            'خ' => u::X,
            'د' => u::D,
            'ذ' => u::DH,
            'ر' => u::R,
            'ز' => u::Z,
            'ژ' => u::ZH,
            'س' | 'ص' => u::S,
            'ش' => u::SH,
            'ض' => u::DAD,
            'ط' => u::T,
            'ظ' => u::DH,
            'ع' => u::AIN,
            'غ' => u::GH,
            'ف' => u::F,
            'ڤ' | 'ۋ' => u::V,
            // Urdu retroflexes and nun ghunna, Kurdish letters: the nearest Arabic sound
            'ٹ' => u::T,
            'ڈ' => u::D,
            'ڑ' | 'ڕ' => u::R,
            'ں' => u::N,
            'ڵ' => u::L,
            // Uyghur and Kazakh ü and ng (Tümtürk «تۈمتۈرك», Dungan «دۇڭگان»)
            'ۆ' | 'ۇ' | 'ۈ' | 'ۉ' => u::AW,
            // … and the Malay Jawi nga, nya and ga (Pengiran «ڤڠيرن», Hang
            // Tuah «هڠ تواه»)
            'ڭ' | 'ڠ' => {
                out.push(u::N);
                u::G
            }
            'ڽ' => {
                out.push(u::N);
                u::AY
            }
            'ݢ' => u::G,
            'ۏ' => u::V,
            'ێ' => u::AY,
            'ق' => u::Q,
            'ك' => u::K,
            'گ' => u::G,
            'ل' => u::L,
            'م' => u::M,
            'ن' => u::N,
            'ه' if last && n > 1 => u::TM,
            'ه' => u::H,
            'و' => u::AW,
            'ي' if last && n > 2 => u::AYF,
            'ي' => u::AY,
            _ => u::OTHER,
        };
        out.push(unit);
        i += 1;
    }
    out
}

/// Units of a token in another script: a single opaque unit; such tokens are
/// compared by their characters instead.
pub fn other_units(_token: &str) -> Units {
    let mut out = Units::default();
    out.push(u::OTHER);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::distance::similarity;

    /// Similarity of a Latin and an Arabic token, the Arabic normalised.
    pub(super) fn sim(latin: &str, arabic: &str) -> f32 {
        let arabic = crate::normalize::normalize(arabic);
        similarity(
            latin_units(latin).as_slice(),
            arabic_units(&arabic).as_slice(),
        )
    }

    #[test]
    fn cross_script_tokens_align() {
        for (l, a) in [
            ("mahmoud", "محمود"),
            ("mahmud", "محمود"),
            ("tawfik", "توفيق"),
            ("tawfiq", "توفيق"),
            ("toufic", "توفيق"),
            ("mohamed", "محمد"),
            ("muhammad", "محمد"),
            ("ali", "علي"),
            ("omar", "عمر"),
            ("gamal", "جمال"),
            ("jamal", "جمال"),
            ("fatima", "فاطمه"),
            ("mustafa", "مصطفي"),
            ("osman", "عثمان"),
            ("othman", "عثمان"),
            ("alsisi", "السيسي"),
            ("sisi", "السيسي"),
            ("abdulrahman", "عبدالرحمن"),
            ("abdurrahman", "عبدالرحمن"),
            ("khaled", "خالد"),
            ("chadli", "الشاذلي"),
        ] {
            let s = sim(l, a);
            assert!(s >= 0.75, "{l} ~ {a}: {s}");
        }
    }

    #[test]
    fn urdu_and_kurdish_letters() {
        let n = |s: &str| crate::normalize::normalize(s);
        assert!(sim("shahbaz", &n("شہباز")) > 0.8);
        assert!(sim("gurdwara", &n("گردوارا")) > 0.8);
        assert!(sim("tikka", &n("ٹکا")) > 0.75);
    }

    #[test]
    fn different_names_stay_apart() {
        for (l, a) in [("mahmoud", "احمد"), ("ali", "سلمان"), ("hassan", "محمد")] {
            let s = sim(l, a);
            assert!(s < 0.75, "{l} !~ {a}: {s}");
        }
        assert!(sim("tawfiq", "توفيق") > sim("tawfiq", "رفيق"));
        assert!(sim("omar", "عمر") > sim("omar", "عامر") + 0.05);
        assert!(sim("mahmoud", "محمود") > sim("mahmoud", "محمد"));
    }

    #[test]
    fn skeletons_meet_across_scripts() {
        assert_eq!(skeleton(latin_units("mohammed").as_slice()), "MHMD");
        assert_eq!(skeleton(arabic_units("محمد").as_slice()), "MHMD");
        assert_eq!(skeleton(latin_units("tawfiq").as_slice()), "TBK");
        assert_eq!(skeleton(arabic_units("توفيق").as_slice()), "TBK");
        assert_eq!(skeleton(latin_units("toufic").as_slice()), "TBK");
        // Turkish c is j: Cemal is جمال, as a second key
        assert_eq!(skeleton(latin_units("cemal").as_slice()), "SML");
        assert_eq!(
            second_skeleton(latin_units("cemal").as_slice(), true).as_deref(),
            Some("KML")
        );
        assert_eq!(skeleton(arabic_units("جمال").as_slice()), "KML");
        assert_eq!(second_skeleton(latin_units("kamal").as_slice(), true), None);
        assert_eq!(
            second_skeleton(latin_units("ahmet").as_slice(), true).as_deref(),
            Some("HMD")
        );
        // silent letters are left out, ض read as z
        assert_eq!(skeleton(latin_units("foucault").as_slice()), "BKLT");
        assert_eq!(
            second_skeleton(latin_units("foucault").as_slice(), true).as_deref(),
            Some("BK")
        );
        // two Arabic letters a Latin digraph writes: Fathi, Adham
        assert_eq!(skeleton(arabic_units("فتحي").as_slice()), "BTH");
        assert_eq!(
            second_skeleton(arabic_units("فتحي").as_slice(), false).as_deref(),
            Some("BT")
        );
        assert_eq!(
            second_skeleton(arabic_units("ادهم").as_slice(), false).as_deref(),
            Some("ZM")
        );
        assert_eq!(
            second_skeleton(arabic_units("سهير").as_slice(), false),
            None
        );
        // a Latin j is also the y Arabic writes ي; ج never is
        assert_eq!(
            second_skeleton(latin_units("bajraktaraj").as_slice(), true).as_deref(),
            Some("BRKTR")
        );
        assert_eq!(skeleton(arabic_units("بايراكتاراي").as_slice()), "BRKTR");
        assert_eq!(
            second_skeleton(latin_units("jan").as_slice(), true).as_deref(),
            Some("YN")
        );
        assert_eq!(second_skeleton(arabic_units("جان").as_slice(), false), None);
        assert_eq!(
            second_skeleton(arabic_units("التهامي").as_slice(), false),
            None
        );
        assert_eq!(skeleton(arabic_units("فضل").as_slice()), "BDL");
        assert_eq!(
            second_skeleton(arabic_units("فضل").as_slice(), false).as_deref(),
            Some("BZL")
        );
    }
}
