//! The origin of a `blob:` URL: the origin of the URL its path names.
//!
//! <https://url.spec.whatwg.org/#concept-url-origin> ("blob")

use heapless::String;

use super::input::Input;
use super::parser::{Context, Parsed, SchemeKind, parse_input};
use super::{UrlFailure, UrlOrigin};
use crate::limits::{MAX_BLOB_DEPTH, MAX_BLOB_PATH_LEN};
use crate::origin::host::percent::{push_encoded, push_percent_byte};
use crate::origin::scheme::SpecialScheme;

/// The opaque path state on a `blob:` URL's remaining input, then the URL origin's steps
/// for `blob`.
///
/// <https://url.spec.whatwg.org/#cannot-be-a-base-url-path-state>
pub(super) fn blob_origin(
    mut input: Input<'_>,
    context: &Context<'_, '_>,
) -> Result<UrlOrigin, UrlFailure> {
    // A blob: URL inside a blob: URL has an opaque origin whatever its path: the outer URL's
    // step 3 accepts only "http", "https" and "file".
    if context.depth >= MAX_BLOB_DEPTH {
        return Ok(UrlOrigin::Opaque);
    }
    let path = opaque_path(&mut input)?;
    // Step 1 (blob URL entry) needs a blob URL store: out of scope, the entry is null.
    // Step 2. Let pathURL be the result of parsing the result of URL path serializing url.
    let inner = Context {
        base: None,
        idna: context.idna,
        depth: context.depth + 1,
    };
    match parse_input(Input::new(&path), &inner) {
        // Step 4. If pathURL's scheme is "http", "https", or "file", then return pathURL's
        // origin.
        Ok(Parsed {
            scheme:
                SchemeKind::Special(SpecialScheme::Http | SpecialScheme::Https | SpecialScheme::File),
            origin,
            ..
        }) => Ok(origin),
        // A limit of this implementation is not a failure of the URL: report it.
        Err(error) if error.is_implementation_limit() => Err(error),
        // Step 3. If pathURL is failure, then return a new opaque origin.
        // Step 5. Return a new opaque origin.
        Ok(_) | Err(_) => Ok(UrlOrigin::Opaque),
    }
}

/// The opaque path state: code points up to U+003F (?) or U+0023 (#), UTF-8
/// percent-encoded with the C0 control percent-encode set; a U+0020 SPACE right before
/// U+003F (?) or U+0023 (#) becomes "%20".
fn opaque_path(input: &mut Input<'_>) -> Result<String<MAX_BLOB_PATH_LEN>, UrlFailure> {
    let mut path = String::new();
    loop {
        let pushed = match input.next() {
            None | Some('?' | '#') => return Ok(path),
            Some(' ') if matches!(input.peek(), Some('?' | '#')) => {
                push_percent_byte(b' ', &mut path)
            }
            Some(c) => push_encoded(c, &mut path),
        };
        pushed.map_err(|_| UrlFailure::TooLong)?;
    }
}
