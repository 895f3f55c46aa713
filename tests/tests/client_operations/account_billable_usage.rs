//! Account billable usage: the CSV download, streamed.

use super::setup;
use databricks_client::models;
use databricks_tests::cases::account_billable_usage::USAGE_CSV;
use databricks_tests::mock::{Expected, assert_request, only_request};

#[tokio::test]
async fn account_billable_usage_download() {
    let t = setup("accountBillableUsage.download").await;
    let params = models::AccountBillableUsageDownloadParams {
        personal_data: Some(true),
    };
    let stream = t
        .account
        .billable_usage()
        .download("2026-09", "2026-11", &params)
        .await
        .expect("the download starts");
    let mut csv = Vec::new();
    stream.write_to(&mut csv).await.expect("the download completes");
    assert_eq!(String::from_utf8(csv).unwrap(), USAGE_CSV);
    let request = only_request(&t.server).await;
    assert_request(
        &request,
        Expected {
            method: t.case.method,
            path: t.case.path,
            query: t.case.query,
            body: t.case.body,
        },
    );
    let accepted = t.server.received_requests().await.unwrap()[0].headers["accept"].clone();
    assert_eq!(accepted, "text/plain");
    let authorization = request.authorization.as_deref().unwrap_or_default();
    assert!(authorization.starts_with("Basic "), "{authorization}");
}
