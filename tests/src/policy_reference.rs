//! The naive reference origin matcher of the policy engine, written for clarity: the
//! property tests (`tests/property/policy.rs`) and the `policy_decide` fuzz target
//! (`fuzz/src/policy.rs`, which includes this file by path) compare `Policy::allows_origin`
//! with it. Standard library only, so both crates can compile it.

/// Splits a canonical serialized origin (or a pattern) into scheme, host and port text.
fn split_origin(text: &str) -> Option<(&str, &str, Option<&str>)> {
    let (scheme, rest) = text.split_once("://")?;
    let host_end = if rest.starts_with('[') {
        rest.find(']')? + 1
    } else {
        rest.find(':').unwrap_or(rest.len())
    };
    let (host, port) = rest.split_at(host_end);
    Some((scheme, host, port.strip_prefix(':')))
}

/// The naive reference matcher, string-based, with the rules of issue 4 written out:
///
/// - `*`: any origin (a `*` answer is the same for every request, `null` included; see
///   spec-notes/05-policy.md);
/// - `null`: the origin `null`, when `allow_null_origin` is set;
/// - an exact origin: byte equality;
/// - `scheme://*.base[:port|:*]`: the same scheme, a host ending in `.base` with at least one
///   label before it, and the same port (absent means the default port) or any port;
/// - `scheme://host:*`: the same scheme and host, any port.
pub fn naive_allows(patterns: &[&str], allow_null: bool, origin: &str) -> bool {
    patterns.iter().any(|&pattern| {
        if pattern == "*" || pattern == origin {
            return pattern != "null" || allow_null;
        }
        let (Some((scheme, host, port)), Some((o_scheme, o_host, o_port))) =
            (split_origin(pattern), split_origin(origin))
        else {
            return false;
        };
        if scheme != o_scheme {
            return false;
        }
        match host.strip_prefix("*.") {
            Some(base) => {
                let below = o_host.strip_suffix(base).and_then(|h| h.strip_suffix('.'));
                below.is_some_and(|labels| !labels.is_empty())
                    && (port == Some("*") || port == o_port)
            }
            None => port == Some("*") && host == o_host,
        }
    })
}
