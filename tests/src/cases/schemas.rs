//! Unity Catalog schemas (`/api/2.1/unity-catalog/schemas[/{full_name}]`).

use super::{Case, EMPTY};

/// The schema the cases are about.
pub const SCHEMA: &str = "sales.orders";

/// The schema as the workspace returns it, with a catalog type this spec does not know and
/// `schema_tags`, a field it does not know either.
pub const ORDERS: &str = r#"{
  "name": "orders",
  "catalog_name": "sales",
  "full_name": "sales.orders",
  "schema_id": "5c9e2a71-3b4d-4f6e-8a1c-2d3e4f5a6b7c",
  "catalog_type": "MANAGED_ONLINE_LAKEHOUSE_CATALOG",
  "comment": "Raw and cleaned orders",
  "owner": "sales-engineers",
  "metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a",
  "storage_root": "s3://acme-sales/orders",
  "storage_location": "s3://acme-sales/orders/__unitystorage/schemas/5c9e2a71-3b4d-4f6e-8a1c-2d3e4f5a6b7c",
  "properties": {"layer": "silver"},
  "enable_predictive_optimization": "ENABLE",
  "effective_predictive_optimization_flag": {"value": "ENABLE"},
  "custom_max_retention_hours": 336,
  "browse_only": false,
  "created_at": 1764576000000,
  "created_by": "jane.doe@example.com",
  "updated_at": 1764662400000,
  "updated_by": "jane.doe@example.com",
  "schema_tags": [{"key": "pii", "value": "false"}]
}"#;

const CREATE: &str = r#"{"name": "orders", "catalog_name": "sales", "comment": "Raw and cleaned orders",
  "storage_root": "s3://acme-sales/orders", "properties": {"layer": "silver"}}"#;
const UPDATE: &str = r#"{"owner": "sales-engineers", "enable_predictive_optimization": "ENABLE",
  "custom_max_retention_hours": 336}"#;
const ONE: &str = "/api/2.1/unity-catalog/schemas/sales.orders";

pub const CASES: &[Case] = &[
    Case {
        operation: "schemas.create",
        method: "POST",
        path: "/api/2.1/unity-catalog/schemas",
        query: &[],
        body: Some(CREATE),
        response: ORDERS,
        cli: &["schemas", "create", "--json", CREATE],
    },
    Case {
        operation: "schemas.delete",
        method: "DELETE",
        path: ONE,
        query: &[("force", "true")],
        body: None,
        response: EMPTY,
        cli: &["schemas", "delete", SCHEMA, "--force"],
    },
    Case {
        operation: "schemas.get",
        method: "GET",
        path: ONE,
        query: &[],
        body: None,
        response: ORDERS,
        cli: &["schemas", "get", SCHEMA],
    },
    Case {
        operation: "schemas.list",
        method: "GET",
        path: "/api/2.1/unity-catalog/schemas",
        query: &[("catalog_name", "sales"), ("max_results", "100")],
        body: None,
        response: r#"{"schemas": [
          {"name": "information_schema", "catalog_name": "sales", "full_name": "sales.information_schema",
           "owner": "System user", "comment": "Information schema (auto-created)"},
          {"name": "orders", "catalog_name": "sales", "full_name": "sales.orders", "owner": "sales-engineers",
           "effective_predictive_optimization_flag": {"value": "DISABLE", "inherited_from_type": "CATALOG",
             "inherited_from_name": "sales"}}
        ]}"#,
        cli: &["schemas", "list", "sales", "--max-results", "100"],
    },
    Case {
        operation: "schemas.update",
        method: "PATCH",
        path: ONE,
        query: &[],
        body: Some(UPDATE),
        response: ORDERS,
        cli: &["schemas", "update", SCHEMA, "--json", UPDATE],
    },
];
