//! The header-name predicates the policy needs, written here rather than shared with the
//! browser model so that the two sides stay independent (they meet only in tests).
//!
//! Only names are classified: the policy validates configured names, never values.

/// Names that are forbidden request-headers whatever their value.
///
/// <https://fetch.spec.whatwg.org/#forbidden-request-header>
const FORBIDDEN_REQUEST_HEADER_NAMES: [&[u8]; 21] = [
    b"accept-charset",
    b"accept-encoding",
    b"access-control-request-headers",
    b"access-control-request-method",
    b"connection",
    b"content-length",
    b"cookie",
    b"cookie2",
    b"date",
    b"dnt",
    b"expect",
    b"host",
    b"keep-alive",
    b"origin",
    b"referer",
    b"set-cookie",
    b"te",
    b"trailer",
    b"transfer-encoding",
    b"upgrade",
    b"via",
];

/// Whether a request carrying a header named `name` is always a forbidden request-header:
/// one of the listed names, or a name starting with `proxy-` or `sec-`, byte-case-insensitive.
///
/// The standard's third case, the `X-HTTP-Method-Override` family, depends on the value
/// (forbidden only when it names a forbidden method), so it is not a name rule; see
/// [`is_method_override_header_name`].
///
/// <https://fetch.spec.whatwg.org/#forbidden-request-header>
pub(crate) fn is_forbidden_request_header_name(name: &[u8]) -> bool {
    FORBIDDEN_REQUEST_HEADER_NAMES
        .iter()
        .any(|forbidden| name.eq_ignore_ascii_case(forbidden))
        || starts_with_ignore_case(name, b"proxy-")
        || starts_with_ignore_case(name, b"sec-")
}

/// Whether `name` is `X-HTTP-Method`, `X-HTTP-Method-Override` or `X-Method-Override`,
/// byte-case-insensitive: headers that servers use to override the request method.
///
/// <https://fetch.spec.whatwg.org/#forbidden-request-header>
pub(crate) fn is_method_override_header_name(name: &[u8]) -> bool {
    [
        &b"x-http-method"[..],
        b"x-http-method-override",
        b"x-method-override",
    ]
    .iter()
    .any(|candidate| name.eq_ignore_ascii_case(candidate))
}

/// Whether `name` is `Authorization`: the one CORS non-wildcard request-header name, which
/// `*` never covers.
///
/// <https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name>
pub(crate) fn is_cors_non_wildcard_request_header_name(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"authorization")
}

/// Whether `name` is one of the fixed CORS-safelisted response-header names, which script
/// can read without `Access-Control-Expose-Headers`.
///
/// <https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name>
pub(crate) fn is_cors_safelisted_response_header_name(name: &[u8]) -> bool {
    [
        &b"cache-control"[..],
        b"content-language",
        b"content-length",
        b"content-type",
        b"expires",
        b"last-modified",
        b"pragma",
    ]
    .iter()
    .any(|safelisted| name.eq_ignore_ascii_case(safelisted))
}

/// Whether `name` is `Set-Cookie` or `Set-Cookie2`, which no exposure ever reveals.
///
/// <https://fetch.spec.whatwg.org/#forbidden-response-header-name>
pub(crate) fn is_forbidden_response_header_name(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"set-cookie") || name.eq_ignore_ascii_case(b"set-cookie2")
}

fn starts_with_ignore_case(name: &[u8], prefix: &[u8]) -> bool {
    name.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}
