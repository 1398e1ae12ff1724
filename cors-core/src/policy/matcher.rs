//! Finding the pattern that allows an origin among many, without scanning them.
//!
//! Every host pattern (exact origin, any-port host, subdomain wildcard) becomes a key
//! `(scheme, host, subdomains, port)` of byte strings, and the keys are sorted in the
//! caller's storage. An origin `scheme://a.b.example.com:port` is then looked up with at
//! most two binary searches for its own host (its port, then `:*`) and two for each proper
//! label suffix (`b.example.com`, `example.com`, `com`) among the subdomain wildcards: cost
//! `O(labels × log n)`, whatever the number of patterns. Keys compare whole components, so a
//! suffix is only ever tried at a label boundary (misconfiguration classes 3 and 4).

use core::cmp::Ordering;

use super::pattern::{OriginPattern, PortPattern};
use crate::limits::MAX_HOST_LABELS;
use crate::origin::host::Host;

/// The sort and search key of a host pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct PatternKey<'c> {
    /// The scheme.
    pub(crate) scheme: &'c str,
    /// The serialized host, or the base of a subdomain wildcard.
    pub(crate) host: &'c str,
    /// Whether the pattern matches the subdomains of `host` (and not `host`).
    pub(crate) subdomains: bool,
    /// The ports matched.
    pub(crate) port: PortPattern,
}

impl<'c> PatternKey<'c> {
    /// The key of a host pattern; `None` for `*` and `null`, which the policy keeps as flags.
    pub(crate) const fn of(pattern: &OriginPattern<'c>) -> Option<Self> {
        let (scheme, host, subdomains, port) = match *pattern {
            OriginPattern::Exact { scheme, host, port } => {
                (scheme, host, false, PortPattern::exactly(port))
            }
            OriginPattern::AnyPort { scheme, host } => (scheme, host, false, PortPattern::Any),
            OriginPattern::Subdomains { scheme, base, port } => (scheme, base, true, port),
            OriginPattern::Any | OriginPattern::Null => return None,
        };
        Some(Self {
            scheme,
            host,
            subdomains,
            port,
        })
    }

    const fn with_port(self, port: PortPattern) -> Self {
        Self { port, ..self }
    }
}

/// The order of keys: scheme, host, subdomains, port; strings byte by byte.
fn compare(a: &PatternKey<'_>, b: &PatternKey<'_>) -> Ordering {
    a.scheme
        .cmp(b.scheme)
        .then_with(|| a.host.cmp(b.host))
        .then_with(|| a.subdomains.cmp(&b.subdomains))
        .then_with(|| a.port.cmp(&b.port))
}

/// One slot of the storage a [`Policy`](super::Policy) keeps its origin patterns in.
///
/// The caller provides the storage (an array, a slice or a `Vec`), at least one slot per
/// entry of `allowed_origins`; [`PatternSlot::EMPTY`] fills it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PatternSlot<'c> {
    key: PatternKey<'c>,
    text: &'c str,
}

impl<'c> PatternSlot<'c> {
    /// An unused slot.
    pub const EMPTY: Self = Self {
        key: PatternKey {
            scheme: "",
            host: "",
            subdomains: false,
            port: PortPattern::Default,
        },
        text: "",
    };

    /// The slot of `pattern`, written as `text`; `None` for `*` and `null`.
    pub(crate) const fn new(pattern: &OriginPattern<'c>, text: &'c str) -> Option<Self> {
        match PatternKey::of(pattern) {
            Some(key) => Some(Self { key, text }),
            None => None,
        }
    }

    /// The pattern as configured.
    pub const fn text(&self) -> &'c str {
        self.text
    }

    pub(crate) const fn key(&self) -> &PatternKey<'c> {
        &self.key
    }

    /// The storage order: by key, then by text.
    pub(crate) fn cmp(&self, other: &Self) -> Ordering {
        compare(&self.key, &other.key).then_with(|| self.text.cmp(other.text))
    }
}

/// Lookups over slots sorted with [`PatternSlot::cmp`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Matcher<'s, 'c> {
    slots: &'s [PatternSlot<'c>],
}

impl<'s, 'c> Matcher<'s, 'c> {
    /// A matcher over `slots`, which must be sorted.
    pub(crate) const fn new(slots: &'s [PatternSlot<'c>]) -> Self {
        Self { slots }
    }

    /// The pattern allowing the origin `scheme://host[:port]`, if any; `is_domain` says
    /// whether the host is a domain, which alone has subdomains.
    pub(crate) fn lookup(
        &self,
        scheme: &str,
        host: &str,
        is_domain: bool,
        port: Option<u16>,
    ) -> Option<&'s PatternSlot<'c>> {
        let key = PatternKey {
            scheme,
            host,
            subdomains: false,
            port: PortPattern::exactly(port),
        };
        self.find_with_any_port(&key)
            .or_else(|| is_domain.then(|| self.find_in_parents(&key)).flatten())
    }

    /// Another pattern that allows every origin `key` allows, if any: the same host on any
    /// port, or a subdomain wildcard over a proper suffix of the host.
    pub(crate) fn covering(&self, key: &PatternKey<'_>) -> Option<&'s PatternSlot<'c>> {
        let any_port = (key.port != PortPattern::Any)
            .then(|| self.find(&key.with_port(PortPattern::Any)))
            .flatten();
        any_port.or_else(|| self.find_in_parents(key))
    }

    /// A subdomain wildcard over a proper label suffix of `key.host`, matching `key.port`.
    fn find_in_parents(&self, key: &PatternKey<'_>) -> Option<&'s PatternSlot<'c>> {
        parents(key.host).find_map(|parent| {
            self.find_with_any_port(&PatternKey {
                host: parent,
                subdomains: true,
                ..*key
            })
        })
    }

    /// The slot with `key`, or with `key` on any port.
    fn find_with_any_port(&self, key: &PatternKey<'_>) -> Option<&'s PatternSlot<'c>> {
        self.find(key).or_else(|| {
            (key.port != PortPattern::Any)
                .then(|| self.find(&key.with_port(PortPattern::Any)))
                .flatten()
        })
    }

    /// The slot whose key is `key`: one binary search.
    fn find(&self, key: &PatternKey<'_>) -> Option<&'s PatternSlot<'c>> {
        let index = self
            .slots
            .binary_search_by(|slot| compare(&slot.key, key))
            .ok()?;
        self.slots.get(index)
    }
}

/// The proper label suffixes of `host`, longest first: `b.example.com`, `example.com`, `com`
/// for `a.b.example.com`.
fn parents(host: &str) -> impl Iterator<Item = &str> {
    host.match_indices('.')
        .take(MAX_HOST_LABELS)
        .filter_map(move |(dot, _)| host.get(dot + 1..))
}

/// A host's serialization: borrowed for domains and opaque hosts, written into a small
/// inline buffer for IP addresses.
#[derive(Clone, Debug)]
pub(crate) enum HostText<'a> {
    /// The host's own text.
    Borrowed(&'a str),
    /// An IP address, serialized (at most `[` + 39 + `]` bytes).
    Inline(heapless::String<48>),
}

impl<'a> HostText<'a> {
    /// The serialization of `host`.
    pub(crate) fn of(host: &Host<'a>) -> Self {
        match *host {
            Host::Domain(text) | Host::Opaque(text) => Self::Borrowed(text),
            Host::Empty => Self::Borrowed(""),
            Host::Ipv4(_) | Host::Ipv6(_) => {
                let mut text = heapless::String::new();
                // An IPv6 serialization is at most 41 bytes, so this never fails; if it did,
                // the text would match no pattern (fail closed).
                let _ = host.write_serialization(&mut text);
                Self::Inline(text)
            }
        }
    }

    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Self::Borrowed(text) => text,
            Self::Inline(text) => text.as_str(),
        }
    }
}
