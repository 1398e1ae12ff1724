//! Public suffixes and registrable domains with [`PublicSuffixes`]: the URL Standard's
//! example table (<https://url.spec.whatwg.org/#host-public-suffix>), hosts given as URLs so
//! they go through the host parser first (lowercasing, IDNA, IP addresses).

use cors_std::cors_core::{OpaqueId, Origin, same_site, schemelessly_same_site};
use cors_std::{OwnedOrigin, PublicSuffixes, url_origin};

/// The URL Standard's table: host input, public suffix, registrable domain.
const SPEC_EXAMPLES: &[(&str, Option<&str>, Option<&str>)] = &[
    ("com", Some("com"), None),
    ("example.com", Some("com"), Some("example.com")),
    ("www.example.com", Some("com"), Some("example.com")),
    ("sub.www.example.com", Some("com"), Some("example.com")),
    ("EXAMPLE.COM", Some("com"), Some("example.com")),
    ("example.com.", Some("com."), Some("example.com.")),
    ("github.io", Some("github.io"), None),
    (
        "whatwg.github.io",
        Some("github.io"),
        Some("whatwg.github.io"),
    ),
    (
        "\u{625}\u{62e}\u{62a}\u{628}\u{627}\u{631}",
        Some("xn--kgbechtv"),
        None,
    ),
    (
        "example.\u{625}\u{62e}\u{62a}\u{628}\u{627}\u{631}",
        Some("xn--kgbechtv"),
        Some("example.xn--kgbechtv"),
    ),
    (
        "sub.example.\u{625}\u{62e}\u{62a}\u{628}\u{627}\u{631}",
        Some("xn--kgbechtv"),
        Some("example.xn--kgbechtv"),
    ),
    ("[2001:0db8:85a3:0000:0000:8a2e:0370:7334]", None, None),
];

/// The origin of `https://{host}/`.
fn origin(host: &str) -> OwnedOrigin {
    match url_origin(&format!("https://{host}/"), None) {
        Ok(origin) => OwnedOrigin::from_url_origin(&origin, OpaqueId(0)),
        Err(error) => panic!("{error}"),
    }
}

#[test]
fn spec_examples() {
    for &(input, suffix, registrable) in SPEC_EXAMPLES {
        let origin = origin(input);
        let Origin::Tuple(tuple) = origin.as_origin() else {
            panic!("{input}: opaque origin");
        };
        assert_eq!(
            PublicSuffixes.host_public_suffix(&tuple.host),
            suffix,
            "public suffix of {input}"
        );
        assert_eq!(
            PublicSuffixes.host_registrable_domain(&tuple.host),
            registrable,
            "registrable domain of {input}"
        );
    }
}

#[test]
fn ip_addresses_have_no_suffix() {
    for host in ["127.0.0.1", "0x7f.1", "[::1]"] {
        let origin = origin(host);
        let Origin::Tuple(tuple) = origin.as_origin() else {
            panic!("{host}: opaque origin");
        };
        assert_eq!(
            PublicSuffixes.host_public_suffix(&tuple.host),
            None,
            "{host}"
        );
        assert_eq!(
            PublicSuffixes.host_registrable_domain(&tuple.host),
            None,
            "{host}"
        );
    }
}

#[test]
fn internationalized_rules_match_their_punycode() {
    // 公司.cn is a public suffix listed in Unicode; the parsed host is Punycode.
    let origin = origin("example.\u{516c}\u{53f8}.cn");
    let Origin::Tuple(tuple) = origin.as_origin() else {
        panic!("opaque origin");
    };
    assert_eq!(
        PublicSuffixes.host_public_suffix(&tuple.host),
        Some("xn--55qx5d.cn")
    );
    assert_eq!(
        PublicSuffixes.host_registrable_domain(&tuple.host),
        Some("example.xn--55qx5d.cn")
    );
}

#[test]
fn same_site_uses_the_list() {
    let a = origin("a.example.com");
    let b = origin("b.example.com:8443");
    let c = origin("whatwg.github.io");
    let d = origin("other.github.io");
    assert!(same_site(&a.as_origin(), &b.as_origin(), &PublicSuffixes));
    assert!(!same_site(&c.as_origin(), &d.as_origin(), &PublicSuffixes));
    let http = match url_origin("http://a.example.com/", None) {
        Ok(origin) => OwnedOrigin::from_url_origin(&origin, OpaqueId(0)),
        Err(error) => panic!("{error}"),
    };
    assert!(!same_site(
        &a.as_origin(),
        &http.as_origin(),
        &PublicSuffixes
    ));
    assert!(schemelessly_same_site(
        &a.as_origin(),
        &http.as_origin(),
        &PublicSuffixes
    ));
}
