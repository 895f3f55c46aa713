//! The `*_and_wait` methods against local servers whose resources move through states: reaching success,
//! a failure state with the server's message, and the timeout; values bound from the request, the response
//! and into a path parameter.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use databricks_client::{Client, Error, models};
use databricks_tests::mock::{client_with_budget, moving_server, quick_waits, received};
use serde_json::{Value, json};
use wiremock::MockServer;

fn client(server: &MockServer) -> Client {
    client_with_budget(&server.uri(), Duration::from_secs(2))
}

fn cluster(state: &str, message: &str) -> Value {
    json!({"cluster_id": "0115-c1", "state": state, "state_message": message, "spark_version": "15.4.x-scala2.12"})
}

fn create_cluster() -> models::CreateCluster {
    models::CreateCluster::new("15.4.x-scala2.12")
}

#[tokio::test]
async fn a_created_cluster_is_polled_until_running_with_progress_reported() {
    let server = moving_server(
        ("POST", "/api/2.1/clusters/create", json!({"cluster_id": "0115-c1"})),
        ("GET", "/api/2.1/clusters/get"),
        vec![
            cluster("PENDING", "Finding instances"),
            cluster("PENDING", "Setting up Spark"),
            cluster("RUNNING", ""),
        ],
    )
    .await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let options = quick_waits().on_progress(move |progress| {
        log.lock()
            .expect("lock")
            .push(format!("{} {} {:?}", progress.polls, progress.state, progress.message));
    });
    let details = client(&server)
        .clusters()
        .create_and_wait(&create_cluster(), &options)
        .await
        .expect("the cluster starts");
    assert_eq!(details.state, Some(models::ClusterState::Running));
    assert_eq!(
        *seen.lock().expect("lock"),
        [
            "1 PENDING Some(\"Finding instances\")",
            "2 PENDING Some(\"Setting up Spark\")",
            "3 RUNNING Some(\"\")"
        ]
    );
    let requests = received(&server).await;
    assert_eq!(requests.len(), 4);
    for poll in &requests[1..] {
        assert_eq!(poll.method, "GET");
        assert_eq!(
            poll.query,
            [("cluster_id".to_owned(), "0115-c1".to_owned())],
            "bound from the response"
        );
        assert!(poll.body.is_none());
    }
}

#[tokio::test]
async fn a_failure_state_is_an_error_with_the_servers_message() {
    let server = moving_server(
        ("POST", "/api/2.1/clusters/create", json!({"cluster_id": "0115-c1"})),
        ("GET", "/api/2.1/clusters/get"),
        vec![
            cluster("PENDING", "Starting"),
            cluster("TERMINATED", "Init script /init.sh exited with status 1"),
        ],
    )
    .await;
    let error = client(&server)
        .clusters()
        .create_and_wait(&create_cluster(), &quick_waits())
        .await
        .expect_err("the cluster fails to start");
    match &error {
        Error::WaitFailed {
            operation,
            state,
            message,
        } => {
            assert_eq!(*operation, "clusters.create");
            assert_eq!(state, "TERMINATED");
            assert_eq!(message.as_deref(), Some("Init script /init.sh exited with status 1"));
        }
        other => panic!("expected WaitFailed, got {other:?}"),
    }
    assert_eq!(
        error.to_string(),
        "clusters.create reached the failure state TERMINATED: Init script /init.sh exited with status 1"
    );
}

#[tokio::test]
async fn a_resource_that_never_settles_times_out_with_its_last_state() {
    let server = moving_server(
        ("POST", "/api/2.1/clusters/start", json!({})),
        ("GET", "/api/2.1/clusters/get"),
        vec![cluster("PENDING", "Waiting for capacity")],
    )
    .await;
    let options = quick_waits().timeout(Duration::from_millis(150));
    let error = client(&server)
        .clusters()
        .start_and_wait(&models::StartCluster::new("0115-c1"), &options)
        .await
        .expect_err("it never starts");
    match &error {
        Error::WaitTimeout { state, message, .. } => {
            assert_eq!(state.as_deref(), Some("PENDING"));
            assert_eq!(message.as_deref(), Some("Waiting for capacity"));
        }
        other => panic!("expected WaitTimeout, got {other:?}"),
    }
    assert!(
        error
            .to_string()
            .contains("did not finish within 150 ms; last state PENDING (Waiting for capacity)"),
        "{error}"
    );
    let polls = received(&server).await.len() - 1;
    assert!(polls >= 2, "it kept polling until the timeout: {polls}");
    // The start request was bound from the request: the poll asks for the same cluster.
    assert!(
        received(&server).await[1]
            .query
            .contains(&("cluster_id".into(), "0115-c1".into()))
    );
}

#[tokio::test]
async fn a_job_run_is_polled_by_the_run_id_the_call_returned() {
    let server = moving_server(
        ("POST", "/api/2.2/jobs/run-now", json!({"run_id": 455644833, "number_in_job": 1})),
        ("GET", "/api/2.2/jobs/runs/get"),
        vec![
            json!({"run_id": 455644833, "state": {"life_cycle_state": "PENDING"}}),
            json!({"run_id": 455644833, "state": {"life_cycle_state": "RUNNING"}}),
            json!({"run_id": 455644833, "state": {"life_cycle_state": "TERMINATED", "result_state": "SUCCESS", "state_message": ""}}),
        ],
    )
    .await;
    let run = client(&server)
        .jobs()
        .run_now_and_wait(&models::RunNow::new(11223344), &quick_waits())
        .await
        .expect("the run ends");
    assert_eq!(run.run_id, Some(455644833));
    let polls = received(&server).await;
    assert!(
        polls[1..]
            .iter()
            .all(|poll| poll.query.contains(&("run_id".into(), "455644833".into())))
    );
}

#[tokio::test]
async fn a_stopped_pipeline_is_polled_by_path_until_idle() {
    let server = moving_server(
        ("POST", "/api/2.0/pipelines/a%20b%2Fc/stop", json!({})),
        ("GET", "/api/2.0/pipelines/a%20b%2Fc"),
        vec![
            json!({"pipeline_id": "a b/c", "state": "STOPPING"}),
            json!({"pipeline_id": "a b/c", "state": "IDLE"}),
        ],
    )
    .await;
    let pipeline = client(&server)
        .pipelines()
        .stop_and_wait("a b/c", &quick_waits())
        .await
        .expect("the pipeline stops");
    assert_eq!(pipeline.pipeline_id.as_deref(), Some("a b/c"));
    let paths: Vec<String> = received(&server)
        .await
        .into_iter()
        .map(|request| request.path)
        .collect();
    assert_eq!(
        paths,
        [
            "/api/2.0/pipelines/a%20b%2Fc/stop",
            "/api/2.0/pipelines/a%20b%2Fc",
            "/api/2.0/pipelines/a%20b%2Fc"
        ]
    );
}

#[tokio::test]
async fn a_response_without_the_bound_value_is_a_clear_error() {
    let server = moving_server(
        ("POST", "/api/2.2/jobs/run-now", json!({})),
        ("GET", "/api/2.2/jobs/runs/get"),
        vec![json!({})],
    )
    .await;
    let error = client(&server)
        .jobs()
        .run_now_and_wait(&models::RunNow::new(1), &quick_waits())
        .await
        .expect_err("nothing to wait on");
    assert!(
        error
            .to_string()
            .contains("the response has no `run_id`, which waiting needs"),
        "{error}"
    );
    assert_eq!(received(&server).await.len(), 1, "no poll without a run id");
}

#[tokio::test]
async fn a_reset_pipeline_is_polled_by_its_id_until_it_runs_again() {
    const PIPELINE: &str = "/api/2.0/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b";
    let server = moving_server(
        ("POST", &format!("{PIPELINE}/reset"), json!({})),
        ("GET", PIPELINE),
        vec![
            json!({"pipeline_id": "3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b", "state": "RESETTING"}),
            json!({"pipeline_id": "3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b", "state": "RUNNING"}),
        ],
    )
    .await;
    let running = client(&server)
        .pipelines()
        .reset_and_wait("3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b", &quick_waits())
        .await
        .expect("the pipeline runs again");
    assert_eq!(running.state, Some(models::PipelineState::Running));
    let requests = received(&server).await;
    let calls: Vec<(&str, &str)> = requests.iter().map(|r| (r.method.as_str(), r.path.as_str())).collect();
    assert_eq!(
        calls,
        [
            ("POST", "/api/2.0/pipelines/3b2f0f1e-6c1d-4a7e-9a51-2f3c8d4e5a6b/reset"),
            ("GET", PIPELINE),
            ("GET", PIPELINE),
        ]
    );
}
