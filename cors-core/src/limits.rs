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
/// The URL Standard runs domain to ASCII with `VerifyDnsLength` false, so it has no bound;
/// 1024 is four times the DNS limit.
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
