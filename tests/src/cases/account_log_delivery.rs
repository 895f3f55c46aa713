//! Account log delivery configurations (`/api/2.0/accounts/{account_id}/log-delivery`).

use super::{Case, EMPTY};

pub const CONFIG_ID: &str = "2c1a9f7e-5b3d-4e8a-a6c4-0d9e8f7a6b5c";

pub const CASES: &[Case] = &[
    Case {
        operation: "accountLogDelivery.create",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/log-delivery",
        query: &[],
        body: Some(
            r#"{"log_delivery_configuration": {
                 "config_name": "audit-logs-to-s3",
                 "log_type": "AUDIT_LOGS",
                 "output_format": "JSON",
                 "credentials_id": "c7a9e6f2-3b1d-4e8a-9c0f-5d2b7e1a4f36",
                 "storage_configuration_id": "5e2f0c3a-91b7-4d68-8a0e-c4f1b9d27e55",
                 "delivery_path_prefix": "databricks/audit",
                 "workspace_ids_filter": [1234567890123456]
               }}"#,
        ),
        response: r#"{
          "log_delivery_configuration": {
            "config_id": "2c1a9f7e-5b3d-4e8a-a6c4-0d9e8f7a6b5c",
            "config_name": "audit-logs-to-s3",
            "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
            "log_type": "AUDIT_LOGS",
            "output_format": "JSON",
            "credentials_id": "c7a9e6f2-3b1d-4e8a-9c0f-5d2b7e1a4f36",
            "storage_configuration_id": "5e2f0c3a-91b7-4d68-8a0e-c4f1b9d27e55",
            "delivery_path_prefix": "databricks/audit",
            "workspace_ids_filter": [1234567890123456],
            "status": "ENABLED",
            "creation_time": 1718033000000,
            "update_time": 1718033000000,
            "log_delivery_status": {"status": "CREATED", "message": "No log delivery attempted yet."},
            "future_field": {"nested": [1, 2]}
          }
        }"#,
        cli: &[
            "account",
            "log-delivery",
            "create",
            "--json",
            r#"{"log_delivery_configuration": {
                 "config_name": "audit-logs-to-s3",
                 "log_type": "AUDIT_LOGS",
                 "output_format": "JSON",
                 "credentials_id": "c7a9e6f2-3b1d-4e8a-9c0f-5d2b7e1a4f36",
                 "storage_configuration_id": "5e2f0c3a-91b7-4d68-8a0e-c4f1b9d27e55",
                 "delivery_path_prefix": "databricks/audit",
                 "workspace_ids_filter": [1234567890123456]
               }}"#,
        ],
    },
    Case {
        operation: "accountLogDelivery.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/log-delivery/2c1a9f7e-5b3d-4e8a-a6c4-0d9e8f7a6b5c",
        query: &[],
        body: None,
        response: r#"{
          "log_delivery_configuration": {
            "config_id": "2c1a9f7e-5b3d-4e8a-a6c4-0d9e8f7a6b5c",
            "config_name": "audit-logs-to-s3",
            "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
            "log_type": "AUDIT_LOGS",
            "output_format": "JSON",
            "credentials_id": "c7a9e6f2-3b1d-4e8a-9c0f-5d2b7e1a4f36",
            "storage_configuration_id": "5e2f0c3a-91b7-4d68-8a0e-c4f1b9d27e55",
            "delivery_path_prefix": "databricks/audit",
            "status": "ENABLED",
            "creation_time": 1718033000000,
            "update_time": 1718033000000,
            "log_delivery_status": {
              "status": "USER_FAILURE",
              "message": "Access Denied: the role cannot write to s3://acme-databricks-root/databricks/audit.",
              "last_attempt_time": "2024-06-11T04:12:55Z",
              "last_successful_attempt_time": "2024-06-10T04:11:02Z"
            },
            "future_field": {"nested": [1, 2]}
          },
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["account", "log-delivery", "get", CONFIG_ID],
    },
    Case {
        operation: "accountLogDelivery.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/log-delivery",
        query: &[
            ("storage_configuration_id", "5e2f0c3a-91b7-4d68-8a0e-c4f1b9d27e55"),
            ("status", "ENABLED"),
        ],
        body: None,
        response: r#"{
          "log_delivery_configurations": [
            {
              "config_id": "2c1a9f7e-5b3d-4e8a-a6c4-0d9e8f7a6b5c",
              "config_name": "audit-logs-to-s3",
              "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
              "log_type": "AUDIT_LOGS",
              "output_format": "JSON",
              "credentials_id": "c7a9e6f2-3b1d-4e8a-9c0f-5d2b7e1a4f36",
              "storage_configuration_id": "5e2f0c3a-91b7-4d68-8a0e-c4f1b9d27e55",
              "status": "ENABLED",
              "creation_time": 1718033000000,
              "log_delivery_status": {"status": "SUCCEEDED", "message": "Logs delivered.", "last_attempt_time": "2024-06-11T04:12:55Z"}
            },
            {
              "config_id": "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
              "config_name": "usage-to-s3",
              "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
              "log_type": "SYSTEM_TABLES",
              "output_format": "PARQUET",
              "credentials_id": "c7a9e6f2-3b1d-4e8a-9c0f-5d2b7e1a4f36",
              "storage_configuration_id": "5e2f0c3a-91b7-4d68-8a0e-c4f1b9d27e55",
              "delivery_start_time": "2024-01",
              "status": "ENABLED",
              "creation_time": 1704067200000,
              "log_delivery_status": {"status": "DELAYED", "message": "Delivery is behind schedule."},
              "future_field": {"nested": [1, 2]}
            }
          ],
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &[
            "account",
            "log-delivery",
            "list",
            "--storage-configuration-id",
            "5e2f0c3a-91b7-4d68-8a0e-c4f1b9d27e55",
            "--status",
            "ENABLED",
        ],
    },
    Case {
        operation: "accountLogDelivery.patchStatus",
        method: "PATCH",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/log-delivery/2c1a9f7e-5b3d-4e8a-a6c4-0d9e8f7a6b5c",
        query: &[],
        body: Some(r#"{"status": "DISABLED"}"#),
        response: EMPTY,
        cli: &["account", "log-delivery", "patch-status", CONFIG_ID, "DISABLED"],
    },
];
