//! Account private access settings (`/api/2.0/accounts/{account_id}/private-access-settings`).

use super::Case;

pub const PRIVATE_ACCESS_SETTINGS_ID: &str = "3f7c1a90-5e2b-4d84-a6c1-0b9e8d7f2a45";

const SETTINGS: &str = r#"{
  "private_access_settings_id": "3f7c1a90-5e2b-4d84-a6c1-0b9e8d7f2a45",
  "private_access_settings_name": "sales-analytics-private",
  "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
  "region": "us-west-2",
  "public_access_enabled": false,
  "private_access_level": "ENDPOINT",
  "allowed_vpc_endpoint_ids": ["b8e4c5a2-6d1f-4f3e-9a70-2c8b1d0e6f54"],
  "future_field": {"nested": [1, 2]}
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "accountPrivateAccess.create",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/private-access-settings",
        query: &[],
        body: Some(
            r#"{"private_access_settings_name": "sales-analytics-private", "region": "us-west-2",
                "public_access_enabled": false, "private_access_level": "ENDPOINT",
                "allowed_vpc_endpoint_ids": ["b8e4c5a2-6d1f-4f3e-9a70-2c8b1d0e6f54"]}"#,
        ),
        response: SETTINGS,
        cli: &[
            "account",
            "private-access",
            "create",
            "--private-access-settings-name",
            "sales-analytics-private",
            "--region",
            "us-west-2",
            "--public-access-enabled=false",
            "--private-access-level",
            "ENDPOINT",
            "--allowed-vpc-endpoint-ids",
            "b8e4c5a2-6d1f-4f3e-9a70-2c8b1d0e6f54",
        ],
    },
    Case {
        operation: "accountPrivateAccess.delete",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/private-access-settings/3f7c1a90-5e2b-4d84-a6c1-0b9e8d7f2a45",
        query: &[],
        body: None,
        response: SETTINGS,
        cli: &["account", "private-access", "delete", PRIVATE_ACCESS_SETTINGS_ID],
    },
    Case {
        operation: "accountPrivateAccess.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/private-access-settings/3f7c1a90-5e2b-4d84-a6c1-0b9e8d7f2a45",
        query: &[],
        body: None,
        response: SETTINGS,
        cli: &["account", "private-access", "get", PRIVATE_ACCESS_SETTINGS_ID],
    },
    Case {
        operation: "accountPrivateAccess.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/private-access-settings",
        query: &[],
        body: None,
        response: r#"[
          {
            "private_access_settings_id": "3f7c1a90-5e2b-4d84-a6c1-0b9e8d7f2a45",
            "private_access_settings_name": "sales-analytics-private",
            "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
            "region": "us-west-2",
            "public_access_enabled": false,
            "private_access_level": "ENDPOINT",
            "allowed_vpc_endpoint_ids": ["b8e4c5a2-6d1f-4f3e-9a70-2c8b1d0e6f54"]
          },
          {
            "private_access_settings_id": "6a2b9c0d-1e3f-4a5b-8c7d-9e0f1a2b3c4d",
            "private_access_settings_name": "eu-hybrid",
            "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
            "region": "eu-west-1",
            "public_access_enabled": true,
            "private_access_level": "REGION",
            "future_field": {"nested": [1, 2]}
          }
        ]"#,
        cli: &["account", "private-access", "list"],
    },
    Case {
        operation: "accountPrivateAccess.replace",
        method: "PUT",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/private-access-settings/3f7c1a90-5e2b-4d84-a6c1-0b9e8d7f2a45",
        query: &[],
        body: Some(
            r#"{"private_access_settings_name": "sales-analytics-private", "region": "us-west-2",
                "public_access_enabled": true, "private_access_level": "ACCOUNT"}"#,
        ),
        response: r#"{
          "private_access_settings_id": "3f7c1a90-5e2b-4d84-a6c1-0b9e8d7f2a45",
          "private_access_settings_name": "sales-analytics-private",
          "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
          "region": "us-west-2",
          "public_access_enabled": true,
          "private_access_level": "ACCOUNT",
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &[
            "account",
            "private-access",
            "replace",
            PRIVATE_ACCESS_SETTINGS_ID,
            "--private-access-settings-name",
            "sales-analytics-private",
            "--region",
            "us-west-2",
            "--public-access-enabled",
            "--private-access-level",
            "ACCOUNT",
        ],
    },
];
