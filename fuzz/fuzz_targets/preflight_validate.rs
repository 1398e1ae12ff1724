//! `validate_preflight_response` agrees with step 7 of the CORS-preflight fetch written out
//! (fuzz/src/browser.rs): a pass exactly when the status is ok, the CORS check passes, both
//! lists are tokens, the method is safelisted or listed exactly (or `*` without `include`,
//! or no list with the use-CORS-preflight flag), and every CORS-unsafe name is listed in any
//! case (or `*` without `include`, which covers `Authorization` only for Chromium). For
//! values with whitespace around them (no header values), a pass still implies all that.
#![no_main]

use cors_core::browser::response::validate_preflight_response;
use cors_core::http::BoundedHeaders;
use cors_fuzz::browser::PreflightCase;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: PreflightCase<'_>| {
    let list = case.header_list();
    let headers = BoundedHeaders::new(&list).expect("within the limits");
    let (request, profile) = (case.request(), case.profile.into());
    let result = validate_preflight_response(&request, case.status, &headers, profile);
    let want = case.reference_passes(&list);
    assert!(
        result.is_ok() == want || !case.normalized() && result.is_err(),
        "{case:?}: {result:?}"
    );
});
