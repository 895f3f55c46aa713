//! Account network connectivity configurations and their private endpoint rules
//! (`/api/2.0/accounts/{account_id}/network-connectivity-configs`).

use super::{Case, EMPTY};

pub const NCC_ID: &str = "ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f";
pub const RULE_ID: &str = "6e5d4c3b-2a19-4f08-b7e6-d5c4b3a29180";

const NCC: &str = r#"{
  "network_connectivity_config_id": "ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f",
  "name": "us-west-2-serverless",
  "region": "us-west-2",
  "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
  "creation_time": 1718033400000,
  "updated_time": 1718119800000,
  "egress_config": {
    "default_rules": {"aws_stable_ip_rule": {"cidr_blocks": ["52.27.216.188/32", "44.234.192.32/28"]}},
    "target_rules": {
      "aws_private_endpoint_rules": [
        {
          "rule_id": "6e5d4c3b-2a19-4f08-b7e6-d5c4b3a29180",
          "network_connectivity_config_id": "ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f",
          "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
          "connection_state": "ESTABLISHED",
          "endpoint_service": "com.amazonaws.us-west-2.s3",
          "resource_names": ["acme-lakehouse-prod"],
          "enabled": true,
          "vpc_endpoint_id": "vpce-0123abcd4567ef890",
          "creation_time": 1718033700000
        }
      ]
    }
  },
  "future_field": {"nested": [1, 2]}
}"#;

/// An S3 private endpoint rule waiting for its endpoint to be created.
const RULE: &str = r#"{
  "rule_id": "6e5d4c3b-2a19-4f08-b7e6-d5c4b3a29180",
  "network_connectivity_config_id": "ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f",
  "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
  "connection_state": "CREATING",
  "endpoint_service": "com.amazonaws.us-west-2.s3",
  "resource_names": ["acme-lakehouse-prod"],
  "enabled": true,
  "creation_time": 1718033700000,
  "updated_time": 1718033700000,
  "future_field": {"nested": [1, 2]}
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "accountNetworkConnectivity.createNetworkConnectivityConfiguration",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/network-connectivity-configs",
        query: &[],
        body: Some(r#"{"name": "us-west-2-serverless", "region": "us-west-2"}"#),
        response: NCC,
        cli: &[
            "account",
            "network-connectivity",
            "create-network-connectivity-configuration",
            "us-west-2-serverless",
            "us-west-2",
        ],
    },
    Case {
        operation: "accountNetworkConnectivity.createPrivateEndpointRule",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/network-connectivity-configs/ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f/private-endpoint-rules",
        query: &[],
        body: Some(r#"{"endpoint_service": "com.amazonaws.us-west-2.s3", "resource_names": ["acme-lakehouse-prod"]}"#),
        response: RULE,
        cli: &[
            "account",
            "network-connectivity",
            "create-private-endpoint-rule",
            NCC_ID,
            "--endpoint-service",
            "com.amazonaws.us-west-2.s3",
            "--resource-names",
            "acme-lakehouse-prod",
        ],
    },
    Case {
        operation: "accountNetworkConnectivity.deleteNetworkConnectivityConfiguration",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/network-connectivity-configs/ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &[
            "account",
            "network-connectivity",
            "delete-network-connectivity-configuration",
            NCC_ID,
        ],
    },
    Case {
        operation: "accountNetworkConnectivity.deletePrivateEndpointRule",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/network-connectivity-configs/ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f/private-endpoint-rules/6e5d4c3b-2a19-4f08-b7e6-d5c4b3a29180",
        query: &[],
        body: None,
        response: r#"{
          "rule_id": "6e5d4c3b-2a19-4f08-b7e6-d5c4b3a29180",
          "network_connectivity_config_id": "ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f",
          "connection_state": "ESTABLISHED",
          "endpoint_service": "com.amazonaws.us-west-2.s3",
          "resource_names": ["acme-lakehouse-prod"],
          "deactivated": true,
          "deactivated_at": 1718206200000,
          "creation_time": 1718033700000
        }"#,
        cli: &[
            "account",
            "network-connectivity",
            "delete-private-endpoint-rule",
            NCC_ID,
            RULE_ID,
        ],
    },
    Case {
        operation: "accountNetworkConnectivity.getNetworkConnectivityConfiguration",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/network-connectivity-configs/ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f",
        query: &[],
        body: None,
        response: NCC,
        cli: &[
            "account",
            "network-connectivity",
            "get-network-connectivity-configuration",
            NCC_ID,
        ],
    },
    Case {
        operation: "accountNetworkConnectivity.getPrivateEndpointRule",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/network-connectivity-configs/ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f/private-endpoint-rules/6e5d4c3b-2a19-4f08-b7e6-d5c4b3a29180",
        query: &[],
        body: None,
        response: RULE,
        cli: &[
            "account",
            "network-connectivity",
            "get-private-endpoint-rule",
            NCC_ID,
            RULE_ID,
        ],
    },
    Case {
        operation: "accountNetworkConnectivity.listNetworkConnectivityConfigurations",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/network-connectivity-configs",
        query: &[],
        body: None,
        response: r#"{
          "items": [
            {
              "network_connectivity_config_id": "ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f",
              "name": "us-west-2-serverless",
              "region": "us-west-2",
              "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
              "creation_time": 1718033400000
            },
            {
              "network_connectivity_config_id": "ncc-5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
              "name": "westeurope-serverless",
              "region": "westeurope",
              "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
              "creation_time": 1709251200000,
              "egress_config": {
                "default_rules": {
                  "azure_service_endpoint_rule": {
                    "subnets": ["/subscriptions/8453a5d5-9e9e-40c7-87a4-0ab4cc197f48/resourceGroups/prod-azure-westeurope-nephos1/providers/Microsoft.Network/virtualNetworks/kaas-vnet/subnets/worker-subnet"],
                    "target_region": "westeurope",
                    "target_services": ["AZURE_BLOB_STORAGE", "AZURE_DATA_LAKE_STORAGE"]
                  }
                },
                "target_rules": {
                  "azure_private_endpoint_rules": [
                    {
                      "rule_id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                      "network_connectivity_config_id": "ncc-5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
                      "resource_id": "/subscriptions/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d/resourceGroups/data/providers/Microsoft.Storage/storageAccounts/acmedatalake",
                      "group_id": "dfs",
                      "endpoint_name": "databricks-acmedatalake-dfs-pe",
                      "connection_state": "INIT",
                      "creation_time": 1709251500000
                    }
                  ]
                }
              },
              "future_field": {"nested": [1, 2]}
            }
          ]
        }"#,
        cli: &[
            "account",
            "network-connectivity",
            "list-network-connectivity-configurations",
        ],
    },
    Case {
        operation: "accountNetworkConnectivity.listPrivateEndpointRules",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/network-connectivity-configs/ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f/private-endpoint-rules",
        query: &[],
        body: None,
        response: r#"{
          "items": [
            {
              "rule_id": "6e5d4c3b-2a19-4f08-b7e6-d5c4b3a29180",
              "network_connectivity_config_id": "ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f",
              "connection_state": "ESTABLISHED",
              "endpoint_service": "com.amazonaws.us-west-2.s3",
              "resource_names": ["acme-lakehouse-prod"],
              "enabled": true,
              "vpc_endpoint_id": "vpce-0123abcd4567ef890"
            },
            {
              "rule_id": "7f8e9d0c-1b2a-4394-a5b6-c7d8e9f0a1b2",
              "network_connectivity_config_id": "ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f",
              "connection_state": "QUARANTINED",
              "endpoint_service": "com.amazonaws.vpce.us-west-2.vpce-svc-0a1b2c3d4e5f6a7b8",
              "domain_names": ["warehouse.internal.acme.example"],
              "future_field": {"nested": [1, 2]}
            }
          ]
        }"#,
        cli: &["account", "network-connectivity", "list-private-endpoint-rules", NCC_ID],
    },
    Case {
        operation: "accountNetworkConnectivity.updateNetworkConnectivityConfig",
        method: "PATCH",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/network-connectivity-configs/ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f",
        query: &[("update_mask", "name,billing_workspace_id")],
        body: Some(r#"{"name": "us-west-2-analytics", "billing_workspace_id": 1234567890123456}"#),
        response: r#"{
          "network_connectivity_config_id": "ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f",
          "name": "us-west-2-analytics",
          "region": "us-west-2",
          "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
          "billing_workspace_id": 1234567890123456,
          "creation_time": 1718033400000,
          "updated_time": 1718379000000,
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &[
            "account",
            "network-connectivity",
            "update-network-connectivity-config",
            NCC_ID,
            "name,billing_workspace_id",
            "--name",
            "us-west-2-analytics",
            "--billing-workspace-id",
            "1234567890123456",
        ],
    },
    Case {
        operation: "accountNetworkConnectivity.updatePrivateEndpointRule",
        method: "PATCH",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/network-connectivity-configs/ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f/private-endpoint-rules/6e5d4c3b-2a19-4f08-b7e6-d5c4b3a29180",
        query: &[("update_mask", "resource_names,enabled")],
        body: Some(r#"{"resource_names": ["acme-lakehouse-prod", "acme-lakehouse-archive"], "enabled": false}"#),
        response: r#"{
          "rule_id": "6e5d4c3b-2a19-4f08-b7e6-d5c4b3a29180",
          "network_connectivity_config_id": "ncc-0f4e2d1c-7b3a-4e59-9c8d-1a2b3c4d5e6f",
          "connection_state": "ESTABLISHED",
          "endpoint_service": "com.amazonaws.us-west-2.s3",
          "resource_names": ["acme-lakehouse-prod", "acme-lakehouse-archive"],
          "enabled": false,
          "updated_time": 1718292600000,
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &[
            "account",
            "network-connectivity",
            "update-private-endpoint-rule",
            NCC_ID,
            RULE_ID,
            "resource_names,enabled",
            "--resource-names",
            "acme-lakehouse-prod",
            "--resource-names",
            "acme-lakehouse-archive",
            "--enabled=false",
        ],
    },
];
