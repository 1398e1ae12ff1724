//! The pages the suite opens and the policies the server runs: policy files (TOML, as
//! `cors policy check` reads them), validated by `cors_std::policy::OwnedPolicy`.
//!
//! Every page is on loopback: `127.0.0.1` on two ports, `localhost`, and names under
//! `app.localhost` (Chromium resolves `localhost` and `*.localhost` to loopback itself,
//! without DNS), and a page sandboxed by its `Content-Security-Policy`, whose origin is
//! opaque (`Origin: null`).

use cors_std::policy::{OwnedPolicy, PolicyFile, PolicyView, VecPolicy};

/// The two loopback ports the pages are served on.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ports {
    /// The page port of every page but `other-port`.
    pub(crate) page: u16,
    /// The port of the `other-port` page (same host as `app`, another origin).
    pub(crate) other_page: u16,
}

/// A page the script runs in.
#[derive(Clone, Debug, serde::Serialize)]
pub(crate) struct Page {
    /// Short name, part of scenario ids.
    pub(crate) name: &'static str,
    /// The URL the browser opens.
    pub(crate) url: String,
    /// The page's origin, serialized (`null` when opaque): what `self.origin` says and what
    /// `Origin` carries.
    pub(crate) origin: String,
}

/// The pages, in a fixed order.
pub(crate) fn pages(ports: Ports) -> Vec<Page> {
    let Ports { page, other_page } = ports;
    let at = |name, host: &str, port: u16, path: &str, opaque: bool| Page {
        name,
        url: format!("http://{host}:{port}{path}"),
        origin: if opaque {
            "null".to_owned()
        } else {
            format!("http://{host}:{port}")
        },
    };
    vec![
        at("app", "127.0.0.1", page, "/", false),
        at("other-port", "127.0.0.1", other_page, "/", false),
        at("localhost", "localhost", page, "/", false),
        at("sub", "api.app.localhost", page, "/", false),
        at("deep-sub", "x.y.app.localhost", page, "/", false),
        at("apex", "app.localhost", page, "/", false),
        at("sandboxed", "127.0.0.1", page, "/sandboxed", true),
    ]
}

/// One policy the server runs, under `/p/NAME/`.
#[derive(Clone, Debug)]
pub(crate) struct PolicyDef {
    /// The name in URLs and scenario ids.
    pub(crate) name: &'static str,
    /// The policy file, TOML.
    pub(crate) toml: String,
    /// The pages every request shape is tried from; every other page gets a few shapes.
    pub(crate) primary: &'static [&'static str],
}

/// The policies.
pub(crate) fn definitions(ports: Ports) -> Vec<PolicyDef> {
    let app = format!("http://127.0.0.1:{}", ports.page);
    let localhost = format!("http://localhost:{}", ports.page);
    let subdomains = format!("http://*.app.localhost:{}", ports.page);
    let def = |name, primary, toml: String| PolicyDef {
        name,
        toml,
        primary,
    };
    vec![
        def(
            "exact",
            &["app"],
            format!(
                r#"allowed_origins = ["{app}"]
allowed_methods = ["PUT", "DELETE"]
allowed_request_headers = ["x-custom", "content-type"]
exposed_response_headers = ["x-request-id"]
"#
            ),
        ),
        def(
            "exact-credentials",
            &["localhost"],
            format!(
                r#"allowed_origins = ["{app}", "{localhost}"]
allow_credentials = true
allowed_methods = ["PUT", "PATCH", "DELETE"]
allowed_request_headers = ["authorization", "x-custom", "content-type"]
exposed_response_headers = ["x-request-id", "content-language"]
max_age = 600
"#
            ),
        ),
        def(
            "any",
            &["app"],
            r#"allowed_origins = ["*"]
allowed_methods = ["*"]
allowed_request_headers = ["*"]
exposed_response_headers = ["*"]
"#
            .to_owned(),
        ),
        def(
            "any-minimal",
            &["sandboxed"],
            r#"allowed_origins = ["*"]
"#
            .to_owned(),
        ),
        def(
            "subdomains",
            &["sub"],
            format!(
                r#"allowed_origins = ["{subdomains}"]
allow_credentials = true
allowed_methods = ["DELETE", "patch"]
allowed_request_headers = ["x-custom"]
exposed_response_headers = ["x-secret", "vary"]
preflight_success_status = 200
"#
            ),
        ),
        def(
            "any-port",
            &["other-port"],
            r#"allowed_origins = ["http://127.0.0.1:*"]
allow_credentials = true
allowed_methods = ["PUT"]
allowed_request_headers = ["x-custom", "authorization"]
exposed_response_headers = ["x-request-id"]
max_age = 0
"#
            .to_owned(),
        ),
        def(
            "null",
            &["sandboxed"],
            r#"allowed_origins = ["null"]
allow_null_origin = true
allowed_methods = ["PUT"]
allowed_request_headers = ["content-type"]
exposed_response_headers = ["x-request-id"]
"#
            .to_owned(),
        ),
        def(
            "wildcard-lists",
            &["app"],
            format!(
                r#"allowed_origins = ["{app}", "{localhost}"]
allowed_methods = ["*"]
allowed_request_headers = ["*"]
exposed_response_headers = ["*"]
"#
            ),
        ),
        def(
            "method-case",
            &["app"],
            format!(
                r#"allowed_origins = ["{app}"]
allow_credentials = true
allowed_methods = ["put", "patch", "X-Custom"]
"#
            ),
        ),
        def(
            "nobody",
            &["app"],
            r#"allowed_origins = []
"#
            .to_owned(),
        ),
    ]
}

/// The policies validated: each definition with its owned policy.
pub(crate) fn load(ports: Ports) -> Result<Vec<(PolicyDef, OwnedPolicy)>, String> {
    definitions(ports)
        .into_iter()
        .map(|def| {
            let file = PolicyFile::parse(&def.toml, false)
                .map_err(|e| format!("policy {}: {e}", def.name))?;
            let owned = OwnedPolicy::new(file).map_err(|e| format!("policy {}: {e}", def.name))?;
            Ok((def, owned))
        })
        .collect()
}

/// A built policy with its name and file.
pub(crate) struct Entry<'p> {
    /// The name in URLs.
    pub(crate) name: &'static str,
    /// The configuration as read.
    pub(crate) file: &'p PolicyFile,
    /// The policy engine.
    pub(crate) policy: &'p VecPolicy<'p>,
}

/// The policies by name.
pub(crate) struct Policies<'p>(pub(crate) Vec<Entry<'p>>);

impl<'p> Policies<'p> {
    /// The entries of `loaded`, whose views and built policies are `views` and `built`.
    pub(crate) fn new(loaded: &'p [(PolicyDef, OwnedPolicy)], built: &'p [VecPolicy<'p>]) -> Self {
        Self(
            loaded
                .iter()
                .zip(built)
                .map(|((def, owned), policy)| Entry {
                    name: def.name,
                    file: owned.file(),
                    policy,
                })
                .collect(),
        )
    }

    /// The policy named `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&Entry<'p>> {
        self.0.iter().find(|entry| entry.name == name)
    }
}

/// The views of `loaded`, from which the policies are built.
pub(crate) fn views(loaded: &[(PolicyDef, OwnedPolicy)]) -> Vec<PolicyView<'_>> {
    loaded.iter().map(|(_, owned)| owned.view()).collect()
}

/// The policies built from `views`.
pub(crate) fn build<'v>(views: &'v [PolicyView<'v>]) -> Result<Vec<VecPolicy<'v>>, String> {
    views
        .iter()
        .map(|view| view.policy().map_err(|e| e.to_string()))
        .collect()
}
