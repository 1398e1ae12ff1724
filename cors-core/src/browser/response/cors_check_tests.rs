use super::*;
use crate::browser::CredentialsMode::{Include, Omit, SameOrigin};

/// Checks `list` (static strings, so a failure can borrow its values for `'static`).
pub(super) fn check(
    list: &[(&'static str, &'static str)],
    origin: &str,
    credentials: CredentialsMode,
) -> Result<(), CorsCheckFailure<'static>> {
    let headers = BoundedHeaders::within_limits(list.iter().map(|&(n, v)| (n, v)));
    cors_check(&headers, origin.as_bytes(), credentials)
}

/// `#cors-protocol-and-credentials`, the table in the standard (cors-vectors.json group
/// `cors_check_credentials_spec_table`): request origin `https://rabbit.invalid`.
#[test]
fn accepts_and_rejects_the_standards_credentials_table() {
    let origin = "https://rabbit.invalid";
    let cases: &[(CredentialsMode, &str, Option<&str>, bool)] = &[
        (Omit, "*", None, true),
        (Omit, "*", Some("true"), true),
        (Omit, "https://rabbit.invalid/", None, false),
        (Omit, "https://rabbit.invalid", None, true),
        (Include, "*", Some("true"), false),
        (Include, "https://rabbit.invalid", Some("true"), true),
        (Include, "https://rabbit.invalid", Some("True"), false),
    ];
    for &(credentials, acao, acac, shared) in cases {
        let mut list = heapless::Vec::<(&str, &str), 2>::new();
        assert_eq!(list.push(("Access-Control-Allow-Origin", acao)), Ok(()));
        if let Some(acac) = acac {
            assert_eq!(
                list.push(("Access-Control-Allow-Credentials", acac)),
                Ok(())
            );
        }
        let result = check(&list, origin, credentials);
        assert_eq!(result.is_ok(), shared, "{credentials:?} {acao:?} {acac:?}");
    }
}

/// web-platform-tests `fetch/api/cors/cors-origin.any.js` (group `cors_check_origin`): the
/// requester's origin passes, the target's own origin fails, an empty value fails.
#[test]
fn accepts_only_the_requesters_serialized_origin() {
    let requester = "http://www1.web-platform.test:8000";
    let target = "http://www.web-platform.test:8000";
    for (acao, shared) in [(requester, true), (target, false), ("", false)] {
        let list = [("Access-Control-Allow-Origin", acao)];
        for credentials in [Omit, SameOrigin] {
            assert_eq!(
                check(&list, requester, credentials).is_ok(),
                shared,
                "{acao:?}"
            );
        }
    }
}

#[test]
fn step_2_absent_is_not_the_string_null() {
    assert_eq!(
        check(&[("Content-Type", "text/plain")], "null", Omit),
        Err(CorsCheckFailure::MissingAllowOrigin)
    );
    // An opaque or redirect-tainted origin serializes as `null`, which `null` matches.
    assert_eq!(
        check(&[("Access-Control-Allow-Origin", "null")], "null", Omit),
        Ok(())
    );
}

#[test]
fn step_4_two_equal_headers_never_match() {
    let list = [
        ("Access-Control-Allow-Origin", "http://127.0.0.1:8001"),
        ("access-control-allow-origin", "http://127.0.0.1:8001"),
    ];
    let failure = check(&list, "http://127.0.0.1:8001", SameOrigin).err();
    let values = match failure {
        Some(CorsCheckFailure::MultipleAllowOriginValues(values)) => Some(values),
        _ => None,
    };
    assert_eq!(values.map(|v| v.total()), Some(2), "{failure:?}");
    let mut out = heapless::String::<64>::new();
    let written = values.map(|v| {
        v.write_combined(&mut out, |o, b| {
            core::str::from_utf8(b)
                .map_err(|_| core::fmt::Error)
                .and_then(|text| o.write_str(text))
        })
    });
    assert_eq!(written, Some(Ok(())));
    assert_eq!(out, "http://127.0.0.1:8001, http://127.0.0.1:8001");
}

#[test]
fn step_4_is_byte_exact() {
    for acao in [
        "HTTP://127.0.0.1:8001",
        "http://127.0.0.1:8001/",
        "http://127.0.0.1:08001",
    ] {
        let list = [("Access-Control-Allow-Origin", acao)];
        assert!(
            check(&list, "http://127.0.0.1:8001", Omit).is_err(),
            "{acao:?}"
        );
    }
}

#[test]
fn step_8_credentials_must_be_exactly_true() {
    let origin = "https://rabbit.invalid";
    for acac in ["True", "TRUE", "1", "", "true "] {
        let list = [
            ("Access-Control-Allow-Origin", origin),
            ("Access-Control-Allow-Credentials", acac),
        ];
        // "true " is trimmed by HTTP parsing, so it passes; the others fail.
        assert_eq!(
            check(&list, origin, Include).is_ok(),
            acac == "true ",
            "{acac:?}"
        );
    }
    let twice = [
        ("Access-Control-Allow-Origin", origin),
        ("Access-Control-Allow-Credentials", "true"),
        ("Access-Control-Allow-Credentials", "true"),
    ];
    assert!(matches!(
        check(&twice, origin, Include),
        Err(CorsCheckFailure::InvalidAllowCredentials(Some(v))) if v.total() == 2
    ));
}

/// The kinds Chromium 156 reported for the recorded samples (samples-chromium.jsonl):
/// hp-simple-get-no-acao, hp-cred-include-acao-star, hp-cred-include-acac-missing,
/// hp-acao-other-origin, hp-acao-two-headers.
#[test]
fn rejects_with_the_kind_chromium_reports() {
    let o = "http://127.0.0.1:8001";
    assert_eq!(
        check(&[("Content-Type", "text/plain")], o, SameOrigin),
        Err(CorsCheckFailure::MissingAllowOrigin)
    );
    let star = [
        ("Access-Control-Allow-Origin", "*"),
        ("Access-Control-Allow-Credentials", "true"),
    ];
    assert_eq!(
        check(&star, o, Include),
        Err(CorsCheckFailure::WildcardWithCredentials)
    );
    assert_eq!(
        check(&[("Access-Control-Allow-Origin", o)], o, Include),
        Err(CorsCheckFailure::InvalidAllowCredentials(None))
    );
    let other = [("Access-Control-Allow-Origin", "http://127.0.0.1:9999")];
    assert_eq!(
        check(&other, o, SameOrigin),
        Err(CorsCheckFailure::AllowOriginMismatch(
            b"http://127.0.0.1:9999"
        ))
    );
    let two = [
        ("Access-Control-Allow-Origin", o),
        ("Access-Control-Allow-Origin", o),
    ];
    assert!(matches!(
        check(&two, o, SameOrigin),
        Err(CorsCheckFailure::MultipleAllowOriginValues(_))
    ));
}

/// Chromium's `CheckAccessInternal` (cors.cc): a space or comma means several values;
/// `null` is a mismatch, not invalid; a value `GURL` cannot parse is invalid; a URL with a
/// path is a mismatch.
#[test]
fn rejects_with_chromiums_value_diagnosis() {
    let o = "https://rabbit.invalid";
    let kind = |acao: &'static str| check(&[("Access-Control-Allow-Origin", acao)], o, Omit);
    assert!(matches!(
        kind("https://a.test https://b.test"),
        Err(CorsCheckFailure::MultipleAllowOriginValues(v)) if v.total() == 1
    ));
    assert!(matches!(
        kind("https://a.test,https://b.test"),
        Err(CorsCheckFailure::MultipleAllowOriginValues(_))
    ));
    assert_eq!(
        kind("null"),
        Err(CorsCheckFailure::AllowOriginMismatch(b"null"))
    );
    assert_eq!(
        kind(""),
        Err(CorsCheckFailure::InvalidAllowOriginValue(b""))
    );
    assert_eq!(
        kind("rabbit.invalid"),
        Err(CorsCheckFailure::InvalidAllowOriginValue(b"rabbit.invalid"))
    );
    assert_eq!(
        kind("https://rabbit.invalid/"),
        Err(CorsCheckFailure::AllowOriginMismatch(
            b"https://rabbit.invalid/"
        ))
    );
    assert_eq!(
        kind("https://rabbit.invalid:99999"),
        Err(CorsCheckFailure::InvalidAllowOriginValue(
            b"https://rabbit.invalid:99999"
        ))
    );
}
