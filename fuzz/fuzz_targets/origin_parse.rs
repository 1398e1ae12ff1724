//! `parse_origin_or_null`: every accepted value serializes back to itself byte for byte, and
//! the URL parser (`url_origin`) gives the same origin for it.
#![no_main]

use cors_core::{OpaqueId, OriginOrNull, parse_origin_or_null, url_origin};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(parsed) = parse_origin_or_null(data) else {
        return;
    };
    // Round trip: the strict grammar accepts exactly the ASCII serializations of origins.
    assert_eq!(parsed.to_string().as_bytes(), data, "round trip");
    let OriginOrNull::Origin(tuple) = parsed else {
        return assert_eq!(data, b"null");
    };
    let text = core::str::from_utf8(data).expect("an accepted origin is ASCII");
    let from_url = url_origin(text, None).expect("a serialized origin is a valid URL");
    // Agreement with the URL parser: a special scheme gives the same tuple (same host kind,
    // not only the same text); any other scheme (the header grammar allows it) gives a URL
    // whose origin is opaque.
    let special = matches!(tuple.scheme, "http" | "https" | "ws" | "wss" | "ftp");
    let same = from_url
        .as_origin(OpaqueId(0))
        .is_same_origin(&parsed.to_origin(OpaqueId(0)));
    let expected = if special { text } else { "null" };
    assert!(
        same == special && from_url.to_string() == expected,
        "url_origin gives {from_url:?}"
    );
});
