//! Account customer-managed key configurations.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_encryption_keys::CUSTOMER_MANAGED_KEY_ID;

const KEY_ARN: &str = "arn:aws:kms:us-west-2:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";

#[tokio::test]
async fn account_encryption_keys_create() {
    let t = setup("accountEncryptionKeys.create").await;
    let body = models::CreateCustomerManagedKeyRequest {
        aws_key_info: Some(models::CreateAwsKeyInfo {
            key_alias: Some("alias/databricks-workspace".into()),
            reuse_key_for_cluster_volumes: Some(true),
            ..models::CreateAwsKeyInfo::new(KEY_ARN)
        }),
        ..models::CreateCustomerManagedKeyRequest::new(vec![
            models::KeyUseCase::ManagedServices,
            models::KeyUseCase::Storage,
        ])
    };
    let created = ok(t.case.operation, t.account.encryption_keys().create(&body).await);
    t.verify(&created).await;
    assert_eq!(
        created.customer_managed_key_id.as_deref(),
        Some(CUSTOMER_MANAGED_KEY_ID)
    );
    let aws = created.aws_key_info.as_ref().expect("aws_key_info");
    assert_eq!(aws.key_region, "us-west-2");
    assert_eq!(created.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_encryption_keys_delete() {
    let t = setup("accountEncryptionKeys.delete").await;
    let deleted = ok(
        t.case.operation,
        t.account.encryption_keys().delete(CUSTOMER_MANAGED_KEY_ID).await,
    );
    t.verify(&deleted).await;
    assert_eq!(deleted.creation_time, Some(1_718_032_500_000));
}

#[tokio::test]
async fn account_encryption_keys_get() {
    let t = setup("accountEncryptionKeys.get").await;
    let key = ok(
        t.case.operation,
        t.account.encryption_keys().get(CUSTOMER_MANAGED_KEY_ID).await,
    );
    t.verify(&key).await;
    assert_eq!(
        key.use_cases.as_deref(),
        Some(&[models::KeyUseCase::ManagedServices, models::KeyUseCase::Storage][..])
    );
    assert_eq!(key.aws_key_info.as_ref().map(|aws| aws.key_arn.as_str()), Some(KEY_ARN));
}

#[tokio::test]
async fn account_encryption_keys_list() {
    let t = setup("accountEncryptionKeys.list").await;
    let keys = ok(t.case.operation, t.account.encryption_keys().list().await);
    t.verify(&keys).await;
    assert_eq!(keys.len(), 3);
    let gcp = &keys[1];
    assert_eq!(
        gcp.use_cases.as_deref(),
        Some(
            &[
                models::KeyUseCase::Storage,
                models::KeyUseCase::Unrecognized("LAKEBASE".into())
            ][..]
        )
    );
    let gcp_key = gcp.gcp_key_info.as_ref().expect("gcp_key_info");
    assert_eq!(gcp_key.manual, Some(false));
    assert_eq!(gcp.unknown_fields["future_field"], future_field());
    let azure = keys[2].azure_key_info.as_ref().expect("azure_key_info");
    assert_eq!(azure.key_name.as_deref(), Some("databricks-cmk"));
    let access = azure
        .key_access_configuration
        .as_ref()
        .and_then(|access| access.credential_id.as_deref());
    assert_eq!(access, Some("f3e2d1c0-b9a8-4766-8554-433221100fed"));
}
