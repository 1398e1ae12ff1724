//! Hosts and the host parser.
//!
//! <https://url.spec.whatwg.org/#hosts-(domains-and-ip-addresses)>

mod code_points;
mod domain;
mod ipv4;
mod ipv6;
pub(crate) mod ipv6_canonical;
pub(crate) mod percent;
#[cfg(test)]
mod tests;

use core::fmt;
use core::net::{Ipv4Addr, Ipv6Addr};

use crate::limits::MAX_HOST_LEN;

pub use domain::{DomainString, DomainToAscii, IdnaError, NoIdna};
pub use ipv4::{ends_in_a_number, parse_ipv4};
pub use ipv6::{parse_ipv6, write_ipv6};

pub(crate) use code_points::is_forbidden_host_code_point;

/// A host, borrowed: a domain, an IPv4 or IPv6 address, an opaque host, or the empty host.
///
/// <https://url.spec.whatwg.org/#concept-host>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // closed by the URL Standard
pub enum Host<'a> {
    /// A domain: a non-empty ASCII string, already lowercased (or passed through IDNA).
    ///
    /// <https://url.spec.whatwg.org/#concept-domain>
    Domain(&'a str),
    /// An IPv4 address. <https://url.spec.whatwg.org/#concept-ipv4>
    Ipv4(Ipv4Addr),
    /// An IPv6 address. <https://url.spec.whatwg.org/#concept-ipv6>
    Ipv6(Ipv6Addr),
    /// An opaque host: a non-empty ASCII string, the host of a URL with a non-special scheme.
    ///
    /// <https://url.spec.whatwg.org/#opaque-host>
    Opaque(&'a str),
    /// The empty host. <https://url.spec.whatwg.org/#empty-host>
    Empty,
}

impl Host<'_> {
    /// Writes the host serialization.
    ///
    /// <https://url.spec.whatwg.org/#concept-host-serializer>
    pub fn write_serialization<W: fmt::Write>(&self, out: &mut W) -> fmt::Result {
        match self {
            // Step 1. If host is an IPv4 address, return the result of running the IPv4
            // serializer on host.
            Self::Ipv4(address) => write_ipv4(*address, out),
            // Step 2. If host is an IPv6 address, return U+005B ([), followed by the result of
            // running the IPv6 serializer on host, followed by U+005D (]).
            Self::Ipv6(address) => {
                out.write_char('[')?;
                write_ipv6(*address, out)?;
                out.write_char(']')
            }
            // Step 3. Otherwise, host is a domain, opaque host, or empty host, return host.
            Self::Domain(text) | Self::Opaque(text) => out.write_str(text),
            Self::Empty => Ok(()),
        }
    }

    /// Whether this is a domain. <https://url.spec.whatwg.org/#concept-domain>
    pub fn is_domain(&self) -> bool {
        matches!(self, Self::Domain(_))
    }
}

impl fmt::Display for Host<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_serialization(f)
    }
}

/// The IPv4 serializer: four decimal numbers joined by `.`.
///
/// <https://url.spec.whatwg.org/#concept-ipv4-serializer>
fn write_ipv4<W: fmt::Write>(address: Ipv4Addr, out: &mut W) -> fmt::Result {
    let [a, b, c, d] = address.octets();
    write!(out, "{a}.{b}.{c}.{d}")
}

/// A host the parser produced, owning its text in fixed-capacity storage.
///
/// [`HostBuf::as_host`] borrows it as a [`Host`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // closed by the URL Standard
pub enum HostBuf {
    /// A domain (ASCII, lowercase).
    Domain(DomainString),
    /// An IPv4 address.
    Ipv4(Ipv4Addr),
    /// An IPv6 address.
    Ipv6(Ipv6Addr),
    /// An opaque host (percent-encoded with the C0 control percent-encode set).
    Opaque(DomainString),
    /// The empty host.
    Empty,
}

impl HostBuf {
    /// Borrows this host.
    pub fn as_host(&self) -> Host<'_> {
        match self {
            Self::Domain(text) => Host::Domain(text.as_str()),
            Self::Ipv4(address) => Host::Ipv4(*address),
            Self::Ipv6(address) => Host::Ipv6(*address),
            Self::Opaque(text) => Host::Opaque(text.as_str()),
            Self::Empty => Host::Empty,
        }
    }
}

impl fmt::Display for HostBuf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_host().write_serialization(f)
    }
}

/// Why the host parser returned failure.
///
/// Each variant names the step of <https://url.spec.whatwg.org/#concept-host-parser> (or of
/// the algorithm it calls) that fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HostParseError {
    /// Step 1.1: the input starts with `[` but does not end with `]` (IPv6-unclosed).
    Ipv6Unclosed,
    /// Step 1.2: the IPv6 parser returned failure.
    InvalidIpv6,
    /// The opaque-host parser, step 1: the input contains a forbidden host code point.
    ForbiddenHostCodePoint,
    /// The domain parser, step 8: its result contains a forbidden domain code point
    /// (<https://url.spec.whatwg.org/#concept-domain-to-ascii>).
    ForbiddenDomainCodePoint,
    /// The domain parser, step 7: its result is the empty string, a failure that names no
    /// validation error. Also the answer for an empty input to the special-scheme steps,
    /// which the host parser's step 3 asserts cannot happen.
    EmptyHost,
    /// Step 5: the percent-decoded host is not UTF-8. UTF-8 decoding would put U+FFFD in
    /// its place, on which the domain parser always fails; step 5's note allows failing at
    /// the decoding instead.
    InvalidUtf8,
    /// The domain parser needs UTS #46 ToASCII (its step 6.1, for a domain that is not
    /// ASCII) and no IDNA implementation was supplied: `cors-std` supplies one.
    NeedsIdna,
    /// The domain parser, step 6.2: UTS #46 ToASCII ("domain parser ToASCII" with beStrict
    /// false) returned failure.
    IdnaFailure,
    /// Step 8.2: the domain ends in a number and the IPv4 parser returned failure.
    InvalidIpv4,
    /// The host is longer than [`MAX_HOST_LEN`] bytes, as written
    /// or as parsed.
    TooLong,
}

impl HostParseError {
    /// A one-line description.
    pub const fn description(self) -> &'static str {
        match self {
            Self::Ipv6Unclosed => "IPv6 address is missing its closing `]`",
            Self::InvalidIpv6 => "invalid IPv6 address",
            Self::ForbiddenHostCodePoint => "host contains a forbidden host code point",
            Self::ForbiddenDomainCodePoint => "host contains a forbidden domain code point",
            Self::EmptyHost => "host is empty",
            Self::InvalidUtf8 => "percent-decoded host is not valid UTF-8",
            Self::NeedsIdna => "host is not ASCII and needs IDNA processing (use cors-std)",
            Self::IdnaFailure => "host fails IDNA (UTS #46) processing",
            Self::InvalidIpv4 => "host ends in a number but is not a valid IPv4 address",
            Self::TooLong => "host is longer than the limit",
        }
    }
}

impl fmt::Display for HostParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

impl core::error::Error for HostParseError {}

/// What the host parser found, its text (for a domain or an opaque host) written to a
/// buffer the caller owns: a [`DomainString`] is 1 KiB, which every move copies whole, so
/// the URL parser fills one buffer in place and moves it once, into its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HostShape {
    /// A domain: the text is the buffer.
    Domain,
    /// An opaque host: the text is the buffer.
    Opaque,
    /// An IPv4 address.
    Ipv4(Ipv4Addr),
    /// An IPv6 address.
    Ipv6(Ipv6Addr),
    /// The empty host.
    Empty,
}

impl HostShape {
    /// The host, with `text` the buffer the parser wrote to.
    pub(crate) fn into_host_buf(self, text: DomainString) -> HostBuf {
        match self {
            Self::Domain => HostBuf::Domain(text),
            Self::Opaque => HostBuf::Opaque(text),
            Self::Ipv4(address) => HostBuf::Ipv4(address),
            Self::Ipv6(address) => HostBuf::Ipv6(address),
            Self::Empty => HostBuf::Empty,
        }
    }
}

/// The host parser: turns the host part of a URL into a [`HostBuf`].
///
/// `is_opaque` is true for URLs with a non-special scheme. Non-ASCII domains go through
/// `idna` (use [`NoIdna`] to have them reported as [`HostParseError::NeedsIdna`]).
///
/// <https://url.spec.whatwg.org/#concept-host-parser>
pub fn parse_host(
    input: &str,
    is_opaque: bool,
    idna: &dyn DomainToAscii,
) -> Result<HostBuf, HostParseError> {
    let mut text = DomainString::new();
    let shape = parse_host_into(input, is_opaque, idna, &mut text)?;
    Ok(shape.into_host_buf(text))
}

/// [`parse_host`], writing the text of a domain or an opaque host to `text` (emptied
/// first).
///
/// <https://url.spec.whatwg.org/#concept-host-parser>
pub(crate) fn parse_host_into(
    input: &str,
    is_opaque: bool,
    idna: &dyn DomainToAscii,
    text: &mut DomainString,
) -> Result<HostShape, HostParseError> {
    text.clear();
    if input.len() > MAX_HOST_LEN {
        return Err(HostParseError::TooLong);
    }
    // Step 1. If input starts with U+005B ([), then:
    if let Some(rest) = input.strip_prefix('[') {
        // Step 1.1. If input does not end with U+005D (]), IPv6-unclosed validation error,
        // return failure.
        let inside = rest.strip_suffix(']').ok_or(HostParseError::Ipv6Unclosed)?;
        // Step 1.2. Return the result of IPv6 parsing input with its leading U+005B ([) and
        // trailing U+005D (]) removed.
        return parse_ipv6(inside).map(HostShape::Ipv6);
    }
    // Step 2. If isOpaque is true, then return the result of opaque-host parsing input.
    if is_opaque {
        return parse_opaque_host(input, text);
    }
    // Steps 3-9: percent-decode, UTF-8 decode, the domain parser (formerly domain to
    // ASCII), ends-in-a-number then the IPv4 parser.
    domain::parse_special_host(input, idna, text)
}

/// The opaque-host parser.
///
/// <https://url.spec.whatwg.org/#concept-opaque-host-parser>
fn parse_opaque_host(input: &str, out: &mut DomainString) -> Result<HostShape, HostParseError> {
    // Step 1. If input contains a forbidden host code point, host-invalid-code-point
    // validation error, return failure.
    if input.chars().any(is_forbidden_host_code_point) {
        return Err(HostParseError::ForbiddenHostCodePoint);
    }
    // Steps 2-3 are validation errors only.
    // Step 4. Return the result of running UTF-8 percent-encode on input using the C0
    // control percent-encode set.
    if input.is_empty() {
        return Ok(HostShape::Empty);
    }
    percent::encode_c0_control(input, out).map_err(|_| HostParseError::TooLong)?;
    Ok(HostShape::Opaque)
}
