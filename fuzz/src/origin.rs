//! `origin_serialize`: an `Arbitrary` mirror of a tuple origin, the cors-core origin it
//! builds, and a naive serializer written from the HTML and URL Standards' text to compare
//! cors-core's serialization with.
//!
//! `fuzz/seed-corpus.py` writes seeds in the `arbitrary` encoding of [`OriginCase`] (its
//! `origin_case`): keep the field and variant order in step with it.

use std::net::{Ipv4Addr, Ipv6Addr};

use arbitrary::Arbitrary;
use cors_core::{Host, TupleOrigin};

/// A scheme: one of the special schemes that have tuple origins, or any other (the
/// `Origin` header grammar allows any scheme, as a browser extension's origin shows).
#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum SchemeCase<'a> {
    /// `http`.
    Http,
    /// `https`.
    Https,
    /// `ws`.
    Ws,
    /// `wss`.
    Wss,
    /// `ftp`.
    Ftp,
    /// Any other scheme, mapped into the scheme grammar ([`SchemeCase::text`]).
    Other(&'a [u8]),
}

/// A host: an IPv4 address, an IPv6 address, or a domain of labels.
#[derive(Arbitrary, Clone, Debug)]
pub enum HostCase<'a> {
    /// An IPv4 address.
    Ipv4(u32),
    /// An IPv6 address, its eight pieces.
    Ipv6([u16; 8]),
    /// A domain: the labels, each mapped into LDH ([`ldh_label`]); none means `a`.
    Domain(Vec<&'a [u8]>),
}

/// A tuple origin a browser can hold: scheme, port (a scheme's default port is null, as the
/// URL parser makes it), host.
#[derive(Arbitrary, Clone, Debug)]
pub struct OriginCase<'a> {
    /// The scheme.
    pub scheme: SchemeCase<'a>,
    /// The port.
    pub port: Option<u16>,
    /// The host.
    pub host: HostCase<'a>,
}

/// A special scheme's default port (URL Standard, "special scheme").
pub fn reference_default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" | "ws" => Some(80),
        "https" | "wss" => Some(443),
        "ftp" => Some(21),
        _ => None,
    }
}

/// `bytes` mapped into one LDH label: lowercase letters, digits, `-` not first or last.
pub fn ldh_label(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 37] = b"abcdefghijklmnopqrstuvwxyz0123456789-";
    let mut label: Vec<u8> = bytes
        .iter()
        .map(|&b| ALPHABET[usize::from(b) % 37])
        .collect();
    if label.is_empty() {
        label.push(b'a');
    }
    for end in [0, label.len() - 1] {
        if label[end] == b'-' {
            label[end] = b'x';
        }
    }
    String::from_utf8(label).expect("ASCII")
}

/// Whether `domain` ends in a number (URL Standard, "ends in a number checker"), for the
/// lowercase LDH domains [`ldh_label`] makes: its last label is digits, or `0x` and hex digits.
pub fn reference_ends_in_a_number(domain: &str) -> bool {
    let last = domain.rsplit('.').next().unwrap_or("");
    let hex = last.strip_prefix("0x");
    last.bytes().all(|b| b.is_ascii_digit())
        || hex.is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The owned parts of an origin built from an [`OriginCase`].
#[derive(Debug)]
pub struct BuiltOrigin {
    /// The scheme.
    pub scheme: String,
    /// The host as text (a domain or an opaque host), when not an address.
    pub host_text: String,
    /// The address, when the host is one.
    pub address: Option<Result<Ipv4Addr, Ipv6Addr>>,
    /// The port, null for the scheme's default.
    pub port: Option<u16>,
}

impl OriginCase<'_> {
    /// The scheme: a special one, or the bytes mapped into `ALPHA *( ALPHA / DIGIT / "+" /
    /// "-" / "." )`, lowercase, not `file` (a `file:` origin is opaque) and not special.
    pub fn scheme(&self) -> String {
        let bytes = match self.scheme {
            SchemeCase::Http => return "http".to_owned(),
            SchemeCase::Https => return "https".to_owned(),
            SchemeCase::Ws => return "ws".to_owned(),
            SchemeCase::Wss => return "wss".to_owned(),
            SchemeCase::Ftp => return "ftp".to_owned(),
            SchemeCase::Other(bytes) => bytes,
        };
        const REST: &[u8; 39] = b"abcdefghijklmnopqrstuvwxyz0123456789+-.";
        let mut scheme = String::from("x");
        scheme.extend(bytes.iter().map(|&b| char::from(REST[usize::from(b) % 39])));
        scheme
    }

    /// The origin's parts: for a special scheme, the host as the host parser leaves it (a
    /// domain, or an address); for any other scheme an opaque host (an IPv4 address is its
    /// dotted text, as a URL with that scheme keeps it), or an IPv6 address.
    pub fn build(&self) -> BuiltOrigin {
        let scheme = self.scheme();
        let special = reference_default_port(&scheme).is_some();
        let (host_text, address) = match &self.host {
            HostCase::Ipv4(bits) if special => (String::new(), Some(Ok(Ipv4Addr::from(*bits)))),
            HostCase::Ipv4(bits) => (reference_ipv4(*bits), None),
            HostCase::Ipv6(pieces) => (String::new(), Some(Err(Ipv6Addr::from(*pieces)))),
            HostCase::Domain(labels) if labels.is_empty() => ("a".to_owned(), None),
            HostCase::Domain(labels) => {
                let labels: Vec<String> = labels.iter().map(|l| ldh_label(l)).collect();
                (labels.join("."), None)
            }
        };
        let port = self
            .port
            .filter(|&p| reference_default_port(&scheme) != Some(p));
        BuiltOrigin {
            scheme,
            host_text,
            address,
            port,
        }
    }
}

impl BuiltOrigin {
    /// Whether the scheme is special (has a default port).
    pub fn special(&self) -> bool {
        reference_default_port(&self.scheme).is_some()
    }

    /// The cors-core tuple origin.
    pub fn origin(&self) -> TupleOrigin<'_> {
        let host = match self.address {
            Some(Ok(v4)) => Host::Ipv4(v4),
            Some(Err(v6)) => Host::Ipv6(v6),
            None if self.special() => Host::Domain(&self.host_text),
            None => Host::Opaque(&self.host_text),
        };
        TupleOrigin::new(&self.scheme, host, self.port)
    }

    /// Whether a browser can hold this origin: a special scheme's domain never ends in a
    /// number (the host parser makes it an IPv4 address or fails).
    pub fn is_possible(&self) -> bool {
        !(self.special() && self.address.is_none() && reference_ends_in_a_number(&self.host_text))
    }

    /// The ASCII serialization of the origin, written from the standards' text.
    pub fn reference_serialization(&self) -> String {
        let host = match self.address {
            Some(Ok(v4)) => reference_ipv4(u32::from(v4)),
            Some(Err(v6)) => format!("[{}]", reference_ipv6(v6.segments())),
            None => self.host_text.clone(),
        };
        match self.port {
            Some(port) => format!("{}://{host}:{port}", self.scheme),
            None => format!("{}://{host}", self.scheme),
        }
    }
}

/// The IPv4 serializer: four decimal numbers, most significant first, joined by `.`.
pub fn reference_ipv4(bits: u32) -> String {
    let parts: Vec<String> = (0..4)
        .rev()
        .map(|i| (bits >> (8 * i) & 0xff).to_string())
        .collect();
    parts.join(".")
}

/// The IPv6 serializer: the first longest run of two or more zero pieces compressed to
/// `::`, every other piece in lowercase hex without leading zeros, joined by `:`.
pub fn reference_ipv6(pieces: [u16; 8]) -> String {
    let (mut best, mut best_len) = (None, 1);
    for start in 0..8 {
        let len = pieces[start..].iter().take_while(|&&p| p == 0).count();
        if len > best_len {
            (best, best_len) = (Some(start), len);
        }
    }
    let hex = |range: &[u16]| -> String {
        let parts: Vec<String> = range.iter().map(|p| format!("{p:x}")).collect();
        parts.join(":")
    };
    match best {
        Some(start) => format!(
            "{}::{}",
            hex(&pieces[..start]),
            hex(&pieces[start + best_len..])
        ),
        None => hex(&pieces),
    }
}

/// The url crate's serialization of the origin of `serialized` parsed as a URL (its error
/// when it fails), for a special scheme and a host without `xn--` labels (which IDNA would
/// check; url 2.5.8 fails invalid ones, see `url_reference` bug 2); `None` where it is no
/// reference.
pub fn url_crate_origin(built: &BuiltOrigin, serialized: &str) -> Option<String> {
    let idna = built.host_text.split('.').any(|l| l.starts_with("xn--"));
    if !built.special() || idna {
        return None;
    }
    Some(match url::Url::parse(serialized) {
        Ok(url) => url.origin().ascii_serialization(),
        Err(error) => format!("url crate error: {error}"),
    })
}
