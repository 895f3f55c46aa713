//! How a request proves who sends it. An [`Authenticator`] gives each request its credentials (headers, and
//! query pairs for an API key sent in the query); a platform layer brings its own (a chain of auth methods),
//! a generic client uses the security schemes of its description ([`crate::Credential`]). Token-based
//! credentials share [`crate::token::CachedToken`].

use std::fmt;
use std::future::Future;
use std::pin::Pin;

use reqwest::header::{HeaderMap, HeaderValue};

use crate::operation::Operation;

/// A boxed future, so credentials can be trait objects.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Why a request has no credentials: what the token endpoint or the credential's source answered, and the
/// next step. Never contains a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthError {
    pub message: String,
}

impl AuthError {
    pub fn new(message: impl Into<String>) -> AuthError {
        AuthError {
            message: message.into(),
        }
    }
}

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AuthError {}

/// What one request carries to authenticate.
#[derive(Default)]
pub struct Authentication {
    /// `Authorization`, an API key header, a `Cookie` with an API key, ...; marked sensitive.
    pub headers: HeaderMap,
    /// Pairs added to the query string (an API key sent in the query).
    pub query: Vec<(String, Secret)>,
}

/// The credentials of every request a [`Client`](crate::Client) sends.
pub trait Authenticator: Send + Sync {
    /// The credentials for the next request of `operation`. Fetches or refreshes a token when the cached one is
    /// missing or about to expire.
    fn authenticate<'a>(
        &'a self,
        http: &'a reqwest::Client,
        operation: &'static Operation,
    ) -> BoxFuture<'a, Result<Authentication, AuthError>>;

    /// Forgets cached tokens after the server rejected one with 401. `true` when the next call to
    /// [`Self::authenticate`] fetches a new token, so the request is worth repeating.
    fn invalidate(&self) -> BoxFuture<'_, bool> {
        Box::pin(async { false })
    }
}

/// Headers that authenticate a request whatever its operation: a token, basic auth, a platform's headers.
pub trait HeaderSource: Send + Sync {
    /// The headers for the next request (`Authorization`, and for some methods more). Fetches or refreshes a
    /// token when the cached one is missing or about to expire.
    fn headers<'a>(&'a self, http: &'a reqwest::Client) -> BoxFuture<'a, Result<HeaderMap, AuthError>>;

    /// Forgets cached tokens after the server rejected one with 401. `true` when the next call to
    /// [`Self::headers`] fetches a new token, so the request is worth repeating.
    fn invalidate(&self) -> BoxFuture<'_, bool> {
        Box::pin(async { false })
    }
}

impl<T: HeaderSource + ?Sized> HeaderSource for std::sync::Arc<T> {
    fn headers<'a>(&'a self, http: &'a reqwest::Client) -> BoxFuture<'a, Result<HeaderMap, AuthError>> {
        (**self).headers(http)
    }

    fn invalidate(&self) -> BoxFuture<'_, bool> {
        (**self).invalidate()
    }
}

/// Every operation authenticated by the same headers.
impl<T: HeaderSource + ?Sized> Authenticator for T {
    fn authenticate<'a>(
        &'a self,
        http: &'a reqwest::Client,
        _: &'static Operation,
    ) -> BoxFuture<'a, Result<Authentication, AuthError>> {
        Box::pin(async move {
            Ok(Authentication {
                headers: self.headers(http).await?,
                query: Vec::new(),
            })
        })
    }

    fn invalidate(&self) -> BoxFuture<'_, bool> {
        HeaderSource::invalidate(self)
    }
}

/// Headers that never change (a long-lived token, basic auth, nothing).
pub struct StaticHeaders(pub HeaderMap);

impl HeaderSource for StaticHeaders {
    fn headers<'a>(&'a self, _: &'a reqwest::Client) -> BoxFuture<'a, Result<HeaderMap, AuthError>> {
        let headers = self.0.clone();
        Box::pin(async move { Ok(headers) })
    }
}

/// A header value marked sensitive, which keeps it out of reqwest's and hyper's `Debug`.
pub fn sensitive_header(value: &str) -> Option<HeaderValue> {
    let mut header = HeaderValue::from_str(value).ok()?;
    header.set_sensitive(true);
    Some(header)
}

/// A secret string whose `Debug` never shows the value.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// An HTTP client for tests of credentials, built as the client builds its own.
#[cfg(test)]
pub(crate) fn test_http() -> reqwest::Client {
    let options = crate::transport::TransportOptions {
        user_agent: "auth-test",
        connect_timeout: std::time::Duration::from_secs(5),
        read_timeout: std::time::Duration::from_secs(10),
        ca_bundle: None,
        accept_invalid_certs: false,
        proxies: crate::transport::Proxies::from_env(|_| None).expect("no proxies"),
        redirects_returned_for: &[],
        follow_redirects: true,
    };
    crate::transport::http_client(&options).expect("a test client")
}
