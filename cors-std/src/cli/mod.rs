//! The `cors` command line: its arguments and their dispatch to one module per command.
//!
//! Every command reads from and writes to the handles in [`Io`], so tests can drive it
//! without a process; `main` passes the standard streams.

mod audit;
mod browser;
mod check;
mod classify;
mod origin;
mod policy;
mod request;
mod simulate;

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use cors_core::browser::Profile;

/// The exit status: 0 success, 1 a negative answer or a runtime error (clap exits 2 on a
/// usage error).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    /// The command did what was asked: exit 0.
    Success,
    /// The input was rejected, or reading or writing failed: exit 1.
    Failure,
    /// An input file could not be read or is not of its format: exit 2.
    BadInput,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        match status {
            Status::Success => Self::SUCCESS,
            Status::Failure => Self::FAILURE,
            Status::BadInput => Self::from(2),
        }
    }
}

/// The streams a command reads and writes.
struct Io<'a> {
    stdin: &'a mut dyn BufRead,
    stdout: &'a mut dyn Write,
    stderr: &'a mut dyn Write,
}

/// The tool's arguments.
#[derive(Debug, clap::Parser)]
#[command(
    name = "cors",
    version,
    about = "Answers CORS questions exactly as the WHATWG Fetch, URL and HTML standards do."
)]
pub(crate) struct Cli {
    /// Write machine-readable JSON to standard output, errors included.
    #[arg(long, global = true)]
    json: bool,
    /// Whose behaviour the browser model reproduces: the Fetch Standard as written, or
    /// Chromium 156 where it departs from it.
    #[arg(long, global = true, value_name = "PROFILE", default_value = "spec",
          value_parser = ["spec", "chromium"])]
    profile: String,
    #[command(subcommand)]
    command: Command,
}

/// The commands, each in its own module.
#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Print the origin of a URL (`null` when it is opaque), or why the URL does not parse.
    Origin(origin::OriginArgs),
    /// Whether a fetch() needs a preflight, why, and the preflight a browser sends.
    Classify(classify::ClassifyArgs),
    /// Run browser scenarios (JSON Lines) through the browser model; with --check, compare
    /// with their expect and close with `N passed, M failed`.
    Simulate(simulate::SimulateArgs),
    /// The browser's verdict for one request against the responses a server sent: allowed
    /// or blocked, where, why, and what script can read.
    Check(check::CheckArgs),
    /// Policy files: `check` validates one (every error and warning, with its
    /// misconfiguration class); `eval` prints what a server running it answers a request.
    Policy(policy::PolicyArgs),
    /// The misconfigurations visible in a response a server sent to a request from
    /// --origin, each with its class: exit 0 when none, 1 when some.
    Audit(audit::AuditArgs),
}

/// Runs the command on the standard streams.
pub(crate) fn run(cli: Cli) -> ExitCode {
    let stdin = io::stdin();
    let mut stdin = stdin.lock();
    let mut stdout = io::stdout().lock();
    let mut stderr = io::stderr().lock();
    let mut io = Io {
        stdin: &mut stdin,
        stdout: &mut stdout,
        stderr: &mut stderr,
    };
    run_with(&cli, &mut io).into()
}

/// Runs the command on `io`.
fn run_with(cli: &Cli, io: &mut Io<'_>) -> Status {
    let result = match &cli.command {
        Command::Origin(args) => origin::run(args, cli.json, io),
        Command::Classify(args) => classify::run(args, cli.json, cli.profile(), io),
        Command::Simulate(args) => simulate::run_command(args, cli.json, io),
        Command::Check(args) => check::run_command(args, cli.json, cli.profile(), io),
        Command::Policy(args) => policy::run_command(args, cli.json, io),
        Command::Audit(args) => audit::run_command(args, cli.json, io),
    };
    let status = match result {
        Ok(status) => status,
        Err(error) => {
            // Nothing more can be written when stderr fails too.
            let _ = writeln!(io.stderr, "error: {error}");
            Status::Failure
        }
    };
    // A failed flush of stdout is a failed run: the answer may not have reached anyone.
    match io.stdout.flush() {
        Ok(()) => status,
        Err(error) => {
            let _ = writeln!(io.stderr, "error: cannot write to standard output: {error}");
            Status::Failure
        }
    }
}

impl Cli {
    /// The selected profile (clap allows only the known names).
    fn profile(&self) -> Profile {
        Profile::from_name(&self.profile).unwrap_or_default()
    }
}

/// Writes `value` as one line of JSON.
fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> Result<(), CliError> {
    let mut line = serde_json::to_vec(value).map_err(|error| CliError::Write(error.into()))?;
    line.push(b'\n');
    out.write_all(&line).map_err(CliError::Write)
}

/// Reports an input that cannot be answered (`{"error": ...}` with `--json`): exit 1.
fn fail(io: &mut Io<'_>, json: bool, message: &str) -> Result<Status, CliError> {
    if json {
        write_json(io.stdout, &serde_json::json!({ "error": message }))?;
    } else {
        writeln!(io.stderr, "error: {message}").map_err(CliError::Write)?;
    }
    Ok(Status::Failure)
}

/// An error that ends a command: reading the input or writing the answer failed.
#[derive(Debug, thiserror::Error)]
enum CliError {
    /// Standard input could not be read.
    #[error("cannot read standard input: {0}")]
    Read(#[source] io::Error),
    /// Standard output could not be written.
    #[error("cannot write to standard output: {0}")]
    Write(#[source] io::Error),
}

#[cfg(test)]
mod tests {
    use clap::Parser as _;

    use super::*;

    /// Runs `cors ARGS` with `stdin`; returns the status, stdout and stderr.
    pub(super) fn run_args(args: &[&str], stdin: &[u8]) -> (Status, String, String) {
        let cli = match Cli::try_parse_from(core::iter::once("cors").chain(args.iter().copied())) {
            Ok(cli) => cli,
            Err(error) => panic!("usage error: {error}"),
        };
        let (mut stdin, mut stdout, mut stderr) = (stdin, Vec::new(), Vec::new());
        let mut io = Io {
            stdin: &mut stdin,
            stdout: &mut stdout,
            stderr: &mut stderr,
        };
        let status = run_with(&cli, &mut io);
        let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap_or_default();
        (status, text(stdout), text(stderr))
    }

    #[test]
    fn clap_definition_is_valid() {
        use clap::CommandFactory as _;
        Cli::command().debug_assert();
    }

    #[test]
    fn usage_errors() {
        for args in [
            &["origin"][..],
            &["origin", "--jsonl", "https://a/"],
            &["origin", "--jsonl", "--base", "x"],
            &[],
        ] {
            let parsed = Cli::try_parse_from(core::iter::once("cors").chain(args.iter().copied()));
            assert!(parsed.is_err(), "{args:?} parsed");
        }
    }

    #[test]
    fn json_is_global() {
        let (status, stdout, _) = run_args(&["--json", "origin", "https://a/"], b"");
        assert_eq!(
            (status, stdout.as_str()),
            (Status::Success, "{\"origin\":\"https://a\"}\n")
        );
    }
}
