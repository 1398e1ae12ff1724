//! The policy engine live: a loopback HTTP/1.1 server that parses each request with
//! httparse, asks `Policy::decide_list` over the parsed header array, and writes the
//! decision's headers; it logs every request and the exact response, one JSON line each.
//!
//! `/p/NAME/s/ID` is answered by policy NAME for scenario ID:
//!
//! - a CORS-preflight request (the policy's kind `preflight`: `OPTIONS` with `Origin` and
//!   `Access-Control-Request-Method`) gets `decision.status()` and the decision's headers;
//! - any other request gets `200`, the decision's headers, and the application's headers
//!   `Content-Type`, `Content-Language`, `X-Request-Id` and `X-Secret`, and a body (none
//!   for `HEAD`) naming the scenario, so that what a page can read is visible.
//!
//! Nothing else is added: no `Date`, `Server`, `Connection` or `Content-Length`. The body
//! ends when the server closes the connection, after every response, so a connection is
//! never reused.

use std::fs::File;
use std::io::{Read as _, Write as _};
use std::net::{Ipv4Addr, Shutdown, TcpListener, TcpStream};
use std::sync::Mutex;
use std::time::Duration;

use cors_core::http::HeaderList;
use cors_core::policy::{REFUSED_PREFLIGHT_STATUS, RequestKind};
use cors_std::policy::VecPolicy;
use cors_std::scenario::isomorphic_decode;
use serde::{Deserialize, Serialize};

use crate::policies::Policies;

/// The largest request head read.
const MAX_HEAD: usize = 64 * 1024;
/// The most header lines parsed.
const MAX_HEADERS: usize = 128;

/// What the server answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Answer {
    /// The policy's kind of request.
    pub(crate) kind: RequestKind,
    /// Whether the policy allowed it.
    pub(crate) allowed: bool,
    /// Why not, for the logs.
    pub(crate) reason: Option<&'static str>,
    /// The status.
    pub(crate) status: u16,
    /// The headers, in order.
    pub(crate) headers: Vec<(String, String)>,
    /// The body.
    pub(crate) body: Vec<u8>,
}

/// The secret `X-Secret` value of scenario `id`'s response.
pub(crate) fn secret(id: &str) -> String {
    format!("secret-of-{id}")
}

/// The body of scenario `id`'s response.
pub(crate) fn body(id: &str) -> String {
    format!("secret body of {id}\n")
}

/// What the server answers for scenario `id` to a request of `method` with the header
/// list `list`, as the policy decides it. The check calls it too, for the requests a
/// browser would send but Chromium did not.
pub(crate) fn respond<'d, L: HeaderList<'d>>(
    policy: &'d VecPolicy<'_>,
    id: &str,
    method: &[u8],
    list: L,
) -> Answer {
    let decision = policy.decide_list(method, list);
    let mut headers: Vec<(String, String)> = decision
        .headers()
        .map(|(name, value)| (name.to_owned(), isomorphic_decode(value)))
        .collect();
    let kind = decision.kind();
    let (status, body) = if kind == RequestKind::Preflight {
        let status = decision.status().unwrap_or(REFUSED_PREFLIGHT_STATUS);
        (status, Vec::new())
    } else {
        for (name, value) in [
            ("Content-Type", "text/plain;charset=utf-8".to_owned()),
            ("Content-Language", "en".to_owned()),
            ("X-Request-Id", id.to_owned()),
            ("X-Secret", secret(id)),
        ] {
            headers.push((name.to_owned(), value));
        }
        let body = if method == b"HEAD" {
            Vec::new()
        } else {
            body(id).into_bytes()
        };
        (200, body)
    };
    Answer {
        kind,
        allowed: decision.is_allowed(),
        reason: decision.reason().map(|r| r.as_str()),
        status,
        headers,
        body,
    }
}

/// One request as the server received it and what it answered: a line of the log.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Logged {
    /// The scenario id (empty for a path outside `/p/NAME/s/ID`).
    pub(crate) id: String,
    /// The policy's name.
    pub(crate) policy: String,
    /// The method, as received.
    pub(crate) method: String,
    /// The request target.
    pub(crate) target: String,
    /// Whether the policy saw a CORS-preflight request.
    pub(crate) preflight: bool,
    /// The policy's kind: `not-cors`, `preflight`, `actual` (or `unknown-policy`).
    pub(crate) kind: String,
    /// `Origin`, when sent (values joined by `, ` when repeated).
    pub(crate) origin: Option<String>,
    /// `Access-Control-Request-Method`, when sent.
    pub(crate) acrm: Option<String>,
    /// `Access-Control-Request-Headers`, when sent.
    pub(crate) acrh: Option<String>,
    /// Every request header, in order.
    pub(crate) request_headers: Vec<(String, String)>,
    /// Whether the policy allowed the request.
    pub(crate) allowed: bool,
    /// The policy's reason for refusing.
    pub(crate) reason: Option<String>,
    /// The status sent.
    pub(crate) status: u16,
    /// The headers sent, in order.
    pub(crate) response_headers: Vec<(String, String)>,
}

/// Serves `policies` on `127.0.0.1` (a free port, printed as `listening PORT` on stdout),
/// logging to `log`; runs until the process is killed.
pub(crate) fn serve(policies: &Policies<'_>, log: File) -> Result<(), String> {
    let listener =
        TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(|e| format!("cannot listen: {e}"))?;
    let port = listener
        .local_addr()
        .map_err(|e| format!("cannot listen: {e}"))?
        .port();
    println!("listening {port}");
    std::io::stdout()
        .flush()
        .map_err(|e| format!("stdout: {e}"))?;
    let log = Mutex::new(log);
    std::thread::scope(|scope| {
        for stream in listener.incoming() {
            match stream {
                Ok(stream) => {
                    let log = &log;
                    scope.spawn(move || {
                        if let Err(e) = handle(policies, log, stream) {
                            eprintln!("browser-suite serve: {e}");
                        }
                    });
                }
                Err(e) => eprintln!("browser-suite serve: accept: {e}"),
            }
        }
    });
    Ok(())
}

/// Reads one request, answers it, logs it, closes the connection.
fn handle(policies: &Policies<'_>, log: &Mutex<File>, mut stream: TcpStream) -> Result<(), String> {
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .map_err(|e| e.to_string())?;
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_len = loop {
        let mut probe = [httparse::EMPTY_HEADER; MAX_HEADERS];
        match httparse::Request::new(&mut probe).parse(&buffer) {
            Ok(httparse::Status::Complete(n)) => break n,
            Ok(httparse::Status::Partial) if buffer.len() < MAX_HEAD => {}
            Ok(httparse::Status::Partial) => return write_plain(&mut stream, 431),
            Err(_) => return write_plain(&mut stream, 400),
        }
        let n = stream.read(&mut chunk).map_err(|e| e.to_string())?;
        if n == 0 {
            // A speculative connection closed without a request, or a truncated head.
            return Ok(());
        }
        buffer.extend_from_slice(chunk.get(..n).unwrap_or_default());
    };
    let mut storage = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut storage);
    request.parse(&buffer).map_err(|e| e.to_string())?;
    let method = request.method.unwrap_or_default();
    let target = request.path.unwrap_or_default();
    let headers = &*request.headers;

    // Read and discard the body, so that closing never resets the connection.
    let length = headers
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case("content-length"))
        .and_then(|h| {
            std::str::from_utf8(h.value)
                .ok()?
                .trim()
                .parse::<usize>()
                .ok()
        })
        .unwrap_or(0);
    let mut remaining = length.saturating_sub(buffer.len().saturating_sub(head_len));
    while remaining > 0 {
        let n = stream.read(&mut chunk).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        remaining = remaining.saturating_sub(n);
    }

    let (policy_name, id) = target
        .split(['?', '#'])
        .next()
        .and_then(|path| path.strip_prefix("/p/"))
        .and_then(|rest| rest.split_once("/s/"))
        .unwrap_or(("", ""));
    let value = |name: &str| {
        let values: Vec<String> = headers
            .iter()
            .filter(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| isomorphic_decode(h.value))
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    };
    let mut logged = Logged {
        id: id.to_owned(),
        policy: policy_name.to_owned(),
        method: method.to_owned(),
        target: target.to_owned(),
        preflight: false,
        kind: "unknown-policy".to_owned(),
        origin: value("origin"),
        acrm: value("access-control-request-method"),
        acrh: value("access-control-request-headers"),
        request_headers: headers
            .iter()
            .map(|h| (h.name.to_owned(), isomorphic_decode(h.value)))
            .collect(),
        allowed: false,
        reason: None,
        status: 404,
        response_headers: Vec::new(),
    };
    let answer = policies
        .get(policy_name)
        .map(|entry| respond(entry.policy, id, method.as_bytes(), headers));
    if let Some(answer) = &answer {
        logged.preflight = answer.kind == RequestKind::Preflight;
        logged.kind = answer.kind.as_str().to_owned();
        logged.allowed = answer.allowed;
        logged.reason = answer.reason.map(str::to_owned);
        logged.status = answer.status;
        logged.response_headers.clone_from(&answer.headers);
    }
    // Logged before the response is written: when the page sees the response, its line is
    // in the log.
    let line = serde_json::to_string(&logged).map_err(|e| e.to_string())?;
    {
        let mut file = log
            .lock()
            .map_err(|_| "the log lock is poisoned".to_owned())?;
        writeln!(file, "{line}").map_err(|e| format!("log: {e}"))?;
        file.flush().map_err(|e| format!("log: {e}"))?;
    }
    match answer {
        Some(answer) => write_response(&mut stream, &answer),
        None => write_plain(&mut stream, 404),
    }
}

/// Writes `answer`, then closes the connection.
fn write_response(stream: &mut TcpStream, answer: &Answer) -> Result<(), String> {
    let mut out = format!("HTTP/1.1 {} {}\r\n", answer.status, phrase(answer.status));
    for (name, value) in &answer.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    // Header values are isomorphic-decoded bytes: write them back as bytes.
    let mut bytes: Vec<u8> = out
        .chars()
        .map(|c| u8::try_from(c).unwrap_or(b'?'))
        .collect();
    bytes.extend_from_slice(&answer.body);
    stream.write_all(&bytes).map_err(|e| e.to_string())?;
    stream.flush().map_err(|e| e.to_string())?;
    let _ = stream.shutdown(Shutdown::Both);
    Ok(())
}

/// A response with a status line only, then closes the connection.
fn write_plain(stream: &mut TcpStream, status: u16) -> Result<(), String> {
    let answer = Answer {
        kind: RequestKind::NotCors,
        allowed: false,
        reason: None,
        status,
        headers: Vec::new(),
        body: Vec::new(),
    };
    write_response(stream, &answer)
}

/// The reason phrase of the statuses the server sends.
const fn phrase(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        431 => "Request Header Fields Too Large",
        _ => "Status",
    }
}
