//! Account access control (`/api/2.0/preview/accounts/{account_id}/access-control`): rule sets granting
//! roles on account objects, guarded by etags; run as `dbr account access-control ...`.

use super::Case;

/// The rule set of the data engineers account group.
pub const GROUP_RULE_SET: &str =
    "accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/groups/1037448156893214/ruleSets/default";

/// The version of [`GROUP_RULE_SET`] the cases read and update.
pub const RULE_SET_ETAG: &str = "RENUAAABhSweA4NvVmmUYdiU717H3Tgy0UJdor3gE4a+mq/oj9NjAf8ZsQ==";

pub const CASES: &[Case] = &[
    Case {
        operation: "accountAccessControl.getAssignableRolesForResource",
        method: "GET",
        path: "/api/2.0/preview/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/access-control/assignable-roles",
        query: &[(
            "resource",
            "accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/groups/1037448156893214",
        )],
        body: None,
        response: r#"{
          "roles": [
            {"name": "roles/group.manager"},
            {"name": "roles/group.reader", "future_field": {"nested": [1, 2]}}
          ]
        }"#,
        cli: &[
            "account",
            "access-control",
            "get-assignable-roles-for-resource",
            "accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/groups/1037448156893214",
        ],
    },
    Case {
        operation: "accountAccessControl.getRuleSet",
        method: "GET",
        path: "/api/2.0/preview/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/access-control/rule-sets",
        query: &[("name", GROUP_RULE_SET), ("etag", "")],
        body: None,
        response: r#"{
          "name": "accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/groups/1037448156893214/ruleSets/default",
          "etag": "RENUAAABhSweA4NvVmmUYdiU717H3Tgy0UJdor3gE4a+mq/oj9NjAf8ZsQ==",
          "grant_rules": [
            {"role": "roles/group.manager", "principals": ["users/jane.doe@example.com"]}
          ],
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["account", "access-control", "get-rule-set", GROUP_RULE_SET, ""],
    },
    Case {
        operation: "accountAccessControl.updateRuleSet",
        method: "PUT",
        path: "/api/2.0/preview/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/access-control/rule-sets",
        query: &[],
        body: Some(
            r#"{
              "name": "accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/groups/1037448156893214/ruleSets/default",
              "rule_set": {
                "name": "accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/groups/1037448156893214/ruleSets/default",
                "etag": "RENUAAABhSweA4NvVmmUYdiU717H3Tgy0UJdor3gE4a+mq/oj9NjAf8ZsQ==",
                "grant_rules": [
                  {"role": "roles/group.manager", "principals": ["users/jane.doe@example.com", "groups/data-platform-admins"]}
                ]
              }
            }"#,
        ),
        response: r#"{
          "name": "accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/groups/1037448156893214/ruleSets/default",
          "etag": "RENUAAABhSweA4NvVmmUYdiU717H3Tgy0UJdor3gE4a+mq/oj9NjAf8ZsQ==.2",
          "grant_rules": [
            {"role": "roles/group.manager", "principals": ["users/jane.doe@example.com", "groups/data-platform-admins"]}
          ]
        }"#,
        cli: &[
            "account",
            "access-control",
            "update-rule-set",
            GROUP_RULE_SET,
            "--json",
            r#"{"rule_set": {"name": "accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/groups/1037448156893214/ruleSets/default", "etag": "RENUAAABhSweA4NvVmmUYdiU717H3Tgy0UJdor3gE4a+mq/oj9NjAf8ZsQ==", "grant_rules": [{"role": "roles/group.manager", "principals": ["users/jane.doe@example.com", "groups/data-platform-admins"]}]}}"#,
        ],
    },
];
