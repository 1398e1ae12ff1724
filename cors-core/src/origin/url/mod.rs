//! The origin of a URL: the parts of the basic URL parser that decide it.
//!
//! The origin of a URL depends on its scheme, host and port only (and, for `blob:`, on its
//! path). This module runs the basic URL parser's states up to the end of the authority —
//! every state that can return failure for the origin-bearing part — and stops there: the
//! path, query and fragment states never fail, and are never read, so the work is bounded by
//! the scheme and authority whatever the URL's length.
//!
//! <https://url.spec.whatwg.org/#concept-url-origin>,
//! <https://url.spec.whatwg.org/#concept-basic-url-parser>

mod authority;
mod blob;
mod input;
mod parser;
#[cfg(test)]
mod tests;

use core::fmt;

use super::host::{DomainToAscii, HostBuf, HostParseError, NoIdna};
use super::scheme::SpecialScheme;
use super::{OpaqueId, Origin, TupleOrigin};

/// The origin of a URL, owning its host.
///
/// An opaque origin carries no identity here: the standard mints a new opaque origin each
/// time, and [`UrlOrigin::as_origin`] takes the identity from the caller. For the same
/// reason `UrlOrigin` has no `==`: two opaque URL origins are never the same origin, so
/// compare origins with [`Origin::is_same_origin`] after giving each its identity.
#[derive(Clone, Debug)]
#[allow(clippy::exhaustive_enums)] // closed by the HTML Standard
#[allow(clippy::large_enum_variant)] // no heap: the host is stored inline, by design
pub enum UrlOrigin {
    /// A new opaque origin.
    Opaque,
    /// A tuple origin: always a special scheme other than `file`.
    Tuple {
        /// The scheme.
        scheme: SpecialScheme,
        /// The host.
        host: HostBuf,
        /// The port, `None` when it is the scheme's default.
        port: Option<u16>,
    },
}

impl UrlOrigin {
    /// This origin as an [`Origin`]; an opaque origin gets the identity `opaque`.
    pub fn as_origin(&self, opaque: OpaqueId) -> Origin<'_> {
        match self {
            Self::Opaque => Origin::Opaque(opaque),
            Self::Tuple { scheme, host, port } => {
                Origin::Tuple(TupleOrigin::new(scheme.as_str(), host.as_host(), *port))
            }
        }
    }
}

impl fmt::Display for UrlOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_origin(OpaqueId(0)).write_ascii(f)
    }
}

/// Why the URL parser returned failure, as far as the origin is concerned.
///
/// Each variant names the validation error of <https://url.spec.whatwg.org/#validation-error>
/// that made the parser return failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UrlFailure {
    /// missing-scheme-non-relative-URL: no scheme and no base URL.
    MissingScheme,
    /// missing-scheme-non-relative-URL: the base URL has an opaque path and the input is not
    /// a fragment.
    RelativeToOpaquePath,
    /// host-missing: credentials or a port without a host, or an empty host with a special
    /// scheme.
    HostMissing,
    /// The host parser returned failure.
    InvalidHost(HostParseError),
    /// port-invalid: the port has a byte that is not a digit.
    InvalidPort,
    /// port-out-of-range: the port is above 65535.
    PortOutOfRange,
    /// The authority is longer than [`MAX_AUTHORITY_LEN`](crate::limits::MAX_AUTHORITY_LEN)
    /// or a `blob:` path longer than [`MAX_BLOB_PATH_LEN`](crate::limits::MAX_BLOB_PATH_LEN):
    /// a limit of this implementation, not of the standard.
    TooLong,
}

impl UrlFailure {
    /// Whether this is a limit of this implementation (a length limit, or IDNA without an
    /// implementation) rather than a failure the URL Standard defines.
    pub const fn is_implementation_limit(self) -> bool {
        matches!(
            self,
            Self::TooLong | Self::InvalidHost(HostParseError::TooLong | HostParseError::NeedsIdna)
        )
    }

    /// A one-line description.
    pub const fn description(self) -> &'static str {
        match self {
            Self::MissingScheme => "relative URL without a base URL",
            Self::RelativeToOpaquePath => "relative URL against a base URL with an opaque path",
            Self::HostMissing => "missing host",
            Self::InvalidHost(error) => error.description(),
            Self::InvalidPort => "port must be decimal digits",
            Self::PortOutOfRange => "port above 65535",
            Self::TooLong => "authority or blob: path longer than the limit",
        }
    }
}

/// The URL, or its base URL, failed to parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // a URL has an input and a base, nothing else
pub enum UrlError {
    /// The input failed to parse.
    Input(UrlFailure),
    /// The base URL failed to parse.
    Base(UrlFailure),
}

impl UrlError {
    /// The failure, whichever URL it is in.
    pub const fn failure(self) -> UrlFailure {
        match self {
            Self::Input(failure) | Self::Base(failure) => failure,
        }
    }
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Input(failure) => f.write_str(failure.description()),
            Self::Base(failure) => write!(f, "invalid base URL: {}", failure.description()),
        }
    }
}

impl core::error::Error for UrlError {}

/// The origin of the URL `input`, parsed against `base`, for ASCII hosts: a host that is
/// not ASCII fails with [`HostParseError::NeedsIdna`] (`cors-std` handles those).
///
/// <https://url.spec.whatwg.org/#concept-url-origin>
pub fn url_origin(input: &str, base: Option<&str>) -> Result<UrlOrigin, UrlError> {
    url_origin_with(input, base, &NoIdna)
}

/// The origin of the URL `input`, parsed against `base`, with `idna` for non-ASCII hosts.
///
/// <https://url.spec.whatwg.org/#concept-url-origin>
pub fn url_origin_with(
    input: &str,
    base: Option<&str>,
    idna: &dyn DomainToAscii,
) -> Result<UrlOrigin, UrlError> {
    let base = match base {
        Some(base) => Some(parser::parse(base, None, idna, 0).map_err(UrlError::Base)?),
        None => None,
    };
    let parsed = parser::parse(input, base.as_ref(), idna, 0).map_err(UrlError::Input)?;
    Ok(parsed.origin)
}
