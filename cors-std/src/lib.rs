//! The std layer of [`cors_core`]: owned types, `thiserror` errors, IDNA with the `idna`
//! crate, the Public Suffix List with the `psl` crate, and (feature `cli`) the `cors`
//! command-line tool.
//!
//! `cors-core` computes everything over borrowed bytes and leaves two things to its caller:
//! UTS #46 processing of non-ASCII domains ([`cors_core::DomainToAscii`]) and the Public
//! Suffix List ([`cors_core::PublicSuffixList`]). This crate supplies both — [`Uts46`] and
//! [`PublicSuffixes`] — and the conveniences built on them:
//!
//! | item | does |
//! |---|---|
//! | [`url_origin`] | the origin of a URL, any host (IDNA included) |
//! | [`OwnedOrigin`], [`OwnedHost`] | `String`-backed origins and hosts, `'static` |
//! | [`UrlOriginError`] | why a URL (or its base) does not parse, with the URL |
//! | [`Uts46`] | the domain parser's UTS #46 ToASCII, for non-ASCII domains |
//! | [`PublicSuffixes`] | public suffixes and registrable domains, for same site |
//!
//! ```
//! use cors_std::url_origin;
//!
//! let origin = url_origin("https://EXAMPLE.com:443/x", None)?;
//! assert_eq!(origin.to_string(), "https://example.com");
//! let origin = url_origin("https://B\u{fc}cher.de/", None)?;
//! assert_eq!(origin.to_string(), "https://xn--bcher-kva.de");
//! assert_eq!(url_origin("data:text/plain,hi", None)?.to_string(), "null");
//!
//! let error = url_origin("http://a b/", None).unwrap_err();
//! assert_eq!(
//!     error.to_string(),
//!     "invalid URL \"http://a b/\": host contains a forbidden domain code point",
//! );
//! # Ok::<(), cors_std::UrlOriginError>(())
//! ```
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::todo,
        clippy::unimplemented
    )
)]

pub use cors_core;

mod error;
#[cfg(feature = "http")]
pub mod http;
mod idna;
mod owned;
pub mod policy;
mod psl;
#[cfg(feature = "files")]
pub mod scenario;
#[cfg(feature = "tower")]
pub mod tower;

pub use cors_core::origin::url::UrlFailure;
pub use cors_core::{
    Host, HostBuf, OpaqueId, Origin, OriginOrNull, SerializedOriginError, TupleOrigin, UrlError,
    UrlOrigin, parse_origin_or_null,
};
pub use error::UrlOriginError;
pub use idna::Uts46;
pub use owned::{OwnedHost, OwnedOrigin};
pub use psl::PublicSuffixes;

/// The origin of the URL `input`, parsed against `base`, with IDNA ([`Uts46`]) for
/// non-ASCII hosts.
///
/// An opaque origin is [`UrlOrigin::Opaque`] (it serializes as `null`); a URL or base URL
/// that does not parse is an error that carries both.
///
/// <https://url.spec.whatwg.org/#concept-url-origin>
pub fn url_origin(input: &str, base: Option<&str>) -> Result<UrlOrigin, UrlOriginError> {
    cors_core::url_origin_with(input, base, &Uts46)
        .map_err(|error| UrlOriginError::new(input, base, error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_origin_with_idna() {
        let origin = url_origin("https://\u{1E9E}.foo.com:8443/", None);
        assert_eq!(
            origin.map(|o| o.to_string()),
            Ok("https://xn--zca.foo.com:8443".to_owned())
        );
    }

    #[test]
    fn error_messages() {
        let error = url_origin("http://a b/", None).map(|o| o.to_string());
        assert_eq!(
            error.map_err(|e| e.to_string()),
            Err(
                "invalid URL \"http://a b/\": host contains a forbidden domain code point"
                    .to_owned()
            )
        );
        let error = url_origin("/x", Some("https://[::1/")).map(|o| o.to_string());
        assert_eq!(
            error.map_err(|e| e.to_string()),
            Err(
                "invalid base URL \"https://[::1/\": IPv6 address is missing its closing `]`"
                    .to_owned()
            )
        );
        let error = url_origin("x", None).map(|o| o.to_string());
        assert_eq!(
            error.map_err(|e| e.to_string()),
            Err("invalid URL \"x\": relative URL without a base URL".to_owned())
        );
    }

    #[test]
    fn error_accessors() {
        let Err(error) = url_origin("https://a:99999/", Some("https://b/")) else {
            unreachable!("port out of range");
        };
        assert_eq!(error.input(), "https://a:99999/");
        assert_eq!(error.base(), Some("https://b/"));
        assert_eq!(error.failure(), UrlFailure::PortOutOfRange);
        assert!(!error.is_base_error());
        assert_eq!(
            error.url_error(),
            UrlError::Input(UrlFailure::PortOutOfRange)
        );
    }
}
