//! Every operation through the built `dbr`: the arguments of each case send exactly the case's request,
//! and stdout is the response, nothing lost; for a list, the response's items.
//!
//! The mock answers every request with the case's response, so a long-running operation runs with
//! `--no-wait` (waiting is tested in cli_behaviour against servers that change state), and a list whose
//! response names a next page reads only the first page's items (`--limit`).

use std::collections::{BTreeSet, HashMap};

use databricks_tests::cases::{self, Case};
use databricks_tests::dbr::{self, Run};
use databricks_tests::mock::{self, Expected, only_request, request_mismatch};
use generator::ir::Operation;
use serde_json::Value;

/// Every operation of the spec has exactly one case, so a new operation cannot go untested.
#[test]
fn there_is_one_case_per_operation() {
    let api = databricks_tests::spec_api();
    let operations: BTreeSet<&str> = api
        .services
        .iter()
        .flat_map(|service| service.operations.iter().map(|operation| operation.id.as_str()))
        .collect();
    let cases: Vec<&str> = cases::all().map(|case| case.operation).collect();
    let unique: BTreeSet<&str> = cases.iter().copied().collect();
    assert_eq!(unique.len(), cases.len(), "duplicate cases in {cases:?}");
    let missing: Vec<_> = operations.difference(&unique).collect();
    let unknown: Vec<_> = unique.difference(&operations).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "operations without a case: {missing:?}; cases of no operation: {unknown:?}"
    );
}

/// What to show when a case fails.
fn context(case: &Case, run: &Run) -> String {
    format!(
        "case {} (dbr {:?}): exit code {}\nstdout:\n{}\nstderr:\n{}",
        case.operation, case.cli, run.code, run.stdout, run.stderr
    )
}

/// Runs one case; `Err` describes what went wrong, so one run reports every failing case.
async fn check(case: &Case, operation: &Operation) -> Result<(), String> {
    let server = mock::serve(200, case.response).await;
    // A raw answer (a CSV download) is written to stdout exactly as it came.
    let raw_answer = operation.raw_response.is_some();
    let response: Value = if raw_answer {
        Value::String(case.response.to_owned())
    } else {
        serde_json::from_str(case.response).expect("the case's response is JSON")
    };
    let mut args: Vec<String> = case.cli.iter().map(|arg| (*arg).to_owned()).collect();
    if operation.wait.is_some() {
        args.push("--no-wait".to_owned());
    }
    let expected_stdout = match operation.pagination.as_ref().filter(|_| operation.cli_lists_items) {
        Some(pagination) => {
            let items = pagination
                .items
                .split('.')
                .try_fold(&response, |value, key| value.get(key))
                .cloned()
                .unwrap_or_else(|| Value::Array(Vec::new()));
            let count = items.as_array().map_or(0, Vec::len);
            if count > 0 {
                args.extend(["--limit".to_owned(), count.to_string()]);
            }
            items
        }
        // An answer that is its headers (a `HEAD`) prints those the operation declares, as the mock sent them.
        None if operation.response.is_none()
            && operation.raw_response.is_none()
            && operation.answer_headers.is_some() =>
        {
            mock_answer_headers(operation, case.response)
        }
        None => response,
    };
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    // Account commands run with an account configuration.
    let run = if args.first() == Some(&"account") {
        dbr::run_against_account(&server.uri(), &args)
    } else {
        dbr::run_against(&server.uri(), &args)
    };
    if run.code != 0 {
        return Err(context(case, &run));
    }

    let request = only_request(&server).await;
    let expected = Expected {
        method: case.method,
        path: case.path,
        query: case.query,
        body: case.body,
    };
    if let Some(problem) = request_mismatch(&request, expected) {
        return Err(format!("{problem}\n{}", context(case, &run)));
    }

    let stdout: Value = if raw_answer {
        Value::String(run.stdout.clone())
    } else {
        serde_json::from_str(&run.stdout)
            .map_err(|error| format!("stdout is not JSON ({error})\n{}", context(case, &run)))?
    };
    if stdout != expected_stdout {
        return Err(format!("stdout differs from the response\n{}", context(case, &run)));
    }
    if !run.stderr.is_empty() {
        return Err(format!("unexpected stderr\n{}", context(case, &run)));
    }
    Ok(())
}

#[tokio::test]
async fn every_case_through_dbr() {
    let api = databricks_tests::spec_api();
    let operations: HashMap<&str, &Operation> = api
        .services
        .iter()
        .flat_map(|service| &service.operations)
        .map(|operation| (operation.id.as_str(), operation))
        .collect();
    let mut failures = Vec::new();
    for case in cases::all() {
        if let Err(failure) = check(case, operations[case.operation]).await {
            failures.push(failure);
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// The headers `operation` declares that [`mock::serve`] sends with `body`, as `dbr` prints them.
fn mock_answer_headers(operation: &Operation, body: &str) -> Value {
    let sent = [
        ("content-length", Value::from(body.len())),
        ("content-type", Value::from("application/json")),
        ("x-request-id", Value::from("req-7f3a")),
    ];
    let declared = operation.answer_headers.iter().flat_map(|answer| &answer.headers);
    let printed = declared.filter_map(|header| {
        let (_, value) = sent.iter().find(|(name, _)| header.name.eq_ignore_ascii_case(name))?;
        Some((header.name.clone(), value.clone()))
    });
    Value::Object(printed.collect())
}
