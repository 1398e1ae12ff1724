//! Self-verification of the policy engine (issue 4, "Proof"): the policy's answers, given to
//! the browser model, are accepted exactly when the policy allowed the request; the security
//! invariants hold on every answer; and the sorted origin matcher agrees with a naive
//! reference written for clarity.
//!
//! The policy (`cors_core::policy`) and the browser model (`cors_core::browser`) never call
//! each other; here the browser's requests go to the policy and the policy's answers go back
//! to the browser, as on the wire:
//!
//! 1. a script's `fetch()` is classified (`classify_fetch`);
//! 2. if it needs a preflight, the CORS-preflight request the browser would send (`Origin`,
//!    `Access-Control-Request-Method`, `Access-Control-Request-Headers`) is decided by the
//!    policy, whose status and headers are the preflight response;
//! 3. the actual request (`Origin` and the script's headers) is decided by the policy, whose
//!    headers (and a few of the application's) are the actual response;
//! 4. `run_fetch` runs the browser's side of the fetch over both answers.
//!
//! The credentials caveat: a server never sees the credentials mode, so the equivalence is
//! `browser accepts ⇔ policy allowed ∧ (mode ≠ include ∨ policy allows credentials)`.
//!
//! Generation is from small vocabularies (cheap, and dense in matches and near misses), so
//! 100,000 cases run in seconds in a debug build.

use std::cell::Cell;
use std::sync::LazyLock;

use cors_core::browser::request::{FetchInput, RedirectMode, RequestMode, Verdict, classify_fetch};
use cors_core::browser::response::ExposedHeaders;
use cors_core::browser::{
    CredentialsMode, FetchOutcome, Profile, ServerResponse, Tainting, run_fetch,
};
use cors_core::http::BoundedHeaders;
use cors_core::http::header::is_header_value;
use cors_core::http::method::is_cors_safelisted_method;
use cors_core::limits::MAX_REQUEST_HEADERS_LEN;
use cors_core::policy::{
    Decision, PatternSlot, Policy, PolicyConfig, Problem, RequestKind, ResponseHeader, Severity,
    parse_pattern,
};
use cors_core::{OpaqueId, parse_origin_or_null};
use cors_tests::ListedSuffixes;
use cors_tests::policy_reference::naive_allows;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{FileFailurePersistence, TestCaseError, TestRunner};

// ---------------------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------------------

/// The Public Suffix List of these tests: `github.io` and the default rule (the last label),
/// so `com`, `org` and `localhost` are public suffixes too.
static PSL: ListedSuffixes<'static> = ListedSuffixes(&["github.io"]);

const SCHEMES: [&str; 3] = ["https", "http", "wss"];

/// Hosts of exact and any-port patterns, and of request origins.
const HOSTS: [&str; 9] = [
    "example.com",
    "app.example.com",
    "api.example.com",
    "a.b.example.com",
    "example.org",
    "localhost",
    "127.0.0.1",
    "[::1]",
    "[2001:db8::1]",
];

/// Bases of subdomain wildcards; `github.io` and `com` are public suffixes.
const BASES: [&str; 6] = [
    "example.com",
    "api.example.com",
    "example.org",
    "localhost",
    "github.io",
    "com",
];

const PORTS: [Option<u16>; 5] = [None, Some(8443), Some(3000), Some(80), Some(443)];

/// Exact patterns outside the generated shapes: a non-special scheme, an IDNA host, IPv6
/// loopback with a port.
const FIXED_PATTERNS: [&str; 3] = [
    "chrome-extension://abcdefghijklmnop",
    "https://xn--bcher-kva.example",
    "http://[::1]:3000",
];

/// `allowed_methods`: `put` draws a warning (browsers send `PUT`), `*` is skipped with
/// credentials.
const METHODS: [&str; 9] = [
    "PUT", "DELETE", "PATCH", "patch", "put", "X-CUSTOM", "OPTIONS", "GET", "*",
];

/// `allowed_request_headers`: the method override draws a warning, `*` is skipped with
/// credentials and never covers `authorization`.
const REQUEST_HEADERS: [&str; 7] = [
    "x-custom",
    "X-Token",
    "authorization",
    "Content-Type",
    "x-http-method-override",
    "DPR",
    "*",
];

/// `exposed_response_headers`: `set-cookie` and `content-type` draw warnings.
const EXPOSED: [&str; 5] = ["x-request-id", "X-Trace", "set-cookie", "content-type", "*"];

const MAX_AGES: [Option<i64>; 5] = [None, Some(0), Some(600), Some(7200), Some(86400)];

const STATUSES: [u16; 3] = [204, 200, 299];

/// The methods a script passes to `fetch()`.
const BROWSER_METHODS: [&str; 12] = [
    "GET", "HEAD", "POST", "PUT", "put", "DELETE", "PATCH", "patch", "OPTIONS", "options",
    "X-CUSTOM", "x-custom",
];

/// How many of [`SCRIPT_HEADERS`], from the start, are CORS-safelisted request-headers.
const SAFELISTED_SCRIPT_HEADERS: usize = 4;

/// The headers a script sets: safelisted, CORS-unsafe, forbidden (dropped by the guard), a
/// client hint Chromium safelists, a safelisted name with a value too long to be safelisted,
/// and a name long enough to push `Access-Control-Request-Headers` past the policy's limit.
static SCRIPT_HEADERS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let pairs = [
        ("Accept", "application/json"),
        ("Content-Type", "text/plain"),
        ("Content-Language", "en"),
        ("Range", "bytes=0-"),
        ("Content-Type", "application/json"),
        ("X-Custom", "1"),
        ("X-Token", "abc"),
        ("Authorization", "Bearer t"),
        ("x-http-method-override", "PATCH"),
        ("Cookie", "a=b"),
        ("DPR", "2"),
        ("X-Requested-With", "XMLHttpRequest"),
    ];
    let mut all: Vec<(String, String)> = pairs
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    all.push(("Accept".to_owned(), "a".repeat(200)));
    all.push((format!("x-{}", "l".repeat(1100)), "1".to_owned()));
    all
});

/// Headers the application sets on the actual response, next to the policy's.
const APP_HEADERS: [(&str, &str); 4] = [
    ("x-request-id", "1"),
    ("x-trace", "t"),
    ("x-app", "a"),
    ("content-type", "text/plain"),
];

/// The origin of the URL every generated `fetch()` goes to: never a request origin.
const TARGET: &str = "https://api.server.test";

// ---------------------------------------------------------------------------------------
// Configurations
// ---------------------------------------------------------------------------------------

/// A configuration as generated: indexes into the vocabularies, made valid by [`render`].
#[derive(Clone, Debug)]
struct ConfigSpec {
    /// `(kind, scheme, host, port)` of each origin pattern.
    origins: Vec<(u8, u8, u8, u8)>,
    credentials: bool,
    tolerate_insecure: bool,
    tolerate_public_suffix: bool,
    allow_null: bool,
    methods: Vec<u8>,
    request_headers: Vec<u8>,
    exposed: Vec<u8>,
    max_age: u8,
    status: u8,
}

fn config_spec() -> impl Strategy<Value = ConfigSpec> {
    (
        prop::collection::vec(any::<(u8, u8, u8, u8)>(), 0..5),
        any::<[bool; 5]>(),
        prop::collection::vec(any::<u8>(), 0..4),
        prop::collection::vec(any::<u8>(), 0..4),
        prop::collection::vec(any::<u8>(), 0..3),
        any::<(u8, u8)>(),
    )
        .prop_map(
            |(origins, flags, methods, request_headers, exposed, (max_age, status))| ConfigSpec {
                origins,
                credentials: flags[0],
                tolerate_insecure: flags[1],
                tolerate_public_suffix: flags[2],
                // Usually on, so that `null` patterns appear.
                allow_null: flags[3] || flags[4],
                methods,
                request_headers,
                exposed,
                max_age,
                status,
            },
        )
}

/// A valid configuration, owned.
#[derive(Clone, Debug)]
struct Config {
    origins: Vec<String>,
    credentials: bool,
    tolerate_insecure: bool,
    tolerate_public_suffix: bool,
    allow_null: bool,
    methods: Vec<&'static str>,
    request_headers: Vec<&'static str>,
    exposed: Vec<&'static str>,
    max_age: Option<i64>,
    status: u16,
}

fn pick<T: Copy, const N: usize>(list: &[T; N], index: u8) -> T {
    list[usize::from(index) % N]
}

const fn default_port(scheme: &str) -> Option<u16> {
    match scheme.as_bytes() {
        b"http" | b"ws" => Some(80),
        b"https" | b"wss" => Some(443),
        _ => None,
    }
}

fn is_loopback(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "[::1]") || host.ends_with(".localhost")
}

/// `scheme://host[:port]`, without the scheme's default port (the canonical spelling).
fn origin_text(scheme: &str, host: &str, port: Option<u16>) -> String {
    match port.filter(|&port| Some(port) != default_port(scheme)) {
        Some(port) => format!("{scheme}://{host}:{port}"),
        None => format!("{scheme}://{host}"),
    }
}

/// Turns a generated configuration into a valid one: `*` and `null` only without
/// credentials (`null` only with `allow_null_origin`), cleartext non-loopback origins with
/// credentials only when tolerated, wildcards over public suffixes only when tolerated.
fn render(spec: &ConfigSpec) -> Config {
    let credentials = spec.credentials;
    let secure = |scheme: &'static str, host: &str| -> &'static str {
        let cleartext = matches!(scheme, "http" | "ws");
        if credentials && !spec.tolerate_insecure && cleartext && !is_loopback(host) {
            if scheme == "http" { "https" } else { "wss" }
        } else {
            scheme
        }
    };
    let mut origins = Vec::new();
    for &(kind, scheme, host, port) in &spec.origins {
        let scheme = pick(&SCHEMES, scheme);
        match kind % 10 {
            0..=2 => {
                let host = pick(&HOSTS, host);
                origins.push(origin_text(secure(scheme, host), host, pick(&PORTS, port)));
            }
            3..=5 => {
                let mut base = pick(&BASES, host);
                let public = PSL_BASES.contains(&base);
                if public && !spec.tolerate_public_suffix {
                    base = "example.com";
                }
                let port = match port % 4 {
                    0 => "",
                    1 => ":8443",
                    2 => ":*",
                    _ => ":3000",
                };
                origins.push(format!("{}://*.{base}{port}", secure(scheme, base)));
            }
            6 => {
                let host = pick(&HOSTS, host);
                origins.push(format!("{}://{host}:*", secure(scheme, host)));
            }
            7 if !credentials => origins.push("*".to_owned()),
            8 if !credentials && spec.allow_null => origins.push("null".to_owned()),
            7 | 8 => {}
            _ => {
                let fixed = pick(&FIXED_PATTERNS, host);
                if !(credentials && !spec.tolerate_insecure && fixed.starts_with("http:"))
                    || fixed.contains("[::1]")
                {
                    origins.push(fixed.to_owned());
                }
            }
        }
    }
    let list = |indexes: &[u8], vocabulary: &[&'static str]| -> Vec<&'static str> {
        indexes
            .iter()
            .map(|&i| vocabulary[usize::from(i) % vocabulary.len()])
            .filter(|&name| !(credentials && name == "*"))
            .collect()
    };
    Config {
        origins,
        credentials,
        tolerate_insecure: spec.tolerate_insecure,
        tolerate_public_suffix: spec.tolerate_public_suffix,
        allow_null: spec.allow_null,
        methods: list(&spec.methods, &METHODS),
        request_headers: list(&spec.request_headers, &REQUEST_HEADERS),
        exposed: list(&spec.exposed, &EXPOSED),
        max_age: pick(&MAX_AGES, spec.max_age),
        status: pick(&STATUSES, spec.status),
    }
}

/// The bases of [`BASES`] that are public suffixes under [`PSL`] (`localhost` is one too,
/// but loopback is exempt).
const PSL_BASES: [&str; 2] = ["github.io", "com"];

type TestPolicy<'c> = Policy<'c, Vec<PatternSlot<'c>>>;

impl Config {
    fn policy_config<'c>(&'c self, origins: &'c [&'c str]) -> PolicyConfig<'c> {
        PolicyConfig {
            allow_credentials: self.credentials,
            allowed_methods: &self.methods,
            allowed_request_headers: &self.request_headers,
            exposed_response_headers: &self.exposed,
            max_age: self.max_age,
            preflight_success_status: self.status,
            tolerate_insecure_origins: self.tolerate_insecure,
            tolerate_public_suffix_wildcards: self.tolerate_public_suffix,
            allow_null_origin: self.allow_null,
            ..PolicyConfig::new(origins)
        }
    }
}

/// Builds `config`, which is valid by construction: any error is a test failure.
fn build<'c>(config: &PolicyConfig<'c>) -> Result<TestPolicy<'c>, TestCaseError> {
    let mut errors = Vec::new();
    let storage = vec![PatternSlot::EMPTY; config.allowed_origins.len()];
    let result = Policy::build(config, &PSL, storage, &mut |problem: Problem<'c>| {
        if problem.severity() == Severity::Error {
            errors.push(problem.to_string());
        }
    });
    prop_assert!(errors.is_empty(), "valid configuration refused: {errors:?}");
    result.map_err(|e| TestCaseError::fail(format!("valid configuration not built: {e}")))
}

// ---------------------------------------------------------------------------------------
// Request origins: from the allow-list, near misses, and compositions
// ---------------------------------------------------------------------------------------

/// How a request origin is chosen.
#[derive(Clone, Debug)]
struct OriginSpec {
    /// Three times in four derived from a pattern of the allow-list; else a near miss or a
    /// composition.
    choice: u8,
    /// Which pattern.
    pattern: Index,
    /// Which variant of the pattern, or which parts of a composition.
    variant: (u8, u8, u8, u8),
}

fn origin_spec() -> impl Strategy<Value = OriginSpec> {
    (any::<u8>(), any::<Index>(), any::<(u8, u8, u8, u8)>()).prop_map(
        |(choice, pattern, variant)| OriginSpec {
            choice,
            pattern,
            variant,
        },
    )
}

/// Near misses of the usual patterns (security.md §4 classes 3, 4, 5, 9, 11).
const NEAR_MISSES: [&str; 8] = [
    "https://evilexample.com",
    "https://example.com.evil.net",
    "https://example.co",
    "http://example.com",
    "https://example.com:8443",
    "https://sub.github.io",
    "https://x.com",
    "null",
];

/// A serialized origin a browser could send: derived from a pattern, a near miss, or
/// composed from the vocabularies. Always parses.
fn request_origin(config: &Config, spec: &OriginSpec) -> String {
    let (a, b, c, d) = spec.variant;
    let derived = (spec.choice % 4 != 0 && !config.origins.is_empty())
        .then(|| derive(spec.pattern.get::<String>(&config.origins), (a, b, c)));
    let text = derived.flatten().unwrap_or_else(|| {
        if spec.choice % 8 == 0 {
            pick(&NEAR_MISSES, a).to_owned()
        } else {
            compose((a, b, c, d))
        }
    });
    if parse_origin_or_null(text.as_bytes()).is_ok() {
        text
    } else {
        "https://example.com".to_owned()
    }
}

/// An origin a pattern allows, or one it barely does not.
fn derive(pattern: &str, (a, b, c): (u8, u8, u8)) -> Option<String> {
    if pattern == "*" {
        return None;
    }
    if pattern == "null" {
        return Some("null".to_owned());
    }
    let port = pick(&[":5173", "", ":8443", ":1"], c);
    if let Some((scheme, rest)) = pattern.split_once("://*.") {
        let label = pick(&["x.", "a.b.", "x.", "", "evil", "x.y.z."], a);
        let rest = rest
            .strip_suffix(":*")
            .map_or_else(|| rest.to_owned(), |base| format!("{base}{port}"));
        return Some(format!("{scheme}://{label}{rest}"));
    }
    if let Some(host) = pattern.strip_suffix(":*") {
        return Some(format!("{host}{port}"));
    }
    let has_port = pattern
        .rsplit_once(':')
        .is_some_and(|(_, port)| port.parse::<u16>().is_ok());
    Some(match b % 6 {
        0 if !has_port => format!("{pattern}:8443"),
        1 => pattern.replacen("https://", "http://", 1),
        _ => pattern.to_owned(),
    })
}

/// `scheme://[prefix]host[suffix][:port]`.
fn compose((scheme, prefix, host, port): (u8, u8, u8, u8)) -> String {
    let scheme = pick(&["https", "http"], scheme);
    let host = pick(&HOSTS, host);
    let prefix = if host.starts_with('[') || host.starts_with("127") {
        ""
    } else {
        pick(&["", "x.", "evil", "", "app.", "y.x."], prefix)
    };
    let suffix = if prefix.is_empty() && port % 7 == 0 {
        ".evil.net"
    } else {
        ""
    };
    let port = pick(&[None, Some(8443), Some(3000), Some(5173), None], port);
    let host = format!("{prefix}{host}{suffix}");
    origin_text(scheme, &host, port)
}

// ---------------------------------------------------------------------------------------
// The security invariants, on every decision
// ---------------------------------------------------------------------------------------

type Pairs<'a> = Vec<(&'a [u8], &'a [u8])>;

const ORIGIN: &[u8] = b"Origin";
const REQUEST_METHOD: &[u8] = b"Access-Control-Request-Method";
const REQUEST_HEADERS_NAME: &[u8] = b"Access-Control-Request-Headers";

/// The invariants of issue 4 for the decision of `method` with `request` by `policy`:
/// every value is a header value and every name appears once; `*` never with credentials;
/// `Access-Control-Allow-Origin` only for an allowed origin, and then exactly its value (or
/// `*`); a refusal carries no CORS header; the kind is the Fetch Standard's; the preflight
/// echoes only what was asked for and is allowed; `Vary: Origin` on every answer that
/// depends on the origin.
fn check_invariants(
    policy: &TestPolicy<'_>,
    method: &[u8],
    request: &[(&[u8], &[u8])],
    decision: &Decision<'_>,
) -> Result<(), TestCaseError> {
    let headers: Vec<(&str, &[u8])> = decision.headers().collect();
    for (i, (name, value)) in headers.iter().enumerate() {
        prop_assert!(is_header_value(value), "{name}: {value:?}");
        prop_assert!(
            headers[i + 1..].iter().all(|(other, _)| other != name),
            "{name} twice"
        );
    }
    let acao = decision.header(ResponseHeader::AllowOrigin);
    let acac = decision.header(ResponseHeader::AllowCredentials);
    if let Some(acac) = acac {
        prop_assert_eq!(acac, b"true");
        prop_assert!(policy.allows_credentials());
    }
    prop_assert!(
        !(acao == Some(&b"*"[..]) && acac.is_some()),
        "* with credentials"
    );
    if !decision.is_allowed() {
        prop_assert!(
            headers.iter().all(|(name, _)| *name == "vary"),
            "CORS header on a refusal: {headers:?}"
        );
    }

    let list = BoundedHeaders::new(request).expect("bounded request");
    let origins: Vec<&[u8]> = list.values(b"origin").collect();
    let request_methods: Vec<&[u8]> = list.values(b"access-control-request-method").collect();
    let kind = if origins.is_empty() {
        RequestKind::NotCors
    } else if method == b"OPTIONS" && !request_methods.is_empty() {
        RequestKind::Preflight
    } else {
        RequestKind::Actual
    };
    prop_assert_eq!(decision.kind(), kind);

    // The origin is allowed: `*`, or one `Origin` that parses and matches.
    let origin_allowed = !policy.is_origin_dependent()
        || (origins.len() == 1
            && parse_origin_or_null(origins[0]).is_ok_and(|o| policy.allows_origin(&o)));
    if !origin_allowed {
        prop_assert!(
            acao.is_none(),
            "refused origin {:?} got ACAO {:?}",
            texts(&origins),
            acao.map(String::from_utf8_lossy)
        );
    }
    if let Some(acao) = acao {
        if acao == b"*" {
            prop_assert!(!policy.is_origin_dependent());
        } else {
            prop_assert!(policy.is_origin_dependent());
            prop_assert_eq!(&origins, &[acao]);
        }
    }
    match kind {
        RequestKind::NotCors => prop_assert!(decision.is_allowed()),
        RequestKind::Actual => prop_assert_eq!(decision.is_allowed(), origin_allowed),
        RequestKind::Preflight => {
            let status = decision.status().unwrap_or(0);
            if decision.is_allowed() {
                prop_assert!(origin_allowed);
                prop_assert!((200..=299).contains(&status), "status {status}");
            } else {
                prop_assert_eq!(status, 403);
            }
        }
    }
    if kind != RequestKind::Preflight {
        prop_assert_eq!(decision.status(), None);
    }

    // Class 19: only what was asked for, and allowed.
    if let Some(acam) = decision.header(ResponseHeader::AllowMethods) {
        prop_assert_eq!(&request_methods, &[acam]);
        prop_assert!(!is_cors_safelisted_method(acam));
    }
    if let Some(acah) = decision.header(ResponseHeader::AllowHeaders) {
        for name in acah.split(|&b| b == b',') {
            let name = name.trim_ascii();
            prop_assert!(name.is_empty() || policy.allows_request_header(name));
        }
    }

    // Class 12: Vary on every answer that depends on Origin.
    let vary = decision.header(ResponseHeader::Vary).unwrap_or_default();
    let vary_has = |element: &[u8]| {
        vary.split(|&b| b == b',')
            .any(|e| e.trim_ascii().eq_ignore_ascii_case(element))
    };
    prop_assert_eq!(vary_has(b"origin"), policy.is_origin_dependent());
    prop_assert_eq!(
        vary_has(b"access-control-request-method"),
        method == b"OPTIONS"
    );
    Ok(())
}

fn texts(values: &[&[u8]]) -> Vec<String> {
    values
        .iter()
        .map(|value| String::from_utf8_lossy(value).into_owned())
        .collect()
}

/// The naive reference of a preflight's method and header checks, read off the
/// configuration: a CORS-safelisted method, or one listed byte for byte, or `*` (never a
/// forbidden method); every requested name listed case-insensitively, or covered by `*`
/// unless it is `authorization`.
fn naive_preflight_allows(config: &Config, method: &[u8], names: Option<&str>) -> bool {
    let method_ok = is_cors_safelisted_method(method)
        || config
            .methods
            .iter()
            .any(|&m| m.as_bytes() == method || m == "*");
    let name_ok = |name: &str| {
        config.request_headers.iter().any(|&listed| {
            listed.eq_ignore_ascii_case(name)
                || (listed == "*" && !name.eq_ignore_ascii_case("authorization"))
        })
    };
    let too_long = names.is_some_and(|names| names.len() > MAX_REQUEST_HEADERS_LEN);
    method_ok && !too_long && names.into_iter().flat_map(|n| n.split(',')).all(name_ok)
}

/// The decision's headers, owned, followed by `extra`.
fn response(decision: &Decision<'_>, extra: &[(&str, &str)]) -> Vec<(Vec<u8>, Vec<u8>)> {
    decision
        .headers()
        .map(|(name, value)| (name.as_bytes().to_vec(), value.to_vec()))
        .chain(
            extra
                .iter()
                .map(|(n, v)| (n.as_bytes().to_vec(), v.as_bytes().to_vec())),
        )
        .collect()
}

// ---------------------------------------------------------------------------------------
// The browser equivalence
// ---------------------------------------------------------------------------------------

/// A script's `fetch()`.
#[derive(Clone, Debug)]
struct FetchSpec {
    origin: OriginSpec,
    method: u8,
    headers: Vec<u8>,
    credentials: u8,
    use_cors_preflight: bool,
}

fn fetch_spec() -> impl Strategy<Value = FetchSpec> {
    (
        origin_spec(),
        any::<u8>(),
        prop::collection::vec(any::<u8>(), 0..4),
        any::<u8>(),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            |(origin, method, headers, credentials, use_cors_preflight)| FetchSpec {
                origin,
                method,
                headers,
                credentials,
                use_cors_preflight,
            },
        )
}

const CREDENTIALS: [CredentialsMode; 3] = [
    CredentialsMode::Omit,
    CredentialsMode::SameOrigin,
    CredentialsMode::Include,
];

/// What one case covered, to check that generation reaches every outcome.
#[derive(Default)]
struct Coverage {
    cases: Cell<usize>,
    accepted: Cell<usize>,
    refused_origin: Cell<usize>,
    refused_preflight: Cell<usize>,
    preflights: Cell<usize>,
    include_accepted: Cell<usize>,
    include_refused_by_credentials: Cell<usize>,
    null_accepted: Cell<usize>,
    wildcard_accepted: Cell<usize>,
}

impl Coverage {
    fn add(counter: &Cell<usize>, yes: bool) {
        counter.set(counter.get() + usize::from(yes));
    }
}

/// Runs one `fetch()` against the policy in `profile` and checks the equivalence and the
/// invariants of both decisions.
fn check_fetch(
    config: &Config,
    policy: &TestPolicy<'_>,
    spec: &FetchSpec,
    profile: Profile,
    coverage: &Coverage,
) -> Result<(), TestCaseError> {
    let origin_text = request_origin(config, &spec.origin);
    let origin = parse_origin_or_null(origin_text.as_bytes()).expect("origin");
    let target = parse_origin_or_null(TARGET.as_bytes()).expect("target");
    let credentials = pick(&CREDENTIALS, spec.credentials);
    // Half the methods and headers are safelisted, so that half the fetches are simple.
    let method = match spec.method % 2 {
        0 => pick(&["GET", "POST", "HEAD"], spec.method / 2),
        _ => pick(&BROWSER_METHODS, spec.method / 2),
    };
    let script: Vec<(&[u8], &[u8])> = spec
        .headers
        .iter()
        .map(|&i| {
            let pool = match i % 2 {
                0 => SAFELISTED_SCRIPT_HEADERS,
                _ => SCRIPT_HEADERS.len(),
            };
            let (name, value) = &SCRIPT_HEADERS[usize::from(i / 2) % pool];
            (name.as_bytes(), value.as_bytes())
        })
        .collect();
    // A streaming body (the use-CORS-preflight flag) needs a method with a body.
    let use_cors_preflight =
        spec.use_cors_preflight && !matches!(method.to_ascii_uppercase().as_str(), "GET" | "HEAD");
    let input = FetchInput {
        origin: origin.to_origin(OpaqueId(1)),
        url_scheme: "https",
        url_origin: target.to_origin(OpaqueId(2)),
        method: method.as_bytes(),
        headers: &script[..],
        mode: RequestMode::Cors,
        credentials,
        redirect: RedirectMode::Follow,
        use_cors_preflight,
        profile,
    };
    let classification = classify_fetch(input).expect("fetch() does not throw");
    let preflighted = match classification.verdict() {
        Verdict::Cors => false,
        Verdict::CorsWithPreflight(_) => true,
        other => return Err(TestCaseError::fail(format!("verdict {other:?}"))),
    };
    let mut serialized = String::new();
    classification
        .write_serialized_origin(&mut serialized)
        .expect("serialize");
    prop_assert_eq!(&serialized, &origin_text);

    // The CORS-preflight request, as the browser sends it, decided by the policy.
    let request_headers = classification
        .preflight()
        .and_then(|p| p.access_control_request_headers().map(|v| v.to_string()));
    let mut preflight_request: Pairs<'_> = vec![
        (ORIGIN, serialized.as_bytes()),
        (REQUEST_METHOD, classification.method()),
        (b"Accept", b"*/*"),
    ];
    if let Some(names) = &request_headers {
        preflight_request.push((REQUEST_HEADERS_NAME, names.as_bytes()));
    }
    let bounded = BoundedHeaders::new(&preflight_request[..]).expect("bounded");
    let preflight = policy.decide(b"OPTIONS", &bounded);
    check_invariants(policy, b"OPTIONS", &preflight_request, &preflight)?;
    prop_assert_eq!(preflight.kind(), RequestKind::Preflight);
    let preflight_answer = response(&preflight, &[]);

    // The actual request: Origin and the script's headers as the guard kept them.
    let mut actual_request: Pairs<'_> = vec![(ORIGIN, serialized.as_bytes())];
    actual_request.extend(classification.headers().iter());
    let bounded = BoundedHeaders::new(&actual_request[..]).expect("bounded");
    let actual = policy.decide(classification.method(), &bounded);
    check_invariants(policy, classification.method(), &actual_request, &actual)?;
    prop_assert_eq!(actual.kind(), RequestKind::Actual);
    prop_assert_eq!(actual.is_allowed(), policy.allows_origin(&origin));
    let origins: Vec<&str> = config.origins.iter().map(String::as_str).collect();
    let origin_ok = naive_allows(&origins, config.allow_null, &origin_text);
    prop_assert_eq!(actual.is_allowed(), origin_ok);
    let naive_preflight = origin_ok
        && naive_preflight_allows(config, classification.method(), request_headers.as_deref());
    prop_assert_eq!(
        preflight.is_allowed(),
        naive_preflight,
        "{:?} {:?}",
        preflight.reason(),
        preflight_answer
    );
    let actual_answer = response(&actual, &APP_HEADERS);

    // The browser's side.
    let result = run_fetch(
        &classification,
        serialized.as_bytes(),
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
    prop_assert_eq!(result.preflight_sent, preflighted);
    let accepted = matches!(result.outcome, FetchOutcome::Allowed(Tainting::Cors));
    prop_assert!(
        accepted || matches!(result.outcome, FetchOutcome::Blocked(_)),
        "{:?}",
        result.outcome
    );

    // The equivalence, with the credentials caveat.
    let policy_allowed = (!preflighted || preflight.is_allowed()) && actual.is_allowed();
    let include = credentials.is_include();
    let expected = policy_allowed && (!include || policy.allows_credentials());
    prop_assert_eq!(
        accepted,
        expected,
        "browser {:?}; policy: preflight {:?} {:?}, actual {:?}; origin {}, {} {:?} {:?}, \
         ACRH {:?}",
        result.outcome,
        preflighted.then(|| preflight.reason()),
        preflight_answer,
        actual.reason(),
        origin_text,
        method,
        credentials,
        profile,
        request_headers
    );

    // What script may read: every configured exposed name, or every name under `*`.
    if accepted {
        let headers = BoundedHeaders::new(&actual_answer).expect("bounded");
        let exposed = ExposedHeaders::new(&headers, credentials);
        for name in &config.exposed {
            let readable = match *name {
                "*" => "x-app",
                "set-cookie" => continue,
                name => name,
            };
            prop_assert!(
                exposed.is_exposed(readable.as_bytes()),
                "{name} not exposed"
            );
        }
    }

    Coverage::add(&coverage.cases, true);
    Coverage::add(&coverage.accepted, accepted);
    Coverage::add(&coverage.refused_origin, !actual.is_allowed());
    Coverage::add(
        &coverage.refused_preflight,
        preflighted && actual.is_allowed() && !preflight.is_allowed(),
    );
    Coverage::add(&coverage.preflights, preflighted);
    Coverage::add(&coverage.include_accepted, include && accepted);
    Coverage::add(
        &coverage.include_refused_by_credentials,
        include && policy_allowed && !accepted,
    );
    Coverage::add(&coverage.null_accepted, origin_text == "null" && accepted);
    Coverage::add(
        &coverage.wildcard_accepted,
        !policy.is_origin_dependent() && accepted,
    );
    Ok(())
}

/// The main property: for any valid policy and any `fetch()`, in the Spec and Chromium
/// profiles, the browser accepts the policy's answers if and only if the policy allowed
/// the request (with credentials: and the policy allows credentials).
#[test]
fn browser_accepts_exactly_what_the_policy_allows() {
    let config = ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
        ..ProptestConfig::with_cases(100_000)
    };
    let coverage = Coverage::default();
    let mut runner = TestRunner::new(config);
    let result = runner.run(&(config_spec(), fetch_spec()), |(spec, fetch)| {
        let config = render(&spec);
        let origins: Vec<&str> = config.origins.iter().map(String::as_str).collect();
        let policy_config = config.policy_config(&origins);
        let policy = build(&policy_config)?;
        for profile in [Profile::Spec, Profile::Chromium] {
            check_fetch(&config, &policy, &fetch, profile, &coverage)?;
        }
        Ok(())
    });
    if let Err(error) = result {
        panic!("{error}");
    }
    // The generation reaches every outcome, each in a useful share of the cases.
    let cases = coverage.cases.get();
    let share = |counter: &Cell<usize>| counter.get() * 1000 / cases.max(1);
    let shares = [
        ("accepted", share(&coverage.accepted)),
        ("refused origin", share(&coverage.refused_origin)),
        ("refused preflight", share(&coverage.refused_preflight)),
        ("preflights", share(&coverage.preflights)),
        ("include accepted", share(&coverage.include_accepted)),
        (
            "include refused for credentials",
            share(&coverage.include_refused_by_credentials),
        ),
        ("null accepted", share(&coverage.null_accepted)),
        ("* accepted", share(&coverage.wildcard_accepted)),
    ];
    eprintln!("{cases} fetches; per mille: {shares:?}");
    for (what, per_mille) in shares {
        assert!(per_mille >= 5, "{what}: {per_mille}‰ of {cases}");
    }
}

// ---------------------------------------------------------------------------------------
// Requests no browser sends: the invariants still hold
// ---------------------------------------------------------------------------------------

/// `Origin` values a client other than a browser may send (classes 7, 13, 17, 20).
const RAW_ORIGINS: [&str; 16] = [
    "https://EXAMPLE.com",
    "HTTPS://app.example.com",
    "https://app.example.com/",
    "https://app.example.com\r\nX-Injected: 1",
    " https://app.example.com\t",
    "https://app.example.com:443",
    "https://app.example.com:08443",
    "https://example.com.",
    "https://a_b.example.com",
    "https://example.com`.evil.com",
    "https://*.example.com",
    "*",
    "",
    "null",
    "NULL",
    "https://app.example.com, https://evil.net",
];

const RAW_METHODS: [&str; 6] = ["GET", "POST", "OPTIONS", "options", "PUT", "DELETE"];

const RAW_REQUEST_METHODS: [&str; 8] = ["PUT", "put", "GET", "TRACE", "", "P UT", "PATCH", "*"];

static RAW_REQUEST_HEADERS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut lines: Vec<String> = [
        "x-custom",
        "X-Custom , authorization",
        ",,,",
        "x-a,\r\nx-b",
        "content-type,x-token",
        "*",
        "dpr",
        " ",
        "x-custom,,x-token,",
        "x custom",
    ]
    .iter()
    .map(|line| (*line).to_owned())
    .collect();
    lines.push(",".repeat(1100));
    lines.push(vec!["x-custom"; 120].join(","));
    lines
});

/// A request as a non-browser client may send it.
#[derive(Clone, Debug)]
struct RawSpec {
    method: u8,
    /// `Origin` lines: from the raw list, or (odd values) a request origin of the policy.
    origins: Vec<(u8, OriginSpec)>,
    request_methods: Vec<u8>,
    request_headers: Vec<u8>,
}

fn raw_spec() -> impl Strategy<Value = RawSpec> {
    (
        any::<u8>(),
        prop::collection::vec((any::<u8>(), origin_spec()), 0..3),
        prop::collection::vec(any::<u8>(), 0..3),
        prop::collection::vec(any::<u8>(), 0..3),
    )
        .prop_map(
            |(method, origins, request_methods, request_headers)| RawSpec {
                method,
                origins,
                request_methods,
                request_headers,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(50_000))]

    /// Any request, well-formed or not: every invariant holds on the answer.
    #[test]
    fn every_answer_keeps_the_invariants(spec in config_spec(), raw in raw_spec()) {
        let config = render(&spec);
        let origins: Vec<&str> = config.origins.iter().map(String::as_str).collect();
        let policy_config = config.policy_config(&origins);
        let policy = build(&policy_config)?;
        let origin_values: Vec<String> = raw
            .origins
            .iter()
            .map(|(which, origin)| {
                if which % 2 == 0 {
                    pick(&RAW_ORIGINS, which / 2).to_owned()
                } else {
                    request_origin(&config, origin)
                }
            })
            .collect();
        let mut request: Pairs<'_> = origin_values
            .iter()
            .map(|v| (ORIGIN, v.as_bytes()))
            .collect();
        for &i in &raw.request_methods {
            request.push((REQUEST_METHOD, pick(&RAW_REQUEST_METHODS, i).as_bytes()));
        }
        for &i in &raw.request_headers {
            let line = &RAW_REQUEST_HEADERS[usize::from(i) % RAW_REQUEST_HEADERS.len()];
            request.push((REQUEST_HEADERS_NAME, line.as_bytes()));
        }
        let method = pick(&RAW_METHODS, raw.method).as_bytes();
        let bounded = BoundedHeaders::new(&request[..]).expect("bounded");
        let decision = policy.decide(method, &bounded);
        check_invariants(&policy, method, &request, &decision)?;
    }
}

// ---------------------------------------------------------------------------------------
// Differential: the sorted matcher against a naive reference
// ---------------------------------------------------------------------------------------

const DIFF_LABELS: [&str; 6] = ["a", "b", "example", "com", "evil", "x-y"];
const DIFF_SCHEMES: [&str; 5] = ["https", "http", "wss", "ftp", "chrome-extension"];
const DIFF_IPS: [&str; 4] = ["127.0.0.1", "10.0.0.1", "[::1]", "[2001:db8::1]"];

/// A host: one to four labels of [`DIFF_LABELS`] (`label_count` 0 picks an IP address).
fn diff_host(labels: &[u8], ip: u8) -> String {
    if labels.is_empty() {
        return pick(&DIFF_IPS, ip).to_owned();
    }
    labels
        .iter()
        .map(|&l| pick(&DIFF_LABELS, l))
        .collect::<Vec<_>>()
        .join(".")
}

fn diff_port(scheme: &str, port: u8) -> String {
    match pick(&[None, Some(8443u16), Some(80), Some(443), Some(1)], port) {
        Some(port) if Some(port) != default_port(scheme) => format!(":{port}"),
        _ => String::new(),
    }
}

type DiffPart = (u8, u8, Vec<u8>, u8, u8);

fn diff_part() -> impl Strategy<Value = DiffPart> {
    (
        any::<u8>(),
        any::<u8>(),
        prop::collection::vec(any::<u8>(), 0..5),
        any::<u8>(),
        any::<u8>(),
    )
}

/// A pattern: exact, subdomain wildcard (special schemes, domains), any port, `*`, `null`.
fn diff_pattern((kind, scheme, labels, ip, port): &DiffPart) -> String {
    let scheme = pick(&DIFF_SCHEMES, *scheme);
    let host = diff_host(labels, *ip);
    let special = scheme != "chrome-extension";
    match kind % 8 {
        0..=2 => format!("{scheme}://{host}{}", diff_port(scheme, *port)),
        3..=5 if special && !labels.is_empty() => {
            let port = if port % 3 == 0 {
                ":*".to_owned()
            } else {
                diff_port(scheme, *port)
            };
            format!("{scheme}://*.{host}{port}")
        }
        3..=6 => format!("{scheme}://{host}:*"),
        _ => pick(&["*", "null", "https://example.com"], *port).to_owned(),
    }
}

fn diff_origin((kind, scheme, labels, ip, port): &DiffPart) -> String {
    if kind % 16 == 0 {
        return "null".to_owned();
    }
    let scheme = pick(&DIFF_SCHEMES, *scheme);
    format!(
        "{scheme}://{}{}",
        diff_host(labels, *ip),
        diff_port(scheme, *port)
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100_000))]

    /// `Policy::allows_origin` (sorted keys, binary searches over label suffixes) agrees
    /// with [`naive_allows`] on every canonical origin.
    #[test]
    fn matcher_agrees_with_the_naive_reference(
        patterns in prop::collection::vec(diff_part(), 0..6),
        origins in prop::collection::vec(diff_part(), 1..4),
        allow_null in any::<bool>(),
    ) {
        let patterns: Vec<String> = patterns.iter().map(diff_pattern).collect();
        let refs: Vec<&str> = patterns.iter().map(String::as_str).collect();
        let config = PolicyConfig {
            allow_null_origin: allow_null,
            tolerate_public_suffix_wildcards: true,
            ..PolicyConfig::new(&refs)
        };
        let mut errors = Vec::new();
        let storage = vec![PatternSlot::EMPTY; refs.len()];
        let built = Policy::build(&config, &PSL, storage, &mut |problem: Problem<'_>| {
            if problem.severity() == Severity::Error {
                errors.push(problem.to_string());
            }
        });
        // `null` without the opt-in is the only error generation makes.
        let null_refused = !allow_null && refs.contains(&"null");
        prop_assert_eq!(built.is_ok(), !null_refused, "{:?}", errors);
        let Ok(policy) = built else { return Ok(()) };
        for origin in origins.iter().map(diff_origin) {
            // Hosts that are not LDH domains (a label ending in a number) do not parse.
            let Ok(parsed) = parse_origin_or_null(origin.as_bytes()) else { continue };
            let naive = naive_allows(&refs, allow_null, &origin);
            // One pattern at a time, as `OriginPattern::matches` reads each.
            let one_by_one = refs.iter().any(|pattern| {
                parse_pattern(pattern).is_ok_and(|p| p.matches(&parsed))
                    && (*pattern != "null" || allow_null)
            });
            prop_assert_eq!(one_by_one, naive, "{} against {:?}", origin, refs);
            prop_assert_eq!(
                policy.allows_origin(&parsed),
                naive,
                "{} against {:?}",
                origin,
                refs
            );
        }
    }
}

#[test]
fn the_naive_reference_reads_issue_4() {
    let allows = |pattern: &str, origin: &str| naive_allows(&[pattern], false, origin);
    assert!(allows("https://example.com", "https://example.com"));
    assert!(!allows(
        "https://example.com",
        "https://example.com.evil.net"
    ));
    assert!(allows("https://*.example.com", "https://a.example.com"));
    assert!(allows("https://*.example.com", "https://a.b.example.com"));
    assert!(!allows("https://*.example.com", "https://example.com"));
    assert!(!allows("https://*.example.com", "https://evilexample.com"));
    assert!(!allows(
        "https://*.example.com",
        "https://a.example.com:8443"
    ));
    assert!(allows(
        "https://*.example.com:*",
        "https://a.example.com:8443"
    ));
    assert!(!allows("https://*.example.com", "http://a.example.com"));
    assert!(allows("http://localhost:*", "http://localhost:5173"));
    assert!(allows("http://localhost:*", "http://localhost"));
    assert!(!allows("http://localhost:*", "http://a.localhost:5173"));
    assert!(allows("*", "null"));
    assert!(!allows("null", "null"));
    assert!(naive_allows(&["null"], true, "null"));
}
