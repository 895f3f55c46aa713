//! `azure-devops-oidc`: an Azure DevOps pipeline job asks its organisation's OIDC token service with a POST
//! to `{collection}/{project}/_apis/distributedtask/hubs/{hub}/plans/{plan}/jobs/{job}/oidctoken` (from
//! `SYSTEM_TEAMFOUNDATIONCOLLECTIONURI`, `SYSTEM_TEAMPROJECTID`, `SYSTEM_HOSTTYPE`, `SYSTEM_PLANID`,
//! `SYSTEM_JOBID`) `?api-version=7.2-preview.1`, carrying the job's `SYSTEM_ACCESSTOKEN` as a bearer token;
//! the answer is `{"oidcToken": "<ID token>"}`, whose audience Azure DevOps fixes
//! (`api://AzureADTokenExchange`). The pipeline sets the `SYSTEM_*` variables; `SYSTEM_ACCESSTOKEN` only
//! when the step maps it.

use reqwest::header::CONTENT_TYPE;

use super::{IdTokenSource, credentials, request_id_token};
use crate::auth::{AuthError, AuthMethod, BoxFuture, Credentials, CredentialsProvider, Unavailable, missing};
use crate::config::{Secret, Settings, Source};

const ACCESS_TOKEN: &str = "SYSTEM_ACCESSTOKEN";
const COLLECTION_URI: &str = "SYSTEM_TEAMFOUNDATIONCOLLECTIONURI";
const API_VERSION: &str = "7.2-preview.1";

pub(crate) struct AzureDevopsOidc;

impl CredentialsProvider for AzureDevopsOidc {
    fn method(&self) -> AuthMethod {
        AuthMethod::AzureDevopsOidc
    }

    fn configure(&self, settings: &Settings, _forced: bool) -> Result<Credentials, Unavailable> {
        let env = settings.env();
        let Some(collection) = env.var(COLLECTION_URI) else {
            return Err(Unavailable::NotConfigured(format!(
                "not in an Azure DevOps pipeline (no {COLLECTION_URI})"
            )));
        };
        let Some(access_token) = env.var(ACCESS_TOKEN) else {
            return Err(Unavailable::NotConfigured(format!(
                "no {ACCESS_TOKEN}: map it into the step's environment (`env: {ACCESS_TOKEN}: \
                 $(System.AccessToken)`)"
            )));
        };
        let names = [
            "SYSTEM_TEAMPROJECTID",
            "SYSTEM_HOSTTYPE",
            "SYSTEM_PLANID",
            "SYSTEM_JOBID",
        ];
        let values: Vec<String> = names.iter().filter_map(|name| env.var(name)).collect();
        let [project, hub, plan, job] = <[String; 4]>::try_from(values).map_err(|_| {
            let absent: Vec<&str> = names.into_iter().filter(|name| env.var(name).is_none()).collect();
            missing(&absent)
        })?;
        let mut url = reqwest::Url::parse(collection.trim())
            .map_err(|error| Unavailable::Broken(format!("{COLLECTION_URI} is not a URL: {error}")))?;
        url.path_segments_mut()
            .map_err(|()| Unavailable::Broken(format!("{COLLECTION_URI} is not an http(s) URL")))?
            .pop_if_empty()
            .extend([
                project.as_str(),
                "_apis",
                "distributedtask",
                "hubs",
                hub.as_str(),
                "plans",
                plan.as_str(),
                "jobs",
                job.as_str(),
                "oidctoken",
            ]);
        url.query_pairs_mut().append_pair("api-version", API_VERSION);
        let id_tokens = AzureDevopsIdToken {
            url,
            access_token: Secret::new(access_token.trim()),
        };
        credentials(self.method(), settings, Source::Env(ACCESS_TOKEN), id_tokens)
    }
}

struct AzureDevopsIdToken {
    url: reqwest::Url,
    access_token: Secret,
}

impl IdTokenSource for AzureDevopsIdToken {
    fn id_token<'a>(&'a self, http: &'a reqwest::Client) -> BoxFuture<'a, Result<Secret, AuthError>> {
        Box::pin(async move {
            let request = http
                .post(self.url.clone())
                .bearer_auth(self.access_token.expose())
                .header(CONTENT_TYPE, "application/json")
                .body("");
            request_id_token(
                request,
                &format!("Azure DevOps' OIDC token request to {}", self.url),
                "oidcToken",
                &format!(
                    "check that {ACCESS_TOKEN} is this job's $(System.AccessToken) and that the job is still \
                     running"
                ),
            )
            .await
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use wiremock::matchers::{body_string, header, method, path, query_param};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    use super::super::tests::{authorizations, call, configure, exchanges, form, workspace};
    use crate::{AuthMethod, ConfigError};

    const PIPELINE: [(&str, &str); 4] = [
        ("SYSTEM_TEAMPROJECTID", "project-1"),
        ("SYSTEM_HOSTTYPE", "build"),
        ("SYSTEM_PLANID", "plan-2"),
        ("SYSTEM_JOBID", "job-3"),
    ];

    #[tokio::test]
    async fn the_pipeline_token_service_is_asked_with_the_access_token_and_its_token_exchanged() {
        let server = workspace(3600).await;
        let devops = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path(
                "/my-org/project-1/_apis/distributedtask/hubs/build/plans/plan-2/jobs/job-3/oidctoken",
            ))
            .and(query_param("api-version", "7.2-preview.1"))
            .and(header("authorization", "Bearer system-access-token"))
            .and(header("content-type", "application/json"))
            .and(body_string(""))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"oidcToken": "ado-id-token"})))
            .expect(1)
            .mount(&devops)
            .await;
        // As Azure DevOps writes it, with a trailing slash.
        let collection = format!("{}/my-org/", devops.uri());
        let mut vars = vec![
            ("SYSTEM_TEAMFOUNDATIONCOLLECTIONURI", collection.as_str()),
            ("SYSTEM_ACCESSTOKEN", "system-access-token"),
        ];
        vars.extend(PIPELINE);
        let config = configure(&server.uri(), &vars).build().unwrap();
        assert_eq!(config.auth_method(), AuthMethod::AzureDevopsOidc);
        assert_eq!(config.credentials_source().to_string(), "SYSTEM_ACCESSTOKEN");
        call(&config).await.unwrap();
        assert_eq!(exchanges(&server).await, [form("ado-id-token", "all-apis", None)]);
        assert_eq!(authorizations(&server).await, ["Bearer exchanged-1"]);
    }

    #[test]
    fn a_pipeline_step_without_the_access_token_is_told_how_to_map_it() {
        let mut vars = vec![("SYSTEM_TEAMFOUNDATIONCOLLECTIONURI", "https://dev.azure.com/my-org/")];
        vars.extend(PIPELINE);
        let error = configure("https://example.cloud.databricks.com", &vars)
            .auth_type("azure-devops-oidc")
            .build()
            .unwrap_err();
        assert_eq!(
            error,
            ConfigError::AuthMethodUnavailable {
                method: "azure-devops-oidc".to_owned(),
                source: "explicit settings".to_owned(),
                reason: "no SYSTEM_ACCESSTOKEN: map it into the step's environment (`env: SYSTEM_ACCESSTOKEN: \
                         $(System.AccessToken)`)"
                    .to_owned(),
            }
        );
        let error = configure(
            "https://example.cloud.databricks.com",
            &[
                ("SYSTEM_TEAMFOUNDATIONCOLLECTIONURI", "https://dev.azure.com/my-org/"),
                ("SYSTEM_ACCESSTOKEN", "system-access-token"),
                ("SYSTEM_HOSTTYPE", "build"),
            ],
        )
        .auth_type("azure-devops-oidc")
        .build()
        .unwrap_err()
        .to_string();
        assert!(
            error.ends_with("no SYSTEM_TEAMPROJECTID and SYSTEM_PLANID and SYSTEM_JOBID"),
            "{error}"
        );
    }
}
