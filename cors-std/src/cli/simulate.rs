//! `cors simulate [--check] FILE...`: runs browser scenarios (the conformance data's
//! `scenario-format.md`) through the browser model, each with its own profile.
//!
//! With `--check`, each scenario's result is compared with its `expect`, field by field:
//! one line per mismatch, then `N passed, M failed`; exit 1 when M > 0. A file that cannot
//! be read, or a line that is not a valid scenario, exits 2 with the file, the line and
//! why, before anything runs: nothing is skipped silently.

use std::path::PathBuf;

use cors_std::scenario::{Mismatch, Observation, Outcome, Scenario, compare, read_scenarios};
use serde::Serialize;

use super::browser::{OwnedResponse, Run, run};
use super::request::OwnedRequest;
use super::{CliError, Io, Status};

/// Arguments of `cors simulate`.
#[derive(Debug, clap::Args)]
pub(crate) struct SimulateArgs {
    /// Compare each result with the scenario's `expect`; close with `N passed, M failed`.
    #[arg(long)]
    check: bool,
    /// Scenario files, JSON Lines.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

/// One scenario's line with `--json`.
#[derive(Serialize)]
struct JsonLine<'a> {
    id: &'a str,
    profile: &'static str,
    observation: &'a Observation,
    #[serde(skip_serializing_if = "Option::is_none")]
    mismatches: Option<Vec<JsonMismatch<'a>>>,
}

#[derive(Serialize)]
struct JsonMismatch<'a> {
    field: &'a str,
    expected: &'a str,
    actual: &'a str,
}

/// Runs `cors simulate`.
pub(super) fn run_command(
    args: &SimulateArgs,
    json: bool,
    io: &mut Io<'_>,
) -> Result<Status, CliError> {
    let mut scenarios = Vec::new();
    for path in &args.files {
        let read = std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| read_scenarios(&text).map_err(|e| e.to_string()));
        match read {
            Ok(mut more) => scenarios.append(&mut more),
            Err(message) => {
                writeln!(io.stderr, "error: {}: {message}", path.display())
                    .map_err(CliError::Write)?;
                return Ok(Status::BadInput);
            }
        }
    }
    let (mut passed, mut failed) = (0usize, 0usize);
    for scenario in &scenarios {
        let observation = match observe(scenario) {
            Ok(run) => run.observation,
            Err(message) => {
                writeln!(io.stderr, "error: scenario {}: {message}", scenario.id)
                    .map_err(CliError::Write)?;
                return Ok(Status::BadInput);
            }
        };
        let mismatches = match (&scenario.expect, args.check) {
            (Some(expected), true) => Some(compare(expected, &observation)),
            (None, true) => {
                writeln!(io.stderr, "error: scenario {} has no expect", scenario.id)
                    .map_err(CliError::Write)?;
                return Ok(Status::BadInput);
            }
            _ => None,
        };
        if let Some(found) = &mismatches {
            if found.is_empty() {
                passed += 1;
            } else {
                failed += 1;
            }
        }
        if json {
            write_json_line(io, scenario, &observation, mismatches.as_deref())?;
        } else if let Some(found) = &mismatches {
            write_mismatches(io, &scenario.id, found)?;
        } else {
            write_observation(io, &scenario.id, &observation)?;
        }
    }
    if args.check {
        if json {
            super::write_json(
                io.stdout,
                &serde_json::json!({"passed": passed, "failed": failed}),
            )?;
        } else {
            writeln!(io.stdout, "{passed} passed, {failed} failed").map_err(CliError::Write)?;
        }
        if failed > 0 {
            return Ok(Status::Failure);
        }
    }
    Ok(Status::Success)
}

/// Runs one scenario with its profile. A `TypeError` from `fetch()` is a blocked outcome
/// with no preflight, no stage and no reason (the promise rejects before anything is sent).
pub(crate) fn observe(scenario: &Scenario) -> Result<Run, String> {
    let r = &scenario.request;
    let request = OwnedRequest::from_parts(
        &r.origin,
        &r.url,
        &r.method,
        &r.headers,
        r.credentials,
        &r.mode,
        r.use_cors_preflight,
    )?;
    let preflight_response = scenario
        .preflight_response
        .as_ref()
        .map(OwnedResponse::new)
        .transpose()?;
    let response = OwnedResponse::new(&scenario.response)?;
    Ok(run(
        &request,
        &r.url,
        preflight_response.as_ref(),
        &response,
        scenario.profile,
    )
    .unwrap_or_else(|type_error| Run {
        observation: Observation {
            preflight: false,
            preflight_request: None,
            outcome: Outcome::Blocked,
            stage: None,
            reason: None,
            exposed_headers: None,
        },
        firefox_reason: None,
        console_message: Some(type_error),
    }))
}

fn write_json_line(
    io: &mut Io<'_>,
    scenario: &Scenario,
    observation: &Observation,
    mismatches: Option<&[Mismatch]>,
) -> Result<(), CliError> {
    let mismatches = mismatches.map(|found| {
        found
            .iter()
            .map(|m| JsonMismatch {
                field: m.field,
                expected: &m.expected,
                actual: &m.actual,
            })
            .collect()
    });
    super::write_json(
        io.stdout,
        &JsonLine {
            id: &scenario.id,
            profile: scenario.profile.as_str(),
            observation,
            mismatches,
        },
    )
}

fn write_mismatches(io: &mut Io<'_>, id: &str, found: &[Mismatch]) -> Result<(), CliError> {
    for m in found {
        writeln!(
            io.stdout,
            "{id}: {}: expected {}, got {}",
            m.field, m.expected, m.actual
        )
        .map_err(CliError::Write)?;
    }
    Ok(())
}

fn write_observation(io: &mut Io<'_>, id: &str, o: &Observation) -> Result<(), CliError> {
    let preflight = if o.preflight { "preflight, " } else { "" };
    let line = match (o.outcome, &o.reason, &o.exposed_headers) {
        (Outcome::Allowed, _, Some(names)) => {
            format!(
                "{id}: {preflight}allowed; script reads {}",
                names.join(", ")
            )
        }
        (Outcome::Allowed, _, None) => format!("{id}: {preflight}allowed"),
        (Outcome::Blocked, Some(reason), _) => format!("{id}: {preflight}blocked: {reason}"),
        (Outcome::Blocked, None, _) => format!("{id}: {preflight}blocked"),
    };
    writeln!(io.stdout, "{line}").map_err(CliError::Write)
}
