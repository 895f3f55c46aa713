//! Legacy groups (Groups API 2.0).

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::legacy_groups::GROUP_NAME;

#[tokio::test]
async fn legacy_groups_add_member() {
    let t = setup("legacyGroups.addMember").await;
    let body = models::AddLegacyGroupMember {
        user_name: Some("jane.doe@example.com".into()),
        ..models::AddLegacyGroupMember::new(GROUP_NAME)
    };
    let ack = ok(t.case.operation, t.client.legacy_groups().add_member(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn legacy_groups_create() {
    let t = setup("legacyGroups.create").await;
    let body = models::CreateLegacyGroup::new(GROUP_NAME);
    let created = ok(t.case.operation, t.client.legacy_groups().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.group_name.as_deref(), Some(GROUP_NAME));
}

#[tokio::test]
async fn legacy_groups_delete() {
    let t = setup("legacyGroups.delete").await;
    let body = models::DeleteLegacyGroup::new(GROUP_NAME);
    let ack = ok(t.case.operation, t.client.legacy_groups().delete(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn legacy_groups_list() {
    let t = setup("legacyGroups.list").await;
    let listing = ok(t.case.operation, t.client.legacy_groups().list().await);
    t.verify(&listing).await;
    let names = listing.group_names.expect("group_names");
    assert_eq!(names, ["admins", "users", "data-engineers", "ml-engineers"]);
}

#[tokio::test]
async fn legacy_groups_list_members() {
    let t = setup("legacyGroups.listMembers").await;
    let listing = ok(
        t.case.operation,
        t.client.legacy_groups().list_members(GROUP_NAME).await,
    );
    t.verify(&listing).await;
    let members = listing.members.as_deref().expect("members");
    assert_eq!(members.len(), 4);
    assert_eq!(members[0].user_name.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(members[2].group_name.as_deref(), Some("ml-engineers"));
    assert_eq!(members[2].user_name, None);
    assert_eq!(members[3].user_name, None);
    assert_eq!(members[3].group_name, None);
    assert_eq!(
        members[3].unknown_fields["service_principal_name"],
        serde_json::json!("6f5ccf28-d83a-4957-9bfb-5bbfac551410")
    );
}

#[tokio::test]
async fn legacy_groups_list_parents() {
    let t = setup("legacyGroups.listParents").await;
    let params = models::LegacyGroupsListParentsParams {
        user_name: Some("jane.doe@example.com".into()),
        ..Default::default()
    };
    let parents = ok(t.case.operation, t.client.legacy_groups().list_parents(&params).await);
    t.verify(&parents).await;
    assert_eq!(
        parents.group_names.as_deref(),
        Some(&["users".to_owned(), GROUP_NAME.to_owned()][..])
    );
    assert_eq!(parents.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn legacy_groups_remove_member() {
    let t = setup("legacyGroups.removeMember").await;
    let body = models::RemoveLegacyGroupMember {
        group_name: Some("ml-engineers".into()),
        ..models::RemoveLegacyGroupMember::new(GROUP_NAME)
    };
    let ack = ok(t.case.operation, t.client.legacy_groups().remove_member(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}
