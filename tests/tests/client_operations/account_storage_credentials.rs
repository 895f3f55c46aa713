//! Account storage credentials: every operation through the account client.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_storage_credentials::{METASTORE_ID, NAME};

/// Checks the credential of `CREDENTIAL`, the unknown isolation mode and field kept.
fn assert_credential(answer: &models::AccountStorageCredentialResponse) {
    let credential = answer.credential_info.as_ref().expect("credential_info");
    assert_eq!(credential.name.as_deref(), Some(NAME));
    assert_eq!(credential.metastore_id.as_deref(), Some(METASTORE_ID));
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
async fn account_storage_credentials_create() {
    let t = setup("accountStorageCredentials.create").await;
    let body = models::CreateAccountStorageCredentialRequest {
        credential_info: Some(models::NewAccountStorageCredential {
            aws_iam_role: Some(models::StorageCredentialAwsIamRole::new(
                "arn:aws:iam::123456789012:role/uc-landing-zone",
            )),
            comment: Some("Landing zone buckets".into()),
            ..models::NewAccountStorageCredential::new(NAME)
        }),
        skip_validation: Some(true),
        ..Default::default()
    };
    let answer = ok(
        t.case.operation,
        t.account.storage_credentials().create(METASTORE_ID, &body).await,
    );
    t.verify(&answer).await;
    assert_credential(&answer);
}

#[tokio::test]
async fn account_storage_credentials_delete() {
    let t = setup("accountStorageCredentials.delete").await;
    let params = models::AccountStorageCredentialsDeleteParams { force: Some(true) };
    let answer = ok(
        t.case.operation,
        t.account
            .storage_credentials()
            .delete(METASTORE_ID, NAME, &params)
            .await,
    );
    t.verify(&answer).await;
}

#[tokio::test]
async fn account_storage_credentials_get() {
    let t = setup("accountStorageCredentials.get").await;
    let answer = ok(
        t.case.operation,
        t.account.storage_credentials().get(METASTORE_ID, NAME).await,
    );
    t.verify(&answer).await;
    assert_credential(&answer);
}

#[tokio::test]
async fn account_storage_credentials_list() {
    let t = setup("accountStorageCredentials.list").await;
    let answer = ok(
        t.case.operation,
        t.account.storage_credentials().list(METASTORE_ID).await,
    );
    t.verify(&answer).await;
    let credentials = answer.storage_credentials.as_deref().expect("storage_credentials");
    let gcp = credentials[0].databricks_gcp_service_account.as_ref().expect("gcp");
    assert_eq!(gcp.email.as_deref(), Some("uc-123@gcp-sa.iam.gserviceaccount.com"));
    assert_eq!(
        credentials[0].isolation_mode,
        Some(models::StorageCredentialIsolationMode::IsolationModeOpen)
    );
}

#[tokio::test]
async fn account_storage_credentials_update() {
    let t = setup("accountStorageCredentials.update").await;
    let body = models::UpdateAccountStorageCredentialRequest {
        credential_info: Some(models::ChangedAccountStorageCredential {
            owner: Some("account-admins".into()),
            read_only: Some(true),
            isolation_mode: Some(models::StorageCredentialIsolationMode::IsolationModeIsolated),
            ..Default::default()
        }),
        ..Default::default()
    };
    let answer = ok(
        t.case.operation,
        t.account.storage_credentials().update(METASTORE_ID, NAME, &body).await,
    );
    t.verify(&answer).await;
    assert_credential(&answer);
}

#[test]
fn a_service_principal_secret_never_shows_in_debug() {
    let principal = models::StorageCredentialAzureServicePrincipal::new("tenant", "app", "canary-client-secret");
    assert!(!format!("{principal:?}").contains("canary-client-secret"));
}
