//! Account log delivery configurations, including paging through them.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::ACCOUNT_ID;
use databricks_tests::cases::account_credentials::CREDENTIALS_ID;
use databricks_tests::cases::account_log_delivery::CONFIG_ID;
use databricks_tests::cases::account_storage::STORAGE_CONFIGURATION_ID;
use databricks_tests::mock::{self, received};
use serde_json::json;
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn account_log_delivery_create() {
    let t = setup("accountLogDelivery.create").await;
    let configuration = models::CreateLogDeliveryConfigurationParams {
        config_name: Some("audit-logs-to-s3".into()),
        delivery_path_prefix: Some("databricks/audit".into()),
        workspace_ids_filter: Some(vec![1_234_567_890_123_456]),
        ..models::CreateLogDeliveryConfigurationParams::new(
            models::LogType::AuditLogs,
            models::OutputFormat::Json,
            CREDENTIALS_ID,
            STORAGE_CONFIGURATION_ID,
        )
    };
    let body = models::WrappedCreateLogDeliveryConfiguration::new(configuration);
    let created = ok(t.case.operation, t.account.log_delivery().create(&body).await);
    t.verify(&created).await;
    let configuration = created
        .log_delivery_configuration
        .as_ref()
        .expect("log_delivery_configuration");
    assert_eq!(configuration.config_id.as_deref(), Some(CONFIG_ID));
    assert_eq!(configuration.status, Some(models::LogDeliveryConfigStatus::Enabled));
    let status = configuration.log_delivery_status.as_ref().expect("log_delivery_status");
    assert_eq!(status.status, models::DeliveryStatus::Created);
    assert_eq!(configuration.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_log_delivery_get() {
    let t = setup("accountLogDelivery.get").await;
    let answer = ok(t.case.operation, t.account.log_delivery().get(CONFIG_ID).await);
    t.verify(&answer).await;
    let configuration = answer
        .log_delivery_configuration
        .as_ref()
        .expect("log_delivery_configuration");
    assert_eq!(configuration.account_id, ACCOUNT_ID);
    let status = configuration.log_delivery_status.as_ref().expect("log_delivery_status");
    assert_eq!(status.status, models::DeliveryStatus::UserFailure);
    assert_eq!(
        status.last_successful_attempt_time.as_deref(),
        Some("2024-06-10T04:11:02Z")
    );
    assert_eq!(answer.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_log_delivery_list() {
    let t = setup("accountLogDelivery.list").await;
    let params = models::AccountLogDeliveryListParams {
        storage_configuration_id: Some(STORAGE_CONFIGURATION_ID.into()),
        status: Some(models::LogDeliveryConfigStatus::Enabled),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.account.log_delivery().list(&params).await);
    t.verify(&page).await;
    let configurations = page
        .log_delivery_configurations
        .as_deref()
        .expect("log_delivery_configurations");
    assert_eq!(configurations.len(), 2);
    let usage = &configurations[1];
    assert_eq!(usage.log_type, models::LogType::Unrecognized("SYSTEM_TABLES".into()));
    assert_eq!(
        usage.output_format,
        models::OutputFormat::Unrecognized("PARQUET".into())
    );
    assert_eq!(
        usage.log_delivery_status.as_ref().map(|status| status.status.clone()),
        Some(models::DeliveryStatus::Unrecognized("DELAYED".into()))
    );
    assert_eq!(usage.unknown_fields["future_field"], future_field());
    assert_eq!(page.next_page_token, None);
}

#[tokio::test]
async fn account_log_delivery_patch_status() {
    let t = setup("accountLogDelivery.patchStatus").await;
    let body = models::UpdateLogDeliveryConfigurationStatusRequest::new(models::LogDeliveryConfigStatus::Disabled);
    let ack = ok(
        t.case.operation,
        t.account.log_delivery().patch_status(CONFIG_ID, &body).await,
    );
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}

fn configuration(config_id: &str) -> serde_json::Value {
    json!({
        "config_id": config_id,
        "account_id": ACCOUNT_ID,
        "log_type": "BILLABLE_USAGE",
        "output_format": "CSV",
        "credentials_id": CREDENTIALS_ID,
        "storage_configuration_id": STORAGE_CONFIGURATION_ID,
    })
}

#[tokio::test]
async fn list_all_follows_the_page_token_until_the_last_page() {
    let server = MockServer::builder().start().await;
    let listing = "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/log-delivery";
    Mock::given(method("GET"))
        .and(path(listing))
        .and(query_param_is_missing("page_token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "log_delivery_configurations": [configuration("cfg-1"), configuration("cfg-2")],
            "next_page_token": "page-2",
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(listing))
        .and(query_param("page_token", "page-2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "log_delivery_configurations": [configuration("cfg-3")],
        })))
        .mount(&server)
        .await;
    let all = mock::account_client(&server)
        .log_delivery()
        .list_all(&models::AccountLogDeliveryListParams::default())
        .try_collect()
        .await
        .expect("every page");
    let ids: Vec<&str> = all.iter().filter_map(|config| config.config_id.as_deref()).collect();
    assert_eq!(ids, ["cfg-1", "cfg-2", "cfg-3"]);
    assert_eq!(received(&server).await.len(), 2);
}
