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

use super::header::{BoundedHeaders, HeaderList, trim_tab_space};
use super::swar::find_byte;

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
/// skipped. Linear in the value; the commas are found eight bytes at a time.
pub fn list_elements(value: &[u8]) -> ListElements<'_> {
    ListElements { rest: Some(value) }
}

/// The iterator of [`list_elements`].
#[derive(Clone, Debug)]
pub struct ListElements<'a> {
    /// What follows the last comma read; `None` after the last element.
    rest: Option<&'a [u8]>,
}

impl<'a> Iterator for ListElements<'a> {
    type Item = &'a [u8];

    #[inline]
    fn next(&mut self) -> Option<&'a [u8]> {
        let mut rest = self.rest?;
        // Empty elements, and the whitespace before the next one, a byte at a time (each
        // turn drops one): a run of commas costs little.
        while let [b',' | b' ' | b'\t', tail @ ..] = rest {
            rest = tail;
        }
        if rest.is_empty() {
            self.rest = None;
            return None;
        }
        let element = match find_byte(rest, b',') {
            Some(comma) => {
                self.rest = rest.get(comma + 1..);
                rest.get(..comma).unwrap_or_default()
            }
            None => {
                self.rest = None;
                rest
            }
        };
        // It starts with a byte that is not whitespace: trimmed, it is not empty.
        Some(trim_tab_space(element))
    }
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
        let headers = BoundedHeaders::within_limits(list);
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
        let headers = BoundedHeaders::within_limits(&two[..]);
        assert_eq!(
            extract_single_value(&headers, b"max", is_token),
            Err(ListError::MultipleHeaders)
        );
    }

    fn check(value: &[u8]) {
        let text = std::string::String::from_utf8_lossy(value);
        // RFC 9110's list rule as written: split on `,`, trim, skip empty elements.
        let all: std::vec::Vec<_> = list_elements(value).collect();
        let split: std::vec::Vec<_> = value
            .split(|&b| b == b',')
            .map(trim_tab_space)
            .filter(|element| !element.is_empty())
            .collect();
        assert_eq!(all, split, "{text:?}");
    }

    #[test]
    fn elements_follow_the_list_rule() {
        // Every value of up to 6 bytes over an alphabet of token bytes, the separator,
        // optional whitespace and a byte that is neither.
        let alphabet = [b'a', b'B', b',', b' ', b'\t', b'('];
        let mut value = [0u8; 6];
        for len in 0..=6u32 {
            for mut code in 0..alphabet.len().pow(len) {
                for byte in value.iter_mut().take(len as usize) {
                    *byte = alphabet[code % alphabet.len()];
                    code /= alphabet.len();
                }
                check(&value[..len as usize]);
            }
        }
        // Longer values, where commas are found a word at a time: a fixed pseudo-random
        // sample of lengths 7 to 40, commas rarer, bytes around the comma's value included.
        let alphabet = [b'a', b'-', b',', b' ', b'+', b'-', b'x', b'z', b'\t', 0xac];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let [low, ..] = state.to_le_bytes();
            let len = 7 + usize::from(low % 34);
            let value: std::vec::Vec<u8> = (0..len)
                .map(|i| {
                    let [byte, ..] = (state >> (i % 60)).to_le_bytes();
                    alphabet[(usize::from(byte) + i * 7) % alphabet.len()]
                })
                .collect();
            check(&value);
        }
    }
}
