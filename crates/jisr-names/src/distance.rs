//! The alignment costs between sound units and the weighted edit distance
//! over them: which differences between two spellings are habits (a missing
//! short vowel, q/k, th/s, the article's lam) and which are different names.

use crate::phonetic::{MAX_UNITS, u};
use std::sync::OnceLock;

struct Costs {
    sub: [[f32; u::COUNT]; u::COUNT],
    del: [f32; u::COUNT],
    weight: [f32; u::COUNT],
}

fn costs() -> &'static Costs {
    static COSTS: OnceLock<Costs> = OnceLock::new();
    COSTS.get_or_init(|| build_costs(false))
}

/// Costs for two Latin spellings: both sides write their vowels, so a vowel
/// that differs is real evidence (Joana/Jenna), unlike across scripts.
fn strict_costs() -> &'static Costs {
    static COSTS: OnceLock<Costs> = OnceLock::new();
    COSTS.get_or_init(|| build_costs(true))
}

fn build_costs(strict: bool) -> Costs {
    use u::*;
    let mut sub = [[1.0f32; COUNT]; COUNT];
    for (k, row) in sub.iter_mut().enumerate() {
        row[k] = 0.0;
    }
    // the OTHER unit is never equal to itself: unknown letters prove nothing
    sub[OTHER as usize][OTHER as usize] = 0.5;
    let mut set = |a: u8, b: u8, c: f32| {
        sub[a as usize][b as usize] = c;
        sub[b as usize][a as usize] = c;
    };
    // vowels among themselves: Latin spellings of the same vowel vary a lot
    let vowels = [A, E, I, O, U];
    for &x in &vowels {
        for &y in &vowels {
            if x != y {
                set(x, y, 0.35);
            }
        }
    }
    set(A, E, 0.12);
    set(E, I, 0.12);
    set(O, U, 0.1);
    set(A, O, 0.25);
    // Arabic letters that are (also) vowels
    for &x in &vowels {
        set(AA, x, 0.25);
        set(A_ART, x, 0.05);
        set(AIN, x, 0.1);
        set(HAMZA, x, 0.05);
        set(AW, x, 0.35);
        set(AY, x, 0.35);
        set(AYF, x, 0.3);
        set(TM, x, 0.3);
    }
    for (x, c) in [(A, 0.0), (E, 0.05), (I, 0.1), (O, 0.1), (U, 0.1)] {
        set(ALEF0, x, c);
    }
    set(ALEF0, AA, 0.0);
    for (x, c) in [
        (I, 0.0),
        (E, 0.0),
        (Y, 0.1),
        (A, 0.15),
        (O, 0.35),
        (U, 0.35),
        (AY, 0.0),
        (ALEF0, 0.1),
    ] {
        set(ALEF_I, x, c);
    }
    for (x, c) in [
        (O, 0.0),
        (U, 0.0),
        (W, 0.2),
        (A, 0.15),
        (E, 0.35),
        (I, 0.35),
        (AW, 0.0),
        (ALEF0, 0.1),
    ] {
        set(ALEF_U, x, c);
    }
    set(ALEF0, HAMZA, 0.0);
    set(ALEF0, AIN, 0.2);
    set(ALEF0, A_ART, 0.0);
    set(AA, A, 0.0);
    set(AA, E, 0.1);
    set(AA, O, 0.3);
    set(AW, U, 0.0);
    set(AW, O, 0.05);
    set(AW, W, 0.0);
    set(AW, V, 0.2);
    set(AY, I, 0.0);
    set(AY, E, 0.05);
    set(AY, Y, 0.0);
    set(AY, J, 0.3);
    set(AYF, I, 0.0);
    set(AYF, E, 0.0);
    set(AYF, Y, 0.0);
    set(AYF, A, 0.05);
    set(AYF, AY, 0.0);
    set(AYF, AA, 0.1);
    set(TM, A, 0.0);
    set(TM, E, 0.05);
    set(TM, H, 0.0);
    set(TM, T, 0.3);
    set(L_ART, L, 0.0);
    set(A_ART, AA, 0.0);
    set(AIN, AA, 0.2);
    set(HAMZA, AA, 0.1);
    set(AIN, HAMZA, 0.1);
    set(AIN, GH, 0.5);
    // consonants that scripts and dialects render differently
    set(T, TH, 0.3);
    set(S, TH, 0.3);
    set(D, DH, 0.3);
    set(Z, DH, 0.2);
    // Spanish and Greek z are written ث
    set(Z, TH, 0.4);
    set(Z, ZH, 0.3);
    set(S, SH, 0.45);
    set(SH, CH, 0.1);
    set(CH, K, 0.4);
    set(CH, X, 0.3);
    set(Q, K, 0.15);
    set(Q, G, 0.25);
    set(K, G, 0.35);
    set(G, J, 0.2);
    set(J, ZH, 0.2);
    set(J, Y, 0.4);
    set(G, GH, 0.2);
    set(GH, Q, 0.4);
    set(GH, X, 0.5);
    set(H, X, 0.3);
    set(X, K, 0.3);
    set(B, P, 0.1);
    set(F, V, 0.1);
    set(W, V, 0.2);
    // German w and Spanish j as Arabic writes them (Wagner فاغنر, Jaime خايمي)
    set(W, F, 0.35);
    set(J, X, 0.4);
    set(J, H, 0.5);
    set(F, P, 0.4);
    set(B, V, 0.4);
    set(S, Z, 0.4);
    set(W, U, 0.2);
    set(W, O, 0.3);
    set(Y, I, 0.1);
    set(Y, E, 0.3);

    let mut del = [1.0f32; COUNT];
    let mut weight = [1.0f32; COUNT];
    for &x in &vowels {
        del[x as usize] = 0.12;
        weight[x as usize] = 0.25;
    }
    for (x, d, w) in [
        (AA, 0.45, 0.5),
        (ALEF0, 0.35, 0.3),
        (ALEF_I, 0.4, 0.4),
        (ALEF_U, 0.4, 0.4),
        (AW, 0.35, 0.5),
        (AY, 0.35, 0.5),
        (AYF, 0.3, 0.5),
        (AIN, 0.12, 0.5),
        (HAMZA, 0.05, 0.1),
        (TM, 0.1, 0.3),
        (A_ART, 0.05, 0.1),
        (L_ART, 0.1, 0.2),
        (H, 0.45, 1.0),
        (W, 0.4, 0.6),
        (Y, 0.35, 0.6),
    ] {
        del[x as usize] = d;
        weight[x as usize] = w;
    }
    if strict {
        for &x in &vowels {
            del[x as usize] *= 2.0;
            for &y in &vowels {
                sub[x as usize][y as usize] *= 2.0;
            }
        }
    }
    Costs { sub, del, weight }
}

/// The cost of substituting one unit for another.
pub fn sub_cost(a: u8, b: u8) -> f32 {
    let c = costs();
    c.sub
        .get(a as usize)
        .and_then(|r| r.get(b as usize))
        .copied()
        .unwrap_or(1.0)
}

/// Total information weight of a unit sequence (used to normalise distances).
pub fn weight(a: &[u8]) -> f32 {
    let c = costs();
    a.iter().map(|&x| c.weight[x as usize]).sum()
}

fn distance_with(c: &Costs, a: &[u8], b: &[u8]) -> f32 {
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

/// Similarity in [0, 1] of two unit sequences.
pub fn similarity(a: &[u8], b: &[u8]) -> f32 {
    similarity_with(costs(), a, b)
}

/// Similarity of two same-script (Latin) spellings, where vowels count.
pub fn similarity_strict(a: &[u8], b: &[u8]) -> f32 {
    similarity_with(strict_costs(), a, b)
}

fn similarity_with(c: &Costs, a: &[u8], b: &[u8]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let norm = weight(a).max(weight(b)).max(1.0);
    let d = distance_with(c, a, b);
    (1.0 - d / norm).max(0.0)
}

/// Plain edit-distance ratio over units, for same-script typos (Putin/Pudin)
/// that the sound costs rate as different consonants.
pub fn edit_ratio(a: &[u8], b: &[u8]) -> f32 {
    let a = &a[..a.len().min(MAX_UNITS)];
    let b = &b[..b.len().min(MAX_UNITS)];
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 0.0;
    }
    let mut prev = [0u8; MAX_UNITS + 1];
    let mut cur = [0u8; MAX_UNITS + 1];
    for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *p = j as u8;
    }
    for (i, &x) in a.iter().enumerate() {
        cur[0] = i as u8 + 1;
        for (j, &y) in b.iter().enumerate() {
            let sub = prev[j] + u8::from(x != y);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    1.0 - f32::from(prev[b.len()]) / longest as f32
}
