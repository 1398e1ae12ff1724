extern crate std;
use crate::test_rng::Xorshift;
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

/// Pieces of authorities near the byte scans' shape: userinfo and `@`, hosts, `:` and
/// ports, brackets, the bytes that end an authority (`\` only in a special URL), ASCII tab
/// and newline (skipped by the code point scans), `%`, and non-ASCII.
const AUTHORITY_PIECES: &[&str] = &[
    "a",
    "B",
    "example",
    "com",
    ".",
    "-",
    "0",
    "1",
    "80",
    "@",
    "@",
    "user",
    ":",
    ":",
    "::1",
    "[",
    "]",
    "[::1]",
    "\t",
    "\n",
    "\r",
    "/",
    "?",
    "#",
    "\\",
    "%41",
    "\u{df}",
    "\u{e9}",
    "\u{1f600}",
    " ",
    "^",
    "|",
];

/// A small deterministic generator ([`Xorshift`]), so a failure reproduces.
struct Authorities(Xorshift);

impl Authorities {
    /// Up to ten pieces.
    fn authority(&mut self) -> String {
        let mut authority = String::new();
        for _ in 0..self.0.below(11) {
            authority.push_str(AUTHORITY_PIECES[self.0.below(AUTHORITY_PIECES.len())]);
        }
        authority
    }
}

/// Authorities and hosts at and around the length limits: hosts of `MAX_HOST_LEN` bytes
/// and one more, and authorities of `MAX_AUTHORITY_LEN` bytes and more, some with more
/// bytes than code points (`é`) or with tabs (not counted), so the code point scan decides.
fn authorities_near_the_limits() -> std::vec::Vec<String> {
    use crate::limits::{MAX_AUTHORITY_LEN, MAX_HOST_LEN};
    let mut authorities = std::vec::Vec::new();
    for len in MAX_HOST_LEN - 1..=MAX_HOST_LEN + 1 {
        let host = "a".repeat(len);
        for tail in ["", ":8080", "/x", "\\x", "\t"] {
            authorities.push(std::format!("{host}{tail}"));
            authorities.push(std::format!("u@{host}{tail}"));
        }
    }
    for len in MAX_AUTHORITY_LEN - 2..=MAX_AUTHORITY_LEN + 1 {
        let userinfo = "u".repeat(len - 2);
        authorities.push(std::format!("{userinfo}@h"));
        authorities.push(std::format!("{userinfo}@h/x"));
        authorities.push(std::format!("{userinfo}@h:1"));
    }
    let wide = "\u{e9}".repeat(MAX_AUTHORITY_LEN / 2);
    authorities.push(std::format!("{wide}@h/"));
    authorities.push(std::format!("{wide}\u{e9}\u{e9}@h/"));
    let tabs = "\t".repeat(MAX_AUTHORITY_LEN);
    authorities.push(std::format!("u{tabs}@h"));
    authorities
}

/// How often each scan answered and how often it left the input to the code point scan.
#[derive(Default)]
struct Taken {
    start_bytes: usize,
    start_left: usize,
    cut: usize,
    cut_left: usize,
}

/// Compares the byte scans with the code point scans on `authority` (after `//`, as the
/// URL parser reads it): where the host starts and whether there was an `@`; the host, `:`
/// and the input left. A byte scan that answers gives the code point scan's whole answer.
fn compare_scans(authority: &str, special: bool, taken: &mut Taken) {
    use super::authority::{cut_host, find_host_start, find_host_start_in_bytes, read_host};
    use crate::origin::host::DomainString;
    let url = std::format!("//{authority}");
    let mut input = input::Input::new(&url);
    input.next();
    input.next();
    match find_host_start_in_bytes(&input, special) {
        Some((bytes_start, bytes_seen)) => {
            taken.start_bytes += 1;
            let by_code_points = find_host_start(&input, special)
                .map(|(start, seen)| (String::from(start.rest()), seen));
            assert_eq!(
                Ok((String::from(bytes_start.rest()), bytes_seen)),
                by_code_points,
                "host start of {authority:?}, special {special}"
            );
        }
        None => taken.start_left += 1,
    }
    let mut cut_input = input.clone();
    match cut_host(&mut cut_input, special) {
        Some((host, saw_colon)) => {
            taken.cut += 1;
            let mut read_input = input.clone();
            let mut buffer = DomainString::new();
            let read = read_host(&mut read_input, special, &mut buffer)
                .map(|saw_colon| (String::from(buffer.as_str()), saw_colon));
            assert_eq!(
                Ok((String::from(host), saw_colon)),
                read,
                "host of {authority:?}, special {special}"
            );
            assert_eq!(
                cut_input.rest(),
                read_input.rest(),
                "input left after the host of {authority:?}, special {special}"
            );
        }
        None => taken.cut_left += 1,
    }
}

/// The byte scans of the authority and host states give the code point scans' answers
/// (input position included) on every generated authority, special or not, and near the
/// length limits; and both answer and leave many inputs to the code point scans.
#[test]
fn byte_scans_agree_with_the_code_point_scans() {
    let mut generator = Authorities(Xorshift(0x5851_f42d_4c95_7f2d));
    let mut authorities: std::vec::Vec<String> =
        (0..100_000).map(|_| generator.authority()).collect();
    authorities.extend(authorities_near_the_limits());
    let mut taken = Taken::default();
    for authority in &authorities {
        for special in [true, false] {
            compare_scans(authority, special, &mut taken);
        }
    }
    std::println!(
        "{} authorities, twice: host start {} by bytes, {} left; host {} cut, {} left",
        authorities.len(),
        taken.start_bytes,
        taken.start_left,
        taken.cut,
        taken.cut_left
    );
    assert!(taken.start_bytes > 100_000, "{}", taken.start_bytes);
    assert!(taken.start_left >= 4, "{}", taken.start_left);
    assert!(taken.cut > 50_000, "{}", taken.cut);
    assert!(taken.cut_left > 50_000, "{}", taken.cut_left);
}

/// Whole URLs near the byte scans' shape give the origin or the failure they gave before:
/// hosts cut from the input (with a port, a path, userinfo) and those left to the code
/// point scans (tabs, brackets, `\` in a URL that is not special).
#[test]
fn url_origins_through_the_byte_scans() {
    let cases: &[(&str, &str)] = &[
        (
            "https://A.Very.Long.Subdomain.Example.co.uk",
            "https://a.very.long.subdomain.example.co.uk",
        ),
        ("http://u:p@Host:8080/x", "http://host:8080"),
        ("http://u@p@host:81?q", "http://host:81"),
        ("http://ho\tst:8\n1/", "http://host:81"),
        ("http://host\\x", "http://host"),
        (
            "sc://host\\x:1/",
            "failure: Input(InvalidHost(ForbiddenHostCodePoint))",
        ),
        ("sc://u@host:1/", "null"),
        ("http://[::1]:80/", "http://[::1]"),
        ("http://1.2.3.4.:82#f", "http://1.2.3.4:82"),
        ("http://0X7F.0x1/", "http://127.0.0.1"),
        ("http://a.0x1F/", "failure: Input(InvalidHost(InvalidIpv4))"),
        ("http://h:/", "http://h"),
        ("http://:1/", "failure: Input(HostMissing)"),
        ("http://u@:1/", "failure: Input(HostMissing)"),
        ("http://u@/", "failure: Input(HostMissing)"),
        ("http://a.09/", "failure: Input(InvalidHost(InvalidIpv4))"),
        ("http://xn--a.B/", "http://xn--a.b"),
    ];
    for &(input, expected) in cases {
        assert_eq!(origin_of(input, None), expected, "{input:?}");
    }
}
