//! The strict parser of a serialized origin: the value of an `Origin` or
//! `Access-Control-Allow-Origin` header.
//!
//! Fetch defines the grammar (<https://fetch.spec.whatwg.org/#origin-header>):
//!
//! ```text
//! origin-or-null    = serialized-origin / %s"null"
//! serialized-origin = serialized-scheme "://" serialized-host [ ":" port ]
//! ```
//!
//! with a lowercase scheme, and a host that is a dotted-decimal IPv4 address without leading
//! zeros, a bracketed IPv6 address in its canonical compressed lowercase form, or a lowercase
//! LDH domain without a trailing dot. On top of the grammar the parser accepts only what the
//! ASCII serialization of an origin can produce
//! (<https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin>):
//! no default port, no leading zero in the port, and for special schemes no domain that ends
//! in a number (the URL parser would have made it an IPv4 address). So for every accepted
//! input, serializing the result gives the input back byte for byte.
//!
//! The two entry points first try a fast path (`serialized_fast.rs`) for the shapes nearly
//! every `Origin` header has, `http` or `https` with a domain or an IPv6 address; it returns
//! the finished origin or leaves the value to the full parser, which alone reports errors.

use core::fmt;
use core::ops::Range;

use super::host::ipv6_canonical::parse_canonical_ipv6;
use super::host::{Host, ends_in_a_number, parse_ipv4, parse_ipv6, write_ipv6};
use super::scheme::SpecialScheme;
use super::{OpaqueId, Origin, TupleOrigin};
use crate::byte_set::ByteSet;
use crate::http::swar::find_byte;
use crate::limits::MAX_SERIALIZED_ORIGIN_LEN;
pub(crate) use fast::http_prefix;
use fast::parse_special;

#[path = "serialized_fast.rs"]
mod fast;

/// A parsed `origin-or-null`: the literal `null`, or a tuple origin borrowing the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // closed by the grammar
pub enum OriginOrNull<'a> {
    /// The literal `null`: the serialization of an opaque origin.
    Null,
    /// A serialized tuple origin.
    Origin(TupleOrigin<'a>),
}

impl<'a> OriginOrNull<'a> {
    /// The origin this value denotes; `null` becomes the opaque origin `opaque`.
    pub const fn to_origin(self, opaque: OpaqueId) -> Origin<'a> {
        match self {
            Self::Null => Origin::Opaque(opaque),
            Self::Origin(tuple) => Origin::Tuple(tuple),
        }
    }
}

impl fmt::Display for OriginOrNull<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Null => f.write_str("null"),
            Self::Origin(tuple) => tuple.write_ascii(f),
        }
    }
}

/// What is wrong with a serialized origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SerializedOriginErrorKind {
    /// The value is empty.
    Empty,
    /// The value is longer than [`MAX_SERIALIZED_ORIGIN_LEN`] bytes.
    TooLong,
    /// The scheme has an uppercase letter; a serialized scheme is lowercase.
    UppercaseScheme,
    /// The scheme does not start with a letter, or has a byte other than a lowercase
    /// letter, a digit, `+`, `-` or `.`.
    InvalidScheme,
    /// The scheme is not followed by `://`.
    MissingSchemeSeparator,
    /// The scheme is `file`: the origin of a `file:` URL is opaque and serializes as `null`.
    FileScheme,
    /// The host is empty.
    EmptyHost,
    /// The host has an uppercase letter; a serialized host is lowercase.
    UppercaseHost,
    /// The value has userinfo (`user@host`); an origin never does.
    Userinfo,
    /// The host has a byte outside the domain grammar (letters, digits, `-`, `.`):
    /// for instance `%`, `_` or a non-ASCII byte.
    InvalidHostByte,
    /// The domain has an empty label: a leading, doubled or trailing dot.
    EmptyLabel,
    /// A domain label starts or ends with `-`.
    LabelHyphen,
    /// The host of a special scheme ends in a number but is not an IPv4 address in
    /// dotted-decimal form without leading zeros.
    NonCanonicalIpv4,
    /// The bracketed host is not an IPv6 address, or `]` is missing.
    InvalidIpv6,
    /// The IPv6 address is not in its canonical serialization (lowercase, no leading zeros,
    /// longest zero run compressed, no embedded IPv4).
    NonCanonicalIpv6,
    /// `:` is not followed by a port number.
    EmptyPort,
    /// The port has a byte that is not a digit.
    InvalidPort,
    /// The port has a leading zero.
    PortLeadingZero,
    /// The port is above 65535.
    PortOutOfRange,
    /// The port is the scheme's default port, which the serialization omits.
    DefaultPort,
    /// A path follows the host, if only a trailing `/`.
    Path,
    /// A query (`?`) or fragment (`#`) follows the host.
    QueryOrFragment,
    /// Bytes follow the host or port that no rule allows.
    TrailingBytes,
}

impl SerializedOriginErrorKind {
    /// A one-line description.
    pub const fn description(self) -> &'static str {
        match self {
            Self::Empty => "empty value",
            Self::TooLong => "value longer than the limit",
            Self::UppercaseScheme => "scheme must be lowercase",
            Self::InvalidScheme => "scheme must be a letter followed by letters, digits, +, - or .",
            Self::MissingSchemeSeparator => "scheme must be followed by \"://\"",
            Self::FileScheme => "file: origins are opaque and serialize as \"null\"",
            Self::EmptyHost => "empty host",
            Self::UppercaseHost => "host must be lowercase",
            Self::Userinfo => "an origin has no userinfo (user@host)",
            Self::InvalidHostByte => "host byte outside letters, digits, - and .",
            Self::EmptyLabel => "empty domain label (leading, doubled or trailing dot)",
            Self::LabelHyphen => "domain label starts or ends with -",
            Self::NonCanonicalIpv4 => {
                "host ends in a number but is not canonical dotted-decimal IPv4"
            }
            Self::InvalidIpv6 => "invalid bracketed IPv6 address",
            Self::NonCanonicalIpv6 => "IPv6 address is not in canonical compressed lowercase form",
            Self::EmptyPort => "\":\" without a port",
            Self::InvalidPort => "port must be decimal digits",
            Self::PortLeadingZero => "port has a leading zero",
            Self::PortOutOfRange => "port above 65535",
            Self::DefaultPort => "default port must be omitted",
            Self::Path => "an origin has no path, not even a trailing /",
            Self::QueryOrFragment => "an origin has no query or fragment",
            Self::TrailingBytes => "unexpected bytes after the host or port",
        }
    }
}

/// A serialized origin failed to parse: what is wrong, and the byte offset where.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SerializedOriginError {
    /// What is wrong.
    pub kind: SerializedOriginErrorKind,
    /// The byte offset in the input where the problem was found.
    pub position: usize,
}

impl fmt::Display for SerializedOriginError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.kind.description(), self.position)
    }
}

impl core::error::Error for SerializedOriginError {}

type Kind = SerializedOriginErrorKind;

const fn error(kind: Kind, position: usize) -> SerializedOriginError {
    SerializedOriginError { kind, position }
}

/// Parses a serialized origin or `null`, strictly: the input must be exactly what the ASCII
/// serialization of an origin produces.
///
/// `null` is [`OriginOrNull::Null`], not an error. The result borrows `value`.
///
/// <https://fetch.spec.whatwg.org/#origin-header>
pub fn parse_origin_or_null(value: &[u8]) -> Result<OriginOrNull<'_>, SerializedOriginError> {
    let domain = |range: Range<usize>| core::str::from_utf8(value.get(range)?).ok();
    if let Some(tuple) = parse_special(value, domain) {
        return Ok(OriginOrNull::Origin(tuple));
    }
    Ok(match parse_serialized(value)? {
        SerializedOrigin::Null => OriginOrNull::Null,
        SerializedOrigin::Tuple(tuple) => OriginOrNull::Origin(tuple.to_tuple_origin()),
    })
}

impl<'a> OriginOrNull<'a> {
    /// [`parse_origin_or_null`] of text: the same grammar and errors, for callers that hold
    /// a `&str` (as the `url` crate's parser takes), so no UTF-8 check of the bytes is
    /// needed to borrow the scheme and host as strings.
    ///
    /// <https://fetch.spec.whatwg.org/#origin-header>
    pub fn parse(value: &'a str) -> Result<Self, SerializedOriginError> {
        if let Some(tuple) = parse_special(value.as_bytes(), |range| value.get(range)) {
            return Ok(Self::Origin(tuple));
        }
        Ok(match parse_serialized(value.as_bytes())? {
            SerializedOrigin::Null => Self::Null,
            SerializedOrigin::Tuple(tuple) => Self::Origin(tuple.to_tuple_origin_of(value)),
        })
    }
}

/// A serialized origin as the strict parser found it: the literal `null`, or the byte
/// ranges of a tuple origin's scheme and host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SerializedOrigin<'a> {
    /// `null`.
    Null,
    /// A tuple origin.
    Tuple(SerializedTuple<'a>),
}

/// A serialized tuple origin, its parts still bytes of the input.
///
/// The parser accepts only canonical serializations, so `host` is the host's serialization
/// byte for byte (an IPv4 address in dotted decimal, an IPv6 address in brackets, a
/// lowercase domain): the policy compares it with its patterns as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SerializedTuple<'a> {
    /// The scheme, lowercase ASCII.
    pub(crate) scheme: &'a [u8],
    /// The special scheme `scheme` is, if it is one.
    pub(crate) special: Option<SpecialScheme>,
    /// The serialized host.
    pub(crate) host: &'a [u8],
    /// The offset of `host` in the input.
    pub(crate) host_at: usize,
    /// What the host is.
    pub(crate) kind: HostKind,
    /// The port, `None` when omitted.
    pub(crate) port: Option<u16>,
}

/// What kind of host a [`SerializedTuple`] has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HostKind {
    /// A domain (special schemes).
    Domain,
    /// An opaque host (other schemes).
    Opaque,
    /// An IPv4 address, as its 32 bits (aligned, so a result is moved by words).
    Ipv4(u32),
    /// An IPv6 address, as its 128 bits.
    Ipv6(u128),
}

impl<'a> SerializedTuple<'a> {
    /// The tuple origin, its strings borrowing the input.
    fn to_tuple_origin(self) -> TupleOrigin<'a> {
        let scheme = match self.special {
            Some(special) => special.as_str(),
            None => ascii_str(self.scheme),
        };
        let host = match self.kind {
            HostKind::Domain => Host::Domain(ascii_str(self.host)),
            HostKind::Opaque => Host::Opaque(ascii_str(self.host)),
            HostKind::Ipv4(bits) => Host::Ipv4(core::net::Ipv4Addr::from_bits(bits)),
            HostKind::Ipv6(bits) => Host::Ipv6(core::net::Ipv6Addr::from_bits(bits)),
        };
        TupleOrigin::new(scheme, host, self.port)
    }

    /// The tuple origin, its strings borrowing `text`, the input as text.
    fn to_tuple_origin_of(self, text: &'a str) -> TupleOrigin<'a> {
        let scheme = match self.special {
            Some(special) => special.as_str(),
            None => text.get(..self.scheme.len()).unwrap_or_default(),
        };
        let host_text = || {
            text.get(self.host_at..self.host_at + self.host.len())
                .unwrap_or_default()
        };
        let host = match self.kind {
            HostKind::Domain => Host::Domain(host_text()),
            HostKind::Opaque => Host::Opaque(host_text()),
            HostKind::Ipv4(bits) => Host::Ipv4(core::net::Ipv4Addr::from_bits(bits)),
            HostKind::Ipv6(bits) => Host::Ipv6(core::net::Ipv6Addr::from_bits(bits)),
        };
        TupleOrigin::new(scheme, host, self.port)
    }
}

/// The strict parser behind [`parse_origin_or_null`], leaving the parts as bytes.
pub(crate) fn parse_serialized(
    value: &[u8],
) -> Result<SerializedOrigin<'_>, SerializedOriginError> {
    if value.len() > MAX_SERIALIZED_ORIGIN_LEN {
        return Err(error(Kind::TooLong, MAX_SERIALIZED_ORIGIN_LEN));
    }
    if value.is_empty() {
        return Err(error(Kind::Empty, 0));
    }
    // origin-or-null = serialized-origin / %s"null"
    if value == b"null" {
        return Ok(SerializedOrigin::Null);
    }
    let (scheme, special, host_start) = parse_scheme(value)?;
    if special == Some(SpecialScheme::File) {
        return Err(error(Kind::FileScheme, 0));
    }
    let (host, kind, port_start) = parse_host_part(value, host_start, special.is_some())?;
    let port = parse_port_part(value, port_start, special)?;
    Ok(SerializedOrigin::Tuple(SerializedTuple {
        scheme,
        special,
        host,
        host_at: host_start,
        kind,
        port,
    }))
}

/// The special scheme `value` starts with, followed by `://`, and the scheme's length:
/// tried before the general scheme grammar, with comparisons of fixed sizes.
fn special_prefix(value: &[u8]) -> Option<(SpecialScheme, usize)> {
    // `https://` and `http://`, by far the most common, as comparisons of words.
    if let Some(scheme) = http_prefix(value) {
        return Some((scheme, scheme.as_str().len()));
    }
    let (scheme, len) = match value.first_chunk::<7>() {
        Some(b"http://") => (SpecialScheme::Http, 4),
        _ => match value.first_chunk::<6>() {
            Some(b"wss://") => (SpecialScheme::Wss, 3),
            Some(b"ftp://") => (SpecialScheme::Ftp, 3),
            _ => match value.first_chunk::<5>() {
                Some(b"ws://") => (SpecialScheme::Ws, 2),
                _ => return None,
            },
        },
    };
    Some((scheme, len))
}

/// `serialized-scheme "://"`: returns the scheme, the special scheme it is, if any, and the
/// offset of the host.
fn parse_scheme(
    value: &[u8],
) -> Result<(&[u8], Option<SpecialScheme>, usize), SerializedOriginError> {
    if let Some((special, end)) = special_prefix(value) {
        return Ok((value.get(..end).unwrap_or_default(), Some(special), end + 3));
    }
    let end = value.iter().position(|&b| b == b':').unwrap_or(value.len());
    let scheme = value.get(..end).unwrap_or(&[]);
    for (position, &byte) in scheme.iter().enumerate() {
        let valid = byte.is_ascii_lowercase()
            || (position > 0 && (byte.is_ascii_digit() || matches!(byte, b'+' | b'-' | b'.')));
        if !valid {
            let kind = if byte.is_ascii_uppercase() {
                Kind::UppercaseScheme
            } else {
                Kind::InvalidScheme
            };
            return Err(error(kind, position));
        }
    }
    if scheme.is_empty() {
        return Err(error(Kind::InvalidScheme, 0));
    }
    if value.get(end..end + 3) != Some(b"://") {
        return Err(error(Kind::MissingSchemeSeparator, end));
    }
    let special = SpecialScheme::from_scheme(ascii_str(scheme));
    Ok((scheme, special, end + 3))
}

/// `serialized-host`: returns the host, its kind and the offset just past it.
fn parse_host_part(
    value: &[u8],
    start: usize,
    special: bool,
) -> Result<(&[u8], HostKind, usize), SerializedOriginError> {
    if value.get(start) == Some(&b'[') {
        return parse_ipv6_host(value, start);
    }
    let (end, last_label) = check_domain_grammar(value, start)?;
    let text = value.get(start..end).unwrap_or_default();
    let last_label = value.get(last_label..end).unwrap_or_default();
    let kind = if !special {
        HostKind::Opaque
    } else if ends_in_a_number(ascii_str(last_label)) {
        HostKind::Ipv4(
            canonical_ipv4(ascii_str(text))
                .ok_or(error(Kind::NonCanonicalIpv4, start))?
                .to_bits(),
        )
    } else {
        HostKind::Domain
    };
    Ok((text, kind, end))
}

/// Whether `labels` is one or more labels of the domain grammar joined by dots, and nothing
/// else: what [`check_domain_grammar`] accepts as a whole host
/// (<https://fetch.spec.whatwg.org/#origin-header>, `serialized-host`). Put in front of a domain the
/// grammar accepts, with a dot between, they make a host it accepts too (the grammar is
/// label by label). Labels longer than a serialized origin can be are refused unread.
pub(crate) fn is_domain_labels(labels: &[u8]) -> bool {
    labels.len() <= MAX_SERIALIZED_ORIGIN_LEN
        && fast::labels_end(labels, 0).is_some_and(|(end, _)| end == labels.len())
}

/// Whether `tail`, what follows the host in a value with the special scheme `scheme`, is as
/// the ASCII serialization of an origin writes it
/// (<https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin>):
/// nothing, or `:` and a port that is not the scheme's default, in decimal without a leading
/// zero.
pub(crate) fn is_port_part(tail: &[u8], scheme: &[u8]) -> bool {
    match tail {
        [] => true,
        [b':', digits @ ..] => SpecialScheme::from_scheme(ascii_str(scheme))
            .is_some_and(|scheme| fast::port(digits, scheme).is_some()),
        _ => false,
    }
}

/// The LDH domain grammar over `value` from `start` up to the first `:`, `/`, `?` or `#`:
/// lowercase letters, digits and `-` in non-empty labels that do not start or end with `-`.
/// IPv4 text is a special case of it. Returns the offsets of the host's end and of its last
/// label.
///
/// A label that starts with a digit is the only one that can make the host end in a
/// number (<https://url.spec.whatwg.org/#ends-in-a-number-checker>), which the caller
/// checks on the last label.
fn check_domain_grammar(
    value: &[u8],
    start: usize,
) -> Result<(usize, usize), SerializedOriginError> {
    let mut label_start = start;
    let mut at = start;
    // Each turn skips a run of letters and digits, then reads the byte that ends it: bounded
    // by the value's length.
    let end = loop {
        let run = label_run(value, at);
        at += run;
        let Some(&byte) = value.get(at) else {
            break at;
        };
        match byte {
            // After a letter or digit a dot ends a good label; otherwise it follows the
            // start, a dot or a `-`, which `check_label_end` names.
            b'.' if run > 0 => label_start = at + 1,
            b'.' => {
                check_label_end(value, label_start, at)?;
                label_start = at + 1;
            }
            b'-' if at == label_start => return Err(error(Kind::LabelHyphen, at)),
            b'-' => {}
            b':' | b'/' | b'?' | b'#' => break at,
            b'A'..=b'Z' => return Err(error(Kind::UppercaseHost, at)),
            b'@' => return Err(error(Kind::Userinfo, at)),
            _ => return Err(error(Kind::InvalidHostByte, at)),
        }
        at += 1;
    };
    if end == start {
        return Err(error(Kind::EmptyHost, start));
    }
    check_label_end(value, label_start, end)?;
    Ok((end, label_start))
}

/// The number of lowercase letters and digits in `value` from `at` on, before any other
/// byte: four bytes per step, then byte by byte.
fn label_run(value: &[u8], at: usize) -> usize {
    let rest = value.get(at..).unwrap_or_default();
    let mut chunks = rest.chunks_exact(4);
    let mut run = 0;
    // Each turn reads four more bytes: bounded by the value's length.
    for chunk in &mut chunks {
        let &[a, b, c, d] = chunk else { break };
        if !is_label_byte(a) {
            return run;
        }
        if !is_label_byte(b) {
            return run + 1;
        }
        if !is_label_byte(c) {
            return run + 2;
        }
        if !is_label_byte(d) {
            return run + 3;
        }
        run += 4;
    }
    run + chunks
        .remainder()
        .iter()
        .take_while(|&&byte| is_label_byte(byte))
        .count()
}

/// Whether `byte` is a lowercase letter or a digit: [`LABEL_BYTES`] of it.
fn is_label_byte(byte: u8) -> bool {
    LABEL_BYTES.contains(byte)
}

/// The lowercase letters and digits, computed at compile time.
const LABEL_BYTES: ByteSet = byte_set!(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit());

/// A label `value[label_start..end]` is non-empty and does not end with `-`.
fn check_label_end(
    value: &[u8],
    label_start: usize,
    end: usize,
) -> Result<(), SerializedOriginError> {
    if end == label_start {
        return Err(error(Kind::EmptyLabel, end));
    }
    if end > 0 && value.get(end - 1) == Some(&b'-') {
        return Err(error(Kind::LabelHyphen, end - 1));
    }
    Ok(())
}

/// The IPv4 address `text` names, when `text` is its canonical dotted-decimal form.
fn canonical_ipv4(text: &str) -> Option<core::net::Ipv4Addr> {
    let address = parse_ipv4(text).ok()?;
    let mut parts = text.split('.');
    let canonical = address.octets().iter().all(|octet| {
        let mut digits = heapless::String::<3>::new();
        let _ = fmt::write(&mut digits, format_args!("{octet}"));
        parts.next() == Some(digits.as_str())
    });
    (canonical && parts.next().is_none()).then_some(address)
}

/// `"[" IPv6 "]"` in its canonical serialization.
fn parse_ipv6_host(
    value: &[u8],
    start: usize,
) -> Result<(&[u8], HostKind, usize), SerializedOriginError> {
    let rest = value.get(start..).unwrap_or(&[]);
    let close = find_byte(rest, b']').ok_or(error(Kind::InvalidIpv6, start))?;
    let inside = rest.get(1..close).unwrap_or(&[]);
    let text = rest.get(..=close).unwrap_or_default();
    if let Some(address) = parse_canonical_ipv6(inside) {
        return Ok((text, HostKind::Ipv6(address.to_bits()), start + close + 1));
    }
    // Not canonical, or not an address at all: the parser and the serializer tell which.
    let inside_text =
        core::str::from_utf8(inside).map_err(|_| error(Kind::InvalidIpv6, start + 1))?;
    let address = parse_ipv6(inside_text).map_err(|_| error(Kind::InvalidIpv6, start + 1))?;
    let mut canonical = heapless::String::<40>::new();
    write_ipv6(address, &mut canonical).map_err(|_| error(Kind::InvalidIpv6, start + 1))?;
    if canonical.as_bytes() != inside {
        return Err(error(Kind::NonCanonicalIpv6, start + 1));
    }
    Ok((text, HostKind::Ipv6(address.to_bits()), start + close + 1))
}

/// `[ ":" port ]` and the end of the value.
fn parse_port_part(
    value: &[u8],
    start: usize,
    special: Option<SpecialScheme>,
) -> Result<Option<u16>, SerializedOriginError> {
    let Some(&next) = value.get(start) else {
        return Ok(None);
    };
    match next {
        b':' => {}
        b'/' => return Err(error(Kind::Path, start)),
        b'?' | b'#' => return Err(error(Kind::QueryOrFragment, start)),
        _ => return Err(error(Kind::TrailingBytes, start)),
    }
    let digits_start = start + 1;
    let rest = value.get(digits_start..).unwrap_or(&[]);
    let (digits_len, number) = port_digits(rest);
    if digits_len == 0 {
        return Err(error(Kind::EmptyPort, digits_start));
    }
    if digits_len > 1 && rest.first() == Some(&b'0') {
        return Err(error(Kind::PortLeadingZero, digits_start));
    }
    let port = u16::try_from(number)
        .ok()
        .filter(|_| digits_len <= MAX_PORT_DIGITS)
        .ok_or(error(Kind::PortOutOfRange, digits_start))?;
    if special.and_then(SpecialScheme::default_port) == Some(port) {
        return Err(error(Kind::DefaultPort, digits_start));
    }
    match rest.get(digits_len) {
        None => Ok(Some(port)),
        Some(b'/') => Err(error(Kind::Path, digits_start + digits_len)),
        Some(b'?' | b'#') => Err(error(Kind::QueryOrFragment, digits_start + digits_len)),
        Some(_) => Err(error(Kind::InvalidPort, digits_start + digits_len)),
    }
}

/// The most digits a port in range can have: 65535 has five.
const MAX_PORT_DIGITS: usize = 5;

/// The number of digits `rest` starts with, and the value of the first [`MAX_PORT_DIGITS`]
/// of them (more digits are out of range whatever they are).
fn port_digits(rest: &[u8]) -> (usize, u32) {
    let (mut len, mut number) = (0usize, 0u32);
    // Each turn reads one more byte: bounded by the value's length.
    while let Some(&digit) = rest.get(len) {
        let value = digit.wrapping_sub(b'0');
        if value > 9 {
            break;
        }
        if len < MAX_PORT_DIGITS {
            number = number * 10 + u32::from(value);
        }
        len += 1;
    }
    (len, number)
}

/// `bytes` as `&str`; the callers pass only bytes they have checked to be ASCII.
fn ascii_str(bytes: &[u8]) -> &str {
    core::str::from_utf8(bytes).unwrap_or("")
}

#[cfg(test)]
#[path = "serialized_tests.rs"]
mod tests;
