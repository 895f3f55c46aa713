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
pub mod validate;

use std::path::Path;

pub use diagnostic::{Diagnostic, Diagnostics, Location};
pub use emit::{GeneratedFile, Settings};

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
    let api = lower_with(path, unsupported)?;
    let files = emit::emit(&api, settings)?;
    Ok(Generated { api, files })
}

/// [`lower_spec`], choosing what happens to operations the generator cannot do right: the IR alone, for a
/// caller that chooses its [`Settings`] from it (the crate names from the title) before [`emit::emit`].
pub fn lower_with(path: &Path, unsupported: Unsupported) -> Result<ir::Api, Diagnostics> {
    let spec = load::load(path)?;
    match unsupported {
        Unsupported::Reject => ir::lower(&spec),
        Unsupported::LeaveOut => ir::lower_leaving_out_unsupported(&spec),
    }
}
