//! Files: raw bytes both ways, checked byte for byte; `HEAD` answers without a body.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::files::{DIRECTORY, FILE, ORDERS_CSV};
use databricks_tests::mock::{Expected, assert_request, client, only_request};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

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
    let headers = ok(t.case.operation, t.client.files().get_metadata(FILE).await);
    assert_request(
        &only_request(&t.server).await,
        Expected {
            method: t.case.method,
            path: t.case.path,
            query: t.case.query,
            body: t.case.body,
        },
    );
    // The mock's `HEAD` answer describes the JSON body it leaves out.
    assert_eq!(headers.content_length, Some(t.case.response.len() as i64));
    assert_eq!(headers.content_type.as_deref(), Some("application/json"));
    assert_eq!(headers.last_modified, None, "a header not sent is None");
}

/// A server answering every request with `status`, `headers` and `body`.
async fn serve_with_headers(status: u16, headers: &[(&str, &str)], body: &[u8]) -> MockServer {
    let server = MockServer::start().await;
    let answer = headers
        .iter()
        .fold(ResponseTemplate::new(status), |answer, (name, value)| {
            answer.insert_header(*name, *value)
        })
        .set_body_raw(body.to_vec(), "text/csv");
    Mock::given(any()).respond_with(answer).mount(&server).await;
    server
}

const LAST_MODIFIED: &str = "Mon, 15 Jan 2024 09:29:00 GMT";

#[tokio::test]
async fn files_metadata_is_read_from_the_answer_headers() {
    let server = serve_with_headers(200, &[("last-modified", LAST_MODIFIED)], ORDERS_CSV.as_bytes()).await;
    let headers = ok("files.getMetadata", client(&server).files().get_metadata(FILE).await);
    assert_eq!(
        headers,
        models::FilesGetMetadataHeaders {
            content_length: Some(ORDERS_CSV.len() as i64),
            content_type: Some("text/csv".to_owned()),
            last_modified: Some(LAST_MODIFIED.to_owned()),
        }
    );
    // `dbr` prints them under the names the description gives them.
    assert_eq!(
        serde_json::to_value(&headers).unwrap(),
        serde_json::json!({
            "Content-Length": ORDERS_CSV.len(),
            "Content-Type": "text/csv",
            "Last-Modified": LAST_MODIFIED,
        })
    );
}

#[tokio::test]
async fn a_download_comes_with_its_headers_before_its_body() {
    let server = serve_with_headers(200, &[("last-modified", LAST_MODIFIED)], ORDERS_CSV.as_bytes()).await;
    let answer = ok(
        "files.download",
        client(&server).files().download_with_headers(FILE).await,
    );
    assert_eq!(answer.headers.content_length, Some(ORDERS_CSV.len() as i64));
    assert_eq!(answer.headers.last_modified.as_deref(), Some(LAST_MODIFIED));
    let bytes = ok("files.download", answer.body.collect().await);
    assert_eq!(bytes, ORDERS_CSV.as_bytes());
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
