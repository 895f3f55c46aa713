//! Account custom OAuth app integrations (`/api/2.0/accounts/{account_id}/oauth2/custom-app-integrations`):
//! applications registered as OAuth clients of the account; run as
//! `dbr account custom-app-integration ...`.

use super::{Case, EMPTY};

/// The integration the cases are about.
pub const CUSTOM_INTEGRATION_ID: &str = "6a1f0c94-27d3-4b8e-95c2-d04e7b1a3f68";

/// The finance dashboards application as `accountCustomAppIntegration.get` returns it, with a field this
/// spec does not know in its token access policy.
pub const FINANCE_DASHBOARDS: &str = r#"{
  "integration_id": "6a1f0c94-27d3-4b8e-95c2-d04e7b1a3f68",
  "client_id": "9d27c4e0-5b1a-4f83-a6e2-0c7b3d918f54",
  "name": "Finance dashboards",
  "confidential": true,
  "redirect_urls": ["https://dashboards.example.com/oauth/callback"],
  "scopes": ["sql", "offline_access"],
  "token_access_policy": {
    "access_token_ttl_in_minutes": 60,
    "refresh_token_ttl_in_minutes": 10080,
    "enable_single_use_refresh_tokens": true,
    "absolute_session_lifetime_in_minutes": 43200,
    "future_field": {"nested": [1, 2]}
  },
  "created_by": 4513127682994021,
  "create_time": "2025-02-03T14:20:00Z"
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "accountCustomAppIntegration.create",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/oauth2/custom-app-integrations",
        query: &[],
        body: Some(
            r#"{
              "name": "Finance dashboards",
              "confidential": true,
              "redirect_urls": ["https://dashboards.example.com/oauth/callback"],
              "scopes": ["sql", "offline_access"],
              "token_access_policy": {"access_token_ttl_in_minutes": 60, "refresh_token_ttl_in_minutes": 10080}
            }"#,
        ),
        response: r#"{
          "integration_id": "6a1f0c94-27d3-4b8e-95c2-d04e7b1a3f68",
          "client_id": "9d27c4e0-5b1a-4f83-a6e2-0c7b3d918f54",
          "client_secret": "dosec4f1e2d3c4b5a69788a7b6c5d4e3f2a1"
        }"#,
        cli: &[
            "account",
            "custom-app-integration",
            "create",
            "--name",
            "Finance dashboards",
            "--confidential",
            "--redirect-urls",
            "https://dashboards.example.com/oauth/callback",
            "--scopes",
            "sql",
            "--scopes",
            "offline_access",
            "--json",
            r#"{"token_access_policy": {"access_token_ttl_in_minutes": 60, "refresh_token_ttl_in_minutes": 10080}}"#,
        ],
    },
    Case {
        operation: "accountCustomAppIntegration.delete",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/oauth2/custom-app-integrations/6a1f0c94-27d3-4b8e-95c2-d04e7b1a3f68",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["account", "custom-app-integration", "delete", CUSTOM_INTEGRATION_ID],
    },
    Case {
        operation: "accountCustomAppIntegration.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/oauth2/custom-app-integrations/6a1f0c94-27d3-4b8e-95c2-d04e7b1a3f68",
        query: &[],
        body: None,
        response: FINANCE_DASHBOARDS,
        cli: &["account", "custom-app-integration", "get", CUSTOM_INTEGRATION_ID],
    },
    Case {
        operation: "accountCustomAppIntegration.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/oauth2/custom-app-integrations",
        query: &[("include_creator_username", "true"), ("page_size", "1")],
        body: None,
        response: r#"{
          "apps": [
            {
              "integration_id": "6a1f0c94-27d3-4b8e-95c2-d04e7b1a3f68",
              "client_id": "9d27c4e0-5b1a-4f83-a6e2-0c7b3d918f54",
              "name": "Finance dashboards",
              "confidential": true,
              "created_by": 4513127682994021,
              "creator_username": "jane.doe@example.com",
              "create_time": "2025-02-03T14:20:00Z"
            }
          ],
          "next_page_token": "YXBwcy1wYWdlLTI="
        }"#,
        cli: &[
            "account",
            "custom-app-integration",
            "list",
            "--include-creator-username",
            "--page-size",
            "1",
        ],
    },
    Case {
        operation: "accountCustomAppIntegration.update",
        method: "PATCH",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/oauth2/custom-app-integrations/6a1f0c94-27d3-4b8e-95c2-d04e7b1a3f68",
        query: &[],
        body: Some(
            r#"{
              "redirect_urls": ["https://dashboards.example.com/oauth/callback", "https://dashboards-eu.example.com/oauth/callback"],
              "token_access_policy": {"enable_single_use_refresh_tokens": true, "absolute_session_lifetime_in_minutes": 43200}
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "account",
            "custom-app-integration",
            "update",
            CUSTOM_INTEGRATION_ID,
            "--redirect-urls",
            "https://dashboards.example.com/oauth/callback",
            "--redirect-urls",
            "https://dashboards-eu.example.com/oauth/callback",
            "--json",
            r#"{"token_access_policy": {"enable_single_use_refresh_tokens": true, "absolute_session_lifetime_in_minutes": 43200}}"#,
        ],
    },
];
