//! Domains: percent-decoding, the domain parser (named "domain to ASCII" until 2026; the
//! anchor is unchanged), and the IDNA hook.
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
/// This is the standard's "domain parser ToASCII" with beStrict false, which step 6.1 of the
/// domain parser runs on a domain that is not ASCII: `CheckHyphens` false, `CheckBidi` true,
/// `CheckJoiners` true, `UseSTD3ASCIIRules` false, `Transitional_Processing` false,
/// `VerifyDnsLength` false and `IgnoreInvalidPunycode` false. `cors-core` cannot carry the
/// Unicode tables; `cors-std` implements this trait with the `idna` crate.
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

/// Steps 3-9 of the host parser, for a URL with a special scheme: a plain ASCII domain
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
/// (<https://url.spec.whatwg.org/#forbidden-domain-code-point>).
const PLAIN_DOMAIN_BYTES: ByteSet =
    byte_set!(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'.');

/// Whether `input` is a plain ASCII domain, the shape [`parse_plain_ascii_domain`] takes:
/// non-empty, at most [`MAX_HOST_LEN`] bytes, and every byte in [`PLAIN_DOMAIN_BYTES`]. An
/// `xn--` label is plain too: the domain parser lowercases an ASCII domain without
/// consulting UTS #46, Punycode labels included.
///
/// Everything else — the empty host, `%`, non-ASCII, any other byte, an input over the
/// limit — is left to [`parse_special_host_full`], so its failures keep coming from one
/// place, but for the IPv4 parser's, which both paths share.
pub(super) fn is_plain_ascii_domain(input: &[u8]) -> bool {
    // The scan below reads at most MAX_HOST_LEN bytes.
    if input.is_empty() || input.len() > MAX_HOST_LEN {
        return false;
    }
    input.iter().all(|&byte| PLAIN_DOMAIN_BYTES.contains(byte))
}

/// Steps 4-9 of the host parser for a plain ASCII domain ([`is_plain_ascii_domain`]), over
/// bytes; the same result as [`parse_special_host_full`] for such an input
/// (<https://url.spec.whatwg.org/#concept-host-parser>).
///
/// - Steps 4 and 5, the percent-encoded-byte check (a validation error only) and
///   percent-decoding then UTF-8 decoding: without a `%` and with ASCII only, the domain is
///   the input.
/// - Steps 6 and 7, the domain parser with beStrict false
///   (<https://url.spec.whatwg.org/#concept-domain-to-ascii>): for an ASCII domain its
///   step 5 takes the domain, ASCII lowercased, as the result, whatever Unicode ToASCII
///   would make of it (web compatibility, the spec's note says). The result is not the
///   empty string (the domain parser's step 7), as the input is not, and has no forbidden
///   domain code point (its step 8), as no byte of [`PLAIN_DOMAIN_BYTES`] is one, so the
///   domain parser cannot fail. Empty labels (`a..b`, a trailing `.`) and `-` anywhere
///   are kept, as the full path keeps them, and so is an `xn--` label that is not valid
///   Punycode (web-platform-tests toascii.json: `xn--a`, `xn--1ug.example`).
/// - Steps 8 and 9, ends in a number: [`host_of_ascii_domain`], as in the full path.
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
    host_of_ascii_domain(ascii_domain)
}

/// Steps 8 and 9 of the host parser: when asciiDomain ends in a number, the host is what
/// the IPv4 parser makes of it (step 8.2), otherwise asciiDomain, a domain. Step 8.1, an
/// IPv4-non-ASCII-input validation error, is not reported: this crate reports no validation
/// errors.
///
/// <https://url.spec.whatwg.org/#concept-host-parser>,
/// <https://url.spec.whatwg.org/#ends-in-a-number-checker>
fn host_of_ascii_domain(ascii_domain: &str) -> Result<HostShape, HostParseError> {
    if ends_in_a_number(ascii_domain) {
        return parse_ipv4(ascii_domain).map(HostShape::Ipv4);
    }
    Ok(HostShape::Domain)
}

/// Steps 3-9 of the host parser, for a URL with a special scheme, for any input: percent-
/// decoding, UTF-8 decoding, the domain parser (with the IDNA hook for a non-ASCII domain)
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
    // Step 3. The input is asserted to be non-empty.
    if input.is_empty() {
        return Err(HostParseError::EmptyHost);
    }
    // Step 4. A percent-encoded byte in the input is a domain-percent-encoded validation
    // error only; this crate reports no validation errors.
    // Step 5. domain is the input percent-decoded, then UTF-8 decoded without BOM.
    // (Without a `%` there is nothing to decode and the input is used as it is.)
    let mut decoded: Vec<u8, MAX_HOST_LEN> = Vec::new();
    let domain = if input.contains('%') {
        percent::decode(input.as_bytes(), &mut decoded).map_err(|_| HostParseError::TooLong)?;
        // Invalid UTF-8 would decode to U+FFFD, on which the domain parser fails; step 5's note
        // allows decoding "or fail" with an early return instead, which is what this does.
        core::str::from_utf8(&decoded).map_err(|_| HostParseError::InvalidUtf8)?
    } else {
        input
    };
    // Step 6. asciiDomain is the domain parser's result for domain, with beStrict false.
    // Step 7. A failure there is the host parser's failure.
    domain_to_ascii(domain, idna, ascii_domain)?;
    // Steps 8 and 9.
    host_of_ascii_domain(ascii_domain)
}

/// The domain parser (named "domain to ASCII" until 2026), with beStrict false.
///
/// <https://url.spec.whatwg.org/#concept-domain-to-ascii>
///
/// The result is written to `result`, which starts empty.
fn domain_to_ascii(
    domain: &str,
    idna: &dyn DomainToAscii,
    result: &mut DomainString,
) -> Result<(), HostParseError> {
    // Steps 1 and 2 (a strict ToASCII run whose failure is only a domain-to-ASCII validation
    // error, never a return) are skipped: this crate reports no validation errors. Step 3
    // (beStrict true) does not apply, and step 4 only starts result as null.
    // Step 5. An ASCII domain gives result = domain, ASCII lowercased, whatever UTS #46 would
    // say of it, so an ASCII label starting with "xn--" is kept even when it is not valid
    // Punycode (web-platform-tests toascii.json: `xn--a`, `xn--ls8h=`, `xn--1ug.example`).
    // Step 6. Otherwise result is the non-strict domain parser ToASCII (UTS #46 ToASCII with
    // the URL Standard's flags), supplied by the `DomainToAscii` hook (6.1); its failure is
    // failure (6.2).
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
    // Step 7. An empty result is failure.
    if result.is_empty() {
        return Err(HostParseError::EmptyHost);
    }
    // Step 8. A result containing a forbidden domain code point is failure.
    if result.chars().any(is_forbidden_domain_code_point) {
        return Err(HostParseError::ForbiddenDomainCodePoint);
    }
    // Step 9. Otherwise the result is returned.
    Ok(())
}
