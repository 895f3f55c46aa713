//! Account customer-managed key configurations (`/api/2.0/accounts/{account_id}/customer-managed-keys`).

use super::Case;

pub const CUSTOMER_MANAGED_KEY_ID: &str = "4b9d2e61-0a7c-4f35-8e1b-6c2d9a0f3b78";

const KEY: &str = r#"{
  "customer_managed_key_id": "4b9d2e61-0a7c-4f35-8e1b-6c2d9a0f3b78",
  "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
  "creation_time": 1718032500000,
  "use_cases": ["MANAGED_SERVICES", "STORAGE"],
  "aws_key_info": {
    "key_arn": "arn:aws:kms:us-west-2:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
    "key_alias": "alias/databricks-workspace",
    "key_region": "us-west-2",
    "reuse_key_for_cluster_volumes": true
  },
  "future_field": {"nested": [1, 2]}
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "accountEncryptionKeys.create",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/customer-managed-keys",
        query: &[],
        body: Some(
            r#"{"use_cases": ["MANAGED_SERVICES", "STORAGE"],
                "aws_key_info": {"key_arn": "arn:aws:kms:us-west-2:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
                                 "key_alias": "alias/databricks-workspace", "reuse_key_for_cluster_volumes": true}}"#,
        ),
        response: KEY,
        cli: &[
            "account",
            "encryption-keys",
            "create",
            "--use-cases",
            "MANAGED_SERVICES",
            "--use-cases",
            "STORAGE",
            "--json",
            r#"{"aws_key_info": {"key_arn": "arn:aws:kms:us-west-2:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
                                "key_alias": "alias/databricks-workspace", "reuse_key_for_cluster_volumes": true}}"#,
        ],
    },
    Case {
        operation: "accountEncryptionKeys.delete",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/customer-managed-keys/4b9d2e61-0a7c-4f35-8e1b-6c2d9a0f3b78",
        query: &[],
        body: None,
        response: KEY,
        cli: &["account", "encryption-keys", "delete", CUSTOMER_MANAGED_KEY_ID],
    },
    Case {
        operation: "accountEncryptionKeys.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/customer-managed-keys/4b9d2e61-0a7c-4f35-8e1b-6c2d9a0f3b78",
        query: &[],
        body: None,
        response: KEY,
        cli: &["account", "encryption-keys", "get", CUSTOMER_MANAGED_KEY_ID],
    },
    Case {
        operation: "accountEncryptionKeys.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/customer-managed-keys",
        query: &[],
        body: None,
        response: r#"[
          {
            "customer_managed_key_id": "4b9d2e61-0a7c-4f35-8e1b-6c2d9a0f3b78",
            "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
            "creation_time": 1718032500000,
            "use_cases": ["MANAGED_SERVICES", "STORAGE"],
            "aws_key_info": {
              "key_arn": "arn:aws:kms:us-west-2:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
              "key_region": "us-west-2"
            }
          },
          {
            "customer_managed_key_id": "7c3e5a1b-9d2f-4e60-b8a4-1f0c2d3e4a5b",
            "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
            "creation_time": 1706746800000,
            "use_cases": ["STORAGE", "LAKEBASE"],
            "gcp_key_info": {
              "kms_key_id": "projects/acme-security/locations/us-east4/keyRings/databricks/cryptoKeys/workspace-cmk",
              "gcp_service_account": {"service_account_email": "db-cmk-0d3c6f1a@prod-gcp-us-east4.iam.gserviceaccount.com"},
              "manual": false
            },
            "future_field": {"nested": [1, 2]}
          },
          {
            "customer_managed_key_id": "2a4c6e8f-0b1d-4f3a-9c5e-7d9f1b3d5f7a",
            "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
            "creation_time": 1709251200000,
            "use_cases": ["MANAGED_SERVICES"],
            "azure_key_info": {
              "key_vault_uri": "https://acme-databricks-kv.vault.azure.net/",
              "key_name": "databricks-cmk",
              "version": "8f1c2d3e4a5b46c7a8b9c0d1e2f3a4b5",
              "tenant_id": "72f988bf-86f1-41af-91ab-2d7cd011db47",
              "key_access_configuration": {"credential_id": "f3e2d1c0-b9a8-4766-8554-433221100fed"}
            }
          }
        ]"#,
        cli: &["account", "encryption-keys", "list"],
    },
];
