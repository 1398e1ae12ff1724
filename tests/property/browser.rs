//! Property tests of the browser model (`cors_core::browser`), mode `cors`, both profiles:
//!
//! - the verdict and the preflight request do not depend on the order of the script's
//!   headers or on the case of their names;
//! - `Access-Control-Request-Headers` is exactly the CORS-unsafe request-header names, as a
//!   naive reference computed here from the standard's text gives them, and a preflight is
//!   needed exactly when the method is not CORS-safelisted or that list is not empty;
//! - a preflight response built to allow a request allows it, and leaving out the method or
//!   one name blocks it with `MethodDisallowed` / `HeaderDisallowed` naming it;
//! - the CORS check accepts exactly the serialized origin (and `*` without credentials);
//! - `Set-Cookie` and `Set-Cookie2` are never exposed, and `Access-Control-Expose-Headers: *`
//!   without credentials exposes every other header.
//!
//! The references are deliberately naive (`Vec`s, sorting, string joins) and take from
//! `cors-core` only the per-header predicates the standard names (CORS-safelisted
//! request-header, forbidden request-header). Random choices that only shape a generated
//! response (whitespace, case, order) come from a seeded [`Rng`].

use std::fmt::Write as _;
use std::net::{Ipv4Addr, Ipv6Addr};

use cors_core::browser::diagnostics::BlockReason;
use cors_core::browser::request::{
    Classification, FetchInput, RedirectMode, RequestError, RequestMode, Verdict, classify_fetch,
    is_cors_safelisted_request_header, is_forbidden_request_header,
};
use cors_core::browser::response::{
    ExposedHeaders, PreflightedRequest, cors_check, validate_preflight_response,
};
use cors_core::browser::{CredentialsMode, Profile};
use cors_core::http::BoundedHeaders;
use cors_core::{Host, OpaqueId, Origin};
use proptest::prelude::*;
use proptest::sample::Index;

type Bytes = Vec<u8>;
type Pairs = Vec<(Bytes, Bytes)>;

const PROFILES: [Profile; 2] = [Profile::Spec, Profile::Chromium];
const CREDENTIALS: [CredentialsMode; 3] = [
    CredentialsMode::Omit,
    CredentialsMode::SameOrigin,
    CredentialsMode::Include,
];

/// The URL's origin: every request is cross-origin to it.
const API: Origin<'static> = Origin::tuple("https", Host::Domain("api.example"), None);

// ---------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------

/// The request's origin: tuple origins of each host kind, or an opaque one (`null`).
fn request_origin() -> impl Strategy<Value = Origin<'static>> {
    prop_oneof![
        3 => Just(Origin::tuple("https", Host::Domain("page.example"), None)),
        1 => Just(Origin::tuple("http", Host::Ipv4(Ipv4Addr::new(127, 0, 0, 1)), Some(8001))),
        1 => Just(Origin::tuple("https", Host::Ipv6(Ipv6Addr::LOCALHOST), Some(8443))),
        1 => Just(Origin::tuple("http", Host::Domain("xn--nxasmq6b.example"), None)),
        1 => any::<u64>().prop_map(|id| Origin::Opaque(OpaqueId(id))),
    ]
}

fn profile() -> impl Strategy<Value = Profile> {
    prop::sample::select(PROFILES.to_vec())
}

fn credentials() -> impl Strategy<Value = CredentialsMode> {
    prop::sample::select(CREDENTIALS.to_vec())
}

fn bytes_of(values: &'static [&'static str]) -> impl Strategy<Value = Bytes> + Clone {
    prop::sample::select(values).prop_map(|v| v.as_bytes().to_vec())
}

/// `n` copies of a byte allowed in every safelisted value: long values reach the 128-byte
/// limit of one header and the 1024-byte limit of the list.
fn long_value() -> impl Strategy<Value = Bytes> + Clone {
    (prop::sample::select(b"a*-;=. 1".to_vec()), 60usize..=130).prop_map(|(b, n)| vec![b; n])
}

/// An RFC 9110 token: a header name, a method, a list element.
fn token() -> impl Strategy<Value = Bytes> + Clone {
    "[a-zA-Z0-9!#$%&'*+.^_`|~-]{1,10}".prop_map(String::into_bytes)
}

/// Any value a script can pass without a `TypeError`: no NUL, CR or LF inside (HTTP
/// whitespace around it is normalized away).
fn script_value() -> impl Strategy<Value = Bytes> + Clone {
    prop_oneof![
        2 => "[ -~]{0,24}".prop_map(String::into_bytes),
        1 => prop::collection::vec(
            any::<u8>().prop_filter("NUL, CR, LF", |b| !matches!(b, 0 | b'\r' | b'\n')),
            0..24,
        ),
        1 => ("[ \t\r\n]{0,2}", "[!-~]{0,12}", "[ \t\r\n]{0,2}")
            .prop_map(|(a, b, c)| format!("{a}{b}{c}").into_bytes()),
        1 => long_value(),
    ]
}

/// A (name, value) pair a script may pass, weighted towards the names whose values matter:
/// the safelisted names with valid and invalid values, Chromium's client hints, forbidden
/// names, method overrides, `Authorization`, `*` and arbitrary tokens.
fn valid_header() -> impl Strategy<Value = (Bytes, Bytes)> + Clone {
    let accept = (
        bytes_of(&["accept"]),
        prop_oneof![
            bytes_of(&[
                "*/*",
                "text/html",
                "application/json, text/plain;q=0.9",
                "a\tb\u{80}",
                "a\"b",
                "\x01",
                "x\x7f",
                "(",
                "[x]"
            ]),
            long_value(),
        ],
    );
    let language = (
        bytes_of(&["accept-language", "content-language"]),
        prop_oneof![
            bytes_of(&[
                "fr",
                "en-US,fr;q=0.5",
                "*",
                "de-DE ",
                "@",
                "a\tb",
                "a_b",
                "\u{e9}"
            ]),
            long_value(),
        ],
    );
    let content_type = (
        bytes_of(&["content-type"]),
        bytes_of(&[
            "text/plain",
            "text/plain;charset=utf-8",
            "Text/Plain",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
            "text/plain;a",
            "b",
            "application/json",
            "text/html",
            "text /plain",
            "text/plain,",
            "text/plain;garbage",
            "multipart/form-data;\"",
            "application/csp-report",
        ]),
    );
    let range = (
        bytes_of(&["range"]),
        bytes_of(&[
            "bytes=0-1",
            "bytes=200-",
            "bytes=-5",
            "bytes=5-1",
            "bytes =0-1",
            "bytes=0-1,2-3",
            "bytes=0-9223372036854775806",
            "bytes=0-9223372036854775807",
            "bytes=1-",
            "items=0-1",
        ]),
    );
    let client_hint = (
        bytes_of(&[
            "dpr",
            "device-memory",
            "downlink",
            "width",
            "viewport-width",
            "rtt",
            "ect",
            "save-data",
            "intervention",
        ]),
        bytes_of(&[
            "2", "1.5", "1.", "abc", "on", "ON", "off", "4g", "4G", "slow-2g", "100", "1e3", "",
        ]),
    );
    let forbidden = (
        bytes_of(&[
            "cookie",
            "host",
            "origin",
            "referer",
            "dnt",
            "set-cookie",
            "access-control-request-headers",
            "access-control-request-method",
            "content-length",
            "sec-fetch-mode",
            "proxy-authorization",
            "keep-alive",
        ]),
        script_value(),
    );
    let method_override = (
        bytes_of(&[
            "x-http-method-override",
            "x-http-method",
            "x-method-override",
        ]),
        bytes_of(&[
            "GET",
            "PUT",
            "CONNECT",
            "put, trace",
            "\"TRACE\"",
            "track ",
            "a,\"b,connect\"",
        ]),
    );
    let other = (
        prop_oneof![
            bytes_of(&[
                "authorization",
                "last-event-id",
                "x-test",
                "x-requested-with",
                "cache-control",
                "*"
            ]),
            token(),
        ],
        script_value(),
    );
    prop_oneof![
        3 => accept,
        2 => language,
        3 => content_type,
        2 => range,
        2 => client_hint,
        1 => forbidden,
        1 => method_override,
        3 => other,
    ]
}

/// A pair that makes filling the headers throw a `TypeError`.
fn invalid_header() -> impl Strategy<Value = (Bytes, Bytes)> + Clone {
    prop_oneof![
        (
            bytes_of(&["x b", "", "x:y", "\u{e9}", "a\r", "(x)"]),
            script_value()
        ),
        (token(), bytes_of(&["a\rb", "a\0", "a\nb", "\0"])),
    ]
}

/// A long value that is CORS-safelisted in at least one profile for each name: many of
/// them pass the 1024-byte total. The first five names are the standard's; Chromium
/// combines same-name values, so it needs distinct names, and safelists client hints of
/// digits. Each is (name, prefix, suffix, fill byte).
const LONG_SAFELISTED: [(&str, &str, &str, u8); 12] = [
    ("accept", "", "", b'a'),
    ("Accept-Language", "en-", "", b'a'),
    ("content-language", "", "", b'a'),
    ("content-type", "text/plain;", "", b'a'),
    ("range", "bytes=", "-", b'1'),
    ("intervention", "", "", b'x'),
    ("dpr", "", "", b'1'),
    ("device-memory", "1.", "", b'5'),
    ("downlink", "", "", b'1'),
    ("width", "", "", b'1'),
    ("viewport-width", "", "", b'1'),
    ("rtt", "", "", b'1'),
];

/// Item `index` of [`LONG_SAFELISTED`] with `n` fill bytes.
fn long_safelisted(index: usize, n: usize) -> (Bytes, Bytes) {
    let (name, prefix, suffix, fill) = LONG_SAFELISTED[index];
    let mut value = prefix.as_bytes().to_vec();
    value.resize(value.len() + n, fill);
    value.extend_from_slice(suffix.as_bytes());
    (name.as_bytes().to_vec(), value)
}

/// A script's header list: mostly varied pairs, sometimes many long safelisted values
/// (around the 1024-byte total): repeated standard names, or distinct names of both
/// profiles.
fn valid_headers() -> impl Strategy<Value = Pairs> + Clone {
    let standard = prop::collection::vec((0..5usize, 70usize..=120), 8..14).prop_map(|items| {
        items
            .into_iter()
            .map(|(i, n)| long_safelisted(i, n))
            .collect::<Pairs>()
    });
    let distinct = (
        prop::sample::subsequence((0..LONG_SAFELISTED.len()).collect::<Vec<_>>(), 8..=12),
        prop::collection::vec(95usize..=117, LONG_SAFELISTED.len()),
    )
        .prop_map(|(indices, lengths)| {
            indices
                .into_iter()
                .map(|i| long_safelisted(i, lengths[i]))
                .collect::<Pairs>()
        });
    let heavy = (
        prop_oneof![standard, distinct],
        prop::collection::vec(valid_header(), 0..3),
    )
        .prop_map(|(mut long, rest)| {
            long.extend(rest);
            long
        })
        .prop_shuffle();
    prop_oneof![
        4 => prop::collection::vec(valid_header(), 0..12),
        1 => heavy,
    ]
}

/// A script's header list that may hold an invalid pair.
fn any_headers() -> impl Strategy<Value = Pairs> + Clone {
    prop_oneof![
        6 => valid_headers(),
        1 => (valid_headers(), invalid_header(), any::<Index>()).prop_map(|(mut list, bad, at)| {
            list.insert(at.index(list.len() + 1), bad);
            list
        }),
    ]
}

/// `init.method`: safelisted or not, any case (normalization uppercases only six methods),
/// `*`, other tokens.
fn method() -> impl Strategy<Value = Bytes> + Clone {
    prop_oneof![
        4 => bytes_of(&[
            "GET", "HEAD", "POST", "get", "post", "Head", "PUT", "put", "DELETE", "delete",
            "OPTIONS", "options", "PATCH", "patch", "*", "x-custom", "M!#",
        ]),
        1 => token().prop_filter("forbidden method", |m| {
            !["CONNECT", "TRACE", "TRACK"].iter().any(|f| m.eq_ignore_ascii_case(f.as_bytes()))
        }),
    ]
}

/// A `fetch()` in mode `cors` to [`API`].
#[derive(Clone, Debug)]
struct Request {
    origin: Origin<'static>,
    method: Bytes,
    headers: Pairs,
    credentials: CredentialsMode,
    profile: Profile,
}

fn request(headers: impl Strategy<Value = Pairs>) -> impl Strategy<Value = Request> {
    (
        request_origin(),
        method(),
        headers,
        credentials(),
        profile(),
    )
        .prop_map(|(origin, method, headers, credentials, profile)| Request {
            origin,
            method,
            headers,
            credentials,
            profile,
        })
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// A splitmix64 generator: the shape of a generated response (whitespace, case, order).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    fn coin(&mut self) -> bool {
        self.next() & 1 == 1
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }

    fn random_case(&mut self, bytes: &[u8]) -> Bytes {
        bytes
            .iter()
            .map(|&b| {
                if self.coin() {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect()
    }
}

fn input<'a>(request: &'a Request, headers: &'a Pairs) -> FetchInput<'a, &'a Pairs> {
    FetchInput {
        origin: request.origin,
        url_scheme: "https",
        url_origin: API,
        method: &request.method,
        headers,
        mode: RequestMode::Cors,
        credentials: request.credentials,
        redirect: RedirectMode::Follow,
        use_cors_preflight: false,
        profile: request.profile,
    }
}

/// The value of `Access-Control-Request-Headers` of the preflight, if any.
fn acrh<'a>(classification: &Classification<'a, &'a Pairs>) -> Option<String> {
    let preflight = classification.preflight()?;
    let value = preflight.access_control_request_headers()?;
    Some(value.to_string())
}

/// What a `fetch()` does before anything is sent, as text: the error, or the verdict and the
/// preflight request (method, `Accept`, `Access-Control-Request-Method`,
/// `Access-Control-Request-Headers`, `Origin`). Which invalid pair a `TypeError` names
/// depends on the order, so only "a header" is kept.
fn outcome(request: &Request, headers: &Pairs) -> String {
    let classification = match classify_fetch(input(request, headers)) {
        Err(RequestError::Header(_)) => return "TypeError: a header".to_owned(),
        Err(error) => return format!("{error:?}"),
        Ok(classification) => classification,
    };
    let mut out = format!("{:?}", classification.verdict());
    if let Some(preflight) = classification.preflight() {
        let method = String::from_utf8_lossy(preflight.access_control_request_method());
        write!(
            out,
            "\nOPTIONS\naccept: */*\naccess-control-request-method: {method}"
        )
        .unwrap();
        if let Some(names) = preflight.access_control_request_headers() {
            write!(out, "\naccess-control-request-headers: {names}").unwrap();
        }
        write!(out, "\norigin: {}", preflight.origin()).unwrap();
    }
    out
}

// ---------------------------------------------------------------------------------------
// The naive reference, from the standard's text
// ---------------------------------------------------------------------------------------

/// <https://fetch.spec.whatwg.org/#concept-header-value-normalize>: remove leading and
/// trailing HTTP whitespace bytes (HT, LF, CR, SP).
fn normalize(value: &[u8]) -> &[u8] {
    let ws = |b: &u8| matches!(b, b'\t' | b'\n' | b'\r' | b' ');
    let start = value.iter().position(|b| !ws(b)).unwrap_or(value.len());
    let end = value.iter().rposition(|b| !ws(b)).map_or(start, |i| i + 1);
    &value[start..end]
}

/// RFC 9110 `token`.
fn is_token(bytes: &[u8]) -> bool {
    !bytes.is_empty()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(b))
}

/// The request's header list after `new Request(url, {headers})` with guard `request`
/// (#concept-headers-fill, #concept-headers-append, #headers-validate): each value
/// normalized; an invalid name or value throws (`None`); a forbidden request-header is
/// skipped.
fn reference_header_list(pairs: &Pairs) -> Option<Vec<(&[u8], &[u8])>> {
    let mut list = Vec::new();
    for (name, value) in pairs {
        let value = normalize(value);
        if !is_token(name) || value.iter().any(|b| matches!(b, 0 | b'\r' | b'\n')) {
            return None;
        }
        if !is_forbidden_request_header(name, value) {
            list.push((name.as_slice(), value));
        }
    }
    Some(list)
}

/// <https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names>, as a `Vec`:
///
/// 1. unsafeNames, potentiallyUnsafeNames, safelistValueSize = 0;
/// 2. each header that is not a CORS-safelisted request-header adds its name to
///    unsafeNames; each other adds its name to potentiallyUnsafeNames and its value's length
///    to safelistValueSize;
/// 3. if safelistValueSize > 1024, every potentially unsafe name is unsafe too;
/// 4. the names lowercased, deduplicated, sorted by bytes.
///
/// Chromium (DEV-CHROMIUM-COMBINED-VALUES) keeps one header per name, its values joined by
/// `, ` in order: its "headers" are those combined pairs.
fn reference_unsafe_names(list: &[(&[u8], &[u8])], profile: Profile) -> Vec<String> {
    let headers: Vec<(&[u8], Bytes)> = match profile {
        Profile::Spec => list.iter().map(|&(n, v)| (n, v.to_vec())).collect(),
        Profile::Chromium => {
            let mut combined: Vec<(&[u8], Bytes)> = Vec::new();
            for &(name, value) in list {
                match combined
                    .iter_mut()
                    .find(|(n, _)| n.eq_ignore_ascii_case(name))
                {
                    Some((_, joined)) => {
                        joined.extend_from_slice(b", ");
                        joined.extend_from_slice(value);
                    }
                    None => combined.push((name, value.to_vec())),
                }
            }
            combined
        }
    };
    let mut unsafe_names = Vec::new();
    let mut potentially_unsafe_names = Vec::new();
    let mut safelist_value_size = 0;
    for (name, value) in &headers {
        if is_cors_safelisted_request_header(name, value, profile) {
            potentially_unsafe_names.push(*name);
            safelist_value_size += value.len();
        } else {
            unsafe_names.push(*name);
        }
    }
    if safelist_value_size > 1024 {
        unsafe_names.extend(potentially_unsafe_names);
    }
    let mut set: Vec<String> = unsafe_names
        .iter()
        .map(|name| String::from_utf8(name.to_ascii_lowercase()).expect("a token is ASCII"))
        .collect();
    set.sort();
    set.dedup();
    set
}

/// <https://fetch.spec.whatwg.org/#concept-method-normalize>, then
/// <https://fetch.spec.whatwg.org/#cors-safelisted-method>.
fn reference_method_is_safelisted(method: &[u8]) -> bool {
    let upper = method.to_ascii_uppercase();
    let normalized = match upper.as_slice() {
        b"DELETE" | b"GET" | b"HEAD" | b"OPTIONS" | b"POST" | b"PUT" => upper.as_slice(),
        _ => method,
    };
    matches!(normalized, b"GET" | b"HEAD" | b"POST")
}

// ---------------------------------------------------------------------------------------
// Building responses
// ---------------------------------------------------------------------------------------

/// A `#` list of `elements` over one or two header values, with random optional whitespace
/// around the commas and random empty elements.
fn render_list(elements: &[Bytes], rng: &mut Rng) -> Vec<Bytes> {
    const OWS: [&[u8]; 4] = [b"", b" ", b"\t", b" \t "];
    let mut values = vec![Vec::new(); 1 + rng.below(2)];
    for element in elements {
        let at = rng.below(values.len());
        let value = &mut values[at];
        if rng.below(4) == 0 {
            value.extend_from_slice(OWS[rng.below(4)]);
            value.push(b',');
        }
        if !value.is_empty() {
            value.push(b',');
        }
        value.extend_from_slice(OWS[rng.below(4)]);
        value.extend_from_slice(element);
        value.extend_from_slice(OWS[rng.below(4)]);
    }
    if rng.below(4) == 0 {
        values[0].extend_from_slice(b", ");
    }
    values
}

/// A preflight response: `Access-Control-Allow-Origin: origin`, `-Allow-Credentials: true`
/// with `include`, `-Allow-Methods` listing `methods` and `-Allow-Headers` listing `names`
/// (each in random case), maybe a max-age, some unrelated headers, in random order.
fn preflight_response(
    origin: &str,
    credentials: CredentialsMode,
    methods: &[Bytes],
    names: &[Bytes],
    seed: u64,
) -> Pairs {
    let mut rng = Rng(seed);
    let mut name = |n: &str| rng.random_case(n.as_bytes());
    let mut response: Pairs = vec![
        (
            name("access-control-allow-origin"),
            origin.as_bytes().to_vec(),
        ),
        (name("vary"), b"Origin".to_vec()),
    ];
    if credentials.is_include() {
        response.push((name("access-control-allow-credentials"), b"true".to_vec()));
    }
    let mut rng = Rng(seed ^ 1);
    let names: Vec<Bytes> = names.iter().map(|n| rng.random_case(n)).collect();
    for value in render_list(methods, &mut rng) {
        response.push((rng.random_case(b"access-control-allow-methods"), value));
    }
    for value in render_list(&names, &mut rng) {
        response.push((rng.random_case(b"access-control-allow-headers"), value));
    }
    let max_age: [&[u8]; 4] = [b"0", b"600", b"86400", b"-1"];
    if rng.coin() {
        response.push((
            b"Access-Control-Max-Age".to_vec(),
            max_age[rng.below(4)].to_vec(),
        ));
    }
    rng.shuffle(&mut response);
    response
}

fn is_set_cookie(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"set-cookie") || name.eq_ignore_ascii_case(b"set-cookie2")
}

/// Response headers: the two forbidden response-header names in any case, CORS-safelisted
/// response-header names, other names, tokens; never `Access-Control-Expose-Headers`.
fn response_headers() -> impl Strategy<Value = Pairs> {
    let name = prop_oneof![
        2 => bytes_of(&["Set-Cookie", "set-cookie2", "SET-COOKIE", "Set-Cookie2"]),
        2 => bytes_of(&["Content-Type", "cache-control", "Content-Length", "Expires", "Pragma"]),
        2 => bytes_of(&[
            "X-Secret", "Age", "Server", "Access-Control-Allow-Origin", "*", "x-secret",
        ]),
        1 => token(),
    ]
    .prop_filter("Access-Control-Expose-Headers", |n| {
        !n.eq_ignore_ascii_case(b"access-control-expose-headers")
    });
    prop::collection::vec((name, script_value()), 0..12)
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// Shuffling the script's headers and flipping the case of their names changes neither
    /// the verdict nor the preflight request. For Chromium, same-name values keep their
    /// relative order: Chromium checks their combined value, which depends on it (see
    /// `chromium_combined_values_depend_on_their_order`).
    #[test]
    fn verdict_ignores_header_order_and_name_case(
        (request, shuffled) in request(any_headers())
            .prop_flat_map(|r| { let h = r.headers.clone(); (Just(r), Just(h).prop_shuffle()) }),
        seed in any::<u64>(),
    ) {
        let mut shuffled = shuffled;
        if request.profile == Profile::Chromium {
            let mut unused: Vec<&(Bytes, Bytes)> = request.headers.iter().collect();
            shuffled = shuffled
                .iter()
                .map(|(name, _)| {
                    let i = unused.iter().position(|(n, _)| n.eq_ignore_ascii_case(name)).unwrap();
                    unused.remove(i).clone()
                })
                .collect();
        }
        let mut rng = Rng(seed);
        for (name, _) in &mut shuffled {
            *name = rng.random_case(name);
        }
        let before = outcome(&request, &request.headers);
        let after = outcome(&request, &shuffled);
        prop_assert_eq!(before, after, "reordered: {:?}", shuffled);
    }

    /// `Access-Control-Request-Headers` is the reference's CORS-unsafe names joined by `,`,
    /// absent when there are none; a preflight is needed exactly when the method is not
    /// CORS-safelisted or the names are not empty; filling throws exactly when the
    /// reference's fill does.
    #[test]
    fn request_headers_are_the_cors_unsafe_names(request in request(any_headers())) {
        let result = classify_fetch(input(&request, &request.headers));
        let Some(list) = reference_header_list(&request.headers) else {
            let verdict = result.as_ref().map(Classification::verdict);
            prop_assert!(matches!(result, Err(RequestError::Header(_))), "{:?}", verdict);
            return Ok(());
        };
        let classification = result.map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let names = reference_unsafe_names(&list, request.profile);
        let method_safelisted = reference_method_is_safelisted(&request.method);
        let unsafe_names: Vec<String> = classification.unsafe_names().names()
            .map(|n| String::from_utf8(n.to_ascii_lowercase()).unwrap())
            .collect();
        prop_assert_eq!(&unsafe_names, &names);
        let preflight = !method_safelisted || !names.is_empty();
        let verdict = classification.verdict();
        prop_assert_eq!(classification.preflight().is_some(), preflight, "{:?}", verdict);
        prop_assert_eq!(matches!(verdict, Verdict::CorsWithPreflight(_)), preflight);
        let expected = (preflight && !names.is_empty()).then(|| names.join(","));
        prop_assert_eq!(acrh(&classification), expected);
    }

    /// The CORS check passes with `Access-Control-Allow-Origin` equal to the serialized
    /// origin (and `Access-Control-Allow-Credentials: true` with `include`, without which it
    /// fails); one byte replaced, removed or inserted fails it; `*` passes exactly without
    /// `include`.
    #[test]
    fn cors_check_accepts_exactly_the_serialized_origin(
        origin in request_origin(),
        credentials in credentials(),
        noise in prop::collection::vec(
            (bytes_of(&["Vary", "Content-Type", "Access-Control-Allow-Methods"]), script_value()),
            0..4,
        ),
        (at, kind, byte) in (any::<Index>(), 0..3u8, any::<u8>()),
        seed in any::<u64>(),
    ) {
        let serialized = origin.to_string().into_bytes();
        let include = credentials.is_include();
        let check = |acao: &[u8], acac: bool| {
            let mut rng = Rng(seed);
            let mut list = noise.clone();
            list.push((rng.random_case(b"access-control-allow-origin"), acao.to_vec()));
            if acac {
                list.push((rng.random_case(b"access-control-allow-credentials"), b"true".to_vec()));
            }
            rng.shuffle(&mut list);
            let headers = BoundedHeaders::new(&list).unwrap();
            cors_check(&headers, &serialized, credentials).map_err(|e| format!("{e:?}"))
        };
        prop_assert_eq!(check(&serialized, include), Ok(()));
        prop_assert_eq!(check(&serialized, true), Ok(()));
        prop_assert_eq!(check(&serialized, false).is_ok(), !include);
        let mut mutated = serialized.clone();
        match kind {
            0 => {
                let i = at.index(mutated.len());
                mutated[i] = if byte == mutated[i] { byte ^ 0x20 } else { byte };
            }
            1 => { mutated.remove(at.index(mutated.len())); }
            _ => {
                let i = at.index(mutated.len() + 1);
                // Tab or space at either end is not part of the field value.
                let edge = i == 0 || i == mutated.len();
                mutated.insert(i, if edge && matches!(byte, b' ' | b'\t') { b'x' } else { byte });
            }
        }
        let text = String::from_utf8_lossy(&mutated);
        prop_assert!(check(&mutated, true).is_err(), "{:?} passed", text);
        prop_assert_eq!(check(b"*", true).is_ok(), !include);
    }

    /// `Set-Cookie` and `Set-Cookie2` are never exposed, whatever
    /// `Access-Control-Expose-Headers` lists; with `*` in it and credentials not `include`,
    /// every other header of the response is.
    #[test]
    fn exposed_headers_never_include_set_cookie(
        response in response_headers(),
        listed in prop::collection::vec(prop_oneof![
            bytes_of(&["set-cookie", "Set-Cookie2", "x-secret", "age", "*", "X-Other"]),
            token(),
        ], 0..5),
        credentials in credentials(),
        seed in any::<u64>(),
    ) {
        let mut rng = Rng(seed);
        let expose = |listed: &[Bytes], rng: &mut Rng| {
            let mut list = response.clone();
            for value in render_list(listed, rng) {
                let at = rng.below(list.len() + 1);
                list.insert(at, (rng.random_case(b"access-control-expose-headers"), value));
            }
            list
        };
        let list = expose(&listed, &mut rng);
        let headers = BoundedHeaders::new(&list).unwrap();
        let exposed = ExposedHeaders::new(&headers, credentials);
        prop_assert!(!exposed.is_exposed(b"set-cookie") && !exposed.is_exposed(b"SET-COOKIE2"));
        prop_assert!(exposed.filtered().all(|(name, _)| !is_set_cookie(name)));
        prop_assert!(exposed.names().all(|name| !is_set_cookie(name)));

        let mut starred = listed.clone();
        starred.insert(rng.below(listed.len() + 1), b"*".to_vec());
        let list = expose(&starred, &mut rng);
        let headers = BoundedHeaders::new(&list).unwrap();
        let credentials = match credentials {
            CredentialsMode::Include => CredentialsMode::Omit,
            other => other,
        };
        let exposed = ExposedHeaders::new(&headers, credentials);
        prop_assert!(exposed.exposes_all());
        for (name, _) in &list {
            let text = String::from_utf8_lossy(name);
            prop_assert_eq!(exposed.is_exposed(name), !is_set_cookie(name), "{:?}", text);
        }
        let filtered: Vec<_> = exposed.filtered().collect();
        let expected: Vec<_> = list
            .iter()
            .filter(|(n, _)| !is_set_cookie(n))
            .map(|(n, v)| (n.as_slice(), normalize_tab_space(v)))
            .collect();
        prop_assert_eq!(filtered, expected);
        let mut names: Vec<Bytes> = expected_names(&list);
        names.sort();
        names.dedup();
        let got: Vec<Bytes> = exposed.names().map(<[u8]>::to_ascii_lowercase).collect();
        prop_assert_eq!(got, names);
    }
}

/// A header value as HTTP field parsing leaves it: without leading or trailing tab or space.
fn normalize_tab_space(value: &[u8]) -> &[u8] {
    let start = value
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t'))
        .unwrap_or(value.len());
    let end = value
        .iter()
        .rposition(|b| !matches!(b, b' ' | b'\t'))
        .map_or(start, |i| i + 1);
    &value[start..end]
}

/// The lowercased names of `list` other than `Set-Cookie` and `Set-Cookie2`.
fn expected_names(list: &Pairs) -> Vec<Bytes> {
    list.iter()
        .map(|(n, _)| n.to_ascii_lowercase())
        .filter(|n| !is_set_cookie(n))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 1024,
        max_global_rejects: 1 << 16,
        ..ProptestConfig::default()
    })]

    /// For a request that needs a preflight, a response with the serialized origin,
    /// `Access-Control-Allow-Credentials: true` with `include`, the method in
    /// `Access-Control-Allow-Methods` (exact bytes, among other methods) and the unsafe
    /// names in `Access-Control-Allow-Headers` (any case, among other names), with random
    /// whitespace and empty elements, passes in both profiles. Leaving out the method (when
    /// not safelisted) gives `MethodDisallowed(method)`; leaving out one name gives
    /// `HeaderDisallowed(name)`, unless another listed name is `*`, which covers it without
    /// `include` (not `Authorization` in Spec).
    #[test]
    fn preflight_response_built_for_the_request_passes(
        request in request(valid_headers()),
        status in 200u16..=299,
        other_methods in prop::collection::vec("[A-Za-z]{1,8}".prop_map(String::into_bytes), 0..3),
        other_names in prop::collection::vec(token(), 0..3),
        removed in any::<Index>(),
        seed in any::<u64>(),
    ) {
        let classification = classify_fetch(input(&request, &request.headers)).unwrap();
        let Some(names) = classification.preflight().map(|_| acrh(&classification)) else {
            return Err(TestCaseError::reject("no preflight"));
        };
        let names: Vec<Bytes> = names
            .iter()
            .flat_map(|v| v.split(','))
            .map(|n| n.as_bytes().to_vec())
            .collect();
        let method = classification.method();
        let mut serialized = String::new();
        classification.write_serialized_origin(&mut serialized).unwrap();
        let has_authorization = classification
            .headers()
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(b"authorization"));
        // Other elements never match what they must not: the method exactly, a name in any case.
        let mut methods: Vec<Bytes> = other_methods.into_iter().filter(|m| m != method).collect();
        let mut listed: Vec<Bytes> = other_names
            .into_iter()
            .filter(|n| n != b"*" && !names.iter().any(|u| u.eq_ignore_ascii_case(n)))
            .collect();
        let mut rng = Rng(seed);
        methods.insert(rng.below(methods.len() + 1), method.to_vec());
        for name in &names {
            listed.insert(rng.below(listed.len() + 1), name.clone());
        }
        let validate = |methods: &[Bytes], listed: &[Bytes], profile| {
            let response =
                preflight_response(&serialized, request.credentials, methods, listed, seed);
            let headers = BoundedHeaders::new(&response).unwrap();
            let preflighted = PreflightedRequest {
                method,
                unsafe_header_names: names.iter().map(Vec::as_slice),
                has_authorization,
                credentials: request.credentials,
                use_cors_preflight: false,
                serialized_origin: serialized.as_bytes(),
            };
            validate_preflight_response(&preflighted, status, &headers, profile)
                .map(|_| ())
                .map_err(|e| format!("{e:?}"))
        };
        for profile in PROFILES {
            prop_assert_eq!(validate(&methods, &listed, profile), Ok(()), "{:?}", profile);
            if !reference_method_is_safelisted(method) {
                let without: Vec<Bytes> =
                    methods.iter().filter(|m| *m != method).cloned().collect();
                let want = format!("{:?}", BlockReason::MethodDisallowed(method));
                prop_assert_eq!(validate(&without, &listed, profile), Err(want));
            }
            if names.is_empty() {
                continue;
            }
            let name = &names[removed.index(names.len())];
            let without: Vec<Bytes> =
                listed.iter().filter(|n| !n.eq_ignore_ascii_case(name)).cloned().collect();
            let star_covers = without.iter().any(|n| n == b"*")
                && !request.credentials.is_include()
                && (name != b"authorization" || profile == Profile::Chromium);
            let want = if star_covers {
                Ok(())
            } else {
                Err(format!("{:?}", BlockReason::HeaderDisallowed(name)))
            };
            let text = String::from_utf8_lossy(name);
            let got = validate(&methods, &without, profile);
            prop_assert_eq!(got, want, "{:?} without {:?}", profile, text);
        }
    }
}

/// Chromium checks the combined value of a name (DEV-CHROMIUM-COMBINED-VALUES), so the
/// order of same-name values can matter there: `text/plain;a, b` is a `text/plain` MIME
/// type, `b, text/plain;a` does not parse. The standard checks each value on its own.
#[test]
fn chromium_combined_values_depend_on_their_order() {
    let pairs = |a: &str, b: &str| -> Pairs {
        vec![
            (b"Content-Type".to_vec(), a.as_bytes().to_vec()),
            (b"content-type".to_vec(), b.as_bytes().to_vec()),
        ]
    };
    let request = |profile| Request {
        origin: Origin::tuple("https", Host::Domain("page.example"), None),
        method: b"GET".to_vec(),
        headers: Vec::new(),
        credentials: CredentialsMode::Omit,
        profile,
    };
    let spec = request(Profile::Spec);
    let chromium = request(Profile::Chromium);
    let forward = pairs("text/plain;a", "b");
    let backward = pairs("b", "text/plain;a");
    assert_eq!(outcome(&spec, &forward), outcome(&spec, &backward));
    assert_eq!(outcome(&chromium, &forward), "Cors");
    assert!(
        outcome(&chromium, &backward).contains("access-control-request-headers: content-type"),
        "{}",
        outcome(&chromium, &backward)
    );
}
