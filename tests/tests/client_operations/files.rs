//! Files: raw bytes both ways, checked byte for byte; `HEAD` answers without a body.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::files::{DIRECTORY, FILE, ORDERS_CSV};
use databricks_tests::mock::{Expected, assert_request, only_request};

#[tokio::test]
async fn files_create_directory() {
    let t = setup("files.createDirectory").await;
    let ack = ok(t.case.operation, t.client.files().create_directory(DIRECTORY).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn files_delete() {
    let t = setup("files.delete").await;
    let ack = ok(t.case.operation, t.client.files().delete(FILE).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn files_delete_directory() {
    let t = setup("files.deleteDirectory").await;
    let ack = ok(t.case.operation, t.client.files().delete_directory(DIRECTORY).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn files_download() {
    let t = setup("files.download").await;
    let stream = ok(t.case.operation, t.client.files().download(FILE).await);
    let bytes = ok(t.case.operation, stream.collect().await);
    assert_eq!(bytes, ORDERS_CSV.as_bytes());
    // The answer is asked for as bytes, as the official SDKs ask.
    let accepted = t.server.received_requests().await.unwrap()[0].headers["accept"].clone();
    assert_eq!(accepted, "application/octet-stream");
    let expected = Expected {
        method: t.case.method,
        path: t.case.path,
        query: t.case.query,
        body: t.case.body,
    };
    assert_request(&only_request(&t.server).await, expected);
}

#[tokio::test]
async fn files_get_directory_metadata() {
    let t = setup("files.getDirectoryMetadata").await;
    // A `HEAD` answer has nothing to return: success is that the directory is there.
    ok(
        t.case.operation,
        t.client.files().get_directory_metadata(DIRECTORY).await,
    );
    t.verify(&()).await;
}

#[tokio::test]
async fn files_get_metadata() {
    let t = setup("files.getMetadata").await;
    ok(t.case.operation, t.client.files().get_metadata(FILE).await);
    t.verify(&()).await;
}

#[tokio::test]
async fn files_list_directory_contents() {
    let t = setup("files.listDirectoryContents").await;
    let params = models::FilesListDirectoryContentsParams {
        page_size: Some(2),
        page_token: Some("AAAAAQ==".into()),
    };
    let page = ok(
        t.case.operation,
        t.client.files().list_directory_contents(DIRECTORY, &params).await,
    );
    t.verify(&page).await;
    assert_eq!(page.next_page_token.as_deref(), Some("AAAAAg=="));
    let contents = page.contents.as_deref().unwrap_or_default();
    assert_eq!(contents.len(), 2);
    // Over 2^32 bytes: a 64-bit size.
    assert_eq!(contents[0].file_size, Some(5_368_709_120));
    assert_eq!(contents[0].last_modified, Some(1_705_310_940_000));
    assert_eq!(contents[0].unknown_fields["future_field"], future_field());
    assert_eq!(contents[1].is_directory, Some(true));
    assert_eq!(contents[1].file_size, None);
}

#[tokio::test]
async fn files_upload() {
    let t = setup("files.upload").await;
    let params = models::FilesUploadParams { overwrite: Some(false) };
    let ack = ok(
        t.case.operation,
        t.client
            .files()
            .upload(FILE, &params, ORDERS_CSV.as_bytes().to_vec())
            .await,
    );
    // The body is the file itself, byte for byte: no JSON, no base64.
    let request = &t.server.received_requests().await.unwrap()[0];
    assert_eq!(request.body, ORDERS_CSV.as_bytes());
    assert_eq!(request.headers["content-type"], "application/octet-stream");
    t.verify(&ack).await;
}
