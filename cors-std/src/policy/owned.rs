//! [`OwnedPolicy`]: a policy file validated once, owning its strings, from which a
//! [`Policy`] is borrowed; [`PolicyErrors`]: every problem of an invalid one.
//!
//! # Why a view
//!
//! [`PolicyConfig`] borrows `&'c [&'c str]`: the lists *and* the strings share one lifetime,
//! so a [`Policy`] built from owned strings lives no longer than the `Vec<&str>` of each
//! list. Keeping those vectors inside [`OwnedPolicy`] would make it self-referential, and
//! leaking them to `'static` would leak on every reload. So [`OwnedPolicy`] owns the strings,
//! [`OwnedPolicy::view`] borrows them as slices ([`PolicyView`], one small allocation per
//! list), and [`PolicyView::policy`] builds the [`Policy`], with its pattern storage in a
//! `Vec`, borrowing the view:
//!
//! ```
//! use cors_std::cors_core::http::BoundedHeaders;
//! use cors_std::policy::{OwnedPolicy, PolicyFile};
//!
//! let file = PolicyFile::parse(r#"allowed_origins = ["https://app.example.com"]"#, false)?;
//! let owned = OwnedPolicy::new(file)?; // every error at once, or a valid policy
//! let view = owned.view();
//! let policy = view.policy()?; // built once, then used for every request
//! let request = [("Origin", "https://app.example.com")];
//! let headers = BoundedHeaders::new(&request[..]).map_err(|e| e.to_string())?;
//! let decision = policy.decide(b"GET", &headers);
//! assert!(decision.is_allowed());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;
#[cfg(feature = "files")]
use std::path::Path;

use cors_core::policy::{
    BuildError, PatternSlot, Policy, PolicyConfig, Problem, ProblemValue, Rule, Severity,
};

use super::file::PolicyFile;
#[cfg(feature = "files")]
use super::file::PolicyFileError;
use crate::PublicSuffixes;

/// One configuration problem, owned: the file key, the offending value, what is wrong, and
/// the misconfiguration class of `reference/security.md` §4 the rule closes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct PolicyProblem {
    /// The setting's key in the policy file, such as `allowed_origins`.
    pub setting: &'static str,
    /// The offending value as written: a list entry, a number, or `[]` for an empty list.
    pub value: String,
    /// What is wrong, in one line (with the byte offset for a malformed pattern, and the
    /// other entry for a duplicate or shadowed one).
    pub message: String,
    /// The misconfiguration class (1–21) the rule closes, if any.
    pub class: Option<u8>,
    /// Error (the policy is not built) or warning.
    pub severity: Severity,
    /// The rule broken.
    pub rule: Rule,
    /// The other entry involved: the one a duplicate repeats or that shadows the value.
    pub related: Option<String>,
    /// Whether `value` is a list entry, shown quoted.
    quoted: bool,
}

impl PolicyProblem {
    /// The owned form of a problem reported by the core.
    pub fn from_problem(problem: &Problem<'_>) -> Self {
        let (value, quoted) = match problem.value {
            ProblemValue::Text(text) => (text.to_owned(), true),
            other => (other.to_string(), false),
        };
        let mut message = problem.rule.message().to_owned();
        if let Rule::InvalidPattern(e) = problem.rule {
            message.push_str(&format!(" (at byte {})", e.position));
        }
        if let Some(related) = problem.related {
            message.push_str(&format!(" ({related:?})"));
        }
        Self {
            setting: problem.setting.key(),
            value,
            message,
            class: problem.class(),
            severity: problem.severity(),
            rule: problem.rule,
            related: problem.related.map(str::to_owned),
            quoted,
        }
    }

    /// Whether the problem stops the policy from being built.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for PolicyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.quoted {
            write!(f, "{}: {:?}: {}", self.setting, self.value, self.message)?;
        } else {
            write!(f, "{}: {}: {}", self.setting, self.value, self.message)?;
        }
        if let Some(class) = self.class {
            write!(f, " [misconfiguration class {class}]")?;
        }
        Ok(())
    }
}

/// A policy configuration with errors: every error and every warning, never only the first.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", list_errors(.errors))]
#[non_exhaustive]
pub struct PolicyErrors {
    /// The errors, in the order of the settings and of their entries.
    pub errors: Vec<PolicyProblem>,
    /// The warnings.
    pub warnings: Vec<PolicyProblem>,
}

/// `the policy has N error(s):` then one error a line.
fn list_errors(errors: &[PolicyProblem]) -> String {
    let plural = if errors.len() == 1 { "" } else { "s" };
    let mut text = format!("the policy has {} error{plural}:", errors.len());
    for error in errors {
        text.push_str(&format!("\n  {error}"));
    }
    text
}

/// Reading a policy file failed: the file is unusable, or its configuration is invalid.
#[cfg(feature = "files")]
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadPolicyError {
    /// The file cannot be read or is not TOML or JSON of the policy keys.
    #[error(transparent)]
    File(#[from] PolicyFileError),
    /// The configuration has errors.
    #[error(transparent)]
    Invalid(#[from] PolicyErrors),
}

/// A validated policy configuration owning its strings: the source a [`Policy`] is borrowed
/// from through [`OwnedPolicy::view`]. Immutable once made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnedPolicy {
    file: PolicyFile,
    warnings: Vec<PolicyProblem>,
}

impl OwnedPolicy {
    /// Validates `file`: the owned policy and its warnings, or every error and warning.
    pub fn new(file: PolicyFile) -> Result<Self, PolicyErrors> {
        let view = PolicyView::of(&file);
        let warnings = match view.build() {
            (Ok(_), problems) => problems,
            (Err(()), problems) => {
                let (errors, warnings) = problems.into_iter().partition(PolicyProblem::is_error);
                return Err(PolicyErrors { errors, warnings });
            }
        };
        Ok(Self { file, warnings })
    }

    /// Reads and validates the policy file at `path` (TOML, or JSON; see
    /// [`PolicyFile::read`]).
    #[cfg(feature = "files")]
    pub fn read(path: &Path) -> Result<Self, LoadPolicyError> {
        Ok(Self::new(PolicyFile::read(path)?)?)
    }

    /// The warnings found when the policy was validated.
    pub fn warnings(&self) -> &[PolicyProblem] {
        &self.warnings
    }

    /// The configuration as read.
    pub const fn file(&self) -> &PolicyFile {
        &self.file
    }

    /// The lists as string slices, from which the [`Policy`] is built.
    pub fn view(&self) -> PolicyView<'_> {
        PolicyView::of(&self.file)
    }
}

impl TryFrom<PolicyFile> for OwnedPolicy {
    type Error = PolicyErrors;

    fn try_from(file: PolicyFile) -> Result<Self, PolicyErrors> {
        Self::new(file)
    }
}

/// The policy's lists borrowed as `&str` slices: what a [`PolicyConfig`] borrows.
#[derive(Clone, Debug)]
pub struct PolicyView<'a> {
    file: &'a PolicyFile,
    allowed_origins: Vec<&'a str>,
    allowed_methods: Vec<&'a str>,
    allowed_request_headers: Vec<&'a str>,
    exposed_response_headers: Vec<&'a str>,
}

/// The policy a [`PolicyView`] builds, with its patterns in a `Vec`.
pub type VecPolicy<'v> = Policy<'v, Vec<PatternSlot<'v>>>;

impl<'a> PolicyView<'a> {
    fn of(file: &'a PolicyFile) -> Self {
        let strs = |list: &'a [String]| list.iter().map(String::as_str).collect();
        Self {
            file,
            allowed_origins: strs(&file.allowed_origins),
            allowed_methods: strs(&file.allowed_methods),
            allowed_request_headers: strs(&file.allowed_request_headers),
            exposed_response_headers: strs(&file.exposed_response_headers),
        }
    }

    /// The core's configuration.
    pub fn config(&self) -> PolicyConfig<'_> {
        let file = self.file;
        PolicyConfig {
            allowed_origins: &self.allowed_origins,
            allow_credentials: file.allow_credentials,
            allowed_methods: &self.allowed_methods,
            allowed_request_headers: &self.allowed_request_headers,
            exposed_response_headers: &self.exposed_response_headers,
            max_age: file.max_age,
            preflight_success_status: file
                .preflight_success_status
                .unwrap_or(PolicyConfig::DEFAULT_PREFLIGHT_SUCCESS_STATUS),
            tolerate_insecure_origins: file.tolerate_insecure_origins,
            tolerate_public_suffix_wildcards: file.tolerate_public_suffix_wildcards,
            allow_null_origin: file.allow_null_origin,
        }
    }

    /// Builds the policy, with the Public Suffix List of [`PublicSuffixes`] and one pattern
    /// slot per allowed origin.
    ///
    /// A view of an [`OwnedPolicy`] never fails (its configuration was validated when it
    /// was made and cannot change); the `Result` keeps every path free of panics.
    pub fn policy(&self) -> Result<VecPolicy<'_>, PolicyErrors> {
        match self.build() {
            (Ok(policy), _) => Ok(policy),
            (Err(()), problems) => {
                let (errors, warnings) = problems.into_iter().partition(PolicyProblem::is_error);
                Err(PolicyErrors { errors, warnings })
            }
        }
    }

    /// Builds the policy and collects every problem; `Err` when there is an error (or, which
    /// one slot per origin rules out, the storage is too small: reported as an error).
    fn build(&self) -> (Result<VecPolicy<'_>, ()>, Vec<PolicyProblem>) {
        let config = self.config();
        let storage = vec![PatternSlot::EMPTY; config.allowed_origins.len()];
        let mut problems = Vec::new();
        let built = Policy::build(&config, &PublicSuffixes, storage, &mut |problem| {
            problems.push(PolicyProblem::from_problem(&problem));
        });
        match built {
            Ok(policy) => (Ok(policy), problems),
            Err(BuildError::Invalid { .. }) => (Err(()), problems),
            Err(other) => {
                problems.push(PolicyProblem {
                    setting: "allowed_origins",
                    value: String::new(),
                    message: other.to_string(),
                    class: None,
                    severity: Severity::Error,
                    rule: Rule::TooManyValues,
                    related: None,
                    quoted: false,
                });
                (Err(()), problems)
            }
        }
    }
}

#[cfg(all(test, feature = "files"))]
mod tests {
    use cors_core::http::BoundedHeaders;
    use cors_core::policy::{PatternErrorKind, RequestKind};

    use super::*;

    fn file(text: &str) -> PolicyFile {
        PolicyFile::parse(text, false).unwrap()
    }

    #[test]
    fn a_valid_file_builds_and_keeps_its_warnings() {
        let owned = OwnedPolicy::new(file(
            r#"
allowed_origins = ["https://app.example.com", "https://*.example.com"]
allow_credentials = true
allowed_methods = ["PUT"]
exposed_response_headers = ["content-type"]
"#,
        ))
        .unwrap();
        let warnings: Vec<_> = owned.warnings().iter().map(|w| w.rule).collect();
        assert_eq!(
            warnings,
            [Rule::SafelistedResponseHeader, Rule::Shadowed],
            "{:?}",
            owned.warnings()
        );
        let shadowed = &owned.warnings()[1];
        assert_eq!(shadowed.setting, "allowed_origins");
        assert_eq!(shadowed.value, "https://app.example.com");
        assert_eq!(shadowed.related.as_deref(), Some("https://*.example.com"));

        let view = owned.view();
        let policy = view.policy().unwrap();
        assert!(policy.allows_credentials());
        let request = [
            ("Origin", "https://api.example.com"),
            ("Access-Control-Request-Method", "PUT"),
        ];
        let decision = policy.decide(b"OPTIONS", &BoundedHeaders::new(&request[..]).unwrap());
        assert_eq!(decision.kind(), RequestKind::Preflight);
        assert!(decision.is_allowed());
        assert_eq!(decision.status(), Some(204));
    }

    #[test]
    fn every_error_is_collected() {
        let errors = OwnedPolicy::new(file(
            r#"
allowed_origins = ["*", "https://*example.com", "https://App.example.com"]
allow_credentials = true
allowed_methods = ["TRACE"]
max_age = -5
preflight_success_status = 302
"#,
        ))
        .unwrap_err();
        let summary: Vec<_> = errors
            .errors
            .iter()
            .map(|e| (e.setting, e.value.as_str(), e.class))
            .collect();
        assert_eq!(
            summary,
            [
                ("allowed_origins", "*", Some(2)),
                ("allowed_origins", "https://*example.com", Some(4)),
                ("allowed_origins", "https://App.example.com", Some(20)),
                ("allowed_methods", "TRACE", None),
                ("max_age", "-5", None),
                ("preflight_success_status", "302", None),
            ]
        );
        assert!(matches!(
            errors.errors[1].rule,
            Rule::InvalidPattern(e) if e.kind == PatternErrorKind::WildcardPrefixOfLabel
        ));
        assert!(errors.warnings.is_empty());
        let text = errors.to_string();
        assert!(text.starts_with("the policy has 6 errors:\n"), "{text}");
        assert_eq!(text.lines().count(), 7, "{text}");
        assert!(
            text.contains(
                "  allowed_origins: \"*\": \"*\" cannot be combined with allow_credentials [misconfiguration class 2]"
            ),
            "{text}"
        );
        assert!(
            text.contains("  max_age: -5: max_age cannot be negative"),
            "{text}"
        );
    }

    #[test]
    fn one_error_is_singular_and_warnings_travel_with_errors() {
        let errors = OwnedPolicy::new(file(
            r#"
allowed_origins = ["null"]
exposed_response_headers = ["x-a", "X-A"]
"#,
        ))
        .unwrap_err();
        assert_eq!(errors.errors.len(), 1);
        assert_eq!(errors.errors[0].class, Some(8));
        assert_eq!(errors.warnings.len(), 1);
        assert_eq!(errors.warnings[0].rule, Rule::Duplicate);
        assert!(errors.to_string().starts_with("the policy has 1 error:\n"));
    }

    #[test]
    fn defaults_and_an_empty_list() {
        let owned = OwnedPolicy::new(PolicyFile::default()).unwrap();
        let empty = &owned.warnings()[0];
        assert_eq!(
            (empty.rule, empty.value.as_str()),
            (Rule::NoAllowedOrigins, "[]")
        );
        assert_eq!(
            empty.to_string(),
            "allowed_origins: []: no origin is allowed: every CORS request is refused"
        );
        assert_eq!(owned.view().config().preflight_success_status, 204);
        let view = owned.view();
        let policy = view.policy().unwrap();
        let request = [("Origin", "https://a.example")];
        let decision = policy.decide(b"GET", &BoundedHeaders::new(&request[..]).unwrap());
        assert!(!decision.is_allowed());
    }

    #[test]
    fn read_separates_unusable_files_from_invalid_ones() {
        let missing = OwnedPolicy::read(Path::new("/nonexistent/policy.toml")).unwrap_err();
        assert!(matches!(
            missing,
            LoadPolicyError::File(PolicyFileError::Read { .. })
        ));
        let path = std::env::temp_dir().join(format!("cors-owned-{}.json", std::process::id()));
        std::fs::write(&path, r#"{"allowed_origins": ["https://ex*.com"]}"#).unwrap();
        let invalid = OwnedPolicy::read(&path).unwrap_err();
        std::fs::remove_file(&path).unwrap();
        let LoadPolicyError::Invalid(errors) = invalid else {
            panic!("{invalid}");
        };
        assert_eq!(errors.errors[0].class, Some(5));
        assert!(
            errors.errors[0].message.ends_with("(at byte 10)"),
            "{}",
            errors.errors[0].message
        );
    }
}
