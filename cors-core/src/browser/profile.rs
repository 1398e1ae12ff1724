//! Profiles: the Fetch Standard as written, or what a real browser does where it departs
//! from the text.
//!
//! Every behaviour a profile changes is a method here, so each deviation has one place,
//! one doc comment and one spec-notes entry (`spec-notes/deviations.md`).

/// Whose behaviour the browser model reproduces.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Profile {
    /// The Fetch Standard as written (whatwg/fetch as of 2026-07).
    #[default]
    Spec,
    /// What Chromium 156 does, established by recording a real headless Chromium
    /// (`scripts/record-chromium`, `tests/data/scenarios/chromium-recorded.jsonl`).
    Chromium,
}

impl Profile {
    /// The profile's name as the scenario format writes it (`spec`, `chromium`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Spec => "spec",
            Self::Chromium => "chromium",
        }
    }

    /// The profile named `name` (`spec`, `chromium`), if any.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "spec" => Some(Self::Spec),
            "chromium" => Some(Self::Chromium),
            _ => None,
        }
    }

    /// The largest `Access-Control-Max-Age` honoured, in seconds; `None` when there is no
    /// cap (the standard leaves the cap to the user agent).
    ///
    /// Chromium caps at 7200 s (`services/network/public/cpp/cors/preflight_result.cc`,
    /// since Chromium 76).
    pub const fn max_age_cap(self) -> Option<u64> {
        match self {
            Self::Spec => None,
            Self::Chromium => Some(7200),
        }
    }
}
