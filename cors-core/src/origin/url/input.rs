//! The URL parser's view of its input.

/// The input of the basic URL parser, after its preprocessing: leading and trailing C0
/// control or space removed, and every ASCII tab or newline skipped as it is read.
///
/// <https://url.spec.whatwg.org/#concept-basic-url-parser> steps 1-3.
#[derive(Clone)]
pub(super) struct Input<'i> {
    chars: core::str::Chars<'i>,
}

impl<'i> Input<'i> {
    /// Step 1: remove any leading and trailing C0 control or space from input.
    /// (Step 2, removing ASCII tab or newline, happens in [`Input::next`].)
    pub(super) fn new(input: &'i str) -> Self {
        let trimmed = input.trim_matches(|c| c <= ' ');
        Self {
            chars: trimmed.chars(),
        }
    }

    /// The next code point (c), skipping ASCII tab or newline; `None` is the EOF code point.
    pub(super) fn next(&mut self) -> Option<char> {
        self.chars
            .by_ref()
            .find(|&c| !matches!(c, '\t' | '\n' | '\r'))
    }

    /// The code point [`Input::next`] would return.
    pub(super) fn peek(&self) -> Option<char> {
        self.clone().next()
    }

    /// Consumes the next code point when `pred` holds for it.
    pub(super) fn next_if(&mut self, pred: impl FnOnce(char) -> bool) -> bool {
        let mut ahead = self.clone();
        match ahead.next() {
            Some(c) if pred(c) => {
                *self = ahead;
                true
            }
            _ => false,
        }
    }

    /// The input not yet read, as it is: ASCII tab or newline are not skipped yet.
    pub(super) fn rest(&self) -> &'i str {
        self.chars.as_str()
    }

    /// Skips the first `len` bytes of [`Input::rest`]. The callers pass the offset of an
    /// ASCII byte or the length of the rest, always a char boundary; any other offset would
    /// end the input.
    pub(super) fn skip_bytes(&mut self, len: usize) {
        self.chars = self.rest().get(len..).unwrap_or_default().chars();
    }

    /// Whether the next two code points are both `c`.
    pub(super) fn starts_with_two(&self, c: char) -> bool {
        let mut ahead = self.clone();
        ahead.next() == Some(c) && ahead.next() == Some(c)
    }
}
