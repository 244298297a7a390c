//! The alignment costs between sound units and the weighted edit distance
//! over them: which differences between two spellings are habits (a missing
//! short vowel, q/k, th/s, the article's lam) and which are different names.

use crate::phonetic::u;
use std::sync::OnceLock;

/// Table width: a power of two above `u::COUNT`, so a unit masked with 63
/// indexes a table without a bounds check.
pub(crate) const ALPHA: usize = 64;

pub(crate) struct Costs {
    pub(crate) sub: [[f32; ALPHA]; ALPHA],
    pub(crate) del: [f32; ALPHA],
    weight: [f32; ALPHA],
    /// `weight`, with letters that may be silent counted as their letter.
    spelled: [f32; ALPHA],
    /// For each unit, its cheapest substitution costs as nested sets: the
    /// units costing at most each of the first distinct costs, then a cost
    /// below which nothing else goes (for the kernel's lower bounds).
    pub(crate) tiers: [[(u64, f32); TIERS]; ALPHA],
}

/// Cost tiers kept per unit: enough to be exact for the usual near pairs.
pub(crate) const TIERS: usize = 4;

pub(crate) fn costs() -> &'static Costs {
    static COSTS: OnceLock<Costs> = OnceLock::new();
    COSTS.get_or_init(|| build_costs(false))
}

/// Costs for two Latin spellings: both sides write their vowels, so a vowel
/// that differs is real evidence (Joana/Jenna), unlike across scripts.
pub(crate) fn strict_costs() -> &'static Costs {
    static COSTS: OnceLock<Costs> = OnceLock::new();
    COSTS.get_or_init(|| build_costs(true))
}

fn build_costs(strict: bool) -> Costs {
    use u::*;
    let mut sub = [[1.0f32; ALPHA]; ALPHA];
    for (k, row) in sub.iter_mut().enumerate() {
        row[k] = 0.0;
    }
    // the OTHER unit is never equal to itself: unknown letters prove nothing
    sub[OTHER as usize][OTHER as usize] = 0.5;
    let mut set = |a: u8, b: u8, c: f32| {
        sub[a as usize][b as usize] = c;
        sub[b as usize][a as usize] = c;
    };
    // Across scripts a letter pair is as near as Arabic's habits for
    // European names make it (fitted on the training splits' token
    // retrieval); within one script the spelling tells the letters apart.
    let across = |within: f32, between: f32| if strict { within } else { between };
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
    // a European e is written ي or left out, seldom ا
    set(AA, E, across(0.1, 0.2));
    set(AA, O, 0.3);
    set(AW, U, 0.0);
    set(AW, O, across(0.05, 0.0));
    set(AW, W, 0.0);
    set(AW, V, 0.2);
    set(AY, I, 0.0);
    set(AY, E, 0.05);
    set(AY, Y, 0.0);
    // German, Dutch and Slavic j is ي (Jan «يان», Josef «يوزف»)
    set(AY, J, across(0.3, 0.2));
    // … as a word's last letter too (Andrzej «أندجي», Sergej «سيرغي»)
    set(AYF, J, across(1.0, 0.25));
    set(AYF, I, 0.0);
    set(AYF, E, 0.0);
    set(AYF, Y, 0.0);
    set(AYF, A, 0.05);
    set(AYF, AY, 0.0);
    set(AYF, AA, 0.1);
    set(TM, A, 0.0);
    set(TM, E, 0.05);
    set(TM, H, 0.0);
    // ة is t in construct (Hay'at, Jabhat) and in the Persian, Urdu,
    // Turkish and Malay forms of Arabic names (Rahmatullah, Hidayat)
    set(TM, T, 0.2);
    set(HF, TM, 0.0);
    set(HF, H, 0.0);
    set(HF, X, 0.3);
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
    set(Z, DH, across(0.2, 0.1));
    // ذ is th in Gulf spellings (Muath, Thiab) as ث is everywhere
    set(TH, DH, 0.25);
    set(DAD, D, 0.0);
    set(DAD, DH, 0.1);
    set(DAD, Z, 0.2);
    set(CI, S, 0.05);
    set(CI, J, 0.3);
    set(CI, CH, 0.2);
    set(CI, TH, 0.3);
    set(CI, SH, 0.35);
    set(TF, T, 0.0);
    set(TF, D, 0.3);
    set(TF, TH, 0.3);
    // … and French -et is «ـيه» (Monet «مونيه», Bizet «بيزيه»)
    set(TF, TM, 0.1);
    // Spanish and Greek z are written ث
    set(Z, TH, 0.4);
    set(Z, ZH, 0.3);
    // Polish rz after a voiceless consonant, which Arabic writes ش
    // (Krzysztof كشيشتوف)
    set(ZH, SH, across(1.0, 0.35));
    // German st, sp and Hungarian and Portuguese s are ش (Stefan «شتيفان»)
    set(S, SH, across(0.45, 0.3));
    set(SH, CH, 0.1);
    // Italian ch is ك (Michele «ميكيلي»)
    set(CH, K, across(0.4, 0.3));
    // pinyin zh and q are ch (Zhou تشو, Qin تشين)
    set(ZH, CH, 0.25);
    set(QI, CH, 0.05);
    set(QI, Q, 0.2);
    set(QI, K, 0.3);
    set(CH, X, 0.3);
    // Hebrew ch is ח, which Arabic writes ح (Menachem مناحم, Chaim حاييم)
    set(CH, H, 0.4);
    // Persian and Turkic چ, which Arabic writes ج (Chalabi الجلبي, Chagatai)
    set(CH, J, 0.4);
    set(Q, K, 0.15);
    set(Q, G, across(0.25, 0.15));
    set(K, G, across(0.35, 0.45));
    set(G, J, 0.2);
    set(J, ZH, 0.2);
    set(J, Y, 0.4);
    // g is غ in Arabic spellings of European names (Greta «غريتا»)
    set(G, GH, across(0.2, 0.1));
    set(GH, Q, 0.4);
    set(GH, X, 0.5);
    set(H, X, across(0.3, 0.4));
    set(X, K, 0.3);
    // Arabic has no p, v or German w of its own: ب and ف write them
    set(B, P, across(0.1, 0.05));
    set(F, V, across(0.1, 0.05));
    set(W, V, 0.2);
    // German w and Spanish j as Arabic writes them (Wagner فاغنر, Jaime خايمي)
    set(W, F, across(0.35, 0.25));
    set(J, X, across(0.4, 0.3));
    set(J, H, 0.5);
    set(F, P, 0.4);
    set(B, V, 0.4);
    // Arabic writes a European s between vowels as ز as well as س (Caselli
    // كازيلي, Rosa روزا, Jose جوزيه); within one script they are two letters
    set(S, Z, across(0.4, 0.25));
    set(W, U, 0.2);
    set(W, O, 0.3);
    set(Y, I, 0.1);
    set(Y, E, 0.3);
    // Latin c is k, as far as anything but j is concerned
    alias(&mut sub, CK, K);
    sub[CK as usize][J as usize] = 0.3;
    sub[J as usize][CK as usize] = 0.3;

    let mut del = [1.0f32; ALPHA];
    // a part's weight, which normalises its distances, is always read from
    // the cross-script table (`weight`), so it is one value for both
    let mut weight = [1.0f32; ALPHA];
    for &x in &vowels {
        del[x as usize] = 0.12;
        weight[x as usize] = 0.25;
    }
    for (x, d, w) in [
        // a long a that one spelling marks and the other does not
        (AA, across(0.45, 0.4), 0.4),
        (ALEF0, 0.35, 0.3),
        (ALEF_I, 0.4, 0.4),
        (ALEF_U, 0.4, 0.4),
        (AW, 0.35, 0.5),
        (AY, 0.35, 0.5),
        (AYF, 0.3, 0.4),
        (AIN, 0.12, 0.5),
        (HAMZA, 0.05, 0.1),
        (HF, 0.05, 0.1),
        // a ta marbuta no Latin spelling writes makes a feminine name (Saida)
        (TM, across(0.1, 0.2), 0.3),
        (A_ART, 0.05, 0.1),
        (L_ART, 0.1, 0.2),
        // an h one spelling writes and the other leaves out
        (H, across(0.45, 0.35), 1.0),
        (W, across(0.4, 0.5), 0.6),
        (Y, 0.35, 0.6),
    ] {
        del[x as usize] = d;
        weight[x as usize] = w;
    }
    // letters a European spelling may leave silent: their own letter where
    // the other side has it, cheap to drop where it has not; two Latin
    // spellings of one name both write it (Laurent is not Lauren)
    if !strict {
        for (x, d) in [
            (G_MUTE, 0.25),
            (GH_MUTE, 0.25),
            (R_MUTE, 0.25),
            (S_MUTE, 0.25),
            (T_MUTE, 0.2),
            (L_MUTE, 0.25),
            (D_MUTE, 0.25),
            (K_MUTE, 0.25),
        ] {
            del[x as usize] = d;
            weight[x as usize] = 0.4;
        }
    }
    let (d, w) = if strict { (0.0, 0.0) } else { (0.2, 0.4) };
    del[T_BEFORE_Z as usize] = d;
    weight[T_BEFORE_Z as usize] = w;
    // the د of «دج» against a Latin j costs next to nothing, as the one
    // letter of a foreign j that it was before it was also read as a d
    del[D_BEFORE_J as usize] = 0.05;
    weight[D_BEFORE_J as usize] = 0.1;
    del[OI as usize] = del[A as usize];
    weight[OI as usize] = weight[A as usize];
    if strict {
        for &x in vowels.iter().chain(&[OI]) {
            del[x as usize] *= 2.0;
            for &y in &vowels {
                sub[x as usize][y as usize] *= 2.0;
            }
        }
    }
    let mut spelled = weight;
    for (x, base) in [
        (G_MUTE, G),
        (GH_MUTE, GH),
        (R_MUTE, R),
        (S_MUTE, S),
        (T_MUTE, T),
        (T_BEFORE_Z, T),
        (LL, L),
        (OI, A),
        (GI, G),
        (L_MUTE, L),
        (D_MUTE, D),
        (K_MUTE, K),
        (D_BEFORE_J, D),
    ] {
        alias(&mut sub, x, base);
        spelled[x as usize] = weight[base as usize];
    }
    spelled[T_BEFORE_Z as usize] = 0.0;
    spelled[D_BEFORE_J as usize] = weight[D_BEFORE_J as usize];
    // Spanish ll is y; French oi's i is the a of wa, or the i it is written
    for (x, y, c) in [
        (LL, Y, 0.2),
        (LL, AY, 0.2),
        (OI, I, 0.1),
        (OI, AY, 0.1),
        (OI, E, 0.15),
        (GI, J, 0.05),
    ] {
        sub[x as usize][y as usize] = c;
        sub[y as usize][x as usize] = c;
    }
    // and Spanish and Dutch g before e or i is خ (Jorge «خورخي», Ángel
    // «أنخيل», Geert «خيرت»), as Spanish j is
    if !strict {
        sub[GI as usize][X as usize] = 0.35;
        sub[X as usize][GI as usize] = 0.35;
    }
    let mut tiers = [[(0u64, 0f32); TIERS]; ALPHA];
    for (x, t) in tiers.iter_mut().enumerate() {
        // consuming x costs at least the cheaper of deleting it and the
        // cheapest substitution; only units of the alphabet can occur
        let mut levels: Vec<f32> = (0..COUNT)
            .map(|y| sub[x][y])
            .filter(|&c| c < del[x])
            .collect();
        levels.push(del[x]);
        levels.sort_by(f32::total_cmp);
        levels.dedup();
        for (k, slot) in t.iter_mut().enumerate() {
            let cost = levels.get(k).copied().unwrap_or(del[x]);
            let mask = (0..COUNT)
                .filter(|&y| sub[x][y] <= cost)
                .fold(0u64, |m, y| m | 1 << y);
            *slot = (mask, cost);
        }
        // the last tier is the bound when no earlier tier meets the bag
        t[TIERS - 1].0 = u64::MAX;
    }
    Costs {
        sub,
        del,
        weight,
        spelled,
        tiers,
    }
}

/// Makes `new` cost what `base` costs against everything, and nothing against it.
fn alias(sub: &mut [[f32; ALPHA]; ALPHA], new: u8, base: u8) {
    let (new, base) = (new as usize, base as usize);
    sub[new] = sub[base];
    for row in sub.iter_mut() {
        row[new] = row[base];
    }
    sub[new][base] = 0.0;
    sub[base][new] = 0.0;
    sub[new][new] = 0.0;
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

/// How much a part counts in its name: its weight with every letter
/// pronounced, since Jacques tells as much about a person as Jack.
pub fn spelled_weight(a: &[u8]) -> f32 {
    let c = costs();
    a.iter().map(|&x| c.spelled[(x & 63) as usize]).sum()
}

/// Total information weight of a unit sequence (used to normalise distances).
pub fn weight(a: &[u8]) -> f32 {
    let c = costs();
    a.iter().map(|&x| c.weight[(x & 63) as usize]).sum()
}

/// Similarity in [0, 1] of two unit sequences.
#[cfg(test)]
pub fn similarity(a: &[u8], b: &[u8]) -> f32 {
    use crate::kernel::Seq;
    costs().similarity_above(&Seq::new(a), &Seq::new(b), 0.0)
}
