//! The server policy's owned configuration: the policy file ([`PolicyFile`]), read from
//! TOML or JSON.

mod file;

pub use file::{PolicyFile, PolicyFileError};
