//! Where to connect and how to authenticate.
//!
//! Values are resolved in order: set explicitly on the [`ConfigBuilder`], then the environment
//! (`DATABRICKS_HOST`, `DATABRICKS_TOKEN`). When something is missing, the error lists every source that
//! was consulted. The token is never printed: `Debug` redacts it and no error message contains it.

use std::fmt;

pub(crate) const HOST_ENV: &str = "DATABRICKS_HOST";
pub(crate) const TOKEN_ENV: &str = "DATABRICKS_TOKEN";

/// A secret string whose `Debug` and `Display` never show the value.
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

/// A resolved configuration: a normalised workspace URL and a personal access token.
#[derive(Clone)]
pub struct Config {
    host: String,
    token: Secret,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("host", &self.host)
            .field("token", &self.token)
            .finish()
    }
}

impl Config {
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// A configuration from explicit values only.
    pub fn new(host: impl Into<String>, token: impl Into<String>) -> Result<Config, ConfigError> {
        Config::builder().host(host).token(token).build()
    }

    /// A configuration from `DATABRICKS_HOST` and `DATABRICKS_TOKEN`.
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::builder().with_env().build()
    }

    /// The workspace URL: scheme, host and port, without a trailing slash
    /// (`https://adb-123.4.azuredatabricks.net`).
    pub fn host(&self) -> &str {
        &self.host
    }

    pub(crate) fn token(&self) -> &Secret {
        &self.token
    }
}

/// Collects configuration values from several sources; [`ConfigBuilder::build`] checks and normalises them.
#[derive(Clone, Default)]
pub struct ConfigBuilder {
    host: Option<(String, &'static str)>,
    token: Option<(Secret, &'static str)>,
    consulted: Vec<&'static str>,
    allow_insecure_http: bool,
}

impl fmt::Debug for ConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConfigBuilder")
            .field("host", &self.host)
            .field("token", &self.token.as_ref().map(|(_, source)| source))
            .field("allow_insecure_http", &self.allow_insecure_http)
            .finish()
    }
}

impl ConfigBuilder {
    /// The workspace URL. A bare host name gets `https://`; scheme and port are kept; a trailing slash is
    /// dropped.
    pub fn host(mut self, host: impl Into<String>) -> Self {
        self.host = Some((host.into(), "the explicit host"));
        self
    }

    /// A personal access token, sent as `Authorization: Bearer <token>`.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = Some((Secret(token.into()), "the explicit token"));
        self
    }

    /// Fills values not set explicitly from `DATABRICKS_HOST` and `DATABRICKS_TOKEN`.
    pub fn with_env(self) -> Self {
        self.with_env_lookup(|name| std::env::var(name).ok())
    }

    /// [`ConfigBuilder::with_env`] with another source of variables (tests, embedding).
    pub fn with_env_lookup(mut self, lookup: impl Fn(&str) -> Option<String>) -> Self {
        self.consulted.push("the environment");
        let present = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        if self.host.is_none() {
            self.host = present(HOST_ENV).map(|host| (host, "DATABRICKS_HOST"));
        }
        if self.token.is_none() {
            self.token = present(TOKEN_ENV).map(|token| (Secret(token), "DATABRICKS_TOKEN"));
        }
        self
    }

    /// Allows sending the token over plain `http` to a host that is not this machine. Off by default:
    /// anyone on the network path could read the token.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    pub fn build(self) -> Result<Config, ConfigError> {
        let mut consulted = vec!["explicit settings"];
        consulted.extend(self.consulted.iter().copied());
        let Some((raw_host, host_source)) = self.host else {
            return Err(ConfigError::MissingHost { consulted });
        };
        let Some((token, _)) = self.token else {
            return Err(ConfigError::MissingToken { consulted });
        };
        let token = Secret(token.expose().trim().to_owned());
        if token.expose().is_empty() {
            return Err(ConfigError::MissingToken { consulted });
        }
        // The token travels in an HTTP header: only visible ASCII can be sent there.
        if !token.expose().bytes().all(|byte| byte.is_ascii_graphic()) {
            return Err(ConfigError::InvalidToken);
        }
        let url = normalize_host(&raw_host).map_err(|reason| ConfigError::InvalidHost {
            host: without_credentials(&raw_host),
            source: host_source,
            reason,
        })?;
        if url.scheme() == "http" && !is_loopback(&url) && !self.allow_insecure_http {
            return Err(ConfigError::InsecureHttp {
                host: url.as_str().trim_end_matches('/').to_owned(),
            });
        }
        Ok(Config {
            host: url.as_str().trim_end_matches('/').to_owned(),
            token,
        })
    }
}

fn normalize_host(raw: &str) -> Result<reqwest::Url, String> {
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
fn without_credentials(raw: &str) -> String {
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

fn is_loopback(url: &reqwest::Url) -> bool {
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
    MissingHost {
        consulted: Vec<&'static str>,
    },
    MissingToken {
        consulted: Vec<&'static str>,
    },
    InvalidHost {
        host: String,
        source: &'static str,
        reason: String,
    },
    InsecureHttp {
        host: String,
    },
    InvalidToken,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::MissingHost { consulted } => write!(
                f,
                "no Databricks host configured (looked in {}); set DATABRICKS_HOST or pass --host",
                consulted.join(", ")
            ),
            ConfigError::MissingToken { consulted } => write!(
                f,
                "no Databricks token configured (looked in {}); set DATABRICKS_TOKEN or pass --token",
                consulted.join(", ")
            ),
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
                "refusing to send the token over plain http to {host}, which is not this machine; use https \
                 (a program can opt in with ConfigBuilder::allow_insecure_http)"
            ),
        }
    }
}

impl std::error::Error for ConfigError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        }
    }

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
    fn explicit_values_win_over_the_environment() {
        let config = Config::builder()
            .host("explicit.example.com")
            .with_env_lookup(env(&[
                ("DATABRICKS_HOST", "env.example.com"),
                ("DATABRICKS_TOKEN", "env-token"),
            ]))
            .build()
            .unwrap();
        assert_eq!(config.host(), "https://explicit.example.com");
        assert_eq!(config.token().expose(), "env-token");
    }

    #[test]
    fn missing_values_name_the_sources() {
        let error = Config::builder().with_env_lookup(env(&[])).build().unwrap_err();
        assert_eq!(
            error.to_string(),
            "no Databricks host configured (looked in explicit settings, the environment); set DATABRICKS_HOST or pass --host"
        );
        let error = Config::builder()
            .with_env_lookup(env(&[("DATABRICKS_HOST", "h.example.com"), ("DATABRICKS_TOKEN", "  ")]))
            .build()
            .unwrap_err();
        assert!(matches!(error, ConfigError::MissingToken { .. }));
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
    fn debug_never_shows_the_token() {
        let config = Config::new("h.example.com", "dapi-canary-123").unwrap();
        let text = format!("{config:?} {:?}", Config::builder().token("dapi-canary-123"));
        assert!(!text.contains("canary"), "{text}");
    }
}
