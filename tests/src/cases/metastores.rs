//! Metastores (`/api/2.1/unity-catalog/...`): Unity Catalog metastores and workspace assignments, from a
//! workspace.

pub use super::account_metastore_assignments::{METASTORE_ID, WORKSPACE_ID};
use super::{Case, EMPTY};

/// A metastore as a workspace returns it (not wrapped, unlike the account API's), with `PUBLIC`, a sharing
/// scope this spec does not know, and `storage_root_credential_kind`, a field it does not know either.
pub const METASTORE: &str = r#"{
  "metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a",
  "global_metastore_id": "aws:us-east-1:8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a",
  "name": "main-us-east-1",
  "cloud": "aws",
  "region": "us-east-1",
  "owner": "metastore-admins",
  "storage_root": "s3://acme-unity-catalog/us-east-1/8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a",
  "storage_root_credential_id": "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7",
  "storage_root_credential_name": "acme-landing-zone",
  "default_data_access_config_id": "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7",
  "delta_sharing_scope": "PUBLIC",
  "delta_sharing_recipient_token_lifetime_in_seconds": 604800,
  "delta_sharing_organization_name": "acme",
  "privilege_model_version": "1.0",
  "external_access_enabled": true,
  "created_at": 1764576000000,
  "created_by": "admin@example.com",
  "updated_at": 1764662400000,
  "updated_by": "admin@example.com",
  "storage_root_credential_kind": "IAM_ROLE"
}"#;

const CREATE: &str = r#"{"name": "main-us-east-1", "region": "us-east-1",
  "storage_root": "s3://acme-unity-catalog/us-east-1", "external_access_enabled": true}"#;
const UPDATE: &str = r#"{"new_name": "main-us-east-1-prod", "owner": "metastore-admins",
  "delta_sharing_scope": "INTERNAL_AND_EXTERNAL", "delta_sharing_recipient_token_lifetime_in_seconds": 604800,
  "storage_root_credential_id": "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7"}"#;
const ASSIGN: &str = r#"{"metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a", "default_catalog_name": "main"}"#;
const UPDATE_ASSIGNMENT: &str = r#"{"default_catalog_name": "analytics"}"#;
const ONE: &str = "/api/2.1/unity-catalog/metastores/8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a";
const ASSIGNMENT: &str = "/api/2.1/unity-catalog/workspaces/1234567890123456/metastore";

pub const CASES: &[Case] = &[
    Case {
        operation: "metastores.assign",
        method: "PUT",
        path: ASSIGNMENT,
        query: &[],
        body: Some(ASSIGN),
        response: EMPTY,
        cli: &["metastores", "assign", "1234567890123456", METASTORE_ID, "main"],
    },
    Case {
        operation: "metastores.create",
        method: "POST",
        path: "/api/2.1/unity-catalog/metastores",
        query: &[],
        body: Some(CREATE),
        response: METASTORE,
        cli: &[
            "metastores",
            "create",
            "main-us-east-1",
            "--region",
            "us-east-1",
            "--storage-root",
            "s3://acme-unity-catalog/us-east-1",
            "--external-access-enabled",
        ],
    },
    Case {
        operation: "metastores.current",
        method: "GET",
        path: "/api/2.1/unity-catalog/current-metastore-assignment",
        query: &[],
        body: None,
        response: r#"{"metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a", "workspace_id": 1234567890123456,
          "default_catalog_name": "main"}"#,
        cli: &["metastores", "current"],
    },
    Case {
        operation: "metastores.delete",
        method: "DELETE",
        path: ONE,
        query: &[("force", "true")],
        body: None,
        response: EMPTY,
        cli: &["metastores", "delete", METASTORE_ID, "--force"],
    },
    Case {
        operation: "metastores.get",
        method: "GET",
        path: ONE,
        query: &[],
        body: None,
        response: METASTORE,
        cli: &["metastores", "get", METASTORE_ID],
    },
    Case {
        operation: "metastores.list",
        method: "GET",
        path: "/api/2.1/unity-catalog/metastores",
        query: &[("max_results", "0")],
        body: None,
        response: r#"{"metastores": [
          {"metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a", "name": "main-us-east-1", "region": "us-east-1",
           "owner": "metastore-admins", "delta_sharing_scope": "INTERNAL"},
          {"metastore_id": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", "name": "main-eu-west-1", "region": "eu-west-1",
           "owner": "metastore-admins", "delta_sharing_scope": "INTERNAL_AND_EXTERNAL"}
        ], "next_page_token": "CAEaJDVhNmI3YzhkLTllMGYtNGExYi04YzJkLTNlNGY1YTZiN2M4ZA=="}"#,
        cli: &["metastores", "list", "--max-results", "0"],
    },
    Case {
        operation: "metastores.summary",
        method: "GET",
        path: "/api/2.1/unity-catalog/metastore_summary",
        query: &[],
        body: None,
        response: METASTORE,
        cli: &["metastores", "summary"],
    },
    Case {
        operation: "metastores.unassign",
        method: "DELETE",
        path: ASSIGNMENT,
        query: &[("metastore_id", METASTORE_ID)],
        body: None,
        response: EMPTY,
        cli: &["metastores", "unassign", "1234567890123456", METASTORE_ID],
    },
    Case {
        operation: "metastores.update",
        method: "PATCH",
        path: ONE,
        query: &[],
        body: Some(UPDATE),
        response: METASTORE,
        cli: &["metastores", "update", METASTORE_ID, "--json", UPDATE],
    },
    Case {
        operation: "metastores.updateAssignment",
        method: "PATCH",
        path: ASSIGNMENT,
        query: &[],
        body: Some(UPDATE_ASSIGNMENT),
        response: EMPTY,
        cli: &[
            "metastores",
            "update-assignment",
            "1234567890123456",
            "--default-catalog-name",
            "analytics",
        ],
    },
];
