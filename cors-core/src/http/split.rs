//! Get, decode, and split: the comma-separated items of a header's combined value, where a
//! quoted string may contain commas. Used for `Timing-Allow-Origin` and the
//! `X-HTTP-Method-Override` family, never for the `Access-Control-*` headers.
//!
//! Decoding is isomorphic (byte 0xNN is code point U+00NN), so the algorithm runs on the
//! bytes directly. Items are produced one at a time into a fixed buffer of
//! [`MAX_SPLIT_ITEM_LEN`] bytes; a longer item is reported as [`SplitItem::TooLong`] rather
//! than cut.
//!
//! <https://fetch.spec.whatwg.org/#concept-header-list-get-decode-split>

use super::header::{BoundedHeaders, HeaderList, is_http_tab_or_space_byte};
use crate::limits::MAX_SPLIT_ITEM_LEN;

/// One item of a split value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitItem<'b> {
    /// The item, trimmed of HTTP tab or space, quotes and backslashes kept verbatim.
    Item(&'b [u8]),
    /// The item is longer than [`MAX_SPLIT_ITEM_LEN`] bytes.
    TooLong,
}

/// Where the scan is inside a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Outside a quoted string: `,` ends the item.
    Plain,
    /// Inside a quoted string: `,` is part of the item.
    Quoted,
    /// Right after a backslash inside a quoted string.
    Escaped,
}

/// The items of one decoded value, produced one at a time.
#[derive(Clone, Debug)]
pub struct DecodeSplit<I> {
    input: I,
    item: heapless::Vec<u8, MAX_SPLIT_ITEM_LEN>,
    /// Tab or space bytes that did not fit in `item`: harmless if they turn out to be
    /// trailing, an overflow otherwise.
    dropped_space: bool,
    overflow: bool,
    finished: bool,
}

impl<I: Iterator<Item = u8>> DecodeSplit<I> {
    /// Splits the bytes of one value (the "decode and split" steps).
    ///
    /// <https://fetch.spec.whatwg.org/#header-value-get-decode-and-split>
    pub fn new(input: I) -> Self {
        Self {
            input,
            item: heapless::Vec::new(),
            dropped_space: false,
            overflow: false,
            finished: false,
        }
    }

    /// The next item, or `None` after the last one. A value always has at least one item
    /// (possibly empty).
    pub fn next_item(&mut self) -> Option<SplitItem<'_>> {
        if self.finished {
            return None;
        }
        self.item.clear();
        self.dropped_space = false;
        self.overflow = false;
        let mut state = State::Plain;
        // Steps 2.1–2.2: collect up to `,` outside a quoted string, or the end.
        loop {
            let Some(byte) = self.input.next() else {
                self.finished = true;
                break;
            };
            state = match (state, byte) {
                (State::Plain, b',') => break,
                (State::Plain, b'"') => State::Quoted,
                (State::Quoted, b'\\') => State::Escaped,
                (State::Quoted, b'"') => State::Plain,
                (State::Escaped, _) => State::Quoted,
                (other, _) => other,
            };
            self.push(byte);
        }
        // Steps 2.3: trim HTTP tab or space from both ends.
        while self
            .item
            .last()
            .copied()
            .is_some_and(is_http_tab_or_space_byte)
        {
            self.item.pop();
        }
        if self.overflow {
            return Some(SplitItem::TooLong);
        }
        Some(SplitItem::Item(&self.item))
    }

    fn push(&mut self, byte: u8) {
        let space = is_http_tab_or_space_byte(byte);
        if space && self.item.is_empty() && !self.overflow {
            return; // leading tab or space is trimmed
        }
        if !space && self.dropped_space {
            self.overflow = true;
        }
        if self.item.push(byte).is_err() {
            if space {
                self.dropped_space = true;
            } else {
                self.overflow = true;
            }
        }
    }
}

/// Get, decode, and split `name` in `headers`: `None` when the header is absent, else the
/// items of the combined value.
///
/// <https://fetch.spec.whatwg.org/#concept-header-list-get-decode-split>
pub fn get_decode_split<'a, L: HeaderList<'a>>(
    headers: &BoundedHeaders<L>,
    name: &[u8],
) -> Option<DecodeSplit<impl Iterator<Item = u8> + Clone>> {
    let combined = headers.get(name)?;
    Some(DecodeSplit::new(
        combined.flat_map(|chunk| chunk.iter().copied()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The items of `value` as text, or why one could not be.
    fn split(value: &str) -> Result<heapless::Vec<heapless::String<64>, 8>, &'static str> {
        let mut out = heapless::Vec::new();
        let mut items = DecodeSplit::new(value.bytes());
        while let Some(item) = items.next_item() {
            let SplitItem::Item(bytes) = item else {
                return Err("too long");
            };
            let text = core::str::from_utf8(bytes).map_err(|_| "not UTF-8")?;
            let text = heapless::String::try_from(text).map_err(|_| "over 64 bytes")?;
            out.push(text).map_err(|_| "over 8 items")?;
        }
        Ok(out)
    }

    #[test]
    fn standard_examples() -> Result<(), &'static str> {
        // The examples under #concept-header-list-get-decode-split.
        assert_eq!(split("nosniff,")?, ["nosniff", ""]);
        assert_eq!(split("")?, [""]);
        assert_eq!(split("x / x,,,1")?, ["x / x", "", "", "1"]);
        assert_eq!(split("\"1,2\", 3")?, ["\"1,2\"", "3"]);
        assert_eq!(split("text/html;\", x/x")?, ["text/html;\", x/x"]);
        Ok(())
    }

    #[test]
    fn escapes_inside_quotes_keep_the_quote_open() -> Result<(), &'static str> {
        assert_eq!(split("\"a\\\",b\",c")?, ["\"a\\\",b\"", "c"]);
        assert_eq!(split(" \t a \t ,b")?, ["a", "b"]);
        Ok(())
    }

    #[test]
    fn long_items_are_reported_not_cut() {
        let long = [b'a'; MAX_SPLIT_ITEM_LEN + 1];
        let mut items = DecodeSplit::new(long.iter().copied().chain(*b",b"));
        assert_eq!(items.next_item(), Some(SplitItem::TooLong));
        assert_eq!(items.next_item(), Some(SplitItem::Item(b"b")));
        assert_eq!(items.next_item(), None);
        // Trailing space past the buffer is still trimmed, not an overflow.
        let fits = [b'a'; MAX_SPLIT_ITEM_LEN];
        let mut items = DecodeSplit::new(fits.iter().copied().chain([b' '; 10]));
        assert_eq!(items.next_item(), Some(SplitItem::Item(&fits[..])));
    }

    #[test]
    fn list_form_joins_headers_first() -> Result<(), &'static str> {
        let list = [("A", "nosniff"), ("B", "sniff"), ("A", "")];
        let headers = BoundedHeaders::within_limits(&list[..]);
        let mut items = get_decode_split(&headers, b"a").ok_or("no header `a`")?;
        assert_eq!(items.next_item(), Some(SplitItem::Item(b"nosniff")));
        assert_eq!(items.next_item(), Some(SplitItem::Item(b"")));
        assert_eq!(items.next_item(), None);
        assert!(get_decode_split(&headers, b"c").is_none());
        Ok(())
    }
}
