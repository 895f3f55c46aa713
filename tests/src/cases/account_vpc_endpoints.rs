//! Account VPC endpoint configurations (`/api/2.0/accounts/{account_id}/vpc-endpoints`).

use super::Case;

pub const VPC_ENDPOINT_ID: &str = "b8e4c5a2-6d1f-4f3e-9a70-2c8b1d0e6f54";

const VPC_ENDPOINT: &str = r#"{
  "vpc_endpoint_id": "b8e4c5a2-6d1f-4f3e-9a70-2c8b1d0e6f54",
  "vpc_endpoint_name": "sales-analytics-rest-api",
  "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
  "aws_account_id": "123456789012",
  "aws_endpoint_service_id": "com.amazonaws.vpce.us-west-2.vpce-svc-0129f463fcfbc46c5",
  "aws_vpc_endpoint_id": "vpce-0a1b2c3d4e5f67890",
  "region": "us-west-2",
  "state": "available",
  "use_case": "GENERAL_ACCESS",
  "future_field": {"nested": [1, 2]}
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "accountVpcEndpoints.create",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/vpc-endpoints",
        query: &[],
        body: Some(
            r#"{"vpc_endpoint_name": "sales-analytics-rest-api", "aws_vpc_endpoint_id": "vpce-0a1b2c3d4e5f67890",
                "region": "us-west-2"}"#,
        ),
        response: VPC_ENDPOINT,
        cli: &[
            "account",
            "vpc-endpoints",
            "create",
            "--vpc-endpoint-name",
            "sales-analytics-rest-api",
            "--aws-vpc-endpoint-id",
            "vpce-0a1b2c3d4e5f67890",
            "--region",
            "us-west-2",
        ],
    },
    Case {
        operation: "accountVpcEndpoints.delete",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/vpc-endpoints/b8e4c5a2-6d1f-4f3e-9a70-2c8b1d0e6f54",
        query: &[],
        body: None,
        response: VPC_ENDPOINT,
        cli: &["account", "vpc-endpoints", "delete", VPC_ENDPOINT_ID],
    },
    Case {
        operation: "accountVpcEndpoints.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/vpc-endpoints/b8e4c5a2-6d1f-4f3e-9a70-2c8b1d0e6f54",
        query: &[],
        body: None,
        response: VPC_ENDPOINT,
        cli: &["account", "vpc-endpoints", "get", VPC_ENDPOINT_ID],
    },
    Case {
        operation: "accountVpcEndpoints.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/vpc-endpoints",
        query: &[],
        body: None,
        response: r#"[
          {
            "vpc_endpoint_id": "b8e4c5a2-6d1f-4f3e-9a70-2c8b1d0e6f54",
            "vpc_endpoint_name": "sales-analytics-rest-api",
            "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
            "aws_vpc_endpoint_id": "vpce-0a1b2c3d4e5f67890",
            "region": "us-west-2",
            "state": "available",
            "use_case": "GENERAL_ACCESS"
          },
          {
            "vpc_endpoint_id": "e2d7a1f9-3c58-4b06-8e4d-7a9c0b1f2e36",
            "vpc_endpoint_name": "research-frontend-psc",
            "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
            "gcp_vpc_endpoint_info": {
              "project_id": "acme-shared-vpc",
              "psc_endpoint_name": "databricks-frontend-psc",
              "endpoint_region": "us-east4",
              "psc_connection_id": "11223344556677889",
              "service_attachment_id": "projects/prod-gcp-us-east4/regions/us-east4/serviceAttachments/plproxy-psc-endpoint-all-ports"
            },
            "state": "ACCEPTED",
            "use_case": "EGRESS_ACCESS",
            "future_field": {"nested": [1, 2]}
          }
        ]"#,
        cli: &["account", "vpc-endpoints", "list"],
    },
];
