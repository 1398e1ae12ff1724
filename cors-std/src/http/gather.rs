//! The CORS request headers of an [`http::HeaderMap`] as a header list.
//!
//! A [`HeaderMap`]'s iterators are not `Clone`, which a
//! [`HeaderList`](cors_core::http::HeaderList) must be (the policy reads it more than
//! once), and the policy reads only three names. So the values of those three names are
//! gathered — by reference, no value copied — into an array on the stack, with room for one
//! more than [`MAX_HEADER_COUNT`] so that a request beyond the limit is seen as such by
//! [`Policy::decide_list`](cors_core::policy::Policy::decide_list).

use cors_core::http::Header;
use cors_core::limits::MAX_HEADER_COUNT;
use http::header::{
    ACCESS_CONTROL_REQUEST_HEADERS, ACCESS_CONTROL_REQUEST_METHOD, HeaderName, ORIGIN,
};
use http::{HeaderMap, HeaderValue};

/// The request headers a CORS decision reads.
pub(crate) static CORS_REQUEST_HEADERS: [HeaderName; 3] = [
    ORIGIN,
    ACCESS_CONTROL_REQUEST_METHOD,
    ACCESS_CONTROL_REQUEST_HEADERS,
];

/// Room for one value beyond [`MAX_HEADER_COUNT`].
const CAPACITY: usize = MAX_HEADER_COUNT + 1;

/// One gathered header: its (lowercase) name and its value, borrowed from the map.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Gathered<'a> {
    name: &'static HeaderName,
    value: &'a HeaderValue,
}

impl<'a> Header<'a> for &Gathered<'a> {
    fn name(&self) -> &'a [u8] {
        self.name.as_str().as_bytes()
    }
    fn value(&self) -> &'a [u8] {
        let value: &'a HeaderValue = self.value;
        value.as_bytes()
    }
}

/// The values of `Origin`, `Access-Control-Request-Method` and
/// `Access-Control-Request-Headers` in `map`, in that order, at most [`MAX_HEADER_COUNT`]
/// plus one.
pub(crate) fn gather(map: &HeaderMap) -> heapless::Vec<Gathered<'_>, CAPACITY> {
    let mut gathered = heapless::Vec::new();
    for name in &CORS_REQUEST_HEADERS {
        for value in map.get_all(name).iter() {
            if gathered.push(Gathered { name, value }).is_err() {
                return gathered;
            }
        }
    }
    gathered
}
