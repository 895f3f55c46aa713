//! Account IP access lists (`/api/2.0/accounts/{account_id}/ip-access-lists`): from where the account
//! console and account API may be reached, with the workspace lists' bodies; run as
//! `dbr account ip-access-lists ...`.

use super::{Case, EMPTY};

/// The account list the cases are about.
pub const ACCOUNT_LIST_ID: &str = "5b0f6d2e-91c4-4a7d-b3e8-0c2f7a61d954";

/// The corporate egress allow list as `accountIpAccessLists.get` returns it.
pub const CORPORATE_EGRESS: &str = r#"{
  "ip_access_list": {
    "list_id": "5b0f6d2e-91c4-4a7d-b3e8-0c2f7a61d954",
    "label": "Corporate egress",
    "ip_addresses": ["198.51.100.0/24", "203.0.113.40"],
    "address_count": 2,
    "list_type": "ALLOW",
    "created_at": 1718006400000,
    "created_by": 4513127682994021,
    "updated_at": 1718006400000,
    "updated_by": 4513127682994021,
    "enabled": true
  }
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "accountIpAccessLists.create",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/ip-access-lists",
        query: &[],
        body: Some(
            r#"{"label": "Corporate egress", "list_type": "ALLOW", "ip_addresses": ["198.51.100.0/24", "203.0.113.40"]}"#,
        ),
        response: CORPORATE_EGRESS,
        cli: &[
            "account",
            "ip-access-lists",
            "create",
            "Corporate egress",
            "ALLOW",
            "--ip-addresses",
            "198.51.100.0/24",
            "--ip-addresses",
            "203.0.113.40",
        ],
    },
    Case {
        operation: "accountIpAccessLists.delete",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/ip-access-lists/5b0f6d2e-91c4-4a7d-b3e8-0c2f7a61d954",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["account", "ip-access-lists", "delete", ACCOUNT_LIST_ID],
    },
    Case {
        operation: "accountIpAccessLists.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/ip-access-lists/5b0f6d2e-91c4-4a7d-b3e8-0c2f7a61d954",
        query: &[],
        body: None,
        response: CORPORATE_EGRESS,
        cli: &["account", "ip-access-lists", "get", ACCOUNT_LIST_ID],
    },
    Case {
        operation: "accountIpAccessLists.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/ip-access-lists",
        query: &[],
        body: None,
        // A block list, and a list of a type this spec does not know carrying an unknown field.
        response: r#"{
          "ip_access_lists": [
            {
              "list_id": "c8e27a40-6d13-4f95-a0b2-91e3d57f6c08",
              "label": "Known scanners",
              "ip_addresses": ["192.0.2.0/24"],
              "address_count": 1,
              "list_type": "BLOCK",
              "created_at": 1709251200000,
              "created_by": 4513127682994021,
              "enabled": true
            },
            {
              "list_id": "e1a4b7c0-2d58-4e3f-8b61-5c9d0f2a7e14",
              "label": "Partner audit",
              "ip_addresses": ["198.18.4.0/24"],
              "address_count": 1,
              "list_type": "AUDIT",
              "enabled": false,
              "future_field": {"nested": [1, 2]}
            }
          ]
        }"#,
        cli: &["account", "ip-access-lists", "list"],
    },
    Case {
        operation: "accountIpAccessLists.replace",
        method: "PUT",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/ip-access-lists/5b0f6d2e-91c4-4a7d-b3e8-0c2f7a61d954",
        query: &[],
        body: Some(
            r#"{
              "label": "Corporate egress",
              "list_type": "ALLOW",
              "enabled": true,
              "ip_addresses": ["198.51.100.0/24"]
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "account",
            "ip-access-lists",
            "replace",
            ACCOUNT_LIST_ID,
            "Corporate egress",
            "ALLOW",
            "true",
            "--ip-addresses",
            "198.51.100.0/24",
        ],
    },
    Case {
        operation: "accountIpAccessLists.update",
        method: "PATCH",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/ip-access-lists/5b0f6d2e-91c4-4a7d-b3e8-0c2f7a61d954",
        query: &[],
        body: Some(r#"{"label": "Corporate egress (EU)", "enabled": false}"#),
        response: EMPTY,
        cli: &[
            "account",
            "ip-access-lists",
            "update",
            ACCOUNT_LIST_ID,
            "--label",
            "Corporate egress (EU)",
            "--enabled=false",
        ],
    },
];
