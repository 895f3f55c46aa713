//! Unity Catalog volumes.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::volumes::VOLUME;

/// Checks the volume of `LANDING`: typed fields and the unknown field kept.
fn assert_landing(volume: &models::VolumeInfo) {
    assert_eq!(volume.full_name.as_deref(), Some(VOLUME));
    assert_eq!(volume.volume_type, Some(models::VolumeType::External));
    assert_eq!(volume.storage_location.as_deref(), Some("s3://acme-landing/orders"));
    let sse = volume
        .encryption_details
        .as_ref()
        .and_then(|details| details.sse_encryption_details.as_ref())
        .expect("sse_encryption_details");
    assert_eq!(sse.algorithm, Some(models::SseEncryptionDetailsAlgorithm::AwsSseS3));
    assert_eq!(volume.updated_at, Some(1_764_662_400_000));
    assert_eq!(volume.unknown_fields["volume_tags"][0]["value"], "30d");
}

#[tokio::test]
async fn volumes_create() {
    let t = setup("volumes.create").await;
    let body = models::CreateVolumeRequestContent {
        storage_location: Some("s3://acme-landing/orders".into()),
        comment: Some("Files dropped by partners".into()),
        ..models::CreateVolumeRequestContent::new("sales", "orders", "landing", models::VolumeType::External)
    };
    let created = ok(t.case.operation, t.client.volumes().create(&body).await);
    t.verify(&created).await;
    assert_landing(&created);
}

#[tokio::test]
async fn volumes_delete() {
    let t = setup("volumes.delete").await;
    let ack = ok(t.case.operation, t.client.volumes().delete(VOLUME).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn volumes_list() {
    let t = setup("volumes.list").await;
    let params = models::VolumesListParams {
        include_browse: Some(true),
        ..Default::default()
    };
    let page = ok(
        t.case.operation,
        t.client.volumes().list("sales", "orders", &params).await,
    );
    t.verify(&page).await;
    let volumes = page.volumes.as_deref().expect("volumes");
    let types: Vec<_> = volumes.iter().map(|volume| volume.volume_type.clone()).collect();
    assert_eq!(
        types,
        [
            Some(models::VolumeType::External),
            Some(models::VolumeType::Managed),
            Some(models::VolumeType::Unrecognized("SHARED".into())),
        ]
    );
    assert_eq!(volumes[1].browse_only, Some(true));
}

#[tokio::test]
async fn volumes_read() {
    let t = setup("volumes.read").await;
    let volume = ok(
        t.case.operation,
        t.client.volumes().read(VOLUME, &Default::default()).await,
    );
    t.verify(&volume).await;
    assert_landing(&volume);
}

#[tokio::test]
async fn volumes_update() {
    let t = setup("volumes.update").await;
    let body = models::UpdateVolumeRequestContent {
        owner: Some("sales-engineers".into()),
        ..Default::default()
    };
    let updated = ok(t.case.operation, t.client.volumes().update(VOLUME, &body).await);
    t.verify(&updated).await;
    assert_landing(&updated);
    assert_eq!(updated.owner.as_deref(), Some("sales-engineers"));
}
