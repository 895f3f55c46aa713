//! Account published OAuth app integrations
//! (`/api/2.0/accounts/{account_id}/oauth2/published-app-integrations`): applications Databricks publishes,
//! enabled for the account; run as `dbr account published-app-integration ...`.

use super::{Case, EMPTY};

/// The integration the cases are about.
pub const PUBLISHED_INTEGRATION_ID: &str = "0f8e2c71-4a96-4d3b-b5e0-9c1d7a26e483";

pub const CASES: &[Case] = &[
    Case {
        operation: "accountPublishedAppIntegration.create",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/oauth2/published-app-integrations",
        query: &[],
        body: Some(r#"{"app_id": "tableau-desktop", "token_access_policy": {"access_token_ttl_in_minutes": 30}}"#),
        response: r#"{"integration_id": "0f8e2c71-4a96-4d3b-b5e0-9c1d7a26e483"}"#,
        cli: &[
            "account",
            "published-app-integration",
            "create",
            "--app-id",
            "tableau-desktop",
            "--json",
            r#"{"token_access_policy": {"access_token_ttl_in_minutes": 30}}"#,
        ],
    },
    Case {
        operation: "accountPublishedAppIntegration.delete",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/oauth2/published-app-integrations/0f8e2c71-4a96-4d3b-b5e0-9c1d7a26e483",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &[
            "account",
            "published-app-integration",
            "delete",
            PUBLISHED_INTEGRATION_ID,
        ],
    },
    Case {
        operation: "accountPublishedAppIntegration.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/oauth2/published-app-integrations/0f8e2c71-4a96-4d3b-b5e0-9c1d7a26e483",
        query: &[],
        body: None,
        response: r#"{
          "integration_id": "0f8e2c71-4a96-4d3b-b5e0-9c1d7a26e483",
          "app_id": "tableau-desktop",
          "name": "Tableau Desktop",
          "token_access_policy": {"access_token_ttl_in_minutes": 30, "refresh_token_ttl_in_minutes": 1440},
          "created_by": 4513127682994021,
          "create_time": "2025-02-03T14:25:10Z",
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["account", "published-app-integration", "get", PUBLISHED_INTEGRATION_ID],
    },
    Case {
        operation: "accountPublishedAppIntegration.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/oauth2/published-app-integrations",
        query: &[],
        body: None,
        response: r#"{
          "apps": [
            {"integration_id": "0f8e2c71-4a96-4d3b-b5e0-9c1d7a26e483", "app_id": "tableau-desktop", "name": "Tableau Desktop"},
            {"integration_id": "8b3d6f20-1c5e-47a9-8d04-e2f61b7c9a35", "app_id": "power-bi", "name": "Power BI Desktop"}
          ]
        }"#,
        cli: &["account", "published-app-integration", "list"],
    },
    Case {
        operation: "accountPublishedAppIntegration.update",
        method: "PATCH",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/oauth2/published-app-integrations/0f8e2c71-4a96-4d3b-b5e0-9c1d7a26e483",
        query: &[],
        body: Some(
            r#"{"token_access_policy": {"access_token_ttl_in_minutes": 15, "refresh_token_ttl_in_minutes": 720}}"#,
        ),
        response: EMPTY,
        cli: &[
            "account",
            "published-app-integration",
            "update",
            PUBLISHED_INTEGRATION_ID,
            "--json",
            r#"{"token_access_policy": {"access_token_ttl_in_minutes": 15, "refresh_token_ttl_in_minutes": 720}}"#,
        ],
    },
];
