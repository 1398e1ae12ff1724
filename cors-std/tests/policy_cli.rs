//! `cors policy check`, `cors policy eval` and `cors audit`, run as a process.
//!
//! Expected values come from `reference/security.md` §4 (the class each mistake opens), the
//! Fetch Standard's CORS protocol (what a server must send for a browser to accept an
//! answer: <https://fetch.spec.whatwg.org/#http-cors-protocol>) and its CORS check
//! (<https://fetch.spec.whatwg.org/#concept-cors-check>), not from the code.

use std::path::Path;

mod common;
use common::{run, temp_file};

use serde_json::{Value, json};

/// `cors --json ARGS`: the exit code and the JSON printed.
fn run_json(args: &[&str]) -> (Option<i32>, Value) {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = run(&all);
    match serde_json::from_str(&stdout) {
        Ok(value) => (code, value),
        Err(error) => panic!("{all:?}: {error}\nstdout: {stdout}\nstderr: {stderr}"),
    }
}

/// The repository's example policies.
fn example(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/policies")
        .join(name);
    path.to_string_lossy().into_owned()
}

fn temp(name: &str, text: &str) -> String {
    temp_file(name, text).to_string_lossy().into_owned()
}

// ---------------------------------------------------------------------------------------
// cors policy check

#[test]
fn check_a_valid_policy_exits_0_with_its_warnings() {
    let good = example("good.toml");
    let (code, report) = run_json(&["policy", "check", &good]);
    assert_eq!(code, Some(0));
    assert_eq!(
        report,
        json!({
            "valid": true,
            "errors": [],
            "warnings": [{
                "setting": "allowed_origins",
                "value": "https://app.example.com",
                "message": "already covered by another entry (\"https://*.example.com\")",
                "class": null,
            }],
        })
    );
    let (code, stdout, _) = run(&["policy", "check", &good]);
    assert_eq!(code, Some(0));
    assert!(
        stdout.contains("warning: allowed_origins: \"https://app.example.com\": already covered"),
        "{stdout}"
    );
    assert!(stdout.ends_with("valid, 0 errors, 1 warning\n"), "{stdout}");
}

#[test]
fn check_lists_every_error_of_the_misconfigured_example() {
    let (code, report) = run_json(&["policy", "check", &example("misconfigured.toml")]);
    assert_eq!(code, Some(1));
    assert_eq!(report["valid"], false);
    let errors = report["errors"].as_array().unwrap();
    let summary: Vec<(&str, &str, Option<u64>)> = errors
        .iter()
        .map(|e| {
            (
                e["setting"].as_str().unwrap(),
                e["value"].as_str().unwrap(),
                e["class"].as_u64(),
            )
        })
        .collect();
    // Classes from reference/security.md §4.
    assert_eq!(
        summary,
        [
            ("allowed_origins", "*", Some(2)),
            ("allowed_origins", "https://*example.com", Some(4)),
            ("allowed_origins", "https://ex*.com", Some(5)),
            ("allowed_origins", "https://App.example.com", Some(20)),
            ("allowed_origins", "https://example.com/", None),
            ("allowed_origins", "null", Some(8)),
            ("allowed_origins", "null", Some(8)),
            ("allowed_origins", "http://intranet.example.com", Some(9)),
            ("allowed_origins", "https://*.github.io", Some(11)),
            ("allowed_methods", "TRACE", None),
            ("allowed_request_headers", "cookie", None),
            ("allowed_request_headers", "x bad", Some(13)),
            ("max_age", "-1", None),
            ("preflight_success_status", "302", None),
        ]
    );
    let message = |i: usize| errors[i]["message"].as_str().unwrap();
    assert!(message(0).contains("allow_credentials"), "{}", message(0));
    assert!(message(1).contains("evilexample.com"), "{}", message(1));
    assert!(message(3).contains("lowercase"), "{}", message(3));
    assert!(message(4).contains("trailing /"), "{}", message(4));
    assert!(message(5).contains("allow_null_origin"), "{}", message(5));
    assert!(message(6).contains("credentials"), "{}", message(6));
    assert!(message(9).contains("forbidden"), "{}", message(9));
    assert!(message(12).contains("negative"), "{}", message(12));
    assert!(message(13).contains("200 to 299"), "{}", message(13));

    let warnings: Vec<(&str, &str)> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["setting"].as_str().unwrap(), w["value"].as_str().unwrap()))
        .collect();
    for expected in [
        ("allowed_methods", "get"),
        ("exposed_response_headers", "content-type"),
    ] {
        assert!(warnings.contains(&expected), "{warnings:?}");
    }

    // The text lists the same errors, one a line.
    let (code, stdout, _) = run(&["policy", "check", &example("misconfigured.toml")]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("error: ")).count(),
        14
    );
    assert!(stdout.contains("invalid, 14 errors, "), "{stdout}");
}

#[test]
fn check_reads_json_too() {
    let path = temp(
        "valid.json",
        r#"{"allowed_origins": ["https://a.example", "http://localhost:*"], "max_age": 86400}"#,
    );
    let (code, report) = run_json(&["policy", "check", &path]);
    assert_eq!(code, Some(0));
    assert_eq!(report["valid"], true);
    // 86400 s is above what Chromium (7200 s) and WebKit (600 s) honour.
    assert_eq!(report["warnings"][0]["setting"], "max_age");
    assert_eq!(report["warnings"][0]["value"], "86400");
}

#[test]
fn check_exits_2_when_the_file_is_not_a_policy_file() {
    let unknown_key = temp("unknown.toml", "allowed_origin = [\"https://a.example\"]\n");
    let not_toml = temp("broken.toml", "allowed_origins = [\n");
    let wrong_type = temp("type.json", r#"{"max_age": "600"}"#);
    for path in [
        &unknown_key,
        &not_toml,
        &wrong_type,
        "/nonexistent/policy.toml",
    ] {
        let (code, stdout, stderr) = run(&["policy", "check", path]);
        assert_eq!(code, Some(2), "{path}: {stdout}{stderr}");
        assert!(stderr.starts_with("error: "), "{stderr}");
    }
    let (_, _, stderr) = run(&["policy", "check", &unknown_key]);
    assert!(
        stderr.contains("unknown field `allowed_origin`"),
        "{stderr}"
    );
}

// ---------------------------------------------------------------------------------------
// cors policy eval

const VARY_PREFLIGHT: &str =
    "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

#[test]
fn eval_an_allowed_preflight() {
    let (code, answer) = run_json(&[
        "policy",
        "eval",
        &example("good.toml"),
        "--origin",
        "https://api.example.com",
        "-X",
        "OPTIONS",
        "-H",
        "Access-Control-Request-Method: PUT",
        "-H",
        "Access-Control-Request-Headers: authorization,content-type",
    ]);
    assert_eq!(code, Some(0));
    // The origin itself (credentials forbid `*`), `true`, the non-safelisted method,
    // `authorization` listed by name (`*` never covers it), the max-age, and Vary on the
    // three request headers the answer depends on.
    assert_eq!(
        answer,
        json!({
            "kind": "preflight",
            "allowed": true,
            "status": 204,
            "headers": [
                ["access-control-allow-origin", "https://api.example.com"],
                ["access-control-allow-credentials", "true"],
                ["access-control-allow-methods", "PUT"],
                ["access-control-allow-headers", "authorization,content-type"],
                ["access-control-max-age", "600"],
                ["vary", VARY_PREFLIGHT],
            ],
            "reason": null,
        })
    );
}

/// `cors --json policy eval good.toml --origin ORIGIN -X OPTIONS` with `ACRM: method`.
fn preflight(origin: &str, method: &str, extra: &[&str]) -> (Option<i32>, Value) {
    let good = example("good.toml");
    let acrm = format!("Access-Control-Request-Method: {method}");
    let mut args = vec![
        "policy", "eval", &good, "--origin", origin, "-X", "OPTIONS", "-H", &acrm,
    ];
    args.extend_from_slice(extra);
    run_json(&args)
}

#[test]
fn eval_refused_preflights_get_no_cors_header() {
    // A refused preflight gets no CORS header at all (class 19: nothing of the
    // configuration leaks), a non-2xx status, and still Vary (class 12).
    let refused = |reason: &str| {
        json!({
            "kind": "preflight",
            "allowed": false,
            "status": 403,
            "headers": [["vary", VARY_PREFLIGHT]],
            "reason": reason,
        })
    };
    for (origin, method, extra, reason) in [
        // Suffix and prefix matches (classes 4 and 3).
        (
            "https://evilexample.com",
            "PUT",
            &[][..],
            "origin-not-allowed",
        ),
        (
            "https://example.com.evil.net",
            "PUT",
            &[],
            "origin-not-allowed",
        ),
        // `*.example.com` is whole labels only: not the bare domain.
        ("https://example.com", "PUT", &[], "origin-not-allowed"),
        // Methods compare case-sensitively; PATCH is not listed.
        (
            "https://api.example.com",
            "PATCH",
            &[],
            "method-not-allowed",
        ),
        ("https://api.example.com", "put", &[], "method-not-allowed"),
        (
            "https://api.example.com",
            "PUT",
            &["-H", "Access-Control-Request-Headers: x-other"],
            "request-header-not-allowed",
        ),
        // Class 8: null is refused unless allowed.
        ("null", "PUT", &[], "null-origin-not-allowed"),
        // Class 20: browsers send lowercase; an uppercase Origin is not a serialized origin.
        ("https://API.example.com", "PUT", &[], "invalid-origin"),
    ] {
        let (code, answer) = preflight(origin, method, extra);
        assert_eq!(code, Some(1), "{origin} {method}");
        assert_eq!(answer, refused(reason), "{origin} {method} {extra:?}");
    }
}

#[test]
fn eval_actual_requests() {
    let good = example("good.toml");
    let (code, answer) = run_json(&[
        "policy",
        "eval",
        &good,
        "--origin",
        "http://localhost:5173",
        "-X",
        "POST",
        "-H",
        "Content-Type: application/json",
    ]);
    assert_eq!(code, Some(0));
    // The application chooses the status; loopback cleartext is fine with credentials.
    assert_eq!(
        answer,
        json!({
            "kind": "actual",
            "allowed": true,
            "status": null,
            "headers": [
                ["access-control-allow-origin", "http://localhost:5173"],
                ["access-control-allow-credentials", "true"],
                ["access-control-expose-headers", "x-request-id"],
                ["vary", "Origin"],
            ],
            "reason": null,
        })
    );
    let (code, answer) = run_json(&["policy", "eval", &good, "--origin", "https://evil.example"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        answer,
        json!({
            "kind": "actual",
            "allowed": false,
            "status": null,
            "headers": [["vary", "Origin"]],
            "reason": "origin-not-allowed",
        })
    );
    // Class 15: an OPTIONS without Access-Control-Request-Method is not a preflight.
    let (code, answer) = run_json(&[
        "policy",
        "eval",
        &good,
        "--origin",
        "https://app.example.com",
        "-X",
        "OPTIONS",
    ]);
    assert_eq!(code, Some(0));
    assert_eq!(answer["kind"], "actual");
    assert_eq!(answer["status"], Value::Null);
    assert_eq!(
        answer["headers"][0],
        json!(["access-control-allow-origin", "https://app.example.com"])
    );
    assert_eq!(answer["headers"][3], json!(["vary", VARY_PREFLIGHT]));
}

#[test]
fn eval_without_origin_is_not_cors() {
    let (code, answer) = run_json(&["policy", "eval", &example("good.toml")]);
    assert_eq!(code, Some(0));
    // No CORS header, but Vary: Origin, since the answer to a CORS request would differ.
    assert_eq!(
        answer,
        json!({
            "kind": "not-cors",
            "allowed": true,
            "status": null,
            "headers": [["vary", "Origin"]],
            "reason": null,
        })
    );
    // A `*` policy answers the same to everyone: `*` and no Vary.
    let star = temp("star.toml", "allowed_origins = [\"*\"]\n");
    let (code, answer) = run_json(&["policy", "eval", &star]);
    assert_eq!(code, Some(0));
    assert_eq!(
        answer["headers"],
        json!([["access-control-allow-origin", "*"]])
    );
}

#[test]
fn eval_text_is_readable() {
    let (code, stdout, _) = run(&[
        "policy",
        "eval",
        &example("good.toml"),
        "--origin",
        "https://api.example.com",
        "-X",
        "OPTIONS",
        "-H",
        "Access-Control-Request-Method: PATCH",
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stdout,
        format!(
            "preflight: refused: the requested method is not allowed (method-not-allowed): \"PATCH\"\n\
             status: 403\n\
             vary: {VARY_PREFLIGHT}\n"
        )
    );
}

#[test]
fn eval_needs_a_valid_policy() {
    let misconfigured = example("misconfigured.toml");
    let (code, report) = run_json(&[
        "policy",
        "eval",
        &misconfigured,
        "--origin",
        "https://a.example",
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(report["valid"], false);
    assert_eq!(report["errors"].as_array().unwrap().len(), 14);
    let (code, stdout, stderr) = run(&["policy", "eval", &misconfigured]);
    assert_eq!((code, stdout.as_str()), (Some(1), ""));
    assert!(stderr.contains("the policy has 14 errors:"), "{stderr}");
    assert_eq!(stderr.lines().count(), 15, "{stderr}");
    // An unusable file or header: exit 2.
    let (code, _, _) = run(&["policy", "eval", "/nonexistent/policy.toml"]);
    assert_eq!(code, Some(2));
    let (code, _, stderr) = run(&["policy", "eval", &example("good.toml"), "-H", "no colon"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("'Name: value'"), "{stderr}");
}

// ---------------------------------------------------------------------------------------
// cors audit

/// `cors --json audit --origin ORIGIN --response FILE` for a response head with `headers`:
/// the exit code and `(class, severity, header)` of each finding.
fn audit(name: &str, origin: &str, headers: &str) -> (Option<i32>, Vec<Finding>) {
    let path = temp(name, &format!("HTTP/1.1 200 OK\r\n{headers}\r\n"));
    let (code, report) = run_json(&["audit", "--origin", origin, "--response", &path]);
    let findings = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            assert!(f["message"].as_str().is_some_and(|m| !m.is_empty()), "{f}");
            (
                f["class"].as_u64(),
                f["severity"].as_str().unwrap().to_owned(),
                f["header"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    (code, findings)
}

/// A finding as `(class, severity, header)`.
type Finding = (Option<u64>, String, String);

fn finding(class: Option<u64>, severity: &str, header: &str) -> Finding {
    (class, severity.to_owned(), header.to_owned())
}

const APP: &str = "https://app.example";
const ACAO: &str = "Access-Control-Allow-Origin";

#[test]
fn audit_correct_responses_find_nothing_but_unconfirmable_reflection() {
    let headers = "Access-Control-Allow-Origin: https://app.example\r\nAccess-Control-Allow-Credentials: true\r\nVary: Accept-Encoding, Origin\r\n";
    let (code, findings) = audit("ok-but-reflected.http", APP, headers);
    // Reflection with credentials is all that can be said: class 1, a warning.
    assert_eq!(code, Some(1));
    assert_eq!(findings, [finding(Some(1), "warning", ACAO)]);
    for (name, headers) in [
        (
            "ok.http",
            "Access-Control-Allow-Origin: https://app.example\r\nVary: Origin\r\n",
        ),
        ("star.http", "Access-Control-Allow-Origin: *\r\n"),
        (
            "star-lists.http",
            "Access-Control-Allow-Origin: *\r\nAccess-Control-Allow-Headers: *\r\nAccess-Control-Allow-Methods: *\r\n",
        ),
        ("none.http", "Content-Type: text/html\r\n"),
    ] {
        let (code, findings) = audit(name, APP, headers);
        assert_eq!((code, findings), (Some(0), vec![]), "{name}");
    }
    let path = temp(
        "ok.json",
        r#"{"status": 200, "headers": [["access-control-allow-origin", "*"]]}"#,
    );
    let (code, stdout, _) = run(&["audit", "--origin", APP, "--response", &path]);
    assert_eq!(code, Some(0));
    assert_eq!(stdout, "no misconfiguration visible in this response\n");
}

#[test]
fn audit_reflection_with_credentials_says_it_cannot_be_confirmed() {
    let path = temp(
        "reflect.http",
        "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: https://attacker.invalid\r\nAccess-Control-Allow-Credentials: true\r\nVary: Origin\r\n\r\n",
    );
    let (code, stdout, _) = run(&[
        "audit",
        "--origin",
        "https://attacker.invalid",
        "--response",
        &path,
    ]);
    assert_eq!(code, Some(1));
    assert!(
        stdout.starts_with("warning [class 1] Access-Control-Allow-Origin: "),
        "{stdout}"
    );
    assert!(
        stdout.contains("reflection with credentials is only safe if the origin was checked against an allow-list; cannot be confirmed from one response"),
        "{stdout}"
    );
    assert!(stdout.ends_with("1 finding\n"), "{stdout}");
}

#[test]
fn audit_each_class() {
    let cases: [(&str, &str, &str, Vec<Finding>); 11] = [
        // Class 2: `*` with credentials; browsers reject it.
        (
            "star-credentials.http",
            APP,
            "Access-Control-Allow-Origin: *\r\nAccess-Control-Allow-Credentials: true\r\n",
            vec![finding(Some(2), "error", ACAO)],
        ),
        // Class 2 in the preflight lists: `*` is a literal name with credentials.
        (
            "star-lists-credentials.http",
            APP,
            "Access-Control-Allow-Origin: https://app.example\r\nAccess-Control-Allow-Credentials: true\r\nAccess-Control-Allow-Methods: GET, *\r\nAccess-Control-Allow-Headers: *\r\nVary: Origin\r\n",
            vec![
                finding(Some(1), "warning", ACAO),
                finding(Some(2), "error", "Access-Control-Allow-Methods"),
                finding(Some(2), "error", "Access-Control-Allow-Headers"),
            ],
        ),
        // Class 17: two headers (stacked middlewares), or two values in one.
        (
            "two-headers.http",
            APP,
            "Access-Control-Allow-Origin: https://app.example\r\nAccess-Control-Allow-Origin: https://app.example\r\nVary: Origin\r\n",
            vec![finding(Some(17), "error", ACAO)],
        ),
        (
            "two-values.http",
            APP,
            "Access-Control-Allow-Origin: https://app.example, https://other.example\r\nVary: Origin\r\n",
            vec![finding(Some(17), "error", ACAO)],
        ),
        // Class 8: `null` is trusted, here for a null origin.
        (
            "null.http",
            "null",
            "Access-Control-Allow-Origin: null\r\nVary: Origin\r\n",
            vec![finding(Some(8), "error", ACAO)],
        ),
        // Class 12: the origin is echoed but the response does not vary on it.
        (
            "no-vary.http",
            APP,
            "Access-Control-Allow-Origin: https://app.example\r\nVary: Accept-Encoding\r\n",
            vec![finding(Some(12), "error", "Vary")],
        ),
        // Class 20: origins are compared byte for byte, and browsers send lowercase.
        (
            "uppercase.http",
            APP,
            "Access-Control-Allow-Origin: https://App.example\r\nVary: Origin\r\n",
            vec![finding(Some(20), "error", ACAO)],
        ),
        // Class 7: not a serialized origin (a trailing slash), never matches.
        (
            "slash.http",
            APP,
            "Access-Control-Allow-Origin: https://app.example/\r\nVary: Origin\r\n",
            vec![finding(Some(7), "error", ACAO)],
        ),
        // A different origin: the CORS check fails, the browser blocks.
        (
            "mismatch.http",
            APP,
            "Access-Control-Allow-Origin: https://other.example\r\nVary: Origin\r\n",
            vec![finding(None, "error", ACAO)],
        ),
        // `null` for a real origin: trusted null (8), and a mismatch.
        (
            "null-for-origin.http",
            APP,
            "Access-Control-Allow-Origin: null\r\nVary: Origin\r\n",
            vec![
                finding(Some(8), "error", ACAO),
                finding(None, "error", ACAO),
            ],
        ),
        // Access-Control-Allow-Credentials is compared with `true` byte for byte.
        (
            "credentials-case.http",
            APP,
            "Access-Control-Allow-Origin: https://app.example\r\nAccess-Control-Allow-Credentials: True\r\nVary: Origin\r\n",
            vec![finding(None, "error", "Access-Control-Allow-Credentials")],
        ),
    ];
    for (name, origin, headers, expected) in cases {
        let (code, findings) = audit(name, origin, headers);
        assert_eq!(code, Some(1), "{name}");
        assert_eq!(findings, expected, "{name}");
    }
}

#[test]
fn audit_several_findings_at_once() {
    // The recorded example: `*` with credentials, and nothing else.
    let example = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/responses/wildcard-with-credentials.http");
    let (code, report) = run_json(&[
        "audit",
        "--origin",
        APP,
        "--response",
        &example.to_string_lossy(),
    ]);
    assert_eq!(code, Some(1));
    assert_eq!(report["findings"].as_array().unwrap().len(), 1);
    assert_eq!(report["findings"][0]["class"], 2);
    // A mismatched, unvaried, wrongly credentialed answer: every finding.
    let (code, findings) = audit(
        "many.http",
        APP,
        "Access-Control-Allow-Origin: https://other.example\r\nAccess-Control-Allow-Credentials: yes\r\n",
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        findings,
        [
            finding(None, "error", ACAO),
            finding(Some(12), "warning", "Vary"),
            finding(None, "error", "Access-Control-Allow-Credentials"),
        ]
    );
}

#[test]
fn audit_exits_2_on_unusable_input() {
    let ok = temp("usable.http", "HTTP/1.1 200 OK\r\n\r\n");
    let broken = temp("broken.http", "200 OK\r\n");
    for args in [
        &[
            "audit",
            "--origin",
            APP,
            "--response",
            "/nonexistent/response.http",
        ][..],
        &["audit", "--origin", APP, "--response", &broken],
        &["audit", "--origin", "not an origin", "--response", &ok],
    ] {
        let (code, _, stderr) = run(args);
        assert_eq!(code, Some(2), "{args:?}");
        assert!(stderr.starts_with("error: "), "{stderr}");
    }
    // A URL is accepted for --origin: its origin is what the browser sends.
    let reflected = temp(
        "url-origin.http",
        "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: https://app.example\r\nVary: Origin\r\n\r\n",
    );
    let (code, _, _) = run(&[
        "audit",
        "--origin",
        "https://APP.example/page",
        "--response",
        &reflected,
    ]);
    assert_eq!(code, Some(0));
}
