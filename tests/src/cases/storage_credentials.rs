//! Storage credentials (`/api/2.1/unity-catalog/storage-credentials`): the cloud identities Unity Catalog
//! uses to reach cloud storage, from a workspace.

pub use super::account_storage_credentials::NAME;
use super::{Case, EMPTY};

/// A credential as a workspace returns it (not wrapped, unlike the account API's), with
/// `ISOLATION_MODE_RESTRICTED`, a mode this spec does not know, and `used_by_locations`, a field it does not
/// know either.
pub const CREDENTIAL: &str = r#"{
  "id": "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7",
  "name": "acme-landing-zone",
  "full_name": "acme-landing-zone",
  "metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a",
  "owner": "data-platform",
  "comment": "Landing zone buckets",
  "read_only": false,
  "used_for_managed_storage": false,
  "isolation_mode": "ISOLATION_MODE_RESTRICTED",
  "aws_iam_role": {
    "role_arn": "arn:aws:iam::123456789012:role/uc-landing-zone",
    "external_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
    "unity_catalog_iam_arn": "arn:aws:iam::414351767826:role/unity-catalog-prod-UCMasterRole-14S5ZJVKOTYTL"
  },
  "created_at": 1764576000000,
  "created_by": "admin@example.com",
  "updated_at": 1764662400000,
  "updated_by": "admin@example.com",
  "used_by_locations": 3
}"#;

const CREATE: &str = r#"{"name": "acme-landing-zone", "comment": "Landing zone buckets", "read_only": false,
  "skip_validation": true, "aws_iam_role": {"role_arn": "arn:aws:iam::123456789012:role/uc-landing-zone"}}"#;
const UPDATE: &str = r#"{"new_name": "acme-landing-zone-prod", "owner": "data-platform",
  "isolation_mode": "ISOLATION_MODE_ISOLATED", "force": true,
  "azure_service_principal": {"directory_id": "72f988bf-86f1-41af-91ab-2d7cd011db47",
    "application_id": "4f8e2c1a-9b3d-4e5f-a6b7-c8d9e0f1a2b3", "client_secret": "s3cr3t~value"}}"#;
const VALIDATE: &str = r#"{"storage_credential_name": "acme-landing-zone", "url": "s3://acme-landing-zone/raw",
  "read_only": false}"#;
const ONE: &str = "/api/2.1/unity-catalog/storage-credentials/acme-landing-zone";

pub const CASES: &[Case] = &[
    Case {
        operation: "storageCredentials.create",
        method: "POST",
        path: "/api/2.1/unity-catalog/storage-credentials",
        query: &[],
        body: Some(CREATE),
        response: CREDENTIAL,
        cli: &["storage-credentials", "create", "--json", CREATE],
    },
    Case {
        operation: "storageCredentials.delete",
        method: "DELETE",
        path: ONE,
        query: &[("force", "true")],
        body: None,
        response: EMPTY,
        cli: &["storage-credentials", "delete", NAME, "--force"],
    },
    Case {
        operation: "storageCredentials.get",
        method: "GET",
        path: ONE,
        query: &[],
        body: None,
        response: CREDENTIAL,
        cli: &["storage-credentials", "get", NAME],
    },
    Case {
        operation: "storageCredentials.list",
        method: "GET",
        path: "/api/2.1/unity-catalog/storage-credentials",
        query: &[("include_unbound", "true"), ("max_results", "50")],
        body: None,
        response: r#"{"storage_credentials": [
          {"id": "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7", "name": "acme-landing-zone", "owner": "data-platform",
           "read_only": false, "isolation_mode": "ISOLATION_MODE_OPEN",
           "aws_iam_role": {"role_arn": "arn:aws:iam::123456789012:role/uc-landing-zone"}},
          {"id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "name": "acme-adls", "owner": "data-platform",
           "read_only": true, "isolation_mode": "ISOLATION_MODE_ISOLATED",
           "azure_managed_identity": {"access_connector_id": "/subscriptions/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e/resourceGroups/uc/providers/Microsoft.Databricks/accessConnectors/uc-connector",
             "credential_id": "7c6d5e4f-3a2b-4c1d-9e8f-7a6b5c4d3e2f"}}
        ], "next_page_token": "CAEaEWFjbWUtYWRscw=="}"#,
        cli: &[
            "storage-credentials",
            "list",
            "--include-unbound",
            "--max-results",
            "50",
        ],
    },
    Case {
        operation: "storageCredentials.update",
        method: "PATCH",
        path: ONE,
        query: &[],
        body: Some(UPDATE),
        response: CREDENTIAL,
        cli: &["storage-credentials", "update", NAME, "--json", UPDATE],
    },
    Case {
        operation: "storageCredentials.validate",
        method: "POST",
        path: "/api/2.1/unity-catalog/validate-storage-credentials",
        query: &[],
        body: Some(VALIDATE),
        // `HEAD_OBJECT` is an operation this spec does not know.
        response: r#"{"isDir": true, "results": [
          {"operation": "READ", "result": "PASS"},
          {"operation": "LIST", "result": "PASS"},
          {"operation": "WRITE", "result": "FAIL", "message": "Access Denied writing s3://acme-landing-zone/raw"},
          {"operation": "DELETE", "result": "SKIP"},
          {"operation": "HEAD_OBJECT", "result": "PASS"}
        ]}"#,
        cli: &[
            "storage-credentials",
            "validate",
            "--storage-credential-name",
            NAME,
            "--url",
            "s3://acme-landing-zone/raw",
            "--read-only=false",
        ],
    },
];
