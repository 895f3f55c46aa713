//! Account workspace assignment (`/api/2.0/accounts/{account_id}/workspaces/{workspace_id}/permissionassignments`):
//! which account principals may use a workspace, as `USER` or `ADMIN`; run as
//! `dbr account workspace-assignment ...`.

use super::{Case, EMPTY};

/// The workspace the cases assign principals to.
pub const ASSIGNED_WORKSPACE_ID: &str = "1283476091254873";

/// The principal the cases assign: Jane, by her account id.
pub const ASSIGNED_PRINCIPAL_ID: &str = "4513127682994021";

pub const CASES: &[Case] = &[
    Case {
        operation: "accountWorkspaceAssignment.delete",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/workspaces/1283476091254873/permissionassignments/principals/4513127682994021",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &[
            "account",
            "workspace-assignment",
            "delete",
            ASSIGNED_WORKSPACE_ID,
            ASSIGNED_PRINCIPAL_ID,
        ],
    },
    Case {
        operation: "accountWorkspaceAssignment.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/workspaces/1283476091254873/permissionassignments/permissions",
        query: &[],
        body: None,
        // A level this spec does not list, with a field it does not know.
        response: r#"{
          "permissions": [
            {"permission_level": "USER", "description": "Can use the workspace"},
            {"permission_level": "ADMIN", "description": "Can administer the workspace"},
            {"permission_level": "AUDITOR", "description": "Can read audit logs", "future_field": {"nested": [1, 2]}}
          ]
        }"#,
        cli: &["account", "workspace-assignment", "get", ASSIGNED_WORKSPACE_ID],
    },
    Case {
        operation: "accountWorkspaceAssignment.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/workspaces/1283476091254873/permissionassignments",
        query: &[],
        body: None,
        // A user, a group and a service principal; the last one's assignment could not be resolved.
        response: r#"{
          "permission_assignments": [
            {
              "principal": {
                "principal_id": 4513127682994021,
                "display_name": "Jane Doe",
                "user_name": "jane.doe@example.com"
              },
              "permissions": ["ADMIN"]
            },
            {
              "principal": {
                "principal_id": 1037448156893214,
                "display_name": "data-engineers",
                "group_name": "data-engineers"
              },
              "permissions": ["USER"]
            },
            {
              "principal": {
                "principal_id": 2290147733618062,
                "display_name": "nightly-etl",
                "service_principal_name": "9b2e41d7-3c5a-4f60-8e1b-7a4d2c9f0e35"
              },
              "permissions": ["UNKNOWN"],
              "error": "Principal is pending deletion",
              "future_field": {"nested": [1, 2]}
            }
          ]
        }"#,
        cli: &["account", "workspace-assignment", "list", ASSIGNED_WORKSPACE_ID],
    },
    Case {
        operation: "accountWorkspaceAssignment.update",
        method: "PUT",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/workspaces/1283476091254873/permissionassignments/principals/4513127682994021",
        query: &[],
        body: Some(r#"{"permissions": ["USER", "ADMIN"]}"#),
        response: r#"{
          "principal": {
            "principal_id": 4513127682994021,
            "display_name": "Jane Doe",
            "user_name": "jane.doe@example.com"
          },
          "permissions": ["ADMIN", "WORKSPACE_OWNER"]
        }"#,
        cli: &[
            "account",
            "workspace-assignment",
            "update",
            ASSIGNED_WORKSPACE_ID,
            ASSIGNED_PRINCIPAL_ID,
            "--permissions",
            "USER",
            "--permissions",
            "ADMIN",
        ],
    },
];
