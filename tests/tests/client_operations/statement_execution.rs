//! SQL statement execution.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::statement_execution::{STATEMENT_ID, WAREHOUSE_ID};

#[tokio::test]
async fn statement_execution_cancel_execution() {
    let t = setup("statementExecution.cancelExecution").await;
    let ack = ok(
        t.case.operation,
        t.client.statement_execution().cancel_execution(STATEMENT_ID).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn statement_execution_execute_statement() {
    let t = setup("statementExecution.executeStatement").await;
    let parameter = |name: &str, value: &str, kind: Option<&str>| models::StatementParameterListItem {
        value: Some(value.into()),
        type_: kind.map(Into::into),
        ..models::StatementParameterListItem::new(name)
    };
    let body = models::ExecuteStatementRequest {
        catalog: Some("main".into()),
        schema: Some("sales".into()),
        parameters: Some(vec![
            parameter("region", "EMEA", None),
            parameter("since", "2024-05-01", Some("DATE")),
        ]),
        disposition: Some(models::StatementDisposition::ExternalLinks),
        format: Some(models::StatementFormat::Csv),
        wait_timeout: Some("0s".into()),
        on_wait_timeout: Some(models::StatementOnWaitTimeout::Continue),
        byte_limit: Some(107_374_182_400),
        row_limit: Some(1_000_000),
        query_tags: Some(vec![
            models::StatementQueryTag {
                value: Some("finance".into()),
                ..models::StatementQueryTag::new("team")
            },
            models::StatementQueryTag::new("adhoc"),
        ]),
        ..models::ExecuteStatementRequest::new(
            "SELECT region, amount FROM sales.orders WHERE region = :region AND day >= :since",
            WAREHOUSE_ID,
        )
    };
    let answer = ok(
        t.case.operation,
        t.client.statement_execution().execute_statement(&body).await,
    );
    t.verify(&answer).await;
    assert_eq!(answer.statement_id.as_deref(), Some(STATEMENT_ID));
    let status = answer.status.expect("status");
    assert_eq!(
        status.state,
        Some(models::StatementState::Unrecognized("QUEUED".into()))
    );
    assert_eq!(status.unknown_fields["queue_position"], 3);
}

#[tokio::test]
async fn statement_execution_get_statement() {
    let t = setup("statementExecution.getStatement").await;
    let answer = ok(
        t.case.operation,
        t.client.statement_execution().get_statement(STATEMENT_ID).await,
    );
    t.verify(&answer).await;
    assert_eq!(
        answer.status.as_ref().and_then(|status| status.state.clone()),
        Some(models::StatementState::Succeeded)
    );
    let manifest = answer.manifest.as_ref().expect("manifest");
    assert_eq!(manifest.total_row_count, Some(5));
    assert_eq!(manifest.chunks.as_ref().map(Vec::len), Some(3));
    let columns = manifest
        .schema
        .as_ref()
        .and_then(|schema| schema.columns.as_deref())
        .expect("columns");
    assert_eq!(
        columns[0].type_name,
        Some(models::StatementColumnTypeName::Unrecognized("GEOGRAPHY".into()))
    );
    assert_eq!(columns[1].type_name, Some(models::StatementColumnTypeName::Decimal));
    assert_eq!(columns[1].type_scale, Some(2));
    let result = answer.result.as_ref().expect("result");
    let rows = result.data_array.as_deref().expect("data_array");
    assert_eq!(rows[1], [Some("APAC".to_owned()), None]);
    assert_eq!(result.next_chunk_index, Some(1));
}

#[tokio::test]
async fn statement_execution_get_statement_result_chunk_n() {
    let t = setup("statementExecution.getStatementResultChunkN").await;
    let chunk = ok(
        t.case.operation,
        t.client
            .statement_execution()
            .get_statement_result_chunk_n(STATEMENT_ID, 1)
            .await,
    );
    t.verify(&chunk).await;
    let link = &chunk.external_links.as_deref().expect("external_links")[0];
    assert_eq!(link.byte_count, Some(1_607_863));
    assert_eq!(link.next_chunk_index, Some(2));
    assert_eq!(link.unknown_fields["link_kind"], "PRESIGNED");
    // The presigned URL and the storage's headers are credentials: never shown by Debug.
    let debug = format!("{link:?}");
    assert!(!debug.contains("X-Amz-Signature"), "{debug}");
    assert!(!debug.contains("c2VjcmV0LWtleQ=="), "{debug}");
}
