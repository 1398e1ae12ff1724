//! The states of the basic URL parser that decide a URL's scheme, host and port.
//!
//! <https://url.spec.whatwg.org/#concept-basic-url-parser>

use super::authority::{parse_authority, parse_file_host};
use super::blob::blob_origin;
use super::input::Input;
use super::{UrlFailure, UrlOrigin};
use crate::origin::host::{DomainString, DomainToAscii};
use crate::origin::scheme::SpecialScheme;

/// A URL's scheme, as far as the parser's branches care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SchemeKind {
    /// A special scheme.
    Special(SpecialScheme),
    /// `blob`, whose origin comes from its path.
    Blob,
    /// Any other scheme.
    Other,
}

impl SchemeKind {
    fn is_special(self) -> bool {
        matches!(self, Self::Special(_))
    }
}

/// U+002F (/), or U+005C (\) when the URL is special: what the relative, relative slash and
/// file states treat as a slash.
fn is_slash(c: char, special: bool) -> bool {
    c == '/' || (special && c == '\\')
}

/// What the parser learned about a URL: enough to serve as a base URL and to give an origin.
#[derive(Clone, Debug)]
pub(super) struct Parsed {
    /// The URL's scheme.
    pub(super) scheme: SchemeKind,
    /// Whether the URL has an opaque path. <https://url.spec.whatwg.org/#url-opaque-path>
    pub(super) opaque_path: bool,
    /// The URL's origin.
    pub(super) origin: UrlOrigin,
}

impl Parsed {
    /// A URL with a path (not opaque) and an opaque origin.
    const fn opaque_origin(scheme: SchemeKind) -> Self {
        Self {
            scheme,
            opaque_path: false,
            origin: UrlOrigin::Opaque,
        }
    }
}

/// The parser's context: the base URL, the IDNA hook, and the `blob:` nesting depth.
pub(super) struct Context<'b, 'd> {
    pub(super) base: Option<&'b Parsed>,
    pub(super) idna: &'d dyn DomainToAscii,
    pub(super) depth: usize,
}

/// Runs the basic URL parser on `input` against `base`.
pub(super) fn parse(
    input: &str,
    base: Option<&Parsed>,
    idna: &dyn DomainToAscii,
    depth: usize,
) -> Result<Parsed, UrlFailure> {
    let context = Context { base, idna, depth };
    parse_input(Input::new(input), &context)
}

/// Runs the parser on input already preprocessed (the inner URL of a `blob:` URL).
pub(super) fn parse_input(
    mut input: Input<'_>,
    context: &Context<'_, '_>,
) -> Result<Parsed, UrlFailure> {
    // scheme start state and scheme state
    match scheme(&mut input) {
        Some(kind) => after_scheme(kind, input, context),
        None => no_scheme(input, context),
    }
}

/// The scheme start state and the scheme state: the scheme when the input starts with one
/// followed by `:` (consumed), else `None` with the input untouched.
///
/// <https://url.spec.whatwg.org/#scheme-start-state>, <https://url.spec.whatwg.org/#scheme-state>
fn scheme(input: &mut Input<'_>) -> Option<SchemeKind> {
    let mut ahead = input.clone();
    // scheme start state: if c is an ASCII alpha, append c, lowercased, to buffer.
    // Otherwise, set state to no scheme state and decrease pointer by 1.
    let first = ahead.next().filter(char::is_ascii_alphabetic)?;
    // The longest scheme the parser needs to name is five bytes ("https", "file", "blob").
    let mut name = [0u8; 5];
    let mut len = 0usize;
    let mut c = Some(first);
    // scheme state: while c is an ASCII alphanumeric, U+002B (+), U+002D (-), or U+002E (.),
    // append c, lowercased, to buffer.
    while let Some(ch) = c.filter(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '+' | '-' | '.'))
    {
        if let Some(slot) = name.get_mut(len) {
            *slot = ch.to_ascii_lowercase() as u8;
        }
        len += 1;
        c = ahead.next();
    }
    // Otherwise, if c is U+003A (:), the scheme is buffer; otherwise start over from the
    // start of input in the no scheme state.
    if c != Some(':') {
        return None;
    }
    *input = ahead;
    let name = name
        .get(..len)
        .and_then(|n| core::str::from_utf8(n).ok())
        .unwrap_or("");
    Some(match (name, SpecialScheme::from_scheme(name)) {
        (_, Some(special)) => SchemeKind::Special(special),
        ("blob", None) => SchemeKind::Blob,
        _ => SchemeKind::Other,
    })
}

/// The scheme state's branches once the scheme is known.
///
/// <https://url.spec.whatwg.org/#scheme-state> step 2.
fn after_scheme(
    kind: SchemeKind,
    mut input: Input<'_>,
    context: &Context<'_, '_>,
) -> Result<Parsed, UrlFailure> {
    match kind {
        // If url's scheme is "file", set state to file state.
        SchemeKind::Special(SpecialScheme::File) => file(input, context),
        // Otherwise, if url is special, base is non-null, and base's scheme is url's scheme:
        // special relative or authority state.
        SchemeKind::Special(special) if context.base.is_some_and(|base| base.scheme == kind) => {
            if input.starts_with_two('/') {
                special_authority(special, input, context)
            } else {
                relative(input, context)
            }
        }
        // Otherwise, if url is special, set state to special authority slashes state.
        SchemeKind::Special(special) => special_authority(special, input, context),
        // Otherwise, if remaining starts with an U+002F (/): path or authority state.
        _ if input.next_if(|c| c == '/') => {
            if input.next_if(|c| c == '/') {
                parse_authority(&mut input, false, None, context, &mut DomainString::new())?;
            }
            Ok(Parsed::opaque_origin(kind))
        }
        // Otherwise, set url's path to the empty string and set state to opaque path state.
        SchemeKind::Blob => {
            let origin = blob_origin(input, context)?;
            Ok(Parsed {
                scheme: kind,
                opaque_path: true,
                origin,
            })
        }
        _ => Ok(Parsed {
            scheme: kind,
            opaque_path: true,
            origin: UrlOrigin::Opaque,
        }),
    }
}

/// The special authority slashes state and the special authority ignore slashes state:
/// every `/` and `\` is skipped, then the authority state.
///
/// <https://url.spec.whatwg.org/#special-authority-slashes-state>
fn special_authority(
    scheme: SpecialScheme,
    mut input: Input<'_>,
    context: &Context<'_, '_>,
) -> Result<Parsed, UrlFailure> {
    while input.next_if(|c| c == '/' || c == '\\') {}
    // The host's text is written here and moved once, into the result.
    let mut text = DomainString::new();
    let (host, port) = parse_authority(&mut input, true, Some(scheme), context, &mut text)?;
    let host = host.into_host_buf(text);
    let origin = UrlOrigin::Tuple { scheme, host, port };
    Ok(Parsed {
        scheme: SchemeKind::Special(scheme),
        opaque_path: false,
        origin,
    })
}

/// The no scheme state.
///
/// <https://url.spec.whatwg.org/#no-scheme-state>
fn no_scheme(input: Input<'_>, context: &Context<'_, '_>) -> Result<Parsed, UrlFailure> {
    // 1. If base is null, or base has an opaque path and c is not U+0023 (#),
    // missing-scheme-non-relative-URL validation error, return failure.
    let base = context.base.ok_or(UrlFailure::MissingScheme)?;
    if base.opaque_path {
        // 2. Otherwise, if base has an opaque path and c is U+0023 (#), set url's scheme to
        // base's scheme, url's path to base's path, ...: the URL keeps base's origin.
        return if input.peek() == Some('#') {
            Ok(base.clone())
        } else {
            Err(UrlFailure::RelativeToOpaquePath)
        };
    }
    // 3. Otherwise, if base's scheme is not "file", set state to relative state.
    // 4. Otherwise, set state to file state.
    match base.scheme {
        SchemeKind::Special(SpecialScheme::File) => file(input, context),
        _ => relative(input, context),
    }
}

/// The relative state and the relative slash state: either the URL takes base's scheme,
/// host and port (and so base's origin), or it has an authority of its own.
///
/// <https://url.spec.whatwg.org/#relative-state>, <https://url.spec.whatwg.org/#relative-slash-state>
fn relative(mut input: Input<'_>, context: &Context<'_, '_>) -> Result<Parsed, UrlFailure> {
    let base = context.base.ok_or(UrlFailure::MissingScheme)?;
    let special = base.scheme.is_special();
    // relative state: if c is U+002F (/) (or U+005C (\) when special), relative slash state;
    // otherwise url takes base's username, password, host and port.
    // relative slash state: if c is U+002F (/) (or U+005C (\) when special), special
    // authority ignore slashes state (authority state when not special); otherwise url takes
    // base's username, password, host and port.
    let slash = |c| is_slash(c, special);
    if !(input.next_if(slash) && input.next_if(slash)) {
        return Ok(base.clone());
    }
    match base.scheme {
        SchemeKind::Special(scheme) => special_authority(scheme, input, context),
        kind => {
            parse_authority(&mut input, false, None, context, &mut DomainString::new())?;
            Ok(Parsed::opaque_origin(kind))
        }
    }
}

/// The file state, file slash state and file host state. A `file:` URL's origin is opaque
/// (the URL Standard leaves it to the implementation: see spec-notes); only the host can
/// make parsing fail.
///
/// <https://url.spec.whatwg.org/#file-state>
fn file(mut input: Input<'_>, context: &Context<'_, '_>) -> Result<Parsed, UrlFailure> {
    // file state: if c is U+002F (/) or U+005C (\), file slash state; otherwise the URL takes
    // base's host (when base is a file URL) or none, and goes to the path state.
    // file slash state: if c is U+002F (/) or U+005C (\), file host state; otherwise path.
    let slash = |c| is_slash(c, true);
    if input.next_if(slash) && input.next_if(slash) {
        parse_file_host(&mut input, context)?;
    }
    Ok(Parsed::opaque_origin(SchemeKind::Special(
        SpecialScheme::File,
    )))
}
