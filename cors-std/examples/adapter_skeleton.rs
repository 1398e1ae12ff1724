//! What an adapter author writes to put the policy in front of a framework: `with_cors`
//! below, some thirty lines once formatted. The framework here is a stand-in with owned
//! strings; for `http` types use `cors_std::http` (or the tower layer), for httparse see
//! `embedded_server.rs`.
//!
//! ```text
//! cargo run -p cors-std --example adapter_skeleton
//! ```

use cors_std::cors_core::policy::{RequestKind, merge_vary};
use cors_std::policy::{CorsPolicy, PolicyFile};

/// A stand-in framework's request and response.
mod framework {
    /// A request: its method and header list.
    pub(crate) struct Request {
        pub(crate) method: String,
        pub(crate) headers: Vec<(String, String)>,
    }

    /// A response: status, header list, body.
    #[derive(Default)]
    pub(crate) struct Response {
        pub(crate) status: u16,
        pub(crate) headers: Vec<(String, String)>,
        pub(crate) body: String,
    }
}

use framework::{Request, Response};

// ---- The adapter. ----

/// Answers a preflight with the policy alone; otherwise calls `app` and sets the policy's
/// headers on its response: each CORS header replaces the app's, `Vary` is merged.
fn with_cors(
    policy: &CorsPolicy,
    request: &Request,
    app: impl FnOnce(&Request) -> Response,
) -> Response {
    let decision = policy
        .policy()
        .decide_list(request.method.as_bytes(), &request.headers);
    let mut response = match decision.kind() {
        RequestKind::Preflight => Response {
            status: decision.status().unwrap_or(403),
            ..Response::default()
        },
        RequestKind::Actual | RequestKind::NotCors => app(request),
    };
    for (name, value) in decision.headers().filter(|(name, _)| *name != "vary") {
        response
            .headers
            .retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        response
            .headers
            .push((name.into(), String::from_utf8_lossy(value).into()));
    }
    if let Some(vary) = decision.vary() {
        let existing = response
            .headers
            .iter_mut()
            .find(|(n, _)| n.eq_ignore_ascii_case("vary"));
        let mut merged = String::new();
        match merge_vary(
            existing.as_ref().map(|(_, v)| v.as_bytes()),
            vary,
            &mut merged,
        ) {
            Ok(()) => match existing {
                Some((_, value)) => *value = merged,
                None => response.headers.push(("vary".into(), merged)),
            },
            Err(_) => response.headers.push(("vary".into(), vary.into())),
        }
    }
    response
}

// ---- The rest shows it working. ----

fn app(request: &Request) -> Response {
    Response {
        status: 200,
        headers: vec![("Vary".into(), "Accept-Encoding".into())],
        body: format!("hello from {}", request.method),
    }
}

fn request(method: &str, headers: &[(&str, &str)]) -> Request {
    Request {
        method: method.into(),
        headers: headers
            .iter()
            .map(|(n, v)| ((*n).into(), (*v).into()))
            .collect(),
    }
}

fn example_policy() -> Result<CorsPolicy, cors_std::policy::PolicyErrors> {
    CorsPolicy::new(
        PolicyFile::default()
            .allow_origins(["https://app.example.com"])
            .allow_methods(["PUT"]),
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let policy = example_policy()?;
    let preflight = request(
        "OPTIONS",
        &[
            ("Origin", "https://app.example.com"),
            ("Access-Control-Request-Method", "PUT"),
        ],
    );
    let actual = request("PUT", &[("Origin", "https://app.example.com")]);
    for request in [preflight, actual] {
        let response = with_cors(&policy, &request, app);
        println!(
            "{} -> {} {:?}",
            request.method, response.status, response.body
        );
        for (name, value) in &response.headers {
            println!("  {name}: {value}");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(response: &Response) -> Vec<(&str, &str)> {
        response
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect()
    }

    #[test]
    fn a_preflight_never_reaches_the_app() {
        let policy = example_policy().unwrap();
        let preflight = request(
            "OPTIONS",
            &[
                ("Origin", "https://app.example.com"),
                ("Access-Control-Request-Method", "PUT"),
            ],
        );
        let response = with_cors(&policy, &preflight, |_| {
            unreachable!("the app is not called")
        });
        assert_eq!(response.status, 204);
        assert_eq!(
            pairs(&response),
            [
                ("access-control-allow-origin", "https://app.example.com"),
                ("access-control-allow-methods", "PUT"),
                (
                    "vary",
                    "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"
                ),
            ]
        );
    }

    #[test]
    fn an_actual_response_gets_the_headers_and_a_merged_vary() {
        let policy = example_policy().unwrap();
        let actual = request("PUT", &[("Origin", "https://app.example.com")]);
        let response = with_cors(&policy, &actual, app);
        assert_eq!(
            (response.status, response.body.as_str()),
            (200, "hello from PUT")
        );
        assert_eq!(
            pairs(&response),
            [
                ("Vary", "Accept-Encoding, Origin"),
                ("access-control-allow-origin", "https://app.example.com"),
            ]
        );
        let refused = request("PUT", &[("Origin", "https://evil.example")]);
        let response = with_cors(&policy, &refused, app);
        assert_eq!(pairs(&response), [("Vary", "Accept-Encoding, Origin")]);
    }
}
