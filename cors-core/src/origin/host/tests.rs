use core::net::{Ipv4Addr, Ipv6Addr};

use super::*;

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
