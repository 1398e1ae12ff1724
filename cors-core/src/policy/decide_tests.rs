//! Decisions: every request kind, allowed and refused, `Vary` on every path, and the
//! security invariants of issue 4 checked on every case.

extern crate std;

use std::string::String;
use std::vec::Vec;

use super::*;
use crate::http::header::is_header_value;
use crate::origin::serialized::parse_origin_or_null;
use crate::policy::matcher::PatternKinds;

#[derive(Clone, Copy, Debug)]
enum Which {
    /// Credentials, exact + subdomain + localhost origins, methods, headers, exposure.
    Credentialed,
    /// `*` everywhere, no credentials.
    Any,
    /// `*` origins and headers, and `authorization` listed.
    AnyWithAuthorization,
    /// `null` allowed, no credentials.
    Null,
}

fn policy(which: Which) -> Result<TestPolicy, BuildError> {
    build(&match which {
        Which::Credentialed => PolicyConfig {
            allow_credentials: true,
            allowed_methods: &["PUT", "DELETE"],
            allowed_request_headers: &["authorization", "content-type", "x-request-id"],
            exposed_response_headers: &["x-request-id", "x-trace"],
            max_age: Some(600),
            ..PolicyConfig::new(&[
                "https://app.example.com",
                "https://*.api.example.com",
                "http://localhost:*",
            ])
        },
        Which::Any => PolicyConfig {
            allowed_methods: &["*"],
            allowed_request_headers: &["*"],
            exposed_response_headers: &["*"],
            ..PolicyConfig::new(&["*"])
        },
        Which::AnyWithAuthorization => PolicyConfig {
            allowed_request_headers: &["*", "authorization"],
            ..PolicyConfig::new(&["*"])
        },
        Which::Null => PolicyConfig {
            allow_null_origin: true,
            ..PolicyConfig::new(&["null", "https://app.example.com"])
        },
    })
}

const ACAO: &str = "access-control-allow-origin";
const ACAC: &str = "access-control-allow-credentials";
const ACAM: &str = "access-control-allow-methods";
const ACAH: &str = "access-control-allow-headers";
const ACMA: &str = "access-control-max-age";
const ACEH: &str = "access-control-expose-headers";
const VARY: &str = "vary";
const V_ORIGIN: (&str, &str) = (VARY, "Origin");
const V_ALL: (&str, &str) = (
    VARY,
    "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
);
const V_PREFLIGHT: (&str, &str) = (
    VARY,
    "Access-Control-Request-Method, Access-Control-Request-Headers",
);

const APP: (&str, &str) = ("Origin", "https://app.example.com");
const V1: (&str, &str) = ("Origin", "https://v1.api.example.com");

struct Case {
    desc: &'static str,
    policy: Which,
    method: &'static str,
    request: &'static [(&'static str, &'static str)],
    kind: RequestKind,
    reason: Option<RejectReason>,
    status: Option<u16>,
    headers: &'static [(&'static str, &'static str)],
}

use RejectReason as R;
use RequestKind::{Actual, NotCors, Preflight};
use Which::{Any, AnyWithAuthorization, Credentialed, Null};

static CASES: &[Case] = &[
    Case {
        desc: "not CORS: Vary: Origin all the same",
        policy: Credentialed,
        method: "GET",
        request: &[],
        kind: NotCors,
        reason: None,
        status: None,
        headers: &[V_ORIGIN],
    },
    Case {
        desc: "not CORS OPTIONS: Vary lists the preflight headers too",
        policy: Credentialed,
        method: "OPTIONS",
        request: &[("Access-Control-Request-Method", "PUT")],
        kind: NotCors,
        reason: None,
        status: None,
        headers: &[V_ALL],
    },
    Case {
        desc: "not CORS under *: the constant answer, no Vary",
        policy: Any,
        method: "GET",
        request: &[],
        kind: NotCors,
        reason: None,
        status: None,
        headers: &[(ACAO, "*"), (ACEH, "*")],
    },
    Case {
        desc: "not CORS OPTIONS under *",
        policy: Any,
        method: "OPTIONS",
        request: &[],
        kind: NotCors,
        reason: None,
        status: None,
        headers: &[(ACAO, "*"), (ACEH, "*"), V_PREFLIGHT],
    },
    Case {
        desc: "actual, exact origin",
        policy: Credentialed,
        method: "GET",
        request: &[APP],
        kind: Actual,
        reason: None,
        status: None,
        headers: &[
            (ACAO, "https://app.example.com"),
            (ACAC, "true"),
            (ACEH, "x-request-id, x-trace"),
            V_ORIGIN,
        ],
    },
    Case {
        desc: "actual, subdomain",
        policy: Credentialed,
        method: "POST",
        request: &[V1],
        kind: Actual,
        reason: None,
        status: None,
        headers: &[
            (ACAO, "https://v1.api.example.com"),
            (ACAC, "true"),
            (ACEH, "x-request-id, x-trace"),
            V_ORIGIN,
        ],
    },
    Case {
        desc: "actual, localhost on any port",
        policy: Credentialed,
        method: "GET",
        request: &[("Origin", "http://localhost:5173")],
        kind: Actual,
        reason: None,
        status: None,
        headers: &[
            (ACAO, "http://localhost:5173"),
            (ACAC, "true"),
            (ACEH, "x-request-id, x-trace"),
            V_ORIGIN,
        ],
    },
    Case {
        desc: "actual, origin trimmed of OWS as HTTP parsing does",
        policy: Credentialed,
        method: "GET",
        request: &[("Origin", " https://app.example.com\t")],
        kind: Actual,
        reason: None,
        status: None,
        headers: &[
            (ACAO, "https://app.example.com"),
            (ACAC, "true"),
            (ACEH, "x-request-id, x-trace"),
            V_ORIGIN,
        ],
    },
    Case {
        desc: "actual, OPTIONS without ACRM goes to the application",
        policy: Credentialed,
        method: "OPTIONS",
        request: &[APP],
        kind: Actual,
        reason: None,
        status: None,
        headers: &[
            (ACAO, "https://app.example.com"),
            (ACAC, "true"),
            (ACEH, "x-request-id, x-trace"),
            V_ALL,
        ],
    },
    Case {
        desc: "actual, refused origin: no CORS header, still Vary",
        policy: Credentialed,
        method: "GET",
        request: &[("Origin", "https://evil.example")],
        kind: Actual,
        reason: Some(R::OriginNotAllowed),
        status: None,
        headers: &[V_ORIGIN],
    },
    Case {
        desc: "class 3: prefix match refused",
        policy: Credentialed,
        method: "GET",
        request: &[("Origin", "https://app.example.com.evil.net")],
        kind: Actual,
        reason: Some(R::OriginNotAllowed),
        status: None,
        headers: &[V_ORIGIN],
    },
    Case {
        desc: "class 4: suffix match refused",
        policy: Credentialed,
        method: "GET",
        request: &[("Origin", "https://evilapp.example.com")],
        kind: Actual,
        reason: Some(R::OriginNotAllowed),
        status: None,
        headers: &[V_ORIGIN],
    },
    Case {
        desc: "the bare domain of a subdomain wildcard refused",
        policy: Credentialed,
        method: "GET",
        request: &[("Origin", "https://api.example.com")],
        kind: Actual,
        reason: Some(R::OriginNotAllowed),
        status: None,
        headers: &[V_ORIGIN],
    },
    Case {
        desc: "class 20: uppercase origin is not a serialized origin",
        policy: Credentialed,
        method: "GET",
        request: &[("Origin", "https://APP.example.com")],
        kind: Actual,
        reason: Some(R::InvalidOrigin),
        status: None,
        headers: &[V_ORIGIN],
    },
    Case {
        desc: "class 13: header injection refused, not reflected",
        policy: Credentialed,
        method: "GET",
        request: &[("Origin", "https://app.example.com\r\nX: y")],
        kind: Actual,
        reason: Some(R::InvalidOrigin),
        status: None,
        headers: &[V_ORIGIN],
    },
    Case {
        desc: "class 13: under * the injection is never reflected",
        policy: Any,
        method: "GET",
        request: &[("Origin", "https://a.example\r\nX: y")],
        kind: Actual,
        reason: None,
        status: None,
        headers: &[(ACAO, "*"), (ACEH, "*")],
    },
    Case {
        desc: "class 17: two Origin headers",
        policy: Credentialed,
        method: "GET",
        request: &[APP, APP],
        kind: Actual,
        reason: Some(R::MultipleOrigins),
        status: None,
        headers: &[V_ORIGIN],
    },
    Case {
        desc: "class 8: null refused",
        policy: Credentialed,
        method: "GET",
        request: &[("Origin", "null")],
        kind: Actual,
        reason: Some(R::NullOriginNotAllowed),
        status: None,
        headers: &[V_ORIGIN],
    },
    Case {
        desc: "class 8: null allowed by opt-in",
        policy: Null,
        method: "GET",
        request: &[("Origin", "null")],
        kind: Actual,
        reason: None,
        status: None,
        headers: &[(ACAO, "null"), V_ORIGIN],
    },
    Case {
        desc: "preflight allowed",
        policy: Credentialed,
        method: "OPTIONS",
        request: &[
            V1,
            ("Access-Control-Request-Method", "PUT"),
            (
                "Access-Control-Request-Headers",
                "authorization,content-type",
            ),
        ],
        kind: Preflight,
        reason: None,
        status: Some(204),
        headers: &[
            (ACAO, "https://v1.api.example.com"),
            (ACAC, "true"),
            (ACAM, "PUT"),
            (ACAH, "authorization,content-type"),
            (ACMA, "600"),
            V_ALL,
        ],
    },
    Case {
        desc: "preflight for a safelisted method needs no ACAM",
        policy: Credentialed,
        method: "OPTIONS",
        request: &[
            APP,
            ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "content-type"),
        ],
        kind: Preflight,
        reason: None,
        status: Some(204),
        headers: &[
            (ACAO, "https://app.example.com"),
            (ACAC, "true"),
            (ACAH, "content-type"),
            (ACMA, "600"),
            V_ALL,
        ],
    },
    Case {
        desc: "preflight without ACRH",
        policy: Credentialed,
        method: "OPTIONS",
        request: &[APP, ("Access-Control-Request-Method", "DELETE")],
        kind: Preflight,
        reason: None,
        status: Some(204),
        headers: &[
            (ACAO, "https://app.example.com"),
            (ACAC, "true"),
            (ACAM, "DELETE"),
            (ACMA, "600"),
            V_ALL,
        ],
    },
    Case {
        desc: "preflight methods are case-sensitive",
        policy: Credentialed,
        method: "OPTIONS",
        request: &[APP, ("Access-Control-Request-Method", "put")],
        kind: Preflight,
        reason: Some(R::MethodNotAllowed),
        status: Some(403),
        headers: &[V_ALL],
    },
    Case {
        desc: "preflight method not allowed",
        policy: Credentialed,
        method: "OPTIONS",
        request: &[APP, ("Access-Control-Request-Method", "PATCH")],
        kind: Preflight,
        reason: Some(R::MethodNotAllowed),
        status: Some(403),
        headers: &[V_ALL],
    },
    Case {
        desc: "a forbidden method is refused even under *",
        policy: Any,
        method: "OPTIONS",
        request: &[APP, ("Access-Control-Request-Method", "TRACE")],
        kind: Preflight,
        reason: Some(R::MethodNotAllowed),
        status: Some(403),
        headers: &[V_PREFLIGHT],
    },
    Case {
        desc: "preflight header not allowed",
        policy: Credentialed,
        method: "OPTIONS",
        request: &[
            APP,
            ("Access-Control-Request-Method", "PUT"),
            ("Access-Control-Request-Headers", "content-type,x-other"),
        ],
        kind: Preflight,
        reason: Some(R::RequestHeaderNotAllowed),
        status: Some(403),
        headers: &[V_ALL],
    },
    Case {
        desc: "ACRH: case-insensitive, OWS and empty elements tolerated, echoed as sent",
        policy: Credentialed,
        method: "OPTIONS",
        request: &[
            APP,
            ("Access-Control-Request-Method", "PUT"),
            (
                "Access-Control-Request-Headers",
                "Authorization , ,CONTENT-TYPE,,",
            ),
        ],
        kind: Preflight,
        reason: None,
        status: Some(204),
        headers: &[
            (ACAO, "https://app.example.com"),
            (ACAC, "true"),
            (ACAM, "PUT"),
            (ACAH, "Authorization , ,CONTENT-TYPE,,"),
            (ACMA, "600"),
            V_ALL,
        ],
    },
    Case {
        desc: "ACRH over two lines: echoed as one combined value",
        policy: Credentialed,
        method: "OPTIONS",
        request: &[
            APP,
            ("Access-Control-Request-Method", "PUT"),
            ("Access-Control-Request-Headers", "authorization"),
            ("access-control-request-headers", "x-request-id"),
        ],
        kind: Preflight,
        reason: None,
        status: Some(204),
        headers: &[
            (ACAO, "https://app.example.com"),
            (ACAC, "true"),
            (ACAM, "PUT"),
            (ACAH, "authorization, x-request-id"),
            (ACMA, "600"),
            V_ALL,
        ],
    },
    Case {
        desc: "ACRH empty: nothing to echo",
        policy: Credentialed,
        method: "OPTIONS",
        request: &[
            APP,
            ("Access-Control-Request-Method", "PUT"),
            ("Access-Control-Request-Headers", ""),
        ],
        kind: Preflight,
        reason: None,
        status: Some(204),
        headers: &[
            (ACAO, "https://app.example.com"),
            (ACAC, "true"),
            (ACAM, "PUT"),
            (ACMA, "600"),
            V_ALL,
        ],
    },
    Case {
        desc: "ACRH element that is not a name",
        policy: Credentialed,
        method: "OPTIONS",
        request: &[
            APP,
            ("Access-Control-Request-Method", "PUT"),
            ("Access-Control-Request-Headers", "x foo"),
        ],
        kind: Preflight,
        reason: Some(R::InvalidRequestHeaders),
        status: Some(403),
        headers: &[V_ALL],
    },
    Case {
        desc: "preflight from a refused origin: nothing leaks (class 19)",
        policy: Credentialed,
        method: "OPTIONS",
        request: &[
            ("Origin", "https://evil.example"),
            ("Access-Control-Request-Method", "PUT"),
        ],
        kind: Preflight,
        reason: Some(R::OriginNotAllowed),
        status: Some(403),
        headers: &[V_ALL],
    },
    Case {
        desc: "preflight under *: echo, no credentials, Vary without Origin",
        policy: Any,
        method: "OPTIONS",
        request: &[
            ("Origin", "https://anyone.example"),
            ("Access-Control-Request-Method", "PATCH"),
            ("Access-Control-Request-Headers", "x-foo"),
        ],
        kind: Preflight,
        reason: None,
        status: Some(204),
        headers: &[(ACAO, "*"), (ACAM, "PATCH"), (ACAH, "x-foo"), V_PREFLIGHT],
    },
    Case {
        desc: "* never covers authorization",
        policy: Any,
        method: "OPTIONS",
        request: &[
            APP,
            ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "authorization"),
        ],
        kind: Preflight,
        reason: Some(R::RequestHeaderNotAllowed),
        status: Some(403),
        headers: &[V_PREFLIGHT],
    },
    Case {
        desc: "authorization listed next to *: echoed explicitly",
        policy: AnyWithAuthorization,
        method: "OPTIONS",
        request: &[
            APP,
            ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "authorization,x-foo"),
        ],
        kind: Preflight,
        reason: None,
        status: Some(204),
        headers: &[(ACAO, "*"), (ACAH, "authorization,x-foo"), V_PREFLIGHT],
    },
    Case {
        desc: "two ACRM headers",
        policy: Credentialed,
        method: "OPTIONS",
        request: &[
            APP,
            ("Access-Control-Request-Method", "PUT"),
            ("Access-Control-Request-Method", "PUT"),
        ],
        kind: Preflight,
        reason: Some(R::MultipleRequestMethods),
        status: Some(403),
        headers: &[V_ALL],
    },
    Case {
        desc: "ACRM that is not a method",
        policy: Credentialed,
        method: "OPTIONS",
        request: &[APP, ("Access-Control-Request-Method", "PU T")],
        kind: Preflight,
        reason: Some(R::InvalidRequestMethod),
        status: Some(403),
        headers: &[V_ALL],
    },
    Case {
        desc: "empty ACRM",
        policy: Credentialed,
        method: "OPTIONS",
        request: &[APP, ("Access-Control-Request-Method", "")],
        kind: Preflight,
        reason: Some(R::InvalidRequestMethod),
        status: Some(403),
        headers: &[V_ALL],
    },
    Case {
        desc: "preflight with a malformed origin under *: * only",
        policy: Any,
        method: "OPTIONS",
        request: &[
            ("Origin", "not an origin"),
            ("Access-Control-Request-Method", "PATCH"),
        ],
        kind: Preflight,
        reason: None,
        status: Some(204),
        headers: &[(ACAO, "*"), (ACAM, "PATCH"), V_PREFLIGHT],
    },
    Case {
        desc: "a lowercase options method is not a preflight",
        policy: Credentialed,
        method: "options",
        request: &[APP, ("Access-Control-Request-Method", "PUT")],
        kind: Actual,
        reason: None,
        status: None,
        headers: &[
            (ACAO, "https://app.example.com"),
            (ACAC, "true"),
            (ACEH, "x-request-id, x-trace"),
            V_ORIGIN,
        ],
    },
];

/// The invariants of issue 4 that hold for every decision.
fn check_invariants(desc: &str, decision: &Decision<'_>) {
    let headers: Vec<_> = decision.headers().collect();
    let value = |name: &str| headers.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    if value(ACAO) == Some(b"*") {
        assert_eq!(value(ACAC), None, "{desc}: * with credentials");
    }
    if !decision.is_allowed() {
        assert!(
            headers.iter().all(|(n, _)| *n == VARY),
            "{desc}: CORS header on a refusal"
        );
    }
    if let Some(origin) = value(ACAO) {
        assert!(
            origin == b"*" || parse_origin_or_null(origin).is_ok(),
            "{desc}: ACAO {origin:?}"
        );
    }
    for (i, (name, value)) in headers.iter().enumerate() {
        assert!(is_header_value(value), "{desc}: {name} {value:?}");
        assert!(
            headers.iter().skip(i + 1).all(|(other, _)| other != name),
            "{desc}: {name} twice"
        );
    }
}

#[test]
fn decides_every_kind_allowed_and_refused() -> Result<(), BuildError> {
    for case in CASES {
        let policy = policy(case.policy)?;
        let decision = decide(&policy, case.method, case.request);
        assert_eq!(decision.kind(), case.kind, "{}", case.desc);
        assert_eq!(decision.reason(), case.reason, "{}", case.desc);
        assert_eq!(
            decision.is_allowed(),
            case.reason.is_none(),
            "{}",
            case.desc
        );
        assert_eq!(decision.status(), case.status, "{}", case.desc);
        let expected: Vec<_> = case
            .headers
            .iter()
            .map(|(n, v)| (*n, String::from(*v)))
            .collect();
        assert_eq!(header_text(&decision), Ok(expected), "{}", case.desc);
        check_invariants(case.desc, &decision);
    }
    Ok(())
}

#[test]
fn reports_the_offending_value_for_logs() -> Result<(), BuildError> {
    let policy = policy(Credentialed)?;
    let request = [
        APP,
        ("Access-Control-Request-Method", "PUT"),
        ("Access-Control-Request-Headers", "content-type, x-other"),
    ];
    let decision = decide(&policy, "OPTIONS", &request);
    assert_eq!(decision.offending_value(), Some(&b"x-other"[..]));
    let injected = [("Origin", "https://a.example\r\nX: y")];
    let decision = decide(&policy, "GET", &injected);
    assert_eq!(
        decision.offending_value(),
        Some(&b"https://a.example\r\nX: y"[..])
    );
    assert_eq!(decision.header(ResponseHeader::AllowOrigin), None);
    assert_eq!(decision.header(ResponseHeader::Vary), Some(&b"Origin"[..]));
    Ok(())
}

fn preflight_with_headers(policy: &TestPolicy, lines: &[String]) -> Option<RejectReason> {
    let mut request: Vec<(&str, &str)> = std::vec![APP, ("Access-Control-Request-Method", "PUT")];
    request.extend(
        lines
            .iter()
            .map(|line| ("Access-Control-Request-Headers", line.as_str())),
    );
    let headers = BoundedHeaders::within_limits(&request[..]);
    let decision = policy.decide(b"OPTIONS", &headers);
    check_invariants("adversarial", &decision);
    decision.reason()
}

#[test]
fn rejects_adversarial_request_headers_in_bounded_work() -> Result<(), BuildError> {
    use crate::limits::MAX_REQUEST_HEADERS_LEN;
    let policy = policy(Credentialed)?;
    let commas = |n: usize| ",".repeat(n);
    // At the limit: only empty elements, nothing to echo.
    assert_eq!(
        preflight_with_headers(&policy, &[commas(MAX_REQUEST_HEADERS_LEN)]),
        None
    );
    // Too long by 1: refused before any byte is read.
    assert_eq!(
        preflight_with_headers(&policy, &[commas(MAX_REQUEST_HEADERS_LEN + 1)]),
        Some(R::RequestHeadersTooLong)
    );
    assert_eq!(
        preflight_with_headers(&policy, &[commas(65_536)]),
        Some(R::RequestHeadersTooLong)
    );
    // Many lines count with their separators.
    let many = std::vec![String::from("content-type"); 200];
    assert_eq!(
        preflight_with_headers(&policy, &many),
        Some(R::RequestHeadersTooLong)
    );
    let empty_lines = std::vec![String::new(); 200];
    assert_eq!(preflight_with_headers(&policy, &empty_lines), None);
    // A mebibyte of commas never reaches the policy: the header list limits refuse it.
    let huge = [
        APP,
        ("Access-Control-Request-Method", "PUT"),
        ("Access-Control-Request-Headers", &*commas(1 << 20)),
    ];
    assert!(BoundedHeaders::new(&huge[..]).is_err());
    Ok(())
}

#[test]
fn joins_many_request_header_lines_up_to_the_limit() -> Result<(), BuildError> {
    let policy = build(&PolicyConfig {
        allowed_request_headers: &["*"],
        ..PolicyConfig::new(&["https://app.example.com"])
    })?;
    let lines: Vec<String> = (0..10).map(|i| std::format!("x-h{i}")).collect();
    let mut request: Vec<(&str, &str)> = std::vec![APP, ("Access-Control-Request-Method", "GET")];
    request.extend(
        lines
            .iter()
            .map(|line| ("Access-Control-Request-Headers", line.as_str())),
    );
    let headers = BoundedHeaders::within_limits(&request[..]);
    let decision = policy.decide(b"OPTIONS", &headers);
    let expected = "x-h0, x-h1, x-h2, x-h3, x-h4, x-h5, x-h6, x-h7, x-h8, x-h9";
    assert_eq!(
        decision.header(ResponseHeader::AllowHeaders),
        Some(expected.as_bytes())
    );
    Ok(())
}

#[test]
fn names_kinds_and_reasons_uniquely() {
    assert_eq!(
        [NotCors.as_str(), Preflight.as_str(), Actual.as_str()],
        ["not-cors", "preflight", "actual"]
    );
    let reasons = [
        R::InvalidOrigin,
        R::MultipleOrigins,
        R::NullOriginNotAllowed,
        R::OriginNotAllowed,
        R::MultipleRequestMethods,
        R::InvalidRequestMethod,
        R::MethodNotAllowed,
        R::RequestHeadersTooLong,
        R::InvalidRequestHeaders,
        R::RequestHeaderNotAllowed,
    ];
    for (i, a) in reasons.iter().enumerate() {
        assert!(
            reasons
                .iter()
                .skip(i + 1)
                .all(|b| a.as_str() != b.as_str() && a.description() != b.description())
        );
    }
}

#[test]
fn vary_merges_into_the_application_vary() -> Result<(), BuildError> {
    let policy = policy(Credentialed)?;
    let decision = decide(&policy, "GET", &[]);
    let mut out = String::new();
    let vary = decision.vary().unwrap_or_default();
    assert!(merge_vary(Some(b"Accept-Encoding"), vary, &mut out).is_ok());
    assert_eq!(out, "Accept-Encoding, Origin");
    Ok(())
}

/// `decide_list` on lists beyond the limits: a refusal with no CORS header, the kind still
/// read from the names, and the same answer as `decide` within the limits.
mod over_the_limits {
    use super::*;
    use crate::limits::{MAX_HEADER_COUNT, MAX_HEADER_VALUE_LEN};

    fn preflight_with_filler(filler: usize) -> Vec<(String, String)> {
        let mut list = std::vec![
            ("Origin".into(), "https://app.example.com".into()),
            ("Access-Control-Request-Method".into(), "PUT".into()),
        ];
        list.extend((0..filler).map(|i| (std::format!("x-filler-{i}"), "1".into())));
        list
    }

    #[test]
    fn within_the_limits_it_is_decide() -> Result<(), BuildError> {
        let policy = policy(Which::Credentialed)?;
        let list = preflight_with_filler(MAX_HEADER_COUNT - 2);
        let decision = policy.decide_list(b"OPTIONS", &list);
        assert_eq!(decision.kind(), RequestKind::Preflight);
        assert!(decision.is_allowed());
        assert_eq!(decision.status(), Some(204));
        assert_eq!(
            decision.header(ResponseHeader::AllowMethods),
            Some(&b"PUT"[..])
        );
        Ok(())
    }

    #[test]
    fn too_many_headers_refuse_a_preflight() -> Result<(), BuildError> {
        let policy = policy(Which::Credentialed)?;
        let list = preflight_with_filler(MAX_HEADER_COUNT - 1);
        let decision = policy.decide_list(b"OPTIONS", &list);
        assert_eq!(decision.kind(), RequestKind::Preflight);
        assert_eq!(decision.reason(), Some(RejectReason::HeaderLimits));
        assert_eq!(decision.status(), Some(REFUSED_PREFLIGHT_STATUS));
        assert_eq!(
            header_text(&decision),
            Ok(std::vec![(
                "vary",
                "Origin, Access-Control-Request-Method, Access-Control-Request-Headers".into()
            )])
        );
        Ok(())
    }

    #[test]
    fn a_long_value_refuses_an_actual_request() -> Result<(), BuildError> {
        let policy = policy(Which::Credentialed)?;
        let long = "a".repeat(MAX_HEADER_VALUE_LEN + 1);
        let list = [
            ("Origin", "https://app.example.com"),
            ("Cookie", long.as_str()),
        ];
        let decision = policy.decide_list(b"GET", &list[..]);
        assert_eq!(decision.kind(), RequestKind::Actual);
        assert_eq!(decision.reason(), Some(RejectReason::HeaderLimits));
        assert_eq!(decision.status(), None);
        assert_eq!(
            header_text(&decision),
            Ok(std::vec![("vary", "Origin".into())])
        );
        Ok(())
    }

    #[test]
    fn a_request_that_is_not_cors_is_answered_as_usual() -> Result<(), BuildError> {
        let policy = policy(Which::Any)?;
        let long = "a".repeat(MAX_HEADER_VALUE_LEN + 1);
        let list = [("Cookie", long.as_str())];
        let decision = policy.decide_list(b"GET", &list[..]);
        assert_eq!(decision.kind(), RequestKind::NotCors);
        assert!(decision.is_allowed());
        assert_eq!(
            decision.header(ResponseHeader::AllowOrigin),
            Some(&b"*"[..])
        );
        Ok(())
    }
}

/// The fixed values an adapter converts once are the bytes `decide` sends.
#[test]
fn fixed_values_are_the_ones_sent() -> Result<(), BuildError> {
    let credentialed = policy(Which::Credentialed)?;
    assert_eq!(
        credentialed.exposed_headers_value(),
        Some("x-request-id, x-trace")
    );
    assert_eq!(credentialed.max_age_value(), Some("600"));
    let any = policy(Which::Any)?;
    assert_eq!(any.exposed_headers_value(), Some("*"));
    assert_eq!(any.max_age_value(), None);
    let null = policy(Which::Null)?;
    assert_eq!(null.exposed_headers_value(), None);
    Ok(())
}

/// Request header names and methods are found whether the policy lists few of them
/// (scanned) or many (binary-searched): header names byte-case-insensitively
/// (<https://fetch.spec.whatwg.org/#cors-preflight-fetch-0>, step 7.7), methods
/// byte for byte (step 7.5).
#[test]
fn finds_listed_names_in_short_and_long_lists() -> Result<(), BuildError> {
    // Names beyond sixteen bytes whose first and last eight bytes match a listed one's
    // must still be compared whole.
    static LONG_HEADERS: [&str; 13] = [
        "x-a",
        "x-bb",
        "X-Trace-0000-0000-Id",
        "X-Ccc",
        "x-dddd",
        "x-e",
        "x-ff",
        "x-ggg",
        "x-hhhh",
        "x-i",
        "x-jj",
        "x-kkk",
        "Content-Type",
    ];
    static LONG_METHODS: [&str; 11] = [
        "PUT",
        "DELETE",
        "X-LONG-METHOD-0000-A",
        "PATCH",
        "PROPFIND",
        "MKCOL",
        "COPY",
        "MOVE",
        "LOCK",
        "UNLOCK",
        "SEARCH",
    ];
    for (headers, methods) in [
        (&LONG_HEADERS[..3], &LONG_METHODS[..3]),
        (&LONG_HEADERS[..], &LONG_METHODS[..]),
    ] {
        let policy = build(&PolicyConfig {
            allowed_methods: methods,
            allowed_request_headers: headers,
            ..PolicyConfig::new(&["https://app.example.com"])
        })?;
        let preflight = |method: &str, names: &str| {
            let request = [
                APP,
                ("Access-Control-Request-Method", method),
                ("Access-Control-Request-Headers", names),
            ];
            let headers = BoundedHeaders::within_limits(&request[..]);
            policy.decide(b"OPTIONS", &headers).reason()
        };
        for name in headers {
            let lower = name.to_ascii_lowercase();
            assert_eq!(preflight("PUT", &lower), None, "{name}");
            assert_eq!(preflight("PUT", &name.to_ascii_uppercase()), None, "{name}");
        }
        for method in methods {
            assert_eq!(preflight(method, "x-a"), None, "{method}");
            let lower = method.to_ascii_lowercase();
            assert_eq!(
                preflight(&lower, "x-a"),
                Some(RejectReason::MethodNotAllowed),
                "{lower}"
            );
        }
        for method in ["X-LONG-METHOD-1000-A", "X-LONG-METHOD-0000-a", "PUTS", "PU"] {
            assert_eq!(
                preflight(method, "x-a"),
                Some(RejectReason::MethodNotAllowed),
                "{method}"
            );
        }
        let absent_names = [
            "x-b",
            "x-aa",
            "x-zz",
            "content-typ",
            "content-types",
            "x-trace-1000-0000-id",
            "x-trace-0000-0000-i",
        ];
        for absent in absent_names {
            assert_eq!(
                preflight("PUT", absent),
                Some(RejectReason::RequestHeaderNotAllowed),
                "{absent}"
            );
        }
    }
    Ok(())
}

/// The patterns of the text-search tests: every kind of host pattern.
static TEXT_PATTERNS: [&str; 8] = [
    "https://a.example",
    "http://a.example:8080",
    "https://b.example:*",
    "https://*.c.example",
    "https://*.d.example:8443",
    "http://*.e.example:*",
    "https://[::1]:8443",
    "wss://*.f.example",
];

/// What the text search answers for `value` agrees with the parser and the full lookup:
/// found only when both allow it, and a search it ran in vain would fail for the parsed
/// origin too. Returns (found by text, allowed).
fn check_text_search(policy: &TestPolicy, value: &[u8]) -> (bool, bool) {
    let text = policy.matcher().find_text(value);
    let parsed = crate::origin::serialized::parse_serialized(value);
    let allowed = parsed.is_ok_and(|origin| policy.allows_serialized(&origin, PatternKinds::NONE));
    if text.found {
        assert!(allowed, "{:?}", String::from_utf8_lossy(value));
    }
    if let Ok(origin) = parsed {
        assert_eq!(
            policy.allows_serialized(&origin, text.searched),
            allowed,
            "{:?}",
            String::from_utf8_lossy(value)
        );
    }
    // The decision reads the header's value as header parsing leaves it, trimmed.
    let trimmed = crate::http::header::trim_tab_space(value);
    if trimmed.len() == value.len() {
        let request = [(&b"Origin"[..], value)];
        let headers = BoundedHeaders::within_limits(&request[..]);
        let decision = policy.decide(b"GET", &headers);
        assert_eq!(
            decision.reason().is_none(),
            allowed,
            "{:?}",
            String::from_utf8_lossy(value)
        );
    }
    (text.found, allowed)
}

#[test]
fn an_origin_found_by_its_text_is_one_the_parser_accepts_and_the_lookup_allows()
-> Result<(), BuildError> {
    let policy = build(&PolicyConfig::new(&TEXT_PATTERNS))?;
    // Found without parsing: an exact pattern's text, or the labels in front of a
    // wildcard's base and the port written as the parser accepts them.
    let found = [
        "https://a.example",
        "http://a.example:8080",
        "https://x.c.example",
        "https://x-1.y2.c.example",
        "https://0.c.example",
        "https://x.d.example:8443",
        "http://x.e.example",
        "http://x.e.example:1",
        "http://x.e.example:65535",
        "wss://x.f.example",
    ];
    // Allowed only through the parser and the lookup.
    let allowed_otherwise = [
        "https://b.example",
        "https://b.example:1",
        "https://[::1]:8443",
    ];
    // Refused, many of them close to an allowed value.
    let refused = [
        "https://a.example:443",
        "https://A.example",
        "https://a.example/",
        "https://a.example.",
        "http://a.example:08080",
        "http://a.example:80800",
        "http://a.example:8081",
        "https://a.example:8080",
        "http://a.example",
        "https://c.example",
        "https://.c.example",
        "https://x..c.example",
        "https://-x.c.example",
        "https://x-.c.example",
        "https://X.c.example",
        "https://x.C.example",
        "https://x_y.c.example",
        "https://u@x.c.example",
        "https://x.c.example/",
        "https://x.c.example?",
        "https://x.c.example#",
        "https://x.c.example:",
        "https://x.c.example:443",
        "https://x.c.example:8443",
        "http://x.c.example",
        "https://x.c.example.",
        "https://x.d.example",
        "https://x.d.example:08443",
        "https://x.d.example:8444",
        "http://x.e.example:80",
        "http://x.e.example:0080",
        "http://x.e.example:65536",
        "http://x.e.example:1:2",
        "ws://x.f.example",
        "wss://x.f.example:443",
        "https://x%2ec.example",
        "https://[0::1]:8443",
        "https://x.c.example\u{0}",
        "null",
        "https:/x.c.example",
        "https//x.c.example",
        "",
    ];
    for value in found {
        assert_eq!(
            check_text_search(&policy, value.as_bytes()),
            (true, true),
            "{value}"
        );
    }
    for value in allowed_otherwise {
        assert_eq!(
            check_text_search(&policy, value.as_bytes()),
            (false, true),
            "{value}"
        );
    }
    for value in refused {
        assert_eq!(
            check_text_search(&policy, value.as_bytes()),
            (false, false),
            "{value}"
        );
    }
    Ok(())
}

#[test]
fn the_text_search_agrees_with_the_parser_over_generated_values() -> Result<(), BuildError> {
    let policy = build(&PolicyConfig::new(&TEXT_PATTERNS))?;
    let seeds: [&[u8]; 6] = [
        b"https://x.y.c.example",
        b"https://a.example",
        b"https://ab.d.example:8443",
        b"http://q.e.example:81",
        b"wss://z.f.example",
        b"https://b.example:1",
    ];
    let alphabet = b"aZ09-._:/@[]%?#\x80 8";
    let mut rng = crate::test_rng::Xorshift(0x9e37_79b9_7f4a_7c15);
    let (mut found, mut allowed, mut total) = (0usize, 0usize, 0usize);
    for round in 0..40_000 {
        let seed = seeds[round % seeds.len()];
        let mut value: Vec<u8> = seed.to_vec();
        for _ in 0..rng.below(3) {
            let at = rng.below(value.len() + 1);
            let byte = alphabet[rng.below(alphabet.len())];
            match rng.below(3) {
                0 if at < value.len() => value[at] = byte,
                1 if at < value.len() => {
                    value.remove(at);
                }
                _ => value.insert(at, byte),
            }
        }
        let (by_text, is_allowed) = check_text_search(&policy, &value);
        found += usize::from(by_text);
        allowed += usize::from(is_allowed);
        total += 1;
    }
    // The values (a third of them seeds as they are) reach every answer: found by text,
    // allowed otherwise, refused.
    assert_eq!(total, 40_000);
    assert!(found > 1_000, "{found} found by text");
    assert!(allowed > found, "{allowed} allowed, {found} by text");
    assert!(total - allowed > 20_000, "{} refused", total - allowed);
    Ok(())
}
