//! `Policy::build` over any configuration: never panics; builds exactly when `validate`
//! reports no error (building adds only warnings: duplicates, shadowing); a policy of exact
//! origins allows exactly those origins.
#![no_main]

use cors_core::policy::{PatternSlot, Policy, Severity, validate};
use cors_fuzz::policy::{ConfigCase, Suffixes, assert_exact_origins_allowed};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: ConfigCase<'_>| {
    let config = case.config();
    let counts = validate(&config, &Suffixes, &mut |_| {});
    let mut errors = 0usize;
    let storage = vec![PatternSlot::EMPTY; config.allowed_origins.len()];
    let built = Policy::build(&config, &Suffixes, storage, &mut |problem| {
        errors += usize::from(problem.severity() == Severity::Error);
    });
    assert_eq!(
        built.is_ok(),
        counts.errors == 0,
        "{:?}",
        built.as_ref().err()
    );
    assert_eq!(
        errors, counts.errors,
        "build reports the errors validate reports"
    );
    if let Ok(policy) = built {
        assert_exact_origins_allowed(&policy, &case);
    }
});
