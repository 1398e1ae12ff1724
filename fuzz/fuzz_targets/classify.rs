//! `classify_fetch`: never panics; in mode `cors`, filling the headers throws exactly when
//! the naive reference's fill does, and the preflight (whether there is one, and its
//! `Access-Control-Request-Headers`) is the reference's; shuffling the headers and flipping
//! the case of their names changes nothing.
#![no_main]

use cors_core::browser::request::classify_fetch;
use cors_fuzz::browser::{FetchCase, outcome, preflight_request_headers};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: FetchCase<'_>| {
    let result = classify_fetch(case.input(case.headers()));
    let got = outcome(&result);
    if let Some(want) = case.reference() {
        let preflight = result.as_ref().ok().map(preflight_request_headers);
        assert_eq!(preflight, want, "{case:?}: {got}");
    }
    let shuffled = case.shuffled();
    let again = outcome(&classify_fetch(case.input(&shuffled)));
    assert_eq!(got, again, "{case:?} shuffled: {shuffled:?}");
});
