use core::net::{Ipv4Addr, Ipv6Addr};

use super::*;
use crate::test_rng::Xorshift;

extern crate std;
use std::string::{String, ToString};

fn show(result: Result<HostBuf, HostParseError>) -> String {
    match result {
        Ok(host) => host.to_string(),
        Err(error) => std::format!("failure: {error:?}"),
    }
}

/// (input, special-scheme result, non-special result): url.bs #example-host-parsing.
static HOST_PARSER_CASES: &[(&str, &str, &str)] = &[
    ("EXAMPLE.COM", "example.com", "EXAMPLE.COM"),
    ("example%2Ecom", "example.com", "example%2Ecom"),
    ("0", "0.0.0.0", "0"),
    ("%30", "0.0.0.0", "%30"),
    ("0x", "0.0.0.0", "0x"),
    ("0xffffffff", "255.255.255.255", "0xffffffff"),
    ("[0:0::1]", "[::1]", "[::1]"),
    (
        "[0:0::1%5D",
        "failure: Ipv6Unclosed",
        "failure: Ipv6Unclosed",
    ),
    ("[0:0::%31]", "failure: InvalidIpv6", "failure: InvalidIpv6"),
    ("09", "failure: InvalidIpv4", "09"),
    ("example.255", "failure: InvalidIpv4", "example.255"),
    (
        "example^example",
        "failure: ForbiddenDomainCodePoint",
        "failure: ForbiddenHostCodePoint",
    ),
];

#[test]
fn accepts_and_rejects_url_standard_host_examples() {
    for &(input, special, opaque) in HOST_PARSER_CASES {
        assert_eq!(
            show(parse_host(input, false, &NoIdna)),
            special,
            "{input:?} special"
        );
        assert_eq!(
            show(parse_host(input, true, &NoIdna)),
            opaque,
            "{input:?} opaque"
        );
    }
}

#[test]
fn rejects_non_ascii_domain_without_idna() {
    assert_eq!(
        parse_host("faß.example", false, &NoIdna),
        Err(HostParseError::NeedsIdna)
    );
    assert_eq!(
        show(parse_host("faß.example", true, &NoIdna)),
        "fa%C3%9F.example"
    );
}

#[test]
fn rejects_percent_decoded_invalid_utf8() {
    assert_eq!(
        parse_host("a%ffb", false, &NoIdna),
        Err(HostParseError::InvalidUtf8)
    );
}

#[test]
fn rejects_host_too_long_by_one() {
    let at_limit = "a".repeat(crate::limits::MAX_HOST_LEN);
    assert!(parse_host(&at_limit, false, &NoIdna).is_ok());
    let over = "a".repeat(crate::limits::MAX_HOST_LEN + 1);
    assert_eq!(
        parse_host(&over, false, &NoIdna),
        Err(HostParseError::TooLong)
    );
}

/// IPv4 parser examples from url.bs #concept-ipv4-parser and the spec model.
#[test]
fn accepts_ipv4_number_forms() {
    let cases: &[(&str, [u8; 4])] = &[
        ("0x7f.1", [127, 0, 0, 1]),
        ("192.0x00A80001", [192, 168, 0, 1]),
        ("4294967295", [255, 255, 255, 255]),
        ("256", [0, 0, 1, 0]),
        ("0x.0x.0", [0, 0, 0, 0]),
        ("1.2.3.4.", [1, 2, 3, 4]),
        ("0300.0250.0.01", [192, 168, 0, 1]),
    ];
    for &(input, octets) in cases {
        assert_eq!(parse_ipv4(input), Ok(Ipv4Addr::from(octets)), "{input:?}");
    }
}

#[test]
fn rejects_bad_ipv4() {
    for input in [
        "1.2.3.09",
        "4294967296",
        "1.2.3.4.5",
        "256.1.1.1",
        "1.256.1.1",
        "",
        ".",
        "1..2",
    ] {
        assert_eq!(
            parse_ipv4(input),
            Err(HostParseError::InvalidIpv4),
            "{input:?}"
        );
    }
}

#[test]
fn ends_in_a_number_follows_the_checker() {
    for (input, expected) in [
        ("1.2.3.4", true),
        ("example.0x", true),
        ("example.0xg", false),
        ("example.com", false),
        ("example.09", true),
        ("1.", true),
        ("", false),
        (".", false),
    ] {
        assert_eq!(ends_in_a_number(input), expected, "{input:?}");
    }
}

#[test]
fn roundtrip_ipv6_serializer_examples() {
    let cases: &[(&str, &str)] = &[
        ("::127.0.0.1", "::7f00:1"),
        ("0:0:0:0:0:0:13.1.68.3", "::d01:4403"),
        ("1:0::", "1::"),
        ("2001::1", "2001::1"),
        ("1:0:0:2:0:0:0:3", "1:0:0:2::3"),
        ("1:0:2:0:3:0:4:0", "1:0:2:0:3:0:4:0"),
        ("0:0:1:0:0:1:0:0", "::1:0:0:1:0:0"),
        ("::", "::"),
        (
            "ABCD:EF01:2345:6789:ABCD:EF01:2345:6789",
            "abcd:ef01:2345:6789:abcd:ef01:2345:6789",
        ),
    ];
    for &(input, expected) in cases {
        let address = parse_ipv6(input).unwrap_or(Ipv6Addr::UNSPECIFIED);
        let mut out = String::new();
        assert_eq!(write_ipv6(address, &mut out), Ok(()), "{input:?}");
        assert_eq!(out, expected, "{input:?}");
    }
}

#[test]
fn rejects_bad_ipv6() {
    for input in [
        "",
        ":",
        ":1",
        "1:",
        "1::2::3",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7",
        "12345::",
        "::1.2.3",
        "::1.2.3.4.5",
        "::01.2.3.4",
        "::256.0.0.1",
        "1:2:3:4:5:6:7:1.2.3.4",
        "::%31",
        "::1.2.3.",
        "g::",
    ] {
        assert_eq!(
            parse_ipv6(input),
            Err(HostParseError::InvalidIpv6),
            "{input:?}"
        );
    }
}

#[test]
fn rejects_empty_special_host() {
    assert_eq!(
        parse_host("", false, &NoIdna),
        Err(HostParseError::EmptyHost)
    );
    assert_eq!(parse_host("", true, &NoIdna), Ok(HostBuf::Empty));
}

/// An IDNA hook's failure is the host parser's `IdnaFailure`; its overflow is `TooLong`.
#[test]
fn maps_idna_hook_errors() {
    struct Failing(IdnaError);
    impl DomainToAscii for Failing {
        fn domain_to_ascii(&self, _: &str, _: &mut DomainString) -> Result<(), IdnaError> {
            Err(self.0)
        }
    }
    let host = "faß.example";
    let failure = parse_host(host, false, &Failing(IdnaError::Failure));
    assert_eq!(failure, Err(HostParseError::IdnaFailure));
    let too_long = parse_host(host, false, &Failing(IdnaError::TooLong));
    assert_eq!(too_long, Err(HostParseError::TooLong));
}

/// Pieces of hosts near the plain ASCII fast path's shape: letters of both cases, digits and
/// IPv4 number prefixes, `-` and `.` (empty labels, trailing dots), the `xn--` prefix in
/// every case and near misses of it, and what the fast path leaves to the full path: `%`,
/// non-ASCII, forbidden and other ASCII bytes.
const HOST_PIECES: &[&str] = &[
    "a", "B", "z", "Q", "com", "Example", "0", "1", "9", "255", "256", "08", "0x", "0X", "1f", "F",
    "g", "xn--", "XN--", "Xn--", "xN--", "xn-", "xn", "x-n--", "-", "--", ".", ".", "..", "%41",
    "%2e", "%2E", "%", "%zz", "%ff", "\u{df}", "\u{e9}", "\u{212a}", "_", "^", " ", "\u{7f}", "*",
];

/// A small deterministic generator ([`Xorshift`]), so a failure reproduces.
struct Hosts(Xorshift);

impl Hosts {
    /// One to eight pieces, mostly plain ones.
    fn host(&mut self) -> String {
        let mut host = String::new();
        let plain = HOST_PIECES
            .iter()
            .position(|&piece| piece == "%41")
            .unwrap_or(HOST_PIECES.len());
        for _ in 0..=self.0.below(8) {
            // Three times in four a piece of the fast path's alphabet.
            let range = if self.0.below(4) == 0 {
                HOST_PIECES.len()
            } else {
                plain
            };
            host.push_str(HOST_PIECES[self.0.below(range)]);
        }
        host
    }
}

/// Hosts at and around the length limit, ending in a letter, a number, `.` or `xn--`.
fn hosts_near_the_limit() -> std::vec::Vec<String> {
    let mut hosts = std::vec::Vec::new();
    for len in crate::limits::MAX_HOST_LEN - 3..=crate::limits::MAX_HOST_LEN + 2 {
        for tail in ["B", ".1", ".", ".0x1F", ".xn--a", "%41"] {
            let mut host = "aB.".repeat(len / 3 + 1);
            host.truncate(len.saturating_sub(tail.len()));
            host.push_str(tail);
            assert_eq!(host.len(), len, "{host:?}");
            hosts.push(host);
        }
        hosts.push("A".repeat(len));
    }
    hosts
}

/// An IDNA hook that answers every domain with a fixed ASCII domain, so non-ASCII input
/// reaches the steps after the domain parser's UTS #46 step on the full path.
struct FixedIdna;

impl DomainToAscii for FixedIdna {
    fn domain_to_ascii(&self, _: &str, out: &mut DomainString) -> Result<(), IdnaError> {
        out.push_str("xn--idna.0x1").map_err(|_| IdnaError::TooLong)
    }
}

/// The special-scheme host parser through `parse`, as a host buffer or the error.
fn special_host(
    parse: fn(&str, &dyn DomainToAscii, &mut DomainString) -> Result<HostShape, HostParseError>,
    input: &str,
    idna: &dyn DomainToAscii,
) -> Result<HostBuf, HostParseError> {
    let mut text = DomainString::new();
    let shape = parse(input, idna, &mut text)?;
    Ok(shape.into_host_buf(text))
}

/// The plain ASCII fast path gives the full path's whole result (the host or the error) for
/// every host near its shape, with either IDNA hook, and through `parse_host` too; and both
/// paths are taken many times, with domains, IPv4 addresses and failures on the fast one.
#[test]
fn plain_ascii_fast_path_agrees_with_the_full_path() {
    let mut generator = Hosts(Xorshift(0x2545_f491_4f6c_dd1d));
    let mut inputs: std::vec::Vec<String> = (0..200_000).map(|_| generator.host()).collect();
    inputs.extend(hosts_near_the_limit());
    inputs.extend(
        [
            "",
            ".",
            "..",
            "a..b",
            "a.",
            "a.1",
            "a.1.",
            "a.1..",
            "1..",
            "0x1f",
            "0X1F.",
            "a.0x",
            "a.09",
            "-",
            "-a-.-b-",
            "xn--",
            "XN--a.b",
            "a.Xn--b",
            "a.xn-b",
            "axn--b",
            "1.2.3.4",
            "1.2.3.4.5",
            "%41",
            "a%2Eb",
            "\u{df}",
        ]
        .map(String::from),
    );
    let (mut fast, mut full) = (0usize, 0usize);
    let (mut fast_domains, mut fast_ipv4, mut fast_errors) = (0usize, 0usize, 0usize);
    for input in &inputs {
        for idna in [&NoIdna as &dyn DomainToAscii, &FixedIdna] {
            let expected = special_host(domain::parse_special_host_full, input, idna);
            let actual = special_host(domain::parse_special_host, input, idna);
            assert_eq!(actual, expected, "{input:?}");
            if input.len() <= crate::limits::MAX_HOST_LEN && !input.starts_with('[') {
                assert_eq!(parse_host(input, false, idna), expected, "{input:?}");
            }
        }
        if domain::is_plain_ascii_domain(input.as_bytes()) {
            fast += 1;
            match special_host(domain::parse_special_host, input, &NoIdna) {
                Ok(HostBuf::Domain(_)) => fast_domains += 1,
                Ok(HostBuf::Ipv4(_)) => fast_ipv4 += 1,
                _ => fast_errors += 1,
            }
        } else {
            full += 1;
        }
    }
    std::println!(
        "{} hosts: {fast} fast ({fast_domains} domains, {fast_ipv4} IPv4, {fast_errors} \
         failures), {full} full",
        inputs.len()
    );
    assert!(fast > 50_000, "{fast} hosts took the fast path");
    assert!(full > 50_000, "{full} hosts took the full path");
    assert!(fast_domains > 10_000, "{fast_domains} fast domains");
    assert!(fast_ipv4 > 1_000, "{fast_ipv4} fast IPv4 addresses");
    assert!(fast_errors > 1_000, "{fast_errors} fast failures");
}

/// The fast path's shape: plain ASCII domains (`xn--` labels in any case included), not the
/// empty host, `%`, non-ASCII, other bytes, or more than `MAX_HOST_LEN` bytes.
#[test]
fn plain_ascii_fast_path_takes_its_shape_only() {
    for host in [
        "a", "A.b-C", "a..b.", ".", "-", "a.1", "0x1F", "axn--b", "a.xn-b", "x.n--", "xn--a",
        "XN--a", "a.Xn--b", "b.xN--",
    ] {
        assert!(domain::is_plain_ascii_domain(host.as_bytes()), "{host:?}");
    }
    let at_limit = "a".repeat(crate::limits::MAX_HOST_LEN);
    assert!(domain::is_plain_ascii_domain(at_limit.as_bytes()));
    let over = "a".repeat(crate::limits::MAX_HOST_LEN + 1);
    for host in ["", "a%41", "\u{df}", "a_b", "a b", "a:b", over.as_str()] {
        assert!(!domain::is_plain_ascii_domain(host.as_bytes()), "{host:?}");
    }
}
