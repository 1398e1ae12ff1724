//! Origin patterns: the closed grammar a policy's `allowed_origins` are written in.
//!
//! ```text
//! pattern     = "*" / "null" / origin-pattern
//! origin-pattern = scheme "://" [ "*." ] host [ ":" port / ":*" ]
//! ```
//!
//! With the wildcards removed, a pattern must be exactly what the ASCII serialization of an
//! origin produces (<https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin>):
//! lowercase, no default port, no trailing slash, path, userinfo, query or fragment. That is
//! checked with the strict serialized-origin parser
//! ([`crate::parse_origin_or_null`]) and a round trip, so every exact
//! pattern is byte for byte an `Origin` header a browser can send, and matching is a byte
//! comparison of whole components (misconfiguration classes 3, 5 and 20).
//!
//! A `*` anywhere else (in the scheme, in a label, in the middle of the host, in the port) is
//! an error with its position: there is no regex and no glob.

use core::fmt;

use super::matcher::HostText;
use crate::limits::MAX_PATTERN_LEN;
use crate::origin::TupleOrigin;
use crate::origin::host::Host;
use crate::origin::serialized::{OriginOrNull, SerializedOriginErrorKind, parse_origin_or_null};

/// Which ports a host pattern matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(clippy::exhaustive_enums)] // closed by the pattern grammar
pub enum PortPattern {
    /// No port written: only origins on the scheme's default port (serialized without a
    /// port).
    Default,
    /// An explicit port that is not the scheme's default.
    Port(u16),
    /// `:*`: any port, the default one included.
    Any,
}

impl PortPattern {
    /// The pattern matching exactly an origin's `port` (`None` for the default port).
    pub const fn exactly(port: Option<u16>) -> Self {
        match port {
            None => Self::Default,
            Some(port) => Self::Port(port),
        }
    }

    /// Whether an origin whose port is `port` (`None` for the default) matches.
    pub const fn matches(self, port: Option<u16>) -> bool {
        match (self, port) {
            (Self::Any, _) | (Self::Default, None) => true,
            (Self::Port(expected), Some(actual)) => expected == actual,
            _ => false,
        }
    }
}

/// One parsed entry of `allowed_origins`, borrowing the configuration text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // closed by the pattern grammar
pub enum OriginPattern<'c> {
    /// `*`: every origin. Only valid without credentials (misconfiguration classes 1, 2).
    Any,
    /// `null`: the serialization of an opaque origin (misconfiguration class 8).
    Null,
    /// A serialized origin, matched byte for byte: `https://app.example.com:8443`.
    Exact {
        /// The scheme, lowercase.
        scheme: &'c str,
        /// The host as serialized: a domain, dotted-decimal IPv4, bracketed IPv6 or opaque.
        host: &'c str,
        /// The port, `None` for the scheme's default.
        port: Option<u16>,
    },
    /// `scheme://host:*`: one host on any port, such as `http://localhost:*`.
    AnyPort {
        /// The scheme, lowercase.
        scheme: &'c str,
        /// The host as serialized.
        host: &'c str,
    },
    /// `scheme://*.base`: every domain one or more whole labels below `base`, never `base`
    /// itself (misconfiguration class 4). The port is written after the base, or `:*`.
    Subdomains {
        /// The scheme, lowercase; always a special scheme.
        scheme: &'c str,
        /// The base domain, without the `*.`.
        base: &'c str,
        /// The ports matched.
        port: PortPattern,
    },
}

impl OriginPattern<'_> {
    /// Whether `origin` (a parsed `Origin` header value) matches, comparing whole
    /// components: scheme and host byte for byte, subdomains on label boundaries, ports
    /// exactly.
    ///
    /// This is the reference matcher, one pattern at a time; a
    /// [`Policy`](super::Policy) finds the matching pattern among many without a scan.
    pub fn matches(&self, origin: &OriginOrNull<'_>) -> bool {
        match (self, origin) {
            (Self::Any, _) | (Self::Null, OriginOrNull::Null) => true,
            (_, OriginOrNull::Null) | (Self::Null, _) => false,
            (pattern, OriginOrNull::Origin(tuple)) => pattern.matches_tuple(tuple),
        }
    }

    fn matches_tuple(&self, origin: &TupleOrigin<'_>) -> bool {
        let host = HostText::of(&origin.host);
        match *self {
            Self::Any => true,
            Self::Null => false,
            Self::Exact {
                scheme,
                host: h,
                port,
            } => origin.scheme == scheme && host.as_str() == h && origin.port == port,
            Self::AnyPort { scheme, host: h } => origin.scheme == scheme && host.as_str() == h,
            Self::Subdomains { scheme, base, port } => {
                origin.scheme == scheme
                    && port.matches(origin.port)
                    && matches!(origin.host, Host::Domain(domain) if is_proper_subdomain(domain, base))
            }
        }
    }
}

/// Whether `domain` is `base` preceded by one or more whole labels.
pub(crate) fn is_proper_subdomain(domain: &str, base: &str) -> bool {
    domain
        .strip_suffix(base)
        .and_then(|head| head.strip_suffix('.'))
        .is_some_and(|labels| !labels.is_empty())
}

impl fmt::Display for OriginPattern<'_> {
    /// The pattern in its canonical spelling, which parses back to the same pattern.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Any => f.write_str("*"),
            Self::Null => f.write_str("null"),
            Self::Exact { scheme, host, port } => {
                write!(f, "{scheme}://{host}")?;
                port.map_or(Ok(()), |port| write!(f, ":{port}"))
            }
            Self::AnyPort { scheme, host } => write!(f, "{scheme}://{host}:*"),
            Self::Subdomains { scheme, base, port } => {
                write!(f, "{scheme}://*.{base}")?;
                match port {
                    PortPattern::Default => Ok(()),
                    PortPattern::Port(port) => write!(f, ":{port}"),
                    PortPattern::Any => f.write_str(":*"),
                }
            }
        }
    }
}

/// What is wrong with an origin pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PatternErrorKind {
    /// The pattern is longer than [`MAX_PATTERN_LEN`] bytes.
    TooLong,
    /// With its wildcards removed, the pattern is not a canonical serialized origin.
    Origin(SerializedOriginErrorKind),
    /// A `*` in the scheme.
    WildcardInScheme,
    /// A `*` that is the whole host, as in `https://*`: an "allow every origin" in
    /// disguise (misconfiguration class 1).
    WildcardWithoutDomain,
    /// A `*` that starts a label but is not the whole label, as in `https://*example.com`,
    /// which would trust `evilexample.com` (misconfiguration class 4).
    WildcardPrefixOfLabel,
    /// A `*` inside a label, as in `https://ex*.com` (misconfiguration class 5).
    WildcardInsideLabel,
    /// A whole-label `*` that is not the leftmost label, as in `https://a.*.example.com`
    /// (misconfiguration class 5).
    WildcardNotLeftmost,
    /// A `*` in the port other than the whole port `:*`.
    WildcardInPort,
    /// `*.` in front of an IP address.
    WildcardOverIpAddress,
    /// `*.` in front of the opaque host of a non-special scheme: subdomains exist only for
    /// domains.
    WildcardOverOpaqueHost,
    /// Both a port and `:*`.
    PortAndPortWildcard,
    /// The parsed origin does not serialize back to the pattern.
    NotCanonical,
}

impl PatternErrorKind {
    /// A one-line description.
    pub const fn description(self) -> &'static str {
        match self {
            Self::TooLong => "pattern longer than the limit",
            Self::Origin(kind) => kind.description(),
            Self::WildcardInScheme => "a wildcard cannot stand in the scheme",
            Self::WildcardWithoutDomain => {
                "a wildcard host needs a domain after \"*.\"; use \"*\" alone to allow every origin"
            }
            Self::WildcardPrefixOfLabel => {
                "\"*\" must be a whole label followed by \".\": \"https://*example.com\" would trust \"evilexample.com\""
            }
            Self::WildcardInsideLabel => "\"*\" cannot stand inside a label",
            Self::WildcardNotLeftmost => "\"*.\" can only start the host",
            Self::WildcardInPort => "a port wildcard must be the whole port, \":*\"",
            Self::WildcardOverIpAddress => "an IP address has no subdomains",
            Self::WildcardOverOpaqueHost => {
                "subdomain wildcards need a domain, and so a special scheme such as https"
            }
            Self::PortAndPortWildcard => "a pattern has a port or \":*\", not both",
            Self::NotCanonical => "not the canonical serialization of an origin",
        }
    }

    /// The misconfiguration class of `reference/security.md` §4 this mistake opens, if one
    /// does.
    pub const fn class(self) -> Option<u8> {
        match self {
            Self::WildcardWithoutDomain => Some(1),
            Self::WildcardPrefixOfLabel => Some(4),
            Self::WildcardInScheme
            | Self::WildcardInsideLabel
            | Self::WildcardNotLeftmost
            | Self::WildcardInPort => Some(5),
            Self::Origin(SerializedOriginErrorKind::FileScheme) => Some(8),
            Self::Origin(
                SerializedOriginErrorKind::UppercaseScheme
                | SerializedOriginErrorKind::UppercaseHost,
            ) => Some(20),
            _ => None,
        }
    }
}

/// An origin pattern failed to parse: what is wrong, and the byte offset where.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PatternError {
    /// What is wrong.
    pub kind: PatternErrorKind,
    /// The byte offset in the pattern where the problem was found.
    pub position: usize,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.kind.description(), self.position)
    }
}

impl core::error::Error for PatternError {}

const fn error(kind: PatternErrorKind, position: usize) -> PatternError {
    PatternError { kind, position }
}

/// Where the wildcards of a pattern are, and what remains without them.
struct Parts<'c> {
    /// The offset of the host in the pattern.
    host_start: usize,
    /// `*.` starts the host.
    subdomains: bool,
    /// `:*` ends the pattern.
    any_port: bool,
    /// The host and port, without the wildcards.
    middle: &'c str,
}

/// Parses one entry of `allowed_origins`.
///
/// `*` and `null` are returned as [`OriginPattern::Any`] and [`OriginPattern::Null`]; whether
/// the configuration may use them is the policy's decision, not the grammar's.
pub fn parse_pattern(text: &str) -> Result<OriginPattern<'_>, PatternError> {
    if text.len() > MAX_PATTERN_LEN {
        return Err(error(PatternErrorKind::TooLong, MAX_PATTERN_LEN));
    }
    match text {
        "*" => return Ok(OriginPattern::Any),
        "null" => return Ok(OriginPattern::Null),
        _ => {}
    }
    let Some(separator) = text.find("://") else {
        // No scheme separator: the strict parser names what is wrong.
        return Err(origin_error(text, |position| position));
    };
    if let Some(star) = text.get(..separator).and_then(|scheme| scheme.find('*')) {
        return Err(error(PatternErrorKind::WildcardInScheme, star));
    }
    let parts = split_wildcards(text, separator + 3)?;
    let scheme = text.get(..separator).unwrap_or_default();
    build(text, scheme, &parts)
}

/// Strips `*.` and `:*`, and refuses any other `*`.
fn split_wildcards(text: &str, host_start: usize) -> Result<Parts<'_>, PatternError> {
    let rest = text.get(host_start..).unwrap_or_default();
    let subdomains = rest.starts_with("*.");
    let any_port = rest.ends_with(":*");
    let skip = if subdomains { 2 } else { 0 };
    let trim = if any_port { 2 } else { 0 };
    let middle = rest
        .get(skip..rest.len().saturating_sub(trim))
        .unwrap_or_default();
    if subdomains && middle.is_empty() {
        return Err(error(PatternErrorKind::WildcardWithoutDomain, host_start));
    }
    if let Some(offset) = middle.find('*') {
        return Err(classify_star(middle, offset, host_start + skip));
    }
    Ok(Parts {
        host_start,
        subdomains,
        any_port,
        middle,
    })
}

/// Names a misplaced `*` at `offset` in `middle` (host and port), which starts at byte
/// `start` of the pattern.
fn classify_star(middle: &str, offset: usize, start: usize) -> PatternError {
    let host = host_part(middle);
    let position = start + offset;
    if offset >= host.len() {
        return error(PatternErrorKind::WildcardInPort, position);
    }
    let before = host.get(..offset).unwrap_or_default();
    let after = host.get(offset + 1..).unwrap_or_default();
    let label_start = before.is_empty() || before.ends_with('.');
    let label_end = after.is_empty() || after.starts_with('.');
    let kind = match (label_start, label_end) {
        (true, true) if before.is_empty() && after.is_empty() => {
            PatternErrorKind::WildcardWithoutDomain
        }
        (true, true) => PatternErrorKind::WildcardNotLeftmost,
        (true, false) => PatternErrorKind::WildcardPrefixOfLabel,
        (false, _) => PatternErrorKind::WildcardInsideLabel,
    };
    error(kind, position)
}

/// The host of `middle` (host, then an optional `:port`): up to the first `:`, or up to and
/// including `]` for a bracketed IPv6 address.
fn host_part(middle: &str) -> &str {
    let end = if middle.starts_with('[') {
        middle.find(']').map_or(middle.len(), |close| close + 1)
    } else {
        middle.find(':').unwrap_or(middle.len())
    };
    middle.get(..end).unwrap_or(middle)
}

/// Checks the pattern without its wildcards against the strict parser and builds it.
fn build<'c>(
    text: &'c str,
    scheme: &'c str,
    parts: &Parts<'c>,
) -> Result<OriginPattern<'c>, PatternError> {
    let port = checked_port(text, parts)?;
    let host = host_part(parts.middle);
    Ok(match (parts.subdomains, parts.any_port) {
        (true, true) => OriginPattern::Subdomains {
            scheme,
            base: host,
            port: PortPattern::Any,
        },
        (true, false) => OriginPattern::Subdomains {
            scheme,
            base: host,
            port: PortPattern::exactly(port),
        },
        (false, true) => OriginPattern::AnyPort { scheme, host },
        (false, false) => OriginPattern::Exact { scheme, host, port },
    })
}

/// The port of the pattern without its wildcards, once that parsed strictly, has a domain
/// below `*.`, and has no port next to `:*`.
fn checked_port(text: &str, parts: &Parts<'_>) -> Result<Option<u16>, PatternError> {
    let skip = if parts.subdomains { 2 } else { 0 };
    let host_start = parts.host_start;
    let mut core = heapless::String::<MAX_PATTERN_LEN>::new();
    let assembled = core
        .push_str(text.get(..host_start).unwrap_or_default())
        .is_ok()
        && core.push_str(parts.middle).is_ok();
    if !assembled {
        return Err(error(PatternErrorKind::TooLong, MAX_PATTERN_LEN));
    }
    let to_pattern = |position: usize| position + if position < host_start { 0 } else { skip };
    let origin = canonical_origin(&core, to_pattern)?;
    let host_position = host_start + skip;
    if parts.subdomains {
        check_wildcard_host(&origin.host, host_position)?;
    }
    if parts.any_port && origin.port.is_some() {
        let position = host_position + host_part(parts.middle).len();
        return Err(error(PatternErrorKind::PortAndPortWildcard, position));
    }
    Ok(origin.port)
}

/// `core` parsed strictly, required to serialize back to itself; errors are placed in the
/// pattern with `to_pattern`.
fn canonical_origin(
    core: &str,
    to_pattern: impl Fn(usize) -> usize,
) -> Result<TupleOrigin<'_>, PatternError> {
    let origin = match parse_origin_or_null(core.as_bytes()) {
        Ok(OriginOrNull::Origin(origin)) => origin,
        Ok(OriginOrNull::Null) => return Err(error(PatternErrorKind::NotCanonical, 0)),
        Err(e) => {
            return Err(error(
                PatternErrorKind::Origin(e.kind),
                to_pattern(e.position),
            ));
        }
    };
    let mut serialized = heapless::String::<MAX_PATTERN_LEN>::new();
    if origin.write_ascii(&mut serialized).is_err() || serialized.as_str() != core {
        return Err(error(PatternErrorKind::NotCanonical, 0));
    }
    Ok(origin)
}

/// A subdomain wildcard needs a domain below it.
fn check_wildcard_host(host: &Host<'_>, position: usize) -> Result<(), PatternError> {
    match host {
        Host::Domain(_) => Ok(()),
        Host::Ipv4(_) | Host::Ipv6(_) => {
            Err(error(PatternErrorKind::WildcardOverIpAddress, position))
        }
        Host::Opaque(_) | Host::Empty => {
            Err(error(PatternErrorKind::WildcardOverOpaqueHost, position))
        }
    }
}

/// The strict parser's error for `text`, placed with `to_pattern`.
fn origin_error(text: &str, to_pattern: impl Fn(usize) -> usize) -> PatternError {
    match parse_origin_or_null(text.as_bytes()) {
        Err(e) => error(PatternErrorKind::Origin(e.kind), to_pattern(e.position)),
        Ok(_) => error(
            PatternErrorKind::Origin(SerializedOriginErrorKind::MissingSchemeSeparator),
            0,
        ),
    }
}
