//! `dbr fs ls|cat|cp|rm|mkdir|mv` and `dbr workspace export-dir|import-dir`: the file commands of the CLI,
//! built on this crate's transfers.

use databricks_runtime::cli::{CliError, Extension, Output, Session, clap};

/// The file commands, handed to `databricks_runtime::cli::main` by the generated CLI.
pub static FILE_COMMANDS: FileCommands = FileCommands;

pub struct FileCommands;

impl Extension for FileCommands {
    fn register(&self, root: clap::Command) -> clap::Command {
        root
    }

    fn run(
        &self,
        _path: &[&str],
        _matches: &clap::ArgMatches,
        _session: &mut Session<'_>,
    ) -> Option<Result<Output, CliError>> {
        None
    }
}
