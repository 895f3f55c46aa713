//! `metadata-service`: tokens from a server on this machine (IDE integrations of the official tools run
//! one) at `metadata_service_url`. Each token is asked for with a GET carrying
//! `X-Databricks-Metadata-Version: 1` and the workspace URL in `X-Databricks-Host`; the answer is
//! `{"access_token", "token_type", "expires_on"}` with `expires_on` in seconds since the epoch. As in the
//! official Go SDK the URL must name `localhost` or `127.0.0.1`. The URL is a secret (its path identifies
//! the session), so no message repeats it.

use std::time::{Duration, SystemTime};

use super::oauth::{TokenResponse, send};
use super::token::{CachedToken, Token, TokenSource};
use super::{AuthError, AuthMethod, BoxFuture, Credentials, CredentialsProvider, Unavailable, missing};
use crate::config::{Settings, Source};

const VERSION_HEADER: &str = "X-Databricks-Metadata-Version";
const VERSION: &str = "1";
const HOST_HEADER: &str = "X-Databricks-Host";
/// How long the local server may take to answer, as in the official SDKs.
const TIMEOUT: Duration = Duration::from_secs(10);

pub(crate) struct MetadataService;

impl CredentialsProvider for MetadataService {
    fn method(&self) -> AuthMethod {
        AuthMethod::MetadataService
    }

    fn configure(&self, settings: &Settings, _forced: bool) -> Result<Credentials, Unavailable> {
        let (Some(url), Some(host)) = (settings.secret("metadata_service_url"), settings.host()) else {
            return Err(missing(&["metadata_service_url"]));
        };
        let source = settings
            .source("metadata_service_url")
            .cloned()
            .unwrap_or(Source::Explicit);
        let url = reqwest::Url::parse(url.expose().trim())
            .map_err(|_| Unavailable::Broken(format!("metadata_service_url (from {source}) is not a URL")))?;
        if !matches!(url.host_str(), Some("localhost" | "127.0.0.1")) {
            return Err(Unavailable::Broken(format!(
                "metadata_service_url (from {source}) must point at this machine (localhost or 127.0.0.1)"
            )));
        }
        let fetch = MetadataToken { url, host, source };
        Ok(Credentials::new(
            self.method(),
            fetch.source.clone(),
            CachedToken::new(fetch),
        ))
    }
}

struct MetadataToken {
    url: reqwest::Url,
    /// The workspace the token is for.
    host: String,
    source: Source,
}

impl TokenSource for MetadataToken {
    fn fetch<'a>(&'a self, http: &'a reqwest::Client) -> BoxFuture<'a, Result<Token, AuthError>> {
        Box::pin(async move {
            let failed = |why: String| {
                AuthError::new(format!(
                    "token request to the metadata service (metadata_service_url from {}) failed: {why}",
                    self.source
                ))
            };
            let requested = SystemTime::now();
            let request = http
                .get(self.url.clone())
                .header(VERSION_HEADER, VERSION)
                .header(HOST_HEADER, &self.host)
                .timeout(TIMEOUT);
            let hint = format!(
                "check that the program serving it is still running and serves {}",
                self.host
            );
            let body = send(request)
                .await
                .map_err(|failure| failed(failure.with_hint(&hint)))?;
            let answer = TokenResponse::parse(&body).map_err(failed)?;
            if answer.expires_on.is_none() {
                return Err(failed("the answer has no `expires_on`".to_owned()));
            }
            Ok(answer.token(requested))
        })
    }
}

#[cfg(test)]
mod tests {
    use std::time::UNIX_EPOCH;

    use serde_json::{Value, json};
    use wiremock::matchers::{header, method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    use crate::{AuthMethod, Config, ConfigError, Error, Method};

    fn config(workspace: &MockServer, url: &str) -> Result<Config, ConfigError> {
        let url = url.to_owned();
        Config::builder()
            .with_env_lookup(move |name| (name == "DATABRICKS_METADATA_SERVICE_URL").then(|| url.clone()))
            .host(workspace.uri())
            .build()
    }

    async fn call(config: Config) -> Result<Value, Error> {
        crate::connect(config)?.raw(Method::Get, "/api/2.0/ping").send().await
    }

    #[tokio::test]
    async fn the_token_is_asked_for_with_the_version_and_the_workspace() {
        let workspace = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
            .mount(&workspace)
            .await;
        let metadata = MockServer::start().await;
        let expires_on = UNIX_EPOCH.elapsed().unwrap().as_secs() + 3600;
        Mock::given(method("GET"))
            .and(path("/session-canary/token"))
            .and(header("X-Databricks-Metadata-Version", "1"))
            .and(header("X-Databricks-Host", workspace.uri().as_str()))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "access_token": "metadata-token",
                "token_type": "Bearer",
                "expires_on": expires_on,
            })))
            .expect(1)
            .mount(&metadata)
            .await;
        // `localhost` is accepted as well as 127.0.0.1.
        let url = format!("http://localhost:{}/session-canary/token", metadata.address().port());
        let config = config(&workspace, &url).unwrap();
        assert_eq!(config.auth_method(), AuthMethod::MetadataService);
        assert!(!format!("{config:?}").contains("canary"));
        call(config.clone()).await.unwrap();
        call(config).await.unwrap();
        let requests = workspace.received_requests().await.unwrap();
        let sent: Vec<_> = requests
            .iter()
            .map(|request| &request.headers["authorization"])
            .collect();
        assert_eq!(sent, ["Bearer metadata-token", "Bearer metadata-token"]);
    }

    #[tokio::test]
    async fn a_failure_is_explained_without_the_url() {
        let workspace = MockServer::start().await;
        let metadata = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(json!({"access_token": "t", "token_type": "Bearer"})),
            )
            .mount(&metadata)
            .await;
        let url = format!("{}/session-canary/token", metadata.uri());
        let error = call(config(&workspace, &url).unwrap()).await.unwrap_err();
        assert_eq!(
            error.to_string(),
            "token request to the metadata service (metadata_service_url from DATABRICKS_METADATA_SERVICE_URL) \
             failed: the answer has no `expires_on`"
        );
        // Nothing listens there any more.
        let closed = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap();
        let url = format!("http://{closed}/session-canary/token");
        let error = call(config(&workspace, &url).unwrap()).await.unwrap_err();
        let message = error.to_string();
        assert!(message.contains("failed: error sending request"), "{message}");
        assert!(
            !message.contains("canary") && !format!("{error:?}").contains("canary"),
            "{message}"
        );
        assert!(workspace.received_requests().await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn only_a_server_on_this_machine_is_asked() {
        let workspace = MockServer::start().await;
        for url in [
            "http://metadata.example.com/session-canary",
            "http://[::1]:8080/session-canary",
            "http://127.0.0.2/session-canary",
        ] {
            let error = config(&workspace, url).unwrap_err();
            assert_eq!(
                error,
                ConfigError::AuthMethodUnavailable {
                    method: "metadata-service".to_owned(),
                    source: "chosen because its settings are present".to_owned(),
                    reason: "metadata_service_url (from DATABRICKS_METADATA_SERVICE_URL) must point at this machine \
                             (localhost or 127.0.0.1)"
                        .to_owned(),
                },
                "{url}"
            );
        }
    }
}
