use std::fmt;

use cors_core::browser::diagnostics::BlockReason;
use cors_core::browser::request::{
    Disposition, FetchInput, Guard, PreflightRequest as RequestPreflight, RedirectMode,
    RequestMode, Verdict, classify_fetch, guard_set, is_forbidden_request_header,
};
use cors_core::browser::response::{
    ExposedHeaders, PreflightCache, PreflightedRequest, Timestamp, cors_check,
    validate_preflight_response,
};
use cors_core::browser::{CredentialsMode, Profile};
use cors_core::http::BoundedHeaders;
use cors_core::http::method::is_forbidden_method;
use cors_core::http::split::{SplitItem, get_decode_split};
use cors_core::{OpaqueId, Origin, parse_origin_or_null};

/// The groups, in the file's order, with how many vectors each has (cors-vectors.json,
/// 2026-07): 311 vectors. [`assert_table`] checks a table's row count against it, so a
/// lost row fails.
pub const GROUPS: [(&str, usize); 15] = [
    ("request_header_safelist", 42),
    ("not_cors_safelisted", 13),
    ("no_preflight_requests", 11),
    ("preflight_star", 34),
    ("preflight_requests", 20),
    ("preflight_response_validation", 2),
    ("preflight_cache", 1),
    ("cors_check_origin", 17),
    ("cors_check_credentials_spec_table", 7),
    ("response_filtering", 19),
    ("expose_star", 3),
    ("forbidden_request_headers", 96),
    ("forbidden_methods", 6),
    ("no_cors_headers_guard", 28),
    ("get_decode_split_spec_examples", 12),
];

/// How many vectors `group` has, if it is one of [`GROUPS`].
pub fn group_size(group: &str) -> Option<usize> {
    GROUPS.iter().find(|(g, _)| *g == group).map(|(_, n)| *n)
}

/// Which expectation of a vector a check holds the model to, and in which profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// What the Fetch Standard says: `fetch_spec_2026_07_*` where the vector has it,
    /// else its only expectation (the file records a difference wherever there is
    /// one). Run in [`Profile::Spec`].
    Spec,
    /// What web-platform-tests expect (`wpt_expect_*`, `expect_*`). Run in
    /// [`Profile::Chromium`], the browser those tests are run against.
    Wpt,
}

impl Reading {
    /// Both readings, the standard's first.
    pub const ALL: [Self; 2] = [Self::Spec, Self::Wpt];

    /// The profile the reading runs in.
    pub const fn profile(self) -> Profile {
        match self {
            Self::Spec => Profile::Spec,
            Self::Wpt => Profile::Chromium,
        }
    }

    /// `spec` or `wpt`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Spec => "spec",
            Self::Wpt => "wpt",
        }
    }
}

impl fmt::Display for Reading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One vector of a group.
pub trait Vector {
    /// A short description naming the vector; [`EXPECTED_FAILURES`] is keyed by it.
    fn key(&self) -> String;
    /// Runs the vector through the browser model under `reading`; `Err` says what
    /// differs from the vector.
    fn check(&self, reading: Reading) -> Result<(), String>;
}

/// A check known not to pass: which vector, under which reading, and why.
#[derive(Clone, Copy, Debug)]
pub struct ExpectedFailure {
    /// The vector's group.
    pub group: &'static str,
    /// The vector's [`Vector::key`].
    pub key: &'static str,
    /// The reading that does not pass.
    pub reading: Reading,
    /// Why it does not pass.
    pub reason: &'static str,
}

/// The checks known not to pass. A listed check that passes, or a listed vector that
/// no longer exists, fails the run: remove the entry.
pub const EXPECTED_FAILURES: [ExpectedFailure; 3] = [
    ExpectedFailure {
        group: "request_header_safelist",
        key: r#"POST [("last-event-id", "abc123")] with a string body"#,
        reading: Reading::Wpt,
        reason: "web-platform-tests expect Last-Event-ID to be CORS-safelisted (wpt PR \
                 #49257), but whatwg/fetch PR #1788 that would add it is unmerged (Fetch \
                 2026-07 preflights: the spec reading passes) and Chromium 156 does not \
                 safelist it either (recorded: rc-last-event-id-* in \
                 tests/data/scenarios/chromium-recorded.jsonl), so no profile safelists it",
    },
    ExpectedFailure {
        group: "preflight_star",
        key: r#"POST [("Authorization", "123")] credentials same-origin; ACAM Some("*") ACAH Some("*") ACAO Some("*") ACAC None"#,
        reading: Reading::Wpt,
        reason: AUTHORIZATION_WILDCARD,
    },
    ExpectedFailure {
        group: "preflight_requests",
        key: r#"GET [("authorization", "foobar")]; ACAM None ACAH Some("*")"#,
        reading: Reading::Wpt,
        reason: AUTHORIZATION_WILDCARD,
    },
];

/// Why the web-platform-tests expectation that `Access-Control-Allow-Headers: *` does
/// not cover `Authorization` fails in the Chromium profile.
const AUTHORIZATION_WILDCARD: &str = "web-platform-tests and the Fetch text (Authorization \
    is a CORS non-wildcard request-header name: the spec reading passes) refuse \
    `Access-Control-Allow-Headers: *` for Authorization, but Chromium 156 lets `*` cover \
    it without credentials (recorded: rc-auth-acah-star-omit, \
    rc-auth-acah-star-same-origin; whatwg/fetch#1919) and the Chromium profile reproduces \
    that (DEV-CHROMIUM-AUTHORIZATION-WILDCARD)";

/// What one check of one vector came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The model agrees with the vector.
    Passed,
    /// The model disagrees, and the check is not listed.
    Failed(String),
    /// The model disagrees, as [`EXPECTED_FAILURES`] says it does.
    ExpectedFailure {
        /// What differs.
        message: String,
        /// The listed reason.
        reason: &'static str,
    },
    /// A listed check passes.
    UnexpectedPass,
}

impl Outcome {
    /// Whether the outcome fails a run ([`Outcome::Failed`] or [`Outcome::UnexpectedPass`]).
    pub const fn is_failure(&self) -> bool {
        matches!(self, Self::Failed(_) | Self::UnexpectedPass)
    }
}

/// The listed expected failure for (`group`, `key`, `reading`), if any.
pub fn expected_failure(group: &str, key: &str, reading: Reading) -> Option<ExpectedFailure> {
    EXPECTED_FAILURES
        .iter()
        .find(|f| f.group == group && f.key == key && f.reading == reading)
        .copied()
}

/// Checks `vector` under `reading` and weighs the result against [`EXPECTED_FAILURES`].
pub fn judge<V: Vector + ?Sized>(group: &str, vector: &V, reading: Reading) -> Outcome {
    let listed = expected_failure(group, &vector.key(), reading);
    match (vector.check(reading), listed) {
        (Ok(()), None) => Outcome::Passed,
        (Ok(()), Some(_)) => Outcome::UnexpectedPass,
        (Err(message), None) => Outcome::Failed(message),
        (Err(message), Some(listed)) => Outcome::ExpectedFailure {
            message,
            reason: listed.reason,
        },
    }
}

/// The listed expected failures of `group` whose vector is not among `keys`.
pub fn stale_expected_failures(group: &str, keys: &[String]) -> Vec<ExpectedFailure> {
    EXPECTED_FAILURES
        .iter()
        .filter(|f| f.group == group && !keys.iter().any(|k| k == f.key))
        .copied()
        .collect()
}

/// Runs every row of a committed table under both readings; panics listing every
/// problem: a row count other than the group's, a failing check that is not listed, a
/// listed check that passes, a listed vector no row has.
pub fn assert_table<V: Vector>(group: &str, rows: &[V]) {
    let mut problems = Vec::new();
    let want = group_size(group);
    if want != Some(rows.len()) {
        problems.push(format!(
            "{} rows; the group has {want:?} vectors",
            rows.len()
        ));
    }
    for row in rows {
        for reading in Reading::ALL {
            match judge(group, row, reading) {
                Outcome::Passed | Outcome::ExpectedFailure { .. } => {}
                Outcome::Failed(message) => {
                    problems.push(format!("[{reading}] {}: {message}", row.key()));
                }
                Outcome::UnexpectedPass => problems.push(format!(
                    "[{reading}] {}: passes but is listed in EXPECTED_FAILURES",
                    row.key()
                )),
            }
        }
    }
    let keys: Vec<String> = rows.iter().map(Vector::key).collect();
    for stale in stale_expected_failures(group, &keys) {
        problems.push(format!(
            "listed expected failure without a row: {}",
            stale.key
        ));
    }
    assert!(problems.is_empty(), "{group}:\n{}", problems.join("\n"));
}

// ---- Requests ------------------------------------------------------------------------

/// The request's origin of the vectors that do not name one (any origin other than the
/// URL's will do: the vectors are about cross-origin requests).
pub const PAGE_ORIGIN: &str = "https://page.example";

/// The origin of the URL fetched by the vectors that do not name one.
pub const API_ORIGIN: &str = "https://api.example";

/// The `Content-Type` that extracting a string body gives; the `Request` constructor
/// appends it when the script set no `Content-Type`.
///
/// <https://fetch.spec.whatwg.org/#concept-bodyinit-extract>
pub const STRING_BODY_CONTENT_TYPE: &str = "text/plain;charset=UTF-8";

/// A header as the vectors write it.
pub type Pair<'a> = (&'a str, &'a str);

/// A header list as bytes, as the model takes it.
pub(crate) type BytePairs<'p> = &'p [(&'p [u8], &'p [u8])];

/// A script's `fetch()`: what the request side needs to classify it.
#[derive(Clone, Copy, Debug)]
pub struct Fetch<'a> {
    /// The request's origin, serialized.
    pub origin: &'a str,
    /// The URL's origin, serialized; its scheme is the URL's.
    pub target: &'a str,
    /// `init.method`, as passed.
    pub method: &'a str,
    /// `init.headers`, in order.
    pub headers: &'a [Pair<'a>],
    /// Whether `init.body` is a string (so `Content-Type` defaults to
    /// [`STRING_BODY_CONTENT_TYPE`]).
    pub string_body: bool,
    /// `init.mode`.
    pub mode: RequestMode,
    /// `init.credentials`.
    pub credentials: CredentialsMode,
}

/// What the request side decided about a [`Fetch`], owned.
#[derive(Clone, Debug)]
pub struct Classified {
    /// Main fetch's verdict.
    pub verdict: Verdict,
    /// The request's method, normalized.
    pub method: String,
    /// The request's header list after the guard, as (name, value).
    pub headers: Vec<(String, String)>,
    /// With a preflight, the preflight's `Access-Control-Request-Method`.
    pub request_method: Option<String>,
    /// With a preflight, its `Access-Control-Request-Headers` (`None` when absent).
    pub request_headers: Option<String>,
}

impl Classified {
    /// Whether main fetch makes a CORS-preflight request.
    pub const fn preflight(&self) -> bool {
        matches!(self.verdict, Verdict::CorsWithPreflight(_))
    }

    /// "get" of `name` in the header list: the values joined by `, `, `None` when absent.
    pub fn get(&self, name: &str) -> Option<String> {
        let values: Vec<&str> = self
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    }
}

/// Bytes as text, each byte one code point (the vectors' strings are ASCII).
pub(crate) fn text(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

impl<'a> Fetch<'a> {
    /// A `fetch()` from [`PAGE_ORIGIN`] to [`API_ORIGIN`] with mode `cors`, credentials
    /// `same-origin` and no body.
    pub const fn new(method: &'a str, headers: &'a [Pair<'a>]) -> Self {
        Self {
            origin: PAGE_ORIGIN,
            target: API_ORIGIN,
            method,
            headers,
            string_body: false,
            mode: RequestMode::Cors,
            credentials: CredentialsMode::SameOrigin,
        }
    }

    /// The script's header pairs as bytes, with the body's `Content-Type` appended as
    /// the `Request` constructor does (the guard never drops `Content-Type`, so testing
    /// the script's pairs is testing the header list).
    pub(crate) fn pairs(&self) -> Vec<(&'a [u8], &'a [u8])> {
        let mut pairs: Vec<(&'a [u8], &'a [u8])> = self
            .headers
            .iter()
            .map(|(n, v)| (n.as_bytes(), v.as_bytes()))
            .collect();
        let has_type = pairs
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(b"content-type"));
        if self.string_body && !has_type {
            pairs.push((b"Content-Type", STRING_BODY_CONTENT_TYPE.as_bytes()));
        }
        pairs
    }

    /// The `FetchInput` of this fetch over `pairs` (from [`Fetch::pairs`]).
    pub(crate) fn input<'p>(
        &self,
        pairs: &'p [(&'p [u8], &'p [u8])],
        profile: Profile,
    ) -> Result<FetchInput<'p, BytePairs<'p>>, String>
    where
        'a: 'p,
    {
        let origin = parse_origin(self.origin)?;
        let target = parse_origin(self.target)?;
        let url_scheme = match target {
            Origin::Tuple(tuple) => tuple.scheme,
            Origin::Opaque(_) => return Err(format!("target {:?} is opaque", self.target)),
        };
        Ok(FetchInput {
            origin,
            url_scheme,
            url_origin: target,
            method: self.method.as_bytes(),
            headers: pairs,
            mode: self.mode,
            credentials: self.credentials,
            redirect: RedirectMode::Follow,
            use_cors_preflight: false,
            profile,
        })
    }

    /// Classifies the fetch in `profile`; `Err` is the `TypeError` (or a bad origin).
    pub fn classify(&self, profile: Profile) -> Result<Classified, String> {
        let pairs = self.pairs();
        let c = classify_fetch(self.input(&pairs, profile)?)
            .map_err(|e| format!("fetch() throws: {e}"))?;
        let preflight = c.preflight();
        Ok(Classified {
            verdict: c.verdict(),
            method: text(c.method()),
            headers: c
                .headers()
                .iter()
                .map(|(n, v)| (text(n), text(v)))
                .collect(),
            request_method: preflight
                .as_ref()
                .map(|p| text(p.access_control_request_method())),
            request_headers: preflight
                .as_ref()
                .and_then(|p| p.access_control_request_headers().map(|v| v.to_string())),
        })
    }
}

/// The origin serialized as `value`.
pub(crate) fn parse_origin(value: &str) -> Result<Origin<'_>, String> {
    parse_origin_or_null(value.as_bytes())
        .map(|o| o.to_origin(OpaqueId(0)))
        .map_err(|e| format!("origin {value:?}: {e}"))
}

/// A `fetch()` that is or is not preflighted (groups `request_header_safelist`,
/// `not_cors_safelisted`, `no_preflight_requests`): mode `cors`, from [`PAGE_ORIGIN`]
/// to [`API_ORIGIN`].
///
/// Besides the verdict, a preflight must ask for exactly the vector's header names
/// (lowercased, sorted): in these groups the method is `GET`, `HEAD` or `POST` and a
/// string body's `Content-Type` is safelisted, so the vector's header is the only cause.
#[derive(Clone, Copy, Debug)]
pub struct PreflightVector<'a> {
    /// `init.method`.
    pub method: &'a str,
    /// `init.headers`.
    pub headers: &'a [Pair<'a>],
    /// Whether the request has a string body (`"body": "data"`).
    pub string_body: bool,
    /// Whether the Fetch Standard preflights (`fetch_spec_2026_07_expect_preflight`,
    /// else `expect_preflight`).
    pub spec_preflight: bool,
    /// Whether web-platform-tests expect a preflight (`wpt_expect_preflight`, else
    /// `expect_preflight`).
    pub wpt_preflight: bool,
}

impl Vector for PreflightVector<'_> {
    fn key(&self) -> String {
        let body = if self.string_body {
            " with a string body"
        } else {
            ""
        };
        format!("{} {:?}{body}", self.method, self.headers)
    }

    fn check(&self, reading: Reading) -> Result<(), String> {
        let want = match reading {
            Reading::Spec => self.spec_preflight,
            Reading::Wpt => self.wpt_preflight,
        };
        let fetch = Fetch {
            string_body: self.string_body,
            ..Fetch::new(self.method, self.headers)
        };
        let got = fetch.classify(reading.profile())?;
        if !matches!(got.verdict, Verdict::Cors | Verdict::CorsWithPreflight(_)) {
            return Err(format!("verdict {:?}, not a CORS request", got.verdict));
        }
        if got.preflight() != want {
            return Err(format!(
                "preflight: got {}, want {want} ({:?})",
                got.preflight(),
                got.verdict
            ));
        }
        if want {
            let mut names: Vec<String> = self
                .headers
                .iter()
                .map(|(n, _)| n.to_ascii_lowercase())
                .collect();
            names.sort();
            names.dedup();
            let names = names.join(",");
            if got.request_headers.as_deref() != Some(names.as_str()) {
                return Err(format!(
                    "Access-Control-Request-Headers: got {:?}, want {names:?}",
                    got.request_headers
                ));
            }
        }
        Ok(())
    }
}

/// The value a forbidden-request-header vector without one is tested with; the rules
/// such vectors exercise (the listed names, the `Proxy-` and `Sec-` prefixes) do not
/// read the value.
pub const NAME_ONLY_VALUE: &str = "value";

/// A forbidden request-header, or not (group `forbidden_request_headers`): the model's
/// predicate, and a `fetch()` whose `request` guard drops the header exactly when it is
/// forbidden.
#[derive(Clone, Copy, Debug)]
pub struct ForbiddenHeaderVector<'a> {
    /// The header's name.
    pub name: &'a str,
    /// The header's value; `None` when the vector gives none ([`NAME_ONLY_VALUE`]).
    pub value: Option<&'a str>,
    /// Whether (name, value) is a forbidden request-header.
    pub forbidden: bool,
}

impl Vector for ForbiddenHeaderVector<'_> {
    fn key(&self) -> String {
        match self.value {
            Some(value) => format!("{}: {value:?}", self.name),
            None => self.name.to_owned(),
        }
    }

    fn check(&self, reading: Reading) -> Result<(), String> {
        let value = self.value.unwrap_or(NAME_ONLY_VALUE);
        let predicate = is_forbidden_request_header(self.name.as_bytes(), value.as_bytes());
        if predicate != self.forbidden {
            return Err(format!(
                "is_forbidden_request_header: got {predicate}, want {}",
                self.forbidden
            ));
        }
        let pairs = [(self.name, value)];
        let got = Fetch::new("GET", &pairs).classify(reading.profile())?;
        let kept = got.get(self.name).is_some();
        if kept == self.forbidden {
            return Err(format!(
                "the request guard {} the header",
                if kept { "kept" } else { "dropped" }
            ));
        }
        Ok(())
    }
}

/// A forbidden method, or not (group `forbidden_methods`): the model's predicate, and
/// `fetch()` throwing a `TypeError` exactly when it is forbidden.
#[derive(Clone, Copy, Debug)]
pub struct ForbiddenMethodVector<'a> {
    /// `init.method`.
    pub method: &'a str,
    /// Whether it is a forbidden method.
    pub forbidden: bool,
}

impl Vector for ForbiddenMethodVector<'_> {
    fn key(&self) -> String {
        self.method.to_owned()
    }

    fn check(&self, reading: Reading) -> Result<(), String> {
        let predicate = is_forbidden_method(self.method.as_bytes());
        if predicate != self.forbidden {
            return Err(format!(
                "is_forbidden_method: got {predicate}, want {}",
                self.forbidden
            ));
        }
        let thrown = Fetch::new(self.method, &[])
            .classify(reading.profile())
            .is_err();
        if thrown != self.forbidden {
            return Err(format!(
                "fetch() throws: got {thrown}, want {}",
                self.forbidden
            ));
        }
        Ok(())
    }
}

/// A `Headers` object with guard `request-no-cors` (group `no_cors_headers_guard`): the
/// headers of `new Request(url, {mode: "no-cors"})`, filled from the script's pairs.
#[derive(Clone, Copy, Debug)]
pub enum NoCorsGuardVector<'a> {
    /// Appending `appends` in turn leaves "get" of `name` at `after_each_append` after
    /// every append; then `set(name, set_value)` leaves it at `after_set`.
    Appends {
        /// The header's name.
        name: &'a str,
        /// The values appended, in order (`append_sequence`).
        appends: &'a [&'a str],
        /// "get" after each append (`expect_value_after_each_append`).
        after_each_append: &'a str,
        /// The value then set (`set_value`).
        set_value: &'a str,
        /// "get" after the set (`expect_value_after_set`).
        after_set: &'a str,
    },
    /// Neither `append(name, value)` nor `set(name, value)` keeps the header
    /// (`expect_present_after_append_or_set: false`).
    Dropped {
        /// The header's name.
        name: &'a str,
        /// Its value.
        value: &'a str,
    },
}

/// `value`, or its first 16 bytes and its length when longer than 24 bytes.
pub fn abbreviate(value: &str) -> String {
    match value.get(..16) {
        Some(start) if value.len() > 24 => format!("{start:?}…({} bytes)", value.len()),
        _ => format!("{value:?}"),
    }
}

impl NoCorsGuardVector<'_> {
    /// "get" of `name` after a no-CORS request is made with `pairs`.
    fn get_after(
        name: &str,
        pairs: &[Pair<'_>],
        profile: Profile,
    ) -> Result<Option<String>, String> {
        let fetch = Fetch {
            mode: RequestMode::NoCors,
            ..Fetch::new("GET", pairs)
        };
        let got = fetch.classify(profile)?;
        if got.verdict != Verdict::Opaque {
            return Err(format!("verdict {:?}, not opaque", got.verdict));
        }
        Ok(got.get(name))
    }

    /// "get" of `name` after `set(name, value)` on headers where "get" was `previous`.
    fn get_after_set(
        name: &str,
        value: &str,
        previous: Option<String>,
        profile: Profile,
    ) -> Result<Option<String>, String> {
        let (normalized, disposition) = guard_set(
            Guard::RequestNoCors,
            name.as_bytes(),
            value.as_bytes(),
            profile,
        )
        .map_err(|e| format!("set throws: {e:?}"))?;
        Ok(match disposition {
            Disposition::Kept => Some(text(normalized)),
            _ => previous,
        })
    }
}

impl Vector for NoCorsGuardVector<'_> {
    fn key(&self) -> String {
        match *self {
            Self::Appends { name, appends, .. } => {
                let appends: Vec<String> = appends.iter().map(|v| abbreviate(v)).collect();
                format!("{name}: append {}", appends.join(", "))
            }
            Self::Dropped { name, value } => format!("{name}: {}", abbreviate(value)),
        }
    }

    fn check(&self, reading: Reading) -> Result<(), String> {
        let profile = reading.profile();
        match *self {
            Self::Appends {
                name,
                appends,
                after_each_append,
                set_value,
                after_set,
            } => {
                let pairs: Vec<Pair<'_>> = appends.iter().map(|v| (name, *v)).collect();
                let mut previous = None;
                for count in 1..=pairs.len() {
                    let got = Self::get_after(name, &pairs[..count], profile)?;
                    if got.as_deref() != Some(after_each_append) {
                        return Err(format!(
                            "after append {count}: got {:?}, want {}",
                            got.as_deref().map(abbreviate),
                            abbreviate(after_each_append)
                        ));
                    }
                    previous = got;
                }
                let got = Self::get_after_set(name, set_value, previous, profile)?;
                if got.as_deref() != Some(after_set) {
                    return Err(format!(
                        "after set: got {:?}, want {}",
                        got.as_deref().map(abbreviate),
                        abbreviate(after_set)
                    ));
                }
                Ok(())
            }
            Self::Dropped { name, value } => {
                if let Some(got) = Self::get_after(name, &[(name, value)], profile)? {
                    return Err(format!("append kept it: get is {}", abbreviate(&got)));
                }
                if let Some(got) = Self::get_after_set(name, value, None, profile)? {
                    return Err(format!("set kept it: get is {}", abbreviate(&got)));
                }
                Ok(())
            }
        }
    }
}

/// Get, decode, and split over a header list (group `get_decode_split_spec_examples`,
/// the standard's examples).
#[derive(Clone, Copy, Debug)]
pub struct DecodeSplitVector<'a> {
    /// The header list as `Name: value` lines.
    pub lines: &'a [&'a str],
    /// The name to get.
    pub name: &'a str,
    /// The items; `None` for null (the header is absent).
    pub expect: Option<&'a [&'a str]>,
}

impl Vector for DecodeSplitVector<'_> {
    fn key(&self) -> String {
        format!("{} in {:?}", self.name, self.lines)
    }

    fn check(&self, _reading: Reading) -> Result<(), String> {
        let mut pairs = Vec::new();
        for line in self.lines {
            let (name, value) = line
                .split_once(':')
                .ok_or_else(|| format!("{line:?} is not a header line"))?;
            pairs.push((name.as_bytes(), value.as_bytes()));
        }
        let headers = BoundedHeaders::new(&pairs[..]).map_err(|e| e.to_string())?;
        let got = match get_decode_split(&headers, self.name.as_bytes()) {
            None => None,
            Some(mut split) => {
                let mut items = Vec::new();
                // Every item but the last ends at a comma: the loop is bounded.
                while let Some(item) = split.next_item() {
                    match item {
                        SplitItem::Item(bytes) => items.push(text(bytes)),
                        SplitItem::TooLong => return Err("an item is too long".to_owned()),
                    }
                }
                Some(items)
            }
        };
        let want: Option<Vec<String>> = self
            .expect
            .map(|items| items.iter().map(|s| (*s).to_owned()).collect());
        if got != want {
            return Err(format!("got {got:?}, want {want:?}"));
        }
        Ok(())
    }
}

// ---- Responses -----------------------------------------------------------------------

/// What the vectors write for the request's serialized origin in a response header.
pub const REQUEST_ORIGIN_PLACEHOLDERS: [&str; 2] =
    ["<request origin>", "<serialized request origin>"];

/// What `cors_check_origin` writes for the serialized origin of the URL fetched.
pub const TARGET_ORIGIN_PLACEHOLDER: &str =
    "<serialized origin of the target URL (not the requester)>";

/// `value` with a placeholder replaced by the serialized origin it stands for.
pub fn substitute<'v>(value: &'v str, origin: &'v str, target: &'v str) -> &'v str {
    if REQUEST_ORIGIN_PLACEHOLDERS.contains(&value) {
        origin
    } else if value == TARGET_ORIGIN_PLACEHOLDER {
        target
    } else {
        value
    }
}

/// A header list the server sends.
pub type Headers = Vec<(String, String)>;

/// A header list with `name: value` appended when `value` is not `None`.
fn push_header(headers: &mut Headers, name: &str, value: Option<&str>) {
    if let Some(value) = value {
        headers.push((name.to_owned(), value.to_owned()));
    }
}

/// The server's answers to one fetch, both with status 200.
#[derive(Clone, Debug, Default)]
pub struct Server {
    /// The headers of the response to a CORS-preflight request; `None` when the vector
    /// gives none (a preflight then fails the check).
    pub preflight: Option<Headers>,
    /// The headers of the response to the request itself.
    pub response: Headers,
}

/// The CORS-preflight cache of the vectors: one (network partition key, origin, URL),
/// so the key is `()`.
pub type Cache = PreflightCache<(), 64>;

/// The CORS-preflight request a fetch sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentPreflight {
    /// Its method (`OPTIONS`).
    pub method: String,
    /// Its `Accept`.
    pub accept: String,
    /// Its `Access-Control-Request-Method`.
    pub request_method: String,
    /// Its `Access-Control-Request-Headers`, `None` when absent.
    pub request_headers: Option<String>,
}

impl SentPreflight {
    /// The field of `expect_preflight_request` named `field`: `method`, `Accept` or an
    /// `Access-Control-Request-*` header; `Err` for any other.
    pub fn field(&self, field: &str) -> Result<Option<&str>, String> {
        match field {
            "method" => Ok(Some(&self.method)),
            "Accept" => Ok(Some(&self.accept)),
            "Access-Control-Request-Method" => Ok(Some(&self.request_method)),
            "Access-Control-Request-Headers" => Ok(self.request_headers.as_deref()),
            other => Err(format!("no preflight request field {other:?}")),
        }
    }
}

/// Why a fetch was blocked: the Chromium `corsError` name and the model's reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blocked {
    /// [`BlockReason::chromium_cors_error`].
    pub name: &'static str,
    /// The reason, as `Debug` writes it.
    pub detail: String,
}

impl Blocked {
    fn new(reason: &BlockReason<'_>) -> Self {
        Self {
            name: reason.chromium_cors_error(),
            detail: format!("{reason:?}"),
        }
    }
}

/// What a fetch came to: the preflight sent (if any), the block (if any), and on
/// success the headers of the CORS-filtered response.
#[derive(Clone, Debug)]
pub struct Exchange {
    /// The request's method, normalized.
    pub method: String,
    /// The CORS-preflight request, when one was sent.
    pub preflight: Option<SentPreflight>,
    /// Why the fetch was blocked; `None` when the response is shared.
    pub blocked: Option<Blocked>,
    /// The CORS-filtered response's headers, in order (empty when blocked).
    pub exposed: Headers,
}

impl Exchange {
    /// "get" of `name` on the CORS-filtered response's headers.
    pub fn get(&self, name: &str) -> Option<String> {
        let values: Vec<&str> = self
            .exposed
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    }

    /// `Ok` when the fetch succeeded as `want` says; else what happened.
    pub fn expect_success(&self, want: bool) -> Result<(), String> {
        match (&self.blocked, want) {
            (None, true) | (Some(_), false) => Ok(()),
            (None, false) => Err("the response is shared; want a network error".to_owned()),
            (Some(blocked), true) => Err(format!("blocked: {}", blocked.detail)),
        }
    }
}

fn byte_pairs(headers: &Headers) -> Vec<(&[u8], &[u8])> {
    headers
        .iter()
        .map(|(n, v)| (n.as_bytes(), v.as_bytes()))
        .collect()
}

impl Fetch<'_> {
    /// Runs the fetch against `server` in `profile`: main fetch's verdict, then, for a
    /// CORS-with-preflight fetch the preflight cache is not enough for, the
    /// CORS-preflight request and the validation of its response (stored in `cache`),
    /// then the CORS check of the response and the CORS-filtered response. `cache` is
    /// the cache and the current time in seconds; without it every preflight is sent.
    /// `Err` is a `TypeError` from `fetch()` or a vector the model cannot run.
    ///
    /// <https://fetch.spec.whatwg.org/#main-fetch>, <https://fetch.spec.whatwg.org/#http-fetch>
    pub fn exchange(
        &self,
        server: &Server,
        profile: Profile,
        mut cache: Option<(&mut Cache, u64)>,
    ) -> Result<Exchange, String> {
        let pairs = self.pairs();
        let c = classify_fetch(self.input(&pairs, profile)?)
            .map_err(|e| format!("fetch() throws: {e}"))?;
        let mut serialized = String::new();
        c.write_serialized_origin(&mut serialized)
            .map_err(|e| e.to_string())?;
        let mut exchange = Exchange {
            method: text(c.method()),
            preflight: None,
            blocked: None,
            exposed: Vec::new(),
        };
        match c.verdict() {
            Verdict::Cors => {}
            Verdict::CorsWithPreflight(_) => {
                let names: Vec<&[u8]> = c.unsafe_names().names().collect();
                let request = PreflightedRequest {
                    method: c.method(),
                    unsafe_header_names: names.iter().copied(),
                    has_authorization: c.headers().values(b"authorization").next().is_some(),
                    credentials: self.credentials,
                    use_cors_preflight: false,
                    serialized_origin: serialized.as_bytes(),
                };
                let needed = match &cache {
                    Some((cache, now)) => {
                        cache.needs_preflight(&(), &request, Timestamp(*now), profile)
                    }
                    None => true,
                };
                if needed {
                    let sent = c
                        .preflight()
                        .ok_or_else(|| "a preflight verdict without a preflight".to_owned())?;
                    exchange.preflight = Some(SentPreflight {
                        method: text(RequestPreflight::<std::iter::Empty<_>>::METHOD),
                        accept: text(RequestPreflight::<std::iter::Empty<_>>::ACCEPT),
                        request_method: text(sent.access_control_request_method()),
                        request_headers: sent
                            .access_control_request_headers()
                            .map(|v| v.to_string()),
                    });
                    let answer = server.preflight.as_ref().ok_or_else(|| {
                        "a preflight was sent and the vector has no answer to it".to_owned()
                    })?;
                    let answer = byte_pairs(answer);
                    let headers = BoundedHeaders::new(&answer[..]).map_err(|e| e.to_string())?;
                    match validate_preflight_response(&request, 200, &headers, profile) {
                        Ok(grant) => {
                            if let Some((cache, now)) = cache.as_mut() {
                                cache.store(&(), &grant, Timestamp(*now), profile);
                            }
                        }
                        Err(reason) => {
                            // Main fetch clears the cache entries on a network error.
                            if let Some((cache, _)) = cache.as_mut() {
                                cache.clear(&());
                            }
                            exchange.blocked = Some(Blocked::new(&reason));
                            return Ok(exchange);
                        }
                    }
                }
            }
            other => return Err(format!("verdict {other:?}, not a CORS request")),
        }
        let response = byte_pairs(&server.response);
        let headers = BoundedHeaders::new(&response[..]).map_err(|e| e.to_string())?;
        if let Err(failure) = cors_check(&headers, serialized.as_bytes(), self.credentials) {
            if let Some((cache, _)) = cache.as_mut() {
                cache.clear(&());
            }
            exchange.blocked = Some(Blocked::new(&BlockReason::CorsCheck(failure)));
            return Ok(exchange);
        }
        exchange.exposed = ExposedHeaders::new(&headers, self.credentials)
            .filtered()
            .map(|(n, v)| (text(n), text(v)))
            .collect();
        Ok(exchange)
    }
}

/// `credentials` as the vectors write it (`omit`, `same-origin`, `include`).
fn credentials_name(mode: CredentialsMode) -> &'static str {
    mode.as_str()
}

/// A fetch through a preflight whose response grants with `*` or by name (group
/// `preflight_star`, web-platform-tests `cors-preflight-star.any.js`). The server sends
/// the vector's four headers (`null`: absent; `<request origin>`: the request's
/// serialized origin) on the preflight response and its `Access-Control-Allow-Origin`
/// and `-Credentials` on the response.
#[derive(Clone, Copy, Debug)]
pub struct PreflightStarVector<'a> {
    /// `init.method`.
    pub init_method: &'a str,
    /// The request's method after normalization.
    pub normalized_method: &'a str,
    /// `init.credentials`.
    pub credentials: CredentialsMode,
    /// `init.headers`.
    pub headers: &'a [Pair<'a>],
    /// `Access-Control-Allow-Methods`.
    pub allow_methods: Option<&'a str>,
    /// `Access-Control-Allow-Headers`.
    pub allow_headers: Option<&'a str>,
    /// `Access-Control-Allow-Origin`.
    pub allow_origin: Option<&'a str>,
    /// `Access-Control-Allow-Credentials`.
    pub allow_credentials: Option<&'a str>,
    /// Whether the Fetch Standard sends a preflight (`preflight_needed_per_spec`).
    pub preflight: bool,
    /// Whether the fetch succeeds (`expect_success`).
    pub success: bool,
}

impl Vector for PreflightStarVector<'_> {
    fn key(&self) -> String {
        format!(
            "{} {:?} credentials {}; ACAM {:?} ACAH {:?} ACAO {:?} ACAC {:?}",
            self.init_method,
            self.headers,
            credentials_name(self.credentials),
            self.allow_methods,
            self.allow_headers,
            self.allow_origin,
            self.allow_credentials
        )
    }

    fn check(&self, reading: Reading) -> Result<(), String> {
        let fetch = Fetch {
            credentials: self.credentials,
            ..Fetch::new(self.init_method, self.headers)
        };
        fn origin(value: Option<&str>) -> Option<&str> {
            value.map(|v| substitute(v, PAGE_ORIGIN, ""))
        }
        let mut preflight = Headers::new();
        push_header(
            &mut preflight,
            "Access-Control-Allow-Methods",
            self.allow_methods,
        );
        push_header(
            &mut preflight,
            "Access-Control-Allow-Headers",
            self.allow_headers,
        );
        push_header(
            &mut preflight,
            "Access-Control-Allow-Origin",
            origin(self.allow_origin),
        );
        push_header(
            &mut preflight,
            "Access-Control-Allow-Credentials",
            self.allow_credentials,
        );
        let mut response = Headers::new();
        push_header(
            &mut response,
            "Access-Control-Allow-Origin",
            origin(self.allow_origin),
        );
        push_header(
            &mut response,
            "Access-Control-Allow-Credentials",
            self.allow_credentials,
        );
        let server = Server {
            preflight: Some(preflight),
            response,
        };
        let got = fetch.exchange(&server, reading.profile(), None)?;
        if got.method != self.normalized_method {
            return Err(format!(
                "normalized method: got {:?}, want {:?}",
                got.method, self.normalized_method
            ));
        }
        if got.preflight.is_some() != self.preflight {
            return Err(format!(
                "preflight sent: got {}, want {}",
                got.preflight.is_some(),
                self.preflight
            ));
        }
        got.expect_success(self.success)
    }
}

/// A preflighted fetch and the preflight request it sends (group `preflight_requests`,
/// web-platform-tests `cors-preflight.any.js`). The server echoes the `Origin` in
/// `Access-Control-Allow-Origin` on both responses, as the test's `preflight.py` does,
/// and sends the vector's `Access-Control-Allow-Methods` and `-Headers` (`None`: absent)
/// on the preflight response.
#[derive(Clone, Copy, Debug)]
pub struct PreflightRequestVector<'a> {
    /// `init.method`.
    pub method: &'a str,
    /// `init.headers`.
    pub headers: &'a [Pair<'a>],
    /// `Access-Control-Allow-Methods`.
    pub allow_methods: Option<&'a str>,
    /// `Access-Control-Allow-Headers`.
    pub allow_headers: Option<&'a str>,
    /// The fields of the preflight request the vector states (`expect_preflight_request`;
    /// `None` for a null field: the header is absent); `None` when it states none.
    pub preflight_request: Option<&'a [(&'a str, Option<&'a str>)]>,
    /// Whether the fetch succeeds (`expect_success`).
    pub success: bool,
}

impl Vector for PreflightRequestVector<'_> {
    fn key(&self) -> String {
        format!(
            "{} {:?}; ACAM {:?} ACAH {:?}",
            self.method, self.headers, self.allow_methods, self.allow_headers
        )
    }

    fn check(&self, reading: Reading) -> Result<(), String> {
        let fetch = Fetch::new(self.method, self.headers);
        let mut preflight = vec![(
            "Access-Control-Allow-Origin".to_owned(),
            PAGE_ORIGIN.to_owned(),
        )];
        push_header(
            &mut preflight,
            "Access-Control-Allow-Methods",
            self.allow_methods,
        );
        push_header(
            &mut preflight,
            "Access-Control-Allow-Headers",
            self.allow_headers,
        );
        let server = Server {
            preflight: Some(preflight),
            response: vec![(
                "Access-Control-Allow-Origin".to_owned(),
                PAGE_ORIGIN.to_owned(),
            )],
        };
        let got = fetch.exchange(&server, reading.profile(), None)?;
        if let Some(fields) = self.preflight_request {
            let sent = got
                .preflight
                .as_ref()
                .ok_or_else(|| "no preflight was sent".to_owned())?;
            for &(field, want) in fields {
                let value = sent.field(field)?;
                if value != want {
                    return Err(format!("preflight {field}: got {value:?}, want {want:?}"));
                }
            }
        }
        got.expect_success(self.success)
    }
}

/// The Chromium `corsError` a `preflight_response_validation` reason names, if any.
pub fn validation_block_name(reason: &str) -> Option<&'static str> {
    if reason.contains("#field-name") {
        Some("InvalidAllowHeadersPreflightResponse")
    } else if reason.contains("#method") {
        Some("InvalidAllowMethodsPreflightResponse")
    } else {
        None
    }
}

/// A preflight response whose lists do not parse (group `preflight_response_validation`,
/// web-platform-tests `cors-preflight-response-validation.any.js`). The server sends
/// the vector's headers and echoes the `Origin` on both responses; when the vector's
/// reason names the list that fails, the block must be that list's.
#[derive(Clone, Copy, Debug)]
pub struct PreflightValidationVector<'a> {
    /// `init.method`.
    pub method: &'a str,
    /// `init.headers`.
    pub headers: &'a [Pair<'a>],
    /// The preflight response's headers, as the vector gives them.
    pub preflight_response: &'a [Pair<'a>],
    /// Whether the fetch succeeds (`expect_success`).
    pub success: bool,
    /// The vector's `reason`.
    pub reason: &'a str,
}

impl Vector for PreflightValidationVector<'_> {
    fn key(&self) -> String {
        format!(
            "{} {:?}; {:?}",
            self.method, self.headers, self.preflight_response
        )
    }

    fn check(&self, reading: Reading) -> Result<(), String> {
        let fetch = Fetch::new(self.method, self.headers);
        let acao = (
            "Access-Control-Allow-Origin".to_owned(),
            PAGE_ORIGIN.to_owned(),
        );
        let mut preflight = vec![acao.clone()];
        for &(name, value) in self.preflight_response {
            push_header(&mut preflight, name, Some(value));
        }
        let server = Server {
            preflight: Some(preflight),
            response: vec![acao],
        };
        let got = fetch.exchange(&server, reading.profile(), None)?;
        got.expect_success(self.success)?;
        if let (Some(blocked), Some(want)) = (&got.blocked, validation_block_name(self.reason)) {
            if blocked.name != want {
                return Err(format!("blocked by {}, want {want}", blocked.detail));
            }
        }
        Ok(())
    }
}

/// One fetch of a `preflight_cache` vector.
#[derive(Clone, Copy, Debug)]
pub struct CacheStep<'a> {
    /// `init.method`.
    pub method: &'a str,
    /// `init.headers`.
    pub headers: &'a [Pair<'a>],
    /// The preflight response's headers; `None` when the vector gives none.
    pub preflight_response: Option<&'a [Pair<'a>]>,
    /// Whether a preflight is sent (`expect_preflight`).
    pub preflight: bool,
}

/// Fetches in turn, one second apart, sharing one CORS-preflight cache (group
/// `preflight_cache`, web-platform-tests `cors-preflight-cache.any.js`). The server
/// echoes the `Origin` on every response; each fetch must succeed (the test reads its
/// response) and send a preflight exactly when the step says.
#[derive(Clone, Copy, Debug)]
pub struct PreflightCacheVector<'a> {
    /// The fetches, in order.
    pub steps: &'a [CacheStep<'a>],
}

impl Vector for PreflightCacheVector<'_> {
    fn key(&self) -> String {
        let steps: Vec<String> = self
            .steps
            .iter()
            .map(|s| format!("{} {:?}", s.method, s.headers))
            .collect();
        steps.join(" then ")
    }

    fn check(&self, reading: Reading) -> Result<(), String> {
        let mut cache = Cache::new();
        let acao = (
            "Access-Control-Allow-Origin".to_owned(),
            PAGE_ORIGIN.to_owned(),
        );
        for (now, step) in (0u64..).zip(self.steps) {
            let preflight = step.preflight_response.map(|headers| {
                let mut all = vec![acao.clone()];
                for &(name, value) in headers {
                    push_header(&mut all, name, Some(value));
                }
                all
            });
            let server = Server {
                preflight,
                response: vec![acao.clone()],
            };
            let fetch = Fetch::new(step.method, step.headers);
            let got = fetch
                .exchange(&server, reading.profile(), Some((&mut cache, now)))
                .map_err(|e| format!("step {}: {e}", now + 1))?;
            if got.preflight.is_some() != step.preflight {
                return Err(format!(
                    "step {}: preflight sent: got {}, want {}",
                    now + 1,
                    got.preflight.is_some(),
                    step.preflight
                ));
            }
            got.expect_success(true)
                .map_err(|e| format!("step {}: {e}", now + 1))?;
        }
        Ok(())
    }
}

/// The request's origin in `cors_check_origin`: web-platform-tests' main origin
/// (`http://{{host}}:{{ports[http][0]}}` with the default configuration).
pub const WPT_ORIGIN: &str = "http://web-platform.test:8000";

/// The URL's origin for each `case` of `cors_check_origin`, as `cors-origin.any.js`
/// builds it from `get_host_info()` with web-platform-tests' default configuration
/// (`www1.` subdomain, HTTP ports 8000 and 8001, HTTPS port 8443).
pub const CORS_ORIGIN_TARGETS: [(&str, &str); 9] = [
    ("cross-site subdomain", "http://www1.web-platform.test:8000"),
    ("same host different port", "http://web-platform.test:8001"),
    (
        "cross host different port",
        "http://www1.web-platform.test:8001",
    ),
    ("different scheme", "https://www1.web-platform.test:8443"),
    (
        "same host different scheme+port",
        "https://web-platform.test:8443",
    ),
    ("cross host POST", "http://www1.web-platform.test:8000"),
    ("cross host HEAD", "http://www1.web-platform.test:8000"),
    ("preflight PUT", "http://www1.web-platform.test:8000"),
    ("empty ACAO", "http://www1.web-platform.test:8000"),
];

/// The CORS check of `Access-Control-Allow-Origin` against the request's origin (group
/// `cors_check_origin`, web-platform-tests `cors-origin.any.js`): a fetch from
/// [`WPT_ORIGIN`] to the case's origin in [`CORS_ORIGIN_TARGETS`]. The placeholders
/// become the serialized origins they name (`<serialized request origin>`: the
/// requester's, `<serialized origin of the target URL (not the requester)>`: the
/// URL's). The server sends the value on every response and allows the method on the
/// preflight response (the preflighted case is about the origin, not the method).
#[derive(Clone, Copy, Debug)]
pub struct CorsOriginVector<'a> {
    /// The vector's `case`.
    pub case: &'a str,
    /// `init.method`.
    pub method: &'a str,
    /// `Access-Control-Allow-Origin`, placeholders included.
    pub allow_origin: &'a str,
    /// Whether the fetch succeeds (`expect_success`).
    pub success: bool,
}

impl Vector for CorsOriginVector<'_> {
    fn key(&self) -> String {
        format!(
            "{} {}: ACAO {:?}",
            self.case, self.method, self.allow_origin
        )
    }

    fn check(&self, reading: Reading) -> Result<(), String> {
        let target = CORS_ORIGIN_TARGETS
            .iter()
            .find(|(case, _)| *case == self.case)
            .map(|(_, target)| *target)
            .ok_or_else(|| format!("unknown case {:?}", self.case))?;
        let acao = substitute(self.allow_origin, WPT_ORIGIN, target);
        let allow_origin = ("Access-Control-Allow-Origin".to_owned(), acao.to_owned());
        let server = Server {
            preflight: Some(vec![
                allow_origin.clone(),
                (
                    "Access-Control-Allow-Methods".to_owned(),
                    self.method.to_owned(),
                ),
            ]),
            response: vec![allow_origin],
        };
        let fetch = Fetch {
            origin: WPT_ORIGIN,
            target,
            ..Fetch::new(self.method, &[])
        };
        fetch
            .exchange(&server, reading.profile(), None)?
            .expect_success(self.success)
    }
}

/// The Fetch Standard's CORS protocol and credentials table (group
/// `cors_check_credentials_spec_table`): the CORS check itself, and a `GET` from
/// `request_origin` to another origin whose response carries the two headers.
#[derive(Clone, Copy, Debug)]
pub struct CredentialsVector<'a> {
    /// The request's origin.
    pub request_origin: &'a str,
    /// The request's credentials mode.
    pub credentials: CredentialsMode,
    /// `Access-Control-Allow-Origin`.
    pub allow_origin: &'a str,
    /// `Access-Control-Allow-Credentials`; `None`: absent.
    pub allow_credentials: Option<&'a str>,
    /// Whether the response is shared (`expect_shared`).
    pub shared: bool,
}

impl Vector for CredentialsVector<'_> {
    fn key(&self) -> String {
        format!(
            "{} credentials {}; ACAO {:?} ACAC {:?}",
            self.request_origin,
            credentials_name(self.credentials),
            self.allow_origin,
            self.allow_credentials
        )
    }

    fn check(&self, reading: Reading) -> Result<(), String> {
        let mut response = vec![(
            "Access-Control-Allow-Origin".to_owned(),
            self.allow_origin.to_owned(),
        )];
        push_header(
            &mut response,
            "Access-Control-Allow-Credentials",
            self.allow_credentials,
        );
        let pairs = byte_pairs(&response);
        let headers = BoundedHeaders::new(&pairs[..]).map_err(|e| e.to_string())?;
        let checked = cors_check(&headers, self.request_origin.as_bytes(), self.credentials);
        if checked.is_ok() != self.shared {
            return Err(format!(
                "cors_check: got {checked:?}, want shared {}",
                self.shared
            ));
        }
        let fetch = Fetch {
            origin: self.request_origin,
            credentials: self.credentials,
            ..Fetch::new("GET", &[])
        };
        let server = Server {
            preflight: None,
            response,
        };
        fetch
            .exchange(&server, reading.profile(), None)?
            .expect_success(self.shared)
    }
}

/// Which response headers a script sees (group `response_filtering`, web-platform-tests
/// `cors-filtering.sub.any.js`). As the test's server does: without
/// `Access-Control-Expose-Headers` the response adds `Access-Control-Allow-Origin: *`;
/// with it, the request's origin and `Access-Control-Allow-Credentials: true`.
#[derive(Clone, Copy, Debug)]
pub struct FilteringVector<'a> {
    /// The response header under test.
    pub header: Pair<'a>,
    /// `Access-Control-Expose-Headers`; `None`: absent.
    pub expose_headers: Option<&'a str>,
    /// `init.credentials`.
    pub credentials: CredentialsMode,
    /// Whether `response.headers.get(name)` returns the value (`expect_exposed`).
    pub exposed: bool,
}

impl Vector for FilteringVector<'_> {
    fn key(&self) -> String {
        format!(
            "{:?} ACEH {:?} credentials {}",
            self.header,
            self.expose_headers,
            credentials_name(self.credentials)
        )
    }

    fn check(&self, reading: Reading) -> Result<(), String> {
        let (name, value) = self.header;
        let mut response = vec![(name.to_owned(), value.to_owned())];
        match self.expose_headers {
            None => push_header(&mut response, "Access-Control-Allow-Origin", Some("*")),
            Some(expose) => {
                push_header(
                    &mut response,
                    "Access-Control-Allow-Origin",
                    Some(PAGE_ORIGIN),
                );
                push_header(
                    &mut response,
                    "Access-Control-Allow-Credentials",
                    Some("true"),
                );
                push_header(&mut response, "Access-Control-Expose-Headers", Some(expose));
            }
        }
        let fetch = Fetch {
            credentials: self.credentials,
            ..Fetch::new("GET", &[])
        };
        let server = Server {
            preflight: None,
            response,
        };
        let got = fetch.exchange(&server, reading.profile(), None)?;
        got.expect_success(true)?;
        let seen = got.get(name);
        let want = self.exposed.then(|| value.to_owned());
        if seen != want {
            return Err(format!("get({name:?}): got {seen:?}, want {want:?}"));
        }
        Ok(())
    }
}

/// The `Content-Type` of the resource `cors-expose-star.sub.any.js` fetches
/// (`top.txt`, served as `text/plain`).
pub const EXPOSE_STAR_CONTENT_TYPE: &str = "text/plain";

/// `Access-Control-Expose-Headers: *` (group `expose_star`, web-platform-tests
/// `cors-expose-star.sub.any.js`). The response carries the vector's headers,
/// `Content-Type: text/plain` (the resource's type), one header line per
/// `Access-Control-Expose-Headers` value, and `Access-Control-Allow-Origin: *`, or with
/// credentials the request's origin and `Access-Control-Allow-Credentials: true`.
#[derive(Clone, Copy, Debug)]
pub struct ExposeStarVector<'a> {
    /// The response's other headers.
    pub headers: &'a [Pair<'a>],
    /// The `Access-Control-Expose-Headers` lines.
    pub expose_headers: &'a [&'a str],
    /// `init.credentials`.
    pub credentials: CredentialsMode,
    /// `response.headers.get(name)` for each name (`None`: null).
    pub expect: &'a [(&'a str, Option<&'a str>)],
}

impl Vector for ExposeStarVector<'_> {
    fn key(&self) -> String {
        format!(
            "{:?} ACEH {:?} credentials {}",
            self.headers,
            self.expose_headers,
            credentials_name(self.credentials)
        )
    }

    fn check(&self, reading: Reading) -> Result<(), String> {
        let mut response: Headers = self
            .headers
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect();
        push_header(
            &mut response,
            "Content-Type",
            Some(EXPOSE_STAR_CONTENT_TYPE),
        );
        for line in self.expose_headers {
            push_header(&mut response, "Access-Control-Expose-Headers", Some(line));
        }
        if self.credentials.is_include() {
            push_header(
                &mut response,
                "Access-Control-Allow-Origin",
                Some(PAGE_ORIGIN),
            );
            push_header(
                &mut response,
                "Access-Control-Allow-Credentials",
                Some("true"),
            );
        } else {
            push_header(&mut response, "Access-Control-Allow-Origin", Some("*"));
        }
        let fetch = Fetch {
            credentials: self.credentials,
            ..Fetch::new("GET", &[])
        };
        let server = Server {
            preflight: None,
            response,
        };
        let got = fetch.exchange(&server, reading.profile(), None)?;
        got.expect_success(true)?;
        for &(name, want) in self.expect {
            let seen = got.get(name);
            if seen.as_deref() != want {
                return Err(format!("get({name:?}): got {seen:?}, want {want:?}"));
            }
        }
        Ok(())
    }
}
