//! `github-oidc`: a GitHub Actions job allowed to request ID tokens (`permissions: id-token: write`) has
//! `ACTIONS_ID_TOKEN_REQUEST_URL` and `ACTIONS_ID_TOKEN_REQUEST_TOKEN`; a GET of that URL with
//! `&audience=...` and the request token as a bearer token answers `{"value": "<ID token>"}`.

use super::{IdTokenSource, audience, credentials, request_id_token};
use crate::auth::{AuthError, AuthMethod, BoxFuture, Credentials, CredentialsProvider, Unavailable};
use crate::config::{Secret, Settings, Source};

const REQUEST_URL: &str = "ACTIONS_ID_TOKEN_REQUEST_URL";
const REQUEST_TOKEN: &str = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";

pub(crate) struct GithubOidc;

impl CredentialsProvider for GithubOidc {
    fn method(&self) -> AuthMethod {
        AuthMethod::GithubOidc
    }

    fn configure(&self, settings: &Settings, _forced: bool) -> Result<Credentials, Unavailable> {
        let env = settings.env();
        let (Some(url), Some(request_token)) = (env.var(REQUEST_URL), env.var(REQUEST_TOKEN)) else {
            return Err(Unavailable::NotConfigured(format!(
                "not in a GitHub Actions job that may request ID tokens (no {REQUEST_URL} and {REQUEST_TOKEN}; \
                 the workflow needs `permissions: id-token: write`)"
            )));
        };
        let mut url = reqwest::Url::parse(url.trim())
            .map_err(|error| Unavailable::Broken(format!("{REQUEST_URL} is not a URL: {error}")))?;
        url.query_pairs_mut().append_pair("audience", &audience(settings)?);
        let id_tokens = GithubIdToken {
            url,
            request_token: Secret::new(request_token.trim()),
        };
        credentials(self.method(), settings, Source::Env(REQUEST_TOKEN), id_tokens)
    }
}

struct GithubIdToken {
    /// With the audience in its query.
    url: reqwest::Url,
    request_token: Secret,
}

impl IdTokenSource for GithubIdToken {
    fn id_token<'a>(&'a self, http: &'a reqwest::Client) -> BoxFuture<'a, Result<Secret, AuthError>> {
        Box::pin(async move {
            let request = http.get(self.url.clone()).bearer_auth(self.request_token.expose());
            request_id_token(
                request,
                &format!("GitHub Actions' ID token request to {}", self.url),
                "value",
                "check that the workflow has `permissions: id-token: write` and that the job is still running",
            )
            .await
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use wiremock::matchers::{header, method, path, query_param};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    use super::super::tests::{TOKEN_PATH, authorizations, call, configure, exchanges, form, workspace};
    use crate::Error;

    #[tokio::test]
    async fn concurrent_requests_share_one_github_id_token_and_one_exchange() {
        let server = workspace(3600).await;
        let github = MockServer::start().await;
        let audience = format!("{}{TOKEN_PATH}", server.uri());
        Mock::given(method("GET"))
            .and(path("/id-token"))
            .and(query_param("api-version", "2.0"))
            .and(query_param("audience", audience.as_str()))
            .and(header("authorization", "Bearer gh-request-token"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"count": 1, "value": "gh-id-token"})))
            .expect(1)
            .mount(&github)
            .await;
        let request_url = format!("{}/id-token?api-version=2.0", github.uri());
        let config = configure(
            &server.uri(),
            &[
                ("ACTIONS_ID_TOKEN_REQUEST_URL", &request_url),
                ("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "gh-request-token"),
                ("DATABRICKS_CLIENT_ID", "sp-1234"),
            ],
        )
        .build()
        .unwrap();
        let client = crate::connect(config).unwrap();
        let calls = (0..8).map(|_| {
            let client = client.clone();
            tokio::spawn(async move {
                client
                    .raw(crate::Method::Get, "/api/2.0/ping")
                    .send::<serde_json::Value>()
                    .await
            })
        });
        for call in calls {
            call.await.unwrap().unwrap();
        }
        assert_eq!(
            exchanges(&server).await,
            [form("gh-id-token", "all-apis", Some("sp-1234"))]
        );
        assert_eq!(authorizations(&server).await, vec!["Bearer exchanged-1"; 8]);
    }

    #[tokio::test]
    async fn a_refusal_by_github_is_explained_without_the_request_token() {
        let server = workspace(3600).await;
        let github = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(403).set_body_json(json!({"message": "gh-canary-request-token"})))
            .mount(&github)
            .await;
        let request_url = format!("{}/id-token?api-version=2.0", github.uri());
        let config = configure(
            &server.uri(),
            &[
                ("ACTIONS_ID_TOKEN_REQUEST_URL", &request_url),
                ("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "gh-canary-request-token"),
            ],
        )
        .set("token_audience", "my-audience")
        .build()
        .unwrap();
        let error = call(&config).await.unwrap_err();
        assert!(matches!(error, Error::Auth(_)), "{error}");
        assert_eq!(
            error.to_string(),
            format!(
                "GitHub Actions' ID token request to {request_url}&audience=my-audience failed: HTTP 403; check \
                 that the workflow has `permissions: id-token: write` and that the job is still running"
            )
        );
        for text in [format!("{error:?}"), format!("{config:?}")] {
            assert!(!text.contains("canary"), "{text}");
        }
        assert!(exchanges(&server).await.is_empty());
    }
}
