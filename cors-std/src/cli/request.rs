//! The request a script makes, as the `classify` and `check` commands take it: method,
//! headers (`-H 'Name: value'`), credentials mode, mode, the document's origin and the URL.

use cors_core::browser::request::{FetchInput, RedirectMode, RequestMode};
use cors_core::browser::{CredentialsMode, Profile};
use cors_core::{OpaqueId, Origin};

use cors_std::OwnedOrigin;
use cors_std::scenario::isomorphic_encode;

/// The identity given to an opaque document origin (`--origin null`).
const DOCUMENT_OPAQUE_ID: OpaqueId = OpaqueId(1);
/// The identity given to an opaque URL origin (another one: never the same origin).
const URL_OPAQUE_ID: OpaqueId = OpaqueId(2);

/// A request as a script passes it to `fetch()`.
#[derive(Debug, clap::Args)]
pub(crate) struct RequestArgs {
    /// The method passed to fetch(); GET, put, PATCH… (normalized as fetch() does).
    #[arg(
        short = 'X',
        long = "method",
        value_name = "METHOD",
        default_value = "GET"
    )]
    method: String,
    /// A header the script sets, as 'Name: value'; repeat in the script's order.
    #[arg(short = 'H', long = "header", value_name = "NAME: VALUE")]
    headers: Vec<String>,
    /// The credentials mode.
    #[arg(long, value_name = "MODE", default_value = "same-origin",
          value_parser = ["omit", "same-origin", "include"])]
    credentials: String,
    /// The request mode.
    #[arg(long, value_name = "MODE", default_value = "cors",
          value_parser = ["cors", "no-cors", "same-origin"])]
    mode: String,
    /// Set the use-CORS-preflight flag (a streaming request body).
    #[arg(long)]
    use_cors_preflight: bool,
    /// The URL fetched.
    #[arg(long, value_name = "URL", default_value = "https://server.invalid/")]
    url: String,
}

impl RequestArgs {
    /// The URL fetched.
    pub(crate) fn url(&self) -> &str {
        &self.url
    }
}

/// A request read from the arguments, owning its bytes.
#[derive(Debug)]
pub(crate) struct OwnedRequest {
    origin: OwnedOrigin,
    url_scheme: String,
    url_origin: OwnedOrigin,
    method: Vec<u8>,
    headers: Vec<(Vec<u8>, Vec<u8>)>,
    credentials: CredentialsMode,
    mode: RequestMode,
    use_cors_preflight: bool,
}

/// The owned header list type the commands build.
pub(crate) type HeaderPairs = [(Vec<u8>, Vec<u8>)];

impl OwnedRequest {
    /// Reads `args`, the document's origin being `origin` (a URL or `null`).
    pub(crate) fn new(args: &RequestArgs, origin: &str) -> Result<Self, String> {
        let headers = args
            .headers
            .iter()
            .map(|h| parse_header(h))
            .collect::<Result<_, _>>()?;
        Ok(Self {
            origin: document_origin(origin)?,
            url_scheme: url_scheme(&args.url)?,
            url_origin: url_origin(&args.url)?,
            method: bytes("the method", &args.method)?,
            headers,
            credentials: CredentialsMode::from_name(&args.credentials)
                .ok_or("unknown credentials mode")?,
            mode: request_mode(&args.mode)?,
            use_cors_preflight: args.use_cors_preflight,
        })
    }

    /// A request from its parts: the document's `origin` (a URL or `null`), the `url`, the
    /// method and headers as text (isomorphic-encoded), and the modes.
    pub(crate) fn from_parts(
        origin: &str,
        url: &str,
        method: &str,
        headers: &[(String, String)],
        credentials: CredentialsMode,
        mode: &str,
        use_cors_preflight: bool,
    ) -> Result<Self, String> {
        let headers = headers
            .iter()
            .map(|(n, v)| Ok((bytes("a header name", n)?, bytes("a header value", v)?)))
            .collect::<Result<_, String>>()?;
        Ok(Self {
            origin: document_origin(origin)?,
            url_scheme: url_scheme(url)?,
            url_origin: url_origin(url)?,
            method: bytes("the method", method)?,
            headers,
            credentials,
            mode: request_mode(mode)?,
            use_cors_preflight,
        })
    }

    /// The ASCII serialization of the document's origin (`null` when opaque).
    pub(crate) fn serialized_origin(&self) -> String {
        self.origin.to_string()
    }

    /// The credentials mode.
    pub(crate) fn credentials(&self) -> CredentialsMode {
        self.credentials
    }

    /// The core's input for this request.
    pub(crate) fn input(&self, profile: Profile) -> FetchInput<'_, &HeaderPairs> {
        FetchInput {
            origin: self.origin.as_origin(),
            url_scheme: &self.url_scheme,
            url_origin: self.url_origin.as_origin(),
            method: &self.method,
            headers: &self.headers,
            mode: self.mode,
            credentials: self.credentials,
            redirect: RedirectMode::Follow,
            use_cors_preflight: self.use_cors_preflight,
            profile,
        }
    }
}

/// The request mode named `name`.
fn request_mode(name: &str) -> Result<RequestMode, String> {
    match name {
        "cors" => Ok(RequestMode::Cors),
        "no-cors" => Ok(RequestMode::NoCors),
        "same-origin" => Ok(RequestMode::SameOrigin),
        other => Err(format!(
            "unknown request mode {other:?} (cors, no-cors, same-origin)"
        )),
    }
}

/// `Name: value` → the name's and the value's bytes (split at the first `:`).
pub(crate) fn parse_header(text: &str) -> Result<(Vec<u8>, Vec<u8>), String> {
    let (name, value) = text
        .split_once(':')
        .ok_or_else(|| format!("header {text:?} is not 'Name: value'"))?;
    Ok((
        bytes("a header name", name)?,
        bytes("a header value", value)?,
    ))
}

/// The isomorphic encoding of `text`, or an error naming `what`.
pub(crate) fn bytes(what: &str, text: &str) -> Result<Vec<u8>, String> {
    isomorphic_encode(text)
        .ok_or_else(|| format!("{what} {text:?} has a character above U+00FF (not a byte string)"))
}

/// The document's origin: `null` (opaque) or the origin of a URL.
fn document_origin(text: &str) -> Result<OwnedOrigin, String> {
    if text == "null" {
        return Ok(OwnedOrigin::from_origin(&Origin::Opaque(
            DOCUMENT_OPAQUE_ID,
        )));
    }
    let origin = cors_std::url_origin(text, None).map_err(|e| format!("--origin: {e}"))?;
    Ok(OwnedOrigin::from_url_origin(&origin, DOCUMENT_OPAQUE_ID))
}

fn url_origin(url: &str) -> Result<OwnedOrigin, String> {
    let origin = cors_std::url_origin(url, None).map_err(|e| format!("--url: {e}"))?;
    Ok(OwnedOrigin::from_url_origin(&origin, URL_OPAQUE_ID))
}

/// The URL's scheme, lowercased (the URL already parsed, so it has one).
fn url_scheme(url: &str) -> Result<String, String> {
    url.trim_start_matches(|c: char| c <= ' ')
        .split_once(':')
        .map(|(scheme, _)| scheme.to_ascii_lowercase())
        .ok_or_else(|| format!("--url {url:?} has no scheme"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_split_at_the_first_colon() {
        assert_eq!(
            parse_header("X-A: b:c").unwrap(),
            (b"X-A".to_vec(), b" b:c".to_vec())
        );
        assert!(parse_header("no colon").is_err());
        assert!(parse_header("X: \u{2603}").unwrap_err().contains("U+00FF"));
        assert_eq!(parse_header("X: \u{e9}").unwrap().1, b" \xe9");
    }

    #[test]
    fn schemes_are_lowercased() {
        assert_eq!(url_scheme(" HTTPS://a/").unwrap(), "https");
    }
}
