//! Reading the sources in order: explicit values, the environment, one profile of the configuration file,
//! `.netrc`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::attributes::{self, ATTRIBUTES};
use super::profile::{self, DEFAULT_PROFILE, ProfileFile};
use super::settings::{Environment, Settings, Value};
use super::source::{Source, Tried};
use super::{ConfigBuilder, ConfigError, normalize_host, without_credentials};

impl ConfigBuilder {
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
        let mut warnings = Vec::new();
        let mut profile_read = None;
        let mut config_file = self.config_file.clone();
        // Without default sources no setting is read from the environment, but what auth methods and the
        // transport find around them (`PATH` for `az`, `HOME` for token caches, proxy variables) is still
        // the process's.
        let env = self.env.clone().unwrap_or_else(Environment::process);
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
                        let source = Source::Profile {
                            name: name.clone(),
                            path: path.clone(),
                        };
                        if let Some(warning) = secrets_readable_by_others(&path, &source, &values) {
                            tracing::warn!("{warning}");
                            warnings.push(warning);
                        }
                        sources.push(source.to_string());
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
            warnings,
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

/// A warning, as ssh gives for a private key, when the secrets taken from the profile (`source`) sit in a file
/// other users can read.
fn secrets_readable_by_others(path: &Path, source: &Source, values: &BTreeMap<&'static str, Value>) -> Option<String> {
    let secrets: Vec<&str> = values
        .iter()
        .filter(|(name, value)| {
            value.source == *source && attributes::find(name).is_some_and(|attribute| attribute.sensitive)
        })
        .map(|(name, _)| *name)
        .collect();
    if secrets.is_empty() {
        return None;
    }
    let mode = others_can_read(path)?;
    Some(format!(
        "{} holds secrets ({}) and other users can read it (mode {mode:03o}); run `chmod 600 {}`",
        path.display(),
        secrets.join(", "),
        path.display()
    ))
}

/// The file's permission bits when its group or others may read it.
#[cfg(unix)]
fn others_can_read(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (mode & 0o044 != 0).then_some(mode)
}

/// Windows files are protected by access lists, which this check does not read.
#[cfg(not(unix))]
fn others_can_read(_: &Path) -> Option<u32> {
    None
}
