//! Helpers shared by the test suite in `tests/tests/`: where things are, running the generator on a
//! fixture, a mock Databricks workspace on 127.0.0.1, and the built `dbr` binary.

pub mod cases;
pub mod dbr;
pub mod mock;

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn repo_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
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
    }
}
