//! `parse_pattern`: every accepted pattern is its own canonical spelling (`Display` gives
//! the input back, and that parses to the same pattern), and a pattern without wildcards is
//! a serialized origin (or `null`) with the same text.
#![no_main]

use cors_core::parse_origin_or_null;
use cors_core::policy::parse_pattern;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    let Ok(pattern) = parse_pattern(text) else {
        return;
    };
    let shown = pattern.to_string();
    assert_eq!(shown, text, "round trip through Display");
    assert_eq!(parse_pattern(&shown), Ok(pattern), "reparse");
    if !text.contains('*') {
        let origin = parse_origin_or_null(data).expect("a pattern without wildcards is an origin");
        assert_eq!(origin.to_string(), text, "the same text as an origin");
    }
});
