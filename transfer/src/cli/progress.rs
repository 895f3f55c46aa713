//! The progress bar of a transfer: bytes moved, rate and time left, on standard error when it is a terminal.

use std::sync::atomic::{AtomicU64, Ordering};

use indicatif::{ProgressBar, ProgressStyle};

use crate::{DBFS_BLOCK_SIZE, ProgressFn};

/// Adds up the bytes of every transfer of a command on one bar; without a bar, does nothing.
#[derive(Clone, Debug, Default)]
pub(super) struct Meter {
    bar: Option<ProgressBar>,
}

impl Meter {
    /// A bar for `total_bytes` when `interactive` and the transfer is larger than one block: a transfer
    /// reports once per block, so a single block would only ever show 0% and then 100%.
    pub(super) fn new(interactive: bool, total_bytes: u64) -> Meter {
        if !interactive || total_bytes <= DBFS_BLOCK_SIZE as u64 {
            return Meter::default();
        }
        let style = ProgressStyle::with_template(
            "{wide_bar} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        // No steady tick: each block a transfer reports redraws the bar.
        Meter {
            bar: Some(ProgressBar::new(total_bytes).with_style(style)),
        }
    }

    /// A callback for one pass over one file (an upload or a download); what it reports moves the bar.
    pub(super) fn for_transfer(&self) -> Option<ProgressFn> {
        let bar = self.bar.clone()?;
        let reported = AtomicU64::new(0);
        Some(ProgressFn::new(move |progress| {
            let before = reported.swap(progress.bytes_done, Ordering::Relaxed);
            bar.inc(progress.bytes_done.saturating_sub(before));
        }))
    }

    /// Clears the bar: the summary follows.
    pub(super) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_transfer_adds_what_it_moved() {
        let bar = ProgressBar::hidden();
        let meter = Meter { bar: Some(bar.clone()) };
        let upload = meter.for_transfer().unwrap();
        let download = meter.for_transfer().unwrap();
        upload.report(1024, Some(3000));
        download.report(500, Some(500));
        upload.report(3000, Some(3000));
        assert_eq!(bar.position(), 3500);
    }

    #[test]
    fn a_bar_only_on_a_terminal_and_for_more_than_one_block() {
        let block = DBFS_BLOCK_SIZE as u64;
        assert!(Meter::new(false, 100 * block).for_transfer().is_none());
        assert!(Meter::new(true, block).for_transfer().is_none());
        assert!(Meter::new(true, block + 1).for_transfer().is_some());
    }
}
