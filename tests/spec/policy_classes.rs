//! The misconfiguration classes of `reference/security.md` §4 that the policy engine's own
//! tables do not show directly (6, 7, 10, 14, 16, 17), through the public API. The table of
//! all 21 classes, with the test of each, is in `spec-notes/05-policy.md`.

use cors_core::browser::CredentialsMode;
use cors_core::browser::response::{CorsCheckFailure, cors_check};
use cors_core::http::BoundedHeaders;
use cors_core::parse_origin_or_null;
use cors_core::policy::{
    Decision, PatternSlot, Policy, PolicyConfig, Problem, RejectReason, RequestKind,
    ResponseHeader, Rule,
};
use cors_tests::ListedSuffixes;

type TestPolicy<'c> = Policy<'c, Vec<PatternSlot<'c>>>;

/// Builds `config`, returning the policy (if built) and every problem.
fn build<'c>(config: &PolicyConfig<'c>) -> (Option<TestPolicy<'c>>, Vec<Problem<'c>>) {
    let mut problems = Vec::new();
    let storage = vec![PatternSlot::EMPTY; config.allowed_origins.len()];
    let psl = ListedSuffixes(&["github.io"]);
    let built = Policy::build(config, &psl, storage, &mut |p| problems.push(p));
    (built.ok(), problems)
}

fn decide<'d>(
    policy: &'d TestPolicy<'_>,
    method: &str,
    request: &'d [(&'d str, &'d str)],
) -> Decision<'d> {
    let headers = BoundedHeaders::new(request).expect("bounded");
    policy.decide(method.as_bytes(), &headers)
}

/// Class 6: there is no regex to anchor. Regex spellings are not patterns, and a pattern
/// matches a whole parsed origin, never a prefix or a substring of the header.
#[test]
fn class_06_no_regex_only_whole_origins() {
    for regex in [
        r"^https://example\.com$",
        r"https://.*\.example\.com",
        "https://(www|api).example.com",
        "https://[a-z]+.example.com",
        "/https:\\/\\/example\\.com/",
        "https://example.com.*",
    ] {
        let list = [regex];
        let (policy, problems) = build(&PolicyConfig::new(&list));
        assert!(policy.is_none(), "{regex:?} built");
        assert!(
            problems
                .iter()
                .any(|p| matches!(p.rule, Rule::InvalidPattern(_))),
            "{regex:?}: {problems:?}"
        );
    }
    let (policy, _) = build(&PolicyConfig::new(&["https://example.com"]));
    let policy = policy.expect("valid");
    for (origin, reason) in [
        (
            "https://example.com.evil.net",
            RejectReason::OriginNotAllowed,
        ),
        (
            "https://evil.net?https://example.com",
            RejectReason::InvalidOrigin,
        ),
        ("https://example.com/evil", RejectReason::InvalidOrigin),
        (
            "https://example.com https://evil.net",
            RejectReason::InvalidOrigin,
        ),
    ] {
        let request = [("Origin", origin)];
        let decision = decide(&policy, "GET", &request);
        assert_eq!(decision.reason(), Some(reason), "{origin}");
        assert_eq!(decision.header(ResponseHeader::AllowOrigin), None);
    }
}

/// Class 7: hostnames with characters some browsers or regexes let through (Safari's `` ` ``
/// and `}`, `_`, percent-encoding, spaces) are not serialized origins: refused before any
/// matching, and never reflected, even under a wildcard that would match the text.
#[test]
fn class_07_special_characters_never_match_or_reflect() {
    let config = PolicyConfig {
        allow_credentials: true,
        ..PolicyConfig::new(&["https://example.com", "https://*.example.com"])
    };
    let (policy, problems) = build(&config);
    assert!(problems.is_empty(), "{problems:?}");
    let policy = policy.expect("valid");
    for origin in [
        "https://example.com`.evil.com",
        "https://example.com}.evil.com",
        "https://example.com%60.evil.com",
        "https://a_b.example.com",
        "https://a b.example.com",
        "https://example.com\t.evil.com",
        "https://xn--.example.com!",
        "https://example.com:443",
        "https://Example.com",
    ] {
        assert!(parse_origin_or_null(origin.as_bytes()).is_err(), "{origin}");
        let request = [("Origin", origin)];
        let decision = decide(&policy, "GET", &request);
        assert_eq!(
            decision.reason(),
            Some(RejectReason::InvalidOrigin),
            "{origin}"
        );
        let cors: Vec<_> = decision.headers().filter(|(n, _)| *n != "vary").collect();
        assert!(cors.is_empty(), "{origin}: {cors:?}");
    }
}

/// Class 10: a subdomain wildcard trusts every host below the base, which is the point of
/// it (and why an XSS or a takeover on any of them reads the API). The engine keeps it
/// label-bounded and never widens it to the base; it cannot know which subdomains are safe,
/// so it neither refuses nor warns: that trust is the operator's, and the docs say so.
#[test]
fn class_10_a_wildcard_transfers_trust_to_every_subdomain() {
    let config = PolicyConfig {
        allow_credentials: true,
        ..PolicyConfig::new(&["https://*.example.com"])
    };
    let (policy, problems) = build(&config);
    assert!(problems.is_empty(), "{problems:?}");
    let policy = policy.expect("valid");
    for (origin, allowed) in [
        ("https://forgotten-staging.example.com", true),
        ("https://user-content.cdn.example.com", true),
        ("https://example.com", false),
        ("https://evilexample.com", false),
    ] {
        let request = [("Origin", origin)];
        let decision = decide(&policy, "GET", &request);
        assert_eq!(decision.is_allowed(), allowed, "{origin}");
        let acac = decision.header(ResponseHeader::AllowCredentials);
        assert_eq!(acac, allowed.then_some(&b"true"[..]), "{origin}");
    }
}

/// Class 14: `*` is one public answer for everyone, intranet callers and `null` included:
/// the same `Access-Control-Allow-Origin: *`, never credentials, no `Vary: Origin`. The
/// engine cannot tell a public resource from an intranet one; `*` is for the former only.
#[test]
fn class_14_star_is_the_same_answer_for_every_origin() {
    let (policy, problems) = build(&PolicyConfig::new(&["*"]));
    assert!(problems.is_empty(), "{problems:?}");
    let policy = policy.expect("valid");
    let mut answers = Vec::new();
    for origin in [
        "https://evil.example",
        "http://192.168.1.10",
        "http://localhost:8080",
        "null",
    ] {
        let request = [("Origin", origin)];
        let decision = decide(&policy, "GET", &request);
        assert!(decision.is_allowed());
        answers.push(
            decision
                .headers()
                .map(|(n, v)| (n, v.to_vec()))
                .collect::<Vec<_>>(),
        );
    }
    assert!(answers.windows(2).all(|w| w[0] == w[1]), "{answers:?}");
    assert_eq!(
        answers[0],
        vec![("access-control-allow-origin", b"*".to_vec())]
    );
    // And never together with credentials, in any spelling of "every origin".
    for every in ["*", "https://*", "https://*.*"] {
        let list = [every];
        let config = PolicyConfig {
            allow_credentials: true,
            ..PolicyConfig::new(&list)
        };
        assert!(build(&config).0.is_none(), "{every}");
    }
}

/// Class 16: a CORS-preflight request never carries credentials or `Authorization`, and the
/// policy answers it alone (a status and headers, no application), so an adapter that runs
/// it before authentication never turns a preflight into a 401. The ordering itself is the
/// adapter's, documented there.
#[test]
fn class_16_preflights_are_answered_without_authentication() {
    let config = PolicyConfig {
        allow_credentials: true,
        allowed_methods: &["DELETE"],
        allowed_request_headers: &["authorization"],
        ..PolicyConfig::new(&["https://app.example.com"])
    };
    let (policy, _) = build(&config);
    let policy = policy.expect("valid");
    // What a browser sends: no Cookie, no Authorization.
    let request = [
        ("Origin", "https://app.example.com"),
        ("Access-Control-Request-Method", "DELETE"),
        ("Access-Control-Request-Headers", "authorization"),
    ];
    let decision = decide(&policy, "OPTIONS", &request);
    assert_eq!(decision.kind(), RequestKind::Preflight);
    assert!(decision.is_allowed());
    assert_eq!(decision.status(), Some(204));
    assert_eq!(
        decision.header(ResponseHeader::AllowHeaders),
        Some(&b"authorization"[..])
    );
}

/// Class 17: the decision holds each header once, to be set (replacing), never appended: a
/// second `Access-Control-Allow-Origin` from a stacked layer makes the browser refuse the
/// response even when both values are right.
#[test]
fn class_17_a_second_allow_origin_fails_the_cors_check() {
    let (policy, _) = build(&PolicyConfig::new(&["https://app.example.com"]));
    let policy = policy.expect("valid");
    let request = [("Origin", "https://app.example.com")];
    let decision = decide(&policy, "GET", &request);
    let set: Vec<(&str, &[u8])> = decision.headers().collect();
    let names: Vec<&str> = set.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["access-control-allow-origin", "vary"]);
    let origin = b"https://app.example.com";
    let omit = CredentialsMode::Omit;
    let once = BoundedHeaders::new(&set[..]).expect("bounded");
    assert_eq!(cors_check(&once, origin, omit), Ok(()));
    let mut appended = set.clone();
    appended.insert(0, ("access-control-allow-origin", &origin[..]));
    let twice = BoundedHeaders::new(&appended[..]).expect("bounded");
    assert!(matches!(
        cors_check(&twice, origin, omit),
        Err(CorsCheckFailure::MultipleAllowOriginValues(_))
    ));
}
