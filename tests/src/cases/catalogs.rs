//! Unity Catalog catalogs (`/api/2.1/unity-catalog/catalogs[/{name}]`).

use super::{Case, EMPTY};

/// The catalog the cases are about.
pub const CATALOG: &str = "sales";

/// The metastore holding it.
pub const METASTORE_ID: &str = "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a";

/// The catalog as the workspace returns it, with `serverless_budget_policy_id`, a field this spec does not
/// know, and an inherited predictive optimization setting.
pub const SALES: &str = r#"{
  "name": "sales",
  "full_name": "sales",
  "catalog_type": "MANAGED_CATALOG",
  "comment": "Orders, customers and revenue",
  "owner": "sales-admins",
  "metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a",
  "storage_root": "s3://acme-sales/unity-catalog",
  "storage_location": "s3://acme-sales/unity-catalog/__unitystorage/catalogs/2f7a0c1e-9b3d-4e8f-a6c5-1d2e3f4a5b6c",
  "properties": {"department": "sales"},
  "isolation_mode": "ISOLATED",
  "enable_predictive_optimization": "INHERIT",
  "effective_predictive_optimization_flag": {"value": "ENABLE", "inherited_from_type": "METASTORE",
    "inherited_from_name": "main-us-east-1"},
  "custom_max_retention_hours": 168,
  "securable_type": "CATALOG",
  "browse_only": false,
  "created_at": 1764576000000,
  "created_by": "jane.doe@example.com",
  "updated_at": 1764662400000,
  "updated_by": "jane.doe@example.com",
  "serverless_budget_policy_id": "0f3b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
}"#;

const CREATE: &str = r#"{"name": "sales", "comment": "Orders, customers and revenue",
  "storage_root": "s3://acme-sales/unity-catalog", "properties": {"department": "sales"}}"#;
const UPDATE: &str = r#"{"owner": "sales-admins", "isolation_mode": "ISOLATED",
  "enable_predictive_optimization": "INHERIT", "custom_max_retention_hours": 168}"#;
const ONE: &str = "/api/2.1/unity-catalog/catalogs/sales";

pub const CASES: &[Case] = &[
    Case {
        operation: "catalogs.create",
        method: "POST",
        path: "/api/2.1/unity-catalog/catalogs",
        query: &[],
        body: Some(CREATE),
        response: SALES,
        cli: &["catalogs", "create", "--json", CREATE],
    },
    Case {
        operation: "catalogs.delete",
        method: "DELETE",
        path: ONE,
        query: &[("force", "true")],
        body: None,
        response: EMPTY,
        cli: &["catalogs", "delete", CATALOG, "--force"],
    },
    Case {
        operation: "catalogs.get",
        method: "GET",
        path: ONE,
        query: &[("include_browse", "true")],
        body: None,
        response: SALES,
        cli: &["catalogs", "get", CATALOG, "--include-browse"],
    },
    Case {
        operation: "catalogs.list",
        method: "GET",
        path: "/api/2.1/unity-catalog/catalogs",
        query: &[("include_browse", "true"), ("max_results", "0")],
        body: None,
        // A foreign catalog beside the Hive metastore, and a catalog type this spec does not know.
        response: r#"{"catalogs": [
          {"name": "hive_metastore", "catalog_type": "INTERNAL_CATALOG", "owner": "System user",
           "securable_type": "CATALOG", "browse_only": false},
          {"name": "pg_orders", "catalog_type": "FOREIGN_CATALOG", "connection_name": "orders-postgres",
           "options": {"database": "orders"}, "owner": "jane.doe@example.com", "browse_only": true},
          {"name": "shared_lakebase", "catalog_type": "LAKEBASE_CATALOG", "owner": "jane.doe@example.com"}
        ]}"#,
        cli: &["catalogs", "list", "--include-browse", "--max-results", "0"],
    },
    Case {
        operation: "catalogs.update",
        method: "PATCH",
        path: ONE,
        query: &[],
        body: Some(UPDATE),
        response: SALES,
        cli: &["catalogs", "update", CATALOG, "--json", UPDATE],
    },
];
