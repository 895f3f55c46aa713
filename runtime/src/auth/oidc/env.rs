//! `env-oidc`: the ID token is the value of `DATABRICKS_OIDC_TOKEN`, or of the variable `oidc_token_env`
//! names, read again for every exchange.

use super::{IdTokenSource, credentials};
use crate::auth::{AuthError, AuthMethod, BoxFuture, Credentials, CredentialsProvider, Unavailable, missing};
use crate::config::{Environment, Secret, Settings, Source};

const DEFAULT_VARIABLE: &str = "DATABRICKS_OIDC_TOKEN";

pub(crate) struct EnvOidc;

impl CredentialsProvider for EnvOidc {
    fn method(&self) -> AuthMethod {
        AuthMethod::EnvOidc
    }

    fn configure(&self, settings: &Settings, _forced: bool) -> Result<Credentials, Unavailable> {
        let env = settings.env();
        let Some(named) = settings.get("oidc_token_env").map(str::trim) else {
            if env.var(DEFAULT_VARIABLE).is_none() {
                return Err(missing(&[DEFAULT_VARIABLE]));
            }
            let id_tokens = EnvIdToken {
                env: env.clone(),
                variable: DEFAULT_VARIABLE.to_owned(),
            };
            return credentials(self.method(), settings, Source::Env(DEFAULT_VARIABLE), id_tokens);
        };
        let named_by = settings.source("oidc_token_env").cloned().unwrap_or(Source::Explicit);
        if env.var(named).is_none() {
            return Err(Unavailable::Broken(format!(
                "oidc_token_env (from {named_by}) names the variable {named}, which is not set"
            )));
        }
        let id_tokens = EnvIdToken {
            env: env.clone(),
            variable: named.to_owned(),
        };
        let source = Source::Ambient(format!("{named}, named by oidc_token_env from {named_by}"));
        credentials(self.method(), settings, source, id_tokens)
    }
}

struct EnvIdToken {
    env: Environment,
    variable: String,
}

impl IdTokenSource for EnvIdToken {
    fn id_token<'a>(&'a self, _: &'a reqwest::Client) -> BoxFuture<'a, Result<Secret, AuthError>> {
        let token = self.env.var(&self.variable).map(|token| Secret::new(token.trim()));
        Box::pin(async move {
            token.ok_or_else(|| {
                AuthError::new(format!(
                    "the ID token variable {} is no longer set; set it to a current ID token",
                    self.variable
                ))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{call, configure, exchanges, form, workspace};
    use crate::ConfigError;

    #[tokio::test]
    async fn oidc_token_env_names_the_variable_that_holds_the_id_token() {
        let server = workspace(3600).await;
        let config = configure(
            &server.uri(),
            &[
                ("DATABRICKS_OIDC_TOKEN_ENV", "CI_ID_TOKEN"),
                ("CI_ID_TOKEN", "ci-id-token\n"),
                ("DATABRICKS_OIDC_TOKEN", "not-this-one"),
            ],
        )
        .build()
        .unwrap();
        assert_eq!(
            config.credentials_source().to_string(),
            "CI_ID_TOKEN, named by oidc_token_env from DATABRICKS_OIDC_TOKEN_ENV"
        );
        call(&config).await.unwrap();
        assert_eq!(exchanges(&server).await, [form("ci-id-token", "all-apis", None)]);

        let error = configure(&server.uri(), &[("DATABRICKS_OIDC_TOKEN_ENV", "CI_ID_TOKEN")])
            .build()
            .unwrap_err();
        assert_eq!(
            error,
            ConfigError::AuthMethodUnavailable {
                method: "env-oidc".to_owned(),
                source: "chosen because its settings are present".to_owned(),
                reason: "oidc_token_env (from DATABRICKS_OIDC_TOKEN_ENV) names the variable CI_ID_TOKEN, which is \
                         not set"
                    .to_owned(),
            }
        );
    }
}
