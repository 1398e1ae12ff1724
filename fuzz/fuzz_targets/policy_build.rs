//! `Policy::build` over any configuration: never panics; builds exactly when `validate`
//! reports no error, and reports the same errors (building adds only warnings: duplicates,
//! shadowing); a policy of exact origins allows exactly those origins.
#![no_main]

use cors_core::policy::validate;
use cors_fuzz::policy::{ConfigCase, Suffixes, assert_exact_origins_allowed, build_counting};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: ConfigCase<'_>| {
    let config = case.config();
    let counts = validate(&config, &Suffixes, &mut |_| {});
    let (built, errors) = build_counting(&config);
    let error = built.as_ref().err();
    assert_eq!(built.is_ok(), counts.errors == 0, "{error:?}");
    assert_eq!(
        errors, counts.errors,
        "build reports the errors validate reports"
    );
    if let Ok(policy) = built {
        assert_exact_origins_allowed(&policy, &case);
    }
});
