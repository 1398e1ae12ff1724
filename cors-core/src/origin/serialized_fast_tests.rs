extern crate std;

use crate::test_rng::Xorshift;
use core::net::Ipv6Addr;
use std::string::String;

use super::super::{SerializedOrigin, parse_serialized};
use super::*;

/// The fast path on text, as `OriginOrNull::parse` calls it.
fn fast(text: &str) -> Option<TupleOrigin<'_>> {
    parse_special(text.as_bytes(), |range| text.get(range))
}

/// The fast path on bytes, as `parse_origin_or_null` calls it.
fn fast_bytes(value: &[u8]) -> Option<TupleOrigin<'_>> {
    parse_special(value, |range| core::str::from_utf8(value.get(range)?).ok())
}

/// The full parser's origin for `text`, `None` when it refuses it or reads `null`.
fn full(text: &str) -> Option<TupleOrigin<'_>> {
    match parse_serialized(text.as_bytes()) {
        Ok(SerializedOrigin::Tuple(tuple)) => Some(tuple.to_tuple_origin_of(text)),
        _ => None,
    }
}

/// The shapes the fast path is for: the origins, as the grammar and the ASCII serialization
/// of an origin define them.
#[test]
fn takes_http_and_https_domains_and_ipv6() {
    let cases: &[(&str, TupleOrigin<'_>)] = &[
        (
            "https://example.com",
            TupleOrigin::new("https", Host::Domain("example.com"), None),
        ),
        (
            "http://localhost:8080",
            TupleOrigin::new("http", Host::Domain("localhost"), Some(8080)),
        ),
        (
            "http://a-b.c1.d:65535",
            TupleOrigin::new("http", Host::Domain("a-b.c1.d"), Some(65535)),
        ),
        (
            "https://xn--fa-hia.example:80",
            TupleOrigin::new("https", Host::Domain("xn--fa-hia.example"), Some(80)),
        ),
        (
            "http://a:0",
            TupleOrigin::new("http", Host::Domain("a"), Some(0)),
        ),
        (
            "https://[2001:db8::1]:8443",
            TupleOrigin::new(
                "https",
                Host::Ipv6(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1)),
                Some(8443),
            ),
        ),
        (
            "http://[::1]",
            TupleOrigin::new("http", Host::Ipv6(Ipv6Addr::LOCALHOST), None),
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(fast(input), Some(*expected), "{input:?}");
    }
}

/// Valid origins of other shapes, and invalid values, are left to the full parser.
#[test]
fn leaves_other_shapes_to_the_full_parser() {
    let valid = [
        "ws://a",
        "wss://a.b",
        "ftp://a",
        "chrome-extension://abc",
        "https://192.168.0.1",
        "http://a.1a",
    ];
    let invalid = [
        "",
        "null",
        "http://",
        "https://a.",
        "https://a..b",
        "https://-a",
        "https://a-",
        "https://a-.b",
        "https://a.0",
        "https://a.0x1",
        "https://A",
        "https://a_b",
        "https://a/",
        "https://a:",
        "https://a:08",
        "https://a:443",
        "http://a:80",
        "http://a:65536",
        "http://a:123456",
        "http://a:1x",
        "https://[::0:1]",
        "https://[::1",
        "https://[::1]x",
        "https://u@a",
    ];
    for input in valid.iter().chain(&invalid) {
        assert_eq!(fast(input), None, "{input:?}");
    }
    for input in valid {
        assert!(full(input).is_some(), "{input:?} is an origin");
    }
    for input in invalid {
        assert_eq!(full(input), None, "{input:?} is not an origin");
    }
}

/// Pieces that values near the grammar are made of: schemes, host bytes, separators, ports
/// and addresses, and bytes the grammar refuses.
const PIECES: &[&str] = &[
    "a", "z", "0", "1", "9", "x", "xn--", "-", ".", ".", ":", ":", "[", "]", "::", "::1", "db8",
    "2001:", "0:", "80", "443", "8080", "65535", "65536", "0", "A", "/", "?", "@", "_", "\u{e9}",
    "com", "1.2.3.4",
];

/// Pieces of IPv6 addresses, in and out of their canonical form.
const IPV6_PIECES: &[&str] = &[
    "0", "1", "db8", "2001", "ffff", "0:", "1:", "a:", ":", "::", "1.2.3.4",
];

/// A small deterministic generator ([`Xorshift`]), so a failure reproduces.
struct Values(Xorshift);

impl Values {
    fn pieces(&mut self, value: &mut String, pieces: &[&str], most: usize) {
        for _ in 0..self.0.below(most) {
            value.push_str(pieces[self.0.below(pieces.len())]);
        }
    }

    fn value(&mut self) -> String {
        const SCHEMES: &[&str] = &[
            "https://", "http://", "https://", "http://", "wss://", "x://",
        ];
        let mut value = String::from(SCHEMES[self.0.below(SCHEMES.len())]);
        if self.0.below(3) == 0 {
            value.push('[');
            self.pieces(&mut value, IPV6_PIECES, 9);
            value.push(']');
        }
        self.pieces(&mut value, PIECES, 10);
        value
    }
}

/// Over values near the grammar, everything the fast path accepts the full parser accepts
/// as the same origin; and both sides are reached: the fast path accepts domains and IPv6
/// addresses, and leaves valid origins of other shapes to the full parser.
#[test]
fn agrees_with_the_full_parser() {
    let mut values = Values(Xorshift(0x9e37_79b9_7f4a_7c15));
    let (mut domains, mut ipv6, mut left_valid) = (0, 0, 0);
    for _ in 0..300_000 {
        let value = values.value();
        let full = full(&value);
        assert_eq!(
            fast_bytes(value.as_bytes()),
            fast(&value),
            "{value:?} as bytes"
        );
        match fast(&value) {
            Some(origin) => {
                assert_eq!(full, Some(origin), "{value:?}");
                match origin.host {
                    Host::Ipv6(_) => ipv6 += 1,
                    _ => domains += 1,
                }
            }
            None if full.is_some() => left_valid += 1,
            None => {}
        }
    }
    assert!(domains > 1000, "{domains} domains taken");
    assert!(ipv6 > 100, "{ipv6} IPv6 addresses taken");
    assert!(
        left_valid > 1000,
        "{left_valid} valid origins left to the full parser"
    );
}

/// The length limit applies before anything is read: a domain origin of
/// `MAX_SERIALIZED_ORIGIN_LEN` bytes is taken, one byte more is left to the full parser,
/// which refuses it.
#[test]
fn stops_at_the_length_limit() {
    for len in [MAX_SERIALIZED_ORIGIN_LEN, MAX_SERIALIZED_ORIGIN_LEN + 1] {
        let mut value = String::from("https://");
        while value.len() < len {
            let label = if value.len() + 2 <= len { "a." } else { "a" };
            value.push_str(label);
        }
        if value.ends_with('.') {
            value.pop();
            value.push('b');
        }
        assert_eq!(value.len(), len);
        let taken = fast(&value).is_some();
        assert_eq!(taken, len <= MAX_SERIALIZED_ORIGIN_LEN, "{len} bytes");
        assert_eq!(full(&value).is_some(), taken, "{len} bytes, full parser");
    }
}
