//! The CORS-unsafe request-header names of a header list: the names a preflight must ask
//! about in `Access-Control-Request-Headers`, each with why it is unsafe.
//!
//! Each header's safelist check runs once, when the names are made, and is kept as a state
//! per header (256 bytes). The result is a sorted-lowercase set ([`SortedLowercaseSet`]:
//! the distinct names kept sorted in a fixed array as they are read); the reasons are
//! recomputed from the list on demand. The Chromium profile combines each name's values
//! (DEV-CHROMIUM-COMBINED-VALUES): it sorts the headers' positions by name to find each
//! name's headers in one pass, with about 10 KiB of stack for the list and the order.
//!
//! <https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names>

use core::fmt;

use super::safelist::{NotSafelisted, check_cors_safelisted_request_header};
use crate::browser::Profile;
use crate::http::header::{BoundedHeaders, HeaderList};
use crate::http::names::{SortedLowercaseSet, cmp_lowercase, write_joined};
use crate::limits::MAX_HEADER_COUNT;

/// The largest total length, in bytes, of the values of the CORS-safelisted headers of one
/// header list; above it every one of them is CORS-unsafe (step 3 of
/// <https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names>).
pub const MAX_SAFELIST_VALUE_SIZE: usize = 1024;

/// Why a name is CORS-unsafe.
///
/// <https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names>
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum UnsafeReason {
    /// Step 2: a header with this name is not a CORS-safelisted request-header.
    NotSafelisted(NotSafelisted),
    /// Step 3: every header with this name is CORS-safelisted, but the safelisted values
    /// total more than [`MAX_SAFELIST_VALUE_SIZE`] bytes.
    SafelistValueSizeExceeded {
        /// The total length of the safelisted values, in bytes.
        total: usize,
    },
}

impl fmt::Display for UnsafeReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotSafelisted(why) => write!(f, "not CORS-safelisted: {why}"),
            Self::SafelistValueSizeExceeded { total } => write!(
                f,
                "the CORS-safelisted values total {total} bytes, more than {MAX_SAFELIST_VALUE_SIZE}"
            ),
        }
    }
}

/// One CORS-unsafe name and why.
///
/// <https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names>
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnsafeName<'a> {
    /// The name as one of the headers spells it; compare it byte-case-insensitively and
    /// write it lowercased ([`crate::http::names::write_lowercase`]).
    pub name: &'a [u8],
    /// Why the name is unsafe: the first header with the name that is not safelisted, else
    /// the total of step 3.
    pub reason: UnsafeReason,
}

/// The CORS-unsafe request-header names of a header list.
///
/// `I` yields the list's headers as (name, value); only the first [`MAX_HEADER_COUNT`]
/// are read (pass a list checked by [`BoundedHeaders`], or use
/// [`cors_unsafe_request_header_names`]). The result depends on neither the order of the
/// headers nor the case of their names, except under [`Profile::Chromium`] when a name
/// repeats: Chromium checks the values joined in order (DEV-CHROMIUM-COMBINED-VALUES).
///
/// <https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names>
#[derive(Clone, Debug)]
pub struct CorsUnsafeNames<I> {
    headers: I,
    profile: Profile,
    safelist_value_size: usize,
    /// What each of the first [`MAX_HEADER_COUNT`] headers is: worked out once, so that
    /// reading the names costs no check again.
    states: EntryStates,
}

/// What a header of the list is to the CORS-unsafe names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EntryState {
    /// An entry (every header for the standard, the first of each name for Chromium),
    /// CORS-safelisted.
    Safelisted,
    /// An entry, not CORS-safelisted.
    NotSafelisted,
    /// A later header of a name already seen, which Chromium combines into the first: no
    /// entry of its own.
    Repeat,
}

/// The [`EntryState`] of each of the first [`MAX_HEADER_COUNT`] headers, by position.
type EntryStates = [EntryState; MAX_HEADER_COUNT];

impl<'a, I: Iterator<Item = (&'a [u8], &'a [u8])> + Clone> CorsUnsafeNames<I> {
    /// Runs steps 1–3 over `headers`.
    pub fn new(headers: I, profile: Profile) -> Self {
        // Step 1. Let unsafeNames be a new list, potentillyUnsafeNames be a new list, and
        // safelistValueSize be 0.
        // Step 2. For each header of headers: if header is not a CORS-safelisted
        // request-header, append its name to unsafeNames; otherwise append its name to
        // potentillyUnsafeNames and increase safelistValueSize by its value's length.
        // (The lists are kept as one flag per header: which are safelisted.) Chromium checks
        // each name's combined value instead (DEV-CHROMIUM-COMBINED-VALUES).
        let (states, safelist_value_size) = match profile {
            Profile::Chromium => chromium_entries(headers.clone(), profile),
            _ => standard_entries(headers.clone(), profile),
        };
        Self {
            headers,
            profile,
            safelist_value_size,
            states,
        }
    }

    /// The entries, in the list's order, with their states: every header for the standard;
    /// for Chromium, the first header of each name, standing for the name
    /// (DEV-CHROMIUM-COMBINED-VALUES: Chromium keeps one header per name, its values joined
    /// by `, `).
    fn entries(&self) -> impl Iterator<Item = ((&'a [u8], &'a [u8]), EntryState)> + use<'a, '_, I> {
        self.headers
            .clone()
            .take(MAX_HEADER_COUNT)
            .zip(self.states.iter().copied())
            .filter(|(_, state)| *state != EntryState::Repeat)
    }

    /// Why an entry is not CORS-safelisted, if it is not: the header itself for the
    /// standard, the combined value of its name for Chromium.
    fn check_entry(&self, name: &[u8], value: &[u8]) -> Result<(), NotSafelisted> {
        match self.profile {
            Profile::Chromium => {
                let values = super::chromium::values_of(self.headers.clone(), name);
                super::chromium::check_combined(values, name, self.profile)
            }
            _ => check_cors_safelisted_request_header(name, value, self.profile),
        }
    }

    /// The total length of the CORS-safelisted values (safelistValueSize), in bytes.
    pub const fn safelist_value_size(&self) -> usize {
        self.safelist_value_size
    }

    /// Step 3: whether the safelisted values total more than [`MAX_SAFELIST_VALUE_SIZE`],
    /// making every name unsafe.
    pub const fn safelist_value_size_exceeded(&self) -> bool {
        self.safelist_value_size > MAX_SAFELIST_VALUE_SIZE
    }

    /// Step 4: the sorted-lowercase set of the unsafe names, in order. Each item is one of
    /// the headers' spellings; write it lowercased.
    pub fn names(&self) -> SortedLowercaseSet<'a> {
        SortedLowercaseSet::new(self.unsafe_entries().map(|(name, _)| name))
    }

    /// The entries whose name is unsafe, in the list's order (a name may come more than
    /// once).
    fn unsafe_entries(&self) -> impl Iterator<Item = (&'a [u8], &'a [u8])> + use<'a, '_, I> {
        let all = self.safelist_value_size_exceeded();
        self.entries().filter_map(move |(header, state)| {
            (all || state == EntryState::NotSafelisted).then_some(header)
        })
    }

    /// Whether no name is unsafe: found without sorting them.
    pub fn is_empty(&self) -> bool {
        self.unsafe_entries().next().is_none()
    }

    /// Every unsafe name, in the set's order, with why it is unsafe.
    pub fn iter(&self) -> impl Iterator<Item = UnsafeName<'a>> + Clone + use<'a, I> {
        let this = self.clone();
        self.names()
            .filter_map(move |name| this.reason(name).map(|reason| UnsafeName { name, reason }))
    }

    /// Why `name` is unsafe, or `None` when it is not in the set.
    pub fn reason(&self, name: &[u8]) -> Option<UnsafeReason> {
        let mut same_name = self
            .entries()
            .filter(|((n, _), _)| n.eq_ignore_ascii_case(name))
            .peekable();
        same_name.peek()?;
        // The check runs again only for the first entry known not to be safelisted, to name
        // why.
        let not_safelisted = same_name
            .find(|(_, state)| *state == EntryState::NotSafelisted)
            .and_then(|((n, value), _)| self.check_entry(n, value).err());
        match not_safelisted {
            Some(why) => Some(UnsafeReason::NotSafelisted(why)),
            None if self.safelist_value_size_exceeded() => {
                Some(UnsafeReason::SafelistValueSizeExceeded {
                    total: self.safelist_value_size,
                })
            }
            None => None,
        }
    }

    /// Writes the value of `Access-Control-Request-Headers` a preflight carries: the
    /// names lowercased, in order, joined by `,` with no space. Writes nothing when the set
    /// is empty (the preflight then has no such header).
    ///
    /// <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0> (step 5)
    pub fn write_access_control_request_headers(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        write_joined(out, self.names(), ",")
    }
}

/// Steps 1 and 2 for the standard: every header is an entry, safelisted or not on its own;
/// returns the states and safelistValueSize.
fn standard_entries<'a>(
    headers: impl Iterator<Item = (&'a [u8], &'a [u8])>,
    profile: Profile,
) -> (EntryStates, usize) {
    let mut states = [EntryState::Repeat; MAX_HEADER_COUNT];
    let mut size = 0usize;
    // At most MAX_HEADER_COUNT turns: the zip stops at the array's end.
    for (state, (name, value)) in states.iter_mut().zip(headers) {
        *state = if check_cors_safelisted_request_header(name, value, profile).is_ok() {
            size = size.saturating_add(value.len());
            EntryState::Safelisted
        } else {
            EntryState::NotSafelisted
        };
    }
    (states, size)
}

/// Steps 1 and 2 as Chromium runs them (DEV-CHROMIUM-COMBINED-VALUES): one entry per name,
/// its first header, safelisted when the name's values joined by `, ` are; returns the states
/// and safelistValueSize (the combined values' lengths).
///
/// The positions are sorted by name, compared byte-case-insensitively, then by position, so
/// each name's headers are one run in list order: `O(h log h)` comparisons of names and one
/// pass over the values for `h` headers.
fn chromium_entries<'a>(
    headers: impl Iterator<Item = (&'a [u8], &'a [u8])>,
    profile: Profile,
) -> (EntryStates, usize) {
    let mut list: [(&[u8], &[u8]); MAX_HEADER_COUNT] = [(&[], &[]); MAX_HEADER_COUNT];
    let mut order = [0usize; MAX_HEADER_COUNT];
    let mut count = 0;
    // At most MAX_HEADER_COUNT turns: the zip stops at the arrays' end.
    for ((slot, position), header) in list.iter_mut().zip(&mut order).zip(headers) {
        *slot = header;
        *position = count;
        count += 1;
    }
    let at = |position: usize| list.get(position).copied().unwrap_or_default();
    let sorted = order.get_mut(..count).unwrap_or_default();
    sorted.sort_unstable_by(|&a, &b| cmp_lowercase(at(a).0, at(b).0).then(a.cmp(&b)));
    let mut states = [EntryState::Repeat; MAX_HEADER_COUNT];
    let mut size = 0usize;
    // One turn per name: at most `count`.
    for same_name in sorted.chunk_by(|&a, &b| at(a).0.eq_ignore_ascii_case(at(b).0)) {
        let Some(&first) = same_name.first() else {
            continue;
        };
        let name = at(first).0;
        let values = same_name.iter().map(|&position| at(position).1);
        let state = if super::chromium::check_combined(values.clone(), name, profile).is_ok() {
            size = size.saturating_add(super::chromium::combined_len(values));
            EntryState::Safelisted
        } else {
            EntryState::NotSafelisted
        };
        if let Some(slot) = states.get_mut(first) {
            *slot = state;
        }
    }
    (states, size)
}

/// The CORS-unsafe request-header names of a header list checked against the limits.
///
/// <https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names>
pub fn cors_unsafe_request_header_names<'a, L: HeaderList<'a>>(
    headers: &BoundedHeaders<L>,
    profile: Profile,
) -> CorsUnsafeNames<impl Iterator<Item = (&'a [u8], &'a [u8])> + Clone> {
    CorsUnsafeNames::new(headers.iter(), profile)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acrh<'a>(pairs: &'a [(&'a [u8], &'a [u8])]) -> heapless::String<2048> {
        let headers = BoundedHeaders::within_limits(pairs);
        let names = cors_unsafe_request_header_names(&headers, Profile::Spec);
        let mut out = heapless::String::new();
        let written = names.write_access_control_request_headers(&mut out);
        assert!(written.is_ok(), "{written:?}");
        assert_eq!(names.is_empty(), out.is_empty());
        out
    }

    #[test]
    fn chromium_checks_the_combined_value_of_a_name() {
        // DEV-CHROMIUM-COMBINED-VALUES, recorded: rc-dup-accept-combined-130 (two Accept
        // values of 64 bytes: 130 combined, preflighted), rc-dup-accept-short (passes).
        let a = [b'a'; 64];
        let pairs: [(&[u8], &[u8]); 2] = [(b"Accept", &a), (b"accept", &a)];
        let headers = BoundedHeaders::within_limits(&pairs[..]);
        let spec = cors_unsafe_request_header_names(&headers, Profile::Spec);
        assert!(spec.is_empty());
        assert_eq!(spec.safelist_value_size(), 128);
        let chromium = cors_unsafe_request_header_names(&headers, Profile::Chromium);
        assert!(chromium.names().eq([&b"Accept"[..]]));
        let short: [(&[u8], &[u8]); 2] = [(b"Accept", b"a/b"), (b"Accept", b"c/d")];
        let headers = BoundedHeaders::within_limits(&short[..]);
        let chromium = cors_unsafe_request_header_names(&headers, Profile::Chromium);
        assert!(chromium.is_empty());
        assert_eq!(chromium.safelist_value_size(), 8, "`a/b, c/d` counted once");
    }

    #[test]
    fn preflight_example_from_web_platform_tests() {
        // cors-preflight.any.js (spec-model §8.2): only the unsafe names, sorted, with
        // `-` before `1`; the safelisted Accept, Accept-Language and Content-Language are
        // left out.
        let pairs: [(&[u8], &[u8]); 11] = [
            (b"x-test-header1", b"test1"),
            (b"x-test-header2", b"test2"),
            (b"X-test-header3", b"test3"),
            (b"x-test-header-b", b"test"),
            (b"x-test-header-D", b"test"),
            (b"x-test-header-C", b"test"),
            (b"x-test-header-a", b"test"),
            (b"Content-Type", b"allowedOrRefused"),
            (b"Accept", b"*/*"),
            (b"Accept-Language", b"fr"),
            (b"Content-Language", b"fr"),
        ];
        assert_eq!(
            acrh(&pairs),
            "content-type,x-test-header-a,x-test-header-b,x-test-header-c,x-test-header-d,x-test-header1,x-test-header2,x-test-header3"
        );
    }

    #[test]
    fn safelisted_headers_give_the_empty_set() {
        // cors-no-preflight.any.js
        let pairs: [(&[u8], &[u8]); 4] = [
            (b"Accept", b"*/*"),
            (b"Accept-Language", b"fr"),
            (b"Content-Language", b"fr"),
            (b"Content-Type", b"text/plain;charset=utf-8"),
        ];
        assert_eq!(acrh(&pairs), "");
        assert_eq!(acrh(&[]), "");
    }

    const V128: &[u8] = &[b'a'; 128];

    /// Step 3 at the boundary: eight 128-byte safelisted values total exactly 1024 bytes
    /// (safe); one more byte makes all of them unsafe.
    #[test]
    fn safelist_value_size_boundary() {
        let at_limit: [(&[u8], &[u8]); 8] = [(b"accept", V128); 8];
        assert_eq!(acrh(&at_limit), "");
        let over: [(&[u8], &[u8]); 9] = [
            (b"accept", V128),
            (b"accept", V128),
            (b"accept", V128),
            (b"accept", V128),
            (b"accept-language", V128),
            (b"accept-language", V128),
            (b"content-language", V128),
            (b"content-language", V128),
            (b"Content-Type", b"text/plain"),
        ];
        // 8 × 128 + 10 = 1034 bytes.
        assert_eq!(
            acrh(&over),
            "accept,accept-language,content-language,content-type"
        );
        let headers = BoundedHeaders::within_limits(&over[..]);
        let names = cors_unsafe_request_header_names(&headers, Profile::Spec);
        assert_eq!(names.safelist_value_size(), 1034);
        assert_eq!(
            names.reason(b"ACCEPT"),
            Some(UnsafeReason::SafelistValueSizeExceeded { total: 1034 })
        );
    }

    #[test]
    fn unsafe_headers_do_not_count_towards_the_total() {
        let pairs: [(&[u8], &[u8]); 9] = [
            (b"accept", V128),
            (b"accept", V128),
            (b"accept", V128),
            (b"accept", V128),
            (b"accept", V128),
            (b"accept", V128),
            (b"accept", V128),
            (b"accept", V128),
            (b"x-big", V128),
        ];
        assert_eq!(acrh(&pairs), "x-big");
    }

    #[test]
    fn each_name_comes_with_its_reason() {
        let pairs: [(&[u8], &[u8]); 4] = [
            (b"Accept", b"*/*"),
            (b"accept", b"\""),
            (b"Range", b"bytes=-5"),
            (b"X-A", b"1"),
        ];
        let headers = BoundedHeaders::within_limits(&pairs[..]);
        let names = cors_unsafe_request_header_names(&headers, Profile::Spec);
        let got: heapless::Vec<UnsafeName<'_>, 4> = names.iter().collect();
        let reasons: heapless::Vec<UnsafeReason, 4> = got.iter().map(|u| u.reason).collect();
        assert_eq!(
            reasons,
            [
                UnsafeReason::NotSafelisted(NotSafelisted::UnsafeByte { byte: b'"' }),
                UnsafeReason::NotSafelisted(NotSafelisted::RangeSuffix),
                UnsafeReason::NotSafelisted(NotSafelisted::NameNotSafelisted),
            ]
        );
        assert!(got[0].name.eq_ignore_ascii_case(b"accept"));
        assert_eq!(names.reason(b"x-b"), None);
    }

    /// The Chromium entries, worked out by sorting, against their definition: a header is
    /// an entry when no earlier header has its name, safelisted when its name's values
    /// joined by `, ` are; safelistValueSize sums those joined lengths.
    #[test]
    fn chromium_entries_agree_with_their_definition() {
        let names: [&[u8]; 9] = [
            b"Accept",
            b"accept",
            b"ACCEPT",
            b"Content-Type",
            b"content-type",
            b"Range",
            b"dpr",
            b"X-A",
            b"x-a",
        ];
        let long = [b'a'; 100];
        let values: [&[u8]; 7] = [
            b"*/*",
            b"text/plain",
            b"bytes=0-",
            b"1.5",
            b"",
            b"\"",
            &long,
        ];
        let mut rng = crate::test_rng::Xorshift(0x2545_f491_4f6c_dd1d);
        let mut lists_with_repeats = 0;
        for round in 0..3_000 {
            let len = rng.below(if round % 100 == 0 {
                MAX_HEADER_COUNT + 2
            } else {
                12
            });
            let mut list: heapless::Vec<(&[u8], &[u8]), { MAX_HEADER_COUNT + 2 }> =
                heapless::Vec::new();
            for _ in 0..len {
                let header = (
                    names[rng.below(names.len())],
                    values[rng.below(values.len())],
                );
                assert!(list.push(header).is_ok());
            }
            let headers = list.iter().copied();
            let (states, size) = chromium_entries(headers.clone(), Profile::Chromium);
            let mut expected_size = 0usize;
            for (i, &(name, _)) in list.iter().enumerate().take(MAX_HEADER_COUNT) {
                let earlier = list[..i].iter().any(|(n, _)| n.eq_ignore_ascii_case(name));
                assert_eq!(states[i] != EntryState::Repeat, !earlier, "{i} of {list:?}");
                lists_with_repeats += usize::from(earlier);
                if earlier {
                    continue;
                }
                let values = super::super::chromium::values_of(headers.clone(), name);
                let ok =
                    super::super::chromium::check_combined(values.clone(), name, Profile::Chromium);
                assert_eq!(
                    states[i] == EntryState::Safelisted,
                    ok.is_ok(),
                    "{i} of {list:?}"
                );
                if ok.is_ok() {
                    expected_size += super::super::chromium::combined_len(values);
                }
            }
            assert_eq!(size, expected_size, "{list:?}");
        }
        assert!(
            lists_with_repeats > 1_000,
            "{lists_with_repeats} repeated names"
        );
    }
}
