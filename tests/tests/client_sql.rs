//! The SDK's row stream (`databricks_transfer::sql::StatementRows`) against local servers: rows across
//! chunks found by their internal links, the manifest's columns, a failed statement's error, a statement
//! dropped while running is canceled, a result in a format that is not rows is refused before sending.

use std::time::Duration;

use databricks_client::models::{ExecuteStatementRequest, StatementFormat, StatementState};
use databricks_tests::mock::{client_with_budget, received};
use databricks_transfer::sql::{PollOptions, SqlError, StatementRows};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ID: &str = "01ef2f6c-0a3c-1b6e-9d0e-4b8f3c2a7e15";
const STATEMENTS: &str = "/api/2.0/sql/statements";

fn quick() -> PollOptions {
    PollOptions {
        first: Duration::from_millis(5),
        max: Duration::from_millis(20),
    }
}

fn request() -> ExecuteStatementRequest {
    ExecuteStatementRequest::new("SELECT id FROM t", "5c5e3a8b2f1d4e07")
}

async fn answer(server: &MockServer, http_method: &str, at: &str, body: Value) {
    Mock::given(method(http_method))
        .and(path(at))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(server)
        .await;
}

#[tokio::test]
async fn rows_follow_internal_links_chunk_after_chunk_with_the_columns_known() {
    let server = MockServer::start().await;
    let link = |index: usize| format!("{STATEMENTS}/{ID}/result/chunks/{index}");
    answer(
        &server,
        "POST",
        STATEMENTS,
        json!({
            "statement_id": ID,
            "status": {"state": "SUCCEEDED"},
            "manifest": {"format": "JSON_ARRAY", "schema": {"columns": [{"name": "id", "position": 0}]}},
            "result": {"data_array": [["1"], ["2"]], "next_chunk_internal_link": link(1)}
        }),
    )
    .await;
    answer(
        &server,
        "GET",
        &link(1),
        json!({"data_array": [[null]], "next_chunk_internal_link": link(2)}),
    )
    .await;
    answer(&server, "GET", &link(2), json!({"data_array": [["4"]]})).await;
    let client = client_with_budget(&server.uri(), Duration::from_secs(2));

    let mut rows = StatementRows::execute(&client, &request(), quick())
        .await
        .expect("the statement");
    assert_eq!(rows.statement_id(), ID);
    let mut all = Vec::new();
    while let Some(row) = rows.next_row().await.expect("a row") {
        all.push(row);
    }
    assert_eq!(
        all,
        [
            vec![Some("1".to_owned())],
            vec![Some("2".to_owned())],
            vec![None],
            vec![Some("4".to_owned())]
        ]
    );
    assert_eq!(rows.columns()[0].name.as_deref(), Some("id"));
    let paths: Vec<String> = received(&server)
        .await
        .into_iter()
        .map(|request| request.path)
        .collect();
    assert_eq!(paths, [STATEMENTS.to_owned(), link(1), link(2)]);
}

#[tokio::test]
async fn a_failed_statement_is_an_error_with_the_servers_state_code_and_message() {
    let server = MockServer::start().await;
    answer(
        &server,
        "POST",
        STATEMENTS,
        json!({"statement_id": ID, "status": {"state": "RUNNING"}}),
    )
    .await;
    answer(
        &server,
        "GET",
        &format!("{STATEMENTS}/{ID}"),
        json!({
            "statement_id": ID,
            "status": {"state": "FAILED", "error": {"error_code": "DEADLINE_EXCEEDED", "message": "The query ran too long."}}
        }),
    )
    .await;
    let client = client_with_budget(&server.uri(), Duration::from_secs(2));

    let mut rows = StatementRows::execute(&client, &request(), quick())
        .await
        .expect("accepted");
    let error = rows.next_chunk().await.expect_err("the statement failed");
    match &error {
        SqlError::Statement {
            state,
            message,
            error_code,
            ..
        } => {
            assert_eq!(*state, StatementState::Failed);
            assert_eq!(message.as_deref(), Some("The query ran too long."));
            assert_eq!(error_code.as_deref(), Some("DEADLINE_EXCEEDED"));
        }
        other => panic!("not a statement error: {other:?}"),
    }
    drop(rows);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(
        received(&server)
            .await
            .iter()
            .all(|request| !request.path.ends_with("/cancel")),
        "a finished statement is not canceled"
    );
}

#[tokio::test]
async fn dropping_the_rows_of_a_running_statement_cancels_it() {
    let server = MockServer::start().await;
    answer(
        &server,
        "POST",
        STATEMENTS,
        json!({"statement_id": ID, "status": {"state": "PENDING"}}),
    )
    .await;
    answer(&server, "POST", &format!("{STATEMENTS}/{ID}/cancel"), json!({})).await;
    let client = client_with_budget(&server.uri(), Duration::from_secs(2));

    let rows = StatementRows::execute(&client, &request(), quick())
        .await
        .expect("accepted");
    drop(rows);
    // The cancel request is sent by a task on this runtime; wait for it, with a safety net.
    for _ in 0..1000 {
        if received(&server)
            .await
            .iter()
            .any(|request| request.path.ends_with("/cancel"))
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the dropped statement was never canceled");
}

#[tokio::test]
async fn formats_that_are_not_rows_are_refused_before_sending() {
    let server = MockServer::start().await;
    let client = client_with_budget(&server.uri(), Duration::from_secs(2));
    let csv = ExecuteStatementRequest {
        format: Some(StatementFormat::Csv),
        ..request()
    };
    let error = StatementRows::execute(&client, &csv, quick())
        .await
        .expect_err("refused");
    assert!(
        matches!(error, SqlError::UnsupportedFormat { ref format } if format == "CSV"),
        "{error:?}"
    );
    assert!(received(&server).await.is_empty());
}
