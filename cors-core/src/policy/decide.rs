//! [`Policy::decide`]: classify a request and answer it.
//!
//! The server side of the CORS protocol (<https://fetch.spec.whatwg.org/#http-cors-protocol>):
//! what the policy sends is exactly what the browser's CORS check
//! (<https://fetch.spec.whatwg.org/#concept-cors-check>) and CORS-preflight fetch
//! (<https://fetch.spec.whatwg.org/#cors-preflight-fetch-0>) need to succeed for an allowed
//! request, and nothing when it is refused.

use super::build::Policy;
use super::decision::{
    Answer, Decision, REFUSED_PREFLIGHT_STATUS, RejectReason, RequestKind, ResponseHeader, Value,
};
use super::matcher::PatternSlot;
use super::request::CorsRequestHeaders;
use crate::http::header::{BoundedHeaders, HeaderList, is_token};
use crate::http::list::list_elements;
use crate::http::method::{is_cors_safelisted_method, is_forbidden_method, is_method};
use crate::limits::MAX_REQUEST_HEADERS_LEN;
use crate::origin::serialized::{SerializedOrigin, parse_serialized};

const REQUEST_HEADERS: &[u8] = b"access-control-request-headers";

const VARY_ORIGIN: &str = "Origin";
const VARY_PREFLIGHT: &str = "Access-Control-Request-Method, Access-Control-Request-Headers";
const VARY_ORIGIN_PREFLIGHT: &str =
    "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

/// A refusal: the reason and the request bytes that caused it.
type Refusal<'d> = (RejectReason, &'d [u8]);

/// The `Access-Control-Request-Headers` names to echo.
enum Echo<'d> {
    /// No name was asked for.
    Nothing,
    /// Every name is on this one line.
    Line(&'d [u8]),
    /// The lines with names, joined by `, ` in the decision's buffer.
    Joined,
}

/// Whether a request is a preflight, an actual CORS request or not CORS.
///
/// <https://fetch.spec.whatwg.org/#cors-preflight-request>
fn classify(method: &[u8], found: &CorsRequestHeaders<'_>) -> RequestKind {
    if !found.origin.is_present() {
        RequestKind::NotCors
    } else if method == b"OPTIONS" && found.request_method.is_present() {
        RequestKind::Preflight
    } else {
        RequestKind::Actual
    }
}

impl<'c, S: AsRef<[PatternSlot<'c>]>> Policy<'c, S> {
    /// Decides a request from its method and headers. Never fails, never allocates, and
    /// reads at most [`MAX_REQUEST_HEADERS_LEN`] bytes of `Access-Control-Request-Headers`
    /// and one `Origin` of at most
    /// [`MAX_SERIALIZED_ORIGIN_LEN`](crate::limits::MAX_SERIALIZED_ORIGIN_LEN) bytes.
    ///
    /// - Not CORS (no `Origin`): no CORS header, unless the policy allows `*`, whose answer
    ///   is the same for every request (`Access-Control-Allow-Origin: *`, exposure).
    /// - Preflight: origin, method, then requested headers; allowed gets the success
    ///   status and the headers, refused gets [`REFUSED_PREFLIGHT_STATUS`] and no CORS
    ///   header.
    /// - Actual: origin only; allowed gets the origin, credentials and exposure headers.
    ///
    /// `Vary` lists `Origin` whenever the answer depends on it (every answer but a `*`
    /// policy's) and, for `OPTIONS`, the two request headers a preflight answer depends on:
    /// on allowed, refused and non-CORS answers alike.
    ///
    /// The header list is read once: each name is compared with the three the answer
    /// depends on (`Origin`, `Access-Control-Request-Method`,
    /// `Access-Control-Request-Headers`), most by their length alone.
    pub fn decide<'d, L: HeaderList<'d>>(
        &'d self,
        method: &[u8],
        headers: &BoundedHeaders<L>,
    ) -> Decision<'d> {
        let found = CorsRequestHeaders::find(headers.inner().clone());
        self.decide_found(method, &found, headers)
    }

    /// Decides a request from its method and a header list not yet checked against the
    /// limits: [`Policy::decide`] when [`BoundedHeaders::new`] would accept the list, and
    /// otherwise a refusal ([`RejectReason::HeaderLimits`]: no CORS header, and
    /// [`REFUSED_PREFLIGHT_STATUS`] for a preflight), the kind read from the first
    /// [`MAX_HEADER_COUNT`](crate::limits::MAX_HEADER_COUNT) headers. A request that is not
    /// CORS is answered as usual.
    ///
    /// For adapters whose header collection is not bounded by the server: every request
    /// gets a decision, and none reads more than the limits allow. A refusal is a CORS
    /// failure for the browser (<https://fetch.spec.whatwg.org/#concept-cors-check>: no
    /// `Access-Control-Allow-Origin`), so it never grants more than `decide` would. The
    /// limits are checked in the same single pass over the list that finds the CORS
    /// request headers.
    pub fn decide_list<'d, L: HeaderList<'d>>(&'d self, method: &[u8], list: L) -> Decision<'d> {
        let found = CorsRequestHeaders::find(list.clone());
        // Within the limits, the pass checked what `BoundedHeaders::new` checks.
        self.decide_found(method, &found, &BoundedHeaders::truncated(list))
    }

    /// The decision for a request whose CORS request headers are `found` in `headers`.
    fn decide_found<'d, L: HeaderList<'d>>(
        &'d self,
        method: &[u8],
        found: &CorsRequestHeaders<'d>,
        headers: &BoundedHeaders<L>,
    ) -> Decision<'d> {
        let mut answer = Answer::new(classify(method, found), self.vary(method));
        match answer.kind {
            _ if found.beyond_limits => self.refuse_beyond_limits(&mut answer),
            RequestKind::NotCors => self.answer_not_cors(&mut answer),
            RequestKind::Actual => self.answer_actual(&mut answer, found),
            RequestKind::Preflight if found.request_headers.count > 1 => {
                // The rare case that needs the buffer: names on several lines, joined.
                let mut joined = heapless::Vec::new();
                self.answer_preflight(&mut answer, found, |policy| {
                    policy.check_request_header_lines(headers, &mut joined)
                });
                return Decision::new(answer, joined);
            }
            RequestKind::Preflight => self.answer_preflight(&mut answer, found, |policy| {
                policy.check_request_headers_line(found.request_headers.first)
            }),
        }
        Decision::new(answer, heapless::Vec::new())
    }

    /// The answer to a request beyond the limits: refused, unless it is not CORS.
    fn refuse_beyond_limits<'d>(&'d self, answer: &mut Answer<'d>) {
        match answer.kind {
            RequestKind::NotCors => self.answer_not_cors(answer),
            RequestKind::Actual => answer.refuse(RejectReason::HeaderLimits, b""),
            RequestKind::Preflight => {
                answer.status = Some(REFUSED_PREFLIGHT_STATUS);
                answer.refuse(RejectReason::HeaderLimits, b"");
            }
        }
    }

    /// The `Vary` value: the same for every request with this method, so a cache keyed on
    /// method and URL always sees the same one.
    fn vary(&self, method: &[u8]) -> Option<&'static str> {
        match (self.is_origin_dependent(), method == b"OPTIONS") {
            (true, true) => Some(VARY_ORIGIN_PREFLIGHT),
            (true, false) => Some(VARY_ORIGIN),
            (false, true) => Some(VARY_PREFLIGHT),
            (false, false) => None,
        }
    }

    fn answer_not_cors<'d>(&'d self, answer: &mut Answer<'d>) {
        if self.any_origin {
            // The answer to `*` does not depend on the request: sending it on every response
            // keeps a cached non-CORS response valid for CORS requests (whatwg/fetch#1601).
            answer.set(ResponseHeader::AllowOrigin, Value::Bytes(b"*"));
            self.set_expose_headers(answer);
        }
    }

    fn answer_actual<'d>(&'d self, answer: &mut Answer<'d>, found: &CorsRequestHeaders<'d>) {
        match self.check_origin(found) {
            Ok(allow_origin) => {
                self.set_origin_and_credentials(answer, allow_origin);
                self.set_expose_headers(answer);
            }
            Err((reason, offending)) => answer.refuse(reason, offending),
        }
    }

    fn answer_preflight<'d>(
        &'d self,
        answer: &mut Answer<'d>,
        found: &CorsRequestHeaders<'d>,
        check_request_headers: impl FnOnce(&Self) -> Result<Echo<'d>, Refusal<'d>>,
    ) {
        let checked = self.check_origin(found).and_then(|allow_origin| {
            let method = self.check_request_method(found)?;
            let echo = check_request_headers(self)?;
            Ok((allow_origin, method, echo))
        });
        let (allow_origin, method, echo) = match checked {
            Ok(checked) => checked,
            Err((reason, offending)) => {
                answer.status = Some(REFUSED_PREFLIGHT_STATUS);
                return answer.refuse(reason, offending);
            }
        };
        answer.status = Some(self.success_status);
        self.set_origin_and_credentials(answer, allow_origin);
        if let Some(method) = method {
            answer.set(ResponseHeader::AllowMethods, Value::Bytes(method));
        }
        match echo {
            Echo::Nothing => {}
            Echo::Line(line) => answer.set(ResponseHeader::AllowHeaders, Value::Bytes(line)),
            Echo::Joined => answer.set(ResponseHeader::AllowHeaders, Value::Joined),
        }
        if !self.max_age.is_empty() {
            answer.set(
                ResponseHeader::MaxAge,
                Value::Bytes(self.max_age.as_bytes()),
            );
        }
    }

    fn set_origin_and_credentials<'d>(&'d self, answer: &mut Answer<'d>, origin: &'d [u8]) {
        answer.set(ResponseHeader::AllowOrigin, Value::Bytes(origin));
        if self.credentials {
            answer.set(ResponseHeader::AllowCredentials, Value::Bytes(b"true"));
        }
    }

    fn set_expose_headers<'d>(&'d self, answer: &mut Answer<'d>) {
        if !self.expose_headers.is_empty() {
            let value = Value::Bytes(self.expose_headers.as_bytes());
            answer.set(ResponseHeader::ExposeHeaders, value);
        }
    }

    /// The `Access-Control-Allow-Origin` value for the request's `Origin`: `*` for a `*`
    /// policy, otherwise the `Origin` value itself, and only after it parsed strictly and
    /// matched (misconfiguration classes 1, 7 and 13).
    fn check_origin<'d>(&'d self, found: &CorsRequestHeaders<'d>) -> Result<&'d [u8], Refusal<'d>> {
        if self.any_origin {
            return Ok(b"*");
        }
        let value = found.origin.value();
        if found.origin.count > 1 {
            return Err((RejectReason::MultipleOrigins, value));
        }
        // An `Origin` found by its text, as the parser would accept it, needs no parsing.
        let text = self.matcher().find_text(value);
        if text.found {
            return Ok(value);
        }
        let Ok(origin) = parse_serialized(value) else {
            return Err((RejectReason::InvalidOrigin, value));
        };
        if self.allows_serialized(&origin, text.searched) {
            return Ok(value);
        }
        let reason = match origin {
            SerializedOrigin::Null => RejectReason::NullOriginNotAllowed,
            SerializedOrigin::Tuple(_) => RejectReason::OriginNotAllowed,
        };
        Err((reason, value))
    }

    /// The method to echo in `Access-Control-Allow-Methods`: `None` for a CORS-safelisted
    /// method, which needs none; only the method asked for, never the configured list
    /// (misconfiguration class 19).
    fn check_request_method<'d>(
        &self,
        found: &CorsRequestHeaders<'d>,
    ) -> Result<Option<&'d [u8]>, Refusal<'d>> {
        let method = found.request_method.value();
        if found.request_method.count > 1 {
            return Err((RejectReason::MultipleRequestMethods, method));
        }
        // A listed method is a method and not a forbidden one: the configuration refuses
        // any other. So the common case is one lookup.
        if self.methods.lists(method) {
            return Ok((!is_cors_safelisted_method(method)).then_some(method));
        }
        if !is_method(method) {
            return Err((RejectReason::InvalidRequestMethod, method));
        }
        if is_cors_safelisted_method(method) {
            return Ok(None);
        }
        let allowed = self.methods.is_any() || self.methods.lists(method);
        if is_forbidden_method(method) || !allowed {
            return Err((RejectReason::MethodNotAllowed, method));
        }
        Ok(Some(method))
    }

    /// Checks every name of `Access-Control-Request-Headers` (all lines, the `#` list rule:
    /// optional whitespace and empty elements tolerated, names case-insensitive) and returns
    /// what to echo. The combined length is checked against [`MAX_REQUEST_HEADERS_LEN`]
    /// before any byte is read, then each byte is read once (misconfiguration class 18).
    fn check_request_header_lines<'d, L: HeaderList<'d>>(
        &self,
        headers: &BoundedHeaders<L>,
        joined: &mut heapless::Vec<u8, MAX_REQUEST_HEADERS_LEN>,
    ) -> Result<Echo<'d>, Refusal<'d>> {
        let lines = headers.values(REQUEST_HEADERS);
        let mut combined = 0usize;
        for (i, line) in lines.clone().enumerate() {
            combined += line.len() + if i == 0 { 0 } else { 2 };
            if combined > MAX_REQUEST_HEADERS_LEN {
                return Err((RejectReason::RequestHeadersTooLong, line));
            }
        }
        let mut echo = Echo::Nothing;
        for line in lines {
            if self.check_header_line(line)? {
                echo = add_line(echo, line, joined)
                    .ok_or((RejectReason::RequestHeadersTooLong, line))?;
            }
        }
        Ok(echo)
    }

    /// [`Self::check_request_header_lines`] when there is at most one line, the common
    /// case.
    fn check_request_headers_line<'d>(
        &self,
        line: Option<&'d [u8]>,
    ) -> Result<Echo<'d>, Refusal<'d>> {
        let Some(line) = line else {
            return Ok(Echo::Nothing);
        };
        if line.len() > MAX_REQUEST_HEADERS_LEN {
            return Err((RejectReason::RequestHeadersTooLong, line));
        }
        Ok(if self.check_header_line(line)? {
            Echo::Line(line)
        } else {
            Echo::Nothing
        })
    }

    /// Checks the names of one line; returns whether it has any.
    ///
    /// A listed name is a token (the configuration refuses any other), so only a name the
    /// list lacks needs its bytes checked: header names are tokens
    /// (<https://fetch.spec.whatwg.org/#header-name>).
    fn check_header_line<'d>(&self, line: &'d [u8]) -> Result<bool, Refusal<'d>> {
        let mut any = false;
        for name in list_elements(line) {
            if !self.request_headers.lists(name) {
                if !is_token(name) {
                    return Err((RejectReason::InvalidRequestHeaders, name));
                }
                if !self.allows_unlisted_request_header(name) {
                    return Err((RejectReason::RequestHeaderNotAllowed, name));
                }
            }
            any = true;
        }
        Ok(any)
    }
}

/// Adds a line with names to the echo; `None` if the joined lines do not fit, which the
/// length check before rules out.
fn add_line<'d>(
    echo: Echo<'d>,
    line: &'d [u8],
    joined: &mut heapless::Vec<u8, MAX_REQUEST_HEADERS_LEN>,
) -> Option<Echo<'d>> {
    match echo {
        Echo::Nothing => return Some(Echo::Line(line)),
        Echo::Line(first) => joined.extend_from_slice(first).ok()?,
        Echo::Joined => {}
    }
    joined.extend_from_slice(b", ").ok()?;
    joined.extend_from_slice(line).ok()?;
    Some(Echo::Joined)
}
