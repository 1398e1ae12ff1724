//! The IPv6 parser and serializer.
//!
//! <https://url.spec.whatwg.org/#concept-ipv6-parser>

use core::fmt;
use core::net::Ipv6Addr;

use super::HostParseError;

/// The number of 16-bit pieces in an IPv6 address.
const PIECES: usize = 8;

/// A cursor over the ASCII bytes of an IPv6 address; a non-ASCII byte simply never matches.
struct Cursor<'a> {
    input: &'a [u8],
    pointer: usize,
}

impl Cursor<'_> {
    /// The code point the pointer points at, or `None` for the EOF code point.
    fn c(&self) -> Option<u8> {
        self.input.get(self.pointer).copied()
    }

    /// The code point after the pointer (the first of "remaining").
    fn remaining_first(&self) -> Option<u8> {
        self.input.get(self.pointer + 1).copied()
    }
}

/// The IPv6 parser: `input` is the text between `[` and `]`.
///
/// <https://url.spec.whatwg.org/#concept-ipv6-parser>
#[allow(clippy::too_many_lines)] // one spec algorithm, step by step
pub fn parse_ipv6(input: &str) -> Result<Ipv6Addr, HostParseError> {
    const FAIL: HostParseError = HostParseError::InvalidIpv6;
    // Step 1. Let address be a new IPv6 address whose IPv6 pieces are all 0.
    let mut address = [0u16; PIECES];
    // Steps 2-4. pieceIndex, compress and pointer.
    let mut piece_index = 0usize;
    let mut compress: Option<usize> = None;
    let mut cursor = Cursor {
        input: input.as_bytes(),
        pointer: 0,
    };
    // Step 5. If c is U+003A (:), then: if remaining does not start with U+003A (:),
    // IPv6-invalid-compression validation error, return failure; increase pointer by 2;
    // increase pieceIndex by 1 and then set compress to pieceIndex.
    if cursor.c() == Some(b':') {
        if cursor.remaining_first() != Some(b':') {
            return Err(FAIL);
        }
        cursor.pointer += 2;
        piece_index += 1;
        compress = Some(piece_index);
    }
    // Step 6. While c is not the EOF code point:
    while let Some(c) = cursor.c() {
        // Step 6.1. If pieceIndex is 8, IPv6-too-many-pieces validation error, return failure.
        if piece_index == PIECES {
            return Err(FAIL);
        }
        // Step 6.2. If c is U+003A (:), then: if compress is non-null, return failure;
        // increase pointer and pieceIndex by 1, set compress to pieceIndex, and continue.
        if c == b':' {
            if compress.is_some() {
                return Err(FAIL);
            }
            cursor.pointer += 1;
            piece_index += 1;
            compress = Some(piece_index);
            continue;
        }
        // Steps 6.3-6.4. Let value and length be 0; while length is less than 4 and c is an
        // ASCII hex digit, set value to value × 0x10 + c interpreted as hexadecimal number.
        let mut value = 0u16;
        let mut length = 0usize;
        while length < 4 {
            let Some(digit) = cursor.c().and_then(|b| char::from(b).to_digit(16)) else {
                break;
            };
            value = value * 0x10 + u16::try_from(digit).map_err(|_| FAIL)?;
            cursor.pointer += 1;
            length += 1;
        }
        match cursor.c() {
            // Step 6.5. If c is U+002E (.), then parse an IPv4 address in the last pieces.
            Some(b'.') => {
                if length == 0 {
                    return Err(FAIL);
                }
                cursor.pointer -= length;
                piece_index = parse_ipv4_tail(&mut cursor, &mut address, piece_index)?;
                break;
            }
            // Step 6.6. Otherwise, if c is U+003A (:): increase pointer by 1; if c is the EOF
            // code point, IPv6-invalid-code-point validation error, return failure.
            Some(b':') => {
                cursor.pointer += 1;
                if cursor.c().is_none() {
                    return Err(FAIL);
                }
            }
            // Step 6.7. Otherwise, if c is not the EOF code point, return failure.
            Some(_) => return Err(FAIL),
            None => {}
        }
        // Step 6.8, a piece with a leading zero, is an IPv6-piece-leading-zero validation
        // error only. Step 6.9. address[pieceIndex] is value. Step 6.10. pieceIndex + 1.
        *address.get_mut(piece_index).ok_or(FAIL)? = value;
        piece_index += 1;
    }
    match compress {
        // Step 7. If compress is non-null, then swap the pieces after compress to the end.
        // (The pieces from compress to pieceIndex move to the end; zeros fill the gap.)
        Some(compress) => {
            let head = address.get(..compress).ok_or(FAIL)?;
            let moved = address.get(compress..piece_index).ok_or(FAIL)?;
            let mut swapped = [0u16; PIECES];
            for (slot, piece) in swapped.iter_mut().zip(head) {
                *slot = *piece;
            }
            for (slot, piece) in swapped.iter_mut().rev().zip(moved.iter().rev()) {
                *slot = *piece;
            }
            address = swapped;
        }
        // Step 8. Otherwise, if compress is null and pieceIndex is not 8,
        // IPv6-too-few-pieces validation error, return failure.
        None if piece_index != PIECES => return Err(FAIL),
        None => {}
    }
    // Step 9. Return address.
    Ok(Ipv6Addr::from(address))
}

/// Step 6.5 of the IPv6 parser: a dotted IPv4 address in the last two pieces. Returns the new
/// pieceIndex.
///
/// <https://url.spec.whatwg.org/#concept-ipv6-parser>
fn parse_ipv4_tail(
    cursor: &mut Cursor<'_>,
    address: &mut [u16; PIECES],
    mut piece_index: usize,
) -> Result<usize, HostParseError> {
    const FAIL: HostParseError = HostParseError::InvalidIpv6;
    // Step 6.5.3. If pieceIndex is greater than 6, IPv4-in-IPv6-too-many-pieces validation
    // error, return failure.
    if piece_index > 6 {
        return Err(FAIL);
    }
    // Step 6.5.4. Let numbersSeen be 0.
    let mut numbers_seen = 0u8;
    // Step 6.5.5. While c is not the EOF code point:
    while cursor.c().is_some() {
        // Step 6.5.5.2. If numbersSeen is greater than 0, then: if c is U+002E (.) and
        // numbersSeen is less than 4, increase pointer by 1; otherwise return failure.
        if numbers_seen > 0 {
            if cursor.c() == Some(b'.') && numbers_seen < 4 {
                cursor.pointer += 1;
            } else {
                return Err(FAIL);
            }
        }
        // Step 6.5.5.3. If c is not an ASCII digit, return failure.
        // Step 6.5.5.4. While c is an ASCII digit: no leading zero, at most 255.
        let mut ipv4_piece: Option<u16> = None;
        while let Some(digit) = cursor.c().filter(u8::is_ascii_digit) {
            let number = u16::from(digit - b'0');
            ipv4_piece = match ipv4_piece {
                None => Some(number),
                Some(0) => return Err(FAIL),
                Some(piece) => Some(piece * 10 + number),
            };
            if ipv4_piece.is_some_and(|piece| piece > 255) {
                return Err(FAIL);
            }
            cursor.pointer += 1;
        }
        let ipv4_piece = ipv4_piece.ok_or(FAIL)?;
        // Step 6.5.5.5. Set address[pieceIndex] to address[pieceIndex] × 0x100 + ipv4Piece.
        let piece = address.get_mut(piece_index).ok_or(FAIL)?;
        *piece = *piece * 0x100 + ipv4_piece;
        // Steps 6.5.5.6-6.5.5.7. Increase numbersSeen; if it is 2 or 4, increase pieceIndex.
        numbers_seen += 1;
        if numbers_seen == 2 || numbers_seen == 4 {
            piece_index += 1;
        }
    }
    // Step 6.5.6. If numbersSeen is not 4, IPv4-in-IPv6-too-few-parts validation error,
    // return failure.
    if numbers_seen != 4 {
        return Err(FAIL);
    }
    Ok(piece_index)
}

/// The IPv6 serializer: lowercase hex pieces, the first longest run of two or more zero
/// pieces compressed to `::`.
///
/// <https://url.spec.whatwg.org/#concept-ipv6-serializer>
pub fn write_ipv6<W: fmt::Write>(address: Ipv6Addr, out: &mut W) -> fmt::Result {
    let pieces = address.segments();
    // Step 2. compress is what finding the IPv6 address compressed piece index gives: the
    // index of the first piece of the first longest run of zero pieces, of two or more.
    let compress = longest_zero_run(&pieces);
    // Step 3. Let ignore0 be false.
    let mut ignore0 = false;
    // Step 4. For each index pieceIndex of address's pieces (0 to 7):
    for (piece_index, &piece) in pieces.iter().enumerate() {
        // Step 4.1. If ignore0 is true and address[pieceIndex] is 0, then continue.
        if ignore0 && piece == 0 {
            continue;
        }
        // Step 4.2. Otherwise, if ignore0 is true, set ignore0 to false.
        ignore0 = false;
        // Step 4.3. If compress is pieceIndex, then: append "::" when pieceIndex is 0,
        // ":" otherwise; set ignore0 to true and continue.
        if compress == Some(piece_index) {
            out.write_str(if piece_index == 0 { "::" } else { ":" })?;
            ignore0 = true;
            continue;
        }
        // Step 4.4. Append address[pieceIndex], represented as the shortest possible
        // lowercase hexadecimal number. Step 4.5. If pieceIndex is not 7, append ":".
        write!(out, "{piece:x}")?;
        if piece_index != PIECES - 1 {
            out.write_char(':')?;
        }
    }
    Ok(())
}

/// The start of the first longest run of at least two zero pieces.
fn longest_zero_run(pieces: &[u16; PIECES]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    let mut run_start = 0usize;
    let mut run_len = 0usize;
    for (index, &piece) in pieces.iter().enumerate() {
        if piece == 0 {
            if run_len == 0 {
                run_start = index;
            }
            run_len += 1;
            if run_len >= 2 && best.is_none_or(|(_, len)| run_len > len) {
                best = Some((run_start, run_len));
            }
        } else {
            run_len = 0;
        }
    }
    best.map(|(start, _)| start)
}
