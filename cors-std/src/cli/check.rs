//! `cors check`: the browser's verdict for one request against the responses a server
//! sent — allowed or blocked, where and why (Chromium's `corsError`, Firefox's reason id,
//! Chromium's console message), and the headers script can read.
//!
//! <https://fetch.spec.whatwg.org/#concept-cors-check>, <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0>

use std::io::Write;
use std::path::{Path, PathBuf};

use cors_core::browser::Profile;
use cors_std::scenario::{Observation, Outcome, read_response};
use serde::Serialize;

use super::browser::{OwnedResponse, run};
use super::request::{OwnedRequest, RequestArgs};
use super::{CliError, Io, Status};

/// Arguments of `cors check`.
#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// The requesting document's origin (`null` for an opaque one).
    #[arg(long, value_name = "ORIGIN")]
    origin: String,
    #[command(flatten)]
    request: RequestArgs,
    /// The server's answer to the preflight: an HTTP response head or scenario JSON.
    #[arg(long, value_name = "FILE")]
    preflight_response: Option<PathBuf>,
    /// The server's answer to the actual request: an HTTP response head or scenario JSON.
    #[arg(long, value_name = "FILE")]
    response: PathBuf,
}

/// What `check` prints with `--json`.
#[derive(Serialize)]
struct Report<'a> {
    #[serde(flatten)]
    observation: &'a Observation,
    firefox_reason: Option<&'static str>,
    message: Option<&'a str>,
}

/// Runs `cors check`: exit 0 when allowed, 1 when blocked, 2 when a file is unusable.
pub(super) fn run_command(
    args: &CheckArgs,
    json: bool,
    profile: Profile,
    io: &mut Io<'_>,
) -> Result<Status, CliError> {
    let responses = read(&args.response).and_then(|response| {
        let preflight = args.preflight_response.as_deref().map(read).transpose()?;
        Ok((preflight, response))
    });
    let (preflight, response) = match responses {
        Ok(both) => both,
        Err(message) => {
            writeln!(io.stderr, "error: {message}").map_err(CliError::Write)?;
            return Ok(Status::BadInput);
        }
    };
    let request = match OwnedRequest::new(&args.request, &args.origin) {
        Ok(request) => request,
        Err(message) => return super::fail(io, json, &message),
    };
    let url = args.request.url();
    let outcome = match run(&request, url, preflight.as_ref(), &response, profile) {
        Ok(outcome) => outcome,
        Err(type_error) => return super::fail(io, json, &type_error),
    };
    let o = &outcome.observation;
    if json {
        let report = Report {
            observation: o,
            firefox_reason: outcome.firefox_reason,
            message: outcome.console_message.as_deref(),
        };
        super::write_json(io.stdout, &report)?;
    } else {
        write_text(
            io.stdout,
            o,
            outcome.firefox_reason,
            outcome.console_message.as_deref(),
        )
        .map_err(CliError::Write)?;
    }
    Ok(match o.outcome {
        Outcome::Allowed => Status::Success,
        Outcome::Blocked => Status::Failure,
    })
}

fn read(path: &Path) -> Result<OwnedResponse, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let response = read_response(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    OwnedResponse::new(&response).map_err(|e| format!("{}: {e}", path.display()))
}

fn write_text(
    out: &mut dyn Write,
    o: &Observation,
    firefox: Option<&str>,
    message: Option<&str>,
) -> std::io::Result<()> {
    if let Some(preflight) = &o.preflight_request {
        writeln!(
            out,
            "preflight: OPTIONS with Access-Control-Request-Method: {}",
            preflight.method
        )?;
        if let Some(names) = &preflight.headers {
            writeln!(
                out,
                "           and Access-Control-Request-Headers: {names}"
            )?;
        }
    } else {
        writeln!(out, "preflight: none")?;
    }
    match o.outcome {
        Outcome::Allowed => {
            writeln!(out, "allowed")?;
            let names = o.exposed_headers.as_deref().unwrap_or_default();
            writeln!(out, "script can read: {}", names.join(", "))?;
        }
        Outcome::Blocked => {
            let stage = o.stage.map_or("before sending", |s| match s {
                cors_std::scenario::Stage::Preflight => "at the preflight",
                cors_std::scenario::Stage::Response => "at the response",
            });
            writeln!(out, "blocked {stage}")?;
            if let Some(reason) = &o.reason {
                writeln!(out, "Chromium corsError: {reason}")?;
            }
            if let Some(firefox) = firefox {
                writeln!(out, "Firefox reason: {firefox}")?;
            }
            if let Some(message) = message {
                writeln!(out, "{message}")?;
            }
        }
    }
    Ok(())
}
