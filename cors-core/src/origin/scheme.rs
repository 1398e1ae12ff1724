//! Special schemes and their default ports.
//!
//! <https://url.spec.whatwg.org/#special-scheme>

/// A special scheme: one the URL Standard parses with a host and (except `file`) a default
/// port.
///
/// <https://url.spec.whatwg.org/#special-scheme>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // closed by the URL Standard
pub enum SpecialScheme {
    /// `ftp`, default port 21.
    Ftp,
    /// `file`, no default port.
    File,
    /// `http`, default port 80.
    Http,
    /// `https`, default port 443.
    Https,
    /// `ws`, default port 80.
    Ws,
    /// `wss`, default port 443.
    Wss,
}

impl SpecialScheme {
    /// The special scheme `scheme` names (ASCII lowercase), if any.
    pub fn from_scheme(scheme: &str) -> Option<Self> {
        Some(match scheme {
            "ftp" => Self::Ftp,
            "file" => Self::File,
            "http" => Self::Http,
            "https" => Self::Https,
            "ws" => Self::Ws,
            "wss" => Self::Wss,
            _ => return None,
        })
    }

    /// The scheme as a string.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Ftp => "ftp",
            Self::File => "file",
            Self::Http => "http",
            Self::Https => "https",
            Self::Ws => "ws",
            Self::Wss => "wss",
        }
    }

    /// The scheme's default port. <https://url.spec.whatwg.org/#default-port>
    pub const fn default_port(self) -> Option<u16> {
        match self {
            Self::Ftp => Some(21),
            Self::File => None,
            Self::Http | Self::Ws => Some(80),
            Self::Https | Self::Wss => Some(443),
        }
    }
}

/// The default port of `scheme` (ASCII lowercase), or `None` when it has none.
///
/// <https://url.spec.whatwg.org/#default-port>
pub fn default_port(scheme: &str) -> Option<u16> {
    SpecialScheme::from_scheme(scheme).and_then(SpecialScheme::default_port)
}
