//! CORS-safelisted request-headers, with the reason a header is not one, and the small
//! name sets around them (no-CORS-safelisted, privileged no-CORS, non-wildcard).
//!
//! <https://fetch.spec.whatwg.org/#cors-safelisted-request-header>

use core::fmt;

pub use crate::http::header_names::is_cors_non_wildcard_request_header_name;

use crate::browser::Profile;
use crate::http::mime::{MimeError, parse_mime_type};
use crate::http::range::{RangeError, parse_single_range_header_value};

/// The longest value a CORS-safelisted request-header may have, in bytes (step 1 of
/// <https://fetch.spec.whatwg.org/#cors-safelisted-request-header>).
pub const MAX_SAFELISTED_VALUE_LEN: usize = 128;

/// Why a (name, value) pair is not a CORS-safelisted request-header.
///
/// Each variant names the step of
/// <https://fetch.spec.whatwg.org/#cors-safelisted-request-header> that returns false.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NotSafelisted {
    /// Step 1: the value is longer than [`MAX_SAFELISTED_VALUE_LEN`] bytes (checked first,
    /// for every name).
    ValueTooLong,
    /// `Accept` or `Content-Type`: the value contains a CORS-unsafe request-header byte.
    UnsafeByte {
        /// The first unsafe byte.
        byte: u8,
    },
    /// `Accept-Language` or `Content-Language`: a byte outside `0-9 A-Z a-z`, SP, `*`,
    /// `,`, `-`, `.`, `;` and `=`.
    LanguageByte {
        /// The first byte outside the set.
        byte: u8,
    },
    /// `Content-Type`: parsing the value as a MIME type failed.
    ContentTypeUnparsable(MimeError),
    /// `Content-Type`: the essence is not `application/x-www-form-urlencoded`,
    /// `multipart/form-data` or `text/plain`.
    ContentTypeEssence,
    /// `Range`: parsing a single range header value (whitespace not allowed) failed.
    RangeUnparsable(RangeError),
    /// `Range`: the range has no start (a suffix range such as `bytes=-500`).
    RangeSuffix,
    /// The name is none of the safelisted names ("Otherwise, return false").
    NameNotSafelisted,
    /// A name only the profile safelists (Chromium's legacy client hints) with a value
    /// outside the profile's rule for it.
    ProfileValueRule,
    /// `Range`: a bound above what the profile accepts (Chromium: `2^63 − 2`).
    RangeBoundTooLarge,
}

impl NotSafelisted {
    /// A short description, without the offending byte.
    pub const fn description(&self) -> &'static str {
        match self {
            Self::ValueTooLong => "the value is longer than 128 bytes",
            Self::UnsafeByte { .. } => "the value contains a CORS-unsafe request-header byte",
            Self::LanguageByte { .. } => "the value contains a byte not allowed in a language tag",
            Self::ContentTypeUnparsable(_) => "the value does not parse as a MIME type",
            Self::ContentTypeEssence => {
                "the MIME type's essence is not application/x-www-form-urlencoded, multipart/form-data or text/plain"
            }
            Self::RangeUnparsable(_) => "the value is not a single range `bytes=start-[end]`",
            Self::RangeSuffix => "the range has no start",
            Self::NameNotSafelisted => "the name is not a CORS-safelisted request-header name",
            Self::ProfileValueRule => "the value breaks the browser's rule for this client hint",
            Self::RangeBoundTooLarge => "a range bound is larger than the browser accepts",
        }
    }
}

impl fmt::Display for NotSafelisted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())?;
        match self {
            Self::UnsafeByte { byte } | Self::LanguageByte { byte } => write!(f, " (0x{byte:02X})"),
            _ => Ok(()),
        }
    }
}

impl core::error::Error for NotSafelisted {}

/// Whether `byte` is a CORS-unsafe request-header byte: a byte below 0x20 other than HT, or
/// one of `"():<>?@[\]{}` and DEL.
///
/// <https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte>
pub const fn is_cors_unsafe_request_header_byte(byte: u8) -> bool {
    (byte < 0x20 && byte != b'\t')
        || matches!(
            byte,
            b'"' | b'('
                | b')'
                | b':'
                | b'<'
                | b'>'
                | b'?'
                | b'@'
                | b'['
                | b'\\'
                | b']'
                | b'{'
                | b'}'
                | 0x7F
        )
}

/// Whether `byte` may appear in an `Accept-Language` or `Content-Language` value that is
/// CORS-safelisted: `0-9 A-Z a-z`, SP, `*`, `,`, `-`, `.`, `;` or `=`.
const fn is_language_byte(byte: u8) -> bool {
    matches!(byte, b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' | b' ' | b'*' | b',' | b'-' | b'.' | b';' | b'=')
}

/// Checks whether (`name`, `value`) is a CORS-safelisted request-header, and if not, why.
///
/// `profile` selects the standard as written or a browser's deviations (see
/// [`Profile`]); today both give the same answers.
///
/// <https://fetch.spec.whatwg.org/#cors-safelisted-request-header>
pub fn check_cors_safelisted_request_header(
    name: &[u8],
    value: &[u8],
    profile: Profile,
) -> Result<(), NotSafelisted> {
    // Step 1. If value's length is greater than 128, then return false.
    if value.len() > MAX_SAFELISTED_VALUE_LEN {
        return Err(NotSafelisted::ValueTooLong);
    }
    // Step 2. Byte-lowercase name and switch on the result.
    if name.eq_ignore_ascii_case(b"accept") {
        // `accept`: if value contains a CORS-unsafe request-header byte, return false.
        check_no_unsafe_byte(value)
    } else if name.eq_ignore_ascii_case(b"accept-language")
        || name.eq_ignore_ascii_case(b"content-language")
    {
        check_language_value(value)
    } else if name.eq_ignore_ascii_case(b"content-type") {
        check_content_type(value)
    } else if name.eq_ignore_ascii_case(b"range") {
        check_range(value, profile)
    } else if let Some(ok) = safelisted_by_profile_only(name, value, profile) {
        if ok {
            Ok(())
        } else {
            Err(NotSafelisted::ProfileValueRule)
        }
    } else {
        // Otherwise: return false.
        Err(NotSafelisted::NameNotSafelisted)
    }
    // Step 3. Return true.
}

/// Whether (`name`, `value`) is a CORS-safelisted request-header.
///
/// <https://fetch.spec.whatwg.org/#cors-safelisted-request-header>
pub fn is_cors_safelisted_request_header(name: &[u8], value: &[u8], profile: Profile) -> bool {
    check_cors_safelisted_request_header(name, value, profile).is_ok()
}

fn check_no_unsafe_byte(value: &[u8]) -> Result<(), NotSafelisted> {
    match value
        .iter()
        .find(|&&b| is_cors_unsafe_request_header_byte(b))
    {
        Some(&byte) => Err(NotSafelisted::UnsafeByte { byte }),
        None => Ok(()),
    }
}

/// `accept-language`, `content-language`: if value contains a byte outside the language
/// set, return false.
fn check_language_value(value: &[u8]) -> Result<(), NotSafelisted> {
    match value.iter().find(|&&b| !is_language_byte(b)) {
        Some(&byte) => Err(NotSafelisted::LanguageByte { byte }),
        None => Ok(()),
    }
}

/// `content-type`, substeps 1–3.
fn check_content_type(value: &[u8]) -> Result<(), NotSafelisted> {
    // 1. If value contains a CORS-unsafe request-header byte, then return false.
    check_no_unsafe_byte(value)?;
    // 2. Let mimeType be the result of parsing the result of isomorphic decoding value.
    // 3. If mimeType is failure, then return false.
    let mime = parse_mime_type(value).map_err(NotSafelisted::ContentTypeUnparsable)?;
    // 4. If mimeType's essence is not "application/x-www-form-urlencoded",
    //    "multipart/form-data", or "text/plain", then return false.
    let allowed: [&[u8]; 3] = [
        b"application/x-www-form-urlencoded",
        b"multipart/form-data",
        b"text/plain",
    ];
    if allowed.iter().any(|essence| mime.essence_eq(essence)) {
        Ok(())
    } else {
        Err(NotSafelisted::ContentTypeEssence)
    }
}

/// `range`, substeps 1–3.
fn check_range(value: &[u8], profile: Profile) -> Result<(), NotSafelisted> {
    // 1. Let rangeValue be the result of parsing a single range header value given value
    //    and false.
    // 2. If rangeValue is failure, then return false.
    let range =
        parse_single_range_header_value(value, false).map_err(NotSafelisted::RangeUnparsable)?;
    // 3. If rangeValue[0] is null, then return false.
    if range.start.is_none() {
        return Err(NotSafelisted::RangeSuffix);
    }
    // Deviation (DEV-CHROMIUM-RANGE-INT64): Chromium parses the bounds as 64-bit integers.
    let within = |profile| match profile {
        Profile::Spec => true,
        Profile::Chromium => {
            super::chromium::range_bound_ok(range.start.as_ref())
                && super::chromium::range_bound_ok(range.end.as_ref())
        }
    };
    if !within(profile) {
        return Err(NotSafelisted::RangeBoundTooLarge);
    }
    Ok(())
}

/// A name a browser profile safelists although the Fetch Standard does not: `None` when
/// the profile adds nothing for `name`, else whether the value passes the profile's rule.
///
/// Deviation (DEV-CHROMIUM-CLIENT-HINTS): Chromium still safelists the legacy client hints
/// (`DPR`, `Save-Data`, …) with a value rule each; see [`super::chromium`]. `Last-Event-ID`,
/// which web-platform-tests expects safelisted (wpt PR #49257) and the standard does not
/// (whatwg/fetch PR #1788 unmerged), is not safelisted by Chromium 156 either (recorded:
/// `rc-last-event-id-ascii`), so no profile safelists it.
fn safelisted_by_profile_only(name: &[u8], value: &[u8], profile: Profile) -> Option<bool> {
    match profile {
        Profile::Spec => None,
        Profile::Chromium => super::chromium::client_hint_value_ok(name, value),
    }
}

/// Whether `name` is a no-CORS-safelisted request-header name: `Accept`,
/// `Accept-Language`, `Content-Language` or `Content-Type` (not `Range`).
///
/// <https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header-name>
pub fn is_no_cors_safelisted_request_header_name(name: &[u8]) -> bool {
    NO_CORS_SAFELISTED_NAMES
        .iter()
        .any(|safelisted| name.eq_ignore_ascii_case(safelisted))
}

/// The no-CORS-safelisted request-header names, lowercase.
pub(crate) const NO_CORS_SAFELISTED_NAMES: [&[u8]; 4] = [
    b"accept",
    b"accept-language",
    b"content-language",
    b"content-type",
];

/// Checks whether (`name`, `value`) is a no-CORS-safelisted request-header: the name is a
/// no-CORS-safelisted request-header name and the pair is a CORS-safelisted
/// request-header. A name outside that set gives [`NotSafelisted::NameNotSafelisted`].
///
/// <https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header>
pub fn check_no_cors_safelisted_request_header(
    name: &[u8],
    value: &[u8],
    profile: Profile,
) -> Result<(), NotSafelisted> {
    // 1. If name is not a no-CORS-safelisted request-header name, then return false.
    if !is_no_cors_safelisted_request_header_name(name) {
        return Err(NotSafelisted::NameNotSafelisted);
    }
    // 2. Return whether (name, value) is a CORS-safelisted request-header.
    check_cors_safelisted_request_header(name, value, profile)
}

/// Whether `name` is a privileged no-CORS request-header name: `Range`.
///
/// <https://fetch.spec.whatwg.org/#privileged-no-cors-request-header-name>
pub fn is_privileged_no_cors_request_header_name(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"range")
}

/// Whether `value` parses as a MIME type whose essence is one of the CORS protocol
/// exceptions: `application/csp-report`, `application/expect-ct-report+json`,
/// `application/xss-auditor-report` or `application/ocsp-request`.
///
/// Informational only: other standards send these without a preflight, but Fetch does not
/// safelist them, so a `Content-Type` with such a value stays CORS-unsafe here.
///
/// <https://fetch.spec.whatwg.org/#cors-protocol-exceptions>
pub fn is_cors_protocol_exception_content_type(value: &[u8]) -> bool {
    let exceptions: [&[u8]; 4] = [
        b"application/csp-report",
        b"application/expect-ct-report+json",
        b"application/xss-auditor-report",
        b"application/ocsp-request",
    ];
    parse_mime_type(value)
        .is_ok_and(|mime| exceptions.iter().any(|essence| mime.essence_eq(essence)))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        desc: &'static str,
        name: &'static str,
        value: &'static [u8],
        want: Result<(), NotSafelisted>,
    }

    const fn ok(desc: &'static str, name: &'static str, value: &'static [u8]) -> Case {
        Case {
            desc,
            name,
            value,
            want: Ok(()),
        }
    }

    const fn no(
        desc: &'static str,
        name: &'static str,
        value: &'static [u8],
        why: NotSafelisted,
    ) -> Case {
        Case {
            desc,
            name,
            value,
            want: Err(why),
        }
    }

    const LEN_128: &[u8] = &[b'a'; 128];
    const LEN_129: &[u8] = &[b'a'; 129];
    /// not-cors-safelisted.json: a 129-byte value.
    const DIGITS_129: &[u8] = b"012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678";

    /// cors-safelisted-request-header.any.js: 129 bytes, so step 1 fails before parsing.
    const RANGE_129: &[u8] = b"bytes=1000000000000000000000000000000000000000000000000000000000000-2000000000000000000000000000000000000000000000000000000000000";
    /// not-cors-safelisted.json: 129 bytes.
    const CONTENT_TYPE_129: &[u8] = b"text/plain; long=0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901";

    use NotSafelisted::{
        ContentTypeEssence, LanguageByte, NameNotSafelisted, ProfileValueRule, RangeBoundTooLarge,
        RangeSuffix, UnsafeByte, ValueTooLong,
    };

    /// Expected values from cors-vectors.json (request_header_safelist, not_cors_safelisted,
    /// no_preflight_requests) and the standard's text; the reason is the step that fails.
    static CASES: &[Case] = &[
        // Step 1: length, before the name is looked at.
        ok("accept of exactly 128 bytes", "accept", LEN_128),
        no("accept of 129 bytes", "accept", DIGITS_129, ValueTooLong),
        no("unknown name, long value", "x-test", LEN_129, ValueTooLong),
        no(
            "last-event-id of 129 bytes",
            "last-event-id",
            DIGITS_129,
            ValueTooLong,
        ),
        no("range of 129 bytes", "range", RANGE_129, ValueTooLong),
        no(
            "content-type of 129 bytes",
            "content-type",
            CONTENT_TYPE_129,
            ValueTooLong,
        ),
        // accept
        ok("accept */*", "Accept", b"*/*"),
        ok("accept with tab and high bytes", "accept", b"a\tb\x80\xff"),
        no(
            "accept with a quote",
            "accept",
            b"\"",
            UnsafeByte { byte: b'"' },
        ),
        no(
            "accept with DEL",
            "ACCEPT",
            b"a\x7f",
            UnsafeByte { byte: 0x7F },
        ),
        no(
            "accept with 0x01",
            "accept",
            b"\x01",
            UnsafeByte { byte: 0x01 },
        ),
        // accept-language / content-language
        ok("accept-language fr", "Accept-Language", b"fr"),
        ok("content-language fr", "Content-Language", b"fr"),
        ok("language set", "accept-language", b"en-US,fr;q=0.5 *"),
        no(
            "accept-language 0x01",
            "accept-language",
            b"\x01",
            LanguageByte { byte: 0x01 },
        ),
        no(
            "accept-language @",
            "accept-language",
            b"@",
            LanguageByte { byte: b'@' },
        ),
        no(
            "content-language 0x01",
            "content-language",
            b"\x01",
            LanguageByte { byte: 0x01 },
        ),
        no(
            "content-language @",
            "content-language",
            b"@",
            LanguageByte { byte: b'@' },
        ),
        no(
            "language tab",
            "content-language",
            b"a\tb",
            LanguageByte { byte: b'\t' },
        ),
        no(
            "language high byte",
            "content-language",
            b"\xe9",
            LanguageByte { byte: 0xE9 },
        ),
        // content-type
        ok(
            "urlencoded",
            "Content-Type",
            b"application/x-www-form-urlencoded",
        ),
        ok("multipart", "Content-Type", b"multipart/form-data"),
        ok("text/plain", "Content-Type", b"text/plain"),
        ok(
            "text/plain charset",
            "Content-Type",
            b"text/plain;charset=utf-8",
        ),
        ok("essence case", "Content-Type", b"Text/Plain;charset=utf-8"),
        ok("empty parameter", "content-type", b"text/plain;"),
        ok("garbage parameter", "content-type", b"text/plain;garbage"),
        no(
            "text/html",
            "content-type",
            b"text/html",
            ContentTypeEssence,
        ),
        no(
            "misspelt essence",
            "content-type",
            b"application/www-form-urlencoded",
            ContentTypeEssence,
        ),
        no(
            "control bytes",
            "content-type",
            b"text/plain;garbage\x01\x02",
            UnsafeByte { byte: 0x01 },
        ),
        no(
            "vertical tab",
            "content-type",
            b"text/plain\x0b",
            UnsafeByte { byte: 0x0B },
        ),
        no(
            "form feed",
            "content-type",
            b"text/plain\x0c",
            UnsafeByte { byte: 0x0C },
        ),
        no(
            "DEL parameter",
            "content-type",
            b"application/x-www-form-urlencoded;\x7f",
            UnsafeByte { byte: 0x7F },
        ),
        no(
            "quote parameter",
            "content-type",
            b"multipart/form-data;\"",
            UnsafeByte { byte: b'"' },
        ),
        // range
        ok("range start-end", "range", b"bytes=100-200"),
        ok("range open end", "Range", b"bytes=200-"),
        no("range suffix", "range", b"bytes=-200", RangeSuffix),
        // other names
        no(
            "authorization",
            "authorization",
            b"basics",
            NameNotSafelisted,
        ),
        no("unknown name", "test", b"hi", NameNotSafelisted),
        no(
            "last-event-id per the standard",
            "last-event-id",
            b"abc123",
            NameNotSafelisted,
        ),
    ];

    /// Names only the Chromium profile safelists (DEV-CHROMIUM-CLIENT-HINTS) and the
    /// range bounds only it limits (DEV-CHROMIUM-RANGE-INT64): (name, value, Spec, Chromium),
    /// every row a recorded Chromium 156 scenario.
    type Outcome = Result<(), NotSafelisted>;
    const PROFILE_CASES: [(&str, &[u8], Outcome, Outcome); 6] = [
        ("dpr", b"2", Err(NameNotSafelisted), Ok(())),
        ("width", b"100", Err(NameNotSafelisted), Ok(())),
        ("DPR", b"abc", Err(NameNotSafelisted), Err(ProfileValueRule)),
        (
            "Last-Event-ID",
            b"1",
            Err(NameNotSafelisted),
            Err(NameNotSafelisted),
        ),
        ("Range", b"bytes=0-9223372036854775806", Ok(()), Ok(())),
        (
            "Range",
            b"bytes=0-9223372036854775807",
            Ok(()),
            Err(RangeBoundTooLarge),
        ),
    ];

    #[test]
    fn cases_that_depend_on_the_profile() {
        for (name, value, spec, chromium) in PROFILE_CASES {
            let check = |p| check_cors_safelisted_request_header(name.as_bytes(), value, p);
            assert_eq!(check(Profile::Spec), spec, "spec {name}: {value:?}");
            assert_eq!(
                check(Profile::Chromium),
                chromium,
                "chromium {name}: {value:?}"
            );
        }
    }

    #[test]
    fn cases_for_both_profiles() {
        for case in CASES {
            for profile in [Profile::Spec, Profile::Chromium] {
                let got =
                    check_cors_safelisted_request_header(case.name.as_bytes(), case.value, profile);
                assert_eq!(
                    got, case.want,
                    "{} ({:?}: {:?})",
                    case.desc, case.name, case.value
                );
                assert_eq!(
                    is_cors_safelisted_request_header(case.name.as_bytes(), case.value, profile),
                    case.want.is_ok(),
                    "{}",
                    case.desc
                );
            }
        }
    }

    /// The Content-Type and Range values the vectors expect to need a preflight, whose
    /// reason depends on the MIME and range parsers: only "not safelisted" is asserted.
    #[test]
    fn rejects_unparsable_content_type_and_range() {
        let content_types: [&[u8]; 6] = [
            b"text /plain",
            b"text\t/\tplain",
            b"text/plain,",
            b",text/plain",
            b"text/plain,text/plain",
            b"text/plain,x/x",
        ];
        for value in content_types {
            assert!(
                !is_cors_safelisted_request_header(b"content-type", value, Profile::Spec),
                "{value:?}"
            );
        }
        let ranges: [&[u8]; 20] = [
            b"100-200",
            b"MB=100-200",
            b"bytes =100-200",
            b"bytes\t=100-200",
            b"bytes=  100-200",
            b"bytes=\t\t100-200",
            b"bytes= \t100-200",
            b"bytes=100 -200",
            b"bytes=100\t-200",
            b"bytes=100- 200",
            b"bytes=100-\t200",
            b"bytes=100-200hello",
            b"bytes=abc-def",
            b"bytes=100-200,300-400",
            b"bytes=200-100",
            b"bytes 100-200",
            b"bytes = 100-200",
            b",bytes=100-200",
            b"bytes=,100-200",
            b"bytes 0-",
        ];
        for value in ranges {
            let got = check_cors_safelisted_request_header(b"range", value, Profile::Spec);
            assert!(
                matches!(got, Err(NotSafelisted::RangeUnparsable(_))),
                "{value:?}: {got:?}"
            );
        }
    }

    #[test]
    fn unsafe_bytes_are_exactly_the_standard_set() {
        let listed: &[u8] = b"\"():<>?@[\\]{}\x7f";
        for byte in 0..=255u8 {
            let want = (byte < 0x20 && byte != b'\t') || listed.contains(&byte);
            assert_eq!(
                is_cors_unsafe_request_header_byte(byte),
                want,
                "0x{byte:02X}"
            );
        }
    }

    #[test]
    fn name_sets() {
        for name in [
            "Accept",
            "accept-language",
            "CONTENT-LANGUAGE",
            "Content-Type",
        ] {
            assert!(
                is_no_cors_safelisted_request_header_name(name.as_bytes()),
                "{name:?}"
            );
        }
        for name in ["range", "last-event-id", "authorization", "dpr"] {
            assert!(
                !is_no_cors_safelisted_request_header_name(name.as_bytes()),
                "{name:?}"
            );
        }
        assert!(is_privileged_no_cors_request_header_name(b"RANGE"));
        assert!(!is_privileged_no_cors_request_header_name(b"accept"));
        assert!(is_cors_non_wildcard_request_header_name(b"Authorization"));
        assert!(!is_cors_non_wildcard_request_header_name(b"cookie"));
    }

    #[test]
    fn no_cors_safelisted_needs_the_name_and_the_value() {
        let check =
            |n: &[u8], v: &[u8]| check_no_cors_safelisted_request_header(n, v, Profile::Spec);
        assert_eq!(check(b"accept", b"*/*"), Ok(()));
        // Range is CORS-safelisted but not a no-CORS-safelisted name.
        assert_eq!(check(b"range", b"bytes=0-1"), Err(NameNotSafelisted));
        assert_eq!(check(b"accept", b"\""), Err(UnsafeByte { byte: b'"' }));
    }

    #[test]
    fn protocol_exceptions_stay_unsafe() {
        for value in [
            &b"application/csp-report"[..],
            b"application/expect-ct-report+json",
            b"application/xss-auditor-report",
            b"application/ocsp-request",
        ] {
            assert!(is_cors_protocol_exception_content_type(value), "{value:?}");
            assert_eq!(
                check_cors_safelisted_request_header(b"content-type", value, Profile::Spec),
                Err(ContentTypeEssence),
                "{value:?}"
            );
        }
        assert!(!is_cors_protocol_exception_content_type(b"text/plain"));
    }
}
