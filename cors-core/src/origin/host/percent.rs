//! Percent-encoding and percent-decoding, into fixed-capacity buffers.
//!
//! <https://url.spec.whatwg.org/#percent-encoded-bytes>

use heapless::{String, Vec};

/// The output of a percent-encoder or decoder did not fit its buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Overflow;

/// Whether `c` is in the C0 control percent-encode set: the C0 controls and every code
/// point above U+007E (~).
///
/// <https://url.spec.whatwg.org/#c0-control-percent-encode-set>
pub(crate) fn in_c0_control_percent_encode_set(c: char) -> bool {
    c <= '\u{1f}' || c > '~'
}

/// UTF-8 percent-encodes `input` with the C0 control percent-encode set, appending to `out`.
///
/// <https://url.spec.whatwg.org/#string-utf-8-percent-encode>
pub(crate) fn encode_c0_control<const N: usize>(
    input: &str,
    out: &mut String<N>,
) -> Result<(), Overflow> {
    for c in input.chars() {
        push_encoded(c, out)?;
    }
    Ok(())
}

/// Appends `c` to `out`, percent-encoded when it is in the C0 control percent-encode set.
pub(crate) fn push_encoded<const N: usize>(c: char, out: &mut String<N>) -> Result<(), Overflow> {
    if !in_c0_control_percent_encode_set(c) {
        return out.push(c).map_err(|_| Overflow);
    }
    let mut utf8 = [0u8; 4];
    for byte in c.encode_utf8(&mut utf8).bytes() {
        push_percent_byte(byte, out)?;
    }
    Ok(())
}

/// Appends `%XX` (uppercase hex) for `byte`.
///
/// <https://url.spec.whatwg.org/#percent-encode>
pub(crate) fn push_percent_byte<const N: usize>(
    byte: u8,
    out: &mut String<N>,
) -> Result<(), Overflow> {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let high = HEX.get(usize::from(byte >> 4)).copied().unwrap_or(b'0');
    let low = HEX.get(usize::from(byte & 0x0f)).copied().unwrap_or(b'0');
    for digit in [b'%', high, low] {
        out.push(char::from(digit)).map_err(|_| Overflow)?;
    }
    Ok(())
}

/// Percent-decodes `input` into `out`.
///
/// > 1. Let output be an empty byte sequence.
/// > 2. For each byte byte in input: if byte is not 0x25 (%), or is not followed by two
/// >    ASCII hex digits, append byte; otherwise append the byte the two digits name and
/// >    skip them.
///
/// <https://url.spec.whatwg.org/#percent-decode>
pub(crate) fn decode<const N: usize>(input: &[u8], out: &mut Vec<u8, N>) -> Result<(), Overflow> {
    let mut rest = input;
    while let Some((&byte, tail)) = rest.split_first() {
        let decoded = match (byte, tail) {
            (b'%', [high, low, ..]) => hex_pair(*high, *low),
            _ => None,
        };
        let (value, next) = match decoded {
            Some(value) => (value, tail.get(2..).unwrap_or(&[])),
            None => (byte, tail),
        };
        out.push(value).map_err(|_| Overflow)?;
        rest = next;
    }
    Ok(())
}

/// The byte two ASCII hex digits name, or `None` when either is not a hex digit.
fn hex_pair(high: u8, low: u8) -> Option<u8> {
    let high = char::from(high).to_digit(16)?;
    let low = char::from(low).to_digit(16)?;
    u8::try_from(high * 16 + low).ok()
}
