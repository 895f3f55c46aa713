//! Generic permissions (`/api/2.0/permissions/{request_object_type}/{request_object_id}`), shown on a job.

use super::Case;

/// The job the generic permission cases are about.
pub const JOB_ID: &str = "718347162309045";

/// The permissions on the job the permission cases are about: admins inherit `CAN_MANAGE`, Jane holds
/// `CAN_TRIGGER`, a level this spec does not list, with a field it does not know either.
pub const PERMISSIONS: &str = r#"{
  "object_id": "/jobs/718347162309045",
  "object_type": "job",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/jobs/"]}]
    },
    {
      "user_name": "jane.doe@example.com",
      "display_name": "Jane Doe",
      "all_permissions": [{"permission_level": "CAN_TRIGGER", "inherited": false}],
      "future_field": {"nested": [1, 2]}
    },
    {
      "group_name": "data-engineers",
      "all_permissions": [{"permission_level": "CAN_VIEW", "inherited": false}]
    },
    {
      "service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
      "display_name": "nightly-etl",
      "all_permissions": [{"permission_level": "CAN_VIEW", "inherited": false}]
    }
  ]
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "permissions.getPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/jobs/718347162309045/permissionLevels",
        query: &[],
        body: None,
        response: r#"{
          "permission_levels": [
            {"permission_level": "CAN_VIEW", "description": "Can view the job"},
            {"permission_level": "CAN_MANAGE_RUN", "description": "Can manage runs of the job"},
            {"permission_level": "IS_OWNER", "description": "Is the owner of the job"},
            {"permission_level": "CAN_MANAGE", "description": "Can manage the job"}
          ]
        }"#,
        cli: &["permissions", "get-permission-levels", "jobs", JOB_ID],
    },
    Case {
        operation: "permissions.get",
        method: "GET",
        path: "/api/2.0/permissions/jobs/718347162309045",
        query: &[],
        body: None,
        response: PERMISSIONS,
        cli: &["permissions", "get", "jobs", JOB_ID],
    },
    Case {
        operation: "permissions.set",
        method: "PUT",
        path: "/api/2.0/permissions/jobs/718347162309045",
        query: &[],
        body: Some(
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_VIEW"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_VIEW"}
            ]}"#,
        ),
        response: PERMISSIONS,
        cli: &[
            "permissions",
            "set",
            "jobs",
            JOB_ID,
            "--json",
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_VIEW"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_VIEW"}
            ]}"#,
        ],
    },
    Case {
        operation: "permissions.update",
        method: "PATCH",
        path: "/api/2.0/permissions/jobs/718347162309045",
        query: &[],
        body: Some(
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_MANAGE_RUN"}]}"#,
        ),
        response: r#"{
  "object_id": "/jobs/718347162309045",
  "object_type": "job",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/jobs/"]}]
    },
    {
      "user_name": "john.smith@example.com",
      "display_name": "John Smith",
      "all_permissions": [{"permission_level": "CAN_MANAGE_RUN", "inherited": false}]
    }
  ]
}"#,
        cli: &[
            "permissions",
            "update",
            "jobs",
            JOB_ID,
            "--json",
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_MANAGE_RUN"}]}"#,
        ],
    },
];
