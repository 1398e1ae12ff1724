//! Extracting header list values: the values of a header whose ABNF is a `#` list
//! (`Access-Control-Allow-Methods`, `-Allow-Headers`, `-Expose-Headers`) or a single value
//! (`Access-Control-Max-Age`).
//!
//! The Fetch Standard says "parse per the ABNF". The interoperable reading, which
//! web-platform-tests pins (`Bad value` fails, `a ,b ,c` parses), is RFC 9110's list rule:
//! split on `,`, trim optional whitespace (SP, HT), ignore empty elements, and require every
//! other element to match the element production, else the whole extraction fails.
//!
//! <https://fetch.spec.whatwg.org/#extract-header-list-values>

use super::header::{
    BoundedHeaders, HeaderList, is_http_tab_or_space_byte, is_token_byte, trim_tab_space,
};

/// Why extracting list values failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListError<'a> {
    /// An element does not match the element production (for example a method or field
    /// name with a space in it). Carries the offending element.
    InvalidElement(&'a [u8]),
    /// The header allows a single value and more than one header is present.
    MultipleHeaders,
}

/// The elements of one `#` list value: split on `,`, trimmed of SP and HT, empty elements
/// skipped. Linear in the value.
pub fn list_elements(value: &[u8]) -> impl Iterator<Item = &[u8]> + Clone {
    value
        .split(|&b| b == b',')
        .map(trim_tab_space)
        .filter(|element| !element.is_empty())
}

/// The elements of one `#` list value whose elements must be tokens (header names,
/// methods), in one pass: each is `Ok(token)`, or `Err(element)` for an element (trimmed)
/// that is not a token. The same elements as [`list_elements`], read byte by byte once,
/// for the hot path of `Access-Control-Request-Headers`. The iteration ends after the first
/// element that is not a token.
pub fn token_list_elements(value: &[u8]) -> TokenListElements<'_> {
    TokenListElements { rest: value }
}

/// The iterator of [`token_list_elements`].
#[derive(Clone, Debug)]
pub struct TokenListElements<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for TokenListElements<'a> {
    type Item = Result<&'a [u8], &'a [u8]>;

    fn next(&mut self) -> Option<Self::Item> {
        // Each turn consumes at least one byte of `rest`: bounded by the value's length.
        loop {
            match self.rest.split_first() {
                None => return None,
                // An empty element.
                Some((b',', tail)) => {
                    self.rest = tail;
                    continue;
                }
                Some(_) => {}
            }
            let start = count_while(self.rest, is_http_tab_or_space_byte);
            let from_start = self.rest.get(start..).unwrap_or_default();
            let token_len = count_while(from_start, is_token_byte);
            let after_token = from_start.get(token_len..).unwrap_or_default();
            let spaces = count_while(after_token, is_http_tab_or_space_byte);
            match after_token.get(spaces) {
                None | Some(b',') => {
                    let consumed = start + token_len + spaces + 1;
                    self.rest = self.rest.get(consumed..).unwrap_or_default();
                    if token_len > 0 {
                        return Some(Ok(from_start.get(..token_len).unwrap_or_default()));
                    }
                }
                Some(_) => {
                    // Not a token: the whole element, trimmed, is the offending one.
                    let len = from_start.iter().position(|&b| b == b',');
                    let element = from_start.get(..len.unwrap_or(from_start.len()));
                    self.rest = &[];
                    return Some(Err(trim_tab_space(element.unwrap_or_default())));
                }
            }
        }
    }
}

/// How many leading bytes of `bytes` satisfy `accept`.
fn count_while(bytes: &[u8], accept: fn(u8) -> bool) -> usize {
    bytes
        .iter()
        .position(|&b| !accept(b))
        .unwrap_or(bytes.len())
}

/// The extracted values of a `#` list header: every element of every header with the name,
/// in order, each one checked against the element production.
#[derive(Clone, Copy, Debug)]
pub struct ListValues<'h, L> {
    headers: &'h BoundedHeaders<L>,
    name: &'h [u8],
}

impl<'a, 'h, L: HeaderList<'a>> ListValues<'h, L> {
    /// Every element, in order.
    pub fn iter(&self) -> impl Iterator<Item = &'a [u8]> + Clone {
        self.headers.values(self.name).flat_map(list_elements)
    }

    /// Whether an element is byte-for-byte `item`.
    pub fn contains(&self, item: &[u8]) -> bool {
        self.iter().any(|element| element == item)
    }

    /// Whether an element is a byte-case-insensitive match for `item`.
    pub fn contains_ignore_case(&self, item: &[u8]) -> bool {
        self.iter()
            .any(|element| element.eq_ignore_ascii_case(item))
    }

    /// Whether an element is the wildcard `*`.
    pub fn contains_star(&self) -> bool {
        self.contains(b"*")
    }
}

/// Extract header list values of a `#element` header: `Ok(None)` when no header is named
/// `name`, an error when an element fails `is_element`, else the elements.
///
/// <https://fetch.spec.whatwg.org/#extract-header-list-values>
pub fn extract_list_values<'a, 'h, L: HeaderList<'a>>(
    headers: &'h BoundedHeaders<L>,
    name: &'h [u8],
    is_element: fn(&[u8]) -> bool,
) -> Result<Option<ListValues<'h, L>>, ListError<'a>> {
    // Step 1: absent gives null.
    if !headers.contains(name) {
        return Ok(None);
    }
    // Step 3: every header's value must parse; the result is their concatenation.
    let values = ListValues { headers, name };
    if let Some(bad) = values.iter().find(|element| !is_element(element)) {
        return Err(ListError::InvalidElement(bad));
    }
    Ok(Some(values))
}

/// Extract header list values of a single-value header such as `Access-Control-Max-Age`:
/// `Ok(None)` when absent, [`ListError::MultipleHeaders`] for more than one header (step 2),
/// else the one value, checked by `is_value`.
///
/// <https://fetch.spec.whatwg.org/#extract-header-list-values>
pub fn extract_single_value<'a, L: HeaderList<'a>>(
    headers: &BoundedHeaders<L>,
    name: &[u8],
    is_value: fn(&[u8]) -> bool,
) -> Result<Option<&'a [u8]>, ListError<'a>> {
    let mut values = headers.values(name);
    let Some(value) = values.next() else {
        return Ok(None);
    };
    if values.next().is_some() {
        return Err(ListError::MultipleHeaders);
    }
    if is_value(value) {
        Ok(Some(value))
    } else {
        Err(ListError::InvalidElement(value))
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use crate::http::header::is_token;

    fn extract<'a>(
        list: &'a [(&'a str, &'a str)],
        name: &'a str,
    ) -> Result<Option<usize>, ListError<'a>> {
        let headers = BoundedHeaders::new(list).unwrap();
        extract_list_values(&headers, name.as_bytes(), is_token)
            .map(|v| v.map(|v| v.iter().count()))
    }

    #[test]
    fn list_rule_trims_and_skips_empty_elements() {
        // web-platform-tests cors-preflight.any.js: `a ,b ,c` parses.
        assert_eq!(extract(&[("X", "a ,b ,c")], "x"), Ok(Some(3)));
        assert_eq!(extract(&[("X", ",, a,\t,b ,")], "x"), Ok(Some(2)));
        assert_eq!(extract(&[("X", "a"), ("x", "b, c")], "X"), Ok(Some(3)));
        assert_eq!(extract(&[("X", "")], "x"), Ok(Some(0)));
        assert_eq!(extract(&[("Y", "a")], "x"), Ok(None));
    }

    #[test]
    fn an_element_with_a_space_fails_the_whole_list() {
        // web-platform-tests cors-preflight-response-validation.any.js: `Bad value` fails.
        assert_eq!(
            extract(&[("X", "x-force-preflight,Bad value")], "x"),
            Err(ListError::InvalidElement(b"Bad value"))
        );
    }

    #[test]
    fn single_value_headers_refuse_repeats() {
        let two = [("Max", "1"), ("max", "1")];
        let headers = BoundedHeaders::new(&two[..]).unwrap();
        assert_eq!(
            extract_single_value(&headers, b"max", is_token),
            Err(ListError::MultipleHeaders)
        );
    }

    #[test]
    fn token_elements_are_the_list_elements_checked_one_by_one() {
        // Every value of up to 6 bytes over an alphabet of token bytes, the separator,
        // optional whitespace and a byte that is neither: the one-pass reader gives what
        // `list_elements` then `is_token` give, up to and including the first non-token.
        let alphabet = [b'a', b'B', b',', b' ', b'\t', b'('];
        let mut value = [0u8; 6];
        for len in 0..=6u32 {
            for mut code in 0..alphabet.len().pow(len) {
                for byte in value.iter_mut().take(len as usize) {
                    *byte = alphabet[code % alphabet.len()];
                    code /= alphabet.len();
                }
                let value = &value[..len as usize];
                let mut expected = std::vec::Vec::new();
                for element in list_elements(value) {
                    let token = is_token(element);
                    expected.push(if token { Ok(element) } else { Err(element) });
                    if !token {
                        break;
                    }
                }
                let actual: std::vec::Vec<_> = token_list_elements(value).collect();
                assert_eq!(
                    actual,
                    expected,
                    "{:?}",
                    std::string::String::from_utf8_lossy(value)
                );
            }
        }
    }
}
