//! DBFS.

use super::{future_field, ok, setup};
use databricks_client::models;

#[tokio::test]
async fn dbfs_add_block() {
    let t = setup("dbfs.addBlock").await;
    let body = models::DbfsAddBlock::new(7_340_591, "aGVsbG8gd29ybGQK");
    let ack = ok(t.case.operation, t.client.dbfs().add_block(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn dbfs_close() {
    let t = setup("dbfs.close").await;
    let ack = ok(
        t.case.operation,
        t.client.dbfs().close(&models::DbfsClose::new(7_340_591)).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn dbfs_create() {
    let t = setup("dbfs.create").await;
    let body = models::DbfsCreate {
        overwrite: Some(true),
        ..models::DbfsCreate::new("/mnt/raw/events/2024-01-15.json")
    };
    let created = ok(t.case.operation, t.client.dbfs().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.handle, Some(7_340_591));
}

#[tokio::test]
async fn dbfs_delete() {
    let t = setup("dbfs.delete").await;
    let body = models::DbfsDelete {
        recursive: Some(true),
        ..models::DbfsDelete::new("/tmp/scratch/run-42")
    };
    let ack = ok(t.case.operation, t.client.dbfs().delete(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn dbfs_get_status() {
    let t = setup("dbfs.getStatus").await;
    let status = ok(
        t.case.operation,
        t.client.dbfs().get_status("/mnt/raw/events/2024-01-15.json").await,
    );
    t.verify(&status).await;
    assert_eq!(status.file_size, Some(1_048_576));
    assert_eq!(status.is_dir, Some(false));
    assert_eq!(status.modification_time, Some(1_705_311_017_000));
    assert_eq!(status.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn dbfs_list() {
    let t = setup("dbfs.list").await;
    let listing = ok(t.case.operation, t.client.dbfs().list("/mnt/raw/events").await);
    t.verify(&listing).await;

    let files = listing.files.as_deref().expect("files");
    assert_eq!(files.len(), 3);
    assert_eq!(files[1].is_dir, Some(true));
    // Larger than an i32 can hold.
    assert_eq!(files[2].file_size, Some(6_442_450_944));
    assert_eq!(files[2].unknown_fields["future_field"], future_field());
    assert_eq!(listing.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn dbfs_mkdirs() {
    let t = setup("dbfs.mkdirs").await;
    let ack = ok(
        t.case.operation,
        t.client
            .dbfs()
            .mkdirs(&models::DbfsMkdirs::new("/mnt/raw/events/2024/01"))
            .await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn dbfs_move() {
    let t = setup("dbfs.move").await;
    let body = models::DbfsMove::new(
        "/mnt/raw/events/2024-01-15.json",
        "/mnt/raw/events/archive/2024-01-15.json",
    );
    let ack = ok(t.case.operation, t.client.dbfs().move_(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn dbfs_put() {
    let t = setup("dbfs.put").await;
    let body = models::DbfsPut {
        contents: Some("aGVsbG8gd29ybGQK".into()),
        overwrite: Some(false),
        ..models::DbfsPut::new("/tmp/hello.txt")
    };
    let ack = ok(t.case.operation, t.client.dbfs().put(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn dbfs_read() {
    let t = setup("dbfs.read").await;
    let params = models::DbfsReadParams {
        offset: Some(0),
        length: Some(100),
    };
    let slice = ok(t.case.operation, t.client.dbfs().read("/tmp/hello.txt", &params).await);
    t.verify(&slice).await;
    assert_eq!(slice.bytes_read, Some(12));
    assert_eq!(slice.data.as_deref(), Some("aGVsbG8gd29ybGQK"));
}
