//! External locations: every operation through the workspace client.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::external_locations::NAME;

const KMS_KEY: &str = "arn:aws:kms:us-east-1:123456789012:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d";

/// Checks the location of `LOCATION`: the nested queue, and the unknown mode, algorithm and field kept.
fn assert_location(location: &models::ExternalLocationInfo) {
    assert_eq!(location.name.as_deref(), Some(NAME));
    assert_eq!(location.credential_name.as_deref(), Some("acme-landing-zone"));
    assert_eq!(location.effective_enable_file_events, Some(true));
    let queue = location
        .effective_file_event_queue
        .as_ref()
        .expect("effective_file_event_queue");
    let sqs = queue.managed_sqs.as_ref().expect("managed_sqs");
    assert_eq!(
        sqs.queue_url.as_deref(),
        Some("https://sqs.us-east-1.amazonaws.com/123456789012/csms-6f7e8d9c")
    );
    assert_eq!(
        serde_json::to_value(&location.isolation_mode).unwrap(),
        serde_json::json!("ISOLATION_MODE_RESTRICTED"),
        "a mode this SDK does not know is kept"
    );
    let encryption = location.encryption_details.as_ref().expect("encryption_details");
    let sse = encryption
        .sse_encryption_details
        .as_ref()
        .expect("sse_encryption_details");
    assert_eq!(sse.aws_kms_key_arn.as_deref(), Some(KMS_KEY));
    assert_eq!(
        serde_json::to_value(&sse.algorithm).unwrap(),
        serde_json::json!("AWS_SSE_KMS_DSSE")
    );
    assert_eq!(location.unknown_fields["file_event_state"], "HEALTHY");
}

#[tokio::test]
async fn external_locations_create() {
    let t = setup("externalLocations.create").await;
    let body = models::CreateExternalLocation {
        comment: Some("Raw files from partners".into()),
        skip_validation: Some(true),
        encryption_details: Some(models::EncryptionDetails {
            sse_encryption_details: Some(models::SseEncryptionDetails {
                algorithm: Some(models::SseEncryptionDetailsAlgorithm::AwsSseKms),
                aws_kms_key_arn: Some(KMS_KEY.into()),
                ..Default::default()
            }),
            ..Default::default()
        }),
        enable_file_events: Some(true),
        file_event_queue: Some(models::FileEventQueue {
            managed_sqs: Some(models::AwsSqsQueue::default()),
            ..Default::default()
        }),
        ..models::CreateExternalLocation::new(NAME, "s3://acme-landing-zone/raw", "acme-landing-zone")
    };
    let answer = ok(t.case.operation, t.client.external_locations().create(&body).await);
    t.verify(&answer).await;
    assert_location(&answer);
}

#[tokio::test]
async fn external_locations_delete() {
    let t = setup("externalLocations.delete").await;
    let params = models::ExternalLocationsDeleteParams { force: Some(true) };
    let answer = ok(
        t.case.operation,
        t.client.external_locations().delete(NAME, &params).await,
    );
    t.verify(&answer).await;
}

#[tokio::test]
async fn external_locations_get() {
    let t = setup("externalLocations.get").await;
    let params = models::ExternalLocationsGetParams {
        include_browse: Some(true),
    };
    let answer = ok(t.case.operation, t.client.external_locations().get(NAME, &params).await);
    t.verify(&answer).await;
    assert_location(&answer);
}

#[tokio::test]
async fn external_locations_list() {
    let t = setup("externalLocations.list").await;
    let params = models::ExternalLocationsListParams {
        include_browse: Some(true),
        max_results: Some(0),
        page_token: Some("CAEaEGxhbmRpbmctem9uZS1yYXc=".into()),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.external_locations().list(&params).await);
    t.verify(&page).await;
    assert_eq!(page.next_page_token, None, "the last page has no token");
    let locations = page.external_locations.expect("external_locations");
    assert_eq!(locations[0].browse_only, Some(true));
    assert_eq!(
        locations[0].isolation_mode,
        Some(models::IsolationMode::IsolationModeOpen)
    );
    let queue = locations[0].file_event_queue.as_ref().expect("file_event_queue");
    let aqs = queue.provided_aqs.as_ref().expect("provided_aqs");
    assert_eq!(aqs.resource_group.as_deref(), Some("uc"));
}

#[tokio::test]
async fn external_locations_update() {
    let t = setup("externalLocations.update").await;
    let body = models::UpdateExternalLocation {
        new_name: Some("landing-zone-raw-v2".into()),
        url: Some("s3://acme-landing-zone/raw-v2".into()),
        owner: Some("data-platform".into()),
        read_only: Some(true),
        isolation_mode: Some(models::IsolationMode::IsolationModeIsolated),
        force: Some(true),
        file_event_queue: Some(models::FileEventQueue {
            provided_sqs: Some(models::AwsSqsQueue {
                queue_url: Some("https://sqs.us-east-1.amazonaws.com/123456789012/raw-events".into()),
                ..Default::default()
            }),
            ..Default::default()
        }),
        ..Default::default()
    };
    let answer = ok(
        t.case.operation,
        t.client.external_locations().update(NAME, &body).await,
    );
    t.verify(&answer).await;
    assert_location(&answer);
}
