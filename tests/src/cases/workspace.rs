//! Workspace objects (`/api/2.0/workspace`).

use super::{Case, EMPTY};

/// "# Databricks notebook source\nprint(\"ingest\")\n", base64-encoded.
pub const NOTEBOOK_SOURCE: &str = "IyBEYXRhYnJpY2tzIG5vdGVib29rIHNvdXJjZQpwcmludCgiaW5nZXN0IikK";

/// The notebook the workspace permission cases are about (its `object_id`).
pub const NOTEBOOK_ID: &str = "1837452069318764";

/// The permissions on the notebook the permission cases are about: admins inherit `CAN_MANAGE`, Jane holds
/// `CAN_VIEW_RESULTS`, a level this spec does not list, with a field it does not know either.
pub const PERMISSIONS: &str = r#"{
  "object_id": "/notebooks/1837452069318764",
  "object_type": "notebook",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/directories/4108364197239567"]}]
    },
    {
      "user_name": "jane.doe@example.com",
      "display_name": "Jane Doe",
      "all_permissions": [{"permission_level": "CAN_VIEW_RESULTS", "inherited": false}],
      "future_field": {"nested": [1, 2]}
    },
    {
      "group_name": "data-engineers",
      "all_permissions": [{"permission_level": "CAN_READ", "inherited": false}]
    },
    {
      "service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
      "display_name": "nightly-etl",
      "all_permissions": [{"permission_level": "CAN_READ", "inherited": false}]
    }
  ]
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "workspace.delete",
        method: "POST",
        path: "/api/2.0/workspace/delete",
        query: &[],
        body: Some(r#"{"path": "/Users/jane.doe@example.com/etl/old", "recursive": true}"#),
        response: EMPTY,
        cli: &[
            "workspace",
            "delete",
            "/Users/jane.doe@example.com/etl/old",
            "--recursive",
        ],
    },
    Case {
        operation: "workspace.export",
        method: "GET",
        path: "/api/2.0/workspace/export",
        query: &[("path", "/Users/jane.doe@example.com/etl/ingest"), ("format", "SOURCE")],
        body: None,
        response: r#"{"content": "IyBEYXRhYnJpY2tzIG5vdGVib29rIHNvdXJjZQpwcmludCgiaW5nZXN0IikK", "file_type": "py"}"#,
        cli: &[
            "workspace",
            "export",
            "/Users/jane.doe@example.com/etl/ingest",
            "--format",
            "SOURCE",
        ],
    },
    Case {
        operation: "workspace.getStatus",
        method: "GET",
        path: "/api/2.0/workspace/get-status",
        query: &[("path", "/Users/jane.doe@example.com/etl/ingest")],
        body: None,
        response: r#"{
          "object_type": "NOTEBOOK",
          "path": "/Users/jane.doe@example.com/etl/ingest",
          "language": "PYTHON",
          "object_id": 1564852094431762,
          "resource_id": "1564852094431762",
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["workspace", "get-status", "/Users/jane.doe@example.com/etl/ingest"],
    },
    Case {
        operation: "workspace.import",
        method: "POST",
        path: "/api/2.0/workspace/import",
        query: &[],
        body: Some(
            r#"{
              "path": "/Users/jane.doe@example.com/etl/ingest",
              "content": "IyBEYXRhYnJpY2tzIG5vdGVib29rIHNvdXJjZQpwcmludCgiaW5nZXN0IikK",
              "format": "SOURCE",
              "language": "PYTHON",
              "overwrite": true
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "workspace",
            "import",
            "/Users/jane.doe@example.com/etl/ingest",
            "--content",
            NOTEBOOK_SOURCE,
            "--format",
            "SOURCE",
            "--language",
            "PYTHON",
            "--overwrite",
        ],
    },
    Case {
        operation: "workspace.list",
        method: "GET",
        path: "/api/2.0/workspace/list",
        query: &[
            ("path", "/Users/jane.doe@example.com/etl"),
            ("notebooks_modified_after", "1705311017000"),
        ],
        body: None,
        response: r#"{
          "objects": [
            {
              "object_type": "DIRECTORY",
              "path": "/Users/jane.doe@example.com/etl/staging",
              "object_id": 1564852094431760,
              "resource_id": "1564852094431760",
              "directory_info": {"is_git_folder": false}
            },
            {
              "object_type": "NOTEBOOK",
              "path": "/Users/jane.doe@example.com/etl/ingest",
              "language": "PYTHON",
              "object_id": 1564852094431762,
              "resource_id": "1564852094431762"
            },
            {
              "object_type": "FILE",
              "path": "/Users/jane.doe@example.com/etl/events-2024-01.jsonl",
              "object_id": 1564852094431771,
              "resource_id": "1564852094431771",
              "created_at": 1705311017000,
              "modified_at": 1705397417000,
              "size": 3221225472
            },
            {
              "object_type": "MLFLOW_EXPERIMENT",
              "path": "/Users/jane.doe@example.com/etl/ingest-experiment",
              "object_id": 1564852094431790,
              "resource_id": "1564852094431790",
              "future_field": {"nested": [1, 2]}
            }
          ],
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &[
            "workspace",
            "list",
            "/Users/jane.doe@example.com/etl",
            "--notebooks-modified-after",
            "1705311017000",
        ],
    },
    Case {
        operation: "workspace.mkdirs",
        method: "POST",
        path: "/api/2.0/workspace/mkdirs",
        query: &[],
        body: Some(r#"{"path": "/Users/jane.doe@example.com/etl/staging"}"#),
        response: EMPTY,
        cli: &["workspace", "mkdirs", "/Users/jane.doe@example.com/etl/staging"],
    },
    Case {
        operation: "workspace.getPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/notebooks/1837452069318764/permissionLevels",
        query: &[],
        body: None,
        response: r#"{
          "permission_levels": [
            {"permission_level": "CAN_READ", "description": "Can view the notebook"},
            {"permission_level": "CAN_RUN", "description": "Can run the notebook"},
            {"permission_level": "CAN_EDIT", "description": "Can edit the notebook"},
            {"permission_level": "CAN_MANAGE", "description": "Can manage the notebook"}
          ]
        }"#,
        cli: &["workspace", "get-permission-levels", "notebooks", NOTEBOOK_ID],
    },
    Case {
        operation: "workspace.getPermissions",
        method: "GET",
        path: "/api/2.0/permissions/notebooks/1837452069318764",
        query: &[],
        body: None,
        response: PERMISSIONS,
        cli: &["workspace", "get-permissions", "notebooks", NOTEBOOK_ID],
    },
    Case {
        operation: "workspace.setPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/notebooks/1837452069318764",
        query: &[],
        body: Some(
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_READ"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_READ"}
            ]}"#,
        ),
        response: PERMISSIONS,
        cli: &[
            "workspace",
            "set-permissions",
            "notebooks",
            NOTEBOOK_ID,
            "--json",
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_READ"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_READ"}
            ]}"#,
        ],
    },
    Case {
        operation: "workspace.updatePermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/notebooks/1837452069318764",
        query: &[],
        body: Some(
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_RUN"}]}"#,
        ),
        response: r#"{
  "object_id": "/notebooks/1837452069318764",
  "object_type": "notebook",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/directories/4108364197239567"]}]
    },
    {
      "user_name": "john.smith@example.com",
      "display_name": "John Smith",
      "all_permissions": [{"permission_level": "CAN_RUN", "inherited": false}]
    }
  ]
}"#,
        cli: &[
            "workspace",
            "update-permissions",
            "notebooks",
            NOTEBOOK_ID,
            "--json",
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_RUN"}]}"#,
        ],
    },
];
