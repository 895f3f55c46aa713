//! `dbr sql` rows per second on a large multi-chunk inline result (20 chunks of 50,000 rows of four
//! columns), against a bare loop in the same run: reqwest fetching the same chunks from the same local
//! server and parsing their rows, printing nothing; and the SDK's row stream ([`StatementRows`]) alone.
//!
//! Run with `cargo bench -p databricks-tests --bench sql`. Builds `dbr` in release mode first, prints the
//! median of a few runs of each and their ratio; asserts nothing about time.

use std::collections::HashMap;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use databricks_client::models::ExecuteStatementRequest;
use databricks_tests::TOKEN;
use databricks_tests::dbr::build_release;
use databricks_tests::mock::client_with_budget;
use databricks_tests::plain_server::serve_plain;
use databricks_transfer::sql::{PollOptions, StatementRows};
use serde::Deserialize;
use serde_json::json;

const CHUNKS: usize = 20;
const ROWS_PER_CHUNK: usize = 50_000;
const RUNS: usize = 5;
const ID: &str = "01ef2f6c-0a3c-1b6e-9d0e-4b8f3c2a7e15";

/// Chunk `index`: its rows and where the next one is.
fn chunk(index: usize) -> serde_json::Value {
    let first = index * ROWS_PER_CHUNK;
    let rows: Vec<serde_json::Value> = (first..first + ROWS_PER_CHUNK)
        .map(|row| {
            json!([
                row.to_string(),
                format!("customer-{}", row % 9973),
                format!("{}.{:02}", row % 1000, row % 100),
                null
            ])
        })
        .collect();
    let mut chunk = json!({"chunk_index": index, "row_offset": first, "row_count": ROWS_PER_CHUNK, "data_array": rows});
    if index + 1 < CHUNKS {
        chunk["next_chunk_index"] = json!(index + 1);
    }
    chunk
}

/// Every answer of the server by path: the statement (already succeeded, with chunk 0) and chunks 1 to 19.
fn answers() -> HashMap<String, Arc<[u8]>> {
    let columns: Vec<serde_json::Value> = ["id", "customer", "amount", "note"]
        .iter()
        .enumerate()
        .map(|(position, name)| json!({"name": name, "position": position, "type_name": "STRING"}))
        .collect();
    let statement = json!({
        "statement_id": ID,
        "status": {"state": "SUCCEEDED"},
        "manifest": {"format": "JSON_ARRAY", "schema": {"column_count": 4, "columns": columns},
                     "total_chunk_count": CHUNKS, "total_row_count": CHUNKS * ROWS_PER_CHUNK},
        "result": chunk(0)
    });
    let mut answers = HashMap::new();
    answers.insert(
        "/api/2.0/sql/statements".to_owned(),
        Arc::from(statement.to_string().into_bytes()),
    );
    for index in 0..CHUNKS {
        answers.insert(
            format!("/api/2.0/sql/statements/{ID}/result/chunks/{index}"),
            Arc::from(chunk(index).to_string().into_bytes()),
        );
    }
    answers
}

/// The local server: every request answered by its path alone.
async fn serve(answers: HashMap<String, Arc<[u8]>>) -> String {
    serve_plain(move |_, target| {
        let path = target.split('?').next().unwrap_or(target);
        match answers.get(path) {
            Some(answer) => ("200 OK", Arc::clone(answer)),
            None => ("404 Not Found", Arc::from(&br#"{"error_code":"NOT_FOUND"}"#[..])),
        }
    })
    .await
}

#[derive(Deserialize)]
struct Chunk {
    data_array: Vec<Vec<Option<String>>>,
}

/// The bare loop: every chunk fetched and its rows parsed, nothing printed. Returns the rows read.
async fn bare(http: &reqwest::Client, host: &str) -> usize {
    let mut rows = 0;
    for index in 0..CHUNKS {
        let url = format!("{host}/api/2.0/sql/statements/{ID}/result/chunks/{index}");
        let body = http
            .get(url)
            .bearer_auth(TOKEN)
            .send()
            .await
            .expect("the chunk")
            .bytes()
            .await
            .expect("its body");
        let chunk: Chunk = serde_json::from_slice(&body).expect("rows");
        rows += chunk.data_array.len();
    }
    rows
}

/// The same rows through [`StatementRows`], chunk by chunk.
async fn stream(client: &databricks_client::Client) -> usize {
    let request = ExecuteStatementRequest::new("SELECT * FROM sales.orders", "bench");
    let mut rows = StatementRows::execute(client, &request, PollOptions::default())
        .await
        .expect("the statement");
    let mut count = 0;
    while let Some(chunk) = rows.next_chunk().await.expect("a chunk") {
        count += chunk.len();
    }
    count
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    // `cargo test --benches` runs bench targets to list them; do the work only when asked.
    if std::env::args().any(|argument| argument == "--list") {
        return;
    }
    let dbr = build_release();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let host = runtime.block_on(serve(answers()));
    let total = CHUNKS * ROWS_PER_CHUNK;

    let dbr_run = |format: &str| {
        let times = (0..RUNS)
            .map(|_| {
                let started = Instant::now();
                let output = Command::new(&dbr)
                    .args([
                        "sql",
                        "SELECT * FROM sales.orders",
                        "--warehouse",
                        "bench",
                        "-o",
                        format,
                    ])
                    .env_clear()
                    .env("DATABRICKS_HOST", &host)
                    .env("DATABRICKS_TOKEN", TOKEN)
                    .env("HOME", "/nonexistent")
                    .stdout(Stdio::piped())
                    .stderr(Stdio::inherit())
                    .output()
                    .expect("dbr starts");
                let elapsed = started.elapsed();
                assert!(output.status.success(), "dbr sql -o {format} failed");
                let lines = output.stdout.iter().filter(|byte| **byte == b'\n').count();
                assert!(
                    lines >= total,
                    "dbr sql -o {format} printed {lines} lines for {total} rows"
                );
                elapsed
            })
            .collect();
        median(times)
    };
    // The SDK's own row stream, through the typed client; making it also sets up TLS for the bare client.
    let client = client_with_budget(&host, Duration::from_secs(300));
    let stream_time = median(
        (0..RUNS)
            .map(|_| {
                let started = Instant::now();
                let rows = runtime.block_on(stream(&client));
                assert_eq!(rows, total);
                started.elapsed()
            })
            .collect(),
    );
    let http = reqwest::Client::new();
    let bare_time = median(
        (0..RUNS)
            .map(|_| {
                let started = Instant::now();
                let rows = runtime.block_on(bare(&http, &host));
                assert_eq!(rows, total);
                started.elapsed()
            })
            .collect(),
    );

    let per_second = |time: Duration| total as f64 / time.as_secs_f64();
    println!("dbr sql, {CHUNKS} inline chunks x {ROWS_PER_CHUNK} rows x 4 columns, median of {RUNS} runs:");
    println!(
        "  bare loop (reqwest + serde, no output): {:>8.0} ms  {:>12.0} rows/s",
        bare_time.as_secs_f64() * 1000.0,
        per_second(bare_time)
    );
    println!(
        "  StatementRows (the SDK's row stream):   {:>8.0} ms  {:>12.0} rows/s  ({:.2}x the bare loop's time)",
        stream_time.as_secs_f64() * 1000.0,
        per_second(stream_time),
        stream_time.as_secs_f64() / bare_time.as_secs_f64()
    );
    for format in ["csv", "text", "json", "table"] {
        let time = dbr_run(format);
        println!(
            "  dbr sql -o {format:<5} (release, piped):    {:>8.0} ms  {:>12.0} rows/s  ({:.2}x the bare loop's time)",
            time.as_secs_f64() * 1000.0,
            per_second(time),
            time.as_secs_f64() / bare_time.as_secs_f64()
        );
    }
}
