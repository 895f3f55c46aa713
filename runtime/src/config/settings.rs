//! Every setting after all sources were read, with where each came from: what auth methods decide from.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::ConfigError;
use super::attributes::{self, ATTRIBUTES, Attribute};
use super::cloud::{self, AzureCloud, Cloud};
use super::host;
use super::netrc;
use super::source::{Source, Tried};

pub(crate) use openapi_runtime::Secret;

/// One setting's value and where it came from.
#[derive(Clone)]
pub(crate) struct Value {
    pub value: String,
    pub source: Source,
}

/// Reads one environment variable.
pub(super) type EnvLookup = dyn Fn(&str) -> Option<String> + Send + Sync;

/// The environment the configuration was read from: variables and the home directory. Auth methods read
/// their own variables (`ACTIONS_ID_TOKEN_REQUEST_URL`, `PATH`, ...) through it, so tests can replace it.
#[derive(Clone)]
pub(crate) struct Environment {
    pub(super) lookup: Arc<EnvLookup>,
}

impl Environment {
    pub(super) fn process() -> Environment {
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
    pub(super) values: BTreeMap<&'static str, Value>,
    pub(super) host: Option<host::Host>,
    pub(super) profile: Option<String>,
    pub(super) config_file: Option<PathBuf>,
    /// Sources that were read, for errors.
    pub(super) sources: Vec<String>,
    /// Sources consulted for the host, and what each lacked.
    pub(super) tried: Vec<Tried>,
    /// What the user should know though nothing failed (a configuration file with secrets others can read).
    pub(super) warnings: Vec<String>,
    pub(super) env: Environment,
}

impl Settings {
    /// The value of a setting that is not a secret.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        debug_assert!(attributes::find(name).is_some_and(|a| !a.sensitive), "{name}");
        self.values.get(name).map(|value| value.value.as_str())
    }

    /// The value of a secret setting.
    pub(crate) fn secret(&self, name: &str) -> Option<Secret> {
        self.values.get(name).map(|value| Secret::new(value.value.clone()))
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

    #[cfg(feature = "cli")]
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

impl Settings {
    /// A `.netrc` password for the host, as a token, when nothing else gave credentials.
    pub(super) fn fill_from_netrc(&mut self) {
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

    pub(super) fn tried_for_host(&self) -> Vec<String> {
        self.tried.iter().map(|tried| tried.describe("host")).collect()
    }

    /// A numeric setting, checked by `accept`.
    pub(super) fn number<T>(
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
