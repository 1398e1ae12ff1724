//! The browser model: everything a browser decides about a cross-origin `fetch()`.
//!
//! Request side ([`request`]): CORS-safelisted methods and request-headers, forbidden
//! request-headers, the CORS-unsafe request-header names, and the verdict (same origin,
//! simple, or preflight) with the preflight request a browser sends. Response side
//! ([`response`]): the CORS check, preflight validation, the preflight cache, the
//! CORS-filtered response and the TAO check. Failures are typed [`diagnostics`] reasons.
//! A [`Profile`] selects the standard as written or what a real browser does.
//!
//! This module never calls a server policy, and a server policy never calls it: the two
//! share only the primitives of [`crate::http`] and [`crate::origin`].
//!
//! <https://fetch.spec.whatwg.org/#http-cors-protocol>

pub mod diagnostics;
pub mod fetch;
pub mod profile;
pub mod request;
pub mod response;

pub use fetch::{
    FetchOutcome, FetchResult, ServerResponse, Tainting, readable_header_names, run_fetch,
};
pub use profile::Profile;

/// A request's credentials mode.
///
/// <https://fetch.spec.whatwg.org/#concept-request-credentials-mode>
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CredentialsMode {
    /// `omit`: never send credentials.
    Omit,
    /// `same-origin`: credentials only to the request's own origin (the default).
    #[default]
    SameOrigin,
    /// `include`: always send credentials.
    Include,
}

impl CredentialsMode {
    /// The mode's name in the standard (`omit`, `same-origin`, `include`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Omit => "omit",
            Self::SameOrigin => "same-origin",
            Self::Include => "include",
        }
    }

    /// The mode named `name` in the standard, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "omit" => Some(Self::Omit),
            "same-origin" => Some(Self::SameOrigin),
            "include" => Some(Self::Include),
            _ => None,
        }
    }

    /// Whether the mode is `include`: the CORS check then needs
    /// `Access-Control-Allow-Credentials: true` and `*` is only a literal.
    pub const fn is_include(self) -> bool {
        matches!(self, Self::Include)
    }
}
