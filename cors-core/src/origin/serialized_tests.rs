extern crate std;
use std::string::ToString;

use core::net::{Ipv4Addr, Ipv6Addr};

use super::*;

#[test]
fn accepts_canonical_serialized_origins() {
    let cases: &[(&str, TupleOrigin<'_>)] = &[
        (
            "https://example.com",
            TupleOrigin::new("https", Host::Domain("example.com"), None),
        ),
        (
            "http://localhost:8080",
            TupleOrigin::new("http", Host::Domain("localhost"), Some(8080)),
        ),
        (
            "http://f:0",
            TupleOrigin::new("http", Host::Domain("f"), Some(0)),
        ),
        (
            "https://192.168.0.1",
            TupleOrigin::new("https", Host::Ipv4(Ipv4Addr::new(192, 168, 0, 1)), None),
        ),
        (
            "wss://[2001:db8::1]:8443",
            TupleOrigin::new(
                "wss",
                Host::Ipv6(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1)),
                Some(8443),
            ),
        ),
        (
            "chrome-extension://abcdef",
            TupleOrigin::new("chrome-extension", Host::Opaque("abcdef"), None),
        ),
        (
            "https://xn--fa-hia.example",
            TupleOrigin::new("https", Host::Domain("xn--fa-hia.example"), None),
        ),
        (
            "http://a-b.c1:65535",
            TupleOrigin::new("http", Host::Domain("a-b.c1"), Some(65535)),
        ),
        // Every special scheme, at the shortest lengths its prefix is read at, and schemes
        // that only begin like one.
        (
            "http://a",
            TupleOrigin::new("http", Host::Domain("a"), None),
        ),
        (
            "https://a",
            TupleOrigin::new("https", Host::Domain("a"), None),
        ),
        ("ws://a", TupleOrigin::new("ws", Host::Domain("a"), None)),
        ("wss://a", TupleOrigin::new("wss", Host::Domain("a"), None)),
        (
            "ftp://files.example",
            TupleOrigin::new("ftp", Host::Domain("files.example"), None),
        ),
        (
            "httpx://a",
            TupleOrigin::new("httpx", Host::Opaque("a"), None),
        ),
        (
            "http1://a",
            TupleOrigin::new("http1", Host::Opaque("a"), None),
        ),
        (
            "httpss://a",
            TupleOrigin::new("httpss", Host::Opaque("a"), None),
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(
            parse_origin_or_null(input.as_bytes()),
            Ok(OriginOrNull::Origin(*expected)),
            "{input:?}"
        );
        assert_eq!(
            OriginOrNull::parse(input),
            Ok(OriginOrNull::Origin(*expected)),
            "{input:?} as text"
        );
        assert_eq!(expected.to_string(), *input, "{input:?} serializes back");
    }
}

#[test]
fn accepts_null_as_distinct_from_failure() {
    assert_eq!(parse_origin_or_null(b"null"), Ok(OriginOrNull::Null));
    assert_eq!(
        OriginOrNull::Null.to_origin(OpaqueId(7)),
        Origin::Opaque(OpaqueId(7))
    );
    assert!(parse_origin_or_null(b"NULL").is_err());
    assert!(parse_origin_or_null(b"null ").is_err());
}

/// Every error kind, with the byte offset it reports.
#[test]
fn rejects_with_kind_and_position() {
    use SerializedOriginErrorKind as K;
    let cases: &[(&[u8], K, usize)] = &[
        (b"", K::Empty, 0),
        (b"HTTPS://example.com", K::UppercaseScheme, 0),
        (b"hTtp://example.com", K::UppercaseScheme, 1),
        (b"1http://example.com", K::InvalidScheme, 0),
        (b"ht_tp://example.com", K::InvalidScheme, 2),
        (b"://example.com", K::InvalidScheme, 0),
        (b"https:example.com", K::MissingSchemeSeparator, 5),
        (b"example.com", K::MissingSchemeSeparator, 11),
        (b"file://host", K::FileScheme, 0),
        (b"https://", K::EmptyHost, 8),
        (b"http://", K::EmptyHost, 7),
        (b"ws://", K::EmptyHost, 5),
        (b"http:/a", K::MissingSchemeSeparator, 4),
        (b"https:/a", K::MissingSchemeSeparator, 5),
        (b"ftp://a:21", K::DefaultPort, 8),
        (b"https://:8080", K::EmptyHost, 8),
        (b"https://Example.com", K::UppercaseHost, 8),
        (b"https://user@example.com", K::Userinfo, 12),
        (b"https://ex%41mple.com", K::InvalidHostByte, 10),
        (b"https://my_host.example", K::InvalidHostByte, 10),
        ("https://é.example".as_bytes(), K::InvalidHostByte, 8),
        (b"https://example.com.", K::EmptyLabel, 20),
        (b"https://.example.com", K::EmptyLabel, 8),
        (b"https://a..b", K::EmptyLabel, 10),
        (b"https://-a.example", K::LabelHyphen, 8),
        (b"https://a-.example", K::LabelHyphen, 9),
        (b"https://1.2.3", K::NonCanonicalIpv4, 8),
        (b"https://01.2.3.4", K::NonCanonicalIpv4, 8),
        (b"https://example.0x1", K::NonCanonicalIpv4, 8),
        (b"https://[::1", K::InvalidIpv6, 8),
        (b"https://[::g]", K::InvalidIpv6, 9),
        (b"https://[0:0::1]", K::NonCanonicalIpv6, 9),
        (b"https://[::FFFF]", K::NonCanonicalIpv6, 9),
        (b"https://[::1.2.3.4]", K::NonCanonicalIpv6, 9),
        (b"https://example.com:", K::EmptyPort, 20),
        (b"https://example.com:8x", K::InvalidPort, 21),
        (b"https://example.com:08080", K::PortLeadingZero, 20),
        (b"https://example.com:65536", K::PortOutOfRange, 20),
        (b"https://example.com:123456", K::PortOutOfRange, 20),
        (b"https://example.com:443", K::DefaultPort, 20),
        (b"http://example.com:80", K::DefaultPort, 19),
        (b"https://example.com/", K::Path, 19),
        (b"https://example.com:8080/x", K::Path, 24),
        (b"https://example.com?q", K::QueryOrFragment, 19),
        (b"https://example.com#f", K::QueryOrFragment, 19),
        (b"https://[::1]x", K::TrailingBytes, 13),
    ];
    for &(input, kind, position) in cases {
        assert_eq!(
            parse_origin_or_null(input),
            Err(SerializedOriginError { kind, position }),
            "{:?}",
            core::str::from_utf8(input)
        );
        if let Ok(text) = core::str::from_utf8(input) {
            let expected = Err(SerializedOriginError { kind, position });
            assert_eq!(OriginOrNull::parse(text), expected, "{text:?} as text");
        }
    }
}

#[test]
fn rejects_too_long_by_one() {
    let host = "a".repeat(MAX_SERIALIZED_ORIGIN_LEN - "https://".len());
    let at_limit = std::format!("https://{host}");
    assert!(parse_origin_or_null(at_limit.as_bytes()).is_ok());
    let over = std::format!("https://{host}a");
    assert_eq!(
        parse_origin_or_null(over.as_bytes()),
        Err(SerializedOriginError {
            kind: SerializedOriginErrorKind::TooLong,
            position: MAX_SERIALIZED_ORIGIN_LEN
        })
    );
}

#[test]
fn default_ports_apply_only_to_their_scheme() {
    assert!(parse_origin_or_null(b"https://example.com:80").is_ok());
    assert!(parse_origin_or_null(b"ftp://example.com:21").is_err());
    assert!(parse_origin_or_null(b"foo://example.com:80").is_ok());
}

/// The host is read in steps of four bytes: a byte that ends a run of letters and digits is
/// found, and named at its own offset, whatever the run's length and wherever the step
/// boundary falls.
#[test]
fn host_bytes_after_runs_of_every_length() {
    use SerializedOriginErrorKind as K;
    const PREFIX: &str = "https://";
    for run in 0..12 {
        let letters = "a1".repeat(run).get(..run).unwrap_or_default().to_string();
        let at = PREFIX.len() + run;
        // The grammar's verdict on the byte after the run, and on the end of the host.
        let refused: &[(&str, K, usize)] = &[
            ("A", K::UppercaseHost, at),
            ("_", K::InvalidHostByte, at),
            ("@b", K::Userinfo, at),
            ("\u{e9}", K::InvalidHostByte, at),
            // A `-` that starts the host, or ends it or a label.
            ("-", K::LabelHyphen, at),
            ("-.b", K::LabelHyphen, at),
            // The first dot ends a good label after a run; with none, the host starts with
            // a dot.
            ("..b", K::EmptyLabel, at + usize::from(run > 0)),
        ];
        for &(after, kind, position) in refused {
            let input = std::format!("{PREFIX}{letters}{after}");
            let expected = Err(SerializedOriginError { kind, position });
            assert_eq!(OriginOrNull::parse(&input), expected, "{input:?}");
        }
        if run == 0 {
            continue;
        }
        for after in ["", ".b", "-b", "--b.c", ":8080", ".b:1"] {
            let input = std::format!("{PREFIX}{letters}{after}");
            let parsed = OriginOrNull::parse(&input).map(|origin| origin.to_string());
            assert_eq!(parsed.as_deref(), Ok(input.as_str()), "{input:?}");
        }
    }
}
