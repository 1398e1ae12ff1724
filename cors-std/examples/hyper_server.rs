//! A hyper 1 server behind the CORS layer, its policy read from a file: the tower
//! `CorsLayer` in front of an application, as an axum `Router::layer` would hold it.
//!
//! ```text
//! cargo run -p cors-std --features tower --example hyper_server -- examples/policies/good.toml 127.0.0.1:3000
//! curl -si -X OPTIONS http://127.0.0.1:3000/items -H 'Origin: https://app.example.com' \
//!     -H 'Access-Control-Request-Method: PUT' -H 'Access-Control-Request-Headers: content-type'
//! ```
//!
//! A policy with errors stops the server before it listens, with every error listed.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::Path;

use bytes::Bytes;
use cors_std::tower::CorsLayer;
use http::{Request, Response};
use http_body_util::Full;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::ServiceBuilder;

/// The application: a JSON list, with a request id that the policy exposes.
async fn app(request: Request<hyper::body::Incoming>) -> Result<Response<Full<Bytes>>, Infallible> {
    let body = format!("{{\"method\":\"{}\",\"items\":[]}}\n", request.method());
    let mut response = Response::new(Full::new(Bytes::from(body)));
    let headers = response.headers_mut();
    headers.insert(
        "content-type",
        http::HeaderValue::from_static("application/json"),
    );
    headers.insert("x-request-id", http::HeaderValue::from_static("7"));
    Ok(response)
}

/// Accepts connections on `listener` forever, each served by the application behind
/// `layer`.
async fn serve(listener: TcpListener, layer: CorsLayer) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let service = ServiceBuilder::new().layer(layer.clone()).service_fn(app);
        tokio::spawn(async move {
            let builder = auto::Builder::new(TokioExecutor::new());
            let connection =
                builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
            if let Err(error) = connection.await {
                eprintln!("connection: {error}");
            }
        });
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let policy = args
        .next()
        .unwrap_or_else(|| "examples/policies/good.toml".into());
    let address: SocketAddr = args.next().as_deref().unwrap_or("127.0.0.1:3000").parse()?;
    let layer = CorsLayer::read(Path::new(&policy))?;
    for warning in layer.policy().warnings() {
        eprintln!("warning: {warning}");
    }
    let listener = TcpListener::bind(address).await?;
    println!("listening on http://{}", listener.local_addr()?);
    serve(listener, layer).await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use http_body_util::{BodyExt, Empty};
    use tokio::net::TcpStream;

    use super::*;

    /// The repository's example policy, from this package's directory.
    fn example_policy(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../examples/policies")
            .join(name)
    }

    #[tokio::test]
    async fn serves_the_example_policy() {
        let layer = CorsLayer::read(&example_policy("good.toml")).unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(serve(listener, layer));

        let stream = TcpStream::connect(address).await.unwrap();
        let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .unwrap();
        tokio::spawn(connection);
        let preflight = Request::options("/items")
            .header("host", "localhost")
            .header("origin", "https://api.example.com")
            .header("access-control-request-method", "PUT")
            .header("access-control-request-headers", "authorization")
            .body(Empty::<Bytes>::new())
            .unwrap();
        let response = sender.send_request(preflight).await.unwrap();
        // good.toml allows https://*.example.com, PUT and authorization, with credentials.
        assert_eq!(response.status(), 204);
        let headers = response.headers();
        assert_eq!(
            headers["access-control-allow-origin"],
            "https://api.example.com"
        );
        assert_eq!(headers["access-control-allow-credentials"], "true");
        assert_eq!(headers["access-control-allow-methods"], "PUT");
        assert_eq!(headers["access-control-allow-headers"], "authorization");
        assert_eq!(headers["access-control-max-age"], "600");

        let actual = Request::get("/items")
            .header("host", "localhost")
            .header("origin", "http://localhost:5173")
            .body(Empty::<Bytes>::new())
            .unwrap();
        let response = sender.send_request(actual).await.unwrap();
        let headers = response.headers().clone();
        assert_eq!(
            headers["access-control-allow-origin"],
            "http://localhost:5173"
        );
        assert_eq!(headers["access-control-expose-headers"], "x-request-id");
        assert_eq!(headers["vary"], "Origin");
        let body = response.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(&body[..], b"{\"method\":\"GET\",\"items\":[]}\n");
    }

    #[test]
    fn a_misconfigured_policy_stops_the_server_before_it_listens() {
        let error = CorsLayer::read(&example_policy("misconfigured.toml")).unwrap_err();
        let text = error.to_string();
        assert!(text.starts_with("the policy has "), "{text}");
        assert!(text.contains("[misconfiguration class 2]"), "{text}");
    }
}
