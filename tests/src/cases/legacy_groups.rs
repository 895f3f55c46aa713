//! Legacy groups (`/api/2.0/groups`): the name-based Groups API 2.0 that SCIM Groups replaced.

use super::{Case, EMPTY};

/// The group the legacy groups cases are about.
pub const GROUP_NAME: &str = "data-engineers";

pub const CASES: &[Case] = &[
    Case {
        operation: "legacyGroups.addMember",
        method: "POST",
        path: "/api/2.0/groups/add-member",
        query: &[],
        body: Some(r#"{"user_name": "jane.doe@example.com", "parent_name": "data-engineers"}"#),
        response: EMPTY,
        cli: &[
            "legacy-groups",
            "add-member",
            GROUP_NAME,
            "--user-name",
            "jane.doe@example.com",
        ],
    },
    Case {
        operation: "legacyGroups.create",
        method: "POST",
        path: "/api/2.0/groups/create",
        query: &[],
        body: Some(r#"{"group_name": "data-engineers"}"#),
        response: r#"{"group_name": "data-engineers"}"#,
        cli: &["legacy-groups", "create", GROUP_NAME],
    },
    Case {
        operation: "legacyGroups.delete",
        method: "POST",
        path: "/api/2.0/groups/delete",
        query: &[],
        body: Some(r#"{"group_name": "data-engineers"}"#),
        response: EMPTY,
        cli: &["legacy-groups", "delete", GROUP_NAME],
    },
    Case {
        operation: "legacyGroups.list",
        method: "GET",
        path: "/api/2.0/groups/list",
        query: &[],
        body: None,
        response: r#"{"group_names": ["admins", "users", "data-engineers", "ml-engineers"]}"#,
        cli: &["legacy-groups", "list"],
    },
    Case {
        operation: "legacyGroups.listMembers",
        method: "GET",
        path: "/api/2.0/groups/list-members",
        query: &[("group_name", "data-engineers")],
        body: None,
        // Two users and a nested group; the last member is a kind of principal this spec does not know.
        response: r#"{
          "members": [
            {"user_name": "jane.doe@example.com"},
            {"user_name": "john.smith@example.com"},
            {"group_name": "ml-engineers"},
            {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410"}
          ]
        }"#,
        cli: &["legacy-groups", "list-members", GROUP_NAME],
    },
    Case {
        operation: "legacyGroups.listParents",
        method: "GET",
        path: "/api/2.0/groups/list-parents",
        query: &[("user_name", "jane.doe@example.com")],
        body: None,
        response: r#"{"group_names": ["users", "data-engineers"], "future_field": {"nested": [1, 2]}}"#,
        cli: &["legacy-groups", "list-parents", "--user-name", "jane.doe@example.com"],
    },
    Case {
        operation: "legacyGroups.removeMember",
        method: "POST",
        path: "/api/2.0/groups/remove-member",
        query: &[],
        body: Some(r#"{"group_name": "ml-engineers", "parent_name": "data-engineers"}"#),
        response: EMPTY,
        cli: &[
            "legacy-groups",
            "remove-member",
            GROUP_NAME,
            "--group-name",
            "ml-engineers",
        ],
    },
];
