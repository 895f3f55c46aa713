//! `cargo xtask generate [--check] [--spec PATH] [--out DIR] [--crate-prefix NAME] [--bin NAME] [--skip-unsupported]`
//!
//! Runs the generator on `spec/` (or any OpenAPI 3.0 document) and writes `generated/` (or `--out`),
//! touching only files whose contents changed. `--check` writes nothing and fails with a unified diff when
//! the output is stale. The time each phase took is printed last, on stderr.

use std::env;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use generator::ir::naming;
use generator::ir::{Api, Runtime};
use generator::output::{self, Mode};
use generator::timings::{Phase, Timings};
use generator::{Diagnostic, Diagnostics, Settings};

const USAGE: &str = "\
usage: cargo xtask generate [--check] [--spec PATH] [--out DIR] [--crate-prefix NAME] [--bin NAME]
                            [--skip-unsupported]

  --check              write nothing; exit 1 with a unified diff if the output is stale
  --spec PATH          an OpenAPI 3.0 file, or a directory with openapi.yaml (default: spec/)
  --out DIR            where to write the crates (default: generated/); any other directory also
                       gets a Cargo.toml workspace so the crates build there
  --crate-prefix NAME  crates are named NAME-models, NAME-client (and NAME-cli) (default: databricks
                       for a spec with `x-sdk-runtime: databricks`, else from the spec's title)
  --bin NAME           name of the CLI binary (default: dbr); only specs with `x-sdk-runtime: databricks`
                       get a CLI
  --skip-unsupported   leave out each operation (or schema, with the operations using it) that has a
                       problem, with a warning saying what and why, instead of rejecting the spec";

struct Options {
    check: bool,
    spec: Option<PathBuf>,
    out: Option<PathBuf>,
    crate_prefix: Option<String>,
    binary: Option<String>,
    skip_unsupported: bool,
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("generate") => match parse_options(&args[1..]) {
            Ok(options) => generate(&options),
            Err(message) => {
                eprintln!("error: {message}\n\n{USAGE}");
                ExitCode::from(2)
            }
        },
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        check: false,
        spec: None,
        out: None,
        crate_prefix: None,
        binary: None,
        skip_unsupported: false,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--check" => options.check = true,
            "--spec" => options.spec = Some(PathBuf::from(value("--spec")?)),
            "--out" => options.out = Some(PathBuf::from(value("--out")?)),
            "--crate-prefix" => options.crate_prefix = Some(value("--crate-prefix")?),
            "--bin" => options.binary = Some(value("--bin")?),
            "--skip-unsupported" => options.skip_unsupported = true,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let valid_name = |name: &str| {
        !name.is_empty()
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    if let Some(prefix) = options.crate_prefix.as_deref().filter(|prefix| !valid_name(prefix)) {
        return Err(format!("`{prefix}` is not a valid crate name prefix"));
    }
    if let Some(binary) = options.binary.as_deref().filter(|binary| !valid_name(binary)) {
        return Err(format!("`{binary}` is not a valid binary name"));
    }
    Ok(options)
}

fn generate(options: &Options) -> ExitCode {
    let started = Instant::now();
    let root = repository_root();
    let cwd = env::current_dir().unwrap_or_else(|_| root.clone());
    let default_out = root.join("generated");
    let spec = options.spec.clone().unwrap_or_else(|| root.join("spec"));
    let out = options
        .out
        .clone()
        .map(|out| cwd.join(out))
        .unwrap_or_else(|| default_out.clone());
    let standalone = absolute(&out) != absolute(&default_out);
    // Every generated crate sits one level below `out`.
    let runtime_path = relative_path(&absolute(&out).join("crate"), &absolute(&root.join("runtime")));

    let spec_shown = shown(&spec, &cwd);
    let unsupported = if options.skip_unsupported {
        generator::Unsupported::LeaveOut
    } else {
        generator::Unsupported::Reject
    };
    let mut timings = Timings::default();
    let generated = generator::lower_with_timed(&spec_shown, unsupported, &mut timings).and_then(|api| {
        let settings = settings_for(&api, options, runtime_path, standalone)?;
        let files = generator::emit::emit_timed(&api, &settings, &mut timings)?;
        Ok(generator::Generated { api, files })
    });
    let generated = match generated {
        Ok(generated) => generated,
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            eprintln!(
                "\n{} problem{} in {}; nothing was written.",
                diagnostics.len(),
                if diagnostics.len() == 1 { "" } else { "s" },
                spec_shown.display()
            );
            return ExitCode::FAILURE;
        }
    };
    for warning in &generated.api.warnings {
        eprintln!("{warning}");
    }
    if generated.api.runtime == Runtime::Generic {
        eprintln!(
            "note: no CLI was generated: {} has no `x-sdk-runtime: databricks`, and the CLI is configured by \
             Databricks profiles",
            spec_shown.display()
        );
    }
    let generation_time = started.elapsed();
    let out_shown = shown(&out, &cwd);
    let mode = if options.check { Mode::Check } else { Mode::Write };
    let report = match timings.time(Phase::Write, || output::sync(&out_shown, &generated.files, mode)) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("error: cannot update {}: {error}", out_shown.display());
            return ExitCode::FAILURE;
        }
    };
    let elapsed = started.elapsed();
    let operations: usize = generated
        .api
        .services
        .iter()
        .map(|service| service.operations.len())
        .sum();
    let summary = format!(
        "{} services, {operations} operations, {} types -> {} files in {} (generation {:.0?}, total {:.0?})",
        generated.api.services.len(),
        generated.api.types.len(),
        generated.files.len(),
        out_shown.display(),
        generation_time,
        elapsed
    );
    if options.check {
        if report.is_fresh() {
            println!("{} is up to date: {summary}", out_shown.display());
            eprintln!("time: {timings}");
            return ExitCode::SUCCESS;
        }
        print!("{}", report.diff);
        eprintln!(
            "\n{} is stale ({} to update, {} to create, {} to remove): run `cargo xtask generate`",
            out_shown.display(),
            report.updated.len(),
            report.created.len(),
            report.removed.len()
        );
        eprintln!("time: {timings}");
        return ExitCode::FAILURE;
    }
    for (label, paths) in [
        ("created", &report.created),
        ("updated", &report.updated),
        ("removed", &report.removed),
    ] {
        for path in paths {
            println!("  {label} {}", out_shown.join(path).display());
        }
    }
    println!(
        "generated {summary}: {} changed, {} unchanged",
        report.created.len() + report.updated.len() + report.removed.len(),
        report.unchanged
    );
    eprintln!("time: {timings}");
    ExitCode::SUCCESS
}

/// The crate names and paths for `api`: the Databricks layer keeps this repository's names; a generic spec's
/// crates are named after its title and have no CLI, so `--bin` is refused.
fn settings_for(api: &Api, options: &Options, runtime_path: String, standalone: bool) -> Result<Settings, Diagnostics> {
    let repository = Settings::repository();
    let (crate_prefix, cli_binary) = match api.runtime {
        Runtime::Databricks => (
            options.crate_prefix.clone().unwrap_or(repository.crate_prefix.clone()),
            options.binary.clone().unwrap_or(repository.cli_binary.clone()),
        ),
        Runtime::Generic => {
            if let Some(binary) = &options.binary {
                let mut problems = Diagnostics::default();
                problems.push(
                    Diagnostic::new(format!(
                        "`--bin {binary}` names a CLI, but this spec gets none: it has no `x-sdk-runtime: databricks`"
                    ))
                    .with_hint(
                        "leave out --bin: a generic spec's workspace has the models and client crates; the CLI \
                         is configured by Databricks profiles, so only the Databricks layer has one",
                    ),
                );
                return Err(problems);
            }
            let prefix = (options.crate_prefix.clone()).unwrap_or_else(|| naming::crate_prefix(&api.title));
            (prefix, String::new())
        }
    };
    Ok(Settings {
        crate_prefix,
        cli_binary,
        runtime_path,
        standalone_workspace: standalone,
        transfer_path: (!standalone).then(|| "../../transfer".to_owned()),
        ..repository
    })
}

/// The workspace root: the parent of this crate's directory.
fn repository_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        env::current_dir().unwrap_or_default().join(path)
    };
    // Lexical normalisation: `out` may not exist yet, so it cannot be canonicalised.
    let mut normal = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    normal
}

/// `path` relative to `base` when it lies below it (short diagnostics), otherwise as given.
fn shown(path: &Path, base: &Path) -> PathBuf {
    let path = absolute(path);
    match path.strip_prefix(absolute(base)) {
        Ok(relative) if !relative.as_os_str().is_empty() => relative.to_path_buf(),
        _ => path,
    }
}

/// The relative path from directory `from` to `to`, with `/` separators (for Cargo.toml).
fn relative_path(from: &Path, to: &Path) -> String {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return to.iter().collect::<PathBuf>().display().to_string().replace('\\', "/");
    }
    let mut parts: Vec<String> = vec!["..".to_owned(); from.len() - common];
    parts.extend(
        to[common..]
            .iter()
            .map(|part| part.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_between_directories() {
        assert_eq!(
            relative_path(Path::new("/r/generated/models"), Path::new("/r/runtime")),
            "../../runtime"
        );
        assert_eq!(
            relative_path(Path::new("/tmp/out/models"), Path::new("/r/runtime")),
            "../../../r/runtime"
        );
    }
}
