//! `cors classify`, `cors check` and `cors simulate`, run as a process. Expected values
//! come from the Fetch Standard's text and from scenarios recorded in real Chromium.

use std::path::{Path, PathBuf};

mod common;
use common::{run, temp_file};

fn json(stdout: &str) -> serde_json::Value {
    match serde_json::from_str(stdout) {
        Ok(value) => value,
        Err(error) => panic!("{stdout}: {error}"),
    }
}

/// The repository's scenario files.
fn scenarios(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/data/scenarios")
        .join(name)
}

#[test]
fn classify_gives_the_preflight_a_browser_sends() {
    // #cors-preflight-fetch-0 step 5: unsafe names lowercased, sorted, joined by "," with no
    // space; `put` is normalized to `PUT`; Cookie is a forbidden request-header, dropped.
    let (code, stdout, _) = run(&[
        "--json",
        "classify",
        "-X",
        "put",
        "-H",
        "X-B: 1",
        "-H",
        "x-a: 2",
        "-H",
        "Cookie: c",
    ]);
    assert_eq!(code, Some(0));
    let report = json(&stdout);
    assert_eq!(report["verdict"], "preflight");
    assert_eq!(
        report["preflight_request"]["access-control-request-method"],
        "PUT"
    );
    assert_eq!(
        report["preflight_request"]["access-control-request-headers"],
        "x-a,x-b"
    );
    assert_eq!(report["dropped_headers"][0]["name"], "Cookie");
}

#[test]
fn classify_simple_request_and_type_error() {
    let (code, stdout, _) = run(&["classify", "-X", "POST", "-H", "Content-Type: text/plain"]);
    assert_eq!(
        (code, stdout.as_str()),
        (Some(0), "preflight: no (a simple CORS request)\n")
    );
    // #forbidden-method: fetch() throws a TypeError.
    let (code, _, stderr) = run(&["classify", "-X", "TRACE"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("TypeError"), "{stderr}");
}

#[test]
fn classify_profiles_differ_where_chromium_does() {
    // DPR: safelisted by Chromium 156 (recorded rc-client-hint-dpr), not by the standard.
    let (_, spec, _) = run(&["--json", "classify", "-H", "DPR: 2"]);
    let (_, chromium, _) = run(&[
        "--json",
        "--profile",
        "chromium",
        "classify",
        "-H",
        "DPR: 2",
    ]);
    assert_eq!(json(&spec)["verdict"], "preflight");
    assert_eq!(json(&chromium)["verdict"], "simple");
}

#[test]
fn check_exit_codes_follow_the_verdict() {
    let preflight = temp_file(
        "pf",
        "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: https://app.example\r\nAccess-Control-Allow-Methods: PUT\r\n\r\n",
    );
    let response = temp_file(
        "resp",
        "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: https://app.example\r\nX-Secret: 1\r\nCache-Control: no-store\r\n\r\n",
    );
    let (pf, resp) = (
        preflight.to_str().unwrap_or(""),
        response.to_str().unwrap_or(""),
    );
    let base = [
        "--json",
        "check",
        "--origin",
        "https://app.example",
        "-X",
        "PUT",
    ];
    let with = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        run(&args)
    };
    let (code, stdout, _) = with(&["--preflight-response", pf, "--response", resp]);
    assert_eq!(code, Some(0));
    assert_eq!(
        json(&stdout)["exposed_headers"],
        serde_json::json!(["cache-control"])
    );
    // A request header the preflight does not allow.
    let (code, stdout, _) = with(&[
        "-H",
        "X-Foo: 1",
        "--preflight-response",
        pf,
        "--response",
        resp,
    ]);
    assert_eq!(code, Some(1));
    let report = json(&stdout);
    assert_eq!(report["reason"], "HeaderDisallowedByPreflightResponse");
    assert_eq!(
        report["firefox_reason"],
        "CORSMissingAllowHeaderFromPreflight"
    );
    assert_eq!(report["stage"], "preflight");
    // An unreadable response file.
    let (code, _, stderr) = with(&["--response", "/nonexistent/response"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("/nonexistent/response"), "{stderr}");
    let broken = temp_file("broken", "HTTP/1.1 200 OK\nno colon here\n");
    let (code, _, stderr) = with(&["--response", broken.to_str().unwrap_or("")]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("line 2"), "{stderr}");
}

/// The number of scenarios in a file (lines that are neither blank nor comments).
fn count(path: &Path) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("//"))
        .count()
}

#[test]
fn simulate_check_passes_every_recorded_chromium_scenario() {
    let file = scenarios("chromium-recorded.jsonl");
    let (code, stdout, stderr) = run(&["simulate", "--check", file.to_str().unwrap_or("")]);
    assert_eq!(
        stdout,
        format!("{} passed, 0 failed\n", count(&file)),
        "{stderr}"
    );
    assert_eq!(code, Some(0));
}

#[test]
fn simulate_check_passes_the_standards_side_of_each_deviation() {
    let file = scenarios("spec-deviations.jsonl");
    let (code, stdout, _) = run(&["simulate", "--check", file.to_str().unwrap_or("")]);
    assert_eq!(stdout, format!("{} passed, 0 failed\n", count(&file)));
    assert_eq!(code, Some(0));
}

#[test]
fn simulate_check_reports_each_mismatch_and_fails() {
    let recorded =
        std::fs::read_to_string(scenarios("chromium-recorded.jsonl")).unwrap_or_default();
    let Some(line) = recorded
        .lines()
        .find(|l| l.contains("\"id\": \"rc-get-no-acao\""))
    else {
        panic!("rc-get-no-acao is missing");
    };
    // The same scenario claimed to be allowed: the model (and Chromium) block it.
    let wrong = line.replace("\"outcome\": \"blocked\"", "\"outcome\": \"allowed\"");
    let file = temp_file("wrong.jsonl", &format!("{wrong}\n"));
    let (code, stdout, _) = run(&["simulate", "--check", file.to_str().unwrap_or("")]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stdout,
        "rc-get-no-acao: outcome: expected \"allowed\", got \"blocked\"\n0 passed, 1 failed\n"
    );
}

#[test]
fn simulate_refuses_a_bad_file_with_its_line() {
    let file = temp_file("bad.jsonl", "// fine\n{\"id\": \"x\"}\n");
    let (code, stdout, stderr) = run(&["simulate", "--check", file.to_str().unwrap_or("")]);
    assert_eq!((code, stdout.as_str()), (Some(2), ""));
    assert!(stderr.contains("line 2"), "{stderr}");
    let (code, _, _) = run(&["simulate", "/nonexistent/scenarios.jsonl"]);
    assert_eq!(code, Some(2));
}
