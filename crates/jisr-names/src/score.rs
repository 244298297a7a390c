//! Scoring a pair of parsed names, with an explanation.
//!
//! Parts are aligned one-to-one (greedily, best pair first, order-free since
//! partners reorder names), with one part on either side allowed to stand for
//! two adjacent parts on the other ("Abdul Rahman" ~ «عبدالرحمن»), or for a
//! particle and the part it opens (Benflis ~ «بن فليس»). The score
//! is the matched share of each side's evidence, leaning on the better-covered
//! side because Arabic names are shortened by dropping nasab links.

use crate::cache::SimCache;
use crate::distance::{costs, strict_costs};
use crate::kernel::Seq;
use crate::normalize::Script;
use crate::parse::{ParsedName, PartKey, Role};
use crate::phonetic::Units;
use acronym::acronym_sim;
use cands::Cands;
use combine::combine;
pub use explain::{AlignedParts, Explanation, How, Match};
use explain::{how_code, how_from};
use part::part_sim;

/// Parts must be at least this similar to be aligned at all.
pub const MIN_PART_SIMILARITY: f32 = 0.5;
/// Part similarities are computed exactly only from this floor up; below it
/// they come out as some lower value (often 0) at a fraction of the cost. A
/// part pair below 0.5 is never aligned. A merge needs at least 0.5 and 0.05
/// more than the better single pair, so single pairs below 0.5 matter only
/// when a merge lands in [0.5, 0.55): then they are recomputed with
/// `EXACT_FLOOR`, below which (0.45 with a margin) they cannot matter at all.
const SINGLE_FLOOR: f32 = MIN_PART_SIMILARITY;
const EXACT_FLOOR: f32 = 0.4;

/// The floors an alignment computes with: `PRUNED` in use, all 0 (every
/// similarity exact, as before the floors existed) for checking it.
#[derive(Clone, Copy)]
struct Floors {
    single: f32,
    exact: f32,
    merge: bool,
}

const PRUNED: Floors = Floors {
    single: SINGLE_FLOOR,
    exact: EXACT_FLOOR,
    merge: true,
};
/// The score at and above which two names are reported as a match.
pub const DEFAULT_THRESHOLD: f64 = 0.75;

const MAX_PARTS: usize = 12;
/// How much less an initial's similarity counts when choosing what aligns first.
const INITIAL_YIELDS: f32 = 0.1;
const MAX_CANDIDATES: usize = 192;

#[derive(Clone, Copy, Default)]
struct Cand {
    sim: f32,
    how: u8,
    a: u8,
    a_len: u8,
    b: u8,
    b_len: u8,
}

/// The alignment of two key slices: chosen candidates and the score.
struct Alignment {
    chosen: [Cand; MAX_PARTS],
    n: usize,
    score: f32,
    order_swapped: bool,
    /// Whether the score is that of one side's acronym against the other's
    /// words (then the side of the acronym: the right one), not of the parts.
    acronym: Option<bool>,
    /// A part of each side read as a title for this pair, because the other
    /// drops a title that sounds as it does (see [`title_twin`]).
    twins: [Option<u8>; 2],
}

fn informative(keys: &[PartKey], out: &mut [u8; MAX_PARTS]) -> usize {
    let mut n = 0;
    for (i, k) in keys.iter().enumerate() {
        if k.role.is_informative() && n < MAX_PARTS {
            out[n] = i as u8;
            n += 1;
        }
    }
    n
}

/// Parts beyond this index are ignored (the used-part sets are 32-bit masks).
const MAX_INDEX: usize = 32;

fn align(a: &[PartKey], b: &[PartKey]) -> Alignment {
    align_with(a, b, None, PRUNED)
}

fn align_with(
    a: &[PartKey],
    b: &[PartKey],
    mut cache: Option<&mut SimCache>,
    fl: Floors,
) -> Alignment {
    // the marks follow the parts, which may be more than MAX_INDEX
    let (acronym, acronym_right) = acronym_sim(a, b);
    let a = &a[..a.len().min(MAX_INDEX)];
    let b = &b[..b.len().min(MAX_INDEX)];
    let mut ia = [0u8; MAX_PARTS];
    let mut ib = [0u8; MAX_PARTS];
    let mut na = informative(a, &mut ia);
    let mut nb = informative(b, &mut ib);
    // Haji Mohammad Ali, «حاجي محمد علي»: the word one side reads as a
    // title is one on the other side too (its first informative part, or
    // its last: «مصالي الحاج»)
    let twins = [
        title_twin::twin(b, a, &ia[..na]),
        title_twin::twin(a, b, &ib[..nb]),
    ];
    for (twin, ix, n) in [(twins[0], &mut ia, &mut na), (twins[1], &mut ib, &mut nb)] {
        if let Some(at) = twin.and_then(|t| ix[..*n].iter().position(|&i| i == t)) {
            ix.copy_within(at + 1..*n, at);
            *n -= 1;
        }
    }
    let mut cands = Cands::default();
    let mut best_single = [[0f32; MAX_PARTS]; MAX_PARTS];
    for (x, &i) in ia[..na].iter().enumerate() {
        for (y, &j) in ib[..nb].iter().enumerate() {
            let (s, how) = match cache.as_deref_mut() {
                Some(c) => {
                    let key = (i, b[j as usize].sim_id);
                    if let Some(&(s, h)) = c.map.get(&key) {
                        (s, how_from(h))
                    } else {
                        let (s, h) = part_sim(&a[i as usize], &b[j as usize], fl.single);
                        c.map.insert(key, (s, how_code(h)));
                        (s, h)
                    }
                }
                None => part_sim(&a[i as usize], &b[j as usize], fl.single),
            };
            best_single[x][y] = s;
            if s >= MIN_PART_SIMILARITY {
                cands.push(Cand {
                    sim: s,
                    how: how_code(how),
                    a: i,
                    a_len: 1,
                    b: j,
                    b_len: 1,
                });
            }
        }
    }
    // one part standing for two adjacent parts of the other name
    for flip in [false, true] {
        let (p, q, ip, iq, np, nq) = if flip {
            (b, a, &ib, &ia, nb, na)
        } else {
            (a, b, &ia, &ib, na, nb)
        };
        // spans of two adjacent parts: two informative ones, or a particle
        // and the part it opens, which Maghrebi and Gulf names glue
        // (Benflis «بن فليس», «بنعلي» Ben Ali); each is (first part, second
        // part, the position in `ip` of the first informative one, that of
        // the second or NONE when the first part is a particle)
        const NONE: u8 = u8::MAX;
        let mut spans = [(0u8, 0u8, 0u8, NONE); 2 * MAX_PARTS];
        let mut n_spans = 0;
        for x in 0..np {
            let i2 = ip[x];
            if x + 1 < np {
                spans[n_spans] = (i2, ip[x + 1], x as u8, x as u8 + 1);
                n_spans += 1;
            }
            if let Some(i1) = i2.checked_sub(1)
                && p[i1 as usize].role == Role::Particle
            {
                spans[n_spans] = (i1, i2, x as u8, NONE);
                n_spans += 1;
            }
        }
        for &(i1, i2, x, x2) in &spans[..n_spans] {
            let (i1, i2, x) = (i1 as usize, i2 as usize, x as usize);
            let second = (x2 != NONE).then_some(x2 as usize);
            if i2 != i1 + 1 || p[i1].role == Role::Initial || p[i2].role == Role::Initial {
                continue;
            }
            if p[i1].concept != 0 || p[i2].concept != 0 {
                continue;
            }
            let jw = p[i1].unit_weight + p[i2].unit_weight;
            // built on first use: most pairs of parts meet no word of their length
            let mut joined: Option<(Units, f32, u64)> = None;
            for y in 0..nq {
                let j = iq[y] as usize;
                if q[j].role == Role::Initial || q[j].script == Script::Other {
                    continue;
                }
                if q[j].mask & (p[i1].mask | p[i2].mask) == 0 {
                    continue;
                }
                // a joined pair can only match a word of comparable length,
                // counted in weight: Arabic script writes no short vowels
                // (محمدجواد has 7 units, Mohammad Javad 12), and vowels weigh little
                let qw = q[j].unit_weight;
                if qw * 3.0 < jw * 2.0 || jw * 3.0 < qw * 2.0 {
                    continue;
                }
                let single_at = |xx: usize| {
                    if flip {
                        best_single[y][xx]
                    } else {
                        best_single[xx][y]
                    }
                };
                // a particle has no single pair of its own
                let (s1, s2) = match second {
                    Some(x2) => (single_at(x), single_at(x2)),
                    None => (0.0, single_at(x)),
                };
                // a merge must beat the better single pair by 0.05 to be chosen
                let mut single = s1.max(s2);
                if single >= 0.95 {
                    continue;
                }
                let floor = if fl.merge {
                    MIN_PART_SIMILARITY.max(single + 0.05)
                } else {
                    0.0
                };
                let c = if p[i1].script == q[j].script {
                    strict_costs()
                } else {
                    costs()
                };
                let (units, weight, bag) = *joined.get_or_insert_with(|| {
                    let u = p[i1].units.concat(&p[i2].units);
                    let seq = Seq::new(u.as_slice());
                    (u, seq.weight(), seq.bag())
                });
                let s = c.similarity_above(
                    &Seq::with(units.as_slice(), weight, bag),
                    &q[j].seq(),
                    floor,
                );
                // singles below SINGLE_FLOOR are only bounds: when they could
                // decide, compute them exactly
                if s >= MIN_PART_SIMILARITY && s < fl.single + 0.05 && single < fl.single {
                    let (k1, k2) = (&p[i1], &p[i2]);
                    let exact = |k: &PartKey, s: f32| {
                        if s >= fl.single {
                            s
                        } else if flip {
                            part_sim(&q[j], k, fl.exact).0
                        } else {
                            part_sim(k, &q[j], fl.exact).0
                        }
                    };
                    single = match second {
                        Some(_) => exact(k1, s1).max(exact(k2, s2)),
                        None => exact(k2, s2),
                    };
                }
                if s >= MIN_PART_SIMILARITY && s > single + 0.05 {
                    let how = if p[i1].script != q[j].script {
                        How::Transliteration
                    } else {
                        How::Phonetic
                    };
                    cands.push(if flip {
                        Cand {
                            sim: s,
                            how: how_code(how),
                            a: j as u8,
                            a_len: 1,
                            b: i1 as u8,
                            b_len: 2,
                        }
                    } else {
                        Cand {
                            sim: s,
                            how: how_code(how),
                            a: i1 as u8,
                            a_len: 2,
                            b: j as u8,
                            b_len: 1,
                        }
                    });
                }
            }
        }
    }
    let cands = cands.as_mut_slice();
    // an initial (0.9 for any name of its letter) goes after a whole part
    // nearly as similar: Hussein I is hussein ~ الحسين, not i ~ الحسين
    let rank = |c: &Cand| {
        if how_from(c.how) == How::Initial {
            c.sim - INITIAL_YIELDS
        } else {
            c.sim
        }
    };
    cands.sort_unstable_by(|x, y| {
        rank(y)
            .total_cmp(&rank(x))
            .then((x.a_len + x.b_len).cmp(&(y.a_len + y.b_len)))
    });
    let mut used_a = 0u32;
    let mut used_b = 0u32;
    let mut chosen = [Cand::default(); MAX_PARTS];
    let mut n = 0;
    for c in cands.iter() {
        let ma = ((1u32 << c.a_len) - 1) << c.a;
        let mb = ((1u32 << c.b_len) - 1) << c.b;
        if used_a & ma != 0 || used_b & mb != 0 || n >= MAX_PARTS {
            continue;
        }
        used_a |= ma;
        used_b |= mb;
        chosen[n] = *c;
        n += 1;
    }
    let (score, order_swapped) = combine(a, b, &chosen[..n], &ia[..na], &ib[..nb]);
    if acronym > score {
        return Alignment {
            chosen,
            n: 0,
            score: acronym,
            order_swapped: false,
            acronym: Some(acronym_right),
            twins,
        };
    }
    Alignment {
        chosen,
        n,
        score,
        order_swapped,
        acronym: None,
        twins,
    }
}

/// Scores two parsed names in [0, 1] without building an explanation.
pub fn score_fast(a: &ParsedName, b: &ParsedName) -> f64 {
    let s = if a.others.is_empty() && b.others.is_empty() {
        f64::from(align(a.keys(), b.keys()).score)
    } else {
        f64::from(best_names(a, b).2)
    };
    s * births_factor(a.born, b.born)
}

/// What a name's score keeps when the two strings give years of birth
/// more than a year apart: the same name, most likely another person, so
/// below the threshold even when the names are written alike; a year's
/// slack for lists that round or misread dates.
const BIRTH_YEARS_DIFFER: f64 = 0.7;

/// [`BIRTH_YEARS_DIFFER`] when both years are known and differ, else 1.
pub(crate) fn births_factor(a: Option<u16>, b: Option<u16>) -> f64 {
    match (a, b) {
        (Some(x), Some(y)) if x.abs_diff(y) > 1 => BIRTH_YEARS_DIFFER,
        _ => 1.0,
    }
}

/// The names of `a` and of `b` (each string's own and its a.k.a.s) that
/// score best together, and that score: two people are one when any of
/// their names are.
fn best_names<'a, 'b>(
    a: &'a ParsedName,
    b: &'b ParsedName,
) -> (&'a ParsedName, &'b ParsedName, f32) {
    let mut best = (a, b, f32::MIN);
    for x in a.names() {
        for y in b.names() {
            let s = align(x.keys(), y.keys()).score;
            if s > best.2 {
                best = (x, y, s);
            }
        }
    }
    best
}

/// Scores a query against a candidate, reusing part similarities across
/// candidates of the same query.
pub(crate) fn score_keys_cached(a: &[PartKey], b: &[PartKey], cache: &mut SimCache) -> f32 {
    align_with(a, b, Some(cache), PRUNED).score
}

/// Scores two parsed names in [0, 1] and explains the alignment; a string
/// giving several names (a.k.a.) scores by its best.
pub fn score(a: &ParsedName, b: &ParsedName) -> Match {
    let mut m = if a.others.is_empty() && b.others.is_empty() {
        score_one(a, b)
    } else {
        let (x, y, _) = best_names(a, b);
        let mut m = score_one(x, y);
        for (chosen, whole) in [(x, a), (y, b)] {
            if !std::ptr::eq(chosen, whole) {
                m.explanation
                    .notes
                    .push(format!("as also named: {}", chosen.original));
            }
        }
        m
    };
    let births = births_factor(a.born, b.born);
    if let (Some(x), Some(y)) = (a.born, b.born)
        && births < 1.0
    {
        m.score *= births;
        m.explanation
            .notes
            .push(format!("born {x} and {y}: another person of the name"));
    }
    m
}

fn score_one(a: &ParsedName, b: &ParsedName) -> Match {
    let al = align(a.keys(), b.keys());
    let mut ex = Explanation {
        order_swapped: al.order_swapped,
        ..Explanation::default()
    };
    let mut used_a = vec![false; a.parts.len()];
    let mut used_b = vec![false; b.parts.len()];
    let text = |p: &ParsedName, start: u8, len: u8| -> String {
        let s = start as usize;
        p.parts
            .get(s..s + len as usize)
            .map(|ps| {
                ps.iter()
                    .map(|p| p.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" + ")
            })
            .unwrap_or_default()
    };
    for c in &al.chosen[..al.n] {
        for i in c.a..c.a + c.a_len {
            if let Some(u) = used_a.get_mut(i as usize) {
                *u = true;
            }
        }
        for i in c.b..c.b + c.b_len {
            if let Some(u) = used_b.get_mut(i as usize) {
                *u = true;
            }
        }
        ex.aligned.push(AlignedParts {
            left: text(a, c.a, c.a_len),
            right: text(b, c.b, c.b_len),
            how: how_from(c.how),
            similarity: f64::from(c.sim),
        });
    }
    if let Some(right) = al.acronym {
        ex.aligned
            .push(acronym::aligned(a, b, right, f64::from(al.score)));
        used_a.iter_mut().for_each(|u| *u = true);
        used_b.iter_mut().for_each(|u| *u = true);
    }
    for (p, used, missing, twin) in [
        (a, &used_a, &mut ex.missing_left, al.twins[0]),
        (b, &used_b, &mut ex.missing_right, al.twins[1]),
    ] {
        for (i, (part, &u)) in p.parts.iter().zip(used.iter()).enumerate() {
            if matches!(part.role, Role::Acronym | Role::Initials) {
                continue;
            }
            if !part.role.is_informative() || twin == Some(i as u8) {
                let role = if part.role.is_informative() {
                    Role::Title
                } else {
                    part.role
                };
                ex.dropped.push(format!("{} {}", role.as_str(), part.text));
            } else if !u {
                missing.push(part.text.clone());
            }
        }
    }
    if al.n > 0
        && al.chosen[..al.n]
            .iter()
            .all(|c| how_from(c.how) == How::Initial)
    {
        ex.notes.push("only initials aligned".to_string());
    }
    Match {
        score: f64::from(al.score),
        explanation: ex,
    }
}

mod acronym;
mod cands;
mod combine;
mod explain;
mod part;
mod readings;
mod title_twin;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
