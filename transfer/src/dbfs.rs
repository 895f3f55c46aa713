//! Streaming upload to and download from DBFS.

use std::future::{Future, poll_fn};
use std::path::Path;
use std::pin::pin;
use std::task::Poll;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use databricks_client::Upload;
use databricks_client::models::{DbfsClose, DbfsCreate, DbfsDelete, DbfsMove, DbfsPutMultipart, DbfsReadParams};
use databricks_client::{Client, Dbfs, Error, ErrorKind};
use openapi_runtime::{Method, Operation};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio_util::sync::CancellationToken;

use crate::error::{TransferError, is_kind};
use crate::temp_file::create_temp_beside;
use crate::{DBFS_BLOCK_SIZE, DBFS_PUT_IN_MEMORY, DBFS_PUT_LIMIT, ProgressFn, random_suffix, until_cancelled};

/// The most time a cancelled upload spends removing what it wrote: whoever cancelled wants it to end soon.
const CLEANUP_TIME: Duration = Duration::from_secs(10);

/// How [`upload`] and [`upload_reader`] behave. Build it with `Default` and struct update syntax.
#[derive(Clone, Debug, Default)]
pub struct UploadOptions {
    /// Replace a file that already exists at the DBFS path. Without it, an existing file is an
    /// [`AlreadyExists`](TransferError::AlreadyExists) error before any data is sent.
    pub overwrite: bool,
    /// Called after each block is sent.
    pub progress: Option<ProgressFn>,
    /// Stops the upload when cancelled: it then removes what it wrote (the temporary file, or the new file
    /// it was creating) and fails with [`Cancelled`](TransferError::Cancelled). Once the new content is
    /// complete, moving it into place (a few quick calls) is finished first.
    pub cancel: Option<CancellationToken>,
}

/// How [`download`] behaves. Build it with `Default` and struct update syntax.
#[derive(Clone, Debug, Default)]
pub struct DownloadOptions {
    /// Called after each block is written.
    pub progress: Option<ProgressFn>,
    /// Stops the download when cancelled: it then removes its temporary file and fails with
    /// [`Cancelled`](TransferError::Cancelled).
    pub cancel: Option<CancellationToken>,
}

/// Uploads the local file at `local_path` to `dbfs_path` (`/tmp/a.bin` or `dbfs:/tmp/a.bin`) and returns the
/// number of bytes sent.
///
/// A file under [`DBFS_PUT_LIMIT`] goes in one `dbfs.put` multipart request (read into memory up to
/// [`DBFS_PUT_IN_MEMORY`], so that it can be retried; streamed from the file above that, in a request that is
/// not retried); a larger one is read and sent in blocks of [`DBFS_BLOCK_SIZE`]. When a file already exists at `dbfs_path` and
/// `overwrite` is set, the new content goes to a hidden temporary file beside it (`.<name>.upload-<random>`).
/// Only once that upload is closed is the old file moved aside (to `.<name>.old-<random>`, as `dbfs.move`
/// refuses an existing destination), the new one moved into place, and then the old one deleted; if the new
/// one cannot be moved into place, the old one is moved back. So a failure leaves the old file at
/// `dbfs_path` as it was. A failed upload removes what it wrote (best effort; if that fails too, the error is
/// [`LeftBehind`](TransferError::LeftBehind) and names the file).
///
/// A block whose outcome is unknown (the connection broke after it was sent) is never sent again, since
/// `dbfs.addBlock` appends and a duplicate would corrupt the file; the upload fails instead. Throttling
/// (`429`) and unavailability (`503`) answers, where the server did nothing, are retried by the client.
///
/// To stop an upload and remove what it wrote, cancel [`UploadOptions::cancel`]: a future dropped mid-upload
/// cannot make API calls any more, so its partial file stays in DBFS.
pub async fn upload(
    client: &Client,
    local_path: impl AsRef<Path>,
    dbfs_path: &str,
    options: &UploadOptions,
) -> Result<u64, TransferError> {
    let local_path = local_path.as_ref();
    // Opened before anything is sent, so a missing local file costs no API call.
    let opening = tokio::task::spawn_blocking({
        let local_path = local_path.to_owned();
        move || open_local(&local_path)
    });
    let local = opening
        .await
        .map_err(|error| TransferError::io("read", Some(local_path), std::io::Error::other(error)))??;
    let content = match local {
        LocalFile::InMemory(content) => Content::Put {
            size: content.len() as u64,
            contents: Upload::bytes(content),
        },
        LocalFile::Opened(file, size) if size < DBFS_PUT_LIMIT => Content::Put {
            contents: Upload::reader(tokio::fs::File::from_std(file)),
            size,
        },
        LocalFile::Opened(file, size) => Content::Blocks(Source {
            reader: tokio::fs::File::from_std(file),
            path: Some(local_path),
            total: Some(size),
        }),
    };
    send(client, content, dbfs_path, options).await
}

/// A local file to upload, as [`open_local`] left it.
enum LocalFile {
    /// The content of a file of at most [`DBFS_PUT_IN_MEMORY`].
    InMemory(Vec<u8>),
    /// A larger file, open, and its size.
    Opened(std::fs::File, u64),
}

/// Opens the local file at `path`, and reads it whole when it is small enough to go from memory. Blocking:
/// [`upload`] runs it in one trip to the blocking pool, where a trip each for the open, the size and every
/// read would take most of a small file's upload time.
fn open_local(path: &Path) -> Result<LocalFile, TransferError> {
    let local_error = |doing, error| TransferError::io(doing, Some(path), error);
    let mut file = std::fs::File::open(path).map_err(|error| local_error("open", error))?;
    let metadata = file.metadata().map_err(|error| local_error("read", error))?;
    if metadata.is_dir() {
        let error = std::io::Error::new(std::io::ErrorKind::IsADirectory, "it is a directory");
        return Err(local_error("upload", error));
    }
    let size = metadata.len();
    if size > DBFS_PUT_IN_MEMORY {
        return Ok(LocalFile::Opened(file, size));
    }
    let mut content = Vec::with_capacity(size as usize);
    std::io::Read::read_to_end(&mut file, &mut content).map_err(|error| local_error("read", error))?;
    Ok(LocalFile::InMemory(content))
}

/// Uploads everything `reader` yields to `dbfs_path`, as [`upload`] does with a file, and returns the number
/// of bytes sent. The progress callback gets no total.
pub async fn upload_reader(
    client: &Client,
    reader: impl AsyncRead + Unpin,
    dbfs_path: &str,
    options: &UploadOptions,
) -> Result<u64, TransferError> {
    let source = Source {
        reader,
        path: None,
        total: None,
    };
    send(client, Content::Blocks(source), dbfs_path, options).await
}

/// How the content reaches DBFS.
enum Content<'a, R> {
    /// A stream, in blocks: `dbfs.create`, one `dbfs.addBlock` per block, `dbfs.close`.
    Blocks(Source<'a, R>),
    /// A local file under [`DBFS_PUT_LIMIT`], from memory or streamed: one `dbfs.put` multipart request.
    Put { contents: Upload, size: u64 },
}

struct Source<'a, R> {
    reader: R,
    /// For error messages; `None` for a reader.
    path: Option<&'a Path>,
    total: Option<u64>,
}

async fn send<R: AsyncRead + Unpin>(
    client: &Client,
    content: Content<'_, R>,
    dbfs_path: &str,
    options: &UploadOptions,
) -> Result<u64, TransferError> {
    let (parent, name) = split_dbfs_path(dbfs_path)?;
    let dbfs = client.dbfs();
    let cancel = options.cancel.as_ref();
    let cancelled = || TransferError::Cancelled {
        path: dbfs_path.to_owned(),
    };
    let exists = until_cancelled(cancel, file_exists(dbfs, dbfs_path))
        .await
        .ok_or_else(cancelled)??;
    if exists && !options.overwrite {
        return Err(TransferError::AlreadyExists {
            path: dbfs_path.to_owned(),
        });
    }
    // A new file is written in place: there is nothing to protect, and a move in DBFS can be a full copy.
    let target = match exists {
        true => hidden_beside(parent, name, "upload"),
        false => dbfs_path.to_owned(),
    };
    let sent = match content {
        Content::Put { contents, size } => {
            match until_cancelled(cancel, put(dbfs, contents, &target, dbfs_path)).await {
                Some(Ok(())) => {}
                // Created by someone else since the check: theirs, so left alone.
                Some(Err(error @ TransferError::AlreadyExists { .. })) if !exists => return Err(error),
                Some(Err(error)) => return Err(discard(dbfs, None, &target, error).await),
                // Whether the file was written is unknown.
                None => return Err(discard_cancelled(dbfs, None, &target, dbfs_path).await),
            }
            if let Some(progress) = &options.progress {
                progress.report(size, Some(size));
            }
            size
        }
        Content::Blocks(mut source) => {
            let handle = match until_cancelled(cancel, open(dbfs, &target, dbfs_path, exists)).await {
                Some(handle) => handle?,
                // Whether the file was created is unknown.
                None => return Err(discard_cancelled(dbfs, None, &target, dbfs_path).await),
            };
            let sending = send_blocks(client, handle, &mut source, dbfs_path, options);
            match until_cancelled(cancel, sending).await {
                Some(Ok(sent)) => sent,
                Some(Err((error, open))) => return Err(discard(dbfs, open.then_some(handle), &target, error).await),
                None => return Err(discard_cancelled(dbfs, Some(handle), &target, dbfs_path).await),
            }
        }
    };
    if exists {
        replace(dbfs, &target, dbfs_path, &hidden_beside(parent, name, "old")).await?;
    }
    Ok(sent)
}

/// Whether a file exists at `dbfs_path`; a directory there is an error.
async fn file_exists(dbfs: Dbfs<'_>, dbfs_path: &str) -> Result<bool, TransferError> {
    match dbfs.get_status(dbfs_path).await {
        Ok(info) if info.is_dir == Some(true) => Err(is_directory(dbfs_path)),
        Ok(_) => Ok(true),
        Err(error) if is_kind(&error, ErrorKind::NotFound) => Ok(false),
        Err(error) => Err(TransferError::api("checking", dbfs_path, error)),
    }
}

/// `.<name>.<purpose>-<random>` in the DBFS folder `parent`.
fn hidden_beside(parent: &str, name: &str, purpose: &str) -> String {
    format!("{parent}/.{name}.{purpose}-{}", random_suffix())
}

/// Creates the file at `target` (`dbfs_path`, or a temporary file beside it when `replacing`) and returns
/// its handle.
async fn open(dbfs: Dbfs<'_>, target: &str, dbfs_path: &str, replacing: bool) -> Result<i64, TransferError> {
    match dbfs.create(&DbfsCreate::new(target)).await {
        Ok(created) => match created.handle {
            Some(handle) => Ok(handle),
            None => {
                let error = TransferError::bad_response(dbfs_path, "dbfs.create returned no handle");
                Err(discard(dbfs, None, target, error).await)
            }
        },
        // Created by someone else since the check: theirs, so left alone.
        Err(error) if is_kind(&error, ErrorKind::ResourceAlreadyExists) && !replacing => {
            Err(TransferError::AlreadyExists {
                path: dbfs_path.to_owned(),
            })
        }
        Err(error) => Err(TransferError::api("uploading to", dbfs_path, error)),
    }
}

/// Writes `contents` to the new file `target` in one `dbfs.put` multipart request; the file already there is
/// refused, as `dbfs.create` refuses it.
async fn put(dbfs: Dbfs<'_>, contents: Upload, target: &str, dbfs_path: &str) -> Result<(), TransferError> {
    let name = target.rsplit('/').next().unwrap_or(target).to_owned();
    match dbfs
        .put_multipart(&DbfsPutMultipart::new(target), contents.file_name(name))
        .await
    {
        Ok(_) => Ok(()),
        Err(error) if is_kind(&error, ErrorKind::ResourceAlreadyExists) => Err(TransferError::AlreadyExists {
            path: dbfs_path.to_owned(),
        }),
        Err(error) => Err(TransferError::api("uploading to", dbfs_path, error)),
    }
}

/// Puts the complete upload at `uploaded` in place of the file at `path`: the old file is moved aside to
/// `backup`, the new one into place, and the old one deleted. If the new one cannot be moved into place, the
/// old one is moved back, so `path` keeps its old content. Not cancellable: stopping halfway could leave
/// nothing at `path`.
async fn replace(dbfs: Dbfs<'_>, uploaded: &str, path: &str, backup: &str) -> Result<(), TransferError> {
    if let Err(error) = move_file(dbfs, path, backup).await {
        let error = TransferError::api("replacing", path, error);
        return Err(discard(dbfs, None, uploaded, error).await);
    }
    if let Err(error) = move_file(dbfs, uploaded, path).await {
        return match move_file(dbfs, backup, path).await {
            Ok(()) => Err(discard(dbfs, None, uploaded, TransferError::api("replacing", path, error)).await),
            Err(restore) => Err(TransferError::SwapFailed {
                path: path.to_owned(),
                uploaded: uploaded.to_owned(),
                backup: backup.to_owned(),
                source: Box::new(error),
                restore: Box::new(restore),
            }),
        };
    }
    match dbfs.delete(&DbfsDelete::new(backup)).await {
        Ok(_) => Ok(()),
        Err(error) if is_kind(&error, ErrorKind::NotFound) => Ok(()),
        Err(error) => Err(TransferError::OldFileLeft {
            path: path.to_owned(),
            backup: backup.to_owned(),
            source: Box::new(error),
        }),
    }
}

/// `dbfs.move`, where a failure after which `from` is gone and `to` exists counts as done: the server moved
/// the file and only its answer was lost (a `500`, a broken connection), so moving it back would be wrong.
async fn move_file(dbfs: Dbfs<'_>, from: &str, to: &str) -> Result<(), Error> {
    let Err(error) = dbfs.move_(&DbfsMove::new(from, to)).await else {
        return Ok(());
    };
    let gone = matches!(
        dbfs.get_status(from).await,
        Err(status_error) if is_kind(&status_error, ErrorKind::NotFound)
    );
    if gone && dbfs.get_status(to).await.is_ok() {
        Ok(())
    } else {
        Err(error)
    }
}

/// Sends every block and closes the handle. While one block is in flight, the next is read and encoded, so
/// neither the connection nor the reader waits for the other; blocks still go one at a time and in order, and
/// at most two are held. On failure, also says whether the handle may still be open.
async fn send_blocks<R: AsyncRead + Unpin>(
    client: &Client,
    handle: i64,
    source: &mut Source<'_, R>,
    dbfs_path: &str,
    options: &UploadOptions,
) -> Result<u64, (TransferError, bool)> {
    let local_path = source.path;
    let read_failed = |error| (TransferError::io("read", local_path, error), true);
    let send_failed = |error| (TransferError::api("uploading to", dbfs_path, error), true);
    let mut buffer = vec![0; DBFS_BLOCK_SIZE];
    let mut next = read_block(&mut source.reader, &mut buffer, handle)
        .await
        .map_err(read_failed)?;
    let mut sent: u64 = 0;
    while let Some(block) = next {
        let mut sending = pin!(add_block(client, block.body));
        let mut reading = pin!(async {
            match block.last {
                true => Ok(None),
                false => read_block(&mut source.reader, &mut buffer, handle).await,
            }
        });
        // The send is polled first, so the request is under way before the encoding takes the thread.
        let mut read = None;
        let answer = poll_fn(|context| {
            let answer = sending.as_mut().poll(context);
            if answer.is_pending() && read.is_none() {
                if let Poll::Ready(result) = reading.as_mut().poll(context) {
                    read = Some(result);
                }
            }
            answer
        })
        .await;
        // A failed block ends the upload at once, even if the reader is still waiting for input.
        answer.map_err(send_failed)?;
        sent += block.len as u64;
        if let Some(progress) = &options.progress {
            progress.report(sent, source.total);
        }
        next = match read {
            Some(read) => read,
            None => reading.await,
        }
        .map_err(read_failed)?;
    }
    // A failed close leaves the handle's state unknown; it is closed again, harmlessly, while cleaning up.
    client
        .dbfs()
        .close(&DbfsClose::new(handle))
        .await
        .map_err(|error| (TransferError::api("finishing the upload to", dbfs_path, error), true))?;
    Ok(sent)
}

/// `dbfs.addBlock` as the generated client describes it, sent here with a body [`add_block_body`] prepared.
static ADD_BLOCK: Operation = Operation::new("dbfs.addBlock", Method::Post, "/api/2.0/dbfs/add-block")
    .answers_nothing()
    .security(&[&["bearerAuth"]]);

/// Appends one block, whose `dbfs.addBlock` body is `body`. Bytes in memory: a throttled block is sent again,
/// and a retry costs no copy.
async fn add_block(client: &Client, body: Vec<u8>) -> Result<(), Error> {
    client
        .runtime()
        .request(&ADD_BLOCK)
        .raw_body("application/json", Upload::bytes(body))
        .send_empty()
        .await
}

/// A block read from the input, ready to send.
struct Block {
    /// Its `dbfs.addBlock` body.
    body: Vec<u8>,
    /// Its length before encoding.
    len: usize,
    /// It is shorter than [`DBFS_BLOCK_SIZE`]: the input ended.
    last: bool,
}

/// The next block of `reader` (read into `buffer`, one block long), or `None` where the input ended.
async fn read_block(
    reader: &mut (impl AsyncRead + Unpin),
    buffer: &mut [u8],
    handle: i64,
) -> std::io::Result<Option<Block>> {
    let filled = fill(reader, buffer).await?;
    Ok((filled > 0).then(|| Block {
        body: add_block_body(handle, &buffer[..filled]),
        len: filled,
        last: filled < buffer.len(),
    }))
}

/// The JSON body of `dbfs.addBlock` appending `data`: what serde writes for a
/// [`DbfsAddBlock`](databricks_client::models::DbfsAddBlock), written
/// directly. The base64 alphabet needs no escaping in JSON, so `data` is encoded once, into the body itself,
/// instead of into a `String` that serde then copies and scans.
fn add_block_body(handle: i64, data: &[u8]) -> Vec<u8> {
    let start = format!("{{\"handle\":{handle},\"data\":\"");
    // Padded base64: four characters for every three bytes or part of them.
    let encoded = data.len().div_ceil(3) * 4;
    let mut body = Vec::with_capacity(start.len() + encoded + 2);
    body.extend_from_slice(start.as_bytes());
    body.resize(start.len() + encoded, 0);
    BASE64
        .encode_slice(data, &mut body[start.len()..])
        .expect("room for the padded encoding");
    body.extend_from_slice(b"\"}");
    body
}

/// Reads until `buffer` is full or the input ends; returns how many bytes it holds.
async fn fill(reader: &mut (impl AsyncRead + Unpin), buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match reader.read(&mut buffer[filled..]).await {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(filled)
}

/// Best effort after a failed upload: closes the handle, deletes the partial file at `target`, and returns
/// `error`, wrapped in [`TransferError::LeftBehind`] when the file could not be deleted.
async fn discard(dbfs: Dbfs<'_>, handle: Option<i64>, target: &str, error: TransferError) -> TransferError {
    if let Some(handle) = handle {
        let _ = dbfs.close(&DbfsClose::new(handle)).await;
    }
    match dbfs.delete(&DbfsDelete::new(target)).await {
        Ok(_) => error,
        Err(delete_error) if is_kind(&delete_error, ErrorKind::NotFound) => error,
        Err(_) => TransferError::LeftBehind {
            error: Box::new(error),
            leftover: target.to_owned(),
        },
    }
}

/// [`discard`] after a cancellation, given at most [`CLEANUP_TIME`]; returns [`TransferError::Cancelled`]
/// (for the upload to `dbfs_path`), or [`TransferError::LeftBehind`] when the file may still be there.
async fn discard_cancelled(dbfs: Dbfs<'_>, handle: Option<i64>, target: &str, dbfs_path: &str) -> TransferError {
    let cancelled = || TransferError::Cancelled {
        path: dbfs_path.to_owned(),
    };
    tokio::time::timeout(CLEANUP_TIME, discard(dbfs, handle, target, cancelled()))
        .await
        .unwrap_or_else(|_| TransferError::LeftBehind {
            error: Box::new(cancelled()),
            leftover: target.to_owned(),
        })
}

/// Downloads the DBFS file at `dbfs_path` to `local_path` and returns its size.
///
/// The file is read in slices of [`DBFS_BLOCK_SIZE`] into a hidden temporary file in the destination's folder
/// (`.<name>.download-<random>`), which is renamed to `local_path` (replacing a file there) once all
/// `file_size` bytes, as `dbfs.getStatus` reported them, have arrived. Any failure (an API error, an empty or
/// oversized slice, undecodable data) removes the temporary file: `local_path` is either the complete file or
/// untouched. The temporary file is also removed when [`DownloadOptions::cancel`] is cancelled (the error is
/// then [`Cancelled`](TransferError::Cancelled)) and when the future is dropped.
pub async fn download(
    client: &Client,
    dbfs_path: &str,
    local_path: impl AsRef<Path>,
    options: &DownloadOptions,
) -> Result<u64, TransferError> {
    let receiving = receive(client, dbfs_path, local_path.as_ref(), options);
    until_cancelled(options.cancel.as_ref(), receiving)
        .await
        .unwrap_or_else(|| {
            Err(TransferError::Cancelled {
                path: dbfs_path.to_owned(),
            })
        })
}

/// [`download`] until it is cancelled.
async fn receive(
    client: &Client,
    dbfs_path: &str,
    local_path: &Path,
    options: &DownloadOptions,
) -> Result<u64, TransferError> {
    let dbfs = client.dbfs();
    let info = match dbfs.get_status(dbfs_path).await {
        Ok(info) => info,
        Err(error) if is_kind(&error, ErrorKind::NotFound) => {
            return Err(TransferError::NotFound {
                path: dbfs_path.to_owned(),
            });
        }
        Err(error) => return Err(TransferError::api("checking", dbfs_path, error)),
    };
    if info.is_dir == Some(true) {
        return Err(is_directory(dbfs_path));
    }
    let size = match info.file_size.map(u64::try_from) {
        Some(Ok(size)) => size,
        _ => {
            let problem = format!("dbfs.getStatus gave no usable file size ({:?})", info.file_size);
            return Err(TransferError::bad_response(dbfs_path, problem));
        }
    };

    let (mut file, temp) = create_temp_beside(local_path, "download").await?;
    let mut done: u64 = 0;
    while done < size {
        let wanted = (size - done).min(DBFS_BLOCK_SIZE as u64);
        let params = DbfsReadParams {
            offset: Some(done as i64),
            length: Some(wanted as i64),
        };
        let slice = dbfs
            .read(dbfs_path, &params)
            .await
            .map_err(|error| TransferError::api("reading", dbfs_path, error))?;
        let data = BASE64
            .decode(slice.data.as_deref().unwrap_or_default())
            .map_err(|error| {
                let problem = format!("the data read at byte {done} is not valid base64 ({error})");
                TransferError::bad_response(dbfs_path, problem)
            })?;
        check_slice(dbfs_path, done, size, wanted, slice.bytes_read, data.len())?;
        file.write_all(&data)
            .await
            .map_err(|error| TransferError::io("write", Some(temp.path()), error))?;
        done += data.len() as u64;
        if let Some(progress) = &options.progress {
            progress.report(done, Some(size));
        }
    }
    temp.persist(file, local_path).await?;
    Ok(size)
}

/// A slice must be non-empty, no longer than asked for, and as long as its `bytes_read` says. A file that
/// shrank while it was read shows up as an empty slice; one that changed size as a mismatch.
fn check_slice(
    dbfs_path: &str,
    offset: u64,
    size: u64,
    wanted: u64,
    bytes_read: Option<i64>,
    decoded: usize,
) -> Result<(), TransferError> {
    let problem = if decoded == 0 {
        format!("dbfs.read returned no data at byte {offset} of {size}; the file was probably truncated meanwhile")
    } else if bytes_read != Some(decoded as i64) {
        format!("dbfs.read at byte {offset} said bytes_read {bytes_read:?} but returned {decoded} bytes")
    } else if decoded as u64 > wanted {
        format!(
            "dbfs.read at byte {offset} returned {decoded} bytes where at most {wanted} were left of the {size} \
             that dbfs.getStatus reported; the file probably grew meanwhile"
        )
    } else {
        return Ok(());
    };
    Err(TransferError::bad_response(dbfs_path, problem))
}

/// Splits an absolute DBFS path into its folder (without a trailing slash; empty for the root) and file name.
fn split_dbfs_path(path: &str) -> Result<(&str, &str), TransferError> {
    let invalid = |reason| TransferError::InvalidPath {
        path: path.to_owned(),
        reason,
    };
    let unprefixed = path.strip_prefix("dbfs:").unwrap_or(path);
    if !unprefixed.starts_with('/') {
        return Err(invalid("DBFS paths are absolute: start it with `/` or `dbfs:/`"));
    }
    let Some((parent_end, name)) = path.rsplit_once('/') else {
        return Err(invalid("DBFS paths are absolute: start it with `/` or `dbfs:/`"));
    };
    if name.is_empty() || name == "." || name == ".." {
        return Err(invalid("it ends in a folder; add the file name"));
    }
    Ok((parent_end, name))
}

fn is_directory(path: &str) -> TransferError {
    TransferError::IsDirectory { path: path.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dbfs_paths_split_into_folder_and_name() {
        assert_eq!(split_dbfs_path("/tmp/a.bin").unwrap(), ("/tmp", "a.bin"));
        assert_eq!(split_dbfs_path("/a.bin").unwrap(), ("", "a.bin"));
        assert_eq!(split_dbfs_path("dbfs:/tmp/a.bin").unwrap(), ("dbfs:/tmp", "a.bin"));
        for bad in ["tmp/a.bin", "", "/tmp/", "/", "dbfs:tmp", "/tmp/.."] {
            assert!(split_dbfs_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_add_block_body_is_what_serde_writes_for_the_model() {
        assert_eq!(add_block_body(7, b"hello"), br#"{"handle":7,"data":"aGVsbG8="}"#);
        assert_eq!(add_block_body(-1, b""), br#"{"handle":-1,"data":""}"#);
        // Every remainder of three, and bytes that encode to `+` and `/`, the characters JSON might escape.
        let data: Vec<u8> = [0xfb, 0xff, 0xbf]
            .into_iter()
            .chain((0..=255).cycle().take(1000))
            .collect();
        for len in [1, 2, 3, 4, 5, data.len()] {
            let model = databricks_client::models::DbfsAddBlock::new(1 << 40, BASE64.encode(&data[..len]));
            let expected = serde_json::to_vec(&model).unwrap();
            assert_eq!(add_block_body(1 << 40, &data[..len]), expected, "{len} bytes");
        }
        assert!(add_block_body(3, &data).starts_with(br#"{"handle":3,"data":"+/+/"#));
    }
}
