//! Browser scenarios: one cross-origin `fetch()` with the server's answers and what the
//! browser did, in the JSON Lines format of the conformance data's `scenario-format.md`.
//!
//! [`read_scenarios`] reads a file strictly (every problem names its line); [`Scenario`]
//! holds one scenario; [`Observation`] is what the browser model (or a browser) did, and
//! [`compare()`] lists where it departs from a scenario's `expect`, field by field.

mod compare;
mod read;
mod response_file;

pub use compare::{Mismatch, compare};
pub use read::{ScenarioFileError, read_scenarios};
pub use response_file::read_response;

use cors_core::browser::{CredentialsMode, Profile};
use serde::{Deserialize, Serialize};

/// One scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Unique name.
    pub id: String,
    /// Whose behaviour `expect` describes.
    #[serde(with = "profile_name")]
    pub profile: Profile,
    /// The `fetch()` call.
    pub request: ScenarioRequest,
    /// The server's answer to the preflight, when it is asked.
    #[serde(default)]
    pub preflight_response: Option<ScenarioResponse>,
    /// The server's answer to the actual request.
    pub response: ScenarioResponse,
    /// What the browser did; absent in an input for a recorder.
    #[serde(default)]
    pub expect: Option<Observation>,
}

/// The `fetch()` call of a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioRequest {
    /// ASCII serialization of the requesting document's origin (`null` when opaque).
    pub origin: String,
    /// The URL passed to `fetch()`.
    pub url: String,
    /// The method after `fetch()`'s normalization.
    pub method: String,
    /// The author request headers in the order the script set them.
    pub headers: Vec<(String, String)>,
    /// `omit`, `same-origin` or `include`.
    #[serde(with = "credentials_name")]
    pub credentials: CredentialsMode,
    /// The request mode (`cors`, `no-cors`, `same-origin`).
    pub mode: String,
    /// The use-CORS-preflight flag.
    pub use_cors_preflight: bool,
}

/// A server's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioResponse {
    /// The status code.
    pub status: u16,
    /// The headers in order, as written after `Name: `.
    pub headers: Vec<(String, String)>,
}

/// What the browser did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// Whether a preflight was sent.
    pub preflight: bool,
    /// The preflight's `Access-Control-Request-*` values, when one was sent.
    pub preflight_request: Option<PreflightRequestHeaders>,
    /// `allowed` or `blocked`.
    pub outcome: Outcome,
    /// Where the fetch was blocked.
    pub stage: Option<Stage>,
    /// Chromium's DevTools `corsError` name, when blocked.
    pub reason: Option<String>,
    /// The lowercased names script can read, sorted, when allowed.
    pub exposed_headers: Option<Vec<String>>,
}

/// The `Access-Control-Request-*` headers of a preflight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreflightRequestHeaders {
    /// `Access-Control-Request-Method`.
    #[serde(rename = "access-control-request-method")]
    pub method: String,
    /// `Access-Control-Request-Headers`, `None` when not sent.
    #[serde(rename = "access-control-request-headers")]
    pub headers: Option<String>,
}

/// Whether script can read the response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The fetch resolved.
    Allowed,
    /// The fetch rejected with a network error.
    Blocked,
}

/// Where a fetch was blocked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// At the preflight.
    Preflight,
    /// At the actual response.
    Response,
}

/// Bytes of a JSON string read as an isomorphic encoding: code points up to U+00FF become
/// the byte of the same value; `None` when a code point is above U+00FF (not a byte string).
pub fn isomorphic_encode(text: &str) -> Option<Vec<u8>> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect()
}

/// Text of bytes by isomorphic decoding: byte 0xNN becomes U+00NN.
pub fn isomorphic_decode(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

mod profile_name {
    use cors_core::browser::Profile;
    use serde::{Deserialize, Deserializer, Serializer, de::Error as _};

    pub(super) fn serialize<S: Serializer>(profile: &Profile, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(profile.as_str())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Profile, D::Error> {
        let name = String::deserialize(d)?;
        Profile::from_name(&name)
            .ok_or_else(|| D::Error::custom(format!("unknown profile {name:?} (spec, chromium)")))
    }
}

mod credentials_name {
    use cors_core::browser::CredentialsMode;
    use serde::{Deserialize, Deserializer, Serializer, de::Error as _};

    pub(super) fn serialize<S: Serializer>(
        mode: &CredentialsMode,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.serialize_str(mode.as_str())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<CredentialsMode, D::Error> {
        let name = String::deserialize(d)?;
        CredentialsMode::from_name(&name).ok_or_else(|| {
            D::Error::custom(format!(
                "unknown credentials mode {name:?} (omit, same-origin, include)"
            ))
        })
    }
}
