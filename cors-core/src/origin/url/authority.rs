//! The authority, host, port and file host states.
//!
//! <https://url.spec.whatwg.org/#authority-state>

use super::UrlFailure;
use super::input::Input;
use super::parser::Context;
use crate::byte_set::ByteSet;
use crate::limits::{MAX_AUTHORITY_LEN, MAX_HOST_LEN};
use crate::origin::host::{DomainString, HostParseError, HostShape, parse_host, parse_host_into};
use crate::origin::scheme::SpecialScheme;

/// Whether `c` ends the authority: the EOF code point is handled by the callers; U+002F (/),
/// U+003F (?), U+0023 (#), and U+005C (\) when the URL is special.
fn ends_authority(c: char, special: bool) -> bool {
    matches!(c, '/' | '?' | '#') || (special && c == '\\')
}

/// [`ends_authority`] of a byte. These code points are ASCII, and no byte of a multi-byte
/// UTF-8 sequence is ASCII, so the first such byte of a string starts the first such code
/// point; none is an ASCII tab or newline, so skipping those does not move it.
///
/// <https://url.spec.whatwg.org/#authority-state>
fn ends_authority_byte(byte: u8, special: bool) -> bool {
    ends_authority(char::from(byte), special)
}

/// The authority state, then the host state and port state: returns the host and port.
///
/// Userinfo never affects the origin: the host starts after the last U+0040 (@) of the
/// authority, which is where the authority state hands over to the host state.
///
/// The host's text, for a domain or an opaque host, is written to `text`.
///
/// <https://url.spec.whatwg.org/#authority-state>
pub(super) fn parse_authority(
    input: &mut Input<'_>,
    special: bool,
    scheme: Option<SpecialScheme>,
    context: &Context<'_, '_>,
    text: &mut DomainString,
) -> Result<(HostShape, Option<u16>), UrlFailure> {
    let (host_start, at_sign_seen) = match find_host_start_in_bytes(input, special) {
        Some(found) => found,
        None => find_host_start(input, special)?,
    };
    // 2. Otherwise, if c is the EOF code point, U+002F (/), U+003F (?), or U+0023 (#), or url
    // is special and c is U+005C (\): if atSignSeen is true and buffer is the empty string,
    // host-missing validation error, return failure.
    if at_sign_seen && host_start.peek().is_none_or(|c| ends_authority(c, special)) {
        return Err(UrlFailure::HostMissing);
    }
    *input = host_start;
    host_state(input, special, scheme, context, text)
}

/// The authority state's scan, code point by code point: where the host starts (after the
/// last U+0040 (@) of the authority, or at its start) and whether there was an `@`.
///
/// <https://url.spec.whatwg.org/#authority-state>
pub(super) fn find_host_start<'i>(
    input: &Input<'i>,
    special: bool,
) -> Result<(Input<'i>, bool), UrlFailure> {
    let mut scan = input.clone();
    let mut host_start = input.clone();
    let mut at_sign_seen = false;
    let mut length = 0usize;
    while let Some(c) = scan.next().filter(|&c| !ends_authority(c, special)) {
        length += 1;
        if length > MAX_AUTHORITY_LEN {
            return Err(UrlFailure::TooLong);
        }
        // 1. If c is U+0040 (@), then: ... set atSignSeen to true; the buffer (userinfo) is
        // consumed and emptied.
        if c == '@' {
            at_sign_seen = true;
            host_start = scan.clone();
        }
    }
    Ok((host_start, at_sign_seen))
}

/// The bytes [`find_host_start_in_bytes`] stops at: U+0040 (@), and every byte for which
/// [`ends_authority_byte`] holds (U+005C (\\) for any URL), computed at compile time.
const AUTHORITY_SCAN_STOPS: ByteSet =
    byte_set!(|byte| matches!(byte, b'@' | b'/' | b'?' | b'#' | b'\\'));

/// [`find_host_start`] over bytes, when the authority is at most [`MAX_AUTHORITY_LEN`]
/// bytes; `None` (a longer authority, whose code points [`find_host_start`] counts) leaves
/// the scan to it.
///
/// The same answer, input position included: the authority ends at the first byte for
/// which [`ends_authority_byte`] holds, an `@` is one byte, and the host starts right after the last
/// one, where the code point scan would leave it (ASCII tab or newline, skipped by that
/// scan, end nothing and are skipped when the host is read). An authority of at most
/// [`MAX_AUTHORITY_LEN`] bytes has at most that many code points: never too long.
///
/// <https://url.spec.whatwg.org/#authority-state>
pub(super) fn find_host_start_in_bytes<'i>(
    input: &Input<'i>,
    special: bool,
) -> Option<(Input<'i>, bool)> {
    let rest = input.rest().as_bytes();
    // At most MAX_AUTHORITY_LEN + 1 bytes are read.
    let window = rest.get(..=MAX_AUTHORITY_LEN).unwrap_or(rest);
    let mut ended = false;
    let mut last_at_sign = None;
    for (index, &byte) in window.iter().enumerate() {
        if !AUTHORITY_SCAN_STOPS.contains(byte) {
            continue;
        }
        if byte == b'@' {
            last_at_sign = Some(index);
        } else if ends_authority_byte(byte, special) {
            ended = true;
            break;
        }
    }
    if !ended && rest.len() > MAX_AUTHORITY_LEN {
        return None;
    }
    let mut host_start = input.clone();
    match last_at_sign {
        Some(at) => {
            host_start.skip_bytes(at + 1);
            Some((host_start, true))
        }
        None => Some((host_start, false)),
    }
}

/// The host state (and hostname state) and, after a U+003A (:), the port state.
///
/// <https://url.spec.whatwg.org/#host-state>
fn host_state(
    input: &mut Input<'_>,
    special: bool,
    scheme: Option<SpecialScheme>,
    context: &Context<'_, '_>,
    text: &mut DomainString,
) -> Result<(HostShape, Option<u16>), UrlFailure> {
    let mut buffer = DomainString::new();
    let (host, saw_colon) = match cut_host(input, special) {
        Some(cut) => cut,
        None => {
            let saw_colon = read_host(input, special, &mut buffer)?;
            (buffer.as_str(), saw_colon)
        }
    };
    // 2.1. If buffer is the empty string, host-missing validation error, return failure.
    // 3.1. (at the end of the host) If url is special and buffer is the empty string,
    // host-missing validation error, return failure.
    if host.is_empty() && (saw_colon || special) {
        return Err(UrlFailure::HostMissing);
    }
    // Let host be the result of host parsing buffer with url is not special.
    // If host is failure, then return failure.
    let host =
        parse_host_into(host, !special, context.idna, text).map_err(UrlFailure::InvalidHost)?;
    let port = if saw_colon {
        port_state(input, special, scheme)?
    } else {
        None
    };
    Ok((host, port))
}

/// The host state's loop, code point by code point: appends the host to `buffer` and
/// returns whether it ended at a U+003A (:) outside brackets (consumed), else at the end of
/// the authority (not consumed).
///
/// <https://url.spec.whatwg.org/#host-state>
pub(super) fn read_host(
    input: &mut Input<'_>,
    special: bool,
    buffer: &mut DomainString,
) -> Result<bool, UrlFailure> {
    let mut inside_brackets = false;
    while let Some(c) = input.peek().filter(|&c| !ends_authority(c, special)) {
        input.next();
        // 2. Otherwise, if c is U+003A (:) and insideBrackets is false: the host ends and the
        // port state begins.
        if c == ':' && !inside_brackets {
            return Ok(true);
        }
        // 4. Otherwise: if c is U+005B ([), set insideBrackets to true; if c is U+005D (]),
        // set insideBrackets to false; append c to buffer.
        match c {
            '[' => inside_brackets = true,
            ']' => inside_brackets = false,
            _ => {}
        }
        buffer
            .push(c)
            .map_err(|_| UrlFailure::InvalidHost(HostParseError::TooLong))?;
    }
    Ok(false)
}

/// The bytes that stop [`cut_host`]: ASCII tab and newline, `[` and `]`, `:`, and every
/// byte that [`ends_authority_byte`] (U+005C (\\) for any URL), computed at compile time.
const HOST_CUT_STOPS: ByteSet = byte_set!(|byte| matches!(
    byte,
    b'\t' | b'\n' | b'\r' | b'[' | b']' | b':' | b'/' | b'?' | b'#' | b'\\'
));

/// [`read_host`] over bytes, without copying: the host as a slice of the input and whether
/// it ended at a `:`, the input left where [`read_host`] leaves it. `None` leaves the host to
/// [`read_host`]: a host with an ASCII tab or newline (skipped, so not a slice), a `[` or
/// `]` (brackets decide which `:` ends the host), a `\` in a URL that is not special, or
/// more than [`MAX_HOST_LEN`] bytes (which [`read_host`] reports as too long).
///
/// Up to the first byte of [`HOST_CUT_STOPS`] every code point is appended by the host
/// state as it is, with insideBrackets false; that byte is ASCII, so it is a code point,
/// and when it is `:` or ends the authority (or there is none) the host state stops there.
///
/// <https://url.spec.whatwg.org/#host-state>
pub(super) fn cut_host<'i>(input: &mut Input<'i>, special: bool) -> Option<(&'i str, bool)> {
    let rest = input.rest();
    let bytes = rest.as_bytes();
    // At most MAX_HOST_LEN + 1 bytes are read.
    let window = bytes.get(..=MAX_HOST_LEN).unwrap_or(bytes);
    let end = window
        .iter()
        .position(|&byte| HOST_CUT_STOPS.contains(byte))
        .unwrap_or(window.len());
    if end > MAX_HOST_LEN {
        return None;
    }
    let host = rest.get(..end)?;
    let saw_colon = match bytes.get(end) {
        None => false,
        Some(b':') => true,
        Some(&byte) if ends_authority_byte(byte, special) => false,
        Some(_) => return None,
    };
    input.skip_bytes(end + usize::from(saw_colon));
    Some((host, saw_colon))
}

/// The port state: digits up to the end of the authority; a port equal to the scheme's
/// default port is null.
///
/// <https://url.spec.whatwg.org/#port-state>
fn port_state(
    input: &mut Input<'_>,
    special: bool,
    scheme: Option<SpecialScheme>,
) -> Result<Option<u16>, UrlFailure> {
    let mut value = 0u32;
    let mut digits = 0usize;
    while let Some(c) = input.peek().filter(|&c| !ends_authority(c, special)) {
        input.next();
        // 1. If c is an ASCII digit, append c to buffer.
        // 3. Otherwise, port-invalid validation error, return failure.
        let digit = c.to_digit(10).ok_or(UrlFailure::InvalidPort)?;
        // 2.1.2. If port is greater than 2^16 − 1, port-out-of-range validation error,
        // return failure. (Checked as digits arrive: the value only grows.)
        value = value * 10 + digit;
        if value > u32::from(u16::MAX) {
            return Err(UrlFailure::PortOutOfRange);
        }
        digits += 1;
    }
    if digits == 0 {
        return Ok(None);
    }
    let port = u16::try_from(value).map_err(|_| UrlFailure::PortOutOfRange)?;
    // 2.1.3. Set url's port to null, if port is url's scheme's default port.
    Ok((scheme.and_then(SpecialScheme::default_port) != Some(port)).then_some(port))
}

/// The file host state: a Windows drive letter is a path, an empty buffer the empty host;
/// anything else goes through the host parser and may fail.
///
/// <https://url.spec.whatwg.org/#file-host-state>
pub(super) fn parse_file_host(
    input: &mut Input<'_>,
    context: &Context<'_, '_>,
) -> Result<(), UrlFailure> {
    let mut buffer = DomainString::new();
    while let Some(c) = input.peek().filter(|&c| !ends_authority(c, true)) {
        input.next();
        buffer
            .push(c)
            .map_err(|_| UrlFailure::InvalidHost(HostParseError::TooLong))?;
    }
    // 1.1. If state override is not given and buffer is a Windows drive letter, file-invalid-
    // Windows-drive-letter-host validation error, set state to path state.
    // 1.2. Otherwise, if buffer is the empty string, set url's host to the empty string.
    if is_windows_drive_letter(&buffer) || buffer.is_empty() {
        return Ok(());
    }
    // 1.3.1-1.3.2. Let host be the result of host parsing buffer with url is not special.
    // If host is failure, then return failure.
    parse_host(&buffer, false, context.idna).map_err(UrlFailure::InvalidHost)?;
    Ok(())
}

/// A Windows drive letter: an ASCII alpha followed by U+003A (:) or U+007C (|).
///
/// <https://url.spec.whatwg.org/#windows-drive-letter>
fn is_windows_drive_letter(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(letter), Some(':' | '|'), None) if letter.is_ascii_alphabetic()
    )
}
