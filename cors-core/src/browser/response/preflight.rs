//! Validating the response to a CORS-preflight request: the steps of the CORS-preflight
//! fetch that run once the response is in.
//!
//! # Order of the checks
//!
//! When several checks fail, the reason reported is the first failing one in this order,
//! which is the standard's (and Chromium's, `preflight_controller.cc`):
//!
//! 1. a redirect (a redirect status with a non-empty `Location`), as Chromium reports it;
//!    then the CORS check and the ok status, in the order
//!    [`status_checked_before_cors_check`] gives (the one place to change it);
//! 2. `Access-Control-Allow-Methods` parses, then `Access-Control-Allow-Headers` parses;
//! 3. the method is allowed;
//! 4. `Authorization` is listed explicitly (the standard's step before the header rule);
//! 5. every CORS-unsafe request-header name is allowed, in the order the caller lists them
//!    (the standard's sorted-lowercase order).
//!
//! `Access-Control-Max-Age` never fails: a bad or missing value means 5 seconds.
//!
//! <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0>

use crate::browser::diagnostics::{BlockReason, Stage};
use crate::browser::{CredentialsMode, Profile};
use crate::http::header::{BoundedHeaders, HeaderLimitError, HeaderList, is_header_name};
use crate::http::list::{ListError, ListValues, extract_list_values, extract_single_value};
use crate::http::method::{is_cors_safelisted_method, is_method};
use crate::limits::MAX_HEADER_COUNT;

use super::cors_check::cors_check;

const ALLOW_METHODS: &[u8] = b"access-control-allow-methods";
const ALLOW_HEADERS: &[u8] = b"access-control-allow-headers";
const MAX_AGE: &[u8] = b"access-control-max-age";

/// The `Access-Control-Max-Age` used when the header is absent or not a `delta-seconds`
/// value, in seconds (5 since whatwg/fetch `d5c3d8b`, 2020).
///
/// <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0>
pub const DEFAULT_MAX_AGE: u64 = 5;

/// The request a CORS-preflight request was made for: what validating the preflight
/// response needs to know about it. (The OPTIONS request itself is
/// [`crate::browser::request::PreflightRequest`].)
///
/// `unsafe_header_names` is the request's CORS-unsafe request-header names
/// (<https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names>), any casing, for
/// example `names.iter().copied()` over a slice. At most [`MAX_HEADER_COUNT`] names are
/// accepted; more is a [`BlockReason::HeaderLimit`].
///
/// <https://fetch.spec.whatwg.org/#concept-request>
#[derive(Clone, Debug)]
pub struct PreflightedRequest<'a, I> {
    /// The request's method, as normalized by `fetch()` (`PUT`, but `patch` as written).
    pub method: &'a [u8],
    /// The CORS-unsafe request-header names of the request's header list.
    pub unsafe_header_names: I,
    /// Whether the request's header list contains a CORS non-wildcard request-header name
    /// (`Authorization`).
    ///
    /// <https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name>
    pub has_authorization: bool,
    /// The request's credentials mode: the original request's, not the preflight's.
    pub credentials: CredentialsMode,
    /// The request's use-CORS-preflight flag.
    ///
    /// <https://fetch.spec.whatwg.org/#use-cors-preflight-flag>
    pub use_cors_preflight: bool,
    /// The byte-serialized request origin (`null` for an opaque or tainted origin).
    ///
    /// <https://fetch.spec.whatwg.org/#byte-serializing-a-request-origin>
    pub serialized_origin: &'a [u8],
}

/// A preflight response that allows the request: its methods and header names (for the
/// CORS-preflight cache) and its max-age.
#[derive(Clone, Debug)]
pub struct PreflightGrant<'a, 'h, L> {
    methods: Option<ListValues<'h, L>>,
    request_method: Option<&'a [u8]>,
    header_names: Option<ListValues<'h, L>>,
    credentials: CredentialsMode,
    max_age: u64,
}

impl<'a, L: HeaderList<'a>> PreflightGrant<'a, '_, L> {
    /// The methods of `Access-Control-Allow-Methods` in order, `*` included; or only the
    /// request's method when the header is absent and the use-CORS-preflight flag is set
    /// (step 7.4); or none.
    pub fn methods(&self) -> impl Iterator<Item = &'a [u8]> + Clone {
        let listed = self.methods.iter().flat_map(ListValues::iter);
        listed.chain(self.request_method)
    }

    /// The header names of `Access-Control-Allow-Headers` in order, `*` included.
    pub fn header_names(&self) -> impl Iterator<Item = &'a [u8]> + Clone {
        self.header_names.iter().flat_map(ListValues::iter)
    }

    /// The request's credentials mode: cache entries record whether it was `include`.
    pub const fn credentials(&self) -> CredentialsMode {
        self.credentials
    }

    /// How long the grant may be cached, in seconds (steps 7.8–7.10).
    pub const fn max_age(&self) -> u64 {
        self.max_age
    }

    fn methods_contain(&self, method: &[u8]) -> bool {
        self.methods().any(|item| item == method)
    }

    fn header_names_contain(&self, name: &[u8]) -> bool {
        self.header_names()
            .any(|item| item.eq_ignore_ascii_case(name))
    }
}

/// Whether the preflight response's status is tested before its CORS check: decides the
/// reason reported when both fail (`PreflightInvalidStatus` or a `Preflight…` CORS check
/// kind). The verdict is the same either way.
///
/// - Spec: `false`. Step 7 reads "a CORS check … returns success and response's status is
///   an ok status"; the check is named first.
/// - Chromium: `false`. `CheckPreflightAccess` (`services/network/cors/
///   preflight_controller.cc`) runs the CORS check first and reports
///   `PreflightInvalidStatus` only when the check passed; Chromium 156 does so in
///   `tests/data/scenarios/chromium-recorded.jsonl` (`rc-pf-status-500-no-acao`,
///   `rc-pf-status-500-acao-mismatch`, `rc-pf-status-500-include-acao-star`).
pub const fn status_checked_before_cors_check(profile: Profile) -> bool {
    match profile {
        Profile::Spec | Profile::Chromium => false,
    }
}

/// Whether `*` in `Access-Control-Allow-Headers` (without credentials) also allows
/// `Authorization`, in the preflight and in the CORS-preflight cache.
///
/// - Spec: `false`. `Authorization` is a CORS non-wildcard request-header name: it must be
///   listed explicitly, even without credentials.
///   <https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name>
/// - Chromium: `true` (DEV-CHROMIUM-AUTHORIZATION-WILDCARD). Recorded from Chromium 156:
///   `Access-Control-Allow-Headers: *` allows an `Authorization` request header with
///   credentials `omit` and `same-origin` (`rc-auth-acah-star-omit`,
///   `rc-auth-acah-star-same-origin`, `rc-auth-and-x-foo-acah-star`); with `include`, `*`
///   is a literal and it is refused as the standard says (`rc-auth-acah-star-include`).
///   whatwg/fetch#1919 tracks browsers still letting `*` cover it.
pub const fn wildcard_covers_authorization(profile: Profile) -> bool {
    match profile {
        Profile::Spec => false,
        // Deviation: DEV-CHROMIUM-AUTHORIZATION-WILDCARD.
        Profile::Chromium => true,
    }
}

/// Validates the response (`status`, `headers`) to the CORS-preflight request made for
/// `request`: step 7 of the CORS-preflight fetch. On success, the grant to store in the
/// CORS-preflight cache; otherwise why the preflight is a network error.
///
/// <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0>
pub fn validate_preflight_response<'a, 'h, L, I>(
    request: &PreflightedRequest<'a, I>,
    status: u16,
    headers: &'h BoundedHeaders<L>,
    profile: Profile,
) -> Result<PreflightGrant<'a, 'h, L>, BlockReason<'a>>
where
    L: HeaderList<'a>,
    I: Iterator<Item = &'a [u8]> + Clone,
{
    if exceeds_name_limit(&request.unsafe_header_names) {
        let limit = HeaderLimitError::TooManyHeaders;
        return Err(BlockReason::HeaderLimit(Stage::Preflight, limit));
    }
    // Step 7: a CORS check for request and response, and an ok status.
    check_cors_and_status(request, status, headers, profile)?;
    // Step 7.1–7.3: extract both lists; failure of either is a network error.
    let methods = extract_list_values(headers, ALLOW_METHODS, is_method)
        .map_err(|e| BlockReason::InvalidAllowMethods(bad_element(e)))?;
    let header_names = extract_list_values(headers, ALLOW_HEADERS, is_header_name)
        .map_err(|e| BlockReason::InvalidAllowHeaders(bad_element(e)))?;
    // Step 7.4: null methods with the use-CORS-preflight flag set means [request's method].
    let request_method =
        (methods.is_none() && request.use_cors_preflight).then_some(request.method);
    let mut grant = PreflightGrant {
        methods,
        request_method,
        header_names,
        credentials: request.credentials,
        max_age: DEFAULT_MAX_AGE,
    };
    // Step 7.5: the method rule.
    check_method(request, &grant)?;
    // Step 7.6: the Authorization rule.
    check_authorization(request, &grant, profile)?;
    // Step 7.7: the header rule.
    check_header_names(request, &grant)?;
    // Step 7.8–7.10: max-age.
    grant.max_age = max_age(headers, profile);
    Ok(grant)
}

/// Step 7's condition: a CORS check with the original request's credentials mode, and
/// an ok status (200–299), in the order [`status_checked_before_cors_check`] gives.
fn check_cors_and_status<'a, L, I>(
    request: &PreflightedRequest<'a, I>,
    status: u16,
    headers: &BoundedHeaders<L>,
    profile: Profile,
) -> Result<(), BlockReason<'a>>
where
    L: HeaderList<'a>,
{
    if is_redirect(status, headers) {
        return Err(BlockReason::PreflightDisallowedRedirect(status));
    }
    // <https://fetch.spec.whatwg.org/#ok-status>
    let ok_status = (200..=299).contains(&status);
    if status_checked_before_cors_check(profile) && !ok_status {
        return Err(BlockReason::PreflightInvalidStatus(status));
    }
    cors_check(headers, request.serialized_origin, request.credentials)
        .map_err(BlockReason::PreflightCorsCheck)?;
    if ok_status {
        Ok(())
    } else {
        Err(BlockReason::PreflightInvalidStatus(status))
    }
}

/// Whether the response is a redirect Chromium's network stack would follow: a
/// redirect status with a non-empty `Location` (`HttpResponseHeaders::IsRedirect`).
///
/// The standard never follows a redirect for a preflight (HTTP-network-or-cache fetch), so
/// such a response is simply not ok; Chromium sees the redirect before any CORS code runs
/// and reports `PreflightDisallowedRedirect` whatever the CORS headers say (recorded:
/// `rc-pf-status-301-no-acao`; `rc-pf-status-302-acao-ok-no-location` is a bad status).
/// Only the reason differs, never the verdict, so both profiles report it.
///
/// <https://fetch.spec.whatwg.org/#redirect-status>
fn is_redirect<'a, L: HeaderList<'a>>(status: u16, headers: &BoundedHeaders<L>) -> bool {
    matches!(status, 301 | 302 | 303 | 307 | 308)
        && headers.values(b"location").any(|value| !value.is_empty())
}

/// Step 7.5: a network error when the method is not in methods (byte for byte), is not a
/// CORS-safelisted method, and either the credentials mode is `include` or methods has no
/// `*`.
fn check_method<'a, L: HeaderList<'a>, I>(
    request: &PreflightedRequest<'a, I>,
    grant: &PreflightGrant<'a, '_, L>,
) -> Result<(), BlockReason<'a>> {
    let method = request.method;
    let star = !request.credentials.is_include() && grant.methods_contain(b"*");
    if grant.methods_contain(method) || is_cors_safelisted_method(method) || star {
        Ok(())
    } else {
        Err(BlockReason::MethodDisallowed(method))
    }
}

/// Step 7.6: a network error when the request has `Authorization` and headerNames does not
/// list it (byte-case-insensitively); `*` covers it only where
/// [`wildcard_covers_authorization`] says so.
fn check_authorization<'a, L: HeaderList<'a>, I>(
    request: &PreflightedRequest<'a, I>,
    grant: &PreflightGrant<'a, '_, L>,
    profile: Profile,
) -> Result<(), BlockReason<'a>> {
    const AUTHORIZATION: &[u8] = b"authorization";
    if !request.has_authorization || grant.header_names_contain(AUTHORIZATION) {
        return Ok(());
    }
    let star = !request.credentials.is_include() && grant.header_names_contain(b"*");
    if star && wildcard_covers_authorization(profile) {
        return Ok(());
    }
    Err(BlockReason::HeaderDisallowed(AUTHORIZATION))
}

/// Step 7.7: a network error for the first CORS-unsafe request-header name that headerNames
/// does not list (byte-case-insensitively), unless headerNames has `*` and the credentials
/// mode is not `include`.
fn check_header_names<'a, L: HeaderList<'a>, I>(
    request: &PreflightedRequest<'a, I>,
    grant: &PreflightGrant<'a, '_, L>,
) -> Result<(), BlockReason<'a>>
where
    I: Iterator<Item = &'a [u8]> + Clone,
{
    let star = !request.credentials.is_include() && grant.header_names_contain(b"*");
    if star {
        return Ok(());
    }
    let mut names = request.unsafe_header_names.clone().take(MAX_HEADER_COUNT);
    match names.find(|name| !grant.header_names_contain(name)) {
        Some(name) => Err(BlockReason::HeaderDisallowed(name)),
        None => Ok(()),
    }
}

/// Steps 7.8–7.10: extract `Access-Control-Max-Age` (one `delta-seconds` value); failure
/// or null gives [`DEFAULT_MAX_AGE`]; the result is clamped to the profile's cap.
///
/// A value too large for `u64` saturates (it is above any cap). With more than one header,
/// or a value that is not only digits (`-1`, `1.5`, ` `), extraction fails: 5 seconds.
///
/// <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0>
pub fn max_age<'a, L: HeaderList<'a>>(headers: &BoundedHeaders<L>, profile: Profile) -> u64 {
    // Step 7.8. Let max-age be the result of extracting header list values.
    let extracted = extract_single_value(headers, MAX_AGE, is_delta_seconds);
    // Step 7.9. If max-age is failure or null, then set max-age to 5.
    let seconds = match extracted {
        Ok(Some(value)) => delta_seconds(value),
        Ok(None) | Err(_) => DEFAULT_MAX_AGE,
    };
    // Step 7.10. Clamp to the imposed limit.
    match profile.max_age_cap() {
        Some(cap) => seconds.min(cap),
        None => seconds,
    }
}

/// `delta-seconds = 1*DIGIT` (RFC 9111 §1.2.2).
fn is_delta_seconds(value: &[u8]) -> bool {
    !value.is_empty() && value.iter().all(u8::is_ascii_digit)
}

fn delta_seconds(digits: &[u8]) -> u64 {
    digits.iter().fold(0u64, |seconds, &digit| {
        let value = u64::from(digit.saturating_sub(b'0'));
        seconds.saturating_mul(10).saturating_add(value)
    })
}

/// Whether `names` has more than [`MAX_HEADER_COUNT`] items (reading at most one more).
pub(super) fn exceeds_name_limit<I: Iterator + Clone>(names: &I) -> bool {
    names.clone().nth(MAX_HEADER_COUNT).is_some()
}

/// The element that made list extraction fail.
const fn bad_element(error: ListError<'_>) -> &[u8] {
    match error {
        ListError::InvalidElement(element) => element,
        ListError::MultipleHeaders => b"",
    }
}

#[cfg(test)]
#[path = "preflight_tests.rs"]
mod tests;
