//! `url_origin`: agrees with the `url` crate on ASCII input, and the strict `Origin` header
//! parser accepts the serialization of each tuple origin it gives exactly when the host fits
//! the header grammar, as the same origin.
#![no_main]

use cors_fuzz::{UrlCase, assert_strict_parse_agrees, url_reference};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: UrlCase<'_>| {
    let ours = cors_core::url_origin(case.input, case.base);
    if let Ok(origin) = &ours {
        assert_strict_parse_agrees(origin);
    }
    // The url crate is the reference for ASCII input: cors-core leaves IDNA to cors-std (a
    // percent-encoded host can still need it), and has length limits the url crate has not.
    let ascii = case.input.is_ascii() && case.base.is_none_or(str::is_ascii);
    let limit = ours
        .as_ref()
        .is_err_and(|e| e.failure().is_implementation_limit());
    if ascii
        && !limit
        && let Some(theirs) = url_reference::origin(&case, &ours)
    {
        assert_eq!(
            ours.map(|o| o.to_string()).ok(),
            theirs,
            "cors-core vs url crate"
        );
    }
});
