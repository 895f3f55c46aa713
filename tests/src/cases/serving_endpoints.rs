//! Model serving endpoints (`/api/2.0/serving-endpoints/...`, `/serving-endpoints/{name}/invocations` and
//! `/api/2.0/permissions/serving-endpoints/...`): endpoints, their configuration, queries, logs, metrics,
//! AI Gateway, tags, and who may use them.

use super::{Case, EMPTY};

/// The endpoint the cases are about.
pub const ENDPOINT: &str = "churn-model";

/// Its system-given id, which the permission operations take.
pub const ENDPOINT_ID: &str = "6c2a1f8e9b4d4e7fa0b35c1d2e8f9a07";

/// Its served entity.
pub const SERVED: &str = "churn-model-3";

/// The plain-text OpenAI key of the external model the configuration update serves; it must never show in
/// `Debug` output.
pub const OPENAI_KEY: &str = "sk-proj-4f9a2c7e1b3d5a8c0e6f2b4d";

/// The endpoint as `get` answers it: serving version 3 of a Unity Catalog model behind an AI Gateway, with
/// its inference table; a served entity in a deployment state this spec does not know
/// (`DEPLOYMENT_SCALING`) and the endpoint with a field it does not know.
pub const ENDPOINT_DETAILED: &str = r#"{
  "name": "churn-model",
  "id": "6c2a1f8e9b4d4e7fa0b35c1d2e8f9a07",
  "description": "Predicts customer churn",
  "creator": "jane.doe@example.com",
  "creation_timestamp": 1764665531,
  "last_updated_timestamp": 1764668972,
  "state": {"ready": "READY", "config_update": "NOT_UPDATING"},
  "config": {
    "config_version": 4,
    "served_entities": [
      {
        "name": "churn-model-3",
        "entity_name": "main.ml.churn_model",
        "entity_version": "3",
        "workload_size": "Small",
        "workload_type": "CPU",
        "scale_to_zero_enabled": true,
        "environment_vars": {"FEATURE_STORE_TOKEN": "{{secrets/ml/feature-store}}"},
        "state": {"deployment": "DEPLOYMENT_SCALING", "deployment_state_message": "Scaling from 0 to 4"},
        "creator": "jane.doe@example.com",
        "creation_timestamp": 1764668972
      }
    ],
    "traffic_config": {"routes": [{"served_entity_name": "churn-model-3", "traffic_percentage": 100}]},
    "auto_capture_config": {
      "catalog_name": "main",
      "schema_name": "ml",
      "table_name_prefix": "churn_model",
      "enabled": true,
      "state": {"payload_table": {"name": "churn_model_payload", "status": "ACTIVE"}}
    }
  },
  "ai_gateway": {
    "usage_tracking_config": {"enabled": true},
    "rate_limits": [{"calls": 1000, "key": "endpoint", "renewal_period": "minute"}]
  },
  "tags": [{"key": "team", "value": "churn"}],
  "permission_level": "CAN_MANAGE",
  "route_optimized": false,
  "data_plane_info": {
    "query_info": {"endpoint_url": "https://6c2a1f8e.serving.cloud.databricks.com/1234567890123456/serving-endpoints/churn-model/invocations", "authorization_details": "[]"}
  },
  "task": "llm/v1/chat",
  "future_field": {"nested": [1, 2]}
}"#;

/// An endpoint whose configuration is being deployed.
const ENDPOINT_UPDATING: &str = r#"{
  "name": "churn-model",
  "id": "6c2a1f8e9b4d4e7fa0b35c1d2e8f9a07",
  "state": {"ready": "NOT_READY", "config_update": "IN_PROGRESS"},
  "pending_config": {
    "config_version": 1,
    "start_time": 1764665531,
    "served_entities": [
      {"name": "churn-model-3", "entity_name": "main.ml.churn_model", "entity_version": "3", "state": {"deployment": "DEPLOYMENT_CREATING", "deployment_state_message": "Creating the container image"}}
    ],
    "traffic_config": {"routes": [{"served_entity_name": "churn-model-3", "traffic_percentage": 100}]}
  },
  "permission_level": "CAN_MANAGE",
  "creator": "jane.doe@example.com",
  "creation_timestamp": 1764665531,
  "last_updated_timestamp": 1764665531
}"#;

/// The endpoint's permissions: its creator manages it, a group queries it, and a service principal holds
/// `CAN_MONITOR`, a level this spec does not list.
pub const ENDPOINT_PERMISSIONS: &str = r#"{
  "object_id": "/serving-endpoints/6c2a1f8e9b4d4e7fa0b35c1d2e8f9a07",
  "object_type": "serving-endpoint",
  "access_control_list": [
    {
      "user_name": "jane.doe@example.com",
      "display_name": "Jane Doe",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": false}]
    },
    {
      "group_name": "churn-analysts",
      "all_permissions": [{"permission_level": "CAN_QUERY", "inherited": false}]
    },
    {
      "service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
      "all_permissions": [{"permission_level": "CAN_MONITOR", "inherited": false}]
    },
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/serving-endpoints/"]}],
      "future_field": {"nested": [1, 2]}
    }
  ]
}"#;

/// Metrics in the Prometheus text format.
pub const METRICS: &str = "# HELP cpu_usage_percentage CPU usage of the served entity\n\
# TYPE cpu_usage_percentage gauge\n\
cpu_usage_percentage{served_entity_name=\"churn-model-3\"} 12.5\n\
# HELP request_count_total Requests received\n\
# TYPE request_count_total counter\n\
request_count_total{served_entity_name=\"churn-model-3\"} 1042\n";

/// The endpoint's OpenAPI document, text as it comes.
pub const OPENAPI: &str = r#"{"openapi": "3.1.0", "info": {"title": "churn-model", "version": "4"}, "paths": {"/serving-endpoints/churn-model/invocations": {"post": {"requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}}}}}}"#;

const GRANT: &str = r#"{"access_control_list": [{"group_name": "churn-analysts", "permission_level": "CAN_QUERY"}]}"#;

const AI_GATEWAY: &str = r#"{
  "guardrails": {
    "input": {"safety": true, "pii": {"behavior": "BLOCK"}, "invalid_keywords": ["password"]},
    "output": {"pii": {"behavior": "MASK"}}
  },
  "rate_limits": [
    {"calls": 1000, "key": "endpoint", "renewal_period": "minute"},
    {"tokens": 20000, "key": "user_group", "principal": "churn-analysts", "renewal_period": "minute"}
  ],
  "usage_tracking_config": {"enabled": true},
  "inference_table_config": {"catalog_name": "main", "schema_name": "ml", "table_name_prefix": "churn_gateway", "enabled": true},
  "fallback_config": {"enabled": false}
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "servingEndpoints.buildLogs",
        method: "GET",
        path: "/api/2.0/serving-endpoints/churn-model/served-models/churn-model-3/build-logs",
        query: &[],
        body: None,
        response: r#"{"logs": "Step 1/9 : FROM python:3.11-slim\nStep 2/9 : RUN pip install mlflow==2.19.0\nSuccessfully built 4c1d2e3f"}"#,
        cli: &["serving-endpoints", "build-logs", ENDPOINT, SERVED],
    },
    Case {
        operation: "servingEndpoints.create",
        method: "POST",
        path: "/api/2.0/serving-endpoints",
        query: &[],
        body: Some(
            r#"{
              "name": "churn-model",
              "description": "Predicts customer churn",
              "config": {
                "served_entities": [
                  {"name": "churn-model-3", "entity_name": "main.ml.churn_model", "entity_version": "3", "workload_size": "Small", "scale_to_zero_enabled": true}
                ],
                "traffic_config": {"routes": [{"served_entity_name": "churn-model-3", "traffic_percentage": 100}]}
              },
              "route_optimized": false,
              "tags": [{"key": "team", "value": "churn"}],
              "email_notifications": {"on_update_failure": ["jane.doe@example.com"]},
              "telemetry_config": {"enabled_telemetry_features": ["TELEMETRY_FEATURE_LOGS"], "table_names": {"logs_table": "main.ml.churn_logs"}}
            }"#,
        ),
        response: ENDPOINT_UPDATING,
        cli: &[
            "serving-endpoints",
            "create",
            ENDPOINT,
            "--description",
            "Predicts customer churn",
            "--route-optimized=false",
            "--json",
            r#"{
              "config": {
                "served_entities": [
                  {"name": "churn-model-3", "entity_name": "main.ml.churn_model", "entity_version": "3", "workload_size": "Small", "scale_to_zero_enabled": true}
                ],
                "traffic_config": {"routes": [{"served_entity_name": "churn-model-3", "traffic_percentage": 100}]}
              },
              "tags": [{"key": "team", "value": "churn"}],
              "email_notifications": {"on_update_failure": ["jane.doe@example.com"]},
              "telemetry_config": {"enabled_telemetry_features": ["TELEMETRY_FEATURE_LOGS"], "table_names": {"logs_table": "main.ml.churn_logs"}}
            }"#,
        ],
    },
    Case {
        operation: "servingEndpoints.createProvisionedThroughputEndpoint",
        method: "POST",
        path: "/api/2.0/serving-endpoints/pt",
        query: &[],
        body: Some(
            r#"{
              "name": "churn-model",
              "config": {
                "served_entities": [{"name": "llama", "entity_name": "system.ai.llama-3_3-70b-instruct", "entity_version": "3", "provisioned_model_units": 50}]
              },
              "tags": [{"key": "team", "value": "churn"}]
            }"#,
        ),
        response: ENDPOINT_UPDATING,
        cli: &[
            "serving-endpoints",
            "create-provisioned-throughput-endpoint",
            ENDPOINT,
            "--json",
            r#"{"config": {"served_entities": [{"name": "llama", "entity_name": "system.ai.llama-3_3-70b-instruct", "entity_version": "3", "provisioned_model_units": 50}]},
                "tags": [{"key": "team", "value": "churn"}]}"#,
        ],
    },
    Case {
        operation: "servingEndpoints.delete",
        method: "DELETE",
        path: "/api/2.0/serving-endpoints/churn-model",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["serving-endpoints", "delete", ENDPOINT],
    },
    Case {
        operation: "servingEndpoints.exportMetrics",
        method: "GET",
        path: "/api/2.0/serving-endpoints/churn-model/metrics",
        query: &[],
        body: None,
        response: METRICS,
        cli: &["serving-endpoints", "export-metrics", ENDPOINT],
    },
    Case {
        operation: "servingEndpoints.get",
        method: "GET",
        path: "/api/2.0/serving-endpoints/churn-model",
        query: &[],
        body: None,
        response: ENDPOINT_DETAILED,
        cli: &["serving-endpoints", "get", ENDPOINT],
    },
    Case {
        operation: "servingEndpoints.getOpenApi",
        method: "GET",
        path: "/api/2.0/serving-endpoints/churn-model/openapi",
        query: &[],
        body: None,
        response: OPENAPI,
        cli: &["serving-endpoints", "get-open-api", ENDPOINT],
    },
    Case {
        operation: "servingEndpoints.getPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/serving-endpoints/6c2a1f8e9b4d4e7fa0b35c1d2e8f9a07/permissionLevels",
        query: &[],
        body: None,
        response: r#"{
          "permission_levels": [
            {"permission_level": "CAN_VIEW", "description": "Can view the endpoint"},
            {"permission_level": "CAN_QUERY", "description": "Can query the endpoint"},
            {"permission_level": "CAN_MANAGE", "description": "Can manage the endpoint"}
          ]
        }"#,
        cli: &["serving-endpoints", "get-permission-levels", ENDPOINT_ID],
    },
    Case {
        operation: "servingEndpoints.getPermissions",
        method: "GET",
        path: "/api/2.0/permissions/serving-endpoints/6c2a1f8e9b4d4e7fa0b35c1d2e8f9a07",
        query: &[],
        body: None,
        response: ENDPOINT_PERMISSIONS,
        cli: &["serving-endpoints", "get-permissions", ENDPOINT_ID],
    },
    Case {
        operation: "servingEndpoints.list",
        method: "GET",
        path: "/api/2.0/serving-endpoints",
        query: &[],
        body: None,
        response: r#"{
          "endpoints": [
            {
              "name": "churn-model",
              "id": "6c2a1f8e9b4d4e7fa0b35c1d2e8f9a07",
              "state": {"ready": "READY", "config_update": "NOT_UPDATING"},
              "config": {"served_entities": [{"name": "churn-model-3", "entity_name": "main.ml.churn_model", "entity_version": "3"}]},
              "creator": "jane.doe@example.com",
              "creation_timestamp": 1764665531,
              "last_updated_timestamp": 1764668972,
              "usage_policy_id": "f3a1c2d4-5b6e-4f70-8192-a3b4c5d6e7f8"
            },
            {
              "name": "databricks-meta-llama-3-3-70b-instruct",
              "id": "0e4f1a2b3c4d5e6f7a8b9c0d1e2f3a4b",
              "state": {"ready": "READY", "config_update": "NOT_UPDATING"},
              "config": {
                "served_entities": [
                  {"name": "databricks-meta-llama-3-3-70b-instruct", "foundation_model": {"name": "databricks-meta-llama-3-3-70b-instruct", "display_name": "Meta Llama 3.3 70B Instruct", "docs": "https://docs.databricks.com/machine-learning/foundation-models/index.html"}}
                ]
              },
              "task": "llm/v1/chat",
              "creator": "System-User"
            }
          ]
        }"#,
        cli: &["serving-endpoints", "list"],
    },
    Case {
        operation: "servingEndpoints.logs",
        method: "GET",
        path: "/api/2.0/serving-endpoints/churn-model/served-models/churn-model-3/logs",
        query: &[],
        body: None,
        response: r#"{"logs": "[4xx2k] [2026-12-02 08:14:03 +0000] [9] [INFO] Booting worker with pid: 9\n"}"#,
        cli: &["serving-endpoints", "logs", ENDPOINT, SERVED],
    },
    Case {
        operation: "servingEndpoints.patchTags",
        method: "PATCH",
        path: "/api/2.0/serving-endpoints/churn-model/tags",
        query: &[],
        body: Some(r#"{"add_tags": [{"key": "cost-center", "value": "4711"}], "delete_tags": ["team"]}"#),
        response: r#"{"tags": [{"key": "cost-center", "value": "4711"}, {"key": "pii"}]}"#,
        cli: &[
            "serving-endpoints",
            "patch-tags",
            ENDPOINT,
            "--delete-tags",
            "team",
            "--json",
            r#"{"add_tags": [{"key": "cost-center", "value": "4711"}]}"#,
        ],
    },
    Case {
        operation: "servingEndpoints.patchTelemetryConfig",
        method: "PATCH",
        path: "/api/2.0/serving-endpoints/churn-model/telemetry-config",
        query: &[],
        body: Some(
            r#"{"telemetry_config": {"telemetry_profile_id": "tp-4c1d2e3f", "inference_table_config": {"sampling_fraction": 0.25}}}"#,
        ),
        response: ENDPOINT_DETAILED,
        cli: &[
            "serving-endpoints",
            "patch-telemetry-config",
            ENDPOINT,
            "--json",
            r#"{"telemetry_config": {"telemetry_profile_id": "tp-4c1d2e3f", "inference_table_config": {"sampling_fraction": 0.25}}}"#,
        ],
    },
    Case {
        operation: "servingEndpoints.putAiGateway",
        method: "PUT",
        path: "/api/2.0/serving-endpoints/churn-model/ai-gateway",
        query: &[],
        body: Some(AI_GATEWAY),
        response: AI_GATEWAY,
        cli: &["serving-endpoints", "put-ai-gateway", ENDPOINT, "--json", AI_GATEWAY],
    },
    Case {
        operation: "servingEndpoints.putRateLimits",
        method: "PUT",
        path: "/api/2.0/serving-endpoints/churn-model/rate-limits",
        query: &[],
        body: Some(r#"{"rate_limits": [{"calls": 100, "key": "user", "renewal_period": "minute"}]}"#),
        response: r#"{"rate_limits": [{"calls": 100, "key": "user", "renewal_period": "minute"}]}"#,
        cli: &[
            "serving-endpoints",
            "put-rate-limits",
            ENDPOINT,
            "--json",
            r#"{"rate_limits": [{"calls": 100, "key": "user", "renewal_period": "minute"}]}"#,
        ],
    },
    Case {
        operation: "servingEndpoints.query",
        method: "POST",
        path: "/serving-endpoints/churn-model/invocations",
        query: &[],
        body: Some(
            r#"{
              "messages": [
                {"role": "system", "content": "You answer in one sentence."},
                {"role": "user", "content": "Why do customers churn?"}
              ],
              "max_tokens": 64,
              "temperature": 0.2,
              "stop": ["\n\n"],
              "client_request_id": "req-20261202-0001"
            }"#,
        ),
        // A chat answer, with the `finish_reason` an OpenAI-style model writes beside the official SDKs'
        // `finishReason`, and a role this spec does not know.
        response: r#"{
          "id": "chatcmpl-9f2c4e6a",
          "object": "chat.completion",
          "created": 1764668999,
          "model": "churn-model-3",
          "choices": [
            {"index": 0, "message": {"role": "assistant", "content": "Mostly because of price increases."}, "finish_reason": "stop", "finishReason": "stop"},
            {"index": 1, "message": {"role": "tool", "content": "{}"}}
          ],
          "usage": {"prompt_tokens": 21, "completion_tokens": 8, "total_tokens": 29}
        }"#,
        cli: &[
            "serving-endpoints",
            "query",
            ENDPOINT,
            "--max-tokens",
            "64",
            "--temperature",
            "0.2",
            "--stop",
            "\n\n",
            "--client-request-id",
            "req-20261202-0001",
            "--json",
            r#"{"messages": [
                {"role": "system", "content": "You answer in one sentence."},
                {"role": "user", "content": "Why do customers churn?"}
              ]}"#,
        ],
    },
    Case {
        operation: "servingEndpoints.setPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/serving-endpoints/6c2a1f8e9b4d4e7fa0b35c1d2e8f9a07",
        query: &[],
        body: Some(GRANT),
        response: ENDPOINT_PERMISSIONS,
        cli: &["serving-endpoints", "set-permissions", ENDPOINT_ID, "--json", GRANT],
    },
    Case {
        operation: "servingEndpoints.updateConfig",
        method: "PUT",
        path: "/api/2.0/serving-endpoints/churn-model/config",
        query: &[],
        body: Some(
            r#"{
              "served_entities": [
                {
                  "name": "gpt-4o",
                  "external_model": {
                    "name": "gpt-4o",
                    "provider": "openai",
                    "task": "llm/v1/chat",
                    "openai_config": {"openai_api_key_plaintext": "sk-proj-4f9a2c7e1b3d5a8c0e6f2b4d", "openai_organization": "org-churn"}
                  }
                },
                {
                  "name": "claude",
                  "external_model": {
                    "name": "claude-sonnet-4-5",
                    "provider": "anthropic",
                    "task": "llm/v1/chat",
                    "anthropic_config": {"anthropic_api_key": "{{secrets/llm/anthropic}}"}
                  }
                }
              ],
              "traffic_config": {"routes": [{"served_entity_name": "gpt-4o", "traffic_percentage": 80}, {"served_entity_name": "claude", "traffic_percentage": 20}]}
            }"#,
        ),
        response: ENDPOINT_UPDATING,
        cli: &[
            "serving-endpoints",
            "update-config",
            ENDPOINT,
            "--json",
            r#"{
              "served_entities": [
                {
                  "name": "gpt-4o",
                  "external_model": {
                    "name": "gpt-4o",
                    "provider": "openai",
                    "task": "llm/v1/chat",
                    "openai_config": {"openai_api_key_plaintext": "sk-proj-4f9a2c7e1b3d5a8c0e6f2b4d", "openai_organization": "org-churn"}
                  }
                },
                {
                  "name": "claude",
                  "external_model": {
                    "name": "claude-sonnet-4-5",
                    "provider": "anthropic",
                    "task": "llm/v1/chat",
                    "anthropic_config": {"anthropic_api_key": "{{secrets/llm/anthropic}}"}
                  }
                }
              ],
              "traffic_config": {"routes": [{"served_entity_name": "gpt-4o", "traffic_percentage": 80}, {"served_entity_name": "claude", "traffic_percentage": 20}]}
            }"#,
        ],
    },
    Case {
        operation: "servingEndpoints.updateNotifications",
        method: "PATCH",
        path: "/api/2.0/serving-endpoints/churn-model/notifications",
        query: &[],
        body: Some(
            r#"{"email_notifications": {"on_update_failure": ["jane.doe@example.com"], "on_update_success": ["ml-ops@example.com"]}}"#,
        ),
        response: r#"{
          "name": "churn-model",
          "email_notifications": {"on_update_failure": ["jane.doe@example.com"], "on_update_success": ["ml-ops@example.com"], "on_endpoint_ready": ["ml-ops@example.com"]}
        }"#,
        cli: &[
            "serving-endpoints",
            "update-notifications",
            ENDPOINT,
            "--json",
            r#"{"email_notifications": {"on_update_failure": ["jane.doe@example.com"], "on_update_success": ["ml-ops@example.com"]}}"#,
        ],
    },
    Case {
        operation: "servingEndpoints.updateProvisionedThroughputEndpointConfig",
        method: "PUT",
        path: "/api/2.0/serving-endpoints/pt/churn-model/config",
        query: &[],
        body: Some(
            r#"{"config": {"served_entities": [{"name": "llama", "entity_name": "system.ai.llama-3_3-70b-instruct", "entity_version": "3", "provisioned_model_units": 100, "burst_scaling_enabled": false}]}}"#,
        ),
        response: ENDPOINT_UPDATING,
        cli: &[
            "serving-endpoints",
            "update-provisioned-throughput-endpoint-config",
            ENDPOINT,
            "--json",
            r#"{"config": {"served_entities": [{"name": "llama", "entity_name": "system.ai.llama-3_3-70b-instruct", "entity_version": "3", "provisioned_model_units": 100, "burst_scaling_enabled": false}]}}"#,
        ],
    },
    Case {
        operation: "servingEndpoints.updatePermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/serving-endpoints/6c2a1f8e9b4d4e7fa0b35c1d2e8f9a07",
        query: &[],
        body: Some(GRANT),
        response: ENDPOINT_PERMISSIONS,
        cli: &["serving-endpoints", "update-permissions", ENDPOINT_ID, "--json", GRANT],
    },
];
