//! `cors classify`: whether a `fetch()` needs a preflight, why, and the preflight request
//! a browser would send.
//!
//! <https://fetch.spec.whatwg.org/#main-fetch>, <https://fetch.spec.whatwg.org/#cors-preflight-fetch>

use std::io::Write;

use cors_core::browser::Profile;
use cors_core::browser::request::{
    BasicReason, Classification, Disposition, Forbidden, NetworkErrorReason, PreflightReason,
    Verdict, classify_fetch,
};
use cors_core::http::HeaderList;
use serde::Serialize;

use super::request::{OwnedRequest, RequestArgs};
use super::{CliError, Io, Status};
use cors_std::scenario::isomorphic_decode;

/// Arguments of `cors classify`.
#[derive(Debug, clap::Args)]
pub(crate) struct ClassifyArgs {
    #[command(flatten)]
    request: RequestArgs,
    /// The requesting document's origin (`null` for an opaque one).
    #[arg(long, value_name = "ORIGIN", default_value = "https://client.invalid")]
    origin: String,
}

/// What `classify` prints with `--json`.
#[derive(Debug, Serialize)]
pub(crate) struct ClassifyReport {
    /// `preflight`, `simple`, `same-origin`, `data`, `opaque` or `network-error`.
    pub(crate) verdict: &'static str,
    /// Why a preflight is needed, or why the fetch fails.
    pub(crate) reasons: Vec<String>,
    /// The preflight a browser sends, when one is needed.
    pub(crate) preflight_request: Option<PreflightRequestReport>,
    /// Headers the script set that `fetch()` silently drops, with why.
    pub(crate) dropped_headers: Vec<DroppedHeader>,
}

/// The preflight request.
#[derive(Debug, Serialize)]
pub(crate) struct PreflightRequestReport {
    /// Always `OPTIONS`.
    pub(crate) method: &'static str,
    /// `Access-Control-Request-Method`.
    #[serde(rename = "access-control-request-method")]
    pub(crate) request_method: String,
    /// `Access-Control-Request-Headers`, absent when no name is CORS-unsafe.
    #[serde(rename = "access-control-request-headers")]
    pub(crate) request_headers: Option<String>,
}

/// A header `fetch()` drops.
#[derive(Debug, Serialize)]
pub(crate) struct DroppedHeader {
    /// The name as the script wrote it.
    pub(crate) name: String,
    /// Why it is dropped.
    pub(crate) why: String,
}

impl ClassifyReport {
    /// The report of a classification.
    pub(crate) fn new<'a, L: HeaderList<'a>>(c: &Classification<'a, L>) -> Self {
        let (verdict, reasons) = match c.verdict() {
            Verdict::Basic(BasicReason::SameOrigin) => ("same-origin", vec![]),
            Verdict::Basic(_) => ("data", vec![]),
            Verdict::Opaque => ("opaque", vec![]),
            Verdict::NetworkError(why) => ("network-error", vec![network_error(why).to_owned()]),
            Verdict::Cors => ("simple", vec![]),
            Verdict::CorsWithPreflight(_) => (
                "preflight",
                c.preflight_reasons().map(|r| reason(&r)).collect(),
            ),
            _ => ("unknown", vec![]),
        };
        let preflight_request = c.preflight().map(|p| PreflightRequestReport {
            method: "OPTIONS",
            request_method: isomorphic_decode(p.access_control_request_method()),
            request_headers: p.access_control_request_headers().map(|h| h.to_string()),
        });
        let dropped_headers = c
            .headers()
            .entries()
            .filter_map(|entry| {
                let why = match entry.disposition {
                    Disposition::Kept => return None,
                    Disposition::Forbidden(rule) => forbidden(rule).to_owned(),
                    Disposition::NotNoCorsSafelisted(why) => {
                        format!("mode no-cors keeps only no-CORS-safelisted headers: {why}")
                    }
                    _ => "dropped".to_owned(),
                };
                Some(DroppedHeader {
                    name: isomorphic_decode(entry.name),
                    why,
                })
            })
            .collect();
        Self {
            verdict,
            reasons,
            preflight_request,
            dropped_headers,
        }
    }

    /// Writes the report for a person.
    fn write_text(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let headline = match self.verdict {
            "preflight" => "preflight: yes, a CORS-preflight request is sent first",
            "simple" => "preflight: no (a simple CORS request)",
            "same-origin" => "same origin: no CORS at all",
            "data" => "a data: URL: no CORS at all",
            "opaque" => "mode no-cors: no preflight, and the response is opaque",
            _ => "fetch() fails with a network error before sending anything",
        };
        writeln!(out, "{headline}")?;
        for reason in &self.reasons {
            writeln!(out, "  - {reason}")?;
        }
        if let Some(preflight) = &self.preflight_request {
            writeln!(out, "the browser first sends:")?;
            writeln!(out, "  OPTIONS")?;
            writeln!(
                out,
                "  Access-Control-Request-Method: {}",
                preflight.request_method
            )?;
            if let Some(names) = &preflight.request_headers {
                writeln!(out, "  Access-Control-Request-Headers: {names}")?;
            }
        }
        for dropped in &self.dropped_headers {
            writeln!(
                out,
                "dropped by fetch(): {} ({})",
                dropped.name, dropped.why
            )?;
        }
        Ok(())
    }
}

fn forbidden(rule: Forbidden) -> &'static str {
    match rule {
        Forbidden::Name => "a forbidden request-header name",
        Forbidden::Prefix => "a forbidden request-header: the name starts with proxy- or sec-",
        Forbidden::MethodOverride => {
            "a forbidden request-header: it overrides the method with a forbidden one"
        }
        _ => "a forbidden request-header",
    }
}

fn network_error(why: NetworkErrorReason) -> &'static str {
    match why {
        NetworkErrorReason::SameOriginModeCrossOrigin => "mode same-origin with a cross-origin URL",
        NetworkErrorReason::NoCorsRedirectNotFollow => "mode no-cors needs redirect mode follow",
        NetworkErrorReason::NotHttpScheme => "a CORS request needs an http: or https: URL",
        _ => "a network error",
    }
}

fn reason(reason: &PreflightReason<'_>) -> String {
    match reason {
        PreflightReason::UseCorsPreflightFlag => {
            "the use-CORS-preflight flag is set (a streaming body)".to_owned()
        }
        PreflightReason::MethodNotSafelisted(method) => format!(
            "the method {} is not CORS-safelisted (only GET, HEAD and POST, case-sensitive)",
            isomorphic_decode(method)
        ),
        PreflightReason::UnsafeHeaderName(name) => format!(
            "header {}: {}",
            isomorphic_decode(name.name).to_ascii_lowercase(),
            name.reason
        ),
        _ => "another reason".to_owned(),
    }
}

/// Runs `cors classify`.
pub(super) fn run(
    args: &ClassifyArgs,
    json: bool,
    profile: Profile,
    io: &mut Io<'_>,
) -> Result<Status, CliError> {
    let request = match OwnedRequest::new(&args.request, &args.origin) {
        Ok(request) => request,
        Err(message) => return super::fail(io, json, &message),
    };
    let classification = match classify_fetch(request.input(profile)) {
        Ok(c) => c,
        Err(error) => return super::fail(io, json, &error.to_string()),
    };
    let report = ClassifyReport::new(&classification);
    if json {
        super::write_json(io.stdout, &report)?;
    } else {
        report.write_text(io.stdout).map_err(CliError::Write)?;
    }
    Ok(Status::Success)
}
