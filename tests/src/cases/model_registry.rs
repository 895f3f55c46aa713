//! Workspace model registry: registered models, model versions, stage transitions and their requests,
//! comments, registry webhooks (`/api/2.0/mlflow/...`), and the permissions of a registered model
//! (`/api/2.0/permissions/registered-models`).

use super::{Case, EMPTY};

/// The registered model every model-registry case is about (its registry id, not its name).
pub const REGISTERED_MODEL_ID: &str = "8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b";

/// The registered model every MLflow case is about, by name.
pub const MODEL_NAME: &str = "churn-classifier";

/// The run that produced version 3 of the model.
pub const RUN_ID: &str = "0a1b2c3d4e5f67890a1b2c3d4e5f6789";

/// The comment the comment cases are about.
pub const COMMENT_ID: &str = "9b3f2c71d0a84e56b1c2d3e4f5a6b7c8";

/// The registry webhook the webhook cases are about.
pub const WEBHOOK_ID: &str = "2f1d6a3b9c8e4f70a5b4c3d2e1f0a9b8";

/// The permissions on the registered-model the permission cases are about: admins inherit `CAN_MANAGE`, Jane holds
/// `CAN_MANAGE_ALIASES`, a level this spec does not list, with a field it does not know either.
pub const PERMISSIONS: &str = r#"{
  "object_id": "/registered-models/8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b",
  "object_type": "registered-model",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/registered-models/"]}]
    },
    {
      "user_name": "jane.doe@example.com",
      "display_name": "Jane Doe",
      "all_permissions": [{"permission_level": "CAN_MANAGE_ALIASES", "inherited": false}],
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
        operation: "modelRegistry.getPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/registered-models/8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b/permissionLevels",
        query: &[],
        body: None,
        response: r#"{
          "permission_levels": [
            {"permission_level": "CAN_READ", "description": "Can read the model"},
            {"permission_level": "CAN_EDIT", "description": "Can edit the model"},
            {"permission_level": "CAN_MANAGE_STAGING_VERSIONS", "description": "Can manage staging versions"},
            {"permission_level": "CAN_MANAGE_PRODUCTION_VERSIONS", "description": "Can manage production versions"},
            {"permission_level": "CAN_MANAGE", "description": "Can manage the model"}
          ]
        }"#,
        cli: &["model-registry", "get-permission-levels", REGISTERED_MODEL_ID],
    },
    Case {
        operation: "modelRegistry.getPermissions",
        method: "GET",
        path: "/api/2.0/permissions/registered-models/8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b",
        query: &[],
        body: None,
        response: PERMISSIONS,
        cli: &["model-registry", "get-permissions", REGISTERED_MODEL_ID],
    },
    Case {
        operation: "modelRegistry.setPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/registered-models/8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b",
        query: &[],
        body: Some(
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_READ"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_READ"}
            ]}"#,
        ),
        response: PERMISSIONS,
        cli: &[
            "model-registry",
            "set-permissions",
            REGISTERED_MODEL_ID,
            "--json",
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_READ"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_READ"}
            ]}"#,
        ],
    },
    Case {
        operation: "modelRegistry.updatePermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/registered-models/8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b",
        query: &[],
        body: Some(
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_MANAGE_STAGING_VERSIONS"}]}"#,
        ),
        response: r#"{
  "object_id": "/registered-models/8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b",
  "object_type": "registered-model",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/registered-models/"]}]
    },
    {
      "user_name": "john.smith@example.com",
      "display_name": "John Smith",
      "all_permissions": [{"permission_level": "CAN_MANAGE_STAGING_VERSIONS", "inherited": false}]
    }
  ]
}"#,
        cli: &[
            "model-registry",
            "update-permissions",
            REGISTERED_MODEL_ID,
            "--json",
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_MANAGE_STAGING_VERSIONS"}]}"#,
        ],
    },
    // Registered models.
    Case {
        operation: "modelRegistry.createModel",
        method: "POST",
        path: "/api/2.0/mlflow/registered-models/create",
        query: &[],
        body: Some(
            r#"{"name": "churn-classifier", "description": "Predicts monthly churn", "tags": [{"key": "team", "value": "growth"}]}"#,
        ),
        response: r#"{
          "registered_model": {
            "name": "churn-classifier",
            "creation_timestamp": 1705311017000,
            "last_updated_timestamp": 1705311017000,
            "user_id": "jane.doe@example.com",
            "description": "Predicts monthly churn",
            "tags": [{"key": "team", "value": "growth"}]
          }
        }"#,
        cli: &[
            "model-registry",
            "create-model",
            MODEL_NAME,
            "--description",
            "Predicts monthly churn",
            "--json",
            r#"{"tags": [{"key": "team", "value": "growth"}]}"#,
        ],
    },
    Case {
        operation: "modelRegistry.getModel",
        method: "GET",
        path: "/api/2.0/mlflow/databricks/registered-models/get",
        query: &[("name", "churn-classifier")],
        body: None,
        response: r#"{
          "registered_model_databricks": {
            "name": "churn-classifier",
            "id": "8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b",
            "creation_timestamp": 1705311017000,
            "last_updated_timestamp": 1707991217000,
            "user_id": "jane.doe@example.com",
            "description": "Predicts monthly churn",
            "permission_level": "CAN_MANAGE",
            "latest_versions": [
              {
                "name": "churn-classifier",
                "version": "3",
                "creation_timestamp": 1707904817000,
                "last_updated_timestamp": 1707991217000,
                "user_id": "jane.doe@example.com",
                "current_stage": "Production",
                "source": "dbfs:/databricks/mlflow-tracking/1234567890123456/0a1b2c3d4e5f67890a1b2c3d4e5f6789/artifacts/model",
                "run_id": "0a1b2c3d4e5f67890a1b2c3d4e5f6789",
                "status": "READY"
              }
            ],
            "tags": [{"key": "team", "value": "growth"}],
            "future_field": {"nested": [1, 2]}
          }
        }"#,
        cli: &["model-registry", "get-model", MODEL_NAME],
    },
    Case {
        operation: "modelRegistry.renameModel",
        method: "POST",
        path: "/api/2.0/mlflow/registered-models/rename",
        query: &[],
        body: Some(r#"{"name": "churn-classifier", "new_name": "churn-classifier-v2"}"#),
        response: r#"{
          "registered_model": {
            "name": "churn-classifier-v2",
            "creation_timestamp": 1705311017000,
            "last_updated_timestamp": 1708077617000,
            "user_id": "jane.doe@example.com"
          }
        }"#,
        cli: &[
            "model-registry",
            "rename-model",
            MODEL_NAME,
            "--new-name",
            "churn-classifier-v2",
        ],
    },
    Case {
        operation: "modelRegistry.updateModel",
        method: "PATCH",
        path: "/api/2.0/mlflow/registered-models/update",
        query: &[],
        body: Some(r#"{"name": "churn-classifier", "description": "Predicts churn over the next 30 days"}"#),
        response: r#"{
          "registered_model": {
            "name": "churn-classifier",
            "creation_timestamp": 1705311017000,
            "last_updated_timestamp": 1708077617000,
            "user_id": "jane.doe@example.com",
            "description": "Predicts churn over the next 30 days"
          }
        }"#,
        cli: &[
            "model-registry",
            "update-model",
            MODEL_NAME,
            "--description",
            "Predicts churn over the next 30 days",
        ],
    },
    Case {
        operation: "modelRegistry.deleteModel",
        method: "DELETE",
        path: "/api/2.0/mlflow/registered-models/delete",
        query: &[("name", "churn-classifier")],
        body: None,
        response: EMPTY,
        cli: &["model-registry", "delete-model", MODEL_NAME],
    },
    Case {
        operation: "modelRegistry.listModels",
        method: "GET",
        path: "/api/2.0/mlflow/registered-models/list",
        query: &[("max_results", "2"), ("page_token", "eyJvZmZzZXQiOiAyfQ==")],
        body: None,
        response: r#"{
          "registered_models": [
            {
              "name": "churn-classifier",
              "creation_timestamp": 1705311017000,
              "last_updated_timestamp": 1707991217000,
              "user_id": "jane.doe@example.com",
              "latest_versions": [
                {"name": "churn-classifier", "version": "3", "current_stage": "Production", "status": "READY"},
                {"name": "churn-classifier", "version": "4", "current_stage": "None", "status": "READY"}
              ]
            },
            {
              "name": "ltv-regressor",
              "creation_timestamp": 1698835200000,
              "last_updated_timestamp": 1698835200000,
              "user_id": "john.smith@example.com"
            }
          ],
          "next_page_token": "eyJvZmZzZXQiOiA0fQ=="
        }"#,
        cli: &[
            "model-registry",
            "list-models",
            "--max-results",
            "2",
            "--page-token",
            "eyJvZmZzZXQiOiAyfQ==",
        ],
    },
    Case {
        operation: "modelRegistry.searchModels",
        method: "GET",
        path: "/api/2.0/mlflow/registered-models/search",
        query: &[
            ("filter", "name LIKE '%churn%'"),
            ("max_results", "50"),
            ("order_by", "last_updated_timestamp DESC"),
            ("order_by", "name"),
        ],
        body: None,
        response: r#"{
          "registered_models": [
            {
              "name": "churn-classifier",
              "creation_timestamp": 1705311017000,
              "last_updated_timestamp": 1707991217000,
              "user_id": "jane.doe@example.com",
              "description": "Predicts monthly churn"
            }
          ]
        }"#,
        cli: &[
            "model-registry",
            "search-models",
            "--filter",
            "name LIKE '%churn%'",
            "--max-results",
            "50",
            "--order-by",
            "last_updated_timestamp DESC",
            "--order-by",
            "name",
        ],
    },
    Case {
        operation: "modelRegistry.getLatestVersions",
        method: "POST",
        path: "/api/2.0/mlflow/registered-models/get-latest-versions",
        query: &[],
        body: Some(r#"{"name": "churn-classifier", "stages": ["Staging", "Production"]}"#),
        response: r#"{
          "model_versions": [
            {
              "name": "churn-classifier",
              "version": "4",
              "creation_timestamp": 1707991217000,
              "last_updated_timestamp": 1708077617000,
              "user_id": "john.smith@example.com",
              "current_stage": "Staging",
              "source": "dbfs:/databricks/mlflow-tracking/1234567890123456/5f6e7d8c9b0a11223344556677889900/artifacts/model",
              "run_id": "5f6e7d8c9b0a11223344556677889900",
              "status": "READY"
            },
            {
              "name": "churn-classifier",
              "version": "3",
              "creation_timestamp": 1707904817000,
              "last_updated_timestamp": 1707991217000,
              "user_id": "jane.doe@example.com",
              "current_stage": "Production",
              "source": "dbfs:/databricks/mlflow-tracking/1234567890123456/0a1b2c3d4e5f67890a1b2c3d4e5f6789/artifacts/model",
              "run_id": "0a1b2c3d4e5f67890a1b2c3d4e5f6789",
              "status": "READY"
            }
          ]
        }"#,
        cli: &[
            "model-registry",
            "get-latest-versions",
            MODEL_NAME,
            "--json",
            r#"{"stages": ["Staging", "Production"]}"#,
        ],
    },
    Case {
        operation: "modelRegistry.setModelTag",
        method: "POST",
        path: "/api/2.0/mlflow/registered-models/set-tag",
        query: &[],
        body: Some(r#"{"name": "churn-classifier", "key": "team", "value": "growth"}"#),
        response: EMPTY,
        cli: &["model-registry", "set-model-tag", MODEL_NAME, "team", "growth"],
    },
    Case {
        operation: "modelRegistry.deleteModelTag",
        method: "DELETE",
        path: "/api/2.0/mlflow/registered-models/delete-tag",
        query: &[("name", "churn-classifier"), ("key", "team")],
        body: None,
        response: EMPTY,
        cli: &["model-registry", "delete-model-tag", MODEL_NAME, "team"],
    },
    // Model versions.
    Case {
        operation: "modelRegistry.createModelVersion",
        method: "POST",
        path: "/api/2.0/mlflow/model-versions/create",
        query: &[],
        body: Some(
            r#"{"name": "churn-classifier",
                "source": "dbfs:/databricks/mlflow-tracking/1234567890123456/0a1b2c3d4e5f67890a1b2c3d4e5f6789/artifacts/model",
                "run_id": "0a1b2c3d4e5f67890a1b2c3d4e5f6789",
                "description": "Gradient boosting, 2024-02 features",
                "tags": [{"key": "validated_by", "value": "nightly-eval"}]}"#,
        ),
        response: r#"{
          "model_version": {
            "name": "churn-classifier",
            "version": "3",
            "creation_timestamp": 1707904817000,
            "last_updated_timestamp": 1707904817000,
            "user_id": "jane.doe@example.com",
            "current_stage": "None",
            "description": "Gradient boosting, 2024-02 features",
            "source": "dbfs:/databricks/mlflow-tracking/1234567890123456/0a1b2c3d4e5f67890a1b2c3d4e5f6789/artifacts/model",
            "run_id": "0a1b2c3d4e5f67890a1b2c3d4e5f6789",
            "status": "PENDING_REGISTRATION",
            "tags": [{"key": "validated_by", "value": "nightly-eval"}]
          }
        }"#,
        cli: &[
            "model-registry",
            "create-model-version",
            MODEL_NAME,
            "dbfs:/databricks/mlflow-tracking/1234567890123456/0a1b2c3d4e5f67890a1b2c3d4e5f6789/artifacts/model",
            "--run-id",
            RUN_ID,
            "--description",
            "Gradient boosting, 2024-02 features",
            "--json",
            r#"{"tags": [{"key": "validated_by", "value": "nightly-eval"}]}"#,
        ],
    },
    Case {
        operation: "modelRegistry.getModelVersion",
        method: "GET",
        path: "/api/2.0/mlflow/model-versions/get",
        query: &[("name", "churn-classifier"), ("version", "3")],
        body: None,
        response: r#"{
          "model_version": {
            "name": "churn-classifier",
            "version": "3",
            "creation_timestamp": 1707904817000,
            "last_updated_timestamp": 1707991217000,
            "user_id": "jane.doe@example.com",
            "current_stage": "Shadow",
            "source": "dbfs:/databricks/mlflow-tracking/1234567890123456/0a1b2c3d4e5f67890a1b2c3d4e5f6789/artifacts/model",
            "run_id": "0a1b2c3d4e5f67890a1b2c3d4e5f6789",
            "status": "READY",
            "status_message": "",
            "tags": [{"key": "validated_by", "value": "nightly-eval"}],
            "future_field": {"nested": [1, 2]}
          }
        }"#,
        cli: &["model-registry", "get-model-version", MODEL_NAME, "3"],
    },
    Case {
        operation: "modelRegistry.updateModelVersion",
        method: "PATCH",
        path: "/api/2.0/mlflow/model-versions/update",
        query: &[],
        body: Some(r#"{"name": "churn-classifier", "version": "3", "description": "Retrained on February data"}"#),
        response: r#"{
          "model_version": {
            "name": "churn-classifier",
            "version": "3",
            "creation_timestamp": 1707904817000,
            "last_updated_timestamp": 1708077617000,
            "user_id": "jane.doe@example.com",
            "current_stage": "Production",
            "description": "Retrained on February data",
            "status": "READY"
          }
        }"#,
        cli: &[
            "model-registry",
            "update-model-version",
            MODEL_NAME,
            "3",
            "--description",
            "Retrained on February data",
        ],
    },
    Case {
        operation: "modelRegistry.deleteModelVersion",
        method: "DELETE",
        path: "/api/2.0/mlflow/model-versions/delete",
        query: &[("name", "churn-classifier"), ("version", "2")],
        body: None,
        response: EMPTY,
        cli: &["model-registry", "delete-model-version", MODEL_NAME, "2"],
    },
    Case {
        operation: "modelRegistry.searchModelVersions",
        method: "GET",
        path: "/api/2.0/mlflow/model-versions/search",
        query: &[
            ("filter", "name = 'churn-classifier'"),
            ("max_results", "100"),
            ("order_by", "version_number DESC"),
            ("page_token", "eyJvZmZzZXQiOiAxMDB9"),
        ],
        body: None,
        response: r#"{
          "model_versions": [
            {
              "name": "churn-classifier",
              "version": "4",
              "creation_timestamp": 1707991217000,
              "last_updated_timestamp": 1708077617000,
              "user_id": "john.smith@example.com",
              "current_stage": "Staging",
              "status": "READY"
            },
            {
              "name": "churn-classifier",
              "version": "2",
              "creation_timestamp": 1706000000000,
              "last_updated_timestamp": 1706100000000,
              "user_id": "jane.doe@example.com",
              "current_stage": "Archived",
              "status": "FAILED_REGISTRATION",
              "status_message": "Artifact not found at the source path"
            }
          ],
          "next_page_token": "eyJvZmZzZXQiOiAyMDB9"
        }"#,
        cli: &[
            "model-registry",
            "search-model-versions",
            "--filter",
            "name = 'churn-classifier'",
            "--max-results",
            "100",
            "--page-token",
            "eyJvZmZzZXQiOiAxMDB9",
            "--order-by",
            "version_number DESC",
        ],
    },
    Case {
        operation: "modelRegistry.getModelVersionDownloadUri",
        method: "GET",
        path: "/api/2.0/mlflow/model-versions/get-download-uri",
        query: &[("name", "churn-classifier"), ("version", "3")],
        body: None,
        response: r#"{"artifact_uri": "dbfs:/databricks/mlflow-registry/8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b/models/model"}"#,
        cli: &["model-registry", "get-model-version-download-uri", MODEL_NAME, "3"],
    },
    Case {
        operation: "modelRegistry.transitionStage",
        method: "POST",
        path: "/api/2.0/mlflow/databricks/model-versions/transition-stage",
        query: &[],
        body: Some(
            r#"{"name": "churn-classifier", "version": "3", "stage": "Production", "archive_existing_versions": true, "comment": "Beats v2 on recall"}"#,
        ),
        response: r#"{
          "model_version_databricks": {
            "name": "churn-classifier",
            "version": "3",
            "creation_timestamp": 1707904817000,
            "last_updated_timestamp": 1707991217000,
            "user_id": "jane.doe@example.com",
            "current_stage": "Production",
            "source": "dbfs:/databricks/mlflow-tracking/1234567890123456/0a1b2c3d4e5f67890a1b2c3d4e5f6789/artifacts/model",
            "run_id": "0a1b2c3d4e5f67890a1b2c3d4e5f6789",
            "status": "READY",
            "permission_level": "CAN_MANAGE_PRODUCTION_VERSIONS",
            "email_subscription_status": "SUBSCRIBED",
            "open_requests": [],
            "feature_list": {
              "features": [
                {"feature_name": "tenure_months", "feature_table_id": "4c1b2a3d5e6f7a8b", "feature_table_name": "ml.customer_features"}
              ]
            }
          }
        }"#,
        cli: &[
            "model-registry",
            "transition-stage",
            MODEL_NAME,
            "3",
            "Production",
            "true",
            "--comment",
            "Beats v2 on recall",
        ],
    },
    Case {
        operation: "modelRegistry.setModelVersionTag",
        method: "POST",
        path: "/api/2.0/mlflow/model-versions/set-tag",
        query: &[],
        body: Some(r#"{"name": "churn-classifier", "version": "3", "key": "validated_by", "value": "nightly-eval"}"#),
        response: EMPTY,
        cli: &[
            "model-registry",
            "set-model-version-tag",
            MODEL_NAME,
            "3",
            "validated_by",
            "nightly-eval",
        ],
    },
    Case {
        operation: "modelRegistry.deleteModelVersionTag",
        method: "DELETE",
        path: "/api/2.0/mlflow/model-versions/delete-tag",
        query: &[("name", "churn-classifier"), ("version", "3"), ("key", "validated_by")],
        body: None,
        response: EMPTY,
        cli: &[
            "model-registry",
            "delete-model-version-tag",
            MODEL_NAME,
            "3",
            "validated_by",
        ],
    },
    // Transition requests.
    Case {
        operation: "modelRegistry.createTransitionRequest",
        method: "POST",
        path: "/api/2.0/mlflow/transition-requests/create",
        query: &[],
        body: Some(
            r#"{"name": "churn-classifier", "version": "4", "stage": "Production", "comment": "Ready for prod review"}"#,
        ),
        response: r#"{
          "request": {
            "to_stage": "Production",
            "comment": "Ready for prod review",
            "user_id": "john.smith@example.com",
            "creation_timestamp": 1708077617000,
            "available_actions": ["APPROVE_TRANSITION_REQUEST", "REJECT_TRANSITION_REQUEST", "CANCEL_TRANSITION_REQUEST"]
          }
        }"#,
        cli: &[
            "model-registry",
            "create-transition-request",
            MODEL_NAME,
            "4",
            "Production",
            "--comment",
            "Ready for prod review",
        ],
    },
    Case {
        operation: "modelRegistry.listTransitionRequests",
        method: "GET",
        path: "/api/2.0/mlflow/transition-requests/list",
        query: &[("name", "churn-classifier"), ("version", "4")],
        body: None,
        response: r#"{
          "requests": [
            {
              "id": "7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29",
              "activity_type": "REQUESTED_TRANSITION",
              "from_stage": "Staging",
              "to_stage": "Production",
              "comment": "Ready for prod review",
              "user_id": "john.smith@example.com",
              "creation_timestamp": 1708077617000,
              "last_updated_timestamp": 1708077617000
            }
          ]
        }"#,
        cli: &["model-registry", "list-transition-requests", MODEL_NAME, "4"],
    },
    Case {
        operation: "modelRegistry.approveTransitionRequest",
        method: "POST",
        path: "/api/2.0/mlflow/transition-requests/approve",
        query: &[],
        body: Some(
            r#"{"name": "churn-classifier", "version": "4", "stage": "Production", "archive_existing_versions": true, "comment": "Approved after review"}"#,
        ),
        response: r#"{
          "activity": {
            "id": "1a2b3c4d5e6f708192a3b4c5d6e7f809",
            "activity_type": "APPROVED_REQUEST",
            "from_stage": "Staging",
            "to_stage": "Production",
            "comment": "Approved after review",
            "user_id": "jane.doe@example.com",
            "creation_timestamp": 1708164017000,
            "last_updated_timestamp": 1708164017000
          }
        }"#,
        cli: &[
            "model-registry",
            "approve-transition-request",
            MODEL_NAME,
            "4",
            "Production",
            "true",
            "--comment",
            "Approved after review",
        ],
    },
    Case {
        operation: "modelRegistry.rejectTransitionRequest",
        method: "POST",
        path: "/api/2.0/mlflow/transition-requests/reject",
        query: &[],
        body: Some(
            r#"{"name": "churn-classifier", "version": "4", "stage": "Production", "comment": "Recall too low"}"#,
        ),
        response: r#"{
          "activity": {
            "id": "2b3c4d5e6f708192a3b4c5d6e7f8091a",
            "activity_type": "REJECTED_REQUEST",
            "from_stage": "Staging",
            "to_stage": "Production",
            "comment": "Recall too low",
            "user_id": "jane.doe@example.com",
            "creation_timestamp": 1708164017000,
            "last_updated_timestamp": 1708164017000
          }
        }"#,
        cli: &[
            "model-registry",
            "reject-transition-request",
            MODEL_NAME,
            "4",
            "Production",
            "--comment",
            "Recall too low",
        ],
    },
    Case {
        operation: "modelRegistry.deleteTransitionRequest",
        method: "DELETE",
        path: "/api/2.0/mlflow/transition-requests/delete",
        query: &[
            ("name", "churn-classifier"),
            ("version", "4"),
            ("stage", "Production"),
            ("creator", "john.smith@example.com"),
            ("comment", "Superseded by version 5"),
        ],
        body: None,
        response: r#"{
          "activity": {
            "id": "3c4d5e6f708192a3b4c5d6e7f8091a2b",
            "activity_type": "CANCELLED_REQUEST",
            "from_stage": "Staging",
            "to_stage": "Production",
            "comment": "Superseded by version 5",
            "user_id": "john.smith@example.com",
            "creation_timestamp": 1708164017000,
            "last_updated_timestamp": 1708164017000
          }
        }"#,
        cli: &[
            "model-registry",
            "delete-transition-request",
            MODEL_NAME,
            "4",
            "Production",
            "john.smith@example.com",
            "--comment",
            "Superseded by version 5",
        ],
    },
    // Comments.
    Case {
        operation: "modelRegistry.createComment",
        method: "POST",
        path: "/api/2.0/mlflow/comments/create",
        query: &[],
        body: Some(r#"{"name": "churn-classifier", "version": "3", "comment": "AUC 0.91 on the holdout set"}"#),
        response: r#"{
          "comment": {
            "id": "9b3f2c71d0a84e56b1c2d3e4f5a6b7c8",
            "comment": "AUC 0.91 on the holdout set",
            "user_id": "jane.doe@example.com",
            "creation_timestamp": 1708077617000,
            "last_updated_timestamp": 1708077617000,
            "available_actions": ["EDIT_COMMENT", "DELETE_COMMENT"]
          }
        }"#,
        cli: &[
            "model-registry",
            "create-comment",
            MODEL_NAME,
            "3",
            "AUC 0.91 on the holdout set",
        ],
    },
    Case {
        operation: "modelRegistry.updateComment",
        method: "PATCH",
        path: "/api/2.0/mlflow/comments/update",
        query: &[],
        body: Some(r#"{"id": "9b3f2c71d0a84e56b1c2d3e4f5a6b7c8", "comment": "AUC 0.92 on the holdout set"}"#),
        response: r#"{
          "comment": {
            "id": "9b3f2c71d0a84e56b1c2d3e4f5a6b7c8",
            "comment": "AUC 0.92 on the holdout set",
            "user_id": "jane.doe@example.com",
            "creation_timestamp": 1708077617000,
            "last_updated_timestamp": 1708164017000,
            "available_actions": ["EDIT_COMMENT", "DELETE_COMMENT", "PIN_COMMENT"]
          }
        }"#,
        cli: &[
            "model-registry",
            "update-comment",
            COMMENT_ID,
            "AUC 0.92 on the holdout set",
        ],
    },
    Case {
        operation: "modelRegistry.deleteComment",
        method: "DELETE",
        path: "/api/2.0/mlflow/comments/delete",
        query: &[("id", "9b3f2c71d0a84e56b1c2d3e4f5a6b7c8")],
        body: None,
        response: EMPTY,
        cli: &["model-registry", "delete-comment", COMMENT_ID],
    },
    // Registry webhooks.
    Case {
        operation: "modelRegistry.createWebhook",
        method: "POST",
        path: "/api/2.0/mlflow/registry-webhooks/create",
        query: &[],
        body: Some(
            r#"{"events": ["MODEL_VERSION_TRANSITIONED_TO_PRODUCTION", "TRANSITION_REQUEST_TO_PRODUCTION_CREATED"],
                "model_name": "churn-classifier",
                "description": "Notify the ML platform channel",
                "status": "TEST_MODE",
                "http_url_spec": {"url": "https://hooks.example.com/mlflow", "secret": "c2hhcmVkLXNlY3JldA", "enable_ssl_verification": true}}"#,
        ),
        response: r#"{
          "webhook": {
            "id": "2f1d6a3b9c8e4f70a5b4c3d2e1f0a9b8",
            "model_name": "churn-classifier",
            "description": "Notify the ML platform channel",
            "events": ["MODEL_VERSION_TRANSITIONED_TO_PRODUCTION", "TRANSITION_REQUEST_TO_PRODUCTION_CREATED"],
            "status": "TEST_MODE",
            "http_url_spec": {"url": "https://hooks.example.com/mlflow", "enable_ssl_verification": true},
            "creation_timestamp": 1708077617000,
            "last_updated_timestamp": 1708077617000
          }
        }"#,
        cli: &[
            "model-registry",
            "create-webhook",
            "--model-name",
            MODEL_NAME,
            "--description",
            "Notify the ML platform channel",
            "--status",
            "TEST_MODE",
            "--json",
            r#"{"events": ["MODEL_VERSION_TRANSITIONED_TO_PRODUCTION", "TRANSITION_REQUEST_TO_PRODUCTION_CREATED"],
                "http_url_spec": {"url": "https://hooks.example.com/mlflow", "secret": "c2hhcmVkLXNlY3JldA", "enable_ssl_verification": true}}"#,
        ],
    },
    Case {
        operation: "modelRegistry.listWebhooks",
        method: "GET",
        path: "/api/2.0/mlflow/registry-webhooks/list",
        query: &[
            ("events", "MODEL_VERSION_CREATED"),
            ("events", "MODEL_VERSION_TRANSITIONED_STAGE"),
            ("max_results", "20"),
            ("model_name", "churn-classifier"),
        ],
        body: None,
        response: r#"{
          "webhooks": [
            {
              "id": "2f1d6a3b9c8e4f70a5b4c3d2e1f0a9b8",
              "model_name": "churn-classifier",
              "events": ["MODEL_VERSION_TRANSITIONED_STAGE", "MODEL_VERSION_ALIAS_SET"],
              "status": "ACTIVE",
              "http_url_spec": {"url": "https://hooks.example.com/mlflow", "enable_ssl_verification": true},
              "creation_timestamp": 1708077617000,
              "last_updated_timestamp": 1708164017000
            },
            {
              "id": "5e4d3c2b1a0f9e8d7c6b5a4938271605",
              "model_name": "churn-classifier",
              "events": ["MODEL_VERSION_CREATED"],
              "status": "DISABLED",
              "job_spec": {"job_id": "718034227513469", "workspace_url": "https://adb-1234567890123456.7.azuredatabricks.net"},
              "creation_timestamp": 1705311017000,
              "last_updated_timestamp": 1705311017000
            }
          ],
          "next_page_token": "CgQIARAB"
        }"#,
        cli: &[
            "model-registry",
            "list-webhooks",
            "--max-results",
            "20",
            "--model-name",
            MODEL_NAME,
            "--json",
            r#"{"events": ["MODEL_VERSION_CREATED", "MODEL_VERSION_TRANSITIONED_STAGE"]}"#,
        ],
    },
    Case {
        operation: "modelRegistry.updateWebhook",
        method: "PATCH",
        path: "/api/2.0/mlflow/registry-webhooks/update",
        query: &[],
        body: Some(
            r#"{"id": "2f1d6a3b9c8e4f70a5b4c3d2e1f0a9b8",
                "status": "ACTIVE",
                "job_spec": {"job_id": "718034227513469", "access_token": "dapi0123456789abcdef0123456789abcdef"}}"#,
        ),
        response: r#"{
          "webhook": {
            "id": "2f1d6a3b9c8e4f70a5b4c3d2e1f0a9b8",
            "model_name": "churn-classifier",
            "events": ["MODEL_VERSION_TRANSITIONED_TO_PRODUCTION", "TRANSITION_REQUEST_TO_PRODUCTION_CREATED"],
            "status": "ACTIVE",
            "job_spec": {"job_id": "718034227513469", "workspace_url": "https://adb-1234567890123456.7.azuredatabricks.net"},
            "creation_timestamp": 1708077617000,
            "last_updated_timestamp": 1708164017000
          }
        }"#,
        cli: &[
            "model-registry",
            "update-webhook",
            WEBHOOK_ID,
            "--status",
            "ACTIVE",
            "--json",
            r#"{"job_spec": {"job_id": "718034227513469", "access_token": "dapi0123456789abcdef0123456789abcdef"}}"#,
        ],
    },
    Case {
        operation: "modelRegistry.deleteWebhook",
        method: "DELETE",
        path: "/api/2.0/mlflow/registry-webhooks/delete",
        query: &[("id", "2f1d6a3b9c8e4f70a5b4c3d2e1f0a9b8")],
        body: None,
        response: EMPTY,
        cli: &["model-registry", "delete-webhook", WEBHOOK_ID],
    },
    Case {
        operation: "modelRegistry.testRegistryWebhook",
        method: "POST",
        path: "/api/2.0/mlflow/registry-webhooks/test",
        query: &[],
        body: Some(r#"{"id": "2f1d6a3b9c8e4f70a5b4c3d2e1f0a9b8", "event": "MODEL_VERSION_CREATED"}"#),
        response: r#"{"status_code": 200, "body": "{\"ok\": true}"}"#,
        cli: &[
            "model-registry",
            "test-registry-webhook",
            WEBHOOK_ID,
            "--event",
            "MODEL_VERSION_CREATED",
        ],
    },
];
