//! `dbr fs ls|cat|cp|rm|mkdir` on Unity Catalog volumes (`/Volumes/...`, `dbfs:/Volumes/...`): the built
//! binary against the fake's Files API. Byte-exact copies both ways (0 B, 1 B, several MiB, a tree),
//! listings over several pages, overwrite refusal, copies between DBFS and a volume, and what a failure or
//! an interrupt leaves behind (nothing partial, locally or in the volume).

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;

use databricks_tests::dbr::{self, Run, assert_exit};
use databricks_tests::fake_workspace::{FILES_PAGE_LIMIT, FakeWorkspace, Fault};
use databricks_tests::local_files::{local_tree, noise, write_tree};
use serde_json::json;

const MIB: usize = 1024 * 1024;
const VOLUME: &str = "/Volumes/main/default/landing";

fn dbr(fake: &FakeWorkspace, args: &[&str]) -> Run {
    dbr::run_against(&fake.uri(), args)
}

async fn fake_with_volume() -> FakeWorkspace {
    let fake = FakeWorkspace::start().await;
    fake.add_volume(VOLUME);
    fake
}

fn text(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

fn in_volume(relative: &str) -> String {
    format!("{VOLUME}/{relative}")
}

// ---- cp ----

#[tokio::test]
async fn cp_copies_0_b_1_b_and_5_mib_up_and_back_byte_exact() {
    let fake = fake_with_volume().await;
    let local = tempfile::tempdir().expect("a temporary folder");
    for (name, content) in [
        ("empty.bin", Vec::new()),
        ("one.bin", vec![0x2a]),
        ("big.bin", noise(5 * MIB, 1)),
    ] {
        let source = local.path().join(name);
        std::fs::write(&source, &content).expect("write the source");
        // Both spellings reach the volume.
        let remote = match name {
            "one.bin" => format!("dbfs:{}", in_volume(name)),
            _ => in_volume(name),
        };
        let puts_before = fake.calls_to("fs/files");
        let up = dbr(&fake, &["fs", "cp", text(&source), &remote]);
        assert_exit(&up, 0);
        assert_eq!(up.stdout, "");
        assert!(
            fake.volume_file(&in_volume(name)) == Some(content.clone()),
            "the uploaded bytes of {name} differ"
        );
        // One request carries the whole file, byte for byte.
        let uploads: Vec<_> = fake
            .calls()
            .into_iter()
            .filter(|call| call.endpoint == "fs/files")
            .collect();
        assert_eq!(uploads.len() - puts_before, 1, "{uploads:?}");
        assert_eq!(uploads.last().map(|call| call.payload_bytes), Some(content.len()));

        let back = local.path().join(format!("back-{name}"));
        let down = dbr(&fake, &["fs", "cp", &remote, text(&back)]);
        assert_exit(&down, 0);
        assert!(
            std::fs::read(&back).expect("the copy") == content,
            "the downloaded bytes of {name} differ"
        );
    }
    let up = dbr(
        &fake,
        &[
            "fs",
            "cp",
            text(&local.path().join("big.bin")),
            &format!("{VOLUME}/again/"),
        ],
    );
    assert_exit(&up, 0);
    assert_eq!(up.stderr, "copied 1 file, 5.0 MiB\n");
    assert!(
        fake.volume_file(&in_volume("again/big.bin")).is_some(),
        "a path ending in / is a folder"
    );
    // Nothing but the copies, no temporary file.
    let names: Vec<String> = local_tree(local.path()).into_keys().collect();
    assert_eq!(
        names,
        [
            "back-big.bin",
            "back-empty.bin",
            "back-one.bin",
            "big.bin",
            "empty.bin",
            "one.bin"
        ]
    );
}

#[tokio::test]
async fn cp_recursive_copies_a_nested_tree_both_ways() {
    let fake = fake_with_volume().await;
    let local = tempfile::tempdir().expect("a temporary folder");
    let source = local.path().join("project");
    let big = noise(2 * MIB + 3, 2);
    write_tree(
        &source,
        &[
            ("a.txt", b"alpha"),
            ("empty.bin", b""),
            ("sub/b.bin", &big),
            ("sub/deeper/c.csv", b"x,y\n1,2\n"),
            ("hollow/", b""),
        ],
    );

    let up = dbr(&fake, &["fs", "cp", "-r", text(&source), &in_volume("project")]);
    assert_exit(&up, 0);
    assert_eq!(up.stderr, "copied 4 files, 2.0 MiB\n");
    assert_eq!(fake.volume_file(&in_volume("project/sub/b.bin")), Some(big.clone()));
    assert!(
        fake.volume_paths().contains(&in_volume("project/hollow")),
        "empty folders are created"
    );

    let back = local.path().join("back");
    let down = dbr(
        &fake,
        &["fs", "cp", "-r", &format!("dbfs:{}", in_volume("project")), text(&back)],
    );
    assert_exit(&down, 0);
    assert_eq!(down.stderr, "copied 4 files, 2.0 MiB\n");
    assert_eq!(local_tree(&back), local_tree(&source));
}

#[tokio::test]
async fn cp_refuses_to_replace_files_without_overwrite() {
    let fake = fake_with_volume().await;
    fake.add_volume_file(&in_volume("a.txt"), "remote");
    let local = tempfile::tempdir().expect("a temporary folder");
    let source = local.path().join("a.txt");
    std::fs::write(&source, "local").expect("write a file");

    let up = dbr(&fake, &["fs", "cp", text(&source), &in_volume("a.txt")]);
    assert_exit(&up, 4);
    assert!(
        up.stderr
            .contains("/Volumes/main/default/landing/a.txt already exists and was left unchanged; add --overwrite"),
        "{}",
        up.stderr
    );
    assert_eq!(fake.volume_file(&in_volume("a.txt")), Some(b"remote".to_vec()));
    // The server refuses it: the request says so.
    let upload = fake.calls().into_iter().rfind(|call| call.endpoint == "fs/files");
    assert_eq!(upload.map(|call| call.status), Some(409));

    let down = dbr(&fake, &["fs", "cp", &in_volume("a.txt"), text(&source)]);
    assert_exit(&down, 4);
    assert!(down.stderr.contains("already exists"), "{}", down.stderr);
    assert_eq!(std::fs::read_to_string(&source).expect("the local file"), "local");

    let replaced = dbr(&fake, &["fs", "cp", "--overwrite", text(&source), &in_volume("a.txt")]);
    assert_exit(&replaced, 0);
    assert_eq!(fake.volume_file(&in_volume("a.txt")), Some(b"local".to_vec()));
}

#[tokio::test]
async fn cp_between_dbfs_and_a_volume_both_ways() {
    let fake = fake_with_volume().await;
    let content = noise(MIB + 17, 3);
    fake.add_dbfs_file("/data/model.bin", content.clone());

    let to_volume = dbr(&fake, &["fs", "cp", "dbfs:/data/model.bin", &in_volume("models/")]);
    assert_exit(&to_volume, 0);
    assert_eq!(fake.volume_file(&in_volume("models/model.bin")), Some(content.clone()));

    let to_dbfs = dbr(
        &fake,
        &["fs", "cp", &in_volume("models/model.bin"), "dbfs:/copies/model.bin"],
    );
    assert_exit(&to_dbfs, 0);
    assert_eq!(fake.dbfs_file("/copies/model.bin"), Some(content));
}

#[tokio::test]
async fn a_failed_upload_leaves_nothing_in_the_volume() {
    let fake = fake_with_volume().await;
    // Answered 500 every time: the upload is retried, then given up.
    fake.inject(Fault::server_error("fs/files", 1).persistent());
    let local = tempfile::tempdir().expect("a temporary folder");
    let source = local.path().join("a.bin");
    std::fs::write(&source, noise(1000, 4)).expect("write a file");

    let up = dbr::run(
        &["fs", "cp", text(&source), &in_volume("a.bin")],
        &[
            ("DATABRICKS_HOST", &fake.uri()),
            ("DATABRICKS_TOKEN", databricks_tests::TOKEN),
            ("DATABRICKS_RETRY_TIMEOUT_SECONDS", "1"),
        ],
        None,
    );
    assert_exit(&up, 4);
    assert!(up.stderr.contains("INTERNAL_ERROR"), "{}", up.stderr);
    assert_eq!(fake.volume_paths(), [VOLUME]);
}

/// A server that answers a volume download with the headers of a 1 MiB file, half of it, and then closes
/// the connection; the directory checks say the path is a file.
fn server_failing_mid_download() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("an address");
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = Vec::new();
            let mut buffer = [0; 4096];
            while !request.windows(4).any(|window| window == b"\r\n\r\n") {
                match stream.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(read) => request.extend_from_slice(&buffer[..read]),
                }
            }
            let request = String::from_utf8_lossy(&request);
            let answer: Vec<u8> = if request.starts_with("GET /api/2.0/fs/files/") {
                let mut answer =
                    b"HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\ncontent-length: 1048576\r\n\r\n"
                        .to_vec();
                answer.extend(std::iter::repeat_n(7u8, 512 * 1024));
                answer
            } else if request.starts_with("HEAD /api/2.0/fs/files/") {
                b"HTTP/1.1 200 OK\r\ncontent-length: 1048576\r\n\r\n".to_vec()
            } else if request.starts_with("GET /api/2.0/fs/directories/") {
                let body = json!({"contents": [{"path": "/Volumes/main/default/landing/big.bin", "name": "big.bin",
                    "is_directory": false, "file_size": 1_048_576, "last_modified": 1_705_310_940_000_i64}]})
                .to_string();
                format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                    body.len()
                )
                .into_bytes()
            } else {
                let body = r#"{"error_code":"NOT_FOUND","message":"no such directory"}"#;
                format!(
                    "HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                    body.len()
                )
                .into_bytes()
            };
            let _ = stream.write_all(&answer);
            // Dropped: the connection closes, mid-body for the download.
        }
    });
    format!("http://{address}")
}

#[tokio::test]
async fn a_download_cut_short_leaves_no_local_file() {
    let host = server_failing_mid_download();
    let local = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(local.path().join("other.txt"), "unrelated").expect("write a file");
    let destination = local.path().join("big.bin");

    let run = dbr::run_against(&host, &["fs", "cp", &in_volume("big.bin"), text(&destination)]);
    assert_exit(&run, 4);
    assert!(
        run.stderr.contains("end of file before message length reached"),
        "{}",
        run.stderr
    );
    let expected: BTreeMap<String, Option<Vec<u8>>> = [("other.txt".to_owned(), Some(b"unrelated".to_vec()))]
        .into_iter()
        .collect();
    assert_eq!(local_tree(local.path()), expected, "{}", run.stderr);

    let cat = dbr::run_against(&host, &["fs", "cat", &in_volume("big.bin")]);
    assert_ne!(cat.code, 0, "a cut-short `cat` is an error: {}", cat.stderr);
}

#[cfg(unix)]
#[tokio::test]
async fn cp_interrupted_while_downloading_exits_130_and_leaves_no_partial_file() {
    let fake = fake_with_volume().await;
    fake.add_volume_file(&in_volume("big.bin"), noise(3 * MIB, 5));
    // The plan sends HEAD requests; the 2nd request to the file is the download, which never answers.
    fake.inject(Fault::server_error("fs/files", 2).stalled());
    let local = tempfile::tempdir().expect("a temporary folder");
    let destination = local.path().join("big.bin");

    let args = ["fs", "cp", &in_volume("big.bin"), text(&destination)];
    let run = fake.interrupt_dbr(&args, "fs/files", 2, "INT");
    assert_exit(&run, 130);
    assert_eq!(
        run.stderr,
        "copied 0 files, 0 B\nError: interrupted: 1 file not copied; partial files were removed\n"
    );
    assert!(local_tree(local.path()).is_empty(), "{}", run.stderr);
}

#[cfg(unix)]
#[tokio::test]
async fn cp_interrupted_while_uploading_leaves_no_file_in_the_volume() {
    let fake = fake_with_volume().await;
    fake.inject(Fault::server_error("fs/files", 1).stalled());
    let local = tempfile::tempdir().expect("a temporary folder");
    let source = local.path().join("a.bin");
    std::fs::write(&source, noise(2 * MIB, 6)).expect("write a file");

    let args = ["fs", "cp", text(&source), &in_volume("a.bin")];
    let run = fake.interrupt_dbr(&args, "fs/files", 1, "TERM");
    assert_exit(&run, 130);
    assert!(run.stderr.contains("interrupted: 1 file not copied"), "{}", run.stderr);
    assert_eq!(fake.volume_paths(), [VOLUME]);
}

// ---- ls, cat, mkdir, rm ----

#[tokio::test]
async fn ls_lists_every_page_as_json_and_long_tables() {
    let fake = fake_with_volume().await;
    fake.add_volume_file(&in_volume("data/a.csv"), "1,2\n");
    fake.add_volume_file(&in_volume("data/sub/z.bin"), vec![0; 2048]);

    let run = dbr(&fake, &["fs", "ls", &in_volume("data")]);
    assert_exit(&run, 0);
    assert_eq!(
        run.json(),
        json!([
            {"path": "/Volumes/main/default/landing/data/a.csv", "name": "a.csv", "is_directory": false,
             "file_size": 4, "last_modified": 1_705_310_960_000_i64},
            {"path": "/Volumes/main/default/landing/data/sub", "name": "sub", "is_directory": true}
        ])
    );
    let long = dbr(
        &fake,
        &["fs", "ls", "-l", "-o", "text", &format!("dbfs:{}", in_volume("data"))],
    );
    assert_exit(&long, 0);
    assert_eq!(
        long.stdout,
        "file\t4 B\t2024-01-15 09:29\t/Volumes/main/default/landing/data/a.csv\n\
         directory\t-\t\t/Volumes/main/default/landing/data/sub\n"
    );
    // A file is described by its directory's entry.
    let one = dbr(&fake, &["fs", "ls", "-l", "-o", "text", &in_volume("data/sub/z.bin")]);
    assert_exit(&one, 0);
    assert_eq!(
        one.stdout,
        "file\t2.0 KiB\t2024-01-15 09:29\t/Volumes/main/default/landing/data/sub/z.bin\n"
    );

    // More entries than one page holds: every page is read.
    for index in 0..=FILES_PAGE_LIMIT {
        fake.add_volume_file(&in_volume(&format!("many/{index:04}.txt")), "");
    }
    let many = dbr(&fake, &["fs", "ls", &in_volume("many"), "--jq", "length"]);
    assert_exit(&many, 0);
    assert_eq!(many.stdout, format!("{}\n", FILES_PAGE_LIMIT + 1));
    assert_eq!(
        fake.calls()
            .iter()
            .filter(|call| call.path.as_deref() == Some(&in_volume("many")))
            .count(),
        3,
        "one check, two pages"
    );

    let missing = dbr(&fake, &["fs", "ls", &in_volume("nowhere")]);
    assert_exit(&missing, 4);
    assert!(missing.stderr.contains("nothing exists at"), "{}", missing.stderr);
}

#[tokio::test]
async fn cat_streams_a_file_byte_exact() {
    let fake = fake_with_volume().await;
    let content: String = (0..300_000).map(|line| format!("line {line:06} é\n")).collect();
    assert!(content.len() > 3 * MIB);
    fake.add_volume_file(&in_volume("run.log"), content.clone());
    let run = dbr(&fake, &["fs", "cat", &in_volume("run.log")]);
    assert_exit(&run, 0);
    assert!(
        run.stdout == content,
        "stdout differs from the file ({} bytes)",
        run.stdout.len()
    );
    assert_eq!(run.stderr, "");
    assert_eq!(fake.calls_to("fs/files"), 1, "one request");

    let folder = dbr(&fake, &["fs", "cat", VOLUME]);
    assert_exit(&folder, 2);
    assert!(
        folder.stderr.contains("is a folder; list it with `dbr fs ls"),
        "{}",
        folder.stderr
    );
}

#[tokio::test]
async fn mkdir_creates_parents_and_rm_deletes_files_and_trees() {
    let fake = fake_with_volume().await;
    let quiet = |run: Run| {
        assert_exit(&run, 0);
        assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
    };
    quiet(dbr(&fake, &["fs", "mkdir", &in_volume("a/b/c")]));
    assert_eq!(
        fake.volume_paths(),
        [VOLUME.to_owned(), in_volume("a"), in_volume("a/b"), in_volume("a/b/c")]
    );
    fake.add_volume_file(&in_volume("a/b/file.txt"), "x");
    fake.add_volume_file(&in_volume("a/top.txt"), "y");

    quiet(dbr(&fake, &["fs", "rm", &in_volume("a/top.txt")]));
    assert_eq!(fake.volume_file(&in_volume("a/top.txt")), None);

    let not_empty = dbr(&fake, &["fs", "rm", &in_volume("a/b")]);
    assert_exit(&not_empty, 4);
    assert!(not_empty.stderr.contains("not empty; add -r"), "{}", not_empty.stderr);
    assert!(fake.volume_file(&in_volume("a/b/file.txt")).is_some());

    quiet(dbr(&fake, &["fs", "rm", "-r", &in_volume("a")]));
    assert_eq!(fake.volume_paths(), [VOLUME]);

    quiet(dbr(&fake, &["fs", "mkdir", &in_volume("empty")]));
    quiet(dbr(&fake, &["fs", "rm", &in_volume("empty")]));
    assert_eq!(fake.volume_paths(), [VOLUME]);

    let volume = dbr(&fake, &["fs", "rm", "-r", VOLUME]);
    assert_exit(&volume, 2);
    assert!(volume.stderr.contains("is a volume"), "{}", volume.stderr);
}

#[tokio::test]
async fn paths_that_name_no_volume_are_usage_errors_that_send_nothing() {
    let fake = fake_with_volume().await;
    for args in [
        &["fs", "ls", "/Volumes/main/default"][..],
        &["fs", "mkdir", "dbfs:/Volumes/main"],
        &["fs", "cp", "a.txt", "/Volumes/"],
        &["fs", "mv", &in_volume("a"), &in_volume("b")],
    ] {
        let run = dbr(&fake, args);
        assert_exit(&run, 2);
        assert!(run.stderr.contains("/Volumes/"), "{args:?}: {}", run.stderr);
    }
    assert!(fake.calls().is_empty(), "{:?}", fake.endpoints());
}
