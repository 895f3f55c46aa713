//! Storage credentials: every operation through the workspace client.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::storage_credentials::NAME;

/// Checks the credential of `CREDENTIAL`, the unknown isolation mode and field kept.
fn assert_credential(credential: &models::AccountStorageCredential) {
    assert_eq!(credential.name.as_deref(), Some(NAME));
    assert_eq!(credential.used_for_managed_storage, Some(false));
    let role = credential.aws_iam_role.as_ref().expect("aws_iam_role");
    assert_eq!(role.role_arn, "arn:aws:iam::123456789012:role/uc-landing-zone");
    assert!(role.unity_catalog_iam_arn.is_some());
    assert_eq!(
        serde_json::to_value(&credential.isolation_mode).unwrap(),
        serde_json::json!("ISOLATION_MODE_RESTRICTED"),
        "a mode this SDK does not know is kept"
    );
    assert_eq!(credential.unknown_fields["used_by_locations"], 3);
}

#[tokio::test]
async fn storage_credentials_create() {
    let t = setup("storageCredentials.create").await;
    let body = models::CreateStorageCredential {
        comment: Some("Landing zone buckets".into()),
        read_only: Some(false),
        skip_validation: Some(true),
        aws_iam_role: Some(models::StorageCredentialAwsIamRole::new(
            "arn:aws:iam::123456789012:role/uc-landing-zone",
        )),
        ..models::CreateStorageCredential::new(NAME)
    };
    let answer = ok(t.case.operation, t.client.storage_credentials().create(&body).await);
    t.verify(&answer).await;
    assert_credential(&answer);
}

#[tokio::test]
async fn storage_credentials_delete() {
    let t = setup("storageCredentials.delete").await;
    let params = models::StorageCredentialsDeleteParams { force: Some(true) };
    let answer = ok(
        t.case.operation,
        t.client.storage_credentials().delete(NAME, &params).await,
    );
    t.verify(&answer).await;
}

#[tokio::test]
async fn storage_credentials_get() {
    let t = setup("storageCredentials.get").await;
    let answer = ok(t.case.operation, t.client.storage_credentials().get(NAME).await);
    t.verify(&answer).await;
    assert_credential(&answer);
}

#[tokio::test]
async fn storage_credentials_list() {
    let t = setup("storageCredentials.list").await;
    let params = models::StorageCredentialsListParams {
        include_unbound: Some(true),
        max_results: Some(50),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.storage_credentials().list(&params).await);
    t.verify(&page).await;
    assert_eq!(page.next_page_token.as_deref(), Some("CAEaEWFjbWUtYWRscw=="));
    let credentials = page.storage_credentials.expect("storage_credentials");
    assert_eq!(
        credentials[1].isolation_mode,
        Some(models::StorageCredentialIsolationMode::IsolationModeIsolated)
    );
    let identity = credentials[1]
        .azure_managed_identity
        .as_ref()
        .expect("azure_managed_identity");
    assert_eq!(
        identity.credential_id.as_deref(),
        Some("7c6d5e4f-3a2b-4c1d-9e8f-7a6b5c4d3e2f")
    );
}

#[tokio::test]
async fn storage_credentials_update() {
    let t = setup("storageCredentials.update").await;
    let body = models::UpdateStorageCredential {
        new_name: Some("acme-landing-zone-prod".into()),
        owner: Some("data-platform".into()),
        isolation_mode: Some(models::StorageCredentialIsolationMode::IsolationModeIsolated),
        force: Some(true),
        azure_service_principal: Some(models::StorageCredentialAzureServicePrincipal::new(
            "72f988bf-86f1-41af-91ab-2d7cd011db47",
            "4f8e2c1a-9b3d-4e5f-a6b7-c8d9e0f1a2b3",
            "s3cr3t~value",
        )),
        ..Default::default()
    };
    // The client secret never shows in Debug output.
    assert!(!format!("{body:?}").contains("s3cr3t~value"));
    let answer = ok(
        t.case.operation,
        t.client.storage_credentials().update(NAME, &body).await,
    );
    t.verify(&answer).await;
    assert_credential(&answer);
}

#[tokio::test]
async fn storage_credentials_validate() {
    let t = setup("storageCredentials.validate").await;
    let body = models::ValidateStorageCredential {
        storage_credential_name: Some(NAME.into()),
        url: Some("s3://acme-landing-zone/raw".into()),
        read_only: Some(false),
        ..Default::default()
    };
    let answer = ok(t.case.operation, t.client.storage_credentials().validate(&body).await);
    t.verify(&answer).await;
    assert_eq!(answer.is_dir, Some(true));
    let results = answer.results.expect("results");
    assert_eq!(
        results[2].operation,
        Some(models::StorageCredentialValidationOperation::Write)
    );
    assert_eq!(
        results[2].result,
        Some(models::StorageCredentialValidationOutcome::Fail)
    );
    assert!(
        results[2]
            .message
            .as_deref()
            .is_some_and(|message| message.contains("Access Denied"))
    );
    assert_eq!(
        serde_json::to_value(&results[4].operation).unwrap(),
        serde_json::json!("HEAD_OBJECT"),
        "an operation this SDK does not know is kept"
    );
}
