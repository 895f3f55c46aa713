//! `generated/` is what the generator makes of `spec/` (so `cargo test` alone catches a stale tree), the IR
//! of the real spec is snapshotted, and `cargo xtask generate` behaves as documented: `--check` fails with a
//! diff after a spec edit, `--out` writes crates that build where they are.

use std::fs;
use std::path::Path;
use std::process::Output;

use databricks_tests::repo_root;
use generator::Settings;
use generator::output::{self, Mode};

#[test]
fn generated_crates_are_fresh() {
    let root = repo_root();
    let generated = generator::generate(&root.join("spec"), &Settings::repository())
        .unwrap_or_else(|diagnostics| panic!("spec/ must be valid:\n{diagnostics}"));
    let report = output::sync(&root.join("generated"), &generated.files, Mode::Check).expect("generated/ is readable");
    assert!(
        report.is_fresh(),
        "generated/ is stale: run `cargo xtask generate`\n{}",
        report.diff
    );
}

#[test]
fn ir_of_the_real_spec() {
    let api = generator::lower_spec(&repo_root().join("spec"))
        .unwrap_or_else(|diagnostics| panic!("spec/ must be valid:\n{diagnostics}"));
    insta::assert_snapshot!("databricks_ir", generator::ir::dump(&api));
}

/// A copy of `spec/` with one summary changed.
fn edited_spec() -> tempfile::TempDir {
    let copy = tempfile::tempdir().expect("temporary directory");
    copy_dir(&repo_root().join("spec"), copy.path());
    let clusters = copy.path().join("services/clusters.yaml");
    let text = fs::read_to_string(&clusters).expect("clusters spec");
    let edited = text.replacen("summary: ", "summary: EDITED ", 1);
    assert_ne!(text, edited);
    fs::write(&clusters, edited).expect("write edited spec");
    copy
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create directory");
    for entry in fs::read_dir(from).expect("read directory").filter_map(Result::ok) {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

fn xtask(args: &[&str]) -> Output {
    databricks_tests::cargo()
        .current_dir(repo_root())
        .args(["run", "--quiet", "--package", "xtask", "--", "generate"])
        .args(args)
        .output()
        .expect("cargo runs")
}

#[test]
fn check_fails_with_a_diff_after_a_spec_edit() {
    let spec = edited_spec();
    let result = xtask(&["--check", "--spec", &spec.path().display().to_string()]);
    let stdout = String::from_utf8_lossy(&result.stdout);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(
        stdout.contains("--- a/") && stdout.contains("+++ b/"),
        "a unified diff:\n{stdout}"
    );
    assert!(
        stdout
            .lines()
            .any(|line| line.starts_with('+') && line.contains("EDITED")),
        "{stdout}"
    );
    assert!(stderr.contains("run `cargo xtask generate`"), "{stderr}");
    // --check writes nothing.
    let fresh = xtask(&["--check"]);
    assert!(fresh.status.success(), "{}", String::from_utf8_lossy(&fresh.stderr));
}

#[test]
fn out_writes_a_workspace_that_builds_where_it_is() {
    let out = tempfile::tempdir().expect("temporary directory");
    let spec = repo_root().join("tests/fixtures/params.yaml");
    let result = xtask(&[
        "--spec",
        &spec.display().to_string(),
        "--out",
        &out.path().display().to_string(),
        "--crate-prefix",
        "petstore",
        "--bin",
        "pets",
    ]);
    assert!(result.status.success(), "{}", String::from_utf8_lossy(&result.stderr));
    let manifest = fs::read_to_string(out.path().join("Cargo.toml")).expect("a workspace manifest");
    assert!(manifest.contains("[workspace]"));
    let cli = fs::read_to_string(out.path().join("cli/Cargo.toml")).expect("the CLI manifest");
    assert!(
        cli.contains("name = \"petstore-cli\"") && cli.contains("name = \"pets\""),
        "{cli}"
    );

    assert_builds_where_it_is(out.path());
}

/// A spec without `x-sdk-runtime: databricks` gets the models and client crates, named after its title, and
/// no CLI (xtask says so); `--bin` for it is an error. The workspace builds where it is.
#[test]
fn a_generic_spec_gets_models_and_client_named_after_its_title() {
    let out = tempfile::tempdir().expect("temporary directory");
    let spec = repo_root().join("tests/fixtures/security.yaml");
    let (spec, out_arg) = (spec.display().to_string(), out.path().display().to_string());
    let refused = xtask(&["--spec", &spec, "--out", &out_arg, "--bin", "things"]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("`--bin things` names a CLI, but this spec gets none"),
        "{stderr}"
    );
    assert!(!out.path().join("Cargo.toml").exists(), "nothing is written");

    let result = xtask(&["--spec", &spec, "--out", &out_arg]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    assert!(stderr.contains("no CLI was generated"), "{stderr}");
    let manifest = fs::read_to_string(out.path().join("Cargo.toml")).expect("a workspace manifest");
    assert!(manifest.contains(r#"members = ["models", "client"]"#), "{manifest}");
    assert!(!out.path().join("cli").exists());
    let client = fs::read_to_string(out.path().join("client/Cargo.toml")).expect("the client manifest");
    assert!(
        client.contains(r#"name = "security-fixture-client""#) && client.contains("openapi-runtime = { path = "),
        "{client}"
    );

    assert_builds_where_it_is(out.path());
}

/// The workspace `xtask generate --out` wrote in `dir` builds there, with this repository's lock file.
fn assert_builds_where_it_is(dir: &std::path::Path) {
    fs::copy(repo_root().join("Cargo.lock"), dir.join("Cargo.lock")).expect("lock file");
    let build = databricks_tests::cargo()
        .current_dir(dir)
        .args(["check", "--offline", "--quiet", "--workspace", "--target-dir"])
        .arg(repo_root().join("target/fixture-check"))
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .expect("cargo runs");
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
}

/// The client and account examples in the README are `tests/examples/readme_{client,account}.rs`, which
/// `cargo test` compiles.
#[test]
fn readme_client_examples_are_the_compiled_ones() {
    let readme = fs::read_to_string(repo_root().join("README.md")).expect("README.md");
    for name in ["readme_client", "readme_account"] {
        let path = format!("tests/examples/{name}.rs");
        let example = fs::read_to_string(repo_root().join(&path)).expect("the example");
        assert!(
            readme.contains(&format!("```rust\n{example}```")),
            "README.md's example differs from {path}; keep them identical"
        );
    }
}
