//! Every named limit on input that `cors-core` reads.
//!
//! The standards put no bound on most of these lengths; a fixed-memory implementation must.
//! Each limit is generous next to what browsers send and what DNS allows, and exceeding one
//! is a typed error, never a silent truncation.
//!
//! Scans that only move forward and stop at the first delimiter (the URL scheme, the strict
//! origin parser's fields) are linear in the input and read each byte at most once; the
//! limits below bound everything that is copied or examined twice.

/// The longest serialized origin (`Origin` / `Access-Control-Allow-Origin` value) the strict
/// parser reads, in bytes.
///
/// A DNS name is at most 253 bytes; with a scheme, `://`, brackets and `:65535` an origin
/// stays well under 512. Longer input is refused before any byte is examined.
pub const MAX_SERIALIZED_ORIGIN_LEN: usize = 512;

/// The longest host a URL may carry, in bytes, both as written (before percent-decoding) and
/// as stored after parsing (after IDNA or percent-encoding).
///
/// The URL Standard's domain parser, run by the host parser with beStrict false, takes its
/// result from UTS #46 with `VerifyDnsLength` false (or lowercases an ASCII domain), so it
/// has no bound; 1024 is four times the DNS limit.
pub const MAX_HOST_LEN: usize = 1024;

/// The longest authority (userinfo, host and port) the URL parser reads, in code points.
///
/// The authority is scanned once for its last `@` and never copied (the host is capped by
/// [`MAX_HOST_LEN`]); this bound only keeps that scan finite on hostile input. HTTP servers
/// commonly refuse request lines over 8 KiB, so 64 KiB refuses no URL met in practice.
pub const MAX_AUTHORITY_LEN: usize = 65_536;

/// The longest `blob:` path whose inner URL the origin computation parses, in bytes after
/// percent-encoding.
pub const MAX_BLOB_PATH_LEN: usize = 2048;

/// The most nested `blob:` URLs followed: `blob:` inside `blob:` is opaque by the standard,
/// so one level is all the algorithm ever needs.
pub const MAX_BLOB_DEPTH: usize = 1;

/// The most headers a header list may hold for the browser model to examine it.
///
/// Browsers and servers refuse far fewer (hyper's default is 100); a longer list is a
/// typed error, never truncated.
pub const MAX_HEADER_COUNT: usize = 256;

/// The longest header value the browser model examines, in bytes.
///
/// Longer values are refused before any is scanned, so every scan of a header list reads
/// at most `MAX_HEADER_COUNT × MAX_HEADER_VALUE_LEN` bytes.
pub const MAX_HEADER_VALUE_LEN: usize = 65_536;

/// The longest item "get, decode, and split" produces, in bytes. An item is compared with
/// a method or a serialized origin ([`MAX_SERIALIZED_ORIGIN_LEN`]), so no longer item can
/// ever match; a longer item is reported as too long.
pub const MAX_SPLIT_ITEM_LEN: usize = 512;

/// The longest MIME type the MIME type parser reads, in bytes.
pub const MAX_MIME_TYPE_LEN: usize = 4096;

/// The most parameters of one MIME type the parser examines.
pub const MAX_MIME_PARAMETERS: usize = 64;

/// The longest value the simple range header value parser reads, in bytes. Longer values
/// are refused (`RangeError::TooLong`) before any byte is examined; a safelisted `Range`
/// is at most 128 bytes anyway.
pub const MAX_RANGE_VALUE_LEN: usize = 4096;

// The policy engine (`crate::policy`): the configuration it validates and the requests it
// decides. Exceeding one is a typed configuration problem or a typed refusal.

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

/// The longest existing `Vary` value [`merge_vary`](crate::policy::merge_vary) reads, in bytes.
pub const MAX_VARY_VALUE_LEN: usize = 8192;

/// The most elements [`merge_vary`](crate::policy::merge_vary) adds to an existing `Vary`; the
/// policy adds at most three.
pub const MAX_VARY_ADDED: usize = 8;

/// The decimal digits of the largest `Access-Control-Max-Age` the policy formats:
/// `i64::MAX` has 19.
pub const MAX_AGE_DIGITS: usize = 19;

const _: () = assert!(
    MAX_PATTERN_LEN >= 12,
    "room for the shortest wildcard patterns"
);
const _: () = assert!(MAX_REQUEST_HEADERS_LEN <= MAX_HEADER_VALUE_LEN);
