//! Property tests of origins: the strict parser and the serializer are inverse on canonical
//! serializations; same origin is an equivalence relation on tuple origins; the origin of a
//! URL built from a serialized origin is its strict parse.
//!
//! Canonical serializations are generated independently of the code under test: domains
//! from LDH labels, IPv4 from four octets, IPv6 from `std::net::Ipv6Addr`'s RFC 5952
//! `Display` (the same compression rule as the URL Standard's IPv6 serializer, except for
//! embedded IPv4, which those cases exclude).

use std::net::{Ipv4Addr, Ipv6Addr};

use cors_core::{
    Host, OpaqueId, Origin, OriginOrNull, TupleOrigin, parse_origin_or_null, url_origin,
};
use proptest::prelude::*;

const SPECIAL: &[(&str, Option<u16>)] = &[
    ("http", Some(80)),
    ("https", Some(443)),
    ("ws", Some(80)),
    ("wss", Some(443)),
    ("ftp", Some(21)),
];

fn label() -> impl Strategy<Value = String> {
    "[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?"
}

/// A domain that the URL parser keeps a domain: its last label does not make it end in a
/// number (not all digits, not a 0x hex number).
fn domain() -> impl Strategy<Value = String> {
    // The last label starts with a letter, so it is neither all digits nor 0x-hex.
    (
        prop::collection::vec(label(), 0..4),
        "[a-z][a-z0-9-]{0,6}[a-z]",
    )
        .prop_map(|(mut labels, last)| {
            labels.push(last);
            labels.join(".")
        })
}

fn ipv6_text() -> impl Strategy<Value = String> {
    prop::array::uniform8(prop_oneof![Just(0u16), Just(1u16), any::<u16>()])
        .prop_map(|pieces| Ipv6Addr::from(pieces).to_string())
        .prop_filter("embedded IPv4 notation", |text| !text.contains('.'))
}

fn host_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => domain(),
        1 => any::<[u8; 4]>().prop_map(|octets| Ipv4Addr::from(octets).to_string()),
        1 => ipv6_text().prop_map(|text| format!("[{text}]")),
    ]
}

/// A canonical serialized origin with a special scheme other than file.
fn special_serialized_origin() -> impl Strategy<Value = String> {
    (
        prop::sample::select(SPECIAL),
        host_text(),
        prop::option::of(any::<u16>()),
    )
        .prop_map(|((scheme, default), host, port)| {
            match port.filter(|&p| Some(p) != default) {
                Some(port) => format!("{scheme}://{host}:{port}"),
                None => format!("{scheme}://{host}"),
            }
        })
}

/// A canonical serialized origin with any scheme but file.
fn serialized_origin() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => special_serialized_origin(),
        1 => ("[a-z][a-z0-9+.-]{0,10}", domain(), prop::option::of(any::<u16>()))
            .prop_filter("file or special", |(scheme, _, _)| {
                scheme != "file" && !SPECIAL.iter().any(|(s, _)| s == scheme)
            })
            .prop_map(|(scheme, host, port)| match port {
                Some(port) => format!("{scheme}://{host}:{port}"),
                None => format!("{scheme}://{host}"),
            }),
    ]
}

fn parse_tuple(text: &str) -> Option<TupleOrigin<'_>> {
    match parse_origin_or_null(text.as_bytes()) {
        Ok(OriginOrNull::Origin(tuple)) => Some(tuple),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// serialize(parse(s)) == s for every canonical serialized origin.
    #[test]
    fn roundtrip_serialize_parse(text in serialized_origin()) {
        let tuple = parse_tuple(&text);
        prop_assert!(tuple.is_some(), "{text:?} rejected: {:?}", parse_origin_or_null(text.as_bytes()));
        prop_assert_eq!(tuple.map(|t| t.to_string()), Some(text));
    }

    /// parse(serialize(o)) == o for tuple origins built from parts.
    #[test]
    fn roundtrip_parse_serialize(
        (scheme, default) in prop::sample::select(SPECIAL),
        octets in any::<[u8; 4]>(),
        pieces in prop::array::uniform8(prop_oneof![Just(0u16), any::<u16>()]),
        name in domain(),
        which in 0..3u8,
        port in prop::option::of(any::<u16>()),
    ) {
        let port = port.filter(|&p| Some(p) != default);
        let host = match which {
            0 => Host::Domain(&name),
            1 => Host::Ipv4(Ipv4Addr::from(octets)),
            _ => Host::Ipv6(Ipv6Addr::from(pieces)),
        };
        let origin = TupleOrigin::new(scheme, host, port);
        let text = origin.to_string();
        prop_assert_eq!(parse_tuple(&text), Some(origin), "{}", text);
    }

    /// Whatever the bytes, the strict parser accepts only text it serializes back exactly.
    #[test]
    fn strict_parser_accepts_only_canonical_text(bytes in prop::collection::vec(
        prop_oneof![any::<u8>(), prop::sample::select(b"abc019:/.[]-@%xX".to_vec())], 0..40)
    ) {
        if let Ok(OriginOrNull::Origin(tuple)) = parse_origin_or_null(&bytes) {
            prop_assert_eq!(tuple.to_string().into_bytes(), bytes);
        }
    }

    /// The origin of a URL built from a serialized origin equals its strict parse.
    #[test]
    fn url_origin_of_serialized_origin_is_its_strict_parse(text in special_serialized_origin(), path in "(/[a-z]{0,5}){0,2}") {
        let strict = parse_tuple(&text).map(Origin::Tuple);
        let url = format!("{text}{path}");
        let from_url = url_origin(&url, None);
        prop_assert!(from_url.is_ok(), "{url:?}: {from_url:?}");
        let from_url = from_url.ok();
        prop_assert_eq!(from_url.as_ref().map(|o| o.as_origin(OpaqueId(0))), strict);
    }

    /// Same origin is reflexive, symmetric and transitive on tuple origins.
    #[test]
    fn same_origin_is_an_equivalence_relation(
        parts in prop::collection::vec((prop::sample::select(&["http", "https"][..]), prop::sample::select(&["a.test", "b.test"][..]), prop::option::of(0u16..2)), 3)
    ) {
        let origins: Vec<Origin<'_>> = parts.iter().map(|&(s, h, p)| Origin::tuple(s, Host::Domain(h), p)).collect();
        let [a, b, c] = [origins[0], origins[1], origins[2]];
        prop_assert!(a.is_same_origin(&a));
        prop_assert_eq!(a.is_same_origin(&b), b.is_same_origin(&a));
        if a.is_same_origin(&b) && b.is_same_origin(&c) {
            prop_assert!(a.is_same_origin(&c));
        }
    }
}
