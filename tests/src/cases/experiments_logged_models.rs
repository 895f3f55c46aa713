//! MLflow experiments: the logged-model operations (`/api/2.0/mlflow/logged-models`).

use super::{Case, EMPTY};

/// The logged model the cases are about.
pub const MODEL_ID: &str = "m-6f0a4c2e9b7d4d1f8a3e5c7b9d1f2a4c";

/// The experiment holding it (the one of the permission cases).
pub use super::experiments::EXPERIMENT_ID;

/// The run that trained the model.
pub const RUN_ID: &str = "0d5e3f7a9c1b4e2d8f6a4c2e0b9d7f5a";

/// The model as `getLoggedModel` returns it once finalized: ready, with parameters, tags and a metric of the
/// evaluation run, and `registrations`, a field this spec does not know.
pub const READY_MODEL: &str = r#"{
  "model": {
    "info": {
      "model_id": "m-6f0a4c2e9b7d4d1f8a3e5c7b9d1f2a4c",
      "experiment_id": "3947185432905812",
      "name": "churn-classifier",
      "model_type": "Classifier",
      "source_run_id": "0d5e3f7a9c1b4e2d8f6a4c2e0b9d7f5a",
      "artifact_uri": "dbfs:/databricks/mlflow-tracking/3947185432905812/logged_models/m-6f0a4c2e9b7d4d1f8a3e5c7b9d1f2a4c/artifacts",
      "status": "LOGGED_MODEL_READY",
      "creator_id": 4817205396381102,
      "creation_timestamp_ms": 1718035200000,
      "last_updated_timestamp_ms": 1718035260000,
      "tags": [
        {"key": "mlflow.user", "value": "jane.doe@example.com"},
        {"key": "stage", "value": "candidate"}
      ],
      "registrations": [{"name": "main.ml.churn_classifier", "version": "3"}]
    },
    "data": {
      "params": [
        {"key": "alpha", "value": "0.25"},
        {"key": "max_depth", "value": "8"}
      ],
      "metrics": [
        {
          "key": "accuracy",
          "value": 0.9375,
          "timestamp": 1718035230000,
          "step": 10,
          "run_id": "0d5e3f7a9c1b4e2d8f6a4c2e0b9d7f5a",
          "dataset_name": "churn-eval",
          "dataset_digest": "4f3a9c1e",
          "model_id": "m-6f0a4c2e9b7d4d1f8a3e5c7b9d1f2a4c"
        }
      ]
    }
  }
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "experiments.createLoggedModel",
        method: "POST",
        path: "/api/2.0/mlflow/logged-models",
        query: &[],
        body: Some(
            r#"{
              "experiment_id": "3947185432905812",
              "name": "churn-classifier",
              "model_type": "Classifier",
              "source_run_id": "0d5e3f7a9c1b4e2d8f6a4c2e0b9d7f5a",
              "params": [{"key": "alpha", "value": "0.25"}],
              "tags": [{"key": "stage", "value": "candidate"}]
            }"#,
        ),
        response: r#"{
          "model": {
            "info": {
              "model_id": "m-6f0a4c2e9b7d4d1f8a3e5c7b9d1f2a4c",
              "experiment_id": "3947185432905812",
              "name": "churn-classifier",
              "model_type": "Classifier",
              "source_run_id": "0d5e3f7a9c1b4e2d8f6a4c2e0b9d7f5a",
              "artifact_uri": "dbfs:/databricks/mlflow-tracking/3947185432905812/logged_models/m-6f0a4c2e9b7d4d1f8a3e5c7b9d1f2a4c/artifacts",
              "status": "LOGGED_MODEL_PENDING",
              "creator_id": 4817205396381102,
              "creation_timestamp_ms": 1718035200000,
              "last_updated_timestamp_ms": 1718035200000,
              "tags": [{"key": "stage", "value": "candidate"}]
            },
            "data": {"params": [{"key": "alpha", "value": "0.25"}]}
          }
        }"#,
        cli: &[
            "experiments",
            "create-logged-model",
            EXPERIMENT_ID,
            "--name",
            "churn-classifier",
            "--model-type",
            "Classifier",
            "--source-run-id",
            RUN_ID,
            "--json",
            r#"{"params": [{"key": "alpha", "value": "0.25"}], "tags": [{"key": "stage", "value": "candidate"}]}"#,
        ],
    },
    Case {
        operation: "experiments.deleteLoggedModel",
        method: "DELETE",
        path: "/api/2.0/mlflow/logged-models/m-6f0a4c2e9b7d4d1f8a3e5c7b9d1f2a4c",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["experiments", "delete-logged-model", MODEL_ID],
    },
    Case {
        operation: "experiments.deleteLoggedModelTag",
        method: "DELETE",
        path: "/api/2.0/mlflow/logged-models/m-6f0a4c2e9b7d4d1f8a3e5c7b9d1f2a4c/tags/stage",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["experiments", "delete-logged-model-tag", MODEL_ID, "stage"],
    },
    Case {
        operation: "experiments.finalizeLoggedModel",
        method: "PATCH",
        path: "/api/2.0/mlflow/logged-models/m-6f0a4c2e9b7d4d1f8a3e5c7b9d1f2a4c",
        query: &[],
        body: Some(r#"{"status": "LOGGED_MODEL_READY"}"#),
        response: READY_MODEL,
        cli: &["experiments", "finalize-logged-model", MODEL_ID, "LOGGED_MODEL_READY"],
    },
    Case {
        operation: "experiments.getLoggedModel",
        method: "GET",
        path: "/api/2.0/mlflow/logged-models/m-6f0a4c2e9b7d4d1f8a3e5c7b9d1f2a4c",
        query: &[],
        body: None,
        response: READY_MODEL,
        cli: &["experiments", "get-logged-model", MODEL_ID],
    },
    Case {
        operation: "experiments.logLoggedModelParams",
        method: "POST",
        path: "/api/2.0/mlflow/logged-models/m-6f0a4c2e9b7d4d1f8a3e5c7b9d1f2a4c/params",
        query: &[],
        body: Some(r#"{"params": [{"key": "max_depth", "value": "8"}, {"key": "n_estimators", "value": "200"}]}"#),
        response: EMPTY,
        cli: &[
            "experiments",
            "log-logged-model-params",
            MODEL_ID,
            "--json",
            r#"{"params": [{"key": "max_depth", "value": "8"}, {"key": "n_estimators", "value": "200"}]}"#,
        ],
    },
    // The second model is in a state this spec does not know (`LOGGED_MODEL_ARCHIVED`).
    Case {
        operation: "experiments.searchLoggedModels",
        method: "POST",
        path: "/api/2.0/mlflow/logged-models/search",
        query: &[],
        body: Some(
            r#"{
              "experiment_ids": ["3947185432905812"],
              "filter": "params.alpha < 0.3 AND metrics.accuracy > 0.9",
              "datasets": [{"dataset_name": "churn-eval", "dataset_digest": "4f3a9c1e"}],
              "order_by": [{"field_name": "metrics.accuracy", "ascending": false, "dataset_name": "churn-eval"}],
              "max_results": 2,
              "page_token": "eyJvZmZzZXQiOiAyfQ=="
            }"#,
        ),
        response: r#"{
          "models": [
            {
              "info": {
                "model_id": "m-6f0a4c2e9b7d4d1f8a3e5c7b9d1f2a4c",
                "experiment_id": "3947185432905812",
                "name": "churn-classifier",
                "status": "LOGGED_MODEL_READY",
                "creation_timestamp_ms": 1718035200000,
                "last_updated_timestamp_ms": 1718035260000
              },
              "data": {
                "params": [{"key": "alpha", "value": "0.25"}],
                "metrics": [
                  {"key": "accuracy", "value": 0.9375, "timestamp": 1718035230000, "step": 10, "run_id": "0d5e3f7a9c1b4e2d8f6a4c2e0b9d7f5a", "dataset_name": "churn-eval", "dataset_digest": "4f3a9c1e"}
                ]
              }
            },
            {
              "info": {
                "model_id": "m-1b3d5f7a9c2e4f6a8b0d2c4e6f8a0b2c",
                "experiment_id": "3947185432905812",
                "name": "churn-classifier-v0",
                "status": "LOGGED_MODEL_ARCHIVED",
                "status_message": "superseded",
                "creation_timestamp_ms": 1717430400000,
                "last_updated_timestamp_ms": 1717430460000
              },
              "data": {
                "params": [{"key": "alpha", "value": "0.1"}],
                "metrics": [
                  {"key": "accuracy", "value": 0.90625, "timestamp": 1717430430000, "step": 10, "run_id": "7c9e1a3b5d7f4a2c8e0b6d4f2a8c0e6b", "dataset_name": "churn-eval", "dataset_digest": "4f3a9c1e"}
                ]
              }
            }
          ],
          "next_page_token": "eyJvZmZzZXQiOiA0fQ=="
        }"#,
        cli: &[
            "experiments",
            "search-logged-models",
            "--filter",
            "params.alpha < 0.3 AND metrics.accuracy > 0.9",
            "--max-results",
            "2",
            "--page-token",
            "eyJvZmZzZXQiOiAyfQ==",
            "--json",
            r#"{
              "experiment_ids": ["3947185432905812"],
              "datasets": [{"dataset_name": "churn-eval", "dataset_digest": "4f3a9c1e"}],
              "order_by": [{"field_name": "metrics.accuracy", "ascending": false, "dataset_name": "churn-eval"}]
            }"#,
        ],
    },
    Case {
        operation: "experiments.setLoggedModelTags",
        method: "PATCH",
        path: "/api/2.0/mlflow/logged-models/m-6f0a4c2e9b7d4d1f8a3e5c7b9d1f2a4c/tags",
        query: &[],
        body: Some(r#"{"tags": [{"key": "stage", "value": "production"}, {"key": "owner", "value": "ml-platform"}]}"#),
        response: EMPTY,
        cli: &[
            "experiments",
            "set-logged-model-tags",
            MODEL_ID,
            "--json",
            r#"{"tags": [{"key": "stage", "value": "production"}, {"key": "owner", "value": "ml-platform"}]}"#,
        ],
    },
];
