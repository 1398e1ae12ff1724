//! The server policy's owned configuration: the policy file ([`PolicyFile`]), read from
//! TOML or JSON, validated into an [`OwnedPolicy`] (every problem at once in
//! [`PolicyErrors`]), from which a [`Policy`](cors_core::policy::Policy) is borrowed.

mod file;
mod owned;

pub use file::{PolicyFile, PolicyFileError};
pub use owned::{LoadPolicyError, OwnedPolicy, PolicyErrors, PolicyProblem, PolicyView, VecPolicy};
