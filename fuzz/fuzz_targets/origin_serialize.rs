//! A tuple origin a browser can hold serializes as a naive serializer written from the HTML
//! and URL Standards does (and as the url crate gives it back, for special schemes), and
//! `parse_origin_or_null` reads that back as the same origin, refusing only past its length
//! limit; an origin no browser holds (a special scheme's domain ending in a number) never
//! reads back as itself.
#![no_main]

use cors_core::limits::MAX_SERIALIZED_ORIGIN_LEN;
use cors_core::{OriginOrNull, parse_origin_or_null};
use cors_fuzz::origin::{OriginCase, url_crate_origin};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: OriginCase<'_>| {
    let built = case.build();
    let (origin, serialized) = (built.origin(), built.origin().to_string());
    assert_eq!(serialized, built.reference_serialization(), "{case:?}");
    let parsed = parse_origin_or_null(serialized.as_bytes()).ok();
    if !built.is_possible() {
        return assert_ne!(parsed, Some(OriginOrNull::Origin(origin)), "{serialized}");
    }
    let fits = serialized.len() <= MAX_SERIALIZED_ORIGIN_LEN;
    assert_eq!(parsed, fits.then_some(OriginOrNull::Origin(origin)));
    let theirs = url_crate_origin(&built, &serialized);
    assert!(theirs.is_none_or(|o| o == serialized), "url crate");
});
