//! Workspace model registry (for now only the permissions of registered models).

use super::{acl_levels, future_field, ok, setup};
use databricks_client::models;

#[tokio::test]
async fn model_registry_get_permission_levels() {
    let t = setup("modelRegistry.getPermissionLevels").await;
    let levels = ok(
        t.case.operation,
        t.client
            .model_registry()
            .get_permission_levels(databricks_tests::cases::model_registry::REGISTERED_MODEL_ID)
            .await,
    );
    t.verify(&levels).await;
    let levels: Vec<_> = levels
        .permission_levels
        .expect("permission_levels")
        .into_iter()
        .map(|level| level.permission_level.expect("permission_level"))
        .collect();
    assert_eq!(
        levels,
        [
            models::RegisteredModelPermissionLevel::CanRead,
            models::RegisteredModelPermissionLevel::CanEdit,
            models::RegisteredModelPermissionLevel::CanManageStagingVersions,
            models::RegisteredModelPermissionLevel::CanManageProductionVersions,
            models::RegisteredModelPermissionLevel::CanManage
        ]
    );
}

#[tokio::test]
async fn model_registry_get_permissions() {
    let t = setup("modelRegistry.getPermissions").await;
    let permissions = ok(
        t.case.operation,
        t.client
            .model_registry()
            .get_permissions(databricks_tests::cases::model_registry::REGISTERED_MODEL_ID)
            .await,
    );
    t.verify(&permissions).await;
    assert_eq!(
        permissions.object_id.as_deref(),
        Some("/registered-models/8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b")
    );
    assert_eq!(permissions.object_type.as_deref(), Some("registered-model"));
    assert_eq!(
        acl_levels::<models::RegisteredModelPermissionLevel>(&permissions),
        [
            models::RegisteredModelPermissionLevel::CanManage,
            models::RegisteredModelPermissionLevel::Unrecognized("CAN_MANAGE_ALIASES".into()),
            models::RegisteredModelPermissionLevel::CanRead,
            models::RegisteredModelPermissionLevel::CanRead
        ]
    );
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    let admins = &acl[0].all_permissions.as_deref().expect("all_permissions")[0];
    assert_eq!(admins.inherited, Some(true));
    assert_eq!(
        admins.inherited_from_object.as_deref(),
        Some(&["/registered-models/".to_owned()][..])
    );
    assert_eq!(acl[1].user_name.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(acl[1].unknown_fields["future_field"], future_field());
    assert_eq!(
        acl[3].service_principal_name.as_deref(),
        Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410")
    );
}

#[tokio::test]
async fn model_registry_set_permissions() {
    let t = setup("modelRegistry.setPermissions").await;
    let body = models::RegisteredModelPermissionsRequest {
        access_control_list: Some(vec![
            models::RegisteredModelAccessControlRequest {
                group_name: Some("data-engineers".into()),
                permission_level: Some(models::RegisteredModelPermissionLevel::CanRead),
                ..Default::default()
            },
            models::RegisteredModelAccessControlRequest {
                service_principal_name: Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410".into()),
                permission_level: Some(models::RegisteredModelPermissionLevel::CanRead),
                ..Default::default()
            },
        ]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client
            .model_registry()
            .set_permissions(databricks_tests::cases::model_registry::REGISTERED_MODEL_ID, &body)
            .await,
    );
    t.verify(&permissions).await;
    assert_eq!(
        acl_levels::<models::RegisteredModelPermissionLevel>(&permissions).len(),
        4
    );
}

#[tokio::test]
async fn model_registry_update_permissions() {
    let t = setup("modelRegistry.updatePermissions").await;
    let body = models::RegisteredModelPermissionsRequest {
        access_control_list: Some(vec![models::RegisteredModelAccessControlRequest {
            user_name: Some("john.smith@example.com".into()),
            permission_level: Some(models::RegisteredModelPermissionLevel::CanManageStagingVersions),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client
            .model_registry()
            .update_permissions(databricks_tests::cases::model_registry::REGISTERED_MODEL_ID, &body)
            .await,
    );
    t.verify(&permissions).await;
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    assert_eq!(acl[1].display_name.as_deref(), Some("John Smith"));
    assert_eq!(
        acl_levels::<models::RegisteredModelPermissionLevel>(&permissions),
        [
            models::RegisteredModelPermissionLevel::CanManage,
            models::RegisteredModelPermissionLevel::CanManageStagingVersions
        ]
    );
}
