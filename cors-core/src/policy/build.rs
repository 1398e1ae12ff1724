//! [`Policy`]: a configuration validated once and turned into lookup structures.

use core::fmt::{self, Write as _};

use super::config::{PolicyConfig, validate};
use super::matcher::{HostText, Matcher, PatternKinds, PatternSlot};
use super::name_set::NameSet;
use super::pattern::{OriginPattern, parse_pattern};
use super::problem::{Problem, ProblemCounts, ProblemValue, Rule, Setting};
use crate::http::header_names::is_cors_non_wildcard_request_header_name;
use crate::limits::{
    MAX_AGE_DIGITS, MAX_ALLOWED_METHODS, MAX_ALLOWED_ORIGINS, MAX_ALLOWED_REQUEST_HEADERS,
    MAX_EXPOSE_HEADERS_VALUE_LEN, MAX_EXPOSED_RESPONSE_HEADERS,
};
use crate::origin::host::Host;
use crate::origin::serialized::{HostKind, OriginOrNull, SerializedOrigin};
use crate::origin::site::PublicSuffixList;

/// Why [`Policy::build`] returned no policy. Every configuration problem has already been
/// reported to the sink.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BuildError {
    /// The configuration has `errors` errors.
    Invalid {
        /// How many errors were reported.
        errors: usize,
    },
    /// The configuration is valid but the storage has fewer slots than it has host patterns.
    StorageTooSmall {
        /// The slots needed.
        needed: usize,
        /// The slots provided.
        available: usize,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Invalid { errors } => write!(f, "the configuration has {errors} error(s)"),
            Self::StorageTooSmall { needed, available } => write!(
                f,
                "the policy needs {needed} pattern slots and {available} were provided"
            ),
        }
    }
}

impl core::error::Error for BuildError {}

/// A CORS policy: a validated configuration, immutable, answering requests with
/// [`Policy::decide`].
///
/// The host patterns of `allowed_origins` live sorted in storage `S` the caller provides
/// (`[PatternSlot; N]`, `&mut [PatternSlot]` or a `Vec`), so the core never allocates and
/// the size is the caller's choice: a handful of slots on a microcontroller, a hundred
/// thousand in a gateway. Everything else is inline, of sizes fixed by [`crate::limits`].
#[derive(Clone, Debug)]
pub struct Policy<'c, S> {
    pub(crate) slots: S,
    pub(crate) len: usize,
    pub(crate) kinds: PatternKinds,
    pub(crate) any_origin: bool,
    pub(crate) null_origin: bool,
    pub(crate) credentials: bool,
    pub(crate) methods: NameSet<'c, MAX_ALLOWED_METHODS>,
    pub(crate) request_headers: NameSet<'c, MAX_ALLOWED_REQUEST_HEADERS>,
    pub(crate) expose_headers: heapless::String<MAX_EXPOSE_HEADERS_VALUE_LEN>,
    pub(crate) max_age: heapless::String<MAX_AGE_DIGITS>,
    pub(crate) success_status: u16,
}

/// What filling the storage found.
struct Origins {
    any: bool,
    null: bool,
    /// The host patterns stored, or the slots needed when the storage is too small.
    stored: Result<usize, usize>,
}

impl<'c, S> Policy<'c, S>
where
    S: AsRef<[PatternSlot<'c>]> + AsMut<[PatternSlot<'c>]>,
{
    /// Validates `config`, reporting every problem to `sink`, and builds the policy when
    /// there is no error.
    ///
    /// Besides [`validate`], this reports duplicate origin patterns and patterns another
    /// one covers (for example `https://a.example.com` next to `https://*.example.com`).
    /// `storage` needs one slot per host pattern, at most `allowed_origins.len()`.
    pub fn build(
        config: &PolicyConfig<'c>,
        psl: &dyn PublicSuffixList,
        mut storage: S,
        sink: &mut dyn FnMut(Problem<'c>),
    ) -> Result<Self, BuildError> {
        let mut counts = validate(config, psl, sink);
        let mut report = |problem: Problem<'c>| {
            counts.count(&problem);
            sink(problem);
        };
        let slots = storage.as_mut();
        let origins = fill(config, slots, &mut report);
        if let Ok(len) = origins.stored {
            let sorted = slots.get_mut(..len).unwrap_or_default();
            sorted.sort_unstable_by(PatternSlot::cmp);
            report_overlaps(sorted, origins.any, &mut report);
        }
        finish(config, storage, origins, counts)
    }
}

fn finish<'c, S: AsRef<[PatternSlot<'c>]>>(
    config: &PolicyConfig<'c>,
    slots: S,
    origins: Origins,
    counts: ProblemCounts,
) -> Result<Policy<'c, S>, BuildError> {
    if counts.errors > 0 {
        return Err(BuildError::Invalid {
            errors: counts.errors,
        });
    }
    let len = origins
        .stored
        .map_err(|needed| BuildError::StorageTooSmall {
            needed,
            available: slots.as_ref().len(),
        })?;
    let kinds = PatternKinds::of(slots.as_ref().get(..len).unwrap_or_default());
    Ok(Policy {
        slots,
        len,
        kinds,
        any_origin: origins.any,
        null_origin: origins.null && config.allow_null_origin,
        credentials: config.allow_credentials,
        methods: NameSet::new(config.allowed_methods, false),
        request_headers: NameSet::new(config.allowed_request_headers, true),
        expose_headers: expose_headers_value(config.exposed_response_headers),
        max_age: max_age_digits(config.max_age),
        success_status: config.preflight_success_status,
    })
}

/// Parses the origin patterns into `slots`, reporting repeated `*` and `null`.
fn fill<'c>(
    config: &PolicyConfig<'c>,
    slots: &mut [PatternSlot<'c>],
    report: &mut dyn FnMut(Problem<'c>),
) -> Origins {
    let (mut any, mut null, mut needed) = (false, false, 0usize);
    for &text in config.allowed_origins.iter().take(MAX_ALLOWED_ORIGINS) {
        let Ok(pattern) = parse_pattern(text) else {
            continue; // reported by `validate`
        };
        let seen = match pattern {
            OriginPattern::Any => core::mem::replace(&mut any, true),
            OriginPattern::Null => core::mem::replace(&mut null, true),
            _ => false,
        };
        if seen {
            report(overlap(text, Rule::Duplicate, text));
        }
        if let Some(slot) = PatternSlot::new(&pattern, text) {
            if let Some(free) = slots.get_mut(needed) {
                *free = slot;
            }
            needed += 1;
        }
    }
    if any && null {
        report(overlap("null", Rule::Shadowed, "*"));
    }
    let stored = if needed <= slots.len() {
        Ok(needed)
    } else {
        Err(needed)
    };
    Origins { any, null, stored }
}

fn overlap<'c>(text: &'c str, rule: Rule, related: &'c str) -> Problem<'c> {
    Problem {
        related: Some(related),
        ..Problem::new(Setting::AllowedOrigins, ProblemValue::Text(text), rule)
    }
}

/// Reports duplicates and patterns covered by another pattern (or by `*`): `O(n × labels ×
/// log n)` over the sorted slots.
fn report_overlaps<'c>(slots: &[PatternSlot<'c>], any: bool, report: &mut dyn FnMut(Problem<'c>)) {
    let matcher = Matcher::new(slots, PatternKinds::of(slots));
    let mut first_of_run: Option<&PatternSlot<'c>> = None;
    for slot in slots {
        if let Some(first) = first_of_run.filter(|first| first.key() == slot.key()) {
            report(overlap(slot.text(), Rule::Duplicate, first.text()));
            continue;
        }
        first_of_run = Some(slot);
        let cover = if any {
            Some("*")
        } else {
            matcher.covering(slot.key()).map(PatternSlot::text)
        };
        if let Some(cover) = cover {
            report(overlap(slot.text(), Rule::Shadowed, cover));
        }
    }
}

/// The `Access-Control-Expose-Headers` value: `*`, or the names joined by `, `.
fn expose_headers_value(names: &[&str]) -> heapless::String<MAX_EXPOSE_HEADERS_VALUE_LEN> {
    let mut value = heapless::String::new();
    let names = names.get(..MAX_EXPOSED_RESPONSE_HEADERS).unwrap_or(names);
    if names.contains(&"*") {
        let _ = value.push('*');
        return value;
    }
    for (i, name) in names.iter().enumerate() {
        // `validate` refused a configuration whose joined names do not fit.
        let _ = value.push_str(if i == 0 { "" } else { ", " });
        let _ = value.push_str(name);
    }
    value
}

/// The decimal digits of a non-negative max-age; empty when there is none.
fn max_age_digits(max_age: Option<i64>) -> heapless::String<MAX_AGE_DIGITS> {
    let mut digits = heapless::String::new();
    if let Some(seconds) = max_age.filter(|seconds| *seconds >= 0) {
        // i64::MAX has MAX_AGE_DIGITS digits, so this never fails.
        let _ = write!(digits, "{seconds}");
    }
    digits
}

impl<'c, S: AsRef<[PatternSlot<'c>]>> Policy<'c, S> {
    /// The host patterns, sorted.
    pub(crate) fn slots(&self) -> &[PatternSlot<'c>] {
        let slots = self.slots.as_ref();
        slots.get(..self.len).unwrap_or(slots)
    }

    /// Whether `origin` is allowed: `*`, `null` when allowed, or a matching host pattern.
    pub fn allows_origin(&self, origin: &OriginOrNull<'_>) -> bool {
        match origin {
            _ if self.any_origin => true,
            OriginOrNull::Null => self.null_origin,
            OriginOrNull::Origin(tuple) => {
                let host = HostText::of(&tuple.host);
                let is_domain = matches!(tuple.host, Host::Domain(_));
                self.matcher()
                    .lookup(
                        tuple.scheme.as_bytes(),
                        host.as_str().as_bytes(),
                        is_domain,
                        tuple.port,
                    )
                    .is_some()
            }
        }
    }

    /// [`Policy::allows_origin`] for an origin as the strict parser left it: its host bytes
    /// are the host's serialization already. The kinds of pattern in `searched` are not
    /// searched: [`Matcher::find_text`] already found none of them for the value.
    pub(crate) fn allows_serialized(
        &self,
        origin: &SerializedOrigin<'_>,
        searched: PatternKinds,
    ) -> bool {
        match origin {
            _ if self.any_origin => true,
            SerializedOrigin::Null => self.null_origin,
            SerializedOrigin::Tuple(tuple) => {
                let is_domain = tuple.kind == HostKind::Domain;
                self.matcher()
                    .without(searched)
                    .lookup(tuple.scheme, tuple.host, is_domain, tuple.port)
                    .is_some()
            }
        }
    }

    pub(crate) fn matcher(&self) -> Matcher<'_, 'c> {
        Matcher::new(self.slots(), self.kinds)
    }

    /// The host patterns (all of `allowed_origins` but `*` and `null`), in lookup order:
    /// by host byte by byte, then scheme, a host before the wildcard over its subdomains,
    /// then port.
    pub fn origin_patterns(&self) -> impl Iterator<Item = &'c str> + '_ {
        self.slots().iter().map(PatternSlot::text)
    }

    /// Whether credentialed requests are allowed.
    pub const fn allows_credentials(&self) -> bool {
        self.credentials
    }

    /// Whether answers depend on the `Origin` header: false only when `*` is allowed, which
    /// makes every answer the same (and `Vary: Origin` unnecessary).
    pub const fn is_origin_dependent(&self) -> bool {
        !self.any_origin
    }

    /// Whether `name` may be asked for in `Access-Control-Request-Headers`.
    ///
    /// `*` covers every name but `authorization`, which must be listed.
    ///
    /// <https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name>
    pub fn allows_request_header(&self, name: &[u8]) -> bool {
        self.request_headers.lists(name) || self.allows_unlisted_request_header(name)
    }

    /// Whether `*` allows `name`, which the list lacks: `*` covers every name but
    /// `authorization`.
    ///
    /// <https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name>
    pub(crate) fn allows_unlisted_request_header(&self, name: &[u8]) -> bool {
        self.request_headers.is_any() && !is_cors_non_wildcard_request_header_name(name)
    }

    /// The `Access-Control-Expose-Headers` value the policy sends on allowed actual
    /// responses, if any: the configured names joined by `, `, or `*`. The same bytes every
    /// time, so an adapter can convert it once into its own header-value type.
    pub fn exposed_headers_value(&self) -> Option<&str> {
        Some(self.expose_headers.as_str()).filter(|value| !value.is_empty())
    }

    /// The `Access-Control-Max-Age` value the policy sends on allowed preflights, if any
    /// (decimal seconds): like [`Policy::exposed_headers_value`], fixed once built.
    pub fn max_age_value(&self) -> Option<&str> {
        Some(self.max_age.as_str()).filter(|value| !value.is_empty())
    }
}
