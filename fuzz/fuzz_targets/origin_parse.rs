//! `parse_origin_or_null`: every accepted value serializes back to itself byte for byte, and
//! the URL parser (`url_origin`) gives the same origin for it (an opaque one for a scheme
//! without tuple origins).
#![no_main]

use cors_core::parse_origin_or_null;
use cors_fuzz::assert_url_origin_agrees;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(parsed) = parse_origin_or_null(data) else {
        return;
    };
    // Round trip: the strict grammar accepts exactly the ASCII serializations of origins.
    assert_eq!(parsed.to_string().as_bytes(), data, "round trip");
    assert_url_origin_agrees(&parsed, data);
});
