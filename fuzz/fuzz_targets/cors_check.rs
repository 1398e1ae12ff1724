//! `cors_check` agrees with the standard's CORS check: a pass exactly when there is one
//! `Access-Control-Allow-Origin` whose value is the serialized origin, or `*` without
//! `include`; and with `include`, one `Access-Control-Allow-Credentials` whose value is
//! `true`. (For values with whitespace around them, which are no header values, a pass
//! still implies the trimmed values say so.)
#![no_main]

use cors_core::browser::response::cors_check;
use cors_core::http::BoundedHeaders;
use cors_fuzz::browser::CorsCheckCase;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: CorsCheckCase<'_>| {
    let list = case.header_list();
    let headers = BoundedHeaders::new(&list).expect("within the limits");
    let passed = cors_check(&headers, case.origin(), case.credentials.into()).is_ok();
    let want = case.reference_passes(&list);
    assert!(
        passed == want || !case.normalized() && !passed,
        "{case:?}: {passed}"
    );
});
