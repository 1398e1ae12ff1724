//! Convert header names to a sorted-lowercase set, without allocating.
//!
//! The set is produced in order by repeated selection: each step scans the names for the
//! smallest one, compared as lowercase bytes, that is greater than the one produced last.
//! With at most [`MAX_HEADER_COUNT`] names that is at most `MAX_HEADER_COUNT²` name
//! comparisons, and no storage.
//!
//! <https://fetch.spec.whatwg.org/#convert-header-names-to-a-sorted-lowercase-set>

use core::cmp::Ordering;

use crate::limits::MAX_HEADER_COUNT;

/// Compares `a` and `b` as if both were byte-lowercased: the "byte less than" order of the
/// sorted-lowercase set.
pub fn cmp_lowercase(a: &[u8], b: &[u8]) -> Ordering {
    for (&x, &y) in a.iter().zip(b) {
        // Only bytes that differ need lowercasing.
        if x != y {
            let (x, y) = (x.to_ascii_lowercase(), y.to_ascii_lowercase());
            if x != y {
                return x.cmp(&y);
            }
        }
    }
    // One is a prefix of the other: the shorter sorts first.
    a.len().cmp(&b.len())
}

/// The distinct names of `names`, compared byte-case-insensitively, in lowercase byte
/// order. Each item is one of the original names (any casing); lowercase it on output, for
/// example with [`write_lowercase`].
#[derive(Clone, Debug)]
pub struct SortedLowercaseSet<'a, I> {
    names: I,
    last: Option<&'a [u8]>,
    produced: usize,
}

impl<'a, I: Iterator<Item = &'a [u8]> + Clone> SortedLowercaseSet<'a, I> {
    /// The set of `names`. Only the first [`MAX_HEADER_COUNT`] names are read; callers
    /// pass lists already checked against that limit.
    pub const fn new(names: I) -> Self {
        Self {
            names,
            last: None,
            produced: 0,
        }
    }
}

impl<'a, I: Iterator<Item = &'a [u8]> + Clone> Iterator for SortedLowercaseSet<'a, I> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        if self.produced >= MAX_HEADER_COUNT {
            return None;
        }
        let last = self.last;
        let next = self
            .names
            .clone()
            .take(MAX_HEADER_COUNT)
            .filter(|name| last.is_none_or(|last| cmp_lowercase(name, last) == Ordering::Greater))
            .min_by(|a, b| cmp_lowercase(a, b))?;
        self.last = Some(next);
        self.produced += 1;
        Some(next)
    }
}

/// Writes `name` byte-lowercased to `out`. Header names are tokens, so ASCII.
pub fn write_lowercase(out: &mut dyn core::fmt::Write, name: &[u8]) -> core::fmt::Result {
    name.iter()
        .try_for_each(|&b| out.write_char(char::from(b.to_ascii_lowercase())))
}

/// Writes the names of `set` lowercased, separated by `separator`: with `","` this is the
/// value of `Access-Control-Request-Headers` a browser sends (no space after the comma).
pub fn write_joined<'a>(
    out: &mut dyn core::fmt::Write,
    set: impl Iterator<Item = &'a [u8]>,
    separator: &str,
) -> core::fmt::Result {
    for (i, name) in set.enumerate() {
        if i > 0 {
            out.write_str(separator)?;
        }
        write_lowercase(out, name)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preflight_example_from_web_platform_tests() {
        // cors-preflight.any.js: the names sort with `-` before `1`.
        let names: [&[u8]; 8] = [
            b"x-test-header1",
            b"x-test-header2",
            b"X-test-header3",
            b"x-test-header-b",
            b"x-test-header-D",
            b"x-test-header-C",
            b"x-test-header-a",
            b"Content-Type",
        ];
        let mut out = heapless::String::<256>::new();
        let written = write_joined(
            &mut out,
            SortedLowercaseSet::new(names.iter().copied()),
            ",",
        );
        assert!(written.is_ok());
        assert_eq!(
            out,
            "content-type,x-test-header-a,x-test-header-b,x-test-header-c,x-test-header-d,x-test-header1,x-test-header2,x-test-header3"
        );
    }

    #[test]
    fn compares_as_if_lowercased() {
        let names: [&[u8]; 14] = [
            b"",
            b"a",
            b"A",
            b"Z",
            b"z",
            b"[",
            b"@",
            b"`",
            b"{",
            b"\xc1",
            b"\xe1",
            b"content-type",
            b"Content-Type-Extra",
            b"CONTENT-TYPE",
        ];
        for a in names {
            for b in names {
                let lower = |s: &[u8]| s.to_ascii_lowercase();
                assert_eq!(cmp_lowercase(a, b), lower(a).cmp(&lower(b)), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn duplicates_differing_in_case_appear_once() {
        let names: [&[u8]; 4] = [b"B", b"a", b"b", b"A"];
        let set: heapless::Vec<&[u8], 4> = SortedLowercaseSet::new(names.iter().copied()).collect();
        assert_eq!(set.len(), 2);
        assert!(set[0].eq_ignore_ascii_case(b"a") && set[1].eq_ignore_ascii_case(b"b"));
    }
}
