//! Forbidden request-headers and forbidden response-header names: what a script may never
//! set on a request, or read from a response.
//!
//! <https://fetch.spec.whatwg.org/#forbidden-request-header>,
//! <https://fetch.spec.whatwg.org/#forbidden-response-header-name>

pub use crate::http::header_names::is_forbidden_response_header_name;
use crate::http::header_names::{
    has_forbidden_request_header_prefix, is_forbidden_request_header_name,
    is_method_override_header_name,
};
use crate::http::method::is_forbidden_method;
use crate::http::split::{DecodeSplit, SplitItem};

/// The names that are forbidden whatever the value (step 1), as the standard lists them.
/// Which rule makes a request-header forbidden.
///
/// <https://fetch.spec.whatwg.org/#forbidden-request-header>
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Forbidden {
    /// Step 1: the name is one of the listed names (`Cookie`, `Host`, `Origin`, …).
    Name,
    /// Step 2: the lowercased name starts with `proxy-` or `sec-`.
    Prefix,
    /// Step 3: the name is `X-HTTP-Method`, `X-HTTP-Method-Override` or
    /// `X-Method-Override` and an item of the value is a forbidden method.
    MethodOverride,
}

/// Which rule makes (`name`, `value`) a forbidden request-header, or `None` when it is not
/// one.
///
/// The value is split with "get, decode, and split", which reads it once, forward; each
/// item consumes at least one byte, so the work is linear in `value`.
///
/// <https://fetch.spec.whatwg.org/#forbidden-request-header>
pub fn forbidden_request_header(name: &[u8], value: &[u8]) -> Option<Forbidden> {
    // Step 1. If name is a byte-case-insensitive match for one of [the names], return true.
    if is_forbidden_request_header_name(name) {
        return Some(Forbidden::Name);
    }
    // Step 2. If name when byte-lowercased starts with `proxy-` or `sec-`, return true.
    if has_forbidden_request_header_prefix(name) {
        return Some(Forbidden::Prefix);
    }
    // Step 3. If name is a byte-case-insensitive match for one of `X-HTTP-Method`,
    // `X-HTTP-Method-Override`, or `X-Method-Override`:
    if is_method_override_header_name(name) && value_names_forbidden_method(value) {
        return Some(Forbidden::MethodOverride);
    }
    // Step 4. Return false.
    None
}

/// Whether (`name`, `value`) is a forbidden request-header.
///
/// <https://fetch.spec.whatwg.org/#forbidden-request-header>
pub fn is_forbidden_request_header(name: &[u8], value: &[u8]) -> bool {
    forbidden_request_header(name, value).is_some()
}

/// Steps 3.1–3.2: whether an item of get, decode, and split of `value`, isomorphic
/// encoded, is a forbidden method. A [`SplitItem::TooLong`] item is longer than any method
/// and so never forbidden.
fn value_names_forbidden_method(value: &[u8]) -> bool {
    // 3.1. Let parsedValues be the result of getting, decoding, and splitting value.
    let mut items = DecodeSplit::new(value.iter().copied());
    // 3.2. For each method of parsedValues: if the isomorphic encoding of method is a
    //      forbidden method, then return true.
    // Every item but the last ends at a `,` of `value`: at most `value.len() + 1` items.
    for _ in 0..=value.len() {
        match items.next_item() {
            Some(SplitItem::Item(method)) if is_forbidden_method(method) => return true,
            Some(_) => {}
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        name: &'static str,
        value: &'static str,
        want: Option<Forbidden>,
    }

    const fn case(name: &'static str, value: &'static str, want: Option<Forbidden>) -> Case {
        Case { name, value, want }
    }

    use Forbidden::{MethodOverride, Name, Prefix};

    /// cors-vectors.json forbidden_request_headers (request-forbidden-headers.any.js), plus
    /// `Set-Cookie` from the standard's list (whatwg/fetch 50d77e6).
    static NAMES: &[Case] = &[
        case("Accept-Charset", "", Some(Name)),
        case("Accept-Encoding", "", Some(Name)),
        case("Access-Control-Request-Headers", "", Some(Name)),
        case("Access-Control-Request-Method", "", Some(Name)),
        case("Connection", "", Some(Name)),
        case("Content-Length", "", Some(Name)),
        case("Cookie", "", Some(Name)),
        case("Cookie2", "", Some(Name)),
        case("Date", "", Some(Name)),
        case("DNT", "", Some(Name)),
        case("Expect", "", Some(Name)),
        case("Host", "", Some(Name)),
        case("Keep-Alive", "", Some(Name)),
        case("Origin", "", Some(Name)),
        case("Referer", "", Some(Name)),
        case("Set-Cookie", "", Some(Name)),
        case("TE", "", Some(Name)),
        case("Trailer", "", Some(Name)),
        case("Transfer-Encoding", "", Some(Name)),
        case("Upgrade", "", Some(Name)),
        case("Via", "", Some(Name)),
        case("cOoKiE", "", Some(Name)),
        case("Proxy-", "", Some(Prefix)),
        case("Proxy-Test", "", Some(Prefix)),
        case("Sec-", "", Some(Prefix)),
        case("Sec-Test", "", Some(Prefix)),
        case("Proxy", "", None),
        case("Sec", "", None),
        case("X-Test", "", None),
        case("Set-Cookie2", "", None),
    ];

    /// The value-dependent rule: each value is tried with all six name spellings of the
    /// vectors.
    static OVERRIDE_VALUES: &[(&str, bool)] = &[
        ("TRACE", true),
        ("TRACK", true),
        ("CONNECT", true),
        ("trace", true),
        ("track", true),
        ("connect", true),
        ("trace,", true),
        ("GET,track ", true),
        (" connect", true),
        ("GETTRACE", false),
        ("GET", false),
        ("\",TRACE\",", false),
    ];

    #[test]
    fn forbidden_names_and_prefixes() {
        for case in NAMES {
            let got = forbidden_request_header(case.name.as_bytes(), case.value.as_bytes());
            assert_eq!(got, case.want, "{:?}", case.name);
            assert_eq!(
                is_forbidden_request_header(case.name.as_bytes(), case.value.as_bytes()),
                case.want.is_some()
            );
        }
    }

    #[test]
    fn method_override_values() {
        let names = [
            "x-http-method-override",
            "x-http-method",
            "x-method-override",
            "X-HTTP-METHOD-OVERRIDE",
            "X-HTTP-METHOD",
            "X-METHOD-OVERRIDE",
        ];
        for name in names {
            for &(value, forbidden) in OVERRIDE_VALUES {
                let got = forbidden_request_header(name.as_bytes(), value.as_bytes());
                let want = forbidden.then_some(MethodOverride);
                assert_eq!(got, want, "{name:?}: {value:?}");
            }
        }
        // The rule only applies to these names.
        assert_eq!(forbidden_request_header(b"x-override", b"TRACE"), None);
    }

    #[test]
    fn forbidden_response_header_names() {
        assert!(is_forbidden_response_header_name(b"Set-Cookie"));
        assert!(is_forbidden_response_header_name(b"set-cookie2"));
        assert!(!is_forbidden_response_header_name(b"Cookie"));
    }
}
