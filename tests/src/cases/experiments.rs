//! MLflow experiments: the tracking API (`/api/2.0/mlflow/...`) and the permissions of an experiment
//! (`/api/2.0/permissions/experiments`).

use super::{Case, EMPTY};

/// The experiment every experiments case is about.
pub const EXPERIMENT_ID: &str = "3947185432905812";

/// The run every run case is about.
pub const RUN_ID: &str = "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c";

/// The experiment as `getExperiment` and `getByName` return it, with a trace location and a field this spec
/// does not know.
pub const EXPERIMENT: &str = r#"{
  "experiment": {
    "experiment_id": "3947185432905812",
    "name": "/Users/jane.doe@example.com/churn-model",
    "artifact_location": "dbfs:/databricks/mlflow-tracking/3947185432905812",
    "lifecycle_stage": "active",
    "last_update_time": 1705311017000,
    "creation_time": 1704101417000,
    "tags": [
      {"key": "mlflow.ownerEmail", "value": "jane.doe@example.com"},
      {"key": "mlflow.experimentType", "value": "MLFLOW_EXPERIMENT"},
      {"key": "team", "value": "growth"}
    ],
    "trace_location": {
      "uc_trace_location": {"catalog": "ml", "schema": "traces", "table_prefix": "churn", "effective_table_prefix": "churn_3947185432905812"}
    },
    "future_field": {"nested": [1, 2]}
  }
}"#;

/// A finished run with its data and inputs.
pub const RUN: &str = r#"{
  "run": {
    "info": {
      "run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c",
      "run_uuid": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c",
      "run_name": "bold-heron-42",
      "experiment_id": "3947185432905812",
      "user_id": "jane.doe@example.com",
      "status": "FINISHED",
      "start_time": 1705310117000,
      "end_time": 1705311017000,
      "artifact_uri": "dbfs:/databricks/mlflow-tracking/3947185432905812/5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c/artifacts",
      "lifecycle_stage": "active"
    },
    "data": {
      "metrics": [
        {"key": "val_loss", "value": 0.2431, "timestamp": 1705310957000, "step": 12, "run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c", "dataset_name": "churn-eval", "dataset_digest": "4f8e1c2a"},
        {"key": "auc", "value": 0.9127, "timestamp": 1705310957000, "step": 12}
      ],
      "params": [
        {"key": "learning_rate", "value": "0.01"},
        {"key": "max_depth", "value": "6"}
      ],
      "tags": [
        {"key": "mlflow.source.type", "value": "NOTEBOOK"},
        {"key": "mlflow.user", "value": "jane.doe@example.com"}
      ]
    },
    "inputs": {
      "dataset_inputs": [
        {
          "tags": [{"key": "mlflow.data.context", "value": "training"}],
          "dataset": {
            "name": "churn-train",
            "digest": "9b2f6d1e",
            "source_type": "delta_table",
            "source": "{\"delta_table_name\": \"ml.churn.train\", \"delta_table_version\": 7}",
            "schema": "{\"mlflow_colspec\": [{\"type\": \"double\", \"name\": \"tenure\"}]}",
            "profile": "{\"num_rows\": 120000}"
          }
        }
      ],
      "model_inputs": [{"model_id": "m-7d3f9a2b1c4e4f6a8b0c2d4e6f8a0b1c"}]
    }
  }
}"#;

/// The permissions on the mlflowExperiment the permission cases are about: admins inherit `CAN_MANAGE`, Jane holds
/// `CAN_RUN`, a level this spec does not list, with a field it does not know either.
pub const PERMISSIONS: &str = r#"{
  "object_id": "/experiments/3947185432905812",
  "object_type": "mlflowExperiment",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/directories/4108364197239567"]}]
    },
    {
      "user_name": "jane.doe@example.com",
      "display_name": "Jane Doe",
      "all_permissions": [{"permission_level": "CAN_RUN", "inherited": false}],
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
        operation: "experiments.createExperiment",
        method: "POST",
        path: "/api/2.0/mlflow/experiments/create",
        query: &[],
        body: Some(
            r#"{"name": "/Users/jane.doe@example.com/churn-model", "artifact_location": "dbfs:/mnt/ml-artifacts/churn-model",
                "tags": [{"key": "team", "value": "growth"}]}"#,
        ),
        response: r#"{"experiment_id": "3947185432905812"}"#,
        cli: &[
            "experiments",
            "create-experiment",
            "/Users/jane.doe@example.com/churn-model",
            "--artifact-location",
            "dbfs:/mnt/ml-artifacts/churn-model",
            "--json",
            r#"{"tags": [{"key": "team", "value": "growth"}]}"#,
        ],
    },
    Case {
        operation: "experiments.getExperiment",
        method: "GET",
        path: "/api/2.0/mlflow/experiments/get",
        query: &[("experiment_id", "3947185432905812")],
        body: None,
        response: EXPERIMENT,
        cli: &["experiments", "get-experiment", EXPERIMENT_ID],
    },
    Case {
        operation: "experiments.getByName",
        method: "GET",
        path: "/api/2.0/mlflow/experiments/get-by-name",
        query: &[("experiment_name", "/Users/jane.doe@example.com/churn-model")],
        body: None,
        response: EXPERIMENT,
        cli: &["experiments", "get-by-name", "/Users/jane.doe@example.com/churn-model"],
    },
    Case {
        operation: "experiments.listExperiments",
        method: "GET",
        path: "/api/2.0/mlflow/experiments/list",
        query: &[("max_results", "2"), ("view_type", "ALL")],
        body: None,
        response: r#"{
          "experiments": [
            {
              "experiment_id": "3947185432905812",
              "name": "/Users/jane.doe@example.com/churn-model",
              "artifact_location": "dbfs:/databricks/mlflow-tracking/3947185432905812",
              "lifecycle_stage": "active",
              "last_update_time": 1705311017000,
              "creation_time": 1704101417000
            },
            {
              "experiment_id": "1125899906842624",
              "name": "/Shared/fraud-detection",
              "artifact_location": "dbfs:/databricks/mlflow-tracking/1125899906842624",
              "lifecycle_stage": "deleted",
              "last_update_time": 1702509017000,
              "creation_time": 1699917017000
            }
          ],
          "next_page_token": "eyJvZmZzZXQiOiAyfQ=="
        }"#,
        cli: &[
            "experiments",
            "list-experiments",
            "--max-results",
            "2",
            "--view-type",
            "ALL",
        ],
    },
    Case {
        operation: "experiments.searchExperiments",
        method: "POST",
        path: "/api/2.0/mlflow/experiments/search",
        query: &[],
        body: Some(
            r#"{"filter": "name ILIKE '%churn%'", "max_results": 50, "order_by": ["last_update_time DESC", "name"],
                "page_token": "eyJvZmZzZXQiOiA1MH0=", "view_type": "ACTIVE_ONLY"}"#,
        ),
        response: r#"{
          "experiments": [
            {
              "experiment_id": "3947185432905812",
              "name": "/Users/jane.doe@example.com/churn-model",
              "artifact_location": "dbfs:/databricks/mlflow-tracking/3947185432905812",
              "lifecycle_stage": "active",
              "last_update_time": 1705311017000,
              "creation_time": 1704101417000,
              "tags": [{"key": "team", "value": "growth"}]
            }
          ]
        }"#,
        cli: &[
            "experiments",
            "search-experiments",
            "--filter",
            "name ILIKE '%churn%'",
            "--max-results",
            "50",
            "--page-token",
            "eyJvZmZzZXQiOiA1MH0=",
            "--view-type",
            "ACTIVE_ONLY",
            "--json",
            r#"{"order_by": ["last_update_time DESC", "name"]}"#,
        ],
    },
    Case {
        operation: "experiments.updateExperiment",
        method: "POST",
        path: "/api/2.0/mlflow/experiments/update",
        query: &[],
        body: Some(
            r#"{"experiment_id": "3947185432905812", "new_name": "/Users/jane.doe@example.com/churn-model-v2"}"#,
        ),
        response: EMPTY,
        cli: &[
            "experiments",
            "update-experiment",
            EXPERIMENT_ID,
            "--new-name",
            "/Users/jane.doe@example.com/churn-model-v2",
        ],
    },
    Case {
        operation: "experiments.deleteExperiment",
        method: "POST",
        path: "/api/2.0/mlflow/experiments/delete",
        query: &[],
        body: Some(r#"{"experiment_id": "3947185432905812"}"#),
        response: EMPTY,
        cli: &["experiments", "delete-experiment", EXPERIMENT_ID],
    },
    Case {
        operation: "experiments.restoreExperiment",
        method: "POST",
        path: "/api/2.0/mlflow/experiments/restore",
        query: &[],
        body: Some(r#"{"experiment_id": "3947185432905812"}"#),
        response: EMPTY,
        cli: &["experiments", "restore-experiment", EXPERIMENT_ID],
    },
    Case {
        operation: "experiments.setExperimentTag",
        method: "POST",
        path: "/api/2.0/mlflow/experiments/set-experiment-tag",
        query: &[],
        body: Some(r#"{"experiment_id": "3947185432905812", "key": "team", "value": "growth"}"#),
        response: EMPTY,
        cli: &["experiments", "set-experiment-tag", EXPERIMENT_ID, "team", "growth"],
    },
    Case {
        operation: "experiments.createRun",
        method: "POST",
        path: "/api/2.0/mlflow/runs/create",
        query: &[],
        body: Some(
            r#"{"experiment_id": "3947185432905812", "run_name": "bold-heron-42", "start_time": 1705310117000,
                "tags": [{"key": "mlflow.user", "value": "jane.doe@example.com"}]}"#,
        ),
        response: r#"{
          "run": {
            "info": {
              "run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c",
              "run_uuid": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c",
              "run_name": "bold-heron-42",
              "experiment_id": "3947185432905812",
              "user_id": "jane.doe@example.com",
              "status": "RUNNING",
              "start_time": 1705310117000,
              "artifact_uri": "dbfs:/databricks/mlflow-tracking/3947185432905812/5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c/artifacts",
              "lifecycle_stage": "active"
            },
            "data": {"tags": [{"key": "mlflow.user", "value": "jane.doe@example.com"}]},
            "inputs": {}
          }
        }"#,
        cli: &[
            "experiments",
            "create-run",
            "--experiment-id",
            EXPERIMENT_ID,
            "--run-name",
            "bold-heron-42",
            "--start-time",
            "1705310117000",
            "--json",
            r#"{"tags": [{"key": "mlflow.user", "value": "jane.doe@example.com"}]}"#,
        ],
    },
    Case {
        operation: "experiments.getRun",
        method: "GET",
        path: "/api/2.0/mlflow/runs/get",
        query: &[("run_id", "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c")],
        body: None,
        response: RUN,
        cli: &["experiments", "get-run", RUN_ID],
    },
    Case {
        operation: "experiments.searchRuns",
        method: "POST",
        path: "/api/2.0/mlflow/runs/search",
        query: &[],
        body: Some(
            r#"{"experiment_ids": ["3947185432905812", "1125899906842624"], "filter": "metrics.val_loss < 0.3",
                "max_results": 2, "order_by": ["metrics.val_loss ASC"], "run_view_type": "ALL"}"#,
        ),
        response: r#"{
          "runs": [
            {
              "info": {
                "run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c",
                "run_name": "bold-heron-42",
                "experiment_id": "3947185432905812",
                "status": "FINISHED",
                "start_time": 1705310117000,
                "end_time": 1705311017000,
                "lifecycle_stage": "active"
              },
              "data": {"metrics": [{"key": "val_loss", "value": 0.2431, "timestamp": 1705310957000, "step": 12}]}
            },
            {
              "info": {
                "run_id": "0c9e8d7f6a5b4c3d2e1f0a9b8c7d6e5f",
                "run_name": "quiet-otter-7",
                "experiment_id": "1125899906842624",
                "status": "PREEMPTED",
                "start_time": 1705223717000,
                "lifecycle_stage": "deleted",
                "future_field": {"nested": [1, 2]}
              },
              "data": {"metrics": [{"key": "val_loss", "value": 0.2875, "timestamp": 1705224617000, "step": 9}]}
            }
          ],
          "next_page_token": "eyJvZmZzZXQiOiAyfQ=="
        }"#,
        cli: &[
            "experiments",
            "search-runs",
            "--filter",
            "metrics.val_loss < 0.3",
            "--max-results",
            "2",
            "--run-view-type",
            "ALL",
            "--json",
            r#"{"experiment_ids": ["3947185432905812", "1125899906842624"], "order_by": ["metrics.val_loss ASC"]}"#,
        ],
    },
    Case {
        operation: "experiments.updateRun",
        method: "POST",
        path: "/api/2.0/mlflow/runs/update",
        query: &[],
        body: Some(
            r#"{"run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c", "status": "FINISHED", "end_time": 1705311017000}"#,
        ),
        response: r#"{
          "run_info": {
            "run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c",
            "run_uuid": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c",
            "run_name": "bold-heron-42",
            "experiment_id": "3947185432905812",
            "user_id": "jane.doe@example.com",
            "status": "FINISHED",
            "start_time": 1705310117000,
            "end_time": 1705311017000,
            "artifact_uri": "dbfs:/databricks/mlflow-tracking/3947185432905812/5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c/artifacts",
            "lifecycle_stage": "active"
          }
        }"#,
        cli: &[
            "experiments",
            "update-run",
            "--run-id",
            RUN_ID,
            "--status",
            "FINISHED",
            "--end-time",
            "1705311017000",
        ],
    },
    Case {
        operation: "experiments.deleteRun",
        method: "POST",
        path: "/api/2.0/mlflow/runs/delete",
        query: &[],
        body: Some(r#"{"run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c"}"#),
        response: EMPTY,
        cli: &["experiments", "delete-run", RUN_ID],
    },
    Case {
        operation: "experiments.restoreRun",
        method: "POST",
        path: "/api/2.0/mlflow/runs/restore",
        query: &[],
        body: Some(r#"{"run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c"}"#),
        response: EMPTY,
        cli: &["experiments", "restore-run", RUN_ID],
    },
    Case {
        operation: "experiments.deleteRuns",
        method: "POST",
        path: "/api/2.0/mlflow/databricks/runs/delete-runs",
        query: &[],
        body: Some(r#"{"experiment_id": "3947185432905812", "max_timestamp_millis": 1704067200000, "max_runs": 500}"#),
        response: r#"{"runs_deleted": 137}"#,
        cli: &[
            "experiments",
            "delete-runs",
            EXPERIMENT_ID,
            "1704067200000",
            "--max-runs",
            "500",
        ],
    },
    Case {
        operation: "experiments.restoreRuns",
        method: "POST",
        path: "/api/2.0/mlflow/databricks/runs/restore-runs",
        query: &[],
        body: Some(r#"{"experiment_id": "3947185432905812", "min_timestamp_millis": 1705276800000}"#),
        response: r#"{"runs_restored": 12}"#,
        cli: &["experiments", "restore-runs", EXPERIMENT_ID, "1705276800000"],
    },
    Case {
        operation: "experiments.logMetric",
        method: "POST",
        path: "/api/2.0/mlflow/runs/log-metric",
        query: &[],
        body: Some(
            r#"{"run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c", "key": "val_loss", "value": "NaN", "timestamp": 1705310957000,
                "step": 12, "dataset_name": "churn-eval", "dataset_digest": "4f8e1c2a"}"#,
        ),
        response: EMPTY,
        cli: &[
            "experiments",
            "log-metric",
            "val_loss",
            // A diverged loss: JSON has no NaN, so it travels as the protobuf string "NaN".
            "NaN",
            "1705310957000",
            "--run-id",
            RUN_ID,
            "--step",
            "12",
            "--dataset-name",
            "churn-eval",
            "--dataset-digest",
            "4f8e1c2a",
        ],
    },
    Case {
        operation: "experiments.logParam",
        method: "POST",
        path: "/api/2.0/mlflow/runs/log-parameter",
        query: &[],
        body: Some(r#"{"run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c", "key": "learning_rate", "value": "0.01"}"#),
        response: EMPTY,
        cli: &["experiments", "log-param", "learning_rate", "0.01", "--run-id", RUN_ID],
    },
    Case {
        operation: "experiments.logBatch",
        method: "POST",
        path: "/api/2.0/mlflow/runs/log-batch",
        query: &[],
        body: Some(
            r#"{"run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c",
                "metrics": [
                  {"key": "val_loss", "value": 0.2431, "timestamp": 1705310957000, "step": 12},
                  {"key": "auc", "value": 0.9127, "timestamp": 1705310957000, "step": 12}
                ],
                "params": [{"key": "max_depth", "value": "6"}],
                "tags": [{"key": "stage", "value": "candidate"}]}"#,
        ),
        response: EMPTY,
        cli: &[
            "experiments",
            "log-batch",
            "--run-id",
            RUN_ID,
            "--json",
            r#"{"metrics": [
                  {"key": "val_loss", "value": 0.2431, "timestamp": 1705310957000, "step": 12},
                  {"key": "auc", "value": 0.9127, "timestamp": 1705310957000, "step": 12}
                ],
                "params": [{"key": "max_depth", "value": "6"}],
                "tags": [{"key": "stage", "value": "candidate"}]}"#,
        ],
    },
    Case {
        operation: "experiments.logModel",
        method: "POST",
        path: "/api/2.0/mlflow/runs/log-model",
        query: &[],
        body: Some(
            r#"{"run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c",
                "model_json": "{\"artifact_path\": \"model\", \"flavors\": {\"sklearn\": {\"sklearn_version\": \"1.3.2\"}}}"}"#,
        ),
        response: EMPTY,
        cli: &[
            "experiments",
            "log-model",
            "--run-id",
            RUN_ID,
            "--model-json",
            r#"{"artifact_path": "model", "flavors": {"sklearn": {"sklearn_version": "1.3.2"}}}"#,
        ],
    },
    Case {
        operation: "experiments.logInputs",
        method: "POST",
        path: "/api/2.0/mlflow/runs/log-inputs",
        query: &[],
        body: Some(
            r#"{"run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c",
                "datasets": [{
                  "dataset": {"name": "churn-train", "digest": "9b2f6d1e", "source_type": "delta_table",
                              "source": "{\"delta_table_name\": \"ml.churn.train\"}"},
                  "tags": [{"key": "mlflow.data.context", "value": "training"}]
                }],
                "models": [{"model_id": "m-7d3f9a2b1c4e4f6a8b0c2d4e6f8a0b1c"}]}"#,
        ),
        response: EMPTY,
        cli: &[
            "experiments",
            "log-inputs",
            RUN_ID,
            "--json",
            r#"{"datasets": [{
                  "dataset": {"name": "churn-train", "digest": "9b2f6d1e", "source_type": "delta_table",
                              "source": "{\"delta_table_name\": \"ml.churn.train\"}"},
                  "tags": [{"key": "mlflow.data.context", "value": "training"}]
                }],
                "models": [{"model_id": "m-7d3f9a2b1c4e4f6a8b0c2d4e6f8a0b1c"}]}"#,
        ],
    },
    Case {
        operation: "experiments.logOutputs",
        method: "POST",
        path: "/api/2.0/mlflow/runs/outputs",
        query: &[],
        body: Some(
            r#"{"run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c", "models": [{"model_id": "m-7d3f9a2b1c4e4f6a8b0c2d4e6f8a0b1c", "step": 12}]}"#,
        ),
        response: EMPTY,
        cli: &[
            "experiments",
            "log-outputs",
            RUN_ID,
            "--json",
            r#"{"models": [{"model_id": "m-7d3f9a2b1c4e4f6a8b0c2d4e6f8a0b1c", "step": 12}]}"#,
        ],
    },
    Case {
        operation: "experiments.setTag",
        method: "POST",
        path: "/api/2.0/mlflow/runs/set-tag",
        query: &[],
        body: Some(r#"{"run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c", "key": "stage", "value": "candidate"}"#),
        response: EMPTY,
        cli: &["experiments", "set-tag", "stage", "candidate", "--run-id", RUN_ID],
    },
    Case {
        operation: "experiments.deleteTag",
        method: "POST",
        path: "/api/2.0/mlflow/runs/delete-tag",
        query: &[],
        body: Some(r#"{"run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c", "key": "stage"}"#),
        response: EMPTY,
        cli: &["experiments", "delete-tag", RUN_ID, "stage"],
    },
    Case {
        operation: "experiments.getHistory",
        method: "GET",
        path: "/api/2.0/mlflow/metrics/get-history",
        query: &[
            ("metric_key", "val_loss"),
            ("max_results", "3"),
            ("run_id", "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c"),
        ],
        body: None,
        response: r#"{
          "metrics": [
            {"key": "val_loss", "value": 0.6874, "timestamp": 1705310177000, "step": 0, "run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c"},
            {"key": "val_loss", "value": "Infinity", "timestamp": 1705310417000, "step": 4, "run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c"},
            {"key": "val_loss", "value": 0.3018, "timestamp": 1705310657000, "step": 8, "run_id": "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c"}
          ],
          "next_page_token": "eyJvZmZzZXQiOiAzfQ=="
        }"#,
        cli: &[
            "experiments",
            "get-history",
            "val_loss",
            "--max-results",
            "3",
            "--run-id",
            RUN_ID,
        ],
    },
    Case {
        operation: "experiments.listArtifacts",
        method: "GET",
        path: "/api/2.0/mlflow/artifacts/list",
        query: &[("path", "model"), ("run_id", "5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c")],
        body: None,
        response: r#"{
          "root_uri": "dbfs:/databricks/mlflow-tracking/3947185432905812/5a7c3b0e9d1f4e2a8b6c0d3e1f2a4b5c/artifacts",
          "files": [
            {"path": "model/MLmodel", "is_dir": false, "file_size": 512},
            {"path": "model/model.pkl", "is_dir": false, "file_size": 3221225472},
            {"path": "model/metadata", "is_dir": true}
          ]
        }"#,
        cli: &["experiments", "list-artifacts", "--path", "model", "--run-id", RUN_ID],
    },
    Case {
        operation: "experiments.getPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/experiments/3947185432905812/permissionLevels",
        query: &[],
        body: None,
        response: r#"{
          "permission_levels": [
            {"permission_level": "CAN_READ", "description": "Can read the experiment"},
            {"permission_level": "CAN_EDIT", "description": "Can edit the experiment"},
            {"permission_level": "CAN_MANAGE", "description": "Can manage the experiment"}
          ]
        }"#,
        cli: &["experiments", "get-permission-levels", EXPERIMENT_ID],
    },
    Case {
        operation: "experiments.getPermissions",
        method: "GET",
        path: "/api/2.0/permissions/experiments/3947185432905812",
        query: &[],
        body: None,
        response: PERMISSIONS,
        cli: &["experiments", "get-permissions", EXPERIMENT_ID],
    },
    Case {
        operation: "experiments.setPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/experiments/3947185432905812",
        query: &[],
        body: Some(
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_READ"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_READ"}
            ]}"#,
        ),
        response: PERMISSIONS,
        cli: &[
            "experiments",
            "set-permissions",
            EXPERIMENT_ID,
            "--json",
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_READ"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_READ"}
            ]}"#,
        ],
    },
    Case {
        operation: "experiments.updatePermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/experiments/3947185432905812",
        query: &[],
        body: Some(
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_EDIT"}]}"#,
        ),
        response: r#"{
  "object_id": "/experiments/3947185432905812",
  "object_type": "mlflowExperiment",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/directories/4108364197239567"]}]
    },
    {
      "user_name": "john.smith@example.com",
      "display_name": "John Smith",
      "all_permissions": [{"permission_level": "CAN_EDIT", "inherited": false}]
    }
  ]
}"#,
        cli: &[
            "experiments",
            "update-permissions",
            EXPERIMENT_ID,
            "--json",
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_EDIT"}]}"#,
        ],
    },
];
