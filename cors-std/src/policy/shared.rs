//! [`CorsPolicy`]: a built policy that owns everything it borrows, cheap to clone and
//! `'static`, as a server keeps one for its lifetime (a tower layer, a shared state).
//!
//! A [`Policy`](cors_core::policy::Policy) borrows its strings (the core never allocates),
//! and an [`OwnedPolicy`] owns them; keeping both in one value makes it self-referential.
//! `self_cell` does that without `unsafe` in this crate: the owned policy, its
//! [`PolicyView`], and the policy built from the view live in one heap cell behind an
//! [`Arc`], built once. Nothing is leaked, so a policy can be replaced (on reload) as often
//! as needed.

use core::fmt;
use std::sync::Arc;

use self_cell::self_cell;

use super::file::PolicyFile;
#[cfg(feature = "files")]
use super::owned::LoadPolicyError;
use super::owned::{OwnedPolicy, PolicyErrors, PolicyProblem, PolicyView, VecPolicy};

self_cell!(
    /// An owned policy and the view of its lists.
    struct ViewCell {
        owner: OwnedPolicy,
        #[covariant]
        dependent: PolicyView,
    }
);

self_cell!(
    /// The view and the policy built from it.
    struct PolicyCell {
        owner: ViewCell,
        #[covariant]
        dependent: VecPolicy,
    }
);

/// A validated, built policy that owns its configuration: `Clone` (an `Arc` increment),
/// `Send`, `Sync` and `'static`.
///
/// ```
/// use cors_std::cors_core::http::BoundedHeaders;
/// use cors_std::policy::{CorsPolicy, PolicyFile};
///
/// let policy = CorsPolicy::new(
///     PolicyFile::default().allow_origins(["https://app.example.com"]),
/// )?;
/// let request = [("Origin", "https://app.example.com")];
/// let headers = BoundedHeaders::new(&request[..])?;
/// assert!(policy.policy().decide(b"GET", &headers).is_allowed());
///
/// // Every problem at once, never a panic:
/// let errors = CorsPolicy::new(PolicyFile::default().allow_origins(["https://*.com"]))
///     .unwrap_err();
/// assert_eq!(errors.errors[0].class, Some(11)); // a wildcard over a public suffix
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct CorsPolicy {
    cell: Arc<PolicyCell>,
}

impl CorsPolicy {
    /// Validates and builds `file`: the policy, or every error and warning.
    pub fn new(file: PolicyFile) -> Result<Self, PolicyErrors> {
        Self::from_owned(OwnedPolicy::new(file)?)
    }

    /// Reads, validates and builds the policy file at `path` (TOML or JSON).
    #[cfg(feature = "files")]
    pub fn read(path: &std::path::Path) -> Result<Self, LoadPolicyError> {
        Ok(Self::from_owned(OwnedPolicy::read(path)?)?)
    }

    /// Builds a validated policy.
    ///
    /// An [`OwnedPolicy`] was validated when it was made, so this fails only if it could
    /// not be built at all, which its validation rules out; the `Result` keeps the path
    /// free of panics.
    pub fn from_owned(owned: OwnedPolicy) -> Result<Self, PolicyErrors> {
        let views = ViewCell::new(owned, OwnedPolicy::view);
        let cell = PolicyCell::try_new(views, |views| views.borrow_dependent().policy())?;
        Ok(Self {
            cell: Arc::new(cell),
        })
    }

    /// The built policy, to [`decide`](cors_core::policy::Policy::decide) requests with.
    pub fn policy(&self) -> &VecPolicy<'_> {
        self.cell.borrow_dependent()
    }

    /// The validated configuration.
    pub fn owned(&self) -> &OwnedPolicy {
        self.cell.borrow_owner().borrow_owner()
    }

    /// The warnings found when the policy was validated.
    pub fn warnings(&self) -> &[PolicyProblem] {
        self.owned().warnings()
    }
}

impl fmt::Debug for CorsPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CorsPolicy")
            .field("file", self.owned().file())
            .finish_non_exhaustive()
    }
}

impl TryFrom<PolicyFile> for CorsPolicy {
    type Error = PolicyErrors;

    fn try_from(file: PolicyFile) -> Result<Self, PolicyErrors> {
        Self::new(file)
    }
}

#[cfg(test)]
mod tests {
    use cors_core::http::BoundedHeaders;
    use cors_core::policy::{RejectReason, RequestKind};

    use super::*;

    fn assert_shareable<T: Send + Sync + Clone + 'static>() {}

    #[test]
    fn a_policy_is_shareable() {
        assert_shareable::<CorsPolicy>();
    }

    #[test]
    fn clones_share_one_built_policy_that_outlives_its_source() {
        let policy = {
            let file = PolicyFile::default()
                .allow_origins(["https://*.example.com"])
                .allow_methods(["PUT"]);
            CorsPolicy::new(file).unwrap()
        };
        let clone = policy.clone();
        drop(policy);
        let request = [
            ("Origin", "https://api.example.com"),
            ("Access-Control-Request-Method", "PUT"),
        ];
        let headers = BoundedHeaders::new(&request[..]).unwrap();
        let decision = clone.policy().decide(b"OPTIONS", &headers);
        assert_eq!(decision.kind(), RequestKind::Preflight);
        assert!(decision.is_allowed());
        let request = [("Origin", "https://example.org")];
        let headers = BoundedHeaders::new(&request[..]).unwrap();
        let decision = clone.policy().decide(b"GET", &headers);
        assert_eq!(decision.reason(), Some(RejectReason::OriginNotAllowed));
    }

    #[test]
    fn errors_and_warnings_are_reported_not_panicked() {
        let errors = CorsPolicy::new(
            PolicyFile::default()
                .allow_origins(["*"])
                .allow_credentials(true),
        )
        .unwrap_err();
        assert_eq!(errors.errors[0].class, Some(2));
        let policy = CorsPolicy::new(PolicyFile::default()).unwrap();
        assert_eq!(policy.warnings().len(), 1, "{:?}", policy.warnings());
        assert!(format!("{policy:?}").starts_with("CorsPolicy { file: PolicyFile {"));
    }
}
