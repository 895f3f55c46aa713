//! Git folders (`/api/2.0/repos`) and their permissions.

use super::{Case, EMPTY};

/// The Git folder every repos case is about, as the API and the CLI write its id.
pub const REPO_ID: i64 = 1_064_217_325_418_807;
pub const REPO_ID_TEXT: &str = "1064217325418807";
pub const REPO_PATH: &str = "/Repos/jane.doe@example.com/etl-pipelines";
pub const REPO_URL: &str = "https://github.com/example-org/etl-pipelines.git";
pub const HEAD_COMMIT: &str = "7e0847ede61f07adede22e2bcce6050216489171";

/// The Git folder as `repos.get` returns it, with a field this spec does not know.
pub const REPO: &str = r#"{
  "id": 1064217325418807,
  "path": "/Repos/jane.doe@example.com/etl-pipelines",
  "url": "https://github.com/example-org/etl-pipelines.git",
  "provider": "gitHub",
  "branch": "main",
  "head_commit_id": "7e0847ede61f07adede22e2bcce6050216489171",
  "sparse_checkout": {"patterns": ["pipelines/", "shared/utils/"]},
  "git_cli_enabled": false,
  "future_field": {"nested": [1, 2]}
}"#;

/// The permissions on the Git folder: Jane manages it, the data engineers hold `CAN_COMMIT`, a level this
/// spec does not list, and the admins inherit `CAN_MANAGE` from the folder above.
pub const PERMISSIONS: &str = r#"{
  "object_id": "/repos/1064217325418807",
  "object_type": "repo",
  "access_control_list": [
    {
      "user_name": "jane.doe@example.com",
      "display_name": "Jane Doe",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": false}]
    },
    {
      "group_name": "data-engineers",
      "all_permissions": [{"permission_level": "CAN_COMMIT", "inherited": false}]
    },
    {
      "group_name": "admins",
      "all_permissions": [
        {"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/directories/2390481762937481"]}
      ],
      "future_field": {"nested": [1, 2]}
    }
  ]
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "repos.create",
        method: "POST",
        path: "/api/2.0/repos",
        query: &[],
        body: Some(
            r#"{
              "url": "https://github.com/example-org/etl-pipelines.git",
              "provider": "gitHub",
              "path": "/Repos/jane.doe@example.com/etl-pipelines",
              "git_credential_id": 94810352917843,
              "sparse_checkout": {"patterns": ["pipelines/", "shared/utils/"]}
            }"#,
        ),
        response: r#"{
          "id": 1064217325418807,
          "path": "/Repos/jane.doe@example.com/etl-pipelines",
          "url": "https://github.com/example-org/etl-pipelines.git",
          "provider": "gitHub",
          "branch": "main",
          "head_commit_id": "7e0847ede61f07adede22e2bcce6050216489171",
          "sparse_checkout": {"patterns": ["pipelines/", "shared/utils/"]}
        }"#,
        cli: &[
            "repos",
            "create",
            REPO_URL,
            "gitHub",
            "--path",
            REPO_PATH,
            "--git-credential-id",
            "94810352917843",
            "--json",
            r#"{"sparse_checkout": {"patterns": ["pipelines/", "shared/utils/"]}}"#,
        ],
    },
    Case {
        operation: "repos.delete",
        method: "DELETE",
        path: "/api/2.0/repos/1064217325418807",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["repos", "delete", REPO_ID_TEXT],
    },
    Case {
        operation: "repos.get",
        method: "GET",
        path: "/api/2.0/repos/1064217325418807",
        query: &[],
        body: None,
        response: REPO,
        cli: &["repos", "get", REPO_ID_TEXT],
    },
    Case {
        operation: "repos.getPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/repos/1064217325418807/permissionLevels",
        query: &[],
        body: None,
        response: r#"{
          "permission_levels": [
            {"permission_level": "CAN_READ", "description": "Can view the files of the Git folder"},
            {"permission_level": "CAN_RUN", "description": "Can view and run the notebooks of the Git folder"},
            {"permission_level": "CAN_EDIT", "description": "Can edit the files of the Git folder"},
            {"permission_level": "CAN_MANAGE", "description": "Can pull, check out, delete and share the Git folder"}
          ]
        }"#,
        cli: &["repos", "get-permission-levels", REPO_ID_TEXT],
    },
    Case {
        operation: "repos.getPermissions",
        method: "GET",
        path: "/api/2.0/permissions/repos/1064217325418807",
        query: &[],
        body: None,
        response: PERMISSIONS,
        cli: &["repos", "get-permissions", REPO_ID_TEXT],
    },
    Case {
        operation: "repos.list",
        method: "GET",
        path: "/api/2.0/repos",
        query: &[
            ("path_prefix", "/Repos/jane.doe@example.com"),
            ("next_page_token", "eyJyZXBvX2lkIjoxMDY0MjE3MzI1NDE4ODA3fQ=="),
        ],
        body: None,
        response: r#"{
          "repos": [
            {
              "id": 1064217325418807,
              "path": "/Repos/jane.doe@example.com/etl-pipelines",
              "url": "https://github.com/example-org/etl-pipelines.git",
              "provider": "gitHub",
              "branch": "main",
              "head_commit_id": "7e0847ede61f07adede22e2bcce6050216489171"
            },
            {
              "id": 2291847305127764,
              "path": "/Repos/jane.doe@example.com/dashboards",
              "url": "https://gitlab.example.com/analytics/dashboards.git",
              "provider": "gitLabEnterpriseEdition",
              "head_commit_id": "0b3c2f1a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b",
              "future_field": {"nested": [1, 2]}
            }
          ],
          "next_page_token": "eyJyZXBvX2lkIjoyMjkxODQ3MzA1MTI3NzY0fQ=="
        }"#,
        cli: &[
            "repos",
            "list",
            "--path-prefix",
            "/Repos/jane.doe@example.com",
            "--next-page-token",
            "eyJyZXBvX2lkIjoxMDY0MjE3MzI1NDE4ODA3fQ==",
        ],
    },
    Case {
        operation: "repos.setPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/repos/1064217325418807",
        query: &[],
        body: Some(
            r#"{
              "access_control_list": [
                {"user_name": "jane.doe@example.com", "permission_level": "CAN_MANAGE"},
                {"group_name": "data-engineers", "permission_level": "CAN_EDIT"}
              ]
            }"#,
        ),
        response: PERMISSIONS,
        cli: &[
            "repos",
            "set-permissions",
            REPO_ID_TEXT,
            "--json",
            r#"{"access_control_list": [
                {"user_name": "jane.doe@example.com", "permission_level": "CAN_MANAGE"},
                {"group_name": "data-engineers", "permission_level": "CAN_EDIT"}
            ]}"#,
        ],
    },
    Case {
        operation: "repos.update",
        method: "PATCH",
        path: "/api/2.0/repos/1064217325418807",
        query: &[],
        body: Some(
            r#"{
              "branch": "release-2024.06",
              "git_credential_id": 94810352917843,
              "sparse_checkout": {"patterns": ["pipelines/"]},
              "dangerously_force_discard_all": false
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "repos",
            "update",
            REPO_ID_TEXT,
            "--branch",
            "release-2024.06",
            "--git-credential-id",
            "94810352917843",
            "--dangerously-force-discard-all=false",
            "--json",
            r#"{"sparse_checkout": {"patterns": ["pipelines/"]}}"#,
        ],
    },
    Case {
        operation: "repos.updatePermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/repos/1064217325418807",
        query: &[],
        body: Some(r#"{"access_control_list": [{"group_name": "data-engineers", "permission_level": "CAN_RUN"}]}"#),
        response: PERMISSIONS,
        cli: &[
            "repos",
            "update-permissions",
            REPO_ID_TEXT,
            "--json",
            r#"{"access_control_list": [{"group_name": "data-engineers", "permission_level": "CAN_RUN"}]}"#,
        ],
    },
];
