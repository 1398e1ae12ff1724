use super::*;
use crate::browser::response::test_support::{ORIGIN, Pair, headers};

/// A cors-tainted, non-navigation request from the samples' origin.
const CORS: TaoRequest<'static> = TaoRequest {
    timing_allow_failed: false,
    serialized_origin: ORIGIN.as_bytes(),
    mode_is_navigate: false,
    current_url_same_origin: false,
    tainting_is_basic: false,
};

fn check(request: &TaoRequest<'_>, list: &[Pair]) -> Result<(), TaoFailure> {
    tao_check(request, &headers(list))
}

#[test]
fn steps_3_and_4_star_or_the_serialized_origin_succeed() {
    let cases: &[(&str, bool)] = &[
        ("*", true),
        ("http://127.0.0.1:8001", true),
        ("http://a.test, http://127.0.0.1:8001", true),
        ("http://a.test,*", true),
        ("http://127.0.0.1:8001/", false),
        ("HTTP://127.0.0.1:8001", false),
        ("\"*\"", false),
        ("null", false),
        ("", false),
    ];
    for &(value, ok) in cases {
        let result = check(&CORS, &[("Timing-Allow-Origin", value)]);
        assert_eq!(result.is_ok(), ok, "{value:?}");
    }
    // Two headers are joined by "get" before the split.
    let two = [
        ("Timing-Allow-Origin", "http://a.test"),
        ("timing-allow-origin", "http://127.0.0.1:8001"),
    ];
    assert_eq!(check(&CORS, &two), Ok(()));
}

#[test]
fn step_4_null_matches_an_opaque_or_tainted_origin() {
    let tainted = TaoRequest {
        serialized_origin: b"null",
        ..CORS
    };
    assert_eq!(check(&tainted, &[("Timing-Allow-Origin", "null")]), Ok(()));
}

#[test]
fn step_1_an_earlier_failure_sticks() {
    let failed = TaoRequest {
        timing_allow_failed: true,
        ..CORS
    };
    assert_eq!(
        check(&failed, &[("Timing-Allow-Origin", "*")]),
        Err(TaoFailure::AlreadyFailed)
    );
}

#[test]
fn steps_5_to_7_without_the_header() {
    assert_eq!(check(&CORS, &[]), Err(TaoFailure::NotAllowed));
    let basic = TaoRequest {
        tainting_is_basic: true,
        ..CORS
    };
    assert_eq!(check(&basic, &[]), Ok(()));
    let navigate_cross = TaoRequest {
        mode_is_navigate: true,
        ..basic
    };
    assert_eq!(
        check(&navigate_cross, &[]),
        Err(TaoFailure::NavigateCrossOrigin)
    );
    let navigate_same = TaoRequest {
        current_url_same_origin: true,
        ..navigate_cross
    };
    assert_eq!(check(&navigate_same, &[]), Ok(()));
}
