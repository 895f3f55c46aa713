//! One case per API operation, one module per service: the request the client and `dbr` must send, and a
//! realistic response.
//!
//! The responses follow what Databricks actually returns (epoch-millisecond timestamps, int64 sizes,
//! doubles written as `4.0`), and several of them carry fields and enum values this version of the spec
//! does not know, so the tests also check that nothing is lost on the way through the SDK and the CLI.

pub mod account_access_control;
pub mod account_billable_usage;
pub mod account_budgets;
pub mod account_credentials;
pub mod account_custom_app_integration;
pub mod account_encryption_keys;
pub mod account_federation_policy;
pub mod account_groups;
pub mod account_ip_access_lists;
pub mod account_log_delivery;
pub mod account_metastore_assignments;
pub mod account_metastores;
pub mod account_network_connectivity;
pub mod account_networks;
pub mod account_oauth_published_apps;
pub mod account_private_access;
pub mod account_published_app_integration;
pub mod account_service_principal_federation_policy;
pub mod account_service_principal_secrets;
pub mod account_service_principals;
pub mod account_settings;
pub mod account_storage;
pub mod account_storage_credentials;
pub mod account_users;
pub mod account_vpc_endpoints;
pub mod account_workspace_assignment;
pub mod account_workspaces;
pub mod apps;
pub mod catalogs;
pub mod cluster_policies;
pub mod clusters;
pub mod connections;
pub mod current_user;
pub mod dbfs;
pub mod experiments;
pub mod experiments_issues;
pub mod experiments_logged_models;
pub mod external_locations;
pub mod files;
pub mod functions;
pub mod git_credentials;
pub mod global_init_scripts;
pub mod grants;
pub mod groups;
pub mod instance_pools;
pub mod instance_profiles;
pub mod ip_access_lists;
pub mod jobs;
pub mod legacy_groups;
pub mod libraries;
pub mod metastores;
pub mod model_registry;
pub mod permissions;
pub mod pipelines;
pub mod repos;
pub mod schemas;
pub mod secrets;
pub mod service_principals;
pub mod serving_endpoints;
pub mod statement_execution;
pub mod storage_credentials;
pub mod tables;
pub mod token_management;
pub mod tokens;
pub mod users;
pub mod volumes;
pub mod warehouses;
pub mod workspace;
pub mod workspace_conf;

pub use clusters::CLUSTER_ID;

/// The Databricks account of every account-level case: the one of the test account client.
pub use crate::mock::ACCOUNT_ID;

/// One API operation exercised end to end.
#[derive(Debug, Clone, Copy)]
pub struct Case {
    /// The spec's operationId, e.g. `clusters.get`.
    pub operation: &'static str,
    pub method: &'static str,
    pub path: &'static str,
    /// Query pairs in the order the client sends them: the required ones (method arguments) as declared,
    /// then the fields of the `*Params` struct.
    pub query: &'static [(&'static str, &'static str)],
    /// The exact JSON body, `None` for a request without one.
    pub body: Option<&'static str>,
    /// What the mock workspace answers.
    pub response: &'static str,
    /// `dbr` arguments that send exactly this request.
    pub cli: &'static [&'static str],
}

/// The case of `operation`; panics if there is none.
pub fn case(operation: &str) -> &'static Case {
    all()
        .find(|case| case.operation == operation)
        .unwrap_or_else(|| panic!("no test case for operation `{operation}`; add one to tests/src/cases/<service>.rs"))
}

/// The acknowledgement of most write operations.
pub(crate) const EMPTY: &str = "{}";

/// Every case, service by service.
pub fn all() -> impl Iterator<Item = &'static Case> {
    SERVICES.iter().flat_map(|service| service.iter())
}

/// One slice of cases per service module; a new service adds its module here.
const SERVICES: &[&[Case]] = &[
    account_access_control::CASES,
    account_billable_usage::CASES,
    account_budgets::CASES,
    account_credentials::CASES,
    account_custom_app_integration::CASES,
    account_encryption_keys::CASES,
    account_federation_policy::CASES,
    account_groups::CASES,
    account_ip_access_lists::CASES,
    account_log_delivery::CASES,
    account_metastore_assignments::CASES,
    account_metastores::CASES,
    account_network_connectivity::CASES,
    account_networks::CASES,
    account_oauth_published_apps::CASES,
    account_private_access::CASES,
    account_published_app_integration::CASES,
    account_service_principal_federation_policy::CASES,
    account_service_principal_secrets::CASES,
    account_service_principals::CASES,
    account_settings::CASES,
    account_storage::CASES,
    account_storage_credentials::CASES,
    account_users::CASES,
    account_vpc_endpoints::CASES,
    account_workspace_assignment::CASES,
    account_workspaces::CASES,
    apps::CASES,
    catalogs::CASES,
    cluster_policies::CASES,
    clusters::CASES,
    connections::CASES,
    current_user::CASES,
    dbfs::CASES,
    experiments::CASES,
    experiments_issues::CASES,
    experiments_logged_models::CASES,
    external_locations::CASES,
    files::CASES,
    functions::CASES,
    git_credentials::CASES,
    global_init_scripts::CASES,
    grants::CASES,
    groups::CASES,
    instance_pools::CASES,
    instance_profiles::CASES,
    ip_access_lists::CASES,
    jobs::CASES,
    legacy_groups::CASES,
    libraries::CASES,
    metastores::CASES,
    model_registry::CASES,
    permissions::CASES,
    pipelines::CASES,
    repos::CASES,
    schemas::CASES,
    secrets::CASES,
    service_principals::CASES,
    serving_endpoints::CASES,
    statement_execution::CASES,
    storage_credentials::CASES,
    tables::CASES,
    token_management::CASES,
    tokens::CASES,
    users::CASES,
    volumes::CASES,
    warehouses::CASES,
    workspace::CASES,
    workspace_conf::CASES,
];
