extern crate std;
use std::string::{FromUtf8Error, String};
use std::vec::Vec;

use super::*;
use crate::browser::CredentialsMode::{Include, Omit, SameOrigin};
use crate::browser::response::test_support::{ORIGIN, Pair, headers};

/// The names `[...response.headers.keys()]` shows: lowercased, sorted, distinct; an error
/// if a name is not UTF-8.
fn keys(list: &[Pair], credentials: CredentialsMode) -> Result<Vec<String>, FromUtf8Error> {
    let headers = headers(list);
    let exposed = ExposedHeaders::new(&headers, credentials);
    exposed
        .names()
        .map(|name| String::from_utf8(name.to_ascii_lowercase()))
        .collect()
}

/// web-platform-tests `fetch/api/cors/cors-filtering.sub.any.js` (cors-vectors.json group
/// `response_filtering`, all 19): a response header, `Access-Control-Expose-Headers`, the
/// credentials mode, and whether the script can read the header.
#[allow(clippy::type_complexity)]
#[rustfmt::skip]
const RESPONSE_FILTERING: &[(Pair, Option<&str>, CredentialsMode, bool)] = &[
    (("Cache-Control", "no-cache"), None, SameOrigin, true),
    (("Content-Language", "fr"), None, SameOrigin, true),
    (("Content-Type", "text/html"), None, SameOrigin, true),
    (("Expires", "04 May 1988 22:22:22 GMT"), None, SameOrigin, true),
    (("Last-Modified", "04 May 1988 22:22:22 GMT"), None, SameOrigin, true),
    (("Pragma", "no-cache"), None, SameOrigin, true),
    (("Content-Length", "3"), None, SameOrigin, true),
    (("Age", "27"), None, SameOrigin, false),
    (("Server", "wptServe"), None, SameOrigin, false),
    (("Warning", "Mind the gap"), None, SameOrigin, false),
    (("Set-Cookie", "name=value; max-age=0"), None, SameOrigin, false),
    (("Set-Cookie2", "name=value; max-age=0"), None, SameOrigin, false),
    (("Age", "27"), Some("Age"), Omit, true),
    (("Server", "wptServe"), Some("Server"), Omit, true),
    (("Warning", "Mind the gap"), Some("Warning"), Omit, true),
    (("Set-Cookie", "name=value; max-age=0"), Some("Set-Cookie"), Omit, false),
    (("Set-Cookie2", "name=value; max-age=0"), Some("Set-Cookie2"), Omit, false),
    (("Set-Cookie", "name=value; max-age=0"), Some("Set-Cookie"), Include, false),
    (("Set-Cookie2", "name=value; max-age=0"), Some("Set-Cookie2"), Include, false),
];

#[test]
fn accepts_and_rejects_the_wpt_filtering_table() {
    for &(header, expose, credentials, readable) in RESPONSE_FILTERING {
        let mut list = heapless::Vec::<Pair, 3>::new();
        assert_eq!(list.push(("Access-Control-Allow-Origin", ORIGIN)), Ok(()));
        if let Some(expose) = expose {
            assert_eq!(list.push(("Access-Control-Expose-Headers", expose)), Ok(()));
        }
        assert_eq!(list.push(header), Ok(()));
        let h = headers(&list);
        let exposed = ExposedHeaders::new(&h, credentials);
        let name = header.0.as_bytes();
        assert_eq!(exposed.is_exposed(name), readable, "{header:?} {expose:?}");
        assert_eq!(
            exposed
                .filtered()
                .any(|(n, v)| n == name && v == header.1.as_bytes()),
            readable,
            "{header:?} {expose:?}"
        );
    }
}

/// web-platform-tests `fetch/api/cors/cors-expose-star.sub.any.js` (group `expose_star`):
/// the response has `Test`, `Set-Cookie`, a header literally named `*`, and the server's
/// `Content-Type`.
#[test]
fn expose_star_is_a_wildcard_only_without_credentials() -> Result<(), FromUtf8Error> {
    let base = [
        ("Access-Control-Allow-Origin", ORIGIN),
        ("Content-Type", "text/plain"),
        ("Test", "X"),
        ("Set-Cookie", "X"),
        ("*", "whoa"),
    ];
    let mut star = base.to_vec();
    star.push(("Access-Control-Expose-Headers", "*"));
    let all = keys(&star, SameOrigin)?;
    assert!(all.iter().any(|k| k == "test") && all.iter().any(|k| k == "*"));
    assert!(!all.iter().any(|k| k == "set-cookie"));
    // With credentials `*` is literal: only the header named `*` (and the safelisted).
    assert_eq!(keys(&star, Include)?, ["*", "content-type"]);
    // Two header lines, `*` and `set-cookie,*`: the combined list contains `*`.
    let mut two = base.to_vec();
    two.push(("Access-Control-Expose-Headers", "*"));
    two.push(("Access-Control-Expose-Headers", "set-cookie,*"));
    let all = keys(&two, SameOrigin)?;
    assert!(all.iter().any(|k| k == "test") && all.iter().any(|k| k == "*"));
    assert!(!all.iter().any(|k| k == "set-cookie"));
    Ok(())
}

/// `[...response.headers.keys()]` as Chromium 156 showed it in the recorded samples
/// (samples-chromium.jsonl): hp-expose-star-same-origin, hp-expose-named,
/// hp-resp-all-safelisted, hp-simple-get.
#[test]
fn names_match_the_recorded_chromium_samples() -> Result<(), FromUtf8Error> {
    let star = [
        ("Access-Control-Allow-Origin", ORIGIN),
        ("Access-Control-Expose-Headers", "*"),
        ("Content-Type", "text/plain"),
        ("X-Custom", "secret"),
        ("X-Other", "1"),
        ("Set-Cookie", "hp=1; Max-Age=0"),
    ];
    assert_eq!(
        keys(&star, SameOrigin)?,
        [
            "access-control-allow-origin",
            "access-control-expose-headers",
            "content-type",
            "x-custom",
            "x-other"
        ]
    );
    let named = [
        ("Access-Control-Allow-Origin", ORIGIN),
        ("Access-Control-Expose-Headers", "X-Custom"),
        ("Content-Type", "text/plain"),
        ("X-Custom", "secret"),
        ("X-Other", "1"),
        ("Set-Cookie", "hp=1; Max-Age=0"),
    ];
    assert_eq!(keys(&named, SameOrigin)?, ["content-type", "x-custom"]);
    let safelisted = [
        ("Access-Control-Allow-Origin", ORIGIN),
        ("Cache-Control", "no-store"),
        ("Content-Language", "en"),
        ("Content-Length", "2"),
        ("Content-Type", "text/plain"),
        ("Expires", "Thu, 01 Jan 1970 00:00:00 GMT"),
        ("Last-Modified", "Thu, 01 Jan 1970 00:00:00 GMT"),
        ("Pragma", "no-cache"),
        ("X-Custom", "secret"),
    ];
    assert_eq!(
        keys(&safelisted, SameOrigin)?,
        [
            "cache-control",
            "content-language",
            "content-length",
            "content-type",
            "expires",
            "last-modified",
            "pragma"
        ]
    );
    let simple = [
        ("Access-Control-Allow-Origin", ORIGIN),
        ("Content-Type", "text/plain"),
        ("X-Custom", "secret"),
    ];
    assert_eq!(keys(&simple, SameOrigin)?, ["content-type"]);
    Ok(())
}

/// Main fetch: a failed extraction leaves the list empty (only the safelisted names).
#[test]
fn an_unparsable_expose_list_exposes_only_the_safelisted_names() -> Result<(), FromUtf8Error> {
    let list = [
        ("Access-Control-Expose-Headers", "X-Custom, Bad value"),
        ("Content-Type", "text/plain"),
        ("X-Custom", "secret"),
    ];
    assert_eq!(keys(&list, Omit)?, ["content-type"]);
    Ok(())
}

/// Repeated names appear once; the filtered response keeps every value, in order.
#[test]
fn repeated_names_appear_once_in_names_but_all_values_are_kept() -> Result<(), FromUtf8Error> {
    let list = [
        ("Access-Control-Expose-Headers", "x-a"),
        ("X-A", "1"),
        ("x-a", "2"),
    ];
    assert_eq!(keys(&list, Omit)?, ["x-a"]);
    let h = headers(&list);
    let exposed = ExposedHeaders::new(&h, Omit);
    assert_eq!(exposed.filtered().count(), 2);
    assert!(!exposed.exposes_all());
    Ok(())
}
