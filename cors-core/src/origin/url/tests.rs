extern crate std;
use std::string::{String, ToString};

use super::*;

fn origin_of(input: &str, base: Option<&str>) -> String {
    match url_origin(input, base) {
        Ok(origin) => origin.to_string(),
        Err(error) => std::format!("failure: {error:?}"),
    }
}

/// Cases from url.bs and web-platform-tests urltestdata.json (the full file runs in the
/// tests crate); these pin one behaviour of each parser state.
#[test]
fn accepts_urls_and_gives_their_origin() {
    let cases: &[(&str, Option<&str>, &str)] = &[
        ("https://example.com:443/", None, "https://example.com"),
        ("HTTP://EXAMPLE.com:0080/x", None, "http://example.com"),
        ("http://f:0/c", None, "http://f:0"),
        ("http://user:pass@host:21/", None, "http://host:21"),
        ("ftp://host:21/", None, "ftp://host"),
        ("wss://[0:0::1]:443", None, "wss://[::1]"),
        (
            "http://%30%78%63%30%2e%30%32%35%30.01",
            None,
            "http://192.168.0.1",
        ),
        (
            "\t h\ntt\rp://ex\tample.com \u{1}",
            None,
            "http://example.com",
        ),
        ("http:\\\\\\\\example.com\\x", None, "http://example.com"),
        (
            "//other.example/x",
            Some("https://base.example/a"),
            "https://other.example",
        ),
        (
            "/path",
            Some("http://base.example:81/a"),
            "http://base.example:81",
        ),
        (
            "http:foo",
            Some("http://base.example/"),
            "http://base.example",
        ),
        (
            "http:/x.example/",
            Some("https://base.example/"),
            "http://x.example",
        ),
        ("#frag", Some("sc:opaque"), "null"),
        ("sc://host/", None, "null"),
        ("file:///etc/passwd", None, "null"),
        (
            "blob:https://example.com:443/uuid",
            None,
            "https://example.com",
        ),
        ("blob:ftp://host/path", None, "null"),
        ("blob:http%3a//example.org/", None, "null"),
        ("blob:\u{1}https://example.org/", None, "null"),
        ("blob: https://example.org/", None, "https://example.org"),
        ("blob:https://example.org ?q", None, "null"),
    ];
    for &(input, base, expected) in cases {
        assert_eq!(
            origin_of(input, base),
            expected,
            "{input:?} against {base:?}"
        );
    }
}

#[test]
fn rejects_urls_that_fail_to_parse() {
    let cases: &[(&str, Option<&str>, UrlError)] = &[
        (
            "example.com",
            None,
            UrlError::Input(UrlFailure::MissingScheme),
        ),
        (
            "x",
            Some("sc:opaque"),
            UrlError::Input(UrlFailure::RelativeToOpaquePath),
        ),
        (
            "http://user@/",
            None,
            UrlError::Input(UrlFailure::HostMissing),
        ),
        (
            "http://:80/",
            None,
            UrlError::Input(UrlFailure::HostMissing),
        ),
        ("http:///", None, UrlError::Input(UrlFailure::HostMissing)),
        ("sc://:1/", None, UrlError::Input(UrlFailure::HostMissing)),
        (
            "http://host:8x/",
            None,
            UrlError::Input(UrlFailure::InvalidPort),
        ),
        (
            "http://host:65536/",
            None,
            UrlError::Input(UrlFailure::PortOutOfRange),
        ),
        (
            "http://a b/",
            None,
            UrlError::Input(UrlFailure::InvalidHost(
                HostParseError::ForbiddenDomainCodePoint,
            )),
        ),
        (
            "http://1.2.3.09/",
            None,
            UrlError::Input(UrlFailure::InvalidHost(HostParseError::InvalidIpv4)),
        ),
        (
            "http://[::1/",
            None,
            UrlError::Input(UrlFailure::InvalidHost(HostParseError::Ipv6Unclosed)),
        ),
        (
            "sc://a^b/",
            None,
            UrlError::Input(UrlFailure::InvalidHost(
                HostParseError::ForbiddenHostCodePoint,
            )),
        ),
        (
            "file://example:1/",
            None,
            UrlError::Input(UrlFailure::InvalidHost(
                HostParseError::ForbiddenDomainCodePoint,
            )),
        ),
        (
            "http://é.example/",
            None,
            UrlError::Input(UrlFailure::InvalidHost(HostParseError::NeedsIdna)),
        ),
        (
            "/x",
            Some("nobase"),
            UrlError::Base(UrlFailure::MissingScheme),
        ),
    ];
    for (input, base, expected) in cases {
        assert_eq!(
            url_origin(input, *base).err(),
            Some(*expected),
            "{input:?} against {base:?}"
        );
    }
}

#[test]
fn rejects_authority_too_long_by_one() {
    // userinfo fills the authority; the host stays short.
    let userinfo = "u".repeat(crate::limits::MAX_AUTHORITY_LEN - 2);
    let at_limit = std::format!("http://{userinfo}@h/");
    assert_eq!(origin_of(&at_limit, None), "http://h");
    let over = std::format!("http://{userinfo}u@h/");
    assert_eq!(
        url_origin(&over, None).err(),
        Some(UrlError::Input(UrlFailure::TooLong))
    );
}

/// A limit of ours inside a blob: URL's inner URL is an error, never a wrong opaque origin.
#[test]
fn rejects_blob_inner_host_over_the_limit_instead_of_guessing_opaque() {
    let long_host = "a".repeat(crate::limits::MAX_HOST_LEN + 1);
    let url = std::format!("blob:https://{long_host}/x");
    let expected = UrlError::Input(UrlFailure::InvalidHost(HostParseError::TooLong));
    assert_eq!(url_origin(&url, None).err(), Some(expected));
    let path = "x".repeat(crate::limits::MAX_BLOB_PATH_LEN);
    let long_path = std::format!("blob:https://a.example/{path}");
    let expected = UrlError::Input(UrlFailure::TooLong);
    assert_eq!(url_origin(&long_path, None).err(), Some(expected));
}

/// Two opaque URL origins become different origins once each gets its own identity.
#[test]
fn opaque_url_origins_are_distinct_once_identified() -> Result<(), UrlError> {
    let a = url_origin("data:,a", None)?;
    let b = url_origin("data:,a", None)?;
    assert!(
        !a.as_origin(OpaqueId(1))
            .is_same_origin(&b.as_origin(OpaqueId(2)))
    );
    Ok(())
}
