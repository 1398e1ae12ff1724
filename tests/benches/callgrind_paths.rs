//! The main paths, each run N times inside one function, [`measured`], for
//! `scripts/bench-callgrind` to count their instructions under
//! `valgrind --tool=callgrind --toggle-collect=…measured…`: figures that do not drift with
//! machine noise (instructions, not time; the setup — building policies, requests — is not
//! counted).
//!
//! ```text
//! callgrind_paths --list            the path names
//! callgrind_paths PATH ITERATIONS   runs PATH ITERATIONS times inside `measured`
//! callgrind_paths                   (as `cargo bench` runs it) every path once, a smoke test
//! ```
//!
//! Each path runs once before `measured` (so what happens once, such as a header value's
//! first clone, is not counted). Each tower path includes dropping the request (the layer
//! consumes it); the response is kept and dropped after `measured` returns, as the
//! criterion benchmarks drop it outside the timed region.

use core::hint::black_box;
use std::process::ExitCode;

use cors_core::browser::request::classify_fetch;
use cors_core::browser::response::{PreflightedRequest, cors_check, validate_preflight_response};
use cors_core::browser::{CredentialsMode, Profile};
use cors_core::http::BoundedHeaders;
use http::{Request, Response};
use tower::Layer;

mod fixtures;

use fixtures::browser::{
    FETCH_HEADERS, PREFLIGHT_RESPONSE, SERIALIZED_PAGE, UNSAFE_NAMES, fetch_input,
    write_preflight_request_headers, write_preflight_request_headers_as,
};
use fixtures::{Patterns, Scenario, inner, our_layer, our_policy, peer_layer, serve};

/// Runs `call` for each of `0..iterations`: the only function whose instructions count.
#[inline(never)]
fn measured(iterations: usize, call: &mut dyn FnMut(usize)) {
    for i in 0..iterations {
        call(i);
    }
}

/// Runs `call` once uncounted (what happens only once — a value's first clone — is not a
/// per-call cost), then `iterations` times inside [`measured`].
fn run(iterations: usize, call: &mut dyn FnMut(usize)) {
    call(usize::MAX);
    measured(iterations, call);
}

/// A path: its name and how to run it `iterations` times inside [`measured`].
struct Path {
    name: String,
    run: Box<dyn Fn(usize)>,
}

fn path(name: impl Into<String>, run: impl Fn(usize) + 'static) -> Path {
    Path {
        name: name.into(),
        run: Box::new(run),
    }
}

/// The core's decision for `scenario` with `n` origins.
fn core_path(scenario: Scenario, patterns: Patterns, n: usize) -> Path {
    let name = format!("core/{}/{}-{n}", scenario.name(), patterns.name());
    path(name, move |iterations| {
        let policy = our_policy(patterns, n);
        let pairs = scenario.headers(patterns, n);
        let method = scenario.method().as_bytes();
        run(iterations, &mut |_| {
            // The decision is read where it was made, as an adapter reads it (moving it into
            // `black_box` would copy it).
            let decision = policy.policy().decide_list(method, black_box(&pairs[..]));
            black_box(&decision);
        });
    })
}

/// A layer's full call for `scenario` with `n` origins: `tower` (ours) or `tower-http`.
fn layer_path(layer: &'static str, scenario: Scenario, patterns: Patterns, n: usize) -> Path {
    let name = format!("{layer}/{}/{}-{n}", scenario.name(), patterns.name());
    path(name, move |iterations| {
        let request = scenario.request(patterns, n);
        let mut requests: Vec<Request<()>> = (0..=iterations).map(|_| request.clone()).collect();
        let mut responses: Vec<Response<()>> = Vec::with_capacity(iterations + 1);
        if layer == "tower" {
            let mut service = our_layer(patterns, n).layer(inner());
            run(iterations, &mut |_| {
                if let Some(request) = requests.pop() {
                    responses.push(serve(&mut service, request));
                }
            });
        } else {
            let mut service = peer_layer(patterns, n).layer(inner());
            run(iterations, &mut |_| {
                if let Some(request) = requests.pop() {
                    responses.push(serve(&mut service, request));
                }
            });
        }
        drop(black_box(responses));
    })
}

fn browser_paths() -> Vec<Path> {
    vec![
        path("browser/classify", |iterations| {
            run(iterations, &mut |_| {
                let input = fetch_input(black_box(FETCH_HEADERS));
                black_box(classify_fetch(input).map(|c| c.verdict()).is_ok());
            });
        }),
        path("browser/classify+preflight", |iterations| {
            let mut out = String::with_capacity(256);
            run(iterations, &mut |_| {
                out.clear();
                write_preflight_request_headers(black_box(FETCH_HEADERS), &mut out);
                black_box(&out);
            });
        }),
        path("browser/cors-check", |iterations| {
            run(iterations, &mut |_| {
                if let Ok(headers) = BoundedHeaders::new(black_box(PREFLIGHT_RESPONSE)) {
                    let origin = black_box(SERIALIZED_PAGE);
                    black_box(cors_check(&headers, origin, CredentialsMode::Include).is_ok());
                }
            });
        }),
        path("browser/preflight-validation", |iterations| {
            run(iterations, &mut |_| {
                if let Ok(headers) = BoundedHeaders::new(black_box(PREFLIGHT_RESPONSE)) {
                    let request = PreflightedRequest {
                        method: b"PUT",
                        unsafe_header_names: UNSAFE_NAMES.iter().copied(),
                        has_authorization: true,
                        credentials: CredentialsMode::Include,
                        use_cors_preflight: false,
                        serialized_origin: SERIALIZED_PAGE,
                    };
                    let grant = validate_preflight_response(&request, 204, &headers, Profile::Spec);
                    black_box(grant.is_ok());
                }
            });
        }),
    ]
}

fn origin_paths() -> Vec<Path> {
    let mut paths = Vec::new();
    // The inputs of the `origin_parse` criterion benchmark.
    let inputs = [
        "https://example.com",
        "http://localhost:8080",
        "https://[2001:db8::1]:8443",
        "https://a.very.long.subdomain.example.co.uk",
    ];
    for input in inputs {
        paths.push(path(format!("origin/strict/{input}"), move |iterations| {
            run(iterations, &mut |_| {
                black_box(cors_core::parse_origin_or_null(black_box(input.as_bytes())).is_ok());
            });
        }));
        paths.push(path(
            format!("origin/strict-text/{input}"),
            move |iterations| {
                run(iterations, &mut |_| {
                    black_box(cors_core::OriginOrNull::parse(black_box(input)).is_ok());
                });
            },
        ));
        paths.push(path(
            format!("origin/url-crate/{input}"),
            move |iterations| {
                run(iterations, &mut |_| {
                    let _ = black_box(url::Url::parse(black_box(input)).map(|url| url.origin()));
                });
            },
        ));
    }
    // A URL of the `url_origin` criterion group, and the long domain of `origin_parse`
    // through the URL parser.
    let urls = [
        (
            "path-query",
            "https://api.example.com/v1/items/42?expand=owner&sort=-created#top",
        ),
        ("long-domain", "https://a.very.long.subdomain.example.co.uk"),
    ];
    for (label, url) in urls {
        paths.push(path(
            format!("url-origin/ours/{label}"),
            move |iterations| {
                run(iterations, &mut |_| {
                    black_box(cors_core::url_origin(black_box(url), None).is_ok());
                });
            },
        ));
        paths.push(path(
            format!("url-origin/url-crate/{label}"),
            move |iterations| {
                run(iterations, &mut |_| {
                    let _ = black_box(url::Url::parse(black_box(url)).map(|url| url.origin()));
                });
            },
        ));
    }
    paths
}

fn adversarial_paths() -> Vec<Path> {
    let commas = |len: usize| {
        path(
            format!("adversarial/core/acrh-commas-{len}"),
            move |iterations| {
                let policy = our_policy(Patterns::Exact, 1_000);
                let headers = [
                    ("origin", Patterns::Exact.allowed_origin(1_000)),
                    ("access-control-request-method", "PUT".to_owned()),
                    ("access-control-request-headers", ",".repeat(len)),
                ];
                run(iterations, &mut |_| {
                    black_box(
                        policy
                            .policy()
                            .decide_list(b"OPTIONS", black_box(&headers[..])),
                    );
                });
            },
        )
    };
    let origin = |len: usize| {
        path(
            format!("adversarial/core/origin-{len}"),
            move |iterations| {
                let policy = our_policy(Patterns::Exact, 1_000);
                let label = "a".repeat(len - "https://".len() - ".example.com".len());
                let headers = [("origin", format!("https://{label}.example.com"))];
                run(iterations, &mut |_| {
                    black_box(policy.policy().decide_list(b"PUT", black_box(&headers[..])));
                });
            },
        )
    };
    // A fetch() with `count` CORS-unsafe headers: classified, and the preflight's
    // Access-Control-Request-Headers written (the names sorted in a fixed array).
    let preflight_names = |count: usize, profile: Profile| {
        let suffix = match profile {
            Profile::Chromium => "-chromium",
            _ => "",
        };
        path(
            format!("adversarial/browser/preflight-names-{count}{suffix}"),
            move |iterations| {
                let pairs: Vec<(String, String)> = (0..count)
                    .map(|i| (format!("x-h{}", count - i), "1".to_owned()))
                    .collect();
                let mut out = String::with_capacity(count * 8);
                run(iterations, &mut |_| {
                    out.clear();
                    write_preflight_request_headers_as(profile, black_box(&pairs[..]), &mut out);
                    black_box(&out);
                });
            },
        )
    };
    vec![
        preflight_names(8, Profile::Spec),
        preflight_names(64, Profile::Spec),
        preflight_names(256, Profile::Spec),
        preflight_names(8, Profile::Chromium),
        preflight_names(64, Profile::Chromium),
        preflight_names(256, Profile::Chromium),
        commas(64),
        commas(1_000),
        commas(1_025),
        commas(1 << 20),
        origin(64),
        origin(512),
        origin(65_536),
    ]
}

fn paths() -> Vec<Path> {
    let mut paths = Vec::new();
    for scenario in Scenario::ALL {
        paths.push(core_path(scenario, Patterns::Exact, 1));
        paths.push(core_path(scenario, Patterns::Wildcard, 1));
    }
    // Building a policy of 100,000 origins takes seconds under valgrind: two scenarios.
    for scenario in [Scenario::PreflightAllowed, Scenario::ActualRefused] {
        paths.push(core_path(scenario, Patterns::Exact, 100_000));
        paths.push(core_path(scenario, Patterns::Wildcard, 100_000));
    }
    for scenario in Scenario::ALL {
        for layer in ["tower", "tower-http"] {
            paths.push(layer_path(layer, scenario, Patterns::Exact, 1));
        }
    }
    for scenario in [Scenario::PreflightAllowed, Scenario::ActualAllowed] {
        for layer in ["tower", "tower-http"] {
            paths.push(layer_path(layer, scenario, Patterns::Exact, 1_000));
        }
    }
    paths.extend(browser_paths());
    paths.extend(origin_paths());
    paths.extend(adversarial_paths());
    paths
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let paths = paths();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["--list"] => {
            for path in &paths {
                println!("{}", path.name);
            }
            ExitCode::SUCCESS
        }
        [name, iterations] => {
            let Ok(iterations) = iterations.parse::<usize>() else {
                eprintln!("ITERATIONS must be a number: {iterations}");
                return ExitCode::from(2);
            };
            let Some(path) = paths.iter().find(|path| path.name == name) else {
                eprintln!("no path {name}; --list shows them");
                return ExitCode::from(2);
            };
            (path.run)(iterations);
            ExitCode::SUCCESS
        }
        // `cargo bench` passes `--bench` (and maybe a filter): a smoke test of the small paths.
        _ => {
            for path in paths.iter().filter(|path| !path.name.contains("100000")) {
                (path.run)(1);
            }
            ExitCode::SUCCESS
        }
    }
}
