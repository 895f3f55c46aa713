//! Local temporary files beside a destination, renamed into place only when complete.

use std::path::{Path, PathBuf};

use tokio::io::AsyncWriteExt;

use crate::error::TransferError;
use crate::random_suffix;

/// A local temporary file, deleted when dropped unless persisted: a failed, cancelled or dropped transfer
/// leaves none behind.
pub(crate) struct TempFile {
    path: PathBuf,
    keep: bool,
}

impl TempFile {
    /// Takes charge of deleting the file at `path`, which may not exist yet.
    pub(crate) fn new(path: PathBuf) -> TempFile {
        TempFile { path, keep: false }
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes `file` (this temporary file, opened for writing) to disk and renames it to `destination`,
    /// replacing a file there.
    pub(crate) async fn persist(mut self, mut file: tokio::fs::File, destination: &Path) -> Result<(), TransferError> {
        let write_error = |error| TransferError::io("write", Some(&self.path), error);
        file.flush().await.map_err(write_error)?;
        file.sync_all().await.map_err(write_error)?;
        drop(file);
        tokio::fs::rename(&self.path, destination)
            .await
            .map_err(|error| TransferError::io("write", Some(destination), error))?;
        self.keep = true;
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Creates `.<name>.<purpose>-<random>` (`purpose` is `download`, `export`, ...) in the folder of
/// `destination`: the same file system, so the final rename is atomic.
pub(crate) async fn create_temp_beside(
    destination: &Path,
    purpose: &str,
) -> Result<(tokio::fs::File, TempFile), TransferError> {
    let invalid = |message: &str| {
        let error = std::io::Error::new(std::io::ErrorKind::InvalidInput, message.to_owned());
        TransferError::io("write", Some(destination), error)
    };
    if tokio::fs::metadata(destination)
        .await
        .is_ok_and(|metadata| metadata.is_dir())
    {
        return Err(invalid("it is a directory; name the file to create"));
    }
    let Some(name) = destination.file_name() else {
        return Err(invalid("it does not name a file"));
    };
    let folder = match destination.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    loop {
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{purpose}-{}", random_suffix()));
        let path = folder.join(temp_name);
        // Created synchronously (one quick system call): tokio's `open` runs on another thread and finishes
        // even if this future is dropped meanwhile (Ctrl-C), which would leave a file no guard removes.
        let created = std::fs::OpenOptions::new().write(true).create_new(true).open(&path);
        match created {
            Ok(file) => {
                let guard = TempFile::new(path);
                return Ok((tokio::fs::File::from_std(file), guard));
            }
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(error) => {
                return Err(TransferError::io(
                    "create a temporary file for",
                    Some(destination),
                    error,
                ));
            }
        }
    }
}

/// Writes `stream` (an answer's bytes, streamed as they arrive) to a temporary file beside `destination` that
/// replaces it only once complete: a failed, cancelled or dropped download leaves `destination` as it was and
/// no temporary file. `what` names the download in errors. Returns the number of bytes.
pub async fn save_stream(
    stream: databricks_client::ByteStream,
    destination: &Path,
    what: &str,
) -> Result<u64, TransferError> {
    let (mut file, temp) = create_temp_beside(destination, "download").await?;
    let written = stream.write_to(&mut file).await.map_err(|error| match error {
        databricks_client::Error::Output { source, .. } => TransferError::io("write", Some(temp.path()), source),
        other => TransferError::api("downloading", what, other),
    })?;
    temp.persist(file, destination).await?;
    Ok(written)
}
