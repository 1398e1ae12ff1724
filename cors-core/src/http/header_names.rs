//! The Fetch Standard's sets of header names: forbidden request-header names and prefixes,
//! the method-override names, the CORS non-wildcard request-header name, the fixed
//! CORS-safelisted response-header names and the forbidden response-header names.
//!
//! Both the browser model and the server policy classify names with these; the value rules
//! built on them (the `X-HTTP-Method-Override` value check, `Access-Control-Expose-Headers`)
//! stay with each side. Every comparison is byte-case-insensitive.

/// The names that make a header a forbidden request-header whatever its value (step 1).
///
/// <https://fetch.spec.whatwg.org/#forbidden-request-header>
pub const FORBIDDEN_REQUEST_HEADER_NAMES: [&[u8]; 21] = [
    b"Accept-Charset",
    b"Accept-Encoding",
    b"Access-Control-Request-Headers",
    b"Access-Control-Request-Method",
    b"Connection",
    b"Content-Length",
    b"Cookie",
    b"Cookie2",
    b"Date",
    b"DNT",
    b"Expect",
    b"Host",
    b"Keep-Alive",
    b"Origin",
    b"Referer",
    b"Set-Cookie",
    b"TE",
    b"Trailer",
    b"Transfer-Encoding",
    b"Upgrade",
    b"Via",
];

/// The names whose value may override the method (step 3): forbidden only when the value
/// names a forbidden method.
///
/// <https://fetch.spec.whatwg.org/#forbidden-request-header>
pub const METHOD_OVERRIDE_HEADER_NAMES: [&[u8]; 3] = [
    b"X-HTTP-Method",
    b"X-HTTP-Method-Override",
    b"X-Method-Override",
];

/// The CORS-safelisted response-header names script reads without
/// `Access-Control-Expose-Headers`.
///
/// <https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name>
pub const CORS_SAFELISTED_RESPONSE_HEADER_NAMES: [&[u8]; 7] = [
    b"Cache-Control",
    b"Content-Language",
    b"Content-Length",
    b"Content-Type",
    b"Expires",
    b"Last-Modified",
    b"Pragma",
];

fn one_of(name: &[u8], names: &[&[u8]]) -> bool {
    names.iter().any(|listed| name.eq_ignore_ascii_case(listed))
}

/// Whether `name` is one of [`FORBIDDEN_REQUEST_HEADER_NAMES`] (step 1).
///
/// <https://fetch.spec.whatwg.org/#forbidden-request-header>
pub fn is_forbidden_request_header_name(name: &[u8]) -> bool {
    one_of(name, &FORBIDDEN_REQUEST_HEADER_NAMES)
}

/// Whether `name`, byte-lowercased, starts with `proxy-` or `sec-` (step 2).
///
/// <https://fetch.spec.whatwg.org/#forbidden-request-header>
pub fn has_forbidden_request_header_prefix(name: &[u8]) -> bool {
    starts_with_ignore_case(name, b"proxy-") || starts_with_ignore_case(name, b"sec-")
}

/// Whether `name` is one of [`METHOD_OVERRIDE_HEADER_NAMES`] (step 3).
///
/// <https://fetch.spec.whatwg.org/#forbidden-request-header>
pub fn is_method_override_header_name(name: &[u8]) -> bool {
    one_of(name, &METHOD_OVERRIDE_HEADER_NAMES)
}

/// Whether `name` is `Authorization`, the CORS non-wildcard request-header name: `*` in
/// `Access-Control-Allow-Headers` never covers it.
///
/// <https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name>
pub fn is_cors_non_wildcard_request_header_name(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"authorization")
}

/// Whether `name` is one of [`CORS_SAFELISTED_RESPONSE_HEADER_NAMES`] (the fixed part of a
/// CORS-safelisted response-header name; the exposed list is the caller's).
///
/// <https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name>
pub fn is_cors_safelisted_response_header_name(name: &[u8]) -> bool {
    one_of(name, &CORS_SAFELISTED_RESPONSE_HEADER_NAMES)
}

/// Whether `name` is `Set-Cookie` or `Set-Cookie2`, which script never reads.
///
/// <https://fetch.spec.whatwg.org/#forbidden-response-header-name>
pub fn is_forbidden_response_header_name(name: &[u8]) -> bool {
    one_of(name, &[b"Set-Cookie", b"Set-Cookie2"])
}

/// Whether `name` starts with `prefix`, byte-case-insensitive.
fn starts_with_ignore_case(name: &[u8], prefix: &[u8]) -> bool {
    name.get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}
