//! The fast path for an IPv6 host that must already be in its serialized form.
//!
//! A serialized origin spells an IPv6 host exactly as the IPv6 serializer
//! (<https://url.spec.whatwg.org/#concept-ipv6-serializer>) writes it. Instead of running the
//! IPv6 parser (<https://url.spec.whatwg.org/#concept-ipv6-parser>), writing the address back
//! out and comparing, [`parse_canonical_ipv6`] reads the text once, checking the spelling of
//! each piece as it goes, and then checks that its `::` (if any) is where the serializer
//! puts one.

use core::net::Ipv6Addr;

/// The longest output of the IPv6 serializer: eight pieces of four hex digits and seven `:`.
const MAX_LEN: usize = 39;

/// The number of 16-bit pieces in an IPv6 address.
const PIECES: u32 = 8;

/// The address `text` spells, when `text` (the bytes between `[` and `]`) is exactly what the
/// IPv6 serializer writes for it; `None` for every other input, canonical or not, valid or not.
///
/// `Some(address)` is returned exactly when running the IPv6 parser
/// (<https://url.spec.whatwg.org/#concept-ipv6-parser>) on `text` gives `address` and the
/// IPv6 serializer (<https://url.spec.whatwg.org/#concept-ipv6-serializer>) writes `address`
/// back as `text`. A caller that needs to know *why* some text is refused runs those two
/// algorithms on a `None`.
///
/// The serializer's output is:
///
/// - each written piece as the shortest lowercase hexadecimal number (step 4.4): `0` for zero,
///   otherwise one to four digits from `0-9a-f` with no leading `0`;
/// - pieces separated by `:` (step 4.5), with no dotted IPv4 tail: the serializer never
///   writes one;
/// - at most one `::`, standing for the run of zero pieces that step 2 picks: the first of
///   the longest runs, and only a run of two or more (a single zero piece is written as `0`).
///   Step 4.3 writes it as `::` at the start and as the second `:` of `x::` elsewhere, and
///   step 4.1 skips the run's zeros.
///
/// So the text is read once, as pieces and separators only, checking each piece's spelling
/// and noting whether it is zero. A `::` after `start` written pieces, with `n` written
/// pieces in all, stands for `8 - n` zero pieces from piece `start`. The text is the
/// serializer's output exactly when step 2, run on the zero pieces of the whole address,
/// picks that same run: this also requires `8 - n >= 2` and the written pieces on either
/// side of `::` to be non-zero, as step 2 takes whole runs, and every other run of zero
/// pieces to be shorter (before the `::`) or no longer (after it). Without `::`, there must
/// be eight pieces and step 2 must pick no run. Step 2's choice for each of the 256 sets of
/// zero pieces is a table ([`ZERO_RUNS`]) built at compile time, from a direct transcription
/// of step 2.
///
/// Each iteration of the loop consumes one piece and its separator; input longer than the
/// longest serialization (39 bytes) is refused first, so there are at most twenty. No
/// buffer, no formatting.
pub(crate) fn parse_canonical_ipv6(text: &[u8]) -> Option<Ipv6Addr> {
    if text.len() > MAX_LEN {
        return None;
    }
    // Step 4.3 writes "::" when the compressed run starts at piece 0. (A lone leading ':'
    // fails as a piece.)
    let (mut at, mut compress) = if text.starts_with(b"::") {
        (2, Some(0u32))
    } else {
        (0, None)
    };
    // The pieces read since the start, or since the `::`, first piece most significant; and
    // one bit per piece, set for a non-zero piece, in the same order.
    let mut piece_bits: u128 = 0;
    let mut nonzero_bits: u32 = 0;
    // The same for the pieces before the `::`, moved there when it is read.
    let mut head_piece_bits: u128 = 0;
    let mut head_nonzero_bits: u32 = 0;
    // The number of pieces read so far. More than eight fail at the end: checking there
    // costs less than checking each piece, and the 39-byte cap bounds the loop at twenty.
    let mut pieces: u32 = 0;
    // The class of the byte at `at`.
    let class_at = |at: usize| text.get(at).map_or(END, |&byte| class(byte));
    let mut next = class_at(at);
    // The empty text reads no piece and fails at the end, for want of eight pieces.
    while next != END {
        // Step 4.4: a piece is the shortest lowercase hexadecimal number: "0", or one to four
        // digits with no leading '0'. A digit after a "0" (or a fifth digit) is left for the
        // separator match below, which refuses it.
        if next > 15 {
            return None;
        }
        let mut value = u32::from(next);
        at += 1;
        next = class_at(at);
        if value != 0 {
            for _ in 0..3 {
                if next > 15 {
                    break;
                }
                value = (value << 4) | u32::from(next);
                at += 1;
                next = class_at(at);
            }
        }
        piece_bits = (piece_bits << 16) | u128::from(value);
        nonzero_bits = (nonzero_bits << 1) | u32::from(value != 0);
        pieces += 1;
        // Step 4.5: a ':' follows every piece but the last; step 4.3 writes the second ':'
        // of "::" (a ':' in place of the compressed run). After "::" comes a piece or the end;
        // a third ':' fails as a piece.
        match next {
            END => break,
            COLON => {}
            _ => return None,
        }
        at += 1;
        next = class_at(at);
        match next {
            // "x:" at the end: step 4.5 writes no ':' after the last piece.
            END => return None,
            COLON => {
                if compress.is_some() {
                    return None;
                }
                compress = Some(pieces);
                head_piece_bits = piece_bits;
                head_nonzero_bits = nonzero_bits;
                piece_bits = 0;
                nonzero_bits = 0;
                at += 1;
                next = class_at(at);
            }
            _ => {}
        }
    }
    let Some(start) = compress else {
        // Eight pieces, and step 2 picks no run of zero pieces to compress.
        return (pieces == PIECES && zero_run(nonzero_bits) == Some(u32::from(NO_RUN)))
            .then(|| Ipv6Addr::from(piece_bits));
    };
    // The `::` stands for `compressed` zero pieces from piece `start` on: the head pieces go
    // `shift` pieces up, over the compressed ones and the pieces after them.
    let compressed = PIECES.checked_sub(pieces)?;
    let shift = PIECES - start;
    // Step 2 picks this run and no other. (A `compressed` below two is never picked.)
    if zero_run((head_nonzero_bits << shift) | nonzero_bits) != Some((start << 4) | compressed) {
        return None;
    }
    // A shift by 128 (`start` is 0) wraps to 0, and the head is then empty anyway.
    let head = head_piece_bits.wrapping_shl(16 * shift);
    Some(Ipv6Addr::from(head | piece_bits))
}

/// The run step 2 of the serializer picks for the address whose non-zero pieces are
/// `nonzero_bits` (see [`ZERO_RUNS`]); `None` when that has more than eight bits.
fn zero_run(nonzero_bits: u32) -> Option<u32> {
    let index = usize::try_from(nonzero_bits).ok()?;
    ZERO_RUNS.get(index).map(|&run| u32::from(run))
}

/// A byte's class: its value as a lowercase hexadecimal digit (the serializer writes no
/// uppercase), [`COLON`] or [`OTHER`].
fn class(byte: u8) -> u8 {
    CLASSES.get(usize::from(byte)).copied().unwrap_or(OTHER)
}

/// The class of `:`.
const COLON: u8 = 16;
/// The class of the end of the text.
const END: u8 = 17;
/// The class of every byte that is neither a lowercase hexadecimal digit nor `:`.
const OTHER: u8 = 0xff;

/// Each byte's class, as [`class`] gives it.
static CLASSES: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut rest: &mut [u8] = &mut table;
    let mut byte = 0u8;
    while let Some((entry, tail)) = rest.split_first_mut() {
        *entry = match byte {
            b'0'..=b'9' => byte - b'0',
            b'a'..=b'f' => byte - b'a' + 10,
            b':' => COLON,
            _ => OTHER,
        };
        byte = byte.wrapping_add(1);
        rest = tail;
    }
    table
};

/// [`ZERO_RUNS`] for a set of zero pieces without a run of two or more.
const NO_RUN: u8 = 0xff;

/// Step 2 of the IPv6 serializer for each set of non-zero pieces (bit `7 - i` set when piece
/// `i` is not 0): the first of the longest runs of zero pieces, coded as its start times 16
/// plus its length, when that length is at least two; otherwise [`NO_RUN`].
///
/// <https://url.spec.whatwg.org/#concept-ipv6-serializer>
static ZERO_RUNS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut rest: &mut [u8] = &mut table;
    let mut nonzero = 0u32;
    while let Some((entry, tail)) = rest.split_first_mut() {
        *entry = first_longest_zero_run(!nonzero);
        nonzero += 1;
        rest = tail;
    }
    table
};

/// One entry of [`ZERO_RUNS`], for the zero pieces `zeros` (bit `7 - i` set when piece `i`
/// is 0), computed piece by piece as step 2 reads.
#[allow(
    clippy::cast_possible_truncation,
    reason = "a start below 8 times 16, plus a length up to 8, fits a byte"
)]
const fn first_longest_zero_run(zeros: u32) -> u8 {
    let mut best_start = 0;
    let mut best_len = 0;
    let mut run_start = 0;
    let mut run_len = 0;
    let mut piece = 0;
    while piece < PIECES {
        if zeros & (0x80 >> piece) != 0 {
            if run_len == 0 {
                run_start = piece;
            }
            run_len += 1;
            // Only a strictly longer run replaces the first one found.
            if run_len > best_len {
                best_start = run_start;
                best_len = run_len;
            }
        } else {
            run_len = 0;
        }
        piece += 1;
    }
    if best_len < 2 {
        return NO_RUN;
    }
    ((best_start << 4) | best_len) as u8
}

#[cfg(test)]
mod tests {
    extern crate std;

    use std::string::String;
    use std::vec::Vec;

    use core::net::Ipv6Addr;

    use super::parse_canonical_ipv6;
    use crate::origin::host::{parse_ipv6, write_ipv6};

    /// The slow path, following the URL Standard: the IPv6 parser, then the IPv6 serializer,
    /// and the address only when the serialization is `text` itself.
    fn oracle(text: &[u8]) -> Option<Ipv6Addr> {
        let text = core::str::from_utf8(text).ok()?;
        parse_ipv6(text).ok().filter(|address| {
            let mut written = heapless::String::<40>::new();
            write_ipv6(*address, &mut written).is_ok() && written.as_str() == text
        })
    }

    /// The IPv6 serializer's output for `address`.
    fn serialize(address: Ipv6Addr) -> heapless::String<40> {
        let mut written = heapless::String::<40>::new();
        assert!(write_ipv6(address, &mut written).is_ok(), "{address:?}");
        written
    }

    /// The fast path agrees with the oracle on `text`.
    fn check(text: &[u8]) {
        assert_eq!(
            parse_canonical_ipv6(text),
            oracle(text),
            "{:?}",
            String::from_utf8_lossy(text)
        );
    }

    /// The bytes a mutation may write.
    const ALPHABET: &[u8] = b"0123456789abcdefABCDEF:.]";

    /// Every text one flip, insertion or deletion of a byte away from `text`. Returns the
    /// number checked.
    fn check_mutations(text: &[u8]) -> usize {
        let mut checked = 0;
        let mut mutant = Vec::with_capacity(text.len() + 1);
        for position in 0..=text.len() {
            for &byte in ALPHABET {
                mutant.clear();
                mutant.extend_from_slice(text);
                mutant.insert(position, byte);
                check(&mutant);
                checked += 1;
                if position < text.len() {
                    mutant.clear();
                    mutant.extend_from_slice(text);
                    mutant[position] = byte;
                    check(&mutant);
                    checked += 1;
                }
            }
            if position < text.len() {
                mutant.clear();
                mutant.extend_from_slice(text);
                mutant.remove(position);
                check(&mutant);
                checked += 1;
            }
        }
        checked
    }

    /// The address with these pieces.
    fn address(pieces: [u16; 8]) -> Ipv6Addr {
        let [a, b, c, d, e, f, g, h] = pieces;
        Ipv6Addr::new(a, b, c, d, e, f, g, h)
    }

    /// A xorshift generator: reproducible, no dependency.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, bound: u64) -> u64 {
            self.next() % bound
        }

        /// An index into a slice of `len` items.
        fn index(&mut self, len: usize) -> usize {
            let bound = u64::try_from(len).unwrap_or(u64::MAX);
            usize::try_from(self.below(bound)).unwrap_or(0)
        }

        /// A piece of the low `width` bits (at most 16) of the next number.
        fn piece(&mut self, width: u64) -> u16 {
            let [low, high, ..] = self.next().to_le_bytes();
            u16::from_le_bytes([low, high]) & (u16::MAX >> 16u64.saturating_sub(width))
        }
    }

    #[test]
    fn hand_picked() {
        let cases: &[&str] = &[
            "::",
            "::1",
            "1::",
            "2001:db8::1",
            "2001:db8:0:0:0:0:0:1",
            "2001:0db8::1",
            "2001:DB8::1",
            "2001:dB8::1",
            "1:0:0:1:0:0:0:1",
            "1:0:0:1::1",
            "1::1:0:0:0:1",
            "1:0:0:2:0:0:3:4",
            "1::2:0:0:3:4",
            "1:0:0:2::3:4",
            "1:0:2:3:4:5:6:7",
            "1::2:3:4:5:6:7",
            "0:0:1:2:3:4:5:6",
            "::1:2:3:4:5:6",
            "1:2:3:4:5:6:0:0",
            "1:2:3:4:5:6::",
            "1:2:3:4:5:6:7::",
            "::2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7",
            "0:0:0:0:0:0:0:0",
            "0::",
            "::0",
            "0::1",
            "1::0",
            "1:0::1",
            "1::0:1",
            "1:0:0:0:1:0:0:0",
            "1::1:0:0:0",
            "1:0:0:0:1::",
            "1:0:0:1:0:0:1:1",
            "1::1:0:0:1:1",
            "1:0:0:1::1:1",
            "0:1:0:1:0:1:0:1",
            "::ffff:1.2.3.4",
            "::ffff:102:304",
            "::1.2.3.4",
            "1.2.3.4",
            ":::",
            "::::",
            ":",
            "",
            ":1",
            "1:",
            "1:::",
            ":::1",
            "1:::2",
            "1::2::3",
            "::1::",
            "00::",
            "::01",
            "::00",
            "::0001",
            "::10000",
            "::ffff",
            "::fffff",
            "::g",
            "::-1",
            "::+1",
            ":: 1",
            " ::1",
            "::1 ",
            "::1]",
            "[::1]",
            "::1%eth0",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffff",
            "0ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
            "1:2:3:4:5:6:7:8:",
            ":1:2:3:4:5:6:7:8",
            "1:2:3:4::5:6:7:8",
            "1:2:3:4:5:6:7::8",
            "1:2:3:4:5:6::7:8",
            "a:b:c:d:e:f:a:b",
            "A:B:C:D:E:F:A:B",
            "1:2:3:4:5:6:7:８",
        ];
        for case in cases {
            check(case.as_bytes());
        }
        check(b"::\xff");
        check(b"\xff::");
        check(b"::1\0");

        // The oracle itself says what the URL Standard says; the fast path follows it above.
        let some = |text: &str| oracle(text.as_bytes()).is_some();
        assert!(some("::") && some("::1") && some("1::") && some("2001:db8::1"));
        assert!(!some("1:0:0:1:0:0:0:1") && some("1:0:0:1::1") && !some("1::1:0:0:0:1"));
        assert!(!some("1:0:0:2:0:0:3:4") && some("1::2:0:0:3:4") && !some("1:0:0:2::3:4"));
        assert!(some("1:0:2:3:4:5:6:7") && !some("1::2:3:4:5:6:7"));
        assert!(!some("0:0:1:2:3:4:5:6") && some("::1:2:3:4:5:6"));
        assert!(!some("::ffff:1.2.3.4") && some("::ffff:102:304"));
        assert!(!some("2001:DB8::1") && !some("2001:0db8::1") && !some(":::"));
        assert_eq!(
            parse_canonical_ipv6(b"1:0:0:1::1"),
            Some(address([1, 0, 0, 1, 0, 0, 0, 1]))
        );
        assert_eq!(
            parse_canonical_ipv6(b"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
            Some(Ipv6Addr::from(u128::MAX))
        );
    }

    /// Longer than the longest serialization: refused before reading.
    #[test]
    fn too_long() {
        let longest = b"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
        assert_eq!(longest.len(), super::MAX_LEN);
        assert!(parse_canonical_ipv6(longest).is_some());
        let mut longer = longest.to_vec();
        longer.push(b':');
        check(&longer);
        let mut padded = [b':'; 64];
        padded[..2].copy_from_slice(b"::");
        check(&padded);
        check(&[b'1'; 64]);
    }

    /// Every address whose pieces come from {0, 1, 0xa, 0xffff, 0x10}: the serializer's
    /// output reads back as the address, and the oracle agrees.
    /// The serializer's text of `address` reads back as `address`.
    fn assert_reads_back(address: Ipv6Addr) {
        let text = serialize(address);
        assert_eq!(
            parse_canonical_ipv6(text.as_bytes()),
            Some(address),
            "{text}"
        );
    }

    #[test]
    fn every_address_over_five_pieces() {
        const VALUES: [u16; 5] = [0, 1, 0xa, 0xffff, 0x10];
        let mut count = 0usize;
        for mut index in 0..5usize.pow(8) {
            let mut pieces = [0u16; 8];
            for piece in &mut pieces {
                *piece = VALUES[index % 5];
                index /= 5;
            }
            assert_reads_back(address(pieces));
            count += 1;
        }
        assert_eq!(count, 390_625);
    }

    /// One flip, insertion or deletion away from a canonical text: the fast path and the
    /// oracle agree. The canonical texts: every address with pieces from {0, 0x10} (every
    /// shape of zero runs, and a '0' digit in a nonzero piece to turn into a leading zero),
    /// and a spread of addresses with pieces from {0, 1, 0xa, 0xffff, 0x10}.
    #[test]
    fn mutations() {
        let mut checked = 0usize;
        for bits in 0..256u32 {
            let mut pieces = [0u16; 8];
            for (position, piece) in pieces.iter_mut().enumerate() {
                if bits & (1 << position) != 0 {
                    *piece = 0x10;
                }
            }
            checked += check_mutations(serialize(address(pieces)).as_bytes());
        }
        const VALUES: [u16; 5] = [0, 1, 0xa, 0xffff, 0x10];
        for mut index in (0..5usize.pow(8)).step_by(1009) {
            let mut pieces = [0u16; 8];
            for piece in &mut pieces {
                *piece = VALUES[index % 5];
                index /= 5;
            }
            checked += check_mutations(serialize(address(pieces)).as_bytes());
        }
        assert!(checked > 400_000, "{checked}");
    }

    /// Random addresses, each piece zero half of the time (so runs of every length occur),
    /// otherwise of a random width: the serialization reads back as the address.
    #[test]
    fn random_addresses() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..100_000 {
            let mut pieces = [0u16; 8];
            for piece in &mut pieces {
                if rng.below(2) == 0 {
                    let width = 4 * (1 + rng.below(4));
                    *piece = rng.piece(width);
                }
            }
            assert_reads_back(address(pieces));
            assert_reads_back(Ipv6Addr::from(
                u128::from(rng.next()) << 64 | u128::from(rng.next()),
            ));
        }
    }

    /// Random short texts, of random bytes from the alphabet and of random IPv6-looking
    /// tokens: the fast path and the oracle agree.
    #[test]
    fn random_texts() {
        const TOKENS: &[&str] = &[
            "0", "1", "a", "f", "10", "ff", "abc", "ffff", "0000", "01", "F", "fffff", ":", "::",
            ":", "0:", "1:", "0:", ".", "1.2.3.4", "255", "]",
        ];
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let mut text = Vec::new();
        let mut accepted = 0usize;
        for _ in 0..200_000 {
            text.clear();
            if rng.below(2) == 0 {
                for _ in 0..rng.below(42) {
                    let index = rng.index(ALPHABET.len());
                    text.push(ALPHABET[index]);
                }
            } else {
                for _ in 0..rng.below(16) {
                    let index = rng.index(TOKENS.len());
                    text.extend_from_slice(TOKENS[index].as_bytes());
                }
            }
            check(&text);
            accepted += usize::from(oracle(&text).is_some());
        }
        assert!(accepted > 100, "{accepted}");
    }
}
