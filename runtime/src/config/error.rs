//! Why no configuration could be built. No message repeats a secret.

use std::fmt;
use std::path::PathBuf;

/// Why no configuration could be built.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// No source had a host; one entry per source tried, saying what it lacked.
    MissingHost {
        tried: Vec<String>,
    },
    /// No auth method could be configured: one entry per method, saying why it did not apply, and the
    /// sources of settings that were read.
    MissingCredentials {
        tried: Vec<String>,
        sources: Vec<String>,
    },
    /// Credentials of two or more methods are set and no auth type picks one.
    AmbiguousCredentials {
        /// `method (setting from source, ...)` for each method.
        methods: Vec<String>,
    },
    /// The forced auth method (`auth_type`) cannot be used, and why.
    AuthMethodUnavailable {
        method: String,
        source: String,
        reason: String,
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
    /// The profile named explicitly, by `DATABRICKS_CONFIG_PROFILE` or by `[__settings__]` is not in the file.
    ProfileNotFound {
        profile: String,
        path: PathBuf,
        available: Vec<String>,
    },
    UnknownAuthType {
        auth_type: String,
        source: String,
    },
    /// A setting given to [`crate::ConfigBuilder::set`] that the SDK does not know.
    UnknownSetting {
        name: String,
    },
    /// A setting whose value is not what it takes (a number, a boolean, a cloud name, ...).
    InvalidSetting {
        setting: &'static str,
        value: String,
        source: String,
        expected: &'static str,
    },
    InsecureHttp {
        host: String,
    },
    /// A setting of the connection cannot be used: a CA bundle that cannot be read, a proxy variable that
    /// holds no proxy URL.
    InvalidTransport {
        /// What it is (`CA bundle /etc/corp.pem`, `proxy URL`).
        setting: String,
        source: String,
        reason: String,
    },
    InvalidToken,
    /// An account client was asked for without `account_id`.
    MissingAccountId,
    /// An account client was asked for with an auth method the account API refuses (a personal access
    /// token), and where that method's credential came from.
    AccountAuthMethod {
        method: String,
        source: String,
    },
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
            ConfigError::MissingCredentials { tried, sources } => {
                write!(f, "no Databricks credentials configured. Auth methods tried:")?;
                for line in tried {
                    write!(f, "\n  - {line}")?;
                }
                if !sources.is_empty() {
                    write!(f, "\nSettings were read from: {}.", sources.join("; "))?;
                }
                write!(
                    f,
                    "\nSet DATABRICKS_TOKEN (or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET), log in in the \
                     browser with `dbr auth login` (or `databricks auth login`), or on Azure run `az login`."
                )
            }
            ConfigError::AmbiguousCredentials { methods } => write!(
                f,
                "more than one authorization method configured: {}; remove all but one, or pick one with \
                 auth_type (DATABRICKS_AUTH_TYPE)",
                methods.join(" and ")
            ),
            ConfigError::AuthMethodUnavailable { method, source, reason } => {
                write!(f, "the auth type `{method}` (from {source}) cannot be used: {reason}")
            }
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
            ConfigError::UnknownAuthType { auth_type, source } => write!(
                f,
                "unknown auth type `{auth_type}` (from {source}); use one of: {}",
                crate::AuthMethod::ALL
                    .iter()
                    .map(|method| method.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ConfigError::UnknownSetting { name } => write!(f, "`{name}` is not a Databricks setting"),
            ConfigError::InvalidSetting {
                setting,
                value,
                source,
                expected,
            } => write!(f, "the {setting} `{value}` from {source} is not {expected}"),
            ConfigError::InvalidHost { host, source, reason } => {
                write!(
                    f,
                    "the host `{host}` from {source} is not a valid workspace URL: {reason}"
                )
            }
            ConfigError::InvalidToken => {
                f.write_str("the token contains spaces or non-ASCII characters; copy the personal access token again")
            }
            ConfigError::InvalidTransport {
                setting,
                source,
                reason,
            } => write!(f, "the {setting} from {source} cannot be used: {reason}"),
            ConfigError::MissingAccountId => write!(
                f,
                "the account API needs the account's id: set account_id in the profile or DATABRICKS_ACCOUNT_ID \
                 (the account console shows it in the menu under your user name)"
            ),
            ConfigError::AccountAuthMethod { method, source } => write!(
                f,
                "the account API does not accept a personal access token ({method}, from {source}); log in with \
                 `dbr auth login --host <account console URL> --account-id <id>`, or give a service principal's \
                 client_id and client_secret"
            ),
            ConfigError::InsecureHttp { host } => write!(
                f,
                "refusing to send credentials over plain http to {host}, which is not this machine; use https \
                 (a program can opt in with ConfigBuilder::allow_insecure_http)"
            ),
        }
    }
}

impl std::error::Error for ConfigError {}

impl From<ConfigError> for openapi_runtime::Error {
    fn from(error: ConfigError) -> Self {
        openapi_runtime::Error::Config(Box::new(error))
    }
}
