//! Every setting the SDK reads, with the names the official tools give it: its key in `~/.databrickscfg`, the
//! environment variables that set it, whether it is a secret, and which auth method it belongs to. Keys
//! written by the official tools that this SDK has no use for are accepted and ignored.

/// One setting.
#[derive(Debug)]
pub(crate) struct Attribute {
    /// The canonical key, as in `~/.databrickscfg` and [`crate::ConfigBuilder::set`].
    pub name: &'static str,
    /// Other keys the official tools accept for it (one SDK spells it differently).
    pub aliases: &'static [&'static str],
    /// Environment variables, first one first.
    pub env: &'static [&'static str],
    /// Never printed: `Debug`, `dbr auth describe` and errors show only where it came from.
    pub sensitive: bool,
    /// The group of credentials it is part of. Credentials of two groups at once are ambiguous unless an
    /// auth type is forced. `None` for settings that are not credentials.
    pub auth: Option<&'static str>,
}

const fn setting(name: &'static str, env: &'static [&'static str]) -> Attribute {
    Attribute {
        name,
        aliases: &[],
        env,
        sensitive: false,
        auth: None,
    }
}

const fn credential(name: &'static str, env: &'static [&'static str], auth: &'static str) -> Attribute {
    Attribute {
        name,
        aliases: &[],
        env,
        sensitive: false,
        auth: Some(auth),
    }
}

const fn secret(attribute: Attribute) -> Attribute {
    Attribute {
        sensitive: true,
        ..attribute
    }
}

const fn alias(attribute: Attribute, aliases: &'static [&'static str]) -> Attribute {
    Attribute { aliases, ..attribute }
}

/// The settings, in the order `dbr auth describe` lists them.
pub(crate) const ATTRIBUTES: &[Attribute] = &[
    setting("host", &["DATABRICKS_HOST"]),
    setting("account_id", &["DATABRICKS_ACCOUNT_ID"]),
    setting("workspace_id", &["DATABRICKS_WORKSPACE_ID"]),
    // AWS, Azure or GCP, for hosts whose name does not tell (private links, local fakes).
    setting("cloud", &["DATABRICKS_CLOUD"]),
    setting("auth_type", &["DATABRICKS_AUTH_TYPE"]),
    // Personal access token and basic auth.
    secret(credential("token", &["DATABRICKS_TOKEN"], "pat")),
    credential("username", &["DATABRICKS_USERNAME"], "basic"),
    secret(credential("password", &["DATABRICKS_PASSWORD"], "basic")),
    // Databricks OAuth: a service principal's secret (M2M); the client id also names the principal of the
    // OIDC federation methods.
    credential("client_id", &["DATABRICKS_CLIENT_ID"], "oauth"),
    secret(credential("client_secret", &["DATABRICKS_CLIENT_SECRET"], "oauth")),
    setting("scopes", &[]),
    setting("oauth_callback_port", &["DATABRICKS_OAUTH_CALLBACK_PORT"]),
    setting("databricks_cli_path", &["DATABRICKS_CLI_PATH"]),
    setting(
        "disable_oauth_refresh_token",
        &["DATABRICKS_DISABLE_OAUTH_REFRESH_TOKEN"],
    ),
    // OIDC federation: a token from the environment, a file, GitHub Actions or Azure DevOps, exchanged for
    // a Databricks token.
    alias(setting("token_audience", &["DATABRICKS_TOKEN_AUDIENCE"]), &["audience"]),
    credential("oidc_token_env", &["DATABRICKS_OIDC_TOKEN_ENV"], "env-oidc"),
    alias(
        credential(
            "oidc_token_filepath",
            &["DATABRICKS_OIDC_TOKEN_FILEPATH", "DATABRICKS_OIDC_TOKEN_FILE"],
            "file-oidc",
        ),
        &["databricks_id_token_filepath"],
    ),
    // Azure: Entra ID service principals, managed identities and the Azure CLI.
    credential(
        "azure_workspace_resource_id",
        &["DATABRICKS_AZURE_RESOURCE_ID"],
        "azure",
    ),
    credential("azure_use_msi", &["ARM_USE_MSI"], "azure"),
    credential("azure_client_id", &["ARM_CLIENT_ID"], "azure"),
    secret(credential("azure_client_secret", &["ARM_CLIENT_SECRET"], "azure")),
    credential("azure_tenant_id", &["ARM_TENANT_ID"], "azure"),
    setting("azure_environment", &["ARM_ENVIRONMENT"]),
    credential("azure_login_app_id", &["DATABRICKS_AZURE_LOGIN_APP_ID"], "azure"),
    // Where Entra ID and the managed identity endpoint are, for sovereign clouds and local fakes.
    setting("azure_authority_host", &["AZURE_AUTHORITY_HOST"]),
    setting("azure_msi_endpoint", &["DATABRICKS_AZURE_MSI_ENDPOINT"]),
    // Google Cloud: accepted so their profiles load; not implemented by this SDK.
    credential(
        "google_service_account",
        &["DATABRICKS_GOOGLE_SERVICE_ACCOUNT"],
        "google",
    ),
    secret(credential("google_credentials", &["GOOGLE_CREDENTIALS"], "google")),
    // A local metadata service handing out tokens (the official tools' IDE integrations).
    secret(credential(
        "metadata_service_url",
        &["DATABRICKS_METADATA_SERVICE_URL"],
        "metadata-service",
    )),
    // Compute defaults the official CLI writes into profiles.
    setting("cluster_id", &["DATABRICKS_CLUSTER_ID"]),
    setting("warehouse_id", &["DATABRICKS_WAREHOUSE_ID"]),
    setting("serverless_compute_id", &["DATABRICKS_SERVERLESS_COMPUTE_ID"]),
    // Transport.
    setting("rate_limit", &["DATABRICKS_RATE_LIMIT"]),
    setting("retry_timeout_seconds", &["DATABRICKS_RETRY_TIMEOUT_SECONDS"]),
    setting("http_timeout_seconds", &["DATABRICKS_HTTP_TIMEOUT_SECONDS"]),
    setting("skip_verify", &[]),
    setting("ca_bundle", &["DATABRICKS_CA_BUNDLE"]),
    setting("debug_truncate_bytes", &["DATABRICKS_DEBUG_TRUNCATE_BYTES"]),
    setting("debug_headers", &["DATABRICKS_DEBUG_HEADERS"]),
];

/// The attribute whose name or alias is `key` (keys are case-insensitive in configuration files).
pub(crate) fn find(key: &str) -> Option<&'static Attribute> {
    ATTRIBUTES.iter().find(|attribute| {
        attribute.name.eq_ignore_ascii_case(key)
            || attribute.aliases.iter().any(|alias| alias.eq_ignore_ascii_case(key))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_aliases_and_variables_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for attribute in ATTRIBUTES {
            for name in std::iter::once(&attribute.name)
                .chain(attribute.aliases)
                .chain(attribute.env)
            {
                assert!(seen.insert(*name), "{name} appears twice");
            }
        }
        assert_eq!(find("AUDIENCE").map(|a| a.name), Some("token_audience"));
        assert_eq!(find("jobs-api-version").map(|a| a.name), None);
    }
}
