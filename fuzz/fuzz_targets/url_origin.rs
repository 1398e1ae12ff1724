//! `url_origin`: agrees with the `url` crate (on ASCII input within cors-core's limits, its
//! known bugs put right), and the strict `Origin` header parser accepts the serialization of
//! each tuple origin it gives exactly when the host fits the header grammar, as the same
//! origin.
#![no_main]

use cors_fuzz::{UrlCase, assert_strict_parse_agrees, url_reference};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: UrlCase<'_>| {
    let ours = cors_core::url_origin(case.input, case.base);
    if let Ok(origin) = &ours {
        assert_strict_parse_agrees(origin);
    }
    if let Some(theirs) = url_reference::reference_origin(&case, &ours) {
        let ours = ours.map(|o| o.to_string()).ok();
        assert_eq!(ours, theirs, "cors-core vs url crate");
    }
});
