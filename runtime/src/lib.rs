//! The Databricks layer of the SDK for Rust, on the generic HTTP core [`openapi_runtime`].
//!
//! The core sends requests (transport, retries, encoding, pagination, waits, streamed bodies, errors) and
//! knows no particular API. This layer adds what is Databricks: `config` reads the settings the way the
//! official SDKs do (code, `DATABRICKS_*` variables, `~/.databrickscfg`, `~/.netrc`); `auth` has one module per
//! auth method behind one provider trait, the chain that picks one, and the token caches; [`connect`] makes a
//! core [`Client`] of a [`Config`], with the Databricks error codes that mean "retry"; [`ErrorKind`] reads those
//! codes; [`spark_version`] reads runtime versions. Everything of the core is re-exported, so code generated
//! for the Databricks API names one crate.
//!
//! Features: `client` (default) is the HTTP client; `cli` adds the building blocks of `dbr`. Without
//! features only [`serde_support`], which the generated models use, is compiled.

pub use openapi_runtime::serde_support;
pub mod spark_version;

#[cfg(feature = "client")]
mod auth;
#[cfg(feature = "client")]
mod civil;
#[cfg(feature = "client")]
mod config;
#[cfg(feature = "client")]
mod connect;
#[cfg(feature = "client")]
mod error_kind;

#[cfg(feature = "cli")]
pub mod cli;

#[cfg(feature = "client")]
pub use auth::AuthMethod;
#[cfg(feature = "client")]
pub use config::{Cloud, Config, ConfigBuilder, ConfigError, Source};
#[cfg(feature = "client")]
pub use connect::{HTTP_LOG_TARGET, connect, connect_account};
#[cfg(feature = "client")]
pub use error_kind::{ErrorKind, ErrorKindOf};
#[cfg(feature = "client")]
pub use openapi_runtime::{
    ApiError, AuthError, Binding, BindingLocation, BindingSource, ByteStream, Client, Error, HeaderValueKind, Items,
    LastAnswer, Method, Operation, Paging, PagingStyle, QueryStyle, RequestBuilder, Upload, Wait, WaitOptions,
    WaitProgress, WithHeaders,
};
