//! Jobs.

use super::{acl_levels, future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::jobs::{JOB_ID, RUN_ID, TASK_RUN_ID};

const JOB: i64 = 684_317_226_354_722;
const RUN: i64 = 1_107_362_546_582_345;
const TASK_RUN: i64 = 1_107_362_546_582_346;

fn cluster(num_workers: i32) -> models::ClusterSpec {
    models::ClusterSpec {
        spark_version: Some("15.4.x-scala2.12".into()),
        node_type_id: Some("i3.xlarge".into()),
        num_workers: Some(num_workers),
        ..Default::default()
    }
}

fn grant(
    user: Option<&str>,
    group: Option<&str>,
    level: models::JobPermissionLevel,
) -> models::JobAccessControlRequest {
    models::JobAccessControlRequest {
        user_name: user.map(Into::into),
        group_name: group.map(Into::into),
        permission_level: Some(level),
        ..Default::default()
    }
}

fn task<'a>(tasks: &'a [models::JobTask], key: &str) -> &'a models::JobTask {
    tasks
        .iter()
        .find(|task| task.task_key == key)
        .unwrap_or_else(|| panic!("no task {key}"))
}

#[tokio::test]
async fn jobs_cancel_all_runs() {
    let t = setup("jobs.cancelAllRuns").await;
    let body = models::CancelAllRuns {
        job_id: Some(JOB),
        ..Default::default()
    };
    let ack = ok(t.case.operation, t.client.jobs().cancel_all_runs(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn jobs_cancel_run() {
    let t = setup("jobs.cancelRun").await;
    let ack = ok(
        t.case.operation,
        t.client.jobs().cancel_run(&models::CancelRun::new(RUN)).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn jobs_create() {
    let t = setup("jobs.create").await;
    let body = models::CreateJob {
        name: Some("nightly-etl".into()),
        max_concurrent_runs: Some(1),
        tags: Some([("team".to_string(), "data-eng".to_string())].into()),
        schedule: Some(models::JobCronSchedule::new("0 30 2 * * ?", "Europe/Amsterdam")),
        email_notifications: Some(models::JobEmailNotifications {
            on_failure: Some(vec!["data-eng-oncall@example.com".into()]),
            ..Default::default()
        }),
        job_clusters: Some(vec![models::JobCluster {
            new_cluster: Some(cluster(4)),
            ..models::JobCluster::new("etl_cluster")
        }]),
        tasks: Some(vec![
            models::JobTask {
                job_cluster_key: Some("etl_cluster".into()),
                notebook_task: Some(models::NotebookTask::new("/Workspace/etl/ingest_orders")),
                ..models::JobTask::new("ingest")
            },
            models::JobTask {
                depends_on: Some(vec![models::TaskDependency::new("ingest")]),
                job_cluster_key: Some("etl_cluster".into()),
                python_wheel_task: Some(models::PythonWheelTask::new("etl_jobs", "aggregate")),
                libraries: Some(vec![models::Library {
                    whl: Some("/Volumes/main/etl/wheels/etl_jobs-1.4.0-py3-none-any.whl".into()),
                    ..Default::default()
                }]),
                ..models::JobTask::new("aggregate")
            },
        ]),
        ..Default::default()
    };
    let created = ok(t.case.operation, t.client.jobs().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.job_id, Some(JOB));
}

#[tokio::test]
async fn jobs_delete() {
    let t = setup("jobs.delete").await;
    let ack = ok(
        t.case.operation,
        t.client.jobs().delete(&models::DeleteJob::new(JOB)).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn jobs_delete_run() {
    let t = setup("jobs.deleteRun").await;
    let ack = ok(
        t.case.operation,
        t.client.jobs().delete_run(&models::DeleteRun::new(RUN)).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn jobs_export_run() {
    let t = setup("jobs.exportRun").await;
    let params = models::JobsExportRunParams {
        views_to_export: Some(models::RunViewsToExport::All),
    };
    let exported = ok(t.case.operation, t.client.jobs().export_run(TASK_RUN, &params).await);
    t.verify(&exported).await;
    let views = exported.views.expect("views");
    assert_eq!(views.len(), 2);
    assert_eq!(views[0].type_, Some(models::RunViewType::Notebook));
    assert_eq!(views[1].type_, Some(models::RunViewType::Dashboard));
    assert!(
        views[0]
            .content
            .as_deref()
            .expect("content")
            .starts_with("<!DOCTYPE html>")
    );
    assert_eq!(TASK_RUN.to_string(), TASK_RUN_ID);
}

#[tokio::test]
async fn jobs_get() {
    let t = setup("jobs.get").await;
    let job = ok(t.case.operation, t.client.jobs().get(JOB, &Default::default()).await);
    t.verify(&job).await;
    assert_eq!(job.job_id, Some(JOB));
    assert_eq!(job.created_time, Some(1_705_311_017_000));
    assert_eq!(job.run_as_user_name.as_deref(), Some("etl-runner@example.com"));
    let settings = job.settings.as_ref().expect("settings");
    assert_eq!(settings.name.as_deref(), Some("nightly-etl"));
    assert_eq!(settings.format, Some(models::JobFormat::MultiTask));
    assert_eq!(settings.max_concurrent_runs, Some(1));
    assert_eq!(settings.tags.as_ref().expect("tags")["cost-center"], "4711");

    let schedule = settings.schedule.as_ref().expect("schedule");
    assert_eq!(schedule.quartz_cron_expression, "0 30 2 * * ?");
    assert_eq!(schedule.pause_status, Some(models::JobPauseStatus::Unpaused));
    let emails = settings.email_notifications.as_ref().expect("email_notifications");
    assert_eq!(emails.no_alert_for_skipped_runs, Some(true));
    let webhooks = settings.webhook_notifications.as_ref().expect("webhook_notifications");
    assert_eq!(
        webhooks.on_failure.as_ref().expect("on_failure")[0].id,
        "3f1c9a2e-7b4d-4e8f-9a6b-1c2d3e4f5a6b"
    );

    let rules = &settings.health.as_ref().expect("health").rules.as_ref().expect("rules");
    assert_eq!(rules[0].metric, models::JobsHealthMetric::RunDurationSeconds);
    assert_eq!(rules[0].op, models::JobsHealthOperator::GreaterThan);
    assert_eq!(rules[0].value, 10_800);
    assert_eq!(
        rules[1].metric,
        models::JobsHealthMetric::Unrecognized("RUN_QUEUED_DURATION_SECONDS".into())
    );

    let parameters = settings.parameters.as_ref().expect("parameters");
    assert_eq!(parameters[1].name, "env");
    assert_eq!(parameters[1].default, "prod");
    let git = settings.git_source.as_ref().expect("git_source");
    assert_eq!(git.git_provider, models::JobGitProvider::GitHub);
    assert_eq!(git.git_branch.as_deref(), Some("main"));
    assert_eq!(
        settings
            .run_as
            .as_ref()
            .expect("run_as")
            .service_principal_name
            .as_deref(),
        Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410")
    );

    let clusters = settings.job_clusters.as_ref().expect("job_clusters");
    assert_eq!(clusters[0].job_cluster_key, "etl_cluster");
    let new_cluster = clusters[0].new_cluster.as_ref().expect("new_cluster");
    assert_eq!(new_cluster.num_workers, Some(4));
    assert_eq!(new_cluster.node_type_id.as_deref(), Some("i3.xlarge"));

    let tasks = settings.tasks.as_deref().expect("tasks");
    assert_eq!(tasks.len(), 7);
    let ingest = task(tasks, "ingest");
    let notebook = ingest.notebook_task.as_ref().expect("notebook_task");
    assert_eq!(notebook.notebook_path, "notebooks/ingest_orders");
    assert_eq!(notebook.source, Some(models::JobTaskSource::Git));
    assert_eq!(ingest.max_retries, Some(2));
    let library = &ingest.libraries.as_ref().expect("libraries")[0];
    assert_eq!(
        library.pypi.as_ref().expect("pypi").package,
        "great-expectations==0.18.8"
    );

    let clean = task(tasks, "clean");
    assert_eq!(
        clean.spark_python_task.as_ref().expect("spark_python_task").python_file,
        "jobs/clean_orders.py"
    );
    let condition = task(tasks, "has_new_orders")
        .condition_task
        .as_ref()
        .expect("condition_task");
    assert_eq!(condition.op, models::ConditionTaskOp::GreaterThan);
    assert_eq!(condition.right, "0");
    let refresh = task(tasks, "refresh_pipeline");
    assert_eq!(
        refresh.depends_on.as_ref().expect("depends_on")[0].outcome.as_deref(),
        Some("true")
    );
    assert_eq!(
        refresh.pipeline_task.as_ref().expect("pipeline_task").pipeline_id,
        "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"
    );

    let publish = task(tasks, "publish_regions");
    assert_eq!(publish.run_if, Some(models::JobTaskRunIf::AllSuccess));
    let for_each = publish.for_each_task.as_ref().expect("for_each_task");
    assert_eq!(for_each.concurrency, Some(3));
    assert_eq!(for_each.task.task_key, "publish_regions_iteration");
    let inner = for_each.task.notebook_task.as_ref().expect("inner notebook_task");
    assert_eq!(inner.notebook_path, "notebooks/publish_region");
    assert_eq!(
        inner.base_parameters.as_ref().expect("base_parameters")["region"],
        "{{input}}"
    );
    assert_eq!(inner.unknown_fields["future_field"], future_field());

    let sql = task(tasks, "sales_report").sql_task.as_ref().expect("sql_task");
    assert_eq!(sql.warehouse_id, "5e7c2a9b1d3f4e6a");
    assert_eq!(sql.file.as_ref().expect("file").path, "sql/daily_sales.sql");
    let run_job = task(tasks, "notify_downstream")
        .run_job_task
        .as_ref()
        .expect("run_job_task");
    assert_eq!(run_job.job_id, 912_837_465_019_283);
    assert_eq!(JOB.to_string(), JOB_ID);
}

#[tokio::test]
async fn jobs_get_permission_levels() {
    let t = setup("jobs.getPermissionLevels").await;
    let levels = ok(t.case.operation, t.client.jobs().get_permission_levels(JOB_ID).await);
    t.verify(&levels).await;
    let levels = levels.permission_levels.expect("permission_levels");
    assert_eq!(levels.len(), 4);
    assert_eq!(
        levels[1].permission_level,
        Some(models::JobPermissionLevel::CanManageRun)
    );
    assert_eq!(levels[2].permission_level, Some(models::JobPermissionLevel::IsOwner));
}

#[tokio::test]
async fn jobs_get_permissions() {
    let t = setup("jobs.getPermissions").await;
    let permissions = ok(t.case.operation, t.client.jobs().get_permissions(JOB_ID).await);
    t.verify(&permissions).await;
    assert_eq!(permissions.object_id.as_deref(), Some("/jobs/684317226354722"));
    assert_eq!(
        acl_levels::<models::JobPermissionLevel>(&permissions),
        [
            models::JobPermissionLevel::IsOwner,
            models::JobPermissionLevel::CanManageRun,
            models::JobPermissionLevel::CanManage,
        ]
    );
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    assert_eq!(acl[1].unknown_fields["future_field"], future_field());
    let inherited = &acl[2].all_permissions.as_deref().expect("all_permissions")[0];
    assert_eq!(inherited.inherited, Some(true));
}

#[tokio::test]
async fn jobs_get_run() {
    let t = setup("jobs.getRun").await;
    let params = models::JobsGetRunParams {
        include_history: Some(true),
        ..Default::default()
    };
    let run = ok(t.case.operation, t.client.jobs().get_run(RUN, &params).await);
    t.verify(&run).await;
    assert_eq!(run.run_id, Some(RUN));
    assert_eq!(run.job_id, Some(JOB));
    assert_eq!(run.run_type, Some(models::RunType::JobRun));
    assert_eq!(run.trigger, Some(models::RunTriggerType::Periodic));
    assert_eq!(run.run_duration, Some(3_312_000));
    assert_eq!(run.unknown_fields["format"], "MULTI_TASK");
    let state = run.state.as_ref().expect("state");
    assert_eq!(state.life_cycle_state, Some(models::RunLifeCycleState::Terminated));
    assert_eq!(state.result_state, Some(models::RunResultState::Success));
    let status = run.status.as_ref().expect("status");
    assert_eq!(status.state, Some(models::RunLifecycleStateV2::Terminated));
    let termination = status.termination_details.as_ref().expect("termination_details");
    assert_eq!(termination.code, Some(models::RunTerminationCode::Success));
    assert_eq!(termination.type_, Some(models::RunTerminationType::Success));
    let parameters = run.job_parameters.as_deref().expect("job_parameters");
    assert_eq!(parameters[0].value.as_deref(), Some("2024-01-16"));

    let tasks = run.tasks.as_deref().expect("tasks");
    assert_eq!(tasks.len(), 3);
    assert_eq!(tasks[0].run_id, Some(TASK_RUN));
    assert_eq!(tasks[0].setup_duration, Some(182_000));
    let instance = tasks[0].cluster_instance.as_ref().expect("cluster_instance");
    assert_eq!(instance.cluster_id.as_deref(), Some("0116-020000-abcd1234"));
    let condition = tasks[1].condition_task.as_ref().expect("condition_task");
    assert_eq!(condition.outcome.as_deref(), Some("true"));
    assert_eq!(tasks[1].unknown_fields["future_field"], future_field());
    let for_each = tasks[2].for_each_task.as_ref().expect("for_each_task");
    assert_eq!(for_each.task.task_key, "publish_regions_iteration");
    assert!(for_each.task.notebook_task.is_some());
    let stats = for_each
        .stats
        .as_ref()
        .expect("stats")
        .task_run_stats
        .as_ref()
        .expect("task_run_stats");
    assert_eq!(stats.succeeded_iterations, Some(3));
    assert_eq!(RUN.to_string(), RUN_ID);
}

#[tokio::test]
async fn jobs_get_run_output() {
    let t = setup("jobs.getRunOutput").await;
    let output = ok(t.case.operation, t.client.jobs().get_run_output(TASK_RUN).await);
    t.verify(&output).await;
    let notebook = output.notebook_output.as_ref().expect("notebook_output");
    assert_eq!(notebook.result.as_deref(), Some("{\"row_count\": 1843}"));
    assert_eq!(notebook.truncated, Some(false));
    let metadata = output.metadata.as_ref().expect("metadata");
    assert_eq!(metadata.run_id, Some(TASK_RUN));
    assert_eq!(metadata.job_run_id, Some(RUN));
    assert_eq!(metadata.unknown_fields["task_key"], "ingest");
}

#[tokio::test]
async fn jobs_list() {
    let t = setup("jobs.list").await;
    let params = models::JobsListParams {
        limit: Some(2),
        name: Some("nightly-etl".into()),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.jobs().list(&params).await);
    t.verify(&page).await;
    assert_eq!(page.has_more, Some(true));
    assert_eq!(page.next_page_token.as_deref(), Some("CAEomPuciYcxMJDs5oW6j4QF"));
    let jobs = page.jobs.expect("jobs");
    assert_eq!(jobs[0].job_id, Some(JOB));
    assert_eq!(jobs[1].job_id, Some(70_093_418_342_213));
    let schedule = jobs[1]
        .settings
        .as_ref()
        .expect("settings")
        .schedule
        .as_ref()
        .expect("schedule");
    assert_eq!(schedule.pause_status, Some(models::JobPauseStatus::Paused));
}

#[tokio::test]
async fn jobs_list_runs() {
    let t = setup("jobs.listRuns").await;
    let params = models::JobsListRunsParams {
        active_only: Some(true),
        job_id: Some(JOB),
        limit: Some(25),
        page_token: Some("CAEomPuciYcxMJDs5oW6j4QF".into()),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.jobs().list_runs(&params).await);
    t.verify(&page).await;
    assert_eq!(page.has_more, Some(false));
    assert_eq!(page.prev_page_token.as_deref(), Some("CAAomPuciYcxMJDs5oW6j4QE"));
    let runs = page.runs.expect("runs");
    assert_eq!(runs[0].trigger, Some(models::RunTriggerType::OneTime));
    let state = runs[0].state.as_ref().expect("state");
    assert_eq!(state.life_cycle_state, Some(models::RunLifeCycleState::Queued));
    let status = runs[0].status.as_ref().expect("status");
    assert_eq!(status.state, Some(models::RunLifecycleStateV2::Queued));
    assert_eq!(
        status.queue_details.as_ref().expect("queue_details").code,
        Some(models::RunQueueDetailsCode::ActiveRunsLimitReached)
    );
}

#[tokio::test]
async fn jobs_repair_run() {
    let t = setup("jobs.repairRun").await;
    let body = models::RepairRun {
        latest_repair_id: Some(734_650_698_524_280),
        rerun_tasks: Some(vec!["refresh_pipeline".into(), "publish_regions".into()]),
        rerun_dependent_tasks: Some(true),
        job_parameters: Some([("run_date".to_string(), "2024-01-16".to_string())].into()),
        ..models::RepairRun::new(RUN)
    };
    let repair = ok(t.case.operation, t.client.jobs().repair_run(&body).await);
    t.verify(&repair).await;
    assert_eq!(repair.repair_id, Some(734_650_698_524_281));
}

#[tokio::test]
async fn jobs_reset() {
    let t = setup("jobs.reset").await;
    let settings = models::JobSettings {
        name: Some("nightly-etl".into()),
        max_concurrent_runs: Some(1),
        tasks: Some(vec![models::JobTask {
            existing_cluster_id: Some("0116-020000-abcd1234".into()),
            spark_jar_task: Some(models::SparkJarTask {
                main_class_name: Some("com.example.etl.Ingest".into()),
                parameters: Some(vec!["--full".into()]),
                ..Default::default()
            }),
            libraries: Some(vec![models::Library {
                jar: Some("/Volumes/main/etl/jars/etl-assembly-2.1.0.jar".into()),
                ..Default::default()
            }]),
            ..models::JobTask::new("ingest")
        }]),
        ..Default::default()
    };
    let ack = ok(
        t.case.operation,
        t.client.jobs().reset(&models::ResetJob::new(JOB, settings)).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn jobs_run_now() {
    let t = setup("jobs.runNow").await;
    let body = models::RunNow {
        idempotency_token: Some("nightly-etl-2024-01-16".into()),
        job_parameters: Some(
            [
                ("run_date".to_string(), "2024-01-16".to_string()),
                ("env".to_string(), "prod".to_string()),
            ]
            .into(),
        ),
        only: Some(vec!["ingest".into(), "clean".into()]),
        ..models::RunNow::new(JOB)
    };
    let started = ok(t.case.operation, t.client.jobs().run_now(&body).await);
    t.verify(&started).await;
    assert_eq!(started.run_id, Some(RUN));
    assert_eq!(started.number_in_job, Some(RUN));
}

#[tokio::test]
async fn jobs_set_permissions() {
    let t = setup("jobs.setPermissions").await;
    let body = models::JobPermissionsRequest {
        access_control_list: Some(vec![
            grant(Some("jane.doe@example.com"), None, models::JobPermissionLevel::IsOwner),
            grant(None, Some("data-engineers"), models::JobPermissionLevel::CanManageRun),
        ]),
        ..Default::default()
    };
    let permissions = ok(t.case.operation, t.client.jobs().set_permissions(JOB_ID, &body).await);
    t.verify(&permissions).await;
    assert_eq!(permissions.object_type.as_deref(), Some("job"));
    assert_eq!(
        acl_levels::<models::JobPermissionLevel>(&permissions)[1],
        models::JobPermissionLevel::CanManageRun
    );
}

#[tokio::test]
async fn jobs_submit() {
    let t = setup("jobs.submit").await;
    let body = models::SubmitRun {
        run_name: Some("backfill orders 2024-01".into()),
        idempotency_token: Some("backfill-orders-2024-01".into()),
        timeout_seconds: Some(7200),
        tasks: Some(vec![models::JobSubmitTask {
            new_cluster: Some(cluster(8)),
            spark_submit_task: Some(models::SparkSubmitTask {
                parameters: Some(vec![
                    "--class".into(),
                    "com.example.etl.Backfill".into(),
                    "/Volumes/main/etl/jars/etl-assembly-2.1.0.jar".into(),
                    "2024-01".into(),
                ]),
                ..Default::default()
            }),
            ..models::JobSubmitTask::new("backfill")
        }]),
        ..Default::default()
    };
    let started = ok(t.case.operation, t.client.jobs().submit(&body).await);
    t.verify(&started).await;
    assert_eq!(started.run_id, Some(1_107_362_546_590_001));
}

#[tokio::test]
async fn jobs_update() {
    let t = setup("jobs.update").await;
    let body = models::UpdateJob {
        new_settings: Some(models::JobSettings {
            timeout_seconds: Some(10_800),
            health: Some(models::JobsHealthRules {
                rules: Some(vec![models::JobsHealthRule::new(
                    models::JobsHealthMetric::RunDurationSeconds,
                    models::JobsHealthOperator::GreaterThan,
                    7200,
                )]),
                ..Default::default()
            }),
            ..Default::default()
        }),
        fields_to_remove: Some(vec!["libraries".into(), "schedule".into()]),
        ..models::UpdateJob::new(JOB)
    };
    let ack = ok(t.case.operation, t.client.jobs().update(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn jobs_update_permissions() {
    let t = setup("jobs.updatePermissions").await;
    let body = models::JobPermissionsRequest {
        access_control_list: Some(vec![grant(
            Some("john.smith@example.com"),
            None,
            models::JobPermissionLevel::CanView,
        )]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client.jobs().update_permissions(JOB_ID, &body).await,
    );
    t.verify(&permissions).await;
    assert_eq!(
        acl_levels::<models::JobPermissionLevel>(&permissions),
        [models::JobPermissionLevel::IsOwner, models::JobPermissionLevel::CanView]
    );
}
