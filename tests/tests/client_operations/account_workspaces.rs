//! Account workspaces, including the wait after `create` and `update` until the workspace is `RUNNING`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use super::{future_field, ok, setup};
use databricks_client::{Error, models};
use databricks_runtime::WaitOptions;
use databricks_tests::cases::account_credentials::CREDENTIALS_ID;
use databricks_tests::cases::account_networks::NETWORK_ID;
use databricks_tests::cases::account_storage::STORAGE_CONFIGURATION_ID;
use databricks_tests::cases::account_workspaces::WORKSPACE_ID;
use databricks_tests::mock::{self, received};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn create_body() -> models::CreateWorkspaceRequest {
    models::CreateWorkspaceRequest {
        workspace_name: Some("sales-analytics".into()),
        deployment_name: Some("sales-analytics".into()),
        aws_region: Some("us-west-2".into()),
        pricing_tier: Some(models::PricingTier::Enterprise),
        credentials_id: Some(CREDENTIALS_ID.into()),
        storage_configuration_id: Some(STORAGE_CONFIGURATION_ID.into()),
        network_id: Some(NETWORK_ID.into()),
        custom_tags: Some([("cost-center".to_owned(), "cc-2041".to_owned())].into()),
        ..Default::default()
    }
}

#[tokio::test]
async fn account_workspaces_create() {
    let t = setup("accountWorkspaces.create").await;
    let created = ok(t.case.operation, t.account.workspaces().create(&create_body()).await);
    t.verify(&created).await;
    assert_eq!(created.workspace_id, Some(WORKSPACE_ID));
    assert_eq!(created.workspace_status, Some(models::WorkspaceStatus::Provisioning));
    assert_eq!(created.deployment_name.as_deref(), Some("acme-sales-analytics"));
    assert_eq!(created.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_workspaces_delete() {
    let t = setup("accountWorkspaces.delete").await;
    let deleted = ok(t.case.operation, t.account.workspaces().delete(WORKSPACE_ID).await);
    t.verify(&deleted).await;
    assert_eq!(deleted.workspace_id, Some(WORKSPACE_ID));
    assert_eq!(
        deleted.storage_mode,
        Some(models::CustomerFacingStorageMode::CustomerHosted)
    );
}

#[tokio::test]
async fn account_workspaces_get() {
    let t = setup("accountWorkspaces.get").await;
    let workspace = ok(t.case.operation, t.account.workspaces().get(WORKSPACE_ID).await);
    t.verify(&workspace).await;
    assert_eq!(workspace.workspace_status, Some(models::WorkspaceStatus::Running));
    assert_eq!(workspace.compute_mode, Some(models::CustomerFacingComputeMode::Hybrid));
    assert_eq!(workspace.pricing_tier, Some(models::PricingTier::Enterprise));
    assert_eq!(workspace.creation_time, Some(1_718_035_200_000));
    assert_eq!(
        workspace.private_access_settings_id.as_deref(),
        Some("3f7c1a90-5e2b-4d84-a6c1-0b9e8d7f2a45")
    );
    assert_eq!(workspace.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_workspaces_list() {
    let t = setup("accountWorkspaces.list").await;
    let workspaces = ok(t.case.operation, t.account.workspaces().list().await);
    t.verify(&workspaces).await;
    assert_eq!(workspaces.len(), 2);
    assert_eq!(workspaces[0].workspace_id, Some(WORKSPACE_ID));
    let gcp = &workspaces[1];
    assert_eq!(gcp.location.as_deref(), Some("us-east4"));
    let project = gcp
        .cloud_resource_container
        .as_ref()
        .and_then(|container| container.gcp.as_ref());
    assert_eq!(project.and_then(|gcp| gcp.project_id.as_deref()), Some("acme-research"));
    assert_eq!(
        gcp.gke_config.as_ref().and_then(|gke| gke.connectivity_type.clone()),
        Some(models::GkeConfigConnectivityType::PrivateNodePublicMaster)
    );
    assert_eq!(gcp.compute_mode, Some(models::CustomerFacingComputeMode::Serverless));
    assert_eq!(
        gcp.workspace_status,
        Some(models::WorkspaceStatus::Unrecognized("SUSPENDED".into()))
    );
    assert_eq!(gcp.unknown_fields["future_field"], future_field());
}

#[tokio::test]
async fn account_workspaces_update() {
    let t = setup("accountWorkspaces.update").await;
    let params = models::AccountWorkspacesUpdateParams {
        update_mask: Some("workspace_name,custom_tags".into()),
    };
    let body = models::Workspace {
        workspace_name: Some("sales-analytics-emea".into()),
        custom_tags: Some([("cost-center".to_owned(), "cc-3107".to_owned())].into()),
        ..Default::default()
    };
    let updated = ok(
        t.case.operation,
        t.account.workspaces().update(WORKSPACE_ID, &params, &body).await,
    );
    t.verify(&updated).await;
    assert_eq!(updated.workspace_name.as_deref(), Some("sales-analytics-emea"));
    assert_eq!(updated.unknown_fields["future_field"], future_field());
}

const WORKSPACES: &str = "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/workspaces";
const THE_WORKSPACE: &str = "/api/2.0/accounts/0d3c6f1a-8e2b-4c5d-9f7a-1b2c3d4e5f60/workspaces/1234567890123456";

fn workspace(status: &str, message: &str) -> Value {
    json!({
        "workspace_id": WORKSPACE_ID,
        "workspace_name": "sales-analytics",
        "workspace_status": status,
        "workspace_status_message": message,
    })
}

/// A server where `call_method` on `call_path` answers the workspace `PROVISIONING`, and each `GET` of
/// the workspace answers the next of `states` (the last one repeating).
async fn provisioning_server(call_method: &str, call_path: &str, states: Vec<Value>) -> MockServer {
    let server = MockServer::builder().start().await;
    Mock::given(method(call_method))
        .and(path(call_path))
        .respond_with(ResponseTemplate::new(200).set_body_json(workspace("PROVISIONING", "Starting")))
        .mount(&server)
        .await;
    let polls = AtomicUsize::new(0);
    Mock::given(method("GET"))
        .and(path(THE_WORKSPACE))
        .respond_with(move |_: &Request| {
            let n = polls.fetch_add(1, Ordering::SeqCst);
            ResponseTemplate::new(200).set_body_json(states[n.min(states.len() - 1)].clone())
        })
        .mount(&server)
        .await;
    server
}

/// Polls every few milliseconds so the tests run quickly.
fn quick() -> WaitOptions {
    WaitOptions::new().poll_interval(Duration::from_millis(5), Duration::from_millis(20))
}

#[tokio::test]
async fn a_created_workspace_is_polled_by_account_and_workspace_id_until_running() {
    let server = provisioning_server(
        "POST",
        WORKSPACES,
        vec![
            workspace("PROVISIONING", "Creating cloud resources"),
            workspace("RUNNING", "Workspace is running."),
        ],
    )
    .await;
    let running = mock::account_client(&server)
        .workspaces()
        .create_and_wait(&create_body(), &quick())
        .await
        .expect("the workspace becomes usable");
    assert_eq!(running.workspace_status, Some(models::WorkspaceStatus::Running));

    let requests = received(&server).await;
    let polls: Vec<(&str, &str)> = requests
        .iter()
        .map(|request| (request.method.as_str(), request.path.as_str()))
        .collect();
    assert_eq!(
        polls,
        [("POST", WORKSPACES), ("GET", THE_WORKSPACE), ("GET", THE_WORKSPACE)]
    );
}

#[tokio::test]
async fn a_failed_workspace_ends_the_wait_with_its_status_message() {
    let server = provisioning_server(
        "POST",
        WORKSPACES,
        vec![
            workspace("PROVISIONING", "Creating cloud resources"),
            workspace("FAILED", "The cross-account role cannot be assumed."),
        ],
    )
    .await;
    let error = mock::account_client(&server)
        .workspaces()
        .create_and_wait(&create_body(), &quick())
        .await
        .expect_err("the deployment fails");
    match &error {
        Error::WaitFailed {
            operation,
            state,
            message,
        } => {
            assert_eq!(*operation, "accountWorkspaces.create");
            assert_eq!(state, "FAILED");
            assert_eq!(message.as_deref(), Some("The cross-account role cannot be assumed."));
        }
        other => panic!("expected WaitFailed, got {other:?}"),
    }
    assert_eq!(received(&server).await.len(), 3, "no poll after the failure state");
}

#[tokio::test]
async fn an_updated_workspace_is_waited_for_until_running_again() {
    let server = provisioning_server(
        "PATCH",
        THE_WORKSPACE,
        vec![
            workspace("PROVISIONING", "Applying the new network"),
            workspace("RUNNING", ""),
        ],
    )
    .await;
    let params = models::AccountWorkspacesUpdateParams {
        update_mask: Some("network_id".into()),
    };
    let body = models::Workspace {
        network_id: Some(NETWORK_ID.into()),
        ..Default::default()
    };
    let running = mock::account_client(&server)
        .workspaces()
        .update_and_wait(WORKSPACE_ID, &params, &body, &quick())
        .await
        .expect("the workspace runs again");
    assert_eq!(running.workspace_status, Some(models::WorkspaceStatus::Running));
    let requests = received(&server).await;
    assert_eq!(requests.len(), 3);
    assert!(
        requests[1..]
            .iter()
            .all(|poll| poll.method == "GET" && poll.path == THE_WORKSPACE)
    );
}

#[tokio::test]
async fn a_banned_workspace_ends_the_update_wait() {
    let server = provisioning_server(
        "PATCH",
        THE_WORKSPACE,
        vec![workspace("BANNED", "Access to the workspace was blocked.")],
    )
    .await;
    let error = mock::account_client(&server)
        .workspaces()
        .update_and_wait(
            WORKSPACE_ID,
            &models::AccountWorkspacesUpdateParams::default(),
            &models::Workspace::default(),
            &quick(),
        )
        .await
        .expect_err("a banned workspace does not come back");
    assert!(
        matches!(&error, Error::WaitFailed { state, .. } if state == "BANNED"),
        "{error:?}"
    );
}
