//! Account credential configurations.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::ACCOUNT_ID;
use databricks_tests::cases::account_credentials::CREDENTIALS_ID;

const ROLE_ARN: &str = "arn:aws:iam::123456789012:role/databricks-cross-account";

#[tokio::test]
async fn account_credentials_create() {
    let t = setup("accountCredentials.create").await;
    let aws = models::CreateCredentialAwsCredentials {
        sts_role: Some(models::CreateCredentialStsRole {
            role_arn: Some(ROLE_ARN.into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let body = models::CreateCredentialRequest::new("sales-analytics-role", aws);
    let created = ok(t.case.operation, t.account.credentials().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.credentials_id.as_deref(), Some(CREDENTIALS_ID));
    assert_eq!(created.creation_time, Some(1_718_031_600_000));
    assert_eq!(created.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_credentials_delete() {
    let t = setup("accountCredentials.delete").await;
    let deleted = ok(t.case.operation, t.account.credentials().delete(CREDENTIALS_ID).await);
    t.verify(&deleted).await;
    assert_eq!(deleted.credentials_name.as_deref(), Some("sales-analytics-role"));
}

#[tokio::test]
async fn account_credentials_get() {
    let t = setup("accountCredentials.get").await;
    let credential = ok(t.case.operation, t.account.credentials().get(CREDENTIALS_ID).await);
    t.verify(&credential).await;
    let role = credential
        .aws_credentials
        .as_ref()
        .and_then(|aws| aws.sts_role.as_ref())
        .and_then(|role| role.role_arn.as_deref());
    assert_eq!(role, Some(ROLE_ARN));
    assert_eq!(credential.account_id.as_deref(), Some(ACCOUNT_ID));
}

#[tokio::test]
async fn account_credentials_list() {
    let t = setup("accountCredentials.list").await;
    let credentials = ok(t.case.operation, t.account.credentials().list().await);
    t.verify(&credentials).await;
    assert_eq!(credentials.len(), 2);
    assert_eq!(credentials[1].credentials_name.as_deref(), Some("research-role"));
    let role = credentials[1]
        .aws_credentials
        .as_ref()
        .and_then(|aws| aws.sts_role.as_ref());
    assert_eq!(
        role.map(|role| role.unknown_fields["external_id"].clone()),
        Some(ACCOUNT_ID.into()),
        "a field the spec does not list is kept"
    );
    assert_eq!(credentials[1].unknown_fields["future_field"], future_field());
}
