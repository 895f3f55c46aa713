//! `dbr sql` against a local server: a statement that is pending, then running, then succeeds with several
//! inline chunks, printed in each format; a result behind presigned links on the same server (fetched
//! without our token, with the link's headers, an expired link replaced); a failed statement; Ctrl-C;
//! `--param`; the profile's warehouse.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use databricks_tests::dbr::{self, Home, Run, assert_exit};
use databricks_tests::mock::received;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const ID: &str = "01ef2f6c-0a3c-1b6e-9d0e-4b8f3c2a7e15";
const WAREHOUSE: &str = "5c5e3a8b2f1d4e07";
const STATEMENTS: &str = "/api/2.0/sql/statements";

fn statement_path() -> String {
    format!("{STATEMENTS}/{ID}")
}

fn chunk_path(index: usize) -> String {
    format!("{STATEMENTS}/{ID}/result/chunks/{index}")
}

fn manifest(chunks: usize) -> Value {
    json!({
        "format": "JSON_ARRAY",
        "schema": {"column_count": 2, "columns": [
            {"name": "region", "position": 0, "type_name": "STRING"},
            {"name": "note", "position": 1, "type_name": "STRING"}
        ]},
        "total_chunk_count": chunks
    })
}

/// The rows of the three inline chunks: a NULL, an empty text, a comma, quotes and a line break among them.
fn inline_chunks() -> Vec<Value> {
    vec![
        json!([["EMEA", "first"], ["APAC", null]]),
        json!([["AMER", "a, \"quoted\"\nline"]]),
        json!([["LATAM", ""]]),
    ]
}

/// Chunk `index` of `chunks`, saying where the next one is (by index, and for the second by internal link).
fn inline_chunk(chunks: &[Value], index: usize) -> Value {
    let mut chunk = json!({"chunk_index": index, "data_array": chunks[index]});
    if index + 1 < chunks.len() {
        chunk["next_chunk_index"] = json!(index + 1);
        chunk["next_chunk_internal_link"] = json!(chunk_path(index + 1));
    }
    chunk
}

async fn mount(
    server: &MockServer,
    http_method: &str,
    at: &str,
    answer: impl Fn(usize) -> Value + Send + Sync + 'static,
) {
    let calls = AtomicUsize::new(0);
    Mock::given(method(http_method))
        .and(path(at))
        .respond_with(move |_: &Request| {
            ResponseTemplate::new(200).set_body_json(answer(calls.fetch_add(1, Ordering::SeqCst)))
        })
        .mount(server)
        .await;
}

/// A statement accepted `PENDING`, then `RUNNING` at the first poll and `SUCCEEDED` with the first of three
/// inline chunks at the next; the other two by index.
async fn inline_server() -> MockServer {
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        STATEMENTS,
        |_| json!({"statement_id": ID, "status": {"state": "PENDING"}}),
    )
    .await;
    mount(&server, "GET", &statement_path(), |call| match call {
        0 => json!({"statement_id": ID, "status": {"state": "RUNNING"}}),
        _ => json!({
            "statement_id": ID,
            "status": {"state": "SUCCEEDED"},
            "manifest": manifest(3),
            "result": inline_chunk(&inline_chunks(), 0)
        }),
    })
    .await;
    for index in 1..3 {
        mount(&server, "GET", &chunk_path(index), move |_| {
            inline_chunk(&inline_chunks(), index)
        })
        .await;
    }
    server
}

fn sql(server: &MockServer, extra: &[&str]) -> Run {
    let mut args = vec!["sql", "SELECT region, note FROM sales.notes", "--warehouse", WAREHOUSE];
    args.extend_from_slice(extra);
    dbr::run_against(&server.uri(), &args)
}

/// The requests the server received, as `METHOD path`.
async fn requests(server: &MockServer) -> Vec<String> {
    received(server)
        .await
        .iter()
        .map(|request| format!("{} {}", request.method, request.path))
        .collect()
}

#[tokio::test]
async fn an_inline_result_is_waited_for_and_printed_chunk_by_chunk_as_json() {
    let server = inline_server().await;
    let run = sql(&server, &["-o", "json"]);
    assert_exit(&run, 0);
    assert_eq!(
        run.json(),
        json!([
            {"region": "EMEA", "note": "first"},
            {"region": "APAC", "note": null},
            {"region": "AMER", "note": "a, \"quoted\"\nline"},
            {"region": "LATAM", "note": ""}
        ])
    );
    assert_eq!(
        requests(&server).await,
        [
            format!("POST {STATEMENTS}"),
            format!("GET {}", statement_path()),
            format!("GET {}", statement_path()),
            format!("GET {}", chunk_path(1)),
            format!("GET {}", chunk_path(2)),
        ]
    );
    let execute = &received(&server).await[0];
    assert_eq!(
        execute.body,
        Some(json!({"statement": "SELECT region, note FROM sales.notes", "warehouse_id": WAREHOUSE}))
    );
}

#[tokio::test]
async fn csv_quotes_as_rfc_4180_says_with_a_header_line() {
    let server = inline_server().await;
    let run = sql(&server, &["-o", "csv"]);
    assert_exit(&run, 0);
    assert_eq!(
        run.stdout,
        "region,note\r\nEMEA,first\r\nAPAC,\r\nAMER,\"a, \"\"quoted\"\"\nline\"\r\nLATAM,\"\"\r\n"
    );
}

#[tokio::test]
async fn a_table_has_a_header_and_columns_aligned_within_each_chunk() {
    let server = inline_server().await;
    let run = sql(&server, &["-o", "table"]);
    assert_exit(&run, 0);
    assert_eq!(
        run.stdout,
        "region  note\nEMEA    first\nAPAC    NULL\nAMER    a, \"quoted\"\\nline\nLATAM\n"
    );
}

#[tokio::test]
async fn text_is_tab_separated_one_row_a_line() {
    let server = inline_server().await;
    let run = sql(&server, &["-o", "text"]);
    assert_exit(&run, 0);
    assert_eq!(run.stdout, "EMEA\tfirst\nAPAC\t\nAMER\ta, \"quoted\"\\nline\nLATAM\t\n");
}

#[tokio::test]
async fn params_are_sent_as_named_parameters_with_the_other_options() {
    let server = inline_server().await;
    let run = sql(
        &server,
        &[
            "--param",
            "region=EMEA",
            "--param",
            "filter=a=b",
            "--catalog",
            "main",
            "--schema",
            "sales",
            "--row-limit",
            "1000",
            "-o",
            "json",
        ],
    );
    assert_exit(&run, 0);
    let execute = &received(&server).await[0];
    assert_eq!(
        execute.body,
        Some(json!({
            "statement": "SELECT region, note FROM sales.notes",
            "warehouse_id": WAREHOUSE,
            "catalog": "main",
            "schema": "sales",
            "parameters": [{"name": "region", "value": "EMEA"}, {"name": "filter", "value": "a=b"}],
            "row_limit": 1000
        }))
    );
}

/// A result of two chunks behind presigned links on the same server under `/storage/`; the first link to
/// the second chunk has expired (403), the one the API gives when asked again works.
async fn linked_server() -> MockServer {
    let server = MockServer::start().await;
    let uri = server.uri();
    let link = move |index: usize, attempt: usize| {
        let mut link = json!({
            "chunk_index": index,
            "row_count": 2,
            "external_link": format!("{uri}/storage/chunk{index}-{attempt}?X-Amz-Signature=abc"),
            "expiration": "2024-05-10T11:30:12.345Z",
            "http_headers": {"x-amz-server-side-encryption-customer-key": "c2VjcmV0LWtleQ=="}
        });
        if index == 0 {
            link["next_chunk_index"] = json!(1);
        }
        link
    };
    let first = link.clone();
    mount(&server, "POST", STATEMENTS, move |_| {
        json!({
            "statement_id": ID,
            "status": {"state": "SUCCEEDED"},
            "manifest": manifest(2),
            "result": {"external_links": [first(0, 0)]}
        })
    })
    .await;
    mount(
        &server,
        "GET",
        &chunk_path(1),
        move |call| json!({"external_links": [link(1, call)]}),
    )
    .await;
    let storage = |status: u16, rows: Value| ResponseTemplate::new(status).set_body_json(rows);
    Mock::given(method("GET"))
        .and(path("/storage/chunk0-0"))
        .respond_with(storage(200, json!([["EMEA", "first"], ["APAC", null]])))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/storage/chunk1-0"))
        .respond_with(ResponseTemplate::new(403).set_body_string("<Error><Code>AccessDenied</Code></Error>"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/storage/chunk1-1"))
        .respond_with(storage(200, json!([["AMER", "third"], ["LATAM", "fourth"]])))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn linked_chunks_are_downloaded_without_our_token_and_an_expired_link_is_renewed() {
    let server = linked_server().await;
    let run = sql(&server, &["--disposition", "EXTERNAL_LINKS", "-o", "csv"]);
    assert_exit(&run, 0);
    assert_eq!(
        run.stdout,
        "region,note\r\nEMEA,first\r\nAPAC,\r\nAMER,third\r\nLATAM,fourth\r\n"
    );
    assert_eq!(
        requests(&server).await,
        [
            format!("POST {STATEMENTS}"),
            "GET /storage/chunk0-0".to_owned(),
            format!("GET {}", chunk_path(1)),
            "GET /storage/chunk1-0".to_owned(),
            format!("GET {}", chunk_path(1)),
            "GET /storage/chunk1-1".to_owned(),
        ]
    );
    let all = server.received_requests().await.unwrap_or_default();
    for request in &all {
        let storage = request.url.path().starts_with("/storage/");
        let authorization = request.headers.get("authorization");
        if storage {
            assert!(
                authorization.is_none(),
                "the token went to the storage: {}",
                request.url.path()
            );
            assert_eq!(
                request
                    .headers
                    .get("x-amz-server-side-encryption-customer-key")
                    .and_then(|value| value.to_str().ok()),
                Some("c2VjcmV0LWtleQ=="),
                "the link's own header"
            );
        } else {
            assert!(
                authorization.is_some(),
                "the API call {} had no token",
                request.url.path()
            );
        }
    }
    let execute = &received(&server).await[0];
    assert_eq!(
        execute.body.as_ref().map(|body| &body["disposition"]),
        Some(&json!("EXTERNAL_LINKS"))
    );
    assert!(!run.stderr.contains("X-Amz-Signature"), "{}", run.stderr);
}

#[tokio::test]
async fn a_failed_statement_exits_1_with_the_servers_message() {
    let server = MockServer::start().await;
    mount(&server, "POST", STATEMENTS, |_| {
        json!({
            "statement_id": ID,
            "status": {
                "state": "FAILED",
                "sql_state": "42P01",
                "error": {
                    "error_code": "BAD_REQUEST",
                    "message": "[TABLE_OR_VIEW_NOT_FOUND] The table or view `sales`.`notes` cannot be found."
                }
            }
        })
    })
    .await;
    let run = sql(&server, &["-o", "json"]);
    assert_exit(&run, 1);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr.contains(
            "the statement failed: [TABLE_OR_VIEW_NOT_FOUND] The table or view `sales`.`notes` cannot be found. \
             (BAD_REQUEST, SQLSTATE 42P01)"
        ),
        "{}",
        run.stderr
    );
}

#[tokio::test]
async fn the_profiles_warehouse_is_used_without_the_flag() {
    let server = inline_server().await;
    let home = Home::new();
    dbr::write_private(
        &home.config(),
        &format!(
            "[DEFAULT]\nhost = {}\ntoken = {}\nwarehouse_id = 0f1e2d3c4b5a6978\n",
            server.uri(),
            databricks_tests::TOKEN
        ),
    );
    let run = home.run(&["sql", "SELECT 1", "-o", "json"], &[], None);
    assert_exit(&run, 0);
    let execute = &received(&server).await[0];
    assert_eq!(
        execute.body,
        Some(json!({"statement": "SELECT 1", "warehouse_id": "0f1e2d3c4b5a6978"}))
    );
}

#[tokio::test]
async fn without_a_warehouse_the_usage_error_names_the_flag_and_the_setting() {
    let server = inline_server().await;
    let run = dbr::run_against(&server.uri(), &["sql", "SELECT 1"]);
    let stderr = dbr::assert_usage_error(&server, &run).await;
    assert!(
        stderr.contains("--warehouse") && stderr.contains("warehouse_id"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[tokio::test]
async fn ctrl_c_cancels_the_statement_and_exits_130() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        STATEMENTS,
        |_| json!({"statement_id": ID, "status": {"state": "PENDING"}}),
    )
    .await;
    mount(
        &server,
        "GET",
        &statement_path(),
        |_| json!({"statement_id": ID, "status": {"state": "RUNNING"}}),
    )
    .await;
    let cancels = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&cancels);
    Mock::given(method("POST"))
        .and(path(format!("{}/cancel", statement_path())))
        .respond_with(move |_: &Request| {
            counted.fetch_add(1, Ordering::SeqCst);
            ResponseTemplate::new(200).set_body_json(json!({}))
        })
        .mount(&server)
        .await;

    let mut child = Command::new(dbr::binary())
        .args(["sql", "SELECT * FROM big", "--warehouse", WAREHOUSE, "-o", "json"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABRICKS_HOST", server.uri())
        .env("DATABRICKS_TOKEN", databricks_tests::TOKEN)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dbr starts");
    // A safety net against a run that never polls, not a timing assertion.
    let give_up = Instant::now() + Duration::from_secs(120);
    while !requests(&server).await.contains(&format!("GET {}", statement_path())) {
        assert!(Instant::now() < give_up, "dbr never polled the statement");
        assert!(
            child.try_wait().expect("dbr can be waited for").is_none(),
            "dbr exited early"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success(), "kill -INT failed");
    let output = child.wait_with_output().expect("dbr finishes");
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert_exit(&run, 130);
    assert_eq!(cancels.load(Ordering::SeqCst), 1, "one cancel request");
    assert!(
        run.stderr.contains(&format!("statement {ID} was canceled")),
        "{}",
        run.stderr
    );
}
