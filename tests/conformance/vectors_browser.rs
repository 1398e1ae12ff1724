//! The extended run over `cors-vectors.json` (in `../shared/conformance`, not committed): its
//! 15 browser-side groups, read from the file itself, through the same checks as the
//! committed tables (`spec/browser_request_tables.rs`, `spec/browser_response_tables.rs`):
//! `cors_tests::browser_vectors`.
//!
//! Every vector runs under both readings: the Fetch Standard's expectation
//! (`fetch_spec_2026_07_*`, or the vector's only one) in `Profile::Spec`, the
//! web-platform-tests expectation (`wpt_expect_*` / `expect_*`) in `Profile::Chromium`. The
//! checks known not to pass are listed, with their reasons, in
//! `browser_vectors::EXPECTED_FAILURES` (one today: web-platform-tests expect
//! `Last-Event-ID: abc123` to be safelisted; neither the Fetch text nor Chromium 156 does).
//!
//! Prints `group: N passed, M failed, K expected failures` per group (N + M vectors) and a
//! total line. Exits 1 when a vector fails, a listed expected failure passes or has no
//! vector, a group is missing, or a group's size differs from the committed table's
//! (`browser_vectors::GROUPS`: the tables must hold every vector).
//!
//! Usage: `CORS_VECTORS=path/to/cors-vectors.json vectors_browser`; without the variable the
//! run reports that there is nothing to check and succeeds.

use std::process::ExitCode;

use cors_core::browser::CredentialsMode;
use cors_tests::browser_vectors::{
    CacheStep, CorsOriginVector, CredentialsVector, DecodeSplitVector, ExposeStarVector,
    FilteringVector, ForbiddenHeaderVector, ForbiddenMethodVector, GROUPS, NoCorsGuardVector,
    Outcome, Pair, PreflightCacheVector, PreflightRequestVector, PreflightStarVector,
    PreflightValidationVector, PreflightVector, Reading, Vector, judge, stale_expected_failures,
};
use serde_json::Value;

/// Turns one vector of the file into the check's value and hands it to the callback.
type Convert = fn(&Value, &mut dyn FnMut(&dyn Vector)) -> Result<(), String>;

fn main() -> ExitCode {
    let groups = match cors_tests::cors_vector_groups() {
        None => {
            println!("vectors_browser: CORS_VECTORS not set, nothing to check");
            return ExitCode::SUCCESS;
        }
        Some(Ok(groups)) => groups,
        Some(Err(error)) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let converters: [(&str, Convert); 15] = [
        ("request_header_safelist", request_header_safelist),
        ("not_cors_safelisted", preflight_vector),
        ("no_preflight_requests", preflight_vector),
        ("preflight_star", preflight_star),
        ("preflight_requests", preflight_requests),
        (
            "preflight_response_validation",
            preflight_response_validation,
        ),
        ("preflight_cache", preflight_cache),
        ("cors_check_origin", cors_check_origin),
        ("cors_check_credentials_spec_table", cors_check_credentials),
        ("response_filtering", response_filtering),
        ("expose_star", expose_star),
        ("forbidden_request_headers", forbidden_request_header),
        ("forbidden_methods", forbidden_method),
        ("no_cors_headers_guard", no_cors_headers_guard),
        ("get_decode_split_spec_examples", get_decode_split),
    ];
    debug_assert!(
        converters
            .iter()
            .zip(GROUPS)
            .all(|((a, _), (b, _))| *a == b)
    );
    let mut total = Tally::default();
    let mut ok = true;
    for ((group, convert), (_, table_rows)) in converters.into_iter().zip(GROUPS) {
        let Some(vectors) = groups[group].as_array() else {
            println!("FAIL {group}: the group is missing from the file");
            ok = false;
            continue;
        };
        if vectors.len() != table_rows {
            println!(
                "FAIL {group}: the file has {} vectors, the committed table {table_rows}: \
                 update spec/browser_*_tables.rs and browser_vectors::GROUPS",
                vectors.len()
            );
            ok = false;
        }
        let tally = run_group(group, vectors, convert);
        ok &= tally.failed == 0;
        println!(
            "{group}: {} passed, {} failed, {} expected failures",
            tally.passed, tally.failed, tally.expected
        );
        total.add(&tally);
    }
    println!(
        "cors-vectors.json (browser groups): {} passed, {} failed, {} expected failures",
        total.passed, total.failed, total.expected
    );
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Vectors that passed (every check passed or failed as listed) and failed, and checks that
/// failed as listed.
#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    expected: usize,
}

impl Tally {
    fn add(&mut self, other: &Self) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.expected += other.expected;
    }
}

fn run_group(group: &str, vectors: &[Value], convert: Convert) -> Tally {
    let mut tally = Tally::default();
    let mut keys = Vec::new();
    for (index, vector) in vectors.iter().enumerate() {
        let mut vector_ok = true;
        let mut judge_all = |v: &dyn Vector| {
            let key = v.key();
            for reading in Reading::ALL {
                match judge(group, v, reading) {
                    Outcome::Passed => {}
                    Outcome::Failed(message) => {
                        vector_ok = false;
                        println!("FAIL {group} #{index} [{reading}] {key}: {message}");
                    }
                    Outcome::ExpectedFailure { message, reason } => {
                        tally.expected += 1;
                        println!(
                            "expected failure {group} #{index} [{reading}] {key}: {message} \
                             ({reason})"
                        );
                    }
                    Outcome::UnexpectedPass => {
                        vector_ok = false;
                        println!(
                            "UNEXPECTED PASS {group} #{index} [{reading}] {key}: remove it \
                             from browser_vectors::EXPECTED_FAILURES"
                        );
                    }
                }
            }
            keys.push(key);
        };
        if let Err(message) = convert(vector, &mut judge_all) {
            vector_ok = false;
            println!("FAIL {group} #{index}: {message}: {vector}");
        }
        if vector_ok {
            tally.passed += 1;
        } else {
            tally.failed += 1;
        }
    }
    for stale in stale_expected_failures(group, &keys) {
        tally.failed += 1;
        println!(
            "FAIL {group}: listed expected failure {:?} matches no vector",
            stale.key
        );
    }
    tally
}

// ---- Reading the file ------------------------------------------------------------------------

/// `value` as ASCII text: the checks take text whose bytes are the header bytes, which for
/// a JSON string is the isomorphic encoding only when it is ASCII (all the vectors are).
fn ascii(value: &Value) -> Result<&str, String> {
    let text = value
        .as_str()
        .ok_or_else(|| format!("{value} is not a string"))?;
    if text.is_ascii() {
        Ok(text)
    } else {
        Err(format!("{text:?} is not ASCII"))
    }
}

/// `value` as ASCII text, or `None` for JSON `null` or a missing field.
fn ascii_or_null(value: &Value) -> Result<Option<&str>, String> {
    match value {
        Value::Null => Ok(None),
        other => ascii(other).map(Some),
    }
}

fn boolean(value: &Value) -> Result<bool, String> {
    value
        .as_bool()
        .ok_or_else(|| format!("{value} is not a boolean"))
}

fn array(value: &Value) -> Result<&[Value], String> {
    value
        .as_array()
        .map(Vec::as_slice)
        .ok_or_else(|| format!("{value} is not an array"))
}

fn strings(value: &Value) -> Result<Vec<&str>, String> {
    array(value)?.iter().map(ascii).collect()
}

/// `[[name, value], ...]`.
fn pairs(value: &Value) -> Result<Vec<Pair<'_>>, String> {
    array(value)?
        .iter()
        .map(|pair| Ok((ascii(&pair[0])?, ascii(&pair[1])?)))
        .collect()
}

// ---- Request side --------------------------------------------------------------------------

/// A `request` object with mode `cors` (the only mode these groups use) and, optionally,
/// the string body `data`.
fn cors_request(request: &Value) -> Result<(&str, Vec<Pair<'_>>, bool), String> {
    if request["mode"] != "cors" {
        return Err(format!("mode {}, not cors", request["mode"]));
    }
    let string_body = match &request["body"] {
        Value::Null => false,
        Value::String(body) if body == "data" => true,
        other => return Err(format!("body {other} is not the string \"data\"")),
    };
    Ok((
        ascii(&request["method"])?,
        pairs(&request["headers"])?,
        string_body,
    ))
}

/// `fetch_spec_2026_07_expect_preflight` against `wpt_expect_preflight`.
fn request_header_safelist(v: &Value, f: &mut dyn FnMut(&dyn Vector)) -> Result<(), String> {
    let (method, headers, string_body) = cors_request(&v["request"])?;
    f(&PreflightVector {
        method,
        headers: &headers,
        string_body,
        spec_preflight: boolean(&v["fetch_spec_2026_07_expect_preflight"])?,
        wpt_preflight: boolean(&v["wpt_expect_preflight"])?,
    });
    Ok(())
}

/// `expect_preflight`, and `fetch_spec_2026_07_expect_preflight` where the vector has it.
fn preflight_vector(v: &Value, f: &mut dyn FnMut(&dyn Vector)) -> Result<(), String> {
    let (method, headers, string_body) = cors_request(&v["request"])?;
    let wpt_preflight = boolean(&v["expect_preflight"])?;
    let spec_preflight = match &v["fetch_spec_2026_07_expect_preflight"] {
        Value::Null => wpt_preflight,
        spec => boolean(spec)?,
    };
    f(&PreflightVector {
        method,
        headers: &headers,
        string_body,
        spec_preflight,
        wpt_preflight,
    });
    Ok(())
}

fn forbidden_request_header(v: &Value, f: &mut dyn FnMut(&dyn Vector)) -> Result<(), String> {
    f(&ForbiddenHeaderVector {
        name: ascii(&v["name"])?,
        value: ascii_or_null(&v["value"])?,
        forbidden: boolean(&v["forbidden"])?,
    });
    Ok(())
}

fn forbidden_method(v: &Value, f: &mut dyn FnMut(&dyn Vector)) -> Result<(), String> {
    f(&ForbiddenMethodVector {
        method: ascii(&v["method"])?,
        forbidden: boolean(&v["forbidden"])?,
    });
    Ok(())
}

fn no_cors_headers_guard(v: &Value, f: &mut dyn FnMut(&dyn Vector)) -> Result<(), String> {
    if v["guard"] != "request-no-cors" {
        return Err(format!("guard {}, not request-no-cors", v["guard"]));
    }
    let name = ascii(&v["header"])?;
    if v.get("append_sequence").is_some() {
        let appends = strings(&v["append_sequence"])?;
        f(&NoCorsGuardVector::Appends {
            name,
            appends: &appends,
            after_each_append: ascii(&v["expect_value_after_each_append"])?,
            set_value: ascii(&v["set_value"])?,
            after_set: ascii(&v["expect_value_after_set"])?,
        });
    } else {
        if boolean(&v["expect_present_after_append_or_set"])? {
            return Err("only expect_present_after_append_or_set: false is modelled".to_owned());
        }
        f(&NoCorsGuardVector::Dropped {
            name,
            value: ascii(&v["value"])?,
        });
    }
    Ok(())
}

fn get_decode_split(v: &Value, f: &mut dyn FnMut(&dyn Vector)) -> Result<(), String> {
    let lines = strings(&v["header_lines"])?;
    let expect = match &v["expect"] {
        Value::Null => None,
        items => Some(strings(items)?),
    };
    f(&DecodeSplitVector {
        lines: &lines,
        name: ascii(&v["name"])?,
        expect: expect.as_deref(),
    });
    Ok(())
}

// ---- Response side ---------------------------------------------------------------------------

fn credentials(value: &Value) -> Result<CredentialsMode, String> {
    value
        .as_str()
        .and_then(CredentialsMode::from_name)
        .ok_or_else(|| format!("{value} is not a credentials mode"))
}

/// The object `value`, refusing a key outside `known` (a field the checks would ignore).
fn object<'v>(
    value: &'v Value,
    known: &[&str],
) -> Result<&'v serde_json::Map<String, Value>, String> {
    let object = value
        .as_object()
        .ok_or_else(|| format!("{value} is not an object"))?;
    match object.keys().find(|key| !known.contains(&key.as_str())) {
        Some(key) => Err(format!("unexpected field {key:?}")),
        None => Ok(object),
    }
}

/// An object of header names to values, as (name, value) pairs in the file's order.
fn header_object(value: &Value) -> Result<Vec<Pair<'_>>, String> {
    let object = value
        .as_object()
        .ok_or_else(|| format!("{value} is not an object"))?;
    object
        .iter()
        .map(|(name, value)| Ok((name.as_str(), ascii(value)?)))
        .collect()
}

/// An object of names to strings or `null`.
fn nullable_object(value: &Value) -> Result<Vec<(&str, Option<&str>)>, String> {
    let object = value
        .as_object()
        .ok_or_else(|| format!("{value} is not an object"))?;
    object
        .iter()
        .map(|(name, value)| Ok((name.as_str(), ascii_or_null(value)?)))
        .collect()
}

const ALLOW_METHODS: &str = "Access-Control-Allow-Methods";
const ALLOW_HEADERS: &str = "Access-Control-Allow-Headers";
const ALLOW_ORIGIN: &str = "Access-Control-Allow-Origin";
const ALLOW_CREDENTIALS: &str = "Access-Control-Allow-Credentials";
const EXPOSE_HEADERS: &str = "Access-Control-Expose-Headers";

fn preflight_star(v: &Value, f: &mut dyn FnMut(&dyn Vector)) -> Result<(), String> {
    let request = &v["request"];
    let headers = pairs(&request["headers"])?;
    let answer = object(
        &v["preflight_response"],
        &[
            ALLOW_METHODS,
            ALLOW_HEADERS,
            ALLOW_ORIGIN,
            ALLOW_CREDENTIALS,
        ],
    )?;
    let field = |name: &str| ascii_or_null(answer.get(name).unwrap_or(&Value::Null));
    f(&PreflightStarVector {
        init_method: ascii(&request["init_method"])?,
        normalized_method: ascii(&request["normalized_method"])?,
        credentials: credentials(&request["credentials"])?,
        headers: &headers,
        allow_methods: field(ALLOW_METHODS)?,
        allow_headers: field(ALLOW_HEADERS)?,
        allow_origin: field(ALLOW_ORIGIN)?,
        allow_credentials: field(ALLOW_CREDENTIALS)?,
        preflight: boolean(&v["preflight_needed_per_spec"])?,
        success: boolean(&v["expect_success"])?,
    });
    Ok(())
}

fn preflight_requests(v: &Value, f: &mut dyn FnMut(&dyn Vector)) -> Result<(), String> {
    let request = &v["request"];
    let headers = pairs(&request["headers"])?;
    let answer = object(&v["preflight_response"], &[ALLOW_METHODS, ALLOW_HEADERS])?;
    let field = |name: &str| ascii_or_null(answer.get(name).unwrap_or(&Value::Null));
    let preflight_request = match &v["expect_preflight_request"] {
        Value::Null => None,
        fields => Some(nullable_object(fields)?),
    };
    f(&PreflightRequestVector {
        method: ascii(&request["method"])?,
        headers: &headers,
        allow_methods: field(ALLOW_METHODS)?,
        allow_headers: field(ALLOW_HEADERS)?,
        preflight_request: preflight_request.as_deref(),
        success: boolean(&v["expect_success"])?,
    });
    Ok(())
}

fn preflight_response_validation(v: &Value, f: &mut dyn FnMut(&dyn Vector)) -> Result<(), String> {
    let request = &v["request"];
    let headers = pairs(&request["headers"])?;
    let answer = header_object(&v["preflight_response"])?;
    f(&PreflightValidationVector {
        method: ascii(&request["method"])?,
        headers: &headers,
        preflight_response: &answer,
        success: boolean(&v["expect_success"])?,
        reason: ascii(&v["reason"])?,
    });
    Ok(())
}

fn preflight_cache(v: &Value, f: &mut dyn FnMut(&dyn Vector)) -> Result<(), String> {
    let steps = array(&v["steps"])?;
    let mut requests = Vec::new();
    for step in steps {
        let request = &step["request"];
        let answer = match &step["preflight_response"] {
            Value::Null => None,
            answer => Some(header_object(answer)?),
        };
        requests.push((
            ascii(&request["method"])?,
            pairs(&request["headers"])?,
            answer,
            boolean(&step["expect_preflight"])?,
        ));
    }
    let steps: Vec<CacheStep<'_>> = requests
        .iter()
        .map(|(method, headers, answer, preflight)| CacheStep {
            method,
            headers,
            preflight_response: answer.as_deref(),
            preflight: *preflight,
        })
        .collect();
    f(&PreflightCacheVector { steps: &steps });
    Ok(())
}

fn cors_check_origin(v: &Value, f: &mut dyn FnMut(&dyn Vector)) -> Result<(), String> {
    f(&CorsOriginVector {
        case: ascii(&v["case"])?,
        method: ascii(&v["method"])?,
        allow_origin: ascii(&v[ALLOW_ORIGIN])?,
        success: boolean(&v["expect_success"])?,
    });
    Ok(())
}

fn cors_check_credentials(v: &Value, f: &mut dyn FnMut(&dyn Vector)) -> Result<(), String> {
    f(&CredentialsVector {
        request_origin: ascii(&v["request_origin"])?,
        credentials: credentials(&v["credentials_mode"])?,
        allow_origin: ascii(&v[ALLOW_ORIGIN])?,
        allow_credentials: ascii_or_null(&v[ALLOW_CREDENTIALS])?,
        shared: boolean(&v["expect_shared"])?,
    });
    Ok(())
}

fn response_filtering(v: &Value, f: &mut dyn FnMut(&dyn Vector)) -> Result<(), String> {
    let header = &v["response_header"];
    f(&FilteringVector {
        header: (ascii(&header[0])?, ascii(&header[1])?),
        expose_headers: ascii_or_null(&v[EXPOSE_HEADERS])?,
        credentials: credentials(&v["credentials"])?,
        exposed: boolean(&v["expect_exposed"])?,
    });
    Ok(())
}

fn expose_star(v: &Value, f: &mut dyn FnMut(&dyn Vector)) -> Result<(), String> {
    let headers = pairs(&v["response_headers"])?;
    let expose_headers = match &v[EXPOSE_HEADERS] {
        Value::Array(_) => strings(&v[EXPOSE_HEADERS])?,
        one => vec![ascii(one)?],
    };
    let expect = nullable_object(&v["expect"])?;
    f(&ExposeStarVector {
        headers: &headers,
        expose_headers: &expose_headers,
        credentials: credentials(&v["credentials"])?,
        expect: &expect,
    });
    Ok(())
}
