//! The check: what headless Chromium did for each scenario against what the policy decided
//! and what the browser model's `Chromium` profile predicts, for the responses the server
//! actually sent.
//!
//! Per scenario:
//!
//! 1. **policy**: Chromium let the page read the response exactly when the policy allowed
//!    the preflight (if one arrived) and the actual request, and, with credentials
//!    `include`, allows credentials;
//! 2. **model**: `run_fetch` in [`Profile::Chromium`], given the request and the server's
//!    answers (the logged ones; for a request Chromium never sent, what the server would
//!    have answered the request the model sends), predicts Chromium's verdict, whether a
//!    preflight was sent and its `Access-Control-Request-*` values, the stage and
//!    `corsError` of a block, and the names `[...response.headers.keys()]` lists;
//! 3. **nothing refused is readable**: a request the policy refused left the page a
//!    rejected promise and nothing else (no status, header or body; the error does not
//!    quote the secret); an allowed one let it read no name beyond the CORS-safelisted
//!    response-header names and the policy's exposed names.
//!
//! A scenario listed in the expected-failures file must fail (it is counted apart, with its
//! reason); one that passes fails the run.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use cors_core::browser::request::{FetchInput, RedirectMode, RequestMode, classify_fetch};
use cors_core::browser::{
    CredentialsMode, FetchOutcome, Profile, ServerResponse, readable_header_names, run_fetch,
};
use cors_core::http::BoundedHeaders;
use cors_core::{OpaqueId, parse_origin_or_null};
use cors_std::scenario::{isomorphic_decode, isomorphic_encode};
use serde::Deserialize;

use crate::policies::{Entry, Policies};
use crate::scenarios::Scenario;
use crate::server::{Answer, Logged, body, respond, secret};

/// What the page saw, as the driver reports it.
#[derive(Clone, Debug, Deserialize)]
pub(crate) struct Observation {
    /// The scenario id.
    pub(crate) id: String,
    /// `resolved`, `rejected`, or `error` (the driver could not run it).
    pub(crate) kind: String,
    /// The response's status, when resolved.
    #[serde(default)]
    pub(crate) status: Option<u16>,
    /// `[...response.headers.keys()]`, when resolved.
    #[serde(default)]
    pub(crate) keys: Option<Vec<String>>,
    /// `await response.text()`, when resolved.
    #[serde(default)]
    pub(crate) body: Option<String>,
    /// The rejection or the driver's error.
    #[serde(default)]
    pub(crate) error: Option<String>,
    /// The `corsError` of the fetch's `Network.loadingFailed` event, when rejected.
    #[serde(default)]
    pub(crate) cors_error: Option<String>,
}

/// The CORS-safelisted response-header names: what script reads without exposure.
///
/// <https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name>
const SAFELISTED_RESPONSE_NAMES: [&str; 7] = [
    "cache-control",
    "content-language",
    "content-length",
    "content-type",
    "expires",
    "last-modified",
    "pragma",
];

/// The browser model's prediction.
#[derive(Debug, Default)]
struct Prediction {
    /// `Access-Control-Request-Method` and `-Headers` of the preflight, when one is sent.
    preflight: Option<(String, Option<String>)>,
    allowed: bool,
    stage: Option<&'static str>,
    reason: Option<&'static str>,
    readable: Vec<String>,
    /// Why the model blocks before sending anything (a `TypeError`).
    type_error: Option<String>,
}

/// One scenario's result: the problems found (none: passed) and what explains them.
struct Evaluation {
    problems: Vec<String>,
    context: Vec<String>,
}

/// Counts of what the scenarios covered, from Chromium's side.
#[derive(Default)]
struct Coverage {
    allowed: usize,
    blocked_preflight: usize,
    blocked_response: usize,
    preflights: usize,
    include: usize,
    refused_by_policy: usize,
}

/// Reads the expected-failures file: `ID: reason` per line, `#` comments.
pub(crate) fn read_expected_failures(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (id, reason) = line
            .split_once(": ")
            .ok_or_else(|| format!("line {}: not `ID: reason`", n + 1))?;
        if out.insert(id.to_owned(), reason.to_owned()).is_some() {
            return Err(format!("line {}: {id} listed twice", n + 1));
        }
    }
    Ok(out)
}

/// Checks every scenario, prints a diagnosis of each failure and the summary; true when
/// nothing failed.
pub(crate) fn run(
    policies: &Policies<'_>,
    scenarios: &[Scenario],
    observations: &[Observation],
    log: &[Logged],
    expected: &BTreeMap<String, String>,
) -> Result<bool, String> {
    let mut by_id: BTreeMap<&str, &Observation> = BTreeMap::new();
    for observation in observations {
        if by_id.insert(&observation.id, observation).is_some() {
            return Err(format!("two observations of {}", observation.id));
        }
    }
    let known: BTreeSet<&str> = scenarios.iter().map(|s| s.id.as_str()).collect();
    if let Some(stray) = by_id.keys().find(|id| !known.contains(*id)) {
        return Err(format!("an observation of an unknown scenario {stray}"));
    }
    let mut requests: BTreeMap<&str, Vec<&Logged>> = BTreeMap::new();
    let mut strays = Vec::new();
    for entry in log {
        if known.contains(entry.id.as_str()) {
            requests.entry(&entry.id).or_default().push(entry);
        } else {
            strays.push(entry);
        }
    }

    let (mut passed, mut failed, mut expected_failures) = (0usize, 0usize, 0usize);
    let mut coverage = Coverage::default();
    for scenario in scenarios {
        let entry = policies
            .get(&scenario.policy)
            .ok_or_else(|| format!("{}: unknown policy {}", scenario.id, scenario.policy))?;
        let logged = requests
            .get(scenario.id.as_str())
            .map_or(&[][..], Vec::as_slice);
        let observation = by_id.get(scenario.id.as_str()).copied();
        let evaluation = evaluate(entry, scenario, observation, logged, &mut coverage);
        let listed = expected.get(&scenario.id);
        match (evaluation.problems.is_empty(), listed) {
            (true, None) => passed += 1,
            (false, Some(_)) => expected_failures += 1,
            (true, Some(reason)) => {
                failed += 1;
                println!(
                    "FAIL {}: passed, but listed as an expected failure ({reason})",
                    scenario.id
                );
            }
            (false, None) => {
                failed += 1;
                println!("FAIL {}", scenario.id);
                for problem in &evaluation.problems {
                    println!("  - {problem}");
                }
                for line in &evaluation.context {
                    println!("    {line}");
                }
            }
        }
    }
    for stray in &strays {
        failed += 1;
        println!(
            "FAIL the server got a request of no scenario: {} {}",
            stray.method, stray.target
        );
    }
    println!(
        "{} scenarios over {} policies: Chromium allowed {}, blocked {} at the preflight and \
         {} at the response; {} preflighted; {} with credentials include; {} refused by the \
         policy",
        scenarios.len(),
        policies.0.len(),
        coverage.allowed,
        coverage.blocked_preflight,
        coverage.blocked_response,
        coverage.preflights,
        coverage.include,
        coverage.refused_by_policy
    );
    let mut last = format!("browser suite: {passed} passed, {failed} failed");
    if expected_failures > 0 {
        let _ = write!(last, ", {expected_failures} expected failures");
    }
    println!("{last}");
    Ok(failed == 0)
}

/// A header list as bytes.
type Pairs = Vec<(Vec<u8>, Vec<u8>)>;

/// The request a page's script makes, as the model takes it.
struct OwnedRequest {
    headers: Pairs,
    credentials: CredentialsMode,
}

fn bytes_of(pairs: &[(String, String)]) -> Pairs {
    pairs
        .iter()
        .map(|(n, v)| {
            (
                isomorphic_encode(n).unwrap_or_default(),
                isomorphic_encode(v).unwrap_or_default(),
            )
        })
        .collect()
}

fn show(pairs: &[(String, String)]) -> String {
    let shown: Vec<String> = pairs.iter().map(|(n, v)| format!("{n}: {v}")).collect();
    format!("[{}]", shown.join(" | "))
}

/// The server's answer to a request the browser would send but Chromium did not: the
/// policy decides the request `method` with `headers`.
fn would_answer(
    entry: &Entry<'_>,
    id: &str,
    method: &[u8],
    headers: &[(Vec<u8>, Vec<u8>)],
) -> Answer {
    respond(entry.policy, id, method, headers)
}

fn evaluate(
    entry: &Entry<'_>,
    scenario: &Scenario,
    observation: Option<&Observation>,
    logged: &[&Logged],
    coverage: &mut Coverage,
) -> Evaluation {
    let mut problems = Vec::new();
    let mut context = vec![format!(
        "request: fetch({}, {{method: {:?}, headers: {}, credentials: {:?}}}) from {} ({} page), policy {}",
        scenario.url,
        scenario.method,
        show(&scenario.headers),
        scenario.credentials,
        scenario.origin,
        scenario.page,
        scenario.policy
    )];
    let Some(observation) = observation else {
        problems.push("no observation: the driver did not run it".to_owned());
        return Evaluation { problems, context };
    };
    if !matches!(observation.kind.as_str(), "resolved" | "rejected") {
        problems.push(format!(
            "could not observe: {} {}",
            observation.kind,
            observation.error.as_deref().unwrap_or("")
        ));
        return Evaluation { problems, context };
    }
    let preflights: Vec<&Logged> = logged.iter().copied().filter(|l| l.preflight).collect();
    let actuals: Vec<&Logged> = logged.iter().copied().filter(|l| !l.preflight).collect();
    for l in logged {
        context.push(format!(
            "server got {} (policy: {}{}; Origin {:?}, ACRM {:?}, ACRH {:?}) and answered {} {}",
            l.method,
            l.kind,
            if l.allowed {
                ", allowed".to_owned()
            } else {
                format!(", refused: {}", l.reason.as_deref().unwrap_or("?"))
            },
            l.origin.as_deref().unwrap_or("-"),
            l.acrm.as_deref().unwrap_or("-"),
            l.acrh.as_deref().unwrap_or("-"),
            l.status,
            show(&l.response_headers)
        ));
    }
    if preflights.len() > 1 {
        problems.push(format!("{} preflights arrived", preflights.len()));
    }
    if actuals.len() > 1 {
        problems.push(format!("{} actual requests arrived", actuals.len()));
    }

    let credentials = CredentialsMode::from_name(&scenario.credentials).unwrap_or_default();
    let request = OwnedRequest {
        headers: bytes_of(&scenario.headers),
        credentials,
    };
    let (prediction, actual_answer) = predict(entry, scenario, &request, &preflights, &actuals);
    let prediction = match prediction {
        Ok(prediction) => prediction,
        Err(message) => {
            problems.push(format!("the model cannot run the scenario: {message}"));
            return Evaluation { problems, context };
        }
    };

    // Chromium's side.
    let allowed = observation.kind == "resolved";
    let preflight = preflights
        .first()
        .map(|l| (l.acrm.clone().unwrap_or_default(), l.acrh.clone()));
    let stage = match (allowed, actuals.is_empty(), preflights.is_empty()) {
        (true, _, _) => None,
        (false, false, _) => Some("response"),
        (false, true, false) => Some("preflight"),
        (false, true, true) => None,
    };
    let mut readable: Option<Vec<String>> = observation
        .keys
        .as_ref()
        .map(|keys| keys.iter().map(|k| k.to_ascii_lowercase()).collect());
    if let Some(keys) = &mut readable {
        keys.sort();
    }
    context.push(format!(
        "Chromium: {}{}",
        describe(
            preflight.as_ref(),
            allowed,
            stage,
            observation.cors_error.as_deref()
        ),
        readable
            .as_ref()
            .map_or(String::new(), |r| format!("; reads {r:?}"))
    ));
    context.push(format!(
        "model (Chromium profile): {}{}",
        match &prediction.type_error {
            Some(error) => format!("TypeError before sending: {error}"),
            None => describe(
                prediction.preflight.as_ref(),
                prediction.allowed,
                prediction.stage,
                prediction.reason
            ),
        },
        if prediction.allowed {
            format!("; reads {:?}", prediction.readable)
        } else {
            String::new()
        }
    ));
    if allowed && actuals.is_empty() {
        problems.push("the fetch resolved but no actual request arrived".to_owned());
    }
    if !allowed && stage.is_none() && prediction.type_error.is_none() {
        problems.push("blocked, but neither a preflight nor the request arrived".to_owned());
    }

    // (1) The policy.
    let preflight_ok = preflights.first().is_none_or(|l| l.allowed);
    let actual_ok = actuals.first().map_or(actual_answer.allowed, |l| l.allowed);
    let credentials_ok = !credentials.is_include() || entry.policy.allows_credentials();
    let policy_allows = preflight_ok && actual_ok && credentials_ok;
    context.push(format!(
        "policy: preflight {}, actual request {}{}, credentials {}",
        match preflights.first() {
            None => "not sent",
            Some(l) if l.allowed => "allowed",
            Some(_) => "refused",
        },
        if actual_ok { "allowed" } else { "refused" },
        if actuals.is_empty() {
            " (not sent: as the policy would decide it)"
        } else {
            ""
        },
        if entry.policy.allows_credentials() {
            "allowed"
        } else {
            "not allowed"
        }
    ));
    if allowed != policy_allows {
        problems.push(format!(
            "(1) the policy {} the request, but Chromium {} it",
            if policy_allows { "allows" } else { "refuses" },
            if allowed { "allowed" } else { "blocked" }
        ));
    }

    // (2) The model.
    if allowed != prediction.allowed {
        problems.push(format!(
            "(2) verdict: the model says {}, Chromium {}",
            if prediction.allowed {
                "allowed"
            } else {
                "blocked"
            },
            if allowed { "allowed" } else { "blocked" }
        ));
    }
    if preflight.is_some() != prediction.preflight.is_some() {
        problems.push(format!(
            "(2) preflight: the model {} one, Chromium {} one",
            if prediction.preflight.is_some() {
                "sends"
            } else {
                "sends no"
            },
            if preflight.is_some() {
                "sent"
            } else {
                "sent no"
            }
        ));
    } else if preflight != prediction.preflight {
        problems.push(format!(
            "(2) preflight request: the model sends {:?}, Chromium sent {preflight:?}",
            prediction.preflight
        ));
    }
    if !allowed && !prediction.allowed {
        if stage != prediction.stage {
            problems.push(format!(
                "(2) stage: the model blocks at {:?}, Chromium at {stage:?}",
                prediction.stage
            ));
        }
        if observation.cors_error.as_deref() != prediction.reason {
            problems.push(format!(
                "(2) corsError: the model says {:?}, Chromium {:?}",
                prediction.reason, observation.cors_error
            ));
        }
    }
    if allowed && prediction.allowed && readable.as_ref() != Some(&prediction.readable) {
        problems.push(format!(
            "(2) readable headers: the model says {:?}, Chromium {readable:?}",
            prediction.readable
        ));
    }

    // (3) Nothing refused is readable.
    let secret = secret(&scenario.id);
    if policy_allows {
        let exposed: Vec<String> = entry
            .file
            .exposed_response_headers
            .iter()
            .map(|n| n.to_ascii_lowercase())
            .collect();
        let star = exposed.iter().any(|n| n == "*") && !credentials.is_include();
        let permitted = |name: &str| {
            SAFELISTED_RESPONSE_NAMES.contains(&name)
                || exposed.iter().any(|n| n == name)
                || (star && name != "set-cookie" && name != "set-cookie2")
        };
        let beyond: Vec<&String> = readable
            .iter()
            .flatten()
            .filter(|name| !permitted(name))
            .collect();
        if !beyond.is_empty() {
            problems.push(format!(
                "(3) the page read {beyond:?}, which the policy does not expose"
            ));
        }
        if allowed {
            let want = if scenario.method.eq_ignore_ascii_case("HEAD") {
                String::new()
            } else {
                body(&scenario.id)
            };
            if observation.body.as_deref() != Some(want.as_str()) || observation.status != Some(200)
            {
                problems.push(format!(
                    "the page read status {:?} and body {:?}, not the server's 200 and {want:?}",
                    observation.status, observation.body
                ));
            }
        }
    } else {
        let leaked = observation.status.is_some()
            || observation.keys.is_some()
            || observation.body.is_some()
            || observation
                .error
                .as_deref()
                .is_some_and(|e| e.contains(&secret));
        if allowed || leaked {
            problems.push(format!(
                "(3) the policy refused the request, but the page read status {:?}, headers \
                 {:?}, body {:?}",
                observation.status, observation.keys, observation.body
            ));
        }
    }

    coverage.allowed += usize::from(allowed);
    coverage.blocked_preflight += usize::from(stage == Some("preflight"));
    coverage.blocked_response += usize::from(stage == Some("response"));
    coverage.preflights += usize::from(preflight.is_some());
    coverage.include += usize::from(credentials.is_include());
    coverage.refused_by_policy += usize::from(!policy_allows);
    Evaluation { problems, context }
}

fn describe(
    preflight: Option<&(String, Option<String>)>,
    allowed: bool,
    stage: Option<&str>,
    reason: Option<&str>,
) -> String {
    let mut text = match preflight {
        Some((method, headers)) => format!(
            "preflight (ACRM {method:?}, ACRH {:?}), ",
            headers.as_deref().unwrap_or("-")
        ),
        None => "no preflight, ".to_owned(),
    };
    if allowed {
        text.push_str("allowed");
    } else {
        let _ = write!(
            text,
            "blocked at {} ({})",
            stage.unwrap_or("?"),
            reason.unwrap_or("no corsError")
        );
    }
    text
}

/// The model's prediction for `scenario`, against the answers the server sent (`preflights`,
/// `actuals`) or, for a request Chromium did not send, would send; and the server's answer
/// to the actual request (sent or not).
fn predict(
    entry: &Entry<'_>,
    scenario: &Scenario,
    request: &OwnedRequest,
    preflights: &[&Logged],
    actuals: &[&Logged],
) -> (Result<Prediction, String>, Answer) {
    let origin_bytes = scenario.origin.as_bytes();
    let origin_header = (b"Origin".to_vec(), origin_bytes.to_vec());
    // The actual request as the browser sends it: Origin and the script's headers (the
    // guard's result when the model classifies the request).
    let mut actual_request = vec![origin_header.clone()];
    let unguarded_answer = |actual_request: &[(Vec<u8>, Vec<u8>)]| {
        would_answer(
            entry,
            &scenario.id,
            scenario.method.as_bytes(),
            actual_request,
        )
    };

    let Ok(origin) = parse_origin_or_null(origin_bytes) else {
        actual_request.extend(request.headers.iter().cloned());
        let answer = unguarded_answer(&actual_request);
        return (Err(format!("origin {:?}", scenario.origin)), answer);
    };
    let url_origin = match cors_std::url_origin(&scenario.url, None) {
        Ok(url_origin) => url_origin,
        Err(e) => {
            actual_request.extend(request.headers.iter().cloned());
            let answer = unguarded_answer(&actual_request);
            return (Err(e.to_string()), answer);
        }
    };
    let input = FetchInput {
        origin: origin.to_origin(OpaqueId(1)),
        url_scheme: "http",
        url_origin: url_origin.as_origin(OpaqueId(2)),
        method: scenario.method.as_bytes(),
        headers: &request.headers[..],
        mode: RequestMode::Cors,
        credentials: request.credentials,
        redirect: RedirectMode::Follow,
        use_cors_preflight: false,
        profile: Profile::Chromium,
    };
    let classification = match classify_fetch(input) {
        Ok(classification) => classification,
        Err(error) => {
            actual_request.extend(request.headers.iter().cloned());
            let answer = unguarded_answer(&actual_request);
            let prediction = Prediction {
                type_error: Some(error.to_string()),
                ..Prediction::default()
            };
            return (Ok(prediction), answer);
        }
    };
    let mut serialized = String::new();
    if classification
        .write_serialized_origin(&mut serialized)
        .is_err()
    {
        let answer = unguarded_answer(&actual_request);
        return (Err("cannot serialize the origin".to_owned()), answer);
    }
    let model_preflight = classification.preflight().map(|p| {
        (
            isomorphic_decode(p.access_control_request_method()),
            p.access_control_request_headers().map(|h| h.to_string()),
        )
    });

    // The server's answers: logged, or what it would answer.
    let preflight_answer: Option<(u16, Pairs)> = match preflights.first() {
        Some(l) => Some((l.status, bytes_of(&l.response_headers))),
        None => model_preflight.as_ref().map(|(method, names)| {
            let mut list = vec![
                (b"Origin".to_vec(), serialized.as_bytes().to_vec()),
                (
                    b"Access-Control-Request-Method".to_vec(),
                    isomorphic_encode(method).unwrap_or_default(),
                ),
            ];
            if let Some(names) = names {
                list.push((
                    b"Access-Control-Request-Headers".to_vec(),
                    names.as_bytes().to_vec(),
                ));
            }
            let answer = would_answer(entry, &scenario.id, b"OPTIONS", &list);
            (answer.status, bytes_of(&answer.headers))
        }),
    };
    actual_request.extend(
        classification
            .headers()
            .iter()
            .map(|(n, v)| (n.to_vec(), v.to_vec())),
    );
    let computed = would_answer(
        entry,
        &scenario.id,
        classification.method(),
        &actual_request,
    );
    let actual_headers = match actuals.first() {
        Some(l) => bytes_of(&l.response_headers),
        None => bytes_of(&computed.headers),
    };
    let actual_status = actuals.first().map_or(computed.status, |l| l.status);

    let result = run_fetch(
        &classification,
        serialized.as_bytes(),
        preflight_answer
            .as_ref()
            .map(|(status, headers)| ServerResponse {
                status: *status,
                headers: &headers[..],
            }),
        ServerResponse {
            status: actual_status,
            headers: &actual_headers[..],
        },
        Profile::Chromium,
    );
    let mut prediction = Prediction {
        preflight: if result.preflight_sent {
            model_preflight
        } else {
            None
        },
        ..Prediction::default()
    };
    match result.outcome {
        FetchOutcome::Allowed(tainting) => {
            prediction.allowed = true;
            let Ok(bounded) = BoundedHeaders::new(&actual_headers[..]) else {
                return (
                    Err("the response is beyond the limits".to_owned()),
                    computed,
                );
            };
            let mut names: Vec<String> =
                readable_header_names(&bounded, tainting, request.credentials)
                    .map(|name| isomorphic_decode(name).to_ascii_lowercase())
                    .collect();
            names.sort();
            names.dedup();
            prediction.readable = names;
        }
        FetchOutcome::Blocked(reason) => {
            prediction.stage = Some(reason.stage().as_str());
            prediction.reason = Some(reason.chromium_cors_error());
        }
        FetchOutcome::NetworkError(why) => {
            prediction.type_error = Some(format!("network error before sending: {why:?}"));
        }
        _ => prediction.type_error = Some(format!("{:?}", result.outcome)),
    }
    (Ok(prediction), computed)
}
