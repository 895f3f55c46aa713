//! IP access lists (`/api/2.0/ip-access-lists`).

use super::{Case, EMPTY};

/// The list the IP access list cases are about.
pub const LIST_ID: &str = "8f2a7c1e-3b4d-4e5f-9a6b-7c8d9e0f1a2b";

/// The office allow list as `ipAccessLists.get` returns it.
pub const OFFICE_VPN: &str = r#"{
  "ip_access_list": {
    "list_id": "8f2a7c1e-3b4d-4e5f-9a6b-7c8d9e0f1a2b",
    "label": "Office VPN",
    "ip_addresses": ["192.168.100.0/22", "203.0.113.17"],
    "address_count": 2,
    "list_type": "ALLOW",
    "created_at": 1705311017000,
    "created_by": 4390826917432511,
    "updated_at": 1705311017000,
    "updated_by": 4390826917432511,
    "enabled": true
  }
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "ipAccessLists.create",
        method: "POST",
        path: "/api/2.0/ip-access-lists",
        query: &[],
        body: Some(
            r#"{"label": "Office VPN", "list_type": "ALLOW", "ip_addresses": ["192.168.100.0/22", "203.0.113.17"]}"#,
        ),
        response: OFFICE_VPN,
        cli: &[
            "ip-access-lists",
            "create",
            "Office VPN",
            "ALLOW",
            "--ip-addresses",
            "192.168.100.0/22",
            "--ip-addresses",
            "203.0.113.17",
        ],
    },
    Case {
        operation: "ipAccessLists.delete",
        method: "DELETE",
        path: "/api/2.0/ip-access-lists/8f2a7c1e-3b4d-4e5f-9a6b-7c8d9e0f1a2b",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["ip-access-lists", "delete", LIST_ID],
    },
    Case {
        operation: "ipAccessLists.get",
        method: "GET",
        path: "/api/2.0/ip-access-lists/8f2a7c1e-3b4d-4e5f-9a6b-7c8d9e0f1a2b",
        query: &[],
        body: None,
        response: OFFICE_VPN,
        cli: &["ip-access-lists", "get", LIST_ID],
    },
    Case {
        operation: "ipAccessLists.list",
        method: "GET",
        path: "/api/2.0/ip-access-lists",
        query: &[],
        body: None,
        // An allow list, a disabled block list, and a list of a type this spec does not know carrying an
        // unknown field.
        response: r#"{
          "ip_access_lists": [
            {
              "list_id": "8f2a7c1e-3b4d-4e5f-9a6b-7c8d9e0f1a2b",
              "label": "Office VPN",
              "ip_addresses": ["192.168.100.0/22", "203.0.113.17"],
              "address_count": 2,
              "list_type": "ALLOW",
              "created_at": 1705311017000,
              "created_by": 4390826917432511,
              "updated_at": 1705311017000,
              "updated_by": 4390826917432511,
              "enabled": true
            },
            {
              "list_id": "c41d8e2b-9f3a-4b6c-8d7e-1a2b3c4d5e6f",
              "label": "Known bad ranges",
              "ip_addresses": ["198.51.100.0/24"],
              "address_count": 1,
              "list_type": "BLOCK",
              "created_at": 1700000000000,
              "created_by": 7716022918353924,
              "updated_at": 1704067200000,
              "updated_by": 4390826917432511,
              "enabled": false
            },
            {
              "list_id": "0e9d8c7b-6a5f-4e3d-2c1b-0a9f8e7d6c5b",
              "label": "Partner audit",
              "ip_addresses": ["100.64.0.0/10"],
              "address_count": 1,
              "list_type": "AUDIT",
              "created_at": 1704067200000,
              "created_by": 4390826917432511,
              "updated_at": 1704067200000,
              "updated_by": 4390826917432511,
              "enabled": true,
              "future_field": {"nested": [1, 2]}
            }
          ],
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["ip-access-lists", "list"],
    },
    Case {
        operation: "ipAccessLists.replace",
        method: "PUT",
        path: "/api/2.0/ip-access-lists/8f2a7c1e-3b4d-4e5f-9a6b-7c8d9e0f1a2b",
        query: &[],
        body: Some(
            r#"{
              "label": "Office VPN",
              "list_type": "ALLOW",
              "enabled": true,
              "ip_addresses": ["192.168.100.0/22", "198.18.0.0/15"]
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "ip-access-lists",
            "replace",
            LIST_ID,
            "Office VPN",
            "ALLOW",
            "true",
            "--json",
            r#"{"ip_addresses": ["192.168.100.0/22", "198.18.0.0/15"]}"#,
        ],
    },
    Case {
        operation: "ipAccessLists.update",
        method: "PATCH",
        path: "/api/2.0/ip-access-lists/8f2a7c1e-3b4d-4e5f-9a6b-7c8d9e0f1a2b",
        query: &[],
        // Switching a list off must send an explicit false.
        body: Some(r#"{"enabled": false}"#),
        response: EMPTY,
        cli: &["ip-access-lists", "update", LIST_ID, "--enabled=false"],
    },
];
