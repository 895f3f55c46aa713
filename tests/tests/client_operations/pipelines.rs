//! Pipelines.

use super::{acl_levels, future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::pipelines::{CLONE_ID, PIPELINE_ID, UPDATE_ID};

const JANE: &str = "jane.doe@example.com";
const GLOB: &str = "/Workspace/Users/jane.doe@example.com/sales-orders/transformations/**";
const BRONZE: &str = "/Workspace/Users/jane.doe@example.com/sales-orders/bronze";
const LAST_MODIFIED: i64 = 1_715_339_712_345;

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|value| (*value).to_owned()).collect()
}

fn glob_library() -> models::PipelineLibrary {
    models::PipelineLibrary {
        glob: Some(models::PipelinePathPattern {
            include: Some(GLOB.into()),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn grant(level: models::PipelinePermissionLevel) -> models::PipelineAccessControlRequest {
    models::PipelineAccessControlRequest {
        permission_level: Some(level),
        ..Default::default()
    }
}

fn check_permissions(permissions: &models::PipelinePermissions) {
    assert_eq!(permissions.object_type.as_deref(), Some("pipelines"));
    assert_eq!(
        acl_levels::<models::PipelinePermissionLevel>(permissions),
        [
            models::PipelinePermissionLevel::IsOwner,
            models::PipelinePermissionLevel::CanRun,
            models::PipelinePermissionLevel::Unrecognized("CAN_DEPLOY".into()),
            models::PipelinePermissionLevel::CanManage,
        ]
    );
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    let admins = &acl[3];
    let inherited = &admins.all_permissions.as_deref().expect("all_permissions")[0];
    assert_eq!(inherited.inherited, Some(true));
    assert_eq!(inherited.inherited_from_object, Some(strings(&["/pipelines/"])));
    assert_eq!(admins.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn pipelines_apply_environment() {
    let t = setup("pipelines.applyEnvironment").await;
    let ack = ok(
        t.case.operation,
        t.client.pipelines().apply_environment(PIPELINE_ID).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn pipelines_clone() {
    let t = setup("pipelines.clone").await;
    let body = models::ClonePipelineRequest {
        clone_mode: Some(models::PipelineCloneMode::MigrateToUc),
        catalog: Some("main".into()),
        schema: Some("sales".into()),
        expected_last_modified: Some(LAST_MODIFIED),
        ..Default::default()
    };
    let cloned = ok(t.case.operation, t.client.pipelines().clone(PIPELINE_ID, &body).await);
    t.verify(&cloned).await;
    assert_eq!(cloned.pipeline_id.as_deref(), Some(CLONE_ID));
}

#[tokio::test]
async fn pipelines_create() {
    let t = setup("pipelines.create").await;
    let body = models::CreatePipeline {
        name: Some("sales-orders".into()),
        catalog: Some("main".into()),
        schema: Some("sales".into()),
        serverless: Some(true),
        continuous: Some(false),
        channel: Some("CURRENT".into()),
        libraries: Some(vec![
            glob_library(),
            models::PipelineLibrary {
                notebook: Some(models::PipelineNotebookLibrary {
                    path: Some(BRONZE.into()),
                    ..Default::default()
                }),
                ..Default::default()
            },
        ]),
        configuration: Some([("source_path".to_owned(), "/Volumes/main/raw/orders".to_owned())].into()),
        notifications: Some(vec![models::PipelineNotifications {
            email_recipients: Some(strings(&[JANE])),
            alerts: Some(strings(&["on-update-failure", "on-flow-failure"])),
            ..Default::default()
        }]),
        environment: Some(models::PipelinesEnvironment {
            dependencies: Some(strings(&["great-expectations==0.18.12"])),
            ..Default::default()
        }),
        ..Default::default()
    };
    let created = ok(t.case.operation, t.client.pipelines().create(&body).await);
    t.verify(&created).await;
    assert_eq!(created.pipeline_id.as_deref(), Some(PIPELINE_ID));
    assert!(created.effective_settings.is_none());
}

#[tokio::test]
async fn pipelines_delete() {
    let t = setup("pipelines.delete").await;
    let params = models::PipelinesDeleteParams {
        cascade: Some(false),
        ..Default::default()
    };
    let ack = ok(
        t.case.operation,
        t.client.pipelines().delete(PIPELINE_ID, &params).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn pipelines_get() {
    let t = setup("pipelines.get").await;
    let pipeline = ok(t.case.operation, t.client.pipelines().get(PIPELINE_ID).await);
    t.verify(&pipeline).await;
    assert_eq!(pipeline.pipeline_id.as_deref(), Some(PIPELINE_ID));
    assert_eq!(pipeline.state, Some(models::PipelineState::Running));
    assert_eq!(pipeline.health, Some(models::PipelineHealth::Healthy));
    assert_eq!(pipeline.last_modified, Some(LAST_MODIFIED));
    assert_eq!(
        pipeline.effective_publishing_mode,
        Some(models::PipelinePublishingMode::DefaultPublishingMode)
    );
    assert_eq!(
        pipeline.run_as.as_ref().and_then(|run_as| run_as.user_name.as_deref()),
        Some(JANE)
    );
    let updates = pipeline.latest_updates.as_deref().expect("latest_updates");
    assert_eq!(updates[0].update_id.as_deref(), Some(UPDATE_ID));
    assert_eq!(updates[0].state, Some(models::PipelineUpdateState::Running));
    assert_eq!(updates[1].creation_time.as_deref(), Some("2024-05-14T09:13:05.201Z"));
    assert_eq!(pipeline.unknown_fields["future_field"], future_field());

    let spec = pipeline.spec.as_ref().expect("spec");
    assert_eq!(spec.schema.as_deref(), Some("sales"));
    let cluster = &spec.clusters.as_deref().expect("clusters")[0];
    assert_eq!(cluster.label.as_deref(), Some("default"));
    let autoscale = cluster.autoscale.as_ref().expect("autoscale");
    assert_eq!((autoscale.min_workers, autoscale.max_workers), (1, 5));
    assert_eq!(autoscale.mode, Some(models::PipelineClusterAutoscaleMode::Enhanced));
    let window = spec.restart_window.as_ref().expect("restart_window");
    assert_eq!(window.start_hour, 2);
    assert_eq!(
        window.days_of_week.as_deref(),
        Some(&[models::PipelineDayOfWeek::Saturday, models::PipelineDayOfWeek::Sunday][..])
    );
    assert_eq!(
        spec.deployment.as_ref().map(|deployment| &deployment.kind),
        Some(&models::PipelineDeploymentKind::Bundle)
    );
}

#[tokio::test]
async fn pipelines_get_permission_levels() {
    let t = setup("pipelines.getPermissionLevels").await;
    let levels = ok(
        t.case.operation,
        t.client.pipelines().get_permission_levels(PIPELINE_ID).await,
    );
    t.verify(&levels).await;
    let levels = levels.permission_levels.expect("permission_levels");
    assert_eq!(levels.len(), 4);
    assert_eq!(
        levels[0].permission_level,
        Some(models::PipelinePermissionLevel::CanView)
    );
    assert_eq!(
        levels[3].permission_level,
        Some(models::PipelinePermissionLevel::IsOwner)
    );
}

#[tokio::test]
async fn pipelines_get_permissions() {
    let t = setup("pipelines.getPermissions").await;
    let permissions = ok(
        t.case.operation,
        t.client.pipelines().get_permissions(PIPELINE_ID).await,
    );
    t.verify(&permissions).await;
    check_permissions(&permissions);
}

#[tokio::test]
async fn pipelines_get_update() {
    let t = setup("pipelines.getUpdate").await;
    let got = ok(
        t.case.operation,
        t.client.pipelines().get_update(PIPELINE_ID, UPDATE_ID).await,
    );
    t.verify(&got).await;
    let update = got.update.expect("update");
    assert_eq!(update.update_id.as_deref(), Some(UPDATE_ID));
    assert_eq!(update.cause, Some(models::PipelineUpdateCause::ApiCall));
    assert_eq!(update.state, Some(models::PipelineUpdateState::Running));
    assert_eq!(update.mode, Some(models::PipelineUpdateMode::Default));
    assert_eq!(update.creation_time, Some(1_715_764_402_518));
    assert_eq!(update.refresh_selection, Some(strings(&["main.sales.orders_silver"])));
    assert_eq!(update.config.and_then(|config| config.serverless), Some(true));
}

#[tokio::test]
async fn pipelines_list_pipeline_events() {
    let t = setup("pipelines.listPipelineEvents").await;
    let params = models::PipelinesListPipelineEventsParams {
        filter: Some("level in ('ERROR', 'WARN')".into()),
        max_results: Some(2),
        order_by: Some(strings(&["timestamp desc"])),
        ..Default::default()
    };
    let page = ok(
        t.case.operation,
        t.client.pipelines().list_pipeline_events(PIPELINE_ID, &params).await,
    );
    t.verify(&page).await;
    assert_eq!(
        page.next_page_token.as_deref(),
        Some("eyJzZXEiOjE3MTU3NjQ1MTAyMTAwMDF9")
    );
    let events = page.events.as_deref().expect("events");
    assert_eq!(events.len(), 2);

    let failure = &events[0];
    assert_eq!(failure.level, Some(models::PipelineEventLevel::Error));
    assert_eq!(failure.maturity_level, Some(models::PipelineMaturityLevel::Stable));
    assert_eq!(failure.timestamp.as_deref(), Some("2024-05-15T09:15:19.034Z"));
    assert_eq!(failure.event_type.as_deref(), Some("flow_progress"));
    let origin = failure.origin.as_ref().expect("origin");
    assert_eq!(origin.org_id, Some(1_234_567_890_123_456));
    assert_eq!(origin.batch_id, Some(42));
    assert_eq!(origin.update_id.as_deref(), Some(UPDATE_ID));
    let sequence = failure.sequence.as_ref().expect("sequence");
    assert_eq!(sequence.control_plane_seq_no, Some(1_715_764_519_034_001));
    assert_eq!(
        sequence.data_plane_id.as_ref().and_then(|id| id.seq_no),
        Some(1_715_764_519_034)
    );
    let error = failure.error.as_ref().expect("error");
    assert_eq!(error.fatal, Some(false));
    let exception = &error.exceptions.as_deref().expect("exceptions")[0];
    assert_eq!(
        exception.class_name.as_deref(),
        Some("org.apache.spark.sql.AnalysisException")
    );
    assert_eq!(exception.stack.as_deref().expect("stack")[0].line_number, Some(57));
    assert_eq!(failure.unknown_fields["details"]["flow_progress"]["status"], "FAILED");

    let warning = &events[1];
    assert_eq!(
        warning.level,
        Some(models::PipelineEventLevel::Unrecognized("NOTICE".into()))
    );
    let truncated = warning
        .truncation
        .as_ref()
        .and_then(|t| t.truncated_fields.as_deref())
        .expect("truncation");
    assert_eq!(truncated[0].field_name.as_deref(), Some("details"));
}

#[tokio::test]
async fn pipelines_list_pipelines() {
    let t = setup("pipelines.listPipelines").await;
    let params = models::PipelinesListPipelinesParams {
        filter: Some("name LIKE '%sales%'".into()),
        max_results: Some(2),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.pipelines().list_pipelines(&params).await);
    t.verify(&page).await;
    assert_eq!(
        page.next_page_token.as_deref(),
        Some("eyJwaXBlbGluZV9pZCI6ImM0MWQ3ZTkyIn0=")
    );
    let statuses = page.statuses.as_deref().expect("statuses");
    assert_eq!(statuses[0].pipeline_id.as_deref(), Some(PIPELINE_ID));
    assert_eq!(statuses[0].state, Some(models::PipelineState::Running));
    assert_eq!(statuses[1].pipeline_id.as_deref(), Some(CLONE_ID));
    assert_eq!(
        statuses[1].state,
        Some(models::PipelineState::Unrecognized("PAUSED".into()))
    );
    assert_eq!(statuses[1].health, Some(models::PipelineHealth::Unhealthy));
    let latest = &statuses[1].latest_updates.as_deref().expect("latest_updates")[0];
    assert_eq!(latest.state, Some(models::PipelineUpdateState::Failed));
    assert_eq!(statuses[1].unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn pipelines_list_updates() {
    let t = setup("pipelines.listUpdates").await;
    let params = models::PipelinesListUpdatesParams {
        max_results: Some(2),
        ..Default::default()
    };
    let page = ok(
        t.case.operation,
        t.client.pipelines().list_updates(PIPELINE_ID, &params).await,
    );
    t.verify(&page).await;
    assert_eq!(
        page.next_page_token.as_deref(),
        Some("eyJ1cGRhdGVfaWQiOiIxZTRiN2MyYSJ9")
    );
    assert_eq!(
        page.prev_page_token.as_deref(),
        Some("eyJ1cGRhdGVfaWQiOiI5YTZmMmM0ZSJ9")
    );
    let updates = page.updates.as_deref().expect("updates");
    assert_eq!(updates[0].cause, Some(models::PipelineUpdateCause::ApiCall));
    assert_eq!(
        updates[1].cause,
        Some(models::PipelineUpdateCause::Unrecognized("SCHEDULED_REFRESH".into()))
    );
    assert_eq!(updates[1].state, Some(models::PipelineUpdateState::Completed));
    assert_eq!(updates[1].creation_time, Some(1_715_677_985_201));
    assert_eq!(
        updates[1].full_refresh_selection,
        Some(strings(&["main.sales.orders_bronze"]))
    );
}

#[tokio::test]
async fn pipelines_set_permissions() {
    let t = setup("pipelines.setPermissions").await;
    let body = models::PipelinePermissionsRequest {
        access_control_list: Some(vec![
            models::PipelineAccessControlRequest {
                user_name: Some(JANE.into()),
                ..grant(models::PipelinePermissionLevel::IsOwner)
            },
            models::PipelineAccessControlRequest {
                group_name: Some("data-engineers".into()),
                ..grant(models::PipelinePermissionLevel::CanRun)
            },
        ]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client.pipelines().set_permissions(PIPELINE_ID, &body).await,
    );
    t.verify(&permissions).await;
    check_permissions(&permissions);
}

#[tokio::test]
async fn pipelines_start_update() {
    let t = setup("pipelines.startUpdate").await;
    let body = models::StartPipelineUpdate {
        full_refresh_selection: Some(strings(&["main.sales.orders_bronze"])),
        refresh_selection: Some(strings(&["main.sales.orders_silver"])),
        parameters: Some([("run_date".to_owned(), "2024-05-15".to_owned())].into()),
        ..Default::default()
    };
    let started = ok(
        t.case.operation,
        t.client.pipelines().start_update(PIPELINE_ID, &body).await,
    );
    t.verify(&started).await;
    assert_eq!(started.update_id.as_deref(), Some(UPDATE_ID));
    assert_eq!(started.unknown_fields["request_id"], UPDATE_ID);
}

#[tokio::test]
async fn pipelines_reset() {
    let t = setup("pipelines.reset").await;
    let ack = ok(t.case.operation, t.client.pipelines().reset(PIPELINE_ID).await);
    t.verify(&ack).await;
}

#[tokio::test]
async fn pipelines_run() {
    let t = setup("pipelines.run").await;
    let ack = ok(t.case.operation, t.client.pipelines().run(PIPELINE_ID).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn pipelines_stop() {
    let t = setup("pipelines.stop").await;
    let ack = ok(t.case.operation, t.client.pipelines().stop(PIPELINE_ID).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn pipelines_update() {
    let t = setup("pipelines.update").await;
    let body = models::EditPipeline {
        id: Some(PIPELINE_ID.into()),
        name: Some("sales-orders".into()),
        catalog: Some("main".into()),
        schema: Some("sales".into()),
        serverless: Some(true),
        development: Some(true),
        libraries: Some(vec![glob_library()]),
        expected_last_modified: Some(LAST_MODIFIED),
        ..Default::default()
    };
    let ack = ok(t.case.operation, t.client.pipelines().update(PIPELINE_ID, &body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn pipelines_update_permissions() {
    let t = setup("pipelines.updatePermissions").await;
    let body = models::PipelinePermissionsRequest {
        access_control_list: Some(vec![models::PipelineAccessControlRequest {
            group_name: Some("data-engineers".into()),
            ..grant(models::PipelinePermissionLevel::CanRun)
        }]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client.pipelines().update_permissions(PIPELINE_ID, &body).await,
    );
    t.verify(&permissions).await;
    check_permissions(&permissions);
}
