//! Pipelines (`/api/2.0/pipelines/...` and `/api/2.0/permissions/pipelines/...`): declarative pipelines,
//! their updates and event log, and who may use them.

use super::{Case, EMPTY};

/// The pipeline the cases are about.
pub const PIPELINE_ID: &str = "3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b";

/// Its clone in Unity Catalog.
pub const CLONE_ID: &str = "c41d7e92-5a0b-4f3e-8d16-7b9a2e0c4f58";

/// The update the update cases are about.
pub const UPDATE_ID: &str = "9a6f2c4e-1b3d-4f5a-8e7c-0d2b4a6c8e1f";

/// The permissions after the owner granted `CAN_RUN` to a group; the admins hold `CAN_MANAGE` by
/// inheritance, and a service principal holds `CAN_DEPLOY`, a level this spec does not list.
pub const PIPELINE_PERMISSIONS: &str = r#"{
  "object_id": "/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b",
  "object_type": "pipelines",
  "access_control_list": [
    {
      "user_name": "jane.doe@example.com",
      "display_name": "Jane Doe",
      "all_permissions": [{"permission_level": "IS_OWNER", "inherited": false}]
    },
    {
      "group_name": "data-engineers",
      "all_permissions": [{"permission_level": "CAN_RUN", "inherited": false}]
    },
    {
      "service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
      "display_name": "nightly-etl",
      "all_permissions": [{"permission_level": "CAN_DEPLOY", "inherited": false}]
    },
    {
      "group_name": "admins",
      "all_permissions": [
        {"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/pipelines/"]}
      ],
      "future_field": {"nested": [1, 2]}
    }
  ]
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "pipelines.applyEnvironment",
        method: "POST",
        path: "/api/2.0/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b/environment/apply",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["pipelines", "apply-environment", PIPELINE_ID],
    },
    Case {
        operation: "pipelines.clone",
        method: "POST",
        path: "/api/2.0/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b/clone",
        query: &[],
        body: Some(
            r#"{
              "clone_mode": "MIGRATE_TO_UC",
              "catalog": "main",
              "schema": "sales",
              "expected_last_modified": 1715339712345
            }"#,
        ),
        response: r#"{"pipeline_id": "c41d7e92-5a0b-4f3e-8d16-7b9a2e0c4f58"}"#,
        cli: &[
            "pipelines",
            "clone",
            PIPELINE_ID,
            "--json",
            r#"{"clone_mode": "MIGRATE_TO_UC", "catalog": "main", "schema": "sales",
                "expected_last_modified": 1715339712345}"#,
        ],
    },
    Case {
        operation: "pipelines.create",
        method: "POST",
        path: "/api/2.0/pipelines",
        query: &[],
        body: Some(
            r#"{
              "name": "sales-orders",
              "catalog": "main",
              "schema": "sales",
              "serverless": true,
              "continuous": false,
              "channel": "CURRENT",
              "libraries": [
                {"glob": {"include": "/Workspace/Users/jane.doe@example.com/sales-orders/transformations/**"}},
                {"notebook": {"path": "/Workspace/Users/jane.doe@example.com/sales-orders/bronze"}}
              ],
              "configuration": {"source_path": "/Volumes/main/raw/orders"},
              "notifications": [
                {"email_recipients": ["jane.doe@example.com"], "alerts": ["on-update-failure", "on-flow-failure"]}
              ],
              "environment": {"dependencies": ["great-expectations==0.18.12"]}
            }"#,
        ),
        response: r#"{"pipeline_id": "3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b"}"#,
        cli: &[
            "pipelines",
            "create",
            "--json",
            r#"{
              "name": "sales-orders",
              "catalog": "main",
              "schema": "sales",
              "serverless": true,
              "continuous": false,
              "channel": "CURRENT",
              "libraries": [
                {"glob": {"include": "/Workspace/Users/jane.doe@example.com/sales-orders/transformations/**"}},
                {"notebook": {"path": "/Workspace/Users/jane.doe@example.com/sales-orders/bronze"}}
              ],
              "configuration": {"source_path": "/Volumes/main/raw/orders"},
              "notifications": [
                {"email_recipients": ["jane.doe@example.com"], "alerts": ["on-update-failure", "on-flow-failure"]}
              ],
              "environment": {"dependencies": ["great-expectations==0.18.12"]}
            }"#,
        ],
    },
    Case {
        operation: "pipelines.delete",
        method: "DELETE",
        path: "/api/2.0/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b",
        query: &[("cascade", "false")],
        body: None,
        response: EMPTY,
        cli: &["pipelines", "delete", PIPELINE_ID, "--json", r#"{"cascade": false}"#],
    },
    Case {
        operation: "pipelines.get",
        method: "GET",
        path: "/api/2.0/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b",
        query: &[],
        body: None,
        // A classic pipeline running an update on its own cluster, with a field this spec does not know.
        response: r#"{
          "pipeline_id": "3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b",
          "spec": {
            "id": "3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b",
            "name": "sales-orders",
            "catalog": "main",
            "schema": "sales",
            "channel": "CURRENT",
            "edition": "ADVANCED",
            "photon": true,
            "development": false,
            "continuous": false,
            "clusters": [
              {
                "label": "default",
                "node_type_id": "i3.xlarge",
                "autoscale": {"min_workers": 1, "max_workers": 5, "mode": "ENHANCED"},
                "aws_attributes": {"availability": "SPOT_WITH_FALLBACK", "first_on_demand": 1},
                "custom_tags": {"team": "sales-analytics"}
              }
            ],
            "libraries": [
              {"notebook": {"path": "/Workspace/Users/jane.doe@example.com/sales-orders/bronze"}},
              {"file": {"path": "/Workspace/Users/jane.doe@example.com/sales-orders/silver.sql"}}
            ],
            "configuration": {"source_path": "/Volumes/main/raw/orders"},
            "notifications": [
              {"email_recipients": ["jane.doe@example.com"], "alerts": ["on-update-failure"]}
            ],
            "restart_window": {"start_hour": 2, "days_of_week": ["SATURDAY", "SUNDAY"], "time_zone_id": "Europe/Amsterdam"},
            "deployment": {"kind": "BUNDLE", "metadata_file_path": "/Workspace/Users/jane.doe@example.com/.bundle/sales/dev/state/metadata.json"},
            "tags": {"cost-center": "4711"}
          },
          "state": "RUNNING",
          "cluster_id": "0515-091322-x7k2p9qa",
          "name": "sales-orders",
          "creator_user_name": "jane.doe@example.com",
          "run_as_user_name": "jane.doe@example.com",
          "run_as": {"user_name": "jane.doe@example.com"},
          "health": "HEALTHY",
          "last_modified": 1715339712345,
          "effective_publishing_mode": "DEFAULT_PUBLISHING_MODE",
          "latest_updates": [
            {"update_id": "9a6f2c4e-1b3d-4f5a-8e7c-0d2b4a6c8e1f", "state": "RUNNING", "creation_time": "2024-05-15T09:13:22.518Z"},
            {"update_id": "1e4b7c2a-9d3f-4a6e-b8c1-5f2d0a7e9b34", "state": "COMPLETED", "creation_time": "2024-05-14T09:13:05.201Z"}
          ],
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["pipelines", "get", PIPELINE_ID],
    },
    Case {
        operation: "pipelines.getPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b/permissionLevels",
        query: &[],
        body: None,
        response: r#"{
          "permission_levels": [
            {"permission_level": "CAN_VIEW", "description": "Can view the pipeline"},
            {"permission_level": "CAN_RUN", "description": "Can view and run the pipeline"},
            {"permission_level": "CAN_MANAGE", "description": "Can view, run, edit and delete the pipeline"},
            {"permission_level": "IS_OWNER", "description": "Owns the pipeline"}
          ]
        }"#,
        cli: &["pipelines", "get-permission-levels", PIPELINE_ID],
    },
    Case {
        operation: "pipelines.getPermissions",
        method: "GET",
        path: "/api/2.0/permissions/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b",
        query: &[],
        body: None,
        response: PIPELINE_PERMISSIONS,
        cli: &["pipelines", "get-permissions", PIPELINE_ID],
    },
    Case {
        operation: "pipelines.getUpdate",
        method: "GET",
        path: "/api/2.0/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b/updates/9a6f2c4e-1b3d-4f5a-8e7c-0d2b4a6c8e1f",
        query: &[],
        body: None,
        response: r#"{
          "update": {
            "pipeline_id": "3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b",
            "update_id": "9a6f2c4e-1b3d-4f5a-8e7c-0d2b4a6c8e1f",
            "config": {
              "id": "3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b",
              "name": "sales-orders",
              "catalog": "main",
              "schema": "sales",
              "serverless": true
            },
            "cause": "API_CALL",
            "state": "RUNNING",
            "cluster_id": "0515-091322-x7k2p9qa",
            "creation_time": 1715764402518,
            "full_refresh": false,
            "refresh_selection": ["main.sales.orders_silver"],
            "mode": "DEFAULT",
            "validate_only": false
          }
        }"#,
        cli: &["pipelines", "get-update", PIPELINE_ID, UPDATE_ID],
    },
    Case {
        operation: "pipelines.listPipelineEvents",
        method: "GET",
        path: "/api/2.0/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b/events",
        query: &[
            ("filter", "level in ('ERROR', 'WARN')"),
            ("max_results", "2"),
            ("order_by", "timestamp desc"),
        ],
        body: None,
        // A flow failure with its exception chain, and a warning at a level this spec does not list.
        response: r#"{
          "events": [
            {
              "id": "5f0c3a1e-8b2d-11ef-9c4a-00163e5d8b21",
              "sequence": {
                "control_plane_seq_no": 1715764519034001,
                "data_plane_id": {"instance": "0515-091322-x7k2p9qa-10-139-64-12", "seq_no": 1715764519034}
              },
              "origin": {
                "cloud": "AWS",
                "region": "us-west-2",
                "org_id": 1234567890123456,
                "pipeline_id": "3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b",
                "pipeline_name": "sales-orders",
                "cluster_id": "0515-091322-x7k2p9qa",
                "update_id": "9a6f2c4e-1b3d-4f5a-8e7c-0d2b4a6c8e1f",
                "flow_id": "b7d21f3c-0e4a-4c59-9a8b-6d3e1f2a4c5b",
                "flow_name": "main.sales.orders_silver",
                "dataset_name": "main.sales.orders_silver",
                "batch_id": 42
              },
              "timestamp": "2024-05-15T09:15:19.034Z",
              "message": "Flow 'main.sales.orders_silver' has FAILED.",
              "level": "ERROR",
              "maturity_level": "STABLE",
              "error": {
                "fatal": false,
                "exceptions": [
                  {
                    "class_name": "org.apache.spark.sql.AnalysisException",
                    "message": "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column with name `order_ts` cannot be resolved.",
                    "stack": [
                      {"declaring_class": "org.apache.spark.sql.catalyst.analysis.CheckAnalysis", "method_name": "failAnalysis", "file_name": "CheckAnalysis.scala", "line_number": 57}
                    ]
                  }
                ]
              },
              "event_type": "flow_progress",
              "details": {"flow_progress": {"status": "FAILED"}}
            },
            {
              "id": "4e9b2f0d-8b2d-11ef-9c4a-00163e5d8b21",
              "sequence": {"control_plane_seq_no": 1715764510210001},
              "origin": {
                "pipeline_id": "3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b",
                "pipeline_name": "sales-orders",
                "update_id": "9a6f2c4e-1b3d-4f5a-8e7c-0d2b4a6c8e1f"
              },
              "timestamp": "2024-05-15T09:15:10.210Z",
              "message": "Cluster autoscaling is slower than expected.",
              "level": "NOTICE",
              "maturity_level": "EVOLVING",
              "event_type": "autoscale",
              "truncation": {"truncated_fields": [{"field_name": "details"}]}
            }
          ],
          "next_page_token": "eyJzZXEiOjE3MTU3NjQ1MTAyMTAwMDF9"
        }"#,
        cli: &[
            "pipelines",
            "list-pipeline-events",
            PIPELINE_ID,
            "--filter",
            "level in ('ERROR', 'WARN')",
            "--max-results",
            "2",
            "--json",
            r#"{"order_by": ["timestamp desc"]}"#,
        ],
    },
    Case {
        operation: "pipelines.listPipelines",
        method: "GET",
        path: "/api/2.0/pipelines",
        query: &[("filter", "name LIKE '%sales%'"), ("max_results", "2")],
        body: None,
        // The second pipeline is in a state this spec does not list.
        response: r#"{
          "statuses": [
            {
              "pipeline_id": "3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b",
              "name": "sales-orders",
              "state": "RUNNING",
              "health": "HEALTHY",
              "cluster_id": "0515-091322-x7k2p9qa",
              "creator_user_name": "jane.doe@example.com",
              "run_as_user_name": "jane.doe@example.com",
              "latest_updates": [
                {"update_id": "9a6f2c4e-1b3d-4f5a-8e7c-0d2b4a6c8e1f", "state": "RUNNING", "creation_time": "2024-05-15T09:13:22.518Z"}
              ]
            },
            {
              "pipeline_id": "c41d7e92-5a0b-4f3e-8d16-7b9a2e0c4f58",
              "name": "sales-returns",
              "state": "PAUSED",
              "health": "UNHEALTHY",
              "creator_user_name": "jane.doe@example.com",
              "run_as_user_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
              "latest_updates": [
                {"update_id": "7c3e9a1b-2d4f-4e6a-9b8c-1a3d5f7e9c20", "state": "FAILED", "creation_time": "2024-05-14T22:00:03.117Z"}
              ],
              "future_field": {"nested": [1, 2]}
            }
          ],
          "next_page_token": "eyJwaXBlbGluZV9pZCI6ImM0MWQ3ZTkyIn0="
        }"#,
        cli: &[
            "pipelines",
            "list-pipelines",
            "--filter",
            "name LIKE '%sales%'",
            "--max-results",
            "2",
        ],
    },
    Case {
        operation: "pipelines.listUpdates",
        method: "GET",
        path: "/api/2.0/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b/updates",
        query: &[("max_results", "2")],
        body: None,
        // The second update was started by a cause this spec does not list.
        response: r#"{
          "updates": [
            {
              "pipeline_id": "3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b",
              "update_id": "9a6f2c4e-1b3d-4f5a-8e7c-0d2b4a6c8e1f",
              "cause": "API_CALL",
              "state": "RUNNING",
              "creation_time": 1715764402518,
              "full_refresh": false,
              "mode": "DEFAULT"
            },
            {
              "pipeline_id": "3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b",
              "update_id": "1e4b7c2a-9d3f-4a6e-b8c1-5f2d0a7e9b34",
              "cause": "SCHEDULED_REFRESH",
              "state": "COMPLETED",
              "creation_time": 1715677985201,
              "full_refresh": true,
              "full_refresh_selection": ["main.sales.orders_bronze"],
              "mode": "DEFAULT"
            }
          ],
          "next_page_token": "eyJ1cGRhdGVfaWQiOiIxZTRiN2MyYSJ9",
          "prev_page_token": "eyJ1cGRhdGVfaWQiOiI5YTZmMmM0ZSJ9"
        }"#,
        cli: &["pipelines", "list-updates", PIPELINE_ID, "--max-results", "2"],
    },
    Case {
        operation: "pipelines.setPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b",
        query: &[],
        body: Some(
            r#"{
              "access_control_list": [
                {"user_name": "jane.doe@example.com", "permission_level": "IS_OWNER"},
                {"group_name": "data-engineers", "permission_level": "CAN_RUN"}
              ]
            }"#,
        ),
        response: PIPELINE_PERMISSIONS,
        cli: &[
            "pipelines",
            "set-permissions",
            PIPELINE_ID,
            "--json",
            r#"{"access_control_list": [
                {"user_name": "jane.doe@example.com", "permission_level": "IS_OWNER"},
                {"group_name": "data-engineers", "permission_level": "CAN_RUN"}
            ]}"#,
        ],
    },
    Case {
        operation: "pipelines.startUpdate",
        method: "POST",
        path: "/api/2.0/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b/updates",
        query: &[],
        body: Some(
            r#"{
              "full_refresh_selection": ["main.sales.orders_bronze"],
              "refresh_selection": ["main.sales.orders_silver"],
              "parameters": {"run_date": "2024-05-15"}
            }"#,
        ),
        response: r#"{"update_id": "9a6f2c4e-1b3d-4f5a-8e7c-0d2b4a6c8e1f", "request_id": "9a6f2c4e-1b3d-4f5a-8e7c-0d2b4a6c8e1f"}"#,
        cli: &[
            "pipelines",
            "start-update",
            PIPELINE_ID,
            "--json",
            r#"{"full_refresh_selection": ["main.sales.orders_bronze"],
                "refresh_selection": ["main.sales.orders_silver"],
                "parameters": {"run_date": "2024-05-15"}}"#,
        ],
    },
    Case {
        operation: "pipelines.reset",
        method: "POST",
        path: "/api/2.0/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b/reset",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["pipelines", "reset", PIPELINE_ID],
    },
    Case {
        operation: "pipelines.run",
        method: "POST",
        path: "/api/2.0/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b/run",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["pipelines", "run", PIPELINE_ID],
    },
    Case {
        operation: "pipelines.stop",
        method: "POST",
        path: "/api/2.0/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b/stop",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["pipelines", "stop", PIPELINE_ID],
    },
    Case {
        operation: "pipelines.update",
        method: "PUT",
        path: "/api/2.0/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b",
        query: &[],
        body: Some(
            r#"{
              "id": "3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b",
              "name": "sales-orders",
              "catalog": "main",
              "schema": "sales",
              "serverless": true,
              "development": true,
              "libraries": [
                {"glob": {"include": "/Workspace/Users/jane.doe@example.com/sales-orders/transformations/**"}}
              ],
              "expected_last_modified": 1715339712345
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "pipelines",
            "update",
            PIPELINE_ID,
            "--json",
            r#"{"id": "3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b", "name": "sales-orders", "catalog": "main",
                "schema": "sales", "serverless": true, "development": true,
                "libraries": [{"glob": {"include": "/Workspace/Users/jane.doe@example.com/sales-orders/transformations/**"}}],
                "expected_last_modified": 1715339712345}"#,
        ],
    },
    Case {
        operation: "pipelines.updatePermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b",
        query: &[],
        body: Some(
            r#"{
              "access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_RUN"}
              ]
            }"#,
        ),
        response: PIPELINE_PERMISSIONS,
        cli: &[
            "pipelines",
            "update-permissions",
            PIPELINE_ID,
            "--json",
            r#"{"access_control_list": [{"group_name": "data-engineers", "permission_level": "CAN_RUN"}]}"#,
        ],
    },
];
