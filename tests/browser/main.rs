//! The real-browser suite's Rust side, driven by `scripts/browser-suite` (see
//! `tests/browser/README.md`):
//!
//! ```text
//! browser-suite serve --pages PORT,PORT --log FILE
//!     the policy engine live on 127.0.0.1 (a free port, printed as `listening PORT`),
//!     every request and answer logged to FILE, one JSON line each
//! browser-suite scenarios --pages PORT,PORT --api PORT
//!     the pages and the generated scenarios, as one JSON document
//! browser-suite check --pages PORT,PORT --api PORT --observations FILE --log FILE
//!                     [--expected-failures FILE] [--only SUBSTRING]
//!     Chromium's observations against the policy and the browser model; a diagnosis of
//!     each failure, then `browser suite: N passed, M failed[, K expected failures]`
//! ```
//!
//! Exit status: 0 success, 1 a scenario failed, 2 unusable input or infrastructure.

mod check;
mod policies;
mod scenarios;
mod server;

use std::process::ExitCode;

use policies::{Policies, Ports};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("browser-suite: {message}");
            ExitCode::from(2)
        }
    }
}

/// The value of option `name` in `args`.
fn option<'a>(args: &'a [String], name: &str) -> Result<Option<&'a str>, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(None),
        Some(i) => args
            .get(i + 1)
            .map(|v| Some(v.as_str()))
            .ok_or_else(|| format!("{name} needs a value")),
    }
}

fn required<'a>(args: &'a [String], name: &str) -> Result<&'a str, String> {
    option(args, name)?.ok_or_else(|| format!("{name} is required"))
}

fn port(text: &str) -> Result<u16, String> {
    text.parse()
        .map_err(|_| format!("{text:?} is not a port number"))
}

fn ports(args: &[String]) -> Result<Ports, String> {
    let pages = required(args, "--pages")?;
    let (page, other_page) = pages
        .split_once(',')
        .ok_or("--pages takes two ports, PORT,PORT")?;
    Ok(Ports {
        page: port(page)?,
        other_page: port(other_page)?,
    })
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

/// JSON Lines: every non-empty line parsed.
fn json_lines<T: serde::de::DeserializeOwned>(path: &str) -> Result<Vec<T>, String> {
    read(path)?
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1)))
        .collect()
}

fn run(args: &[String]) -> Result<bool, String> {
    let command = args.first().map(String::as_str).unwrap_or_default();
    let ports = ports(args)?;
    let loaded = policies::load(ports)?;
    let views = policies::views(&loaded);
    let built = policies::build(&views)?;
    let policies = Policies::new(&loaded, &built);
    match command {
        "serve" => {
            let path = required(args, "--log")?;
            let log =
                std::fs::File::create(path).map_err(|e| format!("cannot create {path}: {e}"))?;
            server::serve(&policies, log)?;
            Ok(true)
        }
        "scenarios" => {
            let api = port(required(args, "--api")?)?;
            let pages = policies::pages(ports);
            let defs: Vec<_> = loaded.iter().map(|(def, _)| def.clone()).collect();
            let scenarios = scenarios::generate(&pages, &defs, api);
            let document = serde_json::json!({"pages": pages, "scenarios": scenarios});
            println!("{document}");
            Ok(true)
        }
        "check" => {
            let api = port(required(args, "--api")?)?;
            let pages = policies::pages(ports);
            let defs: Vec<_> = loaded.iter().map(|(def, _)| def.clone()).collect();
            let expected = match option(args, "--expected-failures")? {
                Some(path) => check::read_expected_failures(&read(path)?)
                    .map_err(|e| format!("{path}: {e}"))?,
                None => Default::default(),
            };
            let all = scenarios::generate(&pages, &defs, api);
            if let Some(id) = expected.keys().find(|id| !all.iter().any(|s| &s.id == *id)) {
                return Err(format!("expected failure {id} is not a scenario"));
            }
            let only = option(args, "--only")?.unwrap_or_default();
            let scenarios: Vec<_> = all.into_iter().filter(|s| s.id.contains(only)).collect();
            let mut observations: Vec<check::Observation> =
                json_lines(required(args, "--observations")?)?;
            let mut log: Vec<server::Logged> = json_lines(required(args, "--log")?)?;
            // With --only, what the other scenarios left is not looked at.
            observations.retain(|o| o.id.contains(only));
            log.retain(|l| l.id.contains(only));
            check::run(&policies, &scenarios, &observations, &log, &expected)
        }
        other => Err(format!(
            "unknown command {other:?}: serve, scenarios or check"
        )),
    }
}
