//! Account custom OAuth app integrations: the client secret appears only in `create`'s answer and never in
//! Debug.

use super::{future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::account_custom_app_integration::CUSTOM_INTEGRATION_ID;

#[tokio::test]
async fn account_custom_app_integration_create() {
    let t = setup("accountCustomAppIntegration.create").await;
    let body = models::CreateCustomAppIntegration {
        name: Some("Finance dashboards".into()),
        confidential: Some(true),
        redirect_urls: Some(vec!["https://dashboards.example.com/oauth/callback".into()]),
        scopes: Some(vec!["sql".into(), "offline_access".into()]),
        token_access_policy: Some(models::TokenAccessPolicy {
            access_token_ttl_in_minutes: Some(60),
            refresh_token_ttl_in_minutes: Some(10080),
            ..Default::default()
        }),
        ..Default::default()
    };
    let created = ok(t.case.operation, t.account.custom_app_integration().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.integration_id.as_deref(), Some(CUSTOM_INTEGRATION_ID));
    assert_eq!(
        created.client_secret.as_deref(),
        Some("dosec4f1e2d3c4b5a69788a7b6c5d4e3f2a1")
    );
    let shown = format!("{created:?}");
    assert!(!shown.contains("dosec4f1e2d3c4b5a69788a7b6c5d4e3f2a1"), "{shown}");
}

#[tokio::test]
async fn account_custom_app_integration_delete() {
    let t = setup("accountCustomAppIntegration.delete").await;
    let ack = ok(
        t.case.operation,
        t.account.custom_app_integration().delete(CUSTOM_INTEGRATION_ID).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn account_custom_app_integration_get() {
    let t = setup("accountCustomAppIntegration.get").await;
    let app = ok(
        t.case.operation,
        t.account.custom_app_integration().get(CUSTOM_INTEGRATION_ID).await,
    );
    t.verify(&app).await;
    assert_eq!(app.confidential, Some(true));
    let policy = app.token_access_policy.as_ref().expect("token_access_policy");
    assert_eq!(policy.enable_single_use_refresh_tokens, Some(true));
    assert_eq!(policy.absolute_session_lifetime_in_minutes, Some(43200));
    assert_eq!(policy.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_custom_app_integration_list() {
    let t = setup("accountCustomAppIntegration.list").await;
    let params = models::AccountCustomAppIntegrationListParams {
        include_creator_username: Some(true),
        page_size: Some(1),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.account.custom_app_integration().list(&params).await);
    t.verify(&page).await;
    let apps = page.apps.as_deref().expect("apps");
    assert_eq!(apps[0].creator_username.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(page.next_page_token.as_deref(), Some("YXBwcy1wYWdlLTI="));
}

#[tokio::test]
async fn account_custom_app_integration_update() {
    let t = setup("accountCustomAppIntegration.update").await;
    let body = models::UpdateCustomAppIntegration {
        redirect_urls: Some(vec![
            "https://dashboards.example.com/oauth/callback".into(),
            "https://dashboards-eu.example.com/oauth/callback".into(),
        ]),
        token_access_policy: Some(models::TokenAccessPolicy {
            enable_single_use_refresh_tokens: Some(true),
            absolute_session_lifetime_in_minutes: Some(43200),
            ..Default::default()
        }),
        ..Default::default()
    };
    let ack = ok(
        t.case.operation,
        t.account
            .custom_app_integration()
            .update(CUSTOM_INTEGRATION_ID, &body)
            .await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}
