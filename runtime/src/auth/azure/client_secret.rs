//! `azure-client-secret`: an Entra ID service principal's client secret (`azure_client_id`,
//! `azure_client_secret`, `azure_tenant_id`; `ARM_CLIENT_ID`, `ARM_CLIENT_SECRET`, `ARM_TENANT_ID`),
//! exchanged with the client credentials grant at the tenant's token endpoint of the cloud's authority,
//! `{authority}{tenant}/oauth2/token`, for a token of each resource (`resource=`, as the official SDKs
//! ask). `azure_authority_host` (`AZURE_AUTHORITY_HOST`) replaces the authority: sovereign clouds, fakes.
//! Without `azure_tenant_id` the workspace's tenant is looked up, as the Python SDK does.

use std::sync::Arc;
use std::time::SystemTime;

use super::{AzureHeaders, Management, Tenant, require_azure};
use crate::auth::oauth::{ClientAuth, request_token};
use crate::auth::token::{Token, TokenSource};
use crate::auth::{AuthError, AuthMethod, BoxFuture, Credentials, CredentialsProvider, Unavailable, missing};
use crate::config::{Secret, Settings, Source, is_loopback};

pub(crate) struct AzureClientSecret;

impl CredentialsProvider for AzureClientSecret {
    fn method(&self) -> AuthMethod {
        AuthMethod::AzureClientSecret
    }

    fn configure(&self, settings: &Settings, forced: bool) -> Result<Credentials, Unavailable> {
        let (Some(client_id), Some(client_secret)) =
            (settings.get("azure_client_id"), settings.secret("azure_client_secret"))
        else {
            return Err(missing(&["azure_client_id", "azure_client_secret"]));
        };
        require_azure(settings, forced)?;
        let principal = Arc::new(ServicePrincipal {
            client_id: client_id.trim().to_owned(),
            client_secret,
            authority: authority(settings).map_err(Unavailable::Broken)?,
            tenant: Tenant::of(settings),
        });
        let headers = AzureHeaders::new(settings, Management::Always, |resource| ClientCredentials {
            principal: principal.clone(),
            resource,
        })?;
        let source = settings
            .source("azure_client_secret")
            .cloned()
            .unwrap_or(Source::Explicit);
        Ok(Credentials::new(self.method(), source, headers))
    }
}

/// The Entra ID authority tokens are requested from, ending in `/`.
fn authority(settings: &Settings) -> Result<String, String> {
    let Some(configured) = settings.get("azure_authority_host") else {
        return Ok(settings.azure_cloud().active_directory.to_owned());
    };
    let url = reqwest::Url::parse(configured.trim()).map_err(|_| {
        format!("azure_authority_host `{configured}` is not a URL (https://login.microsoftonline.com/)")
    })?;
    let secure = url.scheme() == "https" || (url.scheme() == "http" && is_loopback(&url));
    if !secure {
        return Err(format!(
            "azure_authority_host `{configured}` must be an https URL: the client secret is sent there"
        ));
    }
    Ok(format!("{}/", url.as_str().trim_end_matches('/')))
}

/// What every token request of the principal shares.
struct ServicePrincipal {
    client_id: String,
    client_secret: Secret,
    authority: String,
    tenant: Tenant,
}

/// Tokens of the principal for one resource.
struct ClientCredentials {
    principal: Arc<ServicePrincipal>,
    resource: String,
}

impl TokenSource for ClientCredentials {
    fn fetch<'a>(&'a self, http: &'a reqwest::Client) -> BoxFuture<'a, Result<Token, AuthError>> {
        Box::pin(async move {
            let principal = &self.principal;
            let tenant = principal.tenant.get(http).await.map_err(|why| {
                AuthError::new(format!(
                    "Entra ID needs the service principal's tenant: {why}; set azure_tenant_id (ARM_TENANT_ID)"
                ))
            })?;
            let url = format!("{}{tenant}/oauth2/token", principal.authority);
            let client = ClientAuth::Form {
                client_id: &principal.client_id,
                secret: Some(&principal.client_secret),
            };
            let form = [
                ("grant_type", "client_credentials"),
                ("resource", self.resource.as_str()),
            ];
            let requested = SystemTime::now();
            let answer = request_token(
                http,
                &url,
                client,
                &form,
                &format!("Entra ID token request for {}", self.resource),
                "check azure_client_id (the application id), azure_client_secret (a current secret of it) and \
                 azure_tenant_id",
            )
            .await?;
            Ok(answer.token(requested))
        })
    }
}

#[cfg(test)]
mod tests {

    use wiremock::matchers::{body_string, body_string_contains, method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    use super::*;
    use crate::auth::azure::tests::{builder, headers_received, workspace};

    const RESOURCE_ID: &str = "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/ws";
    const MANAGEMENT: &str = "https%3A%2F%2Fmanagement.core.windows.net%2F";

    /// A fake Entra ID handing out `<prefix>-databricks` and `<prefix>-management` tokens to the
    /// `robot` client of `tenant-1`, valid for `lifetime` seconds.
    async fn entra_id(lifetime: u64) -> MockServer {
        let server = MockServer::start().await;
        for (resource, token) in [
            ("2ff814a6-3304-4ab8-85cb-cd0e6f879c1d", "entra-databricks"),
            (MANAGEMENT, "entra-management"),
        ] {
            Mock::given(method("POST"))
                .and(path("/tenant-1/oauth2/token"))
                .and(body_string(format!(
                    "grant_type=client_credentials&resource={resource}&client_id=robot&client_secret=s3cret"
                )))
                .respond_with(ResponseTemplate::new(200).set_body_raw(
                    format!(
                        r#"{{"token_type": "Bearer", "expires_in": "{lifetime}", "ext_expires_in": "{lifetime}",
                            "resource": "{resource}", "access_token": "{token}"}}"#
                    ),
                    "application/json",
                ))
                .mount(&server)
                .await;
        }
        server
    }

    fn principal(entra: &MockServer) -> Vec<(&'static str, String)> {
        vec![
            ("ARM_CLIENT_ID", "robot".to_owned()),
            ("ARM_CLIENT_SECRET", "s3cret".to_owned()),
            ("AZURE_AUTHORITY_HOST", entra.uri()),
        ]
    }

    fn env<'a>(vars: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
        vars.iter().map(|(name, value)| (*name, value.as_str())).collect()
    }

    #[tokio::test]
    async fn the_secret_is_exchanged_for_both_tokens_and_all_headers_are_sent() {
        let entra = entra_id(3599).await;
        let workspace = workspace().await;
        let mut vars = principal(&entra);
        vars.push(("ARM_TENANT_ID", "tenant-1".to_owned()));
        vars.push(("DATABRICKS_AZURE_RESOURCE_ID", RESOURCE_ID.to_owned()));
        let config = builder(&env(&vars)).host(workspace.uri()).build().unwrap();
        assert_eq!(config.auth_method(), AuthMethod::AzureClientSecret);
        assert_eq!(config.credentials_source(), &Source::Env("ARM_CLIENT_SECRET"));
        let headers = headers_received(config, &workspace).await;
        assert_eq!(
            headers,
            [
                ("authorization", "Bearer entra-databricks"),
                ("x-databricks-azure-sp-management-token", "entra-management"),
                ("x-databricks-azure-workspace-resource-id", RESOURCE_ID),
            ]
            .map(|(name, value)| (name.to_owned(), value.to_owned()))
            .into()
        );
    }

    #[tokio::test]
    async fn without_a_tenant_the_workspaces_tenant_is_used_and_no_resource_id_header_sent() {
        let entra = entra_id(3599).await;
        let workspace = workspace().await;
        Mock::given(method("GET"))
            .and(path("/aad/auth"))
            .respond_with(ResponseTemplate::new(302).insert_header(
                "location",
                "https://login.microsoftonline.com/tenant-1/oauth2/authorize?response_type=code",
            ))
            .mount(&workspace)
            .await;
        let vars = principal(&entra);
        let config = builder(&env(&vars))
            .host(workspace.uri())
            .set("cloud", "Azure")
            .build()
            .unwrap();
        let headers = headers_received(config, &workspace).await;
        assert_eq!(headers["authorization"], "Bearer entra-databricks");
        assert_eq!(headers["x-databricks-azure-sp-management-token"], "entra-management");
        assert!(!headers.contains_key("x-databricks-azure-workspace-resource-id"));
    }

    #[tokio::test]
    async fn tokens_are_refreshed_before_expiry_once_under_concurrency() {
        // 30 s is within the refresh margin: every use needs new tokens.
        let entra = entra_id(30).await;
        let mut vars = principal(&entra);
        vars.push(("ARM_TENANT_ID", "tenant-1".to_owned()));
        vars.push(("DATABRICKS_CLOUD", "azure".to_owned()));
        let settings = builder(&env(&vars)).host("https://127.0.0.1:9").settings().unwrap();
        let credentials = AzureClientSecret.configure(&settings, false).unwrap();
        let http = crate::auth::test_http();
        credentials.headers.headers(&http).await.unwrap();
        credentials.headers.headers(&http).await.unwrap();
        assert_eq!(entra.received_requests().await.unwrap().len(), 4);

        let entra = entra_id(3599).await;
        let mut vars = principal(&entra);
        vars.push(("ARM_TENANT_ID", "tenant-1".to_owned()));
        vars.push(("DATABRICKS_CLOUD", "azure".to_owned()));
        let settings = builder(&env(&vars)).host("https://127.0.0.1:9").settings().unwrap();
        let headers = AzureClientSecret.configure(&settings, false).unwrap().headers;
        for headers in crate::auth::headers_at_once(headers, 10).await {
            assert_eq!(headers["authorization"], "Bearer entra-databricks");
        }
        assert_eq!(entra.received_requests().await.unwrap().len(), 2);
    }

    #[tokio::test]
    async fn a_refused_secret_is_explained_and_never_shown() {
        let entra = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/tenant-1/oauth2/token"))
            .and(body_string_contains("client_secret=canary-7f3a"))
            .respond_with(ResponseTemplate::new(401).set_body_raw(
                r#"{"error": "invalid_client", "error_description": "AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 1", "error_codes": [7000215]}"#,
                "application/json",
            ))
            .mount(&entra)
            .await;
        let workspace = workspace().await;
        let vars = [
            ("ARM_CLIENT_ID", "robot".to_owned()),
            ("ARM_CLIENT_SECRET", "canary-7f3a".to_owned()),
            ("ARM_TENANT_ID", "tenant-1".to_owned()),
            ("AZURE_AUTHORITY_HOST", format!("{}/", entra.uri())),
            ("DATABRICKS_CLOUD", "Azure".to_owned()),
        ];
        let config = builder(&env(&vars)).host(workspace.uri()).build().unwrap();
        assert!(!format!("{config:?}").contains("canary"));
        let client = crate::connect(config).unwrap();
        let error = client
            .raw(crate::Method::Get, "/api/2.0/x")
            .send::<serde_json::Value>()
            .await
            .unwrap_err()
            .to_string();
        assert!(!error.contains("canary"), "{error}");
        assert!(
            error.contains(&format!(
                "Entra ID token request for 2ff814a6-3304-4ab8-85cb-cd0e6f879c1d to {}/tenant-1/oauth2/token failed: \
                 HTTP 401 (invalid_client: AADSTS7000215: Invalid client secret provided.); check azure_client_id",
                entra.uri()
            )),
            "{error}"
        );
        assert!(workspace.received_requests().await.unwrap().is_empty());
    }

    #[test]
    fn each_cloud_has_its_authority_and_management_endpoint() {
        let settings = |host: &str, environment: Option<&str>| {
            let builder = builder(&[("ARM_CLIENT_ID", "robot"), ("ARM_CLIENT_SECRET", "s")]).host(host);
            match environment {
                Some(environment) => builder.set("azure_environment", environment),
                None => builder,
            }
            .settings()
            .unwrap()
        };
        let cases = [
            (
                settings("adb-1.2.azuredatabricks.net", None),
                "https://login.microsoftonline.com/",
                "https://management.core.windows.net/",
            ),
            (
                settings("adb-1.2.databricks.azure.us", None),
                "https://login.microsoftonline.us/",
                "https://management.core.usgovcloudapi.net/",
            ),
            (
                settings("adb-1.2.databricks.azure.cn", None),
                "https://login.chinacloudapi.cn/",
                "https://management.core.chinacloudapi.cn/",
            ),
            (
                settings("https://127.0.0.1:9", Some("CHINA")),
                "https://login.chinacloudapi.cn/",
                "https://management.core.chinacloudapi.cn/",
            ),
            (
                settings("https://127.0.0.1:9", Some("usgovernment")),
                "https://login.microsoftonline.us/",
                "https://management.core.usgovcloudapi.net/",
            ),
        ];
        for (settings, authority_url, management) in cases {
            assert_eq!(authority(&settings).unwrap(), authority_url);
            assert_eq!(settings.azure_cloud().service_management, management);
        }
        let plain = settings("adb-1.2.azuredatabricks.net", None);
        let mut insecure = builder(&[("AZURE_AUTHORITY_HOST", "http://login.example.com")])
            .host("adb-1.2.azuredatabricks.net")
            .settings()
            .unwrap();
        assert!(authority(&insecure).unwrap_err().contains("must be an https URL"));
        insecure = builder(&[("AZURE_AUTHORITY_HOST", "https://login.example.com/base")])
            .host("adb-1.2.azuredatabricks.net")
            .settings()
            .unwrap();
        assert_eq!(authority(&insecure).unwrap(), "https://login.example.com/base/");
        assert!(AzureClientSecret.configure(&plain, false).is_ok());
    }

    #[tokio::test]
    async fn the_management_token_of_a_us_government_workspace_is_for_its_endpoint() {
        let entra = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/tenant-1/oauth2/token"))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_raw(r#"{"access_token": "t", "expires_in": 3600}"#, "application/json"),
            )
            .mount(&entra)
            .await;
        let vars = [
            ("ARM_CLIENT_ID", "robot".to_owned()),
            ("ARM_CLIENT_SECRET", "s3cret".to_owned()),
            ("ARM_TENANT_ID", "tenant-1".to_owned()),
            ("AZURE_AUTHORITY_HOST", entra.uri()),
        ];
        let settings = builder(&env(&vars))
            .host("adb-1.2.databricks.azure.us")
            .settings()
            .unwrap();
        let credentials = AzureClientSecret.configure(&settings, false).unwrap();
        credentials.headers.headers(&crate::auth::test_http()).await.unwrap();
        let bodies: Vec<String> = entra
            .received_requests()
            .await
            .unwrap()
            .iter()
            .map(|request| String::from_utf8_lossy(&request.body).into_owned())
            .collect();
        assert!(
            bodies[1].contains("resource=https%3A%2F%2Fmanagement.core.usgovcloudapi.net%2F"),
            "{bodies:?}"
        );
    }

    #[test]
    fn it_applies_to_azure_hosts_with_an_id_and_secret() {
        let aws = builder(&[("ARM_CLIENT_ID", "robot"), ("ARM_CLIENT_SECRET", "s")])
            .host("dbc-1.cloud.databricks.com")
            .settings()
            .unwrap();
        assert!(matches!(
            AzureClientSecret.configure(&aws, false),
            Err(Unavailable::NotConfigured(_))
        ));
        let no_secret = builder(&[("ARM_CLIENT_ID", "robot")])
            .host("adb-1.2.azuredatabricks.net")
            .settings()
            .unwrap();
        assert_eq!(
            AzureClientSecret.configure(&no_secret, false).err(),
            Some(Unavailable::NotConfigured(
                "no azure_client_id and azure_client_secret".to_owned()
            ))
        );
    }
}
