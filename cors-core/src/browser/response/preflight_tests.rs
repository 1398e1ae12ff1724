use super::*;
use crate::browser::CredentialsMode::{Include, Omit, SameOrigin};
use crate::browser::response::cors_check::CorsCheckFailure;
use crate::browser::response::test_support::{ORIGIN, Pair, headers, request};

const ACAO: &str = "Access-Control-Allow-Origin";
const ACAC: &str = "Access-Control-Allow-Credentials";
const ACAM: &str = "Access-Control-Allow-Methods";
const ACAH: &str = "Access-Control-Allow-Headers";
const ACMA: &str = "Access-Control-Max-Age";

/// Validates a preflight response; on success, its max-age.
fn validate<I>(
    request: &PreflightedRequest<'static, I>,
    status: u16,
    list: &[Pair],
    profile: Profile,
) -> Result<u64, BlockReason<'static>>
where
    I: Iterator<Item = &'static [u8]> + Clone,
{
    let headers = headers(list);
    validate_preflight_response(request, status, &headers, profile).map(|g| g.max_age())
}

/// A 204 preflight response from the requester's origin with `extra` headers.
fn allowed(extra: &[Pair]) -> heapless::Vec<Pair, 8> {
    let mut list = heapless::Vec::new();
    assert_eq!(list.push((ACAO, ORIGIN)), Ok(()));
    assert!(list.extend_from_slice(extra).is_ok(), "{extra:?}");
    list
}

/// web-platform-tests `fetch/api/cors/cors-preflight-star.any.js` (cors-vectors.json group
/// `preflight_star`, all 34): method, credentials, CORS-unsafe names, then the preflight
/// response's Allow-Methods, Allow-Headers, Allow-Origin, Allow-Credentials, and whether
/// the fetch succeeds.
#[allow(clippy::type_complexity)]
#[rustfmt::skip]
const PREFLIGHT_STAR: &[(&str, CredentialsMode, &[&str], &str, &str, &str, Option<&str>, bool)] = &[
    ("GET", SameOrigin, &["X-Test"], "get", "x-test", "*", None, true),
    ("SUPER", SameOrigin, &["X-Test"], "*", "x-test", "*", None, true),
    ("OK", SameOrigin, &["X-Test"], "*", "*", "*", None, true),
    ("OK", Include, &["X-Test"], "*", "*", ORIGIN, Some("true"), false),
    ("PUT", Include, &[], "*", "", ORIGIN, Some("true"), false),
    ("GET", Include, &["X-Test"], "get", "*", ORIGIN, Some("true"), false),
    ("GET", Include, &["X-Test"], "*", "*", ORIGIN, Some("true"), false),
    ("*", Include, &["*"], "*", "*", ORIGIN, Some("true"), true),
    ("GET", Include, &[], "GET", "*", ORIGIN, Some("true"), true),
    ("GET", Include, &[], "GET", "*", ORIGIN, Some("true"), true),
    ("GET", Include, &[], "get", "*", ORIGIN, Some("true"), true),
    ("GET", Include, &[], "get", "*", ORIGIN, Some("true"), true),
    ("HEAD", Include, &[], "HEAD", "*", ORIGIN, Some("true"), true),
    ("HEAD", Include, &[], "HEAD", "*", ORIGIN, Some("true"), true),
    ("HEAD", Include, &[], "head", "*", ORIGIN, Some("true"), true),
    ("HEAD", Include, &[], "head", "*", ORIGIN, Some("true"), true),
    ("POST", Include, &[], "POST", "*", ORIGIN, Some("true"), true),
    ("POST", Include, &[], "POST", "*", ORIGIN, Some("true"), true),
    ("POST", Include, &[], "post", "*", ORIGIN, Some("true"), true),
    ("POST", Include, &[], "post", "*", ORIGIN, Some("true"), true),
    ("DELETE", Include, &[], "DELETE", "*", ORIGIN, Some("true"), true),
    ("DELETE", Include, &[], "DELETE", "*", ORIGIN, Some("true"), true),
    ("DELETE", Include, &[], "delete", "*", ORIGIN, Some("true"), false),
    ("DELETE", Include, &[], "delete", "*", ORIGIN, Some("true"), false),
    ("PUT", Include, &[], "PUT", "*", ORIGIN, Some("true"), true),
    ("PUT", Include, &[], "PUT", "*", ORIGIN, Some("true"), true),
    ("PUT", Include, &[], "put", "*", ORIGIN, Some("true"), false),
    ("PUT", Include, &[], "put", "*", ORIGIN, Some("true"), false),
    ("PATCH", Include, &[], "PATCH", "*", ORIGIN, Some("true"), true),
    ("patch", Include, &[], "PATCH", "*", ORIGIN, Some("true"), false),
    ("PATCH", Include, &[], "patch", "*", ORIGIN, Some("true"), false),
    ("patch", Include, &[], "patch", "*", ORIGIN, Some("true"), true),
    ("POST", SameOrigin, &["Authorization"], "*", "*", "*", None, false),
    ("POST", SameOrigin, &["Authorization"], "*", "*, Authorization", "*", None, true),
];

#[test]
fn accepts_and_rejects_the_wpt_preflight_star_table() {
    for &(method, credentials, names, acam, acah, acao, acac, ok) in PREFLIGHT_STAR {
        let mut list = heapless::Vec::<Pair, 4>::new();
        assert!(
            list.extend_from_slice(&[(ACAM, acam), (ACAH, acah), (ACAO, acao)])
                .is_ok()
        );
        if let Some(acac) = acac {
            assert_eq!(list.push((ACAC, acac)), Ok(()));
        }
        let req = request(method, names, credentials);
        // DEV-CHROMIUM-AUTHORIZATION-WILDCARD: Chromium 156 lets `*` cover Authorization
        // without credentials (recorded: rc-auth-acah-star-same-origin).
        let chromium_ok = ok || (names == ["Authorization"] && acah == "*");
        for (profile, ok) in [(Profile::Spec, ok), (Profile::Chromium, chromium_ok)] {
            let result = validate(&req, 204, &list, profile);
            assert_eq!(
                result.is_ok(),
                ok,
                "{method:?} {credentials:?} {names:?} {acam:?} {acah:?}: {result:?}"
            );
        }
    }
}

/// The request headers of cors-preflight.any.js, as the CORS-unsafe names the preflight's
/// `Access-Control-Request-Headers` lists.
const EIGHT_NAMES: &[&str] = &[
    "content-type",
    "x-test-header-a",
    "x-test-header-b",
    "x-test-header-c",
    "x-test-header-d",
    "x-test-header1",
    "x-test-header2",
    "x-test-header3",
];
const EIGHT_ALLOWED: &str = "x-test-header1 ,x-test-header2 ,x-test-header3 ,x-test-header-b ,x-test-header-d ,x-test-header-c ,x-test-header-a ,content-type";

/// web-platform-tests `fetch/api/cors/cors-preflight.any.js` (group `preflight_requests`,
/// all 20): method, CORS-unsafe names, Allow-Methods, Allow-Headers (None: absent), and
/// whether the fetch succeeds.
#[allow(clippy::type_complexity)]
#[rustfmt::skip]
const PREFLIGHT_REQUESTS: &[(&str, &[&str], Option<&str>, Option<&str>, bool)] = &[
    ("DELETE", &[], Some("DELETE"), None, true),
    ("DELETE", &[], None, None, false),
    ("PUT", &[], Some("PUT"), None, true),
    ("PUT", &[], None, None, false),
    ("PATCH", &[], Some("PATCH"), None, true),
    ("PATCH", &[], None, None, false),
    ("patcH", &[], Some("patcH"), None, true),
    ("patcH", &[], None, None, false),
    ("NEW", &[], Some("NEW"), None, true),
    ("NEW", &[], None, None, false),
    ("chicken", &[], Some("chicken"), None, true),
    ("chicken", &[], None, None, false),
    ("GET", EIGHT_NAMES, Some("GET"), Some(EIGHT_ALLOWED), true),
    ("GET", EIGHT_NAMES, None, None, false),
    ("PUT", EIGHT_NAMES, Some("PUT"), Some(EIGHT_ALLOWED), true),
    ("PUT", EIGHT_NAMES, None, None, false),
    ("GET", &["x-test-header1"], Some("GET"), Some("x-test-header1"), true),
    ("PUT", &[], Some("PUT"), None, true),
    ("GET", &["authorization"], None, Some("*"), false),
    ("GET", &["authorization"], None, Some("authorization"), true),
];

#[test]
fn accepts_and_rejects_the_wpt_preflight_table() {
    for &(method, names, acam, acah, ok) in PREFLIGHT_REQUESTS {
        let mut list = allowed(&[]);
        if let Some(acam) = acam {
            assert_eq!(list.push((ACAM, acam)), Ok(()));
        }
        if let Some(acah) = acah {
            assert_eq!(list.push((ACAH, acah)), Ok(()));
        }
        let result = validate(
            &request(method, names, SameOrigin),
            200,
            &list,
            Profile::Spec,
        );
        assert_eq!(result.is_ok(), ok, "{method:?} {names:?} {acam:?} {acah:?}");
    }
}

/// web-platform-tests `cors-preflight-response-validation.any.js` (group
/// `preflight_response_validation`): an element with a space fails extraction, a network
/// error naming the element.
#[test]
fn rejects_lists_that_fail_extraction() {
    let req = request("GET", &["x-force-preflight"], SameOrigin);
    let bad_headers = allowed(&[(ACAH, "x-force-preflight,Bad value"), (ACMA, "0")]);
    assert_eq!(
        validate(&req, 200, &bad_headers, Profile::Spec),
        Err(BlockReason::InvalidAllowHeaders(b"Bad value"))
    );
    let bad_methods = allowed(&[
        (ACAH, "x-force-preflight"),
        (ACAM, "Bad value"),
        (ACMA, "0"),
    ]);
    assert_eq!(
        validate(&req, 200, &bad_methods, Profile::Spec),
        Err(BlockReason::InvalidAllowMethods(b"Bad value"))
    );
}

/// The preflighted scenarios recorded from Chromium 156 (samples-chromium.jsonl), with the
/// `corsError` each reported.
#[test]
fn rejects_recorded_chromium_samples_with_their_reason() {
    type Case = (
        &'static str,
        &'static str,
        &'static [&'static str],
        CredentialsMode,
    );
    let cases: &[(Case, u16, &[Pair], Option<&str>)] = &[
        (
            ("hp-ct-post-json", "POST", &["content-type"], SameOrigin),
            204,
            &[(ACAO, ORIGIN), (ACAM, "POST"), (ACAH, "content-type")],
            None,
        ),
        (
            ("hp-hdr-x-foo-acah-missing", "GET", &["x-foo"], SameOrigin),
            204,
            &[(ACAO, ORIGIN), (ACAM, "GET")],
            Some("HeaderDisallowedByPreflightResponse"),
        ),
        (
            (
                "hp-hdr-two-names-sorted",
                "GET",
                &["x-bar", "x-foo"],
                SameOrigin,
            ),
            204,
            &[(ACAO, ORIGIN), (ACAM, "GET"), (ACAH, "x-foo, x-bar")],
            None,
        ),
        (
            (
                "hp-method-patch-lowercase-acam-uppercase",
                "patch",
                &[],
                SameOrigin,
            ),
            204,
            &[(ACAO, ORIGIN), (ACAM, "PATCH")],
            Some("MethodDisallowedByPreflightResponse"),
        ),
        (
            ("hp-method-put-acam-missing", "PUT", &[], SameOrigin),
            204,
            &[(ACAO, ORIGIN)],
            Some("MethodDisallowedByPreflightResponse"),
        ),
        (
            ("hp-method-put-acam-star", "PUT", &[], SameOrigin),
            204,
            &[(ACAO, ORIGIN), (ACAM, "*")],
            None,
        ),
        (
            (
                "hp-cred-include-preflight-acac-missing",
                "PUT",
                &[],
                Include,
            ),
            204,
            &[(ACAO, ORIGIN), (ACAM, "PUT")],
            Some("PreflightInvalidAllowCredentials"),
        ),
        (
            ("hp-preflight-status-500", "PUT", &[], SameOrigin),
            500,
            &[(ACAO, ORIGIN), (ACAM, "PUT")],
            Some("PreflightInvalidStatus"),
        ),
        (
            ("hp-preflight-status-200", "PUT", &[], SameOrigin),
            200,
            &[(ACAO, ORIGIN), (ACAM, "PUT")],
            None,
        ),
        (
            ("hp-preflight-acao-missing", "PUT", &[], SameOrigin),
            204,
            &[(ACAM, "PUT")],
            Some("PreflightMissingAllowOriginHeader"),
        ),
    ];
    for &((id, method, names, credentials), status, list, reason) in cases {
        let req = request(method, names, credentials);
        let result = validate(&req, status, list, Profile::Chromium);
        assert_eq!(
            result.err().map(|r| r.chromium_cors_error()),
            reason,
            "{id}"
        );
    }
}

/// The preflight status scenarios recorded from Chromium 156
/// (`tests/data/scenarios/chromium-recorded.jsonl`): a redirect is reported first, then the
/// CORS check, then the status.
#[test]
fn rejects_recorded_preflight_status_cases_with_chromiums_reason() {
    const LOCATION: Pair = ("Location", "http://127.0.0.1:8002/elsewhere");
    let cases: &[(&str, CredentialsMode, u16, &[Pair], &str)] = &[
        (
            "rc-pf-status-500-no-acao",
            SameOrigin,
            500,
            &[(ACAM, "PUT")],
            "PreflightMissingAllowOriginHeader",
        ),
        (
            "rc-pf-status-500-acao-mismatch",
            SameOrigin,
            500,
            &[(ACAO, "http://127.0.0.1:9999"), (ACAM, "PUT")],
            "PreflightAllowOriginMismatch",
        ),
        (
            "rc-pf-status-500-include-acao-star",
            Include,
            500,
            &[(ACAO, "*"), (ACAC, "true"), (ACAM, "PUT")],
            "PreflightWildcardOriginNotAllowed",
        ),
        (
            "rc-pf-status-301-no-acao",
            SameOrigin,
            301,
            &[(ACAM, "PUT"), LOCATION],
            "PreflightDisallowedRedirect",
        ),
        (
            "rc-pf-status-307-acao-ok",
            SameOrigin,
            307,
            &[(ACAO, ORIGIN), (ACAM, "PUT"), LOCATION],
            "PreflightDisallowedRedirect",
        ),
        (
            "rc-pf-status-302-acao-ok-no-location",
            SameOrigin,
            302,
            &[(ACAO, ORIGIN), (ACAM, "PUT")],
            "PreflightInvalidStatus",
        ),
    ];
    for &(id, credentials, status, list, reason) in cases {
        let req = request("PUT", &[], credentials);
        let result = validate(&req, status, list, Profile::Chromium);
        assert_eq!(
            result.err().map(|r| r.chromium_cors_error()),
            Some(reason),
            "{id}"
        );
    }
    assert!(!status_checked_before_cors_check(Profile::Chromium));
}

#[test]
fn step_7_4_null_methods_with_the_use_cors_preflight_flag_mean_the_request_method()
-> Result<(), BlockReason<'static>> {
    let mut req = request("PUT", &[], SameOrigin);
    assert_eq!(
        validate(&req, 204, &allowed(&[]), Profile::Spec),
        Err(BlockReason::MethodDisallowed(b"PUT"))
    );
    req.use_cors_preflight = true;
    let list = allowed(&[]);
    let headers = headers(&list);
    let grant = validate_preflight_response(&req, 204, &headers, Profile::Spec)?;
    assert!(grant.methods().eq([&b"PUT"[..]]));
    // A present header is used as it is, even with the flag.
    let list = allowed(&[(ACAM, "POST")]);
    assert_eq!(
        validate(&req, 204, &list, Profile::Spec),
        Err(BlockReason::MethodDisallowed(b"PUT"))
    );
    Ok(())
}

#[test]
fn step_7_6_authorization_must_be_listed_even_without_credentials() {
    let req = request("GET", &["authorization"], Omit);
    assert_eq!(
        validate(&req, 204, &allowed(&[(ACAH, "*")]), Profile::Spec),
        Err(BlockReason::HeaderDisallowed(b"authorization"))
    );
    // DEV-CHROMIUM-AUTHORIZATION-WILDCARD (recorded: rc-auth-acah-star-omit).
    assert!(validate(&req, 204, &allowed(&[(ACAH, "*")]), Profile::Chromium).is_ok());
    for profile in [Profile::Spec, Profile::Chromium] {
        assert!(validate(&req, 204, &allowed(&[(ACAH, "Authorization")]), profile).is_ok());
    }
    assert!(!wildcard_covers_authorization(Profile::Spec));
}

#[test]
fn step_7_7_header_names_compare_case_insensitively() {
    let req = request("GET", &["X-Foo"], Omit);
    assert!(validate(&req, 204, &allowed(&[(ACAH, "x-FOO")]), Profile::Spec).is_ok());
    assert_eq!(
        validate(&req, 204, &allowed(&[(ACAH, "x-bar")]), Profile::Spec),
        Err(BlockReason::HeaderDisallowed(b"X-Foo"))
    );
}

/// Steps 7.8–7.10: failure or null gives 5; the profile's cap clamps (Chromium 7200 s).
#[test]
fn steps_7_8_to_7_10_max_age() {
    let req = request("PUT", &[], Omit);
    let cases: &[(&[&str], u64, u64)] = &[
        (&[], 5, 5),
        (&["0"], 0, 0),
        (&["600"], 600, 600),
        (&["007"], 7, 7),
        (&["12000"], 12000, 7200),
        (&["99999999999999999999999"], u64::MAX, 7200),
        (&["-1"], 5, 5),
        (&["1.5"], 5, 5),
        (&[""], 5, 5),
        (&["5, 6"], 5, 5),
        (&["10", "10"], 5, 5),
    ];
    for &(values, spec, chromium) in cases {
        let mut list = allowed(&[(ACAM, "PUT")]);
        for value in values {
            assert_eq!(list.push((ACMA, value)), Ok(()));
        }
        assert_eq!(
            validate(&req, 204, &list, Profile::Spec),
            Ok(spec),
            "{values:?}"
        );
        assert_eq!(
            validate(&req, 204, &list, Profile::Chromium),
            Ok(chromium),
            "{values:?}"
        );
    }
}

#[test]
fn step_7_ok_status_is_200_to_299() {
    let req = request("PUT", &[], Omit);
    let list = allowed(&[(ACAM, "PUT")]);
    for (status, ok) in [
        (199, false),
        (200, true),
        (204, true),
        (299, true),
        (300, false),
    ] {
        let result = validate(&req, status, &list, Profile::Spec);
        assert_eq!(result.is_ok(), ok, "{status}");
        if !ok {
            assert_eq!(result, Err(BlockReason::PreflightInvalidStatus(status)));
        }
    }
}

/// The order of the checks (module docs): CORS check, status, list parsing (methods
/// first), method, Authorization, header names.
#[test]
fn reports_the_first_failure_in_the_documented_order() {
    let req = request("PUT", &["x-foo"], Omit);
    for profile in [Profile::Spec, Profile::Chromium] {
        // No Allow-Origin and a 500: the CORS check is reported.
        assert_eq!(
            validate(&req, 500, &[(ACAM, "PUT")], profile),
            Err(BlockReason::PreflightCorsCheck(
                CorsCheckFailure::MissingAllowOrigin
            ))
        );
    }
    let both_bad = allowed(&[(ACAM, "a b"), (ACAH, "c d")]);
    assert_eq!(
        validate(&req, 204, &both_bad, Profile::Spec),
        Err(BlockReason::InvalidAllowMethods(b"a b"))
    );
    let neither = allowed(&[(ACAM, "GET")]);
    assert_eq!(
        validate(&req, 204, &neither, Profile::Spec),
        Err(BlockReason::MethodDisallowed(b"PUT"))
    );
    let with_auth = request("GET", &["authorization", "x-foo"], Omit);
    assert_eq!(
        validate(&with_auth, 204, &allowed(&[]), Profile::Spec),
        Err(BlockReason::HeaderDisallowed(b"authorization"))
    );
}

#[test]
fn rejects_more_request_header_names_than_the_limit() {
    static NAMES: [&str; MAX_HEADER_COUNT + 1] = ["x-a"; MAX_HEADER_COUNT + 1];
    let too_many = request("GET", &NAMES, Omit);
    let list = allowed(&[(ACAH, "x-a")]);
    assert_eq!(
        validate(&too_many, 204, &list, Profile::Spec),
        Err(BlockReason::HeaderLimit(
            Stage::Preflight,
            HeaderLimitError::TooManyHeaders
        ))
    );
    let at_limit = request("GET", &NAMES[..MAX_HEADER_COUNT], Omit);
    assert!(validate(&at_limit, 204, &list, Profile::Spec).is_ok());
}

#[test]
fn the_grant_lists_methods_and_names_for_the_cache() -> Result<(), BlockReason<'static>> {
    let req = request("PUT", &["x-foo"], Omit);
    let list = allowed(&[(ACAM, "PUT, *"), (ACAH, "X-Foo"), (ACAH, "x-bar")]);
    let headers = headers(&list);
    let grant = validate_preflight_response(&req, 204, &headers, Profile::Spec)?;
    assert!(grant.methods().eq([&b"PUT"[..], b"*"]));
    assert!(grant.header_names().eq([&b"X-Foo"[..], b"x-bar"]));
    assert_eq!(grant.credentials(), Omit);
    assert_eq!(grant.max_age(), DEFAULT_MAX_AGE);
    Ok(())
}
