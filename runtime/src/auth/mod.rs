//! How requests are authenticated: one module per auth method, each a [`CredentialsProvider`] that says
//! whether its settings are present and, if so, gives a [`HeaderSource`] for every request. [`chain`] picks
//! the method (the forced `auth_type`, else the first in the official order that applies) and explains
//! what every method said when none does. Token-based methods share [`token::CachedToken`]: a token is
//! replaced shortly before it expires, by one caller while concurrent callers wait for its result.

pub(crate) mod chain;
pub(crate) mod oauth;
pub(crate) mod u2m;

pub(crate) use openapi_runtime::token;
pub(crate) use openapi_runtime::{AuthError, BoxFuture, HeaderSource, StaticHeaders, sensitive_header};

mod azure;
mod basic;
mod google;
mod m2m;
mod metadata_service;
mod oidc;
mod pat;

use std::fmt;
use std::sync::Arc;

use crate::config::{Settings, Source};

/// An auth method, by the name the official tools give it (`auth_type` / `DATABRICKS_AUTH_TYPE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuthMethod {
    /// A personal access token, sent as `Authorization: Bearer <token>`.
    PersonalAccessToken,
    /// A user name and password, sent as HTTP basic auth.
    Basic,
    /// OAuth machine-to-machine: a service principal's client id and secret are exchanged at the
    /// workspace's token endpoint for short-lived access tokens.
    OAuthM2M,
    /// OAuth user-to-machine with the token cache the official CLI shares (`databricks auth login`).
    DatabricksCli,
    /// OAuth user-to-machine, logging in in the browser when no cached token works.
    ExternalBrowser,
    /// Tokens from a local metadata service (`metadata_service_url`).
    MetadataService,
    /// A GitHub Actions OIDC token exchanged for a Databricks token.
    GithubOidc,
    /// An Azure DevOps pipeline OIDC token exchanged for a Databricks token.
    AzureDevopsOidc,
    /// An OIDC token from an environment variable exchanged for a Databricks token.
    EnvOidc,
    /// An OIDC token from a file exchanged for a Databricks token.
    FileOidc,
    /// An Azure managed identity (system- or user-assigned).
    AzureMsi,
    /// An Entra ID service principal's client secret.
    AzureClientSecret,
    /// The Azure CLI's login (`az login`).
    AzureCli,
    /// Google Cloud service account credentials (accepted in configuration; not supported yet).
    GoogleCredentials,
    /// Google Cloud service account impersonation (accepted in configuration; not supported yet).
    GoogleId,
}

impl AuthMethod {
    /// Every method, in the order the default chain tries them.
    pub const ALL: &'static [AuthMethod] = &[
        AuthMethod::PersonalAccessToken,
        AuthMethod::Basic,
        AuthMethod::OAuthM2M,
        AuthMethod::DatabricksCli,
        AuthMethod::ExternalBrowser,
        AuthMethod::MetadataService,
        AuthMethod::GithubOidc,
        AuthMethod::AzureDevopsOidc,
        AuthMethod::EnvOidc,
        AuthMethod::FileOidc,
        AuthMethod::AzureMsi,
        AuthMethod::AzureClientSecret,
        AuthMethod::AzureCli,
        AuthMethod::GoogleCredentials,
        AuthMethod::GoogleId,
    ];

    /// The name the official tools use for the method.
    pub fn name(&self) -> &'static str {
        match self {
            AuthMethod::PersonalAccessToken => "pat",
            AuthMethod::Basic => "basic",
            AuthMethod::OAuthM2M => "oauth-m2m",
            AuthMethod::DatabricksCli => "databricks-cli",
            AuthMethod::ExternalBrowser => "external-browser",
            AuthMethod::MetadataService => "metadata-service",
            AuthMethod::GithubOidc => "github-oidc",
            AuthMethod::AzureDevopsOidc => "azure-devops-oidc",
            AuthMethod::EnvOidc => "env-oidc",
            AuthMethod::FileOidc => "file-oidc",
            AuthMethod::AzureMsi => "azure-msi",
            AuthMethod::AzureClientSecret => "azure-client-secret",
            AuthMethod::AzureCli => "azure-cli",
            AuthMethod::GoogleCredentials => "google-credentials",
            AuthMethod::GoogleId => "google-id",
        }
    }

    /// The method of a name (case-insensitive).
    pub fn from_name(name: &str) -> Option<AuthMethod> {
        let name = name.trim();
        AuthMethod::ALL
            .iter()
            .copied()
            .find(|method| method.name().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for AuthMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One auth method.
pub(crate) trait CredentialsProvider: Sync {
    fn method(&self) -> AuthMethod;

    /// Whether the method applies to `settings`, and if so its header source. `forced` is true when
    /// `auth_type` names this method: methods that only guess from the machine (a token cache, a managed
    /// identity) may then apply with less evidence. Reads local files or the environment at most; tokens
    /// are fetched on the first request.
    fn configure(&self, settings: &Settings, forced: bool) -> Result<Credentials, Unavailable>;
}

/// Why a method cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unavailable {
    /// Its settings are absent, so it does not apply (`no token`). The chain goes on.
    NotConfigured(String),
    /// Its settings are present but cannot work (a token with spaces, a corrupt token cache). The chain
    /// stops here and reports this, since the user clearly meant this method.
    Broken(String),
}

/// The chosen method and what it needs on every request.
#[derive(Clone)]
pub(crate) struct Credentials {
    pub method: AuthMethod,
    /// Where the credential came from, for `dbr auth describe`.
    pub source: Source,
    pub headers: Arc<dyn HeaderSource>,
}

impl Credentials {
    pub(crate) fn new(method: AuthMethod, source: Source, headers: impl HeaderSource + 'static) -> Credentials {
        Credentials {
            method,
            source,
            headers: Arc::new(headers),
        }
    }
}

/// `NotConfigured` naming the settings a method needs, as `no token` or `no client_id and client_secret`.
pub(crate) fn missing(names: &[&str]) -> Unavailable {
    Unavailable::NotConfigured(format!("no {}", names.join(" and ")))
}

pub(crate) use azure::TENANT_PATH as AZURE_TENANT_PATH;

/// An HTTP client for tests of token sources, built as the client builds its own.
#[cfg(test)]
pub(crate) fn test_http() -> reqwest::Client {
    let options = openapi_runtime::transport::TransportOptions {
        user_agent: "auth-test",
        connect_timeout: std::time::Duration::from_secs(5),
        read_timeout: std::time::Duration::from_secs(10),
        ca_bundle: None,
        accept_invalid_certs: false,
        proxies: openapi_runtime::transport::Proxies::from_env(|_| None).expect("no proxies"),
        redirects_returned_for: &[AZURE_TENANT_PATH],
        follow_redirects: true,
    };
    openapi_runtime::transport::http_client(&options).expect("a test client")
}

/// The headers `headers` gives `calls` callers at once, for tests of one refresh under concurrency.
#[cfg(test)]
pub(crate) async fn headers_at_once(headers: Arc<dyn HeaderSource>, calls: usize) -> Vec<reqwest::header::HeaderMap> {
    let http = test_http();
    let calls: Vec<_> = (0..calls)
        .map(|_| {
            let headers = headers.clone();
            let http = http.clone();
            tokio::spawn(async move { headers.headers(&http).await.expect("headers") })
        })
        .collect();
    let mut all = Vec::new();
    for call in calls {
        all.push(call.await.expect("joined"));
    }
    all
}
