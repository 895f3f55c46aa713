//! Account metastores: every operation through the account client.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_metastores::METASTORE_ID;

/// Checks the metastore of `METASTORE`, the unknown sharing scope and field kept.
fn assert_metastore(answer: &models::AccountMetastoreResponse) {
    let metastore = answer.metastore_info.as_ref().expect("metastore_info");
    assert_eq!(metastore.metastore_id.as_deref(), Some(METASTORE_ID));
    assert_eq!(metastore.name.as_deref(), Some("main-us-east-1"));
    assert_eq!(
        serde_json::to_value(&metastore.delta_sharing_scope).unwrap(),
        serde_json::json!("PUBLIC"),
        "a scope this SDK does not know is kept"
    );
    assert_eq!(
        metastore.delta_sharing_recipient_token_lifetime_in_seconds,
        Some(86_400)
    );
    assert_eq!(metastore.external_access_enabled, Some(false));
    assert_eq!(metastore.unknown_fields["storage_root_credential_kind"], "IAM_ROLE");
}

#[tokio::test]
async fn account_metastores_create() {
    let t = setup("accountMetastores.create").await;
    let body = models::CreateAccountMetastoreRequest {
        metastore_info: Some(models::NewAccountMetastore {
            region: Some("us-east-1".into()),
            storage_root: Some("s3://acme-unity-catalog/us-east-1".into()),
            ..models::NewAccountMetastore::new("main-us-east-1")
        }),
        ..Default::default()
    };
    let answer = ok(t.case.operation, t.account.metastores().create(&body).await);
    t.verify(&answer).await;
    assert_metastore(&answer);
}

#[tokio::test]
async fn account_metastores_delete() {
    let t = setup("accountMetastores.delete").await;
    let params = models::AccountMetastoresDeleteParams { force: Some(true) };
    let answer = ok(
        t.case.operation,
        t.account.metastores().delete(METASTORE_ID, &params).await,
    );
    t.verify(&answer).await;
}

#[tokio::test]
async fn account_metastores_get() {
    let t = setup("accountMetastores.get").await;
    let answer = ok(t.case.operation, t.account.metastores().get(METASTORE_ID).await);
    t.verify(&answer).await;
    assert_metastore(&answer);
}

#[tokio::test]
async fn account_metastores_list() {
    let t = setup("accountMetastores.list").await;
    let answer = ok(t.case.operation, t.account.metastores().list().await);
    t.verify(&answer).await;
    let metastores = answer.metastores.as_deref().expect("metastores");
    assert_eq!(
        metastores[0].delta_sharing_scope,
        Some(models::DeltaSharingScope::Internal)
    );
}

#[tokio::test]
async fn account_metastores_update() {
    let t = setup("accountMetastores.update").await;
    let body = models::UpdateAccountMetastoreRequest {
        metastore_info: Some(models::ChangedAccountMetastore {
            owner: Some("account-admins".into()),
            delta_sharing_scope: Some(models::DeltaSharingScope::InternalAndExternal),
            delta_sharing_recipient_token_lifetime_in_seconds: Some(86_400),
            ..Default::default()
        }),
        ..Default::default()
    };
    let answer = ok(
        t.case.operation,
        t.account.metastores().update(METASTORE_ID, &body).await,
    );
    t.verify(&answer).await;
    assert_metastore(&answer);
}
