//! Token management (`/api/2.0/token-management` and `/api/2.0/permissions/authorization/tokens`): a
//! workspace admin's view of every token, and who may use tokens at all.

use super::{Case, EMPTY};

/// The token the token management cases are about.
pub const ADMIN_TOKEN_ID: &str = "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c";

/// The service principal that owns the on-behalf-of token.
pub const APPLICATION_ID: &str = "6f5ccf28-d83a-4957-9bfb-5bbfac551410";

/// The on-behalf-of token as `tokenManagement.get` returns it: created by an admin, owned by the service
/// principal, with an autoscope state and a field this spec does not know.
pub const OBO_TOKEN_INFO: &str = r#"{
  "token_info": {
    "token_id": "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c",
    "creation_time": 1705311017000,
    "expiry_time": 1705314617000,
    "last_used_day": 1705276800000,
    "comment": "nightly-etl service principal",
    "created_by_id": 4390826917432511,
    "created_by_username": "jane.doe@example.com",
    "owner_id": 7716022918353924,
    "workspace_id": 1234567890123456,
    "autoscope_state": "AUTOSCOPE_STATE_PAUSED",
    "future_field": {"nested": [1, 2]}
  }
}"#;

/// The permissions on tokens after the admin granted `CAN_USE` to a group and the service principal. The
/// admins group holds `CAN_MANAGE`, a level this spec does not list.
pub const TOKEN_PERMISSIONS: &str = r#"{
  "object_id": "authorization/tokens",
  "object_type": "tokens",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": false}]
    },
    {
      "group_name": "data-engineers",
      "all_permissions": [{"permission_level": "CAN_USE", "inherited": false}]
    },
    {
      "service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
      "display_name": "nightly-etl",
      "all_permissions": [{"permission_level": "CAN_USE", "inherited": false}],
      "future_field": {"nested": [1, 2]}
    }
  ]
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "tokenManagement.createOboToken",
        method: "POST",
        path: "/api/2.0/token-management/on-behalf-of/tokens",
        query: &[],
        body: Some(
            r#"{
              "application_id": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
              "comment": "nightly-etl service principal",
              "lifetime_seconds": 3600
            }"#,
        ),
        response: r#"{
          "token_value": "dapi8e1b4d7a0c3f6e9b2d5a8c1f4e7b0d3a",
          "token_info": {
            "token_id": "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c",
            "creation_time": 1705311017000,
            "expiry_time": 1705314617000,
            "comment": "nightly-etl service principal",
            "created_by_id": 4390826917432511,
            "created_by_username": "jane.doe@example.com",
            "owner_id": 7716022918353924,
            "workspace_id": 1234567890123456
          }
        }"#,
        cli: &[
            "token-management",
            "create-obo-token",
            APPLICATION_ID,
            "--comment",
            "nightly-etl service principal",
            "--lifetime-seconds",
            "3600",
        ],
    },
    Case {
        operation: "tokenManagement.delete",
        method: "DELETE",
        path: "/api/2.0/token-management/tokens/5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["token-management", "delete", ADMIN_TOKEN_ID],
    },
    Case {
        operation: "tokenManagement.get",
        method: "GET",
        path: "/api/2.0/token-management/tokens/5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c",
        query: &[],
        body: None,
        response: OBO_TOKEN_INFO,
        cli: &["token-management", "get", ADMIN_TOKEN_ID],
    },
    Case {
        operation: "tokenManagement.getPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/authorization/tokens/permissionLevels",
        query: &[],
        body: None,
        response: r#"{
          "permission_levels": [
            {"permission_level": "CAN_USE", "description": "Can create and use personal access tokens"}
          ]
        }"#,
        cli: &["token-management", "get-permission-levels"],
    },
    Case {
        operation: "tokenManagement.getPermissions",
        method: "GET",
        path: "/api/2.0/permissions/authorization/tokens",
        query: &[],
        body: None,
        response: TOKEN_PERMISSIONS,
        cli: &["token-management", "get-permissions"],
    },
    Case {
        operation: "tokenManagement.list",
        method: "GET",
        path: "/api/2.0/token-management/tokens",
        query: &[
            ("created_by_id", "4390826917432511"),
            ("created_by_username", "jane.doe@example.com"),
        ],
        body: None,
        // One of Jane's own tokens, which never expires, and the token she created for a service principal.
        response: r#"{
          "token_infos": [
            {
              "token_id": "0b7e4c1a9d2f48e6b3a5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d4e6f8",
              "creation_time": 1672531200000,
              "expiry_time": -1,
              "last_used_day": 1705190400000,
              "comment": "local notebook sync",
              "created_by_id": 4390826917432511,
              "created_by_username": "jane.doe@example.com",
              "owner_id": 4390826917432511,
              "workspace_id": 1234567890123456
            },
            {
              "token_id": "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c",
              "creation_time": 1705311017000,
              "expiry_time": 1705314617000,
              "comment": "nightly-etl service principal",
              "created_by_id": 4390826917432511,
              "created_by_username": "jane.doe@example.com",
              "owner_id": 7716022918353924,
              "workspace_id": 1234567890123456,
              "scopes": ["jobs"],
              "future_field": {"nested": [1, 2]}
            }
          ],
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &[
            "token-management",
            "list",
            "--created-by-id",
            "4390826917432511",
            "--created-by-username",
            "jane.doe@example.com",
        ],
    },
    Case {
        operation: "tokenManagement.setPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/authorization/tokens",
        query: &[],
        body: Some(
            r#"{
              "access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_USE"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_USE"}
              ]
            }"#,
        ),
        response: TOKEN_PERMISSIONS,
        cli: &[
            "token-management",
            "set-permissions",
            "--json",
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_USE"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_USE"}
            ]}"#,
        ],
    },
    Case {
        operation: "tokenManagement.updatePermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/authorization/tokens",
        query: &[],
        body: Some(
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_USE"}]}"#,
        ),
        response: r#"{
          "object_id": "authorization/tokens",
          "object_type": "tokens",
          "access_control_list": [
            {
              "group_name": "admins",
              "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": false}]
            },
            {
              "user_name": "john.smith@example.com",
              "display_name": "John Smith",
              "all_permissions": [{"permission_level": "CAN_USE", "inherited": false}]
            }
          ]
        }"#,
        cli: &[
            "token-management",
            "update-permissions",
            "--json",
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_USE"}]}"#,
        ],
    },
    Case {
        operation: "tokenManagement.update",
        method: "PATCH",
        path: "/api/2.0/token-management/tokens/5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c",
        query: &[],
        body: Some(r#"{"token": {"comment": "nightly-etl (rotated 2024-01)"}, "update_mask": "comment"}"#),
        response: r#"{
          "token_id": "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c",
          "creation_time": 1705311017000,
          "expiry_time": 1705314617000,
          "comment": "nightly-etl (rotated 2024-01)",
          "created_by_id": 4390826917432511,
          "created_by_username": "jane.doe@example.com",
          "owner_id": 7716022918353924,
          "workspace_id": 1234567890123456
        }"#,
        cli: &[
            "token-management",
            "update",
            ADMIN_TOKEN_ID,
            "comment",
            "--json",
            r#"{"token": {"comment": "nightly-etl (rotated 2024-01)"}}"#,
        ],
    },
];
