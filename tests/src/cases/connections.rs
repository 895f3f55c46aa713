//! Unity Catalog connections (`/api/2.1/unity-catalog/connections[/{name}]`).

use super::{Case, EMPTY};

/// The connection the cases are about.
pub const CONNECTION: &str = "orders-postgres";

/// The password the create and update requests carry, which must never show in `Debug` output.
pub const PASSWORD: &str = "correct-horse-battery-staple";

/// The connection as the workspace returns it, secret options left out, with a credential type this spec
/// does not know and `connection_tags`, a field it does not know either.
pub const ORDERS_POSTGRES: &str = r#"{
  "name": "orders-postgres",
  "full_name": "orders-postgres",
  "connection_id": "6d7e8f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
  "connection_type": "POSTGRESQL",
  "credential_type": "KERBEROS_KEYTAB",
  "url": "orders.db.example.com:5432",
  "options": {"host": "orders.db.example.com", "port": "5432", "user": "databricks_reader"},
  "secrets": {"password": "sales.integrations.orders_db_password"},
  "properties": {"purpose": "federation"},
  "read_only": true,
  "comment": "The orders database",
  "owner": "data-platform",
  "metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a",
  "environment_settings": {"environment_version": "2", "java_dependencies": ["/Volumes/sales/integrations/jars/postgresql-42.7.4.jar"]},
  "provisioning_info": {"state": "ACTIVE"},
  "securable_type": "CONNECTION",
  "created_at": 1764576000000,
  "created_by": "jane.doe@example.com",
  "updated_at": 1764662400000,
  "updated_by": "jane.doe@example.com",
  "connection_tags": [{"key": "tier", "value": "gold"}]
}"#;

const CREATE: &str = r#"{"name": "orders-postgres", "connection_type": "POSTGRESQL",
  "options": {"host": "orders.db.example.com", "port": "5432", "user": "databricks_reader",
              "password": "correct-horse-battery-staple"},
  "properties": {"purpose": "federation"}, "read_only": true, "comment": "The orders database"}"#;
const UPDATE: &str = r#"{"options": {"host": "orders.db.example.com", "port": "5432", "user": "databricks_reader",
  "password": "correct-horse-battery-staple"}, "owner": "data-platform"}"#;
const ONE: &str = "/api/2.1/unity-catalog/connections/orders-postgres";

pub const CASES: &[Case] = &[
    Case {
        operation: "connections.create",
        method: "POST",
        path: "/api/2.1/unity-catalog/connections",
        query: &[],
        body: Some(CREATE),
        response: ORDERS_POSTGRES,
        cli: &["connections", "create", "--json", CREATE],
    },
    Case {
        operation: "connections.delete",
        method: "DELETE",
        path: ONE,
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["connections", "delete", CONNECTION],
    },
    Case {
        operation: "connections.get",
        method: "GET",
        path: ONE,
        query: &[],
        body: None,
        response: ORDERS_POSTGRES,
        cli: &["connections", "get", CONNECTION],
    },
    Case {
        operation: "connections.list",
        method: "GET",
        path: "/api/2.1/unity-catalog/connections",
        query: &[("max_results", "50")],
        body: None,
        // A Snowflake connection signing in with OAuth beside the PostgreSQL one, and a connection type this
        // spec does not know.
        response: r#"{"connections": [
          {"name": "orders-postgres", "connection_type": "POSTGRESQL", "credential_type": "USERNAME_PASSWORD",
           "owner": "data-platform", "read_only": true},
          {"name": "finance-snowflake", "connection_type": "SNOWFLAKE", "credential_type": "OAUTH_U2M",
           "owner": "finance-admins", "provisioning_info": {"state": "PROVISIONING"}},
          {"name": "erp-hana", "connection_type": "SAP_HANA", "credential_type": "USERNAME_PASSWORD"}
        ]}"#,
        cli: &["connections", "list", "--max-results", "50"],
    },
    Case {
        operation: "connections.update",
        method: "PATCH",
        path: ONE,
        query: &[],
        body: Some(UPDATE),
        response: ORDERS_POSTGRES,
        cli: &["connections", "update", CONNECTION, "--json", UPDATE],
    },
];
