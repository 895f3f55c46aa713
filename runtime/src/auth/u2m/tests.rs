//! The U2M methods against a fake workspace whose OAuth server checks PKCE; the test plays the browser.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use base64::Engine as _;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use super::*;
use crate::config::tests::Home;
use crate::{Config, ConfigError, Method};

/// The refresh tokens the fake issues start with this; none may show in an error or `Debug`.
const CANARY: &str = "rt-canary";

/// What the fake OAuth server saw and issued.
#[derive(Default)]
struct Issuer {
    /// From `/authorize`: the challenge, redirect URI and scopes of the login in progress.
    authorize: Option<BTreeMap<String, String>>,
    /// The refresh token that works now; each refresh replaces it.
    refresh_token: String,
    refreshes: usize,
}

/// The fields of a form-encoded body.
fn form(request: &Request) -> BTreeMap<String, String> {
    let body = String::from_utf8_lossy(&request.body);
    reqwest::Url::parse(&format!("http://x/?{body}"))
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect()
}

fn token_answer(access: &str, refresh: &str, expires_in: u64) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(serde_json::json!({
        "access_token": access, "token_type": "Bearer", "refresh_token": refresh, "expires_in": expires_in,
    }))
}

/// A workspace with an OAuth server: `/authorize` redirects the browser back with a code; `/token` gives
/// tokens for that code only with the verifier of the challenge, and new tokens for the current refresh
/// token; `/api/2.0/x` answers anything.
async fn workspace() -> (MockServer, Arc<Mutex<Issuer>>) {
    let server = MockServer::start().await;
    let issuer = Arc::new(Mutex::new(Issuer {
        refresh_token: format!("{CANARY}-1"),
        ..Issuer::default()
    }));
    let seen = issuer.clone();
    Mock::given(method("GET"))
        .and(path("/oidc/v1/authorize"))
        .respond_with(move |request: &Request| {
            let params: BTreeMap<String, String> = request.url.query_pairs().into_owned().collect();
            let back = format!("{}?code=code-1&state={}", params["redirect_uri"], params["state"]);
            seen.lock().unwrap().authorize = Some(params);
            ResponseTemplate::new(302).insert_header("location", back.as_str())
        })
        .mount(&server)
        .await;
    let seen = issuer.clone();
    Mock::given(method("POST"))
        .and(path("/oidc/v1/token"))
        .respond_with(move |request: &Request| {
            let form = form(request);
            let mut issuer = seen.lock().unwrap();
            let refused = ResponseTemplate::new(400).set_body_json(serde_json::json!({
                "error": "invalid_grant", "error_description": "Refresh token is invalid",
            }));
            if form.get("client_id").map(String::as_str) != Some("databricks-cli") {
                return refused;
            }
            match form["grant_type"].as_str() {
                "authorization_code" => {
                    let Some(authorize) = &issuer.authorize else {
                        return refused;
                    };
                    let digest = ring::digest::digest(&ring::digest::SHA256, form["code_verifier"].as_bytes());
                    let challenge = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest);
                    if form["code"] != "code-1"
                        || challenge != authorize["code_challenge"]
                        || form["redirect_uri"] != authorize["redirect_uri"]
                    {
                        return refused;
                    }
                    token_answer("at-login", &issuer.refresh_token.clone(), 3600)
                }
                "refresh_token" if form["refresh_token"] == issuer.refresh_token => {
                    issuer.refreshes += 1;
                    let n = issuer.refreshes;
                    issuer.refresh_token = format!("{CANARY}-{}", n + 1);
                    token_answer(&format!("at-refresh-{n}"), &issuer.refresh_token.clone(), 3600)
                }
                _ => refused,
            }
        })
        .mount(&server)
        .await;
    Mock::given(path("/api/2.0/x"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({})))
        .mount(&server)
        .await;
    (server, issuer)
}

/// Plays the browser: opens the authorization URL and follows the redirect back to the login's listener.
async fn browse(url: String) -> String {
    let page = crate::auth::test_http().get(url).send().await.unwrap();
    assert_eq!(page.status(), 200);
    page.text().await.unwrap()
}

/// The `Authorization` headers the workspace received on `/api/2.0/x`.
async fn bearers(server: &MockServer) -> Vec<String> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|request| request.url.path() == "/api/2.0/x")
        .map(|request| request.headers["authorization"].to_str().unwrap().to_owned())
        .collect()
}

async fn get(config: Config) -> Result<serde_json::Value, crate::Error> {
    crate::connect(config)?.raw(Method::Get, "/api/2.0/x").send().await
}

fn cache_entry(home: &Home, key: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(home.path(cache::CACHE_FILE)).unwrap();
    serde_json::from_str::<serde_json::Value>(&text).unwrap()["tokens"][key].clone()
}

/// A cache file with one login under `key`, expiring in `seconds`.
fn cached(key: &str, seconds: u64) -> String {
    let expiry = cache::format_expiry(Some(SystemTime::now() + Duration::from_secs(seconds)));
    format!(
        r#"{{"version": 1, "tokens": {{"{key}": {{"access_token": "at-cached", "token_type": "Bearer", "refresh_token": "{CANARY}-1", "expiry": "{expiry}"}}}}}}"#
    )
}

#[tokio::test]
async fn a_browser_login_with_pkce_is_cached_and_then_authenticates_requests() {
    let (server, issuer) = workspace().await;
    let home = Home::new();
    let settings = home.builder().host(server.uri()).settings().unwrap();
    let endpoints = Endpoints::of(&settings).unwrap();
    let pending = PendingLogin::start(&endpoints, &login_scopes(&settings), Some(0)).unwrap();
    let browser = tokio::spawn(browse(pending.url().to_owned()));
    let logged_in = pending.finish(&crate::auth::test_http(), LOGIN_TIMEOUT).await.unwrap();
    assert!(browser.await.unwrap().contains("You are logged in"));
    let authorize = issuer.lock().unwrap().authorize.clone().unwrap();
    assert_eq!(authorize["scope"], "offline_access all-apis");
    assert_eq!(authorize["code_challenge_method"], "S256");
    assert_eq!(authorize["client_id"], "databricks-cli");

    // Cached as `dbr auth login -p dev` caches it: under the profile and the host.
    let keys = CacheKeys {
        profile: Some("dev".to_owned()),
        ..CacheKeys::of(&settings).unwrap()
    };
    TokenCache::in_home(settings.env())
        .unwrap()
        .store_login(&keys, &logged_in)
        .unwrap();
    assert_eq!(cache_entry(&home, "dev"), cache_entry(&home, &server.uri()));
    assert_eq!(cache_entry(&home, "dev")["refresh_token"], format!("{CANARY}-1"));

    // The default chain finds the login by host alone.
    let config = home.builder().host(server.uri()).build().unwrap();
    assert_eq!(config.auth_method(), AuthMethod::DatabricksCli);
    get(config).await.unwrap();
    assert_eq!(bearers(&server).await, ["Bearer at-login"]);
}

#[tokio::test]
async fn a_token_near_its_expiry_is_refreshed_once_and_written_back_under_both_keys() {
    let (server, issuer) = workspace().await;
    let home = Home::new()
        .file(
            ".databrickscfg",
            &format!("[dev]\nhost = {}\nauth_type = databricks-cli\n", server.uri()),
        )
        // Cached under the profile only, valid for less than the refresh margin.
        .file(cache::CACHE_FILE, &cached("dev", 10));
    let config = home.builder().profile("dev").build().unwrap();
    assert!(!format!("{config:?}").contains(CANARY));
    let client = crate::connect(config).unwrap();
    let calls = (0..8).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.raw(Method::Get, "/api/2.0/x").send::<serde_json::Value>().await })
    });
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(
        issuer.lock().unwrap().refreshes,
        1,
        "concurrent calls share one refresh"
    );
    assert!(
        bearers(&server)
            .await
            .iter()
            .all(|bearer| bearer == "Bearer at-refresh-1")
    );
    for key in ["dev".to_owned(), server.uri()] {
        let entry = cache_entry(&home, &key);
        assert_eq!(entry["access_token"], "at-refresh-1", "{key}");
        assert_eq!(entry["refresh_token"], format!("{CANARY}-2"), "{key}");
    }

    // `dbr auth token`'s view: the refreshed token lasts long enough; a longer wish refreshes again.
    let settings = home.builder().profile("dev").settings().unwrap();
    let tokens = CacheTokens::of(&settings, None).unwrap();
    let http = crate::auth::test_http();
    let token = tokens.token(&http, Duration::from_secs(300)).await.unwrap();
    assert_eq!(token.access_token.expose(), "at-refresh-1");
    let token = tokens.token(&http, Duration::from_secs(7200)).await.unwrap();
    assert_eq!(token.access_token.expose(), "at-refresh-2");
}

#[tokio::test]
async fn a_refused_refresh_says_to_log_in_again_without_showing_the_refresh_token() {
    let (server, issuer) = workspace().await;
    issuer.lock().unwrap().refresh_token = "revoked".to_owned();
    let home = Home::new()
        .file(".databrickscfg", &format!("[dev]\nhost = {}\n", server.uri()))
        .file(cache::CACHE_FILE, &cached(&server.uri(), 0));
    let config = home.builder().profile("dev").build().unwrap();
    let error = get(config).await.unwrap_err();
    let message = error.to_string();
    assert!(message.contains("invalid_grant: Refresh token is invalid"), "{message}");
    assert!(
        message.contains("run `dbr auth login -p dev` to log in again"),
        "{message}"
    );
    assert!(
        !message.contains(CANARY) && !format!("{error:?}").contains(CANARY),
        "{message}"
    );
}

#[tokio::test]
async fn without_a_cached_login_the_method_says_how_to_log_in() {
    let home = Home::new();
    let host = "https://dbc-1.cloud.databricks.com";
    let error = home
        .builder()
        .host(host)
        .auth_type("databricks-cli")
        .build()
        .unwrap_err();
    let ConfigError::AuthMethodUnavailable { reason, .. } = &error else {
        panic!("{error}")
    };
    assert_eq!(
        reason,
        &format!(
            "no cached login for {host}; run `dbr auth login --host {host}`{}",
            super::KEYRING_NOTE
        )
    );
    // In the default chain it is one of the methods that did not apply.
    let error = home.builder().host(host).build().unwrap_err().to_string();
    assert!(
        error.contains(&format!("databricks-cli: no cached login for {host} in ")),
        "{error}"
    );
    // A damaged cache stops a forced method with the file and the next step, and the chain goes on.
    let home = Home::new()
        .file(
            ".databrickscfg",
            "[acc]\nhost = https://accounts.cloud.databricks.com\naccount_id = a-1\nauth_type = databricks-cli\n",
        )
        .file(cache::CACHE_FILE, "{\"version\": 3}");
    let error = home.builder().profile("acc").build().unwrap_err().to_string();
    assert!(
        error.contains("token-cache.json cannot be read: it is version 3"),
        "{error}"
    );
    assert!(error.contains("run `dbr auth login`"), "{error}");
}

#[tokio::test]
async fn external_browser_applies_only_when_forced() {
    let home = Home::new();
    let builder = || home.builder().host("https://dbc-1.cloud.databricks.com");
    let error = builder().build().unwrap_err().to_string();
    assert!(
        error.contains("external-browser: applies only when auth_type is external-browser"),
        "{error}"
    );
    let config = builder().auth_type("external-browser").build().unwrap();
    assert_eq!(config.auth_method(), AuthMethod::ExternalBrowser);
    let error = builder()
        .auth_type("external-browser")
        .set("oauth_callback_port", "80a")
        .build()
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("oauth_callback_port `80a` is not a port number"),
        "{error}"
    );
}

/// `external-browser` through a client: the `BROWSER` command (a script standing in for a browser)
/// receives the URL; the test opens it, and the request that waited for the login carries its token.
#[cfg(unix)]
#[tokio::test]
async fn external_browser_logs_in_with_the_browser_command_and_caches_the_login() {
    use std::os::unix::fs::PermissionsExt;
    let (server, _issuer) = workspace().await;
    let dir = tempfile::tempdir().unwrap();
    let (script, seen) = (dir.path().join("browser"), dir.path().join("url"));
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", seen.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let free_port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let home = Home::new().var("BROWSER", &script.display().to_string());
    let config = home
        .builder()
        .host(server.uri())
        .auth_type("external-browser")
        .set("oauth_callback_port", free_port.to_string())
        .build()
        .unwrap();
    let browser = tokio::spawn(async move {
        let url = loop {
            match std::fs::read_to_string(&seen) {
                Ok(url) if !url.is_empty() => break url,
                _ => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        };
        assert!(
            url.contains(&format!("redirect_uri=http%3A%2F%2Flocalhost%3A{free_port}")),
            "{url}"
        );
        browse(url).await
    });
    get(config.clone()).await.unwrap();
    browser.await.unwrap();
    assert_eq!(bearers(&server).await, ["Bearer at-login"]);
    assert_eq!(cache_entry(&home, &server.uri())["access_token"], "at-login");
    // The next client takes the cached login without a browser.
    let config = home
        .builder()
        .host(server.uri())
        .auth_type("external-browser")
        .build()
        .unwrap();
    get(config).await.unwrap();
    assert_eq!(bearers(&server).await.len(), 2);
}
