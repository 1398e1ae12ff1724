//! The `Headers` object's guards, as a script fills a request's headers: which of the
//! script's (name, value) pairs end up in the request's header list.
//!
//! - Guard `request` (modes `cors` and `same-origin`): each value is normalized; an invalid
//!   name or value is a `TypeError`; a forbidden request-header is skipped silently.
//! - Guard `request-no-cors` (mode `no-cors`): a pair is appended only when (name, the
//!   combined value it would make) is a no-CORS-safelisted request-header; privileged
//!   no-CORS request-headers (`Range`) are removed after each change.
//!
//! Nothing is copied: [`GuardedHeaders`] keeps the script's list and one bit per entry,
//! and [`GuardedHeaders::iter`] is the resulting header list. The combined value a
//! `request-no-cors` append tests is at most [`MAX_SAFELISTED_VALUE_LEN`] bytes (anything
//! longer is not safelisted), so it is built in a 128-byte buffer per name.
//!
//! <https://fetch.spec.whatwg.org/#headers-class>,
//! <https://fetch.spec.whatwg.org/#concept-headers-append>,
//! <https://fetch.spec.whatwg.org/#concept-headers-fill>

use core::fmt;

use super::forbidden::{Forbidden, forbidden_request_header};
use super::safelist::{
    MAX_SAFELISTED_VALUE_LEN, NO_CORS_SAFELISTED_NAMES, NotSafelisted,
    check_no_cors_safelisted_request_header,
};
use crate::browser::Profile;
use crate::http::header::{
    BoundedHeaders, HeaderList, is_header_name, is_header_value, normalize_header_value,
};
use crate::limits::MAX_HEADER_COUNT;

/// A `Headers` object's guard, for the two guards a request's headers can have.
///
/// <https://fetch.spec.whatwg.org/#concept-headers-guard>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Guard {
    /// `request`: forbidden request-headers are skipped.
    Request,
    /// `request-no-cors`: only no-CORS-safelisted request-headers are kept.
    RequestNoCors,
}

/// Why validating a (name, value) pair threw a `TypeError`.
///
/// <https://fetch.spec.whatwg.org/#headers-validate>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GuardErrorKind {
    /// Step 1: the name is not a header name (a `token`).
    InvalidName,
    /// Step 1: the normalized value is not a header value (it contains NUL, CR or LF).
    InvalidValue,
}

/// The `TypeError` filling a `Headers` object throws, with the index of the script's
/// pair that caused it.
///
/// <https://fetch.spec.whatwg.org/#headers-validate>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GuardError {
    /// The index of the offending pair in the script's list.
    pub index: usize,
    /// What is wrong with it.
    pub kind: GuardErrorKind,
}

impl fmt::Display for GuardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            GuardErrorKind::InvalidName => "not a header name",
            GuardErrorKind::InvalidValue => "not a header value",
        };
        write!(f, "TypeError: header {} is {what}", self.index)
    }
}

impl core::error::Error for GuardError {}

/// What the guard did with one of the script's pairs.
///
/// <https://fetch.spec.whatwg.org/#concept-headers-append>
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Disposition {
    /// Appended to the header list.
    Kept,
    /// Guard `request`: a forbidden request-header, skipped without an error.
    Forbidden(Forbidden),
    /// Guard `request-no-cors`: (name, combined value) is not a no-CORS-safelisted
    /// request-header, skipped without an error. A name outside the no-CORS-safelisted
    /// names gives [`NotSafelisted::NameNotSafelisted`].
    NotNoCorsSafelisted(NotSafelisted),
}

impl Disposition {
    /// Whether the pair is in the header list.
    pub const fn is_kept(&self) -> bool {
        matches!(self, Self::Kept)
    }
}

/// One of the script's pairs and what the guard did with it.
///
/// <https://fetch.spec.whatwg.org/#concept-headers-fill>
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GuardedEntry<'a> {
    /// The pair's index in the script's list.
    pub index: usize,
    /// The name as the script wrote it.
    pub name: &'a [u8],
    /// The normalized value.
    pub value: &'a [u8],
    /// What the guard did.
    pub disposition: Disposition,
}

/// One bit per header of a bounded list.
const KEPT_WORDS: usize = MAX_HEADER_COUNT.div_ceil(64);
const _: () = assert!(KEPT_WORDS * 64 >= MAX_HEADER_COUNT);

/// A request's header list after a script filled it through a guard: the script's list,
/// and which of its entries were appended.
///
/// <https://fetch.spec.whatwg.org/#concept-request-header-list>,
/// <https://fetch.spec.whatwg.org/#concept-headers-fill>
#[derive(Clone, Copy, Debug)]
pub struct GuardedHeaders<L> {
    headers: BoundedHeaders<L>,
    guard: Guard,
    profile: Profile,
    kept: [u64; KEPT_WORDS],
}

impl<'a, L: HeaderList<'a>> GuardedHeaders<L> {
    /// Fills a new `Headers` object with guard `guard` from the script's pairs, in order:
    /// each pair is appended (<https://fetch.spec.whatwg.org/#concept-headers-append>).
    /// The first invalid pair is the `TypeError`.
    ///
    /// <https://fetch.spec.whatwg.org/#concept-headers-fill>
    pub fn fill(
        headers: BoundedHeaders<L>,
        guard: Guard,
        profile: Profile,
    ) -> Result<Self, GuardError> {
        let mut kept = [0u64; KEPT_WORDS];
        for entry in Fill::new(headers.iter(), guard, profile) {
            let entry = entry?;
            if entry.disposition.is_kept() {
                set_bit(&mut kept, entry.index);
            }
        }
        Ok(Self {
            headers,
            guard,
            profile,
            kept,
        })
    }

    /// The guard the headers were filled through.
    pub const fn guard(&self) -> Guard {
        self.guard
    }

    /// The profile the safelist checks followed.
    pub const fn profile(&self) -> Profile {
        self.profile
    }

    /// Whether the script's pair at `index` is in the header list.
    pub fn is_kept(&self, index: usize) -> bool {
        bit(&self.kept, index)
    }

    /// The header list: the kept pairs in order, as (name, normalized value). Append
    /// reuses the casing of the first header with the same name; the browser model only
    /// ever compares names byte-case-insensitively, so the script's casing is kept.
    pub fn iter(&self) -> impl Iterator<Item = (&'a [u8], &'a [u8])> + Clone {
        let kept = self.kept;
        self.headers
            .iter()
            .enumerate()
            .filter(move |(index, _)| bit(&kept, *index))
            .map(|(_, (name, value))| (name, normalize_header_value(value)))
    }

    /// Every pair of the script's list with what the guard did with it.
    pub fn entries(&self) -> impl Iterator<Item = GuardedEntry<'a>> + Clone {
        // `fill` validated every pair, so no entry is an error here.
        Fill::new(self.headers.iter(), self.guard, self.profile).filter_map(Result::ok)
    }

    /// The values of the kept headers named `name` (byte-case-insensitive).
    pub fn values(&self, name: &[u8]) -> impl Iterator<Item = &'a [u8]> + Clone {
        self.iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, value)| value)
    }

    /// Whether "get" of `name` (the kept values joined by `, `) is exactly `expected`;
    /// `None` when no kept header is named `name`.
    ///
    /// <https://fetch.spec.whatwg.org/#concept-header-list-get>
    pub fn get_eq(&self, name: &[u8], expected: &[u8]) -> Option<bool> {
        let mut values = self.values(name);
        let first = values.next()?;
        let Some(mut rest) = expected.strip_prefix(first) else {
            return Some(false);
        };
        for value in values {
            match rest.strip_prefix(b", ").and_then(|r| r.strip_prefix(value)) {
                Some(r) => rest = r,
                None => return Some(false),
            }
        }
        Some(rest.is_empty())
    }
}

fn bit(words: &[u64; KEPT_WORDS], index: usize) -> bool {
    words
        .get(index / 64)
        .is_some_and(|word| word & (1u64 << (index % 64)) != 0)
}

fn set_bit(words: &mut [u64; KEPT_WORDS], index: usize) {
    if let Some(word) = words.get_mut(index / 64) {
        *word |= 1u64 << (index % 64);
    }
}

/// A combined value of at most [`MAX_SAFELISTED_VALUE_LEN`] bytes.
type Combined = heapless::Vec<u8, MAX_SAFELISTED_VALUE_LEN>;

/// The appends of a fill, one pair at a time, with the combined value of each
/// no-CORS-safelisted name kept so far (only needed for `request-no-cors`).
#[derive(Clone, Debug)]
struct Fill<I> {
    pairs: core::iter::Enumerate<I>,
    guard: Guard,
    profile: Profile,
    combined: [Option<Combined>; NO_CORS_SAFELISTED_NAMES.len()],
}

impl<'a, I: Iterator<Item = (&'a [u8], &'a [u8])>> Fill<I> {
    fn new(pairs: I, guard: Guard, profile: Profile) -> Self {
        Self {
            pairs: pairs.enumerate(),
            guard,
            profile,
            combined: [const { None }; NO_CORS_SAFELISTED_NAMES.len()],
        }
    }

    /// Append (name, value) to headers, <https://fetch.spec.whatwg.org/#concept-headers-append>.
    fn append(
        &mut self,
        name: &'a [u8],
        value: &'a [u8],
    ) -> Result<(&'a [u8], Disposition), GuardErrorKind> {
        // Step 1. Normalize value.
        let value = normalize_header_value(value);
        // Step 2. If validating (name, value) for headers returns false, then return.
        if let Some(forbidden) = validate(self.guard, name, value)? {
            return Ok((value, Disposition::Forbidden(forbidden)));
        }
        // Step 3. If headers's guard is "request-no-cors": (name, temporaryValue) must be
        // a no-CORS-safelisted request-header, else return.
        // Step 4. Append (name, value) to headers's header list.
        let disposition = match self.guard {
            Guard::Request => Disposition::Kept,
            Guard::RequestNoCors => self.append_no_cors(name, value),
        };
        // Step 5. If headers's guard is "request-no-cors", then remove privileged no-CORS
        // request-headers from headers. Such a name (`Range`) is never no-CORS-safelisted,
        // so step 3 already refused it and nothing is left to remove.
        Ok((value, disposition))
    }

    /// Step 3 of append for `request-no-cors`, recording the new combined value when kept.
    fn append_no_cors(&mut self, name: &[u8], value: &[u8]) -> Disposition {
        let slot = NO_CORS_SAFELISTED_NAMES
            .iter()
            .position(|n| name.eq_ignore_ascii_case(n))
            .and_then(|i| self.combined.get_mut(i));
        let Some(slot) = slot else {
            return Disposition::NotNoCorsSafelisted(NotSafelisted::NameNotSafelisted);
        };
        // 3.1. Let temporaryValue be the result of getting name from headers's header list.
        // 3.2. If temporaryValue is null, then set temporaryValue to value.
        // 3.3. Otherwise, set temporaryValue to temporaryValue, followed by 0x2C 0x20,
        //      followed by value.
        let Some(temporary) = combine(slot.as_ref(), value) else {
            return Disposition::NotNoCorsSafelisted(NotSafelisted::ValueTooLong);
        };
        // 3.4. If (name, temporaryValue) is not a no-CORS-safelisted request-header, then
        //      return.
        match check_no_cors_safelisted_request_header(name, &temporary, self.profile) {
            Ok(()) => {
                *slot = Some(temporary);
                Disposition::Kept
            }
            Err(why) => Disposition::NotNoCorsSafelisted(why),
        }
    }
}

/// `previous, value` or `value` alone, or `None` when longer than
/// [`MAX_SAFELISTED_VALUE_LEN`] (and so not safelisted whatever the name).
fn combine(previous: Option<&Combined>, value: &[u8]) -> Option<Combined> {
    let mut out = Combined::new();
    if let Some(previous) = previous {
        out.extend_from_slice(previous).ok()?;
        out.extend_from_slice(b", ").ok()?;
    }
    out.extend_from_slice(value).ok()?;
    Some(out)
}

impl<'a, I: Iterator<Item = (&'a [u8], &'a [u8])>> Iterator for Fill<I> {
    type Item = Result<GuardedEntry<'a>, GuardError>;

    fn next(&mut self) -> Option<Self::Item> {
        let (index, (name, value)) = self.pairs.next()?;
        Some(
            self.append(name, value)
                .map(|(value, disposition)| GuardedEntry {
                    index,
                    name,
                    value,
                    disposition,
                })
                .map_err(|kind| GuardError { index, kind }),
        )
    }
}

/// Validates (name, value) for a `Headers` object with `guard`: `Err` is the `TypeError`,
/// `Ok(Some(_))` is "return false" (skip).
///
/// <https://fetch.spec.whatwg.org/#headers-validate>
fn validate(guard: Guard, name: &[u8], value: &[u8]) -> Result<Option<Forbidden>, GuardErrorKind> {
    // Step 1. If name is not a header name or value is not a header value, then throw a
    // TypeError.
    if !is_header_name(name) {
        return Err(GuardErrorKind::InvalidName);
    }
    if !is_header_value(value) {
        return Err(GuardErrorKind::InvalidValue);
    }
    // Step 2 (guard "immutable") does not apply to a request being built.
    // Step 3. If headers's guard is "request" and (name, value) is a forbidden
    // request-header, then return false.
    if guard == Guard::Request {
        return Ok(forbidden_request_header(name, value));
    }
    // Step 4 (guard "response") does not apply. Step 5. Return true.
    Ok(None)
}

/// What `headers.set(name, value)` does under `guard`: the normalized value and whether it
/// is stored (then it replaces every header named `name`) or skipped; `Err` is the
/// `TypeError`. Unlike append, `request-no-cors` tests (name, value) itself, not a combined
/// value.
///
/// <https://fetch.spec.whatwg.org/#dom-headers-set>
pub fn guard_set<'v>(
    guard: Guard,
    name: &[u8],
    value: &'v [u8],
    profile: Profile,
) -> Result<(&'v [u8], Disposition), GuardErrorKind> {
    // Step 1. Normalize value.
    let value = normalize_header_value(value);
    // Step 2. If validating (name, value) for this returns false, then return.
    if let Some(forbidden) = validate(guard, name, value)? {
        return Ok((value, Disposition::Forbidden(forbidden)));
    }
    // Step 3. If this's guard is "request-no-cors" and (name, value) is not a
    // no-CORS-safelisted request-header, then return.
    if guard == Guard::RequestNoCors {
        if let Err(why) = check_no_cors_safelisted_request_header(name, value, profile) {
            return Ok((value, Disposition::NotNoCorsSafelisted(why)));
        }
    }
    // Step 4. Set (name, value) in this's header list.
    // Step 5. If this's guard is "request-no-cors", then remove privileged no-CORS
    // request-headers from this (none can be present, see append).
    Ok((value, Disposition::Kept))
}

#[cfg(test)]
mod tests {
    use super::*;

    type Pairs<'a> = &'a [(&'a [u8], &'a [u8])];
    type Values<'a> = &'a [&'a [u8]];

    fn fill(pairs: Pairs<'_>, guard: Guard) -> Result<GuardedHeaders<Pairs<'_>>, GuardError> {
        let headers = BoundedHeaders::within_limits(pairs);
        GuardedHeaders::fill(headers, guard, Profile::Spec)
    }

    const S127: &[u8] = &[b's'; 127];

    /// "text/plain;" and 116 `s`: 127 bytes (headers-no-cors.any.js).
    fn content_type_127() -> heapless::Vec<u8, 127> {
        let mut value = heapless::Vec::new();
        assert!(value.extend_from_slice(b"text/plain;").is_ok());
        assert!(value.extend_from_slice(&[b's'; 116]).is_ok());
        value
    }

    /// no_cors_headers_guard: appending in turn, "get" after each append is the first
    /// value, because every later combined value passes 128 bytes; `set` of the joined
    /// value is ignored for the same reason.
    #[test]
    fn no_cors_combined_value_over_128_bytes_is_not_appended() -> Result<(), GuardError> {
        let ct = content_type_127();
        let sequences: [(&[u8], Values<'_>, &[u8]); 7] = [
            (b"accept", &[S127, b"", S127], S127),
            (b"accept-language", &[S127, b"", S127], S127),
            (b"content-language", &[S127, b"", S127], S127),
            (b"accept", &[b"", S127], b""),
            (b"accept-language", &[b"", S127], b""),
            (b"content-language", &[b"", S127], b""),
            (b"content-type", &[&ct, b"text/plain"], &ct),
        ];
        for (name, values, expected) in sequences {
            let mut pairs: heapless::Vec<(&[u8], &[u8]), 3> = heapless::Vec::new();
            for value in values {
                assert_eq!(pairs.push((name, value)), Ok(()));
                let guarded = fill(&pairs, Guard::RequestNoCors)?;
                assert_eq!(
                    guarded.get_eq(name, expected),
                    Some(true),
                    "{name:?} after {}",
                    pairs.len()
                );
            }
            // set(name, values joined by ", ") is ignored: more than 128 bytes.
            let mut joined: heapless::Vec<u8, 512> = heapless::Vec::new();
            for (i, value) in values.iter().enumerate() {
                if i > 0 {
                    assert!(joined.extend_from_slice(b", ").is_ok());
                }
                assert!(joined.extend_from_slice(value).is_ok());
            }
            let set = guard_set(Guard::RequestNoCors, name, &joined, Profile::Spec);
            assert_eq!(
                set.map(|(_, set)| set),
                Ok(Disposition::NotNoCorsSafelisted(
                    NotSafelisted::ValueTooLong
                )),
                "{name:?}"
            );
        }
        Ok(())
    }

    /// no_cors_headers_guard: pairs that are neither appended nor set.
    #[test]
    fn no_cors_refuses_what_is_not_no_cors_safelisted() -> Result<(), GuardError> {
        let refused: [(&[u8], &[u8]); 21] = [
            (b"accept", b"\""),
            (b"accept", b"012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678"),
            (b"accept-language", b"\x01"),
            (b"accept-language", b"@"),
            (b"authorization", b"basics"),
            (b"content-language", b"\x01"),
            (b"content-language", b"@"),
            (b"content-type", b"text/html"),
            (b"content-type", b"text/plain; long=0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901"),
            (b"last-event-id", b"\""),
            (b"last-event-id", b"012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678"),
            (b"range", b"bytes 0-"),
            (b"test", b"hi"),
            (b"dpr", b"2"),
            (b"rtt", b"1.0"),
            (b"downlink", b"-1.0"),
            (b"ect", b"6g"),
            (b"save-data", b"on"),
            (b"viewport-width", b"100"),
            (b"width", b"100"),
            (b"unknown", b"doesitmatter"),
        ];
        for (name, value) in refused {
            let pairs = [(name, value)];
            let guarded = fill(&pairs, Guard::RequestNoCors)?;
            assert!(!guarded.is_kept(0), "{name:?}: {value:?}");
            assert_eq!(guarded.get_eq(name, value), None, "{name:?}");
            let set = guard_set(Guard::RequestNoCors, name, value, Profile::Spec);
            assert_eq!(
                set.map(|(_, set)| set.is_kept()),
                Ok(false),
                "{name:?}: {value:?}"
            );
        }
        Ok(())
    }

    #[test]
    fn no_cors_reports_why_each_append_was_refused() -> Result<(), GuardError> {
        let pairs: [(&[u8], &[u8]); 4] = [
            (b"Accept", S127),
            (b"accept", b""),
            (b"Content-Type", b"text/html"),
            (b"Content-Type", b"text/plain"),
        ];
        let guarded = fill(&pairs, Guard::RequestNoCors)?;
        let got: heapless::Vec<_, 4> = guarded.entries().map(|e| e.disposition).collect();
        assert_eq!(
            got,
            [
                Disposition::Kept,
                // "s…s, " is 129 bytes.
                Disposition::NotNoCorsSafelisted(NotSafelisted::ValueTooLong),
                Disposition::NotNoCorsSafelisted(NotSafelisted::ContentTypeEssence),
                // The refused text/html is not part of the combined value.
                Disposition::Kept,
            ]
        );
        assert_eq!(guarded.get_eq(b"content-type", b"text/plain"), Some(true));
        Ok(())
    }

    #[test]
    fn no_cors_refuses_range_even_when_safelisted() -> Result<(), GuardError> {
        // Range is CORS-safelisted, but not a no-CORS-safelisted name, and privileged.
        let pairs: [(&[u8], &[u8]); 2] = [(b"Range", b"bytes=0-1"), (b"Accept", b"*/*")];
        let guarded = fill(&pairs, Guard::RequestNoCors)?;
        let kept: heapless::Vec<_, 2> = guarded.iter().collect();
        assert_eq!(kept, [(&b"Accept"[..], &b"*/*"[..])]);
        let entries: heapless::Vec<_, 2> = guarded.entries().map(|e| e.disposition).collect();
        assert_eq!(
            entries,
            [
                Disposition::NotNoCorsSafelisted(NotSafelisted::NameNotSafelisted),
                Disposition::Kept
            ]
        );
        Ok(())
    }

    #[test]
    fn request_guard_skips_forbidden_and_normalizes() -> Result<(), GuardError> {
        let pairs: [(&[u8], &[u8]); 5] = [
            (b"X-Test", b" \r\n a b \t"),
            (b"Cookie", b"a=b"),
            (b"Sec-Fetch-Mode", b"cors"),
            (b"X-HTTP-Method-Override", b"GET,track "),
            (b"x-test", b"c"),
        ];
        let guarded = fill(&pairs, Guard::Request)?;
        let kept: heapless::Vec<_, 5> = guarded.iter().collect();
        assert_eq!(
            kept,
            [(&b"X-Test"[..], &b"a b"[..]), (&b"x-test"[..], &b"c"[..])]
        );
        assert_eq!(guarded.get_eq(b"X-TEST", b"a b, c"), Some(true));
        // The guarded list is itself a header list.
        let list = BoundedHeaders::within_limits(guarded.iter());
        assert_eq!(list.get_eq(b"x-test", b"a b, c"), Some(true));
        assert!(!list.contains(b"cookie"));
        let dispositions: heapless::Vec<_, 5> = guarded.entries().map(|e| e.disposition).collect();
        assert_eq!(
            dispositions,
            [
                Disposition::Kept,
                Disposition::Forbidden(Forbidden::Name),
                Disposition::Forbidden(Forbidden::Prefix),
                Disposition::Forbidden(Forbidden::MethodOverride),
                Disposition::Kept,
            ]
        );
        Ok(())
    }

    #[test]
    fn rejects_invalid_names_and_values_with_the_index() {
        let cases: [(Pairs<'_>, GuardError); 4] = [
            (
                &[(b"a", b"b"), (b"bad name", b"v")],
                GuardError {
                    index: 1,
                    kind: GuardErrorKind::InvalidName,
                },
            ),
            (
                &[(b"", b"v")],
                GuardError {
                    index: 0,
                    kind: GuardErrorKind::InvalidName,
                },
            ),
            (
                &[(b"a", b"b"), (b"c", b"d"), (b"e", b"x\0y")],
                GuardError {
                    index: 2,
                    kind: GuardErrorKind::InvalidValue,
                },
            ),
            (
                &[(b"a", b"x\ny")],
                GuardError {
                    index: 0,
                    kind: GuardErrorKind::InvalidValue,
                },
            ),
        ];
        for (pairs, want) in cases {
            for guard in [Guard::Request, Guard::RequestNoCors] {
                assert_eq!(fill(pairs, guard).err(), Some(want), "{pairs:?}");
            }
        }
        // A forbidden header with an invalid value still throws: validation comes first.
        assert_eq!(
            guard_set(Guard::Request, b"Cookie", b"a\0", Profile::Spec),
            Err(GuardErrorKind::InvalidValue)
        );
    }

    #[test]
    fn set_under_request_guard() {
        assert_eq!(
            guard_set(Guard::Request, b"X-Test", b" v ", Profile::Spec),
            Ok((&b"v"[..], Disposition::Kept))
        );
        assert_eq!(
            guard_set(Guard::Request, b"Host", b"example.com", Profile::Spec),
            Ok((&b"example.com"[..], Disposition::Forbidden(Forbidden::Name)))
        );
        assert_eq!(
            guard_set(Guard::RequestNoCors, b"Accept", b"*/*", Profile::Spec),
            Ok((&b"*/*"[..], Disposition::Kept))
        );
    }
}
