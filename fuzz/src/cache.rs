//! `preflight_cache`: a sequence of operations on cors-core's `PreflightCache` (storing the
//! grant of a preflight response, method and header-name lookups, "does this request need a
//! preflight", clock advances, clears), and a naive model of the cache written from the
//! Fetch Standard's text (<https://fetch.spec.whatwg.org/#concept-cache>) plus the module's
//! documented choices: entries over `MAX_CACHED_NAME_LEN` bytes or with max-age 0 are not
//! created, expired entries are removed before a store, a full cache evicts an entry expiring
//! soonest, and a `*` entry is a wildcard only for a request without `include`.
//!
//! The standard leaves two choices open: which entry a refresh updates when several match
//! (a `*` entry and an exact one, or entries made with and without credentials), and which
//! of several entries expiring soonest is evicted. The model keeps every state the standard
//! allows and, after each operation, checks that the cache's entries are one of them.
//!
//! `fuzz/seed-corpus.py` writes seeds in the `arbitrary` encoding of [`CacheOp`] (its
//! `cache_op`): keep the variant and field order in step with it.

use arbitrary::Arbitrary;
use cors_core::browser::response::{
    CachedItem, PreflightCache, PreflightedRequest, Timestamp, validate_preflight_response,
};
use cors_core::http::BoundedHeaders;

use crate::browser::{
    ACAH, ACAM, Credentials, PREFLIGHT_ORIGIN, ProfileCase, is_token, list_values,
};

/// The cache's capacity: small, so that eviction happens.
pub const CAPACITY: usize = 6;

/// The longest name an entry stores (`MAX_CACHED_NAME_LEN`, restated: the model's bound).
pub const MODEL_MAX_NAME_LEN: usize = 64;

/// The most operations, and names per operation, a case uses.
pub const MAX_OPS: usize = 48;

/// The most states the model follows through one store. A store that creates more entries
/// than the capacity, all expiring together, allows every subset of them to survive
/// (thousands of states); past this bound the model checks that store's answer but not the
/// state it leaves, and takes the cache's state from there.
pub const MAX_STATES: usize = 64;

/// A method or header name: a vocabulary that makes entries match, or any bytes.
#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum Name<'a> {
    /// `PUT`.
    Put,
    /// `put`.
    PutLower,
    /// `DELETE`.
    Delete,
    /// `GET`.
    Get,
    /// `*`.
    Star,
    /// `x-a`.
    XA,
    /// `X-A`.
    XAUpper,
    /// `Authorization`.
    Authorization,
    /// Any bytes.
    Other(&'a [u8]),
}

impl<'a> Name<'a> {
    /// The name's bytes.
    pub fn bytes(self) -> &'a [u8] {
        match self {
            Self::Put => b"PUT",
            Self::PutLower => b"put",
            Self::Delete => b"DELETE",
            Self::Get => b"GET",
            Self::Star => b"*",
            Self::XA => b"x-a",
            Self::XAUpper => b"X-A",
            Self::Authorization => b"Authorization",
            Self::Other(bytes) => bytes,
        }
    }
}

/// `Access-Control-Max-Age` of a preflight response.
#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum MaxAge<'a> {
    /// Absent.
    Absent,
    /// A number of seconds.
    Seconds(u16),
    /// A large number of seconds (up to `u64::MAX`, past any clock).
    Large(u64),
    /// Any value (trimmed of spaces and tabs, as a header value is).
    Raw(&'a [u8]),
}

impl MaxAge<'_> {
    /// The header value, `None` when absent.
    pub fn value(self) -> Option<Vec<u8>> {
        match self {
            Self::Absent => None,
            Self::Seconds(s) => Some(s.to_string().into_bytes()),
            Self::Large(s) => Some(s.to_string().into_bytes()),
            Self::Raw(raw) => Some(raw.trim_ascii().to_vec()),
        }
    }
}

/// A successful preflight (allowing a `GET` or `POST` without CORS-unsafe names, so that
/// only the lists' syntax can fail it) whose grant is stored.
#[derive(Arbitrary, Clone, Debug)]
pub struct Store<'a> {
    /// The cache key (taken modulo 3, so that keys collide).
    pub key: u8,
    /// The request's credentials mode.
    pub credentials: Credentials,
    /// The profile (Chromium caps max-age at 7200 s).
    pub profile: ProfileCase,
    /// The request's method is `POST`, not `GET`.
    pub post: bool,
    /// The request's use-CORS-preflight flag.
    pub use_cors_preflight: bool,
    /// `Access-Control-Max-Age`.
    pub max_age: MaxAge<'a>,
    /// `Access-Control-Allow-Methods`, the names joined by `,` (absent when `None`).
    pub methods: Option<Vec<Name<'a>>>,
    /// `Access-Control-Allow-Headers`, the names joined by `,` (absent when `None`).
    pub headers: Option<Vec<Name<'a>>>,
}

/// One operation on the cache.
#[derive(Arbitrary, Clone, Debug)]
pub enum CacheOp<'a> {
    /// Validate a preflight response and store its grant.
    Store(Store<'a>),
    /// `method_match`.
    MethodMatch(u8, Credentials, Name<'a>),
    /// `header_name_match`.
    HeaderMatch(u8, Credentials, ProfileCase, Name<'a>),
    /// `needs_preflight` for a method, its use-CORS-preflight flag and unsafe names.
    NeedsPreflight(u8, Credentials, ProfileCase, Name<'a>, bool, Vec<Name<'a>>),
    /// The clock moves forward.
    Advance(u32),
    /// `clear`.
    Clear(u8),
    /// `remove_expired`.
    RemoveExpired,
}

/// An operation's observable answer: a store's validation result or a lookup's answer.
pub type Answer = Option<bool>;

fn key(k: u8) -> u8 {
    k % 3
}

fn joined(names: &Option<Vec<Name<'_>>>) -> Option<Vec<u8>> {
    let names = names.as_ref()?.iter().take(MAX_OPS).map(|n| n.bytes());
    Some(names.collect::<Vec<_>>().join(&b","[..]))
}

impl Store<'_> {
    /// The preflight response's header list.
    pub fn response(&self) -> Vec<(&'static [u8], Vec<u8>)> {
        let mut list: Vec<(&'static [u8], Vec<u8>)> = vec![
            (b"Access-Control-Allow-Origin", PREFLIGHT_ORIGIN.to_vec()),
            (b"Access-Control-Allow-Credentials", b"true".to_vec()),
        ];
        list.extend(joined(&self.methods).map(|v| (ACAM, v)));
        list.extend(joined(&self.headers).map(|v| (ACAH, v)));
        list.extend(
            self.max_age
                .value()
                .map(|v| (&b"Access-Control-Max-Age"[..], v)),
        );
        list
    }

    fn method(&self) -> &'static [u8] {
        if self.post { b"POST" } else { b"GET" }
    }
}

/// cors-core's cache and clock.
#[derive(Default)]
pub struct Subject {
    cache: PreflightCache<u8, CAPACITY>,
    now: u64,
}

impl Subject {
    /// Runs `op` on cors-core's cache.
    pub fn run(&mut self, op: &CacheOp<'_>) -> Answer {
        let now = Timestamp(self.now);
        match op {
            CacheOp::Store(store) => {
                let response = store.response();
                let pairs: Vec<(&[u8], &[u8])> =
                    response.iter().map(|(n, v)| (*n, v.as_slice())).collect();
                let headers = BoundedHeaders::new(&pairs[..]).expect("within the limits");
                let request = PreflightedRequest {
                    method: store.method(),
                    unsafe_header_names: core::iter::empty(),
                    has_authorization: false,
                    credentials: store.credentials.into(),
                    use_cors_preflight: store.use_cors_preflight,
                    serialized_origin: PREFLIGHT_ORIGIN,
                };
                let profile = store.profile.into();
                let grant = validate_preflight_response(&request, 204, &headers, profile);
                let stored = grant.map(|g| self.cache.store(&key(store.key), &g, now, profile));
                Some(stored.is_ok())
            }
            CacheOp::MethodMatch(k, c, name) => {
                Some(
                    self.cache
                        .method_match(&key(*k), (*c).into(), name.bytes(), now),
                )
            }
            CacheOp::HeaderMatch(k, c, p, name) => {
                let (c, p) = ((*c).into(), (*p).into());
                Some(
                    self.cache
                        .header_name_match(&key(*k), c, name.bytes(), now, p),
                )
            }
            CacheOp::NeedsPreflight(k, c, p, method, use_cors_preflight, names) => {
                let names = names.iter().take(MAX_OPS).map(|n| n.bytes());
                let request = PreflightedRequest {
                    method: method.bytes(),
                    has_authorization: names
                        .clone()
                        .any(|n| n.eq_ignore_ascii_case(b"authorization")),
                    unsafe_header_names: names,
                    credentials: (*c).into(),
                    use_cors_preflight: *use_cors_preflight,
                    serialized_origin: PREFLIGHT_ORIGIN,
                };
                Some(
                    self.cache
                        .needs_preflight(&key(*k), &request, now, (*p).into()),
                )
            }
            CacheOp::Advance(seconds) => {
                self.now = self.now.saturating_add(u64::from(*seconds));
                None
            }
            CacheOp::Clear(k) => {
                self.cache.clear(&key(*k));
                None
            }
            CacheOp::RemoveExpired => {
                self.cache.remove_expired(now);
                None
            }
        }
    }

    /// The cache's entries, in the model's form, sorted.
    pub fn entries(&self) -> State {
        let mut entries: State = (self.cache.entries())
            .map(|e| {
                let (method, name) = match e.item() {
                    CachedItem::Method(m) => (true, m.to_vec()),
                    CachedItem::HeaderName(n) => (false, n.to_vec()),
                };
                let (key, expires, credentials) = (*e.key(), e.expires_at().0, e.credentials());
                Entry {
                    key,
                    expires,
                    credentials,
                    method,
                    name,
                }
            })
            .collect();
        entries.sort();
        entries
    }
}

// ---------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------

/// A cache entry of the model: key, when max-age runs out, credentials, method or header
/// name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    /// The key.
    pub key: u8,
    /// The time max-age runs out.
    pub expires: u64,
    /// Made for a request with credentials mode `include`.
    pub credentials: bool,
    /// A method entry (else a header-name entry).
    pub method: bool,
    /// The method or header name.
    pub name: Vec<u8>,
}

/// A state of the cache: its entries, sorted (a multiset).
pub type State = Vec<Entry>;

/// A request as cache entry matching sees it.
struct Query<'q> {
    key: u8,
    include: bool,
    chromium: bool,
    now: u64,
    method: bool,
    name: &'q [u8],
}

impl Query<'_> {
    /// Cache entry match, then method or header-name cache entry match.
    fn matches(&self, e: &Entry) -> bool {
        let entry = e.key == self.key && self.now < e.expires && (e.credentials || !self.include);
        let star = e.name == b"*" && !self.include;
        let item = if self.method {
            e.name == self.name || star
        } else {
            // `*` never covers `Authorization` (a CORS non-wildcard request-header name),
            // except for Chromium (DEV-CHROMIUM-AUTHORIZATION-WILDCARD).
            let coverable = self.chromium || !self.name.eq_ignore_ascii_case(b"authorization");
            e.name.eq_ignore_ascii_case(self.name) || star && coverable
        };
        entry && e.method == self.method && item
    }
}

/// The naive model: every state the standard allows, and the clock.
#[derive(Debug)]
pub struct Model {
    states: Vec<State>,
    now: u64,
    /// More than [`MAX_STATES`] states: the state after this operation is not checked.
    unchecked: bool,
}

impl Default for Model {
    fn default() -> Self {
        Self {
            states: vec![Vec::new()],
            now: 0,
            unchecked: false,
        }
    }
}

/// What `Access-Control-Max-Age` grants (steps 7.8–7.10): one value of digits, saturating;
/// else 5; at most 7200 for Chromium.
fn reference_max_age(store: &Store<'_>) -> u64 {
    let value = store.max_age.value();
    let digits = value.filter(|v| !v.is_empty() && v.iter().all(u8::is_ascii_digit));
    let seconds = digits.map_or(5, |d| {
        d.iter().fold(0u64, |n, &b| {
            n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
        })
    });
    if store.profile == ProfileCase::Chromium {
        seconds.min(7200)
    } else {
        seconds
    }
}

impl Model {
    /// Runs `op` on every state: the answer (the same in every state the cache may be in)
    /// and the states after it.
    pub fn run(&mut self, op: &CacheOp<'_>) -> Answer {
        let now = self.now;
        let state = self.states.first().cloned().unwrap_or_default();
        let lookup = |k: u8, c: Credentials, chromium: bool, method: bool, name: &[u8]| {
            let query = Query {
                key: key(k),
                include: c == Credentials::Include,
                chromium,
                now,
                method,
                name,
            };
            state.iter().any(|e| query.matches(e))
        };
        let chromium = |p: &ProfileCase| *p == ProfileCase::Chromium;
        match op {
            CacheOp::Store(store) => Some(self.store(store)),
            CacheOp::MethodMatch(k, c, name) => Some(lookup(*k, *c, false, true, name.bytes())),
            CacheOp::HeaderMatch(k, c, p, name) => {
                Some(lookup(*k, *c, chromium(p), false, name.bytes()))
            }
            CacheOp::NeedsPreflight(k, c, p, method, use_cors_preflight, names) => {
                // HTTP fetch, makeCORSPreflight: no method cache entry match for a method that
                // is not CORS-safelisted (or with the use-CORS-preflight flag), or a name
                // without a header-name cache entry match.
                let method = method.bytes();
                let safelisted = matches!(method, b"GET" | b"HEAD" | b"POST");
                let method_needs =
                    (!safelisted || *use_cors_preflight) && !lookup(*k, *c, false, true, method);
                let mut names = names.iter().take(MAX_OPS);
                Some(method_needs || names.any(|n| !lookup(*k, *c, chromium(p), false, n.bytes())))
            }
            CacheOp::Advance(seconds) => {
                self.now = now.saturating_add(u64::from(*seconds));
                None
            }
            CacheOp::Clear(k) => {
                self.each(|s| s.retain(|e| e.key != key(*k)));
                None
            }
            CacheOp::RemoveExpired => {
                self.each(|s| s.retain(|e| now < e.expires));
                None
            }
        }
    }

    fn each(&mut self, f: impl Fn(&mut State)) {
        self.states.iter_mut().for_each(f);
    }

    /// Steps 7.1–7.4 and 7.11–7.15 of the CORS-preflight fetch: the lists must hold only
    /// tokens; each method, then each header name, refreshes a matching entry or creates one.
    fn store(&mut self, store: &Store<'_>) -> bool {
        let response = store.response();
        let list: Vec<(&[u8], &[u8])> = response.iter().map(|(n, v)| (*n, &v[..])).collect();
        let (methods, names) = (list_values(&list, ACAM), list_values(&list, ACAH));
        if !methods.iter().chain(&names).all(|n| is_token(n)) {
            return false;
        }
        let mut methods: Vec<&[u8]> = methods;
        if store.methods.is_none() && store.use_cors_preflight {
            methods.push(store.method());
        }
        let max_age = reference_max_age(store);
        let include = store.credentials == Credentials::Include;
        let chromium = store.profile == ProfileCase::Chromium;
        let now = self.now;
        self.each(|s| s.retain(|e| now < e.expires));
        let items = methods
            .iter()
            .map(|m| (true, *m))
            .chain(names.iter().map(|n| (false, *n)));
        for (method, name) in items {
            let query = Query {
                key: key(store.key),
                include,
                chromium,
                now,
                method,
                name,
            };
            let new = Entry {
                key: key(store.key),
                expires: now.saturating_add(max_age),
                credentials: include,
                method,
                name: name.to_vec(),
            };
            let mut next = Vec::new();
            for state in &self.states {
                next.extend(step(state, &query, &new, max_age));
            }
            next.sort();
            next.dedup();
            self.states = next;
            if self.states.len() > MAX_STATES {
                self.unchecked = true;
                break;
            }
        }
        true
    }

    /// Whether `entries` is a state the model allows (any state within the capacity after
    /// a store with more than [`MAX_STATES`] states).
    pub fn allows(&self, entries: &State) -> bool {
        let unchecked = self.unchecked && entries.len() <= CAPACITY;
        unchecked || self.states.contains(entries)
    }

    /// Takes `entries` (a state it allows) as the only state.
    pub fn settle(&mut self, entries: State) {
        self.states = vec![entries];
        self.unchecked = false;
    }
}

/// The states after one method or header name of a grant: each matching entry refreshed
/// (one state per choice), or the new entry created (evicting, when full, each entry that
/// expires soonest: one state per choice), or nothing.
fn step(state: &State, query: &Query<'_>, new: &Entry, max_age: u64) -> Vec<State> {
    let sorted = |mut s: State| {
        s.sort();
        s
    };
    let matching: Vec<usize> = (0..state.len())
        .filter(|&i| query.matches(&state[i]))
        .collect();
    if !matching.is_empty() {
        let refresh = |i: usize| {
            let mut s = state.clone();
            s[i].expires = new.expires;
            sorted(s)
        };
        return matching.into_iter().map(refresh).collect();
    }
    if max_age == 0 || new.name.len() > MODEL_MAX_NAME_LEN {
        return vec![state.clone()];
    }
    if state.len() < CAPACITY {
        let mut s = state.clone();
        s.push(new.clone());
        return vec![sorted(s)];
    }
    let soonest = state.iter().map(|e| e.expires).min().unwrap_or(0);
    let evict = |i: usize| {
        let mut s = state.clone();
        s.remove(i);
        s.push(new.clone());
        sorted(s)
    };
    (0..state.len())
        .filter(|&i| state[i].expires == soonest)
        .map(evict)
        .collect()
}
