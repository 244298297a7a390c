//! The hot path of pair scoring: the weighted edit distance between two unit
//! sequences, computed only as far as it can still matter.
//!
//! Most part pairs of two names are different names (Mahmoud / Salman), and
//! the scorer only needs their similarity when it reaches a floor (below it a
//! pair is neither aligned nor able to change a merge decision). Two exact
//! lower bounds on the distance settle most of those pairs early:
//!
//! - the *bag bound*: every unit of one side is either deleted or substituted
//!   by some unit of the other side, so the distance is at least the sum, over
//!   that side's units, of the cheaper of its deletion and its cheapest
//!   substitution by a unit the other side contains (the other side's units
//!   are a 64-bit set, and each unit's substitutes are listed cheapest first);
//! - the *row bound*: after row `i` of the dynamic programme, a path through
//!   cell `(i, j)` still has to pay that cell plus the larger of the two bag
//!   bounds of what is left of each side (Ukkonen's cut-off, sharpened by
//!   the bag); when no cell of the row stays within budget, stop.
//!
//! Whatever survives is computed by the same recurrence, with the same f32
//! operations in the same order, as the reference, so scores are bit-identical.

use crate::distance::{ALPHA, Costs, TIERS};
use crate::phonetic::MAX_UNITS;

/// Bounds are compared with this much room, so rounding in the bound sums can
/// never prune a pair whose similarity reaches the floor.
const SLACK: f32 = 1e-3;

/// A unit sequence with what every comparison needs: its information weight
/// (the similarity's denominator) and the set of units it contains.
#[derive(Clone, Copy)]
pub(crate) struct Seq<'a> {
    units: &'a [u8],
    weight: f32,
    bag: u64,
}

impl<'a> Seq<'a> {
    pub(crate) fn new(units: &'a [u8]) -> Seq<'a> {
        let units = &units[..units.len().min(MAX_UNITS)];
        Seq {
            units,
            weight: crate::distance::weight(units),
            bag: units.iter().fold(0u64, |m, &x| m | 1 << (x & 63)),
        }
    }
    /// A sequence whose weight and bag were computed by `new` beforehand.
    pub(crate) fn with(units: &'a [u8], weight: f32, bag: u64) -> Seq<'a> {
        Seq {
            units: &units[..units.len().min(MAX_UNITS)],
            weight,
            bag,
        }
    }
    pub(crate) fn weight(&self) -> f32 {
        self.weight
    }
    pub(crate) fn bag(&self) -> u64 {
        self.bag
    }
}

/// The smaller of two costs in one instruction (`f32::min` also orders
/// NaNs, which costs several; no cost here is NaN or negative zero).
#[inline(always)]
fn fmin(a: f32, b: f32) -> f32 {
    if b < a { b } else { a }
}

#[inline(always)]
fn fmax(a: f32, b: f32) -> f32 {
    if b > a { b } else { a }
}

impl Costs {
    /// A lower bound on the cost of consuming unit `x` against a side holding
    /// the units `bag`: exact when one of the first cost tiers meets the bag.
    /// Branch-free: which tier meets the bag is different for every unit.
    #[inline]
    fn cheapest(&self, x: u8, bag: u64) -> f32 {
        let t = &self.tiers[(x & 63) as usize];
        let mut c = t[TIERS - 1].1.to_bits();
        for k in (0..TIERS - 1).rev() {
            let hit = bag & t[k].0 != 0;
            c = if hit { t[k].1.to_bits() } else { c };
        }
        f32::from_bits(c)
    }

    /// Similarity in [0, 1] of two sequences, exactly as the reference
    /// computes it whenever it is at least `floor`; below `floor`, either
    /// that or 0 when a bound settled it first.
    pub(crate) fn similarity_above(&self, a: &Seq, b: &Seq, floor: f32) -> f32 {
        let (ua, ub) = (a.units, b.units);
        if ua.is_empty() || ub.is_empty() {
            return 0.0;
        }
        if ua == ub {
            return 1.0;
        }
        let norm = a.weight.max(b.weight).max(1.0);
        // a distance above the budget leaves the similarity below the floor
        let budget = if floor > 0.0 {
            (1.0 - floor) * norm + SLACK
        } else {
            f32::INFINITY
        };
        // rest_a[i], rest_b[j]: bag bounds of the units of each side from i, j on
        let mut rest_a = [0f32; MAX_UNITS + 1];
        for i in (0..ua.len()).rev() {
            rest_a[i] = rest_a[i + 1] + self.cheapest(ua[i], b.bag);
        }
        if rest_a[0] > budget {
            return 0.0;
        }
        let mut rest_b = [0f32; MAX_UNITS + 1];
        for j in (0..ub.len()).rev() {
            rest_b[j] = rest_b[j + 1] + self.cheapest(ub[j], a.bag);
        }
        if rest_b[0] > budget {
            return 0.0;
        }
        match self.distance_within(ua, ub, &rest_a, &rest_b, budget) {
            Some(d) => (1.0 - d / norm).max(0.0),
            None => 0.0,
        }
    }

    /// The weighted edit distance (the reference recurrence, cell by cell),
    /// or None as soon as every path is known to cost more than `budget`.
    fn distance_within(
        &self,
        a: &[u8],
        b: &[u8],
        rest_a: &[f32; MAX_UNITS + 1],
        rest_b: &[f32; MAX_UNITS + 1],
        budget: f32,
    ) -> Option<f32> {
        let nb = b.len();
        let mut del_b = [0f32; MAX_UNITS];
        for (d, &y) in del_b.iter_mut().zip(b) {
            *d = self.del[(y & 63) as usize];
        }
        let del_b = &del_b[..nb];
        let rest_b = &rest_b[..=nb];
        let (mut row0, mut row1) = ([0f32; MAX_UNITS + 1], [0f32; MAX_UNITS + 1]);
        let (mut prev, mut cur) = (&mut row0, &mut row1);
        for j in 0..nb {
            prev[j + 1] = prev[j] + del_b[j];
        }
        for (i, &x) in a.iter().enumerate() {
            let x = (x & 63) as usize;
            let dx = self.del[x];
            let row: &[f32; ALPHA] = &self.sub[x];
            // every path through cell (i + 1, j) still pays for the units of
            // both sides left after it: `bound` is the least such total
            let ra = rest_a[i + 1];
            let mut left = prev[0] + dx;
            cur[0] = left;
            let mut bound = left + fmax(ra, rest_b[0]);
            let mut diag = prev[0];
            for ((c, (&up, &dy)), (&y, &rb)) in cur[1..]
                .iter_mut()
                .zip(prev[1..].iter().zip(del_b))
                .zip(b.iter().zip(&rest_b[1..]))
            {
                let s = diag + row[(y & 63) as usize];
                let d1 = up + dx;
                let d2 = left + dy;
                left = fmin(fmin(s, d1), d2);
                *c = left;
                bound = fmin(bound, left + fmax(ra, rb));
                diag = up;
            }
            if bound > budget {
                return None;
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        Some(prev[nb])
    }
}

/// Plain (unit cost) edit distance between two unit sequences, bit-parallel
/// (Myers, in Hyyrö's formulation): one 64-bit word holds a whole column,
/// since sequences are at most `MAX_UNITS` long.
pub(crate) fn unit_edit_distance(a: &[u8], b: &[u8]) -> u32 {
    let a = &a[..a.len().min(MAX_UNITS)];
    let b = &b[..b.len().min(MAX_UNITS)];
    if a.is_empty() {
        return b.len() as u32;
    }
    let mut peq = [0u64; ALPHA];
    for (i, &x) in a.iter().enumerate() {
        peq[(x & 63) as usize] |= 1 << i;
    }
    let last = 1u64 << (a.len() - 1);
    let mut pv = u64::MAX;
    let mut mv = 0u64;
    let mut dist = a.len() as u32;
    for &y in b {
        let eq = peq[(y & 63) as usize];
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let mut ph = mv | !(xh | pv);
        let mut mh = pv & xh;
        if ph & last != 0 {
            dist += 1;
        } else if mh & last != 0 {
            dist -= 1;
        }
        // the top row of a global alignment grows by one per column
        ph = (ph << 1) | 1;
        mh <<= 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
    }
    dist
}

/// Plain edit-distance ratio over units, for same-script typos (Putin/Pudin)
/// that the sound costs rate as different consonants.
pub(crate) fn edit_ratio(a: &[u8], b: &[u8]) -> f32 {
    let longest = a.len().min(MAX_UNITS).max(b.len().min(MAX_UNITS));
    if longest == 0 {
        return 0.0;
    }
    1.0 - unit_edit_distance(a, b) as f32 / longest as f32
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
