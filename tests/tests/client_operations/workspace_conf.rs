//! Workspace configuration: every operation through the typed client.

use super::{ok, setup};
use databricks_client::models;

#[tokio::test]
async fn workspace_conf_get_status() {
    let t = setup("workspaceConf.getStatus").await;
    let keys = ["enableTokensConfig", "maxTokenLifetimeDays", "enableIpAccessLists"].map(String::from);
    let answer = ok(t.case.operation, t.client.workspace_conf().get_status(&keys).await);
    t.verify(&answer).await;
    assert_eq!(answer.0["enableTokensConfig"].as_deref(), Some("true"));
    // A key never set is there, as `null`: not dropped and not turned into "".
    assert_eq!(answer.0.get("maxTokenLifetimeDays"), Some(&None));
    assert_eq!(answer.0.len(), 3);
}

#[tokio::test]
async fn workspace_conf_set_status() {
    let t = setup("workspaceConf.setStatus").await;
    let body = models::WorkspaceConfChange(
        [("enableIpAccessLists", "true"), ("maxTokenLifetimeDays", "90")]
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value.to_owned()))
            .collect(),
    );
    let answer = ok(t.case.operation, t.client.workspace_conf().set_status(&body).await);
    t.verify(&answer).await;
}

/// The server answers a change with `204 No Content` and no body; that is a success, not a lost answer.
#[tokio::test]
async fn workspace_conf_set_status_accepts_an_empty_answer() {
    let server = wiremock::MockServer::builder().start().await;
    wiremock::Mock::given(wiremock::matchers::method("PATCH"))
        .respond_with(wiremock::ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = databricks_tests::mock::client(&server);
    let body = models::WorkspaceConfChange([("enableTokensConfig".to_owned(), "false".to_owned())].into());
    let answer = client.workspace_conf().set_status(&body).await;
    assert!(answer.is_ok(), "{answer:?}");
}
