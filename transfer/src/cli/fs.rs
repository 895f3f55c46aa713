//! `dbr fs ls|cat|rm|mkdir|mv`: one DBFS call each (`cat` one per MiB). `cp` is in [`super::cp`].

use std::pin::Pin;
use std::task::{Context, Poll};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use databricks_client::models::{DbfsDelete, DbfsMkdirs, DbfsMove, DbfsReadParams};
use databricks_runtime::cli::clap::{Arg, ArgAction, ArgMatches, Command};
use databricks_runtime::cli::{CliError, ItemStream, Output, Session, limit_arg, utc_minute};
use futures_core::Stream;
use serde_json::value::RawValue;
use serde_json::{Value, json};

use super::paths::{Location, dbfs_only};
use super::{client, cp, human_size, value};
use crate::DBFS_BLOCK_SIZE;

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
            .about("List a DBFS folder")
            .long_about(
                "List a DBFS folder (or describe a file): one item per entry, with path, is_dir, file_size and \
                 modification_time (milliseconds since 1970) in JSON; -o table and -o text show the paths, or \
                 with -l the type (file or directory), the size in binary units (1.5 KiB), the modification \
                 time in UTC (2024-01-15 09:29) and the path.",
            )
            .arg(path("The folder, as dbfs:/..."))
            .arg(
                Arg::new(LONG)
                    .short('l')
                    .long(LONG)
                    .action(ArgAction::SetTrue)
                    .help("Show type, size and modification time (UTC) in tables and text too"),
            )
            .arg(limit_arg()),
        Command::new("cat")
            .about("Print a DBFS file to standard output")
            .arg(path("The file, as dbfs:/...")),
        cp::command(),
        Command::new("rm")
            .about("Delete a DBFS file or folder")
            .arg(path("The file or folder, as dbfs:/..."))
            .arg(
                Arg::new(RECURSIVE)
                    .short('r')
                    .long(RECURSIVE)
                    .action(ArgAction::SetTrue)
                    .help("Also delete everything in the folder; a folder that is not empty needs it"),
            ),
        Command::new("mkdir")
            .about("Create a DBFS folder and any missing parents")
            .arg(path("The folder, as dbfs:/...")),
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
    let path = dbfs_only(value(matches, PATH))?;
    let client = client(session)?;
    let entries: ItemStream = Box::pin(client.dbfs().list_all(path.api()).into_raw());
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

/// An entry as `ls -l` shows it: its type, its size in binary units (none for a directory) and its
/// modification time in UTC, to the minute.
fn readable_entry(entry: &Value) -> Value {
    let is_dir = entry["is_dir"] == true;
    let size = match entry["file_size"].as_u64() {
        _ if is_dir => "-".to_owned(),
        Some(bytes) => human_size(bytes),
        None => String::new(),
    };
    let modified = entry["modification_time"].as_i64().map(utc_minute).unwrap_or_default();
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
    let path = dbfs_only(value(matches, PATH))?;
    let client = client(session)?;
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

pub(super) fn rm(matches: &ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    let path = dbfs_only(value(matches, PATH))?;
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

pub(super) fn mkdir(matches: &ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    let path = dbfs_only(value(matches, PATH))?;
    let client = client(session)?;
    session.block_on(client.dbfs().mkdirs(&DbfsMkdirs::new(path.api())))?;
    Ok(Output::Done)
}

pub(super) fn mv(matches: &ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    let source = dbfs_only(value(matches, SOURCE))?;
    let destination = dbfs_only(value(matches, DESTINATION))?;
    let client = client(session)?;
    let destination = match source.name() {
        Some(name) if session.block_on(cp::is_folder(&client, &Location::Dbfs(destination.clone())))? => {
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
    }
}
