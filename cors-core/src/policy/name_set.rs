//! [`NameSet`]: the configured methods or request-header names, or "any" (`*`), looked up
//! by key.

use core::cmp::Ordering;

use crate::http::names::cmp_lowercase;
use crate::http::swar::NameKey;

/// The most names a [`NameSet`] scans rather than binary-searches.
const LINEAR_SEARCH_MAX: usize = 8;

/// A set of names, or "any" (`*`), each kept with its [`NameKey`].
///
/// A lookup computes the key of the name asked for once and compares keys: a length and two
/// words, which settle every comparison of names up to sixteen bytes (nearly all method
/// and header names); longer names with equal keys are compared byte by byte. Up to
/// [`LINEAR_SEARCH_MAX`] names are scanned, more are binary-searched in key order.
#[derive(Clone, Debug)]
pub(crate) struct NameSet<'c, const N: usize> {
    any: bool,
    names: heapless::Vec<(NameKey, &'c str), N>,
    ignore_case: bool,
}

impl<'c, const N: usize> NameSet<'c, N> {
    /// The names of `list` (at most `N`); `*` sets "any". `ignore_case` makes the set
    /// byte-case-insensitive.
    pub(crate) fn new(list: &[&'c str], ignore_case: bool) -> Self {
        let mut set = Self {
            any: false,
            names: heapless::Vec::new(),
            ignore_case,
        };
        for &name in list.iter().take(N) {
            if name == "*" {
                set.any = true;
            } else {
                // At most N names are taken, so this never fails.
                let _ = set
                    .names
                    .push((NameKey::of(name.as_bytes(), ignore_case), name));
            }
        }
        set.names
            .sort_unstable_by(|(key, name), (other_key, other)| {
                set_order(
                    key,
                    other_key,
                    name.as_bytes(),
                    other.as_bytes(),
                    ignore_case,
                )
            });
        set
    }

    /// Whether `name` is listed (under the set's case rule); `*` is not consulted.
    pub(crate) fn lists(&self, name: &[u8]) -> bool {
        let key = NameKey::of(name, self.ignore_case);
        let order = |(listed_key, listed): &(NameKey, &str)| {
            set_order(listed_key, &key, listed.as_bytes(), name, self.ignore_case)
        };
        if self.names.len() <= LINEAR_SEARCH_MAX {
            return self
                .names
                .iter()
                .any(|entry| entry.0 == key && order(entry) == Ordering::Equal);
        }
        self.names.binary_search_by(order).is_ok()
    }

    /// Whether the set is `*`.
    pub(crate) const fn is_any(&self) -> bool {
        self.any
    }
}

/// The order of a [`NameSet`]: by key, then (for long names with equal keys) by bytes,
/// lowercased when the set ignores case. Any total order consistent with the set's
/// equality serves the binary search; this one settles nearly every comparison on the keys.
fn set_order(a_key: &NameKey, b_key: &NameKey, a: &[u8], b: &[u8], ignore_case: bool) -> Ordering {
    match a_key.cmp(b_key) {
        Ordering::Equal if a_key.is_whole() => Ordering::Equal,
        Ordering::Equal if ignore_case => cmp_lowercase(a, b),
        Ordering::Equal => a.cmp(b),
        by_key => by_key,
    }
}
