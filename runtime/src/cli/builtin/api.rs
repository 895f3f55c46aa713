//! `dbr api get|post|put|patch|delete PATH [--json ...]`: any endpoint, including those the spec lacks,
//! through the same client as the generated commands (configuration, retries, `--debug`, error parsing).

use clap::{Arg, Command};
use serde_json::Value;

use super::super::command::JSON;
use super::super::json_text::PathText;
use super::super::request::{JsonDocument, kind, read_json};
use super::super::{CliError, Output, Session};
use crate::Method;

pub(super) const NAME: &str = "api";
const PATH: &str = "path";

/// The subcommands and the method each sends.
const METHODS: &[(&str, Method, &str)] = &[
    (
        "get",
        Method::Get,
        "Send a GET request; --json gives the query parameters",
    ),
    ("post", Method::Post, "Send a POST request; --json gives the body"),
    ("put", Method::Put, "Send a PUT request; --json gives the body"),
    ("patch", Method::Patch, "Send a PATCH request; --json gives the body"),
    ("delete", Method::Delete, "Send a DELETE request; --json gives the body"),
];

pub(super) fn command() -> Command {
    let mut api = Command::new(NAME)
        .about("Call any endpoint of the REST API and print the JSON answer")
        .long_about(
            "Call any endpoint of the REST API and print the JSON answer. The workspace and credentials are \
             the same as for every other command. For example:\n  \
             dbr api get /api/2.0/clusters/list\n  \
             dbr api get /api/2.1/jobs/list --json '{\"limit\": 5}'\n  \
             dbr api post /api/2.0/secrets/scopes/create --json @scope.json",
        )
        .subcommand_required(true)
        .arg_required_else_help(true);
    for (name, _, about) in METHODS {
        let json_help = if *name == "get" {
            "The query parameters as a JSON object: inline, @FILE, or - for standard input"
        } else {
            "The request body as JSON: inline, @FILE, or - for standard input"
        };
        api =
            api.subcommand(
                Command::new(*name)
                    .about(*about)
                    .arg(Arg::new(PATH).required(true).value_name("PATH").help(
                        "The path after the workspace URL, such as /api/2.0/clusters/list; it may end with ?query",
                    ))
                    .arg(Arg::new(JSON).long(JSON).value_name("JSON").help(json_help)),
            );
    }
    api
}

pub(super) fn run(method: &str, matches: &clap::ArgMatches, session: &mut Session<'_>) -> Result<Output, CliError> {
    let Some(&(_, method, _)) = METHODS.iter().find(|(name, _, _)| *name == method) else {
        return Err(CliError::Usage(format!("unknown method `{method}`")));
    };
    let path = matches.get_one::<String>(PATH).map(String::as_str).unwrap_or_default();
    check_path(path)?;
    let json = matches
        .get_one::<String>(JSON)
        .map(|source| read_json(source).and_then(exact))
        .transpose()?;
    let client = session.client()?;
    let mut request = client.raw(method, path);
    match json {
        // GET parameters go in the query string, as the API documentation has them.
        Some(Value::Object(params)) if method == Method::Get => request = request.params(&params),
        Some(other) if method == Method::Get => {
            return Err(CliError::Usage(format!(
                "--json of a GET request must be a JSON object of query parameters, not {}",
                kind(&other)
            )));
        }
        Some(body) => request = request.json(&body),
        None => {}
    }
    // Printed as the server wrote it (`-o json`), the answer being JSON is all that is checked.
    let answer: Box<serde_json::value::RawValue> = session.block_on(request.send())?;
    Ok(Output::Raw(answer))
}

/// The document's value, unless one of its integers does not fit in 64 bits: that one would be sent as the
/// nearest double (`12345678901234567890123` as `1.2345678901234568e22`), a different number.
fn exact(document: JsonDocument) -> Result<Value, CliError> {
    let too_large = document.numbers.iter().find(|(_, text)| {
        let integer = !text.contains(['.', 'e', 'E']);
        integer && text.parse::<i64>().is_err() && text.parse::<u64>().is_err()
    });
    match too_large {
        Some((path, text)) => {
            let at = if path.is_empty() {
                String::new()
            } else {
                format!(" at `{}`", PathText(path))
            };
            Err(CliError::Usage(format!(
                "the integer {text}{at} in --json does not fit in 64 bits, so it cannot be sent exactly"
            )))
        }
        None => Ok(document.value),
    }
}

/// Accepts `/api/...` without dot segments; anything else is a usage error that shows what was probably
/// meant.
fn check_path(path: &str) -> Result<(), CliError> {
    if path.starts_with("/api/") {
        return match dot_segment(path) {
            Some(segment) => Err(CliError::Usage(format!(
                "the path `{path}` has the segment `{segment}`, which URLs resolve as a move up the path, so \
                 the request would go elsewhere than it says; give the path without it"
            ))),
            None => Ok(()),
        };
    }
    let example = "/api/2.0/clusters/list";
    let hint = if let Some(rest) = path.strip_prefix("https://").or_else(|| path.strip_prefix("http://")) {
        let after_host = rest.find('/').map_or("", |slash| &rest[slash..]);
        format!(
            "give only the path, such as `{}`; the workspace comes from --host, DATABRICKS_HOST or the profile",
            if after_host.starts_with("/api/") {
                after_host
            } else {
                example
            }
        )
    } else if path.starts_with("api/") {
        format!("did you mean `/{path}`?")
    } else if path.starts_with(|first: char| first.is_ascii_digit()) || path.starts_with("/2.") {
        format!("did you mean `/api/{}`?", path.trim_start_matches('/'))
    } else {
        format!("for example `{example}`")
    };
    Err(CliError::Usage(format!(
        "the path `{path}` does not start with /api/; {hint}"
    )))
}

/// The first `.` or `..` segment of the path before its query, also percent-encoded (`%2e%2E`) or after a
/// backslash, which URL parsing treats as a slash: each is resolved before the request is sent.
fn dot_segment(path: &str) -> Option<&str> {
    let end = path.find(['?', '#']).unwrap_or(path.len());
    path[..end].split(['/', '\\']).find(|segment| {
        let decoded = segment.to_ascii_lowercase().replace("%2e", ".");
        decoded == "." || decoded == ".."
    })
}

#[cfg(test)]
mod tests {
    use super::check_path;

    #[test]
    fn dot_segments_are_refused() {
        for (path, segment) in [
            ("/api/2.0/../../x", "`..`"),
            ("/api/2.0/%2e%2e/%2e%2e/x", "`%2e%2e`"),
            ("/api/2.0/%2E%2E/x", "`%2E%2E`"),
            ("/api/2.0/.%2e/x", "`.%2e`"),
            ("/api/2.0/./clusters/list", "`.`"),
            ("/api/2.0/clusters/..", "`..`"),
            ("/api/2.0\\..\\x", "`..`"),
        ] {
            let error = check_path(path).unwrap_err().to_string();
            assert!(
                error.starts_with(&format!("the path `{path}` has the segment {segment}")),
                "{path}: {error}"
            );
        }
        for fine in [
            "/api/2.0/workspace/get-status?path=/Users/a/../b",
            "/api/2.0/x/...",
            "/api/2.0/x/.hidden",
            "/api/2.0/x/a..b",
            "/api/2.0/x/%2e%2e%2e",
        ] {
            assert!(check_path(fine).is_ok(), "{fine}");
        }
    }

    #[test]
    fn paths_outside_the_api_get_a_hint() {
        assert!(check_path("/api/2.0/clusters/list?x=1").is_ok());
        for (path, hint) in [
            ("api/2.0/clusters/list", "did you mean `/api/2.0/clusters/list`?"),
            ("2.0/clusters/list", "did you mean `/api/2.0/clusters/list`?"),
            ("/2.1/jobs/list", "did you mean `/api/2.1/jobs/list`?"),
            (
                "https://adb-1.2.azuredatabricks.net/api/2.0/clusters/list",
                "give only the path, such as `/api/2.0/clusters/list`;",
            ),
            ("/clusters/list", "for example `/api/2.0/clusters/list`"),
        ] {
            let error = check_path(path).unwrap_err().to_string();
            assert!(error.contains(hint), "{path}: {error}");
        }
    }
}
