//! Every operation through the built `dbr`: the arguments of each case send exactly the case's request,
//! and stdout is the response, nothing lost.

use std::collections::BTreeSet;

use databricks_tests::cases::{self, Case};
use databricks_tests::dbr::{self, Run};
use databricks_tests::mock::{self, Expected, only_request, request_mismatch};
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
async fn check(case: &Case) -> Result<(), String> {
    let server = mock::serve(200, case.response).await;
    let run = dbr::run_against(&server.uri(), case.cli);
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

    let stdout: Value = serde_json::from_str(&run.stdout)
        .map_err(|error| format!("stdout is not JSON ({error})\n{}", context(case, &run)))?;
    let response: Value = serde_json::from_str(case.response).expect("the case's response is JSON");
    if stdout != response {
        return Err(format!("stdout differs from the response\n{}", context(case, &run)));
    }
    if !run.stderr.is_empty() {
        return Err(format!("unexpected stderr\n{}", context(case, &run)));
    }
    Ok(())
}

#[tokio::test]
async fn every_case_through_dbr() {
    let mut failures = Vec::new();
    for case in cases::all() {
        if let Err(failure) = check(case).await {
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
