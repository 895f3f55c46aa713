//! Account network configurations (`/api/2.0/accounts/{account_id}/networks`).

use super::Case;

pub const NETWORK_ID: &str = "9a1e8b44-6f0c-4d2a-b1e3-27c5d8f0a612";

const NETWORK: &str = r#"{
  "network_id": "9a1e8b44-6f0c-4d2a-b1e3-27c5d8f0a612",
  "network_name": "sales-analytics-vpc",
  "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
  "creation_time": 1718032200000,
  "vpc_id": "vpc-0a1b2c3d4e5f67890",
  "subnet_ids": ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"],
  "security_group_ids": ["sg-0a1b2c3d4e5f6a7b8"],
  "vpc_endpoints": {"rest_api": ["b8e4c5a2-6d1f-4f3e-9a70-2c8b1d0e6f54"], "dataplane_relay": ["e2d7a1f9-3c58-4b06-8e4d-7a9c0b1f2e36"]},
  "vpc_status": "WARNED",
  "warning_messages": [
    {"warning_type": "securityGroup", "warning_message": "Security group sg-0a1b2c3d4e5f6a7b8 allows all outbound traffic."}
  ],
  "workspace_id": 1234567890123456,
  "future_field": {"nested": [1, 2]}
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "accountNetworks.create",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/networks",
        query: &[],
        body: Some(
            r#"{"network_name": "sales-analytics-vpc",
                "vpc_id": "vpc-0a1b2c3d4e5f67890",
                "subnet_ids": ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"],
                "security_group_ids": ["sg-0a1b2c3d4e5f6a7b8"],
                "vpc_endpoints": {"rest_api": ["b8e4c5a2-6d1f-4f3e-9a70-2c8b1d0e6f54"], "dataplane_relay": ["e2d7a1f9-3c58-4b06-8e4d-7a9c0b1f2e36"]}}"#,
        ),
        response: r#"{
          "network_id": "9a1e8b44-6f0c-4d2a-b1e3-27c5d8f0a612",
          "network_name": "sales-analytics-vpc",
          "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
          "creation_time": 1718032200000,
          "vpc_id": "vpc-0a1b2c3d4e5f67890",
          "subnet_ids": ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"],
          "security_group_ids": ["sg-0a1b2c3d4e5f6a7b8"],
          "vpc_endpoints": {"rest_api": ["b8e4c5a2-6d1f-4f3e-9a70-2c8b1d0e6f54"], "dataplane_relay": ["e2d7a1f9-3c58-4b06-8e4d-7a9c0b1f2e36"]},
          "vpc_status": "UNATTACHED"
        }"#,
        cli: &[
            "account",
            "networks",
            "create",
            "--network-name",
            "sales-analytics-vpc",
            "--vpc-id",
            "vpc-0a1b2c3d4e5f67890",
            "--subnet-ids",
            "subnet-0123456789abcdef0",
            "--subnet-ids",
            "subnet-0fedcba9876543210",
            "--security-group-ids",
            "sg-0a1b2c3d4e5f6a7b8",
            "--json",
            r#"{"vpc_endpoints": {"rest_api": ["b8e4c5a2-6d1f-4f3e-9a70-2c8b1d0e6f54"], "dataplane_relay": ["e2d7a1f9-3c58-4b06-8e4d-7a9c0b1f2e36"]}}"#,
        ],
    },
    Case {
        operation: "accountNetworks.delete",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/networks/9a1e8b44-6f0c-4d2a-b1e3-27c5d8f0a612",
        query: &[],
        body: None,
        response: NETWORK,
        cli: &["account", "networks", "delete", NETWORK_ID],
    },
    Case {
        operation: "accountNetworks.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/networks/9a1e8b44-6f0c-4d2a-b1e3-27c5d8f0a612",
        query: &[],
        body: None,
        response: NETWORK,
        cli: &["account", "networks", "get", NETWORK_ID],
    },
    Case {
        operation: "accountNetworks.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/networks",
        query: &[],
        body: None,
        response: r#"[
          {
            "network_id": "9a1e8b44-6f0c-4d2a-b1e3-27c5d8f0a612",
            "network_name": "sales-analytics-vpc",
            "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
            "creation_time": 1718032200000,
            "vpc_id": "vpc-0a1b2c3d4e5f67890",
            "subnet_ids": ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"],
            "security_group_ids": ["sg-0a1b2c3d4e5f6a7b8"],
            "vpc_status": "VALID",
            "workspace_id": 1234567890123456
          },
          {
            "network_id": "04c1d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e",
            "network_name": "research-shared-vpc",
            "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
            "creation_time": 1706746400000,
            "gcp_network_info": {
              "network_project_id": "acme-shared-vpc",
              "vpc_id": "databricks-vpc",
              "subnet_id": "databricks-subnet-us-east4",
              "subnet_region": "us-east4",
              "pod_ip_range_name": "databricks-pods",
              "service_ip_range_name": "databricks-services"
            },
            "vpc_status": "BROKEN",
            "error_messages": [
              {"error_type": "subnet", "error_message": "Subnet databricks-subnet-us-east4 has no secondary range databricks-pods."},
              {"error_type": "firewallRule", "error_message": "No firewall rule allows traffic between the cluster nodes."}
            ],
            "future_field": {"nested": [1, 2]}
          }
        ]"#,
        cli: &["account", "networks", "list"],
    },
];
