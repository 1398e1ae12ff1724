//! The server policy's owned configuration: the policy file ([`PolicyFile`]), read from
//! TOML or JSON (feature `files`) or built in code, validated into an [`OwnedPolicy`]
//! (every problem at once in [`PolicyErrors`]), from which a
//! [`Policy`](cors_core::policy::Policy) is borrowed; [`CorsPolicy`] is the built policy
//! owned, shared and `'static`, as a server keeps it.

mod file;
mod owned;
mod shared;

pub use file::PolicyFile;
#[cfg(feature = "files")]
pub use file::PolicyFileError;
#[cfg(feature = "files")]
pub use owned::LoadPolicyError;
pub use owned::{OwnedPolicy, PolicyErrors, PolicyProblem, PolicyView, VecPolicy};
pub use shared::CorsPolicy;
