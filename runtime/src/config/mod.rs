//! Where to connect and how to authenticate.
//!
//! Settings come from, in this order (the official SDKs' precedence):
//! 1. values set explicitly on the [`ConfigBuilder`] (in code, or `dbr --host/--token/--profile`);
//! 2. the environment (`DATABRICKS_HOST`, `DATABRICKS_TOKEN`, `ARM_CLIENT_ID`, ...: see
//!    [`attributes`](self::attributes) for every name);
//! 3. one profile of `~/.databrickscfg` (or `DATABRICKS_CONFIG_FILE`): the one named explicitly or by
//!    `DATABRICKS_CONFIG_PROFILE`, else the one `[__settings__] default_profile` names, else `[DEFAULT]`.
//!    When no profile is named and the host or any credential came from 1 or 2, the file is not read, so a
//!    file written for other work cannot get in the way;
//! 4. `~/.netrc`: when nothing else gave credentials, the password of the `machine` entry for the
//!    workspace's host is taken as a token.
//!
//! The auth method is then chosen by [`crate::auth`]: the one `auth_type` forces, else the first in the
//! official order whose settings are present. Secrets are never printed: `Debug` redacts them and no error
//! message contains them.

pub(crate) mod attributes;
pub(crate) mod cloud;
mod error;
pub(crate) mod host;
mod load;
mod netrc;
pub(crate) mod profile;
mod settings;
mod source;

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

pub use cloud::Cloud;
pub use error::ConfigError;
pub(crate) use host::{is_loopback, normalize_host, without_credentials};
pub(crate) use settings::{Environment, Secret, Settings};
pub use source::Source;

use crate::auth::{self, AuthMethod, Credentials};

/// A resolved configuration: a normalised workspace URL, the chosen auth method, and the client's limits.
#[derive(Clone)]
pub struct Config {
    settings: Settings,
    host: String,
    host_source: Source,
    credentials: Credentials,
    rate_limit: Option<f64>,
    retry_timeout: Duration,
    http_timeout: Duration,
    max_response_size: u64,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("Config");
        debug
            .field("host", &self.host)
            .field("auth_method", &self.credentials.method.name());
        for (name, value) in &self.settings.values {
            let sensitive = attributes::find(name).is_some_and(|attribute| attribute.sensitive);
            let shown = if sensitive { "<redacted>" } else { value.value.as_str() };
            debug.field(name, &format_args!("{shown:?} from {}", value.source));
        }
        debug
            .field("profile", &self.settings.profile)
            .field("config_file", &self.settings.config_file)
            .field("rate_limit", &self.rate_limit)
            .field("retry_timeout", &self.retry_timeout)
            .field("http_timeout", &self.http_timeout)
            .field("max_response_size", &self.max_response_size)
            .finish()
    }
}

/// Requests per second when nothing else is configured, as in the official SDKs.
pub const DEFAULT_RATE_LIMIT: f64 = 15.0;
/// How long one call may keep retrying, when nothing else is configured.
pub const DEFAULT_RETRY_TIMEOUT: Duration = Duration::from_secs(300);
/// How long a connection may stay silent before a call fails, when nothing else is configured.
pub const DEFAULT_HTTP_TIMEOUT: Duration = Duration::from_secs(60);
/// The largest response body read, when nothing else is configured: far above any JSON answer of the API
/// (file data comes base64 in JSON, at most 1 MiB per DBFS read and 10 MiB per workspace export), and far
/// below what would strain memory.
pub const DEFAULT_MAX_RESPONSE_SIZE: u64 = 64 * 1024 * 1024;

impl Config {
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// A configuration from explicit values only: a host and a personal access token.
    pub fn new(host: impl Into<String>, token: impl Into<String>) -> Result<Config, ConfigError> {
        Config::builder().host(host).token(token).build()
    }

    /// A configuration from the environment, `~/.databrickscfg` and `~/.netrc`, as the module documentation
    /// describes.
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::builder().with_default_sources().build()
    }

    /// The workspace URL: scheme, host and port, without a trailing slash
    /// (`https://adb-123.4.azuredatabricks.net`).
    pub fn host(&self) -> &str {
        &self.host
    }

    /// Where the host came from.
    pub fn host_source(&self) -> &Source {
        &self.host_source
    }

    /// The auth method requests use.
    pub fn auth_method(&self) -> AuthMethod {
        self.credentials.method
    }

    /// Where the credentials came from: the setting that holds the secret (a token, a client secret), or
    /// what the method found outside the configuration (a token cache, the Azure CLI's login).
    pub fn credentials_source(&self) -> &Source {
        &self.credentials.source
    }

    /// The value of a setting that is not a secret (`cluster_id`, `warehouse_id`, `azure_client_id`, ...),
    /// by its key in `~/.databrickscfg`. `None` for secrets and unknown names.
    pub fn get(&self, name: &str) -> Option<&str> {
        let attribute = attributes::find(name)?;
        if attribute.sensitive {
            return None;
        }
        self.settings
            .values
            .get(attribute.name)
            .map(|value| value.value.as_str())
    }

    /// Every setting that has a value, by key, with where it came from; secrets as `None`.
    pub fn settings(&self) -> impl Iterator<Item = (&'static str, Option<&str>, &Source)> {
        self.settings.values.iter().map(|(name, value)| {
            let sensitive = attributes::find(name).is_some_and(|attribute| attribute.sensitive);
            (*name, (!sensitive).then_some(value.value.as_str()), &value.source)
        })
    }

    /// The workspace id, from `workspace_id` or the `?o=` of a host copied from the browser.
    pub fn workspace_id(&self) -> Option<&str> {
        self.get("workspace_id")
    }

    /// What the user should know though the configuration works, such as a configuration file with secrets
    /// that other users can read. The CLI prints these; they are also `tracing` warnings.
    pub fn warnings(&self) -> &[String] {
        &self.settings.warnings
    }

    /// The cloud the workspace runs on.
    pub fn cloud(&self) -> Cloud {
        self.settings.cloud()
    }

    /// The profile of the configuration file that was read, if one was.
    pub fn profile(&self) -> Option<&str> {
        self.settings.profile()
    }

    /// Requests per second allowed by the client-side rate limiter; `None` when it is turned off.
    pub fn rate_limit(&self) -> Option<f64> {
        self.rate_limit
    }

    /// How long one call may keep retrying before it fails with the last error.
    pub fn retry_timeout(&self) -> Duration {
        self.retry_timeout
    }

    /// How long a connection may stay silent (no bytes either way) before the call fails.
    pub fn http_timeout(&self) -> Duration {
        self.http_timeout
    }

    /// The largest response body, in bytes, a call reads; a larger one fails the call.
    pub fn max_response_size(&self) -> u64 {
        self.max_response_size
    }

    pub(crate) fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    pub(crate) fn settings_ref(&self) -> &Settings {
        &self.settings
    }
}

/// Collects configuration values from several sources; [`ConfigBuilder::build`] checks and normalises them.
#[derive(Clone, Default)]
pub struct ConfigBuilder {
    explicit: BTreeMap<&'static str, String>,
    unknown: Vec<String>,
    profile: Option<String>,
    config_file: Option<PathBuf>,
    env: Option<Environment>,
    allow_insecure_http: bool,
    max_response_size: Option<u64>,
}

impl fmt::Debug for ConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: BTreeMap<_, _> = self
            .explicit
            .iter()
            .filter(|(_, value)| !value.trim().is_empty())
            .map(|(name, value)| {
                let sensitive = attributes::find(name).is_some_and(|attribute| attribute.sensitive);
                (*name, if sensitive { "<redacted>" } else { value.as_str() })
            })
            .collect();
        f.debug_struct("ConfigBuilder")
            .field("explicit", &shown)
            .field("profile", &self.profile)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .finish_non_exhaustive()
    }
}

impl ConfigBuilder {
    /// Sets any setting by its key in `~/.databrickscfg` (`azure_client_id`, `warehouse_id`, ...). An unknown
    /// name is an error at [`Self::build`].
    pub fn set(mut self, name: &str, value: impl Into<String>) -> Self {
        match attributes::find(name) {
            Some(attribute) => {
                self.explicit.insert(attribute.name, value.into());
            }
            None => self.unknown.push(name.to_owned()),
        }
        self
    }

    /// The workspace URL. A bare host name gets `https://`; a URL copied from the browser is reduced to
    /// scheme, host and port.
    pub fn host(self, host: impl Into<String>) -> Self {
        self.set("host", host)
    }

    /// A personal access token, sent as `Authorization: Bearer <token>`.
    pub fn token(self, token: impl Into<String>) -> Self {
        self.set("token", token)
    }

    /// The OAuth client id of a service principal (machine-to-machine auth, with [`Self::client_secret`]).
    pub fn client_id(self, client_id: impl Into<String>) -> Self {
        self.set("client_id", client_id)
    }

    /// The OAuth secret of a service principal.
    pub fn client_secret(self, client_secret: impl Into<String>) -> Self {
        self.set("client_secret", client_secret)
    }

    /// Forces an auth method by its name (`pat`, `oauth-m2m`, `databricks-cli`, `azure-cli`, ...) instead of
    /// choosing the first whose settings are present.
    pub fn auth_type(self, auth_type: impl Into<String>) -> Self {
        self.set("auth_type", auth_type)
    }

    /// The profile of the configuration file to read. Naming a profile that does not exist is an error.
    pub fn profile(mut self, profile: impl Into<String>) -> Self {
        self.profile = Some(profile.into());
        self
    }

    /// The configuration file to read instead of `~/.databrickscfg`.
    pub fn config_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.config_file = Some(path.into());
        self
    }

    /// Requests per second the client allows itself; `0` turns the limiter off. Default 15.
    pub fn rate_limit(self, per_second: f64) -> Self {
        self.set("rate_limit", per_second.to_string())
    }

    /// How long one call may keep retrying. Default 5 minutes.
    pub fn retry_timeout(self, timeout: Duration) -> Self {
        self.set("retry_timeout_seconds", timeout.as_secs_f64().to_string())
    }

    /// How long a connection may stay silent before a call fails. Default 60 seconds.
    pub fn http_timeout(self, timeout: Duration) -> Self {
        self.set("http_timeout_seconds", timeout.as_secs_f64().to_string())
    }

    /// The largest response body, in bytes, a call reads; past it the call fails with
    /// [`Error::BodyTooLarge`](crate::Error::BodyTooLarge). Default 64 MiB.
    pub fn max_response_size(mut self, bytes: u64) -> Self {
        self.max_response_size = Some(bytes);
        self
    }

    /// Fills settings not given explicitly from the environment, `~/.databrickscfg` and `~/.netrc`.
    pub fn with_default_sources(mut self) -> Self {
        self.env = Some(Environment::process());
        self
    }

    /// [`ConfigBuilder::with_default_sources`] with another environment (tests, embedding). The home
    /// directory, for `~/.databrickscfg`, `~/.netrc` and token caches, is its `HOME` (or `USERPROFILE`).
    pub fn with_env_lookup(mut self, lookup: impl Fn(&str) -> Option<String> + Send + Sync + 'static) -> Self {
        self.env = Some(Environment {
            lookup: Arc::new(lookup),
        });
        self
    }

    /// The configuration file [`Self::build`] reads profiles from: the one given to [`Self::config_file`],
    /// else `DATABRICKS_CONFIG_FILE`, else `~/.databrickscfg`. `None` when no file is read: without
    /// [`Self::with_default_sources`], or without a home directory.
    pub fn config_file_path(&self) -> Option<PathBuf> {
        let env = self.env.as_ref()?;
        self.config_file
            .clone()
            .or_else(|| env.var("DATABRICKS_CONFIG_FILE").map(PathBuf::from))
            .or_else(|| Some(env.home()?.join(".databrickscfg")))
    }

    /// Allows sending credentials over plain `http` to a host that is not this machine. Off by default:
    /// anyone on the network path could read them.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// Reads every source and chooses the auth method; see the module documentation.
    pub fn build(self) -> Result<Config, ConfigError> {
        let allow_insecure_http = self.allow_insecure_http;
        let max_response_size = self.max_response_size.unwrap_or(DEFAULT_MAX_RESPONSE_SIZE);
        let settings = self.settings()?;
        let Some(host) = settings.host() else {
            return Err(ConfigError::MissingHost {
                tried: settings.tried_for_host(),
            });
        };
        let host_source = settings.source("host").cloned().unwrap_or(Source::Explicit);
        let url = settings.host_url().expect("a host");
        if url.scheme() == "http" && !is_loopback(url) && !allow_insecure_http {
            return Err(ConfigError::InsecureHttp { host });
        }
        let rate_limit = settings
            .number("rate_limit", "rate limit", |per_second: f64| {
                (per_second.is_finite() && per_second >= 0.0).then_some(per_second)
            })?
            .unwrap_or(DEFAULT_RATE_LIMIT);
        let seconds = |name: &'static str, what: &'static str, default: Duration| {
            settings
                .number(name, what, |seconds: f64| Duration::try_from_secs_f64(seconds).ok())
                .map(|value| value.unwrap_or(default))
        };
        let retry_timeout = seconds("retry_timeout_seconds", "retry timeout", DEFAULT_RETRY_TIMEOUT)?;
        let http_timeout = seconds("http_timeout_seconds", "HTTP timeout", DEFAULT_HTTP_TIMEOUT)?;
        let credentials = auth::chain::choose(&settings)?;
        Ok(Config {
            settings,
            host,
            host_source,
            credentials,
            rate_limit: (rate_limit > 0.0).then_some(rate_limit),
            retry_timeout,
            http_timeout,
            max_response_size,
        })
    }
}

#[cfg(test)]
pub(crate) mod tests;
