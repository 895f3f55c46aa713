//! Account OAuth published apps (`/api/2.0/accounts/{account_id}/oauth2/published-apps`): the applications
//! Databricks publishes as OAuth clients; run as `dbr account oauth-published-apps list`.

use super::Case;

pub const CASES: &[Case] = &[Case {
    operation: "accountOauthPublishedApps.list",
    method: "GET",
    path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/oauth2/published-apps",
    query: &[("page_size", "2")],
    body: None,
    // The first page; the second application carries a field this spec does not know.
    response: r#"{
      "apps": [
        {
          "app_id": "tableau-desktop",
          "name": "Tableau Desktop",
          "description": "Tableau Desktop connecting to Databricks SQL",
          "client_id": "1c4e5a3b-8d27-4f09-b6e1-72a90d5c3e18",
          "redirect_urls": ["http://localhost:55874/"],
          "scopes": ["sql", "offline_access"],
          "is_confidential_client": false
        },
        {
          "app_id": "power-bi",
          "name": "Power BI Desktop",
          "client_id": "5e7a9c1b-3d24-4f68-a0b2-c4d6e8f0a1b3",
          "redirect_urls": ["https://oauth.powerbi.com/views/oauthredirect.html"],
          "scopes": ["all-apis", "offline_access"],
          "is_confidential_client": false,
          "future_field": {"nested": [1, 2]}
        }
      ],
      "next_page_token": "YXBwcy1wYWdlLTI="
    }"#,
    cli: &["account", "oauth-published-apps", "list", "--page-size", "2"],
}];
