//! The two places a path can name: `dbfs:/a/b` is in DBFS, anything else is on this computer.

use std::fmt;
use std::path::{Path, PathBuf};

use databricks_runtime::cli::CliError;

const SCHEME: &str = "dbfs:";

/// An absolute DBFS path as the API takes it: `/` followed by non-empty segments, without the `dbfs:`
/// scheme; shown with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct DbfsPath(String);

impl DbfsPath {
    /// `dbfs:/a/b/` → `/a/b`; `None` when `raw` has no `dbfs:` scheme.
    pub(super) fn parse(raw: &str) -> Result<Option<DbfsPath>, CliError> {
        let Some(path) = raw.strip_prefix(SCHEME) else {
            return Ok(None);
        };
        if !path.starts_with('/') {
            return Err(CliError::Usage(format!(
                "`{raw}` is not an absolute DBFS path; write {SCHEME}/{path}"
            )));
        }
        Ok(Some(DbfsPath::from_api(path)))
    }

    /// A path as the API writes it (`/a/b`, or `dbfs:/a/b`, which some answers use).
    pub(super) fn from_api(path: &str) -> DbfsPath {
        let path = path.strip_prefix(SCHEME).unwrap_or(path);
        let segments: Vec<&str> = path.split('/').filter(|segment| !segment.is_empty()).collect();
        DbfsPath(format!("/{}", segments.join("/")))
    }

    /// The path to send to the API.
    pub(super) fn api(&self) -> &str {
        &self.0
    }

    /// The path `relative` (segments separated by `/`; empty for this path itself) below this one.
    pub(super) fn join(&self, relative: &str) -> DbfsPath {
        DbfsPath::from_api(&format!("{}/{relative}", self.0))
    }

    /// The last segment; `None` for the root.
    pub(super) fn name(&self) -> Option<&str> {
        self.0.rsplit('/').next().filter(|name| !name.is_empty())
    }
}

impl fmt::Display for DbfsPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{SCHEME}{}", self.0)
    }
}

/// Where a file is: DBFS or this computer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Location {
    Dbfs(DbfsPath),
    Local(PathBuf),
}

impl Location {
    pub(super) fn parse(raw: &str) -> Result<Location, CliError> {
        Ok(match DbfsPath::parse(raw)? {
            Some(path) => Location::Dbfs(path),
            None => Location::Local(PathBuf::from(raw)),
        })
    }

    /// The location `relative` (segments separated by `/`; empty for this location itself) below this one.
    pub(super) fn join(&self, relative: &str) -> Location {
        match self {
            Location::Dbfs(path) => Location::Dbfs(path.join(relative)),
            Location::Local(path) => Location::Local(local_join(path, relative)),
        }
    }

    /// The last segment of the path, if it has one.
    pub(super) fn name(&self) -> Option<&str> {
        match self {
            Location::Dbfs(path) => path.name(),
            Location::Local(path) => path.file_name().and_then(|name| name.to_str()),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Dbfs(path) => path.fmt(f),
            Location::Local(path) => path.display().fmt(f),
        }
    }
}

/// The DBFS path of a command that takes nothing else; a path without the scheme is a usage error that
/// shows how to write it.
pub(super) fn dbfs_only(raw: &str) -> Result<DbfsPath, CliError> {
    match DbfsPath::parse(raw)? {
        Some(path) => Ok(path),
        None if raw.starts_with('/') => Err(CliError::Usage(format!(
            "`{raw}` is not a DBFS path: DBFS paths start with {SCHEME}/, as in {SCHEME}{raw}"
        ))),
        None => Err(CliError::Usage(format!(
            "`{raw}` is not a DBFS path: DBFS paths start with {SCHEME}/, as in {SCHEME}/tmp/data.csv"
        ))),
    }
}

/// `relative` (segments separated by `/`) as a path below `root` on this computer.
pub(super) fn local_join(root: &Path, relative: &str) -> PathBuf {
    relative
        .split('/')
        .filter(|segment| !segment.is_empty())
        .fold(root.to_path_buf(), |path, segment| path.join(segment))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dbfs_paths_lose_the_scheme_and_extra_slashes() {
        let parse = |raw| DbfsPath::parse(raw).unwrap().map(|path| path.api().to_owned());
        assert_eq!(parse("dbfs:/a/b"), Some("/a/b".to_owned()));
        assert_eq!(parse("dbfs:/a//b/"), Some("/a/b".to_owned()));
        assert_eq!(parse("dbfs:/"), Some("/".to_owned()));
        assert_eq!(parse("/a/b"), None);
        assert_eq!(parse("a/dbfs:/b"), None);
        assert!(matches!(DbfsPath::parse("dbfs:a"), Err(CliError::Usage(message)) if message.contains("dbfs:/a")));
    }

    #[test]
    fn dbfs_paths_join_and_name() {
        let root = DbfsPath::from_api("/");
        assert_eq!(root.join("a/b").api(), "/a/b");
        assert_eq!(root.join("").api(), "/");
        assert_eq!(root.name(), None);
        let dir = DbfsPath::from_api("dbfs:/x/y");
        assert_eq!(dir.join("z").to_string(), "dbfs:/x/y/z");
        assert_eq!(dir.join("").api(), "/x/y");
        assert_eq!(dir.name(), Some("y"));
    }

    #[test]
    fn paths_without_the_scheme_are_refused_with_a_hint() {
        let hint = |raw| match dbfs_only(raw) {
            Err(CliError::Usage(message)) => message,
            other => panic!("{other:?}"),
        };
        assert!(hint("/tmp/x").contains("dbfs:/tmp/x"), "{}", hint("/tmp/x"));
        assert!(hint("tmp/x").contains("start with dbfs:/"), "{}", hint("tmp/x"));
        assert_eq!(dbfs_only("dbfs:/tmp/x").unwrap().api(), "/tmp/x");
    }

    #[test]
    fn locations_join_relative_paths() {
        let local = Location::parse("out").unwrap();
        assert_eq!(
            local.join("a/b.txt"),
            Location::Local(Path::new("out").join("a").join("b.txt"))
        );
        assert_eq!(local.join(""), local);
        assert_eq!(
            Location::parse("dbfs:/d").unwrap().join("a/b").to_string(),
            "dbfs:/d/a/b"
        );
        assert_eq!(Location::parse("dir/file.txt").unwrap().name(), Some("file.txt"));
    }
}
