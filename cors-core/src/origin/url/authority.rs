//! The authority, host, port and file host states.
//!
//! <https://url.spec.whatwg.org/#authority-state>

use super::UrlFailure;
use super::input::Input;
use super::parser::Context;
use crate::limits::MAX_AUTHORITY_LEN;
use crate::origin::host::{DomainString, HostParseError, HostShape, parse_host, parse_host_into};
use crate::origin::scheme::SpecialScheme;

/// Whether `c` ends the authority: the EOF code point is handled by the callers; U+002F (/),
/// U+003F (?), U+0023 (#), and U+005C (\) when the URL is special.
fn ends_authority(c: char, special: bool) -> bool {
    matches!(c, '/' | '?' | '#') || (special && c == '\\')
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
    // 2. Otherwise, if c is the EOF code point, U+002F (/), U+003F (?), or U+0023 (#), or url
    // is special and c is U+005C (\): if atSignSeen is true and buffer is the empty string,
    // host-missing validation error, return failure.
    if at_sign_seen && host_start.peek().is_none_or(|c| ends_authority(c, special)) {
        return Err(UrlFailure::HostMissing);
    }
    *input = host_start;
    host_state(input, special, scheme, context, text)
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
    let mut inside_brackets = false;
    let mut saw_colon = false;
    while let Some(c) = input.peek().filter(|&c| !ends_authority(c, special)) {
        input.next();
        // 2. Otherwise, if c is U+003A (:) and insideBrackets is false: the host ends and the
        // port state begins.
        if c == ':' && !inside_brackets {
            saw_colon = true;
            break;
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
    // 2.1. If buffer is the empty string, host-missing validation error, return failure.
    // 3.1. (at the end of the host) If url is special and buffer is the empty string,
    // host-missing validation error, return failure.
    if buffer.is_empty() && (saw_colon || special) {
        return Err(UrlFailure::HostMissing);
    }
    // Let host be the result of host parsing buffer with url is not special.
    // If host is failure, then return failure.
    let host =
        parse_host_into(&buffer, !special, context.idna, text).map_err(UrlFailure::InvalidHost)?;
    let port = if saw_colon {
        port_state(input, special, scheme)?
    } else {
        None
    };
    Ok((host, port))
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
