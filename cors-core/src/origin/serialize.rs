//! The ASCII serialization of an origin, into a `core::fmt::Write` or a caller's buffer.
//!
//! <https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin>

use core::fmt;

use super::{Origin, TupleOrigin};

/// The caller's buffer is too small for the serialization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CapacityError {
    /// The bytes the serialization needs.
    pub needed: usize,
}

impl fmt::Display for CapacityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "buffer too small: the serialization needs {} bytes",
            self.needed
        )
    }
}

impl core::error::Error for CapacityError {}

impl TupleOrigin<'_> {
    /// Writes the ASCII serialization of this tuple origin.
    ///
    /// <https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin>
    pub fn write_ascii<W: fmt::Write>(&self, out: &mut W) -> fmt::Result {
        // Step 2. Let result be origin's scheme. Step 3. Append "://" to result.
        out.write_str(self.scheme)?;
        out.write_str("://")?;
        // Step 4. Append origin's host, serialized, to result.
        self.host.write_serialization(out)?;
        // Step 5. If origin's port is non-null, append a U+003A COLON character (:), and
        // origin's port, serialized, to result.
        if let Some(port) = self.port {
            write!(out, ":{port}")?;
        }
        // Step 6. Return result.
        Ok(())
    }
}

impl Origin<'_> {
    /// Writes the ASCII serialization of this origin: `null` when opaque.
    ///
    /// <https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin>
    pub fn write_ascii<W: fmt::Write>(&self, out: &mut W) -> fmt::Result {
        match self {
            // Step 1. If origin is an opaque origin, then return "null".
            Self::Opaque(_) => out.write_str("null"),
            Self::Tuple(tuple) => tuple.write_ascii(out),
        }
    }

    /// Writes the ASCII serialization into `buf` and returns the written part.
    ///
    /// The byte serialization of an origin (isomorphic encoding of the ASCII serialization)
    /// is the same bytes: use [`str::as_bytes`] on the result.
    pub fn serialize_into<'b>(&self, buf: &'b mut [u8]) -> Result<&'b str, CapacityError> {
        let mut writer = SliceWriter { buf, len: 0 };
        if self.write_ascii(&mut writer).is_err() {
            return Err(CapacityError {
                needed: serialized_len(self),
            });
        }
        let SliceWriter { buf, len } = writer;
        let written = buf.get(..len).unwrap_or(&[]);
        core::str::from_utf8(written).map_err(|_| CapacityError { needed: len })
    }
}

impl fmt::Display for Origin<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_ascii(f)
    }
}

impl fmt::Display for TupleOrigin<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_ascii(f)
    }
}

/// The length in bytes of the ASCII serialization of `origin`.
pub fn serialized_len(origin: &Origin<'_>) -> usize {
    let mut counter = LenCounter(0);
    // Counting never fails.
    let _ = origin.write_ascii(&mut counter);
    counter.0
}

/// A `fmt::Write` that only counts bytes.
struct LenCounter(usize);

impl fmt::Write for LenCounter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}

/// A `fmt::Write` into a byte slice that fails when the slice is full.
struct SliceWriter<'b> {
    buf: &'b mut [u8],
    len: usize,
}

impl fmt::Write for SliceWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        let target = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        target.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}
