//! [`ByteSet`]: a set of byte values computed at compile time from a rule, so that testing a
//! byte on a hot path is one table load instead of a chain of range comparisons.

/// A set of byte values: one flag per value. Build one with `byte_set!`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ByteSet(pub(crate) [bool; 256]);

impl ByteSet {
    /// Whether `byte` is in the set.
    pub(crate) fn contains(&self, byte: u8) -> bool {
        // A `u8` indexes a 256-entry table: the lookup never fails.
        self.0.get(usize::from(byte)) == Some(&true)
    }
}

/// The [`ByteSet`] of the byte values for which the rule holds: `byte_set!(|b| rule)`,
/// evaluated for each of the 256 values at compile time when used in a `const`.
macro_rules! byte_set {
    (|$byte:ident| $rule:expr) => {{
        let mut table = [false; 256];
        let mut $byte = 0u8;
        loop {
            // Evaluated by the compiler: an index out of bounds would fail the build.
            #[allow(clippy::indexing_slicing)]
            {
                table[$byte as usize] = $rule;
            }
            if $byte == u8::MAX {
                break;
            }
            $byte += 1;
        }
        $crate::byte_set::ByteSet(table)
    }};
}
