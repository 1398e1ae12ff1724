//! The CORS-preflight cache, in storage the caller sizes.
//!
//! The standard's cache is a list of entries, each allowing one method or one header name
//! for one (network partition key, byte-serialized origin, URL) for max-age seconds. Here
//! the caller picks a key type `K` standing for that triple (any `Eq + Clone` value: a hash,
//! an index, a tuple of owned strings) and the capacity `N`; time is the caller's clock in
//! seconds ([`Timestamp`]).
//!
//! # Limits: never wrong, only less caching
//!
//! - A method or header name longer than [`MAX_CACHED_NAME_LEN`] bytes is not cached: the
//!   next request with it is preflighted again.
//! - When all `N` entries are live and a new one is needed, the entry that expires soonest
//!   (the first of equals) is evicted; the standard lets a user agent remove entries early.
//! - An entry whose max-age is 0 is never stored: it would expire at once.
//!
//! # Choice: `*` entries made with credentials
//!
//! The standard creates a `*` entry for a literal `*` item even under credentials, where the
//! preflight treated `*` as an ordinary token; read literally, that entry would then let a
//! credentialed request with any method skip its preflight. Here a `*` entry is a wildcard
//! only for a request whose credentials mode is not `include` (exactly when the preflight
//! treats `*` as a wildcard); for an `include` request it matches only the literal `*`.
//!
//! <https://fetch.spec.whatwg.org/#concept-cache>

use crate::browser::request::is_cors_non_wildcard_request_header_name;
use crate::browser::{CredentialsMode, Profile};
use crate::http::header::HeaderList;
use crate::http::method::is_cors_safelisted_method;

use super::preflight::{
    PreflightGrant, PreflightedRequest, exceeds_name_limit, wildcard_covers_authorization,
};

/// The longest method or header name a cache entry stores, in bytes. Names seen in
/// practice are far shorter; a longer one is simply not cached.
pub const MAX_CACHED_NAME_LEN: usize = 64;

/// A point in time on the caller's clock, in whole seconds. Any monotonic origin works;
/// only differences matter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub u64);

/// What a cache entry allows: its method or its header name (`*` included). An entry has
/// exactly one of the two.
///
/// <https://fetch.spec.whatwg.org/#concept-cache-method>,
/// <https://fetch.spec.whatwg.org/#concept-cache-header-name>
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(clippy::exhaustive_enums)] // an entry has a method or a header name
pub enum CachedItem {
    /// A method, compared byte for byte.
    Method(heapless::Vec<u8, MAX_CACHED_NAME_LEN>),
    /// A header name, compared byte-case-insensitively.
    HeaderName(heapless::Vec<u8, MAX_CACHED_NAME_LEN>),
}

/// One entry of the CORS-preflight cache.
///
/// <https://fetch.spec.whatwg.org/#cache-entry>
#[derive(Clone, Debug)]
pub struct CacheEntry<K> {
    key: K,
    expires_at: Timestamp,
    credentials: bool,
    item: CachedItem,
}

impl<K> CacheEntry<K> {
    /// The caller's key: network partition key, byte-serialized origin and URL.
    pub const fn key(&self) -> &K {
        &self.key
    }

    /// When the entry's max-age runs out: it matches only before this time.
    pub const fn expires_at(&self) -> Timestamp {
        self.expires_at
    }

    /// Whether the preflight was made for a request whose credentials mode was `include`.
    pub const fn credentials(&self) -> bool {
        self.credentials
    }

    /// The method or header name the entry allows.
    pub const fn item(&self) -> &CachedItem {
        &self.item
    }
}

/// A request as cache entry matching sees it.
struct Query<'q, K> {
    key: &'q K,
    credentials: CredentialsMode,
    now: Timestamp,
    profile: Profile,
}

impl<'q, K> Query<'q, K> {
    const fn new(
        key: &'q K,
        credentials: CredentialsMode,
        now: Timestamp,
        profile: Profile,
    ) -> Self {
        Self {
            key,
            credentials,
            now,
            profile,
        }
    }
}

impl<K: Eq> CacheEntry<K> {
    /// Cache entry match: same key (network partition key, byte-serialized origin, URL),
    /// not expired, and made with credentials or for a request without `include`.
    ///
    /// <https://fetch.spec.whatwg.org/#concept-cache-match>
    fn matches(&self, query: &Query<'_, K>) -> bool {
        self.key == *query.key
            && query.now < self.expires_at
            && (self.credentials || !query.credentials.is_include())
    }

    /// Method cache entry match: a matching entry whose method is `method` byte for byte,
    /// or `*` for a request without `include`.
    ///
    /// <https://fetch.spec.whatwg.org/#concept-cache-match-method>
    fn matches_method(&self, query: &Query<'_, K>, method: &[u8]) -> bool {
        let CachedItem::Method(stored) = &self.item else {
            return false;
        };
        let star = stored.as_slice() == b"*" && !query.credentials.is_include();
        self.matches(query) && (stored.as_slice() == method || star)
    }

    /// Header-name cache entry match: a matching entry whose header name is `name`
    /// byte-case-insensitively, or `*` for a request without `include` and a name `*` may
    /// cover (not `Authorization`, unless [`wildcard_covers_authorization`]).
    ///
    /// <https://fetch.spec.whatwg.org/#concept-cache-match-header>
    fn matches_header(&self, query: &Query<'_, K>, name: &[u8]) -> bool {
        let CachedItem::HeaderName(stored) = &self.item else {
            return false;
        };
        let coverable = !is_cors_non_wildcard_request_header_name(name)
            || wildcard_covers_authorization(query.profile);
        let star = stored.as_slice() == b"*" && !query.credentials.is_include() && coverable;
        self.matches(query) && (stored.eq_ignore_ascii_case(name) || star)
    }
}

/// The CORS-preflight cache: at most `N` entries, keys of type `K`, no allocation.
///
/// <https://fetch.spec.whatwg.org/#concept-cache>
#[derive(Clone, Debug)]
pub struct PreflightCache<K, const N: usize> {
    entries: heapless::Vec<CacheEntry<K>, N>,
}

impl<K: Eq + Clone, const N: usize> Default for PreflightCache<K, N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: Eq + Clone, const N: usize> PreflightCache<K, N> {
    /// An empty cache.
    pub const fn new() -> Self {
        Self {
            entries: heapless::Vec::new(),
        }
    }

    /// The entries, live or expired, in no particular order.
    pub fn entries(&self) -> impl Iterator<Item = &CacheEntry<K>> {
        self.entries.iter()
    }

    /// Whether there is a method cache entry match for `method`: a matching entry whose
    /// method is `method` byte for byte, or `*` (a wildcard only for a request without
    /// `include`; see the module docs).
    ///
    /// <https://fetch.spec.whatwg.org/#concept-cache-match-method>
    pub fn method_match(
        &self,
        key: &K,
        credentials: CredentialsMode,
        method: &[u8],
        now: Timestamp,
    ) -> bool {
        // The profile only matters for header names.
        let query = Query::new(key, credentials, now, Profile::Spec);
        self.entries
            .iter()
            .any(|entry| entry.matches_method(&query, method))
    }

    /// Whether there is a header-name cache entry match for `name`: a matching entry whose
    /// header name is `name` byte-case-insensitively, or `*` when `name` is not
    /// `Authorization` (or when [`wildcard_covers_authorization`] says `*` covers it) and
    /// the request has no `include`.
    ///
    /// <https://fetch.spec.whatwg.org/#concept-cache-match-header>
    pub fn header_name_match(
        &self,
        key: &K,
        credentials: CredentialsMode,
        name: &[u8],
        now: Timestamp,
        profile: Profile,
    ) -> bool {
        let query = Query::new(key, credentials, now, profile);
        self.entries
            .iter()
            .any(|entry| entry.matches_header(&query, name))
    }

    /// Whether HTTP fetch, with makeCORSPreflight true, must send a CORS-preflight request:
    /// no method cache entry match for a method that needs one (not CORS-safelisted, or the
    /// use-CORS-preflight flag set), or a CORS-unsafe request-header name without a
    /// header-name cache entry match. More than
    /// [`MAX_HEADER_COUNT`](crate::limits::MAX_HEADER_COUNT) names always needs a
    /// preflight (which then fails on the limit).
    ///
    /// <https://fetch.spec.whatwg.org/#http-fetch>
    pub fn needs_preflight<'a, I>(
        &self,
        key: &K,
        request: &PreflightedRequest<'a, I>,
        now: Timestamp,
        profile: Profile,
    ) -> bool
    where
        I: Iterator<Item = &'a [u8]> + Clone,
    {
        let credentials = request.credentials;
        let method_needs_entry =
            !is_cors_safelisted_method(request.method) || request.use_cors_preflight;
        if method_needs_entry && !self.method_match(key, credentials, request.method, now) {
            return true;
        }
        if exceeds_name_limit(&request.unsafe_header_names) {
            return true;
        }
        let mut names = request.unsafe_header_names.clone();
        names.any(|name| !self.header_name_match(key, credentials, name, now, profile))
    }

    /// Stores a successful preflight's grant for the request with `key` at `now` (steps
    /// 7.11–7.15 of the CORS-preflight fetch): for each method, then each header name, the
    /// matching entry's max-age is reset to the grant's, or a new entry is created.
    ///
    /// A refreshed entry expires max-age seconds after `now`. Expired entries are removed
    /// first.
    ///
    /// <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0>,
    /// <https://fetch.spec.whatwg.org/#concept-cache-create-entry>
    pub fn store<'a, L: HeaderList<'a>>(
        &mut self,
        key: &K,
        grant: &PreflightGrant<'a, '_, L>,
        now: Timestamp,
        profile: Profile,
    ) {
        self.remove_expired(now);
        let credentials = grant.credentials();
        let query = Query::new(key, credentials, now, profile);
        let expires_at = Timestamp(now.0.saturating_add(grant.max_age()));
        // An entry with max-age 0 would expire at once: refresh, but never create.
        let create = grant.max_age() > 0;
        // Steps 7.12–7.13: methods.
        for method in grant.methods() {
            match self
                .entries
                .iter_mut()
                .find(|e| e.matches_method(&query, method))
            {
                Some(entry) => entry.expires_at = expires_at,
                None if create => {
                    self.create(key, credentials, expires_at, method, CachedItem::Method);
                }
                None => {}
            }
        }
        // Steps 7.14–7.15: header names.
        for name in grant.header_names() {
            match self
                .entries
                .iter_mut()
                .find(|e| e.matches_header(&query, name))
            {
                Some(entry) => entry.expires_at = expires_at,
                None if create => {
                    self.create(key, credentials, expires_at, name, CachedItem::HeaderName);
                }
                None => {}
            }
        }
    }

    /// Clears cache entries: removes every entry with `key`, as main fetch does when a
    /// CORS-with-preflight fetch returns a network error.
    ///
    /// <https://fetch.spec.whatwg.org/#concept-cache-clear>
    pub fn clear(&mut self, key: &K) {
        self.entries.retain(|entry| entry.key != *key);
    }

    /// Removes the entries whose max-age has run out at `now`.
    pub fn remove_expired(&mut self, now: Timestamp) {
        self.entries.retain(|entry| now < entry.expires_at);
    }

    /// Creates a new cache entry (`#concept-cache-create-entry`) unless its name is longer
    /// than [`MAX_CACHED_NAME_LEN`]; evicts the entry expiring soonest when the cache is
    /// full.
    fn create(
        &mut self,
        key: &K,
        credentials: CredentialsMode,
        expires_at: Timestamp,
        name: &[u8],
        item: fn(heapless::Vec<u8, MAX_CACHED_NAME_LEN>) -> CachedItem,
    ) {
        let Ok(stored) = heapless::Vec::from_slice(name) else {
            return;
        };
        let entry = CacheEntry {
            key: key.clone(),
            expires_at,
            credentials: credentials.is_include(),
            item: item(stored),
        };
        if self.entries.is_full() {
            self.evict_soonest();
        }
        // Only a zero-capacity cache can still be full.
        let _ = self.entries.push(entry);
    }

    fn evict_soonest(&mut self) {
        let soonest = self
            .entries
            .iter()
            .enumerate()
            .min_by_key(|(_, e)| e.expires_at);
        if let Some((index, _)) = soonest {
            self.entries.swap_remove(index);
        }
    }
}

#[cfg(test)]
#[path = "cache_tests.rs"]
mod tests;
