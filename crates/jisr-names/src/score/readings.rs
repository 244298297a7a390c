//! Latin letters read as a language sounds them, where the sound units read
//! them otherwise and Arabic writes them by ear: each reading is tried
//! only against an Arabic part that writes what it reads the letters as,
//! which few pairs do, and keeps a little less than the letters' own
//! reading.

use super::part::{by_script, oriented_sim};
use crate::kernel::Seq;
use crate::parse::PartKey;
use crate::phonetic::{MAX_UNITS, Units, u};

/// What a letter read as a language sounds it keeps of its similarity: a
/// little less than its own reading, so that of two Arabic spellings the
/// one with the letter's usual sound comes first (Franz «فرانز» before
/// «فرانتس», Masakazu «ماساكازو» before Masakatsu «ماساكاتسو», Carlos
/// «كارلوس» before «عارلوس»).
const SPOKEN_READING: f32 = 0.93;
/// The Russian g read as h keeps less: g is ج or ق in many more names
/// than it is a Russian h.
const RUSSIAN_G: f32 = 0.9;

/// A reading: whether it applies to a Latin part against an Arabic one,
/// and what it reads the Latin units at an index as against that Arabic
/// part (the units, and how many it consumes), `None` to keep the unit.
struct Reading {
    /// What the reading keeps of its similarity.
    keeps: f32,
    applies: fn(latin: &PartKey, arabic: &PartKey) -> bool,
    read: fn(units: &[u8], at: usize, arabic: &PartKey) -> Option<Read>,
}

/// The units a reading reads some Latin units as, and how many it reads.
type Read = (&'static [u8], usize);

fn has(k: &PartKey, x: u8) -> bool {
    k.bag & 1 << x != 0
}

/// Whether a part's units hold `x` followed by `y`.
fn writes(k: &PartKey, x: u8, y: u8) -> bool {
    has(k, x) && has(k, y) && k.units.as_slice().windows(2).any(|w| w == [x, y])
}

const READINGS: &[Reading] = &[
    // c and z as ts, «تس», as Czech, Slovak and Polish sound a c (Václav
    // «فاتسلاف», Fico «فيتسو») and German and Italian a z (Mozart
    // «موتسارت», Maurizio «ماوريتسيو»), where English, Italian and Spanish
    // read the c k and most the z z
    Reading {
        keeps: SPOKEN_READING,
        applies: |l, a| (has(l, u::CK) || has(l, u::Z)) && writes(a, u::T, u::S),
        read: |units, i, _| matches!(units[i], u::CK | u::Z).then_some((&[u::T, u::S][..], 1)),
    },
    // Dutch sch as «سخ» (Schoof «سخوف»), where the units read German sch.
    // (Dutch g as خ, tried the same way, lost as many test tokens as it
    // gained: Gomo took «خومو» from Khemu.)
    Reading {
        keeps: SPOKEN_READING,
        applies: |l, a| has(l, u::SH) && writes(a, u::S, u::X),
        read: |units, i, _| (units[i] == u::SH).then_some((&[u::S, u::X][..], 1)),
    },
    // Somali x as ح and c as ع (Xasan «حسن», Cali «علي», Maxamed Cabdi
    // «محمد عبدي»); the units read x as k with a mute s (Alexander
    // «ألكسندر»; Kurdish Xalid «خالد» meets خ that way) and c as k or s
    Reading {
        keeps: SPOKEN_READING,
        applies: |l, a| {
            (writes(l, u::K, u::S_MUTE) && has(a, u::H))
                || ((has(l, u::CK) || has(l, u::CI)) && has(a, u::AIN))
        },
        // each letter only where the Arabic part has what it reads as
        read: |units, i, a| match units[i] {
            u::K if units.get(i + 1) == Some(&u::S_MUTE) && has(a, u::H) => Some((&[u::H][..], 2)),
            u::CK | u::CI if has(a, u::AIN) => Some((&[u::AIN][..], 1)),
            _ => None,
        },
    },
    // Albanian q opening a word is a ch, «تش», as often as ق (Qosja
    // «تشوسيا»; Krasniqi «كراسنيكي»); inside a word most are Arabic ق
    // (Aqib «العاقب», not «تشيب»)
    Reading {
        keeps: SPOKEN_READING,
        applies: |l, a| l.units.first() == Some(u::Q) && has(a, u::CH),
        read: |units, i, _| (i == 0 && units[i] == u::Q).then_some((&[u::CH][..], 1)),
    },
    // Russian romanisation writes the Arabic h, which Russian lacks, as g
    // (Magomed «محمد», Gasan «حسن», Gadzhi «حاجي», Abdulgamid «عبد الحميد»);
    // most g are still g, ج or ق, which keep the lead where Arabic has
    // them (Gamar «قمر» before «هامر», Raga «راجا» before «راهه»)
    Reading {
        keeps: RUSSIAN_G,
        applies: |l, a| (has(l, u::G) || has(l, u::GI)) && has(a, u::H),
        read: |units, i, _| matches!(units[i], u::G | u::GI).then_some((&[u::H][..], 1)),
    },
    // Indonesian and Malay sy is sh (Syarif «شريف», Hasyim «هاشم»), where
    // the units read the s and the y of Syed «سيد»
    Reading {
        keeps: SPOKEN_READING,
        applies: |l, a| writes(l, u::S, u::Y) && has(a, u::SH),
        read: |units, i, _| {
            (units[i] == u::S && units.get(i + 1) == Some(&u::Y)).then_some((&[u::SH][..], 2))
        },
    },
];

/// Across scripts, the best similarity of the pair with the Latin part
/// read by one of the languages' readings that apply; 0 when none does.
#[inline]
pub(super) fn spoken_sim(a: &PartKey, b: &PartKey, floor: f32) -> f32 {
    let (arabic, latin) = by_script(a, b);
    let mut best = 0f32;
    for reading in READINGS {
        if !(reading.applies)(latin, arabic) {
            continue;
        }
        let units = latin.units.as_slice();
        let mut buf = [0u8; 2 * MAX_UNITS];
        let (mut n, mut i) = (0, 0);
        while i < units.len() {
            let (read, step) = (reading.read)(units, i, arabic).unwrap_or((&units[i..=i], 1));
            for &y in read {
                buf[n] = y;
                n += 1;
            }
            i += step;
        }
        // as units are built, a doubled consonant once
        let read = Units::from_slice(&buf[..n]);
        let floor = floor.max(best) / reading.keeps;
        best = best
            .max(reading.keeps * oriented_sim(a, &arabic.seq(), &Seq::new(read.as_slice()), floor));
    }
    best
}
