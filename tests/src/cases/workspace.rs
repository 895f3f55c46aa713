//! Workspace objects (`/api/2.0/workspace`) and the permissions on notebooks, folders and files
//! (`/api/2.0/permissions/{notebooks,directories,files}`).

use super::{Case, EMPTY};

/// "# Databricks notebook source\nprint(\"ingest\")\n", base64-encoded.
pub const NOTEBOOK_SOURCE: &str = "IyBEYXRhYnJpY2tzIG5vdGVib29rIHNvdXJjZQpwcmludCgiaW5nZXN0IikK";

// Ids of the notebook, folder and file the permission cases are about.
pub const NOTEBOOK_ID: &str = "1837452069318764";
pub const DIRECTORY_ID: &str = "4108364197239567";
pub const FILE_ID: &str = "2750918364520197";

/// The permission levels of a workspace object, with a level this spec does not list (`CAN_VIEW`).
pub const PERMISSION_LEVELS: &str = r#"{
  "permission_levels": [
    {"permission_level": "CAN_READ", "description": "Can view the object"},
    {"permission_level": "CAN_RUN", "description": "Can view and run the object"},
    {"permission_level": "CAN_EDIT", "description": "Can view, run and edit the object"},
    {"permission_level": "CAN_MANAGE", "description": "Can do everything, including changing permissions"},
    {"permission_level": "CAN_VIEW", "description": "A level added after this spec"}
  ],
  "future_field": {"nested": [1, 2]}
}"#;

/// The permissions on the notebook of the `notebooks` cases: admins hold `CAN_MANAGE`, Jane `CAN_RUN`, and the
/// data engineers a level this spec does not list, with a field it does not know.
pub const NOTEBOOK_PERMISSIONS: &str = r#"{
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
      "all_permissions": [{"permission_level": "CAN_RUN", "inherited": false}]
    },
    {
      "group_name": "data-engineers",
      "all_permissions": [{"permission_level": "CAN_VIEW", "inherited": false}],
      "future_field": {"nested": [1, 2]}
    }
  ]
}"#;

/// The permissions on the directory of the `directories` cases: admins hold `CAN_MANAGE`, Jane `CAN_RUN`, and the
/// data engineers a level this spec does not list, with a field it does not know.
pub const DIRECTORY_PERMISSIONS: &str = r#"{
  "object_id": "/directories/4108364197239567",
  "object_type": "directory",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": false}]
    },
    {
      "user_name": "jane.doe@example.com",
      "display_name": "Jane Doe",
      "all_permissions": [{"permission_level": "CAN_RUN", "inherited": false}]
    },
    {
      "group_name": "data-engineers",
      "all_permissions": [{"permission_level": "CAN_VIEW", "inherited": false}],
      "future_field": {"nested": [1, 2]}
    }
  ]
}"#;

/// The permissions on the file of the `files` cases: admins hold `CAN_MANAGE`, Jane `CAN_RUN`, and the
/// data engineers a level this spec does not list, with a field it does not know.
pub const FILE_PERMISSIONS: &str = r#"{
  "object_id": "/files/2750918364520197",
  "object_type": "file",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/directories/4108364197239567"]}]
    },
    {
      "user_name": "jane.doe@example.com",
      "display_name": "Jane Doe",
      "all_permissions": [{"permission_level": "CAN_RUN", "inherited": false}]
    },
    {
      "group_name": "data-engineers",
      "all_permissions": [{"permission_level": "CAN_VIEW", "inherited": false}],
      "future_field": {"nested": [1, 2]}
    }
  ]
}"#;

/// Body of the `set...Permissions` cases: the complete new list of direct grants.
pub const SET_PERMISSIONS: &str = r#"{"access_control_list": [
  {"user_name": "jane.doe@example.com", "permission_level": "CAN_RUN"},
  {"group_name": "data-engineers", "permission_level": "CAN_READ"}
]}"#;

/// Body of the `update...Permissions` cases: one more grant, the others kept.
pub const UPDATE_PERMISSIONS: &str = r#"{"access_control_list": [{"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_EDIT"}]}"#;

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
        operation: "workspace.getNotebookPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/notebooks/1837452069318764/permissionLevels",
        query: &[],
        body: None,
        response: PERMISSION_LEVELS,
        cli: &["workspace", "get-notebook-permission-levels", NOTEBOOK_ID],
    },
    Case {
        operation: "workspace.getNotebookPermissions",
        method: "GET",
        path: "/api/2.0/permissions/notebooks/1837452069318764",
        query: &[],
        body: None,
        response: NOTEBOOK_PERMISSIONS,
        cli: &["workspace", "get-notebook-permissions", NOTEBOOK_ID],
    },
    Case {
        operation: "workspace.setNotebookPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/notebooks/1837452069318764",
        query: &[],
        body: Some(SET_PERMISSIONS),
        response: NOTEBOOK_PERMISSIONS,
        cli: &[
            "workspace",
            "set-notebook-permissions",
            NOTEBOOK_ID,
            "--json",
            SET_PERMISSIONS,
        ],
    },
    Case {
        operation: "workspace.updateNotebookPermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/notebooks/1837452069318764",
        query: &[],
        body: Some(UPDATE_PERMISSIONS),
        response: NOTEBOOK_PERMISSIONS,
        cli: &[
            "workspace",
            "update-notebook-permissions",
            NOTEBOOK_ID,
            "--json",
            UPDATE_PERMISSIONS,
        ],
    },
    Case {
        operation: "workspace.getDirectoryPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/directories/4108364197239567/permissionLevels",
        query: &[],
        body: None,
        response: PERMISSION_LEVELS,
        cli: &["workspace", "get-directory-permission-levels", DIRECTORY_ID],
    },
    Case {
        operation: "workspace.getDirectoryPermissions",
        method: "GET",
        path: "/api/2.0/permissions/directories/4108364197239567",
        query: &[],
        body: None,
        response: DIRECTORY_PERMISSIONS,
        cli: &["workspace", "get-directory-permissions", DIRECTORY_ID],
    },
    Case {
        operation: "workspace.setDirectoryPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/directories/4108364197239567",
        query: &[],
        body: Some(SET_PERMISSIONS),
        response: DIRECTORY_PERMISSIONS,
        cli: &[
            "workspace",
            "set-directory-permissions",
            DIRECTORY_ID,
            "--json",
            SET_PERMISSIONS,
        ],
    },
    Case {
        operation: "workspace.updateDirectoryPermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/directories/4108364197239567",
        query: &[],
        body: Some(UPDATE_PERMISSIONS),
        response: DIRECTORY_PERMISSIONS,
        cli: &[
            "workspace",
            "update-directory-permissions",
            DIRECTORY_ID,
            "--json",
            UPDATE_PERMISSIONS,
        ],
    },
    Case {
        operation: "workspace.getFilePermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/files/2750918364520197/permissionLevels",
        query: &[],
        body: None,
        response: PERMISSION_LEVELS,
        cli: &["workspace", "get-file-permission-levels", FILE_ID],
    },
    Case {
        operation: "workspace.getFilePermissions",
        method: "GET",
        path: "/api/2.0/permissions/files/2750918364520197",
        query: &[],
        body: None,
        response: FILE_PERMISSIONS,
        cli: &["workspace", "get-file-permissions", FILE_ID],
    },
    Case {
        operation: "workspace.setFilePermissions",
        method: "PUT",
        path: "/api/2.0/permissions/files/2750918364520197",
        query: &[],
        body: Some(SET_PERMISSIONS),
        response: FILE_PERMISSIONS,
        cli: &["workspace", "set-file-permissions", FILE_ID, "--json", SET_PERMISSIONS],
    },
    Case {
        operation: "workspace.updateFilePermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/files/2750918364520197",
        query: &[],
        body: Some(UPDATE_PERMISSIONS),
        response: FILE_PERMISSIONS,
        cli: &[
            "workspace",
            "update-file-permissions",
            FILE_ID,
            "--json",
            UPDATE_PERMISSIONS,
        ],
    },
];
