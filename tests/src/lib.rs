//! Shared helpers of the cors workspace's tests: fixture location, the origin-of-a-URL entry
//! point the conformance runners use, and a Public Suffix List given as a table.

use std::path::PathBuf;
use std::process::Command;

use cors_core::{HostBuf, HostParseError, OpaqueId, PublicSuffixList};

/// The origin of `input` against `base`, serialized, with IDNA (through `cors-std`); or the
/// failure, as text.
pub fn url_origin_string(input: &str, base: Option<&str>) -> Result<String, String> {
    cors_std::url_origin(input, base)
        .map(|origin| origin.as_origin(OpaqueId(0)).to_string())
        .map_err(|error| error.to_string())
}

/// The source folder of a package in this workspace's dependency graph, found with
/// `cargo metadata` (the registries ship test data inside packages).
pub fn package_dir(name: &str) -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--manifest-path",
            manifest,
        ])
        .output()
        .map_err(|error| format!("cargo metadata: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|error| format!("cargo metadata: {error}"))?;
    metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|package| package["name"] == name)
        .and_then(|package| package["manifest_path"].as_str())
        .and_then(|path| PathBuf::from(path).parent().map(PathBuf::from))
        .ok_or_else(|| format!("package {name} not in cargo metadata"))
}

/// A Public Suffix List given as a list of suffixes, with the algorithm's default rule `*`
/// (the last label is a public suffix when no listed suffix matches). Used for tables that
/// state their assumed suffixes, such as the HTML Standard's sites example.
pub struct ListedSuffixes<'l>(pub &'l [&'l str]);

impl PublicSuffixList for ListedSuffixes<'_> {
    fn public_suffix<'d>(&self, domain: &'d str) -> &'d str {
        let mut candidate = domain;
        let mut longest = None;
        loop {
            if self.0.contains(&candidate) && longest.is_none() {
                longest = Some(candidate);
            }
            match candidate.split_once('.') {
                Some((_, rest)) => candidate = rest,
                None => break,
            }
        }
        longest.unwrap_or(candidate)
    }
}

/// A host parser result as the URL Standard's example table writes it: `example.com
/// (domain)`, `0.0.0.0 (IPv4)`, `failure`.
pub fn describe_host(result: Result<HostBuf, HostParseError>) -> String {
    let Ok(host) = result else {
        return "failure".to_owned();
    };
    let kind = match host {
        HostBuf::Domain(_) => "domain",
        HostBuf::Ipv4(_) => "IPv4",
        HostBuf::Ipv6(_) => "IPv6",
        HostBuf::Opaque(_) => "opaque host",
        HostBuf::Empty => "empty host",
    };
    format!("{host} ({kind})")
}

/// The browser-side groups of `cors-vectors.json` as checks: one type per group whose values
/// carry one vector's facts, and [`browser_vectors::Vector::check`] holding the browser model
/// to them.
///
/// Every vector runs under both [`browser_vectors::Reading`]s: the Fetch Standard's
/// expectation in [`Profile::Spec`](cors_core::browser::Profile::Spec), the
/// web-platform-tests expectation in
/// [`Profile::Chromium`](cors_core::browser::Profile::Chromium). The two differ only where
/// the file records a difference (`fetch_spec_2026_07_*` next to `wpt_expect_*`); a check
/// known not to pass is listed in [`browser_vectors::EXPECTED_FAILURES`] with its reason.
pub mod browser_vectors;

/// The `groups` of the `cors-vectors.json` file named by `CORS_VECTORS`, for the extended
/// runners: `None` when the variable is unset (the runner then has nothing to check), an
/// error naming the file when it cannot be read or parsed.
pub fn cors_vector_groups() -> Option<Result<serde_json::Value, String>> {
    let path = std::env::var_os("CORS_VECTORS")?;
    let read = std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|text| {
            serde_json::from_str::<serde_json::Value>(&text).map_err(|e| e.to_string())
        });
    Some(
        read.map(|value| value["groups"].clone())
            .map_err(|error| format!("{}: {error}", path.to_string_lossy())),
    )
}
pub mod policy_reference;
