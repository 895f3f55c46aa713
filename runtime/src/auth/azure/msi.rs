//! `azure-msi`: the managed identity of the Azure machine this runs on (`azure_use_msi`, `ARM_USE_MSI`):
//! the system-assigned one, or the user-assigned one `azure_client_id` names. Tokens come from the
//! instance metadata service, `GET http://169.254.169.254/metadata/identity/oauth2/token` with
//! `Metadata: true`, `api-version=2018-02-01`, `resource` and `client_id`, as in the Go SDK.
//! `azure_msi_endpoint` (`DATABRICKS_AZURE_MSI_ENDPOINT`) replaces that URL.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use reqwest::header::ACCEPT;

use super::{AzureHeaders, Management, require_azure};
use crate::auth::oauth::{Failure, TokenResponse, send};
use crate::auth::token::{Token, TokenSource};
use crate::auth::{AuthError, AuthMethod, BoxFuture, Credentials, CredentialsProvider, Unavailable, missing};
use crate::config::{Settings, Source};

/// The token endpoint of the Azure instance metadata service.
const IMDS_TOKEN_ENDPOINT: &str = "http://169.254.169.254/metadata/identity/oauth2/token";
const IMDS_API_VERSION: &str = "2018-02-01";
/// The metadata service answers at once when it is there; off Azure nothing answers at all.
const IMDS_TIMEOUT: Duration = Duration::from_secs(10);

pub(crate) struct AzureMsi;

impl CredentialsProvider for AzureMsi {
    fn method(&self) -> AuthMethod {
        AuthMethod::AzureMsi
    }

    /// Nothing in the settings can show that a managed identity exists, so without `azure_use_msi` the
    /// method applies only when forced.
    fn configure(&self, settings: &Settings, forced: bool) -> Result<Credentials, Unavailable> {
        if !forced && !settings.flag("azure_use_msi") {
            return Err(missing(&["azure_use_msi"]));
        }
        require_azure(settings, forced)?;
        let endpoint = match settings.get("azure_msi_endpoint") {
            Some(endpoint) => reqwest::Url::parse(endpoint.trim())
                .map_err(|_| Unavailable::Broken(format!("azure_msi_endpoint `{endpoint}` is not a URL")))?,
            None => reqwest::Url::parse(IMDS_TOKEN_ENDPOINT).expect("a URL"),
        };
        let identity = Arc::new(ManagedIdentity {
            endpoint,
            client_id: settings.get("azure_client_id").map(|id| id.trim().to_owned()),
        });
        let headers = AzureHeaders::new(settings, Management::Always, |resource| ImdsToken {
            identity: identity.clone(),
            resource,
        })?;
        let what = match &identity.client_id {
            Some(client_id) => format!("the Azure managed identity {client_id} of this machine"),
            None => "the system-assigned Azure managed identity of this machine".to_owned(),
        };
        Ok(Credentials::new(self.method(), Source::Ambient(what), headers))
    }
}

struct ManagedIdentity {
    endpoint: reqwest::Url,
    /// A user-assigned identity; the system-assigned one when `None`.
    client_id: Option<String>,
}

/// Tokens of the identity for one resource.
struct ImdsToken {
    identity: Arc<ManagedIdentity>,
    resource: String,
}

impl TokenSource for ImdsToken {
    fn fetch<'a>(&'a self, http: &'a reqwest::Client) -> BoxFuture<'a, Result<Token, AuthError>> {
        Box::pin(async move {
            let identity = &self.identity;
            let failed = |why: String| {
                AuthError::new(format!(
                    "Azure managed identity token request for {} to {} failed: {why}",
                    self.resource, identity.endpoint
                ))
            };
            let mut url = identity.endpoint.clone();
            {
                let mut query = url.query_pairs_mut();
                query.append_pair("api-version", IMDS_API_VERSION);
                query.append_pair("resource", &self.resource);
                if let Some(client_id) = &identity.client_id {
                    query.append_pair("client_id", client_id);
                }
            }
            let requested = SystemTime::now();
            let request = http
                .get(url)
                .header("Metadata", "true")
                .header(ACCEPT, "application/json")
                .timeout(IMDS_TIMEOUT);
            let body = send(request).await.map_err(|failure| {
                failed(match failure {
                    Failure::Transport(why) => format!(
                        "{why}; azure-msi works on Azure machines with a managed identity only, where the instance \
                         metadata service answers"
                    ),
                    Failure::Refused(why) => match &identity.client_id {
                        Some(client_id) => format!(
                            "{why}; check that the managed identity azure_client_id = {client_id} is assigned to this \
                             machine"
                        ),
                        None => format!(
                            "{why}; check that this machine has a system-assigned managed identity, or set \
                             azure_client_id to the client id of a user-assigned one"
                        ),
                    },
                })
            })?;
            let answer = TokenResponse::parse(&body).map_err(failed)?;
            Ok(answer.token(requested))
        })
    }
}

#[cfg(test)]
mod tests {
    use wiremock::matchers::{header, method, path, query_param, query_param_is_missing};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    use super::*;
    use crate::auth::azure::tests::{builder, headers_received, workspace};

    /// A fake metadata service: `imds-databricks` and `imds-management` for `identity` (a client id, or
    /// `None` for the system-assigned identity), with `expires_in` and `expires_on` as strings.
    async fn imds(identity: Option<&str>) -> MockServer {
        let server = MockServer::start().await;
        let expires_on = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_secs()
            + 3600;
        for (resource, token) in [
            ("2ff814a6-3304-4ab8-85cb-cd0e6f879c1d", "imds-databricks"),
            ("https://management.core.windows.net/", "imds-management"),
        ] {
            let mock = Mock::given(method("GET"))
                .and(path("/metadata/identity/oauth2/token"))
                .and(header("metadata", "true"))
                .and(query_param("api-version", "2018-02-01"))
                .and(query_param("resource", resource));
            let mock = match identity {
                Some(client_id) => mock.and(query_param("client_id", client_id)),
                None => mock.and(query_param_is_missing("client_id")),
            };
            mock.respond_with(ResponseTemplate::new(200).set_body_raw(
                format!(
                    r#"{{"access_token": "{token}", "refresh_token": "", "expires_in": "3599",
                        "expires_on": "{expires_on}", "not_before": "0", "resource": "{resource}",
                        "token_type": "Bearer"}}"#
                ),
                "application/json",
            ))
            .mount(&server)
            .await;
        }
        server
    }

    fn endpoint(imds: &MockServer) -> String {
        format!("{}/metadata/identity/oauth2/token", imds.uri())
    }

    #[tokio::test]
    async fn a_user_assigned_identity_gets_both_tokens_from_the_metadata_service() {
        let imds = imds(Some("identity-1")).await;
        let workspace = workspace().await;
        let resource_id = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Databricks/workspaces/w";
        let endpoint = endpoint(&imds);
        let config = builder(&[
            ("ARM_USE_MSI", "true"),
            ("ARM_CLIENT_ID", "identity-1"),
            ("DATABRICKS_AZURE_MSI_ENDPOINT", &endpoint),
            ("DATABRICKS_AZURE_RESOURCE_ID", resource_id),
        ])
        .host(workspace.uri())
        .build()
        .unwrap();
        assert_eq!(config.auth_method(), AuthMethod::AzureMsi);
        assert_eq!(
            config.credentials_source().to_string(),
            "the Azure managed identity identity-1 of this machine"
        );
        let headers = headers_received(config, &workspace).await;
        assert_eq!(headers["authorization"], "Bearer imds-databricks");
        assert_eq!(headers["x-databricks-azure-sp-management-token"], "imds-management");
        assert_eq!(headers["x-databricks-azure-workspace-resource-id"], resource_id);
    }

    #[tokio::test]
    async fn the_system_assigned_identity_is_asked_for_without_a_client_id() {
        let imds = imds(None).await;
        let endpoint = endpoint(&imds);
        let settings = builder(&[("DATABRICKS_AZURE_MSI_ENDPOINT", &endpoint)])
            .host("adb-1.2.azuredatabricks.net")
            .auth_type("azure-msi")
            .settings()
            .unwrap();
        // Forced, it applies without azure_use_msi.
        let credentials = AzureMsi.configure(&settings, true).unwrap();
        let headers = credentials.headers.headers(&crate::auth::test_http()).await.unwrap();
        assert_eq!(headers["authorization"], "Bearer imds-databricks");
        assert!(!headers.contains_key("x-databricks-azure-workspace-resource-id"));
    }

    #[tokio::test]
    async fn a_missing_identity_is_explained() {
        let imds = MockServer::start().await;
        Mock::given(path("/metadata/identity/oauth2/token"))
            .respond_with(ResponseTemplate::new(400).set_body_raw(
                r#"{"error": "invalid_request", "error_description": "Identity not found"}"#,
                "application/json",
            ))
            .mount(&imds)
            .await;
        let endpoint = endpoint(&imds);
        let settings = builder(&[("ARM_USE_MSI", "1"), ("DATABRICKS_AZURE_MSI_ENDPOINT", &endpoint)])
            .host("adb-1.2.azuredatabricks.net")
            .settings()
            .unwrap();
        let credentials = AzureMsi.configure(&settings, false).unwrap();
        let error = credentials
            .headers
            .headers(&crate::auth::test_http())
            .await
            .unwrap_err();
        assert_eq!(
            error.message,
            format!(
                "Azure managed identity token request for 2ff814a6-3304-4ab8-85cb-cd0e6f879c1d to {endpoint} failed: \
                 HTTP 400 (invalid_request: Identity not found); check that this machine has a system-assigned \
                 managed identity, or set azure_client_id to the client id of a user-assigned one"
            )
        );
    }

    #[test]
    fn it_applies_only_when_asked_for_on_azure() {
        let settings = |vars: &[(&str, &str)], host: &str| builder(vars).host(host).settings().unwrap();
        let azure = "adb-1.2.azuredatabricks.net";
        assert_eq!(
            AzureMsi.configure(&settings(&[], azure), false).err(),
            Some(Unavailable::NotConfigured("no azure_use_msi".to_owned()))
        );
        assert!(
            AzureMsi
                .configure(&settings(&[("ARM_USE_MSI", "false")], azure), false)
                .is_err()
        );
        assert!(matches!(
            AzureMsi.configure(
                &settings(&[("ARM_USE_MSI", "true")], "dbc-1.cloud.databricks.com"),
                false
            ),
            Err(Unavailable::NotConfigured(_))
        ));
        assert!(
            AzureMsi
                .configure(&settings(&[("ARM_USE_MSI", "true")], azure), false)
                .is_ok()
        );
    }
}
