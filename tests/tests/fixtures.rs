//! One small spec per construct in `tests/fixtures/`: each fixture's IR and generated Rust are snapshotted
//! (review changes with `cargo insta review`), and the crates of all fixtures are compiled and linted
//! together, so every construct is known to produce code that builds cleanly.

use std::fs;
use std::path::{Path, PathBuf};

use databricks_tests::{fixture_settings, repo_root};
use generator::ir::Runtime;
use generator::output::{self, Mode};

/// From a fixture crate (`target/fixture-crates/<fixture>/<crate>`) to `runtime/`.
const RUNTIME_FROM_FIXTURE_CRATE: &str = "../../../../runtime";

fn fixture_path(name: &str) -> PathBuf {
    Path::new("fixtures").join(format!("{name}.yaml"))
}

/// The IR dump and every generated Rust file of a fixture, as one reviewable text.
fn rendered(name: &str) -> String {
    let settings = fixture_settings(name, RUNTIME_FROM_FIXTURE_CRATE.to_owned());
    let generated = generator::generate(&fixture_path(name), &settings)
        .unwrap_or_else(|diagnostics| panic!("fixture {name} must be accepted:\n{diagnostics}"));
    let mut text = format!("==== IR\n{}", generator::ir::dump(&generated.api));
    for file in generated
        .files
        .iter()
        .filter(|file| file.path.extension().is_some_and(|ext| ext == "rs"))
    {
        text.push_str(&format!("\n==== {}\n{}", file.path.display(), file.contents));
    }
    text
}

macro_rules! fixture_snapshots {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(stringify!($name), rendered(stringify!($name)));
            }
        )*

        /// Every fixture file has a snapshot test above.
        const SNAPSHOTTED: &[&str] = &[$(stringify!($name)),*];
    };
}

fixture_snapshots!(
    account,
    all_of,
    answer_headers,
    answers,
    bodies,
    default_error,
    enums,
    extensions,
    features,
    formats,
    inline_dedupe,
    inline_names,
    keywords,
    maps,
    non_finite,
    nullable,
    one_of,
    operation_ids,
    params,
    recursion,
    redirects,
    rest_style,
    scim,
    security,
    servers,
    union_common,
    union_scalars,
    union_tags,
);

fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir("fixtures")
        .expect("tests/fixtures exists")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .filter_map(|path| path.file_stem().map(|stem| stem.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names
}

#[test]
fn every_fixture_has_a_snapshot_test() {
    assert_eq!(fixture_names(), SNAPSHOTTED, "add new fixtures to fixture_snapshots!");
}

/// A spec without `x-sdk-runtime: databricks` gets crates that never speak of Databricks: not in names,
/// manifests, READMEs, docs or code. Every such fixture, and the real public descriptions in
/// `tests/fixtures/real/` (with what they use that is unsupported left out), generated with the title's crate
/// names.
#[test]
fn generic_specs_never_mention_databricks() {
    let real = fs::read_dir("fixtures/real")
        .expect("tests/fixtures/real exists")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml" || ext == "json"));
    let mut specs: Vec<PathBuf> = fixture_names()
        .iter()
        .map(|name| fixture_path(name))
        .chain(real)
        .collect();
    specs.sort();
    let mut generic = 0;
    for spec in specs {
        let api = generator::lower_with(&spec, generator::Unsupported::LeaveOut)
            .unwrap_or_else(|diagnostics| panic!("{} must be accepted:\n{diagnostics}", spec.display()));
        if api.runtime == Runtime::Databricks {
            continue;
        }
        generic += 1;
        let settings = generator::Settings {
            crate_prefix: generator::ir::naming::crate_prefix(&api.title),
            cli_binary: String::new(),
            runtime_path: RUNTIME_FROM_FIXTURE_CRATE.to_owned(),
            transfer_path: None,
            version: "0.0.0".to_owned(),
            standalone_workspace: true,
        };
        let files = generator::emit::emit(&api, &settings)
            .unwrap_or_else(|diagnostics| panic!("{} must generate:\n{diagnostics}", spec.display()));
        assert!(
            files.iter().all(|file| !file.path.starts_with("cli")),
            "{}: a generic spec gets no CLI",
            spec.display()
        );
        for file in &files {
            let found = file.contents.to_ascii_lowercase().find("databricks");
            if let Some(at) = found {
                let line = file.contents[..at].lines().count();
                panic!(
                    "{}: {} mentions Databricks on line {line}",
                    spec.display(),
                    file.path.display()
                );
            }
        }
    }
    assert!(generic >= 20, "only {generic} generic specs were checked");
}

/// Writes every fixture's crates into one scratch workspace, runs clippy over it with warnings denied, then
/// runs `tests/fixtures/behaviour.rs` against the generated models. Uses the repository's lock file and
/// runs offline: the dependencies are those the workspace already built.
#[test]
#[ignore = "heavy (a nested workspace of every fixture, built and linted): run by .ci/run, or `cargo test -p databricks-tests --test fixtures -- --ignored`"]
fn every_fixture_compiles_cleanly_and_behaves() {
    let root = repo_root();
    let out = root.join("target/fixture-crates");
    let _ = fs::remove_dir_all(&out);
    fs::create_dir_all(&out).expect("scratch directory");
    let mut members = Vec::new();
    for name in fixture_names() {
        let settings = fixture_settings(&name, RUNTIME_FROM_FIXTURE_CRATE.to_owned());
        let generated = generator::generate(&fixture_path(&name), &settings)
            .unwrap_or_else(|diagnostics| panic!("fixture {name} must be accepted:\n{diagnostics}"));
        output::sync(&out.join(&name), &generated.files, Mode::Write).expect("fixture crates are written");
        let has_cli = generated.api.runtime == Runtime::Databricks;
        let crates = ["models", "client", "cli"]
            .into_iter()
            .filter(|krate| has_cli || *krate != "cli");
        members.extend(crates.map(|krate| format!("\"{name}/{krate}\"")));
    }
    write_behaviour_crate(&out);
    members.push("\"behaviour\"".to_owned());
    let manifest = format!("[workspace]\nresolver = \"3\"\nmembers = [{}]\n", members.join(", "));
    fs::write(out.join("Cargo.toml"), manifest).expect("workspace manifest");
    fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock")).expect("lock file");

    cargo_in(
        &out,
        &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"],
    );
    cargo_in(&out, &["test", "--package", "fixture-behaviour"]);

    // Each service of the `features` fixture builds alone, with only the shared types it needs; the client
    // also builds with no service at all (the CLI refuses to, with a compile error of its own).
    let features = generator::lower_spec(&fixture_path("features")).expect("the features fixture is valid");
    let alone = features
        .services
        .iter()
        .map(|service| ("fixture-features-cli", service.feature.as_str()));
    for (package, feature) in alone.chain([("fixture-features-client", "")]) {
        cargo_in(
            &out,
            &[
                "clippy",
                "--package",
                package,
                "--no-default-features",
                "--features",
                feature,
                "--",
                "-D",
                "warnings",
            ],
        );
    }
}

/// `tests/fixtures/behaviour.rs` as a crate depending on every fixture's models.
fn write_behaviour_crate(out: &Path) {
    let dependencies: String = fixture_names()
        .iter()
        .map(|name| {
            format!(
                "fixture-{}-models = {{ path = \"../{name}/models\" }}\n",
                name.replace('_', "-")
            )
        })
        .collect();
    let manifest = format!(
        "[package]\nname = \"fixture-behaviour\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [lib]\npath = \"behaviour.rs\"\n\n[dependencies]\nserde = \"1\"\nserde_json = \"1\"\n\
         openapi-runtime = {{ path = \"../../../runtime/core\", default-features = false }}\n{dependencies}"
    );
    fs::create_dir_all(out.join("behaviour")).expect("behaviour crate directory");
    fs::write(out.join("behaviour/Cargo.toml"), manifest).expect("behaviour manifest");
    fs::copy("fixtures/behaviour.rs", out.join("behaviour/behaviour.rs")).expect("behaviour tests");
}

/// Runs cargo offline in the scratch workspace, with its own target directory; fails with cargo's output.
fn cargo_in(workspace: &Path, args: &[&str]) {
    let result = databricks_tests::cargo()
        .current_dir(workspace)
        .args(&args[..1])
        .args(["--offline", "--quiet", "--target-dir"])
        .arg(repo_root().join("target/fixture-check"))
        .args(&args[1..])
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .expect("cargo runs");
    assert!(
        result.status.success(),
        "`cargo {}` failed in the fixture workspace:\n{}{}",
        args.join(" "),
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr)
    );
}
