//! Where a setting came from, for `dbr auth describe` and for errors that list every source tried.

use std::fmt;
use std::path::PathBuf;

/// Where a setting came from.
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
    /// Found outside the configuration by the auth method itself: a token cache, the Azure CLI's login, a
    /// managed identity.
    Ambient(String),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Explicit => f.write_str("explicit settings"),
            Source::Env(name) => f.write_str(name),
            Source::Profile { name, path } => write!(f, "profile `{name}` of {}", path.display()),
            Source::Netrc { path } => write!(f, "{}", path.display()),
            Source::Ambient(what) => f.write_str(what),
        }
    }
}

/// A source that was consulted, and what it lacked, for the error listing every source.
#[derive(Clone)]
pub(crate) struct Tried {
    source: String,
    note: Option<String>,
}

impl Tried {
    pub fn new(source: Source) -> Self {
        Tried {
            source: source.to_string(),
            note: None,
        }
    }

    pub fn skipped(source: &str, why: &str) -> Self {
        Tried {
            source: source.to_owned(),
            note: Some(why.to_owned()),
        }
    }

    pub fn describe(&self, wanted: &str) -> String {
        match &self.note {
            Some(note) => format!("{}: {note}", self.source),
            None => format!("{}: no {wanted}", self.source),
        }
    }
}
