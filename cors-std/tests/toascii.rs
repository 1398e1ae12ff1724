//! Domain to ASCII through the host parser with [`Uts46`], against the web-platform-tests
//! `url/resources/toascii.json` cases.
//!
//! The table below transcribes the 87 cases of that file (input, then the expected ASCII
//! host or `None` for failure), so the test stands alone on a clean checkout. A second test
//! reads the file itself from the shared conformance folder when it is there
//! (`CORS_CONFORMANCE_DIR`, or `../../shared/conformance` from this crate), and reports
//! `N passed, M failed`.
//!
//! Each case is checked twice, as the web-platform-tests harness does: through the host
//! parser (`is_opaque` false) and as the host of `https://{input}/x`.

use std::path::PathBuf;

use cors_std::cors_core::parse_host;
use cors_std::{Uts46, url_origin};

/// The cases of `toascii.json`: input, and the ASCII host or `None` when the host parser
/// must fail. Comments are the file's own.
#[rustfmt::skip]
const CASES: &[(&str, Option<&str>)] = &[
    // Label with hyphens in 3rd and 4th position
    ("aa--", Some("aa--")),
    ("a†--", Some("xn--a---kp0a")),
    ("ab--c", Some("ab--c")),
    // Label with leading hyphen
    ("-x", Some("-x")),
    ("-†", Some("xn----xhn")),
    ("-x.xn--zca", Some("-x.xn--zca")),
    ("-x.ß", Some("-x.xn--zca")),
    // Label with trailing hyphen
    ("x-.xn--zca", Some("x-.xn--zca")),
    ("x-.ß", Some("x-.xn--zca")),
    // Empty labels
    ("x..xn--zca", Some("x..xn--zca")),
    ("x..ß", Some("x..xn--zca")),
    // Invalid Punycode
    ("xn--a", Some("xn--a")),
    ("xn--a.xn--zca", Some("xn--a.xn--zca")),
    ("xn--a.ß", None),
    ("xn--ls8h=", Some("xn--ls8h=")),
    // Invalid Punycode (contains non-ASCII character)
    ("xn--tešla", None),
    // Valid Punycode
    ("xn--zca.xn--zca", Some("xn--zca.xn--zca")),
    // Mixed
    ("xn--zca.ß", Some("xn--zca.xn--zca")),
    ("ab--c.xn--zca", Some("ab--c.xn--zca")),
    ("ab--c.ß", Some("ab--c.xn--zca")),
    // CheckJoiners is true
    ("\u{200d}.example", None),
    ("xn--1ug.example", Some("xn--1ug.example")),
    // CheckBidi is true
    ("يa", None),
    ("xn--a-yoc", Some("xn--a-yoc")),
    // processing_option is Nontransitional_Processing
    ("ශ\u{dca}\u{200d}ර\u{dd3}", Some("xn--10cl1a0b660p")),
    ("نامه\u{200c}ای", Some("xn--mgba3gch31f060k")),
    // U+FFFD
    ("�.com", None),
    // U+FFFD character encoded in Punycode
    ("xn--zn7c.com", Some("xn--zn7c.com")),
    // Label longer than 63 code points
    ("x01234567890123456789012345678901234567890123456789012345678901x", Some("x01234567890123456789012345678901234567890123456789012345678901x")),
    ("x01234567890123456789012345678901234567890123456789012345678901†", Some("xn--x01234567890123456789012345678901234567890123456789012345678901-6963b")),
    ("x01234567890123456789012345678901234567890123456789012345678901x.xn--zca", Some("x01234567890123456789012345678901234567890123456789012345678901x.xn--zca")),
    ("x01234567890123456789012345678901234567890123456789012345678901x.ß", Some("x01234567890123456789012345678901234567890123456789012345678901x.xn--zca")),
    // Domain excluding TLD longer than 253 code points
    ("01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.0123456789012345678901234567890123456789012345678.x", Some("01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.0123456789012345678901234567890123456789012345678.x")),
    ("01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.0123456789012345678901234567890123456789012345678.xn--zca", Some("01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.0123456789012345678901234567890123456789012345678.xn--zca")),
    ("01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.0123456789012345678901234567890123456789012345678.ß", Some("01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.01234567890123456789012345678901234567890123456789.0123456789012345678901234567890123456789012345678.xn--zca")),
    // IDNA ignored code points
    ("a\u{ad}b", Some("ab")),
    // Interesting UseSTD3ASCIIRules=false cases
    ("≠", Some("xn--1ch")),
    ("≮", Some("xn--gdh")),
    ("≯", Some("xn--hdh")),
    // NFC normalization (forbidden < and > characters are normalized to valid ones)
    ("=\u{338}", Some("xn--1ch")),
    ("<\u{338}", Some("xn--gdh")),
    (">\u{338}", Some("xn--hdh")),
    // Same with inserted IDNA ignored code point
    ("=\u{ad}\u{338}", Some("xn--1ch")),
    ("<\u{ad}\u{338}", Some("xn--gdh")),
    (">\u{ad}\u{338}", Some("xn--hdh")),
    // Tests below are from WebKit (fast/url/idna2003.html & fast/url/idna2008.html; contributed by Chris Weber back in 2011).
    ("faß.de", Some("xn--fa-hia.de")),
    ("βόλος.com", Some("xn--nxasmm1c.com")),
    ("ශ\u{dca}\u{200d}ර\u{dd3}.com", Some("xn--10cl1a0b660p.com")),
    ("نامه\u{200c}ای.com", Some("xn--mgba3gch31f060k.com")),
    ("www.looĸout.net", Some("www.xn--looout-5bb.net")),
    ("ᗯᗯᗯ.lookout.net", Some("xn--1qeaa.lookout.net")),
    ("www.lookout.сом", Some("www.lookout.xn--l1adi")),
    ("www‥lookout.net", None),
    ("www.lookout‧net", Some("www.xn--lookoutnet-406e")),
    ("www.lookout.net⩴80", None),
    ("www\u{a0}.lookout.net", None),
    ("\u{1680}lookout.net", None),
    ("\u{1f}lookout.net", None),
    ("look\u{6dd}out.net", None),
    ("look\u{180e}out.net", Some("lookout.net")),
    ("look\u{2060}out.net", Some("lookout.net")),
    ("look\u{feff}out.net", Some("lookout.net")),
    ("look\u{1fffe}out.net", None),
    ("look\u{fffa}out.net", None),
    ("look⿰out.net", None),
    ("look\u{341}out.net", Some("xn--looout-kp7b.net")),
    ("look\u{202e}out.net", None),
    ("look\u{206b}out.net", Some("lookout.net")),
    ("look\u{e0001}out.net", None),
    ("look\u{e0020}out.net", None),
    ("look־out.net", None),
    ("Bücher.de", Some("xn--bcher-kva.de")),
    ("♥.net", Some("xn--g6h.net")),
    ("\u{378}.net", None),
    ("Ӏ.com", Some("xn--s5a.com")),
    ("㛼.com", Some("xn--snl.com")),
    ("Ↄ.com", Some("xn--r5g.com")),
    ("look\u{34f}out.net", Some("lookout.net")),
    ("gOoGle.com", Some("google.com")),
    ("ড়.com", Some("xn--15b8c.com")),
    ("ẞ.com", Some("xn--zca.com")),
    ("ẞ.foo.com", Some("xn--zca.foo.com")),
    ("-foo.bar.com", Some("-foo.bar.com")),
    ("foo-.bar.com", Some("foo-.bar.com")),
    ("ab--cd.com", Some("ab--cd.com")),
    ("xn--0.com", Some("xn--0.com")),
    ("foo\u{300}.bar.com", Some("xn--fo-3ja.bar.com")),
];

/// Checks one case; `Err` describes the mismatch.
fn check(input: &str, expected: Option<&str>) -> Result<(), String> {
    let host = parse_host(input, false, &Uts46).map(|host| host.to_string());
    match (&host, expected) {
        (Ok(got), Some(want)) if got == want => {}
        (Err(_), None) => {}
        _ => {
            return Err(format!(
                "host parser: {input:?}: got {host:?}, want {expected:?}"
            ));
        }
    }
    let url = format!("https://{input}/x");
    let origin = url_origin(&url, None).map(|origin| origin.to_string());
    match (&origin, expected) {
        (Ok(got), Some(want)) if *got == format!("https://{want}") => Ok(()),
        (Err(_), None) => Ok(()),
        _ => Err(format!("URL {url:?}: got {origin:?}, want {expected:?}")),
    }
}

/// Runs `cases`, prints every failure and the `N passed, M failed` line, and returns the
/// number of failures.
fn run<'a>(name: &str, cases: impl IntoIterator<Item = (&'a str, Option<&'a str>)>) -> usize {
    let (mut passed, mut failed) = (0, 0);
    for (input, expected) in cases {
        match check(input, expected) {
            Ok(()) => passed += 1,
            Err(message) => {
                failed += 1;
                println!("FAIL: {message}");
            }
        }
    }
    println!("{name}: {passed} passed, {failed} failed");
    failed
}

#[test]
fn toascii_table() {
    assert_eq!(CASES.len(), 87);
    assert_eq!(
        CASES.iter().filter(|(_, output)| output.is_none()).count(),
        19
    );
    assert_eq!(run("toascii table", CASES.iter().copied()), 0);
}

/// The shared conformance folder, if it is there.
fn conformance_dir() -> PathBuf {
    std::env::var_os("CORS_CONFORMANCE_DIR").map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../shared/conformance"
            ))
        },
        PathBuf::from,
    )
}

#[test]
fn toascii_json_file() {
    let path = conformance_dir().join("toascii.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("skipped: {} is not there", path.display());
        return;
    };
    let data: serde_json::Value = match serde_json::from_str(&text) {
        Ok(data) => data,
        Err(error) => panic!("{}: {error}", path.display()),
    };
    let Some(entries) = data.as_array() else {
        panic!("{}: not a JSON array", path.display());
    };
    // Strings in the array are comments; objects are cases.
    let mut cases = Vec::new();
    for entry in entries.iter().filter(|entry| entry.is_object()) {
        let Some(input) = entry["input"].as_str() else {
            panic!("{}: a case without an input: {entry}", path.display());
        };
        cases.push((input, entry["output"].as_str()));
    }
    assert_eq!(run(&path.display().to_string(), cases), 0);
}
