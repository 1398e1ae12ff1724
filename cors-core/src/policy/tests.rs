//! Table tests of the policy engine. Expected values come from issue 4, `DESIGN.md`,
//! `reference/security.md` §4 and the Fetch Standard, never from running the code.

extern crate std;

use std::boxed::Box;
use std::string::{FromUtf8Error, String};
use std::vec::Vec;

use super::*;
use crate::http::BoundedHeaders;
use crate::origin::site::PublicSuffixList;

#[path = "config_tests.rs"]
mod config;
#[path = "decide_tests.rs"]
mod decide;
#[path = "matcher_tests.rs"]
mod matcher;
#[path = "pattern_tests.rs"]
mod pattern;
#[path = "vary_tests.rs"]
mod vary;

/// A Public Suffix List holding the rules these tests use; any other domain falls back to
/// the list's default rule `*` (its last label), as the real algorithm does.
pub(super) struct TestPsl;

const SUFFIXES: [&str; 8] = [
    "github.io",
    "herokuapp.com",
    "co.uk",
    "com",
    "io",
    "net",
    "org",
    "uk",
];

impl PublicSuffixList for TestPsl {
    fn public_suffix<'d>(&self, domain: &'d str) -> &'d str {
        let default = domain.rsplit('.').next().unwrap_or(domain);
        SUFFIXES
            .iter()
            .filter(|rule| {
                domain == **rule
                    || domain
                        .strip_suffix(**rule)
                        .is_some_and(|head| head.ends_with('.'))
            })
            .map(|rule| &domain[domain.len() - rule.len()..])
            .chain([default])
            .max_by_key(|suffix| suffix.len())
            .unwrap_or(default)
    }
}

/// Test storage: a `Vec` of slots, one per configured origin.
pub(super) type TestPolicy = Policy<'static, Vec<PatternSlot<'static>>>;

/// Builds `config`, returning the policy (if built) and every problem reported.
pub(super) fn build_reporting(
    config: &PolicyConfig<'static>,
) -> (Result<TestPolicy, BuildError>, Vec<Problem<'static>>) {
    let mut problems = Vec::new();
    let storage = std::vec![PatternSlot::EMPTY; config.allowed_origins.len()];
    let result = Policy::build(config, &TestPsl, storage, &mut |problem| {
        problems.push(problem)
    });
    (result, problems)
}

/// Builds `config`, which must have no problem at all.
pub(super) fn build(config: &PolicyConfig<'static>) -> Result<TestPolicy, BuildError> {
    let (result, problems) = build_reporting(config);
    assert!(problems.is_empty(), "{config:?}: {problems:?}");
    result
}

/// Decides a request given as `(name, value)` pairs.
pub(super) fn decide<'d>(
    policy: &'d TestPolicy,
    method: &str,
    request: &'d [(&'d str, &'d str)],
) -> Decision<'d> {
    let headers = BoundedHeaders::within_limits(request);
    policy.decide(method.as_bytes(), &headers)
}

/// The decision's headers as text, in order; an error if a value is not UTF-8.
pub(super) fn header_text(
    decision: &Decision<'_>,
) -> Result<Vec<(&'static str, String)>, FromUtf8Error> {
    decision
        .headers()
        .map(|(name, value)| String::from_utf8(value.to_vec()).map(|text| (name, text)))
        .collect()
}

/// `items` leaked, for configurations built in code.
pub(super) fn leak(items: Vec<String>) -> &'static [&'static str] {
    let strs: Vec<&'static str> = items
        .into_iter()
        .map(|item| &*Box::leak(item.into_boxed_str()))
        .collect();
    Box::leak(strs.into_boxed_slice())
}
