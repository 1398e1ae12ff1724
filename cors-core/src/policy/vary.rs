//! Merging the policy's `Vary` into the one a response already has.
//!
//! Overwriting a `Vary` set by the application loses what it varies on; appending blindly
//! duplicates elements when layers stack (tower-http #397, #598). The merge keeps the
//! existing value as it is and adds only the missing elements, compared case-insensitively;
//! `*` already varies on everything and stays `*` (misconfiguration class 12).
//!
//! <https://httpwg.org/specs/rfc9110.html#field.vary>

use core::fmt;

use crate::http::header::{is_header_value, is_token, trim_tab_space};
use crate::http::list::list_elements;
use crate::limits::{MAX_VARY_ADDED, MAX_VARY_VALUE_LEN};

/// Why [`merge_vary`] wrote nothing usable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum VaryError {
    /// The existing value is longer than [`MAX_VARY_VALUE_LEN`] bytes, or `add` has more
    /// than [`MAX_VARY_ADDED`] elements.
    TooLong,
    /// The existing value is not an ASCII header value (it has a control byte such as CR or
    /// LF, or a non-ASCII byte), or an added element is not a token.
    InvalidValue,
    /// The writer failed.
    Write,
}

impl fmt::Display for VaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::TooLong => "Vary value longer than the limit",
            Self::InvalidValue => "Vary value is not a list of tokens",
            Self::Write => "the writer failed",
        })
    }
}

impl core::error::Error for VaryError {}

impl From<fmt::Error> for VaryError {
    fn from(_: fmt::Error) -> Self {
        Self::Write
    }
}

/// Writes to `out` the `Vary` value that is `existing` (the response's, if any) with the
/// elements of `add` (a `Vary` value, such as [`Decision::vary`](super::Decision::vary))
/// that it lacks appended, compared case-insensitively.
///
/// `existing` is kept byte for byte (trimmed of surrounding whitespace). When either value
/// lists `*`, the result is `*`-only if `existing` had none, else `existing`. Work is linear
/// in `existing` times the at most [`MAX_VARY_ADDED`] added elements.
pub fn merge_vary(
    existing: Option<&[u8]>,
    add: &str,
    out: &mut dyn fmt::Write,
) -> Result<(), VaryError> {
    let existing = checked_existing(existing)?;
    let added = checked_added(add)?;
    let has = |element: &[u8]| {
        list_elements(existing.as_bytes()).any(|other| other.eq_ignore_ascii_case(element))
    };
    if has(b"*") {
        return Ok(out.write_str(existing)?);
    }
    if added.clone().any(|element| element == b"*") {
        return Ok(out.write_str("*")?);
    }
    let mut written = list_elements(existing.as_bytes()).next().is_some();
    if written {
        out.write_str(existing)?;
    }
    for (i, element) in added.clone().enumerate() {
        let mut earlier = added.clone().take(i);
        if has(element) || earlier.any(|other| other.eq_ignore_ascii_case(element)) {
            continue;
        }
        if written {
            out.write_str(", ")?;
        }
        // A token is ASCII, so this is the element's text.
        out.write_str(core::str::from_utf8(element).unwrap_or_default())?;
        written = true;
    }
    Ok(())
}

/// The existing value, trimmed, once it is an ASCII header value within the limit.
fn checked_existing(existing: Option<&[u8]>) -> Result<&str, VaryError> {
    let existing = trim_tab_space(existing.unwrap_or_default());
    if existing.len() > MAX_VARY_VALUE_LEN {
        return Err(VaryError::TooLong);
    }
    core::str::from_utf8(existing)
        .ok()
        .filter(|text| text.is_ascii() && is_header_value(existing))
        .ok_or(VaryError::InvalidValue)
}

/// The elements of `add`, once they are at most [`MAX_VARY_ADDED`] tokens.
fn checked_added(add: &str) -> Result<impl Iterator<Item = &[u8]> + Clone, VaryError> {
    if add.len() > MAX_VARY_VALUE_LEN {
        return Err(VaryError::TooLong);
    }
    let added = list_elements(add.as_bytes());
    if added.clone().count() > MAX_VARY_ADDED {
        return Err(VaryError::TooLong);
    }
    if added.clone().any(|element| !is_token(element)) {
        return Err(VaryError::InvalidValue);
    }
    Ok(added)
}
