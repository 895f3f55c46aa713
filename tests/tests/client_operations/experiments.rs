//! MLflow experiments: the tracking API and the permissions of an experiment.

use super::{acl_levels, future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::experiments::{EXPERIMENT_ID, RUN_ID};

fn tag(key: &str, value: &str) -> models::RunTag {
    models::RunTag {
        key: Some(key.into()),
        value: Some(value.into()),
        ..Default::default()
    }
}

fn metric(key: &str, value: f64) -> models::Metric {
    models::Metric {
        key: Some(key.into()),
        value: Some(value),
        timestamp: Some(1_705_310_957_000),
        step: Some(12),
        ..Default::default()
    }
}

#[tokio::test]
async fn experiments_create_experiment() {
    let t = setup("experiments.createExperiment").await;
    let body = models::CreateExperiment {
        artifact_location: Some("dbfs:/mnt/ml-artifacts/churn-model".into()),
        tags: Some(vec![models::ExperimentTag {
            key: Some("team".into()),
            value: Some("growth".into()),
            ..Default::default()
        }]),
        ..models::CreateExperiment::new("/Users/jane.doe@example.com/churn-model")
    };
    let created = ok(t.case.operation, t.client.experiments().create_experiment(&body).await);
    t.verify(&created).await;
    assert_eq!(created.experiment_id.as_deref(), Some(EXPERIMENT_ID));
}

fn assert_experiment(experiment: &models::Experiment) {
    assert_eq!(experiment.experiment_id.as_deref(), Some(EXPERIMENT_ID));
    assert_eq!(experiment.lifecycle_stage.as_deref(), Some("active"));
    assert_eq!(experiment.creation_time, Some(1_704_101_417_000));
    assert_eq!(experiment.tags.as_deref().expect("tags").len(), 3);
    let uc = experiment
        .trace_location
        .as_ref()
        .and_then(|location| location.uc_trace_location.as_ref())
        .expect("uc_trace_location");
    assert_eq!((uc.catalog.as_str(), uc.schema.as_str()), ("ml", "traces"));
    assert_eq!(uc.effective_table_prefix.as_deref(), Some("churn_3947185432905812"));
    assert_eq!(experiment.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn experiments_get_experiment() {
    let t = setup("experiments.getExperiment").await;
    let got = ok(
        t.case.operation,
        t.client.experiments().get_experiment(EXPERIMENT_ID).await,
    );
    t.verify(&got).await;
    assert_experiment(got.experiment.as_ref().expect("experiment"));
}

#[tokio::test]
async fn experiments_get_by_name() {
    let t = setup("experiments.getByName").await;
    let got = ok(
        t.case.operation,
        t.client
            .experiments()
            .get_by_name("/Users/jane.doe@example.com/churn-model")
            .await,
    );
    t.verify(&got).await;
    assert_experiment(got.experiment.as_ref().expect("experiment"));
}

#[tokio::test]
async fn experiments_list_experiments() {
    let t = setup("experiments.listExperiments").await;
    let params = models::ExperimentsListExperimentsParams {
        max_results: Some(2),
        view_type: Some(models::ViewType::All),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.experiments().list_experiments(&params).await);
    t.verify(&page).await;
    assert_eq!(page.next_page_token.as_deref(), Some("eyJvZmZzZXQiOiAyfQ=="));
    let experiments = page.experiments.expect("experiments");
    assert_eq!(experiments[1].experiment_id.as_deref(), Some("1125899906842624"));
    assert_eq!(experiments[1].lifecycle_stage.as_deref(), Some("deleted"));
}

#[tokio::test]
async fn experiments_search_experiments() {
    let t = setup("experiments.searchExperiments").await;
    let body = models::SearchExperiments {
        filter: Some("name ILIKE '%churn%'".into()),
        max_results: Some(50),
        order_by: Some(vec!["last_update_time DESC".into(), "name".into()]),
        page_token: Some("eyJvZmZzZXQiOiA1MH0=".into()),
        view_type: Some(models::ViewType::ActiveOnly),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.experiments().search_experiments(&body).await);
    t.verify(&page).await;
    assert_eq!(page.next_page_token, None);
    let experiments = page.experiments.expect("experiments");
    assert_eq!(experiments.len(), 1);
    assert_eq!(experiments[0].last_update_time, Some(1_705_311_017_000));
}

#[tokio::test]
async fn experiments_update_experiment() {
    let t = setup("experiments.updateExperiment").await;
    let body = models::UpdateExperiment {
        new_name: Some("/Users/jane.doe@example.com/churn-model-v2".into()),
        ..models::UpdateExperiment::new(EXPERIMENT_ID)
    };
    let done = ok(t.case.operation, t.client.experiments().update_experiment(&body).await);
    t.verify(&done).await;
}

#[tokio::test]
async fn experiments_delete_experiment() {
    let t = setup("experiments.deleteExperiment").await;
    let body = models::DeleteExperiment::new(EXPERIMENT_ID);
    let done = ok(t.case.operation, t.client.experiments().delete_experiment(&body).await);
    t.verify(&done).await;
}

#[tokio::test]
async fn experiments_restore_experiment() {
    let t = setup("experiments.restoreExperiment").await;
    let body = models::RestoreExperiment::new(EXPERIMENT_ID);
    let done = ok(t.case.operation, t.client.experiments().restore_experiment(&body).await);
    t.verify(&done).await;
}

#[tokio::test]
async fn experiments_set_experiment_tag() {
    let t = setup("experiments.setExperimentTag").await;
    let body = models::SetExperimentTag::new(EXPERIMENT_ID, "team", "growth");
    let done = ok(t.case.operation, t.client.experiments().set_experiment_tag(&body).await);
    t.verify(&done).await;
}

#[tokio::test]
async fn experiments_create_run() {
    let t = setup("experiments.createRun").await;
    let body = models::CreateRun {
        experiment_id: Some(EXPERIMENT_ID.into()),
        run_name: Some("bold-heron-42".into()),
        start_time: Some(1_705_310_117_000),
        tags: Some(vec![tag("mlflow.user", "jane.doe@example.com")]),
        ..Default::default()
    };
    let created = ok(t.case.operation, t.client.experiments().create_run(&body).await);
    t.verify(&created).await;
    let info = created.run.and_then(|run| run.info).expect("run.info");
    assert_eq!(info.run_id.as_deref(), Some(RUN_ID));
    assert_eq!(info.status, Some(models::RunInfoStatus::Running));
    assert_eq!(info.end_time, None);
}

#[tokio::test]
async fn experiments_get_run() {
    let t = setup("experiments.getRun").await;
    let got = ok(
        t.case.operation,
        t.client.experiments().get_run(RUN_ID, &Default::default()).await,
    );
    t.verify(&got).await;
    let run = got.run.expect("run");
    let info = run.info.expect("info");
    assert_eq!(info.status, Some(models::RunInfoStatus::Finished));
    assert_eq!(info.end_time, Some(1_705_311_017_000));
    let data = run.data.expect("data");
    let metrics = data.metrics.expect("metrics");
    assert_eq!(metrics[0].value, Some(0.2431));
    assert_eq!(metrics[0].step, Some(12));
    assert_eq!(metrics[0].dataset_name.as_deref(), Some("churn-eval"));
    assert_eq!(data.params.expect("params")[1].value.as_deref(), Some("6"));
    let inputs = run.inputs.expect("inputs");
    let dataset_input = &inputs.dataset_inputs.expect("dataset_inputs")[0];
    assert_eq!(dataset_input.dataset.source_type, "delta_table");
    assert_eq!(
        dataset_input.dataset.profile.as_deref(),
        Some(r#"{"num_rows": 120000}"#)
    );
    assert_eq!(dataset_input.tags.as_deref().expect("tags")[0].value, "training");
    assert_eq!(
        inputs.model_inputs.expect("model_inputs")[0].model_id,
        "m-7d3f9a2b1c4e4f6a8b0c2d4e6f8a0b1c"
    );
}

#[tokio::test]
async fn experiments_search_runs() {
    let t = setup("experiments.searchRuns").await;
    let body = models::SearchRuns {
        experiment_ids: Some(vec![EXPERIMENT_ID.into(), "1125899906842624".into()]),
        filter: Some("metrics.val_loss < 0.3".into()),
        max_results: Some(2),
        order_by: Some(vec!["metrics.val_loss ASC".into()]),
        run_view_type: Some(models::ViewType::All),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.experiments().search_runs(&body).await);
    t.verify(&page).await;
    assert_eq!(page.next_page_token.as_deref(), Some("eyJvZmZzZXQiOiAyfQ=="));
    let runs = page.runs.expect("runs");
    let second = runs[1].info.as_ref().expect("info");
    assert_eq!(
        second.status,
        Some(models::RunInfoStatus::Unrecognized("PREEMPTED".into()))
    );
    assert_eq!(second.unknown_fields["future_field"], future_field());
    let metric = &runs[1]
        .data
        .as_ref()
        .and_then(|data| data.metrics.as_deref())
        .expect("metrics")[0];
    assert_eq!(metric.value, Some(0.2875));
}

#[tokio::test]
async fn experiments_update_run() {
    let t = setup("experiments.updateRun").await;
    let body = models::UpdateRun {
        run_id: Some(RUN_ID.into()),
        status: Some(models::UpdateRunStatus::Finished),
        end_time: Some(1_705_311_017_000),
        ..Default::default()
    };
    let updated = ok(t.case.operation, t.client.experiments().update_run(&body).await);
    t.verify(&updated).await;
    let info = updated.run_info.expect("run_info");
    assert_eq!(info.status, Some(models::RunInfoStatus::Finished));
    assert_eq!(info.end_time, Some(1_705_311_017_000));
}

#[tokio::test]
async fn experiments_delete_run() {
    let t = setup("experiments.deleteRun").await;
    let body = models::DeleteMlflowRun::new(RUN_ID);
    let done = ok(t.case.operation, t.client.experiments().delete_run(&body).await);
    t.verify(&done).await;
}

#[tokio::test]
async fn experiments_restore_run() {
    let t = setup("experiments.restoreRun").await;
    let body = models::RestoreRun::new(RUN_ID);
    let done = ok(t.case.operation, t.client.experiments().restore_run(&body).await);
    t.verify(&done).await;
}

#[tokio::test]
async fn experiments_delete_runs() {
    let t = setup("experiments.deleteRuns").await;
    let body = models::DeleteRuns {
        max_runs: Some(500),
        ..models::DeleteRuns::new(EXPERIMENT_ID, 1_704_067_200_000)
    };
    let deleted = ok(t.case.operation, t.client.experiments().delete_runs(&body).await);
    t.verify(&deleted).await;
    assert_eq!(deleted.runs_deleted, Some(137));
}

#[tokio::test]
async fn experiments_restore_runs() {
    let t = setup("experiments.restoreRuns").await;
    let body = models::RestoreRuns::new(EXPERIMENT_ID, 1_705_276_800_000);
    let restored = ok(t.case.operation, t.client.experiments().restore_runs(&body).await);
    t.verify(&restored).await;
    assert_eq!(restored.runs_restored, Some(12));
}

#[tokio::test]
async fn experiments_log_metric() {
    let t = setup("experiments.logMetric").await;
    let body = models::LogMetric {
        run_id: Some(RUN_ID.into()),
        step: Some(12),
        dataset_name: Some("churn-eval".into()),
        dataset_digest: Some("4f8e1c2a".into()),
        ..models::LogMetric::new("val_loss", f64::NAN, 1_705_310_957_000)
    };
    let done = ok(t.case.operation, t.client.experiments().log_metric(&body).await);
    t.verify(&done).await;
}

#[tokio::test]
async fn experiments_log_param() {
    let t = setup("experiments.logParam").await;
    let body = models::LogParam {
        run_id: Some(RUN_ID.into()),
        ..models::LogParam::new("learning_rate", "0.01")
    };
    let done = ok(t.case.operation, t.client.experiments().log_param(&body).await);
    t.verify(&done).await;
}

#[tokio::test]
async fn experiments_log_batch() {
    let t = setup("experiments.logBatch").await;
    let body = models::LogBatch {
        run_id: Some(RUN_ID.into()),
        metrics: Some(vec![metric("val_loss", 0.2431), metric("auc", 0.9127)]),
        params: Some(vec![models::Param {
            key: Some("max_depth".into()),
            value: Some("6".into()),
            ..Default::default()
        }]),
        tags: Some(vec![tag("stage", "candidate")]),
        ..Default::default()
    };
    let done = ok(t.case.operation, t.client.experiments().log_batch(&body).await);
    t.verify(&done).await;
}

#[tokio::test]
async fn experiments_log_model() {
    let t = setup("experiments.logModel").await;
    let body = models::LogModel {
        run_id: Some(RUN_ID.into()),
        model_json: Some(r#"{"artifact_path": "model", "flavors": {"sklearn": {"sklearn_version": "1.3.2"}}}"#.into()),
        ..Default::default()
    };
    let done = ok(t.case.operation, t.client.experiments().log_model(&body).await);
    t.verify(&done).await;
}

#[tokio::test]
async fn experiments_log_inputs() {
    let t = setup("experiments.logInputs").await;
    let dataset = models::Dataset::new(
        "churn-train",
        "9b2f6d1e",
        "delta_table",
        r#"{"delta_table_name": "ml.churn.train"}"#,
    );
    let body = models::LogInputs {
        datasets: Some(vec![models::DatasetInput {
            tags: Some(vec![models::InputTag::new("mlflow.data.context", "training")]),
            ..models::DatasetInput::new(dataset)
        }]),
        models: Some(vec![models::ModelInput::new("m-7d3f9a2b1c4e4f6a8b0c2d4e6f8a0b1c")]),
        ..models::LogInputs::new(RUN_ID)
    };
    let done = ok(t.case.operation, t.client.experiments().log_inputs(&body).await);
    t.verify(&done).await;
}

#[tokio::test]
async fn experiments_log_outputs() {
    let t = setup("experiments.logOutputs").await;
    let body = models::LogOutputs {
        models: Some(vec![models::ModelOutput::new("m-7d3f9a2b1c4e4f6a8b0c2d4e6f8a0b1c", 12)]),
        ..models::LogOutputs::new(RUN_ID)
    };
    let done = ok(t.case.operation, t.client.experiments().log_outputs(&body).await);
    t.verify(&done).await;
}

#[tokio::test]
async fn experiments_set_tag() {
    let t = setup("experiments.setTag").await;
    let body = models::SetRunTag {
        run_id: Some(RUN_ID.into()),
        ..models::SetRunTag::new("stage", "candidate")
    };
    let done = ok(t.case.operation, t.client.experiments().set_tag(&body).await);
    t.verify(&done).await;
}

#[tokio::test]
async fn experiments_delete_tag() {
    let t = setup("experiments.deleteTag").await;
    let body = models::DeleteRunTag::new(RUN_ID, "stage");
    let done = ok(t.case.operation, t.client.experiments().delete_tag(&body).await);
    t.verify(&done).await;
}

#[tokio::test]
async fn experiments_get_history() {
    let t = setup("experiments.getHistory").await;
    let params = models::ExperimentsGetHistoryParams {
        max_results: Some(3),
        run_id: Some(RUN_ID.into()),
        ..Default::default()
    };
    let page = ok(
        t.case.operation,
        t.client.experiments().get_history("val_loss", &params).await,
    );
    t.verify(&page).await;
    assert_eq!(page.next_page_token.as_deref(), Some("eyJvZmZzZXQiOiAzfQ=="));
    let steps: Vec<_> = page
        .metrics
        .expect("metrics")
        .iter()
        .map(|metric| (metric.step, metric.value))
        .collect();
    assert_eq!(
        steps,
        [
            (Some(0), Some(0.6874)),
            // Sent as the string "Infinity".
            (Some(4), Some(f64::INFINITY)),
            (Some(8), Some(0.3018))
        ]
    );
}

#[tokio::test]
async fn experiments_list_artifacts() {
    let t = setup("experiments.listArtifacts").await;
    let params = models::ExperimentsListArtifactsParams {
        path: Some("model".into()),
        run_id: Some(RUN_ID.into()),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.experiments().list_artifacts(&params).await);
    t.verify(&page).await;
    assert!(page.root_uri.as_deref().expect("root_uri").ends_with("/artifacts"));
    let files = page.files.expect("files");
    assert_eq!(files[1].file_size, Some(3_221_225_472));
    assert_eq!(files[2].is_dir, Some(true));
    assert_eq!(files[2].file_size, None);
}

#[tokio::test]
async fn experiments_get_permission_levels() {
    let t = setup("experiments.getPermissionLevels").await;
    let levels = ok(
        t.case.operation,
        t.client.experiments().get_permission_levels(EXPERIMENT_ID).await,
    );
    t.verify(&levels).await;
    let levels: Vec<_> = levels
        .permission_levels
        .expect("permission_levels")
        .into_iter()
        .map(|level| level.permission_level.expect("permission_level"))
        .collect();
    assert_eq!(
        levels,
        [
            models::ExperimentPermissionLevel::CanRead,
            models::ExperimentPermissionLevel::CanEdit,
            models::ExperimentPermissionLevel::CanManage
        ]
    );
}

#[tokio::test]
async fn experiments_get_permissions() {
    let t = setup("experiments.getPermissions").await;
    let permissions = ok(
        t.case.operation,
        t.client.experiments().get_permissions(EXPERIMENT_ID).await,
    );
    t.verify(&permissions).await;
    assert_eq!(permissions.object_id.as_deref(), Some("/experiments/3947185432905812"));
    assert_eq!(permissions.object_type.as_deref(), Some("mlflowExperiment"));
    assert_eq!(
        acl_levels::<models::ExperimentPermissionLevel>(&permissions),
        [
            models::ExperimentPermissionLevel::CanManage,
            models::ExperimentPermissionLevel::Unrecognized("CAN_RUN".into()),
            models::ExperimentPermissionLevel::CanRead,
            models::ExperimentPermissionLevel::CanRead
        ]
    );
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    let admins = &acl[0].all_permissions.as_deref().expect("all_permissions")[0];
    assert_eq!(admins.inherited, Some(true));
    assert_eq!(
        admins.inherited_from_object.as_deref(),
        Some(&["/directories/4108364197239567".to_owned()][..])
    );
    assert_eq!(acl[1].user_name.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(acl[1].unknown_fields["future_field"], future_field());
    assert_eq!(
        acl[3].service_principal_name.as_deref(),
        Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410")
    );
}

#[tokio::test]
async fn experiments_set_permissions() {
    let t = setup("experiments.setPermissions").await;
    let body = models::ExperimentPermissionsRequest {
        access_control_list: Some(vec![
            models::ExperimentAccessControlRequest {
                group_name: Some("data-engineers".into()),
                permission_level: Some(models::ExperimentPermissionLevel::CanRead),
                ..Default::default()
            },
            models::ExperimentAccessControlRequest {
                service_principal_name: Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410".into()),
                permission_level: Some(models::ExperimentPermissionLevel::CanRead),
                ..Default::default()
            },
        ]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client.experiments().set_permissions(EXPERIMENT_ID, &body).await,
    );
    t.verify(&permissions).await;
    assert_eq!(acl_levels::<models::ExperimentPermissionLevel>(&permissions).len(), 4);
}

#[tokio::test]
async fn experiments_update_permissions() {
    let t = setup("experiments.updatePermissions").await;
    let body = models::ExperimentPermissionsRequest {
        access_control_list: Some(vec![models::ExperimentAccessControlRequest {
            user_name: Some("john.smith@example.com".into()),
            permission_level: Some(models::ExperimentPermissionLevel::CanEdit),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client.experiments().update_permissions(EXPERIMENT_ID, &body).await,
    );
    t.verify(&permissions).await;
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    assert_eq!(acl[1].display_name.as_deref(), Some("John Smith"));
    assert_eq!(
        acl_levels::<models::ExperimentPermissionLevel>(&permissions),
        [
            models::ExperimentPermissionLevel::CanManage,
            models::ExperimentPermissionLevel::CanEdit
        ]
    );
}
