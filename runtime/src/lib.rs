//! The hand-written core of the Databricks SDK for Rust.
//!
//! Generated code stays thin: every generated client method describes its [`Operation`] and calls
//! [`Client::request`]; everything about talking to Databricks (configuration, authentication,
//! URL building, query encoding, error parsing) lives here, once.
//!
//! Where: `config` reads the settings (code, environment, `~/.databrickscfg`, `.netrc`); `auth` has one
//! module per auth method behind one provider trait, the chain that picks one, and the token cache they
//! share; `transport` is the plain HTTP client (trust, proxies) underneath, knowing nothing of Databricks.
//!
//! Features: `client` (default) is the HTTP client; `cli` adds the building blocks of `dbr`. Without
//! features only [`serde_support`], which the generated models use, is compiled.

pub mod serde_support;
pub mod spark_version;

#[cfg(feature = "client")]
mod auth;
#[cfg(feature = "client")]
mod civil;
#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
mod config;
#[cfg(feature = "client")]
mod content;
#[cfg(feature = "client")]
mod encoding;
#[cfg(feature = "client")]
mod error;
#[cfg(feature = "client")]
mod error_kind;
#[cfg(feature = "client")]
mod operation;
#[cfg(feature = "client")]
mod paginate;
#[cfg(feature = "client")]
mod rate_limit;
#[cfg(feature = "client")]
mod redact;
#[cfg(feature = "client")]
mod retry;
#[cfg(feature = "client")]
mod transport;
#[cfg(feature = "client")]
mod wait;

#[cfg(feature = "cli")]
pub mod cli;

#[cfg(feature = "client")]
pub use auth::{AuthError, AuthMethod};
#[cfg(feature = "client")]
pub use client::{Client, HTTP_LOG_TARGET, LastAnswer, RequestBuilder};
#[cfg(feature = "client")]
pub use config::{Cloud, Config, ConfigBuilder, ConfigError, Source};
#[cfg(feature = "client")]
pub use content::{ByteStream, Upload};
#[cfg(feature = "client")]
pub use error::{ApiError, Error};
#[cfg(feature = "client")]
pub use error_kind::ErrorKind;
#[cfg(feature = "client")]
pub use operation::{Method, Operation, QueryStyle};
#[cfg(feature = "client")]
pub use paginate::{Items, Paging, PagingStyle};
#[cfg(feature = "client")]
pub use wait::{Binding, BindingLocation, BindingSource, Wait, WaitOptions, WaitProgress};
