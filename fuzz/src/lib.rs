//! What the fuzz targets share: the `Arbitrary` mirror types of their inputs, the properties
//! they assert, and the `url` crate as a reference, with its known bugs listed
//! ([`url_reference`]).

pub mod browser;
pub mod cache;
pub mod http;
pub mod origin;
pub mod policy;
pub mod url_reference;

use arbitrary::Arbitrary;
use cors_core::limits::MAX_SERIALIZED_ORIGIN_LEN;
use cors_core::{
    Host, OpaqueId, Origin, OriginOrNull, UrlOrigin, parse_origin_or_null, url_origin,
};

/// A URL and an optional base URL, as [`cors_core::url_origin`] takes them.
///
/// `fuzz/seed-corpus.py` writes seeds in its `arbitrary` encoding: one byte whose low bit
/// says whether `base` is present, then the base, the input, and the base's length at the end.
#[derive(Arbitrary, Debug)]
pub struct UrlCase<'a> {
    /// The base URL.
    pub base: Option<&'a str>,
    /// The URL.
    pub input: &'a str,
}

/// The strict parser accepts the serialization of a tuple origin when, and only when, its host
/// is an IP address or a domain of LDH labels (the URL parser allows more: `_`, `*`, a
/// trailing dot...) and it is within the strict parser's length limit (URL hosts may be
/// longer), and gives back the same origin.
pub fn assert_strict_parse_agrees(origin: &UrlOrigin) {
    let serialized = origin.to_string();
    let origin = origin.as_origin(OpaqueId(0));
    let Origin::Tuple(tuple) = origin else {
        return assert_eq!(serialized, "null");
    };
    let ldh = |l: &str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let fits = !matches!(tuple.host, Host::Domain(domain) if !domain.split('.').all(ldh))
        && serialized.len() <= MAX_SERIALIZED_ORIGIN_LEN;
    match parse_origin_or_null(serialized.as_bytes()) {
        Ok(strict) => assert!(
            fits && strict.to_origin(OpaqueId(1)).is_same_origin(&origin),
            "strict parse of {serialized}: {strict:?}"
        ),
        Err(error) => assert!(!fits, "strict parse of {serialized}: {error:?}"),
    }
}

/// The URL parser agrees with the strict parser on an accepted `Origin` value `data`: for a
/// special scheme it gives the same tuple (the same host kind, not only the same text); any
/// other scheme (the header grammar allows it) gives a URL whose origin is opaque; `null` is
/// not a URL.
pub fn assert_url_origin_agrees(parsed: &OriginOrNull<'_>, data: &[u8]) {
    let OriginOrNull::Origin(tuple) = parsed else {
        return assert_eq!(data, b"null");
    };
    let text = core::str::from_utf8(data).expect("an accepted origin is ASCII");
    let from_url = url_origin(text, None).expect("a serialized origin is a valid URL");
    let special = matches!(tuple.scheme, "http" | "https" | "ws" | "wss" | "ftp");
    let same = from_url
        .as_origin(OpaqueId(0))
        .is_same_origin(&parsed.to_origin(OpaqueId(0)));
    let expected = if special { text } else { "null" };
    assert!(
        same == special && from_url.to_string() == expected,
        "url_origin gives {from_url:?}"
    );
}
