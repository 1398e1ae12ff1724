//! The CORS request headers of an [`http::HeaderMap`] as a header list.
//!
//! A [`HeaderMap`]'s iterators are not `Clone`, which a
//! [`HeaderList`](cors_core::http::HeaderList) must be (the policy reads it more than
//! once), and the policy reads only three names. So the values of those three names are
//! gathered — by reference, no value copied — into an array on the stack.
//!
//! A browser sends each of the three at most once, so the usual request fills a list of
//! at most three ([`Few`]), made with one lookup per name. A request with several values of
//! one name takes the rare path ([`decide_many`]): every value, with room for one more than
//! [`MAX_HEADER_COUNT`] so that a request beyond the limit is seen as such by
//! [`Policy::decide_list`].

use cors_core::http::Header;
use cors_core::limits::MAX_HEADER_COUNT;
use cors_core::policy::{Decision, PatternSlot, Policy};
use http::header::{
    ACCESS_CONTROL_REQUEST_HEADERS, ACCESS_CONTROL_REQUEST_METHOD, HeaderName, ORIGIN,
};
use http::{HeaderMap, HeaderValue};

/// A request header a CORS decision reads: its name, and the name as the core reads it.
#[derive(Debug)]
pub(crate) struct RequestHeader {
    name: HeaderName,
    text: &'static str,
}

/// `Origin`.
pub(crate) static ORIGIN_HEADER: RequestHeader = RequestHeader {
    name: ORIGIN,
    text: "origin",
};

/// `Access-Control-Request-Method`.
pub(crate) static REQUEST_METHOD_HEADER: RequestHeader = RequestHeader {
    name: ACCESS_CONTROL_REQUEST_METHOD,
    text: "access-control-request-method",
};

/// `Access-Control-Request-Headers`.
pub(crate) static REQUEST_HEADERS_HEADER: RequestHeader = RequestHeader {
    name: ACCESS_CONTROL_REQUEST_HEADERS,
    text: "access-control-request-headers",
};

/// The request headers a CORS decision reads, in the order they are gathered.
static CORS_REQUEST_HEADERS: [&RequestHeader; 3] = [
    &ORIGIN_HEADER,
    &REQUEST_METHOD_HEADER,
    &REQUEST_HEADERS_HEADER,
];

/// Room for one value beyond [`MAX_HEADER_COUNT`].
const CAPACITY: usize = MAX_HEADER_COUNT + 1;

/// A value the unused places of [`Few`] point at (never read).
static UNUSED: HeaderValue = HeaderValue::from_static("");

/// One gathered header: which of [`CORS_REQUEST_HEADERS`] it is, and its value, borrowed
/// from the map.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Gathered<'a> {
    header: &'static RequestHeader,
    value: &'a HeaderValue,
}

impl<'a> Header<'a> for &Gathered<'a> {
    fn name(&self) -> &'a [u8] {
        self.header.text.as_bytes()
    }
    fn value(&self) -> &'a [u8] {
        let value: &'a HeaderValue = self.value;
        value.as_bytes()
    }
}

/// The CORS request headers of a request with at most one value of each of the three
/// names, in the order of [`CORS_REQUEST_HEADERS`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Few<'a> {
    gathered: [Gathered<'a>; 3],
    len: usize,
}

impl<'a> Few<'a> {
    /// The values of `map`, or `None` when it has more than one value of a name (the rare
    /// path: [`decide_many`], and the echoed values read from the map).
    #[inline]
    pub(crate) fn new(map: &'a HeaderMap) -> Option<Self> {
        let unused = Gathered {
            header: &ORIGIN_HEADER,
            value: &UNUSED,
        };
        let mut few = Self {
            gathered: [unused; 3],
            len: 0,
        };
        // A map with as many values as names has one value of each name: `get` finds it.
        let one_each = map.len() == map.keys_len();
        for header in CORS_REQUEST_HEADERS {
            let value = if one_each {
                map.get(&header.name)
            } else {
                let mut values = map.get_all(&header.name).iter();
                let first = values.next();
                if values.next().is_some() {
                    return None;
                }
                first
            };
            if let Some(value) = value {
                if let Some(place) = few.gathered.get_mut(few.len) {
                    *place = Gathered { header, value };
                    few.len += 1;
                }
            }
        }
        Some(few)
    }

    /// The gathered headers.
    #[inline]
    pub(crate) fn as_slice(&self) -> &[Gathered<'a>] {
        self.gathered.get(..self.len).unwrap_or_default()
    }
}

/// The decision over a request with several values of one of the three names: all of them
/// gathered, at most [`MAX_HEADER_COUNT`] plus one.
#[cold]
#[inline(never)]
pub(crate) fn decide_many<'d, 'c: 'd, S: AsRef<[PatternSlot<'c>]>>(
    policy: &'d Policy<'c, S>,
    method: &[u8],
    map: &'d HeaderMap,
) -> Decision<'d> {
    let mut gathered: heapless::Vec<Gathered<'d>, CAPACITY> = heapless::Vec::new();
    'names: for header in CORS_REQUEST_HEADERS {
        for value in map.get_all(&header.name).iter() {
            if gathered.push(Gathered { header, value }).is_err() {
                break 'names;
            }
        }
    }
    policy.decide_list(method, &gathered[..])
}

/// The CORS request headers of a request, for its decision and for the values its response
/// may echo: gathered ([`Few`]), or, on the rare path, read from the map again.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Echoes<'a> {
    /// At most one value of each name.
    Few(Few<'a>),
    /// Several values of one name.
    Map(&'a HeaderMap),
}

impl<'a> Echoes<'a> {
    /// The CORS request headers of `map`.
    #[inline]
    pub(crate) fn of(map: &'a HeaderMap) -> Self {
        match Few::new(map) {
            Some(few) => Self::Few(few),
            None => Self::Map(map),
        }
    }

    /// The decision of `policy` for the request with `method` and these headers.
    #[inline]
    pub(crate) fn decide<'c: 'a, S: AsRef<[PatternSlot<'c>]>>(
        &self,
        policy: &'a Policy<'c, S>,
        method: &[u8],
    ) -> Decision<'a> {
        match self {
            Self::Few(few) => policy.decide_list(method, few.as_slice()),
            Self::Map(map) => decide_many(policy, method, map),
        }
    }

    /// The first value of `header` whose bytes are `bytes`.
    #[inline]
    pub(crate) fn find(
        &self,
        header: &'static RequestHeader,
        bytes: &[u8],
    ) -> Option<&'a HeaderValue> {
        match self {
            // A value the decision echoes is usually the request's own bytes: the same
            // slice, known without comparing them.
            Self::Few(few) => few
                .as_slice()
                .iter()
                .find(|gathered| {
                    core::ptr::eq(gathered.header, header) && same(gathered.value.as_bytes(), bytes)
                })
                .map(|gathered| gathered.value),
            Self::Map(map) => map
                .get_all(&header.name)
                .iter()
                .find(|value| value.as_bytes() == bytes),
        }
    }
}

/// Whether `a` and `b` have the same bytes: at once when they are the same slice.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    (a.as_ptr() == b.as_ptr() && a.len() == b.len()) || a == b
}
