//! The `Authorization` header of every request: a personal access token as it is, or, for OAuth
//! machine-to-machine, an access token obtained from the workspace's `/oidc/v1/token` with the service
//! principal's client id and secret, cached until shortly before it expires. Under concurrency one caller
//! refreshes while the others wait for its result, so a burst of calls costs one token request.

use std::fmt;
use std::time::{Duration, Instant};

use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderValue};
use serde::Deserialize;

use crate::config::{Config, Credentials, Secret};

/// How long before its expiry an access token is replaced, so it never expires in flight.
const REFRESH_MARGIN: Duration = Duration::from_secs(40);
const TOKEN_PATH: &str = "/oidc/v1/token";

pub(crate) struct Authenticator {
    kind: Kind,
}

enum Kind {
    Static(HeaderValue),
    OAuth {
        client_id: String,
        client_secret: Secret,
        token_url: String,
        cached: tokio::sync::Mutex<Option<AccessToken>>,
    },
}

struct AccessToken {
    header: HeaderValue,
    refresh_at: Instant,
}

/// Why no `Authorization` header could be produced. Never contains a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthError {
    pub message: String,
}

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AuthError {}

fn bearer(token: &str) -> Result<HeaderValue, AuthError> {
    let mut header = HeaderValue::from_str(&format!("Bearer {token}")).map_err(|_| AuthError {
        message: "the token cannot be sent in an HTTP header".to_owned(),
    })?;
    // Keeps the value out of reqwest's and hyper's Debug output.
    header.set_sensitive(true);
    Ok(header)
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    #[serde(default)]
    expires_in: Option<u64>,
}

impl Authenticator {
    pub(crate) fn new(config: &Config) -> Result<Authenticator, AuthError> {
        let kind = match config.credentials() {
            Credentials::Token(token) => Kind::Static(bearer(token.expose())?),
            Credentials::OAuthM2M {
                client_id,
                client_secret,
            } => Kind::OAuth {
                client_id: client_id.clone(),
                client_secret: client_secret.clone(),
                token_url: format!("{}{TOKEN_PATH}", config.host()),
                cached: tokio::sync::Mutex::new(None),
            },
        };
        Ok(Authenticator { kind })
    }

    /// The header for the next request.
    pub(crate) async fn header(&self, http: &reqwest::Client) -> Result<HeaderValue, AuthError> {
        match &self.kind {
            Kind::Static(header) => Ok(header.clone()),
            Kind::OAuth {
                client_id,
                client_secret,
                token_url,
                cached,
            } => {
                // Held across the refresh: the callers behind it get the new token instead of refreshing too.
                let mut cached = cached.lock().await;
                if let Some(token) = cached.as_ref().filter(|token| Instant::now() < token.refresh_at) {
                    return Ok(token.header.clone());
                }
                let token = fetch(http, token_url, client_id, client_secret).await?;
                let header = token.header.clone();
                *cached = Some(token);
                Ok(header)
            }
        }
    }

    /// Whether a rejected token can be replaced by fetching a new one.
    pub(crate) fn is_refreshable(&self) -> bool {
        matches!(self.kind, Kind::OAuth { .. })
    }

    /// Forgets a cached OAuth token, after the server rejected it.
    pub(crate) async fn invalidate(&self) {
        if let Kind::OAuth { cached, .. } = &self.kind {
            *cached.lock().await = None;
        }
    }
}

async fn fetch(
    http: &reqwest::Client,
    token_url: &str,
    client_id: &str,
    client_secret: &Secret,
) -> Result<AccessToken, AuthError> {
    let failed = |why: String| AuthError {
        message: format!("OAuth token request to {token_url} failed: {why}"),
    };
    let requested = Instant::now();
    let response = http
        .post(token_url)
        .basic_auth(client_id, Some(client_secret.expose()))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(ACCEPT, "application/json")
        .body("grant_type=client_credentials&scope=all-apis")
        .send()
        .await
        .map_err(|error| failed(error.to_string()))?;
    let status = response.status();
    let body = response.bytes().await.map_err(|error| failed(error.to_string()))?;
    if !status.is_success() {
        // OAuth errors are `{"error": "invalid_client", "error_description": "..."}`; neither holds the secret.
        let detail = serde_json::from_slice::<serde_json::Value>(&body)
            .ok()
            .and_then(|value| {
                let error = value.get("error")?.as_str()?.to_owned();
                let description = value.get("error_description").and_then(|d| d.as_str());
                Some(match description {
                    Some(description) => format!("{error}: {description}"),
                    None => error,
                })
            })
            .unwrap_or_else(|| "no OAuth error in the answer".to_owned());
        return Err(failed(format!(
            "HTTP {} ({detail}); check the client id and secret",
            status.as_u16()
        )));
    }
    let answer: TokenResponse =
        serde_json::from_slice(&body).map_err(|error| failed(format!("unexpected answer: {error}")))?;
    let lifetime = Duration::from_secs(answer.expires_in.unwrap_or(3600));
    Ok(AccessToken {
        header: bearer(&answer.access_token).map_err(|error| failed(error.message))?,
        refresh_at: requested + lifetime.saturating_sub(REFRESH_MARGIN),
    })
}
