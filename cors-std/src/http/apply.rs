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
    ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, Entry,
    HeaderName, VARY,
};
use http::{HeaderMap, HeaderValue, Response, StatusCode};

use super::gather::{
    Echoes, ORIGIN_HEADER, REQUEST_HEADERS_HEADER, REQUEST_METHOD_HEADER, RequestHeader,
};

/// A CORS response header: which it is, its name, and the request header whose value it
/// may echo.
struct CorsHeader {
    which: ResponseHeader,
    name: HeaderName,
    echoed: Option<&'static RequestHeader>,
}

/// The CORS response headers, in the order they are set; [`CorsHeaders`] keeps each value
/// at its header's index.
static RESPONSE_HEADERS: [CorsHeader; MAX_CORS_RESPONSE_HEADERS] = [
    CorsHeader {
        which: ResponseHeader::AllowOrigin,
        name: ACCESS_CONTROL_ALLOW_ORIGIN,
        echoed: Some(&ORIGIN_HEADER),
    },
    CorsHeader {
        which: ResponseHeader::AllowCredentials,
        name: ACCESS_CONTROL_ALLOW_CREDENTIALS,
        echoed: None,
    },
    CorsHeader {
        which: ResponseHeader::AllowMethods,
        name: ACCESS_CONTROL_ALLOW_METHODS,
        echoed: Some(&REQUEST_METHOD_HEADER),
    },
    CorsHeader {
        which: ResponseHeader::AllowHeaders,
        name: ACCESS_CONTROL_ALLOW_HEADERS,
        echoed: Some(&REQUEST_HEADERS_HEADER),
    },
    CorsHeader {
        which: ResponseHeader::MaxAge,
        name: ACCESS_CONTROL_MAX_AGE,
        echoed: None,
    },
    CorsHeader {
        which: ResponseHeader::ExposeHeaders,
        name: ACCESS_CONTROL_EXPOSE_HEADERS,
        echoed: None,
    },
];

/// The values of the CORS response headers, each at its index in [`RESPONSE_HEADERS`].
type Values = [Option<HeaderValue>; MAX_CORS_RESPONSE_HEADERS];

/// The `Vary` values a decision sets, made once: a clone is a copy of a static reference.
static VARY_ORIGIN: HeaderValue = HeaderValue::from_static("Origin");
/// See [`VARY_ORIGIN`].
static VARY_ORIGIN_PREFLIGHT: HeaderValue = HeaderValue::from_static(
    "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
);
/// See [`VARY_ORIGIN`].
static VARY_PREFLIGHT: HeaderValue =
    HeaderValue::from_static("Access-Control-Request-Method, Access-Control-Request-Headers");

/// The `Vary` value `vary` as a `HeaderValue`: one of those made once when it is one of
/// them, otherwise made (and checked) now.
fn vary_value(vary: &'static str) -> HeaderValue {
    let known = match vary {
        "Origin" => &VARY_ORIGIN,
        "Origin, Access-Control-Request-Method, Access-Control-Request-Headers" => {
            &VARY_ORIGIN_PREFLIGHT
        }
        "Access-Control-Request-Method, Access-Control-Request-Headers" => &VARY_PREFLIGHT,
        _ => return HeaderValue::from_static(vary),
    };
    known.clone()
}

/// What a [`HeaderMap`] made for a preflight response holds at first: the most headers a
/// preflight decision sets (the origin, credentials, method, request headers, max-age and
/// `Vary`), the capacity a map's first insert gives it.
const PREFLIGHT_CAPACITY: usize = 6;

/// `*`, the first of every policy's values.
static ANY: HeaderValue = HeaderValue::from_static("*");

/// `true`, the second.
static TRUE: HeaderValue = HeaderValue::from_static("true");

/// A policy's fixed response values as `HeaderValue`s, made once and cloned per response.
#[derive(Clone, Debug, Default)]
pub struct PolicyValues {
    /// [`ANY`], [`TRUE`], the exposure and the max-age (all `None` in the default).
    fixed: [Option<HeaderValue>; 4],
}

impl PolicyValues {
    /// The values of `policy`: `*`, `true`, its `Access-Control-Expose-Headers` and its
    /// `Access-Control-Max-Age`.
    pub fn new<'c, S: AsRef<[PatternSlot<'c>]>>(policy: &Policy<'c, S>) -> Self {
        let own = |value: Option<&str>| value.and_then(|v| HeaderValue::from_str(v).ok());
        Self {
            fixed: [
                Some(ANY.clone()),
                Some(TRUE.clone()),
                own(policy.exposed_headers_value()),
                own(policy.max_age_value()),
            ],
        }
    }

    /// The value to send for `bytes`, the value of `header`: the first of the policy's
    /// values, then of the request's values it may echo, with those bytes, cloned;
    /// otherwise a new value.
    #[inline]
    fn value_for(
        &self,
        header: &CorsHeader,
        bytes: &[u8],
        echoes: &Echoes<'_>,
    ) -> Option<HeaderValue> {
        // The policy's values in order: `*` and `true` (known without reading them: they are
        // [`ANY`] and [`TRUE`] when set), then its exposure and max-age.
        let [any, truth, own @ ..] = &self.fixed;
        let known = match bytes {
            b"*" => any.as_ref(),
            b"true" => truth.as_ref(),
            _ => None,
        };
        if let Some(fixed) = known.or_else(|| own.iter().flatten().find(|v| v.as_bytes() == bytes))
        {
            return Some(fixed.clone());
        }
        if let Some(echoed) = header.echoed.and_then(|echoed| echoes.find(echoed, bytes)) {
            return Some(echoed.clone());
        }
        // A value the core made is always a valid header value; if it were not, the header
        // is left out, which a browser reads as a refusal.
        HeaderValue::from_bytes(bytes).ok()
    }

    /// Sets `out` to the values of the CORS response headers of `decision`, made for the
    /// request whose CORS request headers are `echoes`.
    #[inline]
    fn fill(&self, decision: &Decision<'_>, echoes: &Echoes<'_>, out: &mut Values) {
        for (value, header) in out.iter_mut().zip(&RESPONSE_HEADERS) {
            if let Some(bytes) = decision.header(header.which) {
                *value = self.value_for(header, bytes, echoes);
            }
        }
    }
}

/// The response headers of one decision, owned: what a service keeps while the
/// application answers, then sets with [`CorsHeaders::apply`].
#[derive(Clone, Debug, Default)]
pub struct CorsHeaders {
    values: Values,
    vary: Option<&'static str>,
}

impl CorsHeaders {
    /// The headers of `decision`, made for the request whose headers are `request`.
    pub fn new(decision: &Decision<'_>, request: &HeaderMap, values: &PolicyValues) -> Self {
        Self::with_echoes(decision, &Echoes::of(request), values)
    }

    /// The headers of `decision`, made for the request whose CORS request headers are
    /// `echoes`.
    #[inline]
    pub(crate) fn with_echoes(
        decision: &Decision<'_>,
        echoes: &Echoes<'_>,
        values: &PolicyValues,
    ) -> Self {
        let mut headers = Self {
            values: Values::default(),
            vary: decision.vary(),
        };
        values.fill(decision, echoes, &mut headers.values);
        headers
    }

    /// Sets the headers on `response`, the policy being the only source of CORS response
    /// headers: each CORS header the decision sets replaces any value the application set
    /// (never a second `Access-Control-Allow-Origin`, misconfiguration class 17), and one the
    /// decision does not set is removed if the application set it (so that an application's
    /// own `Access-Control-Allow-Origin` or `Access-Control-Allow-Credentials` cannot grant
    /// what the policy refuses). `Vary` is merged with the response's own ([`merge_vary`]).
    pub fn apply(mut self, response: &mut HeaderMap) {
        self.take_into(response);
    }

    /// [`CorsHeaders::apply`], taking the headers out of `self` (left empty).
    #[inline]
    pub(crate) fn take_into(&mut self, response: &mut HeaderMap) {
        // Most responses carry no CORS header of their own: one look at their names (none for
        // an empty map) says so.
        if !response.is_empty() && response.keys().any(is_cors_response_header) {
            for (header, value) in RESPONSE_HEADERS.iter().zip(&self.values) {
                if value.is_none() {
                    response.remove(&header.name);
                }
            }
        }
        set_values(response, &mut self.values);
        if let Some(vary) = self.vary.take() {
            merge_vary_into(response, vary);
        }
    }

    /// The headers, `Vary` last, as set by [`CorsHeaders::apply`] on a response without
    /// `Vary`.
    pub fn iter(&self) -> impl Iterator<Item = (&HeaderName, &[u8])> {
        let vary = self.vary.map(|vary| (&VARY, vary.as_bytes()));
        RESPONSE_HEADERS
            .iter()
            .zip(&self.values)
            .filter_map(|(header, value)| Some((&header.name, value.as_ref()?.as_bytes())))
            .chain(vary)
    }
}

/// Sets each value of `values` on `map` under its header's name, replacing any value there,
/// and takes it out of `values`.
#[inline]
fn set_values(map: &mut HeaderMap, values: &mut Values) {
    for (header, value) in RESPONSE_HEADERS.iter().zip(values) {
        if let Some(value) = value.take() {
            map.insert(&header.name, value);
        }
    }
}

/// Whether `name` is one of the CORS response headers ([`RESPONSE_HEADERS`]).
fn is_cors_response_header(name: &HeaderName) -> bool {
    RESPONSE_HEADERS.iter().any(|header| header.name == name)
}

/// Merges `add` into the response's `Vary` lines: set when there is none, unchanged when
/// every element is already there, otherwise replaced by one merged line. A `Vary` the
/// merge cannot read (too long, or not a list of tokens) is left as it is and `add` goes on
/// a line of its own, which caches combine with the others.
fn merge_vary_into(response: &mut HeaderMap, add: &'static str) {
    // One lookup of `Vary`, whether it is set or not.
    let mut entry = match response.entry(VARY) {
        Entry::Vacant(vacant) => {
            vacant.insert(vary_value(add));
            return;
        }
        Entry::Occupied(occupied) => occupied,
    };
    let mut lines = entry.iter();
    let Some(first) = lines.next() else {
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
                entry.insert(value);
            }
        }
        Err(_) => {
            entry.append(vary_value(add));
        }
    }
}

/// The response to a preflight: the decision's status (the policy's success status, or
/// 403 when refused), its headers, and an empty body.
///
/// The application is not called for a preflight: its answer is the policy's.
pub fn preflight_response<B: Default>(status: Option<u16>, headers: CorsHeaders) -> Response<B> {
    response(status, preflight_map(headers.values, headers.vary))
}

/// A new map with the CORS headers `values` and `vary`, set in order.
fn preflight_map(values: Values, vary: Option<&'static str>) -> HeaderMap {
    let count = values.iter().flatten().count() + usize::from(vary.is_some());
    let mut map = match count {
        0 => HeaderMap::new(),
        _ => HeaderMap::with_capacity(count.max(PREFLIGHT_CAPACITY)),
    };
    fill_preflight_map(&mut map, values, vary);
    map
}

/// Sets the CORS headers `values` and `vary` on `map`, an empty map, in order.
#[inline]
fn fill_preflight_map(map: &mut HeaderMap, mut values: Values, vary: Option<&'static str>) {
    // `insert`, the code `CorsHeaders::apply` runs too: on an empty map, the same as `append`.
    set_values(map, &mut values);
    if let Some(vary) = vary {
        map.insert(VARY, vary_value(vary));
    }
}

/// The most names a request's map may have room for, and the most values it may hold, to
/// be reused as its preflight response's map ([`preflight_response_reusing`]): the memory
/// of a bigger request is not held by its response, which gets a new map.
pub(crate) const REUSED_MAP_CAPACITY: usize = 64;

/// Whether `map` is small enough to be reused ([`REUSED_MAP_CAPACITY`]). `capacity`
/// counts room for names only; the values of a repeated name live in a second store that
/// `clear` keeps too, which `len` (every value) bounds.
pub(crate) fn is_reusable(map: &HeaderMap) -> bool {
    map.capacity() <= REUSED_MAP_CAPACITY && map.len() <= REUSED_MAP_CAPACITY
}

/// [`preflight_response`] on `map`, the preflight request's own header map: cleared and
/// reused when it [`is_reusable`] (the request's map is not needed any more: a preflight
/// goes no further than the policy), otherwise a new map. A reused map with room for the
/// response's headers (at most 6) needs no allocation; a smaller one grows.
#[inline(never)]
pub(crate) fn preflight_response_reusing<B: Default>(
    status: Option<u16>,
    headers: CorsHeaders,
    mut map: HeaderMap,
) -> Response<B> {
    if !is_reusable(&map) {
        return preflight_response(status, headers);
    }
    map.clear();
    fill_preflight_map(&mut map, headers.values, headers.vary);
    response(status, map)
}

/// A response with an empty body, `status` (403 when there is none or it is not a status)
/// and `headers`.
#[inline]
fn response<B: Default>(status: Option<u16>, headers: HeaderMap) -> Response<B> {
    let mut response = Response::new(B::default());
    *response.status_mut() = status
        .and_then(|status| StatusCode::from_u16(status).ok())
        .unwrap_or(StatusCode::FORBIDDEN);
    *response.headers_mut() = headers;
    response
}
