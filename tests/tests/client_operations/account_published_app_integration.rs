//! Account published OAuth app integrations.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_published_app_integration::PUBLISHED_INTEGRATION_ID;

fn lifetimes(access: i32, refresh: Option<i32>) -> models::TokenAccessPolicy {
    models::TokenAccessPolicy {
        access_token_ttl_in_minutes: Some(access),
        refresh_token_ttl_in_minutes: refresh,
        ..Default::default()
    }
}

#[tokio::test]
async fn account_published_app_integration_create() {
    let t = setup("accountPublishedAppIntegration.create").await;
    let body = models::CreatePublishedAppIntegration {
        app_id: Some("tableau-desktop".into()),
        token_access_policy: Some(lifetimes(30, None)),
        ..Default::default()
    };
    let created = ok(
        t.case.operation,
        t.account.published_app_integration().create(&body).await,
    );
    t.verify(&created).await;
    assert_eq!(created.integration_id.as_deref(), Some(PUBLISHED_INTEGRATION_ID));
}

#[tokio::test]
async fn account_published_app_integration_delete() {
    let t = setup("accountPublishedAppIntegration.delete").await;
    let ack = ok(
        t.case.operation,
        t.account
            .published_app_integration()
            .delete(PUBLISHED_INTEGRATION_ID)
            .await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn account_published_app_integration_get() {
    let t = setup("accountPublishedAppIntegration.get").await;
    let app = ok(
        t.case.operation,
        t.account
            .published_app_integration()
            .get(PUBLISHED_INTEGRATION_ID)
            .await,
    );
    t.verify(&app).await;
    assert_eq!(app.name.as_deref(), Some("Tableau Desktop"));
    assert_eq!(app.token_access_policy, Some(lifetimes(30, Some(1440))));
    assert_eq!(app.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_published_app_integration_list() {
    let t = setup("accountPublishedAppIntegration.list").await;
    let page = ok(
        t.case.operation,
        t.account.published_app_integration().list(&Default::default()).await,
    );
    t.verify(&page).await;
    let apps = page.apps.as_deref().expect("apps");
    assert_eq!(apps[1].app_id.as_deref(), Some("power-bi"));
    assert_eq!(page.next_page_token, None);
}

#[tokio::test]
async fn account_published_app_integration_update() {
    let t = setup("accountPublishedAppIntegration.update").await;
    let body = models::UpdatePublishedAppIntegration {
        token_access_policy: Some(lifetimes(15, Some(720))),
        ..Default::default()
    };
    let ack = ok(
        t.case.operation,
        t.account
            .published_app_integration()
            .update(PUBLISHED_INTEGRATION_ID, &body)
            .await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}
