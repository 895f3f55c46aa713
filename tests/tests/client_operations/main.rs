//! Every operation through the typed client: the request on the wire is exactly the case's, and the
//! response is parsed without losing anything (unknown fields and enum values included).
//!
//! One module per service; shared set-up lives here.

mod account_access_control;
mod account_billable_usage;
mod account_budgets;
mod account_credentials;
mod account_custom_app_integration;
mod account_encryption_keys;
mod account_federation_policy;
mod account_groups;
mod account_ip_access_lists;
mod account_log_delivery;
mod account_metastore_assignments;
mod account_metastores;
mod account_network_connectivity;
mod account_networks;
mod account_oauth_published_apps;
mod account_private_access;
mod account_published_app_integration;
mod account_service_principal_federation_policy;
mod account_service_principal_secrets;
mod account_service_principals;
mod account_settings;
mod account_storage;
mod account_storage_credentials;
mod account_users;
mod account_vpc_endpoints;
mod account_workspace_assignment;
mod account_workspaces;
mod apps;
mod catalogs;
mod cluster_policies;
mod clusters;
mod connections;
mod current_user;
mod dbfs;
mod experiments;
mod experiments_issues;
mod experiments_logged_models;
mod external_locations;
mod files;
mod functions;
mod git_credentials;
mod global_init_scripts;
mod grants;
mod groups;
mod instance_pools;
mod instance_profiles;
mod ip_access_lists;
mod jobs;
mod legacy_groups;
mod libraries;
mod metastores;
mod model_registry;
mod permissions;
mod pipelines;
mod repos;
mod schemas;
mod secrets;
mod service_principals;
mod serving_endpoints;
mod statement_execution;
mod storage_credentials;
mod tables;
mod token_management;
mod tokens;
mod unity_catalog_paging;
mod users;
mod volumes;
mod warehouses;
mod workspace;
mod workspace_conf;

use databricks_client::{AccountClient, Client, models};
use databricks_tests::cases::{Case, case};
use databricks_tests::mock::{self, Expected, assert_lossless, assert_request, only_request};
use serde::Serialize;
use wiremock::MockServer;

/// A mock workspace (or account console) answering with the case's response, and clients for it.
struct Setup {
    case: &'static Case,
    server: MockServer,
    client: Client,
    /// For the account services, whose paths name [`mock::ACCOUNT_ID`].
    account: AccountClient,
}

pub(crate) async fn setup(operation: &str) -> Setup {
    let case = case(operation);
    let server = mock::serve(200, case.response).await;
    let client = mock::client(&server);
    let account = mock::account_client(&server);
    Setup {
        case,
        server,
        client,
        account,
    }
}

impl Setup {
    /// The server got exactly the case's request, and `response` re-serialises to exactly what it sent.
    async fn verify<T: Serialize>(&self, response: &T) {
        let case = self.case;
        let expected = Expected {
            method: case.method,
            path: case.path,
            query: case.query,
            body: case.body,
        };
        assert_request(&only_request(&self.server).await, expected);
        assert_lossless(response, case.response);
    }
}

/// Unwraps a call's result, naming the operation when it failed.
pub(crate) fn ok<T>(operation: &str, result: Result<T, databricks_client::Error>) -> T {
    result.unwrap_or_else(|error| panic!("{operation} failed: {error} ({error:?})"))
}

pub(crate) fn future_field() -> serde_json::Value {
    serde_json::json!({"nested": [1, 2]})
}

/// The first permission level of every access control entry
/// (`access_control_list[].all_permissions[0].permission_level`). Every typed permissions response
/// (`ClusterPermissions`, `JobPermissions`, ...) has this wire shape, so it is read through JSON once here
/// rather than field by field for each type.
pub(crate) fn acl_levels<Level: serde::de::DeserializeOwned>(permissions: &impl Serialize) -> Vec<Level> {
    let permissions = serde_json::to_value(permissions).expect("permissions serialise");
    permissions["access_control_list"]
        .as_array()
        .expect("access_control_list")
        .iter()
        .map(|entry| {
            let level = entry["all_permissions"].as_array().expect("all_permissions")[0]["permission_level"].clone();
            assert!(!level.is_null(), "permission_level");
            serde_json::from_value(level).expect("a permission level")
        })
        .collect()
}

/// A SCIM multi-valued attribute entry with only its `value`.
pub(crate) fn scim_value(value: &str) -> models::ScimComplexValue {
    models::ScimComplexValue {
        value: Some(value.into()),
        ..Default::default()
    }
}
