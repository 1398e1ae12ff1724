//! `cors_check`: a pass means exactly one `Access-Control-Allow-Origin` whose value is the
//! serialized origin, or `*` without `include`; and with `include`, exactly one
//! `Access-Control-Allow-Credentials` whose value is `true`.
#![no_main]

use cors_core::browser::response::cors_check;
use cors_core::http::BoundedHeaders;
use cors_fuzz::browser::{ACAC, ACAO, CorsCheckCase, Credentials, values};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: CorsCheckCase<'_>| {
    let (origin, list) = (case.origin(), case.header_list());
    let headers = BoundedHeaders::new(&list).expect("within the limits");
    if cors_check(&headers, origin, case.credentials.into()).is_err() {
        return;
    }
    let include = case.credentials == Credentials::Include;
    let acao = values(&list, ACAO);
    let star = acao == [b"*"] && !include;
    assert!(acao == [origin] || star, "{case:?}: {acao:?}");
    if include {
        assert_eq!(values(&list, ACAC), [b"true"], "{case:?}");
    }
});
