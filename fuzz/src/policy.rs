//! The policy engine's targets (`pattern_parse`, `policy_build`, `policy_decide`): the
//! `Arbitrary` mirrors of a configuration and of requests, and the properties they assert.
//!
//! The configuration of `policy_decide` is built from small vocabularies (so that request
//! origins match often) mixed with arbitrary text (so that the fuzzer still explores every
//! spelling); a configuration that does not build is skipped. The same properties as
//! `tests/property/policy.rs`: the browser model accepts the policy's answers iff the policy
//! allowed the request (a credentialed request also needs a credentialed policy); the
//! security invariants on every answer; the matcher against a naive reference.
//!
//! Seeds (`corpus/policy_*/seed-*`) are the table inputs of `tests/property/policy.rs` and
//! `cors-core/src/policy/tests/`, written in `arbitrary` 1.x's encoding of these types.

use arbitrary::Arbitrary;
use cors_core::browser::request::{FetchInput, RedirectMode, RequestMode, Verdict, classify_fetch};
use cors_core::browser::response::ExposedHeaders;
use cors_core::browser::{
    CredentialsMode, FetchOutcome, Profile, ServerResponse, Tainting, run_fetch,
};
use cors_core::http::BoundedHeaders;
use cors_core::http::header::is_header_value;
use cors_core::http::method::is_cors_safelisted_method;
use cors_core::policy::{
    BuildError, Decision, OriginPattern, PatternSlot, Policy, PolicyConfig, RequestKind,
    ResponseHeader, Severity, parse_pattern,
};
use cors_core::{OpaqueId, PublicSuffixList, parse_origin_or_null};

/// The Public Suffix List of the targets: `github.io`, and the default rule (the last label).
pub struct Suffixes;

impl PublicSuffixList for Suffixes {
    fn public_suffix<'d>(&self, domain: &'d str) -> &'d str {
        if domain == "github.io" || domain.ends_with(".github.io") {
            return &domain[domain.len() - "github.io".len()..];
        }
        domain.rsplit('.').next().unwrap_or(domain)
    }
}

/// A policy with its patterns in a `Vec`.
pub type FuzzPolicy<'c> = Policy<'c, Vec<PatternSlot<'c>>>;

// ---------------------------------------------------------------------------------------
// pattern_parse
// ---------------------------------------------------------------------------------------

/// An origin the pattern `text` names, with its wildcards filled in: `*.` as `x.`, the port
/// `*` as `1` (no scheme's default port); `None` for `*`.
pub fn instance(text: &str) -> Option<String> {
    let filled = text.replacen("://*.", "://x.", 1);
    let filled = match filled.strip_suffix(":*") {
        Some(rest) => format!("{rest}:1"),
        None => filled,
    };
    (text != "*").then_some(filled)
}

// ---------------------------------------------------------------------------------------
// policy_build
// ---------------------------------------------------------------------------------------

/// `policy_build`'s input: every setting, with arbitrary text; `probe` is an origin to look
/// up. Flags: bit 0 `allow_credentials`, 1 `tolerate_insecure_origins`, 2
/// `tolerate_public_suffix_wildcards`, 3 `allow_null_origin`.
#[derive(Arbitrary, Debug)]
pub struct ConfigCase<'a> {
    /// The four boolean settings, one bit each.
    pub flags: u8,
    /// `max_age`.
    pub max_age: Option<i64>,
    /// `preflight_success_status`.
    pub preflight_success_status: u16,
    /// `allowed_methods`.
    pub allowed_methods: Vec<&'a str>,
    /// `allowed_request_headers`.
    pub allowed_request_headers: Vec<&'a str>,
    /// `exposed_response_headers`.
    pub exposed_response_headers: Vec<&'a str>,
    /// An origin looked up in the built policy.
    pub probe: &'a str,
    /// `allowed_origins`.
    pub allowed_origins: Vec<&'a str>,
}

impl<'a> ConfigCase<'a> {
    /// The configuration.
    pub fn config(&self) -> PolicyConfig<'_> {
        PolicyConfig {
            allow_credentials: self.flags & 1 != 0,
            allowed_methods: &self.allowed_methods,
            allowed_request_headers: &self.allowed_request_headers,
            exposed_response_headers: &self.exposed_response_headers,
            max_age: self.max_age,
            preflight_success_status: self.preflight_success_status,
            tolerate_insecure_origins: self.flags & 2 != 0,
            tolerate_public_suffix_wildcards: self.flags & 4 != 0,
            allow_null_origin: self.flags & 8 != 0,
            ..PolicyConfig::new(&self.allowed_origins)
        }
    }
}

/// When every allowed origin is an exact pattern, the policy allows each of them, and the
/// probe exactly when it is one of them (byte equality).
pub fn assert_exact_origins_allowed(policy: &FuzzPolicy<'_>, case: &ConfigCase<'_>) {
    let exact = |text: &&str| matches!(parse_pattern(text), Ok(OriginPattern::Exact { .. }));
    if !case.allowed_origins.iter().all(exact) {
        return;
    }
    for text in &case.allowed_origins {
        let origin = parse_origin_or_null(text.as_bytes()).expect("an exact pattern is an origin");
        assert!(policy.allows_origin(&origin), "{text:?} not allowed");
    }
    if let Ok(probe) = parse_origin_or_null(case.probe.as_bytes()) {
        let listed = case.allowed_origins.contains(&case.probe);
        assert_eq!(
            policy.allows_origin(&probe),
            listed,
            "probe {:?}",
            case.probe
        );
    }
}

// ---------------------------------------------------------------------------------------
// policy_decide: the configuration
// ---------------------------------------------------------------------------------------

const SCHEMES: [&str; 3] = ["https", "http", "wss"];
const HOSTS: [&str; 8] = [
    "example.com",
    "app.example.com",
    "api.example.com",
    "example.org",
    "localhost",
    "127.0.0.1",
    "[::1]",
    "github.io",
];
const PORTS: [Option<u16>; 4] = [None, Some(8443), Some(3000), Some(443)];
const METHODS: [&str; 8] = [
    "PUT", "DELETE", "PATCH", "patch", "put", "X-CUSTOM", "GET", "*",
];
const REQUEST_HEADERS: [&str; 6] = [
    "x-custom",
    "X-Token",
    "authorization",
    "Content-Type",
    "DPR",
    "*",
];
const EXPOSED: [&str; 4] = ["x-request-id", "set-cookie", "content-type", "*"];
const MAX_AGES: [Option<i64>; 4] = [None, Some(0), Some(600), Some(86400)];
const STATUSES: [u16; 3] = [204, 200, 299];

fn pick<T: Copy, const N: usize>(list: &[T; N], index: u8) -> T {
    list[usize::from(index) % N]
}

/// One entry of `allowed_origins`: `kind` picks exact, subdomain wildcard, any port, `*`,
/// `null`, or `text` as written.
#[derive(Arbitrary, Debug)]
pub struct PatternMirror<'a> {
    /// The shape.
    pub kind: u8,
    /// Into the schemes.
    pub scheme: u8,
    /// Into the hosts (or bases).
    pub host: u8,
    /// Into the ports.
    pub port: u8,
    /// The pattern, for kind "text".
    pub text: &'a str,
}

/// `policy_decide`'s input: a configuration, a `fetch()` a browser makes, and a request no
/// browser sends.
///
/// `flags`: bit 0 credentials, 1 tolerate insecure origins, 2 tolerate public-suffix
/// wildcards, 3 allow `null`, 4 the Chromium profile, 5 the use-CORS-preflight flag.
/// `settings`: max-age, preflight status, credentials mode, method. `origin`: how the
/// request origin is chosen (from a pattern, a near miss, or `origin_text`), and variants.
#[derive(Arbitrary, Debug)]
pub struct DecideCase<'a> {
    /// Boolean settings and choices, one bit each.
    pub flags: u8,
    /// Max-age, preflight status, credentials mode, method.
    pub settings: [u8; 4],
    /// `allowed_methods`, into the vocabulary.
    pub methods: Vec<u8>,
    /// `allowed_request_headers`, into the vocabulary.
    pub request_headers: Vec<u8>,
    /// `exposed_response_headers`, into the vocabulary.
    pub exposed: Vec<u8>,
    /// `allowed_origins`.
    pub patterns: Vec<PatternMirror<'a>>,
    /// How the request origin is chosen: choice, pattern, two variants.
    pub origin: [u8; 4],
    /// The request origin, when chosen as text.
    pub origin_text: &'a str,
    /// The script's headers, into the vocabulary.
    pub script_headers: Vec<u8>,
    /// The method of the request no browser sends.
    pub raw_method: &'a str,
    /// Its headers: the low two bits of the byte pick `Origin`,
    /// `Access-Control-Request-Method`, `Access-Control-Request-Headers` or `X-Other`.
    pub raw: Vec<(u8, &'a str)>,
}

/// A valid-looking configuration rendered from a [`DecideCase`], owned.
#[derive(Debug)]
pub struct Config {
    /// `allowed_origins`.
    pub origins: Vec<String>,
    /// `allow_credentials`.
    pub credentials: bool,
    /// `allow_null_origin`.
    pub allow_null: bool,
    flags: u8,
    methods: Vec<&'static str>,
    request_headers: Vec<&'static str>,
    exposed: Vec<&'static str>,
    max_age: Option<i64>,
    status: u16,
}

impl Config {
    /// The configuration, with `origins` the texts of [`Config::origins`].
    pub fn policy_config<'c>(&'c self, origins: &'c [&'c str]) -> PolicyConfig<'c> {
        PolicyConfig {
            allow_credentials: self.credentials,
            allowed_methods: &self.methods,
            allowed_request_headers: &self.request_headers,
            exposed_response_headers: &self.exposed,
            max_age: self.max_age,
            preflight_success_status: self.status,
            tolerate_insecure_origins: self.flags & 2 != 0,
            tolerate_public_suffix_wildcards: self.flags & 4 != 0,
            allow_null_origin: self.allow_null,
            ..PolicyConfig::new(origins)
        }
    }
}

fn is_loopback(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "[::1]") || host.ends_with(".localhost")
}

fn origin_text(scheme: &str, host: &str, port: Option<u16>) -> String {
    let default = match scheme {
        "http" | "ws" => Some(80),
        "https" | "wss" => Some(443),
        _ => None,
    };
    match port.filter(|&port| Some(port) != default) {
        Some(port) => format!("{scheme}://{host}:{port}"),
        None => format!("{scheme}://{host}"),
    }
}

impl DecideCase<'_> {
    /// The configuration: shapes from the vocabularies (made valid: `*` and `null` only
    /// without credentials, cleartext origins with credentials only on loopback unless
    /// tolerated), and text patterns as written (which may make it invalid).
    pub fn config(&self) -> Config {
        let credentials = self.flags & 1 != 0;
        let allow_null = self.flags & 8 != 0;
        let secure = |scheme: &'static str, host: &str| {
            let cleartext = credentials && self.flags & 2 == 0 && scheme == "http";
            if cleartext && !is_loopback(host) {
                "https"
            } else {
                scheme
            }
        };
        let mut origins = Vec::new();
        for p in &self.patterns {
            let scheme = pick(&SCHEMES, p.scheme);
            let host = pick(&HOSTS, p.host);
            match p.kind % 8 {
                0 | 1 => origins.push(origin_text(
                    secure(scheme, host),
                    host,
                    pick(&PORTS, p.port),
                )),
                2 | 3 if !host.starts_with(['[', '1']) => {
                    let port = pick(&["", ":8443", ":*"], p.port);
                    origins.push(format!("{}://*.{host}{port}", secure(scheme, host)));
                }
                2..=4 => origins.push(format!("{}://{host}:*", secure(scheme, host))),
                5 if !credentials => origins.push("*".to_owned()),
                6 if !credentials && allow_null => origins.push("null".to_owned()),
                5 | 6 => {}
                _ => origins.push(p.text.to_owned()),
            }
        }
        let list = |indexes: &[u8], vocabulary: &[&'static str]| -> Vec<&'static str> {
            let names = indexes
                .iter()
                .map(|&i| vocabulary[usize::from(i) % vocabulary.len()]);
            names
                .filter(|&name| !(credentials && name == "*"))
                .collect()
        };
        Config {
            origins,
            credentials,
            allow_null,
            flags: self.flags,
            methods: list(&self.methods, &METHODS),
            request_headers: list(&self.request_headers, &REQUEST_HEADERS),
            exposed: list(&self.exposed, &EXPOSED),
            max_age: pick(&MAX_AGES, self.settings[0]),
            status: pick(&STATUSES, self.settings[1]),
        }
    }

    /// The serialized origin of the script's environment: derived from a pattern, a near
    /// miss, or `origin_text`; `None` when that does not parse.
    pub fn request_origin(&self, config: &Config) -> Option<String> {
        let [choice, pattern, a, b] = self.origin;
        let text = match choice % 4 {
            0 | 1 if !config.origins.is_empty() => {
                let pattern = &config.origins[usize::from(pattern) % config.origins.len()];
                derive(pattern, a, b)
            }
            3 => self.origin_text.to_owned(),
            _ => pick(&NEAR_MISSES, a).to_owned(),
        };
        parse_origin_or_null(text.as_bytes())
            .is_ok()
            .then_some(text)
    }

    /// The request no browser sends, as header pairs.
    pub fn raw_request(&self) -> Vec<(&[u8], &[u8])> {
        const NAMES: [&[u8]; 4] = [
            b"Origin",
            b"Access-Control-Request-Method",
            b"Access-Control-Request-Headers",
            b"X-Other",
        ];
        let pairs = self.raw.iter();
        pairs
            .map(|&(name, value)| (NAMES[usize::from(name % 4)], value.as_bytes()))
            .collect()
    }
}

const NEAR_MISSES: [&str; 8] = [
    "https://evilexample.com",
    "https://example.com.evil.net",
    "https://example.co",
    "http://example.com",
    "https://example.com:8443",
    "https://sub.github.io",
    "https://x.api.example.com",
    "null",
];

/// An origin a pattern allows, or one it barely does not.
fn derive(pattern: &str, a: u8, b: u8) -> String {
    let port = pick(&[":5173", "", ":8443"], b);
    if let Some((scheme, rest)) = pattern.split_once("://*.") {
        let label = pick(&["x.", "a.b.", "", "evil"], a);
        let rest = match rest.strip_suffix(":*") {
            Some(base) => format!("{base}{port}"),
            None => rest.to_owned(),
        };
        return format!("{scheme}://{label}{rest}");
    }
    if let Some(host) = pattern.strip_suffix(":*") {
        return format!("{host}{port}");
    }
    match a % 4 {
        0 => format!("{pattern}{port}"),
        1 => pattern.replacen("https://", "http://", 1),
        _ => pattern.to_owned(),
    }
}

/// `Policy::build` of `config`, and how many problems of severity error it reported.
pub fn build_counting<'c>(
    config: &PolicyConfig<'c>,
) -> (Result<FuzzPolicy<'c>, BuildError>, usize) {
    let mut errors = 0usize;
    let storage = vec![PatternSlot::EMPTY; config.allowed_origins.len()];
    let built = Policy::build(config, &Suffixes, storage, &mut |problem| {
        errors += usize::from(problem.severity() == Severity::Error);
    });
    (built, errors)
}

/// Builds `config`; `None` when it has an error (and then `build` must have refused it).
pub fn build<'c>(config: &PolicyConfig<'c>) -> Option<FuzzPolicy<'c>> {
    let (built, errors) = build_counting(config);
    assert_eq!(built.is_ok(), errors == 0, "{:?}", built.as_ref().err());
    built.ok()
}

// ---------------------------------------------------------------------------------------
// The naive reference matcher
// ---------------------------------------------------------------------------------------

#[path = "../../tests/src/policy_reference.rs"]
mod policy_reference;

pub use policy_reference::naive_allows;

/// The policy allows the request origin `origin` exactly when the naive reference matcher
/// says one of `origins` allows it.
pub fn assert_matcher_agrees(
    policy: &FuzzPolicy<'_>,
    origins: &[&str],
    allow_null: bool,
    origin: &str,
) {
    let parsed = parse_origin_or_null(origin.as_bytes()).expect("checked");
    let naive = naive_allows(origins, allow_null, origin);
    let got = policy.allows_origin(&parsed);
    assert_eq!(got, naive, "{origin} against {origins:?}");
}

// ---------------------------------------------------------------------------------------
// The invariants of every answer
// ---------------------------------------------------------------------------------------

/// Every value is a header value and every name appears once; `*` never with credentials;
/// `Access-Control-Allow-Origin` only for an allowed origin and then its exact value; a
/// refusal carries no CORS header; the kind is the Fetch Standard's; the preflight echoes
/// only what was asked and allowed; `Vary: Origin` whenever the answer depends on it.
pub fn assert_invariants(
    policy: &FuzzPolicy<'_>,
    method: &[u8],
    request: &BoundedHeaders<&[(&[u8], &[u8])]>,
    decision: &Decision<'_>,
) {
    let headers: Vec<(&str, &[u8])> = decision.headers().collect();
    for (i, (name, value)) in headers.iter().enumerate() {
        assert!(is_header_value(value), "{name}: {value:?}");
        assert!(
            headers[i + 1..].iter().all(|(n, _)| n != name),
            "{name} twice"
        );
    }
    let acao = decision.header(ResponseHeader::AllowOrigin);
    let acac = decision.header(ResponseHeader::AllowCredentials);
    assert!(acac.is_none_or(|v| v == b"true" && policy.allows_credentials()));
    assert!(
        !(acao == Some(&b"*"[..]) && acac.is_some()),
        "* with credentials"
    );
    if !decision.is_allowed() {
        assert!(
            headers.iter().all(|(n, _)| *n == "vary"),
            "refusal: {headers:?}"
        );
    }
    let origins: Vec<&[u8]> = request.values(b"origin").collect();
    let methods: Vec<&[u8]> = request.values(b"access-control-request-method").collect();
    let kind = match (
        origins.is_empty(),
        method == b"OPTIONS" && !methods.is_empty(),
    ) {
        (true, _) => RequestKind::NotCors,
        (false, true) => RequestKind::Preflight,
        (false, false) => RequestKind::Actual,
    };
    assert_eq!(decision.kind(), kind);
    let origin_allowed = !policy.is_origin_dependent()
        || (origins.len() == 1
            && parse_origin_or_null(origins[0]).is_ok_and(|o| policy.allows_origin(&o)));
    match acao {
        None => {}
        Some(b"*") => assert!(!policy.is_origin_dependent()),
        Some(acao) => assert!(origin_allowed && origins == [acao], "ACAO {acao:?}"),
    }
    match kind {
        RequestKind::NotCors => assert!(decision.is_allowed()),
        RequestKind::Actual => assert_eq!(decision.is_allowed(), origin_allowed),
        RequestKind::Preflight => {
            let status = decision.status().unwrap_or(0);
            let allowed = decision.is_allowed();
            assert!(!allowed || origin_allowed && (200..=299).contains(&status));
            assert!(allowed || status == 403);
        }
    }
    if let Some(acam) = decision.header(ResponseHeader::AllowMethods) {
        assert!(methods == [acam] && !is_cors_safelisted_method(acam));
    }
    if let Some(acah) = decision.header(ResponseHeader::AllowHeaders) {
        for name in acah.split(|&b| b == b',').map(<[u8]>::trim_ascii) {
            assert!(name.is_empty() || policy.allows_request_header(name));
        }
    }
    let vary = decision.header(ResponseHeader::Vary).unwrap_or_default();
    let varies_on_origin = vary
        .split(|&b| b == b',')
        .any(|e| e.trim_ascii().eq_ignore_ascii_case(b"origin"));
    assert_eq!(varies_on_origin, policy.is_origin_dependent());
}

// ---------------------------------------------------------------------------------------
// The browser equivalence
// ---------------------------------------------------------------------------------------

const SCRIPT_HEADERS: [(&str, &str); 10] = [
    ("Accept", "application/json"),
    ("Content-Type", "text/plain"),
    ("Content-Type", "application/json"),
    ("X-Custom", "1"),
    ("X-Token", "abc"),
    ("Authorization", "Bearer t"),
    ("Cookie", "a=b"),
    ("DPR", "2"),
    ("X-Requested-With", "XMLHttpRequest"),
    ("Content-Language", "en"),
];

const BROWSER_METHODS: [&str; 10] = [
    "GET", "POST", "HEAD", "PUT", "put", "DELETE", "PATCH", "patch", "OPTIONS", "X-CUSTOM",
];

/// The origin of the URL every `fetch()` goes to.
const TARGET: &str = "https://api.server.test";

const CREDENTIALS: [CredentialsMode; 3] = [
    CredentialsMode::Omit,
    CredentialsMode::SameOrigin,
    CredentialsMode::Include,
];

fn owned(decision: &Decision<'_>, extra: &[(&str, &str)]) -> Vec<(Vec<u8>, Vec<u8>)> {
    let extra = extra.iter().map(|(n, v)| (n.as_bytes(), v.as_bytes()));
    let all = decision
        .headers()
        .map(|(n, v)| (n.as_bytes(), v))
        .chain(extra);
    all.map(|(n, v)| (n.to_vec(), v.to_vec())).collect()
}

/// A `fetch()` from `origin` to `https://api.server.test`: the browser's preflight and
/// actual request go to the policy, its answers back to the browser model, which accepts
/// them iff the policy allowed both and, for credentials `include`, allows credentials.
pub fn assert_browser_equivalence(
    config: &Config,
    policy: &FuzzPolicy<'_>,
    case: &DecideCase<'_>,
    origin: &str,
) {
    let parsed = parse_origin_or_null(origin.as_bytes()).expect("checked");
    let target = parse_origin_or_null(TARGET.as_bytes()).expect("an origin");
    let credentials = pick(&CREDENTIALS, case.settings[2]);
    let method = pick(&BROWSER_METHODS, case.settings[3]);
    // A few headers: with Origin, the actual request must stay within MAX_HEADER_COUNT.
    let script: Vec<(&[u8], &[u8])> = (case.script_headers.iter().take(16))
        .map(|&i| pick(&SCRIPT_HEADERS, i))
        .map(|(n, v)| (n.as_bytes(), v.as_bytes()))
        .collect();
    let profile = if case.flags & 16 != 0 {
        Profile::Chromium
    } else {
        Profile::Spec
    };
    let Ok(classification) = classify_fetch(FetchInput {
        origin: parsed.to_origin(OpaqueId(1)),
        url_scheme: "https",
        url_origin: target.to_origin(OpaqueId(2)),
        method: method.as_bytes(),
        headers: &script[..],
        mode: RequestMode::Cors,
        credentials,
        redirect: RedirectMode::Follow,
        use_cors_preflight: case.flags & 32 != 0 && !matches!(method, "GET" | "HEAD"),
        profile,
    }) else {
        return;
    };
    let preflighted = match classification.verdict() {
        Verdict::Cors => false,
        Verdict::CorsWithPreflight(_) => true,
        // A request to its own origin is not CORS.
        Verdict::Basic(_) => return assert_eq!(origin, TARGET),
        other => panic!("verdict {other:?}"),
    };

    let names = (classification.preflight())
        .and_then(|p| p.access_control_request_headers().map(|v| v.to_string()));
    let mut preflight_request: Vec<(&[u8], &[u8])> = vec![
        (b"Origin", origin.as_bytes()),
        (b"Access-Control-Request-Method", classification.method()),
    ];
    if let Some(names) = &names {
        preflight_request.push((b"Access-Control-Request-Headers", names.as_bytes()));
    }
    let request = BoundedHeaders::new(&preflight_request[..]).expect("bounded");
    let preflight = policy.decide(b"OPTIONS", &request);
    assert_invariants(policy, b"OPTIONS", &request, &preflight);
    let preflight_answer = owned(&preflight, &[]);

    let mut actual_request: Vec<(&[u8], &[u8])> = vec![(b"Origin", origin.as_bytes())];
    actual_request.extend(classification.headers().iter());
    let request = BoundedHeaders::new(&actual_request[..]).expect("bounded");
    let actual = policy.decide(classification.method(), &request);
    assert_invariants(policy, classification.method(), &request, &actual);
    let actual_answer = owned(&actual, &[("x-request-id", "1"), ("x-app", "a")]);

    let result = run_fetch(
        &classification,
        origin.as_bytes(),
        Some(ServerResponse {
            status: preflight.status().unwrap_or(0),
            headers: &preflight_answer,
        }),
        ServerResponse {
            status: 200,
            headers: &actual_answer,
        },
        profile,
    );
    assert_eq!(result.preflight_sent, preflighted);
    let accepted = matches!(result.outcome, FetchOutcome::Allowed(Tainting::Cors));
    let allowed = (!preflighted || preflight.is_allowed()) && actual.is_allowed();
    let expected = allowed && (!credentials.is_include() || policy.allows_credentials());
    assert_eq!(
        accepted,
        expected,
        "browser {:?}; preflight {:?}, actual {:?}; {credentials:?} {profile:?}",
        result.outcome,
        preflight.reason(),
        actual.reason()
    );
    if accepted {
        let headers = BoundedHeaders::new(&actual_answer).expect("bounded");
        let exposed = ExposedHeaders::new(&headers, credentials);
        let expected = config.exposed.iter().filter(|&&n| n != "set-cookie");
        for name in expected.map(|&n| if n == "*" { "x-app" } else { n }) {
            assert!(exposed.is_exposed(name.as_bytes()), "{name} not exposed");
        }
    }
}
