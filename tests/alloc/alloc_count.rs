//! Heap allocations per decision, counted by a global allocator ([`stats_alloc`]: no unsafe
//! code of ours). No test harness: `main` runs alone on one thread, so no other thread's
//! allocation is counted.
//!
//! - The core ([`Policy::decide_list`](cors_core::policy::Policy::decide_list) over a slice
//!   of pairs, every kind of decision, 1 to 100,000 origins exact and wildcard) and the
//!   browser model (classification, the CORS check, preflight validation): **0**, asserted.
//! - The `http` adapter: [`cors_std::http::decide`] alone is 0 (asserted); the headers
//!   made ([`CorsHeaders::new`]) and set on a response ([`CorsHeaders::apply`]) allocate
//!   only inside `http::HeaderMap`, as the counts below explain.
//! - Our tower layer's full call against tower-http's `CorsLayer`'s, on the same request
//!   around the same service: both printed, ours asserted (a preflight: 0, its response
//!   reuses the request's map; an actual request: the 2 of `apply`).
//!
//! The counts are per call, in the steady state: the request's header values are shared
//! `Bytes` (as hyper makes them: slices of its read buffer), and the policy's own values
//! have been cloned once before (a `HeaderValue` made from a `String` is a "promotable"
//! `Bytes`, whose first clone allocates its shared reference count once; later clones do
//! not). `fresh request` rows show the cost when the request's values are such promotable
//! `Bytes` instead (one allocation per request value echoed in the response).
//!
//! Run with `cargo test -p cors-tests --test alloc_count`; it prints the table.

use std::alloc::System;
use std::process::ExitCode;

use cors_core::browser::request::{Verdict, classify_fetch};
use cors_core::browser::response::{PreflightedRequest, cors_check, validate_preflight_response};
use cors_core::browser::{CredentialsMode, Profile};
use cors_core::http::BoundedHeaders;
use cors_std::http::{CorsHeaders, PolicyValues, decide};
use http::{Request, Response};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use tower::Layer;

#[path = "../benches/fixtures/mod.rs"]
mod fixtures;

use fixtures::browser::{FETCH_HEADERS, fetch_input};
use fixtures::{Patterns, SIZES, Scenario, inner, our_layer, our_policy, peer_layer, serve};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// [`count`] runs `f` once, then `RUNS` times counted: the allocations (and reallocations)
/// per run, which must be the same for every run.
const RUNS: usize = 16;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Count {
    allocations: usize,
    reallocations: usize,
}

fn count<T>(mut f: impl FnMut() -> T) -> Count {
    // One call first: whatever is made once (a policy value's shared reference count) is
    // not a per-call cost.
    drop(f());
    let mut counts = Vec::with_capacity(RUNS);
    let mut outputs = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let region = Region::new(GLOBAL);
        let output = f();
        let change = region.change();
        outputs.push(output); // dropped outside the region
        counts.push(Count {
            allocations: change.allocations,
            reallocations: change.reallocations,
        });
    }
    let first = counts[0];
    assert!(
        counts.iter().all(|c| *c == first),
        "allocations differ between runs: {counts:?}"
    );
    first
}

/// What failed.
struct Failures(Vec<String>);

impl Failures {
    fn expect(&mut self, what: &str, got: Count, allocations: usize, reallocations: usize) {
        let verdict = if got.allocations == allocations && got.reallocations == reallocations {
            "ok"
        } else {
            self.0.push(format!(
                "{what}: {got:?}, expected {allocations} allocation(s), \
                 {reallocations} reallocation(s)"
            ));
            "FAILED"
        };
        println!(
            "{what:<58} {:>3} alloc {:>3} realloc   {verdict}",
            got.allocations, got.reallocations
        );
    }

    fn report(what: &str, got: Count) {
        println!(
            "{what:<58} {:>3} alloc {:>3} realloc   (peer, not asserted)",
            got.allocations, got.reallocations
        );
    }
}

/// A request whose header values are shared `Bytes`, as hyper makes them: cloning the map
/// once turns each promotable value into a shared one, in place.
fn shared(request: Request<()>) -> Request<()> {
    drop(request.headers().clone());
    request
}

fn core(failures: &mut Failures) {
    for patterns in Patterns::ALL {
        for n in SIZES {
            let policy = our_policy(patterns, n);
            for scenario in Scenario::ALL {
                let pairs = scenario.headers(patterns, n);
                let method = scenario.method().as_bytes();
                let got = count(|| policy.policy().decide_list(method, &pairs[..]).is_allowed());
                let what = format!("core {} {}-{n}", scenario.name(), patterns.name());
                failures.expect(&what, got, 0, 0);
            }
        }
    }
}

fn browser(failures: &mut Failures) {
    let got = count(|| {
        let input = fetch_input(FETCH_HEADERS);
        let verdict = classify_fetch(input).map(|c| c.verdict());
        matches!(verdict, Ok(Verdict::CorsWithPreflight(_)))
    });
    failures.expect("browser classify_fetch (8 headers)", got, 0, 0);
    let response: &[(&str, &str)] = &[
        ("Access-Control-Allow-Origin", "https://app.example.com"),
        ("Access-Control-Allow-Credentials", "true"),
        ("Access-Control-Allow-Methods", "PUT"),
        (
            "Access-Control-Allow-Headers",
            "authorization, content-type",
        ),
        ("Access-Control-Max-Age", "600"),
    ];
    let bounded = BoundedHeaders::new(response).expect("bounded");
    let got = count(|| {
        cors_check(
            &bounded,
            b"https://app.example.com",
            CredentialsMode::Include,
        )
        .is_ok()
    });
    failures.expect("browser cors_check", got, 0, 0);
    let names: [&[u8]; 2] = [b"authorization", b"content-type"];
    let got = count(|| {
        let request = PreflightedRequest {
            method: b"PUT",
            unsafe_header_names: names.iter().copied(),
            has_authorization: true,
            credentials: CredentialsMode::Include,
            use_cors_preflight: false,
            serialized_origin: b"https://app.example.com",
        };
        validate_preflight_response(&request, 204, &bounded, Profile::Spec).is_ok()
    });
    failures.expect("browser validate_preflight_response", got, 0, 0);
}

/// The `http` adapter, step by step, on the 1,000-origin exact policy.
fn adapter(failures: &mut Failures) {
    let n = 1_000;
    let policy = our_policy(Patterns::Exact, n);
    let values = PolicyValues::new(policy.policy());
    for scenario in Scenario::ALL {
        let request = shared(scenario.request(Patterns::Exact, n));
        let (method, headers) = (request.method(), request.headers());
        let got = count(|| decide(policy.policy(), method, headers).is_allowed());
        failures.expect(&format!("http::decide {}", scenario.name()), got, 0, 0);
        let got = count(|| {
            let decision = decide(policy.policy(), method, headers);
            CorsHeaders::new(&decision, headers, &values)
        });
        failures.expect(
            &format!("http::decide + CorsHeaders::new {}", scenario.name()),
            got,
            0,
            0,
        );
        // apply, on a response without headers (the inner service's, or the preflight's):
        // HeaderMap's first insert allocates its index table (8 slots) and its entry vector
        // (6 usable): 2 allocations. A decision sets at most 6 headers (preflight: the
        // origin, credentials, method, request headers, max-age and Vary; actual: the
        // origin, credentials, exposure and Vary), so the map never grows.
        let (allocations, reallocations) = (2, 0);
        let got = count(|| {
            let decision = decide(policy.policy(), method, headers);
            let cors = CorsHeaders::new(&decision, headers, &values);
            let mut response = Response::new(());
            cors.apply(response.headers_mut());
            response
        });
        failures.expect(
            &format!("http::decide + new + apply {}", scenario.name()),
            got,
            allocations,
            reallocations,
        );
    }
    // The same with a fresh request: its values are promotable `Bytes`, and each echoed one
    // allocates its reference count on its first clone.
    let request = Scenario::PreflightAllowed.request(Patterns::Exact, n);
    let region = Region::new(GLOBAL);
    let decision = decide(policy.policy(), request.method(), request.headers());
    let cors = CorsHeaders::new(&decision, request.headers(), &values);
    let change = region.change();
    drop(cors);
    println!(
        "{:<58} {:>3} alloc (not asserted: depends on how the request was made)",
        "  fresh request: http::decide + new preflight-allowed", change.allocations
    );
}

/// The full call of each layer: ours asserted, tower-http's printed.
fn layers(failures: &mut Failures) {
    let n = 1_000;
    let patterns = Patterns::Exact;
    let mut ours = our_layer(patterns, n).layer(inner());
    let mut peer = peer_layer(patterns, n).layer(inner());
    for scenario in Scenario::ALL {
        let request = shared(scenario.request(patterns, n));
        let mut requests: Vec<Request<()>> = (0..=RUNS).map(|_| request.clone()).collect();
        let got = count(|| serve(&mut ours, requests.pop().expect("a request")));
        // An actual request: our layer allocates exactly what `apply` does on the inner
        // service's response (see `adapter`). A preflight: nothing, its response reuses the
        // request's map (12 headers: room for all 6 of the decision's without growing).
        let allocations = match scenario {
            Scenario::PreflightAllowed | Scenario::PreflightRefused => 0,
            _ => 2,
        };
        let reallocations = 0;
        failures.expect(
            &format!("tower layer (ours) {}", scenario.name()),
            got,
            allocations,
            reallocations,
        );
        let mut requests: Vec<Request<()>> = (0..=RUNS).map(|_| request.clone()).collect();
        let got = count(|| serve(&mut peer, requests.pop().expect("a request")));
        Failures::report(&format!("tower-http CorsLayer {}", scenario.name()), got);
    }
}

fn main() -> ExitCode {
    let mut failures = Failures(Vec::new());
    core(&mut failures);
    browser(&mut failures);
    adapter(&mut failures);
    layers(&mut failures);
    if failures.0.is_empty() {
        println!("alloc_count: all counts as expected");
        ExitCode::SUCCESS
    } else {
        for failure in &failures.0 {
            eprintln!("{failure}");
        }
        ExitCode::FAILURE
    }
}
