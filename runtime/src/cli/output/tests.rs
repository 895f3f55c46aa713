//! The format a run prints in when `-o` is not given (a table on a terminal, JSON otherwise, or
//! `DATABRICKS_OUTPUT_FORMAT`), and what tables show: whole runs of a small command line whose commands
//! answer fixed documents, so stdout can be said to be a terminal.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use serde_json::{Value, json};

use super::super::{App, CliError, Extension, Output, RunOptions, Session, clap, run, run_with};
use crate::Error;

const APP: App = App {
    binary: "dbr",
    about: "test",
    version: "1.2.3",
    services: &[],
};

/// `dbr cluster` answers one object; `dbr jobs` and `dbr none` a list of two items and an empty one.
struct Answers;

impl Extension for Answers {
    fn register(&self, root: clap::Command) -> clap::Command {
        root.subcommand(clap::Command::new("cluster"))
            .subcommand(clap::Command::new("jobs"))
            .subcommand(clap::Command::new("none"))
    }

    fn run(&self, path: &[&str], _: &clap::ArgMatches, _: &mut Session<'_>) -> Option<Result<Output, CliError>> {
        let output = match path {
            ["cluster"] => Output::Value(cluster()),
            ["jobs"] => items(vec![
                json!({"job_id": 1, "name": "nightly-etl"}),
                json!({"job_id": 22, "name": "sync"}),
            ]),
            ["none"] => items(Vec::new()),
            _ => return None,
        };
        Some(Ok(output))
    }
}

fn cluster() -> Value {
    json!({
        "cluster_id": "0115-c1",
        "state": "RUNNING",
        "autoscale": {"min_workers": 1, "max_workers": 4},
        "ssh_public_keys": ["ssh-ed25519 AAA", "ssh-ed25519 BBB"],
        "init_scripts": [{"workspace": {"destination": "/init.sh"}}, {"volumes": {"destination": "/v.sh"}}],
        "custom_tags": {},
        "docker_image_args": []
    })
}

struct Listed(std::vec::IntoIter<Value>);

impl Stream for Listed {
    type Item = Result<Box<serde_json::value::RawValue>, Error>;

    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Poll::Ready(
            self.0
                .next()
                .map(|item| Ok(serde_json::value::to_raw_value(&item).expect("a value prints"))),
        )
    }
}

fn items(items: Vec<Value>) -> Output {
    Output::Items {
        items: Box::pin(Listed(items.into_iter())),
        columns: &[],
    }
}

struct Printed {
    code: u8,
    stdout: String,
    stderr: String,
}

fn dbr_with(options: &RunOptions, args: &[&str]) -> Printed {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let args = std::iter::once("dbr").chain(args.iter().copied());
    let code = run_with(&APP, &[&Answers], args, options, &mut stdout, &mut stderr);
    Printed {
        code,
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

fn on_terminal(args: &[&str]) -> Printed {
    let options = RunOptions {
        stdout_is_terminal: true,
        output_format: None,
    };
    dbr_with(&options, args)
}

fn with_variable(value: &str, stdout_is_terminal: bool, args: &[&str]) -> Printed {
    let options = RunOptions {
        stdout_is_terminal,
        output_format: Some(value.to_owned()),
    };
    dbr_with(&options, args)
}

fn piped(args: &[&str]) -> Printed {
    dbr_with(&RunOptions::default(), args)
}

fn json_of(printed: &Printed) -> Value {
    assert_eq!(printed.code, 0, "{}", printed.stderr);
    serde_json::from_str(&printed.stdout).unwrap_or_else(|error| panic!("{error}: {}", printed.stdout))
}

const JOBS_TABLE: &str = "JOB_ID  NAME\n1       nightly-etl\n22      sync\n";

#[test]
fn a_list_on_a_terminal_is_a_table() {
    let printed = on_terminal(&["jobs"]);
    assert_eq!(printed.code, 0, "{}", printed.stderr);
    assert_eq!(printed.stdout, JOBS_TABLE);
    assert_eq!(printed.stderr, "");
}

#[test]
fn an_object_on_a_terminal_is_aligned_fields_that_keep_every_value() {
    let printed = on_terminal(&["cluster"]);
    assert_eq!(printed.code, 0, "{}", printed.stderr);
    assert_eq!(
        printed.stdout,
        "\
cluster_id                             0115-c1
state                                  RUNNING
autoscale.min_workers                  1
autoscale.max_workers                  4
ssh_public_keys                        ssh-ed25519 AAA,ssh-ed25519 BBB
init_scripts[0].workspace.destination  /init.sh
init_scripts[1].volumes.destination    /v.sh
custom_tags                            {}
docker_image_args                      []
"
    );
}

#[test]
fn without_a_terminal_the_output_is_json() {
    assert_eq!(json_of(&piped(&["cluster"])), cluster());
    assert_eq!(json_of(&piped(&["jobs"]))[1]["job_id"], 22);
    // The entry point without options is the same as a pipe.
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    assert_eq!(run(&APP, &[&Answers], ["dbr", "cluster"], &mut stdout, &mut stderr), 0);
    assert_eq!(serde_json::from_slice::<Value>(&stdout).ok(), Some(cluster()));
}

#[test]
fn an_explicit_format_wins_over_the_terminal() {
    assert_eq!(json_of(&on_terminal(&["cluster", "-o", "json"])), cluster());
    assert_eq!(
        on_terminal(&["jobs", "-o", "text"]).stdout,
        "1\tnightly-etl\n22\tsync\n"
    );
    assert_eq!(piped(&["jobs", "-o", "table"]).stdout, JOBS_TABLE);
}

#[test]
fn the_official_variable_chooses_the_format_unless_o_is_given() {
    assert_eq!(json_of(&with_variable("json", true, &["cluster"])), cluster());
    assert_eq!(
        with_variable("TABLE", false, &["jobs"]).stdout,
        JOBS_TABLE,
        "any case, as the official CLI"
    );
    assert_eq!(
        with_variable("text", true, &["jobs"]).stdout,
        "1\tnightly-etl\n22\tsync\n"
    );
    assert_eq!(with_variable("json", true, &["jobs", "-o", "table"]).stdout, JOBS_TABLE);

    let unknown = with_variable("yaml", true, &["jobs"]);
    assert_eq!(unknown.stdout, JOBS_TABLE, "an unknown value is ignored");
    assert_eq!(
        unknown.stderr,
        "Warning: DATABRICKS_OUTPUT_FORMAT=yaml is not an output format (json, table or text); ignored\n"
    );
}

#[test]
fn jq_results_are_json_on_a_terminal_unless_a_format_is_asked_for() {
    assert_eq!(
        on_terminal(&["jobs", "--jq", ".[].name"]).stdout,
        "\"nightly-etl\"\n\"sync\"\n"
    );
    assert_eq!(
        on_terminal(&["jobs", "--jq", ".[].name", "-o", "text"]).stdout,
        "nightly-etl\nsync\n"
    );
    assert_eq!(with_variable("table", true, &["jobs", "--jq", "."]).stdout, JOBS_TABLE);
}

#[test]
fn an_empty_list_is_no_rows_with_a_note_on_stderr_in_tables_only() {
    let table = on_terminal(&["none"]);
    assert_eq!((table.code, table.stdout.as_str()), (0, ""));
    assert_eq!(table.stderr, "No items.\n");
    let from_jq = on_terminal(&["none", "--jq", ".", "-o", "table"]);
    assert_eq!((from_jq.stdout.as_str(), from_jq.stderr.as_str()), ("", "No items.\n"));

    let text = on_terminal(&["none", "-o", "text"]);
    assert_eq!((text.stdout.as_str(), text.stderr.as_str()), ("", ""));
    let json = piped(&["none"]);
    assert_eq!((json.stdout.as_str(), json.stderr.as_str()), ("[]\n", ""));
}

#[test]
fn version_is_json_only_when_json_is_asked_for() {
    assert_eq!(piped(&["version"]).stdout, "dbr 1.2.3\n");
    assert_eq!(on_terminal(&["version"]).stdout, "dbr 1.2.3\n");
    assert_eq!(json_of(&piped(&["version", "-o", "json"])), json!({"version": "1.2.3"}));
    assert_eq!(
        json_of(&with_variable("json", true, &["version"])),
        json!({"version": "1.2.3"})
    );
}
