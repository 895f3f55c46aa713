//! Account groups (`/api/2.0/accounts/{account_id}/scim/v2/Groups`): the account's groups through SCIM 2.0,
//! with members given by id; run as `dbr account groups ...`.

use super::{Case, EMPTY};

/// The account group the cases are about.
pub const ACCOUNT_GROUP_ID: &str = "1037448156893214";

/// The data engineers group as `accountGroups.get` returns it: a user, a service principal and a nested
/// group as members, account-level metadata, and a SCIM `schemas` list this spec does not describe.
pub const DATA_ENGINEERS: &str = r#"{
  "id": "1037448156893214",
  "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
  "displayName": "data-engineers",
  "members": [
    {"display": "Jane Doe", "value": "4513127682994021", "$ref": "Users/4513127682994021"},
    {"display": "nightly-etl", "value": "2290147733618062", "$ref": "ServicePrincipals/2290147733618062"},
    {"display": "data-engineers-emea", "value": "6628410937716450", "$ref": "Groups/6628410937716450"}
  ],
  "meta": {"resourceType": "Group"},
  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"]
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "accountGroups.create",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/Groups",
        query: &[],
        body: Some(
            r#"{
              "displayName": "data-engineers",
              "members": [{"value": "4513127682994021"}, {"value": "2290147733618062"}]
            }"#,
        ),
        response: r#"{
          "id": "1037448156893214",
          "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
          "displayName": "data-engineers",
          "members": [
            {"display": "Jane Doe", "value": "4513127682994021", "$ref": "Users/4513127682994021"},
            {"display": "nightly-etl", "value": "2290147733618062", "$ref": "ServicePrincipals/2290147733618062"}
          ],
          "meta": {"resourceType": "Group"}
        }"#,
        cli: &[
            "account",
            "groups",
            "create",
            "--display-name",
            "data-engineers",
            "--json",
            r#"{"members": [{"value": "4513127682994021"}, {"value": "2290147733618062"}]}"#,
        ],
    },
    Case {
        operation: "accountGroups.delete",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/Groups/1037448156893214",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["account", "groups", "delete", ACCOUNT_GROUP_ID],
    },
    Case {
        operation: "accountGroups.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/Groups/1037448156893214",
        query: &[],
        body: None,
        response: DATA_ENGINEERS,
        cli: &["account", "groups", "get", ACCOUNT_GROUP_ID],
    },
    Case {
        operation: "accountGroups.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/Groups",
        query: &[
            ("attributes", "id,displayName"),
            ("count", "50"),
            ("filter", "displayName co \"data\""),
            ("startIndex", "1"),
        ],
        body: None,
        // The only page: one group is synced from an identity provider and carries a field this spec does
        // not know.
        response: r#"{
          "totalResults": 2,
          "itemsPerPage": 2,
          "startIndex": 1,
          "Resources": [
            {"id": "1037448156893214", "displayName": "data-engineers"},
            {
              "id": "6628410937716450",
              "displayName": "data-engineers-emea",
              "externalId": "a3f0c2d8-55e1-4b7a-9d26-0e8c41f7b913",
              "future_field": {"nested": [1, 2]}
            }
          ]
        }"#,
        cli: &[
            "account",
            "groups",
            "list",
            "--attributes",
            "id,displayName",
            "--count",
            "50",
            "--filter",
            "displayName co \"data\"",
            "--start-index",
            "1",
        ],
    },
    Case {
        operation: "accountGroups.patch",
        method: "PATCH",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/Groups/1037448156893214",
        query: &[],
        body: Some(
            r#"{
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations": [
                {"op": "add", "path": "members", "value": [{"value": "7702958113460837"}]},
                {"op": "remove", "path": "members[value eq \"6628410937716450\"]"}
              ]
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "account",
            "groups",
            "patch",
            ACCOUNT_GROUP_ID,
            "--json",
            r#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"op": "add", "path": "members", "value": [{"value": "7702958113460837"}]}, {"op": "remove", "path": "members[value eq \"6628410937716450\"]"}]}"#,
        ],
    },
    Case {
        operation: "accountGroups.update",
        method: "PUT",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/Groups/1037448156893214",
        query: &[],
        body: Some(
            r#"{
              "displayName": "data-engineering",
              "members": [{"value": "4513127682994021"}],
              "roles": [{"value": "account_admin"}]
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "account",
            "groups",
            "update",
            ACCOUNT_GROUP_ID,
            "--display-name",
            "data-engineering",
            "--json",
            r#"{"members": [{"value": "4513127682994021"}], "roles": [{"value": "account_admin"}]}"#,
        ],
    },
];
