//! Apps (`/api/2.0/apps/...` and `/api/2.0/permissions/apps/...`): Databricks Apps, their compute, their
//! deployments, and who may use them.

use super::Case;

/// The app the cases are about.
pub const APP_NAME: &str = "sales-dashboard";

/// Its latest deployment.
pub const DEPLOYMENT_ID: &str = "01ef0bda89f21f08a8351f41e4a4b6e1";

/// The app's service principal, as the server answers it (an int64 id).
pub const SERVICE_PRINCIPAL_ID: i64 = 7_382_915_043_216_721;

/// The app as the server describes it: running its active deployment on `MEDIUM` compute, with a SQL
/// warehouse and a secret as resources; the secret resource carries a permission this spec does not know
/// (`READ_WRITE`) and the app a field it does not know.
pub const APP: &str = r#"{
  "name": "sales-dashboard",
  "id": "0bd2f8a1-6c3e-4b7d-9e21-5a4c8f0d3b76",
  "description": "Daily sales by region",
  "url": "https://sales-dashboard-1234567890123456.aws.databricksapps.com",
  "compute_size": "MEDIUM",
  "compute_status": {"state": "ACTIVE", "message": "App compute is active.", "active_instances": 1},
  "app_status": {"state": "RUNNING", "message": "App is running", "running_instances": 1},
  "resources": [
    {"name": "warehouse", "description": "Runs the dashboard's queries", "sql_warehouse": {"id": "4b9a6f2c1d3e5a7b", "permission": "CAN_USE"}},
    {"name": "api-key", "secret": {"scope": "sales", "key": "maps-api-key", "permission": "READ_WRITE"}}
  ],
  "active_deployment": {
    "deployment_id": "01ef0bda89f21f08a8351f41e4a4b6e1",
    "source_code_path": "/Workspace/Users/jane.doe@example.com/sales-dashboard",
    "mode": "SNAPSHOT",
    "deployment_artifacts": {"source_code_path": "/Workspace/Users/1234567890123456/src/01ef0bda89f21f08a8351f41e4a4b6e1"},
    "status": {"state": "SUCCEEDED", "message": "App started successfully"},
    "creator": "jane.doe@example.com",
    "create_time": "2026-11-30T09:14:22Z",
    "update_time": "2026-11-30T09:15:03Z"
  },
  "default_source_code_path": "/Workspace/Users/jane.doe@example.com/sales-dashboard",
  "user_api_scopes": ["sql"],
  "effective_user_api_scopes": ["sql", "iam.current-user:read"],
  "service_principal_id": 7382915043216721,
  "service_principal_client_id": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
  "service_principal_name": "app-2f0c sales-dashboard",
  "oauth2_app_client_id": "8d1c4e7a-2b5f-4a9e-b3c6-0f7d2e9a1b48",
  "oauth2_app_integration_id": "8d1c4e7a-2b5f-4a9e-b3c6-0f7d2e9a1b48",
  "creator": "jane.doe@example.com",
  "create_time": "2026-11-28T16:02:11Z",
  "updater": "jane.doe@example.com",
  "update_time": "2026-11-30T09:15:03Z",
  "future_field": {"nested": [1, 2]}
}"#;

/// A deployment from a Git branch, still in progress, with a mode this spec does not know.
pub const DEPLOYMENT: &str = r#"{
  "deployment_id": "01ef0bda89f21f08a8351f41e4a4b6e1",
  "git_source": {
    "branch": "main",
    "source_code_path": "apps/sales-dashboard",
    "resolved_commit": "3f9c2a7e5b1d4c6a8e0f2b4d6c8a0e2f4b6d8c0a",
    "git_repository": {"provider": "gitHub", "url": "https://github.com/example-org/dashboards.git"}
  },
  "mode": "GIT_SYNC",
  "command": ["streamlit", "run", "app.py"],
  "env_vars": [{"name": "REGION", "value": "emea"}, {"name": "MAPS_API_KEY", "value_from": "api-key"}],
  "status": {"state": "IN_PROGRESS", "message": "Building the app"},
  "creator": "jane.doe@example.com",
  "create_time": "2026-12-02T08:41:57Z",
  "update_time": "2026-12-02T08:41:57Z"
}"#;

/// The permissions on the app: its creator manages it, a group uses it, and a service principal holds
/// `CAN_DEPLOY`, a level this spec does not list.
pub const APP_PERMISSIONS: &str = r#"{
  "object_id": "/apps/0bd2f8a1-6c3e-4b7d-9e21-5a4c8f0d3b76",
  "object_type": "apps",
  "access_control_list": [
    {
      "user_name": "jane.doe@example.com",
      "display_name": "Jane Doe",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": false}]
    },
    {
      "group_name": "sales-analysts",
      "all_permissions": [{"permission_level": "CAN_USE", "inherited": false}]
    },
    {
      "service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
      "all_permissions": [{"permission_level": "CAN_DEPLOY", "inherited": false}]
    },
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/apps/"]}],
      "future_field": {"nested": [1, 2]}
    }
  ]
}"#;

const GRANT: &str = r#"{"access_control_list": [{"group_name": "sales-analysts", "permission_level": "CAN_USE"}]}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "apps.create",
        method: "POST",
        path: "/api/2.0/apps",
        query: &[("no_compute", "false")],
        body: Some(
            r#"{
              "name": "sales-dashboard",
              "description": "Daily sales by region",
              "compute_size": "MEDIUM",
              "resources": [
                {"name": "warehouse", "sql_warehouse": {"id": "4b9a6f2c1d3e5a7b", "permission": "CAN_USE"}},
                {"name": "sales-files", "uc_securable": {"securable_full_name": "main.sales.raw_files", "securable_type": "VOLUME", "permission": "READ_VOLUME"}}
              ],
              "user_api_scopes": ["sql"]
            }"#,
        ),
        response: APP,
        cli: &[
            "apps",
            "create",
            APP_NAME,
            "--no-compute=false",
            "--description",
            "Daily sales by region",
            "--compute-size",
            "MEDIUM",
            "--json",
            r#"{"resources": [
                {"name": "warehouse", "sql_warehouse": {"id": "4b9a6f2c1d3e5a7b", "permission": "CAN_USE"}},
                {"name": "sales-files", "uc_securable": {"securable_full_name": "main.sales.raw_files", "securable_type": "VOLUME", "permission": "READ_VOLUME"}}
              ],
              "user_api_scopes": ["sql"]}"#,
        ],
    },
    Case {
        operation: "apps.delete",
        method: "DELETE",
        path: "/api/2.0/apps/sales-dashboard",
        query: &[],
        body: None,
        response: APP,
        cli: &["apps", "delete", APP_NAME],
    },
    Case {
        operation: "apps.deploy",
        method: "POST",
        path: "/api/2.0/apps/sales-dashboard/deployments",
        query: &[],
        body: Some(
            r#"{
              "git_source": {"branch": "main", "source_code_path": "apps/sales-dashboard"},
              "command": ["streamlit", "run", "app.py"],
              "env_vars": [{"name": "REGION", "value": "emea"}, {"name": "MAPS_API_KEY", "value_from": "api-key"}]
            }"#,
        ),
        response: DEPLOYMENT,
        cli: &[
            "apps",
            "deploy",
            APP_NAME,
            "--command",
            "streamlit",
            "--command",
            "run",
            "--command",
            "app.py",
            "--json",
            r#"{"git_source": {"branch": "main", "source_code_path": "apps/sales-dashboard"},
                "env_vars": [{"name": "REGION", "value": "emea"}, {"name": "MAPS_API_KEY", "value_from": "api-key"}]}"#,
        ],
    },
    Case {
        operation: "apps.get",
        method: "GET",
        path: "/api/2.0/apps/sales-dashboard",
        query: &[],
        body: None,
        response: APP,
        cli: &["apps", "get", APP_NAME],
    },
    Case {
        operation: "apps.getDeployment",
        method: "GET",
        path: "/api/2.0/apps/sales-dashboard/deployments/01ef0bda89f21f08a8351f41e4a4b6e1",
        query: &[],
        body: None,
        response: DEPLOYMENT,
        cli: &["apps", "get-deployment", APP_NAME, DEPLOYMENT_ID],
    },
    Case {
        operation: "apps.getPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/apps/sales-dashboard/permissionLevels",
        query: &[],
        body: None,
        response: r#"{
          "permission_levels": [
            {"permission_level": "CAN_USE", "description": "Can use the app"},
            {"permission_level": "CAN_MANAGE", "description": "Can manage the app"},
            {"permission_level": "CAN_DEPLOY", "description": "Can deploy the app"}
          ]
        }"#,
        cli: &["apps", "get-permission-levels", APP_NAME],
    },
    Case {
        operation: "apps.getPermissions",
        method: "GET",
        path: "/api/2.0/permissions/apps/sales-dashboard",
        query: &[],
        body: None,
        response: APP_PERMISSIONS,
        cli: &["apps", "get-permissions", APP_NAME],
    },
    Case {
        operation: "apps.list",
        method: "GET",
        path: "/api/2.0/apps",
        query: &[
            ("page_size", "2"),
            ("page_token", "CAESEHNhbGVzLWRhc2hib2FyZA"),
            ("space", "sales"),
        ],
        body: None,
        response: r#"{
          "apps": [
            {"name": "sales-dashboard", "compute_status": {"state": "ACTIVE"}, "app_status": {"state": "RUNNING"}, "space": "sales"},
            {"name": "sales-forecast", "compute_status": {"state": "HIBERNATING"}, "app_status": {"state": "UNAVAILABLE"}, "space": "sales"}
          ],
          "next_page_token": "CAESDnNhbGVzLWZvcmVjYXN0"
        }"#,
        cli: &[
            "apps",
            "list",
            "--page-size",
            "2",
            "--page-token",
            "CAESEHNhbGVzLWRhc2hib2FyZA",
            "--space",
            "sales",
        ],
    },
    Case {
        operation: "apps.listDeployments",
        method: "GET",
        path: "/api/2.0/apps/sales-dashboard/deployments",
        query: &[("page_size", "20")],
        body: None,
        response: r#"{
          "app_deployments": [
            {"deployment_id": "01ef0bda89f21f08a8351f41e4a4b6e1", "mode": "SNAPSHOT", "status": {"state": "IN_PROGRESS"}},
            {"deployment_id": "01ef0a1c77d41b2e9f6a3c5d7e9b1f20", "mode": "SNAPSHOT", "status": {"state": "SUCCEEDED", "message": "App started successfully"}}
          ]
        }"#,
        cli: &["apps", "list-deployments", APP_NAME, "--page-size", "20"],
    },
    Case {
        operation: "apps.setPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/apps/sales-dashboard",
        query: &[],
        body: Some(GRANT),
        response: APP_PERMISSIONS,
        cli: &["apps", "set-permissions", APP_NAME, "--json", GRANT],
    },
    Case {
        operation: "apps.start",
        method: "POST",
        path: "/api/2.0/apps/sales-dashboard/start",
        query: &[],
        body: None,
        response: r#"{"name": "sales-dashboard", "compute_status": {"state": "STARTING", "message": "App compute is starting."}}"#,
        cli: &["apps", "start", APP_NAME],
    },
    Case {
        operation: "apps.stop",
        method: "POST",
        path: "/api/2.0/apps/sales-dashboard/stop",
        query: &[],
        body: None,
        response: r#"{"name": "sales-dashboard", "compute_status": {"state": "STOPPING", "message": "App compute is stopping."}}"#,
        cli: &["apps", "stop", APP_NAME],
    },
    Case {
        operation: "apps.update",
        method: "PATCH",
        path: "/api/2.0/apps/sales-dashboard",
        query: &[],
        body: Some(
            r#"{
              "name": "sales-dashboard",
              "description": "Daily and weekly sales by region",
              "compute_size": "LARGE",
              "git_repository": {"provider": "gitHub", "url": "https://github.com/example-org/dashboards.git", "auto_deploy": true}
            }"#,
        ),
        response: APP,
        cli: &[
            "apps",
            "update",
            APP_NAME,
            "--description",
            "Daily and weekly sales by region",
            "--compute-size",
            "LARGE",
            "--json",
            r#"{"name": "sales-dashboard",
                "git_repository": {"provider": "gitHub", "url": "https://github.com/example-org/dashboards.git", "auto_deploy": true}}"#,
        ],
    },
    Case {
        operation: "apps.updatePermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/apps/sales-dashboard",
        query: &[],
        body: Some(GRANT),
        response: APP_PERMISSIONS,
        cli: &["apps", "update-permissions", APP_NAME, "--json", GRANT],
    },
];
