//! `Origin` header parsing and URL origins: `cors-core` against the `url` crate.
//!
//! One group, `origin_parse`, times four functions on the same inputs:
//!
//! - `strict`: [`cors_core::parse_origin_or_null`], the `Origin` header's strict grammar,
//!   over bytes (a header value; the scheme and host are checked to be UTF-8 to borrow
//!   them as strings);
//! - `strict_text`: [`cors_core::OriginOrNull::parse`], the same parser over text, the input
//!   the `url` crate takes;
//! - `url_origin`: [`cors_core::url_origin`], the origin of a URL by the URL parser's states;
//! - `url_crate`: [`url::Url::parse`] then [`url::Url::origin`], what a server without
//!   `cors-core` would write.
//!
//! A second group, `url_origin`, times the origin of full URLs (paths, queries, userinfo,
//! IPv4 in hex, `blob:`): `ours` ([`cors_core::url_origin`]) against `url_crate`.
//!
//! DESIGN.md holds the strict parse to at least 10× faster than `url_crate`.
//! Run with `cargo bench -p cors-tests --bench origin_parse`.

use core::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// The inputs: serialized origins, so every function accepts each of them.
const INPUTS: &[(&str, &str)] = &[
    ("domain", "https://example.com"),
    ("port", "http://localhost:8080"),
    ("ipv6", "https://[2001:db8::1]:8443"),
    ("long-domain", "https://a.very.long.subdomain.example.co.uk"),
];

/// URLs whose origin is computed: the rest of the URL is read by the url crate, and skipped
/// by `cors_core::url_origin` once the authority ends.
const URLS: &[(&str, &str, &str)] = &[
    (
        "path-query",
        "https://api.example.com/v1/items/42?expand=owner&sort=-created#top",
        "https://api.example.com",
    ),
    (
        "userinfo-port",
        "http://user:secret@localhost:8080/admin",
        "http://localhost:8080",
    ),
    ("ipv4-hex", "http://0x7f.1/", "http://127.0.0.1"),
    (
        "default-port-case",
        "HTTPS://Example.COM:443/",
        "https://example.com",
    ),
    (
        "blob",
        "blob:https://app.example.com/0b5c7d6e-9f1a-4c2b-8d3e-5f6a7b8c9d0e",
        "https://app.example.com",
    ),
];

/// Checks, outside the timed loops, that every function accepts every input and that they
/// agree: a benchmark of an error path would be meaningless.
fn check_inputs() {
    for &(_, input) in INPUTS {
        let strict = cors_core::parse_origin_or_null(input.as_bytes()).map(|o| o.to_string());
        let text = cors_core::OriginOrNull::parse(input).map(|o| o.to_string());
        assert_eq!(
            text.as_deref(),
            Ok(input),
            "strict parse of {input} as text"
        );
        let ours = cors_core::url_origin(input, None).map(|o| o.to_string());
        let theirs = url::Url::parse(input).map(|u| u.origin().ascii_serialization());
        assert_eq!(strict.as_deref(), Ok(input), "strict parse of {input}");
        assert_eq!(
            ours.as_deref(),
            Ok(input),
            "cors_core::url_origin of {input}"
        );
        assert_eq!(theirs.as_deref(), Ok(input), "url crate origin of {input}");
    }
    for &(_, input, origin) in URLS {
        let ours = cors_core::url_origin(input, None).map(|o| o.to_string());
        let theirs = url::Url::parse(input).map(|u| u.origin().ascii_serialization());
        assert_eq!(
            ours.as_deref(),
            Ok(origin),
            "cors_core::url_origin of {input}"
        );
        assert_eq!(theirs.as_deref(), Ok(origin), "url crate origin of {input}");
    }
}

fn origin_parse(c: &mut Criterion) {
    check_inputs();
    let mut group = c.benchmark_group("origin_parse");
    for &(label, input) in INPUTS {
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_with_input(BenchmarkId::new("strict", label), input, |b, input| {
            b.iter(|| cors_core::parse_origin_or_null(black_box(input.as_bytes())));
        });
        group.bench_with_input(BenchmarkId::new("strict_text", label), input, |b, input| {
            b.iter(|| cors_core::OriginOrNull::parse(black_box(input)));
        });
        group.bench_with_input(BenchmarkId::new("url_origin", label), input, |b, input| {
            b.iter(|| cors_core::url_origin(black_box(input), None));
        });
        group.bench_with_input(BenchmarkId::new("url_crate", label), input, |b, input| {
            b.iter(|| url::Url::parse(black_box(input)).map(|url| url.origin()));
        });
    }
    group.finish();
    let mut group = c.benchmark_group("url_origin");
    for &(label, input, _) in URLS {
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_with_input(BenchmarkId::new("ours", label), input, |b, input| {
            b.iter(|| cors_core::url_origin(black_box(input), None));
        });
        group.bench_with_input(BenchmarkId::new("url_crate", label), input, |b, input| {
            b.iter(|| url::Url::parse(black_box(input)).map(|url| url.origin()));
        });
    }
    group.finish();
}

criterion_group!(benches, origin_parse);
criterion_main!(benches);
