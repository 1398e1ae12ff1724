//! Configuration problems: which setting, which value, which rule, how severe, and which
//! misconfiguration class of `reference/security.md` §4 the rule closes.

use core::fmt;

use super::pattern::PatternError;

/// A setting of [`PolicyConfig`](super::PolicyConfig); [`Setting::key`] is its name in a
/// policy file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Setting {
    /// `allowed_origins`.
    AllowedOrigins,
    /// `allowed_methods`.
    AllowedMethods,
    /// `allowed_request_headers`.
    AllowedRequestHeaders,
    /// `exposed_response_headers`.
    ExposedResponseHeaders,
    /// `max_age`.
    MaxAge,
    /// `preflight_success_status`.
    PreflightSuccessStatus,
    /// `allow_null_origin`.
    AllowNullOrigin,
}

impl Setting {
    /// The setting's key in a policy file.
    pub const fn key(self) -> &'static str {
        match self {
            Self::AllowedOrigins => "allowed_origins",
            Self::AllowedMethods => "allowed_methods",
            Self::AllowedRequestHeaders => "allowed_request_headers",
            Self::ExposedResponseHeaders => "exposed_response_headers",
            Self::MaxAge => "max_age",
            Self::PreflightSuccessStatus => "preflight_success_status",
            Self::AllowNullOrigin => "allow_null_origin",
        }
    }
}

/// Whether a problem stops the policy from being built.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // two by design
pub enum Severity {
    /// The policy is not built.
    Error,
    /// The policy is built; the configuration probably does not do what was meant.
    Warning,
}

/// The rule a configured value breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// The origin pattern does not parse (error).
    InvalidPattern(PatternError),
    /// `null` is listed and `allow_null_origin` is not set (error, class 8).
    NullOrigin,
    /// `null` is allowed together with credentials (error, class 8).
    NullOriginWithCredentials,
    /// `*` together with `allow_credentials`, in any list (error, classes 1 and 2).
    WildcardWithCredentials,
    /// A cleartext (`http:`, `ws:`, `ftp:`) origin that is not loopback, with credentials,
    /// and `tolerate_insecure_origins` is not set (error, class 9).
    InsecureOriginWithCredentials,
    /// A subdomain wildcard directly over a public suffix (`https://*.github.io`) and
    /// `tolerate_public_suffix_wildcards` is not set (error, class 11).
    PublicSuffixWildcard,
    /// Not a `token`, so not a method or header name; it could also inject header syntax
    /// (error, class 13).
    InvalidToken,
    /// Longer than [`MAX_CONFIG_NAME_LEN`](crate::limits::MAX_CONFIG_NAME_LEN) bytes (error).
    NameTooLong,
    /// `CONNECT`, `TRACE` or `TRACK` (error).
    ForbiddenMethod,
    /// A forbidden request-header name, which script can never set (error).
    ForbiddenRequestHeader,
    /// A negative `max_age` (error).
    NegativeMaxAge,
    /// A preflight success status outside 200–299, which browsers treat as failure (error).
    NonOkStatus,
    /// The list is longer than its limit; entries past the limit are not examined (error).
    TooManyValues,
    /// The exposed names, joined, exceed
    /// [`MAX_EXPOSE_HEADERS_VALUE_LEN`](crate::limits::MAX_EXPOSE_HEADERS_VALUE_LEN) (error).
    ExposeHeadersTooLong,
    /// `allowed_origins` is empty: every CORS request is refused (warning).
    NoAllowedOrigins,
    /// The value is listed twice (warning).
    Duplicate,
    /// Every origin or name the value allows is already allowed by
    /// [`Problem::related`] (warning).
    Shadowed,
    /// `max_age` above 7200 s: Chromium caps at 7200 s and WebKit at 600 s; only Firefox
    /// honours up to 86400 s (warning).
    MaxAgeAboveBrowserCaps,
    /// The exposed name is a CORS-safelisted response-header name, readable anyway
    /// (warning).
    SafelistedResponseHeader,
    /// The exposed name is `Set-Cookie` or `Set-Cookie2`, which browsers never expose
    /// (warning).
    NeverExposedResponseHeader,
    /// The method is a case-insensitive match for one of `DELETE`, `GET`, `HEAD`, `OPTIONS`,
    /// `POST`, `PUT` but not uppercase: browsers normalize those to uppercase, so it never
    /// matches what a browser sends (warning).
    MethodNotNormalized,
    /// `X-HTTP-Method-Override` and relatives: a server honouring it lets cross-origin
    /// script use methods that `allowed_methods` does not list (warning, class 15).
    MethodOverrideHeader,
    /// `allow_null_origin` is set but `allowed_origins` does not list `null`, so it has no
    /// effect: `null` is still refused (warning).
    NullOriginOptInUnused,
}

impl Rule {
    /// Whether breaking the rule stops the build.
    pub const fn severity(self) -> Severity {
        match self {
            Self::NoAllowedOrigins
            | Self::Duplicate
            | Self::Shadowed
            | Self::MaxAgeAboveBrowserCaps
            | Self::SafelistedResponseHeader
            | Self::NeverExposedResponseHeader
            | Self::MethodNotNormalized
            | Self::MethodOverrideHeader
            | Self::NullOriginOptInUnused => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The misconfiguration class of `reference/security.md` §4 the rule closes, if any.
    pub const fn class(self) -> Option<u8> {
        match self {
            Self::InvalidPattern(e) => e.kind.class(),
            Self::NullOrigin | Self::NullOriginWithCredentials => Some(8),
            Self::WildcardWithCredentials => Some(2),
            Self::InsecureOriginWithCredentials => Some(9),
            Self::PublicSuffixWildcard => Some(11),
            Self::InvalidToken => Some(13),
            Self::MethodOverrideHeader => Some(15),
            _ => None,
        }
    }

    /// A one-line message.
    pub const fn message(self) -> &'static str {
        match self {
            Self::InvalidPattern(e) => e.kind.description(),
            Self::NullOrigin => {
                "\"null\" is sent by sandboxed frames, data: and file: pages and after redirects; set allow_null_origin to allow it"
            }
            Self::NullOriginWithCredentials => "\"null\" is never allowed with credentials",
            Self::WildcardWithCredentials => "\"*\" cannot be combined with allow_credentials",
            Self::InsecureOriginWithCredentials => {
                "a cleartext origin with credentials lets a network attacker read responses; set tolerate_insecure_origins to allow it"
            }
            Self::PublicSuffixWildcard => {
                "this wildcard trusts every site under a public suffix; set tolerate_public_suffix_wildcards to allow it"
            }
            Self::InvalidToken => "not a valid token",
            Self::NameTooLong => "name longer than the limit",
            Self::ForbiddenMethod => "CONNECT, TRACE and TRACK are forbidden methods",
            Self::ForbiddenRequestHeader => {
                "a forbidden request-header name: script never sends it"
            }
            Self::NegativeMaxAge => "max_age cannot be negative",
            Self::NonOkStatus => "a preflight succeeds only with a status from 200 to 299",
            Self::TooManyValues => "more values than the limit",
            Self::ExposeHeadersTooLong => "the exposed names, joined, exceed the limit",
            Self::NoAllowedOrigins => "no origin is allowed: every CORS request is refused",
            Self::Duplicate => "listed more than once",
            Self::Shadowed => "already covered by another entry",
            Self::MaxAgeAboveBrowserCaps => "above 7200 s, Chromium's cap (WebKit caps at 600 s)",
            Self::SafelistedResponseHeader => "a CORS-safelisted name is readable without exposure",
            Self::NeverExposedResponseHeader => "browsers never expose Set-Cookie or Set-Cookie2",
            Self::MethodNotNormalized => {
                "browsers send this method uppercase, and methods are compared case-sensitively"
            }
            Self::MethodOverrideHeader => {
                "a method-override header lets script use methods allowed_methods does not list"
            }
            Self::NullOriginOptInUnused => {
                "has no effect: allowed_origins does not list \"null\", which stays refused"
            }
        }
    }
}

/// The offending value of a [`Problem`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // settings are lists of text, numbers or flags
pub enum ProblemValue<'c> {
    /// An entry of a list, borrowed from the configuration.
    Text(&'c str),
    /// A number (`max_age`, `preflight_success_status`).
    Integer(i64),
    /// The list is empty.
    EmptyList,
    /// A flag (`allow_null_origin`).
    Flag(bool),
}

impl fmt::Display for ProblemValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(text) => write!(f, "{text:?}"),
            Self::Integer(value) => write!(f, "{value}"),
            Self::EmptyList => f.write_str("[]"),
            Self::Flag(value) => write!(f, "{value}"),
        }
    }
}

/// One configuration problem: a setting, its offending value and the rule it breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Problem<'c> {
    /// The setting.
    pub setting: Setting,
    /// The offending value.
    pub value: ProblemValue<'c>,
    /// The rule broken.
    pub rule: Rule,
    /// The other entry involved: the one a duplicate repeats or that shadows the value.
    pub related: Option<&'c str>,
}

impl<'c> Problem<'c> {
    /// A problem with no related entry.
    pub const fn new(setting: Setting, value: ProblemValue<'c>, rule: Rule) -> Self {
        Self {
            setting,
            value,
            rule,
            related: None,
        }
    }

    /// Error or warning.
    pub const fn severity(&self) -> Severity {
        self.rule.severity()
    }

    /// The misconfiguration class the rule closes, if any.
    pub const fn class(&self) -> Option<u8> {
        self.rule.class()
    }
}

impl fmt::Display for Problem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.setting.key(),
            self.value,
            self.rule.message()
        )?;
        if let Rule::InvalidPattern(e) = self.rule {
            write!(f, " (at byte {})", e.position)?;
        }
        if let Some(related) = self.related {
            write!(f, " ({related:?})")?;
        }
        Ok(())
    }
}

/// How many problems of each severity were reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ProblemCounts {
    /// Errors: the policy is not built.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
}

impl ProblemCounts {
    /// Counts `problem`.
    pub const fn count(&mut self, problem: &Problem<'_>) {
        match problem.severity() {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
    }
}
