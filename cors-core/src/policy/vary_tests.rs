//! `merge_vary`: append the missing elements, never overwrite, never duplicate, `*` stays.

extern crate std;

use std::string::String;

use super::*;
use crate::limits::{MAX_VARY_ADDED, MAX_VARY_VALUE_LEN};

const PREFLIGHT: &str = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

struct Case {
    desc: &'static str,
    existing: Option<&'static str>,
    add: &'static str,
    expected: Result<&'static str, VaryError>,
}

static CASES: &[Case] = &[
    Case {
        desc: "no Vary yet",
        existing: None,
        add: "Origin",
        expected: Ok("Origin"),
    },
    Case {
        desc: "empty Vary",
        existing: Some(""),
        add: "Origin",
        expected: Ok("Origin"),
    },
    Case {
        desc: "only empty elements",
        existing: Some(" , ,"),
        add: "Origin",
        expected: Ok("Origin"),
    },
    Case {
        desc: "appended, not overwritten",
        existing: Some("Accept-Encoding"),
        add: "Origin",
        expected: Ok("Accept-Encoding, Origin"),
    },
    Case {
        desc: "existing kept as it is, trimmed",
        existing: Some("  accept-encoding,cookie "),
        add: "Origin",
        expected: Ok("accept-encoding,cookie, Origin"),
    },
    Case {
        desc: "no duplicate, case-insensitive",
        existing: Some("origin"),
        add: "Origin",
        expected: Ok("origin"),
    },
    Case {
        desc: "only the missing ones",
        existing: Some("Accept-Encoding, ORIGIN"),
        add: PREFLIGHT,
        expected: Ok(
            "Accept-Encoding, ORIGIN, Access-Control-Request-Method, Access-Control-Request-Headers",
        ),
    },
    Case {
        desc: "stacked layers add nothing twice",
        existing: Some(PREFLIGHT),
        add: PREFLIGHT,
        expected: Ok(PREFLIGHT),
    },
    Case {
        desc: "repeated added elements once",
        existing: None,
        add: "Origin, origin",
        expected: Ok("Origin"),
    },
    Case {
        desc: "* stays *",
        existing: Some("*"),
        add: "Origin",
        expected: Ok("*"),
    },
    Case {
        desc: "* among others stays as it is",
        existing: Some("Accept, *"),
        add: "Origin",
        expected: Ok("Accept, *"),
    },
    Case {
        desc: "adding * gives *",
        existing: Some("Accept"),
        add: "*",
        expected: Ok("*"),
    },
    Case {
        desc: "CR LF in the existing value",
        existing: Some("Accept\r\nX: y"),
        add: "Origin",
        expected: Err(VaryError::InvalidValue),
    },
    Case {
        desc: "non-ASCII existing value",
        existing: Some("Accépt"),
        add: "Origin",
        expected: Err(VaryError::InvalidValue),
    },
    Case {
        desc: "an added element that is not a token",
        existing: None,
        add: "Ori gin",
        expected: Err(VaryError::InvalidValue),
    },
];

#[test]
fn merges_without_overwriting_or_duplicating() {
    for case in CASES {
        let mut out = String::new();
        let result = merge_vary(case.existing.map(str::as_bytes), case.add, &mut out);
        assert_eq!(
            result.map(|()| out.as_str()),
            case.expected,
            "{}: {:?}",
            case.desc,
            case.existing
        );
    }
}

#[test]
fn rejects_values_over_the_limits() {
    let at_limit = "a".repeat(MAX_VARY_VALUE_LEN);
    let mut out = String::new();
    assert_eq!(
        merge_vary(Some(at_limit.as_bytes()), "Origin", &mut out),
        Ok(())
    );
    let over = "a".repeat(MAX_VARY_VALUE_LEN + 1);
    assert_eq!(
        merge_vary(Some(over.as_bytes()), "Origin", &mut String::new()),
        Err(VaryError::TooLong)
    );
    let added: std::vec::Vec<String> = (0..=MAX_VARY_ADDED).map(|i| std::format!("h{i}")).collect();
    assert_eq!(
        merge_vary(None, &added.join(", "), &mut String::new()),
        Err(VaryError::TooLong)
    );
    assert_eq!(
        merge_vary(None, &added[1..].join(", "), &mut String::new()),
        Ok(())
    );
}

#[test]
fn reports_a_failing_writer() {
    let mut small = heapless::String::<4>::new();
    assert_eq!(
        merge_vary(Some(b"Accept"), "Origin", &mut small),
        Err(VaryError::Write)
    );
}
