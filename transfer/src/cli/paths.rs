//! The places a path can name: `dbfs:/a/b` is in DBFS, `/Volumes/<catalog>/<schema>/<volume>/...` (or
//! `dbfs:/Volumes/...`, as the Databricks CLI writes it) in a Unity Catalog volume, anything else on this
//! computer.

use std::fmt;
use std::path::{Path, PathBuf};

use databricks_runtime::cli::CliError;

const SCHEME: &str = "dbfs:";
/// The first segment of every volume path.
const VOLUMES: &str = "Volumes";

/// An absolute path as the DBFS and Files APIs take it: `/` followed by non-empty segments, without the
/// `dbfs:` scheme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct RemotePath(String);

impl RemotePath {
    /// A path as the API writes it (`/a/b`, or `dbfs:/a/b`, which some answers use).
    pub(super) fn from_api(path: &str) -> RemotePath {
        let path = path.strip_prefix(SCHEME).unwrap_or(path);
        let segments: Vec<&str> = path.split('/').filter(|segment| !segment.is_empty()).collect();
        RemotePath(format!("/{}", segments.join("/")))
    }

    /// The path to send to the API.
    pub(super) fn api(&self) -> &str {
        &self.0
    }

    /// The path `relative` (segments separated by `/`; empty for this path itself) below this one.
    pub(super) fn join(&self, relative: &str) -> RemotePath {
        RemotePath::from_api(&format!("{}/{relative}", self.0))
    }

    /// The last segment; `None` for the root.
    pub(super) fn name(&self) -> Option<&str> {
        self.0.rsplit('/').next().filter(|name| !name.is_empty())
    }

    fn is_volume(&self) -> bool {
        self.0.split('/').nth(1) == Some(VOLUMES)
    }
}

/// A path in the workspace's storage: DBFS, or a volume, reached through the Files API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Remote {
    Dbfs(RemotePath),
    Volume(RemotePath),
}

impl Remote {
    /// `dbfs:/a/b/` → DBFS `/a/b`, `dbfs:/Volumes/c/s/v` → the volume; `None` when `raw` has no `dbfs:`
    /// scheme.
    fn parse_scheme(raw: &str) -> Result<Option<Remote>, CliError> {
        let Some(path) = raw.strip_prefix(SCHEME) else {
            return Ok(None);
        };
        if !path.starts_with('/') {
            return Err(CliError::Usage(format!(
                "`{raw}` is not an absolute DBFS path; write {SCHEME}/{path}"
            )));
        }
        Remote::from_absolute(raw, path).map(Some)
    }

    /// A bare `/Volumes/...` path as a volume path; `None` for any other.
    fn parse_volume(raw: &str) -> Result<Option<Remote>, CliError> {
        match RemotePath::from_api(raw).is_volume() && raw.starts_with('/') {
            true => Remote::from_absolute(raw, raw).map(Some),
            false => Ok(None),
        }
    }

    fn from_absolute(raw: &str, path: &str) -> Result<Remote, CliError> {
        let path = RemotePath::from_api(path);
        if !path.is_volume() {
            return Ok(Remote::Dbfs(path));
        }
        // The Files API reaches inside a volume; catalogs and schemas are listed with `dbr` UC commands.
        if path.api().split('/').count() < 5 {
            return Err(CliError::Usage(format!(
                "`{raw}` does not name a volume: volume paths are /Volumes/<catalog>/<schema>/<volume>/..."
            )));
        }
        Ok(Remote::Volume(path))
    }

    pub(super) fn path(&self) -> &RemotePath {
        match self {
            Remote::Dbfs(path) | Remote::Volume(path) => path,
        }
    }

    /// The path to send to the API.
    pub(super) fn api(&self) -> &str {
        self.path().api()
    }

    pub(super) fn join(&self, relative: &str) -> Remote {
        match self {
            Remote::Dbfs(path) => Remote::Dbfs(path.join(relative)),
            Remote::Volume(path) => Remote::Volume(path.join(relative)),
        }
    }

    pub(super) fn name(&self) -> Option<&str> {
        self.path().name()
    }
}

impl fmt::Display for Remote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Remote::Dbfs(path) => write!(f, "{SCHEME}{}", path.0),
            Remote::Volume(path) => f.write_str(&path.0),
        }
    }
}

/// Where a file is: in the workspace's storage or on this computer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Location {
    Remote(Remote),
    Local(PathBuf),
}

impl Location {
    /// A bare `/Volumes/...` is a volume, unless this computer has a `/Volumes` folder of its own (macOS
    /// disks, a cluster's volume mount): there it stays local, and `dbfs:/Volumes/...` names the volume.
    pub(super) fn parse(raw: &str) -> Result<Location, CliError> {
        if let Some(remote) = Remote::parse_scheme(raw)? {
            return Ok(Location::Remote(remote));
        }
        if !Path::new("/Volumes").exists()
            && let Some(remote) = Remote::parse_volume(raw)?
        {
            return Ok(Location::Remote(remote));
        }
        Ok(Location::Local(PathBuf::from(raw)))
    }

    /// The location `relative` (segments separated by `/`; empty for this location itself) below this one.
    pub(super) fn join(&self, relative: &str) -> Location {
        match self {
            Location::Remote(remote) => Location::Remote(remote.join(relative)),
            Location::Local(path) => Location::Local(local_join(path, relative)),
        }
    }

    /// The last segment of the path, if it has one.
    pub(super) fn name(&self) -> Option<&str> {
        match self {
            Location::Remote(remote) => remote.name(),
            Location::Local(path) => path.file_name().and_then(|name| name.to_str()),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Remote(remote) => remote.fmt(f),
            Location::Local(path) => path.display().fmt(f),
        }
    }
}

/// The DBFS or volume path of a command that takes nothing else (a bare `/Volumes/...` is always the
/// volume here); any other path is a usage error that shows how to write it.
pub(super) fn remote_only(raw: &str) -> Result<Remote, CliError> {
    if let Some(remote) = Remote::parse_scheme(raw)? {
        return Ok(remote);
    }
    if let Some(remote) = Remote::parse_volume(raw)? {
        return Ok(remote);
    }
    let example = match raw.starts_with('/') {
        true => format!("{SCHEME}{raw}"),
        false => format!("{SCHEME}/tmp/data.csv"),
    };
    Err(CliError::Usage(format!(
        "`{raw}` is not a DBFS or volume path: DBFS paths start with {SCHEME}/, as in {example}, and volume \
         paths with /Volumes/<catalog>/<schema>/<volume>/"
    )))
}

/// A DBFS path, for the commands the Files API has no call for (`mv`).
pub(super) fn dbfs_only(raw: &str, command: &str) -> Result<RemotePath, CliError> {
    match remote_only(raw)? {
        Remote::Dbfs(path) => Ok(path),
        Remote::Volume(_) => Err(CliError::Usage(format!(
            "`dbr fs {command}` works on DBFS only: the Files API has no such call for volumes ({raw})"
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

    fn remote(raw: &str) -> Remote {
        remote_only(raw).unwrap()
    }

    #[test]
    fn dbfs_paths_lose_the_scheme_and_extra_slashes() {
        assert_eq!(remote("dbfs:/a/b"), Remote::Dbfs(RemotePath("/a/b".to_owned())));
        assert_eq!(remote("dbfs:/a//b/").api(), "/a/b");
        assert_eq!(remote("dbfs:/").api(), "/");
        assert!(matches!(Remote::parse_scheme("/a/b"), Ok(None)));
        assert!(matches!(Remote::parse_scheme("a/dbfs:/b"), Ok(None)));
        assert!(matches!(remote_only("dbfs:a"), Err(CliError::Usage(message)) if message.contains("dbfs:/a")));
    }

    #[test]
    fn volume_paths_with_or_without_the_scheme() {
        let volume = Remote::Volume(RemotePath("/Volumes/main/default/landing/a.csv".to_owned()));
        assert_eq!(remote("dbfs:/Volumes/main/default/landing/a.csv"), volume);
        assert_eq!(remote("/Volumes/main/default/landing//a.csv"), volume);
        assert_eq!(volume.to_string(), "/Volumes/main/default/landing/a.csv");
        assert_eq!(remote("/Volumes/main/default/landing").name(), Some("landing"));
        for short in ["/Volumes/main/default", "dbfs:/Volumes", "/Volumes/"] {
            assert!(
                matches!(remote_only(short), Err(CliError::Usage(message)) if message.contains("<volume>")),
                "{short}"
            );
        }
        // Only the first segment makes a volume path.
        assert_eq!(
            remote("dbfs:/mnt/Volumes/a/b/c"),
            Remote::Dbfs(RemotePath("/mnt/Volumes/a/b/c".to_owned()))
        );
    }

    #[test]
    fn dbfs_paths_join_and_name() {
        let root = RemotePath::from_api("/");
        assert_eq!(root.join("a/b").api(), "/a/b");
        assert_eq!(root.join("").api(), "/");
        assert_eq!(root.name(), None);
        let dir = Remote::Dbfs(RemotePath::from_api("dbfs:/x/y"));
        assert_eq!(dir.join("z").to_string(), "dbfs:/x/y/z");
        assert_eq!(dir.join("").api(), "/x/y");
        assert_eq!(dir.name(), Some("y"));
    }

    #[test]
    fn paths_without_the_scheme_are_refused_with_a_hint() {
        let hint = |raw| match remote_only(raw) {
            Err(CliError::Usage(message)) => message,
            other => panic!("{other:?}"),
        };
        assert!(hint("/tmp/x").contains("dbfs:/tmp/x"), "{}", hint("/tmp/x"));
        assert!(hint("tmp/x").contains("start with dbfs:/"), "{}", hint("tmp/x"));
        assert_eq!(dbfs_only("dbfs:/tmp/x", "mv").unwrap().api(), "/tmp/x");
        let volume = dbfs_only("/Volumes/c/s/v/x", "mv");
        assert!(matches!(volume, Err(CliError::Usage(message)) if message.contains("DBFS only")));
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
        assert!(matches!(
            Location::parse("dbfs:/Volumes/c/s/v/f").unwrap(),
            Location::Remote(Remote::Volume(_))
        ));
    }
}
