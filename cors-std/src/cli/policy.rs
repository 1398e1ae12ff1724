//! `cors policy check` and `cors policy eval`: a policy file's every error and warning, and
//! what a server running the policy answers one request.

use std::io::Write;
use std::path::{Path, PathBuf};

use cors_core::http::BoundedHeaders;
use cors_core::policy::Decision;
use cors_std::policy::{OwnedPolicy, PolicyErrors, PolicyFile, PolicyProblem};
use cors_std::scenario::isomorphic_decode;
use serde::Serialize;

use super::request::{bytes, parse_header};
use super::{CliError, Io, Status};

/// Arguments of `cors policy`.
#[derive(Debug, clap::Args)]
pub(crate) struct PolicyArgs {
    #[command(subcommand)]
    command: PolicyCommand,
}

/// The `policy` subcommands.
#[derive(Debug, clap::Subcommand)]
enum PolicyCommand {
    /// Validate a policy file (TOML or JSON): every error and warning, each with the
    /// misconfiguration class it would open. Exit 0 when valid, 1 with errors, 2 when the
    /// file cannot be read or is not a policy file.
    Check(CheckArgs),
    /// What a server running the policy answers one request: its kind, allowed or why not,
    /// the preflight status and the CORS and Vary headers it sets. Exit 0 when allowed (or
    /// not CORS), 1 when refused or the policy has errors, 2 when the file or a header is
    /// unusable.
    Eval(EvalArgs),
}

/// Arguments of `cors policy check`.
#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// The policy file: JSON when it ends in `.json` or starts with `{`, TOML otherwise.
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

/// Arguments of `cors policy eval`.
#[derive(Debug, clap::Args)]
struct EvalArgs {
    /// The policy file: JSON when it ends in `.json` or starts with `{`, TOML otherwise.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The request's `Origin` header, sent as given (none: not a CORS request).
    #[arg(long, value_name = "ORIGIN")]
    origin: Option<String>,
    /// The request method as the server receives it (compared case-sensitively).
    #[arg(
        short = 'X',
        long = "method",
        value_name = "METHOD",
        default_value = "GET"
    )]
    method: String,
    /// A request header as 'Name: value', such as
    /// 'Access-Control-Request-Method: PUT'; repeat for more.
    #[arg(short = 'H', long = "header", value_name = "NAME: VALUE")]
    headers: Vec<String>,
}

/// Runs `cors policy …`.
pub(super) fn run_command(
    args: &PolicyArgs,
    json: bool,
    io: &mut Io<'_>,
) -> Result<Status, CliError> {
    match &args.command {
        PolicyCommand::Check(args) => check(args, json, io),
        PolicyCommand::Eval(args) => eval(args, json, io),
    }
}

/// One problem in `--json` output.
#[derive(Serialize)]
struct ProblemReport<'a> {
    setting: &'static str,
    value: &'a str,
    message: &'a str,
    class: Option<u8>,
}

impl<'a> ProblemReport<'a> {
    fn list(problems: &'a [PolicyProblem]) -> Vec<Self> {
        problems
            .iter()
            .map(|p| Self {
                setting: p.setting,
                value: &p.value,
                message: &p.message,
                class: p.class,
            })
            .collect()
    }
}

/// What `policy check` prints with `--json`.
#[derive(Serialize)]
struct CheckReport<'a> {
    valid: bool,
    errors: Vec<ProblemReport<'a>>,
    warnings: Vec<ProblemReport<'a>>,
}

/// The policy file, or `BadInput` after saying why it is unusable.
fn read_file(path: &Path, io: &mut Io<'_>) -> Result<Result<PolicyFile, Status>, CliError> {
    match PolicyFile::read(path) {
        Ok(file) => Ok(Ok(file)),
        Err(error) => {
            writeln!(io.stderr, "error: {error}").map_err(CliError::Write)?;
            Ok(Err(Status::BadInput))
        }
    }
}

/// `cors policy check FILE`.
fn check(args: &CheckArgs, json: bool, io: &mut Io<'_>) -> Result<Status, CliError> {
    let file = match read_file(&args.file, io)? {
        Ok(file) => file,
        Err(status) => return Ok(status),
    };
    let (errors, warnings) = match OwnedPolicy::new(file) {
        Ok(owned) => (Vec::new(), owned.warnings().to_vec()),
        Err(invalid) => (invalid.errors, invalid.warnings),
    };
    if json {
        let report = CheckReport {
            valid: errors.is_empty(),
            errors: ProblemReport::list(&errors),
            warnings: ProblemReport::list(&warnings),
        };
        super::write_json(io.stdout, &report)?;
    } else {
        write_check_text(io.stdout, &args.file, &errors, &warnings).map_err(CliError::Write)?;
    }
    Ok(if errors.is_empty() {
        Status::Success
    } else {
        Status::Failure
    })
}

fn write_check_text(
    out: &mut dyn Write,
    path: &Path,
    errors: &[PolicyProblem],
    warnings: &[PolicyProblem],
) -> std::io::Result<()> {
    for error in errors {
        writeln!(out, "error: {error}")?;
    }
    for warning in warnings {
        writeln!(out, "warning: {warning}")?;
    }
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let verdict = if errors.is_empty() {
        "valid"
    } else {
        "invalid"
    };
    writeln!(
        out,
        "{}: {verdict}, {}, {}",
        path.display(),
        count(errors.len(), "error"),
        count(warnings.len(), "warning")
    )
}

/// What `policy eval` prints with `--json`.
#[derive(Serialize)]
struct EvalReport {
    kind: &'static str,
    allowed: bool,
    status: Option<u16>,
    headers: Vec<(&'static str, String)>,
    reason: Option<&'static str>,
}

impl EvalReport {
    fn new(decision: &Decision<'_>) -> Self {
        Self {
            kind: decision.kind().as_str(),
            allowed: decision.is_allowed(),
            status: decision.status(),
            headers: decision
                .headers()
                .map(|(name, value)| (name, isomorphic_decode(value)))
                .collect(),
            reason: decision.reason().map(|r| r.as_str()),
        }
    }
}

/// Header names and values as bytes.
type HeaderBytes = Vec<(Vec<u8>, Vec<u8>)>;

/// The request headers: `Origin` from `--origin`, then each `-H`, as bytes.
fn request_headers(args: &EvalArgs) -> Result<HeaderBytes, String> {
    let origin = args
        .origin
        .as_deref()
        .map(|origin| Ok((b"Origin".to_vec(), bytes("--origin", origin)?)));
    origin
        .into_iter()
        .chain(args.headers.iter().map(|h| parse_header(h)))
        .collect()
}

/// `cors policy eval FILE …`.
fn eval(args: &EvalArgs, json: bool, io: &mut Io<'_>) -> Result<Status, CliError> {
    let file = match read_file(&args.file, io)? {
        Ok(file) => file,
        Err(status) => return Ok(status),
    };
    let request =
        request_headers(args).and_then(|headers| Ok((bytes("the method", &args.method)?, headers)));
    let (method, headers) = match request {
        Ok(request) => request,
        Err(message) => {
            writeln!(io.stderr, "error: {message}").map_err(CliError::Write)?;
            return Ok(Status::BadInput);
        }
    };
    let bounded = match BoundedHeaders::new(&headers) {
        Ok(bounded) => bounded,
        Err(error) => {
            writeln!(io.stderr, "error: the request headers: {error}").map_err(CliError::Write)?;
            return Ok(Status::BadInput);
        }
    };
    let owned = match OwnedPolicy::new(file) {
        Ok(owned) => owned,
        Err(invalid) => return invalid_policy(&args.file, &invalid, json, io),
    };
    let view = owned.view();
    let policy = match view.policy() {
        Ok(policy) => policy,
        Err(invalid) => return invalid_policy(&args.file, &invalid, json, io),
    };
    let decision = policy.decide(&method, &bounded);
    if json {
        super::write_json(io.stdout, &EvalReport::new(&decision))?;
    } else {
        write_eval_text(io.stdout, &decision).map_err(CliError::Write)?;
    }
    Ok(if decision.is_allowed() {
        Status::Success
    } else {
        Status::Failure
    })
}

/// Reports a policy with errors: the `check` report with `--json`, the errors on stderr
/// otherwise; exit 1.
fn invalid_policy(
    path: &Path,
    invalid: &PolicyErrors,
    json: bool,
    io: &mut Io<'_>,
) -> Result<Status, CliError> {
    if json {
        let report = CheckReport {
            valid: false,
            errors: ProblemReport::list(&invalid.errors),
            warnings: ProblemReport::list(&invalid.warnings),
        };
        super::write_json(io.stdout, &report)?;
    } else {
        writeln!(io.stderr, "error: {}: {invalid}", path.display()).map_err(CliError::Write)?;
    }
    Ok(Status::Failure)
}

fn write_eval_text(out: &mut dyn Write, decision: &Decision<'_>) -> std::io::Result<()> {
    let kind = match decision.kind() {
        cors_core::policy::RequestKind::NotCors => "not a CORS request (no Origin)",
        cors_core::policy::RequestKind::Preflight => "preflight",
        cors_core::policy::RequestKind::Actual => "actual CORS request",
    };
    match decision.reason() {
        None => writeln!(out, "{kind}: allowed")?,
        Some(reason) => {
            write!(
                out,
                "{kind}: refused: {} ({})",
                reason.description(),
                reason.as_str()
            )?;
            if let Some(offending) = decision.offending_value() {
                write!(out, ": {:?}", isomorphic_decode(offending))?;
            }
            writeln!(out)?;
        }
    }
    match decision.status() {
        Some(status) => writeln!(out, "status: {status}")?,
        None => writeln!(out, "status: the application's")?,
    }
    let mut any = false;
    for (name, value) in decision.headers() {
        writeln!(out, "{name}: {}", isomorphic_decode(value))?;
        any = true;
    }
    if !any {
        writeln!(out, "(no CORS or Vary header)")?;
    }
    Ok(())
}
