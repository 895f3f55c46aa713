//! Workspace model registry: registered models, model versions, transition requests, comments, registry
//! webhooks and the permissions of registered models.

use super::{acl_levels, future_field, ok, setup};
use databricks_client::models;
use databricks_tests::cases::model_registry::{COMMENT_ID, MODEL_NAME, RUN_ID, WEBHOOK_ID};

#[tokio::test]
async fn model_registry_get_permission_levels() {
    let t = setup("modelRegistry.getPermissionLevels").await;
    let levels = ok(
        t.case.operation,
        t.client
            .model_registry()
            .get_permission_levels(databricks_tests::cases::model_registry::REGISTERED_MODEL_ID)
            .await,
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
            models::RegisteredModelPermissionLevel::CanRead,
            models::RegisteredModelPermissionLevel::CanEdit,
            models::RegisteredModelPermissionLevel::CanManageStagingVersions,
            models::RegisteredModelPermissionLevel::CanManageProductionVersions,
            models::RegisteredModelPermissionLevel::CanManage
        ]
    );
}

#[tokio::test]
async fn model_registry_get_permissions() {
    let t = setup("modelRegistry.getPermissions").await;
    let permissions = ok(
        t.case.operation,
        t.client
            .model_registry()
            .get_permissions(databricks_tests::cases::model_registry::REGISTERED_MODEL_ID)
            .await,
    );
    t.verify(&permissions).await;
    assert_eq!(
        permissions.object_id.as_deref(),
        Some("/registered-models/8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b")
    );
    assert_eq!(permissions.object_type.as_deref(), Some("registered-model"));
    assert_eq!(
        acl_levels::<models::RegisteredModelPermissionLevel>(&permissions),
        [
            models::RegisteredModelPermissionLevel::CanManage,
            models::RegisteredModelPermissionLevel::Unrecognized("CAN_MANAGE_ALIASES".into()),
            models::RegisteredModelPermissionLevel::CanRead,
            models::RegisteredModelPermissionLevel::CanRead
        ]
    );
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    let admins = &acl[0].all_permissions.as_deref().expect("all_permissions")[0];
    assert_eq!(admins.inherited, Some(true));
    assert_eq!(
        admins.inherited_from_object.as_deref(),
        Some(&["/registered-models/".to_owned()][..])
    );
    assert_eq!(acl[1].user_name.as_deref(), Some("jane.doe@example.com"));
    assert_eq!(acl[1].unknown_fields["future_field"], future_field());
    assert_eq!(
        acl[3].service_principal_name.as_deref(),
        Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410")
    );
}

#[tokio::test]
async fn model_registry_set_permissions() {
    let t = setup("modelRegistry.setPermissions").await;
    let body = models::RegisteredModelPermissionsRequest {
        access_control_list: Some(vec![
            models::RegisteredModelAccessControlRequest {
                group_name: Some("data-engineers".into()),
                permission_level: Some(models::RegisteredModelPermissionLevel::CanRead),
                ..Default::default()
            },
            models::RegisteredModelAccessControlRequest {
                service_principal_name: Some("6f5ccf28-d83a-4957-9bfb-5bbfac551410".into()),
                permission_level: Some(models::RegisteredModelPermissionLevel::CanRead),
                ..Default::default()
            },
        ]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client
            .model_registry()
            .set_permissions(databricks_tests::cases::model_registry::REGISTERED_MODEL_ID, &body)
            .await,
    );
    t.verify(&permissions).await;
    assert_eq!(
        acl_levels::<models::RegisteredModelPermissionLevel>(&permissions).len(),
        4
    );
}

#[tokio::test]
async fn model_registry_update_permissions() {
    let t = setup("modelRegistry.updatePermissions").await;
    let body = models::RegisteredModelPermissionsRequest {
        access_control_list: Some(vec![models::RegisteredModelAccessControlRequest {
            user_name: Some("john.smith@example.com".into()),
            permission_level: Some(models::RegisteredModelPermissionLevel::CanManageStagingVersions),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let permissions = ok(
        t.case.operation,
        t.client
            .model_registry()
            .update_permissions(databricks_tests::cases::model_registry::REGISTERED_MODEL_ID, &body)
            .await,
    );
    t.verify(&permissions).await;
    let acl = permissions.access_control_list.as_deref().expect("access_control_list");
    assert_eq!(acl[1].display_name.as_deref(), Some("John Smith"));
    assert_eq!(
        acl_levels::<models::RegisteredModelPermissionLevel>(&permissions),
        [
            models::RegisteredModelPermissionLevel::CanManage,
            models::RegisteredModelPermissionLevel::CanManageStagingVersions
        ]
    );
}

const SOURCE: &str =
    "dbfs:/databricks/mlflow-tracking/1234567890123456/0a1b2c3d4e5f67890a1b2c3d4e5f6789/artifacts/model";

// Registered models.

#[tokio::test]
async fn model_registry_create_model() {
    let t = setup("modelRegistry.createModel").await;
    let body = models::CreateModelRequest {
        description: Some("Predicts monthly churn".into()),
        tags: Some(vec![models::ModelTag {
            key: Some("team".into()),
            value: Some("growth".into()),
            ..Default::default()
        }]),
        ..models::CreateModelRequest::new(MODEL_NAME)
    };
    let created = ok(t.case.operation, t.client.model_registry().create_model(&body).await);
    t.verify(&created).await;
    let model = created.registered_model.expect("registered_model");
    assert_eq!(model.name.as_deref(), Some(MODEL_NAME));
    assert_eq!(model.creation_timestamp, Some(1_705_311_017_000));
    assert_eq!(model.tags.expect("tags")[0].value.as_deref(), Some("growth"));
}

#[tokio::test]
async fn model_registry_get_model() {
    let t = setup("modelRegistry.getModel").await;
    let got = ok(t.case.operation, t.client.model_registry().get_model(MODEL_NAME).await);
    t.verify(&got).await;
    let model = got.registered_model_databricks.expect("registered_model_databricks");
    assert_eq!(
        model.id.as_deref(),
        Some(databricks_tests::cases::model_registry::REGISTERED_MODEL_ID)
    );
    assert_eq!(
        model.permission_level,
        Some(models::ModelRegistryPermissionLevel::CanManage)
    );
    let latest = &model.latest_versions.as_deref().expect("latest_versions")[0];
    assert_eq!(latest.current_stage, Some(models::ModelVersionStage::Production));
    assert_eq!(latest.status, Some(models::ModelVersionStatus::Ready));
    assert_eq!(latest.run_id.as_deref(), Some(RUN_ID));
    assert_eq!(model.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn model_registry_rename_model() {
    let t = setup("modelRegistry.renameModel").await;
    let body = models::RenameModelRequest {
        new_name: Some("churn-classifier-v2".into()),
        ..models::RenameModelRequest::new(MODEL_NAME)
    };
    let renamed = ok(t.case.operation, t.client.model_registry().rename_model(&body).await);
    t.verify(&renamed).await;
    let model = renamed.registered_model.expect("registered_model");
    assert_eq!(model.name.as_deref(), Some("churn-classifier-v2"));
    assert_eq!(model.last_updated_timestamp, Some(1_708_077_617_000));
}

#[tokio::test]
async fn model_registry_update_model() {
    let t = setup("modelRegistry.updateModel").await;
    let body = models::UpdateModelRequest {
        description: Some("Predicts churn over the next 30 days".into()),
        ..models::UpdateModelRequest::new(MODEL_NAME)
    };
    let updated = ok(t.case.operation, t.client.model_registry().update_model(&body).await);
    t.verify(&updated).await;
    assert_eq!(
        updated
            .registered_model
            .expect("registered_model")
            .description
            .as_deref(),
        Some("Predicts churn over the next 30 days")
    );
}

#[tokio::test]
async fn model_registry_delete_model() {
    let t = setup("modelRegistry.deleteModel").await;
    let ack = ok(
        t.case.operation,
        t.client.model_registry().delete_model(MODEL_NAME).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn model_registry_list_models() {
    let t = setup("modelRegistry.listModels").await;
    let params = models::ModelRegistryListModelsParams {
        max_results: Some(2),
        page_token: Some("eyJvZmZzZXQiOiAyfQ==".into()),
    };
    let page = ok(t.case.operation, t.client.model_registry().list_models(&params).await);
    t.verify(&page).await;
    assert_eq!(page.next_page_token.as_deref(), Some("eyJvZmZzZXQiOiA0fQ=="));
    let models_ = page.registered_models.expect("registered_models");
    assert_eq!(models_.len(), 2);
    let latest = models_[0].latest_versions.as_deref().expect("latest_versions");
    assert_eq!(latest[1].current_stage, Some(models::ModelVersionStage::None));
    assert_eq!(models_[1].name.as_deref(), Some("ltv-regressor"));
}

#[tokio::test]
async fn model_registry_search_models() {
    let t = setup("modelRegistry.searchModels").await;
    let params = models::ModelRegistrySearchModelsParams {
        filter: Some("name LIKE '%churn%'".into()),
        max_results: Some(50),
        order_by: Some(vec!["last_updated_timestamp DESC".into(), "name".into()]),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.model_registry().search_models(&params).await);
    t.verify(&page).await;
    assert_eq!(page.next_page_token, None);
    let found = page.registered_models.expect("registered_models");
    assert_eq!(found[0].name.as_deref(), Some(MODEL_NAME));
}

#[tokio::test]
async fn model_registry_get_latest_versions() {
    let t = setup("modelRegistry.getLatestVersions").await;
    let body = models::GetLatestVersionsRequest {
        stages: Some(vec![
            models::ModelVersionStage::Staging,
            models::ModelVersionStage::Production,
        ]),
        ..models::GetLatestVersionsRequest::new(MODEL_NAME)
    };
    let latest = ok(
        t.case.operation,
        t.client.model_registry().get_latest_versions(&body).await,
    );
    t.verify(&latest).await;
    let versions = latest.model_versions.expect("model_versions");
    let stages: Vec<_> = versions
        .iter()
        .map(|v| (v.version.as_deref(), v.current_stage.clone()))
        .collect();
    assert_eq!(
        stages,
        [
            (Some("4"), Some(models::ModelVersionStage::Staging)),
            (Some("3"), Some(models::ModelVersionStage::Production))
        ]
    );
}

#[tokio::test]
async fn model_registry_set_model_tag() {
    let t = setup("modelRegistry.setModelTag").await;
    let body = models::SetModelTagRequest::new(MODEL_NAME, "team", "growth");
    let ack = ok(t.case.operation, t.client.model_registry().set_model_tag(&body).await);
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn model_registry_delete_model_tag() {
    let t = setup("modelRegistry.deleteModelTag").await;
    let ack = ok(
        t.case.operation,
        t.client.model_registry().delete_model_tag(MODEL_NAME, "team").await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

// Model versions.

#[tokio::test]
async fn model_registry_create_model_version() {
    let t = setup("modelRegistry.createModelVersion").await;
    let body = models::CreateModelVersionRequest {
        run_id: Some(RUN_ID.into()),
        description: Some("Gradient boosting, 2024-02 features".into()),
        tags: Some(vec![models::ModelVersionTag {
            key: Some("validated_by".into()),
            value: Some("nightly-eval".into()),
            ..Default::default()
        }]),
        ..models::CreateModelVersionRequest::new(MODEL_NAME, SOURCE)
    };
    let created = ok(
        t.case.operation,
        t.client.model_registry().create_model_version(&body).await,
    );
    t.verify(&created).await;
    let version = created.model_version.expect("model_version");
    assert_eq!(version.version.as_deref(), Some("3"));
    assert_eq!(version.current_stage, Some(models::ModelVersionStage::None));
    assert_eq!(version.status, Some(models::ModelVersionStatus::PendingRegistration));
    assert_eq!(version.source.as_deref(), Some(SOURCE));
}

#[tokio::test]
async fn model_registry_get_model_version() {
    let t = setup("modelRegistry.getModelVersion").await;
    let got = ok(
        t.case.operation,
        t.client.model_registry().get_model_version(MODEL_NAME, "3").await,
    );
    t.verify(&got).await;
    let version = got.model_version.expect("model_version");
    assert_eq!(
        version.current_stage,
        Some(models::ModelVersionStage::Unrecognized("Shadow".into()))
    );
    assert_eq!(version.status_message.as_deref(), Some(""));
    assert_eq!(version.last_updated_timestamp, Some(1_707_991_217_000));
    assert_eq!(version.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn model_registry_update_model_version() {
    let t = setup("modelRegistry.updateModelVersion").await;
    let body = models::UpdateModelVersionRequest {
        description: Some("Retrained on February data".into()),
        ..models::UpdateModelVersionRequest::new(MODEL_NAME, "3")
    };
    let updated = ok(
        t.case.operation,
        t.client.model_registry().update_model_version(&body).await,
    );
    t.verify(&updated).await;
    assert_eq!(
        updated.model_version.expect("model_version").description.as_deref(),
        Some("Retrained on February data")
    );
}

#[tokio::test]
async fn model_registry_delete_model_version() {
    let t = setup("modelRegistry.deleteModelVersion").await;
    let ack = ok(
        t.case.operation,
        t.client.model_registry().delete_model_version(MODEL_NAME, "2").await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn model_registry_search_model_versions() {
    let t = setup("modelRegistry.searchModelVersions").await;
    let params = models::ModelRegistrySearchModelVersionsParams {
        filter: Some("name = 'churn-classifier'".into()),
        max_results: Some(100),
        order_by: Some(vec!["version_number DESC".into()]),
        page_token: Some("eyJvZmZzZXQiOiAxMDB9".into()),
    };
    let page = ok(
        t.case.operation,
        t.client.model_registry().search_model_versions(&params).await,
    );
    t.verify(&page).await;
    assert_eq!(page.next_page_token.as_deref(), Some("eyJvZmZzZXQiOiAyMDB9"));
    let versions = page.model_versions.expect("model_versions");
    assert_eq!(versions[1].current_stage, Some(models::ModelVersionStage::Archived));
    assert_eq!(versions[1].status, Some(models::ModelVersionStatus::FailedRegistration));
}

#[tokio::test]
async fn model_registry_get_model_version_download_uri() {
    let t = setup("modelRegistry.getModelVersionDownloadUri").await;
    let uri = ok(
        t.case.operation,
        t.client
            .model_registry()
            .get_model_version_download_uri(MODEL_NAME, "3")
            .await,
    );
    t.verify(&uri).await;
    assert_eq!(
        uri.artifact_uri.as_deref(),
        Some("dbfs:/databricks/mlflow-registry/8e2a4f6c1b3d5e7f9a0b2c4d6e8f0a1b/models/model")
    );
}

#[tokio::test]
async fn model_registry_transition_stage() {
    let t = setup("modelRegistry.transitionStage").await;
    let body = models::TransitionModelVersionStageDatabricks {
        comment: Some("Beats v2 on recall".into()),
        ..models::TransitionModelVersionStageDatabricks::new(
            MODEL_NAME,
            "3",
            models::ModelVersionStage::Production,
            true,
        )
    };
    let moved = ok(
        t.case.operation,
        t.client.model_registry().transition_stage(&body).await,
    );
    t.verify(&moved).await;
    let version = moved.model_version_databricks.expect("model_version_databricks");
    assert_eq!(version.current_stage, Some(models::ModelVersionStage::Production));
    assert_eq!(
        version.permission_level,
        Some(models::ModelRegistryPermissionLevel::CanManageProductionVersions)
    );
    assert_eq!(
        version.email_subscription_status,
        Some(models::RegistryEmailSubscriptionType::Subscribed)
    );
    assert_eq!(version.open_requests.as_deref().map(<[_]>::len), Some(0));
    let features = version.feature_list.expect("feature_list").features.expect("features");
    assert_eq!(features[0].feature_table_name.as_deref(), Some("ml.customer_features"));
}

#[tokio::test]
async fn model_registry_set_model_version_tag() {
    let t = setup("modelRegistry.setModelVersionTag").await;
    let body = models::SetModelVersionTagRequest::new(MODEL_NAME, "3", "validated_by", "nightly-eval");
    let ack = ok(
        t.case.operation,
        t.client.model_registry().set_model_version_tag(&body).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn model_registry_delete_model_version_tag() {
    let t = setup("modelRegistry.deleteModelVersionTag").await;
    let ack = ok(
        t.case.operation,
        t.client
            .model_registry()
            .delete_model_version_tag(MODEL_NAME, "3", "validated_by")
            .await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

// Transition requests.

#[tokio::test]
async fn model_registry_create_transition_request() {
    let t = setup("modelRegistry.createTransitionRequest").await;
    let body = models::CreateTransitionRequest {
        comment: Some("Ready for prod review".into()),
        ..models::CreateTransitionRequest::new(MODEL_NAME, "4", models::ModelVersionStage::Production)
    };
    let created = ok(
        t.case.operation,
        t.client.model_registry().create_transition_request(&body).await,
    );
    t.verify(&created).await;
    let request = created.request.expect("request");
    assert_eq!(request.to_stage, Some(models::ModelVersionStage::Production));
    assert_eq!(request.creation_timestamp, Some(1_708_077_617_000));
    assert_eq!(
        request.available_actions.expect("available_actions"),
        [
            models::RegistryActivityAction::ApproveTransitionRequest,
            models::RegistryActivityAction::RejectTransitionRequest,
            models::RegistryActivityAction::CancelTransitionRequest
        ]
    );
}

#[tokio::test]
async fn model_registry_list_transition_requests() {
    let t = setup("modelRegistry.listTransitionRequests").await;
    let listed = ok(
        t.case.operation,
        t.client
            .model_registry()
            .list_transition_requests(MODEL_NAME, "4")
            .await,
    );
    t.verify(&listed).await;
    let requests = listed.requests.expect("requests");
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].activity_type,
        Some(models::RegistryActivityType::RequestedTransition)
    );
    assert_eq!(requests[0].from_stage, Some(models::ModelVersionStage::Staging));
    assert_eq!(requests[0].user_id.as_deref(), Some("john.smith@example.com"));
}

#[tokio::test]
async fn model_registry_approve_transition_request() {
    let t = setup("modelRegistry.approveTransitionRequest").await;
    let body = models::ApproveTransitionRequest {
        comment: Some("Approved after review".into()),
        ..models::ApproveTransitionRequest::new(MODEL_NAME, "4", models::ModelVersionStage::Production, true)
    };
    let approved = ok(
        t.case.operation,
        t.client.model_registry().approve_transition_request(&body).await,
    );
    t.verify(&approved).await;
    let activity = approved.activity.expect("activity");
    assert_eq!(
        activity.activity_type,
        Some(models::RegistryActivityType::ApprovedRequest)
    );
    assert_eq!(activity.to_stage, Some(models::ModelVersionStage::Production));
}

#[tokio::test]
async fn model_registry_reject_transition_request() {
    let t = setup("modelRegistry.rejectTransitionRequest").await;
    let body = models::RejectTransitionRequest {
        comment: Some("Recall too low".into()),
        ..models::RejectTransitionRequest::new(MODEL_NAME, "4", models::ModelVersionStage::Production)
    };
    let rejected = ok(
        t.case.operation,
        t.client.model_registry().reject_transition_request(&body).await,
    );
    t.verify(&rejected).await;
    let activity = rejected.activity.expect("activity");
    assert_eq!(
        activity.activity_type,
        Some(models::RegistryActivityType::RejectedRequest)
    );
    assert_eq!(activity.comment.as_deref(), Some("Recall too low"));
}

#[tokio::test]
async fn model_registry_delete_transition_request() {
    let t = setup("modelRegistry.deleteTransitionRequest").await;
    let params = models::ModelRegistryDeleteTransitionRequestParams {
        comment: Some("Superseded by version 5".into()),
    };
    let deleted = ok(
        t.case.operation,
        t.client
            .model_registry()
            .delete_transition_request(
                MODEL_NAME,
                "4",
                &models::ModelVersionStage::Production,
                "john.smith@example.com",
                &params,
            )
            .await,
    );
    t.verify(&deleted).await;
    let activity = deleted.activity.expect("activity");
    assert_eq!(
        activity.activity_type,
        Some(models::RegistryActivityType::CancelledRequest)
    );
    assert_eq!(activity.last_updated_timestamp, Some(1_708_164_017_000));
}

// Comments.

#[tokio::test]
async fn model_registry_create_comment() {
    let t = setup("modelRegistry.createComment").await;
    let body = models::CreateRegistryComment::new(MODEL_NAME, "3", "AUC 0.91 on the holdout set");
    let created = ok(t.case.operation, t.client.model_registry().create_comment(&body).await);
    t.verify(&created).await;
    let comment = created.comment.expect("comment");
    assert_eq!(comment.id.as_deref(), Some(COMMENT_ID));
    assert_eq!(
        comment.available_actions.expect("available_actions"),
        [
            models::CommentActivityAction::EditComment,
            models::CommentActivityAction::DeleteComment
        ]
    );
}

#[tokio::test]
async fn model_registry_update_comment() {
    let t = setup("modelRegistry.updateComment").await;
    let body = models::UpdateRegistryComment::new(COMMENT_ID, "AUC 0.92 on the holdout set");
    let updated = ok(t.case.operation, t.client.model_registry().update_comment(&body).await);
    t.verify(&updated).await;
    let comment = updated.comment.expect("comment");
    assert_eq!(comment.comment.as_deref(), Some("AUC 0.92 on the holdout set"));
    assert_eq!(
        comment.available_actions.expect("available_actions")[2],
        models::CommentActivityAction::Unrecognized("PIN_COMMENT".into())
    );
}

#[tokio::test]
async fn model_registry_delete_comment() {
    let t = setup("modelRegistry.deleteComment").await;
    let ack = ok(
        t.case.operation,
        t.client.model_registry().delete_comment(COMMENT_ID).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

// Registry webhooks.

#[tokio::test]
async fn model_registry_create_webhook() {
    let t = setup("modelRegistry.createWebhook").await;
    let body = models::CreateRegistryWebhook {
        model_name: Some(MODEL_NAME.into()),
        description: Some("Notify the ML platform channel".into()),
        status: Some(models::RegistryWebhookStatus::TestMode),
        http_url_spec: Some(models::RegistryWebhookHttpUrlSpec {
            secret: Some("c2hhcmVkLXNlY3JldA".into()),
            enable_ssl_verification: Some(true),
            ..models::RegistryWebhookHttpUrlSpec::new("https://hooks.example.com/mlflow")
        }),
        ..models::CreateRegistryWebhook::new(vec![
            models::RegistryWebhookEvent::ModelVersionTransitionedToProduction,
            models::RegistryWebhookEvent::TransitionRequestToProductionCreated,
        ])
    };
    assert!(!format!("{body:?}").contains("c2hhcmVkLXNlY3JldA"));
    let created = ok(t.case.operation, t.client.model_registry().create_webhook(&body).await);
    t.verify(&created).await;
    let webhook = created.webhook.expect("webhook");
    assert_eq!(webhook.id.as_deref(), Some(WEBHOOK_ID));
    assert_eq!(webhook.status, Some(models::RegistryWebhookStatus::TestMode));
    let http = webhook.http_url_spec.expect("http_url_spec");
    assert_eq!(http.url.as_deref(), Some("https://hooks.example.com/mlflow"));
    assert_eq!(http.enable_ssl_verification, Some(true));
}

#[tokio::test]
async fn model_registry_list_webhooks() {
    let t = setup("modelRegistry.listWebhooks").await;
    let params = models::ModelRegistryListWebhooksParams {
        events: Some(vec![
            models::RegistryWebhookEvent::ModelVersionCreated,
            models::RegistryWebhookEvent::ModelVersionTransitionedStage,
        ]),
        max_results: Some(20),
        model_name: Some(MODEL_NAME.into()),
        ..Default::default()
    };
    let page = ok(t.case.operation, t.client.model_registry().list_webhooks(&params).await);
    t.verify(&page).await;
    assert_eq!(page.next_page_token.as_deref(), Some("CgQIARAB"));
    let webhooks = page.webhooks.expect("webhooks");
    assert_eq!(
        webhooks[0].events.as_deref().expect("events"),
        [
            models::RegistryWebhookEvent::ModelVersionTransitionedStage,
            models::RegistryWebhookEvent::Unrecognized("MODEL_VERSION_ALIAS_SET".into())
        ]
    );
    assert_eq!(webhooks[1].status, Some(models::RegistryWebhookStatus::Disabled));
    let job = webhooks[1].job_spec.as_ref().expect("job_spec");
    assert_eq!(job.job_id.as_deref(), Some("718034227513469"));
}

#[tokio::test]
async fn model_registry_update_webhook() {
    let t = setup("modelRegistry.updateWebhook").await;
    let body = models::UpdateRegistryWebhook {
        status: Some(models::RegistryWebhookStatus::Active),
        job_spec: Some(models::RegistryWebhookJobSpec::new(
            "718034227513469",
            "dapi0123456789abcdef0123456789abcdef",
        )),
        ..models::UpdateRegistryWebhook::new(WEBHOOK_ID)
    };
    assert!(!format!("{body:?}").contains("dapi0123456789abcdef0123456789abcdef"));
    let updated = ok(t.case.operation, t.client.model_registry().update_webhook(&body).await);
    t.verify(&updated).await;
    let webhook = updated.webhook.expect("webhook");
    assert_eq!(webhook.status, Some(models::RegistryWebhookStatus::Active));
    assert_eq!(
        webhook.job_spec.expect("job_spec").workspace_url.as_deref(),
        Some("https://adb-1234567890123456.7.azuredatabricks.net")
    );
}

#[tokio::test]
async fn model_registry_delete_webhook() {
    let t = setup("modelRegistry.deleteWebhook").await;
    let ack = ok(
        t.case.operation,
        t.client.model_registry().delete_webhook(WEBHOOK_ID).await,
    );
    t.verify(&ack).await;
    assert!(ack.unknown_fields.is_empty());
}

#[tokio::test]
async fn model_registry_test_registry_webhook() {
    let t = setup("modelRegistry.testRegistryWebhook").await;
    let body = models::TestRegistryWebhookRequest {
        event: Some(models::RegistryWebhookEvent::ModelVersionCreated),
        ..models::TestRegistryWebhookRequest::new(WEBHOOK_ID)
    };
    let answer = ok(
        t.case.operation,
        t.client.model_registry().test_registry_webhook(&body).await,
    );
    t.verify(&answer).await;
    assert_eq!(answer.status_code, Some(200));
    assert_eq!(answer.body.as_deref(), Some(r#"{"ok": true}"#));
}
