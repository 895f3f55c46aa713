//! Cluster policies (`/api/2.0/policies/clusters`).
//!
//! A policy's `definition` is a JSON document sent as a JSON *string*: the bodies below hold it escaped,
//! and `dbr` takes it as one plain argument.

use super::{Case, EMPTY};

/// The policy every cluster-policies case is about.
pub const POLICY_ID: &str = "ABC123DEF4567890";

/// The definition `clusterPolicies.create` sends, as the `dbr` argument (the body holds it escaped).
pub const POLICY_DEFINITION: &str = r#"{"spark_version": {"type": "fixed", "value": "14.3.x-scala2.12"}, "autotermination_minutes": {"type": "range", "maxValue": 120, "defaultValue": 60}, "custom_tags.team": {"type": "fixed", "value": "data-eng"}}"#;

/// The definition `clusterPolicies.edit` sends: the same rules with a wider node type allowlist.
pub const EDITED_POLICY_DEFINITION: &str = r#"{"spark_version": {"type": "fixed", "value": "14.3.x-scala2.12"}, "node_type_id": {"type": "allowlist", "values": ["i3.xlarge", "i3.2xlarge"], "defaultValue": "i3.xlarge"}}"#;

/// The permissions on the cluster-policy the permission cases are about: admins inherit `CAN_MANAGE`, Jane holds
/// `CAN_MANAGE`, a level this spec does not list, with a field it does not know either.
pub const PERMISSIONS: &str = r#"{
  "object_id": "/cluster-policies/ABC123DEF4567890",
  "object_type": "cluster-policy",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/cluster-policies/"]}]
    },
    {
      "user_name": "jane.doe@example.com",
      "display_name": "Jane Doe",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": false}],
      "future_field": {"nested": [1, 2]}
    },
    {
      "group_name": "data-engineers",
      "all_permissions": [{"permission_level": "CAN_USE", "inherited": false}]
    },
    {
      "service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
      "display_name": "nightly-etl",
      "all_permissions": [{"permission_level": "CAN_USE", "inherited": false}]
    }
  ]
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "clusterPolicies.create",
        method: "POST",
        path: "/api/2.0/policies/clusters/create",
        query: &[],
        body: Some(
            r#"{
              "name": "data-eng-small",
              "definition": "{\"spark_version\": {\"type\": \"fixed\", \"value\": \"14.3.x-scala2.12\"}, \"autotermination_minutes\": {\"type\": \"range\", \"maxValue\": 120, \"defaultValue\": 60}, \"custom_tags.team\": {\"type\": \"fixed\", \"value\": \"data-eng\"}}",
              "description": "Small auto-terminating clusters for the data engineering team.",
              "max_clusters_per_user": 2,
              "libraries": [
                {"pypi": {"package": "simplejson==3.8.0"}},
                {"maven": {"coordinates": "org.jsoup:jsoup:1.7.2", "exclusions": ["slf4j:slf4j"]}}
              ]
            }"#,
        ),
        response: r#"{"policy_id": "ABC123DEF4567890"}"#,
        cli: &[
            "cluster-policies",
            "create",
            "--name",
            "data-eng-small",
            "--definition",
            POLICY_DEFINITION,
            "--description",
            "Small auto-terminating clusters for the data engineering team.",
            "--max-clusters-per-user",
            "2",
            "--json",
            r#"{"libraries": [
                {"pypi": {"package": "simplejson==3.8.0"}},
                {"maven": {"coordinates": "org.jsoup:jsoup:1.7.2", "exclusions": ["slf4j:slf4j"]}}
              ]}"#,
        ],
    },
    Case {
        operation: "clusterPolicies.delete",
        method: "POST",
        path: "/api/2.0/policies/clusters/delete",
        query: &[],
        body: Some(r#"{"policy_id": "ABC123DEF4567890"}"#),
        response: EMPTY,
        cli: &["cluster-policies", "delete", POLICY_ID],
    },
    Case {
        operation: "clusterPolicies.edit",
        method: "POST",
        path: "/api/2.0/policies/clusters/edit",
        query: &[],
        body: Some(
            r#"{
              "policy_id": "ABC123DEF4567890",
              "name": "data-eng-small",
              "definition": "{\"spark_version\": {\"type\": \"fixed\", \"value\": \"14.3.x-scala2.12\"}, \"node_type_id\": {\"type\": \"allowlist\", \"values\": [\"i3.xlarge\", \"i3.2xlarge\"], \"defaultValue\": \"i3.xlarge\"}}",
              "max_clusters_per_user": 4
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "cluster-policies",
            "edit",
            POLICY_ID,
            "--name",
            "data-eng-small",
            "--definition",
            EDITED_POLICY_DEFINITION,
            "--max-clusters-per-user",
            "4",
        ],
    },
    Case {
        operation: "clusterPolicies.get",
        method: "GET",
        path: "/api/2.0/policies/clusters/get",
        query: &[("policy_id", POLICY_ID)],
        body: None,
        response: r#"{
          "policy_id": "ABC123DEF4567890",
          "name": "data-eng-small",
          "definition": "{\"spark_version\": {\"type\": \"fixed\", \"value\": \"14.3.x-scala2.12\"}, \"autotermination_minutes\": {\"type\": \"range\", \"maxValue\": 120, \"defaultValue\": 60}, \"custom_tags.team\": {\"type\": \"fixed\", \"value\": \"data-eng\"}}",
          "description": "Small auto-terminating clusters for the data engineering team.",
          "creator_user_name": "jane.doe@example.com",
          "created_at_timestamp": 1705311017421,
          "max_clusters_per_user": 2,
          "is_default": false,
          "libraries": [
            {"pypi": {"package": "simplejson==3.8.0"}},
            {"maven": {"coordinates": "org.jsoup:jsoup:1.7.2", "exclusions": ["slf4j:slf4j"]}},
            {"whl": "/Volumes/main/default/libs/etl_udfs-1.2.0-py3-none-any.whl"}
          ],
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["cluster-policies", "get", POLICY_ID],
    },
    Case {
        operation: "clusterPolicies.list",
        method: "GET",
        path: "/api/2.0/policies/clusters/list",
        query: &[("sort_column", "POLICY_NAME"), ("sort_order", "ASC")],
        body: None,
        response: r#"{
          "policies": [
            {
              "policy_id": "ABC123DEF4567890",
              "name": "data-eng-small",
              "definition": "{\"spark_version\": {\"type\": \"fixed\", \"value\": \"14.3.x-scala2.12\"}}",
              "creator_user_name": "jane.doe@example.com",
              "created_at_timestamp": 1705311017421,
              "max_clusters_per_user": 2,
              "is_default": false
            },
            {
              "policy_id": "9C6308F703005DF2",
              "name": "Personal Compute",
              "definition": "{\"node_type_id\": {\"type\": \"allowlist\", \"values\": [\"i3.xlarge\"]}, \"num_workers\": {\"type\": \"fixed\", \"value\": 0, \"hidden\": true}}",
              "description": "Use with small-to-medium data or libraries like pandas and scikit-learn.",
              "created_at_timestamp": 1672531200000,
              "is_default": true,
              "max_clusters_per_user": 1,
              "policy_family_id": "personal-vm",
              "policy_family_definition_overrides": "{\"autotermination_minutes\": {\"type\": \"fixed\", \"value\": 30}}",
              "policy_family_version": 4
            }
          ],
          "total_count": 2
        }"#,
        cli: &[
            "cluster-policies",
            "list",
            "--sort-column",
            "POLICY_NAME",
            "--sort-order",
            "ASC",
        ],
    },
    Case {
        operation: "clusterPolicies.getPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/cluster-policies/ABC123DEF4567890/permissionLevels",
        query: &[],
        body: None,
        response: r#"{
          "permission_levels": [
            {"permission_level": "CAN_USE", "description": "Can use the cluster policy"}
          ]
        }"#,
        cli: &["cluster-policies", "get-permission-levels", POLICY_ID],
    },
    Case {
        operation: "clusterPolicies.getPermissions",
        method: "GET",
        path: "/api/2.0/permissions/cluster-policies/ABC123DEF4567890",
        query: &[],
        body: None,
        response: PERMISSIONS,
        cli: &["cluster-policies", "get-permissions", POLICY_ID],
    },
    Case {
        operation: "clusterPolicies.setPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/cluster-policies/ABC123DEF4567890",
        query: &[],
        body: Some(
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_USE"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_USE"}
            ]}"#,
        ),
        response: PERMISSIONS,
        cli: &[
            "cluster-policies",
            "set-permissions",
            POLICY_ID,
            "--json",
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_USE"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_USE"}
            ]}"#,
        ],
    },
    Case {
        operation: "clusterPolicies.updatePermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/cluster-policies/ABC123DEF4567890",
        query: &[],
        body: Some(
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_USE"}]}"#,
        ),
        response: r#"{
  "object_id": "/cluster-policies/ABC123DEF4567890",
  "object_type": "cluster-policy",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/cluster-policies/"]}]
    },
    {
      "user_name": "john.smith@example.com",
      "display_name": "John Smith",
      "all_permissions": [{"permission_level": "CAN_USE", "inherited": false}]
    }
  ]
}"#,
        cli: &[
            "cluster-policies",
            "update-permissions",
            POLICY_ID,
            "--json",
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_USE"}]}"#,
        ],
    },
];
