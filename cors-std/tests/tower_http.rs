//! The tower layer over real HTTP/1.1 on loopback: a hyper server running an application
//! behind `CorsLayer`, and a hyper client. Expected headers follow the Fetch Standard's
//! CORS protocol (<https://fetch.spec.whatwg.org/#http-cors-protocol>) for the policy
//! below; the application counts its calls, so a preflight answered without it shows.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use bytes::Bytes;
use cors_std::cors_core::policy::Rule;
use cors_std::policy::PolicyFile;
use cors_std::tower::CorsLayer;
use http::{HeaderMap, Method, Request, Response, StatusCode};
use http_body_util::{BodyExt, Empty, Full};
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tower::ServiceBuilder;

const APP: &str = "https://app.example.com";

fn policy() -> PolicyFile {
    PolicyFile::default()
        .allow_origins([APP, "https://*.tenant.example.com"])
        .allow_credentials(true)
        .allow_methods(["PUT", "DELETE"])
        .allow_headers(["content-type", "x-request-id"])
        .expose_headers(["x-request-id"])
        .max_age(600)
}

/// The application: answers 200 with `Vary: Accept-Encoding`, an `X-Request-Id`, and (to
/// show it is replaced, or removed when the policy sets none) a wrong
/// `Access-Control-Allow-Origin`.
async fn app(
    calls: Arc<AtomicUsize>,
    request: Request<hyper::body::Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    calls.fetch_add(1, Ordering::SeqCst);
    let body = format!("{} {}", request.method(), request.uri().path());
    let response = Response::builder()
        .header("vary", "Accept-Encoding")
        .header("x-request-id", "42")
        .header("access-control-allow-origin", "https://wrong.example")
        .body(Full::new(Bytes::from(body)));
    Ok(response.unwrap_or_default())
}

/// Serves `layer` around the application on a loopback port.
async fn serve(layer: CorsLayer) -> (SocketAddr, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let counter = Arc::clone(&counter);
            let service = ServiceBuilder::new()
                .layer(layer.clone())
                .service_fn(move |request| app(Arc::clone(&counter), request));
            tokio::spawn(async move {
                let _ = auto::Builder::new(TokioExecutor::new())
                    .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service))
                    .await;
            });
        }
    });
    (address, calls)
}

/// Sends one request over a new connection; the status, headers and body.
async fn send(
    address: SocketAddr,
    method: Method,
    headers: &[(&str, &str)],
) -> (StatusCode, HeaderMap, String) {
    let stream = TcpStream::connect(address).await.unwrap();
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .unwrap();
    tokio::spawn(connection);
    let mut request = Request::builder()
        .method(method)
        .uri("/items/1")
        .header("host", "api.example.com");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = sender
        .send_request(request.body(Empty::<Bytes>::new()).unwrap())
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    let body = body.collect().await.unwrap().to_bytes();
    (
        parts.status,
        parts.headers,
        String::from_utf8(body.to_vec()).unwrap(),
    )
}

/// Every header as `name: value` lines, sorted, without the ones hyper adds.
fn lines(headers: &HeaderMap) -> Vec<String> {
    let mut lines: Vec<String> = headers
        .iter()
        .filter(|(name, _)| !matches!(name.as_str(), "date" | "content-length"))
        .map(|(name, value)| format!("{name}: {}", value.to_str().unwrap()))
        .collect();
    lines.sort();
    lines
}

#[tokio::test]
async fn an_allowed_preflight_is_answered_without_the_application() {
    let (address, calls) = serve(CorsLayer::from_file(policy()).unwrap()).await;
    let (status, headers, body) = send(
        address,
        Method::OPTIONS,
        &[
            ("origin", "https://eu.tenant.example.com"),
            ("access-control-request-method", "PUT"),
            (
                "access-control-request-headers",
                "content-type,x-request-id",
            ),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(body, "");
    assert_eq!(
        lines(&headers),
        [
            "access-control-allow-credentials: true",
            "access-control-allow-headers: content-type,x-request-id",
            "access-control-allow-methods: PUT",
            "access-control-allow-origin: https://eu.tenant.example.com",
            "access-control-max-age: 600",
            "vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
        ]
    );
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn a_refused_preflight_gets_403_and_no_cors_header() {
    let (address, calls) = serve(CorsLayer::from_file(policy()).unwrap()).await;
    for request in [
        [
            ("origin", "https://evil.example"),
            ("access-control-request-method", "PUT"),
        ],
        [("origin", APP), ("access-control-request-method", "PATCH")],
        [("origin", APP), ("access-control-request-method", "put")],
    ] {
        let (status, headers, _) = send(address, Method::OPTIONS, &request).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{request:?}");
        assert_eq!(
            lines(&headers),
            ["vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers",],
            "{request:?}"
        );
    }
    let (status, headers, _) = send(
        address,
        Method::OPTIONS,
        &[
            ("origin", APP),
            ("access-control-request-method", "DELETE"),
            ("access-control-request-headers", "authorization"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(headers.get("access-control-allow-origin").is_none());
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn an_allowed_actual_response_is_decorated_and_vary_merged() {
    let (address, calls) = serve(CorsLayer::from_file(policy()).unwrap()).await;
    let (status, headers, body) = send(address, Method::PUT, &[("origin", APP)]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, "PUT /items/1");
    assert_eq!(
        lines(&headers),
        [
            "access-control-allow-credentials: true",
            format!("access-control-allow-origin: {APP}").as_str(),
            "access-control-expose-headers: x-request-id",
            "vary: Accept-Encoding, Origin",
            "x-request-id: 42",
        ]
    );
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_refused_actual_request_reaches_the_application_and_its_response_loses_cors_headers() {
    let (address, calls) = serve(CorsLayer::from_file(policy()).unwrap()).await;
    let (status, headers, _) =
        send(address, Method::GET, &[("origin", "https://evil.example")]).await;
    assert_eq!(status, StatusCode::OK);
    // The policy is the only source of CORS headers: the application's own value is
    // removed, so it cannot grant what the policy refuses.
    assert_eq!(
        lines(&headers),
        ["vary: Accept-Encoding, Origin", "x-request-id: 42"]
    );
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn options_without_a_request_method_and_requests_without_origin_pass_through() {
    let (address, calls) = serve(CorsLayer::from_file(policy()).unwrap()).await;
    let (status, headers, body) = send(address, Method::OPTIONS, &[("origin", APP)]).await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::OK, "OPTIONS /items/1")
    );
    assert_eq!(headers["access-control-allow-origin"], APP);
    assert_eq!(
        headers["vary"],
        "Accept-Encoding, Origin, Access-Control-Request-Method, Access-Control-Request-Headers"
    );
    let (status, headers, body) = send(address, Method::GET, &[]).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "GET /items/1"));
    assert!(headers.get("access-control-allow-origin").is_none());
    assert_eq!(headers["vary"], "Accept-Encoding, Origin");
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_public_policy_answers_every_request_the_same() {
    let public = PolicyFile::default()
        .allow_origins(["*"])
        .allow_methods(["*"])
        .allow_headers(["*"]);
    let (address, _) = serve(CorsLayer::from_file(public).unwrap()).await;
    let (status, headers, _) = send(
        address,
        Method::OPTIONS,
        &[
            ("origin", "https://any.example"),
            ("access-control-request-method", "PATCH"),
            ("access-control-request-headers", "x-custom"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        lines(&headers),
        [
            "access-control-allow-headers: x-custom",
            "access-control-allow-methods: PATCH",
            "access-control-allow-origin: *",
            "vary: Access-Control-Request-Method, Access-Control-Request-Headers",
        ]
    );
    let (_, headers, _) = send(address, Method::GET, &[]).await;
    assert_eq!(headers["access-control-allow-origin"], "*");
    assert_eq!(headers["vary"], "Accept-Encoding");
}

#[test]
fn configuration_errors_come_from_construction() {
    let errors = CorsLayer::from_file(
        PolicyFile::default()
            .allow_origins(["*"])
            .allow_credentials(true)
            .allow_headers(["*", "cookie"]),
    )
    .unwrap_err();
    let classes: Vec<_> = errors.errors.iter().map(|e| (e.setting, e.class)).collect();
    assert_eq!(classes[0], ("allowed_origins", Some(2)), "{errors}");
    assert!(
        errors
            .errors
            .iter()
            .any(|e| e.rule == Rule::ForbiddenRequestHeader),
        "{errors}"
    );
}
