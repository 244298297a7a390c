//! A per-query memo of part similarities for index searches.

/// Part similarities of one query against many candidates: the same
/// candidate words (common names) recur, so each is aligned once per query.
#[derive(Default)]
pub(crate) struct SimCache {
    pub(crate) map:
        std::collections::HashMap<(u8, u64), (f32, u8), std::hash::BuildHasherDefault<FxHasher>>,
}

/// A multiplicative hasher for the cache's small integer keys, the
/// lexicon's words and the parts' text identities; SipHash would cost as
/// much as the alignment it saves (and was a twentieth of parsing).
#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // eight bytes a step: names are hashed at every parse and lookup
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            let mut word = [0u8; 8];
            word.copy_from_slice(w);
            self.write_u64(u64::from_le_bytes(word));
        }
        for &b in words.remainder() {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}
