//! How near a listed key is to a query's: their edit distance over skeleton
//! letters, each difference priced at the cheapest the scorer allows between
//! the sounds the two letters stand for (s and ز, j and خ, an h left out).
//! A near key that a spelling habit explains then ranks its entries above
//! one that differs in an unrelated letter, though both are one edit away.
//! The same prices choose which letters a query's key may be read with
//! swapped (`habit_swaps`), to reach one letter further than deletions do.

use crate::distance::costs;
use crate::phonetic::{is_mute, skeleton, u};
use std::sync::OnceLock;

/// The letters a skeleton key is written in.
const LETTERS: &[u8] = b"WYBTDZKSHRLMN*";
const N: usize = LETTERS.len();
/// Keys are compared on at most this many letters.
const MAX_KEY: usize = 24;
/// A class index that no letter has: characters outside the skeleton
/// alphabet (the prefixes of second-reading and alias keys) are skipped.
const NONE: u8 = u8::MAX;
/// The dearest letter swap [`habit_swaps`] makes.
const SWAP_AT_MOST: f32 = 0.3;

struct KeyCosts {
    class: [u8; 128],
    sub: [[f32; N]; N],
    del: [f32; N],
}

fn key_costs() -> &'static KeyCosts {
    static COSTS: OnceLock<KeyCosts> = OnceLock::new();
    COSTS.get_or_init(|| {
        let mut class = [NONE; 128];
        for (i, &c) in LETTERS.iter().enumerate() {
            class[c as usize] = i as u8;
        }
        // the sounds each letter stands for; silent letters and the
        // article are keyed by rules of their own, so they price nothing
        let mut members: Vec<Vec<u8>> = vec![Vec::new(); N];
        for x in 1..u::COUNT as u8 {
            if is_mute(x) || x == u::L_ART || x == u::A_ART {
                continue;
            }
            // a letter inside a word, and as a word's first (w, y)
            for reading in [skeleton(&[u::A, x, u::A]), skeleton(&[x, u::A])] {
                let k = reading
                    .bytes()
                    .next()
                    .map_or(NONE, |c| class[c as usize & 127]);
                if let Some(m) = members.get_mut(k as usize)
                    && !m.contains(&x)
                {
                    m.push(x);
                }
            }
        }
        let c = costs();
        let mut sub = [[1.0f32; N]; N];
        let mut del = [1.0f32; N];
        for (i, xs) in members.iter().enumerate() {
            for &x in xs {
                del[i] = del[i].min(c.del[x as usize]);
                for (j, ys) in members.iter().enumerate() {
                    for &y in ys {
                        sub[i][j] = sub[i][j].min(c.sub[x as usize][y as usize]);
                    }
                }
            }
            sub[i][i] = 0.0;
        }
        KeyCosts { class, sub, del }
    })
}

/// The letters of a key as class indices, and how many there are.
fn classes(costs: &KeyCosts, key: &str) -> ([u8; MAX_KEY], usize) {
    let mut out = [0u8; MAX_KEY];
    let mut n = 0;
    for b in key.bytes() {
        let k = costs.class[b as usize & 127];
        if k != NONE && b < 128 && n < MAX_KEY {
            out[n] = k;
            n += 1;
        }
    }
    (out, n)
}

/// The key with one letter swapped for another that a spelling habit
/// writes for it (KZN for KSN: s written ز), for each letter and habit.
pub(super) fn habit_swaps(key: &str, out: &mut Vec<String>) {
    let k = key_costs();
    if !key.is_ascii() || key.is_empty() {
        return;
    }
    let bytes = key.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let x = k.class[b as usize & 127];
        let Some(row) = k.sub.get(x as usize) else {
            continue;
        };
        for (y, &c) in row.iter().enumerate() {
            if y != x as usize && c <= SWAP_AT_MOST {
                let mut v = bytes.to_vec();
                v[i] = LETTERS[y];
                out.extend(String::from_utf8(v).ok());
            }
        }
    }
}

/// The key of a compound part without the article inside it, when it has
/// one after its first unit: «وحيد الدين» (WHDLDN) is Vahdettin (BHDN, a
/// habit swap from WHDN), as Turkish and Persian spellings leave the
/// article out. Listed parts are posted under it too, and a query's part
/// looks near it, so one such spelling meets the other across scripts.
pub(super) fn without_inner_article(units: &[u8]) -> Option<String> {
    if !units.iter().skip(1).any(|&x| x == u::A_ART) {
        return None;
    }
    crate::phonetic::bare_skeleton(units).filter(|b| b.len() >= 3)
}

/// The cheapest edit distance between two skeleton keys.
pub(super) fn key_distance(a: &str, b: &str) -> f32 {
    let k = key_costs();
    let (a, na) = classes(k, a);
    let (b, nb) = classes(k, b);
    let (a, b) = (&a[..na], &b[..nb]);
    let mut prev = [0f32; MAX_KEY + 1];
    let mut cur = [0f32; MAX_KEY + 1];
    for (j, &y) in b.iter().enumerate() {
        prev[j + 1] = prev[j] + k.del[y as usize];
    }
    for &x in a {
        let (x, dx) = (x as usize, k.del[x as usize]);
        cur[0] = prev[0] + dx;
        for (j, &y) in b.iter().enumerate() {
            let y = y as usize;
            let s = prev[j] + k.sub[x][y];
            cur[j + 1] = s.min(prev[j + 1] + dx).min(cur[j] + k.del[y]);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[nb]
}

#[cfg(test)]
mod tests {
    use super::{habit_swaps, key_distance};

    #[test]
    fn habits_are_nearer_than_other_letters() {
        // Josiane «جوزيان»: an s between vowels written ز
        assert!(key_distance("KSN", "KZN") < key_distance("KSN", "KRN"));
        // Juanmi «خوانمي»
        assert!(key_distance("KNM", "HNM") < key_distance("KNM", "BNM"));
        // an h left out, against an r left out
        assert!(key_distance("MHMD", "MMD") < key_distance("MRMD", "MMD"));
        assert_eq!(key_distance("KSN", "KSN"), 0.0);
        assert_eq!(key_distance("KSN", "KRN"), 1.0);
        // prefixes of other key kinds are not letters
        assert_eq!(key_distance("tKSN", "KSN"), 0.0);
    }

    #[test]
    fn swaps_are_the_habits_only() {
        let mut out = Vec::new();
        habit_swaps("KSN", &mut out);
        assert!(out.iter().any(|v| v == "KZN"));
        assert!(out.iter().any(|v| v == "HSN"));
        assert!(!out.iter().any(|v| v == "KRN" || v == "KSM"));
        // a one-letter key too: Isaiah (S) is «أيزاياه» (Z)
        out.clear();
        habit_swaps("S", &mut out);
        assert!(out.iter().any(|v| v == "Z"));
        assert!(!out.iter().any(|v| v == "R" || v == "M"));
    }
}
