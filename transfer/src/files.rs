//! Files in Unity Catalog volumes (`/Volumes/<catalog>/<schema>/<volume>/...`) through the Files API: the
//! content travels as raw bytes in one request each way, streamed, never base64 and never held whole.
//!
//! ```no_run
//! use databricks_client::Client;
//! use databricks_transfer::files;
//! use databricks_transfer::{DownloadOptions, UploadOptions};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::from_env()?;
//! let volume_file = "/Volumes/main/default/landing/model.bin";
//! files::upload(&client, "model.bin", volume_file, &UploadOptions::default()).await?;
//! files::download(&client, volume_file, "copy.bin", &DownloadOptions::default()).await?;
//! # Ok(())
//! # }
//! ```

use std::path::Path;
use std::pin::Pin;
use std::task::{Context, Poll};

use databricks_client::models::{DirectoryEntry, FilesUploadParams};
use databricks_client::{Client, Error, ErrorKind, Upload};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, ReadBuf};

use crate::error::{TransferError, is_kind};
use crate::temp_file::create_temp_beside;
use crate::{DBFS_PUT_IN_MEMORY, DownloadOptions, ProgressFn, UploadOptions, until_cancelled};

/// What is at a path of a volume.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Metadata {
    Directory,
    /// A file; its size and modification time (milliseconds since 1970), when the server gave them.
    File {
        size: Option<u64>,
        last_modified: Option<i64>,
    },
}

/// What is at `path` (`/Volumes/...`): a directory, a file, or nothing (`None`).
///
/// Two `HEAD` requests tell a directory from a file; a file's size and time come from the headers of the
/// second.
pub async fn metadata(client: &Client, path: &str) -> Result<Option<Metadata>, TransferError> {
    let files = client.files();
    match files.get_directory_metadata(path).await {
        Ok(()) => return Ok(Some(Metadata::Directory)),
        Err(error) if is_kind(&error, ErrorKind::NotFound) => {}
        Err(error) => return Err(TransferError::api("checking", path, error)),
    }
    match files.get_metadata(path).await {
        Ok(headers) => Ok(Some(Metadata::File {
            size: headers.content_length.and_then(|size| u64::try_from(size).ok()),
            last_modified: headers.last_modified.as_deref().and_then(http_date_millis),
        })),
        Err(error) if is_kind(&error, ErrorKind::NotFound) => Ok(None),
        Err(error) => Err(TransferError::api("checking", path, error)),
    }
}

/// An HTTP date (`Last-Modified`) as milliseconds since 1970; `None` when it is not one.
fn http_date_millis(text: &str) -> Option<i64> {
    let time = httpdate::parse_http_date(text).ok()?;
    let since_epoch = time.duration_since(std::time::UNIX_EPOCH).ok()?;
    i64::try_from(since_epoch.as_millis()).ok()
}

/// The metadata a listing gives of a file entry.
pub fn file_metadata(entry: &DirectoryEntry) -> Metadata {
    Metadata::File {
        size: entry.file_size.and_then(|size| u64::try_from(size).ok()),
        last_modified: entry.last_modified,
    }
}

/// Uploads the local file at `local_path` to the volume path `remote_path` in one request and returns its
/// size.
///
/// Files up to [`DBFS_PUT_IN_MEMORY`] are read into memory first, so that a throttled request can be sent
/// again; larger ones are streamed from the file, in a request that is not retried. The server writes the
/// file only once the whole body has arrived, so a failed or cancelled upload leaves no partial file, and
/// the file a replacing upload was to replace stays as it was. Without [`UploadOptions::overwrite`] an
/// existing file is [`AlreadyExists`](TransferError::AlreadyExists), refused by the server itself (no race
/// with a check beforehand).
pub async fn upload(
    client: &Client,
    local_path: impl AsRef<Path>,
    remote_path: &str,
    options: &UploadOptions,
) -> Result<u64, TransferError> {
    let local_path = local_path.as_ref();
    let local_error = |doing, error| TransferError::io(doing, Some(local_path), error);
    let mut file = tokio::fs::File::open(local_path)
        .await
        .map_err(|error| local_error("open", error))?;
    let metadata = file.metadata().await.map_err(|error| local_error("read", error))?;
    if metadata.is_dir() {
        let error = std::io::Error::new(std::io::ErrorKind::IsADirectory, "it is a directory");
        return Err(local_error("upload", error));
    }
    let size = metadata.len();
    let body = if size <= DBFS_PUT_IN_MEMORY {
        let mut bytes = Vec::with_capacity(size as usize);
        file.read_to_end(&mut bytes)
            .await
            .map_err(|error| local_error("read", error))?;
        Upload::bytes(bytes)
    } else {
        Upload::reader(Counting::new(file, options.progress.clone(), Some(size)))
    };
    send(client, body, remote_path, options).await?;
    if let Some(progress) = &options.progress {
        progress.report(size, Some(size));
    }
    Ok(size)
}

/// Uploads everything `reader` yields to `remote_path`, streamed in one request that is not retried, and
/// returns the number of bytes sent. The progress callback gets no total.
pub async fn upload_reader(
    client: &Client,
    reader: impl AsyncRead + Send + Sync + Unpin + 'static,
    remote_path: &str,
    options: &UploadOptions,
) -> Result<u64, TransferError> {
    let counting = Counting::new(reader, options.progress.clone(), None);
    let sent = counting.counter();
    send(client, Upload::reader(counting), remote_path, options).await?;
    Ok(sent.load(std::sync::atomic::Ordering::Relaxed))
}

async fn send(client: &Client, body: Upload, remote_path: &str, options: &UploadOptions) -> Result<(), TransferError> {
    split(remote_path)?;
    let params = FilesUploadParams {
        overwrite: Some(options.overwrite),
    };
    let files = client.files();
    let uploading = files.upload(remote_path, &params, body);
    match until_cancelled(options.cancel.as_ref(), uploading).await {
        Some(Ok(_)) => Ok(()),
        Some(Err(error)) if is_conflict(&error) => Err(TransferError::AlreadyExists {
            path: remote_path.to_owned(),
        }),
        Some(Err(error)) => Err(TransferError::api("uploading to", remote_path, error)),
        None => Err(TransferError::Cancelled {
            path: remote_path.to_owned(),
        }),
    }
}

/// The Files API refuses an existing file with `409 Conflict`, whatever its error code says.
fn is_conflict(error: &Error) -> bool {
    error.as_api().is_some_and(|api| api.status == 409) || is_kind(error, ErrorKind::ResourceAlreadyExists)
}

/// Downloads the volume file at `remote_path` to `local_path` and returns its size.
///
/// The answer is streamed into a hidden temporary file beside the destination (`.<name>.download-<random>`)
/// and renamed to `local_path` (replacing a file there) only once complete: a failed, cancelled or dropped
/// download leaves `local_path` as it was and no temporary file. A missing file is
/// [`NotFound`](TransferError::NotFound), a directory [`IsDirectory`](TransferError::IsDirectory).
pub async fn download(
    client: &Client,
    remote_path: &str,
    local_path: impl AsRef<Path>,
    options: &DownloadOptions,
) -> Result<u64, TransferError> {
    let receiving = receive(client, remote_path, local_path.as_ref(), options);
    until_cancelled(options.cancel.as_ref(), receiving)
        .await
        .unwrap_or_else(|| {
            Err(TransferError::Cancelled {
                path: remote_path.to_owned(),
            })
        })
}

async fn receive(
    client: &Client,
    remote_path: &str,
    local_path: &Path,
    options: &DownloadOptions,
) -> Result<u64, TransferError> {
    let answer = match client.files().download_with_headers(remote_path).await {
        Ok(answer) => answer,
        Err(error) if is_kind(&error, ErrorKind::NotFound) => {
            // The API answers 404 for a directory too; say which it is.
            return Err(match client.files().get_directory_metadata(remote_path).await {
                Ok(()) => TransferError::IsDirectory {
                    path: remote_path.to_owned(),
                },
                Err(_) => TransferError::NotFound {
                    path: remote_path.to_owned(),
                },
            });
        }
        Err(error) => return Err(TransferError::api("downloading", remote_path, error)),
    };
    let (file, temp) = create_temp_beside(local_path, "download").await?;
    // The size the server announces, for the progress; what is counted is what arrives.
    let total = answer.headers.content_length.and_then(|size| u64::try_from(size).ok());
    let mut counting = Counting::new(file, options.progress.clone(), total);
    let written = answer.body.write_to(&mut counting).await.map_err(|error| match error {
        Error::Output { source, .. } => TransferError::io("write", Some(temp.path()), source),
        other => TransferError::api("downloading", remote_path, other),
    })?;
    temp.persist(counting.inner, local_path).await?;
    Ok(written)
}

/// Splits a volume path into its directory and name, refusing what cannot name a file.
fn split(path: &str) -> Result<(&str, &str), TransferError> {
    let invalid = |reason| TransferError::InvalidPath {
        path: path.to_owned(),
        reason,
    };
    if !path.starts_with('/') {
        return Err(invalid("Files API paths are absolute: start it with `/Volumes/`"));
    }
    match path.rsplit_once('/') {
        Some((parent, name)) if !parent.is_empty() && !name.is_empty() && name != "." && name != ".." => {
            Ok((parent, name))
        }
        _ => Err(invalid("it ends in a directory; add the file name")),
    }
}

/// A reader or writer that counts the bytes through it and reports them to a progress callback.
struct Counting<T> {
    inner: T,
    count: std::sync::Arc<std::sync::atomic::AtomicU64>,
    progress: Option<ProgressFn>,
    total: Option<u64>,
}

impl<T> Counting<T> {
    fn new(inner: T, progress: Option<ProgressFn>, total: Option<u64>) -> Counting<T> {
        Counting {
            inner,
            count: Default::default(),
            progress,
            total,
        }
    }

    fn counter(&self) -> std::sync::Arc<std::sync::atomic::AtomicU64> {
        self.count.clone()
    }

    fn add(&self, bytes: usize) {
        if bytes == 0 {
            return;
        }
        let done = self.count.fetch_add(bytes as u64, std::sync::atomic::Ordering::Relaxed) + bytes as u64;
        if let Some(progress) = &self.progress {
            progress.report(done, self.total);
        }
    }
}

impl<R: AsyncRead + Unpin> AsyncRead for Counting<R> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = polled {
            let read = buf.filled().len() - before;
            self.add(read);
        }
        polled
    }
}

impl<W: AsyncWrite + Unpin> AsyncWrite for Counting<W> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, buf);
        if let Poll::Ready(Ok(written)) = polled {
            self.add(written);
        }
        polled
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[test]
    fn volume_paths_split_into_directory_and_name() {
        assert_eq!(split("/Volumes/c/s/v/a.bin").unwrap(), ("/Volumes/c/s/v", "a.bin"));
        for bad in ["Volumes/c/s/v/a.bin", "/Volumes/c/s/v/", "/a", "/Volumes/c/s/v/.."] {
            assert!(split(bad).is_err(), "{bad}");
        }
    }

    /// Reads and writes in memory are always ready, so polling once does each.
    #[test]
    fn counting_reports_every_byte_through_it() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = seen.clone();
        let progress = ProgressFn::new(move |progress| record.lock().unwrap().push(progress.bytes_done));
        let mut cx = Context::from_waker(std::task::Waker::noop());

        let mut reader = Counting::new(&b"0123456789"[..], Some(progress.clone()), Some(10));
        let mut storage = [0u8; 16];
        let mut buf = ReadBuf::new(&mut storage);
        assert!(matches!(
            Pin::new(&mut reader).poll_read(&mut cx, &mut buf),
            Poll::Ready(Ok(()))
        ));
        assert_eq!(buf.filled(), b"0123456789");
        assert_eq!(reader.counter().load(std::sync::atomic::Ordering::Relaxed), 10);

        let mut writer = Counting::new(Vec::new(), Some(progress), None);
        assert!(matches!(
            Pin::new(&mut writer).poll_write(&mut cx, b"abc"),
            Poll::Ready(Ok(3))
        ));
        assert_eq!(writer.inner, b"abc");
        assert_eq!(*seen.lock().unwrap(), [10, 3]);
    }
}
