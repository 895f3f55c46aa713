//! Every operation through the built `dbr`: the arguments of each case send exactly the case's request,
//! and stdout is the response, nothing lost.

use std::collections::BTreeSet;

use databricks_tests::cases::{CASES, Case};
use databricks_tests::dbr::{self, Run};
use databricks_tests::mock::{self, Expected, only_request, request_mismatch};
use serde_json::Value;

/// Every operation of the spec, so a case cannot silently go missing.
const OPERATIONS: [&str; 27] = [
    "clusters.changeOwner",
    "clusters.create",
    "clusters.delete",
    "clusters.edit",
    "clusters.events",
    "clusters.get",
    "clusters.list",
    "clusters.listNodeTypes",
    "clusters.listZones",
    "clusters.permanentDelete",
    "clusters.pin",
    "clusters.resize",
    "clusters.restart",
    "clusters.sparkVersions",
    "clusters.start",
    "clusters.unpin",
    "clusters.update",
    "dbfs.addBlock",
    "dbfs.close",
    "dbfs.create",
    "dbfs.delete",
    "dbfs.getStatus",
    "dbfs.list",
    "dbfs.mkdirs",
    "dbfs.move",
    "dbfs.put",
    "dbfs.read",
];

#[test]
fn there_is_one_case_per_operation() {
    let cases: Vec<&str> = CASES.iter().map(|case| case.operation).collect();
    let unique: BTreeSet<&str> = cases.iter().copied().collect();
    assert_eq!(unique.len(), cases.len(), "duplicate cases in {cases:?}");
    assert_eq!(unique, OPERATIONS.into_iter().collect::<BTreeSet<_>>());
}

/// What to show when a case fails.
fn context(case: &Case, run: &Run) -> String {
    format!(
        "case {} (dbr {:?}): exit code {}\nstdout:\n{}\nstderr:\n{}",
        case.operation, case.cli, run.code, run.stdout, run.stderr
    )
}

async fn check(case: &Case) {
    let server = mock::serve(200, case.response).await;
    let run = dbr::run_against(&server.uri(), case.cli);
    assert_eq!(run.code, 0, "{}", context(case, &run));

    let request = only_request(&server).await;
    let expected = Expected {
        method: case.method,
        path: case.path,
        query: case.query,
        body: case.body,
    };
    if let Some(problem) = request_mismatch(&request, expected) {
        panic!("{problem}\n{}", context(case, &run));
    }

    let stdout: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|error| panic!("stdout is not JSON ({error})\n{}", context(case, &run)));
    let response: Value = serde_json::from_str(case.response).expect("the case's response is JSON");
    assert_eq!(
        stdout,
        response,
        "stdout differs from the response\n{}",
        context(case, &run)
    );
    assert!(run.stderr.is_empty(), "unexpected stderr\n{}", context(case, &run));
}

#[tokio::test]
async fn every_case_through_dbr() {
    for case in CASES {
        check(case).await;
    }
}
