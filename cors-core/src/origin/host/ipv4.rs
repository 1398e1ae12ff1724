//! The IPv4 parser and the ends-in-a-number checker.
//!
//! <https://url.spec.whatwg.org/#concept-ipv4-parser>

use core::net::Ipv4Addr;

use super::HostParseError;

/// The most parts an IPv4 address may have (`a.b.c.d`).
const MAX_IPV4_PARTS: usize = 4;

/// The ends-in-a-number checker: whether the last label of `input` is a number, so that the
/// host must be an IPv4 address.
///
/// <https://url.spec.whatwg.org/#ends-in-a-number-checker>
pub fn ends_in_a_number(input: &str) -> bool {
    // Step 1. input is asserted to be non-empty (the host parser only asks about a domain
    // the domain parser returned, which is never empty). This function is public, so the
    // empty string is answered anyway: false, below.
    // Step 2. parts is input strictly split on U+002E (.).
    // Step 3. An empty last item (one trailing `.`) is removed from parts. (Only the empty
    // input has no item before it; it is ruled out by step 1, and gives the empty last
    // below, so false.)
    let body = input.strip_suffix('.').unwrap_or(input);
    // Step 4. last is the last item of parts.
    let last = match body.as_bytes().iter().rposition(|&byte| byte == b'.') {
        Some(dot) => body.get(dot + 1..).unwrap_or_default(),
        None => body,
    };
    // Steps 5 and 6 need a last that starts with an ASCII digit: all digits, or an IPv4
    // number, which is decimal digits, `0x` then hex digits, or `0` then octal digits, and
    // never empty (<https://url.spec.whatwg.org/#ipv4-number-parser>). Nearly every domain
    // is settled here, by one byte.
    if !last.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    // Step 5. A non-empty last of ASCII digits only: true.
    if last.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // Step 6. A last that the IPv4 number parser does not fail on: true.
    // Step 7. Otherwise false.
    parse_ipv4_number(last).is_some()
}

/// The IPv4 parser.
///
/// <https://url.spec.whatwg.org/#concept-ipv4-parser>
pub fn parse_ipv4(input: &str) -> Result<Ipv4Addr, HostParseError> {
    // Step 1. parts is input strictly split on U+002E (.).
    // Step 2. An empty last item is an IPv4-empty-part validation error (2.1), and is
    // removed when parts has more than one item (2.2).
    let input = match input.strip_suffix('.') {
        Some(rest) if !rest.is_empty() => rest,
        _ => input,
    };
    let mut numbers = [0u64; MAX_IPV4_PARTS];
    let mut count = 0usize;
    // Step 3. Fewer than 4 parts is an IPv4-too-few-parts validation error only; this crate
    // reports no validation errors.
    // Step 5. numbers starts empty.
    for part in input.split('.') {
        // Step 4. More than 4 parts is failure (IPv4-too-many-parts). The spec counts the
        // parts before parsing any; failing at the fifth part gives the same failure.
        let slot = numbers.get_mut(count).ok_or(HostParseError::InvalidIpv4)?;
        // Steps 6.1-6.2. Each part goes through the IPv4 number parser, whose failure is
        // failure (IPv4-non-numeric-part). Step 6.3, IPv4-non-decimal-part, is a validation
        // error only; step 6.4 appends the number.
        *slot = parse_ipv4_number(part).ok_or(HostParseError::InvalidIpv4)?;
        count += 1;
    }
    let (last, init) = numbers
        .get(..count)
        .and_then(<[u64]>::split_last)
        .ok_or(HostParseError::InvalidIpv4)?;
    // Step 7. A number over 255 is an IPv4-out-of-range-part validation error only.
    // Step 8. Any item but the last over 255 is failure.
    if init.iter().any(|&n| n > 255) {
        return Err(HostParseError::InvalidIpv4);
    }
    // Step 9. The last item at or over 256^(5 - numbers's size) is failure.
    let limit = 1u64 << (8 * (5 - count));
    if *last >= limit {
        return Err(HostParseError::InvalidIpv4);
    }
    // Steps 10-13. ipv4 starts as the last item, which is removed from numbers; each other
    // item n, at index counter, adds n × 256^(3 - counter). Step 14 returns ipv4.
    let mut ipv4 = *last;
    for (counter, n) in init.iter().enumerate() {
        ipv4 += n << (8 * (3 - counter));
    }
    u32::try_from(ipv4)
        .map(Ipv4Addr::from)
        .map_err(|_| HostParseError::InvalidIpv4)
}

/// The IPv4 number parser; `None` is failure. Values past 2^32 saturate there, which every
/// caller rejects.
///
/// <https://url.spec.whatwg.org/#ipv4-number-parser>
fn parse_ipv4_number(input: &str) -> Option<u64> {
    // Step 1. If input is the empty string, then return failure.
    if input.is_empty() {
        return None;
    }
    // Steps 2-5. validationError starts false and R at 10; a `0x` or `0X` prefix is removed
    // and makes R 16 (step 4), otherwise a leading `0` of an input of two or more code points
    // is removed and makes R 8 (step 5). validationError (set by either) is not kept: the
    // IPv4 parser uses it for a validation error only.
    let (digits, radix) =
        if input.len() >= 2 && (input.starts_with("0x") || input.starts_with("0X")) {
            (input.get(2..).unwrap_or(""), 16)
        } else if input.len() >= 2 && input.starts_with('0') {
            (input.get(1..).unwrap_or(""), 8)
        } else {
            (input, 10)
        };
    // Step 6. What is left being empty gives 0 (the loop below reads no digit).
    // Step 7. A code point that is not a radix-R digit is failure.
    // Step 8. output is the value of the digits in radix R. Step 9 returns it.
    let mut value = 0u64;
    for c in digits.chars() {
        let digit = c.to_digit(radix)?;
        value = (value * u64::from(radix) + u64::from(digit)).min(1 << 32);
    }
    Some(value)
}
