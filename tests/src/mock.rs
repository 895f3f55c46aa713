//! A mock Databricks workspace: a wiremock server on 127.0.0.1 that answers with a canned response and
//! records what it received, and the assertions the client and CLI tests share.

use base64::Engine as _;
use serde_json::Value;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::TOKEN;

/// What the server received, in a form easy to compare.
#[derive(Debug, Clone, PartialEq)]
pub struct Received {
    pub method: String,
    pub path: String,
    /// Query pairs in the order they were sent.
    pub query: Vec<(String, String)>,
    pub authorization: Option<String>,
    pub content_type: Option<String>,
    /// The JSON body (a JSON string for a body that is not JSON), `None` when the request had none.
    pub body: Option<Value>,
}

/// Starts a server that answers every request with `status` and `body` (raw text, sent as JSON).
///
/// Each call gets a fresh server rather than one from wiremock's pool: a test that starts dozens of them
/// in a row (one per operation) hung after about forty when recycled servers were handed out again.
pub async fn serve(status: u16, body: &str) -> MockServer {
    let server = MockServer::builder().start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(status)
                .insert_header("content-type", "application/json")
                .insert_header("x-request-id", "req-7f3a")
                .set_body_raw(body.to_owned(), "application/json"),
        )
        .mount(&server)
        .await;
    server
}

/// A client of the generated crate pointed at `server` with [`TOKEN`].
pub fn client(server: &MockServer) -> databricks_client::Client {
    let config = databricks_client::Config::new(server.uri(), TOKEN).expect("a valid test config");
    databricks_client::Client::new(config).expect("a client")
}

/// The account of the account clients of the tests.
pub const ACCOUNT_ID: &str = "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60";

/// An account client of the generated crate pointed at `server`, for [`ACCOUNT_ID`]. It authenticates with
/// basic auth, which the account API accepts (a personal access token it does not).
pub fn account_client(server: &MockServer) -> databricks_client::AccountClient {
    let config = databricks_client::Config::builder()
        .host(server.uri())
        .set("username", "admin@example.com")
        .set("password", TOKEN)
        .set("account_id", ACCOUNT_ID)
        .build()
        .expect("a valid account config");
    databricks_client::AccountClient::new(config).expect("an account client")
}

/// A client of the generated crate pointed at `uri` with [`TOKEN`], no rate limit and the given retry budget
/// (keep it short where the server is made to fail).
pub fn client_with_budget(uri: &str, retry_budget: std::time::Duration) -> databricks_client::Client {
    let config = databricks_client::Config::builder()
        .host(uri)
        .token(TOKEN)
        .retry_timeout(retry_budget)
        .rate_limit(0.0)
        .build()
        .expect("a valid test config");
    databricks_client::Client::new(config).expect("a client")
}

/// Every request the server received, in order.
pub async fn received(server: &MockServer) -> Vec<Received> {
    let requests = server.received_requests().await.unwrap_or_default();
    requests
        .iter()
        .map(|request| Received {
            method: request.method.to_string(),
            path: request.url.path().to_owned(),
            query: request
                .url
                .query_pairs()
                .map(|(key, value)| (key.into_owned(), value.into_owned()))
                .collect(),
            authorization: header(request, "authorization"),
            content_type: header(request, "content-type"),
            // API bodies are JSON; the OAuth token request's form body is kept as text.
            body: (!request.body.is_empty()).then(|| {
                serde_json::from_slice(&request.body)
                    .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&request.body).into_owned()))
            }),
        })
        .collect()
}

fn header(request: &wiremock::Request, name: &str) -> Option<String> {
    request
        .headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

/// The one request the server received; fails if there was not exactly one.
pub async fn only_request(server: &MockServer) -> Received {
    let mut all = received(server).await;
    assert_eq!(all.len(), 1, "expected exactly one request, got {all:#?}");
    all.remove(0)
}

/// What a request must look like.
#[derive(Debug, Clone, Copy)]
pub struct Expected<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub query: &'a [(&'a str, &'a str)],
    /// Exact JSON body, or `None` for a request without one; a JSON string is a raw body of that text.
    pub body: Option<&'a str>,
}

/// How `received` differs from `expected` (method, path, exact query, exact JSON body, bearer token), or
/// `None` when it matches.
pub fn request_mismatch(received: &Received, expected: Expected<'_>) -> Option<String> {
    let query: Vec<(String, String)> = expected
        .query
        .iter()
        .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
        .collect();
    let body = expected
        .body
        .map(|body| serde_json::from_str::<Value>(body).expect("expected body is JSON"));
    // A JSON string stands for raw bytes (a file upload): that text, sent as `application/octet-stream`.
    let content_type = match body {
        Some(Value::String(_)) => "application/octet-stream",
        _ => "application/json",
    };
    // Account calls carry the account client's basic auth (the account API refuses personal access tokens).
    let account_call = ["/api/2.0/accounts/", "/api/2.1/accounts/", "/api/2.0/preview/accounts/"]
        .iter()
        .any(|prefix| expected.path.starts_with(prefix));
    let authorization = if account_call {
        Some(format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(format!("admin@example.com:{TOKEN}"))
        ))
    } else {
        Some(format!("Bearer {TOKEN}"))
    };
    let differences = [
        (received.method != expected.method).then(|| format!("method {} != {}", received.method, expected.method)),
        (received.path != expected.path).then(|| format!("path {} != {}", received.path, expected.path)),
        (received.query != query).then(|| format!("query {:?} != {query:?}", received.query)),
        (received.body != body).then(|| format!("body {:?} != {body:?}", received.body)),
        (received.body.is_some() && received.content_type.as_deref() != Some(content_type))
            .then(|| format!("content type {:?} != {content_type}", received.content_type)),
        (received.authorization != authorization).then(|| "missing or wrong credentials".to_owned()),
    ];
    let differences: Vec<String> = differences.into_iter().flatten().collect();
    (!differences.is_empty()).then(|| {
        format!(
            "{} {} was not the expected request:\n  {}",
            expected.method,
            expected.path,
            differences.join("\n  ")
        )
    })
}

/// Asserts method, path, exact query, exact JSON body and the bearer token.
pub fn assert_request(received: &Received, expected: Expected<'_>) {
    if let Some(problem) = request_mismatch(received, expected) {
        panic!("{problem}");
    }
}

/// Asserts that `value`, serialised again, is exactly the JSON the server sent: nothing lost or added.
pub fn assert_lossless<T: serde::Serialize>(value: &T, sent: &str) {
    let sent: Value = serde_json::from_str(sent).expect("response is JSON");
    let again = serde_json::to_value(value).expect("serialises");
    assert_eq!(again, sent, "re-serialised response differs from what the server sent");
}

/// Polls every few milliseconds, so wait tests run quickly.
pub fn quick_waits() -> databricks_client::WaitOptions {
    let (first, most) = (
        std::time::Duration::from_millis(5),
        std::time::Duration::from_millis(20),
    );
    databricks_client::WaitOptions::new().poll_interval(first, most)
}

/// A resource moving through its states: `call` (method, path, answer) is answered once asked, and each
/// request of `poll` (method, path) gets the next of `states`, the last one repeating.
pub async fn moving_server(call: (&str, &str, Value), poll: (&str, &str), states: Vec<Value>) -> MockServer {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use wiremock::matchers::{method, path};

    let server = MockServer::builder().start().await;
    let (call_method, call_path, first) = call;
    Mock::given(method(call_method))
        .and(path(call_path))
        .respond_with(ResponseTemplate::new(200).set_body_json(first))
        .mount(&server)
        .await;
    let polls = AtomicUsize::new(0);
    let (poll_method, poll_path) = poll;
    Mock::given(method(poll_method))
        .and(path(poll_path))
        .respond_with(move |_: &wiremock::Request| {
            let n = polls.fetch_add(1, Ordering::SeqCst);
            ResponseTemplate::new(200).set_body_json(states[n.min(states.len() - 1)].clone())
        })
        .mount(&server)
        .await;
    server
}
