//! The sorted matcher against the one-pattern-at-a-time reference, and at scale.

extern crate std;

use std::format;
use std::vec::Vec;

use super::super::pattern::parse_pattern;
use super::*;
use crate::origin::serialized::{OriginOrNull, parse_origin_or_null};

const PATTERNS: &[&str] = &[
    "https://app.example.com",
    "https://app.example.com:8443",
    "https://*.api.example.com",
    "https://*.example.net:*",
    "https://*.corp.example.org:9000",
    "http://localhost:*",
    "http://127.0.0.1:*",
    "http://[::1]:3000",
    "https://203.0.113.7",
    "chrome-extension://abcdefghijklmnop",
];

const ORIGINS: &[&str] = &[
    "https://app.example.com",
    "https://app.example.com:8443",
    "https://app.example.com:8444",
    "http://app.example.com",
    "https://app.example.com.evil.net",
    "https://evilapp.example.com",
    "https://x.app.example.com",
    "https://api.example.com",
    "https://v1.api.example.com",
    "https://a.b.api.example.com",
    "https://v1.api.example.com:8443",
    "https://evilapi.example.com",
    "https://example.net",
    "https://a.example.net",
    "https://a.example.net:1",
    "https://a.b.example.net:65535",
    "https://x.corp.example.org:9000",
    "https://x.corp.example.org",
    "https://corp.example.org:9000",
    "http://localhost",
    "http://localhost:5173",
    "http://a.localhost:5173",
    "https://localhost:5173",
    "http://127.0.0.1:8080",
    "http://127.0.0.2:8080",
    "http://[::1]:3000",
    "http://[::1]:3001",
    "https://203.0.113.7",
    "https://203.0.113.7:8443",
    "chrome-extension://abcdefghijklmnop",
    "chrome-extension://abcdefghijklmnoq",
    "null",
];

/// `origin`, which every caller passes as a valid serialized origin, parsed.
fn parsed(origin: &str) -> OriginOrNull<'_> {
    let result = parse_origin_or_null(origin.as_bytes());
    assert!(result.is_ok(), "{origin:?}: {result:?}");
    result.unwrap_or(OriginOrNull::Null)
}

/// The reference: is any configured pattern matching, one at a time? (The patterns are
/// valid: the policy under test is built from them.)
fn reference(patterns: &[&str], origin: &str) -> bool {
    let origin = parsed(origin);
    patterns
        .iter()
        .any(|pattern| parse_pattern(pattern).is_ok_and(|pattern| pattern.matches(&origin)))
}

#[test]
fn agrees_with_the_reference_matcher() -> Result<(), BuildError> {
    let policy = build(&PolicyConfig::new(PATTERNS))?;
    let mut allowed = 0;
    for origin in ORIGINS {
        let expected = reference(PATTERNS, origin);
        let parsed = parsed(origin);
        assert_eq!(policy.allows_origin(&parsed), expected, "{origin:?}");
        allowed += usize::from(expected);
    }
    // By security.md's rules (exact, label-bounded, port-exact): the two app origins, two
    // below api, three below example.net, one below corp, two localhost, one 127.0.0.1,
    // one [::1], the IPv4 one and the extension.
    assert_eq!(allowed, 14);
    Ok(())
}

#[test]
fn keeps_the_patterns_sorted_for_lookup() -> Result<(), BuildError> {
    let policy = build(&PolicyConfig::new(&[
        "https://b.example",
        "https://a.example",
        "http://c.example",
    ]))?;
    // Host first, then scheme: the order `Policy::origin_patterns` documents.
    let sorted: Vec<_> = policy.origin_patterns().collect();
    assert_eq!(
        sorted,
        ["https://a.example", "https://b.example", "http://c.example"]
    );
    Ok(())
}

#[test]
fn looks_up_among_100000_origins() -> Result<(), BuildError> {
    let origins = leak(
        (0..100_000)
            .map(|i| format!("https://host{i}.example.com"))
            .collect(),
    );
    let mut config_list: Vec<&'static str> = origins.to_vec();
    config_list.push("https://*.tenants.example.org");
    let config = PolicyConfig::new(leak(config_list.iter().map(|s| (*s).into()).collect()));
    let policy = build(&config)?;
    for origin in [
        "https://host0.example.com",
        "https://host99999.example.com",
        "https://a.b.tenants.example.org",
    ] {
        let parsed = parsed(origin);
        assert!(policy.allows_origin(&parsed), "{origin}");
    }
    for origin in [
        "https://host100000.example.com",
        "https://tenants.example.org",
        "https://host1.example.com.evil",
    ] {
        let parsed = parsed(origin);
        assert!(!policy.allows_origin(&parsed), "{origin}");
    }
    Ok(())
}

#[test]
fn reports_100000_shadowed_origins_under_one_wildcard() {
    let mut list: Vec<std::string::String> = (0..100_000)
        .map(|i| format!("https://h{i}.example.com"))
        .collect();
    list.push("https://*.example.com".into());
    let (result, problems) = build_reporting(&PolicyConfig::new(leak(list)));
    assert!(result.is_ok());
    assert_eq!(problems.len(), 100_000);
    assert!(
        problems
            .iter()
            .all(|p| p.rule == Rule::Shadowed && p.related == Some("https://*.example.com"))
    );
}

#[test]
fn walks_a_host_of_many_labels() -> Result<(), BuildError> {
    // 242 labels: about as many as the origin length limit allows.
    let host: std::string::String =
        core::iter::repeat_n("a.", 240).collect::<std::string::String>() + "example.com";
    let origin = format!("https://{host}");
    assert!(origin.len() <= crate::limits::MAX_SERIALIZED_ORIGIN_LEN);
    let policy = build(&PolicyConfig::new(&["https://*.example.com"]))?;
    let parsed = parsed(&origin);
    assert!(policy.allows_origin(&parsed));
    let other = build(&PolicyConfig::new(&["https://*.example.net"]))?;
    assert!(!other.allows_origin(&parsed));
    Ok(())
}
