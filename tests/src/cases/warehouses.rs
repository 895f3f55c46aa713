//! SQL warehouses (`/api/2.0/sql/warehouses`), the workspace warehouse configuration and the warehouse
//! permissions.

use super::{Case, EMPTY};

pub const WAREHOUSE_ID: &str = "4b9d5c2a7e1f3068";

/// A warehouse as `warehouses.get` returns it: degraded, in a state this spec does not know, with a field it
/// does not know either.
pub const WAREHOUSE: &str = r#"{
  "id": "4b9d5c2a7e1f3068",
  "name": "analytics-bi",
  "cluster_size": "Small",
  "min_num_clusters": 1,
  "max_num_clusters": 4,
  "auto_stop_mins": 45,
  "enable_photon": true,
  "enable_serverless_compute": true,
  "warehouse_type": "PRO",
  "spot_instance_policy": "COST_OPTIMIZED",
  "channel": {"name": "CHANNEL_NAME_CURRENT"},
  "tags": {"custom_tags": [{"key": "cost-center", "value": "cc-1042"}]},
  "creator_name": "jane.doe@example.com",
  "statement_timeout": 3600,
  "state": "UPGRADING",
  "num_clusters": 2,
  "num_active_sessions": 7,
  "jdbc_url": "jdbc:spark://dbc-a1b2c3d4-e5f6.cloud.databricks.com:443/default;transportMode=http;ssl=1;AuthMech=3;httpPath=/sql/1.0/warehouses/4b9d5c2a7e1f3068;",
  "odbc_params": {
    "hostname": "dbc-a1b2c3d4-e5f6.cloud.databricks.com",
    "path": "/sql/1.0/warehouses/4b9d5c2a7e1f3068",
    "port": 443,
    "protocol": "https"
  },
  "health": {
    "status": "DEGRADED",
    "summary": "Could not acquire enough instances.",
    "details": "1 of 2 clusters is running; the other is waiting for capacity in us-west-2a.",
    "failure_reason": {
      "code": "AWS_INSUFFICIENT_INSTANCE_CAPACITY_FAILURE",
      "type": "CLOUD_FAILURE",
      "parameters": {"aws_error_message": "There is no Spot capacity available that matches your request."}
    }
  },
  "future_field": {"nested": [1, 2]}
}"#;

/// The permissions on the warehouse: Jane owns it, the analysts may use it, a service principal holds
/// `CAN_QUERY_HISTORY`, a level this spec does not list, and the admins inherit `CAN_MANAGE`.
pub const PERMISSIONS: &str = r#"{
  "object_id": "/sql/warehouses/4b9d5c2a7e1f3068",
  "object_type": "warehouses",
  "access_control_list": [
    {
      "user_name": "jane.doe@example.com",
      "display_name": "Jane Doe",
      "all_permissions": [{"permission_level": "IS_OWNER", "inherited": false}]
    },
    {
      "group_name": "analysts",
      "all_permissions": [{"permission_level": "CAN_USE", "inherited": false}]
    },
    {
      "service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
      "display_name": "bi-refresh",
      "all_permissions": [{"permission_level": "CAN_QUERY_HISTORY", "inherited": false}]
    },
    {
      "group_name": "admins",
      "all_permissions": [
        {"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/sql/warehouses/"]}
      ],
      "future_field": {"nested": [1, 2]}
    }
  ]
}"#;

/// The workspace warehouse configuration, read and written whole, with a security policy this spec does
/// not know.
pub const CONFIG: &str = r#"{
  "security_policy": "DATA_ACCESS_CONTROL",
  "instance_profile_arn": "arn:aws:iam::123456789012:instance-profile/sql-warehouses",
  "data_access_config": [
    {"key": "spark.sql.hive.metastore.version", "value": "2.3.9"},
    {"key": "spark.sql.hive.metastore.jars", "value": "builtin"}
  ],
  "sql_configuration_parameters": {
    "configuration_pairs": [{"key": "ANSI_MODE", "value": "true"}]
  },
  "enabled_warehouse_types": [
    {"warehouse_type": "PRO", "enabled": true},
    {"warehouse_type": "CLASSIC", "enabled": false}
  ],
  "channel": {"name": "CHANNEL_NAME_PREVIEW"},
  "enable_serverless_compute": true
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "warehouses.create",
        method: "POST",
        path: "/api/2.0/sql/warehouses",
        query: &[],
        body: Some(
            r#"{
              "name": "analytics-bi",
              "cluster_size": "Small",
              "min_num_clusters": 1,
              "max_num_clusters": 4,
              "auto_stop_mins": 45,
              "enable_photon": true,
              "enable_serverless_compute": true,
              "warehouse_type": "PRO",
              "spot_instance_policy": "COST_OPTIMIZED",
              "statement_timeout": 3600,
              "channel": {"name": "CHANNEL_NAME_CURRENT"},
              "tags": {"custom_tags": [{"key": "cost-center", "value": "cc-1042"}]}
            }"#,
        ),
        response: r#"{"id": "4b9d5c2a7e1f3068"}"#,
        cli: &[
            "warehouses",
            "create",
            "--name",
            "analytics-bi",
            "--cluster-size",
            "Small",
            "--min-num-clusters",
            "1",
            "--max-num-clusters",
            "4",
            "--auto-stop-mins",
            "45",
            "--enable-photon",
            "--enable-serverless-compute",
            "--warehouse-type",
            "PRO",
            "--spot-instance-policy",
            "COST_OPTIMIZED",
            "--statement-timeout",
            "3600",
            "--json",
            r#"{"channel": {"name": "CHANNEL_NAME_CURRENT"}, "tags": {"custom_tags": [{"key": "cost-center", "value": "cc-1042"}]}}"#,
        ],
    },
    Case {
        operation: "warehouses.delete",
        method: "DELETE",
        path: "/api/2.0/sql/warehouses/4b9d5c2a7e1f3068",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["warehouses", "delete", WAREHOUSE_ID],
    },
    Case {
        operation: "warehouses.edit",
        method: "POST",
        path: "/api/2.0/sql/warehouses/4b9d5c2a7e1f3068/edit",
        query: &[],
        body: Some(
            r#"{
              "name": "analytics-bi",
              "cluster_size": "Medium",
              "max_num_clusters": 6,
              "auto_stop_mins": 0,
              "channel": {"name": "CHANNEL_NAME_CUSTOM", "dbsql_version": "2025.35"}
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "warehouses",
            "edit",
            WAREHOUSE_ID,
            "--name",
            "analytics-bi",
            "--cluster-size",
            "Medium",
            "--max-num-clusters",
            "6",
            "--auto-stop-mins",
            "0",
            "--json",
            r#"{"channel": {"name": "CHANNEL_NAME_CUSTOM", "dbsql_version": "2025.35"}}"#,
        ],
    },
    Case {
        operation: "warehouses.get",
        method: "GET",
        path: "/api/2.0/sql/warehouses/4b9d5c2a7e1f3068",
        query: &[],
        body: None,
        response: WAREHOUSE,
        cli: &["warehouses", "get", WAREHOUSE_ID],
    },
    Case {
        operation: "warehouses.getPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/warehouses/4b9d5c2a7e1f3068/permissionLevels",
        query: &[],
        body: None,
        response: r#"{
          "permission_levels": [
            {"permission_level": "CAN_VIEW", "description": "Can see the warehouse"},
            {"permission_level": "CAN_USE", "description": "Can run queries on the warehouse"},
            {"permission_level": "CAN_MONITOR", "description": "Can see every query and the metrics of the warehouse"},
            {"permission_level": "CAN_MANAGE", "description": "Can start, stop, edit, delete and share the warehouse"},
            {"permission_level": "IS_OWNER", "description": "Owns the warehouse"}
          ]
        }"#,
        cli: &["warehouses", "get-permission-levels", WAREHOUSE_ID],
    },
    Case {
        operation: "warehouses.getPermissions",
        method: "GET",
        path: "/api/2.0/permissions/warehouses/4b9d5c2a7e1f3068",
        query: &[],
        body: None,
        response: PERMISSIONS,
        cli: &["warehouses", "get-permissions", WAREHOUSE_ID],
    },
    Case {
        operation: "warehouses.getWorkspaceWarehouseConfig",
        method: "GET",
        path: "/api/2.0/sql/config/warehouses",
        query: &[],
        body: None,
        response: r#"{
          "security_policy": "UNITY_CATALOG_ONLY",
          "instance_profile_arn": "arn:aws:iam::123456789012:instance-profile/sql-warehouses",
          "data_access_config": [
            {"key": "spark.sql.hive.metastore.version", "value": "2.3.9"},
            {"key": "spark.sql.hive.metastore.jars", "value": "builtin"}
          ],
          "sql_configuration_parameters": {
            "configuration_pairs": [{"key": "ANSI_MODE", "value": "true"}]
          },
          "enabled_warehouse_types": [
            {"warehouse_type": "PRO", "enabled": true},
            {"warehouse_type": "CLASSIC", "enabled": false}
          ],
          "channel": {"name": "CHANNEL_NAME_CURRENT"},
          "enable_serverless_compute": true,
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["warehouses", "get-workspace-warehouse-config"],
    },
    Case {
        operation: "warehouses.list",
        method: "GET",
        path: "/api/2.0/sql/warehouses",
        query: &[("page_size", "2"), ("page_token", "CAISEDRiOWQ1YzJhN2UxZjMwNjg=")],
        body: None,
        response: r#"{
          "warehouses": [
            {
              "id": "4b9d5c2a7e1f3068",
              "name": "analytics-bi",
              "cluster_size": "Small",
              "warehouse_type": "PRO",
              "enable_serverless_compute": true,
              "state": "RUNNING",
              "num_clusters": 1
            },
            {
              "id": "9e3a61f0c4d28b57",
              "name": "finance-classic",
              "cluster_size": "2X-Small",
              "warehouse_type": "CLASSIC",
              "state": "STOPPED",
              "num_clusters": 0,
              "future_field": {"nested": [1, 2]}
            }
          ],
          "next_page_token": "CAISEDllM2E2MWYwYzRkMjhiNTc="
        }"#,
        cli: &[
            "warehouses",
            "list",
            "--page-size",
            "2",
            "--page-token",
            "CAISEDRiOWQ1YzJhN2UxZjMwNjg=",
        ],
    },
    Case {
        operation: "warehouses.setPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/warehouses/4b9d5c2a7e1f3068",
        query: &[],
        body: Some(
            r#"{
              "access_control_list": [
                {"user_name": "jane.doe@example.com", "permission_level": "IS_OWNER"},
                {"group_name": "analysts", "permission_level": "CAN_USE"}
              ]
            }"#,
        ),
        response: PERMISSIONS,
        cli: &[
            "warehouses",
            "set-permissions",
            WAREHOUSE_ID,
            "--json",
            r#"{"access_control_list": [
                {"user_name": "jane.doe@example.com", "permission_level": "IS_OWNER"},
                {"group_name": "analysts", "permission_level": "CAN_USE"}
            ]}"#,
        ],
    },
    Case {
        operation: "warehouses.setWorkspaceWarehouseConfig",
        method: "PUT",
        path: "/api/2.0/sql/config/warehouses",
        query: &[],
        body: Some(CONFIG),
        response: EMPTY,
        cli: &["warehouses", "set-workspace-warehouse-config", "--json", CONFIG],
    },
    Case {
        operation: "warehouses.start",
        method: "POST",
        path: "/api/2.0/sql/warehouses/4b9d5c2a7e1f3068/start",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["warehouses", "start", WAREHOUSE_ID],
    },
    Case {
        operation: "warehouses.stop",
        method: "POST",
        path: "/api/2.0/sql/warehouses/4b9d5c2a7e1f3068/stop",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["warehouses", "stop", WAREHOUSE_ID],
    },
    Case {
        operation: "warehouses.updatePermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/warehouses/4b9d5c2a7e1f3068",
        query: &[],
        body: Some(r#"{"access_control_list": [{"group_name": "analysts", "permission_level": "CAN_MONITOR"}]}"#),
        response: PERMISSIONS,
        cli: &[
            "warehouses",
            "update-permissions",
            WAREHOUSE_ID,
            "--json",
            r#"{"access_control_list": [{"group_name": "analysts", "permission_level": "CAN_MONITOR"}]}"#,
        ],
    },
];
