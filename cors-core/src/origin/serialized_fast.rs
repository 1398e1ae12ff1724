//! The strict parser's fast path: `http` and `https` origins whose host is a domain or an
//! IPv6 address, the shapes nearly every `Origin` header has.
//!
//! It reads the same grammar as the full parser
//! (<https://fetch.spec.whatwg.org/#origin-header>), restricted to those shapes, in one pass
//! with no error to build: anything else, valid or not, gives `None`, and the full parser
//! reads the value again and names what is wrong. So every error still comes from one
//! place, and the fast path only has to agree with the full parser on what it accepts:
//! the tests compare the two over generated values.

use core::ops::Range;

use super::{MAX_PORT_DIGITS, label_run, port_digits};
use crate::http::swar::find_byte;
use crate::limits::MAX_SERIALIZED_ORIGIN_LEN;
use crate::origin::TupleOrigin;
use crate::origin::host::Host;
use crate::origin::host::ipv6_canonical::parse_canonical_ipv6;
use crate::origin::scheme::SpecialScheme;

/// Parses `value` when it is `http://` or `https://`, then a domain whose last label starts
/// with a letter or a bracketed IPv6 address in its canonical form, then an optional port
/// that is not the scheme's default; returns `None` for everything else.
///
/// A label that starts with a letter is neither all digits nor `0x` followed by hex digits,
/// so the host does not end in a number
/// (<https://url.spec.whatwg.org/#ends-in-a-number-checker>) and is not an IPv4 address.
/// The port rules are those of the ASCII serialization of an origin
/// (<https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin>):
/// the default port is omitted and the port is written in decimal without a leading zero.
///
/// `domain` borrows the domain `value[range]` as text: the input's own text, or the bytes
/// checked to be UTF-8.
///
/// For every value it accepts, the full parser gives the same origin.
#[inline]
pub(super) fn parse_special<'a>(
    value: &'a [u8],
    domain: impl FnOnce(Range<usize>) -> Option<&'a str>,
) -> Option<TupleOrigin<'a>> {
    if value.len() > MAX_SERIALIZED_ORIGIN_LEN {
        return None;
    }
    let scheme = http_prefix(value)?;
    let host_start = scheme.as_str().len() + 3;
    let (host, host_end) = if value.get(host_start) == Some(&b'[') {
        ipv6_host(value, host_start)?
    } else {
        let end = domain_end(value, host_start)?;
        (Host::Domain(domain(host_start..end)?), end)
    };
    let port = match value.get(host_end..) {
        Some([]) => None,
        Some([b':', digits @ ..]) => Some(port(digits, scheme)?),
        _ => return None,
    };
    Some(TupleOrigin::new(scheme.as_str(), host, port))
}

/// `https://` or `http://` at the start of `value`, compared as words (the eighth byte, the
/// host's first, masked off for `http://`).
#[inline]
pub(crate) fn http_prefix(value: &[u8]) -> Option<SpecialScheme> {
    const HTTPS: u64 = u64::from_le_bytes(*b"https://");
    const HTTP: u64 = u64::from_le_bytes(*b"http://\0");
    const SEVEN_BYTES: u64 = u64::MAX >> 8;
    let head = u64::from_le_bytes(*value.first_chunk::<8>()?);
    if head == HTTPS {
        Some(SpecialScheme::Https)
    } else if head & SEVEN_BYTES == HTTP {
        Some(SpecialScheme::Http)
    } else {
        None
    }
}

/// The end of a domain starting at `start`: labels of lowercase letters, digits and inner
/// `-`, joined by dots, up to the end of `value` or a `:`, the last label starting with a
/// letter.
#[inline]
fn domain_end(value: &[u8], start: usize) -> Option<usize> {
    let (end, last_label) = labels_end(value, start)?;
    value
        .get(last_label)
        .is_some_and(u8::is_ascii_lowercase)
        .then_some(end)
}

/// The end of the labels starting at `start` (lowercase letters, digits and inner `-`, each
/// label non-empty, joined by dots: the domain labels of `serialized-host`,
/// <https://fetch.spec.whatwg.org/#origin-header>), up to the end of `value` or a `:`, and
/// the start of the last label; `None` when anything else comes first.
#[inline]
pub(super) fn labels_end(value: &[u8], start: usize) -> Option<(usize, usize)> {
    let mut at = start;
    let mut label_start = start;
    // Each turn skips a run of letters and digits and at least one more byte: bounded by
    // the value's length, which every caller caps at `MAX_SERIALIZED_ORIGIN_LEN`.
    loop {
        let run = label_run(value, at);
        at += run;
        match value.get(at) {
            // A dot after a letter or digit ends a non-empty label that does not end with `-`.
            Some(b'.') if run > 0 => label_start = at + 1,
            // A `-` inside a label.
            Some(b'-') if at > label_start => {}
            // The end of the labels, after a letter or digit.
            Some(b':') | None if run > 0 => return Some((at, label_start)),
            _ => return None,
        }
        at += 1;
    }
}

/// `"[" IPv6 "]"` at `start`, the address in its canonical serialization: the host and the
/// offset just past `]`.
#[inline]
fn ipv6_host(value: &[u8], start: usize) -> Option<(Host<'static>, usize)> {
    let rest = value.get(start..)?;
    let close = find_byte(rest, b']')?;
    let address = parse_canonical_ipv6(rest.get(1..close)?)?;
    Some((Host::Ipv6(address), start + close + 1))
}

/// The port `digits`, the rest of the value: a decimal number without a leading zero, at
/// most 65535, not `scheme`'s default port.
#[inline]
pub(super) fn port(digits: &[u8], scheme: SpecialScheme) -> Option<u16> {
    let (len, number) = port_digits(digits);
    let leading_zero = len > 1 && digits.first() == Some(&b'0');
    if len == 0 || len > MAX_PORT_DIGITS || len != digits.len() || leading_zero {
        return None;
    }
    let port = u16::try_from(number).ok()?;
    (scheme.default_port() != Some(port)).then_some(port)
}

#[cfg(test)]
#[path = "serialized_fast_tests.rs"]
mod tests;
