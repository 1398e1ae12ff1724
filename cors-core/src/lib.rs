//! The CORS protocol as the WHATWG Fetch, URL and HTML standards define it.
//!
//! `cors-core` is `#![no_std]`, uses no `alloc` and no `unsafe`. Every function is a pure
//! function of borrowed input; scans only move forward, so work is linear in the input, and
//! everything stored or examined twice is capped by a named limit (see [`limits`]); bad
//! input is a typed error, never a panic.
//!
//! # Module map
//!
//! | concept | item | standard |
//! |---|---|---|
//! | origin (opaque or tuple) | [`Origin`], [`TupleOrigin`], [`OpaqueId`] | <https://html.spec.whatwg.org/multipage/browsers.html#concept-origin> |
//! | same origin | [`Origin::is_same_origin`] | <https://html.spec.whatwg.org/multipage/browsers.html#same-origin> |
//! | same origin-domain | [`Origin::is_same_origin_domain`] | <https://html.spec.whatwg.org/multipage/browsers.html#same-origin-domain> |
//! | ASCII serialization | [`Origin::write_ascii`], [`core::fmt::Display`] | <https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin> |
//! | serialized origin (`Origin` header) | [`parse_origin_or_null`] | <https://fetch.spec.whatwg.org/#origin-header> |
//! | origin of a URL | [`url_origin`] | <https://url.spec.whatwg.org/#concept-url-origin> |
//! | host parser | [`parse_host`] | <https://url.spec.whatwg.org/#concept-host-parser> |
//! | IPv4 / IPv6 | [`parse_ipv4`], [`parse_ipv6`] | <https://url.spec.whatwg.org/#concept-ipv4-parser> |
//! | sites | [`same_site`], [`schemelessly_same_site`], [`obtain_site`] | <https://html.spec.whatwg.org/multipage/browsers.html#sites> |
//! | header lists, get, `#` lists, get-decode-split, methods, MIME types, ranges | [`http`] | <https://fetch.spec.whatwg.org/#http> |
//! | the browser: safelists, forbidden headers, the verdict, the preflight request | [`browser::request`] | <https://fetch.spec.whatwg.org/#main-fetch> |
//! | the browser: CORS check, preflight validation, cache, filtering, TAO | [`browser::response`] | <https://fetch.spec.whatwg.org/#http-cors-protocol> |
//! | one fetch end to end, profiles, diagnostics | [`browser::run_fetch`], [`browser::Profile`], [`browser::diagnostics`] | <https://fetch.spec.whatwg.org/#http-fetch> |
//! | the server policy: validated once, decisions without allocation | [`policy`] | <https://fetch.spec.whatwg.org/#cors-protocol-and-credentials> |
//!
//! The browser model and the server policy share only [`http`] and [`origin`]: neither calls
//! the other, so the policy's answers can be checked by the browser model in tests.
//!
//! # No panics
//!
//! Non-test code denies `unwrap`, `expect`, `panic!` and slice indexing; every access that
//! could fail goes through `get` and becomes a typed error.
#![no_std]
#![forbid(unsafe_code)]
#![warn(clippy::std_instead_of_core, clippy::alloc_instead_of_core)]
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

#[macro_use]
mod byte_set;
#[cfg(test)]
mod test_rng;

pub mod browser;
pub mod http;
pub mod limits;
pub mod origin;
pub mod policy;

pub use origin::host::{
    DomainString, DomainToAscii, Host, HostBuf, HostParseError, IdnaError, NoIdna, parse_host,
    parse_ipv4, parse_ipv6,
};
pub use origin::serialized::{
    OriginOrNull, SerializedOriginError, SerializedOriginErrorKind, parse_origin_or_null,
};
pub use origin::site::{
    PublicSuffixList, Site, obtain_site, public_suffix, registrable_domain, same_site,
    schemelessly_same_site,
};
pub use origin::url::{UrlError, UrlFailure, UrlOrigin, url_origin, url_origin_with};
pub use origin::{OpaqueId, Origin, TupleOrigin};
