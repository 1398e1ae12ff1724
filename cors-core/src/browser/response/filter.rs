//! The CORS-exposed header-name list and the CORS-filtered response: which response
//! headers a script may read after a successful CORS fetch.
//!
//! <https://fetch.spec.whatwg.org/#concept-filtered-response-cors>

use crate::browser::CredentialsMode;
use crate::http::header::{BoundedHeaders, HeaderList, is_header_name};
use crate::http::header_names::{
    is_cors_safelisted_response_header_name, is_forbidden_response_header_name,
};
use crate::http::list::{ListValues, extract_list_values};
use crate::http::names::SortedLowercaseSet;
use crate::limits::MAX_HEADER_COUNT;

const EXPOSE_HEADERS: &[u8] = b"access-control-expose-headers";

/// Words of the bit set marking which headers of a list are exposed.
const MASK_WORDS: usize = MAX_HEADER_COUNT.div_ceil(64);

/// The response's CORS-exposed header-name list.
#[derive(Clone, Debug)]
enum ExposedList<'h, L> {
    /// Null or failure: nothing beyond the safelisted names.
    Empty,
    /// `*` without credentials: every header name in the response.
    All,
    /// The extracted `Access-Control-Expose-Headers` names (`*` only literal).
    Listed(ListValues<'h, L>),
}

/// The headers a CORS-filtered response exposes: the CORS-exposed header-name list that
/// main fetch computes, and the CORS-safelisted response-header names given it.
///
/// `Set-Cookie` and `Set-Cookie2` are never exposed, whatever the list says.
///
/// <https://fetch.spec.whatwg.org/#concept-response-cors-exposed-header-name-list>
#[derive(Clone, Debug)]
pub struct ExposedHeaders<'h, L> {
    headers: &'h BoundedHeaders<L>,
    list: ExposedList<'h, L>,
    exposed: [u64; MASK_WORDS],
}

impl<'a, 'h, L: HeaderList<'a>> ExposedHeaders<'h, L> {
    /// The exposed headers of a response with `headers` to a request with `credentials`,
    /// as main fetch computes the CORS-exposed header-name list:
    ///
    /// 1. Extract `Access-Control-Expose-Headers` as `#field-name`.
    /// 2. If the credentials mode is not `include` and the names contain `*`, the list is
    ///    every header name in the response.
    /// 3. Otherwise, if the names are a list, the list is the names (`*` is then only a
    ///    header literally named `*`).
    /// 4. Null or failure leaves the list empty. (The standard says "non-null or failure";
    ///    web-platform-tests `cors-expose-star.sub.any.js` confirms "a list" is meant.)
    ///
    /// <https://fetch.spec.whatwg.org/#main-fetch>
    pub fn new(headers: &'h BoundedHeaders<L>, credentials: CredentialsMode) -> Self {
        // Step 1. Let headerNames be the result of extracting header list values.
        let list = match extract_list_values(headers, EXPOSE_HEADERS, is_header_name) {
            // Step 2. `*` without include: all unique header names of the response.
            Ok(Some(names)) if !credentials.is_include() && names.contains_star() => {
                ExposedList::All
            }
            // Step 3. Otherwise, if headerNames is a list, it is the list.
            Ok(Some(names)) => ExposedList::Listed(names),
            // Null or failure: the list stays empty.
            Ok(None) | Err(_) => ExposedList::Empty,
        };
        let mut exposed = Self {
            headers,
            list,
            exposed: [0; MASK_WORDS],
        };
        exposed.exposed = exposed.mark_exposed();
        exposed
    }

    /// Whether `name` is a CORS-safelisted response-header name given the exposed list: one
    /// of the seven safelisted names, or an item of the list that is not `Set-Cookie` or
    /// `Set-Cookie2`. Byte-case-insensitive.
    ///
    /// <https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name>
    pub fn is_exposed(&self, name: &[u8]) -> bool {
        let safelisted = is_cors_safelisted_response_header_name(name);
        safelisted || (!is_forbidden_response_header_name(name) && self.list_contains(name))
    }

    /// The distinct names of the response's exposed headers, in sorted-lowercase order (an
    /// item keeps the response's casing; lowercase it to display): what
    /// `[...response.headers.keys()]` shows.
    ///
    /// <https://fetch.spec.whatwg.org/#convert-header-names-to-a-sorted-lowercase-set>
    pub fn names(&self) -> impl Iterator<Item = &'a [u8]> + Clone {
        SortedLowercaseSet::new(self.filtered().map(|(name, _)| name))
    }

    /// The headers of the CORS-filtered response, in order: those whose name is exposed.
    ///
    /// <https://fetch.spec.whatwg.org/#concept-filtered-response-cors>
    pub fn filtered(&self) -> impl Iterator<Item = (&'a [u8], &'a [u8])> + Clone {
        let exposed = self.exposed;
        self.headers
            .iter()
            .enumerate()
            .filter(move |&(index, _)| mask_get(&exposed, index))
            .map(|(_, header)| header)
    }

    /// Whether the list is every header name of the response (`*` without credentials).
    pub const fn exposes_all(&self) -> bool {
        matches!(self.list, ExposedList::All)
    }

    fn list_contains(&self, name: &[u8]) -> bool {
        match &self.list {
            ExposedList::Empty => false,
            ExposedList::All => self.headers.contains(name),
            ExposedList::Listed(names) => names.contains_ignore_case(name),
        }
    }

    /// Which positions of the header list hold an exposed header: the list is scanned once
    /// per header, never once per comparison of the sort.
    fn mark_exposed(&self) -> [u64; MASK_WORDS] {
        let mut mask = [0; MASK_WORDS];
        for (index, (name, _)) in self.headers.iter().enumerate() {
            if self.is_exposed(name) {
                mask_set(&mut mask, index);
            }
        }
        mask
    }
}

fn mask_set(mask: &mut [u64; MASK_WORDS], index: usize) {
    if let Some(word) = mask.get_mut(index / 64) {
        *word |= 1 << (index % 64);
    }
}

fn mask_get(mask: &[u64; MASK_WORDS], index: usize) -> bool {
    mask.get(index / 64)
        .is_some_and(|word| word & (1 << (index % 64)) != 0)
}

#[cfg(test)]
#[path = "filter_tests.rs"]
mod tests;
