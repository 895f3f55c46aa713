//! Account storage configurations (`/api/2.0/accounts/{account_id}/storage-configurations`).

use super::Case;

pub const STORAGE_CONFIGURATION_ID: &str = "5e2f0c3a-91b7-4d68-8a0e-c4f1b9d27e55";

const STORAGE_CONFIGURATION: &str = r#"{
  "storage_configuration_id": "5e2f0c3a-91b7-4d68-8a0e-c4f1b9d27e55",
  "storage_configuration_name": "sales-analytics-root",
  "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
  "root_bucket_info": {"bucket_name": "acme-databricks-root"},
  "role_arn": "arn:aws:iam::123456789012:role/databricks-workspace-catalog",
  "creation_time": 1718031900000,
  "future_field": {"nested": [1, 2]}
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "accountStorage.create",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/storage-configurations",
        query: &[],
        body: Some(
            r#"{"storage_configuration_name": "sales-analytics-root",
                "root_bucket_info": {"bucket_name": "acme-databricks-root"},
                "role_arn": "arn:aws:iam::123456789012:role/databricks-workspace-catalog"}"#,
        ),
        response: STORAGE_CONFIGURATION,
        cli: &[
            "account",
            "storage",
            "create",
            "sales-analytics-root",
            "--role-arn",
            "arn:aws:iam::123456789012:role/databricks-workspace-catalog",
            "--json",
            r#"{"root_bucket_info": {"bucket_name": "acme-databricks-root"}}"#,
        ],
    },
    Case {
        operation: "accountStorage.delete",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/storage-configurations/5e2f0c3a-91b7-4d68-8a0e-c4f1b9d27e55",
        query: &[],
        body: None,
        response: STORAGE_CONFIGURATION,
        cli: &["account", "storage", "delete", STORAGE_CONFIGURATION_ID],
    },
    Case {
        operation: "accountStorage.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/storage-configurations/5e2f0c3a-91b7-4d68-8a0e-c4f1b9d27e55",
        query: &[],
        body: None,
        response: STORAGE_CONFIGURATION,
        cli: &["account", "storage", "get", STORAGE_CONFIGURATION_ID],
    },
    Case {
        operation: "accountStorage.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/storage-configurations",
        query: &[],
        body: None,
        response: r#"[
          {
            "storage_configuration_id": "5e2f0c3a-91b7-4d68-8a0e-c4f1b9d27e55",
            "storage_configuration_name": "sales-analytics-root",
            "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
            "root_bucket_info": {"bucket_name": "acme-databricks-root"},
            "creation_time": 1718031900000
          },
          {
            "storage_configuration_id": "8d4c2b1a-0f9e-4d7c-b6a5-43f2e1d0c9b8",
            "storage_configuration_name": "research-root",
            "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
            "root_bucket_info": {"bucket_name": "acme-research-root", "bucket_region": "eu-west-1"},
            "creation_time": 1706746000000,
            "future_field": {"nested": [1, 2]}
          }
        ]"#,
        cli: &["account", "storage", "list"],
    },
];
