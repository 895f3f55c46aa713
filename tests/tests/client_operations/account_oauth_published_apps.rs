//! Account OAuth published apps: the catalogue of published OAuth clients.

use super::{future_field, ok, setup};
use databricks_client::models;

#[tokio::test]
async fn account_oauth_published_apps_list() {
    let t = setup("accountOauthPublishedApps.list").await;
    let params = models::AccountOauthPublishedAppsListParams {
        page_size: Some(2),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.account.oauth_published_apps().list(&params).await);
    t.verify(&page).await;
    let apps = page.apps.as_deref().expect("apps");
    assert_eq!(apps[0].is_confidential_client, Some(false));
    assert_eq!(
        apps[1].scopes,
        Some(vec!["all-apis".to_owned(), "offline_access".to_owned()])
    );
    assert_eq!(apps[1].unknown_fields["future_field"], future_field());
    assert_eq!(page.next_page_token.as_deref(), Some("YXBwcy1wYWdlLTI="));
}
