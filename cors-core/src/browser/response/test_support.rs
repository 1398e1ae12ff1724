//! Helpers shared by the response tests: header lists and requests of static strings, so
//! values borrowed from them (in failures, grants) live for `'static`.

use crate::browser::CredentialsMode;
use crate::http::header::BoundedHeaders;

use super::preflight::PreflightedRequest;

/// A header as a test writes it.
pub(super) type Pair = (&'static str, &'static str);

/// The header list type the helpers build.
pub(super) type List<'l> = core::iter::Map<core::slice::Iter<'l, Pair>, fn(&Pair) -> Pair>;

/// The names iterator of [`request`].
pub(super) type Names =
    core::iter::Map<core::slice::Iter<'static, &'static str>, fn(&&'static str) -> &'static [u8]>;

fn copy_pair(pair: &Pair) -> Pair {
    *pair
}

fn name_bytes(name: &&'static str) -> &'static [u8] {
    name.as_bytes()
}

/// `list` as a checked header list whose values borrow for `'static`.
pub(super) fn headers(list: &[Pair]) -> BoundedHeaders<List<'_>> {
    BoundedHeaders::within_limits(list.iter().map(copy_pair as fn(&Pair) -> Pair))
}

/// The requesting origin of the recorded Chromium samples.
pub(super) const ORIGIN: &str = "http://127.0.0.1:8001";

/// A request from [`ORIGIN`] with `method` and the CORS-unsafe header names `names`
/// (`Authorization` among them sets `has_authorization`).
pub(super) fn request(
    method: &'static str,
    names: &'static [&'static str],
    credentials: CredentialsMode,
) -> PreflightedRequest<'static, Names> {
    PreflightedRequest {
        method: method.as_bytes(),
        unsafe_header_names: names
            .iter()
            .map(name_bytes as fn(&&'static str) -> &'static [u8]),
        has_authorization: names
            .iter()
            .any(|n| n.eq_ignore_ascii_case("authorization")),
        credentials,
        use_cors_preflight: false,
        serialized_origin: ORIGIN.as_bytes(),
    }
}
