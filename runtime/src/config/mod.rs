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
mod netrc;
pub(crate) mod profile;
mod source;

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use attributes::{ATTRIBUTES, Attribute};
use cloud::AzureCloud;
pub use cloud::Cloud;
pub use error::ConfigError;
pub(crate) use host::{is_loopback, normalize_host, without_credentials};
use profile::{DEFAULT_PROFILE, ProfileFile};
pub use source::Source;
use source::Tried;

use crate::auth::{self, AuthMethod, Credentials};

/// A secret string whose `Debug` never shows the value.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Secret(String);

impl Secret {
    pub(crate) fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// One setting's value and where it came from.
#[derive(Clone)]
pub(crate) struct Value {
    pub value: String,
    pub source: Source,
}

/// Reads one environment variable.
type EnvLookup = dyn Fn(&str) -> Option<String> + Send + Sync;

/// The environment the configuration was read from: variables and the home directory. Auth methods read
/// their own variables (`ACTIONS_ID_TOKEN_REQUEST_URL`, `PATH`, ...) through it, so tests can replace it.
#[derive(Clone)]
pub(crate) struct Environment {
    lookup: Arc<EnvLookup>,
}

impl Environment {
    fn process() -> Environment {
        Environment {
            lookup: Arc::new(|name| std::env::var(name).ok()),
        }
    }

    /// The variable's value, unless it is unset or blank.
    pub(crate) fn var(&self, name: &str) -> Option<String> {
        (self.lookup)(name).filter(|value| !value.trim().is_empty())
    }

    pub(crate) fn home(&self) -> Option<PathBuf> {
        self.var("HOME").or_else(|| self.var("USERPROFILE")).map(PathBuf::from)
    }
}

/// Every setting after all sources were read, with the host normalised: what auth methods decide from.
#[derive(Clone)]
pub(crate) struct Settings {
    values: BTreeMap<&'static str, Value>,
    host: Option<host::Host>,
    profile: Option<String>,
    config_file: Option<PathBuf>,
    /// Sources that were read, for errors.
    sources: Vec<String>,
    /// Sources consulted for the host, and what each lacked.
    tried: Vec<Tried>,
    env: Environment,
}

impl Settings {
    /// The value of a setting that is not a secret.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        debug_assert!(attributes::find(name).is_some_and(|a| !a.sensitive), "{name}");
        self.values.get(name).map(|value| value.value.as_str())
    }

    /// The value of a secret setting.
    pub(crate) fn secret(&self, name: &str) -> Option<Secret> {
        self.values.get(name).map(|value| Secret(value.value.clone()))
    }

    pub(crate) fn source(&self, name: &str) -> Option<&Source> {
        self.values.get(name).map(|value| &value.source)
    }

    /// A boolean setting: `true`/`1`/`yes` (any case) is true.
    pub(crate) fn flag(&self, name: &str) -> bool {
        self.get(name)
            .is_some_and(|value| matches!(value.trim().to_ascii_lowercase().as_str(), "true" | "1" | "yes" | "on"))
    }

    /// The workspace (or account console) URL: scheme, host and port, without a trailing slash.
    pub(crate) fn host(&self) -> Option<String> {
        self.host.as_ref().map(host::Host::origin)
    }

    pub(crate) fn host_url(&self) -> Option<&reqwest::Url> {
        self.host.as_ref().map(|host| &host.url)
    }

    pub(crate) fn is_account_host(&self) -> bool {
        self.host_url().is_some_and(host::is_account_host)
    }

    /// The cloud: the `cloud` setting, else an Azure resource id means Azure, else the host name tells.
    pub(crate) fn cloud(&self) -> Cloud {
        if let Some(cloud) = self.get("cloud").and_then(Cloud::parse) {
            return cloud;
        }
        if self.get("azure_workspace_resource_id").is_some() {
            return Cloud::Azure;
        }
        self.host_url()
            .and_then(reqwest::Url::host_str)
            .map_or(Cloud::Aws, |host| cloud::of_host(host).0)
    }

    /// The Azure cloud: `azure_environment` when set, else the host's, else the public cloud.
    pub(crate) fn azure_cloud(&self) -> &'static AzureCloud {
        self.get("azure_environment")
            .and_then(cloud::azure_cloud_named)
            .or_else(|| {
                self.host_url()
                    .and_then(reqwest::Url::host_str)
                    .and_then(|host| cloud::of_host(host).1)
            })
            .unwrap_or(&cloud::AZURE_PUBLIC)
    }

    /// The profile that was read, if one was.
    pub(crate) fn profile(&self) -> Option<&str> {
        self.profile.as_deref()
    }

    /// The configuration file profiles are read from (whether or not one was read).
    pub(crate) fn config_file(&self) -> Option<&PathBuf> {
        self.config_file.as_ref()
    }

    pub(crate) fn env(&self) -> &Environment {
        &self.env
    }

    /// Where settings were read from, for the error that lists them.
    pub(crate) fn sources_read(&self) -> &[String] {
        &self.sources
    }
}

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
            .field("rate_limit", &self.rate_limit)
            .field("retry_timeout", &self.retry_timeout)
            .field("http_timeout", &self.http_timeout)
            .finish()
    }
}

/// Requests per second when nothing else is configured, as in the official SDKs.
pub const DEFAULT_RATE_LIMIT: f64 = 15.0;
/// How long one call may keep retrying, when nothing else is configured.
pub const DEFAULT_RETRY_TIMEOUT: Duration = Duration::from_secs(300);
/// How long a connection may stay silent before a call fails, when nothing else is configured.
pub const DEFAULT_HTTP_TIMEOUT: Duration = Duration::from_secs(60);

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
        })
    }

    /// Every setting from every source, before an auth method is chosen.
    pub(crate) fn settings(self) -> Result<Settings, ConfigError> {
        if let Some(name) = self.unknown.first() {
            return Err(ConfigError::UnknownSetting { name: name.clone() });
        }
        let mut values: BTreeMap<&'static str, Value> = self
            .explicit
            .iter()
            .filter(|(_, value)| !value.trim().is_empty())
            .map(|(name, value)| {
                let value = Value {
                    value: value.clone(),
                    source: Source::Explicit,
                };
                (*name, value)
            })
            .collect();
        let mut tried = vec![Tried::new(Source::Explicit)];
        let mut sources = Vec::new();
        let mut profile_read = None;
        let mut config_file = self.config_file.clone();
        let env = self.env.clone().unwrap_or_else(|| Environment {
            lookup: Arc::new(|_| None),
        });
        if let Some(environment) = &self.env {
            tried.push(Tried::new(Source::Env("the environment")));
            for attribute in ATTRIBUTES {
                if values.contains_key(attribute.name) {
                    continue;
                }
                if let Some((name, value)) = attribute
                    .env
                    .iter()
                    .find_map(|name| Some((*name, environment.var(name)?)))
                {
                    values.insert(
                        attribute.name,
                        Value {
                            value,
                            source: Source::Env(name),
                        },
                    );
                    if !sources.contains(&"the environment".to_owned()) {
                        sources.push("the environment".to_owned());
                    }
                }
            }
            let named_profile = self
                .profile
                .clone()
                .or_else(|| environment.var("DATABRICKS_CONFIG_PROFILE"));
            config_file = config_file.or_else(|| environment.var("DATABRICKS_CONFIG_FILE").map(PathBuf::from));
            let path = config_file
                .clone()
                .or_else(|| Some(environment.home()?.join(".databrickscfg")));
            // As in the official SDKs: a host or credentials given in code or the environment, with no profile
            // named, mean the file is not wanted.
            let given_elsewhere = values.contains_key("host")
                || values.contains_key("azure_workspace_resource_id")
                || values
                    .keys()
                    .any(|name| attributes::find(name).is_some_and(|attribute| attribute.auth.is_some()));
            match path {
                None => tried.push(Tried::skipped(
                    "~/.databrickscfg",
                    "no home directory (HOME is not set)",
                )),
                Some(path) if named_profile.is_none() && given_elsewhere => tried.push(Tried::skipped(
                    &path.display().to_string(),
                    "not read: no profile named, and the host or credentials are set",
                )),
                Some(path) => {
                    let read = read_profile(&path, named_profile.as_deref(), &mut values, &mut tried)?;
                    if let Some(name) = &read {
                        sources.push(
                            Source::Profile {
                                name: name.clone(),
                                path: path.clone(),
                            }
                            .to_string(),
                        );
                    }
                    config_file = Some(path);
                    profile_read = read;
                }
            }
        }
        let host = match values.get("host") {
            Some(Value { value, source }) => {
                let host = normalize_host(value).map_err(|reason| ConfigError::InvalidHost {
                    host: without_credentials(value),
                    source: source.to_string(),
                    reason,
                })?;
                let source = source.clone();
                for (name, id) in [("workspace_id", &host.workspace_id), ("account_id", &host.account_id)] {
                    if let (false, Some(id)) = (values.contains_key(name), id) {
                        values.insert(
                            name,
                            Value {
                                value: id.clone(),
                                source: source.clone(),
                            },
                        );
                    }
                }
                Some(host)
            }
            None => None,
        };
        let mut settings = Settings {
            values,
            host,
            profile: profile_read,
            config_file,
            sources,
            tried,
            env,
        };
        if self.env.is_some() {
            settings.fill_from_netrc();
        }
        Ok(settings)
    }
}

/// Reads `profile` (or the default one) of the file at `path` into `values`, for settings not already set.
/// Returns the profile read.
fn read_profile(
    path: &PathBuf,
    named: Option<&str>,
    values: &mut BTreeMap<&'static str, Value>,
    tried: &mut Vec<Tried>,
) -> Result<Option<String>, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound && named.is_none() => {
            tried.push(Tried::skipped(&path.display().to_string(), "no such file"));
            return Ok(None);
        }
        Err(error) => {
            return Err(ConfigError::ConfigFile {
                path: path.clone(),
                message: error.to_string(),
            });
        }
    };
    let file = ProfileFile::parse(&text);
    let reserved = |name: &str| ConfigError::ConfigFile {
        path: path.clone(),
        message: format!("`{name}` is where the official tools keep their settings; it is not a profile"),
    };
    let (name, must_exist) = match named {
        Some(name) if name == profile::SETTINGS_SECTION => return Err(reserved(name)),
        Some(name) => (name.to_owned(), true),
        None => match file.default_profile() {
            Some(name) if name == profile::SETTINGS_SECTION => return Err(reserved(name)),
            Some(name) => (name.to_owned(), true),
            None => (DEFAULT_PROFILE.to_owned(), false),
        },
    };
    if !file.has_profile(&name) {
        if must_exist {
            return Err(ConfigError::ProfileNotFound {
                profile: name,
                path: path.clone(),
                available: file.profiles().iter().map(|name| name.to_string()).collect(),
            });
        }
        tried.push(Tried::skipped(&path.display().to_string(), "no [DEFAULT] profile"));
        return Ok(None);
    }
    if let Some(error) = file.error(&name) {
        return Err(ConfigError::ConfigFile {
            path: path.clone(),
            message: format!("profile `{name}`: {error}"),
        });
    }
    let source = Source::Profile {
        name: name.clone(),
        path: path.clone(),
    };
    tried.push(Tried::new(source.clone()));
    // Keys this SDK does not know (`jobs-api-version`, keys of newer tools) are ignored.
    for (key, value) in file.keys(&name) {
        if let Some(attribute) = attributes::find(key) {
            values.entry(attribute.name).or_insert_with(|| Value {
                value: value.to_owned(),
                source: source.clone(),
            });
        }
    }
    Ok(Some(name))
}

impl Settings {
    /// A `.netrc` password for the host, as a token, when nothing else gave credentials.
    fn fill_from_netrc(&mut self) {
        let any_credentials = self
            .values
            .keys()
            .any(|name| attributes::find(name).is_some_and(|attribute| attribute.auth.is_some()));
        let Some(url) = self.host_url() else { return };
        if any_credentials {
            return;
        }
        let host = url.host_str().unwrap_or_default().to_owned();
        let Some(path) = self
            .env
            .var("NETRC")
            .map(PathBuf::from)
            .or_else(|| Some(self.env.home()?.join(".netrc")))
        else {
            self.tried
                .push(Tried::skipped("~/.netrc", "no home directory (HOME is not set)"));
            return;
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => match netrc::password_for(&text, &host) {
                Some(password) => {
                    self.sources.push(path.display().to_string());
                    self.values.insert(
                        "token",
                        Value {
                            value: password,
                            source: Source::Netrc { path },
                        },
                    );
                }
                None => self.tried.push(Tried::skipped(
                    &path.display().to_string(),
                    &format!("no `machine {host}` entry with a password"),
                )),
            },
            Err(error) => self
                .tried
                .push(Tried::skipped(&path.display().to_string(), &error.to_string())),
        }
    }

    fn tried_for_host(&self) -> Vec<String> {
        self.tried.iter().map(|tried| tried.describe("host")).collect()
    }

    /// A numeric setting, checked by `accept`.
    fn number<T>(
        &self,
        name: &'static str,
        what: &'static str,
        accept: impl Fn(f64) -> Option<T>,
    ) -> Result<Option<T>, ConfigError> {
        let Some(Value { value, source }) = self.values.get(name) else {
            return Ok(None);
        };
        value
            .trim()
            .parse::<f64>()
            .ok()
            .and_then(accept)
            .map(Some)
            .ok_or_else(|| ConfigError::InvalidSetting {
                setting: what,
                value: value.clone(),
                source: source.to_string(),
                expected: "a non-negative number",
            })
    }

    /// The attribute table entry of every setting that has a value, in the table's order.
    pub(crate) fn attributes(&self) -> impl Iterator<Item = (&'static Attribute, &Value)> {
        ATTRIBUTES
            .iter()
            .filter_map(|attribute| Some((attribute, self.values.get(attribute.name)?)))
    }
}

#[cfg(test)]
pub(crate) mod tests;
