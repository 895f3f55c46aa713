//! The Azure methods of Azure Databricks: `azure-msi` (a managed identity), `azure-client-secret` (an Entra
//! ID service principal's secret) and `azure-cli` (the Azure CLI's login). Each gets Entra ID tokens its
//! own way; what they share is here: the resource the tokens are for (the Azure Databricks application),
//! the Azure cloud whose endpoints they use, the workspace's tenant, and the headers sent with the token.
//!
//! Besides `Authorization`, requests carry `X-Databricks-Azure-SP-Management-Token`, a token of the same
//! principal for the cloud's service management endpoint, and, when `azure_workspace_resource_id` is set,
//! `X-Databricks-Azure-Workspace-Resource-Id`: with both, a principal that has rights on the workspace's
//! Azure resource but is not yet a workspace user is let in (and added). As in the Go SDK, the managed
//! identity and the client secret always send the management token; the Azure CLI sends it when the
//! login can get one (a user without rights on the management endpoint cannot).

mod cli;
mod client_secret;
mod msi;

pub(crate) use cli::AzureCli;
pub(crate) use client_secret::AzureClientSecret;
pub(crate) use msi::AzureMsi;

use std::time::Duration;

use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderName, HeaderValue, LOCATION};
use tokio::sync::OnceCell;

use super::token::{CachedToken, TokenSource};
use super::{AuthError, BoxFuture, HeaderSource, Unavailable, sensitive_header};
use crate::config::cloud::azure_login_app_id;
use crate::config::{Cloud, Settings};

/// A token for the cloud's service management endpoint, of the same principal.
const MANAGEMENT_TOKEN_HEADER: HeaderName = HeaderName::from_static("x-databricks-azure-sp-management-token");
/// The workspace's Azure resource id (`/subscriptions/.../workspaces/...`).
const RESOURCE_ID_HEADER: HeaderName = HeaderName::from_static("x-databricks-azure-workspace-resource-id");

/// How long the workspace's login page may take to name its tenant.
const TENANT_DISCOVERY_TIMEOUT: Duration = Duration::from_secs(10);

/// The Azure methods sign in to Azure Databricks only: the host's name, `cloud` or an Azure resource id
/// must say the workspace is on Azure.
fn require_azure(settings: &Settings, forced: bool) -> Result<(), Unavailable> {
    if settings.cloud() == Cloud::Azure {
        return Ok(());
    }
    let why = "the host is not an Azure Databricks workspace; for a host whose name does not tell (a private \
               link), set cloud = Azure (DATABRICKS_CLOUD) or azure_workspace_resource_id";
    Err(if forced {
        Unavailable::Broken(why.to_owned())
    } else {
        Unavailable::NotConfigured("not an Azure Databricks host".to_owned())
    })
}

/// The resource Databricks tokens are issued for: `azure_login_app_id` when set, else the Azure Databricks
/// application of the host's deployment.
fn login_app_id(settings: &Settings) -> String {
    if let Some(app_id) = settings.get("azure_login_app_id") {
        return app_id.trim().to_owned();
    }
    let host_name = settings.host_url().and_then(reqwest::Url::host_str).unwrap_or_default();
    azure_login_app_id(host_name).to_owned()
}

/// Whether a failure to get the management token fails the request.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Management {
    /// Always sent; a failure is an error (a managed identity, a service principal's secret).
    Always,
    /// Sent when the first attempt succeeds; a principal without rights on the management endpoint (most
    /// users of the Azure CLI) goes without it from then on.
    IfAvailable,
}

/// `Authorization` with a Databricks token and the Azure headers, each token cached and refreshed on its
/// own. `S` fetches a token for the resource it was made for.
struct AzureHeaders<S> {
    databricks: CachedToken<S>,
    management: CachedToken<S>,
    management_use: Management,
    /// Decided by the first request, for [`Management::IfAvailable`].
    management_available: OnceCell<bool>,
    resource_id: Option<HeaderValue>,
}

impl<S: TokenSource> AzureHeaders<S> {
    /// Header sources whose tokens come from `source_for(resource)`.
    fn new(
        settings: &Settings,
        management_use: Management,
        source_for: impl Fn(String) -> S,
    ) -> Result<AzureHeaders<S>, Unavailable> {
        let resource_id = settings
            .get("azure_workspace_resource_id")
            .map(|id| {
                HeaderValue::from_str(id.trim()).map_err(|_| {
                    Unavailable::Broken("azure_workspace_resource_id cannot be sent in an HTTP header".to_owned())
                })
            })
            .transpose()?;
        Ok(AzureHeaders {
            databricks: CachedToken::new(source_for(login_app_id(settings))),
            management: CachedToken::new(source_for(settings.azure_cloud().service_management.to_owned())),
            management_use,
            management_available: OnceCell::new(),
            resource_id,
        })
    }

    async fn management_header(&self, http: &reqwest::Client) -> Result<Option<HeaderValue>, AuthError> {
        if self.management_use == Management::IfAvailable {
            let available = self
                .management_available
                .get_or_init(|| async {
                    match self.management.token(http).await {
                        Ok(_) => true,
                        Err(error) => {
                            tracing::debug!("not sending the Azure service management token: {error}");
                            false
                        }
                    }
                })
                .await;
            if !available {
                return Ok(None);
            }
        }
        let token = self.management.token(http).await?;
        sensitive_header(token.access_token.expose())
            .map(Some)
            .ok_or_else(|| AuthError::new("the Azure service management token cannot be sent in an HTTP header"))
    }
}

impl<S: TokenSource> HeaderSource for AzureHeaders<S> {
    fn headers<'a>(&'a self, http: &'a reqwest::Client) -> BoxFuture<'a, Result<HeaderMap, AuthError>> {
        Box::pin(async move {
            let token = self.databricks.token(http).await?;
            let mut headers = HeaderMap::new();
            headers.insert(AUTHORIZATION, token.authorization()?);
            if let Some(management) = self.management_header(http).await? {
                headers.insert(MANAGEMENT_TOKEN_HEADER, management);
            }
            if let Some(resource_id) = &self.resource_id {
                headers.insert(RESOURCE_ID_HEADER, resource_id.clone());
            }
            Ok(headers)
        })
    }

    fn invalidate(&self) -> BoxFuture<'_, bool> {
        Box::pin(async move {
            self.databricks.forget().await;
            self.management.forget().await;
            true
        })
    }
}

/// The Entra ID tenant of the workspace: `azure_tenant_id`, else the one the workspace's login page
/// (`{host}/aad/auth`) redirects to, looked up once, on the first token request.
struct Tenant {
    configured: Option<String>,
    host: Option<String>,
    discovered: OnceCell<Result<String, String>>,
}

impl Tenant {
    fn of(settings: &Settings) -> Tenant {
        Tenant {
            configured: settings.get("azure_tenant_id").map(|tenant| tenant.trim().to_owned()),
            host: settings.host(),
            discovered: OnceCell::new(),
        }
    }

    /// The tenant, or why it is unknown.
    async fn get(&self, http: &reqwest::Client) -> Result<&str, &str> {
        if let Some(tenant) = &self.configured {
            return Ok(tenant);
        }
        let discovered = self
            .discovered
            .get_or_init(|| async {
                let Some(host) = &self.host else {
                    return Err("no azure_tenant_id (ARM_TENANT_ID) and no host to ask".to_owned());
                };
                let found = discover_tenant(http, host).await;
                match &found {
                    Ok(tenant) => tracing::debug!("the workspace {host} is in the Azure tenant {tenant}"),
                    Err(why) => tracing::debug!("the tenant of {host} is unknown: {why}"),
                }
                found
            })
            .await;
        discovered.as_deref().map_err(String::as_str)
    }
}

/// The workspace's login page, which redirects to its tenant's Entra ID authority. The client returns this
/// path's redirect instead of following it.
pub(crate) const TENANT_PATH: &str = "/aad/auth";

/// The tenant in the redirect of `{host}/aad/auth`, which sends browsers to
/// `https://login.microsoftonline.com/<tenant>/oauth2/authorize?...` (or another cloud's authority).
async fn discover_tenant(http: &reqwest::Client, host: &str) -> Result<String, String> {
    let url = format!("{host}{TENANT_PATH}");
    let unknown = |why: String| format!("no azure_tenant_id (ARM_TENANT_ID), and {url} did not name it: {why}");
    let response = http
        .get(&url)
        .timeout(TENANT_DISCOVERY_TIMEOUT)
        .send()
        .await
        .map_err(|error| unknown(openapi_runtime::transport::with_causes(&error)))?;
    let status = response.status();
    let location = response
        .headers()
        .get(LOCATION)
        .and_then(|location| location.to_str().ok())
        .filter(|_| status.is_redirection())
        .ok_or_else(|| unknown(format!("HTTP {} without a redirect", status.as_u16())))?;
    reqwest::Url::parse(location)
        .ok()
        .and_then(|location| {
            let mut segments = location.path_segments()?;
            let (tenant, oauth2) = (segments.next()?, segments.next()?);
            (!tenant.is_empty() && oauth2 == "oauth2").then(|| tenant.to_owned())
        })
        .ok_or_else(|| unknown("it does not redirect to an Entra ID authority (`/<tenant>/oauth2/...`)".to_owned()))
}

#[cfg(test)]
pub(super) mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::config::{Config, ConfigBuilder};
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    /// A builder whose environment holds only `vars`.
    pub(crate) fn builder(vars: &[(&str, &str)]) -> ConfigBuilder {
        let env: BTreeMap<String, String> = vars
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect();
        Config::builder().with_env_lookup(move |name| env.get(name).cloned())
    }

    /// A fake workspace answering `GET /api/2.0/x`.
    pub(crate) async fn workspace() -> MockServer {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/api/2.0/x"))
            .respond_with(ResponseTemplate::new(200).set_body_raw("{}", "application/json"))
            .mount(&server)
            .await;
        server
    }

    /// Sends `GET /api/2.0/x` with `config` and returns the headers the workspace received, by name.
    pub(crate) async fn headers_received(config: Config, workspace: &MockServer) -> BTreeMap<String, String> {
        let client = crate::connect(config).unwrap();
        client
            .raw(crate::Method::Get, "/api/2.0/x")
            .send::<serde_json::Value>()
            .await
            .unwrap();
        let requests = workspace.received_requests().await.unwrap();
        let request = requests.last().unwrap();
        [
            "authorization",
            "x-databricks-azure-sp-management-token",
            "x-databricks-azure-workspace-resource-id",
        ]
        .into_iter()
        .filter_map(|name| Some((name.to_owned(), request.headers.get(name)?.to_str().ok()?.to_owned())))
        .collect()
    }

    #[test]
    fn azure_methods_apply_to_azure_workspaces_only() {
        let settings = |host: &str, extra: &[(&str, &str)]| {
            let mut builder = builder(&[]).host(host);
            for (name, value) in extra {
                builder = builder.set(name, *value);
            }
            builder.settings().unwrap()
        };
        assert!(require_azure(&settings("adb-1.2.azuredatabricks.net", &[]), false).is_ok());
        assert!(require_azure(&settings("https://127.0.0.1:1", &[("cloud", "azure")]), false).is_ok());
        let resource_id = [("azure_workspace_resource_id", "/subscriptions/s/resourceGroups/g")];
        assert!(require_azure(&settings("https://127.0.0.1:1", &resource_id), false).is_ok());
        let aws = settings("dbc-1.cloud.databricks.com", &[]);
        assert!(matches!(require_azure(&aws, false), Err(Unavailable::NotConfigured(_))));
        let Err(Unavailable::Broken(why)) = require_azure(&aws, true) else {
            panic!("forced on AWS must be broken");
        };
        assert!(why.contains("cloud = Azure (DATABRICKS_CLOUD)"), "{why}");
    }

    #[test]
    fn tokens_are_for_the_deployments_application_unless_another_is_set() {
        let settings = |host: &str, app: Option<&str>| {
            let builder = builder(&[]).host(host);
            match app {
                Some(app) => builder.set("azure_login_app_id", app),
                None => builder,
            }
            .settings()
            .unwrap()
        };
        let production = settings("adb-1.2.azuredatabricks.net", None);
        assert_eq!(login_app_id(&production), "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d");
        let staging = settings("adb-1.2.staging.azuredatabricks.net", None);
        assert_eq!(login_app_id(&staging), "4a67d088-db5c-48f1-9ff2-0aace800ae68");
        let explicit = settings("adb-1.2.azuredatabricks.net", Some("my-app"));
        assert_eq!(login_app_id(&explicit), "my-app");
    }

    #[tokio::test]
    async fn the_tenant_is_read_from_the_login_redirect_once() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/aad/auth"))
            .respond_with(ResponseTemplate::new(302).insert_header(
                "location",
                "https://login.microsoftonline.us/tenant-from-redirect/oauth2/authorize?client_id=x",
            ))
            .expect(1)
            .mount(&server)
            .await;
        let settings = builder(&[]).host(server.uri()).settings().unwrap();
        let tenant = Tenant::of(&settings);
        assert_eq!(tenant.get(&crate::auth::test_http()).await, Ok("tenant-from-redirect"));
        assert_eq!(tenant.get(&crate::auth::test_http()).await, Ok("tenant-from-redirect"));

        // A configured tenant is used as it is; a workspace that does not redirect leaves it unknown.
        let configured = builder(&[])
            .host(server.uri())
            .set("azure_tenant_id", "t-1")
            .settings()
            .unwrap();
        assert_eq!(Tenant::of(&configured).get(&crate::auth::test_http()).await, Ok("t-1"));
        let silent = MockServer::start().await;
        let settings = builder(&[]).host(silent.uri()).settings().unwrap();
        let why = Tenant::of(&settings)
            .get(&crate::auth::test_http())
            .await
            .unwrap_err()
            .to_owned();
        assert_eq!(
            why,
            format!(
                "no azure_tenant_id (ARM_TENANT_ID), and {}/aad/auth did not name it: HTTP 404 without a redirect",
                silent.uri()
            )
        );
        let elsewhere = MockServer::start().await;
        Mock::given(path("/aad/auth"))
            .respond_with(ResponseTemplate::new(302).insert_header("location", "https://sso.example.com/login.html"))
            .mount(&elsewhere)
            .await;
        let settings = builder(&[]).host(elsewhere.uri()).settings().unwrap();
        let why = Tenant::of(&settings)
            .get(&crate::auth::test_http())
            .await
            .unwrap_err()
            .to_owned();
        assert!(
            why.ends_with("it does not redirect to an Entra ID authority (`/<tenant>/oauth2/...`)"),
            "{why}"
        );
    }
}
