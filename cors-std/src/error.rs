//! Error types.

use cors_core::UrlError;
use cors_core::origin::url::UrlFailure;

/// The URL, or its base URL, does not parse (as far as its origin is concerned).
///
/// Displays as, for instance,
/// `invalid URL "http://a b/": host contains a forbidden domain code point`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{}", self.message())]
pub struct UrlOriginError {
    input: String,
    base: Option<String>,
    error: UrlError,
}

impl UrlOriginError {
    /// An error for `input` parsed against `base`.
    pub fn new(input: &str, base: Option<&str>, error: UrlError) -> Self {
        Self {
            input: input.to_owned(),
            base: base.map(str::to_owned),
            error,
        }
    }

    /// The URL that was parsed.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The base URL it was parsed against, if any.
    pub fn base(&self) -> Option<&str> {
        self.base.as_deref()
    }

    /// The error `cors-core` reported: which URL failed, and why.
    pub const fn url_error(&self) -> UrlError {
        self.error
    }

    /// Why the URL parser returned failure.
    pub const fn failure(&self) -> UrlFailure {
        self.error.failure()
    }

    /// Whether the base URL (rather than the input) failed to parse.
    pub const fn is_base_error(&self) -> bool {
        matches!(self.error, UrlError::Base(_))
    }

    fn message(&self) -> String {
        let reason = self.failure().description();
        match (&self.error, &self.base) {
            (UrlError::Base(_), Some(base)) => format!("invalid base URL {base:?}: {reason}"),
            (UrlError::Base(_), None) => format!("invalid base URL: {reason}"),
            (UrlError::Input(_), Some(base)) => {
                format!(
                    "invalid URL {:?} (against base {base:?}): {reason}",
                    self.input
                )
            }
            (UrlError::Input(_), None) => format!("invalid URL {:?}: {reason}", self.input),
        }
    }
}
