//! The candidate part pairs of one alignment, kept on the stack.

use super::{Cand, MAX_CANDIDATES};

/// The candidate pairs of one alignment, at most `MAX_CANDIDATES`. Most
/// names give a few dozen; filling a full-size array on every pair cost more
/// than scoring some of them, so only a short array sits on the stack and
/// very long names move to the heap.
pub(super) struct Cands {
    small: [Cand; 48],
    n: usize,
    big: Vec<Cand>,
}

impl Default for Cands {
    fn default() -> Self {
        Cands {
            small: [Cand::default(); 48],
            n: 0,
            big: Vec::new(),
        }
    }
}

impl Cands {
    pub(super) fn push(&mut self, c: Cand) {
        if self.n >= MAX_CANDIDATES {
            return;
        }
        if let Some(slot) = self.small.get_mut(self.n) {
            *slot = c;
        } else {
            if self.big.is_empty() {
                self.big.extend_from_slice(&self.small);
            }
            self.big.push(c);
        }
        self.n += 1;
    }
    pub(super) fn as_mut_slice(&mut self) -> &mut [Cand] {
        if self.big.is_empty() {
            &mut self.small[..self.n]
        } else {
            &mut self.big[..]
        }
    }
}
