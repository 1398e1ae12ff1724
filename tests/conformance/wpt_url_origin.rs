//! web-platform-tests `url/resources/urltestdata.json`, origin by origin.
//!
//! For every case: a case with `"failure": true` must fail to parse; every other case must
//! parse; a case with an `origin` field must give exactly that origin. The data is the copy
//! the `url` crate's package ships (found with `cargo metadata`), or the file named by the
//! `CORS_URLTESTDATA` environment variable (the extended conformance run).
//!
//! Cases that do not pass yet are listed in `conformance/expected_failures.txt` with their
//! reason; a listed case that passes fails the run. Usage: `wpt_url_origin [FILTER]`.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;

use cors_tests::{package_dir, url_origin_string};
use serde_json::Value;

/// What a case expects.
enum Expect {
    Failure,
    Origin(String),
    Parses,
}

fn main() -> ExitCode {
    let filter = std::env::args().skip(1).find(|arg| !arg.starts_with('-'));
    let path = match data_path() {
        Ok(path) => path,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let cases = match load(&path) {
        Ok(cases) => cases,
        Err(error) => {
            eprintln!("error: {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let dataset = if std::env::var_os("CORS_URLTESTDATA").is_some() {
        "extended"
    } else {
        "url-crate"
    };
    let expected_failures = expected_failures(dataset);
    let (mut passed, mut failed, mut xfail) = (0usize, 0usize, 0usize);
    for case in &cases {
        let (input, base) = (case["input"].as_str().unwrap_or(""), case["base"].as_str());
        if filter.as_deref().is_some_and(|f| !input.contains(f)) {
            continue;
        }
        let Some(expect) = expectation(case) else {
            continue;
        };
        let outcome = check(input, base, &expect);
        let listed = expected_failures.contains(&key(input, base));
        match (outcome, listed) {
            (Ok(()), false) => passed += 1,
            (Err(message), true) => {
                xfail += 1;
                println!("expected failure: {input:?} base {base:?}: {message}");
            }
            (Ok(()), true) => {
                failed += 1;
                println!(
                    "UNEXPECTED PASS (remove from expected_failures.txt): {input:?} base {base:?}"
                );
            }
            (Err(message), false) => {
                failed += 1;
                println!("FAIL: {input:?} base {base:?}: {message}");
            }
        }
    }
    println!(
        "wpt_url_origin {}: {passed} passed, {failed} failed, {xfail} expected failures",
        path.display()
    );
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn data_path() -> Result<PathBuf, String> {
    match std::env::var_os("CORS_URLTESTDATA") {
        Some(path) => Ok(PathBuf::from(path)),
        None => Ok(package_dir("url")?.join("tests").join("urltestdata.json")),
    }
}

fn load(path: &PathBuf) -> Result<Vec<Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|error| error.to_string())?;
    let value: Value = serde_json::from_str(&text).map_err(|error| error.to_string())?;
    let cases = value.as_array().ok_or("not a JSON array")?;
    Ok(cases
        .iter()
        .filter(|case| case.is_object())
        .cloned()
        .collect())
}

fn expectation(case: &Value) -> Option<Expect> {
    if case["failure"].as_bool() == Some(true) {
        return Some(Expect::Failure);
    }
    match case["origin"].as_str() {
        Some(origin) => Some(Expect::Origin(origin.to_owned())),
        None => case["input"].is_string().then_some(Expect::Parses),
    }
}

fn check(input: &str, base: Option<&str>, expect: &Expect) -> Result<(), String> {
    match (url_origin_string(input, base), expect) {
        (Err(_), Expect::Failure) | (Ok(_), Expect::Parses) => Ok(()),
        (Ok(got), Expect::Origin(want)) if &got == want => Ok(()),
        (Ok(got), Expect::Origin(want)) => Err(format!("origin {got:?}, expected {want:?}")),
        (Ok(got), Expect::Failure) => Err(format!("parsed (origin {got:?}), expected failure")),
        (Err(error), _) => Err(format!("failed ({error}), expected to parse")),
    }
}

/// `input<TAB>base` keys of the `expected_failures.txt` lines for `dataset` (lines: dataset,
/// tab, JSON string input, tab, JSON string base or null, tab, reason).
fn expected_failures(dataset: &str) -> HashSet<String> {
    let text = include_str!("expected_failures.txt");
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let mut fields = line.split('\t');
            if fields.next()? != dataset {
                return None;
            }
            let input: String = serde_json::from_str(fields.next()?).ok()?;
            let base: Option<String> = serde_json::from_str(fields.next()?).ok()?;
            Some(key(&input, base.as_deref()))
        })
        .collect()
}

fn key(input: &str, base: Option<&str>) -> String {
    format!("{input}\t{}", base.unwrap_or("<null>"))
}
