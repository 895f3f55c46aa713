//! `dbr fs cp`: a file, or a folder with `-r`, from this computer to DBFS or a volume, back, or between
//! them.
//!
//! Neither API has a copy call, so a copy between two remote paths downloads each file to a temporary file
//! here and uploads it again. A folder is copied as the Databricks CLI does: every file below SRC goes to the
//! same relative path below DST, whether or not DST exists.

use std::path::PathBuf;

use databricks_client::models::DbfsMkdirs;
use databricks_client::{Client, ErrorKind};
use databricks_runtime::cli::clap::{Arg, ArgAction, ArgMatches, Command};
use databricks_runtime::cli::{CliError, Output, Session};

use super::batch::{DEFAULT_CONCURRENCY, Job, Outcome, run_all};
use super::interrupt::{cancel_on_interrupt, or_interrupted};
use super::paths::{Location, Remote, local_join};
use super::progress::Meter;
use super::tree::{Tree, walk_local, walk_remote};
use super::{client, describe, value};
use crate::error::is_kind;
use crate::files::{self, Metadata};
use crate::temp_file::TempFile;
use crate::{CancellationToken, DownloadOptions, TransferError, UploadOptions, download, random_suffix, upload};

const SOURCE: &str = "SRC";
const DESTINATION: &str = "DST";
const RECURSIVE: &str = "recursive";
const OVERWRITE: &str = "overwrite";
const CONCURRENCY: &str = "concurrency";

pub(super) fn command() -> Command {
    Command::new("cp")
        .about("Copy files between this computer and DBFS or a volume, or between them")
        .long_about(
            "Copy files between this computer and DBFS or a Unity Catalog volume, or between them.\n\n\
             A path written dbfs:/... is in DBFS, one written /Volumes/<catalog>/<schema>/<volume>/... (or \
             dbfs:/Volumes/...) in a volume, reached through the Files API; any other path is local, and at least \
             one side must be remote. Where this computer has a /Volumes folder of its own (macOS), /Volumes/... \
             is that folder: write dbfs:/Volumes/... for the volume. \
             A file copied into an existing folder (or to a path ending in /) keeps its name. With -r, every file \
             below the folder SRC goes to the same relative path below DST, folders are created as needed, and \
             several files are copied at once. A copy between two remote paths passes through a temporary file on this \
             computer. A file reaches a volume whole or not at all.\n\n\
             A summary goes to standard error; on a terminal, a progress bar shows the bytes copied, the rate and \
             the time left. When some files of -r fail, the others are still copied, every failure is listed, \
             and the exit code is 4. Ctrl-C stops the copy, removes the partial files, and exits with code 130.",
        )
        .arg(
            Arg::new(SOURCE)
                .required(true)
                .value_name(SOURCE)
                .help("The file or folder to copy: dbfs:/..., /Volumes/... or a local path"),
        )
        .arg(
            Arg::new(DESTINATION)
                .required(true)
                .value_name(DESTINATION)
                .help("Where the copy goes: dbfs:/..., /Volumes/... or a local path"),
        )
        .arg(
            Arg::new(RECURSIVE)
                .short('r')
                .long(RECURSIVE)
                .action(ArgAction::SetTrue)
                .help("Copy a folder with everything in it"),
        )
        .arg(
            Arg::new(OVERWRITE)
                .long(OVERWRITE)
                .action(ArgAction::SetTrue)
                .help("Replace files that exist at the destination; without it, each is an error and left unchanged"),
        )
        .arg(
            Arg::new(CONCURRENCY)
                .long(CONCURRENCY)
                .value_name("N")
                .default_value("8")
                .value_parser(parse_concurrency)
                .help("How many files to copy at the same time"),
        )
}

fn parse_concurrency(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("at least one file must be copied at a time; use 1 or more".to_owned()),
        Ok(concurrency) => Ok(concurrency),
        Err(_) => Err(format!("`{text}` is not a whole number")),
    }
}

pub(super) fn cp(matches: &ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    let destination_text = value(matches, DESTINATION);
    let route = Route::new(
        Location::parse(value(matches, SOURCE))?,
        Location::parse(destination_text)?,
    )?;
    let recursive = matches.get_flag(RECURSIVE);
    let overwrite = matches.get_flag(OVERWRITE);
    let concurrency = matches
        .get_one::<usize>(CONCURRENCY)
        .copied()
        .unwrap_or(DEFAULT_CONCURRENCY);
    let client = client(session)?;
    let cancel = cancel_on_interrupt(session)?;
    let into_folder = ends_with_separator(destination_text);
    let plan = session.block_on(or_interrupted(
        &cancel,
        "copied",
        plan(&client, route, recursive, overwrite, into_folder),
    ))?;
    let meter = Meter::new(
        session.interactive(),
        plan.jobs.iter().map(CopyJob::progress_bytes).sum(),
    );
    let jobs = plan.jobs;
    let report = session.block_on(async {
        or_interrupted(&cancel, "copied", create_folders(&client, &plan.folders)).await?;
        Ok::<_, CliError>(run_all(&client, jobs, concurrency, &meter, &cancel).await)
    });
    meter.finish();
    let mut report = report?;
    if !plan.is_tree
        && let Some(error) = report.single_failure()
    {
        return Err(error);
    }
    report.skipped.extend(plan.skipped);
    report.conclude(session, "copied")
}

fn ends_with_separator(path: &str) -> bool {
    path.ends_with('/') || path.ends_with(std::path::MAIN_SEPARATOR)
}

/// The two ends of a copy; at least one is remote.
#[derive(Clone, Debug)]
enum Route {
    Upload {
        from: PathBuf,
        to: Remote,
    },
    Download {
        from: Remote,
        to: PathBuf,
    },
    /// Between two remote paths, through a temporary file here.
    Relay {
        from: Remote,
        to: Remote,
    },
}

impl Route {
    fn new(from: Location, to: Location) -> Result<Route, CliError> {
        match (from, to) {
            (Location::Local(from), Location::Remote(to)) => Ok(Route::Upload { from, to }),
            (Location::Remote(from), Location::Local(to)) => Ok(Route::Download { from, to }),
            (Location::Remote(from), Location::Remote(to)) => Ok(Route::Relay { from, to }),
            (Location::Local(from), Location::Local(to)) => Err(CliError::Usage(format!(
                "neither {} nor {} is a DBFS or volume path; write DBFS paths as dbfs:/... and volume paths as \
                 dbfs:/Volumes/..., and copy local files with your system's cp",
                from.display(),
                to.display()
            ))),
        }
    }

    fn from(&self) -> Location {
        match self {
            Route::Upload { from, .. } => Location::Local(from.clone()),
            Route::Download { from, .. } | Route::Relay { from, .. } => Location::Remote(from.clone()),
        }
    }

    fn to(&self) -> Location {
        match self {
            Route::Download { to, .. } => Location::Local(to.clone()),
            Route::Upload { to, .. } | Route::Relay { to, .. } => Location::Remote(to.clone()),
        }
    }

    /// The same route for the file at `relative` below both ends.
    fn join(&self, relative: &str) -> Route {
        match self {
            Route::Upload { from, to } => Route::Upload {
                from: local_join(from, relative),
                to: to.join(relative),
            },
            Route::Download { from, to } => Route::Download {
                from: from.join(relative),
                to: local_join(to, relative),
            },
            Route::Relay { from, to } => Route::Relay {
                from: from.join(relative),
                to: to.join(relative),
            },
        }
    }

    /// The same source, copied into the destination under `name`.
    fn into_folder(self, name: &str) -> Route {
        match self {
            Route::Upload { from, to } => Route::Upload {
                from,
                to: to.join(name),
            },
            Route::Download { from, to } => Route::Download {
                from,
                to: local_join(&to, name),
            },
            Route::Relay { from, to } => Route::Relay {
                from,
                to: to.join(name),
            },
        }
    }
}

/// What a copy will do, found before anything is written.
struct Plan {
    jobs: Vec<CopyJob>,
    /// Destination folders to create first (with their parents).
    folders: Vec<Location>,
    /// Entries of the source folder that are left out, and why.
    skipped: Vec<(String, String)>,
    /// A folder copy (`-r`): failures are listed one by one.
    is_tree: bool,
}

async fn plan(
    client: &Client,
    route: Route,
    recursive: bool,
    overwrite: bool,
    into_folder: bool,
) -> Result<Plan, CliError> {
    let from = route.from();
    let Some(size) = file_size(client, &from).await? else {
        return plan_tree(client, route, recursive, overwrite).await;
    };
    let route = match from.name() {
        Some(name) if into_folder || is_folder(client, &route.to()).await? => route.into_folder(name),
        _ => route,
    };
    Ok(Plan {
        jobs: vec![CopyJob { route, overwrite, size }],
        folders: Vec::new(),
        skipped: Vec::new(),
        is_tree: false,
    })
}

async fn plan_tree(client: &Client, route: Route, recursive: bool, overwrite: bool) -> Result<Plan, CliError> {
    let from = route.from();
    if !recursive {
        return Err(CliError::Usage(format!(
            "{from} is a folder; add -r to copy it with everything in it"
        )));
    }
    let tree: Tree = match &from {
        Location::Local(path) => walk_local(path)?,
        Location::Remote(remote) => walk_remote(client, remote).await?,
    };
    let to = route.to();
    Ok(Plan {
        jobs: tree
            .files
            .iter()
            .map(|(relative, size)| CopyJob {
                route: route.join(relative),
                overwrite,
                size: *size,
            })
            .collect(),
        folders: tree.leaf_folders.iter().map(|relative| to.join(relative)).collect(),
        skipped: tree
            .skipped
            .into_iter()
            .map(|(relative, reason)| (from.join(&relative).to_string(), reason))
            .collect(),
        is_tree: true,
    })
}

/// The size of the file at `location`; `None` for a folder. A missing DBFS path is the API's error.
async fn file_size(client: &Client, location: &Location) -> Result<Option<u64>, CliError> {
    match location {
        Location::Local(path) => {
            let metadata = std::fs::metadata(path)
                .map_err(|error| CliError::Failed(format!("cannot read {}: {error}", path.display())))?;
            Ok((!metadata.is_dir()).then_some(metadata.len()))
        }
        Location::Remote(Remote::Dbfs(path)) => {
            let info = client.dbfs().get_status(path.api()).await?;
            let size = info.file_size.and_then(|size| u64::try_from(size).ok()).unwrap_or(0);
            Ok((info.is_dir != Some(true)).then_some(size))
        }
        Location::Remote(remote @ Remote::Volume(path)) => match files::metadata(client, path.api()).await {
            Ok(Some(Metadata::Directory)) => Ok(None),
            Ok(Some(Metadata::File { size, .. })) => Ok(Some(size.unwrap_or(0))),
            Ok(None) => Err(CliError::Failed(format!("nothing exists at {remote}"))),
            Err(error) => Err(CliError::Failed(describe(&error))),
        },
    }
}

/// Whether a folder exists at `location`.
pub(super) async fn is_folder(client: &Client, location: &Location) -> Result<bool, CliError> {
    match location {
        Location::Local(path) => Ok(path.is_dir()),
        Location::Remote(Remote::Dbfs(path)) => match client.dbfs().get_status(path.api()).await {
            Ok(info) => Ok(info.is_dir == Some(true)),
            Err(error) if is_kind(&error, ErrorKind::NotFound) => Ok(false),
            Err(error) => Err(error.into()),
        },
        Location::Remote(Remote::Volume(path)) => match client.files().get_directory_metadata(path.api()).await {
            Ok(()) => Ok(true),
            Err(error) if is_kind(&error, ErrorKind::NotFound) => Ok(false),
            Err(error) => Err(error.into()),
        },
    }
}

async fn create_folders(client: &Client, folders: &[Location]) -> Result<(), CliError> {
    for folder in folders {
        match folder {
            Location::Local(path) => std::fs::create_dir_all(path)
                .map_err(|error| CliError::Failed(format!("cannot create the folder {}: {error}", path.display())))?,
            Location::Remote(Remote::Dbfs(path)) => {
                client.dbfs().mkdirs(&DbfsMkdirs::new(path.api())).await?;
            }
            Location::Remote(Remote::Volume(path)) => {
                client.files().create_directory(path.api()).await?;
            }
        }
    }
    Ok(())
}

/// One file to copy.
struct CopyJob {
    route: Route,
    overwrite: bool,
    size: u64,
}

impl CopyJob {
    /// What the job adds to the progress bar: a relay moves every byte twice.
    fn progress_bytes(&self) -> u64 {
        match self.route {
            Route::Relay { .. } => 2 * self.size,
            _ => self.size,
        }
    }
}

impl Job for CopyJob {
    fn label(&self) -> String {
        format!("{} -> {}", self.route.from(), self.route.to())
    }

    async fn run(self, client: Client, meter: Meter, cancel: CancellationToken) -> Result<Outcome, TransferError> {
        let uploading = UploadOptions {
            overwrite: self.overwrite,
            progress: meter.for_transfer(),
            cancel: Some(cancel.clone()),
        };
        let downloading = DownloadOptions {
            progress: meter.for_transfer(),
            cancel: Some(cancel.clone()),
        };
        let bytes = match &self.route {
            Route::Upload { from, to } => upload_to(&client, from, to, &uploading).await?,
            Route::Download { from, to } => {
                // `download` replaces what is there; refusing is this command's choice.
                if !self.overwrite && tokio::fs::try_exists(to).await.unwrap_or(false) {
                    return Err(TransferError::AlreadyExists {
                        path: to.display().to_string(),
                    });
                }
                download_from(&client, from, to, &downloading).await?
            }
            Route::Relay { from, to } => {
                // Checked first so an existing file costs no download; the upload checks again.
                if !self.overwrite {
                    let checked = cancel.run_until_cancelled(exists(&client, to)).await;
                    let cancelled = || TransferError::Cancelled { path: to.to_string() };
                    if checked.ok_or_else(cancelled)?? {
                        return Err(TransferError::AlreadyExists { path: to.to_string() });
                    }
                }
                let temp = TempFile::new(std::env::temp_dir().join(format!(".dbr-cp-{}", random_suffix())));
                download_from(&client, from, temp.path(), &downloading).await?;
                upload_to(&client, temp.path(), to, &uploading).await?
            }
        };
        Ok(Outcome::Done { bytes })
    }
}

async fn upload_to(
    client: &Client,
    from: &std::path::Path,
    to: &Remote,
    options: &UploadOptions,
) -> Result<u64, TransferError> {
    match to {
        Remote::Dbfs(path) => upload(client, from, path.api(), options).await,
        Remote::Volume(path) => files::upload(client, from, path.api(), options).await,
    }
}

async fn download_from(
    client: &Client,
    from: &Remote,
    to: &std::path::Path,
    options: &DownloadOptions,
) -> Result<u64, TransferError> {
    match from {
        Remote::Dbfs(path) => download(client, path.api(), to, options).await,
        Remote::Volume(path) => files::download(client, path.api(), to, options).await,
    }
}

async fn exists(client: &Client, remote: &Remote) -> Result<bool, TransferError> {
    match remote {
        Remote::Dbfs(path) => match client.dbfs().get_status(path.api()).await {
            Ok(_) => Ok(true),
            Err(error) if is_kind(&error, ErrorKind::NotFound) => Ok(false),
            Err(error) => Err(TransferError::api("checking", path.api(), error)),
        },
        Remote::Volume(path) => Ok(files::metadata(client, path.api()).await?.is_some()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concurrency_is_a_positive_whole_number() {
        assert_eq!(parse_concurrency("1"), Ok(1));
        assert_eq!(parse_concurrency("16"), Ok(16));
        assert!(parse_concurrency("0").is_err());
        assert!(parse_concurrency("-1").is_err());
        assert!(parse_concurrency("many").is_err());
    }

    #[test]
    fn the_default_concurrency_is_the_batch_default() {
        let matches = command().try_get_matches_from(["cp", "a", "dbfs:/b"]).unwrap();
        assert_eq!(matches.get_one::<usize>(CONCURRENCY), Some(&DEFAULT_CONCURRENCY));
    }

    #[test]
    fn routes_need_a_remote_side() {
        let route = |from, to| Route::new(Location::parse(from).unwrap(), Location::parse(to).unwrap());
        assert!(matches!(route("a", "dbfs:/b"), Ok(Route::Upload { .. })));
        assert!(matches!(route("dbfs:/a", "b"), Ok(Route::Download { .. })));
        assert!(matches!(route("dbfs:/a", "dbfs:/b"), Ok(Route::Relay { .. })));
        assert!(matches!(route("a", "b"), Err(CliError::Usage(_))));
        assert!(matches!(
            route("dbfs:/a", "dbfs:/Volumes/c/s/v/b"),
            Ok(Route::Relay { .. })
        ));
        assert!(matches!(
            route("dbfs:/Volumes/c/s/v/a", "b"),
            Ok(Route::Download { .. })
        ));
    }

    #[test]
    fn routes_join_both_ends_or_name_the_destination() {
        let route = Route::new(Location::parse("src").unwrap(), Location::parse("dbfs:/dst").unwrap()).unwrap();
        let file = route.join("a/b.txt");
        assert_eq!(
            file.from(),
            Location::Local(PathBuf::from("src").join("a").join("b.txt"))
        );
        assert_eq!(file.to().to_string(), "dbfs:/dst/a/b.txt");
        let into = route.into_folder("src");
        assert_eq!(into.from(), Location::Local(PathBuf::from("src")));
        assert_eq!(into.to().to_string(), "dbfs:/dst/src");
    }
}
