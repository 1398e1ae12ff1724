//! Policy decisions: the core, our tower layer, and tower-http's `CorsLayer`.
//!
//! For each scenario (`preflight-allowed`, `preflight-refused`, `actual-allowed`,
//! `actual-refused`, `not-cors`) and allow-list (1, 1,000 and 100,000 origins, `exact` or
//! `wildcard`), one group `policy/{scenario}` times three functions, each with the parameter
//! `{exact|wildcard}-{n}`:
//!
//! - `core`: [`cors_core::policy::Policy::decide_list`] over the request's header list (a
//!   slice of pairs), the decision returned;
//! - `tower`: our [`cors_std::tower::CorsLayer`] around a trivial service, `poll_ready`,
//!   `call`, the future polled to the response;
//! - `tower-http`: tower-http's `CorsLayer` configured the same way around the same service,
//!   called the same way on the same `http::Request`.
//!
//! The request is cloned outside the timed region (`iter_batched`); each layer consumes it
//! and its response is dropped outside too. The allowed origin is the middle of the list,
//! the refused one is in no list (tower-http's `AllowOrigin::list` is a linear scan, so
//! refusals are its worst case and allowed origins its average one).
//!
//! DESIGN.md holds a preflight decision to at least 5× faster than tower-http's, and
//! 100,000 allowed origins within 2× of 1. Run with
//! `cargo bench -p cors-tests --bench policy_decision`; `scripts/bench-ratios` prints the
//! ratios.

use core::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use tower::Layer;

mod fixtures;

use fixtures::{
    Patterns, SIZES, Scenario, check_scenario, inner, our_layer, our_policy, peer_layer, serve,
};

fn policy_decision(c: &mut Criterion) {
    for patterns in Patterns::ALL {
        for n in SIZES {
            let policy = our_policy(patterns, n);
            let mut ours = our_layer(patterns, n).layer(inner());
            let mut peer = peer_layer(patterns, n).layer(inner());
            let parameter = format!("{}-{n}", patterns.name());
            for scenario in Scenario::ALL {
                check_scenario(scenario, patterns, n, &mut ours, &mut peer, &policy);
                let mut group = c.benchmark_group(format!("policy/{}", scenario.name()));
                let pairs = scenario.headers(patterns, n);
                let method = scenario.method().as_bytes();
                group.bench_function(BenchmarkId::new("core", &parameter), |b| {
                    b.iter(|| {
                        policy
                            .policy()
                            .decide_list(black_box(method), black_box(&pairs[..]))
                    });
                });
                let request = scenario.request(patterns, n);
                group.bench_function(BenchmarkId::new("tower", &parameter), |b| {
                    b.iter_batched(
                        || request.clone(),
                        |request| serve(&mut ours, request),
                        BatchSize::SmallInput,
                    );
                });
                group.bench_function(BenchmarkId::new("tower-http", &parameter), |b| {
                    b.iter_batched(
                        || request.clone(),
                        |request| serve(&mut peer, request),
                        BatchSize::SmallInput,
                    );
                });
                group.finish();
            }
        }
    }
}

criterion_group!(benches, policy_decision);
criterion_main!(benches);
