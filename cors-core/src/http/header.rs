//! Header names, header values and header lists.
//!
//! A header list is anything the caller can iterate twice as `(name, value)` byte pairs: a
//! slice of tuples, an httparse header array, the CORS headers of an `http::HeaderMap`. Nothing is
//! copied; [`BoundedHeaders`] checks the list against [`MAX_HEADER_COUNT`] and
//! [`MAX_HEADER_VALUE_LEN`] once, so every later scan is bounded.
//!
//! <https://fetch.spec.whatwg.org/#terminology-headers>

use crate::byte_set::ByteSet;
use crate::limits::{MAX_HEADER_COUNT, MAX_HEADER_VALUE_LEN};

/// One header: a name and a value, both borrowed for `'a`.
///
/// <https://fetch.spec.whatwg.org/#concept-header>
pub trait Header<'a> {
    /// The header's name as sent.
    fn name(&self) -> &'a [u8];
    /// The header's value as sent.
    fn value(&self) -> &'a [u8];
}

impl<'a, N, V> Header<'a> for &'a (N, V)
where
    N: AsRef<[u8]>,
    V: AsRef<[u8]>,
{
    fn name(&self) -> &'a [u8] {
        self.0.as_ref()
    }
    fn value(&self) -> &'a [u8] {
        self.1.as_ref()
    }
}

impl<'a, N, V> Header<'a> for (&'a N, &'a V)
where
    N: AsRef<[u8]> + ?Sized,
    V: AsRef<[u8]> + ?Sized,
{
    fn name(&self) -> &'a [u8] {
        self.0.as_ref()
    }
    fn value(&self) -> &'a [u8] {
        self.1.as_ref()
    }
}

/// A header list: headers in order, a name may repeat, iterable more than once.
///
/// Implemented for every `Clone` iterable of [`Header`]s with a `Clone` iterator, such as
/// `&[(&str, &str)]`, `&Vec<(String, Vec<u8>)>`, or (feature `httparse`) the parsed
/// `&[httparse::Header]` of a request. (`http::HeaderMap`'s iterators are not `Clone`:
/// `cors-std`'s feature `http` gathers the CORS request headers of a map instead.)
///
/// <https://fetch.spec.whatwg.org/#concept-header-list>
pub trait HeaderList<'a>: Clone + IntoIterator<Item: Header<'a>, IntoIter: Clone> {}

impl<'a, T> HeaderList<'a> for T where T: Clone + IntoIterator<Item: Header<'a>, IntoIter: Clone> {}

/// A header list exceeded one of the limits [`BoundedHeaders::new`] checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderLimitError {
    /// More than [`MAX_HEADER_COUNT`] headers.
    TooManyHeaders,
    /// A header value longer than [`MAX_HEADER_VALUE_LEN`] bytes.
    ValueTooLong,
}

impl core::fmt::Display for HeaderLimitError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::TooManyHeaders => write!(f, "more than {MAX_HEADER_COUNT} headers"),
            Self::ValueTooLong => {
                write!(f, "a header value longer than {MAX_HEADER_VALUE_LEN} bytes")
            }
        }
    }
}

impl core::error::Error for HeaderLimitError {}

/// A header list checked against the limits, with the header list operations.
#[derive(Clone, Copy, Debug)]
pub struct BoundedHeaders<L> {
    list: L,
}

impl<'a, L: HeaderList<'a>> BoundedHeaders<L> {
    /// Checks `list`: at most [`MAX_HEADER_COUNT`] headers, each value at most
    /// [`MAX_HEADER_VALUE_LEN`] bytes.
    pub fn new(list: L) -> Result<Self, HeaderLimitError> {
        let mut count = 0usize;
        for header in list.clone() {
            count += 1;
            if count > MAX_HEADER_COUNT {
                return Err(HeaderLimitError::TooManyHeaders);
            }
            if header.value().len() > MAX_HEADER_VALUE_LEN {
                return Err(HeaderLimitError::ValueTooLong);
            }
        }
        Ok(Self { list })
    }

    /// `list`, which a test passes within the limits: checked, and the check asserted.
    #[cfg(test)]
    pub(crate) fn within_limits(list: L) -> Self {
        let checked = Self::new(list.clone());
        assert_eq!(
            checked.as_ref().err(),
            None,
            "a test's header list over the limits"
        );
        checked.unwrap_or(Self::truncated(list))
    }

    /// `list` unchecked: every operation still reads at most its first
    /// [`MAX_HEADER_COUNT`] headers, but a value may be longer than
    /// [`MAX_HEADER_VALUE_LEN`]. Only for reading names, as when classifying a request whose
    /// list [`BoundedHeaders::new`] refused.
    pub(crate) const fn truncated(list: L) -> Self {
        Self { list }
    }

    /// Every header as `(name, value)`, the value with leading and trailing tab or space
    /// removed as HTTP field parsing removes them.
    pub fn iter(&self) -> impl Iterator<Item = (&'a [u8], &'a [u8])> + Clone {
        self.list
            .clone()
            .into_iter()
            .take(MAX_HEADER_COUNT)
            .map(|h| (h.name(), trim_tab_space(h.value())))
    }

    /// The values of the headers whose name is a byte-case-insensitive match for `name`.
    pub fn values(&self, name: &[u8]) -> impl Iterator<Item = &'a [u8]> + Clone {
        self.iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    /// Whether the list contains a header named `name`.
    ///
    /// <https://fetch.spec.whatwg.org/#header-list-contains>
    pub fn contains(&self, name: &[u8]) -> bool {
        self.values(name).next().is_some()
    }

    /// How many headers are named `name`.
    pub fn count(&self, name: &[u8]) -> usize {
        self.values(name).count()
    }

    /// The combined value of `name` ("get"): `None` when absent, otherwise the values
    /// joined by `, `, as chunks.
    ///
    /// <https://fetch.spec.whatwg.org/#concept-header-list-get>
    pub fn get(
        &self,
        name: &[u8],
    ) -> Option<CombinedValue<'a, impl Iterator<Item = &'a [u8]> + Clone>> {
        let mut values = self.values(name).peekable();
        values.peek()?;
        Some(CombinedValue::new(values))
    }

    /// Whether "get" of `name` is exactly `expected`; `None` when `name` is absent.
    pub fn get_eq(&self, name: &[u8], expected: &[u8]) -> Option<bool> {
        self.get(name).map(|combined| combined.eq_bytes(expected))
    }

    /// The list itself.
    pub fn inner(&self) -> &L {
        &self.list
    }
}

/// A combined header value ("get"): the values of one name joined by `0x2C 0x20`, read
/// as chunks without copying.
#[derive(Clone, Debug)]
pub struct CombinedValue<'a, I> {
    values: I,
    pending_separator: bool,
    next: Option<&'a [u8]>,
}

impl<'a, I: Iterator<Item = &'a [u8]>> CombinedValue<'a, I> {
    /// The combined value of `values`, in order.
    pub(crate) fn new(mut values: I) -> Self {
        let next = values.next();
        Self {
            values,
            pending_separator: false,
            next,
        }
    }

    /// Whether the combined value is exactly `expected`.
    pub fn eq_bytes(self, mut expected: &[u8]) -> bool {
        for chunk in self {
            let Some(rest) = expected.strip_prefix(chunk) else {
                return false;
            };
            expected = rest;
        }
        expected.is_empty()
    }

    /// The combined value's bytes, one at a time.
    pub fn bytes(self) -> impl Iterator<Item = u8> + Clone
    where
        I: Clone,
    {
        self.flat_map(|chunk| chunk.iter().copied())
    }
}

impl<'a, I: Iterator<Item = &'a [u8]>> Iterator for CombinedValue<'a, I> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        if self.pending_separator {
            self.pending_separator = false;
            return Some(b", ");
        }
        let current = self.next.take()?;
        self.next = self.values.next();
        self.pending_separator = self.next.is_some();
        Some(current)
    }
}

/// Whether `byte` is a `tchar` of RFC 9110's `token`: one table lookup.
pub fn is_token_byte(byte: u8) -> bool {
    TCHAR_TABLE.contains(byte)
}

/// RFC 9110's `tchar` rule, as written: what [`TCHAR_TABLE`] is built from.
const fn is_tchar(byte: u8) -> bool {
    matches!(byte,
        b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'*' | b'+' | b'-' | b'.' | b'^' | b'_'
        | b'`' | b'|' | b'~' | b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z')
}

/// `is_tchar` of every byte, computed at compile time.
const TCHAR_TABLE: ByteSet = byte_set!(|byte| is_tchar(byte));

/// Whether `bytes` is an RFC 9110 `token`: one or more `tchar`s.
pub fn is_token(bytes: &[u8]) -> bool {
    !bytes.is_empty() && bytes.iter().all(|&b| is_token_byte(b))
}

/// Whether `bytes` is a header name (a `token`).
///
/// <https://fetch.spec.whatwg.org/#header-name>
pub fn is_header_name(bytes: &[u8]) -> bool {
    is_token(bytes)
}

/// Whether `bytes` is a header value: no leading or trailing HTTP tab or space, and no
/// NUL, CR or LF.
///
/// <https://fetch.spec.whatwg.org/#header-value>
pub fn is_header_value(bytes: &[u8]) -> bool {
    let untrimmed = trim_tab_space(bytes).len() == bytes.len();
    untrimmed && !bytes.iter().any(|b| matches!(b, 0 | b'\r' | b'\n'))
}

/// Whether `byte` is an HTTP whitespace byte: HT, LF, CR or SP.
///
/// <https://fetch.spec.whatwg.org/#http-whitespace-byte>
pub const fn is_http_whitespace_byte(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | b'\r' | b' ')
}

/// Whether `byte` is an HTTP tab or space byte.
///
/// <https://fetch.spec.whatwg.org/#http-tab-or-space-byte>
pub const fn is_http_tab_or_space_byte(byte: u8) -> bool {
    matches!(byte, b'\t' | b' ')
}

/// `bytes` without leading and trailing HTTP tab or space bytes.
pub fn trim_tab_space(bytes: &[u8]) -> &[u8] {
    trim_with(bytes, is_http_tab_or_space_byte)
}

/// `bytes` without leading and trailing HTTP whitespace bytes: the normalization of a
/// header value.
///
/// <https://fetch.spec.whatwg.org/#concept-header-value-normalize>
pub fn normalize_header_value(bytes: &[u8]) -> &[u8] {
    trim_with(bytes, is_http_whitespace_byte)
}

fn trim_with(bytes: &[u8], strip: fn(u8) -> bool) -> &[u8] {
    let start = bytes.iter().position(|&b| !strip(b)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&b| !strip(b))
        .map_or(start, |i| i + 1);
    bytes.get(start..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_joins_values_with_comma_space() {
        let list = [("A", "x"), ("b", "y"), ("a", "z")];
        let headers = BoundedHeaders::within_limits(&list[..]);
        assert_eq!(headers.get_eq(b"a", b"x, z"), Some(true));
        assert_eq!(headers.get_eq(b"A", b"x,z"), Some(false));
        assert_eq!(headers.get_eq(b"c", b""), None);
        assert_eq!(headers.count(b"A"), 2);
    }

    #[test]
    fn get_of_an_empty_value_is_empty_not_absent() {
        let list = [("A", "")];
        let headers = BoundedHeaders::within_limits(&list[..]);
        assert_eq!(headers.get_eq(b"a", b""), Some(true));
    }

    #[test]
    fn limits_are_checked_once() {
        let many = [("a", "b"); MAX_HEADER_COUNT + 1];
        assert_eq!(
            BoundedHeaders::new(&many[..]).err(),
            Some(HeaderLimitError::TooManyHeaders)
        );
        assert!(BoundedHeaders::new(&many[..MAX_HEADER_COUNT]).is_ok());
        let long = [0x61u8; MAX_HEADER_VALUE_LEN + 1];
        let one = [(&b"a"[..], &long[..])];
        assert_eq!(
            BoundedHeaders::new(&one[..]).err(),
            Some(HeaderLimitError::ValueTooLong)
        );
        let fits = [(&b"a"[..], &long[..MAX_HEADER_VALUE_LEN])];
        assert!(BoundedHeaders::new(&fits[..]).is_ok());
    }

    #[test]
    fn header_value_rules() {
        assert!(is_header_value(b""));
        assert!(is_header_value(b"a b"));
        assert!(is_header_value(b"\x01\xff"));
        assert!(!is_header_value(b" a"));
        assert!(!is_header_value(b"a\t"));
        assert!(!is_header_value(b"a\0b"));
        assert!(!is_header_value(b"a\rb"));
        assert_eq!(normalize_header_value(b"\r\n a \t"), b"a");
        assert_eq!(trim_tab_space(b" \t "), b"");
    }

    #[test]
    fn token_bytes_are_rfc9110_tchar() {
        let tchar: &[u8] = b"!#$%&'*+-.^_`|~0123456789abcxyzABCXYZ";
        assert!(is_token(tchar));
        for b in [
            b' ', b'"', b'(', b')', b',', b'/', b':', b';', b'<', b'=', b'>', b'?',
        ] {
            assert!(!is_token_byte(b), "{b}");
        }
        assert!(!is_token(b""));
        assert!(!is_token(b"\x80"));
        for byte in 0..=u8::MAX {
            assert_eq!(is_token_byte(byte), is_tchar(byte), "{byte}");
        }
    }
}
