//! MIME types: the MIME Sniffing Standard's "parse a MIME type" and "serialize a MIME type",
//! run on bytes.
//!
//! The standard parses a string. A header value reaches it isomorphically decoded (byte 0xNN
//! is code point U+00NN), so the parser runs on the bytes directly and every code point it can
//! meet is at most U+00FF. Nothing is copied: a [`MimeType`] borrows the input; its type,
//! subtype and parameter names keep their case as written (the record the standard builds
//! holds them in ASCII lowercase, so compare them ASCII-case-insensitively, as
//! [`MimeType::essence_eq`] and [`Parameter::name_eq`] do); parameter values keep their
//! escapes until read through [`Parameter::value`]. The parameters are produced on demand by
//! re-running the standard's parameter steps over the input.
//!
//! # Limits
//!
//! - Input longer than [`MAX_MIME_TYPE_LEN`] bytes is refused ([`MimeError::TooLong`])
//!   before any byte is examined.
//! - The standard keeps the first occurrence of a parameter name; without allocation that
//!   means looking back over the earlier parameters. To bound that work, only the first
//!   [`MAX_MIME_PARAMETERS`] parameters with a valid name and value (kept, or dropped as a
//!   repeat of an earlier name) are examined: no more parameters are examined after them, so
//!   the MIME type has none beyond them. Parameters dropped as invalid cost no look-back and
//!   do not count. No MIME type met in practice comes close.
//!
//! <https://mimesniff.spec.whatwg.org/#parsing-a-mime-type>

use core::fmt;

use super::header::{is_http_whitespace_byte, is_token_byte, normalize_header_value};
use crate::limits::{MAX_MIME_PARAMETERS, MAX_MIME_TYPE_LEN};

/// Whether `byte` is an HTTP quoted-string token code point: U+0009 TAB, U+0020 SPACE to
/// U+007E (`~`), or U+0080 to U+00FF.
///
/// <https://mimesniff.spec.whatwg.org/#http-quoted-string-token-code-point>
pub const fn is_http_quoted_string_token_byte(byte: u8) -> bool {
    matches!(byte, b'\t' | 0x20..=0x7E | 0x80..=0xFF)
}

/// Why a byte sequence is not a MIME type.
///
/// Positions are byte offsets into the input as given (leading whitespace included).
///
/// <https://mimesniff.spec.whatwg.org/#parse-a-mime-type>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MimeError {
    /// The input is longer than [`MAX_MIME_TYPE_LEN`] bytes.
    TooLong,
    /// The type is empty: the input is empty or HTTP whitespace, or starts with `/` (step 4).
    EmptyType,
    /// The type has a byte that is not an HTTP token code point, at `at` (step 4).
    InvalidType {
        /// Offset of the first such byte.
        at: usize,
    },
    /// There is no `/` after the type (step 5).
    NoSlash,
    /// The subtype is empty once trailing HTTP whitespace is removed (step 9).
    EmptySubtype,
    /// The subtype has a byte that is not an HTTP token code point, at `at` (step 9).
    InvalidSubtype {
        /// Offset of the first such byte.
        at: usize,
    },
}

impl fmt::Display for MimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLong => write!(f, "a MIME type longer than {MAX_MIME_TYPE_LEN} bytes"),
            Self::EmptyType => f.write_str("the MIME type's type is empty"),
            Self::InvalidType { at } => {
                write!(f, "the MIME type's type has a non-token byte at {at}")
            }
            Self::NoSlash => f.write_str("no `/` after the MIME type's type"),
            Self::EmptySubtype => f.write_str("the MIME type's subtype is empty"),
            Self::InvalidSubtype { at } => {
                write!(f, "the MIME type's subtype has a non-token byte at {at}")
            }
        }
    }
}

/// A MIME type parsed from bytes, borrowing them.
///
/// <https://mimesniff.spec.whatwg.org/#mime-type>
#[derive(Clone, Copy, Debug)]
pub struct MimeType<'a> {
    type_: &'a [u8],
    subtype: &'a [u8],
    /// The trimmed input after the subtype: empty, or starting with `;`.
    rest: &'a [u8],
}

/// Parses `input` as a MIME type ("parse a MIME type" on its isomorphic decoding).
///
/// Parameters never make parsing fail: an invalid one is ignored, as the standard says.
///
/// <https://mimesniff.spec.whatwg.org/#parse-a-mime-type>
pub fn parse_mime_type(input: &[u8]) -> Result<MimeType<'_>, MimeError> {
    if input.len() > MAX_MIME_TYPE_LEN {
        return Err(MimeError::TooLong);
    }
    // Step 1: remove leading and trailing HTTP whitespace (remembering how much led, for
    // error positions).
    let lead = input
        .iter()
        .position(|&b| !is_http_whitespace_byte(b))
        .unwrap_or(input.len());
    let input = normalize_header_value(input);
    // Steps 2–3: the type is the code points up to the first `/`.
    let (type_, rest) = collect_until(input, |b| b == b'/');
    // Step 4: the type must be non-empty HTTP token code points.
    if type_.is_empty() {
        return Err(MimeError::EmptyType);
    }
    if let Some(i) = type_.iter().position(|&b| !is_token_byte(b)) {
        return Err(MimeError::InvalidType { at: lead + i });
    }
    // Steps 5–6: there must be a `/`; skip it.
    let Some((_, rest)) = rest.split_first() else {
        return Err(MimeError::NoSlash);
    };
    // Step 7: the subtype is the code points up to the first `;`.
    let (subtype, rest) = collect_until(rest, |b| b == b';');
    // Step 8: remove trailing HTTP whitespace from the subtype.
    let subtype = trim_end_http_whitespace(subtype);
    // Step 9: the subtype must be non-empty HTTP token code points.
    if subtype.is_empty() {
        return Err(MimeError::EmptySubtype);
    }
    if let Some(i) = subtype.iter().position(|&b| !is_token_byte(b)) {
        return Err(MimeError::InvalidSubtype {
            at: lead + type_.len() + 1 + i,
        });
    }
    // Step 10: the record; ASCII lowercasing is applied when compared or serialized.
    // Step 11 runs lazily in `Parameters`.
    Ok(MimeType {
        type_,
        subtype,
        rest,
    })
}

impl<'a> MimeType<'a> {
    /// The type as written; compare it ASCII-case-insensitively.
    ///
    /// <https://mimesniff.spec.whatwg.org/#type>
    pub fn type_(&self) -> &'a [u8] {
        self.type_
    }

    /// The subtype as written, trailing HTTP whitespace removed; compare it
    /// ASCII-case-insensitively.
    ///
    /// <https://mimesniff.spec.whatwg.org/#subtype>
    pub fn subtype(&self) -> &'a [u8] {
        self.subtype
    }

    /// Whether the essence (type, `/`, subtype) is an ASCII-case-insensitive match for
    /// `essence`, such as `b"text/plain"`.
    ///
    /// <https://mimesniff.spec.whatwg.org/#mime-type-essence>
    pub fn essence_eq(&self, essence: &[u8]) -> bool {
        let Some((type_, rest)) = essence.split_at_checked(self.type_.len()) else {
            return false;
        };
        let Some(subtype) = rest.strip_prefix(b"/") else {
            return false;
        };
        type_.eq_ignore_ascii_case(self.type_) && subtype.eq_ignore_ascii_case(self.subtype)
    }

    /// The parameters, in order, with invalid ones and repeats of an earlier name dropped as
    /// the standard's step 11 drops them. At most [`MAX_MIME_PARAMETERS`] parameters with a
    /// valid name and value are examined; after them no more parameters are examined (see
    /// the [module documentation](self)).
    ///
    /// <https://mimesniff.spec.whatwg.org/#parameters>
    pub fn parameters(&self) -> Parameters<'a> {
        Parameters {
            all: self.rest,
            steps: ParameterSteps { rest: self.rest },
            examined: 0,
        }
    }

    /// The parameter whose name is an ASCII-case-insensitive match for `name`, such as
    /// `b"charset"`.
    ///
    /// <https://mimesniff.spec.whatwg.org/#parameters>
    pub fn parameter(&self, name: &[u8]) -> Option<Parameter<'a>> {
        self.parameters().find(|parameter| parameter.name_eq(name))
    }

    /// Writes the serialization ("serialize a MIME type"): the essence in lowercase, then
    /// `;name=value` for each parameter, the name in lowercase and the value quoted, with
    /// `"` and `\` escaped, when it is empty or not all HTTP token code points.
    ///
    /// The output is a string whose code points are all at most U+00FF (a byte 0x80–0xFF
    /// of a value is written as U+0080–U+00FF); isomorphic encode it to get header bytes.
    ///
    /// <https://mimesniff.spec.whatwg.org/#serialize-a-mime-type>
    pub fn write_serialization(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        // Step 1: type, `/`, subtype (lowercase, as the record holds them).
        write_lowercase(out, self.type_)?;
        out.write_char('/')?;
        write_lowercase(out, self.subtype)?;
        // Step 2: each parameter.
        for parameter in self.parameters() {
            parameter.write_serialization(out)?;
        }
        // Step 3: done.
        Ok(())
    }
}

impl fmt::Display for MimeType<'_> {
    /// "Serialize a MIME type": see [`MimeType::write_serialization`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_serialization(f)
    }
}

/// One parameter of a MIME type, borrowed from the input.
///
/// <https://mimesniff.spec.whatwg.org/#parameters>
#[derive(Clone, Copy, Debug)]
pub struct Parameter<'a> {
    name: &'a [u8],
    /// As written: between the quotes, escapes kept, when `quoted`; else trimmed.
    value: &'a [u8],
    quoted: bool,
}

impl<'a> Parameter<'a> {
    /// The name as written; the standard's record holds it in ASCII lowercase, so compare
    /// it with [`Parameter::name_eq`].
    ///
    /// <https://mimesniff.spec.whatwg.org/#parameters>
    pub fn name(&self) -> &'a [u8] {
        self.name
    }

    /// Whether the name is an ASCII-case-insensitive match for `name`.
    ///
    /// <https://mimesniff.spec.whatwg.org/#parameters>
    pub fn name_eq(&self, name: &[u8]) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// The value as written: for a quoted value the bytes between the quotes with their
    /// backslash escapes, else the bytes up to `;` without trailing HTTP whitespace.
    ///
    /// <https://fetch.spec.whatwg.org/#collect-an-http-quoted-string>
    pub fn raw_value(&self) -> &'a [u8] {
        self.value
    }

    /// Whether the value was written as a quoted string.
    ///
    /// <https://fetch.spec.whatwg.org/#collect-an-http-quoted-string>
    pub fn is_quoted(&self) -> bool {
        self.quoted
    }

    /// The value's bytes, escapes removed ("collect an HTTP quoted string" with
    /// extract-value true).
    ///
    /// <https://fetch.spec.whatwg.org/#collect-an-http-quoted-string>
    pub fn value(&self) -> ParameterValue<'a> {
        ParameterValue {
            rest: self.value,
            quoted: self.quoted,
        }
    }

    /// Whether the value, escapes removed, is exactly `expected`.
    ///
    /// <https://mimesniff.spec.whatwg.org/#parameters>
    pub fn value_eq(&self, expected: &[u8]) -> bool {
        self.value().eq(expected.iter().copied())
    }

    /// Whether the value, escapes removed, is an ASCII-case-insensitive match for
    /// `expected` (as `charset` values are compared).
    ///
    /// <https://mimesniff.spec.whatwg.org/#parameters>
    pub fn value_eq_ignore_ascii_case(&self, expected: &[u8]) -> bool {
        self.value()
            .map(|b| b.to_ascii_lowercase())
            .eq(expected.iter().map(u8::to_ascii_lowercase))
    }

    /// Writes `;name=value` as step 2 of "serialize a MIME type" does.
    ///
    /// <https://mimesniff.spec.whatwg.org/#serialize-a-mime-type>
    pub fn write_serialization(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        // Steps 2.1–2.3: `;`, the name (lowercase), `=`.
        out.write_char(';')?;
        write_lowercase(out, self.name)?;
        out.write_char('=')?;
        // Step 2.4: quote a value that is empty or not solely HTTP token code points.
        let mut value = self.value().peekable();
        let token = value.peek().is_some() && value.clone().all(is_token_byte);
        if token {
            // Step 2.5: append the value.
            return value.try_for_each(|b| out.write_char(char::from(b)));
        }
        out.write_char('"')?;
        for b in value {
            // Step 2.4.1: precede `"` and `\` with `\`.
            if matches!(b, b'"' | b'\\') {
                out.write_char('\\')?;
            }
            out.write_char(char::from(b))?;
        }
        out.write_char('"')
    }

    /// Step 11.10's test of name and value: a non-empty name of HTTP token code points and a
    /// value of HTTP quoted-string token code points.
    fn is_valid(&self) -> bool {
        !self.name.is_empty()
            && self.name.iter().all(|&b| is_token_byte(b))
            && self.value().all(is_http_quoted_string_token_byte)
    }
}

/// The bytes of a parameter's value with the quoted string's escapes removed.
///
/// <https://fetch.spec.whatwg.org/#collect-an-http-quoted-string>
#[derive(Clone, Debug)]
pub struct ParameterValue<'a> {
    rest: &'a [u8],
    quoted: bool,
}

impl Iterator for ParameterValue<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        let (&byte, rest) = self.rest.split_first()?;
        self.rest = rest;
        if self.quoted && byte == b'\\' {
            // Step 5.5 of "collect an HTTP quoted string": a backslash stands for the code
            // point after it, or for itself at the end of the input.
            if let Some((&escaped, rest)) = self.rest.split_first() {
                self.rest = rest;
                return Some(escaped);
            }
        }
        Some(byte)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = self.rest.len();
        let min = if self.quoted { len.div_ceil(2) } else { len };
        (min, Some(len))
    }
}

/// The parameters of a [`MimeType`], in order, invalid ones and repeats dropped.
///
/// <https://mimesniff.spec.whatwg.org/#parameters>
#[derive(Clone, Debug)]
pub struct Parameters<'a> {
    /// Everything after the subtype, for looking back at earlier parameters.
    all: &'a [u8],
    steps: ParameterSteps<'a>,
    /// How many parameters with a valid name and value were examined.
    examined: usize,
}

impl<'a> Iterator for Parameters<'a> {
    type Item = Parameter<'a>;

    fn next(&mut self) -> Option<Parameter<'a>> {
        // Each pass consumes at least one byte of input, which is at most
        // MAX_MIME_TYPE_LEN bytes long.
        for _ in 0..=MAX_MIME_TYPE_LEN {
            if self.examined >= MAX_MIME_PARAMETERS {
                return None;
            }
            let before = self.steps.rest.len();
            let parameter = self.steps.next_pair()?;
            // Step 11.10: keep a valid name and value whose name is not already set.
            if !parameter.is_valid() {
                continue;
            }
            self.examined += 1;
            if !self.set_before(parameter.name, before) {
                return Some(parameter);
            }
        }
        None
    }
}

impl Parameters<'_> {
    /// Whether a valid parameter named `name` comes before the input's last `before` bytes:
    /// "mimeType's parameters\[parameterName\] exists". The first valid parameter with a name
    /// is the one kept, so any earlier valid one with the same name means it is set.
    fn set_before(&self, name: &[u8], before: usize) -> bool {
        let mut earlier = ParameterSteps { rest: self.all };
        // At most MAX_MIME_PARAMETERS valid parameters come before; each pass consumes at
        // least one byte.
        for _ in 0..=MAX_MIME_TYPE_LEN {
            if earlier.rest.len() <= before {
                return false;
            }
            let Some(parameter) = earlier.next_pair() else {
                return false;
            };
            if parameter.is_valid() && parameter.name.eq_ignore_ascii_case(name) {
                return true;
            }
        }
        false
    }
}

/// Steps 11.1–11.9 of "parse a MIME type" over the input after the subtype, producing every
/// name and value that reaches step 11.10, valid or not.
#[derive(Clone, Copy, Debug)]
struct ParameterSteps<'a> {
    /// The input from `position`: empty, or starting with `;`.
    rest: &'a [u8],
}

impl<'a> ParameterSteps<'a> {
    fn next_pair(&mut self) -> Option<Parameter<'a>> {
        // Each pass consumes at least the `;` of step 11.1.
        for _ in 0..=MAX_MIME_TYPE_LEN {
            // Step 11: while position is not past the end of input.
            // Step 11.1: skip the `;`.
            let (_, rest) = self.rest.split_first()?;
            // Step 11.2: skip HTTP whitespace.
            let start = rest
                .iter()
                .position(|&b| !is_http_whitespace_byte(b))
                .unwrap_or(rest.len());
            let rest = rest.get(start..).unwrap_or_default();
            // Steps 11.3–11.4: the name runs up to `;` or `=` (lowercased when compared).
            let (name, rest) = collect_until(rest, |b| b == b';' || b == b'=');
            // Step 11.5: at `;` there is no value, continue; at `=`, skip it.
            let rest = match rest.split_first() {
                Some((b';', _)) => {
                    self.rest = rest;
                    continue;
                }
                Some((_, after_equals)) => after_equals,
                None => rest,
            };
            // Step 11.6: past the end, break.
            if rest.is_empty() {
                self.rest = rest;
                return None;
            }
            // Steps 11.7–11.8: a quoted value, then everything up to `;` is skipped.
            if let Some(body) = rest.strip_prefix(b"\"") {
                let (value, rest) = collect_quoted_string(body);
                let (_, rest) = collect_until(rest, |b| b == b';');
                self.rest = rest;
                return Some(Parameter {
                    name,
                    value,
                    quoted: true,
                });
            }
            // Step 11.9: an unquoted value up to `;`, trailing HTTP whitespace removed;
            // an empty one is skipped.
            let (value, rest) = collect_until(rest, |b| b == b';');
            self.rest = rest;
            let value = trim_end_http_whitespace(value);
            if value.is_empty() {
                continue;
            }
            return Some(Parameter {
                name,
                value,
                quoted: false,
            });
        }
        None
    }
}

/// "Collect an HTTP quoted string" with extract-value true, from just after the opening
/// `"`: the value as written (escapes kept, see [`ParameterValue`]) and the input after the
/// closing `"` (empty when the string is unterminated).
///
/// <https://fetch.spec.whatwg.org/#collect-an-http-quoted-string>
fn collect_quoted_string(body: &[u8]) -> (&[u8], &[u8]) {
    let mut escaped = false;
    // Step 5: bounded by the input, which parse_mime_type caps at MAX_MIME_TYPE_LEN.
    for (i, &byte) in body.iter().enumerate().take(MAX_MIME_TYPE_LEN) {
        if escaped {
            // Step 5.5.2: the escaped code point is part of the value.
            escaped = false;
        } else if byte == b'\\' {
            // Step 5.5: a backslash escapes the next code point.
            escaped = true;
        } else if byte == b'"' {
            // Step 5.6: the closing quote ends the string.
            let (value, closing) = body.split_at_checked(i).unwrap_or((body, &[]));
            return (value, closing.get(1..).unwrap_or_default());
        }
    }
    // Step 5.2: past the end of input, the string ends unterminated.
    (body, &[])
}

/// "Collect a sequence of code points" that do not satisfy `stop`: the sequence and the
/// input from the first one that does (empty if none).
///
/// <https://infra.spec.whatwg.org/#collect-a-sequence-of-code-points>
fn collect_until(input: &[u8], stop: impl Fn(u8) -> bool) -> (&[u8], &[u8]) {
    let end = input.iter().position(|&b| stop(b)).unwrap_or(input.len());
    input.split_at_checked(end).unwrap_or((input, &[]))
}

/// `bytes` without trailing HTTP whitespace.
fn trim_end_http_whitespace(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .iter()
        .rposition(|&b| !is_http_whitespace_byte(b))
        .map_or(0, |i| i + 1);
    bytes.get(..end).unwrap_or_default()
}

/// Writes `bytes` (HTTP token code points, so ASCII) in ASCII lowercase.
fn write_lowercase(out: &mut dyn fmt::Write, bytes: &[u8]) -> fmt::Result {
    bytes
        .iter()
        .try_for_each(|&b| out.write_char(char::from(b.to_ascii_lowercase())))
}

#[cfg(test)]
#[path = "mime_tests.rs"]
mod tests;
