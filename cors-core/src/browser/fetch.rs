//! One `fetch()` end to end, as a browser with an empty preflight cache runs it: the
//! verdict, the CORS-preflight fetch and its validation, then the CORS check of the
//! actual response.
//!
//! The caller supplies what the server answered (a preflight response, when one is
//! asked for, and the actual response) and gets the browser's outcome: allowed (with the
//! response tainting, which selects the filter script sees through) or blocked (with the
//! stage and the typed reason). [`readable_header_names`] then gives the header names
//! script can read from the actual response under that tainting.
//!
//! <https://fetch.spec.whatwg.org/#main-fetch>, <https://fetch.spec.whatwg.org/#http-fetch>,
//! <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0>

use super::diagnostics::{BlockReason, Stage};
use super::request::{Classification, NetworkErrorReason, Verdict};
use super::response::{
    ExposedHeaders, PreflightedRequest, cors_check, validate_preflight_response,
};
use super::{CredentialsMode, Profile};
use crate::http::header::{BoundedHeaders, HeaderList};
use crate::http::header_names::is_forbidden_response_header_name;
use crate::http::names::SortedLowercaseSet;

/// What a server answered: a status and a header list.
#[derive(Clone, Copy, Debug)]
pub struct ServerResponse<L> {
    /// The status code.
    pub status: u16,
    /// The headers, in order.
    pub headers: L,
}

/// The response tainting of an allowed fetch: which filtered response script sees.
///
/// <https://fetch.spec.whatwg.org/#concept-request-response-tainting>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // closed by the Fetch Standard
pub enum Tainting {
    /// Same origin (or `data:`): the basic filtered response, every header but
    /// `Set-Cookie` and `Set-Cookie2`.
    Basic,
    /// A CORS response: the CORS-filtered response.
    Cors,
    /// Mode `no-cors` across origins: an opaque response, no headers.
    Opaque,
}

/// How a fetch ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FetchOutcome<'a> {
    /// The fetch resolved with a response of this tainting.
    Allowed(Tainting),
    /// The CORS protocol blocked it: a network error at the preflight or the response.
    Blocked(BlockReason<'a>),
    /// Main fetch returned a network error before sending anything.
    NetworkError(NetworkErrorReason),
}

/// The browser's side of one fetch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FetchResult<'a> {
    /// Whether a CORS-preflight request was sent (the preflight cache being empty).
    pub preflight_sent: bool,
    /// How the fetch ended.
    pub outcome: FetchOutcome<'a>,
}

/// An empty header list: the answer taken when a preflight is sent but the caller has no
/// preflight response (a server that answers `OPTIONS` without any CORS header).
const NO_HEADERS: &[(&[u8], &[u8])] = &[];

/// Runs the fetch `classification` describes against the server's answers.
///
/// `serialized_origin` is the byte-serialized request origin
/// ([`Classification::write_serialized_origin`]). `preflight_response` is used only when
/// a preflight is sent; when it is `None`, the server is taken to answer the preflight
/// with no headers at all (status 0), which fails the CORS check.
///
/// <https://fetch.spec.whatwg.org/#main-fetch> step 12, <https://fetch.spec.whatwg.org/#http-fetch>
pub fn run_fetch<'a, L, P, R>(
    classification: &Classification<'a, L>,
    serialized_origin: &'a [u8],
    preflight_response: Option<ServerResponse<P>>,
    response: ServerResponse<R>,
    profile: Profile,
) -> FetchResult<'a>
where
    L: HeaderList<'a>,
    P: HeaderList<'a>,
    R: HeaderList<'a>,
{
    let credentials = classification.credentials_mode();
    let (preflight_sent, outcome) = match classification.verdict() {
        Verdict::Basic(_) => (false, FetchOutcome::Allowed(Tainting::Basic)),
        Verdict::Opaque => (false, FetchOutcome::Allowed(Tainting::Opaque)),
        Verdict::NetworkError(why) => (false, FetchOutcome::NetworkError(why)),
        Verdict::Cors => (false, actual(serialized_origin, &response, credentials)),
        Verdict::CorsWithPreflight(_) => {
            let preflight = match preflight_response {
                Some(answer) => preflight(classification, serialized_origin, &answer, profile),
                None => {
                    let nothing = ServerResponse {
                        status: 0,
                        headers: NO_HEADERS,
                    };
                    preflight(classification, serialized_origin, &nothing, profile)
                }
            };
            let outcome = match preflight {
                Err(reason) => FetchOutcome::Blocked(reason),
                Ok(()) => actual(serialized_origin, &response, credentials),
            };
            (true, outcome)
        }
    };
    FetchResult {
        preflight_sent,
        outcome,
    }
}

/// The header names script can read from a response of `tainting`, as the sorted-lowercase
/// set `[...response.headers.keys()]` shows: every name but `Set-Cookie`/`Set-Cookie2` for a
/// basic filtered response, the CORS-exposed names for a CORS filtered response, none for an
/// opaque one.
///
/// <https://fetch.spec.whatwg.org/#concept-filtered-response-basic>,
/// <https://fetch.spec.whatwg.org/#concept-filtered-response-cors>,
/// <https://fetch.spec.whatwg.org/#concept-filtered-response-opaque>
pub fn readable_header_names<'a, 'h, L: HeaderList<'a>>(
    headers: &'h BoundedHeaders<L>,
    tainting: Tainting,
    credentials: CredentialsMode,
) -> impl Iterator<Item = &'a [u8]> + Clone + use<'a, 'h, L> {
    let exposed = ExposedHeaders::new(headers, credentials);
    let readable = move |name: &&'a [u8]| match tainting {
        Tainting::Basic => !is_forbidden_response_header_name(name),
        Tainting::Cors => exposed.is_exposed(name),
        Tainting::Opaque => false,
    };
    SortedLowercaseSet::new(headers.iter().map(|(name, _)| name).filter(readable))
}

/// The CORS-preflight fetch's validation (step 7 of `#cors-preflight-fetch-0`), with an
/// empty cache: nothing is stored.
fn preflight<'a, L, P>(
    classification: &Classification<'a, L>,
    serialized_origin: &'a [u8],
    answer: &ServerResponse<P>,
    profile: Profile,
) -> Result<(), BlockReason<'a>>
where
    L: HeaderList<'a>,
    P: HeaderList<'a>,
{
    let headers = BoundedHeaders::new(answer.headers.clone())
        .map_err(|e| BlockReason::HeaderLimit(Stage::Preflight, e))?;
    let unsafe_names = classification.unsafe_names();
    let request = PreflightedRequest {
        method: classification.method(),
        unsafe_header_names: unsafe_names.names(),
        has_authorization: classification
            .headers()
            .values(b"authorization")
            .next()
            .is_some(),
        credentials: classification.credentials_mode(),
        use_cors_preflight: matches!(
            classification.verdict(),
            Verdict::CorsWithPreflight(t) if t.use_cors_preflight_flag
        ),
        serialized_origin,
    };
    validate_preflight_response(&request, answer.status, &headers, profile).map(|_grant| ())
}

/// HTTP fetch's CORS check of the actual response (step 5 of `#http-fetch`).
fn actual<'a, R: HeaderList<'a>>(
    serialized_origin: &[u8],
    response: &ServerResponse<R>,
    credentials: CredentialsMode,
) -> FetchOutcome<'a> {
    let headers = match BoundedHeaders::new(response.headers.clone()) {
        Ok(headers) => headers,
        Err(e) => return FetchOutcome::Blocked(BlockReason::HeaderLimit(Stage::Response, e)),
    };
    match cors_check(&headers, serialized_origin, credentials) {
        Ok(()) => FetchOutcome::Allowed(Tainting::Cors),
        Err(failure) => FetchOutcome::Blocked(BlockReason::CorsCheck(failure)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser::diagnostics::BlockReason;
    use crate::browser::request::{
        FetchInput, RedirectMode, RequestError, RequestMode, classify_fetch,
    };
    use crate::browser::response::CorsCheckFailure;
    use crate::origin::Origin;
    use crate::origin::host::Host;

    type Pairs<'a> = &'a [(&'a str, &'a str)];

    const PAGE: Origin<'static> = Origin::tuple("https", Host::Domain("page.example"), None);
    const API: Origin<'static> = Origin::tuple("https", Host::Domain("api.example"), None);
    const SERIALIZED_PAGE: &[u8] = b"https://page.example";
    const RESPONSE: Pairs<'static> = &[
        ("Access-Control-Allow-Origin", "https://page.example"),
        ("Content-Type", "text/plain"),
        ("Set-Cookie", "a=b"),
        ("X-Secret", "1"),
    ];

    fn input<'a>(
        url_origin: Origin<'a>,
        method: &'a str,
        mode: RequestMode,
    ) -> FetchInput<'a, Pairs<'a>> {
        FetchInput {
            origin: PAGE,
            url_scheme: "https",
            url_origin,
            method: method.as_bytes(),
            headers: &[],
            mode,
            credentials: CredentialsMode::SameOrigin,
            redirect: RedirectMode::Follow,
            use_cors_preflight: false,
            profile: Profile::Spec,
        }
    }

    fn fetch<'a>(
        input: FetchInput<'a, Pairs<'a>>,
        preflight: Option<Pairs<'a>>,
        response: Pairs<'a>,
    ) -> Result<FetchResult<'a>, RequestError> {
        let c = classify_fetch(input)?;
        let preflight = preflight.map(|headers| ServerResponse {
            status: 204,
            headers,
        });
        let response = ServerResponse {
            status: 200,
            headers: response,
        };
        Ok(run_fetch(
            &c,
            SERIALIZED_PAGE,
            preflight,
            response,
            Profile::Spec,
        ))
    }

    fn names<'a>(tainting: Tainting) -> heapless::Vec<&'a [u8], 8> {
        let headers = BoundedHeaders::within_limits(RESPONSE);
        readable_header_names(&headers, tainting, CredentialsMode::SameOrigin).collect()
    }

    #[test]
    fn main_fetch_branches_end_as_the_standard_says() -> Result<(), RequestError> {
        // #main-fetch: same origin → basic; no-cors → opaque; same-origin mode across
        // origins → network error; a simple CORS request → the CORS check alone.
        let same = fetch(input(PAGE, "PUT", RequestMode::Cors), None, &[])?;
        assert_eq!(same.outcome, FetchOutcome::Allowed(Tainting::Basic));
        let opaque = fetch(input(API, "GET", RequestMode::NoCors), None, &[])?;
        assert_eq!(opaque.outcome, FetchOutcome::Allowed(Tainting::Opaque));
        let refused = fetch(input(API, "GET", RequestMode::SameOrigin), None, RESPONSE)?;
        assert!(matches!(refused.outcome, FetchOutcome::NetworkError(_)));
        let simple = fetch(input(API, "GET", RequestMode::Cors), None, RESPONSE)?;
        assert_eq!(
            (simple.preflight_sent, simple.outcome),
            (false, FetchOutcome::Allowed(Tainting::Cors))
        );
        Ok(())
    }

    #[test]
    fn a_preflight_runs_before_the_actual_response_is_checked() -> Result<(), RequestError> {
        let allow_put: Pairs<'_> = &[
            ("Access-Control-Allow-Origin", "https://page.example"),
            ("Access-Control-Allow-Methods", "PUT"),
        ];
        let ok = fetch(
            input(API, "PUT", RequestMode::Cors),
            Some(allow_put),
            RESPONSE,
        )?;
        assert_eq!(
            (ok.preflight_sent, ok.outcome),
            (true, FetchOutcome::Allowed(Tainting::Cors))
        );
        // A preflight answered without any header fails its CORS check (the reason names
        // the preflight), and the actual response is never looked at.
        let none = fetch(input(API, "PUT", RequestMode::Cors), None, RESPONSE)?;
        assert_eq!(
            none.outcome,
            FetchOutcome::Blocked(BlockReason::PreflightCorsCheck(
                CorsCheckFailure::MissingAllowOrigin
            ))
        );
        // The preflight passes, the actual response has no Access-Control-Allow-Origin.
        let actual = fetch(input(API, "PUT", RequestMode::Cors), Some(allow_put), &[])?;
        assert_eq!(
            actual.outcome,
            FetchOutcome::Blocked(BlockReason::CorsCheck(CorsCheckFailure::MissingAllowOrigin))
        );
        Ok(())
    }

    #[test]
    fn readable_names_follow_the_filtered_response() {
        // #concept-filtered-response-basic drops only Set-Cookie; the CORS filter keeps the
        // safelisted names; the opaque filter keeps nothing.
        let basic: [&[u8]; 3] = [b"Access-Control-Allow-Origin", b"Content-Type", b"X-Secret"];
        assert_eq!(names(Tainting::Basic), basic);
        assert_eq!(names(Tainting::Cors), [&b"Content-Type"[..]]);
        assert!(names(Tainting::Opaque).is_empty());
    }
}
