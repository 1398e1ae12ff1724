//! A decision's headers as `http` values, set on a response.
//!
//! Values are not copied where they need not be: `*`, `true` and the `Vary` values are
//! static; the echoed `Origin`, `Access-Control-Request-Method` and (one line of)
//! `Access-Control-Request-Headers` are the request's own `HeaderValue`s, cloned (a
//! reference count, no byte copied); the policy's exposure and max-age values are made
//! once per policy ([`PolicyValues`]). Only a joined multi-line
//! `Access-Control-Request-Headers` echo, and a `Vary` merged into the application's own,
//! are new bytes.

use cors_core::policy::{
    Decision, MAX_CORS_RESPONSE_HEADERS, PatternSlot, Policy, ResponseHeader, merge_vary,
};
use http::header::{
    ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE,
    ACCESS_CONTROL_REQUEST_HEADERS, ACCESS_CONTROL_REQUEST_METHOD, HeaderName, ORIGIN, VARY,
};
use http::{HeaderMap, HeaderValue, Response, StatusCode};

/// The CORS response headers, each with the request header whose value it may echo.
const RESPONSE_HEADERS: [(ResponseHeader, HeaderName, Option<HeaderName>); 6] = [
    (
        ResponseHeader::AllowOrigin,
        ACCESS_CONTROL_ALLOW_ORIGIN,
        Some(ORIGIN),
    ),
    (
        ResponseHeader::AllowCredentials,
        ACCESS_CONTROL_ALLOW_CREDENTIALS,
        None,
    ),
    (
        ResponseHeader::AllowMethods,
        ACCESS_CONTROL_ALLOW_METHODS,
        Some(ACCESS_CONTROL_REQUEST_METHOD),
    ),
    (
        ResponseHeader::AllowHeaders,
        ACCESS_CONTROL_ALLOW_HEADERS,
        Some(ACCESS_CONTROL_REQUEST_HEADERS),
    ),
    (ResponseHeader::MaxAge, ACCESS_CONTROL_MAX_AGE, None),
    (
        ResponseHeader::ExposeHeaders,
        ACCESS_CONTROL_EXPOSE_HEADERS,
        None,
    ),
];

/// A policy's fixed response values as `HeaderValue`s, made once and cloned per response.
#[derive(Clone, Debug, Default)]
pub struct PolicyValues {
    fixed: [Option<HeaderValue>; 4],
}

impl PolicyValues {
    /// The values of `policy`: `*`, `true`, its `Access-Control-Expose-Headers` and its
    /// `Access-Control-Max-Age`.
    pub fn new<'c, S: AsRef<[PatternSlot<'c>]>>(policy: &Policy<'c, S>) -> Self {
        let own = |value: Option<&str>| value.and_then(|v| HeaderValue::from_str(v).ok());
        Self {
            fixed: [
                Some(HeaderValue::from_static("*")),
                Some(HeaderValue::from_static("true")),
                own(policy.exposed_headers_value()),
                own(policy.max_age_value()),
            ],
        }
    }
}

/// The response headers of one decision, owned: what a service keeps while the
/// application answers, then sets with [`CorsHeaders::apply`].
#[derive(Clone, Debug, Default)]
pub struct CorsHeaders {
    headers: heapless::Vec<(HeaderName, HeaderValue), MAX_CORS_RESPONSE_HEADERS>,
    vary: Option<&'static str>,
}

impl CorsHeaders {
    /// The headers of `decision`, made for the request whose headers are `request`.
    pub fn new(decision: &Decision<'_>, request: &HeaderMap, values: &PolicyValues) -> Self {
        let mut headers = heapless::Vec::new();
        for (which, name, echoed) in RESPONSE_HEADERS {
            let Some(bytes) = decision.header(which) else {
                continue;
            };
            let from_request = echoed.iter().flat_map(|echoed| request.get_all(echoed));
            let candidates = values.fixed.iter().flatten().chain(from_request);
            // A value the core made is always a valid header value; if it were not, the
            // header is left out, which a browser reads as a refusal.
            if let Some(value) = value_for(bytes, candidates) {
                // At most one entry per response header: the push cannot fail.
                let _ = headers.push((name, value));
            }
        }
        Self {
            headers,
            vary: decision.vary(),
        }
    }

    /// Sets the headers on `response`: each CORS header replaces any value the application
    /// set (never a second `Access-Control-Allow-Origin`), and `Vary` is merged with the
    /// response's own ([`merge_vary`]).
    pub fn apply(self, response: &mut HeaderMap) {
        for (name, value) in self.headers {
            response.insert(name, value);
        }
        if let Some(vary) = self.vary {
            merge_vary_into(response, vary);
        }
    }

    /// The headers, `Vary` last, as set by [`CorsHeaders::apply`] on a response without
    /// `Vary`.
    pub fn iter(&self) -> impl Iterator<Item = (&HeaderName, &[u8])> {
        let vary = self.vary.map(|vary| (&VARY, vary.as_bytes()));
        self.headers
            .iter()
            .map(|(name, value)| (name, value.as_bytes()))
            .chain(vary)
    }
}

/// The first candidate whose bytes are `bytes`, cloned; otherwise a new value.
fn value_for<'v>(
    bytes: &[u8],
    mut candidates: impl Iterator<Item = &'v HeaderValue>,
) -> Option<HeaderValue> {
    match candidates.find(|candidate| candidate.as_bytes() == bytes) {
        Some(found) => Some(found.clone()),
        None => HeaderValue::from_bytes(bytes).ok(),
    }
}

/// Merges `add` into the response's `Vary` lines: set when there is none, unchanged when
/// every element is already there, otherwise replaced by one merged line. A `Vary` the
/// merge cannot read (too long, or not a list of tokens) is left as it is and `add` goes on
/// a line of its own, which caches combine with the others.
fn merge_vary_into(response: &mut HeaderMap, add: &'static str) {
    let mut lines = response.get_all(VARY).iter();
    let Some(first) = lines.next() else {
        response.insert(VARY, HeaderValue::from_static(add));
        return;
    };
    // One line (the usual case) is read in place; several are joined first.
    let joined;
    let existing = match lines.next() {
        None => first.as_bytes(),
        Some(second) => {
            let mut all = [first, second].map(|line| line.as_bytes()).join(&b", "[..]);
            for line in lines {
                all.extend_from_slice(b", ");
                all.extend_from_slice(line.as_bytes());
            }
            joined = all;
            &joined
        }
    };
    let mut merged = String::new();
    match merge_vary(Some(existing), add, &mut merged) {
        Ok(()) if merged.as_bytes() == existing => {}
        Ok(()) => {
            if let Ok(value) = HeaderValue::from_str(&merged) {
                response.insert(VARY, value);
            }
        }
        Err(_) => {
            response.append(VARY, HeaderValue::from_static(add));
        }
    }
}

/// The response to a preflight: the decision's status (the policy's success status, or
/// 403 when refused), its headers, and an empty body.
///
/// The application is not called for a preflight: its answer is the policy's.
pub fn preflight_response<B: Default>(status: Option<u16>, headers: CorsHeaders) -> Response<B> {
    let mut response = Response::new(B::default());
    *response.status_mut() = status
        .and_then(|status| StatusCode::from_u16(status).ok())
        .unwrap_or(StatusCode::FORBIDDEN);
    headers.apply(response.headers_mut());
    response
}
