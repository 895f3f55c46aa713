//! Account groups: SCIM records of the account's groups, members given by id.

use super::{future_field, ok, scim_value, setup};
use databricks_client::models;
use databricks_tests::cases::account_groups::ACCOUNT_GROUP_ID;
use databricks_tests::mock::ACCOUNT_ID;
use serde_json::json;

#[tokio::test]
async fn account_groups_create() {
    let t = setup("accountGroups.create").await;
    let body = models::AccountGroup {
        display_name: Some("data-engineers".into()),
        members: Some(vec![scim_value("4513127682994021"), scim_value("2290147733618062")]),
        ..Default::default()
    };
    let created = ok(t.case.operation, t.account.groups().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.id.as_deref(), Some(ACCOUNT_GROUP_ID));
    assert_eq!(created.account_id.as_deref(), Some(ACCOUNT_ID));
    let members = created.members.as_deref().expect("members");
    assert_eq!(members[1].ref_.as_deref(), Some("ServicePrincipals/2290147733618062"));
    let meta = created.meta.as_ref().expect("meta");
    assert_eq!(meta.resource_type.as_deref(), Some("Group"));
}

#[tokio::test]
async fn account_groups_delete() {
    let t = setup("accountGroups.delete").await;
    let ack = ok(t.case.operation, t.account.groups().delete(ACCOUNT_GROUP_ID).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn account_groups_get() {
    let t = setup("accountGroups.get").await;
    let group = ok(t.case.operation, t.account.groups().get(ACCOUNT_GROUP_ID).await);
    t.verify(&group).await;
    assert_eq!(group.display_name.as_deref(), Some("data-engineers"));
    let members = group.members.as_deref().expect("members");
    assert_eq!(members.len(), 3);
    assert_eq!(members[2].display.as_deref(), Some("data-engineers-emea"));
    assert_eq!(
        group.unknown_fields["schemas"],
        json!(["urn:ietf:params:scim:schemas:core:2.0:Group"])
    );
}

#[tokio::test]
async fn account_groups_list() {
    let t = setup("accountGroups.list").await;
    let params = models::AccountGroupsListParams {
        attributes: Some("id,displayName".into()),
        count: Some(50),
        filter: Some("displayName co \"data\"".into()),
        start_index: Some(1),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.account.groups().list(&params).await);
    t.verify(&page).await;
    assert_eq!(page.total_results, Some(2));
    let groups = page.resources.as_deref().expect("Resources");
    assert_eq!(groups[0].members, None);
    assert_eq!(
        groups[1].external_id.as_deref(),
        Some("a3f0c2d8-55e1-4b7a-9d26-0e8c41f7b913")
    );
    assert_eq!(groups[1].unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_groups_patch() {
    let t = setup("accountGroups.patch").await;
    let body = models::ScimPatchRequest {
        schemas: Some(vec![models::ScimPatchSchema::UrnIetfParamsScimApiMessages20PatchOp]),
        operations: Some(vec![
            models::ScimPatch {
                op: Some(models::ScimPatchOp::Add),
                path: Some("members".into()),
                value: Some(json!([{"value": "7702958113460837"}])),
                ..Default::default()
            },
            models::ScimPatch {
                op: Some(models::ScimPatchOp::Remove),
                path: Some("members[value eq \"6628410937716450\"]".into()),
                ..Default::default()
            },
        ]),
        ..Default::default()
    };
    let ack = ok(
        t.case.operation,
        t.account.groups().patch(ACCOUNT_GROUP_ID, &body).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn account_groups_update() {
    let t = setup("accountGroups.update").await;
    let body = models::UpdateAccountGroup {
        display_name: Some("data-engineering".into()),
        members: Some(vec![scim_value("4513127682994021")]),
        roles: Some(vec![scim_value("account_admin")]),
        ..Default::default()
    };
    let ack = ok(
        t.case.operation,
        t.account.groups().update(ACCOUNT_GROUP_ID, &body).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}
