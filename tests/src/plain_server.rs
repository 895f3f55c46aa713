//! A minimal HTTP/1.1 keep-alive server for the benchmarks: fast enough that the client (or `dbr`) is what
//! gets measured, not the server.

use serde_json::{Value, json};
use std::sync::Arc;

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
    serve_plain(|_, target| ("200 OK", plain_answer(target).into_bytes().into())).await
}

/// A minimal HTTP/1.1 keep-alive server on a free local port: every request's body is read (sized or chunked)
/// and dropped, and `answer(method, target)` gives the status and the JSON body. Returns its base URL.
pub async fn serve_plain<F>(answer: F) -> String
where
    F: Fn(&str, &str) -> (&'static str, Arc<[u8]>) + Send + Sync + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    let answer = Arc::new(answer);
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let _ = stream.set_nodelay(true);
            let answer = Arc::clone(&answer);
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut reader = BufReader::with_capacity(256 * 1024, read);
                while let Ok(Some((method, target))) = read_request(&mut reader).await {
                    let (status, body) = answer(&method, &target);
                    // One write per answer: split writes meet delayed ACKs and cost 40 ms each.
                    let mut response = format!(
                        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                        body.len()
                    )
                    .into_bytes();
                    response.extend_from_slice(&body);
                    if write.write_all(&response).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    format!("http://{address}")
}

/// Reads one request, skipping its body; its method and target, or `None` once the client has closed.
async fn read_request<R: tokio::io::AsyncBufRead + Unpin>(reader: &mut R) -> std::io::Result<Option<(String, String)>> {
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).await? == 0 {
        return Ok(None);
    }
    let mut content_length = 0;
    let mut chunked = false;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).await? == 0 {
            return Ok(None);
        }
        if header == "\r\n" {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                content_length = value.parse().unwrap_or(0);
            } else if name.eq_ignore_ascii_case("transfer-encoding") && value.contains("chunked") {
                chunked = true;
            }
        }
    }
    match chunked {
        true => skip_chunked(reader).await?,
        false => skip(reader, content_length).await?,
    }
    let mut words = request_line.split(' ');
    let method = words.next().unwrap_or_default().to_owned();
    let target = words.next().unwrap_or("/").to_owned();
    Ok(Some((method, target)))
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

/// A minimal HTTP/1.1 keep-alive server for the transfer benchmark: takes DBFS uploads (`dbfs/put`, after a
/// `dbfs/get-status` that finds nothing, and `dbfs/mkdirs`) and Files API uploads (`PUT fs/files`, `PUT
/// fs/directories`, and a `HEAD` that finds no directory), reading every body (sized or chunked) and keeping
/// none of it, so that what is measured is the client's side of each protocol.
pub async fn start_upload_server() -> String {
    serve_plain(|method, target| {
        let (status, body) = upload_answer(method, target);
        (status, body.as_bytes().into())
    })
    .await
}

/// Nothing exists yet (a DBFS status, a volume directory); every write succeeds.
fn upload_answer(method: &str, target: &str) -> (&'static str, &'static str) {
    const MISSING: &str = r#"{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"No file or directory exists."}"#;
    if target.starts_with("/api/2.0/dbfs/get-status") {
        return ("404 Not Found", MISSING);
    }
    if method == "HEAD" {
        // A HEAD answer has no body.
        return ("404 Not Found", "");
    }
    ("200 OK", "{}")
}

async fn skip<R: tokio::io::AsyncRead + Unpin>(reader: &mut R, mut length: usize) -> std::io::Result<()> {
    let mut buffer = vec![0; 256 * 1024];
    while length > 0 {
        let wanted = length.min(buffer.len());
        reader.read_exact(&mut buffer[..wanted]).await?;
        length -= wanted;
    }
    Ok(())
}

async fn skip_chunked<R: tokio::io::AsyncBufRead + Unpin>(reader: &mut R) -> std::io::Result<()> {
    loop {
        let mut size_line = String::new();
        reader.read_line(&mut size_line).await?;
        let size_text = size_line.trim().split(';').next().unwrap_or_default();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "bad chunk size"))?;
        if size == 0 {
            // Trailers, if any, then the empty line.
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).await? == 0 || line == "\r\n" {
                    return Ok(());
                }
            }
        }
        skip(reader, size + 2).await?;
    }
}

#[cfg(test)]
mod tests {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// Two requests on one connection, the first with a chunked body the server must skip whole: both are
    /// answered, each by its own status and body.
    #[tokio::test]
    async fn a_keep_alive_connection_is_answered_request_after_request() {
        let base = super::start_upload_server().await;
        let mut stream = tokio::net::TcpStream::connect(base.trim_start_matches("http://"))
            .await
            .expect("connect");
        let requests = "PUT /api/2.0/fs/files/Volumes/a/b HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n\
                        5\r\nhello\r\n0\r\n\r\n\
                        GET /api/2.0/dbfs/get-status?path=/x HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\n\r\n";
        stream.write_all(requests.as_bytes()).await.expect("send");
        stream.shutdown().await.expect("half-close");
        let mut answers = String::new();
        stream.read_to_string(&mut answers).await.expect("answers");
        assert!(answers.starts_with("HTTP/1.1 200 OK\r\n"), "{answers}");
        assert!(answers.contains("\r\n\r\n{}HTTP/1.1 404 Not Found\r\n"), "{answers}");
        assert!(answers.ends_with("\"No file or directory exists.\"}"), "{answers}");
    }
}
