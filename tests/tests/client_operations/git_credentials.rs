//! Git credentials.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::git_credentials::{CREDENTIAL_ID, TOKEN};

const PRINCIPAL_ID: i64 = 7_064_512_379_845_102;

fn for_principal() -> Option<i64> {
    Some(PRINCIPAL_ID)
}

#[tokio::test]
async fn git_credentials_create() {
    let t = setup("gitCredentials.create").await;
    let body = models::GitCredentialRequest {
        git_username: Some("jdoe-dev".into()),
        git_email: Some("jane.doe@example.com".into()),
        personal_access_token: Some(TOKEN.into()),
        name: Some("github-work".into()),
        is_default_for_provider: Some(true),
        ..models::GitCredentialRequest::new("gitHub")
    };
    // The token is a secret: debug output (logs, panics) never shows it.
    assert!(!format!("{body:?}").contains(TOKEN));
    let created = ok(t.case.operation, t.client.git_credentials().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.credential_id, CREDENTIAL_ID);
    assert_eq!(created.is_default_for_provider, Some(true));
    assert_eq!(created.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn git_credentials_delete() {
    let t = setup("gitCredentials.delete").await;
    let params = models::GitCredentialsDeleteParams {
        principal_id: for_principal(),
    };
    let ack = ok(
        t.case.operation,
        t.client.git_credentials().delete(CREDENTIAL_ID, &params).await,
    );
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}

#[tokio::test]
async fn git_credentials_get() {
    let t = setup("gitCredentials.get").await;
    let credential = ok(
        t.case.operation,
        t.client.git_credentials().get(CREDENTIAL_ID, &Default::default()).await,
    );
    t.verify(&credential).await;
    assert_eq!(credential.credential_id, CREDENTIAL_ID);
    assert_eq!(credential.git_provider.as_deref(), Some("gitHub"));
    assert_eq!(credential.git_username.as_deref(), Some("jdoe-dev"));
    assert_eq!(credential.git_email.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(credential.name.as_deref(), Some("github-work"));
    assert_eq!(credential.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn git_credentials_list() {
    let t = setup("gitCredentials.list").await;
    let params = models::GitCredentialsListParams {
        principal_id: for_principal(),
    };
    let listing = ok(t.case.operation, t.client.git_credentials().list(&params).await);
    t.verify(&listing).await;
    let credentials = listing.credentials.as_deref().expect("credentials");
    assert_eq!(credentials.len(), 2);
    assert_eq!(credentials[1].credential_id, 31_857_204_619_288);
    assert_eq!(credentials[1].git_provider.as_deref(), Some("awsCodeCommit"));
    assert_eq!(credentials[1].git_email, None);
    assert_eq!(credentials[1].is_default_for_provider, Some(false));
    assert_eq!(credentials[1].unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn git_credentials_update() {
    let t = setup("gitCredentials.update").await;
    let body = models::GitCredentialRequest {
        personal_access_token: Some(TOKEN.into()),
        is_default_for_provider: Some(false),
        principal_id: for_principal(),
        ..models::GitCredentialRequest::new("gitHub")
    };
    let ack = ok(
        t.case.operation,
        t.client.git_credentials().update(CREDENTIAL_ID, &body).await,
    );
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}
