//! `dbr account billable-usage download START END --file FILE`: the usage CSV saved to a file that is replaced
//! only once the download is complete.

use std::path::PathBuf;

use databricks_client::{AccountClient, models};
use databricks_runtime::cli::clap::{Arg, ArgMatches, Command};
use databricks_runtime::cli::{CliError, Output, Session};

use super::describe;
use super::interrupt::cancel_on_interrupt;
use crate::save_stream;

/// `--file` of the spec's `dbr account billable-usage download`, and the ids of the command's own arguments.
const FILE: &str = "file";
const START_MONTH: &str = "START_MONTH";
const END_MONTH: &str = "END_MONTH";
const PERSONAL_DATA: &str = "personal-data";

/// Gives the spec's `account billable-usage download` command `--file FILE`.
pub(super) fn add_download_file(root: Command) -> Command {
    let has_download = root
        .find_subcommand("account")
        .and_then(|account| account.find_subcommand("billable-usage"))
        .is_some_and(|usage| usage.find_subcommand("download").is_some());
    if !has_download {
        return root;
    }
    let file = Arg::new(FILE).long(FILE).value_name("FILE").help(
        "Write the CSV to this local file instead of standard output; an existing file is replaced once the \
         download is complete, and left as it was if it fails",
    );
    root.mut_subcommand("account", |account| {
        account.mut_subcommand("billable-usage", |usage| {
            usage.mut_subcommand("download", |download| download.arg(file))
        })
    })
}

/// `dbr account billable-usage download START END --file FILE`; `None` without `--file`, which the generated
/// command answers by streaming to standard output.
pub(super) fn download_file_command(
    matches: &ArgMatches,
    session: &mut Session<'_>,
) -> Option<Result<Output, CliError>> {
    let destination = PathBuf::from(matches.get_one::<String>(FILE)?);
    Some(download(matches, &destination, session))
}

fn download(
    matches: &ArgMatches,
    destination: &std::path::Path,
    session: &mut Session<'_>,
) -> Result<Output, CliError> {
    let month = |id: &str| {
        matches.get_one::<String>(id).cloned().ok_or_else(|| {
            CliError::Usage("give the months: `dbr account billable-usage download START END --file FILE`".to_owned())
        })
    };
    let (start, end) = (month(START_MONTH)?, month(END_MONTH)?);
    let params = models::AccountBillableUsageDownloadParams {
        personal_data: matches.get_one::<bool>(PERSONAL_DATA).copied(),
    };
    let (runtime, account_id) = session.account_client()?;
    let account = AccountClient::from_runtime(runtime, account_id);
    let cancel = cancel_on_interrupt(session)?;
    // Dropping the download on Ctrl-C removes its temporary file; the destination is untouched until the end.
    let downloading = async {
        let stream = account
            .billable_usage()
            .download(&start, &end, &params)
            .await
            .map_err(CliError::from)?;
        save_stream(stream, destination, "the billable usage")
            .await
            .map_err(|error| CliError::Failed(describe(&error)))
    };
    match session.block_on(cancel.run_until_cancelled(downloading)) {
        Some(Ok(_)) => Ok(Output::Done),
        Some(Err(error)) => Err(error),
        None => Err(CliError::Interrupted(format!(
            "interrupted; {} was left unchanged",
            destination.display()
        ))),
    }
}
