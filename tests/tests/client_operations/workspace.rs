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
