//! Convert header names to a sorted-lowercase set, without allocating.
//!
//! The set is built by binary insertion into a fixed array of at most [`MAX_HEADER_COUNT`]
//! names (4 KiB): each name is looked up among the distinct names kept so far, compared as
//! lowercase bytes, and put in its place unless it is there already, so the first
//! spelling of each name is the one kept. That is `O(n log n)` name comparisons and at
//! most `n²/2` pointer moves for `n` names, read once each. The set is 4 KiB and is moved
//! and cloned by value (a preflighted request keeps one): mind it on a small stack.
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
/// order. Each item is the first spelling of its name in `names` (any casing); lowercase it
/// on output, for example with [`write_lowercase`].
#[derive(Clone, Debug)]
pub struct SortedLowercaseSet<'a> {
    /// The distinct names, sorted, in `..len`.
    names: [&'a [u8]; MAX_HEADER_COUNT],
    len: usize,
    /// The index of the next name produced.
    next: usize,
}

impl<'a> SortedLowercaseSet<'a> {
    /// The set of `names`. Only the first [`MAX_HEADER_COUNT`] names are read; callers
    /// pass lists already checked against that limit.
    pub fn new(names: impl IntoIterator<Item = &'a [u8]>) -> Self {
        let mut set = Self {
            names: [&[]; MAX_HEADER_COUNT],
            len: 0,
            next: 0,
        };
        for name in names.into_iter().take(MAX_HEADER_COUNT) {
            set.insert(name);
        }
        set
    }

    /// Puts `name` in its place among the sorted names, unless a name equal to it but for
    /// case is there already (its first spelling stays).
    fn insert(&mut self, name: &'a [u8]) {
        let sorted = self.names.get(..self.len).unwrap_or_default();
        let Err(at) = sorted.binary_search_by(|probe| cmp_lowercase(probe, name)) else {
            return;
        };
        // `len` < `MAX_HEADER_COUNT`: at most that many names are inserted.
        if let Some(tail) = self.names.get_mut(at..=self.len) {
            if let Some(last) = tail.last_mut() {
                *last = name;
            }
            tail.rotate_right(1);
            self.len += 1;
        }
    }

    /// The names not produced yet.
    fn rest(&self) -> &[&'a [u8]] {
        self.names.get(self.next..self.len).unwrap_or_default()
    }
}

impl<'a> Iterator for SortedLowercaseSet<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let name = self.rest().first().copied()?;
        self.next += 1;
        Some(name)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = self.rest().len();
        (len, Some(len))
    }
}

impl ExactSizeIterator for SortedLowercaseSet<'_> {}

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
    extern crate std;

    use std::vec::Vec;

    use super::*;

    /// The spec's definition, in its own steps: byte-lowercase every name, sort them in
    /// byte order, remove duplicates.
    fn spec_set(names: &[&[u8]]) -> Vec<Vec<u8>> {
        let mut set: Vec<Vec<u8>> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
        set.sort();
        set.dedup();
        set
    }

    /// A list of `count` names of up to `longest` bytes from a few bytes that sort around
    /// each other in both cases (`-` < `1` < `A` < `Z` < `[` < `_` < `a` < `z`, and two
    /// non-ASCII bytes that lowercasing leaves alone), pseudo-random from `seed`.
    fn generated(seed: u32, count: usize, longest: usize) -> Vec<Vec<u8>> {
        const BYTES: &[u8] = b"-1aAbBzZ[_\xc1\xe1";
        let mut state = seed;
        let mut next = move || {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            usize::try_from(state >> 16).unwrap_or_default()
        };
        (0..count)
            .map(|_| {
                let len = next() % (longest + 1);
                (0..len)
                    .map(|_| BYTES.get(next() % BYTES.len()).copied().unwrap_or(b'a'))
                    .collect()
            })
            .collect()
    }

    /// 300 distinct names in reverse order, every other one uppercase: only the first 256
    /// are read, and they fill the array.
    fn distinct_reversed() -> Vec<Vec<u8>> {
        (0..300)
            .map(|i| {
                let name = std::format!("x-h{:03}", 300 - i).into_bytes();
                if i % 2 == 0 {
                    name.to_ascii_uppercase()
                } else {
                    name
                }
            })
            .collect()
    }

    #[test]
    fn agrees_with_the_specs_definition_and_keeps_first_spellings() {
        let mut compared = 0;
        let mut full = false;
        // Lists of up to 40 short names (many equal but for case), two of 300 names of up
        // to 6 bytes, and 300 distinct names.
        let lists = (0..400u32)
            .map(|seed| generated(seed, (seed % 41) as usize, 3))
            .chain([
                generated(8, 300, 6),
                generated(9, 300, 6),
                distinct_reversed(),
            ]);
        for (at, owned) in lists.enumerate() {
            let names: Vec<&[u8]> = owned.iter().map(Vec::as_slice).collect();
            let read = names.get(..MAX_HEADER_COUNT).unwrap_or(&names);
            let ours: Vec<&[u8]> = SortedLowercaseSet::new(names.iter().copied()).collect();
            let lowered: Vec<Vec<u8>> = ours.iter().map(|n| n.to_ascii_lowercase()).collect();
            assert_eq!(lowered, spec_set(read), "list {at}");
            for name in &ours {
                let first = read.iter().find(|n| n.eq_ignore_ascii_case(name));
                assert_eq!(first, Some(name), "list {at}: not the first spelling");
            }
            compared += ours.len();
            full |= ours.len() == MAX_HEADER_COUNT;
        }
        assert!(compared > 2_000, "{compared} names compared");
        assert!(full, "no list filled the array");
    }

    #[test]
    fn the_set_reports_its_exact_size() {
        let names: [&[u8]; 5] = [b"b", b"A", b"a", b"c", b"B"];
        let mut set = SortedLowercaseSet::new(names);
        assert_eq!(set.len(), 3);
        assert_eq!(set.next(), Some(&b"A"[..]));
        assert_eq!(set.size_hint(), (2, Some(2)));
    }

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
