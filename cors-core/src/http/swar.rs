//! Byte tests eight bytes at a time, in a `u64` ("SIMD within a register"): finding a
//! separator in a header value and comparing short names without a call to `memcmp` or a
//! loop per byte. Pure arithmetic, exact for every byte value (none assumes ASCII input).

/// `0x01` in every byte.
const ONES: u64 = 0x0101_0101_0101_0101;
/// `0x80` in every byte.
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The bytes of a word, the first byte of the input lowest: loading in little-endian order
/// makes "the first matching byte" the lowest set bit.
const WORD: usize = 8;

/// Up to eight bytes of `bytes` as a little-endian word, zero-padded past the end.
pub(crate) const fn load_word(bytes: &[u8]) -> u64 {
    if let Some(chunk) = bytes.first_chunk::<WORD>() {
        return u64::from_le_bytes(*chunk);
    }
    // Byte by byte into the word (fewer than eight): a copy into a buffer would call
    // `memcpy`.
    let mut word = 0u64;
    let mut rest = bytes;
    let mut shift = 0;
    while let Some((&byte, tail)) = rest.split_first() {
        word |= (byte as u64) << shift;
        rest = tail;
        shift += 8;
    }
    word
}

/// `word` with every ASCII uppercase byte (`A`–`Z`) lowercased and every other byte as it
/// is, non-ASCII bytes included.
pub(crate) const fn lowercase_word(word: u64) -> u64 {
    // With the high bits cleared no byte carries into the next: 0x7f + 0x3f < 0x100.
    let low7 = word & !HIGHS;
    let at_least_a = low7 + ONES * (0x80 - b'A' as u64);
    let beyond_z = low7 + ONES * (0x80 - (b'Z' as u64 + 1));
    let upper = at_least_a & !beyond_z & !word & HIGHS;
    // 0x80 >> 2 is 0x20, the case bit.
    word | (upper >> 2)
}

/// A mark (0x80) in the lowest byte of `word` equal to the byte repeated in `pattern`, and
/// possibly in bytes above that one (a borrow can fake them): only the lowest mark is
/// exact, and it is the only one callers read.
const fn mark_equal(word: u64, pattern: u64) -> u64 {
    let zero_where_equal = word ^ pattern;
    zero_where_equal.wrapping_sub(ONES) & !zero_where_equal & HIGHS
}

/// The offset of the first `byte` in `bytes`, reading eight bytes per step.
pub(crate) fn find_byte(bytes: &[u8], byte: u8) -> Option<usize> {
    let pattern = ONES * u64::from(byte);
    let mut chunks = bytes.chunks_exact(WORD);
    let mut offset = 0usize;
    for chunk in &mut chunks {
        let marks = mark_equal(load_word(chunk), pattern);
        if marks != 0 {
            return Some(offset + (marks.trailing_zeros() / 8) as usize);
        }
        offset += WORD;
    }
    let tail = chunks.remainder();
    tail.iter().position(|&b| b == byte).map(|at| offset + at)
}

/// A name reduced to its length and its first and last eight bytes (overlapping for names
/// of nine to fifteen bytes; a name of eight bytes or fewer is all in the first word, the
/// zero-padded one, and its last word is zero), lowercased for a set that ignores case.
///
/// Two names with different keys differ; two names of at most sixteen bytes with equal keys
/// are equal, since every byte is in the key. Comparing keys settles a lookup in a few
/// integer comparisons; only names longer than sixteen bytes with equal keys need their
/// bytes compared.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct NameKey {
    len: usize,
    head: u64,
    tail: u64,
}

impl NameKey {
    /// The key of `name`, lowercased when `ignore_case`.
    pub(crate) fn of(name: &[u8], ignore_case: bool) -> Self {
        let head = load_word(name);
        let tail = match name.last_chunk::<WORD>() {
            Some(last) if name.len() > WORD => u64::from_le_bytes(*last),
            _ => 0,
        };
        let case = |word| {
            if ignore_case {
                lowercase_word(word)
            } else {
                word
            }
        };
        Self {
            len: name.len(),
            head: case(head),
            tail: case(tail),
        }
    }

    /// Whether the key holds every byte of the name, so equal keys mean equal names.
    pub(crate) const fn is_whole(&self) -> bool {
        self.len <= 2 * WORD
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use std::vec::Vec;

    use super::*;

    /// Every byte value at every position of a word, against `u8::to_ascii_lowercase`.
    #[test]
    fn lowercases_exactly_the_ascii_uppercase_bytes() {
        for byte in 0..=u8::MAX {
            for position in 0..WORD {
                let mut bytes = [b'a', b'Z', 0x80, b'@', b'[', 0xff, b'A', b'`'];
                if let Some(slot) = bytes.get_mut(position) {
                    *slot = byte;
                }
                let expected = bytes.map(|b| b.to_ascii_lowercase());
                let lowered = lowercase_word(u64::from_le_bytes(bytes)).to_le_bytes();
                assert_eq!(lowered, expected, "{bytes:?}");
            }
        }
    }

    #[test]
    fn finds_the_first_byte_like_a_scan() {
        let values: [&[u8]; 9] = [
            b"",
            b",",
            b"abc",
            b"content-type,x-request-id",
            b"0123456,",
            b"01234567,",
            b"0123456789abcdef,,",
            b"\xff\x2c\x2c\x2d",
            b"\x2d\x2b\x2c",
        ];
        for value in values {
            for byte in [b',', b'-', 0xff, 0] {
                let expected = value.iter().position(|&b| b == byte);
                assert_eq!(find_byte(value, byte), expected, "{value:?} {byte}");
            }
        }
        // A byte just above the searched one, whose borrow could fake a match.
        let mut long: Vec<u8> = (0..40)
            .map(|i| if i % 3 == 0 { 0x2d } else { 0x01 })
            .collect();
        assert_eq!(find_byte(&long, b','), None);
        long.push(b',');
        assert_eq!(find_byte(&long, b','), Some(40));
    }

    #[test]
    fn keys_are_equal_exactly_when_short_names_are() {
        let names: [&[u8]; 12] = [
            b"",
            b"a",
            b"A",
            b"ab",
            b"content-type",
            b"Content-Type",
            b"content-typf",
            b"x-request-id",
            b"authorization",
            b"aUTHORIZATION",
            b"0123456789abcdef",
            b"0123456789ABCDEF",
        ];
        for a in names {
            for b in names {
                let (ka, kb) = (NameKey::of(a, true), NameKey::of(b, true));
                assert_eq!(ka == kb, a.eq_ignore_ascii_case(b), "{a:?} {b:?}");
                let (ka, kb) = (NameKey::of(a, false), NameKey::of(b, false));
                assert_eq!(ka == kb, a == b, "{a:?} {b:?}");
            }
        }
        assert!(NameKey::of(b"0123456789abcdef", true).is_whole());
        assert!(!NameKey::of(b"0123456789abcdefg", true).is_whole());
    }
}
