//! The server policy engine: a CORS configuration validated once into an immutable
//! [`Policy`], which then decides every request without failing or allocating.
//!
//! ```
//! use cors_core::http::BoundedHeaders;
//! use cors_core::policy::{PatternSlot, Policy, PolicyConfig, RequestKind};
//! use cors_core::PublicSuffixList;
//!
//! struct Suffixes; // cors-std supplies the real Public Suffix List
//! impl PublicSuffixList for Suffixes {
//!     fn public_suffix<'d>(&self, domain: &'d str) -> &'d str {
//!         domain.rsplit('.').next().unwrap_or(domain)
//!     }
//! }
//!
//! let config = PolicyConfig {
//!     allow_credentials: true,
//!     allowed_methods: &["PUT"],
//!     allowed_request_headers: &["authorization"],
//!     ..PolicyConfig::new(&["https://app.example.com", "https://*.example.com"])
//! };
//! let storage = [PatternSlot::EMPTY; 2];
//! let policy = Policy::build(&config, &Suffixes, storage, &mut |problem| println!("{problem}"))?;
//!
//! let request = [
//!     ("Origin", "https://api.example.com"),
//!     ("Access-Control-Request-Method", "PUT"),
//!     ("Access-Control-Request-Headers", "authorization"),
//! ];
//! let headers = BoundedHeaders::new(&request[..])?;
//! let decision = policy.decide(b"OPTIONS", &headers);
//! assert_eq!(decision.kind(), RequestKind::Preflight);
//! assert!(decision.is_allowed());
//! assert_eq!(decision.status(), Some(204));
//! for (name, value) in decision.headers() {
//!     // set each on the response; merge `vary` with `merge_vary`
//! #   let _ = (name, value);
//! }
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```
//!
//! # Map
//!
//! | concept | item | source |
//! |---|---|---|
//! | configuration, every problem reported | [`PolicyConfig`], [`validate`], [`Problem`], [`Rule`] | security.md §4, classes 2, 8, 9, 11, 13, 21 |
//! | origin patterns: exact, `*.` label wildcard, `:*` port wildcard, `*` | [`OriginPattern`], [`parse_pattern`] | <https://fetch.spec.whatwg.org/#origin-header>; classes 1, 3, 4, 5, 20 |
//! | lookup among many patterns, `O(labels × log n)` | [`Policy::allows_origin`], [`PatternSlot`] | classes 3, 4 |
//! | duplicate and shadowed patterns | [`Policy::build`], [`Rule::Shadowed`] | — |
//! | request kinds | [`RequestKind`] | <https://fetch.spec.whatwg.org/#cors-preflight-request>; class 15 |
//! | the answer | [`Policy::decide`], [`Decision`] | <https://fetch.spec.whatwg.org/#http-cors-protocol> |
//! | `Access-Control-Allow-Origin`, only a parsed origin or `*` | [`ResponseHeader::AllowOrigin`] | <https://fetch.spec.whatwg.org/#http-access-control-allow-origin>; classes 1, 7, 13 |
//! | methods echoed, case-sensitive | [`ResponseHeader::AllowMethods`] | <https://fetch.spec.whatwg.org/#cors-safelisted-method>; class 19 |
//! | request headers echoed, `*` never covers `authorization` | [`ResponseHeader::AllowHeaders`] | <https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name>; class 18, 19 |
//! | refusal reasons, never sent | [`RejectReason`] | — |
//! | `Vary` on every answer, merged | [`Decision::vary`], [`merge_vary`] | <https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches>; class 12 |
//! | limits | [`crate::limits`] | class 18 |
//!
//! # Choices
//!
//! - **Storage.** The patterns live sorted in storage the caller passes to
//!   [`Policy::build`] (`S: AsMut<[PatternSlot]>`: an array, a slice or a `Vec`), not in a
//!   const-generic array: a policy of 100,000 origins would not fit on a stack, and one of
//!   three should not pay for it.
//! - **Echo.** `Access-Control-Allow-Methods` is the requested method (none for `GET`,
//!   `HEAD`, `POST`) and `Access-Control-Allow-Headers` the requested names, only after
//!   they were checked: that works with and without credentials, lists `authorization`
//!   explicitly when it is allowed and asked for, and never shows the configuration
//!   (class 19).
//! - **`*` origins.** A `*` policy answers `Access-Control-Allow-Origin: *` to every
//!   request, CORS or not, so its answer never depends on `Origin` and needs no
//!   `Vary: Origin`; every other policy sends `Vary: Origin` on every answer.
//! - **Refusals.** A refused request gets no CORS header at all, only `Vary`; a refused
//!   preflight gets [`REFUSED_PREFLIGHT_STATUS`] (403), an allowed one the configured
//!   status. The typed [`RejectReason`] is for logs, never sent.
//! - **Max-age.** Sent as configured; a warning above [`MAX_AGE_WARNING_THRESHOLD`]
//!   (7200 s, Chromium's cap; Firefox caps at 86400 s, WebKit at 600 s).
//! - **Credentials.** A server never sees a request's credentials mode: "allowed" means a
//!   browser accepts the answer without credentials, and with them only when the policy
//!   allows credentials.
//! - **Method override.** `x-http-method-override` (and `x-http-method`,
//!   `x-method-override`) is a warning, not an error, in `allowed_request_headers`: Fetch
//!   forbids it only with a forbidden method as value, so browsers let script send it, and
//!   some APIs rely on it; but a server honouring it accepts methods the policy never
//!   allowed.
//!
//! # No panics
//!
//! Non-test code has no `unwrap`, `expect`, `panic!` or indexing; every loop over input is
//! bounded by a named limit of [`crate::limits`].

mod build;
mod config;
mod decide;
mod decision;
mod matcher;
mod name_set;
mod pattern;
mod problem;
mod request;
mod vary;

#[cfg(test)]
mod tests;

pub use build::{BuildError, Policy};
pub use config::{MAX_AGE_WARNING_THRESHOLD, PolicyConfig, validate};
pub use decision::{
    Decision, MAX_CORS_RESPONSE_HEADERS, REFUSED_PREFLIGHT_STATUS, RejectReason, RequestKind,
    ResponseHeader,
};
pub use matcher::PatternSlot;
pub use pattern::{OriginPattern, PatternError, PatternErrorKind, PortPattern, parse_pattern};
pub use problem::{Problem, ProblemCounts, ProblemValue, Rule, Setting, Severity};
pub use vary::{VaryError, merge_vary};
