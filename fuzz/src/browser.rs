//! The browser model's fuzz inputs: `Arbitrary` mirrors of a `fetch()`, of a response to
//! a CORS check and of a preflight response with its request; and the naive references the
//! targets compare with, written from the standard's text (`Vec`s, sorting, index loops),
//! taking from `cors-core` only the per-header predicates the standard names.
//!
//! `fuzz/seed-corpus.py` writes seeds in the `arbitrary` encoding of these types (see its
//! `Arbitrary` class): keep the field order in step with it.

use arbitrary::Arbitrary;
use cors_core::browser::request::{
    Classification, FetchInput, RedirectMode, RequestError, RequestMode,
    is_cors_safelisted_request_header, is_forbidden_request_header,
};
use cors_core::browser::response::PreflightedRequest;
use cors_core::browser::{CredentialsMode, Profile};
use cors_core::http::HeaderList;
use cors_core::{Host, Origin, parse_origin_or_null};

/// The most headers (or names) a case uses; the rest of the input is ignored.
pub const MAX_CASE_HEADERS: usize = 16;

/// The request's origin of a `fetch()` case.
pub const PAGE: Origin<'static> = Origin::tuple("https", Host::Domain("page.example"), None);

/// The URL's origin of a `fetch()` case: cross-origin to [`PAGE`].
pub const API: Origin<'static> = Origin::tuple("https", Host::Domain("api.example"), None);

/// The requesting origin of a preflight case (the unit tests' `ORIGIN`).
pub const PREFLIGHT_ORIGIN: &[u8] = b"http://127.0.0.1:8001";

/// `Access-Control-Allow-Origin`.
pub const ACAO: &[u8] = b"access-control-allow-origin";
/// `Access-Control-Allow-Credentials`.
pub const ACAC: &[u8] = b"access-control-allow-credentials";
/// `Access-Control-Allow-Methods`.
pub const ACAM: &[u8] = b"access-control-allow-methods";
/// `Access-Control-Allow-Headers`.
pub const ACAH: &[u8] = b"access-control-allow-headers";

/// A credentials mode.
#[derive(Arbitrary, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Credentials {
    /// `omit`.
    Omit,
    /// `same-origin`.
    SameOrigin,
    /// `include`.
    Include,
}

impl From<Credentials> for CredentialsMode {
    fn from(credentials: Credentials) -> Self {
        match credentials {
            Credentials::Omit => Self::Omit,
            Credentials::SameOrigin => Self::SameOrigin,
            Credentials::Include => Self::Include,
        }
    }
}

/// A request mode `fetch()` may set.
#[derive(Arbitrary, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `same-origin`.
    SameOrigin,
    /// `no-cors`.
    NoCors,
    /// `cors`.
    Cors,
}

/// A profile.
#[derive(Arbitrary, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileCase {
    /// The standard.
    Spec,
    /// Chromium.
    Chromium,
}

impl From<ProfileCase> for Profile {
    fn from(profile: ProfileCase) -> Self {
        match profile {
            ProfileCase::Spec => Self::Spec,
            ProfileCase::Chromium => Self::Chromium,
        }
    }
}

/// A `fetch()` from [`PAGE`] to [`API`]: `init.method`, `init.headers` (the first
/// [`MAX_CASE_HEADERS`]), credentials, mode, profile, and a seed for reordering.
#[derive(Arbitrary, Debug)]
pub struct FetchCase<'a> {
    /// `init.credentials`.
    pub credentials: Credentials,
    /// `init.mode`.
    pub mode: Mode,
    /// The profile.
    pub profile: ProfileCase,
    /// Seeds the shuffle and the case flips of [`Self::shuffled`].
    pub seed: u64,
    /// `init.method`.
    pub method: &'a [u8],
    /// `init.headers`.
    pub headers: Vec<(&'a [u8], &'a [u8])>,
}

impl<'a> FetchCase<'a> {
    /// The headers the case uses.
    pub fn headers(&self) -> &[(&'a [u8], &'a [u8])] {
        &self.headers[..self.headers.len().min(MAX_CASE_HEADERS)]
    }

    /// The `fetch()` with `headers` in place of the case's.
    pub fn input<L>(&self, headers: L) -> FetchInput<'a, L> {
        FetchInput {
            origin: PAGE,
            url_scheme: "https",
            url_origin: API,
            method: self.method,
            headers,
            mode: match self.mode {
                Mode::SameOrigin => RequestMode::SameOrigin,
                Mode::NoCors => RequestMode::NoCors,
                Mode::Cors => RequestMode::Cors,
            },
            credentials: self.credentials.into(),
            redirect: RedirectMode::Follow,
            use_cors_preflight: false,
            profile: self.profile.into(),
        }
    }

    /// What the naive reference says a `fetch()` in mode `cors` with a method the `Request`
    /// constructor accepts does: `None` (no reference) otherwise; else `Some(None)` when
    /// filling the headers throws, or the preflight ([`reference_preflight`]).
    pub fn reference(&self) -> Option<Option<Option<Option<String>>>> {
        if self.mode != Mode::Cors || !reference_method_ok(self.method) {
            return None;
        }
        let list = reference_header_list(self.headers());
        Some(list.map(|list| reference_preflight(self.method, &list, self.profile.into())))
    }

    /// The headers shuffled and their names' case flipped, by [`Self::seed`]. For Chromium,
    /// which checks the combined value of a name, same-name values keep their order.
    pub fn shuffled(&self) -> Vec<(Vec<u8>, &'a [u8])> {
        let mut rng = self.seed | 1;
        let mut next = move || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        let mut order: Vec<(&'a [u8], &'a [u8])> = self.headers().to_vec();
        for i in (1..order.len()).rev() {
            order.swap(i, (next() % (i as u64 + 1)) as usize);
        }
        if self.profile == ProfileCase::Chromium {
            let mut unused = self.headers().to_vec();
            for slot in &mut order {
                let i = unused
                    .iter()
                    .position(|(n, _)| n.eq_ignore_ascii_case(slot.0));
                *slot = unused.remove(i.expect("a permutation"));
            }
        }
        let mut flip = |name: &[u8]| -> Vec<u8> {
            let bits = next();
            let case = |(i, b): (usize, &u8)| match bits >> (i % 64) & 1 {
                0 => b.to_ascii_lowercase(),
                _ => b.to_ascii_uppercase(),
            };
            name.iter().enumerate().map(case).collect()
        };
        order.into_iter().map(|(n, v)| (flip(n), v)).collect()
    }
}

/// The preflight a classification sends: `None` without one, else its
/// `Access-Control-Request-Headers` (`None` when absent).
pub fn preflight_request_headers<'a, L: HeaderList<'a>>(
    c: &Classification<'a, L>,
) -> Option<Option<String>> {
    let preflight = c.preflight()?;
    Some(
        preflight
            .access_control_request_headers()
            .map(|v| v.to_string()),
    )
}

/// What a `fetch()` does before anything is sent, as text: the error (a header's
/// `TypeError` without its index, which depends on the order), or the verdict and the
/// preflight's method, `Access-Control-Request-Headers` and origin.
pub fn outcome<'a, L: HeaderList<'a>>(
    result: &Result<Classification<'a, L>, RequestError>,
) -> String {
    match result {
        Err(RequestError::Header(_)) => "TypeError: a header".to_owned(),
        Err(error) => format!("{error:?}"),
        Ok(c) => match c.preflight() {
            None => format!("{:?}", c.verdict()),
            Some(p) => format!(
                "{:?} {:?} {:?} {}",
                c.verdict(),
                p.access_control_request_method(),
                preflight_request_headers(c),
                p.origin(),
            ),
        },
    }
}

/// RFC 9110 `token`: a method, a header name.
pub fn is_token(bytes: &[u8]) -> bool {
    !bytes.is_empty()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(b))
}

/// `bytes` without leading and trailing bytes of `set`.
fn trim<'v>(bytes: &'v [u8], set: &[u8]) -> &'v [u8] {
    let start = bytes.iter().position(|b| !set.contains(b));
    let end = bytes.iter().rposition(|b| !set.contains(b));
    match (start, end) {
        (Some(start), Some(end)) => &bytes[start..=end],
        _ => &[],
    }
}

/// Trimmed of HTTP tab or space (as HTTP field parsing leaves a value, and list rules
/// trim elements).
pub fn trim_ows(bytes: &[u8]) -> &[u8] {
    trim(bytes, b" \t")
}

/// Whether `init.method` passes the `Request` constructor: a token, not `CONNECT`,
/// `TRACE` or `TRACK` in any case.
pub fn reference_method_ok(method: &[u8]) -> bool {
    let forbidden = [&b"CONNECT"[..], b"TRACE", b"TRACK"];
    is_token(method) && !forbidden.iter().any(|f| method.eq_ignore_ascii_case(f))
}

/// Normalize the method (six methods are uppercased), then: is it `GET`, `HEAD` or `POST`?
pub fn reference_method_safelisted(method: &[u8]) -> bool {
    let upper = method.to_ascii_uppercase();
    let six = [&b"DELETE"[..], b"GET", b"HEAD", b"OPTIONS", b"POST", b"PUT"];
    let normalized = if six.contains(&upper.as_slice()) {
        upper.as_slice()
    } else {
        method
    };
    [&b"GET"[..], b"HEAD", b"POST"].contains(&normalized)
}

/// The request's header list after filling a `Headers` with guard `request` from `pairs`:
/// each value normalized (HTTP whitespace trimmed); `None` (a `TypeError`) for a name that
/// is not a token or a value with NUL, CR or LF; forbidden request-headers skipped.
pub fn reference_header_list<'a>(
    pairs: &[(&'a [u8], &'a [u8])],
) -> Option<Vec<(&'a [u8], &'a [u8])>> {
    let mut list = Vec::new();
    for &(name, value) in pairs {
        let value = trim(value, b"\t\n\r ");
        if !is_token(name) || value.iter().any(|b| matches!(b, 0 | b'\r' | b'\n')) {
            return None;
        }
        if !is_forbidden_request_header(name, value) {
            list.push((name, value));
        }
    }
    Some(list)
}

/// The CORS-unsafe request-header names of `list`, from
/// <https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names>: names of headers
/// that are not CORS-safelisted, plus every other name when the safelisted values total
/// more than 1024 bytes; lowercased, deduplicated, sorted by bytes. Chromium's headers are
/// one per name, the values joined by `, ` (DEV-CHROMIUM-COMBINED-VALUES).
pub fn reference_unsafe_names(list: &[(&[u8], &[u8])], profile: Profile) -> Vec<Vec<u8>> {
    let mut headers: Vec<(&[u8], Vec<u8>)> = Vec::new();
    for &(name, value) in list {
        let same = headers
            .iter_mut()
            .find(|(n, _)| n.eq_ignore_ascii_case(name));
        match same {
            Some((_, joined)) if profile == Profile::Chromium => {
                joined.extend_from_slice(b", ");
                joined.extend_from_slice(value);
            }
            _ => headers.push((name, value.to_vec())),
        }
    }
    let (mut unsafe_names, mut maybe) = (Vec::new(), Vec::new());
    let mut size = 0;
    for (name, value) in &headers {
        if is_cors_safelisted_request_header(name, value, profile) {
            maybe.push(name.to_ascii_lowercase());
            size += value.len();
        } else {
            unsafe_names.push(name.to_ascii_lowercase());
        }
    }
    if size > 1024 {
        unsafe_names.append(&mut maybe);
    }
    unsafe_names.sort();
    unsafe_names.dedup();
    unsafe_names
}

/// The preflight a `fetch()` of `method` with the header list `list` sends: `None` when
/// none is needed (the method is safelisted and no name is unsafe), else its
/// `Access-Control-Request-Headers` (the names joined by `,`; absent when empty).
pub fn reference_preflight(
    method: &[u8],
    list: &[(&[u8], &[u8])],
    profile: Profile,
) -> Option<Option<String>> {
    let names = reference_unsafe_names(list, profile);
    if reference_method_safelisted(method) && names.is_empty() {
        return None;
    }
    let text: Vec<String> = names
        .into_iter()
        .map(|n| String::from_utf8(n).expect("a token is ASCII"))
        .collect();
    Some((!text.is_empty()).then(|| text.join(",")))
}

/// The values of the headers of `list` named `name` (any case), trimmed as HTTP field
/// parsing trims them.
pub fn values<'a, N: AsRef<[u8]>>(list: &[(N, &'a [u8])], name: &[u8]) -> Vec<&'a [u8]> {
    list.iter()
        .filter(|(n, _)| n.as_ref().eq_ignore_ascii_case(name))
        .map(|(_, v)| trim_ows(v))
        .collect()
}

/// The elements of the `#` lists of the headers named `name`: every value split on `,`,
/// each part trimmed of tab and space, empty parts dropped.
pub fn list_values<'a, N: AsRef<[u8]>>(list: &[(N, &'a [u8])], name: &[u8]) -> Vec<&'a [u8]> {
    let mut elements = Vec::new();
    for value in values(list, name) {
        elements.extend(
            value
                .split(|&b| b == b',')
                .map(trim_ows)
                .filter(|e| !e.is_empty()),
        );
    }
    elements
}

/// `value` with the optional whitespace around each comma and the empty elements removed:
/// what `list_elements` joined by `,` must give. Built one byte at a time: whitespace is
/// held back until a byte of the same element follows it, and a `,` is written before the
/// first byte of an element when something was written before.
pub fn reference_list_join(value: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut held, mut in_element) = (Vec::new(), false);
    for &b in value {
        match b {
            b',' => {
                held.clear();
                in_element = false;
            }
            b' ' | b'\t' if !in_element => {}
            b' ' | b'\t' => held.push(b),
            _ => {
                if !in_element && !out.is_empty() {
                    out.push(b',');
                }
                in_element = true;
                out.append(&mut held);
                out.push(b);
            }
        }
    }
    out
}

/// The positions of the commas of `value` outside quoted strings, as "get, decode, and
/// split" sees them: a `"` opens a quoted string that runs to the next `"` not escaped
/// by `\` (or to the end).
pub fn reference_split_commas(value: &[u8]) -> Vec<usize> {
    let mut commas = Vec::new();
    let mut i = 0;
    while i < value.len() {
        if value[i] == b'"' {
            i += 1;
            while i < value.len() && value[i] != b'"' {
                i += if value[i] == b'\\' { 2 } else { 1 };
            }
        } else if value[i] == b',' {
            commas.push(i);
        }
        i += 1;
    }
    commas
}

/// The items of "get, decode, and split" of `value`: the parts between the commas of
/// [`reference_split_commas`], trimmed of tab and space.
pub fn reference_split(value: &[u8]) -> Vec<&[u8]> {
    let commas = reference_split_commas(value);
    let starts = core::iter::once(0).chain(commas.iter().map(|c| c + 1));
    let ends = commas.iter().copied().chain(core::iter::once(value.len()));
    starts
        .zip(ends)
        .map(|(s, e)| trim_ows(&value[s..e]))
        .collect()
}

/// The items `DecodeSplit` produces for `value`, each `None` when reported as too long
/// (reading at most one more item than the value has bytes and commas).
pub fn decode_split(value: &[u8]) -> Vec<Option<Vec<u8>>> {
    let mut split = cors_core::http::split::DecodeSplit::new(value.iter().copied());
    let mut items = Vec::new();
    while let Some(item) = split.next_item() {
        items.push(match item {
            cors_core::http::split::SplitItem::Item(bytes) => Some(bytes.to_vec()),
            cors_core::http::split::SplitItem::TooLong => None,
        });
        if items.len() > value.len() + 1 {
            break;
        }
    }
    items
}

/// The name of a response header of a CORS check case.
#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum CorsHeaderName {
    /// `Access-Control-Allow-Origin`.
    AllowOrigin,
    /// `ACCESS-CONTROL-ALLOW-ORIGIN`.
    AllowOriginUpper,
    /// `Access-Control-Allow-Credentials`.
    AllowCredentials,
    /// `access-control-allow-credentials`.
    AllowCredentialsLower,
    /// `Vary`.
    Other,
}

impl CorsHeaderName {
    /// The name as sent.
    pub fn name(self) -> &'static [u8] {
        match self {
            Self::AllowOrigin => b"Access-Control-Allow-Origin",
            Self::AllowOriginUpper => b"ACCESS-CONTROL-ALLOW-ORIGIN",
            Self::AllowCredentials => b"Access-Control-Allow-Credentials",
            Self::AllowCredentialsLower => b"access-control-allow-credentials",
            Self::Other => b"Vary",
        }
    }
}

/// A CORS check: the request's credentials mode and serialized origin, and the response's
/// headers.
#[derive(Arbitrary, Debug)]
pub struct CorsCheckCase<'a> {
    /// The request's credentials mode.
    pub credentials: Credentials,
    /// The byte-serialized request origin; anything that is not one (by the strict parser)
    /// stands for `https://page.example`.
    pub origin: &'a [u8],
    /// The response's headers (the first [`MAX_CASE_HEADERS`]).
    pub headers: Vec<(CorsHeaderName, &'a [u8])>,
}

impl<'a> CorsCheckCase<'a> {
    /// The serialized origin the check compares with.
    pub fn origin(&self) -> &'a [u8] {
        match parse_origin_or_null(self.origin) {
            Ok(_) => self.origin,
            Err(_) => b"https://page.example",
        }
    }

    /// The response's header list.
    pub fn header_list(&self) -> Vec<(&'static [u8], &'a [u8])> {
        let headers = self.headers.iter().take(MAX_CASE_HEADERS);
        headers.map(|&(name, value)| (name.name(), value)).collect()
    }

    /// The CORS check (<https://fetch.spec.whatwg.org/#concept-cors-check>) of `list`:
    /// exactly one `Access-Control-Allow-Origin` whose value is the serialized origin, or
    /// `*` without `include`; and with `include`, exactly one
    /// `Access-Control-Allow-Credentials` whose value is `true` (several headers combine into
    /// a value with `, `, which is none of these).
    pub fn reference_passes(&self, list: &[(&[u8], &[u8])]) -> bool {
        let include = self.credentials == Credentials::Include;
        let acao = values(list, ACAO);
        let origin = acao == [self.origin()] || (acao == [b"*"] && !include);
        origin && (!include || values(list, ACAC) == [b"true"])
    }

    /// Whether every value is a normalized header value (no leading or trailing HTTP
    /// whitespace): only then does the standard say what the check gives.
    pub fn normalized(&self) -> bool {
        let list = self.header_list();
        list.iter().all(|(_, v)| trim(v, b"\t\n\r ") == *v)
    }
}

/// The name of a header of a preflight response.
#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum PreflightHeaderName<'a> {
    /// `Access-Control-Allow-Origin`.
    AllowOrigin,
    /// `Access-Control-Allow-Credentials`.
    AllowCredentials,
    /// `Access-Control-Allow-Methods`.
    AllowMethods,
    /// `Access-Control-Allow-Headers`.
    AllowHeaders,
    /// `Access-Control-Max-Age`.
    MaxAge,
    /// `Location`.
    Location,
    /// Any other name (it may spell one of the above in another case).
    Other(&'a [u8]),
}

impl<'a> PreflightHeaderName<'a> {
    /// The name as sent.
    pub fn name(self) -> &'a [u8] {
        match self {
            Self::AllowOrigin => b"Access-Control-Allow-Origin",
            Self::AllowCredentials => b"Access-Control-Allow-Credentials",
            Self::AllowMethods => b"Access-Control-Allow-Methods",
            Self::AllowHeaders => b"access-control-allow-headers",
            Self::MaxAge => b"Access-Control-Max-Age",
            Self::Location => b"Location",
            Self::Other(name) => name,
        }
    }
}

/// A preflight response and the request it was sent for, from [`PREFLIGHT_ORIGIN`].
#[derive(Arbitrary, Debug)]
pub struct PreflightCase<'a> {
    /// The response's status.
    pub status: u16,
    /// The request's credentials mode.
    pub credentials: Credentials,
    /// The profile.
    pub profile: ProfileCase,
    /// The request's use-CORS-preflight flag.
    pub use_cors_preflight: bool,
    /// The request's method.
    pub method: &'a [u8],
    /// The request's CORS-unsafe request-header names (the first [`MAX_CASE_HEADERS`]).
    pub unsafe_names: Vec<&'a [u8]>,
    /// The response's headers (the first [`MAX_CASE_HEADERS`]).
    pub headers: Vec<(PreflightHeaderName<'a>, &'a [u8])>,
}

impl<'a> PreflightCase<'a> {
    /// The request's CORS-unsafe request-header names.
    pub fn unsafe_names(&self) -> &[&'a [u8]] {
        &self.unsafe_names[..self.unsafe_names.len().min(MAX_CASE_HEADERS)]
    }

    /// The request: `Authorization` among the names sets `has_authorization`.
    pub fn request(&self) -> PreflightedRequest<'a, impl Iterator<Item = &'a [u8]> + Clone> {
        let names = self.unsafe_names();
        PreflightedRequest {
            method: self.method,
            unsafe_header_names: names.iter().copied(),
            has_authorization: names
                .iter()
                .any(|n| n.eq_ignore_ascii_case(b"authorization")),
            credentials: self.credentials.into(),
            use_cors_preflight: self.use_cors_preflight,
            serialized_origin: PREFLIGHT_ORIGIN,
        }
    }

    /// Whether `*` is an element of the `name` lists of `list` and the credentials mode is
    /// not `include` (`*` is then a wildcard).
    fn wildcard(&self, list: &[(&'a [u8], &'a [u8])], name: &[u8]) -> bool {
        self.credentials != Credentials::Include && list_values(list, name).contains(&&b"*"[..])
    }

    /// Step 7.5 (and 7.4): whether the lists of `list` allow the method: it is `GET`,
    /// `HEAD` or `POST`, or an `Access-Control-Allow-Methods` element is exactly it, or
    /// `*` is a wildcard, or there is no such header and the use-CORS-preflight flag is set.
    pub fn reference_method_allowed(&self, list: &[(&'a [u8], &'a [u8])]) -> bool {
        let safelisted = matches!(self.method, b"GET" | b"HEAD" | b"POST");
        let listed = list_values(list, ACAM).contains(&self.method);
        let implied = self.use_cors_preflight && values(list, ACAM).is_empty();
        safelisted || listed || self.wildcard(list, ACAM) || implied
    }

    /// Steps 7.6–7.7: whether the lists of `list` allow the unsafe name `name`: an
    /// `Access-Control-Allow-Headers` element is it in any case, or `*` is a wildcard that
    /// covers it (`Authorization` only for Chromium).
    pub fn reference_name_allowed(&self, list: &[(&'a [u8], &'a [u8])], name: &[u8]) -> bool {
        let listed = list_values(list, ACAH)
            .iter()
            .any(|n| n.eq_ignore_ascii_case(name));
        let covered =
            self.profile == ProfileCase::Chromium || !name.eq_ignore_ascii_case(b"authorization");
        listed || (self.wildcard(list, ACAH) && covered)
    }

    /// The response's header list.
    pub fn header_list(&self) -> Vec<(&'a [u8], &'a [u8])> {
        let headers = self.headers.iter().take(MAX_CASE_HEADERS);
        headers.map(|&(name, value)| (name.name(), value)).collect()
    }

    /// Step 7 of the CORS-preflight fetch, written out: an ok status; the CORS check (one
    /// `Access-Control-Allow-Origin` that is [`PREFLIGHT_ORIGIN`], or `*` without `include`;
    /// with `include` one `Access-Control-Allow-Credentials: true`); both lists made of
    /// tokens; the method allowed; every CORS-unsafe name allowed.
    pub fn reference_passes(&self, list: &[(&'a [u8], &'a [u8])]) -> bool {
        let include = self.credentials == Credentials::Include;
        let acao = values(list, ACAO);
        let cors = (acao == [PREFLIGHT_ORIGIN] || acao == [b"*"] && !include)
            && (!include || values(list, ACAC) == [b"true"]);
        let lists = [ACAM, ACAH]
            .iter()
            .all(|n| list_values(list, n).iter().all(|e| is_token(e)));
        let names = (self.unsafe_names().iter()).all(|n| self.reference_name_allowed(list, n));
        (200..=299).contains(&self.status)
            && cors
            && lists
            && self.reference_method_allowed(list)
            && names
    }

    /// Whether every value is a normalized header value (no leading or trailing HTTP
    /// whitespace): only then does the standard say what validation gives.
    pub fn normalized(&self) -> bool {
        let list = self.header_list();
        list.iter().all(|(_, v)| trim(v, b"\t\n\r ") == *v)
    }
}
