//! Per-service Cargo features of the generated crates: every service of the spec builds, lint-clean, with no
//! other service enabled, so a program that needs only `clusters` compiles only that (and the shared types
//! it uses). The feature gates themselves are snapshotted by the `features` fixture.

use databricks_tests::repo_root;

/// Runs clippy on the generated crates with the given features instead of the defaults.
fn clippy_with(package: &str, features: &str) -> Result<(), String> {
    let output = databricks_tests::cargo()
        .current_dir(repo_root())
        .args(["clippy", "--offline", "--quiet", "--package", package])
        .args(["--no-default-features", "--features", features])
        .args(["--", "-D", "warnings"])
        // One feature set per service: incremental state for each would take gigabytes of disk for nothing.
        .env("CARGO_INCREMENTAL", "0")
        .output()
        .map_err(|error| format!("cargo did not run: {error}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "`cargo clippy --package {package} --no-default-features --features '{features}'` failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

#[test]
#[ignore = "heavy (a clippy build per service): run by .ci/run, or `cargo test -p databricks-tests --test features -- --ignored`"]
fn every_service_builds_alone() {
    let api = databricks_tests::spec_api();
    assert!(api.services.len() > 1, "the spec has several services");
    // The CLI depends on the client and the models, so one build checks all three crates.
    let mut failures: Vec<String> = api
        .services
        .iter()
        .filter_map(|service| clippy_with("databricks-cli", &service.feature).err())
        .collect();
    // With no service at all, the client still builds (only the shared runtime types remain).
    failures.extend(clippy_with("databricks-client", "").err());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn default_features_are_every_service() {
    let api = databricks_tests::spec_api();
    for krate in ["models", "client", "cli"] {
        let path = repo_root().join(format!("generated/{krate}/Cargo.toml"));
        let manifest = std::fs::read_to_string(&path).expect("generated manifest");
        let default = manifest
            .split("default = [")
            .nth(1)
            .and_then(|rest| rest.split(']').next())
            .unwrap_or_else(|| panic!("{} has a default feature list", path.display()));
        let listed: Vec<&str> = default
            .split(',')
            .map(|entry| entry.trim().trim_matches('"'))
            .filter(|entry| !entry.is_empty())
            .collect();
        let services: Vec<&str> = api.services.iter().map(|service| service.feature.as_str()).collect();
        assert_eq!(listed, services, "default features of {}", path.display());
    }
}

/// `cargo doc -p databricks-client --no-deps`, what people type, documents the model types inside the client's
/// docs, so a method's request and response types are links (the models crate is not documented with
/// `--no-deps`).
#[test]
#[ignore = "heavy (a rustdoc build of the client): run by .ci/run, or `cargo test -p databricks-tests --test features -- --ignored`"]
fn client_docs_link_the_model_types() {
    let output = databricks_tests::cargo()
        .current_dir(repo_root())
        .args([
            "doc",
            "--offline",
            "--quiet",
            "--package",
            "databricks-client",
            "--no-deps",
        ])
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo doc failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| repo_root().join("target"), Into::into);
    let docs = target.join("doc/databricks_client");
    let page = std::fs::read_to_string(docs.join("struct.Clusters.html")).expect("the Clusters page");
    assert!(
        page.contains(r#"href="models/struct.ClusterDetails.html""#),
        "`Clusters::get` links its response type"
    );
    assert!(
        docs.join("models/struct.ClusterDetails.html").is_file(),
        "the model type has its own page in the client's docs"
    );
}
