//! `parse_pattern`: every accepted pattern is its own canonical spelling (`Display` gives the
//! input back); filling its wildcards in (`*.` as `x.`, port `*` as `1`) gives a serialized
//! origin (or `null`) with the same text, which the naive reference matcher says the pattern
//! allows.
#![no_main]

use cors_core::parse_origin_or_null;
use cors_core::policy::parse_pattern;
use cors_fuzz::policy::{instance, naive_allows};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = core::str::from_utf8(data).unwrap_or("");
    let Ok(pattern) = parse_pattern(text) else {
        return;
    };
    assert_eq!(pattern.to_string(), text, "round trip through Display");
    let Some(origin) = instance(text) else { return };
    let parsed = parse_origin_or_null(origin.as_bytes()).map(|o| o.to_string());
    assert_eq!(parsed.as_deref(), Ok(origin.as_str()), "{text} filled in");
    assert!(naive_allows(&[text], true, &origin), "{origin}");
});
