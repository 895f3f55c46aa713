//! File transfer helpers on top of `databricks-client`: streaming DBFS upload and download, and workspace
//! import and export.
//!
//! - [`upload`] / [`upload_reader`] send a local file (or any [`AsyncRead`](tokio::io::AsyncRead)) to DBFS: a
//!   file under 2 GB in one `dbfs.put` multipart request, anything else in 1 MiB blocks (`dbfs.create`,
//!   `dbfs.addBlock`, `dbfs.close`), the next block read and encoded while one is sent, so never more than
//!   two in memory.
//!   Replacing an existing file goes through a temporary file next to it, and the old file is set aside
//!   until the new one is in place, so a failed upload leaves the old file as it was.
//! - [`download`] reads a DBFS file in 1 MiB slices (`dbfs.read`) into a temporary file beside the
//!   destination and renames it into place only once every byte arrived.
//! - [`files`] does the same for Unity Catalog volumes (`/Volumes/...`) through the Files API: each file goes
//!   up or comes down as raw bytes in one streamed request.
//! - [`export`] and [`import`] move workspace objects (notebooks, files, archives) as bytes, with the API's
//!   10 MiB limit checked before sending.
//! - [`sql::StatementRows`] runs a SQL statement and reads its result as rows, one chunk at a time (inline or
//!   from presigned links).
//!
//! Every failure is a [`TransferError`] naming the path involved. A transfer given a [`CancellationToken`]
//! in its options stops when the token is cancelled and removes what it wrote.
//!
//! ```no_run
//! use databricks_client::Client;
//! use databricks_transfer::{DownloadOptions, UploadOptions, download, upload};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::from_env()?;
//! upload(&client, "model.bin", "/tmp/model.bin", &UploadOptions::default()).await?;
//! download(&client, "/tmp/model.bin", "copy.bin", &DownloadOptions::default()).await?;
//! # Ok(())
//! # }
//! ```

#[cfg(feature = "cli")]
pub mod cli;
mod dbfs;
mod error;
pub mod files;
pub mod sql;
mod temp_file;
mod workspace;

use std::fmt;
use std::future::Future;
use std::sync::Arc;

pub use dbfs::{DownloadOptions, UploadOptions, download, upload, upload_reader};
pub use error::TransferError;
pub use temp_file::save_stream;
/// Re-exported so that callers need no `tokio-util` of their own to cancel a transfer.
pub use tokio_util::sync::CancellationToken;
pub use workspace::{ImportOptions, export, export_file, export_to, import};

/// The most bytes one `dbfs.addBlock` or `dbfs.read` call carries, before base64. The API documents "1 MB";
/// it means 1 MiB (`dbfs.read` documents its default of 0.5 MB as 524288 bytes).
pub const DBFS_BLOCK_SIZE: usize = 1024 * 1024;

/// Local files smaller than this go to DBFS in one `dbfs.put` multipart request (the API takes files under
/// 2 GB that way) rather than as a `create`, one `add-block` per block and a `close`.
pub const DBFS_PUT_LIMIT: u64 = 2 * 1024 * 1024 * 1024;

/// Files of at most this size are read into memory for their `dbfs.put`, so that a throttled or refused
/// request can be sent again; larger ones are streamed from the file, in a request that cannot be.
pub const DBFS_PUT_IN_MEMORY: u64 = 16 * 1024 * 1024;

/// The most bytes `workspace.import` accepts and `workspace.export` returns in JSON: "10 MB", which the
/// server spells out as 10485760 bytes when it refuses an import.
pub const WORKSPACE_CONTENT_LIMIT: u64 = 10 * 1024 * 1024;

/// How far a transfer got; passed to the progress callback after each block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Bytes transferred so far.
    pub bytes_done: u64,
    /// Bytes the transfer will move in all, when known (not for [`upload_reader`]).
    pub bytes_total: Option<u64>,
}

/// A progress callback. It runs on the task doing the transfer, so it should return quickly.
#[derive(Clone)]
pub struct ProgressFn(Arc<dyn Fn(Progress) + Send + Sync>);

impl ProgressFn {
    pub fn new(callback: impl Fn(Progress) + Send + Sync + 'static) -> ProgressFn {
        ProgressFn(Arc::new(callback))
    }

    fn report(&self, bytes_done: u64, bytes_total: Option<u64>) {
        (self.0)(Progress {
            bytes_done,
            bytes_total,
        });
    }
}

impl fmt::Debug for ProgressFn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ProgressFn(..)")
    }
}

/// Eight random hex digits, for temporary names no one else picks.
fn random_suffix() -> String {
    format!("{:08x}", fastrand::u32(..))
}

/// Runs `work` until it finishes, or until `cancel` is cancelled (`None`; `work` is dropped then).
async fn until_cancelled<F: Future>(cancel: Option<&CancellationToken>, work: F) -> Option<F::Output> {
    match cancel {
        Some(cancel) => cancel.run_until_cancelled(work).await,
        None => Some(work.await),
    }
}
