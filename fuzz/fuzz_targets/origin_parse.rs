//! `parse_origin_or_null` and `OriginOrNull::parse`: both give the same answer, every
//! accepted value serializes back to itself byte for byte, and the URL parser
//! (`url_origin`) gives the same origin for it (an opaque one for a scheme without tuple
//! origins).
//!
//! Both entry points try the strict parser's fast path (`http`/`https` with a domain or
//! IPv6 host) before the full parser, so the round trip and the URL parser are the oracle
//! for what the fast path accepts.
#![no_main]

use cors_core::{OriginOrNull, parse_origin_or_null};
use cors_fuzz::assert_url_origin_agrees;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let parsed = parse_origin_or_null(data);
    if let Ok(text) = core::str::from_utf8(data) {
        assert_eq!(OriginOrNull::parse(text), parsed, "text and bytes agree");
    }
    let Ok(parsed) = parsed else {
        return;
    };
    // Round trip: the strict grammar accepts exactly the ASCII serializations of origins.
    assert_eq!(parsed.to_string().as_bytes(), data, "round trip");
    assert_url_origin_agrees(&parsed, data);
});
