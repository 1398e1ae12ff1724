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
    // Step 1. Let parts be the result of strictly splitting input on U+002E (.).
    let mut parts = input.rsplit('.');
    let mut last = parts.next().unwrap_or("");
    // Step 2. If the last item in parts is the empty string, then: if parts's size is 1,
    // return false; remove the last item from parts.
    if last.is_empty() {
        match parts.next() {
            Some(previous) => last = previous,
            None => return false,
        }
    }
    // Step 3. Let last be the last item in parts.
    // Step 4. If last is non-empty and contains only ASCII digits, then return true.
    if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // Step 5. If parsing last as an IPv4 number does not return failure, then return true.
    // Step 6. Return false.
    parse_ipv4_number(last).is_some()
}

/// The IPv4 parser.
///
/// <https://url.spec.whatwg.org/#concept-ipv4-parser>
pub fn parse_ipv4(input: &str) -> Result<Ipv4Addr, HostParseError> {
    // Step 1. Let parts be the result of strictly splitting input on U+002E (.).
    // Step 2. If the last item in parts is the empty string, then: IPv4-empty-part
    // validation error; if parts's size is greater than 1, then remove the last item.
    let input = match input.strip_suffix('.') {
        Some(rest) if !rest.is_empty() => rest,
        _ => input,
    };
    let mut numbers = [0u64; MAX_IPV4_PARTS];
    let mut count = 0usize;
    for part in input.split('.') {
        // Step 3. If parts's size is greater than 4, IPv4-too-many-parts validation error,
        // return failure.
        let slot = numbers.get_mut(count).ok_or(HostParseError::InvalidIpv4)?;
        // Step 5.1-5.2. Let result be the result of parsing part; failure is failure.
        *slot = parse_ipv4_number(part).ok_or(HostParseError::InvalidIpv4)?;
        count += 1;
    }
    let (last, init) = numbers
        .get(..count)
        .and_then(<[u64]>::split_last)
        .ok_or(HostParseError::InvalidIpv4)?;
    // Step 7. If any but the last item in numbers is greater than 255, then return failure.
    if init.iter().any(|&n| n > 255) {
        return Err(HostParseError::InvalidIpv4);
    }
    // Step 8. If the last item in numbers is greater than or equal to 256^(5 - numbers's
    // size), then return failure.
    let limit = 1u64 << (8 * (5 - count));
    if *last >= limit {
        return Err(HostParseError::InvalidIpv4);
    }
    // Steps 9-11. Let ipv4 be the last item; add each other item n multiplied by
    // 256^(3 - counter).
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
    // Steps 2-4. Choose the radix from a 0x / 0X or 0 prefix (at least two code points).
    let (digits, radix) =
        if input.len() >= 2 && (input.starts_with("0x") || input.starts_with("0X")) {
            (input.get(2..).unwrap_or(""), 16)
        } else if input.len() >= 2 && input.starts_with('0') {
            (input.get(1..).unwrap_or(""), 8)
        } else {
            (input, 10)
        };
    // Step 5. If input is the empty string, then return (0, true).
    // Step 6. If input contains a code point that is not a radix-R digit, return failure.
    // Step 7. Let output be the mathematical integer value that is represented by input.
    let mut value = 0u64;
    for c in digits.chars() {
        let digit = c.to_digit(radix)?;
        value = (value * u64::from(radix) + u64::from(digit)).min(1 << 32);
    }
    Some(value)
}
