//! Model serving endpoints.

use super::{acl_levels, future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::serving_endpoints::{ENDPOINT, ENDPOINT_ID, METRICS, OPENAI_KEY, OPENAPI, SERVED};
use databricks_tests::mock::{Expected, assert_request, only_request};

const JANE: &str = "jane.doe@example.com";

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|value| (*value).to_owned()).collect()
}

fn route(entity: &str, percentage: i32) -> models::ServingRoute {
    models::ServingRoute {
        served_entity_name: Some(entity.into()),
        ..models::ServingRoute::new(percentage)
    }
}

fn tag(key: &str, value: &str) -> models::ServingEndpointTag {
    models::ServingEndpointTag {
        value: Some(value.into()),
        ..models::ServingEndpointTag::new(key)
    }
}

fn chat(role: models::ServingChatMessageRole, content: &str) -> models::ServingChatMessage {
    models::ServingChatMessage {
        role: Some(role),
        content: Some(content.into()),
        ..Default::default()
    }
}

/// An endpoint whose configuration is being deployed, as `create` and `updateConfig` answer.
fn check_updating(endpoint: &models::ServingEndpointDetailed) {
    assert_eq!(endpoint.name.as_deref(), Some(ENDPOINT));
    let state = endpoint.state.as_ref().expect("state");
    assert_eq!(
        state.config_update,
        Some(models::ServingEndpointStateConfigUpdate::InProgress)
    );
    assert_eq!(state.ready, Some(models::ServingEndpointStateReady::NotReady));
    let pending = endpoint.pending_config.as_ref().expect("pending_config");
    assert_eq!(pending.start_time, Some(1_764_665_531));
    let entity = &pending.served_entities.as_deref().expect("served_entities")[0];
    assert_eq!(
        entity.state.as_ref().and_then(|state| state.deployment.clone()),
        Some(models::ServedModelStateDeployment::DeploymentCreating)
    );
    assert_eq!(
        endpoint.permission_level,
        Some(models::ServingEndpointPermissionLevel::CanManage)
    );
}

fn check_permissions(permissions: &models::ServingEndpointPermissions) {
    assert_eq!(permissions.object_type.as_deref(), Some("serving-endpoint"));
    assert_eq!(
        acl_levels::<models::ServingEndpointPermissionLevel>(permissions),
        [
            models::ServingEndpointPermissionLevel::CanManage,
            models::ServingEndpointPermissionLevel::CanQuery,
            models::ServingEndpointPermissionLevel::Unrecognized("CAN_MONITOR".into()),
            models::ServingEndpointPermissionLevel::CanManage,
        ]
    );
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    let inherited = &acl[3].all_permissions.as_deref().expect("all_permissions")[0];
    assert_eq!(inherited.inherited_from_object, Some(strings(&["/serving-endpoints/"])));
    assert_eq!(acl[3].unknown_fields["future_field"], future_field());
}

fn grant() -> models::ServingEndpointPermissionsRequest {
    models::ServingEndpointPermissionsRequest {
        access_control_list: Some(vec![models::ServingEndpointAccessControlRequest {
            group_name: Some("churn-analysts".into()),
            permission_level: Some(models::ServingEndpointPermissionLevel::CanQuery),
            ..Default::default()
        }]),
        ..Default::default()
    }
}

/// A streamed text answer: the request is the case's and asked for `text/plain`, and the bytes are exactly
/// the server's.
async fn check_text(t: &super::Setup, stream: databricks_runtime::ByteStream, expected: &str) {
    let mut text = Vec::new();
    stream.write_to(&mut text).await.expect("the answer is read whole");
    assert_eq!(String::from_utf8(text).expect("UTF-8"), expected);
    let request = only_request(&t.server).await;
    assert_request(
        &request,
        Expected {
            method: t.case.method,
            path: t.case.path,
            query: t.case.query,
            body: t.case.body,
        },
    );
    let accepted = t.server.received_requests().await.expect("requests")[0].headers["accept"].clone();
    assert_eq!(accepted, "text/plain");
}

#[tokio::test]
async fn serving_endpoints_build_logs() {
    let t = setup("servingEndpoints.buildLogs").await;
    let logs = ok(
        t.case.operation,
        t.client.serving_endpoints().build_logs(ENDPOINT, SERVED).await,
    );
    t.verify(&logs).await;
    assert!(logs.logs.starts_with("Step 1/9"), "{}", logs.logs);
    assert_eq!(logs.logs.lines().count(), 3);
}

#[tokio::test]
async fn serving_endpoints_create() {
    let t = setup("servingEndpoints.create").await;
    let body = models::CreateServingEndpoint {
        description: Some("Predicts customer churn".into()),
        config: Some(models::ServingEndpointConfigInput {
            served_entities: Some(vec![models::ServedEntityInput {
                name: Some(SERVED.into()),
                entity_name: Some("main.ml.churn_model".into()),
                entity_version: Some("3".into()),
                workload_size: Some("Small".into()),
                scale_to_zero_enabled: Some(true),
                ..Default::default()
            }]),
            traffic_config: Some(models::ServingTrafficConfig {
                routes: Some(vec![route(SERVED, 100)]),
                ..Default::default()
            }),
            ..Default::default()
        }),
        route_optimized: Some(false),
        tags: Some(vec![tag("team", "churn")]),
        email_notifications: Some(models::ServingEndpointEmailNotifications {
            on_update_failure: Some(strings(&[JANE])),
            ..Default::default()
        }),
        telemetry_config: Some(models::ServingEndpointTelemetryConfig {
            enabled_telemetry_features: Some(vec![models::ServingTelemetryFeature::TelemetryFeatureLogs]),
            table_names: Some(models::ServingTelemetryTableNames {
                logs_table: Some("main.ml.churn_logs".into()),
                ..Default::default()
            }),
            ..Default::default()
        }),
        ..models::CreateServingEndpoint::new(ENDPOINT)
    };
    let endpoint = ok(t.case.operation, t.client.serving_endpoints().create(&body).await);
    t.verify(&endpoint).await;
    check_updating(&endpoint);
}

#[tokio::test]
async fn serving_endpoints_delete() {
    let t = setup("servingEndpoints.delete").await;
    let ack = ok(t.case.operation, t.client.serving_endpoints().delete(ENDPOINT).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn serving_endpoints_export_metrics() {
    let t = setup("servingEndpoints.exportMetrics").await;
    let stream = ok(
        t.case.operation,
        t.client.serving_endpoints().export_metrics(ENDPOINT).await,
    );
    check_text(&t, stream, METRICS).await;
}

#[tokio::test]
async fn serving_endpoints_get() {
    let t = setup("servingEndpoints.get").await;
    let endpoint = ok(t.case.operation, t.client.serving_endpoints().get(ENDPOINT).await);
    t.verify(&endpoint).await;
    assert_eq!(endpoint.id.as_deref(), Some(ENDPOINT_ID));
    assert_eq!(endpoint.last_updated_timestamp, Some(1_764_668_972));
    let state = endpoint.state.as_ref().expect("state");
    assert_eq!(state.ready, Some(models::ServingEndpointStateReady::Ready));
    let config = endpoint.config.as_ref().expect("config");
    assert_eq!(config.config_version, Some(4));
    let entity = &config.served_entities.as_deref().expect("served_entities")[0];
    assert_eq!(entity.workload_type, Some(models::ServingModelWorkloadType::Cpu));
    assert_eq!(
        entity.state.as_ref().and_then(|state| state.deployment.clone()),
        Some(models::ServedModelStateDeployment::Unrecognized(
            "DEPLOYMENT_SCALING".into()
        ))
    );
    assert_eq!(
        entity
            .environment_vars
            .as_ref()
            .map(|vars| vars["FEATURE_STORE_TOKEN"].as_str()),
        Some("{{secrets/ml/feature-store}}")
    );
    let routes = config
        .traffic_config
        .as_ref()
        .and_then(|traffic| traffic.routes.as_deref());
    assert_eq!(routes, Some(&[route(SERVED, 100)][..]));
    let table = config
        .auto_capture_config
        .as_ref()
        .and_then(|capture| capture.state.as_ref())
        .and_then(|state| state.payload_table.as_ref())
        .and_then(|table| table.name.as_deref());
    assert_eq!(table, Some("churn_model_payload"));
    let limits = endpoint
        .ai_gateway
        .as_ref()
        .and_then(|gateway| gateway.rate_limits.as_deref())
        .expect("rate_limits");
    assert_eq!(limits[0].calls, Some(1000));
    assert_eq!(limits[0].key, Some(models::AiGatewayRateLimitKey::Endpoint));
    assert_eq!(endpoint.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn serving_endpoints_get_open_api() {
    let t = setup("servingEndpoints.getOpenApi").await;
    let stream = ok(
        t.case.operation,
        t.client.serving_endpoints().get_open_api(ENDPOINT).await,
    );
    check_text(&t, stream, OPENAPI).await;
}

#[tokio::test]
async fn serving_endpoints_get_permission_levels() {
    let t = setup("servingEndpoints.getPermissionLevels").await;
    let levels = ok(
        t.case.operation,
        t.client.serving_endpoints().get_permission_levels(ENDPOINT_ID).await,
    );
    t.verify(&levels).await;
    let levels: Vec<_> = levels
        .permission_levels
        .expect("permission_levels")
        .into_iter()
        .map(|level| level.permission_level)
        .collect();
    assert_eq!(
        levels,
        [
            Some(models::ServingEndpointPermissionLevel::CanView),
            Some(models::ServingEndpointPermissionLevel::CanQuery),
            Some(models::ServingEndpointPermissionLevel::CanManage),
        ]
    );
}

#[tokio::test]
async fn serving_endpoints_get_permissions() {
    let t = setup("servingEndpoints.getPermissions").await;
    let permissions = ok(
        t.case.operation,
        t.client.serving_endpoints().get_permissions(ENDPOINT_ID).await,
    );
    t.verify(&permissions).await;
    check_permissions(&permissions);
}

#[tokio::test]
async fn serving_endpoints_list() {
    let t = setup("servingEndpoints.list").await;
    let list = ok(t.case.operation, t.client.serving_endpoints().list().await);
    t.verify(&list).await;
    let endpoints = list.endpoints.as_deref().expect("endpoints");
    assert_eq!(endpoints.len(), 2);
    assert_eq!(endpoints[0].creation_timestamp, Some(1_764_665_531));
    let foundation = endpoints[1]
        .config
        .as_ref()
        .and_then(|config| config.served_entities.as_deref())
        .and_then(|entities| entities[0].foundation_model.as_ref())
        .expect("foundation_model");
    assert_eq!(foundation.display_name.as_deref(), Some("Meta Llama 3.3 70B Instruct"));
}

#[tokio::test]
async fn serving_endpoints_logs() {
    let t = setup("servingEndpoints.logs").await;
    let logs = ok(
        t.case.operation,
        t.client.serving_endpoints().logs(ENDPOINT, SERVED).await,
    );
    t.verify(&logs).await;
    assert!(logs.logs.contains("Booting worker"), "{}", logs.logs);
}

#[tokio::test]
async fn serving_endpoints_patch_tags() {
    let t = setup("servingEndpoints.patchTags").await;
    let body = models::PatchServingEndpointTags {
        add_tags: Some(vec![tag("cost-center", "4711")]),
        delete_tags: Some(strings(&["team"])),
        ..Default::default()
    };
    let tags = ok(
        t.case.operation,
        t.client.serving_endpoints().patch_tags(ENDPOINT, &body).await,
    );
    t.verify(&tags).await;
    let tags = tags.tags.expect("tags");
    assert_eq!(tags[0], tag("cost-center", "4711"));
    assert_eq!(tags[1], models::ServingEndpointTag::new("pii"));
}

#[tokio::test]
async fn serving_endpoints_put_ai_gateway() {
    let t = setup("servingEndpoints.putAiGateway").await;
    let guardrail = |behavior| models::AiGatewayGuardrailPiiBehavior {
        behavior: Some(behavior),
        ..Default::default()
    };
    let body = models::AiGatewayConfig {
        guardrails: Some(models::AiGatewayGuardrails {
            input: Some(models::AiGatewayGuardrailParameters {
                safety: Some(true),
                pii: Some(guardrail(models::AiGatewayGuardrailPiiBehaviorBehavior::Block)),
                invalid_keywords: Some(strings(&["password"])),
                ..Default::default()
            }),
            output: Some(models::AiGatewayGuardrailParameters {
                pii: Some(guardrail(models::AiGatewayGuardrailPiiBehaviorBehavior::Mask)),
                ..Default::default()
            }),
            ..Default::default()
        }),
        rate_limits: Some(vec![
            models::AiGatewayRateLimit {
                calls: Some(1000),
                key: Some(models::AiGatewayRateLimitKey::Endpoint),
                ..models::AiGatewayRateLimit::new(models::RateLimitRenewalPeriod::Minute)
            },
            models::AiGatewayRateLimit {
                tokens: Some(20_000),
                key: Some(models::AiGatewayRateLimitKey::UserGroup),
                principal: Some("churn-analysts".into()),
                ..models::AiGatewayRateLimit::new(models::RateLimitRenewalPeriod::Minute)
            },
        ]),
        usage_tracking_config: Some(models::AiGatewayUsageTrackingConfig {
            enabled: Some(true),
            ..Default::default()
        }),
        inference_table_config: Some(models::ServingInferenceTableConfig {
            catalog_name: Some("main".into()),
            schema_name: Some("ml".into()),
            table_name_prefix: Some("churn_gateway".into()),
            enabled: Some(true),
            ..Default::default()
        }),
        fallback_config: Some(models::AiGatewayFallbackConfig::new(false)),
        ..Default::default()
    };
    let gateway = ok(
        t.case.operation,
        t.client.serving_endpoints().put_ai_gateway(ENDPOINT, &body).await,
    );
    t.verify(&gateway).await;
    assert_eq!(gateway, body, "the settings in force are the ones sent");
}

#[tokio::test]
async fn serving_endpoints_put_rate_limits() {
    let t = setup("servingEndpoints.putRateLimits").await;
    let body = models::ServingEndpointRateLimits {
        rate_limits: Some(vec![models::ServingEndpointRateLimit {
            key: Some(models::ServingEndpointRateLimitKey::User),
            ..models::ServingEndpointRateLimit::new(100, models::RateLimitRenewalPeriod::Minute)
        }]),
        ..Default::default()
    };
    let limits = ok(
        t.case.operation,
        t.client.serving_endpoints().put_rate_limits(ENDPOINT, &body).await,
    );
    t.verify(&limits).await;
    assert_eq!(limits.rate_limits.expect("rate_limits")[0].calls, 100);
}

#[tokio::test]
async fn serving_endpoints_query() {
    let t = setup("servingEndpoints.query").await;
    let body = models::QueryEndpointInput {
        messages: Some(vec![
            chat(models::ServingChatMessageRole::System, "You answer in one sentence."),
            chat(models::ServingChatMessageRole::User, "Why do customers churn?"),
        ]),
        max_tokens: Some(64),
        temperature: Some(0.2),
        stop: Some(strings(&["\n\n"])),
        client_request_id: Some("req-20261202-0001".into()),
        ..Default::default()
    };
    let answer = ok(
        t.case.operation,
        t.client.serving_endpoints().query(ENDPOINT, &body).await,
    );
    t.verify(&answer).await;
    assert_eq!(answer.object, Some(models::QueryEndpointResponseObject::ChatCompletion));
    assert_eq!(answer.created, Some(1_764_668_999));
    let choices = answer.choices.as_deref().expect("choices");
    assert_eq!(
        choices[0]
            .message
            .as_ref()
            .and_then(|message| message.content.as_deref()),
        Some("Mostly because of price increases.")
    );
    assert_eq!(choices[0].finish_reason.as_deref(), Some("stop"));
    assert_eq!(choices[0].unknown_fields["finish_reason"], "stop");
    assert_eq!(
        choices[1].message.as_ref().and_then(|message| message.role.clone()),
        Some(models::ServingChatMessageRole::Unrecognized("tool".into()))
    );
    assert_eq!(answer.usage.as_ref().and_then(|usage| usage.total_tokens), Some(29));
}

/// Custom-model inputs and answers are free-form JSON, sent and read back exactly.
#[tokio::test]
async fn serving_endpoints_query_with_free_form_tensors() {
    let server = databricks_tests::mock::serve(
        200,
        r#"{"predictions": [[0.91, 0.09], {"label": "churn"}], "served_extra": true}"#,
    )
    .await;
    let client = databricks_tests::mock::client(&server);
    let body = models::QueryEndpointInput {
        inputs: Some(serde_json::json!({"tenure": [3, 48], "plan": ["basic", "premium"]})),
        dataframe_split: Some(models::DataframeSplitInput {
            columns: Some(vec![serde_json::json!("tenure")]),
            index: Some(vec![0]),
            data: Some(vec![serde_json::json!([3])]),
            ..Default::default()
        }),
        ..Default::default()
    };
    let answer = ok(
        "servingEndpoints.query",
        client.serving_endpoints().query(ENDPOINT, &body).await,
    );
    let request = only_request(&server).await;
    assert_eq!(request.path, "/serving-endpoints/churn-model/invocations");
    assert_eq!(
        request.body,
        Some(serde_json::json!({
            "inputs": {"tenure": [3, 48], "plan": ["basic", "premium"]},
            "dataframe_split": {"columns": ["tenure"], "index": [0], "data": [[3]]}
        }))
    );
    let predictions = answer.predictions.expect("predictions");
    assert_eq!(predictions[0], serde_json::json!([0.91, 0.09]));
    assert_eq!(predictions[1]["label"], "churn");
    assert_eq!(answer.unknown_fields["served_extra"], true);
}

#[tokio::test]
async fn serving_endpoints_set_permissions() {
    let t = setup("servingEndpoints.setPermissions").await;
    let permissions = ok(
        t.case.operation,
        t.client
            .serving_endpoints()
            .set_permissions(ENDPOINT_ID, &grant())
            .await,
    );
    t.verify(&permissions).await;
    check_permissions(&permissions);
}

#[tokio::test]
async fn serving_endpoints_update_config() {
    let t = setup("servingEndpoints.updateConfig").await;
    let openai = models::ExternalModel {
        openai_config: Some(models::OpenAiConfig {
            openai_api_key_plaintext: Some(OPENAI_KEY.into()),
            openai_organization: Some("org-churn".into()),
            ..Default::default()
        }),
        ..models::ExternalModel::new("gpt-4o", models::ExternalModelProvider::Openai, "llm/v1/chat")
    };
    let anthropic = models::ExternalModel {
        anthropic_config: Some(models::AnthropicConfig {
            anthropic_api_key: Some("{{secrets/llm/anthropic}}".into()),
            ..Default::default()
        }),
        ..models::ExternalModel::new(
            "claude-sonnet-4-5",
            models::ExternalModelProvider::Anthropic,
            "llm/v1/chat",
        )
    };
    let entity = |name: &str, model| models::ServedEntityInput {
        name: Some(name.into()),
        external_model: Some(model),
        ..Default::default()
    };
    let body = models::ServingEndpointConfigInput {
        served_entities: Some(vec![entity("gpt-4o", openai), entity("claude", anthropic)]),
        traffic_config: Some(models::ServingTrafficConfig {
            routes: Some(vec![route("gpt-4o", 80), route("claude", 20)]),
            ..Default::default()
        }),
        ..Default::default()
    };
    // The plain-text key goes to the server but never into logs.
    let debug = format!("{body:?}");
    assert!(!debug.contains(OPENAI_KEY), "{debug}");
    assert!(
        debug.contains("{{secrets/llm/anthropic}}"),
        "a secret reference is not a secret"
    );
    let endpoint = ok(
        t.case.operation,
        t.client.serving_endpoints().update_config(ENDPOINT, &body).await,
    );
    t.verify(&endpoint).await;
    check_updating(&endpoint);
}

#[tokio::test]
async fn serving_endpoints_update_permissions() {
    let t = setup("servingEndpoints.updatePermissions").await;
    let permissions = ok(
        t.case.operation,
        t.client
            .serving_endpoints()
            .update_permissions(ENDPOINT_ID, &grant())
            .await,
    );
    t.verify(&permissions).await;
    check_permissions(&permissions);
}

fn llama(units: i64) -> models::ProvisionedThroughputServedModel {
    models::ProvisionedThroughputServedModel {
        name: Some("llama".into()),
        entity_version: Some("3".into()),
        ..models::ProvisionedThroughputServedModel::new("system.ai.llama-3_3-70b-instruct", units)
    }
}

#[tokio::test]
async fn serving_endpoints_create_provisioned_throughput_endpoint() {
    let t = setup("servingEndpoints.createProvisionedThroughputEndpoint").await;
    let config = models::ProvisionedThroughputConfig {
        served_entities: Some(vec![llama(50)]),
        ..Default::default()
    };
    let body = models::CreateProvisionedThroughputEndpoint {
        tags: Some(vec![tag("team", "churn")]),
        ..models::CreateProvisionedThroughputEndpoint::new(ENDPOINT, config)
    };
    let endpoint = ok(
        t.case.operation,
        t.client
            .serving_endpoints()
            .create_provisioned_throughput_endpoint(&body)
            .await,
    );
    t.verify(&endpoint).await;
    check_updating(&endpoint);
}

#[tokio::test]
async fn serving_endpoints_patch_telemetry_config() {
    let t = setup("servingEndpoints.patchTelemetryConfig").await;
    let body = models::PatchServingEndpointTelemetryConfig {
        telemetry_config: Some(models::ServingEndpointTelemetryConfig {
            telemetry_profile_id: Some("tp-4c1d2e3f".into()),
            inference_table_config: Some(models::ServingTelemetryInferenceTable {
                sampling_fraction: Some(0.25),
                ..Default::default()
            }),
            ..Default::default()
        }),
        ..Default::default()
    };
    let endpoint = ok(
        t.case.operation,
        t.client
            .serving_endpoints()
            .patch_telemetry_config(ENDPOINT, &body)
            .await,
    );
    t.verify(&endpoint).await;
    assert_eq!(endpoint.id.as_deref(), Some(ENDPOINT_ID));
}

#[tokio::test]
async fn serving_endpoints_update_notifications() {
    let t = setup("servingEndpoints.updateNotifications").await;
    let body = models::ServingEndpointNotifications {
        email_notifications: Some(models::ServingEndpointEmailNotifications {
            on_update_failure: Some(strings(&[JANE])),
            on_update_success: Some(strings(&["ml-ops@example.com"])),
            ..Default::default()
        }),
        ..Default::default()
    };
    let notifications = ok(
        t.case.operation,
        t.client.serving_endpoints().update_notifications(ENDPOINT, &body).await,
    );
    t.verify(&notifications).await;
    assert_eq!(notifications.name.as_deref(), Some(ENDPOINT));
    let emails = notifications.email_notifications.expect("email_notifications");
    assert_eq!(emails.on_update_success, Some(strings(&["ml-ops@example.com"])));
    assert_eq!(
        emails.unknown_fields["on_endpoint_ready"],
        serde_json::json!(["ml-ops@example.com"])
    );
}

#[tokio::test]
async fn serving_endpoints_update_provisioned_throughput_endpoint_config() {
    let t = setup("servingEndpoints.updateProvisionedThroughputEndpointConfig").await;
    let config = models::ProvisionedThroughputConfig {
        served_entities: Some(vec![models::ProvisionedThroughputServedModel {
            burst_scaling_enabled: Some(false),
            ..llama(100)
        }]),
        ..Default::default()
    };
    let body = models::ProvisionedThroughputConfigUpdate::new(config);
    let endpoint = ok(
        t.case.operation,
        t.client
            .serving_endpoints()
            .update_provisioned_throughput_endpoint_config(ENDPOINT, &body)
            .await,
    );
    t.verify(&endpoint).await;
    check_updating(&endpoint);
}
