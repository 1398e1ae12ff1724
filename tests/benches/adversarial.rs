//! Adversarial input: each group grows one part of a request past its limit, to show the
//! cost is linear in the bytes read and stops growing at the limit (the request is then
//! refused without reading the rest).
//!
//! Groups (each function's parameter is the size):
//!
//! - `adversarial/acrh-commas`: a preflight whose `Access-Control-Request-Headers` is that
//!   many commas (64 B, 1,000 B just under the 1 KiB limit
//!   [`MAX_REQUEST_HEADERS_LEN`](cors_core::limits::MAX_REQUEST_HEADERS_LEN), 1,025 B just
//!   over it, 64 KiB, 1 MiB);
//! - `adversarial/acrh-names`: a preflight asking for that many allowed header names on one
//!   line (10, 70 — 910 bytes, under the limit — and 10,000);
//! - `adversarial/acrh-lines`: a preflight with that many `Access-Control-Request-Headers`
//!   lines of one name each (10, 100, 10,000);
//! - `adversarial/many-headers`: an actual request with `Origin` and that many other headers
//!   (10, 256, 10,000: beyond 256 in all, the request is refused unread), and `classify`,
//!   the browser model's [`classify_fetch`] of a `fetch()` with that many headers;
//!
//! In the two layers' rows, dropping the request (its `HeaderMap`) is part of the call, the
//! same for both: with 10,000 headers it is most of the time.
//! - `adversarial/origin`: an `Origin` of that many bytes (64, 512 — the limit
//!   [`MAX_SERIALIZED_ORIGIN_LEN`](cors_core::limits::MAX_SERIALIZED_ORIGIN_LEN) —, 513,
//!   4 KiB, 64 KiB), also through `url::Url::parse` + `origin()` (`url`).
//!
//! Functions: `core` ([`Policy::decide_list`](cors_core::policy::Policy::decide_list) over
//! a slice of pairs), `tower` (our layer), `tower-http` (tower-http's `CorsLayer`, for
//! reference: it never reads `Access-Control-Request-Headers`). The policy is the
//! benchmarks' policy with 1,000 exact origins. Run with
//! `cargo bench -p cors-tests --bench adversarial`.

use core::hint::black_box;

use cors_core::browser::request::classify_fetch;
use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tower::Layer;

mod fixtures;

use fixtures::browser::fetch_input;
use fixtures::{Patterns, our_layer, our_policy, peer_layer, request, serve};

const N: usize = 1_000;

/// One request: the method and its headers.
struct Case {
    parameter: String,
    /// The bytes of the grown part (the number of headers for `many-headers`).
    bytes: u64,
    /// Whether the policy allows it (under every limit).
    allowed: bool,
    method: &'static str,
    headers: Vec<(String, String)>,
}

fn preflight(parameter: String, request_headers: Vec<String>, allowed: bool) -> Case {
    let origin = Patterns::Exact.allowed_origin(N);
    let mut headers = vec![
        ("host".to_owned(), "api.example.com".to_owned()),
        ("origin".to_owned(), origin),
        ("access-control-request-method".to_owned(), "PUT".to_owned()),
    ];
    let bytes = request_headers.iter().map(String::len).sum::<usize>();
    for line in request_headers {
        headers.push(("access-control-request-headers".to_owned(), line));
    }
    Case {
        parameter,
        bytes: bytes as u64,
        allowed,
        method: "OPTIONS",
        headers,
    }
}

fn acrh_commas() -> Vec<Case> {
    [64, 1_000, 1_025, 64 << 10, 1 << 20]
        .into_iter()
        .map(|len| preflight(len.to_string(), vec![",".repeat(len)], len < 1_024))
        .collect()
}

fn acrh_names() -> Vec<Case> {
    [10, 70, 10_000]
        .into_iter()
        .map(|count| {
            let line = vec!["content-type"; count].join(",");
            let allowed = line.len() < 1_024;
            preflight(count.to_string(), vec![line], allowed)
        })
        .collect()
}

fn acrh_lines() -> Vec<Case> {
    [10, 100, 10_000]
        .into_iter()
        .map(|count| {
            let lines = vec!["content-type".to_owned(); count];
            preflight(count.to_string(), lines, count == 10)
        })
        .collect()
}

fn many_headers() -> Vec<Case> {
    [10, 256, 10_000]
        .into_iter()
        .map(|count| {
            let origin = ("origin".to_owned(), Patterns::Exact.allowed_origin(N));
            let others = (0..count).map(|i| (format!("x-h{i}"), "1".to_owned()));
            let headers: Vec<(String, String)> = [origin].into_iter().chain(others).collect();
            Case {
                parameter: count.to_string(),
                bytes: count as u64,
                allowed: count < 256,
                method: "PUT",
                headers,
            }
        })
        .collect()
}

/// `https://` + `a…a.example.com`: a syntactically valid origin of `len` bytes.
fn long_origin(len: usize) -> String {
    let label = len.saturating_sub("https://".len() + ".example.com".len());
    format!("https://{}.example.com", "a".repeat(label))
}

fn origins() -> Vec<Case> {
    [64, 512, 513, 4 << 10, 64 << 10]
        .into_iter()
        .map(|len| Case {
            parameter: len.to_string(),
            bytes: len as u64,
            allowed: false,
            method: "PUT",
            headers: vec![("origin".to_owned(), long_origin(len))],
        })
        .collect()
}

fn adversarial(c: &mut Criterion) {
    let policy = our_policy(Patterns::Exact, N);
    let mut ours = our_layer(Patterns::Exact, N).layer(fixtures::inner());
    let mut peer = peer_layer(Patterns::Exact, N).layer(fixtures::inner());
    let groups = [
        ("acrh-commas", acrh_commas()),
        ("acrh-names", acrh_names()),
        ("acrh-lines", acrh_lines()),
        ("many-headers", many_headers()),
        ("origin", origins()),
    ];
    for (name, cases) in groups {
        let mut group = c.benchmark_group(format!("adversarial/{name}"));
        for case in &cases {
            group.throughput(if name == "many-headers" {
                Throughput::Elements(case.bytes)
            } else {
                Throughput::Bytes(case.bytes)
            });
            let method = case.method.as_bytes();
            let pairs = &case.headers[..];
            let decision = policy.policy().decide_list(method, pairs);
            assert_eq!(
                decision.is_allowed(),
                case.allowed,
                "{name} {}: {:?}",
                case.parameter,
                decision.reason()
            );
            let parameter = &case.parameter;
            group.bench_function(BenchmarkId::new("core", parameter), |b| {
                b.iter(|| policy.policy().decide_list(method, black_box(pairs)));
            });
            let request = request(case.method, &case.headers);
            group.bench_function(BenchmarkId::new("tower", parameter), |b| {
                b.iter_batched(
                    || request.clone(),
                    |request| serve(&mut ours, request),
                    BatchSize::SmallInput,
                );
            });
            group.bench_function(BenchmarkId::new("tower-http", parameter), |b| {
                b.iter_batched(
                    || request.clone(),
                    |request| serve(&mut peer, request),
                    BatchSize::SmallInput,
                );
            });
            if name == "origin" {
                let origin = &case.headers[0].1;
                group.bench_function(BenchmarkId::new("url", parameter), |b| {
                    b.iter(|| url::Url::parse(black_box(origin)).map(|url| url.origin()));
                });
            }
            if name == "many-headers" {
                let fetch: Vec<(&str, &str)> = case
                    .headers
                    .iter()
                    .map(|(n, v)| (n.as_str(), v.as_str()))
                    .collect();
                group.bench_function(BenchmarkId::new("classify", parameter), |b| {
                    b.iter(|| classify_fetch(fetch_input(black_box(&fetch[..]))).is_ok());
                });
            }
        }
        group.finish();
    }
}

criterion_group!(benches, adversarial);
criterion_main!(benches);
