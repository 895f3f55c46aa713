//! A minimal HTTP/1.1 keep-alive server for the benchmarks: fast enough that the client (or `dbr`) is what
//! gets measured, not the server.

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// What `clusters/get` answers.
pub const CLUSTER: &str = r#"{"cluster_id":"0115-093017-k8rq3x2w","cluster_name":"bench","spark_version":"15.4.x-scala2.12","node_type_id":"i3.xlarge","num_workers":2,"state":"RUNNING","state_message":"","autotermination_minutes":60,"spark_conf":{"spark.speculation":"true"},"custom_tags":{"team":"data"}}"#;
/// How many jobs `jobs/list` pages through.
pub const LISTED_ITEMS: usize = 100_000;
pub const PAGE_SIZE: usize = 1000;

/// A minimal HTTP/1.1 keep-alive server: answers `clusters/get` with [`CLUSTER`] and `jobs/list` with pages
/// of jobs named by `page_token`. Small and fast, so the client is what gets measured.
pub async fn start_plain_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let _ = stream.set_nodelay(true);
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut reader = BufReader::new(read);
                loop {
                    let mut request_line = String::new();
                    if reader.read_line(&mut request_line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    let mut content_length = 0;
                    loop {
                        let mut header = String::new();
                        if reader.read_line(&mut header).await.unwrap_or(0) == 0 {
                            return;
                        }
                        if header == "\r\n" {
                            break;
                        }
                        if let Some((name, value)) = header.split_once(':')
                            && name.eq_ignore_ascii_case("content-length")
                        {
                            content_length = value.trim().parse().unwrap_or(0);
                        }
                    }
                    let mut body = vec![0; content_length];
                    if reader.read_exact(&mut body).await.is_err() {
                        return;
                    }
                    let target = request_line.split(' ').nth(1).unwrap_or("/");
                    let answer = plain_answer(target);
                    // One write per answer: split writes meet delayed ACKs and cost 40 ms each.
                    let response = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{answer}",
                        answer.len()
                    );
                    if write.write_all(response.as_bytes()).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    format!("http://{address}")
}

fn plain_answer(target: &str) -> String {
    if !target.starts_with("/api/2.2/jobs/list") {
        return CLUSTER.to_owned();
    }
    let page: usize = target
        .split_once("page_token=")
        .and_then(|(_, token)| token.split('&').next()?.parse().ok())
        .unwrap_or(0);
    let first = page * PAGE_SIZE;
    let jobs: Vec<Value> = (first..first + PAGE_SIZE)
        .map(|id| json!({"job_id": id, "creator_user_name": "bench@example.com", "settings": {"name": format!("nightly-{id}"), "max_concurrent_runs": 1}}))
        .collect();
    let next = (first + PAGE_SIZE < LISTED_ITEMS).then(|| (page + 1).to_string());
    json!({"jobs": jobs, "next_page_token": next}).to_string()
}
