//! The `cors` binary, run as a process.

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

/// Runs `cors ARGS` with `stdin`.
fn cors(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = match Command::new(env!("CARGO_BIN_EXE_cors"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(error) => panic!("cannot run cors: {error}"),
    };
    if let Some(mut pipe) = child.stdin.take() {
        if let Err(error) = pipe.write_all(stdin) {
            panic!("cannot write to cors: {error}");
        }
    }
    match child.wait_with_output() {
        Ok(output) => output,
        Err(error) => panic!("cors did not finish: {error}"),
    }
}

/// The exit code, stdout and stderr of `cors ARGS`.
fn run(args: &[&str], stdin: &[u8]) -> (Option<i32>, String, String) {
    let output = cors(args, stdin);
    let text = |bytes: Vec<u8>| String::from_utf8_lossy(&bytes).into_owned();
    (
        output.status.code(),
        text(output.stdout),
        text(output.stderr),
    )
}

#[test]
fn origin_prints_the_origin() {
    assert_eq!(
        run(&["origin", "https://EXAMPLE.com:443/x"], b""),
        (Some(0), "https://example.com\n".to_owned(), String::new())
    );
    assert_eq!(
        run(&["origin", "http://B\u{fc}cher.de:8080/"], b""),
        (
            Some(0),
            "http://xn--bcher-kva.de:8080\n".to_owned(),
            String::new()
        )
    );
}

#[test]
fn origin_of_an_opaque_url_is_null() {
    assert_eq!(
        run(&["origin", "data:,x"], b""),
        (Some(0), "null\n".to_owned(), String::new())
    );
}

#[test]
fn origin_reports_why_a_url_does_not_parse() {
    let (code, stdout, stderr) = run(&["origin", "http://a b/"], b"");
    assert_eq!(code, Some(1));
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "error: invalid URL \"http://a b/\": host contains a forbidden domain code point\n"
    );
}

#[test]
fn origin_with_a_base() {
    assert_eq!(
        run(
            &["origin", "/path", "--base", "https://example.org:8443/a/b"],
            b""
        ),
        (
            Some(0),
            "https://example.org:8443\n".to_owned(),
            String::new()
        )
    );
    let (code, _, stderr) = run(&["origin", "/path", "--base", "https://[::1/"], b"");
    assert_eq!(code, Some(1));
    assert!(
        stderr.starts_with("error: invalid base URL \"https://[::1/\": "),
        "{stderr}"
    );
}

#[test]
fn origin_json() {
    assert_eq!(
        run(&["origin", "--json", "https://example.com/"], b""),
        (
            Some(0),
            "{\"origin\":\"https://example.com\"}\n".to_owned(),
            String::new()
        )
    );
    let (code, stdout, stderr) = run(&["origin", "http://a b/", "--json"], b"");
    assert_eq!((code, stderr.as_str()), (Some(1), ""));
    let value: serde_json::Value = match serde_json::from_str(&stdout) {
        Ok(value) => value,
        Err(error) => panic!("{stdout}: {error}"),
    };
    assert_eq!(
        value["error"],
        "invalid URL \"http://a b/\": host contains a forbidden domain code point"
    );
}

#[test]
fn origin_jsonl() {
    let input = concat!(
        "{\"input\": \"https://EXAMPLE.com:443/x\"}\n",
        "{\"input\": \"https://a\\u0000b.example/\", \"base\": null}\n",
        "{\"input\": \"\\u0000https://example.com/\\u0000\"}\n",
        "{\"input\": \"/x\", \"base\": \"http://example.net:8080/\"}\n",
        "{\"input\": \n",
        "{\"input\": \"blob:https://example.com/uuid\"}\n",
    );
    let (code, stdout, stderr) = run(&["origin", "--jsonl"], input.as_bytes());
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    let answers: Vec<serde_json::Value> = stdout
        .lines()
        .map(|line| match serde_json::from_str(line) {
            Ok(value) => value,
            Err(error) => panic!("{line}: {error}"),
        })
        .collect();
    assert_eq!(answers.len(), 6, "{stdout}");
    assert_eq!(
        answers[0],
        serde_json::json!({"origin": "https://example.com"})
    );
    // A NUL byte inside the host is a forbidden domain code point.
    assert_eq!(
        answers[1]["error"],
        "invalid URL \"https://a\\0b.example/\": host contains a forbidden domain code point"
    );
    // Leading and trailing C0 controls are stripped by the URL parser.
    assert_eq!(
        answers[2],
        serde_json::json!({"origin": "https://example.com"})
    );
    assert_eq!(
        answers[3],
        serde_json::json!({"origin": "http://example.net:8080"})
    );
    let malformed = answers[4]["error"].as_str().unwrap_or_default();
    assert!(malformed.starts_with("invalid JSON line: "), "{malformed}");
    assert_eq!(
        answers[5],
        serde_json::json!({"origin": "https://example.com"})
    );
}

#[test]
fn origin_jsonl_answers_lines_that_are_not_utf8() {
    let (code, stdout, _) = run(
        &["origin", "--jsonl"],
        b"\xff\n{\"input\": \"https://a/\"}\n",
    );
    assert_eq!(code, Some(0));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].starts_with("{\"error\":\"invalid JSON line: "),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1], "{\"origin\":\"https://a\"}");
}

#[test]
fn origin_jsonl_exits_1_when_stdin_cannot_be_read() {
    // A directory opens but cannot be read.
    let stdin = match std::fs::File::open(env!("CARGO_MANIFEST_DIR")) {
        Ok(file) => file,
        Err(error) => panic!("{error}"),
    };
    let output = match Command::new(env!("CARGO_BIN_EXE_cors"))
        .args(["origin", "--jsonl"])
        .stdin(stdin)
        .output()
    {
        Ok(output) => output,
        Err(error) => panic!("cannot run cors: {error}"),
    };
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("error: cannot read standard input: "),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["origin"],
        &["origin", "--jsonl", "https://a/"],
        &["nope"],
    ] {
        let (code, _, stderr) = run(args, b"");
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
    }
}

#[test]
fn version_and_help() {
    let (code, stdout, _) = run(&["--version"], b"");
    assert_eq!(code, Some(0));
    assert!(stdout.starts_with("cors "), "{stdout}");
    let (code, stdout, _) = run(&["origin", "--help"], b"");
    assert_eq!(code, Some(0));
    assert!(stdout.contains("--jsonl"), "{stdout}");
}
