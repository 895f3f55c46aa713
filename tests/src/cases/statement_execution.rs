//! SQL statement execution (`/api/2.0/sql/statements/...`): run a statement on a warehouse, follow it, read
//! its result chunks and cancel it.

use super::{Case, EMPTY};

/// The statement the cases are about.
pub const STATEMENT_ID: &str = "01ef2f6c-0a3c-1b6e-9d0e-4b8f3c2a7e15";

/// The warehouse that runs it.
pub const WAREHOUSE_ID: &str = "5c5e3a8b2f1d4e07";

/// A statement that succeeded with an inline result of three chunks: the manifest, and the first chunk's two
/// rows, the second with a NULL. The first column has a type name (`GEOGRAPHY`) this spec does not list.
pub const SUCCEEDED: &str = r#"{
  "statement_id": "01ef2f6c-0a3c-1b6e-9d0e-4b8f3c2a7e15",
  "status": {"state": "SUCCEEDED"},
  "manifest": {
    "format": "JSON_ARRAY",
    "schema": {
      "column_count": 2,
      "columns": [
        {"name": "region", "position": 0, "type_name": "GEOGRAPHY", "type_text": "GEOGRAPHY(4326)"},
        {"name": "amount", "position": 1, "type_name": "DECIMAL", "type_text": "DECIMAL(10,2)",
         "type_precision": 10, "type_scale": 2}
      ]
    },
    "total_chunk_count": 3,
    "chunks": [
      {"chunk_index": 0, "row_offset": 0, "row_count": 2},
      {"chunk_index": 1, "row_offset": 2, "row_count": 2},
      {"chunk_index": 2, "row_offset": 4, "row_count": 1}
    ],
    "total_row_count": 5,
    "truncated": false
  },
  "result": {
    "chunk_index": 0,
    "row_offset": 0,
    "row_count": 2,
    "data_array": [["EMEA", "12.50"], ["APAC", null]],
    "next_chunk_index": 1,
    "next_chunk_internal_link": "/api/2.0/sql/statements/01ef2f6c-0a3c-1b6e-9d0e-4b8f3c2a7e15/result/chunks/1"
  }
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "statementExecution.cancelExecution",
        method: "POST",
        path: "/api/2.0/sql/statements/01ef2f6c-0a3c-1b6e-9d0e-4b8f3c2a7e15/cancel",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["statement-execution", "cancel-execution", STATEMENT_ID],
    },
    Case {
        operation: "statementExecution.executeStatement",
        method: "POST",
        path: "/api/2.0/sql/statements",
        query: &[],
        body: Some(
            r#"{
              "statement": "SELECT region, amount FROM sales.orders WHERE region = :region AND day >= :since",
              "warehouse_id": "5c5e3a8b2f1d4e07",
              "catalog": "main",
              "schema": "sales",
              "parameters": [
                {"name": "region", "value": "EMEA"},
                {"name": "since", "value": "2024-05-01", "type": "DATE"}
              ],
              "disposition": "EXTERNAL_LINKS",
              "format": "CSV",
              "wait_timeout": "0s",
              "on_wait_timeout": "CONTINUE",
              "byte_limit": 107374182400,
              "row_limit": 1000000,
              "query_tags": [{"key": "team", "value": "finance"}, {"key": "adhoc"}]
            }"#,
        ),
        // Asked to wait 0s, the server answers at once; a warehouse that is starting shows as `QUEUED`, a
        // state this spec does not list.
        response: r#"{
          "statement_id": "01ef2f6c-0a3c-1b6e-9d0e-4b8f3c2a7e15",
          "status": {"state": "QUEUED", "queue_position": 3}
        }"#,
        cli: &[
            "statement-execution",
            "execute-statement",
            "SELECT region, amount FROM sales.orders WHERE region = :region AND day >= :since",
            WAREHOUSE_ID,
            "--catalog",
            "main",
            "--schema",
            "sales",
            "--disposition",
            "EXTERNAL_LINKS",
            "--format",
            "CSV",
            "--wait-timeout",
            "0s",
            "--on-wait-timeout",
            "CONTINUE",
            "--byte-limit",
            "107374182400",
            "--row-limit",
            "1000000",
            "--json",
            r#"{"parameters": [{"name": "region", "value": "EMEA"},
                               {"name": "since", "value": "2024-05-01", "type": "DATE"}],
                "query_tags": [{"key": "team", "value": "finance"}, {"key": "adhoc"}]}"#,
        ],
    },
    Case {
        operation: "statementExecution.getStatement",
        method: "GET",
        path: "/api/2.0/sql/statements/01ef2f6c-0a3c-1b6e-9d0e-4b8f3c2a7e15",
        query: &[],
        body: None,
        response: SUCCEEDED,
        cli: &["statement-execution", "get-statement", STATEMENT_ID],
    },
    Case {
        operation: "statementExecution.getStatementResultChunkN",
        method: "GET",
        path: "/api/2.0/sql/statements/01ef2f6c-0a3c-1b6e-9d0e-4b8f3c2a7e15/result/chunks/1",
        query: &[],
        body: None,
        // An EXTERNAL_LINKS chunk: a presigned link with the header the storage needs.
        response: r#"{
          "external_links": [
            {
              "chunk_index": 1,
              "row_offset": 50000,
              "row_count": 50000,
              "byte_count": 1607863,
              "external_link": "https://example-bucket.s3.us-west-2.amazonaws.com/results/chunk1?X-Amz-Signature=abc",
              "expiration": "2024-05-10T11:30:12.345Z",
              "http_headers": {"x-amz-server-side-encryption-customer-key": "c2VjcmV0LWtleQ=="},
              "next_chunk_index": 2,
              "next_chunk_internal_link": "/api/2.0/sql/statements/01ef2f6c-0a3c-1b6e-9d0e-4b8f3c2a7e15/result/chunks/2",
              "link_kind": "PRESIGNED"
            }
          ]
        }"#,
        cli: &["statement-execution", "get-statement-result-chunk-n", STATEMENT_ID, "1"],
    },
];
