//! Workspace model registry: for now only the permission operations of a registered model
//! (`/api/2.0/permissions/registered-models`).

use super::Case;

/// The registered model every model-registry case is about (its registry id, not its name).
pub const REGISTERED_MODEL_ID: &str = "8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b";

/// The permissions on the registered-model the permission cases are about: admins inherit `CAN_MANAGE`, Jane holds
/// `CAN_MANAGE_ALIASES`, a level this spec does not list, with a field it does not know either.
pub const PERMISSIONS: &str = r#"{
  "object_id": "/registered-models/8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b",
  "object_type": "registered-model",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/registered-models/"]}]
    },
    {
      "user_name": "jane.doe@example.com",
      "display_name": "Jane Doe",
      "all_permissions": [{"permission_level": "CAN_MANAGE_ALIASES", "inherited": false}],
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
        operation: "modelRegistry.getPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/registered-models/8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b/permissionLevels",
        query: &[],
        body: None,
        response: r#"{
          "permission_levels": [
            {"permission_level": "CAN_READ", "description": "Can read the model"},
            {"permission_level": "CAN_EDIT", "description": "Can edit the model"},
            {"permission_level": "CAN_MANAGE_STAGING_VERSIONS", "description": "Can manage staging versions"},
            {"permission_level": "CAN_MANAGE_PRODUCTION_VERSIONS", "description": "Can manage production versions"},
            {"permission_level": "CAN_MANAGE", "description": "Can manage the model"}
          ]
        }"#,
        cli: &["model-registry", "get-permission-levels", REGISTERED_MODEL_ID],
    },
    Case {
        operation: "modelRegistry.getPermissions",
        method: "GET",
        path: "/api/2.0/permissions/registered-models/8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b",
        query: &[],
        body: None,
        response: PERMISSIONS,
        cli: &["model-registry", "get-permissions", REGISTERED_MODEL_ID],
    },
    Case {
        operation: "modelRegistry.setPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/registered-models/8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b",
        query: &[],
        body: Some(
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_READ"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_READ"}
            ]}"#,
        ),
        response: PERMISSIONS,
        cli: &[
            "model-registry",
            "set-permissions",
            REGISTERED_MODEL_ID,
            "--json",
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_READ"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_READ"}
            ]}"#,
        ],
    },
    Case {
        operation: "modelRegistry.updatePermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/registered-models/8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b",
        query: &[],
        body: Some(
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_MANAGE_STAGING_VERSIONS"}]}"#,
        ),
        response: r#"{
  "object_id": "/registered-models/8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b",
  "object_type": "registered-model",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/registered-models/"]}]
    },
    {
      "user_name": "john.smith@example.com",
      "display_name": "John Smith",
      "all_permissions": [{"permission_level": "CAN_MANAGE_STAGING_VERSIONS", "inherited": false}]
    }
  ]
}"#,
        cli: &[
            "model-registry",
            "update-permissions",
            REGISTERED_MODEL_ID,
            "--json",
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_MANAGE_STAGING_VERSIONS"}]}"#,
        ],
    },
];
