//! `parse_mime_type`: never panics; a parsed essence serializes as lowercase tokens around
//! one `/`, and parsing the serialization gives the same serialization back (idempotence).
#![no_main]

use cors_core::http::{header::is_token_byte, mime::parse_mime_type};
use cors_core::limits::MAX_MIME_TYPE_LEN;
use libfuzzer_sys::fuzz_target;

/// The serialization of the parse of `input`, isomorphic encoded (no code point > U+00FF).
fn serialize(input: &[u8]) -> Option<Vec<u8>> {
    let text = parse_mime_type(input).ok()?.to_string();
    Some(text.chars().map(|c| u8::try_from(c).unwrap()).collect())
}

fuzz_target!(|data: &[u8]| {
    let Some(first) = serialize(data) else { return };
    // The essence (up to `;`) matches `essence_eq` and is lowercase tokens and `/`.
    let essence = first.split(|&b| b == b';').next().unwrap();
    assert!(parse_mime_type(data).unwrap().essence_eq(essence));
    assert!(
        essence
            .iter()
            .all(|&b| b == b'/' || is_token_byte(b) && !b.is_ascii_uppercase())
    );
    // Quoting can lengthen the serialization past the parser's length limit.
    if first.len() <= MAX_MIME_TYPE_LEN {
        assert_eq!(serialize(&first), Some(first), "idempotence");
    }
});
