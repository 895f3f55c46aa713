//! Users (`/api/2.0/preview/scim/v2/Users` and `/api/2.0/permissions/authorization/passwords`): the
//! workspace's users through SCIM 2.0, with camelCase wire names, and who may sign in with a password.

use super::{Case, EMPTY};

/// The user the user cases are about.
pub const USER_ID: &str = "6340712365443129";

/// Jane as `users.get` returns her: SCIM schemas, a primary email, entitlements, and her groups with their
/// `$ref` locations.
pub const JANE: &str = r#"{
  "id": "6340712365443129",
  "userName": "jane.doe@example.com",
  "displayName": "Jane Doe",
  "active": true,
  "name": {"givenName": "Jane", "familyName": "Doe"},
  "emails": [{"value": "jane.doe@example.com", "type": "work", "primary": true}],
  "entitlements": [{"value": "allow-cluster-create"}, {"value": "databricks-sql-access"}],
  "groups": [
    {"display": "data-engineers", "type": "direct", "value": "7820185474398402", "$ref": "Groups/7820185474398402"},
    {"display": "users", "type": "direct", "value": "1124589374612308", "$ref": "Groups/1124589374612308"}
  ],
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:User",
    "urn:ietf:params:scim:schemas:extension:workspace:2.0:User"
  ]
}"#;

/// The permissions on password sign-in after granting `CAN_USE` to a group. The admins group holds
/// `CAN_MANAGE`, a level this spec does not list.
pub const PASSWORD_PERMISSIONS: &str = r#"{
  "object_id": "/authorization/passwords",
  "object_type": "passwords",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": false}]
    },
    {
      "group_name": "break-glass",
      "all_permissions": [{"permission_level": "CAN_USE", "inherited": false}],
      "future_field": {"nested": [1, 2]}
    }
  ]
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "users.create",
        method: "POST",
        path: "/api/2.0/preview/scim/v2/Users",
        query: &[],
        body: Some(
            r#"{
              "userName": "john.smith@example.com",
              "displayName": "John Smith",
              "entitlements": [{"value": "workspace-access"}],
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"]
            }"#,
        ),
        response: r#"{
          "id": "8254136987201547",
          "userName": "john.smith@example.com",
          "displayName": "John Smith",
          "active": true,
          "emails": [{"value": "john.smith@example.com", "type": "work", "primary": true}],
          "entitlements": [{"value": "workspace-access"}],
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"]
        }"#,
        cli: &[
            "users",
            "create",
            "--user-name",
            "john.smith@example.com",
            "--display-name",
            "John Smith",
            "--json",
            r#"{"entitlements": [{"value": "workspace-access"}], "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"]}"#,
        ],
    },
    Case {
        operation: "users.delete",
        method: "DELETE",
        path: "/api/2.0/preview/scim/v2/Users/6340712365443129",
        query: &[],
        body: None,
        // SCIM answers 204 with no body, which the client reads as `{}`.
        response: EMPTY,
        cli: &["users", "delete", USER_ID],
    },
    Case {
        operation: "users.get",
        method: "GET",
        path: "/api/2.0/preview/scim/v2/Users/6340712365443129",
        query: &[("excludedAttributes", "roles")],
        body: None,
        response: JANE,
        cli: &["users", "get", USER_ID, "--excluded-attributes", "roles"],
    },
    Case {
        operation: "users.getPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/authorization/passwords/permissionLevels",
        query: &[],
        body: None,
        response: r#"{
          "permission_levels": [
            {"permission_level": "CAN_USE", "description": "Can use password sign-in"}
          ]
        }"#,
        cli: &["users", "get-permission-levels"],
    },
    Case {
        operation: "users.getPermissions",
        method: "GET",
        path: "/api/2.0/permissions/authorization/passwords",
        query: &[],
        body: None,
        response: PASSWORD_PERMISSIONS,
        cli: &["users", "get-permissions"],
    },
    Case {
        operation: "users.list",
        method: "GET",
        path: "/api/2.0/preview/scim/v2/Users",
        query: &[
            ("attributes", "id,userName,displayName,active"),
            ("count", "2"),
            ("filter", "userName sw \"j\""),
            ("sortBy", "userName"),
            ("sortOrder", "ascending"),
            ("startIndex", "1"),
        ],
        body: None,
        // The first page of three: one user follows an enterprise extension schema this spec does not
        // list, and carries a field it does not know.
        response: r#"{
          "totalResults": 3,
          "itemsPerPage": 2,
          "startIndex": 1,
          "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
          "Resources": [
            {
              "id": "6340712365443129",
              "userName": "jane.doe@example.com",
              "displayName": "Jane Doe",
              "active": true
            },
            {
              "id": "8254136987201547",
              "userName": "john.smith@example.com",
              "displayName": "John Smith",
              "active": false,
              "schemas": ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
              "future_field": {"nested": [1, 2]}
            }
          ]
        }"#,
        cli: &[
            "users",
            "list",
            "--attributes",
            "id,userName,displayName,active",
            "--count",
            "2",
            "--filter",
            "userName sw \"j\"",
            "--sort-by",
            "userName",
            "--sort-order",
            "ascending",
            "--start-index",
            "1",
        ],
    },
    Case {
        operation: "users.patch",
        method: "PATCH",
        path: "/api/2.0/preview/scim/v2/Users/6340712365443129",
        query: &[],
        body: Some(
            r#"{
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations": [
                {"op": "add", "path": "entitlements", "value": [{"value": "databricks-sql-access"}]},
                {"op": "remove", "path": "entitlements[value eq \"allow-cluster-create\"]"},
                {"op": "replace", "path": "active", "value": false}
              ]
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "users",
            "patch",
            USER_ID,
            "--json",
            r#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"op": "add", "path": "entitlements", "value": [{"value": "databricks-sql-access"}]}, {"op": "remove", "path": "entitlements[value eq \"allow-cluster-create\"]"}, {"op": "replace", "path": "active", "value": false}]}"#,
        ],
    },
    Case {
        operation: "users.setPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/authorization/passwords",
        query: &[],
        body: Some(
            r#"{
              "access_control_list": [
                {"group_name": "break-glass", "permission_level": "CAN_USE"}
              ]
            }"#,
        ),
        response: PASSWORD_PERMISSIONS,
        cli: &[
            "users",
            "set-permissions",
            "--json",
            r#"{"access_control_list": [{"group_name": "break-glass", "permission_level": "CAN_USE"}]}"#,
        ],
    },
    Case {
        operation: "users.update",
        method: "PUT",
        path: "/api/2.0/preview/scim/v2/Users/6340712365443129",
        query: &[],
        body: Some(
            r#"{
              "userName": "jane.doe@example.com",
              "displayName": "Jane Doe-Martin",
              "active": true,
              "name": {"givenName": "Jane", "familyName": "Doe-Martin"},
              "entitlements": [{"value": "allow-cluster-create"}],
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"]
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "users",
            "update",
            USER_ID,
            "--user-name",
            "jane.doe@example.com",
            "--display-name",
            "Jane Doe-Martin",
            "--active",
            "--json",
            r#"{"name": {"givenName": "Jane", "familyName": "Doe-Martin"}, "entitlements": [{"value": "allow-cluster-create"}], "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"]}"#,
        ],
    },
    Case {
        operation: "users.updatePermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/authorization/passwords",
        query: &[],
        body: Some(
            r#"{
              "access_control_list": [
                {"user_name": "jane.doe@example.com", "permission_level": "CAN_USE"}
              ]
            }"#,
        ),
        response: r#"{
          "object_id": "/authorization/passwords",
          "object_type": "passwords",
          "access_control_list": [
            {
              "group_name": "admins",
              "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": false}]
            },
            {
              "user_name": "jane.doe@example.com",
              "display_name": "Jane Doe",
              "all_permissions": [{"permission_level": "CAN_USE", "inherited": false}]
            }
          ]
        }"#,
        cli: &[
            "users",
            "update-permissions",
            "--json",
            r#"{"access_control_list": [{"user_name": "jane.doe@example.com", "permission_level": "CAN_USE"}]}"#,
        ],
    },
];
