//! Account users (`/api/2.0/accounts/{account_id}/scim/v2/Users`): the account's users through SCIM 2.0,
//! with camelCase wire names; run as `dbr account users ...` with the account id from the configuration.

use super::{Case, EMPTY};

/// The account user the cases are about.
pub const ACCOUNT_USER_ID: &str = "4513127682994021";

/// Jane as `accountUsers.get` returns her: her account, a primary email, the account admin role, and the
/// SCIM `schemas` and `meta` this spec does not describe.
pub const JANE: &str = r#"{
  "id": "4513127682994021",
  "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
  "userName": "jane.doe@example.com",
  "displayName": "Jane Doe",
  "active": true,
  "name": {"givenName": "Jane", "familyName": "Doe"},
  "emails": [{"value": "jane.doe@example.com", "type": "work", "primary": true}],
  "roles": [{"value": "account_admin", "type": "direct"}],
  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
  "meta": {"created": "2024-03-11T09:12:44.000Z"}
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "accountUsers.create",
        method: "POST",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/Users",
        query: &[],
        body: Some(
            r#"{
              "userName": "john.smith@example.com",
              "displayName": "John Smith",
              "name": {"givenName": "John", "familyName": "Smith"}
            }"#,
        ),
        response: r#"{
          "id": "7702958113460837",
          "account_id": "0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60",
          "userName": "john.smith@example.com",
          "displayName": "John Smith",
          "active": true,
          "name": {"givenName": "John", "familyName": "Smith"},
          "emails": [{"value": "john.smith@example.com", "type": "work", "primary": true}]
        }"#,
        cli: &[
            "account",
            "users",
            "create",
            "--user-name",
            "john.smith@example.com",
            "--display-name",
            "John Smith",
            "--json",
            r#"{"name": {"givenName": "John", "familyName": "Smith"}}"#,
        ],
    },
    Case {
        operation: "accountUsers.delete",
        method: "DELETE",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/Users/4513127682994021",
        query: &[],
        body: None,
        // SCIM answers 204 with no body, which the client reads as `{}`.
        response: EMPTY,
        cli: &["account", "users", "delete", ACCOUNT_USER_ID],
    },
    Case {
        operation: "accountUsers.get",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/Users/4513127682994021",
        query: &[("attributes", "id,userName,displayName,name,emails,roles,active")],
        body: None,
        response: JANE,
        cli: &[
            "account",
            "users",
            "get",
            ACCOUNT_USER_ID,
            "--attributes",
            "id,userName,displayName,name,emails,roles,active",
        ],
    },
    Case {
        operation: "accountUsers.list",
        method: "GET",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/Users",
        query: &[
            ("count", "2"),
            ("excludedAttributes", "roles"),
            ("filter", "userName sw \"j\""),
            ("sortBy", "userName"),
            ("sortOrder", "descending"),
            ("startIndex", "1"),
        ],
        body: None,
        // The first page of five; the second user carries a field this spec does not know.
        response: r#"{
          "totalResults": 5,
          "itemsPerPage": 2,
          "startIndex": 1,
          "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
          "Resources": [
            {
              "id": "7702958113460837",
              "userName": "john.smith@example.com",
              "displayName": "John Smith",
              "active": true
            },
            {
              "id": "4513127682994021",
              "userName": "jane.doe@example.com",
              "displayName": "Jane Doe",
              "active": false,
              "future_field": {"nested": [1, 2]}
            }
          ]
        }"#,
        cli: &[
            "account",
            "users",
            "list",
            "--count",
            "2",
            "--excluded-attributes",
            "roles",
            "--filter",
            "userName sw \"j\"",
            "--sort-by",
            "userName",
            "--sort-order",
            "descending",
            "--start-index",
            "1",
        ],
    },
    Case {
        operation: "accountUsers.patch",
        method: "PATCH",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/Users/4513127682994021",
        query: &[],
        body: Some(
            r#"{
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations": [
                {"op": "add", "path": "roles", "value": [{"value": "account_admin"}]},
                {"op": "replace", "path": "active", "value": true}
              ]
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "account",
            "users",
            "patch",
            ACCOUNT_USER_ID,
            "--json",
            r#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"op": "add", "path": "roles", "value": [{"value": "account_admin"}]}, {"op": "replace", "path": "active", "value": true}]}"#,
        ],
    },
    Case {
        operation: "accountUsers.update",
        method: "PUT",
        path: "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/scim/v2/Users/4513127682994021",
        query: &[],
        body: Some(
            r#"{
              "userName": "jane.doe@example.com",
              "displayName": "Jane Doe-Martin",
              "active": true,
              "name": {"givenName": "Jane", "familyName": "Doe-Martin"},
              "roles": []
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "account",
            "users",
            "update",
            ACCOUNT_USER_ID,
            "--user-name",
            "jane.doe@example.com",
            "--display-name",
            "Jane Doe-Martin",
            "--active",
            "--json",
            r#"{"name": {"givenName": "Jane", "familyName": "Doe-Martin"}, "roles": []}"#,
        ],
    },
];
