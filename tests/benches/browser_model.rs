//! The browser model on a realistic cross-origin `fetch()`: what a browser decides before
//! sending it and about the responses.
//!
//! One group, `browser`:
//!
//! - `classify`: [`classify_fetch`] of a credentialed `PUT` with 8 headers (the `Request`
//!   constructor's checks, the `request` guard, the CORS-unsafe names, main fetch's verdict:
//!   a preflight);
//! - `classify+preflight`: the same, then the preflight's `Access-Control-Request-Headers`
//!   written into a fixed buffer (the names sorted, lowercased, joined);
//! - `cors-check`: [`cors_check`] of the actual response (8 headers, credentials `include`);
//! - `preflight-validation`: [`validate_preflight_response`] of the preflight's response (8
//!   headers: origin, credentials, methods, the 5 header names, max-age).
//!
//! No peer: no Rust crate models the browser's side. Run with
//! `cargo bench -p cors-tests --bench browser_model`.

use core::hint::black_box;

use cors_core::browser::request::{Verdict, classify_fetch};
use cors_core::browser::response::{PreflightedRequest, cors_check, validate_preflight_response};
use cors_core::browser::{CredentialsMode, Profile};
use cors_core::http::BoundedHeaders;
use criterion::{Criterion, criterion_group, criterion_main};

mod fixtures;

use fixtures::browser::{
    FETCH_HEADERS, PREFLIGHT_RESPONSE, Pairs, SERIALIZED_PAGE, UNSAFE_NAMES, fetch_input,
    write_preflight_request_headers,
};

/// The actual response's headers.
const ACTUAL_RESPONSE: Pairs<'static> = &[
    ("Date", "Tue, 07 Jul 2026 10:00:00 GMT"),
    ("Content-Type", "application/json"),
    ("Cache-Control", "private, max-age=0"),
    ("Vary", "Origin"),
    ("Access-Control-Allow-Origin", "https://app.example.com"),
    ("Access-Control-Allow-Credentials", "true"),
    ("Access-Control-Expose-Headers", "x-request-id"),
    ("X-Request-Id", "7f3c2a"),
];

fn preflighted() -> PreflightedRequest<'static, impl Iterator<Item = &'static [u8]> + Clone> {
    PreflightedRequest {
        method: b"PUT",
        unsafe_header_names: UNSAFE_NAMES.iter().copied(),
        has_authorization: true,
        credentials: CredentialsMode::Include,
        use_cors_preflight: false,
        serialized_origin: SERIALIZED_PAGE,
    }
}

/// A fixed buffer to write into without allocating.
struct Buffer {
    bytes: [u8; 256],
    len: usize,
}

impl Buffer {
    const fn new() -> Self {
        Self {
            bytes: [0; 256],
            len: 0,
        }
    }

    fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }
}

impl core::fmt::Write for Buffer {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let end = self.len + s.len();
        let room = self.bytes.get_mut(self.len..end).ok_or(core::fmt::Error)?;
        room.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The preflight's `Access-Control-Request-Headers`, written without allocating.
fn request_headers_value(headers: Pairs<'_>) -> Buffer {
    let mut out = Buffer::new();
    write_preflight_request_headers(headers, &mut out);
    out
}

/// Checks, outside the timed loops, that each function takes the path timed.
fn check_inputs() {
    let classification = classify_fetch(fetch_input(FETCH_HEADERS)).expect("a valid fetch");
    assert!(matches!(
        classification.verdict(),
        Verdict::CorsWithPreflight(_)
    ));
    assert_eq!(
        request_headers_value(FETCH_HEADERS).as_bytes(),
        b"authorization,cache-control,content-type,x-client-version,x-request-id"
    );
    let actual = BoundedHeaders::new(ACTUAL_RESPONSE).expect("bounded");
    assert_eq!(
        cors_check(&actual, SERIALIZED_PAGE, CredentialsMode::Include),
        Ok(())
    );
    let preflight = BoundedHeaders::new(PREFLIGHT_RESPONSE).expect("bounded");
    let grant = validate_preflight_response(&preflighted(), 204, &preflight, Profile::Spec)
        .expect("the preflight response allows the request");
    assert_eq!(grant.max_age(), 600);
}

fn browser(c: &mut Criterion) {
    check_inputs();
    let mut group = c.benchmark_group("browser");
    group.bench_function("classify", |b| {
        b.iter(|| classify_fetch(fetch_input(black_box(FETCH_HEADERS))).map(|c| c.verdict()));
    });
    group.bench_function("classify+preflight", |b| {
        b.iter(|| request_headers_value(black_box(FETCH_HEADERS)));
    });
    group.bench_function("cors-check", |b| {
        b.iter(|| {
            let headers = BoundedHeaders::new(black_box(ACTUAL_RESPONSE))?;
            Ok::<_, cors_core::http::HeaderLimitError>(
                cors_check(
                    &headers,
                    black_box(SERIALIZED_PAGE),
                    CredentialsMode::Include,
                )
                .is_ok(),
            )
        });
    });
    group.bench_function("preflight-validation", |b| {
        b.iter(|| {
            let headers = BoundedHeaders::new(black_box(PREFLIGHT_RESPONSE))?;
            let request = preflighted();
            Ok::<_, cors_core::http::HeaderLimitError>(
                validate_preflight_response(&request, black_box(204), &headers, Profile::Spec)
                    .map(|grant| grant.max_age())
                    .is_ok(),
            )
        });
    });
    group.finish();
}

criterion_group!(benches, browser);
criterion_main!(benches);
