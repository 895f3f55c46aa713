//! Account service principals (`/api/2.0/accounts/{account_id}/scim/v2/ServicePrincipals`): the account's
//! non-human identities through SCIM 2.0; run as `dbr account service-principals ...`.

use super::{Case, EMPTY};

/// The account service principal the cases are about (its SCIM id, not its application id).
pub const ACCOUNT_SERVICE_PRINCIPAL_ID: &str = "2290147733618062";

/// The nightly ETL service principal as `accountServicePrincipals.get` returns it, with a SCIM `schemas`
/// list this spec does not describe.
pub const NIGHTLY_ETL: &str = r#"{
  "id": "2290147733618062",
  "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
  "applicationId": "9b2e41d7-3c5a-4f60-8e1b-7a4d2c9f0e35",
  "displayName": "nightly-etl",
  "active": true,
  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal"]
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "accountServicePrincipals.create",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/ServicePrincipals",
        query: &[],
        body: Some(r#"{"displayName": "nightly-etl", "active": true}"#),
        // The server generated the application id.
        response: NIGHTLY_ETL,
        cli: &[
            "account",
            "service-principals",
            "create",
            "--display-name",
            "nightly-etl",
            "--active",
        ],
    },
    Case {
        operation: "accountServicePrincipals.delete",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/ServicePrincipals/2290147733618062",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["account", "service-principals", "delete", ACCOUNT_SERVICE_PRINCIPAL_ID],
    },
    Case {
        operation: "accountServicePrincipals.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/ServicePrincipals/2290147733618062",
        query: &[],
        body: None,
        response: NIGHTLY_ETL,
        cli: &["account", "service-principals", "get", ACCOUNT_SERVICE_PRINCIPAL_ID],
    },
    Case {
        operation: "accountServicePrincipals.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/ServicePrincipals",
        query: &[
            ("filter", "displayName sw \"nightly\""),
            ("sortBy", "displayName"),
            ("sortOrder", "ascending"),
        ],
        body: None,
        response: r#"{
          "totalResults": 2,
          "itemsPerPage": 2,
          "startIndex": 1,
          "Resources": [
            {
              "id": "2290147733618062",
              "applicationId": "9b2e41d7-3c5a-4f60-8e1b-7a4d2c9f0e35",
              "displayName": "nightly-etl",
              "active": true
            },
            {
              "id": "5581230964471108",
              "applicationId": "1c7d93e2-6a48-4b0f-a5e9-3f2b8d610c47",
              "displayName": "nightly-reports",
              "active": false,
              "roles": [{"value": "account_admin"}],
              "future_field": {"nested": [1, 2]}
            }
          ]
        }"#,
        cli: &[
            "account",
            "service-principals",
            "list",
            "--filter",
            "displayName sw \"nightly\"",
            "--sort-by",
            "displayName",
            "--sort-order",
            "ascending",
        ],
    },
    Case {
        operation: "accountServicePrincipals.patch",
        method: "PATCH",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/ServicePrincipals/2290147733618062",
        query: &[],
        body: Some(
            r#"{
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations": [{"op": "replace", "path": "active", "value": false}]
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "account",
            "service-principals",
            "patch",
            ACCOUNT_SERVICE_PRINCIPAL_ID,
            "--json",
            r#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"op": "replace", "path": "active", "value": false}]}"#,
        ],
    },
    Case {
        operation: "accountServicePrincipals.update",
        method: "PUT",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/ServicePrincipals/2290147733618062",
        query: &[],
        body: Some(
            r#"{
              "applicationId": "9b2e41d7-3c5a-4f60-8e1b-7a4d2c9f0e35",
              "displayName": "nightly-etl-prod",
              "active": true,
              "roles": []
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "account",
            "service-principals",
            "update",
            ACCOUNT_SERVICE_PRINCIPAL_ID,
            "--application-id",
            "9b2e41d7-3c5a-4f60-8e1b-7a4d2c9f0e35",
            "--display-name",
            "nightly-etl-prod",
            "--active",
            "--json",
            r#"{"roles": []}"#,
        ],
    },
];
