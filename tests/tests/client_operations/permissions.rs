//! Generic permissions, shown on a job.

use super::{acl_levels, future_field, ok, setup};
use databricks_client::models;

#[tokio::test]
async fn permissions_get_permission_levels() {
    let t = setup("permissions.getPermissionLevels").await;
    let levels = ok(
        t.case.operation,
        t.client
            .permissions()
            .get_permission_levels("jobs", databricks_tests::cases::permissions::JOB_ID)
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
            models::PermissionLevel::CanView,
            models::PermissionLevel::CanManageRun,
            models::PermissionLevel::IsOwner,
            models::PermissionLevel::CanManage
        ]
    );
}

#[tokio::test]
async fn permissions_get() {
    let t = setup("permissions.get").await;
    let permissions = ok(
        t.case.operation,
        t.client
            .permissions()
            .get("jobs", databricks_tests::cases::permissions::JOB_ID)
            .await,
    );
    t.verify(&permissions).await;
    assert_eq!(permissions.object_id.as_deref(), Some("/jobs/718347162309045"));
    assert_eq!(permissions.object_type.as_deref(), Some("job"));
    assert_eq!(
        acl_levels::<models::PermissionLevel>(&permissions),
        [
            models::PermissionLevel::CanManage,
            models::PermissionLevel::Unrecognized("CAN_TRIGGER".into()),
            models::PermissionLevel::CanView,
            models::PermissionLevel::CanView
        ]
    );
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    let admins = &acl[0].all_permissions.as_deref().expect("all_permissions")[0];
    assert_eq!(admins.inherited, Some(true));
    assert_eq!(
        admins.inherited_from_object.as_deref(),
        Some(&["/jobs/".to_owned()][..])
    );
    assert_eq!(acl[1].user_name.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(acl[1].unknown_fields["future_field"], future_field());
    assert_eq!(
        acl[3].service_principal_name.as_deref(),
        Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410")
    );
}

#[tokio::test]
async fn permissions_set() {
    let t = setup("permissions.set").await;
    let body = models::SetObjectPermissions {
        access_control_list: Some(vec![
            models::AccessControlRequest {
                group_name: Some("data-engineers".into()),
                permission_level: Some(models::PermissionLevel::CanView),
                ..Default::default()
            },
            models::AccessControlRequest {
                service_principal_name: Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410".into()),
                permission_level: Some(models::PermissionLevel::CanView),
                ..Default::default()
            },
        ]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client
            .permissions()
            .set("jobs", databricks_tests::cases::permissions::JOB_ID, &body)
            .await,
    );
    t.verify(&permissions).await;
    assert_eq!(acl_levels::<models::PermissionLevel>(&permissions).len(), 4);
}

#[tokio::test]
async fn permissions_update() {
    let t = setup("permissions.update").await;
    let body = models::UpdateObjectPermissions {
        access_control_list: Some(vec![models::AccessControlRequest {
            user_name: Some("john.smith@example.com".into()),
            permission_level: Some(models::PermissionLevel::CanManageRun),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client
            .permissions()
            .update("jobs", databricks_tests::cases::permissions::JOB_ID, &body)
            .await,
    );
    t.verify(&permissions).await;
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    assert_eq!(acl[1].display_name.as_deref(), Some("John Smith"));
    assert_eq!(
        acl_levels::<models::PermissionLevel>(&permissions),
        [
            models::PermissionLevel::CanManage,
            models::PermissionLevel::CanManageRun
        ]
    );
}
