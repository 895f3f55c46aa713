//! Account federation policies (`/api/2.0/accounts/{account_id}/federationPolicies`): which identity
//! providers' tokens the account accepts; run as `dbr account federation-policy ...`.

use super::{Case, EMPTY};

/// The account policy the cases are about.
pub const ACCOUNT_POLICY_ID: &str = "corporate-idp";

/// The corporate identity provider's policy as the account returns it, with a field this spec does not
/// know.
pub const CORPORATE_IDP: &str = r#"{
  "name": "accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/federationPolicies/corporate-idp",
  "policy_id": "corporate-idp",
  "uid": "3e0a5b8c-74f1-4d29-a6c3-bf18e95d2074",
  "description": "Tokens of the corporate identity provider",
  "oidc_policy": {
    "issuer": "https://idp.example.com/oauth2/default",
    "audiences": ["databricks"],
    "subject_claim": "email"
  },
  "create_time": "2025-04-14T10:02:31Z",
  "update_time": "2025-04-14T10:02:31Z",
  "future_field": {"nested": [1, 2]}
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "accountFederationPolicy.create",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/federationPolicies",
        query: &[("policy_id", "corporate-idp")],
        body: Some(
            r#"{
              "description": "Tokens of the corporate identity provider",
              "oidc_policy": {
                "issuer": "https://idp.example.com/oauth2/default",
                "audiences": ["databricks"],
                "subject_claim": "email"
              }
            }"#,
        ),
        response: CORPORATE_IDP,
        cli: &[
            "account",
            "federation-policy",
            "create",
            "--policy-id",
            ACCOUNT_POLICY_ID,
            "--description",
            "Tokens of the corporate identity provider",
            "--json",
            r#"{"oidc_policy": {"issuer": "https://idp.example.com/oauth2/default", "audiences": ["databricks"], "subject_claim": "email"}}"#,
        ],
    },
    Case {
        operation: "accountFederationPolicy.delete",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/federationPolicies/corporate-idp",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["account", "federation-policy", "delete", ACCOUNT_POLICY_ID],
    },
    Case {
        operation: "accountFederationPolicy.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/federationPolicies/corporate-idp",
        query: &[],
        body: None,
        response: CORPORATE_IDP,
        cli: &["account", "federation-policy", "get", ACCOUNT_POLICY_ID],
    },
    Case {
        operation: "accountFederationPolicy.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/federationPolicies",
        query: &[("page_size", "1")],
        body: None,
        response: r#"{
          "policies": [
            {
              "name": "accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/federationPolicies/corporate-idp",
              "policy_id": "corporate-idp",
              "uid": "3e0a5b8c-74f1-4d29-a6c3-bf18e95d2074",
              "oidc_policy": {"issuer": "https://idp.example.com/oauth2/default", "audiences": ["databricks"]},
              "create_time": "2025-04-14T10:02:31Z",
              "update_time": "2025-04-14T10:02:31Z"
            }
          ],
          "next_page_token": "cG9saWNpZXMtcGFnZS0y"
        }"#,
        cli: &["account", "federation-policy", "list", "--page-size", "1"],
    },
    Case {
        operation: "accountFederationPolicy.update",
        method: "PATCH",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/federationPolicies/corporate-idp",
        query: &[("update_mask", "oidc_policy.audiences")],
        body: Some(r#"{"oidc_policy": {"audiences": ["databricks", "databricks-eu"]}}"#),
        response: r#"{
          "name": "accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/federationPolicies/corporate-idp",
          "policy_id": "corporate-idp",
          "uid": "3e0a5b8c-74f1-4d29-a6c3-bf18e95d2074",
          "description": "Tokens of the corporate identity provider",
          "oidc_policy": {
            "issuer": "https://idp.example.com/oauth2/default",
            "audiences": ["databricks", "databricks-eu"],
            "subject_claim": "email"
          },
          "create_time": "2025-04-14T10:02:31Z",
          "update_time": "2025-05-20T16:45:09Z"
        }"#,
        cli: &[
            "account",
            "federation-policy",
            "update",
            ACCOUNT_POLICY_ID,
            "--update-mask",
            "oidc_policy.audiences",
            "--json",
            r#"{"oidc_policy": {"audiences": ["databricks", "databricks-eu"]}}"#,
        ],
    },
];
