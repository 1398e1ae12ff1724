//! One `fetch()` end to end, as a browser with an empty preflight cache runs it: the
//! verdict, the CORS-preflight fetch and its validation, then the CORS check of the
//! actual response.
//!
//! The caller supplies what the server answered (a preflight response, when one is
//! asked for, and the actual response) and gets the browser's outcome: allowed (with the
//! response tainting, which selects the filter script sees through) or blocked (with the
//! stage and the typed reason). The headers script can read are then
//! [`crate::browser::response::ExposedHeaders`] over the actual response, for tainting
//! `cors`.
//!
//! <https://fetch.spec.whatwg.org/#main-fetch>, <https://fetch.spec.whatwg.org/#http-fetch>,
//! <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0>

use super::diagnostics::{BlockReason, Stage};
use super::request::{Classification, NetworkErrorReason, Verdict};
use super::response::{PreflightedRequest, cors_check, validate_preflight_response};
use super::{CredentialsMode, Profile};
use crate::http::header::{BoundedHeaders, HeaderList};

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
