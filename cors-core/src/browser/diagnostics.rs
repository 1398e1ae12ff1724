//! Why a CORS fetch was blocked, named the way the browsers name it.
//!
//! One [`BlockReason`] covers everything that blocks a CORS fetch at the preflight or at the
//! response. Each maps onto:
//!
//! - the Chromium DevTools `corsError` name ([`BlockReason::chromium_cors_error`]), the
//!   `network.mojom.CorsError` enum (`services/network/public/mojom/cors.mojom`) without its
//!   `k` prefix, the names the scenario format's `expect.reason` uses;
//! - the Firefox console reason id ([`BlockReason::firefox_reason`]), as MDN lists them
//!   (`CORSMissingAllowOrigin` …);
//! - Chromium's console message ([`BlockReason::write_console_message`]), as
//!   `third_party/blink/renderer/platform/loader/cors/cors_error_string.cc` builds it for a
//!   `fetch()`.
//!
//! The standard itself has only "network error"; the names are the browsers'.
//! <https://fetch.spec.whatwg.org/#concept-network-error>

use core::fmt;

use super::response::CorsCheckFailure;
use crate::http::header::HeaderLimitError;

/// Where a CORS fetch was blocked: the scenario format's `expect.stage`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // a CORS fetch has a preflight and a response, nothing else
pub enum Stage {
    /// The CORS-preflight fetch failed: the actual request was never sent.
    Preflight,
    /// The actual response failed the CORS check.
    Response,
}

impl Stage {
    /// The stage's name in the scenario format (`preflight`, `response`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Preflight => "preflight",
            Self::Response => "response",
        }
    }
}

/// Why a CORS fetch was blocked, carrying the value, token or name the browsers' messages
/// quote, borrowed from the response or the request.
///
/// <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0>,
/// <https://fetch.spec.whatwg.org/#concept-cors-check>
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BlockReason<'a> {
    /// The actual response failed the CORS check (HTTP fetch).
    CorsCheck(CorsCheckFailure<'a>),
    /// The preflight response failed the CORS check, run with the original request's
    /// credentials mode.
    PreflightCorsCheck(CorsCheckFailure<'a>),
    /// The preflight response's status is not an ok status (200–299).
    PreflightInvalidStatus(u16),
    /// The preflight response is a redirect (a redirect status with a `Location`): never
    /// followed for a preflight. Carries the status.
    PreflightDisallowedRedirect(u16),
    /// `Access-Control-Allow-Methods` is not a `#method` list; carries the first element
    /// that is not a method.
    InvalidAllowMethods(&'a [u8]),
    /// `Access-Control-Allow-Headers` is not a `#field-name` list; carries the first
    /// element that is not a header name.
    InvalidAllowHeaders(&'a [u8]),
    /// The preflight response does not allow the request's method; carries the method.
    MethodDisallowed(&'a [u8]),
    /// The preflight response does not allow a request header; carries its name.
    HeaderDisallowed(&'a [u8]),
    /// A header list exceeded a limit of this implementation (not of the standard or of
    /// any browser): the response or preflight response had too many headers or too long
    /// a value, or the request too many CORS-unsafe header names.
    HeaderLimit(Stage, HeaderLimitError),
}

impl BlockReason<'_> {
    /// Where the fetch was blocked.
    pub const fn stage(&self) -> Stage {
        match self {
            Self::CorsCheck(_) => Stage::Response,
            Self::HeaderLimit(stage, _) => *stage,
            _ => Stage::Preflight,
        }
    }

    /// The Chromium DevTools `corsError` name (`network.mojom.CorsError` without `k`).
    ///
    /// A [`BlockReason::HeaderLimit`] has no Chromium equivalent (Chromium has no such
    /// limits); it maps to `InvalidResponse`, the name Chromium gives a preflight that
    /// failed below CORS.
    pub const fn chromium_cors_error(&self) -> &'static str {
        match self {
            Self::CorsCheck(failure) => chromium_check_name(failure),
            Self::PreflightCorsCheck(failure) => chromium_preflight_check_name(failure),
            Self::PreflightInvalidStatus(_) => "PreflightInvalidStatus",
            Self::PreflightDisallowedRedirect(_) => "PreflightDisallowedRedirect",
            Self::InvalidAllowMethods(_) => "InvalidAllowMethodsPreflightResponse",
            Self::InvalidAllowHeaders(_) => "InvalidAllowHeadersPreflightResponse",
            Self::MethodDisallowed(_) => "MethodDisallowedByPreflightResponse",
            Self::HeaderDisallowed(_) => "HeaderDisallowedByPreflightResponse",
            Self::HeaderLimit(..) => "InvalidResponse",
        }
    }

    /// The Firefox console reason id, as MDN lists them (`files/en-us/web/http/guides/cors/
    /// errors/index.md`): the closest of the fifteen, chosen as follows.
    ///
    /// | reason | id | why |
    /// |---|---|---|
    /// | no `Access-Control-Allow-Origin` | `CORSMissingAllowOrigin` | same meaning |
    /// | `*` with credentials | `CORSNotSupportingCredentials` | same meaning |
    /// | several values | `CORSMultipleAllowOriginNotAllowed` | same meaning |
    /// | not a URL, or another origin | `CORSAllowOriginNotMatchingOrigin` | Firefox has no "invalid value" reason: an unparsable value does not match |
    /// | `Access-Control-Allow-Credentials` not `true` | `CORSMissingAllowCredentials` | "expected 'true'" covers absent and wrong |
    /// | preflight status not ok | `CORSPreflightDidNotSucceed` | the preflight did not succeed; Firefox has no status-specific reason |
    /// | preflight redirected | `CORSExternalRedirectNotAllowed` | Firefox refuses every redirect of a preflight other than its own internal ones |
    /// | bad `Access-Control-Allow-Methods` | `CORSInvalidAllowMethod` | same meaning, names the token |
    /// | bad `Access-Control-Allow-Headers` | `CORSInvalidAllowHeader` | same meaning, names the token |
    /// | method not allowed | `CORSMethodNotFound` | same meaning |
    /// | header not allowed | `CORSMissingAllowHeaderFromPreflight` | same meaning, names the header |
    /// | limit on a response | `CORSDidNotSucceed` | a failure below CORS |
    /// | limit on a preflight | `CORSPreflightDidNotSucceed` | a failure below CORS, at the preflight |
    ///
    /// The CORS check kinds map to the same id at either stage: Firefox runs the same
    /// check on the preflight response and reports it with the same reason.
    pub const fn firefox_reason(&self) -> &'static str {
        match self {
            Self::CorsCheck(failure) | Self::PreflightCorsCheck(failure) => {
                firefox_check_reason(failure)
            }
            Self::PreflightInvalidStatus(_) | Self::HeaderLimit(Stage::Preflight, _) => {
                "CORSPreflightDidNotSucceed"
            }
            Self::PreflightDisallowedRedirect(_) => "CORSExternalRedirectNotAllowed",
            Self::InvalidAllowMethods(_) => "CORSInvalidAllowMethod",
            Self::InvalidAllowHeaders(_) => "CORSInvalidAllowHeader",
            Self::MethodDisallowed(_) => "CORSMethodNotFound",
            Self::HeaderDisallowed(_) => "CORSMissingAllowHeaderFromPreflight",
            Self::HeaderLimit(Stage::Response, _) => "CORSDidNotSucceed",
        }
    }

    /// Writes Chromium's console message for a blocked `fetch()` of `url` from `origin`:
    ///
    /// `Access to fetch at '<url>' from origin '<origin>' has been blocked by CORS policy: `,
    /// then `Response to preflight request doesn't pass access control check: ` for the
    /// preflight forms of the CORS check, a bad preflight status and a preflight redirect,
    /// then the reason.
    ///
    /// Values quoted from the response are written as Chromium's `EncodeHint` writes them:
    /// printable ASCII as is, every other byte as `\uXXXX`. Header names are lowercased, as
    /// Chromium reports them. The wording is current Chromium's (`cors_error_string.cc`):
    /// for a `fetch()`, the three `Access-Control-Allow-Origin` value errors end with
    /// ` Have the server send the header with a valid value.`, and a missing header has no
    /// `no-cors` hint (older Chromium had one).
    pub fn write_console_message(
        &self,
        out: &mut dyn fmt::Write,
        url: &str,
        origin: &str,
    ) -> fmt::Result {
        write!(
            out,
            "Access to fetch at '{url}' from origin '{origin}' has been blocked by CORS policy: "
        )?;
        if matches!(
            self,
            Self::PreflightCorsCheck(_)
                | Self::PreflightInvalidStatus(_)
                | Self::PreflightDisallowedRedirect(_)
        ) {
            out.write_str("Response to preflight request doesn't pass access control check: ")?;
        }
        match self {
            Self::CorsCheck(failure) | Self::PreflightCorsCheck(failure) => {
                write_check_message(out, failure)
            }
            Self::PreflightInvalidStatus(_) => out.write_str("It does not have HTTP ok status."),
            Self::PreflightDisallowedRedirect(_) => {
                out.write_str("Redirect is not allowed for a preflight request.")
            }
            Self::InvalidAllowMethods(_) => out.write_str(
                "Cannot parse Access-Control-Allow-Methods response header field in preflight response.",
            ),
            Self::InvalidAllowHeaders(_) => out.write_str(
                "Cannot parse Access-Control-Allow-Headers response header field in preflight response.",
            ),
            Self::MethodDisallowed(method) => {
                out.write_str("Method ")?;
                write_hint(out, method)?;
                out.write_str(" is not allowed by Access-Control-Allow-Methods in preflight response.")
            }
            Self::HeaderDisallowed(name) => {
                out.write_str("Request header field ")?;
                write_lowercase_hint(out, name)?;
                out.write_str(
                    " is not allowed by Access-Control-Allow-Headers in preflight response.",
                )
            }
            Self::HeaderLimit(..) => out.write_str("The response is invalid."),
        }
    }

    /// A one-line description.
    pub const fn description(&self) -> &'static str {
        match self {
            Self::CorsCheck(failure) | Self::PreflightCorsCheck(failure) => failure.description(),
            Self::PreflightInvalidStatus(_) => "the preflight response status is not 200-299",
            Self::PreflightDisallowedRedirect(_) => "the preflight response is a redirect",
            Self::InvalidAllowMethods(_) => "Access-Control-Allow-Methods is not a method list",
            Self::InvalidAllowHeaders(_) => "Access-Control-Allow-Headers is not a name list",
            Self::MethodDisallowed(_) => "the preflight response does not allow the method",
            Self::HeaderDisallowed(_) => "the preflight response does not allow a header",
            Self::HeaderLimit(..) => "a header list exceeded a limit of this implementation",
        }
    }
}

impl fmt::Display for BlockReason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

impl core::error::Error for BlockReason<'_> {}

impl<'a> From<CorsCheckFailure<'a>> for BlockReason<'a> {
    /// A CORS check failure on the actual response.
    fn from(failure: CorsCheckFailure<'a>) -> Self {
        Self::CorsCheck(failure)
    }
}

const fn chromium_check_name(failure: &CorsCheckFailure<'_>) -> &'static str {
    match failure {
        CorsCheckFailure::MissingAllowOrigin => "MissingAllowOriginHeader",
        CorsCheckFailure::WildcardWithCredentials => "WildcardOriginNotAllowed",
        CorsCheckFailure::MultipleAllowOriginValues(_) => "MultipleAllowOriginValues",
        CorsCheckFailure::InvalidAllowOriginValue(_) => "InvalidAllowOriginValue",
        CorsCheckFailure::AllowOriginMismatch(_) => "AllowOriginMismatch",
        CorsCheckFailure::InvalidAllowCredentials(_) => "InvalidAllowCredentials",
    }
}

const fn chromium_preflight_check_name(failure: &CorsCheckFailure<'_>) -> &'static str {
    match failure {
        CorsCheckFailure::MissingAllowOrigin => "PreflightMissingAllowOriginHeader",
        CorsCheckFailure::WildcardWithCredentials => "PreflightWildcardOriginNotAllowed",
        CorsCheckFailure::MultipleAllowOriginValues(_) => "PreflightMultipleAllowOriginValues",
        CorsCheckFailure::InvalidAllowOriginValue(_) => "PreflightInvalidAllowOriginValue",
        CorsCheckFailure::AllowOriginMismatch(_) => "PreflightAllowOriginMismatch",
        CorsCheckFailure::InvalidAllowCredentials(_) => "PreflightInvalidAllowCredentials",
    }
}

const fn firefox_check_reason(failure: &CorsCheckFailure<'_>) -> &'static str {
    match failure {
        CorsCheckFailure::MissingAllowOrigin => "CORSMissingAllowOrigin",
        CorsCheckFailure::WildcardWithCredentials => "CORSNotSupportingCredentials",
        CorsCheckFailure::MultipleAllowOriginValues(_) => "CORSMultipleAllowOriginNotAllowed",
        CorsCheckFailure::InvalidAllowOriginValue(_) | CorsCheckFailure::AllowOriginMismatch(_) => {
            "CORSAllowOriginNotMatchingOrigin"
        }
        CorsCheckFailure::InvalidAllowCredentials(_) => "CORSMissingAllowCredentials",
    }
}

/// Chromium's `kNoCorsInformation`, appended for a `fetch()` to the three
/// `Access-Control-Allow-Origin` value errors.
const VALID_VALUE_HINT: &str = " Have the server send the header with a valid value.";

fn write_check_message(out: &mut dyn fmt::Write, failure: &CorsCheckFailure<'_>) -> fmt::Result {
    match failure {
        CorsCheckFailure::MissingAllowOrigin => out.write_str(
            "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
        ),
        CorsCheckFailure::WildcardWithCredentials => out.write_str(
            "The value of the 'Access-Control-Allow-Origin' header in the response must not be \
             the wildcard '*' when the request's credentials mode is 'include'.",
        ),
        CorsCheckFailure::MultipleAllowOriginValues(values) => {
            out.write_str("The 'Access-Control-Allow-Origin' header contains multiple values '")?;
            values.write_combined(out, write_hint)?;
            out.write_str("', but only one is allowed.")?;
            out.write_str(VALID_VALUE_HINT)
        }
        CorsCheckFailure::InvalidAllowOriginValue(value) => {
            out.write_str("The 'Access-Control-Allow-Origin' header contains the invalid value '")?;
            write_hint(out, value)?;
            out.write_str("'.")?;
            out.write_str(VALID_VALUE_HINT)
        }
        CorsCheckFailure::AllowOriginMismatch(value) => {
            out.write_str("The 'Access-Control-Allow-Origin' header has a value '")?;
            write_hint(out, value)?;
            out.write_str("' that is not equal to the supplied origin.")?;
            out.write_str(VALID_VALUE_HINT)
        }
        CorsCheckFailure::InvalidAllowCredentials(values) => {
            out.write_str(
                "The value of the 'Access-Control-Allow-Credentials' header in the response is '",
            )?;
            if let Some(values) = values {
                values.write_combined(out, write_hint)?;
            }
            out.write_str(
                "' which must be 'true' when the request's credentials mode is 'include'.",
            )
        }
    }
}

/// Writes `bytes` as Chromium's `EncodeHint` does: printable ASCII (0x20–0x7E) as is, any
/// other byte `b` as `\u00XX` (the header value is Latin-1).
fn write_hint(out: &mut dyn fmt::Write, bytes: &[u8]) -> fmt::Result {
    bytes.iter().try_for_each(|&b| {
        if (0x20..=0x7e).contains(&b) {
            out.write_char(char::from(b))
        } else {
            write!(out, "\\u{:04X}", u16::from(b))
        }
    })
}

fn write_lowercase_hint(out: &mut dyn fmt::Write, bytes: &[u8]) -> fmt::Result {
    bytes
        .iter()
        .try_for_each(|&b| write_hint(out, &[b.to_ascii_lowercase()]))
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::format;
    use std::string::String;

    use super::*;
    use crate::browser::CredentialsMode::{self, Include, SameOrigin};
    use crate::browser::response::cors_check;
    use crate::http::header::BoundedHeaders;

    const URL: &str = "http://127.0.0.1:8002/s/x";
    const ORIGIN: &str = "http://127.0.0.1:8001";
    const PREFIX: &str = "Access to fetch at 'http://127.0.0.1:8002/s/x' from origin \
                          'http://127.0.0.1:8001' has been blocked by CORS policy: ";
    const PREFLIGHT: &str = "Response to preflight request doesn't pass access control check: ";

    type Pair = (&'static str, &'static str);

    /// The CORS check's failure for a response with `list` (static, so it borrows for
    /// `'static`).
    fn failure(list: &[Pair], credentials: CredentialsMode) -> CorsCheckFailure<'static> {
        let headers = BoundedHeaders::within_limits(list.iter().map(|&(n, v)| (n, v)));
        let result = cors_check(&headers, ORIGIN.as_bytes(), credentials);
        assert!(result.is_err(), "{list:?} passed the CORS check");
        result.err().unwrap_or(CorsCheckFailure::MissingAllowOrigin)
    }

    fn message(reason: &BlockReason<'_>) -> String {
        let mut out = String::new();
        assert_eq!(
            reason.write_console_message(&mut out, URL, ORIGIN),
            Ok(()),
            "{reason:?}"
        );
        out
    }

    /// The six CORS check failures, each made by a response Chromium reported it for.
    fn check_failures() -> [CorsCheckFailure<'static>; 6] {
        [
            failure(&[], SameOrigin),
            failure(&[("Access-Control-Allow-Origin", "*")], Include),
            failure(
                &[
                    ("Access-Control-Allow-Origin", ORIGIN),
                    ("Access-Control-Allow-Origin", ORIGIN),
                ],
                SameOrigin,
            ),
            failure(&[("Access-Control-Allow-Origin", "")], SameOrigin),
            failure(
                &[("Access-Control-Allow-Origin", "http://127.0.0.1:9999")],
                SameOrigin,
            ),
            failure(&[("Access-Control-Allow-Origin", ORIGIN)], Include),
        ]
    }

    /// `network.mojom.CorsError` (cors.mojom) names; those seen in samples-chromium.jsonl
    /// are MissingAllowOriginHeader, WildcardOriginNotAllowed, MultipleAllowOriginValues,
    /// AllowOriginMismatch, InvalidAllowCredentials and their Preflight forms.
    #[test]
    fn chromium_names_follow_cors_mojom() {
        let response = [
            "MissingAllowOriginHeader",
            "WildcardOriginNotAllowed",
            "MultipleAllowOriginValues",
            "InvalidAllowOriginValue",
            "AllowOriginMismatch",
            "InvalidAllowCredentials",
        ];
        let preflight = [
            "PreflightMissingAllowOriginHeader",
            "PreflightWildcardOriginNotAllowed",
            "PreflightMultipleAllowOriginValues",
            "PreflightInvalidAllowOriginValue",
            "PreflightAllowOriginMismatch",
            "PreflightInvalidAllowCredentials",
        ];
        for ((failure, name), preflight_name) in
            check_failures().into_iter().zip(response).zip(preflight)
        {
            assert_eq!(BlockReason::CorsCheck(failure).chromium_cors_error(), name);
            assert_eq!(
                BlockReason::PreflightCorsCheck(failure).chromium_cors_error(),
                preflight_name
            );
        }
        let others: [(BlockReason<'_>, &str); 7] = [
            (
                BlockReason::PreflightInvalidStatus(500),
                "PreflightInvalidStatus",
            ),
            (
                BlockReason::PreflightDisallowedRedirect(301),
                "PreflightDisallowedRedirect",
            ),
            (
                BlockReason::InvalidAllowMethods(b"a b"),
                "InvalidAllowMethodsPreflightResponse",
            ),
            (
                BlockReason::InvalidAllowHeaders(b"a b"),
                "InvalidAllowHeadersPreflightResponse",
            ),
            (
                BlockReason::MethodDisallowed(b"PUT"),
                "MethodDisallowedByPreflightResponse",
            ),
            (
                BlockReason::HeaderDisallowed(b"x-foo"),
                "HeaderDisallowedByPreflightResponse",
            ),
            (
                BlockReason::HeaderLimit(Stage::Response, HeaderLimitError::TooManyHeaders),
                "InvalidResponse",
            ),
        ];
        for (reason, name) in others {
            assert_eq!(reason.chromium_cors_error(), name);
        }
    }

    /// MDN's Firefox reason ids (security.md §5), mapped as the table on
    /// [`BlockReason::firefox_reason`] documents.
    #[test]
    fn firefox_reasons_are_mdn_ids() {
        let ids = [
            "CORSMissingAllowOrigin",
            "CORSNotSupportingCredentials",
            "CORSMultipleAllowOriginNotAllowed",
            "CORSAllowOriginNotMatchingOrigin",
            "CORSAllowOriginNotMatchingOrigin",
            "CORSMissingAllowCredentials",
        ];
        for (failure, id) in check_failures().into_iter().zip(ids) {
            assert_eq!(BlockReason::CorsCheck(failure).firefox_reason(), id);
            assert_eq!(
                BlockReason::PreflightCorsCheck(failure).firefox_reason(),
                id
            );
        }
        let others: [(BlockReason<'_>, &str); 8] = [
            (
                BlockReason::PreflightInvalidStatus(500),
                "CORSPreflightDidNotSucceed",
            ),
            (
                BlockReason::PreflightDisallowedRedirect(301),
                "CORSExternalRedirectNotAllowed",
            ),
            (
                BlockReason::InvalidAllowMethods(b"a b"),
                "CORSInvalidAllowMethod",
            ),
            (
                BlockReason::InvalidAllowHeaders(b"a b"),
                "CORSInvalidAllowHeader",
            ),
            (BlockReason::MethodDisallowed(b"PUT"), "CORSMethodNotFound"),
            (
                BlockReason::HeaderDisallowed(b"x-foo"),
                "CORSMissingAllowHeaderFromPreflight",
            ),
            (
                BlockReason::HeaderLimit(Stage::Response, HeaderLimitError::ValueTooLong),
                "CORSDidNotSucceed",
            ),
            (
                BlockReason::HeaderLimit(Stage::Preflight, HeaderLimitError::TooManyHeaders),
                "CORSPreflightDidNotSucceed",
            ),
        ];
        for (reason, id) in others {
            assert_eq!(reason.firefox_reason(), id);
        }
    }

    /// The scenario format's `expect.stage`.
    #[test]
    fn stages_follow_the_scenario_format() {
        let [missing, ..] = check_failures();
        assert_eq!(BlockReason::CorsCheck(missing).stage().as_str(), "response");
        assert_eq!(
            BlockReason::PreflightCorsCheck(missing).stage().as_str(),
            "preflight"
        );
        assert_eq!(
            BlockReason::MethodDisallowed(b"PUT").stage(),
            Stage::Preflight
        );
        assert_eq!(
            BlockReason::PreflightInvalidStatus(500).stage(),
            Stage::Preflight
        );
        let limit = HeaderLimitError::TooManyHeaders;
        assert_eq!(
            BlockReason::HeaderLimit(Stage::Response, limit).stage(),
            Stage::Response
        );
    }

    /// Chrome's console wording (security.md §5, `cors_error_string.cc`).
    #[test]
    fn console_messages_use_chromes_wording() {
        let [missing, wildcard, multiple, invalid, mismatch, credentials] = check_failures();
        let hint = " Have the server send the header with a valid value.";
        let cases: [(BlockReason<'_>, String); 11] = [
            (
                BlockReason::PreflightDisallowedRedirect(301),
                format!("{PREFIX}{PREFLIGHT}Redirect is not allowed for a preflight request."),
            ),
            (
                BlockReason::CorsCheck(missing),
                format!(
                    "{PREFIX}No 'Access-Control-Allow-Origin' header is present on the requested resource."
                ),
            ),
            (
                BlockReason::PreflightCorsCheck(missing),
                format!(
                    "{PREFIX}{PREFLIGHT}No 'Access-Control-Allow-Origin' header is present on the requested resource."
                ),
            ),
            (
                BlockReason::CorsCheck(wildcard),
                format!(
                    "{PREFIX}The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."
                ),
            ),
            (
                BlockReason::CorsCheck(multiple),
                format!(
                    "{PREFIX}The 'Access-Control-Allow-Origin' header contains multiple values 'http://127.0.0.1:8001, http://127.0.0.1:8001', but only one is allowed.{hint}"
                ),
            ),
            (
                BlockReason::CorsCheck(invalid),
                format!(
                    "{PREFIX}The 'Access-Control-Allow-Origin' header contains the invalid value ''.{hint}"
                ),
            ),
            (
                BlockReason::PreflightCorsCheck(mismatch),
                format!(
                    "{PREFIX}{PREFLIGHT}The 'Access-Control-Allow-Origin' header has a value 'http://127.0.0.1:9999' that is not equal to the supplied origin.{hint}"
                ),
            ),
            (
                BlockReason::CorsCheck(credentials),
                format!(
                    "{PREFIX}The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'."
                ),
            ),
            (
                BlockReason::PreflightInvalidStatus(500),
                format!("{PREFIX}{PREFLIGHT}It does not have HTTP ok status."),
            ),
            (
                BlockReason::MethodDisallowed(b"PUT"),
                format!(
                    "{PREFIX}Method PUT is not allowed by Access-Control-Allow-Methods in preflight response."
                ),
            ),
            (
                BlockReason::HeaderDisallowed(b"X-Foo"),
                format!(
                    "{PREFIX}Request header field x-foo is not allowed by Access-Control-Allow-Headers in preflight response."
                ),
            ),
        ];
        for (reason, expected) in cases {
            assert_eq!(message(&reason), expected, "{reason:?}");
        }
        assert_eq!(
            message(&BlockReason::InvalidAllowHeaders(b"Bad value")),
            format!(
                "{PREFIX}Cannot parse Access-Control-Allow-Headers response header field in preflight response."
            )
        );
    }

    /// `EncodeHint`: printable ASCII as is, any other byte as `\u00XX`.
    #[test]
    fn console_messages_escape_non_printable_bytes() {
        let reason = BlockReason::MethodDisallowed(b"P\xe9\tT");
        assert!(message(&reason).contains("Method P\\u00E9\\u0009T is not"));
    }
}
