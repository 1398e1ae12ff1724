//! The TAO check: may the requester see the response's detailed timing?
//!
//! A failed TAO check never blocks a fetch; it only sets the request's timing allow failed
//! flag, which later checks on the same request (after redirects) inherit.
//!
//! <https://fetch.spec.whatwg.org/#concept-tao-check>

use core::fmt;

use crate::http::header::{BoundedHeaders, HeaderList};
use crate::http::split::{SplitItem, get_decode_split};

const TIMING_ALLOW_ORIGIN: &[u8] = b"timing-allow-origin";

/// What the TAO check needs to know about the request.
///
/// <https://fetch.spec.whatwg.org/#concept-request>
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaoRequest<'a> {
    /// The request's timing allow failed flag.
    ///
    /// <https://fetch.spec.whatwg.org/#timing-allow-failed>
    pub timing_allow_failed: bool,
    /// The serialized request origin (`null` for an opaque or tainted origin).
    ///
    /// <https://fetch.spec.whatwg.org/#serializing-a-request-origin>
    pub serialized_origin: &'a [u8],
    /// Whether the request's mode is `navigate`.
    pub mode_is_navigate: bool,
    /// Whether the request's current URL's origin is same origin with the request's origin.
    pub current_url_same_origin: bool,
    /// Whether the request's response tainting is `basic`.
    pub tainting_is_basic: bool,
}

/// Why the TAO check failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TaoFailure {
    /// Step 1: an earlier response of the request already failed.
    AlreadyFailed,
    /// Step 5: a navigation whose current URL is cross-origin to the request's origin, and
    /// `Timing-Allow-Origin` does not allow the origin.
    NavigateCrossOrigin,
    /// Step 7: `Timing-Allow-Origin` does not allow the origin and the tainting is not
    /// `basic`.
    NotAllowed,
}

impl TaoFailure {
    /// A one-line description.
    pub const fn description(self) -> &'static str {
        match self {
            Self::AlreadyFailed => "an earlier response of the request failed the TAO check",
            Self::NavigateCrossOrigin => "a cross-origin navigation without Timing-Allow-Origin",
            Self::NotAllowed => "Timing-Allow-Origin does not allow the origin",
        }
    }
}

impl fmt::Display for TaoFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

impl core::error::Error for TaoFailure {}

/// The TAO check of a response with `headers` to `request`.
///
/// <https://fetch.spec.whatwg.org/#concept-tao-check>
pub fn tao_check<'a, L: HeaderList<'a>>(
    request: &TaoRequest<'_>,
    headers: &BoundedHeaders<L>,
) -> Result<(), TaoFailure> {
    // Step 1. If the timing allow failed flag is set, then return failure.
    if request.timing_allow_failed {
        return Err(TaoFailure::AlreadyFailed);
    }
    // Step 2. Let values be the result of getting, decoding, and splitting
    // `Timing-Allow-Origin`.
    // Step 3. If values contains "*", then return success.
    // Step 4. If values contains the serialized request origin, then return success.
    if allows(headers, request.serialized_origin) {
        return Ok(());
    }
    // Step 5. If the mode is "navigate" and the current URL's origin is not same origin
    // with the request's origin, then return failure.
    if request.mode_is_navigate && !request.current_url_same_origin {
        return Err(TaoFailure::NavigateCrossOrigin);
    }
    // Step 6. If the response tainting is "basic", then return success.
    if request.tainting_is_basic {
        return Ok(());
    }
    // Step 7. Return failure.
    Err(TaoFailure::NotAllowed)
}

/// Steps 2–4: whether an item of `Timing-Allow-Origin` is `*` or the serialized origin.
/// An item longer than the split limit is longer than any origin, so it matches neither.
fn allows<'a, L: HeaderList<'a>>(headers: &BoundedHeaders<L>, serialized_origin: &[u8]) -> bool {
    let Some(mut values) = get_decode_split(headers, TIMING_ALLOW_ORIGIN) else {
        return false;
    };
    while let Some(item) = values.next_item() {
        if let SplitItem::Item(value) = item {
            if value == b"*" || value == serialized_origin {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
#[path = "tao_tests.rs"]
mod tests;
