//! Running one fetch through the browser model and describing what the browser did, in
//! the scenario format's terms: shared by `cors check` and `cors simulate`.

use cors_core::browser::request::classify_fetch;
use cors_core::browser::{
    FetchOutcome, Profile, ServerResponse, Tainting, readable_header_names, run_fetch,
};
use cors_core::http::BoundedHeaders;
use cors_std::scenario::{
    Observation, Outcome, PreflightRequestHeaders, ScenarioResponse, Stage, isomorphic_decode,
};

use super::request::{OwnedRequest, bytes};

/// A server's answer as bytes.
pub(crate) struct OwnedResponse {
    status: u16,
    headers: Vec<(Vec<u8>, Vec<u8>)>,
}

impl OwnedResponse {
    /// The bytes of a scenario response (isomorphic encoding).
    pub(crate) fn new(response: &ScenarioResponse) -> Result<Self, String> {
        let headers = response
            .headers
            .iter()
            .map(|(n, v)| Ok((bytes("a header name", n)?, bytes("a header value", v)?)))
            .collect::<Result<_, String>>()?;
        Ok(Self {
            status: response.status,
            headers,
        })
    }

    fn answer(&self) -> ServerResponse<&[(Vec<u8>, Vec<u8>)]> {
        ServerResponse {
            status: self.status,
            headers: &self.headers,
        }
    }
}

/// What the browser did, and the messages a person reads.
pub(crate) struct Run {
    /// In the scenario format's terms.
    pub(crate) observation: Observation,
    /// Firefox's reason id when blocked.
    pub(crate) firefox_reason: Option<&'static str>,
    /// Chromium's console message when blocked.
    pub(crate) console_message: Option<String>,
}

/// Runs `request` against the answers. `Err` when `fetch()` itself throws (a `TypeError`).
pub(crate) fn run(
    request: &OwnedRequest,
    url: &str,
    preflight_response: Option<&OwnedResponse>,
    response: &OwnedResponse,
    profile: Profile,
) -> Result<Run, String> {
    let classification = classify_fetch(request.input(profile)).map_err(|e| e.to_string())?;
    let origin = request.serialized_origin();
    let result = run_fetch(
        &classification,
        origin.as_bytes(),
        preflight_response.map(OwnedResponse::answer),
        response.answer(),
        profile,
    );
    let preflight_request = result
        .preflight_sent
        .then(|| classification.preflight())
        .flatten()
        .map(|p| PreflightRequestHeaders {
            method: isomorphic_decode(p.access_control_request_method()),
            headers: p.access_control_request_headers().map(|h| h.to_string()),
        });
    let mut run = Run {
        observation: Observation {
            preflight: result.preflight_sent,
            preflight_request,
            outcome: Outcome::Blocked,
            stage: None,
            reason: None,
            exposed_headers: None,
        },
        firefox_reason: None,
        console_message: None,
    };
    match result.outcome {
        FetchOutcome::Allowed(tainting) => {
            run.observation.outcome = Outcome::Allowed;
            run.observation.exposed_headers = Some(exposed(&response.headers, tainting, request)?);
        }
        FetchOutcome::Blocked(reason) => {
            run.observation.stage = Some(match reason.stage() {
                cors_core::browser::diagnostics::Stage::Preflight => Stage::Preflight,
                cors_core::browser::diagnostics::Stage::Response => Stage::Response,
            });
            run.observation.reason = Some(reason.chromium_cors_error().to_owned());
            run.firefox_reason = Some(reason.firefox_reason());
            let mut message = String::new();
            reason
                .write_console_message(&mut message, url, &origin)
                .map_err(|_| "cannot format the message".to_owned())?;
            run.console_message = Some(message);
        }
        FetchOutcome::NetworkError(why) => {
            run.console_message = Some(format!("network error before sending: {why:?}"));
        }
        _ => run.console_message = Some("blocked".to_owned()),
    }
    Ok(run)
}

/// The lowercased, sorted names script can read from `headers` under `tainting`.
fn exposed(
    headers: &[(Vec<u8>, Vec<u8>)],
    tainting: Tainting,
    request: &OwnedRequest,
) -> Result<Vec<String>, String> {
    let bounded = BoundedHeaders::new(headers).map_err(|e| e.to_string())?;
    let names = readable_header_names(&bounded, tainting, request.credentials());
    Ok(names
        .map(|name| isomorphic_decode(name).to_ascii_lowercase())
        .collect())
}
