//! Specs the generator must reject: each gets diagnostics that name the file, the line and column, the JSON
//! pointer where there is one, and a hint; and no input, however mangled, makes the generator panic.

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use databricks_tests::repo_root;
use generator::{Diagnostics, Settings};

fn rejected(path: &Path) -> Diagnostics {
    match generator::generate(path, &Settings::repository()) {
        Ok(_) => panic!("{} must be rejected", path.display()),
        Err(diagnostics) => diagnostics,
    }
}

/// Every diagnostic points at a place in a file: a line and column when the YAML could be read, the file
/// otherwise.
fn assert_located(path: &Path, diagnostics: &Diagnostics) {
    assert!(!diagnostics.is_empty());
    for diagnostic in diagnostics.iter() {
        let located = diagnostic
            .location
            .as_ref()
            .is_some_and(|location| location.line > 0 && location.file.starts_with(path));
        assert!(
            located,
            "{} has a diagnostic without a location:\n{diagnostic}",
            path.display()
        );
        assert!(
            diagnostic.hint.is_some() || diagnostic.related.is_some(),
            "no hint:\n{diagnostic}"
        );
    }
}

macro_rules! rejected_specs {
    ($($name:ident => $path:literal),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                let path = Path::new($path);
                let diagnostics = rejected(path);
                assert_located(path, &diagnostics);
                insta::assert_snapshot!(stringify!($name), diagnostics.to_string());
            }
        )*

        const COVERED: &[&str] = &[$($path),*];
    };
}

rejected_specs!(
    malformed_yaml => "fixtures/invalid/malformed.yaml",
    duplicate_key => "fixtures/invalid/duplicate_key.yaml",
    dangling_ref => "fixtures/invalid/dangling_ref.yaml",
    unsupported_constructs => "fixtures/invalid/unsupported.yaml",
    openapi_31 => "fixtures/invalid/openapi_31.yaml",
    swagger_2 => "fixtures/invalid/swagger_2.yaml",
    version_number => "fixtures/invalid/version_number.yaml",
    not_a_mapping => "fixtures/invalid/not_a_mapping.yaml",
    operation_ids => "fixtures/invalid/operation_ids.yaml",
    parameters => "fixtures/invalid/parameters.yaml",
    path_templates => "fixtures/invalid/path_templates.yaml",
    operations => "fixtures/invalid/operations.yaml",
    schemas => "fixtures/invalid/schemas.yaml",
    extensions => "fixtures/invalid/extensions.yaml",
    indistinguishable_unions => "fixtures/invalid/unions.yaml",
    conflicting_fragments => "fixtures/invalid/conflict",
    servers_on_two_hosts => "fixtures/invalid/servers.yaml",
    security_schemes => "fixtures/invalid/security.yaml",
    api_key_location => "fixtures/invalid/security_in.yaml",
    runtime_marker => "fixtures/invalid/runtime.yaml",
    answer_selectors => "fixtures/invalid/answer_selectors.yaml",
    account_services => "fixtures/invalid/account.yaml",
    account_on_a_generic_spec => "fixtures/invalid/account_generic.yaml",
);

const REFERENCE_CYCLES: &str = "fixtures/invalid/reference_cycles.yaml";

/// Schemas that only refer round in a circle once sent the generator into endless recursion; run with a
/// watchdog, so a regression fails the test instead of hanging the run.
#[test]
fn reference_cycles_are_diagnostics_not_endless_recursion() {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(rejected(Path::new(REFERENCE_CYCLES)));
    });
    let diagnostics = receiver
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("the generator finishes (no endless loop or recursion)");
    assert_located(Path::new(REFERENCE_CYCLES), &diagnostics);
    insta::assert_snapshot!("reference_cycles", diagnostics.to_string());
}

#[test]
fn every_invalid_fixture_is_tested() {
    let mut found: Vec<String> = fs::read_dir("fixtures/invalid")
        .expect("tests/fixtures/invalid exists")
        .filter_map(|entry| entry.ok())
        .map(|entry| format!("fixtures/invalid/{}", entry.file_name().to_string_lossy()))
        .collect();
    found.sort();
    let mut covered: Vec<String> = COVERED
        .iter()
        .chain([&REFERENCE_CYCLES])
        .map(|path| (*path).to_owned())
        .collect();
    covered.sort();
    assert_eq!(found, covered);
}

#[test]
fn a_missing_spec_is_a_diagnostic() {
    let diagnostics = rejected(Path::new("fixtures/invalid/no-such-file.yaml"));
    assert!(
        diagnostics.to_string().contains("fixtures/invalid/no-such-file.yaml"),
        "{diagnostics}"
    );
    let directory = tempfile::tempdir().expect("temporary directory");
    let diagnostics = rejected(directory.path());
    assert!(diagnostics.to_string().contains("has no openapi.yaml"), "{diagnostics}");
}

/// A small deterministic generator of pseudo-random numbers (no dependency needed for this).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

/// Replacements that turn valid YAML into plausible mistakes.
const TOKENS: &[&str] = &[
    "",
    "{",
    "}",
    "[",
    ":",
    "-",
    "null",
    "~",
    "true",
    "3.1",
    "$ref: '#/x'",
    "type: strng",
    "allOf: []",
    "oneOf:",
    "required: [nope]",
    "x-sdk-wait: {}",
    "'",
    "\"",
    "  ",
    "*a",
    "&a",
    "!!binary",
    "enum: []",
];

fn mutate(text: &str, random: &mut Lcg) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    for _ in 0..1 + random.below(3) {
        let index = random.below(lines.len());
        match random.below(4) {
            0 => {
                lines.remove(index);
            }
            1 => {
                let copy = lines[index].clone();
                lines.insert(random.below(lines.len()), copy);
            }
            2 => {
                let line = &lines[index];
                let cut = random.below(line.len() + 1);
                let cut = (0..=cut).rev().find(|&at| line.is_char_boundary(at)).unwrap_or(0);
                lines[index] = format!("{}{}", &line[..cut], TOKENS[random.below(TOKENS.len())]);
            }
            _ => lines.insert(index, TOKENS[random.below(TOKENS.len())].to_owned()),
        }
        if lines.is_empty() {
            break;
        }
    }
    lines.join("\n")
}

/// Mangles the real DBFS spec (and the shared files) hundreds of times; every outcome must be a result, never
/// a panic. A rejected spec must come with at least one diagnostic.
#[test]
fn mangled_specs_never_panic() {
    let spec = repo_root().join("spec");
    let originals: Vec<(PathBuf, String)> = ["openapi.yaml", "common.yaml", "services/dbfs.yaml"]
        .iter()
        .map(|file| {
            (
                PathBuf::from(file),
                fs::read_to_string(spec.join(file)).expect("spec file"),
            )
        })
        .collect();
    let directory = tempfile::tempdir().expect("temporary directory");
    fs::create_dir_all(directory.path().join("services")).expect("services directory");
    let mut random = Lcg(0x5eed);
    let mut rejected_count = 0;
    for round in 0..400 {
        let target = random.below(originals.len());
        for (index, (file, text)) in originals.iter().enumerate() {
            let text = if index == target {
                mutate(text, &mut random)
            } else {
                text.clone()
            };
            fs::write(directory.path().join(file), text).expect("write spec");
        }
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
            generator::generate(directory.path(), &Settings::repository())
        }));
        match outcome {
            Ok(Ok(_)) => {}
            Ok(Err(diagnostics)) => {
                assert!(!diagnostics.is_empty(), "round {round}: rejected without a diagnostic");
                rejected_count += 1;
            }
            Err(_) => panic!(
                "round {round}: the generator panicked on\n{}",
                fs::read_to_string(directory.path().join(&originals[target].0)).unwrap_or_default()
            ),
        }
    }
    // The mutations must actually exercise the error paths, not only produce valid specs.
    assert!(
        rejected_count > 100,
        "only {rejected_count} of 400 mangled specs were rejected"
    );
}

/// An operation the generated client cannot call is left out with a warning that names its place; the rest
/// of the spec is generated.
#[test]
fn a_protocol_switch_is_skipped_with_a_located_warning() {
    let path = Path::new("fixtures/redirects.yaml");
    let api = generator::lower_spec(path).expect("the redirects fixture is valid");
    let [warning] = api.warnings.as_slice() else {
        panic!("one warning expected: {:?}", api.warnings);
    };
    let location = warning.location.as_ref().expect("the warning has a location");
    assert!(location.file.starts_with(path) && location.line > 0, "{warning}");
    let text = warning.to_string();
    assert!(text.starts_with("warning: fixtures/redirects.yaml:"), "{text}");
    assert!(text.contains("`login.socket` is skipped"), "{text}");
    let operations: Vec<&str> = api.services[0].operations.iter().map(|op| op.id.as_str()).collect();
    assert_eq!(operations, ["login.authorize", "login.status"]);
}

/// `--skip-unsupported`: the operation with a problem of its own, and the one using a schema with a problem,
/// are left out with located warnings; the rest is generated. Without it the spec is rejected.
#[test]
fn leaving_out_what_cannot_be_generated_keeps_the_rest_and_says_what_was_left_out() {
    let path = Path::new("fixtures/partial/leave_out.yaml");
    let strict = rejected(path);
    assert_eq!(strict.len(), 2, "{strict}");
    let generated = generator::generate_with(path, &Settings::repository(), generator::Unsupported::LeaveOut)
        .unwrap_or_else(|diagnostics| panic!("the rest generates:\n{diagnostics}"));
    let operations: Vec<&str> = generated
        .api
        .services
        .iter()
        .flat_map(|service| &service.operations)
        .map(|operation| operation.id.as_str())
        .collect();
    assert_eq!(operations, ["pets.list"]);
    assert!(
        generated.api.types.contains_key("Pet"),
        "the schema the kept operation uses stays"
    );
    assert!(
        !generated.api.types.contains_key("Query"),
        "the schema with the problem is left out"
    );
    let warnings: Vec<String> = generated.api.warnings.iter().map(ToString::to_string).collect();
    assert!(
        generated
            .api
            .warnings
            .iter()
            .all(|warning| warning.warning && warning.location.is_some()),
        "{warnings:?}"
    );
    insta::assert_snapshot!("leave_out_warnings", warnings.join("\n"));
}

/// `--skip-unsupported` and a scheme the client cannot send: an operation that accepts nothing else (on its
/// own or through the document's `security`) is left out; one with another alternative keeps that one.
#[test]
fn an_unusable_security_scheme_leaves_out_only_the_operations_needing_it() {
    let path = Path::new("fixtures/partial/security.yaml");
    let strict = rejected(path);
    assert_eq!(strict.len(), 1, "{strict}");
    let generated = generator::generate_with(path, &Settings::repository(), generator::Unsupported::LeaveOut)
        .unwrap_or_else(|diagnostics| panic!("the rest generates:\n{diagnostics}"));
    let security: Vec<(&str, &Vec<Vec<String>>)> = generated
        .api
        .services
        .iter()
        .flat_map(|service| &service.operations)
        .map(|operation| (operation.id.as_str(), &operation.security))
        .collect();
    let bearer = vec![vec!["bearer".to_owned()]];
    assert_eq!(
        security,
        [
            ("things.create", &bearer),
            ("things.list", &bearer),
            ("things.public", &vec![])
        ],
        "`things.get` needed digest alone"
    );
    let schemes: Vec<&str> = generated
        .api
        .security_schemes
        .iter()
        .map(|scheme| scheme.name.as_str())
        .collect();
    assert_eq!(schemes, ["bearer"]);
    let warnings: Vec<String> = generated.api.warnings.iter().map(ToString::to_string).collect();
    assert!(
        generated.api.warnings.iter().all(|warning| warning.location.is_some()),
        "{warnings:?}"
    );
    insta::assert_snapshot!("leave_out_security_warnings", warnings.join("\n"));
}

/// A declared answer header the client cannot read (one holding a list) is a located warning, not dropped
/// in silence; the others are read.
#[test]
fn answer_headers_the_client_does_not_read_are_a_located_warning() {
    let path = Path::new("fixtures/answer_headers.yaml");
    let api = generator::lower_spec(path).expect("the fixture is valid");
    let warnings: Vec<String> = api.warnings.iter().map(ToString::to_string).collect();
    let [tags] = warnings.as_slice() else {
        panic!("one warning expected: {warnings:?}");
    };
    assert!(tags.starts_with("warning: "), "{tags}");
    assert!(
        tags.contains("`X-Blob-Tags` is not read by the generated client"),
        "{tags}"
    );
    assert!(tags.contains("fixtures/answer_headers.yaml:"), "{tags}");
    assert!(
        tags.contains("#/paths/~1blobs~1{name}/head/responses/200/headers/X-Blob-Tags"),
        "{tags}"
    );
    assert!(tags.contains("type: string"), "the hint says what to write: {tags}");
}
