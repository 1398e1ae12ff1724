//! `Policy::decide` for a valid policy: the security invariants on every answer (also to
//! requests no browser sends), the matcher against the naive reference, and the browser
//! model accepting the policy's answers iff the policy allowed the request.
#![no_main]

use cors_core::http::BoundedHeaders;
use cors_fuzz::policy::{self, DecideCase};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: DecideCase<'_>| {
    let config = case.config();
    let origins: Vec<&str> = config.origins.iter().map(String::as_str).collect();
    let Some(policy) = policy::build(&config.policy_config(&origins)) else {
        return;
    };
    let raw = case.raw_request();
    if let Ok(request) = BoundedHeaders::new(&raw[..]) {
        let decision = policy.decide(case.raw_method.as_bytes(), &request);
        policy::assert_invariants(&policy, case.raw_method.as_bytes(), &request, &decision);
    }
    if let Some(origin) = case.request_origin(&config) {
        policy::assert_matcher_agrees(&policy, &origins, config.allow_null, &origin);
        policy::assert_browser_equivalence(&config, &policy, &case, &origin);
    }
});
