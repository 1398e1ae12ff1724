//! Methods: CORS-safelisted, forbidden, and normalization.
//!
//! <https://fetch.spec.whatwg.org/#methods>

use super::header::is_token;

/// Whether `bytes` is a method (an RFC 9110 `token`).
///
/// <https://fetch.spec.whatwg.org/#concept-method>
pub fn is_method(bytes: &[u8]) -> bool {
    is_token(bytes)
}

/// Whether `method` is `GET`, `HEAD` or `POST`, byte for byte: `get` is not safelisted.
///
/// <https://fetch.spec.whatwg.org/#cors-safelisted-method>
pub fn is_cors_safelisted_method(method: &[u8]) -> bool {
    matches!(method, b"GET" | b"HEAD" | b"POST")
}

/// Whether `method` is a byte-case-insensitive match for `CONNECT`, `TRACE` or `TRACK`.
///
/// <https://fetch.spec.whatwg.org/#forbidden-method>
pub fn is_forbidden_method(method: &[u8]) -> bool {
    [&b"CONNECT"[..], b"TRACE", b"TRACK"]
        .iter()
        .any(|forbidden| method.eq_ignore_ascii_case(forbidden))
}

/// Normalizes `method`: a byte-case-insensitive match for `DELETE`, `GET`, `HEAD`,
/// `OPTIONS`, `POST` or `PUT` becomes its uppercase form; any other method (`patch`) is
/// returned as it is.
///
/// <https://fetch.spec.whatwg.org/#concept-method-normalize>
pub fn normalize_method(method: &[u8]) -> &[u8] {
    const NORMALIZED: [&[u8]; 6] = [b"DELETE", b"GET", b"HEAD", b"OPTIONS", b"POST", b"PUT"];
    NORMALIZED
        .iter()
        .find(|upper| method.eq_ignore_ascii_case(upper))
        .map_or(method, |upper| upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safelisted_methods_are_case_sensitive() {
        assert!(is_cors_safelisted_method(b"GET"));
        assert!(is_cors_safelisted_method(b"HEAD"));
        assert!(is_cors_safelisted_method(b"POST"));
        assert!(!is_cors_safelisted_method(b"get"));
        assert!(!is_cors_safelisted_method(b"Post"));
        assert!(!is_cors_safelisted_method(b"PUT"));
    }

    #[test]
    fn forbidden_methods_ignore_case() {
        assert!(is_forbidden_method(b"CONNECT"));
        assert!(is_forbidden_method(b"trace"));
        assert!(is_forbidden_method(b"TrAcK"));
        assert!(!is_forbidden_method(b"TRACES"));
        assert!(!is_forbidden_method(b"GET"));
    }

    #[test]
    fn normalization_uppercases_only_the_six() {
        assert_eq!(normalize_method(b"put"), b"PUT");
        assert_eq!(normalize_method(b"options"), b"OPTIONS");
        assert_eq!(normalize_method(b"patch"), b"patch");
        assert_eq!(normalize_method(b"Foo"), b"Foo");
    }
}
