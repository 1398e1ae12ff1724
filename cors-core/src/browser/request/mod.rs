//! The request side of the browser model: what a browser decides about a `fetch()` before
//! sending it.
//!
//! | concept | item | standard |
//! |---|---|---|
//! | CORS-unsafe request-header byte | [`is_cors_unsafe_request_header_byte`] | <https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte> |
//! | CORS-safelisted request-header | [`check_cors_safelisted_request_header`], [`is_cors_safelisted_request_header`], [`NotSafelisted`] | <https://fetch.spec.whatwg.org/#cors-safelisted-request-header> |
//! | no-CORS-safelisted request-header (name) | [`check_no_cors_safelisted_request_header`], [`is_no_cors_safelisted_request_header_name`] | <https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header> |
//! | privileged no-CORS request-header name | [`is_privileged_no_cors_request_header_name`] | <https://fetch.spec.whatwg.org/#privileged-no-cors-request-header-name> |
//! | CORS non-wildcard request-header name | [`is_cors_non_wildcard_request_header_name`] | <https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name> |
//! | CORS protocol exceptions | [`is_cors_protocol_exception_content_type`] | <https://fetch.spec.whatwg.org/#cors-protocol-exceptions> |
//! | forbidden request-header | [`forbidden_request_header`], [`is_forbidden_request_header`], [`Forbidden`] | <https://fetch.spec.whatwg.org/#forbidden-request-header> |
//! | forbidden response-header name | [`is_forbidden_response_header_name`] | <https://fetch.spec.whatwg.org/#forbidden-response-header-name> |
//! | `Headers` guard, append, fill, set | [`Guard`], [`GuardedHeaders::fill`], [`guard_set`] | <https://fetch.spec.whatwg.org/#concept-headers-append> |
//! | CORS-unsafe request-header names | [`CorsUnsafeNames`], [`cors_unsafe_request_header_names`] | <https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names> |
//! | `Request` constructor checks, main fetch's branch | [`classify_fetch`], [`Verdict`] | <https://fetch.spec.whatwg.org/#main-fetch> |
//! | CORS-preflight request | [`PreflightRequest`] | <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0> |
//! | serializing a request origin | [`Classification::write_serialized_origin`] | <https://fetch.spec.whatwg.org/#serializing-a-request-origin> |
//!
//! Every function is pure over borrowed input; header lists go through
//! [`crate::http::BoundedHeaders`], so every scan is bounded by
//! [`crate::limits::MAX_HEADER_COUNT`]. Nothing panics and nothing allocates: the
//! CORS-unsafe names are a [`crate::http::names::SortedLowercaseSet`] in a fixed array,
//! and the combined values the `request-no-cors` guard tests fit 128-byte buffers.
//!
//! [`Profile`](crate::browser::Profile) differences are small functions in [`safelist`]
//! marked `Deviation:`; today the two profiles agree.

mod chromium;
pub mod classify;
pub mod forbidden;
pub mod guard;
pub mod safelist;
pub mod unsafe_names;

pub use classify::{
    AccessControlRequestHeaders, BasicReason, Classification, FetchInput, NetworkErrorReason,
    PreflightReason, PreflightRequest, PreflightTriggers, RedirectMode, RequestError, RequestMode,
    Verdict, classify_fetch,
};
pub use forbidden::{
    Forbidden, forbidden_request_header, is_forbidden_request_header,
    is_forbidden_response_header_name,
};
pub use guard::{
    Disposition, Guard, GuardError, GuardErrorKind, GuardedEntry, GuardedHeaders, guard_set,
};
pub use safelist::{
    MAX_SAFELISTED_VALUE_LEN, NotSafelisted, check_cors_safelisted_request_header,
    check_no_cors_safelisted_request_header, is_cors_non_wildcard_request_header_name,
    is_cors_protocol_exception_content_type, is_cors_safelisted_request_header,
    is_cors_unsafe_request_header_byte, is_no_cors_safelisted_request_header_name,
    is_privileged_no_cors_request_header_name,
};
pub use unsafe_names::{
    CorsUnsafeNames, MAX_SAFELIST_VALUE_SIZE, UnsafeName, UnsafeReason,
    cors_unsafe_request_header_names,
};
