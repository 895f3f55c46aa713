//! `dbr fs ls|cat|cp|rm|mkdir|mv`, `dbr workspace export-dir|import-dir`, `dbr workspace export --file` and
//! `dbr account billable-usage download --file`:
//! the file commands of the CLI, built on this crate's transfers; and `dbr sql`, a statement's rows as they
//! arrive. `dbr repos get|update|delete` also take a Git folder's workspace path, and `dbr repos create` finds
//! the provider from the URL.
//!
//! A path written `dbfs:/a/b` is in DBFS, `/Volumes/<catalog>/<schema>/<volume>/...` (or `dbfs:/Volumes/...`)
//! in a Unity Catalog volume, reached through the Files API; any other path is on this computer. Commands
//! that move many files run several at a time ([`batch`]); a file that fails does not stop the others, every
//! failure is listed on standard error, and the command then exits with code 4. Ctrl-C or SIGTERM stops them, removes their
//! partial files, and exits with code 130 ([`interrupt`]).

mod batch;
mod cp;
mod fs;
mod interrupt;
mod paths;
mod progress;
mod repos;
mod sql;
mod tree;
mod usage;
mod workspace_dir;

use databricks_client::Client;
use databricks_runtime::cli::{CliError, Extension, Output, Session, add_to_group, clap};

use crate::TransferError;

/// The file commands, handed to `databricks_runtime::cli::main` by the generated CLI.
pub static FILE_COMMANDS: FileCommands = FileCommands;

pub struct FileCommands;

const FS_ABOUT: &str =
    "Work with DBFS files (dbfs:/ paths) and volume files (/Volumes/ paths) and copy them to and from this computer";
const WORKSPACE_ABOUT: &str = "Notebooks, files and folders of the workspace";

impl Extension for FileCommands {
    fn register(&self, root: clap::Command) -> clap::Command {
        let root = fs::commands()
            .into_iter()
            .fold(root, |root, command| add_to_group(root, "fs", FS_ABOUT, command));
        let root = workspace_dir::commands().into_iter().fold(root, |root, command| {
            add_to_group(root, "workspace", WORKSPACE_ABOUT, command)
        });
        let root = workspace_dir::add_export_file(root);
        let root = repos::accept_paths(root);
        let root = usage::add_download_file(root);
        root.subcommand(sql::command())
    }

    fn run(
        &self,
        path: &[&str],
        matches: &clap::ArgMatches,
        session: &mut Session<'_>,
    ) -> Option<Result<Output, CliError>> {
        let result = match path {
            ["fs", "ls"] => fs::ls(matches, session),
            ["fs", "cat"] => fs::cat(matches, session),
            ["fs", "cp"] => cp::cp(matches, session),
            ["fs", "rm"] => fs::rm(matches, session),
            ["fs", "mkdir"] => fs::mkdir(matches, session),
            ["fs", "mv"] => fs::mv(matches, session),
            ["workspace", "export-dir"] => workspace_dir::export_dir(matches, session),
            ["workspace", "import-dir"] => workspace_dir::import_dir(matches, session),
            ["workspace", "export"] => return workspace_dir::export_file_command(matches, session),
            ["account", "billable-usage", "download"] => return usage::download_file_command(matches, session),
            ["repos", "get"] => repos::get(matches, session),
            ["repos", "update"] => repos::update(matches, session),
            ["repos", "delete"] => repos::delete(matches, session),
            ["repos", "create"] => return repos::create_command(matches, session),
            ["sql"] => sql::sql(matches, session),
            _ => return None,
        };
        Some(result)
    }

    fn groups(&self) -> &'static [(&'static str, &'static str)] {
        // Beside the `dbfs` and `workspace` services of the spec.
        &[("fs", "Files and workspace"), ("sql", "SQL")]
    }
}

/// The value of a required argument (clap has checked that it is there).
fn value<'a>(matches: &'a clap::ArgMatches, id: &str) -> &'a str {
    matches.get_one::<String>(id).map(String::as_str).unwrap_or_default()
}

fn client(session: &mut Session<'_>) -> Result<Client, CliError> {
    Ok(Client::from_runtime(session.client()?))
}

/// A transfer error as the command line words it: options are flags here.
fn describe(error: &TransferError) -> String {
    match error {
        TransferError::AlreadyExists { path } => {
            format!("{path} already exists and was left unchanged; add --overwrite to replace it")
        }
        other => other.to_string(),
    }
}

/// `512 B`, `1.5 KiB`, `5.0 MiB`: binary units, as the API's limits are.
fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["KiB", "MiB", "GiB", "TiB", "PiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut size = bytes as f64 / 1024.0;
    let mut unit = 0;
    while size >= 1024.0 && unit + 1 < UNITS.len() {
        size /= 1024.0;
        unit += 1;
    }
    format!("{size:.1} {}", UNITS[unit])
}

/// `1 file`, `3 files`.
fn count_files(count: usize) -> String {
    match count {
        1 => "1 file".to_owned(),
        _ => format!("{count} files"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_binary_units() {
        assert_eq!(human_size(0), "0 B");
        assert_eq!(human_size(1023), "1023 B");
        assert_eq!(human_size(1024), "1.0 KiB");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(5 * 1024 * 1024), "5.0 MiB");
        assert_eq!(human_size(10 * 1024 * 1024 * 1024), "10.0 GiB");
    }

    #[test]
    fn existing_files_point_at_the_flag() {
        let error = TransferError::AlreadyExists {
            path: "/a.txt".to_owned(),
        };
        assert_eq!(
            describe(&error),
            "/a.txt already exists and was left unchanged; add --overwrite to replace it"
        );
    }
}
