//! Sites, same site and schemelessly same site, against a caller's Public Suffix List.
//!
//! <https://html.spec.whatwg.org/multipage/browsers.html#sites>

use super::host::Host;
use super::{OpaqueId, Origin};

/// The Public Suffix List algorithm, supplied by the caller.
///
/// The list changes over time and differs between browsers, so `cors-core` takes it as a
/// trait; `cors-std` implements it with the `psl` crate.
///
/// <https://url.spec.whatwg.org/#host-public-suffix>
pub trait PublicSuffixList {
    /// Runs the Public Suffix List algorithm on `domain` and returns its public suffix: a
    /// suffix of `domain` made of whole labels.
    ///
    /// `domain` is ASCII, lowercase and not empty, without the one trailing dot the URL
    /// Standard sets aside; it may still end in `.` or hold empty labels (the host `a..`).
    fn public_suffix<'d>(&self, domain: &'d str) -> &'d str;
}

/// A host's public suffix: null unless the host is a domain; a trailing dot is kept.
///
/// <https://url.spec.whatwg.org/#host-public-suffix>
pub fn public_suffix<'a>(host: &Host<'a>, list: &dyn PublicSuffixList) -> Option<&'a str> {
    // Step 1. If host is not a domain, then return null.
    let Host::Domain(domain) = *host else {
        return None;
    };
    // Step 2. Let trailingDot be "." if host ends with "."; otherwise the empty string.
    // (The list is asked about the host without it, and the answer is taken from the host
    // itself below, so it keeps it.)
    let without_dot = domain.strip_suffix('.').unwrap_or(domain);
    if without_dot.is_empty() {
        return None;
    }
    // Step 3. Let publicSuffix be the public suffix determined by running the Public Suffix
    // List algorithm with host as domain.
    let suffix = list.public_suffix(without_dot);
    // Step 4. Assert: publicSuffix ends with trailingDot. Step 5. Return publicSuffix: the
    // suffix of host where the list's answer starts, so trailingDot included.
    let start = without_dot.len().checked_sub(suffix.len())?;
    if !without_dot.ends_with(suffix) || !(start == 0 || without_dot.get(..start)?.ends_with('.')) {
        return None;
    }
    domain.get(start..)
}

/// A host's registrable domain: null when the host is not a domain or is itself a public
/// suffix; otherwise the public suffix and the label before it (a trailing dot is kept).
///
/// <https://url.spec.whatwg.org/#host-registrable-domain>
pub fn registrable_domain<'a>(host: &Host<'a>, list: &dyn PublicSuffixList) -> Option<&'a str> {
    let Host::Domain(domain) = *host else {
        return None;
    };
    // Step 1. If host's public suffix is null or host's public suffix equals host, then
    // return null.
    let suffix = public_suffix(host, list)?;
    if suffix == domain {
        return None;
    }
    // Step 3. Let registrableDomain be the registrable domain determined by running the
    // Public Suffix List algorithm with host as domain: the public suffix plus one label.
    // Steps 2, 4 and 5: it is taken from host, so it ends with host's trailing dot, if any.
    let head = domain.get(..domain.len().checked_sub(suffix.len() + 1)?)?;
    let label_start = head.rfind('.').map_or(0, |dot| dot + 1);
    domain.get(label_start..)
}

/// A site: an opaque origin, or a scheme-and-host.
///
/// <https://html.spec.whatwg.org/multipage/browsers.html#site>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // closed by the HTML Standard
pub enum Site<'a> {
    /// An opaque origin.
    Opaque(OpaqueId),
    /// A scheme-and-host. <https://html.spec.whatwg.org/multipage/browsers.html#scheme-and-host>
    SchemeAndHost {
        /// The scheme.
        scheme: &'a str,
        /// The host.
        host: Host<'a>,
    },
}

impl Site<'_> {
    /// Same site, for sites: the same opaque origin, or equal schemes and equal hosts.
    ///
    /// <https://html.spec.whatwg.org/multipage/browsers.html#concept-site-same-site>
    pub fn is_same_site(&self, other: &Site<'_>) -> bool {
        match (self, other) {
            // 1. If A and B are the same opaque origin, then return true.
            (Self::Opaque(a), Site::Opaque(b)) => a == b,
            // 3. If A's and B's schemes are different, then return false.
            // 4. If A's and B's hosts are not equal, then return false.
            // 5. Return true.
            (
                Self::SchemeAndHost {
                    scheme: sa,
                    host: ha,
                },
                Site::SchemeAndHost {
                    scheme: sb,
                    host: hb,
                },
            ) => sa == sb && ha == hb,
            // 2. If A or B is an opaque origin, then return false.
            _ => false,
        }
    }
}

/// Obtains a site: the origin itself when opaque, else its scheme and its host's
/// registrable domain (or its host when that is null).
///
/// <https://html.spec.whatwg.org/multipage/browsers.html#obtain-a-site>
pub fn obtain_site<'a>(origin: &Origin<'a>, list: &dyn PublicSuffixList) -> Site<'a> {
    match origin {
        // 1. If origin is an opaque origin, then return origin.
        Origin::Opaque(id) => Site::Opaque(*id),
        // 2. If origin's host's registrable domain is null, then return (origin's scheme,
        // origin's host).
        // 3. Return (origin's scheme, origin's host's registrable domain).
        Origin::Tuple(tuple) => Site::SchemeAndHost {
            scheme: tuple.scheme,
            host: registrable_domain(&tuple.host, list).map_or(tuple.host, Host::Domain),
        },
    }
}

/// Same site, for origins: their sites are same site. Scheme counts; port does not.
///
/// <https://html.spec.whatwg.org/multipage/browsers.html#same-site>
pub fn same_site(a: &Origin<'_>, b: &Origin<'_>, list: &dyn PublicSuffixList) -> bool {
    // 1. Let siteA be the result of obtaining a site given A.
    // 2. Let siteB be the result of obtaining a site given B.
    // 3. If siteA is same site with siteB, then return true. 4. Return false.
    obtain_site(a, list).is_same_site(&obtain_site(b, list))
}

/// Schemelessly same site: as same site, ignoring the scheme.
///
/// <https://html.spec.whatwg.org/multipage/browsers.html#schemelessly-same-site>
pub fn schemelessly_same_site(a: &Origin<'_>, b: &Origin<'_>, list: &dyn PublicSuffixList) -> bool {
    match (a, b) {
        // 1. If A and B are the same opaque origin, then return true.
        (Origin::Opaque(a), Origin::Opaque(b)) => a == b,
        // 2. If A and B are both tuple origins, then:
        (Origin::Tuple(a), Origin::Tuple(b)) => {
            let registrable_a = registrable_domain(&a.host, list);
            // 2.2. If hostA equals hostB and hostA's registrable domain is null, then return
            // true.
            // 2.3. If hostA's registrable domain equals hostB's registrable domain and is
            // non-null, then return true.
            (a.host == b.host && registrable_a.is_none())
                || (registrable_a.is_some() && registrable_a == registrable_domain(&b.host, list))
        }
        // 3. Return false.
        _ => false,
    }
}
