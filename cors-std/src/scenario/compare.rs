//! Comparing an observation with a scenario's `expect`, field by field.

use super::Observation;

/// One field where the observation departs from `expect`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// The field, as the scenario format names it (`outcome`, `reason`, …).
    pub field: &'static str,
    /// The expected value, as JSON.
    pub expected: String,
    /// The observed value, as JSON.
    pub actual: String,
}

/// Every field where `actual` departs from `expected`, in the format's field order.
pub fn compare(expected: &Observation, actual: &Observation) -> Vec<Mismatch> {
    let mut mismatches = Vec::new();
    let mut field = |name: &'static str, e: serde_json::Value, a: serde_json::Value| {
        if e != a {
            mismatches.push(Mismatch {
                field: name,
                expected: e.to_string(),
                actual: a.to_string(),
            });
        }
    };
    field(
        "preflight",
        json(&expected.preflight),
        json(&actual.preflight),
    );
    field(
        "preflight_request",
        json(&expected.preflight_request),
        json(&actual.preflight_request),
    );
    field("outcome", json(&expected.outcome), json(&actual.outcome));
    field("stage", json(&expected.stage), json(&actual.stage));
    field("reason", json(&expected.reason), json(&actual.reason));
    field(
        "exposed_headers",
        json(&expected.exposed_headers),
        json(&actual.exposed_headers),
    );
    mismatches
}

/// `value` as a JSON value (the scenario types always serialize).
fn json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

#[cfg(test)]
mod tests {
    use super::super::{Outcome, Stage};
    use super::*;

    fn allowed() -> Observation {
        Observation {
            preflight: false,
            preflight_request: None,
            outcome: Outcome::Allowed,
            stage: None,
            reason: None,
            exposed_headers: Some(vec!["content-type".to_owned()]),
        }
    }

    #[test]
    fn equal_observations_have_no_mismatch() {
        assert!(compare(&allowed(), &allowed()).is_empty());
    }

    #[test]
    fn each_differing_field_is_listed() {
        let blocked = Observation {
            outcome: Outcome::Blocked,
            stage: Some(Stage::Response),
            reason: Some("MissingAllowOriginHeader".to_owned()),
            exposed_headers: None,
            ..allowed()
        };
        let fields: Vec<_> = compare(&allowed(), &blocked)
            .iter()
            .map(|m| m.field)
            .collect();
        assert_eq!(fields, ["outcome", "stage", "reason", "exposed_headers"]);
        let first = &compare(&allowed(), &blocked)[0];
        assert_eq!(
            (first.expected.as_str(), first.actual.as_str()),
            ("\"allowed\"", "\"blocked\"")
        );
    }
}
