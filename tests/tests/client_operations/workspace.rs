//! Workspace objects.

use super::{acl_levels, future_field, ok, setup};
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
    };
    let export = ok(
        t.case.operation,
        t.client
            .workspace()
            .export("/Users/jane.doe@example.com/etl/ingest", &params)
            .await,
    );
    t.verify(&export).await;
    assert_eq!(export.content.as_deref(), Some(NOTEBOOK_SOURCE));
    assert_eq!(export.file_type.as_deref(), Some("py"));
}

#[tokio::test]
async fn workspace_get_status() {
    let t = setup("workspace.getStatus").await;
    let info = ok(
        t.case.operation,
        t.client
            .workspace()
            .get_status("/Users/jane.doe@example.com/etl/ingest")
            .await,
    );
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
    };
    let listing = ok(
        t.case.operation,
        t.client
            .workspace()
            .list("/Users/jane.doe@example.com/etl", &params)
            .await,
    );
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

/// The grants of the `set...Permissions` cases, built with the typed request.
fn set_permissions_body() -> models::WorkspaceObjectPermissionsRequest {
    let grant =
        |principal: models::WorkspaceObjectAccessControlRequest, level| models::WorkspaceObjectAccessControlRequest {
            permission_level: Some(level),
            ..principal
        };
    models::WorkspaceObjectPermissionsRequest {
        access_control_list: Some(vec![
            grant(
                models::WorkspaceObjectAccessControlRequest {
                    user_name: Some("jane.doe@example.com".into()),
                    ..Default::default()
                },
                models::WorkspaceObjectPermissionLevel::CanRun,
            ),
            grant(
                models::WorkspaceObjectAccessControlRequest {
                    group_name: Some("data-engineers".into()),
                    ..Default::default()
                },
                models::WorkspaceObjectPermissionLevel::CanRead,
            ),
        ]),
        ..Default::default()
    }
}

/// The grant of the `update...Permissions` cases.
fn update_permissions_body() -> models::WorkspaceObjectPermissionsRequest {
    models::WorkspaceObjectPermissionsRequest {
        access_control_list: Some(vec![models::WorkspaceObjectAccessControlRequest {
            service_principal_name: Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410".into()),
            permission_level: Some(models::WorkspaceObjectPermissionLevel::CanEdit),
            ..Default::default()
        }]),
        ..Default::default()
    }
}

/// What every permissions response of the cases holds, whatever the kind of object.
fn check_permissions(permissions: &models::WorkspaceObjectPermissions, object_id: &str, object_type: &str) {
    assert_eq!(permissions.object_id.as_deref(), Some(object_id));
    assert_eq!(permissions.object_type.as_deref(), Some(object_type));
    assert_eq!(
        acl_levels::<models::WorkspaceObjectPermissionLevel>(permissions),
        [
            models::WorkspaceObjectPermissionLevel::CanManage,
            models::WorkspaceObjectPermissionLevel::CanRun,
            models::WorkspaceObjectPermissionLevel::Unrecognized("CAN_VIEW".into())
        ]
    );
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    assert_eq!(acl[1].user_name.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(acl[2].unknown_fields["future_field"], future_field());
}

/// The four typed permission operations of one kind of workspace object (notebooks, folders, files). They
/// differ only in the method names, the id and the object named in the response, so one macro writes them.
macro_rules! workspace_object_permissions {
    (
        $kind:ident, id: $id:path, object: ($object_id:literal, $object_type:literal),
        $get_levels:ident => $get_levels_op:literal,
        $get:ident => $get_op:literal,
        $set:ident => $set_op:literal,
        $update:ident => $update_op:literal $(,)?
    ) => {
        mod $kind {
            use super::*;

            #[tokio::test]
            async fn get_permission_levels() {
                let t = setup($get_levels_op).await;
                let levels = ok(t.case.operation, t.client.workspace().$get_levels($id).await);
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
                        models::WorkspaceObjectPermissionLevel::CanManage,
                        models::WorkspaceObjectPermissionLevel::Unrecognized("CAN_VIEW".into())
                    ]
                );
            }

            #[tokio::test]
            async fn get_permissions() {
                let t = setup($get_op).await;
                let permissions = ok(t.case.operation, t.client.workspace().$get($id).await);
                t.verify(&permissions).await;
                check_permissions(&permissions, $object_id, $object_type);
            }

            #[tokio::test]
            async fn set_permissions() {
                let t = setup($set_op).await;
                let permissions = ok(
                    t.case.operation,
                    t.client.workspace().$set($id, &set_permissions_body()).await,
                );
                t.verify(&permissions).await;
                check_permissions(&permissions, $object_id, $object_type);
            }

            #[tokio::test]
            async fn update_permissions() {
                let t = setup($update_op).await;
                let permissions = ok(
                    t.case.operation,
                    t.client
                        .workspace()
                        .$update($id, &update_permissions_body())
                        .await,
                );
                t.verify(&permissions).await;
                check_permissions(&permissions, $object_id, $object_type);
            }
        }
    };
}

workspace_object_permissions! {
    notebook_permissions,
    id: databricks_tests::cases::workspace::NOTEBOOK_ID,
    object: ("/notebooks/1837452069318764", "notebook"),
    get_notebook_permission_levels => "workspace.getNotebookPermissionLevels",
    get_notebook_permissions => "workspace.getNotebookPermissions",
    set_notebook_permissions => "workspace.setNotebookPermissions",
    update_notebook_permissions => "workspace.updateNotebookPermissions",
}

workspace_object_permissions! {
    directory_permissions,
    id: databricks_tests::cases::workspace::DIRECTORY_ID,
    object: ("/directories/4108364197239567", "directory"),
    get_directory_permission_levels => "workspace.getDirectoryPermissionLevels",
    get_directory_permissions => "workspace.getDirectoryPermissions",
    set_directory_permissions => "workspace.setDirectoryPermissions",
    update_directory_permissions => "workspace.updateDirectoryPermissions",
}

workspace_object_permissions! {
    file_permissions,
    id: databricks_tests::cases::workspace::FILE_ID,
    object: ("/files/2750918364520197", "file"),
    get_file_permission_levels => "workspace.getFilePermissionLevels",
    get_file_permissions => "workspace.getFilePermissions",
    set_file_permissions => "workspace.setFilePermissions",
    update_file_permissions => "workspace.updateFilePermissions",
}
