//! Where to connect and how to authenticate.
//!
//! Each setting is taken from the first source that has it, in this order:
//! 1. values set explicitly on the [`ConfigBuilder`] (in code, or `dbr --host/--token/--profile`);
//! 2. the environment: `DATABRICKS_HOST`, `DATABRICKS_TOKEN`, `DATABRICKS_CLIENT_ID`,
//!    `DATABRICKS_CLIENT_SECRET`, `DATABRICKS_AUTH_TYPE`, `DATABRICKS_CONFIG_FILE`,
//!    `DATABRICKS_CONFIG_PROFILE`, `DATABRICKS_RATE_LIMIT`, `DATABRICKS_RETRY_TIMEOUT_SECONDS`,
//!    `DATABRICKS_HTTP_TIMEOUT_SECONDS`;
//! 3. a profile of `~/.databrickscfg` (the one named explicitly or by `DATABRICKS_CONFIG_PROFILE`, else
//!    `[DEFAULT]`), with the keys the official tools use (`host`, `token`, `client_id`, ...);
//! 4. `~/.netrc`: the password of the `machine` entry for the workspace's host name is taken as a token.
//!
//! When no host or no credentials are found, the error lists every source tried and what each lacked.
//! Secrets are never printed: `Debug` redacts them and no error message contains them.

mod netrc;
pub(crate) mod profile;

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use profile::{DEFAULT_PROFILE, ProfileFile};

/// A secret string whose `Debug` never shows the value.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Secret(String);

impl Secret {
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Where a setting came from, for `dbr auth describe` and error messages.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Source {
    /// Set in code, or by a command-line flag.
    Explicit,
    /// An environment variable.
    Env(&'static str),
    /// A profile of a configuration file.
    Profile { name: String, path: PathBuf },
    /// A `machine` entry of a netrc file.
    Netrc { path: PathBuf },
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Explicit => f.write_str("explicit settings"),
            Source::Env(name) => f.write_str(name),
            Source::Profile { name, path } => write!(f, "profile `{name}` of {}", path.display()),
            Source::Netrc { path } => write!(f, "{}", path.display()),
        }
    }
}

/// How requests are authenticated.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthMethod {
    /// A personal access token, sent as `Authorization: Bearer <token>`.
    PersonalAccessToken,
    /// OAuth machine-to-machine: a service principal's client id and secret are exchanged at the
    /// workspace's `/oidc/v1/token` for short-lived access tokens.
    OAuthM2M,
}

impl AuthMethod {
    /// The name the official tools use for the method (`auth_type` / `DATABRICKS_AUTH_TYPE`).
    pub fn name(&self) -> &'static str {
        match self {
            AuthMethod::PersonalAccessToken => "pat",
            AuthMethod::OAuthM2M => "oauth-m2m",
        }
    }
}

#[derive(Clone)]
pub(crate) enum Credentials {
    Token(Secret),
    OAuthM2M { client_id: String, client_secret: Secret },
}

/// A resolved configuration: a normalised workspace URL, credentials, and the client's limits.
#[derive(Clone)]
pub struct Config {
    host: String,
    host_source: Source,
    credentials: Credentials,
    credentials_source: Source,
    profile: Option<String>,
    rate_limit: Option<f64>,
    retry_timeout: Duration,
    http_timeout: Duration,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("Config");
        debug
            .field("host", &self.host)
            .field("host_source", &self.host_source.to_string());
        match &self.credentials {
            Credentials::Token(token) => debug.field("token", token),
            Credentials::OAuthM2M {
                client_id,
                client_secret,
            } => debug
                .field("client_id", client_id)
                .field("client_secret", client_secret),
        };
        debug
            .field("credentials_source", &self.credentials_source.to_string())
            .field("profile", &self.profile)
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

    /// A configuration from explicit values only.
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

    pub fn auth_method(&self) -> AuthMethod {
        match self.credentials {
            Credentials::Token(_) => AuthMethod::PersonalAccessToken,
            Credentials::OAuthM2M { .. } => AuthMethod::OAuthM2M,
        }
    }

    /// Where the credentials came from: the token's source, or the OAuth client secret's.
    pub fn credentials_source(&self) -> &Source {
        &self.credentials_source
    }

    /// The profile of the configuration file that was read, if one was.
    pub fn profile(&self) -> Option<&str> {
        self.profile.as_deref()
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
}

/// Reads one environment variable.
type EnvLookup = dyn Fn(&str) -> Option<String> + Send + Sync;

/// Where the builder looks for settings not given explicitly: an environment and a home directory.
#[derive(Clone)]
struct Sources {
    env: std::sync::Arc<EnvLookup>,
}

impl Sources {
    fn var(&self, name: &str) -> Option<String> {
        (self.env)(name).filter(|value| !value.trim().is_empty())
    }

    fn home(&self) -> Option<PathBuf> {
        self.var("HOME").or_else(|| self.var("USERPROFILE")).map(PathBuf::from)
    }
}

/// One setting and where it came from.
type Setting<T> = Option<(T, Source)>;

/// Collects configuration values from several sources; [`ConfigBuilder::build`] checks and normalises them.
#[derive(Clone, Default)]
pub struct ConfigBuilder {
    host: Setting<String>,
    token: Setting<Secret>,
    client_id: Setting<String>,
    client_secret: Setting<Secret>,
    auth_type: Setting<String>,
    profile: Option<String>,
    config_file: Option<PathBuf>,
    rate_limit: Setting<String>,
    retry_timeout: Setting<String>,
    http_timeout: Setting<String>,
    sources: Option<Sources>,
    allow_insecure_http: bool,
}

impl fmt::Debug for ConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = |setting: &Setting<Secret>| setting.as_ref().map(|(_, source)| source.to_string());
        f.debug_struct("ConfigBuilder")
            .field("host", &self.host)
            .field("token_from", &source(&self.token))
            .field("client_id", &self.client_id)
            .field("client_secret_from", &source(&self.client_secret))
            .field("profile", &self.profile)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .finish_non_exhaustive()
    }
}

fn explicit<T>(value: T) -> Setting<T> {
    Some((value, Source::Explicit))
}

impl ConfigBuilder {
    /// The workspace URL. A bare host name gets `https://`; scheme and port are kept; a trailing slash is
    /// dropped.
    pub fn host(mut self, host: impl Into<String>) -> Self {
        self.host = explicit(host.into());
        self
    }

    /// A personal access token, sent as `Authorization: Bearer <token>`.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = explicit(Secret(token.into()));
        self
    }

    /// The OAuth client id of a service principal (machine-to-machine auth, with [`Self::client_secret`]).
    pub fn client_id(mut self, client_id: impl Into<String>) -> Self {
        self.client_id = explicit(client_id.into());
        self
    }

    /// The OAuth secret of a service principal.
    pub fn client_secret(mut self, client_secret: impl Into<String>) -> Self {
        self.client_secret = explicit(Secret(client_secret.into()));
        self
    }

    /// Forces an auth method by its name (`pat` or `oauth-m2m`) instead of choosing by the credentials found.
    pub fn auth_type(mut self, auth_type: impl Into<String>) -> Self {
        self.auth_type = explicit(auth_type.into());
        self
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
    pub fn rate_limit(mut self, per_second: f64) -> Self {
        self.rate_limit = explicit(per_second.to_string());
        self
    }

    /// How long one call may keep retrying. Default 5 minutes.
    pub fn retry_timeout(mut self, timeout: Duration) -> Self {
        self.retry_timeout = explicit(timeout.as_secs_f64().to_string());
        self
    }

    /// How long a connection may stay silent before a call fails. Default 60 seconds.
    pub fn http_timeout(mut self, timeout: Duration) -> Self {
        self.http_timeout = explicit(timeout.as_secs_f64().to_string());
        self
    }

    /// Fills settings not given explicitly from the environment, `~/.databrickscfg` and `~/.netrc`.
    pub fn with_default_sources(self) -> Self {
        self.with_env_lookup(|name| std::env::var(name).ok())
    }

    /// [`ConfigBuilder::with_default_sources`] with another environment (tests, embedding). The home
    /// directory, for `~/.databrickscfg` and `~/.netrc`, is its `HOME` (or `USERPROFILE`).
    pub fn with_env_lookup(mut self, lookup: impl Fn(&str) -> Option<String> + Send + Sync + 'static) -> Self {
        self.sources = Some(Sources {
            env: std::sync::Arc::new(lookup),
        });
        self
    }

    /// The configuration file [`Self::build`] reads profiles from: the one given to [`Self::config_file`],
    /// else `DATABRICKS_CONFIG_FILE`, else `~/.databrickscfg`. `None` when no file is read: without
    /// [`Self::with_default_sources`], or without a home directory.
    pub fn config_file_path(&self) -> Option<PathBuf> {
        let sources = self.sources.as_ref()?;
        let named = self
            .config_file
            .clone()
            .or_else(|| sources.var("DATABRICKS_CONFIG_FILE").map(PathBuf::from));
        config_file_in(named, sources)
    }

    /// Allows sending credentials over plain `http` to a host that is not this machine. Off by default:
    /// anyone on the network path could read them.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    pub fn build(mut self) -> Result<Config, ConfigError> {
        let mut tried = vec![Tried::new(Source::Explicit)];
        let mut profile_used = None;
        if let Some(sources) = self.sources.clone() {
            self.fill_from_env(&sources, &mut tried);
            profile_used = self.fill_from_profile(&sources, &mut tried)?;
        }
        let Some((raw_host, host_source)) = self.host.clone() else {
            return Err(ConfigError::MissingHost {
                tried: tried.iter().map(|source| source.describe("host")).collect(),
            });
        };
        let url = normalize_host(&raw_host).map_err(|reason| ConfigError::InvalidHost {
            host: without_credentials(&raw_host),
            source: host_source.to_string(),
            reason,
        })?;
        if let Some(sources) = self.sources.clone() {
            self.fill_from_netrc(&sources, &url, &mut tried);
        }
        let (credentials, credentials_source) = self.credentials(&tried)?;
        if url.scheme() == "http" && !is_loopback(&url) && !self.allow_insecure_http {
            return Err(ConfigError::InsecureHttp {
                host: url.as_str().trim_end_matches('/').to_owned(),
            });
        }
        let rate_limit = parse_setting(&self.rate_limit, "rate limit", |per_second: f64| {
            (per_second.is_finite() && per_second >= 0.0).then_some(per_second)
        })?
        .unwrap_or(DEFAULT_RATE_LIMIT);
        let seconds = |setting: &Setting<String>, what: &'static str, default: Duration| {
            parse_setting(setting, what, |seconds: f64| Duration::try_from_secs_f64(seconds).ok())
                .map(|value| value.unwrap_or(default))
        };
        Ok(Config {
            host: url.as_str().trim_end_matches('/').to_owned(),
            host_source,
            credentials,
            credentials_source,
            profile: profile_used,
            rate_limit: (rate_limit > 0.0).then_some(rate_limit),
            retry_timeout: seconds(&self.retry_timeout, "retry timeout", DEFAULT_RETRY_TIMEOUT)?,
            http_timeout: seconds(&self.http_timeout, "HTTP timeout", DEFAULT_HTTP_TIMEOUT)?,
        })
    }

    fn fill_from_env(&mut self, sources: &Sources, tried: &mut Vec<Tried>) {
        tried.push(Tried::new(Source::Env("the environment")));
        for &(field, name, _) in SETTINGS {
            self.fill(field, || sources.var(name).map(|value| (value, Source::Env(name))));
        }
        if self.profile.is_none() {
            self.profile = sources.var("DATABRICKS_CONFIG_PROFILE");
        }
        if self.config_file.is_none() {
            self.config_file = sources.var("DATABRICKS_CONFIG_FILE").map(PathBuf::from);
        }
    }

    /// Reads the profile; returns its name when one was read.
    fn fill_from_profile(&mut self, sources: &Sources, tried: &mut Vec<Tried>) -> Result<Option<String>, ConfigError> {
        let named = self.profile.clone();
        let name = named.clone().unwrap_or_else(|| DEFAULT_PROFILE.to_owned());
        let Some(path) = config_file_in(self.config_file.clone(), sources) else {
            tried.push(Tried::skipped(
                "~/.databrickscfg",
                "no home directory (HOME is not set)",
            ));
            return Ok(None);
        };
        let source = Source::Profile {
            name: name.clone(),
            path: path.clone(),
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound && named.is_none() => {
                tried.push(Tried::skipped(&path.display().to_string(), "no such file"));
                return Ok(None);
            }
            Err(error) => {
                return Err(ConfigError::ConfigFile {
                    path,
                    message: error.to_string(),
                });
            }
        };
        let file = ProfileFile::parse(&text).map_err(|error| ConfigError::ConfigFile {
            path: path.clone(),
            message: error.to_string(),
        })?;
        if !file.has_profile(&name) {
            if named.is_some() {
                return Err(ConfigError::ProfileNotFound {
                    profile: name,
                    path,
                    available: file.profiles().iter().map(|name| name.to_string()).collect(),
                });
            }
            tried.push(Tried::skipped(&path.display().to_string(), "no [DEFAULT] profile"));
            return Ok(None);
        }
        tried.push(Tried::new(source.clone()));
        for &(field, _, key) in SETTINGS {
            self.fill(field, || {
                file.get(&name, key).map(|value| (value.to_owned(), source.clone()))
            });
        }
        Ok(Some(name))
    }

    fn fill_from_netrc(&mut self, sources: &Sources, url: &reqwest::Url, tried: &mut Vec<Tried>) {
        if self.token.is_some() || self.client_id.is_some() {
            return;
        }
        let Some(path) = sources
            .var("NETRC")
            .map(PathBuf::from)
            .or_else(|| Some(sources.home()?.join(".netrc")))
        else {
            tried.push(Tried::skipped("~/.netrc", "no home directory (HOME is not set)"));
            return;
        };
        let host = url.host_str().unwrap_or_default();
        match std::fs::read_to_string(&path) {
            Ok(text) => match netrc::password_for(&text, host) {
                Some(password) => self.token = Some((Secret(password), Source::Netrc { path })),
                None => tried.push(Tried::skipped(
                    &path.display().to_string(),
                    &format!("no `machine {host}` entry with a password"),
                )),
            },
            Err(error) => tried.push(Tried::skipped(&path.display().to_string(), &error.to_string())),
        }
    }

    fn credentials(&self, tried: &[Tried]) -> Result<(Credentials, Source), ConfigError> {
        let auth_type = self
            .auth_type
            .as_ref()
            .map(|(name, _)| name.trim().to_ascii_lowercase());
        let token = self
            .token
            .as_ref()
            .filter(|(token, _)| !token.expose().trim().is_empty());
        let client = match (&self.client_id, &self.client_secret) {
            // The secret is the credential: its source is the one reported.
            (Some((id, _)), Some((secret, source))) => Some((id, secret, source)),
            _ => None,
        };
        let use_token = |(token, source): &(Secret, Source)| {
            let token = Secret(token.expose().trim().to_owned());
            // The token travels in an HTTP header: only visible ASCII can be sent there.
            if !token.expose().bytes().all(|byte| byte.is_ascii_graphic()) {
                return Err(ConfigError::InvalidToken);
            }
            Ok((Credentials::Token(token), source.clone()))
        };
        let use_client = |(id, secret, source): (&String, &Secret, &Source)| {
            (
                Credentials::OAuthM2M {
                    client_id: id.clone(),
                    client_secret: secret.clone(),
                },
                source.clone(),
            )
        };
        let missing = |wanted: &'static str| ConfigError::MissingCredentials {
            tried: tried.iter().map(|source| source.describe(wanted)).collect(),
        };
        match auth_type.as_deref() {
            None | Some("") => match (token, client) {
                (Some(token), _) => use_token(token),
                (None, Some(client)) => Ok(use_client(client)),
                (None, None) => Err(missing("token, or client_id and client_secret")),
            },
            Some("pat") => token.map(use_token).unwrap_or_else(|| Err(missing("token"))),
            Some("oauth-m2m") => client
                .map(use_client)
                .ok_or_else(|| missing("client_id and client_secret")),
            Some(other) => Err(ConfigError::UnknownAuthType {
                auth_type: other.to_owned(),
            }),
        }
    }
}

/// The settings the environment and profiles can give: where each goes, its environment variable and its
/// key in `~/.databrickscfg` (the names the official tools use).
const SETTINGS: &[(Field, &str, &str)] = &[
    (Field::Host, "DATABRICKS_HOST", "host"),
    (Field::Token, "DATABRICKS_TOKEN", "token"),
    (Field::ClientId, "DATABRICKS_CLIENT_ID", "client_id"),
    (Field::ClientSecret, "DATABRICKS_CLIENT_SECRET", "client_secret"),
    (Field::AuthType, "DATABRICKS_AUTH_TYPE", "auth_type"),
    (Field::RateLimit, "DATABRICKS_RATE_LIMIT", "rate_limit"),
    (
        Field::RetryTimeout,
        "DATABRICKS_RETRY_TIMEOUT_SECONDS",
        "retry_timeout_seconds",
    ),
    (
        Field::HttpTimeout,
        "DATABRICKS_HTTP_TIMEOUT_SECONDS",
        "http_timeout_seconds",
    ),
];

#[derive(Clone, Copy)]
enum Field {
    Host,
    Token,
    ClientId,
    ClientSecret,
    AuthType,
    RateLimit,
    RetryTimeout,
    HttpTimeout,
}

impl ConfigBuilder {
    /// Sets `field` from `from` unless an earlier source set it.
    fn fill(&mut self, field: Field, from: impl FnOnce() -> Setting<String>) {
        fn secret(setting: Setting<String>) -> Setting<Secret> {
            setting.map(|(value, source)| (Secret(value), source))
        }
        match field {
            Field::Host => fill(&mut self.host, from),
            Field::Token => fill(&mut self.token, || secret(from())),
            Field::ClientId => fill(&mut self.client_id, from),
            Field::ClientSecret => fill(&mut self.client_secret, || secret(from())),
            Field::AuthType => fill(&mut self.auth_type, from),
            Field::RateLimit => fill(&mut self.rate_limit, from),
            Field::RetryTimeout => fill(&mut self.retry_timeout, from),
            Field::HttpTimeout => fill(&mut self.http_timeout, from),
        }
    }
}

fn fill<T>(setting: &mut Setting<T>, from: impl FnOnce() -> Setting<T>) {
    if setting.is_none() {
        *setting = from();
    }
}

fn parse_setting<T>(
    setting: &Setting<String>,
    what: &'static str,
    accept: impl Fn(f64) -> Option<T>,
) -> Result<Option<T>, ConfigError> {
    let Some((raw, source)) = setting else {
        return Ok(None);
    };
    raw.trim()
        .parse::<f64>()
        .ok()
        .and_then(accept)
        .map(Some)
        .ok_or_else(|| ConfigError::InvalidSetting {
            setting: what,
            value: raw.clone(),
            source: source.to_string(),
        })
}

/// The configuration file: `named` (explicitly or by `DATABRICKS_CONFIG_FILE`), else `.databrickscfg` in the
/// home directory.
fn config_file_in(named: Option<PathBuf>, sources: &Sources) -> Option<PathBuf> {
    named.or_else(|| Some(sources.home()?.join(".databrickscfg")))
}

/// A source that was consulted, and what it lacked, for the error listing every source.
struct Tried {
    source: String,
    note: Option<String>,
}

impl Tried {
    fn new(source: Source) -> Self {
        Tried {
            source: source.to_string(),
            note: None,
        }
    }

    fn skipped(source: &str, why: &str) -> Self {
        Tried {
            source: source.to_owned(),
            note: Some(why.to_owned()),
        }
    }

    fn describe(&self, wanted: &str) -> String {
        match &self.note {
            Some(note) => format!("{}: {note}", self.source),
            None => format!("{}: no {wanted}", self.source),
        }
    }
}

pub(crate) fn normalize_host(raw: &str) -> Result<reqwest::Url, String> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err("it is empty".to_owned());
    }
    let with_scheme = if trimmed.contains("://") {
        trimmed.to_owned()
    } else {
        format!("https://{trimmed}")
    };
    let url = reqwest::Url::parse(&with_scheme).map_err(|error| error.to_string())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("the scheme `{}` is not http or https", url.scheme()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("it has no host name".to_owned());
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("it contains credentials; give the token separately".to_owned());
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err("it has a query or fragment".to_owned());
    }
    Ok(url)
}

/// The host as written, with a `user:password@` part masked: error messages must not repeat a secret.
pub(crate) fn without_credentials(raw: &str) -> String {
    let (scheme, rest) = match raw.split_once("://") {
        Some((scheme, rest)) => (format!("{scheme}://"), rest),
        None => (String::new(), raw),
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}<credentials>@{}", &rest[at + 1..]),
        None => raw.to_owned(),
    }
}

pub(crate) fn is_loopback(url: &reqwest::Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|address| address.is_loopback())
}

/// Why no configuration could be built.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// No source had a host; one entry per source tried, saying what it lacked.
    MissingHost {
        tried: Vec<String>,
    },
    /// No source had usable credentials; one entry per source tried.
    MissingCredentials {
        tried: Vec<String>,
    },
    InvalidHost {
        host: String,
        source: String,
        reason: String,
    },
    /// The configuration file could not be read or parsed.
    ConfigFile {
        path: PathBuf,
        message: String,
    },
    /// The profile named explicitly or by `DATABRICKS_CONFIG_PROFILE` is not in the file.
    ProfileNotFound {
        profile: String,
        path: PathBuf,
        available: Vec<String>,
    },
    UnknownAuthType {
        auth_type: String,
    },
    /// A numeric setting (rate limit, timeouts) that is not a non-negative number.
    InvalidSetting {
        setting: &'static str,
        value: String,
        source: String,
    },
    InsecureHttp {
        host: String,
    },
    InvalidToken,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::MissingHost { tried } => write!(
                f,
                "no Databricks host configured (tried {}); set DATABRICKS_HOST, pass --host, or add `host` to \
                 a profile of ~/.databrickscfg",
                tried.join("; ")
            ),
            ConfigError::MissingCredentials { tried } => write!(
                f,
                "no Databricks credentials configured (tried {}); set DATABRICKS_TOKEN (or DATABRICKS_CLIENT_ID \
                 and DATABRICKS_CLIENT_SECRET), pass --token, or add them to a profile of ~/.databrickscfg",
                tried.join("; ")
            ),
            ConfigError::ConfigFile { path, message } => {
                write!(f, "cannot read the configuration file {}: {message}", path.display())
            }
            ConfigError::ProfileNotFound {
                profile,
                path,
                available,
            } => write!(
                f,
                "the profile `{profile}` is not in {} (it has: {}); check --profile or DATABRICKS_CONFIG_PROFILE",
                path.display(),
                if available.is_empty() {
                    "no profiles".to_owned()
                } else {
                    available.join(", ")
                }
            ),
            ConfigError::UnknownAuthType { auth_type } => write!(
                f,
                "unknown auth type `{auth_type}`; use `pat` (personal access token) or `oauth-m2m` (client id and secret)"
            ),
            ConfigError::InvalidSetting { setting, value, source } => {
                write!(f, "the {setting} `{value}` from {source} is not a non-negative number")
            }
            ConfigError::InvalidHost { host, source, reason } => {
                write!(
                    f,
                    "the host `{host}` from {source} is not a valid workspace URL: {reason}"
                )
            }
            ConfigError::InvalidToken => {
                f.write_str("the token contains spaces or non-ASCII characters; copy the personal access token again")
            }
            ConfigError::InsecureHttp { host } => write!(
                f,
                "refusing to send credentials over plain http to {host}, which is not this machine; use https \
                 (a program can opt in with ConfigBuilder::allow_insecure_http)"
            ),
        }
    }
}

impl std::error::Error for ConfigError {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// A fake home directory with optional `.databrickscfg` and `.netrc`, and an environment whose `HOME`
    /// points at it.
    struct Home {
        dir: tempfile::TempDir,
        env: BTreeMap<String, String>,
    }

    impl Home {
        fn new() -> Home {
            let dir = tempfile::tempdir().unwrap();
            let env = BTreeMap::from([("HOME".to_owned(), dir.path().display().to_string())]);
            Home { dir, env }
        }

        fn file(self, name: &str, text: &str) -> Home {
            std::fs::write(self.dir.path().join(name), text).unwrap();
            self
        }

        fn var(mut self, name: &str, value: &str) -> Home {
            self.env.insert(name.to_owned(), value.to_owned());
            self
        }

        fn builder(&self) -> ConfigBuilder {
            let env = self.env.clone();
            Config::builder().with_env_lookup(move |name| env.get(name).cloned())
        }

        fn path(&self, name: &str) -> PathBuf {
            self.dir.path().join(name)
        }
    }

    fn token(config: &Config) -> &str {
        match config.credentials() {
            Credentials::Token(token) => token.expose(),
            Credentials::OAuthM2M { .. } => panic!("expected a token"),
        }
    }

    const PROFILES: &str = "[DEFAULT]\nhost = default.cloud.databricks.com\ntoken = dapi-default\nrate_limit = 4\n\n\
                            [dev]\nhost = dev.cloud.databricks.com\n\n\
                            [robot]\nclient_id = 6f5ccf28-d83a\nclient_secret = dose-secret\n";

    #[test]
    fn host_is_normalised() {
        for (raw, expected) in [
            ("adb-1.2.azuredatabricks.net", "https://adb-1.2.azuredatabricks.net"),
            (
                "https://example.cloud.databricks.com/",
                "https://example.cloud.databricks.com",
            ),
            ("  https://Example.com:8443//  ", "https://example.com:8443"),
            ("http://127.0.0.1:9000", "http://127.0.0.1:9000"),
            ("http://localhost:80/", "http://localhost"),
        ] {
            assert_eq!(Config::new(raw, "t").unwrap().host(), expected, "{raw}");
        }
    }

    #[test]
    fn each_setting_comes_from_the_first_source_that_has_it() {
        let home = Home::new()
            .file(".databrickscfg", PROFILES)
            .file(".netrc", "machine env.example.com login token password dapi-netrc")
            .var("DATABRICKS_HOST", "env.example.com");
        // Explicit beats the environment, which beats the profile.
        let config = home.builder().host("explicit.example.com").build().unwrap();
        assert_eq!(config.host(), "https://explicit.example.com");
        assert_eq!(config.host_source(), &Source::Explicit);
        assert_eq!(token(&config), "dapi-default");
        // The environment beats the profile, per setting: the token still comes from the profile.
        let config = home.builder().build().unwrap();
        assert_eq!(
            (config.host(), token(&config)),
            ("https://env.example.com", "dapi-default")
        );
        assert_eq!(config.host_source(), &Source::Env("DATABRICKS_HOST"));
        assert_eq!(
            config.credentials_source(),
            &Source::Profile {
                name: "DEFAULT".into(),
                path: home.path(".databrickscfg")
            }
        );
        assert_eq!(config.profile(), Some("DEFAULT"));
        assert_eq!(config.rate_limit(), Some(4.0));
        // With no profile token, .netrc has the last word.
        let home = home.file(".databrickscfg", "[DEFAULT]\nrate_limit = 4\n");
        let config = home.builder().build().unwrap();
        assert_eq!(token(&config), "dapi-netrc");
        assert_eq!(
            config.credentials_source(),
            &Source::Netrc {
                path: home.path(".netrc")
            }
        );
        let config = home.var("DATABRICKS_TOKEN", "dapi-env").builder().build().unwrap();
        assert_eq!(token(&config), "dapi-env");
    }

    #[test]
    fn a_named_profile_falls_back_to_default_key_by_key() {
        let home = Home::new()
            .file(".databrickscfg", PROFILES)
            .var("DATABRICKS_CONFIG_PROFILE", "dev");
        let config = home.builder().build().unwrap();
        assert_eq!(
            (config.host(), token(&config)),
            ("https://dev.cloud.databricks.com", "dapi-default")
        );
        assert_eq!(config.profile(), Some("dev"));
        // An explicit profile beats DATABRICKS_CONFIG_PROFILE.
        let config = home.builder().profile("robot").build().unwrap();
        assert_eq!(config.host(), "https://default.cloud.databricks.com");
        // `robot` has client credentials, but the DEFAULT token comes first: a token is preferred...
        assert_eq!(config.auth_method(), AuthMethod::PersonalAccessToken);
        // ...unless the auth type says otherwise.
        let config = home.builder().profile("robot").auth_type("oauth-m2m").build().unwrap();
        assert_eq!(config.auth_method(), AuthMethod::OAuthM2M);
        assert!(!format!("{config:?}").contains("dose-secret"));
    }

    #[test]
    fn a_missing_named_profile_is_an_error_that_lists_the_profiles() {
        let home = Home::new().file(".databrickscfg", PROFILES);
        let error = home.builder().profile("prod").build().unwrap_err();
        assert_eq!(
            error,
            ConfigError::ProfileNotFound {
                profile: "prod".into(),
                path: home.path(".databrickscfg"),
                available: vec!["DEFAULT".into(), "dev".into(), "robot".into()],
            }
        );
        assert!(error.to_string().contains("(it has: DEFAULT, dev, robot)"), "{error}");
        // A named profile needs the file; the implicit DEFAULT does not.
        let empty = Home::new().var("DATABRICKS_CONFIG_PROFILE", "dev");
        assert!(matches!(empty.builder().build(), Err(ConfigError::ConfigFile { .. })));
    }

    #[test]
    fn the_config_file_path_is_the_one_that_is_read() {
        let home = Home::new();
        assert_eq!(home.builder().config_file_path(), Some(home.path(".databrickscfg")));
        let moved = home.var("DATABRICKS_CONFIG_FILE", "/etc/databricks.cfg");
        assert_eq!(
            moved.builder().config_file_path(),
            Some(PathBuf::from("/etc/databricks.cfg"))
        );
        assert_eq!(
            moved.builder().config_file("/opt/x.cfg").config_file_path(),
            Some(PathBuf::from("/opt/x.cfg"))
        );
        assert_eq!(Config::builder().config_file("/opt/x.cfg").config_file_path(), None);
    }

    #[test]
    fn the_config_file_can_be_moved() {
        let home = Home::new().file(
            "elsewhere.cfg",
            "[DEFAULT]\nhost = moved.example.com\ntoken = dapi-moved\n",
        );
        let path = home.path("elsewhere.cfg").display().to_string();
        let config = home.var("DATABRICKS_CONFIG_FILE", &path).builder().build().unwrap();
        assert_eq!(config.host(), "https://moved.example.com");
    }

    #[test]
    fn a_broken_config_file_names_its_line() {
        let home = Home::new().file(".databrickscfg", "[DEFAULT]\nhost = h\nthis is not a setting\n");
        let error = home.builder().build().unwrap_err().to_string();
        assert!(
            error.contains(".databrickscfg: line 3: expected `key = value`"),
            "{error}"
        );
    }

    #[test]
    fn missing_values_list_every_source_and_what_it_lacked() {
        let home = Home::new().file(".databrickscfg", "[dev]\nhost = h\n");
        let error = home.builder().build().unwrap_err().to_string();
        let cfg = home.path(".databrickscfg").display().to_string();
        assert_eq!(
            error,
            format!(
                "no Databricks host configured (tried explicit settings: no host; the environment: no host; \
                 {cfg}: no [DEFAULT] profile); set DATABRICKS_HOST, pass --host, or add `host` to a profile of \
                 ~/.databrickscfg"
            )
        );
        let home = home.var("DATABRICKS_HOST", "h.example.com");
        let error = home.builder().build().unwrap_err().to_string();
        let netrc = home.path(".netrc").display().to_string();
        assert!(error.starts_with("no Databricks credentials configured (tried explicit settings: no token, or client_id and client_secret; the environment: no token, or client_id and client_secret; "), "{error}");
        assert!(error.contains(&format!("{netrc}: No such file")), "{error}");
        let error = home
            .builder()
            .auth_type("pat")
            .client_id("id")
            .client_secret("s")
            .build()
            .unwrap_err();
        assert!(matches!(error, ConfigError::MissingCredentials { .. }), "{error}");
        let error = home.builder().token("t").auth_type("azure-cli").build().unwrap_err();
        assert_eq!(
            error,
            ConfigError::UnknownAuthType {
                auth_type: "azure-cli".into()
            }
        );
    }

    #[test]
    fn limits_have_defaults_and_can_be_turned_off() {
        let config = Config::new("h.example.com", "t").unwrap();
        assert_eq!(config.rate_limit(), Some(DEFAULT_RATE_LIMIT));
        assert_eq!(
            (config.retry_timeout(), config.http_timeout()),
            (DEFAULT_RETRY_TIMEOUT, DEFAULT_HTTP_TIMEOUT)
        );
        let home = Home::new()
            .var("DATABRICKS_HOST", "h.example.com")
            .var("DATABRICKS_TOKEN", "t")
            .var("DATABRICKS_RATE_LIMIT", "0")
            .var("DATABRICKS_RETRY_TIMEOUT_SECONDS", "2.5");
        let config = home.builder().build().unwrap();
        assert_eq!(
            (config.rate_limit(), config.retry_timeout()),
            (None, Duration::from_millis(2500))
        );
        let error = home
            .var("DATABRICKS_HTTP_TIMEOUT_SECONDS", "soon")
            .builder()
            .build()
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "the HTTP timeout `soon` from DATABRICKS_HTTP_TIMEOUT_SECONDS is not a non-negative number"
        );
    }

    #[test]
    fn tokens_must_be_header_safe() {
        let error = Config::new("h.example.com", "dapi token").unwrap_err();
        assert_eq!(error, ConfigError::InvalidToken);
        assert!(!error.to_string().contains("dapi"));
    }

    #[test]
    fn plain_http_to_a_remote_host_is_refused() {
        let error = Config::new("http://example.com", "t").unwrap_err();
        assert!(matches!(error, ConfigError::InsecureHttp { .. }));
        let allowed = Config::builder()
            .host("http://example.com")
            .token("t")
            .allow_insecure_http(true)
            .build();
        assert!(allowed.is_ok());
    }

    #[test]
    fn bad_hosts_are_explained() {
        for raw in [
            "",
            "ftp://example.com",
            "https://user:pw@example.com",
            "https://h.com/?x=1",
        ] {
            assert!(
                matches!(Config::new(raw, "t"), Err(ConfigError::InvalidHost { .. })),
                "{raw}"
            );
        }
    }

    #[test]
    fn credentials_in_a_rejected_host_are_not_repeated() {
        let error = Config::new("https://token:dapi-canary@adb-1.2.azuredatabricks.net/x", "t").unwrap_err();
        let text = format!("{error} {error:?}");
        assert!(!text.contains("dapi-canary"), "{text}");
        assert!(
            text.contains("https://<credentials>@adb-1.2.azuredatabricks.net/x"),
            "{text}"
        );
    }

    #[test]
    fn debug_never_shows_secrets() {
        let config = Config::new("h.example.com", "dapi-canary-123").unwrap();
        let oauth = Config::builder()
            .host("h.example.com")
            .client_id("id")
            .client_secret("canary-secret")
            .build()
            .unwrap();
        let builder = Config::builder()
            .token("dapi-canary-123")
            .client_secret("canary-secret");
        let text = format!("{config:?} {oauth:?} {builder:?}");
        assert!(!text.contains("canary"), "{text}");
    }
}
