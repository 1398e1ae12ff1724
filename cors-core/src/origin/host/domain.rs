//! Domains: percent-decoding, domain to ASCII, and the IDNA hook.
//!
//! <https://url.spec.whatwg.org/#concept-domain-to-ascii>

use core::fmt;

use heapless::{String, Vec};

use super::code_points::is_forbidden_domain_code_point;
use super::ipv4::{ends_in_a_number, parse_ipv4};
use super::{HostParseError, HostShape, percent};
use crate::byte_set::ByteSet;
use crate::limits::MAX_HOST_LEN;

/// Fixed-capacity storage for a parsed domain or opaque host.
pub type DomainString = String<MAX_HOST_LEN>;

/// UTS #46 processing of a non-ASCII domain failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IdnaError {
    /// No UTS #46 implementation is available ([`NoIdna`]).
    Unsupported,
    /// UTS #46 ToASCII returned failure.
    Failure,
    /// The result is longer than [`MAX_HOST_LEN`] bytes.
    TooLong,
}

impl fmt::Display for IdnaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Unsupported => "no IDNA implementation",
            Self::Failure => "UTS #46 ToASCII failed",
            Self::TooLong => "IDNA result too long",
        })
    }
}

impl core::error::Error for IdnaError {}

/// UTS #46 ToASCII with the URL Standard's flags, for domains that are not ASCII.
///
/// The URL Standard calls it with `CheckHyphens` false, `CheckBidi` true, `CheckJoiners`
/// true, `UseSTD3ASCIIRules` false, `Transitional_Processing` false, `VerifyDnsLength`
/// false and `IgnoreInvalidPunycode` false. `cors-core` cannot carry the Unicode tables;
/// `cors-std` implements this trait with the `idna` crate.
///
/// <https://url.spec.whatwg.org/#concept-domain-to-ascii>
pub trait DomainToAscii {
    /// Writes the ASCII form of `domain` (which contains at least one non-ASCII code point)
    /// into `out`, which is empty on entry.
    fn domain_to_ascii(&self, domain: &str, out: &mut DomainString) -> Result<(), IdnaError>;
}

/// The IDNA hook that supports ASCII domains only: every non-ASCII domain is reported as
/// [`HostParseError::NeedsIdna`].
#[derive(Clone, Copy, Debug, Default)]
pub struct NoIdna;

impl DomainToAscii for NoIdna {
    fn domain_to_ascii(&self, _domain: &str, _out: &mut DomainString) -> Result<(), IdnaError> {
        Err(IdnaError::Unsupported)
    }
}

/// Steps 3-8 of the host parser, for a URL with a special scheme: a plain ASCII domain
/// (see [`is_plain_ascii_domain`]) by [`parse_plain_ascii_domain`], anything else by
/// [`parse_special_host_full`]. Both give the same result for every input.
///
/// <https://url.spec.whatwg.org/#concept-host-parser>
///
/// The domain is written to `ascii_domain`, which is empty on entry.
pub(super) fn parse_special_host(
    input: &str,
    idna: &dyn DomainToAscii,
    ascii_domain: &mut DomainString,
) -> Result<HostShape, HostParseError> {
    if is_plain_ascii_domain(input.as_bytes()) {
        return parse_plain_ascii_domain(input, ascii_domain);
    }
    parse_special_host_full(input, idna, ascii_domain)
}

/// The bytes of a plain ASCII domain: ASCII letters and digits, U+002D (-) and U+002E (.),
/// computed at compile time. None is a forbidden domain code point
/// (<https://url.spec.whatwg.org/#forbidden-domain-code-point>), nor U+0025 (%).
const PLAIN_DOMAIN_BYTES: ByteSet =
    byte_set!(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'.');

/// Whether `input` is a plain ASCII domain, the shape [`parse_plain_ascii_domain`] takes:
/// non-empty, at most [`MAX_HOST_LEN`] bytes, every byte in [`PLAIN_DOMAIN_BYTES`], and no
/// label (between `.`s) starting with an ASCII case-insensitive `xn--`.
///
/// Everything else — the empty host, `%`, non-ASCII, any other byte, an `xn--` label, an
/// input over the limit — is left to [`parse_special_host_full`], so its failures keep
/// coming from one place.
pub(super) fn is_plain_ascii_domain(input: &[u8]) -> bool {
    // The scan below reads at most MAX_HOST_LEN bytes (and the labels at most as many again).
    if input.is_empty() || input.len() > MAX_HOST_LEN {
        return false;
    }
    // An `xn--` label has `--` as its third and fourth bytes, and most domains have no `--`
    // at all: the labels are only looked at when there is one.
    let mut all_plain = true;
    let mut double_hyphen = false;
    let mut previous_hyphen = false;
    for &byte in input {
        all_plain &= PLAIN_DOMAIN_BYTES.contains(byte);
        let hyphen = byte == b'-';
        double_hyphen |= previous_hyphen & hyphen;
        previous_hyphen = hyphen;
    }
    all_plain && !(double_hyphen && has_xn_hyphens_label(input))
}

/// Whether a label of `input` (between `.`s) starts with an ASCII case-insensitive match
/// for `xn--`, the ACE prefix of a Punycode label.
fn has_xn_hyphens_label(input: &[u8]) -> bool {
    input
        .split(|&byte| byte == b'.')
        .any(starts_with_xn_hyphens)
}

/// Whether `label` starts with an ASCII case-insensitive match for `xn--`.
fn starts_with_xn_hyphens(label: &[u8]) -> bool {
    label
        .get(..4)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case(b"xn--"))
}

/// Steps 4-8 of the host parser for a plain ASCII domain ([`is_plain_ascii_domain`]), over
/// bytes; the same result as [`parse_special_host_full`] for such an input.
///
/// - Step 4, percent-decode and UTF-8 decode: without a `%` and with ASCII only, the domain
///   is the input (<https://url.spec.whatwg.org/#concept-host-parser>).
/// - Step 5, domain to ASCII with beStrict false
///   (<https://url.spec.whatwg.org/#concept-domain-to-ascii>): its Unicode ToASCII step
///   (`CheckHyphens` false, `VerifyDnsLength` false) carries the note "If beStrict is false,
///   domain is an ASCII string, and strictly splitting domain on U+002E (.) does not
///   produce any item that starts with an ASCII case-insensitive match for "xn--", this
///   step is equivalent to ASCII lowercasing domain". The result is not the empty string,
///   as the input is not, and has no forbidden domain code point, as no byte of
///   [`PLAIN_DOMAIN_BYTES`] is one, so neither check fails. Empty labels (`a..b`, a
///   trailing `.`) and `-` anywhere are kept, as the full path keeps them.
/// - Step 7, ends in a number: decided by [`ends_in_a_number`] and [`parse_ipv4`], as in
///   the full path, once [`last_label_starts_with_digit`] says it can be
///   (<https://url.spec.whatwg.org/#ends-in-a-number-checker>).
///
/// The lowercased domain is written to `ascii_domain` (empty on entry) in one copy.
fn parse_plain_ascii_domain(
    input: &str,
    ascii_domain: &mut DomainString,
) -> Result<HostShape, HostParseError> {
    ascii_domain
        .push_str(input)
        .map_err(|_| HostParseError::TooLong)?;
    ascii_domain.make_ascii_lowercase();
    // Step 7. If asciiDomain ends in a number, then return the result of IPv4 parsing
    // asciiDomain.
    if last_label_starts_with_digit(ascii_domain.as_bytes()) && ends_in_a_number(ascii_domain) {
        return parse_ipv4(ascii_domain).map(HostShape::Ipv4);
    }
    // Step 8. Return asciiDomain.
    Ok(HostShape::Domain)
}

/// Whether the last label of `domain` — after one trailing `.` is dropped, as the
/// ends-in-a-number checker's step 2 drops it — starts with an ASCII digit.
///
/// A domain that ends in a number always does: the checker's step 4 needs a non-empty
/// label of ASCII digits, and its step 5 an IPv4 number, which is decimal digits, `0x` then
/// hex digits, or `0` then octal digits (<https://url.spec.whatwg.org/#ipv4-number-parser>),
/// and never empty. So `false` here means the domain does not end in a number.
///
/// <https://url.spec.whatwg.org/#ends-in-a-number-checker>
fn last_label_starts_with_digit(domain: &[u8]) -> bool {
    let body = domain.strip_suffix(b".").unwrap_or(domain);
    let last = match body.iter().rposition(|&byte| byte == b'.') {
        Some(dot) => body.get(dot + 1..).unwrap_or_default(),
        None => body,
    };
    last.first().is_some_and(u8::is_ascii_digit)
}

/// Steps 3-8 of the host parser, for a URL with a special scheme, for any input: percent-
/// decoding, UTF-8 decoding, domain to ASCII (with the IDNA hook for a non-ASCII domain)
/// and the ends-in-a-number checker, step by step.
///
/// <https://url.spec.whatwg.org/#concept-host-parser>
///
/// The domain is written to `ascii_domain`, which is empty on entry.
pub(super) fn parse_special_host_full(
    input: &str,
    idna: &dyn DomainToAscii,
    ascii_domain: &mut DomainString,
) -> Result<HostShape, HostParseError> {
    // Step 3. Assert: input is not the empty string.
    if input.is_empty() {
        return Err(HostParseError::EmptyHost);
    }
    // Step 4. Let domain be the result of running UTF-8 decode without BOM on the
    // percent-decoding of input.
    // (Without a `%` there is nothing to decode and the input is used as it is.)
    let mut decoded: Vec<u8, MAX_HOST_LEN> = Vec::new();
    let domain = if input.contains('%') {
        percent::decode(input.as_bytes(), &mut decoded).map_err(|_| HostParseError::TooLong)?;
        // Invalid UTF-8 would decode to U+FFFD, which UTS #46 disallows: domain to ASCII fails.
        core::str::from_utf8(&decoded).map_err(|_| HostParseError::InvalidUtf8)?
    } else {
        input
    };
    // Step 5. Let asciiDomain be the result of running domain to ASCII with domain and false.
    // Step 6. If asciiDomain is failure, then return failure.
    domain_to_ascii(domain, idna, ascii_domain)?;
    // Step 7. If asciiDomain ends in a number, then return the result of IPv4 parsing
    // asciiDomain.
    if ends_in_a_number(ascii_domain) {
        return parse_ipv4(ascii_domain).map(HostShape::Ipv4);
    }
    // Step 8. Return asciiDomain.
    Ok(HostShape::Domain)
}

/// Domain to ASCII, with beStrict false.
///
/// <https://url.spec.whatwg.org/#concept-domain-to-ascii>
///
/// The result is written to `result`, which starts empty.
fn domain_to_ascii(
    domain: &str,
    idna: &dyn DomainToAscii,
    result: &mut DomainString,
) -> Result<(), HostParseError> {
    // Step 1 (a strict run that only reports validation errors) and step 2 (beStrict true)
    // do not apply: beStrict is false.
    // Step 3. If domain is ASCII, result is domain, ASCII lowercased: no UTS #46 processing,
    // so an ASCII label starting with "xn--" is kept even when it is not valid Punycode
    // (web-platform-tests toascii.json: `xn--a`, `xn--ls8h=`, `xn--1ug.example`).
    // Step 4. Otherwise, result is UTS #46 ToASCII with the URL Standard's flags, supplied by
    // the `DomainToAscii` hook; failure is failure.
    if domain.is_ascii() {
        result
            .push_str(domain)
            .map_err(|_| HostParseError::TooLong)?;
        result.make_ascii_lowercase();
    } else {
        idna.domain_to_ascii(domain, result)
            .map_err(|error| match error {
                IdnaError::Unsupported => HostParseError::NeedsIdna,
                IdnaError::Failure => HostParseError::IdnaFailure,
                IdnaError::TooLong => HostParseError::TooLong,
            })?;
    }
    // Step 5. If result is the empty string, domain-to-ASCII validation error, return failure.
    if result.is_empty() {
        return Err(HostParseError::EmptyHost);
    }
    // Step 5. If result contains a forbidden domain code point, domain-invalid-code-point
    // validation error, return failure.
    if result.chars().any(is_forbidden_domain_code_point) {
        return Err(HostParseError::ForbiddenDomainCodePoint);
    }
    // Step 6. Return result.
    Ok(())
}
