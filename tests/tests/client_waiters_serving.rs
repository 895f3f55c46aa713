//! The waits of the model serving endpoints and apps against local servers whose resources move through
//! states: each reaches its success state by polling the operation the official SDKs poll, with the values
//! bound from the request or the answer, and each failure state ends the wait with the server's message.

use std::time::Duration;

use databricks_client::{Client, Error, models};
use databricks_tests::mock::{self, client_with_budget, quick_waits, received};
use serde_json::{Value, json};
use wiremock::MockServer;

fn client(server: &MockServer) -> Client {
    client_with_budget(&server.uri(), Duration::from_secs(2))
}

/// A server where `call` answers its JSON, and each `GET` of `poll_path` answers the next of `states`.
async fn moving_server(call: (&str, &str, Value), poll_path: &str, states: Vec<Value>) -> MockServer {
    mock::moving_server(call, ("GET", poll_path), states).await
}

/// Every request after the first is a body-less `GET` of `poll_path`; returns how many there were.
async fn polls_of(server: &MockServer, poll_path: &str) -> usize {
    let requests = received(server).await;
    for poll in &requests[1..] {
        assert_eq!((poll.method.as_str(), poll.path.as_str()), ("GET", poll_path));
        assert!(poll.query.is_empty() && poll.body.is_none());
    }
    requests.len() - 1
}

fn failed(error: &Error) -> (&'static str, &str, Option<&str>) {
    match error {
        Error::WaitFailed {
            operation,
            state,
            message,
        } => (*operation, state.as_str(), message.as_deref()),
        other => panic!("expected WaitFailed, got {other:?}"),
    }
}

fn app(compute_state: &str, message: &str) -> Value {
    json!({"name": "sales-dashboard", "compute_status": {"state": compute_state, "message": message}})
}

#[tokio::test]
async fn a_created_app_is_polled_by_the_name_in_the_answer_until_its_compute_is_active() {
    let server = moving_server(
        ("POST", "/api/2.0/apps", app("STARTING", "App compute is starting.")),
        "/api/2.0/apps/sales-dashboard",
        vec![
            app("STARTING", "App compute is starting."),
            app("ACTIVE", "App compute is active."),
        ],
    )
    .await;
    // The request names another app: the poll goes by the name the server answered with.
    let body = models::App::new("sales-dashboard-requested");
    let app = client(&server)
        .apps()
        .create_and_wait(&models::AppsCreateParams::default(), &body, &quick_waits())
        .await
        .expect("the app's compute becomes active");
    assert_eq!(
        app.compute_status.and_then(|status| status.state),
        Some(models::AppComputeState::Active)
    );
    assert_eq!(polls_of(&server, "/api/2.0/apps/sales-dashboard").await, 2);
}

#[tokio::test]
async fn an_app_whose_compute_stops_or_fails_while_starting_ends_the_wait() {
    for (state, message) in [
        ("ERROR", "App compute failed: quota exceeded"),
        ("STOPPED", "App compute was stopped."),
    ] {
        let server = moving_server(
            ("POST", "/api/2.0/apps/sales-dashboard/start", app("STARTING", "")),
            "/api/2.0/apps/sales-dashboard",
            vec![app("STARTING", ""), app(state, message)],
        )
        .await;
        let error = client(&server)
            .apps()
            .start_and_wait("sales-dashboard", &quick_waits())
            .await
            .expect_err("the compute does not become active");
        assert_eq!(failed(&error), ("apps.start", state, Some(message)));
    }
}

#[tokio::test]
async fn a_stopped_app_is_polled_until_stopped_and_an_error_ends_the_wait() {
    let server = moving_server(
        ("POST", "/api/2.0/apps/sales-dashboard/stop", app("STOPPING", "")),
        "/api/2.0/apps/sales-dashboard",
        vec![
            app("STOPPING", "App compute is stopping."),
            app("STOPPED", "App compute is stopped."),
        ],
    )
    .await;
    let stopped = client(&server)
        .apps()
        .stop_and_wait("sales-dashboard", &quick_waits())
        .await
        .expect("the compute stops");
    assert_eq!(
        stopped.compute_status.and_then(|status| status.state),
        Some(models::AppComputeState::Stopped)
    );

    let server = moving_server(
        ("POST", "/api/2.0/apps/sales-dashboard/stop", app("STOPPING", "")),
        "/api/2.0/apps/sales-dashboard",
        vec![app("ERROR", "App compute could not be stopped")],
    )
    .await;
    let error = client(&server)
        .apps()
        .stop_and_wait("sales-dashboard", &quick_waits())
        .await
        .expect_err("the compute fails");
    assert_eq!(
        failed(&error),
        ("apps.stop", "ERROR", Some("App compute could not be stopped"))
    );
}

fn deployment(state: &str, message: &str) -> Value {
    json!({"deployment_id": "01ef0bda", "status": {"state": state, "message": message}})
}

#[tokio::test]
async fn a_deployment_is_polled_by_the_app_in_the_request_and_the_id_in_the_answer() {
    let server = moving_server(
        (
            "POST",
            "/api/2.0/apps/sales-dashboard/deployments",
            deployment("IN_PROGRESS", ""),
        ),
        "/api/2.0/apps/sales-dashboard/deployments/01ef0bda",
        vec![
            deployment("IN_PROGRESS", "Building the app"),
            deployment("SUCCEEDED", "App started successfully"),
        ],
    )
    .await;
    let body = models::AppDeployment {
        source_code_path: Some("/Workspace/Users/jane.doe@example.com/sales-dashboard".into()),
        ..Default::default()
    };
    let done = client(&server)
        .apps()
        .deploy_and_wait("sales-dashboard", &body, &quick_waits())
        .await
        .expect("the deployment succeeds");
    assert_eq!(
        done.status.and_then(|status| status.state),
        Some(models::AppDeploymentState::Succeeded)
    );
    assert_eq!(
        polls_of(&server, "/api/2.0/apps/sales-dashboard/deployments/01ef0bda").await,
        2
    );

    let server = moving_server(
        (
            "POST",
            "/api/2.0/apps/sales-dashboard/deployments",
            deployment("IN_PROGRESS", ""),
        ),
        "/api/2.0/apps/sales-dashboard/deployments/01ef0bda",
        vec![deployment(
            "FAILED",
            "Error installing packages: requirements.txt line 3",
        )],
    )
    .await;
    let error = client(&server)
        .apps()
        .deploy_and_wait("sales-dashboard", &body, &quick_waits())
        .await
        .expect_err("the deployment fails");
    assert_eq!(
        failed(&error),
        (
            "apps.deploy",
            "FAILED",
            Some("Error installing packages: requirements.txt line 3")
        )
    );
}

fn endpoint(config_update: &str, ready: &str) -> Value {
    json!({"name": "churn-model", "state": {"config_update": config_update, "ready": ready}})
}

#[tokio::test]
async fn a_created_endpoint_is_polled_by_its_name_until_no_update_is_in_progress() {
    let server = moving_server(
        (
            "POST",
            "/api/2.0/serving-endpoints",
            endpoint("IN_PROGRESS", "NOT_READY"),
        ),
        "/api/2.0/serving-endpoints/churn-model",
        vec![
            endpoint("IN_PROGRESS", "NOT_READY"),
            endpoint("IN_PROGRESS", "NOT_READY"),
            endpoint("NOT_UPDATING", "READY"),
        ],
    )
    .await;
    let body = models::CreateServingEndpoint::new("churn-model");
    let ready = client(&server)
        .serving_endpoints()
        .create_and_wait(&body, &quick_waits())
        .await
        .expect("the endpoint's configuration is deployed");
    let state = ready.state.expect("state");
    assert_eq!(
        state.config_update,
        Some(models::ServingEndpointStateConfigUpdate::NotUpdating)
    );
    assert_eq!(state.ready, Some(models::ServingEndpointStateReady::Ready));
    assert_eq!(polls_of(&server, "/api/2.0/serving-endpoints/churn-model").await, 3);
}

#[tokio::test]
async fn a_failed_or_cancelled_configuration_update_ends_the_wait() {
    for state in ["UPDATE_FAILED", "UPDATE_CANCELED"] {
        let server = moving_server(
            (
                "PUT",
                "/api/2.0/serving-endpoints/churn-model/config",
                endpoint("IN_PROGRESS", "READY"),
            ),
            "/api/2.0/serving-endpoints/churn-model",
            vec![endpoint("IN_PROGRESS", "READY"), endpoint(state, "READY")],
        )
        .await;
        let error = client(&server)
            .serving_endpoints()
            .update_config_and_wait(
                "churn-model",
                &models::ServingEndpointConfigInput::default(),
                &quick_waits(),
            )
            .await
            .expect_err("the update does not take effect");
        // The endpoint state carries no explanation: the official waiter has none to show either.
        assert_eq!(failed(&error), ("servingEndpoints.updateConfig", state, None));
    }
}

#[tokio::test]
async fn provisioned_throughput_endpoints_wait_like_the_others() {
    let server = moving_server(
        (
            "POST",
            "/api/2.0/serving-endpoints/pt",
            endpoint("IN_PROGRESS", "NOT_READY"),
        ),
        "/api/2.0/serving-endpoints/churn-model",
        vec![endpoint("IN_PROGRESS", "NOT_READY"), endpoint("NOT_UPDATING", "READY")],
    )
    .await;
    let config = models::ProvisionedThroughputConfig {
        served_entities: Some(vec![models::ProvisionedThroughputServedModel::new(
            "system.ai.llama-3_3-70b-instruct",
            50,
        )]),
        ..Default::default()
    };
    let body = models::CreateProvisionedThroughputEndpoint::new("churn-model", config.clone());
    let ready = client(&server)
        .serving_endpoints()
        .create_provisioned_throughput_endpoint_and_wait(&body, &quick_waits())
        .await
        .expect("the endpoint's configuration is deployed");
    assert_eq!(
        ready.state.and_then(|state| state.config_update),
        Some(models::ServingEndpointStateConfigUpdate::NotUpdating)
    );
    assert_eq!(polls_of(&server, "/api/2.0/serving-endpoints/churn-model").await, 2);

    let server = moving_server(
        (
            "PUT",
            "/api/2.0/serving-endpoints/pt/churn-model/config",
            endpoint("IN_PROGRESS", "READY"),
        ),
        "/api/2.0/serving-endpoints/churn-model",
        vec![endpoint("UPDATE_FAILED", "READY")],
    )
    .await;
    let error = client(&server)
        .serving_endpoints()
        .update_provisioned_throughput_endpoint_config_and_wait(
            "churn-model",
            &models::ProvisionedThroughputConfigUpdate::new(config),
            &quick_waits(),
        )
        .await
        .expect_err("the update fails");
    assert_eq!(
        failed(&error),
        (
            "servingEndpoints.updateProvisionedThroughputEndpointConfig",
            "UPDATE_FAILED",
            None
        )
    );
}
