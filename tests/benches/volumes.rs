//! `dbr fs cp` to a Unity Catalog volume (the Files API: one raw request per file) against the same copy to
//! DBFS (a `get-status`, then one multipart `dbfs/put` per file), both against one local server in the same
//! run: one large file, and a folder of many small files (`-r`, 8 at a time).
//!
//! Run with `cargo bench -p databricks-tests --bench volumes`. Builds `dbr` in release mode first, prints
//! medians, rates and the volume/DBFS ratios; asserts nothing about time. The server reads every byte and
//! keeps none, so what is measured is `dbr` and each protocol's requests, not storage. `dbr` runs with its
//! default settings, so many small files are paced by the client's rate limit (15 requests a second): there
//! the ratio is mostly that of requests per file (one for a volume, two for DBFS).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use databricks_tests::TOKEN;
use databricks_tests::dbr::build_release;
use databricks_tests::local_files::noise;
use databricks_tests::plain_server::start_upload_server;

const RUNS: usize = 5;
const LARGE: usize = 256 * 1024 * 1024;
const SMALL_FILES: usize = 500;
const SMALL: usize = 4 * 1024;

/// The median wall time of `RUNS` runs of `dbr args`, each checked to succeed.
fn median_run(dbr: &Path, args: &[&str], host: &str) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let output = Command::new(dbr)
                .args(args)
                .env_clear()
                .env("DATABRICKS_HOST", host)
                .env("DATABRICKS_TOKEN", TOKEN)
                .env("HOME", "/nonexistent")
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .output()
                .expect("dbr starts");
            let elapsed = started.elapsed();
            assert!(
                output.status.success(),
                "dbr {args:?} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            elapsed
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn report(what: &str, bytes: usize, dbfs: Duration, volume: Duration) {
    let rate = |time: Duration| bytes as f64 / 1_048_576.0 / time.as_secs_f64();
    println!("{what}:");
    println!(
        "  to DBFS:    {:>9.1} ms  {:>8.1} MiB/s",
        dbfs.as_secs_f64() * 1000.0,
        rate(dbfs)
    );
    println!(
        "  to volume:  {:>9.1} ms  {:>8.1} MiB/s",
        volume.as_secs_f64() * 1000.0,
        rate(volume)
    );
    println!(
        "  volume/DBFS time ratio: {:.2} (below 1: the volume copy is faster)",
        volume.as_secs_f64() / dbfs.as_secs_f64()
    );
}

fn main() {
    // `cargo test --benches` runs bench targets to list them; do the work only when asked.
    if std::env::args().any(|argument| argument == "--list") {
        return;
    }
    let dbr = build_release();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let host = runtime.block_on(start_upload_server());
    let local = tempfile::tempdir().expect("a temporary folder");
    let large = local.path().join("large.bin");
    std::fs::write(&large, noise(LARGE, 1)).expect("write the large file");
    let small = local.path().join("small");
    std::fs::create_dir(&small).expect("create a folder");
    for index in 0..SMALL_FILES {
        std::fs::write(small.join(format!("{index:04}.json")), noise(SMALL, index as u64)).expect("write a file");
    }
    let large = large.to_str().expect("a UTF-8 path");
    let small = small.to_str().expect("a UTF-8 path");

    println!("dbr fs cp, release build, median of {RUNS} runs, one local server:");
    let dbfs = median_run(&dbr, &["fs", "cp", large, "dbfs:/bench/large.bin"], &host);
    let volume = median_run(
        &dbr,
        &["fs", "cp", large, "/Volumes/main/default/bench/large.bin"],
        &host,
    );
    report(&format!("one file of {} MiB", LARGE / 1_048_576), LARGE, dbfs, volume);
    let dbfs = median_run(&dbr, &["fs", "cp", "-r", small, "dbfs:/bench/small"], &host);
    let volume = median_run(
        &dbr,
        &["fs", "cp", "-r", small, "/Volumes/main/default/bench/small"],
        &host,
    );
    report(
        &format!("{SMALL_FILES} files of {} KiB (-r, 8 at a time)", SMALL / 1024),
        SMALL_FILES * SMALL,
        dbfs,
        volume,
    );
}
