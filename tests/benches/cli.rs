//! Start-up cost of the release `dbr`, against spawning a process that does nothing (`true`):
//! - `dbr --help` (building the command tree of every service and printing it);
//! - `dbr clusters get ID` against a local server (configuration, TLS setup, one round trip, printing);
//! - the size of the binary.
//!
//! Run with `cargo bench -p databricks-tests --bench cli`. Builds `dbr` in release mode first, prints
//! medians and ratios; asserts nothing about time.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use databricks_tests::TOKEN;
use databricks_tests::dbr::build_release;
use databricks_tests::plain_server::start_plain_server;

const RUNS: usize = 40;

/// The median wall time of `RUNS` runs of `program args`, each checked to succeed.
fn median_run(program: &Path, args: &[&str], env: &[(&str, &str)]) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let status = Command::new(program)
                .args(args)
                .env_clear()
                .envs(env.iter().copied())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("the program starts");
            let elapsed = started.elapsed();
            assert!(status.success(), "{} {args:?} failed", program.display());
            elapsed
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn main() {
    // `cargo test --benches` runs bench targets to list them; do the work only when asked.
    if std::env::args().any(|argument| argument == "--list") {
        return;
    }
    let dbr = build_release();
    let size = std::fs::metadata(&dbr).expect("the binary exists").len();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let host = runtime.block_on(start_plain_server());
    let nothing = Path::new("true");
    let true_path = which_true().unwrap_or_else(|| nothing.to_path_buf());

    let baseline = median_run(&true_path, &[], &[]);
    let help = median_run(&dbr, &["--help"], &[]);
    let env = [
        ("DATABRICKS_HOST", host.as_str()),
        ("DATABRICKS_TOKEN", TOKEN),
        ("HOME", "/nonexistent"),
    ];
    let call = median_run(&dbr, &["clusters", "get", "0115-093017-k8rq3x2w"], &env);

    println!("dbr start-up, release build, median of {RUNS} runs:");
    println!("  spawn `true`:              {:>8.2} ms", millis(baseline));
    println!(
        "  dbr --help:                {:>8.2} ms  ({:.1}x spawning `true`)",
        millis(help),
        help.as_secs_f64() / baseline.as_secs_f64()
    );
    println!(
        "  dbr clusters get (local):  {:>8.2} ms  ({:.1}x spawning `true`)",
        millis(call),
        call.as_secs_f64() / baseline.as_secs_f64()
    );
    println!(
        "binary size: {:.1} MiB ({size} bytes), {}",
        size as f64 / 1048576.0,
        dbr.display()
    );
}

fn which_true() -> Option<std::path::PathBuf> {
    ["/bin/true", "/usr/bin/true"]
        .iter()
        .map(Path::new)
        .find(|path| path.exists())
        .map(Path::to_path_buf)
}
