//! The browser model's response side (preflight validation, the preflight cache, the CORS
//! check, the CORS-filtered response) against the browser-side response groups of
//! `cors-vectors.json` (shared conformance data, not committed): the vectors' facts as the
//! project's own tables, one `#[test]` per group. Every row is checked by the same code as
//! the extended run (`conformance/vectors_browser.rs`), in `cors_tests::browser_vectors`:
//! the Fetch Standard's expectation in `Profile::Spec`, the web-platform-tests expectation in
//! `Profile::Chromium`; the known differences are listed in
//! `browser_vectors::EXPECTED_FAILURES`.
//!
//! A row is a whole `fetch()`: the request side decides whether a preflight is sent, the
//! server's answers are built from the vector as each type's documentation says (for
//! example `Access-Control-Allow-Origin` echoing the request's origin where the test's
//! server does), then the preflight response is validated and the response CORS-checked
//! and filtered.
//!
//! Each table's length is the group's vector count (the array type says it, and
//! `assert_table` checks it against `browser_vectors::GROUPS`), so a lost row fails.

use cors_core::browser::CredentialsMode;
use cors_tests::browser_vectors::{
    CacheStep, CorsOriginVector, CredentialsVector, ExposeStarVector, FilteringVector, Pair,
    PreflightCacheVector, PreflightRequestVector, PreflightStarVector, PreflightValidationVector,
    assert_table,
};

const OMIT: CredentialsMode = CredentialsMode::Omit;
const SAME_ORIGIN: CredentialsMode = CredentialsMode::SameOrigin;
const INCLUDE: CredentialsMode = CredentialsMode::Include;
const PREFLIGHT: bool = true;
const NO_PREFLIGHT: bool = false;
const SUCCESS: bool = true;
const FAILURE: bool = false;
const SHARED: bool = true;
const NOT_SHARED: bool = false;
const EXPOSED: bool = true;
const HIDDEN: bool = false;

/// A field of the preflight request a vector states, `None` when the header is absent.
type Field = (&'static str, Option<&'static str>);

/// `init.method`, the normalized method, `init.credentials`, `init.headers`; then
/// `Access-Control-Allow-Methods`, `-Headers`, `-Origin`, `-Credentials` (`None`: absent),
/// whether the standard preflights, whether the fetch succeeds.
#[allow(clippy::too_many_arguments)]
const fn star(
    init_method: &'static str,
    normalized_method: &'static str,
    credentials: CredentialsMode,
    headers: &'static [Pair<'static>],
    allow_methods: Option<&'static str>,
    allow_headers: Option<&'static str>,
    allow_origin: Option<&'static str>,
    allow_credentials: Option<&'static str>,
    preflight: bool,
    success: bool,
) -> PreflightStarVector<'static> {
    PreflightStarVector {
        init_method,
        normalized_method,
        credentials,
        headers,
        allow_methods,
        allow_headers,
        allow_origin,
        allow_credentials,
        preflight,
        success,
    }
}

/// `init.method`, `init.headers`, `Access-Control-Allow-Methods`, `-Headers` (`None`:
/// absent), whether the fetch succeeds; then the preflight request's stated fields.
const fn preflighted(
    method: &'static str,
    headers: &'static [Pair<'static>],
    allow_methods: Option<&'static str>,
    allow_headers: Option<&'static str>,
    success: bool,
    preflight_request: Option<&'static [Field]>,
) -> PreflightRequestVector<'static> {
    PreflightRequestVector {
        method,
        headers,
        allow_methods,
        allow_headers,
        preflight_request,
        success,
    }
}

const fn validation(
    method: &'static str,
    headers: &'static [Pair<'static>],
    preflight_response: &'static [Pair<'static>],
    success: bool,
    reason: &'static str,
) -> PreflightValidationVector<'static> {
    PreflightValidationVector {
        method,
        headers,
        preflight_response,
        success,
        reason,
    }
}

const fn step(
    method: &'static str,
    headers: &'static [Pair<'static>],
    preflight_response: Option<&'static [Pair<'static>]>,
    preflight: bool,
) -> CacheStep<'static> {
    CacheStep {
        method,
        headers,
        preflight_response,
        preflight,
    }
}

const fn origin_case(
    case: &'static str,
    method: &'static str,
    allow_origin: &'static str,
    success: bool,
) -> CorsOriginVector<'static> {
    CorsOriginVector {
        case,
        method,
        allow_origin,
        success,
    }
}

const fn credentials(
    request_origin: &'static str,
    credentials: CredentialsMode,
    allow_origin: &'static str,
    allow_credentials: Option<&'static str>,
    shared: bool,
) -> CredentialsVector<'static> {
    CredentialsVector {
        request_origin,
        credentials,
        allow_origin,
        allow_credentials,
        shared,
    }
}

const fn filtering(
    header: Pair<'static>,
    expose_headers: Option<&'static str>,
    credentials: CredentialsMode,
    exposed: bool,
) -> FilteringVector<'static> {
    FilteringVector {
        header,
        expose_headers,
        credentials,
        exposed,
    }
}

/// `preflight_star`, 34 vectors. Source: web-platform-tests
/// `fetch/api/cors/cors-preflight-star.any.js`. `<request origin>` is the request's
/// serialized origin; the response repeats `Access-Control-Allow-Origin` and
/// `-Credentials`.
#[rustfmt::skip]
static PREFLIGHT_STAR: [PreflightStarVector<'static>; 34] = [
    star("GET", "GET", SAME_ORIGIN, &[("X-Test", "1")],
        Some("get"), Some("x-test"), Some("*"), None, PREFLIGHT, SUCCESS),
    star("SUPER", "SUPER", SAME_ORIGIN, &[("X-Test", "1")],
        Some("*"), Some("x-test"), Some("*"), None, PREFLIGHT, SUCCESS),
    star("OK", "OK", SAME_ORIGIN, &[("X-Test", "1")],
        Some("*"), Some("*"), Some("*"), None, PREFLIGHT, SUCCESS),
    star("OK", "OK", INCLUDE, &[("X-Test", "1")],
        Some("*"), Some("*"), Some("<request origin>"), Some("true"), PREFLIGHT, FAILURE),
    star("PUT", "PUT", INCLUDE, &[],
        Some("*"), Some(""), Some("<request origin>"), Some("true"), PREFLIGHT, FAILURE),
    star("GET", "GET", INCLUDE, &[("X-Test", "1")],
        Some("get"), Some("*"), Some("<request origin>"), Some("true"), PREFLIGHT, FAILURE),
    star("GET", "GET", INCLUDE, &[("X-Test", "1")],
        Some("*"), Some("*"), Some("<request origin>"), Some("true"), PREFLIGHT, FAILURE),
    star("*", "*", INCLUDE, &[("*", "1")],
        Some("*"), Some("*"), Some("<request origin>"), Some("true"), PREFLIGHT, SUCCESS),
    star("GET", "GET", INCLUDE, &[],
        Some("GET"), Some("*"), Some("<request origin>"), Some("true"), NO_PREFLIGHT, SUCCESS),
    star("get", "GET", INCLUDE, &[],
        Some("GET"), Some("*"), Some("<request origin>"), Some("true"), NO_PREFLIGHT, SUCCESS),
    star("GET", "GET", INCLUDE, &[],
        Some("get"), Some("*"), Some("<request origin>"), Some("true"), NO_PREFLIGHT, SUCCESS),
    star("get", "GET", INCLUDE, &[],
        Some("get"), Some("*"), Some("<request origin>"), Some("true"), NO_PREFLIGHT, SUCCESS),
    star("HEAD", "HEAD", INCLUDE, &[],
        Some("HEAD"), Some("*"), Some("<request origin>"), Some("true"), NO_PREFLIGHT, SUCCESS),
    star("head", "HEAD", INCLUDE, &[],
        Some("HEAD"), Some("*"), Some("<request origin>"), Some("true"), NO_PREFLIGHT, SUCCESS),
    star("HEAD", "HEAD", INCLUDE, &[],
        Some("head"), Some("*"), Some("<request origin>"), Some("true"), NO_PREFLIGHT, SUCCESS),
    star("head", "HEAD", INCLUDE, &[],
        Some("head"), Some("*"), Some("<request origin>"), Some("true"), NO_PREFLIGHT, SUCCESS),
    star("POST", "POST", INCLUDE, &[],
        Some("POST"), Some("*"), Some("<request origin>"), Some("true"), NO_PREFLIGHT, SUCCESS),
    star("post", "POST", INCLUDE, &[],
        Some("POST"), Some("*"), Some("<request origin>"), Some("true"), NO_PREFLIGHT, SUCCESS),
    star("POST", "POST", INCLUDE, &[],
        Some("post"), Some("*"), Some("<request origin>"), Some("true"), NO_PREFLIGHT, SUCCESS),
    star("post", "POST", INCLUDE, &[],
        Some("post"), Some("*"), Some("<request origin>"), Some("true"), NO_PREFLIGHT, SUCCESS),
    star("DELETE", "DELETE", INCLUDE, &[],
        Some("DELETE"), Some("*"), Some("<request origin>"), Some("true"), PREFLIGHT, SUCCESS),
    star("delete", "DELETE", INCLUDE, &[],
        Some("DELETE"), Some("*"), Some("<request origin>"), Some("true"), PREFLIGHT, SUCCESS),
    star("DELETE", "DELETE", INCLUDE, &[],
        Some("delete"), Some("*"), Some("<request origin>"), Some("true"), PREFLIGHT, FAILURE),
    star("delete", "DELETE", INCLUDE, &[],
        Some("delete"), Some("*"), Some("<request origin>"), Some("true"), PREFLIGHT, FAILURE),
    star("PUT", "PUT", INCLUDE, &[],
        Some("PUT"), Some("*"), Some("<request origin>"), Some("true"), PREFLIGHT, SUCCESS),
    star("put", "PUT", INCLUDE, &[],
        Some("PUT"), Some("*"), Some("<request origin>"), Some("true"), PREFLIGHT, SUCCESS),
    star("PUT", "PUT", INCLUDE, &[],
        Some("put"), Some("*"), Some("<request origin>"), Some("true"), PREFLIGHT, FAILURE),
    star("put", "PUT", INCLUDE, &[],
        Some("put"), Some("*"), Some("<request origin>"), Some("true"), PREFLIGHT, FAILURE),
    star("PATCH", "PATCH", INCLUDE, &[],
        Some("PATCH"), Some("*"), Some("<request origin>"), Some("true"), PREFLIGHT, SUCCESS),
    star("patch", "patch", INCLUDE, &[],
        Some("PATCH"), Some("*"), Some("<request origin>"), Some("true"), PREFLIGHT, FAILURE),
    star("PATCH", "PATCH", INCLUDE, &[],
        Some("patch"), Some("*"), Some("<request origin>"), Some("true"), PREFLIGHT, FAILURE),
    star("patch", "patch", INCLUDE, &[],
        Some("patch"), Some("*"), Some("<request origin>"), Some("true"), PREFLIGHT, SUCCESS),
    star("POST", "POST", SAME_ORIGIN, &[("Authorization", "123")],
        Some("*"), Some("*"), Some("*"), None, PREFLIGHT, FAILURE),
    star("POST", "POST", SAME_ORIGIN, &[("Authorization", "123")],
        Some("*"), Some("*, Authorization"), Some("*"), None, PREFLIGHT, SUCCESS),
];

/// `preflight_requests`, 20 vectors. Source: web-platform-tests
/// `fetch/api/cors/cors-preflight.any.js`. `Access-Control-Allow-Origin` echoes the
/// request's origin on both responses, as the test's `preflight.py` does.
#[rustfmt::skip]
static PREFLIGHT_REQUESTS: [PreflightRequestVector<'static>; 20] = [
    preflighted("DELETE", &[], Some("DELETE"), None, SUCCESS,
        Some(&[("method", Some("OPTIONS")), ("Access-Control-Request-Method", Some("DELETE")), ("Access-Control-Request-Headers", None), ("Accept", Some("*/*"))])),
    preflighted("DELETE", &[], None, None, FAILURE,
        Some(&[("method", Some("OPTIONS")), ("Access-Control-Request-Method", Some("DELETE")), ("Access-Control-Request-Headers", None), ("Accept", Some("*/*"))])),
    preflighted("PUT", &[], Some("PUT"), None, SUCCESS,
        Some(&[("method", Some("OPTIONS")), ("Access-Control-Request-Method", Some("PUT")), ("Access-Control-Request-Headers", None), ("Accept", Some("*/*"))])),
    preflighted("PUT", &[], None, None, FAILURE,
        Some(&[("method", Some("OPTIONS")), ("Access-Control-Request-Method", Some("PUT")), ("Access-Control-Request-Headers", None), ("Accept", Some("*/*"))])),
    preflighted("PATCH", &[], Some("PATCH"), None, SUCCESS,
        Some(&[("method", Some("OPTIONS")), ("Access-Control-Request-Method", Some("PATCH")), ("Access-Control-Request-Headers", None), ("Accept", Some("*/*"))])),
    preflighted("PATCH", &[], None, None, FAILURE,
        Some(&[("method", Some("OPTIONS")), ("Access-Control-Request-Method", Some("PATCH")), ("Access-Control-Request-Headers", None), ("Accept", Some("*/*"))])),
    preflighted("patcH", &[], Some("patcH"), None, SUCCESS,
        Some(&[("method", Some("OPTIONS")), ("Access-Control-Request-Method", Some("patcH")), ("Access-Control-Request-Headers", None), ("Accept", Some("*/*"))])),
    preflighted("patcH", &[], None, None, FAILURE,
        Some(&[("method", Some("OPTIONS")), ("Access-Control-Request-Method", Some("patcH")), ("Access-Control-Request-Headers", None), ("Accept", Some("*/*"))])),
    preflighted("NEW", &[], Some("NEW"), None, SUCCESS,
        Some(&[("method", Some("OPTIONS")), ("Access-Control-Request-Method", Some("NEW")), ("Access-Control-Request-Headers", None), ("Accept", Some("*/*"))])),
    preflighted("NEW", &[], None, None, FAILURE,
        Some(&[("method", Some("OPTIONS")), ("Access-Control-Request-Method", Some("NEW")), ("Access-Control-Request-Headers", None), ("Accept", Some("*/*"))])),
    preflighted("chicken", &[], Some("chicken"), None, SUCCESS,
        Some(&[("method", Some("OPTIONS")), ("Access-Control-Request-Method", Some("chicken")), ("Access-Control-Request-Headers", None), ("Accept", Some("*/*"))])),
    preflighted("chicken", &[], None, None, FAILURE,
        Some(&[("method", Some("OPTIONS")), ("Access-Control-Request-Method", Some("chicken")), ("Access-Control-Request-Headers", None), ("Accept", Some("*/*"))])),
    preflighted("GET", &[("x-test-header1", "allowedOrRefused"), ("x-test-header2", "allowedOrRefused"), ("X-test-header3", "allowedOrRefused"), ("x-test-header-b", "allowedOrRefused"), ("x-test-header-D", "allowedOrRefused"), ("x-test-header-C", "allowedOrRefused"), ("x-test-header-a", "allowedOrRefused"), ("Content-Type", "allowedOrRefused"), ("Accept", "*"), ("Accept-Language", "bzh"), ("Content-Language", "eu")], Some("GET"), Some("x-test-header1 ,x-test-header2 ,x-test-header3 ,x-test-header-b ,x-test-header-d ,x-test-header-c ,x-test-header-a ,content-type"), SUCCESS,
        Some(&[("method", Some("OPTIONS")), ("Access-Control-Request-Method", Some("GET")), ("Access-Control-Request-Headers", Some("content-type,x-test-header-a,x-test-header-b,x-test-header-c,x-test-header-d,x-test-header1,x-test-header2,x-test-header3")), ("Accept", Some("*/*"))])),
    preflighted("GET", &[("x-test-header1", "allowedOrRefused"), ("x-test-header2", "allowedOrRefused"), ("X-test-header3", "allowedOrRefused"), ("x-test-header-b", "allowedOrRefused"), ("x-test-header-D", "allowedOrRefused"), ("x-test-header-C", "allowedOrRefused"), ("x-test-header-a", "allowedOrRefused"), ("Content-Type", "allowedOrRefused"), ("Accept", "*"), ("Accept-Language", "bzh"), ("Content-Language", "eu")], None, None, FAILURE,
        Some(&[("method", Some("OPTIONS")), ("Access-Control-Request-Method", Some("GET")), ("Access-Control-Request-Headers", Some("content-type,x-test-header-a,x-test-header-b,x-test-header-c,x-test-header-d,x-test-header1,x-test-header2,x-test-header3")), ("Accept", Some("*/*"))])),
    preflighted("PUT", &[("x-test-header1", "allowedOrRefused"), ("x-test-header2", "allowedOrRefused"), ("X-test-header3", "allowedOrRefused"), ("x-test-header-b", "allowedOrRefused"), ("x-test-header-D", "allowedOrRefused"), ("x-test-header-C", "allowedOrRefused"), ("x-test-header-a", "allowedOrRefused"), ("Content-Type", "allowedOrRefused"), ("Accept", "*"), ("Accept-Language", "bzh"), ("Content-Language", "eu")], Some("PUT"), Some("x-test-header1 ,x-test-header2 ,x-test-header3 ,x-test-header-b ,x-test-header-d ,x-test-header-c ,x-test-header-a ,content-type"), SUCCESS,
        Some(&[("method", Some("OPTIONS")), ("Access-Control-Request-Method", Some("PUT")), ("Access-Control-Request-Headers", Some("content-type,x-test-header-a,x-test-header-b,x-test-header-c,x-test-header-d,x-test-header1,x-test-header2,x-test-header3")), ("Accept", Some("*/*"))])),
    preflighted("PUT", &[("x-test-header1", "allowedOrRefused"), ("x-test-header2", "allowedOrRefused"), ("X-test-header3", "allowedOrRefused"), ("x-test-header-b", "allowedOrRefused"), ("x-test-header-D", "allowedOrRefused"), ("x-test-header-C", "allowedOrRefused"), ("x-test-header-a", "allowedOrRefused"), ("Content-Type", "allowedOrRefused"), ("Accept", "*"), ("Accept-Language", "bzh"), ("Content-Language", "eu")], None, None, FAILURE,
        Some(&[("method", Some("OPTIONS")), ("Access-Control-Request-Method", Some("PUT")), ("Access-Control-Request-Headers", Some("content-type,x-test-header-a,x-test-header-b,x-test-header-c,x-test-header-d,x-test-header1,x-test-header2,x-test-header3")), ("Accept", Some("*/*"))])),
    preflighted("GET", &[("x-test-header1", "allowed")], Some("GET"), Some("x-test-header1"), SUCCESS,
        Some(&[("Access-Control-Request-Headers", Some("x-test-header1"))])),
    preflighted("PUT", &[("Accept", "*"), ("Accept-Language", "bzh"), ("Content-Language", "eu")], Some("PUT"), None, SUCCESS,
        Some(&[("Access-Control-Request-Method", Some("PUT")), ("Access-Control-Request-Headers", None)])),
    // note: Authorization is a CORS non-wildcard request-header name
    preflighted("GET", &[("authorization", "foobar")], None, Some("*"), FAILURE,
        None),
    preflighted("GET", &[("authorization", "foobar")], None, Some("authorization"), SUCCESS,
        None),
];

/// `preflight_response_validation`, 2 vectors. Source: web-platform-tests
/// `fetch/api/cors/cors-preflight-response-validation.any.js`.
#[rustfmt::skip]
static PREFLIGHT_RESPONSE_VALIDATION: [PreflightValidationVector<'static>; 2] = [
    validation("GET", &[("x-force-preflight", "")], &[("Access-Control-Allow-Headers", "x-force-preflight,Bad value"), ("Access-Control-Max-Age", "0")], FAILURE, "extract header list values fails (not a #field-name list) -> network error"),
    validation("GET", &[("x-force-preflight", "")], &[("Access-Control-Allow-Headers", "x-force-preflight"), ("Access-Control-Allow-Methods", "Bad value"), ("Access-Control-Max-Age", "0")], FAILURE, "extract header list values fails (not a #method list) -> network error"),
];

/// `preflight_cache`, 1 vector (two fetches one second apart). Source: web-platform-tests
/// `fetch/api/cors/cors-preflight-cache.any.js`.
#[rustfmt::skip]
static PREFLIGHT_CACHE: [PreflightCacheVector<'static>; 1] = [
    PreflightCacheVector {
        steps: &[
            step("POST", &[("x-test-header", "test1")], Some(&[("Access-Control-Max-Age", "12000"), ("Access-Control-Allow-Methods", "POST"), ("Access-Control-Allow-Headers", "x-test-header")]), PREFLIGHT),
            // note: header-name cache entry match (same name, value irrelevant); POST is safelisted so no method entry needed
            step("POST", &[("x-test-header", "test2")], None, NO_PREFLIGHT),
        ],
    },
];

/// `cors_check_origin`, 17 vectors. Source: web-platform-tests
/// `fetch/api/cors/cors-origin.any.js`. The placeholders are replaced by
/// `browser_vectors::substitute`: the requester is `browser_vectors::WPT_ORIGIN`
/// (`http://web-platform.test:8000`), the target the case's origin in
/// `browser_vectors::CORS_ORIGIN_TARGETS` (for example `same host different port`:
/// `http://web-platform.test:8001`).
#[rustfmt::skip]
static CORS_CHECK_ORIGIN: [CorsOriginVector<'static>; 17] = [
    origin_case("cross-site subdomain", "GET", "<serialized request origin>", SUCCESS),
    origin_case("cross-site subdomain", "GET", "<serialized origin of the target URL (not the requester)>", FAILURE),
    origin_case("same host different port", "GET", "<serialized request origin>", SUCCESS),
    origin_case("same host different port", "GET", "<serialized origin of the target URL (not the requester)>", FAILURE),
    origin_case("cross host different port", "GET", "<serialized request origin>", SUCCESS),
    origin_case("cross host different port", "GET", "<serialized origin of the target URL (not the requester)>", FAILURE),
    origin_case("different scheme", "GET", "<serialized request origin>", SUCCESS),
    origin_case("different scheme", "GET", "<serialized origin of the target URL (not the requester)>", FAILURE),
    origin_case("same host different scheme+port", "GET", "<serialized request origin>", SUCCESS),
    origin_case("same host different scheme+port", "GET", "<serialized origin of the target URL (not the requester)>", FAILURE),
    origin_case("cross host POST", "POST", "<serialized request origin>", SUCCESS),
    origin_case("cross host POST", "POST", "<serialized origin of the target URL (not the requester)>", FAILURE),
    origin_case("cross host HEAD", "HEAD", "<serialized request origin>", SUCCESS),
    origin_case("cross host HEAD", "HEAD", "<serialized origin of the target URL (not the requester)>", FAILURE),
    origin_case("preflight PUT", "PUT", "<serialized request origin>", SUCCESS),
    origin_case("preflight PUT", "PUT", "<serialized origin of the target URL (not the requester)>", FAILURE),
    origin_case("empty ACAO", "GET", "", FAILURE),
];

/// `cors_check_credentials_spec_table`, 7 vectors. Source: whatwg/fetch `fetch.bs`, the
/// table of `#cors-protocol-and-credentials`.
#[rustfmt::skip]
static CORS_CHECK_CREDENTIALS: [CredentialsVector<'static>; 7] = [
    credentials("https://rabbit.invalid", OMIT, "*", None, SHARED),
    credentials("https://rabbit.invalid", OMIT, "*", Some("true"), SHARED),
    credentials("https://rabbit.invalid", OMIT, "https://rabbit.invalid/", None, NOT_SHARED),
    credentials("https://rabbit.invalid", OMIT, "https://rabbit.invalid", None, SHARED),
    credentials("https://rabbit.invalid", INCLUDE, "*", Some("true"), NOT_SHARED),
    credentials("https://rabbit.invalid", INCLUDE, "https://rabbit.invalid", Some("true"), SHARED),
    credentials("https://rabbit.invalid", INCLUDE, "https://rabbit.invalid", Some("True"), NOT_SHARED),
];

/// `response_filtering`, 19 vectors. Source: web-platform-tests
/// `fetch/api/cors/cors-filtering.sub.any.js`.
#[rustfmt::skip]
static RESPONSE_FILTERING: [FilteringVector<'static>; 19] = [
    filtering(("Cache-Control", "no-cache"), None, SAME_ORIGIN, EXPOSED),
    filtering(("Content-Language", "fr"), None, SAME_ORIGIN, EXPOSED),
    filtering(("Content-Type", "text/html"), None, SAME_ORIGIN, EXPOSED),
    filtering(("Expires", "04 May 1988 22:22:22 GMT"), None, SAME_ORIGIN, EXPOSED),
    filtering(("Last-Modified", "04 May 1988 22:22:22 GMT"), None, SAME_ORIGIN, EXPOSED),
    filtering(("Pragma", "no-cache"), None, SAME_ORIGIN, EXPOSED),
    filtering(("Content-Length", "3"), None, SAME_ORIGIN, EXPOSED),
    filtering(("Age", "27"), None, SAME_ORIGIN, HIDDEN),
    filtering(("Server", "wptServe"), None, SAME_ORIGIN, HIDDEN),
    filtering(("Warning", "Mind the gap"), None, SAME_ORIGIN, HIDDEN),
    filtering(("Set-Cookie", "name=value; max-age=0"), None, SAME_ORIGIN, HIDDEN),
    filtering(("Set-Cookie2", "name=value; max-age=0"), None, SAME_ORIGIN, HIDDEN),
    filtering(("Age", "27"), Some("Age"), OMIT, EXPOSED),
    filtering(("Server", "wptServe"), Some("Server"), OMIT, EXPOSED),
    filtering(("Warning", "Mind the gap"), Some("Warning"), OMIT, EXPOSED),
    // reason: forbidden response-header name
    filtering(("Set-Cookie", "name=value; max-age=0"), Some("Set-Cookie"), OMIT, HIDDEN),
    // reason: forbidden response-header name
    filtering(("Set-Cookie2", "name=value; max-age=0"), Some("Set-Cookie2"), OMIT, HIDDEN),
    // reason: forbidden response-header name
    filtering(("Set-Cookie", "name=value; max-age=0"), Some("Set-Cookie"), INCLUDE, HIDDEN),
    // reason: forbidden response-header name
    filtering(("Set-Cookie2", "name=value; max-age=0"), Some("Set-Cookie2"), INCLUDE, HIDDEN),
];

/// `expose_star`, 3 vectors. Source: web-platform-tests
/// `fetch/api/cors/cors-expose-star.sub.any.js` (the resource is `text/plain`).
#[rustfmt::skip]
static EXPOSE_STAR: [ExposeStarVector<'static>; 3] = [
    ExposeStarVector {
        headers: &[("Test", "X"), ("Set-Cookie", "X"), ("*", "whoa")],
        expose_headers: &["*"],
        credentials: SAME_ORIGIN,
        expect: &[("test", Some("X")), ("set-cookie", None), ("*", Some("whoa"))],
    },
    // note: with credentials '*' only matches a header literally named '*'
    ExposeStarVector {
        headers: &[("Test", "X"), ("Set-Cookie", "X"), ("*", "whoa")],
        expose_headers: &["*"],
        credentials: INCLUDE,
        expect: &[("content-type", Some("text/plain")), ("test", None), ("set-cookie", None), ("*", Some("whoa"))],
    },
    // note: two ACEH header lines; combined list contains '*'
    ExposeStarVector {
        headers: &[("Test", "X"), ("Set-Cookie", "X"), ("*", "whoa")],
        expose_headers: &["*", "set-cookie,*"],
        credentials: SAME_ORIGIN,
        expect: &[("test", Some("X")), ("set-cookie", None), ("*", Some("whoa"))],
    },
];

#[test]
fn preflight_star() {
    assert_table("preflight_star", &PREFLIGHT_STAR);
}

#[test]
fn preflight_requests() {
    assert_table("preflight_requests", &PREFLIGHT_REQUESTS);
}

#[test]
fn preflight_response_validation() {
    assert_table(
        "preflight_response_validation",
        &PREFLIGHT_RESPONSE_VALIDATION,
    );
}

#[test]
fn preflight_cache() {
    assert_table("preflight_cache", &PREFLIGHT_CACHE);
}

#[test]
fn cors_check_origin() {
    assert_table("cors_check_origin", &CORS_CHECK_ORIGIN);
}

#[test]
fn cors_check_credentials_spec_table() {
    assert_table("cors_check_credentials_spec_table", &CORS_CHECK_CREDENTIALS);
}

#[test]
fn response_filtering() {
    assert_table("response_filtering", &RESPONSE_FILTERING);
}

#[test]
fn expose_star() {
    assert_table("expose_star", &EXPOSE_STAR);
}
