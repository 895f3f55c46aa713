//! Workspace objects.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::workspace::NOTEBOOK_SOURCE;

#[tokio::test]
async fn workspace_delete() {
    let t = setup("workspace.delete").await;
    let body = models::WorkspaceDelete {
        recursive: Some(true),
        ..models::WorkspaceDelete::new("/Users/jane.doe@example.com/etl/old")
    };
    let ack = ok(t.case.operation, t.client.workspace().delete(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn workspace_export() {
    let t = setup("workspace.export").await;
    let params = models::WorkspaceExportParams {
        format: Some(models::WorkspaceExportFormat::Source),
        ..models::WorkspaceExportParams::new("/Users/jane.doe@example.com/etl/ingest")
    };
    let export = ok(t.case.operation, t.client.workspace().export(&params).await);
    t.verify(&export).await;
    assert_eq!(export.content.as_deref(), Some(NOTEBOOK_SOURCE));
    assert_eq!(export.file_type.as_deref(), Some("py"));
}

#[tokio::test]
async fn workspace_get_status() {
    let t = setup("workspace.getStatus").await;
    let params = models::WorkspaceGetStatusParams::new("/Users/jane.doe@example.com/etl/ingest");
    let info = ok(t.case.operation, t.client.workspace().get_status(&params).await);
    t.verify(&info).await;
    assert_eq!(info.object_type, Some(models::WorkspaceObjectType::Notebook));
    assert_eq!(info.language, Some(models::WorkspaceLanguage::Python));
    // Larger than an i32 can hold.
    assert_eq!(info.object_id, Some(1_564_852_094_431_762));
    assert_eq!(info.resource_id.as_deref(), Some("1564852094431762"));
    assert_eq!(info.size, None);
    assert_eq!(info.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn workspace_import() {
    let t = setup("workspace.import").await;
    let body = models::WorkspaceImport {
        content: Some(NOTEBOOK_SOURCE.into()),
        format: Some(models::WorkspaceImportFormat::Source),
        language: Some(models::WorkspaceLanguage::Python),
        overwrite: Some(true),
        ..models::WorkspaceImport::new("/Users/jane.doe@example.com/etl/ingest")
    };
    let ack = ok(t.case.operation, t.client.workspace().import(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn workspace_list() {
    let t = setup("workspace.list").await;
    let params = models::WorkspaceListParams {
        notebooks_modified_after: Some(1_705_311_017_000),
        ..models::WorkspaceListParams::new("/Users/jane.doe@example.com/etl")
    };
    let listing = ok(t.case.operation, t.client.workspace().list(&params).await);
    t.verify(&listing).await;

    let objects = listing.objects.as_deref().expect("objects");
    assert_eq!(objects.len(), 4);

    let folder = &objects[0];
    assert_eq!(folder.object_type, Some(models::WorkspaceObjectType::Directory));
    let directory_info = folder.directory_info.as_ref().expect("directory_info");
    assert_eq!(directory_info.is_git_folder, Some(false));

    assert_eq!(objects[1].language, Some(models::WorkspaceLanguage::Python));

    let file = &objects[2];
    assert_eq!(file.object_type, Some(models::WorkspaceObjectType::File));
    assert_eq!(file.created_at, Some(1_705_311_017_000));
    assert_eq!(file.modified_at, Some(1_705_397_417_000));
    // 3 GiB: larger than an i32 can hold.
    assert_eq!(file.size, Some(3_221_225_472));

    let experiment = &objects[3];
    assert_eq!(
        experiment.object_type,
        Some(models::WorkspaceObjectType::Unrecognized("MLFLOW_EXPERIMENT".into()))
    );
    assert_eq!(experiment.unknown_fields["future_field"], future_field());
    assert_eq!(listing.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn workspace_mkdirs() {
    let t = setup("workspace.mkdirs").await;
    let body = models::WorkspaceMkdirs::new("/Users/jane.doe@example.com/etl/staging");
    let ack = ok(t.case.operation, t.client.workspace().mkdirs(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

/// The first permission level of each principal on the notebook, in order.
fn workspace_acl_levels(
    permissions: &models::WorkspaceObjectPermissions,
) -> Vec<models::WorkspaceObjectPermissionLevel> {
    permissions
        .access_control_list
        .as_deref()
        .expect("access_control_list")
        .iter()
        .map(|entry| {
            let all = entry.all_permissions.as_deref().expect("all_permissions");
            all[0].permission_level.clone().expect("permission_level")
        })
        .collect()
}

#[tokio::test]
async fn workspace_get_permission_levels() {
    let t = setup("workspace.getPermissionLevels").await;
    let levels = ok(
        t.case.operation,
        t.client
            .workspace()
            .get_permission_levels("notebooks", databricks_tests::cases::workspace::NOTEBOOK_ID)
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
            models::WorkspaceObjectPermissionLevel::CanRead,
            models::WorkspaceObjectPermissionLevel::CanRun,
            models::WorkspaceObjectPermissionLevel::CanEdit,
            models::WorkspaceObjectPermissionLevel::CanManage
        ]
    );
}

#[tokio::test]
async fn workspace_get_permissions() {
    let t = setup("workspace.getPermissions").await;
    let permissions = ok(
        t.case.operation,
        t.client
            .workspace()
            .get_permissions("notebooks", databricks_tests::cases::workspace::NOTEBOOK_ID)
            .await,
    );
    t.verify(&permissions).await;
    assert_eq!(permissions.object_id.as_deref(), Some("/notebooks/1837452069318764"));
    assert_eq!(permissions.object_type.as_deref(), Some("notebook"));
    assert_eq!(
        workspace_acl_levels(&permissions),
        [
            models::WorkspaceObjectPermissionLevel::CanManage,
            models::WorkspaceObjectPermissionLevel::Unrecognized("CAN_VIEW_RESULTS".into()),
            models::WorkspaceObjectPermissionLevel::CanRead,
            models::WorkspaceObjectPermissionLevel::CanRead
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
async fn workspace_set_permissions() {
    let t = setup("workspace.setPermissions").await;
    let body = models::WorkspaceObjectPermissionsRequest {
        access_control_list: Some(vec![
            models::WorkspaceObjectAccessControlRequest {
                group_name: Some("data-engineers".into()),
                permission_level: Some(models::WorkspaceObjectPermissionLevel::CanRead),
                ..Default::default()
            },
            models::WorkspaceObjectAccessControlRequest {
                service_principal_name: Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410".into()),
                permission_level: Some(models::WorkspaceObjectPermissionLevel::CanRead),
                ..Default::default()
            },
        ]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client
            .workspace()
            .set_permissions("notebooks", databricks_tests::cases::workspace::NOTEBOOK_ID, &body)
            .await,
    );
    t.verify(&permissions).await;
    assert_eq!(workspace_acl_levels(&permissions).len(), 4);
}

#[tokio::test]
async fn workspace_update_permissions() {
    let t = setup("workspace.updatePermissions").await;
    let body = models::WorkspaceObjectPermissionsRequest {
        access_control_list: Some(vec![models::WorkspaceObjectAccessControlRequest {
            user_name: Some("john.smith@example.com".into()),
            permission_level: Some(models::WorkspaceObjectPermissionLevel::CanRun),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client
            .workspace()
            .update_permissions("notebooks", databricks_tests::cases::workspace::NOTEBOOK_ID, &body)
            .await,
    );
    t.verify(&permissions).await;
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    assert_eq!(acl[1].display_name.as_deref(), Some("John Smith"));
    assert_eq!(
        workspace_acl_levels(&permissions),
        [
            models::WorkspaceObjectPermissionLevel::CanManage,
            models::WorkspaceObjectPermissionLevel::CanRun
        ]
    );
}
