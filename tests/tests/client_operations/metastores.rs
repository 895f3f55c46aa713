//! Metastores: every operation through the workspace client, and the paged list followed to its end.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::metastores::{METASTORE_ID, WORKSPACE_ID};
use serde_json::json;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// Checks the metastore of `METASTORE`, the unknown sharing scope and field kept.
fn assert_metastore(metastore: &models::AccountMetastore) {
    assert_eq!(metastore.metastore_id.as_deref(), Some(METASTORE_ID));
    assert_eq!(
        metastore.storage_root_credential_name.as_deref(),
        Some("acme-landing-zone")
    );
    assert_eq!(
        serde_json::to_value(&metastore.delta_sharing_scope).unwrap(),
        json!("PUBLIC"),
        "a scope this SDK does not know is kept"
    );
    assert_eq!(
        metastore.delta_sharing_recipient_token_lifetime_in_seconds,
        Some(604_800)
    );
    assert_eq!(metastore.updated_at, Some(1_764_662_400_000));
    assert_eq!(metastore.unknown_fields["storage_root_credential_kind"], "IAM_ROLE");
}

#[tokio::test]
async fn metastores_assign() {
    let t = setup("metastores.assign").await;
    let body = models::NewMetastoreAssignment::new(METASTORE_ID, "main");
    let answer = ok(
        t.case.operation,
        t.client.metastores().assign(WORKSPACE_ID, &body).await,
    );
    t.verify(&answer).await;
}

#[tokio::test]
async fn metastores_create() {
    let t = setup("metastores.create").await;
    let body = models::NewAccountMetastore {
        region: Some("us-east-1".into()),
        storage_root: Some("s3://acme-unity-catalog/us-east-1".into()),
        external_access_enabled: Some(true),
        ..models::NewAccountMetastore::new("main-us-east-1")
    };
    let answer = ok(t.case.operation, t.client.metastores().create(&body).await);
    t.verify(&answer).await;
    assert_metastore(&answer);
}

#[tokio::test]
async fn metastores_current() {
    let t = setup("metastores.current").await;
    let answer = ok(t.case.operation, t.client.metastores().current().await);
    t.verify(&answer).await;
    assert_eq!(answer.metastore_id, METASTORE_ID);
    assert_eq!(answer.workspace_id, WORKSPACE_ID);
}

#[tokio::test]
async fn metastores_delete() {
    let t = setup("metastores.delete").await;
    let params = models::MetastoresDeleteParams { force: Some(true) };
    let answer = ok(
        t.case.operation,
        t.client.metastores().delete(METASTORE_ID, &params).await,
    );
    t.verify(&answer).await;
}

#[tokio::test]
async fn metastores_get() {
    let t = setup("metastores.get").await;
    let answer = ok(t.case.operation, t.client.metastores().get(METASTORE_ID).await);
    t.verify(&answer).await;
    assert_metastore(&answer);
}

#[tokio::test]
async fn metastores_list() {
    let t = setup("metastores.list").await;
    let params = models::MetastoresListParams {
        max_results: Some(0),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.metastores().list(&params).await);
    t.verify(&page).await;
    assert!(page.next_page_token.is_some());
    let metastores = page.metastores.expect("metastores");
    assert_eq!(metastores.len(), 2);
    assert_eq!(
        metastores[1].delta_sharing_scope,
        Some(models::DeltaSharingScope::InternalAndExternal)
    );
}

/// `list_all` follows `next_page_token` past an empty page (the server may send one) to the page without a
/// token, asking for server-sized pages with `max_results=0` each time.
#[tokio::test]
async fn metastores_list_all_follows_every_page() {
    let server = MockServer::builder().start().await;
    Mock::given(wiremock::matchers::path("/api/2.1/unity-catalog/metastores"))
        .respond_with(|request: &Request| {
            let token = request
                .url
                .query_pairs()
                .find(|(key, _)| key == "page_token")
                .map(|(_, value)| value.into_owned());
            let page = match token.as_deref() {
                None => json!({"metastores": [{"metastore_id": "m1"}], "next_page_token": "p2"}),
                Some("p2") => json!({"metastores": [], "next_page_token": "p3"}),
                Some("p3") => json!({"metastores": [{"metastore_id": "m2"}, {"metastore_id": "m3"}]}),
                Some(other) => panic!("unexpected token {other}"),
            };
            ResponseTemplate::new(200).set_body_json(page)
        })
        .mount(&server)
        .await;
    let client = databricks_tests::mock::client(&server);
    let params = models::MetastoresListParams {
        max_results: Some(0),
        ..Default::default()
    };
    let metastores = client
        .metastores()
        .list_all(&params)
        .try_collect()
        .await
        .expect("every page");
    let ids: Vec<_> = metastores
        .iter()
        .map(|metastore| metastore.metastore_id.as_deref().expect("id"))
        .collect();
    assert_eq!(ids, ["m1", "m2", "m3"]);
    let requests = databricks_tests::mock::received(&server).await;
    assert_eq!(requests.len(), 3);
    for request in &requests {
        assert_eq!(request.query[0], ("max_results".to_owned(), "0".to_owned()));
    }
}

#[tokio::test]
async fn metastores_summary() {
    let t = setup("metastores.summary").await;
    let answer = ok(t.case.operation, t.client.metastores().summary().await);
    t.verify(&answer).await;
    assert_metastore(&answer);
}

#[tokio::test]
async fn metastores_unassign() {
    let t = setup("metastores.unassign").await;
    let answer = ok(
        t.case.operation,
        t.client.metastores().unassign(WORKSPACE_ID, METASTORE_ID).await,
    );
    t.verify(&answer).await;
}

#[tokio::test]
async fn metastores_update() {
    let t = setup("metastores.update").await;
    let body = models::UpdateMetastore {
        new_name: Some("main-us-east-1-prod".into()),
        owner: Some("metastore-admins".into()),
        delta_sharing_scope: Some(models::DeltaSharingScope::InternalAndExternal),
        delta_sharing_recipient_token_lifetime_in_seconds: Some(604_800),
        storage_root_credential_id: Some("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7".into()),
        ..Default::default()
    };
    let answer = ok(
        t.case.operation,
        t.client.metastores().update(METASTORE_ID, &body).await,
    );
    t.verify(&answer).await;
    assert_metastore(&answer);
}

#[tokio::test]
async fn metastores_update_assignment() {
    let t = setup("metastores.updateAssignment").await;
    let body = models::ChangedMetastoreAssignment {
        default_catalog_name: Some("analytics".into()),
        ..Default::default()
    };
    let answer = ok(
        t.case.operation,
        t.client.metastores().update_assignment(WORKSPACE_ID, &body).await,
    );
    t.verify(&answer).await;
}
