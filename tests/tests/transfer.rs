//! `databricks-transfer` against the stateful fake of DBFS and the workspace (`databricks_tests::fake_workspace`):
//! byte-exact round trips around the 1 MiB block size, progress, overwrite safety, cleanup after failures
//! and cancellation, retries that must not duplicate a block, and the workspace size limits.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use databricks_client::Client;
use databricks_client::models::{WorkspaceExportFormat, WorkspaceImportFormat, WorkspaceLanguage};
use databricks_tests::fake_workspace::{FakeWorkspace, Fault, WorkspaceObject};
use databricks_tests::repo_root;
use databricks_transfer::{
    CancellationToken, DBFS_BLOCK_SIZE, DownloadOptions, ImportOptions, Progress, ProgressFn, TransferError,
    UploadOptions, WORKSPACE_CONTENT_LIMIT, download, export, export_file, import, upload, upload_reader,
};
use serde_json::json;

const MIB: usize = 1024 * 1024;
/// The sizes where block arithmetic goes wrong: empty, one byte, exactly one block, one past it, several.
const SIZES: [usize; 5] = [0, 1, MIB, MIB + 1, 5 * MIB];

/// The HTTP status of each call the fake answered on `endpoint`, in order.
fn statuses_of(fake: &FakeWorkspace, endpoint: &str) -> Vec<u16> {
    fake.calls()
        .iter()
        .filter(|call| call.endpoint == endpoint)
        .map(|call| call.status)
        .collect()
}

/// A client whose retries give up after a second, so injected failures end quickly.
fn client(fake: &FakeWorkspace) -> Client {
    fake.client(Duration::from_secs(1))
}

/// `len` pseudo-random bytes (xorshift64*) without a repeating pattern, so a block sent twice, dropped or
/// out of order changes the result.
fn bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        out.extend_from_slice(&state.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(len);
    out
}

fn write_local(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write a local file");
    path
}

/// The names in a local folder, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read the folder")
        .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A progress callback and what it was called with.
fn recorder() -> (ProgressFn, Arc<Mutex<Vec<Progress>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    let callback = ProgressFn::new(move |progress| sink.lock().unwrap().push(progress));
    (callback, seen)
}

fn blocks(size: usize) -> usize {
    size.div_ceil(DBFS_BLOCK_SIZE)
}

/// Uploads the file at `local` as a stream of unknown size is uploaded: through `dbfs.create`, one
/// `dbfs.addBlock` per block and `dbfs.close`, the way files of 2 GB and more (too large to make here) go.
async fn upload_in_blocks(
    client: &Client,
    local: &Path,
    remote: &str,
    options: &UploadOptions,
) -> Result<u64, databricks_transfer::TransferError> {
    let file = tokio::fs::File::open(local).await.expect("the local file exists");
    upload_reader(client, file, remote, options).await
}

#[tokio::test]
async fn a_file_under_the_put_limit_goes_in_one_multipart_request() {
    let fake = FakeWorkspace::start().await;
    let client = client(&fake);
    let dir = tempfile::tempdir().unwrap();
    for (seed, size) in SIZES.into_iter().enumerate() {
        let content = bytes(size, seed as u64 + 40);
        let local = write_local(dir.path(), &format!("{size}.bin"), &content);
        let remote = format!("/put/{size}.bin");
        let before = fake.calls().len();
        let sent = upload(&client, &local, &remote, &UploadOptions::default())
            .await
            .unwrap();
        assert_eq!(sent, size as u64);
        assert!(fake.dbfs_file(&remote) == Some(content), "{size} bytes differ");
        // Over the 1 MiB of base64 `contents` too: the multipart form takes files under 2 GB.
        assert_eq!(
            fake.endpoints()[before..],
            ["dbfs/get-status", "dbfs/put"],
            "{size} bytes"
        );
    }

    // An existing file without overwrite is refused before anything is sent; with it, the new content goes
    // beside the old file and is moved into place.
    let local = write_local(dir.path(), "new.bin", b"new content");
    let error = upload(&client, &local, "/put/1.bin", &UploadOptions::default())
        .await
        .unwrap_err();
    assert!(
        matches!(error, databricks_transfer::TransferError::AlreadyExists { .. }),
        "{error}"
    );
    let before = fake.calls().len();
    upload(&client, &local, "/put/1.bin", &overwrite()).await.unwrap();
    assert_eq!(fake.dbfs_file("/put/1.bin").as_deref(), Some(&b"new content"[..]));
    assert_eq!(
        fake.endpoints()[before..],
        ["dbfs/get-status", "dbfs/put", "dbfs/move", "dbfs/move", "dbfs/delete"]
    );
    assert_eq!(
        fake.dbfs_paths()
            .iter()
            .filter(|path| path.starts_with("/put/."))
            .count(),
        0
    );
}

#[tokio::test]
async fn a_throttled_put_is_sent_again() {
    let fake = FakeWorkspace::start().await;
    fake.inject(Fault::throttled("dbfs/put", 1));
    let content = bytes(MIB + 3, 9);
    let dir = tempfile::tempdir().unwrap();
    let local = write_local(dir.path(), "a.bin", &content);
    upload(
        &fake.client(Duration::from_secs(10)),
        &local,
        "/data/a.bin",
        &UploadOptions::default(),
    )
    .await
    .unwrap();
    assert!(fake.dbfs_file("/data/a.bin") == Some(content));
    let statuses = statuses_of(&fake, "dbfs/put");
    assert_eq!(statuses, [429, 200]);
}

fn overwrite() -> UploadOptions {
    UploadOptions {
        overwrite: true,
        ..UploadOptions::default()
    }
}

#[tokio::test]
async fn uploads_are_byte_exact_around_the_block_size() {
    let fake = FakeWorkspace::start().await;
    let client = client(&fake);
    let dir = tempfile::tempdir().unwrap();
    for (seed, size) in SIZES.into_iter().enumerate() {
        let content = bytes(size, seed as u64);
        let local = write_local(dir.path(), &format!("{size}.bin"), &content);
        let remote = format!("/uploads/{size}.bin");
        let before = fake.calls().len();

        let sent = upload_in_blocks(&client, &local, &remote, &UploadOptions::default())
            .await
            .unwrap_or_else(|error| panic!("{size} bytes: {error}"));

        assert_eq!(sent, size as u64);
        assert!(fake.dbfs_file(&remote) == Some(content), "{size} bytes differ");
        let endpoints = &fake.endpoints()[before..];
        let mut expected = vec!["dbfs/get-status", "dbfs/create"];
        expected.extend(std::iter::repeat_n("dbfs/add-block", blocks(size)));
        expected.push("dbfs/close");
        assert_eq!(endpoints, expected, "{size} bytes");
    }
    assert_eq!(fake.open_handles(), 0);
    let blocks_sent: Vec<usize> = fake
        .calls()
        .iter()
        .filter(|call| call.endpoint == "dbfs/add-block")
        .map(|call| call.payload_bytes)
        .collect();
    assert!(blocks_sent.iter().all(|&len| len > 0 && len <= MIB), "{blocks_sent:?}");
}

#[tokio::test]
async fn downloads_are_byte_exact_around_the_block_size() {
    let fake = FakeWorkspace::start().await;
    let client = client(&fake);
    let dir = tempfile::tempdir().unwrap();
    for (seed, size) in SIZES.into_iter().enumerate() {
        let content = bytes(size, 100 + seed as u64);
        let remote = format!("/data/{size}.bin");
        fake.add_dbfs_file(&remote, content.clone());
        let local = dir.path().join(format!("{size}.bin"));

        let received = download(&client, &remote, &local, &DownloadOptions::default())
            .await
            .unwrap_or_else(|error| panic!("{size} bytes: {error}"));

        assert_eq!(received, size as u64);
        assert!(std::fs::read(&local).unwrap() == content, "{size} bytes differ");
    }
    assert_eq!(
        fake.calls_to("dbfs/read"),
        SIZES.iter().map(|&size| blocks(size)).sum::<usize>()
    );
    let mut names: Vec<String> = SIZES.iter().map(|size| format!("{size}.bin")).collect();
    names.sort();
    assert_eq!(listing(dir.path()), names, "no temporary file is left");
}

#[tokio::test]
async fn uploaded_files_download_unchanged() {
    let fake = FakeWorkspace::start().await;
    let client = client(&fake);
    let dir = tempfile::tempdir().unwrap();
    let content = bytes(3 * MIB + 17, 7);
    let local = write_local(dir.path(), "in.bin", &content);
    upload(&client, &local, "dbfs:/round/trip.bin", &UploadOptions::default())
        .await
        .unwrap();
    let out = dir.path().join("out.bin");
    download(&client, "dbfs:/round/trip.bin", &out, &DownloadOptions::default())
        .await
        .unwrap();
    assert!(std::fs::read(&out).unwrap() == content);
}

#[tokio::test]
async fn short_reads_are_continued_from_where_they_stopped() {
    let fake = FakeWorkspace::start().await;
    fake.set_read_slice_limit(Some(300_000));
    let content = bytes(MIB + 1, 3);
    fake.add_dbfs_file("/data/short.bin", content.clone());
    let dir = tempfile::tempdir().unwrap();
    let local = dir.path().join("short.bin");
    download(&client(&fake), "/data/short.bin", &local, &DownloadOptions::default())
        .await
        .unwrap();
    assert!(std::fs::read(&local).unwrap() == content);
    assert_eq!(fake.calls_to("dbfs/read"), 4);
}

#[tokio::test]
async fn progress_is_reported_after_each_block_or_the_one_put() {
    let fake = FakeWorkspace::start().await;
    let client = client(&fake);
    let dir = tempfile::tempdir().unwrap();
    for size in SIZES {
        let content = bytes(size, 11);
        let local = write_local(dir.path(), "progress.bin", &content);
        let (callback, seen) = recorder();
        let options = UploadOptions {
            overwrite: true,
            progress: Some(callback),
            ..UploadOptions::default()
        };
        upload_in_blocks(&client, &local, "/progress.bin", &options)
            .await
            .unwrap();
        let in_blocks: Vec<Progress> = (1..=blocks(size))
            .map(|block| Progress {
                bytes_done: (block * MIB).min(size) as u64,
                bytes_total: None,
            })
            .collect();
        assert_eq!(*seen.lock().unwrap(), in_blocks, "upload of {size} bytes in blocks");

        // A file under the put limit goes in one request: one report, with the total.
        let (callback, seen) = recorder();
        let options = UploadOptions {
            progress: Some(callback),
            ..options
        };
        upload(&client, &local, "/progress.bin", &options).await.unwrap();
        let whole = Progress {
            bytes_done: size as u64,
            bytes_total: Some(size as u64),
        };
        assert_eq!(*seen.lock().unwrap(), [whole], "upload of {size} bytes");

        let expected: Vec<Progress> = (1..=blocks(size))
            .map(|block| Progress {
                bytes_done: (block * MIB).min(size) as u64,
                bytes_total: Some(size as u64),
            })
            .collect();

        let (callback, seen) = recorder();
        let options = DownloadOptions {
            progress: Some(callback),
            ..DownloadOptions::default()
        };
        download(&client, "/progress.bin", dir.path().join("back.bin"), &options)
            .await
            .unwrap();
        assert_eq!(*seen.lock().unwrap(), expected, "download of {size} bytes");
    }
}

#[tokio::test]
async fn a_reader_is_uploaded_without_a_total() {
    let fake = FakeWorkspace::start().await;
    let content = bytes(2 * MIB + 5, 13);
    let (callback, seen) = recorder();
    let options = UploadOptions {
        progress: Some(callback),
        ..UploadOptions::default()
    };
    let sent = upload_reader(&client(&fake), content.as_slice(), "/stream.bin", &options)
        .await
        .unwrap();
    assert_eq!(sent, content.len() as u64);
    assert!(fake.dbfs_file("/stream.bin") == Some(content));
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 3);
    assert!(seen.iter().all(|progress| progress.bytes_total.is_none()));
    assert_eq!(seen[2].bytes_done, (2 * MIB + 5) as u64);
}

#[tokio::test]
async fn an_existing_file_without_overwrite_fails_before_any_data_is_sent() {
    let fake = FakeWorkspace::start().await;
    let old = bytes(1000, 1);
    fake.add_dbfs_file("/data/kept.bin", old.clone());
    let dir = tempfile::tempdir().unwrap();
    let local = write_local(dir.path(), "new.bin", &bytes(5000, 2));

    let error = upload(&client(&fake), &local, "/data/kept.bin", &UploadOptions::default())
        .await
        .unwrap_err();

    assert!(
        matches!(&error, TransferError::AlreadyExists { path } if path == "/data/kept.bin"),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "/data/kept.bin already exists and was left unchanged; set `overwrite` to replace it"
    );
    assert_eq!(fake.endpoints(), ["dbfs/get-status"]);
    assert!(fake.dbfs_file("/data/kept.bin") == Some(old));
}

#[tokio::test]
async fn overwriting_replaces_the_file_through_a_temporary_one() {
    let fake = FakeWorkspace::start().await;
    fake.add_dbfs_file("/data/model.bin", bytes(3 * MIB, 1));
    let new = bytes(MIB + 1, 2);
    let dir = tempfile::tempdir().unwrap();
    let local = write_local(dir.path(), "model.bin", &new);

    upload_in_blocks(&client(&fake), &local, "/data/model.bin", &overwrite())
        .await
        .unwrap();

    assert!(fake.dbfs_file("/data/model.bin") == Some(new));
    assert_eq!(fake.dbfs_paths(), ["/", "/data", "/data/model.bin"]);
    let calls = fake.calls();
    let created = calls[1].path.clone().unwrap();
    assert!(created.starts_with("/data/.model.bin.upload-"), "{created}");
    let endpoints: Vec<&str> = calls.iter().map(|call| call.endpoint.as_str()).collect();
    assert_eq!(
        endpoints,
        [
            "dbfs/get-status",
            "dbfs/create",
            "dbfs/add-block",
            "dbfs/add-block",
            "dbfs/close",
            // The old file is moved aside, the new one into place, and only then is the old one deleted.
            "dbfs/move",
            "dbfs/move",
            "dbfs/delete"
        ]
    );
}

/// Each step up to moving the new file into place fails in turn; every time the old file is intact at the
/// destination and nothing is left over.
#[tokio::test]
async fn a_failed_overwriting_upload_leaves_the_old_file_intact() {
    let faults = [
        Fault::server_error("dbfs/create", 1),
        Fault::server_error("dbfs/add-block", 1),
        Fault::server_error("dbfs/add-block", 3),
        // The block was appended, but the answer was lost: never sent again.
        Fault::server_error("dbfs/add-block", 2).after_applying(),
        Fault::server_error("dbfs/close", 1),
        // Moving the old file aside fails: nothing was changed.
        Fault::error("dbfs/move", 1, 403, "PERMISSION_DENIED", "no move for you"),
        // Moving the new file into place fails: the old one is moved back.
        Fault::error("dbfs/move", 2, 403, "PERMISSION_DENIED", "no move for you"),
    ];
    for fault in faults {
        let description = format!("{fault:?}");
        let fake = FakeWorkspace::start().await;
        let old = bytes(2 * MIB + 3, 1);
        fake.add_dbfs_file("/data/model.bin", old.clone());
        let dir = tempfile::tempdir().unwrap();
        let local = write_local(dir.path(), "model.bin", &bytes(4 * MIB, 2));
        fake.inject(fault);

        let error = upload_in_blocks(&client(&fake), &local, "/data/model.bin", &overwrite())
            .await
            .unwrap_err();

        assert!(matches!(error, TransferError::Api { .. }), "{description}: {error:?}");
        assert!(error.to_string().contains("/data/model.bin"), "{error}");
        assert!(
            fake.dbfs_file("/data/model.bin") == Some(old),
            "{description}: old file changed"
        );
        assert_eq!(fake.dbfs_paths(), ["/", "/data", "/data/model.bin"], "{description}");
        assert_eq!(fake.open_handles(), 0, "{description}");
    }
}

#[tokio::test]
async fn a_block_with_an_unknown_outcome_is_never_sent_twice() {
    let fake = FakeWorkspace::start().await;
    fake.inject(Fault::server_error("dbfs/add-block", 2).after_applying());
    let dir = tempfile::tempdir().unwrap();
    let local = write_local(dir.path(), "a.bin", &bytes(3 * MIB, 4));
    let error = upload_in_blocks(&client(&fake), &local, "/new/a.bin", &UploadOptions::default())
        .await
        .unwrap_err();
    assert_eq!(
        error.api_error().and_then(|api| api.as_api()).map(|api| api.status),
        Some(500)
    );
    assert_eq!(fake.calls_to("dbfs/add-block"), 2);
    // A new file is written in place; after the failure it is gone again.
    assert_eq!(fake.dbfs_paths(), ["/", "/new"]);
}

/// A reader of `content` that counts the bytes it has given, and fails instead of giving the byte at
/// `fails_at`.
struct WatchedReader {
    content: Vec<u8>,
    given: Arc<AtomicUsize>,
    fails_at: Option<usize>,
}

impl tokio::io::AsyncRead for WatchedReader {
    fn poll_read(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
        buffer: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        let given = self.given.load(Ordering::SeqCst);
        if self.fails_at == Some(given) {
            return std::task::Poll::Ready(Err(std::io::Error::other("the disk is on fire")));
        }
        let end = self.fails_at.unwrap_or(self.content.len());
        let count = buffer.remaining().min(end - given);
        buffer.put_slice(&self.content[given..given + count]);
        self.given.fetch_add(count, Ordering::SeqCst);
        std::task::Poll::Ready(Ok(()))
    }
}

/// While a block is sent the next one is read, and none after it: when block k is reported done, the
/// reader has given k + 1 blocks (or everything), so at most two are held. The blocks arrive in order.
#[tokio::test]
async fn the_next_block_is_read_while_one_is_sent_and_no_further() {
    for size in [3 * MIB, 3 * MIB + 5] {
        let fake = FakeWorkspace::start().await;
        fake.inject(Fault::slowed("dbfs/add-block", Duration::from_millis(20)));
        let content = bytes(size, 21);
        let given = Arc::new(AtomicUsize::new(0));
        let reader = WatchedReader {
            content: content.clone(),
            given: Arc::clone(&given),
            fails_at: None,
        };
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&seen);
        let progress = ProgressFn::new(move |progress| {
            sink.lock()
                .unwrap()
                .push((progress.bytes_done as usize, given.load(Ordering::SeqCst)))
        });
        let options = UploadOptions {
            progress: Some(progress),
            ..UploadOptions::default()
        };
        upload_reader(&client(&fake), reader, "/ahead.bin", &options)
            .await
            .unwrap();

        let expected: Vec<(usize, usize)> = (1..=blocks(size))
            .map(|block| ((block * MIB).min(size), ((block + 1) * MIB).min(size)))
            .collect();
        assert_eq!(
            *seen.lock().unwrap(),
            expected,
            "(sent, read) after each block of {size} bytes"
        );
        assert!(fake.dbfs_file("/ahead.bin") == Some(content));
        assert_eq!(fake.calls_to("dbfs/add-block"), blocks(size));
    }
}

/// A failed block, or a failed read of the block after it, ends the upload there: no later block is sent,
/// the handle is closed and the new file removed.
#[tokio::test]
async fn a_failure_at_a_block_sends_nothing_after_it_and_leaves_nothing_behind() {
    // The fault, and the blocks the fake receives (the last of them answered with the fault, if any).
    let cases = [
        (Some(Fault::server_error("dbfs/add-block", 3)), None, 3),
        (
            Some(Fault::error("dbfs/add-block", 1, 400, "INVALID_PARAMETER_VALUE", "no")),
            None,
            1,
        ),
        // The reader fails in the third block, read while the second is sent.
        (None, Some(2 * MIB + 10), 2),
        (None, Some(0), 0),
    ];
    for (fault, fails_at, sent) in cases {
        let description = format!("{fault:?}, reader failing at {fails_at:?}");
        let fake = FakeWorkspace::start().await;
        fake.add_dbfs_dir("/new");
        if let Some(fault) = fault {
            fake.inject(fault);
        }
        let reader = WatchedReader {
            content: bytes(5 * MIB, 8),
            given: Arc::new(AtomicUsize::new(0)),
            fails_at,
        };
        let error = upload_reader(&client(&fake), reader, "/new/a.bin", &UploadOptions::default())
            .await
            .unwrap_err();

        match fails_at {
            Some(_) => assert!(matches!(error, TransferError::Io { .. }), "{description}: {error:?}"),
            None => assert!(matches!(error, TransferError::Api { .. }), "{description}: {error:?}"),
        }
        assert_eq!(fake.calls_to("dbfs/add-block"), sent, "{description}");
        assert_eq!(fake.calls_to("dbfs/close"), 1, "{description}");
        assert_eq!(fake.dbfs_paths(), ["/", "/new"], "{description}");
        assert_eq!(fake.open_handles(), 0, "{description}");
    }
}

/// A local path that is missing or a folder fails before any API call, naming the path.
#[tokio::test]
async fn a_missing_or_folder_local_path_fails_before_anything_is_sent() {
    let fake = FakeWorkspace::start().await;
    let dir = tempfile::tempdir().unwrap();
    for (local, doing) in [
        (dir.path().join("missing.bin"), "open"),
        (dir.path().to_owned(), "upload"),
    ] {
        let error = upload(&client(&fake), &local, "/a.bin", &UploadOptions::default())
            .await
            .unwrap_err();
        match &error {
            TransferError::Io { doing: was, path, .. } => {
                assert_eq!((*was, path.as_deref()), (doing, Some(local.as_path())), "{error}")
            }
            other => panic!("not a local error: {other:?}"),
        }
    }
    assert_eq!(fake.endpoints(), Vec::<String>::new());
}

#[tokio::test]
async fn a_partial_file_that_cannot_be_removed_is_named() {
    let fake = FakeWorkspace::start().await;
    let old = bytes(10, 1);
    fake.add_dbfs_file("/data/a.bin", old.clone());
    fake.inject(Fault::server_error("dbfs/add-block", 1));
    fake.inject(Fault::error("dbfs/delete", 1, 403, "PERMISSION_DENIED", "no"));
    let dir = tempfile::tempdir().unwrap();
    let local = write_local(dir.path(), "a.bin", &bytes(100, 2));

    let error = upload_in_blocks(&client(&fake), &local, "/data/a.bin", &overwrite())
        .await
        .unwrap_err();

    let TransferError::LeftBehind { leftover, error: cause } = &error else {
        panic!("{error:?}")
    };
    assert!(leftover.starts_with("/data/.a.bin.upload-"), "{leftover}");
    assert!(matches!(**cause, TransferError::Api { .. }));
    assert!(
        error.to_string().contains(&format!("`dbr dbfs delete {leftover}`")),
        "{error}"
    );
    assert!(fake.dbfs_file("/data/a.bin") == Some(old));
    assert_eq!(fake.dbfs_paths(), ["/", "/data", leftover.as_str(), "/data/a.bin"]);
}

/// Moving the new file into place and moving the old one back both fail: the error names where each is.
#[tokio::test]
async fn a_failed_swap_says_where_both_files_are() {
    let fake = FakeWorkspace::start().await;
    let old = bytes(10, 1);
    fake.add_dbfs_file("/data/a.bin", old.clone());
    fake.inject(Fault::error("dbfs/move", 2, 403, "PERMISSION_DENIED", "no"));
    fake.inject(Fault::error("dbfs/move", 3, 403, "PERMISSION_DENIED", "still no"));
    let new = bytes(MIB + 2, 2);
    let dir = tempfile::tempdir().unwrap();
    let local = write_local(dir.path(), "a.bin", &new);

    let error = upload(&client(&fake), &local, "/data/a.bin", &overwrite())
        .await
        .unwrap_err();

    let TransferError::SwapFailed {
        path, uploaded, backup, ..
    } = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!(path, "/data/a.bin");
    assert!(
        fake.dbfs_file(uploaded) == Some(new),
        "the new content is complete at {uploaded}"
    );
    assert!(fake.dbfs_file(backup) == Some(old), "the old file is at {backup}");
    let message = error.to_string();
    for expected in ["no", "still no", &format!("`dbr dbfs move {uploaded} /data/a.bin`")] {
        assert!(message.contains(expected), "{message}");
    }
    assert!(message.contains(backup.as_str()), "{message}");
}

/// A move done by the server whose answer was lost counts as done: the upload completes.
#[tokio::test]
async fn a_move_whose_answer_was_lost_is_not_undone() {
    for nth in [1, 2] {
        let fake = FakeWorkspace::start().await;
        fake.add_dbfs_file("/data/a.bin", bytes(10, 1));
        fake.inject(Fault::server_error("dbfs/move", nth).after_applying());
        let new = bytes(MIB + 2, 2);
        let dir = tempfile::tempdir().unwrap();
        let local = write_local(dir.path(), "a.bin", &new);

        upload(&client(&fake), &local, "/data/a.bin", &overwrite())
            .await
            .unwrap_or_else(|error| panic!("move {nth}: {error}"));

        assert!(fake.dbfs_file("/data/a.bin") == Some(new), "move {nth}");
        assert_eq!(fake.dbfs_paths(), ["/", "/data", "/data/a.bin"], "move {nth}");
    }
}

/// The new file is in place but the old one, moved aside, cannot be deleted: the error names it.
#[tokio::test]
async fn an_old_file_that_cannot_be_deleted_is_named() {
    let fake = FakeWorkspace::start().await;
    let old = bytes(10, 1);
    fake.add_dbfs_file("/data/a.bin", old.clone());
    fake.inject(Fault::error(
        "dbfs/delete",
        1,
        403,
        "PERMISSION_DENIED",
        "no delete for you",
    ));
    let new = bytes(20, 2);
    let dir = tempfile::tempdir().unwrap();
    let local = write_local(dir.path(), "a.bin", &new);

    let error = upload(&client(&fake), &local, "/data/a.bin", &overwrite())
        .await
        .unwrap_err();

    let TransferError::OldFileLeft { path, backup, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(path, "/data/a.bin");
    assert!(fake.dbfs_file("/data/a.bin") == Some(new));
    assert!(fake.dbfs_file(backup) == Some(old));
    assert!(
        error.to_string().contains(&format!("`dbr dbfs delete {backup}`")),
        "{error}"
    );
}

/// Returns once `endpoint` has received `calls` requests, the last of which the test stalled.
async fn reached(fake: &FakeWorkspace, endpoint: &str, calls: usize) {
    // A safety net against a transfer that never gets there, not a timing assertion.
    let give_up = tokio::time::Instant::now() + Duration::from_secs(60);
    while fake.calls_to(endpoint) < calls {
        assert!(
            tokio::time::Instant::now() < give_up,
            "no request {calls} to {endpoint}: {:?}",
            fake.endpoints()
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// Cancelled while a block is under way, an upload removes its partial file: the temporary one beside an
/// existing file (which stays as it was), or the new file it was creating.
#[tokio::test]
async fn a_cancelled_upload_removes_what_it_wrote() {
    for old in [Some(bytes(10, 1)), None] {
        let fake = FakeWorkspace::start().await;
        fake.add_dbfs_dir("/data");
        if let Some(old) = &old {
            fake.add_dbfs_file("/data/a.bin", old.clone());
        }
        fake.inject(Fault::server_error("dbfs/add-block", 2).stalled());
        let dir = tempfile::tempdir().unwrap();
        let local = write_local(dir.path(), "a.bin", &bytes(3 * MIB, 2));
        let cancel = CancellationToken::new();
        let options = UploadOptions {
            overwrite: true,
            cancel: Some(cancel.clone()),
            ..UploadOptions::default()
        };

        let client = client(&fake);
        let (result, ()) = tokio::join!(upload_in_blocks(&client, &local, "/data/a.bin", &options), async {
            reached(&fake, "dbfs/add-block", 2).await;
            cancel.cancel();
        });

        let error = result.unwrap_err();
        assert!(matches!(error, TransferError::Cancelled { .. }), "{error:?}");
        assert_eq!(error.to_string(), "the transfer of /data/a.bin was cancelled");
        let expected: &[&str] = match old {
            Some(_) => &["/", "/data", "/data/a.bin"],
            None => &["/", "/data"],
        };
        assert_eq!(fake.dbfs_paths(), expected);
        assert!(fake.dbfs_file("/data/a.bin") == old);
        assert_eq!(fake.open_handles(), 0);
    }
}

/// A download that is cancelled, or whose future is dropped, while a slice is under way leaves the
/// destination folder as it was: its temporary file, already holding the first slice, is removed.
#[tokio::test]
async fn a_cancelled_or_dropped_download_leaves_no_temporary_file() {
    for dropped in [false, true] {
        let fake = FakeWorkspace::start().await;
        fake.add_dbfs_file("/data/big.bin", bytes(3 * MIB, 1));
        fake.inject(Fault::server_error("dbfs/read", 2).stalled());
        let dir = tempfile::tempdir().unwrap();
        let previous = write_local(dir.path(), "big.bin", b"the previous download");
        let before = listing(dir.path());
        let cancel = CancellationToken::new();
        let options = DownloadOptions {
            cancel: Some(cancel.clone()),
            ..DownloadOptions::default()
        };

        let client = client(&fake);
        let downloading = download(&client, "/data/big.bin", &previous, &options);
        if dropped {
            tokio::select! {
                result = downloading => panic!("the stalled download ended: {result:?}"),
                () = reached(&fake, "dbfs/read", 2) => {}
            }
        } else {
            let (result, ()) = tokio::join!(downloading, async {
                reached(&fake, "dbfs/read", 2).await;
                cancel.cancel();
            });
            let error = result.unwrap_err();
            assert!(matches!(error, TransferError::Cancelled { .. }), "{error:?}");
        }

        assert_eq!(listing(dir.path()), before, "dropped: {dropped}");
        assert_eq!(std::fs::read(&previous).unwrap(), b"the previous download");
    }
}

#[tokio::test]
async fn throttling_on_a_block_is_retried_and_the_file_is_byte_exact() {
    let fake = FakeWorkspace::start().await;
    fake.inject(Fault::throttled("dbfs/add-block", 2));
    let content = bytes(3 * MIB + 9, 5);
    let dir = tempfile::tempdir().unwrap();
    let local = write_local(dir.path(), "a.bin", &content);

    upload_in_blocks(
        &fake.client(Duration::from_secs(10)),
        &local,
        "/data/a.bin",
        &UploadOptions::default(),
    )
    .await
    .unwrap();

    assert!(fake.dbfs_file("/data/a.bin") == Some(content));
    let statuses = statuses_of(&fake, "dbfs/add-block");
    assert_eq!(statuses, [200, 429, 200, 200, 200]);
}

#[tokio::test]
async fn a_server_error_on_a_read_is_retried_and_the_file_is_byte_exact() {
    let fake = FakeWorkspace::start().await;
    fake.inject(Fault::server_error("dbfs/read", 2));
    let content = bytes(3 * MIB, 6);
    fake.add_dbfs_file("/data/a.bin", content.clone());
    let dir = tempfile::tempdir().unwrap();
    let local = dir.path().join("a.bin");
    download(
        &fake.client(Duration::from_secs(10)),
        "/data/a.bin",
        &local,
        &DownloadOptions::default(),
    )
    .await
    .unwrap();
    assert!(std::fs::read(&local).unwrap() == content);
    assert_eq!(fake.calls_to("dbfs/read"), 4);
}

/// A download that fails at any point leaves the destination folder exactly as it was, an older file at the
/// destination included.
#[tokio::test]
async fn a_failed_download_leaves_no_partial_file() {
    let faults = [
        // Reads are idempotent, so the client retries a 500 until its budget is spent.
        Fault::server_error("dbfs/read", 1).persistent(),
        Fault::server_error("dbfs/read", 3).persistent(),
        Fault::answer("dbfs/read", 2, 200, json!({"bytes_read": 0, "data": ""})),
        Fault::answer("dbfs/read", 2, 200, json!({"bytes_read": 4, "data": "not base64!"})),
        Fault::answer("dbfs/read", 2, 200, json!({"bytes_read": 3, "data": "AAAAAA=="})),
        Fault::error("dbfs/read", 4, 404, "RESOURCE_DOES_NOT_EXIST", "deleted meanwhile"),
    ];
    for fault in faults {
        let description = format!("{fault:?}");
        let fake = FakeWorkspace::start().await;
        fake.add_dbfs_file("/data/big.bin", bytes(5 * MIB, 1));
        let dir = tempfile::tempdir().unwrap();
        write_local(dir.path(), "other.txt", b"unrelated");
        let previous = write_local(dir.path(), "big.bin", b"the previous download");
        let before = listing(dir.path());
        fake.inject(fault);

        let error = download(&client(&fake), "/data/big.bin", &previous, &DownloadOptions::default())
            .await
            .unwrap_err();

        assert!(
            matches!(error, TransferError::Api { .. } | TransferError::BadResponse { .. }),
            "{description}: {error:?}"
        );
        assert!(error.to_string().contains("/data/big.bin"), "{error}");
        assert_eq!(listing(dir.path()), before, "{description}");
        assert_eq!(std::fs::read(&previous).unwrap(), b"the previous download");
    }
}

#[tokio::test]
async fn a_file_that_grew_while_it_was_read_is_an_error() {
    let fake = FakeWorkspace::start().await;
    fake.add_dbfs_file("/data/log.txt", bytes(10, 1));
    // getStatus said 10 bytes; the read answers with 12.
    let grown = base64_of(&bytes(12, 1));
    fake.inject(Fault::answer(
        "dbfs/read",
        1,
        200,
        json!({"bytes_read": 12, "data": grown}),
    ));
    let dir = tempfile::tempdir().unwrap();
    let error = download(
        &client(&fake),
        "/data/log.txt",
        dir.path().join("log.txt"),
        &DownloadOptions::default(),
    )
    .await
    .unwrap_err();
    assert!(matches!(error, TransferError::BadResponse { .. }), "{error:?}");
    assert!(error.to_string().contains("grew"), "{error}");
    assert!(listing(dir.path()).is_empty());
}

fn base64_of(content: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(content)
}

#[tokio::test]
async fn downloading_a_directory_or_a_missing_path_is_a_clear_error() {
    let fake = FakeWorkspace::start().await;
    fake.add_dbfs_dir("/data/folder");
    let client = client(&fake);
    let dir = tempfile::tempdir().unwrap();
    let local = dir.path().join("out.bin");

    let error = download(&client, "/data/folder", &local, &DownloadOptions::default())
        .await
        .unwrap_err();
    assert!(
        matches!(&error, TransferError::IsDirectory { path } if path == "/data/folder"),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "/data/folder is a directory, not a file; name a file (inside it, for example)"
    );

    let error = download(&client, "/data/missing.bin", &local, &DownloadOptions::default())
        .await
        .unwrap_err();
    assert!(
        matches!(&error, TransferError::NotFound { path } if path == "/data/missing.bin"),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "nothing exists at /data/missing.bin; check the path by listing its parent folder"
    );
    assert!(listing(dir.path()).is_empty());
    assert_eq!(fake.calls_to("dbfs/read"), 0);
}

#[tokio::test]
async fn uploading_onto_a_directory_or_a_bad_path_is_a_clear_error() {
    let fake = FakeWorkspace::start().await;
    fake.add_dbfs_dir("/data/folder");
    let client = client(&fake);
    let dir = tempfile::tempdir().unwrap();
    let local = write_local(dir.path(), "a.bin", b"abc");

    let error = upload(&client, &local, "/data/folder", &overwrite()).await.unwrap_err();
    assert!(matches!(error, TransferError::IsDirectory { .. }), "{error:?}");
    for bad in ["data/a.bin", "/data/"] {
        let error = upload(&client, &local, bad, &overwrite()).await.unwrap_err();
        assert!(matches!(error, TransferError::InvalidPath { .. }), "{bad}: {error:?}");
    }
    let error = upload(&client, dir.path().join("missing.bin"), "/data/a.bin", &overwrite())
        .await
        .unwrap_err();
    assert!(matches!(&error, TransferError::Io { path: Some(_), .. }), "{error:?}");
    assert!(error.to_string().contains("missing.bin"), "{error}");
    assert_eq!(fake.calls_to("dbfs/create"), 0);
    assert_eq!(fake.dbfs_paths(), ["/", "/data", "/data/folder"]);
}

#[tokio::test]
async fn workspace_import_and_export_round_trip() {
    let fake = FakeWorkspace::start().await;
    fake.add_workspace_object("/Users/jane@example.com", WorkspaceObject::Directory);
    let client = client(&fake);
    let notebook = b"# Databricks notebook source\nprint('hello')\n".to_vec();
    let path = "/Users/jane@example.com/hello";
    let options = ImportOptions {
        format: Some(WorkspaceImportFormat::Source),
        language: Some(WorkspaceLanguage::Python),
        overwrite: false,
    };
    import(&client, path, &notebook, &options).await.unwrap();
    assert_eq!(
        fake.workspace_object(path),
        Some(WorkspaceObject::Notebook {
            language: "PYTHON".into(),
            content: notebook.clone()
        })
    );
    assert_eq!(
        export(&client, path, WorkspaceExportFormat::Source).await.unwrap(),
        notebook
    );

    let error = import(&client, path, b"print(2)", &options).await.unwrap_err();
    assert!(
        matches!(&error, TransferError::AlreadyExists { path: p } if p == path),
        "{error:?}"
    );
    let replace = ImportOptions {
        overwrite: true,
        ..options.clone()
    };
    import(&client, path, b"print(2)", &replace).await.unwrap();
    assert_eq!(
        export(&client, path, WorkspaceExportFormat::Source).await.unwrap(),
        b"print(2)"
    );

    // Binary content survives a RAW file round trip; the largest allowed size goes through.
    let file = bytes(WORKSPACE_CONTENT_LIMIT as usize, 9);
    let raw = ImportOptions {
        format: Some(WorkspaceImportFormat::Raw),
        ..ImportOptions::default()
    };
    import(&client, "/Users/jane@example.com/data.bin", &file, &raw)
        .await
        .unwrap();
    let exported = export(&client, "/Users/jane@example.com/data.bin", WorkspaceExportFormat::Raw)
        .await
        .unwrap();
    assert!(exported == file);

    let error = export(&client, "/Users/jane@example.com/nope", WorkspaceExportFormat::Source)
        .await
        .unwrap_err();
    assert!(matches!(error, TransferError::NotFound { .. }), "{error:?}");
}

#[tokio::test]
async fn an_oversize_import_is_refused_before_sending() {
    let fake = FakeWorkspace::start().await;
    let content = vec![b'x'; WORKSPACE_CONTENT_LIMIT as usize + 1];
    let error = import(&client(&fake), "/big", &content, &ImportOptions::default())
        .await
        .unwrap_err();
    assert!(
        matches!(
            &error,
            TransferError::TooLarge { operation: "import", path, size: Some(size), limit }
                if path == "/big" && *size == WORKSPACE_CONTENT_LIMIT + 1 && *limit == 10_485_760
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("nothing was sent"), "{error}");
    assert!(fake.calls().is_empty(), "{:?}", fake.calls());
}

#[tokio::test]
async fn the_export_size_error_is_reported_as_too_large() {
    let fake = FakeWorkspace::start().await;
    fake.add_workspace_object(
        "/Shared/huge.html",
        WorkspaceObject::File {
            content: vec![0; WORKSPACE_CONTENT_LIMIT as usize + 1],
        },
    );
    let error = export(&client(&fake), "/Shared/huge.html", WorkspaceExportFormat::Html)
        .await
        .unwrap_err();
    assert!(
        matches!(
            &error,
            TransferError::TooLarge {
                operation: "export",
                size: None,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        error.to_string().starts_with("cannot export /Shared/huge.html: "),
        "{error}"
    );
    assert_eq!(fake.calls()[0].status, 400);
}

/// An export comes as the raw file (`direct_download`), streamed to disk byte for byte: no base64, one
/// call, and nothing but the destination left in the folder.
#[tokio::test]
async fn an_export_streams_the_raw_file_to_disk_byte_exact() {
    let fake = FakeWorkspace::start().await;
    let client = client(&fake);
    let local = tempfile::tempdir().expect("a temporary folder");
    for size in [0, 1, 3 * MIB + 7] {
        let content = bytes(size, size as u64);
        let path = format!("/Shared/file-{size}.bin");
        fake.add_workspace_object(
            &path,
            WorkspaceObject::File {
                content: content.clone(),
            },
        );
        let destination = local.path().join(format!("file-{size}.bin"));
        let written = export_file(&client, &path, WorkspaceExportFormat::Source, &destination, false)
            .await
            .unwrap();
        assert_eq!(written, size as u64);
        assert!(std::fs::read(&destination).unwrap() == content, "{size} bytes differ");
        assert!(export(&client, &path, WorkspaceExportFormat::Source).await.unwrap() == content);
    }
    let calls = fake.calls();
    assert_eq!(calls.len(), 6, "{calls:?}");
    assert!(
        calls
            .iter()
            .all(|call| call.endpoint == "workspace/export" && call.raw_answer),
        "{calls:?}"
    );
    assert_eq!(listing(local.path()), ["file-0.bin", "file-1.bin", "file-3145735.bin"]);
}

/// A failed export leaves nothing behind, and an existing file is replaced only when asked for.
#[tokio::test]
async fn an_export_to_a_file_keeps_what_is_there_until_it_is_complete() {
    let fake = FakeWorkspace::start().await;
    let client = client(&fake);
    fake.add_workspace_object(
        "/Shared/a.txt",
        WorkspaceObject::File {
            content: b"new".to_vec(),
        },
    );
    let local = tempfile::tempdir().expect("a temporary folder");
    let destination = write_local(local.path(), "a.txt", b"old");

    let error = export_file(
        &client,
        "/Shared/a.txt",
        WorkspaceExportFormat::Source,
        &destination,
        false,
    )
    .await
    .unwrap_err();
    assert!(matches!(error, TransferError::AlreadyExists { .. }), "{error:?}");
    assert!(fake.calls().is_empty(), "nothing is asked for: {:?}", fake.calls());
    let error = export_file(
        &client,
        "/Shared/nope",
        WorkspaceExportFormat::Source,
        &destination,
        true,
    )
    .await
    .unwrap_err();
    assert!(matches!(error, TransferError::NotFound { .. }), "{error:?}");
    fake.inject(Fault::server_error("workspace/export", 2).persistent());
    let error = export_file(
        &client,
        "/Shared/a.txt",
        WorkspaceExportFormat::Source,
        &destination,
        true,
    )
    .await
    .unwrap_err();
    assert!(matches!(error, TransferError::Api { .. }), "{error:?}");
    assert_eq!(std::fs::read(&destination).unwrap(), b"old");
    assert_eq!(listing(local.path()), ["a.txt"]);
}

/// The status and error code of a failed call.
fn failure<T: std::fmt::Debug>(result: Result<T, databricks_client::Error>) -> (u16, String) {
    let error = result.expect_err("the call fails");
    let api = error.as_api().unwrap_or_else(|| panic!("not an API error: {error:?}"));
    (api.status, api.error_code.clone().unwrap_or_default())
}

/// The fake holds to the documented limits and errors the helpers rely on, so a helper that broke them
/// would fail here rather than in production.
#[tokio::test]
async fn the_fake_enforces_the_documented_dbfs_rules() {
    use databricks_client::models::{DbfsAddBlock, DbfsCreate, DbfsMove, DbfsReadParams};
    let fake = FakeWorkspace::start().await;
    let client = client(&fake);
    let dbfs = client.dbfs();
    let handle = dbfs.create(&DbfsCreate::new("/a.bin")).await.unwrap().handle.unwrap();
    let too_big = DbfsAddBlock::new(handle, base64_of(&vec![0; MIB + 1]));
    assert_eq!(
        failure(dbfs.add_block(&too_big).await),
        (400, "MAX_BLOCK_SIZE_EXCEEDED".into())
    );
    let unknown = DbfsAddBlock::new(handle + 1, "AA==");
    assert_eq!(
        failure(dbfs.add_block(&unknown).await),
        (404, "RESOURCE_DOES_NOT_EXIST".into())
    );
    assert_eq!(
        failure(dbfs.create(&DbfsCreate::new("/a.bin")).await),
        (400, "RESOURCE_ALREADY_EXISTS".into())
    );
    fake.add_dbfs_file("/b.bin", b"b".to_vec());
    assert_eq!(
        failure(dbfs.move_(&DbfsMove::new("/a.bin", "/b.bin")).await),
        (400, "RESOURCE_ALREADY_EXISTS".into())
    );
    let long_read = DbfsReadParams {
        length: Some(MIB as i64 + 1),
        ..Default::default()
    };
    assert_eq!(
        failure(dbfs.read("/b.bin", &long_read).await),
        (400, "MAX_READ_SIZE_EXCEEDED".into())
    );
    let past_the_end = DbfsReadParams {
        offset: Some(5),
        ..Default::default()
    };
    assert_eq!(dbfs.read("/b.bin", &past_the_end).await.unwrap().bytes_read, Some(0));
}

#[test]
fn readme_transfer_example_is_the_compiled_one() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).expect("README.md");
    let example = std::fs::read_to_string(repo_root().join("tests/examples/readme_transfer.rs")).expect("the example");
    assert!(
        readme.contains(&format!("```rust\n{example}```")),
        "README.md's transfer example differs from tests/examples/readme_transfer.rs; keep them identical"
    );
}

/// An import goes as a multipart upload, as the official SDKs send it: the bytes as they are in the
/// `content` file part (no base64), the other fields as text parts.
#[tokio::test]
async fn an_import_is_a_multipart_upload_of_the_bytes_as_they_are() {
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/2.0/workspace/import"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
        .mount(&server)
        .await;
    let client = databricks_tests::mock::client(&server);
    let content = [b"print(\"caf\xc3\xa9\")\n".as_slice(), &[0xff, 0x00]].concat();
    let options = ImportOptions {
        format: Some(WorkspaceImportFormat::Source),
        language: Some(WorkspaceLanguage::Python),
        overwrite: true,
    };
    import(&client, "/Users/jane@example.com/etl", &content, &options)
        .await
        .expect("imported");
    let requests = server.received_requests().await.expect("requests are recorded");
    let request = &requests[0];
    let content_type = request.headers["content-type"].to_str().expect("text");
    assert!(
        content_type.starts_with("multipart/form-data; boundary="),
        "{content_type}"
    );
    let body = &request.body;
    let contains = |needle: &[u8]| body.windows(needle.len()).any(|window| window == needle);
    assert!(contains(b"name=\"path\"\r\n\r\n/Users/jane@example.com/etl\r\n"));
    assert!(contains(b"name=\"format\"\r\n\r\nSOURCE\r\n"));
    assert!(contains(b"name=\"language\"\r\n\r\nPYTHON\r\n"));
    assert!(contains(b"name=\"overwrite\"\r\n\r\ntrue\r\n"));
    assert!(
        contains(b"name=\"content\"; filename=\"content\""),
        "{}",
        String::from_utf8_lossy(body)
    );
    assert!(contains(&content), "the content travels as it is, not base64");
}
