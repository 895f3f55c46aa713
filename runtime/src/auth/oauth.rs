//! The Databricks OAuth endpoints of a workspace or an account; the token requests themselves are the
//! core's ([`openapi_runtime::oauth`]).

pub(crate) use openapi_runtime::oauth::*;

use crate::config::Settings;

/// The OAuth endpoints of a workspace or, on an account console host, of the account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoints {
    pub authorization: String,
    pub token: String,
}

impl Endpoints {
    /// `{host}/oidc/v1/...` for a workspace, `{host}/oidc/accounts/{account_id}/v1/...` for an account.
    pub fn of(settings: &Settings) -> Result<Endpoints, String> {
        let host = settings.host().ok_or("no host")?;
        let base = if settings.is_account_host() {
            let account = settings
                .get("account_id")
                .ok_or("an account host needs account_id (DATABRICKS_ACCOUNT_ID)")?;
            format!("{host}/oidc/accounts/{account}/v1")
        } else {
            format!("{host}/oidc/v1")
        };
        Ok(Endpoints {
            authorization: format!("{base}/authorize"),
            token: format!("{base}/token"),
        })
    }
}
