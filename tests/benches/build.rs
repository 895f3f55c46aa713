//! Build time of the generated crates, against the same build of a baseline commit in the same run:
//! - a clean debug build of `databricks-models` + `databricks-client` with every service (dependencies built);
//! - the same with one service alone (`--no-default-features --features clusters`).
//!
//! The baseline is a commit of this repository (`DBR_BUILD_BASELINE`, by default the commit before the
//! compile-time work), exported with `git archive` into `target/bench-build/`; each tree builds in its own
//! target directory there, so the two never share artifacts. Rounds alternate between the trees, so a noisy
//! moment hits both alike. Slow (minutes), so it runs only when `DBR_BENCH_BUILD=1`:
//! `DBR_BENCH_BUILD=1 cargo bench -p databricks-tests --bench build`. Prints medians and ratios; asserts
//! nothing about time.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The last commit before the compile-time work of issue 19: "today's commit" in the goal.
const DEFAULT_BASELINE: &str = "2853bcd";
const DEFAULT_ROUNDS: usize = 3;

/// One build measured in each tree.
struct Build {
    label: &'static str,
    /// Arguments after `cargo build`.
    args: &'static [&'static str],
    /// Issue 19's goal for this build.
    goal: &'static str,
}

const BUILDS: &[Build] = &[
    Build {
        label: "models + client, every service",
        args: &["-p", "databricks-client"],
        goal: "0.50 of the baseline or less",
    },
    Build {
        label: "models + client, clusters alone",
        args: &[
            "-p",
            "databricks-client",
            "--no-default-features",
            "--features",
            "clusters",
        ],
        goal: "a few seconds",
    },
];

/// A source tree and the target directory it builds into.
struct Tree {
    name: String,
    root: PathBuf,
    target: PathBuf,
}

impl Tree {
    fn cargo(&self, subcommand: &str, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO"));
        command
            .current_dir(&self.root)
            .arg(subcommand)
            .args(args)
            .arg("--quiet")
            .env("CARGO_TARGET_DIR", &self.target)
            // Whatever the bench itself was built with, the measured builds are plain debug builds.
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_PROFILE_DEV_OPT_LEVEL")
            .stdout(Stdio::null());
        command
    }

    /// Builds once untimed, so dependencies (and, for one feature set, the runtime) are in place.
    fn prime(&self, build: &Build) {
        run(
            self.cargo("build", build.args),
            &format!("priming {} ({})", self.name, build.label),
        );
    }

    /// Removes the generated crates' artifacts, then times their build.
    fn clean_build(&self, build: &Build) -> Duration {
        run(
            self.cargo("clean", &["-p", "databricks-models", "-p", "databricks-client"]),
            "cargo clean",
        );
        let started = Instant::now();
        run(
            self.cargo("build", build.args),
            &format!("{} ({})", self.name, build.label),
        );
        started.elapsed()
    }
}

fn run(mut command: Command, what: &str) {
    let status = command
        .status()
        .unwrap_or_else(|error| panic!("{what}: cannot start cargo: {error}"));
    assert!(status.success(), "{what}: cargo failed ({status})");
}

fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// The baseline commit's tree, exported once (the export is kept between runs, as its builds are).
fn baseline_tree(root: &Path, bench_dir: &Path, revision: &str) -> Option<Tree> {
    let output = Command::new("git")
        .current_dir(root)
        .args(["rev-parse", "--verify", "--quiet", &format!("{revision}^{{commit}}")])
        .output()
        .ok()?;
    let commit = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    if !output.status.success() || commit.is_empty() {
        println!("baseline {revision} is not a commit of this clone (a shallow clone?): measuring this tree only");
        return None;
    }
    let dir = bench_dir.join(format!("baseline-{}", &commit[..12]));
    let source = dir.join("source");
    if !source.join("Cargo.toml").exists() {
        std::fs::create_dir_all(&source).expect("create the baseline directory");
        let archive = Command::new("git")
            .current_dir(root)
            .args(["archive", "--format=tar", &commit])
            .output()
            .expect("git archive starts");
        assert!(archive.status.success(), "git archive {commit} failed");
        let mut untar = Command::new("tar")
            .current_dir(&source)
            .arg("-xf")
            .arg("-")
            .stdin(Stdio::piped())
            .spawn()
            .expect("tar starts");
        std::io::Write::write_all(untar.stdin.as_mut().expect("tar's stdin"), &archive.stdout).expect("feed tar");
        assert!(untar.wait().expect("tar runs").success(), "tar failed");
        // The same dependency versions as this tree, so only our code differs.
        std::fs::copy(root.join("Cargo.lock"), source.join("Cargo.lock")).expect("copy Cargo.lock");
    }
    Some(Tree {
        name: format!("baseline {}", &commit[..9]),
        root: source,
        target: dir.join("target"),
    })
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    if std::env::var_os("DBR_BENCH_BUILD").is_none_or(|value| value != "1") {
        println!(
            "build: skipped (minutes of clean builds); run with \
             `DBR_BENCH_BUILD=1 cargo bench -p databricks-tests --bench build`"
        );
        return;
    }
    let root = repository_root();
    let bench_dir = root.join("target/bench-build");
    let revision = std::env::var("DBR_BUILD_BASELINE").unwrap_or_else(|_| DEFAULT_BASELINE.to_owned());
    let rounds = std::env::var("DBR_BUILD_ROUNDS")
        .ok()
        .and_then(|text| text.parse().ok())
        .filter(|&rounds: &usize| rounds > 0)
        .unwrap_or(DEFAULT_ROUNDS);
    let mut trees = vec![Tree {
        name: "this tree".to_owned(),
        root: root.clone(),
        target: bench_dir.join("current-target"),
    }];
    trees.extend(baseline_tree(&root, &bench_dir, &revision));

    println!(
        "clean debug builds, {rounds} rounds, medians (wall time; the machine has {} cores)",
        cores()
    );
    for build in BUILDS {
        for tree in &trees {
            tree.prime(build);
        }
        let mut times: Vec<Vec<Duration>> = trees.iter().map(|_| Vec::new()).collect();
        for _ in 0..rounds {
            for (tree, times) in trees.iter().zip(&mut times) {
                times.push(tree.clean_build(build));
            }
        }
        let medians: Vec<Duration> = times.into_iter().map(median).collect();
        let command = format!(
            "cargo clean -p databricks-models -p databricks-client && cargo build {}",
            build.args.join(" ")
        );
        println!("{}: `{command}`", build.label);
        for (tree, time) in trees.iter().zip(&medians) {
            println!("  {:<22} {:>6.1} s", tree.name, time.as_secs_f64());
        }
        if let [current, baseline] = medians.as_slice() {
            println!(
                "  ratio this / baseline: {:.2} (goal: {})",
                current.as_secs_f64() / baseline.as_secs_f64(),
                build.goal
            );
        }
    }
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}
