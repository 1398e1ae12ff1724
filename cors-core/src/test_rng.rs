//! A small deterministic generator for the tests' generated inputs (xorshift64): a failure
//! reproduces from its seed, and no dependency is needed.

/// xorshift64 over its state, which must not be 0.
pub(crate) struct Xorshift(pub(crate) u64);

impl Xorshift {
    /// The next state.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `bound` (0 when `bound` is 0).
    pub(crate) fn below(&mut self, bound: usize) -> usize {
        let bound = u64::try_from(bound).unwrap_or(u64::MAX).max(1);
        usize::try_from(self.next_u64() % bound).unwrap_or(0)
    }
}
