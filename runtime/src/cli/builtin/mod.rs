//! Commands every CLI has besides the spec's: `api`, `configure` and `auth describe`.

use super::{CliError, Extension, Output, Session};

pub(super) struct Builtin;

pub(super) static BUILTIN: Builtin = Builtin;

impl Extension for Builtin {
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
