//! `parse_mime_type`: never panics; a parsed type serializes with an essence of lowercase
//! tokens around exactly one `/` that `essence_eq` accepts, and parsing the serialization
//! gives the same serialization back (idempotence).
#![no_main]

use cors_core::http::mime::parse_mime_type;
use cors_core::limits::MAX_MIME_TYPE_LEN;
use cors_fuzz::http::{is_serialized_essence, mime_serialization};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(first) = mime_serialization(data) else {
        return assert!(parse_mime_type(data).is_err(), "not isomorphic");
    };
    let essence = first.split(|&b| b == b';').next().unwrap_or_default();
    assert!(is_serialized_essence(essence), "{first:?}");
    assert!(parse_mime_type(data).is_ok_and(|m| m.essence_eq(essence)));
    // Quoting can lengthen the serialization past the parser's length limit.
    if first.len() <= MAX_MIME_TYPE_LEN {
        assert_eq!(mime_serialization(&first), Some(first), "idempotence");
    }
});
