//! Domains: percent-decoding, domain to ASCII, and the IDNA hook.
//!
//! <https://url.spec.whatwg.org/#concept-domain-to-ascii>

use core::fmt;

use heapless::{String, Vec};

use super::code_points::is_forbidden_domain_code_point;
use super::ipv4::{ends_in_a_number, parse_ipv4};
use super::{HostParseError, HostShape, percent};
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

/// Steps 3-8 of the host parser, for a URL with a special scheme.
///
/// <https://url.spec.whatwg.org/#concept-host-parser>
///
/// The domain is written to `ascii_domain`.
pub(super) fn parse_special_host(
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
