//! The adapter's paths: one value of each CORS request header (looked up with `get`, or
//! with `get_all` when another name has several values), several values of one (gathered
//! in full), and the values a response echoes (the request's own, cloned).

use cors_core::policy::RequestKind;
use http::header::{HeaderName, VARY};
use http::{HeaderMap, HeaderValue, Method, Response};

use super::apply::{REUSED_MAP_CAPACITY, is_reusable};
use super::{CorsHeaders, PolicyValues, decide, preflight_response, preflight_response_reusing};
use crate::policy::{CorsPolicy, PolicyFile};

const APP: &str = "https://app.example.com";

fn policy() -> CorsPolicy {
    let file = PolicyFile::default()
        .allow_origins([APP])
        .allow_credentials(true)
        .allow_methods(["PUT", "true"])
        .allow_headers(["content-type", "x-request-id"])
        .expose_headers(["x-request-id"])
        .max_age(600);
    match CorsPolicy::new(file) {
        Ok(policy) => policy,
        Err(errors) => panic!("{errors:?}"),
    }
}

/// A map of `headers`, in order, the CORS ones marked sensitive (so that a clone of the
/// request's value shows).
fn map(headers: &[(&str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in headers {
        let name = HeaderName::from_bytes(name.as_bytes()).unwrap();
        let mut value = HeaderValue::from_str(value).unwrap();
        value.set_sensitive(
            name.as_str().starts_with("origin") || name.as_str().contains("request"),
        );
        map.append(name, value);
    }
    map
}

/// The headers of `map`, in order: name, value, whether sensitive.
fn listed(map: &HeaderMap) -> Vec<(String, String, bool)> {
    map.iter()
        .map(|(name, value)| {
            let text = String::from_utf8_lossy(value.as_bytes()).into_owned();
            (name.as_str().to_owned(), text, value.is_sensitive())
        })
        .collect()
}

fn entry(name: &str, value: &str, sensitive: bool) -> (String, String, bool) {
    (name.to_owned(), value.to_owned(), sensitive)
}

/// The preflight response to `headers`.
fn preflight(headers: &[(&str, &str)]) -> Response<()> {
    let policy = policy();
    let values = PolicyValues::new(policy.policy());
    let request = map(headers);
    let decision = decide(policy.policy(), &Method::OPTIONS, &request);
    assert_eq!(decision.kind(), RequestKind::Preflight);
    let cors = CorsHeaders::new(&decision, &request, &values);
    preflight_response(decision.status(), cors)
}

const PREFLIGHT: [(&str, &str); 3] = [
    ("origin", APP),
    ("access-control-request-method", "PUT"),
    ("access-control-request-headers", "content-type"),
];

/// What the preflight of [`PREFLIGHT`] answers, `acah` its `Access-Control-Allow-Headers`.
fn answer(acah: (String, String, bool)) -> Vec<(String, String, bool)> {
    vec![
        entry("access-control-allow-origin", APP, true),
        entry("access-control-allow-credentials", "true", false),
        entry("access-control-allow-methods", "PUT", true),
        acah,
        entry("access-control-max-age", "600", false),
        entry(
            "vary",
            "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
            false,
        ),
    ]
}

#[test]
fn echoed_values_are_the_requests_own() {
    let response = preflight(&PREFLIGHT);
    assert_eq!(response.status(), 204);
    let acah = entry("access-control-allow-headers", "content-type", true);
    assert_eq!(listed(response.headers()), answer(acah));
}

/// A preflight's response made on the request's own map holds the CORS headers alone, as
/// on a new map: none of the request's other headers (one name with two values among
/// them), whether the map is reused or, too big, replaced.
#[test]
fn a_preflight_response_on_the_requests_map_holds_only_its_headers() {
    let policy = policy();
    let values = PolicyValues::new(policy.policy());
    // Extra names, and how many values of one more name: reused up to the limit (the
    // response keeps the request's room), replaced beyond it in names or in values.
    for (extra, repeated, reused) in [(0, 2, true), (3, 2, true), (100, 2, false), (3, 100, false)]
    {
        let names: Vec<String> = (0..extra).map(|i| format!("x-extra-{i}")).collect();
        let mut headers = PREFLIGHT.to_vec();
        headers.extend(std::iter::repeat_n(("cookie", "a=1"), repeated));
        headers.extend(names.iter().map(|name| (name.as_str(), "1")));
        let request = map(&headers);
        assert_eq!(
            is_reusable(&request),
            reused,
            "{extra} names, {repeated} values"
        );
        let room = request.capacity();
        let decision = decide(policy.policy(), &Method::OPTIONS, &request);
        let cors = CorsHeaders::new(&decision, &request, &values);
        let status = decision.status();
        let response: Response<()> = preflight_response_reusing(status, cors, request);
        assert_eq!(response.status(), 204, "{extra} extra headers");
        let acah = entry("access-control-allow-headers", "content-type", true);
        assert_eq!(
            listed(response.headers()),
            answer(acah),
            "{extra} extra headers"
        );
        if reused {
            assert_eq!(
                response.headers().capacity(),
                room,
                "{extra}: the request's map"
            );
        } else {
            // A big request's memory is not held by its response.
            assert!(response.headers().capacity() <= REUSED_MAP_CAPACITY);
        }
    }
}

#[test]
fn echoed_values_are_found_when_another_name_has_several_values() {
    let mut headers = vec![("cookie", "a=1"), ("cookie", "b=2")];
    headers.extend(PREFLIGHT);
    let response = preflight(&headers);
    let acah = entry("access-control-allow-headers", "content-type", true);
    assert_eq!(listed(response.headers()), answer(acah));
}

#[test]
fn lines_of_one_name_are_gathered_in_full() {
    let mut headers = PREFLIGHT.to_vec();
    headers.push(("access-control-request-headers", "x-request-id"));
    let response = preflight(&headers);
    // The joined lines are a new value; the other echoes are still the request's.
    let acah = entry(
        "access-control-allow-headers",
        "content-type, x-request-id",
        false,
    );
    assert_eq!(listed(response.headers()), answer(acah));
}

#[test]
fn a_value_equal_to_a_policy_value_is_the_policys() {
    // `true` is the policy's value of `Access-Control-Allow-Credentials` before it is the
    // request's method: the first value with those bytes is the one sent.
    let headers = [("origin", APP), ("access-control-request-method", "true")];
    let response = preflight(&headers);
    let methods = response
        .headers()
        .get("access-control-allow-methods")
        .unwrap();
    assert_eq!(methods, "true");
    assert!(!methods.is_sensitive());
}

#[test]
fn decisions_over_several_values_read_them_all() {
    let policy = policy();
    let many: Vec<(&str, String)> = (0..300)
        .map(|i| ("origin", format!("https://o{i}.example")))
        .collect();
    let cases: Vec<Vec<(&str, String)>> = vec![
        vec![("origin", APP.into()), ("origin", APP.into())],
        vec![
            ("origin", APP.into()),
            ("access-control-request-method", "PUT".into()),
            ("access-control-request-method", "PUT".into()),
        ],
        vec![
            ("origin", APP.into()),
            ("access-control-request-method", "PUT".into()),
            ("access-control-request-headers", "content-type".into()),
            ("access-control-request-headers", "x-request-id".into()),
        ],
        many,
    ];
    for pairs in cases {
        let as_strs: Vec<(&str, &str)> = pairs.iter().map(|(n, v)| (*n, v.as_str())).collect();
        let request = map(&as_strs);
        for method in [Method::OPTIONS, Method::PUT] {
            let ours = decide(policy.policy(), &method, &request);
            // The core over the same values, in the map's order (names grouped, in the
            // order the adapter reads them: all of this list's names are grouped already).
            let core = policy
                .policy()
                .decide_list(method.as_str().as_bytes(), &as_strs[..]);
            assert_eq!(
                format!("{ours:?}"),
                format!("{core:?}"),
                "{pairs:?} {method}"
            );
        }
    }
}

#[test]
fn apply_replaces_cors_headers_and_merges_vary() {
    let policy = policy();
    let values = PolicyValues::new(policy.policy());
    let request = map(&[("origin", APP)]);
    let decision = decide(policy.policy(), &Method::PUT, &request);
    let cors = CorsHeaders::new(&decision, &request, &values);
    let listed_cors: Vec<(String, Vec<u8>)> = cors
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), value.to_vec()))
        .collect();
    assert_eq!(
        listed_cors,
        [
            ("access-control-allow-origin", APP.as_bytes()),
            ("access-control-allow-credentials", b"true"),
            ("access-control-expose-headers", b"x-request-id"),
            ("vary", b"Origin"),
        ]
        .map(|(name, value)| (name.to_owned(), value.to_vec()))
    );
    // A `Vary` too long to merge is kept, and `Origin` goes on a line of its own.
    let long = "x".repeat(cors_core::limits::MAX_VARY_VALUE_LEN + 1);
    let cases: [(&[&str], &[&str]); 5] = [
        (&[], &["Origin"]),
        (&["Accept-Encoding"], &["Accept-Encoding, Origin"]),
        (&["accept-encoding, origin"], &["accept-encoding, origin"]),
        (
            &["Accept", "Accept-Encoding"],
            &["Accept, Accept-Encoding, Origin"],
        ),
        (&[&long], &[&long, "Origin"]),
    ];
    for (app_vary, expected) in cases {
        let mut response = HeaderMap::new();
        response.insert("access-control-allow-origin", HeaderValue::from_static("x"));
        for line in app_vary {
            response.append(VARY, HeaderValue::from_str(line).unwrap());
        }
        cors.clone().apply(&mut response);
        assert_eq!(response["access-control-allow-origin"], APP);
        let vary: Vec<&[u8]> = response
            .get_all(VARY)
            .iter()
            .map(HeaderValue::as_bytes)
            .collect();
        let expected: Vec<&[u8]> = expected.iter().map(|line| line.as_bytes()).collect();
        assert_eq!(vary, expected, "{app_vary:?}");
    }
}

/// An application's response with its own CORS headers: every one the policy names.
fn app_response() -> HeaderMap {
    let mut response = HeaderMap::new();
    for (name, value) in [
        ("content-type", "application/json"),
        ("access-control-allow-origin", "*"),
        ("access-control-allow-credentials", "true"),
        ("access-control-expose-headers", "x-secret"),
        ("access-control-allow-methods", "PATCH"),
        ("access-control-allow-headers", "x-secret"),
        ("access-control-max-age", "86400"),
        ("access-control-allow-origin", "https://other.example"),
    ] {
        response.append(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    response
}

/// The names and values of `map` other than `Vary`, in order.
fn without_vary(map: &HeaderMap) -> Vec<(String, String)> {
    map.iter()
        .filter(|(name, _)| **name != VARY)
        .map(|(name, value)| {
            let text = String::from_utf8_lossy(value.as_bytes()).into_owned();
            (name.as_str().to_owned(), text)
        })
        .collect()
}

/// A policy, a request's headers, and the response headers expected (but `Vary`).
type Case<'a> = (
    &'a CorsPolicy,
    &'a [(&'a str, &'a str)],
    Vec<(String, String)>,
);

/// The application's CORS response headers never survive the policy's: each one the
/// decision sets replaces the application's, every other one is removed, on allowed,
/// refused and non-CORS requests alike (so an application's `*` or `true` cannot grant what
/// the policy refuses); other headers are left alone.
#[test]
fn apply_removes_the_applications_own_cors_headers() {
    let credentialed = policy();
    let public = match CorsPolicy::new(PolicyFile::default().allow_origins([APP])) {
        Ok(policy) => policy,
        Err(errors) => panic!("{errors:?}"),
    };
    let content_type = || ("content-type".to_owned(), "application/json".to_owned());
    let cases: [Case<'_>; 4] = [
        // Allowed, credentials and exposure set by the policy.
        (
            &credentialed,
            &[("origin", APP)],
            vec![
                content_type(),
                ("access-control-allow-origin".to_owned(), APP.to_owned()),
                (
                    "access-control-allow-credentials".to_owned(),
                    "true".to_owned(),
                ),
                (
                    "access-control-expose-headers".to_owned(),
                    "x-request-id".to_owned(),
                ),
            ],
        ),
        // Allowed by a policy without credentials or exposure: the application's
        // `Access-Control-Allow-Credentials: true` would have let credentials through.
        (
            &public,
            &[("origin", APP)],
            vec![
                content_type(),
                ("access-control-allow-origin".to_owned(), APP.to_owned()),
            ],
        ),
        // Refused: the application's `*` would have let the page read the response.
        (
            &credentialed,
            &[("origin", "https://evil.example")],
            vec![content_type()],
        ),
        // Not CORS.
        (&credentialed, &[], vec![content_type()]),
    ];
    for (policy, request, expected) in cases {
        let values = PolicyValues::new(policy.policy());
        let request = map(request);
        let decision = decide(policy.policy(), &Method::GET, &request);
        let mut response = app_response();
        CorsHeaders::new(&decision, &request, &values).apply(&mut response);
        assert_eq!(without_vary(&response), expected, "{request:?}");
        assert_eq!(response[VARY], "Origin", "{request:?}");
    }
    // A response with no CORS header of its own is only added to.
    let values = PolicyValues::new(credentialed.policy());
    let request = map(&[("origin", APP)]);
    let decision = decide(credentialed.policy(), &Method::GET, &request);
    let mut response = HeaderMap::new();
    response.insert("content-type", HeaderValue::from_static("text/plain"));
    CorsHeaders::new(&decision, &request, &values).apply(&mut response);
    assert_eq!(response.len(), 5, "{response:?}");
}
