//! Reading a scenario file: JSON Lines, blank lines and `//` lines ignored, every other
//! line one scenario, checked beyond its JSON shape.

use std::collections::HashSet;

use super::{Scenario, isomorphic_encode};

/// A scenario file could not be read: the line (1-based) and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ScenarioFileError {
    /// The 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// Reads every scenario in `text`. Fails on the first line that is not a valid scenario:
/// not JSON of the format, a header name or value that is not a byte string, a
/// `preflight_request` without a preflight, or an `id` used twice.
pub fn read_scenarios(text: &str) -> Result<Vec<Scenario>, ScenarioFileError> {
    let mut scenarios = Vec::new();
    let mut ids = HashSet::new();
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with("//") {
            continue;
        }
        let error = |message: String| ScenarioFileError {
            line: index + 1,
            message,
        };
        let scenario: Scenario =
            serde_json::from_str(trimmed).map_err(|e| error(format!("not a scenario: {e}")))?;
        check(&scenario).map_err(error)?;
        if !ids.insert(scenario.id.clone()) {
            return Err(error(format!("id {:?} is used twice", scenario.id)));
        }
        scenarios.push(scenario);
    }
    Ok(scenarios)
}

/// The checks serde cannot express.
fn check(scenario: &Scenario) -> Result<(), String> {
    let responses = scenario
        .preflight_response
        .iter()
        .chain([&scenario.response]);
    let headers = scenario
        .request
        .headers
        .iter()
        .chain(responses.flat_map(|r| &r.headers));
    for (name, value) in headers {
        if isomorphic_encode(name).is_none() || isomorphic_encode(value).is_none() {
            return Err(format!(
                "header {name:?}: {value:?} has a code point above U+00FF (not a byte string)"
            ));
        }
    }
    if isomorphic_encode(&scenario.request.method).is_none() {
        return Err("the method has a code point above U+00FF".to_owned());
    }
    if let Some(expect) = &scenario.expect {
        if expect.preflight_request.is_some() && !expect.preflight {
            return Err("expect.preflight_request is set but expect.preflight is false".to_owned());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"id": "a", "profile": "chromium", "request": {"origin": "http://127.0.0.1:8001", "url": "http://127.0.0.1:8002/s/a", "method": "GET", "headers": [], "credentials": "same-origin", "mode": "cors", "use_cors_preflight": false}, "preflight_response": null, "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", "http://127.0.0.1:8001"]]}, "expect": {"preflight": false, "preflight_request": null, "outcome": "allowed", "stage": null, "reason": null, "exposed_headers": []}}"#;

    #[test]
    fn reads_lines_and_skips_comments() {
        let text = format!("// recorded\n\n{GOOD}\n");
        let scenarios = read_scenarios(&text).unwrap();
        assert_eq!(scenarios.len(), 1);
        assert_eq!(scenarios[0].id, "a");
    }

    #[test]
    fn errors_name_the_line() {
        let text = format!("{GOOD}\n{GOOD}\n");
        let error = read_scenarios(&text).unwrap_err();
        assert_eq!(error.line, 2);
        assert!(error.message.contains("used twice"), "{error}");
        let error = read_scenarios("\n{\"id\": 1}\n").unwrap_err();
        assert_eq!(error.line, 2);
        let bad_profile = GOOD.replace("\"chromium\"", "\"netscape\"");
        let error = read_scenarios(&bad_profile).unwrap_err();
        assert!(error.message.contains("unknown profile"), "{error}");
        let wide = GOOD.replace("\"headers\": []", "\"headers\": [[\"X\", \"\u{2603}\"]]");
        let error = read_scenarios(&wide).unwrap_err();
        assert!(error.message.contains("U+00FF"), "{error}");
    }
}
