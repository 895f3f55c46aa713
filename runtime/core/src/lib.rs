//! The generic HTTP core of clients generated from OpenAPI descriptions.
//!
//! Generated code stays thin: every generated client method describes its [`Operation`] and calls
//! [`Client::request`]; everything about talking to an HTTP API (transport, credentials, URL building, query
//! encoding, retries, error parsing, pagination, waits, streamed bodies) lives here, once. Nothing here knows a
//! particular API: a platform layer (such as the Databricks one in this repository) builds a [`Client`] from its
//! own configuration with [`Client::connect`], giving its own [`Authenticator`] and error rules; a generic
//! generated crate uses [`Client::builder`] with the security schemes of its description.
//!
//! Features: `client` (default) is the HTTP client. Without features only [`serde_support`], which the
//! generated models use, is compiled.

pub mod serde_support;

#[cfg(feature = "client")]
mod answer_headers;
#[cfg(feature = "client")]
mod auth;
#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
mod content;
#[cfg(feature = "client")]
mod encoding;
#[cfg(feature = "client")]
mod error;
#[cfg(feature = "client")]
pub mod oauth;
#[cfg(feature = "client")]
mod operation;
#[cfg(feature = "client")]
mod paginate;
#[cfg(feature = "client")]
mod rate_limit;
#[doc(hidden)]
#[cfg(feature = "client")]
pub mod redact;
#[cfg(feature = "client")]
mod retry;
#[cfg(feature = "client")]
mod schemes;
#[cfg(feature = "client")]
pub mod token;
#[doc(hidden)]
#[cfg(feature = "client")]
pub mod transport;
#[cfg(feature = "client")]
mod wait;

#[cfg(feature = "client")]
pub use answer_headers::WithHeaders;
#[cfg(feature = "client")]
pub use auth::{
    AuthError, Authentication, Authenticator, BoxFuture, HeaderSource, Secret, StaticHeaders, sensitive_header,
};
#[cfg(feature = "client")]
pub use client::{Client, ClientBuilder, Connection, HTTP_LOG_TARGET, LastAnswer, RequestBuilder};
#[cfg(feature = "client")]
pub use content::{ByteStream, Upload};
#[cfg(feature = "client")]
pub use error::{ApiError, Error, SetupError, SetupKind};
#[cfg(feature = "client")]
pub use operation::{HeaderValueKind, Method, Operation, QueryStyle};
#[cfg(feature = "client")]
pub use paginate::{Items, Paging, PagingStyle};
#[cfg(feature = "client")]
pub use schemes::{ApiKeyLocation, Credential, SchemeKind, SecurityScheme};
#[cfg(feature = "client")]
pub use wait::{Binding, BindingLocation, BindingSource, Wait, WaitOptions, WaitProgress};
