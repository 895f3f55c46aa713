//! Helpers shared by the test suite in `tests/tests/`: where things are, running the generator on a
//! fixture, a mock Databricks workspace on 127.0.0.1, a stateful fake of its DBFS and workspace APIs, and the
//! built `dbr` binary.

pub mod cases;
pub mod dbr;
// The fake answers errors as whole replies (status, body, headers): a test fake, not worth boxing for size.
#[allow(clippy::result_large_err)]
pub mod fake_workspace;
pub mod local_files;
pub mod mock;
pub mod plain_server;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root.
pub fn repo_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// The repository's spec, lowered to the generator's IR; panics with the diagnostics if it is invalid.
pub fn spec_api() -> generator::ir::Api {
    generator::lower_spec(&repo_root().join("spec"))
        .unwrap_or_else(|diagnostics| panic!("spec/ is invalid:\n{diagnostics}"))
}

/// The token every test client uses; tests assert it never appears where it must not.
pub const TOKEN: &str = "dapi-test-canary-0123456789abcdef";

/// Settings for generating a fixture's crates below `out/<name>/`, with names that cannot clash with the
/// real crates or with other fixtures.
pub fn fixture_settings(name: &str, runtime_path: String) -> generator::Settings {
    let prefix = format!("fixture-{}", name.replace('_', "-"));
    generator::Settings {
        cli_binary: prefix.clone(),
        crate_prefix: prefix,
        runtime_path,
        version: "0.0.0".to_owned(),
        standalone_workspace: false,
        transfer_path: None,
    }
}

/// A `cargo` command run from a test, with the environment of the shell that started the tests.
///
/// Cargo gives a test process variables such as `CARGO_MANIFEST_DIR`, `CARGO_PKG_NAME` and `OUT_DIR`. Some
/// build scripts (ring's, through the `cc` crate) ask to be rerun when those change, so a nested cargo that
/// inherited them would rebuild those crates on every run, and the outer build would rebuild them back.
pub fn cargo() -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()));
    for (name, _) in std::env::vars_os() {
        let Some(name) = name.to_str() else { continue };
        let injected =
            (name.starts_with("CARGO_") && !matches!(name, "CARGO_HOME" | "CARGO_TARGET_DIR")) || name == "OUT_DIR";
        if injected {
            command.env_remove(name);
        }
    }
    command
}
