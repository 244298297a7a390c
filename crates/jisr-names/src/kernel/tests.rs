//! The kernel against the straightforward dynamic programmes it replaced.

use super::*;
use crate::distance::{costs, strict_costs, weight};
use crate::phonetic::u;
use proptest::prelude::*;

/// The full weighted edit distance, as scoring computed it before the kernel.
fn reference_distance(c: &Costs, a: &[u8], b: &[u8]) -> f32 {
    let a = &a[..a.len().min(MAX_UNITS)];
    let b = &b[..b.len().min(MAX_UNITS)];
    let mut del_b = [0f32; MAX_UNITS];
    for (d, &y) in del_b.iter_mut().zip(b) {
        *d = c.del[y as usize];
    }
    let mut prev = [0f32; MAX_UNITS + 1];
    let mut cur = [0f32; MAX_UNITS + 1];
    for j in 0..b.len() {
        prev[j + 1] = prev[j] + del_b[j];
    }
    for &x in a {
        let dx = c.del[x as usize];
        let row = &c.sub[x as usize];
        cur[0] = prev[0] + dx;
        for (j, &y) in b.iter().enumerate() {
            let s = prev[j] + row[y as usize];
            let d1 = prev[j + 1] + dx;
            let d2 = cur[j] + del_b[j];
            cur[j + 1] = s.min(d1).min(d2);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn reference_similarity(c: &Costs, a: &[u8], b: &[u8]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let norm = weight(a).max(weight(b)).max(1.0);
    let d = reference_distance(c, a, b);
    (1.0 - d / norm).max(0.0)
}

fn reference_edit_distance(a: &[u8], b: &[u8]) -> u32 {
    let mut prev: Vec<u32> = (0..=b.len() as u32).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut cur = vec![i as u32 + 1];
        for (j, &y) in b.iter().enumerate() {
            let v = (prev[j] + u32::from(x != y))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
            cur.push(v);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Units drawn from a few close families, so that random pairs are often
/// near each other (as real name pairs are) and not only far apart.
fn units() -> impl Strategy<Value = Vec<u8>> {
    let close = prop_oneof![
        Just(u::A),
        Just(u::E),
        Just(u::I),
        Just(u::AA),
        Just(u::AY),
        Just(u::AW),
        Just(u::ALEF0),
        Just(u::M),
        Just(u::H),
        Just(u::D),
        Just(u::Q),
        Just(u::K),
        Just(u::TM),
    ];
    let any = 1u8..u::COUNT as u8;
    proptest::collection::vec(prop_oneof![close, any], 0..=MAX_UNITS)
}

fn check(a: &[u8], b: &[u8]) -> Result<(), TestCaseError> {
    for c in [costs(), strict_costs()] {
        let want = reference_similarity(c, a, b);
        let (sa, sb) = (Seq::new(a), Seq::new(b));
        let full = c.similarity_above(&sa, &sb, 0.0);
        prop_assert_eq!(full.to_bits(), want.to_bits(), "{:?} {:?}", a, b);
        for floor in [0.4f32, 0.5, 0.75, 0.9] {
            let got = c.similarity_above(&sa, &sb, floor);
            if got.to_bits() != want.to_bits() {
                prop_assert!(
                    got == 0.0 && want < floor,
                    "{a:?} {b:?} {floor}: {got} {want}"
                );
            }
        }
    }
    prop_assert_eq!(unit_edit_distance(a, b), reference_edit_distance(a, b));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn kernel_matches_the_reference(a in units(), b in units()) {
        check(&a, &b)?;
    }

    #[test]
    fn kernel_matches_on_near_copies(a in units(), edits in proptest::collection::vec((0usize..MAX_UNITS, 1u8..u::COUNT as u8, 0u8..3), 0..4)) {
        let mut b = a.clone();
        for (at, unit, op) in edits {
            let at = at.min(b.len());
            match op {
                0 => b.insert(at, unit),
                1 if at < b.len() => { b.remove(at); }
                _ if at < b.len() => b[at] = unit,
                _ => b.push(unit),
            }
        }
        b.truncate(MAX_UNITS);
        check(&a, &b)?;
    }
}

#[test]
fn kernel_matches_on_real_tokens() {
    use crate::phonetic::{arabic_units, latin_units};
    let latin = [
        "mahmoud",
        "mahmud",
        "tawfik",
        "toufic",
        "mohamed",
        "muhammad",
        "ali",
        "omar",
        "gamal",
        "jamal",
        "fatima",
        "mustafa",
        "osman",
        "othman",
        "alsisi",
        "abdulrahman",
        "khaled",
        "chadli",
        "scholz",
        "scholze",
        "schulze",
        "putin",
        "pudin",
        "salman",
        "hassan",
    ];
    let arabic = [
        "محمود",
        "توفيق",
        "محمد",
        "علي",
        "عمر",
        "جمال",
        "فاطمه",
        "مصطفي",
        "عثمان",
        "السيسي",
        "عبدالرحمن",
        "خالد",
        "الشاذلي",
        "سلمان",
        "حسن",
        "احمد",
        "رفيق",
        "عامر",
    ];
    let all: Vec<Vec<u8>> = latin
        .iter()
        .map(|t| latin_units(t).as_slice().to_vec())
        .chain(arabic.iter().map(|t| arabic_units(t).as_slice().to_vec()))
        .collect();
    for a in &all {
        for b in &all {
            check(a, b).unwrap();
        }
    }
}

#[test]
fn edit_distance_edges() {
    assert_eq!(unit_edit_distance(&[], &[1, 2]), 2);
    assert_eq!(unit_edit_distance(&[1, 2], &[]), 2);
    assert_eq!(unit_edit_distance(&[1, 2, 3], &[1, 2, 3]), 0);
    let long: Vec<u8> = (0..MAX_UNITS as u8).map(|k| k % 40 + 1).collect();
    assert_eq!(unit_edit_distance(&long, &long[1..]), 1);
    assert_eq!(edit_ratio(&[], &[]), 0.0);
}
