//! Instance pools (`/api/2.0/instance-pools`).

use super::{Case, EMPTY};

/// The pool every instance-pools case is about.
pub const INSTANCE_POOL_ID: &str = "0101-120000-brick1-pool-ABCD1234";

/// The permissions on the instance-pool the permission cases are about: admins inherit `CAN_MANAGE`, Jane holds
/// `CAN_VIEW`, a level this spec does not list, with a field it does not know either.
pub const PERMISSIONS: &str = r#"{
  "object_id": "/instance-pools/0101-120000-brick1-pool-ABCD1234",
  "object_type": "instance-pool",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/instance-pools/"]}]
    },
    {
      "user_name": "jane.doe@example.com",
      "display_name": "Jane Doe",
      "all_permissions": [{"permission_level": "CAN_VIEW", "inherited": false}],
      "future_field": {"nested": [1, 2]}
    },
    {
      "group_name": "data-engineers",
      "all_permissions": [{"permission_level": "CAN_ATTACH_TO", "inherited": false}]
    },
    {
      "service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410",
      "display_name": "nightly-etl",
      "all_permissions": [{"permission_level": "CAN_ATTACH_TO", "inherited": false}]
    }
  ]
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "instancePools.create",
        method: "POST",
        path: "/api/2.0/instance-pools/create",
        query: &[],
        body: Some(
            r#"{
              "instance_pool_name": "etl-pool-i3",
              "node_type_id": "i3.xlarge",
              "min_idle_instances": 2,
              "max_capacity": 20,
              "idle_instance_autotermination_minutes": 30,
              "enable_elastic_disk": true,
              "aws_attributes": {"availability": "SPOT", "zone_id": "us-west-2a", "spot_bid_price_percent": 100},
              "custom_tags": {"team": "data-eng"},
              "disk_spec": {"disk_type": {"ebs_volume_type": "GENERAL_PURPOSE_SSD"}, "disk_count": 1, "disk_size": 100},
              "preloaded_spark_versions": ["14.3.x-scala2.12"]
            }"#,
        ),
        response: r#"{"instance_pool_id": "0101-120000-brick1-pool-ABCD1234"}"#,
        cli: &[
            "instance-pools",
            "create",
            "etl-pool-i3",
            "i3.xlarge",
            "--min-idle-instances",
            "2",
            "--max-capacity",
            "20",
            "--idle-instance-autotermination-minutes",
            "30",
            "--enable-elastic-disk",
            "--json",
            r#"{"aws_attributes": {"availability": "SPOT", "zone_id": "us-west-2a", "spot_bid_price_percent": 100},
                "custom_tags": {"team": "data-eng"},
                "disk_spec": {"disk_type": {"ebs_volume_type": "GENERAL_PURPOSE_SSD"}, "disk_count": 1, "disk_size": 100},
                "preloaded_spark_versions": ["14.3.x-scala2.12"]}"#,
        ],
    },
    Case {
        operation: "instancePools.delete",
        method: "POST",
        path: "/api/2.0/instance-pools/delete",
        query: &[],
        body: Some(r#"{"instance_pool_id": "0101-120000-brick1-pool-ABCD1234"}"#),
        response: EMPTY,
        cli: &["instance-pools", "delete", INSTANCE_POOL_ID],
    },
    Case {
        operation: "instancePools.edit",
        method: "POST",
        path: "/api/2.0/instance-pools/edit",
        query: &[],
        body: Some(
            r#"{
              "instance_pool_id": "0101-120000-brick1-pool-ABCD1234",
              "instance_pool_name": "etl-pool-i3-large",
              "node_type_id": "i3.xlarge",
              "min_idle_instances": 4,
              "max_capacity": 40,
              "idle_instance_autotermination_minutes": 15,
              "custom_tags": {"team": "data-eng", "cost-center": "cc-1042"}
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "instance-pools",
            "edit",
            INSTANCE_POOL_ID,
            "etl-pool-i3-large",
            "i3.xlarge",
            "--min-idle-instances",
            "4",
            "--max-capacity",
            "40",
            "--idle-instance-autotermination-minutes",
            "15",
            "--json",
            r#"{"custom_tags": {"team": "data-eng", "cost-center": "cc-1042"}}"#,
        ],
    },
    Case {
        operation: "instancePools.get",
        method: "GET",
        path: "/api/2.0/instance-pools/get",
        query: &[("instance_pool_id", INSTANCE_POOL_ID)],
        body: None,
        response: r#"{
          "instance_pool_id": "0101-120000-brick1-pool-ABCD1234",
          "instance_pool_name": "etl-pool-i3",
          "node_type_id": "i3.xlarge",
          "min_idle_instances": 2,
          "max_capacity": 20,
          "idle_instance_autotermination_minutes": 30,
          "enable_elastic_disk": true,
          "aws_attributes": {"availability": "SPOT", "zone_id": "us-west-2a", "spot_bid_price_percent": 100},
          "custom_tags": {"team": "data-eng"},
          "default_tags": {
            "Vendor": "Databricks",
            "InstancePoolCreator": "jane.doe@example.com",
            "InstancePoolName": "etl-pool-i3",
            "InstancePoolId": "0101-120000-brick1-pool-ABCD1234"
          },
          "disk_spec": {"disk_type": {"ebs_volume_type": "GENERAL_PURPOSE_SSD"}, "disk_count": 1, "disk_size": 100},
          "preloaded_spark_versions": ["14.3.x-scala2.12"],
          "state": "ACTIVE",
          "stats": {"used_count": 3, "idle_count": 2, "pending_used_count": 1, "pending_idle_count": 0},
          "status": {
            "pending_instance_errors": [
              {
                "instance_id": "i-0c1d2e3f4a5b6c7d8",
                "message": "InsufficientInstanceCapacity: There is no Spot capacity available that matches your request."
              }
            ]
          },
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["instance-pools", "get", INSTANCE_POOL_ID],
    },
    Case {
        operation: "instancePools.list",
        method: "GET",
        path: "/api/2.0/instance-pools/list",
        query: &[],
        body: None,
        response: r#"{
          "instance_pools": [
            {
              "instance_pool_id": "0101-120000-brick1-pool-ABCD1234",
              "instance_pool_name": "etl-pool-i3",
              "node_type_id": "i3.xlarge",
              "min_idle_instances": 2,
              "max_capacity": 20,
              "idle_instance_autotermination_minutes": 30,
              "aws_attributes": {"availability": "SPOT", "zone_id": "us-west-2a", "spot_bid_price_percent": 100},
              "default_tags": {"Vendor": "Databricks", "InstancePoolId": "0101-120000-brick1-pool-ABCD1234"},
              "state": "ACTIVE",
              "stats": {"used_count": 3, "idle_count": 2, "pending_used_count": 1, "pending_idle_count": 0},
              "status": {}
            },
            {
              "instance_pool_id": "0215-083011-crab22-pool-QX7RTZ19",
              "instance_pool_name": "ml-gpu-pool",
              "node_type_id": "g4dn.xlarge",
              "min_idle_instances": 0,
              "idle_instance_autotermination_minutes": 10,
              "aws_attributes": {"availability": "ON_DEMAND", "zone_id": "auto"},
              "disk_spec": {"disk_type": {"ebs_volume_type": "GENERAL_PURPOSE_SSD_GP3"}, "disk_count": 1, "disk_size": 150, "disk_iops": 3000, "disk_throughput": 125},
              "default_tags": {"Vendor": "Databricks", "InstancePoolId": "0215-083011-crab22-pool-QX7RTZ19"},
              "state": "STOPPING",
              "stats": {"used_count": 0, "idle_count": 0, "pending_used_count": 0, "pending_idle_count": 0},
              "status": {},
              "future_field": {"nested": [1, 2]}
            }
          ],
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["instance-pools", "list"],
    },
    Case {
        operation: "instancePools.getPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/instance-pools/0101-120000-brick1-pool-ABCD1234/permissionLevels",
        query: &[],
        body: None,
        response: r#"{
          "permission_levels": [
            {"permission_level": "CAN_ATTACH_TO", "description": "Can attach clusters to the pool"},
            {"permission_level": "CAN_MANAGE", "description": "Can manage the pool"}
          ]
        }"#,
        cli: &["instance-pools", "get-permission-levels", INSTANCE_POOL_ID],
    },
    Case {
        operation: "instancePools.getPermissions",
        method: "GET",
        path: "/api/2.0/permissions/instance-pools/0101-120000-brick1-pool-ABCD1234",
        query: &[],
        body: None,
        response: PERMISSIONS,
        cli: &["instance-pools", "get-permissions", INSTANCE_POOL_ID],
    },
    Case {
        operation: "instancePools.setPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/instance-pools/0101-120000-brick1-pool-ABCD1234",
        query: &[],
        body: Some(
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_ATTACH_TO"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_ATTACH_TO"}
            ]}"#,
        ),
        response: PERMISSIONS,
        cli: &[
            "instance-pools",
            "set-permissions",
            INSTANCE_POOL_ID,
            "--json",
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_ATTACH_TO"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_ATTACH_TO"}
            ]}"#,
        ],
    },
    Case {
        operation: "instancePools.updatePermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/instance-pools/0101-120000-brick1-pool-ABCD1234",
        query: &[],
        body: Some(
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_MANAGE"}]}"#,
        ),
        response: r#"{
  "object_id": "/instance-pools/0101-120000-brick1-pool-ABCD1234",
  "object_type": "instance-pool",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/instance-pools/"]}]
    },
    {
      "user_name": "john.smith@example.com",
      "display_name": "John Smith",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": false}]
    }
  ]
}"#,
        cli: &[
            "instance-pools",
            "update-permissions",
            INSTANCE_POOL_ID,
            "--json",
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_MANAGE"}]}"#,
        ],
    },
];
