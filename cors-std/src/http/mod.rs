//! Decisions over `http` crate types (feature `http`): decide from an `http::Request`'s
//! method and `HeaderMap`, and set the answer on an `http::Response`, merging `Vary`.
//!
//! ```
//! use cors_std::http::{CorsHeaders, PolicyValues, decide, preflight_response};
//! use cors_std::policy::{CorsPolicy, PolicyFile};
//! use cors_std::cors_core::policy::RequestKind;
//!
//! let policy = CorsPolicy::new(
//!     PolicyFile::default()
//!         .allow_origins(["https://app.example.com"])
//!         .allow_methods(["PUT"]),
//! )?;
//! let values = PolicyValues::new(policy.policy()); // once per policy
//!
//! let request = http::Request::options("/items/1")
//!     .header("origin", "https://app.example.com")
//!     .header("access-control-request-method", "PUT")
//!     .body(())?;
//! let decision = decide(policy.policy(), request.method(), request.headers());
//! assert_eq!(decision.kind(), RequestKind::Preflight);
//! let headers = CorsHeaders::new(&decision, request.headers(), &values);
//! let response: http::Response<()> = preflight_response(decision.status(), headers);
//! assert_eq!(response.status(), 204);
//! assert_eq!(response.headers()["access-control-allow-origin"], "https://app.example.com");
//! assert_eq!(response.headers()["access-control-allow-methods"], "PUT");
//! assert_eq!(
//!     response.headers()["vary"],
//!     "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! For an actual request, make the [`CorsHeaders`] before the request moves into the
//! application, and [`CorsHeaders::apply`] them to its response.

mod apply;
mod gather;
#[cfg(test)]
mod tests;

use cors_core::policy::{Decision, PatternSlot, Policy};
use http::{HeaderMap, Method};

pub(crate) use apply::preflight_response_reusing;
pub use apply::{CorsHeaders, PolicyValues, preflight_response};
pub(crate) use gather::Echoes;

/// Decides the request with `method` and `headers`.
///
/// Reads only `Origin`, `Access-Control-Request-Method` and
/// `Access-Control-Request-Headers`, borrowing their values (nothing is copied, nothing
/// allocated). A request with more values of those than
/// [`MAX_HEADER_COUNT`](cors_core::limits::MAX_HEADER_COUNT), or one longer than
/// [`MAX_HEADER_VALUE_LEN`](cors_core::limits::MAX_HEADER_VALUE_LEN), is refused
/// ([`RejectReason::HeaderLimits`](cors_core::policy::RejectReason::HeaderLimits)).
pub fn decide<'d, 'c: 'd, S: AsRef<[PatternSlot<'c>]>>(
    policy: &'d Policy<'c, S>,
    method: &Method,
    headers: &'d HeaderMap,
) -> Decision<'d> {
    gather::Echoes::of(headers).decide(policy, method.as_str().as_bytes())
}
