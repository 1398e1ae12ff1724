//! The verdict for a `fetch()`: what the `Request` constructor and main fetch decide before
//! anything is sent — same origin, opaque, network error, a CORS request without a
//! preflight, or one that needs a preflight (with every reason and the exact preflight
//! request).
//!
//! The input is what a script passes to `fetch()`; the `Request` constructor's checks come
//! first (a `TypeError` is a [`RequestError`]), then main fetch's choice of response
//! tainting, in the standard's order:
//!
//! 1. the URL's origin is same origin with the request's origin, or the scheme is `data`:
//!    tainting `basic`;
//! 2. mode `same-origin`: network error;
//! 3. mode `no-cors`: network error unless the redirect mode is `follow`, else tainting
//!    `opaque`;
//! 4. the URL's scheme is not `http` or `https`: network error;
//! 5. the use-CORS-preflight flag, or the unsafe-request flag (always set by `fetch()`) with
//!    a method that is not CORS-safelisted or a CORS-unsafe request-header name: tainting
//!    `cors` with a preflight;
//! 6. otherwise tainting `cors`, no preflight.
//!
//! <https://fetch.spec.whatwg.org/#main-fetch>, <https://fetch.spec.whatwg.org/#dom-request>

use core::fmt;

use super::guard::{Guard, GuardError, GuardedHeaders};
use super::unsafe_names::{CorsUnsafeNames, UnsafeName};
use crate::browser::{CredentialsMode, Profile};
use crate::http::header::{BoundedHeaders, HeaderLimitError, HeaderList};
use crate::http::method::{
    is_cors_safelisted_method, is_forbidden_method, is_method, normalize_method,
};
use crate::origin::Origin;

/// A request's mode, as `fetch()` may set it (`navigate` is a `TypeError` there, and
/// `websocket` / `webtransport` are not reachable from it).
///
/// <https://fetch.spec.whatwg.org/#concept-request-mode>
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RequestMode {
    /// `same-origin`: a cross-origin URL is a network error.
    SameOrigin,
    /// `no-cors`: a cross-origin response is opaque; headers use guard `request-no-cors`.
    NoCors,
    /// `cors`: the CORS protocol (the default for `fetch()`).
    #[default]
    Cors,
}

/// A request's redirect mode.
///
/// <https://fetch.spec.whatwg.org/#concept-request-redirect-mode>
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // closed by the Fetch Standard
pub enum RedirectMode {
    /// `follow` (the default).
    #[default]
    Follow,
    /// `error`.
    Error,
    /// `manual`.
    Manual,
}

/// What a script passes to `fetch()`, and the two origins involved.
///
/// <https://fetch.spec.whatwg.org/#fetch-method>, <https://fetch.spec.whatwg.org/#requestinit>
#[derive(Clone, Copy, Debug)]
pub struct FetchInput<'a, L> {
    /// The request's origin (the origin of the script's environment).
    pub origin: Origin<'a>,
    /// The scheme of the request's URL, ASCII lowercase as the URL parser leaves it. It is
    /// separate from [`Self::url_origin`]: a `data:` URL has an opaque origin, and a
    /// `blob:` URL's origin has its inner URL's scheme.
    pub url_scheme: &'a str,
    /// The origin of the request's URL.
    pub url_origin: Origin<'a>,
    /// `init.method` as passed (`GET` when absent), before normalization.
    pub method: &'a [u8],
    /// `init.headers`: the script's (name, value) pairs, in order. A body whose extraction
    /// gives a `Content-Type` is modelled by the caller appending that pair last when no
    /// pair is named `Content-Type`, as the `Request` constructor does.
    pub headers: L,
    /// `init.mode`.
    pub mode: RequestMode,
    /// `init.credentials`.
    pub credentials: CredentialsMode,
    /// `init.redirect`.
    pub redirect: RedirectMode,
    /// The use-CORS-preflight flag (a `ReadableStream` body sets it).
    pub use_cors_preflight: bool,
    /// Whose behaviour to reproduce.
    pub profile: Profile,
}

/// Why `fetch()` rejects with a `TypeError` before fetching, or why the model refuses the
/// input.
///
/// <https://fetch.spec.whatwg.org/#dom-request>
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestError {
    /// `TypeError`: the method is not a method (a `token`).
    InvalidMethod,
    /// `TypeError`: the method is a forbidden method (`CONNECT`, `TRACE`, `TRACK`).
    ForbiddenMethod,
    /// `TypeError`: mode `no-cors` with a method that is not CORS-safelisted.
    NoCorsMethodNotSafelisted,
    /// `TypeError`: a header name or value is invalid (from filling the headers).
    Header(GuardError),
    /// `TypeError`: the use-CORS-preflight flag (a streaming body) with a mode other than
    /// `same-origin` or `cors`.
    UseCorsPreflightInNoCorsMode,
    /// Not a `TypeError`: the header list passes a limit of [`crate::limits`].
    HeaderLimit(HeaderLimitError),
}

impl RequestError {
    /// Whether the standard throws a `TypeError` here (everything but a limit).
    pub const fn is_type_error(&self) -> bool {
        !matches!(self, Self::HeaderLimit(_))
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidMethod => f.write_str("TypeError: the method is not a token"),
            Self::ForbiddenMethod => f.write_str("TypeError: the method is forbidden"),
            Self::NoCorsMethodNotSafelisted => {
                f.write_str("TypeError: mode no-cors needs GET, HEAD or POST")
            }
            Self::Header(error) => error.fmt(f),
            Self::UseCorsPreflightInNoCorsMode => {
                f.write_str("TypeError: a streaming body needs mode same-origin or cors")
            }
            Self::HeaderLimit(error) => error.fmt(f),
        }
    }
}

impl core::error::Error for RequestError {}

/// Why the response tainting is `basic`.
///
/// <https://fetch.spec.whatwg.org/#main-fetch> (the first branch of the tainting choice)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BasicReason {
    /// The URL's origin is same origin with the request's origin.
    SameOrigin,
    /// The URL's scheme is `data`.
    DataScheme,
}

/// Why main fetch returns a network error before fetching.
///
/// <https://fetch.spec.whatwg.org/#main-fetch>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NetworkErrorReason {
    /// Mode `same-origin` and a cross-origin URL.
    SameOriginModeCrossOrigin,
    /// Mode `no-cors` and a redirect mode other than `follow`.
    NoCorsRedirectNotFollow,
    /// Mode `cors` and a URL scheme other than `http` or `https`.
    NotHttpScheme,
}

/// Which of the conditions of main fetch's preflight branch hold (all are reported, even
/// though one suffices).
///
/// <https://fetch.spec.whatwg.org/#main-fetch>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PreflightTriggers {
    /// The use-CORS-preflight flag is set.
    pub use_cors_preflight_flag: bool,
    /// The method is not a CORS-safelisted method.
    pub method_not_safelisted: bool,
    /// The CORS-unsafe request-header names are not empty.
    pub unsafe_header_names: bool,
}

/// The verdict of main fetch for a new request.
///
/// <https://fetch.spec.whatwg.org/#main-fetch>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Verdict {
    /// Response tainting `basic`: scheme fetch, no CORS.
    Basic(BasicReason),
    /// Response tainting `opaque` (mode `no-cors`).
    Opaque,
    /// A network error, before anything is sent.
    NetworkError(NetworkErrorReason),
    /// Response tainting `cors`, HTTP fetch without a preflight (a "simple" request).
    Cors,
    /// Response tainting `cors`, HTTP fetch with makeCORSPreflight true: a preflight is
    /// sent unless the preflight cache covers the request.
    CorsWithPreflight(PreflightTriggers),
}

/// One reason a request needs a preflight.
///
/// <https://fetch.spec.whatwg.org/#main-fetch>
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PreflightReason<'a> {
    /// The use-CORS-preflight flag is set.
    UseCorsPreflightFlag,
    /// The (normalized) method is not a CORS-safelisted method.
    MethodNotSafelisted(&'a [u8]),
    /// A CORS-unsafe request-header name, and why it is unsafe.
    UnsafeHeaderName(UnsafeName<'a>),
}

/// The classification of a `fetch()`: the verdict, and the request it was made from.
///
/// <https://fetch.spec.whatwg.org/#concept-request>
#[derive(Clone, Copy, Debug)]
pub struct Classification<'a, L> {
    origin: Origin<'a>,
    method: &'a [u8],
    headers: GuardedHeaders<L>,
    credentials: CredentialsMode,
    verdict: Verdict,
}

/// Classifies a `fetch()`: runs the `Request` constructor's checks, fills the headers
/// through the mode's guard, then picks main fetch's branch.
///
/// The unsafe-request flag is set, as `fetch()` sets it. The verdict depends neither on
/// the order of the script's headers nor on the case of their names, except in mode
/// `no-cors`, where which of several same-name values survive depends on their order (the
/// verdict, opaque, does not), and in profile Chromium when a name repeats: Chromium
/// checks the values joined in order (DEV-CHROMIUM-COMBINED-VALUES).
///
/// <https://fetch.spec.whatwg.org/#dom-request>, <https://fetch.spec.whatwg.org/#main-fetch>
pub fn classify_fetch<'a, L: HeaderList<'a>>(
    input: FetchInput<'a, L>,
) -> Result<Classification<'a, L>, RequestError> {
    let method = request_method(input.method, input.mode)?;
    // The headers' guard is `request`, or `request-no-cors` for mode no-cors; then the
    // headers are filled with init.headers.
    let guard = match input.mode {
        RequestMode::NoCors => Guard::RequestNoCors,
        RequestMode::SameOrigin | RequestMode::Cors => Guard::Request,
    };
    let list = BoundedHeaders::new(input.headers.clone()).map_err(RequestError::HeaderLimit)?;
    let headers = GuardedHeaders::fill(list, guard, input.profile).map_err(RequestError::Header)?;
    // A body without a source (a stream) needs mode same-origin or cors, then sets the
    // use-CORS-preflight flag.
    if input.use_cors_preflight && input.mode == RequestMode::NoCors {
        return Err(RequestError::UseCorsPreflightInNoCorsMode);
    }
    let unsafe_names_empty = CorsUnsafeNames::new(headers.iter(), input.profile).is_empty();
    let verdict = main_fetch_verdict(&input, method, unsafe_names_empty);
    Ok(Classification {
        origin: input.origin,
        method,
        headers,
        credentials: input.credentials,
        verdict,
    })
}

/// The `Request` constructor's method steps: validate and normalize `init.method`, then
/// refuse a method that is not CORS-safelisted in mode no-cors.
fn request_method(method: &[u8], mode: RequestMode) -> Result<&[u8], RequestError> {
    // If method is not a method or method is a forbidden method, then throw a TypeError.
    if !is_method(method) {
        return Err(RequestError::InvalidMethod);
    }
    if is_forbidden_method(method) {
        return Err(RequestError::ForbiddenMethod);
    }
    // Normalize method.
    let method = normalize_method(method);
    // If this's request's mode is "no-cors": if this's request's method is not a
    // CORS-safelisted method, then throw a TypeError.
    if mode == RequestMode::NoCors && !is_cors_safelisted_method(method) {
        return Err(RequestError::NoCorsMethodNotSafelisted);
    }
    Ok(method)
}

/// Main fetch's branch for a new request, whose response tainting is still `basic`.
fn main_fetch_verdict<L>(
    input: &FetchInput<'_, L>,
    method: &[u8],
    unsafe_names_empty: bool,
) -> Verdict {
    let scheme = input.url_scheme;
    // ↪ request's current URL's origin is same origin with request's origin, and
    //   request's response tainting is "basic"
    if input.url_origin.is_same_origin(&input.origin) {
        return Verdict::Basic(BasicReason::SameOrigin);
    }
    // ↪ request's current URL's scheme is "data"
    if scheme.eq_ignore_ascii_case("data") {
        return Verdict::Basic(BasicReason::DataScheme);
    }
    match input.mode {
        // ↪ request's mode is "same-origin": return a network error.
        RequestMode::SameOrigin => {
            return Verdict::NetworkError(NetworkErrorReason::SameOriginModeCrossOrigin);
        }
        // ↪ request's mode is "no-cors": if request's redirect mode is not "follow",
        //   return a network error; set request's response tainting to "opaque".
        RequestMode::NoCors if input.redirect != RedirectMode::Follow => {
            return Verdict::NetworkError(NetworkErrorReason::NoCorsRedirectNotFollow);
        }
        RequestMode::NoCors => return Verdict::Opaque,
        RequestMode::Cors => {}
    }
    // ↪ request's current URL's scheme is not an HTTP(S) scheme: return a network error.
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
        return Verdict::NetworkError(NetworkErrorReason::NotHttpScheme);
    }
    // ↪ request's use-CORS-preflight flag is set
    // ↪ request's unsafe-request flag is set and either request's method is not a
    //   CORS-safelisted method or CORS-unsafe request-header names with request's header
    //   list is not empty
    let triggers = PreflightTriggers {
        use_cors_preflight_flag: input.use_cors_preflight,
        method_not_safelisted: !is_cors_safelisted_method(method),
        unsafe_header_names: !unsafe_names_empty,
    };
    if triggers.use_cors_preflight_flag
        || triggers.method_not_safelisted
        || triggers.unsafe_header_names
    {
        return Verdict::CorsWithPreflight(triggers);
    }
    // ↪ Otherwise: set request's response tainting to "cors"; HTTP fetch.
    Verdict::Cors
}

impl<'a, L: HeaderList<'a>> Classification<'a, L> {
    /// The verdict.
    pub const fn verdict(&self) -> Verdict {
        self.verdict
    }

    /// The request's method, normalized (`put` became `PUT`; `patch` stays `patch`).
    pub const fn method(&self) -> &'a [u8] {
        self.method
    }

    /// The request's origin.
    pub const fn origin(&self) -> Origin<'a> {
        self.origin
    }

    /// The request's credentials mode.
    pub const fn credentials_mode(&self) -> CredentialsMode {
        self.credentials
    }

    /// The request's header list, as the guard left it.
    pub const fn headers(&self) -> &GuardedHeaders<L> {
        &self.headers
    }

    /// Writes the serialization of the request's origin: its ASCII serialization, `null`
    /// when opaque. A new request's redirect-taint is `same-origin`, so no redirect turns
    /// it into `null` here.
    ///
    /// <https://fetch.spec.whatwg.org/#serializing-a-request-origin>
    pub fn write_serialized_origin(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        self.origin.write_ascii(&mut &mut *out)
    }

    /// The CORS-unsafe request-header names of the request's header list, whatever the
    /// verdict (only [`Verdict::CorsWithPreflight`] sends them).
    ///
    /// <https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names>
    pub fn unsafe_names(
        &self,
    ) -> CorsUnsafeNames<impl Iterator<Item = (&'a [u8], &'a [u8])> + Clone> {
        CorsUnsafeNames::new(self.headers.iter(), self.profile())
    }

    fn profile(&self) -> Profile {
        self.headers.profile()
    }

    /// Every reason the request needs a preflight: the use-CORS-preflight flag, the
    /// method, then each CORS-unsafe name in order. Empty unless the verdict is
    /// [`Verdict::CorsWithPreflight`].
    pub fn preflight_reasons(&self) -> impl Iterator<Item = PreflightReason<'a>> + Clone {
        let triggers = match self.verdict {
            Verdict::CorsWithPreflight(triggers) => Some(triggers),
            _ => None,
        };
        let flag = triggers
            .filter(|t| t.use_cors_preflight_flag)
            .map(|_| PreflightReason::UseCorsPreflightFlag);
        let method = triggers
            .filter(|t| t.method_not_safelisted)
            .map(|_| PreflightReason::MethodNotSafelisted(self.method));
        let names = triggers
            .filter(|t| t.unsafe_header_names)
            .map(|_| self.unsafe_names().iter())
            .into_iter()
            .flatten()
            .map(PreflightReason::UnsafeHeaderName);
        flag.into_iter().chain(method).chain(names)
    }

    /// The preflight request, when the verdict is [`Verdict::CorsWithPreflight`].
    ///
    /// <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0>
    pub fn preflight(
        &self,
    ) -> Option<PreflightRequest<'a, impl Iterator<Item = (&'a [u8], &'a [u8])> + Clone>> {
        matches!(self.verdict, Verdict::CorsWithPreflight(_)).then(|| PreflightRequest {
            origin: self.origin,
            method: self.method,
            names: self.unsafe_names(),
        })
    }
}

/// The CORS-preflight request a browser sends: method `OPTIONS`, mode `cors`, no
/// credentials, and the headers of steps 2–5 (`Origin` and the others are added later, by
/// HTTP-network-or-cache fetch).
///
/// <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0>
#[derive(Clone, Debug)]
pub struct PreflightRequest<'a, I> {
    origin: Origin<'a>,
    method: &'a [u8],
    names: CorsUnsafeNames<I>,
}

impl<'a, I: Iterator<Item = (&'a [u8], &'a [u8])> + Clone> PreflightRequest<'a, I> {
    /// The preflight's method.
    pub const METHOD: &'static [u8] = b"OPTIONS";

    /// The value of `Accept` (step 2).
    pub const ACCEPT: &'static [u8] = b"*/*";

    /// The value of `Access-Control-Request-Method`: the request's method, exactly (step 3).
    pub const fn access_control_request_method(&self) -> &'a [u8] {
        self.method
    }

    /// The value of `Access-Control-Request-Headers` (steps 4–5): the CORS-unsafe names,
    /// lowercased and sorted, joined by `,` with no space; `None` when there are none (the
    /// header is then absent).
    pub fn access_control_request_headers(&self) -> Option<AccessControlRequestHeaders<'_, I>> {
        (!self.names.is_empty()).then_some(AccessControlRequestHeaders(&self.names))
    }

    /// The request's origin; HTTP-network-or-cache fetch adds it as `Origin` (the tainting
    /// is `cors`), serialized (`null` when opaque).
    pub const fn origin(&self) -> Origin<'a> {
        self.origin
    }

    /// The CORS-unsafe names, with their reasons.
    pub const fn unsafe_names(&self) -> &CorsUnsafeNames<I> {
        &self.names
    }
}

/// The value of `Access-Control-Request-Headers`, written by [`fmt::Display`].
///
/// <https://fetch.spec.whatwg.org/#http-access-control-request-headers>
#[derive(Clone, Copy, Debug)]
pub struct AccessControlRequestHeaders<'n, I>(&'n CorsUnsafeNames<I>);

impl<'a, I: Iterator<Item = (&'a [u8], &'a [u8])> + Clone> fmt::Display
    for AccessControlRequestHeaders<'_, I>
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write_access_control_request_headers(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OpaqueId;
    use crate::http::method::is_forbidden_method;
    use crate::origin::host::Host;

    type Pairs<'a> = &'a [(&'a [u8], &'a [u8])];

    const PAGE: Origin<'static> = Origin::tuple("https", Host::Domain("page.example"), None);
    const API: Origin<'static> = Origin::tuple("https", Host::Domain("api.example"), None);

    fn input<'a>(method: &'a str, headers: Pairs<'a>) -> FetchInput<'a, Pairs<'a>> {
        FetchInput {
            origin: PAGE,
            url_scheme: "https",
            url_origin: API,
            method: method.as_bytes(),
            headers,
            mode: RequestMode::Cors,
            credentials: CredentialsMode::SameOrigin,
            redirect: RedirectMode::Follow,
            use_cors_preflight: false,
            profile: Profile::Spec,
        }
    }

    /// The preflight's `Access-Control-Request-Headers`, or `None` without a preflight or
    /// without the header.
    fn preflight_headers(
        input: FetchInput<'_, Pairs<'_>>,
    ) -> Result<(Verdict, Option<heapless::String<1024>>), RequestError> {
        let c = classify_fetch(input)?;
        let value = c.preflight().and_then(|p| {
            p.access_control_request_headers().map(|v| {
                let mut out = heapless::String::new();
                assert_eq!(core::fmt::write(&mut out, format_args!("{v}")), Ok(()));
                out
            })
        });
        Ok((c.verdict(), value))
    }

    const NO_TRIGGER: PreflightTriggers = PreflightTriggers {
        use_cors_preflight_flag: false,
        method_not_safelisted: false,
        unsafe_header_names: true,
    };

    /// cors-vectors.json no_preflight_requests (cors-no-preflight.any.js).
    #[test]
    fn simple_requests_need_no_preflight() -> Result<(), RequestError> {
        let cases: [(&str, Pairs<'_>); 11] = [
            ("GET", &[]),
            ("POST", &[]),
            ("HEAD", &[]),
            ("GET", &[(b"Accept", b"*/*")]),
            ("GET", &[(b"Accept-Language", b"fr")]),
            ("GET", &[(b"Content-Language", b"fr")]),
            (
                "GET",
                &[(b"Content-Type", b"application/x-www-form-urlencoded")],
            ),
            ("GET", &[(b"Content-Type", b"multipart/form-data")]),
            ("GET", &[(b"Content-Type", b"text/plain")]),
            ("GET", &[(b"Content-Type", b"text/plain;charset=utf-8")]),
            ("GET", &[(b"Content-Type", b"Text/Plain;charset=utf-8")]),
        ];
        for (method, headers) in cases {
            let c = classify_fetch(input(method, headers))?;
            assert_eq!(c.verdict(), Verdict::Cors, "{method} {headers:?}");
            assert!(c.preflight().is_none());
            assert_eq!(c.preflight_reasons().count(), 0);
        }
        Ok(())
    }

    /// cors-vectors.json not_cors_safelisted (not-cors-safelisted.json): a GET with one of
    /// these headers is preflighted, and the header's name is the whole
    /// `Access-Control-Request-Headers`.
    #[test]
    fn not_safelisted_headers_are_preflighted() -> Result<(), RequestError> {
        let cases: [(&[u8], &[u8]); 13] = [
            (b"accept", b"\""),
            (b"accept", b"012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678"),
            (b"accept-language", b"\x01"),
            (b"accept-language", b"@"),
            (b"authorization", b"basics"),
            (b"content-language", b"\x01"),
            (b"content-language", b"@"),
            (b"content-type", b"text/html"),
            (b"content-type", b"text/plain; long=0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901"),
            (b"last-event-id", b"\""),
            (b"last-event-id", b"012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678"),
            (b"range", b"bytes 0-"),
            (b"test", b"hi"),
        ];
        for (name, value) in cases {
            let pairs = [(name, value)];
            let (verdict, headers) = preflight_headers(input("GET", &pairs))?;
            assert_eq!(
                verdict,
                Verdict::CorsWithPreflight(NO_TRIGGER),
                "{name:?}: {value:?}"
            );
            assert_eq!(
                headers.as_deref().map(str::as_bytes),
                Some(name),
                "{name:?}"
            );
        }
        Ok(())
    }

    /// cors-vectors.json request_header_safelist (cors-safelisted-request-header.any.js):
    /// POST with a string body, so `Content-Type: text/plain;charset=UTF-8` is appended
    /// when the script set none. Expected: `fetch_spec_2026_07_expect_preflight`.
    #[test]
    fn request_header_safelist_vectors() -> Result<(), RequestError> {
        let cases: [(&[u8], &[u8], bool); 14] = [
            (b"content-type", b"text /plain", true),
            (b"content-type", b"text/plain;", false),
            (b"content-type", b"text/plain;garbage", false),
            (b"content-type", b"text/plain,", true),
            (b"content-type", b"multipart/form-data", false),
            (b"content-type", b"multipart/form-data;\"", true),
            (b"range", b"bytes=100-200", false),
            (b"range", b"bytes =100-200", true),
            (b"range", b"bytes=-200", true),
            (b"range", b"bytes=200-", false),
            (b"range", b"bytes=200-100", true),
            // Fetch 2026-07 does not safelist Last-Event-ID (web-platform-tests expect it).
            (b"last-event-id", b"abc123", true),
            (b"last-event-id", b"e5p3n<3k0k0s", true),
            (b"range", b"bytes=100-200,300-400", true),
        ];
        for (name, value, preflight) in cases {
            let mut pairs: heapless::Vec<(&[u8], &[u8]), 2> = heapless::Vec::new();
            assert_eq!(pairs.push((name, value)), Ok(()));
            if !name.eq_ignore_ascii_case(b"content-type") {
                assert_eq!(
                    pairs.push((b"Content-Type", b"text/plain;charset=UTF-8")),
                    Ok(())
                );
            }
            let (verdict, headers) = preflight_headers(input("POST", &pairs))?;
            let want = if preflight {
                Verdict::CorsWithPreflight(NO_TRIGGER)
            } else {
                Verdict::Cors
            };
            assert_eq!(verdict, want, "{name:?}: {value:?}");
            assert_eq!(headers.is_some(), preflight, "{name:?}: {value:?}");
        }
        Ok(())
    }

    #[test]
    fn methods_are_validated_then_normalized() -> Result<(), RequestError> {
        // forbidden_methods (forbidden-method.any.js): a TypeError.
        for method in ["CONNECT", "TRACE", "TRACK", "connect", "trace", "track"] {
            assert!(is_forbidden_method(method.as_bytes()));
            let got = classify_fetch(input(method, &[])).err();
            assert_eq!(got, Some(RequestError::ForbiddenMethod), "{method}");
            assert!(got.is_some_and(|e| e.is_type_error()));
        }
        assert_eq!(
            classify_fetch(input("GE T", &[])).err(),
            Some(RequestError::InvalidMethod)
        );
        assert_eq!(
            classify_fetch(input("", &[])).err(),
            Some(RequestError::InvalidMethod)
        );
        // `post` normalizes to the safelisted `POST`; `patch` keeps its case and is not.
        let c = classify_fetch(input("post", &[]))?;
        assert_eq!((c.method(), c.verdict()), (&b"POST"[..], Verdict::Cors));
        let c = classify_fetch(input("put", &[]))?;
        let preflight = c.preflight();
        assert_eq!(
            preflight
                .as_ref()
                .map(|p| p.access_control_request_method()),
            Some(&b"PUT"[..])
        );
        assert!(preflight.is_some_and(|p| p.access_control_request_headers().is_none()));
        let c = classify_fetch(input("patch", &[]))?;
        assert_eq!(
            c.preflight().map(|p| p.access_control_request_method()),
            Some(&b"patch"[..])
        );
        let reasons: heapless::Vec<_, 2> = c.preflight_reasons().collect();
        assert_eq!(reasons, [PreflightReason::MethodNotSafelisted(b"patch")]);
        Ok(())
    }

    #[test]
    fn main_fetch_branches_in_order() -> Result<(), RequestError> {
        let data = Origin::Opaque(OpaqueId(7));
        let cases: [(&str, FetchInput<'_, Pairs<'_>>, Verdict); 8] = [
            (
                "same origin",
                FetchInput {
                    url_origin: PAGE,
                    ..input("PUT", &[])
                },
                Verdict::Basic(BasicReason::SameOrigin),
            ),
            (
                "data URL",
                FetchInput {
                    url_scheme: "data",
                    url_origin: data,
                    ..input("GET", &[])
                },
                Verdict::Basic(BasicReason::DataScheme),
            ),
            (
                "same-origin mode",
                FetchInput {
                    mode: RequestMode::SameOrigin,
                    ..input("GET", &[])
                },
                Verdict::NetworkError(NetworkErrorReason::SameOriginModeCrossOrigin),
            ),
            (
                "no-cors",
                FetchInput {
                    mode: RequestMode::NoCors,
                    ..input("POST", &[(b"X-A", b"1")])
                },
                Verdict::Opaque,
            ),
            (
                "no-cors manual redirect",
                FetchInput {
                    mode: RequestMode::NoCors,
                    redirect: RedirectMode::Manual,
                    ..input("GET", &[])
                },
                Verdict::NetworkError(NetworkErrorReason::NoCorsRedirectNotFollow),
            ),
            (
                "no-cors to a data URL",
                FetchInput {
                    mode: RequestMode::NoCors,
                    url_scheme: "data",
                    url_origin: data,
                    ..input("GET", &[])
                },
                Verdict::Basic(BasicReason::DataScheme),
            ),
            (
                "cors to ftp",
                FetchInput {
                    url_scheme: "ftp",
                    url_origin: Origin::Opaque(OpaqueId(8)),
                    ..input("GET", &[])
                },
                Verdict::NetworkError(NetworkErrorReason::NotHttpScheme),
            ),
            (
                "streaming body",
                FetchInput {
                    use_cors_preflight: true,
                    ..input("POST", &[])
                },
                Verdict::CorsWithPreflight(PreflightTriggers {
                    use_cors_preflight_flag: true,
                    method_not_safelisted: false,
                    unsafe_header_names: false,
                }),
            ),
        ];
        for (desc, input, want) in cases {
            let c = classify_fetch(input)?;
            assert_eq!(c.verdict(), want, "{desc}");
            assert_eq!(
                c.preflight().is_some(),
                matches!(want, Verdict::CorsWithPreflight(_)),
                "{desc}"
            );
        }
        Ok(())
    }

    #[test]
    fn constructor_type_errors() {
        let no_cors_put = FetchInput {
            mode: RequestMode::NoCors,
            ..input("PUT", &[])
        };
        assert_eq!(
            classify_fetch(no_cors_put).err(),
            Some(RequestError::NoCorsMethodNotSafelisted)
        );
        let stream = FetchInput {
            mode: RequestMode::NoCors,
            use_cors_preflight: true,
            ..input("POST", &[])
        };
        assert_eq!(
            classify_fetch(stream).err(),
            Some(RequestError::UseCorsPreflightInNoCorsMode)
        );
        let bad_header: Pairs<'_> = &[(b"X-A", b"1"), (b"X B", b"2")];
        assert_eq!(
            classify_fetch(input("GET", bad_header)).err(),
            Some(RequestError::Header(GuardError {
                index: 1,
                kind: crate::browser::request::guard::GuardErrorKind::InvalidName
            }))
        );
        let many: [(&[u8], &[u8]); crate::limits::MAX_HEADER_COUNT + 1] =
            [(b"a", b"b"); crate::limits::MAX_HEADER_COUNT + 1];
        let err = classify_fetch(input("GET", &many)).err();
        assert_eq!(
            err,
            Some(RequestError::HeaderLimit(HeaderLimitError::TooManyHeaders))
        );
        assert!(err.is_some_and(|e| !e.is_type_error()));
    }

    #[test]
    fn every_reason_is_reported() -> Result<(), RequestError> {
        let headers: Pairs<'_> = &[
            (b"Cookie", b"a=b"),
            (b"X-B", b"1"),
            (b"Content-Type", b"application/json"),
            (b"Accept", b"*/*"),
        ];
        let c = classify_fetch(FetchInput {
            use_cors_preflight: true,
            ..input("DELETE", headers)
        })?;
        let reasons: heapless::Vec<_, 4> = c.preflight_reasons().collect();
        assert_eq!(reasons.len(), 4, "{reasons:?}");
        assert_eq!(reasons[0], PreflightReason::UseCorsPreflightFlag);
        assert_eq!(reasons[1], PreflightReason::MethodNotSafelisted(b"DELETE"));
        assert!(matches!(
            reasons[2],
            PreflightReason::UnsafeHeaderName(UnsafeName {
                name: b"Content-Type",
                reason: super::super::unsafe_names::UnsafeReason::NotSafelisted(_)
            })
        ));
        assert!(matches!(
            reasons[3],
            PreflightReason::UnsafeHeaderName(UnsafeName { name: b"X-B", .. })
        ));
        // The forbidden Cookie was dropped by the guard, so it is not asked about.
        let (_, value) = preflight_headers(FetchInput {
            use_cors_preflight: true,
            ..input("DELETE", headers)
        })?;
        assert_eq!(value.as_deref(), Some("content-type,x-b"));
        Ok(())
    }

    #[test]
    fn header_order_and_name_case_do_not_matter() -> Result<(), RequestError> {
        let a: Pairs<'_> = &[
            (b"X-Z", b"1"),
            (b"accept", b"*/*"),
            (b"x-a", b"2"),
            (b"X-z", b"3"),
        ];
        let b: Pairs<'_> = &[
            (b"x-z", b"3"),
            (b"X-A", b"2"),
            (b"x-Z", b"1"),
            (b"ACCEPT", b"*/*"),
        ];
        let (va, ha) = preflight_headers(input("GET", a))?;
        let (vb, hb) = preflight_headers(input("GET", b))?;
        assert_eq!((va, ha.as_deref()), (vb, hb.as_deref()));
        assert_eq!(ha.as_deref(), Some("x-a,x-z"));
        Ok(())
    }

    #[test]
    fn no_cors_keeps_only_no_cors_safelisted_headers() -> Result<(), RequestError> {
        let headers: Pairs<'_> = &[
            (b"X-A", b"1"),
            (b"Accept", b"*/*"),
            (b"Range", b"bytes=0-1"),
            (b"Content-Type", b"application/json"),
        ];
        let c = classify_fetch(FetchInput {
            mode: RequestMode::NoCors,
            ..input("GET", headers)
        })?;
        assert_eq!(c.verdict(), Verdict::Opaque);
        let kept: heapless::Vec<_, 4> = c.headers().iter().collect();
        assert_eq!(kept, [(&b"Accept"[..], &b"*/*"[..])]);
        assert!(c.unsafe_names().is_empty());
        assert!(c.preflight().is_none());
        Ok(())
    }

    #[test]
    fn serialized_origin() -> Result<(), RequestError> {
        let mut out = heapless::String::<64>::new();
        assert_eq!(
            classify_fetch(input("GET", &[]))?.write_serialized_origin(&mut out),
            Ok(())
        );
        assert_eq!(out, "https://page.example");
        let opaque = FetchInput {
            origin: Origin::Opaque(OpaqueId(1)),
            ..input("GET", &[])
        };
        let c = classify_fetch(opaque)?;
        let mut out = heapless::String::<64>::new();
        assert_eq!(c.write_serialized_origin(&mut out), Ok(()));
        assert_eq!(out, "null");
        assert_eq!(c.preflight().map(|p| p.origin()), None);
        Ok(())
    }
}
