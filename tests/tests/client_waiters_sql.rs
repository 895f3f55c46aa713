//! The waits of SQL warehouses against a local server whose warehouse moves through states: `create`,
//! `edit` and `start` until `RUNNING` (a `STOPPED` or `DELETED` warehouse ends them with the health
//! summary), `stop` until `STOPPED`; the warehouse polled is the one the call named or created.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use databricks_client::{Client, Error, models};
use databricks_tests::mock::{self, client_with_budget, quick_waits, received};
use serde_json::{Value, json};
use wiremock::MockServer;

const ID: &str = "4b9d5c2a7e1f3068";
const GET: &str = "/api/2.0/sql/warehouses/4b9d5c2a7e1f3068";

fn client(server: &MockServer) -> Client {
    client_with_budget(&server.uri(), Duration::from_secs(2))
}

/// A server where `POST call_path` answers `first`, and each `GET` of the warehouse answers the next of
/// `states`.
async fn moving_server(call_path: &str, first: Value, states: Vec<Value>) -> MockServer {
    mock::moving_server(("POST", call_path, first), ("GET", GET), states).await
}

/// A warehouse in `state`, with a health summary when `summary` is given.
fn warehouse(state: &str, summary: Option<&str>) -> Value {
    let mut warehouse = json!({"id": ID, "name": "analytics-bi", "cluster_size": "Small", "state": state});
    if let Some(summary) = summary {
        warehouse["health"] = json!({"status": "FAILED", "summary": summary});
    }
    warehouse
}

/// Every request after the call polled the warehouse named in its path, without a query or a body.
async fn assert_polled_the_warehouse(server: &MockServer, calls: usize) {
    let requests = received(server).await;
    assert!(requests.len() > calls, "it polled");
    for poll in &requests[calls..] {
        assert_eq!((poll.method.as_str(), poll.path.as_str()), ("GET", GET));
        assert!(poll.query.is_empty());
        assert!(poll.body.is_none());
    }
}

#[tokio::test]
async fn a_created_warehouse_is_polled_by_the_id_it_was_given_until_running() {
    let server = moving_server(
        "/api/2.0/sql/warehouses",
        json!({"id": ID}),
        vec![
            warehouse("STARTING", None),
            warehouse("STARTING", Some("Acquiring instances")),
            warehouse("RUNNING", None),
        ],
    )
    .await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let options = quick_waits().on_progress(move |progress| {
        log.lock()
            .expect("lock")
            .push(format!("{} {:?}", progress.state, progress.message));
    });
    let body = models::CreateWarehouseRequest {
        name: Some("analytics-bi".into()),
        cluster_size: Some("Small".into()),
        ..Default::default()
    };
    let running = client(&server)
        .warehouses()
        .create_and_wait(&body, &options)
        .await
        .expect("the warehouse starts");
    assert_eq!(running.state, Some(models::WarehouseState::Running));
    assert_eq!(running.id.as_deref(), Some(ID));
    assert_eq!(
        *seen.lock().expect("lock"),
        [
            "STARTING None",
            "STARTING Some(\"Acquiring instances\")",
            "RUNNING None"
        ],
        "the health summary is the progress message"
    );
    assert_polled_the_warehouse(&server, 1).await;
    assert_eq!(received(&server).await.len(), 4);
}

#[tokio::test]
async fn a_warehouse_that_stops_while_starting_fails_the_wait_with_its_health_summary() {
    let server = moving_server(
        "/api/2.0/sql/warehouses/4b9d5c2a7e1f3068/start",
        json!({}),
        vec![
            warehouse("STARTING", None),
            warehouse("STOPPED", Some("Could not acquire enough instances.")),
        ],
    )
    .await;
    let error = client(&server)
        .warehouses()
        .start_and_wait(ID, &quick_waits())
        .await
        .expect_err("the warehouse stops instead");
    match &error {
        Error::WaitFailed {
            operation,
            state,
            message,
        } => {
            assert_eq!(*operation, "warehouses.start");
            assert_eq!(state, "STOPPED");
            assert_eq!(message.as_deref(), Some("Could not acquire enough instances."));
        }
        other => panic!("expected WaitFailed, got {other:?}"),
    }
    assert_polled_the_warehouse(&server, 1).await;
    assert_eq!(received(&server).await.len(), 3, "no poll after the failure state");
}

#[tokio::test]
async fn a_deleted_warehouse_fails_the_wait_of_an_edit() {
    let server = moving_server(
        "/api/2.0/sql/warehouses/4b9d5c2a7e1f3068/edit",
        json!({}),
        vec![warehouse("DELETED", None)],
    )
    .await;
    let body = models::EditWarehouseRequest {
        max_num_clusters: Some(6),
        ..Default::default()
    };
    let error = client(&server)
        .warehouses()
        .edit_and_wait(ID, &body, &quick_waits())
        .await
        .expect_err("the warehouse is gone");
    assert!(
        matches!(&error, Error::WaitFailed { state, message: None, .. } if state == "DELETED"),
        "{error:?}"
    );
    let requests = received(&server).await;
    assert_eq!(requests[0].body, Some(json!({"max_num_clusters": 6})));
    assert_polled_the_warehouse(&server, 1).await;
}

#[tokio::test]
async fn an_edited_warehouse_is_waited_for_until_running_again() {
    let server = moving_server(
        "/api/2.0/sql/warehouses/4b9d5c2a7e1f3068/edit",
        json!({}),
        vec![warehouse("STARTING", None), warehouse("RUNNING", None)],
    )
    .await;
    let body = models::EditWarehouseRequest {
        cluster_size: Some("Medium".into()),
        ..Default::default()
    };
    let running = client(&server)
        .warehouses()
        .edit_and_wait(ID, &body, &quick_waits())
        .await
        .expect("the warehouse restarts");
    assert_eq!(running.state, Some(models::WarehouseState::Running));
    assert_polled_the_warehouse(&server, 1).await;
}

#[tokio::test]
async fn a_stopped_warehouse_is_polled_until_stopped() {
    let server = moving_server(
        "/api/2.0/sql/warehouses/4b9d5c2a7e1f3068/stop",
        json!({}),
        vec![
            warehouse("RUNNING", None),
            warehouse("STOPPING", None),
            warehouse("STOPPED", None),
        ],
    )
    .await;
    let stopped = client(&server)
        .warehouses()
        .stop_and_wait(ID, &quick_waits())
        .await
        .expect("the warehouse stops");
    assert_eq!(stopped.state, Some(models::WarehouseState::Stopped));
    let requests = received(&server).await;
    assert_eq!(requests.len(), 4);
    assert!(requests[0].body.is_none(), "stop sends no body");
    assert_polled_the_warehouse(&server, 1).await;
}

#[tokio::test]
async fn stopping_a_warehouse_that_never_stops_times_out_with_its_last_state() {
    let server = moving_server(
        "/api/2.0/sql/warehouses/4b9d5c2a7e1f3068/stop",
        json!({}),
        vec![warehouse("STOPPING", None)],
    )
    .await;
    let error = client(&server)
        .warehouses()
        .stop_and_wait(ID, &quick_waits().timeout(Duration::from_millis(150)))
        .await
        .expect_err("it never stops");
    assert!(
        matches!(&error, Error::WaitTimeout { state: Some(state), .. } if state == "STOPPING"),
        "{error:?}"
    );
}
