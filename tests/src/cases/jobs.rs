//! Jobs (`/api/2.2/jobs/...`) and the job permissions (`/api/2.0/permissions/jobs/{job_id}`): job
//! definitions, their runs, and who may manage them.

use super::{Case, EMPTY};

/// The nightly ETL job the cases are about.
pub const JOB_ID: &str = "684317226354722";

/// A run of that job.
pub const RUN_ID: &str = "1107362546582345";

/// The run of the job's `ingest` notebook task inside [`RUN_ID`].
pub const TASK_RUN_ID: &str = "1107362546582346";

/// The full definition of the nightly ETL job as `jobs.get` returns it: job clusters with a new cluster
/// spec, notebook, Python script, pipeline, SQL, condition, run-job and for-each tasks (the loop's inner task
/// is a notebook task, which also carries a field this spec does not know), a schedule, notifications,
/// health rules (one with a metric this spec does not list), job parameters, a Git source and tags.
pub const JOB: &str = r#"{
  "job_id": 684317226354722,
  "creator_user_name": "jane.doe@example.com",
  "run_as_user_name": "etl-runner@example.com",
  "created_time": 1705311017000,
  "effective_budget_policy_id": "0f3a6b2c-9d1e-4f5a-8b7c-2d4e6f8a0b1c",
  "has_more": false,
  "settings": {
    "name": "nightly-etl",
    "description": "Loads the day's orders, refreshes the sales pipeline and publishes the reports.",
    "format": "MULTI_TASK",
    "edit_mode": "EDITABLE",
    "max_concurrent_runs": 1,
    "timeout_seconds": 14400,
    "tags": {"team": "data-eng", "cost-center": "4711"},
    "schedule": {
      "quartz_cron_expression": "0 30 2 * * ?",
      "timezone_id": "Europe/Amsterdam",
      "pause_status": "UNPAUSED"
    },
    "email_notifications": {
      "on_failure": ["data-eng-oncall@example.com"],
      "on_duration_warning_threshold_exceeded": ["jane.doe@example.com"],
      "no_alert_for_skipped_runs": true
    },
    "webhook_notifications": {
      "on_failure": [{"id": "3f1c9a2e-7b4d-4e8f-9a6b-1c2d3e4f5a6b"}]
    },
    "notification_settings": {"no_alert_for_skipped_runs": true, "no_alert_for_canceled_runs": false},
    "health": {
      "rules": [
        {"metric": "RUN_DURATION_SECONDS", "op": "GREATER_THAN", "value": 10800},
        {"metric": "RUN_QUEUED_DURATION_SECONDS", "op": "GREATER_THAN", "value": 900}
      ]
    },
    "queue": {"enabled": true},
    "run_as": {"service_principal_name": "6f5ccf28-d83a-4957-9bfb-5bbfac551410"},
    "parameters": [
      {"name": "run_date", "default": "{{job.start_time.iso_date}}"},
      {"name": "env", "default": "prod"}
    ],
    "git_source": {
      "git_url": "https://github.com/example-org/etl-jobs",
      "git_provider": "gitHub",
      "git_branch": "main"
    },
    "job_clusters": [
      {
        "job_cluster_key": "etl_cluster",
        "new_cluster": {
          "spark_version": "15.4.x-scala2.12",
          "node_type_id": "i3.xlarge",
          "num_workers": 4,
          "spark_conf": {"spark.sql.shuffle.partitions": "200"},
          "aws_attributes": {"availability": "SPOT_WITH_FALLBACK", "first_on_demand": 1, "zone_id": "auto"},
          "custom_tags": {"team": "data-eng"},
          "data_security_mode": "SINGLE_USER",
          "runtime_engine": "PHOTON"
        }
      }
    ],
    "tasks": [
      {
        "task_key": "ingest",
        "description": "Load yesterday's orders from the landing zone.",
        "job_cluster_key": "etl_cluster",
        "notebook_task": {
          "notebook_path": "notebooks/ingest_orders",
          "source": "GIT",
          "base_parameters": {"table": "main.sales.orders_raw"}
        },
        "libraries": [{"pypi": {"package": "great-expectations==0.18.8"}}],
        "max_retries": 2,
        "min_retry_interval_millis": 60000,
        "retry_on_timeout": false,
        "timeout_seconds": 3600
      },
      {
        "task_key": "clean",
        "depends_on": [{"task_key": "ingest"}],
        "job_cluster_key": "etl_cluster",
        "spark_python_task": {
          "python_file": "jobs/clean_orders.py",
          "parameters": ["--date", "{{job.parameters.run_date}}"],
          "source": "GIT"
        }
      },
      {
        "task_key": "has_new_orders",
        "depends_on": [{"task_key": "clean"}],
        "condition_task": {
          "op": "GREATER_THAN",
          "left": "{{tasks.clean.values.row_count}}",
          "right": "0"
        }
      },
      {
        "task_key": "refresh_pipeline",
        "depends_on": [{"task_key": "has_new_orders", "outcome": "true"}],
        "pipeline_task": {"pipeline_id": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "full_refresh": false}
      },
      {
        "task_key": "publish_regions",
        "depends_on": [{"task_key": "refresh_pipeline"}],
        "run_if": "ALL_SUCCESS",
        "for_each_task": {
          "inputs": "[\"emea\", \"amer\", \"apac\"]",
          "concurrency": 3,
          "task": {
            "task_key": "publish_regions_iteration",
            "job_cluster_key": "etl_cluster",
            "notebook_task": {
              "notebook_path": "notebooks/publish_region",
              "base_parameters": {"region": "{{input}}"},
              "future_field": {"nested": [1, 2]}
            }
          }
        }
      },
      {
        "task_key": "sales_report",
        "depends_on": [{"task_key": "publish_regions"}],
        "sql_task": {
          "warehouse_id": "5e7c2a9b1d3f4e6a",
          "file": {"path": "sql/daily_sales.sql", "source": "GIT"},
          "parameters": {"run_date": "{{job.parameters.run_date}}"}
        }
      },
      {
        "task_key": "notify_downstream",
        "depends_on": [{"task_key": "sales_report"}],
        "run_if": "ALL_DONE",
        "run_job_task": {"job_id": 912837465019283, "job_parameters": {"source": "nightly-etl"}}
      }
    ]
  }
}"#;

/// A finished run of the nightly ETL job, as `jobs.getRun` returns it, with its tasks, states, cluster
/// instance and a field this spec does not know.
pub const RUN: &str = r#"{
  "job_id": 684317226354722,
  "run_id": 1107362546582345,
  "number_in_job": 1107362546582345,
  "original_attempt_run_id": 1107362546582345,
  "creator_user_name": "jane.doe@example.com",
  "run_name": "nightly-etl",
  "run_page_url": "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com/?o=1234567890123456#job/684317226354722/run/1107362546582345",
  "run_type": "JOB_RUN",
  "trigger": "PERIODIC",
  "attempt_number": 0,
  "start_time": 1705368600000,
  "end_time": 1705371912000,
  "setup_duration": 0,
  "execution_duration": 0,
  "cleanup_duration": 0,
  "run_duration": 3312000,
  "queue_duration": 1200,
  "format": "MULTI_TASK",
  "state": {
    "life_cycle_state": "TERMINATED",
    "result_state": "SUCCESS",
    "state_message": "",
    "user_cancelled_or_timedout": false
  },
  "status": {
    "state": "TERMINATED",
    "termination_details": {"code": "SUCCESS", "type": "SUCCESS", "message": ""}
  },
  "job_parameters": [
    {"name": "run_date", "default": "{{job.start_time.iso_date}}", "value": "2024-01-16"},
    {"name": "env", "default": "prod"}
  ],
  "job_clusters": [
    {
      "job_cluster_key": "etl_cluster",
      "new_cluster": {"spark_version": "15.4.x-scala2.12", "node_type_id": "i3.xlarge", "num_workers": 4}
    }
  ],
  "tasks": [
    {
      "task_key": "ingest",
      "run_id": 1107362546582346,
      "job_cluster_key": "etl_cluster",
      "notebook_task": {"notebook_path": "notebooks/ingest_orders", "source": "GIT"},
      "cluster_instance": {"cluster_id": "0116-020000-abcd1234", "spark_context_id": "4348585301701786933"},
      "attempt_number": 0,
      "start_time": 1705368601200,
      "end_time": 1705369802000,
      "setup_duration": 182000,
      "execution_duration": 1012000,
      "cleanup_duration": 6000,
      "run_page_url": "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com/?o=1234567890123456#job/684317226354722/run/1107362546582346",
      "state": {"life_cycle_state": "TERMINATED", "result_state": "SUCCESS", "state_message": "", "user_cancelled_or_timedout": false},
      "status": {"state": "TERMINATED", "termination_details": {"code": "SUCCESS", "type": "SUCCESS", "message": ""}}
    },
    {
      "task_key": "has_new_orders",
      "run_id": 1107362546582347,
      "depends_on": [{"task_key": "clean"}],
      "condition_task": {"op": "GREATER_THAN", "left": "1843", "right": "0", "outcome": "true"},
      "attempt_number": 0,
      "start_time": 1705370400000,
      "end_time": 1705370401000,
      "state": {"life_cycle_state": "TERMINATED", "result_state": "SUCCESS", "user_cancelled_or_timedout": false},
      "future_field": {"nested": [1, 2]}
    },
    {
      "task_key": "publish_regions",
      "run_id": 1107362546582348,
      "depends_on": [{"task_key": "refresh_pipeline"}],
      "for_each_task": {
        "inputs": "[\"emea\", \"amer\", \"apac\"]",
        "concurrency": 3,
        "task": {
          "task_key": "publish_regions_iteration",
          "job_cluster_key": "etl_cluster",
          "notebook_task": {"notebook_path": "notebooks/publish_region", "base_parameters": {"region": "{{input}}"}}
        },
        "stats": {
          "task_run_stats": {
            "total_iterations": 3,
            "scheduled_iterations": 3,
            "active_iterations": 0,
            "completed_iterations": 3,
            "succeeded_iterations": 3,
            "failed_iterations": 0
          }
        }
      },
      "state": {"life_cycle_state": "TERMINATED", "result_state": "SUCCESS", "user_cancelled_or_timedout": false}
    }
  ]
}"#;

/// The job permissions after the owner granted `CAN_MANAGE_RUN` to a group; the admins group holds
/// `CAN_MANAGE` through the workspace, and one entry carries a field this spec does not know.
pub const JOB_PERMISSIONS: &str = r#"{
  "object_id": "/jobs/684317226354722",
  "object_type": "job",
  "access_control_list": [
    {
      "user_name": "jane.doe@example.com",
      "display_name": "Jane Doe",
      "all_permissions": [{"permission_level": "IS_OWNER", "inherited": false}]
    },
    {
      "group_name": "data-engineers",
      "all_permissions": [{"permission_level": "CAN_MANAGE_RUN", "inherited": false}],
      "future_field": {"nested": [1, 2]}
    },
    {
      "group_name": "admins",
      "all_permissions": [
        {"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/jobs/"]}
      ]
    }
  ]
}"#;

pub const CASES: &[Case] = &[
    Case {
        operation: "jobs.cancelAllRuns",
        method: "POST",
        path: "/api/2.2/jobs/runs/cancel-all",
        query: &[],
        body: Some(r#"{"job_id": 684317226354722}"#),
        response: EMPTY,
        cli: &["jobs", "cancel-all-runs", "--job-id", JOB_ID],
    },
    Case {
        operation: "jobs.cancelRun",
        method: "POST",
        path: "/api/2.2/jobs/runs/cancel",
        query: &[],
        body: Some(r#"{"run_id": 1107362546582345}"#),
        response: EMPTY,
        cli: &["jobs", "cancel-run", RUN_ID],
    },
    Case {
        operation: "jobs.create",
        method: "POST",
        path: "/api/2.2/jobs/create",
        query: &[],
        body: Some(
            r#"{
              "name": "nightly-etl",
              "max_concurrent_runs": 1,
              "tags": {"team": "data-eng"},
              "schedule": {"quartz_cron_expression": "0 30 2 * * ?", "timezone_id": "Europe/Amsterdam"},
              "email_notifications": {"on_failure": ["data-eng-oncall@example.com"]},
              "job_clusters": [
                {
                  "job_cluster_key": "etl_cluster",
                  "new_cluster": {"spark_version": "15.4.x-scala2.12", "node_type_id": "i3.xlarge", "num_workers": 4}
                }
              ],
              "tasks": [
                {
                  "task_key": "ingest",
                  "job_cluster_key": "etl_cluster",
                  "notebook_task": {"notebook_path": "/Workspace/etl/ingest_orders"}
                },
                {
                  "task_key": "aggregate",
                  "depends_on": [{"task_key": "ingest"}],
                  "job_cluster_key": "etl_cluster",
                  "python_wheel_task": {"package_name": "etl_jobs", "entry_point": "aggregate"},
                  "libraries": [{"whl": "/Volumes/main/etl/wheels/etl_jobs-1.4.0-py3-none-any.whl"}]
                }
              ]
            }"#,
        ),
        response: r#"{"job_id": 684317226354722}"#,
        cli: &[
            "jobs",
            "create",
            "--max-concurrent-runs",
            "1",
            "--name",
            "nightly-etl",
            "--json",
            r#"{"tags": {"team": "data-eng"},
                "schedule": {"quartz_cron_expression": "0 30 2 * * ?", "timezone_id": "Europe/Amsterdam"},
                "email_notifications": {"on_failure": ["data-eng-oncall@example.com"]},
                "job_clusters": [{"job_cluster_key": "etl_cluster",
                  "new_cluster": {"spark_version": "15.4.x-scala2.12", "node_type_id": "i3.xlarge", "num_workers": 4}}],
                "tasks": [
                  {"task_key": "ingest", "job_cluster_key": "etl_cluster",
                   "notebook_task": {"notebook_path": "/Workspace/etl/ingest_orders"}},
                  {"task_key": "aggregate", "depends_on": [{"task_key": "ingest"}], "job_cluster_key": "etl_cluster",
                   "python_wheel_task": {"package_name": "etl_jobs", "entry_point": "aggregate"},
                   "libraries": [{"whl": "/Volumes/main/etl/wheels/etl_jobs-1.4.0-py3-none-any.whl"}]}]}"#,
        ],
    },
    Case {
        operation: "jobs.delete",
        method: "POST",
        path: "/api/2.2/jobs/delete",
        query: &[],
        body: Some(r#"{"job_id": 684317226354722}"#),
        response: EMPTY,
        cli: &["jobs", "delete", JOB_ID],
    },
    Case {
        operation: "jobs.deleteRun",
        method: "POST",
        path: "/api/2.2/jobs/runs/delete",
        query: &[],
        body: Some(r#"{"run_id": 1107362546582345}"#),
        response: EMPTY,
        cli: &["jobs", "delete-run", RUN_ID],
    },
    Case {
        operation: "jobs.exportRun",
        method: "GET",
        path: "/api/2.2/jobs/runs/export",
        query: &[("run_id", "1107362546582346"), ("views_to_export", "ALL")],
        body: None,
        response: r#"{
          "views": [
            {"content": "<!DOCTYPE html><html><head><title>ingest_orders</title></head><body></body></html>", "name": "ingest_orders", "type": "NOTEBOOK"},
            {"content": "<!DOCTYPE html><html><body>orders by day</body></html>", "name": "Orders dashboard", "type": "DASHBOARD"}
          ]
        }"#,
        cli: &["jobs", "export-run", TASK_RUN_ID, "--views-to-export", "ALL"],
    },
    Case {
        operation: "jobs.get",
        method: "GET",
        path: "/api/2.2/jobs/get",
        query: &[("job_id", "684317226354722")],
        body: None,
        response: JOB,
        cli: &["jobs", "get", JOB_ID],
    },
    Case {
        operation: "jobs.getPermissionLevels",
        method: "GET",
        path: "/api/2.0/permissions/jobs/684317226354722/permissionLevels",
        query: &[],
        body: None,
        response: r#"{
          "permission_levels": [
            {"permission_level": "CAN_VIEW", "description": "Can view job"},
            {"permission_level": "CAN_MANAGE_RUN", "description": "Can view job and manage runs"},
            {"permission_level": "IS_OWNER", "description": "Is the owner of the job"},
            {"permission_level": "CAN_MANAGE", "description": "Can manage job"}
          ]
        }"#,
        cli: &["jobs", "get-permission-levels", JOB_ID],
    },
    Case {
        operation: "jobs.getPermissions",
        method: "GET",
        path: "/api/2.0/permissions/jobs/684317226354722",
        query: &[],
        body: None,
        response: JOB_PERMISSIONS,
        cli: &["jobs", "get-permissions", JOB_ID],
    },
    Case {
        operation: "jobs.getRun",
        method: "GET",
        path: "/api/2.2/jobs/runs/get",
        query: &[("run_id", "1107362546582345"), ("include_history", "true")],
        body: None,
        response: RUN,
        cli: &["jobs", "get-run", RUN_ID, "--include-history"],
    },
    Case {
        operation: "jobs.getRunOutput",
        method: "GET",
        path: "/api/2.2/jobs/runs/get-output",
        query: &[("run_id", "1107362546582346")],
        body: None,
        // The output of the `ingest` notebook task: what it passed to `dbutils.notebook.exit()`, and the
        // task run's metadata.
        response: r#"{
          "notebook_output": {"result": "{\"row_count\": 1843}", "truncated": false},
          "metadata": {
            "job_id": 684317226354722,
            "run_id": 1107362546582346,
            "task_key": "ingest",
            "job_run_id": 1107362546582345,
            "creator_user_name": "jane.doe@example.com",
            "number_in_job": 1107362546582346,
            "original_attempt_run_id": 1107362546582346,
            "attempt_number": 0,
            "start_time": 1705368601200,
            "end_time": 1705369802000,
            "run_type": "JOB_RUN",
            "state": {"life_cycle_state": "TERMINATED", "result_state": "SUCCESS", "state_message": "", "user_cancelled_or_timedout": false},
            "tasks": [
              {
                "task_key": "ingest",
                "run_id": 1107362546582346,
                "notebook_task": {"notebook_path": "notebooks/ingest_orders", "source": "GIT"},
                "state": {"life_cycle_state": "TERMINATED", "result_state": "SUCCESS", "user_cancelled_or_timedout": false}
              }
            ]
          }
        }"#,
        cli: &["jobs", "get-run-output", TASK_RUN_ID],
    },
    Case {
        operation: "jobs.list",
        method: "GET",
        path: "/api/2.2/jobs/list",
        query: &[("limit", "2"), ("name", "nightly-etl")],
        body: None,
        response: r#"{
          "jobs": [
            {
              "job_id": 684317226354722,
              "creator_user_name": "jane.doe@example.com",
              "created_time": 1705311017000,
              "settings": {
                "name": "nightly-etl",
                "format": "MULTI_TASK",
                "max_concurrent_runs": 1,
                "timeout_seconds": 14400,
                "schedule": {"quartz_cron_expression": "0 30 2 * * ?", "timezone_id": "Europe/Amsterdam", "pause_status": "UNPAUSED"},
                "email_notifications": {"on_failure": ["data-eng-oncall@example.com"]}
              },
              "has_more": true
            },
            {
              "job_id": 70093418342213,
              "creator_user_name": "john.smith@example.com",
              "created_time": 1698835200000,
              "settings": {
                "name": "nightly-etl",
                "format": "MULTI_TASK",
                "max_concurrent_runs": 1,
                "schedule": {"quartz_cron_expression": "0 0 4 * * ?", "timezone_id": "UTC", "pause_status": "PAUSED"}
              },
              "has_more": false
            }
          ],
          "has_more": true,
          "next_page_token": "CAEomPuciYcxMJDs5oW6j4QF"
        }"#,
        cli: &["jobs", "list", "--page-size", "2", "--name", "nightly-etl"],
    },
    Case {
        operation: "jobs.listRuns",
        method: "GET",
        path: "/api/2.2/jobs/runs/list",
        query: &[
            ("active_only", "true"),
            ("job_id", "684317226354722"),
            ("limit", "25"),
            ("page_token", "CAEomPuciYcxMJDs5oW6j4QF"),
        ],
        body: None,
        response: r#"{
          "runs": [
            {
              "job_id": 684317226354722,
              "run_id": 1107362546582399,
              "number_in_job": 1107362546582399,
              "original_attempt_run_id": 1107362546582399,
              "creator_user_name": "jane.doe@example.com",
              "run_name": "nightly-etl",
              "run_type": "JOB_RUN",
              "trigger": "ONE_TIME",
              "start_time": 1705455000000,
              "setup_duration": 0,
              "execution_duration": 0,
              "cleanup_duration": 0,
              "state": {"life_cycle_state": "QUEUED", "state_message": "Waiting for a concurrent run of this job to finish", "user_cancelled_or_timedout": false, "queue_reason": "MAX_CONCURRENT_RUNS_REACHED"},
              "status": {"state": "QUEUED", "queue_details": {"code": "ACTIVE_RUNS_LIMIT_REACHED", "message": "Waiting for a concurrent run of this job to finish"}},
              "format": "MULTI_TASK"
            }
          ],
          "has_more": false,
          "prev_page_token": "CAAomPuciYcxMJDs5oW6j4QE"
        }"#,
        cli: &[
            "jobs",
            "list-runs",
            "--active-only",
            "--job-id",
            JOB_ID,
            "--page-size",
            "25",
            "--page-token",
            "CAEomPuciYcxMJDs5oW6j4QF",
        ],
    },
    Case {
        operation: "jobs.repairRun",
        method: "POST",
        path: "/api/2.2/jobs/runs/repair",
        query: &[],
        body: Some(
            r#"{
              "run_id": 1107362546582345,
              "latest_repair_id": 734650698524280,
              "rerun_tasks": ["refresh_pipeline", "publish_regions"],
              "rerun_dependent_tasks": true,
              "job_parameters": {"run_date": "2024-01-16"}
            }"#,
        ),
        response: r#"{"repair_id": 734650698524281}"#,
        cli: &[
            "jobs",
            "repair-run",
            RUN_ID,
            "--latest-repair-id",
            "734650698524280",
            "--rerun-dependent-tasks",
            "--json",
            r#"{"rerun_tasks": ["refresh_pipeline", "publish_regions"], "job_parameters": {"run_date": "2024-01-16"}}"#,
        ],
    },
    Case {
        operation: "jobs.reset",
        method: "POST",
        path: "/api/2.2/jobs/reset",
        query: &[],
        body: Some(
            r#"{
              "job_id": 684317226354722,
              "new_settings": {
                "name": "nightly-etl",
                "max_concurrent_runs": 1,
                "tasks": [
                  {
                    "task_key": "ingest",
                    "existing_cluster_id": "0116-020000-abcd1234",
                    "spark_jar_task": {"main_class_name": "com.example.etl.Ingest", "parameters": ["--full"]},
                    "libraries": [{"jar": "/Volumes/main/etl/jars/etl-assembly-2.1.0.jar"}]
                  }
                ]
              }
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "jobs",
            "reset",
            JOB_ID,
            "--json",
            r#"{"new_settings": {"name": "nightly-etl", "max_concurrent_runs": 1, "tasks": [{"task_key": "ingest",
                "existing_cluster_id": "0116-020000-abcd1234",
                "spark_jar_task": {"main_class_name": "com.example.etl.Ingest", "parameters": ["--full"]},
                "libraries": [{"jar": "/Volumes/main/etl/jars/etl-assembly-2.1.0.jar"}]}]}}"#,
        ],
    },
    Case {
        operation: "jobs.runNow",
        method: "POST",
        path: "/api/2.2/jobs/run-now",
        query: &[],
        body: Some(
            r#"{
              "job_id": 684317226354722,
              "idempotency_token": "nightly-etl-2024-01-16",
              "job_parameters": {"run_date": "2024-01-16", "env": "prod"},
              "only": ["ingest", "clean"]
            }"#,
        ),
        response: r#"{"run_id": 1107362546582345, "number_in_job": 1107362546582345}"#,
        cli: &[
            "jobs",
            "run-now",
            JOB_ID,
            "--idempotency-token",
            "nightly-etl-2024-01-16",
            "--json",
            r#"{"job_parameters": {"run_date": "2024-01-16", "env": "prod"}, "only": ["ingest", "clean"]}"#,
        ],
    },
    Case {
        operation: "jobs.setPermissions",
        method: "PUT",
        path: "/api/2.0/permissions/jobs/684317226354722",
        query: &[],
        body: Some(
            r#"{
              "access_control_list": [
                {"user_name": "jane.doe@example.com", "permission_level": "IS_OWNER"},
                {"group_name": "data-engineers", "permission_level": "CAN_MANAGE_RUN"}
              ]
            }"#,
        ),
        response: JOB_PERMISSIONS,
        cli: &[
            "jobs",
            "set-permissions",
            JOB_ID,
            "--json",
            r#"{"access_control_list": [
                {"user_name": "jane.doe@example.com", "permission_level": "IS_OWNER"},
                {"group_name": "data-engineers", "permission_level": "CAN_MANAGE_RUN"}
            ]}"#,
        ],
    },
    Case {
        operation: "jobs.submit",
        method: "POST",
        path: "/api/2.2/jobs/runs/submit",
        query: &[],
        body: Some(
            r#"{
              "run_name": "backfill orders 2024-01",
              "idempotency_token": "backfill-orders-2024-01",
              "timeout_seconds": 7200,
              "tasks": [
                {
                  "task_key": "backfill",
                  "new_cluster": {"spark_version": "15.4.x-scala2.12", "node_type_id": "i3.xlarge", "num_workers": 8},
                  "spark_submit_task": {"parameters": ["--class", "com.example.etl.Backfill", "/Volumes/main/etl/jars/etl-assembly-2.1.0.jar", "2024-01"]}
                }
              ]
            }"#,
        ),
        response: r#"{"run_id": 1107362546590001}"#,
        cli: &[
            "jobs",
            "submit",
            "--idempotency-token",
            "backfill-orders-2024-01",
            "--run-name",
            "backfill orders 2024-01",
            "--timeout-seconds",
            "7200",
            "--json",
            r#"{"tasks": [{"task_key": "backfill",
                "new_cluster": {"spark_version": "15.4.x-scala2.12", "node_type_id": "i3.xlarge", "num_workers": 8},
                "spark_submit_task": {"parameters": ["--class", "com.example.etl.Backfill",
                  "/Volumes/main/etl/jars/etl-assembly-2.1.0.jar", "2024-01"]}}]}"#,
        ],
    },
    Case {
        operation: "jobs.update",
        method: "POST",
        path: "/api/2.2/jobs/update",
        query: &[],
        body: Some(
            r#"{
              "job_id": 684317226354722,
              "new_settings": {
                "timeout_seconds": 10800,
                "health": {"rules": [{"metric": "RUN_DURATION_SECONDS", "op": "GREATER_THAN", "value": 7200}]}
              },
              "fields_to_remove": ["libraries", "schedule"]
            }"#,
        ),
        response: EMPTY,
        cli: &[
            "jobs",
            "update",
            JOB_ID,
            "--json",
            r#"{"new_settings": {"timeout_seconds": 10800,
                "health": {"rules": [{"metric": "RUN_DURATION_SECONDS", "op": "GREATER_THAN", "value": 7200}]}},
                "fields_to_remove": ["libraries", "schedule"]}"#,
        ],
    },
    Case {
        operation: "jobs.updatePermissions",
        method: "PATCH",
        path: "/api/2.0/permissions/jobs/684317226354722",
        query: &[],
        body: Some(
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_VIEW"}]}"#,
        ),
        response: r#"{
          "object_id": "/jobs/684317226354722",
          "object_type": "job",
          "access_control_list": [
            {
              "user_name": "jane.doe@example.com",
              "display_name": "Jane Doe",
              "all_permissions": [{"permission_level": "IS_OWNER", "inherited": false}]
            },
            {
              "user_name": "john.smith@example.com",
              "display_name": "John Smith",
              "all_permissions": [{"permission_level": "CAN_VIEW", "inherited": false}]
            }
          ]
        }"#,
        cli: &[
            "jobs",
            "update-permissions",
            JOB_ID,
            "--json",
            r#"{"access_control_list": [{"user_name": "john.smith@example.com", "permission_level": "CAN_VIEW"}]}"#,
        ],
    },
];
