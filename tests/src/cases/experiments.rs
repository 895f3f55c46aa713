//! MLflow experiments: for now only the permission operations (`/api/2.0/permissions/experiments`).

use super::Case;

/// The experiment every experiments case is about.
pub const EXPERIMENT_ID: &str = "3947185432905812";

/// The permissions on the mlflowExperiment the permission cases are about: admins inherit `CAN_MANAGE`, Jane holds
/// `CAN_RUN`, a level this spec does not list, with a field it does not know either.
pub const PERMISSIONS: &str = r#"{
  "object_id": "/experiments/3947185432905812",
  "object_type": "mlflowExperiment",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/directories/4108364197239567"]}]
    },
    {
      "user_name": "jane.doe@example.com",
      "display_name": "Jane Doe",
      "all_permissions": [{"permission_level": "CAN_RUN", "inherited": false}],
      "future_field": {"nested": [1, 2]}
    },
    {
      "group_name": "data-engineers",
      "all_permissions": [{"permission_level": "CAN_READ", "inherited": false}]
    },
    {
      "service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
      "display_name": "nightly-etl",
      "all_permissions": [{"permission_level": "CAN_READ", "inherited": false}]
    }
  ]
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "experiments.getPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/experiments/3947185432905812/permissionLevels",
        query: &[],
        body: None,
        response: r#"{
          "permission_levels": [
            {"permission_level": "CAN_READ", "description": "Can read the experiment"},
            {"permission_level": "CAN_EDIT", "description": "Can edit the experiment"},
            {"permission_level": "CAN_MANAGE", "description": "Can manage the experiment"}
          ]
        }"#,
        cli: &["experiments", "get-permission-levels", EXPERIMENT_ID],
    },
    Case {
        operation: "experiments.getPermissions",
        method: "GET",
        path: "/api/2.0/permissions/experiments/3947185432905812",
        query: &[],
        body: None,
        response: PERMISSIONS,
        cli: &["experiments", "get-permissions", EXPERIMENT_ID],
    },
    Case {
        operation: "experiments.setPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/experiments/3947185432905812",
        query: &[],
        body: Some(
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_READ"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_READ"}
            ]}"#,
        ),
        response: PERMISSIONS,
        cli: &[
            "experiments",
            "set-permissions",
            EXPERIMENT_ID,
            "--json",
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_READ"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_READ"}
            ]}"#,
        ],
    },
    Case {
        operation: "experiments.updatePermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/experiments/3947185432905812",
        query: &[],
        body: Some(
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_EDIT"}]}"#,
        ),
        response: r#"{
  "object_id": "/experiments/3947185432905812",
  "object_type": "mlflowExperiment",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/directories/4108364197239567"]}]
    },
    {
      "user_name": "john.smith@example.com",
      "display_name": "John Smith",
      "all_permissions": [{"permission_level": "CAN_EDIT", "inherited": false}]
    }
  ]
}"#,
        cli: &[
            "experiments",
            "update-permissions",
            EXPERIMENT_ID,
            "--json",
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_EDIT"}]}"#,
        ],
    },
];
