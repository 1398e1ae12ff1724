//! A tower [`Layer`] and [`Service`] (feature `tower`; tower 0.5, http 1): the CORS layer of
//! an axum or hyper service, in place of tower-http's `CorsLayer`.
//!
//! - A preflight is answered by the policy: the inner service is not called.
//! - Any other request goes to the inner service, and the policy's headers are set on its
//!   response: the policy is the only source of CORS headers, so each one it sets replaces
//!   the application's own and any other the application set is removed (its `*` or
//!   `Access-Control-Allow-Credentials: true` cannot grant what the policy refuses);
//!   `Vary` is merged with the application's.
//! - An `OPTIONS` request without `Access-Control-Request-Method` is not a preflight and
//!   goes to the inner service like any other.
//! - A configuration error is returned when the layer is made ([`CorsLayer::new`] takes a
//!   validated [`CorsPolicy`]), never a panic, and never at request time.
//!
//! ```
//! use cors_std::policy::{CorsPolicy, PolicyFile};
//! use cors_std::tower::CorsLayer;
//!
//! let layer = CorsLayer::new(CorsPolicy::new(
//!     PolicyFile::default()
//!         .allow_origins(["https://app.example.com"])
//!         .allow_credentials(true)
//!         .allow_methods(["PUT", "DELETE"])
//!         .allow_headers(["content-type"]),
//! )?);
//! // ServiceBuilder::new().layer(layer).service(app), or axum's Router::layer(layer)
//! # let _ = layer;
//! # Ok::<(), cors_std::policy::PolicyErrors>(())
//! ```
//!
//! The migration from tower-http's `CorsLayer`, builder method by builder method, is in
//! `MIGRATING.md` at the repository's root.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::sync::Arc;

use cors_core::policy::RequestKind;
use http::{Request, Response};
use pin_project_lite::pin_project;
pub use tower_layer::Layer;
pub use tower_service::Service;

use crate::http::{CorsHeaders, Echoes, PolicyValues, preflight_response_reusing};
use crate::policy::{CorsPolicy, PolicyErrors, PolicyFile};

/// The CORS layer: a validated policy and its response values, shared by every service it
/// makes (cloning is an `Arc` increment).
#[derive(Clone, Debug)]
pub struct CorsLayer {
    shared: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    policy: CorsPolicy,
    values: PolicyValues,
}

impl CorsLayer {
    /// The layer of `policy`.
    pub fn new(policy: CorsPolicy) -> Self {
        let values = PolicyValues::new(policy.policy());
        Self {
            shared: Arc::new(Shared { policy, values }),
        }
    }

    /// Validates and builds `file`: the layer, or every configuration error.
    pub fn from_file(file: PolicyFile) -> Result<Self, PolicyErrors> {
        Ok(Self::new(CorsPolicy::new(file)?))
    }

    /// Reads, validates and builds the policy file at `path`.
    #[cfg(feature = "files")]
    pub fn read(path: &std::path::Path) -> Result<Self, crate::policy::LoadPolicyError> {
        Ok(Self::new(CorsPolicy::read(path)?))
    }

    /// The policy.
    pub fn policy(&self) -> &CorsPolicy {
        &self.shared.policy
    }
}

impl TryFrom<PolicyFile> for CorsLayer {
    type Error = PolicyErrors;

    fn try_from(file: PolicyFile) -> Result<Self, PolicyErrors> {
        Self::from_file(file)
    }
}

impl<S> Layer<S> for CorsLayer {
    type Service = Cors<S>;

    fn layer(&self, inner: S) -> Cors<S> {
        Cors {
            inner,
            layer: self.clone(),
        }
    }
}

/// The CORS service around an inner service `S` (made by [`CorsLayer`]).
#[derive(Clone, Debug)]
pub struct Cors<S> {
    inner: S,
    layer: CorsLayer,
}

impl<S> Cors<S> {
    /// The inner service.
    pub const fn get_ref(&self) -> &S {
        &self.inner
    }
}

impl<S, ReqBody, ResBody> Service<Request<ReqBody>> for Cors<S>
where
    S: Service<Request<ReqBody>, Response = Response<ResBody>>,
    ResBody: Default,
{
    type Response = Response<ResBody>;
    type Error = S::Error;
    type Future = ResponseFuture<S::Future, ResBody>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<ReqBody>) -> Self::Future {
        let shared = &*self.layer.shared;
        let echoes = Echoes::of(request.headers());
        let decision = echoes.decide(shared.policy.policy(), request.method().as_str().as_bytes());
        let headers = CorsHeaders::with_echoes(&decision, &echoes, &shared.values);
        if decision.kind() == RequestKind::Preflight {
            let status = decision.status();
            // The application never sees a preflight: its map becomes the response's.
            let (parts, _body) = request.into_parts();
            return ResponseFuture {
                state: State::Preflight {
                    response: Some(preflight_response_reusing(status, headers, parts.headers)),
                },
            };
        }
        ResponseFuture {
            state: State::Inner {
                future: self.inner.call(request),
                headers,
            },
        }
    }
}

pin_project! {
    /// The response future of [`Cors`]: the policy's preflight response, or the inner
    /// service's response with the policy's headers set.
    pub struct ResponseFuture<F, B> {
        #[pin]
        state: State<F, B>,
    }
}

pin_project! {
    #[project = StateProjection]
    enum State<F, B> {
        Inner { #[pin] future: F, headers: CorsHeaders },
        Preflight { response: Option<Response<B>> },
    }
}

impl<F, B, E> Future for ResponseFuture<F, B>
where
    F: Future<Output = Result<Response<B>, E>>,
{
    type Output = Result<Response<B>, E>;

    /// Polled again after it completed, it stays pending (rather than panic).
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.project().state.project() {
            StateProjection::Inner { future, headers } => {
                let mut response = match future.poll(cx) {
                    Poll::Ready(Ok(response)) => response,
                    other => return other,
                };
                // Taken out as they are set: set once, however often polled.
                headers.take_into(response.headers_mut());
                Poll::Ready(Ok(response))
            }
            StateProjection::Preflight { response } => match response.take() {
                Some(response) => Poll::Ready(Ok(response)),
                None => Poll::Pending,
            },
        }
    }
}
