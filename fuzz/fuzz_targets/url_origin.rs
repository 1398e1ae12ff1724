//! `url_origin`: agrees with the `url` crate on ASCII input, and the strict `Origin` header
//! parser accepts the serialization of each tuple origin it gives exactly when the host fits
//! the header grammar, as the same origin.
#![no_main]

use arbitrary::Arbitrary;
use cors_core::limits::MAX_SERIALIZED_ORIGIN_LEN;
use cors_core::{
    Host, OpaqueId, Origin, UrlError, UrlFailure as F, UrlOrigin, parse_origin_or_null,
};
use libfuzzer_sys::fuzz_target;

/// A URL and an optional base URL, as `url_origin` takes them.
#[derive(Arbitrary, Debug)]
struct Case<'a> {
    base: Option<&'a str>,
    input: &'a str,
}

fuzz_target!(|case: Case<'_>| {
    let ours = cors_core::url_origin(case.input, case.base);
    if let Ok(origin) = &ours {
        check_strict_parse(origin);
    }
    // The url crate is the reference for ASCII input: cors-core leaves IDNA to cors-std (a
    // percent-encoded host can still need it), and has length limits the url crate has not.
    let ascii = case.input.is_ascii() && case.base.is_none_or(str::is_ascii);
    let limit = ours
        .as_ref()
        .is_err_and(|e| e.failure().is_implementation_limit());
    if ascii
        && !limit
        && let Some(theirs) = reference(&case, &ours)
    {
        assert_eq!(
            ours.map(|o| o.to_string()).ok(),
            theirs,
            "cors-core vs url crate"
        );
    }
});

/// The strict parser accepts the serialization of a tuple origin when, and only when, its host
/// is an IP address or a domain of LDH labels (the URL parser allows more: `_`, `*`, a
/// trailing dot...) and it is within the strict parser's length limit (URL hosts may be
/// longer), and gives back the same origin.
fn check_strict_parse(origin: &UrlOrigin) {
    let serialized = origin.to_string();
    let origin = origin.as_origin(OpaqueId(0));
    let Origin::Tuple(tuple) = origin else {
        return assert_eq!(serialized, "null");
    };
    let ldh = |l: &str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let fits = !matches!(tuple.host, Host::Domain(domain) if !domain.split('.').all(ldh))
        && serialized.len() <= MAX_SERIALIZED_ORIGIN_LEN;
    match parse_origin_or_null(serialized.as_bytes()) {
        Ok(strict) => assert!(
            fits && strict.to_origin(OpaqueId(1)).is_same_origin(&origin),
            "strict parse of {serialized}: {strict:?}"
        ),
        Err(error) => assert!(!fits, "strict parse of {serialized}: {error:?}"),
    }
}

/// The origin the `url` crate gives (`Some(None)`: the URL or its base fails to parse), with
/// the known bugs of url 2.5.8 put right, where it does not follow the URL Standard; `None`
/// where it cannot be put right and is no reference.
fn reference(case: &Case<'_>, ours: &Result<UrlOrigin, UrlError>) -> Option<Option<String>> {
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
fn url_crate_origin(case: &Case<'_>) -> Option<String> {
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
