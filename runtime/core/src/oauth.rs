//! What every OAuth 2 credential shares: one form-encoded POST to a token endpoint whose answer becomes a
//! [`Token`]. Error answers
//! (`{"error": "invalid_client", "error_description": "..."}`) are reported with the endpoint and HTTP
//! status; neither the request's secrets nor the answer's tokens ever reach a message.

use std::time::{Duration, SystemTime};

use reqwest::header::{ACCEPT, CONTENT_TYPE};
use serde::Deserialize;

use crate::auth::AuthError;
use crate::auth::Secret;
use crate::token::Token;
use crate::transport::with_causes;

/// A token endpoint's success answer. `expires_in` arrives as a number or, from Entra ID's v1 endpoints and
/// managed identities, as a string of digits; `expires_on` as seconds since the epoch.
#[derive(Deserialize)]
pub struct TokenResponse {
    pub access_token: String,
    #[serde(default)]
    pub token_type: Option<String>,
    #[serde(default, deserialize_with = "seconds")]
    pub expires_in: Option<u64>,
    #[serde(default, deserialize_with = "seconds")]
    pub expires_on: Option<u64>,
    #[serde(default)]
    pub refresh_token: Option<String>,
}

impl std::fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenResponse")
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .finish_non_exhaustive()
    }
}

/// Seconds as a JSON number or a string of digits (Entra ID and managed identities write strings).
pub fn seconds<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Seconds {
        Number(u64),
        Text(String),
    }
    Ok(match Option::<Seconds>::deserialize(deserializer)? {
        Some(Seconds::Number(n)) => Some(n),
        Some(Seconds::Text(text)) => text.trim().parse().ok(),
        None => None,
    })
}

impl TokenResponse {
    /// A success answer's body as a token answer.
    pub fn parse(body: &[u8]) -> Result<TokenResponse, String> {
        serde_json::from_slice(body)
            .map_err(|_| "the answer is not a token (no `access_token` in a JSON object)".to_owned())
    }

    /// The access token; its expiry from `expires_in` counted from `requested`, else `expires_on`, else an
    /// hour.
    pub fn token(&self, requested: SystemTime) -> Token {
        let expires_at = match (self.expires_in, self.expires_on) {
            (Some(seconds), _) => requested + Duration::from_secs(seconds),
            (None, Some(epoch)) => SystemTime::UNIX_EPOCH + Duration::from_secs(epoch),
            (None, None) => requested + Duration::from_secs(3600),
        };
        Token {
            access_token: Secret::new(self.access_token.clone()),
            token_type: self.token_type.clone().unwrap_or_else(|| "Bearer".to_owned()),
            expires_at: Some(expires_at),
        }
    }
}

/// Client authentication at the token endpoint.
pub enum ClientAuth<'a> {
    /// `Authorization: Basic` with the client id and secret (RFC 6749's preferred form).
    Basic {
        client_id: &'a str,
        secret: &'a Secret,
    },
    /// `client_id` (and `client_secret`) as form fields (Entra ID, public clients).
    Form {
        client_id: &'a str,
        secret: Option<&'a Secret>,
    },
    None,
}

/// POSTs `form` to `url` and reads the token answer. `what` names the request in errors ("OAuth M2M token
/// request"); `hint` is the next step after a refusal ("check the client id and secret").
pub async fn request_token(
    http: &reqwest::Client,
    url: &str,
    client: ClientAuth<'_>,
    form: &[(&str, &str)],
    what: &str,
    hint: &str,
) -> Result<TokenResponse, AuthError> {
    let failed = |why: String| AuthError::new(format!("{what} to {url} failed: {why}"));
    let mut fields: Vec<(&str, &str)> = form.to_vec();
    let mut request = http
        .post(url)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(ACCEPT, "application/json");
    match client {
        ClientAuth::Basic { client_id, secret } => {
            request = request.basic_auth(client_id, Some(secret.expose()));
        }
        ClientAuth::Form { client_id, secret } => {
            fields.push(("client_id", client_id));
            if let Some(secret) = secret {
                fields.push(("client_secret", secret.expose()));
            }
        }
        ClientAuth::None => {}
    }
    let body = send(request.body(form_encode(&fields)))
        .await
        .map_err(|failure| failed(failure.with_hint(hint)))?;
    TokenResponse::parse(&body).map_err(failed)
}

/// Why a token service gave no answer to use.
pub enum Failure {
    /// No answer: refused, timed out, a certificate not trusted.
    Transport(String),
    /// An error answer: `HTTP <status> (<OAuth error>)`, or the status alone when the body is no OAuth error.
    Refused(String),
}

impl Failure {
    /// The description, with the next step after a refusal.
    pub fn with_hint(self, hint: &str) -> String {
        match self {
            Failure::Transport(why) => why,
            Failure::Refused(why) => format!("{why}; {hint}"),
        }
    }
}

/// Sends `request` and reads the whole answer: the body of a success, or why there is none. The request's
/// URL is left out of transport messages (a metadata service's URL is a secret; callers name the endpoint
/// when it is not), and an error answer is reduced to its status and OAuth error, never repeated whole.
pub async fn send(request: reqwest::RequestBuilder) -> Result<Vec<u8>, Failure> {
    let transport = |error: reqwest::Error| Failure::Transport(with_causes(&error.without_url()));
    let response = request.send().await.map_err(transport)?;
    let status = response.status();
    let body = response.bytes().await.map_err(transport)?;
    if !status.is_success() {
        return Err(Failure::Refused(match oauth_error(&body) {
            Some(error) => format!("HTTP {} ({error})", status.as_u16()),
            None => format!("HTTP {}", status.as_u16()),
        }));
    }
    Ok(body.to_vec())
}

/// `error: error_description` of an OAuth error answer, if it is one. Neither field holds a secret; other
/// bodies are not repeated, since they could.
fn oauth_error(body: &[u8]) -> Option<String> {
    serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|value| {
            let error = value.get("error").and_then(|error| {
                error
                    .as_str()
                    .map(str::to_owned)
                    .or_else(|| error.get("code")?.as_str().map(str::to_owned))
            })?;
            let description = value
                .get("error_description")
                .or_else(|| value.get("message"))
                .or_else(|| value.get("error")?.get("message"))
                .and_then(|d| d.as_str());
            Some(match description {
                Some(description) => format!("{error}: {}", first_line(description)),
                None => error,
            })
        })
}

/// The first line of a (possibly long, multi-line) description, at most 300 characters.
fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    match line.char_indices().nth(300) {
        Some((at, _)) => format!("{}...", &line[..at]),
        None => line.to_owned(),
    }
}

/// `application/x-www-form-urlencoded`.
pub fn form_encode(fields: &[(&str, &str)]) -> String {
    use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
    let encode = |text: &str| {
        utf8_percent_encode(text, NON_ALPHANUMERIC)
            .to_string()
            .replace("%2D", "-")
            .replace("%2E", ".")
            .replace("%5F", "_")
            .replace("%7E", "~")
    };
    fields
        .iter()
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use wiremock::matchers::{body_string, header, method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    #[tokio::test]
    async fn a_token_answer_becomes_a_token_and_a_refusal_an_explained_error() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/ok"))
            .and(header("content-type", "application/x-www-form-urlencoded"))
            .and(body_string(
                "grant_type=client_credentials&scope=all-apis&client_id=id%201",
            ))
            .respond_with(ResponseTemplate::new(200).set_body_raw(
                r#"{"access_token": "at", "token_type": "bearer", "expires_in": "3599"}"#,
                "application/json",
            ))
            .mount(&server)
            .await;
        Mock::given(path("/no"))
            .respond_with(ResponseTemplate::new(401).set_body_raw(
                r#"{"error": "invalid_client", "error_description": "Client authentication failed\nmore"}"#,
                "application/json",
            ))
            .mount(&server)
            .await;
        let http = crate::auth::test_http();
        let form = [("grant_type", "client_credentials"), ("scope", "all-apis")];
        let client = ClientAuth::Form {
            client_id: "id 1",
            secret: None,
        };
        let answer = request_token(
            &http,
            &format!("{}/ok", server.uri()),
            client,
            &form,
            "a request",
            "hint",
        )
        .await
        .unwrap();
        let token = answer.token(SystemTime::UNIX_EPOCH);
        assert_eq!(
            token.expires_at,
            Some(SystemTime::UNIX_EPOCH + Duration::from_secs(3599))
        );
        let secret = Secret::new("canary-secret");
        let client = ClientAuth::Basic {
            client_id: "id",
            secret: &secret,
        };
        let error = request_token(
            &http,
            &format!("{}/no", server.uri()),
            client,
            &form,
            "The request",
            "check it",
        )
        .await
        .unwrap_err()
        .to_string();
        assert_eq!(
            error,
            format!(
                "The request to {}/no failed: HTTP 401 (invalid_client: Client authentication failed); check it",
                server.uri()
            )
        );
    }

    #[test]
    fn forms_are_encoded() {
        assert_eq!(
            form_encode(&[("a b", "x=y&z"), ("c", "-._~")]),
            "a%20b=x%3Dy%26z&c=-._~"
        );
    }
}
