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

/// Fails with both streams unless `dbr` exited with `code`; also fails if the test token shows in either
/// stream, which must never happen.
pub fn assert_exit(run: &Run, code: i32) {
    assert_eq!(
        run.code, code,
        "exit code\nstdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert_no_token(run);
}

/// Fails if the test token shows in stdout or stderr.
pub fn assert_no_token(run: &Run) {
    assert!(
        !run.stdout.contains(crate::TOKEN),
        "the token leaked to stdout:\n{}",
        run.stdout
    );
    assert!(
        !run.stderr.contains(crate::TOKEN),
        "the token leaked to stderr:\n{}",
        run.stderr
    );
}

/// A usage error: exit code 2, nothing on stdout, nothing sent to `server`; returns stderr.
pub async fn assert_usage_error(server: &wiremock::MockServer, run: &Run) -> String {
    assert_exit(run, 2);
    assert!(run.stdout.is_empty(), "stdout of a usage error:\n{}", run.stdout);
    assert!(
        crate::mock::received(server).await.is_empty(),
        "a request was sent despite the usage error"
    );
    run.stderr.clone()
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

/// Runs `dbr account ...` against `host` for [`crate::mock::ACCOUNT_ID`], with basic auth (the account API
/// refuses personal access tokens).
pub fn run_against_account(host: &str, args: &[&str]) -> Run {
    run(
        args,
        &[
            ("DATABRICKS_HOST", host),
            ("DATABRICKS_USERNAME", "admin@example.com"),
            ("DATABRICKS_PASSWORD", crate::TOKEN),
            ("DATABRICKS_ACCOUNT_ID", crate::mock::ACCOUNT_ID),
        ],
        None,
    )
}

/// A home directory for `dbr`: `.databrickscfg`, `.netrc` and the token cache are read and written there.
pub struct Home {
    dir: tempfile::TempDir,
}

impl Default for Home {
    fn default() -> Home {
        Home::new()
    }
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("a temporary home"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn config(&self) -> PathBuf {
        self.path(".databrickscfg")
    }

    pub fn home(&self) -> String {
        self.dir.path().display().to_string()
    }

    /// Runs `dbr` with only `HOME` (and `extra`) in its environment.
    pub fn run(&self, args: &[&str], extra: &[(&str, &str)], stdin: Option<&str>) -> Run {
        let home = self.home();
        let mut env = vec![("HOME", home.as_str())];
        env.extend_from_slice(extra);
        run(args, &env, stdin)
    }

    pub fn read(&self, path: &Path) -> String {
        std::fs::read_to_string(path).expect("the configuration file")
    }
}

/// Writes a configuration file as the official tools do: readable by its owner only, so `dbr` has no
/// reason to warn about the secrets in it.
pub fn write_private(path: &Path, text: &str) {
    std::fs::write(path, text).expect("written");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).expect("made private");
    }
}
