//! `--jq EXPR`: a jq filter over the JSON a command prints, with jaq (a maintained jq implementation), so
//! scripts need no jq installed.

use jaq_core::compile::Undefined;
use jaq_core::load::{Arena, File, Loader};
use jaq_core::{Compiler, Ctx, Vars, data, unwrap_valr};
use jaq_json::Val;
use serde_json::Value;

use super::CliError;

/// A compiled filter, checked before any request is sent.
pub(super) struct Filter {
    code: String,
    filter: jaq_core::compile::Filter<jaq_core::Native<data::JustLut<Val>>>,
}

impl Filter {
    pub(super) fn compile(code: &str) -> Result<Filter, CliError> {
        let defs = jaq_core::defs().chain(jaq_std::defs()).chain(jaq_json::defs());
        let funs = jaq_core::funs().chain(jaq_std::funs()).chain(jaq_json::funs());
        let arena = Arena::default();
        let program = File { code, path: () };
        let invalid = |problem: String| CliError::Usage(format!("invalid --jq filter `{code}`: {problem}"));
        let modules = Loader::new(defs).load(&arena, program).map_err(|errors| {
            // Every problem of every kind, one list.
            let problems: Vec<String> = errors
                .into_iter()
                .flat_map(|(_, error)| -> Vec<String> {
                    match error {
                        jaq_core::load::Error::Io(problems) => problems
                            .into_iter()
                            .map(|(path, message)| format!("{path}: {message}"))
                            .collect(),
                        jaq_core::load::Error::Lex(problems) => problems
                            .into_iter()
                            .map(|(expected, rest)| position(code, rest, expected.as_str()))
                            .collect(),
                        jaq_core::load::Error::Parse(problems) => problems
                            .into_iter()
                            .map(|(expected, rest)| position(code, rest, expected.as_str()))
                            .collect(),
                    }
                })
                .collect();
            invalid(problems.join("; "))
        })?;
        let filter = Compiler::default().with_funs(funs).compile(modules).map_err(|errors| {
            let problems: Vec<String> = errors
                .into_iter()
                .flat_map(|(_, problems)| problems)
                .map(|(name, undefined)| match undefined {
                    Undefined::Filter(arity) => format!("unknown filter `{name}/{arity}`"),
                    other => format!("unknown {} `{name}`", other.as_str()),
                })
                .collect();
            invalid(problems.join("; "))
        })?;
        Ok(Filter {
            code: code.to_owned(),
            filter,
        })
    }

    /// Every output of the filter on `input`, in order.
    pub(super) fn run(&self, input: &Value) -> Result<Vec<Value>, CliError> {
        let failed = |problem: String| CliError::Failed(format!("--jq filter `{}` failed: {problem}", self.code));
        let text = serde_json::to_vec(input).map_err(|error| failed(error.to_string()))?;
        let input = jaq_json::read::parse_single(&text).map_err(|error| failed(error.to_string()))?;
        let context = Ctx::<data::JustLut<Val>>::new(&self.filter.lut, Vars::new([]));
        let mut outputs = Vec::new();
        for output in self.filter.id.run((context, input)).map(unwrap_valr) {
            let output = output.map_err(|error| failed(error.to_string()))?;
            // jaq writes JSON; read it back so every format prints it the same way as a response.
            let value = serde_json::from_str(&output.to_string())
                .map_err(|_| failed(format!("the result `{output}` is not JSON")))?;
            outputs.push(value);
        }
        Ok(outputs)
    }
}

/// "expected X at column N", counting from the remaining input the lexer or parser stopped at.
fn position(code: &str, rest: &str, expected: &str) -> String {
    let column = code.len().saturating_sub(rest.len()) + 1;
    if rest.is_empty() {
        format!("expected {expected} at the end")
    } else {
        format!("expected {expected} at column {column}")
    }
}
