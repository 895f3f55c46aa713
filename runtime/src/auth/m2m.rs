//! `oauth-m2m`: a service principal's client id and secret, exchanged at the workspace's (or account's)
//! token endpoint for access tokens with the `client_credentials` grant.

use std::time::SystemTime;

use super::oauth::{ClientAuth, Endpoints, request_token};
use super::token::{CachedToken, Token, TokenSource};
use super::{AuthError, AuthMethod, BoxFuture, Credentials, CredentialsProvider, Unavailable, missing};
use crate::config::{Secret, Settings, Source};

pub(crate) struct OAuthM2M;

impl CredentialsProvider for OAuthM2M {
    fn method(&self) -> AuthMethod {
        AuthMethod::OAuthM2M
    }

    fn configure(&self, settings: &Settings, _forced: bool) -> Result<Credentials, Unavailable> {
        let (Some(client_id), Some(client_secret)) = (settings.get("client_id"), settings.secret("client_secret"))
        else {
            return Err(missing(&["client_id", "client_secret"]));
        };
        let endpoints = Endpoints::of(settings).map_err(Unavailable::Broken)?;
        let source = settings.source("client_secret").cloned().unwrap_or(Source::Explicit);
        let scopes = settings.get("scopes").map_or_else(|| "all-apis".to_owned(), scopes);
        let exchange = ClientCredentials {
            client_id: client_id.to_owned(),
            client_secret,
            token_url: endpoints.token,
            scopes,
        };
        Ok(Credentials::new(self.method(), source, CachedToken::new(exchange)))
    }
}

/// `scopes` as written in a profile (`sql, files` or `sql files`), space-separated as OAuth wants them.
pub(crate) fn scopes(raw: &str) -> String {
    raw.split([',', ' '])
        .filter(|scope| !scope.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

struct ClientCredentials {
    client_id: String,
    client_secret: Secret,
    token_url: String,
    scopes: String,
}

impl TokenSource for ClientCredentials {
    fn fetch<'a>(&'a self, http: &'a reqwest::Client) -> BoxFuture<'a, Result<Token, AuthError>> {
        Box::pin(async move {
            let requested = SystemTime::now();
            let client = ClientAuth::Basic {
                client_id: &self.client_id,
                secret: &self.client_secret,
            };
            let form = [("grant_type", "client_credentials"), ("scope", self.scopes.as_str())];
            let answer = request_token(
                http,
                &self.token_url,
                client,
                &form,
                "OAuth token request",
                "check the client id and secret",
            )
            .await?;
            Ok(answer.token(requested))
        })
    }
}
