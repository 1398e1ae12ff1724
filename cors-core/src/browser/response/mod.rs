//! The response side of the browser model: what a browser decides once a CORS preflight
//! response or an actual response is in.
//!
//! | concept | item | standard |
//! |---|---|---|
//! | CORS check | [`cors_check()`], [`CorsCheckFailure`] | <https://fetch.spec.whatwg.org/#concept-cors-check> |
//! | CORS-preflight fetch, after the response (step 7) | [`validate_preflight_response`], [`PreflightedRequest`], [`PreflightGrant`] | <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0> |
//! | ok status | inside [`validate_preflight_response`] | <https://fetch.spec.whatwg.org/#ok-status> |
//! | max-age (steps 7.8–7.10) | [`max_age`], [`DEFAULT_MAX_AGE`] | <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0> |
//! | CORS non-wildcard request-header name under `*` | [`wildcard_covers_authorization`] | <https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name> |
//! | order of the preflight checks | [`status_checked_before_cors_check`] | — (diagnosis only) |
//! | CORS-preflight cache | [`PreflightCache`], [`CacheEntry`], [`CachedItem`], [`Timestamp`] | <https://fetch.spec.whatwg.org/#concept-cache> |
//! | cache entry match | [`PreflightCache::method_match`], [`PreflightCache::header_name_match`] | <https://fetch.spec.whatwg.org/#concept-cache-match> |
//! | create / refresh entries | [`PreflightCache::store`] | <https://fetch.spec.whatwg.org/#concept-cache-create-entry> |
//! | clear cache entries | [`PreflightCache::clear`] | <https://fetch.spec.whatwg.org/#concept-cache-clear> |
//! | does HTTP fetch preflight? | [`PreflightCache::needs_preflight`] | <https://fetch.spec.whatwg.org/#http-fetch> |
//! | CORS-exposed header-name list | [`ExposedHeaders::new`] | <https://fetch.spec.whatwg.org/#concept-response-cors-exposed-header-name-list> |
//! | CORS-safelisted response-header name | [`ExposedHeaders::is_exposed`] | <https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name> |
//! | CORS filtered response | [`ExposedHeaders::filtered`], [`ExposedHeaders::names`] | <https://fetch.spec.whatwg.org/#concept-filtered-response-cors> |
//! | TAO check | [`tao_check()`], [`TaoRequest`], [`TaoFailure`] | <https://fetch.spec.whatwg.org/#concept-tao-check> |
//!
//! Failures that block the fetch are [`BlockReason`](crate::browser::diagnostics::BlockReason)s,
//! named as Chromium and Firefox name them.
//!
//! Every function here takes borrowed input and allocates nothing; header lists arrive as
//! [`BoundedHeaders`](crate::http::BoundedHeaders), so every scan is bounded by
//! [`MAX_HEADER_COUNT`](crate::limits::MAX_HEADER_COUNT) and
//! [`MAX_HEADER_VALUE_LEN`](crate::limits::MAX_HEADER_VALUE_LEN).

pub mod cache;
pub mod cors_check;
pub mod filter;
pub mod preflight;
pub mod tao;

#[cfg(test)]
mod test_support;

pub use cache::{CacheEntry, CachedItem, MAX_CACHED_NAME_LEN, PreflightCache, Timestamp};
pub use cors_check::{CorsCheckFailure, MAX_REPORTED_VALUES, ReportedValues, cors_check};
pub use filter::ExposedHeaders;
pub use preflight::{
    DEFAULT_MAX_AGE, PreflightGrant, PreflightedRequest, max_age, status_checked_before_cors_check,
    validate_preflight_response, wildcard_covers_authorization,
};
pub use tao::{TaoFailure, TaoRequest, tao_check};
