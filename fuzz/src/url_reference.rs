//! The `url` crate as the reference for the origin of a URL, with its known deviations from
//! the URL Standard (url 2.5.8, checked against web-platform-tests urltestdata.json of
//! 2026-07 and the standard's text). Each is numbered, explained and linked below: either put
//! right (the reference gives the standard's answer) or skipped (no reference for that input).
//!
//! | bug | what url 2.5.8 does | handled by |
//! |---|---|---|
//! | 1 | panics (debug assertion) on some URLs against a `file:` base with `:` in its path | skip |
//! | 2 | fails ASCII domains with an invalid `xn--` label (URL Standard 2026-06 lowercases them) | skip unless it gives a tuple origin |
//! | 3 | ends a non-special URL's port at `\` | skip when cors-core fails with port-invalid |
//! | 4 | accepts a non-special authority of an empty userinfo and `@` (`s://@`) | skip when cors-core fails with host-missing |
//! | 5 | fails `///x` against a special base | put right |
//! | 6 | reads a leading `\` as `/` against a non-special base | put right |
//! | 7 | keeps a space before `?`/`#` in a `blob:` URL's opaque path | put right |
//! | 8 | gives `blob:` URLs the origin of any inner URL, not only http(s)/file | put right |
//!
//! A disagreement not listed here is a finding: decide by the URL Standard which side is
//! wrong, and list it here only if it is the url crate.

use cors_core::{UrlError, UrlFailure as F, UrlOrigin};

use crate::UrlCase;

/// The origin the reference gives for `case`, where it is one: the url crate, for ASCII input
/// (cors-core leaves IDNA to cors-std, and a percent-encoded host can still need it) that
/// does not hit one of cors-core's length limits (the url crate has none), with its known
/// bugs put right ([`origin`]).
pub fn reference_origin(
    case: &UrlCase<'_>,
    ours: &Result<UrlOrigin, UrlError>,
) -> Option<Option<String>> {
    let ascii = case.input.is_ascii() && case.base.is_none_or(str::is_ascii);
    let limit = ours
        .as_ref()
        .is_err_and(|e| e.failure().is_implementation_limit());
    if ascii && !limit {
        origin(case, ours)
    } else {
        None
    }
}

/// The origin the `url` crate gives (`Some(None)`: the URL or its base fails to parse), with
/// the known bugs of url 2.5.8 put right, where it does not follow the URL Standard; `None`
/// where it cannot be put right and is no reference.
pub fn origin(case: &UrlCase<'_>, ours: &Result<UrlOrigin, UrlError>) -> Option<Option<String>> {
    // Bug 1 (servo/rust-url issues #1114 and #395): a URL parsed against a `file:` base whose
    // path has a `:` (`..` against `file:///w:/a:`) can fail a debug assertion in url 2.5.8,
    // a panic in this build (cargo fuzz turns debug assertions on). Not a reference there.
    let file_base = case.base.and_then(|base| url::Url::parse(base).ok());
    if file_base.is_some_and(|base| base.scheme() == "file" && base.path().contains(':')) {
        return None;
    }
    let theirs = url_crate_origin(case);
    // Bug 2 (URL Standard 2026-06, "ASCII domains bypass UTS-46 failure"): an ASCII domain
    // with an `xn--` label that is not valid Punycode (`https://xn--/`) is lowercased, not
    // failed. url 2.5.8 still fails it (or, in a `blob:` URL's path, gives `null`); only its
    // tuple origins are a reference there. (The label may be hidden by tabs, newlines or
    // percent-encoding: the parser skips the first and the host parser decodes the second.)
    let xn = |url: &str| decoded(url).to_ascii_lowercase().contains("xn--");
    let bug_2 = (xn(case.input) || case.base.is_some_and(xn))
        && theirs.as_deref().is_none_or(|origin| origin == "null");
    // The URL cors-core fails to parse (the input or the base), and why.
    let failed = match ours {
        Err(UrlError::Input(failure)) => Some((case.input, *failure)),
        Err(UrlError::Base(failure)) => case.base.map(|base| (base, *failure)),
        Ok(_) => None,
    };
    let fails_with = |f: F, c: char| failed.is_some_and(|(url, why)| why == f && url.contains(c));
    // Bug 3 (url 2.5.8 `Parser::parse_port`): in a URL with a non-special scheme, `\` after
    // the port ends it (`f://h:1\` parses); the port state returns failure (port-invalid):
    // only a special URL's port ends at `\` (https://url.spec.whatwg.org/#port-state).
    let bug_3 = fails_with(F::InvalidPort, '\\');
    // Bug 4 (url 2.5.8): a non-special URL whose authority is an empty userinfo and `@`
    // (`s://@`, `s://:@?`) parses, with an empty host; the authority state returns failure
    // (host-missing) when `@` was seen and the host buffer is empty
    // (https://url.spec.whatwg.org/#authority-state), as urltestdata's `sc://@/` expects.
    let bug_4 = fails_with(F::HostMissing, '@');
    (!bug_2 && !bug_3 && !bug_4).then_some(theirs)
}

/// The url crate's answer, with bugs 5 to 8 put right.
fn url_crate_origin(case: &UrlCase<'_>) -> Option<String> {
    let base = case.base.map(url::Url::parse).transpose().ok()?;
    // The input as the basic URL parser reads it: leading and trailing C0 controls and
    // spaces removed, tabs and newlines skipped (https://url.spec.whatwg.org/#concept-basic-url-parser).
    let mut input: String = (case.input.trim_matches(|c| c <= ' ').chars())
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    // Bug 5 (servo/rust-url PRs #1134, #1136, #1137): against a special base, "///x" fails
    // with EmptyHost; the special authority ignore slashes state skips every `/` and `\`
    // (https://url.spec.whatwg.org/#special-authority-ignore-slashes-state): "http://x", as
    // web-platform-tests urltestdata.json (2026) expects. Give it the equivalent "//x".
    let special_base = base
        .as_ref()
        .map(|base| base.is_special() && base.scheme() != "file");
    if special_base == Some(true)
        && let Some(rest) = input
            .strip_prefix("//")
            .filter(|rest| rest.starts_with(['/', '\\']))
    {
        input = format!("//{}", rest.trim_start_matches(['/', '\\']));
    }
    // Bug 6 (url 2.5.8): against a non-special base without an opaque path, a relative URL
    // starting with `\` or `/\` is read as if `\` were `/` (`\\x` against `sc://h/` gives
    // host `x`, and fails when that "host" is invalid); the relative and relative slash states
    // take `\` for a slash only in a special URL, so the URL keeps the base's host and origin,
    // opaque for a non-special scheme (urltestdata: `\\a` against `foo://foo/a` is
    // `foo://foo/\\a`).
    let plain_base = base
        .as_ref()
        .is_some_and(|base| !base.is_special() && !base.cannot_be_a_base());
    if plain_base && (input.starts_with('\\') || input.starts_with("/\\")) {
        return Some("null".to_owned());
    }
    let url = url::Url::options()
        .base_url(base.as_ref())
        .parse(&input)
        .ok()?;
    if url.scheme() != "blob" {
        return Some(url.origin().ascii_serialization());
    }
    // Bug 7 (URL Standard 2024, opaque path state): a space right before `?` or `#` in an
    // opaque path is "%20"; url 2.5.8 keeps the space, and the inner URL then trims it:
    // blob:https://example.org ?q is null (host "example.org%20"), not https://example.org.
    let mut path = url.path().to_owned();
    if url.cannot_be_a_base()
        && path.ends_with(' ')
        && (url.query().is_some() || url.fragment().is_some())
    {
        path.replace_range(path.len() - 1.., "%20");
    }
    // Bug 8 (URL Standard 2023, url 2.5.8 src/origin.rs): a `blob:` URL takes the origin of
    // whatever URL its path parses to; the standard only that of an `http`, `https` or `file`
    // URL, else a new opaque origin (https://url.spec.whatwg.org/#concept-url-origin, "blob").
    Some(match url::Url::parse(&path) {
        Ok(inner) if matches!(inner.scheme(), "http" | "https" | "file") => {
            inner.origin().ascii_serialization()
        }
        _ => "null".to_owned(),
    })
}

/// `text` with tabs and newlines removed and `%XX` decoded (bytes as Latin-1 characters):
/// enough to see an ASCII pattern the URL parser would see.
fn decoded(text: &str) -> String {
    let bytes: Vec<u8> = text
        .bytes()
        .filter(|b| !matches!(b, b'\t' | b'\n' | b'\r'))
        .collect();
    let (mut out, mut i) = (String::new(), 0);
    while let Some(&byte) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|h| byte == b'%' && h.iter().all(u8::is_ascii_hexdigit));
        let value = hex.and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
        out.push(char::from(value.unwrap_or(byte)));
        i += if value.is_some() { 3 } else { 1 };
    }
    out
}
