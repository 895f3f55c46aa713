//! Many transfers at once: at most `concurrency` in flight on the command's runtime, every outcome kept,
//! and one report at the end. An interrupt starts no more transfers and lets those under way stop and clean
//! up ([`super::interrupt`]).

use std::future::Future;

use databricks_client::Client;
use databricks_runtime::cli::{CliError, Output, Session};
use tokio::task::JoinSet;

use super::progress::Meter;
use super::{count_files, describe, human_size};
use crate::{CancellationToken, TransferError};

/// `--concurrency` when not given.
pub(super) const DEFAULT_CONCURRENCY: usize = 8;

/// How a transfer ended, when it did not fail.
#[derive(Debug)]
pub(super) enum Outcome {
    Done {
        bytes: u64,
    },
    /// Left out on purpose (over an API limit, say): a warning, not a failure.
    Skipped {
        reason: String,
    },
}

/// One transfer of a batch.
pub(super) trait Job: Send + 'static {
    /// How messages name the transfer: `a/b.txt -> dbfs:/dst/a/b.txt`.
    fn label(&self) -> String;

    /// Does the transfer. When `cancel` fires, it stops soon, removes what it wrote, and fails with
    /// [`TransferError::Cancelled`] (or [`TransferError::LeftBehind`] naming what could not be removed).
    fn run(
        self,
        client: Client,
        meter: Meter,
        cancel: CancellationToken,
    ) -> impl Future<Output = Result<Outcome, TransferError>> + Send + 'static;
}

/// What a batch did.
#[derive(Debug, Default)]
pub(super) struct Report {
    pub(super) jobs: usize,
    pub(super) done: usize,
    pub(super) bytes: u64,
    /// What was left out and why, by label.
    pub(super) skipped: Vec<(String, String)>,
    pub(super) failed: Vec<(String, TransferError)>,
    /// Jobs that an interrupt stopped or kept from starting; those it stopped without cleaning up are also
    /// in `failed`.
    pub(super) stopped: usize,
}

/// Runs every job, at most `concurrency` at a time, in the order given; a failure does not stop the others,
/// `cancel` does.
pub(super) async fn run_all<J: Job>(
    client: &Client,
    jobs: Vec<J>,
    concurrency: usize,
    meter: &Meter,
    cancel: &CancellationToken,
) -> Report {
    let mut report = Report {
        jobs: jobs.len(),
        ..Report::default()
    };
    let mut waiting = jobs.into_iter();
    let mut running = JoinSet::new();
    loop {
        while running.len() < concurrency
            && !cancel.is_cancelled()
            && let Some(job) = waiting.next()
        {
            let label = job.label();
            let work = job.run(client.clone(), meter.clone(), cancel.clone());
            running.spawn(async move { (label, work.await) });
        }
        let Some(finished) = running.join_next().await else {
            break;
        };
        // Tasks are never cancelled, so an error is a panic: passed on as if there were no task.
        let (label, outcome) = finished.unwrap_or_else(|error| std::panic::resume_unwind(error.into_panic()));
        match outcome {
            Ok(Outcome::Done { bytes }) => {
                report.done += 1;
                report.bytes += bytes;
            }
            Ok(Outcome::Skipped { reason }) => report.skipped.push((label, reason)),
            Err(TransferError::Cancelled { .. }) => report.stopped += 1,
            Err(error) => {
                // Stopped, but what it wrote could not be removed: counted, and listed for its leftover.
                if let TransferError::LeftBehind { error: cause, .. } = &error
                    && matches!(**cause, TransferError::Cancelled { .. })
                {
                    report.stopped += 1;
                }
                report.failed.push((label, error));
            }
        }
    }
    report.stopped += waiting.len();
    report
}

impl Report {
    /// The error of a batch of one job that failed: reported as the command's error, without a list.
    pub(super) fn single_failure(&mut self) -> Option<CliError> {
        if self.jobs != 1 || self.stopped > 0 {
            return None;
        }
        let (label, error) = self.failed.pop()?;
        Some(CliError::Failed(format!("{label}: {}", describe(&error))))
    }

    /// Prints what was skipped and what failed, sorted by label (so the order does not depend on which
    /// transfer finished first), then `{verb} N files, SIZE`; an error when anything failed or was stopped by
    /// an interrupt.
    pub(super) fn conclude(mut self, session: &mut Session<'_>, verb: &str) -> Result<Output, CliError> {
        self.skipped.sort_by(|a, b| a.0.cmp(&b.0));
        self.failed.sort_by(|a, b| a.0.cmp(&b.0));
        let mut text = String::new();
        for (label, reason) in &self.skipped {
            text.push_str(&format!("warning: skipped {label}: {reason}\n"));
        }
        for (label, error) in &self.failed {
            text.push_str(&format!("failed: {label}: {}\n", describe(error)));
        }
        text.push_str(&format!(
            "{verb} {}, {}",
            count_files(self.done),
            human_size(self.bytes)
        ));
        if !self.skipped.is_empty() {
            text.push_str(&format!("; skipped {}", self.skipped.len()));
        }
        text.push('\n');
        // Like the runtime's own messages: a closed stderr is no reason to fail.
        let _ = session.stderr().write_all(text.as_bytes());
        if self.stopped > 0 {
            let left_behind = self
                .failed
                .iter()
                .any(|(_, error)| matches!(error, TransferError::LeftBehind { .. }));
            let cleanup = match left_behind {
                false => "partial files were removed",
                true => "partial files were removed, except those listed above",
            };
            Err(CliError::Interrupted(format!(
                "interrupted: {} not {verb}; {cleanup}",
                count_files(self.stopped)
            )))
        } else if self.failed.is_empty() {
            Ok(Output::Done)
        } else {
            Err(CliError::Failed(format!(
                "{} of {} failed (listed above)",
                self.failed.len(),
                count_files(self.jobs)
            )))
        }
    }
}
