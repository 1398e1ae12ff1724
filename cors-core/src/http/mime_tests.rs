//! Tests of "parse a MIME type" and "serialize a MIME type". Expected values come from the
//! MIME Sniffing Standard's text and from web-platform-tests
//! `mimesniff/mime-types/resources/mime-types.json` and `generated-mime-types.py`.
//!
//! web-platform-tests run those files through `Blob.type`, which serializes with `;` and no
//! space, as the standard does (a 2018 revision of the file with `; ` followed a proposal the
//! standard abandoned, whatwg/mimesniff#86). Inputs written there as `\u00NN` are the bytes
//! 0xNN here (isomorphic encoding); the cases with code points above U+00FF (`\u0100`,
//! `\uFFFD`) cannot arise from bytes and are left out.

extern crate std;

use std::string::String;
use std::vec::Vec;

use super::*;

/// The serialization of the parse of `input`, or `None` on failure.
fn serialize(input: &[u8]) -> Option<String> {
    let mime = parse_mime_type(input).ok()?;
    let mut out = String::new();
    assert_eq!(mime.write_serialization(&mut out), Ok(()), "{input:?}");
    Some(out)
}

/// web-platform-tests `mime-types.json`: input → serialization, `None` for failure.
const WPT_MIME_TYPES: &[(&[u8], Option<&str>)] = &[
    // Basics
    (b"text/html;charset=gbk", Some("text/html;charset=gbk")),
    (b"TEXT/HTML;CHARSET=GBK", Some("text/html;charset=GBK")),
    // Legacy comment syntax
    (b"text/html;charset=gbk(", Some("text/html;charset=\"gbk(\"")),
    (
        b"text/html;x=(;charset=gbk",
        Some("text/html;x=\"(\";charset=gbk"),
    ),
    // Duplicate parameter
    (
        b"text/html;charset=gbk;charset=windows-1255",
        Some("text/html;charset=gbk"),
    ),
    (
        b"text/html;charset=();charset=GBK",
        Some("text/html;charset=\"()\""),
    ),
    // Spaces
    (b"text/html;charset =gbk", Some("text/html")),
    (b"text/html ;charset=gbk", Some("text/html;charset=gbk")),
    (b"text/html; charset=gbk", Some("text/html;charset=gbk")),
    (b"text/html;charset= gbk", Some("text/html;charset=\" gbk\"")),
    (
        b"text/html;charset= \"gbk\"",
        Some("text/html;charset=\" \\\"gbk\\\"\""),
    ),
    // Single quotes are a token, not a delimiter
    (b"text/html;charset='gbk'", Some("text/html;charset='gbk'")),
    (b"text/html;charset='gbk", Some("text/html;charset='gbk")),
    (b"text/html;charset=gbk'", Some("text/html;charset=gbk'")),
    (b"text/html;charset=';charset=GBK", Some("text/html;charset='")),
    // Invalid parameters
    (b"text/html;test;charset=gbk", Some("text/html;charset=gbk")),
    (b"text/html;test=;charset=gbk", Some("text/html;charset=gbk")),
    (b"text/html;';charset=gbk", Some("text/html;charset=gbk")),
    (b"text/html;\";charset=gbk", Some("text/html;charset=gbk")),
    (b"text/html ; ; charset=gbk", Some("text/html;charset=gbk")),
    (b"text/html;;;;charset=gbk", Some("text/html;charset=gbk")),
    (
        b"text/html;charset= \"\x7F;charset=GBK",
        Some("text/html;charset=GBK"),
    ),
    (
        b"text/html;charset=\"\x7F;charset=foo\";charset=GBK",
        Some("text/html;charset=GBK"),
    ),
    // Double quotes
    (b"text/html;charset=\"gbk\"", Some("text/html;charset=gbk")),
    (b"text/html;charset=\"gbk", Some("text/html;charset=gbk")),
    (b"text/html;charset=gbk\"", Some("text/html;charset=\"gbk\\\"\"")),
    (b"text/html;charset=\" gbk\"", Some("text/html;charset=\" gbk\"")),
    (b"text/html;charset=\"gbk \"", Some("text/html;charset=\"gbk \"")),
    (b"text/html;charset=\"\\ gbk\"", Some("text/html;charset=\" gbk\"")),
    (b"text/html;charset=\"\\g\\b\\k\"", Some("text/html;charset=gbk")),
    (b"text/html;charset=\"gbk\"x", Some("text/html;charset=gbk")),
    (
        b"text/html;charset=\"\";charset=GBK",
        Some("text/html;charset=\"\""),
    ),
    (
        b"text/html;charset=\";charset=GBK",
        Some("text/html;charset=\";charset=GBK\""),
    ),
    // Unexpected code points
    (b"text/html;charset={gbk}", Some("text/html;charset=\"{gbk}\"")),
    // Parameter name longer than 127
    (
        b"text/html;0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789=x;charset=gbk",
        Some(
            "text/html;0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789=x;charset=gbk",
        ),
    ),
    // type/subtype longer than 127
    (
        b"0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789/0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789",
        Some(
            "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789/0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789",
        ),
    ),
    // Valid
    (
        b"!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz/!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz;!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        Some(
            "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz/!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz;!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz=!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        ),
    ),
    // End-of-file handling
    (b"x/x;test", Some("x/x")),
    (b"x/x;test=\"\\", Some("x/x;test=\"\\\\\"")),
    // Whitespace
    (b"x/x;x= ", Some("x/x")),
    (b"x/x;x=\t", Some("x/x")),
    // Latin1
    (
        b"text/html;test=\xFF;charset=gbk",
        Some("text/html;test=\"\u{FF}\";charset=gbk"),
    ),
    // Failure
    (b"", None),
    (b"\t", None),
    (b"/", None),
    (b"bogus", None),
    (b"bogus/", None),
    (b"bogus/ ", None),
    (b"bogus/bogus/;", None),
    (b"</>", None),
    (b"(/)", None),
    (b"\xFF/\xFF", None),
    (b"text/html(;doesnot=matter", None),
    (b"{/}", None),
];

#[test]
fn web_platform_tests_mime_types() {
    for &(input, expected) in WPT_MIME_TYPES {
        assert_eq!(
            serialize(input).as_deref(),
            expected,
            "{}",
            input.escape_ascii()
        );
    }
}

#[test]
fn web_platform_tests_every_quoted_string_token_code_point() {
    // mime-types.json "Valid": every HTTP quoted-string token code point in a quoted value,
    // `"` and `\` escaped, survives the round trip.
    let prefix: &[u8] = b"x/x;x=\"\t !\\\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
    let mut input = Vec::from(prefix);
    input.extend(0x80..=0xFF_u8);
    input.push(b'"');
    let mut expected = String::from(
        "x/x;x=\"\t !\\\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    );
    expected.extend((0x80..=0xFF_u8).map(char::from));
    expected.push('"');
    assert_eq!(serialize(&input), Some(expected));
}

#[test]
fn web_platform_tests_generated_mime_types() {
    // generated-mime-types.py: every code point up to U+00FF that is not an HTTP token code
    // point, in each of the four places.
    let mut cases = 0;
    for cp in 0x00..=0xFF_u8 {
        if is_token_byte(cp) {
            continue;
        }
        let quoted_string_token = cp == 0x09 || (0x20..=0x7E).contains(&cp) || cp >= 0x80;
        if cp != b'/' {
            assert_eq!(serialize(&[cp, b'/', b'x']), None, "type {cp:#04x}");
            assert_eq!(serialize(&[b'x', b'/', cp]), None, "subtype {cp:#04x}");
            cases += 2;
        }
        if cp != b';' && cp != b'=' {
            let input = [b"x/x;".as_slice(), &[cp], b"=x;bonus=x"].concat();
            assert_eq!(
                serialize(&input).as_deref(),
                Some("x/x;bonus=x"),
                "name {cp:#04x}"
            );
            cases += 1;
        }
        if ![0x09, 0x20, b'"', b';', b'\\'].contains(&cp) {
            let expected = if quoted_string_token {
                std::format!("x/x;x=\"{}\";bonus=x", char::from(cp))
            } else {
                String::from("x/x;bonus=x")
            };
            let unquoted = [b"x/x;x=".as_slice(), &[cp], b";bonus=x"].concat();
            let quoted = [b"x/x;x=\"".as_slice(), &[cp], b"\";bonus=x"].concat();
            assert_eq!(serialize(&unquoted), Some(expected.clone()), "{cp:#04x}");
            assert_eq!(serialize(&quoted), Some(expected), "\"{cp:#04x}\"");
            cases += 2;
        }
    }
    // 179 code points (256 minus the 77 HTTP token code points): type and subtype without
    // `/`, name without `;` and `=`, value twice without TAB, SP, `"`, `;` and `\`.
    assert_eq!(cases, 178 * 2 + 177 + 174 * 2);
}

#[test]
fn standard_examples() {
    // Step 11.8.2's example: what follows the closing quote up to `;` is dropped.
    assert_eq!(
        serialize(b"text/html;charset=\"shift_jis\"iso-2022-jp").as_deref(),
        Some("text/html;charset=shift_jis")
    );
    // Step 1: leading and trailing HTTP whitespace (HT, LF, CR, SP) is removed.
    assert_eq!(
        serialize(b"\r\n\t text/html \t\r\n").as_deref(),
        Some("text/html")
    );
}

#[test]
fn cors_safelist_content_types() -> Result<(), MimeError> {
    // The CORS-safelisted `Content-Type` check compares the essence.
    let plain = parse_mime_type(b"text/plain;")?;
    assert!(plain.essence_eq(b"text/plain"));
    assert_eq!(plain.parameters().count(), 0);
    assert!(parse_mime_type(b"text/plain;garbage")?.essence_eq(b"text/plain"));
    assert!(parse_mime_type(b"TEXT/PLAIN")?.essence_eq(b"text/plain"));
    // web-platform-tests cors-no-preflight.any.js.
    let mixed = parse_mime_type(b"Text/Plain;charset=utf-8")?;
    assert!(mixed.essence_eq(b"text/plain"));
    assert_eq!(mixed.type_(), b"Text");
    assert_eq!(mixed.subtype(), b"Plain");
    assert!(
        parse_mime_type(b"application/x-www-form-urlencoded")?
            .essence_eq(b"application/x-www-form-urlencoded")
    );
    assert!(parse_mime_type(b"multipart/form-data")?.essence_eq(b"multipart/form-data"));
    // Neither a space nor a comma is an HTTP token code point.
    assert_eq!(
        parse_mime_type(b"text /plain").err(),
        Some(MimeError::InvalidType { at: 4 })
    );
    assert_eq!(
        parse_mime_type(b"text/plain,x/x").err(),
        Some(MimeError::InvalidSubtype { at: 10 })
    );
    assert_eq!(
        parse_mime_type(b",text/plain").err(),
        Some(MimeError::InvalidType { at: 0 })
    );
    assert!(!plain.essence_eq(b"text/plai"));
    assert!(!plain.essence_eq(b"text/plainx"));
    assert!(!plain.essence_eq(b"textx/plain"));
    assert!(!plain.essence_eq(b"text"));
    Ok(())
}

#[test]
fn errors_name_the_failing_step() {
    assert_eq!(parse_mime_type(b"").err(), Some(MimeError::EmptyType));
    assert_eq!(parse_mime_type(b" \t").err(), Some(MimeError::EmptyType));
    assert_eq!(parse_mime_type(b"/x").err(), Some(MimeError::EmptyType));
    assert_eq!(parse_mime_type(b"bogus").err(), Some(MimeError::NoSlash));
    assert_eq!(
        parse_mime_type(b"bogus/ ;a=b").err(),
        Some(MimeError::EmptySubtype)
    );
    // Offsets count the leading whitespace of the input as given.
    assert_eq!(
        parse_mime_type(b"  x/a b").err(),
        Some(MimeError::InvalidSubtype { at: 5 })
    );
    assert_eq!(
        parse_mime_type(b"  x(/a").err(),
        Some(MimeError::InvalidType { at: 3 })
    );
}

#[test]
fn trailing_whitespace_of_the_subtype_is_removed() -> Result<(), MimeError> {
    let mime = parse_mime_type(b"text/html \t;charset=gbk")?;
    assert_eq!(mime.subtype(), b"html");
    assert_eq!(
        parse_mime_type(b"text/ht ml").err(),
        Some(MimeError::InvalidSubtype { at: 7 })
    );
    Ok(())
}

#[test]
fn parameters_keep_their_raw_form() -> Result<(), MimeError> {
    let mime = parse_mime_type(b"text/html;Charset=\"a\\\"b\\\\\";x=Y ;empty=\"\"")?;
    let mut parameters = mime.parameters();
    let charset = parameters.next();
    assert_eq!(charset.map(|p| p.name()), Some(&b"Charset"[..]));
    assert!(charset.is_some_and(|p| p.name_eq(b"CHARSET")));
    assert!(charset.is_some_and(|p| p.is_quoted()));
    assert_eq!(charset.map(|p| p.raw_value()), Some(&b"a\\\"b\\\\"[..]));
    // Escapes removed: `\"` is `"` and `\\` is `\`.
    assert!(charset.is_some_and(|p| p.value_eq(b"a\"b\\")));
    assert_eq!(
        charset.map(|p| p.value().collect::<Vec<u8>>()),
        Some(b"a\"b\\".to_vec())
    );
    let x = parameters.next();
    assert!(x.is_some_and(|p| !p.is_quoted()));
    assert!(x.is_some_and(|p| p.value_eq(b"Y")));
    assert!(x.is_some_and(|p| p.value_eq_ignore_ascii_case(b"y")));
    assert!(x.is_some_and(|p| !p.value_eq(b"y")));
    let empty = parameters.next();
    assert!(empty.is_some_and(|p| p.value_eq(b"")));
    assert!(parameters.next().is_none());
    assert!(mime.parameter(b"X").is_some_and(|p| p.value_eq(b"Y")));
    assert!(mime.parameter(b"y").is_none());
    Ok(())
}

#[test]
fn the_first_valid_occurrence_of_a_name_wins() {
    // An invalid first occurrence does not set the name (step 11.10 checks validity first).
    assert_eq!(
        serialize(b"x/x;A=\"\x01\";a=2;A=3").as_deref(),
        Some("x/x;a=2")
    );
    // Names compare in ASCII lowercase.
    assert_eq!(
        serialize(b"x/x;CHARSET=a;charset=b;b=c").as_deref(),
        Some("x/x;charset=a;b=c")
    );
}

#[test]
fn parameters_beyond_the_limit_are_not_examined() -> Result<(), MimeError> {
    let mut expected = String::from("x/x");
    for i in 0..MAX_MIME_PARAMETERS {
        expected.push_str(&std::format!(";p{i}=v"));
    }
    let mut input = Vec::from(expected.as_bytes());
    // Invalid parameters do not count towards the limit.
    input.extend(b";=v;a b=v;c=\x01");
    assert_eq!(serialize(&input), Some(expected.clone()));
    // The next valid parameter is past the limit: not examined.
    input.extend(b";late=v");
    assert_eq!(serialize(&input), Some(expected));
    assert!(parse_mime_type(&input)?.parameter(b"late").is_none());
    Ok(())
}

#[test]
fn length_limit_is_checked_before_parsing() {
    let mut input = Vec::from(&b"x/"[..]);
    input.resize(MAX_MIME_TYPE_LEN, b'x');
    assert!(parse_mime_type(&input).is_ok());
    input.push(b'x');
    assert_eq!(parse_mime_type(&input).err(), Some(MimeError::TooLong));
}

#[test]
fn display_is_the_serialization() -> Result<(), MimeError> {
    let mime = parse_mime_type(b"Text/HTML; Charset=\"utf-8\"")?;
    assert_eq!(std::format!("{mime}"), "text/html;charset=utf-8");
    Ok(())
}
