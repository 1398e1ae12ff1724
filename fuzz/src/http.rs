//! The HTTP parsers' targets (`mime_parse`, `range_parse`): serializations and the shapes
//! the standards give their results.

use cors_core::http::mime::parse_mime_type;

/// The serialization of the MIME type parsed from `input`, isomorphic encoded (every code
/// point of the serialization is at most U+00FF, as the parser reads bytes); `None` when it
/// does not parse.
pub fn mime_serialization(input: &[u8]) -> Option<Vec<u8>> {
    let text = parse_mime_type(input).ok()?.to_string();
    text.chars().map(|c| u8::try_from(c).ok()).collect()
}

/// Whether `essence` is a serialized MIME type essence (MIME Sniffing, "serialize a MIME
/// type"): a type and a subtype, each a non-empty run of lowercase token code points, around
/// exactly one `/`.
pub fn is_serialized_essence(essence: &[u8]) -> bool {
    let token = |part: &[u8]| {
        !part.is_empty()
            && part.iter().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || b"!#$%&'*+-.^_`|~".contains(b)
            })
    };
    let mut parts = essence.split(|&b| b == b'/');
    let (kind, sub) = (parts.next(), parts.next());
    parts.next().is_none() && kind.is_some_and(token) && sub.is_some_and(token)
}
