//! The standards' own example tables for hosts, public suffixes, same origin-domain and
//! same site, as the project's tables.
//!
//! Sources: url.bs `#example-host-parsing` and `#example-host-psl`; the HTML Standard's
//! Origins section (same origin-domain table) and Sites section (same site table).

use cors_core::{Host, Origin, TupleOrigin, parse_host, same_site, schemelessly_same_site};
use cors_std::Uts46;
use cors_tests::{ListedSuffixes, describe_host as describe};

struct HostCase {
    input: &'static str,
    not_opaque: &'static str,
    opaque: &'static str,
}

/// url.bs #example-host-parsing.
static HOST_PARSING: &[HostCase] = &[
    HostCase {
        input: "EXAMPLE.COM",
        not_opaque: "example.com (domain)",
        opaque: "EXAMPLE.COM (opaque host)",
    },
    HostCase {
        input: "example%2Ecom",
        not_opaque: "example.com (domain)",
        opaque: "example%2Ecom (opaque host)",
    },
    HostCase {
        input: "faß.example",
        not_opaque: "xn--fa-hia.example (domain)",
        opaque: "fa%C3%9F.example (opaque host)",
    },
    HostCase {
        input: "0",
        not_opaque: "0.0.0.0 (IPv4)",
        opaque: "0 (opaque host)",
    },
    HostCase {
        input: "%30",
        not_opaque: "0.0.0.0 (IPv4)",
        opaque: "%30 (opaque host)",
    },
    HostCase {
        input: "0x",
        not_opaque: "0.0.0.0 (IPv4)",
        opaque: "0x (opaque host)",
    },
    HostCase {
        input: "0xffffffff",
        not_opaque: "255.255.255.255 (IPv4)",
        opaque: "0xffffffff (opaque host)",
    },
    HostCase {
        input: "[0:0::1]",
        not_opaque: "[::1] (IPv6)",
        opaque: "[::1] (IPv6)",
    },
    HostCase {
        input: "[0:0::1%5D",
        not_opaque: "failure",
        opaque: "failure",
    },
    HostCase {
        input: "[0:0::%31]",
        not_opaque: "failure",
        opaque: "failure",
    },
    HostCase {
        input: "09",
        not_opaque: "failure",
        opaque: "09 (opaque host)",
    },
    HostCase {
        input: "example.255",
        not_opaque: "failure",
        opaque: "example.255 (opaque host)",
    },
    HostCase {
        input: "example^example",
        not_opaque: "failure",
        opaque: "failure",
    },
];

#[test]
fn host_parsing_examples() {
    for case in HOST_PARSING {
        let special = describe(parse_host(case.input, false, &Uts46));
        assert_eq!(special, case.not_opaque, "{:?} not opaque", case.input);
        let opaque = describe(parse_host(case.input, true, &Uts46));
        assert_eq!(opaque, case.opaque, "{:?} opaque", case.input);
    }
}

// url.bs #example-host-psl (public suffix, registrable domain) is the table of
// `cors-std/tests/public_suffix.rs`, next to the `PublicSuffixes` implementation.

/// (scheme, host, port, domain) as the HTML Standard's table writes a tuple origin.
type Tuple = (
    &'static str,
    &'static str,
    Option<u16>,
    Option<&'static str>,
);

fn origin(&(scheme, host, port, domain): &Tuple) -> Origin<'static> {
    Origin::Tuple(TupleOrigin {
        scheme,
        host: Host::Domain(host),
        port,
        domain,
    })
}

/// The HTML Standard's same origin / same origin-domain example table.
static SAME_ORIGIN_DOMAIN: &[(Tuple, Tuple, bool, bool)] = &[
    (
        ("https", "example.org", None, None),
        ("https", "example.org", None, None),
        true,
        true,
    ),
    (
        ("https", "example.org", Some(314), None),
        ("https", "example.org", Some(420), None),
        false,
        false,
    ),
    (
        ("https", "example.org", Some(314), Some("example.org")),
        ("https", "example.org", Some(420), Some("example.org")),
        false,
        true,
    ),
    (
        ("https", "example.org", None, None),
        ("https", "example.org", None, Some("example.org")),
        true,
        false,
    ),
    (
        ("https", "example.org", None, Some("example.org")),
        ("http", "example.org", None, Some("example.org")),
        false,
        false,
    ),
];

#[test]
fn same_origin_domain_examples() {
    for (a, b, same_origin, same_origin_domain) in SAME_ORIGIN_DOMAIN {
        let (a, b) = (origin(a), origin(b));
        assert_eq!(
            a.is_same_origin(&b),
            *same_origin,
            "{a:?} same origin {b:?}"
        );
        assert_eq!(a.is_same_origin(&b), b.is_same_origin(&a), "symmetric");
        assert_eq!(
            a.is_same_origin_domain(&b),
            *same_origin_domain,
            "{a:?} same origin-domain {b:?}"
        );
    }
}

/// The HTML Standard's sites example table, which assumes these public suffixes.
static ASSUMED_SUFFIXES: ListedSuffixes<'static> =
    ListedSuffixes(&["wildlife.museum", "museum", "com"]);

/// (A, B, schemelessly same site, same site).
type SchemeAndHost = (&'static str, &'static str);

static SAME_SITE: &[(SchemeAndHost, SchemeAndHost, bool, bool)] = &[
    (
        ("https", "example.com"),
        ("https", "sub.example.com"),
        true,
        true,
    ),
    (
        ("https", "example.com"),
        ("https", "sub.other.example.com"),
        true,
        true,
    ),
    (
        ("https", "example.com"),
        ("http", "non-secure.example.com"),
        true,
        false,
    ),
    (
        ("https", "r.wildlife.museum"),
        ("https", "sub.r.wildlife.museum"),
        true,
        true,
    ),
    (
        ("https", "r.wildlife.museum"),
        ("https", "sub.other.r.wildlife.museum"),
        true,
        true,
    ),
    (
        ("https", "r.wildlife.museum"),
        ("https", "other.wildlife.museum"),
        false,
        false,
    ),
    (
        ("https", "r.wildlife.museum"),
        ("https", "wildlife.museum"),
        false,
        false,
    ),
    (
        ("https", "wildlife.museum"),
        ("https", "wildlife.museum"),
        true,
        true,
    ),
    (
        ("https", "example.com"),
        ("https", "example.com."),
        false,
        false,
    ),
];

#[test]
fn same_site_examples() {
    for &((sa, ha), (sb, hb), schemelessly, same) in SAME_SITE {
        let a = Origin::tuple(sa, Host::Domain(ha), None);
        let b = Origin::tuple(sb, Host::Domain(hb), None);
        assert_eq!(
            schemelessly_same_site(&a, &b, &ASSUMED_SUFFIXES),
            schemelessly,
            "{a} schemelessly same site {b}"
        );
        assert_eq!(
            same_site(&a, &b, &ASSUMED_SUFFIXES),
            same,
            "{a} same site {b}"
        );
        assert_eq!(
            same_site(&b, &a, &ASSUMED_SUFFIXES),
            same,
            "{b} same site {a} (symmetric)"
        );
    }
}

/// Through the real UTS #46: toascii.json's `xn--tešla` fails, and a domain that maps to
/// nothing (U+00AD SOFT HYPHEN is ignored) is empty.
#[test]
fn rejects_idna_failure_and_empty_result() {
    use cors_core::HostParseError;
    assert_eq!(
        parse_host("xn--te\u{161}la", false, &Uts46),
        Err(HostParseError::IdnaFailure)
    );
    assert_eq!(
        parse_host("\u{ad}", false, &Uts46),
        Err(HostParseError::EmptyHost)
    );
}
