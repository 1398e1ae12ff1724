//! Where Chromium's CORS-safelisted request-header departs from the Fetch Standard.
//!
//! Each rule was established by recording a real headless Chromium 156
//! (`tests/data/scenarios/chromium-recorded.jsonl`, written by `scripts/record-chromium`)
//! and agrees with Chromium's `IsCorsSafelistedHeader`
//! (`services/network/public/cpp/cors/cors.cc`). The Fetch Standard removed these names
//! from the safelist in 2019 (whatwg/fetch `6a644c6`); Chromium kept them. Every rule runs
//! after step 1 (the 128-byte limit), as in Chromium.
//!
//! `spec-notes/deviations.md`: DEV-CHROMIUM-CLIENT-HINTS, DEV-CHROMIUM-RANGE-INT64.

use super::safelist::{NotSafelisted, check_cors_safelisted_request_header};
use crate::browser::Profile;
use crate::http::header::CombinedValue;
use crate::http::range::RangeBound;
use crate::limits::MAX_HEADER_COUNT;

/// The longest value a CORS-safelisted request-header may have (step 1 of the safelist).
const SAFELISTED_LEN: usize = 128;

/// The values of the headers named `name` (byte-case-insensitively) among the first
/// [`MAX_HEADER_COUNT`] of `headers`, in order.
pub(super) fn values_of<'a>(
    headers: impl Iterator<Item = (&'a [u8], &'a [u8])> + Clone,
    name: &[u8],
) -> impl Iterator<Item = &'a [u8]> + Clone {
    headers
        .take(MAX_HEADER_COUNT)
        .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, value)| value)
}

/// The length of a name's combined value: its `values` joined by `, `.
pub(super) fn combined_len<'a>(values: impl Iterator<Item = &'a [u8]>) -> usize {
    CombinedValue::new(values).fold(0usize, |total, chunk| total.saturating_add(chunk.len()))
}

/// Whether the combined value of `name`, its `values` in order, is CORS-safelisted, as
/// Chromium checks it (DEV-CHROMIUM-COMBINED-VALUES): Chromium keeps one request header per
/// name, the script's values joined by `, `, so two `Accept` values of 64 bytes make one of
/// 130 and need a preflight (recorded: `rc-dup-accept-combined-130`; `rc-dup-accept-short`
/// passes). The standard checks each header on its own.
pub(super) fn check_combined<'a>(
    values: impl Iterator<Item = &'a [u8]> + Clone,
    name: &[u8],
    profile: Profile,
) -> Result<(), NotSafelisted> {
    if combined_len(values.clone()) > SAFELISTED_LEN {
        return Err(NotSafelisted::ValueTooLong);
    }
    let mut combined = heapless::Vec::<u8, SAFELISTED_LEN>::new();
    for chunk in CombinedValue::new(values) {
        combined
            .extend_from_slice(chunk)
            .map_err(|_| NotSafelisted::ValueTooLong)?;
    }
    check_cors_safelisted_request_header(name, &combined, profile)
}

/// Whether Chromium safelists `(name, value)` for a name the standard does not safelist:
/// the legacy client hints, each with its value rule. `None` when `name` is not one of them.
///
/// - `DPR`, `Device-Memory`, `Downlink`: `1*DIGIT ["." 1*DIGIT]`
///   (recorded: `rc-client-hint-dpr`, `rc-client-hint-dpr-abc`, `rc-client-hint-dpr-exponent`);
/// - `Width`, `Viewport-Width`, `RTT`: `1*DIGIT` (`rc-client-hint-width-fraction`);
/// - `ECT`: exactly `slow-2g`, `2g`, `3g` or `4g`, case-sensitive (`rc-client-hint-ect-uppercase`);
/// - `Save-Data`: `on`, ASCII case-insensitive (`rc-client-hint-save-data-uppercase`,
///   `rc-client-hint-save-data-off`);
/// - `Intervention`: any value (`rc-intervention-x`; Chromium adds it itself when it
///   applies an intervention).
pub(super) fn client_hint_value_ok(name: &[u8], value: &[u8]) -> Option<bool> {
    let is = |hint: &str| name.eq_ignore_ascii_case(hint.as_bytes());
    if is("dpr") || is("device-memory") || is("downlink") {
        Some(is_decimal(value))
    } else if is("width") || is("viewport-width") || is("rtt") {
        Some(is_digits(value))
    } else if is("ect") {
        Some(matches!(value, b"slow-2g" | b"2g" | b"3g" | b"4g"))
    } else if is("save-data") {
        Some(value.eq_ignore_ascii_case(b"on"))
    } else if is("intervention") {
        Some(true)
    } else {
        None
    }
}

/// `1*DIGIT`.
fn is_digits(value: &[u8]) -> bool {
    !value.is_empty() && value.iter().all(u8::is_ascii_digit)
}

/// `1*DIGIT ["." 1*DIGIT]`.
fn is_decimal(value: &[u8]) -> bool {
    match value.iter().position(|&b| b == b'.') {
        None => is_digits(value),
        Some(dot) => {
            let (whole, fraction) = value.split_at(dot);
            is_digits(whole) && fraction.get(1..).is_some_and(is_digits)
        }
    }
}

/// The largest range bound Chromium accepts in a safelisted `Range`: `2^63 − 2`.
///
/// Recorded: `bytes=0-9223372036854775806` is safelisted
/// (`rc-range-end-int64-max-minus-one`), `bytes=0-9223372036854775807` is not
/// (`rc-range-end-int64-max`), nor is a 30-digit start (`rc-range-start-30-digits`).
/// The standard's integers are unbounded.
pub(super) const MAX_RANGE_BOUND: u64 = (i64::MAX as u64) - 1;

/// Whether a parsed bound is within Chromium's limit.
pub(super) fn range_bound_ok(bound: Option<&RangeBound<'_>>) -> bool {
    bound.is_none_or(|b| b.to_u64().is_some_and(|n| n <= MAX_RANGE_BOUND))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_hint_values_as_recorded() {
        // Each row is a recorded Chromium 156 scenario (tests/data/scenarios).
        let rows: [(&str, &[u8], bool); 27] = [
            ("Intervention", b"x", true),
            ("ECT", b"slow-2g", true),
            ("ECT", b"2g", true),
            ("ECT", b"3g", true),
            ("ECT", b"5g", false),
            ("Downlink", b"1.5", true),
            ("Downlink", b"1.", false),
            ("RTT", b"1.5", false),
            ("Device-Memory", b"0.5", true),
            ("DPR", b".5", false),
            ("Save-Data", b"On", true),
            ("Viewport-Width", b"01", true),
            ("DPR", b"2", true),
            ("DPR", b"abc", false),
            ("DPR", b"1e3", false),
            ("Downlink", b"10", true),
            ("Save-Data", b"on", true),
            ("Save-Data", b"ON", true),
            ("Save-Data", b"off", false),
            ("Viewport-Width", b"1280", true),
            ("Width", b"640", true),
            ("Width", b"1.5", false),
            ("Device-Memory", b"8", true),
            ("RTT", b"50", true),
            ("ECT", b"4g", true),
            ("ECT", b"4G", false),
            ("Last-Event-ID", b"1", false),
        ];
        for (name, value, want) in rows {
            let got = client_hint_value_ok(name.as_bytes(), value).unwrap_or(false);
            assert_eq!(got, want, "{name}: {value:?}");
        }
    }

    #[test]
    fn decimal_needs_digits_on_both_sides_of_the_dot() {
        assert!(is_decimal(b"1.5"));
        assert!(!is_decimal(b"1."));
        assert!(!is_decimal(b".5"));
        assert!(!is_decimal(b"1.2.3"));
        assert!(!is_decimal(b""));
    }
}
