//! Instance profiles.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::instance_profiles::{IAM_ROLE_ARN, INSTANCE_PROFILE_ARN};

#[tokio::test]
async fn instance_profiles_add() {
    let t = setup("instanceProfiles.add").await;
    let body = models::AddInstanceProfile {
        iam_role_arn: Some(IAM_ROLE_ARN.into()),
        skip_validation: Some(true),
        ..models::AddInstanceProfile::new(INSTANCE_PROFILE_ARN)
    };
    let ack = ok(t.case.operation, t.client.instance_profiles().add(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn instance_profiles_edit() {
    let t = setup("instanceProfiles.edit").await;
    let body = models::InstanceProfile {
        iam_role_arn: Some(IAM_ROLE_ARN.into()),
        // An explicit false is sent, not left out.
        is_meta_instance_profile: Some(false),
        ..models::InstanceProfile::new(INSTANCE_PROFILE_ARN)
    };
    let ack = ok(t.case.operation, t.client.instance_profiles().edit(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn instance_profiles_list() {
    let t = setup("instanceProfiles.list").await;
    let listing = ok(t.case.operation, t.client.instance_profiles().list().await);
    t.verify(&listing).await;

    let profiles = listing.instance_profiles.as_deref().expect("instance profiles");
    assert_eq!(profiles.len(), 2);
    assert_eq!(profiles[0].instance_profile_arn, INSTANCE_PROFILE_ARN);
    assert_eq!(profiles[0].iam_role_arn.as_deref(), Some(IAM_ROLE_ARN));
    assert_eq!(profiles[1].is_meta_instance_profile, Some(true));
    assert_eq!(profiles[1].iam_role_arn, None);
    assert_eq!(profiles[1].unknown_fields["future_field"], future_field());
    assert_eq!(listing.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn instance_profiles_remove() {
    let t = setup("instanceProfiles.remove").await;
    let body = models::RemoveInstanceProfile::new("arn:aws:iam::123456789012:instance-profile/passthrough-meta");
    let ack = ok(t.case.operation, t.client.instance_profiles().remove(&body).await);
    t.verify(&ack).await;
    assert_eq!(ack, models::EmptyResponse::default());
}
