//! Account workspaces (`/api/2.0/accounts/{account_id}/workspaces`).

use super::Case;
use super::account_credentials::CREDENTIALS_ID;
use super::account_networks::NETWORK_ID;
use super::account_storage::STORAGE_CONFIGURATION_ID;

pub const WORKSPACE_ID: i64 = 1_234_567_890_123_456;

/// The workspace as `delete` answers it: what it was just before.
const WORKSPACE: &str = r#"{
  "workspace_id": 1234567890123456,
  "workspace_name": "sales-analytics",
  "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
  "aws_region": "us-west-2",
  "cloud": "aws",
  "compute_mode": "HYBRID",
  "creation_time": 1718035200000,
  "credentials_id": "c7a9e6f2-3b1d-4e8a-9c0f-5d2b7e1a4f36",
  "storage_configuration_id": "5e2f0c3a-91b7-4d68-8a0e-c4f1b9d27e55",
  "network_id": "9a1e8b44-6f0c-4d2a-b1e3-27c5d8f0a612",
  "deployment_name": "acme-sales-analytics",
  "pricing_tier": "ENTERPRISE",
  "storage_mode": "CUSTOMER_HOSTED",
  "custom_tags": {"cost-center": "cc-2041"},
  "workspace_status": "PROVISIONING",
  "workspace_status_message": "Workspace resources are being set up."
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "accountWorkspaces.create",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/workspaces",
        query: &[],
        body: Some(
            r#"{
              "workspace_name": "sales-analytics",
              "deployment_name": "sales-analytics",
              "aws_region": "us-west-2",
              "pricing_tier": "ENTERPRISE",
              "credentials_id": "c7a9e6f2-3b1d-4e8a-9c0f-5d2b7e1a4f36",
              "storage_configuration_id": "5e2f0c3a-91b7-4d68-8a0e-c4f1b9d27e55",
              "network_id": "9a1e8b44-6f0c-4d2a-b1e3-27c5d8f0a612",
              "custom_tags": {"cost-center": "cc-2041"}
            }"#,
        ),
        response: r#"{
          "workspace_id": 1234567890123456,
          "workspace_name": "sales-analytics",
          "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
          "aws_region": "us-west-2",
          "cloud": "aws",
          "creation_time": 1718035200000,
          "credentials_id": "c7a9e6f2-3b1d-4e8a-9c0f-5d2b7e1a4f36",
          "storage_configuration_id": "5e2f0c3a-91b7-4d68-8a0e-c4f1b9d27e55",
          "network_id": "9a1e8b44-6f0c-4d2a-b1e3-27c5d8f0a612",
          "deployment_name": "acme-sales-analytics",
          "pricing_tier": "ENTERPRISE",
          "custom_tags": {"cost-center": "cc-2041"},
          "workspace_status": "PROVISIONING",
          "workspace_status_message": "Workspace resources are being set up.",
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &[
            "account",
            "workspaces",
            "create",
            "--workspace-name",
            "sales-analytics",
            "--deployment-name",
            "sales-analytics",
            "--aws-region",
            "us-west-2",
            "--pricing-tier",
            "ENTERPRISE",
            "--credentials-id",
            CREDENTIALS_ID,
            "--storage-configuration-id",
            STORAGE_CONFIGURATION_ID,
            "--network-id",
            NETWORK_ID,
            "--json",
            r#"{"custom_tags": {"cost-center": "cc-2041"}}"#,
        ],
    },
    Case {
        operation: "accountWorkspaces.delete",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/workspaces/1234567890123456",
        query: &[],
        body: None,
        response: WORKSPACE,
        cli: &["account", "workspaces", "delete", "1234567890123456"],
    },
    Case {
        operation: "accountWorkspaces.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/workspaces/1234567890123456",
        query: &[],
        body: None,
        response: r#"{
          "workspace_id": 1234567890123456,
          "workspace_name": "sales-analytics",
          "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
          "aws_region": "us-west-2",
          "cloud": "aws",
          "compute_mode": "HYBRID",
          "creation_time": 1718035200000,
          "credentials_id": "c7a9e6f2-3b1d-4e8a-9c0f-5d2b7e1a4f36",
          "storage_configuration_id": "5e2f0c3a-91b7-4d68-8a0e-c4f1b9d27e55",
          "storage_customer_managed_key_id": "4b9d2e61-0a7c-4f35-8e1b-6c2d9a0f3b78",
          "managed_services_customer_managed_key_id": "4b9d2e61-0a7c-4f35-8e1b-6c2d9a0f3b78",
          "network_id": "9a1e8b44-6f0c-4d2a-b1e3-27c5d8f0a612",
          "private_access_settings_id": "3f7c1a90-5e2b-4d84-a6c1-0b9e8d7f2a45",
          "network_connectivity_config_id": "ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f",
          "deployment_name": "acme-sales-analytics",
          "pricing_tier": "ENTERPRISE",
          "storage_mode": "CUSTOMER_HOSTED",
          "custom_tags": {"cost-center": "cc-2041"},
          "workspace_status": "RUNNING",
          "workspace_status_message": "Workspace is running.",
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["account", "workspaces", "get", "1234567890123456"],
    },
    Case {
        operation: "accountWorkspaces.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/workspaces",
        query: &[],
        body: None,
        response: r#"[
          {
            "workspace_id": 1234567890123456,
            "workspace_name": "sales-analytics",
            "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
            "aws_region": "us-west-2",
            "cloud": "aws",
            "creation_time": 1718035200000,
            "deployment_name": "acme-sales-analytics",
            "pricing_tier": "ENTERPRISE",
            "workspace_status": "RUNNING",
            "workspace_status_message": "Workspace is running."
          },
          {
            "workspace_id": 2345678901234567,
            "workspace_name": "gcp-research",
            "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
            "cloud": "gcp",
            "location": "us-east4",
            "cloud_resource_container": {"gcp": {"project_id": "acme-research"}},
            "gke_config": {"connectivity_type": "PRIVATE_NODE_PUBLIC_MASTER", "master_ip_range": "10.3.0.0/28"},
            "gcp_managed_network_config": {
              "subnet_cidr": "10.0.0.0/16",
              "gke_cluster_pod_ip_range": "10.1.0.0/16",
              "gke_cluster_service_ip_range": "10.2.0.0/20"
            },
            "creation_time": 1721577600000,
            "deployment_name": "acme-gcp-research",
            "pricing_tier": "PREMIUM",
            "compute_mode": "SERVERLESS",
            "storage_mode": "DEFAULT_STORAGE",
            "workspace_status": "SUSPENDED",
            "workspace_status_message": "Workspace is suspended.",
            "future_field": {"nested": [1, 2]}
          }
        ]"#,
        cli: &["account", "workspaces", "list"],
    },
    Case {
        operation: "accountWorkspaces.update",
        method: "PATCH",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/workspaces/1234567890123456",
        query: &[("update_mask", "workspace_name,custom_tags")],
        body: Some(r#"{"workspace_name": "sales-analytics-emea", "custom_tags": {"cost-center": "cc-3107"}}"#),
        response: r#"{
          "workspace_id": 1234567890123456,
          "workspace_name": "sales-analytics-emea",
          "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
          "aws_region": "us-west-2",
          "cloud": "aws",
          "creation_time": 1718035200000,
          "deployment_name": "acme-sales-analytics",
          "pricing_tier": "ENTERPRISE",
          "custom_tags": {"cost-center": "cc-3107"},
          "workspace_status": "RUNNING",
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &[
            "account",
            "workspaces",
            "update",
            "1234567890123456",
            "--update-mask",
            "workspace_name,custom_tags",
            "--workspace-name",
            "sales-analytics-emea",
            "--json",
            r#"{"custom_tags": {"cost-center": "cc-3107"}}"#,
        ],
    },
];
