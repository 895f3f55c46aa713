//! Account metastores: the Unity Catalog metastores of the account.

pub use super::account_metastore_assignments::METASTORE_ID;
use super::{Case, EMPTY};

/// A metastore as the account console returns it, with `PUBLIC`, a sharing scope this spec does not know, and
/// `storage_root_credential_kind`, a field it does not know either.
pub const METASTORE: &str = r#"{"metastore_info": {
  "metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a",
  "global_metastore_id": "aws:us-east-1:8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a",
  "name": "main-us-east-1",
  "cloud": "aws",
  "region": "us-east-1",
  "owner": "account-admins",
  "storage_root": "s3://acme-unity-catalog/us-east-1/8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a",
  "delta_sharing_scope": "PUBLIC",
  "delta_sharing_recipient_token_lifetime_in_seconds": 86400,
  "privilege_model_version": "1.0",
  "external_access_enabled": false,
  "created_at": 1764576000000,
  "created_by": "admin@example.com",
  "storage_root_credential_kind": "IAM_ROLE"
}}"#;

const CREATE: &str = r#"{"metastore_info": {"name": "main-us-east-1", "region": "us-east-1",
  "storage_root": "s3://acme-unity-catalog/us-east-1"}}"#;
const UPDATE: &str = r#"{"metastore_info": {"owner": "account-admins", "delta_sharing_scope": "INTERNAL_AND_EXTERNAL",
  "delta_sharing_recipient_token_lifetime_in_seconds": 86400}}"#;
const ONE: &str =
    "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/metastores/8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a";

pub const CASES: &[Case] = &[
    Case {
        operation: "accountMetastores.create",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/metastores",
        query: &[],
        body: Some(CREATE),
        response: METASTORE,
        cli: &["account", "metastores", "create", "--json", CREATE],
    },
    Case {
        operation: "accountMetastores.delete",
        method: "DELETE",
        path: ONE,
        query: &[("force", "true")],
        body: None,
        response: EMPTY,
        cli: &["account", "metastores", "delete", METASTORE_ID, "--force"],
    },
    Case {
        operation: "accountMetastores.get",
        method: "GET",
        path: ONE,
        query: &[],
        body: None,
        response: METASTORE,
        cli: &["account", "metastores", "get", METASTORE_ID],
    },
    Case {
        operation: "accountMetastores.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/metastores",
        query: &[],
        body: None,
        response: r#"{"metastores": [{"metastore_id": "8d1c2b3a-4f5e-4d6c-9b8a-7f6e5d4c3b2a", "name": "main-us-east-1",
          "region": "us-east-1", "delta_sharing_scope": "INTERNAL"}]}"#,
        cli: &["account", "metastores", "list"],
    },
    Case {
        operation: "accountMetastores.update",
        method: "PUT",
        path: ONE,
        query: &[],
        body: Some(UPDATE),
        response: METASTORE,
        cli: &["account", "metastores", "update", METASTORE_ID, "--json", UPDATE],
    },
];
