//! MLflow experiments (for now only their permissions).

use super::{acl_levels, future_field, ok, setup};
use databricks_client::models;

#[tokio::test]
async fn experiments_get_permission_levels() {
    let t = setup("experiments.getPermissionLevels").await;
    let levels = ok(
        t.case.operation,
        t.client
            .experiments()
            .get_permission_levels(databricks_tests::cases::experiments::EXPERIMENT_ID)
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
            models::ExperimentPermissionLevel::CanRead,
            models::ExperimentPermissionLevel::CanEdit,
            models::ExperimentPermissionLevel::CanManage
        ]
    );
}

#[tokio::test]
async fn experiments_get_permissions() {
    let t = setup("experiments.getPermissions").await;
    let permissions = ok(
        t.case.operation,
        t.client
            .experiments()
            .get_permissions(databricks_tests::cases::experiments::EXPERIMENT_ID)
            .await,
    );
    t.verify(&permissions).await;
    assert_eq!(permissions.object_id.as_deref(), Some("/experiments/3947185432905812"));
    assert_eq!(permissions.object_type.as_deref(), Some("mlflowExperiment"));
    assert_eq!(
        acl_levels::<models::ExperimentPermissionLevel>(&permissions),
        [
            models::ExperimentPermissionLevel::CanManage,
            models::ExperimentPermissionLevel::Unrecognized("CAN_RUN".into()),
            models::ExperimentPermissionLevel::CanRead,
            models::ExperimentPermissionLevel::CanRead
        ]
    );
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    let admins = &acl[0].all_permissions.as_deref().expect("all_permissions")[0];
    assert_eq!(admins.inherited, Some(true));
    assert_eq!(
        admins.inherited_from_object.as_deref(),
        Some(&["/directories/4108364197239567".to_owned()][..])
    );
    assert_eq!(acl[1].user_name.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(acl[1].unknown_fields["future_field"], future_field());
    assert_eq!(
        acl[3].service_principal_name.as_deref(),
        Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410")
    );
}

#[tokio::test]
async fn experiments_set_permissions() {
    let t = setup("experiments.setPermissions").await;
    let body = models::ExperimentPermissionsRequest {
        access_control_list: Some(vec![
            models::ExperimentAccessControlRequest {
                group_name: Some("data-engineers".into()),
                permission_level: Some(models::ExperimentPermissionLevel::CanRead),
                ..Default::default()
            },
            models::ExperimentAccessControlRequest {
                service_principal_name: Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410".into()),
                permission_level: Some(models::ExperimentPermissionLevel::CanRead),
                ..Default::default()
            },
        ]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client
            .experiments()
            .set_permissions(databricks_tests::cases::experiments::EXPERIMENT_ID, &body)
            .await,
    );
    t.verify(&permissions).await;
    assert_eq!(acl_levels::<models::ExperimentPermissionLevel>(&permissions).len(), 4);
}

#[tokio::test]
async fn experiments_update_permissions() {
    let t = setup("experiments.updatePermissions").await;
    let body = models::ExperimentPermissionsRequest {
        access_control_list: Some(vec![models::ExperimentAccessControlRequest {
            user_name: Some("john.smith@example.com".into()),
            permission_level: Some(models::ExperimentPermissionLevel::CanEdit),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client
            .experiments()
            .update_permissions(databricks_tests::cases::experiments::EXPERIMENT_ID, &body)
            .await,
    );
    t.verify(&permissions).await;
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    assert_eq!(acl[1].display_name.as_deref(), Some("John Smith"));
    assert_eq!(
        acl_levels::<models::ExperimentPermissionLevel>(&permissions),
        [
            models::ExperimentPermissionLevel::CanManage,
            models::ExperimentPermissionLevel::CanEdit
        ]
    );
}
