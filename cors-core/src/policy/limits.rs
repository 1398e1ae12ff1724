//! The named limits of the policy engine, on the configuration it validates and on the
//! requests it decides.
//!
//! Like [`crate::limits`], every limit is generous next to real configurations and what
//! browsers send, and exceeding one is a typed configuration problem or a typed refusal,
//! never a silent truncation. (These constants join [`crate::limits`] later.)

use crate::limits::MAX_SERIALIZED_ORIGIN_LEN;

/// The most allowed origin patterns a configuration may list.
///
/// Lookups are `O(labels × log n)`, so a million patterns cost about twenty comparisons per
/// binary search; more than that is certainly a generated list gone wrong.
pub const MAX_ALLOWED_ORIGINS: usize = 1 << 20;

/// The longest origin pattern, in bytes: a pattern is a serialized origin with at most a
/// `*.` prefix and a `:*` suffix, and a serialized origin is capped at
/// [`MAX_SERIALIZED_ORIGIN_LEN`].
pub const MAX_PATTERN_LEN: usize = MAX_SERIALIZED_ORIGIN_LEN;

/// The most labels of a host the matcher walks: a host of `n` bytes has at most
/// `(n + 1) / 2` labels, and request origins are capped at [`MAX_SERIALIZED_ORIGIN_LEN`].
pub const MAX_HOST_LABELS: usize = MAX_SERIALIZED_ORIGIN_LEN / 2 + 1;

/// The most methods `allowed_methods` may list. RFC 9110 and its registry define fewer than
/// forty methods, and a preflight asks for exactly one.
pub const MAX_ALLOWED_METHODS: usize = 32;

/// The most names `allowed_request_headers` may list. They are kept sorted inside the
/// policy, so the policy's size is fixed by this limit.
pub const MAX_ALLOWED_REQUEST_HEADERS: usize = 64;

/// The most names `exposed_response_headers` may list.
pub const MAX_EXPOSED_RESPONSE_HEADERS: usize = 64;

/// The longest method or header name a configuration may list, in bytes. The longest
/// registered field names are under 50 bytes.
pub const MAX_CONFIG_NAME_LEN: usize = 128;

/// The longest `Access-Control-Expose-Headers` value the policy builds from
/// `exposed_response_headers` (names joined by `, `), in bytes. The value is built once and
/// stored inside the policy.
pub const MAX_EXPOSE_HEADERS_VALUE_LEN: usize = 1024;

/// The longest `Access-Control-Request-Headers` a preflight may carry, in bytes, counted as
/// its combined value (every line, joined by `, `).
///
/// A browser lists only the CORS-unsafe names script set, lowercased and without spaces:
/// 1 KiB holds more than fifty typical names. A longer value is refused before any of it is
/// read, so an adversarial value (a mebibyte of commas) costs nothing (misconfiguration
/// class 18). Each further line counts its `, ` separator, which also bounds the number of
/// lines. Several lines are joined into a buffer of this size inside the decision.
pub const MAX_REQUEST_HEADERS_LEN: usize = 1024;

/// The longest existing `Vary` value [`merge_vary`](super::merge_vary) reads, in bytes.
pub const MAX_VARY_VALUE_LEN: usize = 8192;

/// The most elements [`merge_vary`](super::merge_vary) adds to an existing `Vary`; the
/// policy adds at most three.
pub const MAX_VARY_ADDED: usize = 8;

/// The decimal digits of the largest `Access-Control-Max-Age` the policy formats:
/// `i64::MAX` has 19.
pub const MAX_AGE_DIGITS: usize = 19;

const _: () = assert!(
    MAX_PATTERN_LEN >= 12,
    "room for the shortest wildcard patterns"
);
const _: () = assert!(MAX_REQUEST_HEADERS_LEN <= crate::limits::MAX_HEADER_VALUE_LEN);
