//! The SDK generator: `spec/` → load → validate → IR → emit → `generated/`.
//!
//! Each stage is a module, in pipeline order. [`generate`] runs them all; `xtask` and the tests call it.
//! No stage panics on any input: every problem becomes a [`Diagnostic`] naming the file, the place and a
//! way forward.

#![allow(
    clippy::result_large_err,
    reason = "a Diagnostic is built at most a few times per run, never on a hot path; boxing it buys nothing"
)]

pub mod diagnostic;
pub mod emit;
pub mod ir;
pub mod load;
pub mod output;
mod parallel;
pub mod timings;
pub mod validate;

use std::path::Path;

pub use diagnostic::{Diagnostic, Diagnostics, Location};
pub use emit::{GeneratedFile, Settings};
pub use timings::Timings;

/// The result of running the pipeline on a spec.
#[derive(Debug)]
pub struct Generated {
    pub api: ir::Api,
    pub files: Vec<GeneratedFile>,
}

/// Loads, validates and lowers the spec at `path` (a file, or a directory with `openapi.yaml`).
pub fn lower_spec(path: &Path) -> Result<ir::Api, Diagnostics> {
    let spec = load::load(path)?;
    ir::lower(&spec)
}

/// What to do with an operation that uses something the generator cannot do right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsupported {
    /// Reject the spec with every problem (the default; what CI needs).
    Reject,
    /// Leave the operation out (and a component with a problem, with every operation using it), reporting each
    /// as a located warning in [`ir::Api::warnings`].
    LeaveOut,
}

/// Runs the whole pipeline: the IR and the files of the generated crates.
pub fn generate(path: &Path, settings: &Settings) -> Result<Generated, Diagnostics> {
    generate_with(path, settings, Unsupported::Reject)
}

/// [`generate`], choosing what happens to operations the generator cannot do right.
pub fn generate_with(path: &Path, settings: &Settings, unsupported: Unsupported) -> Result<Generated, Diagnostics> {
    generate_timed(path, settings, unsupported, &mut Timings::default())
}

/// [`generate_with`], adding the time of each phase to `timings` (all but [`timings::Phase::Write`], which is
/// the caller's).
pub fn generate_timed(
    path: &Path,
    settings: &Settings,
    unsupported: Unsupported,
    timings: &mut Timings,
) -> Result<Generated, Diagnostics> {
    let api = lower_with_timed(path, unsupported, timings)?;
    let files = emit::emit_timed(&api, settings, timings)?;
    Ok(Generated { api, files })
}

/// [`lower_spec`], choosing what happens to operations the generator cannot do right: the IR alone, for a
/// caller that chooses its [`Settings`] from it (the crate names from the title) before [`emit::emit`].
pub fn lower_with(path: &Path, unsupported: Unsupported) -> Result<ir::Api, Diagnostics> {
    lower_with_timed(path, unsupported, &mut Timings::default())
}

/// [`lower_with`], adding the time of loading, validating and lowering to `timings`.
pub fn lower_with_timed(path: &Path, unsupported: Unsupported, timings: &mut Timings) -> Result<ir::Api, Diagnostics> {
    let spec = load::load_timed(path, timings)?;
    let api = match unsupported {
        Unsupported::Reject => ir::lower_timed(&spec, timings),
        Unsupported::LeaveOut => ir::lower_leaving_out_unsupported_timed(&spec, timings),
    };
    // Freeing the spec's trees takes milliseconds too; lowering is the last use of them.
    timings.time(timings::Phase::Lower, || drop(spec));
    api
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::time::Instant;

    use super::*;
    use crate::timings::Phase;

    const ROOT: &str = "\
openapi: 3.0.3
x-sdk-runtime: databricks
info: {title: Timed, version: '1'}
paths: {}
";

    const FRAGMENT: &str = "\
paths:
  /api/2.0/things/{id}:
    get:
      operationId: things.get
      tags: [things]
      summary: Get a thing.
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: The thing.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
components:
  schemas:
    Thing:
      type: object
      properties:
        id: {type: string}
        size: {type: integer, format: int64}
";

    #[test]
    fn every_phase_is_timed_and_the_phases_fit_in_the_run() {
        let dir = std::env::temp_dir().join(format!("generator-timings-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("spec/services")).unwrap();
        fs::write(dir.join("spec/openapi.yaml"), ROOT).unwrap();
        fs::write(dir.join("spec/services/things.yaml"), FRAGMENT).unwrap();

        let started = Instant::now();
        let mut timings = Timings::default();
        let generated = generate_timed(
            &dir.join("spec"),
            &Settings::repository(),
            Unsupported::Reject,
            &mut timings,
        )
        .unwrap();
        timings
            .time(Phase::Write, || {
                output::sync(&dir.join("out"), &generated.files, output::Mode::Write)
            })
            .unwrap();
        let total = started.elapsed();

        for phase in Phase::ALL {
            assert!(
                timings.get(phase).is_some(),
                "{} was not timed: {timings}",
                phase.name()
            );
        }
        assert!(timings.total() <= total, "{timings} in {total:?}");
        let _ = fs::remove_dir_all(&dir);
    }
}
