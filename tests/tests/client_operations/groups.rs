//! Groups.

use super::{future_field, ok, scim_value, setup};
use databricks_client::models;
use databricks_tests::cases::groups::GROUP_ID;
use serde_json::json;

fn core_schema() -> Option<Vec<models::GroupSchema>> {
    Some(vec![models::GroupSchema::UrnIetfParamsScimSchemasCore20Group])
}

#[tokio::test]
async fn groups_create() {
    let t = setup("groups.create").await;
    let body = models::Group {
        display_name: Some("data-engineers".into()),
        members: Some(vec![scim_value("6340712365443129")]),
        entitlements: Some(vec![scim_value("allow-cluster-create")]),
        schemas: core_schema(),
        ..Default::default()
    };
    let created = ok(t.case.operation, t.client.groups().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.id.as_deref(), Some(GROUP_ID));
    let members = created.members.as_deref().expect("members");
    assert_eq!(members[0].display.as_deref(), Some("Jane Doe"));
    assert_eq!(members[0].ref_.as_deref(), Some("Users/6340712365443129"));
    let meta = created.meta.as_ref().expect("meta");
    assert_eq!(meta.resource_type.as_deref(), Some("WorkspaceGroup"));
}

#[tokio::test]
async fn groups_delete() {
    let t = setup("groups.delete").await;
    let ack = ok(t.case.operation, t.client.groups().delete(GROUP_ID).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn groups_get() {
    let t = setup("groups.get").await;
    let group = ok(t.case.operation, t.client.groups().get(GROUP_ID).await);
    t.verify(&group).await;
    assert_eq!(group.display_name.as_deref(), Some("data-engineers"));
    let members = group.members.as_deref().expect("members");
    assert_eq!(members.len(), 3);
    assert_eq!(members[1].ref_.as_deref(), Some("ServicePrincipals/4726353946316155"));
    assert_eq!(members[2].value.as_deref(), Some("3398127640015923"));
    let parents = group.groups.as_deref().expect("groups");
    assert_eq!(parents[0].display.as_deref(), Some("analytics"));
    assert_eq!(
        group.schemas,
        Some(vec![
            models::GroupSchema::UrnIetfParamsScimSchemasCore20Group,
            models::GroupSchema::Unrecognized("urn:ietf:params:scim:schemas:extension:workspace:2.0:Group".into()),
        ])
    );
}

#[tokio::test]
async fn groups_list() {
    let t = setup("groups.list").await;
    let params = models::GroupsListParams {
        count: Some(100),
        excluded_attributes: Some("members".into()),
        filter: Some("displayName co \"data\"".into()),
        start_index: Some(1),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.groups().list(&params).await);
    t.verify(&page).await;
    assert_eq!(page.total_results, Some(2));
    assert_eq!(page.items_per_page, Some(2));
    let groups = page.resources.as_deref().expect("Resources");
    assert_eq!(groups[0].display_name.as_deref(), Some("data-engineers"));
    assert_eq!(groups[0].members, None);
    assert_eq!(
        groups[1].external_id.as_deref(),
        Some("b4c1e7a2-58f3-4d09-9e6b-2f7a0c3d1e58")
    );
    let meta = groups[1].meta.as_ref().expect("meta");
    assert_eq!(meta.resource_type.as_deref(), Some("Group"));
    assert_eq!(groups[1].unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn groups_patch() {
    let t = setup("groups.patch").await;
    let body = models::ScimPatchRequest {
        schemas: Some(vec![models::ScimPatchSchema::UrnIetfParamsScimApiMessages20PatchOp]),
        operations: Some(vec![
            models::ScimPatch {
                op: Some(models::ScimPatchOp::Add),
                path: Some("members".into()),
                value: Some(json!([{"value": "8254136987201547"}])),
                ..Default::default()
            },
            models::ScimPatch {
                op: Some(models::ScimPatchOp::Remove),
                path: Some("members[value eq \"3398127640015923\"]".into()),
                ..Default::default()
            },
        ]),
        ..Default::default()
    };
    let ack = ok(t.case.operation, t.client.groups().patch(GROUP_ID, &body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn groups_update() {
    let t = setup("groups.update").await;
    let body = models::UpdateGroup {
        display_name: Some("data-engineering".into()),
        members: Some(vec![scim_value("6340712365443129"), scim_value("4726353946316155")]),
        entitlements: Some(vec![
            scim_value("allow-cluster-create"),
            scim_value("databricks-sql-access"),
        ]),
        schemas: core_schema(),
        ..Default::default()
    };
    let ack = ok(t.case.operation, t.client.groups().update(GROUP_ID, &body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}
