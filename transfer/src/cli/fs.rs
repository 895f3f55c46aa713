//! `dbr fs ls|cat|rm|mkdir|mv`: one DBFS call each (`cat` one per MiB), or their Files API counterparts for
//! volumes (`mv` is DBFS only). `cp` is in [`super::cp`].

use std::pin::Pin;
use std::task::{Context, Poll};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use databricks_client::models::{DbfsDelete, DbfsMkdirs, DbfsMove, DbfsReadParams, FilesListDirectoryContentsParams};
use databricks_client::{Client, ErrorKind};
use databricks_runtime::cli::clap::{Arg, ArgAction, ArgMatches, Command};
use databricks_runtime::cli::{CliError, ItemStream, Output, Session, limit_arg, utc_minute};
use futures_core::Stream;
use serde_json::value::RawValue;
use serde_json::{Value, json};

use super::paths::{Location, Remote, RemotePath, dbfs_only, remote_only};
use super::tree::{Tree, walk_remote};
use super::{client, cp, describe, human_size, value};
use crate::DBFS_BLOCK_SIZE;
use crate::error::is_kind;
use crate::files::{self, Metadata};

const PATH: &str = "PATH";
const SOURCE: &str = "SRC";
const DESTINATION: &str = "DST";
const LONG: &str = "long";
const RECURSIVE: &str = "recursive";

/// `-o table` and `-o text` columns of `fs ls`, and of `fs ls -l` (the fields of [`readable_entry`]).
const NAME_COLUMNS: &[&str] = &["path"];
const LONG_COLUMNS: &[&str] = &["type", "size", "modified (UTC)", "path"];

/// Every `fs` command, in the order `dbr fs --help` lists them.
pub(super) fn commands() -> Vec<Command> {
    let path = |help: &'static str| Arg::new(PATH).required(true).value_name(PATH).help(help);
    vec![
        Command::new("ls")
            .about("List a DBFS or volume folder")
            .long_about(
                "List a DBFS or volume folder (or describe a file): one item per entry, as the API gives it, in \
                 JSON (DBFS: path, is_dir, file_size and modification_time in milliseconds since 1970; a volume: \
                 path, name, is_directory, file_size and last_modified); -o table and -o text show the paths, or \
                 with -l the type (file or directory), the size in binary units (1.5 KiB), the modification \
                 time in UTC (2024-01-15 09:29) and the path.",
            )
            .arg(path(
                "The folder, as dbfs:/... or /Volumes/<catalog>/<schema>/<volume>/...",
            ))
            .arg(
                Arg::new(LONG)
                    .short('l')
                    .long(LONG)
                    .action(ArgAction::SetTrue)
                    .help("Show type, size and modification time (UTC) in tables and text too"),
            )
            .arg(limit_arg()),
        Command::new("cat")
            .about("Print a DBFS or volume file to standard output")
            .arg(path("The file, as dbfs:/... or /Volumes/...")),
        cp::command(),
        Command::new("rm")
            .about("Delete a DBFS or volume file or folder")
            .arg(path("The file or folder, as dbfs:/... or /Volumes/..."))
            .arg(
                Arg::new(RECURSIVE)
                    .short('r')
                    .long(RECURSIVE)
                    .action(ArgAction::SetTrue)
                    .help("Also delete everything in the folder; a folder that is not empty needs it"),
            ),
        Command::new("mkdir")
            .about("Create a DBFS or volume folder and any missing parents")
            .arg(path(
                "The folder, as dbfs:/... or /Volumes/<catalog>/<schema>/<volume>/...",
            )),
        Command::new("mv")
            .about("Move or rename a DBFS file or folder")
            .long_about(
                "Move or rename a DBFS file or folder. Moved into an existing folder, it keeps its name; nothing \
                 else may exist at the destination.",
            )
            .arg(
                Arg::new(SOURCE)
                    .required(true)
                    .value_name(SOURCE)
                    .help("What to move, as dbfs:/..."),
            )
            .arg(
                Arg::new(DESTINATION)
                    .required(true)
                    .value_name(DESTINATION)
                    .help("The new path, or a folder to move it into, as dbfs:/..."),
            ),
    ]
}

pub(super) fn ls(matches: &ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    let remote = remote_only(value(matches, PATH))?;
    let client = client(session)?;
    let entries: ItemStream = match &remote {
        Remote::Dbfs(path) => Box::pin(client.dbfs().list_all(path.api()).into_raw()),
        Remote::Volume(path) => session.block_on(list_volume(&client, &remote, path))?,
    };
    // JSON (`-o json`, `--jq`) stays the API's data; only tables and text show it for people.
    if matches.get_flag(LONG) && session.readable_output() {
        return Ok(Output::Items {
            items: Box::pin(ReadableEntries(entries)),
            columns: LONG_COLUMNS,
        });
    }
    Ok(Output::Items {
        items: entries,
        columns: NAME_COLUMNS,
    })
}

/// The entries of a volume folder as they arrive, or the one entry of a file.
async fn list_volume(client: &Client, remote: &Remote, path: &RemotePath) -> Result<ItemStream, CliError> {
    let params = FilesListDirectoryContentsParams::default();
    match client.files().get_directory_metadata(path.api()).await {
        Ok(()) => {
            return Ok(Box::pin(
                client
                    .files()
                    .list_directory_contents_all(path.api(), &params)
                    .into_raw(),
            ));
        }
        Err(error) if is_kind(&error, ErrorKind::NotFound) => {}
        Err(error) => return Err(error.into()),
    }
    let Some(Metadata::File { size, last_modified }) = files::metadata(client, path.api())
        .await
        .map_err(|error| CliError::Failed(describe(&error)))?
    else {
        return Err(CliError::Failed(format!("nothing exists at {remote}")));
    };
    let entry = json!({
        "path": path.api(),
        "name": path.name(),
        "is_directory": false,
        "file_size": size,
        "last_modified": last_modified,
    });
    let raw = serde_json::value::to_raw_value(&entry)
        .map_err(|error| CliError::Failed(format!("cannot print the entry: {error}")))?;
    Ok(Box::pin(One(Some(raw))))
}

/// A stream of one item.
struct One(Option<Box<RawValue>>);

impl Stream for One {
    type Item = <ItemStream as Stream>::Item;

    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Poll::Ready(self.0.take().map(Ok))
    }
}

/// The entries of a listing, each as [`readable_entry`] shows it, as they arrive.
struct ReadableEntries(ItemStream);

impl Stream for ReadableEntries {
    type Item = <ItemStream as Stream>::Item;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0
            .as_mut()
            .poll_next(cx)
            .map(|entry| entry.map(|entry| entry.map(readable_raw)))
    }
}

/// [`readable_entry`] of an entry as the server wrote it; an entry that cannot be read is shown as it is.
fn readable_raw(entry: Box<RawValue>) -> Box<RawValue> {
    serde_json::from_str::<Value>(entry.get())
        .ok()
        .and_then(|value| serde_json::value::to_raw_value(&readable_entry(&value)).ok())
        .unwrap_or(entry)
}

/// An entry (of DBFS or of a volume, whose names differ) as `ls -l` shows it: its type, its size in binary
/// units (none for a directory) and its modification time in UTC, to the minute.
fn readable_entry(entry: &Value) -> Value {
    let is_dir = entry["is_dir"] == true || entry["is_directory"] == true;
    let size = match entry["file_size"].as_u64() {
        _ if is_dir => "-".to_owned(),
        Some(bytes) => human_size(bytes),
        None => String::new(),
    };
    let modified = entry["modification_time"]
        .as_i64()
        .or(entry["last_modified"].as_i64())
        .map(utc_minute)
        .unwrap_or_default();
    json!({
        "type": if is_dir { "directory" } else { "file" },
        "size": size,
        "modified (UTC)": modified,
        "path": entry["path"],
    })
}

/// Reads the file in slices of [`DBFS_BLOCK_SIZE`] up to the size `dbfs.getStatus` gave, writing each slice
/// as it arrives; a file that shrinks meanwhile ends where it now ends.
pub(super) fn cat(matches: &ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    let remote = remote_only(value(matches, PATH))?;
    let client = client(session)?;
    if let Remote::Volume(_) = remote {
        // One request, its bytes written to standard output as they stream in.
        return cat_volume(&client, &remote, session);
    }
    let path = remote;
    let dbfs = client.dbfs();
    let info = session.block_on(dbfs.get_status(path.api()))?;
    if info.is_dir == Some(true) {
        return Err(CliError::Usage(format!(
            "{path} is a folder; list it with `dbr fs ls {path}`"
        )));
    }
    let size = info.file_size.unwrap_or(0);
    let mut offset = 0;
    while offset < size {
        let params = DbfsReadParams {
            offset: Some(offset),
            length: Some((size - offset).min(DBFS_BLOCK_SIZE as i64)),
        };
        let slice = session.block_on(dbfs.read(path.api(), &params))?;
        let data = BASE64.decode(slice.data.unwrap_or_default()).map_err(|error| {
            CliError::Failed(format!(
                "reading {path} at byte {offset} returned data that is not base64: {error}"
            ))
        })?;
        if data.is_empty() {
            break;
        }
        // A closed pipe (`dbr fs cat ... | head`) ends the output early, as intended.
        session.stdout().write_all(&data).map_err(CliError::writing)?;
        offset += data.len() as i64;
    }
    session.stdout().flush().map_err(CliError::writing)?;
    Ok(Output::Done)
}

fn cat_volume(client: &Client, path: &Remote, session: &mut Session<'_>) -> Result<Output, CliError> {
    match session.block_on(client.files().download(path.api())) {
        Ok(stream) => Ok(Output::Bytes(stream)),
        Err(error) if is_kind(&error, ErrorKind::NotFound) => {
            match session.block_on(client.files().get_directory_metadata(path.api())) {
                Ok(()) => Err(CliError::Usage(format!(
                    "{path} is a folder; list it with `dbr fs ls {path}`"
                ))),
                Err(_) => Err(error.into()),
            }
        }
        Err(error) => Err(error.into()),
    }
}

pub(super) fn rm(matches: &ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    let remote = remote_only(value(matches, PATH))?;
    let path = match &remote {
        Remote::Dbfs(path) => path,
        Remote::Volume(_) => return rm_volume(&remote, matches.get_flag(RECURSIVE), session),
    };
    if path.name().is_none() {
        return Err(CliError::Usage(
            "dbfs:/ is the root of DBFS and cannot be deleted".to_owned(),
        ));
    }
    let body = DbfsDelete {
        recursive: matches.get_flag(RECURSIVE).then_some(true),
        ..DbfsDelete::new(path.api())
    };
    let client = client(session)?;
    session.block_on(client.dbfs().delete(&body))?;
    Ok(Output::Done)
}

/// Deletes a file, an empty folder, or with `recursive` a folder and everything in it: the Files API
/// deletes only files and empty folders, so the files go first, then the folders, deepest first.
fn rm_volume(remote: &Remote, recursive: bool, session: &mut Session<'_>) -> Result<Output, CliError> {
    // `/Volumes/<catalog>/<schema>/<volume>`: the volume itself, which belongs to Unity Catalog.
    if remote.api().split('/').count() == 5 {
        return Err(CliError::Usage(format!(
            "{remote} is a volume, not a folder in one; delete what is in it, or the volume with Unity Catalog"
        )));
    }
    let client = client(session)?;
    let files = client.files();
    let path = remote.api();
    match session.block_on(files.get_directory_metadata(path)) {
        Ok(()) => {}
        Err(error) if is_kind(&error, ErrorKind::NotFound) => {
            session.block_on(files.delete(path))?;
            return Ok(Output::Done);
        }
        Err(error) => return Err(error.into()),
    }
    if !recursive {
        return match session.block_on(files.delete_directory(path)) {
            Err(error) if not_empty(&error) => Err(CliError::Failed(format!(
                "{remote} is a folder that is not empty; add -r to delete it with everything in it"
            ))),
            other => other.map(|_| Output::Done).map_err(Into::into),
        };
    }
    let tree: Tree = session.block_on(walk_remote(&client, remote))?;
    for (relative, _) in &tree.files {
        session.block_on(files.delete(remote.join(relative).api()))?;
    }
    for folder in folders_deepest_first(&tree) {
        session.block_on(files.delete_directory(remote.join(&folder).api()))?;
    }
    Ok(Output::Done)
}

/// The Files API's refusal to delete a folder that still holds something.
fn not_empty(error: &databricks_client::Error) -> bool {
    error.as_api().is_some_and(|api| {
        api.error_code.as_deref() == Some("FILES_API_DIRECTORY_IS_NOT_EMPTY")
            || api.message.contains("FILES_API_DIRECTORY_IS_NOT_EMPTY")
            || api.message.contains("not empty")
    })
}

/// Every folder of `tree` (the root, `""`, included), each after the folders inside it.
fn folders_deepest_first(tree: &Tree) -> Vec<String> {
    let mut folders = std::collections::BTreeSet::new();
    for leaf in &tree.leaf_folders {
        let mut folder = leaf.as_str();
        loop {
            folders.insert(folder.to_owned());
            match folder.rsplit_once('/') {
                Some((parent, _)) => folder = parent,
                None if !folder.is_empty() => folder = "",
                None => break,
            }
        }
    }
    let mut folders: Vec<String> = folders.into_iter().collect();
    folders.sort_by_key(|folder| {
        std::cmp::Reverse(if folder.is_empty() {
            0
        } else {
            folder.split('/').count()
        })
    });
    folders
}

pub(super) fn mkdir(matches: &ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    let remote = remote_only(value(matches, PATH))?;
    let client = client(session)?;
    match &remote {
        Remote::Dbfs(path) => session.block_on(client.dbfs().mkdirs(&DbfsMkdirs::new(path.api())))?,
        // Creates the missing parents too.
        Remote::Volume(path) => session.block_on(client.files().create_directory(path.api()))?,
    };
    Ok(Output::Done)
}

pub(super) fn mv(matches: &ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    let source = dbfs_only(value(matches, SOURCE), "mv")?;
    let destination = dbfs_only(value(matches, DESTINATION), "mv")?;
    let client = client(session)?;
    let destination = match source.name() {
        Some(name)
            if session.block_on(cp::is_folder(
                &client,
                &Location::Remote(Remote::Dbfs(destination.clone())),
            ))? =>
        {
            destination.join(name)
        }
        _ => destination,
    };
    session.block_on(client.dbfs().move_(&DbfsMove::new(source.api(), destination.api())))?;
    Ok(Output::Done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_entries_show_type_size_and_time() {
        let file = json!({"path": "/a.bin", "is_dir": false, "file_size": 1536, "modification_time": 0});
        assert_eq!(
            readable_entry(&file),
            json!({"type": "file", "size": "1.5 KiB", "modified (UTC)": "1970-01-01 00:00", "path": "/a.bin"})
        );
        let folder = json!({"path": "/sub", "is_dir": true, "file_size": 0});
        assert_eq!(
            readable_entry(&folder),
            json!({"type": "directory", "size": "-", "modified (UTC)": "", "path": "/sub"})
        );
        let volume_file =
            json!({"path": "/Volumes/c/s/v/a", "is_directory": false, "file_size": 2048, "last_modified": 0});
        assert_eq!(
            readable_entry(&volume_file),
            json!({"type": "file", "size": "2.0 KiB", "modified (UTC)": "1970-01-01 00:00", "path": "/Volumes/c/s/v/a"})
        );
        assert_eq!(
            readable_entry(&json!({"path": "/Volumes/c/s/v/d", "is_directory": true}))["type"],
            "directory"
        );
    }

    #[test]
    fn folders_are_deleted_after_the_folders_inside_them() {
        let tree = Tree {
            files: vec![("a/b/c/f".to_owned(), 1)],
            leaf_folders: vec!["a/b/c".to_owned(), "x".to_owned()],
            skipped: vec![],
        };
        let order = folders_deepest_first(&tree);
        let position = |folder: &str| order.iter().position(|found| found == folder).unwrap();
        assert_eq!(order.len(), 5, "{order:?}");
        assert!(position("a/b/c") < position("a/b") && position("a/b") < position("a"));
        assert!(position("a") < position("") && position("x") < position(""));
    }
}
