//! `validate_preflight_response`: a pass means an ok status, a passing CORS check, the
//! method safelisted or listed exactly (or `*` without `include`, or no list with the
//! use-CORS-preflight flag), and every CORS-unsafe name listed in any case (or `*` without
//! `include`, which covers `Authorization` only for Chromium).
#![no_main]

use cors_core::browser::response::{cors_check, validate_preflight_response};
use cors_core::http::BoundedHeaders;
use cors_fuzz::browser::{PREFLIGHT_ORIGIN, PreflightCase};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: PreflightCase<'_>| {
    let list = case.header_list();
    let headers = BoundedHeaders::new(&list).expect("within the limits");
    let request = case.request();
    if validate_preflight_response(&request, case.status, &headers, case.profile.into()).is_err() {
        return;
    }
    assert!((200..=299).contains(&case.status), "{case:?}");
    let cors = cors_check(&headers, PREFLIGHT_ORIGIN, case.credentials.into());
    assert!(cors.is_ok(), "{case:?}: {cors:?}");
    assert!(case.reference_method_allowed(&list), "{case:?}");
    for name in case.unsafe_names() {
        assert!(
            case.reference_name_allowed(&list, name),
            "{case:?}: {name:?}"
        );
    }
});
