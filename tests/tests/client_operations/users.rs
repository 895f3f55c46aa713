//! Users: SCIM records with camelCase wire names, and the password permissions.

use super::{acl_levels, future_field, ok, scim_value, setup};
use databricks_client::models;
use databricks_tests::cases::users::USER_ID;
use serde_json::json;

fn patch(op: models::ScimPatchOp, path: &str, value: Option<serde_json::Value>) -> models::ScimPatch {
    models::ScimPatch {
        op: Some(op),
        path: Some(path.into()),
        value,
        ..Default::default()
    }
}

fn grant(level: models::PasswordPermissionLevel) -> models::PasswordAccessControlRequest {
    models::PasswordAccessControlRequest {
        permission_level: Some(level),
        ..Default::default()
    }
}

#[tokio::test]
async fn users_create() {
    let t = setup("users.create").await;
    let body = models::User {
        user_name: Some("john.smith@example.com".into()),
        display_name: Some("John Smith".into()),
        entitlements: Some(vec![scim_value("workspace-access")]),
        schemas: Some(vec![models::UserSchema::UrnIetfParamsScimSchemasCore20User]),
        ..Default::default()
    };
    let created = ok(t.case.operation, t.client.users().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.id.as_deref(), Some("8254136987201547"));
    assert_eq!(created.active, Some(true));
    let emails = created.emails.as_deref().expect("emails");
    assert_eq!(emails[0].value.as_deref(), Some("john.smith@example.com"));
    assert_eq!(emails[0].type_.as_deref(), Some("work"));
    assert_eq!(emails[0].primary, Some(true));
}

#[tokio::test]
async fn users_delete() {
    let t = setup("users.delete").await;
    let ack = ok(t.case.operation, t.client.users().delete(USER_ID).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn users_get() {
    let t = setup("users.get").await;
    let params = models::UsersGetParams {
        excluded_attributes: Some("roles".into()),
        ..Default::default()
    };
    let jane = ok(t.case.operation, t.client.users().get(USER_ID, &params).await);
    t.verify(&jane).await;
    assert_eq!(jane.id.as_deref(), Some(USER_ID));
    assert_eq!(jane.user_name.as_deref(), Some("jane.doe@example.com"));
    let name = jane.name.as_ref().expect("name");
    assert_eq!(name.given_name.as_deref(), Some("Jane"));
    assert_eq!(name.family_name.as_deref(), Some("Doe"));
    let groups = jane.groups.as_deref().expect("groups");
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].display.as_deref(), Some("data-engineers"));
    assert_eq!(groups[0].value.as_deref(), Some("7820185474398402"));
    assert_eq!(groups[0].ref_.as_deref(), Some("Groups/7820185474398402"));
    assert_eq!(jane.entitlements.as_deref().map(<[_]>::len), Some(2));
    assert_eq!(
        jane.schemas,
        Some(vec![
            models::UserSchema::UrnIetfParamsScimSchemasCore20User,
            models::UserSchema::UrnIetfParamsScimSchemasExtensionWorkspace20User,
        ])
    );
}

#[tokio::test]
async fn users_get_permission_levels() {
    let t = setup("users.getPermissionLevels").await;
    let levels = ok(t.case.operation, t.client.users().get_permission_levels().await);
    t.verify(&levels).await;
    let levels = levels.permission_levels.expect("permission_levels");
    assert_eq!(levels.len(), 1);
    assert_eq!(
        levels[0].permission_level,
        Some(models::PasswordPermissionLevel::CanUse)
    );
}

#[tokio::test]
async fn users_get_permissions() {
    let t = setup("users.getPermissions").await;
    let permissions = ok(t.case.operation, t.client.users().get_permissions().await);
    t.verify(&permissions).await;
    assert_eq!(permissions.object_id.as_deref(), Some("/authorization/passwords"));
    assert_eq!(
        acl_levels::<models::PasswordPermissionLevel>(&permissions),
        [
            models::PasswordPermissionLevel::Unrecognized("CAN_MANAGE".into()),
            models::PasswordPermissionLevel::CanUse,
        ]
    );
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    assert_eq!(acl[1].group_name.as_deref(), Some("break-glass"));
    assert_eq!(acl[1].unknown_fields["future_field"], future_field());
}

/// The camelCase SCIM wire names (`totalResults`, `itemsPerPage`, `startIndex`, `Resources`, `userName`,
/// `displayName`) land in snake_case Rust fields, and go back out under their wire names.
#[tokio::test]
async fn users_list() {
    let t = setup("users.list").await;
    let params = models::UsersListParams {
        attributes: Some("id,userName,displayName,active".into()),
        count: Some(2),
        filter: Some("userName sw \"j\"".into()),
        sort_by: Some("userName".into()),
        sort_order: Some(models::ScimListSortOrder::Ascending),
        start_index: Some(1),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.users().list(&params).await);
    t.verify(&page).await;

    assert_eq!(page.total_results, Some(3));
    assert_eq!(page.items_per_page, Some(2));
    assert_eq!(page.start_index, Some(1));
    assert_eq!(
        page.schemas,
        Some(vec![
            models::ScimListResponseSchema::UrnIetfParamsScimApiMessages20ListResponse
        ])
    );
    let users = page.resources.as_deref().expect("Resources");
    assert_eq!(users.len(), 2);
    assert_eq!(users[0].id.as_deref(), Some(USER_ID));
    assert_eq!(users[0].user_name.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(users[0].display_name.as_deref(), Some("Jane Doe"));
    assert_eq!(users[1].user_name.as_deref(), Some("john.smith@example.com"));
    assert_eq!(users[1].active, Some(false));
    assert_eq!(
        users[1].schemas,
        Some(vec![models::UserSchema::Unrecognized(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User".into()
        )])
    );
    assert_eq!(users[1].unknown_fields["future_field"], future_field());
    assert!(page.unknown_fields.is_empty());

    let again = serde_json::to_value(&page).expect("serialises");
    assert_eq!(again["totalResults"], json!(3));
    assert_eq!(again["Resources"][0]["userName"], json!("jane.doe@example.com"));
    assert!(again.get("total_results").is_none());
}

#[tokio::test]
async fn users_patch() {
    let t = setup("users.patch").await;
    let body = models::ScimPatchRequest {
        schemas: Some(vec![models::ScimPatchSchema::UrnIetfParamsScimApiMessages20PatchOp]),
        operations: Some(vec![
            patch(
                models::ScimPatchOp::Add,
                "entitlements",
                Some(json!([{"value": "databricks-sql-access"}])),
            ),
            patch(
                models::ScimPatchOp::Remove,
                "entitlements[value eq \"allow-cluster-create\"]",
                None,
            ),
            patch(models::ScimPatchOp::Replace, "active", Some(json!(false))),
        ]),
        ..Default::default()
    };
    let ack = ok(t.case.operation, t.client.users().patch(USER_ID, &body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn users_set_permissions() {
    let t = setup("users.setPermissions").await;
    let body = models::PasswordPermissionsRequest {
        access_control_list: Some(vec![models::PasswordAccessControlRequest {
            group_name: Some("break-glass".into()),
            ..grant(models::PasswordPermissionLevel::CanUse)
        }]),
        ..Default::default()
    };
    let permissions = ok(t.case.operation, t.client.users().set_permissions(&body).await);
    t.verify(&permissions).await;
    assert_eq!(permissions.object_type.as_deref(), Some("passwords"));
    assert_eq!(acl_levels::<models::PasswordPermissionLevel>(&permissions).len(), 2);
}

#[tokio::test]
async fn users_update() {
    let t = setup("users.update").await;
    let body = models::UpdateUser {
        user_name: Some("jane.doe@example.com".into()),
        display_name: Some("Jane Doe-Martin".into()),
        active: Some(true),
        name: Some(models::ScimName {
            given_name: Some("Jane".into()),
            family_name: Some("Doe-Martin".into()),
            ..Default::default()
        }),
        entitlements: Some(vec![scim_value("allow-cluster-create")]),
        schemas: Some(vec![models::UserSchema::UrnIetfParamsScimSchemasCore20User]),
        ..Default::default()
    };
    let ack = ok(t.case.operation, t.client.users().update(USER_ID, &body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn users_update_permissions() {
    let t = setup("users.updatePermissions").await;
    let body = models::PasswordPermissionsRequest {
        access_control_list: Some(vec![models::PasswordAccessControlRequest {
            user_name: Some("jane.doe@example.com".into()),
            ..grant(models::PasswordPermissionLevel::CanUse)
        }]),
        ..Default::default()
    };
    let permissions = ok(t.case.operation, t.client.users().update_permissions(&body).await);
    t.verify(&permissions).await;
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    assert_eq!(acl[1].display_name.as_deref(), Some("Jane Doe"));
    assert_eq!(
        acl_levels::<models::PasswordPermissionLevel>(&permissions),
        [
            models::PasswordPermissionLevel::Unrecognized("CAN_MANAGE".into()),
            models::PasswordPermissionLevel::CanUse,
        ]
    );
}
