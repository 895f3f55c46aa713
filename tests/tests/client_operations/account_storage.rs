//! Account storage configurations.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_storage::STORAGE_CONFIGURATION_ID;

#[tokio::test]
async fn account_storage_create() {
    let t = setup("accountStorage.create").await;
    let bucket = models::RootBucketInfo {
        bucket_name: Some("acme-databricks-root".into()),
        ..Default::default()
    };
    let body = models::CreateStorageConfigurationRequest {
        role_arn: Some("arn:aws:iam::123456789012:role/databricks-workspace-catalog".into()),
        ..models::CreateStorageConfigurationRequest::new("sales-analytics-root", bucket)
    };
    let created = ok(t.case.operation, t.account.storage().create(&body).await);
    t.verify(&created).await;
    assert_eq!(
        created.storage_configuration_id.as_deref(),
        Some(STORAGE_CONFIGURATION_ID)
    );
    assert_eq!(created.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_storage_delete() {
    let t = setup("accountStorage.delete").await;
    let deleted = ok(
        t.case.operation,
        t.account.storage().delete(STORAGE_CONFIGURATION_ID).await,
    );
    t.verify(&deleted).await;
    assert_eq!(
        deleted.storage_configuration_name.as_deref(),
        Some("sales-analytics-root")
    );
}

#[tokio::test]
async fn account_storage_get() {
    let t = setup("accountStorage.get").await;
    let storage = ok(
        t.case.operation,
        t.account.storage().get(STORAGE_CONFIGURATION_ID).await,
    );
    t.verify(&storage).await;
    let bucket = storage
        .root_bucket_info
        .as_ref()
        .and_then(|bucket| bucket.bucket_name.as_deref());
    assert_eq!(bucket, Some("acme-databricks-root"));
    assert_eq!(storage.creation_time, Some(1_718_031_900_000));
}

#[tokio::test]
async fn account_storage_list() {
    let t = setup("accountStorage.list").await;
    let storage = ok(t.case.operation, t.account.storage().list().await);
    t.verify(&storage).await;
    assert_eq!(storage.len(), 2);
    let bucket = storage[1].root_bucket_info.as_ref().expect("root_bucket_info");
    assert_eq!(bucket.bucket_name.as_deref(), Some("acme-research-root"));
    assert_eq!(bucket.unknown_fields["bucket_region"], "eu-west-1");
    assert_eq!(storage[1].unknown_fields["future_field"], future_field());
}
