//! The simple range header value: Fetch's "parse a single range header value".
//!
//! The value is isomorphically decoded (byte 0xNN is code point U+00NN), so the algorithm
//! runs on the bytes directly. Its grammar, with `allowWhitespace` deciding whether `[ws]`
//! (HTTP tab or space) may appear:
//!
//! ```text
//! "bytes" [ws] "=" [ws] start:*DIGIT [ws] "-" [ws] end:*DIGIT
//! ```
//!
//! `bytes` is case-sensitive, nothing may follow the end, an empty digit run is null, both
//! may not be null, and the start may not exceed the end. The standard's numbers are
//! unbounded: a [`RangeBound`] keeps its digits and compares exactly, whatever their length,
//! and converts to `u64` only on request.
//!
//! <https://fetch.spec.whatwg.org/#simple-range-header-value>

use core::cmp::Ordering;
use core::fmt;

use super::header::is_http_tab_or_space_byte;
use crate::limits::MAX_RANGE_VALUE_LEN;

/// One end of a range: a non-empty run of ASCII digits, "interpreted as decimal number"
/// without bound.
///
/// Equality (`==`) compares the digits as written, so `01` and `1` differ; compare values
/// with [`RangeBound::value_cmp`].
///
/// <https://fetch.spec.whatwg.org/#simple-range-header-value>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RangeBound<'a> {
    digits: &'a [u8],
}

impl<'a> RangeBound<'a> {
    /// The digits as written, leading zeros included.
    ///
    /// <https://fetch.spec.whatwg.org/#simple-range-header-value>
    pub fn digits(&self) -> &'a [u8] {
        self.digits
    }

    /// The value, or `None` when it exceeds `u64::MAX`.
    ///
    /// <https://fetch.spec.whatwg.org/#simple-range-header-value>
    pub fn to_u64(&self) -> Option<u64> {
        self.digits.iter().try_fold(0u64, |value, &digit| {
            value
                .checked_mul(10)?
                .checked_add(u64::from(digit.wrapping_sub(b'0')))
        })
    }

    /// Compares the decimal values exactly, however many digits: leading zeros stripped, the
    /// longer run is larger, equal lengths compare digit by digit.
    ///
    /// <https://fetch.spec.whatwg.org/#simple-range-header-value>
    pub fn value_cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (self.significant(), other.significant());
        a.len().cmp(&b.len()).then_with(|| a.cmp(b))
    }

    /// The digits without leading zeros (empty for zero).
    fn significant(&self) -> &'a [u8] {
        let start = self
            .digits
            .iter()
            .position(|&d| d != b'0')
            .unwrap_or(self.digits.len());
        self.digits.get(start..).unwrap_or_default()
    }
}

/// A parsed single range: `bytes=start-end` with either end possibly null (never both).
///
/// <https://fetch.spec.whatwg.org/#simple-range-header-value>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SimpleRange<'a> {
    /// The first byte position, null for a suffix range such as `bytes=-500`.
    pub start: Option<RangeBound<'a>>,
    /// The last byte position, null for an open range such as `bytes=0-`.
    pub end: Option<RangeBound<'a>>,
}

/// Why a value is not a single range header value.
///
/// <https://fetch.spec.whatwg.org/#simple-range-header-value>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RangeError {
    /// The value does not start with `bytes` (case-sensitive; step 2).
    NoBytesPrefix,
    /// No `=` after `bytes` (step 5).
    NoEquals,
    /// No `-` after the start's digits (step 11).
    NoDash,
    /// Something follows the end's digits (step 16), such as a second range.
    TrailingData,
    /// Both the start and the end are empty (step 17).
    BothEmpty,
    /// The start is greater than the end (step 18).
    StartAfterEnd,
    /// The value is longer than [`MAX_RANGE_VALUE_LEN`] bytes.
    TooLong,
}

impl fmt::Display for RangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoBytesPrefix => f.write_str("the range does not start with `bytes`"),
            Self::NoEquals => f.write_str("no `=` after `bytes`"),
            Self::NoDash => f.write_str("no `-` after the range start"),
            Self::TrailingData => f.write_str("data after the range end"),
            Self::BothEmpty => f.write_str("the range has neither a start nor an end"),
            Self::StartAfterEnd => f.write_str("the range start is greater than its end"),
            Self::TooLong => write!(f, "a range longer than {MAX_RANGE_VALUE_LEN} bytes"),
        }
    }
}

/// Parses `value` as a single range header value. With `allow_whitespace`, HTTP tab or
/// space may surround `=` and `-`.
///
/// <https://fetch.spec.whatwg.org/#simple-range-header-value>
pub fn parse_single_range_header_value(
    value: &[u8],
    allow_whitespace: bool,
) -> Result<SimpleRange<'_>, RangeError> {
    if value.len() > MAX_RANGE_VALUE_LEN {
        return Err(RangeError::TooLong);
    }
    // Step 1: the isomorphic decoding is the bytes themselves.
    // Steps 2–3: `bytes`, case-sensitive; position is just after it.
    let rest = value
        .strip_prefix(b"bytes")
        .ok_or(RangeError::NoBytesPrefix)?;
    // Step 4: optional whitespace.
    let rest = skip_whitespace(rest, allow_whitespace);
    // Steps 5–6: `=`.
    let rest = rest.strip_prefix(b"=").ok_or(RangeError::NoEquals)?;
    // Step 7: optional whitespace.
    let rest = skip_whitespace(rest, allow_whitespace);
    // Steps 8–9: the start's digits; empty is null.
    let (start, rest) = collect_digits(rest);
    // Step 10: optional whitespace.
    let rest = skip_whitespace(rest, allow_whitespace);
    // Steps 11–12: `-`.
    let rest = rest.strip_prefix(b"-").ok_or(RangeError::NoDash)?;
    // Step 13: optional whitespace.
    let rest = skip_whitespace(rest, allow_whitespace);
    // Steps 14–15: the end's digits; empty is null.
    let (end, rest) = collect_digits(rest);
    // Step 16: nothing may follow.
    if !rest.is_empty() {
        return Err(RangeError::TrailingData);
    }
    match (start, end) {
        // Step 17: not both null.
        (None, None) => Err(RangeError::BothEmpty),
        // Step 18: the start may not exceed the end.
        (Some(start), Some(end)) if start.value_cmp(&end) == Ordering::Greater => {
            Err(RangeError::StartAfterEnd)
        }
        // Step 19: the range.
        (start, end) => Ok(SimpleRange { start, end }),
    }
}

/// "Collect a sequence of code points" that are HTTP tab or space, when `allow` is true.
///
/// <https://fetch.spec.whatwg.org/#http-tab-or-space>
fn skip_whitespace(bytes: &[u8], allow: bool) -> &[u8] {
    if !allow {
        return bytes;
    }
    let start = bytes
        .iter()
        .position(|&b| !is_http_tab_or_space_byte(b))
        .unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

/// "Collect a sequence of code points" that are ASCII digits: the bound (`None` when there
/// are none) and the rest.
///
/// <https://infra.spec.whatwg.org/#collect-a-sequence-of-code-points>
fn collect_digits(bytes: &[u8]) -> (Option<RangeBound<'_>>, &[u8]) {
    let end = bytes
        .iter()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(bytes.len());
    let (digits, rest) = bytes.split_at_checked(end).unwrap_or((bytes, &[]));
    let bound = (!digits.is_empty()).then_some(RangeBound { digits });
    (bound, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(bound: Option<RangeBound<'_>>) -> Option<&str> {
        let text = bound.map(|b| core::str::from_utf8(b.digits())).transpose();
        assert!(text.is_ok(), "{bound:?}: {text:?}");
        text.unwrap_or_default()
    }

    /// A bound as a number: `None` when absent, `Some(None)` when past `u64::MAX`.
    type Value = Option<Option<u64>>;

    /// The bounds of the parse of `value`, start and end, as numbers.
    fn values(value: &[u8]) -> Result<(Value, Value), RangeError> {
        let to_u64 = |bound: Option<RangeBound<'_>>| bound.map(|b| b.to_u64());
        parse_single_range_header_value(value, false).map(|r| (to_u64(r.start), to_u64(r.end)))
    }

    fn parse(
        value: &str,
        allow_whitespace: bool,
    ) -> Result<(Option<&str>, Option<&str>), RangeError> {
        parse_single_range_header_value(value.as_bytes(), allow_whitespace)
            .map(|range| (digits(range.start), digits(range.end)))
    }

    #[test]
    fn standard_examples() {
        // The note under step 19: `bytes=0-` and `bytes=-500` are valid ranges.
        assert_eq!(parse("bytes=0-", false), Ok((Some("0"), None)));
        assert_eq!(parse("bytes=-500", false), Ok((None, Some("500"))));
    }

    #[test]
    fn without_whitespace() {
        assert_eq!(parse("bytes=0-10", false), Ok((Some("0"), Some("10"))));
        assert_eq!(parse("bytes=-5", false), Ok((None, Some("5"))));
        assert_eq!(parse("bytes=5-5", false), Ok((Some("5"), Some("5"))));
        assert_eq!(parse("bytes=5-1", false), Err(RangeError::StartAfterEnd));
        assert_eq!(parse("bytes = 0-1", false), Err(RangeError::NoEquals));
        assert_eq!(parse("bytes= 0-1", false), Err(RangeError::NoDash));
        assert_eq!(parse("bytes=0 -1", false), Err(RangeError::NoDash));
        assert_eq!(parse("bytes=0- 1", false), Err(RangeError::TrailingData));
        assert_eq!(parse("bytes=0-1 ", false), Err(RangeError::TrailingData));
        assert_eq!(parse("bytes=0-1,2-3", false), Err(RangeError::TrailingData));
        assert_eq!(parse("Bytes=0-1", false), Err(RangeError::NoBytesPrefix));
        assert_eq!(parse(" bytes=0-1", false), Err(RangeError::NoBytesPrefix));
        assert_eq!(parse("bytes=-", false), Err(RangeError::BothEmpty));
        // web-platform-tests fetch/api/cors/resources/not-cors-safelisted.json.
        assert_eq!(parse("bytes 0-", false), Err(RangeError::NoEquals));
        // web-platform-tests fetch/range/general.any.js.
        assert_eq!(parse("foo=0-10", false), Err(RangeError::NoBytesPrefix));
        assert_eq!(parse("foo", false), Err(RangeError::NoBytesPrefix));
        assert_eq!(parse("", false), Err(RangeError::NoBytesPrefix));
    }

    #[test]
    fn with_whitespace() {
        assert_eq!(parse("bytes = 0-1", true), Ok((Some("0"), Some("1"))));
        // web-platform-tests fetch/range/blob.any.js, ranges blob URLs support.
        assert_eq!(parse("bytes=9-21", true), Ok((Some("9"), Some("21"))));
        assert_eq!(parse("bytes=11-", true), Ok((Some("11"), None)));
        assert_eq!(parse("bytes=-8", true), Ok((None, Some("8"))));
        assert_eq!(parse("bytes= \t9-21", true), Ok((Some("9"), Some("21"))));
        assert_eq!(
            parse("bytes=4-100000000000", true),
            Ok((Some("4"), Some("100000000000")))
        );
        assert_eq!(parse("bytes=5 - 10", true), Ok((Some("5"), Some("10"))));
        assert_eq!(parse("bytes=-\t 5", true), Ok((None, Some("5"))));
        assert_eq!(parse("bytes \t =\t 6-", true), Ok((Some("6"), None)));
        // Parse, then fail against the blob's size.
        assert_eq!(parse("bytes=100000-", true), Ok((Some("100000"), None)));
        assert_eq!(parse("bytes=13-", true), Ok((Some("13"), None)));
        // ... and the ones that fail to parse.
        assert_eq!(parse("", true), Err(RangeError::NoBytesPrefix));
        assert_eq!(parse("bytes=0-5,15-", true), Err(RangeError::TrailingData));
        assert_eq!(parse("bytes=0-5, 15-", true), Err(RangeError::TrailingData));
        assert_eq!(parse("bytes=0-5,", true), Err(RangeError::TrailingData));
        assert_eq!(parse("bytes=-", true), Err(RangeError::BothEmpty));
        assert_eq!(parse("bytes=10-5", true), Err(RangeError::StartAfterEnd));
        assert_eq!(parse("bytes=x-5", true), Err(RangeError::NoDash));
        assert_eq!(parse("bytes=5", true), Err(RangeError::NoDash));
        assert_eq!(parse("bytes=5-x", true), Err(RangeError::TrailingData));
        assert_eq!(parse("bytes=x", true), Err(RangeError::NoDash));
        assert_eq!(parse("bytes 5-", true), Err(RangeError::NoEquals));
        assert_eq!(parse("5-", true), Err(RangeError::NoBytesPrefix));
        // Only tab and space: not CR or LF.
        assert_eq!(parse("bytes=\n0-1", true), Err(RangeError::NoDash));
        assert_eq!(parse("bytes=0-1 ", true), Err(RangeError::TrailingData));
    }

    #[test]
    fn numbers_are_unbounded() {
        assert_eq!(
            parse("bytes=99999999999999999999-1", false),
            Err(RangeError::StartAfterEnd)
        );
        let range = values(b"bytes=0-99999999999999999999999");
        assert_eq!(range.map(|(start, _)| start), Ok(Some(Some(0))));
        assert_eq!(range.map(|(_, end)| end), Ok(Some(None)));
        // Leading zeros do not change the value.
        assert_eq!(
            parse("bytes=0010-10", false),
            Ok((Some("0010"), Some("10")))
        );
        assert_eq!(parse("bytes=010-9", false), Err(RangeError::StartAfterEnd));
        assert_eq!(
            parse("bytes=00000000000000000000000001-2", false),
            Ok((Some("00000000000000000000000001"), Some("2")))
        );
        // u64::MAX is 18446744073709551615.
        let max = values(b"bytes=18446744073709551615-");
        assert_eq!(max.map(|(start, _)| start), Ok(Some(Some(u64::MAX))));
        let over = values(b"bytes=18446744073709551616-");
        assert_eq!(over.map(|(start, _)| start), Ok(Some(None)));
        let zeros = values(b"bytes=-000");
        assert_eq!(zeros.map(|(_, end)| end), Ok(Some(Some(0))));
    }

    #[test]
    fn length_limit_is_checked_before_parsing() {
        let mut value = [b'0'; MAX_RANGE_VALUE_LEN + 1];
        value[..6].copy_from_slice(b"bytes=");
        value[MAX_RANGE_VALUE_LEN - 1] = b'-';
        let fits = &value[..MAX_RANGE_VALUE_LEN];
        assert!(parse_single_range_header_value(fits, false).is_ok());
        value[MAX_RANGE_VALUE_LEN] = b'1';
        assert_eq!(
            parse_single_range_header_value(&value, false),
            Err(RangeError::TooLong)
        );
    }
}
