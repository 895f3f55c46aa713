//! Instance profiles (`/api/2.0/instance-profiles`).

use super::{Case, EMPTY};

/// The instance profile every instance-profiles case is about.
pub const INSTANCE_PROFILE_ARN: &str = "arn:aws:iam::123456789012:instance-profile/databricks-s3-access";

/// The IAM role behind it, whose name differs from the profile's.
pub const IAM_ROLE_ARN: &str = "arn:aws:iam::123456789012:role/databricks-s3-access-role";

pub const CASES: &[Case] = &[
    Case {
        operation: "instanceProfiles.add",
        method: "POST",
        path: "/api/2.0/instance-profiles/add",
        query: &[],
        body: Some(
            r#"{
              "instance_profile_arn": "arn:aws:iam::123456789012:instance-profile/databricks-s3-access",
              "iam_role_arn": "arn:aws:iam::123456789012:role/databricks-s3-access-role",
              "skip_validation": true
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "instance-profiles",
            "add",
            INSTANCE_PROFILE_ARN,
            "--iam-role-arn",
            IAM_ROLE_ARN,
            "--skip-validation",
        ],
    },
    Case {
        operation: "instanceProfiles.edit",
        method: "POST",
        path: "/api/2.0/instance-profiles/edit",
        query: &[],
        body: Some(
            r#"{
              "instance_profile_arn": "arn:aws:iam::123456789012:instance-profile/databricks-s3-access",
              "iam_role_arn": "arn:aws:iam::123456789012:role/databricks-s3-access-role",
              "is_meta_instance_profile": false
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "instance-profiles",
            "edit",
            INSTANCE_PROFILE_ARN,
            "--iam-role-arn",
            IAM_ROLE_ARN,
            "--is-meta-instance-profile=false",
        ],
    },
    Case {
        operation: "instanceProfiles.list",
        method: "GET",
        path: "/api/2.0/instance-profiles/list",
        query: &[],
        body: None,
        response: r#"{
          "instance_profiles": [
            {
              "instance_profile_arn": "arn:aws:iam::123456789012:instance-profile/databricks-s3-access",
              "iam_role_arn": "arn:aws:iam::123456789012:role/databricks-s3-access-role",
              "is_meta_instance_profile": false
            },
            {
              "instance_profile_arn": "arn:aws:iam::123456789012:instance-profile/passthrough-meta",
              "is_meta_instance_profile": true,
              "future_field": {"nested": [1, 2]}
            }
          ],
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["instance-profiles", "list"],
    },
    Case {
        operation: "instanceProfiles.remove",
        method: "POST",
        path: "/api/2.0/instance-profiles/remove",
        query: &[],
        body: Some(r#"{"instance_profile_arn": "arn:aws:iam::123456789012:instance-profile/passthrough-meta"}"#),
        response: EMPTY,
        cli: &[
            "instance-profiles",
            "remove",
            "arn:aws:iam::123456789012:instance-profile/passthrough-meta",
        ],
    },
];
