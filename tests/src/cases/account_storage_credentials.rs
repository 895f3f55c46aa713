//! Account storage credentials: the Unity Catalog storage credentials of a metastore, from the account.

pub use super::account_metastore_assignments::METASTORE_ID;
use super::{Case, EMPTY};

pub const NAME: &str = "acme-landing-zone";

/// A credential as the account console returns it, with `ISOLATION_MODE_RESTRICTED`, a mode this spec does not
/// know, and `used_by_locations`, a field it does not know either.
pub const CREDENTIAL: &str = r#"{"credential_info": {
  "id": "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7",
  "name": "acme-landing-zone",
  "full_name": "acme-landing-zone",
  "metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a",
  "owner": "account-admins",
  "comment": "Landing zone buckets",
  "read_only": false,
  "isolation_mode": "ISOLATION_MODE_RESTRICTED",
  "aws_iam_role": {
    "role_arn": "arn:aws:iam::123456789012:role/uc-landing-zone",
    "external_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
    "unity_catalog_iam_arn": "arn:aws:iam::414351767826:role/unity-catalog-prod-UCMasterRole-14S5ZJVKOTYTL"
  },
  "created_at": 1764576000000,
  "created_by": "admin@example.com",
  "used_by_locations": 3
}}"#;

const CREATE: &str = r#"{"credential_info": {"name": "acme-landing-zone",
  "aws_iam_role": {"role_arn": "arn:aws:iam::123456789012:role/uc-landing-zone"}, "comment": "Landing zone buckets"},
  "skip_validation": true}"#;
const UPDATE: &str = r#"{"credential_info": {"owner": "account-admins", "read_only": true,
  "isolation_mode": "ISOLATION_MODE_ISOLATED"}}"#;
const LIST: &str = "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/metastores/8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a/storage-credentials";
const ONE: &str = "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/metastores/8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a/storage-credentials/acme-landing-zone";

pub const CASES: &[Case] = &[
    Case {
        operation: "accountStorageCredentials.create",
        method: "POST",
        path: LIST,
        query: &[],
        body: Some(CREATE),
        response: CREDENTIAL,
        cli: &[
            "account",
            "storage-credentials",
            "create",
            METASTORE_ID,
            "--json",
            CREATE,
        ],
    },
    Case {
        operation: "accountStorageCredentials.delete",
        method: "DELETE",
        path: ONE,
        query: &[("force", "true")],
        body: None,
        response: EMPTY,
        cli: &[
            "account",
            "storage-credentials",
            "delete",
            METASTORE_ID,
            NAME,
            "--force",
        ],
    },
    Case {
        operation: "accountStorageCredentials.get",
        method: "GET",
        path: ONE,
        query: &[],
        body: None,
        response: CREDENTIAL,
        cli: &["account", "storage-credentials", "get", METASTORE_ID, NAME],
    },
    Case {
        operation: "accountStorageCredentials.list",
        method: "GET",
        path: LIST,
        query: &[],
        body: None,
        response: r#"{"storage_credentials": [{"id": "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7", "name": "acme-landing-zone",
          "databricks_gcp_service_account": {"email": "uc-123@gcp-sa.iam.gserviceaccount.com",
          "credential_id": "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e"}, "isolation_mode": "ISOLATION_MODE_OPEN"}]}"#,
        cli: &["account", "storage-credentials", "list", METASTORE_ID],
    },
    Case {
        operation: "accountStorageCredentials.update",
        method: "PUT",
        path: ONE,
        query: &[],
        body: Some(UPDATE),
        response: CREDENTIAL,
        cli: &[
            "account",
            "storage-credentials",
            "update",
            METASTORE_ID,
            NAME,
            "--json",
            UPDATE,
        ],
    },
];
