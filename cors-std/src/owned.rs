//! Owned counterparts of `cors-core`'s borrowed origin types.

use core::fmt;
use core::net::{Ipv4Addr, Ipv6Addr};

use cors_core::{Host, HostBuf, OpaqueId, Origin, TupleOrigin, UrlOrigin};

/// A host that owns its text: the owned counterpart of [`Host`].
///
/// <https://url.spec.whatwg.org/#concept-host>
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // closed by the URL Standard
pub enum OwnedHost {
    /// A domain: ASCII, lowercase. <https://url.spec.whatwg.org/#concept-domain>
    Domain(String),
    /// An IPv4 address. <https://url.spec.whatwg.org/#concept-ipv4>
    Ipv4(Ipv4Addr),
    /// An IPv6 address. <https://url.spec.whatwg.org/#concept-ipv6>
    Ipv6(Ipv6Addr),
    /// An opaque host. <https://url.spec.whatwg.org/#opaque-host>
    Opaque(String),
    /// The empty host. <https://url.spec.whatwg.org/#empty-host>
    Empty,
}

impl OwnedHost {
    /// Copies a borrowed host.
    pub fn from_host(host: &Host<'_>) -> Self {
        match *host {
            Host::Domain(text) => Self::Domain(text.to_owned()),
            Host::Ipv4(address) => Self::Ipv4(address),
            Host::Ipv6(address) => Self::Ipv6(address),
            Host::Opaque(text) => Self::Opaque(text.to_owned()),
            Host::Empty => Self::Empty,
        }
    }

    /// Borrows this host.
    pub fn as_host(&self) -> Host<'_> {
        match self {
            Self::Domain(text) => Host::Domain(text),
            Self::Ipv4(address) => Host::Ipv4(*address),
            Self::Ipv6(address) => Host::Ipv6(*address),
            Self::Opaque(text) => Host::Opaque(text),
            Self::Empty => Host::Empty,
        }
    }
}

impl From<Host<'_>> for OwnedHost {
    fn from(host: Host<'_>) -> Self {
        Self::from_host(&host)
    }
}

impl From<&HostBuf> for OwnedHost {
    fn from(host: &HostBuf) -> Self {
        Self::from_host(&host.as_host())
    }
}

/// The host serialization. <https://url.spec.whatwg.org/#concept-host-serializer>
impl fmt::Display for OwnedHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_host().write_serialization(f)
    }
}

/// An origin that owns its text: the owned counterpart of [`Origin`], `'static` and easy to
/// store.
///
/// ```
/// use cors_std::{OwnedOrigin, url_origin};
/// use cors_std::cors_core::OpaqueId;
///
/// let url_origin = url_origin("https://EXAMPLE.com:443/x", None)?;
/// let origin = OwnedOrigin::from_url_origin(&url_origin, OpaqueId(1));
/// assert_eq!(origin.to_string(), "https://example.com");
/// assert!(origin.as_origin().is_same_origin(&origin.as_origin()));
/// # Ok::<(), cors_std::UrlOriginError>(())
/// ```
///
/// <https://html.spec.whatwg.org/multipage/browsers.html#concept-origin>
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // closed by the HTML Standard
pub enum OwnedOrigin {
    /// An opaque origin, identified by a caller-supplied identity.
    Opaque(OpaqueId),
    /// A tuple origin.
    Tuple {
        /// The scheme, ASCII lowercase.
        scheme: String,
        /// The host.
        host: OwnedHost,
        /// The port, or `None` when it is the scheme's default port (or there is none).
        port: Option<u16>,
        /// The domain `document.domain` set, or `None` (its initial value).
        domain: Option<String>,
    },
}

impl OwnedOrigin {
    /// Copies a borrowed origin.
    pub fn from_origin(origin: &Origin<'_>) -> Self {
        match origin {
            Origin::Opaque(id) => Self::Opaque(*id),
            Origin::Tuple(tuple) => Self::Tuple {
                scheme: tuple.scheme.to_owned(),
                host: OwnedHost::from_host(&tuple.host),
                port: tuple.port,
                domain: tuple.domain.map(str::to_owned),
            },
        }
    }

    /// The origin of a URL; an opaque origin gets the identity `opaque`.
    pub fn from_url_origin(origin: &UrlOrigin, opaque: OpaqueId) -> Self {
        Self::from_origin(&origin.as_origin(opaque))
    }

    /// Borrows this origin.
    pub fn as_origin(&self) -> Origin<'_> {
        match self {
            Self::Opaque(id) => Origin::Opaque(*id),
            Self::Tuple {
                scheme,
                host,
                port,
                domain,
            } => Origin::Tuple(TupleOrigin {
                scheme,
                host: host.as_host(),
                port: *port,
                domain: domain.as_deref(),
            }),
        }
    }

    /// Whether the origin is opaque.
    pub const fn is_opaque(&self) -> bool {
        matches!(self, Self::Opaque(_))
    }
}

impl From<&Origin<'_>> for OwnedOrigin {
    fn from(origin: &Origin<'_>) -> Self {
        Self::from_origin(origin)
    }
}

impl From<Origin<'_>> for OwnedOrigin {
    fn from(origin: Origin<'_>) -> Self {
        Self::from_origin(&origin)
    }
}

/// The ASCII serialization of the origin (`null` when opaque).
///
/// <https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin>
impl fmt::Display for OwnedOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_origin().write_ascii(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_host_kind() {
        let hosts = [
            Host::Domain("example.com"),
            Host::Ipv4(Ipv4Addr::new(127, 0, 0, 1)),
            Host::Ipv6(Ipv6Addr::LOCALHOST),
            Host::Opaque("opaque%20host"),
            Host::Empty,
        ];
        for host in hosts {
            let owned = OwnedHost::from(host);
            assert_eq!(owned.as_host(), host);
            assert_eq!(owned.to_string(), host.to_string());
        }
    }

    #[test]
    fn round_trips_origins() {
        let mut tuple = TupleOrigin::new("https", Host::Domain("example.com"), Some(8443));
        tuple.domain = Some("example.com");
        for origin in [Origin::Opaque(OpaqueId(7)), Origin::Tuple(tuple)] {
            let owned = OwnedOrigin::from(&origin);
            assert_eq!(owned.as_origin(), origin);
            assert_eq!(owned.to_string(), origin.to_string());
            assert_eq!(owned.is_opaque(), origin.is_opaque());
        }
    }

    #[test]
    fn serializes() {
        let origin = OwnedOrigin::Tuple {
            scheme: "http".to_owned(),
            host: OwnedHost::Ipv6(Ipv6Addr::LOCALHOST),
            port: Some(8080),
            domain: None,
        };
        assert_eq!(origin.to_string(), "http://[::1]:8080");
        assert_eq!(OwnedOrigin::Opaque(OpaqueId(0)).to_string(), "null");
    }
}
