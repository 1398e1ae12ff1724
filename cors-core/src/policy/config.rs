//! The configuration a [`Policy`](super::Policy) is built from, and the validation of each
//! configured value.
//!
//! [`validate`] checks every value on its own and reports every problem; the checks that
//! compare origin patterns with each other (duplicates, shadowing) need the sorted patterns
//! and run in [`Policy::build`](super::Policy::build), which also calls [`validate`].

use core::net::Ipv4Addr;

use super::pattern::{OriginPattern, parse_pattern};
use super::problem::{Problem, ProblemCounts, ProblemValue, Rule, Setting};
use crate::http::header::is_header_name;
use crate::http::header_names::{
    has_forbidden_request_header_prefix, is_cors_non_wildcard_request_header_name,
    is_cors_safelisted_response_header_name, is_forbidden_request_header_name,
    is_forbidden_response_header_name, is_method_override_header_name,
};
use crate::http::method::{is_forbidden_method, is_method, normalize_method};
use crate::limits::{
    MAX_ALLOWED_METHODS, MAX_ALLOWED_ORIGINS, MAX_ALLOWED_REQUEST_HEADERS, MAX_CONFIG_NAME_LEN,
    MAX_EXPOSE_HEADERS_VALUE_LEN, MAX_EXPOSED_RESPONSE_HEADERS,
};
use crate::origin::host::Host;
use crate::origin::site::{PublicSuffixList, public_suffix};

/// The largest `max_age` that draws no warning: Chromium's cap, in seconds.
///
/// Firefox caps `Access-Control-Max-Age` at 86400 s, Chromium at 7200 s and WebKit at 600 s
/// (`reference/security.md` §5). Above 7200 the value is not what most browsers use. Between
/// 600 and 7200 only Safari shortens it, which costs extra preflights but never
/// correctness, so that range is not flagged.
pub const MAX_AGE_WARNING_THRESHOLD: i64 = 7200;

/// A policy configuration, borrowing its lists; the keys are those of a policy file.
///
/// In every list, the single entry `*` means "any"; it is refused together with
/// `allow_credentials`, because browsers then read it as a literal (misconfiguration class
/// 2). In `allowed_request_headers`, `*` does not cover `authorization`, exactly as in
/// `Access-Control-Allow-Headers`: list it next to `*` to allow it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PolicyConfig<'c> {
    /// Origin patterns (see [`parse_pattern`]): exact origins, `https://*.example.com`,
    /// `http://localhost:*`, `null` (with `allow_null_origin`), or `*`.
    pub allowed_origins: &'c [&'c str],
    /// Whether credentialed requests are allowed (`Access-Control-Allow-Credentials: true`).
    pub allow_credentials: bool,
    /// Methods a preflight may ask for, compared byte for byte; `GET`, `HEAD` and `POST` are
    /// always allowed.
    pub allowed_methods: &'c [&'c str],
    /// Request-header names a preflight may ask for, compared case-insensitively.
    pub allowed_request_headers: &'c [&'c str],
    /// Response-header names script may read (`Access-Control-Expose-Headers`).
    pub exposed_response_headers: &'c [&'c str],
    /// `Access-Control-Max-Age` in seconds; `None` sends none (browsers then cache 5 s).
    /// Signed so that a negative value can be reported rather than wrap.
    pub max_age: Option<i64>,
    /// The status of an allowed preflight response.
    pub preflight_success_status: u16,
    /// Allow cleartext origins other than loopback together with credentials.
    pub tolerate_insecure_origins: bool,
    /// Allow subdomain wildcards directly over a public suffix (`https://*.github.io`).
    pub tolerate_public_suffix_wildcards: bool,
    /// Allow the `null` origin when `allowed_origins` lists `null`.
    pub allow_null_origin: bool,
}

impl<'c> PolicyConfig<'c> {
    /// The default status of an allowed preflight.
    pub const DEFAULT_PREFLIGHT_SUCCESS_STATUS: u16 = 204;

    /// A configuration allowing `allowed_origins`, without credentials, extra methods,
    /// headers, exposure or max-age, answering preflights with 204.
    pub const fn new(allowed_origins: &'c [&'c str]) -> Self {
        Self {
            allowed_origins,
            allow_credentials: false,
            allowed_methods: &[],
            allowed_request_headers: &[],
            exposed_response_headers: &[],
            max_age: None,
            preflight_success_status: Self::DEFAULT_PREFLIGHT_SUCCESS_STATUS,
            tolerate_insecure_origins: false,
            tolerate_public_suffix_wildcards: false,
            allow_null_origin: false,
        }
    }
}

/// Validates every configured value on its own, reporting every problem to `sink`, and
/// returns how many errors and warnings there were.
pub fn validate<'c>(
    config: &PolicyConfig<'c>,
    psl: &dyn PublicSuffixList,
    sink: &mut dyn FnMut(Problem<'c>),
) -> ProblemCounts {
    let mut counts = ProblemCounts::default();
    let mut report = |problem: Problem<'c>| {
        counts.count(&problem);
        sink(problem);
    };
    validate_origins(config, psl, &mut report);
    validate_methods(config, &mut report);
    validate_request_headers(config, &mut report);
    validate_exposed_headers(config, &mut report);
    validate_numbers(config, &mut report);
    counts
}

type Report<'r, 'c> = &'r mut dyn FnMut(Problem<'c>);

fn text_problem(setting: Setting, text: &str, rule: Rule) -> Problem<'_> {
    Problem::new(setting, ProblemValue::Text(text), rule)
}

/// The first `limit` entries of `list`, after reporting the first entry past the limit.
fn bounded<'c>(
    setting: Setting,
    list: &'c [&'c str],
    limit: usize,
    report: Report<'_, 'c>,
) -> &'c [&'c str] {
    if let Some(&first_extra) = list.get(limit) {
        report(text_problem(setting, first_extra, Rule::TooManyValues));
    }
    list.get(..limit).unwrap_or(list)
}

fn validate_origins<'c>(
    config: &PolicyConfig<'c>,
    psl: &dyn PublicSuffixList,
    report: Report<'_, 'c>,
) {
    let setting = Setting::AllowedOrigins;
    if config.allowed_origins.is_empty() {
        report(Problem::new(
            setting,
            ProblemValue::EmptyList,
            Rule::NoAllowedOrigins,
        ));
    }
    let mut lists_null = false;
    for &text in bounded(setting, config.allowed_origins, MAX_ALLOWED_ORIGINS, report) {
        match parse_pattern(text) {
            Err(e) => report(text_problem(setting, text, Rule::InvalidPattern(e))),
            Ok(pattern) => {
                lists_null |= pattern == OriginPattern::Null;
                for rule in origin_rules(config, psl, &pattern).into_iter().flatten() {
                    report(text_problem(setting, text, rule));
                }
            }
        }
    }
    if config.allow_null_origin && !lists_null {
        report(Problem::new(
            Setting::AllowNullOrigin,
            ProblemValue::Flag(true),
            Rule::NullOriginOptInUnused,
        ));
    }
}

/// The rules a parsed pattern breaks in this configuration.
fn origin_rules(
    config: &PolicyConfig<'_>,
    psl: &dyn PublicSuffixList,
    pattern: &OriginPattern<'_>,
) -> [Option<Rule>; 4] {
    let credentials = config.allow_credentials;
    let wildcard_or_null = match pattern {
        OriginPattern::Any if credentials => Some(Rule::WildcardWithCredentials),
        OriginPattern::Null if !config.allow_null_origin => Some(Rule::NullOrigin),
        _ => None,
    };
    let null_credentials = matches!(pattern, OriginPattern::Null) && credentials;
    let insecure = credentials && !config.tolerate_insecure_origins && is_insecure(pattern);
    let public_suffix = !config.tolerate_public_suffix_wildcards
        && matches!(pattern, OriginPattern::Subdomains { base, .. }
            if !is_loopback_host(base) && is_public_suffix(base, psl));
    [
        wildcard_or_null,
        null_credentials.then_some(Rule::NullOriginWithCredentials),
        insecure.then_some(Rule::InsecureOriginWithCredentials),
        public_suffix.then_some(Rule::PublicSuffixWildcard),
    ]
}

/// Whether the pattern allows an origin on a cleartext special scheme whose host is not
/// loopback: such an origin is not potentially trustworthy, so a network attacker can
/// speak for it (misconfiguration class 9).
///
/// <https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy>
fn is_insecure(pattern: &OriginPattern<'_>) -> bool {
    let (scheme, host) = match *pattern {
        OriginPattern::Exact { scheme, host, .. } | OriginPattern::AnyPort { scheme, host } => {
            (scheme, host)
        }
        OriginPattern::Subdomains { scheme, base, .. } => (scheme, base),
        OriginPattern::Any | OriginPattern::Null => return false,
    };
    matches!(scheme, "http" | "ws" | "ftp") && !is_loopback_host(host)
}

/// Whether `host` (serialized, or the base of a subdomain wildcard) is loopback: `localhost`
/// or a name below it (RFC 6761 §6.3), `127.0.0.0/8`, or `[::1]`.
fn is_loopback_host(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || host == "[::1]"
        || host
            .parse::<Ipv4Addr>()
            .is_ok_and(|address| address.is_loopback())
}

/// Whether the domain `base` is itself a public suffix, so `*.base` spans sites of
/// different owners (misconfiguration class 11).
///
/// `localhost` is one by the list's default rule, but every name below it is the local
/// machine (RFC 6761 §6.3), so the caller exempts loopback bases.
///
/// <https://url.spec.whatwg.org/#host-public-suffix>
fn is_public_suffix(base: &str, psl: &dyn PublicSuffixList) -> bool {
    public_suffix(&Host::Domain(base), psl) == Some(base)
}

fn validate_methods<'c>(config: &PolicyConfig<'c>, report: Report<'_, 'c>) {
    let setting = Setting::AllowedMethods;
    let methods = bounded(setting, config.allowed_methods, MAX_ALLOWED_METHODS, report);
    validate_list(config, setting, methods, method_rule, report);
    report_duplicates(setting, methods, |a, b| a == b, report);
    report_shadowed_by_star(setting, methods, |_| true, report);
}

fn method_rule(method: &str) -> Option<Rule> {
    let bytes = method.as_bytes();
    if bytes.len() > MAX_CONFIG_NAME_LEN {
        Some(Rule::NameTooLong)
    } else if !is_method(bytes) {
        Some(Rule::InvalidToken)
    } else if is_forbidden_method(bytes) {
        Some(Rule::ForbiddenMethod)
    } else if normalize_method(bytes) != bytes {
        Some(Rule::MethodNotNormalized)
    } else {
        None
    }
}

fn validate_request_headers<'c>(config: &PolicyConfig<'c>, report: Report<'_, 'c>) {
    let setting = Setting::AllowedRequestHeaders;
    let names = bounded(
        setting,
        config.allowed_request_headers,
        MAX_ALLOWED_REQUEST_HEADERS,
        report,
    );
    validate_list(config, setting, names, request_header_rule, report);
    report_duplicates(setting, names, str::eq_ignore_ascii_case, report);
    let covered = |name: &str| !is_cors_non_wildcard_request_header_name(name.as_bytes());
    report_shadowed_by_star(setting, names, covered, report);
}

fn request_header_rule(name: &str) -> Option<Rule> {
    let bytes = name.as_bytes();
    if bytes.len() > MAX_CONFIG_NAME_LEN {
        Some(Rule::NameTooLong)
    } else if !is_header_name(bytes) {
        Some(Rule::InvalidToken)
    } else if is_forbidden_request_header_name(bytes) || has_forbidden_request_header_prefix(bytes)
    {
        Some(Rule::ForbiddenRequestHeader)
    } else if is_method_override_header_name(bytes) {
        Some(Rule::MethodOverrideHeader)
    } else {
        None
    }
}

fn validate_exposed_headers<'c>(config: &PolicyConfig<'c>, report: Report<'_, 'c>) {
    let setting = Setting::ExposedResponseHeaders;
    let names = bounded(
        setting,
        config.exposed_response_headers,
        MAX_EXPOSED_RESPONSE_HEADERS,
        report,
    );
    validate_list(config, setting, names, exposed_header_rule, report);
    report_duplicates(setting, names, str::eq_ignore_ascii_case, report);
    report_shadowed_by_star(setting, names, |_| true, report);
    if let Some(overflow) = expose_headers_overflow(names) {
        report(text_problem(setting, overflow, Rule::ExposeHeadersTooLong));
    }
}

fn exposed_header_rule(name: &str) -> Option<Rule> {
    let bytes = name.as_bytes();
    if bytes.len() > MAX_CONFIG_NAME_LEN {
        Some(Rule::NameTooLong)
    } else if !is_header_name(bytes) {
        Some(Rule::InvalidToken)
    } else if is_forbidden_response_header_name(bytes) {
        Some(Rule::NeverExposedResponseHeader)
    } else if is_cors_safelisted_response_header_name(bytes) {
        Some(Rule::SafelistedResponseHeader)
    } else {
        None
    }
}

/// The first exposed name that does not fit in the joined `Access-Control-Expose-Headers`
/// value the policy stores, if any.
fn expose_headers_overflow<'c>(names: &[&'c str]) -> Option<&'c str> {
    if names.contains(&"*") {
        return None;
    }
    let mut len = 0usize;
    names.iter().copied().find(|name| {
        len += name.len() + if len == 0 { 0 } else { 2 };
        len > MAX_EXPOSE_HEADERS_VALUE_LEN
    })
}

/// Reports `*` with credentials, and the rule each other entry breaks.
fn validate_list<'c>(
    config: &PolicyConfig<'c>,
    setting: Setting,
    list: &'c [&'c str],
    rule_of: fn(&str) -> Option<Rule>,
    report: Report<'_, 'c>,
) {
    for &entry in list {
        let rule = if entry == "*" {
            config
                .allow_credentials
                .then_some(Rule::WildcardWithCredentials)
        } else {
            rule_of(entry)
        };
        if let Some(rule) = rule {
            report(text_problem(setting, entry, rule));
        }
    }
}

/// Reports each entry equal to an earlier one; lists are capped at a few dozen entries.
fn report_duplicates<'c>(
    setting: Setting,
    list: &'c [&'c str],
    same: fn(&str, &str) -> bool,
    report: Report<'_, 'c>,
) {
    for (i, &entry) in list.iter().enumerate() {
        let earlier = list.get(..i).unwrap_or_default();
        if let Some(&first) = earlier.iter().find(|&&other| same(other, entry)) {
            report(Problem {
                related: Some(first),
                ..text_problem(setting, entry, Rule::Duplicate)
            });
        }
    }
}

/// Reports each entry that a `*` in the same list already covers.
fn report_shadowed_by_star<'c>(
    setting: Setting,
    list: &'c [&'c str],
    covered: fn(&str) -> bool,
    report: Report<'_, 'c>,
) {
    if !list.contains(&"*") {
        return;
    }
    for &entry in list.iter().filter(|&&entry| entry != "*" && covered(entry)) {
        report(Problem {
            related: Some("*"),
            ..text_problem(setting, entry, Rule::Shadowed)
        });
    }
}

fn validate_numbers(config: &PolicyConfig<'_>, report: Report<'_, '_>) {
    if let Some(max_age) = config.max_age {
        let rule = if max_age < 0 {
            Some(Rule::NegativeMaxAge)
        } else {
            (max_age > MAX_AGE_WARNING_THRESHOLD).then_some(Rule::MaxAgeAboveBrowserCaps)
        };
        if let Some(rule) = rule {
            report(Problem::new(
                Setting::MaxAge,
                ProblemValue::Integer(max_age),
                rule,
            ));
        }
    }
    let status = config.preflight_success_status;
    if !(200..=299).contains(&status) {
        let value = ProblemValue::Integer(i64::from(status));
        report(Problem::new(
            Setting::PreflightSuccessStatus,
            value,
            Rule::NonOkStatus,
        ));
    }
}
