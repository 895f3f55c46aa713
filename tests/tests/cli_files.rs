//! `dbr fs ls|cat|cp|rm|mkdir|mv`, `dbr workspace export-dir|import-dir` and `dbr workspace export --file`:
//! the built binary against the stateful fake of DBFS and the workspace (`databricks_tests::fake_workspace`).
//! Byte-exact copies both ways, folder trees, overwrite safety, how many files are in flight, a failure in
//! the middle of a tree, the workspace size limit, and SIGINT/SIGTERM in the middle of a transfer (exit 130,
//! no partial file).

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use databricks_tests::dbr::{self, Run, assert_exit};
use databricks_tests::fake_workspace::{FakeWorkspace, Fault, WorkspaceObject};
use databricks_tests::local_files::{local_tree, noise, write_tree};
use serde_json::json;

const MIB: usize = 1024 * 1024;
/// One byte over what `workspace.import` accepts and `workspace.export` returns.
const OVER_WORKSPACE_LIMIT: usize = 10 * MIB + 1;

fn dbr(fake: &FakeWorkspace, args: &[&str]) -> Run {
    dbr::run_against(&fake.uri(), args)
}

fn text(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

/// The most `dbfs/create` handles open at once, from the fake's call log.
fn most_files_in_flight(fake: &FakeWorkspace) -> usize {
    let calls = fake.calls();
    // A file sent in one `dbfs.put` is in flight from the check of its path to the put's answer.
    let put: Vec<&Option<String>> = calls
        .iter()
        .filter(|call| call.endpoint == "dbfs/put")
        .map(|call| &call.path)
        .collect();
    let (mut open, mut most) = (0usize, 0usize);
    for call in &calls {
        match (call.endpoint.as_str(), call.status) {
            ("dbfs/create", 200) => open += 1,
            ("dbfs/get-status", _) if put.contains(&&call.path) => open += 1,
            ("dbfs/close" | "dbfs/put", 200) => open -= 1,
            _ => continue,
        }
        most = most.max(open);
    }
    most
}

fn notebook(language: &str, content: &str) -> WorkspaceObject {
    WorkspaceObject::Notebook {
        language: language.to_owned(),
        content: content.as_bytes().to_vec(),
    }
}

fn file(content: &[u8]) -> WorkspaceObject {
    WorkspaceObject::File {
        content: content.to_vec(),
    }
}

// ---- fs cp ----

#[tokio::test]
async fn cp_copies_5_mib_up_and_back_byte_exact() {
    let fake = FakeWorkspace::start().await;
    let local = tempfile::tempdir().expect("a temporary folder");
    let original = noise(5 * MIB, 1);
    let source = local.path().join("big.bin");
    std::fs::write(&source, &original).expect("write the source");

    let up = dbr(&fake, &["fs", "cp", text(&source), "dbfs:/data/big.bin"]);
    assert_exit(&up, 0);
    assert_eq!(up.stdout, "");
    assert_eq!(up.stderr, "copied 1 file, 5.0 MiB\n");
    assert!(
        fake.dbfs_file("/data/big.bin") == Some(original.clone()),
        "the uploaded bytes differ"
    );
    // Under 2 GB, one multipart request.
    assert_eq!(fake.calls_to("dbfs/put"), 1);
    assert_eq!(fake.calls_to("dbfs/add-block"), 0);

    // Into an existing folder, the file keeps its name.
    let back = local.path().join("back");
    std::fs::create_dir(&back).expect("create a folder");
    let down = dbr(&fake, &["fs", "cp", "dbfs:/data/big.bin", text(&back)]);
    assert_exit(&down, 0);
    assert_eq!(down.stdout, "");
    assert_eq!(down.stderr, "copied 1 file, 5.0 MiB\n");
    assert!(
        std::fs::read(back.join("big.bin")).ok() == Some(original),
        "the downloaded bytes differ"
    );
    assert_eq!(fake.calls_to("dbfs/read"), 5);
}

#[tokio::test]
async fn cp_into_a_dbfs_folder_keeps_the_file_name() {
    let fake = FakeWorkspace::start().await;
    let local = tempfile::tempdir().expect("a temporary folder");
    let source = local.path().join("report.csv");
    std::fs::write(&source, "a,b\n").expect("write the source");
    fake.add_dbfs_dir("/inbox");

    assert_exit(&dbr(&fake, &["fs", "cp", text(&source), "dbfs:/inbox"]), 0);
    assert_eq!(fake.dbfs_file("/inbox/report.csv"), Some(b"a,b\n".to_vec()));
    // A trailing slash names a folder even before it exists.
    assert_exit(&dbr(&fake, &["fs", "cp", text(&source), "dbfs:/new/"]), 0);
    assert_eq!(fake.dbfs_file("/new/report.csv"), Some(b"a,b\n".to_vec()));
    // Otherwise the destination is the new file's path.
    assert_exit(&dbr(&fake, &["fs", "cp", text(&source), "dbfs:/renamed.csv"]), 0);
    assert_eq!(fake.dbfs_file("/renamed.csv"), Some(b"a,b\n".to_vec()));
}

#[tokio::test]
async fn cp_recursive_copies_a_nested_tree_both_ways() {
    let fake = FakeWorkspace::start().await;
    let local = tempfile::tempdir().expect("a temporary folder");
    let source = local.path().join("src");
    let large = noise(3 * MIB / 2, 2);
    write_tree(
        &source,
        &[
            ("top.txt", b"top"),
            ("a/one.txt", b"one"),
            ("a/b/two.bin", &large),
            ("empty/", b""),
        ],
    );

    let up = dbr(&fake, &["fs", "cp", "-r", text(&source), "dbfs:/proj"]);
    assert_exit(&up, 0);
    assert_eq!(up.stdout, "");
    assert_eq!(up.stderr, "copied 3 files, 1.5 MiB\n");
    assert_eq!(
        fake.dbfs_paths(),
        [
            "/",
            "/proj",
            "/proj/a",
            "/proj/a/b",
            "/proj/a/b/two.bin",
            "/proj/a/one.txt",
            "/proj/empty",
            "/proj/top.txt"
        ]
    );
    assert!(
        fake.dbfs_file("/proj/a/b/two.bin") == Some(large.clone()),
        "the uploaded bytes differ"
    );
    assert_eq!(fake.dbfs_file("/proj/a/one.txt"), Some(b"one".to_vec()));

    let copy = local.path().join("copy");
    let down = dbr(&fake, &["fs", "cp", "-r", "dbfs:/proj", text(&copy)]);
    assert_exit(&down, 0);
    assert_eq!(down.stderr, "copied 3 files, 1.5 MiB\n");
    assert!(
        local_tree(&copy) == local_tree(&source),
        "{:?}",
        local_tree(&copy).keys()
    );
}

#[tokio::test]
async fn cp_within_dbfs_goes_through_this_computer() {
    let fake = FakeWorkspace::start().await;
    let content = noise(3 * MIB / 2, 3);
    fake.add_dbfs_file("/a/x.bin", content.clone());
    fake.add_dbfs_file("/a/sub/y.txt", "y");

    let one = dbr(&fake, &["fs", "cp", "dbfs:/a/x.bin", "dbfs:/b/x-copy.bin"]);
    assert_exit(&one, 0);
    assert_eq!(one.stderr, "copied 1 file, 1.5 MiB\n");
    assert!(
        fake.dbfs_file("/b/x-copy.bin") == Some(content.clone()),
        "the copied bytes differ"
    );
    assert!(
        fake.dbfs_file("/a/x.bin") == Some(content.clone()),
        "the source changed"
    );

    let tree = dbr(&fake, &["fs", "cp", "-r", "dbfs:/a", "dbfs:/c"]);
    assert_exit(&tree, 0);
    assert!(fake.dbfs_file("/c/x.bin") == Some(content), "the copied bytes differ");
    assert_eq!(fake.dbfs_file("/c/sub/y.txt"), Some(b"y".to_vec()));
}

#[tokio::test]
async fn cp_refuses_to_replace_files_without_overwrite() {
    let fake = FakeWorkspace::start().await;
    let local = tempfile::tempdir().expect("a temporary folder");
    let new = local.path().join("a.txt");
    std::fs::write(&new, "new").expect("write a file");
    fake.add_dbfs_file("/d/a.txt", "old");

    let refused = dbr(&fake, &["fs", "cp", text(&new), "dbfs:/d/a.txt"]);
    assert_exit(&refused, 4);
    assert!(
        refused
            .stderr
            .contains("/d/a.txt already exists and was left unchanged; add --overwrite"),
        "{}",
        refused.stderr
    );
    assert_eq!(fake.dbfs_file("/d/a.txt"), Some(b"old".to_vec()));
    assert_eq!(fake.calls_to("dbfs/create"), 0);
    assert_exit(
        &dbr(&fake, &["fs", "cp", "--overwrite", text(&new), "dbfs:/d/a.txt"]),
        0,
    );
    assert_eq!(fake.dbfs_file("/d/a.txt"), Some(b"new".to_vec()));

    // Downloading onto a local file.
    let mine = local.path().join("b.txt");
    std::fs::write(&mine, "mine").expect("write a file");
    fake.add_dbfs_file("/d/b.txt", "theirs");
    let refused = dbr(&fake, &["fs", "cp", "dbfs:/d/b.txt", text(&mine)]);
    assert_exit(&refused, 4);
    assert!(refused.stderr.contains("b.txt already exists"), "{}", refused.stderr);
    assert_eq!(std::fs::read(&mine).ok(), Some(b"mine".to_vec()));
    assert_eq!(fake.calls_to("dbfs/read"), 0);
    assert_exit(
        &dbr(&fake, &["fs", "cp", "dbfs:/d/b.txt", text(&mine), "--overwrite"]),
        0,
    );
    assert_eq!(std::fs::read(&mine).ok(), Some(b"theirs".to_vec()));
}

#[tokio::test]
async fn cp_recursive_without_overwrite_copies_only_new_files() {
    let fake = FakeWorkspace::start().await;
    let local = tempfile::tempdir().expect("a temporary folder");
    write_tree(local.path(), &[("kept.txt", b"local"), ("fresh.txt", b"fresh")]);
    fake.add_dbfs_file("/t/kept.txt", "remote");

    let run = dbr(&fake, &["fs", "cp", "-r", text(local.path()), "dbfs:/t"]);
    assert_exit(&run, 4);
    assert_eq!(fake.dbfs_file("/t/kept.txt"), Some(b"remote".to_vec()));
    assert_eq!(fake.dbfs_file("/t/fresh.txt"), Some(b"fresh".to_vec()));
    let kept = local.path().join("kept.txt");
    assert_eq!(
        run.stderr,
        format!(
            "failed: {} -> dbfs:/t/kept.txt: /t/kept.txt already exists and was left unchanged; add --overwrite to \
             replace it\ncopied 1 file, 5 B\nError: 1 of 2 files failed (listed above)\n",
            kept.display()
        )
    );
}

#[tokio::test]
async fn cp_recursive_lists_a_failed_file_and_copies_the_others() {
    let fake = FakeWorkspace::start().await;
    let local = tempfile::tempdir().expect("a temporary folder");
    let names = ["f1.txt", "f2.txt", "f3.txt", "f4.txt", "f5.txt"];
    for name in names {
        std::fs::write(local.path().join(name), name).expect("write a file");
    }
    // Whichever file's upload starts third is refused; the others go on.
    fake.inject(Fault::error(
        "dbfs/put",
        3,
        403,
        "PERMISSION_DENIED",
        "injected: no write access",
    ));

    let run = dbr(&fake, &["fs", "cp", "-r", text(local.path()), "dbfs:/out"]);
    assert_exit(&run, 4);
    let missing: Vec<&str> = names
        .into_iter()
        .filter(|name| fake.dbfs_file(&format!("/out/{name}")).is_none())
        .collect();
    let [failed] = missing[..] else {
        panic!("expected exactly one file missing, found {missing:?}\n{}", run.stderr);
    };
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stderr);
    let expected_start = format!(
        "failed: {} -> dbfs:/out/{failed}: ",
        local.path().join(failed).display()
    );
    assert!(lines[0].starts_with(&expected_start), "{}", run.stderr);
    assert!(lines[0].contains("injected: no write access"), "{}", run.stderr);
    assert_eq!(lines[1], "copied 4 files, 24 B");
    assert_eq!(lines[2], "Error: 1 of 5 files failed (listed above)");
}

#[tokio::test]
async fn cp_keeps_at_most_concurrency_files_in_flight() {
    let local = tempfile::tempdir().expect("a temporary folder");
    // Two blocks each, so a file stays open across several requests.
    for index in 0..6 {
        std::fs::write(local.path().join(format!("part-{index}")), noise(3 * MIB / 2, index)).expect("write");
    }
    for (concurrency, expected) in [("1", 1), ("3", 3)] {
        let fake = FakeWorkspace::start().await;
        // Each file's check of its path is slow, so the files in flight overlap even on a loaded machine.
        fake.inject(Fault::slowed("dbfs/get-status", Duration::from_millis(200)));
        let run = dbr(
            &fake,
            &[
                "fs",
                "cp",
                "-r",
                "--concurrency",
                concurrency,
                text(local.path()),
                "dbfs:/parts",
            ],
        );
        assert_exit(&run, 0);
        assert_eq!(run.stderr, "copied 6 files, 9.0 MiB\n");
        assert_eq!(most_files_in_flight(&fake), expected, "--concurrency {concurrency}");
        assert_eq!(fake.open_handles(), 0);
    }
}

#[tokio::test]
async fn cp_usage_errors_send_nothing() {
    let fake = FakeWorkspace::start().await;
    let local = tempfile::tempdir().expect("a temporary folder");
    let folder = text(local.path());

    let zero = dbr(&fake, &["fs", "cp", "--concurrency", "0", "a.txt", "dbfs:/a.txt"]);
    assert_exit(&zero, 2);
    assert!(zero.stderr.contains("--concurrency"), "{}", zero.stderr);
    let local_only = dbr(&fake, &["fs", "cp", "a.txt", "b.txt"]);
    assert_exit(&local_only, 2);
    assert!(
        local_only
            .stderr
            .contains("neither a.txt nor b.txt is a DBFS or volume path"),
        "{}",
        local_only.stderr
    );
    let folder_without_r = dbr(&fake, &["fs", "cp", folder, "dbfs:/x"]);
    assert_exit(&folder_without_r, 2);
    assert!(
        folder_without_r.stderr.contains("add -r"),
        "{}",
        folder_without_r.stderr
    );
    assert_eq!(fake.calls(), []);
}

// ---- fs ls, cat, rm, mkdir, mv ----

#[tokio::test]
async fn ls_lists_entries_as_json_and_as_tables() {
    let fake = FakeWorkspace::start().await;
    fake.add_dbfs_file("/data/a.csv", "1,2\n");
    fake.add_dbfs_dir("/data/sub");
    fake.add_dbfs_file("/data/z.bin", vec![0; 2048]);

    let run = dbr(&fake, &["fs", "ls", "dbfs:/data"]);
    assert_exit(&run, 0);
    assert_eq!(
        run.json(),
        json!([
            {"path": "/data/a.csv", "is_dir": false, "file_size": 4, "modification_time": 1_705_310_961_000_i64},
            {"path": "/data/sub", "is_dir": true, "file_size": 0, "modification_time": 1_705_310_962_000_i64},
            {"path": "/data/z.bin", "is_dir": false, "file_size": 2048, "modification_time": 1_705_310_963_000_i64}
        ])
    );

    let names = dbr(&fake, &["fs", "ls", "dbfs:/data", "-o", "table"]);
    assert_exit(&names, 0);
    insta::assert_snapshot!("ls_table", names.stdout);
    // -l: sizes in binary units, directories marked, times in UTC to the minute.
    let long = dbr(&fake, &["fs", "ls", "dbfs:/data", "-l", "-o", "table"]);
    assert_exit(&long, 0);
    insta::assert_snapshot!("ls_long_table", long.stdout);
    let long_text = dbr(&fake, &["fs", "ls", "dbfs:/data", "--long", "-o", "text"]);
    assert_exit(&long_text, 0);
    assert_eq!(
        long_text.stdout,
        "file\t4 B\t2024-01-15 09:29\t/data/a.csv\n\
         directory\t-\t2024-01-15 09:29\t/data/sub\n\
         file\t2.0 KiB\t2024-01-15 09:29\t/data/z.bin\n"
    );
    let long_json = dbr(&fake, &["fs", "ls", "dbfs:/data", "-l", "-o", "json"]);
    assert_exit(&long_json, 0);
    assert_eq!(long_json.json(), run.json(), "-o json stays the API's data with -l");
    let long_jq = dbr(
        &fake,
        &["fs", "ls", "dbfs:/data", "-l", "-o", "text", "--jq", ".[0].file_size"],
    );
    assert_exit(&long_jq, 0);
    assert_eq!(long_jq.stdout, "4\n", "--jq reads the API's data");

    let limited = dbr(&fake, &["fs", "ls", "dbfs:/data", "--limit", "1", "--jq", ".[].path"]);
    assert_exit(&limited, 0);
    assert_eq!(limited.stdout, "\"/data/a.csv\"\n");

    let missing = dbr(&fake, &["fs", "ls", "dbfs:/nowhere"]);
    assert_exit(&missing, 1);
    assert!(missing.stderr.contains("RESOURCE_DOES_NOT_EXIST"), "{}", missing.stderr);
}

#[tokio::test]
async fn cat_streams_a_file_in_1_mib_reads() {
    let fake = FakeWorkspace::start().await;
    let content: String = (0..230_000).map(|line| format!("line {line:06}\n")).collect();
    assert!(content.len() > 2 * MIB && content.len() < 3 * MIB);
    fake.add_dbfs_file("/logs/run.log", content.clone());

    let run = dbr(&fake, &["fs", "cat", "dbfs:/logs/run.log"]);
    assert_exit(&run, 0);
    assert!(
        run.stdout == content,
        "stdout differs from the file ({} bytes)",
        run.stdout.len()
    );
    assert_eq!(run.stderr, "");
    assert_eq!(fake.calls_to("dbfs/read"), 3);

    let folder = dbr(&fake, &["fs", "cat", "dbfs:/logs"]);
    assert_exit(&folder, 2);
    assert!(folder.stderr.contains("dbfs:/logs is a folder"), "{}", folder.stderr);
    assert_exit(&dbr(&fake, &["fs", "cat", "dbfs:/logs/missing.log"]), 1);
}

#[tokio::test]
async fn mkdir_mv_and_rm_change_dbfs_and_print_nothing() {
    let fake = FakeWorkspace::start().await;
    let quiet = |run: Run| {
        assert_exit(&run, 0);
        assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
    };

    quiet(dbr(&fake, &["fs", "mkdir", "dbfs:/a/b/c"]));
    assert_eq!(fake.dbfs_paths(), ["/", "/a", "/a/b", "/a/b/c"]);

    fake.add_dbfs_file("/a/b/c/f.txt", "f");
    quiet(dbr(&fake, &["fs", "mv", "dbfs:/a/b/c/f.txt", "dbfs:/a/g.txt"]));
    assert_eq!(fake.dbfs_file("/a/g.txt"), Some(b"f".to_vec()));
    assert_eq!(fake.dbfs_file("/a/b/c/f.txt"), None);
    // Into an existing folder, it keeps its name.
    quiet(dbr(&fake, &["fs", "mv", "dbfs:/a/g.txt", "dbfs:/a/b"]));
    assert_eq!(fake.dbfs_file("/a/b/g.txt"), Some(b"f".to_vec()));

    let not_empty = dbr(&fake, &["fs", "rm", "dbfs:/a"]);
    assert_exit(&not_empty, 1);
    assert!(not_empty.stderr.contains("IO_ERROR"), "{}", not_empty.stderr);
    assert_eq!(fake.dbfs_file("/a/b/g.txt"), Some(b"f".to_vec()));
    quiet(dbr(&fake, &["fs", "rm", "-r", "dbfs:/a"]));
    assert_eq!(fake.dbfs_paths(), ["/"]);

    let root = dbr(&fake, &["fs", "rm", "-r", "dbfs:/"]);
    assert_exit(&root, 2);
    assert_eq!(fake.calls_to("dbfs/delete"), 2);
}

#[tokio::test]
async fn dbfs_commands_refuse_paths_without_the_scheme() {
    let fake = FakeWorkspace::start().await;
    let commands: [&[&str]; 6] = [
        &["fs", "ls", "/tmp/x"],
        &["fs", "cat", "/tmp/x"],
        &["fs", "rm", "/tmp/x"],
        &["fs", "mkdir", "/tmp/x"],
        &["fs", "mv", "/tmp/x", "dbfs:/tmp/y"],
        &["fs", "mv", "dbfs:/tmp/y", "/tmp/x"],
    ];
    for args in commands {
        let run = dbr(&fake, args);
        assert_exit(&run, 2);
        assert_eq!(
            run.stderr,
            "Error: `/tmp/x` is not a DBFS or volume path: DBFS paths start with dbfs:/, as in dbfs:/tmp/x, and \
             volume paths with /Volumes/<catalog>/<schema>/<volume>/\n",
            "{args:?}"
        );
    }
    let relative = dbr(&fake, &["fs", "ls", "dbfs:tmp"]);
    assert_exit(&relative, 2);
    assert!(relative.stderr.contains("write dbfs:/tmp"), "{}", relative.stderr);
    assert_eq!(fake.calls(), []);
}

// ---- workspace export-dir, import-dir ----

/// A project folder with a notebook of each language, a file, an empty folder and a notebook over the
/// export limit.
fn add_project(fake: &FakeWorkspace) {
    fake.add_workspace_object(
        "/Users/me/proj/nb",
        notebook("PYTHON", "# Databricks notebook source\nprint(1)\n"),
    );
    fake.add_workspace_object(
        "/Users/me/proj/query",
        notebook("SQL", "-- Databricks notebook source\nselect 1\n"),
    );
    fake.add_workspace_object(
        "/Users/me/proj/lib/util",
        notebook("SCALA", "// Databricks notebook source\nval x = 1\n"),
    );
    fake.add_workspace_object(
        "/Users/me/proj/lib/plot",
        notebook("R", "# Databricks notebook source\nplot(1)\n"),
    );
    fake.add_workspace_object("/Users/me/proj/data.csv", file(b"a,b\n1,2\n"));
    fake.add_workspace_object("/Users/me/proj/empty/more", WorkspaceObject::Directory);
    fake.add_workspace_object(
        "/Users/me/proj/big",
        WorkspaceObject::Notebook {
            language: "PYTHON".to_owned(),
            content: vec![b'#'; OVER_WORKSPACE_LIMIT],
        },
    );
}

#[tokio::test]
async fn export_dir_names_notebooks_by_language_and_skips_what_is_too_large() {
    let fake = FakeWorkspace::start().await;
    add_project(&fake);
    let local = tempfile::tempdir().expect("a temporary folder");
    let out = local.path().join("out");

    let run = dbr(&fake, &["workspace", "export-dir", "/Users/me/proj", text(&out)]);
    assert_exit(&run, 0);
    assert_eq!(run.stdout, "");
    insta::assert_snapshot!("export_dir_stderr", run.stderr.replace(text(&out), "[out]"));
    let exported: BTreeMap<String, Option<String>> = local_tree(&out)
        .into_iter()
        .map(|(path, content)| (path, content.map(|bytes| String::from_utf8(bytes).expect("text"))))
        .collect();
    let expected: BTreeMap<String, Option<String>> = [
        ("data.csv", Some("a,b\n1,2\n")),
        ("empty", None),
        ("empty/more", None),
        ("lib", None),
        ("lib/plot.r", Some("# Databricks notebook source\nplot(1)\n")),
        ("lib/util.scala", Some("// Databricks notebook source\nval x = 1\n")),
        ("nb.py", Some("# Databricks notebook source\nprint(1)\n")),
        ("query.sql", Some("-- Databricks notebook source\nselect 1\n")),
    ]
    .into_iter()
    .map(|(path, content)| (path.to_owned(), content.map(str::to_owned)))
    .collect();
    assert_eq!(exported, expected);
}

#[tokio::test]
async fn export_dir_refuses_to_replace_local_files_without_overwrite() {
    let fake = FakeWorkspace::start().await;
    fake.add_workspace_object(
        "/Shared/p/nb",
        notebook("PYTHON", "# Databricks notebook source\nnew\n"),
    );
    fake.add_workspace_object("/Shared/p/notes.txt", file(b"notes"));
    let local = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(local.path().join("nb.py"), "mine").expect("write a file");

    let refused = dbr(&fake, &["workspace", "export-dir", "/Shared/p", text(local.path())]);
    assert_exit(&refused, 4);
    assert!(
        refused
            .stderr
            .contains("nb.py already exists and was left unchanged; add --overwrite"),
        "{}",
        refused.stderr
    );
    assert!(refused.stderr.contains("exported 1 file, 5 B\n"), "{}", refused.stderr);
    assert_eq!(std::fs::read(local.path().join("nb.py")).ok(), Some(b"mine".to_vec()));
    assert_eq!(
        std::fs::read(local.path().join("notes.txt")).ok(),
        Some(b"notes".to_vec())
    );

    let replaced = dbr(
        &fake,
        &[
            "workspace",
            "export-dir",
            "/Shared/p",
            text(local.path()),
            "--overwrite",
        ],
    );
    assert_exit(&replaced, 0);
    assert_eq!(
        std::fs::read(local.path().join("nb.py")).ok(),
        Some(b"# Databricks notebook source\nnew\n".to_vec())
    );
}

/// Each object comes as the raw file (`direct_download`), as the official CLI's export-dir asks for it,
/// and is written byte for byte, whatever its size.
#[tokio::test]
async fn export_dir_downloads_raw_files_byte_exact() {
    let fake = FakeWorkspace::start().await;
    let big = noise(3 * MIB + 5, 11);
    fake.add_workspace_object("/Shared/raw/empty.bin", file(b""));
    fake.add_workspace_object("/Shared/raw/one.bin", file(b"\xff"));
    fake.add_workspace_object("/Shared/raw/big.bin", file(&big));
    fake.add_workspace_object(
        "/Shared/raw/nb",
        notebook("PYTHON", "# Databricks notebook source\nprint(1)\n"),
    );
    let local = tempfile::tempdir().expect("a temporary folder");

    let run = dbr(&fake, &["workspace", "export-dir", "/Shared/raw", text(local.path())]);
    assert_exit(&run, 0);
    let expected: BTreeMap<String, Option<Vec<u8>>> = [
        ("big.bin", big.clone()),
        ("empty.bin", Vec::new()),
        ("nb.py", b"# Databricks notebook source\nprint(1)\n".to_vec()),
        ("one.bin", vec![0xff]),
    ]
    .into_iter()
    .map(|(path, content)| (path.to_owned(), Some(content)))
    .collect();
    assert!(
        local_tree(local.path()) == expected,
        "{:?}",
        local_tree(local.path()).keys()
    );
    let exports: Vec<bool> = fake
        .calls()
        .iter()
        .filter(|call| call.endpoint == "workspace/export")
        .map(|call| call.raw_answer)
        .collect();
    assert_eq!(exports, [true; 4]);
}

/// `dbr workspace export PATH --file FILE` writes the raw file, byte for byte (the official CLI's flag);
/// without `--file` the command prints the API's JSON answer as before.
#[tokio::test]
async fn export_with_file_writes_the_raw_bytes() {
    let fake = FakeWorkspace::start().await;
    let local = tempfile::tempdir().expect("a temporary folder");
    for content in [Vec::new(), vec![0u8], noise(4 * MIB + 3, 5)] {
        let path = format!("/Shared/f{}.bin", content.len());
        fake.add_workspace_object(&path, file(&content));
        let destination = local.path().join("out.bin");
        let run = dbr(&fake, &["workspace", "export", &path, "--file", text(&destination)]);
        assert_exit(&run, 0);
        assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
        assert!(std::fs::read(&destination).expect("the exported file") == content);
        assert_eq!(fake.calls().last().map(|call| call.raw_answer), Some(true));
    }
    assert_eq!(local_tree(local.path()).len(), 1, "no temporary file is left");

    let run = dbr(&fake, &["workspace", "export", "/Shared/f1.bin", "--format", "SOURCE"]);
    assert_exit(&run, 0);
    let answer: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(answer, json!({"content": "AA==", "file_type": ""}));
    assert_eq!(fake.calls().last().map(|call| call.raw_answer), Some(false));

    let run = dbr(
        &fake,
        &[
            "workspace",
            "export",
            "/Shared/nope",
            "--file",
            text(&local.path().join("x")),
        ],
    );
    assert_exit(&run, 4);
    assert!(run.stderr.contains("/Shared/nope"), "{}", run.stderr);
    assert!(!local.path().join("x").exists());
}

#[tokio::test]
async fn export_dir_of_a_missing_folder_is_the_api_error() {
    let fake = FakeWorkspace::start().await;
    let local = tempfile::tempdir().expect("a temporary folder");
    let run = dbr(&fake, &["workspace", "export-dir", "/Users/nobody", text(local.path())]);
    assert_exit(&run, 1);
    assert!(run.stderr.contains("RESOURCE_DOES_NOT_EXIST"), "{}", run.stderr);
}

#[tokio::test]
async fn import_dir_round_trips_with_export_dir() {
    let fake = FakeWorkspace::start().await;
    let local = tempfile::tempdir().expect("a temporary folder");
    let source = local.path().join("src");
    write_tree(
        &source,
        &[
            ("nb.py", b"# Databricks notebook source\nprint(1)\n"),
            ("script.py", b"print('a plain script')\n"),
            ("q.sql", b"-- Databricks notebook source\r\nselect 1\r\n"),
            ("sub/x.scala", b"// Databricks notebook source\nval x = 1\n"),
            ("sub/deeper/r.r", b"# Databricks notebook source\nplot(1)\n"),
            ("data.csv", b"a,b\n"),
            ("empty/", b""),
        ],
    );

    let run = dbr(&fake, &["workspace", "import-dir", text(&source), "/Users/me/imported"]);
    assert_exit(&run, 0);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "imported 6 files, 184 B\n");
    let object = |path: &str| fake.workspace_object(&format!("/Users/me/imported/{path}"));
    assert_eq!(
        object("nb"),
        Some(notebook("PYTHON", "# Databricks notebook source\nprint(1)\n"))
    );
    assert_eq!(object("script.py"), Some(file(b"print('a plain script')\n")));
    assert_eq!(
        object("q"),
        Some(notebook("SQL", "-- Databricks notebook source\r\nselect 1\r\n"))
    );
    assert_eq!(
        object("sub/x"),
        Some(notebook("SCALA", "// Databricks notebook source\nval x = 1\n"))
    );
    assert_eq!(
        object("sub/deeper/r"),
        Some(notebook("R", "# Databricks notebook source\nplot(1)\n"))
    );
    assert_eq!(object("data.csv"), Some(file(b"a,b\n")));
    assert_eq!(object("empty"), Some(WorkspaceObject::Directory));

    let back = local.path().join("back");
    assert_exit(
        &dbr(&fake, &["workspace", "export-dir", "/Users/me/imported", text(&back)]),
        0,
    );
    assert!(
        local_tree(&back) == local_tree(&source),
        "{:?}",
        local_tree(&back).keys()
    );
}

#[tokio::test]
async fn import_dir_skips_files_over_the_limit_with_a_warning() {
    let fake = FakeWorkspace::start().await;
    let local = tempfile::tempdir().expect("a temporary folder");
    write_tree(
        local.path(),
        &[("big.bin", &vec![7; OVER_WORKSPACE_LIMIT]), ("small.txt", b"small")],
    );

    let run = dbr(&fake, &["workspace", "import-dir", text(local.path()), "/Shared/in"]);
    assert_exit(&run, 0);
    assert_eq!(
        run.stderr,
        format!(
            "warning: skipped {} -> /Shared/in/big.bin: its 10.0 MiB are more than the 10.0 MiB the workspace API \
             imports\nimported 1 file, 5 B; skipped 1\n",
            local.path().join("big.bin").display()
        )
    );
    assert_eq!(fake.workspace_object("/Shared/in/small.txt"), Some(file(b"small")));
    assert_eq!(fake.workspace_object("/Shared/in/big.bin"), None);
    assert_eq!(fake.calls_to("workspace/import"), 1);
}

#[tokio::test]
async fn import_dir_refuses_to_replace_objects_without_overwrite() {
    let fake = FakeWorkspace::start().await;
    fake.add_workspace_object("/Shared/in/a.txt", file(b"old"));
    let local = tempfile::tempdir().expect("a temporary folder");
    write_tree(local.path(), &[("a.txt", b"new"), ("b.txt", b"bee")]);

    let refused = dbr(&fake, &["workspace", "import-dir", text(local.path()), "/Shared/in"]);
    assert_exit(&refused, 4);
    let a = local.path().join("a.txt");
    assert_eq!(
        refused.stderr,
        format!(
            "failed: {} -> /Shared/in/a.txt: /Shared/in/a.txt already exists and was left unchanged; add \
             --overwrite to replace it\nimported 1 file, 3 B\nError: 1 of 2 files failed (listed above)\n",
            a.display()
        )
    );
    assert_eq!(fake.workspace_object("/Shared/in/a.txt"), Some(file(b"old")));
    assert_eq!(fake.workspace_object("/Shared/in/b.txt"), Some(file(b"bee")));

    assert_exit(
        &dbr(
            &fake,
            &[
                "workspace",
                "import-dir",
                text(local.path()),
                "/Shared/in",
                "--overwrite",
            ],
        ),
        0,
    );
    assert_eq!(fake.workspace_object("/Shared/in/a.txt"), Some(file(b"new")));
}

// ---- interrupts ----

#[cfg(unix)]
#[tokio::test]
async fn export_with_file_interrupted_keeps_the_old_file_and_no_temporary_one() {
    let fake = FakeWorkspace::start().await;
    fake.add_workspace_object("/Shared/a.txt", file(b"new"));
    fake.inject(Fault::server_error("workspace/export", 1).stalled());
    let local = tempfile::tempdir().expect("a temporary folder");
    let destination = local.path().join("a.txt");
    std::fs::write(&destination, "old").expect("write a file");

    let args = ["workspace", "export", "/Shared/a.txt", "--file", text(&destination)];
    let run = fake.interrupt_dbr(&args, "workspace/export", 1, "INT");
    assert_exit(&run, 130);
    let expected: BTreeMap<String, Option<Vec<u8>>> =
        [("a.txt".to_owned(), Some(b"old".to_vec()))].into_iter().collect();
    assert_eq!(local_tree(local.path()), expected, "{}", run.stderr);
}

#[cfg(unix)]
#[tokio::test]
async fn cp_interrupted_while_downloading_exits_130_and_leaves_no_partial_file() {
    let fake = FakeWorkspace::start().await;
    fake.add_dbfs_file("/data/big.bin", noise(3 * MIB, 7));
    // The first MiB is written to the temporary file; the second read never returns.
    fake.inject(Fault::server_error("dbfs/read", 2).stalled());
    let local = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(local.path().join("other.txt"), "unrelated").expect("write a file");
    let destination = local.path().join("big.bin");

    let args = ["fs", "cp", "dbfs:/data/big.bin", text(&destination)];
    let run = fake.interrupt_dbr(&args, "dbfs/read", 2, "TERM");

    assert_exit(&run, 130);
    assert_eq!(
        run.stderr,
        "copied 0 files, 0 B\nError: interrupted: 1 file not copied; partial files were removed\n"
    );
    let expected: BTreeMap<String, Option<Vec<u8>>> = [("other.txt".to_owned(), Some(b"unrelated".to_vec()))]
        .into_iter()
        .collect();
    assert_eq!(local_tree(local.path()), expected, "{}", run.stderr);
}

#[cfg(unix)]
#[tokio::test]
async fn cp_interrupted_while_overwriting_keeps_the_old_file_and_removes_the_temporary_one() {
    let fake = FakeWorkspace::start().await;
    let old = noise(100, 8);
    fake.add_dbfs_file("/data/model.bin", old.clone());
    fake.inject(Fault::server_error("dbfs/put", 1).stalled());
    let local = tempfile::tempdir().expect("a temporary folder");
    let source = local.path().join("model.bin");
    std::fs::write(&source, noise(3 * MIB, 9)).expect("write the source");

    let args = ["fs", "cp", text(&source), "dbfs:/data/model.bin", "--overwrite"];
    let run = fake.interrupt_dbr(&args, "dbfs/put", 1, "INT");

    assert_exit(&run, 130);
    assert!(run.stderr.contains("interrupted"), "{}", run.stderr);
    assert_eq!(fake.dbfs_paths(), ["/", "/data", "/data/model.bin"], "{}", run.stderr);
    assert!(
        fake.dbfs_file("/data/model.bin") == Some(old.clone()),
        "the old file changed"
    );
    assert_eq!(fake.open_handles(), 0);

    // The temporary file cannot be deleted: it is named, with the command that deletes it.
    // The stalled put wrote its file before the interrupt, so there is one to remove.
    fake.inject(Fault::server_error("dbfs/put", 2).after_applying().stalled());
    fake.inject(Fault::error(
        "dbfs/delete",
        2,
        403,
        "PERMISSION_DENIED",
        "no delete for you",
    ));
    let run = fake.interrupt_dbr(&args, "dbfs/put", 2, "TERM");

    assert_exit(&run, 130);
    let leftovers: Vec<String> = fake
        .dbfs_paths()
        .into_iter()
        .filter(|path| path.starts_with("/data/.model.bin.upload-"))
        .collect();
    let [leftover] = &leftovers[..] else {
        panic!("{leftovers:?}\n{}", run.stderr)
    };
    assert!(
        run.stderr.contains(&format!("`dbr dbfs delete {leftover}`")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with(
            "Error: interrupted: 1 file not copied; partial files were removed, except those listed above\n"
        ),
        "{}",
        run.stderr
    );
    assert!(fake.dbfs_file("/data/model.bin") == Some(old), "the old file changed");
}

/// A new file is written in place, so an interrupted upload must remove it; files finished before the
/// interrupt stay, complete.
#[cfg(unix)]
#[tokio::test]
async fn cp_recursive_interrupted_while_uploading_leaves_only_complete_files() {
    let fake = FakeWorkspace::start().await;
    let local = tempfile::tempdir().expect("a temporary folder");
    let files: Vec<(String, Vec<u8>)> = (0..4)
        .map(|index| (format!("f{index}.bin"), noise(2 * MIB, 10 + index)))
        .collect();
    for (name, content) in &files {
        std::fs::write(local.path().join(name), content).expect("write a file");
    }
    fake.inject(Fault::server_error("dbfs/put", 3).stalled());

    let args = ["fs", "cp", "-r", text(local.path()), "dbfs:/out", "--concurrency", "2"];
    let run = fake.interrupt_dbr(&args, "dbfs/put", 3, "TERM");

    assert_exit(&run, 130);
    for path in fake.dbfs_paths() {
        let Some(content) = fake.dbfs_file(&path) else { continue };
        let name = path.strip_prefix("/out/").expect("only below /out");
        let source = files.iter().find(|(file, _)| file == name);
        assert!(
            source.is_some_and(|(_, original)| *original == content),
            "{path} is not a complete copy\n{}",
            run.stderr
        );
    }
    assert!(fake.dbfs_paths().len() < 2 + files.len(), "the stalled file was kept");
    assert_eq!(fake.open_handles(), 0);
}

#[cfg(unix)]
#[tokio::test]
async fn export_and_import_dir_interrupted_exit_130() {
    let fake = FakeWorkspace::start().await;
    fake.add_workspace_object("/Shared/p/a.txt", file(b"a"));
    fake.add_workspace_object("/Shared/p/b.txt", file(b"b"));
    fake.inject(Fault::server_error("workspace/export", 1).stalled());
    let local = tempfile::tempdir().expect("a temporary folder");
    let out = local.path().join("out");

    let args = ["workspace", "export-dir", "/Shared/p", text(&out)];
    let run = fake.interrupt_dbr(&args, "workspace/export", 1, "TERM");
    assert_exit(&run, 130);
    assert!(run.stderr.contains("interrupted"), "{}", run.stderr);
    for (path, content) in local_tree(&out) {
        let expected = path.strip_suffix(".txt").map(|stem| stem.as_bytes().to_vec());
        assert_eq!(content, expected, "{path} is not a complete export");
    }

    fake.inject(Fault::server_error("workspace/import", 1).stalled());
    std::fs::write(local.path().join("c.txt"), "c").expect("write a file");
    let args = ["workspace", "import-dir", text(local.path()), "/Shared/q"];
    let run = fake.interrupt_dbr(&args, "workspace/import", 1, "INT");
    assert_exit(&run, 130);
    assert!(run.stderr.contains("interrupted"), "{}", run.stderr);
}
