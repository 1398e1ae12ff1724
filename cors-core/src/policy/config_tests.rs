//! Every configuration rule: each error and warning of issue 4, with the misconfiguration
//! class of security.md §4 it closes.

extern crate std;

use std::format;
use std::string::ToString;
use std::vec::Vec;

use super::super::pattern::PatternErrorKind;
use super::*;
use crate::origin::serialized::SerializedOriginErrorKind;

use ProblemValue::{EmptyList, Integer, Text};
use Setting::{
    AllowedMethods as Methods, AllowedOrigins as Origins, AllowedRequestHeaders as Headers,
    ExposedResponseHeaders as Exposed, MaxAge, PreflightSuccessStatus as Status,
};

/// `(setting, value, rule, related)` of one expected problem.
type Expected = (Setting, ProblemValue<'static>, Rule, Option<&'static str>);

struct Case {
    desc: &'static str,
    config: PolicyConfig<'static>,
    expected: &'static [Expected],
}

const fn origins(list: &'static [&'static str]) -> PolicyConfig<'static> {
    PolicyConfig::new(list)
}

const fn credentialed(list: &'static [&'static str]) -> PolicyConfig<'static> {
    PolicyConfig {
        allow_credentials: true,
        ..PolicyConfig::new(list)
    }
}

const ONE: &[&str] = &["https://app.example.com"];

fn invalid(kind: PatternErrorKind, position: usize) -> Rule {
    Rule::InvalidPattern(super::super::pattern::PatternError { kind, position })
}

/// Asserts that building `config` reports exactly `expected`, in any order.
fn assert_problems(desc: &str, config: &PolicyConfig<'static>, expected: &[Expected]) {
    let (result, problems) = build_reporting(config);
    let mut got: Vec<Expected> = problems
        .iter()
        .map(|p| (p.setting, p.value, p.rule, p.related))
        .collect();
    let mut want = expected.to_vec();
    let key = |e: &Expected| format!("{e:?}");
    got.sort_by_key(key);
    want.sort_by_key(key);
    assert_eq!(got, want, "{desc}");
    let errors = expected
        .iter()
        .filter(|e| e.2.severity() == Severity::Error)
        .count();
    match result {
        Ok(_) => assert_eq!(errors, 0, "{desc}: built with errors"),
        Err(e) => assert_eq!(e, BuildError::Invalid { errors }, "{desc}"),
    }
}

static DESIGN_EXAMPLE: PolicyConfig<'static> = PolicyConfig {
    allowed_origins: &[
        "https://app.example.com",
        "https://*.example.com",
        "http://localhost:*",
    ],
    allow_credentials: true,
    allowed_methods: &["GET", "POST", "PUT", "DELETE"],
    allowed_request_headers: &["authorization", "content-type"],
    exposed_response_headers: &["x-request-id"],
    max_age: Some(600),
    preflight_success_status: 204,
    tolerate_insecure_origins: false,
    tolerate_public_suffix_wildcards: false,
    allow_null_origin: false,
};

static CASES: &[Case] = &[
    Case {
        desc: "the DESIGN.md example: valid; its exact origin is shadowed by its wildcard",
        config: DESIGN_EXAMPLE,
        expected: &[(
            Origins,
            Text("https://app.example.com"),
            Rule::Shadowed,
            Some("https://*.example.com"),
        )],
    },
    Case {
        desc: "class 2: * with credentials",
        config: credentialed(&["*"]),
        expected: &[(Origins, Text("*"), Rule::WildcardWithCredentials, None)],
    },
    Case {
        desc: "class 2: * with credentials in methods, request headers and exposed headers",
        config: PolicyConfig {
            allowed_methods: &["*"],
            allowed_request_headers: &["*"],
            exposed_response_headers: &["*"],
            ..credentialed(ONE)
        },
        expected: &[
            (Methods, Text("*"), Rule::WildcardWithCredentials, None),
            (Headers, Text("*"), Rule::WildcardWithCredentials, None),
            (Exposed, Text("*"), Rule::WildcardWithCredentials, None),
        ],
    },
    Case {
        desc: "* everywhere without credentials is valid",
        config: PolicyConfig {
            allowed_methods: &["*"],
            allowed_request_headers: &["*", "authorization"],
            exposed_response_headers: &["*"],
            ..origins(&["*"])
        },
        expected: &[],
    },
    Case {
        desc: "class 8: null without allow_null_origin",
        config: origins(&["null"]),
        expected: &[(Origins, Text("null"), Rule::NullOrigin, None)],
    },
    Case {
        desc: "class 8: null allowed, without credentials, is valid",
        config: PolicyConfig {
            allow_null_origin: true,
            ..origins(&["null"])
        },
        expected: &[],
    },
    Case {
        desc: "class 8: null never with credentials, even when allowed",
        config: PolicyConfig {
            allow_null_origin: true,
            ..credentialed(&["null"])
        },
        expected: &[(Origins, Text("null"), Rule::NullOriginWithCredentials, None)],
    },
    Case {
        desc: "class 8: null with credentials and without the opt-in breaks both rules",
        config: credentialed(&["null"]),
        expected: &[
            (Origins, Text("null"), Rule::NullOrigin, None),
            (Origins, Text("null"), Rule::NullOriginWithCredentials, None),
        ],
    },
    Case {
        desc: "allow_null_origin without null in allowed_origins has no effect",
        config: PolicyConfig {
            allow_null_origin: true,
            ..origins(&["https://a.example", "https://*.b.example"])
        },
        expected: &[(
            Setting::AllowNullOrigin,
            ProblemValue::Flag(true),
            Rule::NullOriginOptInUnused,
            None,
        )],
    },
    Case {
        desc: "allow_null_origin with a misspelt null: the pattern error and the unused opt-in",
        config: PolicyConfig {
            allow_null_origin: true,
            ..origins(&["NULL"])
        },
        expected: &[
            (
                Origins,
                Text("NULL"),
                invalid_const(
                    PatternErrorKind::Origin(SerializedOriginErrorKind::UppercaseScheme),
                    0,
                ),
                None,
            ),
            (
                Setting::AllowNullOrigin,
                ProblemValue::Flag(true),
                Rule::NullOriginOptInUnused,
                None,
            ),
        ],
    },
    Case {
        desc: "class 9: cleartext origins with credentials",
        config: credentialed(&[
            "http://example.com",
            "http://*.example.com",
            "ws://example.com",
        ]),
        expected: &[
            (
                Origins,
                Text("http://example.com"),
                Rule::InsecureOriginWithCredentials,
                None,
            ),
            (
                Origins,
                Text("http://*.example.com"),
                Rule::InsecureOriginWithCredentials,
                None,
            ),
            (
                Origins,
                Text("ws://example.com"),
                Rule::InsecureOriginWithCredentials,
                None,
            ),
        ],
    },
    Case {
        desc: "class 9: loopback and localhost are trustworthy",
        config: credentialed(&[
            "http://localhost:3000",
            "http://127.0.0.1:*",
            "http://127.1.2.3:8080",
            "http://[::1]:8080",
            "http://*.localhost:*",
        ]),
        expected: &[],
    },
    Case {
        desc: "class 9: tolerated, or without credentials",
        config: PolicyConfig {
            tolerate_insecure_origins: true,
            ..credentialed(&["http://example.com"])
        },
        expected: &[],
    },
    Case {
        desc: "class 9: cleartext without credentials is valid",
        config: origins(&["http://example.com"]),
        expected: &[],
    },
    Case {
        desc: "class 11: wildcards over public suffixes",
        config: origins(&[
            "https://*.github.io",
            "https://*.com",
            "https://*.co.uk",
            "https://*.internal",
        ]),
        expected: &[
            (
                Origins,
                Text("https://*.github.io"),
                Rule::PublicSuffixWildcard,
                None,
            ),
            (
                Origins,
                Text("https://*.com"),
                Rule::PublicSuffixWildcard,
                None,
            ),
            (
                Origins,
                Text("https://*.co.uk"),
                Rule::PublicSuffixWildcard,
                None,
            ),
            (
                Origins,
                Text("https://*.internal"),
                Rule::PublicSuffixWildcard,
                None,
            ),
        ],
    },
    Case {
        desc: "class 11: tolerated",
        config: PolicyConfig {
            tolerate_public_suffix_wildcards: true,
            ..origins(&["https://*.github.io"])
        },
        expected: &[],
    },
    Case {
        desc: "class 11: a registrable domain below a public suffix is fine",
        config: origins(&["https://*.me.github.io", "https://*.example.co.uk"]),
        expected: &[],
    },
    Case {
        desc: "malformed and non-canonical patterns (classes 4, 5, 8, 20)",
        config: origins(&[
            "https://*example.com",
            "https://ex*.com",
            "https://EXAMPLE.com",
            "https://example.com/",
            "https://example.com/path",
            "https://example.com:443",
            "file:///etc",
        ]),
        expected: &[
            (
                Origins,
                Text("https://*example.com"),
                invalid_const(PatternErrorKind::WildcardPrefixOfLabel, 8),
                None,
            ),
            (
                Origins,
                Text("https://ex*.com"),
                invalid_const(PatternErrorKind::WildcardInsideLabel, 10),
                None,
            ),
            (
                Origins,
                Text("https://EXAMPLE.com"),
                invalid_const(
                    PatternErrorKind::Origin(SerializedOriginErrorKind::UppercaseHost),
                    8,
                ),
                None,
            ),
            (
                Origins,
                Text("https://example.com/"),
                invalid_const(
                    PatternErrorKind::Origin(SerializedOriginErrorKind::Path),
                    19,
                ),
                None,
            ),
            (
                Origins,
                Text("https://example.com/path"),
                invalid_const(
                    PatternErrorKind::Origin(SerializedOriginErrorKind::Path),
                    19,
                ),
                None,
            ),
            (
                Origins,
                Text("https://example.com:443"),
                invalid_const(
                    PatternErrorKind::Origin(SerializedOriginErrorKind::DefaultPort),
                    20,
                ),
                None,
            ),
            (
                Origins,
                Text("file:///etc"),
                invalid_const(
                    PatternErrorKind::Origin(SerializedOriginErrorKind::FileScheme),
                    0,
                ),
                None,
            ),
        ],
    },
    Case {
        desc: "forbidden methods, invalid tokens, methods browsers uppercase",
        config: PolicyConfig {
            allowed_methods: &[
                "CONNECT", "trace", "TrAcK", "GET POST", "", "PU\r\nT", "delete", "Put", "patch",
                "PATCH",
            ],
            ..origins(ONE)
        },
        expected: &[
            (Methods, Text("CONNECT"), Rule::ForbiddenMethod, None),
            (Methods, Text("trace"), Rule::ForbiddenMethod, None),
            (Methods, Text("TrAcK"), Rule::ForbiddenMethod, None),
            (Methods, Text("GET POST"), Rule::InvalidToken, None),
            (Methods, Text(""), Rule::InvalidToken, None),
            (Methods, Text("PU\r\nT"), Rule::InvalidToken, None),
            (Methods, Text("delete"), Rule::MethodNotNormalized, None),
            (Methods, Text("Put"), Rule::MethodNotNormalized, None),
        ],
    },
    Case {
        desc: "forbidden request-header names, invalid names, method override",
        config: PolicyConfig {
            allowed_request_headers: &[
                "cookie",
                "Sec-Fetch-Mode",
                "proxy-authorization",
                "Origin",
                "set-cookie",
                "Access-Control-Request-Headers",
                "x requested",
                "x-http-method-override",
                "X-HTTP-Method",
                "x-method-override",
                "x-api-key",
                "content-type",
            ],
            ..origins(ONE)
        },
        expected: &[
            (Headers, Text("cookie"), Rule::ForbiddenRequestHeader, None),
            (
                Headers,
                Text("Sec-Fetch-Mode"),
                Rule::ForbiddenRequestHeader,
                None,
            ),
            (
                Headers,
                Text("proxy-authorization"),
                Rule::ForbiddenRequestHeader,
                None,
            ),
            (Headers, Text("Origin"), Rule::ForbiddenRequestHeader, None),
            (
                Headers,
                Text("set-cookie"),
                Rule::ForbiddenRequestHeader,
                None,
            ),
            (
                Headers,
                Text("Access-Control-Request-Headers"),
                Rule::ForbiddenRequestHeader,
                None,
            ),
            (Headers, Text("x requested"), Rule::InvalidToken, None),
            (
                Headers,
                Text("x-http-method-override"),
                Rule::MethodOverrideHeader,
                None,
            ),
            (
                Headers,
                Text("X-HTTP-Method"),
                Rule::MethodOverrideHeader,
                None,
            ),
            (
                Headers,
                Text("x-method-override"),
                Rule::MethodOverrideHeader,
                None,
            ),
        ],
    },
    Case {
        desc: "exposed headers already safelisted, never exposed, invalid",
        config: PolicyConfig {
            exposed_response_headers: &[
                "content-type",
                "Cache-Control",
                "set-cookie",
                "Set-Cookie2",
                "x id",
                "x-request-id",
            ],
            ..origins(ONE)
        },
        expected: &[
            (
                Exposed,
                Text("content-type"),
                Rule::SafelistedResponseHeader,
                None,
            ),
            (
                Exposed,
                Text("Cache-Control"),
                Rule::SafelistedResponseHeader,
                None,
            ),
            (
                Exposed,
                Text("set-cookie"),
                Rule::NeverExposedResponseHeader,
                None,
            ),
            (
                Exposed,
                Text("Set-Cookie2"),
                Rule::NeverExposedResponseHeader,
                None,
            ),
            (Exposed, Text("x id"), Rule::InvalidToken, None),
        ],
    },
    Case {
        desc: "negative max-age",
        config: PolicyConfig {
            max_age: Some(-1),
            ..origins(ONE)
        },
        expected: &[(MaxAge, Integer(-1), Rule::NegativeMaxAge, None)],
    },
    Case {
        desc: "max-age at Chromium's cap",
        config: PolicyConfig {
            max_age: Some(7200),
            ..origins(ONE)
        },
        expected: &[],
    },
    Case {
        desc: "max-age above Chromium's cap by 1",
        config: PolicyConfig {
            max_age: Some(7201),
            ..origins(ONE)
        },
        expected: &[(MaxAge, Integer(7201), Rule::MaxAgeAboveBrowserCaps, None)],
    },
    Case {
        desc: "max-age at Firefox's cap",
        config: PolicyConfig {
            max_age: Some(86400),
            ..origins(ONE)
        },
        expected: &[(MaxAge, Integer(86400), Rule::MaxAgeAboveBrowserCaps, None)],
    },
    Case {
        desc: "max-age 0 disables the preflight cache and is valid",
        config: PolicyConfig {
            max_age: Some(0),
            ..origins(ONE)
        },
        expected: &[],
    },
    Case {
        desc: "status below 200",
        config: PolicyConfig {
            preflight_success_status: 199,
            ..origins(ONE)
        },
        expected: &[(Status, Integer(199), Rule::NonOkStatus, None)],
    },
    Case {
        desc: "status 300",
        config: PolicyConfig {
            preflight_success_status: 300,
            ..origins(ONE)
        },
        expected: &[(Status, Integer(300), Rule::NonOkStatus, None)],
    },
    Case {
        desc: "status 200 and 299 are ok",
        config: PolicyConfig {
            preflight_success_status: 299,
            ..origins(&["https://a.example", "https://b.example"])
        },
        expected: &[],
    },
    Case {
        desc: "no allowed origin",
        config: origins(&[]),
        expected: &[(Origins, EmptyList, Rule::NoAllowedOrigins, None)],
    },
    Case {
        desc: "duplicates in every list",
        config: PolicyConfig {
            allowed_methods: &["PUT", "PUT"],
            allowed_request_headers: &["X-A", "x-a"],
            exposed_response_headers: &["x-b", "X-B"],
            ..origins(&["https://a.example", "https://a.example", "*", "*"])
        },
        expected: &[
            (
                Origins,
                Text("https://a.example"),
                Rule::Duplicate,
                Some("https://a.example"),
            ),
            (Origins, Text("*"), Rule::Duplicate, Some("*")),
            (
                Origins,
                Text("https://a.example"),
                Rule::Shadowed,
                Some("*"),
            ),
            (Methods, Text("PUT"), Rule::Duplicate, Some("PUT")),
            (Headers, Text("x-a"), Rule::Duplicate, Some("X-A")),
            (Exposed, Text("X-B"), Rule::Duplicate, Some("x-b")),
        ],
    },
    Case {
        desc: "patterns shadowed by another pattern",
        config: origins(&[
            "https://a.example.com",
            "https://*.a.example.com",
            "https://*.example.com",
            "http://localhost:3000",
            "http://localhost:*",
            "https://*.example.net:8443",
            "https://*.example.net:*",
        ]),
        expected: &[
            (
                Origins,
                Text("https://a.example.com"),
                Rule::Shadowed,
                Some("https://*.example.com"),
            ),
            (
                Origins,
                Text("https://*.a.example.com"),
                Rule::Shadowed,
                Some("https://*.example.com"),
            ),
            (
                Origins,
                Text("http://localhost:3000"),
                Rule::Shadowed,
                Some("http://localhost:*"),
            ),
            (
                Origins,
                Text("https://*.example.net:8443"),
                Rule::Shadowed,
                Some("https://*.example.net:*"),
            ),
        ],
    },
    Case {
        desc: "not shadowed: the bare domain, another port, another scheme",
        config: origins(&[
            "https://example.com",
            "https://a.example.com:8443",
            "http://a.example.com",
            "https://*.example.com",
            "http://localhost",
            "http://*.localhost:*",
        ]),
        expected: &[],
    },
    Case {
        desc: "everything is shadowed by *, and * never covers authorization",
        config: PolicyConfig {
            allowed_methods: &["*", "PUT"],
            allowed_request_headers: &["*", "x-a", "authorization"],
            exposed_response_headers: &["*", "x-b"],
            allow_null_origin: true,
            ..origins(&["*", "https://a.example", "null"])
        },
        expected: &[
            (
                Origins,
                Text("https://a.example"),
                Rule::Shadowed,
                Some("*"),
            ),
            (Origins, Text("null"), Rule::Shadowed, Some("*")),
            (Methods, Text("PUT"), Rule::Shadowed, Some("*")),
            (Headers, Text("x-a"), Rule::Shadowed, Some("*")),
            (Exposed, Text("x-b"), Rule::Shadowed, Some("*")),
        ],
    },
];

const fn invalid_const(kind: PatternErrorKind, position: usize) -> Rule {
    Rule::InvalidPattern(super::super::pattern::PatternError { kind, position })
}

#[test]
fn reports_exactly_the_problems_of_each_rule() {
    for case in CASES {
        assert_problems(case.desc, &case.config, case.expected);
    }
}

#[test]
fn reports_every_error_at_once() {
    let config = PolicyConfig {
        allowed_methods: &["TRACE", "GET POST"],
        allowed_request_headers: &["*", "cookie"],
        exposed_response_headers: &["*"],
        max_age: Some(-5),
        preflight_success_status: 404,
        ..credentialed(&[
            "*",
            "null",
            "http://example.com",
            "https://*.github.io",
            "https://*example.com",
        ])
    };
    let (result, problems) = build_reporting(&config);
    let errors = problems
        .iter()
        .filter(|p| p.severity() == Severity::Error)
        .count();
    // *, null (twice), insecure, public suffix, the bad pattern, two methods, * and cookie
    // in headers, * in exposed, max-age, status.
    assert_eq!(errors, 13, "{problems:#?}");
    assert_eq!(result.err(), Some(BuildError::Invalid { errors: 13 }));
}

#[test]
fn rules_carry_their_misconfiguration_class() {
    let table = [
        (Rule::WildcardWithCredentials, Some(2)),
        (Rule::NullOrigin, Some(8)),
        (Rule::NullOriginWithCredentials, Some(8)),
        (Rule::InsecureOriginWithCredentials, Some(9)),
        (Rule::PublicSuffixWildcard, Some(11)),
        (Rule::InvalidToken, Some(13)),
        (Rule::MethodOverrideHeader, Some(15)),
        (invalid(PatternErrorKind::WildcardWithoutDomain, 8), Some(1)),
        (invalid(PatternErrorKind::WildcardPrefixOfLabel, 8), Some(4)),
        (invalid(PatternErrorKind::WildcardInsideLabel, 10), Some(5)),
        (
            invalid(
                PatternErrorKind::Origin(SerializedOriginErrorKind::UppercaseHost),
                8,
            ),
            Some(20),
        ),
        (Rule::NegativeMaxAge, None),
        (Rule::Shadowed, None),
    ];
    for (rule, class) in table {
        assert_eq!(rule.class(), class, "{rule:?}");
    }
}

#[test]
fn rejects_lists_over_their_limits() {
    use crate::limits::{MAX_ALLOWED_METHODS, MAX_CONFIG_NAME_LEN, MAX_EXPOSE_HEADERS_VALUE_LEN};
    let methods = leak((0..=MAX_ALLOWED_METHODS).map(|i| format!("M{i}")).collect());
    let long_name = leak(std::vec!["X".repeat(MAX_CONFIG_NAME_LEN + 1)]);
    // 40 names of 30 bytes joined by ", " need 40 × 32 − 2 bytes.
    let exposed = leak((0..40).map(|i| format!("x-{i:028}")).collect());
    const { assert!(40 * 32 - 2 > MAX_EXPOSE_HEADERS_VALUE_LEN) };
    let config = PolicyConfig {
        allowed_methods: methods,
        allowed_request_headers: long_name,
        exposed_response_headers: exposed,
        ..origins(ONE)
    };
    let (_, problems) = build_reporting(&config);
    let rules: Vec<_> = problems.iter().map(|p| (p.setting, p.rule)).collect();
    assert!(rules.contains(&(Methods, Rule::TooManyValues)), "{rules:?}");
    assert!(rules.contains(&(Headers, Rule::NameTooLong)), "{rules:?}");
    assert!(
        rules.contains(&(Exposed, Rule::ExposeHeadersTooLong)),
        "{rules:?}"
    );
    let too_many = problems.iter().find(|p| p.rule == Rule::TooManyValues);
    assert_eq!(
        too_many.map(|p| p.value),
        Some(Text(methods[MAX_ALLOWED_METHODS]))
    );
}

#[test]
fn refuses_storage_too_small() {
    let config = origins(&[
        "https://a.example",
        "https://b.example",
        "https://c.example",
    ]);
    let mut problems = Vec::new();
    let result = Policy::build(&config, &TestPsl, [PatternSlot::EMPTY; 2], &mut |p| {
        problems.push(p)
    });
    assert_eq!(
        result.err(),
        Some(BuildError::StorageTooSmall {
            needed: 3,
            available: 2
        })
    );
    let exact = Policy::build(&config, &TestPsl, [PatternSlot::EMPTY; 3], &mut |p| {
        problems.push(p)
    });
    assert!(exact.is_ok());
    assert!(problems.is_empty());
}

#[test]
fn validate_alone_checks_each_value() {
    let config = credentialed(&["*", "https://a.example", "https://a.example"]);
    let mut problems = Vec::new();
    let counts = validate(&config, &TestPsl, &mut |p| problems.push(p));
    // Duplicates need the sorted patterns: only `build` reports them.
    assert_eq!(
        counts,
        ProblemCounts {
            errors: 1,
            warnings: 0
        }
    );
    assert_eq!(problems[0].rule, Rule::WildcardWithCredentials);
}

#[test]
fn problems_display_setting_value_and_message() {
    let (_, problems) = build_reporting(&credentialed(&["*"]));
    assert_eq!(
        problems[0].to_string(),
        "allowed_origins: \"*\": \"*\" cannot be combined with allow_credentials"
    );
    let (_, problems) = build_reporting(&origins(&["https://ex*.com"]));
    assert_eq!(
        problems[0].to_string(),
        "allowed_origins: \"https://ex*.com\": \"*\" cannot stand inside a label (at byte 10)"
    );
}
