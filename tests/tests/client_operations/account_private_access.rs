//! Account private access settings.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_private_access::PRIVATE_ACCESS_SETTINGS_ID;
use databricks_tests::cases::account_vpc_endpoints::VPC_ENDPOINT_ID;

#[tokio::test]
async fn account_private_access_create() {
    let t = setup("accountPrivateAccess.create").await;
    let body = models::CreatePrivateAccessSettingsRequest {
        private_access_settings_name: Some("sales-analytics-private".into()),
        region: Some("us-west-2".into()),
        public_access_enabled: Some(false),
        private_access_level: Some(models::PrivateAccessLevel::Endpoint),
        allowed_vpc_endpoint_ids: Some(vec![VPC_ENDPOINT_ID.into()]),
        ..Default::default()
    };
    let created = ok(t.case.operation, t.account.private_access().create(&body).await);
    t.verify(&created).await;
    assert_eq!(
        created.private_access_settings_id.as_deref(),
        Some(PRIVATE_ACCESS_SETTINGS_ID)
    );
    assert_eq!(created.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_private_access_delete() {
    let t = setup("accountPrivateAccess.delete").await;
    let deleted = ok(
        t.case.operation,
        t.account.private_access().delete(PRIVATE_ACCESS_SETTINGS_ID).await,
    );
    t.verify(&deleted).await;
    assert_eq!(deleted.public_access_enabled, Some(false));
}

#[tokio::test]
async fn account_private_access_get() {
    let t = setup("accountPrivateAccess.get").await;
    let settings = ok(
        t.case.operation,
        t.account.private_access().get(PRIVATE_ACCESS_SETTINGS_ID).await,
    );
    t.verify(&settings).await;
    assert_eq!(
        settings.private_access_level,
        Some(models::PrivateAccessLevel::Endpoint)
    );
    assert_eq!(
        settings.allowed_vpc_endpoint_ids.as_deref(),
        Some(&[VPC_ENDPOINT_ID.to_owned()][..])
    );
}

#[tokio::test]
async fn account_private_access_list() {
    let t = setup("accountPrivateAccess.list").await;
    let settings = ok(t.case.operation, t.account.private_access().list().await);
    t.verify(&settings).await;
    assert_eq!(settings.len(), 2);
    assert_eq!(settings[1].region.as_deref(), Some("eu-west-1"));
    assert_eq!(
        settings[1].private_access_level,
        Some(models::PrivateAccessLevel::Unrecognized("REGION".into()))
    );
    assert_eq!(settings[1].unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_private_access_replace() {
    let t = setup("accountPrivateAccess.replace").await;
    let body = models::PrivateAccessSettings {
        private_access_settings_name: Some("sales-analytics-private".into()),
        region: Some("us-west-2".into()),
        public_access_enabled: Some(true),
        private_access_level: Some(models::PrivateAccessLevel::Account),
        ..Default::default()
    };
    let replaced = ok(
        t.case.operation,
        t.account
            .private_access()
            .replace(PRIVATE_ACCESS_SETTINGS_ID, &body)
            .await,
    );
    t.verify(&replaced).await;
    assert_eq!(replaced.public_access_enabled, Some(true));
    assert_eq!(replaced.unknown_fields["future_field"], future_field());
}
