//! Running the real `dbr` binary, as a user would.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// What one run of `dbr` printed and returned.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// stdout parsed as JSON; fails the test with both streams if it is not.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|error| {
            panic!(
                "stdout is not JSON ({error}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

/// The `dbr` binary, built once per test process with the same cargo and profile that run the tests.
pub fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(build)
}

fn build() -> PathBuf {
    build_with(&[])
}

/// Builds the release `dbr` (for the start-up benchmark) and returns its path.
pub fn build_release() -> PathBuf {
    build_with(&["--release"])
}

fn build_with(extra: &[&str]) -> PathBuf {
    let output = crate::cargo()
        .current_dir(crate::repo_root())
        .args([
            "build",
            "--quiet",
            "--package",
            "databricks-cli",
            "--bin",
            "dbr",
            "--message-format=json",
        ])
        .args(extra)
        .stderr(Stdio::inherit())
        .output()
        .expect("cargo runs");
    assert!(output.status.success(), "building dbr failed");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["target"]["name"] == "dbr")
        .find_map(|message| message["executable"].as_str().map(PathBuf::from))
        .expect("cargo reports the dbr executable")
}

/// Runs `dbr` with `args`, the given environment (nothing else of the test's environment leaks in except
/// `PATH`), and optional standard input.
pub fn run(args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Run {
    let mut command = Command::new(binary());
    command
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .envs(env.iter().copied())
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("dbr starts");
    if let Some(input) = stdin {
        let written = child.stdin.take().expect("stdin is piped").write_all(input.as_bytes());
        // A command that fails before reading its input closes the pipe; its output tells the rest.
        if let Err(error) = written
            && error.kind() != std::io::ErrorKind::BrokenPipe
        {
            panic!("stdin could not be written: {error}");
        }
    }
    let output = child.wait_with_output().expect("dbr finishes");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs `dbr` against the workspace at `host` with the test token.
pub fn run_against(host: &str, args: &[&str]) -> Run {
    run(
        args,
        &[("DATABRICKS_HOST", host), ("DATABRICKS_TOKEN", crate::TOKEN)],
        None,
    )
}
