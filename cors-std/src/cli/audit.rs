//! `cors audit`: the misconfigurations visible in one response a server sent to a request
//! from one origin, each with its class from `reference/security.md` §4.
//!
//! One response shows what the server answered, not the rule it followed: a reflected
//! origin with credentials may come from an allow-list or from "allow everything", so that
//! finding is a warning that says so. Everything else is read off the headers against the
//! Fetch Standard's CORS check (<https://fetch.spec.whatwg.org/#concept-cors-check>), which
//! compares `Access-Control-Allow-Origin` with the request's serialized origin byte for byte
//! and `Access-Control-Allow-Credentials` with `true`.

use std::io::Write;
use std::path::PathBuf;

use cors_core::SerializedOriginErrorKind;
use cors_core::http::list::list_elements;
use cors_std::scenario::{ScenarioResponse, isomorphic_encode, read_response};
use serde::Serialize;

use super::{CliError, Io, Status};

/// Arguments of `cors audit`.
#[derive(Debug, clap::Args)]
pub(crate) struct AuditArgs {
    /// The request's origin: a serialized origin as a browser sends it in `Origin`
    /// (`https://app.example.com`, or `null`), or a URL whose origin is taken.
    #[arg(long, value_name = "ORIGIN")]
    origin: String,
    /// The server's response: an HTTP response head or JSON
    /// `{"status": 200, "headers": [["Name", "value"], ...]}`.
    #[arg(long, value_name = "FILE")]
    response: PathBuf,
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Severity {
    /// A misconfiguration: exploitable, or it breaks what the server meant to allow.
    Error,
    /// Risky, or not confirmable from one response.
    Warning,
}

/// One misconfiguration seen in the response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct Finding {
    /// The class of `reference/security.md` §4, if the finding is one.
    pub(crate) class: Option<u8>,
    /// Error or warning.
    pub(crate) severity: Severity,
    /// The response header concerned.
    pub(crate) header: &'static str,
    /// What is wrong and why.
    pub(crate) message: String,
}

impl Finding {
    fn new(class: Option<u8>, severity: Severity, header: &'static str, message: String) -> Self {
        Self {
            class,
            severity,
            header,
            message,
        }
    }
}

/// What `audit` prints with `--json`.
#[derive(Serialize)]
struct Report<'a> {
    findings: &'a [Finding],
}

const ACAO: &str = "Access-Control-Allow-Origin";
const ACAC: &str = "Access-Control-Allow-Credentials";
const ACAM: &str = "Access-Control-Allow-Methods";
const ACAH: &str = "Access-Control-Allow-Headers";
const ACEH: &str = "Access-Control-Expose-Headers";
const VARY: &str = "Vary";

/// Runs `cors audit`: exit 0 when nothing is found, 1 when something is, 2 when the response
/// file or the origin is unusable.
pub(super) fn run_command(
    args: &AuditArgs,
    json: bool,
    io: &mut Io<'_>,
) -> Result<Status, CliError> {
    let input = request_origin(&args.origin).and_then(|origin| {
        let path = args.response.display();
        let text = std::fs::read_to_string(&args.response).map_err(|e| format!("{path}: {e}"))?;
        let response = read_response(&text).map_err(|e| format!("{path}: {e}"))?;
        Ok((origin, response))
    });
    let (origin, response) = match input {
        Ok(input) => input,
        Err(message) => {
            writeln!(io.stderr, "error: {message}").map_err(CliError::Write)?;
            return Ok(Status::BadInput);
        }
    };
    let findings = audit(&origin, &response);
    if json {
        super::write_json(
            io.stdout,
            &Report {
                findings: &findings,
            },
        )?;
    } else {
        write_text(io.stdout, &findings, &response).map_err(CliError::Write)?;
    }
    Ok(if findings.is_empty() {
        Status::Success
    } else {
        Status::Failure
    })
}

/// The `Origin` a browser sends for `text`: the text itself when it is a serialized origin
/// or `null`, else the serialized origin of `text` as a URL.
fn request_origin(text: &str) -> Result<String, String> {
    if cors_core::parse_origin_or_null(text.as_bytes()).is_ok() {
        return Ok(text.to_owned());
    }
    cors_std::url_origin(text, None)
        .map(|origin| origin.to_string())
        .map_err(|e| format!("--origin is neither a serialized origin nor a URL: {e}"))
}

/// The values of the headers named `name`, in order.
fn values<'r>(response: &'r ScenarioResponse, name: &'r str) -> impl Iterator<Item = &'r str> {
    response
        .headers
        .iter()
        .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim_matches([' ', '\t']))
}

/// The combined value of `name` ("get": the values joined by `, `), if present.
///
/// <https://fetch.spec.whatwg.org/#concept-header-list-get>
fn combined(response: &ScenarioResponse, name: &str) -> Option<String> {
    let all: Vec<&str> = values(response, name).collect();
    (!all.is_empty()).then(|| all.join(", "))
}

/// Whether the `#`-list value `value` has the element `element` (case-insensitive).
fn lists(value: &str, element: &str) -> bool {
    list_elements(value.as_bytes()).any(|e| e.eq_ignore_ascii_case(element.as_bytes()))
}

/// Every misconfiguration visible in `response`, answered to a request from `origin`.
pub(crate) fn audit(origin: &str, response: &ScenarioResponse) -> Vec<Finding> {
    let mut findings = Vec::new();
    let credentials = combined(response, ACAC);
    let with_credentials = credentials.as_deref() == Some("true");
    let allow_origin: Vec<&str> = values(response, ACAO).collect();
    match allow_origin.as_slice() {
        [] => {}
        [one] if !one.contains(',') => {
            allow_origin_findings(&mut findings, origin, one, with_credentials);
        }
        several => findings.push(Finding::new(
            Some(17),
            Severity::Error,
            ACAO,
            format!(
                "{} values ({}): browsers accept exactly one origin or \"*\", so every CORS request is blocked; set the header once (stacked middlewares append a second one)",
                several.iter().map(|v| list_elements(v.as_bytes()).count().max(1)).sum::<usize>(),
                several.join(" | "),
            ),
        )),
    }
    let varies_on_origin =
        combined(response, VARY).is_some_and(|vary| lists(&vary, "origin") || lists(&vary, "*"));
    if !allow_origin.is_empty() && allow_origin != ["*"] && !varies_on_origin {
        findings.push(missing_vary(allow_origin == [origin]));
    }
    if let Some(value) = credentials.as_deref().filter(|v| *v != "true") {
        let (severity, why) = if value.eq_ignore_ascii_case("true") {
            (
                Severity::Error,
                "the comparison is case-sensitive, so credentialed requests are blocked",
            )
        } else if value == "false" {
            (
                Severity::Warning,
                "\"false\" means the same as no header; omit it",
            )
        } else {
            (
                Severity::Error,
                "credentialed requests are blocked (a repeated header is read as \"true, true\")",
            )
        };
        findings.push(Finding::new(
            None,
            severity,
            ACAC,
            format!("{value:?}: browsers accept only the exact value \"true\"; {why}"),
        ));
    }
    if with_credentials {
        wildcard_with_credentials(&mut findings, response);
    }
    findings
}

/// `Vary` lacks `Origin` although `Access-Control-Allow-Origin` is not `*` (class 12): an
/// error when the value is the request's origin, which shows it follows the request; a
/// warning otherwise, since a server sending one fixed origin to everyone needs no `Vary`.
fn missing_vary(reflected: bool) -> Finding {
    let (severity, caveat) = if reflected {
        (Severity::Error, "")
    } else {
        (
            Severity::Warning,
            " (needless only if the server sends this same value whatever the Origin)",
        )
    };
    Finding::new(
        Some(12),
        severity,
        VARY,
        format!(
            "Access-Control-Allow-Origin is not \"*\" but Vary does not list Origin: a cache can serve this response to another origin, or a refusal to an allowed one; add Origin to Vary on every response whose headers depend on Origin, CORS or not{caveat}"
        ),
    )
}

/// The findings of one `Access-Control-Allow-Origin` value.
fn allow_origin_findings(
    findings: &mut Vec<Finding>,
    origin: &str,
    value: &str,
    with_credentials: bool,
) {
    if value == "*" {
        if with_credentials {
            findings.push(Finding::new(
                Some(2),
                Severity::Error,
                ACAO,
                "\"*\" with Access-Control-Allow-Credentials: true: browsers block credentialed requests, and \"fixing\" it by reflecting the origin trusts every site; allow-list the origins instead".to_owned(),
            ));
        }
        return;
    }
    if value == "null" {
        findings.push(Finding::new(
            Some(8),
            Severity::Error,
            ACAO,
            "\"null\" is the origin of sandboxed frames, data: and file: documents and redirected requests, which any site can create: trusting it trusts every site".to_owned(),
        ));
    } else if let Err(error) =
        cors_core::parse_origin_or_null(&isomorphic_encode(value).unwrap_or_default())
    {
        findings.push(invalid_origin(value, error.kind));
        return;
    }
    if value != origin {
        findings.push(Finding::new(
            None,
            Severity::Error,
            ACAO,
            format!(
                "{value:?} is not the request's origin {origin:?}: the browser blocks the response (the comparison is byte for byte)"
            ),
        ));
    } else if with_credentials && value != "null" {
        findings.push(Finding::new(
            Some(1),
            Severity::Warning,
            ACAO,
            format!(
                "the request's origin {value:?} is reflected with Access-Control-Allow-Credentials: true: reflection with credentials is only safe if the origin was checked against an allow-list; cannot be confirmed from one response (audit a response to an origin the server must refuse, such as https://attacker.invalid)"
            ),
        ));
    }
}

/// A value that is not a serialized origin: the browser never matches it.
fn invalid_origin(value: &str, kind: SerializedOriginErrorKind) -> Finding {
    let class = if value.bytes().any(|b| b.is_ascii_control()) {
        13
    } else if matches!(
        kind,
        SerializedOriginErrorKind::UppercaseScheme | SerializedOriginErrorKind::UppercaseHost
    ) {
        20
    } else {
        7
    };
    let hint = match class {
        13 => "control characters in a reflected value can inject headers",
        20 => {
            "serialized origins are lowercase, so a server folding case does not produce what browsers compare against"
        }
        _ => "the server builds the value instead of copying a checked Origin",
    };
    Finding::new(
        Some(class),
        Severity::Error,
        ACAO,
        format!(
            "{value:?} is not a serialized origin ({}): browsers compare it with the request's origin byte for byte, so it never matches; {hint}",
            kind.description()
        ),
    )
}

/// `*` in the methods, request-header or exposed-header lists of a credentialed response,
/// which browsers then read as a literal name (class 2).
fn wildcard_with_credentials(findings: &mut Vec<Finding>, response: &ScenarioResponse) {
    let checks = [
        (
            ACAM,
            Severity::Error,
            "with credentials, browsers read \"*\" as a method named \"*\": a credentialed preflight for any other method fails; list the methods",
        ),
        (
            ACAH,
            Severity::Error,
            "with credentials, browsers read \"*\" as a header named \"*\": a credentialed preflight with request headers fails; list the names",
        ),
        (
            ACEH,
            Severity::Warning,
            "with credentials, browsers read \"*\" as a header named \"*\", so it exposes nothing; list the names",
        ),
    ];
    for (header, severity, message) in checks {
        if combined(response, header).is_some_and(|value| lists(&value, "*")) {
            findings.push(Finding::new(Some(2), severity, header, message.to_owned()));
        }
    }
}

fn write_text(
    out: &mut dyn Write,
    findings: &[Finding],
    response: &ScenarioResponse,
) -> std::io::Result<()> {
    for finding in findings {
        let severity = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match finding.class {
            Some(class) => write!(out, "{severity} [class {class}] ")?,
            None => write!(out, "{severity} ")?,
        }
        writeln!(out, "{}: {}", finding.header, finding.message)?;
    }
    if findings.is_empty() {
        if values(response, ACAO).next().is_none() {
            writeln!(
                out,
                "no Access-Control-Allow-Origin: browsers do not let the requesting page read this response"
            )?;
        }
        writeln!(out, "no misconfiguration visible in this response")?;
    } else {
        let n = findings.len();
        writeln!(out, "{n} finding{}", if n == 1 { "" } else { "s" })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(headers: &[(&str, &str)]) -> ScenarioResponse {
        ScenarioResponse {
            status: 200,
            headers: headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect(),
        }
    }

    fn classes(origin: &str, headers: &[(&str, &str)]) -> Vec<(Option<u8>, &'static str)> {
        audit(origin, &response(headers))
            .into_iter()
            .map(|f| (f.class, f.header))
            .collect()
    }

    #[test]
    fn a_correct_answer_has_no_finding() {
        let ok = [(ACAO, "https://a.example"), ("vary", "Accept, origin")];
        assert_eq!(classes("https://a.example", &ok), []);
        assert_eq!(classes("https://a.example", &[(ACAO, "*")]), []);
        assert_eq!(classes("https://a.example", &[]), []);
    }

    #[test]
    fn each_class() {
        let o = "https://a.example";
        let vary = ("Vary", "Origin");
        assert_eq!(
            classes(o, &[(ACAO, "*"), (ACAC, "true")]),
            [(Some(2), ACAO)]
        );
        assert_eq!(
            classes(o, &[(ACAO, o), (ACAC, "true"), vary]),
            [(Some(1), ACAO)]
        );
        assert_eq!(
            classes(o, &[(ACAO, o), (ACAO, o), vary]),
            [(Some(17), ACAO)]
        );
        assert_eq!(
            classes(o, &[(ACAO, "https://a.example, https://b.example"), vary]),
            [(Some(17), ACAO)]
        );
        assert_eq!(
            classes(o, &[(ACAO, "null"), vary]),
            [(Some(8), ACAO), (None, ACAO)]
        );
        assert_eq!(classes("null", &[(ACAO, "null"), vary]), [(Some(8), ACAO)]);
        assert_eq!(classes(o, &[(ACAO, o)]), [(Some(12), VARY)]);
        assert_eq!(
            classes(o, &[(ACAO, "https://A.example"), vary]),
            [(Some(20), ACAO)]
        );
        assert_eq!(
            classes(o, &[(ACAO, "https://a.example/"), vary]),
            [(Some(7), ACAO)]
        );
        assert_eq!(
            classes(o, &[(ACAO, "https://a.example\u{b}"), vary]),
            [(Some(13), ACAO)]
        );
        assert_eq!(
            classes(o, &[(ACAO, "https://b.example"), vary]),
            [(None, ACAO)]
        );
        assert_eq!(
            classes(o, &[(ACAO, o), vary, (ACAC, "True")]),
            [(None, ACAC)]
        );
        assert_eq!(
            classes(
                o,
                &[
                    (ACAO, o),
                    vary,
                    (ACAC, "true"),
                    (ACAM, "GET, *"),
                    (ACAH, "*"),
                    (ACEH, "*")
                ]
            ),
            [
                (Some(1), ACAO),
                (Some(2), ACAM),
                (Some(2), ACAH),
                (Some(2), ACEH)
            ]
        );
        // Without credentials `*` is a wildcard: nothing to say.
        assert_eq!(classes(o, &[(ACAO, "*"), (ACAM, "*"), (ACAH, "*")]), []);
    }

    #[test]
    fn credentials_other_than_true() {
        let o = "https://a.example";
        let found = audit(o, &response(&[(ACAO, "*"), (ACAC, "false")]));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        let found = audit(o, &response(&[(ACAO, "*"), (ACAC, "true"), (ACAC, "true")]));
        assert_eq!(
            (found[0].header, found[0].severity),
            (ACAC, Severity::Error)
        );
        assert!(
            found[0].message.contains("\"true, true\""),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn the_origin_may_be_a_url() {
        assert_eq!(
            request_origin("https://A.example/x").unwrap(),
            "https://a.example"
        );
        assert_eq!(request_origin("null").unwrap(), "null");
        assert!(request_origin("not an origin").is_err());
    }
}
