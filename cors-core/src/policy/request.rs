//! The three request headers a CORS decision reads, found in one pass over the header list.
//!
//! A server's answer depends only on `Origin`, `Access-Control-Request-Method` and
//! `Access-Control-Request-Headers` (<https://fetch.spec.whatwg.org/#http-requests>). Rather
//! than scan the list once per question (is there an `Origin`? how many? which value?), the
//! decision reads each header's name once, filtering on its length before comparing bytes,
//! and keeps the first value and the count of each of the three names.

use crate::http::header::{Header, trim_tab_space};
use crate::limits::{MAX_HEADER_COUNT, MAX_HEADER_VALUE_LEN};

const ORIGIN: &[u8] = b"origin";
const REQUEST_METHOD: &[u8] = b"access-control-request-method";
const REQUEST_HEADERS: &[u8] = b"access-control-request-headers";

/// One of the three names: its first value (trimmed of tab and space, as header parsing
/// trims it) and how many headers have the name.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Found<'a> {
    pub(crate) first: Option<&'a [u8]>,
    pub(crate) count: usize,
}

impl<'a> Found<'a> {
    fn add(&mut self, value: &'a [u8]) {
        if self.first.is_none() {
            self.first = Some(trim_tab_space(value));
        }
        self.count += 1;
    }

    /// Whether a header has the name.
    ///
    /// <https://fetch.spec.whatwg.org/#header-list-contains>
    pub(crate) const fn is_present(&self) -> bool {
        self.count > 0
    }

    /// The first value, or empty when absent.
    pub(crate) fn value(&self) -> &'a [u8] {
        self.first.unwrap_or_default()
    }
}

/// The CORS request headers of a header list.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct CorsRequestHeaders<'a> {
    pub(crate) origin: Found<'a>,
    pub(crate) request_method: Found<'a>,
    pub(crate) request_headers: Found<'a>,
    /// Whether the list is beyond [`MAX_HEADER_COUNT`] headers or has a value beyond
    /// [`MAX_HEADER_VALUE_LEN`] bytes; the three names are then read from the first
    /// `MAX_HEADER_COUNT` headers only.
    pub(crate) beyond_limits: bool,
}

impl<'a> CorsRequestHeaders<'a> {
    /// Reads at most the first [`MAX_HEADER_COUNT`] headers of `list` (and whether there is
    /// one more), each name once.
    pub(crate) fn find<H: Header<'a>>(list: impl IntoIterator<Item = H>) -> Self {
        let mut found = Self::default();
        let mut headers = list.into_iter();
        let mut count = 0usize;
        while count < MAX_HEADER_COUNT {
            let Some(header) = headers.next() else {
                return found;
            };
            count += 1;
            let value = header.value();
            found.beyond_limits |= value.len() > MAX_HEADER_VALUE_LEN;
            match cors_request_header(header.name()) {
                Some(Name::Origin) => found.origin.add(value),
                Some(Name::RequestMethod) => found.request_method.add(value),
                Some(Name::RequestHeaders) => found.request_headers.add(value),
                None => {}
            }
        }
        found.beyond_limits |= headers.next().is_some();
        found
    }
}

enum Name {
    Origin,
    RequestMethod,
    RequestHeaders,
}

/// Which of the three names `name` is, byte-case-insensitively; the length decides which
/// one to compare with, so most names cost one comparison of lengths.
#[inline]
fn cors_request_header(name: &[u8]) -> Option<Name> {
    let (candidate, which) = match name.len() {
        6 => (ORIGIN, Name::Origin),
        29 => (REQUEST_METHOD, Name::RequestMethod),
        30 => (REQUEST_HEADERS, Name::RequestHeaders),
        _ => return None,
    };
    // HTTP/2 and HTTP/3 field names are lowercase, and so are most HTTP/1.1 ones: the exact
    // comparison first.
    (name == candidate || name.eq_ignore_ascii_case(candidate)).then_some(which)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_in_any_case_and_values_are_trimmed() {
        let list = [
            ("ORIGIN", " https://a.example \t"),
            ("Access-Control-Request-Method", "PUT"),
            ("origin", "https://b.example"),
            ("access-control-request-headerS", "a"),
            ("access-control-request-header", "not this one"),
            ("originx", "nor this one"),
        ];
        let found = CorsRequestHeaders::find(list);
        assert_eq!(found.origin.first, Some(&b"https://a.example"[..]));
        assert_eq!(found.origin.count, 2);
        assert_eq!(found.request_method.value(), b"PUT");
        assert_eq!(found.request_headers.count, 1);
        assert!(!found.beyond_limits);
    }

    #[test]
    fn the_limits_are_noticed_and_only_the_first_headers_read() {
        let mut many = [("a", "b"); MAX_HEADER_COUNT + 1];
        many[MAX_HEADER_COUNT] = ("origin", "https://late.example");
        let found = CorsRequestHeaders::find(many);
        assert!(found.beyond_limits);
        assert!(!found.origin.is_present());
        assert!(!CorsRequestHeaders::find(&many[..MAX_HEADER_COUNT]).beyond_limits);

        let long = [0x61u8; MAX_HEADER_VALUE_LEN + 1];
        let one = [(&b"origin"[..], &long[..])];
        assert!(CorsRequestHeaders::find(one).beyond_limits);
        let fits = [(&b"origin"[..], &long[..MAX_HEADER_VALUE_LEN])];
        assert!(!CorsRequestHeaders::find(fits).beyond_limits);
    }
}
