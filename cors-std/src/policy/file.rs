//! The policy file: TOML or JSON with the same keys, read into an owned configuration.
//!
//! ```toml
//! allowed_origins = ["https://app.example.com", "https://*.example.com", "http://localhost:*"]
//! allow_credentials = true
//! allowed_methods = ["GET", "POST", "PUT", "DELETE"]
//! allowed_request_headers = ["authorization", "content-type"]
//! exposed_response_headers = ["x-request-id"]
//! max_age = 600
//! preflight_success_status = 204
//! tolerate_insecure_origins = false
//! tolerate_public_suffix_wildcards = false
//! allow_null_origin = false
//! ```

#[cfg(feature = "files")]
use std::path::Path;

/// The owned configuration a policy file holds. Unknown keys are refused; every key is
/// optional and defaults to the most restrictive value.
///
/// Read from a file (feature `files`: [`PolicyFile::read`]), written as a struct literal,
/// or built with the methods named after tower-http's `CorsLayer` builder:
///
/// ```
/// use cors_std::policy::PolicyFile;
///
/// let file = PolicyFile::default()
///     .allow_origins(["https://app.example.com", "https://*.example.com"])
///     .allow_credentials(true)
///     .allow_methods(["PUT", "DELETE"])
///     .allow_headers(["authorization", "content-type"])
///     .expose_headers(["x-request-id"])
///     .max_age(600);
/// assert_eq!(file.allowed_origins.len(), 2);
/// assert_eq!(file.max_age, Some(600));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "files", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "files", serde(deny_unknown_fields, default))]
pub struct PolicyFile {
    /// Origin patterns: exact serialized origins, `https://*.example.com`,
    /// `http://localhost:*`, or `*` alone.
    pub allowed_origins: Vec<String>,
    /// Whether credentialed requests are allowed (`Access-Control-Allow-Credentials: true`).
    pub allow_credentials: bool,
    /// Methods allowed beyond the CORS-safelisted `GET`, `HEAD`, `POST`; or `*` alone.
    pub allowed_methods: Vec<String>,
    /// Request header names allowed; or `*` alone.
    pub allowed_request_headers: Vec<String>,
    /// Response header names script may read; or `*` alone.
    pub exposed_response_headers: Vec<String>,
    /// `Access-Control-Max-Age` in seconds; absent means the header is not sent.
    pub max_age: Option<i64>,
    /// The status of an allowed preflight's response (2xx; default 204).
    pub preflight_success_status: Option<u16>,
    /// Allow `http://` origins other than loopback together with credentials.
    pub tolerate_insecure_origins: bool,
    /// Allow wildcards directly over a public suffix, such as `https://*.github.io`.
    pub tolerate_public_suffix_wildcards: bool,
    /// Allow the `null` origin (never together with credentials).
    pub allow_null_origin: bool,
}

/// The strings of `items`.
fn strings<I: IntoIterator<Item: Into<String>>>(items: I) -> Vec<String> {
    items.into_iter().map(Into::into).collect()
}

impl PolicyFile {
    /// Replaces `allowed_origins`: origin patterns, or `*` alone.
    #[must_use]
    pub fn allow_origins<I: IntoIterator<Item: Into<String>>>(mut self, origins: I) -> Self {
        self.allowed_origins = strings(origins);
        self
    }

    /// Sets `allow_credentials`.
    #[must_use]
    pub const fn allow_credentials(mut self, allow: bool) -> Self {
        self.allow_credentials = allow;
        self
    }

    /// Replaces `allowed_methods`: methods beyond `GET`, `HEAD` and `POST`, or `*` alone.
    #[must_use]
    pub fn allow_methods<I: IntoIterator<Item: Into<String>>>(mut self, methods: I) -> Self {
        self.allowed_methods = strings(methods);
        self
    }

    /// Replaces `allowed_request_headers`: header names, or `*` (which does not cover
    /// `authorization`).
    #[must_use]
    pub fn allow_headers<I: IntoIterator<Item: Into<String>>>(mut self, names: I) -> Self {
        self.allowed_request_headers = strings(names);
        self
    }

    /// Replaces `exposed_response_headers`: header names, or `*` alone.
    #[must_use]
    pub fn expose_headers<I: IntoIterator<Item: Into<String>>>(mut self, names: I) -> Self {
        self.exposed_response_headers = strings(names);
        self
    }

    /// Sets `max_age`, in seconds.
    #[must_use]
    pub const fn max_age(mut self, seconds: i64) -> Self {
        self.max_age = Some(seconds);
        self
    }

    /// Sets `preflight_success_status`.
    #[must_use]
    pub const fn preflight_success_status(mut self, status: u16) -> Self {
        self.preflight_success_status = Some(status);
        self
    }

    /// Sets `allow_null_origin` (`null` must also be listed in `allowed_origins`).
    #[must_use]
    pub const fn allow_null_origin(mut self, allow: bool) -> Self {
        self.allow_null_origin = allow;
        self
    }

    /// Sets `tolerate_insecure_origins`.
    #[must_use]
    pub const fn tolerate_insecure_origins(mut self, tolerate: bool) -> Self {
        self.tolerate_insecure_origins = tolerate;
        self
    }

    /// Sets `tolerate_public_suffix_wildcards`.
    #[must_use]
    pub const fn tolerate_public_suffix_wildcards(mut self, tolerate: bool) -> Self {
        self.tolerate_public_suffix_wildcards = tolerate;
        self
    }
}

/// A policy file could not be read or is not a policy file (its contents are checked
/// separately, every problem at once).
#[cfg(feature = "files")]
#[derive(Debug, thiserror::Error)]
pub enum PolicyFileError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid TOML or JSON of the policy keys.
    #[error("{path}: {message}")]
    Syntax {
        /// The file.
        path: String,
        /// The parser's message, with the line and column.
        message: String,
    },
}

#[cfg(feature = "files")]
impl PolicyFile {
    /// Reads `path`: JSON when its name ends in `.json` or its text starts with `{`, TOML
    /// otherwise.
    pub fn read(path: &Path) -> Result<Self, PolicyFileError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| PolicyFileError::Read {
            path: shown.clone(),
            source,
        })?;
        let json =
            path.extension().is_some_and(|e| e == "json") || text.trim_start().starts_with('{');
        Self::parse(&text, json).map_err(|message| PolicyFileError::Syntax {
            path: shown,
            message,
        })
    }

    /// Parses `text` as JSON (`json`) or TOML.
    pub fn parse(text: &str, json: bool) -> Result<Self, String> {
        if json {
            serde_json::from_str(text).map_err(|e| e.to_string())
        } else {
            toml::from_str(text).map_err(|e| e.to_string())
        }
    }
}

#[cfg(all(test, feature = "files"))]
mod tests {
    use super::*;

    const DESIGN_EXAMPLE: &str = r#"
allowed_origins = ["https://app.example.com", "https://*.example.com", "http://localhost:*"]
allow_credentials = true
allowed_methods = ["GET", "POST", "PUT", "DELETE"]
allowed_request_headers = ["authorization", "content-type"]
exposed_response_headers = ["x-request-id"]
max_age = 600
preflight_success_status = 204
tolerate_insecure_origins = false
tolerate_public_suffix_wildcards = false
allow_null_origin = false
"#;

    #[test]
    fn toml_and_json_read_the_same_keys() {
        let toml = PolicyFile::parse(DESIGN_EXAMPLE, false).unwrap();
        assert_eq!(toml.allowed_origins.len(), 3);
        assert!(toml.allow_credentials);
        assert_eq!(toml.max_age, Some(600));
        assert_eq!(toml.preflight_success_status, Some(204));
        let json = serde_json::to_string(&toml).unwrap();
        assert_eq!(PolicyFile::parse(&json, true).unwrap(), toml);
    }

    #[test]
    fn unknown_keys_and_wrong_types_are_refused() {
        let error = PolicyFile::parse("allowed_origin = []", false).unwrap_err();
        assert!(error.contains("unknown field `allowed_origin`"), "{error}");
        let error = PolicyFile::parse(r#"{"max_age": "600"}"#, true).unwrap_err();
        assert!(error.contains("invalid type"), "{error}");
    }

    #[test]
    fn everything_defaults_to_the_most_restrictive() {
        let empty = PolicyFile::parse("", false).unwrap();
        assert!(empty.allowed_origins.is_empty() && !empty.allow_credentials);
        assert!(!empty.allow_null_origin && !empty.tolerate_insecure_origins);
    }
}
