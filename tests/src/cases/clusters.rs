//! Clusters (`/api/2.1/clusters`).

use super::{Case, EMPTY};

/// The cluster every clusters case is about.
pub const CLUSTER_ID: &str = "0115-093017-k8rq3x2w";

/// A full `ClusterDetails` as `clusters.get` returns it, with an unknown state, an unknown top-level field
/// and an unknown field nested in `autoscale`.
pub const CLUSTER_DETAILS: &str = r#"{
  "cluster_id": "0115-093017-k8rq3x2w",
  "creator_user_name": "jane.doe@example.com",
  "driver": {
    "private_ip": "10.0.142.17",
    "public_dns": "",
    "node_id": "9c2e1a7b3f4d4e0a8b6c5d2e1f0a9b8c",
    "instance_id": "i-0a1b2c3d4e5f67890",
    "start_timestamp": 1705311056032,
    "node_aws_attributes": {"is_spot": false},
    "host_private_ip": "10.0.130.17"
  },
  "executors": [
    {
      "private_ip": "10.0.155.201",
      "public_dns": "",
      "node_id": "4b7d0e2c9a1f4c3e8d5b6a7f0e1d2c3b",
      "instance_id": "i-0f9e8d7c6b5a43210",
      "start_timestamp": 1705311056040,
      "node_aws_attributes": {"is_spot": true},
      "host_private_ip": "10.0.131.201"
    },
    {
      "private_ip": "10.0.151.33",
      "public_dns": "",
      "node_id": "7e6d5c4b3a2f41e0d9c8b7a6f5e4d3c2",
      "instance_id": "i-01234abcd5678ef90",
      "start_timestamp": 1705311056044,
      "node_aws_attributes": {"is_spot": true},
      "host_private_ip": "10.0.131.33"
    }
  ],
  "spark_context_id": 5394234943045964788,
  "jdbc_port": 10000,
  "cluster_name": "nightly-etl",
  "spark_version": "13.3.x-scala2.12",
  "spark_conf": {
    "spark.databricks.delta.preview.enabled": "true",
    "spark.sql.shuffle.partitions": "200"
  },
  "aws_attributes": {
    "first_on_demand": 1,
    "availability": "SPOT_WITH_FALLBACK",
    "zone_id": "us-west-2a",
    "spot_bid_price_percent": 100,
    "ebs_volume_count": 0
  },
  "node_type_id": "i3.xlarge",
  "driver_node_type_id": "i3.xlarge",
  "custom_tags": {"team": "data-eng", "cost-center": "cc-1042"},
  "spark_env_vars": {"PYSPARK_PYTHON": "/databricks/python3/bin/python3"},
  "autotermination_minutes": 60,
  "enable_elastic_disk": true,
  "cluster_source": "UI",
  "init_scripts": [],
  "enable_local_disk_encryption": false,
  "data_security_mode": "SINGLE_USER",
  "single_user_name": "jane.doe@example.com",
  "runtime_engine": "PHOTON",
  "effective_spark_version": "13.3.x-photon-scala2.12",
  "state": "HIBERNATING",
  "state_message": "Idle for 60 minutes; hibernating until the next command.",
  "start_time": 1705311017421,
  "last_restarted_time": 1705311121355,
  "last_state_loss_time": 1705311121355,
  "autoscale": {"min_workers": 2, "max_workers": 8, "target_workers": 2},
  "cluster_memory_mb": 93696,
  "cluster_cores": 12.0,
  "default_tags": {
    "Vendor": "Databricks",
    "Creator": "jane.doe@example.com",
    "ClusterName": "nightly-etl",
    "ClusterId": "0115-093017-k8rq3x2w"
  },
  "cluster_log_status": {"last_attempted": 1705313900512},
  "termination_reason": {
    "code": "INACTIVITY",
    "type": "SUCCESS",
    "parameters": {"inactivity_duration_min": "60"}
  },
  "spec": {
    "cluster_name": "nightly-etl",
    "spark_version": "13.3.x-scala2.12",
    "node_type_id": "i3.xlarge",
    "autoscale": {"min_workers": 2, "max_workers": 8},
    "autotermination_minutes": 60,
    "runtime_engine": "PHOTON"
  },
  "future_field": {"nested": [1, 2]}
}"#;

/// The permissions on the cluster the permission cases are about: admins inherit `CAN_MANAGE`, Jane holds
/// `CAN_VIEW_SPARK_UI`, a level this spec does not list, with a field it does not know either.
pub const PERMISSIONS: &str = r#"{
  "object_id": "/clusters/0115-093017-k8rq3x2w",
  "object_type": "cluster",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/clusters/"]}]
    },
    {
      "user_name": "jane.doe@example.com",
      "display_name": "Jane Doe",
      "all_permissions": [{"permission_level": "CAN_VIEW_SPARK_UI", "inherited": false}],
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
        operation: "clusters.changeOwner",
        method: "POST",
        path: "/api/2.1/clusters/change-owner",
        query: &[],
        body: Some(r#"{"cluster_id": "0115-093017-k8rq3x2w", "owner_username": "etl-service@example.com"}"#),
        response: EMPTY,
        cli: &["clusters", "change-owner", CLUSTER_ID, "etl-service@example.com"],
    },
    Case {
        operation: "clusters.create",
        method: "POST",
        path: "/api/2.1/clusters/create",
        query: &[],
        body: Some(
            r#"{
              "spark_version": "13.3.x-scala2.12",
              "cluster_name": "nightly-etl",
              "node_type_id": "i3.xlarge",
              "num_workers": 2,
              "autotermination_minutes": 60,
              "runtime_engine": "PHOTON",
              "data_security_mode": "SINGLE_USER",
              "single_user_name": "jane.doe@example.com",
              "enable_elastic_disk": true,
              "spark_conf": {"spark.sql.shuffle.partitions": "200"},
              "aws_attributes": {"availability": "SPOT_WITH_FALLBACK", "first_on_demand": 1, "zone_id": "auto"},
              "custom_tags": {"team": "data-eng"}
            }"#,
        ),
        response: r#"{"cluster_id": "0115-093017-k8rq3x2w"}"#,
        cli: &[
            "clusters",
            "create",
            "13.3.x-scala2.12",
            "--cluster-name",
            "nightly-etl",
            "--node-type-id",
            "i3.xlarge",
            "--num-workers",
            "2",
            "--autotermination-minutes",
            "60",
            "--runtime-engine",
            "PHOTON",
            "--data-security-mode",
            "SINGLE_USER",
            "--single-user-name",
            "jane.doe@example.com",
            "--enable-elastic-disk",
            "--json",
            r#"{"spark_conf": {"spark.sql.shuffle.partitions": "200"},
                "aws_attributes": {"availability": "SPOT_WITH_FALLBACK", "first_on_demand": 1, "zone_id": "auto"},
                "custom_tags": {"team": "data-eng"}}"#,
        ],
    },
    Case {
        operation: "clusters.delete",
        method: "POST",
        path: "/api/2.1/clusters/delete",
        query: &[],
        body: Some(r#"{"cluster_id": "0115-093017-k8rq3x2w"}"#),
        response: EMPTY,
        cli: &["clusters", "delete", CLUSTER_ID],
    },
    Case {
        operation: "clusters.edit",
        method: "POST",
        path: "/api/2.1/clusters/edit",
        query: &[],
        body: Some(
            r#"{
              "cluster_id": "0115-093017-k8rq3x2w",
              "spark_version": "14.3.x-scala2.12",
              "cluster_name": "nightly-etl",
              "node_type_id": "i3.2xlarge",
              "autotermination_minutes": 120,
              "autoscale": {"min_workers": 2, "max_workers": 12},
              "spark_conf": {"spark.sql.shuffle.partitions": "400"}
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "clusters",
            "edit",
            CLUSTER_ID,
            "14.3.x-scala2.12",
            "--cluster-name",
            "nightly-etl",
            "--node-type-id",
            "i3.2xlarge",
            "--autotermination-minutes",
            "120",
            "--json",
            r#"{"autoscale": {"min_workers": 2, "max_workers": 12},
                "spark_conf": {"spark.sql.shuffle.partitions": "400"}}"#,
        ],
    },
    Case {
        operation: "clusters.events",
        method: "POST",
        path: "/api/2.1/clusters/events",
        query: &[],
        body: Some(
            r#"{
              "cluster_id": "0115-093017-k8rq3x2w",
              "start_time": 1705276800000,
              "end_time": 1705363200000,
              "event_types": ["RESIZING", "UPSIZE_COMPLETED", "TERMINATING"],
              "order": "DESC",
              "page_size": 50
            }"#,
        ),
        response: r#"{
          "events": [
            {
              "cluster_id": "0115-093017-k8rq3x2w",
              "timestamp": 1705318812000,
              "type": "HIBERNATION_STARTED",
              "details": {"user": "jane.doe@example.com", "hibernation_policy": "IDLE_60_MIN"}
            },
            {
              "cluster_id": "0115-093017-k8rq3x2w",
              "timestamp": 1705315212000,
              "type": "TERMINATING",
              "details": {
                "reason": {"code": "INACTIVITY", "type": "SUCCESS", "parameters": {"inactivity_duration_min": "60"}}
              }
            },
            {
              "cluster_id": "0115-093017-k8rq3x2w",
              "timestamp": 1705311421355,
              "type": "UPSIZE_COMPLETED",
              "details": {"current_num_workers": 4, "target_num_workers": 4, "cause": "AUTOSCALE"}
            },
            {
              "cluster_id": "0115-093017-k8rq3x2w",
              "timestamp": 1705311300000,
              "type": "RESIZING",
              "details": {
                "current_num_workers": 2,
                "target_num_workers": 4,
                "cause": "AUTOSCALE",
                "cluster_size": {"autoscale": {"min_workers": 2, "max_workers": 8}}
              }
            }
          ],
          "next_page_token": "CAEQ1IuI-r4xGhQwMTE1LTA5MzAxNy1rOHJxM3gydw==",
          "prev_page_token": "",
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &[
            "clusters",
            "events",
            CLUSTER_ID,
            "--start-time",
            "1705276800000",
            "--end-time",
            "1705363200000",
            "--order",
            "DESC",
            "--page-size",
            "50",
            "--json",
            r#"{"event_types": ["RESIZING", "UPSIZE_COMPLETED", "TERMINATING"]}"#,
        ],
    },
    Case {
        operation: "clusters.get",
        method: "GET",
        path: "/api/2.1/clusters/get",
        query: &[("cluster_id", CLUSTER_ID)],
        body: None,
        response: CLUSTER_DETAILS,
        cli: &["clusters", "get", CLUSTER_ID],
    },
    Case {
        operation: "clusters.list",
        method: "GET",
        path: "/api/2.1/clusters/list",
        // `filter_by` is an object: one pair per field, lists repeat the name.
        query: &[
            ("filter_by.cluster_states", "RUNNING"),
            ("filter_by.cluster_states", "PENDING"),
            ("filter_by.is_pinned", "true"),
            ("page_size", "20"),
            ("page_token", "CAEaFDAxMTUtMDkzMDE3LWs4cnEzeDJ3"),
        ],
        body: None,
        response: r#"{
          "clusters": [
            {
              "cluster_id": "0115-093017-k8rq3x2w",
              "cluster_name": "nightly-etl",
              "spark_version": "13.3.x-scala2.12",
              "node_type_id": "i3.xlarge",
              "driver_node_type_id": "i3.xlarge",
              "autoscale": {"min_workers": 2, "max_workers": 8},
              "autotermination_minutes": 60,
              "state": "RUNNING",
              "state_message": "",
              "start_time": 1705311017421,
              "creator_user_name": "jane.doe@example.com",
              "cluster_source": "UI",
              "default_tags": {"Vendor": "Databricks", "ClusterName": "nightly-etl"},
              "cluster_memory_mb": 93696,
              "cluster_cores": 12.0
            },
            {
              "cluster_id": "0116-120544-p2ztwx9q",
              "cluster_name": "ml-training",
              "spark_version": "7.6.x-gpu-ml-scala2.12",
              "node_type_id": "g4dn.xlarge",
              "num_workers": 4,
              "state": "HIBERNATING",
              "start_time": 1705406744120,
              "creator_user_name": "sam.lee@example.com",
              "cluster_source": "NOTEBOOK_SCHEDULER",
              "aws_attributes": {"availability": "ON_DEMAND", "zone_id": "us-west-2b"},
              "future_field": {"nested": [1, 2]}
            }
          ],
          "next_page_token": "CAEaFDAxMTYtMTIwNTQ0LXAyenR3eDlx",
          "prev_page_token": "CAAaFDAxMTUtMDkzMDE3LWs4cnEzeDJ3",
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &[
            "clusters",
            "list",
            "--page-size",
            "20",
            "--page-token",
            "CAEaFDAxMTUtMDkzMDE3LWs4cnEzeDJ3",
            "--json",
            r#"{"filter_by": {"cluster_states": ["RUNNING", "PENDING"], "is_pinned": true}}"#,
        ],
    },
    Case {
        operation: "clusters.listNodeTypes",
        method: "GET",
        path: "/api/2.1/clusters/list-node-types",
        query: &[],
        body: None,
        response: r#"{
          "node_types": [
            {
              "node_type_id": "i3.xlarge",
              "memory_mb": 31232,
              "num_cores": 4.0,
              "description": "i3.xlarge",
              "instance_type_id": "i3.xlarge",
              "is_deprecated": false,
              "category": "Storage Optimized",
              "support_ebs_volumes": true,
              "support_cluster_tags": true,
              "num_gpus": 0,
              "node_instance_type": {
                "instance_type_id": "i3.xlarge",
                "local_disks": 1,
                "local_disk_size_gb": 950,
                "local_nvme_disks": 1,
                "local_nvme_disk_size_gb": 950,
                "instance_family": "EC2 i3 Family vCPUs",
                "swap_size": "10g"
              },
              "is_hidden": false,
              "support_port_forwarding": true,
              "supports_elastic_disk": true,
              "display_order": 0,
              "is_io_cache_enabled": true,
              "photon_worker_capable": true,
              "photon_driver_capable": true,
              "is_graviton": false,
              "is_encrypted_in_transit": false
            },
            {
              "node_type_id": "g4dn.xlarge",
              "memory_mb": 16384,
              "num_cores": 4.0,
              "description": "g4dn.xlarge",
              "instance_type_id": "g4dn.xlarge",
              "is_deprecated": false,
              "category": "GPU Accelerated",
              "support_ebs_volumes": true,
              "support_cluster_tags": true,
              "num_gpus": 1,
              "node_instance_type": {
                "instance_type_id": "g4dn.xlarge",
                "local_disks": 1,
                "local_disk_size_gb": 125,
                "local_nvme_disks": 1,
                "local_nvme_disk_size_gb": 125
              },
              "is_hidden": false,
              "support_port_forwarding": true,
              "display_order": 0,
              "is_io_cache_enabled": false,
              "node_info": {"status": ["NotAvailableInRegion", "NotEnabledForWorkspace"]},
              "photon_worker_capable": false,
              "photon_driver_capable": false,
              "is_graviton": false
            }
          ],
          "future_field": {"nested": [1, 2]}
        }"#,
        cli: &["clusters", "list-node-types"],
    },
    Case {
        operation: "clusters.listZones",
        method: "GET",
        path: "/api/2.1/clusters/list-zones",
        query: &[],
        body: None,
        response: r#"{"zones": ["us-west-2a", "us-west-2b", "us-west-2c", "us-west-2d"], "default_zone": "us-west-2b"}"#,
        cli: &["clusters", "list-zones"],
    },
    Case {
        operation: "clusters.permanentDelete",
        method: "POST",
        path: "/api/2.1/clusters/permanent-delete",
        query: &[],
        body: Some(r#"{"cluster_id": "0115-093017-k8rq3x2w"}"#),
        response: EMPTY,
        cli: &["clusters", "permanent-delete", CLUSTER_ID],
    },
    Case {
        operation: "clusters.pin",
        method: "POST",
        path: "/api/2.1/clusters/pin",
        query: &[],
        body: Some(r#"{"cluster_id": "0115-093017-k8rq3x2w"}"#),
        // A later API version might acknowledge with something; it must not be dropped.
        response: r#"{"some_new_ack": true}"#,
        cli: &["clusters", "pin", CLUSTER_ID],
    },
    Case {
        operation: "clusters.resize",
        method: "POST",
        path: "/api/2.1/clusters/resize",
        query: &[],
        body: Some(r#"{"cluster_id": "0115-093017-k8rq3x2w", "num_workers": 8}"#),
        response: EMPTY,
        cli: &["clusters", "resize", CLUSTER_ID, "--num-workers", "8"],
    },
    Case {
        operation: "clusters.restart",
        method: "POST",
        path: "/api/2.1/clusters/restart",
        query: &[],
        body: Some(r#"{"cluster_id": "0115-093017-k8rq3x2w", "restart_user": "jane.doe@example.com"}"#),
        response: EMPTY,
        cli: &[
            "clusters",
            "restart",
            CLUSTER_ID,
            "--restart-user",
            "jane.doe@example.com",
        ],
    },
    Case {
        operation: "clusters.sparkVersions",
        method: "GET",
        path: "/api/2.1/clusters/spark-versions",
        query: &[],
        body: None,
        response: r#"{
          "versions": [
            {"key": "13.3.x-scala2.12", "name": "13.3 LTS (includes Apache Spark 3.4.1, Scala 2.12)"},
            {"key": "13.3.x-photon-scala2.12", "name": "13.3 LTS Photon (includes Apache Spark 3.4.1, Scala 2.12)"},
            {"key": "14.3.x-scala2.12", "name": "14.3 LTS (includes Apache Spark 3.5.0, Scala 2.12)"},
            {"key": "7.6.x-gpu-ml-scala2.12", "name": "7.6 ML (includes Apache Spark 3.0.1, GPU, Scala 2.12)"},
            {"key": "15.4.x-cpu-ml-scala2.12", "name": "15.4 LTS ML (includes Apache Spark 3.5.0, Scala 2.12)"}
          ]
        }"#,
        cli: &["clusters", "spark-versions"],
    },
    Case {
        operation: "clusters.start",
        method: "POST",
        path: "/api/2.1/clusters/start",
        query: &[],
        body: Some(r#"{"cluster_id": "0115-093017-k8rq3x2w"}"#),
        response: EMPTY,
        cli: &["clusters", "start", CLUSTER_ID],
    },
    Case {
        operation: "clusters.unpin",
        method: "POST",
        path: "/api/2.1/clusters/unpin",
        query: &[],
        body: Some(r#"{"cluster_id": "0115-093017-k8rq3x2w"}"#),
        response: EMPTY,
        cli: &["clusters", "unpin", CLUSTER_ID],
    },
    Case {
        operation: "clusters.update",
        method: "POST",
        path: "/api/2.1/clusters/update",
        query: &[],
        body: Some(
            r#"{
              "cluster_id": "0115-093017-k8rq3x2w",
              "update_mask": "num_workers,autotermination_minutes",
              "cluster": {"num_workers": 4, "autotermination_minutes": 30}
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "clusters",
            "update",
            CLUSTER_ID,
            "num_workers,autotermination_minutes",
            "--json",
            r#"{"cluster": {"num_workers": 4, "autotermination_minutes": 30}}"#,
        ],
    },
    Case {
        operation: "clusters.getPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/clusters/0115-093017-k8rq3x2w/permissionLevels",
        query: &[],
        body: None,
        response: r#"{
          "permission_levels": [
            {"permission_level": "CAN_ATTACH_TO", "description": "Can attach to the cluster"},
            {"permission_level": "CAN_RESTART", "description": "Can restart the cluster"},
            {"permission_level": "CAN_MANAGE", "description": "Can manage the cluster"}
          ]
        }"#,
        cli: &["clusters", "get-permission-levels", CLUSTER_ID],
    },
    Case {
        operation: "clusters.getPermissions",
        method: "GET",
        path: "/api/2.0/permissions/clusters/0115-093017-k8rq3x2w",
        query: &[],
        body: None,
        response: PERMISSIONS,
        cli: &["clusters", "get-permissions", CLUSTER_ID],
    },
    Case {
        operation: "clusters.setPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/clusters/0115-093017-k8rq3x2w",
        query: &[],
        body: Some(
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_ATTACH_TO"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_ATTACH_TO"}
            ]}"#,
        ),
        response: PERMISSIONS,
        cli: &[
            "clusters",
            "set-permissions",
            CLUSTER_ID,
            "--json",
            r#"{"access_control_list": [
                {"group_name": "data-engineers", "permission_level": "CAN_ATTACH_TO"},
                {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410", "permission_level": "CAN_ATTACH_TO"}
            ]}"#,
        ],
    },
    Case {
        operation: "clusters.updatePermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/clusters/0115-093017-k8rq3x2w",
        query: &[],
        body: Some(
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_RESTART"}]}"#,
        ),
        response: r#"{
  "object_id": "/clusters/0115-093017-k8rq3x2w",
  "object_type": "cluster",
  "access_control_list": [
    {
      "group_name": "admins",
      "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/clusters/"]}]
    },
    {
      "user_name": "john.smith@example.com",
      "display_name": "John Smith",
      "all_permissions": [{"permission_level": "CAN_RESTART", "inherited": false}]
    }
  ]
}"#,
        cli: &[
            "clusters",
            "update-permissions",
            CLUSTER_ID,
            "--json",
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_RESTART"}]}"#,
        ],
    },
];
