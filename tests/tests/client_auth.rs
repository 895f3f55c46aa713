//! Tokens that expire during the work: an OAuth service principal's token is replaced before it expires
//! while a long wait polls, concurrent calls share one refresh, a rejected token is replaced once, and a
//! refused secret is explained without being repeated. Everything runs against local servers.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use databricks_client::{Client, Config, Error, WaitOptions, models};
use serde_json::json;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const CLIENT_SECRET: &str = "canary-client-secret-7f3a";

/// A workspace with an OAuth token endpoint that hands out `access-1`, `access-2`, ... each valid for
/// `lifetime` seconds, and a cluster that starts after `start_after`. The workspace accepts only tokens it
/// issued that have not expired, and records which token each API call carried.
#[derive(Clone)]
struct Workspace {
    state: Arc<Mutex<State>>,
    lifetime: u64,
    start_after: Duration,
}

#[derive(Default)]
struct State {
    /// Each issued token and when it expires.
    issued: Vec<(String, Instant)>,
    /// The token each API call carried, in order.
    used: Vec<String>,
    started: Option<Instant>,
    /// Answer the next API call with 401 whatever its token, as a workspace does after revoking it.
    reject_next: bool,
}

impl Respond for Workspace {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let mut state = self.state.lock().expect("not poisoned");
        if request.url.path() == "/oidc/v1/token" {
            let body = String::from_utf8_lossy(&request.body);
            let basic = request
                .headers
                .get("authorization")
                .and_then(|value| value.to_str().ok());
            let expected = format!(
                "Basic {}",
                base64::Engine::encode(
                    &base64::engine::general_purpose::STANDARD,
                    format!("sp-1:{CLIENT_SECRET}")
                )
            );
            if basic != Some(expected.as_str()) || !body.contains("grant_type=client_credentials") {
                return ResponseTemplate::new(401).set_body_json(
                    json!({"error": "invalid_client", "error_description": "Client authentication failed"}),
                );
            }
            let token = format!("access-{}", state.issued.len() + 1);
            state
                .issued
                .push((token.clone(), Instant::now() + Duration::from_secs(self.lifetime)));
            return ResponseTemplate::new(200).set_body_json(
                json!({"access_token": token, "token_type": "Bearer", "expires_in": self.lifetime, "scope": "all-apis"}),
            );
        }
        let bearer = request
            .headers
            .get("authorization")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .unwrap_or_default()
            .to_owned();
        state.used.push(bearer.clone());
        let valid = state
            .issued
            .iter()
            .any(|(token, expires)| *token == bearer && Instant::now() < *expires);
        if !valid || std::mem::take(&mut state.reject_next) {
            return ResponseTemplate::new(401)
                .set_body_json(json!({"error_code": "401", "message": "Invalid access token"}));
        }
        match request.url.path() {
            "/api/2.1/clusters/start" => {
                state.started = Some(Instant::now());
                ResponseTemplate::new(200).set_body_json(json!({}))
            }
            _ => {
                let running = state
                    .started
                    .is_some_and(|started| started.elapsed() >= self.start_after);
                let cluster_state = if running { "RUNNING" } else { "PENDING" };
                ResponseTemplate::new(200).set_body_json(json!({"cluster_id": "0115-c1", "state": cluster_state}))
            }
        }
    }
}

async fn start(lifetime: u64, start_after: Duration) -> (MockServer, Workspace) {
    let workspace = Workspace {
        state: Arc::default(),
        lifetime,
        start_after,
    };
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(workspace.clone())
        .mount(&server)
        .await;
    (server, workspace)
}

fn client(server: &MockServer, secret: &str) -> Client {
    let config = Config::builder()
        .host(server.uri())
        .client_id("sp-1")
        .client_secret(secret)
        .rate_limit(0.0)
        .retry_timeout(Duration::from_secs(2))
        .build()
        .expect("a valid configuration");
    Client::new(config).expect("a client")
}

#[tokio::test]
async fn a_long_wait_keeps_working_across_token_expiries() {
    // Tokens live 41 s and are replaced 40 s before they expire: every second of the wait needs a new one.
    let (server, workspace) = start(41, Duration::from_millis(3500)).await;
    let options = WaitOptions::new()
        .poll_interval(Duration::from_millis(300), Duration::from_millis(300))
        .timeout(Duration::from_secs(30));
    let cluster = client(&server, CLIENT_SECRET)
        .clusters()
        .start_and_wait(&models::StartCluster::new("0115-c1"), &options)
        .await
        .expect("the wait outlives several tokens");
    assert_eq!(cluster.state, Some(models::ClusterState::Running));
    let state = workspace.state.lock().expect("not poisoned");
    assert!(
        state.issued.len() >= 3,
        "tokens were replaced during the wait: {}",
        state.issued.len()
    );
    // Calls used each new token once it existed: the tokens carried never go back to an older one.
    let order: Vec<usize> = state
        .used
        .iter()
        .map(|token| token.trim_start_matches("access-").parse().expect("an issued token"))
        .collect();
    assert!(order.windows(2).all(|pair| pair[0] <= pair[1]), "{order:?}");
    assert_eq!(
        order.last().copied(),
        Some(state.issued.len()),
        "the last poll used the newest token"
    );
}

#[tokio::test]
async fn concurrent_calls_share_one_token_request() {
    let (server, workspace) = start(3600, Duration::ZERO).await;
    let client = client(&server, CLIENT_SECRET);
    let calls = (0..16).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.clusters().get("0115-c1").await })
    });
    for call in calls {
        call.await.expect("joined").expect("the call succeeds");
    }
    let state = workspace.state.lock().expect("not poisoned");
    assert_eq!(state.issued.len(), 1);
    assert_eq!(state.used.len(), 16);
}

#[tokio::test]
async fn a_rejected_token_is_replaced_once() {
    let (server, workspace) = start(3600, Duration::ZERO).await;
    let client = client(&server, CLIENT_SECRET);
    client.clusters().get("0115-c1").await.expect("first call");
    workspace.state.lock().expect("not poisoned").reject_next = true;
    client
        .clusters()
        .get("0115-c1")
        .await
        .expect("a revoked token is replaced and the call repeated");
    let state = workspace.state.lock().expect("not poisoned");
    assert_eq!(state.issued.len(), 2);
    assert_eq!(state.used, ["access-1", "access-1", "access-2"]);
}

#[tokio::test]
async fn a_refused_secret_is_explained_without_repeating_it() {
    let (server, _) = start(3600, Duration::ZERO).await;
    let wrong = "canary-wrong-secret-11";
    let error = client(&server, wrong)
        .clusters()
        .get("0115-c1")
        .await
        .expect_err("the secret is refused");
    let Error::Auth(auth) = &error else {
        panic!("expected an auth error, got {error:?}");
    };
    assert_eq!(
        auth.message,
        format!(
            "OAuth token request to {}/oidc/v1/token failed: HTTP 401 (invalid_client: Client authentication \
             failed); check the client id and secret",
            server.uri()
        )
    );
    let text = format!("{error} {error:?}");
    assert!(!text.contains("canary"), "{text}");
}
