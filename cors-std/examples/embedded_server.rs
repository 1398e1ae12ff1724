//! An embedded-style HTTP/1.1 server: `std::net`, httparse, fixed buffers, and the core
//! policy on array storage. Nothing on the request path touches the heap: the request is
//! read into a fixed buffer, parsed into a fixed header array, decided over that array
//! (`Policy::decide_list`, no copy), and the response is written into a fixed buffer.
//!
//! ```text
//! cargo run -p cors-std --example embedded_server -- 127.0.0.1:8080
//! curl -si -X OPTIONS http://127.0.0.1:8080/items -H 'Origin: http://localhost:5173' \
//!     -H 'Access-Control-Request-Method: PUT'
//! ```
//!
//! On a device without `std`, the same `handle` works on the network stack's buffers; only
//! the Public Suffix List, consulted once when the policy is built, must come from the
//! device (any `PublicSuffixList`).

use std::io::{Cursor, Read, Write};
use std::net::{TcpListener, TcpStream};

use cors_core::policy::{BuildError, PatternSlot, Policy, PolicyConfig, RequestKind};

/// The policy, fixed at compile time.
static CONFIG: PolicyConfig<'static> = PolicyConfig {
    allowed_methods: &["PUT", "DELETE"],
    allowed_request_headers: &["content-type"],
    exposed_response_headers: &["x-request-id"],
    max_age: Some(600),
    ..PolicyConfig::new(&["https://app.example.com", "http://localhost:*"])
};

/// One slot per host pattern of `CONFIG`.
type DevicePolicy = Policy<'static, [PatternSlot<'static>; 2]>;

/// The largest request head read.
const REQUEST_BUFFER: usize = 8 * 1024;
/// The most headers parsed.
const MAX_HEADERS: usize = 32;
/// The largest response written.
const RESPONSE_BUFFER: usize = 4 * 1024;

/// Builds the policy once, at start-up (the Public Suffix List is consulted only here).
fn build_policy() -> Result<DevicePolicy, BuildError> {
    let storage = [PatternSlot::EMPTY; 2];
    Policy::build(
        &CONFIG,
        &cors_std::PublicSuffixes,
        storage,
        &mut |problem| {
            eprintln!("policy: {problem}");
        },
    )
}

/// Why a request got no answer.
#[derive(Debug)]
enum HandleError {
    /// The head is not HTTP/1.x, or is incomplete within the buffer.
    BadRequest,
    /// The response did not fit the buffer.
    ResponseTooLarge,
}

/// Answers the request head in `input`, writing the whole response into `output`; returns
/// its length. Allocates nothing.
fn handle(policy: &DevicePolicy, input: &[u8], output: &mut [u8]) -> Result<usize, HandleError> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    match request.parse(input) {
        Ok(httparse::Status::Complete(_)) => {}
        _ => return Err(HandleError::BadRequest),
    }
    let method = request.method.unwrap_or_default();
    let decision = policy.decide_list(method.as_bytes(), &*request.headers);
    let (status, body) = match decision.kind() {
        RequestKind::Preflight => (decision.status().unwrap_or(403), ""),
        _ => (200, "{\"items\":[]}\n"),
    };
    let mut out = Cursor::new(output);
    let written: std::io::Result<()> = (|| {
        write!(out, "HTTP/1.1 {status} {}\r\n", reason(status))?;
        for (name, value) in decision.headers() {
            write!(out, "{name}: ")?;
            out.write_all(value)?;
            out.write_all(b"\r\n")?;
        }
        if decision.kind() != RequestKind::Preflight {
            out.write_all(b"x-request-id: 7\r\ncontent-type: application/json\r\n")?;
        }
        write!(
            out,
            "content-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        )
    })();
    match written {
        Ok(()) => usize::try_from(out.position()).map_err(|_| HandleError::ResponseTooLarge),
        Err(_) => Err(HandleError::ResponseTooLarge),
    }
}

/// The reason phrase of the statuses this server sends.
const fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        403 => "Forbidden",
        _ => "",
    }
}

/// Reads a request head (up to the blank line, or until the buffer is full), answers it,
/// and closes the connection.
fn serve_connection(policy: &DevicePolicy, mut stream: TcpStream) -> std::io::Result<()> {
    let mut input = [0u8; REQUEST_BUFFER];
    let mut filled = 0;
    while filled < input.len() {
        let read = stream.read(input.get_mut(filled..).unwrap_or_default())?;
        filled += read;
        let head = input.get(..filled).unwrap_or_default();
        if read == 0 || head.windows(4).any(|w| w == b"\r\n\r\n") {
            break;
        }
    }
    let mut output = [0u8; RESPONSE_BUFFER];
    let head = input.get(..filled).unwrap_or_default();
    match handle(policy, head, &mut output) {
        Ok(len) => stream.write_all(output.get(..len).unwrap_or_default()),
        Err(error) => {
            eprintln!("no answer: {error:?}");
            stream.write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n")
        }
    }
}

/// Serves connections one at a time, forever.
fn serve(policy: &DevicePolicy, listener: &TcpListener) {
    for stream in listener.incoming() {
        let served = stream.and_then(|stream| serve_connection(policy, stream));
        if let Err(error) = served {
            eprintln!("connection: {error}");
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let address = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8080".into());
    let policy = build_policy()?;
    let listener = TcpListener::bind(&address)?;
    println!("listening on http://{}", listener.local_addr()?);
    serve(&policy, &listener);
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::alloc::System;

    use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

    use super::*;

    #[global_allocator]
    static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

    const PREFLIGHT: &[u8] = b"OPTIONS /items/1 HTTP/1.1\r\nHost: device.local\r\n\
        Origin: http://localhost:5173\r\nAccess-Control-Request-Method: PUT\r\n\
        Access-Control-Request-Headers: content-type\r\n\r\n";
    const REFUSED: &[u8] = b"OPTIONS /items/1 HTTP/1.1\r\nHost: device.local\r\n\
        Origin: https://evil.example\r\nAccess-Control-Request-Method: PUT\r\n\r\n";
    const ACTUAL: &[u8] =
        b"GET /items HTTP/1.1\r\nHost: device.local\r\nOrigin: https://app.example.com\r\n\r\n";

    /// The expected responses, byte for byte: the Fetch Standard's CORS protocol answers
    /// for `CONFIG` (<https://fetch.spec.whatwg.org/#http-cors-protocol>).
    const EXPECTED: [(&[u8], &str); 3] = [
        (
            PREFLIGHT,
            "HTTP/1.1 204 No Content\r\n\
             access-control-allow-origin: http://localhost:5173\r\n\
             access-control-allow-methods: PUT\r\n\
             access-control-allow-headers: content-type\r\n\
             access-control-max-age: 600\r\n\
             vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers\r\n\
             content-length: 0\r\nconnection: close\r\n\r\n",
        ),
        (
            REFUSED,
            "HTTP/1.1 403 Forbidden\r\n\
             vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers\r\n\
             content-length: 0\r\nconnection: close\r\n\r\n",
        ),
        (
            ACTUAL,
            "HTTP/1.1 200 OK\r\n\
             access-control-allow-origin: https://app.example.com\r\n\
             access-control-expose-headers: x-request-id\r\n\
             vary: Origin\r\n\
             x-request-id: 7\r\ncontent-type: application/json\r\n\
             content-length: 13\r\nconnection: close\r\n\r\n{\"items\":[]}\n",
        ),
    ];

    /// One test, so no other test thread allocates while the allocations are counted.
    #[test]
    fn answers_without_the_heap_and_over_a_socket() {
        let policy = build_policy().unwrap();
        let mut output = [0u8; RESPONSE_BUFFER];
        for (request, expected) in EXPECTED {
            let region = Region::new(GLOBAL);
            let len = handle(&policy, request, &mut output).unwrap();
            let allocations = region.change().allocations;
            assert_eq!(allocations, 0, "{}", String::from_utf8_lossy(request));
            assert_eq!(String::from_utf8_lossy(&output[..len]), expected);
        }
        assert!(matches!(
            handle(&policy, b"GET / HTTP/1.1\r\n", &mut output),
            Err(HandleError::BadRequest)
        ));

        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        std::thread::spawn(move || serve(&policy, &listener));
        for (request, expected) in EXPECTED {
            let mut stream = TcpStream::connect(address).unwrap();
            stream.write_all(request).unwrap();
            let mut response = String::new();
            stream.read_to_string(&mut response).unwrap();
            assert_eq!(response, expected);
        }
    }
}
