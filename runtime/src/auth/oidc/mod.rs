//! Workload identity federation: an ID token (a JWT) that a CI system or the environment vouches for is
//! exchanged at the Databricks token endpoint for a Databricks access token (an RFC 8693 token exchange).
//! The access token is cached and replaced shortly before it expires, each time with a fresh ID token, so
//! short-lived ID tokens are never reused. The four methods differ only in where the ID token comes from:
//! - `github-oidc` ([`github`]): GitHub Actions' ID token service;
//! - `azure-devops-oidc` ([`azure_devops`]): the Azure DevOps pipeline's OIDC token service;
//! - `env-oidc` ([`env`]): an environment variable;
//! - `file-oidc` ([`file`]): a file.
//!
//! With `client_id`, the federation policy of that service principal decides; without it, an account-wide
//! federation policy does. As in the official Go SDK none of the methods requires `client_id`, and each
//! applies in the default chain as soon as its ID token can be had.

mod azure_devops;
mod env;
mod file;
mod github;

pub(super) use azure_devops::AzureDevopsOidc;
pub(super) use env::EnvOidc;
pub(super) use file::FileOidc;
pub(super) use github::GithubOidc;

use std::time::SystemTime;

use reqwest::header::ACCEPT;

use super::oauth::{ClientAuth, Endpoints, request_token, send};
use super::token::{CachedToken, Token, TokenSource};
use super::{AuthError, AuthMethod, BoxFuture, Credentials, Unavailable};
use crate::config::{Secret, Settings, Source};

const TOKEN_EXCHANGE_GRANT: &str = "urn:ietf:params:oauth:grant-type:token-exchange";
const JWT_TOKEN_TYPE: &str = "urn:ietf:params:oauth:token-type:jwt";

/// Where the ID token of each exchange comes from.
trait IdTokenSource: Send + Sync {
    /// A current ID token.
    fn id_token<'a>(&'a self, http: &'a reqwest::Client) -> BoxFuture<'a, Result<Secret, AuthError>>;
}

/// The credentials of `method`, whose ID tokens come from `id_tokens`: exchanged at the workspace's (or
/// account's) token endpoint for the `scopes` setting (default `all-apis`), as `client_id` when set.
fn credentials(
    method: AuthMethod,
    settings: &Settings,
    source: Source,
    id_tokens: impl IdTokenSource + 'static,
) -> Result<Credentials, Unavailable> {
    let endpoints = Endpoints::of(settings).map_err(Unavailable::Broken)?;
    let exchange = Exchange {
        method,
        id_tokens,
        token_url: endpoints.token,
        client_id: settings.get("client_id").map(str::to_owned),
        scopes: settings
            .get("scopes")
            .map_or_else(|| "all-apis".to_owned(), super::m2m::scopes),
    };
    Ok(Credentials::new(method, source, CachedToken::new(exchange)))
}

/// The audience to ask an ID token issuer for: `token_audience` when set, else the account id on an
/// account host, else the token endpoint the ID token will be exchanged at (the official SDKs' defaults).
fn audience(settings: &Settings) -> Result<String, Unavailable> {
    if let Some(audience) = settings.get("token_audience") {
        return Ok(audience.trim().to_owned());
    }
    if let (true, Some(account)) = (settings.is_account_host(), settings.get("account_id")) {
        return Ok(account.trim().to_owned());
    }
    Ok(Endpoints::of(settings).map_err(Unavailable::Broken)?.token)
}

/// An ID token exchange at a Databricks token endpoint.
struct Exchange<S> {
    method: AuthMethod,
    id_tokens: S,
    token_url: String,
    client_id: Option<String>,
    scopes: String,
}

impl<S: IdTokenSource> TokenSource for Exchange<S> {
    fn fetch<'a>(&'a self, http: &'a reqwest::Client) -> BoxFuture<'a, Result<Token, AuthError>> {
        Box::pin(async move {
            let id_token = self.id_tokens.id_token(http).await?;
            let requested = SystemTime::now();
            let form = [
                ("grant_type", TOKEN_EXCHANGE_GRANT),
                ("subject_token", id_token.expose()),
                ("subject_token_type", JWT_TOKEN_TYPE),
                ("scope", self.scopes.as_str()),
            ];
            let (client, hint) = match &self.client_id {
                Some(client_id) => (
                    ClientAuth::Form {
                        client_id,
                        secret: None,
                    },
                    format!(
                        "check that a federation policy of the service principal {client_id} (client_id) \
                         accepts the ID token's issuer, subject and audience"
                    ),
                ),
                None => (
                    ClientAuth::None,
                    "without client_id an account-wide federation policy must accept the ID token's issuer, \
                     subject and audience; to use a service principal's policy set client_id \
                     (DATABRICKS_CLIENT_ID)"
                        .to_owned(),
                ),
            };
            let what = format!("{} token exchange", self.method);
            let answer = request_token(http, &self.token_url, client, &form, &what, &hint).await?;
            Ok(answer.token(requested))
        })
    }
}

/// Sends `request` to a CI system's ID token service and reads the token in the `field` of its JSON
/// answer. `what` names the request in errors; `hint` is the next step after a refusal. Neither the
/// request's credentials nor the answer appear in errors.
async fn request_id_token(
    request: reqwest::RequestBuilder,
    what: &str,
    field: &str,
    hint: &str,
) -> Result<Secret, AuthError> {
    let failed = |why: String| AuthError::new(format!("{what} failed: {why}"));
    let body = send(request.header(ACCEPT, "application/json"))
        .await
        .map_err(|failure| failed(failure.with_hint(hint)))?;
    serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .and_then(|answer| Some(answer.get(field)?.as_str()?.trim().to_owned()))
        .filter(|token| !token.is_empty())
        .map(Secret::new)
        .ok_or_else(|| failed(format!("the answer has no ID token (no `{field}` in a JSON object)")))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};

    use serde_json::{Value, json};
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, Request, ResponseTemplate};

    use super::*;
    use crate::{Config, ConfigBuilder, ConfigError, Error, Method};

    pub(super) const TOKEN_PATH: &str = "/oidc/v1/token";

    /// A fake workspace: its token endpoint hands out `exchanged-1`, `exchanged-2`, ... valid for
    /// `lifetime` seconds, and every other path answers `{}`.
    pub(super) async fn workspace(lifetime: u64) -> MockServer {
        let server = MockServer::start().await;
        let exchanges = AtomicUsize::new(0);
        Mock::given(method("POST"))
            .and(path(TOKEN_PATH))
            .respond_with(move |_: &Request| {
                let n = exchanges.fetch_add(1, Ordering::SeqCst) + 1;
                ResponseTemplate::new(200).set_body_json(json!({
                    "access_token": format!("exchanged-{n}"),
                    "token_type": "Bearer",
                    "expires_in": lifetime,
                }))
            })
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
            .mount(&server)
            .await;
        server
    }

    /// A configuration of `host` from `vars` alone (no home directory, so no file is read).
    pub(super) fn configure(host: &str, vars: &[(&str, &str)]) -> ConfigBuilder {
        let vars: BTreeMap<String, String> = vars
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        Config::builder()
            .with_env_lookup(move |name| vars.get(name).cloned())
            .host(host)
            .rate_limit(0.0)
    }

    pub(super) async fn call(config: &Config) -> Result<Value, Error> {
        crate::connect(config.clone())?
            .raw(Method::Get, "/api/2.0/ping")
            .send()
            .await
    }

    /// The form of each token exchange the workspace received.
    pub(super) async fn exchanges(server: &MockServer) -> Vec<BTreeMap<String, String>> {
        server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .filter(|request| request.url.path() == TOKEN_PATH)
            .map(|request| {
                let body = String::from_utf8(request.body.clone()).unwrap();
                reqwest::Url::parse(&format!("http://form/?{body}"))
                    .unwrap()
                    .query_pairs()
                    .map(|(name, value)| (name.into_owned(), value.into_owned()))
                    .collect()
            })
            .collect()
    }

    /// The `Authorization` of each API request the workspace received.
    pub(super) async fn authorizations(server: &MockServer) -> Vec<String> {
        server
            .received_requests()
            .await
            .unwrap()
            .iter()
            .filter(|request| request.url.path() != TOKEN_PATH)
            .map(|request| request.headers["authorization"].to_str().unwrap().to_owned())
            .collect()
    }

    /// The form of an exchange of `id_token`.
    pub(super) fn form(id_token: &str, scope: &str, client_id: Option<&str>) -> BTreeMap<String, String> {
        let mut form = BTreeMap::from([
            (
                "grant_type".to_owned(),
                "urn:ietf:params:oauth:grant-type:token-exchange".to_owned(),
            ),
            ("subject_token".to_owned(), id_token.to_owned()),
            (
                "subject_token_type".to_owned(),
                "urn:ietf:params:oauth:token-type:jwt".to_owned(),
            ),
            ("scope".to_owned(), scope.to_owned()),
        ]);
        if let Some(client_id) = client_id {
            form.insert("client_id".to_owned(), client_id.to_owned());
        }
        form
    }

    #[tokio::test]
    async fn the_id_token_is_exchanged_as_the_client_id_when_set_and_account_wide_otherwise() {
        let server = workspace(3600).await;
        let vars = [("DATABRICKS_OIDC_TOKEN", "id-token-1")];
        let config = configure(&server.uri(), &vars)
            .client_id("sp-1234")
            .set("scopes", "sql, files")
            .build()
            .unwrap();
        assert_eq!(config.auth_method(), AuthMethod::EnvOidc);
        call(&config).await.unwrap();
        let config = configure(&server.uri(), &vars).build().unwrap();
        call(&config).await.unwrap();
        assert_eq!(
            exchanges(&server).await,
            [
                form("id-token-1", "sql files", Some("sp-1234")),
                form("id-token-1", "all-apis", None)
            ]
        );
        assert_eq!(
            authorizations(&server).await,
            ["Bearer exchanged-1", "Bearer exchanged-2"]
        );
    }

    #[tokio::test]
    async fn a_token_about_to_expire_is_replaced_by_exchanging_a_fresh_id_token() {
        // Valid for less than the refresh margin: every request needs a new exchange.
        let server = workspace(30).await;
        let id_token = Arc::new(Mutex::new("id-token-1".to_owned()));
        let current = id_token.clone();
        let config = Config::builder()
            .with_env_lookup(move |name| (name == "DATABRICKS_OIDC_TOKEN").then(|| current.lock().unwrap().clone()))
            .host(server.uri())
            .build()
            .unwrap();
        call(&config).await.unwrap();
        *id_token.lock().unwrap() = "id-token-2".to_owned();
        call(&config).await.unwrap();
        let subjects: Vec<String> = exchanges(&server)
            .await
            .into_iter()
            .map(|form| form["subject_token"].clone())
            .collect();
        assert_eq!(subjects, ["id-token-1", "id-token-2"]);
        assert_eq!(
            authorizations(&server).await,
            ["Bearer exchanged-1", "Bearer exchanged-2"]
        );
    }

    #[tokio::test]
    async fn a_refused_exchange_is_explained_without_the_id_token() {
        let server = MockServer::start().await;
        Mock::given(path(TOKEN_PATH))
            .respond_with(ResponseTemplate::new(400).set_body_json(json!({
                "error": "invalid_grant",
                "error_description": "no federation policy matched",
            })))
            .mount(&server)
            .await;
        let config = configure(&server.uri(), &[("DATABRICKS_OIDC_TOKEN", "eyJ-canary-id-token")])
            .build()
            .unwrap();
        let error = call(&config).await.unwrap_err();
        assert!(matches!(error, Error::Auth(_)), "{error}");
        assert_eq!(
            error.to_string(),
            format!(
                "env-oidc token exchange to {}{TOKEN_PATH} failed: HTTP 400 (invalid_grant: no federation policy \
                 matched); without client_id an account-wide federation policy must accept the ID token's \
                 issuer, subject and audience; to use a service principal's policy set client_id \
                 (DATABRICKS_CLIENT_ID)",
                server.uri()
            )
        );
        for text in [format!("{error:?}"), format!("{config:?}")] {
            assert!(!text.contains("canary"), "{text}");
        }
    }

    #[test]
    fn each_method_applies_when_its_id_token_can_be_had() {
        let host = "https://example.cloud.databricks.com";
        let method = |vars: &[(&str, &str)]| configure(host, vars).build().map(|config| config.auth_method());
        assert_eq!(
            method(&[
                (
                    "ACTIONS_ID_TOKEN_REQUEST_URL",
                    "https://token.actions.example/x?api-version=2.0"
                ),
                ("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "gh"),
                ("DATABRICKS_OIDC_TOKEN", "id"),
            ]),
            Ok(AuthMethod::GithubOidc)
        );
        assert_eq!(
            method(&[("DATABRICKS_OIDC_TOKEN", "id"), ("DATABRICKS_CLIENT_ID", "sp")]),
            Ok(AuthMethod::EnvOidc)
        );
        let Err(ConfigError::MissingCredentials { tried, .. }) = method(&[]) else {
            panic!("no credentials")
        };
        let reasons: Vec<&str> = tried
            .iter()
            .map(String::as_str)
            .filter(|line| line.contains("oidc"))
            .collect();
        assert_eq!(
            reasons,
            [
                "github-oidc: not in a GitHub Actions job that may request ID tokens (no \
                 ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN; the workflow needs \
                 `permissions: id-token: write`)",
                "azure-devops-oidc: not in an Azure DevOps pipeline (no SYSTEM_TEAMFOUNDATIONCOLLECTIONURI)",
                "env-oidc: no DATABRICKS_OIDC_TOKEN",
                "file-oidc: no oidc_token_filepath",
            ]
        );
    }

    #[test]
    fn the_audience_is_the_setting_else_the_account_else_the_token_endpoint() {
        let audience = |builder: ConfigBuilder| audience(&builder.settings().unwrap());
        let workspace = Config::builder().host("https://example.cloud.databricks.com");
        assert_eq!(
            audience(workspace.clone()),
            Ok("https://example.cloud.databricks.com/oidc/v1/token".to_owned())
        );
        assert_eq!(
            audience(workspace.set("token_audience", "my-audience")),
            Ok("my-audience".to_owned())
        );
        let account = Config::builder()
            .host("https://accounts.cloud.databricks.com")
            .set("account_id", "acc-1");
        assert_eq!(audience(account), Ok("acc-1".to_owned()));
    }
}
