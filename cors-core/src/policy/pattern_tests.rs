//! Origin pattern grammar: what parses, what is refused where, and what matches.

extern crate std;

use std::string::{String, ToString};

use super::super::pattern::{OriginPattern, PatternErrorKind as K, PortPattern, parse_pattern};
use crate::origin::serialized::{SerializedOriginErrorKind as O, parse_origin_or_null};

struct Accept {
    desc: &'static str,
    input: &'static str,
    expected: OriginPattern<'static>,
}

const fn exact(host: &'static str, port: Option<u16>) -> OriginPattern<'static> {
    OriginPattern::Exact {
        scheme: "https",
        host,
        port,
    }
}

static ACCEPTS: &[Accept] = &[
    Accept {
        desc: "any",
        input: "*",
        expected: OriginPattern::Any,
    },
    Accept {
        desc: "null",
        input: "null",
        expected: OriginPattern::Null,
    },
    Accept {
        desc: "exact",
        input: "https://example.com",
        expected: exact("example.com", None),
    },
    Accept {
        desc: "exact with a non-default port",
        input: "https://example.com:8443",
        expected: exact("example.com", Some(8443)),
    },
    Accept {
        desc: "exact IPv6",
        input: "http://[::1]:8080",
        expected: OriginPattern::Exact {
            scheme: "http",
            host: "[::1]",
            port: Some(8080),
        },
    },
    Accept {
        desc: "exact with a non-special scheme",
        input: "chrome-extension://abcdefghijklmnop",
        expected: OriginPattern::Exact {
            scheme: "chrome-extension",
            host: "abcdefghijklmnop",
            port: None,
        },
    },
    Accept {
        desc: "any port of localhost",
        input: "http://localhost:*",
        expected: OriginPattern::AnyPort {
            scheme: "http",
            host: "localhost",
        },
    },
    Accept {
        desc: "any port of an IPv4 loopback",
        input: "http://127.0.0.1:*",
        expected: OriginPattern::AnyPort {
            scheme: "http",
            host: "127.0.0.1",
        },
    },
    Accept {
        desc: "any port of the IPv6 loopback",
        input: "http://[::1]:*",
        expected: OriginPattern::AnyPort {
            scheme: "http",
            host: "[::1]",
        },
    },
    Accept {
        desc: "subdomains on the default port",
        input: "https://*.example.com",
        expected: OriginPattern::Subdomains {
            scheme: "https",
            base: "example.com",
            port: PortPattern::Default,
        },
    },
    Accept {
        desc: "subdomains on one port",
        input: "https://*.example.com:8443",
        expected: OriginPattern::Subdomains {
            scheme: "https",
            base: "example.com",
            port: PortPattern::Port(8443),
        },
    },
    Accept {
        desc: "subdomains on any port",
        input: "https://*.example.com:*",
        expected: OriginPattern::Subdomains {
            scheme: "https",
            base: "example.com",
            port: PortPattern::Any,
        },
    },
];

#[test]
fn accepts_the_closed_grammar() {
    for case in ACCEPTS {
        assert_eq!(
            parse_pattern(case.input),
            Ok(case.expected),
            "{}: {:?}",
            case.desc,
            case.input
        );
    }
}

#[test]
fn roundtrip_display_gives_the_input_back() {
    for case in ACCEPTS {
        let shown = case.expected.to_string();
        assert_eq!(shown, case.input, "{}", case.desc);
        assert_eq!(parse_pattern(&shown), Ok(case.expected), "{}", case.desc);
    }
}

struct Reject {
    desc: &'static str,
    input: &'static str,
    kind: K,
    position: usize,
    class: Option<u8>,
}

static REJECTS: &[Reject] = &[
    Reject {
        desc: "wildcard prefix of a label (suffix match)",
        input: "https://*example.com",
        kind: K::WildcardPrefixOfLabel,
        position: 8,
        class: Some(4),
    },
    Reject {
        desc: "double star",
        input: "https://**.example.com",
        kind: K::WildcardPrefixOfLabel,
        position: 8,
        class: Some(4),
    },
    Reject {
        desc: "wildcard inside a label",
        input: "https://ex*.com",
        kind: K::WildcardInsideLabel,
        position: 10,
        class: Some(5),
    },
    Reject {
        desc: "wildcard label in the middle",
        input: "https://a.*.example.com",
        kind: K::WildcardNotLeftmost,
        position: 10,
        class: Some(5),
    },
    Reject {
        desc: "two wildcard labels",
        input: "https://*.*.example.com",
        kind: K::WildcardNotLeftmost,
        position: 10,
        class: Some(5),
    },
    Reject {
        desc: "bare wildcard host",
        input: "https://*",
        kind: K::WildcardWithoutDomain,
        position: 8,
        class: Some(1),
    },
    Reject {
        desc: "bare wildcard host, any port",
        input: "https://*:*",
        kind: K::WildcardWithoutDomain,
        position: 8,
        class: Some(1),
    },
    Reject {
        desc: "wildcard over nothing",
        input: "https://*.",
        kind: K::WildcardWithoutDomain,
        position: 8,
        class: Some(1),
    },
    Reject {
        desc: "wildcard scheme",
        input: "*://example.com",
        kind: K::WildcardInScheme,
        position: 0,
        class: Some(5),
    },
    Reject {
        desc: "wildcard in the scheme",
        input: "http*://example.com",
        kind: K::WildcardInScheme,
        position: 4,
        class: Some(5),
    },
    Reject {
        desc: "partial port wildcard",
        input: "https://example.com:8*",
        kind: K::WildcardInPort,
        position: 21,
        class: Some(5),
    },
    Reject {
        desc: "wildcard over IPv4",
        input: "https://*.127.0.0.1",
        kind: K::WildcardOverIpAddress,
        position: 10,
        class: None,
    },
    Reject {
        desc: "wildcard over IPv6",
        input: "https://*.[::1]",
        kind: K::WildcardOverIpAddress,
        position: 10,
        class: None,
    },
    Reject {
        desc: "wildcard over an opaque host",
        input: "foo://*.example.com",
        kind: K::WildcardOverOpaqueHost,
        position: 8,
        class: None,
    },
    Reject {
        desc: "port and port wildcard",
        input: "https://example.com:8443:*",
        kind: K::PortAndPortWildcard,
        position: 19,
        class: None,
    },
    Reject {
        desc: "uppercase host",
        input: "https://EXAMPLE.com",
        kind: K::Origin(O::UppercaseHost),
        position: 8,
        class: Some(20),
    },
    Reject {
        desc: "uppercase host below a wildcard",
        input: "https://*.EXAMPLE.com",
        kind: K::Origin(O::UppercaseHost),
        position: 10,
        class: Some(20),
    },
    Reject {
        desc: "uppercase scheme",
        input: "HTTPS://example.com",
        kind: K::Origin(O::UppercaseScheme),
        position: 0,
        class: Some(20),
    },
    Reject {
        desc: "trailing slash",
        input: "https://example.com/",
        kind: K::Origin(O::Path),
        position: 19,
        class: None,
    },
    Reject {
        desc: "trailing slash after a wildcard",
        input: "https://*.example.com/",
        kind: K::Origin(O::Path),
        position: 21,
        class: None,
    },
    Reject {
        desc: "path",
        input: "https://example.com/app",
        kind: K::Origin(O::Path),
        position: 19,
        class: None,
    },
    Reject {
        desc: "query",
        input: "https://example.com?x",
        kind: K::Origin(O::QueryOrFragment),
        position: 19,
        class: None,
    },
    Reject {
        desc: "default https port",
        input: "https://example.com:443",
        kind: K::Origin(O::DefaultPort),
        position: 20,
        class: None,
    },
    Reject {
        desc: "default http port",
        input: "http://example.com:80",
        kind: K::Origin(O::DefaultPort),
        position: 19,
        class: None,
    },
    Reject {
        desc: "port with a leading zero",
        input: "https://example.com:08443",
        kind: K::Origin(O::PortLeadingZero),
        position: 20,
        class: None,
    },
    Reject {
        desc: "port out of range by 1",
        input: "https://example.com:65536",
        kind: K::Origin(O::PortOutOfRange),
        position: 20,
        class: None,
    },
    Reject {
        desc: "file scheme",
        input: "file:///etc/passwd",
        kind: K::Origin(O::FileScheme),
        position: 0,
        class: Some(8),
    },
    Reject {
        desc: "no scheme",
        input: "example.com",
        kind: K::Origin(O::MissingSchemeSeparator),
        position: 11,
        class: None,
    },
    Reject {
        desc: "userinfo",
        input: "https://user@example.com",
        kind: K::Origin(O::Userinfo),
        position: 12,
        class: None,
    },
    Reject {
        desc: "space in the host",
        input: "https://exa mple.com",
        kind: K::Origin(O::InvalidHostByte),
        position: 11,
        class: None,
    },
    Reject {
        desc: "leading space",
        input: " https://example.com",
        kind: K::Origin(O::InvalidScheme),
        position: 0,
        class: None,
    },
    Reject {
        desc: "trailing dot",
        input: "https://example.com.",
        kind: K::Origin(O::EmptyLabel),
        position: 20,
        class: None,
    },
    Reject {
        desc: "empty host",
        input: "https://",
        kind: K::Origin(O::EmptyHost),
        position: 8,
        class: None,
    },
    Reject {
        desc: "empty",
        input: "",
        kind: K::Origin(O::Empty),
        position: 0,
        class: None,
    },
];

#[test]
fn rejects_every_other_spelling_with_kind_position_and_class() {
    for case in REJECTS {
        let got = parse_pattern(case.input)
            .map(|_| ())
            .map_err(|error| (error.kind, error.position, error.kind.class()));
        assert_eq!(
            got,
            Err((case.kind, case.position, case.class)),
            "{}: {:?}",
            case.desc,
            case.input
        );
    }
}

#[test]
fn rejects_a_pattern_too_long_by_1() {
    let host_len = crate::limits::MAX_PATTERN_LEN - "https://".len();
    let at_limit = String::from("https://") + &"a".repeat(host_len);
    assert!(!matches!(parse_pattern(&at_limit), Err(e) if e.kind == K::TooLong));
    let over = at_limit + "a";
    assert_eq!(
        parse_pattern(&over)
            .map(|_| ())
            .map_err(|error| (error.kind, error.position)),
        Err((K::TooLong, crate::limits::MAX_PATTERN_LEN))
    );
}

struct Match {
    pattern: &'static str,
    origin: &'static str,
    expected: bool,
}

const fn case(pattern: &'static str, origin: &'static str, expected: bool) -> Match {
    Match {
        pattern,
        origin,
        expected,
    }
}

/// security.md §4 classes 3 (prefix), 4 (suffix), 5 (substring) and the port rules.
static MATCHES: &[Match] = &[
    case("https://example.com", "https://example.com", true),
    case("https://example.com", "https://example.com.evil.net", false),
    case("https://example.com", "https://evilexample.com", false),
    case("https://example.com", "https://example.co", false),
    case("https://example.com", "http://example.com", false),
    case("https://example.com", "https://example.com:8443", false),
    case("https://example.com", "https://a.example.com", false),
    case("https://example.com:8443", "https://example.com:8443", true),
    case("https://example.com:8443", "https://example.com", false),
    case("https://*.example.com", "https://a.example.com", true),
    case("https://*.example.com", "https://a.b.example.com", true),
    case("https://*.example.com", "https://example.com", false),
    case("https://*.example.com", "https://evilexample.com", false),
    case(
        "https://*.example.com",
        "https://a.example.com.evil.net",
        false,
    ),
    case("https://*.example.com", "http://a.example.com", false),
    case("https://*.example.com", "https://a.example.com:8443", false),
    case(
        "https://*.example.com:8443",
        "https://a.example.com:8443",
        true,
    ),
    case("https://*.example.com:8443", "https://a.example.com", false),
    case(
        "https://*.example.com:*",
        "https://a.example.com:8443",
        true,
    ),
    case("https://*.example.com:*", "https://a.example.com", true),
    case("https://*.example.com:*", "https://example.com:8443", false),
    case("http://localhost:*", "http://localhost:3000", true),
    case("http://localhost:*", "http://localhost", true),
    case("http://localhost:*", "https://localhost:3000", false),
    case("http://localhost:*", "http://a.localhost:3000", false),
    case(
        "http://localhost:*",
        "http://localhost.evil.net:3000",
        false,
    ),
    case("http://127.0.0.1:*", "http://127.0.0.1:5173", true),
    case("http://[::1]:*", "http://[::1]:8080", true),
    case("http://[::1]:*", "http://[::2]:8080", false),
    case("*", "https://anything.example", true),
    case("*", "null", true),
    case("null", "null", true),
    case("null", "https://example.com", false),
    case("https://example.com", "null", false),
];

#[test]
fn matches_whole_components_only() {
    for m in MATCHES {
        let pattern = parse_pattern(m.pattern);
        let origin = parse_origin_or_null(m.origin.as_bytes());
        assert!(
            pattern.is_ok() && origin.is_ok(),
            "{:?} {:?}",
            m.pattern,
            m.origin
        );
        let matches = match (pattern, origin) {
            (Ok(pattern), Ok(origin)) => pattern.matches(&origin),
            _ => !m.expected,
        };
        assert_eq!(matches, m.expected, "{:?} vs {:?}", m.pattern, m.origin);
    }
}

#[test]
fn port_pattern_rules() {
    assert!(PortPattern::Default.matches(None));
    assert!(!PortPattern::Default.matches(Some(8080)));
    assert!(PortPattern::Port(8080).matches(Some(8080)));
    assert!(!PortPattern::Port(8080).matches(Some(8081)));
    assert!(!PortPattern::Port(8080).matches(None));
    assert!(PortPattern::Any.matches(None) && PortPattern::Any.matches(Some(1)));
}

#[test]
fn errors_display_description_and_position() {
    assert_eq!(
        parse_pattern("https://ex*.com")
            .map(|_| ())
            .map_err(|error| error.to_string()),
        Err("\"*\" cannot stand inside a label (at byte 10)".into())
    );
}
