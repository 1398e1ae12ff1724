//! `parse_single_range_header_value`: never panics; whatever parses without whitespace
//! parses the same with whitespace allowed, and the exact comparison agrees with `u64`.
#![no_main]

use cors_core::http::range::parse_single_range_header_value;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let loose = parse_single_range_header_value(data, true);
    let Ok(strict) = parse_single_range_header_value(data, false) else {
        return;
    };
    assert_eq!(loose, Ok(strict), "allowWhitespace only adds");
    assert!(strict.start.is_some() || strict.end.is_some(), "both null");
    if let (Some(start), Some(end)) = (strict.start, strict.end) {
        assert!(start.value_cmp(&end).is_le(), "start after end");
        if let (Some(s), Some(e)) = (start.to_u64(), end.to_u64()) {
            assert!(s <= e, "value_cmp disagrees with u64");
        }
    }
});
