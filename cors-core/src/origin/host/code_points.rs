//! Code point classes of the URL Standard.

/// A forbidden host code point.
///
/// > U+0000 NULL, U+0009 TAB, U+000A LF, U+000D CR, U+0020 SPACE, U+0023 (#), U+002F (/),
/// > U+003A (:), U+003C (<), U+003E (>), U+003F (?), U+0040 (@), U+005B ([), U+005C (\),
/// > U+005D (]), U+005E (^), or U+007C (|).
///
/// <https://url.spec.whatwg.org/#forbidden-host-code-point>
pub(crate) fn is_forbidden_host_code_point(c: char) -> bool {
    matches!(
        c,
        '\0' | '\t'
            | '\n'
            | '\r'
            | ' '
            | '#'
            | '/'
            | ':'
            | '<'
            | '>'
            | '?'
            | '@'
            | '['
            | '\\'
            | ']'
            | '^'
            | '|'
    )
}

/// A forbidden domain code point: a forbidden host code point, a C0 control, U+0025 (%) or
/// U+007F DELETE.
///
/// <https://url.spec.whatwg.org/#forbidden-domain-code-point>
pub(crate) fn is_forbidden_domain_code_point(c: char) -> bool {
    is_forbidden_host_code_point(c) || is_c0_control(c) || c == '%' || c == '\u{7f}'
}

/// A C0 control: U+0000 NULL to U+001F.
///
/// <https://infra.spec.whatwg.org/#c0-control>
pub(crate) fn is_c0_control(c: char) -> bool {
    c <= '\u{1f}'
}
