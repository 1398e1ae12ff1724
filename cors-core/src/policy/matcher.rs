//! Finding the pattern that allows an origin among many, without scanning them.
//!
//! Every host pattern (exact origin, any-port host, subdomain wildcard) becomes a key
//! `(host, scheme, subdomains, port)` of byte strings, and the keys are sorted in the
//! caller's storage. An origin `scheme://a.b.example.com:port` is then looked up with at
//! most two binary searches for its own host (its port, then `:*`) and two for each proper
//! label suffix (`b.example.com`, `example.com`, `com`) among the subdomain wildcards: cost
//! `O(labels × log n)`, whatever the number of patterns. Keys compare whole components, so a
//! suffix is only ever tried at a label boundary (misconfiguration classes 3 and 4).
//!
//! Two things keep the common cases cheap. The host comes first in the order, so most
//! comparisons in a search end at the host's first bytes, read eight at a time from a
//! prefix stored in the key. And [`PatternKinds`] records which of the four searches
//! (own host on its port, own host on any port, a parent on its port, a parent on any
//! port) can find anything, so a policy of exact origins does one binary search, and one of
//! subdomain wildcards none for the origin's own host.

use core::cmp::Ordering;

use super::pattern::{OriginPattern, PortPattern};
use crate::http::swar::{find_byte, load_word};
use crate::limits::{MAX_HOST_LABELS, MAX_SERIALIZED_ORIGIN_LEN};
use crate::origin::host::Host;
use crate::origin::serialized::{http_prefix, is_domain_labels, is_port_part};

/// The first eight bytes of a host, big-endian, zero-padded: comparing two prefixes orders
/// the hosts as their first eight bytes do, so only hosts that share them need a
/// byte-by-byte comparison. (A pattern's host has no NUL byte, so its order is the bytes'
/// order; a key read from unchecked `Origin` text may have one, and then a NUL and the
/// padding compare equal and the bytes decide: still one total order, which is all a
/// binary search needs.)
const fn host_prefix(host: &[u8]) -> u64 {
    // The little-endian word, byte-swapped: the first byte highest.
    load_word(host).swap_bytes()
}

/// The sort and search key of a host pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct PatternKey<'c> {
    /// The serialized host, or the base of a subdomain wildcard.
    pub(crate) host: &'c [u8],
    /// [`host_prefix`] of `host`.
    prefix: u64,
    /// The scheme.
    pub(crate) scheme: &'c [u8],
    /// Whether the pattern matches the subdomains of `host` (and not `host`).
    pub(crate) subdomains: bool,
    /// The ports matched.
    pub(crate) port: PortPattern,
}

impl<'c> PatternKey<'c> {
    /// The key of `host` with the other components.
    pub(crate) const fn new(
        scheme: &'c [u8],
        host: &'c [u8],
        subdomains: bool,
        port: PortPattern,
    ) -> Self {
        Self {
            host,
            prefix: host_prefix(host),
            scheme,
            subdomains,
            port,
        }
    }

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
        Some(Self::new(
            scheme.as_bytes(),
            host.as_bytes(),
            subdomains,
            port,
        ))
    }

    const fn with_port(self, port: PortPattern) -> Self {
        Self { port, ..self }
    }
}

/// The order of keys: host, scheme, subdomains, port; strings byte by byte.
fn compare(a: &PatternKey<'_>, b: &PatternKey<'_>) -> Ordering {
    a.prefix
        .cmp(&b.prefix)
        .then_with(|| a.host.cmp(b.host))
        .then_with(|| a.scheme.cmp(b.scheme))
        .then_with(|| a.subdomains.cmp(&b.subdomains))
        .then_with(|| a.port.cmp(&b.port))
}

/// Which kinds of host pattern a policy has: which searches of a lookup can succeed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct PatternKinds {
    /// An exact origin (`https://a.example`, `https://a.example:8443`).
    host_on_port: bool,
    /// A host on any port (`https://a.example:*`).
    host_on_any_port: bool,
    /// A subdomain wildcard on one port (`https://*.example.com`).
    parent_on_port: bool,
    /// A subdomain wildcard on any port (`https://*.example.com:*`).
    parent_on_any_port: bool,
}

impl PatternKinds {
    /// No kind.
    pub(crate) const NONE: Self = Self {
        host_on_port: false,
        host_on_any_port: false,
        parent_on_port: false,
        parent_on_any_port: false,
    };

    /// The kinds among `slots`.
    pub(crate) fn of(slots: &[PatternSlot<'_>]) -> Self {
        let mut kinds = Self::default();
        for slot in slots {
            let any_port = slot.key.port == PortPattern::Any;
            match (slot.key.subdomains, any_port) {
                (false, false) => kinds.host_on_port = true,
                (false, true) => kinds.host_on_any_port = true,
                (true, false) => kinds.parent_on_port = true,
                (true, true) => kinds.parent_on_any_port = true,
            }
        }
        kinds
    }

    const fn parents(self) -> bool {
        self.parent_on_port || self.parent_on_any_port
    }
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
        key: PatternKey::new(b"", b"", false, PortPattern::Default),
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

/// What [`Matcher::find_text`] found for an `Origin` value read by its separators alone.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TextSearch {
    /// A pattern allows the value, and the strict parser accepts it as it is.
    pub(crate) found: bool,
    /// The kinds of pattern that cannot allow the value: their search found nothing for the
    /// value's key (scheme, host, port), or, for exact origins, found one spelled otherwise
    /// than the value. A value the strict parser accepts has exactly that key and is spelled
    /// as its serialization, so a lookup of the parsed origin need not search them again.
    pub(crate) searched: PatternKinds,
}

impl TextSearch {
    /// Nothing found, nothing searched: the parser and the lookup decide.
    const NOTHING: Self = Self {
        found: false,
        searched: PatternKinds::NONE,
    };

    /// Found: the value is allowed as it is.
    const FOUND: Self = Self {
        found: true,
        searched: PatternKinds::NONE,
    };
}

/// Lookups over slots sorted with [`PatternSlot::cmp`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Matcher<'s, 'c> {
    slots: &'s [PatternSlot<'c>],
    kinds: PatternKinds,
}

impl<'s, 'c> Matcher<'s, 'c> {
    /// A matcher over `slots`, which must be sorted and have only patterns of `kinds`.
    pub(crate) const fn new(slots: &'s [PatternSlot<'c>], kinds: PatternKinds) -> Self {
        Self { slots, kinds }
    }

    /// The pattern allowing the origin `scheme://host[:port]`, if any; `is_domain` says
    /// whether the host is a domain, which alone has subdomains.
    pub(crate) fn lookup(
        &self,
        scheme: &[u8],
        host: &[u8],
        is_domain: bool,
        port: Option<u16>,
    ) -> Option<&'s PatternSlot<'c>> {
        let key = PatternKey::new(scheme, host, false, PortPattern::exactly(port));
        let kinds = self.kinds;
        self.find_if(kinds.host_on_port, &key)
            .or_else(|| self.find_if(kinds.host_on_any_port, &key.with_port(PortPattern::Any)))
            .or_else(|| (is_domain && kinds.parents()).then(|| self.find_in_parents(&key))?)
    }

    /// Looks `value` up by the key its separators give (`scheme://host[:port]`, no grammar
    /// checked), before any parsing:
    ///
    /// - an exact-origin pattern whose text is `value`, byte for byte. An exact pattern's
    ///   text is the ASCII serialization of its origin
    ///   (<https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin>;
    ///   the pattern parser refuses any other spelling), so an `Origin` value
    ///   (<https://fetch.spec.whatwg.org/#origin-header>) equal to it is one the strict parser
    ///   accepts and [`Matcher::lookup`] allows;
    /// - a subdomain wildcard over a proper label suffix of the host, when what the pattern
    ///   does not cover is written as the strict parser accepts it
    ///   ([`is_serialized_subdomain`]): the labels in front of the wildcard's base, and the
    ///   port.
    ///
    /// Either way the decision can skip the parser and the lookup. The kinds of pattern
    /// found unable to allow the value are recorded in [`TextSearch::searched`] for
    /// [`Matcher::without`].
    pub(crate) fn find_text(&self, value: &[u8]) -> TextSearch {
        let kinds = self.kinds;
        // A pattern's text is a serialized origin, so no longer than one: a longer value is
        // left to the parser, which refuses it unread.
        if !(kinds.host_on_port || kinds.parents()) || value.len() > MAX_SERIALIZED_ORIGIN_LEN {
            return TextSearch::NOTHING;
        }
        let Some(key) = key_of_text(value) else {
            return TextSearch::NOTHING;
        };
        let mut searched = PatternKinds::NONE;
        if kinds.host_on_port {
            match self.find(&key) {
                Some(slot) if slot.text.as_bytes() == value => return TextSearch::FOUND,
                // No exact pattern, or one spelled otherwise than `value`: a value the
                // strict parser accepts is spelled as its serialization, so none allows it.
                _ => searched.host_on_port = true,
            }
        }
        if kinds.parents() {
            match self.find_in_parents(&key) {
                Some(slot) if is_serialized_subdomain(value, &key, slot.key.host) => {
                    return TextSearch::FOUND;
                }
                // Found, but written otherwise than the parser accepts: it decides.
                Some(_) => {}
                None => {
                    searched.parent_on_port = true;
                    searched.parent_on_any_port = true;
                }
            }
        }
        TextSearch {
            found: false,
            searched,
        }
    }

    /// This matcher without the searches [`Matcher::find_text`] ran in vain: for the
    /// lookup of the same value, parsed, they would fail again.
    pub(crate) const fn without(self, searched: PatternKinds) -> Self {
        let kinds = PatternKinds {
            host_on_port: self.kinds.host_on_port && !searched.host_on_port,
            host_on_any_port: self.kinds.host_on_any_port && !searched.host_on_any_port,
            parent_on_port: self.kinds.parent_on_port && !searched.parent_on_port,
            parent_on_any_port: self.kinds.parent_on_any_port && !searched.parent_on_any_port,
        };
        Self { kinds, ..self }
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
        let on_port = self.kinds.parent_on_port && key.port != PortPattern::Any;
        let on_any_port = self.kinds.parent_on_any_port;
        parents(key.host).find_map(|parent| {
            let parent = PatternKey::new(key.scheme, parent, true, key.port);
            self.find_if(on_port, &parent)
                .or_else(|| self.find_if(on_any_port, &parent.with_port(PortPattern::Any)))
        })
    }

    /// The slot whose key is `key`, when `search` says a search can find one.
    fn find_if(&self, search: bool, key: &PatternKey<'_>) -> Option<&'s PatternSlot<'c>> {
        search.then(|| self.find(key))?
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

/// The key of the origin `scheme://host[:port]` (as an exact pattern's, `subdomains` false),
/// read from `value` by its separators alone (no grammar is checked); `None` for a value without `://`, a bracketed
/// host, or a port that is not at most five digits.
fn key_of_text(value: &[u8]) -> Option<PatternKey<'_>> {
    // `https://` and `http://`, nearly every value, by a comparison of words.
    let colon = match http_prefix(value) {
        Some(scheme) => scheme.as_str().len(),
        None => find_byte(value, b':')?,
    };
    let scheme = value.get(..colon)?;
    let rest = value.get(colon..)?.strip_prefix(b"://")?;
    if rest.first() == Some(&b'[') {
        return None;
    }
    let (host, port) = match find_byte(rest, b':') {
        None => (rest, None),
        Some(at) => (rest.get(..at)?, Some(decimal_port(rest.get(at + 1..)?)?)),
    };
    Some(PatternKey::new(
        scheme,
        host,
        false,
        PortPattern::exactly(port),
    ))
}

/// Whether `value`, whose key `key` (read by its separators) has a host of which a subdomain
/// wildcard's base `base` is a proper label suffix, is a serialized origin the strict
/// parser accepts, with that key.
///
/// The scheme is the pattern's, so special, and its base a domain the parser accepts (the
/// pattern parser checks both). What is left is the value's own: the labels in front of
/// `.{base}`, which must be labels of the domain grammar (so the host is a domain of that
/// grammar, label by label, and its last label, the base's, does not make it end in a
/// number), and what follows the host, which must be nothing or a port in its serialized
/// form.
fn is_serialized_subdomain(value: &[u8], key: &PatternKey<'_>, base: &[u8]) -> bool {
    let Some(labels_len) = key.host.len().checked_sub(base.len() + 1) else {
        return false;
    };
    let host_end = key.scheme.len() + "://".len() + key.host.len();
    key.host.get(..labels_len).is_some_and(is_domain_labels)
        && value
            .get(host_end..)
            .is_some_and(|tail| is_port_part(tail, key.scheme))
}

/// The port `digits` spell, if they are one to five decimal digits of at most 65535.
fn decimal_port(digits: &[u8]) -> Option<u16> {
    if digits.is_empty() || digits.len() > 5 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = digits
        .iter()
        .fold(0u32, |value, &digit| value * 10 + u32::from(digit - b'0'));
    u16::try_from(value).ok()
}

/// The proper label suffixes of `host`, longest first: `b.example.com`, `example.com`, `com`
/// for `a.b.example.com`.
fn parents(host: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = host;
    core::iter::from_fn(move || {
        let dot = find_byte(rest, b'.')?;
        rest = rest.get(dot + 1..)?;
        Some(rest)
    })
    .take(MAX_HOST_LABELS)
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

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;

    #[test]
    fn parents_are_the_proper_label_suffixes_longest_first() {
        let cases: [(&[u8], &[&[u8]]); 5] = [
            (
                b"a.b.example.com",
                &[b"b.example.com", b"example.com", b"com"],
            ),
            (b"com", &[]),
            (b"", &[]),
            (b"a.", &[b""]),
            (
                b"a.very.long.subdomain.example.co.uk",
                &[
                    b"very.long.subdomain.example.co.uk",
                    b"long.subdomain.example.co.uk",
                    b"subdomain.example.co.uk",
                    b"example.co.uk",
                    b"co.uk",
                    b"uk",
                ],
            ),
        ];
        for (host, expected) in cases {
            let found: std::vec::Vec<&[u8]> = parents(host).collect();
            assert_eq!(found, expected, "{:?}", core::str::from_utf8(host));
        }
    }

    #[test]
    fn keys_order_hosts_and_schemes_as_their_bytes_do() {
        let hosts: [&[u8]; 13] = [
            b"",
            b"a",
            b"a.b",
            b"example",
            b"example.",
            b"example.com",
            b"example.co",
            b"example.com.evil",
            b"example.com.evil.example",
            b"example.com.evil.example.",
            b"example.com.evim",
            b"example.com.evi",
            b"examplf",
        ];
        let schemes: [&[u8]; 6] = [
            b"http",
            b"https",
            b"web+app",
            b"web+apps",
            b"web+apps1",
            b"web+apps2",
        ];
        for (a, b) in hosts.iter().flat_map(|a| hosts.iter().map(move |b| (a, b))) {
            for (x, y) in schemes
                .iter()
                .flat_map(|x| schemes.iter().map(move |y| (x, y)))
            {
                let key = |scheme, host| PatternKey::new(scheme, host, false, PortPattern::Default);
                assert_eq!(
                    compare(&key(x, a), &key(y, b)),
                    a.cmp(b).then(x.cmp(y)),
                    "{:?} {:?} vs {:?} {:?}",
                    core::str::from_utf8(x),
                    core::str::from_utf8(a),
                    core::str::from_utf8(y),
                    core::str::from_utf8(b)
                );
            }
        }
    }
}
