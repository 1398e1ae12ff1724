use super::*;
use crate::browser::CredentialsMode::{Include, Omit, SameOrigin};
use crate::browser::diagnostics::BlockReason;
use crate::browser::response::preflight::PreflightedRequest;
use crate::browser::response::preflight::validate_preflight_response;
use crate::browser::response::test_support::{Names, ORIGIN, Pair, headers, request};

type Cache = PreflightCache<&'static str, 8>;

const KEY: &str = "site-a|http://127.0.0.1:8001|http://127.0.0.1:8002/r";
const OTHER_KEY: &str = "site-a|http://127.0.0.1:8001|http://127.0.0.1:8002/other";

/// Runs a preflight for `req` answered by `extra` (plus Allow-Origin and
/// Allow-Credentials) and stores the grant; the preflight's failure if it fails.
fn preflight_and_store(
    cache: &mut Cache,
    key: &'static str,
    req: &PreflightedRequest<'static, Names>,
    extra: &[Pair],
    now: u64,
    profile: Profile,
) -> Result<(), BlockReason<'static>> {
    let mut list = heapless::Vec::<Pair, 8>::new();
    assert_eq!(list.push(("Access-Control-Allow-Origin", ORIGIN)), Ok(()));
    assert_eq!(
        list.push(("Access-Control-Allow-Credentials", "true")),
        Ok(())
    );
    assert!(list.extend_from_slice(extra).is_ok(), "{extra:?}");
    let headers = headers(&list);
    let grant = validate_preflight_response(req, 204, &headers, profile)?;
    cache.store(&key, &grant, Timestamp(now), profile);
    Ok(())
}

fn needs(
    cache: &Cache,
    method: &'static str,
    names: &'static [&'static str],
    credentials: CredentialsMode,
    now: u64,
) -> bool {
    let req = request(method, names, credentials);
    cache.needs_preflight(&KEY, &req, Timestamp(now), Profile::Spec)
}

/// web-platform-tests `fetch/api/cors/cors-preflight-cache.any.js` (cors-vectors.json group
/// `preflight_cache`): after a preflight allowing `x-test-header` for 12000 s, a second
/// POST with the same header name (another value) needs no preflight.
#[test]
fn accepts_a_cached_header_name_for_the_second_request() -> Result<(), BlockReason<'static>> {
    let mut cache = Cache::new();
    assert!(needs(&cache, "POST", &["x-test-header"], SameOrigin, 0));
    let answer = [
        ("Access-Control-Max-Age", "12000"),
        ("Access-Control-Allow-Methods", "POST"),
        ("Access-Control-Allow-Headers", "x-test-header"),
    ];
    let req = request("POST", &["x-test-header"], SameOrigin);
    preflight_and_store(&mut cache, KEY, &req, &answer, 0, Profile::Spec)?;
    assert!(!needs(&cache, "POST", &["x-test-header"], SameOrigin, 1));
    assert!(!needs(&cache, "POST", &["X-Test-Header"], SameOrigin, 1));
    // Another URL (another key) is not covered.
    let req = request("POST", &["x-test-header"], SameOrigin);
    assert!(cache.needs_preflight(&OTHER_KEY, &req, Timestamp(1), Profile::Spec));
    Ok(())
}

/// `#concept-cache-match`: an entry made with credentials serves requests without
/// `include`; an entry made without does not serve `include`.
#[test]
fn cache_entry_match_credentials_rule() -> Result<(), BlockReason<'static>> {
    let mut cache = Cache::new();
    let answer = [("Access-Control-Allow-Methods", "PUT")];
    preflight_and_store(
        &mut cache,
        KEY,
        &request("PUT", &[], Include),
        &answer,
        0,
        Profile::Spec,
    )?;
    for credentials in [Include, SameOrigin, Omit] {
        assert!(cache.method_match(&KEY, credentials, b"PUT", Timestamp(1)));
    }
    let mut cache = Cache::new();
    preflight_and_store(
        &mut cache,
        KEY,
        &request("PUT", &[], Omit),
        &answer,
        0,
        Profile::Spec,
    )?;
    assert!(cache.method_match(&KEY, SameOrigin, b"PUT", Timestamp(1)));
    assert!(!cache.method_match(&KEY, Include, b"PUT", Timestamp(1)));
    Ok(())
}

/// `#concept-cache-match-method`: byte for byte, or `*`.
#[test]
fn method_match_is_byte_exact_or_star() -> Result<(), BlockReason<'static>> {
    let mut cache = Cache::new();
    let answer = [("Access-Control-Allow-Methods", "PATCH")];
    preflight_and_store(
        &mut cache,
        KEY,
        &request("PATCH", &[], Omit),
        &answer,
        0,
        Profile::Spec,
    )?;
    assert!(cache.method_match(&KEY, Omit, b"PATCH", Timestamp(1)));
    assert!(!cache.method_match(&KEY, Omit, b"patch", Timestamp(1)));
    assert!(!cache.method_match(&KEY, Omit, b"DELETE", Timestamp(1)));
    let star = [("Access-Control-Allow-Methods", "*")];
    preflight_and_store(
        &mut cache,
        KEY,
        &request("PUT", &[], Omit),
        &star,
        0,
        Profile::Spec,
    )?;
    assert!(cache.method_match(&KEY, Omit, b"DELETE", Timestamp(1)));
    assert!(!needs(&cache, "chicken", &[], Omit, 1));
    Ok(())
}

/// `#concept-cache-match-header`: byte-case-insensitive, or `*` for any name but
/// `Authorization`.
#[test]
fn header_name_match_is_case_insensitive_and_star_never_covers_authorization()
-> Result<(), BlockReason<'static>> {
    let mut cache = Cache::new();
    let answer = [("Access-Control-Allow-Headers", "*")];
    preflight_and_store(
        &mut cache,
        KEY,
        &request("GET", &["x-a"], Omit),
        &answer,
        0,
        Profile::Spec,
    )?;
    assert!(cache.header_name_match(&KEY, Omit, b"X-Anything", Timestamp(1), Profile::Spec));
    assert!(!cache.header_name_match(&KEY, Omit, b"Authorization", Timestamp(1), Profile::Spec));
    assert!(needs(&cache, "GET", &["authorization"], Omit, 1));
    assert!(!needs(&cache, "GET", &["x-b", "x-c"], Omit, 1));
    Ok(())
}

/// `#concept-cache`: an entry must be removed once max-age seconds have passed, so
/// `Access-Control-Max-Age: 0` caches nothing and the default is 5 seconds.
#[test]
fn entries_expire_after_max_age() -> Result<(), BlockReason<'static>> {
    let mut cache = Cache::new();
    let five = [("Access-Control-Allow-Methods", "PUT")];
    preflight_and_store(
        &mut cache,
        KEY,
        &request("PUT", &[], Omit),
        &five,
        100,
        Profile::Spec,
    )?;
    assert!(!needs(&cache, "PUT", &[], Omit, 104));
    assert!(needs(&cache, "PUT", &[], Omit, 105));
    let zero = [
        ("Access-Control-Allow-Methods", "DELETE"),
        ("Access-Control-Max-Age", "0"),
    ];
    preflight_and_store(
        &mut cache,
        KEY,
        &request("DELETE", &[], Omit),
        &zero,
        100,
        Profile::Spec,
    )?;
    assert!(needs(&cache, "DELETE", &[], Omit, 100));
    cache.remove_expired(Timestamp(105));
    assert_eq!(cache.entries().count(), 0);
    Ok(())
}

/// The imposed limit on max-age: Chromium's 7200 s cap applies to stored entries.
#[test]
fn the_profile_cap_limits_how_long_entries_live() -> Result<(), BlockReason<'static>> {
    let answer = [
        ("Access-Control-Allow-Methods", "PUT"),
        ("Access-Control-Max-Age", "86400"),
    ];
    let mut cache = Cache::new();
    preflight_and_store(
        &mut cache,
        KEY,
        &request("PUT", &[], Omit),
        &answer,
        0,
        Profile::Chromium,
    )?;
    assert!(!needs(&cache, "PUT", &[], Omit, 7199));
    assert!(needs(&cache, "PUT", &[], Omit, 7200));
    let mut cache = Cache::new();
    preflight_and_store(
        &mut cache,
        KEY,
        &request("PUT", &[], Omit),
        &answer,
        0,
        Profile::Spec,
    )?;
    assert!(!needs(&cache, "PUT", &[], Omit, 86399));
    Ok(())
}

/// Steps 7.12–7.15: a second preflight refreshes the matching entries instead of adding.
#[test]
fn a_second_preflight_refreshes_matching_entries() -> Result<(), BlockReason<'static>> {
    let mut cache = Cache::new();
    let answer = [
        ("Access-Control-Allow-Methods", "PUT"),
        ("Access-Control-Allow-Headers", "x-a"),
        ("Access-Control-Max-Age", "10"),
    ];
    preflight_and_store(
        &mut cache,
        KEY,
        &request("PUT", &["x-a"], Omit),
        &answer,
        0,
        Profile::Spec,
    )?;
    preflight_and_store(
        &mut cache,
        KEY,
        &request("PUT", &["X-A"], Omit),
        &answer,
        8,
        Profile::Spec,
    )?;
    assert_eq!(cache.entries().count(), 2);
    assert!(cache.entries().all(|e| e.expires_at() == Timestamp(18)));
    assert!(!needs(&cache, "PUT", &["x-a"], Omit, 17));
    Ok(())
}

/// Clear cache entries (`#concept-cache-clear`): everything for the key goes, other keys
/// stay.
#[test]
fn clear_removes_only_the_requests_entries() -> Result<(), BlockReason<'static>> {
    let mut cache = Cache::new();
    let answer = [("Access-Control-Allow-Methods", "PUT")];
    preflight_and_store(
        &mut cache,
        KEY,
        &request("PUT", &[], Omit),
        &answer,
        0,
        Profile::Spec,
    )?;
    preflight_and_store(
        &mut cache,
        OTHER_KEY,
        &request("PUT", &[], Omit),
        &answer,
        0,
        Profile::Spec,
    )?;
    cache.clear(&KEY);
    assert!(!cache.method_match(&KEY, Omit, b"PUT", Timestamp(1)));
    assert!(cache.method_match(&OTHER_KEY, Omit, b"PUT", Timestamp(1)));
    Ok(())
}

/// Module docs, "`*` entries made with credentials": a credentialed preflight answered with
/// a literal `*` allows only the method `*`, so its entry must not let a credentialed PUT
/// skip the preflight a real one would fail (cors-preflight-star.any.js: `*` with
/// credentials is literal).
#[test]
fn star_entries_from_credentialed_preflights_stay_literal_for_credentialed_requests()
-> Result<(), BlockReason<'static>> {
    let mut cache = Cache::new();
    let answer = [
        ("Access-Control-Allow-Methods", "*"),
        ("Access-Control-Allow-Headers", "*"),
    ];
    preflight_and_store(
        &mut cache,
        KEY,
        &request("*", &["*"], Include),
        &answer,
        0,
        Profile::Spec,
    )?;
    assert!(!needs(&cache, "*", &["*"], Include, 1));
    assert!(needs(&cache, "PUT", &[], Include, 1));
    assert!(needs(&cache, "GET", &["x-a"], Include, 1));
    // Without credentials the same preflight would have allowed any method.
    assert!(!needs(&cache, "PUT", &["x-a"], Omit, 1));
    Ok(())
}

#[test]
fn a_full_cache_evicts_the_entry_expiring_soonest() -> Result<(), BlockReason<'static>> {
    let mut cache = PreflightCache::<&'static str, 2>::new();
    let mut store =
        |method: &'static str, max_age: &'static str| -> Result<(), BlockReason<'static>> {
            let list = [
                ("Access-Control-Allow-Origin", ORIGIN),
                ("Access-Control-Allow-Methods", method),
                ("Access-Control-Max-Age", max_age),
            ];
            let headers = headers(&list);
            let req = request(method, &[], Omit);
            let grant = validate_preflight_response(&req, 204, &headers, Profile::Spec)?;
            cache.store(&KEY, &grant, Timestamp(0), Profile::Spec);
            Ok(())
        };
    store("PUT", "50")?;
    store("DELETE", "10")?;
    store("PATCH", "30")?;
    assert!(cache.method_match(&KEY, Omit, b"PUT", Timestamp(1)));
    assert!(!cache.method_match(&KEY, Omit, b"DELETE", Timestamp(1)));
    assert!(cache.method_match(&KEY, Omit, b"PATCH", Timestamp(1)));
    let mut none = PreflightCache::<&'static str, 0>::new();
    let list = [
        ("Access-Control-Allow-Origin", ORIGIN),
        ("Access-Control-Allow-Methods", "PUT"),
    ];
    let headers = headers(&list);
    let req = request("PUT", &[], Omit);
    let grant = validate_preflight_response(&req, 204, &headers, Profile::Spec)?;
    none.store(&KEY, &grant, Timestamp(0), Profile::Spec);
    assert_eq!(none.entries().count(), 0);
    Ok(())
}

#[test]
fn names_longer_than_the_cap_are_not_cached() -> Result<(), BlockReason<'static>> {
    // A name one byte over the cap, static (the error type borrows for 'static), not leaked.
    static LONG: [u8; MAX_CACHED_NAME_LEN + 1] = [b'x'; MAX_CACHED_NAME_LEN + 1];
    let long = core::str::from_utf8(&LONG).unwrap_or_default();
    assert_eq!(long.len(), MAX_CACHED_NAME_LEN + 1);
    let fits = long.get(..MAX_CACHED_NAME_LEN).unwrap_or_default();
    let mut cache = Cache::new();
    let list = [
        ("Access-Control-Allow-Origin", ORIGIN),
        ("Access-Control-Allow-Headers", long),
        ("Access-Control-Allow-Headers", fits),
    ];
    let headers = headers(&list);
    let req = request("GET", &[], Omit);
    let grant = validate_preflight_response(&req, 204, &headers, Profile::Spec)?;
    cache.store(&KEY, &grant, Timestamp(0), Profile::Spec);
    assert!(!cache.header_name_match(&KEY, Omit, long.as_bytes(), Timestamp(1), Profile::Spec));
    assert!(cache.header_name_match(&KEY, Omit, fits.as_bytes(), Timestamp(1), Profile::Spec));
    Ok(())
}
