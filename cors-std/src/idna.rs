//! UTS #46 ToASCII for the URL Standard's domain parser (named "domain to ASCII" until
//! 2026; the anchor is unchanged), with the `idna` crate.
//!
//! <https://url.spec.whatwg.org/#concept-domain-to-ascii>

use cors_core::DomainToAscii;
use cors_core::origin::host::{DomainString, IdnaError};
use idna::AsciiDenyList;

/// UTS #46 ToASCII with the URL Standard's flags, implemented with the `idna` crate: the
/// standard's "domain parser ToASCII" with beStrict false, which the domain parser runs in
/// its step 6.1 on a domain that is not ASCII.
///
/// The flags are `CheckHyphens` false, `CheckBidi` true, `CheckJoiners` true,
/// `UseSTD3ASCIIRules` false, `Transitional_Processing` false, `VerifyDnsLength` false and
/// `IgnoreInvalidPunycode` false: what [`idna::domain_to_ascii_cow`] does. It is given
/// [`AsciiDenyList::URL`], so a domain that maps to a forbidden domain code point fails here
/// (the check of the domain parser's step 8, which `cors-core` also runs).
///
/// Pass it wherever `cors-core` takes a [`DomainToAscii`], for instance to
/// [`cors_core::url_origin_with`] or [`cors_core::parse_host`].
///
/// ```
/// use cors_std::Uts46;
/// use cors_std::cors_core::parse_host;
///
/// let host = parse_host("B\u{fc}cher.de", false, &Uts46)?;
/// assert_eq!(host.to_string(), "xn--bcher-kva.de");
/// # Ok::<(), cors_std::cors_core::HostParseError>(())
/// ```
///
/// <https://url.spec.whatwg.org/#concept-domain-to-ascii>
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Uts46;

impl DomainToAscii for Uts46 {
    fn domain_to_ascii(&self, domain: &str, out: &mut DomainString) -> Result<(), IdnaError> {
        out.clear();
        // Step 6.1 of the domain parser: result is domain parser ToASCII with beStrict
        // false, that is Unicode ToASCII with the flags above; its failure is failure (6.2).
        // Step 7 (empty result) and step 8 (forbidden domain code points) are run by
        // `cors-core` on what is written here.
        let ascii = idna::domain_to_ascii_cow(domain.as_bytes(), AsciiDenyList::URL)
            .map_err(|_| IdnaError::Failure)?;
        out.push_str(&ascii).map_err(|_| IdnaError::TooLong)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_ascii(domain: &str) -> Result<DomainString, IdnaError> {
        let mut out = DomainString::new();
        Uts46.domain_to_ascii(domain, &mut out).map(|()| out)
    }

    #[test]
    fn maps_and_encodes() {
        assert_eq!(
            to_ascii("B\u{fc}cher.de").as_deref(),
            Ok("xn--bcher-kva.de")
        );
        assert_eq!(to_ascii("\u{1E9E}.com").as_deref(), Ok("xn--zca.com"));
        assert_eq!(to_ascii("a\u{ad}b").as_deref(), Ok("ab"));
    }

    #[test]
    fn failures() {
        // CheckJoiners: a ZWJ not after a virama.
        assert_eq!(to_ascii("\u{200d}.example"), Err(IdnaError::Failure));
        // CheckBidi: an Arabic letter followed by a Latin letter.
        assert_eq!(to_ascii("\u{64a}a"), Err(IdnaError::Failure));
        // U+FFFD is disallowed.
        assert_eq!(to_ascii("\u{fffd}.com"), Err(IdnaError::Failure));
    }

    #[test]
    fn too_long() {
        // Each U+00DF label becomes "xn--zca" (7 bytes): 200 labels are 1599 bytes.
        let long = ["\u{df}"; 200].join(".");
        assert_eq!(to_ascii(&long), Err(IdnaError::TooLong));
    }

    #[test]
    fn output_is_cleared() {
        let mut out = DomainString::new();
        let _ = out.push_str("stale");
        assert_eq!(Uts46.domain_to_ascii("\u{df}", &mut out), Ok(()));
        assert_eq!(out.as_str(), "xn--zca");
    }
}
