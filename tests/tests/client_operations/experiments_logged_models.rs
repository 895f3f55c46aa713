//! MLflow experiments: the logged-model operations.

use super::{ok, setup};
use databricks_client::models;
use databricks_tests::cases::experiments_logged_models::{EXPERIMENT_ID, MODEL_ID, RUN_ID};

fn param(key: &str, value: &str) -> models::LoggedModelParameter {
    models::LoggedModelParameter {
        key: Some(key.into()),
        value: Some(value.into()),
        ..Default::default()
    }
}

fn tag(key: &str, value: &str) -> models::LoggedModelTag {
    models::LoggedModelTag {
        key: Some(key.into()),
        value: Some(value.into()),
        ..Default::default()
    }
}

/// Checks the model of `READY_MODEL` (the answer of `getLoggedModel` and `finalizeLoggedModel`).
fn assert_ready_model(model: &models::LoggedModel) {
    let info = model.info.as_ref().expect("info");
    assert_eq!(info.model_id.as_deref(), Some(MODEL_ID));
    assert_eq!(info.experiment_id.as_deref(), Some(EXPERIMENT_ID));
    assert_eq!(info.source_run_id.as_deref(), Some(RUN_ID));
    assert_eq!(info.status, Some(models::LoggedModelStatus::LoggedModelReady));
    assert_eq!(info.creator_id, Some(4_817_205_396_381_102));
    assert_eq!(info.creation_timestamp_ms, Some(1_718_035_200_000));
    assert_eq!(info.last_updated_timestamp_ms, Some(1_718_035_260_000));
    assert_eq!(
        info.tags.as_deref(),
        Some(&[tag("mlflow.user", "jane.doe@example.com"), tag("stage", "candidate")][..])
    );
    assert_eq!(
        info.unknown_fields["registrations"],
        serde_json::json!([{"name": "main.ml.churn_classifier", "version": "3"}])
    );
    let data = model.data.as_ref().expect("data");
    assert_eq!(
        data.params.as_deref(),
        Some(&[param("alpha", "0.25"), param("max_depth", "8")][..])
    );
    let metric = &data.metrics.as_deref().expect("metrics")[0];
    assert_eq!(metric.key.as_deref(), Some("accuracy"));
    assert_eq!(metric.value, Some(0.9375));
    assert_eq!(metric.timestamp, Some(1_718_035_230_000));
    assert_eq!(metric.step, Some(10));
    assert_eq!(metric.run_id.as_deref(), Some(RUN_ID));
    assert_eq!(metric.dataset_name.as_deref(), Some("churn-eval"));
    assert_eq!(metric.dataset_digest.as_deref(), Some("4f3a9c1e"));
    assert_eq!(metric.model_id.as_deref(), Some(MODEL_ID));
}

#[tokio::test]
async fn experiments_create_logged_model() {
    let t = setup("experiments.createLoggedModel").await;
    let body = models::CreateLoggedModelRequest {
        name: Some("churn-classifier".into()),
        model_type: Some("Classifier".into()),
        source_run_id: Some(RUN_ID.into()),
        params: Some(vec![param("alpha", "0.25")]),
        tags: Some(vec![tag("stage", "candidate")]),
        ..models::CreateLoggedModelRequest::new(EXPERIMENT_ID)
    };
    let created = ok(
        t.case.operation,
        t.client.experiments().create_logged_model(&body).await,
    );
    t.verify(&created).await;
    let info = created
        .model
        .as_ref()
        .and_then(|model| model.info.as_ref())
        .expect("model.info");
    assert_eq!(info.model_id.as_deref(), Some(MODEL_ID));
    assert_eq!(info.status, Some(models::LoggedModelStatus::LoggedModelPending));
    assert!(
        info.artifact_uri
            .as_deref()
            .expect("artifact_uri")
            .ends_with("/logged_models/m-6f0a4c2e9b7d4d1f8a3e5c7b9d1f2a4c/artifacts")
    );
    assert!(info.unknown_fields.is_empty());
}

#[tokio::test]
async fn experiments_delete_logged_model() {
    let t = setup("experiments.deleteLoggedModel").await;
    let ack = ok(
        t.case.operation,
        t.client.experiments().delete_logged_model(MODEL_ID).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn experiments_delete_logged_model_tag() {
    let t = setup("experiments.deleteLoggedModelTag").await;
    let ack = ok(
        t.case.operation,
        t.client.experiments().delete_logged_model_tag(MODEL_ID, "stage").await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn experiments_finalize_logged_model() {
    let t = setup("experiments.finalizeLoggedModel").await;
    let body = models::FinalizeLoggedModelRequest::new(models::LoggedModelStatus::LoggedModelReady);
    let finalized = ok(
        t.case.operation,
        t.client.experiments().finalize_logged_model(MODEL_ID, &body).await,
    );
    t.verify(&finalized).await;
    assert_ready_model(finalized.model.as_ref().expect("model"));
}

#[tokio::test]
async fn experiments_get_logged_model() {
    let t = setup("experiments.getLoggedModel").await;
    let got = ok(
        t.case.operation,
        t.client.experiments().get_logged_model(MODEL_ID).await,
    );
    t.verify(&got).await;
    assert_ready_model(got.model.as_ref().expect("model"));
}

#[tokio::test]
async fn experiments_log_logged_model_params() {
    let t = setup("experiments.logLoggedModelParams").await;
    let body = models::LogLoggedModelParamsRequest {
        params: Some(vec![param("max_depth", "8"), param("n_estimators", "200")]),
        ..Default::default()
    };
    let ack = ok(
        t.case.operation,
        t.client.experiments().log_logged_model_params(MODEL_ID, &body).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn experiments_search_logged_models() {
    let t = setup("experiments.searchLoggedModels").await;
    let body = models::SearchLoggedModelsRequest {
        experiment_ids: Some(vec![EXPERIMENT_ID.into()]),
        filter: Some("params.alpha < 0.3 AND metrics.accuracy > 0.9".into()),
        datasets: Some(vec![models::SearchLoggedModelsDataset {
            dataset_digest: Some("4f3a9c1e".into()),
            ..models::SearchLoggedModelsDataset::new("churn-eval")
        }]),
        order_by: Some(vec![models::SearchLoggedModelsOrderBy {
            ascending: Some(false),
            dataset_name: Some("churn-eval".into()),
            ..models::SearchLoggedModelsOrderBy::new("metrics.accuracy")
        }]),
        max_results: Some(2),
        page_token: Some("eyJvZmZzZXQiOiAyfQ==".into()),
        ..Default::default()
    };
    let page = ok(
        t.case.operation,
        t.client.experiments().search_logged_models(&body).await,
    );
    t.verify(&page).await;
    assert_eq!(page.next_page_token.as_deref(), Some("eyJvZmZzZXQiOiA0fQ=="));
    let models_found = page.models.as_deref().expect("models");
    let statuses: Vec<_> = models_found
        .iter()
        .map(|model| {
            model
                .info
                .as_ref()
                .and_then(|info| info.status.clone())
                .expect("status")
        })
        .collect();
    assert_eq!(
        statuses,
        [
            models::LoggedModelStatus::LoggedModelReady,
            models::LoggedModelStatus::Unrecognized("LOGGED_MODEL_ARCHIVED".into())
        ]
    );
    let accuracies: Vec<_> = models_found
        .iter()
        .map(|model| {
            model
                .data
                .as_ref()
                .and_then(|data| data.metrics.as_deref())
                .expect("metrics")[0]
                .value
        })
        .collect();
    assert_eq!(accuracies, [Some(0.9375), Some(0.906_25)]);
}

#[tokio::test]
async fn experiments_set_logged_model_tags() {
    let t = setup("experiments.setLoggedModelTags").await;
    let body = models::SetLoggedModelTagsRequest {
        tags: Some(vec![tag("stage", "production"), tag("owner", "ml-platform")]),
        ..Default::default()
    };
    let ack = ok(
        t.case.operation,
        t.client.experiments().set_logged_model_tags(MODEL_ID, &body).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}
