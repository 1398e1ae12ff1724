//! Origins: the opaque and tuple origins of the HTML Standard, their serialization, and
//! their comparison.
//!
//! <https://html.spec.whatwg.org/multipage/browsers.html#origin>

pub mod host;
pub mod scheme;
pub mod serialized;
pub mod site;
pub mod url;

mod serialize;
#[cfg(test)]
mod tests;

use host::Host;

pub use serialize::{CapacityError, serialized_len};

/// The identity of an opaque origin, supplied by the caller.
///
/// The standard's opaque origins are "an internal value, with no serialization it can be
/// recreated from"; two opaque origins are the same only when they are the same value.
/// `cors-core` has no global counter and no heap: whoever creates an opaque origin chooses
/// its identity, and equal identities mean the same origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OpaqueId(pub u64);

/// A tuple origin: scheme, host, port, and the `document.domain` value.
///
/// <https://html.spec.whatwg.org/multipage/browsers.html#concept-origin-tuple>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TupleOrigin<'a> {
    /// The scheme, an ASCII lowercase string such as `https`.
    pub scheme: &'a str,
    /// The host.
    pub host: Host<'a>,
    /// The port, or `None` when it is the scheme's default port (or there is none).
    pub port: Option<u16>,
    /// The domain `document.domain` set, or `None` (its initial value).
    pub domain: Option<&'a str>,
}

impl<'a> TupleOrigin<'a> {
    /// A tuple origin whose domain is null.
    pub const fn new(scheme: &'a str, host: Host<'a>, port: Option<u16>) -> Self {
        Self {
            scheme,
            host,
            port,
            domain: None,
        }
    }
}

/// An origin: opaque, or a tuple of scheme, host, port and domain.
///
/// <https://html.spec.whatwg.org/multipage/browsers.html#concept-origin>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // closed by the HTML Standard
pub enum Origin<'a> {
    /// An opaque origin, identified by a caller-supplied identity.
    ///
    /// <https://html.spec.whatwg.org/multipage/browsers.html#concept-origin-opaque>
    Opaque(OpaqueId),
    /// A tuple origin.
    Tuple(TupleOrigin<'a>),
}

impl<'a> Origin<'a> {
    /// A tuple origin whose domain is null.
    pub const fn tuple(scheme: &'a str, host: Host<'a>, port: Option<u16>) -> Self {
        Self::Tuple(TupleOrigin::new(scheme, host, port))
    }

    /// Whether the origin is opaque.
    pub const fn is_opaque(&self) -> bool {
        matches!(self, Self::Opaque(_))
    }

    /// The effective domain: null for an opaque origin, else the domain when it is set,
    /// else the host.
    ///
    /// <https://html.spec.whatwg.org/multipage/browsers.html#concept-origin-effective-domain>
    pub fn effective_domain(&self) -> Option<Host<'a>> {
        match self {
            // Step 1. If origin is an opaque origin, then return null.
            Self::Opaque(_) => None,
            // Step 2. If origin's domain is non-null, then return origin's domain.
            // Step 3. Return origin's host.
            Self::Tuple(tuple) => Some(tuple.domain.map_or(tuple.host, Host::Domain)),
        }
    }

    /// Same origin: the same opaque origin, or tuples with identical scheme, host and port.
    ///
    /// <https://html.spec.whatwg.org/multipage/browsers.html#same-origin>
    pub fn is_same_origin(&self, other: &Origin<'_>) -> bool {
        match (self, other) {
            // Step 1. If A and B are the same opaque origin, then return true.
            (Self::Opaque(a), Origin::Opaque(b)) => a == b,
            // Step 2. If A and B are both tuple origins and their schemes, hosts, and port
            // are identical, then return true.
            (Self::Tuple(a), Origin::Tuple(b)) => {
                a.scheme == b.scheme && a.host == b.host && a.port == b.port
            }
            // Step 3. Return false.
            _ => false,
        }
    }

    /// Same origin-domain: like same origin, but once both set `document.domain` only the
    /// schemes and domains count.
    ///
    /// <https://html.spec.whatwg.org/multipage/browsers.html#same-origin-domain>
    pub fn is_same_origin_domain(&self, other: &Origin<'_>) -> bool {
        match (self, other) {
            // Step 1. If A and B are the same opaque origin, then return true.
            (Self::Opaque(a), Origin::Opaque(b)) => a == b,
            // Step 2. If A and B are both tuple origins, run these substeps:
            (Self::Tuple(a), Origin::Tuple(b)) => match (a.domain, b.domain) {
                // Step 2.1. If A and B's schemes are identical, and their domains are
                // identical and non-null, then return true.
                (Some(a_domain), Some(b_domain)) => a.scheme == b.scheme && a_domain == b_domain,
                // Step 2.2. Otherwise, if A and B are same origin and their domains are
                // identical and null, then return true.
                (None, None) => self.is_same_origin(other),
                _ => false,
            },
            // Step 3. Return false.
            _ => false,
        }
    }
}
