//! The client against a misbehaving workspace: throttling, unavailability, server errors, dropped
//! connections, an exhausted retry budget, OAuth token caching and refresh, and the rate limiter. Every
//! server is local; delays asked for by the servers are a second or two at most.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use databricks_client::{Client, Config, Error, models};
use databricks_tests::TOKEN;
use databricks_tests::mock::{client_with_budget, received};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const CLUSTER_ID: &str = "0115-093017-k8rq3x2w";
const CLUSTER: &str = r#"{"cluster_id": "0115-093017-k8rq3x2w", "state": "RUNNING"}"#;

fn json(status: u16, body: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body.to_owned(), "application/json")
}

/// A server that answers the first `failures.len()` requests with those responses, then `CLUSTER`.
async fn failing_then_ok(failures: Vec<ResponseTemplate>) -> MockServer {
    let server = MockServer::builder().start().await;
    for failure in failures {
        Mock::given(wiremock::matchers::any())
            .respond_with(failure)
            .up_to_n_times(1)
            .mount(&server)
            .await;
    }
    Mock::given(wiremock::matchers::any())
        .respond_with(json(200, CLUSTER))
        .mount(&server)
        .await;
    server
}

async fn get_cluster(client: &Client) -> Result<models::ClusterDetails, Error> {
    client.clusters().get(CLUSTER_ID).await
}

/// `clusters.start`: a POST the spec does not mark idempotent.
async fn start_cluster(client: &Client) -> Result<models::EmptyResponse, Error> {
    client.clusters().start(&models::StartCluster::new(CLUSTER_ID)).await
}

fn api_status(error: &Error) -> u16 {
    error
        .as_api()
        .unwrap_or_else(|| panic!("expected an API error, got {error:?}"))
        .status
}

#[tokio::test]
async fn throttling_without_retry_after_is_retried_with_backoff() {
    let server = failing_then_ok(vec![json(
        429,
        r#"{"error_code": "TOO_MANY_REQUESTS", "message": "slow down"}"#,
    )])
    .await;
    let cluster = get_cluster(&client_with_budget(&server.uri(), Duration::from_secs(30)))
        .await
        .expect("retried");
    assert_eq!(cluster.cluster_id.as_deref(), Some(CLUSTER_ID));
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn retry_after_in_seconds_is_honoured() {
    let server = failing_then_ok(vec![json(429, "{}").insert_header("retry-after", "1")]).await;
    let started = Instant::now();
    get_cluster(&client_with_budget(&server.uri(), Duration::from_secs(30)))
        .await
        .expect("retried");
    assert!(started.elapsed() >= Duration::from_secs(1), "{:?}", started.elapsed());
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_honoured() {
    let at = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(2));
    let server = failing_then_ok(vec![json(503, "").insert_header("retry-after", at.as_str())]).await;
    let started = Instant::now();
    get_cluster(&client_with_budget(&server.uri(), Duration::from_secs(30)))
        .await
        .expect("retried");
    // The date has whole seconds, so the wait is between one and two seconds.
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn throttling_and_unavailability_are_retried_even_for_a_post() {
    let server = failing_then_ok(vec![
        json(503, ""),
        json(400, r#"{"error_code": "REQUEST_LIMIT_EXCEEDED", "message": "rate limit"}"#),
        json(400, r#"{"error_code": "TEMPORARILY_UNAVAILABLE", "message": "try later", "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retry_delay": "0.2s"}]}"#),
    ])
    .await;
    start_cluster(&client_with_budget(&server.uri(), Duration::from_secs(30)))
        .await
        .expect("retried");
    assert_eq!(received(&server).await.len(), 4);
}

#[tokio::test]
async fn a_server_error_on_a_post_is_not_retried() {
    let server = failing_then_ok(vec![json(
        500,
        r#"{"error_code": "INTERNAL_ERROR", "message": "boom"}"#,
    )])
    .await;
    let error = start_cluster(&client_with_budget(&server.uri(), Duration::from_secs(30)))
        .await
        .expect_err("not retried");
    assert_eq!(api_status(&error), 500);
    assert_eq!(received(&server).await.len(), 1);
}

#[tokio::test]
async fn a_server_error_on_a_get_is_retried() {
    let server = failing_then_ok(vec![
        json(502, "<html><title>502 Bad Gateway</title></html>"),
        json(504, ""),
    ])
    .await;
    get_cluster(&client_with_budget(&server.uri(), Duration::from_secs(30)))
        .await
        .expect("retried");
    assert_eq!(received(&server).await.len(), 3);
}

#[tokio::test]
async fn an_exhausted_budget_returns_the_last_error() {
    let server = MockServer::builder().start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(
            json(
                429,
                r#"{"error_code": "REQUEST_LIMIT_EXCEEDED", "message": "still busy"}"#,
            )
            .insert_header("retry-after", "1"),
        )
        .mount(&server)
        .await;
    let started = Instant::now();
    let error = get_cluster(&client_with_budget(&server.uri(), Duration::from_millis(2500)))
        .await
        .expect_err("gives up");
    // Attempts at 0 s, 1 s and 2 s; a fourth, at 3 s, would start after the budget.
    assert_eq!(received(&server).await.len(), 3);
    assert!(
        started.elapsed() < Duration::from_millis(2500),
        "stopped before sleeping past the budget"
    );
    assert_eq!(
        error.as_api().and_then(|api| api.error_code.as_deref()),
        Some("REQUEST_LIMIT_EXCEEDED")
    );
}

/// A port with nothing listening on it yet.
fn free_port() -> std::net::TcpListener {
    std::net::TcpListener::bind("127.0.0.1:0").expect("a local port")
}

#[tokio::test]
async fn a_connection_refused_before_sending_is_retried_for_a_post() {
    let reserved = free_port();
    let address = reserved.local_addr().expect("address");
    drop(reserved);
    // The workspace comes up 300 ms after the first attempt was refused.
    let server = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let listener = std::net::TcpListener::bind(address).expect("the port is still free");
        let server = MockServer::builder().listener(listener).start().await;
        Mock::given(method("POST"))
            .respond_with(json(200, "{}"))
            .mount(&server)
            .await;
        server
    });
    let client = client_with_budget(&format!("http://{address}"), Duration::from_secs(30));
    start_cluster(&client).await.expect("retried until the server was up");
    let server = server.await.expect("server task");
    assert_eq!(received(&server).await.len(), 1);
}

/// A server that reads each request and closes the connection without answering; counts connections.
async fn hanging_up_server() -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a local port");
    let address = listener.local_addr().expect("address");
    let connections = Arc::new(AtomicUsize::new(0));
    let counter = connections.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            let mut buffer = [0u8; 4096];
            let _ = stream.read(&mut buffer).await;
            drop(stream);
        }
    });
    (format!("http://{address}"), connections)
}

#[tokio::test]
async fn a_connection_lost_after_sending_a_post_is_not_retried() {
    let (uri, connections) = hanging_up_server().await;
    let error = start_cluster(&client_with_budget(&uri, Duration::from_secs(30)))
        .await
        .expect_err("hung up");
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert_eq!(connections.load(Ordering::SeqCst), 1, "the POST may have been applied");
}

#[tokio::test]
async fn a_connection_lost_during_a_get_is_retried_within_the_budget() {
    let (uri, connections) = hanging_up_server().await;
    let error = get_cluster(&client_with_budget(&uri, Duration::from_secs(2)))
        .await
        .expect_err("always hangs up");
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert!(connections.load(Ordering::SeqCst) >= 2, "{connections:?}");
}

/// A server that answers one request per connection. The first answer promises 100 bytes of body, sends 10
/// and closes the connection; the later ones are whole. Counts requests.
async fn cutting_off_server() -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a local port");
    let address = listener.local_addr().expect("address");
    let requests = Arc::new(AtomicUsize::new(0));
    let counter = requests.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let first = counter.fetch_add(1, Ordering::SeqCst) == 0;
            let mut stream = tokio::io::BufReader::new(stream);
            if !read_request(&mut stream).await {
                continue;
            }
            let answer = if first {
                format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{}",
                    &CLUSTER[..10]
                )
            } else {
                format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{CLUSTER}",
                    CLUSTER.len()
                )
            };
            let _ = stream.get_mut().write_all(answer.as_bytes()).await;
            let _ = stream.get_mut().shutdown().await;
        }
    });
    (format!("http://{address}"), requests)
}

/// Reads one request (head and `content-length` body); false when the connection ended first.
async fn read_request(stream: &mut tokio::io::BufReader<tokio::net::TcpStream>) -> bool {
    let mut content_length = 0;
    loop {
        let mut line = String::new();
        if stream.read_line(&mut line).await.unwrap_or(0) == 0 {
            return false;
        }
        if line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            content_length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; content_length];
    stream.read_exact(&mut body).await.is_ok()
}

#[tokio::test]
async fn an_answer_cut_off_mid_body_is_retried_for_a_get() {
    let (uri, requests) = cutting_off_server().await;
    let cluster = get_cluster(&client_with_budget(&uri, Duration::from_secs(30)))
        .await
        .expect("retried after the cut-off answer");
    assert_eq!(cluster.cluster_id.as_deref(), Some(CLUSTER_ID));
    assert_eq!(requests.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn an_answer_cut_off_mid_body_is_not_retried_for_a_post() {
    let (uri, requests) = cutting_off_server().await;
    let error = start_cluster(&client_with_budget(&uri, Duration::from_secs(30)))
        .await
        .expect_err("cut off");
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert_eq!(requests.load(Ordering::SeqCst), 1, "the POST was applied");
}

// ---- OAuth machine-to-machine ----

const CLIENT_ID: &str = "6f5ccf28-d83a-4957-9bfb-5bbfac551410";
const CLIENT_SECRET: &str = "dose-canary-secret";

fn oauth_client(server: &MockServer) -> Client {
    let config = Config::builder()
        .host(server.uri())
        .client_id(CLIENT_ID)
        .client_secret(CLIENT_SECRET)
        .rate_limit(0.0)
        .build()
        .expect("a valid OAuth config");
    Client::new(config).expect("a client")
}

async fn token_endpoint(server: &MockServer, access_token: &str, expires_in: u64) {
    let basic = format!(
        "Basic {}",
        base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            format!("{CLIENT_ID}:{CLIENT_SECRET}")
        )
    );
    Mock::given(method("POST"))
        .and(path("/oidc/v1/token"))
        .and(header("authorization", basic.as_str()))
        .respond_with(json(
            200,
            &format!(r#"{{"access_token": "{access_token}", "token_type": "Bearer", "expires_in": {expires_in}, "scope": "all-apis"}}"#),
        ))
        .mount(server)
        .await;
}

fn token_requests(requests: &[databricks_tests::mock::Received]) -> usize {
    requests
        .iter()
        .filter(|request| request.path == "/oidc/v1/token")
        .count()
}

#[tokio::test]
async fn oauth_tokens_are_fetched_once_and_shared_by_concurrent_calls() {
    let server = MockServer::builder().start().await;
    token_endpoint(&server, "access-1", 3600).await;
    Mock::given(path("/api/2.1/clusters/get"))
        .and(header("authorization", "Bearer access-1"))
        .respond_with(json(200, CLUSTER))
        .mount(&server)
        .await;
    let client = oauth_client(&server);
    let calls = (0..8).map(|_| get_cluster(&client));
    for result in futures::future::join_all(calls).await {
        result.expect("authorised with the access token");
    }
    get_cluster(&client).await.expect("cached token");
    let requests = received(&server).await;
    assert_eq!(token_requests(&requests), 1, "{requests:#?}");
    assert_eq!(requests.len(), 10);
    let text = format!("{requests:?} {client:?} {:?}", client.runtime());
    assert!(!text.contains(CLIENT_SECRET), "the client secret leaked: {text}");
}

#[tokio::test]
async fn an_oauth_token_close_to_expiry_is_replaced() {
    let server = MockServer::builder().start().await;
    // Expires within the refresh margin, so every call needs a new one.
    token_endpoint(&server, "short-lived", 30).await;
    Mock::given(path("/api/2.1/clusters/get"))
        .respond_with(json(200, CLUSTER))
        .mount(&server)
        .await;
    let client = oauth_client(&server);
    get_cluster(&client).await.expect("first");
    get_cluster(&client).await.expect("second");
    assert_eq!(token_requests(&received(&server).await), 2);
}

#[tokio::test]
async fn a_rejected_oauth_token_is_replaced_once() {
    let server = MockServer::builder().start().await;
    token_endpoint(&server, "revoked", 3600).await;
    Mock::given(path("/api/2.1/clusters/get"))
        .respond_with(json(
            401,
            r#"{"error_code": "UNAUTHENTICATED", "message": "token revoked"}"#,
        ))
        .mount(&server)
        .await;
    let error = get_cluster(&oauth_client(&server)).await.expect_err("still rejected");
    assert_eq!(api_status(&error), 401);
    let requests = received(&server).await;
    assert_eq!(
        token_requests(&requests),
        2,
        "one refresh after the 401, then the answer stands"
    );
    assert_eq!(requests.len(), 4);
}

#[tokio::test]
async fn a_refused_client_secret_is_reported_without_the_secret() {
    let server = MockServer::builder().start().await;
    Mock::given(path("/oidc/v1/token"))
        .respond_with(json(
            401,
            r#"{"error": "invalid_client", "error_description": "Client authentication failed"}"#,
        ))
        .mount(&server)
        .await;
    let error = get_cluster(&oauth_client(&server)).await.expect_err("no token");
    let text = format!("{error} {error:?}");
    assert!(matches!(error, Error::Auth(_)), "{text}");
    assert!(
        text.contains("HTTP 401 (invalid_client: Client authentication failed)"),
        "{text}"
    );
    assert!(!text.contains(CLIENT_SECRET), "{text}");
}

// ---- rate limit ----

#[tokio::test]
async fn the_rate_limiter_spaces_calls_beyond_the_burst() {
    let server = MockServer::builder().start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(json(200, CLUSTER))
        .mount(&server)
        .await;
    let config = Config::builder()
        .host(server.uri())
        .token(TOKEN)
        .rate_limit(4.0)
        .build()
        .expect("config");
    let client = Client::new(config).expect("a client");
    let started = Instant::now();
    for _ in 0..6 {
        get_cluster(&client).await.expect("ok");
    }
    // Four pass at once; the fifth and sixth wait a quarter of a second each.
    assert!(
        started.elapsed() >= Duration::from_millis(450),
        "{:?}",
        started.elapsed()
    );
}
