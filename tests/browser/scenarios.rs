//! The generated scenarios: every policy × page × request shape × credentials mode, with
//! every shape from the policy's primary pages and a few from every other page.

use serde::{Deserialize, Serialize};

use crate::policies::{Page, PolicyDef};

/// One `fetch()` the page runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Scenario {
    /// `POLICY.PAGE.SHAPE.CREDENTIALS`, unique.
    pub(crate) id: String,
    /// The policy the server answers with.
    pub(crate) policy: String,
    /// The page the script runs in (a name of [`crate::policies::pages`]).
    pub(crate) page: String,
    /// That page's serialized origin.
    pub(crate) origin: String,
    /// The URL fetched: `http://127.0.0.1:API/p/POLICY/s/ID`, unique.
    pub(crate) url: String,
    /// The method as passed to `fetch()` (not normalized).
    pub(crate) method: String,
    /// The headers the script appends, in order.
    pub(crate) headers: Vec<(String, String)>,
    /// `omit`, `same-origin` or `include`.
    pub(crate) credentials: String,
}

/// A request shape: the method passed to `fetch()` and the headers appended.
struct Shape {
    name: &'static str,
    method: &'static str,
    headers: &'static [(&'static str, &'static str)],
    /// How many [`long_name`]s to append.
    long_names: usize,
}

const fn shape(
    name: &'static str,
    method: &'static str,
    headers: &'static [(&'static str, &'static str)],
) -> Shape {
    Shape {
        name,
        method,
        headers,
        long_names: 0,
    }
}

/// The `i`th of the 100-byte header names that make `Access-Control-Request-Headers`
/// longer than the policy reads (`cors_core::limits::MAX_REQUEST_HEADERS_LEN`, 1024).
fn long_name(i: usize) -> String {
    format!("x-long-{i:02}-{}", "n".repeat(90))
}

/// Every request shape, tried from each policy's primary pages.
const SHAPES: [Shape; 26] = [
    shape("get", "GET", &[]),
    shape("head", "HEAD", &[]),
    shape("post-text", "POST", &[("Content-Type", "text/plain")]),
    shape(
        "post-form",
        "POST",
        &[("Content-Type", "application/x-www-form-urlencoded")],
    ),
    shape("post-json", "POST", &[("Content-Type", "application/json")]),
    shape(
        "get-safelisted",
        "GET",
        &[("Accept", "application/json"), ("Content-Language", "en")],
    ),
    shape("get-custom", "GET", &[("X-Custom", "1")]),
    shape("get-other", "GET", &[("X-Other", "1")]),
    shape("get-authorization", "GET", &[("Authorization", "Bearer t")]),
    shape("get-range", "GET", &[("Range", "bytes=0-")]),
    shape("get-dpr", "GET", &[("DPR", "2")]),
    shape("get-cookie", "GET", &[("Cookie", "a=b")]),
    shape(
        "post-requested-with",
        "POST",
        &[("X-Requested-With", "XMLHttpRequest")],
    ),
    shape("put", "PUT", &[]),
    shape("put-lowercase", "put", &[]),
    shape("delete", "DELETE", &[]),
    shape("patch", "PATCH", &[]),
    shape("patch-lowercase", "patch", &[]),
    shape("options", "OPTIONS", &[]),
    shape("custom-method", "X-Custom", &[]),
    shape(
        "put-json-custom",
        "PUT",
        &[("Content-Type", "application/json"), ("X-Custom", "1")],
    ),
    shape(
        "delete-authorization",
        "DELETE",
        &[("Authorization", "Bearer t")],
    ),
    shape(
        "get-custom-twice",
        "GET",
        &[("X-Custom", "1"), ("x-custom", "2")],
    ),
    shape(
        "post-override-patch",
        "POST",
        &[("X-HTTP-Method-Override", "PATCH")],
    ),
    shape(
        "post-override-trace",
        "POST",
        &[("X-HTTP-Method-Override", "TRACE")],
    ),
    Shape {
        long_names: 11,
        ..shape("get-long-names", "GET", &[])
    },
];

/// The shapes tried from the pages that are not a policy's primary pages: a simple request,
/// a preflighted method, a preflighted header and a preflighted content type.
const SECONDARY: [&str; 4] = ["get", "put", "get-custom", "post-json"];

/// The credentials modes.
const CREDENTIALS: [&str; 3] = ["omit", "same-origin", "include"];

/// The scenarios, in a fixed order; `api` is the server's port.
pub(crate) fn generate(pages: &[Page], policies: &[PolicyDef], api: u16) -> Vec<Scenario> {
    let mut out = Vec::new();
    for policy in policies {
        for page in pages {
            let primary = policy.primary.contains(&page.name);
            for shape in &SHAPES {
                if !primary && !SECONDARY.contains(&shape.name) {
                    continue;
                }
                for credentials in CREDENTIALS {
                    let id = format!("{}.{}.{}.{credentials}", policy.name, page.name, shape.name);
                    out.push(Scenario {
                        url: format!("http://127.0.0.1:{api}/p/{}/s/{id}", policy.name),
                        id,
                        policy: policy.name.to_owned(),
                        page: page.name.to_owned(),
                        origin: page.origin.clone(),
                        method: shape.method.to_owned(),
                        headers: shape
                            .headers
                            .iter()
                            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                            .chain((0..shape.long_names).map(|i| (long_name(i), "1".to_owned())))
                            .collect(),
                        credentials: credentials.to_owned(),
                    });
                }
            }
        }
    }
    out
}
