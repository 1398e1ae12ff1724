//! The Public Suffix List, with the `psl` crate.
//!
//! <https://url.spec.whatwg.org/#host-public-suffix>,
//! <https://github.com/publicsuffix/list/wiki/Format#algorithm>

use std::borrow::Cow;

use cors_core::origin::site;
use cors_core::{Host, PublicSuffixList};
use psl::Psl as _;

/// The Public Suffix List compiled into the `psl` crate (ICANN and private sections), with
/// the list's default rule `*`: a domain no rule matches has its last label as its public
/// suffix.
///
/// The `psl` crate keys internationalized rules by their Unicode labels while hosts are
/// ASCII after the domain parser, so each `xn--` label of the domain is decoded for the lookup
/// (only when the decoding encodes back to the same label, so a match on the decoded label is
/// exactly a match on the rule's Punycode form).
///
/// ```
/// use cors_std::PublicSuffixes;
/// use cors_std::cors_core::Host;
///
/// let host = Host::Domain("whatwg.github.io");
/// assert_eq!(PublicSuffixes.host_public_suffix(&host), Some("github.io"));
/// assert_eq!(PublicSuffixes.host_registrable_domain(&host), Some("whatwg.github.io"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct PublicSuffixes;

impl PublicSuffixes {
    /// A host's public suffix: null unless the host is a domain; a trailing dot is kept.
    ///
    /// <https://url.spec.whatwg.org/#host-public-suffix>
    pub fn host_public_suffix<'a>(&self, host: &Host<'a>) -> Option<&'a str> {
        site::public_suffix(host, self)
    }

    /// A host's registrable domain: null when the host is not a domain or is a public suffix.
    ///
    /// <https://url.spec.whatwg.org/#host-registrable-domain>
    pub fn host_registrable_domain<'a>(&self, host: &Host<'a>) -> Option<&'a str> {
        site::registrable_domain(host, self)
    }
}

impl PublicSuffixList for PublicSuffixes {
    fn public_suffix<'d>(&self, domain: &'d str) -> &'d str {
        let labels: Vec<&str> = domain.split('.').collect();
        // The labels as the list is keyed: `xn--` labels decoded to Unicode.
        let keys: Vec<Cow<'_, str>> = labels.iter().map(|label| lookup_key(label)).collect();
        let info = psl::List.find(keys.iter().rev().map(|key| key.as_bytes()));
        // `info.len` counts the bytes of the matched keys and the dots between them: turn it
        // into a number of labels.
        let mut matched = 0;
        let mut len = 0;
        for key in keys.iter().rev() {
            if len >= info.len {
                break;
            }
            len += key.len() + usize::from(matched > 0);
            matched += 1;
        }
        // The default rule `*`: at least the last label.
        let matched = matched.max(1);
        // The suffix of `domain` made of its last `matched` labels.
        let kept: usize = labels
            .iter()
            .rev()
            .take(matched)
            .map(|label| label.len())
            .sum();
        let start = domain.len().saturating_sub(kept + matched - 1);
        domain.get(start..).unwrap_or(domain)
    }
}

/// The label as the `psl` crate's list is keyed: an `xn--` label whose Punycode decodes, and
/// encodes back to the same label, becomes its Unicode form; any other label is itself.
fn lookup_key(label: &str) -> Cow<'_, str> {
    let Some(encoded) = label.strip_prefix("xn--") else {
        return Cow::Borrowed(label);
    };
    match idna::punycode::decode_to_string(encoded) {
        Some(decoded)
            if !decoded.is_ascii()
                && idna::punycode::encode_str(&decoded).as_deref() == Some(encoded) =>
        {
            Cow::Owned(decoded)
        }
        _ => Cow::Borrowed(label),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suffix(domain: &str) -> &str {
        PublicSuffixes.public_suffix(domain)
    }

    #[test]
    fn icann_and_private_rules() {
        assert_eq!(suffix("com"), "com");
        assert_eq!(suffix("example.com"), "com");
        assert_eq!(suffix("www.example.co.uk"), "co.uk");
        assert_eq!(suffix("github.io"), "github.io");
        assert_eq!(suffix("whatwg.github.io"), "github.io");
    }

    #[test]
    fn default_rule() {
        assert_eq!(suffix("example"), "example");
        assert_eq!(suffix("a.b.notatld"), "notatld");
        assert_eq!(suffix("localhost"), "localhost");
    }

    #[test]
    fn punycode_labels_match_unicode_rules() {
        // 公司.cn is listed as a Unicode rule.
        assert_eq!(suffix("xn--55qx5d.cn"), "xn--55qx5d.cn");
        assert_eq!(suffix("example.xn--55qx5d.cn"), "xn--55qx5d.cn");
        // Invalid Punycode matches no rule.
        assert_eq!(suffix("example.xn--a.cn"), "cn");
        assert_eq!(suffix("xn--kgbechtv"), "xn--kgbechtv");
    }

    #[test]
    fn wildcard_and_exception_rules() {
        // *.ck with the exception !www.ck.
        assert_eq!(suffix("a.b.ck"), "b.ck");
        assert_eq!(suffix("www.ck"), "ck");
    }

    #[test]
    fn empty_labels() {
        assert_eq!(suffix("a."), "");
        assert_eq!(suffix("a..com"), "com");
    }
}
