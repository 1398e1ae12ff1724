//! The CORS check: may a response to a CORS request be shared with the requester?
//!
//! Pass or fail is exactly the standard's. When it fails, the [`CorsCheckFailure`] says why
//! as precisely as Chromium's DevTools does (`services/network/public/cpp/cors/cors.cc`,
//! `CheckAccessInternal`): the standard has a single "failure", Chromium tells a missing
//! header from a wildcard under credentials, several values, a value that is not a URL, a
//! different origin, and a bad `Access-Control-Allow-Credentials`.
//!
//! <https://fetch.spec.whatwg.org/#concept-cors-check>

use core::fmt;

use crate::browser::CredentialsMode;
use crate::http::header::{BoundedHeaders, HeaderList};
use crate::origin::url::{UrlError, url_origin};

const ALLOW_ORIGIN: &[u8] = b"access-control-allow-origin";
const ALLOW_CREDENTIALS: &[u8] = b"access-control-allow-credentials";

/// The most values of one header a [`ReportedValues`] keeps to report.
///
/// Stacked middlewares send two or three `Access-Control-Allow-Origin` headers; further
/// values are counted ([`ReportedValues::total`]) but not kept. Only the message loses
/// them, never the verdict.
pub const MAX_REPORTED_VALUES: usize = 4;

/// The values of one response header, as "get" combines them, kept for a diagnostic.
///
/// <https://fetch.spec.whatwg.org/#concept-header-list-get>
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportedValues<'a> {
    kept: [&'a [u8]; MAX_REPORTED_VALUES],
    total: usize,
}

impl<'a> ReportedValues<'a> {
    /// The values of `name` in `headers`, in order.
    fn of<L: HeaderList<'a>>(headers: &BoundedHeaders<L>, name: &[u8]) -> Self {
        let mut kept: [&'a [u8]; MAX_REPORTED_VALUES] = [b""; MAX_REPORTED_VALUES];
        let mut total = 0;
        for value in headers.values(name) {
            if let Some(slot) = kept.get_mut(total) {
                *slot = value;
            }
            total += 1;
        }
        Self { kept, total }
    }

    /// How many headers carried the name (all of them, kept or not).
    pub const fn total(&self) -> usize {
        self.total
    }

    /// The kept values, in order: at most [`MAX_REPORTED_VALUES`].
    pub fn values(&self) -> impl Iterator<Item = &'a [u8]> + Clone {
        self.kept.into_iter().take(self.total)
    }

    /// The first value (empty when there is none).
    pub fn first(&self) -> &'a [u8] {
        self.values().next().unwrap_or_default()
    }

    /// Writes the combined value (values joined by `, `) through `write_bytes`; values past
    /// [`MAX_REPORTED_VALUES`] are written as `...`.
    pub fn write_combined(
        &self,
        out: &mut dyn fmt::Write,
        write_bytes: fn(&mut dyn fmt::Write, &[u8]) -> fmt::Result,
    ) -> fmt::Result {
        for (i, value) in self.values().enumerate() {
            if i > 0 {
                out.write_str(", ")?;
            }
            write_bytes(out, value)?;
        }
        if self.total > MAX_REPORTED_VALUES {
            out.write_str(", ...")?;
        }
        Ok(())
    }
}

/// Why the CORS check failed, in Chromium's terms.
///
/// The standard returns "failure" at step 2, 4 or 8; each variant names the step and the
/// Chromium DevTools `corsError` it stands for (without the `Preflight` prefix Chromium adds
/// when the check runs on a preflight response).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CorsCheckFailure<'a> {
    /// Step 2: no `Access-Control-Allow-Origin` header (`MissingAllowOriginHeader`).
    MissingAllowOrigin,
    /// Step 4: the value is `*` and the credentials mode is `include`
    /// (`WildcardOriginNotAllowed`).
    WildcardWithCredentials,
    /// Step 4: several headers (so "get" joined them with `, `), or one value containing a
    /// space or a comma (`MultipleAllowOriginValues`).
    MultipleAllowOriginValues(ReportedValues<'a>),
    /// Step 4: the value does not parse as a URL (`InvalidAllowOriginValue`).
    InvalidAllowOriginValue(&'a [u8]),
    /// Step 4: the value is some other origin, or `null` for a tuple origin
    /// (`AllowOriginMismatch`).
    AllowOriginMismatch(&'a [u8]),
    /// Step 8: the credentials mode is `include` and `Access-Control-Allow-Credentials` is
    /// not exactly `true`; `None` when the header is absent (`InvalidAllowCredentials`).
    InvalidAllowCredentials(Option<ReportedValues<'a>>),
}

impl CorsCheckFailure<'_> {
    /// A one-line description.
    pub const fn description(&self) -> &'static str {
        match self {
            Self::MissingAllowOrigin => "no Access-Control-Allow-Origin header",
            Self::WildcardWithCredentials => {
                "Access-Control-Allow-Origin is * and the credentials mode is include"
            }
            Self::MultipleAllowOriginValues(_) => "Access-Control-Allow-Origin has several values",
            Self::InvalidAllowOriginValue(_) => "Access-Control-Allow-Origin is not a URL",
            Self::AllowOriginMismatch(_) => "Access-Control-Allow-Origin is another origin",
            Self::InvalidAllowCredentials(_) => "Access-Control-Allow-Credentials is not true",
        }
    }
}

impl fmt::Display for CorsCheckFailure<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

impl core::error::Error for CorsCheckFailure<'_> {}

/// The CORS check of a response whose request has the byte-serialized origin
/// `serialized_origin` (`null` for an opaque or redirect-tainted origin) and the
/// credentials mode `credentials`.
///
/// The value is compared byte for byte: no trailing `/`, no case folding. Two
/// `Access-Control-Allow-Origin` headers never pass, even with equal values, because "get"
/// joins them with `, `.
///
/// <https://fetch.spec.whatwg.org/#concept-cors-check>
pub fn cors_check<'a, L: HeaderList<'a>>(
    headers: &BoundedHeaders<L>,
    serialized_origin: &[u8],
    credentials: CredentialsMode,
) -> Result<(), CorsCheckFailure<'a>> {
    // Step 1. Let origin be the result of getting `Access-Control-Allow-Origin`.
    // Step 2. If origin is null, then return failure (null is not `null`).
    let Some(origin) = headers.get(ALLOW_ORIGIN) else {
        return Err(CorsCheckFailure::MissingAllowOrigin);
    };
    // Step 3. If the credentials mode is not "include" and origin is `*`, return success.
    if !credentials.is_include() && origin.clone().eq_bytes(b"*") {
        return Ok(());
    }
    // Step 4. If the byte-serialized request origin is not origin, return failure.
    if !origin.eq_bytes(serialized_origin) {
        return Err(diagnose_origin(headers));
    }
    // Step 5. If the credentials mode is not "include", return success.
    if !credentials.is_include() {
        return Ok(());
    }
    // Step 6. Let credentials be the result of getting `Access-Control-Allow-Credentials`.
    // Step 7. If credentials is `true`, return success.
    // Step 8. Return failure.
    match headers.get_eq(ALLOW_CREDENTIALS, b"true") {
        Some(true) => Ok(()),
        Some(false) => Err(CorsCheckFailure::InvalidAllowCredentials(Some(
            ReportedValues::of(headers, ALLOW_CREDENTIALS),
        ))),
        None => Err(CorsCheckFailure::InvalidAllowCredentials(None)),
    }
}

/// Why a present `Access-Control-Allow-Origin` failed step 4, in the order Chromium's
/// `CheckAccessInternal` tests it: `*` (only reached with credentials), several values (a
/// space or a comma, which joined headers always have), `null`, not a URL, mismatch.
fn diagnose_origin<'a, L: HeaderList<'a>>(headers: &BoundedHeaders<L>) -> CorsCheckFailure<'a> {
    let values = ReportedValues::of(headers, ALLOW_ORIGIN);
    let value = values.first();
    if values.total() == 1 && value == b"*" {
        return CorsCheckFailure::WildcardWithCredentials;
    }
    if values.total() > 1 || value.iter().any(|&b| b == b' ' || b == b',') {
        return CorsCheckFailure::MultipleAllowOriginValues(values);
    }
    if value != b"null" && !parses_as_url(value) {
        return CorsCheckFailure::InvalidAllowOriginValue(value);
    }
    CorsCheckFailure::AllowOriginMismatch(value)
}

/// Whether `value` parses as an absolute URL, as Chromium's `GURL(value).is_valid()` asks.
/// A limit of this implementation (a host that needs IDNA, a length limit) counts as
/// parsing: the diagnosis then says mismatch, which is never wrong about the verdict.
fn parses_as_url(value: &[u8]) -> bool {
    let Ok(text) = core::str::from_utf8(value) else {
        return false;
    };
    match url_origin(text, None) {
        Ok(_) => true,
        Err(UrlError::Input(failure) | UrlError::Base(failure)) => {
            failure.is_implementation_limit()
        }
    }
}

#[cfg(test)]
#[path = "cors_check_tests.rs"]
mod tests;
