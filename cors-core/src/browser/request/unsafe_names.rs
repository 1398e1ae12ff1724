//! The CORS-unsafe request-header names of a header list: the names a preflight must ask
//! about in `Access-Control-Request-Headers`, each with why it is unsafe.
//!
//! The result is a sorted-lowercase set ([`SortedLowercaseSet`]: the distinct names kept
//! sorted in a fixed array as they are read); the reasons are recomputed from the list on
//! demand.
//!
//! <https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names>

use core::fmt;

use super::safelist::{NotSafelisted, check_cors_safelisted_request_header};
use crate::browser::Profile;
use crate::http::header::{BoundedHeaders, HeaderList};
use crate::http::names::{SortedLowercaseSet, write_joined};
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
}

impl<'a, I: Iterator<Item = (&'a [u8], &'a [u8])> + Clone> CorsUnsafeNames<I> {
    /// Runs steps 1–3 over `headers`.
    pub fn new(headers: I, profile: Profile) -> Self {
        // Step 1. Let unsafeNames be a new list, potentillyUnsafeNames be a new list, and
        // safelistValueSize be 0.
        // Step 2. For each header of headers: if header is not a CORS-safelisted
        // request-header, append its name to unsafeNames; otherwise append its name to
        // potentillyUnsafeNames and increase safelistValueSize by its value's length.
        // (The lists are kept implicit: they are re-derived from `headers` when read.)
        let mut this = Self {
            headers,
            profile,
            safelist_value_size: 0,
        };
        this.safelist_value_size = this
            .entries()
            .filter(|(name, value)| this.check_entry(name, value).is_ok())
            .fold(0usize, |total, (name, value)| {
                total.saturating_add(this.entry_len(name, value))
            });
        this
    }

    /// The header list's entries as the profile sees them: every header for the standard;
    /// for Chromium, one entry per name whose value is the length of the combined value
    /// (DEV-CHROMIUM-COMBINED-VALUES: Chromium keeps one header per name, its values joined
    /// by `, `). The value of a Chromium entry is only read for its length, through
    /// [`Self::check_entry`].
    fn entries(&self) -> impl Iterator<Item = (&'a [u8], &'a [u8])> + Clone + use<'a, I> {
        let headers = self.headers.clone().take(MAX_HEADER_COUNT);
        let profile = self.profile;
        let all = headers.clone();
        headers
            .enumerate()
            .filter_map(move |(i, (name, value))| match profile {
                Profile::Spec => Some((name, value)),
                Profile::Chromium => {
                    let first = all
                        .clone()
                        .take(i)
                        .all(|(n, _)| !n.eq_ignore_ascii_case(name));
                    first.then_some((name, value))
                }
            })
    }

    /// Whether an entry is CORS-safelisted: the header itself for the standard, the
    /// combined value of its name for Chromium.
    fn check_entry(&self, name: &[u8], value: &[u8]) -> Result<(), NotSafelisted> {
        match self.profile {
            Profile::Spec => check_cors_safelisted_request_header(name, value, self.profile),
            Profile::Chromium => {
                super::chromium::check_combined(self.headers.clone(), name, self.profile)
            }
        }
    }

    /// The length an entry adds to safelistValueSize.
    fn entry_len(&self, name: &[u8], value: &[u8]) -> usize {
        match self.profile {
            Profile::Spec => value.len(),
            Profile::Chromium => super::chromium::combined_len(self.headers.clone(), name),
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
        self.entries()
            .filter(move |(name, value)| all || self.check_entry(name, value).is_err())
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
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .peekable();
        same_name.peek()?;
        let mut not_safelisted = same_name
            .clone()
            .filter_map(|(n, value)| self.check_entry(n, value).err());
        match not_safelisted.next() {
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
}
