//! Size and start-up cost of the release `dbr`, against spawning a process that does nothing (`true`) and,
//! when `DBR_BASELINE` names another `dbr` binary (say, a release build of the previous commit), against that
//! binary, measured in the same run:
//! - the size of the binary (and stripped, when that differs) against the 12 MiB goal;
//! - `dbr --help` (building the command tree of every service and printing it);
//! - `dbr clusters get ID` against a local server (configuration, TLS setup, one round trip, printing);
//! - `dbr jobs list` of 100,000 jobs from a local server (decoding speed, which a smaller binary must keep).
//!
//! Run with `cargo bench -p databricks-tests --bench cli`, or with a baseline:
//! `DBR_BASELINE=/path/to/old/dbr cargo bench -p databricks-tests --bench cli`. Builds `dbr` with
//! `cargo build --release` first, prints medians, spreads and ratios; asserts nothing about time.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use databricks_tests::TOKEN;
use databricks_tests::dbr::build_release;
use databricks_tests::plain_server::{LISTED_ITEMS, PAGE_SIZE, start_plain_server};

const RUNS: usize = 40;
/// Runs of the long `jobs list`, seconds each.
const LIST_RUNS: usize = 5;
/// Issue 19's goal for `dbr` with every service compiled in.
const SIZE_GOAL: u64 = 12 * 1024 * 1024;
const CLUSTER_ID: &str = "0115-093017-k8rq3x2w";

/// One program run measured `RUNS` times.
struct Case<'a> {
    program: &'a Path,
    args: &'a [&'a str],
    env: &'a [(&'a str, &'a str)],
}

/// Sorted wall times of one case.
struct Times(Vec<Duration>);

impl Times {
    fn median(&self) -> Duration {
        self.0[self.0.len() / 2]
    }

    /// The 10th and 90th percentiles, for the spread.
    fn spread(&self) -> (Duration, Duration) {
        let last = self.0.len() - 1;
        (self.0[last / 10], self.0[last - last / 10])
    }
}

fn run_once(case: &Case) -> Duration {
    let started = Instant::now();
    let status = Command::new(case.program)
        .args(case.args)
        .env_clear()
        .envs(case.env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("the program starts");
    let elapsed = started.elapsed();
    assert!(status.success(), "{} {:?} failed", case.program.display(), case.args);
    elapsed
}

/// Runs every case once per round, `runs` rounds, so a noisy moment of the machine hits all cases alike.
fn measure_interleaved(cases: &[Case], runs: usize) -> Vec<Times> {
    let mut times: Vec<Vec<Duration>> = cases.iter().map(|_| Vec::with_capacity(runs)).collect();
    for _ in 0..runs {
        for (case, times) in cases.iter().zip(&mut times) {
            times.push(run_once(case));
        }
    }
    times
        .into_iter()
        .map(|mut times| {
            times.sort();
            Times(times)
        })
        .collect()
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn mebibytes(bytes: u64) -> f64 {
    bytes as f64 / 1048576.0
}

fn size_of(path: &Path) -> u64 {
    std::fs::metadata(path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
        .len()
}

/// The size of `path` once stripped of symbols by `strip` (when it is installed), measured on a copy.
fn stripped_size(path: &Path) -> Option<u64> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let stripped = dir.path().join("dbr");
    let status = Command::new("strip")
        .arg("-o")
        .arg(&stripped)
        .arg(path)
        .stderr(Stdio::null())
        .status()
        .ok()?;
    status.success().then(|| size_of(&stripped))
}

/// "12.3 MiB (12897484 bytes)", with the stripped size when stripping would change it.
fn describe_size(path: &Path) -> String {
    let size = size_of(path);
    let mut text = format!("{:.2} MiB ({size} bytes)", mebibytes(size));
    match stripped_size(path) {
        // Stripping a stripped binary still drops a few bytes of section padding.
        Some(stripped) if size.saturating_sub(stripped) > size / 1000 => {
            text.push_str(&format!(", stripped {:.2} MiB ({stripped} bytes)", mebibytes(stripped)))
        }
        Some(_) => text.push_str(", already stripped"),
        None => text.push_str(", stripped size unknown (no `strip` installed)"),
    }
    text
}

fn main() {
    // `cargo test --benches` runs bench targets to list them; do the work only when asked.
    if std::env::args().any(|argument| argument == "--list") {
        return;
    }
    let dbr = build_release();
    let baseline = std::env::var_os("DBR_BASELINE").map(PathBuf::from);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let host = runtime.block_on(start_plain_server());
    let nothing = which_true().unwrap_or_else(|| PathBuf::from("true"));

    let size = size_of(&dbr);
    println!(
        "dbr binary (cargo build --release -p databricks-cli), {}:",
        dbr.display()
    );
    println!("  this build: {}", describe_size(&dbr));
    println!(
        "  goal 12 MiB: {:.2}x the goal ({})",
        size as f64 / SIZE_GOAL as f64,
        if size <= SIZE_GOAL { "reached" } else { "not reached" }
    );
    match &baseline {
        Some(old) => println!(
            "  baseline:   {}, this build is {:.2}x its size ({})",
            describe_size(old),
            size as f64 / size_of(old) as f64,
            old.display()
        ),
        None => println!("  baseline:   no baseline (set DBR_BASELINE=/path/to/old/dbr to compare)"),
    }

    let env = [
        ("DATABRICKS_HOST", host.as_str()),
        ("DATABRICKS_TOKEN", TOKEN),
        ("HOME", "/nonexistent"),
    ];
    // The default request budget would measure the limiter rather than the decoding.
    let unlimited = [
        ("DATABRICKS_HOST", host.as_str()),
        ("DATABRICKS_TOKEN", TOKEN),
        ("HOME", "/nonexistent"),
        ("DATABRICKS_RATE_LIMIT", "0"),
    ];
    let start_up = [
        Measured {
            label: "dbr --help",
            args: &["--help"],
            env: &[],
        },
        Measured {
            label: "dbr clusters get (local)",
            args: &["clusters", "get", CLUSTER_ID],
            env: &env,
        },
    ];
    println!("dbr start-up, median [10th-90th percentile] of {RUNS} interleaved runs:");
    compare(&nothing, &start_up, &dbr, baseline.as_deref(), RUNS);
    let list = [Measured {
        label: "dbr jobs list",
        args: &["jobs", "list"],
        env: &unlimited,
    }];
    println!(
        "dbr jobs list of {LISTED_ITEMS} jobs (local, pages of {PAGE_SIZE}), median [10th-90th percentile] of \
         {LIST_RUNS} interleaved runs:"
    );
    compare(&nothing, &list, &dbr, baseline.as_deref(), LIST_RUNS);
}

/// One `dbr` command line and its environment, run with this build and the baseline.
struct Measured<'a> {
    label: &'a str,
    args: &'a [&'a str],
    env: &'a [(&'a str, &'a str)],
}

/// Measures each command with `dbr` and the baseline, interleaved with spawning `nothing`, and prints each
/// median against spawning and against the baseline.
fn compare(nothing: &Path, commands: &[Measured], dbr: &Path, baseline: Option<&Path>, runs: usize) {
    let mut cases = vec![Case {
        program: nothing,
        args: &[],
        env: &[],
    }];
    for command in commands {
        for program in std::iter::once(dbr).chain(baseline) {
            cases.push(Case {
                program,
                args: command.args,
                env: command.env,
            });
        }
    }
    let times = measure_interleaved(&cases, runs);
    let spawn = times[0].median();
    let per_command = if baseline.is_some() { 2 } else { 1 };
    println!("  spawn `true`:              {}", figure(&times[0]));
    for (index, command) in commands.iter().enumerate() {
        let new = &times[1 + index * per_command];
        println!(
            "  {:<26} {}  ({:.1}x spawning `true`)",
            format!("{}:", command.label),
            figure(new),
            new.median().as_secs_f64() / spawn.as_secs_f64()
        );
        match baseline {
            Some(_) => {
                let old = &times[2 + index * per_command];
                println!(
                    "    baseline:                {}  (this build {:.2}x the baseline)",
                    figure(old),
                    new.median().as_secs_f64() / old.median().as_secs_f64()
                );
            }
            None => println!("    no baseline"),
        }
    }
}

/// "8.12 ms [7.90-8.71]".
fn figure(times: &Times) -> String {
    let (low, high) = times.spread();
    format!(
        "{:>7.2} ms [{:.2}-{:.2}]",
        millis(times.median()),
        millis(low),
        millis(high)
    )
}

fn which_true() -> Option<PathBuf> {
    ["/bin/true", "/usr/bin/true"]
        .iter()
        .map(Path::new)
        .find(|path| path.exists())
        .map(Path::to_path_buf)
}
