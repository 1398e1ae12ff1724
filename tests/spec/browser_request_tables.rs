//! The browser model's request side against the browser-side request groups of
//! `cors-vectors.json` (shared conformance data, not committed): the vectors' facts as the
//! project's own tables, one `#[test]` per group. Every row is checked by the same code as
//! the extended run (`conformance/vectors_browser.rs`), in `cors_tests::browser_vectors`:
//! the Fetch Standard's expectation in `Profile::Spec`, the web-platform-tests expectation in
//! `Profile::Chromium`; the one known difference is listed in
//! `browser_vectors::EXPECTED_FAILURES`.
//!
//! Each table's length is the group's vector count (the array type says it, and
//! `assert_table` checks it against `browser_vectors::GROUPS`), so a lost row fails.

use cors_tests::browser_vectors::{
    DecodeSplitVector, ForbiddenHeaderVector, ForbiddenMethodVector, NoCorsGuardVector, Pair,
    PreflightVector, assert_table,
};

const PREFLIGHT: bool = true;
const NO_PREFLIGHT: bool = false;
const BODY: bool = true;
const NO_BODY: bool = false;
const FORBIDDEN: bool = true;
const ALLOWED: bool = false;

/// A `fetch()` with mode `cors`: method, headers, whether the body is the string `data`,
/// then whether the Fetch Standard preflights (`fetch_spec_2026_07_expect_preflight`) and
/// whether web-platform-tests expect a preflight (`wpt_expect_preflight`; groups with one
/// field, `expect_preflight`, give it twice).
const fn cors(
    method: &'static str,
    headers: &'static [Pair<'static>],
    string_body: bool,
    spec_preflight: bool,
    wpt_preflight: bool,
) -> PreflightVector<'static> {
    PreflightVector {
        method,
        headers,
        string_body,
        spec_preflight,
        wpt_preflight,
    }
}

const fn header(
    name: &'static str,
    value: Option<&'static str>,
    forbidden: bool,
) -> ForbiddenHeaderVector<'static> {
    ForbiddenHeaderVector {
        name,
        value,
        forbidden,
    }
}

const fn method(method: &'static str, forbidden: bool) -> ForbiddenMethodVector<'static> {
    ForbiddenMethodVector { method, forbidden }
}

const fn dropped(name: &'static str, value: &'static str) -> NoCorsGuardVector<'static> {
    NoCorsGuardVector::Dropped { name, value }
}

const fn split(
    lines: &'static [&'static str],
    name: &'static str,
    expect: Option<&'static [&'static str]>,
) -> DecodeSplitVector<'static> {
    DecodeSplitVector {
        lines,
        name,
        expect,
    }
}

/// 127 `s`: one more byte than a second value joined with `, ` may add to stay within 128.
macro_rules! s127 {
    () => {
        "sssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"
    };
}

/// `request_header_safelist`, 42 vectors. Source: web-platform-tests
/// `cors/cors-safelisted-request-header.any.js` (each a POST with the string body `data`, so
/// `Content-Type: text/plain;charset=UTF-8` unless the row sets one).
#[rustfmt::skip]
static REQUEST_HEADER_SAFELIST: [PreflightVector<'static>; 42] = [
    cors("POST", &[("content-type", "text /plain")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("content-type", "text\t/\tplain")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("content-type", "text/plain;")], BODY, NO_PREFLIGHT, NO_PREFLIGHT),
    cors("POST", &[("content-type", "text/plain;garbage")], BODY, NO_PREFLIGHT, NO_PREFLIGHT),
    cors("POST", &[("content-type", "text/plain;garbage\u{1}\u{2}")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("content-type", "text/plain,")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("content-type", ",text/plain")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("content-type", "text/plain,text/plain")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("content-type", "text/plain,x/x")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("content-type", "text/plain\u{b}")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("content-type", "text/plain\u{c}")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("content-type", "application/www-form-urlencoded")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("content-type", "application/x-www-form-urlencoded;\u{7f}")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("content-type", "multipart/form-data")], BODY, NO_PREFLIGHT, NO_PREFLIGHT),
    cors("POST", &[("content-type", "multipart/form-data;\"")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "100-200")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "MB=100-200")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes=100-200")], BODY, NO_PREFLIGHT, NO_PREFLIGHT),
    cors("POST", &[("range", "bytes =100-200")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes\t=100-200")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes=  100-200")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes=\t\t100-200")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes= \t100-200")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes=100 -200")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes=100\t-200")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes=100- 200")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes=100-\t200")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes=100-200hello")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes=abc-def")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes=100-200,300-400")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes=-200")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes=200-")], BODY, NO_PREFLIGHT, NO_PREFLIGHT),
    cors("POST", &[("range", "bytes=200-100")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes=1000000000000000000000000000000000000000000000000000000000000-2000000000000000000000000000000000000000000000000000000000000")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes 100-200")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes = 100-200")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", ",bytes=100-200")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("range", "bytes=,100-200")], BODY, PREFLIGHT, PREFLIGHT),
    // note: WPT expects Last-Event-ID to be CORS-safelisted (wpt PR #49257); whatwg/fetch PR #1788 adding it is not merged as of 2026-07 — spec says preflight.
    cors("POST", &[("last-event-id", "abc123")], BODY, PREFLIGHT, NO_PREFLIGHT),
    cors("POST", &[("last-event-id", "\"")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("last-event-id", "e5p3n<3k0k0s")], BODY, PREFLIGHT, PREFLIGHT),
    cors("POST", &[("last-event-id", "012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678")], BODY, PREFLIGHT, PREFLIGHT),
];

/// `not_cors_safelisted`, 13 vectors. Source: web-platform-tests
/// `fetch/api/cors/resources/not-cors-safelisted.json` (driven by
/// `cors-preflight-not-cors-safelisted.any.js` and `headers-no-cors.any.js`).
#[rustfmt::skip]
static NOT_CORS_SAFELISTED: [PreflightVector<'static>; 13] = [
    cors("GET", &[("accept", "\"")], NO_BODY, PREFLIGHT, PREFLIGHT),
    cors("GET", &[("accept", "012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678")], NO_BODY, PREFLIGHT, PREFLIGHT),
    cors("GET", &[("accept-language", "\u{1}")], NO_BODY, PREFLIGHT, PREFLIGHT),
    cors("GET", &[("accept-language", "@")], NO_BODY, PREFLIGHT, PREFLIGHT),
    cors("GET", &[("authorization", "basics")], NO_BODY, PREFLIGHT, PREFLIGHT),
    cors("GET", &[("content-language", "\u{1}")], NO_BODY, PREFLIGHT, PREFLIGHT),
    cors("GET", &[("content-language", "@")], NO_BODY, PREFLIGHT, PREFLIGHT),
    cors("GET", &[("content-type", "text/html")], NO_BODY, PREFLIGHT, PREFLIGHT),
    cors("GET", &[("content-type", "text/plain; long=0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901")], NO_BODY, PREFLIGHT, PREFLIGHT),
    cors("GET", &[("last-event-id", "\"")], NO_BODY, PREFLIGHT, PREFLIGHT),
    cors("GET", &[("last-event-id", "012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678")], NO_BODY, PREFLIGHT, PREFLIGHT),
    cors("GET", &[("range", "bytes 0-")], NO_BODY, PREFLIGHT, PREFLIGHT),
    cors("GET", &[("test", "hi")], NO_BODY, PREFLIGHT, PREFLIGHT),
];

/// `no_preflight_requests`, 11 vectors. Source: web-platform-tests
/// `fetch/api/cors/cors-no-preflight.any.js` (one expectation, `expect_preflight`).
#[rustfmt::skip]
static NO_PREFLIGHT_REQUESTS: [PreflightVector<'static>; 11] = [
    cors("GET", &[], NO_BODY, NO_PREFLIGHT, NO_PREFLIGHT),
    cors("POST", &[], NO_BODY, NO_PREFLIGHT, NO_PREFLIGHT),
    cors("HEAD", &[], NO_BODY, NO_PREFLIGHT, NO_PREFLIGHT),
    cors("GET", &[("Accept", "*/*")], NO_BODY, NO_PREFLIGHT, NO_PREFLIGHT),
    cors("GET", &[("Accept-Language", "fr")], NO_BODY, NO_PREFLIGHT, NO_PREFLIGHT),
    cors("GET", &[("Content-Language", "fr")], NO_BODY, NO_PREFLIGHT, NO_PREFLIGHT),
    cors("GET", &[("Content-Type", "application/x-www-form-urlencoded")], NO_BODY, NO_PREFLIGHT, NO_PREFLIGHT),
    cors("GET", &[("Content-Type", "multipart/form-data")], NO_BODY, NO_PREFLIGHT, NO_PREFLIGHT),
    cors("GET", &[("Content-Type", "text/plain")], NO_BODY, NO_PREFLIGHT, NO_PREFLIGHT),
    cors("GET", &[("Content-Type", "text/plain;charset=utf-8")], NO_BODY, NO_PREFLIGHT, NO_PREFLIGHT),
    cors("GET", &[("Content-Type", "Text/Plain;charset=utf-8")], NO_BODY, NO_PREFLIGHT, NO_PREFLIGHT),
];

/// `forbidden_request_headers`, 96 vectors. Source: web-platform-tests
/// `fetch/api/basic/request-forbidden-headers.any.js`. `None`: the vector gives no value
/// (`browser_vectors::NAME_ONLY_VALUE` is used; the name and prefix rules do not read it).
#[rustfmt::skip]
static FORBIDDEN_REQUEST_HEADERS: [ForbiddenHeaderVector<'static>; 96] = [
    header("Accept-Charset", None, FORBIDDEN),
    header("Accept-Encoding", None, FORBIDDEN),
    header("Access-Control-Request-Headers", None, FORBIDDEN),
    header("Access-Control-Request-Method", None, FORBIDDEN),
    header("Connection", None, FORBIDDEN),
    header("Content-Length", None, FORBIDDEN),
    header("Cookie", None, FORBIDDEN),
    header("Cookie2", None, FORBIDDEN),
    header("Date", None, FORBIDDEN),
    header("DNT", None, FORBIDDEN),
    header("Expect", None, FORBIDDEN),
    header("Host", None, FORBIDDEN),
    header("Keep-Alive", None, FORBIDDEN),
    header("Origin", None, FORBIDDEN),
    header("Referer", None, FORBIDDEN),
    header("TE", None, FORBIDDEN),
    header("Trailer", None, FORBIDDEN),
    header("Transfer-Encoding", None, FORBIDDEN),
    header("Upgrade", None, FORBIDDEN),
    header("Via", None, FORBIDDEN),
    header("Proxy-", None, FORBIDDEN),
    header("Proxy-Test", None, FORBIDDEN),
    header("Sec-", None, FORBIDDEN),
    header("Sec-Test", None, FORBIDDEN),
    header("x-http-method-override", Some("TRACE"), FORBIDDEN),
    header("x-http-method", Some("TRACE"), FORBIDDEN),
    header("x-method-override", Some("TRACE"), FORBIDDEN),
    header("X-HTTP-METHOD-OVERRIDE", Some("TRACE"), FORBIDDEN),
    header("X-HTTP-METHOD", Some("TRACE"), FORBIDDEN),
    header("X-METHOD-OVERRIDE", Some("TRACE"), FORBIDDEN),
    header("x-http-method-override", Some("TRACK"), FORBIDDEN),
    header("x-http-method", Some("TRACK"), FORBIDDEN),
    header("x-method-override", Some("TRACK"), FORBIDDEN),
    header("X-HTTP-METHOD-OVERRIDE", Some("TRACK"), FORBIDDEN),
    header("X-HTTP-METHOD", Some("TRACK"), FORBIDDEN),
    header("X-METHOD-OVERRIDE", Some("TRACK"), FORBIDDEN),
    header("x-http-method-override", Some("CONNECT"), FORBIDDEN),
    header("x-http-method", Some("CONNECT"), FORBIDDEN),
    header("x-method-override", Some("CONNECT"), FORBIDDEN),
    header("X-HTTP-METHOD-OVERRIDE", Some("CONNECT"), FORBIDDEN),
    header("X-HTTP-METHOD", Some("CONNECT"), FORBIDDEN),
    header("X-METHOD-OVERRIDE", Some("CONNECT"), FORBIDDEN),
    header("x-http-method-override", Some("trace"), FORBIDDEN),
    header("x-http-method", Some("trace"), FORBIDDEN),
    header("x-method-override", Some("trace"), FORBIDDEN),
    header("X-HTTP-METHOD-OVERRIDE", Some("trace"), FORBIDDEN),
    header("X-HTTP-METHOD", Some("trace"), FORBIDDEN),
    header("X-METHOD-OVERRIDE", Some("trace"), FORBIDDEN),
    header("x-http-method-override", Some("track"), FORBIDDEN),
    header("x-http-method", Some("track"), FORBIDDEN),
    header("x-method-override", Some("track"), FORBIDDEN),
    header("X-HTTP-METHOD-OVERRIDE", Some("track"), FORBIDDEN),
    header("X-HTTP-METHOD", Some("track"), FORBIDDEN),
    header("X-METHOD-OVERRIDE", Some("track"), FORBIDDEN),
    header("x-http-method-override", Some("connect"), FORBIDDEN),
    header("x-http-method", Some("connect"), FORBIDDEN),
    header("x-method-override", Some("connect"), FORBIDDEN),
    header("X-HTTP-METHOD-OVERRIDE", Some("connect"), FORBIDDEN),
    header("X-HTTP-METHOD", Some("connect"), FORBIDDEN),
    header("X-METHOD-OVERRIDE", Some("connect"), FORBIDDEN),
    header("x-http-method-override", Some("trace,"), FORBIDDEN),
    header("x-http-method", Some("trace,"), FORBIDDEN),
    header("x-method-override", Some("trace,"), FORBIDDEN),
    header("X-HTTP-METHOD-OVERRIDE", Some("trace,"), FORBIDDEN),
    header("X-HTTP-METHOD", Some("trace,"), FORBIDDEN),
    header("X-METHOD-OVERRIDE", Some("trace,"), FORBIDDEN),
    header("x-http-method-override", Some("GET,track "), FORBIDDEN),
    header("x-http-method", Some("GET,track "), FORBIDDEN),
    header("x-method-override", Some("GET,track "), FORBIDDEN),
    header("X-HTTP-METHOD-OVERRIDE", Some("GET,track "), FORBIDDEN),
    header("X-HTTP-METHOD", Some("GET,track "), FORBIDDEN),
    header("X-METHOD-OVERRIDE", Some("GET,track "), FORBIDDEN),
    header("x-http-method-override", Some(" connect"), FORBIDDEN),
    header("x-http-method", Some(" connect"), FORBIDDEN),
    header("x-method-override", Some(" connect"), FORBIDDEN),
    header("X-HTTP-METHOD-OVERRIDE", Some(" connect"), FORBIDDEN),
    header("X-HTTP-METHOD", Some(" connect"), FORBIDDEN),
    header("X-METHOD-OVERRIDE", Some(" connect"), FORBIDDEN),
    header("x-http-method-override", Some("GETTRACE"), ALLOWED),
    header("x-http-method", Some("GETTRACE"), ALLOWED),
    header("x-method-override", Some("GETTRACE"), ALLOWED),
    header("X-HTTP-METHOD-OVERRIDE", Some("GETTRACE"), ALLOWED),
    header("X-HTTP-METHOD", Some("GETTRACE"), ALLOWED),
    header("X-METHOD-OVERRIDE", Some("GETTRACE"), ALLOWED),
    header("x-http-method-override", Some("GET"), ALLOWED),
    header("x-http-method", Some("GET"), ALLOWED),
    header("x-method-override", Some("GET"), ALLOWED),
    header("X-HTTP-METHOD-OVERRIDE", Some("GET"), ALLOWED),
    header("X-HTTP-METHOD", Some("GET"), ALLOWED),
    header("X-METHOD-OVERRIDE", Some("GET"), ALLOWED),
    header("x-http-method-override", Some("\",TRACE\","), ALLOWED),
    header("x-http-method", Some("\",TRACE\","), ALLOWED),
    header("x-method-override", Some("\",TRACE\","), ALLOWED),
    header("X-HTTP-METHOD-OVERRIDE", Some("\",TRACE\","), ALLOWED),
    header("X-HTTP-METHOD", Some("\",TRACE\","), ALLOWED),
    header("X-METHOD-OVERRIDE", Some("\",TRACE\","), ALLOWED),
];

/// `forbidden_methods`, 6 vectors. Source: web-platform-tests
/// `fetch/api/request/forbidden-method.any.js`.
#[rustfmt::skip]
static FORBIDDEN_METHODS: [ForbiddenMethodVector<'static>; 6] = [
    method("CONNECT", FORBIDDEN),
    method("TRACE", FORBIDDEN),
    method("TRACK", FORBIDDEN),
    method("connect", FORBIDDEN),
    method("trace", FORBIDDEN),
    method("track", FORBIDDEN),
];

/// `no_cors_headers_guard`, 28 vectors. Source: web-platform-tests
/// `fetch/api/headers/headers-no-cors.any.js`. Append or set is silently ignored when the
/// combined value would not be a no-CORS-safelisted request-header (for example longer than
/// 128 bytes).
#[rustfmt::skip]
static NO_CORS_HEADERS_GUARD: [NoCorsGuardVector<'static>; 28] = [
    NoCorsGuardVector::Appends {
        name: "accept",
        appends: &[s127!(), "", s127!()],
        after_each_append: s127!(),
        set_value: concat!(s127!(), ", , ", s127!()),
        after_set: s127!(),
    },
    NoCorsGuardVector::Appends {
        name: "accept-language",
        appends: &[s127!(), "", s127!()],
        after_each_append: s127!(),
        set_value: concat!(s127!(), ", , ", s127!()),
        after_set: s127!(),
    },
    NoCorsGuardVector::Appends {
        name: "content-language",
        appends: &[s127!(), "", s127!()],
        after_each_append: s127!(),
        set_value: concat!(s127!(), ", , ", s127!()),
        after_set: s127!(),
    },
    NoCorsGuardVector::Appends {
        name: "accept",
        appends: &["", s127!()],
        after_each_append: "",
        set_value: concat!(", ", s127!()),
        after_set: "",
    },
    NoCorsGuardVector::Appends {
        name: "accept-language",
        appends: &["", s127!()],
        after_each_append: "",
        set_value: concat!(", ", s127!()),
        after_set: "",
    },
    NoCorsGuardVector::Appends {
        name: "content-language",
        appends: &["", s127!()],
        after_each_append: "",
        set_value: concat!(", ", s127!()),
        after_set: "",
    },
    NoCorsGuardVector::Appends {
        name: "content-type",
        appends: &["text/plain;ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss", "text/plain"],
        after_each_append: "text/plain;ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss",
        set_value: "text/plain;ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss, text/plain",
        after_set: "text/plain;ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss",
    },
    dropped("accept", "\""),
    dropped("accept", "012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678"),
    dropped("accept-language", "\u{1}"),
    dropped("accept-language", "@"),
    dropped("authorization", "basics"),
    dropped("content-language", "\u{1}"),
    dropped("content-language", "@"),
    dropped("content-type", "text/html"),
    dropped("content-type", "text/plain; long=0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901"),
    dropped("last-event-id", "\""),
    dropped("last-event-id", "012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678"),
    dropped("range", "bytes 0-"),
    dropped("test", "hi"),
    dropped("dpr", "2"),
    dropped("rtt", "1.0"),
    dropped("downlink", "-1.0"),
    dropped("ect", "6g"),
    dropped("save-data", "on"),
    dropped("viewport-width", "100"),
    dropped("width", "100"),
    dropped("unknown", "doesitmatter"),
];

/// `get_decode_split_spec_examples`, 12 vectors. Source: whatwg/fetch `fetch.bs`
/// `#example-header-list-get-decode-split`. `None` is null (no such header).
#[rustfmt::skip]
static GET_DECODE_SPLIT: [DecodeSplitVector<'static>; 12] = [
    split(&["A: nosniff,"], "A", Some(&["nosniff", ""])),
    split(&["A: nosniff", "B: sniff", "A:"], "A", Some(&["nosniff", ""])),
    split(&["A:", "B: sniff"], "A", Some(&[""])),
    split(&["B: sniff"], "A", None),
    split(&["A: text/html;\", x/x"], "A", Some(&["text/html;\", x/x"])),
    split(&["A: text/html;\"", "A: x/x"], "A", Some(&["text/html;\", x/x"])),
    split(&["A: x/x;test=\"hi\",y/y"], "A", Some(&["x/x;test=\"hi\"", "y/y"])),
    split(&["A: x/x;test=\"hi\"", "C: **bingo**", "A: y/y"], "A", Some(&["x/x;test=\"hi\"", "y/y"])),
    split(&["A: x / x,,,1"], "A", Some(&["x / x", "", "", "1"])),
    split(&["A: x / x", "A: ,", "A: 1"], "A", Some(&["x / x", "", "", "1"])),
    split(&["A: \"1,2\", 3"], "A", Some(&["\"1,2\"", "3"])),
    split(&["A: \"1,2\"", "D: 4", "A: 3"], "A", Some(&["\"1,2\"", "3"])),
];

#[test]
fn request_header_safelist() {
    assert_table("request_header_safelist", &REQUEST_HEADER_SAFELIST);
}

#[test]
fn not_cors_safelisted() {
    assert_table("not_cors_safelisted", &NOT_CORS_SAFELISTED);
}

#[test]
fn no_preflight_requests() {
    assert_table("no_preflight_requests", &NO_PREFLIGHT_REQUESTS);
}

#[test]
fn forbidden_request_headers() {
    assert_table("forbidden_request_headers", &FORBIDDEN_REQUEST_HEADERS);
}

#[test]
fn forbidden_methods() {
    assert_table("forbidden_methods", &FORBIDDEN_METHODS);
}

#[test]
fn no_cors_headers_guard() {
    assert_table("no_cors_headers_guard", &NO_CORS_HEADERS_GUARD);
}

#[test]
fn get_decode_split_spec_examples() {
    assert_table("get_decode_split_spec_examples", &GET_DECODE_SPLIT);
}
