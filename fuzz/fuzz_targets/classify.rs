//! `classify_fetch`: never panics; in mode `cors`, filling the headers throws exactly when
//! the naive reference's fill does, and the preflight (whether there is one, and its
//! `Access-Control-Request-Headers`) is the reference's; shuffling the headers and flipping
//! the case of their names changes nothing.
#![no_main]

use cors_core::browser::request::classify_fetch;
use cors_fuzz::browser::{
    FetchCase, Mode, outcome, preflight_request_headers, reference_header_list,
    reference_method_ok, reference_preflight,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: FetchCase<'_>| {
    let headers = case.headers();
    let result = classify_fetch(case.input(headers));
    let got = outcome(&result);
    if case.mode == Mode::Cors && reference_method_ok(case.method) {
        let list = reference_header_list(headers);
        assert_eq!(list.is_some(), result.is_ok(), "{case:?}: {got}");
        if let (Some(list), Ok(c)) = (list, &result) {
            let want = reference_preflight(case.method, &list, case.profile.into());
            assert_eq!(preflight_request_headers(c), want, "{case:?}");
        }
    }
    let shuffled = case.shuffled();
    let again = outcome(&classify_fetch(case.input(&shuffled)));
    assert_eq!(got, again, "{case:?} shuffled: {shuffled:?}");
});
