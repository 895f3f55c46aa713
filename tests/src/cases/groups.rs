//! Groups (`/api/2.0/preview/scim/v2/Groups`): the workspace's groups through SCIM 2.0, with camelCase
//! wire names and members given by id.

use super::{Case, EMPTY};

/// The group the group cases are about.
pub const GROUP_ID: &str = "7820185474398402";

/// The data engineers group as `groups.get` returns it: a user, a service principal and a nested group as
/// members, an entitlement, workspace-local metadata, and a schema URN this spec does not list.
pub const DATA_ENGINEERS: &str = r#"{
  "id": "7820185474398402",
  "displayName": "data-engineers",
  "members": [
    {"display": "Jane Doe", "value": "6340712365443129", "$ref": "Users/6340712365443129"},
    {"display": "nightly-etl", "value": "4726353946316155", "$ref": "ServicePrincipals/4726353946316155"},
    {"display": "data-engineers-emea", "value": "3398127640015923", "$ref": "Groups/3398127640015923"}
  ],
  "groups": [{"display": "analytics", "type": "direct", "value": "5012384470921876", "$ref": "Groups/5012384470921876"}],
  "entitlements": [{"value": "allow-cluster-create"}],
  "meta": {"resourceType": "WorkspaceGroup"},
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:Group",
    "urn:ietf:params:scim:schemas:extension:workspace:2.0:Group"
  ]
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "groups.create",
        method: "POST",
        path: "/api/2.0/preview/scim/v2/Groups",
        query: &[],
        body: Some(
            r#"{
              "displayName": "data-engineers",
              "members": [{"value": "6340712365443129"}],
              "entitlements": [{"value": "allow-cluster-create"}],
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"]
            }"#,
        ),
        response: r#"{
          "id": "7820185474398402",
          "displayName": "data-engineers",
          "members": [{"display": "Jane Doe", "value": "6340712365443129", "$ref": "Users/6340712365443129"}],
          "entitlements": [{"value": "allow-cluster-create"}],
          "meta": {"resourceType": "WorkspaceGroup"},
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"]
        }"#,
        cli: &[
            "groups",
            "create",
            "--display-name",
            "data-engineers",
            "--json",
            r#"{"members": [{"value": "6340712365443129"}], "entitlements": [{"value": "allow-cluster-create"}], "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"]}"#,
        ],
    },
    Case {
        operation: "groups.delete",
        method: "DELETE",
        path: "/api/2.0/preview/scim/v2/Groups/7820185474398402",
        query: &[],
        body: None,
        response: EMPTY,
        cli: &["groups", "delete", GROUP_ID],
    },
    Case {
        operation: "groups.get",
        method: "GET",
        path: "/api/2.0/preview/scim/v2/Groups/7820185474398402",
        query: &[],
        body: None,
        response: DATA_ENGINEERS,
        cli: &["groups", "get", GROUP_ID],
    },
    Case {
        operation: "groups.list",
        method: "GET",
        path: "/api/2.0/preview/scim/v2/Groups",
        query: &[
            ("count", "100"),
            ("excludedAttributes", "members"),
            ("filter", "displayName co \"data\""),
            ("startIndex", "1"),
        ],
        body: None,
        // Both groups on one page; the account group carries a field this spec does not know.
        response: r#"{
          "totalResults": 2,
          "itemsPerPage": 2,
          "startIndex": 1,
          "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
          "Resources": [
            {
              "id": "7820185474398402",
              "displayName": "data-engineers",
              "entitlements": [{"value": "allow-cluster-create"}],
              "meta": {"resourceType": "WorkspaceGroup"}
            },
            {
              "id": "1562097438810234",
              "displayName": "data-scientists",
              "externalId": "b4c1e7a2-58f3-4d09-9e6b-2f7a0c3d1e58",
              "meta": {"resourceType": "Group"},
              "future_field": {"nested": [1, 2]}
            }
          ]
        }"#,
        cli: &[
            "groups",
            "list",
            "--count",
            "100",
            "--excluded-attributes",
            "members",
            "--filter",
            "displayName co \"data\"",
            "--start-index",
            "1",
        ],
    },
    Case {
        operation: "groups.patch",
        method: "PATCH",
        path: "/api/2.0/preview/scim/v2/Groups/7820185474398402",
        query: &[],
        body: Some(
            r#"{
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations": [
                {"op": "add", "path": "members", "value": [{"value": "8254136987201547"}]},
                {"op": "remove", "path": "members[value eq \"3398127640015923\"]"}
              ]
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "groups",
            "patch",
            GROUP_ID,
            "--json",
            r#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"op": "add", "path": "members", "value": [{"value": "8254136987201547"}]}, {"op": "remove", "path": "members[value eq \"3398127640015923\"]"}]}"#,
        ],
    },
    Case {
        operation: "groups.update",
        method: "PUT",
        path: "/api/2.0/preview/scim/v2/Groups/7820185474398402",
        query: &[],
        body: Some(
            r#"{
              "displayName": "data-engineering",
              "members": [{"value": "6340712365443129"}, {"value": "4726353946316155"}],
              "entitlements": [{"value": "allow-cluster-create"}, {"value": "databricks-sql-access"}],
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"]
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "groups",
            "update",
            GROUP_ID,
            "--display-name",
            "data-engineering",
            "--json",
            r#"{"members": [{"value": "6340712365443129"}, {"value": "4726353946316155"}], "entitlements": [{"value": "allow-cluster-create"}, {"value": "databricks-sql-access"}], "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"]}"#,
        ],
    },
];
