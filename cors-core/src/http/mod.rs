//! HTTP primitives the Fetch Standard builds on: header names and values, header lists,
//! the `#` list rule, "get, decode, and split", methods, MIME types and the simple range
//! header value.
//!
//! The browser model ([`crate::browser`]) and any server-side code share only these
//! primitives.
//!
//! <https://fetch.spec.whatwg.org/#http>

pub mod header;
pub mod header_names;
#[cfg(feature = "httparse")]
mod httparse_header;
pub mod list;
pub mod method;
pub mod mime;
pub mod names;
pub mod range;
pub mod split;
pub(crate) mod swar;

pub use header::{BoundedHeaders, Header, HeaderLimitError, HeaderList};
