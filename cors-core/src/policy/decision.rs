//! [`Decision`]: what the server answers, as data.

use core::fmt;

use crate::limits::MAX_REQUEST_HEADERS_LEN;

/// What kind of request the server received.
///
/// <https://fetch.spec.whatwg.org/#http-requests>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // closed by the standard
pub enum RequestKind {
    /// No `Origin` header: not a CORS request.
    NotCors,
    /// `OPTIONS` with `Origin` and `Access-Control-Request-Method`: a CORS-preflight
    /// request, answered by the policy without calling the application.
    ///
    /// <https://fetch.spec.whatwg.org/#cors-preflight-request>
    Preflight,
    /// Any other request with `Origin`, including an `OPTIONS` without
    /// `Access-Control-Request-Method`: the application answers it, the policy adds headers.
    ///
    /// <https://fetch.spec.whatwg.org/#cors-request>
    Actual,
}

impl RequestKind {
    /// `not-cors`, `preflight` or `actual`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NotCors => "not-cors",
            Self::Preflight => "preflight",
            Self::Actual => "actual",
        }
    }
}

/// Why the policy refused a CORS request. For the application's logs and metrics only:
/// nothing of it is sent to the client, which sees only missing CORS headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RejectReason {
    /// `Origin` is not a serialized origin or `null` (misconfiguration classes 7 and 13).
    InvalidOrigin,
    /// More than one `Origin` header.
    MultipleOrigins,
    /// `Origin: null` and the policy does not allow it (class 8).
    NullOriginNotAllowed,
    /// No pattern allows the origin.
    OriginNotAllowed,
    /// More than one `Access-Control-Request-Method` header.
    MultipleRequestMethods,
    /// `Access-Control-Request-Method` is not a method (a token).
    InvalidRequestMethod,
    /// The method asked for is not allowed (methods compare case-sensitively).
    MethodNotAllowed,
    /// `Access-Control-Request-Headers` is longer than
    /// [`MAX_REQUEST_HEADERS_LEN`] (class 18).
    RequestHeadersTooLong,
    /// An element of `Access-Control-Request-Headers` is not a header name.
    InvalidRequestHeaders,
    /// A header name asked for is not allowed.
    RequestHeaderNotAllowed,
    /// The header list is beyond [`MAX_HEADER_COUNT`](crate::limits::MAX_HEADER_COUNT)
    /// headers or has a value beyond
    /// [`MAX_HEADER_VALUE_LEN`](crate::limits::MAX_HEADER_VALUE_LEN) bytes
    /// ([`Policy::decide_list`](super::Policy::decide_list)).
    HeaderLimits,
}

impl RejectReason {
    /// A short identifier, such as `origin-not-allowed`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::InvalidOrigin => "invalid-origin",
            Self::MultipleOrigins => "multiple-origins",
            Self::NullOriginNotAllowed => "null-origin-not-allowed",
            Self::OriginNotAllowed => "origin-not-allowed",
            Self::MultipleRequestMethods => "multiple-request-methods",
            Self::InvalidRequestMethod => "invalid-request-method",
            Self::MethodNotAllowed => "method-not-allowed",
            Self::RequestHeadersTooLong => "request-headers-too-long",
            Self::InvalidRequestHeaders => "invalid-request-headers",
            Self::RequestHeaderNotAllowed => "request-header-not-allowed",
            Self::HeaderLimits => "header-limits",
        }
    }

    /// A one-line description.
    pub const fn description(self) -> &'static str {
        match self {
            Self::InvalidOrigin => "the Origin header is not a serialized origin",
            Self::MultipleOrigins => "more than one Origin header",
            Self::NullOriginNotAllowed => "the null origin is not allowed",
            Self::OriginNotAllowed => "the origin is not allowed",
            Self::MultipleRequestMethods => "more than one Access-Control-Request-Method header",
            Self::InvalidRequestMethod => "Access-Control-Request-Method is not a method",
            Self::MethodNotAllowed => "the requested method is not allowed",
            Self::RequestHeadersTooLong => {
                "Access-Control-Request-Headers is longer than the limit"
            }
            Self::InvalidRequestHeaders => "Access-Control-Request-Headers has an invalid name",
            Self::RequestHeaderNotAllowed => "a requested header is not allowed",
            Self::HeaderLimits => "the header list is beyond the limits",
        }
    }
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

/// A response header the policy sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // the CORS response headers and Vary
pub enum ResponseHeader {
    /// `Access-Control-Allow-Origin`: a value that parsed as a serialized origin, or `*`.
    AllowOrigin,
    /// `Access-Control-Allow-Credentials: true`.
    AllowCredentials,
    /// `Access-Control-Allow-Methods` (preflight).
    AllowMethods,
    /// `Access-Control-Allow-Headers` (preflight).
    AllowHeaders,
    /// `Access-Control-Max-Age` (preflight).
    MaxAge,
    /// `Access-Control-Expose-Headers` (actual).
    ExposeHeaders,
    /// `Vary`: merge it into the response's own (see [`merge_vary`](super::merge_vary)).
    Vary,
}

impl ResponseHeader {
    /// The header name, lowercase (as HTTP/2 requires and `http::HeaderName::from_static`
    /// accepts).
    ///
    /// <https://fetch.spec.whatwg.org/#http-responses>
    pub const fn name(self) -> &'static str {
        match self {
            Self::AllowOrigin => "access-control-allow-origin",
            Self::AllowCredentials => "access-control-allow-credentials",
            Self::AllowMethods => "access-control-allow-methods",
            Self::AllowHeaders => "access-control-allow-headers",
            Self::MaxAge => "access-control-max-age",
            Self::ExposeHeaders => "access-control-expose-headers",
            Self::Vary => "vary",
        }
    }
}

/// The CORS response headers a decision can set: each at most once.
pub const MAX_CORS_RESPONSE_HEADERS: usize = 6;

/// The CORS response headers in the order a decision lists them: one slot each.
const CORS_RESPONSE_HEADERS: [ResponseHeader; MAX_CORS_RESPONSE_HEADERS] = [
    ResponseHeader::AllowOrigin,
    ResponseHeader::AllowCredentials,
    ResponseHeader::AllowMethods,
    ResponseHeader::AllowHeaders,
    ResponseHeader::MaxAge,
    ResponseHeader::ExposeHeaders,
];

/// The values of the CORS response headers, one slot per header of
/// [`CORS_RESPONSE_HEADERS`]: setting a header twice replaces its value, and the headers
/// come out in one fixed order.
type HeaderValues<'d> = [Option<Value<'d>>; MAX_CORS_RESPONSE_HEADERS];

/// The slot of `name` in [`HeaderValues`]; `Vary` has none (it is kept apart, to merge).
const fn slot(name: ResponseHeader) -> Option<usize> {
    match name {
        ResponseHeader::AllowOrigin => Some(0),
        ResponseHeader::AllowCredentials => Some(1),
        ResponseHeader::AllowMethods => Some(2),
        ResponseHeader::AllowHeaders => Some(3),
        ResponseHeader::MaxAge => Some(4),
        ResponseHeader::ExposeHeaders => Some(5),
        ResponseHeader::Vary => None,
    }
}

/// Where a header value's bytes are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Value<'d> {
    /// Borrowed from the request, the policy, or static.
    Bytes(&'d [u8]),
    /// The decision's buffer of joined `Access-Control-Request-Headers` lines.
    Joined,
}

/// Everything a [`Decision`] holds but the buffer of joined
/// `Access-Control-Request-Headers` lines: small, so it is filled in place and only the
/// finished decision is written out (a `Decision` is over a kilobyte; moving one costs a
/// copy).
#[derive(Clone, Debug)]
pub(crate) struct Answer<'d> {
    pub(crate) kind: RequestKind,
    pub(crate) reason: Option<RejectReason>,
    pub(crate) offending: Option<&'d [u8]>,
    pub(crate) status: Option<u16>,
    pub(crate) headers: HeaderValues<'d>,
    pub(crate) vary: Option<&'static str>,
}

impl<'d> Answer<'d> {
    pub(crate) const fn new(kind: RequestKind, vary: Option<&'static str>) -> Self {
        Self {
            kind,
            reason: None,
            offending: None,
            status: None,
            headers: [None; MAX_CORS_RESPONSE_HEADERS],
            vary,
        }
    }

    /// Sets `name` to `value`, replacing an earlier value. The policy never sets `Vary`
    /// this way (it has its own field).
    pub(crate) fn set(&mut self, name: ResponseHeader, value: Value<'d>) {
        if let Some(entry) = slot(name).and_then(|at| self.headers.get_mut(at)) {
            *entry = Some(value);
        }
    }

    /// Refuses the request: no CORS header at all, and the reason for the logs.
    pub(crate) fn refuse(&mut self, reason: RejectReason, offending: &'d [u8]) {
        self.headers = [None; MAX_CORS_RESPONSE_HEADERS];
        self.reason = Some(reason);
        self.offending = Some(offending);
    }
}

/// The policy's answer to one request: its kind, allowed or why not, the preflight status,
/// and the response headers to set.
///
/// Set every header of [`Decision::headers`] on the response, replacing any value already
/// there (never appending a second `Access-Control-Allow-Origin`, misconfiguration class 17),
/// except `Vary`, which is merged with [`merge_vary`](super::merge_vary).
#[derive(Clone, Debug)]
pub struct Decision<'d> {
    kind: RequestKind,
    reason: Option<RejectReason>,
    offending: Option<&'d [u8]>,
    status: Option<u16>,
    headers: HeaderValues<'d>,
    vary: Option<&'static str>,
    joined: heapless::Vec<u8, MAX_REQUEST_HEADERS_LEN>,
}

impl<'d> Decision<'d> {
    /// The decision of `answer`, whose [`Value::Joined`] values are in `joined`.
    pub(crate) fn new(
        answer: Answer<'d>,
        joined: heapless::Vec<u8, MAX_REQUEST_HEADERS_LEN>,
    ) -> Self {
        Self {
            kind: answer.kind,
            reason: answer.reason,
            offending: answer.offending,
            status: answer.status,
            headers: answer.headers,
            vary: answer.vary,
            joined,
        }
    }

    /// The kind of request.
    pub const fn kind(&self) -> RequestKind {
        self.kind
    }

    /// Whether the request is allowed; always true for a request that is not CORS.
    ///
    /// A server never learns a request's credentials mode, so "allowed" means a browser
    /// accepts the answer for a request without credentials, and for a credentialed one
    /// only when the policy allows credentials; otherwise the browser fails closed (no
    /// `Access-Control-Allow-Credentials`, or `*`).
    pub const fn is_allowed(&self) -> bool {
        self.reason.is_none()
    }

    /// Why the request was refused, if it was. Never send it to the client.
    pub const fn reason(&self) -> Option<RejectReason> {
        self.reason
    }

    /// The request value that caused the refusal (the origin, method or header name), for
    /// logs. It is attacker-controlled: escape it before logging.
    pub const fn offending_value(&self) -> Option<&'d [u8]> {
        self.offending
    }

    /// The status of a preflight response: the configured success status when allowed,
    /// [`REFUSED_PREFLIGHT_STATUS`] when refused; `None` for other kinds, whose status the
    /// application chooses.
    pub const fn status(&self) -> Option<u16> {
        self.status
    }

    /// The `Vary` value to merge into the response, if the answer depends on request
    /// headers.
    pub const fn vary(&self) -> Option<&'static str> {
        self.vary
    }

    /// The response headers to set, as `(lowercase name, value)`, CORS headers first, then
    /// `Vary`.
    pub fn headers(&self) -> impl Iterator<Item = (&'static str, &[u8])> + '_ {
        let cors = CORS_RESPONSE_HEADERS
            .iter()
            .zip(&self.headers)
            .filter_map(|(name, value)| Some((name.name(), self.bytes((*value)?))));
        let vary = self
            .vary
            .map(|vary| (ResponseHeader::Vary.name(), vary.as_bytes()));
        cors.chain(vary)
    }

    /// The value of `name` in the answer, if set.
    pub fn header(&self, name: ResponseHeader) -> Option<&[u8]> {
        if name == ResponseHeader::Vary {
            return self.vary.map(str::as_bytes);
        }
        let value = slot(name).and_then(|at| self.headers.get(at).copied().flatten())?;
        Some(self.bytes(value))
    }

    fn bytes(&self, value: Value<'d>) -> &[u8] {
        match value {
            Value::Bytes(bytes) => bytes,
            Value::Joined => &self.joined,
        }
    }
}

/// The status of a refused preflight: 403 says "refused" in the browser's network panel.
/// Any status would do, since without `Access-Control-Allow-Origin` the preflight fails.
pub const REFUSED_PREFLIGHT_STATUS: u16 = 403;
