//! Generation speed: the generator run in-process on `spec/`, as `cargo xtask generate --check` runs it
//! (load, validate, lower, emit, format, and `write`, which compares with `generated/` and writes nothing),
//! once to warm up and then `GENERATION_RUNS` times (default 21). Prints the median of each phase and of the
//! whole run, the total against issue 19's 0.2 s goal and, when `GENERATION_BASELINE_MS` gives a baseline
//! total in milliseconds (say, this bench's median on an older commit), against that.
//!
//! Run with `cargo bench -p databricks-tests --bench generation`, or with a baseline:
//! `GENERATION_BASELINE_MS=550 cargo bench -p databricks-tests --bench generation`. The figures are for one
//! process running the generator again and again (a warm heap, files in the page cache): a fresh
//! `cargo xtask generate` also pays for starting up and for its first allocations. Asserts nothing about
//! time.

use std::time::{Duration, Instant};

use databricks_tests::repo_root;
use generator::output::{self, Mode};
use generator::timings::{Phase, Timings};
use generator::{Settings, Unsupported};

const DEFAULT_RUNS: usize = 21;
/// Issue 19's goal for the whole spec.
const GOAL: Duration = Duration::from_millis(200);

/// One run: the time of each phase and of the whole.
struct Run {
    timings: Timings,
    total: Duration,
}

fn run_once() -> Run {
    let root = repo_root();
    let started = Instant::now();
    let mut timings = Timings::default();
    let generated = generator::generate_timed(
        &root.join("spec"),
        &Settings::repository(),
        Unsupported::Reject,
        &mut timings,
    )
    .unwrap_or_else(|diagnostics| panic!("spec/ is invalid:\n{diagnostics}"));
    let report = timings
        .time(Phase::Write, || {
            output::sync(&root.join("generated"), &generated.files, Mode::Check)
        })
        .expect("generated/ can be read");
    let total = started.elapsed();
    if !report.is_fresh() {
        eprintln!("note: generated/ is stale, so `write` compared different files; run `cargo xtask generate`");
    }
    Run { timings, total }
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

/// The 10th and 90th percentiles.
fn spread(mut values: Vec<Duration>) -> (Duration, Duration) {
    values.sort();
    let last = values.len() - 1;
    (values[last / 10], values[last - last / 10])
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn main() {
    // `cargo test --benches` runs bench targets to list them; do the work only when asked.
    if std::env::args().any(|argument| argument == "--list") {
        return;
    }
    let runs = std::env::var("GENERATION_RUNS")
        .ok()
        .and_then(|runs| runs.parse().ok())
        .filter(|&runs| runs > 0)
        .unwrap_or(DEFAULT_RUNS);
    let baseline = std::env::var("GENERATION_BASELINE_MS")
        .ok()
        .and_then(|millis| millis.parse::<f64>().ok())
        .filter(|millis| *millis > 0.0);
    let threads = std::thread::available_parallelism().map_or(1, |threads| threads.get());

    run_once();
    let runs: Vec<Run> = (0..runs).map(|_| run_once()).collect();

    println!(
        "generation of spec/ in-process ({threads} threads available), median of {} runs after one warm-up:",
        runs.len()
    );
    for phase in Phase::ALL {
        let times: Vec<Duration> = runs.iter().filter_map(|run| run.timings.get(phase)).collect();
        if times.is_empty() {
            println!("  {:<9} not measured", phase.name());
        } else {
            println!("  {:<9} {:>7.1} ms", phase.name(), millis(median(times)));
        }
    }
    let totals: Vec<Duration> = runs.iter().map(|run| run.total).collect();
    let total = median(totals.clone());
    let (low, high) = spread(totals);
    println!(
        "  total     {:>7.1} ms [{:.1}-{:.1}, 10th-90th percentile]",
        millis(total),
        millis(low),
        millis(high)
    );
    println!(
        "  goal 200 ms: {:.2}x the goal ({})",
        total.as_secs_f64() / GOAL.as_secs_f64(),
        if total <= GOAL { "reached" } else { "not reached" }
    );
    match baseline {
        Some(baseline) => println!(
            "  baseline {baseline:.1} ms: this build is {:.2}x the baseline",
            millis(total) / baseline
        ),
        None => println!("  no baseline (set GENERATION_BASELINE_MS to a total in milliseconds to compare)"),
    }
}
