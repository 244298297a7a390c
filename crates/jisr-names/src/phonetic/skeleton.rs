//! The consonant skeletons of a token's units, the coarse keys that
//! candidates are found by, in each reading an orthography gives them.

use super::{Units, u};

/// The coarse consonant skeleton used as a candidate key: vowels, weak letters
/// and medial w/y dropped, close consonants merged, doubles collapsed.
pub fn skeleton(units: &[u8]) -> String {
    skeleton_reading(units, false, false)
}

/// The skeleton of a part as another orthography reads it, when that
/// differs: Turkish, where c before e, i or y is j (Cemal for جمال) and a
/// final t after a vowel a devoiced d (Ahmet for أحمد); French and the
/// others that leave letters silent (Foucault for فوكو); Persian and Urdu,
/// where ض is z (Fazlullah for «فضل الله»); a Latin digraph for two Arabic
/// letters (Fathi for فتحي, see [`digraph_reading`]). A second candidate
/// key, since the usual one reads c as s, t as t (Vincent for فنسنت, Janet
/// for جانيت), keeps every written letter (Baghdadi for البغدادي) and ض as
/// d, as Arabic romanisations write it (Ramadan). A Latin j is also read
/// as the y of Slavic, Nordic, Dutch and Albanian spellings, which Arabic
/// writes ي (Bajraktaraj «بايراكتاراي», Bjørnstjerne «بيورنستيارنه»);
/// `latin` says the units are a Latin spelling's, since ج is never y.
pub fn second_skeleton(units: &[u8], latin: bool) -> Option<String> {
    if let Some(joined) = digraph_reading(units) {
        return Some(skeleton_reading(joined.as_slice(), true, false));
    }
    let j_as_y = latin && units.contains(&u::J);
    (j_as_y
        || units
            .iter()
            .any(|&x| matches!(x, u::CI | u::TF | u::DAD | u::D_BEFORE_J) || is_mute(x)))
    .then(|| skeleton_reading(units, true, j_as_y))
}

/// The skeleton of a Latin part read by Somali spelling, where c is ع,
/// which skeletons leave out, and x is ح (Cumar «عمر», Cabdi Xasan «عبدي
/// حسن»), when it has a c as Somali writes one: before a vowel, opening
/// the word or after a vowel (Cali, Saciid; not Vincent, Marcel);
/// `None` otherwise. A reading of its own, since the second reads c as
/// the Turkish j (Cemal «جمال»).
pub fn somali_skeleton(units: &[u8]) -> Option<String> {
    let is_vowel = |x: Option<&u8>| matches!(x, Some(&(u::A | u::E | u::I | u::O | u::U)));
    let somali_c = (0..units.len()).any(|i| {
        matches!(units[i], u::CK | u::CI)
            && is_vowel(units.get(i + 1))
            && (i == 0 || is_vowel(units.get(i - 1)))
    });
    if !somali_c {
        return None;
    }
    let kept: Vec<u8> = units
        .iter()
        .copied()
        .filter(|&x| x != u::CK && x != u::CI)
        .collect();
    let s = skeleton_reading(&kept, true, false);
    (!s.is_empty()).then_some(s)
}

/// The skeleton of a part without its article and the letters some
/// spellings leave silent, and with ذ and ظ and the د of «دج» as d, when
/// it has any of them:
/// what a spelling that drops them writes (Sadat for «السادات», Badreddine
/// for «بدر الدين», «جاك» for Jacques, Gaddafi and Kadim for «القذافي» and
/// «كاظم»). Exact blocking keys need it; the index reaches these through
/// its near keys.
pub(crate) fn bare_skeleton(units: &[u8]) -> Option<String> {
    let dropped = |x: u8| x == u::A_ART || x == u::L_ART || is_mute(x);
    if !units
        .iter()
        .any(|&x| dropped(x) || x == u::DH || x == u::D_BEFORE_J)
    {
        return None;
    }
    // the د of «دج» as a d of its own, as the second reading has it
    // (Dajani «الدجاني»)
    let kept: Vec<u8> = units
        .iter()
        .filter(|&&x| !dropped(x))
        .map(|&x| match x {
            u::DH | u::D_BEFORE_J => u::D,
            x => x,
        })
        .collect();
    Some(skeleton(Units::from_slice(&kept).as_slice()))
}

/// The singular of a word that may be a plural nisba, the name of a
/// group by its members (the Houthis «الحوثيون», «الحوثيين»; the Salafists
/// «السلفيون»; the Alawites «العلويون»): Arabic ends it in -iyyun or
/// -iyyin, which the singular's final ya replaces; English in -is, -ists
/// or -ites, which the singular's i ends. `None` for other words.
pub(crate) fn nisba_singular(units: &[u8], latin: bool) -> Option<Units> {
    let stem = if latin {
        match units {
            [stem @ .., u::I, u::S, u::T, u::S | u::S_MUTE]
            | [stem @ .., u::I, u::T, u::E, u::S | u::S_MUTE]
            | [stem @ .., u::I, u::S | u::S_MUTE] => {
                Units::from_slice(stem).concat(&Units::from_slice(&[u::I]))
            }
            _ => return None,
        }
    } else {
        match units {
            [stem @ .., u::AY, u::AW | u::AY, u::N] if stem.len() >= 2 => {
                Units::from_slice(stem).concat(&Units::from_slice(&[u::AYF]))
            }
            _ => return None,
        }
    };
    (stem.as_slice().len() >= 3).then_some(stem)
}

/// The unit a Latin digraph writes for an Arabic letter and the ح or ه
/// after it.
fn digraph_of(first: u8) -> Option<u8> {
    match first {
        u::T => Some(u::TH),
        u::D => Some(u::DH),
        u::S => Some(u::SH),
        u::K => Some(u::X),
        _ => None,
    }
}

/// Arabic letter pairs that Latin spellings write as one digraph: ت with ح
/// or ه as th (فتحي Fathi, Coulthard كولتهارد), د with ه or ح as dh (أدهم
/// Adham, مادهوري Madhuri), س as sh (إسحاق Ishaq), ك as kh (لوكهيد
/// Lockheed). The units with each pair read as its digraph, when a pair
/// occurs; the letters apart are the other reading (Ibtihal ابتهال). A
/// word's first letter always has a vowel after it (Suhair سهير).
pub(crate) fn digraph_reading(units: &[u8]) -> Option<Units> {
    let start = if units.first() == Some(&u::A_ART) {
        3
    } else {
        1
    };
    let pair_at = |k: usize| k >= start && units.get(k + 1) == Some(&u::H);
    if !(start..units.len()).any(|k| pair_at(k) && digraph_of(units[k]).is_some()) {
        return None;
    }
    let mut out = Units::default();
    let mut k = 0;
    while k < units.len() {
        match digraph_of(units[k]) {
            Some(d) if pair_at(k) => {
                out.push(d);
                k += 2;
            }
            _ => {
                out.push(units[k]);
                k += 1;
            }
        }
    }
    Some(out)
}

/// Letters that some spellings leave silent.
pub(crate) fn is_mute(x: u8) -> bool {
    use u::*;
    matches!(
        x,
        G_MUTE | GH_MUTE | R_MUTE | S_MUTE | T_MUTE | L_MUTE | D_MUTE | K_MUTE | T_BEFORE_Z
    )
}

/// `second`: read a Latin c before e, i or y as k, a final t after a vowel
/// as d, ض as z and the د of «دج» as a d, and leave out letters that may
/// be silent; `j_as_y`:
/// read a j as y (kept as a word's first letter, left out inside it).
fn skeleton_reading(units: &[u8], second: bool, j_as_y: bool) -> String {
    let mut s = String::with_capacity(units.len());
    read_skeleton(units, second, j_as_y, |ch| {
        if !s.ends_with(ch) {
            s.push(ch);
        }
    });
    s
}

/// A skeleton kept on the stack, for the one every part's key needs
/// (`skeleton` would allocate a string for each part of every name).
pub(crate) struct Skel {
    len: u8,
    buf: [u8; super::MAX_UNITS],
}

impl Skel {
    pub(crate) fn as_str(&self) -> &str {
        // ASCII capitals and * only
        std::str::from_utf8(&self.buf[..usize::from(self.len)]).unwrap_or_default()
    }
}

/// [`skeleton`] without allocating.
pub(crate) fn skeleton_on_stack(units: &[u8]) -> Skel {
    let mut s = Skel {
        len: 0,
        buf: [0; super::MAX_UNITS],
    };
    read_skeleton(units, false, false, |ch| {
        let len = usize::from(s.len);
        // a letter a unit at most, and MAX_UNITS units
        if len < s.buf.len() && (len == 0 || s.buf[len - 1] != ch as u8) {
            s.buf[len] = ch as u8;
            s.len += 1;
        }
    });
    s
}

/// Gives each letter of the skeleton to `push`, which leaves out a letter
/// repeating the one before.
fn read_skeleton(units: &[u8], second: bool, j_as_y: bool, mut push: impl FnMut(char)) {
    use u::*;
    let n = units.len();
    for (k, &x) in units.iter().enumerate() {
        let ch = match x {
            AW | W if k == 0 => 'W',
            AY | Y if k == 0 => 'Y',
            // an x, k with a mute s, as the Kurdish خ and the Somali ح
            // (Xalid «خالد», Xasan «حسن»), the Somali one silent at the
            // end as a final ح is (Faarax «فارح»)
            K if second && units.get(k + 1) == Some(&S_MUTE) && k + 2 == n => continue,
            K if second && units.get(k + 1) == Some(&S_MUTE) => 'H',
            x if second && is_mute(x) => continue,
            J if j_as_y && k == 0 => 'Y',
            J if j_as_y => continue,
            // Arabic has no p or v: ب and ف stand for both, so the key merges the labials
            B | P | F | V => 'B',
            TF if second => 'D',
            T | TH | TF | T_MUTE | T_BEFORE_Z => 'T',
            DAD if second => 'Z',
            // first keyed as the one sound of a foreign j (Bridge
            // «بريدج»), then as a d of its own (Dujana «دجانة»)
            D_BEFORE_J if second => 'D',
            D_BEFORE_J => continue,
            D | DAD | D_MUTE => 'D',
            DH | Z | ZH => 'Z',
            J | G | Q | K | GH | CK | GI | G_MUTE | GH_MUTE | K_MUTE => 'K',
            CI if second => 'K',
            S | SH | CH | QI | CI | S_MUTE => 'S',
            H if k + 1 == n => continue,
            H | X => 'H',
            R | R_MUTE => 'R',
            L | LL | L_MUTE => 'L',
            M => 'M',
            N => 'N',
            L_ART => 'L',
            OTHER => '*',
            _ => continue,
        };
        push(ch);
    }
}

#[cfg(test)]
mod tests {
    use super::{skeleton, skeleton_on_stack};
    use crate::phonetic::{MAX_UNITS, u};

    proptest::proptest! {
        #[test]
        fn the_skeleton_on_the_stack_is_the_skeleton(
            units in proptest::collection::vec(0..u::COUNT as u8, 0..=MAX_UNITS)
        ) {
            let on_stack = skeleton_on_stack(&units);
            proptest::prop_assert_eq!(on_stack.as_str(), skeleton(&units));
        }
    }
}
